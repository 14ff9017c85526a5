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

static void
set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

void
ui_test_iterate_for (guint ms)
{
  gboolean done = FALSE;

  /* Blocks between events rather than spinning: nine builds share two cores. */
  g_timeout_add_once (ms, set_true, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

void
ui_test_iterate_pending (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
ui_test_wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong id;

  g_assert (GTK_IS_WIDGET (widget));

  ui_test_iterate_until (ui_test_is_mapped, widget);
  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  id = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (set_true), &painted);
  gtk_widget_queue_draw (widget);
  ui_test_iterate_until (is_true, &painted);
  g_signal_handler_disconnect (clock, id);
}

GdkTexture *
ui_test_render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer;
  int width, height;

  g_assert (GTK_IS_WIDGET (widget));

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* The paintable copies what the widget last drew. */
  paintable = gtk_widget_paintable_new (widget);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

void
ui_test_save_png (GtkWidget  *widget,
                  const char *path)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *full_path = NULL;

  g_assert (GTK_IS_WIDGET (widget));
  g_assert_nonnull (path);

  if (g_path_is_absolute (path))
    full_path = g_strdup (path);
  else
    full_path = g_test_build_filename (G_TEST_BUILT, path, NULL);

  ui_test_wait_for_frame (widget);
  texture = ui_test_render (widget);
  g_assert_true (gdk_texture_save_to_png (texture, full_path));
  g_test_message ("Saved %s", full_path);
}

gboolean
ui_test_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

GtkWidget *
ui_test_find_matching (GtkWidget     *widget,
                       gboolean     (*matches) (GtkWidget *, gconstpointer),
                       gconstpointer  data)
{
  if (matches (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_matching (child, matches, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
ui_test_find_child (GtkWidget *widget,
                    GType      type)
{
  return ui_test_find_matching (widget, is_of_type, GSIZE_TO_POINTER (type));
}

gpointer
ui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert (g_type_is_a (type, GTK_TYPE_WINDOW));

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      /* The list keeps the window alive after this reference goes. */
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

AdwMessageDialog *
ui_test_find_dialog (void)
{
  return ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
}

gboolean
ui_test_dialog_shown (gpointer data)
{
  return ui_test_find_dialog () != NULL;
}

void
ui_test_type_text (gpointer    editable,
                   const char *text)
{
  g_assert (GTK_IS_EDITABLE (editable));
  g_assert (text != NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int position = gtk_editable_get_position (GTK_EDITABLE (editable));

      gtk_editable_insert_text (GTK_EDITABLE (editable), p, g_utf8_next_char (p) - p, &position);
      gtk_editable_set_position (GTK_EDITABLE (editable), position);
    }
}

void
ui_test_collect_cell_labels (GtkWidget *widget,
                             GPtrArray *labels)
{
  g_assert (GTK_IS_WIDGET (widget));
  g_assert (labels != NULL);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_LABEL (c) && g_str_equal (G_OBJECT_TYPE_NAME (gtk_widget_get_parent (c)), "GtkColumnViewCell"))
        g_ptr_array_add (labels, c);
      ui_test_collect_cell_labels (c, labels);
    }
}

void
ui_test_close_dialogs (void)
{
  AdwMessageDialog *dialog;

  while ((dialog = ui_test_find_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
}

TiesApplication *
ui_test_application_new (const char *application_id)
{
  TiesApplication *app;

  g_assert (g_application_id_is_valid (application_id));

  app = g_object_new (TIES_TYPE_APPLICATION,
                      "application-id", application_id,
                      "flags", G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN,
                      "resource-base-path", "/io/github/tiesapp/Ties",
                      NULL);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  return app;
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
  g_autoptr(GFile) file = g_file_new_for_path (TEST_SAMPLE_PATH);
  TiesWindow *window = ties_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  ui_test_iterate_until (ui_test_is_mapped, window);
  ties_window_open_file (window, file);
  ui_test_iterate_until (has_events, window);
  ui_test_iterate_for (300);

  return window;
}
