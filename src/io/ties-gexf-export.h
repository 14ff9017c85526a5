/* ties-gexf-export.h: the network as dynamic GEXF 1.3, for Gephi
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ties-document.h"
#include "ties-filter.h"

G_BEGIN_DECLS

/* GEXF 1.3 (https://gexf.net/): every actor a node with its attributes
 * and, in the viz namespace, its colour and place; every tie of the
 * events @filter keeps (NULL: the document's) an undirected edge whose
 * spells are the days of its dated events (timeformat "date", interval
 * representation), so that Gephi's timeline plays the network as the
 * ties formed. The same document always gives the same bytes. */
GBytes   *ties_gexf_export_to_bytes (TiesDocument  *document,
                                     TiesFilter    *filter,
                                     GError       **error);

/* The same, written through ties_safe_file_replace(): a failure leaves
 * @file as it was. */
gboolean  ties_gexf_export_to_file  (TiesDocument  *document,
                                     TiesFilter    *filter,
                                     GFile         *file,
                                     GError       **error);

G_END_DECLS
