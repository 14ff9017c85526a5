/* ties-actor-editor.h: edits one actor, every change undoable
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ties-document.h"

G_BEGIN_DECLS

#define TIES_TYPE_ACTOR_EDITOR (ties_actor_editor_get_type ())

G_DECLARE_FINAL_TYPE (TiesActorEditor, ties_actor_editor, TIES, ACTOR_EDITOR, GtkWidget)

/* Signals: "event-activated" (TiesEvent *event), when one of the actor's
 * events is activated in the list. */
GtkWidget    *ties_actor_editor_new          (void);
TiesDocument *ties_actor_editor_get_document (TiesActorEditor *self);
void          ties_actor_editor_set_document (TiesActorEditor *self,
                                              TiesDocument    *document);
TiesActor    *ties_actor_editor_get_actor    (TiesActorEditor *self);
/* NULL: nothing to edit. */
void          ties_actor_editor_set_actor    (TiesActorEditor *self,
                                              TiesActor       *actor);

G_END_DECLS
