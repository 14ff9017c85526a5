/* ties-drafts.h: unsaved changes kept on disk, to recover after a crash
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ties-document.h"

G_BEGIN_DECLS

#define TIES_DRAFTS_ERROR (ties_drafts_error_quark ())

typedef enum {
  TIES_DRAFTS_ERROR_DAMAGED,   /* not a draft, cut short, or unreadable */
} TiesDraftsError;

GQuark ties_drafts_error_quark (void);

/* One draft found on disk: a document's bytes and where they belong. */
#define TIES_TYPE_DRAFT (ties_draft_get_type ())

G_DECLARE_FINAL_TYPE (TiesDraft, ties_draft, TIES, DRAFT, GObject)

const char   *ties_draft_get_id               (TiesDraft           *self);
/* The draft file itself. */
GFile        *ties_draft_get_file             (TiesDraft           *self);
/* The document's own file, or NULL for a document never saved. */
GFile        *ties_draft_get_original         (TiesDraft           *self);
const char   *ties_draft_get_title            (TiesDraft           *self);
/* When the draft was written, or NULL when it is damaged. */
GDateTime    *ties_draft_get_time             (TiesDraft           *self);
/* Why the draft cannot be restored, or NULL. */
const char   *ties_draft_get_problem          (TiesDraft           *self);
/* Whether the document's file changed on disk after the draft was
 * begun (another program, or another copy of Ties, wrote it). */
gboolean      ties_draft_get_original_changed (TiesDraft           *self);

TiesDocument *ties_draft_load                 (TiesDraft           *self,
                                               GCancellable        *cancellable,
                                               GError             **error);
/* Reads and converts in a worker thread. */
void          ties_draft_load_async           (TiesDraft           *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
TiesDocument *ties_draft_load_finish          (TiesDraft           *self,
                                               GAsyncResult        *result,
                                               GError             **error);

/* The folder of drafts: g_get_user_data_dir()/APP_ID/drafts by default
 * (inside a Flatpak, ~/.var/app/APP_ID/data/APP_ID/drafts). */
#define TIES_TYPE_DRAFTS (ties_drafts_get_type ())

G_DECLARE_FINAL_TYPE (TiesDrafts, ties_drafts, TIES, DRAFTS, GObject)

TiesDrafts   *ties_drafts_new                 (GFile               *folder);
TiesDrafts   *ties_drafts_new_default         (void);
/* One for the whole program, in the default folder. */
TiesDrafts   *ties_drafts_get_default         (void);
GFile        *ties_drafts_get_folder          (TiesDrafts          *self);

/* Replaces the draft @id atomically: a crash while writing leaves the
 * previous draft. @original is the document's file or NULL. */
gboolean      ties_drafts_write               (TiesDrafts          *self,
                                               const char          *id,
                                               GBytes              *document_bytes,
                                               GFile               *original,
                                               const char          *title,
                                               GCancellable        *cancellable,
                                               GError             **error);
/* Writes in a worker thread. */
void          ties_drafts_write_async         (TiesDrafts          *self,
                                               const char          *id,
                                               GBytes              *document_bytes,
                                               GFile               *original,
                                               const char          *title,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean      ties_drafts_write_finish        (TiesDrafts          *self,
                                               GAsyncResult        *result,
                                               GError             **error);
/* A draft that is not there is removed already: not an error. */
gboolean      ties_drafts_remove              (TiesDrafts          *self,
                                               const char          *id,
                                               GError             **error);
/* Every draft, newest first; damaged ones too, with their problem. */
GPtrArray    *ties_drafts_list                (TiesDrafts          *self,
                                               GError             **error);
/* Moves a damaged draft into the "damaged" folder beside the drafts, so
 * it is not offered again but nothing is lost. */
gboolean      ties_drafts_set_aside           (TiesDrafts          *self,
                                               TiesDraft           *draft,
                                               GError             **error);

/* The clean-shutdown mark: begin makes it and says whether the previous
 * run left it behind (it crashed or was killed); end removes it. */
gboolean      ties_drafts_begin_session       (TiesDrafts          *self,
                                               gboolean            *last_run_crashed,
                                               GError             **error);
gboolean      ties_drafts_end_session         (TiesDrafts          *self,
                                               GError             **error);

/* Keeps one document's draft up to date: @delay seconds after the last
 * edit the unsaved document is written as a draft; once the document is
 * saved (or undone to its saved state) the draft is removed. */
#define TIES_TYPE_DRAFT_WRITER (ties_draft_writer_get_type ())

G_DECLARE_FINAL_TYPE (TiesDraftWriter, ties_draft_writer, TIES, DRAFT_WRITER, GObject)

#define TIES_DRAFT_WRITER_DEFAULT_DELAY 3

/* @id is a restored draft's id to keep writing to, or NULL for a new one. */
TiesDraftWriter *ties_draft_writer_new          (TiesDrafts      *drafts,
                                                 const char      *id);
const char      *ties_draft_writer_get_id       (TiesDraftWriter *self);
void             ties_draft_writer_set_delay    (TiesDraftWriter *self,
                                                 guint            seconds);
void             ties_draft_writer_set_document (TiesDraftWriter *self,
                                                 TiesDocument    *document,
                                                 GFile           *file);
/* After Save As: the file later drafts belong to. */
void             ties_draft_writer_set_file     (TiesDraftWriter *self,
                                                 GFile           *file);
/* The user chose to lose the changes: the draft goes now, and no other
 * is written. */
void             ties_draft_writer_keep_original_of (TiesDraftWriter *self,
                                                     TiesDraft       *draft);
void             ties_draft_writer_discard      (TiesDraftWriter *self);
/* Whether a draft is on disk or being written: for tests. */
gboolean         ties_draft_writer_get_busy     (TiesDraftWriter *self);

G_END_DECLS
