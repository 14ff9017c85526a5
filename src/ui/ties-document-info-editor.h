/* ties-document-info-editor.h: a dialog for the document's title and description
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ties-document.h"

G_BEGIN_DECLS

#define TIES_TYPE_DOCUMENT_INFO_EDITOR (ties_document_info_editor_get_type ())

G_DECLARE_FINAL_TYPE (TiesDocumentInfoEditor, ties_document_info_editor, TIES, DOCUMENT_INFO_EDITOR, AdwWindow)

/* A modal dialog, transient for @parent: typing applies at once, a burst
 * of typing in one field being one step of the document's undo. */
GtkWidget    *ties_document_info_editor_new          (GtkWindow              *parent,
                                                      TiesDocument           *document);
TiesDocument *ties_document_info_editor_get_document (TiesDocumentInfoEditor *self);

G_END_DECLS
