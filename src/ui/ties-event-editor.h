/* ties-event-editor.h: edits one event, every change undoable
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ties-document.h"

G_BEGIN_DECLS

#define TIES_TYPE_EVENT_EDITOR (ties_event_editor_get_type ())

G_DECLARE_FINAL_TYPE (TiesEventEditor, ties_event_editor, TIES, EVENT_EDITOR, GtkWidget)

/* Signals, for the window to act on:
 *   "show-evidence" (TiesEvidence *): show it in its source
 *   "reattach-evidence" (TiesEvidence *): an orphan; the reader's next
 *     selection is the passage it stands for
 * gtk_widget_grab_focus() on the editor focuses the event's title. A new
 * event's placeholder id follows the title it is given (see the .c). */

GtkWidget    *ties_event_editor_new          (void);
TiesDocument *ties_event_editor_get_document (TiesEventEditor *self);
void          ties_event_editor_set_document (TiesEventEditor *self,
                                              TiesDocument    *document);
TiesEvent    *ties_event_editor_get_event    (TiesEventEditor *self);
/* NULL: nothing to edit. */
void          ties_event_editor_set_event    (TiesEventEditor *self,
                                              TiesEvent       *event);
/* Undoable; the same as the evidence row's remove button. */
void          ties_event_editor_remove_evidence (TiesEventEditor *self,
                                                 TiesEvidence    *evidence);
/* What was typed but is not in the document (a date that is not valid),
 * as sentences for the close prompt; NULL when there is nothing. */
char         *ties_event_editor_get_unapplied_text (TiesEventEditor *self);

G_END_DECLS
