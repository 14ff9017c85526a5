/* test-workspace.c: the annotation workspace of the window: articles in,
 * reader, list and editor together, and each following the others
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ties-application.h"
#include "ties-diagram-view.h"
#include "ties-event-editor.h"
#include "ties-event-list.h"
#include "ties-source-editor.h"
#include "ties-source-reader.h"
#include "ties-source-text-dialog.h"
#include "ties-window.h"
#include "ui-test-util.h"

#define ARTICLE TESTS_SRCDIR "/e2e/harbour-article.txt"
#define ARTICLE_TITLE "Harbour deal took shape over three weeks of calls"
#define PICTURE TOP_SRCDIR "/data/screenshots/main-window.png"

static TiesApplication *app;

static guint
n_sources (TiesWindow *window)
{
  return g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_sources (ties_window_get_document (window))));
}

static gboolean
has_source (gpointer data)
{
  return n_sources (data) > 0;
}

static TiesSourceReader *
find_reader (TiesWindow *window)
{
  return TIES_SOURCE_READER (ui_test_find_child (GTK_WIDGET (window), TIES_TYPE_SOURCE_READER));
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

static TiesWindow *
new_window (void)
{
  TiesWindow *window = ties_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_iterate_until (ui_test_is_mapped, window);

  return window;
}

/* An article file read into a new document: its first source, shown in
 * the reader, naming the document; one undo takes all of it back. */
static void
test_import_file (void)
{
  TiesWindow *window = new_window ();
  TiesDocument *document = ties_window_get_document (window);
  TiesSourceReader *reader;
  g_autoptr(GFile) file = g_file_new_for_path (ARTICLE);
  g_autoptr(TiesSource) source = NULL;

  g_assert_true (ties_window_is_article_file (file));
  ties_window_import_article (window, file);
  ui_test_iterate_until (has_source, window);
  /* The window builds the reader when it first shows it, if not yet. */
  reader = find_reader (window);
  g_assert_nonnull (reader);

  source = g_list_model_get_item (G_LIST_MODEL (ties_document_get_sources (document)), 0);
  g_assert_cmpstr (ties_source_get_title (source), ==, ARTICLE_TITLE);
  g_assert_true (g_str_has_prefix (ties_source_get_text (source), ARTICLE_TITLE));
  g_assert_cmpstr (ties_document_get_title (document), ==, ARTICLE_TITLE);
  g_assert_true (ties_source_reader_get_source (reader) == source);
  ui_test_iterate_for (50);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (reader)));
  g_assert_true (ties_window_get_modified (window));

  g_assert_true (ties_history_undo (ties_document_get_history (document)));
  g_assert_cmpuint (n_sources (window), ==, 0);
  g_assert_cmpstr (ties_document_get_title (document), ==, "");
  g_assert_false (ties_window_get_modified (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
n_events (TiesWindow *window)
{
  return g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_events (ties_window_get_document (window))));
}

/* A spreadsheet's table of events, opened or dropped like an article:
 * its bad cell adds nothing and is named by row and column; the dialog
 * offers the other rows, which come in as one step of undo. */
static void
test_import_table (void)
{
  TiesWindow *window = new_window ();
  TiesDocument *document = ties_window_get_document (window);
  g_autoptr(GFile) file = g_file_new_for_path (TESTS_SRCDIR "/data/csv/events.csv");
  AdwMessageDialog *dialog;

  g_assert_true (ties_window_is_article_file (file));
  ties_window_import_article (window, file);
  ui_test_iterate_until (ui_test_dialog_shown, NULL);
  dialog = ui_test_find_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "events.csv"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "events.csv:4:2:"));
  g_assert_cmpuint (n_events (window), ==, 0);
  g_assert_false (ties_window_get_modified (window));

  adw_message_dialog_response (dialog, "skip");
  ui_test_iterate_for (50);
  g_assert_cmpuint (n_events (window), ==, 3);
  g_assert_nonnull (ties_document_lookup_event (document, "hui-waitangi"));
  g_assert_true (ties_window_get_modified (window));

  g_assert_true (ties_history_undo (ties_document_get_history (document)));
  g_assert_cmpuint (n_events (window), ==, 0);

  ui_test_close_dialogs ();
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A picture is no article: a message names it, and nothing is added. */
static void
test_import_binary (void)
{
  TiesWindow *window = new_window ();
  g_autoptr(GFile) file = g_file_new_for_path (PICTURE);
  g_autoptr(GFile) renamed = NULL;
  AdwMessageDialog *dialog;

  /* Named like an article, so only its content can tell. */
  {
    g_autofree char *path = g_build_filename (g_get_tmp_dir (), "ties-test-not-an-article.txt", NULL);
    g_autoptr(GFile) copy = g_file_new_for_path (path);

    g_assert_true (g_file_copy (file, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
    renamed = g_steal_pointer (&copy);
  }

  ties_window_import_article (window, renamed);
  ui_test_iterate_until (ui_test_dialog_shown, NULL);
  dialog = ui_test_find_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "ties-test-not-an-article.txt"));
  g_assert_cmpuint (n_sources (window), ==, 0);
  g_assert_false (ties_window_get_modified (window));

  ui_test_close_dialogs ();
  g_file_delete (renamed, NULL, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Text on the clipboard, pasted into an empty document. */
static void
test_paste (void)
{
  TiesWindow *window = new_window ();
  g_autofree char *text = NULL;
  g_autoptr(TiesSource) source = NULL;

  g_assert_true (g_file_get_contents (ARTICLE, &text, NULL, NULL));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (window)), text);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.paste-article", NULL));
  ui_test_iterate_until (has_source, window);

  source = g_list_model_get_item (G_LIST_MODEL (ties_document_get_sources (ties_window_get_document (window))), 0);
  g_assert_cmpstr (ties_source_get_title (source), ==, ARTICLE_TITLE);
  g_assert_nonnull (strstr (ties_source_get_text (source), "Tomás Ruiz"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static TiesEvent *
selected_event (TiesWindow *window)
{
  TiesEventList *list = TIES_EVENT_LIST (ui_test_find_child (GTK_WIDGET (window), TIES_TYPE_EVENT_LIST));

  return ties_event_list_get_selected_event (list);
}

/* At 1366×768 the article, the events and the editor of the selected
 * event are on screen together; a highlight clicked selects its event,
 * and an event selected in the list scrolls the reader to its quote. */

/* The reader and the editor shown side by side, at their working size. */
static gboolean
workspace_laid_out (gpointer data)
{
  GtkWidget **panes = data;

  for (guint i = 0; i < 2; i++)
    if (!gtk_widget_get_mapped (panes[i]) || gtk_widget_get_width (panes[i]) < 400
        || gtk_widget_get_height (panes[i]) < 100)
      return FALSE;

  return TRUE;
}

static void
test_workspace_follows (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  TiesDocument *document = ties_window_get_document (window);
  TiesSourceReader *reader = find_reader (window);
  GtkStack *view_stack = find_stack_with_page (GTK_WIDGET (window), "source");
  TiesEventList *list = TIES_EVENT_LIST (ui_test_find_child (GTK_WIDGET (window), TIES_TYPE_EVENT_LIST));
  GtkWidget *editor;
  TiesEvent *call = ties_document_lookup_event (document, "zuckerberg-call");
  TiesEvent *dinner = ties_document_lookup_event (document, "davos-dinner");
  g_autoptr(TiesEvidence) quote = g_list_model_get_item (G_LIST_MODEL (ties_event_get_evidence (dinner)), 0);
  glong start, end;

  gtk_window_unmaximize (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  g_assert_nonnull (view_stack);
  /* An event chosen while the diagram is shown: switching to the Source
   * view shows its quote. */
  ties_event_list_select_event (list, dinner);
  ui_test_iterate_for (50);
  /* The window builds the editor when it first shows one. */
  editor = ui_test_find_child (GTK_WIDGET (window), TIES_TYPE_EVENT_EDITOR);
  g_assert_nonnull (editor);
  gtk_stack_set_visible_child_name (view_stack, "source");
  ui_test_iterate_for (200);
  g_assert_true (ties_source_reader_get_selection (reader, &start, &end));
  g_assert_cmpint (start, ==, ties_evidence_get_start (quote));
  g_assert_cmpint (end, ==, ties_evidence_get_end (quote));

  g_signal_emit_by_name (reader, "event-activated", call);
  /* Until the panes have their size: a fixed wait is too short under ASan. */
  ui_test_iterate_until (workspace_laid_out, (GtkWidget *[]) { GTK_WIDGET (reader), editor });
  g_assert_true (selected_event (window) == call);
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (reader)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (reader)), >=, 400);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (reader)), >=, 200);
  g_assert_cmpint (gtk_widget_get_width (editor), >=, 400);
  g_assert_true (ties_source_reader_get_selected_event (reader) == call);

  ties_event_list_select_event (list, dinner);
  ui_test_iterate_for (50);
  g_assert_true (ties_source_reader_get_selection (reader, &start, &end));
  g_assert_cmpint (start, ==, ties_evidence_get_start (quote));
  g_assert_cmpint (end, ==, ties_evidence_get_end (quote));

  gtk_window_destroy (GTK_WINDOW (window));
}

static TiesSourceTextDialog *
find_text_dialog (void)
{
  return ui_test_find_toplevel (TIES_TYPE_SOURCE_TEXT_DIALOG);
}

static gboolean
text_dialog_shown (gpointer data)
{
  return find_text_dialog () != NULL;
}

/* A corrected transcription through the window: words put in front move
 * every quote; a quote deleted is orphaned with its words kept; one undo
 * takes the whole correction back. */
static void
test_edit_source_text (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  TiesDocument *document = ties_window_get_document (window);
  TiesHistory *history = ties_document_get_history (document);
  TiesEvent *call = ties_document_lookup_event (document, "zuckerberg-call");
  g_autoptr(TiesEvidence) quote = g_list_model_get_item (G_LIST_MODEL (ties_event_get_evidence (call)), 0);
  g_autoptr(TiesSource) source = g_list_model_get_item (G_LIST_MODEL (ties_document_get_sources (document)), 0);
  g_autofree char *original = g_strdup (ties_source_get_text (source));
  g_autofree char *exact = g_strdup (ties_evidence_get_exact (quote));
  guint start = ties_evidence_get_start (quote);
  TiesSourceTextDialog *dialog;
  GtkTextBuffer *buffer;
  GtkTextIter iter, end;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-source-text", NULL));
  ui_test_iterate_until (text_dialog_shown, NULL);
  dialog = find_text_dialog ();
  buffer = ties_source_text_dialog_get_buffer (dialog);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  gtk_text_buffer_insert (buffer, &iter, "Corrected: ", -1);
  ties_source_text_dialog_apply (dialog);

  g_assert_true (g_str_has_prefix (ties_source_get_text (source), "Corrected: "));
  g_assert_cmpuint (ties_evidence_get_start (quote), ==, start + 11);
  g_assert_cmpint (ties_evidence_get_status (quote), !=, TIES_EVIDENCE_ORPHANED);
  g_assert_cmpuint (ties_document_count_orphaned (document), ==, 0);

  /* The quote's words taken out: kept, and flagged. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-source-text", NULL));
  ui_test_iterate_until (text_dialog_shown, NULL);
  dialog = find_text_dialog ();
  buffer = ties_source_text_dialog_get_buffer (dialog);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, ties_evidence_get_start (quote));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, ties_evidence_get_end (quote));
  gtk_text_buffer_delete (buffer, &iter, &end);
  ties_source_text_dialog_apply (dialog);

  g_assert_cmpint (ties_evidence_get_status (quote), ==, TIES_EVIDENCE_ORPHANED);
  g_assert_cmpstr (ties_evidence_get_exact (quote), ==, exact);

  g_assert_true (ties_history_undo (history));
  g_assert_cmpint (ties_evidence_get_status (quote), !=, TIES_EVIDENCE_ORPHANED);
  g_assert_true (ties_history_undo (history));
  g_assert_cmpstr (ties_source_get_text (source), ==, original);
  g_assert_cmpuint (ties_evidence_get_start (quote), ==, start);
  g_assert_false (ties_window_get_modified (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* An event from selected words takes its participants and the date of
 * the phrase in them, read against the publication date, and an id made
 * from its title and month. */
static void
test_event_from_selection (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  TiesDocument *document = ties_window_get_document (window);
  TiesSourceReader *reader = find_reader (window);
  TiesSource *source = ties_source_reader_get_source (reader);
  const char *words = "Ardern managed to speak to Facebook boss Mark Zuckerberg on April 17";
  const char *found = strstr (ties_source_get_text (source), words);
  glong start, end;
  TiesEvent *event;
  g_autoptr(TiesEvidence) evidence = NULL;
  guint n_events = g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_events (document)));

  g_assert_nonnull (found);
  start = ties_source_byte_to_offset (source, found - ties_source_get_text (source));
  end = start + g_utf8_strlen (words, -1);
  ties_source_reader_select_range (reader, start, end);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.new-event", NULL));
  ui_test_iterate_for (100);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_events (document))), ==, n_events + 1);
  event = selected_event (window);
  g_assert_nonnull (event);
  g_assert_cmpstr (ties_event_get_date (event), ==, "2019-04-17");
  g_assert_cmpstr (ties_event_get_date_phrase (event), ==, "on April 17");
  g_assert_true (g_str_has_suffix (ties_event_get_id (event), "-april"));
  g_assert_true (g_strv_contains (ties_event_get_participants (event), "ardern"));
  g_assert_true (g_strv_contains (ties_event_get_participants (event), "zuckerberg"));
  evidence = g_list_model_get_item (G_LIST_MODEL (ties_event_get_evidence (event)), 0);
  g_assert_cmpint (ties_evidence_get_start (evidence), ==, start);
  g_assert_cmpint (ties_evidence_get_end (evidence), ==, end);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The layout menu's toggle reaches the diagram, which is not its parent. */
static void
test_mark_weak_ties_action (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  TiesDiagramView *view = TIES_DIAGRAM_VIEW (ui_test_find_child (GTK_WIDGET (window), TIES_TYPE_DIAGRAM_VIEW));
  gboolean before = ties_diagram_view_get_mark_weak_ties (view);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "view.mark-weak-ties", NULL));
  g_assert_true (ties_diagram_view_get_mark_weak_ties (view) == !before);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "view.mark-weak-ties", NULL));
  g_assert_true (ties_diagram_view_get_mark_weak_ties (view) == before);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A publication date typed that is not valid is not in the document:
 * closing says so, as it does for an event's date. */
static void
test_source_date_close (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  GtkStack *side_stack = find_stack_with_page (GTK_WIDGET (window), "sources");
  GtkWidget *editor;
  GtkWidget *row;
  AdwMessageDialog *dialog;

  gtk_stack_set_visible_child_name (side_stack, "sources");
  ui_test_iterate_for (100);
  /* The Sources tab selects its source: the window builds the editor. */
  editor = ui_test_find_child (GTK_WIDGET (window), TIES_TYPE_SOURCE_EDITOR);
  g_assert_nonnull (editor);
  row = GTK_WIDGET (gtk_widget_get_template_child (editor, TIES_TYPE_SOURCE_EDITOR, "published_row"));
  gtk_editable_set_text (GTK_EDITABLE (row), "2019-13-45");
  ui_test_iterate_for (50);
  g_assert_false (ties_window_get_modified (window));

  gtk_window_close (GTK_WINDOW (window));
  ui_test_iterate_until (ui_test_dialog_shown, NULL);
  dialog = ui_test_find_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2019-13-45"));

  ui_test_close_dialogs ();
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

  g_test_add_func ("/workspace/import-file", test_import_file);
  g_test_add_func ("/workspace/import-binary", test_import_binary);
  g_test_add_func ("/workspace/import-table", test_import_table);
  g_test_add_func ("/workspace/paste", test_paste);
  g_test_add_func ("/workspace/follows", test_workspace_follows);
  g_test_add_func ("/workspace/edit-source-text", test_edit_source_text);
  g_test_add_func ("/workspace/event-from-selection", test_event_from_selection);
  g_test_add_func ("/workspace/mark-weak-ties", test_mark_weak_ties_action);
  g_test_add_func ("/workspace/source-date-close", test_source_date_close);

  return g_test_run ();
}
