/* ties-event-private.h: what the document reader does to an event
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ties-event.h"

G_BEGIN_DECLS

/* For the document reader, which has parsed the event's date already
 * (to report an invalid one at its position in the file): the event
 * keeps @date, the parse of its current date, instead of parsing again. */
void _ties_event_take_parsed_date (TiesEvent *self,
                                   TiesDate  *date);

G_END_DECLS
