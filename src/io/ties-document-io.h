/* ties-document-io.h: reading and writing Ties documents (JSON, version 1)
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ties-document.h"

G_BEGIN_DECLS

#define TIES_DOCUMENT_IO_ERROR (ties_document_io_error_quark ())

typedef enum {
  TIES_DOCUMENT_IO_ERROR_ENCODING,   /* NUL bytes, invalid UTF-8, empty, too deep */
  TIES_DOCUMENT_IO_ERROR_SYNTAX,     /* not JSON */
  TIES_DOCUMENT_IO_ERROR_FORMAT,     /* not a Ties document */
  TIES_DOCUMENT_IO_ERROR_VERSION,    /* written by a newer Ties */
  TIES_DOCUMENT_IO_ERROR_INVALID,    /* wrong types, missing members, bad ids, bad dates */
  TIES_DOCUMENT_IO_ERROR_TOO_LARGE,
  TIES_DOCUMENT_IO_ERROR_UNWRITABLE, /* a value that would not load back, such as one nested too deep */
} TiesDocumentIOError;

/* The newest format version this build reads and the one it writes. */
#define TIES_FORMAT_VERSION 1
/* Files larger than this are refused before they are read. */
#define TIES_DOCUMENT_MAX_FILE_SIZE (G_GUINT64_CONSTANT (1) << 30)

GQuark        ties_document_io_error_quark (void);

/* @display_name names the file in messages, which read
 * "NAME:LINE:COLUMN: $.json.path: what is wrong", one problem a line.
 * @warnings (optional) receives such lines for evidence that was
 * re-anchored or orphaned; the document still loads. */
TiesDocument *ties_document_load_from_data  (const char     *data,
                                             gsize           length,
                                             const char     *display_name,
                                             GPtrArray     **warnings,
                                             GError        **error);
TiesDocument *ties_document_load_from_file  (GFile          *file,
                                             GPtrArray     **warnings,
                                             GCancellable   *cancellable,
                                             GError        **error);
/* Reads and converts in a worker thread. */
void          ties_document_load_async      (GFile              *file,
                                             GCancellable       *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer            user_data);
TiesDocument *ties_document_load_finish     (GAsyncResult       *result,
                                             GPtrArray         **warnings,
                                             GError            **error);

/* The document's bytes: the same document always gives the same bytes.
 * Returns NULL and sets @error (TIES_DOCUMENT_IO_ERROR_UNWRITABLE, naming
 * the member's JSON path) when the document holds something that would not
 * load back, so that no save ever writes a file Ties cannot open. */
GBytes       *ties_document_save_to_bytes   (TiesDocument   *document,
                                             GError        **error);
/* Saves through ties_safe_file_replace(): any failure or cancellation
 * leaves @file as it was, byte for byte. On success the history's save
 * point is the state the bytes were made from, taken when the save
 * started: edits made while an asynchronous save runs stay unsaved.
 * The asynchronous save writes in a worker thread; its result says what
 * became of the file, even when cancelled too late to stop the rename. */
gboolean      ties_document_save_to_file    (TiesDocument   *document,
                                             GFile          *file,
                                             GCancellable   *cancellable,
                                             GError        **error);
void          ties_document_save_async      (TiesDocument       *document,
                                             GFile              *file,
                                             GCancellable       *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer            user_data);
gboolean      ties_document_save_finish     (TiesDocument       *document,
                                             GAsyncResult       *result,
                                             GError            **error);

G_END_DECLS
