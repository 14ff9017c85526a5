/* ties-layout.h: where the nodes go
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ties-graph.h"

G_BEGIN_DECLS

typedef enum {
  TIES_LAYOUT_FORCE,
  TIES_LAYOUT_RADIAL,
  TIES_LAYOUT_CIRCLE,
} TiesLayoutKind;

/* "force", "radial", "circle" */
gboolean    ties_layout_kind_from_string (const char     *text,
                                          TiesLayoutKind *kind);
const char *ties_layout_kind_to_string   (TiesLayoutKind  kind);

typedef struct
{
  TiesLayoutKind kind;
  /* Radial: the node at the centre (G_MAXUINT: the most active). */
  guint focus;
  /* Start from the nodes' current places where they are placed, so an
   * edit does not make the picture jump. */
  gboolean incremental;
  /* Space kept between node edges by the overlap removal. */
  double padding;
  /* Force: iterations at most (0: chosen from the graph's size). */
  guint max_iterations;
  /* Distance that neighbouring nodes keep for the labels drawn beside
   * them (0 when there are none). */
  double label_room;
} TiesLayoutOptions;

void ties_layout_options_init (TiesLayoutOptions *options,
                               TiesLayoutKind     kind);

/* Places every node that is not pinned (x, y; placed = TRUE), in diagram
 * units around the origin. Node radii must be set first: the layout and
 * its last pass, overlap removal, use them. Deterministic: the same graph
 * and options give the same places, to the bit.
 * Pinned nodes are never moved, and whatever the pins (far apart, all
 * of them, several on one point, far outside), the free nodes get
 * finite places within the pins' box grown by about the drawing's own
 * size. A place that is NaN or infinite is no place; a pin beyond
 * ±TIES_GRAPH_MAX_COORD acts from that bound. */
void ties_layout_run          (TiesGraph               *graph,
                               const TiesLayoutOptions *options);

/* Sets @graph's rings (see TiesGraph) from its places, for a radial
 * layout round @options' focus: one ring for each hop distance whose
 * free nodes all stand at one distance from the focus, none at all when
 * they do not (the places are another layout's) or @options are not
 * radial. ties_layout_run() calls it; call it alone for places that
 * were kept without a layout (saved in the document). */
void ties_layout_find_rings   (TiesGraph               *graph,
                               const TiesLayoutOptions *options);

/* The last pass of every layout, also callable alone: moves unpinned
 * nodes apart until no two overlap (with @padding between edges); a node
 * that pushing cannot free (caught between pins) takes the nearest
 * clear spot. Pins may overlap each other. */
void ties_layout_remove_overlaps (TiesGraph *graph,
                                  double     padding);

G_END_DECLS
