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
void         ties_history_clear          (TiesHistory  *self);

G_END_DECLS
