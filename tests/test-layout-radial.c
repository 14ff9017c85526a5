/* test-layout-radial.c: the radial layout reads as rings round the focus
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "ties-document.h"
#include "ties-graph.h"
#include "ties-layout.h"
#include "ties-layout-job.h"
#include "ties-layout-private.h"
#include "ties-network.h"
#include "ties-renderer.h"
#include "test-util.h"

/* Within this of its ring's radius, a node is on it. */
#define ON_RING 0.5

/* Helpers */

/* The sample as the command line lays it out: the scene's radii, the
 * room for labels, no saved places. */
static TiesGraph *
sample_graph (TiesLayoutOptions *options,
              const char        *focus)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  TiesGraph *graph = ties_graph_new_from_network (network);

  for (guint i = 0; i < graph->nodes->len; i++)
    ties_graph_node (graph, i)->placed = ties_graph_node (graph, i)->pinned = FALSE;
  ties_graph_set_radii (graph, TIES_SCENE_MIN_RADIUS, TIES_SCENE_MAX_RADIUS);
  ties_layout_options_init (options, TIES_LAYOUT_RADIAL);
  options->label_room = TIES_SCENE_LABEL_ROOM;
  options->focus = focus != NULL ? ties_graph_lookup (graph, focus) : G_MAXUINT;
  if (focus != NULL)
    g_assert_cmpuint (options->focus, !=, G_MAXUINT);

  return graph;
}

static guint32
lcg (guint32 *state)
{
  *state = *state * 1664525u + 1013904223u;
  return *state >> 8;
}

/* @n actors: a large component whose actors each tie to one to three
 * earlier ones (a tree and then some: several rings), a small second
 * component the focus cannot reach, and @n / 20 actors with no tie.
 * The same @n gives the same graph. */
static TiesGraph *
generated_graph (guint n)
{
  TiesGraph *graph = ties_graph_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint32 state = n;
  guint isolates = n / 20, second = n / 10;
  guint big = n - isolates - second;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);

      ties_graph_add_node (graph, id);
    }
  for (guint i = 1; i < big + second; i++)
    {
      guint first = i < big ? 0 : big;
      guint want = 1 + lcg (&state) % 3;

      if (i == big)
        continue;
      for (guint k = 0; k < want; k++)
        {
          /* Mostly a recent actor, so that the graph grows deep. */
          guint back = 1 + lcg (&state) % MIN (i - first, k == 0 ? 8u : i - first);
          guint j = i - back;
          guint64 key = ((guint64) j << 32) | i;

          if (g_hash_table_contains (seen, &key))
            continue;
          g_hash_table_add (seen, g_memdup2 (&key, sizeof key));
          ties_graph_add_edge (graph, j, i, 1 + lcg (&state) % 3);
          ties_graph_node (graph, i)->activity++;
          ties_graph_node (graph, j)->activity++;
        }
    }
  ties_graph_set_radii (graph, TIES_SCENE_MIN_RADIUS, TIES_SCENE_MAX_RADIUS);

  return graph;
}

/* Hop distances from @focus (G_MAXUINT: unreachable); returns the
 * greatest. */
static guint
hops (TiesGraph *graph,
      guint      focus,
      guint     *dist)
{
  guint n = graph->nodes->len;
  g_autofree guint *queue = g_new (guint, n + 1);
  guint head = 0, tail = 0, max_dist = 0;

  for (guint i = 0; i < n; i++)
    dist[i] = G_MAXUINT;
  dist[focus] = 0;
  queue[tail++] = focus;
  while (head < tail)
    {
      guint i = queue[head++];

      max_dist = MAX (max_dist, dist[i]);
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

  return max_dist;
}

static guint
degree (TiesGraph *graph,
        guint      i)
{
  guint d = 0;

  for (guint e = 0; e < graph->edges->len; e++)
    d += ties_graph_edge (graph, e)->source == i || ties_graph_edge (graph, e)->target == i;

  return d;
}

/* Ties drawn straight that cross (not counting ties sharing an end). */
static guint
crossings (TiesGraph *graph)
{
  guint count = 0;

  for (guint e = 0; e < graph->edges->len; e++)
    for (guint f = e + 1; f < graph->edges->len; f++)
      {
        TiesGraphEdge *p = ties_graph_edge (graph, e);
        TiesGraphEdge *q = ties_graph_edge (graph, f);
        TiesGraphNode *a = ties_graph_node (graph, p->source), *b = ties_graph_node (graph, p->target);
        TiesGraphNode *c = ties_graph_node (graph, q->source), *d = ties_graph_node (graph, q->target);
        double d1, d2, d3, d4;

        if (p->source == q->source || p->source == q->target || p->target == q->source || p->target == q->target)
          continue;
        d1 = (b->x - a->x) * (c->y - a->y) - (b->y - a->y) * (c->x - a->x);
        d2 = (b->x - a->x) * (d->y - a->y) - (b->y - a->y) * (d->x - a->x);
        d3 = (d->x - c->x) * (a->y - c->y) - (d->y - c->y) * (a->x - c->x);
        d4 = (d->x - c->x) * (b->y - c->y) - (d->y - c->y) * (b->x - c->x);
        count += d1 * d2 < 0 && d3 * d4 < 0;
      }

  return count;
}

/* Every node of hop distance k at one distance from the focus, the
 * rings' radii growing with k and the same as the graph's rings; the
 * nodes the focus cannot reach but that have ties on one ring outside
 * those; the actors with no tie below and outside the outermost ring,
 * on none. */
static void
assert_rings (TiesGraph *graph,
              guint      focus)
{
  guint n = graph->nodes->len;
  g_autofree guint *dist = g_new (guint, n + 1);
  guint max_dist = hops (graph, focus, dist);
  g_autofree double *radius = g_new (double, max_dist + 3);
  TiesGraphNode *centre = ties_graph_node (graph, focus);
  guint n_rings = max_dist, n_isolates = 0;
  double outer;

  for (guint i = 0; i < n; i++)
    if (dist[i] == G_MAXUINT && degree (graph, i) > 0)
      {
        dist[i] = max_dist + 1;
        n_rings = max_dist + 1;
      }
  for (guint k = 0; k <= n_rings; k++)
    radius[k] = -1;

  for (guint i = 0; i < n; i++)
    {
      TiesGraphNode *node = ties_graph_node (graph, i);
      double d = hypot (node->x - centre->x, node->y - centre->y);

      g_assert_true (node->placed);
      if (i == focus || dist[i] == G_MAXUINT)
        continue;
      if (radius[dist[i]] < 0)
        radius[dist[i]] = d;
      if (fabs (d - radius[dist[i]]) > ON_RING)
        g_error ("%s, %u hops from the focus, is %g from it, not %g as others of its ring",
                 node->id, dist[i], d, radius[dist[i]]);
    }

  g_assert_cmpuint (graph->rings->len, ==, n_rings);
  g_assert_cmpfloat (graph->ring_x, ==, centre->x);
  g_assert_cmpfloat (graph->ring_y, ==, centre->y);
  for (guint k = 1; k <= n_rings; k++)
    {
      g_assert_cmpfloat (radius[k], >, radius[k - 1] + ON_RING);
      g_assert_cmpfloat_with_epsilon (g_array_index (graph->rings, double, k - 1), radius[k], ON_RING);
    }

  /* Set apart: below the outermost ring's guide, clear of the largest
   * node on it by more than the room a label takes between nodes. */
  outer = radius[n_rings];
  for (guint i = 0; i < n; i++)
    {
      TiesGraphNode *node = ties_graph_node (graph, i);

      if (dist[i] != G_MAXUINT)
        continue;
      n_isolates++;
      g_assert_cmpfloat (node->y - node->radius, >, centre->y + outer + TIES_SCENE_MAX_RADIUS + TIES_SCENE_LABEL_ROOM);
    }
  g_test_message ("%u rings, %u actors with no tie", n_rings, n_isolates);
}

/* Tests */

static void
test_sample_rings (void)
{
  static const char * const foci[] = { NULL, "ardern", "dorsey", "apple" };

  for (guint f = 0; f < G_N_ELEMENTS (foci); f++)
    {
      TiesLayoutOptions options;
      g_autoptr(TiesGraph) graph = sample_graph (&options, foci[f]);
      guint focus = options.focus;
      guint isolates = 0;

      ties_layout_run (graph, &options);
      if (focus == G_MAXUINT)
        {
          /* The default focus is the most active actor, first on ties. */
          focus = 0;
          for (guint i = 1; i < graph->nodes->len; i++)
            if (ties_graph_node (graph, i)->activity > ties_graph_node (graph, focus)->activity)
              focus = i;
          g_assert_cmpstr (ties_graph_node (graph, focus)->id, ==, "ardern");
        }
      assert_rings (graph, focus);
      g_assert_cmpuint (graph->rings->len, >=, 3);

      /* The sample's two actors with no tie are set apart. */
      for (guint i = 0; i < graph->nodes->len; i++)
        isolates += degree (graph, i) == 0;
      g_assert_cmpuint (isolates, ==, 2);
    }
}

static void
test_generated_rings (void)
{
  static const guint sizes[] = { 60, 400 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      guint n = sizes[s];
      /* In the large component, in the small one, and an actor with no
       * tie (whose ring holds everyone else). */
      guint foci[] = { 0, n / 3, n - n / 20 - 1, n - 1 };

      for (guint f = 0; f < G_N_ELEMENTS (foci); f++)
        {
          g_autoptr(TiesGraph) graph = generated_graph (n);
          TiesLayoutOptions options;

          ties_layout_options_init (&options, TIES_LAYOUT_RADIAL);
          options.label_room = TIES_SCENE_LABEL_ROOM;
          options.focus = foci[f];
          ties_layout_run (graph, &options);
          assert_rings (graph, foci[f]);
          if (f < 2)
            g_assert_cmpuint (graph->rings->len, >=, 4);
        }
    }
}

/* A pinned focus stays, and the rings go round it. */
static void
test_pinned_focus (void)
{
  TiesLayoutOptions options;
  g_autoptr(TiesGraph) graph = sample_graph (&options, "dorsey");
  TiesGraphNode *focus = ties_graph_node (graph, options.focus);

  focus->x = 417.25;
  focus->y = -93.5;
  focus->placed = focus->pinned = TRUE;
  ties_layout_run (graph, &options);
  g_assert_cmpfloat (focus->x, ==, 417.25);
  g_assert_cmpfloat (focus->y, ==, -93.5);
  assert_rings (graph, options.focus);
}

/* The barycentre sweeps cross no more ties than the BFS tree's wedges
 * alone, and on the sample fewer. */
static void
test_fewer_crossings (void)
{
  for (guint g = 0; g < 3; g++)
    {
      TiesLayoutOptions options;
      g_autoptr(TiesGraph) wedges = NULL;
      g_autoptr(TiesGraph) swept = NULL;
      guint before, after;

      if (g == 0)
        {
          wedges = sample_graph (&options, "ardern");
          swept = sample_graph (&options, "ardern");
        }
      else
        {
          wedges = generated_graph (g == 1 ? 60 : 400);
          swept = generated_graph (g == 1 ? 60 : 400);
          ties_layout_options_init (&options, TIES_LAYOUT_RADIAL);
          options.label_room = TIES_SCENE_LABEL_ROOM;
          options.focus = 0;
        }
      _ties_layout_radial_sweeps (wedges, &options, 0);
      ties_layout_run (swept, &options);
      before = crossings (wedges);
      after = crossings (swept);
      g_test_message ("graph %u: %u crossings with the wedges alone, %u after the sweeps", g, before, after);
      g_assert_cmpuint (after, <=, before);
      if (g == 0)
        g_assert_cmpuint (after, <, before);
    }
}

/* Rings are found on places that stand on them (saved by a radial
 * layout), and on no others. */
static void
test_find_rings (void)
{
  TiesLayoutOptions options, force;
  g_autoptr(TiesGraph) graph = sample_graph (&options, "ardern");
  g_autoptr(TiesGraph) copy = NULL;
  g_autoptr(GArray) rings = NULL;
  guint moved = ties_graph_lookup (graph, "google");

  ties_layout_run (graph, &options);
  rings = g_array_copy (graph->rings);
  g_assert_cmpuint (rings->len, >, 0);

  /* A copy keeps them, as the view hands its graph to the exports. */
  copy = ties_graph_copy (graph);
  g_assert_cmpuint (copy->rings->len, ==, rings->len);
  g_assert_cmpmem (copy->rings->data, sizeof (double) * rings->len, rings->data, sizeof (double) * rings->len);

  /* Saved to a hundredth and read back: the same rings. */
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      ties_graph_node (graph, i)->x = round (ties_graph_node (graph, i)->x * 100) / 100;
      ties_graph_node (graph, i)->y = round (ties_graph_node (graph, i)->y * 100) / 100;
    }
  g_array_set_size (graph->rings, 0);
  ties_layout_find_rings (graph, &options);
  g_assert_cmpuint (graph->rings->len, ==, rings->len);
  for (guint k = 0; k < rings->len; k++)
    g_assert_cmpfloat_with_epsilon (g_array_index (graph->rings, double, k), g_array_index (rings, double, k), 0.02);

  /* Pinned where the hand put it, a node may stand anywhere. */
  ties_graph_node (graph, moved)->x += 20;
  ties_graph_node (graph, moved)->pinned = TRUE;
  ties_layout_find_rings (graph, &options);
  g_assert_cmpuint (graph->rings->len, ==, rings->len);

  /* Off its ring and free, it is no longer a radial layout's picture. */
  ties_graph_node (graph, moved)->pinned = FALSE;
  ties_layout_find_rings (graph, &options);
  g_assert_cmpuint (graph->rings->len, ==, 0);

  /* Another layout has no rings, even on a graph that had them. */
  ties_layout_run (copy, &options);
  g_assert_cmpuint (copy->rings->len, >, 0);
  ties_layout_options_init (&force, TIES_LAYOUT_FORCE);
  ties_layout_run (copy, &force);
  g_assert_cmpuint (copy->rings->len, ==, 0);
  ties_layout_find_rings (copy, &options);
  g_assert_cmpuint (copy->rings->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/layout-radial/sample-rings", test_sample_rings);
  g_test_add_func ("/layout-radial/generated-rings", test_generated_rings);
  g_test_add_func ("/layout-radial/pinned-focus", test_pinned_focus);
  g_test_add_func ("/layout-radial/fewer-crossings", test_fewer_crossings);
  g_test_add_func ("/layout-radial/find-rings", test_find_rings);

  return g_test_run ();
}
