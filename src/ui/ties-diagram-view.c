/* ties-diagram-view.c: the relationship diagram, live: its properties,
 * its state of zoom, pan and selection, and its public API
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rest of the view is in files of their own, sharing the instance
 * struct through ties-diagram-view-private.h: the geometry and the
 * drawing of the cached scene in ties-diagram-view-draw.c, gestures and
 * keys in ties-diagram-view-input.c, layout and easing in
 * ties-diagram-view-layout.c, tooltips and the accessible description in
 * ties-diagram-view-tooltips.c.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "ties-diagram-view-private.h"
#include "ties-graph.h"
#include "ties-layout-job.h"
#include "ties-renderer.h"
#include "ties-timing.h"
#include "ties-ui-util.h"

#define MIN_ZOOM 0.25
#define MAX_ZOOM 16.0
/* After a scroll or pinch zoom, the cached picture is scaled until the
 * zoom rests this long, then drawn again sharp. */
#define ZOOM_SETTLE_MS 150

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
  PROP_TOP_INSET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Size */

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
  _ties_diagram_view_rebuild_scene (self);
}

static void
ties_diagram_view_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (ties_diagram_view_parent_class)->css_changed (widget, change);

  /* The stylesheet, and so perhaps the accent, changed. */
  gtk_widget_queue_draw (widget);
}

/* Layout (the rest is in ties-diagram-view-layout.c) */

void
_ties_diagram_view_set_busy (TiesDiagramView *self,
                             gboolean         busy)
{
  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  busy = !!busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
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

void
_ties_diagram_view_select_tie (TiesDiagramView *self,
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

/* Zoom and pan */

void
_ties_diagram_view_set_pan (TiesDiagramView *self,
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

  _ties_diagram_view_set_pan (self, self->pan_x + dx, self->pan_y + dy);
}

static gboolean
zoom_settled (gpointer data)
{
  TiesDiagramView *self = data;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  self->zoom_settle_source = 0;
  if (self->cache != NULL && self->cache_zoom != self->zoom)
    _ties_diagram_view_invalidate_cache (self);

  return G_SOURCE_REMOVE;
}

/* Zooms keeping the diagram point under (@x, @y) in place. */
void
_ties_diagram_view_zoom_around (TiesDiagramView *self,
                                double           zoom,
                                double           x,
                                double           y)
{
  double cx = _ties_diagram_view_widget_width (self) / 2, cy = _ties_diagram_view_widget_height (self) / 2;
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
      _ties_diagram_view_stop_animation (self);
      _ties_diagram_view_rebuild_scene (self);
    }

  GTK_WIDGET_CLASS (ties_diagram_view_parent_class)->unmap (widget);
}

static void
ties_diagram_view_dispose (GObject *object)
{
  TiesDiagramView *self = (TiesDiagramView *) object;

  _ties_diagram_view_cancel_layout_job (self);
  _ties_diagram_view_stop_animation (self);
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
  g_clear_pointer (&self->as_of, ties_date_unref);
  g_clear_pointer (&self->recent_from, ties_date_unref);
  g_clear_pointer (&self->communities, g_hash_table_unref);
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
    case PROP_TOP_INSET:
      g_value_set_int (value, self->top_inset);
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
    case PROP_TOP_INSET:
      if (self->top_inset != g_value_get_int (value))
        {
          self->top_inset = g_value_get_int (value);
          _ties_diagram_view_invalidate_cache (self);
          g_object_notify_by_pspec (object, pspec);
        }
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

  widget_class->snapshot = _ties_diagram_view_snapshot;
  widget_class->measure = ties_diagram_view_measure;
  widget_class->size_allocate = ties_diagram_view_size_allocate;
  widget_class->query_tooltip = _ties_diagram_view_query_tooltip;
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

  /* Pixels at the top the diagram keeps clear of, for controls laid
   * over the view (the window's Layout button): nothing is drawn under
   * them when the whole diagram is shown. */
  properties[PROP_TOP_INSET] =
    g_param_spec_int ("top-inset", NULL, NULL,
                      0, 1000, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_property_action (widget_class, "diagram.mark-weak-ties", "mark-weak-ties");
  _ties_diagram_view_class_init_input (widget_class);

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

  _ties_diagram_view_init_input (self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (update_style), self, G_CONNECT_SWAPPED);
  self->style = adw_style_manager_get_dark (adw_style_manager_get_default ())
                ? TIES_STYLE_DARK : TIES_STYLE_LIGHT;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Relationship diagram"),
                                  -1);
  _ties_diagram_view_update_description (self);
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
  _ties_diagram_view_rederive (self);
}

/* The document's places changed, and not by the view's own hand: an
 * undo or redo of Re-layout. */
static void
on_positions_changed (TiesDiagramView *self,
                      GParamSpec      *pspec,
                      TiesDocument    *document)
{
  if (document != self->document || self->storing_positions > 0)
    return;

  self->adopt_positions = TRUE;
  _ties_diagram_view_on_network_changed (self);
}

/* Lays the diagram out afresh (pinned actors keep their places), as one
 * undo step: what a researcher asks for when the picture has drifted
 * through many small edits. */
void
ties_diagram_view_relayout (TiesDiagramView *self)
{
  g_return_if_fail (TIES_IS_DIAGRAM_VIEW (self));

  if (self->network == NULL)
    return;

  self->fresh_layout = TRUE;
  self->relayout_pending = TRUE;
  _ties_diagram_view_rederive (self);
}

void
ties_diagram_view_set_network (TiesDiagramView *self,
                               TiesNetwork     *network)
{
  g_return_if_fail (TIES_IS_DIAGRAM_VIEW (self));
  g_return_if_fail (network == NULL || TIES_IS_NETWORK (network));

  if (self->network == network)
    return;

  _ties_diagram_view_cancel_layout_job (self);
  _ties_diagram_view_stop_animation (self);
  g_clear_signal_handler (&self->network_changed_handler, self->network);
  if (self->document != NULL)
    g_clear_signal_handler (&self->document_changed_handler, self->document);
  g_set_object (&self->network, network);
  self->document = network != NULL ? ties_network_get_document (network) : NULL;
  if (network != NULL)
    {
      self->network_changed_handler =
        g_signal_connect_object (network, "changed", G_CALLBACK (_ties_diagram_view_on_network_changed),
                                 self, G_CONNECT_SWAPPED);
      self->document_changed_handler =
        g_signal_connect_object (self->document, "parts-changed",
                                 G_CALLBACK (_ties_diagram_view_on_document_parts_changed),
                                 self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->document, "notify::layout", G_CALLBACK (on_view_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->document, "notify::focus", G_CALLBACK (on_view_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->document, "notify::positions", G_CALLBACK (on_positions_changed),
                               self, G_CONNECT_SWAPPED);
    }

  /* A new document starts afresh: no old places to ease from. */
  g_clear_pointer (&self->graph, ties_graph_free);
  self->relayout_pending = self->adopt_positions = FALSE;
  g_clear_pointer (&self->highlighted_events, g_hash_table_unref);
  self->pan_x = self->pan_y = 0;
  if (self->zoom != 1.0)
    {
      self->zoom = 1.0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  self->quiet++;
  ties_diagram_view_select_actor (self, NULL);
  _ties_diagram_view_select_tie (self, NULL, NULL);
  self->quiet--;

  _ties_diagram_view_rederive (self);

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

  _ties_diagram_view_rebuild_scene (self);
}

void
ties_diagram_view_set_as_of (TiesDiagramView *self,
                             TiesDate        *as_of,
                             TiesDate        *recent_from)
{
  g_return_if_fail (TIES_IS_DIAGRAM_VIEW (self));

  if (as_of == self->as_of && recent_from == self->recent_from)
    return;
  g_clear_pointer (&self->as_of, ties_date_unref);
  g_clear_pointer (&self->recent_from, ties_date_unref);
  self->as_of = as_of != NULL ? ties_date_ref (as_of) : NULL;
  self->recent_from = as_of != NULL && recent_from != NULL ? ties_date_ref (recent_from) : NULL;
  /* The same graph, drawn again: the places stay where they are. */
  _ties_diagram_view_rebuild_scene (self);
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
  _ties_diagram_view_publish_selection (self);
}

/* The window's selection */

/* What the person selected here becomes the window's selection. */
void
_ties_diagram_view_publish_selection (TiesDiagramView *self)
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
  _ties_diagram_view_select_tie (self, tie_a, tie_b);
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

  if (!_ties_follow_selection (&self->shared_selection, selection, self, G_CALLBACK (follow_selection)))
    return;
  if (selection != NULL)
    follow_selection (self);

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

  _ties_diagram_view_zoom_around (self, zoom, _ties_diagram_view_widget_width (self) / 2,
                                  _ties_diagram_view_widget_height (self) / 2);
}

void
ties_diagram_view_zoom_to_fit (TiesDiagramView *self)
{
  g_return_if_fail (TIES_IS_DIAGRAM_VIEW (self));

  _ties_diagram_view_set_pan (self, 0, 0);
  if (self->zoom != 1.0)
    {
      self->zoom = 1.0;
      _ties_diagram_view_invalidate_cache (self);
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
  _ties_diagram_view_to_widget (self, dx, dy, x, y);

  return TRUE;
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
  _ties_diagram_view_rebuild_scene (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MARK_WEAK_TIES]);
}

GHashTable *
ties_diagram_view_get_communities (TiesDiagramView *self)
{
  g_return_val_if_fail (TIES_IS_DIAGRAM_VIEW (self), NULL);

  return self->communities;
}

/* As for the weak ties: the same layout, drawn again. */
void
ties_diagram_view_set_communities (TiesDiagramView *self,
                                   GHashTable      *communities)
{
  g_return_if_fail (TIES_IS_DIAGRAM_VIEW (self));

  if (self->communities == communities)
    return;

  g_clear_pointer (&self->communities, g_hash_table_unref);
  if (communities != NULL)
    self->communities = g_hash_table_ref (communities);
  _ties_diagram_view_rebuild_scene (self);
}

TiesScene *
_ties_diagram_view_get_scene (TiesDiagramView *self)
{
  g_return_val_if_fail (TIES_IS_DIAGRAM_VIEW (self), NULL);

  return self->scene;
}
