/* ties-edit-binder.h: fields that edit an object through the history
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ties-document.h"

G_BEGIN_DECLS

#define TIES_TYPE_EDIT_BINDER (ties_edit_binder_get_type ())

G_DECLARE_FINAL_TYPE (TiesEditBinder, ties_edit_binder, TIES, EDIT_BINDER, GObject)

/* How a field's text is the property's value. */
typedef enum {
  TIES_EDIT_BINDER_PLAIN         = 0,
  /* An empty field unsets the property (NULL) rather than storing "". */
  TIES_EDIT_BINDER_EMPTY_IS_NULL = 1 << 0,
  /* Space around the text is not stored (the field keeps it). */
  TIES_EDIT_BINDER_STRIP         = 1 << 1,
  /* "a, b" is the string-list property { "a", "b" }. */
  TIES_EDIT_BINDER_LIST          = 1 << 2,
  /* An EDTF date: text that is not valid is not applied (the object
   * keeps the value it had when the typing began) but kept per object,
   * shown again when the object is, and told by
   * ties_edit_binder_get_invalid_text(); empty is NULL. */
  TIES_EDIT_BINDER_DATE          = 1 << 3,
} TiesEditBinderFlags;

/* The one way the editors edit through the history. Every keystroke in
 * a bound field reaches the target object at once, so that closing,
 * saving, exporting and drafts see what is on screen; a burst of typing
 * in one field is one step of undo, ended by Enter, the focus leaving,
 * the target changing or ties_edit_binder_flush(). The fields follow
 * the target's "notify" (undo, redo, other views), but not the echo of
 * their own typing: writing that back would move the cursor or undo
 * what is half typed (a trailing comma in a list).
 *
 * Signals:
 *   "typed" (detailed by the property; const char *property): a
 *     keystroke in that field was committed (or changed nothing).
 *   "burst-ended": the typing ends, the target still the one typed
 *     into; emitted before the history's merge ends.
 *   "target-notify" (detailed; GParamSpec *pspec): a property of the
 *     target changed other than by typing in a bound field; bound
 *     fields already show it. */

TiesEditBinder *ties_edit_binder_new               (void);
TiesDocument   *ties_edit_binder_get_document      (TiesEditBinder      *self);
/* Forgets the text kept for dates that are not valid. */
void            ties_edit_binder_set_document      (TiesEditBinder      *self,
                                                    TiesDocument        *document);
gpointer        ties_edit_binder_get_target        (TiesEditBinder      *self);
/* NULL: nothing to edit (the fields keep what they show). */
void            ties_edit_binder_set_target        (TiesEditBinder      *self,
                                                    gpointer             target);
/* @widget: a GtkEditable (an AdwEntryRow, a GtkEntry) or a GtkTextView;
 * @property: a string property of the targets, or a string list with
 * TIES_EDIT_BINDER_LIST. The widget's own undo is turned off: there is
 * one undo, the document's. */
void            ties_edit_binder_bind              (TiesEditBinder      *self,
                                                    GtkWidget           *widget,
                                                    const char          *property,
                                                    TiesEditBinderFlags  flags);

/* Whether there is a document and a target and the binder is not
 * frozen. While frozen (the editor showing the model in its widgets,
 * or going away) nothing is committed; freezes nest. */
gboolean        ties_edit_binder_can_edit          (TiesEditBinder      *self);
void            ties_edit_binder_freeze            (TiesEditBinder      *self);
void            ties_edit_binder_thaw              (TiesEditBinder      *self);

/* Sets @property of the target when it can edit. @label NULL: typed,
 * merged with the keystrokes before it; else one step of undo so named
 * (a choice), ending the burst before it. */
void            ties_edit_binder_commit            (TiesEditBinder      *self,
                                                    const char          *label,
                                                    const char          *property,
                                                    const GValue        *value);
/* The same for a string; nothing when it does not change, "" and NULL
 * being the same to the person typing. */
void            ties_edit_binder_commit_string     (TiesEditBinder      *self,
                                                    const char          *label,
                                                    const char          *property,
                                                    const char          *text);
/* Ends the burst of typing: the next keystroke is a new step of undo. */
void            ties_edit_binder_flush             (TiesEditBinder      *self);
/* Notifications of @property are the caller's own echo until this is
 * called again with NULL: its field is not rewritten. */
void            ties_edit_binder_set_echo          (TiesEditBinder      *self,
                                                    const char          *property);

/* The text typed in @property's date field for @target that is not a
 * valid date, or NULL. */
const char     *ties_edit_binder_get_invalid_text  (TiesEditBinder      *self,
                                                    gpointer             target,
                                                    const char          *property);
gboolean        ties_edit_binder_has_invalid_text  (TiesEditBinder      *self);

G_END_DECLS
