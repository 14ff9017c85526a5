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
 * a few hops apart moves by a quarter of its error. Down to the paper's
 * ε = 0.01 in twenty iterations, normalised stress over all pairs of
 * tests/bench/layout.sh's graphs ends below neato's (0.1414 against
 * 0.1427 at 500 actors, 0.1391 against 0.1392 at 2,000), where eight
 * iterations to ε = 0.05 left 0.1422 and 0.1394; thirty or sixty gain
 * nothing more. The bench's 20,000 sampled pairs still put neato a
 * little lower: most of the difference at 500 actors is overlap
 * removal's, after this pass.
 *
 * Only from STRESS_MIN_NODES nodes: stress puts a hub's neighbours one
 * edge from it and two from each other, closer than the force layout's
 * repulsion does, and in a small drawing that costs labels (on the
 * sample, Sundar Pichai's, between Bezos and Dorsey), while the distances
 * it gets right matter most in large drawings. Above STRESS_MAX_NODES
 * the memory (a byte a pair) and time of all pairs grow as n², and
 * sparse_refine () takes pivots instead.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ties-layout-private.h"

#define STRESS_MIN_NODES 50
/* 3,000 nodes: 9 million ordered pairs, 9 MB. */
#define STRESS_MAX_NODES 3000
#define STRESS_ITERATIONS 20
/* The last step moves a pair one hop apart by this fraction of its error. */
#define STRESS_EPSILON 0.01
/* The first step moves a pair this many hops apart by a quarter of it. */
#define STRESS_START_HOPS 3.0
/* Beyond STRESS_MAX_NODES, the sparse model's pivots. */
#define STRESS_PIVOTS 200
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
 * another (the caller gives one connected component).
 *
 * Breadth first from 64 sources at once, a bit for each: a node's
 * frontier word says which of them reach it at this level, and one
 * sweep over the edges advances all 64. The searches are as deep as the
 * graph is wide (a dozen levels in a social network), so this reads the
 * adjacency a few times a batch instead of 64 times: at 2,000 nodes it
 * took a fifth of the time of one search per source. */
static gboolean
all_hops (const Csr *g,
          guint8    *hops)
{
  g_autofree guint64 *seen = g_new (guint64, g->n);
  g_autofree guint64 *frontier = g_new (guint64, g->n);
  g_autofree guint64 *next = g_new (guint64, g->n);

  for (guint base = 0; base < g->n; base += 64)
    {
      guint width = MIN (64u, g->n - base);
      guint64 all = width == 64 ? G_MAXUINT64 : (G_GUINT64_CONSTANT (1) << width) - 1;
      gboolean growing = TRUE;

      memset (seen, 0, sizeof (guint64) * g->n);
      memset (frontier, 0, sizeof (guint64) * g->n);
      for (guint b = 0; b < width; b++)
        {
          seen[base + b] = frontier[base + b] = G_GUINT64_CONSTANT (1) << b;
          hops[(gsize) (base + b) * g->n + base + b] = 0;
        }

      for (guint level = 1; growing; level++)
        {
          guint64 *swap;

          growing = FALSE;
          for (guint v = 0; v < g->n; v++)
            {
              guint64 reach = 0;

              for (guint e = g->off[v]; e < g->off[v + 1]; e++)
                reach |= frontier[g->adj[e]];
              next[v] = reach & ~seen[v];
            }
          for (guint v = 0; v < g->n; v++)
            {
              guint64 bits = next[v];

              if (bits == 0)
                continue;
              growing = TRUE;
              seen[v] |= bits;
              while (bits != 0)
                {
                  guint b = (guint) __builtin_ctzll (bits);

                  hops[(gsize) (base + b) * g->n + v] = (guint8) MIN (level, 255u);
                  bits &= bits - 1;
                }
            }
          swap = frontier;
          frontier = next;
          next = swap;
        }

      for (guint v = 0; v < g->n; v++)
        if (seen[v] != all)
          return FALSE;
    }

  return TRUE;
}

/* Eight lanes in GCC's (and Clang's) vector extension: two SSE registers
 * on any x86-64. Plain loops over the lanes stayed scalar, because
 * sqrtf () may set errno. */
typedef float Lanes __attribute__ ((vector_size (LANES * sizeof (float))));
typedef gint32 LaneInts __attribute__ ((vector_size (LANES * sizeof (float))));

/* Relaxes the nodes @rows[0 .. @n_rows) (at most LANES) against every
 * node, side by side: one node's corrections follow each other (each
 * needs the place the last one gave), so a single row waits on its own
 * square roots and divisions, while several rows keep the processor busy
 * in one vector. */
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
  Lanes xi, yi;
  Lanes half = (Lanes) { 0 } + 0.5f;
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
      Lanes d, dx, dy, mu, length2, inverse;
      LaneInts small;
      union { Lanes f; LaneInts i; } guess;

      for (guint l = 0; l < LANES; l++)
        d[l] = row[l][j];
      dx = xi - fx[j];
      dy = yi - fy[j];
      /* μ / 2 = min (1, η / d²) / 2; none for a node and itself (d =
       * 0), whose lane has moved away from the place it had. */
      mu = half_eta / (d * d);
      small = mu < half;
      mu = (Lanes) (((LaneInts) mu & small) | ((LaneInts) half & ~small));
      mu = (Lanes) ((LaneInts) mu & (d > 0));
      /* 1 / length: the bit-level first guess (Lomont's constant) and
       * two Newton steps, to a few parts in a million; length 0 gives a
       * large finite number, not infinity. */
      length2 = dx * dx + dy * dy;
      guess.f = length2;
      guess.i = 0x5f375a86 - (guess.i >> 1);
      inverse = guess.f;
      inverse = inverse * (1.5f - 0.5f * length2 * inverse * inverse);
      inverse = inverse * (1.5f - 0.5f * length2 * inverse * inverse);
      /* Towards the distance d: by μ / 2 × (length − d) / length. */
      mu = mu * (1 - d * inverse);
      xi -= mu * dx;
      yi -= mu * dy;
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
  return n_nodes >= STRESS_MIN_NODES;
}

/* Breadth first from @source, the hops to every node in @dist
 * (G_MAXUINT where it cannot reach). */
static void
hops_from (const Csr *g,
           guint      source,
           guint     *dist,
           guint     *queue)
{
  guint head = 0, tail = 0;

  for (guint i = 0; i < g->n; i++)
    dist[i] = G_MAXUINT;
  dist[source] = 0;
  queue[tail++] = source;
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
}

/* One pair of the sparse model: node i moves towards distance d from
 * (px, py) by half its correction times μ = min (1, η w), as a row of
 * the dense pass does. */
static inline void
relax_pair (float *xi,
            float *yi,
            float  px,
            float  py,
            float  d,
            float  eta_w)
{
  float dx = *xi - px, dy = *yi - py;
  float length = sqrtf (dx * dx + dy * dy);
  float mu = MIN (1.0f, eta_w) / 2;

  if (!(length > 1e-6f))
    return;
  mu *= (length - d) / length;
  *xi -= mu * dx;
  *yi -= mu * dy;
}

/* The sparse stress model of Ortmann, Klimenta and Brandes ("A Sparse
 * Stress Model", 2016), as the SGD paper runs it on large graphs: each
 * node keeps its exact distance to its neighbours and to STRESS_PIVOTS
 * pivots spread over the graph (each the farthest from the ones before),
 * instead of to every node. Only the node of a pair moves; pivots move
 * as nodes. Their model weighs a pivot's term by the part of the graph
 * it stands for; here that converged worse (normalised stress 0.188 at
 * 10,000 actors, against 0.170 weighing every pair 1/d² as the dense
 * pass does, and 0.176 for the force layout alone). */
static void
sparse_refine (const Csr      *g,
               float          *fx,
               float          *fy,
               const guint    *order,
               guint           n_free,
               guint64        *state)
{
  guint n = g->n;
  guint k = MIN (STRESS_PIVOTS, n);
  g_autofree guint *pivots = g_new (guint, k);
  g_autofree guint8 *hops = g_new (guint8, (gsize) n * k);
  g_autofree guint *from = g_new (guint, n);
  g_autofree guint *nearest = g_new (guint, n);
  g_autofree guint *queue = g_new (guint, n);
  g_autofree guint *shuffled = g_memdup2 (order, sizeof (guint) * n_free);
  double eta, decay;

  for (guint i = 0; i < n; i++)
    nearest[i] = G_MAXUINT;
  pivots[0] = (guint) (next_random (state) % n);
  for (guint p = 0; p < k; p++)
    {
      guint farthest = 0;

      hops_from (g, pivots[p], from, queue);
      for (guint i = 0; i < n; i++)
        {
          hops[(gsize) i * k + p] = (guint8) MIN (from[i], 255u);
          nearest[i] = MIN (nearest[i], from[i]);
          /* Ties to the lowest index. */
          if (nearest[i] > nearest[farthest])
            farthest = i;
        }
      if (p + 1 < k)
        pivots[p + 1] = farthest;
    }

  eta = 0.25 * STRESS_START_HOPS * STRESS_START_HOPS;
  decay = exp (log (STRESS_EPSILON / eta) / (STRESS_ITERATIONS - 1));

  for (guint t = 0; t < STRESS_ITERATIONS; t++, eta *= decay)
    {
      for (guint a = n_free - 1; a > 0; a--)
        {
          guint r = (guint) (next_random (state) % (a + 1));
          guint swap = shuffled[a];

          shuffled[a] = shuffled[r];
          shuffled[r] = swap;
        }

      for (guint a = 0; a < n_free; a++)
        {
          guint i = shuffled[a];
          float xi = fx[i], yi = fy[i];
          const guint8 *row = hops + (gsize) i * k;

          for (guint e = g->off[i]; e < g->off[i + 1]; e++)
            relax_pair (&xi, &yi, fx[g->adj[e]], fy[g->adj[e]], 1, (float) eta);
          for (guint p = 0; p < k; p++)
            if (row[p] > 0)
              relax_pair (&xi, &yi, fx[pivots[p]], fy[pivots[p]], row[p],
                          (float) eta / (row[p] * row[p]));
          fx[i] = xi;
          fy[i] = yi;
        }
    }
}

void
_ties_layout_stress_refine (const Csr      *g,
                            double         *x,
                            double         *y,
                            const gboolean *fixed,
                            double          unit,
                            guint64         seed)
{
  g_autofree guint8 *hops = NULL;
  g_autofree guint *order = NULL;
  g_autofree float *fx = NULL;
  g_autofree float *fy = NULL;
  guint64 state = seed | 1;
  double eta, eta_min, decay;
  guint n_free = 0;
  guint n = g->n;

  g_assert (g != NULL && x != NULL && y != NULL);

  if (!_ties_layout_stress_applies (n))
    return;

  /* By default the drawing's own edge length is the unit, so its scale
   * stays. */
  if (!(unit > 0))
    {
      guint n_edges = 0;

      unit = 0;
      for (guint i = 0; i < n; i++)
        for (guint e = g->off[i]; e < g->off[i + 1]; e++)
          if (g->adj[e] > i)
            {
              unit += hypot (x[i] - x[g->adj[e]], y[i] - y[g->adj[e]]);
              n_edges++;
            }
      if (n_edges == 0 || !(unit > 0) || !isfinite (unit))
        return;
      unit /= n_edges;
    }

  order = g_new (guint, n);
  fx = g_new (float, n);
  fy = g_new (float, n);
  for (guint i = 0; i < n; i++)
    if (fixed == NULL || !fixed[i])
      order[n_free++] = i;
  if (n_free == 0)
    return;

  if (n > STRESS_MAX_NODES)
    {
      g_autofree guint *dist = g_new (guint, n);
      g_autofree guint *queue = g_new (guint, n);

      /* One component, as for all_hops () below. */
      hops_from (g, 0, dist, queue);
      for (guint i = 0; i < n; i++)
        if (dist[i] == G_MAXUINT)
          return;
      for (guint i = 0; i < n; i++)
        {
          fx[i] = (float) (x[i] / unit);
          fy[i] = (float) (y[i] / unit);
        }
      sparse_refine (g, fx, fy, order, n_free, &state);
      for (guint i = 0; i < n; i++)
        if (fixed == NULL || !fixed[i])
          {
            x[i] = fx[i] * unit;
            y[i] = fy[i] * unit;
          }
      return;
    }

  hops = g_new (guint8, (gsize) n * n);
  if (!all_hops (g, hops))
    return;

  /* In units of edge lengths, squared: μ = min (1, η / d²). */
  eta = 0.25 * STRESS_START_HOPS * STRESS_START_HOPS;
  eta_min = STRESS_EPSILON;
  decay = exp (log (eta_min / eta) / (STRESS_ITERATIONS - 1));

  /* Each free node in a new random order takes its row of pairs in
   * turn, and moves only itself by half the correction: every pair is
   * corrected once an iteration from each end, half each time, but row
   * by row the hops and places are read in memory order (shuffling the
   * n² pairs themselves costs more than the descent). Moving both ends
   * of a pair at once, each pair once, converged far worse here: a node
   * early in the order then takes all its corrections in a row. A
   * pinned node takes no turn, so it stays, and the others settle
   * around it. */
  for (guint i = 0; i < n; i++)
    {
      fx[i] = (float) (x[i] / unit);
      fy[i] = (float) (y[i] / unit);
    }

  for (guint t = 0; t < STRESS_ITERATIONS; t++, eta *= decay)
    {
      guint a;

      for (guint k = n_free - 1; k > 0; k--)
        {
          guint r = (guint) (next_random (&state) % (k + 1));
          guint swap = order[k];

          order[k] = order[r];
          order[r] = swap;
        }

      for (a = 0; a + LANES <= n_free; a += LANES)
        relax_rows (hops, n, fx, fy, order + a, LANES, (float) eta);
      if (a < n_free)
        relax_rows (hops, n, fx, fy, order + a, n_free - a, (float) eta);
    }

  for (guint i = 0; i < n; i++)
    if (fixed == NULL || !fixed[i])
      {
        x[i] = fx[i] * unit;
        y[i] = fy[i] * unit;
      }
}
