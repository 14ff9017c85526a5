/* ties-csv-export.c: events, actors or ties as a CSV table
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For spreadsheets, R and pandas: one table a file, as RFC 4180 writes
 * it. Cells hold what a person reads: participants by name, dates in
 * EDTF beside their first and last day in plain ISO form (which every
 * spreadsheet sorts and filters), so that a column of "2019-04",
 * "2019-04-17" and "2019-05-01/2019-05-14" can still be put in order.
 * Nothing is rewritten to please a spreadsheet (no quote before a cell
 * starting with "=" or "-"): "-0050" is a date, and the file says what
 * the document says.
 */
#include "config.h"

#include <string.h>

#include "ties-csv-export.h"
#include "ties-export-util.h"
#include "ties-measures.h"
#include "ties-safe-file.h"

gboolean
ties_csv_table_from_string (const char   *text,
                            TiesCsvTable *table)
{
  static const char * const names[] = { "events", "actors", "ties" };

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (text, names[i]))
      {
        *table = (TiesCsvTable) i;
        return TRUE;
      }

  return FALSE;
}

/* One cell, quoted if it must be, then a comma unless @last. */
static void
append_cell (GString    *out,
             const char *value,
             gboolean    last)
{
  if (value != NULL && value[strcspn (value, ",\"\r\n")] != '\0')
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else if (value != NULL)
    g_string_append (out, value);

  g_string_append (out, last ? "\r\n" : ",");
}

static void
append_row (GString            *out,
            const char * const *cells,
            guint               n_cells)
{
  for (guint i = 0; i < n_cells; i++)
    append_cell (out, cells[i], i + 1 == n_cells);
}

static char *
join (const char * const *values)
{
  return values != NULL && values[0] != NULL ? g_strjoinv ("; ", (char **) values) : NULL;
}

static void
append_event (GString      *out,
              TiesDocument *document,
              TiesEvent    *event)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  g_autoptr(GString) quotes = g_string_new (NULL);
  g_autofree char *participants = NULL;
  g_autofree char *source_list = NULL;
  g_autofree char *tags = join (ties_event_get_tags (event));
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  const char * const *people = ties_event_get_participants (event);
  GListModel *evidence = G_LIST_MODEL (ties_event_get_evidence (event));
  TiesDate *date = ties_event_get_parsed_date (event);

  if (date != NULL)
    {
      gint64 first, last;

      ties_date_get_strict_range (date, &first, &last);
      start = ties_date_day_to_iso (first);
      end = ties_date_day_to_iso (last);
    }

  for (guint i = 0; people != NULL && people[i] != NULL; i++)
    g_ptr_array_add (names, (gpointer) ties_document_get_actor_name (document, people[i]));
  g_ptr_array_add (names, NULL);
  participants = join ((const char * const *) names->pdata);

  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(TiesEvidence) item = g_list_model_get_item (evidence, i);
      const char *source = ties_evidence_get_source (item);

      if (!g_ptr_array_find_with_equal_func (sources, source, g_str_equal, NULL))
        g_ptr_array_add (sources, (gpointer) source);
      if (quotes->len > 0)
        g_string_append_c (quotes, '\n');
      g_string_append (quotes, ties_evidence_get_exact (item));
    }
  g_ptr_array_add (sources, NULL);
  source_list = join ((const char * const *) sources->pdata);

  {
    const char * const cells[] = {
      ties_event_get_id (event), ties_event_get_date (event), start, end,
      ties_event_get_date_phrase (event), ties_event_get_title (event), ties_event_get_kind (event),
      ties_event_get_place (event), participants, ties_document_get_actor_name (document, ties_event_get_initiator (event)),
      tags, ties_event_get_notes (event), source_list, quotes->str,
    };

    append_row (out, cells, G_N_ELEMENTS (cells));
  }
}

static void
append_actor (GString      *out,
              TiesNetwork  *network,
              TiesMeasures *measures,
              TiesActor    *actor)
{
  const char *id = ties_actor_get_id (actor);
  g_autofree char *aliases = join (ties_actor_get_aliases (actor));
  g_autofree char *events = g_strdup_printf ("%u", ties_network_get_event_count (network, id));
  TiesActorMeasures m = { 0 };
  char degree[16], weighted[16], community[16];
  char centrality[4][G_ASCII_DTOSTR_BUF_SIZE];

  ties_measures_lookup (measures, id, &m);
  g_snprintf (degree, sizeof degree, "%u", m.degree);
  g_snprintf (weighted, sizeof weighted, "%u", m.weighted_degree);
  g_snprintf (community, sizeof community, "%u", m.community);
  g_ascii_dtostr (centrality[0], sizeof centrality[0], m.degree_centrality);
  g_ascii_dtostr (centrality[1], sizeof centrality[1], m.betweenness_centrality);
  g_ascii_dtostr (centrality[2], sizeof centrality[2], m.closeness_centrality);
  g_ascii_dtostr (centrality[3], sizeof centrality[3], m.eigenvector_centrality);

  {
  const char * const cells[] = {
    id, ties_actor_get_name (actor), ties_actor_kind_to_string (ties_actor_get_kind (actor)),
    ties_actor_get_role (actor), ties_actor_get_affiliation (actor), aliases, ties_actor_get_color (actor),
    ties_actor_get_notes (actor), events, degree, weighted, centrality[0], centrality[1], centrality[2],
    centrality[3], community,
  };

  append_row (out, cells, G_N_ELEMENTS (cells));
  }
}

static void
append_tie (GString      *out,
            TiesDocument *document,
            TiesTie      *tie)
{
  g_autofree char *kinds = join (ties_tie_get_kinds (tie));
  g_autofree char *weight = g_strdup_printf ("%u", ties_tie_get_weight (tie));
  g_autofree char *n_sources = g_strdup_printf ("%u", ties_tie_get_n_sources (tie));
  g_autofree char *n_evidence = g_strdup_printf ("%u", ties_tie_get_n_evidence (tie));
  g_autofree char *a_to_b = g_strdup_printf ("%u", ties_tie_get_n_a_to_b (tie));
  g_autofree char *b_to_a = g_strdup_printf ("%u", ties_tie_get_n_b_to_a (tie));
  TiesDate *first = ties_tie_get_first_date (tie);
  TiesDate *last = ties_tie_get_last_date (tie);
  const char * const cells[] = {
    ties_tie_get_actor_a (tie), ties_tie_get_actor_b (tie),
    ties_document_get_actor_name (document, ties_tie_get_actor_a (tie)), ties_document_get_actor_name (document, ties_tie_get_actor_b (tie)),
    weight, kinds, first != NULL ? ties_date_get_text (first) : NULL, last != NULL ? ties_date_get_text (last) : NULL,
    n_sources, n_evidence, a_to_b, b_to_a,
  };

  append_row (out, cells, G_N_ELEMENTS (cells));
}

GBytes *
ties_csv_export_to_bytes (TiesDocument  *document,
                          TiesFilter    *filter,
                          TiesCsvTable   table,
                          GError       **error)
{
  static const char * const event_header[] = {
    "id", "date", "start", "end", "date_phrase", "title", "kind", "place", "participants", "initiator",
    "tags", "notes", "sources", "quotes",
  };
  static const char * const actor_header[] = {
    "id", "name", "kind", "role", "affiliation", "aliases", "color", "notes", "events", "degree",
    "weighted_degree", "degree_centrality", "betweenness_centrality", "closeness_centrality",
    "eigenvector_centrality", "community",
  };
  static const char * const tie_header[] = {
    "source", "target", "source_name", "target_name", "weight", "kinds", "first", "last",
    "sources", "evidence", "initiated_by_source", "initiated_by_target",
  };
  g_autoptr(TiesNetwork) network = NULL;
  GString *out;
  GListModel *items;

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (filter == NULL || TIES_IS_FILTER (filter), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  network = _ties_export_network (document, filter);
  out = g_string_new (NULL);

  switch (table)
    {
    case TIES_CSV_TABLE_EVENTS:
      append_row (out, event_header, G_N_ELEMENTS (event_header));
      items = G_LIST_MODEL (ties_document_get_events (document));
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(TiesEvent) event = g_list_model_get_item (items, i);

          if (ties_network_includes_event (network, event))
            append_event (out, document, event);
        }
      break;

    case TIES_CSV_TABLE_ACTORS:
      {
        g_autoptr(TiesMeasures) measures = ties_measures_compute (network);

        append_row (out, actor_header, G_N_ELEMENTS (actor_header));
        items = ties_document_get_actors (document);
        for (guint i = 0; i < g_list_model_get_n_items (items); i++)
          {
            g_autoptr(TiesActor) actor = g_list_model_get_item (items, i);

            append_actor (out, network, measures, actor);
          }
      }
      break;

    case TIES_CSV_TABLE_TIES:
    default:
      append_row (out, tie_header, G_N_ELEMENTS (tie_header));
      items = ties_network_get_ties (network);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(TiesTie) tie = g_list_model_get_item (items, i);

          append_tie (out, document, tie);
        }
      break;
    }

  return g_string_free_to_bytes (out);
}

gboolean
ties_csv_export_to_file (TiesDocument  *document,
                         TiesFilter    *filter,
                         TiesCsvTable   table,
                         GFile         *file,
                         GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = ties_csv_export_to_bytes (document, filter, table, error);
  if (bytes == NULL)
    return FALSE;

  return ties_safe_file_replace (file, bytes, NULL, error);
}
