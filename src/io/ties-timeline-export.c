/* ties-timeline-export.c: the events as a TimelineJS timeline
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A timeline shows when: each slide spans the first to the last day the
 * event's date can mean ("2019-04" is all of April, "2019-05-01/2019-05-14"
 * those two weeks), so that how sure the document is of a date shows as
 * how long the slide is, and "display_date" says it in words ("May 2019
 * (approx.)"). A date open at one end starts or ends at its other one.
 * The text is HTML, as TimelineJS reads it: every value is escaped.
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "ties-export-util.h"
#include "ties-timeline-export.h"

/* "year", "month", "day" of day number @day, as TimelineJS's examples
 * write them (strings); FALSE for an open end. */
static gboolean
add_day (JsonBuilder *builder,
         const char  *name,
         gint64       day)
{
  g_autofree char *iso = ties_date_day_to_iso (day);
  gint64 year;
  int month, day_of_month;
  char text[32];

  if (iso == NULL || sscanf (iso, "%" G_GINT64_FORMAT "-%d-%d", &year, &month, &day_of_month) != 3)
    return FALSE;

  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, year);
  _ties_export_json_add_string (builder, "year", text);
  g_snprintf (text, sizeof text, "%d", month);
  _ties_export_json_add_string (builder, "month", text);
  g_snprintf (text, sizeof text, "%d", day_of_month);
  _ties_export_json_add_string (builder, "day", text);
  json_builder_end_object (builder);

  return TRUE;
}

/* <p>participants</p>, each quote in a <blockquote>, the place. */
static char *
slide_text (TiesDocument *document,
            TiesEvent    *event)
{
  GString *html = g_string_new (NULL);
  const char * const *people = ties_event_get_participants (event);
  GListModel *evidence = G_LIST_MODEL (ties_event_get_evidence (event));
  const char *place = ties_event_get_place (event);

  if (people != NULL && people[0] != NULL)
    {
      g_string_append (html, "<p>");
      for (guint i = 0; people[i] != NULL; i++)
        {
          g_autofree char *name = g_markup_escape_text (ties_document_get_actor_name (document, people[i]), -1);

          g_string_append_printf (html, "%s%s", i > 0 ? ", " : "", name);
        }
      g_string_append (html, "</p>");
    }
  if (place != NULL && *place != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (place, -1);

      g_string_append_printf (html, "<p>%s</p>", escaped);
    }
  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(TiesEvidence) item = g_list_model_get_item (evidence, i);
      g_autofree char *quote = g_markup_escape_text (ties_evidence_get_exact (item), -1);

      g_string_append_printf (html, "<blockquote>%s</blockquote>", quote);
    }

  return g_string_free (html, FALSE);
}

/* Whether @event has a slide: a date with at least one known end. */
static gboolean
has_slide (TiesNetwork *network,
           TiesEvent   *event)
{
  TiesDate *date = ties_event_get_parsed_date (event);
  gint64 first, last;

  if (date == NULL || !ties_network_includes_event (network, event))
    return FALSE;

  ties_date_get_strict_range (date, &first, &last);
  return first != TIES_DATE_DAY_MIN || last != TIES_DATE_DAY_MAX;
}

static void
add_slide (JsonBuilder  *builder,
           TiesDocument *document,
           TiesEvent    *event)
{
  TiesDate *date = ties_event_get_parsed_date (event);
  g_autofree char *display = NULL;
  g_autofree char *text = NULL;
  g_autofree char *headline = NULL;
  gint64 first, last;

  ties_date_get_strict_range (date, &first, &last);
  if (first == TIES_DATE_DAY_MIN)
    first = last;
  if (last == TIES_DATE_DAY_MAX)
    last = first;

  display = ties_date_format (date);
  text = slide_text (document, event);
  headline = g_markup_escape_text (ties_event_get_title (event), -1);

  json_builder_begin_object (builder);
  if (!add_day (builder, "start_date", first))
    g_assert_not_reached ();
  if (last != first)
    add_day (builder, "end_date", last);
  _ties_export_json_add_string (builder, "display_date", display);
  json_builder_set_member_name (builder, "text");
  json_builder_begin_object (builder);
  _ties_export_json_add_string (builder, "headline", headline);
  _ties_export_json_add_string (builder, "text", text);
  json_builder_end_object (builder);
  _ties_export_json_add_string (builder, "group", ties_document_get_kind_label (document, ties_event_get_kind (event)));
  _ties_export_json_add_string (builder, "unique_id", ties_event_get_id (event));
  json_builder_end_object (builder);
}

GBytes *
ties_timeline_export_to_bytes (TiesDocument  *document,
                               TiesFilter    *filter,
                               GError       **error)
{
  g_autoptr(TiesNetwork) network = NULL;
  TiesJsonStream stream;
  JsonBuilder *builder = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *description = NULL;
  GListModel *events;
  guint n_slides = 0;

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (filter == NULL || TIES_IS_FILTER (filter), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  network = _ties_export_network (document, filter);
  events = G_LIST_MODEL (ties_document_get_events (document));
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (events, i);

      n_slides += has_slide (network, event);
    }
  /* TimelineJS refuses a timeline without slides. */
  if (n_slides == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("No event the filter keeps has a date: a timeline would be empty"));
      return NULL;
    }

  headline = g_markup_escape_text (ties_document_get_title (document), -1);
  description = g_markup_escape_text (ties_document_get_description (document), -1);

  _ties_json_stream_init (&stream);
  _ties_json_stream_open (&stream, NULL, '{');
  if (*headline != '\0' || *description != '\0')
    {
      builder = _ties_json_stream_begin (&stream);
      json_builder_set_member_name (builder, "title");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "text");
      json_builder_begin_object (builder);
      _ties_export_json_add_string (builder, "headline", headline);
      _ties_export_json_add_string (builder, "text", description);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      _ties_json_stream_commit (&stream);
    }

  /* A few hundred slides at a time: see TiesJsonStream. */
  _ties_json_stream_open (&stream, "events", '[');
  builder = NULL;
  for (guint i = 0, in_piece = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (events, i);

      if (!has_slide (network, event))
        continue;
      if (builder == NULL)
        builder = _ties_json_stream_begin (&stream);
      add_slide (builder, document, event);
      if (++in_piece == TIES_JSON_STREAM_PIECE)
        {
          _ties_json_stream_commit (&stream);
          builder = NULL;
          in_piece = 0;
        }
    }
  if (builder != NULL)
    _ties_json_stream_commit (&stream);
  _ties_json_stream_close (&stream);
  _ties_json_stream_close (&stream);

  return _ties_json_stream_finish (&stream);
}

gboolean
ties_timeline_export_to_file (TiesDocument  *document,
                              TiesFilter    *filter,
                              GFile         *file,
                              GError       **error)
{
  g_return_val_if_fail (TIES_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _ties_export_network_to_file (ties_timeline_export_to_bytes, document, filter, file, error);
}
