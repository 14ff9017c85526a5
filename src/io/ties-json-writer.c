/* ties-json-writer.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ties-json-writer.h"

#define MAX_DEPTH 64

struct _TiesJsonWriter
{
  GString *out;
  /* Items written so far in each open container. */
  guint counts[MAX_DEPTH];
  guint depth;
  gboolean after_member;
};

TiesJsonWriter *
ties_json_writer_new (gsize size_hint)
{
  TiesJsonWriter *self = g_new0 (TiesJsonWriter, 1);

  self->out = g_string_sized_new (MAX (size_hint, 256));

  return self;
}

void
ties_json_writer_free (TiesJsonWriter *self)
{
  if (self == NULL)
    return;

  g_string_free (self->out, TRUE);
  g_free (self);
}

GBytes *
ties_json_writer_free_to_bytes (TiesJsonWriter *self)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->depth == 0, NULL);

  out = self->out;
  g_free (self);
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (out);
}

static void
newline_indent (TiesJsonWriter *self)
{
  g_string_append_c (self->out, '\n');
  for (guint i = 0; i < self->depth; i++)
    g_string_append_len (self->out, "  ", 2);
}

/* Separator and indentation before a value or a member name. */
static void
begin_item (TiesJsonWriter *self)
{
  g_assert (self != NULL);

  if (self->after_member)
    {
      self->after_member = FALSE;
      return;
    }

  if (self->depth == 0)
    return;

  if (self->counts[self->depth - 1]++ > 0)
    g_string_append_c (self->out, ',');
  newline_indent (self);
}

static void
begin_container (TiesJsonWriter *self,
                 char            open)
{
  begin_item (self);
  g_string_append_c (self->out, open);

  g_return_if_fail (self->depth < MAX_DEPTH);
  self->counts[self->depth++] = 0;
}

static void
end_container (TiesJsonWriter *self,
               char            close)
{
  g_return_if_fail (self->depth > 0);

  if (self->counts[--self->depth] > 0)
    newline_indent (self);
  g_string_append_c (self->out, close);
}

void
ties_json_writer_begin_object (TiesJsonWriter *self)
{
  begin_container (self, '{');
}

void
ties_json_writer_end_object (TiesJsonWriter *self)
{
  end_container (self, '}');
}

void
ties_json_writer_begin_array (TiesJsonWriter *self)
{
  begin_container (self, '[');
}

void
ties_json_writer_end_array (TiesJsonWriter *self)
{
  end_container (self, ']');
}

/* A JSON string, escaping only what JSON requires. */
void
ties_json_append_string (GString    *out,
                         const char *value)
{
  static const char hex[] = "0123456789abcdef";
  const char *run = value;
  const char *p;

  g_string_append_c (out, '"');

  /* Copy runs of plain bytes at once; only quotes, backslashes and
   * control characters are escaped (UTF-8 passes through as it is). */
  for (p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      const char *escape = NULL;
      char buf[7];

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        default:
          buf[0] = '\\';
          buf[1] = 'u';
          buf[2] = '0';
          buf[3] = '0';
          buf[4] = hex[c >> 4];
          buf[5] = hex[c & 0xf];
          buf[6] = '\0';
          escape = buf;
          break;
        }

      g_string_append_len (out, run, p - run);
      g_string_append (out, escape);
      run = p + 1;
    }

  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

void
ties_json_writer_member (TiesJsonWriter *self,
                         const char     *name)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (!self->after_member);

  begin_item (self);
  ties_json_append_string (self->out, name);
  g_string_append_len (self->out, ": ", 2);
  self->after_member = TRUE;
}

void
ties_json_writer_string (TiesJsonWriter *self,
                         const char     *value)
{
  g_return_if_fail (self != NULL);

  begin_item (self);
  ties_json_append_string (self->out, value != NULL ? value : "");
}

void
ties_json_writer_string_or_null (TiesJsonWriter *self,
                                 const char     *value)
{
  if (value == NULL)
    ties_json_writer_null (self);
  else
    ties_json_writer_string (self, value);
}

void
ties_json_writer_strv (TiesJsonWriter     *self,
                       const char * const *values)
{
  ties_json_writer_begin_array (self);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    ties_json_writer_string (self, values[i]);
  ties_json_writer_end_array (self);
}

void
ties_json_writer_null (TiesJsonWriter *self)
{
  g_return_if_fail (self != NULL);

  begin_item (self);
  g_string_append_len (self->out, "null", 4);
}

void
ties_json_writer_boolean (TiesJsonWriter *self,
                          gboolean        value)
{
  g_return_if_fail (self != NULL);

  begin_item (self);
  g_string_append (self->out, value ? "true" : "false");
}

void
ties_json_writer_int (TiesJsonWriter *self,
                      gint64          value)
{
  g_return_if_fail (self != NULL);

  begin_item (self);
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT, value);
}

/* Whole numbers without a fraction, others in the shortest form that
 * reads back to the same double; JSON has no NaN or infinity. */
void
ties_json_append_double (GString *out,
                         double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append_len (out, "null", 4);
      return;
    }

  if (value == floor (value) && fabs (value) < 1e15)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) value);
      return;
    }

  for (int precision = 15; precision <= 17; precision++)
    {
      g_ascii_formatd (buf, sizeof buf, precision == 15 ? "%.15g" : precision == 16 ? "%.16g" : "%.17g", value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  g_string_append (out, buf);
}

void
ties_json_writer_double (TiesJsonWriter *self,
                         double          value)
{
  g_return_if_fail (self != NULL);

  begin_item (self);
  ties_json_append_double (self->out, value);
}

void
ties_json_writer_node (TiesJsonWriter *self,
                       JsonNode       *node)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (node != NULL);

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        ties_json_writer_begin_object (self);
        for (GList *l = members; l != NULL; l = l->next)
          {
            ties_json_writer_member (self, l->data);
            ties_json_writer_node (self, json_object_get_member (object, l->data));
          }
        ties_json_writer_end_object (self);
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        ties_json_writer_begin_array (self);
        for (guint i = 0; i < n; i++)
          ties_json_writer_node (self, json_array_get_element (array, i));
        ties_json_writer_end_array (self);
      }
      break;

    case JSON_NODE_NULL:
      ties_json_writer_null (self);
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          ties_json_writer_int (self, json_node_get_int (node));
          break;

        case G_TYPE_DOUBLE:
          ties_json_writer_double (self, json_node_get_double (node));
          break;

        case G_TYPE_BOOLEAN:
          ties_json_writer_boolean (self, json_node_get_boolean (node));
          break;

        case G_TYPE_STRING:
          ties_json_writer_string (self, json_node_get_string (node));
          break;

        default:
          ties_json_writer_null (self);
          break;
        }
      break;

    default:
      g_assert_not_reached ();
    }
}
