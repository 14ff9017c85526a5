/* ties-print.h: the diagram on paper
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ties-graph.h"
#include "ties-network.h"

G_BEGIN_DECLS

/* One page: the diagram as exports draw it (light, solid background),
 * fitted to the printable area. Run it with any action; with
 * GTK_PRINT_OPERATION_ACTION_EXPORT and an export filename it writes a
 * PDF without a printer. */
GtkPrintOperation *ties_print_operation_new (TiesNetwork  *network);
/* The same at @graph's places (the view's, so paper shows what the
 * researcher arranged), or as the exports lay it out when NULL. */
GtkPrintOperation *ties_print_operation_new_for_graph (TiesNetwork *network,
                                                       TiesGraph   *graph);

/* Shows the print dialog for @parent and prints in the background; a
 * failure after the dialog is reported in a dialog on @parent. FALSE and
 * @error when the operation cannot start. */
gboolean           ties_print_diagram       (GtkWindow    *parent,
                                             TiesNetwork  *network,
                                             GError      **error);
gboolean           ties_print_diagram_for_graph (GtkWindow   *parent,
                                                 TiesNetwork *network,
                                                 TiesGraph   *graph,
                                                 GError     **error);

G_END_DECLS
