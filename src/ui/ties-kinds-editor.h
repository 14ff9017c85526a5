/* ties-kinds-editor.h: a dialog to add, rename and recolour event kinds
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ties-document.h"

G_BEGIN_DECLS

#define TIES_TYPE_KINDS_EDITOR (ties_kinds_editor_get_type ())

G_DECLARE_FINAL_TYPE (TiesKindsEditor, ties_kinds_editor, TIES, KINDS_EDITOR, AdwWindow)

/* A modal dialog, transient for @parent, listing the built-in kinds and
 * the document's own: each kind's label, colour and line are edited in
 * place and every edit is undoable; a built-in kind edited becomes the
 * document's (ties_document_edit_event_kind()). */
GtkWidget     *ties_kinds_editor_new          (GtkWindow       *parent,
                                               TiesDocument    *document);
TiesDocument  *ties_kinds_editor_get_document (TiesKindsEditor *self);
/* Adds a kind labelled @label, its id made from the label, as one step
 * of undo, as the "Add Kind" row does; returns it (transfer none), or
 * NULL when @label is empty or another kind already has it. */
TiesEventKind *ties_kinds_editor_add_kind     (TiesKindsEditor *self,
                                               const char      *label);

G_END_DECLS
