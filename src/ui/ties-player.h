/* ties-player.h: plays a document through time, a month at a time
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ties-date.h"
#include "ties-network.h"

G_BEGIN_DECLS

#define TIES_TYPE_PLAYER (ties_player_get_type ())

G_DECLARE_FINAL_TYPE (TiesPlayer, ties_player, TIES, PLAYER, GObject)

/* Steps from the month of the earliest event the network counts to the
 * month of the latest, one every "pace" seconds while "playing". Each
 * step is a month ("as-of"): the diagram draws what had begun by its
 * end, and dims what ended before "recent-months" months up to it. */
TiesPlayer  *ties_player_new              (void);

TiesNetwork *ties_player_get_network      (TiesPlayer  *self);
void         ties_player_set_network      (TiesPlayer  *self,
                                           TiesNetwork *network);
gboolean     ties_player_get_playing      (TiesPlayer  *self);
/* Playing from no step starts at the first month; from a paused one,
 * goes on from it; after the last month it stops, there. */
void         ties_player_set_playing      (TiesPlayer  *self,
                                           gboolean     playing);
double       ties_player_get_pace         (TiesPlayer  *self);
void         ties_player_set_pace         (TiesPlayer  *self,
                                           double       seconds);
guint        ties_player_get_recent_months (TiesPlayer *self);
void         ties_player_set_recent_months (TiesPlayer *self,
                                            guint       months);
/* The month shown, or NULL: no step, every event as usual. */
TiesDate    *ties_player_get_as_of        (TiesPlayer  *self);
/* The first month of the recent ones, with "as-of"; else NULL. */
TiesDate    *ties_player_get_recent_from  (TiesPlayer  *self);
/* One month on (the first, from none); FALSE, changing nothing, when
 * there is no later month with events or no dated event at all. */
gboolean     ties_player_step             (TiesPlayer  *self);
/* Back to no step: every event drawn as usual. */
void         ties_player_stop             (TiesPlayer  *self);

G_END_DECLS
