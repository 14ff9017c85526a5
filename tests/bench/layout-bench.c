/* layout-bench.c: times the force layout and measures drawings
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage:
 *   layout-bench [--kind KIND] [--runs N] EDGES OUT
 *     lays out the graph of EDGES (from gen-graph.py) and writes one
 *     "x y" line per node to OUT; prints "time=SECONDS" (best of N runs).
 *   layout-bench --metrics EDGES POSITIONS
 *     prints "stress=… crossings=…" for a drawing: normalised stress over
 *     20,000 sampled pairs (BFS distances against Euclidean ones at the
 *     best scale), and edge crossings when there are at most 3,000 edges
 *     (otherwise crossings=-).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

#include "ties-graph.h"
#include "ties-layout.h"

static TiesGraph *
read_graph (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  TiesGraph *graph = ties_graph_new ();
  guint n = 0, m = 0;

  if (!g_file_get_contents (path, &text, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (text, "\n", -1);
  if (lines[0] == NULL || sscanf (lines[0], "%u %u", &n, &m) != 2)
    g_error ("%s: no header", path);

  for (guint i = 0; i < n; i++)
    {
      char id[32];

      g_snprintf (id, sizeof id, "n%u", i);
      ties_graph_add_node (graph, id);
    }
  for (guint k = 1; lines[k] != NULL && k <= m; k++)
    {
      guint a, b;
      double w;

      if (sscanf (lines[k], "%u %u %lf", &a, &b, &w) != 3 || a >= n || b >= n)
        g_error ("%s:%u: bad edge", path, k + 1);
      ties_graph_add_edge (graph, a, b, w);
      ties_graph_node (graph, a)->activity++;
      ties_graph_node (graph, b)->activity++;
    }
  ties_graph_set_radii (graph, 6, 24);

  return graph;
}

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static guint64
next_random (guint64 *state)
{
  *state = *state * G_GUINT64_CONSTANT (6364136223846793005) + G_GUINT64_CONSTANT (1442695040888963407);
  return *state >> 33;
}

static double
stress (TiesGraph    *graph,
        const double *x,
        const double *y)
{
  guint n = graph->nodes->len;
  g_autofree guint *off = g_new0 (guint, n + 1);
  g_autofree guint *adj = g_new (guint, 2 * graph->edges->len + 1);
  g_autofree guint *fill = NULL;
  g_autofree guint *dist = g_new (guint, n);
  g_autofree guint *queue = g_new (guint, n);
  g_autoptr(GArray) e = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) d = g_array_new (FALSE, FALSE, sizeof (double));
  guint64 state = 12345;
  guint sources = MIN (n, 100u);
  double num = 0, den = 0, s, total = 0;

  for (guint k = 0; k < graph->edges->len; k++)
    {
      off[ties_graph_edge (graph, k)->source + 1]++;
      off[ties_graph_edge (graph, k)->target + 1]++;
    }
  for (guint i = 0; i < n; i++)
    off[i + 1] += off[i];
  fill = g_memdup2 (off, sizeof (guint) * n);
  for (guint k = 0; k < graph->edges->len; k++)
    {
      guint a = ties_graph_edge (graph, k)->source, b = ties_graph_edge (graph, k)->target;

      adj[fill[a]++] = b;
      adj[fill[b]++] = a;
    }

  for (guint t = 0; t < sources; t++)
    {
      guint src = (guint) (next_random (&state) % n);
      guint head = 0, tail = 0;

      for (guint i = 0; i < n; i++)
        dist[i] = G_MAXUINT;
      dist[src] = 0;
      queue[tail++] = src;
      while (head < tail)
        {
          guint i = queue[head++];

          for (guint k = off[i]; k < off[i + 1]; k++)
            if (dist[adj[k]] == G_MAXUINT)
              {
                dist[adj[k]] = dist[i] + 1;
                queue[tail++] = adj[k];
              }
        }

      for (guint p = 0; p < 20000 / sources; p++)
        {
          guint j = (guint) (next_random (&state) % n);
          double dij, eij;

          if (j == src || dist[j] == G_MAXUINT)
            continue;
          dij = dist[j];
          eij = hypot (x[src] - x[j], y[src] - y[j]);
          g_array_append_val (e, eij);
          g_array_append_val (d, dij);
        }
    }

  for (guint k = 0; k < e->len; k++)
    {
      double eij = g_array_index (e, double, k), dij = g_array_index (d, double, k);

      num += eij / dij;
      den += eij * eij / (dij * dij);
    }
  s = den > 0 ? num / den : 1;
  for (guint k = 0; k < e->len; k++)
    {
      double eij = g_array_index (e, double, k), dij = g_array_index (d, double, k);

      total += (eij * s - dij) * (eij * s - dij) / (dij * dij);
    }

  return e->len > 0 ? total / e->len : 0;
}

static double
cross (double ax, double ay, double bx, double by, double cx, double cy)
{
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

static guint64
crossings (TiesGraph    *graph,
           const double *x,
           const double *y)
{
  guint64 count = 0;

  for (guint p = 0; p < graph->edges->len; p++)
    {
      TiesGraphEdge *a = ties_graph_edge (graph, p);

      for (guint q = p + 1; q < graph->edges->len; q++)
        {
          TiesGraphEdge *b = ties_graph_edge (graph, q);
          double d1, d2, d3, d4;

          if (a->source == b->source || a->source == b->target ||
              a->target == b->source || a->target == b->target)
            continue;
          d1 = cross (x[a->source], y[a->source], x[a->target], y[a->target], x[b->source], y[b->source]);
          d2 = cross (x[a->source], y[a->source], x[a->target], y[a->target], x[b->target], y[b->target]);
          d3 = cross (x[b->source], y[b->source], x[b->target], y[b->target], x[a->source], y[a->source]);
          d4 = cross (x[b->source], y[b->source], x[b->target], y[b->target], x[a->target], y[a->target]);
          if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) &&
              ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
            count++;
        }
    }

  return count;
}

static int
metrics (const char *edges_path,
         const char *positions_path)
{
  g_autoptr(TiesGraph) graph = read_graph (edges_path);
  guint n = graph->nodes->len;
  g_autofree double *x = g_new0 (double, n + 1);
  g_autofree double *y = g_new0 (double, n + 1);
  FILE *file = fopen (positions_path, "r");

  if (file == NULL)
    g_error ("cannot open %s", positions_path);
  for (guint i = 0; i < n; i++)
    if (fscanf (file, "%lf %lf", &x[i], &y[i]) != 2)
      g_error ("%s: %u positions for %u nodes", positions_path, i, n);
  fclose (file);

  printf ("stress=%.4f", stress (graph, x, y));
  if (graph->edges->len <= 3000)
    printf (" crossings=%" G_GUINT64_FORMAT "\n", crossings (graph, x, y));
  else
    printf (" crossings=-\n");

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  TiesLayoutKind kind = TIES_LAYOUT_FORCE;
  double best = G_MAXDOUBLE;
  g_autoptr(TiesGraph) graph = NULL;
  FILE *out;
  int runs = 1;
  int arg = 1;

  if (argc == 4 && g_str_equal (argv[1], "--metrics"))
    return metrics (argv[2], argv[3]);

  while (arg + 1 < argc && g_str_has_prefix (argv[arg], "--"))
    {
      if (g_str_equal (argv[arg], "--runs"))
        runs = MAX (1, atoi (argv[arg + 1]));
      else if (g_str_equal (argv[arg], "--kind"))
        {
          if (!ties_layout_kind_from_string (argv[arg + 1], &kind))
            g_error ("unknown layout %s", argv[arg + 1]);
        }
      else
        break;
      arg += 2;
    }
  if (argc - arg != 2)
    {
      fprintf (stderr, "usage: layout-bench [--kind KIND] [--runs N] EDGES OUT\n"
                       "       layout-bench --metrics EDGES POSITIONS\n");
      return 2;
    }

  for (int r = 0; r < runs; r++)
    {
      TiesLayoutOptions options;
      double start;

      g_clear_pointer (&graph, ties_graph_free);
      graph = read_graph (argv[arg]);
      ties_layout_options_init (&options, kind);
      start = now ();
      ties_layout_run (graph, &options);
      best = MIN (best, now () - start);
    }

  out = fopen (argv[arg + 1], "w");
  if (out == NULL)
    g_error ("cannot write %s", argv[arg + 1]);
  for (guint i = 0; i < graph->nodes->len; i++)
    fprintf (out, "%.17g %.17g\n", ties_graph_node (graph, i)->x, ties_graph_node (graph, i)->y);
  fclose (out);

  printf ("time=%.3f\n", best);

  return 0;
}
