/* ties-dot-export.h: the network as a Graphviz DOT file
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ties-document.h"
#include "ties-filter.h"

G_BEGIN_DECLS

/* An undirected DOT graph (https://graphviz.org/doc/info/lang.html):
 * every actor a node labelled with its name, placed ("pos", pinned with
 * "!") where Ties drew it, so that `neato -n2` draws the same picture;
 * every tie of the events @filter keeps (NULL: the document's) an edge
 * weighted by its events. The same document always gives the same bytes. */
GBytes   *ties_dot_export_to_bytes (TiesDocument  *document,
                                    TiesFilter    *filter,
                                    GError       **error);

/* The same, written through ties_safe_file_replace(): a failure leaves
 * @file as it was. */
gboolean  ties_dot_export_to_file  (TiesDocument  *document,
                                    TiesFilter    *filter,
                                    GFile         *file,
                                    GError       **error);

G_END_DECLS
