/* ties-window.h: one window per document
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ties-application.h"
#include "ties-document.h"
#include "ties-drafts.h"

G_BEGIN_DECLS

#define TIES_TYPE_WINDOW (ties_window_get_type ())

G_DECLARE_FINAL_TYPE (TiesWindow, ties_window, TIES, WINDOW, AdwApplicationWindow)

TiesWindow   *ties_window_new              (TiesApplication *application);
TiesDocument *ties_window_get_document     (TiesWindow      *self);
/* The file the document was read from or last saved to, or NULL. */
GFile        *ties_window_get_file         (TiesWindow      *self);
/* An empty, unmodified document with no file: a window to reuse. */
gboolean      ties_window_is_pristine      (TiesWindow      *self);

/* Reads @file in the background; on success it replaces the document,
 * on failure a dialog names the file, line, column and problem and the
 * open document stays as it was. */
void          ties_window_open_file        (TiesWindow      *self,
                                            GFile           *file);
/* Shows @document, read from @draft, as unsaved changes to the draft's
 * file (or as a new document), and goes on writing the same draft. */
/* Reads an article (.txt, .md, .html) in the background into a new
 * source of the open document, as one step of undo; on failure a dialog
 * says why and nothing changes. */
void          ties_window_import_article   (TiesWindow      *self,
                                            GFile           *file);
/* Whether @file's name says it is an article rather than a document. */
gboolean      ties_window_is_article_file  (GFile           *file);
void          ties_window_restore_draft    (TiesWindow      *self,
                                            TiesDraft       *draft,
                                            TiesDocument    *document);
void          ties_window_save_to_file     (TiesWindow      *self,
                                            GFile           *file);
/* Whether a save is being written. */
gboolean      ties_window_get_saving       (TiesWindow      *self);
void          ties_window_show_preferences (TiesWindow      *self);
gboolean      ties_window_get_modified     (TiesWindow      *self);
/* The document's name as the title bar shows it: its title, else its
 * file's name, else "New Document". */
char         *ties_window_dup_display_name (TiesWindow      *self);
/* For quitting, after one question for all windows. */
void          ties_window_save_and_close   (TiesWindow      *self);
void          ties_window_discard_and_close (TiesWindow     *self);

G_END_DECLS
