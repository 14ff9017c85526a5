/* ties-safe-file.h: replacing a file so that no failure can destroy it
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The temporary file of a save of FOLDER/NAME is FOLDER/.NAME.XXXXXX.ties-save
 * (six random characters), locked with flock() while its save runs; an
 * unlocked one is what a killed save left, and the next save of NAME
 * removes it. */
#define TIES_SAFE_FILE_SUFFIX ".ties-save"

/* Writes @bytes to a new temporary file beside @target (beside the file a
 * symbolic link finally points to, so the link stays a link), flushes it
 * to the disk, reads it back, gives it the target's mode (and owner, where
 * permitted; a new file gets 0666 less the umask), renames it over the
 * target and flushes the folder.
 *
 * On any failure or cancellation the temporary file is removed and the
 * target is left as it was, byte for byte; the file is never written in
 * place. Errors are in the G_IO_ERROR domain, with a message that names
 * the file and the cause. Files that are not local fall back to
 * g_file_replace_contents(), which does not give these guarantees.
 *
 * Blocks: call it from a worker thread in the window. */
gboolean ties_safe_file_replace (GFile         *target,
                                 GBytes        *bytes,
                                 GCancellable  *cancellable,
                                 GError       **error);

G_END_DECLS
