/* ties-actor.h: a person, organisation or group
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ties-extras.h"

G_BEGIN_DECLS

typedef enum {
  TIES_ACTOR_PERSON,
  TIES_ACTOR_ORGANISATION,
  TIES_ACTOR_GROUP,
} TiesActorKind;

#define TIES_TYPE_ACTOR_KIND (ties_actor_kind_get_type ())
#define TIES_TYPE_ACTOR (ties_actor_get_type ())

GType ties_actor_kind_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (TiesActor, ties_actor, TIES, ACTOR, GObject)

/* The word used in files: "person", "organisation", "group". */
const char         *ties_actor_kind_to_string   (TiesActorKind  kind);
gboolean            ties_actor_kind_from_string (const char    *text,
                                                 TiesActorKind *kind);
/* The word shown to people, translated: "Person", "Organisation", … */
const char         *ties_actor_kind_get_label   (TiesActorKind  kind);

/* What a node shows of a name: the initials of its first and last
 * words ("Jacinda Ardern" → "JA"), past titles, generations and
 * particles ("Charles de Gaulle" → "CG", "Omar al-Rashid (عمر الرشيد)"
 * → "OR": what is in brackets is left out); one character for scripts
 * without spaces (王小明 → 王). NULL when the name has no letter. */
char               *ties_actor_make_initials    (const char    *name);

TiesActor          *ties_actor_new             (const char    *id,
                                                const char    *name,
                                                TiesActorKind  kind);
const char         *ties_actor_get_id          (TiesActor     *self);
void                ties_actor_set_id          (TiesActor     *self,
                                                const char    *id);
const char         *ties_actor_get_name        (TiesActor     *self);
void                ties_actor_set_name        (TiesActor     *self,
                                                const char    *name);
TiesActorKind       ties_actor_get_kind        (TiesActor     *self);
void                ties_actor_set_kind        (TiesActor     *self,
                                                TiesActorKind  kind);
const char         *ties_actor_get_role        (TiesActor     *self);
void                ties_actor_set_role        (TiesActor     *self,
                                                const char    *role);
const char         *ties_actor_get_affiliation (TiesActor     *self);
void                ties_actor_set_affiliation (TiesActor     *self,
                                                const char    *affiliation);
const char         *ties_actor_get_color       (TiesActor     *self);
void                ties_actor_set_color       (TiesActor     *self,
                                                const char    *color);
const char * const *ties_actor_get_aliases     (TiesActor     *self);
void                ties_actor_set_aliases     (TiesActor     *self,
                                                const char * const *aliases);
const char         *ties_actor_get_notes       (TiesActor     *self);
void                ties_actor_set_notes       (TiesActor     *self,
                                                const char    *notes);
gboolean            ties_actor_get_has_position (TiesActor    *self);
void                ties_actor_set_has_position (TiesActor    *self,
                                                 gboolean      has_position);
double              ties_actor_get_x           (TiesActor     *self);
void                ties_actor_set_x           (TiesActor     *self,
                                                double         x);
double              ties_actor_get_y           (TiesActor     *self);
void                ties_actor_set_y           (TiesActor     *self,
                                                double         y);
gboolean            ties_actor_get_pinned      (TiesActor     *self);
void                ties_actor_set_pinned      (TiesActor     *self,
                                                gboolean       pinned);
TiesExtras         *ties_actor_get_extras      (TiesActor     *self);
void                ties_actor_take_extras     (TiesActor     *self,
                                                TiesExtras    *extras);
TiesExtras         *ties_actor_get_position_extras  (TiesActor  *self);
void                ties_actor_take_position_extras (TiesActor  *self,
                                                     TiesExtras *extras);

G_END_DECLS
