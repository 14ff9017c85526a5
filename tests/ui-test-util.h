/* ui-test-util.h: what the window tests share
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ties-application.h"
#include "ties-window.h"
#include "test-util.h"

G_BEGIN_DECLS

/* Iterates the main loop until @done (data) holds; fails after 20 s. */
void        ui_test_iterate_until (gboolean  (*done) (gpointer),
                                   gpointer    data);
/* Lets pending work (idles, frames, timeouts) run for @ms milliseconds. */
void        ui_test_iterate_for   (guint       ms);
/* Runs what is ready now, without waiting for more. */
void        ui_test_iterate_pending (void);
/* Until @widget is mapped and one frame clock "after-paint" has passed
 * since a redraw was queued: what it shows is then up to date. */
void        ui_test_wait_for_frame (GtkWidget *widget);
/* What @widget shows, as GTK draws it; and that picture after one more
 * frame, saved as a PNG at @path (a relative one in the test's build
 * folder) for a person to look at. */
GdkTexture *ui_test_render        (GtkWidget  *widget);
void        ui_test_save_png      (GtkWidget  *widget,
                                   const char *path);
gboolean    ui_test_is_mapped     (gpointer    widget);
/* The first widget of @type at or below @widget, depth first. */
GtkWidget  *ui_test_find_child    (GtkWidget  *widget,
                                   GType       type);
/* The first widget at or below @widget, depth first, that @matches. */
GtkWidget  *ui_test_find_matching (GtkWidget  *widget,
                                   gboolean  (*matches) (GtkWidget *, gconstpointer),
                                   gconstpointer data);
/* The first visible toplevel window of @type, if any. */
gpointer    ui_test_find_toplevel (GType       type);
/* The visible message dialog, if any; and whether there is one. */
AdwMessageDialog *ui_test_find_dialog  (void);
gboolean    ui_test_dialog_shown  (gpointer    data);
/* Types @text into @editable a character at a time at the cursor, as
 * keys would, each character an insertion of its own. */
void        ui_test_type_text     (gpointer    editable,
                                   const char *text);
/* Adds to @labels every label below @widget that is a column view cell's
 * content, in tree order. */
void        ui_test_collect_cell_labels (GtkWidget *widget,
                                         GPtrArray *labels);
/* Destroys every message dialog left open. */
void        ui_test_close_dialogs (void);
/* The application the window tests run in, registered, with the app's
 * resources, under @application_id so that it is not the real app. */
TiesApplication *ui_test_application_new (const char *application_id);
/* A new window of @app on the sample, mapped and loaded. */
TiesWindow *ui_test_open_sample   (TiesApplication *app);

G_END_DECLS
