/* ties-renderer.c: one drawing of the network, for screen, files and paper
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This file draws a scene (ties, nodes, labels, legend, title and
 * caption) onto a cairo context, and answers what the scene holds.
 * The scene is built in ties-scene.c, its labels placed in
 * ties-renderer-labels.c, and it is fitted to an area and hit-tested
 * in ties-renderer-hit.c; ties-renderer-private.h holds what they share.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ties-renderer-private.h"

static Rgb
rgb_from_hex (guint32 color)
{
  return (Rgb) { ((color >> 16) & 0xff) / 255.0,
                 ((color >> 8) & 0xff) / 255.0,
                 (color & 0xff) / 255.0 };
}

static void
set_color (cairo_t *cr,
           guint32  color,
           double   alpha)
{
  Rgb c = rgb_from_hex (color);

  g_assert (cr != NULL);

  cairo_set_source_rgba (cr, c.r, c.g, c.b, alpha);
}

guint32
_ties_renderer_background_color (TiesStyle style)
{
  return style == TIES_STYLE_DARK ? 0x242424 : 0xFFFFFF;
}

guint32
_ties_renderer_text_color (TiesStyle style)
{
  return style == TIES_STYLE_DARK ? 0xFFFFFF : 0x1E1E1E;
}

guint32
_ties_renderer_tie_color (TiesStyle style)
{
  return style == TIES_STYLE_DARK ? 0xA8A7AC : 0x5E5C64;
}

/* Ties that rest on no evidence: a warm grey, faint but not the ties'
 * own grey, so that "unsupported" reads as a caution, not as dimming. */
static guint32
unsupported_color (TiesStyle style)
{
  return style == TIES_STYLE_DARK ? 0x9A8F78 : 0xA3977F;
}

/* Relative luminance (WCAG), to choose black or white initials. */
static double
luminance (guint32 color)
{
  Rgb c = rgb_from_hex (color);
  double v[3] = { c.r, c.g, c.b };

  for (guint i = 0; i < 3; i++)
    v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : pow ((v[i] + 0.055) / 1.055, 2.4);

  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

guint32
_ties_renderer_ink_color (guint32 fill)
{
  return luminance (fill) > 0.4 ? 0x1E1E1E : 0xFFFFFF;
}

/* Drawing */

/* A tie's line for its kind, and for its corroboration when that is
 * marked: a tie on one source is half as wide (and lighter, in
 * _ties_renderer_tie_paint()) but keeps its kind's dashes, so that the
 * kinds stay apart; one on no evidence is dotted, whatever its kind or
 * weight, as a warning. */
void
_ties_renderer_tie_stroke (Support        support,
                           TiesLineStyle  line,
                           double         width,
                           TieStroke     *stroke)
{
  g_assert (stroke != NULL);

  memset (stroke, 0, sizeof *stroke);
  stroke->width = width;
  stroke->round_cap = TRUE;

  switch (support)
    {
    case SUPPORT_ONE_SOURCE:
      width = MAX (0.5 * width, 0.75);
      stroke->width = width;
      break;
    case SUPPORT_NO_EVIDENCE:
      {
        double dot = 1.4;

        stroke->width = dot;
        stroke->n_dashes = 2;
        stroke->dashes[0] = 0;
        stroke->dashes[1] = 3.5 * dot;
      }
      return;
    case SUPPORT_USUAL:
    default:
      break;
    }

  {
    /* Dash lengths follow the width so that a heavy tie keeps its rhythm. */
    double unit = MAX (width, 1.2);

    /* No shorter than these: every dash and dot is a shape of its own
     * to cairo, and short ones made dashed ties the costliest part of
     * a large drawing. */
    switch (line)
      {
      case TIES_LINE_DASHED:
        stroke->round_cap = FALSE;
        stroke->n_dashes = 2;
        stroke->dashes[0] = 5 * unit;
        stroke->dashes[1] = 3 * unit;
        break;
      case TIES_LINE_DOTTED:
        stroke->n_dashes = 2;
        stroke->dashes[0] = 0;
        stroke->dashes[1] = 3 * unit;
        break;
      case TIES_LINE_DASH_DOT:
        /* Dashes nearly twice as long as DASHED's, so that the two
         * differ at a glance even where the dot is too small to see. */
        stroke->n_dashes = 4;
        stroke->dashes[0] = 9 * unit;
        stroke->dashes[1] = 3 * unit;
        stroke->dashes[2] = 0;
        stroke->dashes[3] = 3 * unit;
        break;
      case TIES_LINE_SOLID:
      default:
        break;
      }
  }
}

/* The colour of a tie (and its arrowheads): its kind's grey, or as its
 * corroboration says when that is marked: a tie on one source lighter,
 * one on no evidence faint and warm grey. */
void
_ties_renderer_tie_paint (TiesScene *self,
                          Support    support,
                          gboolean   dim,
                          guint32   *color,
                          double    *alpha)
{
  double base = dim ? DIM_ALPHA : 0.85;

  g_assert (self != NULL);

  switch (support)
    {
    case SUPPORT_ONE_SOURCE:
      *color = _ties_renderer_tie_color (self->style);
      *alpha = 0.55 * base;
      break;
    case SUPPORT_NO_EVIDENCE:
      *color = unsupported_color (self->style);
      *alpha = 0.75 * base;
      break;
    case SUPPORT_USUAL:
    default:
      *color = _ties_renderer_tie_color (self->style);
      *alpha = base;
      break;
    }
}

static void
set_tie_color (TiesScene *self,
               cairo_t   *cr,
               Support    support,
               gboolean   dim)
{
  guint32 color;
  double alpha;

  _ties_renderer_tie_paint (self, support, dim, &color, &alpha);
  set_color (cr, color, alpha);
}

static void
set_tie_line (cairo_t       *cr,
              Support        support,
              TiesLineStyle  line,
              double         width)
{
  TieStroke stroke;

  g_assert (cr != NULL);

  _ties_renderer_tie_stroke (support, line, width, &stroke);
  cairo_set_line_width (cr, stroke.width);
  cairo_set_line_cap (cr, stroke.round_cap ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
  cairo_set_dash (cr, stroke.n_dashes > 0 ? stroke.dashes : NULL, stroke.n_dashes, 0);
}

/* A dash pattern that repeats within this many device pixels cannot be
 * drawn on the pixel grid (it is finer than two pixels, the Nyquist
 * limit): its dashes and gaps alias into grain. It was also the bulk of
 * the work on a large page, each dash and dot a shape of its own to
 * cairo: dotted ties took most of a 10,000-actor PNG's drawing time. */
#define MIN_DASH_PERIOD_PX 2.0

/* Whether @stroke's dashes are too fine to draw at @px device pixels a
 * unit; if so, @ink is the share of the line they would ink, which is
 * what the eye averages them to: the line is drawn solid, that much
 * lighter. */
static gboolean
dashes_too_fine (const TieStroke *stroke,
                 double           px,
                 double          *ink)
{
  double period = 0, inked = 0;

  g_assert (stroke != NULL && ink != NULL);

  for (guint i = 0; i < stroke->n_dashes; i++)
    period += stroke->dashes[i];
  if (stroke->n_dashes == 0 || !(period > 0) || !(period * px < MIN_DASH_PERIOD_PX))
    return FALSE;

  /* Each dash inks its length, and a round cap's two halves a disc,
   * π w² / 4: as much as π w / 4 more of the line. */
  for (guint i = 0; i < stroke->n_dashes; i += 2)
    inked += stroke->dashes[i] + (stroke->round_cap ? G_PI * stroke->width / 4 : 0);
  *ink = CLAMP (inked / period, 0.0, 1.0);

  return TRUE;
}

/* A tie's line and colour, as set_tie_line() and set_tie_color() set
 * them, at @px device pixels a unit. */
static void
set_tie_ink (TiesScene     *self,
             cairo_t       *cr,
             Support        support,
             gboolean       dim,
             TiesLineStyle  line,
             double         width,
             double         px)
{
  TieStroke stroke;
  guint32 color;
  double alpha;
  double ink = 1.0;

  g_assert (self != NULL && cr != NULL);

  _ties_renderer_tie_stroke (support, line, width, &stroke);
  _ties_renderer_tie_paint (self, support, dim, &color, &alpha);
  if (dashes_too_fine (&stroke, px, &ink))
    stroke.n_dashes = 0;
  set_color (cr, color, alpha * ink);
  cairo_set_line_width (cr, stroke.width);
  cairo_set_line_cap (cr, stroke.round_cap ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
  cairo_set_dash (cr, stroke.n_dashes > 0 ? stroke.dashes : NULL, stroke.n_dashes, 0);
}

void
_ties_renderer_arrowhead (const TieGeometry *geometry,
                          guint              end,
                          double             corners[6])
{
  double tip_x = geometry->tip_x[end], tip_y = geometry->tip_y[end];
  double dir_x = geometry->dir_x[end], dir_y = geometry->dir_y[end];
  double length = geometry->arrow_length, half_width = geometry->arrow_half;

  g_assert (end < 2);

  corners[0] = tip_x;
  corners[1] = tip_y;
  corners[2] = tip_x - dir_x * length - dir_y * half_width;
  corners[3] = tip_y - dir_y * length + dir_x * half_width;
  corners[4] = tip_x - dir_x * length + dir_y * half_width;
  corners[5] = tip_y - dir_y * length - dir_x * half_width;
}

static void
draw_arrowhead (cairo_t           *cr,
                const TieGeometry *geometry,
                guint              end)
{
  double corners[6];

  g_assert (cr != NULL);

  _ties_renderer_arrowhead (geometry, end, corners);
  cairo_move_to (cr, corners[0], corners[1]);
  cairo_line_to (cr, corners[2], corners[3]);
  cairo_line_to (cr, corners[4], corners[5]);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* Culling: what lies wholly outside @guard is not drawn, and no point
 * far outside it reaches cairo, whose fixed-point device coordinates
 * wrap beyond about ±8 million pixels (a window zoomed far in). */
static gboolean
box_meets (const Box *guard,
           double     x0,
           double     y0,
           double     x1,
           double     y1)
{
  return x1 >= guard->x0 && x0 <= guard->x1 && y1 >= guard->y0 && y0 <= guard->y1;
}

static gboolean
box_holds (const Box *guard,
           double     x,
           double     y)
{
  return x >= guard->x0 && x <= guard->x1 && y >= guard->y0 && y <= guard->y1;
}

/* Liang–Barsky: shortens the segment to its part inside @guard; FALSE
 * when none is. */
static gboolean
clip_segment (const Box *guard,
              double    *ax,
              double    *ay,
              double    *bx,
              double    *by)
{
  double dx = *bx - *ax, dy = *by - *ay;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { *ax - guard->x0, guard->x1 - *ax, *ay - guard->y0, guard->y1 - *ay };
  double t0 = 0, t1 = 1;

  for (guint k = 0; k < 4; k++)
    {
      if (p[k] == 0)
        {
          if (q[k] < 0)
            return FALSE;
          continue;
        }
      if (p[k] < 0)
        t0 = MAX (t0, q[k] / p[k]);
      else
        t1 = MIN (t1, q[k] / p[k]);
    }
  if (t0 > t1)
    return FALSE;

  *bx = *ax + t1 * dx;
  *by = *ay + t1 * dy;
  *ax = *ax + t0 * dx;
  *ay = *ay + t0 * dy;

  return TRUE;
}

/* Whether @layout, drawn at @size at (@x, @y) scaled by @scale, meets
 * @guard. */
static gboolean
layout_meets (PangoLayout *layout,
              double       size,
              const Box   *guard,
              double       x,
              double       y,
              double       scale)
{
  double lx, ly, lw, lh;

  _ties_renderer_layout_box (layout, size, &lx, &ly, &lw, &lh);

  return box_meets (guard, x + lx * scale, y + ly * scale, x + (lx + lw) * scale, y + (ly + lh) * scale);
}

gboolean
_ties_renderer_tie_geometry (TiesScene       *self,
                             const SceneEdge *edge,
                             TieGeometry     *geometry)
{
  SceneNode *a = &g_array_index (self->nodes, SceneNode, edge->a);
  SceneNode *b = &g_array_index (self->nodes, SceneNode, edge->b);
  double cx = edge->curved ? edge->cx : (a->x + b->x) / 2;
  double cy = edge->curved ? edge->cy : (a->y + b->y) / 2;
  double da = hypot (cx - a->x, cy - a->y);
  double db = hypot (cx - b->x, cy - b->y);
  double ux, uy, vx, vy;
  double arrow_length = 5 + 2.5 * edge->width;
  double gap = 1.5;

  g_assert (self != NULL);
  g_assert (geometry != NULL);

  if (da <= 0 || db <= 0)
    return FALSE;

  /* Unit directions from each end towards the control point: ties start
   * and end at the node's edge, or at an arrowhead's base. */
  ux = (cx - a->x) / da;
  uy = (cy - a->y) / da;
  vx = (cx - b->x) / db;
  vy = (cy - b->y) / db;
  if (a->radius + b->radius + 2 * gap + (edge->arrow_a + edge->arrow_b) * arrow_length
      >= hypot (b->x - a->x, b->y - a->y))
    return FALSE;

  geometry->curved = edge->curved;
  geometry->cx = cx;
  geometry->cy = cy;
  geometry->arrow_length = arrow_length;
  geometry->arrow_half = 2.5 + 1.2 * edge->width;
  geometry->arrow[0] = edge->arrow_a;
  geometry->arrow[1] = edge->arrow_b;
  geometry->tip_x[0] = a->x + ux * (a->radius + gap);
  geometry->tip_y[0] = a->y + uy * (a->radius + gap);
  geometry->dir_x[0] = -ux;
  geometry->dir_y[0] = -uy;
  geometry->tip_x[1] = b->x + vx * (b->radius + gap);
  geometry->tip_y[1] = b->y + vy * (b->radius + gap);
  geometry->dir_x[1] = -vx;
  geometry->dir_y[1] = -vy;

  geometry->ax = a->x + ux * (a->radius + gap + (edge->arrow_a ? arrow_length * 0.8 : 0));
  geometry->ay = a->y + uy * (a->radius + gap + (edge->arrow_a ? arrow_length * 0.8 : 0));
  geometry->bx = b->x + vx * (b->radius + gap + (edge->arrow_b ? arrow_length * 0.8 : 0));
  geometry->by = b->y + vy * (b->radius + gap + (edge->arrow_b ? arrow_length * 0.8 : 0));

  return TRUE;
}

/* Device pixels (or points) per user unit of @cr as it stands. */
static double
device_scale (cairo_t *cr)
{
  cairo_matrix_t m;

  g_assert (cr != NULL);

  cairo_get_matrix (cr, &m);

  return sqrt (fabs (m.xx * m.yy - m.xy * m.yx));
}

void
_ties_renderer_strand_line (const TieGeometry *g,
                            double             offset,
                            double            *ax,
                            double            *ay,
                            double            *cx,
                            double            *cy,
                            double            *bx,
                            double            *by)
{
  /* Left normals of a → c, c → b and a → b. */
  double la = hypot (g->cx - g->ax, g->cy - g->ay);
  double lb = hypot (g->bx - g->cx, g->by - g->cy);
  double lm = hypot (g->bx - g->ax, g->by - g->ay);
  double nax = la > 0 ? -(g->cy - g->ay) / la : 0, nay = la > 0 ? (g->cx - g->ax) / la : 0;
  double nbx = lb > 0 ? -(g->by - g->cy) / lb : 0, nby = lb > 0 ? (g->bx - g->cx) / lb : 0;
  double nmx = lm > 0 ? -(g->by - g->ay) / lm : 0, nmy = lm > 0 ? (g->bx - g->ax) / lm : 0;

  if (!g->curved)
    {
      nax = nbx = nmx;
      nay = nby = nmy;
    }
  *ax = g->ax + nax * offset;
  *ay = g->ay + nay * offset;
  *bx = g->bx + nbx * offset;
  *by = g->by + nby * offset;
  *cx = g->cx + nmx * offset;
  *cy = g->cy + nmy * offset;
}

static void
draw_edge (TiesScene *self,
           cairo_t   *cr,
           SceneEdge *edge,
           const Box *guard)
{
  SceneNode *a = &g_array_index (self->nodes, SceneNode, edge->a);
  SceneNode *b = &g_array_index (self->nodes, SceneNode, edge->b);
  TieGeometry g;
  double ax, ay, bx, by, cx, cy;
  double px;
  guint n_strands;

  g_assert (self != NULL);

  if (!_ties_renderer_tie_geometry (self, edge, &g))
    return;
  cx = g.cx;
  cy = g.cy;
  if (!box_meets (guard, MIN (MIN (a->x, b->x), cx), MIN (MIN (a->y, b->y), cy),
                  MAX (MAX (a->x, b->x), cx), MAX (MAX (a->y, b->y), cy)))
    return;

  set_tie_color (self, cr, edge->support, edge->dim);

  if (edge->arrow_a && box_holds (guard, a->x, a->y))
    draw_arrowhead (cr, &g, 0);
  if (edge->arrow_b && box_holds (guard, b->x, b->y))
    draw_arrowhead (cr, &g, 1);

  px = device_scale (cr);
  n_strands = edge->band * px >= MIN_STRANDS_PX ? edge->n_strands : 0;
  for (guint k = 0; k < MAX (n_strands, 1); k++)
    {
      if (n_strands == 0)
        {
          ax = g.ax;
          ay = g.ay;
          bx = g.bx;
          by = g.by;
          set_tie_ink (self, cr, edge->support, edge->dim, edge->line, edge->width, px);
        }
      else
        {
          _ties_renderer_strand_line (&g, edge->strands[k].offset, &ax, &ay, &cx, &cy, &bx, &by);
          set_tie_ink (self, cr, edge->support, edge->dim, edge->strands[k].line, edge->strands[k].width, px);
        }

      if (!box_holds (guard, ax, ay) || !box_holds (guard, bx, by)
          || (edge->curved && !box_holds (guard, cx, cy)))
        {
          /* Only when zoomed far in: the visible part, straightened. */
          if (clip_segment (guard, &ax, &ay, &bx, &by))
            {
              cairo_move_to (cr, ax, ay);
              cairo_line_to (cr, bx, by);
              cairo_stroke (cr);
            }
          continue;
        }
      cairo_move_to (cr, ax, ay);
      if (edge->curved)
        cairo_curve_to (cr, ax + 2.0 / 3 * (cx - ax), ay + 2.0 / 3 * (cy - ay),
                        bx + 2.0 / 3 * (cx - bx), by + 2.0 / 3 * (cy - by), bx, by);
      else
        cairo_line_to (cr, bx, by);
      /* One stroke per tie: cairo strokes one huge path 2–3 times slower. */
      cairo_stroke (cr);
    }
}

/* Every shape stays inside the node's disc, which labels avoid. */
static void
node_path (cairo_t   *cr,
           SceneNode *node)
{
  g_assert (cr != NULL);

  switch (node->shape)
    {
    case TIES_ACTOR_ORGANISATION:
      {
        /* Half side 0.78 r, corners 0.3 r: the farthest point is 0.98 r. */
        double h = 0.78 * node->radius, c = 0.3 * node->radius;
        double x0 = node->x - h, y0 = node->y - h, x1 = node->x + h, y1 = node->y + h;

        cairo_new_sub_path (cr);
        cairo_arc (cr, x1 - c, y0 + c, c, -G_PI / 2, 0);
        cairo_arc (cr, x1 - c, y1 - c, c, 0, G_PI / 2);
        cairo_arc (cr, x0 + c, y1 - c, c, G_PI / 2, G_PI);
        cairo_arc (cr, x0 + c, y0 + c, c, G_PI, 3 * G_PI / 2);
        cairo_close_path (cr);
      }
      break;
    case TIES_ACTOR_GROUP:
      for (guint k = 0; k < 6; k++)
        {
          double angle = -G_PI / 2 + k * G_PI / 3;
          double px = node->x + 0.97 * node->radius * cos (angle);
          double py = node->y + 0.97 * node->radius * sin (angle);

          if (k == 0)
            cairo_move_to (cr, px, py);
          else
            cairo_line_to (cr, px, py);
        }
      cairo_close_path (cr);
      break;
    case TIES_ACTOR_PERSON:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, node->x, node->y, node->radius * 0.97, 0, 2 * G_PI);
      break;
    }
}

/* Draws @layout at @size scaled by @scale with its origin at (@x, @y).
 * Returns FALSE, drawing nothing, when the text would be smaller than
 * MIN_TEXT_PX on the device; text that would be larger than MAX_TEXT_PX
 * is drawn at that size. */
static gboolean
draw_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y,
             double       size,
             double       scale,
             guint32      color,
             double       alpha)
{
  double px = size * scale * device_scale (cr);

  g_assert (cr != NULL);
  g_assert (PANGO_IS_LAYOUT (layout));

  if (!(px >= MIN_TEXT_PX) || !isfinite (px) || !isfinite (x) || !isfinite (y))
    return FALSE;
  if (px > MAX_TEXT_PX)
    scale *= MAX_TEXT_PX / px;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale * text_factor (size), scale * text_factor (size));
  cairo_move_to (cr, 0, 0);
  set_color (cr, color, alpha);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);

  return TRUE;
}

/* Past this many device pixels a guide's curve would reach where cairo's
 * fixed-point coordinates wrap; so far in, no ring reads as one. */
#define MAX_RING_PX 1e6

/* A radial layout's rings, under everything else: the ties, the nodes
 * and the labels' backdrops all cover them. Only the rings that pass
 * through @guard are drawn. */
static void
draw_rings (TiesScene *self,
            cairo_t   *cr,
            const Box *guard)
{
  static const double dashes[] = { RING_DASH_ON, RING_DASH_OFF };
  double px = device_scale (cr);

  g_assert (self != NULL && cr != NULL && guard != NULL);

  if (self->rings->len == 0)
    return;

  cairo_save (cr);
  set_color (cr, _ties_renderer_tie_color (self->style), RING_ALPHA);
  cairo_set_line_width (cr, RING_WIDTH);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  for (guint i = 0; i < self->rings->len; i++)
    {
      double r = g_array_index (self->rings, double, i);
      double dx = MAX (fabs (guard->x0 - self->ring_x), fabs (guard->x1 - self->ring_x));
      double dy = MAX (fabs (guard->y0 - self->ring_y), fabs (guard->y1 - self->ring_y));

      if (r * px > MAX_RING_PX
          || !box_meets (guard, self->ring_x - r, self->ring_y - r, self->ring_x + r, self->ring_y + r)
          || hypot (dx, dy) < r - RING_WIDTH)
        continue;
      cairo_new_path (cr);
      cairo_arc (cr, self->ring_x, self->ring_y, r, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
draw_node (TiesScene *self,
           cairo_t   *cr,
           SceneNode *node,
           const Box *guard)
{
  double alpha = node->dim ? DIM_ALPHA : 1.0;

  g_assert (self != NULL);

  if (!box_meets (guard, node->x - node->radius, node->y - node->radius,
                  node->x + node->radius, node->y + node->radius))
    return;

  node_path (cr, node);
  set_color (cr, node->color, alpha);
  cairo_fill_preserve (cr);
  /* A ring of background colour separates a node from ties under it. */
  set_color (cr, _ties_renderer_background_color (self->style), alpha);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_width (cr, 0.06 * node->radius);
  cairo_stroke (cr);

  if (node->initials != NULL)
    {
      PangoRectangle ink, logical;
      guint32 ink_color = _ties_renderer_ink_color (node->color);
      double k = node->radius * 0.72 / INITIALS_SIZE;

      pango_layout_get_extents (node->initials, &ink, &logical);
      /* Centred on the letters' ink, not on the line box. */
      draw_layout (cr, node->initials,
                   node->x - k * ((double) ink.x + ink.width / 2.0) / PANGO_SCALE,
                   node->y - k * ((double) ink.y + ink.height / 2.0) / PANGO_SCALE,
                   INITIALS_SIZE, k, ink_color, alpha * 0.9);
    }
}

static void
draw_text (TiesScene   *self,
           cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y,
           double       size,
           double       scale,
           double       alpha)
{
  g_assert (self != NULL);

  draw_layout (cr, layout, x, y, size, scale, _ties_renderer_text_color (self->style), alpha);
}

TiesLineStyle
_ties_renderer_legend_line (const LegendEntry *entry,
                            const LegendGlyph *glyph,
                            guint              line)
{
  if (entry->symbol == LEGEND_LINE)
    return entry->line;

  return glyph->strands && line == 1 ? TIES_LINE_DASHED : TIES_LINE_SOLID;
}

void
_ties_renderer_legend_glyph (TiesScene         *self,
                             const LegendEntry *entry,
                             double             x,
                             double             mid_y,
                             LegendGlyph       *glyph)
{
  double size = LEGEND_SIZE;
  double w = LEGEND_SWATCH;

  g_assert (self != NULL);
  g_assert (entry != NULL);
  g_assert (glyph != NULL);

  memset (glyph, 0, sizeof *glyph);

  switch (entry->symbol)
    {
    case LEGEND_LINE:
      glyph->n_lines = 1;
      glyph->line_width[0] = 2.0;
      memcpy (glyph->line[0], (double[4]) { x + 0.05 * w, mid_y, x + 0.95 * w, mid_y }, sizeof glyph->line[0]);
      break;
    case LEGEND_WIDTH:
      /* The widths of one event and of eight (1 + 1.5 log2 w). */
      glyph->n_lines = 2;
      glyph->line_width[0] = 1.0;
      glyph->line_width[1] = 5.5;
      memcpy (glyph->line[0], (double[4]) { x + 0.05 * w, mid_y, x + 0.35 * w, mid_y }, sizeof glyph->line[0]);
      memcpy (glyph->line[1], (double[4]) { x + 0.55 * w, mid_y, x + 0.95 * w, mid_y }, sizeof glyph->line[1]);
      break;
    case LEGEND_STRANDS:
      glyph->n_lines = 2;
      glyph->line_width[0] = glyph->line_width[1] = 1.6;
      glyph->strands = TRUE;
      memcpy (glyph->line[0], (double[4]) { x + 0.05 * w, mid_y - 1.8, x + 0.95 * w, mid_y - 1.8 },
              sizeof glyph->line[0]);
      memcpy (glyph->line[1], (double[4]) { x + 0.05 * w, mid_y + 1.8, x + 0.95 * w, mid_y + 1.8 },
              sizeof glyph->line[1]);
      break;
    case LEGEND_ARROW:
      {
        /* As a tie of 1.6 draws its arrowhead. */
        double length = 5 + 2.5 * 1.6, half = 2.5 + 1.2 * 1.6;
        double tip = x + 0.95 * w;

        glyph->n_lines = 1;
        glyph->line_width[0] = 1.6;
        memcpy (glyph->line[0], (double[4]) { x + 0.05 * w, mid_y, tip - 0.8 * length, mid_y },
                sizeof glyph->line[0]);
        glyph->arrow = TRUE;
        memcpy (glyph->arrowhead,
                (double[6]) { tip, mid_y, tip - length, mid_y - half, tip - length, mid_y + half },
                sizeof glyph->arrowhead);
      }
      break;
    case LEGEND_SHAPE:
      glyph->n_nodes = 1;
      glyph->nodes[0] = (SceneNode) { x + w / 2, mid_y, 0.55 * size, _ties_renderer_tie_color (self->style),
                                      entry->shape };
      break;
    case LEGEND_NODE_SIZE:
      glyph->n_nodes = 2;
      glyph->nodes[0] = (SceneNode) { x + 0.22 * w, mid_y, 0.25 * size, _ties_renderer_tie_color (self->style),
                                      TIES_ACTOR_PERSON };
      glyph->nodes[1] = (SceneNode) { x + 0.68 * w, mid_y, 0.7 * size, _ties_renderer_tie_color (self->style),
                                      TIES_ACTOR_PERSON };
      break;
    case LEGEND_COLOR:
      glyph->n_nodes = 1;
      glyph->nodes[0] = (SceneNode) { x + w / 2, mid_y, 0.42 * size, entry->color, TIES_ACTOR_PERSON };
      break;
    case LEGEND_HEADING:
    default:
      break;
    }
}

/* At @chrome units a legend unit. */
static void
draw_legend (TiesScene   *self,
             cairo_t     *cr,
             const Frame *frame,
             double       chrome)
{
  double size = LEGEND_SIZE;

  g_assert (self != NULL);

  /* Laid out at its own size, drawn at the chrome's. */
  cairo_save (cr);
  cairo_translate (cr, frame->legend_x, frame->legend_y);
  cairo_scale (cr, chrome, chrome);

  for (guint i = 0; i < self->legend->len; i++)
    {
      LegendEntry *entry = &g_array_index (self->legend, LegendEntry, i);
      double row_x = frame->legend_xy[2 * i];
      double mid_y = frame->legend_xy[2 * i + 1] + self->legend_row / 2;
      gboolean plain = entry->symbol != LEGEND_LINE;
      LegendGlyph glyph;
      double x, y, w, h;

      _ties_renderer_legend_glyph (self, entry, row_x, mid_y, &glyph);
      if (glyph.n_lines > 0 || glyph.arrow)
        set_tie_color (self, cr, plain ? SUPPORT_USUAL : entry->support, FALSE);
      for (guint l = 0; l < glyph.n_lines; l++)
        {
          set_tie_line (cr, plain ? SUPPORT_USUAL : entry->support,
                        _ties_renderer_legend_line (entry, &glyph, l), glyph.line_width[l]);
          cairo_move_to (cr, glyph.line[l][0], glyph.line[l][1]);
          cairo_line_to (cr, glyph.line[l][2], glyph.line[l][3]);
          cairo_stroke (cr);
        }
      if (glyph.arrow)
        {
          cairo_move_to (cr, glyph.arrowhead[0], glyph.arrowhead[1]);
          cairo_line_to (cr, glyph.arrowhead[2], glyph.arrowhead[3]);
          cairo_line_to (cr, glyph.arrowhead[4], glyph.arrowhead[5]);
          cairo_close_path (cr);
          cairo_fill (cr);
        }
      for (guint n = 0; n < glyph.n_nodes; n++)
        {
          node_path (cr, &glyph.nodes[n]);
          set_color (cr, glyph.nodes[n].color, 1.0);
          cairo_fill (cr);
        }

      _ties_renderer_layout_box (entry->layout, size, &x, &y, &w, &h);
      draw_text (self, cr, entry->layout,
                 row_x + (entry->symbol == LEGEND_HEADING ? 0 : LEGEND_TEXT_X),
                 mid_y - h / 2 - y, size, 1.0, 1.0);
    }

  cairo_restore (cr);
}

void
ties_scene_draw (TiesScene *self,
                 cairo_t   *cr,
                 double     width,
                 double     height)
{
  const Frame *frame;
  double s, tx, ty;
  Box guard;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  /* A context in an error state draws nothing; its status is the
   * caller's to report (exports turn it into a GError). */
  if (!(width > 0 && height > 0) || !isfinite (width) || !isfinite (height)
      || cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    return;

  cairo_save (cr);

  if (self->solid_background)
    {
      set_color (cr, _ties_renderer_background_color (self->style), 1.0);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }

  frame = _ties_renderer_choose_frame (self, width, height, &s, &tx, &ty);
  /* _ties_renderer_choose_frame() keeps these finite and the scale
   * positive, from scene geometry that is bounded; a matrix cairo cannot
   * invert would put @cr in an error state for good. */
  if (!isfinite (s) || !(s > 0) || !isfinite (tx) || !isfinite (ty))
    {
      cairo_restore (cr);
      return;
    }
  /* Curves flattened to a quarter of a device pixel rather than cairo's
   * tenth: no visible difference, and fewer segments for every node,
   * round cap and dot of a large drawing. */
  cairo_set_tolerance (cr, 0.25);
  cairo_translate (cr, tx, ty);
  cairo_scale (cr, s, s);

  /* The area drawn into, in diagram units, and as much again around it
   * (the clip is the target's, or the caller's). */
  {
    double x0, y0, x1, y1, w, h;

    cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
    if (!(x1 > x0 && y1 > y0) || !isfinite (x1 - x0) || !isfinite (y1 - y0))
      {
        x0 = -tx / s;
        y0 = -ty / s;
        x1 = (width - tx) / s;
        y1 = (height - ty) / s;
      }
    w = x1 - x0;
    h = y1 - y0;
    guard = (Box) { x0 - w, y0 - h, x1 + w, y1 + h };
  }

  draw_rings (self, cr, &guard);

  /* Ties under nodes, nodes under labels; dimmed parts first, so the
   * highlighted ones are drawn over them. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->edges->len; i++)
      {
        SceneEdge *edge = &g_array_index (self->edges, SceneEdge, i);

        if (edge->dim == (pass == 0))
          draw_edge (self, cr, edge, &guard);
      }

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->nodes->len; i++)
      {
        SceneNode *node = &g_array_index (self->nodes, SceneNode, i);

        if (node->dim == (pass == 0) && !node->hidden)
          draw_node (self, cr, node, &guard);
      }

  for (guint i = 0; i < self->labels->len; i++)
    {
      SceneLabel *label = g_ptr_array_index (self->labels, i);
      SceneNode *node = &g_array_index (self->nodes, SceneNode, label->node);

      double alpha = node->dim ? DIM_ALPHA : 1.0;
      double r = MIN (label->height / 2, 4.0 * self->label_scale);
      double x0 = label->x, y0 = label->y;
      double x1 = label->x + label->width, y1 = label->y + label->height;

      /* A label smaller than a pixel is a smudge, backdrop and all. */
      if (LABEL_SIZE * self->label_scale * device_scale (cr) < MIN_TEXT_PX)
        break;
      if (!box_meets (&guard, x0, y0, x1, y1))
        continue;

      /* A soft backdrop in the background colour keeps a label legible
       * over the ties it crosses. It replaced a stroked outline of the
       * glyphs, which looked alike but cost a path of every glyph's
       * outline: a third of an SVG's bytes and of its drawing time. */
      cairo_new_sub_path (cr);
      cairo_arc (cr, x1 - r, y0 + r, r, -G_PI / 2, 0);
      cairo_arc (cr, x1 - r, y1 - r, r, 0, G_PI / 2);
      cairo_arc (cr, x0 + r, y1 - r, r, G_PI / 2, G_PI);
      cairo_arc (cr, x0 + r, y0 + r, r, G_PI, 3 * G_PI / 2);
      cairo_close_path (cr);
      set_color (cr, _ties_renderer_background_color (self->style), alpha * 0.78);
      cairo_fill (cr);

      draw_text (self, cr, label->layout, label->x + label->ox, label->y + label->oy,
                 LABEL_SIZE, self->label_scale, alpha);
    }

  if (self->legend->len > 0 && !self->legend_apart
      && box_meets (&guard, frame->legend_x, frame->legend_y,
                    frame->legend_x + frame->legend_width * self->chrome,
                    frame->legend_y + frame->legend_height * self->chrome))
    draw_legend (self, cr, frame, self->chrome);
  if (self->title_layout != NULL && layout_meets (self->title_layout, TITLE_SIZE, &guard, frame->title_x, frame->title_y, self->chrome))
    draw_text (self, cr, self->title_layout, frame->title_x, frame->title_y, TITLE_SIZE, self->chrome, 1.0);
  if (self->caption_layout != NULL && layout_meets (self->caption_layout, CAPTION_SIZE, &guard, frame->caption_x, frame->caption_y, self->chrome))
    draw_text (self, cr, self->caption_layout, frame->caption_x, frame->caption_y, CAPTION_SIZE, self->chrome, 0.8);

  cairo_restore (cr);
}

/* Accessors */

guint
ties_scene_get_n_legend_entries (TiesScene *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->legend->len;
}

const char *
ties_scene_get_legend_text (TiesScene *self,
                            guint      index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->legend->len, NULL);

  return pango_layout_get_text (g_array_index (self->legend, LegendEntry, index).layout);
}

gboolean
ties_scene_get_legend_size (TiesScene *self,
                            double    *width,
                            double    *height)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!self->legend_apart || self->legend->len == 0)
    return FALSE;
  if (width != NULL)
    *width = self->apart.legend_width;
  if (height != NULL)
    *height = self->apart.legend_height;

  return TRUE;
}

void
ties_scene_draw_legend (TiesScene *self,
                        cairo_t   *cr)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  if (!self->legend_apart || self->legend->len == 0)
    return;

  /* On the drawing's background, wherever it is shown (a popover's may
   * be dark under a light drawing), at 1:1 whatever scale the drawing's
   * text is set for. */
  set_color (cr, _ties_renderer_background_color (self->style), 1.0);
  cairo_paint (cr);
  draw_legend (self, cr, &self->apart, 1.0);
}

gboolean
ties_scene_has_whole_label (TiesScene *self,
                            guint      node)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->labels->len; i++)
    {
      SceneLabel *label = g_ptr_array_index (self->labels, i);

      if (label->node == node)
        return !pango_layout_is_ellipsized (label->layout);
    }

  return FALSE;
}

guint
ties_scene_get_n_labels (TiesScene *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->labels->len;
}

gboolean
ties_scene_get_label (TiesScene   *self,
                      guint        index,
                      const char **text,
                      guint       *node,
                      double      *x,
                      double      *y,
                      double      *width,
                      double      *height)
{
  SceneLabel *label;

  g_return_val_if_fail (self != NULL, FALSE);

  if (index >= self->labels->len)
    return FALSE;

  label = g_ptr_array_index (self->labels, index);
  if (text != NULL)
    *text = label->text;
  if (node != NULL)
    *node = label->node;
  if (x != NULL)
    *x = label->x;
  if (y != NULL)
    *y = label->y;
  if (width != NULL)
    *width = label->width;
  if (height != NULL)
    *height = label->height;

  return TRUE;
}

guint32
ties_scene_get_node_color (TiesScene *self,
                           guint      node)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (node < self->nodes->len, 0);

  return g_array_index (self->nodes, SceneNode, node).color;
}

gboolean
ties_scene_get_solid_background (TiesScene *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->solid_background;
}

const char *
ties_scene_get_title (TiesScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

