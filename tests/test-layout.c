/* test-layout.c: force, radial and circle layouts, and overlap removal
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <gio/gio.h>

#include "ties-document.h"
#include "ties-document-io.h"
#include "ties-graph.h"
#include "ties-layout.h"
#include "ties-network.h"
#include "test-util.h"

static const TiesLayoutKind all_kinds[] = {
  TIES_LAYOUT_FORCE, TIES_LAYOUT_RADIAL, TIES_LAYOUT_CIRCLE,
};

/* Helpers */

static TiesGraph *
sample_graph (void)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(TiesNetwork) network = NULL;
  TiesGraph *graph;

  network = ties_network_new (document);
  graph = ties_graph_new_from_network (network);
  /* The sample's stored places would make force incremental-like; the
   * tests want the layouts' own work. */
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      ties_graph_node (graph, i)->placed = FALSE;
      ties_graph_node (graph, i)->pinned = FALSE;
    }
  ties_graph_set_radii (graph, 6, 24);

  return graph;
}

static guint32
lcg (guint32 *state)
{
  *state = *state * 1664525u + 1013904223u;
  return *state >> 8;
}

static gboolean
has_edge (GHashTable *seen,
          guint       a,
          guint       b)
{
  guint64 key = ((guint64) MIN (a, b) << 32) | MAX (a, b);

  return g_hash_table_contains (seen, &key);
}

/* @n actors with about five ties each, in a large component, two smaller
 * ones and a few isolated actors; preferential attachment gives hubs.
 * The same @n always gives the same graph. */
static TiesGraph *
generated_graph (guint n)
{
  TiesGraph *graph = ties_graph_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (guint));
  guint32 state = n;
  guint bounds[4];

  bounds[0] = 0;
  bounds[1] = n * 7 / 10;
  bounds[2] = n * 85 / 100;
  bounds[3] = n - MAX (n / 50, 2);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);

      ties_graph_add_node (graph, id);
    }

  for (guint c = 0; c < 3; c++)
    {
      g_array_set_size (ends, 0);
      for (guint i = bounds[c] + 1; i < bounds[c + 1]; i++)
        {
          guint want = MIN (i - bounds[c], 5u);

          for (guint k = 0; k < want; k++)
            {
              /* Half the time a popular actor, else anyone earlier. */
              guint j = (ends->len > 0 && lcg (&state) % 2 == 0)
                ? g_array_index (ends, guint, lcg (&state) % ends->len)
                : bounds[c] + lcg (&state) % (i - bounds[c]);
              guint64 key = ((guint64) j << 32) | i;

              if (j == i || has_edge (seen, j, i))
                continue;
              g_hash_table_add (seen, g_memdup2 (&key, sizeof key));
              ties_graph_add_edge (graph, j, i, 1 + lcg (&state) % 4);
              g_array_append_val (ends, i);
              g_array_append_val (ends, j);
            }
        }
    }

  for (guint e = 0; e < graph->edges->len; e++)
    {
      ties_graph_node (graph, ties_graph_edge (graph, e)->source)->activity++;
      ties_graph_node (graph, ties_graph_edge (graph, e)->target)->activity++;
    }
  ties_graph_set_radii (graph, 6, 24);

  return graph;
}

static TiesGraph *
make_graph (guint n)
{
  return n == 0 ? sample_graph () : generated_graph (n);
}

static double *
positions (TiesGraph *graph)
{
  double *xy = g_new (double, 2 * graph->nodes->len + 1);

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      xy[2 * i] = ties_graph_node (graph, i)->x;
      xy[2 * i + 1] = ties_graph_node (graph, i)->y;
    }

  return xy;
}

static void
run_layout (TiesGraph      *graph,
            TiesLayoutKind  kind)
{
  TiesLayoutOptions options;

  ties_layout_options_init (&options, kind);
  ties_layout_run (graph, &options);
}

static void
assert_no_overlap (TiesGraph *graph)
{
  guint n = graph->nodes->len;

  /* Sorted by x, so the check stays quick at thousands of nodes. */
  g_autofree guint *order = g_new (guint, n + 1);
  double max_r = 0;

  for (guint i = 0; i < n; i++)
    {
      order[i] = i;
      max_r = MAX (max_r, ties_graph_node (graph, i)->radius);
      g_assert_true (ties_graph_node (graph, i)->placed);
      g_assert_true (isfinite (ties_graph_node (graph, i)->x));
      g_assert_true (isfinite (ties_graph_node (graph, i)->y));
    }
  for (guint i = 1; i < n; i++)
    for (guint k = i; k > 0 && ties_graph_node (graph, order[k - 1])->x > ties_graph_node (graph, order[k])->x; k--)
      {
        guint t = order[k];

        order[k] = order[k - 1];
        order[k - 1] = t;
      }

  for (guint a = 0; a < n; a++)
    {
      TiesGraphNode *p = ties_graph_node (graph, order[a]);

      for (guint b = a + 1; b < n; b++)
        {
          TiesGraphNode *q = ties_graph_node (graph, order[b]);

          if (q->x - p->x > 2 * max_r)
            break;
          if (hypot (p->x - q->x, p->y - q->y) < p->radius + q->radius)
            g_error ("nodes %s and %s overlap: %g apart, radii %g and %g",
                     p->id, q->id, hypot (p->x - q->x, p->y - q->y), p->radius, q->radius);
        }
    }
}

/* Union-find over the edges. */
static guint
find_root (guint *up,
           guint  i)
{
  while (up[i] != i)
    i = up[i] = up[up[i]];
  return i;
}

static guint *
component_roots (TiesGraph *graph)
{
  guint *up = g_new (guint, graph->nodes->len + 1);

  for (guint i = 0; i < graph->nodes->len; i++)
    up[i] = i;
  for (guint e = 0; e < graph->edges->len; e++)
    {
      guint a = find_root (up, ties_graph_edge (graph, e)->source);
      guint b = find_root (up, ties_graph_edge (graph, e)->target);

      up[MAX (a, b)] = MIN (a, b);
    }
  for (guint i = 0; i < graph->nodes->len; i++)
    up[i] = find_root (up, i);

  return up;
}

/* Tests */

static void
test_kind_strings (void)
{
  TiesLayoutKind kind = TIES_LAYOUT_FORCE;

  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    {
      const char *name = ties_layout_kind_to_string (all_kinds[k]);

      g_assert_nonnull (name);
      g_assert_true (ties_layout_kind_from_string (name, &kind));
      g_assert_cmpint (kind, ==, all_kinds[k]);
    }
  g_assert_cmpstr (ties_layout_kind_to_string (TIES_LAYOUT_RADIAL), ==, "radial");
  g_assert_false (ties_layout_kind_from_string ("spring", &kind));
  g_assert_false (ties_layout_kind_from_string ("", &kind));
  g_assert_cmpint (kind, ==, TIES_LAYOUT_CIRCLE);
}

static void
test_options_init (void)
{
  TiesLayoutOptions options;

  memset (&options, 0xaa, sizeof options);
  ties_layout_options_init (&options, TIES_LAYOUT_RADIAL);
  g_assert_cmpint (options.kind, ==, TIES_LAYOUT_RADIAL);
  g_assert_cmpuint (options.focus, ==, G_MAXUINT);
  g_assert_false (options.incremental);
  g_assert_cmpfloat (options.padding, ==, 8);
  g_assert_cmpuint (options.max_iterations, ==, 0);
}

static void
test_empty_and_single (void)
{
  g_autoptr(TiesGraph) empty = ties_graph_new ();
  g_autoptr(TiesGraph) single = ties_graph_new ();

  ties_graph_add_node (single, "alone");
  ties_graph_set_radii (single, 6, 24);

  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    {
      run_layout (empty, all_kinds[k]);
      run_layout (single, all_kinds[k]);
      g_assert_true (ties_graph_node (single, 0)->placed);
      g_assert_cmpfloat (ties_graph_node (single, 0)->x, ==, 0);
      g_assert_cmpfloat (ties_graph_node (single, 0)->y, ==, 0);
    }
}

/* Same input, same bits, for every layout. */
static void
test_deterministic (gconstpointer data)
{
  guint n = GPOINTER_TO_UINT (data);

  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    {
      g_autoptr(TiesGraph) first = make_graph (n);
      g_autoptr(TiesGraph) second = make_graph (n);
      g_autofree double *a = NULL;
      g_autofree double *b = NULL;

      run_layout (first, all_kinds[k]);
      run_layout (second, all_kinds[k]);
      a = positions (first);
      b = positions (second);
      g_assert_cmpint (memcmp (a, b, sizeof (double) * 2 * first->nodes->len), ==, 0);
    }
}

static void
test_no_overlap (gconstpointer data)
{
  guint n = GPOINTER_TO_UINT (data);

  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    {
      g_autoptr(TiesGraph) graph = make_graph (n);

      run_layout (graph, all_kinds[k]);
      assert_no_overlap (graph);
    }
}

static void
check_rings (TiesGraph *graph,
             guint      focus)
{
  guint n = graph->nodes->len;
  g_autofree guint *dist = g_new (guint, n + 1);
  g_autofree guint *queue = g_new (guint, n + 1);
  guint head = 0, tail = 0;
  double ring1 = -1, max1 = 0, min2 = G_MAXDOUBLE;

  for (guint i = 0; i < n; i++)
    dist[i] = G_MAXUINT;
  dist[focus] = 0;
  queue[tail++] = focus;
  while (head < tail)
    {
      guint i = queue[head++];

      for (guint e = 0; e < graph->edges->len; e++)
        {
          TiesGraphEdge *edge = ties_graph_edge (graph, e);
          guint j = edge->source == i ? edge->target : edge->target == i ? edge->source : G_MAXUINT;

          if (j != G_MAXUINT && dist[j] == G_MAXUINT)
            {
              dist[j] = dist[i] + 1;
              queue[tail++] = j;
            }
        }
    }

  g_assert_cmpfloat (ties_graph_node (graph, focus)->x, ==, 0);
  g_assert_cmpfloat (ties_graph_node (graph, focus)->y, ==, 0);

  for (guint i = 0; i < n; i++)
    {
      double d = hypot (ties_graph_node (graph, i)->x, ties_graph_node (graph, i)->y);

      if (dist[i] == 1)
        {
          if (ring1 < 0)
            ring1 = d;
          g_assert_cmpfloat_with_epsilon (d, ring1, 1e-6 * ring1);
          max1 = MAX (max1, d);
        }
      else if (dist[i] >= 2)
        min2 = MIN (min2, d);
    }
  g_assert_cmpfloat (ring1, >, 0);
  g_assert_cmpfloat (max1, <, min2);
}

static void
test_radial_rings (void)
{
  g_autoptr(TiesGraph) sample = sample_graph ();
  g_autoptr(TiesGraph) generated = generated_graph (500);
  TiesLayoutOptions options;
  guint focus = 0;

  /* The default focus is the most active actor (lowest index on ties). */
  for (guint i = 1; i < sample->nodes->len; i++)
    if (ties_graph_node (sample, i)->activity > ties_graph_node (sample, focus)->activity)
      focus = i;
  run_layout (sample, TIES_LAYOUT_RADIAL);
  check_rings (sample, focus);
  assert_no_overlap (sample);

  ties_layout_options_init (&options, TIES_LAYOUT_RADIAL);
  options.focus = 17;
  ties_layout_run (generated, &options);
  check_rings (generated, 17);
  assert_no_overlap (generated);
}

/* Pinned nodes keep their place, to the bit, in every layout. */
static void
test_pinned (gconstpointer data)
{
  guint n = GPOINTER_TO_UINT (data);

  for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
    {
      g_autoptr(TiesGraph) graph = make_graph (n);
      static const guint pins[] = { 0, 3, 7 };

      for (guint p = 0; p < G_N_ELEMENTS (pins); p++)
        {
          TiesGraphNode *node = ties_graph_node (graph, pins[p]);

          node->placed = TRUE;
          node->pinned = TRUE;
          node->x = 1000.0 / 3 * p - 333.3;
          node->y = -71.7 * p + 0.1;
        }

      run_layout (graph, all_kinds[k]);

      for (guint p = 0; p < G_N_ELEMENTS (pins); p++)
        {
          TiesGraphNode *node = ties_graph_node (graph, pins[p]);
          double x = 1000.0 / 3 * p - 333.3;
          double y = -71.7 * p + 0.1;

          g_assert_cmpint (memcmp (&node->x, &x, sizeof x), ==, 0);
          g_assert_cmpint (memcmp (&node->y, &y, sizeof y), ==, 0);
          g_assert_true (node->pinned);
        }
      assert_no_overlap (graph);
    }
}

/* Adding one tie and laying out again incrementally moves the nodes
 * little, compared with the size of the drawing. */
static void
test_incremental (gconstpointer data)
{
  guint n = GPOINTER_TO_UINT (data);
  g_autoptr(TiesGraph) graph = make_graph (n);
  g_autofree double *before = NULL;
  g_autofree double *after = NULL;
  TiesLayoutOptions options;
  double min_x = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
  double extent, moved = 0;
  guint a = 1, b = graph->nodes->len / 2;

  run_layout (graph, TIES_LAYOUT_FORCE);
  before = positions (graph);
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      min_x = MIN (min_x, before[2 * i]);
      max_x = MAX (max_x, before[2 * i]);
      min_y = MIN (min_y, before[2 * i + 1]);
      max_y = MAX (max_y, before[2 * i + 1]);
    }
  extent = MAX (max_x - min_x, max_y - min_y);

  /* Two actors not yet tied. */
  for (gboolean tied = TRUE; tied; b++)
    {
      tied = FALSE;
      for (guint e = 0; e < graph->edges->len; e++)
        if (ties_graph_edge (graph, e)->source == MIN (a, b) && ties_graph_edge (graph, e)->target == MAX (a, b))
          tied = TRUE;
      if (!tied)
        break;
    }
  ties_graph_add_edge (graph, a, b, 1);

  ties_layout_options_init (&options, TIES_LAYOUT_FORCE);
  options.incremental = TRUE;
  ties_layout_run (graph, &options);
  after = positions (graph);
  assert_no_overlap (graph);

  for (guint i = 0; i < graph->nodes->len; i++)
    moved += hypot (after[2 * i] - before[2 * i], after[2 * i + 1] - before[2 * i + 1]);
  moved /= graph->nodes->len;

  g_test_message ("mean move %g, extent %g", moved, extent);
  g_assert_cmpfloat (moved, <, 0.05 * extent);

  /* And incremental is deterministic too. */
  {
    g_autoptr(TiesGraph) again = make_graph (n);
    g_autofree double *third = NULL;

    run_layout (again, TIES_LAYOUT_FORCE);
    ties_graph_add_edge (again, a, b, 1);
    ties_layout_run (again, &options);
    third = positions (again);
    g_assert_cmpint (memcmp (after, third, sizeof (double) * 2 * graph->nodes->len), ==, 0);
  }
}

/* An unplaced actor added to a placed drawing lands by its neighbours. */
static void
test_incremental_new_node (void)
{
  g_autoptr(TiesGraph) graph = generated_graph (50);
  TiesLayoutOptions options;
  TiesGraphNode *fresh, *friend;
  guint f;

  run_layout (graph, TIES_LAYOUT_FORCE);
  f = ties_graph_add_node (graph, "newcomer");
  ties_graph_add_edge (graph, 0, f, 1);
  ties_graph_set_radii (graph, 6, 24);

  ties_layout_options_init (&options, TIES_LAYOUT_FORCE);
  options.incremental = TRUE;
  ties_layout_run (graph, &options);
  assert_no_overlap (graph);

  fresh = ties_graph_node (graph, f);
  friend = ties_graph_node (graph, 0);
  g_assert_true (fresh->placed);
  g_assert_cmpfloat (hypot (fresh->x - friend->x, fresh->y - friend->y), <, 200);
}

/* Components sit side by side: their boxes do not overlap and the whole
 * is not a long strip. */
static void
test_components_packed (gconstpointer data)
{
  guint n = GPOINTER_TO_UINT (data);
  g_autoptr(TiesGraph) graph = make_graph (n);
  g_autofree guint *root = NULL;
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (double) * 4);
  g_autofree guint *box_of = NULL;
  double min_x = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
  double w, h;

  run_layout (graph, TIES_LAYOUT_FORCE);
  root = component_roots (graph);
  box_of = g_new (guint, graph->nodes->len + 1);

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      TiesGraphNode *node = ties_graph_node (graph, i);
      double *box;

      if (root[i] == i)
        {
          double fresh[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

          box_of[i] = boxes->len;
          g_array_append_val (boxes, fresh);
        }
      box = (double *) (boxes->data + sizeof (double) * 4 * box_of[root[i]]);
      box[0] = MIN (box[0], node->x - node->radius);
      box[1] = MIN (box[1], node->y - node->radius);
      box[2] = MAX (box[2], node->x + node->radius);
      box[3] = MAX (box[3], node->y + node->radius);
      min_x = MIN (min_x, box[0]);
      min_y = MIN (min_y, box[1]);
      max_x = MAX (max_x, box[2]);
      max_y = MAX (max_y, box[3]);
    }

  g_assert_cmpuint (boxes->len, >, 1);
  for (guint a = 0; a < boxes->len; a++)
    for (guint b = a + 1; b < boxes->len; b++)
      {
        const double *p = (const double *) (boxes->data + sizeof (double) * 4 * a);
        const double *q = (const double *) (boxes->data + sizeof (double) * 4 * b);
        gboolean apart = p[2] <= q[0] || q[2] <= p[0] || p[3] <= q[1] || q[3] <= p[1];

        g_assert_true (apart);
      }

  w = max_x - min_x;
  h = max_y - min_y;
  g_test_message ("%u components in %g × %g", boxes->len, w, h);
  g_assert_cmpfloat (MAX (w, h) / MIN (w, h), <, 3);
}

/* The force layout keeps tied actors near each other: the mean edge is
 * much shorter than the mean distance between any two actors (a
 * random drawing would make them equal). */
static void
test_force_quality (void)
{
  g_autoptr(TiesGraph) graph = generated_graph (500);
  double edges = 0, pairs = 0;
  guint n = graph->nodes->len, count = 0;

  run_layout (graph, TIES_LAYOUT_FORCE);
  for (guint e = 0; e < graph->edges->len; e++)
    {
      TiesGraphNode *p = ties_graph_node (graph, ties_graph_edge (graph, e)->source);
      TiesGraphNode *q = ties_graph_node (graph, ties_graph_edge (graph, e)->target);

      edges += hypot (p->x - q->x, p->y - q->y);
    }
  edges /= graph->edges->len;
  for (guint i = 0; i < n; i += 7)
    for (guint j = i + 3; j < n; j += 11, count++)
      pairs += hypot (ties_graph_node (graph, i)->x - ties_graph_node (graph, j)->x,
                      ties_graph_node (graph, i)->y - ties_graph_node (graph, j)->y);
  pairs /= count;

  g_test_message ("mean edge %g, mean pair %g", edges, pairs);
  g_assert_cmpfloat (edges * 2, <, pairs);
}

/* Normalised stress of the drawing against hop distances, all pairs,
 * at the scale that fits best: what tests/bench/layout-bench measures. */
#define STRESS_LIMIT 0.0175

static double
normalised_stress (TiesGraph *graph)
{
  guint n = graph->nodes->len;
  g_autofree guint *dist = g_new (guint, n);
  g_autofree guint *queue = g_new (guint, n);
  g_autoptr(GArray) e = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) d = g_array_new (FALSE, FALSE, sizeof (double));
  double num = 0, den = 0, scale, total = 0;

  for (guint s = 0; s < n; s++)
    {
      guint head = 0, tail = 0;

      for (guint i = 0; i < n; i++)
        dist[i] = G_MAXUINT;
      dist[s] = 0;
      queue[tail++] = s;
      while (head < tail)
        {
          guint i = queue[head++];

          for (guint k = 0; k < graph->edges->len; k++)
            {
              const TiesGraphEdge *edge = ties_graph_edge (graph, k);
              guint j = edge->source == i ? edge->target : edge->target == i ? edge->source : G_MAXUINT;

              if (j != G_MAXUINT && dist[j] == G_MAXUINT)
                {
                  dist[j] = dist[i] + 1;
                  queue[tail++] = j;
                }
            }
        }
      for (guint j = s + 1; j < n; j++)
        {
          double dij = dist[j];
          double eij = hypot (ties_graph_node (graph, s)->x - ties_graph_node (graph, j)->x,
                              ties_graph_node (graph, s)->y - ties_graph_node (graph, j)->y);

          g_assert_cmpuint (dist[j], !=, G_MAXUINT);
          g_array_append_val (e, eij);
          g_array_append_val (d, dij);
          num += eij / dij;
          den += eij * eij / (dij * dij);
        }
    }

  scale = num / den;
  for (guint k = 0; k < e->len; k++)
    {
      double r = (g_array_index (e, double, k) * scale - g_array_index (d, double, k)) / g_array_index (d, double, k);

      total += r * r;
    }

  return total / e->len;
}

/* A 12 × 12 grid has a drawing of no stress at all, the grid itself;
 * spring-electrical forces bulge it (0.0192 here without the stress
 * pass), stress refinement straightens it (0.0163). */
static void
test_force_stress (void)
{
  g_autoptr(TiesGraph) graph = ties_graph_new ();
  const guint side = 12;
  double stress;

  for (guint i = 0; i < side * side; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);

      ties_graph_add_node (graph, id);
    }
  for (guint r = 0; r < side; r++)
    for (guint c = 0; c < side; c++)
      {
        if (c + 1 < side)
          ties_graph_add_edge (graph, r * side + c, r * side + c + 1, 1);
        if (r + 1 < side)
          ties_graph_add_edge (graph, r * side + c, (r + 1) * side + c, 1);
      }
  ties_graph_set_radii (graph, 4, 4);

  run_layout (graph, TIES_LAYOUT_FORCE);
  stress = normalised_stress (graph);
  g_test_message ("normalised stress of a %u × %u grid: %.4f", side, side, stress);
  g_assert_cmpfloat (stress, <, STRESS_LIMIT);
}

/* @n actors, each tied to two earlier ones (half the time to a popular
 * one): one component with hubs. */
static TiesGraph *
connected_graph (guint n)
{
  TiesGraph *graph = ties_graph_new ();
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (guint));
  guint32 state = 7;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      guint first = G_MAXUINT;

      ties_graph_add_node (graph, id);
      for (guint k = 0; i > 0 && k < MIN (i, 2u); k++)
        {
          guint j = (ends->len > 0 && lcg (&state) % 2 == 0)
            ? g_array_index (ends, guint, lcg (&state) % ends->len)
            : lcg (&state) % i;

          if (j == i || j == first)
            continue;
          first = j;
          ties_graph_add_edge (graph, j, i, 1);
          g_array_append_val (ends, i);
          g_array_append_val (ends, j);
          ties_graph_node (graph, i)->activity++;
          ties_graph_node (graph, j)->activity++;
        }
    }
  ties_graph_set_radii (graph, 6, 24);

  return graph;
}

/* Every @every th actor of @graph pinned where it is, the others not
 * placed; their places in @pins. */
static void
pin_every (TiesGraph *graph,
           guint      every,
           double    *pins)
{
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      TiesGraphNode *node = ties_graph_node (graph, i);

      node->placed = node->pinned = i % every == 0;
      if (node->pinned)
        {
          pins[2 * (i / every)] = node->x;
          pins[2 * (i / every) + 1] = node->y;
        }
    }
}

static void
assert_pins_kept (TiesGraph    *graph,
                  guint         every,
                  const double *pins)
{
  for (guint i = 0; i < graph->nodes->len; i += every)
    {
      TiesGraphNode *node = ties_graph_node (graph, i);

      g_assert_cmpint (memcmp (&node->x, &pins[2 * (i / every)], sizeof (double)), ==, 0);
      g_assert_cmpint (memcmp (&node->y, &pins[2 * (i / every) + 1], sizeof (double)), ==, 0);
    }
}

/* 300 connected actors laid out again with every 30th pinned where the
 * first layout put it: the stress pass runs around the pins too, as
 * good as without them (normalised stress 0.1502 here, 0.1514 unpinned)
 * where the force pass alone, fitted to the pins, left 0.1641; and the
 * pins stay, to the bit. */
static void
test_force_stress_pinned (void)
{
  g_autoptr(TiesGraph) graph = connected_graph (300);
  double pins[2 * 10];
  double stress;

  run_layout (graph, TIES_LAYOUT_FORCE);
  g_test_message ("normalised stress unpinned: %.4f", normalised_stress (graph));
  pin_every (graph, 30, pins);
  run_layout (graph, TIES_LAYOUT_FORCE);
  assert_pins_kept (graph, 30, pins);
  stress = normalised_stress (graph);
  g_test_message ("normalised stress with every 30th actor pinned: %.4f", stress);
  g_assert_cmpfloat (stress, <, 0.155);
}

/* Beyond 3,000 actors the stress pass takes pivots: the same bits every
 * time, and pins kept there too. */
static void
test_force_stress_sparse (void)
{
  g_autoptr(TiesGraph) graph = connected_graph (3500);
  g_autofree double *first = NULL;
  g_autofree double *second = NULL;
  double pins[2 * 10];

  run_layout (graph, TIES_LAYOUT_FORCE);
  first = positions (graph);
  for (guint i = 0; i < graph->nodes->len; i++)
    ties_graph_node (graph, i)->placed = FALSE;
  run_layout (graph, TIES_LAYOUT_FORCE);
  second = positions (graph);
  g_assert_cmpint (memcmp (first, second, sizeof (double) * 2 * graph->nodes->len), ==, 0);

  pin_every (graph, 350, pins);
  run_layout (graph, TIES_LAYOUT_FORCE);
  assert_pins_kept (graph, 350, pins);
  assert_no_overlap (graph);
}

static void
test_remove_overlaps (void)
{
  g_autoptr(TiesGraph) graph = ties_graph_new ();
  TiesGraphNode *a, *b;

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);
      guint k = ties_graph_add_node (graph, id);

      ties_graph_node (graph, k)->activity = i % 9;
    }
  ties_graph_set_radii (graph, 6, 24);
  /* Everyone on one spot, or nearly. */
  for (guint i = 0; i < 200; i++)
    {
      ties_graph_node (graph, i)->x = (i % 3) * 1e-3;
      ties_graph_node (graph, i)->placed = TRUE;
    }
  /* Two pinned nodes on top of each other stay so. */
  a = ties_graph_node (graph, 10);
  b = ties_graph_node (graph, 11);
  a->pinned = b->pinned = TRUE;
  a->x = b->x = 5;
  a->y = b->y = 5;

  ties_layout_remove_overlaps (graph, 8);

  a = ties_graph_node (graph, 10);
  b = ties_graph_node (graph, 11);
  g_assert_cmpfloat (a->x, ==, 5);
  g_assert_cmpfloat (b->y, ==, 5);

  for (guint i = 0; i < 200; i++)
    for (guint j = i + 1; j < 200; j++)
      {
        TiesGraphNode *p = ties_graph_node (graph, i);
        TiesGraphNode *q = ties_graph_node (graph, j);

        if ((i == 10 || i == 11) && (j == 10 || j == 11))
          continue;
        g_assert_cmpfloat (hypot (p->x - q->x, p->y - q->y), >=, p->radius + q->radius + 8 - 1e-9);
      }
}

/* Pins, as documents have them: the layouts must give a finite drawing
 * of about the graph's own size, keep every pin where it is, and never
 * pile the free nodes up, whatever the pins (issue 8: with many pins the
 * force layout reached ±10⁷ and the export failed). */

typedef enum {
  PINS_SPREAD,       /* 30 % placed, half of them pinned, ±500 (generate.py) */
  PINS_FAR_APART,    /* a few pins 10⁵ apart */
  PINS_ALL,          /* every node pinned, some on top of each other */
  PINS_ONE_POINT,    /* twenty pins on one point */
  PINS_OUTSIDE,      /* pins 10⁷ away from everything else */
  PINS_ABSURD,       /* pins at ±10³⁰⁰, NaN and infinity; a free place at 10²⁰⁰ */
  N_PIN_CASES
} PinCase;

static const char * const pin_case_names[] = {
  "spread", "far-apart", "all", "one-point", "outside", "absurd",
};

typedef struct
{
  PinCase pins;
  TiesLayoutKind kind;
  gboolean incremental;
} PinTest;

static void
pin (TiesGraphNode *node,
     double         x,
     double         y,
     gboolean       pinned)
{
  node->placed = TRUE;
  node->pinned = pinned;
  node->x = x;
  node->y = y;
}

static void
set_pins (TiesGraph *graph,
          PinCase    pins)
{
  guint n = graph->nodes->len;
  guint32 state = 20260101;

  for (guint i = 0; i < n; i++)
    {
      TiesGraphNode *node = ties_graph_node (graph, i);
      double u = (lcg (&state) % 100000) / 100000.0;
      double v = (lcg (&state) % 100000) / 100000.0;
      guint w = lcg (&state) % 100;

      switch (pins)
        {
        case PINS_SPREAD:
          if (w < 30)
            pin (node, round ((u - 0.5) * 100000) / 100, round ((v - 0.5) * 100000) / 100, w < 15);
          break;
        case PINS_FAR_APART:
          if (i % 150 == 0)
            pin (node, (i % 300 == 0 ? -1 : 1) * 5e4, (i % 450 == 0 ? -1 : 1) * 5e4, TRUE);
          break;
        case PINS_ALL:
          pin (node, round (u * 40) * 25, round (v * 40) * 25, TRUE);
          break;
        case PINS_ONE_POINT:
          if (i % 30 == 1)
            pin (node, 250, -250, TRUE);
          break;
        case PINS_OUTSIDE:
          if (i % 100 == 2)
            pin (node, 1e7 + u * 100, -1e7 + v * 100, TRUE);
          break;
        case PINS_ABSURD:
          if (i == 0)
            pin (node, 1e300, -1e300, TRUE);
          else if (i == 1)
            pin (node, -1e300, 1e300, TRUE);
          else if (i == 2)
            pin (node, NAN, 0, TRUE);
          else if (i == 3)
            pin (node, INFINITY, -INFINITY, TRUE);
          else if (i == 4)
            pin (node, 1e200, 1e200, FALSE);
          else if (i % 50 == 5)
            pin (node, (u - 0.5) * 1000, (v - 0.5) * 1000, TRUE);
          break;
        case N_PIN_CASES:
        default:
          g_assert_not_reached ();
        }
    }
}

/* A pin is honoured when its place is a number: NaN and infinity are no
 * place, and the layout gives those nodes one. */
static gboolean
is_pin (TiesGraphNode *node)
{
  return node->placed && node->pinned && isfinite (node->x) && isfinite (node->y);
}

static void
test_pin_case (gconstpointer data)
{
  const PinTest *test = data;
  g_autoptr(TiesGraph) graph = generated_graph (600);
  TiesLayoutOptions options;
  g_autofree double *before = NULL;
  g_autofree gboolean *was_pin = g_new0 (gboolean, 601);
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0, room, max_r = 0;
  guint n = graph->nodes->len, n_free = 0, n_distinct = 0;
  g_autoptr(GHashTable) distinct = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  set_pins (graph, test->pins);
  before = positions (graph);

  /* The pins' box, seen within the bound the layouts read places in. */
  for (guint i = 0; i < n; i++)
    {
      TiesGraphNode *node = ties_graph_node (graph, i);

      max_r = MAX (max_r, node->radius);
      was_pin[i] = is_pin (node);
      if (!was_pin[i])
        continue;
      x0 = MIN (x0, CLAMP (node->x, -TIES_GRAPH_MAX_COORD, TIES_GRAPH_MAX_COORD));
      x1 = MAX (x1, CLAMP (node->x, -TIES_GRAPH_MAX_COORD, TIES_GRAPH_MAX_COORD));
      y0 = MIN (y0, CLAMP (node->y, -TIES_GRAPH_MAX_COORD, TIES_GRAPH_MAX_COORD));
      y1 = MAX (y1, CLAMP (node->y, -TIES_GRAPH_MAX_COORD, TIES_GRAPH_MAX_COORD));
    }

  ties_layout_options_init (&options, test->kind);
  options.incremental = test->incremental;
  options.label_room = 70;
  ties_layout_run (graph, &options);

  /* A drawing of n nodes without pins needs about √n rows of
   * neighbours a label apart; ten times that is room enough for any
   * layout, never the ±10⁷ of a diverging one. */
  room = 10 * sqrt ((double) n) * (options.label_room + 2 * max_r);

  for (guint i = 0; i < n; i++)
    {
      TiesGraphNode *node = ties_graph_node (graph, i);

      g_assert_true (node->placed);
      if (was_pin[i])
        {
          /* Unmoved, to the bit. */
          g_assert_cmpint (memcmp (&node->x, &before[2 * i], sizeof (double)), ==, 0);
          g_assert_cmpint (memcmp (&node->y, &before[2 * i + 1], sizeof (double)), ==, 0);
          continue;
        }

      g_assert_true (isfinite (node->x) && isfinite (node->y));
      if (node->x < x0 - room || node->x > x1 + room || node->y < y0 - room || node->y > y1 + room)
        g_error ("%s: node %u at (%g, %g), outside the pins' box [%g, %g] × [%g, %g] grown by %g",
                 pin_case_names[test->pins], i, node->x, node->y, x0, x1, y0, y1, room);

      n_free++;
      if (g_hash_table_add (distinct, g_strdup_printf ("%.3f %.3f", node->x, node->y)))
        n_distinct++;

      /* Free nodes keep clear of each other and of every pin. */
      for (guint j = 0; j < n; j++)
        {
          TiesGraphNode *other = ties_graph_node (graph, j);

          if (j == i || !(was_pin[j] || j < i))
            continue;
          if (hypot (node->x - other->x, node->y - other->y) < node->radius + other->radius)
            g_error ("%s: node %u overlaps node %u", pin_case_names[test->pins], i, j);
        }
    }

  /* Not piled up: every free node has a place of its own. */
  g_assert_cmpuint (n_distinct, ==, n_free);
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 0, 50, 500, 2000 };

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/layout/kind-strings", test_kind_strings);
  g_test_add_func ("/layout/options-init", test_options_init);
  g_test_add_func ("/layout/empty-and-single", test_empty_and_single);
  g_test_add_func ("/layout/radial-rings", test_radial_rings);
  g_test_add_func ("/layout/remove-overlaps", test_remove_overlaps);
  g_test_add_func ("/layout/force-quality", test_force_quality);
  g_test_add_func ("/layout/force-stress", test_force_stress);
  g_test_add_func ("/layout/force-stress-pinned", test_force_stress_pinned);
  g_test_add_func ("/layout/force-stress-sparse", test_force_stress_sparse);
  g_test_add_func ("/layout/incremental-new-node", test_incremental_new_node);

  for (guint c = 0; c < N_PIN_CASES; c++)
    for (guint k = 0; k < G_N_ELEMENTS (all_kinds); k++)
      for (guint incremental = 0; incremental < 2; incremental++)
        {
          static PinTest tests[N_PIN_CASES * G_N_ELEMENTS (all_kinds) * 2];
          PinTest *test = &tests[(c * G_N_ELEMENTS (all_kinds) + k) * 2 + incremental];
          g_autofree char *path = NULL;

          /* Incremental changes only the force layout. */
          if (incremental && all_kinds[k] != TIES_LAYOUT_FORCE)
            continue;
          test->pins = c;
          test->kind = all_kinds[k];
          test->incremental = incremental;
          path = g_strdup_printf ("/layout/pins/%s/%s%s", pin_case_names[c],
                                  ties_layout_kind_to_string (all_kinds[k]),
                                  incremental ? "-incremental" : "");
          g_test_add_data_func (path, test, test_pin_case);
        }

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *name = sizes[s] == 0 ? g_strdup ("sample") : g_strdup_printf ("%u", sizes[s]);
      char *path;
      gpointer data = GUINT_TO_POINTER (sizes[s]);

      path = g_strdup_printf ("/layout/no-overlap/%s", name);
      g_test_add_data_func (path, data, test_no_overlap);
      g_free (path);

      path = g_strdup_printf ("/layout/deterministic/%s", name);
      g_test_add_data_func (path, data, test_deterministic);
      g_free (path);

      if (sizes[s] <= 500)
        {
          path = g_strdup_printf ("/layout/pinned/%s", name);
          g_test_add_data_func (path, data, test_pinned);
          g_free (path);
        }

      if (sizes[s] >= 50)
        {
          path = g_strdup_printf ("/layout/components-packed/%s", name);
          g_test_add_data_func (path, data, test_components_packed);
          g_free (path);
        }

      if (sizes[s] == 500 || sizes[s] == 0)
        {
          path = g_strdup_printf ("/layout/incremental/%s", name);
          g_test_add_data_func (path, data, test_incremental);
          g_free (path);
        }
    }

  return g_test_run ();
}
