/* ties-jgf-export.h: the network as JSON Graph Format v2
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ties-document.h"
#include "ties-filter.h"

G_BEGIN_DECLS

/* JSON Graph Format v2 (https://jsongraphformat.info/): one undirected
 * graph, every actor a node keyed by its id, every tie of the events
 * @filter keeps (NULL: the document's) an edge, what Ties knows of each
 * in its "metadata". The same document always gives the same bytes. */
GBytes   *ties_jgf_export_to_bytes (TiesDocument  *document,
                                    TiesFilter    *filter,
                                    GError       **error);

/* The same, written through ties_safe_file_replace(): a failure leaves
 * @file as it was. */
gboolean  ties_jgf_export_to_file  (TiesDocument  *document,
                                    TiesFilter    *filter,
                                    GFile         *file,
                                    GError       **error);

G_END_DECLS
