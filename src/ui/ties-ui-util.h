/* ties-ui-util.h: small helpers the editors and lists share
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Sets the text only when it differs: setting moves the cursor. */
void   _ties_entry_row_set_text (AdwEntryRow *row,
                                 const char  *text);
/* "a, b ,, c" → {"a", "b", "c"} */
char **_ties_split_list         (const char  *text);
/* Scrolls @view so that row @position shows. */
void   _ties_column_view_scroll_to (GtkColumnView *view,
                                    guint          position);

G_END_DECLS
