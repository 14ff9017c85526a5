/* ties-timeline-view.c: the timeline strip, live
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The strip is the shared cairo drawing of ties-timeline.c, so what is
 * seen is what exports. The timeline is laid out again only when the
 * network or the document's names change; zooming and panning change
 * its span, and the drawing is cached as a render node until they do,
 * with the selection and the mark under the pointer ringed over it.
 *
 * Accessibility: GTK 4.8 has no way to give a drawing accessible
 * children, so the marks are not objects of their own. The strip is one
 * focusable image named "Timeline" whose description names the
 * selected event and its date, and the arrow keys move the selection,
 * which every other view follows.
 */
#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ties-timeline-view.h"

/* Zoom per wheel notch and per key press. */
#define ZOOM_STEP 1.25
/* Pan per wheel notch and Shift+arrow, as a share of the span. */
#define PAN_STEP 0.1
#define LANE_SCROLL_STEP 24.0
/* A drag shorter than this is a click. */
#define BRUSH_MIN_PIXELS 4.0

struct _TiesTimelineView
{
  GtkWidget parent_instance;

  GtkWidget *lanes_button;

  TiesNetwork *network;
  /* The strip's own: the events of the network's filter but its dates,
   * so that a brushed range shows as a band over all of them, which a
   * new drag can move. */
  TiesNetwork *strip_network;
  TiesFilter *filter;           /* the network's, followed into the strip's */
  TiesDocument *document;
  TiesSelection *selection;
  TiesTimelineLanes lanes;
  TiesStyle style;

  TiesTimeline *timeline;       /* NULL: to be laid out */
  gboolean has_span;            /* the user's span, kept across layouts */
  double span_first;
  double span_last;
  double lane_offset;

  GskRenderNode *cache;
  int cache_width;
  int cache_height;

  guint hover;                  /* event index, or G_MAXUINT */
  guint focus_lane;             /* the lane Up and Down move from */
  char *description;

  /* Gestures: the span and offset when they began. */
  double start_first;
  double start_last;
  double start_offset;
  /* A drag with the primary button brushes a range of time: from
   * brush_x to brush_x + brush_dx, in the widget. */
  gboolean brushing;
  double brush_x;
  double brush_dx;
  /* Play's month, drawn as a line at its end; NULL: none. */
  TiesDate *now;
};

G_DEFINE_FINAL_TYPE (TiesTimelineView, ties_timeline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_NETWORK,
  PROP_SELECTION,
  PROP_LANES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static double
widget_width (TiesTimelineView *self)
{
  return gtk_widget_get_width (GTK_WIDGET (self));
}

static double
widget_height (TiesTimelineView *self)
{
  return gtk_widget_get_height (GTK_WIDGET (self));
}

static void
drop_cache (TiesTimelineView *self)
{
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void update_description (TiesTimelineView *self);

static TiesTimeline *
ensure_timeline (TiesTimelineView *self)
{
  TiesTimelineOptions options;

  if (self->timeline != NULL || self->network == NULL)
    return self->timeline;

  ties_timeline_options_init (&options);
  options.lanes = self->lanes;
  options.style = self->style;
  self->timeline = ties_timeline_new (self->document, self->strip_network, &options);
  if (self->has_span)
    ties_timeline_set_view (self->timeline, self->span_first, self->span_last);
  ties_timeline_set_lane_offset (self->timeline, self->lane_offset);
  self->hover = G_MAXUINT;

  return self->timeline;
}

static void
invalidate (TiesTimelineView *self)
{
  /* Laid out again when next drawn or asked for, not here: edits come
   * in bursts, and the network itself is derived lazily. */
  g_clear_pointer (&self->timeline, ties_timeline_free);
  drop_cache (self);
}

/* The network's time range, as the From and To entries set it: on the
 * document's own filter, one step of its history, so that undo brings
 * the old range back and the document is marked modified (the filter is
 * saved with it). */
static void
edit_time_range (TiesTimelineView *self,
                 const char       *from,
                 const char       *to)
{
  TiesFilter *filter = ties_network_get_filter (self->network);
  TiesHistory *history = ties_document_get_history (self->document);

  if (filter != ties_document_get_filter (self->document))
    {
      ties_filter_set_range (filter, from, to);
      return;
    }

  ties_history_begin (history, _("Filter Events"));
  ties_history_set (history, filter, "from", from, "to", to, NULL);
  ties_history_end (history);
}

/* The strip's network counts what the network's filter keeps, its
 * dates aside; it then says "changed", and the strip is laid out again. */
static void
on_filter_changed (TiesTimelineView *self)
{
  g_autoptr(TiesFilter) all_dates = ties_filter_copy (self->filter);

  ties_filter_set_range (all_dates, NULL, NULL);
  ties_network_set_filter (self->strip_network, all_dates);
  /* The band of a new range, even when the strip's events stay. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The span and lane scrolling, on the timeline and kept for the next. */
static void
set_span (TiesTimelineView *self,
          double            first,
          double            last)
{
  TiesTimeline *timeline = ensure_timeline (self);

  if (timeline == NULL || !isfinite (first) || !isfinite (last) || last <= first)
    return;
  ties_timeline_set_view (timeline, first, last);
  ties_timeline_get_view (timeline, &self->span_first, &self->span_last);
  self->has_span = TRUE;
  drop_cache (self);
}

static void
set_lane_offset (TiesTimelineView *self,
                 double            offset)
{
  TiesTimeline *timeline = ensure_timeline (self);

  if (timeline == NULL)
    return;
  offset = CLAMP (offset, 0, ties_timeline_get_max_lane_offset (timeline, widget_height (self)));
  if (offset == self->lane_offset)
    return;
  self->lane_offset = offset;
  ties_timeline_set_lane_offset (timeline, offset);
  drop_cache (self);
}

static void
zoom_around (TiesTimelineView *self,
             double            factor,
             double            x)
{
  TiesTimeline *timeline = ensure_timeline (self);
  double first, last, day;

  if (timeline == NULL || !(factor > 0))
    return;
  ties_timeline_get_view (timeline, &first, &last);
  day = ties_timeline_x_to_day (timeline, widget_width (self), x);
  set_span (self, day - (day - first) / factor, day + (last - day) / factor);
}

static void
pan_by_share (TiesTimelineView *self,
              double            share)
{
  TiesTimeline *timeline = ensure_timeline (self);
  double first, last;

  if (timeline == NULL)
    return;
  ties_timeline_get_view (timeline, &first, &last);
  set_span (self, first + share * (last - first), last + share * (last - first));
}

static guint
selected_index (TiesTimelineView *self)
{
  TiesEvent *event;

  if (self->selection == NULL || ensure_timeline (self) == NULL)
    return G_MAXUINT;
  event = ties_selection_get_event (self->selection);

  return event != NULL ? ties_timeline_find_event (self->timeline, event) : G_MAXUINT;
}

/* The middle of @index's strict range, in days. */
static double
event_day (TiesTimelineView *self,
           guint             index)
{
  TiesTimelineMark mark;
  double width = MAX (widget_width (self), 1);

  if (!ties_timeline_get_mark (self->timeline, index, 0, width, widget_height (self), &mark))
    return NAN;

  return ties_timeline_x_to_day (self->timeline, width, (mark.x0 + mark.x1) / 2);
}

/* Brings event @index into view: its span, and its lane @lane. */
static void
reveal (TiesTimelineView *self,
        guint             index,
        guint             lane)
{
  double width = widget_width (self), height = widget_height (self);
  double first, last, day;
  guint n = ties_timeline_get_n_marks (self->timeline, index);

  ties_timeline_get_view (self->timeline, &first, &last);
  day = event_day (self, index);
  if (isfinite (day) && (day < first || day > last))
    set_span (self, day - (last - first) / 2, day + (last - first) / 2);

  for (guint i = 0; i < n; i++)
    {
      TiesTimelineMark mark;

      ties_timeline_get_mark (self->timeline, index, i, width, height, &mark);
      if (mark.lane != lane)
        continue;
      /* The axis takes the top of the strip. */
      if (mark.y - mark.height < 40)
        set_lane_offset (self, self->lane_offset + mark.y - mark.height - 40);
      else if (mark.y + mark.height > height)
        set_lane_offset (self, self->lane_offset + mark.y + mark.height - height);
    }
}

/* Selects event @index (G_MAXUINT: nothing happens) through the shared
 * selection, which every view follows. */
static void
select_index (TiesTimelineView *self,
              guint             index,
              guint             lane)
{
  TiesTimelineMark mark;
  gboolean in_lane = FALSE;
  guint n;

  if (index == G_MAXUINT || self->timeline == NULL)
    return;

  /* Keep to the lane the user is in when the event is drawn there. */
  n = ties_timeline_get_n_marks (self->timeline, index);
  for (guint i = 0; i < n; i++)
    {
      ties_timeline_get_mark (self->timeline, index, i, 1, 1, &mark);
      in_lane |= mark.lane == lane;
    }
  if (!in_lane && ties_timeline_get_mark (self->timeline, index, 0, 1, 1, &mark))
    lane = mark.lane;
  self->focus_lane = lane;

  if (self->selection != NULL)
    ties_selection_select_event (self->selection, ties_timeline_get_event (self->timeline, index));
  reveal (self, index, lane);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_description (TiesTimelineView *self)
{
  guint index = selected_index (self);
  g_autofree char *text = NULL;

  if (index != G_MAXUINT)
    text = ties_timeline_dup_event_text (self->timeline, index);
  else if (self->timeline != NULL)
    {
      guint n = ties_timeline_get_n_events (self->timeline);

      text = g_strdup_printf (ngettext ("%u dated event; the arrow keys move from one to the next",
                                        "%u dated events; the arrow keys move from one to the next", n), n);
    }
  else
    text = g_strdup (_("No events"));

  if (g_strcmp0 (text, self->description) == 0)
    return;
  g_free (self->description);
  self->description = g_steal_pointer (&text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

static void
on_selection_changed (TiesTimelineView *self)
{
  guint index;
  TiesTimelineMark mark;

  /* Hidden, the strip lays nothing out: the next frame brings the
   * description up to date. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  index = selected_index (self);

  /* A selection made elsewhere (the list, the diagram): shown here,
   * and in view. */
  if (index != G_MAXUINT && ties_timeline_get_mark (self->timeline, index, 0, 1, 1, &mark))
    {
      gboolean in_lane = FALSE;

      for (guint i = 0; i < ties_timeline_get_n_marks (self->timeline, index); i++)
        {
          TiesTimelineMark other;

          ties_timeline_get_mark (self->timeline, index, i, 1, 1, &other);
          in_lane |= other.lane == self->focus_lane;
        }
      if (!in_lane)
        self->focus_lane = mark.lane;
      reveal (self, index, self->focus_lane);
    }
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_style (TiesTimelineView *self)
{
  TiesStyle style = adw_style_manager_get_dark (adw_style_manager_get_default ())
                    ? TIES_STYLE_DARK : TIES_STYLE_LIGHT;

  if (style == self->style)
    return;
  self->style = style;
  if (self->timeline != NULL)
    ties_timeline_set_style (self->timeline, style);
  drop_cache (self);
}

/* Drawing */

/* The first and the day after the last of the filter's range, in days;
 * FALSE when it has none. Open ends reach the strip's edges. */
static gboolean
filter_days (TiesTimelineView *self,
             double           *first,
             double           *end)
{
  TiesFilter *filter = ties_network_get_filter (self->network);
  TiesDate *from = ties_filter_get_from_date (filter);
  TiesDate *to = ties_filter_get_to_date (filter);
  gint64 first_day, last_day;

  if (from == NULL && to == NULL)
    return FALSE;
  *first = -G_MAXDOUBLE;
  *end = G_MAXDOUBLE;
  if (from != NULL)
    {
      ties_date_get_strict_range (from, &first_day, &last_day);
      if (first_day > TIES_DATE_DAY_MIN)
        *first = first_day;
    }
  if (to != NULL)
    {
      ties_date_get_strict_range (to, &first_day, &last_day);
      if (last_day < TIES_DATE_DAY_MAX)
        *end = last_day + 1;
    }

  return TRUE;
}

/* Veils the plot outside [x0, x1], tints inside by @tint (an alpha)
 * and marks the edges that fall within the plot in the accent colour:
 * a brushed range, or Play's time. */
static void
draw_span (TiesTimelineView *self,
           cairo_t          *cr,
           int               width,
           int               height,
           double            x0,
           double            x1,
           double            tint)
{
  double plot_x = ties_timeline_get_plot_x (self->timeline, width);
  GdkRGBA veil, accent;

  x0 = CLAMP (x0, plot_x, width);
  x1 = CLAMP (x1, x0, width);
  gdk_rgba_parse (&veil, self->style == TIES_STYLE_DARK ? "#1e1e1e" : "#ffffff");
  gdk_rgba_parse (&accent, self->style == TIES_STYLE_DARK ? "#78aeed" : "#1c71d8");

  cairo_save (cr);
  cairo_set_source_rgba (cr, veil.red, veil.green, veil.blue, 0.6);
  cairo_rectangle (cr, plot_x, 0, x0 - plot_x, height);
  cairo_rectangle (cr, x1, 0, width - x1, height);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, tint);
  cairo_rectangle (cr, x0, 0, x1 - x0, height);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.9);
  cairo_set_line_width (cr, 2);
  for (guint i = 0; i < 2; i++)
    {
      double x = i == 0 ? x0 : x1;

      if (x > plot_x && x < width)
        {
          cairo_move_to (cr, x, 0);
          cairo_line_to (cr, x, height);
        }
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Play's month: a line where it ends, what lies after it veiled. */
static void
draw_now (TiesTimelineView *self,
          cairo_t          *cr,
          int               width,
          int               height)
{
  gint64 first, last;

  if (self->now == NULL)
    return;
  ties_date_get_strict_range (self->now, &first, &last);
  draw_span (self, cr, width, height, 0,
             ties_timeline_day_to_x (self->timeline, width, last + 1), 0);
}

/* The range being brushed, or the filter's. */
static void
draw_brush (TiesTimelineView *self,
            cairo_t          *cr,
            int               width,
            int               height)
{
  double first, end;

  if (self->brushing)
    draw_span (self, cr, width, height,
               MIN (self->brush_x, self->brush_x + self->brush_dx),
               MAX (self->brush_x, self->brush_x + self->brush_dx), 0.12);
  else if (filter_days (self, &first, &end))
    draw_span (self, cr, width, height,
               first > -G_MAXDOUBLE ? ties_timeline_day_to_x (self->timeline, width, first) : 0,
               end < G_MAXDOUBLE ? ties_timeline_day_to_x (self->timeline, width, end) : width, 0.06);
}

static void
ties_timeline_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  TiesTimelineView *self = TIES_TIMELINE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  TiesTimeline *timeline = ensure_timeline (self);
  guint selected;
  cairo_t *cr;

  if (timeline == NULL || width <= 0 || height <= 0)
    return;
  update_description (self);

  /* Lanes may have become fewer, or the strip taller. */
  if (self->lane_offset > ties_timeline_get_max_lane_offset (timeline, height))
    {
      self->lane_offset = ties_timeline_get_max_lane_offset (timeline, height);
      ties_timeline_set_lane_offset (timeline, self->lane_offset);
      g_clear_pointer (&self->cache, gsk_render_node_unref);
    }

  if (self->cache == NULL || self->cache_width != width || self->cache_height != height)
    {
      GtkSnapshot *cache = gtk_snapshot_new ();

      g_clear_pointer (&self->cache, gsk_render_node_unref);
      cr = gtk_snapshot_append_cairo (cache, &GRAPHENE_RECT_INIT (0, 0, width, height));
      ties_timeline_draw (timeline, cr, width, height);
      cairo_destroy (cr);
      self->cache = gtk_snapshot_free_to_node (cache);
      self->cache_width = width;
      self->cache_height = height;
    }
  if (self->cache != NULL)
    gtk_snapshot_append_node (snapshot, self->cache);

  selected = selected_index (self);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->hover != G_MAXUINT && self->hover != selected)
    ties_timeline_draw_highlight (timeline, cr, width, height, self->hover, FALSE);
  if (self->selection != NULL)
    {
      GPtrArray *events = ties_selection_get_events (self->selection);

      /* Several events selected in the list: each ringed. */
      for (guint i = 0; events != NULL && i < events->len; i++)
        ties_timeline_draw_highlight (timeline, cr, width, height,
                                      ties_timeline_find_event (timeline, g_ptr_array_index (events, i)), TRUE);
    }
  draw_brush (self, cr, width, height);
  draw_now (self, cr, width, height);
  if (gtk_widget_has_visible_focus (widget))
    {
      GdkRGBA accent;

      /* The focus ring, as libadwaita draws it: the accent, half
       * transparent, inside the edge. */
      gdk_rgba_parse (&accent, self->style == TIES_STYLE_DARK ? "#78aeed" : "#1c71d8");
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.5);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, 1, 1, width - 2, height - 2);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);

  gtk_widget_snapshot_child (widget, self->lanes_button, snapshot);
}

static void
ties_timeline_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  TiesTimelineView *self = TIES_TIMELINE_VIEW (widget);
  GtkRequisition natural;
  double room;

  /* The button sits in the empty corner above the lane names; it gets
   * its natural size, never more than the corner holds. */
  gtk_widget_get_preferred_size (self->lanes_button, NULL, &natural);
  room = ensure_timeline (self) != NULL ? ties_timeline_get_plot_x (self->timeline, width) - 8 : width;
  gtk_widget_set_child_visible (self->lanes_button, room >= natural.width);
  gtk_widget_allocate (self->lanes_button, natural.width, MIN (natural.height, height), -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (4, 3)));
}

static void
ties_timeline_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  TiesTimelineView *self = TIES_TIMELINE_VIEW (widget);
  int child_min, child_nat;

  gtk_widget_measure (self->lanes_button, orientation, -1, &child_min, &child_nat, NULL, NULL);
  /* The button may hide: the strip needs no width of its own. */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 0 : child_min + 6;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 600 : 200;
}

/* Input */

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           TiesTimelineView         *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double x = widget_width (self) / 2;
  TiesTimeline *timeline = ensure_timeline (self);
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  double ex, ey;

  if (timeline == NULL)
    return FALSE;
  if (event != NULL && gdk_event_get_position (event, &ex, &ey))
    {
      graphene_point_t point;
      GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
      double sx = 0, sy = 0;

      /* The event is in the surface's coordinates, which begin outside
       * the window's shadow. */
      if (native != NULL)
        gtk_native_get_surface_transform (native, &sx, &sy);
      if (native != NULL
          && gtk_widget_compute_point (GTK_WIDGET (native), GTK_WIDGET (self),
                                       &GRAPHENE_POINT_INIT (ex - sx, ey - sy), &point))
        x = point.x;
    }

  if (state & GDK_CONTROL_MASK)
    {
      zoom_around (self, pow (ZOOM_STEP, -dy), x);
      return TRUE;
    }
  /* A wheel's vertical turn scrolls lanes that do not all fit, and
   * otherwise, as Shift or a sideways swipe do, moves through time. */
  if (dy != 0 && !(state & GDK_SHIFT_MASK)
      && ties_timeline_get_max_lane_offset (timeline, widget_height (self)) > 0)
    set_lane_offset (self, self->lane_offset + dy * LANE_SCROLL_STEP);
  else
    pan_by_share (self, (dx != 0 ? dx : dy) * PAN_STEP);

  return TRUE;
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               TiesTimelineView *self)
{
  if (ensure_timeline (self) != NULL)
    ties_timeline_get_view (self->timeline, &self->start_first, &self->start_last);
}

static void
on_zoom_scale_changed (GtkGestureZoom   *gesture,
                       double            scale,
                       TiesTimelineView *self)
{
  double x, y, day;
  double width = widget_width (self);

  if (ensure_timeline (self) == NULL || !(scale > 0))
    return;
  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = width / 2;
  /* Around the day under the fingers when the pinch began. */
  ties_timeline_set_view (self->timeline, self->start_first, self->start_last);
  day = ties_timeline_x_to_day (self->timeline, width, x);
  set_span (self, day - (day - self->start_first) / scale, day + (self->start_last - day) / scale);
}

static void
on_drag_begin (GtkGestureDrag   *gesture,
               double            x,
               double            y,
               TiesTimelineView *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (ensure_timeline (self) == NULL)
    return;
  /* The primary button over the plot brushes, as in Sysprof or
   * Audacity; any other drag, or one on the lane names, pans. */
  self->brushing = button == GDK_BUTTON_PRIMARY
                   && x >= ties_timeline_get_plot_x (self->timeline, widget_width (self));
  self->brush_x = x;
  self->brush_dx = 0;
  ties_timeline_get_view (self->timeline, &self->start_first, &self->start_last);
  self->start_offset = self->lane_offset;
}

static void
on_drag_end (GtkGestureDrag   *gesture,
             double            dx,
             double            dy,
             TiesTimelineView *self)
{
  if (!self->brushing)
    return;
  self->brushing = FALSE;
  /* Shorter than this, it was a click: the click gesture selects. */
  if (fabs (dx) >= BRUSH_MIN_PIXELS)
    ties_timeline_view_brush (self, self->brush_x, self->brush_x + dx);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_update (GtkGestureDrag   *gesture,
                double            dx,
                double            dy,
                TiesTimelineView *self)
{
  double width = widget_width (self);
  double plot, days;

  if (self->timeline == NULL)
    return;
  if (self->brushing)
    {
      self->brush_dx = dx;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  plot = width - ties_timeline_get_plot_x (self->timeline, width) - 10;
  if (plot <= 0)
    return;
  days = dx / plot * (self->start_last - self->start_first);
  set_span (self, self->start_first - days, self->start_last - days);
  set_lane_offset (self, self->start_offset - dy);
}

static void
on_click_pressed (GtkGestureClick  *gesture,
                  int               n_press,
                  double            x,
                  double            y,
                  TiesTimelineView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_click_released (GtkGestureClick  *gesture,
                   int               n_press,
                   double            x,
                   double            y,
                   TiesTimelineView *self)
{
  if (n_press == 1)
    ties_timeline_view_activate_at (self, x, y);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           TiesTimelineView         *self)
{
  guint hover;

  if (ensure_timeline (self) == NULL)
    return;
  hover = ties_timeline_hit (self->timeline, widget_width (self), widget_height (self), x, y, NULL);
  if (hover != self->hover)
    {
      self->hover = hover;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_leave (GtkEventControllerMotion *controller,
          TiesTimelineView         *self)
{
  if (self->hover != G_MAXUINT)
    {
      self->hover = G_MAXUINT;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
ties_timeline_view_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard,
                                  GtkTooltip *tooltip)
{
  TiesTimelineView *self = TIES_TIMELINE_VIEW (widget);
  g_autofree char *text = NULL;
  guint index;

  if (ensure_timeline (self) == NULL)
    return FALSE;
  index = keyboard ? selected_index (self)
                   : ties_timeline_hit (self->timeline, widget_width (self), widget_height (self), x, y, NULL);
  if (index == G_MAXUINT)
    return FALSE;
  text = ties_timeline_dup_event_text (self->timeline, index);
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

/* Up and Down: the event nearest in time in the next lane that has one. */
static void
move_lane (TiesTimelineView *self,
           int               direction)
{
  guint n_lanes = ties_timeline_get_n_lanes (self->timeline);
  guint current = selected_index (self);
  double day;

  if (n_lanes == 0)
    return;
  if (current == G_MAXUINT)
    {
      select_index (self, ties_timeline_find_nearest (self->timeline, 0, G_MAXDOUBLE / 4), 0);
      return;
    }
  day = event_day (self, current);
  for (gint64 lane = (gint64) self->focus_lane + direction; lane >= 0 && lane < n_lanes; lane += direction)
    {
      guint index = ties_timeline_find_nearest (self->timeline, lane, day);

      if (index != G_MAXUINT)
        {
          select_index (self, index, lane);
          return;
        }
    }
  gtk_widget_error_bell (GTK_WIDGET (self));
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TiesTimelineView      *self)
{
  guint n, current;

  if (ensure_timeline (self) == NULL)
    return FALSE;
  n = ties_timeline_get_n_events (self->timeline);
  current = selected_index (self);
  state &= gtk_accelerator_get_default_mod_mask ();

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      {
        gboolean right = keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right;

        if (state == GDK_SHIFT_MASK)
          {
            pan_by_share (self, right ? PAN_STEP : -PAN_STEP);
            return TRUE;
          }
        if (state != 0 || n == 0)
          return FALSE;
        if (current == G_MAXUINT)
          select_index (self, right ? 0 : n - 1, self->focus_lane);
        else if (right ? current + 1 < n : current > 0)
          select_index (self, right ? current + 1 : current - 1, self->focus_lane);
        else
          gtk_widget_error_bell (GTK_WIDGET (self));
        return TRUE;
      }
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (state != 0)
        return FALSE;
      move_lane (self, keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up ? -1 : 1);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_End:
      if (state != 0 || n == 0)
        return FALSE;
      select_index (self, keyval == GDK_KEY_Home ? 0 : n - 1, self->focus_lane);
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      if ((state & ~GDK_SHIFT_MASK) != 0)
        return FALSE;
      zoom_around (self, ZOOM_STEP, widget_width (self) / 2);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      if (state != 0)
        return FALSE;
      zoom_around (self, 1 / ZOOM_STEP, widget_width (self) / 2);
      return TRUE;
    case GDK_KEY_Escape:
      {
        TiesFilter *filter = ties_network_get_filter (self->network);

        /* Escape lets go of a brushed range, as it would of a selection. */
        if (state != 0 || (ties_filter_get_from (filter) == NULL && ties_filter_get_to (filter) == NULL))
          return FALSE;
        edit_time_range (self, NULL, NULL);
        return TRUE;
      }
    default:
      return FALSE;
    }
}

static void
on_focus_changed (TiesTimelineView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  zoom_around (TIES_TIMELINE_VIEW (widget), ZOOM_STEP, gtk_widget_get_width (widget) / 2.0);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  zoom_around (TIES_TIMELINE_VIEW (widget), 1 / ZOOM_STEP, gtk_widget_get_width (widget) / 2.0);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ties_timeline_view_zoom_to_fit (TIES_TIMELINE_VIEW (widget));
}

/* GObject */

static void
ties_timeline_view_dispose (GObject *object)
{
  TiesTimelineView *self = TIES_TIMELINE_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TIES_TYPE_TIMELINE_VIEW);
  g_clear_pointer (&self->timeline, ties_timeline_free);
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  g_clear_object (&self->network);
  g_clear_object (&self->strip_network);
  g_clear_object (&self->filter);
  g_clear_object (&self->document);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (ties_timeline_view_parent_class)->dispose (object);
}

static void
ties_timeline_view_finalize (GObject *object)
{
  TiesTimelineView *self = TIES_TIMELINE_VIEW (object);

  g_free (self->description);
  g_clear_pointer (&self->now, ties_date_unref);

  G_OBJECT_CLASS (ties_timeline_view_parent_class)->finalize (object);
}

static void
ties_timeline_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TiesTimelineView *self = TIES_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_NETWORK:
      g_value_set_object (value, self->network);
      break;
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    case PROP_LANES:
      g_value_set_string (value, ties_timeline_view_get_lanes (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_timeline_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TiesTimelineView *self = TIES_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_NETWORK:
      ties_timeline_view_set_network (self, g_value_get_object (value));
      break;
    case PROP_SELECTION:
      ties_timeline_view_set_selection (self, g_value_get_object (value));
      break;
    case PROP_LANES:
      ties_timeline_view_set_lanes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_timeline_view_class_init (TiesTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ties_timeline_view_dispose;
  object_class->finalize = ties_timeline_view_finalize;
  object_class->get_property = ties_timeline_view_get_property;
  object_class->set_property = ties_timeline_view_set_property;

  widget_class->snapshot = ties_timeline_view_snapshot;
  widget_class->measure = ties_timeline_view_measure;
  widget_class->size_allocate = ties_timeline_view_size_allocate;
  widget_class->query_tooltip = ties_timeline_view_query_tooltip;

  properties[PROP_NETWORK] =
    g_param_spec_object ("network", NULL, NULL, TIES_TYPE_NETWORK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, TIES_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANES] =
    g_param_spec_string ("lanes", NULL, NULL, "actor",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tiesapp/Ties/ui/ties-timeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TiesTimelineView, lanes_button);

  gtk_widget_class_install_property_action (widget_class, "timeline.lanes", "lanes");
  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "timeline.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "timeline.zoom-fit", NULL);

  gtk_widget_class_set_css_name (widget_class, "timelineview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ties_timeline_view_init (TiesTimelineView *self)
{
  GtkGesture *gesture;
  GtkEventController *controller;

  self->hover = G_MAXUINT;
  self->lanes = TIES_TIMELINE_LANES_ACTOR;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
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
  self->style = adw_style_manager_get_dark (adw_style_manager_get_default ())
                ? TIES_STYLE_DARK : TIES_STYLE_LIGHT;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  -1);
  update_description (self);
}

/* Public API */

GtkWidget *
ties_timeline_view_new (void)
{
  return g_object_new (TIES_TYPE_TIMELINE_VIEW, NULL);
}

TiesNetwork *
ties_timeline_view_get_network (TiesTimelineView *self)
{
  g_return_val_if_fail (TIES_IS_TIMELINE_VIEW (self), NULL);

  return self->network;
}

void
ties_timeline_view_set_network (TiesTimelineView *self,
                                TiesNetwork      *network)
{
  g_return_if_fail (TIES_IS_TIMELINE_VIEW (self));
  g_return_if_fail (network == NULL || TIES_IS_NETWORK (network));

  if (self->network == network)
    return;

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->network, network);
  g_clear_object (&self->filter);
  g_clear_object (&self->document);
  g_clear_object (&self->strip_network);
  /* Which events count, and their dates, participants and kinds; then
   * titles and names, which the network does not follow. */
  if (network != NULL)
    {
      self->document = g_object_ref (ties_network_get_document (network));
      self->filter = g_object_ref (ties_network_get_filter (network));
      self->strip_network = ties_network_new (self->document);
      g_signal_connect_object (self->strip_network, "changed", G_CALLBACK (invalidate), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->filter, "changed", G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->document, "parts-changed", G_CALLBACK (invalidate), self, G_CONNECT_SWAPPED);
      on_filter_changed (self);
    }
  self->has_span = FALSE;
  self->lane_offset = 0;
  invalidate (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NETWORK]);
}

TiesSelection *
ties_timeline_view_get_selection (TiesTimelineView *self)
{
  g_return_val_if_fail (TIES_IS_TIMELINE_VIEW (self), NULL);

  return self->selection;
}

void
ties_timeline_view_set_selection (TiesTimelineView *self,
                                  TiesSelection    *selection)
{
  g_return_if_fail (TIES_IS_TIMELINE_VIEW (self));
  g_return_if_fail (selection == NULL || TIES_IS_SELECTION (selection));

  if (self->selection == selection)
    return;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->selection, selection);
  if (selection != NULL)
    g_signal_connect_object (selection, "changed", G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  on_selection_changed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

const char *
ties_timeline_view_get_lanes (TiesTimelineView *self)
{
  g_return_val_if_fail (TIES_IS_TIMELINE_VIEW (self), NULL);

  return self->lanes == TIES_TIMELINE_LANES_KIND ? "kind" : "actor";
}

void
ties_timeline_view_set_lanes (TiesTimelineView *self,
                              const char       *lanes)
{
  TiesTimelineLanes value;

  g_return_if_fail (TIES_IS_TIMELINE_VIEW (self));
  g_return_if_fail (g_strcmp0 (lanes, "actor") == 0 || g_strcmp0 (lanes, "kind") == 0);

  value = g_str_equal (lanes, "kind") ? TIES_TIMELINE_LANES_KIND : TIES_TIMELINE_LANES_ACTOR;
  if (value == self->lanes)
    return;
  self->lanes = value;
  self->lane_offset = 0;
  invalidate (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANES]);
}

void
ties_timeline_view_get_span (TiesTimelineView *self,
                             double           *first_day,
                             double           *last_day)
{
  g_return_if_fail (TIES_IS_TIMELINE_VIEW (self));

  if (ensure_timeline (self) != NULL)
    ties_timeline_get_view (self->timeline, first_day, last_day);
}

void
ties_timeline_view_set_span (TiesTimelineView *self,
                             double            first_day,
                             double            last_day)
{
  g_return_if_fail (TIES_IS_TIMELINE_VIEW (self));

  set_span (self, first_day, last_day);
}

void
ties_timeline_view_zoom_to_fit (TiesTimelineView *self)
{
  double first, last;

  g_return_if_fail (TIES_IS_TIMELINE_VIEW (self));

  if (ensure_timeline (self) == NULL)
    return;
  ties_timeline_get_extent (self->timeline, &first, &last);
  set_span (self, first, last);
  self->has_span = FALSE;
}

TiesTimeline *
ties_timeline_view_get_timeline (TiesTimelineView *self)
{
  g_return_val_if_fail (TIES_IS_TIMELINE_VIEW (self), NULL);

  return ensure_timeline (self);
}

void
ties_timeline_view_activate_at (TiesTimelineView *self,
                                double            x,
                                double            y)
{
  guint index, lane;

  g_return_if_fail (TIES_IS_TIMELINE_VIEW (self));

  if (ensure_timeline (self) == NULL)
    return;
  index = ties_timeline_hit (self->timeline, widget_width (self), widget_height (self), x, y, &lane);
  select_index (self, index, lane);
}

const char *
ties_timeline_view_get_description (TiesTimelineView *self)
{
  g_return_val_if_fail (TIES_IS_TIMELINE_VIEW (self), NULL);

  return self->description;
}

void
ties_timeline_view_set_now (TiesTimelineView *self,
                            TiesDate         *now)
{
  g_return_if_fail (TIES_IS_TIMELINE_VIEW (self));

  g_clear_pointer (&self->now, ties_date_unref);
  self->now = now != NULL ? ties_date_ref (now) : NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Sets the network's filter to the whole days drawn between @x0 and @x1
 * (either order), as a drag across the strip does. */
void
ties_timeline_view_brush (TiesTimelineView *self,
                          double            x0,
                          double            x1)
{
  double width;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  double first, last;

  g_return_if_fail (TIES_IS_TIMELINE_VIEW (self));

  if (ensure_timeline (self) == NULL)
    return;
  width = widget_width (self);
  first = floor (ties_timeline_x_to_day (self->timeline, width, MIN (x0, x1)));
  last = floor (ties_timeline_x_to_day (self->timeline, width, MAX (x0, x1)));
  if (!isfinite (first) || !isfinite (last))
    return;
  from = ties_date_day_to_iso ((gint64) first);
  to = ties_date_day_to_iso ((gint64) last);
  edit_time_range (self, from, to);
}
