/* ties-export-dialog-private.h: what the tests reach inside the dialog
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ties-export-dialog.h"

G_BEGIN_DECLS

/* For tests: the scene the preview shows and an export writes (the
 * options shown applied), or NULL while an export has it. */
TiesScene        *_ties_export_dialog_get_scene (TiesExportDialog *self);

/* The file name the chooser proposes: the document's, and what the
 * file shows ("Diagram", "Timeline"…) with the format's extension. */
char      *_ties_export_dialog_suggested_name (TiesExportDialog *self);

G_END_DECLS
