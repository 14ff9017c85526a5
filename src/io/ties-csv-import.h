/* ties-csv-import.h: events from a spreadsheet's CSV table
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ties-document.h"

G_BEGIN_DECLS

#define TIES_CSV_IMPORT_ERROR (ties_csv_import_error_quark ())

typedef enum {
  /* Not UTF-8 text, or a NUL in it. */
  TIES_CSV_IMPORT_ERROR_NOT_TEXT,
  /* No header row, a column named twice, or a column Ties needs missing. */
  TIES_CSV_IMPORT_ERROR_HEADER,
  /* Rows with bad cells (and bad rows were not to be skipped): the
   * message has one line per bad cell. */
  TIES_CSV_IMPORT_ERROR_BAD_ROWS,
  /* Larger than TIES_CSV_IMPORT_MAX_BYTES. */
  TIES_CSV_IMPORT_ERROR_TOO_LARGE,
} TiesCsvImportError;

/* A table is read whole, with all its events in memory at once: 64 MiB
 * holds some 200,000 events, far beyond what a study annotates, and
 * keeps a stray file from taking the machine's memory. */
#define TIES_CSV_IMPORT_MAX_BYTES (64 * 1024 * 1024)

typedef enum {
  TIES_CSV_IMPORT_NONE          = 0,
  /* Import the good rows and report the bad ones, instead of nothing. */
  TIES_CSV_IMPORT_SKIP_BAD_ROWS = 1 << 0,
} TiesCsvImportFlags;

GQuark    ties_csv_import_error_quark (void);

/* Adds the events of @csv, a table as ties_csv_export_to_bytes() writes
 * for TIES_CSV_TABLE_EVENTS (or as a spreadsheet saves it: columns in any
 * order, headers in any case, a byte-order mark, LF or CRLF), to
 * @document, as one undo step. Participants and initiators are actor ids,
 * names or other names; a name no actor has becomes a new person. The
 * "start", "end", "sources" and "quotes" columns are not read: the first
 * two follow from the date, and evidence needs its place in a source's
 * text, which the table does not hold.
 *
 * Problems are "NAME:ROW:COLUMN: HEADER: what", rows and columns counted
 * from 1 as a spreadsheet shows them (the header is row 1). With a bad
 * cell, nothing is added and @error is TIES_CSV_IMPORT_ERROR_BAD_ROWS,
 * unless @flags has TIES_CSV_IMPORT_SKIP_BAD_ROWS. @report (may be NULL)
 * gets a new array of lines worth telling even on success: the bad cells
 * of skipped rows and the columns ignored. @n_added (may be NULL) gets
 * the number of events added. */
gboolean  ties_csv_import_events      (TiesDocument        *document,
                                       GBytes              *csv,
                                       const char          *display_name,
                                       TiesCsvImportFlags   flags,
                                       guint               *n_added,
                                       GPtrArray          **report,
                                       GError             **error);

/* The same for a file, named in messages by @display_name (NULL: its
 * path); a file too large is refused before it is read. */
gboolean  ties_csv_import_events_from_file (TiesDocument        *document,
                                            GFile               *file,
                                            const char          *display_name,
                                            TiesCsvImportFlags   flags,
                                            guint               *n_added,
                                            GPtrArray          **report,
                                            GError             **error);

G_END_DECLS
