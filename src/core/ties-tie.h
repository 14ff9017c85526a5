/* ties-tie.h: what links two actors, derived from the events they share
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ties-event.h"

G_BEGIN_DECLS

#define TIES_TYPE_TIE (ties_tie_get_type ())

G_DECLARE_FINAL_TYPE (TiesTie, ties_tie, TIES, TIE, GObject)

/* Ends are ordered: strcmp (actor_a, actor_b) < 0. */
const char         *ties_tie_get_actor_a      (TiesTie *self);
const char         *ties_tie_get_actor_b      (TiesTie *self);
/* Number of events the two share. */
guint               ties_tie_get_weight       (TiesTie *self);
/* Events initiated by a towards b, and by b towards a. */
guint               ties_tie_get_n_a_to_b     (TiesTie *self);
guint               ties_tie_get_n_b_to_a     (TiesTie *self);
gboolean            ties_tie_get_directed     (TiesTie *self);
/* The shared events in document order (TiesEvent). */
GPtrArray          *ties_tie_get_events       (TiesTie *self);
/* Corroboration: distinct sources and evidence items over the shared
 * events, orphaned ones included (a source that reported the tie still
 * did). Counted when asked, so always current: redraw on the document's
 * TIES_DOCUMENT_CHANGE_EVIDENCE, which does not change the network. */
guint               ties_tie_get_n_sources    (TiesTie *self);
guint               ties_tie_get_n_evidence   (TiesTie *self);
/* Distinct kinds of those events, in order of first appearance. */
const char * const *ties_tie_get_kinds        (TiesTie *self);
/* Earliest and latest dated event (by ties_date_compare), or NULL. */
TiesDate           *ties_tie_get_first_date   (TiesTie *self);
TiesDate           *ties_tie_get_last_date    (TiesTie *self);

/* The tie as it stands on those of its events that are in @events (a
 * set of TiesEvent), in the same order: what a diagram drawn as of a day
 * draws (kinds, arrows, weight, corroboration of these alone). NULL when
 * none of its events is in @events. */
TiesTie            *ties_tie_new_of_events    (TiesTie    *self,
                                               GHashTable *events);

G_END_DECLS
