/* ties-diagram-view-private.h: what the tests reach inside the diagram
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ties-diagram-view.h"

G_BEGIN_DECLS

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
