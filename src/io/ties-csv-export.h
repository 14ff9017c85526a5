/* ties-csv-export.h: events, actors or ties as a CSV table
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ties-document.h"
#include "ties-filter.h"

G_BEGIN_DECLS

typedef enum {
  TIES_CSV_TABLE_EVENTS,
  TIES_CSV_TABLE_ACTORS,
  TIES_CSV_TABLE_TIES,
} TiesCsvTable;

/* "events", "actors" or "ties". */
gboolean  ties_csv_table_from_string (const char    *text,
                                      TiesCsvTable  *table);

/* One table as RFC 4180 CSV (UTF-8, a header row, CRLF line ends, fields
 * quoted where they hold a comma, a quote or a line break): the events
 * @filter keeps (NULL: the document's), every actor, or the ties of those
 * events. Lists in a cell (participants, tags, sources, aliases, kinds)
 * are joined by "; ", quotes by line breaks. The same document always
 * gives the same bytes. */
GBytes   *ties_csv_export_to_bytes   (TiesDocument  *document,
                                      TiesFilter    *filter,
                                      TiesCsvTable   table,
                                      GError       **error);

/* The same, written through ties_safe_file_replace(): a failure leaves
 * @file as it was. */
gboolean  ties_csv_export_to_file    (TiesDocument  *document,
                                      TiesFilter    *filter,
                                      TiesCsvTable   table,
                                      GFile         *file,
                                      GError       **error);

G_END_DECLS
