/* ties-layout-radial.c: the radial and circle layouts
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Radial: rings by hop distance from the focus, ordered by the wedges of
 * the BFS tree and then by barycentre sweeps.
 *
 * Circle: one ring, components together, each in depth-first order.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "ties-layout-private.h"

/* Places @count nodes in @order on a circle no smaller than @min_radius,
 * neighbours on the circle at least their radii plus @padding apart,
 * the order rotated to follow @desired angles (may be NULL). With
 * @keep, each node stays as near its desired angle as the room its
 * neighbours need allows, instead of the ring being spaced evenly: the
 * picture after an edit. Writes the angle of each into @angle (indexed
 * by node) and returns the radius. */
static double
place_on_ring (guint         count,
               const guint  *order,
               const double *r,
               double        padding,
               double        min_radius,
               const double *desired,
               gboolean      keep,
               double       *angle)
{
  g_autofree double *need = g_new (double, count + 1);
  g_autofree double *theta = g_new (double, count + 1);
  double lo, hi, radius, slack, total = 0, sum_sin = 0, sum_cos = 0, offset, a;

  g_assert (count == 0 || (order != NULL && r != NULL && angle != NULL));

  if (count == 0)
    return min_radius;
  if (count == 1)
    {
      angle[order[0]] = desired != NULL ? desired[order[0]] : 0;
      return min_radius;
    }

  for (guint k = 0; k < count; k++)
    {
      /* A hair more than touching, so rounding cannot make an overlap
       * for the last pass to fix. */
      need[k] = (r[order[k]] + r[order[(k + 1) % count]] + padding) * (1 + 1e-6);
      total += need[k];
    }

  /* The smallest radius whose chords fit all the way round. */
#define RING_ANGLES(R, S) \
  G_STMT_START { \
    S = 0; \
    for (guint k_ = 0; k_ < count; k_++) \
      S += need[k_] > 2 * (R) ? G_MAXDOUBLE : 2 * asin (need[k_] / (2 * (R))); \
  } G_STMT_END

  {
    double s;

    RING_ANGLES (min_radius, s);
    if (min_radius > 0 && s <= 2 * G_PI)
      radius = min_radius;
    else
      {
        lo = MAX (min_radius, total / (2 * G_PI));
        hi = MAX (lo, total);
        for (guint it = 0; it < 60; it++)
          {
            double mid = (lo + hi) / 2;

            RING_ANGLES (mid, s);
            if (s <= 2 * G_PI)
              hi = mid;
            else
              lo = mid;
          }
        radius = hi;
      }
  }
#undef RING_ANGLES

  slack = 2 * G_PI;
  for (guint k = 0; k < count; k++)
    {
      theta[k] = 2 * asin (MIN (1.0, need[k] / (2 * radius)));
      slack -= theta[k];
    }
  slack = MAX (0, slack) / count;

  if (keep && desired != NULL)
    {
      g_autofree double *at = g_new (double, count);

      /* Unwrapped, in the order given (sorted by desired angle), then
       * pushed apart pair by pair until each has its room. */
      for (guint k = 0; k < count; k++)
        {
          at[k] = desired[order[k]];
          while (k > 0 && at[k] < at[k - 1])
            at[k] += 2 * G_PI;
        }
      for (guint pass = 0; pass < 200; pass++)
        {
          double worst = 0;

          for (guint k = 0; k < count; k++)
            {
              guint next = (k + 1) % count;
              double gap = at[next] + (next == 0 ? 2 * G_PI : 0) - at[k];
              double short_by = theta[k] - gap;

              if (short_by <= 0)
                continue;
              worst = MAX (worst, short_by);
              at[k] -= short_by / 2;
              at[next] += short_by / 2;
            }
          if (worst < 1e-9)
            break;
        }
      for (guint k = 0; k < count; k++)
        angle[order[k]] = at[k];
      return radius;
    }

  a = 0;
  for (guint k = 0; k < count; k++)
    {
      angle[order[k]] = a;
      if (desired != NULL)
        {
          sum_sin += sin (desired[order[k]] - a);
          sum_cos += cos (desired[order[k]] - a);
        }
      a += theta[k] + slack;
    }
  offset = (sum_sin != 0 || sum_cos != 0) ? atan2 (sum_sin, sum_cos) : 0;
  for (guint k = 0; k < count; k++)
    angle[order[k]] += offset;

  return radius;
}

typedef struct
{
  guint index;
  double key;
} SortItem;

static int
compare_sort_items (gconstpointer a,
                    gconstpointer b)
{
  const SortItem *p = a;
  const SortItem *q = b;

  if (p->key != q->key)
    return p->key < q->key ? -1 : 1;
  return (p->index > q->index) - (p->index < q->index);
}

static double
wrap_angle (double a)
{
  a = fmod (a, 2 * G_PI);
  return a < 0 ? a + 2 * G_PI : a;
}

static guint
most_active (TiesGraph *graph)
{
  guint best = 0;

  g_assert (graph != NULL);

  for (guint i = 1; i < graph->nodes->len; i++)
    if (ties_graph_node (graph, i)->activity > ties_graph_node (graph, best)->activity)
      best = i;

  return best;
}

/* Nodes tied to nothing say nothing by where they stand: a row under the
 * drawing keeps them in view without stretching it. */
static void
place_isolates_below (TiesGraph               *graph,
                      const Csr               *g,
                      const TiesLayoutOptions *options,
                      guint                    keep)
{
  guint n = graph->nodes->len;
  double x0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  double max_r = 0, step, x, y;
  guint n_isolates = 0, per_row, column = 0;

  for (guint i = 0; i < n; i++)
    {
      TiesGraphNode *node = ties_graph_node (graph, i);
      gboolean isolate = g->off[i] == g->off[i + 1] && i != keep && !(node->pinned && node->placed);

      if (isolate)
        {
          n_isolates++;
          max_r = MAX (max_r, node->radius);
          continue;
        }
      x0 = MIN (x0, node->x - node->radius);
      x1 = MAX (x1, node->x + node->radius);
      y1 = MAX (y1, node->y + node->radius);
    }

  if (n_isolates == 0 || x0 > x1)
    return;

  step = 2 * max_r + MAX (options->padding, options->label_room);
  per_row = MAX (1, (guint) floor ((x1 - x0) / step) + 1);
  per_row = MIN (per_row, n_isolates);
  x = -((double) per_row - 1) * step / 2;
  y = y1 + max_r + MAX (options->padding, options->label_room);

  for (guint i = 0; i < n; i++)
    {
      TiesGraphNode *node = ties_graph_node (graph, i);

      if (g->off[i] != g->off[i + 1] || i == keep || (node->pinned && node->placed))
        continue;

      node->x = x + column * step;
      node->y = y;
      node->placed = TRUE;
      if (++column == per_row)
        {
          column = 0;
          y += step;
        }
    }
}

void
_ties_layout_radial (TiesGraph               *graph,
                     const TiesLayoutOptions *options)
{
  guint n = graph->nodes->len;
  Csr g = _ties_layout_graph_csr (graph);
  guint focus = options->focus < n ? options->focus : most_active (graph);
  g_autofree guint *dist = g_new (guint, n);
  g_autofree guint *parent = g_new (guint, n);
  g_autofree guint *queue = g_new (guint, n);
  g_autofree double *r = g_new (double, n);
  g_autofree double *desired = g_new0 (double, n);
  g_autofree double *angle = g_new0 (double, n);
  g_autofree double *ring_radius = NULL;
  g_autofree guint *ring_off = NULL;
  g_autofree guint *ring = g_new (guint, n);
  g_autofree double *weight = g_new (double, n);
  g_autofree double *wedge = g_new (double, n);
  g_autofree double *next_start = g_new (double, n);
  g_autofree SortItem *items = g_new (SortItem, n);
  double edge_length = _ties_layout_target_edge_length (graph, options);
  guint head = 0, tail = 0, max_dist = 0, n_rings;
  gboolean incremental;

  g_assert (graph != NULL && options != NULL);

  for (guint i = 0; i < n; i++)
    {
      dist[i] = G_MAXUINT;
      parent[i] = G_MAXUINT;
      r[i] = ties_graph_node (graph, i)->radius;
    }

  dist[focus] = 0;
  queue[tail++] = focus;
  while (head < tail)
    {
      guint i = queue[head++];

      max_dist = MAX (max_dist, dist[i]);
      for (guint e = g.off[i]; e < g.off[i + 1]; e++)
        if (dist[g.adj[e]] == G_MAXUINT)
          {
            dist[g.adj[e]] = dist[i] + 1;
            parent[g.adj[e]] = i;
            queue[tail++] = g.adj[e];
          }
    }
  /* Everything the focus cannot reach goes on one outer ring. */
  n_rings = max_dist + 1 + (tail < n ? 1 : 0);
  for (guint i = 0; i < n; i++)
    if (dist[i] == G_MAXUINT)
      {
        dist[i] = max_dist + 1;
        queue[tail++] = i;
      }

  /* Rings in BFS order. */
  ring_off = g_new0 (guint, n_rings + 1);
  for (guint i = 0; i < n; i++)
    ring_off[dist[i] + 1]++;
  for (guint k = 0; k < n_rings; k++)
    ring_off[k + 1] += ring_off[k];
  {
    g_autofree guint *fill = g_memdup2 (ring_off, sizeof (guint) * n_rings);

    for (guint q = 0; q < n; q++)
      ring[fill[dist[queue[q]]]++] = queue[q];
  }

  /* First guess: each subtree of the BFS tree gets a wedge in
   * proportion to its size, children in the middle of theirs. */
  for (guint i = 0; i < n; i++)
    weight[i] = 1;
  for (guint q = n; q-- > 1;)
    if (parent[queue[q]] != G_MAXUINT)
      weight[parent[queue[q]]] += weight[queue[q]];
  for (guint i = 0; i < n; i++)
    next_start[i] = 0;
  wedge[focus] = 2 * G_PI;
  next_start[focus] = 0;
  {
    double outer = 0;
    guint outer_count = n - ring_off[max_dist + 1];

    for (guint q = 1; q < n; q++)
      {
        guint i = queue[q];
        guint p = parent[i];

        if (p == G_MAXUINT)
          {
            desired[i] = 2 * G_PI * (outer + 0.5) / MAX (outer_count, 1);
            outer += 1;
            continue;
          }
        wedge[i] = wedge[p] * weight[i] / (weight[p] - 1);
        desired[i] = next_start[p] + wedge[i] / 2;
        next_start[i] = next_start[p];
        next_start[p] += wedge[i];
      }
  }

  /* After an edit, the picture shown: every actor placed before keeps
   * its angle round the focus (and so its order on its ring), a new one
   * aims at its placed neighbours, and the sweeps that would reorder
   * the rings are not run. */
  {
    guint n_placed = 0;

    for (guint i = 0; i < n; i++)
      n_placed += ties_graph_node (graph, i)->placed ? 1 : 0;
    incremental = options->incremental && 2 * n_placed >= n;
  }
  if (incremental)
    {
      TiesGraphNode *centre = ties_graph_node (graph, focus);
      double cx = centre->placed ? centre->x : 0, cy = centre->placed ? centre->y : 0;

      for (guint i = 0; i < n; i++)
        {
          TiesGraphNode *node = ties_graph_node (graph, i);

          if (i != focus && node->placed && (node->x != cx || node->y != cy))
            desired[i] = atan2 (node->y - cy, node->x - cx);
        }
      for (guint i = 0; i < n; i++)
        {
          double sn = 0, c = 0;

          if (ties_graph_node (graph, i)->placed)
            continue;
          for (guint e = g.off[i]; e < g.off[i + 1]; e++)
            if (g.adj[e] != focus && ties_graph_node (graph, g.adj[e])->placed)
              {
                sn += sin (desired[g.adj[e]]);
                c += cos (desired[g.adj[e]]);
              }
          if (sn != 0 || c != 0)
            desired[i] = atan2 (sn, c);
        }
    }

  ring_radius = g_new0 (double, n_rings);
  /* Sweep 0 places by the wedges; then barycentre sweeps alternate: a
   * node aims at the mean angle of its neighbours on the ring inside
   * (odd sweeps) or outside (even sweeps) its own. */
  for (guint sweep = 0; sweep < (incremental ? 1 : 4); sweep++)
    {
      double radius = 0, prev_max_r = r[focus];

      for (guint k = 1; k < n_rings; k++)
        {
          guint count = ring_off[k + 1] - ring_off[k];
          double ring_max_r = 0, min_radius;
          g_autofree guint *order = g_new (guint, count + 1);

          for (guint o = 0; o < count && sweep > 0; o++)
            {
              guint i = ring[ring_off[k] + o];
              guint want = (sweep % 2 == 1) ? k - 1 : k + 1;
              double s = 0, c = 0;

              /* Ring 1 only has the focus inside it. */
              if (want == 0)
                break;
              for (guint e = g.off[i]; e < g.off[i + 1]; e++)
                if (dist[g.adj[e]] == want)
                  {
                    s += sin (angle[g.adj[e]]);
                    c += cos (angle[g.adj[e]]);
                  }
              desired[i] = (s != 0 || c != 0) ? atan2 (s, c) : angle[i];
            }

          for (guint o = 0; o < count; o++)
            {
              guint i = ring[ring_off[k] + o];

              items[o].index = i;
              items[o].key = wrap_angle (desired[i]);
              ring_max_r = MAX (ring_max_r, r[i]);
            }
          qsort (items, count, sizeof (SortItem), compare_sort_items);
          for (guint o = 0; o < count; o++)
            order[o] = items[o].index;

          min_radius = MAX (radius + (prev_max_r + ring_max_r + options->padding) * (1 + 1e-6),
                            radius + edge_length);
          /* Neighbours on a ring leave each other room for a label. */
          radius = place_on_ring (count, order, r, MAX (options->padding, options->label_room / 2),
                                  min_radius, desired, incremental, angle);
          ring_radius[k] = radius;
          prev_max_r = ring_max_r;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      TiesGraphNode *node = ties_graph_node (graph, i);

      if (node->pinned && node->placed)
        continue;
      if (i == focus)
        {
          node->x = 0;
          node->y = 0;
        }
      else
        {
          node->x = ring_radius[dist[i]] * cos (angle[i]);
          node->y = ring_radius[dist[i]] * sin (angle[i]);
        }
      node->placed = TRUE;
    }

  place_isolates_below (graph, &g, options, focus);

  _ties_layout_csr_clear (&g);
}

void
_ties_layout_circle (TiesGraph               *graph,
                     const TiesLayoutOptions *options)
{
  guint n = graph->nodes->len;
  Csr g = _ties_layout_graph_csr (graph);
  g_autofree guint *comp_of = g_new (guint, n);
  g_autofree guint *members = g_new (guint, n);
  g_autofree guint *order = g_new (guint, n);
  g_autofree guint *stack = g_new (guint, 2 * (gsize) g.off[n] + n + 1);
  g_autofree gboolean *seen = g_new0 (gboolean, n);
  g_autofree double *r = g_new (double, n);
  g_autofree double *angle = g_new (double, n);
  g_autofree SortItem *items = NULL;
  g_autoptr(GArray) components = _ties_layout_find_components (&g, comp_of, members);
  guint n_order = 0;
  double radius;

  g_assert (graph != NULL && options != NULL);

  for (guint i = 0; i < n; i++)
    r[i] = ties_graph_node (graph, i)->radius;

  /* Larger components first; each walked depth first from its best
   * connected node, which keeps neighbours next to each other. */
  items = g_new (SortItem, components->len + 1);
  for (guint c = 0; c < components->len; c++)
    {
      items[c].index = c;
      items[c].key = -(double) g_array_index (components, Component, c).size;
    }
  qsort (items, components->len, sizeof (SortItem), compare_sort_items);

  for (guint k = 0; k < components->len; k++)
    {
      Component *comp = &g_array_index (components, Component, items[k].index);
      guint root = members[comp->first];
      guint top = 0;

      for (guint j = 0; j < comp->size; j++)
        {
          guint i = members[comp->first + j];

          if (g.off[i + 1] - g.off[i] > g.off[root + 1] - g.off[root])
            root = i;
        }

      stack[top++] = root;
      while (top > 0)
        {
          guint i = stack[--top];

          if (seen[i])
            continue;
          seen[i] = TRUE;
          order[n_order++] = i;
          /* Pushed backwards so lower-index neighbours come first. */
          for (guint e = g.off[i + 1]; e-- > g.off[i];)
            if (!seen[g.adj[e]])
              stack[top++] = g.adj[e];
        }
    }

  radius = place_on_ring (n, order, r, MAX (options->padding, options->label_room / 2),
                          n > 1 ? _ties_layout_target_edge_length (graph, options) : 0, NULL, FALSE, angle);
  for (guint k = 0; k < n; k++)
    {
      TiesGraphNode *node = ties_graph_node (graph, order[k]);

      if (node->pinned && node->placed)
        continue;
      /* Clockwise from the top, as one reads a clock. */
      node->x = n > 1 ? radius * cos (angle[order[k]] - G_PI / 2) : 0;
      node->y = n > 1 ? radius * sin (angle[order[k]] - G_PI / 2) : 0;
      node->placed = TRUE;
    }

  _ties_layout_csr_clear (&g);
}
