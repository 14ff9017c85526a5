/* ties-selection.h: what the person has selected in a window
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ties-actor.h"
#include "ties-document.h"
#include "ties-event.h"
#include "ties-source.h"

G_BEGIN_DECLS

#define TIES_TYPE_SELECTION (ties_selection_get_type ())

G_DECLARE_FINAL_TYPE (TiesSelection, ties_selection, TIES, SELECTION, GObject)

/* One kind of thing at a time, as in GNOME apps: selecting an actor
 * deselects the events, and so on. */
typedef enum
{
  TIES_SELECTION_NONE,
  TIES_SELECTION_EVENTS,
  TIES_SELECTION_ACTOR,
  TIES_SELECTION_TIE,
  TIES_SELECTION_SOURCE,
} TiesSelectionKind;

GType              ties_selection_kind_get_type (void) G_GNUC_CONST;
#define TIES_TYPE_SELECTION_KIND (ties_selection_kind_get_type ())

/* One instance per window, shared by every view: each view selects
 * through it and follows its "changed" signal (also "notify::kind").
 * Every setter replaces the whole selection and emits "changed" only
 * when something changed, so a view that follows its own change ends
 * the round trip there. */
TiesSelection     *ties_selection_new           (void);

TiesSelectionKind  ties_selection_get_kind      (TiesSelection *self);
void               ties_selection_clear         (TiesSelection *self);

/* @events (TiesEvent) in the order given; NULL or empty clears. */
void               ties_selection_select_events (TiesSelection *self,
                                                 GPtrArray     *events);
/* NULL clears. */
void               ties_selection_select_event  (TiesSelection *self,
                                                 TiesEvent     *event);
void               ties_selection_select_actor  (TiesSelection *self,
                                                 TiesActor     *actor);
/* The tie between two actors' ids, in either order (kept ordered as
 * TiesTie orders them); NULLs clear. */
void               ties_selection_select_tie    (TiesSelection *self,
                                                 const char    *actor_a,
                                                 const char    *actor_b);
void               ties_selection_select_source (TiesSelection *self,
                                                 TiesSource    *source);

/* The selected events (TiesEvent), empty unless the kind is
 * TIES_SELECTION_EVENTS; transfer none. */
GPtrArray         *ties_selection_get_events    (TiesSelection *self);
/* The one selected event: NULL when none or several are selected. */
TiesEvent         *ties_selection_get_event     (TiesSelection *self);
gboolean           ties_selection_has_event     (TiesSelection *self,
                                                 TiesEvent     *event);
TiesActor         *ties_selection_get_actor     (TiesSelection *self);
/* The selected tie's ends (strcmp (a, b) < 0); FALSE and NULLs when
 * no tie is selected. */
gboolean           ties_selection_get_tie       (TiesSelection *self,
                                                 const char   **actor_a,
                                                 const char   **actor_b);
TiesSource        *ties_selection_get_source    (TiesSelection *self);

/* Drops what is no longer in @document (after a delete or an undo);
 * the selection is left alone when all of it still is. */
void               ties_selection_forget_missing (TiesSelection *self,
                                                  TiesDocument  *document);

G_END_DECLS
