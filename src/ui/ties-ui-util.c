/* ties-ui-util.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ties-ui-util.h"

void
_ties_entry_row_set_text (AdwEntryRow *row,
                          const char  *text)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

char **
_ties_split_list (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

void
_ties_column_view_scroll_to (GtkColumnView *view,
                             guint          position)
{
  /* GTK 4.8 has no gtk_column_view_scroll_to(); the inner list view has
   * an action for it. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        {
          gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
          break;
        }
    }
}

gboolean
_ties_follow_selection (TiesSelection **slot,
                        TiesSelection  *selection,
                        gpointer        follower,
                        GCallback       follow)
{
  g_assert (slot != NULL);
  g_assert (G_IS_OBJECT (follower));

  if (*slot == selection)
    return FALSE;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, follower);
  g_set_object (slot, selection);
  if (selection != NULL)
    g_signal_connect_object (selection, "changed", follow, follower, G_CONNECT_SWAPPED);

  return TRUE;
}
