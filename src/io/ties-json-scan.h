/* ties-json-scan.h: source positions in JSON documents
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 3 if @data starts with a UTF-8 byte-order mark (EF BB BF), else 0. */
gsize    ties_json_bom_length          (const char  *data,
                                        gsize        length);

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
