/* ties-network.h: the ties between actors, derived from the events
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ties-date.h"
#include "ties-document.h"
#include "ties-filter.h"
#include "ties-tie.h"

G_BEGIN_DECLS

#define TIES_TYPE_NETWORK (ties_network_get_type ())

G_DECLARE_FINAL_TYPE (TiesNetwork, ties_network, TIES, NETWORK, GObject)

/* Never saved: always recomputed from the document's events, lazily, the
 * first time it is asked for after an edit ("changed" says when). Only
 * edits of what ties are made of count (TIES_DOCUMENT_CHANGE_EVENTS and
 * _EVENT_TIES): "changed" does not come for a title typed, nor for an
 * actor renamed, moved or added; follow the document's "parts-changed"
 * for those. */
TiesNetwork        *ties_network_new               (TiesDocument       *document);
TiesDocument       *ties_network_get_document      (TiesNetwork        *self);

/* Which events count: a filter of the network's own, or one shared with
 * set_filter() (the window shares the document's, so that the list and
 * the diagram agree; NULL: a new empty one). In
 * TIES_FILTER_DIAGRAM_HIGHLIGHT mode every event counts: the diagram
 * draws them all and highlights what the filter keeps. */
TiesFilter         *ties_network_get_filter        (TiesNetwork        *self);
void                ties_network_set_filter        (TiesNetwork        *self,
                                                    TiesFilter         *filter);

/* Shorthands that change the network's filter: only events whose date
 * overlaps [from, to] count (NULL: open end; undated events are left out
 * once a bound is set), only events of these kinds (NULL or empty: all). */
void                ties_network_set_range         (TiesNetwork        *self,
                                                    TiesDate           *from,
                                                    TiesDate           *to);
void                ties_network_set_kinds         (TiesNetwork        *self,
                                                    const char * const *kinds);

/* A GListModel of TiesTie, in order of each pair's first shared event. */
GListModel         *ties_network_get_ties          (TiesNetwork        *self);
TiesTie            *ties_network_lookup_tie        (TiesNetwork        *self,
                                                    const char         *actor_a,
                                                    const char         *actor_b);
/* In TIES_FILTER_DIAGRAM_HIGHLIGHT mode with a filter set, the events
 * it keeps (a new set of TiesEvent, borrowed from the document), which
 * the diagram highlights wherever it is drawn; otherwise NULL. */
GHashTable         *ties_network_dup_highlighted_events (TiesNetwork *self);

/* Whether @event counts, as the filter and its diagram mode say. */
gboolean            ties_network_includes_event    (TiesNetwork        *self,
                                                    TiesEvent          *event);
guint               ties_network_get_n_events      (TiesNetwork        *self);
/* The months, counted as year × 12 + month − 1, in which the earliest
 * and the latest counted event begin: what Play and the frame series
 * step through. An event begun before year 1 (or open at its start) or
 * after 9999 widens nothing. FALSE when no event has such a start. */
gboolean            ties_network_get_month_span    (TiesNetwork        *self,
                                                    int                *first_month,
                                                    int                *last_month);
/* Number of distinct actors tied to @actor_id. */
guint               ties_network_get_degree        (TiesNetwork        *self,
                                                    const char         *actor_id);
/* Number of counted events @actor_id takes part in. */
guint               ties_network_get_event_count   (TiesNetwork        *self,
                                                    const char         *actor_id);
void                ties_network_update            (TiesNetwork        *self);

G_END_DECLS
