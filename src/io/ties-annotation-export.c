/* ties-annotation-export.c: evidence as W3C Web Annotations (JSON-LD)
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One evidence item says "these words of this source report this event".
 * In the Web Annotation Data Model that is an Annotation whose target is
 * the passage (the source with a TextQuoteSelector and a
 * TextPositionSelector, both naming the same words) and whose body
 * describes the event:
 *
 *   {
 *     "@context": "http://www.w3.org/ns/anno.jsonld",
 *     "id": "urn:ties:<document>:<event id>:<n>",
 *     "type": "Annotation",
 *     "motivation": "describing",
 *     "body": [
 *       { "type": "TextualBody", "purpose": "describing", "format": "text/plain",
 *         "value": "<title>\nKind: …\nDate: …\nParticipants: …" },
 *       { "type": "TextualBody", "purpose": "tagging", "value": "<kind id>" }
 *     ],
 *     "target": {
 *       "source": "<the source's URL, or urn:ties:source:<id>>",
 *       "selector": [
 *         { "type": "TextQuoteSelector", "exact": …, "prefix": …, "suffix": … },
 *         { "type": "TextPositionSelector", "start": …, "end": … }
 *       ]
 *     }
 *   }
 *
 * The motivation is "describing" (model §3.3.5: the user intends to
 * describe the target, as opposed to commenting on it): the body does not
 * comment on the words, it says which event they are evidence of. The kind is also a
 * "tagging" body, the model's way to attach a short machine-readable tag,
 * so that tools can filter by kind without parsing the prose.
 *
 * Positions are Unicode code points, as the model's TextPositionSelector
 * counts them and as Ties stores them. A position is written only when it
 * selects exactly the quote in the source's text; for orphaned evidence
 * (its quote no longer in the text) the quote alone is written, and a
 * "commenting" body says so, rather than a position that would point at
 * other words. There is no "created" time: the same document always
 * gives the same bytes.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "ties-annotation-export.h"
#include "ties-export-util.h"
#include "ties-safe-file.h"

#define ANNO_CONTEXT "http://www.w3.org/ns/anno.jsonld"
/* As many code points of context as the sample stores, when an anchored
 * item has no prefix or suffix of its own. */
#define CONTEXT_LENGTH 32

/* A name for the document in ids: its title folded to lower-case ASCII
 * letters, digits and hyphens, so that ids stay valid IRIs and stable
 * across saves. */
static char *
document_slug (TiesDocument *document)
{
  const char *title = ties_document_get_title (document);
  g_autofree char *ascii = NULL;
  GString *slug = g_string_new (NULL);
  gboolean hyphen = FALSE;

  if (title != NULL)
    ascii = g_str_to_ascii (title, "C");

  for (const char *p = ascii; p != NULL && *p != '\0' && slug->len < 64; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (hyphen && slug->len > 0)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, g_ascii_tolower (*p));
          hyphen = FALSE;
        }
      else
        {
          hyphen = TRUE;
        }
    }

  if (slug->len == 0)
    g_string_append (slug, "document");

  return g_string_free (slug, FALSE);
}

/* Ids may hold any character: percent-encode all but the unreserved. */
static char *
escape_id (const char *id)
{
  return g_uri_escape_string (id != NULL ? id : "", NULL, FALSE);
}

/* The source's URL as an absolute URI, ASCII only (percent-encoding
 * spaces and other characters a URI cannot hold, as browsers do), or
 * NULL when it is not one ("nzherald.co.nz/…" has no scheme). */
static char *
source_uri (TiesSource *source)
{
  const char *url = source != NULL ? ties_source_get_url (source) : NULL;
  g_autoptr(GString) uri = NULL;

  if (url == NULL || *url == '\0')
    return NULL;

  uri = g_string_new (NULL);
  for (const guchar *p = (const guchar *) url; *p != '\0'; p++)
    {
      if (*p <= 0x20 || *p >= 0x7f || strchr ("\"<>\\^`{|}", *p) != NULL)
        g_string_append_printf (uri, "%%%02X", *p);
      else
        g_string_append_c (uri, *p);
    }

  if (!g_uri_is_valid (uri->str, G_URI_FLAGS_NONE, NULL))
    return NULL;

  return g_string_free (g_steal_pointer (&uri), FALSE);
}

static char *
describe_event (TiesDocument *document,
                TiesEvent    *event)
{
  GString *text = g_string_new (NULL);
  const char *title = ties_event_get_title (event);
  const char *kind_id = ties_event_get_kind (event);
  TiesEventKind *kind = kind_id != NULL ? ties_document_lookup_event_kind (document, kind_id) : NULL;
  const char *date = ties_event_get_date (event);
  const char *phrase = ties_event_get_date_phrase (event);
  const char *place = ties_event_get_place (event);
  const char * const *participants = ties_event_get_participants (event);
  const char *initiator = ties_event_get_initiator (event);

  g_string_append (text, title != NULL && *title != '\0' ? title : ties_event_get_id (event));

  if (kind_id != NULL && *kind_id != '\0')
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Kind: %s"), kind != NULL ? ties_event_kind_get_label (kind) : kind_id);
    }

  if (date != NULL && *date != '\0')
    {
      g_string_append_c (text, '\n');
      if (phrase != NULL && *phrase != '\0')
        /* Translators: an EDTF date, then the words of the article it was read from */
        g_string_append_printf (text, _("Date: %s (“%s”)"), date, phrase);
      else
        g_string_append_printf (text, _("Date: %s"), date);
    }

  if (place != NULL && *place != '\0')
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Place: %s"), place);
    }

  if (participants != NULL && participants[0] != NULL)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; participants[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append (names, ", ");
          g_string_append (names, ties_document_get_actor_name (document, participants[i]));
        }

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Participants: %s"), names->str);
    }

  if (initiator != NULL && *initiator != '\0')
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Initiated by: %s"), ties_document_get_actor_name (document, initiator));
    }

  return g_string_free (text, FALSE);
}

static void
add_textual_body (JsonBuilder *builder,
                  const char  *purpose,
                  const char  *value)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "TextualBody");
  json_builder_set_member_name (builder, "purpose");
  json_builder_add_string_value (builder, purpose);
  json_builder_set_member_name (builder, "value");
  json_builder_add_string_value (builder, value);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "text/plain");
  json_builder_end_object (builder);
}

static void
add_quote_selector (JsonBuilder  *builder,
                    TiesEvidence *evidence,
                    TiesSource   *source,
                    gboolean      anchored)
{
  const char *prefix = ties_evidence_get_prefix (evidence);
  const char *suffix = ties_evidence_get_suffix (evidence);
  g_autofree char *own_prefix = NULL;
  g_autofree char *own_suffix = NULL;

  /* Context makes a quote that occurs twice findable; where the item has
   * none of its own and its place is known, it is taken from the text. */
  if (anchored && (prefix == NULL || *prefix == '\0'))
    {
      glong start = ties_evidence_get_start (evidence);

      own_prefix = ties_source_dup_text_range (source, MAX (0, start - CONTEXT_LENGTH), start);
      prefix = own_prefix;
    }
  if (anchored && (suffix == NULL || *suffix == '\0'))
    {
      glong end = ties_evidence_get_end (evidence);

      own_suffix = ties_source_dup_text_range (source, end,
                                               MIN (ties_source_get_text_length (source), end + CONTEXT_LENGTH));
      suffix = own_suffix;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "TextQuoteSelector");
  json_builder_set_member_name (builder, "exact");
  json_builder_add_string_value (builder, ties_evidence_get_exact (evidence));
  if (prefix != NULL && *prefix != '\0')
    {
      json_builder_set_member_name (builder, "prefix");
      json_builder_add_string_value (builder, prefix);
    }
  if (suffix != NULL && *suffix != '\0')
    {
      json_builder_set_member_name (builder, "suffix");
      json_builder_add_string_value (builder, suffix);
    }
  json_builder_end_object (builder);
}

static void
add_annotation (JsonBuilder  *builder,
                TiesDocument *document,
                const char   *slug,
                TiesEvent    *event,
                const char   *description,
                TiesEvidence *evidence,
                guint         n)
{
  const char *source_id = ties_evidence_get_source (evidence);
  TiesSource *source = source_id != NULL ? ties_document_lookup_source (document, source_id) : NULL;
  g_autofree char *url = source_uri (source);
  const char *exact = ties_evidence_get_exact (evidence);
  const char *kind = ties_event_get_kind (event);
  g_autofree char *event_id = escape_id (ties_event_get_id (event));
  g_autofree char *id = g_strdup_printf ("urn:ties:%s:%s:%u", slug, event_id, n);
  g_autofree char *target = NULL;
  gboolean anchored;

  /* Whatever its status says, a position is only written when it gives
   * back the quote: a consumer must never be sent to other words. */
  anchored = source != NULL
             && exact != NULL && *exact != '\0'
             && ties_evidence_get_status (evidence) != TIES_EVIDENCE_ORPHANED
             && ties_source_range_equals (source,
                                          ties_evidence_get_start (evidence),
                                          ties_evidence_get_end (evidence),
                                          exact);

  if (url != NULL)
    {
      target = g_steal_pointer (&url);
    }
  else
    {
      g_autofree char *escaped = escape_id (source_id);

      target = g_strdup_printf ("urn:ties:source:%s", escaped);
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "@context");
  json_builder_add_string_value (builder, ANNO_CONTEXT);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "Annotation");
  json_builder_set_member_name (builder, "motivation");
  json_builder_add_string_value (builder, "describing");

  json_builder_set_member_name (builder, "body");
  json_builder_begin_array (builder);
  add_textual_body (builder, "describing", description);
  if (kind != NULL && *kind != '\0')
    add_textual_body (builder, "tagging", kind);
  if (!anchored)
    add_textual_body (builder, "commenting",
                      /* Translators: said in a Web Annotation export of evidence whose
                       * quote was not found in its source's text */
                      _("Orphaned evidence: these words are no longer found in the source’s text, "
                        "so where they stand is unknown."));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "target");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, target);
  json_builder_set_member_name (builder, "selector");
  if (anchored)
    {
      json_builder_begin_array (builder);
      add_quote_selector (builder, evidence, source, TRUE);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "TextPositionSelector");
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, ties_evidence_get_start (evidence));
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, ties_evidence_get_end (evidence));
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
  else
    {
      add_quote_selector (builder, evidence, source, FALSE);
    }
  json_builder_end_object (builder);

  json_builder_end_object (builder);
}

GBytes *
ties_annotation_export_to_bytes (TiesDocument  *document,
                                 GError       **error)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *collection_id = NULL;
  GListModel *events;
  const char *title;
  guint total = 0;

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  events = G_LIST_MODEL (ties_document_get_events (document));
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (events, i);

      total += g_list_model_get_n_items (G_LIST_MODEL (ties_event_get_evidence (event)));
    }

  slug = document_slug (document);
  collection_id = g_strdup_printf ("urn:ties:%s", slug);
  title = ties_document_get_title (document);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "@context");
  json_builder_add_string_value (builder, ANNO_CONTEXT);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, collection_id);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "AnnotationCollection");
  if (title != NULL && *title != '\0')
    {
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, title);
    }
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, total);

  /* The model (§5.1) wants "first" only when there is something in it:
   * an empty collection is just its description and total 0. */
  if (total > 0)
    {
      g_autofree char *page_id = g_strdup_printf ("%s:page:1", collection_id);

      json_builder_set_member_name (builder, "first");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, page_id);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "AnnotationPage");
      json_builder_set_member_name (builder, "partOf");
      json_builder_add_string_value (builder, collection_id);
      json_builder_set_member_name (builder, "startIndex");
      json_builder_add_int_value (builder, 0);
      json_builder_set_member_name (builder, "items");
      json_builder_begin_array (builder);

      for (guint i = 0; i < g_list_model_get_n_items (events); i++)
        {
          g_autoptr(TiesEvent) event = g_list_model_get_item (events, i);
          GListModel *evidence = G_LIST_MODEL (ties_event_get_evidence (event));
          guint n_evidence = g_list_model_get_n_items (evidence);
          g_autofree char *description = NULL;

          if (n_evidence == 0)
            continue;

          description = describe_event (document, event);
          for (guint j = 0; j < n_evidence; j++)
            {
              g_autoptr(TiesEvidence) item = g_list_model_get_item (evidence, j);

              add_annotation (builder, document, slug, event, description, item, j + 1);
            }
        }

      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }

  json_builder_end_object (builder);

  return _ties_export_json_bytes (builder);
}

gboolean
ties_annotation_export_to_file (TiesDocument  *document,
                                GFile         *file,
                                GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = ties_annotation_export_to_bytes (document, error);
  if (bytes == NULL)
    return FALSE;

  return ties_safe_file_replace (file, bytes, NULL, error);
}
