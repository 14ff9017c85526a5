/* ties-layout-overlap.c: the last pass of every layout, overlap removal
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pairwise pushes on a grid of cells, a crowd spread from its centre,
 * and a fallback that always ends (each node left caught takes the
 * nearest clear spot), on plain arrays so that the force layout can run
 * it on one component as well as ties_layout_run() on the whole graph.
 */
#include "config.h"

#include <math.h>

#include "ties-layout-private.h"

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

void
_ties_layout_remove_overlaps (guint           n,
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
