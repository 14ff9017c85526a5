/* ties-layout-radial.c: the radial and circle layouts
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Radial: rings by hop distance from the focus, every node exactly on
 * its ring (the renderer draws the rings as guides), ordered by the
 * wedges of the BFS tree and then by barycentre sweeps, keeping the
 * order that crosses fewest ties; actors with no tie in a row below.
 *
 * Circle: one ring, components together, each in depth-first order.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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

/* An actor with no tie: one that place_isolates_below() sets apart
 * rather than on a ring (a pinned one stays where it was put). */
static gboolean
is_isolate (TiesGraph *graph,
            const Csr *g,
            guint      focus,
            guint      i)
{
  TiesGraphNode *node = ties_graph_node (graph, i);

  return g->off[i] == g->off[i + 1] && i != focus && !(node->pinned && node->placed);
}

/* Nodes tied to nothing say nothing by where they stand: a row under the
 * drawing, centred under the focus and clear of the outermost ring's
 * guide (@outer round @cx, @cy), keeps them in view, apart from the
 * rings, without stretching the picture. With @keep (after an edit),
 * they stay where they were shown as long as all of them have a place
 * still clear of the rings. */
static void
place_isolates_below (TiesGraph               *graph,
                      const Csr               *g,
                      const TiesLayoutOptions *options,
                      guint                    focus,
                      double                   cx,
                      double                   cy,
                      double                   outer,
                      gboolean                 keep)
{
  guint n = graph->nodes->len;
  double x0 = cx - outer, x1 = cx + outer, y1 = cy + outer;
  double max_r = 0, step, gap, x, y;
  guint n_isolates = 0, per_row, column = 0;

  for (guint i = 0; i < n; i++)
    {
      TiesGraphNode *node = ties_graph_node (graph, i);

      if (is_isolate (graph, g, focus, i))
        {
          n_isolates++;
          max_r = MAX (max_r, node->radius);
          continue;
        }
      x0 = MIN (x0, node->x - node->radius);
      x1 = MAX (x1, node->x + node->radius);
      y1 = MAX (y1, node->y + node->radius);
    }

  if (n_isolates == 0)
    return;

  /* As far apart as tied neighbours: each has a name to show beside
   * it, whether or not the caller asked for room for labels. */
  gap = MAX (options->padding, _ties_layout_target_edge_length (graph, options));
  for (guint i = 0; i < n && keep; i++)
    {
      TiesGraphNode *node = ties_graph_node (graph, i);

      if (is_isolate (graph, g, focus, i))
        keep = node->placed && node->y - node->radius >= y1 + gap;
    }
  if (keep)
    return;
  step = 2 * max_r + gap;
  per_row = MAX (1, (guint) floor ((x1 - x0) / step) + 1);
  per_row = MIN (per_row, n_isolates);
  x = cx - ((double) per_row - 1) * step / 2;
  /* Farther below than the rings are apart (an edge length, unless a
   * ring needed more room round), so that the row does not read as one
   * more ring. */
  y = y1 + max_r + 1.5 * gap;

  for (guint i = 0; i < n; i++)
    {
      TiesGraphNode *node = ties_graph_node (graph, i);

      if (!is_isolate (graph, g, focus, i))
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

/* Hop distances from @focus by breadth-first search, with the search
 * tree in @parent and the order of the visit in @queue. The nodes the
 * focus cannot reach that have ties get one ring more, outside the
 * others; the actors with no tie get none (G_MAXUINT) and come last in
 * @queue, after the @n_ringed that stand on rings (the focus included).
 * Returns the number of rings, the focus's own counted as ring 0. */
static guint
find_hops (TiesGraph *graph,
           const Csr *g,
           guint      focus,
           guint     *dist,
           guint     *parent,
           guint     *queue,
           guint     *n_reached,
           guint     *n_ringed)
{
  guint n = graph->nodes->len;
  guint head = 0, tail = 0, max_dist = 0, n_rings;
  gboolean unreached = FALSE;

  g_assert (focus < n);

  for (guint i = 0; i < n; i++)
    {
      dist[i] = G_MAXUINT;
      parent[i] = G_MAXUINT;
    }

  dist[focus] = 0;
  queue[tail++] = focus;
  while (head < tail)
    {
      guint i = queue[head++];

      max_dist = MAX (max_dist, dist[i]);
      for (guint e = g->off[i]; e < g->off[i + 1]; e++)
        if (dist[g->adj[e]] == G_MAXUINT)
          {
            dist[g->adj[e]] = dist[i] + 1;
            parent[g->adj[e]] = i;
            queue[tail++] = g->adj[e];
          }
    }

  *n_reached = tail;
  n_rings = max_dist + 1;
  for (guint i = 0; i < n; i++)
    if (dist[i] == G_MAXUINT && !is_isolate (graph, g, focus, i))
      {
        dist[i] = max_dist + 1;
        queue[tail++] = i;
        unreached = TRUE;
      }
  if (unreached)
    n_rings++;

  *n_ringed = tail;
  for (guint i = 0; i < n; i++)
    if (dist[i] == G_MAXUINT)
      queue[tail++] = i;

  return n_rings;
}

/* Above this many ties, counting crossings pair by pair costs more than
 * the layout itself; the last sweep is then kept unchecked. */
#define MAX_CROSSING_TIES 2000

/* Pairs of ties that cross, drawn straight between (@x, @y) (ties that
 * share an end do not count); G_MAXUINT64 for a graph too large to
 * count. */
static guint64
count_crossings (TiesGraph    *graph,
                 const double *x,
                 const double *y)
{
  guint m = graph->edges->len;
  guint64 crossings = 0;

  g_assert (graph != NULL && x != NULL && y != NULL);

  if (m > MAX_CROSSING_TIES)
    return G_MAXUINT64;

  for (guint e = 0; e < m; e++)
    {
      TiesGraphEdge *p = ties_graph_edge (graph, e);
      double ax = x[p->source], ay = y[p->source], bx = x[p->target], by = y[p->target];

      for (guint f = e + 1; f < m; f++)
        {
          TiesGraphEdge *q = ties_graph_edge (graph, f);
          double cx = x[q->source], cy = y[q->source], dx = x[q->target], dy = y[q->target];
          double d1, d2, d3, d4;

          if (p->source == q->source || p->source == q->target
              || p->target == q->source || p->target == q->target)
            continue;
          d1 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
          d2 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax);
          d3 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx);
          d4 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx);
          if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
            crossings++;
        }
    }

  return crossings;
}

/* Barycentre sweeps after the first placement by wedges. Each sweep
 * can undo some of the last one's gains, so the layout keeps whichever
 * order crossed fewest ties, the wedges' own included. */
#define RADIAL_SWEEPS 5

/* The radial layout with @n_sweeps barycentre sweeps (0: the BFS
 * tree's wedges alone); _ties_layout_radial() runs RADIAL_SWEEPS. */
void
_ties_layout_radial_sweeps (TiesGraph               *graph,
                            const TiesLayoutOptions *options,
                            guint                    n_sweeps)
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
  g_autofree double *best_angle = g_new0 (double, n);
  g_autofree double *px = g_new0 (double, n);
  g_autofree double *py = g_new0 (double, n);
  g_autofree double *ring_radius = NULL;
  g_autofree double *best_radius = NULL;
  g_autofree guint *ring_off = NULL;
  g_autofree guint *ring = g_new (guint, n);
  g_autofree double *weight = g_new (double, n);
  g_autofree double *wedge = g_new (double, n);
  g_autofree double *next_start = g_new (double, n);
  g_autofree SortItem *items = g_new (SortItem, n);
  double edge_length = _ties_layout_target_edge_length (graph, options);
  guint max_dist, n_rings, n_reached, n_ringed;
  guint64 best_crossings = G_MAXUINT64;
  gboolean incremental;
  TiesGraphNode *centre = ties_graph_node (graph, focus);
  /* A pinned focus stays where it is, and the rings go round it. */
  double cx = centre->pinned && centre->placed ? centre->x : 0;
  double cy = centre->pinned && centre->placed ? centre->y : 0;

  g_assert (graph != NULL && options != NULL);

  for (guint i = 0; i < n; i++)
    r[i] = ties_graph_node (graph, i)->radius;

  n_rings = find_hops (graph, &g, focus, dist, parent, queue, &n_reached, &n_ringed);
  /* The deepest ring of the BFS tree, inside the one of the unreached. */
  max_dist = n_rings - 1 - (n_reached < n_ringed ? 1 : 0);

  /* Rings in BFS order. */
  ring_off = g_new0 (guint, n_rings + 1);
  for (guint q = 0; q < n_ringed; q++)
    ring_off[dist[queue[q]] + 1]++;
  for (guint k = 0; k < n_rings; k++)
    ring_off[k + 1] += ring_off[k];
  {
    g_autofree guint *fill = g_memdup2 (ring_off, sizeof (guint) * n_rings);

    for (guint q = 0; q < n_ringed; q++)
      ring[fill[dist[queue[q]]]++] = queue[q];
  }

  /* First guess: each subtree of the BFS tree gets a wedge in
   * proportion to its size, children in the middle of theirs. */
  for (guint i = 0; i < n; i++)
    weight[i] = 1;
  for (guint q = n_ringed; q-- > 1;)
    if (parent[queue[q]] != G_MAXUINT)
      weight[parent[queue[q]]] += weight[queue[q]];
  for (guint i = 0; i < n; i++)
    next_start[i] = 0;
  wedge[focus] = 2 * G_PI;
  next_start[focus] = 0;
  {
    double outer = 0;
    guint outer_count = n_ringed - ring_off[max_dist + 1];

    for (guint q = 1; q < n_ringed; q++)
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
      double ox = centre->placed ? centre->x : 0, oy = centre->placed ? centre->y : 0;

      for (guint i = 0; i < n; i++)
        {
          TiesGraphNode *node = ties_graph_node (graph, i);

          if (i != focus && node->placed && (node->x != ox || node->y != oy))
            desired[i] = atan2 (node->y - oy, node->x - ox);
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
  best_radius = g_new0 (double, n_rings);
  /* Sweep 0 places by the wedges; then barycentre sweeps alternate: a
   * node aims at the mean angle of its neighbours on the ring inside
   * (odd sweeps) or outside (even sweeps) its own. */
  for (guint sweep = 0; sweep <= (incremental ? 0 : n_sweeps); sweep++)
    {
      double radius = 0, prev_max_r = r[focus];
      guint64 crossings;

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

      /* The places this order gives, round the focus, pins where they
       * are: what the ties' crossings are counted on. */
      for (guint q = 0; q < n_ringed; q++)
        {
          guint i = queue[q];
          TiesGraphNode *node = ties_graph_node (graph, i);

          if (node->pinned && node->placed)
            {
              px[i] = node->x - cx;
              py[i] = node->y - cy;
            }
          else
            {
              px[i] = ring_radius[dist[i]] * cos (angle[i]);
              py[i] = ring_radius[dist[i]] * sin (angle[i]);
            }
        }
      crossings = count_crossings (graph, px, py);
      if (sweep == 0 || crossings < best_crossings || best_crossings == G_MAXUINT64)
        {
          best_crossings = crossings;
          memcpy (best_angle, angle, sizeof (double) * n);
          memcpy (best_radius, ring_radius, sizeof (double) * n_rings);
        }
    }

  for (guint q = 0; q < n_ringed; q++)
    {
      guint i = queue[q];
      TiesGraphNode *node = ties_graph_node (graph, i);

      if (node->pinned && node->placed)
        continue;
      /* Every node of a ring exactly at its radius: the guides the
       * renderer draws pass through their centres. */
      node->x = cx + (i == focus ? 0 : best_radius[dist[i]] * cos (best_angle[i]));
      node->y = cy + (i == focus ? 0 : best_radius[dist[i]] * sin (best_angle[i]));
      node->placed = TRUE;
    }

  place_isolates_below (graph, &g, options, focus, cx, cy,
                        n_rings > 1 ? best_radius[n_rings - 1] : r[focus], incremental);

  _ties_layout_csr_clear (&g);
}

void
_ties_layout_radial (TiesGraph               *graph,
                     const TiesLayoutOptions *options)
{
  _ties_layout_radial_sweeps (graph, options, RADIAL_SWEEPS);
}

/* Half a unit: places saved to a hundredth still stand on their ring. */
#define RING_TOLERANCE 0.5

void
ties_layout_find_rings (TiesGraph               *graph,
                        const TiesLayoutOptions *options)
{
  guint n;
  Csr g;
  guint focus, n_rings, n_reached, n_ringed;
  g_autofree guint *dist = NULL;
  g_autofree guint *parent = NULL;
  g_autofree guint *queue = NULL;
  g_autofree double *d = NULL;
  g_autofree guint *ring_off = NULL;
  TiesGraphNode *centre;
  gboolean radial = TRUE;

  g_return_if_fail (graph != NULL);
  g_return_if_fail (options != NULL);

  g_array_set_size (graph->rings, 0);
  graph->ring_x = graph->ring_y = 0;
  n = graph->nodes->len;
  if (options->kind != TIES_LAYOUT_RADIAL || n == 0)
    return;

  focus = options->focus < n ? options->focus : most_active (graph);
  centre = ties_graph_node (graph, focus);
  if (!centre->placed || !isfinite (centre->x) || !isfinite (centre->y))
    return;

  g = _ties_layout_graph_csr (graph);
  dist = g_new (guint, n);
  parent = g_new (guint, n);
  queue = g_new (guint, n);
  d = g_new (double, n);
  n_rings = find_hops (graph, &g, focus, dist, parent, queue, &n_reached, &n_ringed);

  /* Each ring's free members by distance from the focus, sorted: they
   * all stand at one distance, or the places are not a radial layout's
   * (saved by another, or moved by hand) and no guide would fit them. */
  ring_off = g_new0 (guint, n_rings + 1);
  for (guint q = 1; q < n_ringed; q++)
    {
      TiesGraphNode *node = ties_graph_node (graph, queue[q]);

      if (node->placed && !node->pinned)
        ring_off[dist[queue[q]] + 1]++;
    }
  for (guint k = 0; k < n_rings; k++)
    ring_off[k + 1] += ring_off[k];
  {
    g_autofree guint *fill = g_memdup2 (ring_off, sizeof (guint) * n_rings);

    for (guint q = 1; q < n_ringed; q++)
      {
        TiesGraphNode *node = ties_graph_node (graph, queue[q]);

        if (node->placed && !node->pinned)
          d[fill[dist[queue[q]]]++] = hypot (node->x - centre->x, node->y - centre->y);
      }
  }

  for (guint k = 1; k < n_rings && radial; k++)
    {
      guint count = ring_off[k + 1] - ring_off[k];
      double *at = d + ring_off[k];

      /* A ring of pins alone has no place of its own. */
      if (count == 0)
        continue;
      qsort (at, count, sizeof (double), _ties_layout_compare_doubles);
      if (!(at[count - 1] - at[0] <= RING_TOLERANCE)
          || (graph->rings->len > 0 && !(at[0] > g_array_index (graph->rings, double, graph->rings->len - 1) + RING_TOLERANCE)))
        radial = FALSE;
      else
        {
          double mid = (at[0] + at[count - 1]) / 2;

          g_array_append_val (graph->rings, mid);
        }
    }

  if (radial)
    {
      graph->ring_x = centre->x;
      graph->ring_y = centre->y;
    }
  else
    g_array_set_size (graph->rings, 0);

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
