/* ties-history.h: undo and redo of every edit
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TIES_TYPE_HISTORY (ties_history_get_type ())

G_DECLARE_FINAL_TYPE (TiesHistory, ties_history, TIES, HISTORY, GObject)

/* A pause in typing longer than this starts a new undo step. */
#define TIES_HISTORY_MERGE_PAUSE_USEC (G_USEC_PER_SEC)

TiesHistory *ties_history_new            (void);
void         ties_history_set_owner      (TiesHistory  *self,
                                          gpointer      owner);

/* Edits between begin and end (which nest) are one step of undo. */
void         ties_history_begin          (TiesHistory  *self,
                                          const char   *label);
void         ties_history_end            (TiesHistory  *self);

/* Like g_object_set(), remembering the old values. */
void         ties_history_set            (TiesHistory  *self,
                                          gpointer      object,
                                          const char   *first_property,
                                          ...) G_GNUC_NULL_TERMINATED;
void         ties_history_set_value      (TiesHistory  *self,
                                          gpointer      object,
                                          const char   *property,
                                          const GValue *value);
/* Like ties_history_set_value(), but consecutive calls for the same
 * property of the same object, each within TIES_HISTORY_MERGE_PAUSE_USEC
 * of the previous one, are one undo step; never merged into a step that
 * is the saved state or whose save token was taken. */
void         ties_history_set_value_merged (TiesHistory  *self,
                                            gpointer      object,
                                            const char   *property,
                                            const GValue *value);
void         ties_history_end_merge      (TiesHistory  *self);
/* Sets @property of @object as a consequence of the step last done (the
 * places a layout found after an edit): undoing that step sets the old
 * value back and redoing it sets this one again, but it is no step of
 * its own and does not change whether the document is modified. With
 * no step done, inside a group, or amid an undo or redo, the value is
 * only set. */
void         ties_history_amend_value    (TiesHistory  *self,
                                          gpointer      object,
                                          const char   *property,
                                          const GValue *value);

/* Like g_list_store_splice(), remembering what was removed. */
void         ties_history_splice         (TiesHistory  *self,
                                          GListStore   *store,
                                          guint         position,
                                          guint         n_removals,
                                          gpointer     *additions,
                                          guint         n_additions);
void         ties_history_insert         (TiesHistory  *self,
                                          GListStore   *store,
                                          guint         position,
                                          gpointer      item);
void         ties_history_append         (TiesHistory  *self,
                                          GListStore   *store,
                                          gpointer      item);
void         ties_history_remove         (TiesHistory  *self,
                                          GListStore   *store,
                                          guint         position);

gboolean     ties_history_undo           (TiesHistory  *self);
gboolean     ties_history_redo           (TiesHistory  *self);
guint64      ties_history_get_serial     (TiesHistory  *self);
gboolean     ties_history_get_can_undo   (TiesHistory  *self);
gboolean     ties_history_get_can_redo   (TiesHistory  *self);
const char  *ties_history_get_undo_label (TiesHistory  *self);
const char  *ties_history_get_redo_label (TiesHistory  *self);
gboolean     ties_history_get_modified   (TiesHistory  *self);
void         ties_history_mark_saved     (TiesHistory  *self);
guint64      ties_history_get_save_token (TiesHistory  *self);
void         ties_history_mark_saved_at  (TiesHistory  *self,
                                          guint64       token);
void         ties_history_mark_unsaved   (TiesHistory  *self);
void         ties_history_clear          (TiesHistory  *self);

G_END_DECLS
