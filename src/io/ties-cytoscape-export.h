/* ties-cytoscape-export.h: the network as Cytoscape.js JSON
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ties-document.h"
#include "ties-filter.h"

G_BEGIN_DECLS

/* Cytoscape.js elements JSON (https://js.cytoscape.org/#notation/elements-json),
 * which Cytoscape desktop imports as .cyjs: every actor a node with its
 * place where one is known, every tie of the events @filter keeps (NULL:
 * the document's) an edge, attributes in "data". The same document always
 * gives the same bytes. */
GBytes   *ties_cytoscape_export_to_bytes (TiesDocument  *document,
                                          TiesFilter    *filter,
                                          GError       **error);

/* The same, written through ties_safe_file_replace(): a failure leaves
 * @file as it was. */
gboolean  ties_cytoscape_export_to_file  (TiesDocument  *document,
                                          TiesFilter    *filter,
                                          GFile         *file,
                                          GError       **error);

G_END_DECLS
