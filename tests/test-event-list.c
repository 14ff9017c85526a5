/* test-event-list.c: the event list on the sample document, under Xvfb
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "ties-document.h"
#include "ties-document-io.h"
#include "ties-event-list.h"
#include "ties-mentions.h"
#include "ui-test-util.h"

typedef struct
{
  GtkWindow     *window;
  TiesEventList *list;
  TiesDocument  *document;
  guint          n_activated;
  TiesEvent     *activated;
  guint          n_selection_changed;
} Fixture;

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type,
                 guint      skip)
{
  g_autoptr(GPtrArray) queue = g_ptr_array_new ();

  /* Depth-first, in tree order. */
  g_ptr_array_add (queue, widget);
  while (queue->len > 0)
    {
      GtkWidget *current = g_ptr_array_steal_index (queue, queue->len - 1);
      g_autoptr(GPtrArray) children = g_ptr_array_new ();

      if (current != widget && G_TYPE_CHECK_INSTANCE_TYPE (current, type))
        {
          if (skip == 0)
            return current;
          skip--;
        }

      for (GtkWidget *child = gtk_widget_get_first_child (current); child; child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (children, child);
      for (guint i = children->len; i > 0; i--)
        g_ptr_array_add (queue, g_ptr_array_index (children, i - 1));
    }

  return NULL;
}

static GtkWidget *
find_label_with_text (GtkWidget  *widget,
                      const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0 &&
      gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with_text (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkColumnView *
get_column_view (Fixture *fixture)
{
  GtkWidget *view = find_descendant (GTK_WIDGET (fixture->list), GTK_TYPE_COLUMN_VIEW, 0);

  g_assert_nonnull (view);
  return GTK_COLUMN_VIEW (view);
}

static GtkColumnViewColumn *
get_column (Fixture *fixture,
            guint    index)
{
  GListModel *columns = gtk_column_view_get_columns (get_column_view (fixture));
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, index);

  g_assert_nonnull (column);
  return column;   /* owned by the view */
}

static GListModel *
model (Fixture *fixture)
{
  return ties_event_list_get_model (fixture->list);
}

static TiesEvent *
model_event (Fixture *fixture,
             guint    position)
{
  g_autoptr(TiesEvent) event = g_list_model_get_item (model (fixture), position);

  g_assert_nonnull (event);
  return event;
}

static GHashTable *
model_ids (Fixture *fixture)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (model (fixture));

  for (guint i = 0; i < n; i++)
    g_hash_table_add (ids, g_strdup (ties_event_get_id (model_event (fixture, i))));

  return ids;
}

typedef gboolean (*EventPredicate) (TiesDocument *document, TiesEvent *event, gconstpointer data);

/* The ids of the document's events for which @predicate holds. */
static GHashTable *
expected_ids (TiesDocument   *document,
              EventPredicate  predicate,
              gconstpointer   data)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *events = G_LIST_MODEL (ties_document_get_events (document));

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (events, i);

      if (predicate (document, event, data))
        g_hash_table_add (ids, g_strdup (ties_event_get_id (event)));
    }

  return ids;
}

static void
assert_same_ids (GHashTable *expected,
                 GHashTable *actual)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (actual, key))
      g_error ("%s expected in the list", (char *) key);

  g_hash_table_iter_init (&iter, actual);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (expected, key))
      g_error ("%s not expected in the list", (char *) key);
}

static void
assert_sorted_by_date (Fixture *fixture)
{
  guint n = g_list_model_get_n_items (model (fixture));

  for (guint i = 1; i < n; i++)
    {
      TiesEvent *a = model_event (fixture, i - 1);
      TiesEvent *b = model_event (fixture, i);

      if (ties_date_compare (ties_event_get_parsed_date (a), ties_event_get_parsed_date (b)) > 0)
        g_error ("%s (%s) sorted before %s (%s)",
                 ties_event_get_id (a), ties_event_get_date (a),
                 ties_event_get_id (b), ties_event_get_date (b));
    }
}

static GBytes *
save (Fixture *fixture)
{
  return ties_document_save_to_bytes (fixture->document, NULL);
}

static guint
n_events (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_events (fixture->document)));
}

static guint
store_position (Fixture   *fixture,
                TiesEvent *event)
{
  guint position = G_MAXUINT;

  g_assert_true (ties_collection_find (TIES_COLLECTION (ties_document_get_events (fixture->document)), event, &position));
  return position;
}

/* ------------------------------------------------------------------------ */
/* Fixture                                                                  */

static void
on_activated (Fixture   *fixture,
              TiesEvent *event)
{
  fixture->n_activated++;
  fixture->activated = event;
}

static void
on_selection_changed (Fixture *fixture)
{
  fixture->n_selection_changed++;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data G_GNUC_UNUSED)
{
  fixture->document = test_load_sample ();

  fixture->list = TIES_EVENT_LIST (ties_event_list_new ());
  ties_event_list_set_document (fixture->list, fixture->document);
  g_signal_connect_swapped (fixture->list, "event-activated", G_CALLBACK (on_activated), fixture);
  g_signal_connect_swapped (fixture->list, "selection-changed", G_CALLBACK (on_selection_changed), fixture);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1100, 640);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->list));
  gtk_window_present (fixture->window);
  ui_test_wait_for_frame (GTK_WIDGET (fixture->list));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->list), (gpointer *) &fixture->list);
  gtk_window_destroy (fixture->window);
  ui_test_iterate_pending ();
  /* Nothing keeps the list alive once its window is gone. */
  g_assert_null (fixture->list);
  g_assert_finalize_object (fixture->document);
  fixture->document = NULL;
}

/* ------------------------------------------------------------------------ */
/* Tests                                                                    */

static void
test_sorted_by_date (Fixture       *fixture,
                     gconstpointer  data G_GNUC_UNUSED)
{
  g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), ==, 21);
  g_assert_cmpuint (n_events (fixture), ==, 21);
  g_assert_cmpstr (ties_event_get_id (model_event (fixture, 0)), ==, "davos-dinner");
  assert_sorted_by_date (fixture);

  /* The first row is on screen, in the human form. */
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (fixture->list), "22–25 January 2019"));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (fixture->list), "Cook and Ardern meet at dinner in Davos"));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (fixture->list), "Jacinda Ardern, Tim Cook"));
}

static void
test_sort_by_title (Fixture       *fixture,
                    gconstpointer  data G_GNUC_UNUSED)
{
  GtkColumnView *view = get_column_view (fixture);
  g_autofree char *first_by_date = g_strdup (ties_event_get_id (model_event (fixture, 0)));
  guint n = g_list_model_get_n_items (model (fixture));
  g_autofree char *first = NULL;

  gtk_column_view_sort_by_column (view, get_column (fixture, 1), GTK_SORT_ASCENDING);
  ui_test_iterate_pending ();
  g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), ==, n);
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (ties_text_collate (ties_event_get_title (model_event (fixture, i - 1)),
                                        ties_event_get_title (model_event (fixture, i))), <=, 0);
  g_assert_cmpstr (ties_event_get_id (model_event (fixture, 0)), !=, first_by_date);
  first = g_strdup (ties_event_get_id (model_event (fixture, 0)));

  gtk_column_view_sort_by_column (view, get_column (fixture, 1), GTK_SORT_DESCENDING);
  ui_test_iterate_pending ();
  g_assert_cmpstr (ties_event_get_id (model_event (fixture, n - 1)), ==, first);

  /* Every column sorts. */
  for (guint c = 0; c < 6; c++)
    {
      g_assert_nonnull (gtk_column_view_column_get_sorter (get_column (fixture, c)));
      gtk_column_view_sort_by_column (view, get_column (fixture, c), GTK_SORT_ASCENDING);
      ui_test_iterate_pending ();
      g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), ==, n);
    }

  gtk_column_view_sort_by_column (view, get_column (fixture, 0), GTK_SORT_ASCENDING);
  assert_sorted_by_date (fixture);
}

static gboolean
folded_contains (const char *text,
                 const char *needle)
{
  g_autofree char *folded = text != NULL ? g_utf8_casefold (text, -1) : NULL;

  return folded != NULL && strstr (folded, needle) != NULL;
}

static gboolean
mentions (TiesDocument *document,
          TiesEvent    *event,
          gconstpointer data)
{
  const char *needle = data;
  const char * const *participants = ties_event_get_participants (event);
  GListModel *evidence = G_LIST_MODEL (ties_event_get_evidence (event));

  if (folded_contains (ties_event_get_title (event), needle) ||
      folded_contains (ties_event_get_place (event), needle) ||
      folded_contains (ties_event_get_notes (event), needle))
    return TRUE;

  for (guint i = 0; participants[i] != NULL; i++)
    {
      TiesActor *actor = ties_document_lookup_actor (document, participants[i]);

      if (actor != NULL && folded_contains (ties_actor_get_name (actor), needle))
        return TRUE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(TiesEvidence) item = g_list_model_get_item (evidence, i);

      if (folded_contains (ties_evidence_get_exact (item), needle))
        return TRUE;
    }

  return FALSE;
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GHashTable) expected = expected_ids (fixture->document, mentions, "zuckerberg");
  g_autoptr(GHashTable) actual = NULL;
  GtkSearchBar *bar = GTK_SEARCH_BAR (find_descendant (GTK_WIDGET (fixture->list), GTK_TYPE_SEARCH_BAR, 0));

  g_assert_false (gtk_search_bar_get_search_mode (bar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->list), "event-list.search", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (bar));

  ties_event_list_set_search_text (fixture->list, "Zuckerberg");
  actual = model_ids (fixture);
  g_assert_cmpuint (g_hash_table_size (expected), >, 0);
  g_assert_cmpuint (g_hash_table_size (expected), <, 21);
  g_assert_true (g_hash_table_contains (actual, "zuckerberg-call"));
  assert_same_ids (expected, actual);
  assert_sorted_by_date (fixture);

  /* Case does not matter; typing in the entry searches too. */
  g_clear_pointer (&actual, g_hash_table_unref);
  ties_event_list_set_search_text (fixture->list, "  zUCKERberg ");
  actual = model_ids (fixture);
  assert_same_ids (expected, actual);

  ties_event_list_set_search_text (fixture->list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), ==, 21);

  {
    GtkSearchEntry *entry = GTK_SEARCH_ENTRY (find_descendant (GTK_WIDGET (fixture->list), GTK_TYPE_SEARCH_ENTRY, 0));
    g_autoptr(GHashTable) expected_davos = expected_ids (fixture->document, mentions, "davos");
    g_autoptr(GHashTable) actual_davos = NULL;

    gtk_editable_set_text (GTK_EDITABLE (entry), "Davos");
    /* search-changed is delayed */
    while (g_list_model_get_n_items (model (fixture)) == 21)
      g_main_context_iteration (NULL, TRUE);
    actual_davos = model_ids (fixture);
    assert_same_ids (expected_davos, actual_davos);
  }
}

static gboolean
is_phone_call (TiesDocument *document G_GNUC_UNUSED,
               TiesEvent    *event,
               gconstpointer data G_GNUC_UNUSED)
{
  return g_strcmp0 (ties_event_get_kind (event), "phone-call") == 0;
}

static void
test_kind_filter (Fixture       *fixture,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GHashTable) expected = expected_ids (fixture->document, is_phone_call, NULL);
  g_autoptr(GHashTable) actual = NULL;
  GtkDropDown *kinds = GTK_DROP_DOWN (find_descendant (GTK_WIDGET (fixture->list), GTK_TYPE_DROP_DOWN, 0));
  GObject *selected;

  ties_event_list_set_kind_filter (fixture->list, "phone-call");
  actual = model_ids (fixture);
  g_assert_cmpuint (g_hash_table_size (actual), ==, 6);
  assert_same_ids (expected, actual);

  /* The drop-down shows it. */
  selected = gtk_drop_down_get_selected_item (kinds);
  g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (selected)), ==, "Phone call");

  /* And choosing "all" in the drop-down clears it. */
  gtk_drop_down_set_selected (kinds, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), ==, 21);

  /* Choosing a kind in the drop-down filters. */
  for (guint i = 0; i < g_list_model_get_n_items (gtk_drop_down_get_model (kinds)); i++)
    {
      g_autoptr(GtkStringObject) label = g_list_model_get_item (gtk_drop_down_get_model (kinds), i);

      if (g_str_equal (gtk_string_object_get_string (label), "Email"))
        gtk_drop_down_set_selected (kinds, i);
    }
  for (guint i = 0; i < g_list_model_get_n_items (model (fixture)); i++)
    g_assert_cmpstr (ties_event_get_kind (model_event (fixture, i)), ==, "email");
  g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), >, 0);

  ties_event_list_set_kind_filter (fixture->list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), ==, 21);
}

typedef struct
{
  const char *actor;
  gint64      first;
  gint64      last;
} ActorRange;

static gboolean
actor_in_range (TiesDocument *document G_GNUC_UNUSED,
                TiesEvent    *event,
                gconstpointer data)
{
  const ActorRange *range = data;
  TiesDate *date = ties_event_get_parsed_date (event);

  return (range->actor == NULL || ties_event_has_participant (event, range->actor)) &&
         date != NULL && ties_date_overlaps (date, range->first, range->last, FALSE);
}

static gboolean
has_dorsey (TiesDocument *document G_GNUC_UNUSED,
            TiesEvent    *event,
            gconstpointer data G_GNUC_UNUSED)
{
  return ties_event_has_participant (event, "dorsey");
}

static void
test_actor_and_dates (Fixture       *fixture,
                      gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(TiesDate) from = ties_date_parse ("2019-05", NULL, NULL);
  g_autoptr(TiesDate) to = ties_date_parse ("2019-08", NULL, NULL);
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GHashTable) actual = NULL;
  g_autoptr(GHashTable) dorsey = expected_ids (fixture->document, has_dorsey, NULL);
  ActorRange range = { "dorsey", 0, 0 };
  ActorRange everyone = { NULL, 0, 0 };
  gint64 unused;
  guint n_dated;

  ties_date_get_strict_range (from, &range.first, &unused);
  ties_date_get_strict_range (to, &unused, &range.last);
  everyone.first = range.first;
  everyone.last = range.last;

  ties_event_list_set_actor_filter (fixture->list, "dorsey");
  actual = model_ids (fixture);
  assert_same_ids (dorsey, actual);
  g_clear_pointer (&actual, g_hash_table_unref);

  g_assert_true (ties_event_list_set_date_filter (fixture->list, "2019-05", "2019-08"));
  expected = expected_ids (fixture->document, actor_in_range, &range);
  actual = model_ids (fixture);
  assert_same_ids (expected, actual);
  g_assert_cmpuint (g_hash_table_size (actual), >, 0);
  g_assert_cmpuint (g_hash_table_size (actual), <, g_hash_table_size (dorsey));
  g_assert_false (g_hash_table_contains (actual, "dorsey-phone-call"));   /* April */
  g_assert_true (g_hash_table_contains (actual, "dorsey-account-hack"));   /* 30 August */

  /* Without the actor, the date range alone. */
  ties_event_list_set_actor_filter (fixture->list, NULL);
  g_clear_pointer (&expected, g_hash_table_unref);
  g_clear_pointer (&actual, g_hash_table_unref);
  expected = expected_ids (fixture->document, actor_in_range, &everyone);
  actual = model_ids (fixture);
  assert_same_ids (expected, actual);
  n_dated = g_hash_table_size (actual);
  g_assert_cmpuint (n_dated, <, 21);

  /* Open ends. */
  g_assert_true (ties_event_list_set_date_filter (fixture->list, "2019-09", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (model (fixture)); i++)
    {
      gint64 first, last;

      ties_date_get_strict_range (ties_event_get_parsed_date (model_event (fixture, i)), &first, &last);
      g_assert_cmpint (last, >=, range.last);
    }
  g_assert_true (ties_event_list_set_date_filter (fixture->list, NULL, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), ==, 21);
}

static void
test_tie_filter (Fixture       *fixture,
                 gconstpointer  data G_GNUC_UNUSED)
{
  const char *shared[] = { "dorsey-phone-call", "dorsey-paris-meeting", "christchurch-call-summit", "wellington-follow-up" };
  g_autoptr(GHashTable) actual = NULL;
  GtkWidget *chip;

  ties_event_list_set_tie_filter (fixture->list, "ardern", "dorsey");
  actual = model_ids (fixture);
  g_assert_cmpuint (g_hash_table_size (actual), ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (shared); i++)
    g_assert_true (g_hash_table_contains (actual, shared[i]));
  assert_sorted_by_date (fixture);

  /* A visible chip names the filter, and removes it. */
  ui_test_iterate_pending ();
  chip = find_label_with_text (GTK_WIDGET (fixture->list), "Jacinda Ardern and Jack Dorsey");
  g_assert_nonnull (chip);
  chip = gtk_widget_get_ancestor (chip, GTK_TYPE_BUTTON);
  g_assert_nonnull (chip);
  g_assert_true (gtk_widget_get_visible (chip));
  g_signal_emit_by_name (chip, "clicked");
  g_assert_false (gtk_widget_get_visible (chip));
  g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), ==, 21);
}

static void
test_edit_updates_row (Fixture       *fixture,
                       gconstpointer  data G_GNUC_UNUSED)
{
  TiesEvent *event = ties_document_lookup_event (fixture->document, "pichai-call");
  TiesHistory *history = ties_document_get_history (fixture->document);
  GtkColumnView *view = get_column_view (fixture);
  guint position = G_MAXUINT;

  g_assert_nonnull (event);
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (fixture->list), ties_event_get_title (event)));

  ties_history_set (history, event, "title", "Ardern talks to Google", NULL);
  ui_test_wait_for_frame (GTK_WIDGET (fixture->list));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (fixture->list), "Ardern talks to Google"));
  assert_sorted_by_date (fixture);

  /* Sorted by title, a retitled event moves. */
  gtk_column_view_sort_by_column (view, get_column (fixture, 1), GTK_SORT_ASCENDING);
  ties_history_set (history, event, "title", "AAA first of all", NULL);
  g_assert_cmpstr (ties_event_get_id (model_event (fixture, 0)), ==, "pichai-call");
  ties_history_undo (history);
  g_assert_cmpstr (ties_event_get_id (model_event (fixture, 0)), !=, "pichai-call");

  /* Sorted by date, a redated event moves too. */
  gtk_column_view_sort_by_column (view, get_column (fixture, 0), GTK_SORT_ASCENDING);
  ties_history_set (history, event, "date", "2018-12-01", NULL);
  g_assert_cmpstr (ties_event_get_id (model_event (fixture, 0)), ==, "pichai-call");
  assert_sorted_by_date (fixture);
  ui_test_wait_for_frame (GTK_WIDGET (fixture->list));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (fixture->list), "1 December 2018"));
  ties_history_undo (history);
  assert_sorted_by_date (fixture);
  g_assert_true (ties_collection_find (TIES_COLLECTION (ties_document_get_events (fixture->document)), event, &position));

  /* A filtered list follows edits as well. (The search is the saved
   * filter's, an undo step of its own: the title is edited again.) */
  ties_event_list_set_search_text (fixture->list, "talks to GOOGLE");
  g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), ==, 1);
  ties_history_set (history, event, "title", "Ardern talks to Alphabet", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), ==, 0);
  ties_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), ==, 1);
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data G_GNUC_UNUSED)
{
  TiesHistory *history = ties_document_get_history (fixture->document);
  g_autoptr(GBytes) before = save (fixture);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(TiesEvent) event = g_object_ref (ties_document_lookup_event (fixture->document, "cook-call"));
  g_autoptr(GPtrArray) selected = NULL;
  guint position = store_position (fixture, event);
  guint changes;

  /* Nothing selected: nothing to delete. */
  g_assert_null (ties_event_list_get_selected_event (fixture->list));
  gtk_widget_activate_action (GTK_WIDGET (fixture->list), "event-list.delete", NULL);
  g_assert_cmpuint (n_events (fixture), ==, 21);

  changes = fixture->n_selection_changed;
  ties_event_list_select_event (fixture->list, event);
  g_assert_cmpuint (fixture->n_selection_changed, >, changes);
  g_assert_true (ties_event_list_get_selected_event (fixture->list) == event);
  selected = ties_event_list_get_selected_events (fixture->list);
  g_assert_cmpuint (selected->len, ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->list), "event-list.delete", NULL));
  g_assert_cmpuint (n_events (fixture), ==, 20);
  g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), ==, 20);
  g_assert_null (ties_document_lookup_event (fixture->document, "cook-call"));

  g_assert_true (ties_history_undo (history));
  g_assert_cmpuint (n_events (fixture), ==, 21);
  g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), ==, 21);
  g_assert_true (ties_document_lookup_event (fixture->document, "cook-call") == event);
  g_assert_cmpuint (store_position (fixture, event), ==, position);
  after = save (fixture);
  test_assert_bytes_equal (before, after);

  /* Several at once: one step. */
  {
    GtkSelectionModel *selection = gtk_column_view_get_model (get_column_view (fixture));
    g_autoptr(GBytes) again = NULL;

    gtk_selection_model_select_range (selection, 2, 3, TRUE);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->list), "event-list.delete", NULL));
    g_assert_cmpuint (n_events (fixture), ==, 18);
    g_assert_cmpstr (ties_history_get_undo_label (history), ==, "Delete Events");
    g_assert_true (ties_history_undo (history));
    g_assert_cmpuint (n_events (fixture), ==, 21);
    again = save (fixture);
    test_assert_bytes_equal (before, again);
  }
}

static void
test_new_and_duplicate (Fixture       *fixture,
                        gconstpointer  data G_GNUC_UNUSED)
{
  TiesHistory *history = ties_document_get_history (fixture->document);
  g_autoptr(GBytes) before = save (fixture);
  g_autoptr(GBytes) after_new = NULL;
  g_autoptr(GBytes) after_duplicate = NULL;
  TiesEvent *original = ties_document_lookup_event (fixture->document, "davos-dinner");
  TiesEvent *created;
  TiesEvent *copy;
  GListModel *evidence;
  GListModel *copy_evidence;

  /* New */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->list), "event-list.new", NULL));
  g_assert_cmpuint (n_events (fixture), ==, 22);
  created = ties_event_list_get_selected_event (fixture->list);
  g_assert_nonnull (created);
  g_assert_cmpstr (ties_event_get_id (created), ==, "new-event");
  g_assert_cmpstr (ties_event_get_title (created), ==, "New event");
  g_assert_cmpstr (ties_event_get_kind (created), ==, "meeting");
  g_assert_cmpstr (ties_history_get_undo_label (history), ==, "Add Event");
  /* Undated: last */
  g_assert_true (model_event (fixture, 21) == created);
  after_new = save (fixture);
  g_assert_true (ties_history_undo (history));
  g_assert_cmpuint (n_events (fixture), ==, 21);
  {
    g_autoptr(GBytes) undone = save (fixture);
    test_assert_bytes_equal (before, undone);
  }
  g_assert_true (ties_history_redo (history));
  {
    g_autoptr(GBytes) redone = save (fixture);
    test_assert_bytes_equal (after_new, redone);
  }
  g_assert_true (ties_history_undo (history));

  /* Duplicate */
  ties_event_list_select_event (fixture->list, original);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->list), "event-list.duplicate", NULL));
  g_assert_cmpuint (n_events (fixture), ==, 22);
  copy = ties_event_list_get_selected_event (fixture->list);
  g_assert_nonnull (copy);
  g_assert_true (copy != original);
  g_assert_cmpstr (ties_event_get_id (copy), !=, ties_event_get_id (original));
  g_assert_true (ties_document_lookup_event (fixture->document, ties_event_get_id (copy)) == copy);
  g_assert_cmpstr (ties_event_get_title (copy), ==, ties_event_get_title (original));
  g_assert_cmpstr (ties_event_get_date (copy), ==, ties_event_get_date (original));
  g_assert_cmpstr (ties_event_get_place (copy), ==, ties_event_get_place (original));
  g_assert_cmpstr (ties_event_get_notes (copy), ==, ties_event_get_notes (original));
  g_assert_true (g_strv_equal ((const char * const *) ties_event_get_participants (copy),
                               (const char * const *) ties_event_get_participants (original)));
  g_assert_cmpuint (store_position (fixture, copy), ==, store_position (fixture, original) + 1);
  evidence = G_LIST_MODEL (ties_event_get_evidence (original));
  copy_evidence = G_LIST_MODEL (ties_event_get_evidence (copy));
  g_assert_cmpuint (g_list_model_get_n_items (copy_evidence), ==, g_list_model_get_n_items (evidence));
  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(TiesEvidence) a = g_list_model_get_item (evidence, i);
      g_autoptr(TiesEvidence) b = g_list_model_get_item (copy_evidence, i);

      g_assert_true (a != b);
      g_assert_cmpstr (ties_evidence_get_exact (a), ==, ties_evidence_get_exact (b));
      g_assert_cmpuint (ties_evidence_get_start (a), ==, ties_evidence_get_start (b));
    }
  g_assert_cmpstr (ties_history_get_undo_label (history), ==, "Duplicate Event");
  after_duplicate = save (fixture);
  g_assert_true (ties_history_undo (history));
  g_assert_cmpuint (n_events (fixture), ==, 21);
  {
    g_autoptr(GBytes) undone = save (fixture);
    test_assert_bytes_equal (before, undone);
  }
  g_assert_true (ties_history_redo (history));
  {
    g_autoptr(GBytes) redone = save (fixture);
    test_assert_bytes_equal (after_duplicate, redone);
  }
}

static void
test_new_reveals_hidden (Fixture       *fixture,
                         gconstpointer  data G_GNUC_UNUSED)
{
  TiesEvent *created;

  ties_event_list_set_kind_filter (fixture->list, "email");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->list), "event-list.new", NULL));
  created = ties_event_list_get_selected_event (fixture->list);
  g_assert_nonnull (created);
  g_assert_cmpstr (ties_event_get_title (created), ==, "New event");
  g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), ==, 22);
}

/* New Event: a row far below the fold is scrolled to, selected and
 * opened (the window puts the focus in the editor's title). */
static void
test_new_scrolls_and_opens (Fixture       *fixture,
                            gconstpointer  data G_GNUC_UNUSED)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (get_column_view (fixture)));
  TiesHistory *history = ties_document_get_history (fixture->document);
  TiesEvent *created;
  gint64 end;

  g_assert_nonnull (vadjustment);

  /* Enough dated events that an undated new one, last, is out of sight. */
  ties_history_begin (history, NULL);
  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *title = g_strdup_printf ("Filler %u", i);
      g_autofree char *id = ties_document_make_id (fixture->document, title);
      g_autoptr(TiesEvent) event = ties_event_new (id, title, "meeting");

      ties_event_set_date (event, "2019-01-01");
      ties_document_add_event (fixture->document, event);
    }
  ties_history_end (history);
  ui_test_wait_for_frame (GTK_WIDGET (fixture->list));
  ties_event_list_select_event (fixture->list, NULL);
  gtk_adjustment_set_value (vadjustment, 0);
  ui_test_wait_for_frame (GTK_WIDGET (fixture->list));
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >, 2 * gtk_adjustment_get_page_size (vadjustment));

  fixture->n_activated = 0;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->list), "event-list.new", NULL));
  created = ties_event_list_get_selected_event (fixture->list);
  g_assert_nonnull (created);
  g_assert_cmpstr (ties_event_get_id (created), ==, "new-event");
  g_assert_cmpuint (fixture->n_activated, ==, 1);
  g_assert_true (fixture->activated == created);

  /* Scrolled to the end, where it is. */
  end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (gtk_adjustment_get_value (vadjustment) == 0 && g_get_monotonic_time () < end)
    {
      ui_test_wait_for_frame (GTK_WIDGET (fixture->list));
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment) + gtk_adjustment_get_page_size (vadjustment),
                     >=, gtk_adjustment_get_upper (vadjustment) - 1);

  /* A second one is "new-event-2": a placeholder until it has a title. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->list), "event-list.new", NULL));
  g_assert_cmpstr (ties_event_get_id (ties_event_list_get_selected_event (fixture->list)), ==, "new-event-2");
  g_assert_cmpuint (fixture->n_activated, ==, 2);
}

static void
test_invalid_date (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  GtkWidget *from = find_descendant (GTK_WIDGET (fixture->list), GTK_TYPE_ENTRY, 0);
  g_autofree char *tooltip = NULL;
  guint n_valid;

  g_assert_nonnull (from);
  g_assert_false (gtk_widget_has_css_class (from, "error"));

  gtk_editable_set_text (GTK_EDITABLE (from), "2019-05");
  n_valid = g_list_model_get_n_items (model (fixture));
  g_assert_cmpuint (n_valid, <, 21);
  g_assert_false (gtk_widget_has_css_class (from, "error"));

  /* Invalid text: marked, explained, and the filter stays as it was. */
  gtk_editable_set_text (GTK_EDITABLE (from), "2019-13");
  g_assert_true (gtk_widget_has_css_class (from, "error"));
  tooltip = gtk_widget_get_tooltip_text (from) ? g_strdup (gtk_widget_get_tooltip_text (from)) : NULL;
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "character"));
  g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), ==, n_valid);

  /* From scratch, an invalid bound does not filter. */
  gtk_editable_set_text (GTK_EDITABLE (from), "");
  g_assert_false (gtk_widget_has_css_class (from, "error"));
  g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), ==, 21);
  gtk_editable_set_text (GTK_EDITABLE (from), "2019-04-3x");
  g_assert_true (gtk_widget_has_css_class (from, "error"));
  g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), ==, 21);
  g_assert_false (ties_event_list_set_date_filter (fixture->list, "spring", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), ==, 21);

  /* Fixing it clears the mark. */
  gtk_editable_set_text (GTK_EDITABLE (from), "2019-04-30");
  g_assert_false (gtk_widget_has_css_class (from, "error"));
  g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), <, 21);
}

static void
test_activate (Fixture       *fixture,
               gconstpointer  data G_GNUC_UNUSED)
{
  g_signal_emit_by_name (get_column_view (fixture), "activate", 0u);
  g_assert_cmpuint (fixture->n_activated, ==, 1);
  g_assert_cmpstr (ties_event_get_id (fixture->activated), ==, "davos-dinner");
}

static void
test_empty_and_null (Fixture       *fixture,
                     gconstpointer  data G_GNUC_UNUSED)
{
  ties_event_list_set_search_text (fixture->list, "no such thing anywhere");
  g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), ==, 0);
  ui_test_wait_for_frame (GTK_WIDGET (fixture->list));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (fixture->list), "No Matching Events"));
  ties_event_list_set_search_text (fixture->list, NULL);

  ties_event_list_set_document (fixture->list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), ==, 0);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->list), "event-list.new", NULL) &&
                  g_list_model_get_n_items (model (fixture)) > 0);
  ties_event_list_set_document (fixture->list, fixture->document);
  g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), ==, 21);
}

static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data G_GNUC_UNUSED)
{
  GtkWidget *widget = GTK_WIDGET (fixture->list);

  ties_event_list_set_date_filter (fixture->list, "2019-13", NULL);
  gtk_editable_set_text (GTK_EDITABLE (find_descendant (widget, GTK_TYPE_ENTRY, 1)), "2019-x");
  ties_event_list_select_event (fixture->list, ties_document_lookup_event (fixture->document, "zuckerberg-call"));

  /* An orphaned quote shows a warning in its row. */
  {
    TiesEvent *davos = ties_document_lookup_event (fixture->document, "davos-dinner");
    g_autoptr(TiesEvidence) quote = g_list_model_get_item (G_LIST_MODEL (ties_event_get_evidence (davos)), 0);
    GtkWidget *icon;

    ties_evidence_set_status (quote, TIES_EVIDENCE_ORPHANED);
    ui_test_wait_for_frame (widget);
    icon = find_descendant (GTK_WIDGET (get_column_view (fixture)), GTK_TYPE_IMAGE, 0);
    g_assert_nonnull (icon);
    g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (icon)), ==, "dialog-warning-symbolic");
    g_assert_true (gtk_widget_get_visible (icon));
    /* The tooltip is made when asked for, from this text. */
    g_assert_true (gtk_widget_get_has_tooltip (gtk_widget_get_parent (icon)));
    g_assert_nonnull (strstr (g_object_get_data (G_OBJECT (gtk_widget_get_parent (icon)), "ties-tooltip"),
                              "cannot be found"));
  }

  ties_event_list_set_search_text (fixture->list, "Ardern");
  ties_event_list_show_search (fixture->list);
  /* Let the search bar's reveal animation finish. */
  ui_test_iterate_for (600);
  g_assert_true (gtk_widget_has_css_class (find_descendant (widget, GTK_TYPE_ENTRY, 1), "error"));
  ui_test_save_png (widget, "/tmp/event-list.png");

  ties_event_list_set_search_text (fixture->list, NULL);
  ties_event_list_set_date_filter (fixture->list, NULL, NULL);
  ties_event_list_set_tie_filter (fixture->list, "ardern", "dorsey");
  ui_test_save_png (widget, "/tmp/event-list-chip.png");
}

static void
count_items_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  (*count)++;
}

/* The list now resyncs only what an edit touched: a keystroke in a title
 * leaves the drop-downs of actors and kinds and the order as they are,
 * while a name still reaches the actors' drop-down and a new kind the
 * kinds'. (What the skipped work cost shows in tests/bench/typing.sh.) */
static void
test_typing_resyncs_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  TiesHistory *history = ties_document_get_history (fixture->document);
  GtkDropDown *actors = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (fixture->list),
                                                                      TIES_TYPE_EVENT_LIST, "actor_dropdown"));
  GtkDropDown *kinds = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (fixture->list),
                                                                     TIES_TYPE_EVENT_LIST, "kind_dropdown"));
  TiesEvent *event = model_event (fixture, 0);
  g_auto(GValue) value = G_VALUE_INIT;
  guint actors_changed = 0;
  guint kinds_changed = 0;
  const char * const *participants = ties_event_get_participants (event);
  TiesActor *actor;

  g_signal_connect (gtk_drop_down_get_model (actors), "items-changed", G_CALLBACK (count_items_changed), &actors_changed);
  g_signal_connect (gtk_drop_down_get_model (kinds), "items-changed", G_CALLBACK (count_items_changed), &kinds_changed);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "T");
  ties_history_set_value_merged (history, event, "title", &value);
  g_value_set_string (&value, "Ty");
  ties_history_set_value_merged (history, event, "title", &value);
  ties_history_set (history, event, "notes", "Typed", "place", "Here", NULL);
  ui_test_iterate_pending ();
  g_assert_cmpstr (ties_event_get_title (event), ==, "Ty");
  g_assert_cmpuint (actors_changed, ==, 0);
  g_assert_cmpuint (kinds_changed, ==, 0);

  /* Still sorted, and the title shows. */
  assert_sorted_by_date (fixture);
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (fixture->list), "Ty"));

  g_assert_nonnull (participants[0]);
  actor = ties_document_lookup_actor (fixture->document, participants[0]);
  g_assert_nonnull (actor);
  ties_history_set (history, actor, "name", "Somebody Renamed", NULL);
  ui_test_iterate_pending ();
  g_assert_cmpuint (actors_changed, >, 0);
  g_assert_cmpuint (kinds_changed, ==, 0);

  ties_history_set (history, event, "kind", "a-kind-of-its-own", NULL);
  ui_test_iterate_pending ();
  g_assert_cmpuint (kinds_changed, >, 0);
}

/* Every "items-changed" a model said, as (position, removed, added). */
typedef struct
{
  GArray *changes;   /* guint[3] */
} Record;

static void
record_items_changed (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      GArray     *changes)
{
  guint change[3] = { position, removed, added };

  g_array_append_vals (changes, change, 3);
}

static GArray *
watch_items_changed (gpointer model)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (guint));

  g_signal_connect (model, "items-changed", G_CALLBACK (record_items_changed), changes);
  return changes;
}

/* @changes holds @times "items-changed" (position, removed, added) and
 * nothing else; then it is emptied. */
static void
assert_changes (GArray *changes,
                guint   times,
                guint   position,
                guint   removed,
                guint   added)
{
  g_assert_cmpuint (changes->len, ==, 3 * times);
  for (guint i = 0; i < changes->len; i += 3)
    {
      g_assert_cmpuint (g_array_index (changes, guint, i), ==, position);
      g_assert_cmpuint (g_array_index (changes, guint, i + 1), ==, removed);
      g_assert_cmpuint (g_array_index (changes, guint, i + 2), ==, added);
    }
  g_array_set_size (changes, 0);
}

static guint
list_position (Fixture   *fixture,
               TiesEvent *event)
{
  guint n = g_list_model_get_n_items (model (fixture));

  for (guint i = 0; i < n; i++)
    if (model_event (fixture, i) == event)
      return i;

  g_assert_not_reached ();
}

static void
type_title (TiesHistory *history,
            TiesEvent   *event,
            const char  *title)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, title);
  ties_history_set_value_merged (history, event, "title", &value);
}

/* Typing an event's title changes that event's row and nothing else:
 * the document says "items-changed" for its position alone, and so do
 * the list's models; no sorter and no filter says "changed" (which
 * would sort or filter all rows again), yet the row moves to its place
 * in the order and in or out of the search, and stays selected. */
static void
test_edit_changes_one_row (Fixture       *fixture,
                           gconstpointer  data G_GNUC_UNUSED)
{
  TiesHistory *history = ties_document_get_history (fixture->document);
  GtkColumnView *view = get_column_view (fixture);
  GListModel *events = ties_document_get_events (fixture->document);
  GtkFilterListModel *filter_model = GTK_FILTER_LIST_MODEL (gtk_sort_list_model_get_model (GTK_SORT_LIST_MODEL (model (fixture))));
  GtkSorter *sorter = gtk_column_view_get_sorter (view);
  GtkFilter *filter = gtk_filter_list_model_get_filter (filter_model);
  TiesEvent *event = ties_document_lookup_event (fixture->document, "pichai-call");
  g_autoptr(GArray) document_changes = watch_items_changed (events);
  g_autoptr(GArray) list_changes = watch_items_changed (model (fixture));
  g_autoptr(GArray) row_changes = watch_items_changed (gtk_column_view_get_model (view));
  guint n = g_list_model_get_n_items (model (fixture));
  guint sorters_changed = 0;
  guint filters_changed = 0;
  guint position;

  g_assert_nonnull (event);
  g_assert_cmpuint (n, ==, n_events (fixture));
  g_signal_connect_swapped (sorter, "changed", G_CALLBACK (count_items_changed), &sorters_changed);
  for (guint i = 0; i < 6; i++)
    g_signal_connect_swapped (gtk_column_view_column_get_sorter (get_column (fixture, i)), "changed",
                              G_CALLBACK (count_items_changed), &sorters_changed);
  g_signal_connect_swapped (filter, "changed", G_CALLBACK (count_items_changed), &filters_changed);

  /* Sorted by date: a keystroke in the title changes its row alone. */
  ties_event_list_select_event (fixture->list, event);
  ui_test_iterate_pending ();
  fixture->n_selection_changed = 0;
  g_array_set_size (list_changes, 0);
  g_array_set_size (row_changes, 0);
  position = list_position (fixture, event);
  g_assert_cmpuint (position, >, 0);
  g_assert_cmpuint (position, <, n - 1);

  type_title (history, event, "Ardern talks to Google");
  type_title (history, event, "Ardern talks to Google now");
  /* Once for each keystroke, and only for that row. */
  assert_changes (document_changes, 2, store_position (fixture, event), 1, 1);
  assert_changes (list_changes, 2, position, 1, 1);
  assert_changes (row_changes, 2, position, 1, 1);
  g_assert_cmpuint (sorters_changed, ==, 0);
  g_assert_cmpuint (filters_changed, ==, 0);
  g_assert_cmpuint (list_position (fixture, event), ==, position);
  g_assert_true (gtk_selection_model_is_selected (gtk_column_view_get_model (view), position));
  g_assert_true (ties_event_list_get_selected_event (fixture->list) == event);
  g_assert_cmpuint (fixture->n_selection_changed, ==, 0);
  ui_test_wait_for_frame (GTK_WIDGET (fixture->list));
  g_assert_nonnull (find_label_with_text (GTK_WIDGET (fixture->list), "Ardern talks to Google now"));

  /* The sort key changed: the event moves to its new place, and only
   * the rows between its old place and its new one change. */
  ties_history_set (history, event, "date", "2018-12-01", NULL);
  g_assert_true (model_event (fixture, 0) == event);
  assert_sorted_by_date (fixture);
  assert_changes (list_changes, 1, 0, position + 1, position + 1);
  g_assert_cmpuint (sorters_changed, ==, 0);
  g_assert_true (ties_event_list_get_selected_event (fixture->list) == event);
  ties_history_undo (history);
  g_assert_cmpuint (list_position (fixture, event), ==, position);
  assert_sorted_by_date (fixture);
  g_array_set_size (list_changes, 0);
  g_array_set_size (document_changes, 0);

  /* Searching: the title typed takes the row out of the search and back,
   * without filtering the other rows again. */
  ties_event_list_set_search_text (fixture->list, "talks to google");
  g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), ==, 1);
  filters_changed = 0;
  g_array_set_size (list_changes, 0);
  type_title (history, event, "Ardern calls Google");
  assert_changes (document_changes, 1, store_position (fixture, event), 1, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), ==, 0);
  assert_changes (list_changes, 1, 0, 1, 0);
  type_title (history, event, "Ardern talks to Google again");
  g_assert_cmpuint (g_list_model_get_n_items (model (fixture)), ==, 1);
  assert_changes (list_changes, 1, 0, 0, 1);
  g_assert_cmpuint (filters_changed, ==, 0);
  g_assert_cmpuint (sorters_changed, ==, 0);

  /* Sorted by title, typing moves the row among the others. */
  ties_event_list_set_search_text (fixture->list, NULL);
  gtk_column_view_sort_by_column (view, get_column (fixture, 1), GTK_SORT_ASCENDING);
  ui_test_iterate_pending ();
  sorters_changed = 0;
  filters_changed = 0;
  g_array_set_size (list_changes, 0);
  type_title (history, event, "AAA first of all");
  g_assert_true (model_event (fixture, 0) == event);
  g_assert_cmpuint (list_changes->len, ==, 3);
  g_assert_cmpuint (g_array_index (list_changes, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (list_changes, guint, 1), <, n);
  g_assert_cmpuint (sorters_changed, ==, 0);
  g_assert_cmpuint (filters_changed, ==, 0);
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (ties_text_collate (ties_event_get_title (model_event (fixture, i - 1)),
                                        ties_event_get_title (model_event (fixture, i))), <=, 0);

  /* Sorted by quotes, a quote added moves its event alone. */
  gtk_column_view_sort_by_column (view, get_column (fixture, 5), GTK_SORT_DESCENDING);
  ui_test_iterate_pending ();
  {
    g_autoptr(TiesEvent) first = g_list_model_get_item (model (fixture), 0);
    g_autoptr(TiesEvidence) quote = g_list_model_get_item (G_LIST_MODEL (ties_event_get_evidence (first)), 0);
    g_autoptr(TiesEvidence) copy = ties_evidence_copy (quote);
    GListStore *quotes = ties_event_get_evidence (event);
    guint most = g_list_model_get_n_items (G_LIST_MODEL (ties_event_get_evidence (first)));

    g_assert_true (first != event);
    while (g_list_model_get_n_items (G_LIST_MODEL (quotes)) > 0)
      ties_history_remove (history, quotes, 0);
    sorters_changed = 0;
    g_array_set_size (document_changes, 0);
    g_array_set_size (list_changes, 0);
    for (guint i = 0; i <= most; i++)
      ties_history_append (history, quotes, copy);
    assert_changes (document_changes, most + 1, store_position (fixture, event), 1, 1);
    g_assert_true (model_event (fixture, 0) == event);
    g_assert_cmpuint (sorters_changed, ==, 0);
    g_assert_cmpuint (filters_changed, ==, 0);
  }

  g_signal_handlers_disconnect_by_data (sorter, &sorters_changed);
  for (guint i = 0; i < 6; i++)
    g_signal_handlers_disconnect_by_data (gtk_column_view_column_get_sorter (get_column (fixture, i)), &sorters_changed);
  g_signal_handlers_disconnect_by_data (filter, &filters_changed);
  g_signal_handlers_disconnect_by_data (events, document_changes);
  g_signal_handlers_disconnect_by_data (model (fixture), list_changes);
  g_signal_handlers_disconnect_by_data (gtk_column_view_get_model (view), row_changes);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    return 77;
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/event-list/typing-resyncs-nothing", test_typing_resyncs_nothing);

  ADD ("/event-list/sorted-by-date", test_sorted_by_date);
  ADD ("/event-list/sort-by-title", test_sort_by_title);
  ADD ("/event-list/search", test_search);
  ADD ("/event-list/kind-filter", test_kind_filter);
  ADD ("/event-list/actor-and-dates", test_actor_and_dates);
  ADD ("/event-list/tie-filter", test_tie_filter);
  ADD ("/event-list/edit-updates-row", test_edit_updates_row);
  ADD ("/event-list/edit-changes-one-row", test_edit_changes_one_row);
  ADD ("/event-list/delete-undo", test_delete_undo);
  ADD ("/event-list/new-and-duplicate", test_new_and_duplicate);
  ADD ("/event-list/new-reveals-hidden", test_new_reveals_hidden);
  ADD ("/event-list/new-scrolls-and-opens", test_new_scrolls_and_opens);
  ADD ("/event-list/invalid-date", test_invalid_date);
  ADD ("/event-list/activate", test_activate);
  ADD ("/event-list/empty-and-null", test_empty_and_null);
  ADD ("/event-list/screenshot", test_screenshot);

#undef ADD

  return g_test_run ();
}
