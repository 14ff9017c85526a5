/* ties-diagram-view-draw.c: where the diagram view draws, and what it
 * draws: the scene's cached picture, moved and scaled by pan and zoom,
 * and the selection, hover, focus and drag drawn over it each frame
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ties-diagram-view-private.h"
#include "ties-graph.h"
#include "ties-renderer.h"

#define HIT_SLOP 3.0           /* pixels around a node that still hit it */
#define TIE_TOLERANCE 4.0      /* pixels from a tie's centre line */

/* Geometry */

double
_ties_diagram_view_widget_width (TiesDiagramView *self)
{
  return gtk_widget_get_width (GTK_WIDGET (self));
}

double
_ties_diagram_view_widget_height (TiesDiagramView *self)
{
  return gtk_widget_get_height (GTK_WIDGET (self));
}

/* The inset at the top, at most a third of the view: a short view
 * still shows the diagram. */
double
_ties_diagram_view_top_inset (TiesDiagramView *self)
{
  return MIN (self->top_inset, _ties_diagram_view_widget_height (self) / 3);
}

/* Widget = centre + zoom × (fitted − centre) + pan, where "fitted" is
 * where the scene draws a point fitted into the widget. Returns the
 * total scale of diagram units to pixels. */
double
_ties_diagram_view_view_transform (TiesDiagramView *self,
                                   double          *tx,
                                   double          *ty)
{
  double w = _ties_diagram_view_widget_width (self), h = _ties_diagram_view_widget_height (self);
  double top = _ties_diagram_view_top_inset (self);
  double s = 1, fx = 0, fy = 0;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  if (self->scene != NULL && w > 0 && h - top > 0)
    {
      ties_scene_get_transform (self->scene, w, h - top, &s, &fx, &fy);
      fy += top;
    }

  *tx = w / 2 + self->zoom * (fx - w / 2) + self->pan_x;
  *ty = h / 2 + self->zoom * (fy - h / 2) + self->pan_y;

  return s * self->zoom;
}

static void
to_diagram (TiesDiagramView *self,
            double           x,
            double           y,
            double          *dx,
            double          *dy)
{
  double tx, ty, s = _ties_diagram_view_view_transform (self, &tx, &ty);

  *dx = (x - tx) / s;
  *dy = (y - ty) / s;
}

void
_ties_diagram_view_to_widget (TiesDiagramView *self,
                              double           dx,
                              double           dy,
                              double          *x,
                              double          *y)
{
  double tx, ty, s = _ties_diagram_view_view_transform (self, &tx, &ty);

  *x = tx + dx * s;
  *y = ty + dy * s;
}

guint
_ties_diagram_view_hit_node (TiesDiagramView *self,
                             double           x,
                             double           y)
{
  double dx, dy, tx, ty, s;

  if (self->scene == NULL)
    return G_MAXUINT;

  s = _ties_diagram_view_view_transform (self, &tx, &ty);
  to_diagram (self, x, y, &dx, &dy);

  return ties_scene_hit_node (self->scene, dx, dy, HIT_SLOP / s);
}

guint
_ties_diagram_view_hit_edge (TiesDiagramView *self,
                             double           x,
                             double           y)
{
  double dx, dy, tx, ty, s;

  if (self->scene == NULL)
    return G_MAXUINT;

  s = _ties_diagram_view_view_transform (self, &tx, &ty);
  to_diagram (self, x, y, &dx, &dy);

  return ties_scene_hit_edge (self->scene, dx, dy, TIE_TOLERANCE / s);
}

const char *
_ties_diagram_view_node_id (TiesDiagramView *self,
                            guint            node)
{
  if (self->graph == NULL || node >= self->graph->nodes->len)
    return NULL;

  return ties_graph_node (self->graph, node)->id;
}

TiesActor *
_ties_diagram_view_node_actor (TiesDiagramView *self,
                               guint            node)
{
  const char *id = _ties_diagram_view_node_id (self, node);

  if (id == NULL || self->document == NULL)
    return NULL;

  return ties_document_lookup_actor (self->document, id);
}

/* Drawing */

void
_ties_diagram_view_invalidate_cache (TiesDiagramView *self)
{
  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  g_clear_pointer (&self->cache, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_ties_diagram_view_rebuild_scene (TiesDiagramView *self)
{
  TiesRenderOptions options;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  g_clear_handle_id (&self->rescene_source, g_source_remove);
  ties_render_options_init (&options);
  /* Text set for the scale it was last drawn at: a new scene's labels
   * are placed once, not placed and then placed again by
   * sync_text_scale(). */
  if (self->scene != NULL)
    options.text_scale = ties_scene_get_text_scale (self->scene);
  g_clear_pointer (&self->scene, ties_scene_free);
  if (self->graph != NULL && self->document != NULL)
    {
      self->n_scenes++;
      options.style = self->style;
      options.solid_background = FALSE;
      options.caption = "";
      options.highlighted_events = self->highlighted_events;
      options.as_of = self->as_of;
      options.recent_from = self->recent_from;
      options.mark_weak_ties = self->mark_weak_ties;
      options.communities = self->communities;
      /* Shown in the window's Legend popover, at its own size, rather
       * than taking room from the drawing; laid out once asked for. */
      options.legend = FALSE;
      options.legend_apart = self->legend_wanted;
      self->scene = ties_scene_new (self->document, self->network, self->graph, &options);
    }

  if (self->scene == NULL || self->hover_node >= ties_scene_get_n_nodes (self->scene)
      || !ties_scene_node_is_drawn (self->scene, self->hover_node))
    self->hover_node = G_MAXUINT;
  if (self->scene == NULL || self->focus_node >= ties_scene_get_n_nodes (self->scene)
      || !ties_scene_node_is_drawn (self->scene, self->focus_node))
    self->focus_node = G_MAXUINT;

  _ties_diagram_view_invalidate_cache (self);
}

/* The scene made again with its legend, the first time it is asked
 * for: laying out its texts was some 3 ms of the 8 that setting the
 * window's first network took, for a legend seen only in a popover. */
static void
want_legend (TiesDiagramView *self)
{
  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  if (self->legend_wanted)
    return;

  self->legend_wanted = TRUE;
  if (self->scene != NULL)
    _ties_diagram_view_rebuild_scene (self);
}

gboolean
ties_diagram_view_get_legend_size (TiesDiagramView *self,
                                   double          *width,
                                   double          *height)
{
  g_return_val_if_fail (TIES_IS_DIAGRAM_VIEW (self), FALSE);

  want_legend (self);
  return self->scene != NULL && ties_scene_get_legend_size (self->scene, width, height);
}

void
ties_diagram_view_draw_legend (TiesDiagramView *self,
                               cairo_t         *cr,
                               double           padding)
{
  g_return_if_fail (TIES_IS_DIAGRAM_VIEW (self));

  want_legend (self);
  if (self->scene == NULL)
    return;
  cairo_save (cr);
  cairo_translate (cr, padding, padding);
  ties_scene_draw_legend (self->scene, cr);
  cairo_restore (cr);
}

char *
ties_diagram_view_dup_legend_text (TiesDiagramView *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (TIES_IS_DIAGRAM_VIEW (self), NULL);

  want_legend (self);
  for (guint i = 0; self->scene != NULL && i < ties_scene_get_n_legend_entries (self->scene); i++)
    {
      if (i > 0)
        g_string_append (text, "; ");
      g_string_append (text, ties_scene_get_legend_text (self->scene, i));
    }

  return g_string_free (text, FALSE);
}

/* Where the scene lands at the current zoom and pan: the fitted area
 * (the widget's) scaled about the centre and moved, grown a little for
 * antialiasing. */
static graphene_rect_t
scene_rect (TiesDiagramView *self,
            int              width,
            int              height)
{
  double w = width * self->zoom, h = height * self->zoom;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  return GRAPHENE_RECT_INIT (width / 2.0 + self->pan_x - w / 2 - 2,
                             height / 2.0 + self->pan_y - h / 2 - 2,
                             w + 4, h + 4);
}

/* Names and legend keep their size in pixels whatever the zoom: the
 * scene lays them out again for the scale it is drawn at, which moves
 * the fit a little, so a second pass settles it. */
static void
sync_text_scale (TiesDiagramView *self)
{
  int width = (int) _ties_diagram_view_widget_width (self);
  int height = (int) (_ties_diagram_view_widget_height (self) - _ties_diagram_view_top_inset (self));

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  if (self->thinned_scene == self->n_scenes && self->thinned_width == width
      && self->thinned_height == height && self->thinned_zoom == self->zoom)
    return;

  for (guint pass = 0; pass < 3 && self->graph != NULL && self->document != NULL; pass++)
    {
      double tx, ty, s = _ties_diagram_view_view_transform (self, &tx, &ty);

      if (fabs (s - ties_scene_get_text_scale (self->scene)) <= 0.02 * s)
        break;
      ties_scene_set_text_scale (self->scene, self->document, self->graph, s);
    }
  /* A narrow view names fewer actors rather than shrink them to a speck. */
  self->thinned_scene = 0;
  if (self->graph != NULL && self->document != NULL
      && ties_scene_keep_drawing_large (self->scene, self->document, self->graph, width, height))
    {
      self->thinned_scene = self->n_scenes;
      self->thinned_width = width;
      self->thinned_height = height;
      self->thinned_zoom = self->zoom;
    }
}

/* The picture a cached node paints, kept with the node's surface. */
static const cairo_user_data_key_t picture_key;

/* Draws the scene at the current zoom and pan into a picture of what a
 * pan can bring into view: the whole diagram when it fits (zoom 1 and
 * below, so that panning never draws again), else the widget grown by
 * half its size on each side. */
static void
draw_static (TiesDiagramView *self,
             int              width,
             int              height,
             int              scale)
{
  g_autoptr(GtkSnapshot) snapshot = NULL;
  graphene_rect_t scene = scene_rect (self, width, height);
  graphene_rect_t reach = GRAPHENE_RECT_INIT (-width / 2.0, -height / 2.0, 2.0 * width, 2.0 * height);
  graphene_rect_t rect;
  cairo_surface_t *surface;
  cairo_t *cr;
  int x0, y0, x1, y1;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  sync_text_scale (self);
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  if (!graphene_rect_intersection (&scene, &reach, &rect))
    rect = GRAPHENE_RECT_INIT (0, 0, 1, 1);
  /* Whole pixels, so the picture is put down without resampling. */
  x0 = (int) floor (rect.origin.x);
  y0 = (int) floor (rect.origin.y);
  x1 = (int) ceil (rect.origin.x + rect.size.width);
  y1 = (int) ceil (rect.origin.y + rect.size.height);
  self->cache_rect = GRAPHENE_RECT_INIT (x0, y0, MAX (x1 - x0, 1), MAX (y1 - y0, 1));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) self->cache_rect.size.width * scale,
                                        (int) self->cache_rect.size.height * scale);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -x0, -y0);
  /* The scene fits itself into the widget; zoom and pan act around it. */
  cairo_translate (cr, width / 2.0 + self->pan_x, height / 2.0 + self->pan_y);
  cairo_scale (cr, self->zoom, self->zoom);
  cairo_translate (cr, -width / 2.0, -height / 2.0);
  cairo_translate (cr, 0, _ties_diagram_view_top_inset (self));
  ties_scene_draw (self->scene, cr, width, height - _ties_diagram_view_top_inset (self));
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* A node that paints the picture, kept from frame to frame: the cairo
   * renderer paints the image as it is (a texture node would be copied
   * into a new image each frame), and the GL renderer uploads it once. */
  cairo_surface_set_device_scale (surface, scale, scale);
  snapshot = gtk_snapshot_new ();
  cr = gtk_snapshot_append_cairo (snapshot, &self->cache_rect);
  cairo_set_source_surface (cr, surface, x0, y0);
  cairo_paint (cr);
  /* The node's surface keeps the picture as long as it lives: let go
   * first, the picture would be copied for the node (cairo snapshots a
   * source a recording paints), some 4 ms of the window's first frame. */
  if (cairo_surface_set_user_data (cairo_get_target (cr), &picture_key, surface,
                                   (cairo_destroy_func_t) cairo_surface_destroy) != CAIRO_STATUS_SUCCESS)
    cairo_surface_destroy (surface);
  cairo_destroy (cr);
  self->cache = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));

  self->cache_width = width;
  self->cache_height = height;
  self->cache_scale = scale;
  self->cache_zoom = self->zoom;
  self->cache_pan_x = self->pan_x;
  self->cache_pan_y = self->pan_y;
  self->n_renders++;
}

/* Whether the cached picture, moved by the pan since, still holds all
 * of the diagram that is in view. */
static gboolean
cache_covers (TiesDiagramView *self,
              int              width,
              int              height)
{
  graphene_rect_t scene = scene_rect (self, width, height);
  graphene_rect_t view = GRAPHENE_RECT_INIT (0, 0, width, height);
  graphene_rect_t shown, moved;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  if (!graphene_rect_intersection (&scene, &view, &shown))
    return TRUE;
  graphene_rect_offset_r (&self->cache_rect,
                          round (self->pan_x - self->cache_pan_x),
                          round (self->pan_y - self->cache_pan_y), &moved);
  /* Rounding may cost the outermost pixel of the antialiasing margin. */
  graphene_rect_inset (&shown, 1, 1);

  return graphene_rect_contains_rect (&moved, &shown);
}

/* The accent colour of the theme, as each frame is drawn: libadwaita
 * 1.2 has no accent API, its stylesheet names the colour (dark, light
 * and high contrast each their own). */
static void
get_accent (TiesDiagramView *self,
            GdkRGBA         *accent)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  if (!gtk_style_context_lookup_color (context, "accent_color", accent))
    {
      /* Without libadwaita's stylesheet: its accent blue, lighter on dark. */
      gdk_rgba_parse (accent, self->style == TIES_STYLE_DARK ? "#78aeed" : "#1c71d8");
    }
}

static void
ring_node (TiesDiagramView *self,
           cairo_t         *cr,
           guint            node,
           double           scale,
           double           gap,
           double           width,
           const double    *dash,
           int              n_dash)
{
  double x, y, r;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  /* Not begun as of Play's month: nothing there to ring. */
  if (!ties_scene_node_is_drawn (self->scene, node))
    return;

  ties_scene_get_node (self->scene, node, &x, &y, &r);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r + gap / scale, 0, 2 * G_PI);
  cairo_set_line_width (cr, width / scale);
  cairo_set_dash (cr, dash, n_dash, 0);
  cairo_stroke (cr);
}

/* The name of a node whose label is left out or shortened, beside it
 * on a backdrop, in the widget's font: hovered, focused or selected,
 * every actor can be named. In widget coordinates. */
static void
name_node (TiesDiagramView *self,
           cairo_t         *cr,
           guint            node)
{
  TiesActor *actor = _ties_diagram_view_node_actor (self, node);
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle ink, logical;
  double x, y, r, tx, ty, s, lx, ly;
  GdkRGBA background = { 1, 1, 1, 0.92 }, text = { 0, 0, 0, 0.87 };

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  if (actor == NULL || ties_scene_has_whole_label (self->scene, node) || !ties_scene_node_is_drawn (self->scene, node))
    return;

  if (self->style == TIES_STYLE_DARK)
    {
      background = (GdkRGBA) { 0.14, 0.14, 0.14, 0.92 };
      text = (GdkRGBA) { 1, 1, 1, 0.92 };
    }

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), ties_document_get_actor_name (self->document,
                                                                                           ties_actor_get_id (actor)));
  pango_layout_get_pixel_extents (layout, &ink, &logical);
  s = _ties_diagram_view_view_transform (self, &tx, &ty);
  ties_scene_get_node (self->scene, node, &x, &y, &r);
  lx = tx + (x + r) * s + 6;
  ly = ty + y * s - logical.height / 2.0;

  cairo_save (cr);
  cairo_rectangle (cr, lx - 4, ly - 2, logical.width + 8, logical.height + 4);
  gdk_cairo_set_source_rgba (cr, &background);
  cairo_fill (cr);
  cairo_move_to (cr, lx, ly);
  gdk_cairo_set_source_rgba (cr, &text);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static void
draw_overlay (TiesDiagramView *self,
              cairo_t         *cr)
{
  GdkRGBA accent;
  double tx, ty, s;
  guint selected = G_MAXUINT;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  get_accent (self, &accent);

  /* Names first, in widget coordinates. */
  if (!self->dragging)
    {
      guint named[] = { self->hover_node, G_MAXUINT, G_MAXUINT };

      if (self->focus_node != self->hover_node && gtk_widget_has_visible_focus (GTK_WIDGET (self)))
        named[1] = self->focus_node;
      if (self->selected_actor != NULL && self->graph != NULL)
        named[2] = ties_graph_lookup (self->graph, self->selected_actor);
      for (guint i = 0; i < G_N_ELEMENTS (named); i++)
        if (named[i] < ties_scene_get_n_nodes (self->scene)
            && (i != 2 || (named[2] != named[0] && named[2] != named[1])))
          name_node (self, cr, named[i]);
    }

  s = _ties_diagram_view_view_transform (self, &tx, &ty);
  cairo_translate (cr, tx, ty);
  cairo_scale (cr, s, s);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  if (self->selected_tie_a != NULL && self->graph != NULL)
    {
      guint a = ties_graph_lookup (self->graph, self->selected_tie_a);
      guint b = ties_graph_lookup (self->graph, self->selected_tie_b);

      for (guint i = 0; i < ties_scene_get_n_edges (self->scene); i++)
        {
          guint ea, eb;

          ties_scene_get_edge (self->scene, i, &ea, &eb);
          if ((ea == a && eb == b) || (ea == b && eb == a))
            {
              ties_scene_append_edge_path (self->scene, cr, i);
              cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.45);
              cairo_set_line_width (cr, 7 / s);
              cairo_stroke (cr);
            }
        }
    }

  if (self->selected_actor != NULL && self->graph != NULL)
    selected = ties_graph_lookup (self->graph, self->selected_actor);
  if (selected != G_MAXUINT)
    {
      gdk_cairo_set_source_rgba (cr, &accent);
      ring_node (self, cr, selected, s, 3, 3, NULL, 0);
    }

  if (self->hover_node != G_MAXUINT && self->hover_node != selected && !self->dragging)
    {
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.5);
      ring_node (self, cr, self->hover_node, s, 2.5, 2, NULL, 0);
    }

  /* Keyboard focus, shown as GTK shows it: after keyboard use. */
  if (self->focus_node != G_MAXUINT && gtk_widget_has_visible_focus (GTK_WIDGET (self)))
    {
      static const double dash[] = { 4, 3 };
      double scaled[2] = { dash[0] / s, dash[1] / s };

      gdk_cairo_set_source_rgba (cr, &accent);
      ring_node (self, cr, self->focus_node, s, 6, 1.5, scaled, 2);
    }

  /* The node being dragged follows the pointer, with its ties. */
  if (self->dragging && self->drag_mode == DRAG_NODE)
    {
      double x, y, r, nx, ny;
      guint32 color = ties_scene_get_node_color (self->scene, self->drag_node);

      ties_scene_get_node (self->scene, self->drag_node, &x, &y, &r);
      nx = x + self->drag_dx / s;
      ny = y + self->drag_dy / s;

      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.6);
      cairo_set_line_width (cr, 1.5 / s);
      for (guint i = 0; i < self->graph->edges->len; i++)
        {
          TiesGraphEdge *edge = ties_graph_edge (self->graph, i);
          guint other;
          double ox, oy;

          if (edge->source == self->drag_node)
            other = edge->target;
          else if (edge->target == self->drag_node)
            other = edge->source;
          else
            continue;
          ties_scene_get_node (self->scene, other, &ox, &oy, NULL);
          cairo_move_to (cr, nx, ny);
          cairo_line_to (cr, ox, oy);
        }
      cairo_stroke (cr);

      cairo_new_sub_path (cr);
      cairo_arc (cr, nx, ny, r, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, ((color >> 16) & 0xff) / 255.0,
                             ((color >> 8) & 0xff) / 255.0, (color & 0xff) / 255.0, 0.85);
      cairo_fill_preserve (cr);
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_set_line_width (cr, 2 / s);
      cairo_stroke (cr);
    }
}

void
_ties_diagram_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  TiesDiagramView *self = (TiesDiagramView *) widget;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  cairo_t *cr;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  if (self->scene == NULL || width <= 0 || height <= 0)
    return;

  /* Drawn again for a new size, a zoom that has come to rest, or a pan
   * beyond the picture; otherwise the picture is moved (and scaled,
   * while a zoom goes on). */
  if (self->cache == NULL
      || self->cache_width != width || self->cache_height != height
      || self->cache_scale != scale
      || (self->cache_zoom == self->zoom && !cache_covers (self, width, height)))
    draw_static (self, width, height, scale);

  gtk_snapshot_save (snapshot);
  if (self->cache_zoom == self->zoom)
    {
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (round (self->pan_x - self->cache_pan_x),
                                                    round (self->pan_y - self->cache_pan_y)));
    }
  else
    {
      /* widget = centre + pan + zoom / cache_zoom × (cached − centre − cache_pan) */
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width / 2.0 + self->pan_x,
                                                              height / 2.0 + self->pan_y));
      gtk_snapshot_scale (snapshot, self->zoom / self->cache_zoom, self->zoom / self->cache_zoom);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-width / 2.0 - self->cache_pan_x,
                                                              -height / 2.0 - self->cache_pan_y));
    }
  gtk_snapshot_append_node (snapshot, self->cache);
  gtk_snapshot_restore (snapshot);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_overlay (self, cr);
  cairo_destroy (cr);
}
