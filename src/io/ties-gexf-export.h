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
/* What a GEXF edge stands for: a tie (the default: one edge per pair of
 * actors, weighted by their events) or an event (one edge per pair of
 * an event's participants, with the event's id, kind, title and date,
 * its spell that one date; a pair of actors who shared three events has
 * three parallel edges, which Gephi and networkx read as a multigraph). */
typedef enum
{
  TIES_GEXF_EDGES_TIES,
  TIES_GEXF_EDGES_EVENTS,
} TiesGexfEdges;

/* "ties" or "events"; FALSE for anything else. */
gboolean  ties_gexf_edges_from_string (const char    *text,
                                       TiesGexfEdges *edges);

GBytes   *ties_gexf_export_to_bytes (TiesDocument  *document,
                                     TiesFilter    *filter,
                                     GError       **error);

/* The same, written through ties_safe_file_replace(): a failure leaves
 * @file as it was. */
gboolean  ties_gexf_export_to_file  (TiesDocument  *document,
                                     TiesFilter    *filter,
                                     GFile         *file,
                                     GError       **error);

/* The same with the edges @edges says. */
GBytes   *ties_gexf_export_to_bytes_full (TiesDocument  *document,
                                          TiesFilter    *filter,
                                          TiesGexfEdges  edges,
                                          GError       **error);
gboolean  ties_gexf_export_to_file_full  (TiesDocument  *document,
                                          TiesFilter    *filter,
                                          TiesGexfEdges  edges,
                                          GFile         *file,
                                          GError       **error);

G_END_DECLS
