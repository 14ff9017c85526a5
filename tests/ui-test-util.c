/* ui-test-util.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ui-test-util.h"

void
ui_test_iterate_until (gboolean (*done) (gpointer),
                       gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

void
ui_test_iterate_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

gboolean
ui_test_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

GtkWidget *
ui_test_find_child (GtkWidget *widget,
                    GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_child (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

AdwMessageDialog *
ui_test_find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

gboolean
ui_test_dialog_shown (gpointer data)
{
  return ui_test_find_dialog () != NULL;
}

static gboolean
has_events (gpointer window)
{
  TiesDocument *document = ties_window_get_document (window);

  return g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_events (document))) > 0;
}

TiesWindow *
ui_test_open_sample (TiesApplication *app)
{
  g_autoptr(GFile) file = g_file_new_for_path (TOP_SRCDIR "/data/samples/christchurch-call.ties.json");
  TiesWindow *window = ties_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  ui_test_iterate_until (ui_test_is_mapped, window);
  ties_window_open_file (window, file);
  ui_test_iterate_until (has_events, window);
  ui_test_iterate_for (300);

  return window;
}
