/* ties-layout-quadtree.c: Barnes–Hut repulsion for the force layout
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A quadtree over the bodies, each cell holding its centre of mass, so
 * that the repulsion on one body from far cells costs one term each
 * (as Graphviz keeps sfdp's QuadTree.c apart from its spring code).
 */
#include "config.h"

#include "ties-layout-private.h"

/* Barnes–Hut opening criterion: cells narrower than THETA times their
 * distance act as one body. */
#define FORCE_THETA 1.2
/* Deepest quadtree level; coincident bodies share a leaf below it. */
#define QUAD_MAX_DEPTH 40

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

void
_ties_layout_quad_build (QuadTree     *tree,
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
void
_ties_layout_quad_repulsion (const QuadTree *tree,
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
