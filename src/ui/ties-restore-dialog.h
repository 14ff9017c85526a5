/* ties-restore-dialog.h: after a crash, offers the drafts left behind
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ties-drafts.h"

G_BEGIN_DECLS

#define TIES_TYPE_RESTORE_DIALOG (ties_restore_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TiesRestoreDialog, ties_restore_dialog, TIES, RESTORE_DIALOG, AdwMessageDialog)

/* Lists @drafts (TiesDraft), each with Restore and Discard, and both for
 * all of them. Discarding removes a draft from @store; restoring emits
 * "restore" with the draft, for the application to open. Damaged drafts
 * are shown with their problem, as set aside already. Closing the dialog
 * keeps the rest for the next start. */
TiesRestoreDialog *ties_restore_dialog_new       (GtkWindow         *parent,
                                                  TiesDrafts        *store,
                                                  GPtrArray         *drafts,
                                                  gboolean           crashed);
/* Drafts still waiting for a choice. */
guint              ties_restore_dialog_get_n_pending (TiesRestoreDialog *self);

G_END_DECLS
