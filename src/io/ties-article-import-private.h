/* ties-article-import-private.h: what the article importer shares with
 * its HTML reader
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ties-article-import.h"

G_BEGIN_DECLS

/* Whitespace as HTML and Markdown see it: not U+00A0, which a writer
 * typed on purpose. */
static inline gboolean
_ties_article_is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Metadata as the source keeps it: one line, NFC, NULL when empty. */
char       *_ties_article_clean_field  (const char  *text);
/* At most 200 characters, cut between words where it can. */
char       *_ties_article_clip_title   (const char  *title);
/* The first line of @text with something on it, clipped as a title. */
char       *_ties_article_first_line   (const char  *text);
/* "2019-09-06T05:00:00+12:00" → "2019-09-06"; NULL unless valid EDTF. */
char       *_ties_article_date_to_edtf (const char  *value);
char       *_ties_article_today_edtf   (void);
/* @text (taken), NFC and trimmed; NULL and NO_ARTICLE when nothing is
 * left to read. @what names the article in messages. */
char       *_ties_article_finish_text  (char        *text,
                                        const char  *what,
                                        GError     **error);

/* In ties-article-html.c, reached through ties-xml-readers.h: @utf8, a
 * page already decoded and cleaned, as a new source. */
TiesSource *_ties_article_html_read    (const char  *utf8,
                                        const char  *what,
                                        GError     **error);

G_END_DECLS
