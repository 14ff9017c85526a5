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
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ties-layout.h"

/* Repulsion strength of the spring-electrical model (Hu's C). */
#define FORCE_C 0.2
/* Barnes–Hut opening criterion: cells narrower than THETA times their
 * distance act as one body. */
#define FORCE_THETA 1.2
/* Step decay of the adaptive cooling. */
#define FORCE_T 0.9
/* Mean edge length, in median node radii, that leaves room for labels. */
#define EDGE_LENGTH_RADII 5.0
/* Deepest quadtree level; coincident bodies share a leaf below it. */
#define QUAD_MAX_DEPTH 40

/* Pseudo-random numbers: splitmix64, seeded from the graph's size only. */

typedef struct
{
  guint64 state;
} Rng;

static guint64
rng_next (Rng *rng)
{
  guint64 z;

  g_assert (rng != NULL);

  z = (rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* In [0, 1). */
static double
rng_double (Rng *rng)
{
  g_assert (rng != NULL);

  return (rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

/* Compressed adjacency of an undirected graph; every edge is stored from
 * both ends, with its spring strength. */

typedef struct
{
  guint n;
  guint *off;      /* n + 1 */
  guint *adj;
  double *w;
} Csr;

static void
csr_clear (Csr *csr)
{
  g_assert (csr != NULL);

  g_clear_pointer (&csr->off, g_free);
  g_clear_pointer (&csr->adj, g_free);
  g_clear_pointer (&csr->w, g_free);
  csr->n = 0;
}

/* @src and @dst index nodes 0..n-1; edges keep their input order at
 * each end, so the adjacency is as deterministic as the input. */
static void
csr_build (Csr          *csr,
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

/* Overlap removal on plain arrays. */

/* Pairwise pushes settle almost every drawing within a few dozen
 * passes. A crowd of free nodes settles faster when it is also spread
 * from its centre (5 % every ten passes from pass 200, no node more than
 * four cells a time); what is left after this many passes cannot settle by
 * pushing (a node caught between pins that leave it too little room
 * bounces between them for ever). */
#define OVERLAP_PUSH_PASSES 400
#define OVERLAP_SPREAD_FROM 200

/* g_int64_hash() folds the halves together, so the cells of a diagonal
 * would all share one bucket. */
static guint
spot_hash (gconstpointer key)
{
  guint64 k = (guint64) *(const gint64 *) key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  return (guint) (k >> 32);
}

static gint64
spot_key (double x,
          double y,
          double cell)
{
  gint64 cx = (gint64) floor (x / cell);
  gint64 cy = (gint64) floor (y / cell);

  /* Shifted as unsigned: a negative cell is a bit pattern here, and
   * shifting a negative signed number is undefined. */
  return (gint64) (((guint64) cx << 32) ^ ((guint64) cy & G_GUINT64_CONSTANT (0xFFFFFFFF)));
}

/* Whether a disc of radius @ri at (@px, @py) keeps @padding from every
 * settled node. Cells are at least as wide as any two radii and the
 * padding, so only the 3 × 3 cells around can hold a settled node it
 * touches. */
static gboolean
spot_is_free (GHashTable   *settled,
              double        cell,
              double        px,
              double        py,
              double        ri,
              const double *x,
              const double *y,
              const double *r,
              double        padding)
{
  /* A settled node can touch the disc only if its centre lies within
   * this reach (cell = 2 max_r + padding), often two cells a side. */
  double reach = ri + (cell - padding) / 2 + padding;
  gint64 cx0 = (gint64) floor ((px - reach) / cell), cx1 = (gint64) floor ((px + reach) / cell);
  gint64 cy0 = (gint64) floor ((py - reach) / cell), cy1 = (gint64) floor ((py + reach) / cell);

  g_assert (settled != NULL);

  for (gint64 cy = cy0; cy <= cy1; cy++)
    for (gint64 cx = cx0; cx <= cx1; cx++)
      {
        GArray *members = g_hash_table_lookup (settled, &(gint64) { spot_key ((cx + 0.5) * cell, (cy + 0.5) * cell, cell) });

        for (guint m = 0; members != NULL && m < members->len; m++)
          {
            guint j = g_array_index (members, guint, m);
            double need = ri + r[j] + padding;
            double dx = x[j] - px, dy = y[j] - py;

            if (dx * dx + dy * dy < need * need)
              return FALSE;
          }
      }

  return TRUE;
}

static void
settle (GHashTable *settled,
        double      cell,
        guint       i,
        double      px,
        double      py)
{
  gint64 key = spot_key (px, py, cell);
  GArray *members;

  g_assert (settled != NULL);

  members = g_hash_table_lookup (settled, &key);
  if (members == NULL)
    {
      members = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (settled, g_memdup2 (&key, sizeof key), members);
    }
  g_array_append_val (members, i);
}

/* The fallback that always ends: fixed nodes stay; each free node, in
 * index order, keeps its place if it is clear of everything settled so
 * far, or else takes the nearest clear spot on rings around it. Every
 * node moves at most about the width of the crowd it was caught in, so
 * the drawing never grows beyond its pins and its own size. */
static void
settle_remaining (guint           n,
                  double         *x,
                  double         *y,
                  const double   *r,
                  const gboolean *fixed,
                  double          padding,
                  double          max_r)
{
  g_autoptr(GHashTable) settled = g_hash_table_new_full (spot_hash, g_int64_equal, g_free,
                                                         (GDestroyNotify) g_array_unref);
  double cell = 2 * max_r + padding;

  g_assert (n == 0 || (x != NULL && y != NULL && r != NULL && fixed != NULL));

  if (!(cell > 0))
    cell = 1;

  for (guint i = 0; i < n; i++)
    if (fixed[i])
      settle (settled, cell, i, x[i], y[i]);

  for (guint i = 0; i < n; i++)
    {
      double step = MAX ((r[i] + padding) / 2, 0.5);
      double start = 2.399963229728653 * i;
      gboolean found;

      if (fixed[i])
        continue;

      found = spot_is_free (settled, cell, x[i], y[i], r[i], x, y, r, padding);
      for (double radius = step; !found; radius += MAX (step, radius * 0.1))
        {
          /* Candidates a step apart round the ring; the rings a step
           * apart near the node, then a tenth further each time, so a
           * node deep in a crowd finds its way out in few tries. */
          guint count = (guint) ceil (2 * G_PI * radius / step);

          for (guint k = 0; k < count && !found; k++)
            {
              double a = start + 2 * G_PI * k / count;
              double px = x[i] + radius * cos (a);
              double py = y[i] + radius * sin (a);

              if (spot_is_free (settled, cell, px, py, r[i], x, y, r, padding))
                {
                  x[i] = px;
                  y[i] = py;
                  found = TRUE;
                }
            }
        }
      settle (settled, cell, i, x[i], y[i]);
    }
}

static void
remove_overlaps (guint           n,
                 double         *x,
                 double         *y,
                 const double   *r,
                 const gboolean *fixed,
                 double          padding)
{
  g_autofree gint *head = NULL;
  g_autofree gint *next = NULL;
  gsize head_size = 0;
  double max_r = 0;
  gboolean moved = TRUE;
  guint crowded = 0;

  g_assert (n == 0 || (x != NULL && y != NULL && r != NULL && fixed != NULL));

  if (n < 2)
    return;

  for (guint i = 0; i < n; i++)
    max_r = MAX (max_r, r[i]);

  next = g_new (gint, n);

  for (guint iteration = 0; moved && iteration < OVERLAP_PUSH_PASSES; iteration++)
    {
      /* Only a crowd of free nodes is spread: a few nodes caught among
       * pins would not be freed by it, and the rest would move for
       * nothing. */
      if (iteration >= OVERLAP_SPREAD_FROM && iteration % 10 == 0 && crowded > n / 100)
        {
          double sx = 0, sy = 0;
          guint n_free = 0;

          for (guint i = 0; i < n; i++)
            if (!fixed[i])
              {
                sx += x[i];
                sy += y[i];
                n_free++;
              }
          sx /= MAX (n_free, 1);
          sy /= MAX (n_free, 1);
          for (guint i = 0; i < n; i++)
            if (!fixed[i])
              {
                /* No step longer than a few nodes: free nodes far
                 * apart (by pins far apart) are not crowded together,
                 * and must not be flung apart by 5 % of that distance. */
                double dx = (x[i] - sx) * 0.05, dy = (y[i] - sy) * 0.05;
                double d = hypot (dx, dy), limit = 4 * (2 * max_r + padding);

                if (d > limit)
                  {
                    dx *= limit / d;
                    dy *= limit / d;
                  }
                x[i] += dx;
                y[i] += dy;
              }
        }

      double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
      double cell = 2 * max_r + padding;
      gsize gw, gh;

      moved = FALSE;
      crowded = 0;

      for (guint i = 0; i < n; i++)
        {
          min_x = MIN (min_x, x[i]);
          max_x = MAX (max_x, x[i]);
          min_y = MIN (min_y, y[i]);
          max_y = MAX (max_y, y[i]);
        }

      /* Sparse drawings would need huge grids; wider cells only cost
       * more comparisons, never a missed pair. */
      if (cell <= 0)
        cell = 1;
      while (((max_x - min_x) / cell + 1) * ((max_y - min_y) / cell + 1) > 4.0 * n + 64)
        cell *= 2;
      gw = (gsize) ((max_x - min_x) / cell) + 1;
      gh = (gsize) ((max_y - min_y) / cell) + 1;

      if (gw * gh > head_size)
        {
          head_size = gw * gh;
          g_free (head);
          head = g_new (gint, head_size);
        }
      for (gsize c = 0; c < gw * gh; c++)
        head[c] = -1;

      /* Inserted backwards so each cell lists its nodes in index order. */
      for (guint i = n; i-- > 0;)
        {
          gsize cx = (gsize) ((x[i] - min_x) / cell);
          gsize cy = (gsize) ((y[i] - min_y) / cell);
          gsize c = MIN (cy, gh - 1) * gw + MIN (cx, gw - 1);

          next[i] = head[c];
          head[c] = (gint) i;
        }

      for (guint i = 0; i < n; i++)
        {
          gsize cx = MIN ((gsize) ((x[i] - min_x) / cell), gw - 1);
          gsize cy = MIN ((gsize) ((y[i] - min_y) / cell), gh - 1);

          for (gsize ny = (cy > 0 ? cy - 1 : 0); ny <= MIN (cy + 1, gh - 1); ny++)
            for (gsize nx = (cx > 0 ? cx - 1 : 0); nx <= MIN (cx + 1, gw - 1); nx++)
              for (gint j = head[ny * gw + nx]; j >= 0; j = next[j])
                {
                  double need, dx, dy, d2, d, push;

                  if ((guint) j <= i || (fixed[i] && fixed[j]))
                    continue;

                  need = r[i] + r[j] + padding;
                  dx = x[j] - x[i];
                  dy = y[j] - y[i];
                  d2 = dx * dx + dy * dy;
                  if (d2 >= need * need)
                    continue;

                  d = sqrt (d2);
                  if (d < 1e-9 * need)
                    {
                      /* Coincident: part them in a direction fixed by
                       * their indices (golden angle). */
                      double a = 2.399963229728653 * (i * 31u + (guint) j);

                      dx = cos (a);
                      dy = sin (a);
                      d = 0;
                    }
                  else
                    {
                      dx /= d;
                      dy /= d;
                    }

                  /* A little past contact, so the next pass ends it. */
                  push = (need - d) * 1.02 + 1e-9 * need;
                  if (fixed[i])
                    {
                      x[j] += dx * push;
                      y[j] += dy * push;
                    }
                  else if (fixed[j])
                    {
                      x[i] -= dx * push;
                      y[i] -= dy * push;
                    }
                  else
                    {
                      x[i] -= dx * push / 2;
                      y[i] -= dy * push / 2;
                      x[j] += dx * push / 2;
                      y[j] += dy * push / 2;
                      crowded++;
                    }
                  moved = TRUE;
                }
        }
    }

  /* The spreading used to go on until nothing moved: a node caught
   * between pins never stopped moving, and the drawing grew by 5 % every
   * ten passes, to ±10⁷ and beyond. */
  if (moved)
    settle_remaining (n, x, y, r, fixed, padding, max_r);
}

/* Barnes–Hut quadtree. */

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

static guint
quad_new_cell (QuadTree *tree,
               double    cx,
               double    cy,
               double    half)
{
  QuadCell *cell;

  g_assert (tree != NULL);

  if (tree->n_cells == tree->capacity)
    {
      tree->capacity = MAX (64, tree->capacity * 2);
      tree->cells = g_renew (QuadCell, tree->cells, tree->capacity);
    }

  cell = &tree->cells[tree->n_cells];
  cell->cx = cx;
  cell->cy = cy;
  cell->half = half;
  cell->mx = cell->my = cell->mass = 0;
  cell->child[0] = cell->child[1] = cell->child[2] = cell->child[3] = -1;
  cell->body = -1;
  cell->leaf = TRUE;

  return tree->n_cells++;
}

static guint
quad_child (QuadTree *tree,
            guint     c,
            double    x,
            double    y)
{
  guint q;
  double cx, cy, h;

  g_assert (tree != NULL);

  q = (x >= tree->cells[c].cx ? 1 : 0) + (y >= tree->cells[c].cy ? 2 : 0);
  if (tree->cells[c].child[q] < 0)
    {
      h = tree->cells[c].half / 2;
      cx = tree->cells[c].cx + ((q & 1) ? h : -h);
      cy = tree->cells[c].cy + ((q & 2) ? h : -h);
      /* quad_new_cell() may move the array: index, not pointer. */
      tree->cells[c].child[q] = (gint) quad_new_cell (tree, cx, cy, h);
    }

  return (guint) tree->cells[c].child[q];
}

static void
quad_build (QuadTree     *tree,
            guint         n,
            const double *x,
            const double *y)
{
  double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;

  g_assert (tree != NULL);
  g_assert (x != NULL && y != NULL);

  tree->n_cells = 0;
  for (guint i = 0; i < n; i++)
    {
      min_x = MIN (min_x, x[i]);
      max_x = MAX (max_x, x[i]);
      min_y = MIN (min_y, y[i]);
      max_y = MAX (max_y, y[i]);
    }
  quad_new_cell (tree, (min_x + max_x) / 2, (min_y + max_y) / 2,
                 MAX (MAX (max_x - min_x, max_y - min_y) / 2, 1e-6) * 1.0001);

  for (guint i = 0; i < n; i++)
    {
      guint c = 0;

      for (guint depth = 0;; depth++)
        {
          QuadCell *cell = &tree->cells[c];

          if (cell->leaf && cell->mass == 0)
            {
              cell->body = (gint) i;
              cell->mass = 1;
              cell->mx = x[i];
              cell->my = y[i];
              break;
            }

          if (cell->leaf && depth < QUAD_MAX_DEPTH)
            {
              /* Split: the resident body moves down a level. */
              guint old = (guint) cell->body;
              guint child;

              cell->leaf = FALSE;
              cell->body = -1;
              child = quad_child (tree, c, x[old], y[old]);
              tree->cells[child].body = (gint) old;
              tree->cells[child].mass = 1;
              tree->cells[child].mx = x[old];
              tree->cells[child].my = y[old];
              cell = &tree->cells[c];
            }

          cell->mass += 1;
          cell->mx += x[i];
          cell->my += y[i];

          if (cell->leaf)
            break;   /* at the depth limit: the leaf holds several */

          c = quad_child (tree, c, x[i], y[i]);
        }
    }

  for (guint c = 0; c < tree->n_cells; c++)
    {
      tree->cells[c].mx /= tree->cells[c].mass;
      tree->cells[c].my /= tree->cells[c].mass;
    }
}

/* Repulsion on body @i: C K² m / d along the separation. */
static void
quad_repulsion (const QuadTree *tree,
                guint           i,
                double          xi,
                double          yi,
                double          k2c,
                double         *fx,
                double         *fy)
{
  guint stack[4 * QUAD_MAX_DEPTH + 8];
  guint top = 0;
  double ax = 0, ay = 0;

  g_assert (tree != NULL);
  g_assert (fx != NULL && fy != NULL);

  stack[top++] = 0;
  while (top > 0)
    {
      const QuadCell *cell = &tree->cells[stack[--top]];
      double dx = xi - cell->mx;
      double dy = yi - cell->my;
      double d2 = dx * dx + dy * dy;
      double w = 2 * cell->half;

      if (cell->leaf || w * w < FORCE_THETA * FORCE_THETA * d2)
        {
          if (cell->leaf && cell->body == (gint) i && cell->mass == 1)
            continue;
          if (d2 < 1e-18)
            continue;
          ax += k2c * cell->mass * dx / d2;
          ay += k2c * cell->mass * dy / d2;
          continue;
        }

      for (guint q = 0; q < 4; q++)
        if (cell->child[q] >= 0)
          stack[top++] = (guint) cell->child[q];
    }

  *fx += ax;
  *fy += ay;
}

/* Spring-electrical refinement with Hu's adaptive step, or, when @decay
 * is positive, a step that only shrinks by @decay each iteration (so no
 * node can travel more than step / (1 - decay)). Returns the iterations
 * used. */
static guint
force_refine (const Csr      *g,
              double         *x,
              double         *y,
              const gboolean *fixed,
              double          k,
              double          step,
              guint           max_iterations,
              double          tolerance,
              double          decay)
{
  QuadTree tree = { 0 };
  double energy = G_MAXDOUBLE;
  guint progress = 0;
  guint iteration;
  guint n_free = 0;

  g_assert (g != NULL);
  g_assert (x != NULL && y != NULL);

  for (guint i = 0; i < g->n; i++)
    if (fixed == NULL || !fixed[i])
      n_free++;
  if (n_free == 0 || g->n < 2)
    return 0;

  for (iteration = 0; iteration < max_iterations; iteration++)
    {
      double energy0 = energy;
      double moved = 0;

      energy = 0;
      quad_build (&tree, g->n, x, y);

      for (guint i = 0; i < g->n; i++)
        {
          double fx = 0, fy = 0, f;

          if (fixed != NULL && fixed[i])
            continue;

          quad_repulsion (&tree, i, x[i], y[i], FORCE_C * k * k, &fx, &fy);
          for (guint e = g->off[i]; e < g->off[i + 1]; e++)
            {
              guint j = g->adj[e];
              double dx = x[i] - x[j];
              double dy = y[i] - y[j];
              double d = sqrt (dx * dx + dy * dy);

              fx -= g->w[e] * dx * d / k;
              fy -= g->w[e] * dy * d / k;
            }

          f = sqrt (fx * fx + fy * fy);
          if (f > 0)
            {
              x[i] += step * fx / f;
              y[i] += step * fy / f;
              moved += step;
            }
          energy += f * f;
        }

      if (decay > 0)
        step *= decay;
      else if (energy < energy0)
        {
          if (++progress >= 5)
            {
              progress = 0;
              step /= FORCE_T;
            }
        }
      else
        {
          progress = 0;
          step *= FORCE_T;
        }

      if (moved / n_free < tolerance * k)
        break;
    }

  g_free (tree.cells);
  return iteration;
}

/* Coarsening by matching: each node pairs with its unmatched neighbour of
 * heaviest tie per mass, and a node left alone joins its lightest
 * neighbouring group, so stars (common in social networks) shrink too.
 * Returns the number of coarse nodes; @parent maps fine to coarse. */
static guint
coarsen (const Csr    *g,
         const double *mass,
         Rng          *rng,
         guint        *parent,
         double       *coarse_mass)
{
  g_autofree guint *order = g_new (guint, g->n);
  g_autofree guint *group_size = NULL;
  guint n_coarse = 0;

  g_assert (g != NULL && mass != NULL && rng != NULL);
  g_assert (parent != NULL && coarse_mass != NULL);

  for (guint i = 0; i < g->n; i++)
    {
      order[i] = i;
      parent[i] = G_MAXUINT;
    }
  for (guint i = g->n; i > 1; i--)
    {
      guint j = (guint) (rng_next (rng) % i);
      guint t = order[i - 1];

      order[i - 1] = order[j];
      order[j] = t;
    }

  for (guint o = 0; o < g->n; o++)
    {
      guint i = order[o];
      gint best = -1;
      double best_score = 0;

      if (parent[i] != G_MAXUINT)
        continue;

      for (guint e = g->off[i]; e < g->off[i + 1]; e++)
        {
          guint j = g->adj[e];
          double score;

          if (parent[j] != G_MAXUINT || j == i)
            continue;
          score = g->w[e] / (mass[i] * mass[j]);
          if (best < 0 || score > best_score)
            {
              best = (gint) j;
              best_score = score;
            }
        }

      if (best >= 0)
        {
          parent[i] = parent[best] = n_coarse;
          coarse_mass[n_coarse++] = mass[i] + mass[best];
        }
    }

  group_size = g_new0 (guint, g->n);
  for (guint c = 0; c < n_coarse; c++)
    group_size[c] = 2;

  for (guint o = 0; o < g->n; o++)
    {
      guint i = order[o];
      guint best = G_MAXUINT;

      if (parent[i] != G_MAXUINT)
        continue;

      for (guint e = g->off[i]; e < g->off[i + 1]; e++)
        {
          guint p = parent[g->adj[e]];

          if (p == G_MAXUINT || group_size[p] >= 4)
            continue;
          if (best == G_MAXUINT || coarse_mass[p] < coarse_mass[best])
            best = p;
        }

      if (best == G_MAXUINT)
        {
          best = n_coarse++;
          coarse_mass[best] = 0;
        }
      parent[i] = best;
      coarse_mass[best] += mass[i];
      group_size[best]++;
    }

  return n_coarse;
}

/* The graph of the groups: parallel edges merged, strengths summed. */
static void
coarse_graph (const Csr   *g,
              const guint *parent,
              guint        n_coarse,
              Csr         *coarse)
{
  g_autofree guint *member_off = g_new0 (guint, n_coarse + 1);
  g_autofree guint *members = g_new (guint, g->n);
  g_autofree guint *fill = NULL;
  g_autofree gint *slot = g_new (gint, n_coarse);
  g_autoptr(GArray) adj = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) w = g_array_new (FALSE, FALSE, sizeof (double));

  g_assert (g != NULL && parent != NULL && coarse != NULL);

  for (guint i = 0; i < g->n; i++)
    member_off[parent[i] + 1]++;
  for (guint c = 0; c < n_coarse; c++)
    member_off[c + 1] += member_off[c];
  fill = g_memdup2 (member_off, sizeof (guint) * n_coarse);
  for (guint i = 0; i < g->n; i++)
    members[fill[parent[i]]++] = i;

  for (guint c = 0; c < n_coarse; c++)
    slot[c] = -1;

  coarse->n = n_coarse;
  coarse->off = g_new0 (guint, n_coarse + 1);
  for (guint c = 0; c < n_coarse; c++)
    {
      guint start = adj->len;

      for (guint m = member_off[c]; m < member_off[c + 1]; m++)
        {
          guint i = members[m];

          for (guint e = g->off[i]; e < g->off[i + 1]; e++)
            {
              guint p = parent[g->adj[e]];

              if (p == c)
                continue;
              if (slot[p] < 0)
                {
                  slot[p] = (gint) adj->len;
                  g_array_append_val (adj, p);
                  g_array_append_val (w, g->w[e]);
                }
              else
                g_array_index (w, double, slot[p]) += g->w[e];
            }
        }

      for (guint e = start; e < adj->len; e++)
        slot[g_array_index (adj, guint, e)] = -1;
      coarse->off[c + 1] = adj->len;
    }

  coarse->adj = (guint *) g_array_free (g_steal_pointer (&adj), FALSE);
  coarse->w = (double *) g_array_free (g_steal_pointer (&w), FALSE);
}

/* Multilevel layout of one connected graph, in units where K = 1. */
static void
force_multilevel (const Csr *g,
                  double    *x,
                  double    *y,
                  Rng       *rng,
                  guint      max_iterations)
{
  g_autoptr(GPtrArray) graphs = g_ptr_array_new ();
  g_autoptr(GPtrArray) parents = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *mass = g_new (double, g->n);
  g_autofree double *cx = NULL;
  g_autofree double *cy = NULL;
  const Csr *current = g;
  guint levels;

  g_assert (g != NULL && x != NULL && y != NULL && rng != NULL);

  for (guint i = 0; i < g->n; i++)
    mass[i] = 1;

  /* Coarsen while it pays. */
  g_ptr_array_add (graphs, (gpointer) g);
  while (current->n > 40 && graphs->len < 50)
    {
      guint *parent = g_new (guint, current->n);
      double *coarse_mass = g_new (double, current->n);
      guint n_coarse = coarsen (current, mass, rng, parent, coarse_mass);
      Csr *coarse;

      if (n_coarse > 0.85 * current->n)
        {
          g_free (parent);
          g_free (coarse_mass);
          break;
        }

      coarse = g_new0 (Csr, 1);
      coarse_graph (current, parent, n_coarse, coarse);
      g_ptr_array_add (parents, parent);
      g_ptr_array_add (graphs, coarse);
      g_free (mass);
      mass = coarse_mass;
      current = coarse;
    }
  levels = graphs->len;

  /* Coarsest: random start in a square of the expected size. */
  cx = g_new (double, current->n);
  cy = g_new (double, current->n);
  {
    double side = sqrt ((double) current->n);

    for (guint i = 0; i < current->n; i++)
      {
        cx[i] = (rng_double (rng) - 0.5) * side;
        cy[i] = (rng_double (rng) - 0.5) * side;
      }
    force_refine (current, cx, cy, NULL, 1.0, side * 0.1 + 0.5, MAX (max_iterations, 500), 1e-3, 0);
  }

  for (guint level = levels - 1; level > 0; level--)
    {
      const Csr *fine = g_ptr_array_index (graphs, level - 1);
      const guint *parent = g_ptr_array_index (parents, level - 1);
      double *fx = (level - 1 == 0) ? x : g_new (double, fine->n);
      double *fy = (level - 1 == 0) ? y : g_new (double, fine->n);
      /* More nodes in the same model spread over a larger area. */
      double grow = sqrt ((double) fine->n / ((const Csr *) g_ptr_array_index (graphs, level))->n);

      for (guint i = 0; i < fine->n; i++)
        {
          fx[i] = cx[parent[i]] * grow + (rng_double (rng) - 0.5) * 0.2;
          fy[i] = cy[parent[i]] * grow + (rng_double (rng) - 0.5) * 0.2;
        }

      force_refine (fine, fx, fy, NULL, 1.0, 0.5, level - 1 == 0 ? max_iterations : MIN (max_iterations, 150), 1e-3, 0);

      g_free (cx);
      g_free (cy);
      if (level - 1 == 0)
        {
          cx = NULL;
          cy = NULL;
        }
      else
        {
          cx = fx;
          cy = fy;
        }
    }

  if (levels == 1)
    {
      memcpy (x, cx, sizeof (double) * g->n);
      memcpy (y, cy, sizeof (double) * g->n);
    }

  for (guint l = 1; l < graphs->len; l++)
    {
      Csr *coarse = g_ptr_array_index (graphs, l);

      csr_clear (coarse);
      g_free (coarse);
    }
}

static double
mean_edge_length (const Csr    *g,
                  const double *x,
                  const double *y)
{
  double sum = 0;
  guint count = 0;

  g_assert (g != NULL && x != NULL && y != NULL);

  for (guint i = 0; i < g->n; i++)
    for (guint e = g->off[i]; e < g->off[i + 1]; e++)
      if (g->adj[e] > i)
        {
          sum += hypot (x[i] - x[g->adj[e]], y[i] - y[g->adj[e]]);
          count++;
        }

  return count > 0 ? sum / count : 0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b);

static double
median (double *values,
        guint   n)
{
  g_assert (n > 0 && values != NULL);

  qsort (values, n, sizeof (double), compare_doubles);

  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* Turns and moves the free drawing (@x, @y) so that its pinned nodes
 * land as near their pins (@px, @py) as a rigid motion allows. Not
 * scaled: pins on one point would shrink it to nothing, pins far apart
 * would blow it up. The shift is the median of the pins' offsets, so
 * one pin far from the others does not drag the whole drawing after
 * it. */
static void
fit_to_pins (guint           n,
             double         *x,
             double         *y,
             const double   *px,
             const double   *py,
             const gboolean *pinned,
             guint           n_pinned)
{
  g_autofree double *ox = g_new (double, n_pinned);
  g_autofree double *oy = g_new (double, n_pinned);
  double mx = 0, my = 0, mpx = 0, mpy = 0, dot = 0, cross = 0, angle, c, sn;
  guint k = 0;

  g_assert (n_pinned > 0);

  for (guint i = 0; i < n; i++)
    if (pinned[i])
      {
        mx += x[i] / n_pinned;
        my += y[i] / n_pinned;
        mpx += px[i] / n_pinned;
        mpy += py[i] / n_pinned;
      }
  for (guint i = 0; i < n; i++)
    if (pinned[i])
      {
        double ax = x[i] - mx, ay = y[i] - my, bx = px[i] - mpx, by = py[i] - mpy;

        dot += ax * bx + ay * by;
        cross += ax * by - ay * bx;
      }
  /* Two-dimensional Procrustes: the rotation that best matches the
   * drawing's pinned nodes to their pins (none for a single pin). */
  angle = (dot != 0 || cross != 0) && isfinite (dot) && isfinite (cross) ? atan2 (cross, dot) : 0;
  c = cos (angle);
  sn = sin (angle);
  for (guint i = 0; i < n; i++)
    {
      double ax = x[i], ay = y[i];

      x[i] = ax * c - ay * sn;
      y[i] = ax * sn + ay * c;
      if (pinned[i])
        {
          ox[k] = px[i] - x[i];
          oy[k++] = py[i] - y[i];
        }
    }

  mx = median (ox, n_pinned);
  my = median (oy, n_pinned);
  for (guint i = 0; i < n; i++)
    {
      x[i] += mx;
      y[i] += my;
    }
}

/* One connected component, in its own arrays. Returns whether the
 * component keeps its place (pins, or incremental with places) rather
 * than being packed. */
static gboolean
force_component (const Csr      *g,
                 double         *x,
                 double         *y,
                 const double   *r,
                 const gboolean *pinned,
                 const gboolean *placed,
                 double          edge_length,
                 double          padding,
                 gboolean        incremental,
                 guint           max_iterations,
                 Rng            *rng)
{
  guint n_pinned = 0, n_placed = 0;
  g_autofree gboolean *fixed = g_new0 (gboolean, g->n);

  g_assert (g != NULL && x != NULL && y != NULL && r != NULL);
  g_assert (pinned != NULL && placed != NULL && rng != NULL);

  for (guint i = 0; i < g->n; i++)
    {
      n_pinned += pinned[i] ? 1 : 0;
      n_placed += placed[i] ? 1 : 0;
      fixed[i] = pinned[i];
    }

  if (g->n == 1)
    {
      if (!pinned[0] && !(incremental && placed[0]))
        x[0] = y[0] = 0;
      return pinned[0] || (incremental && placed[0]);
    }

  /* Incremental keeps a picture; with most nodes new there is little
   * picture to keep, and starting them all beside the few placed ones
   * crowds them into a space a fresh layout would give them. */
  if (incremental && n_placed > 0 && 2 * n_placed >= g->n)
    {
      g_autofree gboolean *known = g_memdup2 (placed, sizeof (gboolean) * g->n);
      g_autofree guint *queue = g_new (guint, g->n);
      guint head = 0, tail = 0;
      double len, k;

      /* Unplaced nodes start by their placed neighbours, breadth first
       * from the placed ones. */
      for (guint i = 0; i < g->n; i++)
        if (known[i])
          queue[tail++] = i;
      while (head < tail)
        {
          guint i = queue[head++];

          for (guint e = g->off[i]; e < g->off[i + 1]; e++)
            {
              guint j = g->adj[e];
              double sx = 0, sy = 0;
              guint count = 0;

              if (known[j])
                continue;
              for (guint f = g->off[j]; f < g->off[j + 1]; f++)
                if (known[g->adj[f]])
                  {
                    sx += x[g->adj[f]];
                    sy += y[g->adj[f]];
                    count++;
                  }
              x[j] = sx / count + (rng_double (rng) - 0.5) * edge_length;
              y[j] = sy / count + (rng_double (rng) - 0.5) * edge_length;
              known[j] = TRUE;
              queue[tail++] = j;
            }
        }

      /* Keep the drawing's own scale: the model's edges settle at about
       * 1.1 K. Start cool so the picture does not jump. */
      /* Within reason: a drawing stretched by pins far apart would
       * otherwise set steps as long as the distance between them. */
      len = mean_edge_length (g, x, y);
      len = len > 0 ? CLAMP (len, edge_length / 4, edge_length * 4) : edge_length;
      k = len / 1.1;
      force_refine (g, x, y, fixed, k, 0.05 * k, max_iterations > 0 ? MIN (max_iterations, 60) : 60, 1e-3, 0.85);
      remove_overlaps (g->n, x, y, r, fixed, padding);
      return TRUE;
    }
  else
    {
      g_autofree double *px = g_new (double, g->n);
      g_autofree double *py = g_new (double, g->n);
      double len, scale;

      for (guint i = 0; i < g->n; i++)
        {
          px[i] = x[i];
          py[i] = y[i];
        }

      force_multilevel (g, x, y, rng, max_iterations > 0 ? max_iterations : 60);

      len = mean_edge_length (g, x, y);
      scale = len > 0 ? edge_length / len : 1;

      /* Dense graphs need more room than their edge length gives: spread
       * until the discs cover about half the bounding box, so overlap
       * removal only nudges (and does not wreck the shape). */
      {
        double min_x = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
        double discs = 0, box;

        for (guint i = 0; i < g->n; i++)
          {
            min_x = MIN (min_x, x[i]);
            max_x = MAX (max_x, x[i]);
            min_y = MIN (min_y, y[i]);
            max_y = MAX (max_y, y[i]);
            discs += G_PI * (r[i] + padding / 2) * (r[i] + padding / 2);
          }
        box = (max_x - min_x) * (max_y - min_y) * scale * scale;
        if (box > 0 && box < discs / 0.5)
          scale *= sqrt (discs / 0.5 / box);
      }
      for (guint i = 0; i < g->n; i++)
        {
          x[i] *= scale;
          y[i] *= scale;
        }

      if (n_pinned > 0)
        {
          fit_to_pins (g->n, x, y, px, py, pinned, n_pinned);
          for (guint i = 0; i < g->n; i++)
            {
              x[i] = pinned[i] ? px[i] : x[i];
              y[i] = pinned[i] ? py[i] : y[i];
            }
          force_refine (g, x, y, fixed, scale, 0.2 * scale, 100, 1e-3, 0);
        }

      remove_overlaps (g->n, x, y, r, fixed, padding);
      return n_pinned > 0;
    }
}

/* Components */

typedef struct
{
  guint first;     /* offset into the member list */
  guint size;
  gboolean anchored;
  double min_x, min_y, max_x, max_y;
} Component;

/* Fills @comp_of and @members (members of each component in index
 * order, components in order of their lowest index). */
static GArray *
find_components (const Csr *g,
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

static Csr
graph_csr (TiesGraph *graph)
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
  csr_build (&csr, graph->nodes->len, m, src, dst, w);

  return csr;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Mean edge length for the drawing: a few median radii, so labels fit. */
static double
target_edge_length (TiesGraph               *graph,
                    const TiesLayoutOptions *options)
{
  guint n = graph->nodes->len;
  g_autofree double *radii = g_new (double, n + 1);
  double median;

  g_assert (graph != NULL);

  for (guint i = 0; i < n; i++)
    radii[i] = ties_graph_node (graph, i)->radius;
  qsort (radii, n, sizeof (double), compare_doubles);
  median = n > 0 ? radii[n / 2] : 0;

  /* Room for labels between neighbours, when the caller draws them. */
  return MAX (median > 0 ? EDGE_LENGTH_RADII * median : 30, options->label_room);
}

typedef struct
{
  guint index;
  double height;
  double width;
} PackItem;

static int
compare_pack_items (gconstpointer a,
                    gconstpointer b)
{
  const PackItem *p = a;
  const PackItem *q = b;

  /* Taller first; the index keeps qsort's order fixed. */
  if (p->height != q->height)
    return p->height > q->height ? -1 : 1;
  if (p->width != q->width)
    return p->width > q->width ? -1 : 1;
  return (p->index > q->index) - (p->index < q->index);
}

static void
layout_force (TiesGraph               *graph,
              const TiesLayoutOptions *options)
{
  guint n = graph->nodes->len;
  Csr g = graph_csr (graph);
  g_autofree guint *comp_of = g_new (guint, n);
  g_autofree guint *members = g_new (guint, n);
  g_autofree guint *local = g_new (guint, n);
  g_autofree double *x = g_new (double, n);
  g_autofree double *y = g_new (double, n);
  g_autofree double *r = g_new (double, n);
  g_autofree gboolean *pinned = g_new (gboolean, n);
  g_autofree gboolean *placed = g_new (gboolean, n);
  g_autoptr(GArray) components = find_components (&g, comp_of, members);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (PackItem));
  double edge_length = target_edge_length (graph, options);
  double gap = edge_length;
  Rng rng = { G_GUINT64_CONSTANT (0x7469657300000000) ^ ((guint64) n << 32) ^ graph->edges->len };
  gboolean any_anchored = FALSE;
  double anchor_max_x = -G_MAXDOUBLE, anchor_min_y = G_MAXDOUBLE, anchor_max_y = -G_MAXDOUBLE;
  double area = 0, max_width = 0, shelf_width;
  double cursor_x = 0, cursor_y = 0, shelf_height = 0, total_width = 0;

  g_assert (graph != NULL && options != NULL);

  for (guint c = 0; c < components->len; c++)
    {
      Component *comp = &g_array_index (components, Component, c);
      guint *m = members + comp->first;
      g_autofree guint *src = NULL;
      g_autofree guint *dst = NULL;
      g_autofree double *w = NULL;
      Csr sub = { 0 };
      guint n_edges = 0;

      for (guint k = 0; k < comp->size; k++)
        {
          TiesGraphNode *node = ties_graph_node (graph, m[k]);

          local[m[k]] = k;
          x[k] = node->x;
          y[k] = node->y;
          r[k] = node->radius;
          pinned[k] = node->placed && node->pinned;
          placed[k] = node->placed;
        }

      /* The component's own adjacency, in local indices. */
      for (guint k = 0; k < comp->size; k++)
        n_edges += g.off[m[k] + 1] - g.off[m[k]];
      src = g_new (guint, n_edges / 2 + 1);
      dst = g_new (guint, n_edges / 2 + 1);
      w = g_new (double, n_edges / 2 + 1);
      n_edges = 0;
      for (guint k = 0; k < comp->size; k++)
        for (guint e = g.off[m[k]]; e < g.off[m[k] + 1]; e++)
          if (g.adj[e] > m[k])
            {
              src[n_edges] = k;
              dst[n_edges] = local[g.adj[e]];
              w[n_edges++] = g.w[e];
            }
      csr_build (&sub, comp->size, n_edges, src, dst, w);

      comp->anchored = force_component (&sub, x, y, r, pinned, placed, edge_length,
                                        options->padding, options->incremental,
                                        options->max_iterations, &rng);
      csr_clear (&sub);

      comp->min_x = comp->min_y = G_MAXDOUBLE;
      comp->max_x = comp->max_y = -G_MAXDOUBLE;
      for (guint k = 0; k < comp->size; k++)
        {
          double margin = r[k] + options->padding / 2;

          comp->min_x = MIN (comp->min_x, x[k] - margin);
          comp->max_x = MAX (comp->max_x, x[k] + margin);
          comp->min_y = MIN (comp->min_y, y[k] - margin);
          comp->max_y = MAX (comp->max_y, y[k] + margin);

          if (!pinned[k])
            {
              TiesGraphNode *node = ties_graph_node (graph, m[k]);

              node->x = x[k];
              node->y = y[k];
              node->placed = TRUE;
            }
        }

      if (comp->anchored)
        {
          any_anchored = TRUE;
          anchor_max_x = MAX (anchor_max_x, comp->max_x);
          anchor_min_y = MIN (anchor_min_y, comp->min_y);
          anchor_max_y = MAX (anchor_max_y, comp->max_y);
        }
      else
        {
          PackItem item = { c, comp->max_y - comp->min_y, comp->max_x - comp->min_x };

          g_array_append_val (items, item);
          area += (item.width + gap / 2) * (item.height + gap / 2);
          max_width = MAX (max_width, item.width);
        }
    }

  /* Shelf packing of the free components, tallest first, into rows about
   * as wide as the whole is tall. */
  if (items->len > 0)
    qsort (items->data, items->len, sizeof (PackItem), compare_pack_items);
  shelf_width = MAX (max_width, sqrt (area) * 1.1);
  for (guint k = 0; k < items->len; k++)
    {
      PackItem *item = &g_array_index (items, PackItem, k);
      Component *comp = &g_array_index (components, Component, item->index);

      if (cursor_x > 0 && cursor_x + item->width > shelf_width)
        {
          cursor_y += shelf_height + gap / 2;
          cursor_x = 0;
          shelf_height = 0;
        }
      /* Reuse min_x/min_y as the shift of this component. */
      comp->min_x = cursor_x - comp->min_x;
      comp->min_y = cursor_y - comp->min_y;
      cursor_x += item->width + gap / 2;
      total_width = MAX (total_width, cursor_x - gap / 2);
      shelf_height = MAX (shelf_height, item->height);
    }

  if (items->len > 0)
    {
      double total_height = cursor_y + shelf_height;
      double ox, oy;

      /* Centre the packed block on the origin, or set it beside the
       * components that keep their place. */
      if (any_anchored)
        {
          ox = anchor_max_x + gap;
          oy = (anchor_min_y + anchor_max_y) / 2 - total_height / 2;
        }
      else
        {
          ox = -total_width / 2;
          oy = -total_height / 2;
        }

      for (guint k = 0; k < items->len; k++)
        {
          Component *comp = &g_array_index (components, Component, g_array_index (items, PackItem, k).index);

          for (guint j = 0; j < comp->size; j++)
            {
              TiesGraphNode *node = ties_graph_node (graph, members[comp->first + j]);

              if (node->pinned && node->placed)
                continue;
              node->x += comp->min_x + ox;
              node->y += comp->min_y + oy;
            }
        }
    }

  csr_clear (&g);
}

/* Radial and circle */

/* Places @count nodes in @order on a circle no smaller than @min_radius,
 * neighbours on the circle at least their radii plus @padding apart,
 * the order rotated to follow @desired angles (may be NULL). Writes the
 * angle of each into @angle (indexed by node) and returns the radius. */
static double
place_on_ring (guint         count,
               const guint  *order,
               const double *r,
               double        padding,
               double        min_radius,
               const double *desired,
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

static void
layout_radial (TiesGraph               *graph,
               const TiesLayoutOptions *options)
{
  guint n = graph->nodes->len;
  Csr g = graph_csr (graph);
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
  double edge_length = target_edge_length (graph, options);
  guint head = 0, tail = 0, max_dist = 0, n_rings;

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

  ring_radius = g_new0 (double, n_rings);
  /* Sweep 0 places by the wedges; then barycentre sweeps alternate: a
   * node aims at the mean angle of its neighbours on the ring inside
   * (odd sweeps) or outside (even sweeps) its own. */
  for (guint sweep = 0; sweep < 4; sweep++)
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
                                  min_radius, desired, angle);
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

  csr_clear (&g);
}

static void
layout_circle (TiesGraph               *graph,
               const TiesLayoutOptions *options)
{
  guint n = graph->nodes->len;
  Csr g = graph_csr (graph);
  g_autofree guint *comp_of = g_new (guint, n);
  g_autofree guint *members = g_new (guint, n);
  g_autofree guint *order = g_new (guint, n);
  g_autofree guint *stack = g_new (guint, 2 * (gsize) g.off[n] + n + 1);
  g_autofree gboolean *seen = g_new0 (gboolean, n);
  g_autofree double *r = g_new (double, n);
  g_autofree double *angle = g_new (double, n);
  g_autofree SortItem *items = NULL;
  g_autoptr(GArray) components = find_components (&g, comp_of, members);
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
                          n > 1 ? target_edge_length (graph, options) : 0, NULL, angle);
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

  csr_clear (&g);
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

  remove_overlaps (n, x, y, r, fixed, padding);

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
      layout_force (graph, options);
      break;
    case TIES_LAYOUT_RADIAL:
      layout_radial (graph, options);
      break;
    case TIES_LAYOUT_CIRCLE:
      layout_circle (graph, options);
      break;
    default:
      g_return_if_reached ();
    }

  remove_graph_overlaps (graph, options->padding);
  restore_places (graph, saved);
}
