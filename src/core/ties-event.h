/* ties-event.h: something that happened between actors
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ties-extras.h"
#include "ties-date.h"

G_BEGIN_DECLS

#define TIES_TYPE_EVENT (ties_event_get_type ())

G_DECLARE_FINAL_TYPE (TiesEvent, ties_event, TIES, EVENT, GObject)

TiesEvent *ties_event_new (const char *id,
                           const char *title,
                           const char *kind);
GListStore *ties_event_get_evidence (TiesEvent *self);
TiesDate *ties_event_get_parsed_date (TiesEvent *self);
gboolean ties_event_has_participant (TiesEvent  *self,
                                     const char *actor_id);
const char *ties_event_get_id (TiesEvent *self);
void ties_event_set_id (TiesEvent *self,
                       const char *id);
const char *ties_event_get_title (TiesEvent *self);
void ties_event_set_title (TiesEvent *self,
                          const char *title);
const char *ties_event_get_kind (TiesEvent *self);
void ties_event_set_kind (TiesEvent *self,
                         const char *kind);
const char *ties_event_get_date (TiesEvent *self);
void ties_event_set_date (TiesEvent *self,
                         const char *date);
const char *ties_event_get_date_phrase (TiesEvent *self);
void ties_event_set_date_phrase (TiesEvent *self,
                                const char *date_phrase);
const char *ties_event_get_place (TiesEvent *self);
void ties_event_set_place (TiesEvent *self,
                          const char *place);
const char * const *ties_event_get_participants (TiesEvent *self);
void ties_event_set_participants (TiesEvent *self,
                                 const char * const *participants);
const char *ties_event_get_initiator (TiesEvent *self);
void ties_event_set_initiator (TiesEvent *self,
                              const char *initiator);
const char * const *ties_event_get_tags (TiesEvent *self);
void ties_event_set_tags (TiesEvent *self,
                         const char * const *tags);
const char *ties_event_get_notes (TiesEvent *self);
void ties_event_set_notes (TiesEvent *self,
                          const char *notes);
TiesExtras *ties_event_get_extras (TiesEvent *self);
void ties_event_take_extras (TiesEvent *self,
                          TiesExtras *extras);

G_END_DECLS
