/* ties-renderer-hit.c: where a scene lands in an area and what lies
 * under a point: fitting, geometry and hit-testing for the widget
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ties-renderer-private.h"

/* Fitting */

static double
frame_scale (const Frame *frame,
             double       width,
             double       height,
             double      *margin)
{
  double bw = MAX (frame->bounds.x1 - frame->bounds.x0, 1e-6);
  double bh = MAX (frame->bounds.y1 - frame->bounds.y0, 1e-6);
  double m = MIN (width, height) * FRAME_MARGIN;

  *margin = m;

  /* The scene's geometry is bounded (MAX_COORD), so this is far from
   * the underflow where cairo could no longer invert the matrix. */
  return MAX (MIN ((width - 2 * m) / bw, (height - 2 * m) / bh), 1e-20);
}

/* The legend goes beside the drawing or below it, in as many columns
 * as let the whole be drawn largest in this area. */
const Frame *
_ties_renderer_choose_frame (TiesScene *self,
                             double     width,
                             double     height,
                             double    *scale,
                             double    *tx,
                             double    *ty)
{
  const Frame *frame = NULL;
  double s = 0, best_area = 0;

  for (guint i = 0; i < self->frames->len; i++)
    {
      const Frame *candidate = &g_array_index (self->frames, Frame, i);
      double m, fits = frame_scale (candidate, width, height, &m);
      double area = (candidate->bounds.x1 - candidate->bounds.x0) * (candidate->bounds.y1 - candidate->bounds.y0);

      /* Of frames drawn as large, the most compact: the room it leaves
       * is what a page-filling scene stretches its drawing into. A near
       * tie goes to the earlier frame: fewer columns, beside. */
      if (frame == NULL || fits > s * 1.0001
          || (fits > s * 0.9999 && area < best_area * 0.98))
        {
          frame = candidate;
          s = fits;
          best_area = area;
        }
    }

  *scale = s;
  *tx = (width - (frame->bounds.x1 - frame->bounds.x0) * s) / 2 - frame->bounds.x0 * s;
  *ty = (height - (frame->bounds.y1 - frame->bounds.y0) * s) / 2 - frame->bounds.y0 * s;

  return frame;
}

void
ties_scene_map_point (TiesScene *self,
                      double     width,
                      double     height,
                      double     x,
                      double     y,
                      double    *out_x,
                      double    *out_y)
{
  double s, tx, ty;

  g_return_if_fail (self != NULL);

  _ties_renderer_choose_frame (self, width, height, &s, &tx, &ty);
  if (out_x != NULL)
    *out_x = tx + x * s;
  if (out_y != NULL)
    *out_y = ty + y * s;
}

/* Hit-testing and geometry, for the widget */

void
ties_scene_get_transform (TiesScene *self,
                          double     width,
                          double     height,
                          double    *scale,
                          double    *tx,
                          double    *ty)
{
  double s, x, y;

  g_return_if_fail (self != NULL);

  _ties_renderer_choose_frame (self, width, height, &s, &x, &y);
  if (scale != NULL)
    *scale = s;
  if (tx != NULL)
    *tx = x;
  if (ty != NULL)
    *ty = y;
}

void
ties_scene_unmap_point (TiesScene *self,
                        double     width,
                        double     height,
                        double     x,
                        double     y,
                        double    *out_x,
                        double    *out_y)
{
  double s, tx, ty;

  g_return_if_fail (self != NULL);

  _ties_renderer_choose_frame (self, width, height, &s, &tx, &ty);
  if (out_x != NULL)
    *out_x = (x - tx) / s;
  if (out_y != NULL)
    *out_y = (y - ty) / s;
}

guint
ties_scene_get_n_nodes (TiesScene *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->nodes->len;
}

void
ties_scene_get_node (TiesScene *self,
                     guint      node,
                     double    *x,
                     double    *y,
                     double    *radius)
{
  SceneNode *n;

  g_return_if_fail (self != NULL);
  g_return_if_fail (node < self->nodes->len);

  n = &g_array_index (self->nodes, SceneNode, node);
  if (x != NULL)
    *x = n->x;
  if (y != NULL)
    *y = n->y;
  if (radius != NULL)
    *radius = n->radius;
}

gboolean
ties_scene_node_is_drawn (TiesScene *self,
                          guint      node)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (node < self->nodes->len, FALSE);

  return !g_array_index (self->nodes, SceneNode, node).hidden;
}

guint
ties_scene_get_n_edges (TiesScene *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->edges->len;
}

void
ties_scene_get_edge (TiesScene *self,
                     guint      edge,
                     guint     *a,
                     guint     *b)
{
  SceneEdge *e;

  g_return_if_fail (self != NULL);
  g_return_if_fail (edge < self->edges->len);

  e = &g_array_index (self->edges, SceneEdge, edge);
  if (a != NULL)
    *a = e->a;
  if (b != NULL)
    *b = e->b;
}

void
ties_scene_append_edge_path (TiesScene *self,
                             cairo_t   *cr,
                             guint      edge)
{
  SceneEdge *e;
  SceneNode *a, *b;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (edge < self->edges->len);

  e = &g_array_index (self->edges, SceneEdge, edge);
  a = &g_array_index (self->nodes, SceneNode, e->a);
  b = &g_array_index (self->nodes, SceneNode, e->b);
  cairo_move_to (cr, a->x, a->y);
  if (e->curved)
    cairo_curve_to (cr, a->x + 2.0 / 3 * (e->cx - a->x), a->y + 2.0 / 3 * (e->cy - a->y),
                    b->x + 2.0 / 3 * (e->cx - b->x), b->y + 2.0 / 3 * (e->cy - b->y), b->x, b->y);
  else
    cairo_line_to (cr, b->x, b->y);
}

guint
ties_scene_hit_node (TiesScene *self,
                     double     x,
                     double     y,
                     double     slop)
{
  g_return_val_if_fail (self != NULL, G_MAXUINT);

  /* Highlighted nodes are drawn after dimmed ones, later over earlier. */
  for (int pass = 1; pass >= 0; pass--)
    for (guint i = self->nodes->len; i > 0; i--)
      {
        SceneNode *n = &g_array_index (self->nodes, SceneNode, i - 1);
        double r = n->radius + slop;

        if (n->dim == (pass == 0) && !n->hidden && hypot (x - n->x, y - n->y) <= r)
          return i - 1;
      }

  return G_MAXUINT;
}

static double
segment_distance (double px,
                  double py,
                  double ax,
                  double ay,
                  double bx,
                  double by)
{
  double dx = bx - ax, dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;

  t = CLAMP (t, 0.0, 1.0);

  return hypot (px - (ax + t * dx), py - (ay + t * dy));
}

guint
ties_scene_hit_edge (TiesScene *self,
                     double     x,
                     double     y,
                     double     tolerance)
{
  guint best = G_MAXUINT;
  double best_distance = tolerance;

  g_return_val_if_fail (self != NULL, G_MAXUINT);

  for (guint i = 0; i < self->edges->len; i++)
    {
      SceneEdge *e = &g_array_index (self->edges, SceneEdge, i);
      SceneNode *a = &g_array_index (self->nodes, SceneNode, e->a);
      SceneNode *b = &g_array_index (self->nodes, SceneNode, e->b);
      double d = G_MAXDOUBLE;

      if (!e->curved)
        d = segment_distance (x, y, a->x, a->y, b->x, b->y);
      else
        {
          /* The quadratic curve, as sixteen segments. */
          double px = a->x, py = a->y;

          for (guint k = 1; k <= 16; k++)
            {
              double t = k / 16.0, u = 1 - t;
              double qx = u * u * a->x + 2 * u * t * e->cx + t * t * b->x;
              double qy = u * u * a->y + 2 * u * t * e->cy + t * t * b->y;

              d = MIN (d, segment_distance (x, y, px, py, qx, qy));
              px = qx;
              py = qy;
            }
        }

      if (d <= best_distance)
        {
          best_distance = d;
          best = i;
        }
    }

  return best;
}

