/* ties-diagram-view.h: the relationship diagram, live
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ties-document.h"
#include "ties-graph.h"
#include "ties-network.h"
#include "ties-renderer.h"
#include "ties-selection.h"

G_BEGIN_DECLS

#define TIES_TYPE_DIAGRAM_VIEW (ties_diagram_view_get_type ())

G_DECLARE_FINAL_TYPE (TiesDiagramView, ties_diagram_view, TIES, DIAGRAM_VIEW, GtkWidget)

/* Draws @network (of its document) with the shared renderer; lays out
 * actors that have no place (off the main thread for large documents),
 * re-lays out incrementally after edits. Dragging a node moves and pins
 * it through the document's history; double-click unpins. */
GtkWidget    *ties_diagram_view_new                 (void);
TiesNetwork  *ties_diagram_view_get_network         (TiesDiagramView    *self);
void          ties_diagram_view_set_network         (TiesDiagramView    *self,
                                                     TiesNetwork        *network);

/* Events whose ties and participants are highlighted (the rest dimmed);
 * NULL or empty: none. */
void          ties_diagram_view_set_highlighted_events (TiesDiagramView *self,
                                                        GPtrArray       *events);

/* Draws the diagram as of @as_of (a day or a month; NULL: as usual),
 * dimming what ended before @recent_from (TiesRenderOptions), without
 * moving anything: the window's Play. */
void          ties_diagram_view_set_as_of           (TiesDiagramView    *self,
                                                     TiesDate           *as_of,
                                                     TiesDate           *recent_from);
/* The actor or tie the user selected in the diagram ("selected-actor",
 * "selected-tie-a"/"selected-tie-b" properties, NULL when none). */
const char   *ties_diagram_view_get_selected_actor  (TiesDiagramView    *self);
void          ties_diagram_view_select_actor        (TiesDiagramView    *self,
                                                     const char         *actor_id);
/* The window's selection ("selection"): the view draws what it holds
 * (an actor ringed, a tie drawn over, events' ties highlighted) and
 * a click, Enter or Escape selects through it. */
TiesSelection *ties_diagram_view_get_selection      (TiesDiagramView    *self);
void          ties_diagram_view_set_selection       (TiesDiagramView    *self,
                                                     TiesSelection      *selection);

/* Zoom: 1.0 fits the whole diagram. */
double        ties_diagram_view_get_zoom            (TiesDiagramView    *self);
void          ties_diagram_view_set_zoom            (TiesDiagramView    *self,
                                                     double              zoom);
void          ties_diagram_view_zoom_to_fit         (TiesDiagramView    *self);

/* Whether a large layout is running in the background ("busy"). */
gboolean      ties_diagram_view_get_busy            (TiesDiagramView    *self);
const char   *ties_diagram_view_get_selected_tie_a  (TiesDiagramView    *self);
const char   *ties_diagram_view_get_selected_tie_b  (TiesDiagramView    *self);
/* Where @actor_id's node is drawn, in widget coordinates (for popovers
 * and tests); FALSE when it is not drawn. */
gboolean      ties_diagram_view_get_actor_point     (TiesDiagramView    *self,
                                                     const char         *actor_id,
                                                     double             *x,
                                                     double             *y);

/* A copy of the graph as the view lays it out and shows it (once any
 * easing has landed), or NULL before the first layout: hand it to the
 * export dialog and print, so that a file shows what the researcher
 * arranged. */
TiesGraph    *ties_diagram_view_dup_graph           (TiesDiagramView    *self);

/* Corroboration ("mark-weak-ties", also the stateful action
 * "diagram.mark-weak-ties"): ties on a single source or on no evidence
 * drawn apart. Follows the GSettings key of the same name when the
 * app's schema is installed. */
/* Nodes coloured by community (TiesRenderOptions.communities: actor id
 * → community number + 1; the view keeps a reference), or by
 * affiliation for NULL. */
GHashTable   *ties_diagram_view_get_communities    (TiesDiagramView    *self);
void          ties_diagram_view_set_communities    (TiesDiagramView    *self,
                                                     GHashTable         *communities);
gboolean      ties_diagram_view_get_mark_weak_ties  (TiesDiagramView    *self);
void          ties_diagram_view_set_mark_weak_ties  (TiesDiagramView    *self,
                                                     gboolean            mark_weak_ties);
/* The legend of what the diagram draws, on its own at 1:1 (the
 * window's Legend popover): its size (FALSE: nothing drawn), drawn
 * @padding from the origin on the drawing's background, and its entries as one line of text for assistive
 * technologies. */
gboolean      ties_diagram_view_get_legend_size     (TiesDiagramView    *self,
                                                     double             *width,
                                                     double             *height);
void          ties_diagram_view_draw_legend         (TiesDiagramView    *self,
                                                     cairo_t            *cr,
                                                     double              padding);
char         *ties_diagram_view_dup_legend_text     (TiesDiagramView    *self);
/* The tooltip markup of the tie between two actors (either order), or
 * NULL when there is none. */
char         *ties_diagram_view_dup_tie_tooltip     (TiesDiagramView    *self,
                                                     const char         *actor_a,
                                                     const char         *actor_b);

/* Stops a layout running in the background (see the "busy" property). */
void          ties_diagram_view_cancel_layout       (TiesDiagramView    *self);
/* Lays the diagram out afresh, as one undo step (“Re-layout”): after an
 * edit the layout only moves on from the places shown. */
void          ties_diagram_view_relayout            (TiesDiagramView    *self);

G_END_DECLS
