/* ties-diagram-view-input.c: what the diagram view does with the
 * pointer, touch and keys: select, drag to pin, double-click to unpin,
 * pan, zoom, and move the focus from node to node
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "ties-diagram-view-private.h"
#include "ties-graph.h"
#include "ties-renderer.h"

#define ZOOM_STEP 1.25
#define DRAG_THRESHOLD 3.0     /* pixels before a press becomes a drag */
#define SCROLL_STEP 40.0       /* pixels per scroll wheel step */

/* Selection */

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
  _ties_diagram_view_publish_selection (self);
}

static void
select_at_quietly (TiesDiagramView *self,
                   double           x,
                   double           y)
{
  guint node = _ties_diagram_view_hit_node (self, x, y);
  guint edge;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  if (node != G_MAXUINT)
    {
      _ties_diagram_view_select_tie (self, NULL, NULL);
      ties_diagram_view_select_actor (self, _ties_diagram_view_node_id (self, node));
      self->focus_node = node;
      return;
    }

  ties_diagram_view_select_actor (self, NULL);
  edge = _ties_diagram_view_hit_edge (self, x, y);
  if (edge != G_MAXUINT)
    {
      guint a, b;

      ties_scene_get_edge (self->scene, edge, &a, &b);
      /* Tie ends are ordered as the network orders them. */
      if (g_strcmp0 (_ties_diagram_view_node_id (self, a), _ties_diagram_view_node_id (self, b)) > 0)
        _ties_diagram_view_select_tie (self, _ties_diagram_view_node_id (self, b),
                                       _ties_diagram_view_node_id (self, a));
      else
        _ties_diagram_view_select_tie (self, _ties_diagram_view_node_id (self, a),
                                       _ties_diagram_view_node_id (self, b));
    }
  else
    _ties_diagram_view_select_tie (self, NULL, NULL);
}

/* Zoom and pan */

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
      double x = _ties_diagram_view_widget_width (self) / 2, y = _ties_diagram_view_widget_height (self) / 2;
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
      _ties_diagram_view_zoom_around (self, self->zoom * pow (ZOOM_STEP, -dy), x, y);
      return TRUE;
    }

  if (state & GDK_SHIFT_MASK && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  _ties_diagram_view_set_pan (self, self->pan_x - dx * SCROLL_STEP, self->pan_y - dy * SCROLL_STEP);

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
      x = _ties_diagram_view_widget_width (self) / 2;
      y = _ties_diagram_view_widget_height (self) / 2;
    }
  _ties_diagram_view_zoom_around (self, self->zoom_start * scale, x, y);
}

/* Dragging: the gesture handlers and the testing hook share these. */

static void
drag_begin (TiesDiagramView *self,
            double           x,
            double           y)
{
  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  self->drag_node = _ties_diagram_view_hit_node (self, x, y);
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
    _ties_diagram_view_set_pan (self, self->pan_start_x + dx, self->pan_start_y + dy);
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
      TiesActor *actor = _ties_diagram_view_node_actor (self, self->drag_node);
      TiesGraphNode *node = ties_graph_node (self->graph, self->drag_node);
      double tx, ty, s = _ties_diagram_view_view_transform (self, &tx, &ty);
      double x = node->x + dx / s;
      double y = node->y + dy / s;

      if (actor != NULL)
        {
          /* Shown where it was dropped at once; the edit's new layout
           * eases the others from there. */
          node->x = x;
          node->y = y;
          _ties_diagram_view_rebuild_scene (self);
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
  TiesActor *actor = _ties_diagram_view_node_actor (self, node);
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
      guint node = _ties_diagram_view_hit_node (self, x, y);

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
  guint node = _ties_diagram_view_hit_node (self, x, y);

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

      if (i == from || !ties_scene_node_is_drawn (self->scene, i))
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

/* The node Tab (or Shift+Tab, @back) moves to from @from (G_MAXUINT:
 * from outside), skipping those not drawn as of Play's month;
 * G_MAXUINT past the last. */
static guint
next_drawn_node (TiesDiagramView *self,
                 guint            from,
                 gboolean         back)
{
  guint n = ties_scene_get_n_nodes (self->scene);
  gint64 i = from == G_MAXUINT ? (back ? (gint64) n - 1 : 0) : (back ? (gint64) from - 1 : (gint64) from + 1);

  for (; i >= 0 && i < n; i += back ? -1 : 1)
    if (ties_scene_node_is_drawn (self->scene, (guint) i))
      return (guint) i;

  return G_MAXUINT;
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
    case GDK_KEY_ISO_Left_Tab:
      {
        gboolean back = keyval == GDK_KEY_ISO_Left_Tab;
        guint next = next_drawn_node (self, self->focus_node, back);

        if (!back && (state & GDK_SHIFT_MASK))
          return FALSE;
        /* Past the last node, focus leaves the diagram. */
        focus_node (self, next);
        return next != G_MAXUINT;
      }

    case GDK_KEY_Left: case GDK_KEY_KP_Left:
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
      {
        double ux = 0, uy = 0;
        guint next;

        if (self->focus_node == G_MAXUINT)
          {
            focus_node (self, next_drawn_node (self, G_MAXUINT, FALSE));
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
      _ties_diagram_view_select_tie (self, NULL, NULL);
      ties_diagram_view_select_actor (self, _ties_diagram_view_node_id (self, self->focus_node));
      self->quiet--;
      _ties_diagram_view_publish_selection (self);
      return TRUE;

    case GDK_KEY_Escape:
      self->quiet++;
      _ties_diagram_view_select_tie (self, NULL, NULL);
      ties_diagram_view_select_actor (self, NULL);
      self->quiet--;
      _ties_diagram_view_publish_selection (self);
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

/* Testing hooks (ties-diagram-view-private.h) */

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
      guint node = _ties_diagram_view_hit_node (self, x, y);

      if (node != G_MAXUINT)
        unpin_node (self, node);
    }
  else
    select_at (self, x, y);
}

/* The zoom actions and their keys, installed by the class. */
void
_ties_diagram_view_class_init_input (GtkWidgetClass *widget_class)
{
  g_assert (GTK_IS_WIDGET_CLASS (widget_class));

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
}

/* The gestures and controllers, added by each view. */
void
_ties_diagram_view_init_input (TiesDiagramView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

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
}
