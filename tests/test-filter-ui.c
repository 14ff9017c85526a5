/* test-filter-ui.c: one filter, and the list and the diagram agree
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gobject/gvaluecollector.h>

#include "ties-application.h"
#include "ties-diagram-view-private.h"
#include "ties-document-io.h"
#include "ties-event-list.h"
#include "ties-filter.h"
#include "ties-network.h"
#include "ties-window.h"
#include "ui-test-util.h"

static TiesApplication *app;

typedef struct
{
  TiesWindow      *window;
  TiesDocument    *document;
  TiesFilter      *filter;
  TiesEventList   *list;
  TiesDiagramView *view;
} Fixture;

static void
fixture_init (Fixture    *fixture,
              TiesWindow *window)
{
  fixture->window = window;
  fixture->document = ties_window_get_document (window);
  fixture->filter = ties_document_get_filter (fixture->document);
  fixture->list = TIES_EVENT_LIST (ui_test_find_child (GTK_WIDGET (window), TIES_TYPE_EVENT_LIST));
  fixture->view = TIES_DIAGRAM_VIEW (ui_test_find_child (GTK_WIDGET (window), TIES_TYPE_DIAGRAM_VIEW));
  g_assert_nonnull (fixture->list);
  g_assert_nonnull (fixture->view);
}

static gboolean
diagram_settled (gpointer data)
{
  TiesDiagramView *view = data;

  return _ties_diagram_view_get_scene (view) != NULL
         && !ties_diagram_view_get_busy (view)
         && !_ties_diagram_view_get_animating (view);
}

/* Lets the view derive, lay out and build its scene for the filter. */
static void
settle (Fixture *fixture)
{
  ui_test_iterate_for (150);
  ui_test_iterate_until (diagram_settled, fixture->view);
  ui_test_iterate_pending ();
}

static guint
n_rows (Fixture *fixture)
{
  return g_list_model_get_n_items (ties_event_list_get_model (fixture->list));
}

static char *
pair_key (const char *a,
          const char *b)
{
  return strcmp (a, b) < 0 ? g_strconcat (a, "\n", b, NULL) : g_strconcat (b, "\n", a, NULL);
}

/* The ties the list's rows make: one per pair of actors sharing a row. */
static guint
n_ties_of_rows (Fixture *fixture)
{
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *rows = ties_event_list_get_model (fixture->list);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (rows, i);
      const char * const *people = ties_event_get_participants (event);

      for (guint j = 0; people[j] != NULL; j++)
        for (guint k = j + 1; people[k] != NULL; k++)
          if (!g_str_equal (people[j], people[k]))
            g_hash_table_add (pairs, pair_key (people[j], people[k]));
    }

  return g_hash_table_size (pairs);
}

/* How many of the document's events @keep says yes to, worked out here
 * without the filter. */
typedef gboolean (*KeepFunc) (TiesDocument *document,
                              TiesEvent    *event,
                              gconstpointer data);

static guint
n_expected (Fixture       *fixture,
            KeepFunc       keep,
            gconstpointer  data)
{
  GListModel *events = G_LIST_MODEL (ties_document_get_events (fixture->document));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (events, i);

      n += keep (fixture->document, event, data);
    }

  return n;
}

/* The list shows what the filter keeps, and the diagram draws the ties of
 * exactly those rows, counting the same events. */
static void
assert_agree (Fixture    *fixture,
              guint       expected_rows,
              const char *what)
{
  TiesScene *scene;
  TiesNetwork *network = ties_diagram_view_get_network (fixture->view);

  settle (fixture);
  scene = _ties_diagram_view_get_scene (fixture->view);
  g_test_message ("%s: %u rows, %u ties drawn", what, n_rows (fixture), ties_scene_get_n_edges (scene));

  g_assert_cmpuint (n_rows (fixture), ==, expected_rows);
  g_assert_cmpuint (ties_network_get_n_events (network), ==, expected_rows);
  g_assert_cmpuint (ties_scene_get_n_edges (scene), ==, n_ties_of_rows (fixture));
  g_assert_cmpuint (g_list_model_get_n_items (ties_network_get_ties (network)), ==,
                    ties_scene_get_n_edges (scene));
}

/* As the window's controls edit it: through the history. */
static void
edit (Fixture    *fixture,
      const char *property,
      ...)
{
  TiesHistory *history = ties_document_get_history (fixture->document);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (fixture->filter), property);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *error = NULL;
  va_list args;

  g_assert_nonnull (pspec);
  va_start (args, property);
  G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
  va_end (args);
  g_assert_null (error);

  ties_history_begin (history, "Filter");
  ties_history_set_value (history, fixture->filter, property, &value);
  ties_history_end (history);
}

static gboolean
keep_kind (TiesDocument *document,
           TiesEvent    *event,
           gconstpointer data)
{
  return g_strcmp0 (ties_event_get_kind (event), data) == 0;
}

static gboolean
keep_actor (TiesDocument *document,
            TiesEvent    *event,
            gconstpointer data)
{
  return g_strv_contains (ties_event_get_participants (event), data);
}

static gboolean
keep_tie (TiesDocument *document,
          TiesEvent    *event,
          gconstpointer data)
{
  const char * const *tie = data;

  return g_strv_contains (ties_event_get_participants (event), tie[0])
         && g_strv_contains (ties_event_get_participants (event), tie[1]);
}

/* Whose date overlaps the month: every sample date is a day or a month,
 * maybe qualified, or an interval of them, so their first seven
 * characters compare as the months do. */
static gboolean
keep_month (TiesDocument *document,
            TiesEvent    *event,
            gconstpointer data)
{
  const char *date = ties_event_get_date (event);
  const char *slash;

  if (date == NULL)
    return FALSE;

  slash = strchr (date, '/');
  return strncmp (date, data, 7) <= 0 && strncmp (slash != NULL ? slash + 1 : date, data, 7) >= 0;
}

static gboolean
keep_text (TiesDocument *document,
           TiesEvent    *event,
           gconstpointer data)
{
  g_autofree char *title = g_utf8_strdown (ties_event_get_title (event), -1);
  g_autofree char *place = g_utf8_strdown (ties_event_get_place (event) != NULL ? ties_event_get_place (event) : "", -1);
  g_autofree char *notes = g_utf8_strdown (ties_event_get_notes (event) != NULL ? ties_event_get_notes (event) : "", -1);
  GListModel *evidence = G_LIST_MODEL (ties_event_get_evidence (event));
  const char * const *people = ties_event_get_participants (event);

  if (strstr (title, data) != NULL || strstr (place, data) != NULL || strstr (notes, data) != NULL)
    return TRUE;
  for (guint i = 0; people[i] != NULL; i++)
    {
      TiesActor *actor = ties_document_lookup_actor (document, people[i]);
      g_autofree char *name = g_utf8_strdown (ties_actor_get_name (actor), -1);

      if (strstr (name, data) != NULL)
        return TRUE;
    }
  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(TiesEvidence) quote = g_list_model_get_item (evidence, i);
      g_autofree char *exact = g_utf8_strdown (ties_evidence_get_exact (quote), -1);

      if (strstr (exact, data) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
test_each_filter_agrees (void)
{
  Fixture fixture;
  const char * const calls[] = { "phone-call", NULL };
  const char * const dorsey[] = { "dorsey", NULL };
  const char * const ardern_dorsey[] = { "ardern", "dorsey", NULL };
  guint all, expected;

  fixture_init (&fixture, ui_test_open_sample (app));
  all = g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_events (fixture.document)));
  assert_agree (&fixture, all, "no filter");

  /* Kind */
  expected = n_expected (&fixture, keep_kind, "phone-call");
  g_assert_cmpuint (expected, ==, 6);
  edit (&fixture, "kinds", calls);
  assert_agree (&fixture, expected, "phone calls");
  edit (&fixture, "kinds", NULL);
  assert_agree (&fixture, all, "kinds cleared");

  /* Actor */
  expected = n_expected (&fixture, keep_actor, "dorsey");
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, all);
  edit (&fixture, "actors", dorsey);
  assert_agree (&fixture, expected, "Dorsey's");
  edit (&fixture, "actors", NULL);

  /* Tie */
  expected = n_expected (&fixture, keep_tie, ardern_dorsey);
  g_assert_cmpuint (expected, ==, 4);
  edit (&fixture, "tie", ardern_dorsey);
  assert_agree (&fixture, expected, "Ardern and Dorsey");
  g_assert_cmpuint (ties_scene_get_n_edges (_ties_diagram_view_get_scene (fixture.view)), ==, 1);
  edit (&fixture, "tie", NULL);

  /* Dates: the list's date entries show the bounds. */
  expected = n_expected (&fixture, keep_month, "2019-09");
  g_assert_cmpuint (expected, >, 0);
  ties_history_begin (ties_document_get_history (fixture.document), "Filter");
  ties_history_set (ties_document_get_history (fixture.document), fixture.filter,
                    "from", "2019-09", "to", "2019-09", NULL);
  ties_history_end (ties_document_get_history (fixture.document));
  assert_agree (&fixture, expected, "September 2019");
  {
    TiesDate *from = NULL, *to = NULL;

    ties_event_list_get_date_range (fixture.list, &from, &to);
    g_assert_nonnull (from);
    g_assert_cmpstr (ties_date_get_text (from), ==, "2019-09");
  }
  /* A from after the to keeps nothing, in both. */
  edit (&fixture, "from", "2019-10");
  assert_agree (&fixture, 0, "October to September");
  ties_history_begin (ties_document_get_history (fixture.document), "Filter");
  ties_history_set (ties_document_get_history (fixture.document), fixture.filter, "from", NULL, "to", NULL, NULL);
  ties_history_end (ties_document_get_history (fixture.document));

  /* Text */
  expected = n_expected (&fixture, keep_text, "zuckerberg");
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, all);
  edit (&fixture, "text", "ZUCKERBERG");
  assert_agree (&fixture, expected, "“Zuckerberg”");
  edit (&fixture, "text", NULL);

  /* Source: a second article, cited by one new event. */
  {
    g_autoptr(TiesSource) source = ties_source_new ("stuff-2019-05");
    g_autoptr(TiesEvent) event = ties_event_new ("cook-email", "Cook writes to Ardern", "email");
    g_autoptr(TiesEvidence) quote = ties_evidence_new ("stuff-2019-05", "Cook wrote", 0, 10);
    const char * const people[] = { "cook", "ardern", NULL };

    ties_source_set_text (source, "Cook wrote to the Prime Minister.");
    ties_event_set_participants (event, people);
    g_list_store_append (ties_event_get_evidence (event), quote);
    ties_document_add_source (fixture.document, source);
    ties_document_add_event (fixture.document, event);
    assert_agree (&fixture, all + 1, "one more");

    edit (&fixture, "source", "stuff-2019-05");
    assert_agree (&fixture, 1, "the second article's");
    edit (&fixture, "source", "herald-2019-09");
    assert_agree (&fixture, all, "the first article's");
    edit (&fixture, "source", NULL);
  }

  /* Highlight instead of hide: the diagram draws every tie, and the
   * events kept stand out; the list still shows only those. */
  {
    TiesNetwork *network = ties_diagram_view_get_network (fixture.view);
    guint all_ties = g_list_model_get_n_items (ties_network_get_ties (network));

    edit (&fixture, "kinds", calls);
    settle (&fixture);
    g_assert_cmpuint (_ties_diagram_view_get_n_filter_highlighted (fixture.view), ==, 0);
    g_assert_cmpuint (ties_scene_get_n_edges (_ties_diagram_view_get_scene (fixture.view)), <, all_ties);

    edit (&fixture, "diagram", TIES_FILTER_DIAGRAM_HIGHLIGHT);
    settle (&fixture);
    g_assert_cmpuint (n_rows (&fixture), ==, 6);
    g_assert_cmpuint (ties_scene_get_n_edges (_ties_diagram_view_get_scene (fixture.view)), ==, all_ties);
    g_assert_cmpuint (_ties_diagram_view_get_n_filter_highlighted (fixture.view), ==, 6);
  }

  /* Each edit was a step of the document's history: undo goes back. */
  g_assert_true (ties_window_get_modified (fixture.window));
  g_assert_true (ties_history_undo (ties_document_get_history (fixture.document)));
  g_assert_cmpint (ties_filter_get_diagram (fixture.filter), ==, TIES_FILTER_DIAGRAM_HIDE);
  g_assert_true (ties_history_undo (ties_document_get_history (fixture.document)));
  assert_agree (&fixture, all + 1, "undone");

  ties_window_discard_and_close (fixture.window);
}

/* The controls of the list write the same filter the diagram follows. */
static void
test_controls_edit_filter (void)
{
  Fixture fixture;
  GtkDropDown *kinds;
  guint all;

  fixture_init (&fixture, ui_test_open_sample (app));
  all = n_rows (&fixture);
  kinds = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (fixture.list), TIES_TYPE_EVENT_LIST, "kind_dropdown"));

  for (guint i = 0; i < g_list_model_get_n_items (gtk_drop_down_get_model (kinds)); i++)
    {
      g_autoptr(GtkStringObject) label = g_list_model_get_item (gtk_drop_down_get_model (kinds), i);

      if (g_str_equal (gtk_string_object_get_string (label), "Email"))
        gtk_drop_down_set_selected (kinds, i);
    }
  g_assert_cmpstr (ties_filter_get_kinds (fixture.filter)[0], ==, "email");
  assert_agree (&fixture, 5, "emails, chosen in the drop-down");
  g_assert_true (ties_window_get_modified (fixture.window));

  /* Undo reaches the drop-down too. */
  g_assert_true (ties_history_undo (ties_document_get_history (fixture.document)));
  g_assert_cmpuint (gtk_drop_down_get_selected (kinds), ==, 0);
  assert_agree (&fixture, all, "undone");
  g_assert_false (ties_window_get_modified (fixture.window));

  /* The source drop-down: hidden while one source cannot tell events
   * apart, shown with a second, and chosen like the others. */
  {
    GtkDropDown *sources = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (fixture.list), TIES_TYPE_EVENT_LIST,
                                                                         "source_dropdown"));
    g_autoptr(TiesSource) source = ties_source_new ("stuff-2019-05");
    g_autoptr(TiesEvent) event = ties_event_new ("cook-email", "Cook writes to Ardern", "email");
    g_autoptr(TiesEvidence) quote = ties_evidence_new ("stuff-2019-05", "Cook wrote", 0, 10);
    const char * const people[] = { "cook", "ardern", NULL };
    guint before = n_rows (&fixture);
    guint position = 0;

    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (sources)));
    ties_source_set_title (source, "Cook’s letter");
    ties_source_set_text (source, "Cook wrote to the Prime Minister.");
    ties_event_set_participants (event, people);
    g_list_store_append (ties_event_get_evidence (event), quote);
    ties_document_add_source (fixture.document, source);
    ties_document_add_event (fixture.document, event);
    ui_test_iterate_pending ();
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sources)));
    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (sources)), ==, 3);

    for (guint i = 0; i < g_list_model_get_n_items (gtk_drop_down_get_model (sources)); i++)
      {
        g_autoptr(GtkStringObject) label = g_list_model_get_item (gtk_drop_down_get_model (sources), i);

        if (g_str_equal (gtk_string_object_get_string (label), "Cook’s letter"))
          position = i;
      }
    g_assert_cmpuint (position, >, 0);
    gtk_drop_down_set_selected (sources, position);
    g_assert_cmpstr (ties_filter_get_source (fixture.filter), ==, "stuff-2019-05");
    assert_agree (&fixture, 1, "Cook’s letter, chosen in the drop-down");

    g_assert_true (ties_history_undo (ties_document_get_history (fixture.document)));
    g_assert_null (ties_filter_get_source (fixture.filter));
    g_assert_cmpuint (gtk_drop_down_get_selected (sources), ==, 0);
    g_assert_cmpuint (n_rows (&fixture), ==, before + 1);
    all = before + 1;
  }

  g_assert_true (ties_event_list_set_date_filter (fixture.list, "2019-09", "2019-09"));
  g_assert_cmpstr (ties_filter_get_from (fixture.filter), ==, "2019-09");
  assert_agree (&fixture, n_expected (&fixture, keep_month, "2019-09"), "September, typed");

  ties_event_list_set_search_text (fixture.list, "Wellington");
  g_assert_cmpstr (ties_filter_get_text (fixture.filter), ==, "Wellington");
  g_assert_cmpuint (n_rows (&fixture), <, all);

  /* Hide or dim is the view menu's choice, an undoable one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "view.filter-diagram", "s", "highlight"));
  g_assert_cmpint (ties_filter_get_diagram (fixture.filter), ==, TIES_FILTER_DIAGRAM_HIGHLIGHT);
  settle (&fixture);
  g_assert_cmpuint (_ties_diagram_view_get_n_filter_highlighted (fixture.view), ==, n_rows (&fixture));
  g_assert_cmpuint (ties_network_get_n_events (ties_diagram_view_get_network (fixture.view)), ==, all);
  g_assert_true (ties_history_undo (ties_document_get_history (fixture.document)));
  g_assert_cmpint (ties_filter_get_diagram (fixture.filter), ==, TIES_FILTER_DIAGRAM_HIDE);

  ties_window_discard_and_close (fixture.window);
}

static gboolean
has_events (gpointer data)
{
  TiesWindow *window = data;

  return ties_window_get_document (window) != NULL
         && g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_events (ties_window_get_document (window)))) > 0;
}

/* Saved filtered, opened filtered: the list, the controls and the
 * diagram. */
static void
test_saved_filter_opens_filtered (void)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ties-filter-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  TiesFilter *filter = ties_document_get_filter (document);
  const char * const calls[] = { "phone-call", NULL };
  Fixture fixture;
  TiesWindow *window;
  GtkWidget *from;

  g_assert_no_error (error);
  path = g_build_filename (dir, "filtered.ties.json", NULL);
  file = g_file_new_for_path (path);

  ties_filter_set_kinds (filter, calls);
  g_assert_true (ties_filter_set_range (filter, "2019-04", "2019-04"));
  g_assert_true (ties_document_save_to_file (document, file, NULL, &error));
  g_assert_no_error (error);

  window = ties_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_iterate_until (ui_test_is_mapped, window);
  ties_window_open_file (window, file);
  ui_test_iterate_until (has_events, window);
  fixture_init (&fixture, window);

  /* Phone calls of April 2019: Dorsey, Zuckerberg, Pichai and Cook. */
  assert_agree (&fixture, 4, "saved filter");
  g_assert_cmpuint (ties_network_get_n_events (ties_diagram_view_get_network (fixture.view)), ==, 4);
  g_assert_false (ties_window_get_modified (window));

  /* The controls say so. */
  {
    GtkDropDown *kinds = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (fixture.list),
                                                                       TIES_TYPE_EVENT_LIST, "kind_dropdown"));
    GObject *selected = gtk_drop_down_get_selected_item (kinds);

    g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (selected)), ==, "Phone call");
    from = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture.list), TIES_TYPE_EVENT_LIST, "from_entry"));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (from)), ==, "2019-04");
  }

  ties_window_discard_and_close (window);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
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

  g_test_add_func ("/filter-ui/each-filter-agrees", test_each_filter_agrees);
  g_test_add_func ("/filter-ui/controls-edit-filter", test_controls_edit_filter);
  g_test_add_func ("/filter-ui/saved-filter-opens-filtered", test_saved_filter_opens_filtered);

  return g_test_run ();
}
