/* ties-diagram-view-private.h: what the diagram view's files share, and
 * what the tests reach inside the diagram
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ties-diagram-view.h"
#include "ties-graph.h"
#include "ties-renderer.h"

G_BEGIN_DECLS

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
  /* The scene, area and zoom whose names were last thinned to keep the
   * drawing large (0: none): set again, they would come out the same. */
  guint thinned_scene;
  int thinned_width;
  int thinned_height;
  double thinned_zoom;

  /* What is shown: the laid-out graph (positions as drawn, mid-animation
   * too) and its scene, with the scene's picture cached for this size
   * and zoom: panning moves the picture (a transform in the snapshot),
   * it does not draw the scene again. The picture covers cache_rect, in
   * widget coordinates as they were at cache_pan. */
  TiesGraph *graph;
  TiesScene *scene;
  gboolean mark_weak_ties;
  /* The legend is laid out once asked for (the window's Legend popover):
   * the diagram itself does not show it. */
  gboolean legend_wanted;
  /* Actor id → community + 1, or NULL: colours by affiliation. */
  GHashTable *communities;
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
  /* Drawn as of a month (the window's Play): TiesRenderOptions.as_of
   * and recent_from, or NULL. */
  TiesDate *as_of;
  TiesDate *recent_from;
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

  /* Pixels at the top kept free for the controls laid over the view. */
  int top_inset;

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
  /* Re-layout was asked for: the fresh layout's places become the
   * document's as one undo step once it is installed. */
  gboolean relayout_pending;
  /* The document's places changed under the view (undo or redo of a
   * Re-layout): draw them as they are, not from the places shown. */
  gboolean adopt_positions;
  /* The view itself is handing its places to the document. */
  guint storing_positions;
};

/* ties-diagram-view.c */

void          _ties_diagram_view_set_busy           (TiesDiagramView    *self,
                                                     gboolean            busy);
/* Selects the tie between @a and @b (ordered as the network orders
 * them), or none. */
void          _ties_diagram_view_select_tie         (TiesDiagramView    *self,
                                                     const char         *a,
                                                     const char         *b);
void          _ties_diagram_view_publish_selection  (TiesDiagramView    *self);
void          _ties_diagram_view_set_pan            (TiesDiagramView    *self,
                                                     double              pan_x,
                                                     double              pan_y);
void          _ties_diagram_view_zoom_around        (TiesDiagramView    *self,
                                                     double              zoom,
                                                     double              x,
                                                     double              y);

/* ties-diagram-view-draw.c */

double        _ties_diagram_view_widget_width       (TiesDiagramView    *self);
double        _ties_diagram_view_widget_height      (TiesDiagramView    *self);
double        _ties_diagram_view_top_inset          (TiesDiagramView    *self);
double        _ties_diagram_view_view_transform     (TiesDiagramView    *self,
                                                     double             *tx,
                                                     double             *ty);
void          _ties_diagram_view_to_widget          (TiesDiagramView    *self,
                                                     double              dx,
                                                     double              dy,
                                                     double             *x,
                                                     double             *y);
/* The node or edge under (@x, @y) in the widget, or G_MAXUINT. */
guint         _ties_diagram_view_hit_node           (TiesDiagramView    *self,
                                                     double              x,
                                                     double              y);
guint         _ties_diagram_view_hit_edge           (TiesDiagramView    *self,
                                                     double              x,
                                                     double              y);
const char   *_ties_diagram_view_node_id            (TiesDiagramView    *self,
                                                     guint               node);
TiesActor    *_ties_diagram_view_node_actor         (TiesDiagramView    *self,
                                                     guint               node);
void          _ties_diagram_view_invalidate_cache   (TiesDiagramView    *self);
void          _ties_diagram_view_rebuild_scene      (TiesDiagramView    *self);
void          _ties_diagram_view_snapshot           (GtkWidget          *widget,
                                                     GtkSnapshot        *snapshot);

/* ties-diagram-view-input.c */

void          _ties_diagram_view_class_init_input   (GtkWidgetClass     *widget_class);
void          _ties_diagram_view_init_input         (TiesDiagramView    *self);

/* ties-diagram-view-layout.c */

void          _ties_diagram_view_stop_animation     (TiesDiagramView    *self);
/* Cancels the layout running in a worker thread, if any. */
void          _ties_diagram_view_cancel_layout_job  (TiesDiagramView    *self);
void          _ties_diagram_view_rederive           (TiesDiagramView    *self);
void          _ties_diagram_view_on_network_changed (TiesDiagramView    *self);
void          _ties_diagram_view_on_document_parts_changed (TiesDiagramView    *self,
                                                            TiesDocumentChange  changes,
                                                            TiesDocument       *document);

/* ties-diagram-view-tooltips.c */

void          _ties_diagram_view_update_description (TiesDiagramView    *self);
gboolean      _ties_diagram_view_query_tooltip      (GtkWidget          *widget,
                                                     int                 x,
                                                     int                 y,
                                                     gboolean            keyboard,
                                                     GtkTooltip         *tooltip);

/* For tests: real pointer events cannot be synthesised in GTK 4, so
 * these run the same code as the gestures: a press at (@x, @y) dragged
 * by the offset and released; a click of @n_press presses (1 selects,
 * 2 unpins); whether an edit is still being derived or eased in. */
void          _ties_diagram_view_simulate_drag      (TiesDiagramView    *self,
                                                     double              x,
                                                     double              y,
                                                     double              offset_x,
                                                     double              offset_y);
void          _ties_diagram_view_simulate_click     (TiesDiagramView    *self,
                                                     double              x,
                                                     double              y,
                                                     int                 n_press);
gboolean      _ties_diagram_view_get_animating      (TiesDiagramView    *self);
/* For tests: how many layouts the view has started (in its thread or
 * not), and how many times it has built its scene. */
guint         _ties_diagram_view_get_n_layouts      (TiesDiagramView    *self);
guint         _ties_diagram_view_get_n_scenes       (TiesDiagramView    *self);
/* For tests: how many events the filter's highlight mode highlights in
 * the scene drawn (0 in hide mode or with an empty filter). */
guint         _ties_diagram_view_get_n_filter_highlighted (TiesDiagramView *self);
/* For tests: how many times the scene's picture was drawn; panning
 * moves the picture without drawing it again. */
guint         _ties_diagram_view_get_n_renders      (TiesDiagramView    *self);
/* For tests: the scene drawn, or NULL before the first layout. */
TiesScene    *_ties_diagram_view_get_scene          (TiesDiagramView    *self);

G_END_DECLS
