/* ties-ui-util.h: small helpers the editors and lists share
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ties-selection.h"

G_BEGIN_DECLS

/* Sets the text only when it differs: setting moves the cursor. */
void   _ties_entry_row_set_text (AdwEntryRow *row,
                                 const char  *text);
/* "a, b ,, c" → {"a", "b", "c"} */
char **_ties_split_list         (const char  *text);
/* Scrolls @view so that row @position shows. */
void   _ties_column_view_scroll_to (GtkColumnView *view,
                                    guint          position);

/* Keeps @selection in *@slot and connects @follow to its "changed",
 * swapped, with @follower as data, dropping the one before; FALSE when
 * it is the one already kept. The views follow the window's selection so. */
gboolean _ties_follow_selection (TiesSelection **slot,
                                 TiesSelection  *selection,
                                 gpointer        follower,
                                 GCallback       follow);

/* From now on, every button with a mnemonic is named by its label
 * widget alone once shown (a GTK 4.8 fault otherwise names it "_Save
 * Save"). */
void   _ties_name_mnemonic_buttons (void);
/* GTK 4.8 names what is inside a drop-down, a column view and its rows
 * after their classes ("GtkToggleButton", "GtkListItemWidget"): these
 * give them the names a person would say. */
void   _ties_drop_down_name_button (GtkDropDown   *drop_down,
                                    const char    *name);
void   _ties_column_view_name_list (GtkColumnView *view,
                                    const char    *name);
/* The row of @item in a list view, from its bind. */
void   _ties_list_view_name_row    (GtkListItem   *item,
                                    const char    *name);
/* The row of @item, from its first column's bind. */
void   _ties_column_view_name_row    (GtkListItem   *item,
                                    const char    *name);

/* GTK 4.8 names the lists inside libadwaita's preferences groups, the
 * About window and the shortcuts window after their classes, or not at
 * all: these name them as a person would. Each group's list takes the
 * group's title, or @fallback where it has none. */
void   _ties_name_group_lists      (GtkWidget          *root,
                                    const char         *fallback);
void   _ties_about_window_name_parts (AdwAboutWindow   *about);
void   _ties_shortcuts_window_name_parts (GtkShortcutsWindow *shortcuts);

/* The size @window has or, not yet shown, will open at; FALSE when it
 * has none to go by. */
gboolean _ties_window_get_room     (GtkWindow     *window,
                                    int           *width,
                                    int           *height);

/* A dialog over a window smaller than the dialog's default size takes
 * the window's size instead, so that it fits where its window does (a
 * phone's screen, half a laptop's beside an article). Call once its
 * transient parent is set, before it is shown. */
void   _ties_window_fit_parent     (GtkWindow     *dialog);

G_END_DECLS
