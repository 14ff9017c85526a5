/* test-window.c: the main window on the sample, driven through its actions
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ties-application.h"
#include "ties-document-io.h"
#include "ties-actors-view.h"
#include "ties-diagram-view.h"
#include "ties-event-editor.h"
#include "ties-event-list.h"
#include "ties-window.h"
#include "ties-window-private.h"
#include "ties-document-info-editor.h"
#include "ties-drafts.h"
#include "ties-export-dialog.h"
#include "ties-kinds-editor.h"
#include "ties-restore-dialog.h"
#include "ties-source-text-dialog.h"
#include "ui-test-util.h"

#define SAMPLE TOP_SRCDIR "/data/samples/christchurch-call.ties.json"

static TiesApplication *app;

static gboolean
no_windows (gpointer data)
{
  return gtk_application_get_windows (GTK_APPLICATION (app)) == NULL;
}

static void
test_open_sample (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  TiesDocument *document = ties_window_get_document (window);
  TiesEventList *list = TIES_EVENT_LIST (ui_test_find_child (GTK_WIDGET (window), TIES_TYPE_EVENT_LIST));
  g_autoptr(GFile) sample = g_file_new_for_path (SAMPLE);

  g_assert_nonnull (list);
  g_assert_cmpuint (g_list_model_get_n_items (ties_event_list_get_model (list)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_events (document))));
  g_assert_true (g_file_equal (ties_window_get_file (window), sample));
  /* Not modified: no bullet in the title. */
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_edit_marks_modified (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  TiesDocument *document = ties_window_get_document (window);
  TiesEvent *event = ties_document_lookup_event (document, "cook-call");

  ties_history_set (ties_document_get_history (document), event, "title", "Ardern calls Cook", NULL);
  ui_test_iterate_for (100);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  ui_test_iterate_for (100);
  g_assert_cmpstr (ties_event_get_title (event), ==, "Ardern phones Tim Cook");
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_delete_undo (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  TiesDocument *document = ties_window_get_document (window);
  TiesEventList *list = TIES_EVENT_LIST (ui_test_find_child (GTK_WIDGET (window), TIES_TYPE_EVENT_LIST));
  g_autoptr(GBytes) before = ties_document_save_to_bytes (document, NULL);
  g_autoptr(GBytes) after = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_events (document)));

  ties_event_list_select_event (list, ties_document_lookup_event (document, "bezos-call"));
  ui_test_iterate_for (100);
  gtk_widget_activate_action (GTK_WIDGET (list), "event-list.delete", NULL);
  ui_test_iterate_for (100);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_events (document))), ==, n - 1);
  g_assert_null (ties_document_lookup_event (document, "bezos-call"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  ui_test_iterate_for (100);
  after = ties_document_save_to_bytes (document, NULL);
  g_assert_true (g_bytes_equal (before, after));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_save_and_reload (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  TiesDocument *document = ties_window_get_document (window);
  g_autofree char *dir = g_dir_make_tmp ("ties-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "saved.ties.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  ties_document_set_title (document, "Saved from the window");
  expected = ties_document_save_to_bytes (document, NULL);
  ties_window_save_to_file (window, file);
  while (!g_file_test (path, G_FILE_TEST_EXISTS) || ties_window_get_file (window) == NULL
         || !g_file_equal (ties_window_get_file (window), file))
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));

  /* The header: the title, then the file and its folder. Without a
   * title, the file's name is the title and the folder alone follows,
   * not the name twice. */
  {
    AdwWindowTitle *header = ADW_WINDOW_TITLE (ui_test_find_child (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE));
    g_autofree char *folder = g_filename_display_name (dir);

    g_assert_cmpstr (adw_window_title_get_title (header), ==, "Saved from the window");
    g_assert_true (g_str_has_prefix (adw_window_title_get_subtitle (header), "saved.ties.json — "));
    ties_document_set_title (document, "");
    g_assert_cmpstr (adw_window_title_get_title (header), ==, "saved.ties.json");
    g_assert_cmpstr (adw_window_title_get_subtitle (header), ==, folder);
    ties_document_set_title (document, "Saved from the window");
  }

  /* Reloaded, it is the same document. */
  {
    g_autoptr(TiesDocument) reloaded = ties_document_load_from_file (file, NULL, NULL, NULL);
    g_autoptr(GBytes) again = ties_document_save_to_bytes (reloaded, NULL);

    g_assert_true (g_bytes_equal (expected, again));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_broken_file_keeps_document (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  TiesDocument *document = ties_window_get_document (window);
  g_autofree char *dir = g_dir_make_tmp ("ties-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "broken.ties.json", NULL);
  g_autoptr(GFile) broken = g_file_new_for_path (path);
  g_autoptr(GBytes) before = ties_document_save_to_bytes (document, NULL);
  g_autoptr(GBytes) after = NULL;
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (path, "{\"format\": \"ties\", \"version\": 1,\n \"actors\": [}", -1, NULL));
  ties_window_open_file (window, broken);
  ui_test_iterate_until (ui_test_dialog_shown, NULL);

  dialog = ui_test_find_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken.ties.json:2:"));
  g_assert_true (ties_window_get_document (window) == document);
  after = ties_document_save_to_bytes (document, NULL);
  g_assert_true (g_bytes_equal (before, after));

  ui_test_close_dialogs ();
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_unsaved_prompt (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  TiesDocument *document = ties_window_get_document (window);

  ties_history_set (ties_document_get_history (document),
                    ties_document_lookup_event (document, "cook-call"), "notes", "Changed", NULL);
  gtk_window_close (GTK_WINDOW (window));
  ui_test_iterate_until (ui_test_dialog_shown, NULL);

  /* The window waits for an answer. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ui_test_find_dialog ()), "Save"));

  /* Cancel keeps it; Discard closes it. */
  adw_message_dialog_response (ui_test_find_dialog (), "cancel");
  ui_test_iterate_for (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  gtk_window_close (GTK_WINDOW (window));
  ui_test_iterate_until (ui_test_dialog_shown, NULL);
  adw_message_dialog_response (ui_test_find_dialog (), "discard");
  ui_test_iterate_until (no_windows, NULL);
}

static void
test_layout_menu (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  TiesDocument *document = ties_window_get_document (window);

  g_assert_cmpstr (ties_document_get_layout (document), ==, "radial");
  gtk_widget_activate_action (GTK_WIDGET (window), "view.layout", "s", "circle");
  ui_test_iterate_for (100);
  g_assert_cmpstr (ties_document_get_layout (document), ==, "circle");

  gtk_widget_activate_action (GTK_WIDGET (window), "view.focus", "s", "dorsey");
  ui_test_iterate_for (100);
  g_assert_cmpstr (ties_document_get_focus (document), ==, "dorsey");

  /* Each is one undoable edit. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  ui_test_iterate_for (100);
  g_assert_cmpstr (ties_document_get_layout (document), ==, "radial");
  g_assert_cmpstr (ties_document_get_focus (document), ==, "ardern");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Colours by community: the diagram is given the communities of the
 * measures the Actors view shows (worked out once the view is shown, or
 * the colours ask for them), saved with the document, one undo away
 * from the affiliations' colours. */
static void
test_colors_by_community (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  TiesDocument *document = ties_window_get_document (window);
  TiesDiagramView *diagram = TIES_DIAGRAM_VIEW (ui_test_find_child (GTK_WIDGET (window), TIES_TYPE_DIAGRAM_VIEW));
  TiesActorsView *actors = TIES_ACTORS_VIEW (ui_test_find_child (GTK_WIDGET (window), TIES_TYPE_ACTORS_VIEW));
  TiesActorMeasures ardern;
  GHashTable *communities;

  g_assert_null (ties_diagram_view_get_communities (diagram));
  /* Nobody looks at them yet: not worked out. */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (actors)));
  g_assert_null (ties_actors_view_get_measures (actors));

  gtk_widget_activate_action (GTK_WIDGET (window), "view.colors", "s", "community");
  ui_test_iterate_for (100);
  g_assert_cmpstr (ties_document_get_colors (document), ==, "community");
  communities = ties_diagram_view_get_communities (diagram);
  g_assert_nonnull (communities);
  g_assert_nonnull (ties_actors_view_get_measures (actors));
  g_assert_true (ties_measures_lookup (ties_actors_view_get_measures (actors), "ardern", &ardern));
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (communities, "ardern")), ==, ardern.community + 1);
  g_assert_cmpuint (g_hash_table_size (communities),
                    ==, g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_actors (document))));

  /* An edit is measured again: a new actor met by Cook has a community. */
  {
    g_autoptr(TiesActor) newcomer = ties_actor_new ("newcomer", "New Comer", TIES_ACTOR_PERSON);
    g_autoptr(TiesEvent) event = ties_event_new ("cook-newcomer", "Cook meets a newcomer", "meeting");
    const char * const participants[] = { "cook", "newcomer", NULL };

    ties_document_add_actor (document, newcomer);
    ties_event_set_participants (event, participants);
    ties_document_add_event (document, event);
    ui_test_iterate_for (200);
    communities = ties_diagram_view_get_communities (diagram);
    g_assert_true (g_hash_table_contains (communities, "newcomer"));
    g_assert_true (ties_measures_lookup (ties_actors_view_get_measures (actors), "newcomer", &ardern));
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  ui_test_iterate_for (100);
  g_assert_cmpstr (ties_document_get_colors (document), ==, "affiliation");
  g_assert_null (ties_diagram_view_get_communities (diagram));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Re-layout: the picture an edit drifted to is laid out afresh, as one
 * step that one undo takes back; opening and drawing alone is no edit. */
static void
test_relayout (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  TiesDocument *document = ties_window_get_document (window);
  TiesHistory *history = ties_document_get_history (document);
  g_autoptr(TiesEvent) event = ties_event_new ("cook-bezos", "Cook calls Bezos", "phone-call");
  const char * const participants[] = { "cook", "bezos", NULL };
  g_autoptr(GHashTable) drifted = NULL;
  double x0, y0, x1, y1;

  /* Drawn and remembered, not modified. */
  g_assert_nonnull (ties_document_get_positions (document));
  g_assert_false (ties_history_get_modified (history));

  ties_event_set_participants (event, participants);
  ties_document_add_event (document, event);
  ui_test_iterate_for (400);
  drifted = g_hash_table_ref (ties_document_get_positions (document));
  g_assert_true (ties_document_lookup_position (document, "cook", &x0, &y0));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.relayout", NULL);
  ui_test_iterate_for (400);
  g_assert_true (ties_document_get_positions (document) != drifted);
  g_assert_cmpstr (ties_history_get_undo_label (history), ==, "Re-layout");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  ui_test_iterate_for (400);
  g_assert_cmpstr (ties_history_get_undo_label (history), ==, "Add Event");
  g_assert_true (ties_document_lookup_position (document, "cook", &x1, &y1));
  g_assert_cmpfloat (x1, ==, x0);
  g_assert_cmpfloat (y1, ==, y0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  ui_test_iterate_for (400);
  g_assert_false (ties_history_get_modified (history));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_date_filter_reaches_diagram (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  TiesEventList *list = TIES_EVENT_LIST (ui_test_find_child (GTK_WIDGET (window), TIES_TYPE_EVENT_LIST));
  TiesDiagramView *view = TIES_DIAGRAM_VIEW (ui_test_find_child (GTK_WIDGET (window), TIES_TYPE_DIAGRAM_VIEW));
  TiesNetwork *network = ties_diagram_view_get_network (view);
  guint all = ties_network_get_n_events (network);

  /* September 2019: the hack, the spokesman, Wellington, the UN trip. */
  g_assert_true (ties_event_list_set_date_filter (list, "2019-09", "2019-09"));
  ui_test_iterate_for (100);
  g_assert_cmpuint (ties_network_get_n_events (network), <, all);
  g_assert_cmpuint (ties_network_get_n_events (network), ==,
                    g_list_model_get_n_items (ties_event_list_get_model (list)));

  g_assert_true (ties_event_list_set_date_filter (list, NULL, NULL));
  ui_test_iterate_for (100);
  g_assert_cmpuint (ties_network_get_n_events (network), ==, all);

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      n += ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window));
    }

  return n;
}


static void
test_quit_asks_once (void)
{
  TiesWindow *first = ui_test_open_sample (app);
  TiesWindow *second = ties_window_new (app);

  gtk_window_present (GTK_WINDOW (second));
  ui_test_iterate_until (ui_test_is_mapped, second);

  ties_history_set (ties_document_get_history (ties_window_get_document (first)),
                    ties_window_get_document (first), "title", "One", NULL);
  ties_history_set (ties_document_get_history (ties_window_get_document (second)),
                    ties_window_get_document (second), "title", "Two", NULL);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  ui_test_iterate_until (ui_test_dialog_shown, NULL);
  ui_test_iterate_for (100);

  /* One question for both windows. */
  g_assert_cmpuint (count_dialogs (), ==, 1);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ui_test_find_dialog ()), "2 Documents"));

  adw_message_dialog_response (ui_test_find_dialog (), "discard");
  ui_test_iterate_until (no_windows, NULL);
}

/* Closing and quitting ask one question, the same dialog, and it names
 * the documents whose changes would be lost. */
static void
test_save_changes_names_documents (void)
{
  TiesWindow *first = ui_test_open_sample (app);
  TiesWindow *second = ties_window_new (app);
  TiesWindow *saved = ties_window_new (app);
  AdwMessageDialog *dialog;
  const char *body;

  gtk_window_present (GTK_WINDOW (second));
  gtk_window_present (GTK_WINDOW (saved));
  ui_test_iterate_until (ui_test_is_mapped, saved);

  ties_history_set (ties_document_get_history (ties_window_get_document (first)),
                    ties_window_get_document (first), "title", "Harbour Talks", NULL);
  ties_history_set (ties_document_get_history (ties_window_get_document (second)),
                    ties_window_get_document (second), "title", "Summit Calls", NULL);
  /* Titled, but as saved: not named. */
  ties_document_set_title (ties_window_get_document (saved), "Already Saved");
  ties_history_mark_saved (ties_document_get_history (ties_window_get_document (saved)));

  /* One window closing names its document. */
  gtk_window_close (GTK_WINDOW (first));
  ui_test_iterate_until (ui_test_dialog_shown, NULL);
  dialog = ui_test_find_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“Harbour Talks”"));
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), "Summit Calls"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "save"), ==, "_Save");
  /* (A response alone leaves the dialog up: a click also closes it.) */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_iterate_for (100);

  /* Quitting names both unsaved ones, and only those. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  ui_test_iterate_until (ui_test_dialog_shown, NULL);
  dialog = ui_test_find_dialog ();
  body = adw_message_dialog_get_body (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes to 2 Documents?");
  g_assert_nonnull (strstr (body, "Harbour Talks"));
  g_assert_nonnull (strstr (body, "Summit Calls"));
  g_assert_null (strstr (body, "Already Saved"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "discard"), ==, "_Discard All");

  adw_message_dialog_response (dialog, "discard");
  ui_test_iterate_until (no_windows, NULL);
}

static void
on_deleted (TiesEventList *list,
            guint          n,
            guint         *count)
{
  *count += n;
}

static void
test_delete_offers_undo (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  TiesDocument *document = ties_window_get_document (window);
  TiesEventList *list = TIES_EVENT_LIST (ui_test_find_child (GTK_WIDGET (window), TIES_TYPE_EVENT_LIST));
  guint deleted = 0;

  g_signal_connect (list, "events-deleted", G_CALLBACK (on_deleted), &deleted);
  ties_event_list_select_event (list, ties_document_lookup_event (document, "pichai-call"));
  gtk_widget_activate_action (GTK_WIDGET (list), "event-list.delete", NULL);
  ui_test_iterate_for (100);

  /* The window's toast offers win.undo for exactly this. */
  g_assert_cmpuint (deleted, ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  ui_test_iterate_for (100);
  g_assert_nonnull (ties_document_lookup_event (document, "pichai-call"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_busy (gpointer data)
{
  gboolean busy;

  g_object_get (data, "busy", &busy, NULL);
  return busy;
}

static void
test_cancel_large_layout (void)
{
  TiesWindow *window = ties_window_new (app);
  TiesDocument *document = ties_window_get_document (window);
  TiesDiagramView *view = TIES_DIAGRAM_VIEW (ui_test_find_child (GTK_WIDGET (window), TIES_TYPE_DIAGRAM_VIEW));
  g_autoptr(GPtrArray) actors = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  gtk_window_present (GTK_WINDOW (window));
  ui_test_iterate_until (ui_test_is_mapped, window);

  /* More actors than the view lays out on the main thread. */
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      g_ptr_array_add (actors, ties_actor_new (id, id, TIES_ACTOR_PERSON));
    }
  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autofree char *a = g_strdup_printf ("a%u", g_rand_int_range (rand, 0, 2000));
      g_autofree char *b = g_strdup_printf ("a%u", g_rand_int_range (rand, 0, 2000));
      const char *participants[] = { a, b, NULL };
      TiesEvent *event = ties_event_new (id, id, "meeting");

      ties_event_set_participants (event, participants);
      g_ptr_array_add (events, event);
    }
  ties_document_append_loaded (document, ties_document_get_actors (document), actors->pdata, actors->len);
  ties_document_append_loaded (document, ties_document_get_events (document), events->pdata, events->len);

  ui_test_iterate_until (is_busy, view);
  /* The window stays responsive and offers to stop. */
  g_assert_true (gtk_widget_get_visible (ui_test_find_child (GTK_WIDGET (window), GTK_TYPE_SPINNER)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-layout", NULL);
  g_assert_false (is_busy (view));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The templates of the first frame name only types already made when
 * the window's class is: the window module loads GTK with local symbols,
 * so GtkBuilder, meeting a type not made yet, makes every type GTK has
 * (2.4 ms of each start-up; ensure_first_frame_types() in ties-window.c).
 * Runs first, before other tests make the types by making widgets. */
static void
test_first_frame_types (void)
{
  static const char * const templates[] = {
    "/io/github/tiesapp/Ties/ui/ties-window.ui",
    "/io/github/tiesapp/Ties/ui/ties-event-list.ui",
    "/io/github/tiesapp/Ties/ui/ties-timeline-view.ui",
    "/io/github/tiesapp/Ties/ui/ties-actors-view.ui",
  };
  g_autoptr(GRegex) regex = g_regex_new ("class=\"([A-Za-z]+)\"", 0, 0, NULL);
  g_autoptr(GRegex) cdata = g_regex_new ("<!\\[CDATA\\[.*?\\]\\]>", G_REGEX_DOTALL, 0, NULL);
  guint checked = 0;

  g_assert_cmpuint (g_type_from_name ("GtkListView"), ==, G_TYPE_INVALID);
  g_type_class_unref (g_type_class_ref (TIES_TYPE_WINDOW));
  /* GtkDropDown's own template names it, and nothing made it before. */
  g_assert_cmpuint (g_type_from_name ("GtkListView"), !=, G_TYPE_INVALID);

  for (guint t = 0; t < G_N_ELEMENTS (templates); t++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_resources_lookup_data (templates[t], 0, &error);
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      /* Less a list's template for its rows, read when they are made. */
      text = g_regex_replace_literal (cdata, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), 0, "", 0, NULL);
      for (g_regex_match (regex, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *name = g_match_info_fetch (match, 1);

          if (g_type_from_name (name) == G_TYPE_INVALID)
            g_error ("%s names %s, which is not made before the window's template is read", templates[t], name);
          checked++;
        }
    }
  g_assert_cmpuint (checked, >, 50);
}

static void
test_empty_window (void)
{
  TiesWindow *window = ties_window_new (app);
  GtkWidget *status;

  gtk_window_present (GTK_WINDOW (window));
  ui_test_iterate_until (ui_test_is_mapped, window);

  /* An empty document offers to start or to open the sample. */
  status = ui_test_find_child (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_assert_true (gtk_widget_is_drawable (status));
  g_assert_true (ties_window_is_pristine (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Typing in the editors: every keystroke reaches the document. */

static GtkWidget *
event_editor_child (TiesWindow *window,
                    const char *name)
{
  GtkWidget *editor = ui_test_find_child (GTK_WIDGET (window), TIES_TYPE_EVENT_EDITOR);
  GObject *object;

  g_assert_nonnull (editor);
  object = gtk_widget_get_template_child (editor, TIES_TYPE_EVENT_EDITOR, name);
  g_assert_nonnull (object);

  return GTK_WIDGET (object);
}

/* Inserts @text at the end of @editable one character at a time, as
 * keystrokes do: no Enter, and the focus stays where it is. */
static void
type_text (GtkWidget  *editable,
           const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int position = (int) g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (editable)), -1);

      gtk_editable_insert_text (GTK_EDITABLE (editable), p, g_utf8_next_char (p) - p, &position);
    }
}

static TiesEvent *
select_event (TiesWindow *window,
              const char *id)
{
  TiesEventList *list = TIES_EVENT_LIST (ui_test_find_child (GTK_WIDGET (window), TIES_TYPE_EVENT_LIST));
  TiesEvent *event = ties_document_lookup_event (ties_window_get_document (window), id);

  g_assert_nonnull (event);
  ties_event_list_select_event (list, event);
  ui_test_iterate_for (100);
  g_assert_true (ties_event_editor_get_event (TIES_EVENT_EDITOR (ui_test_find_child (GTK_WIDGET (window),
                                                                                     TIES_TYPE_EVENT_EDITOR))) == event);

  return event;
}

static void
test_typing_then_close (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  TiesEvent *event = select_event (window, "cook-call");
  GtkWidget *title = event_editor_child (window, "title_row");

  gtk_widget_grab_focus (title);
  type_text (title, " LOST");

  /* No Enter, no focus change: the document has it all the same. */
  g_assert_cmpstr (ties_event_get_title (event), ==, "Ardern phones Tim Cook LOST");
  g_assert_true (ties_window_get_modified (window));

  gtk_window_close (GTK_WINDOW (window));
  ui_test_iterate_until (ui_test_dialog_shown, NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ui_test_find_dialog ()), "Save"));

  adw_message_dialog_response (ui_test_find_dialog (), "discard");
  ui_test_iterate_until (no_windows, NULL);
}

static gboolean
is_saved (gpointer window)
{
  return !ties_window_get_modified (window);
}

static TiesWindow *
open_copy_of_sample (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TiesWindow *window;
  gsize length;

  g_assert_true (g_file_get_contents (SAMPLE, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  window = ties_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_iterate_until (ui_test_is_mapped, window);
  ties_window_open_file (window, file);
  while (ties_window_get_file (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  ui_test_iterate_for (300);

  return window;
}

static void
test_typing_then_save (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ties-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "typed.ties.json", NULL);
  TiesWindow *window = open_copy_of_sample (path);
  g_autofree char *contents = NULL;

  select_event (window, "cook-call");
  type_text (event_editor_child (window, "title_row"), " SAVED");
  type_text (event_editor_child (window, "place_row"), "Wellington");

  /* Ctrl+S with the cursor still in the field. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  ui_test_iterate_until (is_saved, window);
  ui_test_iterate_for (100);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"title\": \"Ardern phones Tim Cook SAVED\""));
  g_assert_nonnull (strstr (contents, "\"place\": \"Wellington\""));
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_typing_bursts_undo (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  TiesHistory *history = ties_document_get_history (ties_window_get_document (window));
  TiesEvent *event = select_event (window, "cook-call");
  GtkWidget *title = event_editor_child (window, "title_row");
  guint steps = 0;

  /* Three bursts, each followed by a pause longer than the history's. */
  type_text (title, " one");
  ui_test_iterate_for (TIES_HISTORY_MERGE_PAUSE_USEC / 1000 + 200);
  type_text (title, " two");
  ui_test_iterate_for (TIES_HISTORY_MERGE_PAUSE_USEC / 1000 + 200);
  type_text (title, " three");
  g_assert_cmpstr (ties_event_get_title (event), ==, "Ardern phones Tim Cook one two three");

  /* One undo step per burst, and the field follows each. */
  g_assert_true (ties_history_undo (history));
  steps++;
  g_assert_cmpstr (ties_event_get_title (event), ==, "Ardern phones Tim Cook one two");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Ardern phones Tim Cook one two");
  while (ties_history_undo (history))
    steps++;
  g_assert_cmpuint (steps, ==, 3);
  g_assert_cmpstr (ties_event_get_title (event), ==, "Ardern phones Tim Cook");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Ardern phones Tim Cook");
  g_assert_false (ties_window_get_modified (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_typing_notes (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  TiesEvent *event = select_event (window, "cook-call");
  GtkTextView *notes = GTK_TEXT_VIEW (event_editor_child (window, "notes_view"));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (notes);
  g_autofree char *expected = g_strconcat (ties_event_get_notes (event), "Typed, not entered.", NULL);
  GtkTextIter end;

  gtk_widget_grab_focus (GTK_WIDGET (notes));
  for (const char *p = "Typed, not entered."; *p != '\0'; p++)
    {
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, p, 1);
    }
  g_assert_cmpstr (ties_event_get_notes (event), ==, expected);

  gtk_window_close (GTK_WINDOW (window));
  ui_test_iterate_until (ui_test_dialog_shown, NULL);
  adw_message_dialog_response (ui_test_find_dialog (), "discard");
  ui_test_iterate_until (no_windows, NULL);
}

/* Typing in one event's title, then choosing another event: the text
 * went to the event it was typed for. */
static void
test_typing_then_switch (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  TiesEvent *cook = select_event (window, "cook-call");
  TiesEvent *pichai = NULL;
  GtkWidget *title = event_editor_child (window, "title_row");

  type_text (title, " (1)");
  pichai = select_event (window, "pichai-call");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, ties_event_get_title (pichai));
  type_text (title, " (2)");

  g_assert_cmpstr (ties_event_get_title (cook), ==, "Ardern phones Tim Cook (1)");
  g_assert_true (g_str_has_suffix (ties_event_get_title (pichai), " (2)"));
  g_assert_false (g_str_has_suffix (ties_event_get_title (pichai), " (1) (2)"));

  ties_window_discard_and_close (window);
  ui_test_iterate_until (no_windows, NULL);
}

/* A date that is not valid is not applied, but closing says so. */
static void
test_invalid_date_close (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  TiesEvent *event = select_event (window, "cook-call");
  GtkWidget *date = event_editor_child (window, "date_row");

  gtk_editable_set_text (GTK_EDITABLE (date), "2019-13");
  g_assert_cmpstr (ties_event_get_date (event), ==, "2019-04-24");
  g_assert_false (ties_window_get_modified (window));

  gtk_window_close (GTK_WINDOW (window));
  ui_test_iterate_until (ui_test_dialog_shown, NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ui_test_find_dialog ()), "2019-13"));
  adw_message_dialog_response (ui_test_find_dialog (), "cancel");
  ui_test_iterate_for (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* Corrected, it is applied like any typing. */
  gtk_editable_delete_text (GTK_EDITABLE (date), 5, -1);
  type_text (date, "05~");
  g_assert_cmpstr (ties_event_get_date (event), ==, "2019-05~");

  ties_window_discard_and_close (window);
  ui_test_iterate_until (no_windows, NULL);
}

/* Closing with both editors showing touches no widget after dispose:
 * the suite runs with G_DEBUG=fatal-criticals. */
static void
test_close_with_editors (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  TiesDiagramView *view;
  GtkWidget *title;

  select_event (window, "cook-call");
  title = event_editor_child (window, "title_row");
  gtk_widget_grab_focus (title);
  type_text (title, "!");
  ui_test_iterate_for (100);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate_until (no_windows, NULL);
  ui_test_iterate_for (100);

  window = ui_test_open_sample (app);
  view = TIES_DIAGRAM_VIEW (ui_test_find_child (GTK_WIDGET (window), TIES_TYPE_DIAGRAM_VIEW));
  select_event (window, "cook-call");
  ties_diagram_view_select_actor (view, "cook");
  ui_test_iterate_for (100);
  gtk_window_close (GTK_WINDOW (window));
  ui_test_iterate_until (no_windows, NULL);
  ui_test_iterate_for (100);
}

static void
edit_on_destroy (GtkWidget    *window,
                 TiesDocument *document)
{
  ties_history_set (ties_document_get_history (document),
                    ties_document_lookup_event (document, "cook-call"), "title", "Edited as it closes", NULL);
}

/* The document outlives its window (a save in flight holds it) and may
 * change while the window's widgets go: the window must not hear it. */
static void
test_document_outlives_window (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  g_autoptr(TiesDocument) document = g_object_ref (ties_window_get_document (window));

  select_event (window, "cook-call");
  g_signal_connect (window, "destroy", G_CALLBACK (edit_on_destroy), document);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate_until (no_windows, NULL);

  g_assert_cmpstr (ties_event_get_title (ties_document_lookup_event (document, "cook-call")), ==, "Edited as it closes");
  g_assert_true (ties_history_undo (ties_document_get_history (document)));
}

static gboolean
shortcuts_shown (gpointer data)
{
  GtkWindow *shortcuts = ui_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);

  return shortcuts != NULL && gtk_widget_get_mapped (GTK_WIDGET (shortcuts));
}

/* The Keyboard Shortcuts window is built when first asked for, not with
 * every window, and Ctrl+? and the menu still open it. */
static void
test_shortcuts_window (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  GtkWindow *shortcuts;

  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>question"));
  g_assert_null (ui_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  ui_test_iterate_until (shortcuts_shown, NULL);
  shortcuts = ui_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));

  /* Closed, it is hidden and shown again, the same one. */
  gtk_window_close (shortcuts);
  ui_test_iterate_for (50);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  ui_test_iterate_until (shortcuts_shown, NULL);
  g_assert_true (ui_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW) == shortcuts);

  /* And goes with its window. */
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate_for (50);
  g_assert_null (ui_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
}

/* A header button by its tooltip: the narrow and wide forms of a
 * control share their action but not their look. */
static gboolean
is_button_with_tooltip (GtkWidget     *widget,
                        gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static GtkWidget *
find_by_tooltip (GtkWidget  *widget,
                 const char *tooltip)
{
  return ui_test_find_matching (widget, is_button_with_tooltip, tooltip);
}

/* Every button shown lies wholly inside the window: none clipped. */
static void
assert_no_button_clipped (GtkWidget *window,
                          GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget))
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
      if (bounds.origin.x < -0.5 || bounds.origin.x + bounds.size.width > gtk_widget_get_width (window) + 0.5)
        g_error ("%s \"%s\" clipped: x %.0f to %.0f in a window %d wide", G_OBJECT_TYPE_NAME (widget),
                 gtk_widget_get_tooltip_text (widget), bounds.origin.x, bounds.origin.x + bounds.size.width,
                 gtk_widget_get_width (window));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_no_button_clipped (window, child);
}

/* Shown again at @width × @height: GTK 4 sizes a window as it is shown.
 * Asserts that the window took that width (a minimum above it would
 * refuse), then waits for the controls to follow it. */
static void
resize_window (TiesWindow *window,
               int         width,
               int         height)
{
  GdkSurface *surface;

  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_iterate_until (ui_test_is_mapped, window);
  /* Past the leaflet's folding or unfolding (250 ms). */
  ui_test_iterate_for (500);
  ui_test_wait_for_frame (GTK_WIDGET (window));
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_assert_cmpint (gdk_surface_get_width (surface), ==, width);
}

static gboolean
leaflet_shows_content (gpointer leaflet)
{
  return g_strcmp0 (adw_leaflet_get_visible_child_name (leaflet), "content") == 0
         && !adw_leaflet_get_child_transition_running (leaflet);
}

static gboolean
leaflet_shows_list (gpointer leaflet)
{
  return g_strcmp0 (adw_leaflet_get_visible_child_name (leaflet), "list") == 0
         && !adw_leaflet_get_child_transition_running (leaflet);
}

/* Whether @model, or a section of it, has an item for @action. */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_str_equal (name, action))
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_primary_menu_button (GtkWidget     *widget,
                        gconstpointer  data G_GNUC_UNUSED)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

/* Issue 14: at 360 px the list and the diagram fold into two pages,
 * a row opens the editor's page with one click, Back returns, and no
 * control is clipped; wide again, they stand side by side. */
static void
test_narrow_window (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  AdwLeaflet *leaflet = ADW_LEAFLET (ui_test_find_child (GTK_WIDGET (window), ADW_TYPE_LEAFLET));
  TiesEventList *list = TIES_EVENT_LIST (ui_test_find_child (GTK_WIDGET (window), TIES_TYPE_EVENT_LIST));
  TiesDocument *document = ties_window_get_document (window);
  GtkWidget *back = find_by_tooltip (GTK_WIDGET (window), "Back to the List");

  g_assert_nonnull (leaflet);
  g_assert_nonnull (back);

  resize_window (window, 1200, 780);
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_false (gtk_widget_get_visible (back));
  assert_no_button_clipped (GTK_WIDGET (window), GTK_WIDGET (window));

  /* Narrower than the two panes side by side, then half a small
   * laptop's screen and a phone's width. */
  resize_window (window, 800, 780);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  resize_window (window, 600, 800);
  assert_no_button_clipped (GTK_WIDGET (window), GTK_WIDGET (window));
  resize_window (window, 360, 720);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
  g_assert_false (gtk_widget_get_visible (back));
  assert_no_button_clipped (GTK_WIDGET (window), GTK_WIDGET (window));

  /* The header has no room for Undo and Redo: the main menu has them. */
  {
    GtkWidget *menu = ui_test_find_matching (GTK_WIDGET (window), is_primary_menu_button, NULL);

    g_assert_nonnull (menu);
    g_assert_true (gtk_widget_get_mapped (menu));
    /* Its menu is made as it first opens. */
    gtk_menu_button_popup (GTK_MENU_BUTTON (menu));
    ui_test_iterate_for (100);
    gtk_menu_button_popdown (GTK_MENU_BUTTON (menu));
    g_assert_nonnull (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu)));
    g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu)), "win.undo"));
    g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu)), "win.redo"));
  }

  /* A row opens the event's page; Back returns to the list. */
  g_signal_emit_by_name (list, "event-activated",
                         ties_document_lookup_event (document, "zuckerberg-call"), NULL);
  ui_test_iterate_until (leaflet_shows_content, leaflet);
  ui_test_iterate_for (100);
  ui_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_true (gtk_widget_get_mapped (back));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (ui_test_find_child (GTK_WIDGET (window), TIES_TYPE_EVENT_EDITOR))));
  assert_no_button_clipped (GTK_WIDGET (window), GTK_WIDGET (window));
  g_signal_emit_by_name (back, "clicked");
  ui_test_iterate_until (leaflet_shows_list, leaflet);

  /* Wide again: side by side, the wide header back. */
  resize_window (window, 1200, 780);
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_true (gtk_widget_get_mapped (find_by_tooltip (GTK_WIDGET (window), "Export the Diagram (Shift+Ctrl+E)")));
  assert_no_button_clipped (GTK_WIDGET (window), GTK_WIDGET (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
dialog_shown (gpointer type)
{
  GtkWindow *dialog = ui_test_find_toplevel (GPOINTER_TO_SIZE (type));

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

/* The dialog of @type, shown and drawn. */
static GtkWindow *
wait_for_dialog (GType type)
{
  GtkWindow *dialog;

  ui_test_iterate_until (dialog_shown, GSIZE_TO_POINTER (type));
  dialog = ui_test_find_toplevel (type);
  ui_test_iterate_for (100);
  ui_test_wait_for_frame (GTK_WIDGET (dialog));

  return dialog;
}

/* A dialog over a 360 px window is no wider than it, and none of its
 * buttons is cut off. Its content is measured: without a compositor, as
 * under Xvfb, GTK frames a window in 5 px a side to resize it by, which
 * a phone's compositor draws outside the window. */
static void
assert_dialog_fits (GtkWindow *dialog)
{
  int width = 0;
  int minimum = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dialog)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum = 0;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_minimum, NULL, NULL, NULL);
      width = MAX (width, gtk_widget_get_width (child));
      minimum = MAX (minimum, child_minimum);
    }
  if (width > 360 || minimum > 360)
    g_error ("%s: %d px wide, at least %d, over a window of 360", G_OBJECT_TYPE_NAME (dialog), width, minimum);
  assert_no_button_clipped (GTK_WIDGET (dialog), GTK_WIDGET (dialog));
  gtk_window_close (dialog);
  ui_test_iterate_for (100);
}

/* Issue 14: every dialog opened from a 360 px window fits beside it on
 * a phone's screen: the document's details, the kinds, the preferences,
 * an article's text, the export and the drafts to restore. */
static void
test_narrow_dialogs (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  TiesDocument *document = ties_window_get_document (window);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(TiesDrafts) drafts = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_dir_make_tmp ("ties-narrow-dialogs-XXXXXX", &error);

  g_assert_no_error (error);
  /* Folded first: the wide layout's minimum is wider than 360 px. */
  resize_window (window, 1200, 780);
  resize_window (window, 800, 780);
  resize_window (window, 360, 720);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.document-info", NULL));
  assert_dialog_fits (wait_for_dialog (TIES_TYPE_DOCUMENT_INFO_EDITOR));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-kinds", NULL));
  assert_dialog_fits (wait_for_dialog (TIES_TYPE_KINDS_EDITOR));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  assert_dialog_fits (wait_for_dialog (ADW_TYPE_PREFERENCES_WINDOW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  assert_dialog_fits (wait_for_dialog (TIES_TYPE_EXPORT_DIALOG));

  {
    g_autoptr(TiesSource) source = g_list_model_get_item (ties_document_get_sources (document), 0);

    ties_window_show_source (window, source);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-source-text", NULL));
  assert_dialog_fits (wait_for_dialog (TIES_TYPE_SOURCE_TEXT_DIALOG));

  /* Two drafts, one of a long title, as after a crash. */
  folder = g_file_new_for_path (path);
  drafts = ties_drafts_new (folder);
  bytes = ties_document_save_to_bytes (document, NULL);
  g_assert_true (ties_drafts_write (drafts, "a", bytes, NULL,
                                    "Ardern and the tech chiefs: the Christchurch Call, annotated a second time", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ties_drafts_write (drafts, "b", bytes, NULL, "Untitled", NULL, &error));
  g_assert_no_error (error);
  found = ties_drafts_list (drafts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  gtk_window_present (GTK_WINDOW (ties_restore_dialog_new (GTK_WINDOW (window), drafts, found, TRUE)));
  assert_dialog_fits (wait_for_dialog (TIES_TYPE_RESTORE_DIALOG));

  g_assert_true (ties_drafts_remove (drafts, "a", NULL) && ties_drafts_remove (drafts, "b", NULL));
  g_assert_no_errno (g_rmdir (path));
  resize_window (window, 1200, 780);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A window whose last size was narrow opens at that size, folded. */
static void
test_opens_narrow (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.tiesapp.Ties");
  TiesWindow *window;
  AdwLeaflet *leaflet;

  g_settings_set_int (settings, "window-width", 360);
  g_settings_set_int (settings, "window-height", 720);
  window = ties_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_iterate_until (ui_test_is_mapped, window);
  ui_test_iterate_for (300);
  ui_test_wait_for_frame (GTK_WIDGET (window));

  leaflet = ADW_LEAFLET (ui_test_find_child (GTK_WIDGET (window), ADW_TYPE_LEAFLET));
  g_assert_cmpint (gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window))), ==, 360);
  g_assert_false (adw_leaflet_get_can_unfold (leaflet));
  assert_no_button_clipped (GTK_WIDGET (window), GTK_WIDGET (window));

  /* A document opened in it: the list's page, still 360 px. */
  {
    g_autoptr(GFile) sample = g_file_new_for_path (SAMPLE);

    ties_window_open_file (window, sample);
  }
  ui_test_iterate_for (300);
  ui_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
  g_assert_cmpint (gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window))), ==, 360);
  assert_no_button_clipped (GTK_WIDGET (window), GTK_WIDGET (window));

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
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

  app = ui_test_application_new ("io.github.tiesapp.Ties.Test");

  g_test_add_func ("/window/first-frame-types", test_first_frame_types);
  g_test_add_func ("/window/empty", test_empty_window);
  g_test_add_func ("/window/open-sample", test_open_sample);
  g_test_add_func ("/window/edit-marks-modified", test_edit_marks_modified);
  g_test_add_func ("/window/delete-undo", test_delete_undo);
  g_test_add_func ("/window/save-and-reload", test_save_and_reload);
  g_test_add_func ("/window/broken-file", test_broken_file_keeps_document);
  g_test_add_func ("/window/unsaved-prompt", test_unsaved_prompt);
  g_test_add_func ("/window/layout-menu", test_layout_menu);
  g_test_add_func ("/window/colors-by-community", test_colors_by_community);
  g_test_add_func ("/window/date-filter", test_date_filter_reaches_diagram);
  g_test_add_func ("/window/quit-asks-once", test_quit_asks_once);
  g_test_add_func ("/window/save-changes-names-documents", test_save_changes_names_documents);
  g_test_add_func ("/window/delete-offers-undo", test_delete_offers_undo);
  g_test_add_func ("/window/cancel-large-layout", test_cancel_large_layout);
  g_test_add_func ("/window/typing-then-close", test_typing_then_close);
  g_test_add_func ("/window/typing-then-save", test_typing_then_save);
  g_test_add_func ("/window/typing-bursts-undo", test_typing_bursts_undo);
  g_test_add_func ("/window/typing-notes", test_typing_notes);
  g_test_add_func ("/window/typing-then-switch", test_typing_then_switch);
  g_test_add_func ("/window/invalid-date-close", test_invalid_date_close);
  g_test_add_func ("/window/close-with-editors", test_close_with_editors);
  g_test_add_func ("/window/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/window/narrow", test_narrow_window);
  g_test_add_func ("/window/opens-narrow", test_opens_narrow);
  g_test_add_func ("/window/narrow-dialogs", test_narrow_dialogs);
  g_test_add_func ("/window/document-outlives-window", test_document_outlives_window);
  g_test_add_func ("/window/relayout", test_relayout);

  return g_test_run ();
}
