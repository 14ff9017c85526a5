/* ties-layout-private.h: what the layouts of ties-layout*.c share
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ties-layout.h"

G_BEGIN_DECLS

/* Compressed adjacency of an undirected graph; every edge is stored from
 * both ends, with its spring strength. */

typedef struct
{
  guint n;
  guint *off;      /* n + 1 */
  guint *adj;
  double *w;
} Csr;

/* @src and @dst index nodes 0..n-1; edges keep their input order at
 * each end, so the adjacency is as deterministic as the input. */
void     _ties_layout_csr_build  (Csr          *csr,
                                  guint         n,
                                  guint         n_edges,
                                  const guint  *src,
                                  const guint  *dst,
                                  const double *w);
void     _ties_layout_csr_clear  (Csr          *csr);
/* The graph's adjacency, each edge with its spring strength. */
Csr      _ties_layout_graph_csr  (TiesGraph    *graph);

/* A connected component: its members in the list that
 * _ties_layout_find_components() fills. */
typedef struct
{
  guint first;     /* offset into the member list */
  guint size;
  gboolean anchored;
  double min_x, min_y, max_x, max_y;
} Component;

GArray  *_ties_layout_find_components (const Csr *g,
                                       guint     *comp_of,
                                       guint     *members);

/* For qsort() of doubles, ascending. */
int      _ties_layout_compare_doubles    (gconstpointer a,
                                          gconstpointer b);
/* Mean edge length for the drawing: a few median radii, so labels fit. */
double   _ties_layout_target_edge_length (TiesGraph               *graph,
                                          const TiesLayoutOptions *options);

/* Stress refinement by stochastic gradient descent over all pairs of one
 * connected component (ties-layout-stress.c), one hop to @unit (the
 * drawing's mean edge length when 0); the @fixed nodes (none when NULL)
 * stay where they are. Only for components of 50 nodes or more; over
 * all pairs up to 3,000 nodes, beyond that over pivots (see there why). */
gboolean _ties_layout_stress_applies  (guint           n_nodes);
void     _ties_layout_stress_refine   (const Csr      *g,
                                       double         *x,
                                       double         *y,
                                       const gboolean *fixed,
                                       double          unit,
                                       guint64         seed);

/* Overlap removal on plain arrays (ties-layout-overlap.c): moves the
 * nodes that are not @fixed until no two overlap, @padding apart. */
void     _ties_layout_remove_overlaps (guint           n,
                                       double         *x,
                                       double         *y,
                                       const double   *r,
                                       const gboolean *fixed,
                                       double          padding);

/* Barnes–Hut quadtree (ties-layout-quadtree.c). */

typedef struct
{
  double cx;
  double cy;
  double half;
  double mx;       /* sum of x, then centre of mass */
  double my;
  double mass;
  gint child[4];
  gint body;       /* a leaf's first body; -1 for inner cells */
  gboolean leaf;
} QuadCell;

typedef struct
{
  QuadCell *cells;
  guint n_cells;
  guint capacity;
} QuadTree;

/* Builds @tree over the @n bodies at (@x, @y); the cells are the
 * caller's to g_free(). */
void     _ties_layout_quad_build      (QuadTree       *tree,
                                       guint           n,
                                       const double   *x,
                                       const double   *y);
/* Adds to (@fx, @fy) the repulsion on body @i at (@xi, @yi): C K² m / d
 * along the separation, with @k2c = C K². */
void     _ties_layout_quad_repulsion  (const QuadTree *tree,
                                       guint           i,
                                       double          xi,
                                       double          yi,
                                       double          k2c,
                                       double         *fx,
                                       double         *fy);

/* The layouts themselves, on a graph whose places are sanitized;
 * ties_layout_run() removes overlaps after them. */
void     _ties_layout_force  (TiesGraph               *graph,
                              const TiesLayoutOptions *options);
void     _ties_layout_radial (TiesGraph               *graph,
                              const TiesLayoutOptions *options);
void     _ties_layout_circle (TiesGraph               *graph,
                              const TiesLayoutOptions *options);
/* The radial layout with @n_sweeps barycentre sweeps after the BFS
 * tree's wedges (0: the wedges alone), for the tests to compare. */
void     _ties_layout_radial_sweeps (TiesGraph               *graph,
                                     const TiesLayoutOptions *options,
                                     guint                    n_sweeps);

G_END_DECLS
