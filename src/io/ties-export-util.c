/* ties-export-util.c: what the data exports of src/io share
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ties-export-util.h"
#include "ties-safe-file.h"

TiesNetwork *
_ties_export_network (TiesDocument *document,
                      TiesFilter   *filter)
{
  g_autoptr(TiesFilter) kept = NULL;
  TiesNetwork *network;

  g_assert (TIES_IS_DOCUMENT (document));
  g_assert (filter == NULL || TIES_IS_FILTER (filter));

  kept = ties_filter_copy (filter != NULL ? filter : ties_document_get_filter (document));
  ties_filter_set_diagram (kept, TIES_FILTER_DIAGRAM_HIDE);
  network = ties_network_new (document);
  ties_network_set_filter (network, kept);
  ties_network_update (network);

  return network;
}

gboolean
_ties_export_actor_place (TiesDocument *document,
                          TiesActor    *actor,
                          double       *x,
                          double       *y,
                          gboolean     *pinned)
{
  g_assert (TIES_IS_DOCUMENT (document));
  g_assert (TIES_IS_ACTOR (actor));

  *pinned = FALSE;
  if (ties_actor_get_has_position (actor))
    {
      *x = ties_actor_get_x (actor);
      *y = ties_actor_get_y (actor);
      *pinned = ties_actor_get_pinned (actor);
      return TRUE;
    }

  return ties_document_lookup_position (document, ties_actor_get_id (actor), x, y);
}

void
_ties_export_json_add_string (JsonBuilder *builder,
                              const char  *name,
                              const char  *value)
{
  if (value == NULL || *value == '\0')
    return;

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_uint (JsonBuilder *builder,
          const char  *name,
          guint        value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_strv (JsonBuilder        *builder,
          const char         *name,
          const char * const *values)
{
  if (values == NULL || values[0] == NULL)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

void
_ties_export_json_actor_members (JsonBuilder *builder,
                                 TiesNetwork *network,
                                 TiesActor   *actor)
{
  const char *id = ties_actor_get_id (actor);

  _ties_export_json_add_string (builder, "kind", ties_actor_kind_to_string (ties_actor_get_kind (actor)));
  _ties_export_json_add_string (builder, "role", ties_actor_get_role (actor));
  _ties_export_json_add_string (builder, "affiliation", ties_actor_get_affiliation (actor));
  add_strv (builder, "aliases", ties_actor_get_aliases (actor));
  _ties_export_json_add_string (builder, "color", ties_actor_get_color (actor));
  add_uint (builder, "events", ties_network_get_event_count (network, id));
  add_uint (builder, "degree", ties_network_get_degree (network, id));
}

void
_ties_export_json_tie_members (JsonBuilder *builder,
                               TiesTie     *tie)
{
  GPtrArray *events = ties_tie_get_events (tie);
  TiesDate *first = ties_tie_get_first_date (tie);
  TiesDate *last = ties_tie_get_last_date (tie);

  add_uint (builder, "weight", ties_tie_get_weight (tie));
  add_strv (builder, "kinds", ties_tie_get_kinds (tie));
  _ties_export_json_add_string (builder, "first", first != NULL ? ties_date_get_text (first) : NULL);
  _ties_export_json_add_string (builder, "last", last != NULL ? ties_date_get_text (last) : NULL);
  add_uint (builder, "sources", ties_tie_get_n_sources (tie));
  add_uint (builder, "evidence", ties_tie_get_n_evidence (tie));
  add_uint (builder, "initiated_by_source", ties_tie_get_n_a_to_b (tie));
  add_uint (builder, "initiated_by_target", ties_tie_get_n_b_to_a (tie));
  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < events->len; i++)
    json_builder_add_string_value (builder, ties_event_get_id (g_ptr_array_index (events, i)));
  json_builder_end_array (builder);
}

gsize
_ties_export_size_hint (TiesNetwork *network,
                        gsize        per_item)
{
  TiesDocument *document;

  g_assert (TIES_IS_NETWORK (network));

  document = ties_network_get_document (network);
  return 4096 + per_item * ((gsize) g_list_model_get_n_items (ties_document_get_actors (document))
                            + g_list_model_get_n_items (ties_network_get_ties (network)));
}

gboolean
_ties_export_network_to_file (TiesNetworkToBytes   to_bytes,
                              TiesDocument        *document,
                              TiesFilter          *filter,
                              GFile               *file,
                              GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_assert (to_bytes != NULL);

  bytes = to_bytes (document, filter, error);
  if (bytes == NULL)
    return FALSE;

  return ties_safe_file_replace (file, bytes, NULL, error);
}

GBytes *
_ties_export_json_bytes (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  char *data;
  gsize length;

  g_assert (JSON_IS_BUILDER (builder));

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);

  data = g_realloc (data, length + 2);
  data[length++] = '\n';
  data[length] = '\0';

  return g_bytes_new_take (data, length);
}

void
_ties_json_stream_init (TiesJsonStream *stream)
{
  g_assert (stream != NULL);

  memset (stream, 0, sizeof *stream);
  stream->out = g_string_sized_new (64 * 1024);
  stream->piece = g_string_sized_new (64 * 1024);
  stream->builder = json_builder_new ();
  stream->generator = json_generator_new ();
  json_generator_set_pretty (stream->generator, TRUE);
  json_generator_set_indent (stream->generator, 2);
}

static void
stream_indent (TiesJsonStream *stream,
               guint           level)
{
  for (guint i = 0; i < level; i++)
    g_string_append (stream->out, "  ");
}

/* Before a member or element of the container open: the comma after the
 * one before, as JsonGenerator writes them, one per line. */
static void
stream_next (TiesJsonStream *stream)
{
  if (stream->depth == 0)
    return;
  if (stream->written[stream->depth - 1])
    g_string_append (stream->out, ",\n");
  stream->written[stream->depth - 1] = TRUE;
}

void
_ties_json_stream_open (TiesJsonStream *stream,
                        const char     *name,
                        char            bracket)
{
  g_assert (stream != NULL);
  g_assert (bracket == '{' || bracket == '[');
  g_assert (stream->depth < G_N_ELEMENTS (stream->brackets));
  g_assert ((name != NULL) == (stream->depth > 0 && stream->brackets[stream->depth - 1] == '{'));

  stream_next (stream);
  stream_indent (stream, stream->depth);
  if (name != NULL)
    g_string_append_printf (stream->out, "\"%s\" : ", name);
  g_string_append_c (stream->out, bracket);
  /* Taken back by _close() if nothing goes in. */
  g_string_append_c (stream->out, '\n');
  stream->brackets[stream->depth] = bracket;
  stream->written[stream->depth] = FALSE;
  stream->depth++;
}

void
_ties_json_stream_close (TiesJsonStream *stream)
{
  g_assert (stream != NULL);
  g_assert (stream->depth > 0);

  stream->depth--;
  if (stream->written[stream->depth])
    {
      g_string_append_c (stream->out, '\n');
      stream_indent (stream, stream->depth);
    }
  else
    {
      /* json-glib 1.6 writes an empty array "[]" and an empty object
       * "{", the indentation of its last line, "}". */
      g_string_truncate (stream->out, stream->out->len - 1);
      if (stream->brackets[stream->depth] == '{')
        stream_indent (stream, stream->depth);
    }
  g_string_append_c (stream->out, stream->brackets[stream->depth] == '{' ? '}' : ']');
}

JsonBuilder *
_ties_json_stream_begin (TiesJsonStream *stream)
{
  g_assert (stream != NULL);
  g_assert (stream->depth > 0);

  json_builder_reset (stream->builder);
  if (stream->brackets[stream->depth - 1] == '{')
    json_builder_begin_object (stream->builder);
  else
    json_builder_begin_array (stream->builder);

  return stream->builder;
}

/* The builder's container written at level 0 is "{\n", its members one
 * level in, each on its own lines, and "\n}": the lines between are
 * what goes in the container open, each moved in to its level. */
void
_ties_json_stream_commit (TiesJsonStream *stream)
{
  g_autoptr(JsonNode) root = NULL;
  const char *text, *end, *line;

  g_assert (stream != NULL);
  g_assert (stream->depth > 0);

  if (stream->brackets[stream->depth - 1] == '{')
    json_builder_end_object (stream->builder);
  else
    json_builder_end_array (stream->builder);
  root = json_builder_get_root (stream->builder);
  json_builder_reset (stream->builder);

  g_string_truncate (stream->piece, 0);
  json_generator_set_root (stream->generator, root);
  json_generator_to_gstring (stream->generator, stream->piece);
  json_generator_set_root (stream->generator, NULL);

  text = stream->piece->str;
  end = text + stream->piece->len;
  line = memchr (text, '\n', end - text);
  /* Empty: "{\n}" */
  if (line == NULL || line + 2 >= end)
    return;
  line++;
  end -= 2;
  g_assert (*end == '\n');

  stream_next (stream);
  while (line < end)
    {
      const char *next = memchr (line, '\n', end - line);

      if (next == NULL)
        next = end;
      stream_indent (stream, stream->depth - 1);
      g_string_append_len (stream->out, line, next - line);
      if (next < end)
        g_string_append_c (stream->out, '\n');
      line = next + 1;
    }
}

GBytes *
_ties_json_stream_finish (TiesJsonStream *stream)
{
  GBytes *bytes;

  g_assert (stream != NULL);
  g_assert (stream->depth == 0);

  g_string_append_c (stream->out, '\n');
  bytes = g_string_free_to_bytes (g_steal_pointer (&stream->out));
  g_string_free (stream->piece, TRUE);
  g_clear_object (&stream->builder);
  g_clear_object (&stream->generator);

  return bytes;
}

void
_ties_xml_text_init (TiesXmlText *xml,
                     gsize        size_hint)
{
  g_assert (xml != NULL);

  memset (xml, 0, sizeof *xml);
  xml->out = g_string_sized_new (MAX (size_hint, 4096));
  xml->indent_end = TRUE;
  g_string_append (xml->out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
}

static void
xml_text_indent (TiesXmlText *xml,
                 guint        level)
{
  for (guint i = 0; i < level; i++)
    g_string_append (xml->out, "  ");
}

/* @text as XML 1.0 can hold it, escaped as libxml2 escapes an attribute
 * (@attribute) or text: C0 controls but tab, line feed and carriage
 * return, U+FFFE and U+FFFF as U+FFFD (EF BF BD); in an attribute the
 * three controls kept as references, as a parser would otherwise turn
 * them into spaces. */
static void
xml_text_escape (GString    *out,
                 const char *text,
                 gboolean    attribute)
{
  const guchar *p = (const guchar *) text;
  const guchar *run = p;

  for (;; p++)
    {
      const char *replace;
      gsize skip = 1;

      if (*p >= 0x20 && *p != '<' && *p != '>' && *p != '&' && *p != '"' && *p != 0xEF)
        continue;

      switch (*p)
        {
        case '\0':
          g_string_append_len (out, (const char *) run, p - run);
          return;
        case '<': replace = "&lt;"; break;
        case '>': replace = "&gt;"; break;
        case '&': replace = "&amp;"; break;
        case '"': replace = "&quot;"; break;
        case '\r': replace = "&#13;"; break;
        case '\n': replace = attribute ? "&#10;" : NULL; break;
        case '\t': replace = attribute ? "&#9;" : NULL; break;
        case 0xEF:
          /* U+FFFE and U+FFFF are EF BF BE and EF BF BF. */
          replace = p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF) ? "\xEF\xBF\xBD" : NULL;
          skip = 3;
          break;
        default:
          replace = "\xEF\xBF\xBD";
          break;
        }

      if (replace == NULL)
        continue;
      g_string_append_len (out, (const char *) run, p - run);
      g_string_append (out, replace);
      p += skip - 1;
      run = p + 1;
    }
}

/* The start tag open, closed by ">" now that something goes in it. */
static void
xml_text_close_tag (TiesXmlText *xml,
                    gboolean     line)
{
  if (xml->depth == 0 || xml->has_content[xml->depth - 1])
    return;

  g_string_append (xml->out, line ? ">\n" : ">");
  xml->has_content[xml->depth - 1] = TRUE;
}

void
_ties_xml_text_start (TiesXmlText *xml,
                      const char  *element)
{
  g_assert (xml != NULL);
  g_assert (xml->depth < G_N_ELEMENTS (xml->open));

  xml_text_close_tag (xml, TRUE);
  xml->open[xml->depth] = element;
  xml->has_content[xml->depth] = FALSE;
  xml_text_indent (xml, xml->depth);
  xml->depth++;
  g_string_append_c (xml->out, '<');
  g_string_append (xml->out, element);
}

void
_ties_xml_text_attribute (TiesXmlText *xml,
                          const char  *name,
                          const char  *value)
{
  g_assert (xml != NULL);
  g_assert (xml->depth > 0 && !xml->has_content[xml->depth - 1]);

  g_string_append_c (xml->out, ' ');
  g_string_append (xml->out, name);
  g_string_append (xml->out, "=\"");
  xml_text_escape (xml->out, value, TRUE);
  g_string_append_c (xml->out, '"');
}

void
_ties_xml_text_text (TiesXmlText *xml,
                     const char  *text)
{
  g_assert (xml != NULL);
  g_assert (xml->depth > 0);

  xml_text_close_tag (xml, FALSE);
  xml_text_escape (xml->out, text, FALSE);
  xml->indent_end = FALSE;
}

void
_ties_xml_text_end (TiesXmlText *xml)
{
  g_assert (xml != NULL);
  g_assert (xml->depth > 0);

  xml->depth--;
  if (!xml->has_content[xml->depth])
    g_string_append (xml->out, "/>");
  else
    {
      if (xml->indent_end)
        xml_text_indent (xml, xml->depth);
      g_string_append (xml->out, "</");
      g_string_append (xml->out, xml->open[xml->depth]);
      g_string_append_c (xml->out, '>');
    }
  xml->indent_end = TRUE;
  g_string_append_c (xml->out, '\n');
}

GBytes *
_ties_xml_text_finish (TiesXmlText *xml)
{
  g_assert (xml != NULL);

  while (xml->depth > 0)
    _ties_xml_text_end (xml);

  return g_string_free_to_bytes (g_steal_pointer (&xml->out));
}
