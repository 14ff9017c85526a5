/* ties-layout-stress.c: stress refinement by stochastic gradient descent
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The multilevel force pass (ties-layout-force.c) is fast and untangles
 * the graph, but spring-electrical models squeeze dense parts and stretch
 * sparse ones: the distances in the drawing follow the graph's distances
 * less closely than a stress layout's (Graphviz's neato). Stress
 * majorisation fixes that, and Zheng, Pawar and Goodman ("Graph Drawing by
 * Stochastic Gradient Descent", 2018) do it fastest: each step takes one
 * pair of nodes and moves both towards their ideal distance d (hops times
 * the edge length), by the fraction μ = min (1, η / d²), with η shrinking
 * exponentially over the iterations; the pairs are shuffled each time.
 *
 * Started from the force layout instead of at random, the largest steps
 * of their schedule would only undo a good start: η starts where a pair
 * a few hops apart moves by a quarter of its error, and eight iterations
 * suffice.
 *
 * Only from STRESS_MIN_NODES nodes: stress puts a hub's neighbours one
 * edge from it and two from each other, closer than the force layout's
 * repulsion does, and in a small drawing that costs labels (on the
 * sample, Sundar Pichai's, between Bezos and Dorsey), while the distances
 * it gets right matter most in large drawings. Up to STRESS_MAX_NODES:
 * above that the memory (a byte a pair) and time grow as n², and the
 * force layout is kept as it is.
 */
#include "config.h"

#include <math.h>

#include "ties-layout-private.h"

#define STRESS_MIN_NODES 50
/* 3,000 nodes: 9 million ordered pairs, 9 MB. */
#define STRESS_MAX_NODES 3000
#define STRESS_ITERATIONS 8
/* The last step moves a pair one hop apart by this fraction of its error. */
#define STRESS_EPSILON 0.05
/* The first step moves a pair this many hops apart by a quarter of it. */
#define STRESS_START_HOPS 3.0
/* Rows relaxed side by side. */
#define LANES 8

/* xorshift64*: the shuffles need speed more than quality. */
static inline guint64
next_random (guint64 *state)
{
  *state ^= *state >> 12;
  *state ^= *state << 25;
  *state ^= *state >> 27;

  return *state * G_GUINT64_CONSTANT (0x2545F4914F6CDD1D);
}

/* The hops between every two nodes, row by row, 255 standing for 255 or
 * more (its weight, 1/255², is nothing); FALSE when a node cannot reach
 * another (the caller gives one connected component). */
static gboolean
all_hops (const Csr *g,
          guint8    *hops)
{
  g_autofree guint *dist = g_new (guint, g->n);
  g_autofree guint *queue = g_new (guint, g->n);

  for (guint s = 0; s < g->n; s++)
    {
      guint head = 0, tail = 0;

      for (guint i = 0; i < g->n; i++)
        dist[i] = G_MAXUINT;
      dist[s] = 0;
      queue[tail++] = s;
      while (head < tail)
        {
          guint i = queue[head++];

          for (guint e = g->off[i]; e < g->off[i + 1]; e++)
            if (dist[g->adj[e]] == G_MAXUINT)
              {
                dist[g->adj[e]] = dist[i] + 1;
                queue[tail++] = g->adj[e];
              }
        }

      if (tail < g->n)
        return FALSE;
      for (guint j = 0; j < g->n; j++)
        hops[(gsize) s * g->n + j] = (guint8) MIN (dist[j], 255u);
    }

  return TRUE;
}

/* Relaxes the nodes @rows[0 .. @n_rows) (at most LANES) against every
 * node, side by side: one node's corrections follow each other (each
 * needs the place the last one gave), so a single row waits on its own
 * square roots and divisions, while several rows keep the processor busy
 * (and the compiler can put them in one vector). A node's pair with
 * itself has no hops and moves nothing. */
static void
relax_rows (const guint8 *hops,
            guint         n,
            float        *fx,
            float        *fy,
            const guint  *rows,
            guint         n_rows,
            float         eta)
{
  const guint8 *row[LANES];
  float xi[LANES], yi[LANES];
  float half_eta = eta / 2;

  for (guint l = 0; l < LANES; l++)
    {
      guint i = rows[MIN (l, n_rows - 1)];

      row[l] = hops + (gsize) i * n;
      xi[l] = fx[i];
      yi[l] = fy[i];
    }

  for (guint j = 0; j < n; j++)
    {
      float xj = fx[j], yj = fy[j];

      for (guint l = 0; l < LANES; l++)
        {
          float d = row[l][j];
          float dx = xi[l] - xj;
          float dy = yi[l] - yj;
          float length = MAX (sqrtf (dx * dx + dy * dy), 1e-6f);
          float weight = d > 0 ? 1 / (d * d) : 0;
          /* μ / 2 × (length − d) / length, μ = min (1, η / d²) */
          float step = MIN (0.5f, half_eta * weight) * (1 - d / length);

          xi[l] -= step * dx;
          yi[l] -= step * dy;
        }
    }

  for (guint l = 0; l < n_rows; l++)
    {
      fx[rows[l]] = xi[l];
      fy[rows[l]] = yi[l];
    }
}

gboolean
_ties_layout_stress_applies (guint n_nodes)
{
  return n_nodes >= STRESS_MIN_NODES && n_nodes <= STRESS_MAX_NODES;
}

void
_ties_layout_stress_refine (const Csr *g,
                            double    *x,
                            double    *y,
                            guint64    seed)
{
  g_autofree guint8 *hops = NULL;
  g_autofree guint *order = NULL;
  g_autofree float *fx = NULL;
  g_autofree float *fy = NULL;
  guint64 state = seed | 1;
  double unit = 0, eta, eta_min, decay;
  guint n_edges = 0;
  guint n = g->n;

  g_assert (g != NULL && x != NULL && y != NULL);

  if (!_ties_layout_stress_applies (n))
    return;

  /* The drawing's own edge length is the unit, so its scale stays. */
  for (guint i = 0; i < n; i++)
    for (guint e = g->off[i]; e < g->off[i + 1]; e++)
      if (g->adj[e] > i)
        {
          unit += hypot (x[i] - x[g->adj[e]], y[i] - y[g->adj[e]]);
          n_edges++;
        }
  if (n_edges == 0 || !(unit > 0))
    return;
  unit /= n_edges;

  hops = g_new (guint8, (gsize) n * n);
  if (!all_hops (g, hops))
    return;

  order = g_new (guint, n);
  fx = g_new (float, n);
  fy = g_new (float, n);
  for (guint i = 0; i < n; i++)
    order[i] = i;

  /* In units of edge lengths, squared: μ = min (1, η / d²). */
  eta = 0.25 * STRESS_START_HOPS * STRESS_START_HOPS;
  eta_min = STRESS_EPSILON;
  decay = exp (log (eta_min / eta) / (STRESS_ITERATIONS - 1));

  /* Each node in a new random order takes its row of pairs in turn, and
   * moves only itself by half the correction: every pair is corrected
   * once an iteration from each end, half each time, but row by row the
   * hops and places are read in memory order (shuffling the n² pairs
   * themselves costs more than the descent). Moving both ends of a pair
   * at once, each pair once, converged far worse here: a node early in
   * the order then takes all its corrections in a row. */
  for (guint i = 0; i < n; i++)
    {
      fx[i] = (float) (x[i] / unit);
      fy[i] = (float) (y[i] / unit);
    }

  for (guint t = 0; t < STRESS_ITERATIONS; t++, eta *= decay)
    {
      guint a;

      for (guint k = n - 1; k > 0; k--)
        {
          guint r = (guint) (next_random (&state) % (k + 1));
          guint swap = order[k];

          order[k] = order[r];
          order[r] = swap;
        }

      for (a = 0; a + LANES <= n; a += LANES)
        relax_rows (hops, n, fx, fy, order + a, LANES, (float) eta);
      if (a < n)
        relax_rows (hops, n, fx, fy, order + a, n - a, (float) eta);
    }

  for (guint i = 0; i < n; i++)
    {
      x[i] = fx[i] * unit;
      y[i] = fy[i] * unit;
    }
}
