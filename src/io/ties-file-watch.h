/* ties-file-watch.h: notices when another program changes an open document
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TIES_TYPE_FILE_WATCH (ties_file_watch_get_type ())

G_DECLARE_FINAL_TYPE (TiesFileWatch, ties_file_watch, TIES, FILE_WATCH, GObject)

/* Takes the file as it is now as the known state. */
TiesFileWatch *ties_file_watch_new             (GFile         *file);
GFile         *ties_file_watch_get_file        (TiesFileWatch *self);

/* The file on disk is the one this program knows: after a load or a save,
 * or after the user chose to keep their own version. */
void           ties_file_watch_record          (TiesFileWatch *self);

/* The file on disk is not the one this program's document came from
 * (a draft restored after another program changed it): until the next
 * record, the file counts as changed. */
void           ties_file_watch_forget          (TiesFileWatch *self);

/* Whether the file differs from the known state now (a fresh look at the
 * disk, for the check just before a save). */
gboolean       ties_file_watch_is_changed      (TiesFileWatch *self);
gboolean       ties_file_watch_get_exists      (TiesFileWatch *self);

/* While this program writes the file itself, its own changes are not
 * reported; release records the state it wrote. Calls nest. */
void           ties_file_watch_hold            (TiesFileWatch *self);
void           ties_file_watch_release         (TiesFileWatch *self,
                                                gboolean       wrote);

G_END_DECLS
