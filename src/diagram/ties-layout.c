/* ties-layout.c: where the nodes go
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Force: the multilevel spring-electrical scheme of Hu (2005), which is
 * also what Graphviz's sfdp does: coarsen the graph by matching
 * neighbours, lay out the coarsest graph, then interpolate to each finer
 * graph and refine it with Barnes–Hut repulsion and an adaptive step.
 * Each connected component is laid out alone, and the components are
 * packed on shelves instead of being flung apart by repulsion.
 *
 * Radial: rings by hop distance from the focus, ordered by the wedges of
 * the BFS tree and then by barycentre sweeps.
 *
 * Circle: one ring, components together, each in depth-first order.
 *
 * Every layout ends with overlap removal. Nothing here depends on time,
 * addresses or hash-table order, so the same input gives the same bits.
 *
 * This file holds the entry points and what the layouts share (the graph
 * as compressed adjacency, its components, the edge length); the force
 * layout is in ties-layout-force.c with its quadtree in
 * ties-layout-quadtree.c, radial and circle in ties-layout-radial.c, and
 * overlap removal in ties-layout-overlap.c.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ties-layout-private.h"

/* Mean edge length, in median node radii, that leaves room for labels. */
#define EDGE_LENGTH_RADII 5.0

void
_ties_layout_csr_clear (Csr *csr)
{
  g_assert (csr != NULL);

  g_clear_pointer (&csr->off, g_free);
  g_clear_pointer (&csr->adj, g_free);
  g_clear_pointer (&csr->w, g_free);
  csr->n = 0;
}

/* @src and @dst index nodes 0..n-1; edges keep their input order at
 * each end, so the adjacency is as deterministic as the input. */
void
_ties_layout_csr_build (Csr          *csr,
                        guint         n,
                        guint         n_edges,
                        const guint  *src,
                        const guint  *dst,
                        const double *w)
{
  g_autofree guint *fill = NULL;

  g_assert (csr != NULL);
  g_assert (n_edges == 0 || (src != NULL && dst != NULL && w != NULL));

  csr->n = n;
  csr->off = g_new0 (guint, n + 1);
  csr->adj = g_new (guint, 2 * (gsize) n_edges + 1);
  csr->w = g_new (double, 2 * (gsize) n_edges + 1);

  for (guint e = 0; e < n_edges; e++)
    {
      csr->off[src[e] + 1]++;
      csr->off[dst[e] + 1]++;
    }
  for (guint i = 0; i < n; i++)
    csr->off[i + 1] += csr->off[i];

  fill = g_memdup2 (csr->off, sizeof (guint) * n);
  for (guint e = 0; e < n_edges; e++)
    {
      csr->adj[fill[src[e]]] = dst[e];
      csr->w[fill[src[e]]++] = w[e];
      csr->adj[fill[dst[e]]] = src[e];
      csr->w[fill[dst[e]]++] = w[e];
    }
}

/* Spring strength from the number of shared events: heavier ties pull
 * harder, but a tie of 50 events must not crush its ends together. */
static double
edge_strength (double weight)
{
  if (!(weight > 1.0))
    return 1.0;
  return 1.0 + log (weight);
}
/* Fills @comp_of and @members (members of each component in index
 * order, components in order of their lowest index). */
GArray *
_ties_layout_find_components (const Csr *g,
                              guint     *comp_of,
                              guint     *members)
{
  GArray *components = g_array_new (FALSE, TRUE, sizeof (Component));
  g_autofree guint *queue = g_new (guint, g->n);
  g_autofree guint *count = NULL;
  guint pos = 0;

  g_assert (g != NULL && comp_of != NULL && members != NULL);

  for (guint i = 0; i < g->n; i++)
    comp_of[i] = G_MAXUINT;

  for (guint s = 0; s < g->n; s++)
    {
      Component comp = { 0 };
      guint head = 0, tail = 0;

      if (comp_of[s] != G_MAXUINT)
        continue;

      comp_of[s] = components->len;
      queue[tail++] = s;
      while (head < tail)
        {
          guint i = queue[head++];

          for (guint e = g->off[i]; e < g->off[i + 1]; e++)
            if (comp_of[g->adj[e]] == G_MAXUINT)
              {
                comp_of[g->adj[e]] = components->len;
                queue[tail++] = g->adj[e];
              }
        }
      comp.size = tail;
      g_array_append_val (components, comp);
    }

  for (guint c = 0; c < components->len; c++)
    {
      g_array_index (components, Component, c).first = pos;
      pos += g_array_index (components, Component, c).size;
    }
  count = g_new0 (guint, components->len);
  for (guint i = 0; i < g->n; i++)
    {
      Component *comp = &g_array_index (components, Component, comp_of[i]);

      members[comp->first + count[comp_of[i]]++] = i;
    }

  return components;
}

Csr
_ties_layout_graph_csr (TiesGraph *graph)
{
  guint m = graph->edges->len;
  g_autofree guint *src = g_new (guint, m + 1);
  g_autofree guint *dst = g_new (guint, m + 1);
  g_autofree double *w = g_new (double, m + 1);
  Csr csr = { 0 };

  g_assert (graph != NULL);

  for (guint e = 0; e < m; e++)
    {
      TiesGraphEdge *edge = ties_graph_edge (graph, e);

      src[e] = edge->source;
      dst[e] = edge->target;
      w[e] = edge_strength (edge->weight);
    }
  _ties_layout_csr_build (&csr, graph->nodes->len, m, src, dst, w);

  return csr;
}

int
_ties_layout_compare_doubles (gconstpointer a,
                              gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Mean edge length for the drawing: a few median radii, so labels fit. */
double
_ties_layout_target_edge_length (TiesGraph               *graph,
                                 const TiesLayoutOptions *options)
{
  guint n = graph->nodes->len;
  g_autofree double *radii = g_new (double, n + 1);
  double median;

  g_assert (graph != NULL);

  for (guint i = 0; i < n; i++)
    radii[i] = ties_graph_node (graph, i)->radius;
  qsort (radii, n, sizeof (double), _ties_layout_compare_doubles);
  median = n > 0 ? radii[n / 2] : 0;

  /* Room for labels between neighbours, when the caller draws them. */
  return MAX (median > 0 ? EDGE_LENGTH_RADII * median : 30, options->label_room);
}

/* Public API */

gboolean
ties_layout_kind_from_string (const char     *text,
                              TiesLayoutKind *kind)
{
  static const char * const names[] = { "force", "radial", "circle" };

  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (text, names[i]))
      {
        if (kind != NULL)
          *kind = (TiesLayoutKind) i;
        return TRUE;
      }

  return FALSE;
}

const char *
ties_layout_kind_to_string (TiesLayoutKind kind)
{
  switch (kind)
    {
    case TIES_LAYOUT_FORCE:
      return "force";
    case TIES_LAYOUT_RADIAL:
      return "radial";
    case TIES_LAYOUT_CIRCLE:
      return "circle";
    default:
      g_return_val_if_reached (NULL);
    }
}

void
ties_layout_options_init (TiesLayoutOptions *options,
                          TiesLayoutKind     kind)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->kind = kind;
  options->focus = G_MAXUINT;
  options->incremental = FALSE;
  options->padding = 8;
  options->max_iterations = 0;
}

/* What layouts may read of the nodes' places. A place that is NaN or
 * infinite is no place. A pin beyond ±TIES_GRAPH_MAX_COORD is seen at
 * that bound (its own place is kept: layouts never write pinned
 * nodes), so distances, forces and sums stay far from overflow and
 * from the precision where a push of a few units is lost. A free node
 * out there has no place worth keeping. Returns the pins' true places,
 * for restore_places(). */
static double *
sanitize_places (TiesGraph *graph)
{
  double *saved = g_new (double, 2 * (gsize) graph->nodes->len + 1);

  g_assert (graph != NULL);

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      TiesGraphNode *node = ties_graph_node (graph, i);

      saved[2 * i] = node->x;
      saved[2 * i + 1] = node->y;
      if (!isfinite (node->x) || !isfinite (node->y))
        {
          node->placed = FALSE;
          node->x = node->y = 0;
        }
      else if (node->placed && node->pinned)
        {
          node->x = CLAMP (node->x, -TIES_GRAPH_MAX_COORD, TIES_GRAPH_MAX_COORD);
          node->y = CLAMP (node->y, -TIES_GRAPH_MAX_COORD, TIES_GRAPH_MAX_COORD);
        }
      else if (fabs (node->x) > TIES_GRAPH_MAX_COORD || fabs (node->y) > TIES_GRAPH_MAX_COORD)
        node->placed = FALSE;

      if (!node->placed)
        node->x = node->y = 0;
      /* Only pins are given back their places. */
      if (!(node->placed && node->pinned))
        saved[2 * i] = saved[2 * i + 1] = NAN;
    }

  return saved;
}

static void
restore_places (TiesGraph    *graph,
                const double *saved)
{
  g_assert (graph != NULL && saved != NULL);

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      TiesGraphNode *node = ties_graph_node (graph, i);

      if (!isnan (saved[2 * i]))
        {
          node->x = saved[2 * i];
          node->y = saved[2 * i + 1];
        }
    }
}

static void
remove_graph_overlaps (TiesGraph *graph,
                       double     padding)
{
  guint n;
  g_autofree double *x = NULL;
  g_autofree double *y = NULL;
  g_autofree double *r = NULL;
  g_autofree gboolean *fixed = NULL;

  g_assert (graph != NULL);

  n = graph->nodes->len;
  x = g_new (double, n + 1);
  y = g_new (double, n + 1);
  r = g_new (double, n + 1);
  fixed = g_new (gboolean, n + 1);
  for (guint i = 0; i < n; i++)
    {
      TiesGraphNode *node = ties_graph_node (graph, i);

      x[i] = node->x;
      y[i] = node->y;
      r[i] = node->radius;
      fixed[i] = node->pinned && node->placed;
    }

  _ties_layout_remove_overlaps (n, x, y, r, fixed, padding);

  for (guint i = 0; i < n; i++)
    if (!fixed[i])
      {
        TiesGraphNode *node = ties_graph_node (graph, i);

        node->x = x[i];
        node->y = y[i];
      }
}

void
ties_layout_remove_overlaps (TiesGraph *graph,
                             double     padding)
{
  g_autofree double *saved = NULL;

  g_return_if_fail (graph != NULL);
  g_return_if_fail (padding >= 0);

  saved = sanitize_places (graph);
  remove_graph_overlaps (graph, padding);
  restore_places (graph, saved);
}

void
ties_layout_run (TiesGraph               *graph,
                 const TiesLayoutOptions *options)
{
  g_autofree double *saved = NULL;

  g_return_if_fail (graph != NULL);
  g_return_if_fail (options != NULL);
  g_return_if_fail (options->padding >= 0);

  if (graph->nodes->len == 0)
    return;

  saved = sanitize_places (graph);

  switch (options->kind)
    {
    case TIES_LAYOUT_FORCE:
      _ties_layout_force (graph, options);
      break;
    case TIES_LAYOUT_RADIAL:
      _ties_layout_radial (graph, options);
      break;
    case TIES_LAYOUT_CIRCLE:
      _ties_layout_circle (graph, options);
      break;
    default:
      g_return_if_reached ();
    }

  remove_graph_overlaps (graph, options->padding);
  restore_places (graph, saved);

  /* Measured on the places as they end, pins and overlap removal done:
   * a guide is drawn only through nodes that stand on it. */
  ties_layout_find_rings (graph, options);
}
