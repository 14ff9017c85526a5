/* ties-save-changes-dialog.h: the one question before unsaved work goes
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Asks whether to save before the documents named by @names close: one
 * name when a window closes, several when the application quits, none
 * when nothing but @unapplied (typed text that the document cannot
 * take, as sentences) would be lost. The body names every document.
 * Responses: "cancel" (also the close response), "discard" and "save"
 * (the default), labelled for all when there are several. Not shown. */
AdwMessageDialog *ties_save_changes_dialog_new (GtkWindow          *parent,
                                                const char * const *names,
                                                const char         *unapplied);

G_END_DECLS
