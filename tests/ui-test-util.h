/* ui-test-util.h: what the window tests share
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ties-application.h"
#include "ties-window.h"

G_BEGIN_DECLS

/* Iterates the main loop until @done (data) holds; fails after 20 s. */
void        ui_test_iterate_until (gboolean  (*done) (gpointer),
                                   gpointer    data);
/* Lets pending work (idles, frames) run for @ms milliseconds. */
void        ui_test_iterate_for   (guint       ms);
gboolean    ui_test_is_mapped     (gpointer    widget);
/* The first widget of @type at or below @widget, depth first. */
GtkWidget  *ui_test_find_child    (GtkWidget  *widget,
                                   GType       type);
/* The visible message dialog, if any; and whether there is one. */
AdwMessageDialog *ui_test_find_dialog  (void);
gboolean    ui_test_dialog_shown  (gpointer    data);
/* A new window of @app on the sample, mapped and loaded. */
TiesWindow *ui_test_open_sample   (TiesApplication *app);

G_END_DECLS
