/* test-selection.c: one selection for the window, which every view follows
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ties-actor-editor.h"
#include "ties-actors-view.h"
#include "ties-application.h"
#include "ties-diagram-view-private.h"
#include "ties-event-editor.h"
#include "ties-event-list.h"
#include "ties-selection.h"
#include "ties-source-reader.h"
#include "ties-window.h"
#include "ui-test-util.h"

#define SAMPLE TOP_SRCDIR "/data/samples/christchurch-call.ties.json"

static TiesApplication *app;

/* The model alone */

static void
count_changes (TiesSelection *selection,
               guint         *n)
{
  (*n)++;
}

static void
test_model (void)
{
  g_autoptr(TiesSelection) selection = ties_selection_new ();
  g_autoptr(TiesDocument) document = ties_document_new ();
  g_autoptr(TiesActor) ardern = ties_actor_new ("ardern", "Jacinda Ardern", TIES_ACTOR_PERSON);
  g_autoptr(TiesActor) cook = ties_actor_new ("cook", "Tim Cook", TIES_ACTOR_PERSON);
  g_autoptr(TiesEvent) call = ties_event_new ("call", "A call", "phone-call");
  g_autoptr(TiesEvent) meeting = ties_event_new ("meeting", "A meeting", "meeting");
  g_autoptr(GPtrArray) both = g_ptr_array_new ();
  const char *a, *b;
  guint n = 0;

  ties_document_add_actor (document, ardern);
  ties_document_add_actor (document, cook);
  ties_document_add_event (document, call);
  ties_document_add_event (document, meeting);
  g_signal_connect (selection, "changed", G_CALLBACK (count_changes), &n);

  g_assert_cmpint (ties_selection_get_kind (selection), ==, TIES_SELECTION_NONE);
  ties_selection_clear (selection);
  g_assert_cmpuint (n, ==, 0);

  /* Selecting what is selected says nothing: views that follow their
   * own change end the round trip there. */
  ties_selection_select_event (selection, call);
  ties_selection_select_event (selection, call);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (ties_selection_get_event (selection) == call);
  g_assert_true (ties_selection_has_event (selection, call));
  g_assert_false (ties_selection_has_event (selection, meeting));

  g_ptr_array_add (both, call);
  g_ptr_array_add (both, meeting);
  ties_selection_select_events (selection, both);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (ties_selection_get_events (selection)->len, ==, 2);
  /* Several events have no one event. */
  g_assert_null (ties_selection_get_event (selection));

  /* One kind at a time: the actor replaces the events. */
  ties_selection_select_actor (selection, cook);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (ties_selection_get_kind (selection), ==, TIES_SELECTION_ACTOR);
  g_assert_cmpuint (ties_selection_get_events (selection)->len, ==, 0);
  g_assert_true (ties_selection_get_actor (selection) == cook);

  /* A tie either way round is one tie, ordered as TiesTie orders it. */
  ties_selection_select_tie (selection, "cook", "ardern");
  g_assert_cmpuint (n, ==, 4);
  g_assert_null (ties_selection_get_actor (selection));
  g_assert_true (ties_selection_get_tie (selection, &a, &b));
  g_assert_cmpstr (a, ==, "ardern");
  g_assert_cmpstr (b, ==, "cook");
  ties_selection_select_tie (selection, "ardern", "cook");
  g_assert_cmpuint (n, ==, 4);

  /* What the document no longer has is no longer selected. */
  ties_selection_select_events (selection, both);
  g_assert_cmpuint (n, ==, 5);
  ties_document_remove_event (document, call);
  ties_selection_forget_missing (selection, document);
  g_assert_cmpuint (n, ==, 6);
  g_assert_true (ties_selection_get_event (selection) == meeting);
  ties_selection_forget_missing (selection, document);
  g_assert_cmpuint (n, ==, 6);

  ties_selection_select_actor (selection, ardern);
  ties_document_remove_actor (document, ardern);
  ties_selection_forget_missing (selection, document);
  g_assert_cmpint (ties_selection_get_kind (selection), ==, TIES_SELECTION_NONE);
}

/* The window */

typedef struct
{
  TiesWindow       *window;
  TiesDocument     *document;
  TiesSelection    *selection;
  TiesEventList    *list;
  TiesActorsView   *actors;
  TiesDiagramView  *diagram;
  TiesSourceReader *reader;
  GtkStack         *editor_stack;
} Fixture;

static gboolean
no_windows (gpointer data)
{
  return gtk_application_get_windows (GTK_APPLICATION (app)) == NULL;
}

/* The stack that has a page called @name. */
static GtkStack *
find_stack_with_page (GtkWidget  *widget,
                      const char *name)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), name) != NULL)
    return GTK_STACK (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *found = find_stack_with_page (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
diagram_ready (gpointer data)
{
  TiesDiagramView *view = data;
  double x, y;

  return ties_diagram_view_get_actor_point (view, "ardern", &x, &y) && !_ties_diagram_view_get_animating (view);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *window;

  fixture->window = ui_test_open_sample (app);
  window = GTK_WIDGET (fixture->window);
  fixture->document = ties_window_get_document (fixture->window);
  fixture->list = TIES_EVENT_LIST (ui_test_find_child (window, TIES_TYPE_EVENT_LIST));
  fixture->actors = TIES_ACTORS_VIEW (ui_test_find_child (window, TIES_TYPE_ACTORS_VIEW));
  fixture->diagram = TIES_DIAGRAM_VIEW (ui_test_find_child (window, TIES_TYPE_DIAGRAM_VIEW));
  fixture->reader = TIES_SOURCE_READER (ui_test_find_child (window, TIES_TYPE_SOURCE_READER));
  fixture->editor_stack = find_stack_with_page (window, "tie");
  g_assert_nonnull (fixture->editor_stack);

  /* One selection, given to every view. */
  fixture->selection = ties_event_list_get_selection (fixture->list);
  g_assert_nonnull (fixture->selection);
  g_assert_true (ties_actors_view_get_selection (fixture->actors) == fixture->selection);
  g_assert_true (ties_diagram_view_get_selection (fixture->diagram) == fixture->selection);
  g_assert_true (ties_source_reader_get_shared_selection (fixture->reader) == fixture->selection);

  ui_test_iterate_until (diagram_ready, fixture->diagram);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  ui_test_iterate_until (no_windows, NULL);
}

/* The window builds an editor when it first shows one: found then. */
static TiesEventEditor *
event_editor (Fixture *fixture)
{
  GtkWidget *editor = ui_test_find_child (GTK_WIDGET (fixture->window), TIES_TYPE_EVENT_EDITOR);

  g_assert_nonnull (editor);
  return TIES_EVENT_EDITOR (editor);
}

static TiesActorEditor *
actor_editor (Fixture *fixture)
{
  GtkWidget *editor = ui_test_find_child (GTK_WIDGET (fixture->window), TIES_TYPE_ACTOR_EDITOR);

  g_assert_nonnull (editor);
  return TIES_ACTOR_EDITOR (editor);
}

static const char *
editor_page (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (fixture->editor_stack);
}

static guint
n_rows (Fixture *fixture)
{
  return g_list_model_get_n_items (ties_event_list_get_model (fixture->list));
}

/* Every event the list shows has @actor_id among its participants. */
static gboolean
list_only_of (Fixture    *fixture,
              const char *actor_id)
{
  GListModel *model = ties_event_list_get_model (fixture->list);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (model, i);

      if (!g_strv_contains (ties_event_get_participants (event), actor_id))
        return FALSE;
    }

  return TRUE;
}

static guint
count_different (GdkTexture *a,
                 GdkTexture *b)
{
  int width = gdk_texture_get_width (a);
  int height = gdk_texture_get_height (a);
  g_autofree guchar *pa = g_malloc ((gsize) width * height * 4);
  g_autofree guchar *pb = g_malloc ((gsize) width * height * 4);
  guint n = 0;

  g_assert_cmpint (gdk_texture_get_width (b), ==, width);
  g_assert_cmpint (gdk_texture_get_height (b), ==, height);
  gdk_texture_download (a, pa, width * 4);
  gdk_texture_download (b, pb, width * 4);
  for (gsize i = 0; i < (gsize) width * height; i++)
    n += memcmp (pa + i * 4, pb + i * 4, 4) != 0;

  return n;
}

/* A row chosen in the list: the diagram highlights the event's tie, the
 * editor shows it, the reader marks its evidence. */
static void
test_list_reaches_all (Fixture       *fixture,
                       gconstpointer  data)
{
  TiesEvent *event = ties_document_lookup_event (fixture->document, "cook-call");
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) after = NULL;

  g_assert_nonnull (event);
  ui_test_wait_for_frame (GTK_WIDGET (fixture->diagram));
  before = ui_test_render (GTK_WIDGET (fixture->diagram));

  ties_event_list_select_event (fixture->list, event);
  ui_test_iterate_for (100);

  g_assert_cmpint (ties_selection_get_kind (fixture->selection), ==, TIES_SELECTION_EVENTS);
  g_assert_true (ties_selection_get_event (fixture->selection) == event);
  g_assert_true (ties_event_editor_get_event (event_editor (fixture)) == event);
  g_assert_cmpstr (editor_page (fixture), ==, "event");
  g_assert_true (ties_source_reader_get_selected_event (fixture->reader) == event);
  g_assert_null (ties_diagram_view_get_selected_actor (fixture->diagram));
  g_assert_cmpuint (ties_actors_view_get_selected (fixture->actors)->len, ==, 0);

  /* The rest of the diagram is dimmed: much of the picture changes. */
  ui_test_wait_for_frame (GTK_WIDGET (fixture->diagram));
  after = ui_test_render (GTK_WIDGET (fixture->diagram));
  g_assert_cmpuint (count_different (before, after), >, 1000);

  /* Unselected in the list, unselected everywhere. */
  ties_event_list_select_event (fixture->list, NULL);
  ui_test_iterate_for (100);
  g_assert_cmpint (ties_selection_get_kind (fixture->selection), ==, TIES_SELECTION_NONE);
  g_assert_null (ties_source_reader_get_selected_event (fixture->reader));
  g_assert_cmpstr (editor_page (fixture), ==, "none");
}

/* A row chosen in the Actors table: the diagram rings the actor, the
 * editor shows it, the list shows its events only, and the event that
 * was selected no longer is. */
static void
test_actors_view_reaches_all (Fixture       *fixture,
                              gconstpointer  data)
{
  TiesActor *zuckerberg = ties_document_lookup_actor (fixture->document, "zuckerberg");
  guint all = n_rows (fixture);

  g_assert_nonnull (zuckerberg);
  ties_event_list_select_event (fixture->list, ties_document_lookup_event (fixture->document, "cook-call"));
  ui_test_iterate_for (100);
  g_assert_cmpstr (editor_page (fixture), ==, "event");

  ties_actors_view_select_actor (fixture->actors, zuckerberg);
  ui_test_iterate_for (100);

  g_assert_true (ties_selection_get_actor (fixture->selection) == zuckerberg);
  g_assert_cmpstr (ties_diagram_view_get_selected_actor (fixture->diagram), ==, "zuckerberg");
  g_assert_true (ties_actor_editor_get_actor (actor_editor (fixture)) == zuckerberg);
  g_assert_cmpstr (editor_page (fixture), ==, "actor");
  g_assert_null (ties_source_reader_get_selected_event (fixture->reader));
  g_assert_null (ties_event_list_get_selected_event (fixture->list));
  g_assert_cmpuint (n_rows (fixture), <, all);
  g_assert_cmpuint (n_rows (fixture), >, 0);
  g_assert_true (list_only_of (fixture, "zuckerberg"));
}

/* A click on an actor in the diagram: its row in the Actors table, its
 * editor; a click on empty space: nothing selected, the list whole. */
static void
test_diagram_actor_reaches_all (Fixture       *fixture,
                                gconstpointer  data)
{
  TiesActor *pichai = ties_document_lookup_actor (fixture->document, "pichai");
  GPtrArray *rows;
  guint all = n_rows (fixture);
  double x, y;

  g_assert_true (ties_diagram_view_get_actor_point (fixture->diagram, "pichai", &x, &y));
  _ties_diagram_view_simulate_click (fixture->diagram, x, y, 1);
  ui_test_iterate_for (100);

  g_assert_true (ties_selection_get_actor (fixture->selection) == pichai);
  rows = ties_actors_view_get_selected (fixture->actors);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_true (g_ptr_array_index (rows, 0) == pichai);
  g_assert_true (ties_actor_editor_get_actor (actor_editor (fixture)) == pichai);
  g_assert_cmpstr (editor_page (fixture), ==, "actor");
  g_assert_true (list_only_of (fixture, "pichai"));

  _ties_diagram_view_simulate_click (fixture->diagram, 2, 2, 1);
  ui_test_iterate_for (100);
  g_assert_cmpint (ties_selection_get_kind (fixture->selection), ==, TIES_SELECTION_NONE);
  g_assert_cmpuint (ties_actors_view_get_selected (fixture->actors)->len, ==, 0);
  g_assert_cmpstr (editor_page (fixture), ==, "none");
  g_assert_cmpuint (n_rows (fixture), ==, all);
}

/* The bug this model fixed: an actor clicked, then a tie, and the editor
 * still showed the actor. */
static void
test_diagram_tie_after_actor (Fixture       *fixture,
                              gconstpointer  data)
{
  GListModel *ties = ties_network_get_ties (ties_diagram_view_get_network (fixture->diagram));
  const char *tie_a = NULL;
  const char *tie_b = NULL;
  gboolean hit = FALSE;
  double x, y;

  for (guint i = 0; i < g_list_model_get_n_items (ties) && !hit; i++)
    {
      g_autoptr(TiesTie) tie = g_list_model_get_item (ties, i);
      double ax, ay, bx, by;

      /* First the actor, each time. */
      g_assert_true (ties_diagram_view_get_actor_point (fixture->diagram, "ardern", &x, &y));
      _ties_diagram_view_simulate_click (fixture->diagram, x, y, 1);
      ui_test_iterate_for (50);
      g_assert_cmpstr (editor_page (fixture), ==, "actor");

      /* Then the middle of a tie (curved ties are missed there). */
      g_assert_true (ties_diagram_view_get_actor_point (fixture->diagram, ties_tie_get_actor_a (tie), &ax, &ay));
      g_assert_true (ties_diagram_view_get_actor_point (fixture->diagram, ties_tie_get_actor_b (tie), &bx, &by));
      _ties_diagram_view_simulate_click (fixture->diagram, (ax + bx) / 2, (ay + by) / 2, 1);
      ui_test_iterate_for (50);
      hit = ties_selection_get_tie (fixture->selection, &tie_a, &tie_b);
      if (!hit)
        continue;

      g_assert_cmpstr (tie_a, ==, ties_tie_get_actor_a (tie));
      g_assert_cmpstr (tie_b, ==, ties_tie_get_actor_b (tie));
      g_assert_cmpstr (editor_page (fixture), ==, "tie");
      g_assert_null (ties_diagram_view_get_selected_actor (fixture->diagram));
      g_assert_cmpuint (ties_actors_view_get_selected (fixture->actors)->len, ==, 0);
      /* The list shows the tie's events, and the page names both ends. */
      g_assert_cmpuint (n_rows (fixture), ==, ties_tie_get_weight (tie));
      g_assert_true (list_only_of (fixture, tie_a));
      g_assert_true (list_only_of (fixture, tie_b));
      {
        AdwStatusPage *page = ADW_STATUS_PAGE (gtk_stack_get_visible_child (fixture->editor_stack));
        const char *title = adw_status_page_get_title (page);
        TiesActor *a = ties_document_lookup_actor (fixture->document, tie_a);
        TiesActor *b = ties_document_lookup_actor (fixture->document, tie_b);

        g_assert_nonnull (strstr (title, ties_actor_get_name (a)));
        g_assert_nonnull (strstr (title, ties_actor_get_name (b)));
      }
      ui_test_save_png (GTK_WIDGET (fixture->window), "selection-tie.png");
    }
  g_assert_true (hit);

  /* An event chosen from the tie's events: the tie gives way to it. */
  {
    g_autoptr(TiesEvent) first = g_list_model_get_item (ties_event_list_get_model (fixture->list), 0);

    ties_event_list_select_event (fixture->list, first);
    ui_test_iterate_for (100);
    g_assert_true (ties_selection_get_event (fixture->selection) == first);
    g_assert_cmpstr (editor_page (fixture), ==, "event");
    g_assert_null (ties_diagram_view_get_selected_tie_a (fixture->diagram));
  }
}

/* A highlight clicked in the reader selects its event in the list and
 * the editor, as a row would. */
static void
test_reader_reaches_list (Fixture       *fixture,
                          gconstpointer  data)
{
  TiesEvent *event = ties_document_lookup_event (fixture->document, "cook-call");
  g_autoptr(TiesEvidence) evidence = NULL;
  glong start;

  g_assert_nonnull (event);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ties_event_get_evidence (event))), >, 0);
  evidence = g_list_model_get_item (G_LIST_MODEL (ties_event_get_evidence (event)), 0);
  start = ties_evidence_get_start (evidence);

  ties_source_reader_set_source (fixture->reader,
                                 ties_document_lookup_source (fixture->document, ties_evidence_get_source (evidence)));
  g_assert_true (ties_source_reader_activate_offset (fixture->reader, start + 1));
  ui_test_iterate_for (100);

  g_assert_nonnull (ties_selection_get_event (fixture->selection));
  g_assert_true (ties_event_list_get_selected_event (fixture->list) == ties_selection_get_event (fixture->selection));
  g_assert_true (ties_event_editor_get_event (event_editor (fixture)) == ties_selection_get_event (fixture->selection));
  g_assert_true (ties_source_reader_get_selected_event (fixture->reader) == ties_selection_get_event (fixture->selection));
  g_assert_cmpstr (editor_page (fixture), ==, "event");
}

/* The selected event deleted: the window's selection forgets it. */
static void
test_delete_forgets (Fixture       *fixture,
                     gconstpointer  data)
{
  TiesEvent *event = ties_document_lookup_event (fixture->document, "cook-call");
  TiesActor *cook = ties_document_lookup_actor (fixture->document, "cook");

  ties_actors_view_select_actor (fixture->actors, cook);
  ui_test_iterate_for (50);
  g_assert_true (ties_selection_get_actor (fixture->selection) == cook);

  ties_selection_select_event (fixture->selection, event);
  ui_test_iterate_for (50);
  g_assert_true (ties_event_editor_get_event (event_editor (fixture)) == event);
  ties_document_remove_event (fixture->document, event);
  ui_test_iterate_for (50);
  g_assert_false (ties_selection_has_event (fixture->selection, event));
  g_assert_true (ties_event_editor_get_event (event_editor (fixture)) != event);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    return 77;
  adw_init ();

  app = ui_test_application_new ("io.github.tiesapp.Ties.Test");

#define ADD(path, func) \
  g_test_add ("/selection/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/selection/model", test_model);
  ADD ("list-reaches-all", test_list_reaches_all);
  ADD ("actors-view-reaches-all", test_actors_view_reaches_all);
  ADD ("diagram-actor-reaches-all", test_diagram_actor_reaches_all);
  ADD ("diagram-tie-after-actor", test_diagram_tie_after_actor);
  ADD ("reader-reaches-list", test_reader_reaches_list);
  ADD ("delete-forgets", test_delete_forgets);

  return g_test_run ();
}
