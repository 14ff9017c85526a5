/* ties-export-dialog.h: choose how the diagram is exported, with a preview
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ties-graph.h"
#include "ties-network.h"
#include "ties-renderer.h"

G_BEGIN_DECLS

#define TIES_TYPE_EXPORT_DIALOG (ties_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TiesExportDialog, ties_export_dialog, TIES, EXPORT_DIALOG, AdwWindow)

/* Modal and transient for @parent; the style defaults to @settings'
 * "export-style", marking weak ties to its "mark-weak-ties" (the
 * diagram's). Emits "exported" (with the GFile) after a successful
 * export, then closes. */
TiesExportDialog *ties_export_dialog_new          (GtkWindow        *parent,
                                                   TiesNetwork      *network,
                                                   GSettings        *settings);
/* The same, drawing the actors at @graph's places (the view's: see
 * ties_diagram_view_dup_graph(); copied), or where the document's own
 * layout puts them when @graph is NULL. The diagram is laid out once,
 * here: changing the title, size or format draws it again as it is. */
TiesExportDialog *ties_export_dialog_new_for_graph (GtkWindow        *parent,
                                                    TiesNetwork      *network,
                                                    TiesGraph        *graph,
                                                    GSettings        *settings);

/* Writes the diagram to @file with the options shown, whatever @file's
 * name says. What "Export…" does once a file is chosen; for tests, since
 * the file chooser cannot be driven in-process. */
gboolean          ties_export_dialog_export_to_file (TiesExportDialog *self,
                                                     GFile            *file,
                                                     GError          **error);

/* The same in a worker thread: "exported" and closing follow; an error
 * shows a message; closing the dialog cancels it. */
void              ties_export_dialog_start_export (TiesExportDialog *self,
                                                   GFile            *file);
gboolean          ties_export_dialog_get_exporting (TiesExportDialog *self);

/* For tests: TRUE while an option change waits to reach the preview. */
gboolean          ties_export_dialog_get_preview_pending (TiesExportDialog *self);

G_END_DECLS
