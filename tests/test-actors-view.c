/* test-actors-view.c: the actors table's Sources and measures columns
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "ties-actors-view.h"
#include "ties-document-io.h"
#include "ties-network.h"
#include "ui-test-util.h"


/* The cell of column @n_column (0: Name) in the row whose Name cell
 * shows @name (another column may show the same text: an affiliation). */
static const char *
cell (TiesActorsView *view,
      const char     *name,
      guint           n_column)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  ui_test_collect_cell_labels (GTK_WIDGET (ties_actors_view_get_column_view (view)), labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *cell = gtk_widget_get_parent (labels->pdata[i]);
      GtkWidget *row = gtk_widget_get_parent (cell);
      GtkWidget *sources = row;

      if (gtk_widget_get_first_child (row) != cell
          || !g_str_equal (gtk_label_get_text (labels->pdata[i]), name))
        continue;

      sources = gtk_widget_get_first_child (row);
      for (guint column = 0; column < n_column && sources != NULL; column++)
        sources = gtk_widget_get_next_sibling (sources);
      g_assert_nonnull (sources);

      return gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (sources)));
    }

  return NULL;
}

static const char *
sources_cell (TiesActorsView *view,
              const char     *name)
{
  return cell (view, name, 5);
}

static const char *
actor_at (GListModel *model,
          guint       position)
{
  g_autoptr(TiesActor) actor = g_list_model_get_item (model, position);

  /* The document keeps the actor, and so its id, alive. */
  return ties_actor_get_id (actor);
}

/* Every event of the sample quotes the one article: its participants
 * have one source; the actors in no event (the New Zealand government,
 * YouTube) none. A second article's evidence for the Cook call gives
 * Ardern and Cook two, and sorting puts them first. */
static void
test_sources_column (void)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(TiesNetwork) network = NULL;
  g_autoptr(TiesSource) source = ties_source_new ("stuff-2019-05");
  g_autoptr(TiesEvidence) evidence = ties_evidence_new ("stuff-2019-05", "Tim Cook", 0, 8);
  TiesHistory *history;
  TiesActorsView *view;
  GListModel *model;
  GtkWidget *window;
  GListModel *actors;
  guint n_actors;

  history = ties_document_get_history (document);
  network = ties_network_new (document);
  actors = G_LIST_MODEL (ties_document_get_actors (document));
  n_actors = g_list_model_get_n_items (actors);
  view = TIES_ACTORS_VIEW (ties_actors_view_new ());
  ties_actors_view_set_network (view, network);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 1200);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  ui_test_iterate_until (ui_test_is_mapped, window);
  ui_test_iterate_for (100);

  for (guint i = 0; i < n_actors; i++)
    {
      const char *id = actor_at (actors, i);
      guint expected = g_str_equal (id, "nz-government") || g_str_equal (id, "youtube") ? 0 : 1;

      g_assert_cmpuint (ties_actors_view_get_n_sources (view, id), ==, expected);
    }
  g_assert_cmpstr (sources_cell (view, "Jacinda Ardern"), ==, "1");
  g_assert_cmpstr (sources_cell (view, "YouTube"), ==, "0");

  model = G_LIST_MODEL (gtk_column_view_get_model (ties_actors_view_get_column_view (view)));
  ties_actors_view_sort_by (view, "sources", GTK_SORT_ASCENDING);
  g_assert_cmpuint (ties_actors_view_get_n_sources (view, actor_at (model, 0)), ==, 0);
  g_assert_cmpuint (ties_actors_view_get_n_sources (view, actor_at (model, 1)), ==, 0);
  g_assert_cmpuint (ties_actors_view_get_n_sources (view, actor_at (model, 2)), ==, 1);

  /* A second article quoted for the Cook call: the network does not
   * change, the column does, and re-sorts. */
  ties_document_add_source (document, source);
  ties_history_append (history, ties_event_get_evidence (ties_document_lookup_event (document, "cook-call")),
                       evidence);
  g_assert_cmpuint (ties_actors_view_get_n_sources (view, "ardern"), ==, 2);
  g_assert_cmpuint (ties_actors_view_get_n_sources (view, "cook"), ==, 2);
  g_assert_cmpuint (ties_actors_view_get_n_sources (view, "dorsey"), ==, 1);
  ties_actors_view_sort_by (view, "sources", GTK_SORT_DESCENDING);
  {
    const char *first = actor_at (model, 0);
    const char *second = actor_at (model, 1);

    g_assert_true ((g_str_equal (first, "ardern") && g_str_equal (second, "cook"))
                   || (g_str_equal (first, "cook") && g_str_equal (second, "ardern")));
    g_assert_cmpuint (ties_actors_view_get_n_sources (view, actor_at (model, 2)), ==, 1);
  }
  ui_test_iterate_for (100);
  g_assert_cmpstr (sources_cell (view, "Tim Cook"), ==, "2");

  /* Undone: back to one, and the table follows without a network change. */
  g_assert_true (ties_history_undo (history));
  g_assert_cmpuint (ties_actors_view_get_n_sources (view, "cook"), ==, 1);
  ui_test_iterate_for (100);
  g_assert_cmpstr (sources_cell (view, "Tim Cook"), ==, "1");

  /* Events the network leaves out (other kinds) are not counted, as in
   * the Events column: only e-mails, none of them Cook's. */
  {
    static const char * const kinds[] = { "email", NULL };

    ties_network_set_kinds (network, kinds);
  }
  g_assert_cmpuint (ties_network_get_event_count (network, "cook"), ==, 0);
  g_assert_cmpuint (ties_actors_view_get_n_sources (view, "cook"), ==, 0);
  g_assert_cmpuint (ties_actors_view_get_n_sources (view, "ardern"), ==, 1);
  g_assert_cmpuint (ties_actors_view_get_n_sources (view, "apple"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The measures' columns: "…" until the view is given them, then each
 * actor's, three decimals for the centralities; sorting by betweenness
 * puts Ardern, through whom the sample's paths go, first. */
static void
test_measures_columns (void)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  TiesMeasures *measures = ties_measures_compute (network);
  g_autoptr(GtkColumnViewColumn) betweenness = NULL;
  TiesActorMeasures ardern, cook;
  g_autofree char *expected = NULL;
  TiesActorsView *view;
  GListModel *model;
  GtkWidget *window;

  g_assert_true (ties_measures_lookup (measures, "ardern", &ardern));
  g_assert_true (ties_measures_lookup (measures, "cook", &cook));
  g_assert_cmpfloat (ardern.betweenness_centrality, >, cook.betweenness_centrality);

  view = TIES_ACTORS_VIEW (ties_actors_view_new ());
  ties_actors_view_set_network (view, network);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1200);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  ui_test_iterate_until (ui_test_is_mapped, window);
  ui_test_iterate_for (100);

  /* Hidden until asked for, with the Measures button. */
  g_assert_false (ties_actors_view_get_show_measures (view));
  betweenness = g_list_model_get_item (gtk_column_view_get_columns (ties_actors_view_get_column_view (view)), 7);
  g_assert_cmpstr (gtk_column_view_column_get_title (betweenness), ==, "Betweenness");
  g_assert_false (gtk_column_view_column_get_visible (betweenness));
  ties_actors_view_set_show_measures (view, TRUE);
  g_assert_true (gtk_column_view_column_get_visible (betweenness));
  ui_test_iterate_for (100);
  g_assert_null (ties_actors_view_get_measures (view));
  g_assert_cmpstr (cell (view, "Jacinda Ardern", 7), ==, "…");

  ties_actors_view_set_measures (view, measures);
  g_assert_true (ties_actors_view_get_measures (view) == measures);
  ui_test_iterate_for (100);
  expected = g_strdup_printf ("%.0f", (double) ardern.weighted_degree);
  g_assert_cmpstr (cell (view, "Jacinda Ardern", 6), ==, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%.3f", ardern.betweenness_centrality);
  g_assert_cmpstr (cell (view, "Jacinda Ardern", 7), ==, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%.3f", cook.closeness_centrality);
  g_assert_cmpstr (cell (view, "Tim Cook", 8), ==, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%.3f", cook.eigenvector_centrality);
  g_assert_cmpstr (cell (view, "Tim Cook", 9), ==, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%u", cook.community + 1);
  g_assert_cmpstr (cell (view, "Tim Cook", 10), ==, expected);

  model = G_LIST_MODEL (gtk_column_view_get_model (ties_actors_view_get_column_view (view)));
  ties_actors_view_sort_by (view, "betweenness_centrality", GTK_SORT_DESCENDING);
  g_assert_cmpstr (actor_at (model, 0), ==, "ardern");
  ties_actors_view_sort_by (view, "betweenness_centrality", GTK_SORT_ASCENDING);
  g_assert_cmpstr (actor_at (model, g_list_model_get_n_items (model) - 1), ==, "ardern");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Name cell's label of @name. */
static GtkLabel *
name_label (TiesActorsView *view,
            const char     *name)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  ui_test_collect_cell_labels (GTK_WIDGET (ties_actors_view_get_column_view (view)), labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (gtk_label_get_text (labels->pdata[i]), name))
      return labels->pdata[i];

  return NULL;
}

/* Issue 14, item 7: names in every script sort as a reader looks them
 * up (case and marks aside, alef with hamza as alef, right-to-left names
 * by their first letter as written) and a right-to-left name is laid
 * out right to left, a Latin one with a name in Arabic after it left to
 * right. */
static void
test_names_in_every_script (void)
{
  static const struct { const char *id, *name; } actors[] = {
    { "zoe", "Zoe Ng" },
    { "omar", "Omar al-Rashid (عمر الرشيد)" },
    { "bell", "bell hooks" },
    { "umar", "عمر الرشيد" },
    { "ahmad", "أحمد" },
    { "angel", "Ängel Smith" },
    { "miriam", "מרים" },
    { "ibrahim", "ابراهيم" },
    { "bezos", "Bezos" },
  };
  static const char * const expected[] = {
    "angel", "bell", "bezos", "omar", "zoe", "miriam", "ibrahim", "ahmad", "umar",
  };
  g_autoptr(TiesDocument) document = ties_document_new ();
  g_autoptr(TiesNetwork) network = NULL;
  TiesActorsView *view;
  GListModel *model;
  GtkWidget *window;

  for (guint i = 0; i < G_N_ELEMENTS (actors); i++)
    {
      g_autoptr(TiesActor) actor = ties_actor_new (actors[i].id, actors[i].name, TIES_ACTOR_PERSON);

      ties_document_add_actor (document, actor);
    }
  network = ties_network_new (document);
  view = TIES_ACTORS_VIEW (ties_actors_view_new ());
  ties_actors_view_set_network (view, network);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  ui_test_iterate_until (ui_test_is_mapped, window);
  ui_test_iterate_for (100);

  model = G_LIST_MODEL (gtk_column_view_get_model (ties_actors_view_get_column_view (view)));
  ties_actors_view_sort_by (view, "name", GTK_SORT_ASCENDING);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (actor_at (model, i), ==, expected[i]);
  ties_actors_view_sort_by (view, "name", GTK_SORT_DESCENDING);
  g_assert_cmpstr (actor_at (model, 0), ==, "umar");

  ui_test_iterate_for (100);
  g_assert_cmpint (pango_layout_get_direction (gtk_label_get_layout (name_label (view, "عمر الرشيد")), 0),
                   ==, PANGO_DIRECTION_RTL);
  g_assert_cmpint (pango_layout_get_direction (gtk_label_get_layout (name_label (view, "מרים")), 0),
                   ==, PANGO_DIRECTION_RTL);
  g_assert_cmpint (pango_layout_get_direction (gtk_label_get_layout (name_label (view, "Omar al-Rashid (عمر الرشيد)")), 0),
                   ==, PANGO_DIRECTION_LTR);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    return 77;
  adw_init ();

  g_test_add_func ("/actors-view/sources-column", test_sources_column);
  g_test_add_func ("/actors-view/measures-columns", test_measures_columns);
  g_test_add_func ("/actors-view/names-in-every-script", test_names_in_every_script);

  return g_test_run ();
}
