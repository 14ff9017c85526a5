/* ties-source-text-dialog.h: correcting a source's transcription
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ties-document.h"

G_BEGIN_DECLS

#define TIES_TYPE_SOURCE_TEXT_DIALOG (ties_source_text_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TiesSourceTextDialog, ties_source_text_dialog, TIES, SOURCE_TEXT_DIALOG, AdwWindow)

/* Signals: "applied" (guint n_orphaned): the text was replaced, and this
 * many of the source's evidence items are orphaned now that were not. */
GtkWidget *ties_source_text_dialog_new   (GtkWindow            *parent,
                                          TiesDocument         *document,
                                          TiesSource           *source);
/* Replaces the source's text with what the dialog holds, as one undo
 * step that re-anchors its evidence; what the Apply button does. */
void       ties_source_text_dialog_apply (TiesSourceTextDialog *self);
GtkTextBuffer *ties_source_text_dialog_get_buffer (TiesSourceTextDialog *self);

G_END_DECLS
