/* ties-article-import.h: articles (.txt, .md, .html, pasted text) as sources
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ties-document.h"

G_BEGIN_DECLS

#define TIES_ARTICLE_IMPORT_ERROR (ties_article_import_error_quark ())

typedef enum {
  TIES_ARTICLE_IMPORT_ERROR_NOT_TEXT,    /* binary: NUL bytes, control characters, no encoding fits */
  TIES_ARTICLE_IMPORT_ERROR_TOO_LARGE,   /* more than TIES_ARTICLE_IMPORT_MAX_SIZE bytes */
  TIES_ARTICLE_IMPORT_ERROR_NO_ARTICLE,  /* no readable text once navigation and the like are dropped */
  TIES_ARTICLE_IMPORT_ERROR_ENCODING,    /* the declared encoding is unknown or does not fit the bytes */
  TIES_ARTICLE_IMPORT_ERROR_UNSUPPORTED, /* neither text, Markdown nor HTML, or not a regular file */
} TiesArticleImportError;

/* Files larger than this are refused before they are read. */
#define TIES_ARTICLE_IMPORT_MAX_SIZE (G_GUINT64_CONSTANT (32) << 20)

GQuark      ties_article_import_error_quark (void);

/* Reads @file (.txt, .md, .markdown, .html, .htm, .xhtml; any other name
 * by its content) into a new source without an id: the caller makes one
 * (ties_article_import_add() does). Title, publisher, author, URL and
 * publication date (EDTF) come from the page where it names them;
 * "retrieved" is today. The text is NFC-normalised, one paragraph a line.
 * Blocks: call it from a worker thread in the window. */
TiesSource *ties_article_import_file  (GFile         *file,
                                       GCancellable  *cancellable,
                                       GError       **error);
/* ties_article_import_file() in a worker thread, for the window. */
void        ties_article_import_file_async  (GFile               *file,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
TiesSource *ties_article_import_file_finish (GAsyncResult        *result,
                                             GError             **error);
/* The same, from bytes already read; @name (the file's basename, may be
 * NULL) decides the type by its extension, else the content does, and
 * names the article in messages. */
TiesSource *ties_article_import_bytes (GBytes        *bytes,
                                       const char    *name,
                                       GError       **error);
/* Pasted text (UTF-8, from the clipboard): HTML when it starts like
 * HTML, else plain text whose first non-empty line is the title. */
TiesSource *ties_article_import_text  (const char    *text,
                                       GError       **error);
/* Whether @name (a file's basename) ends as an article's does: .txt,
 * .text, .md, .markdown, .html, .htm or .xhtml, in any case. */
gboolean    ties_article_import_is_article_name (const char *name);
/* Adds @source to @document as one undo step, with an id made from the
 * first words of its title (up to 48 characters), and returns that id
 * (owned by @source). */
const char *ties_article_import_add   (TiesDocument  *document,
                                       TiesSource    *source);

G_END_DECLS
