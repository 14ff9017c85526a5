/* ties-json-scan.h: raw-byte checks and source positions for JSON documents
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ties-json-dom.h"

G_BEGIN_DECLS


/* Checks the raw bytes of a document before they are handed to json-glib.
 *
 * Sets *json_start to the offset just after an optional UTF-8 byte-order
 * mark (EF BB BF), which RFC 8259 lets a parser ignore: hand json-glib the
 * bytes from there.  On success returns TRUE and sets *line and *column
 * to 0.
 *
 * On failure returns FALSE and sets @error (G_IO_ERROR,
 * G_IO_ERROR_INVALID_DATA) with the message "LINE:COLUMN: what is wrong",
 * and *line and *column to the position of the first problem (1-based; the
 * column counts characters, not bytes).  Problems found: a NUL byte, invalid
 * UTF-8, nesting deeper than TIES_JSON_MAX_DEPTH arrays/objects (the
 * position is that of the first bracket beyond the limit), and a file that is
 * empty or holds only whitespace.
 *
 * Nesting is counted outside strings only.  Because json-glib 1.6 also reads
 * 'single-quoted' strings and /comments/ (from one '/' to the next), and
 * reads some malformed \u escapes past a closing quote, the check follows its
 * tokenizer on these points, so that nothing json-glib treats as a bracket
 * escapes the count.
 *
 * One linear pass for UTF-8 (g_utf8_validate_len()) and one for nesting;
 * positions are only computed when there is an error.
 *
 * @json_start, @line and @column may be NULL.
 */
gboolean ties_json_scan_check          (const char  *data,
                                        gsize        length,
                                        gsize       *json_start,
                                        guint       *line,
                                        guint       *column,
                                        GError     **error);

/* Sets *line and *column (1-based) of the byte at @offset in @data.
 *
 * Lines end with "\n" (so "\r\n" works too; a "\r" is the last character of
 * its line).  The column counts characters (Unicode code points) from the
 * start of the line; a byte-order mark at the start of the document is not
 * counted, as editors do not show it.  Each byte of an invalid UTF-8
 * sequence counts as one character.  An offset inside a multi-byte character
 * gives that character's column; an offset past @length is treated as
 * @length.
 *
 * @line and @column may be NULL.
 */
void     ties_json_offset_to_position  (const char  *data,
                                        gsize        length,
                                        gsize        offset,
                                        guint       *line,
                                        guint       *column);

G_END_DECLS
