/* ties-source-editor.h: edits one source's details, every change undoable
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ties-document.h"

G_BEGIN_DECLS

#define TIES_TYPE_SOURCE_EDITOR (ties_source_editor_get_type ())

G_DECLARE_FINAL_TYPE (TiesSourceEditor, ties_source_editor, TIES, SOURCE_EDITOR, GtkWidget)

/* Title, publisher, author, URL, publication and retrieval dates (EDTF)
 * and notes of one source. Typing applies at once, a burst of typing in
 * one field being one step of undo; a date that is not valid is shown
 * as such and not applied. The text itself is edited elsewhere. */
GtkWidget    *ties_source_editor_new               (void);
TiesDocument *ties_source_editor_get_document      (TiesSourceEditor *self);
void          ties_source_editor_set_document      (TiesSourceEditor *self,
                                                    TiesDocument     *document);
TiesSource   *ties_source_editor_get_source        (TiesSourceEditor *self);
/* NULL: nothing to edit. @source must be one of the document's. */
void          ties_source_editor_set_source        (TiesSourceEditor *self,
                                                    TiesSource       *source);
/* Dates typed that are not valid, as sentences for the close prompt;
 * NULL when there are none. */
char         *ties_source_editor_get_unapplied_text (TiesSourceEditor *self);

G_END_DECLS
