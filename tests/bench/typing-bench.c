/* typing-bench.c: what a keystroke in the event editor costs on a large
 * document, in the real window
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: typing-bench DOCUMENT [KEYSTROKES] [FIELD]
 *
 * Opens DOCUMENT in a TiesWindow, waits for its first layout, selects the
 * first event and types KEYSTROKES characters (default 20) at the end of
 * the event editor's FIELD ("title_row", the default, "place_row",
 * "tags_row" or "notes_view"; "actor:name_row", "actor:role_row" or
 * "actor:notes_view" for the actor editor on that event's first
 * participant), as the window
 * tests type: one insertion per character,
 * no Enter. Each keystroke is timed from the insertion until the main loop
 * has nothing left to do and no layout is running (idles, the frame drawn,
 * a layout in its thread), which is when the app could take the next key.
 * Prints ms per keystroke (mean, median, worst) until the main loop is
 * idle again, and until the layouts are done too, and how many layouts of
 * the diagram the typing started. Run it on a display (run-with-display.sh).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ties-actor-editor.h"
#include "ties-application.h"
#include "ties-diagram-view.h"
#include "ties-event-editor.h"
#include "ties-event-list.h"
#include "ties-window.h"

static guint n_layouts;

static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* When the main loop was first idle after a keystroke: the app could
 * take the next key then, even with a layout running in its thread. */
static gint64 idle_time;

/* Runs the main loop until it is idle and no layout is running, or
 * @timeout_ms passes; FALSE on timeout. */
static gboolean
settle (TiesDiagramView *view,
        guint            timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  idle_time = 0;
  while (g_get_monotonic_time () < end)
    {
      if (g_main_context_pending (NULL))
        {
          g_main_context_iteration (NULL, FALSE);
          continue;
        }
      if (idle_time == 0)
        idle_time = g_get_monotonic_time ();
      if (!ties_diagram_view_get_busy (view))
        return TRUE;
      g_main_context_iteration (NULL, TRUE);
    }

  return FALSE;
}

static void
on_after_paint (GdkFrameClock *clock,
                gint64        *painted)
{
  if (*painted == 0)
    *painted = g_get_monotonic_time ();
}

static void
on_busy (TiesDiagramView *view)
{
  if (ties_diagram_view_get_busy (view))
    n_layouts++;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TiesApplication) app = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) responses = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) paints = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 painted = 0;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(TiesEvent) event = NULL;
  const char *field = argc > 3 ? argv[3] : "title_row";
  gboolean in_actor = g_str_has_prefix (field, "actor:");
  g_autofree char *property = NULL;
  gboolean checked;
  GObject *edited;
  guint keystrokes = argc > 2 ? (guint) atoi (argv[2]) : 20;
  guint layouts_before;
  TiesDiagramView *view;
  TiesEventList *list;
  GtkWidget *editor;
  GtkWidget *target;
  TiesWindow *window;
  double total = 0;
  double total_response = 0;
  double total_paint = 0;
  gint64 start;

  if (argc < 2)
    {
      g_printerr ("Usage: %s DOCUMENT [KEYSTROKES] [FIELD]\n", argv[0]);
      return 2;
    }

  if (!gtk_init_check ())
    return 77;
  adw_init ();

  app = g_object_new (TIES_TYPE_APPLICATION,
                      "application-id", "io.github.tiesapp.Ties.Bench",
                      "flags", G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN,
                      "resource-base-path", "/io/github/tiesapp/Ties",
                      NULL);
  if (!g_application_register (G_APPLICATION (app), NULL, NULL))
    return 1;

  window = ties_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);

  view = TIES_DIAGRAM_VIEW (find_child (GTK_WIDGET (window), TIES_TYPE_DIAGRAM_VIEW));
  list = TIES_EVENT_LIST (find_child (GTK_WIDGET (window), TIES_TYPE_EVENT_LIST));
  g_signal_connect (view, "notify::busy", G_CALLBACK (on_busy), NULL);

  start = g_get_monotonic_time ();
  file = g_file_new_for_commandline_arg (argv[1]);
  ties_window_open_file (window, file);
  while (g_list_model_get_n_items (ties_event_list_get_model (list)) == 0)
    g_main_context_iteration (NULL, TRUE);
  if (!settle (view, 600000))
    {
      g_printerr ("The first layout did not end\n");
      return 1;
    }
  g_print ("opened and laid out in %.0f ms\n", (g_get_monotonic_time () - start) / 1000.0);

  /* TIES_BENCH_SORT_COLUMN=1 sorts the list by title first: then every
   * keystroke in a title changes the order. */
  if (g_getenv ("TIES_BENCH_SORT_COLUMN") != NULL)
    {
      GtkColumnView *column_view = GTK_COLUMN_VIEW (find_child (GTK_WIDGET (list), GTK_TYPE_COLUMN_VIEW));
      guint index = (guint) atoi (g_getenv ("TIES_BENCH_SORT_COLUMN"));
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (column_view), index);

      gtk_column_view_sort_by_column (column_view, column, GTK_SORT_ASCENDING);
      settle (view, 10000);
      g_print ("sorted by column %u\n", index);
    }

  events = g_object_ref (ties_event_list_get_model (list));
  event = g_list_model_get_item (events, 0);
  if (in_actor)
    {
      /* The actor editor: the first event's first participant. */
      const char *id = ties_event_get_participants (event)[0];

      field += strlen ("actor:");
      ties_diagram_view_select_actor (view, id);
      edited = G_OBJECT (ties_document_lookup_actor (ties_window_get_document (window), id));
      editor = find_child (GTK_WIDGET (window), TIES_TYPE_ACTOR_EDITOR);
    }
  else
    {
      ties_event_list_select_event (list, event);
      edited = G_OBJECT (event);
      editor = find_child (GTK_WIDGET (window), TIES_TYPE_EVENT_EDITOR);
    }
  settle (view, 10000);

  target = GTK_WIDGET (gtk_widget_get_template_child (editor, G_OBJECT_TYPE (editor), field));
  if (target == NULL)
    {
      g_printerr ("The event editor has no %s\n", field);
      return 1;
    }
  gtk_widget_grab_focus (target);
  settle (view, 10000);
  /* "title_row" edits "title"; tags are a list, not checked. */
  property = g_strndup (field, strcspn (field, "_"));
  checked = g_object_class_find_property (G_OBJECT_GET_CLASS (edited), property)->value_type == G_TYPE_STRING;
  if (checked)
    g_object_get (edited, property, &before, NULL);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint), &painted);

  layouts_before = n_layouts;
  for (guint i = 0; i < keystrokes; i++)
    {
      char c[2] = { "typing benchmark..."[i % 19], '\0' };
      gint64 t0 = g_get_monotonic_time ();
      double ms;
      double response;
      double paint;

      if (GTK_IS_TEXT_VIEW (target))
        {
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (target));
          GtkTextIter end;

          gtk_text_buffer_get_end_iter (buffer, &end);
          gtk_text_buffer_insert (buffer, &end, c, 1);
        }
      else
        {
          int position = (int) g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (target)), -1);

          gtk_editable_insert_text (GTK_EDITABLE (target), c, 1, &position);
        }
      painted = 0;
      settle (view, 600000);
      /* The typed character on screen: the next frame painted. */
      while (painted == 0)
        g_main_context_iteration (NULL, TRUE);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      response = (idle_time - t0) / 1000.0;
      paint = (painted - t0) / 1000.0;
      g_array_append_val (paints, paint);
      total_paint += paint;
      g_array_append_val (times, ms);
      g_array_append_val (responses, response);
      total += ms;
      total_response += response;
    }

  g_array_sort (times, compare_double);
  g_array_sort (responses, compare_double);
  g_array_sort (paints, compare_double);
  if (checked)
    g_object_get (edited, property, &after, NULL);
  if (checked && g_utf8_strlen (after, -1) != g_utf8_strlen (before, -1) + (glong) keystrokes)
    {
      g_printerr ("The typing did not reach the event: “%s” then “%s”\n", before, after);
      return 1;
    }
  g_print ("%s: %u keystrokes on %u events: main loop idle again after %.2f ms per keystroke "
           "(median %.2f, worst %.2f); next frame painted after %.2f ms (median %.2f, worst %.2f); "
           "with the layouts done %.2f ms (median %.2f, worst %.2f); "
           "%u diagram layouts started\n",
           field, keystrokes,
           g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_events (ties_window_get_document (window)))),
           total_response / keystrokes,
           g_array_index (responses, double, keystrokes / 2),
           g_array_index (responses, double, keystrokes - 1),
           total_paint / keystrokes,
           g_array_index (paints, double, keystrokes / 2),
           g_array_index (paints, double, keystrokes - 1),
           total / keystrokes,
           g_array_index (times, double, keystrokes / 2),
           g_array_index (times, double, keystrokes - 1),
           n_layouts - layouts_before);

  /* Nothing to save: the typing was the measurement. */
  ties_history_mark_saved (ties_document_get_history (ties_window_get_document (window)));
  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}
