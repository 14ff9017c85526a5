/* ties-sources-view.h: the document's sources and what Ties proposes from them
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ties-document.h"
#include "ties-selection.h"

G_BEGIN_DECLS

#define TIES_TYPE_SOURCES_VIEW (ties_sources_view_get_type ())

G_DECLARE_FINAL_TYPE (TiesSourcesView, ties_sources_view, TIES, SOURCES_VIEW, GtkWidget)

/* A list of the sources (title, publisher, publication date, evidence
 * items citing each and how many of them are orphaned) and, below it,
 * the events Ties proposes from the selected source, each accepted,
 * edited or dismissed. With no sources, an empty state offers the
 * "win.import-article" action.
 *
 * Signals:
 * "source-activated" (TiesSource *source): the person selected or
 *   activated a source (not emitted by ties_sources_view_select_source()).
 * "event-created" (TiesEvent *event, gboolean edit): a proposal was
 *   accepted; @edit when the person asked to edit the new event.
 * "suggestion-activated" (gpointer suggestion): a proposal's row was
 *   activated; @suggestion is a TiesSuggestion owned by the view, valid
 *   during the emission.
 * "suggestions-changed": the selected source's proposals were found
 *   again, once edits settled; ties_sources_view_get_suggestions() has
 *   them. */
GtkWidget    *ties_sources_view_new                (void);
TiesDocument *ties_sources_view_get_document       (TiesSourcesView *self);
void          ties_sources_view_set_document       (TiesSourcesView *self,
                                                    TiesDocument    *document);
TiesSource   *ties_sources_view_get_selected_source (TiesSourcesView *self);
void          ties_sources_view_select_source      (TiesSourcesView *self,
                                                    TiesSource      *source);
/* The window's selection ("selection"): a source chosen selects
 * through it; a selected source is the row selected. */
TiesSelection *ties_sources_view_get_selection     (TiesSourcesView *self);
void          ties_sources_view_set_selection      (TiesSourcesView *self,
                                                    TiesSelection   *selection);
/* The selected source's proposals (TiesSuggestion), brought up to date
 * first; owned by the view, valid until the document next changes. */
GPtrArray    *ties_sources_view_get_suggestions    (TiesSourcesView *self);

G_END_DECLS
