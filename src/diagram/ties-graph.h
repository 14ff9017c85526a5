/* ties-graph.h: the network as the diagram sees it: nodes, edges, places
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ties-network.h"

G_BEGIN_DECLS

/* Layouts read places up to this far from the origin (diagram units):
 * a pin beyond it is seen at the bound, a free node beyond it as
 * unplaced, so that their arithmetic stays exact to well under a unit. */
#define TIES_GRAPH_MAX_COORD 1e9

/* Plain arrays, not objects: layouts of 10,000 nodes walk them many
 * times, and the benchmarks build graphs that have no document. */
typedef struct
{
  /* Borrowed from the actor (or owned by the graph for generated ones). */
  const char *id;
  /* Events the actor takes part in (after filtering); sizes the node. */
  guint activity;
  /* Radius in diagram units, set by ties_graph_set_radii(). */
  double radius;
  double x;
  double y;
  /* Whether x and y hold a place (from the document or a layout). */
  gboolean placed;
  /* Layouts keep pinned nodes where they are. */
  gboolean pinned;
  /* For an incremental layout: the edit changed this node's ties or pin
   * (or it is new), so it and its neighbours may move while the rest of
   * the picture holds still. Set by ties_layout_prepare(). */
  gboolean changed;
} TiesGraphNode;

typedef struct
{
  guint source;
  guint target;
  /* Number of shared events. */
  double weight;
} TiesGraphEdge;

typedef struct
{
  GArray *nodes;   /* TiesGraphNode */
  GArray *edges;   /* TiesGraphEdge, source < target, no duplicates */
  GStringChunk *strings;
  /* The rings a radial layout stands its nodes on (double radii, from
   * the inside out, round (ring_x, ring_y), the focus's place); empty
   * for other layouts. The renderer draws them as faint guides, which
   * is what makes the picture read as distances from the focus. */
  GArray *rings;
  double ring_x;
  double ring_y;
} TiesGraph;

TiesGraph     *ties_graph_new                (void);
void           ties_graph_free               (TiesGraph     *self);
guint          ties_graph_add_node           (TiesGraph     *self,
                                              const char    *id);
void           ties_graph_add_edge           (TiesGraph     *self,
                                              guint          source,
                                              guint          target,
                                              double         weight);
/* Every actor of the document is a node (an actor in no counted event is
 * drawn alone); every tie of @network is an edge. Positions and pins come
 * from the actors. */
TiesGraph     *ties_graph_new_from_network   (TiesNetwork   *network);
/* The node of @id, or G_MAXUINT. */
guint          ties_graph_lookup             (TiesGraph     *self,
                                              const char    *id);
/* Radius from activity: area grows with the number of events. */
void           ties_graph_set_radii          (TiesGraph     *self,
                                              double         min_radius,
                                              double         max_radius);

static inline TiesGraphNode *
ties_graph_node (TiesGraph *self,
                 guint      index)
{
  return &g_array_index (self->nodes, TiesGraphNode, index);
}

static inline TiesGraphEdge *
ties_graph_edge (TiesGraph *self,
                 guint      index)
{
  return &g_array_index (self->edges, TiesGraphEdge, index);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiesGraph, ties_graph_free)

G_END_DECLS
