/* ties-graphml-export.h: the network as GraphML, for yEd, Gephi,
 * networkx and igraph
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ties-document.h"
#include "ties-filter.h"

G_BEGIN_DECLS

/* GraphML 1.1 (http://graphml.graphdrawing.org/): every actor a node, every
 * tie of the events @filter keeps (NULL: the document's) an undirected
 * edge, each attribute under a typed <key>. The same document always
 * gives the same bytes. */
GBytes   *ties_graphml_export_to_bytes (TiesDocument  *document,
                                        TiesFilter    *filter,
                                        GError       **error);

/* The same, written through ties_safe_file_replace(): a failure leaves
 * @file as it was. */
gboolean  ties_graphml_export_to_file  (TiesDocument  *document,
                                        TiesFilter    *filter,
                                        GFile         *file,
                                        GError       **error);

G_END_DECLS
