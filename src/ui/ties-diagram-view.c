/* ties-diagram-view.c: the relationship diagram, live
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "ties-diagram-view-private.h"
#include "ties-graph.h"
#include "ties-layout-job.h"
#include "ties-renderer.h"
#include "ties-timing.h"

/* Above this many actors the layout runs in a worker thread, and edits
 * are not animated (a scene per frame would cost more than it shows). */
#define LARGE_GRAPH 500

/* A large scene is drawn again this long after the last keystroke in a
 * name, not after each: drawing it takes longer than a keystroke may. */
#define LARGE_RESCENE_DELAY_MS 300
#define ANIMATION_USEC (250 * G_TIME_SPAN_MILLISECOND)
#define MIN_ZOOM 0.25
#define MAX_ZOOM 16.0
#define ZOOM_STEP 1.25
#define DRAG_THRESHOLD 3.0     /* pixels before a press becomes a drag */
#define HIT_SLOP 3.0           /* pixels around a node that still hit it */
#define TIE_TOLERANCE 4.0      /* pixels from a tie's centre line */
#define SCROLL_STEP 40.0       /* pixels per scroll wheel step */
#define MAX_TOOLTIP_EVENTS 12
/* After a scroll or pinch zoom, the cached picture is scaled until the
 * zoom rests this long, then drawn again sharp. */
#define ZOOM_SETTLE_MS 150

typedef enum {
  DRAG_NONE,
  DRAG_PAN,
  DRAG_NODE,
} DragMode;

struct _TiesDiagramView
{
  GtkWidget parent_instance;

  TiesNetwork *network;
  TiesDocument *document;
  gulong network_changed_handler;
  gulong document_changed_handler;
  guint rederive_source;
  guint rescene_source;

  /* For tests: layouts started and scenes built. */
  guint n_layouts;
  guint n_scenes;

  /* What is shown: the laid-out graph (positions as drawn, mid-animation
   * too) and its scene, with the scene's picture cached for this size
   * and zoom: panning moves the picture (a transform in the snapshot),
   * it does not draw the scene again. The picture covers cache_rect, in
   * widget coordinates as they were at cache_pan. */
  TiesGraph *graph;
  TiesScene *scene;
  gboolean mark_weak_ties;
  GskRenderNode *cache;
  graphene_rect_t cache_rect;
  int cache_width;
  int cache_height;
  int cache_scale;
  double cache_zoom;
  double cache_pan_x;
  double cache_pan_y;
  guint zoom_settle_source;
  guint n_renders;                  /* for tests: pictures drawn */
  GHashTable *highlighted_events;   /* TiesEvent set, or NULL */
  TiesStyle style;

  /* Easing from the old places to the new after an edit. */
  double *from_x;
  double *from_y;
  double *to_x;
  double *to_y;
  gint64 animation_start;
  guint tick_id;

  /* A large layout in a worker thread. */
  GCancellable *layout_cancellable;
  gboolean busy;

  double zoom;
  double pan_x;
  double pan_y;
  double zoom_start;              /* when a pinch began */

  DragMode drag_mode;
  guint drag_node;
  double drag_start_x;
  double drag_start_y;
  double drag_dx;
  double drag_dy;
  double pan_start_x;
  double pan_start_y;
  gboolean dragging;

  guint hover_node;
  guint focus_node;
  char *selected_actor;
  char *selected_tie_a;
  char *selected_tie_b;

  /* The window's selection, which the view follows and selects through;
   * quiet while the view follows it or selects in steps, so that the
   * window hears once, or not at all. */
  TiesSelection *shared_selection;
  guint quiet;

  /* The view's layout or focus changed: lay out anew, not from the
   * places shown. */
  gboolean fresh_layout;
};

G_DEFINE_FINAL_TYPE (TiesDiagramView, ties_diagram_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_NETWORK,
  PROP_ZOOM,
  PROP_BUSY,
  PROP_SELECTED_ACTOR,
  PROP_SELECTED_TIE_A,
  PROP_SELECTED_TIE_B,
  PROP_MARK_WEAK_TIES,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void ties_diagram_view_rederive (TiesDiagramView *self);
static void publish_selection          (TiesDiagramView *self);

/* Geometry */

static double
widget_width (TiesDiagramView *self)
{
  return gtk_widget_get_width (GTK_WIDGET (self));
}

static double
widget_height (TiesDiagramView *self)
{
  return gtk_widget_get_height (GTK_WIDGET (self));
}

/* Widget = centre + zoom × (fitted − centre) + pan, where "fitted" is
 * where the scene draws a point fitted into the widget. Returns the
 * total scale of diagram units to pixels. */
static double
view_transform (TiesDiagramView *self,
                double          *tx,
                double          *ty)
{
  double w = widget_width (self), h = widget_height (self);
  double s = 1, fx = 0, fy = 0;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  if (self->scene != NULL && w > 0 && h > 0)
    ties_scene_get_transform (self->scene, w, h, &s, &fx, &fy);

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
  double tx, ty, s = view_transform (self, &tx, &ty);

  *dx = (x - tx) / s;
  *dy = (y - ty) / s;
}

static void
to_widget (TiesDiagramView *self,
           double           dx,
           double           dy,
           double          *x,
           double          *y)
{
  double tx, ty, s = view_transform (self, &tx, &ty);

  *x = tx + dx * s;
  *y = ty + dy * s;
}

static guint
hit_node (TiesDiagramView *self,
          double           x,
          double           y)
{
  double dx, dy, tx, ty, s;

  if (self->scene == NULL)
    return G_MAXUINT;

  s = view_transform (self, &tx, &ty);
  to_diagram (self, x, y, &dx, &dy);

  return ties_scene_hit_node (self->scene, dx, dy, HIT_SLOP / s);
}

static guint
hit_edge (TiesDiagramView *self,
          double           x,
          double           y)
{
  double dx, dy, tx, ty, s;

  if (self->scene == NULL)
    return G_MAXUINT;

  s = view_transform (self, &tx, &ty);
  to_diagram (self, x, y, &dx, &dy);

  return ties_scene_hit_edge (self->scene, dx, dy, TIE_TOLERANCE / s);
}

static const char *
node_id (TiesDiagramView *self,
         guint            node)
{
  if (self->graph == NULL || node >= self->graph->nodes->len)
    return NULL;

  return ties_graph_node (self->graph, node)->id;
}

static TiesActor *
node_actor (TiesDiagramView *self,
            guint            node)
{
  const char *id = node_id (self, node);

  if (id == NULL || self->document == NULL)
    return NULL;

  return ties_document_lookup_actor (self->document, id);
}

/* Drawing */

static void
invalidate_cache (TiesDiagramView *self)
{
  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  g_clear_pointer (&self->cache, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
rebuild_scene (TiesDiagramView *self)
{
  TiesRenderOptions options;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  g_clear_handle_id (&self->rescene_source, g_source_remove);
  g_clear_pointer (&self->scene, ties_scene_free);
  if (self->graph != NULL && self->document != NULL)
    {
      self->n_scenes++;
      ties_render_options_init (&options);
      options.style = self->style;
      options.solid_background = FALSE;
      options.caption = "";
      options.highlighted_events = self->highlighted_events;
      options.mark_weak_ties = self->mark_weak_ties;
      self->scene = ties_scene_new (self->document, self->network, self->graph, &options);
    }

  if (self->scene == NULL || self->hover_node >= ties_scene_get_n_nodes (self->scene))
    self->hover_node = G_MAXUINT;
  if (self->scene == NULL || self->focus_node >= ties_scene_get_n_nodes (self->scene))
    self->focus_node = G_MAXUINT;

  invalidate_cache (self);
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
  ties_scene_draw (self->scene, cr, width, height);
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
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
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

  ties_scene_get_node (self->scene, node, &x, &y, &r);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r + gap / scale, 0, 2 * G_PI);
  cairo_set_line_width (cr, width / scale);
  cairo_set_dash (cr, dash, n_dash, 0);
  cairo_stroke (cr);
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
  s = view_transform (self, &tx, &ty);
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

static void
ties_diagram_view_snapshot (GtkWidget   *widget,
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

static void
ties_diagram_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  TiesDiagramView *self = (TiesDiagramView *) widget;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  GTK_WIDGET_CLASS (ties_diagram_view_parent_class)->size_allocate (widget, width, height, baseline);

  if (width != self->cache_width || height != self->cache_height)
    g_clear_pointer (&self->cache, gsk_render_node_unref);
}

static void
ties_diagram_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  /* Any size: the diagram fits itself; it asks for room, not pixels. */
  *minimum = 100;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 480;
}

/* Style */

/* Dark or light, and high contrast: the scene's colours follow the
 * style manager, the accent the stylesheet it loads. */
static void
update_style (TiesDiagramView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  TiesStyle style = adw_style_manager_get_dark (manager) ? TIES_STYLE_DARK : TIES_STYLE_LIGHT;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  self->style = style;
  rebuild_scene (self);
}

static void
ties_diagram_view_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (ties_diagram_view_parent_class)->css_changed (widget, change);

  /* The stylesheet, and so perhaps the accent, changed. */
  gtk_widget_queue_draw (widget);
}

/* Accessibility */

static void
update_description (TiesDiagramView *self)
{
  g_autofree char *actors = NULL;
  g_autofree char *ties = NULL;
  g_autofree char *text = NULL;
  guint n_actors = self->graph != NULL ? self->graph->nodes->len : 0;
  guint n_ties = self->network != NULL ? g_list_model_get_n_items (ties_network_get_ties (self->network)) : 0;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  actors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u actor", "%u actors", n_actors), n_actors);
  ties = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u tie", "%u ties", n_ties), n_ties);
  /* Translators: "23 actors, 34 ties" */
  text = g_strdup_printf (_("%s, %s"), actors, ties);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

/* Animation */

static void
stop_animation (TiesDiagramView *self)
{
  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  g_clear_pointer (&self->from_x, g_free);
  g_clear_pointer (&self->from_y, g_free);
  g_clear_pointer (&self->to_x, g_free);
  g_clear_pointer (&self->to_y, g_free);
}

static gboolean
animation_tick (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  TiesDiagramView *self = (TiesDiagramView *) widget;
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double t, e;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  if (self->animation_start == 0)
    self->animation_start = now;
  t = CLAMP ((double) (now - self->animation_start) / ANIMATION_USEC, 0.0, 1.0);
  e = 1 - pow (1 - t, 3);   /* ease out */

  for (guint i = 0; i < self->graph->nodes->len; i++)
    {
      TiesGraphNode *node = ties_graph_node (self->graph, i);

      node->x = self->from_x[i] + (self->to_x[i] - self->from_x[i]) * e;
      node->y = self->from_y[i] + (self->to_y[i] - self->from_y[i]) * e;
    }
  rebuild_scene (self);

  if (t >= 1)
    {
      self->tick_id = 0;
      stop_animation (self);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/* Replaces the shown graph with @graph, laid out, easing each node from
 * where the old graph showed it. */
static void
install_graph (TiesDiagramView *self,
               TiesGraph       *graph)
{
  g_autoptr(TiesGraph) old = self->graph;
  gboolean animate;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));
  g_assert (graph != NULL);

  stop_animation (self);
  self->graph = graph;

  animate = old != NULL
            && graph->nodes->len <= LARGE_GRAPH
            && gtk_widget_get_mapped (GTK_WIDGET (self));

  if (animate)
    {
      gboolean moves = FALSE;
      guint n = graph->nodes->len;

      self->from_x = g_new (double, n);
      self->from_y = g_new (double, n);
      self->to_x = g_new (double, n);
      self->to_y = g_new (double, n);
      for (guint i = 0; i < n; i++)
        {
          TiesGraphNode *node = ties_graph_node (graph, i);
          guint before = ties_graph_lookup (old, node->id);

          self->to_x[i] = node->x;
          self->to_y[i] = node->y;
          self->from_x[i] = before != G_MAXUINT ? ties_graph_node (old, before)->x : node->x;
          self->from_y[i] = before != G_MAXUINT ? ties_graph_node (old, before)->y : node->y;
          moves |= self->from_x[i] != self->to_x[i] || self->from_y[i] != self->to_y[i];
          node->x = self->from_x[i];
          node->y = self->from_y[i];
        }

      if (moves)
        {
          self->animation_start = 0;
          self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), animation_tick, NULL, NULL);
        }
      else
        stop_animation (self);
    }

  rebuild_scene (self);
  update_description (self);
}

/* Layout */

static void
set_busy (TiesDiagramView *self,
          gboolean         busy)
{
  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  busy = !!busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
cancel_layout (TiesDiagramView *self)
{
  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  if (self->layout_cancellable != NULL)
    {
      g_cancellable_cancel (self->layout_cancellable);
      g_clear_object (&self->layout_cancellable);
    }
}

static void
layout_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TiesDiagramView) self = user_data;
  g_autoptr(TiesGraph) graph = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  graph = ties_layout_run_finish (result, &error);
  if (graph == NULL)
    return;   /* cancelled: a newer layout is on its way, or the view went */

  g_clear_object (&self->layout_cancellable);
  set_busy (self, FALSE);
  install_graph (self, g_steal_pointer (&graph));
}

/* Stops a long layout and shows the circle layout at once instead: it
 * takes milliseconds where a force layout of thousands takes seconds. */
void
ties_diagram_view_cancel_layout (TiesDiagramView *self)
{
  TiesLayoutRequest request;

  g_return_if_fail (TIES_IS_DIAGRAM_VIEW (self));

  if (!self->busy || self->network == NULL)
    return;

  cancel_layout (self);

  ties_layout_request_init (&request);
  request.layout = "circle";
  set_busy (self, FALSE);
  install_graph (self, ties_layout_run_request (self->network, &request));
}

/* The layout job (src/diagram/ties-layout-job.c) is the exports' too:
 * the graph installed here is the one they draw. */
static void
ties_diagram_view_rederive (TiesDiagramView *self)
{
  g_autoptr(TiesGraph) graph = NULL;
  TiesLayoutRequest request;
  TiesLayoutOptions options;
  gboolean needed;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  g_clear_handle_id (&self->rederive_source, g_source_remove);
  cancel_layout (self);

  if (self->network == NULL)
    {
      set_busy (self, FALSE);
      stop_animation (self);
      g_clear_pointer (&self->graph, ties_graph_free);
      rebuild_scene (self);
      update_description (self);
      return;
    }

  ties_layout_request_init (&request);
  request.shown = self->graph;
  request.fresh = self->fresh_layout;
  self->fresh_layout = FALSE;
  graph = ties_layout_prepare (self->network, &request, &options, &needed);

  if (needed && graph->nodes->len > LARGE_GRAPH)
    {
      self->layout_cancellable = g_cancellable_new ();
      self->n_layouts++;
      set_busy (self, TRUE);
      ties_layout_run_async (g_steal_pointer (&graph), &options, self->layout_cancellable,
                             layout_done, g_object_ref (self));
      return;
    }

  if (needed)
    {
      self->n_layouts++;
      ties_layout_run_sync (graph, &options);
    }
  set_busy (self, FALSE);
  install_graph (self, g_steal_pointer (&graph));
}

static gboolean
rederive_idle (gpointer data)
{
  TiesDiagramView *self = data;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  self->rederive_source = 0;
  ties_diagram_view_rederive (self);

  return G_SOURCE_REMOVE;
}

/* "changed" comes several times for one edit (the document's, the
 * events' store): the graph is derived once, before the next frame. */
static void
on_network_changed (TiesDiagramView *self)
{
  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  cancel_layout (self);
  if (self->rederive_source == 0)
    self->rederive_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rederive_idle, self, NULL);
}

static gboolean
rescene_idle (gpointer data)
{
  TiesDiagramView *self = data;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  self->rescene_source = 0;
  rebuild_scene (self);

  return G_SOURCE_REMOVE;
}

/* The network's "changed" covers the ties. Actors are the graph's nodes
 * and their places its layout's start, so adding, removing or moving
 * one derives the graph again; names, colours, kinds and affiliations
 * are only drawn, so they redraw the scene as laid out, as do evidence
 * and sources when weak ties are marked (they change how a tie is
 * drawn, never where); and titles, notes or an actor's role are not in
 * the diagram at all. */
static void
on_document_parts_changed (TiesDiagramView    *self,
                           TiesDocumentChange  changes,
                           TiesDocument       *document)
{
  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  if (changes & (TIES_DOCUMENT_CHANGE_ACTORS | TIES_DOCUMENT_CHANGE_ACTOR_PLACE))
    {
      on_network_changed (self);
    }
  else if ((changes & (TIES_DOCUMENT_CHANGE_ACTOR_LOOK | TIES_DOCUMENT_CHANGE_EVENT_KINDS))
           || (self->mark_weak_ties
               && (changes & (TIES_DOCUMENT_CHANGE_EVIDENCE | TIES_DOCUMENT_CHANGE_SOURCES))))
    {
      if (self->graph != NULL && self->graph->nodes->len > LARGE_GRAPH)
        {
          g_clear_handle_id (&self->rescene_source, g_source_remove);
          self->rescene_source = g_timeout_add_full (G_PRIORITY_HIGH_IDLE, LARGE_RESCENE_DELAY_MS,
                                                     rescene_idle, self, NULL);
        }
      else if (self->rescene_source == 0)
        {
          self->rescene_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rescene_idle, self, NULL);
        }
    }
}

/* Selection */

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

static void
select_tie (TiesDiagramView *self,
            const char      *a,
            const char      *b)
{
  gboolean changed_a, changed_b;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  changed_a = set_string (&self->selected_tie_a, a);
  changed_b = set_string (&self->selected_tie_b, b);
  if (changed_a)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_TIE_A]);
  if (changed_b)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_TIE_B]);
  if (changed_a || changed_b)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void select_at_quietly (TiesDiagramView *self,
                               double           x,
                               double           y);

/* A click selects an actor, a tie or nothing, in the window too. */
static void
select_at (TiesDiagramView *self,
           double           x,
           double           y)
{
  self->quiet++;
  select_at_quietly (self, x, y);
  self->quiet--;
  publish_selection (self);
}

static void
select_at_quietly (TiesDiagramView *self,
                   double           x,
                   double           y)
{
  guint node = hit_node (self, x, y);
  guint edge;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  if (node != G_MAXUINT)
    {
      select_tie (self, NULL, NULL);
      ties_diagram_view_select_actor (self, node_id (self, node));
      self->focus_node = node;
      return;
    }

  ties_diagram_view_select_actor (self, NULL);
  edge = hit_edge (self, x, y);
  if (edge != G_MAXUINT)
    {
      guint a, b;

      ties_scene_get_edge (self->scene, edge, &a, &b);
      /* Tie ends are ordered as the network orders them. */
      if (g_strcmp0 (node_id (self, a), node_id (self, b)) > 0)
        select_tie (self, node_id (self, b), node_id (self, a));
      else
        select_tie (self, node_id (self, a), node_id (self, b));
    }
  else
    select_tie (self, NULL, NULL);
}

/* Zoom and pan */

static void
set_pan (TiesDiagramView *self,
         double           pan_x,
         double           pan_y)
{
  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  if (self->pan_x == pan_x && self->pan_y == pan_y)
    return;

  /* The cached picture moves; it is not drawn again. */
  self->pan_x = pan_x;
  self->pan_y = pan_y;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* For the benchmark probe (TIES_TIMING_PAN) */
static void
timing_pan_by (GtkWidget *widget,
               double     dx,
               double     dy)
{
  TiesDiagramView *self = TIES_DIAGRAM_VIEW (widget);

  set_pan (self, self->pan_x + dx, self->pan_y + dy);
}

static gboolean
zoom_settled (gpointer data)
{
  TiesDiagramView *self = data;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  self->zoom_settle_source = 0;
  if (self->cache != NULL && self->cache_zoom != self->zoom)
    invalidate_cache (self);

  return G_SOURCE_REMOVE;
}

/* Zooms keeping the diagram point under (@x, @y) in place. */
static void
zoom_around (TiesDiagramView *self,
             double           zoom,
             double           x,
             double           y)
{
  double cx = widget_width (self) / 2, cy = widget_height (self) / 2;
  double fx, fy;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  if (zoom == self->zoom)
    return;

  /* The fitted point under the pointer, before and after. */
  fx = (x - cx - self->pan_x) / self->zoom + cx;
  fy = (y - cy - self->pan_y) / self->zoom + cy;
  self->zoom = zoom;
  self->pan_x = x - cx - (fx - cx) * zoom;
  self->pan_y = y - cy - (fy - cy) * zoom;

  /* The picture is scaled at once and drawn sharp once the zoom rests. */
  g_clear_handle_id (&self->zoom_settle_source, g_source_remove);
  self->zoom_settle_source = g_timeout_add (ZOOM_SETTLE_MS, zoom_settled, self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TiesDiagramView *self = (TiesDiagramView *) widget;

  ties_diagram_view_set_zoom (self, self->zoom * ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TiesDiagramView *self = (TiesDiagramView *) widget;

  ties_diagram_view_set_zoom (self, self->zoom / ZOOM_STEP);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ties_diagram_view_zoom_to_fit ((TiesDiagramView *) widget);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           TiesDiagramView          *self)
{
  GdkModifierType state;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  if (state & GDK_CONTROL_MASK)
    {
      double x = widget_width (self) / 2, y = widget_height (self) / 2;
      GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));

      if (event != NULL)
        {
          double ex, ey;
          graphene_point_t point;
          GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));

          /* Event coordinates are the surface's; the pointer's place in
           * the widget keeps still while zooming. */
          if (gdk_event_get_position (event, &ex, &ey) && native != NULL)
            {
              double nx, ny;

              gtk_native_get_surface_transform (native, &nx, &ny);
              if (gtk_widget_compute_point (GTK_WIDGET (native), GTK_WIDGET (self),
                                            &GRAPHENE_POINT_INIT (ex - nx, ey - ny), &point))
                {
                  x = point.x;
                  y = point.y;
                }
            }
        }
      zoom_around (self, self->zoom * pow (ZOOM_STEP, -dy), x, y);
      return TRUE;
    }

  if (state & GDK_SHIFT_MASK && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  set_pan (self, self->pan_x - dx * SCROLL_STEP, self->pan_y - dy * SCROLL_STEP);

  return TRUE;
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               TiesDiagramView  *self)
{
  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  self->zoom_start = self->zoom;
}

static void
on_zoom_scale_changed (GtkGestureZoom  *gesture,
                       double           scale,
                       TiesDiagramView *self)
{
  double x, y;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = widget_width (self) / 2;
      y = widget_height (self) / 2;
    }
  zoom_around (self, self->zoom_start * scale, x, y);
}

/* Dragging: the gesture handlers and the testing hook share these. */

static void
drag_begin (TiesDiagramView *self,
            double           x,
            double           y)
{
  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  self->drag_node = hit_node (self, x, y);
  self->drag_mode = self->drag_node != G_MAXUINT ? DRAG_NODE : DRAG_PAN;
  self->drag_start_x = x;
  self->drag_start_y = y;
  self->drag_dx = self->drag_dy = 0;
  self->pan_start_x = self->pan_x;
  self->pan_start_y = self->pan_y;
  self->dragging = FALSE;
}

/* Returns whether the press has become a drag. */
static gboolean
drag_update (TiesDiagramView *self,
             double           dx,
             double           dy)
{
  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  if (self->drag_mode == DRAG_NONE)
    return FALSE;
  if (!self->dragging && hypot (dx, dy) < DRAG_THRESHOLD)
    return FALSE;

  self->dragging = TRUE;
  self->drag_dx = dx;
  self->drag_dy = dy;

  if (self->drag_mode == DRAG_PAN)
    set_pan (self, self->pan_start_x + dx, self->pan_start_y + dy);
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));

  return TRUE;
}

static void
drag_end (TiesDiagramView *self,
          double           dx,
          double           dy)
{
  DragMode mode = self->drag_mode;
  gboolean moved;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  moved = drag_update (self, dx, dy);
  self->drag_mode = DRAG_NONE;
  self->dragging = FALSE;

  if (mode == DRAG_NODE && moved && self->scene != NULL)
    {
      TiesActor *actor = node_actor (self, self->drag_node);
      TiesGraphNode *node = ties_graph_node (self->graph, self->drag_node);
      double tx, ty, s = view_transform (self, &tx, &ty);
      double x = node->x + dx / s;
      double y = node->y + dy / s;

      if (actor != NULL)
        {
          /* Shown where it was dropped at once; the edit's new layout
           * eases the others from there. */
          node->x = x;
          node->y = y;
          rebuild_scene (self);
          ties_document_move_actor (self->document, actor, x, y, TRUE);
        }
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_begin (GtkGestureDrag  *gesture,
               double           x,
               double           y,
               TiesDiagramView *self)
{
  drag_begin (self, x, y);
}

static void
on_drag_update (GtkGestureDrag  *gesture,
                double           dx,
                double           dy,
                TiesDiagramView *self)
{
  if (drag_update (self, dx, dy))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_drag_end (GtkGestureDrag  *gesture,
             double           dx,
             double           dy,
             TiesDiagramView *self)
{
  drag_end (self, dx, dy);
}

/* Clicks */

static void
unpin_node (TiesDiagramView *self,
            guint            node)
{
  TiesActor *actor = node_actor (self, node);
  TiesHistory *history;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  if (actor == NULL || !ties_actor_get_pinned (actor))
    return;

  history = ties_document_get_history (self->document);
  ties_history_begin (history, _("Unpin Actor"));
  ties_history_set (history, actor, "pinned", FALSE, NULL);
  ties_history_end (history);
}

static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  TiesDiagramView *self)
{
  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));

  if (n_press == 2)
    {
      guint node = hit_node (self, x, y);

      if (node != G_MAXUINT)
        unpin_node (self, node);
    }
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   TiesDiagramView *self)
{
  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  if (n_press == 1)
    select_at (self, x, y);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           TiesDiagramView          *self)
{
  guint node = hit_node (self, x, y);

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  if (node != self->hover_node)
    {
      self->hover_node = node;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_leave (GtkEventControllerMotion *controller,
          TiesDiagramView          *self)
{
  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  if (self->hover_node != G_MAXUINT)
    {
      self->hover_node = G_MAXUINT;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* Keyboard */

static void
focus_node (TiesDiagramView *self,
            guint            node)
{
  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  self->focus_node = node;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The nearest node in direction (@ux, @uy), favouring those straight
 * ahead over those off to the side. */
static guint
nearest_in_direction (TiesDiagramView *self,
                      guint            from,
                      double           ux,
                      double           uy)
{
  guint best = G_MAXUINT;
  double best_cost = G_MAXDOUBLE;
  double x0, y0;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  ties_scene_get_node (self->scene, from, &x0, &y0, NULL);
  for (guint i = 0; i < ties_scene_get_n_nodes (self->scene); i++)
    {
      double x, y, along, across, cost;

      if (i == from)
        continue;
      ties_scene_get_node (self->scene, i, &x, &y, NULL);
      along = (x - x0) * ux + (y - y0) * uy;
      across = fabs ((x - x0) * uy - (y - y0) * ux);
      if (along <= 0 || across > 2 * along)
        continue;
      cost = along + 2 * across;
      if (cost < best_cost)
        {
          best_cost = cost;
          best = i;
        }
    }

  return best;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TiesDiagramView       *self)
{
  guint n;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  if (self->scene == NULL || (n = ties_scene_get_n_nodes (self->scene)) == 0)
    return FALSE;
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
      if (state & GDK_SHIFT_MASK)
        return FALSE;
      /* Past the last node, focus leaves the diagram. */
      if (self->focus_node != G_MAXUINT && self->focus_node + 1 >= n)
        {
          focus_node (self, G_MAXUINT);
          return FALSE;
        }
      focus_node (self, self->focus_node == G_MAXUINT ? 0 : self->focus_node + 1);
      return TRUE;

    case GDK_KEY_ISO_Left_Tab:
      if (self->focus_node == 0)
        {
          focus_node (self, G_MAXUINT);
          return FALSE;
        }
      focus_node (self, self->focus_node == G_MAXUINT ? n - 1 : self->focus_node - 1);
      return TRUE;

    case GDK_KEY_Left: case GDK_KEY_KP_Left:
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
      {
        double ux = 0, uy = 0;
        guint next;

        if (self->focus_node == G_MAXUINT)
          {
            focus_node (self, 0);
            return TRUE;
          }
        if (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left)
          ux = -1;
        else if (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right)
          ux = 1;
        else if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
          uy = -1;
        else
          uy = 1;
        next = nearest_in_direction (self, self->focus_node, ux, uy);
        if (next != G_MAXUINT)
          focus_node (self, next);
        else
          gtk_widget_error_bell (GTK_WIDGET (self));
        return TRUE;
      }

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (self->focus_node == G_MAXUINT)
        return FALSE;
      self->quiet++;
      select_tie (self, NULL, NULL);
      ties_diagram_view_select_actor (self, node_id (self, self->focus_node));
      self->quiet--;
      publish_selection (self);
      return TRUE;

    case GDK_KEY_Escape:
      self->quiet++;
      select_tie (self, NULL, NULL);
      ties_diagram_view_select_actor (self, NULL);
      self->quiet--;
      publish_selection (self);
      return TRUE;

    default:
      return FALSE;
    }
}

static void
on_focus_changed (TiesDiagramView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Tooltips */

static char *
actor_tooltip (TiesDiagramView *self,
               TiesActor       *actor)
{
  GString *text = g_string_new (NULL);
  const char *role = ties_actor_get_role (actor);
  guint count = ties_network_get_event_count (self->network, ties_actor_get_id (actor));
  g_autofree char *name = g_markup_escape_text (ties_actor_get_name (actor) != NULL
                                                  ? ties_actor_get_name (actor)
                                                  : ties_actor_get_id (actor), -1);

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  g_string_append_printf (text, "<b>%s</b>", name);
  if (role != NULL && *role != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (role, -1);

      g_string_append_printf (text, "\n%s", escaped);
    }
  g_string_append_c (text, '\n');
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", count), count);

  return g_string_free (text, FALSE);
}

static const char *
actor_name (TiesDiagramView *self,
            const char      *id)
{
  TiesActor *actor = ties_document_lookup_actor (self->document, id);

  if (actor != NULL && ties_actor_get_name (actor) != NULL)
    return ties_actor_get_name (actor);

  return id;
}

/* How well the tie is reported, whether or not weak ties are marked: a
 * reader weighing a tie wants to know it either way. */
static void
append_corroboration (GString *text,
                      TiesTie *tie)
{
  guint n_sources = ties_tie_get_n_sources (tie);
  guint n_evidence = ties_tie_get_n_evidence (tie);
  g_autofree char *sources = NULL;
  g_autofree char *evidence = NULL;

  g_string_append_c (text, '\n');
  if (n_evidence == 0)
    {
      g_string_append (text, _("No evidence"));
      return;
    }

  /* Two plurals in one sentence: each is translated on its own. */
  sources = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reported by %u source",
                                          "Reported by %u sources", n_sources), n_sources);
  evidence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u evidence item",
                                           "%u evidence items", n_evidence), n_evidence);
  /* Translators: joins "Reported by 2 sources" and "3 evidence items". */
  g_string_append_printf (text, _("%s, %s"), sources, evidence);
}

static char *
tie_tooltip (TiesDiagramView *self,
             TiesTie         *tie)
{
  GString *text = g_string_new (NULL);
  GPtrArray *events = ties_tie_get_events (tie);
  g_autofree char *a = g_markup_escape_text (actor_name (self, ties_tie_get_actor_a (tie)), -1);
  g_autofree char *b = g_markup_escape_text (actor_name (self, ties_tie_get_actor_b (tie)), -1);

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  g_string_append_printf (text, "<b>%s — %s</b>", a, b);
  append_corroboration (text, tie);
  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      TiesEvent *event = g_ptr_array_index (events, i);
      TiesDate *date = ties_event_get_parsed_date (event);
      g_autofree char *title = g_markup_escape_text (ties_event_get_title (event) != NULL
                                                       ? ties_event_get_title (event) : "", -1);

      if (i == MAX_TOOLTIP_EVENTS)
        {
          guint rest = events->len - i;

          g_string_append_c (text, '\n');
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "and %u more event",
                                                     "and %u more events", rest), rest);
          break;
        }

      if (date != NULL)
        {
          g_autofree char *when = ties_date_format (date);
          g_autofree char *escaped = g_markup_escape_text (when, -1);

          g_string_append_printf (text, "\n• %s <span alpha=\"70%%\">(%s)</span>", title, escaped);
        }
      else
        g_string_append_printf (text, "\n• %s", title);
    }

  return g_string_free (text, FALSE);
}

static gboolean
ties_diagram_view_query_tooltip (GtkWidget  *widget,
                                 int         x,
                                 int         y,
                                 gboolean    keyboard,
                                 GtkTooltip *tooltip)
{
  TiesDiagramView *self = (TiesDiagramView *) widget;
  g_autofree char *markup = NULL;
  guint node;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  if (self->scene == NULL || self->network == NULL)
    return FALSE;

  if (keyboard)
    node = self->focus_node;
  else
    node = hit_node (self, x, y);

  if (node != G_MAXUINT)
    {
      TiesActor *actor = node_actor (self, node);

      if (actor == NULL)
        return FALSE;
      markup = actor_tooltip (self, actor);
    }
  else if (!keyboard)
    {
      guint edge = hit_edge (self, x, y);
      guint a, b;
      TiesTie *tie;

      if (edge == G_MAXUINT)
        return FALSE;
      ties_scene_get_edge (self->scene, edge, &a, &b);
      tie = ties_network_lookup_tie (self->network, node_id (self, a), node_id (self, b));
      if (tie == NULL)
        return FALSE;
      markup = tie_tooltip (self, tie);
    }

  if (markup == NULL)
    return FALSE;

  gtk_tooltip_set_markup (tooltip, markup);

  return TRUE;
}

/* GObject */

static void
ties_diagram_view_unmap (GtkWidget *widget)
{
  TiesDiagramView *self = (TiesDiagramView *) widget;

  /* An easing in progress lands at once. */
  if (self->tick_id != 0)
    {
      for (guint i = 0; i < self->graph->nodes->len; i++)
        {
          ties_graph_node (self->graph, i)->x = self->to_x[i];
          ties_graph_node (self->graph, i)->y = self->to_y[i];
        }
      stop_animation (self);
      rebuild_scene (self);
    }

  GTK_WIDGET_CLASS (ties_diagram_view_parent_class)->unmap (widget);
}

static void
ties_diagram_view_dispose (GObject *object)
{
  TiesDiagramView *self = (TiesDiagramView *) object;

  cancel_layout (self);
  stop_animation (self);
  g_clear_handle_id (&self->rederive_source, g_source_remove);
  g_clear_handle_id (&self->rescene_source, g_source_remove);
  g_clear_signal_handler (&self->network_changed_handler, self->network);
  if (self->document != NULL)
    g_clear_signal_handler (&self->document_changed_handler, self->document);
  g_clear_object (&self->network);
  self->document = NULL;
  g_clear_handle_id (&self->zoom_settle_source, g_source_remove);
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  g_clear_pointer (&self->scene, ties_scene_free);
  g_clear_pointer (&self->graph, ties_graph_free);
  g_clear_pointer (&self->highlighted_events, g_hash_table_unref);
  g_clear_pointer (&self->selected_actor, g_free);
  g_clear_pointer (&self->selected_tie_a, g_free);
  g_clear_pointer (&self->selected_tie_b, g_free);
  if (self->shared_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->shared_selection, self);
  g_clear_object (&self->shared_selection);

  G_OBJECT_CLASS (ties_diagram_view_parent_class)->dispose (object);
}

static void
ties_diagram_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TiesDiagramView *self = TIES_DIAGRAM_VIEW (object);

  switch (prop_id)
    {
    case PROP_NETWORK:
      g_value_set_object (value, self->network);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_SELECTED_ACTOR:
      g_value_set_string (value, self->selected_actor);
      break;
    case PROP_SELECTED_TIE_A:
      g_value_set_string (value, self->selected_tie_a);
      break;
    case PROP_SELECTED_TIE_B:
      g_value_set_string (value, self->selected_tie_b);
      break;
    case PROP_MARK_WEAK_TIES:
      g_value_set_boolean (value, self->mark_weak_ties);
      break;
    case PROP_SELECTION:
      g_value_set_object (value, self->shared_selection);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_diagram_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TiesDiagramView *self = TIES_DIAGRAM_VIEW (object);

  switch (prop_id)
    {
    case PROP_NETWORK:
      ties_diagram_view_set_network (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      ties_diagram_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_SELECTED_ACTOR:
      ties_diagram_view_select_actor (self, g_value_get_string (value));
      break;
    case PROP_MARK_WEAK_TIES:
      ties_diagram_view_set_mark_weak_ties (self, g_value_get_boolean (value));
      break;
    case PROP_SELECTION:
      ties_diagram_view_set_selection (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_diagram_view_class_init (TiesDiagramViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ties_diagram_view_dispose;
  object_class->get_property = ties_diagram_view_get_property;
  object_class->set_property = ties_diagram_view_set_property;

  widget_class->snapshot = ties_diagram_view_snapshot;
  widget_class->measure = ties_diagram_view_measure;
  widget_class->size_allocate = ties_diagram_view_size_allocate;
  widget_class->query_tooltip = ties_diagram_view_query_tooltip;
  widget_class->unmap = ties_diagram_view_unmap;
  widget_class->css_changed = ties_diagram_view_css_changed;

  properties[PROP_NETWORK] =
    g_param_spec_object ("network", NULL, NULL,
                         TIES_TYPE_NETWORK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* 1.0 fits the whole diagram. */
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         MIN_ZOOM, MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* A layout is running in the background. */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SELECTED_ACTOR] =
    g_param_spec_string ("selected-actor", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The selected tie's ends, ordered as TiesTie orders them. */
  properties[PROP_SELECTED_TIE_A] =
    g_param_spec_string ("selected-tie-a", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_TIE_B] =
    g_param_spec_string ("selected-tie-b", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Ties on a single source, or on no evidence, drawn apart (a view
   * preference, kept in GSettings when the schema has it). */
  properties[PROP_MARK_WEAK_TIES] =
    g_param_spec_boolean ("mark-weak-ties", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The window's selection: followed, and selected through. */
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL,
                         TIES_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_property_action (widget_class, "diagram.mark-weak-ties", "mark-weak-ties");
  gtk_widget_class_install_action (widget_class, "diagram.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "diagram.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "diagram.zoom-fit", NULL, zoom_fit_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "diagram.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "diagram.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "diagram.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "diagram.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "diagram.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "diagram.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "diagram.zoom-fit", NULL);

  gtk_widget_class_set_css_name (widget_class, "diagramview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

/* The preference follows GSettings (and so every window) when the
 * app's schema is installed; a view made without it, as in a test or
 * another program, keeps it as a plain property. */
static void
bind_settings (TiesDiagramView *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "mark-weak-ties"))
    return;

  /* The binding keeps the settings object alive as long as the view. */
  settings = g_settings_new_full (schema, NULL, NULL);
  g_settings_bind (settings, "mark-weak-ties", self, "mark-weak-ties", G_SETTINGS_BIND_DEFAULT);
}

static void
ties_diagram_view_init (TiesDiagramView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->zoom = 1.0;
  self->hover_node = G_MAXUINT;
  self->focus_node = G_MAXUINT;
  self->drag_node = G_MAXUINT;

  if (ties_timing_enabled ())
    ties_timing_watch_diagram (GTK_WIDGET (self), timing_pan_by);

  bind_settings (self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  gesture = gtk_gesture_drag_new ();
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_click_pressed), self);
  g_signal_connect (gesture, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (on_focus_changed), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_focus_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (update_style), self, G_CONNECT_SWAPPED);
  self->style = adw_style_manager_get_dark (adw_style_manager_get_default ())
                ? TIES_STYLE_DARK : TIES_STYLE_LIGHT;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Relationship diagram"),
                                  -1);
  update_description (self);
}

/* Public API */

GtkWidget *
ties_diagram_view_new (void)
{
  return g_object_new (TIES_TYPE_DIAGRAM_VIEW, NULL);
}

TiesNetwork *
ties_diagram_view_get_network (TiesDiagramView *self)
{
  g_return_val_if_fail (TIES_IS_DIAGRAM_VIEW (self), NULL);

  return self->network;
}

static void
on_view_changed (TiesDiagramView *self,
                 GParamSpec      *pspec,
                 TiesDocument    *document)
{
  if (document != self->document)
    return;

  self->fresh_layout = TRUE;
  ties_diagram_view_rederive (self);
}

void
ties_diagram_view_set_network (TiesDiagramView *self,
                               TiesNetwork     *network)
{
  g_return_if_fail (TIES_IS_DIAGRAM_VIEW (self));
  g_return_if_fail (network == NULL || TIES_IS_NETWORK (network));

  if (self->network == network)
    return;

  cancel_layout (self);
  stop_animation (self);
  g_clear_signal_handler (&self->network_changed_handler, self->network);
  if (self->document != NULL)
    g_clear_signal_handler (&self->document_changed_handler, self->document);
  g_set_object (&self->network, network);
  self->document = network != NULL ? ties_network_get_document (network) : NULL;
  if (network != NULL)
    {
      self->network_changed_handler =
        g_signal_connect_object (network, "changed", G_CALLBACK (on_network_changed),
                                 self, G_CONNECT_SWAPPED);
      self->document_changed_handler =
        g_signal_connect_object (self->document, "parts-changed", G_CALLBACK (on_document_parts_changed),
                                 self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->document, "notify::layout", G_CALLBACK (on_view_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->document, "notify::focus", G_CALLBACK (on_view_changed),
                               self, G_CONNECT_SWAPPED);
    }

  /* A new document starts afresh: no old places to ease from. */
  g_clear_pointer (&self->graph, ties_graph_free);
  g_clear_pointer (&self->highlighted_events, g_hash_table_unref);
  self->pan_x = self->pan_y = 0;
  if (self->zoom != 1.0)
    {
      self->zoom = 1.0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  self->quiet++;
  ties_diagram_view_select_actor (self, NULL);
  select_tie (self, NULL, NULL);
  self->quiet--;

  ties_diagram_view_rederive (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NETWORK]);
}

void
ties_diagram_view_set_highlighted_events (TiesDiagramView *self,
                                          GPtrArray       *events)
{
  g_return_if_fail (TIES_IS_DIAGRAM_VIEW (self));

  if (events == NULL || events->len == 0)
    {
      if (self->highlighted_events == NULL)
        return;
      g_clear_pointer (&self->highlighted_events, g_hash_table_unref);
    }
  else
    {
      g_autoptr(GHashTable) set = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);

      for (guint i = 0; i < events->len; i++)
        g_hash_table_add (set, g_object_ref (g_ptr_array_index (events, i)));
      g_clear_pointer (&self->highlighted_events, g_hash_table_unref);
      self->highlighted_events = g_steal_pointer (&set);
    }

  rebuild_scene (self);
}

const char *
ties_diagram_view_get_selected_actor (TiesDiagramView *self)
{
  g_return_val_if_fail (TIES_IS_DIAGRAM_VIEW (self), NULL);

  return self->selected_actor;
}

void
ties_diagram_view_select_actor (TiesDiagramView *self,
                                const char      *actor_id)
{
  g_return_if_fail (TIES_IS_DIAGRAM_VIEW (self));

  if (!set_string (&self->selected_actor, actor_id))
    return;

  if (actor_id != NULL && self->graph != NULL)
    {
      guint node = ties_graph_lookup (self->graph, actor_id);

      if (node != G_MAXUINT)
        self->focus_node = node;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ACTOR]);
  publish_selection (self);
}

/* The window's selection */

/* What the person selected here becomes the window's selection. */
static void
publish_selection (TiesDiagramView *self)
{
  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  if (self->shared_selection == NULL || self->quiet > 0)
    return;

  if (self->selected_actor != NULL)
    {
      TiesActor *actor = self->document != NULL ? ties_document_lookup_actor (self->document, self->selected_actor) : NULL;

      ties_selection_select_actor (self->shared_selection, actor);
    }
  else if (self->selected_tie_a != NULL && self->selected_tie_b != NULL)
    ties_selection_select_tie (self->shared_selection, self->selected_tie_a, self->selected_tie_b);
  else
    ties_selection_clear (self->shared_selection);
}

/* The selected actor ringed, the selected tie drawn over, the selected
 * events' ties and participants highlighted. */
static void
follow_selection (TiesDiagramView *self)
{
  TiesActor *actor = ties_selection_get_actor (self->shared_selection);
  const char *tie_a = NULL;
  const char *tie_b = NULL;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  ties_selection_get_tie (self->shared_selection, &tie_a, &tie_b);

  self->quiet++;
  select_tie (self, tie_a, tie_b);
  ties_diagram_view_select_actor (self, actor != NULL ? ties_actor_get_id (actor) : NULL);
  ties_diagram_view_set_highlighted_events (self, ties_selection_get_events (self->shared_selection));
  self->quiet--;
}

TiesSelection *
ties_diagram_view_get_selection (TiesDiagramView *self)
{
  g_return_val_if_fail (TIES_IS_DIAGRAM_VIEW (self), NULL);

  return self->shared_selection;
}

void
ties_diagram_view_set_selection (TiesDiagramView *self,
                                 TiesSelection   *selection)
{
  g_return_if_fail (TIES_IS_DIAGRAM_VIEW (self));
  g_return_if_fail (selection == NULL || TIES_IS_SELECTION (selection));

  if (self->shared_selection == selection)
    return;

  if (self->shared_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->shared_selection, self);
  g_set_object (&self->shared_selection, selection);
  if (selection != NULL)
    {
      g_signal_connect_object (selection, "changed", G_CALLBACK (follow_selection), self, G_CONNECT_SWAPPED);
      follow_selection (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

double
ties_diagram_view_get_zoom (TiesDiagramView *self)
{
  g_return_val_if_fail (TIES_IS_DIAGRAM_VIEW (self), 1.0);

  return self->zoom;
}

void
ties_diagram_view_set_zoom (TiesDiagramView *self,
                            double           zoom)
{
  g_return_if_fail (TIES_IS_DIAGRAM_VIEW (self));

  zoom_around (self, zoom, widget_width (self) / 2, widget_height (self) / 2);
}

void
ties_diagram_view_zoom_to_fit (TiesDiagramView *self)
{
  g_return_if_fail (TIES_IS_DIAGRAM_VIEW (self));

  set_pan (self, 0, 0);
  if (self->zoom != 1.0)
    {
      self->zoom = 1.0;
      invalidate_cache (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
}

gboolean
ties_diagram_view_get_busy (TiesDiagramView *self)
{
  g_return_val_if_fail (TIES_IS_DIAGRAM_VIEW (self), FALSE);

  return self->busy;
}

const char *
ties_diagram_view_get_selected_tie_a (TiesDiagramView *self)
{
  g_return_val_if_fail (TIES_IS_DIAGRAM_VIEW (self), NULL);

  return self->selected_tie_a;
}

const char *
ties_diagram_view_get_selected_tie_b (TiesDiagramView *self)
{
  g_return_val_if_fail (TIES_IS_DIAGRAM_VIEW (self), NULL);

  return self->selected_tie_b;
}

gboolean
ties_diagram_view_get_actor_point (TiesDiagramView *self,
                                   const char      *actor_id,
                                   double          *x,
                                   double          *y)
{
  guint node;
  double dx, dy;

  g_return_val_if_fail (TIES_IS_DIAGRAM_VIEW (self), FALSE);
  g_return_val_if_fail (actor_id != NULL, FALSE);

  if (self->scene == NULL || self->graph == NULL)
    return FALSE;
  node = ties_graph_lookup (self->graph, actor_id);
  if (node == G_MAXUINT)
    return FALSE;

  ties_scene_get_node (self->scene, node, &dx, &dy, NULL);
  to_widget (self, dx, dy, x, y);

  return TRUE;
}

void
_ties_diagram_view_simulate_drag (TiesDiagramView *self,
                                  double           x,
                                  double           y,
                                  double           offset_x,
                                  double           offset_y)
{
  g_return_if_fail (TIES_IS_DIAGRAM_VIEW (self));

  drag_begin (self, x, y);
  drag_update (self, offset_x / 2, offset_y / 2);
  drag_end (self, offset_x, offset_y);
}

void
_ties_diagram_view_simulate_click (TiesDiagramView *self,
                                   double           x,
                                   double           y,
                                   int              n_press)
{
  g_return_if_fail (TIES_IS_DIAGRAM_VIEW (self));

  if (n_press == 2)
    {
      guint node = hit_node (self, x, y);

      if (node != G_MAXUINT)
        unpin_node (self, node);
    }
  else
    select_at (self, x, y);
}

gboolean
_ties_diagram_view_get_animating (TiesDiagramView *self)
{
  g_return_val_if_fail (TIES_IS_DIAGRAM_VIEW (self), FALSE);

  return self->tick_id != 0 || self->rederive_source != 0 || self->rescene_source != 0
         || self->zoom_settle_source != 0;
}

guint
_ties_diagram_view_get_n_layouts (TiesDiagramView *self)
{
  g_return_val_if_fail (TIES_IS_DIAGRAM_VIEW (self), 0);

  return self->n_layouts;
}

guint
_ties_diagram_view_get_n_scenes (TiesDiagramView *self)
{
  g_return_val_if_fail (TIES_IS_DIAGRAM_VIEW (self), 0);

  return self->n_scenes;
}

guint
_ties_diagram_view_get_n_filter_highlighted (TiesDiagramView *self)
{
  g_autoptr(GHashTable) kept = NULL;

  g_return_val_if_fail (TIES_IS_DIAGRAM_VIEW (self), 0);

  /* The renderer asks the network the same when it builds the scene. */
  if (self->scene == NULL || self->network == NULL
      || (self->highlighted_events != NULL && g_hash_table_size (self->highlighted_events) > 0))
    return 0;
  kept = ties_network_dup_highlighted_events (self->network);

  return kept != NULL ? g_hash_table_size (kept) : 0;
}

guint
_ties_diagram_view_get_n_renders (TiesDiagramView *self)
{
  g_return_val_if_fail (TIES_IS_DIAGRAM_VIEW (self), 0);

  return self->n_renders;
}

/* Where the view puts each actor once any easing has landed: the places
 * the exports and print draw, pins and drags included. */
TiesGraph *
ties_diagram_view_dup_graph (TiesDiagramView *self)
{
  TiesGraph *graph;

  g_return_val_if_fail (TIES_IS_DIAGRAM_VIEW (self), NULL);

  if (self->graph == NULL)
    return NULL;

  graph = ties_graph_copy (self->graph);
  if (self->tick_id != 0)
    for (guint i = 0; i < graph->nodes->len; i++)
      {
        ties_graph_node (graph, i)->x = self->to_x[i];
        ties_graph_node (graph, i)->y = self->to_y[i];
      }

  return graph;
}

gboolean
ties_diagram_view_get_mark_weak_ties (TiesDiagramView *self)
{
  g_return_val_if_fail (TIES_IS_DIAGRAM_VIEW (self), FALSE);

  return self->mark_weak_ties;
}

/* Only the drawing changes: the scene is built again on the same
 * layout. */
void
ties_diagram_view_set_mark_weak_ties (TiesDiagramView *self,
                                      gboolean         mark_weak_ties)
{
  g_return_if_fail (TIES_IS_DIAGRAM_VIEW (self));

  mark_weak_ties = !!mark_weak_ties;
  if (self->mark_weak_ties == mark_weak_ties)
    return;

  self->mark_weak_ties = mark_weak_ties;
  rebuild_scene (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MARK_WEAK_TIES]);
}

char *
ties_diagram_view_dup_tie_tooltip (TiesDiagramView *self,
                                   const char      *actor_a,
                                   const char      *actor_b)
{
  TiesTie *tie;

  g_return_val_if_fail (TIES_IS_DIAGRAM_VIEW (self), NULL);
  g_return_val_if_fail (actor_a != NULL && actor_b != NULL, NULL);

  if (self->network == NULL)
    return NULL;
  tie = ties_network_lookup_tie (self->network, actor_a, actor_b);
  if (tie == NULL)
    return NULL;

  return tie_tooltip (self, tie);
}

TiesScene *
_ties_diagram_view_get_scene (TiesDiagramView *self)
{
  g_return_val_if_fail (TIES_IS_DIAGRAM_VIEW (self), NULL);

  return self->scene;
}
