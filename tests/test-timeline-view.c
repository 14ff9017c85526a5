/* test-timeline-view.c: the live timeline strip
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>

#include "ties-application.h"
#include "ties-diagram-view.h"
#include "ties-diagram-view-private.h"
#include "ties-event-editor.h"
#include "ties-event-list.h"
#include "ties-network.h"
#include "ties-selection.h"
#include "ties-timeline-view.h"
#include "ties-window.h"
#include "ui-test-util.h"

static TiesApplication *app;

typedef struct
{
  GtkWindow *window;
  TiesTimelineView *view;
  TiesDocument *document;
  TiesNetwork *network;
  TiesSelection *selection;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->document = test_load_sample ();
  fixture->network = ties_network_new (fixture->document);
  fixture->selection = ties_selection_new ();

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 420);
  fixture->view = TIES_TIMELINE_VIEW (ties_timeline_view_new ());
  ties_timeline_view_set_network (fixture->view, fixture->network);
  ties_timeline_view_set_selection (fixture->view, fixture->selection);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  ui_test_wait_for_frame (GTK_WIDGET (fixture->view));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->selection);
  g_clear_object (&fixture->network);
  g_clear_object (&fixture->document);
}

static gboolean
press_key (TiesTimelineView *view,
           guint             keyval,
           GdkModifierType   state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  gboolean handled = FALSE;
  gboolean found = FALSE;

  /* Key events cannot be made in-process in GTK 4: the controller's
   * signal is emitted as the event would. */
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
          found = TRUE;
        }
    }
  g_assert_true (found);

  return handled;
}

/* Where event @id's first mark is drawn, in the widget. */
static void
mark_point (Fixture    *fixture,
            const char *id,
            double     *x,
            double     *y)
{
  TiesTimeline *timeline = ties_timeline_view_get_timeline (fixture->view);
  TiesEvent *event = ties_document_lookup_event (fixture->document, id);
  guint index = ties_timeline_find_event (timeline, event);
  TiesTimelineMark mark;

  g_assert_cmpuint (index, !=, G_MAXUINT);
  g_assert_true (ties_timeline_get_mark (timeline, index, 0,
                                         gtk_widget_get_width (GTK_WIDGET (fixture->view)),
                                         gtk_widget_get_height (GTK_WIDGET (fixture->view)), &mark));
  *x = (mark.x0 + mark.x1) / 2;
  *y = mark.y;
}

static void
assert_description (Fixture    *fixture,
                    const char *expected)
{
  g_assert_cmpstr (ties_timeline_view_get_description (fixture->view), ==, expected);
  /* The accessible property itself is kept only with an AT context:
   * main() asks for GTK's test one. */
  if (g_strcmp0 (g_getenv ("GTK_A11Y"), "test") == 0)
    {
      char *message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (fixture->view),
                                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);

      if (message != NULL)
        g_test_message ("%s", message);
      g_assert_null (message);
    }
}

static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  TiesTimeline *timeline = ties_timeline_view_get_timeline (fixture->view);
  g_autofree char *count = g_strdup_printf ("%u dated events; the arrow keys move from one to the next",
                                            ties_timeline_get_n_events (timeline));

  /* Reachable by Tab, named, and described. */
  g_assert_true (gtk_widget_get_focusable (view));
  g_assert_true (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (view)) == GTK_ACCESSIBLE_ROLE_IMG);
  if (g_strcmp0 (g_getenv ("GTK_A11Y"), "test") == 0)
    g_assert_null (gtk_test_accessible_check_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                       "Timeline"));
  assert_description (fixture, count);
}

static void
test_click (Fixture       *fixture,
            gconstpointer  data)
{
  double x, y;
  TiesEvent *call = ties_document_lookup_event (fixture->document, "zuckerberg-call");

  /* A click on a mark selects its event in the window's one selection. */
  mark_point (fixture, "zuckerberg-call", &x, &y);
  ties_timeline_view_activate_at (fixture->view, x, y);
  g_assert_true (ties_selection_get_event (fixture->selection) == call);
  assert_description (fixture, "Ardern speaks to Zuckerberg, 17 April 2019");

  /* A click on nothing leaves it. */
  ties_timeline_view_activate_at (fixture->view, 2, 2);
  g_assert_true (ties_selection_get_event (fixture->selection) == call);

  /* Selected elsewhere (the list): followed here. */
  ties_selection_select_event (fixture->selection, ties_document_lookup_event (fixture->document, "cook-call"));
  assert_description (fixture, "Ardern phones Tim Cook, 24 April 2019");
}

static void
test_arrows (Fixture       *fixture,
             gconstpointer  data)
{
  TiesTimeline *timeline = ties_timeline_view_get_timeline (fixture->view);
  TiesEvent *call = ties_document_lookup_event (fixture->document, "zuckerberg-call");
  guint index = ties_timeline_find_event (timeline, call);
  TiesEvent *next = ties_timeline_get_event (timeline, index + 1);
  TiesDate *a = ties_event_get_parsed_date (call), *b = ties_event_get_parsed_date (next);
  g_autofree char *text = NULL;
  double x, y;

  gtk_widget_grab_focus (GTK_WIDGET (fixture->view));
  mark_point (fixture, "zuckerberg-call", &x, &y);
  ties_timeline_view_activate_at (fixture->view, x, y);

  /* Right: the next event in time, whichever lane it is in. */
  g_assert_cmpint (ties_date_compare (a, b), <=, 0);
  g_assert_true (press_key (fixture->view, GDK_KEY_Right, 0));
  g_assert_true (ties_selection_get_event (fixture->selection) == next);
  text = ties_timeline_dup_event_text (timeline, index + 1);
  assert_description (fixture, text);

  /* Left: back. */
  g_assert_true (press_key (fixture->view, GDK_KEY_Left, 0));
  g_assert_true (ties_selection_get_event (fixture->selection) == call);

  /* Home and End: the first and the last. */
  g_assert_true (press_key (fixture->view, GDK_KEY_Home, 0));
  g_assert_true (ties_selection_get_event (fixture->selection) == ties_timeline_get_event (timeline, 0));
  g_assert_true (press_key (fixture->view, GDK_KEY_End, 0));
  g_assert_true (ties_selection_get_event (fixture->selection)
                 == ties_timeline_get_event (timeline, ties_timeline_get_n_events (timeline) - 1));
}

static gboolean
in_lane (TiesTimeline *timeline,
         TiesEvent    *event,
         guint         lane)
{
  guint index = ties_timeline_find_event (timeline, event);
  TiesTimelineMark mark;

  for (guint i = 0; ties_timeline_get_mark (timeline, index, i, 1000, 400, &mark); i++)
    if (mark.lane == lane)
      return TRUE;

  return FALSE;
}

static void
test_lanes_keys (Fixture       *fixture,
                 gconstpointer  data)
{
  TiesTimeline *timeline = ties_timeline_view_get_timeline (fixture->view);
  TiesEvent *call = ties_document_lookup_event (fixture->document, "zuckerberg-call");
  TiesEvent *event;
  double x, y;

  /* The call is drawn in Ardern's lane (the first: hers is the first
   * event) and Zuckerberg's. Clicked in Ardern's, Down selects the
   * event nearest in time in the lane below; Up comes back to hers. */
  g_assert_cmpstr (ties_timeline_get_lane_name (timeline, 0), ==, "Jacinda Ardern");
  mark_point (fixture, "zuckerberg-call", &x, &y);
  ties_timeline_view_activate_at (fixture->view, x, y);
  g_assert_true (press_key (fixture->view, GDK_KEY_Down, 0));
  event = ties_selection_get_event (fixture->selection);
  g_assert_nonnull (event);
  g_assert_true (event != call);
  g_assert_true (in_lane (timeline, event, 1));
  g_assert_true (press_key (fixture->view, GDK_KEY_Up, 0));
  event = ties_selection_get_event (fixture->selection);
  g_assert_true (in_lane (timeline, event, 0));
  g_assert_true (ties_event_has_participant (event, "ardern"));
}

static void
test_lanes_property (Fixture       *fixture,
                     gconstpointer  data)
{
  TiesTimeline *timeline;

  g_assert_cmpstr (ties_timeline_view_get_lanes (fixture->view), ==, "actor");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "timeline.lanes", "s", "kind"));
  g_assert_cmpstr (ties_timeline_view_get_lanes (fixture->view), ==, "kind");
  timeline = ties_timeline_view_get_timeline (fixture->view);
  g_assert_cmpint (ties_timeline_get_lanes (timeline), ==, TIES_TIMELINE_LANES_KIND);
  g_assert_cmpstr (ties_timeline_get_lane_name (timeline, 0), ==, "Meeting");
  ui_test_wait_for_frame (GTK_WIDGET (fixture->view));
}

static void
test_zoom (Fixture       *fixture,
           gconstpointer  data)
{
  double a0, b0, a1, b1;

  ties_timeline_view_get_span (fixture->view, &a0, &b0);
  g_assert_true (press_key (fixture->view, GDK_KEY_plus, 0));
  ties_timeline_view_get_span (fixture->view, &a1, &b1);
  g_assert_cmpfloat (b1 - a1, <, b0 - a0);
  /* Shift+Right moves later in time, keeping the span. */
  g_assert_true (press_key (fixture->view, GDK_KEY_Right, GDK_SHIFT_MASK));
  ties_timeline_view_get_span (fixture->view, &a0, &b0);
  g_assert_cmpfloat (a0, >, a1);
  g_assert_cmpfloat_with_epsilon (b0 - a0, b1 - a1, 1e-6);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "timeline.zoom-fit", NULL));
  ties_timeline_view_get_span (fixture->view, &a1, &b1);
  g_assert_cmpfloat (b1 - a1, >, b0 - a0);
}

/* The selected event ringed in the accent colour over the drawing. */
static void
test_draws (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GdkTexture) texture = NULL;
  double x, y;

  mark_point (fixture, "zuckerberg-call", &x, &y);
  ties_timeline_view_activate_at (fixture->view, x, y);
  ui_test_wait_for_frame (GTK_WIDGET (fixture->view));
  texture = ui_test_render (GTK_WIDGET (fixture->view));
  g_assert_nonnull (texture);
  if (g_getenv ("TIES_TEST_SAVE_PNG") != NULL)
    gdk_texture_save_to_png (texture, g_getenv ("TIES_TEST_SAVE_PNG"));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (GTK_WIDGET (fixture->view)));
}

/* In the window: below the diagram, on the window's one selection, and
 * shown and hidden again by win.show-timeline. */
/* The x where day @iso begins, in the widget. */
static double
day_x (Fixture    *fixture,
       const char *iso)
{
  g_autoptr(TiesDate) date = ties_date_parse (iso, NULL, NULL);
  gint64 first, last;

  g_assert_nonnull (date);
  ties_date_get_strict_range (date, &first, &last);

  return ties_timeline_day_to_x (ties_timeline_view_get_timeline (fixture->view),
                                 gtk_widget_get_width (GTK_WIDGET (fixture->view)), first);
}

static void
test_brush (Fixture       *fixture,
            gconstpointer  data)
{
  TiesFilter *filter = ties_network_get_filter (fixture->network);
  TiesEvent *zuckerberg = ties_document_lookup_event (fixture->document, "zuckerberg-call");
  TiesEvent *bezos = ties_document_lookup_event (fixture->document, "bezos-call");
  guint n_events = ties_timeline_get_n_events (ties_timeline_view_get_timeline (fixture->view));
  double x0 = day_x (fixture, "2019-04-01");
  double x1 = day_x (fixture, "2019-05-01");

  g_assert_true (ties_network_includes_event (fixture->network, bezos));

  /* Dragged right to left over April, a little inside its first and
   * last days: April, whole days. */
  ties_timeline_view_brush (fixture->view, x1 - 0.5, x0 + 0.5);
  g_assert_cmpstr (ties_filter_get_from (filter), ==, "2019-04-01");
  g_assert_cmpstr (ties_filter_get_to (filter), ==, "2019-04-30");
  g_assert_true (ties_network_includes_event (fixture->network, zuckerberg));
  g_assert_false (ties_network_includes_event (fixture->network, bezos));
  /* The strip keeps every event, to brush again: the range is a band. */
  ui_test_wait_for_frame (GTK_WIDGET (fixture->view));
  g_assert_cmpuint (ties_timeline_get_n_events (ties_timeline_view_get_timeline (fixture->view)), ==, n_events);
  g_assert_cmpfloat_with_epsilon (day_x (fixture, "2019-04-01"), x0, 0.01);

  /* Typed elsewhere (the From and To entries), shown here alike. */
  g_assert_true (ties_filter_set_range (filter, "2019-05", NULL));
  g_assert_true (ties_network_includes_event (fixture->network, bezos));
  g_assert_false (ties_network_includes_event (fixture->network, zuckerberg));
  ui_test_wait_for_frame (GTK_WIDGET (fixture->view));
  g_assert_cmpuint (ties_timeline_get_n_events (ties_timeline_view_get_timeline (fixture->view)), ==, n_events);

  /* An event added, even outside the range, joins the strip. */
  {
    g_autoptr(TiesEvent) added = ties_event_new ("later-call", "A later call", "phone-call");
    const char * const people[] = { "ardern", "dorsey", NULL };

    ties_event_set_date (added, "2019-10-01");
    ties_event_set_participants (added, people);
    ties_document_add_event (fixture->document, added);
    ui_test_wait_for_frame (GTK_WIDGET (fixture->view));
    g_assert_cmpuint (ties_timeline_get_n_events (ties_timeline_view_get_timeline (fixture->view)), ==, n_events + 1);
  }

  /* Escape lets go of it; pressed again, it is not the strip's. */
  g_assert_true (press_key (fixture->view, GDK_KEY_Escape, 0));
  g_assert_null (ties_filter_get_from (filter));
  g_assert_null (ties_filter_get_to (filter));
  g_assert_false (press_key (fixture->view, GDK_KEY_Escape, 0));
}

static void
test_window (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  TiesTimelineView *view = TIES_TIMELINE_VIEW (ui_test_find_child (GTK_WIDGET (window), TIES_TYPE_TIMELINE_VIEW));
  TiesDiagramView *diagram = TIES_DIAGRAM_VIEW (ui_test_find_child (GTK_WIDGET (window), TIES_TYPE_DIAGRAM_VIEW));
  TiesEventEditor *editor;
  TiesDocument *document = ties_window_get_document (window);
  GtkRevealer *revealer;
  TiesTimeline *timeline;
  TiesTimelineMark mark;
  guint index;

  g_assert_nonnull (view);
  revealer = GTK_REVEALER (gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_REVEALER));
  g_assert_nonnull (revealer);
  /* Hidden at first, so that the diagram keeps its room; shown by the
   * Timeline button. */
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-timeline", NULL));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  ui_test_iterate_until (ui_test_is_mapped, view);
  ui_test_wait_for_frame (GTK_WIDGET (view));
  g_assert_true (ties_timeline_view_get_selection (view) == ties_diagram_view_get_selection (diagram));

  /* A click on the Zuckerberg call opens it in the editor. */
  timeline = ties_timeline_view_get_timeline (view);
  index = ties_timeline_find_event (timeline, ties_document_lookup_event (document, "zuckerberg-call"));
  g_assert_true (ties_timeline_get_mark (timeline, index, 0, gtk_widget_get_width (GTK_WIDGET (view)),
                                         gtk_widget_get_height (GTK_WIDGET (view)), &mark));
  ties_timeline_view_activate_at (view, (mark.x0 + mark.x1) / 2, mark.y);
  /* The window builds the editor when it first shows one. */
  editor = TIES_EVENT_EDITOR (ui_test_find_child (GTK_WIDGET (window), TIES_TYPE_EVENT_EDITOR));
  g_assert_nonnull (editor);
  g_assert_true (ties_event_editor_get_event (editor) == ties_document_lookup_event (document, "zuckerberg-call"));

  /* Brushing April filters the list and the diagram, and the From and
   * To entries follow. */
  {
    TiesEventList *list = TIES_EVENT_LIST (ui_test_find_child (GTK_WIDGET (window), TIES_TYPE_EVENT_LIST));
    GtkEditable *from = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (list), TIES_TYPE_EVENT_LIST, "from_entry"));
    GtkEditable *to = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (list), TIES_TYPE_EVENT_LIST, "to_entry"));
    GListModel *rows = ties_event_list_get_model (list);
    guint n_rows = g_list_model_get_n_items (rows);
    g_autoptr(TiesDate) april = ties_date_parse ("2019-04", NULL, NULL);
    gint64 first, last;
    int width = gtk_widget_get_width (GTK_WIDGET (view));

    ties_date_get_strict_range (april, &first, &last);
    ties_timeline_view_brush (view, ties_timeline_day_to_x (timeline, width, first) + 0.5,
                              ties_timeline_day_to_x (timeline, width, last + 1) - 0.5);
    ui_test_iterate_pending ();
    g_assert_cmpstr (gtk_editable_get_text (from), ==, "2019-04-01");
    g_assert_cmpstr (gtk_editable_get_text (to), ==, "2019-04-30");
    g_assert_cmpuint (g_list_model_get_n_items (rows), <, n_rows);
    g_assert_cmpuint (g_list_model_get_n_items (rows), >, 0);
    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(GObject) row = g_list_model_get_item (rows, i);

        g_assert_true (TIES_IS_EVENT (row));
        g_assert_true (ties_date_overlaps (ties_event_get_parsed_date (TIES_EVENT (row)), first, last, FALSE));
      }
    g_assert_false (ties_network_includes_event (ties_diagram_view_get_network (diagram),
                                                 ties_document_lookup_event (document, "bezos-call")));
    g_assert_true (ties_network_includes_event (ties_diagram_view_get_network (diagram),
                                                ties_document_lookup_event (document, "zuckerberg-call")));
    /* The filter is saved with the document: brushing is an edit,
     * undone as one step. */
    g_assert_true (ties_history_get_modified (ties_document_get_history (document)));
    g_assert_true (ties_history_undo (ties_document_get_history (document)));
    g_assert_null (ties_filter_get_from (ties_document_get_filter (document)));
    g_assert_null (ties_filter_get_to (ties_document_get_filter (document)));
    g_assert_false (ties_history_get_modified (ties_document_get_history (document)));
    ui_test_iterate_pending ();
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_rows);
    /* Laid out again since: the strip's timeline of now. */
    timeline = ties_timeline_view_get_timeline (view);
    ties_timeline_view_brush (view, ties_timeline_day_to_x (timeline, width, first) + 0.5,
                              ties_timeline_day_to_x (timeline, width, last + 1) - 0.5);
    ui_test_iterate_pending ();

    /* And the reverse: the entries cleared, the strip shows no band
     * and the list is whole again. */
    gtk_editable_set_text (from, "");
    gtk_editable_set_text (to, "");
    g_signal_emit_by_name (from, "activate");
    g_signal_emit_by_name (to, "activate");
    ui_test_iterate_pending ();
    g_assert_null (ties_filter_get_from (ties_network_get_filter (ties_diagram_view_get_network (diagram))));
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_rows);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-timeline", NULL));
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  TiesDiagramView *diagram;
  TiesNetwork *network;
  TiesGraph *graph;
  GPtrArray *months;       /* the label of each step */
  GHashTable *seen;        /* "a|b" of each tie drawn so far */
  guint n_steps;
  double x0, y0;           /* where node 0 is drawn at the first step */
} PlayLog;

static void
on_step (GtkLabel *label,
         GParamSpec *pspec,
         PlayLog  *log)
{
  TiesScene *scene = _ties_diagram_view_get_scene (log->diagram);
  const char *text = gtk_label_get_label (label);
  g_autoptr(GHashTable) drawn = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  double x, y, radius;

  if (!gtk_widget_get_visible (GTK_WIDGET (label)) || g_str_equal (text, ""))
    return;
  g_assert_nonnull (scene);
  g_ptr_array_add (log->months, g_strdup (text));
  log->n_steps++;

  for (guint e = 0; e < ties_scene_get_n_edges (scene); e++)
    {
      guint a, b;
      const char *id_a, *id_b;
      TiesTie *tie;
      TiesDate *first;
      gint64 first_day, last_day;
      g_autofree char *key = NULL;

      ties_scene_get_edge (scene, e, &a, &b);
      id_a = ties_graph_node (log->graph, a)->id;
      id_b = ties_graph_node (log->graph, b)->id;
      tie = ties_network_lookup_tie (log->network, id_a, id_b);
      g_assert_nonnull (tie);
      first = ties_tie_get_first_date (tie);
      g_assert_nonnull (first);
      ties_date_get_strict_range (first, &first_day, &last_day);
      key = g_strdup_printf ("%s|%s", id_a, id_b);
      /* A tie is drawn from the month its first event began, on. */
      if (!g_hash_table_contains (log->seen, key))
        {
          g_autofree char *began = ties_date_day_to_iso (first_day);
          g_autofree char *month = g_strndup (began, 7);

          g_autofree char *step = g_strdup_printf ("2019-%02u", log->n_steps);

          g_test_message ("%s: %s appears (first event %s)", text, key, began);
          /* Steps run a month each from January 2019. */
          g_assert_cmpstr (month, ==, step);
          g_hash_table_add (log->seen, g_strdup (key));
          g_hash_table_add (drawn, g_steal_pointer (&key));
        }
      else
        g_hash_table_add (drawn, g_steal_pointer (&key));
    }
  /* Ties only appear: every tie drawn before is drawn still. */
  g_assert_cmpuint (g_hash_table_size (drawn), ==, g_hash_table_size (log->seen));

  /* The layout does not jump between steps. */
  ties_scene_get_node (scene, 0, &x, &y, &radius);
  if (log->n_steps == 1)
    {
      log->x0 = x;
      log->y0 = y;
    }
  g_assert_cmpfloat_with_epsilon (x, log->x0, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, log->y0, 1e-9);
}

static gboolean
has_scene (gpointer diagram)
{
  return _ties_diagram_view_get_scene (diagram) != NULL;
}

static gboolean
play_ended (gpointer data)
{
  GtkWidget *window = data;
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "play");

  return !g_variant_get_boolean (state);
}

static void
test_play (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  TiesDiagramView *diagram = TIES_DIAGRAM_VIEW (ui_test_find_child (GTK_WIDGET (window), TIES_TYPE_DIAGRAM_VIEW));
  GtkLabel *label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (window), TIES_TYPE_WINDOW, "as_of_label"));
  g_autoptr(TiesGraph) graph = NULL;
  PlayLog log = { 0 };
  TiesScene *scene;

  ui_test_iterate_until (has_scene, diagram);
  graph = ties_diagram_view_dup_graph (diagram);
  g_assert_nonnull (graph);
  log.diagram = diagram;
  log.network = ties_diagram_view_get_network (diagram);
  log.graph = graph;
  log.months = g_ptr_array_new_with_free_func (g_free);
  log.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_connect (label, "notify::label", G_CALLBACK (on_step), &log);

  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "play-stop"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "play-pace", g_variant_new_double (0.1));
  g_action_group_activate_action (G_ACTION_GROUP (window), "play", NULL);
  g_assert_false (play_ended (window));
  ui_test_iterate_until (play_ended, window);

  /* January to September 2019, a step a month, every tie in the end. */
  g_assert_cmpuint (log.months->len, ==, 9);
  g_assert_cmpstr (g_ptr_array_index (log.months, 0), ==, "As of January 2019");
  g_assert_cmpstr (g_ptr_array_index (log.months, 8), ==, "As of September 2019");
  scene = _ties_diagram_view_get_scene (diagram);
  g_assert_cmpuint (g_hash_table_size (log.seen), ==, ties_scene_get_n_edges (scene));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_signal_handlers_disconnect_by_data (label, &log);

  /* Show Every Date Again: the usual diagram, every tie. */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "play-stop"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "play-stop", NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (label)));
  scene = _ties_diagram_view_get_scene (diagram);
  g_assert_cmpuint (ties_scene_get_n_edges (scene), ==,
                    g_list_model_get_n_items (ties_network_get_ties (log.network)));

  g_ptr_array_unref (log.months);
  g_hash_table_unref (log.seen);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* An AT context of GTK's own, so the accessible description can be
   * read back (the other widget tests run with none). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    return 77;
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/timeline-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("accessible", test_accessible);
  ADD ("click", test_click);
  ADD ("arrows", test_arrows);
  ADD ("lanes-keys", test_lanes_keys);
  ADD ("lanes-property", test_lanes_property);
  ADD ("zoom", test_zoom);
  ADD ("draws", test_draws);
  ADD ("brush", test_brush);
#undef ADD
  app = ui_test_application_new ("io.github.tiesapp.Ties.TimelineTest");
  g_test_add_func ("/timeline-view/window", test_window);
  g_test_add_func ("/timeline-view/play", test_play);

  return g_test_run ();
}
