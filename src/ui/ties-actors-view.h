/* ties-actors-view.h: a sortable table of all actors
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ties-measures.h"
#include "ties-network.h"
#include "ties-selection.h"

G_BEGIN_DECLS

#define TIES_TYPE_ACTORS_VIEW (ties_actors_view_get_type ())

G_DECLARE_FINAL_TYPE (TiesActorsView, ties_actors_view, TIES, ACTORS_VIEW, GtkWidget)

/* The table is the accessible alternative to the diagram: name, kind,
 * affiliation, degree, number of events and number of sources reporting
 * them of every actor, sortable by each column.
 *
 * Signals: "actor-activated" (TiesActor *actor).
 * Actions: "actors-view.merge" asks, then merges the two selected actors. */
GtkWidget      *ties_actors_view_new             (void);
TiesNetwork    *ties_actors_view_get_network     (TiesActorsView *self);
/* The network gives the degree and event counts; its document the actors. */
void            ties_actors_view_set_network     (TiesActorsView *self,
                                                  TiesNetwork    *network);
GtkColumnView  *ties_actors_view_get_column_view (TiesActorsView *self);
/* Column ids: "name", "kind", "affiliation", "degree", "events",
 * "sources", and the measures': "weighted_degree",
 * "betweenness_centrality", "closeness_centrality",
 * "eigenvector_centrality", "community". */
void            ties_actors_view_sort_by         (TiesActorsView *self,
                                                  const char     *column_id,
                                                  GtkSortType     order);
/* The Sources column: distinct sources with evidence for @actor_id's
 * counted events. */
guint           ties_actors_view_get_n_sources   (TiesActorsView *self,
                                                  const char     *actor_id);
/* The measures of the network's actors, shown in their columns; the
 * view takes @measures (NULL: being worked out, shown as such). The
 * window works them out off the main thread, as the network changes. */
TiesMeasures   *ties_actors_view_get_measures    (TiesActorsView *self);
/* The measures' columns shown ("show-measures"; the Measures button):
 * only then are they wanted, for the view. */
gboolean        ties_actors_view_get_show_measures (TiesActorsView *self);
void            ties_actors_view_set_show_measures (TiesActorsView *self,
                                                    gboolean        show_measures);
void            ties_actors_view_set_measures    (TiesActorsView *self,
                                                  TiesMeasures   *measures);
/* Selected actors, in the order they were selected. */
GPtrArray      *ties_actors_view_get_selected    (TiesActorsView *self);
/* Selects @actor's row alone (none for NULL), as a click would. */
void            ties_actors_view_select_actor    (TiesActorsView *self,
                                                  TiesActor      *actor);
/* The window's selection ("selection"): the row of its actor is
 * selected, and a row chosen selects its actor through it. */
TiesSelection  *ties_actors_view_get_selection   (TiesActorsView *self);
void            ties_actors_view_set_single_click_activate (TiesActorsView *self,
                                                            gboolean        single_click);
void            ties_actors_view_set_selection   (TiesActorsView *self,
                                                  TiesSelection  *selection);
/* Merges the second selected actor into the first, as one step of undo,
 * without asking; FALSE unless exactly two actors are selected. */
gboolean        ties_actors_view_merge_selected  (TiesActorsView *self);

G_END_DECLS
