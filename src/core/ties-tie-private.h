/* ties-tie-private.h: how the network builds its ties
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ties-tie.h"

G_BEGIN_DECLS

/* For TiesNetwork, which derives the ties from the events: to everyone
 * else a tie is read-only. */
TiesTie *_ties_tie_new       (const char *actor_a,
                              const char *actor_b);
void     _ties_tie_add_event (TiesTie    *self,
                              TiesEvent  *event);

G_END_DECLS
