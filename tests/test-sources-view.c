/* test-sources-view.c: the sources view, the source, kinds and document
 * editors, on the sample and on small documents, under Xvfb
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "ties-document.h"
#include "ties-document-io.h"
#include "ties-document-info-editor.h"
#include "ties-kinds-editor.h"
#include "ties-source-editor.h"
#include "ties-sources-view.h"
#include "ties-suggest.h"
#include "ui-test-util.h"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

/* Every widget of @type below @widget, depth first, in tree order. */
static GPtrArray *
find_all (GtkWidget *widget,
          GType      type)
{
  GPtrArray *found = g_ptr_array_new ();
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, widget);
  while (stack->len > 0)
    {
      GtkWidget *current = g_ptr_array_steal_index (stack, stack->len - 1);
      g_autoptr(GPtrArray) children = g_ptr_array_new ();

      if (current != widget && G_TYPE_CHECK_INSTANCE_TYPE (current, type))
        g_ptr_array_add (found, current);

      for (GtkWidget *child = gtk_widget_get_first_child (current); child; child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (children, child);
      for (guint i = children->len; i > 0; i--)
        g_ptr_array_add (stack, g_ptr_array_index (children, i - 1));
    }

  return found;
}

/* The first widget of @type below @widget. */
static gpointer
find_first (GtkWidget *widget,
            GType      type)
{
  g_autoptr(GPtrArray) found = find_all (widget, type);

  g_assert_cmpuint (found->len, >, 0);
  return g_ptr_array_index (found, 0);
}

/* The preferences row titled @title, below @widget. */
static GtkWidget *
find_row (GtkWidget  *widget,
          GType       type,
          const char *title)
{
  g_autoptr(GPtrArray) rows = find_all (widget, type);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title) == 0)
      return g_ptr_array_index (rows, i);

  g_error ("No row titled “%s”", title);
  return NULL;
}

/* The mapped label below @widget whose text is @text, or NULL. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(GPtrArray) labels = find_all (widget, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_str_equal (gtk_label_get_text (g_ptr_array_index (labels, i)), text))
      return g_ptr_array_index (labels, i);

  return NULL;
}

/* Counted from the file itself, not through the model under test. */
static guint
count_sample_evidence (const char *source_id)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *events;
  guint n = 0;

  json_parser_load_from_file (parser, TEST_SAMPLE_PATH, &error);
  g_assert_no_error (error);

  events = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "events");
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);
      JsonArray *evidence;

      if (!json_object_has_member (event, "evidence"))
        continue;
      evidence = json_object_get_array_member (event, "evidence");
      for (guint j = 0; j < json_array_get_length (evidence); j++)
        if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (evidence, j), "source"),
                       source_id) == 0)
          n++;
    }

  return n;
}

static GtkWindow *
present (GtkWidget *child,
         int        width,
         int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  ui_test_wait_for_frame (child);

  return window;
}

static void
destroy_and_check (GtkWindow    *window,
                   TiesDocument *document)
{
  gtk_window_destroy (window);
  ui_test_iterate_pending ();
  g_assert_finalize_object (document);
}

/* ------------------------------------------------------------------------ */
/* The sources view                                                         */

typedef struct
{
  guint       n_source_activated;
  TiesSource *source;
  guint       n_created;
  TiesEvent  *created;
  gboolean    edit;
  guint       n_suggestion_activated;
  gpointer    suggestion;
} Signals;

static void
on_source_activated (Signals    *signals,
                     TiesSource *source)
{
  signals->n_source_activated++;
  signals->source = source;
}

static void
on_event_created (TiesSourcesView *view G_GNUC_UNUSED,
                  TiesEvent       *event,
                  gboolean         edit,
                  Signals         *signals)
{
  signals->n_created++;
  signals->created = event;
  signals->edit = edit;
}

static void
on_suggestion_activated (Signals  *signals,
                         gpointer  suggestion)
{
  signals->n_suggestion_activated++;
  signals->suggestion = suggestion;
}

static void
test_counts (void)
{
  TiesDocument *document = test_load_sample ();
  TiesSourcesView *view = TIES_SOURCES_VIEW (ties_sources_view_new ());
  TiesSource *source;
  TiesEvidence *evidence = NULL;
  g_autofree char *expected = NULL;
  GListModel *events;
  GtkWindow *window;
  GtkLabel *orphaned;
  guint n;

  ties_sources_view_set_document (view, document);
  window = present (GTK_WIDGET (view), 480, 720);

  source = ties_sources_view_get_selected_source (view);
  g_assert_nonnull (source);
  g_assert_cmpstr (ties_source_get_id (source), ==, "herald-2019-09");

  /* The row: title, publisher and the publication week for people, and
   * every evidence item of the file that cites the source. */
  n = count_sample_evidence ("herald-2019-09");
  g_assert_cmpuint (n, >, 20);
  expected = g_strdup_printf ("%u evidence items", n);
  g_assert_nonnull (find_label (GTK_WIDGET (view), ties_source_get_title (source)));
  g_assert_nonnull (find_label (GTK_WIDGET (view), "NZ Herald · 2–8 September 2019"));
  g_assert_nonnull (find_label (GTK_WIDGET (view), expected));
  orphaned = find_label (GTK_WIDGET (view), "0 orphaned");
  g_assert_nonnull (orphaned);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (orphaned)));

  /* An item whose words are no longer in the text, as re-anchoring
   * leaves it, counts as orphaned, in the warning style. */
  events = G_LIST_MODEL (ties_document_get_events (document));
  for (guint i = 0; evidence == NULL && i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (events, i);

      if (g_list_model_get_n_items (G_LIST_MODEL (ties_event_get_evidence (event))) > 0)
        evidence = g_list_model_get_item (G_LIST_MODEL (ties_event_get_evidence (event)), 0);
    }
  g_assert_nonnull (evidence);
  ties_history_set (ties_document_get_history (document), evidence,
                    "exact", "words the article never had",
                    "status", TIES_EVIDENCE_ORPHANED,
                    NULL);
  orphaned = find_label (GTK_WIDGET (view), "1 orphaned");
  g_assert_nonnull (orphaned);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (orphaned)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (orphaned), "warning"));
  g_assert_nonnull (find_label (GTK_WIDGET (view), expected));
  ui_test_save_png (GTK_WIDGET (view), "sources-view.png");

  g_assert_true (ties_history_undo (ties_document_get_history (document)));
  g_assert_null (find_label (GTK_WIDGET (view), "1 orphaned"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_label (GTK_WIDGET (view), "0 orphaned"))));

  /* A title edited shows at once. */
  ties_history_set (ties_document_get_history (document), source, "title", "Dorsey in Wellington", NULL);
  g_assert_nonnull (find_label (GTK_WIDGET (view), "Dorsey in Wellington"));

  g_object_unref (evidence);
  destroy_and_check (window, document);
}

static void
test_empty_state (void)
{
  TiesDocument *document = ties_document_new ();
  TiesSourcesView *view = TIES_SOURCES_VIEW (ties_sources_view_new ());
  g_autoptr(TiesSource) source = ties_source_new ("harbour");
  Signals signals = { 0 };
  GtkWindow *window;
  GtkStack *stack;
  AdwStatusPage *status;
  GtkButton *button;

  g_signal_connect_swapped (view, "source-activated", G_CALLBACK (on_source_activated), &signals);
  ties_sources_view_set_document (view, document);
  window = present (GTK_WIDGET (view), 480, 600);

  stack = GTK_STACK (gtk_widget_get_first_child (GTK_WIDGET (view)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  status = ADW_STATUS_PAGE (gtk_stack_get_visible_child (stack));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "No Sources");
  g_assert_cmpstr (adw_status_page_get_description (status), ==,
                   "Paste an article (Ctrl+V) or drop a .txt, .md or .html file");
  button = GTK_BUTTON (find_first (GTK_WIDGET (status), GTK_TYPE_BUTTON));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.import-article");
  ui_test_save_png (GTK_WIDGET (view), "sources-view-empty.png");

  /* A source pasted: the list, with the source selected and nothing
   * said, since the person did not choose it. */
  ties_source_set_title (source, "Harbour talks");
  ties_document_add_source (document, source);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "sources");
  g_assert_true (ties_sources_view_get_selected_source (view) == source);
  g_assert_cmpuint (signals.n_source_activated, ==, 0);
  ui_test_wait_for_frame (GTK_WIDGET (view));
  g_assert_nonnull (find_label (GTK_WIDGET (view), "Harbour talks"));
  g_assert_nonnull (find_label (GTK_WIDGET (view), "No publisher or date"));
  g_assert_nonnull (find_label (GTK_WIDGET (view), "0 evidence items"));

  /* Activating the row tells. */
  g_signal_emit_by_name (find_first (GTK_WIDGET (view), GTK_TYPE_LIST_VIEW), "activate", 0);
  g_assert_cmpuint (signals.n_source_activated, ==, 1);
  g_assert_true (signals.source == source);

  /* The window selecting a source (for the reader's) is not told back. */
  {
    g_autoptr(TiesSource) second = ties_source_new ("second");

    ties_document_add_source (document, second);
    ties_sources_view_select_source (view, second);
    g_assert_true (ties_sources_view_get_selected_source (view) == second);
    g_assert_cmpuint (signals.n_source_activated, ==, 1);
    /* The person choosing one is. */
    gtk_selection_model_select_item (gtk_list_view_get_model (find_first (GTK_WIDGET (view), GTK_TYPE_LIST_VIEW)),
                                     0, TRUE);
    g_assert_cmpuint (signals.n_source_activated, ==, 2);
    g_assert_true (signals.source == source);
    g_assert_true (ties_history_undo (ties_document_get_history (document)));
    g_assert_true (ties_sources_view_get_selected_source (view) == source);
  }

  g_assert_true (ties_history_undo (ties_document_get_history (document)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  destroy_and_check (window, document);
}

/* Two actors and a short article that tells of three contacts. */
static TiesDocument *
new_article_document (TiesSource **source_out)
{
  TiesDocument *document = ties_document_new ();
  g_autoptr(TiesActor) ardern = ties_actor_new ("ardern", "Jacinda Ardern", TIES_ACTOR_PERSON);
  g_autoptr(TiesActor) dorsey = ties_actor_new ("dorsey", "Jack Dorsey", TIES_ACTOR_PERSON);
  g_autoptr(TiesSource) source = ties_source_new ("harbour");

  ties_source_set_title (source, "Harbour talks");
  ties_source_set_publisher (source, "The Harbour Times");
  ties_source_set_published (source, "2019-09-06");
  ties_source_set_text (source,
                        "Jacinda Ardern met Jack Dorsey in Wellington on Thursday.\n\n"
                        "Jacinda Ardern phoned Jack Dorsey on April 17 to ask for his help.\n\n"
                        "Jack Dorsey emailed Jacinda Ardern in May.\n");
  ties_document_add_actor (document, ardern);
  ties_document_add_actor (document, dorsey);
  ties_document_add_source (document, source);
  ties_history_clear (ties_document_get_history (document));

  *source_out = source;
  return document;
}

static guint
n_proposal_rows (TiesSourcesView *view)
{
  g_autoptr(GPtrArray) rows = find_all (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW);

  return rows->len;
}

static void
test_proposals (void)
{
  TiesSource *source = NULL;
  TiesDocument *document = new_article_document (&source);
  TiesSourcesView *view = TIES_SOURCES_VIEW (ties_sources_view_new ());
  TiesHistory *history = ties_document_get_history (document);
  Signals signals = { 0 };
  GPtrArray *suggestions;
  TiesSuggestion *first;
  g_autofree char *exact = NULL;
  GtkListBoxRow *row;
  GtkWindow *window;
  guint n_before;

  g_signal_connect (view, "event-created", G_CALLBACK (on_event_created), &signals);
  g_signal_connect_swapped (view, "suggestion-activated", G_CALLBACK (on_suggestion_activated), &signals);
  ties_sources_view_set_document (view, document);
  window = present (GTK_WIDGET (view), 480, 720);

  suggestions = ties_sources_view_get_suggestions (view);
  g_assert_cmpuint (suggestions->len, >=, 2);
  n_before = suggestions->len;
  g_assert_cmpuint (n_proposal_rows (view), ==, n_before);
  first = g_ptr_array_index (suggestions, 0);
  g_assert_cmpstr (first->source, ==, "harbour");
  g_assert_nonnull (find_label (GTK_WIDGET (view), first->title));
  ui_test_save_png (GTK_WIDGET (view), "sources-view-proposals.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  /* The window, whose background is the dark one. */
  ui_test_save_png (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (view))), "sources-view-proposals-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* Activating a row names its proposal, for the reader to show. */
  row = GTK_LIST_BOX_ROW (find_first (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW));
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (row)), "row-activated", row);
  g_assert_cmpuint (signals.n_suggestion_activated, ==, 1);
  g_assert_true (signals.suggestion == first);

  /* Accept: an event with the proposal's words as evidence, and the
   * proposal is gone. */
  exact = g_strdup (first->exact);
  gtk_widget_activate_action (GTK_WIDGET (view), "sources-view.accept-suggestion", "u", 0);
  g_assert_cmpuint (signals.n_created, ==, 1);
  g_assert_false (signals.edit);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_events (document))), ==, 1);
  {
    g_autoptr(TiesEvidence) evidence = g_list_model_get_item (G_LIST_MODEL (ties_event_get_evidence (signals.created)), 0);

    g_assert_cmpstr (ties_evidence_get_exact (evidence), ==, exact);
    g_assert_cmpstr (ties_evidence_get_source (evidence), ==, "harbour");
    g_assert_true (ties_event_has_participant (signals.created, "ardern"));
    g_assert_true (ties_event_has_participant (signals.created, "dorsey"));
  }
  suggestions = ties_sources_view_get_suggestions (view);
  g_assert_cmpuint (suggestions->len, ==, n_before - 1);
  for (guint i = 0; i < suggestions->len; i++)
    g_assert_cmpstr (((TiesSuggestion *) g_ptr_array_index (suggestions, i))->exact, !=, exact);
  /* The source row counts the new evidence. */
  g_assert_nonnull (find_label (GTK_WIDGET (view), "1 evidence item"));

  /* Dismiss: remembered by the source, the row goes. */
  g_clear_pointer (&exact, g_free);
  exact = g_strdup (((TiesSuggestion *) g_ptr_array_index (suggestions, 0))->exact);
  gtk_widget_activate_action (GTK_WIDGET (view), "sources-view.dismiss-suggestion", "u", 0);
  g_assert_true (ties_source_is_dismissed (source, exact));
  suggestions = ties_sources_view_get_suggestions (view);
  g_assert_cmpuint (suggestions->len, ==, n_before - 2);
  g_assert_cmpuint (n_proposal_rows (view), ==, n_before - 2);

  /* Undo the dismissal, then the acceptance: both come back once the
   * edits settle. */
  g_assert_true (ties_history_undo (history));
  g_assert_cmpuint (ties_sources_view_get_suggestions (view)->len, ==, n_before - 1);
  g_assert_true (ties_history_undo (history));
  g_assert_cmpuint (ties_sources_view_get_suggestions (view)->len, ==, n_before);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_events (document))), ==, 0);
  /* And the list follows by itself. */
  while (n_proposal_rows (view) != n_before)
    g_main_context_iteration (NULL, TRUE);

  /* Accept and edit says so. */
  gtk_widget_activate_action (GTK_WIDGET (view), "sources-view.edit-suggestion", "u", 1);
  g_assert_cmpuint (signals.n_created, ==, 2);
  g_assert_true (signals.edit);
  g_assert_true (ties_history_undo (history));

  /* A row clicked before an edit settles still means what it showed. */
  while (n_proposal_rows (view) != n_before)
    g_main_context_iteration (NULL, TRUE);
  g_clear_pointer (&exact, g_free);
  exact = g_strdup (((TiesSuggestion *) g_ptr_array_index (ties_sources_view_get_suggestions (view), 2))->exact);
  ties_history_set (history, source, "title", "Harbour talks, updated", NULL);
  gtk_widget_activate_action (GTK_WIDGET (view), "sources-view.accept-suggestion", "u", 2);
  g_assert_cmpuint (signals.n_created, ==, 3);
  {
    g_autoptr(TiesEvidence) evidence = g_list_model_get_item (G_LIST_MODEL (ties_event_get_evidence (signals.created)), 0);

    g_assert_cmpstr (ties_evidence_get_exact (evidence), ==, exact);
  }

  destroy_and_check (window, document);
}

static void
test_no_actors (void)
{
  TiesDocument *document = ties_document_new ();
  g_autoptr(TiesSource) source = ties_source_new ("harbour");
  TiesSourcesView *view = TIES_SOURCES_VIEW (ties_sources_view_new ());
  GtkWindow *window;

  ties_source_set_text (source, "Jacinda Ardern met Jack Dorsey in Wellington on Thursday.");
  ties_document_add_source (document, source);
  ties_sources_view_set_document (view, document);
  window = present (GTK_WIDGET (view), 480, 600);

  /* Proposals name known actors: none yet, and the view says why. */
  g_assert_cmpuint (ties_sources_view_get_suggestions (view)->len, ==, 0);
  g_assert_nonnull (find_label (GTK_WIDGET (view),
                                "Add the actors the article names, and Ties proposes the events it finds between them"));

  destroy_and_check (window, document);
}

/* ------------------------------------------------------------------------ */
/* The source editor                                                        */

static void
test_source_editor (void)
{
  TiesDocument *document = test_load_sample ();
  TiesHistory *history = ties_document_get_history (document);
  TiesSourceEditor *editor = TIES_SOURCE_EDITOR (ties_source_editor_new ());
  TiesSource *source = ties_document_lookup_source (document, "herald-2019-09");
  g_autofree char *title = g_strdup (ties_source_get_title (source));
  g_autofree char *unapplied = NULL;
  GtkWidget *title_row;
  GtkWidget *published_row;
  GtkWindow *window;

  ties_source_editor_set_document (editor, document);
  ties_source_editor_set_source (editor, source);
  window = present (GTK_WIDGET (editor), 560, 900);

  title_row = find_row (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Title");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, title);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Publisher"))),
                   ==, "NZ Herald");
  g_assert_nonnull (find_label (GTK_WIDGET (editor), "2–8 September 2019"));

  /* Typed: applied at once, one step of undo. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Dorsey visits");
  g_assert_cmpstr (ties_source_get_title (source), ==, "Dorsey visits");
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Dorsey visits Wellington");
  g_assert_cmpstr (ties_source_get_title (source), ==, "Dorsey visits Wellington");
  g_signal_emit_by_name (title_row, "entry-activated");
  g_assert_true (ties_history_undo (history));
  g_assert_cmpstr (ties_source_get_title (source), ==, title);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, title);
  g_assert_true (ties_history_redo (history));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, "Dorsey visits Wellington");

  /* A date that is not valid is shown as such and not applied. */
  published_row = find_row (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Published (EDTF)");
  gtk_editable_set_text (GTK_EDITABLE (published_row), "2019-13");
  g_assert_cmpstr (ties_source_get_published (source), ==, "2019-09-02/2019-09-08");
  g_assert_true (gtk_widget_has_css_class (published_row, "error"));
  unapplied = ties_source_editor_get_unapplied_text (editor);
  g_assert_nonnull (unapplied);
  g_assert_nonnull (strstr (unapplied, "2019-13"));
  ui_test_save_png (GTK_WIDGET (editor), "source-editor.png");

  gtk_editable_set_text (GTK_EDITABLE (published_row), "2019-09-03");
  g_assert_cmpstr (ties_source_get_published (source), ==, "2019-09-03");
  g_assert_false (gtk_widget_has_css_class (published_row, "error"));
  g_assert_null (ties_source_editor_get_unapplied_text (editor));
  g_assert_nonnull (find_label (GTK_WIDGET (editor), "3 September 2019"));
  g_signal_emit_by_name (published_row, "entry-activated");
  g_assert_true (ties_history_undo (history));
  g_assert_cmpstr (ties_source_get_published (source), ==, "2019-09-02/2019-09-08");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (published_row)), ==, "2019-09-02/2019-09-08");

  /* Emptied: an unknown date, not an empty string. */
  gtk_editable_set_text (GTK_EDITABLE (published_row), "");
  g_assert_null (ties_source_get_published (source));

  ties_source_editor_set_source (editor, NULL);
  destroy_and_check (window, document);
}

/* ------------------------------------------------------------------------ */
/* The kinds editor                                                         */

static void
test_kinds_editor (void)
{
  TiesDocument *document = test_load_sample ();
  TiesHistory *history = ties_document_get_history (document);
  GtkWidget *editor = ties_kinds_editor_new (NULL, document);
  g_autoptr(GPtrArray) rows = NULL;
  TiesEventKind *kind;
  GtkWidget *new_row;
  GtkWidget *meeting_row = NULL;
  GtkWidget *color;
  GdkRGBA red = { 1.f, 0.f, 0.f, 1.f };
  guint n_rows;

  gtk_window_present (GTK_WINDOW (editor));
  ui_test_wait_for_frame (editor);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));

  /* Every kind once: the built-in ones and the sample's own two. */
  rows = find_all (editor, ADW_TYPE_ENTRY_ROW);
  n_rows = rows->len;
  g_assert_cmpuint (n_rows, ==, g_list_model_get_n_items (ties_event_kind_get_builtins ()) + 2 + 1);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (g_object_get_data (g_ptr_array_index (rows, i), "kind-id"), "meeting") == 0)
      meeting_row = g_ptr_array_index (rows, i);
  g_assert_nonnull (meeting_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (meeting_row)), ==, "Meeting");

  /* "Workshop", added as one step, is looked up by the id made from it. */
  new_row = find_row (editor, ADW_TYPE_ENTRY_ROW, "Name of a New Kind");
  gtk_editable_set_text (GTK_EDITABLE (new_row), "Workshop");
  g_signal_emit_by_name (new_row, "apply");
  kind = ties_document_lookup_event_kind (document, "workshop");
  g_assert_nonnull (kind);
  g_assert_cmpstr (ties_event_kind_get_label (kind), ==, "Workshop");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (new_row)), ==, "");
  g_ptr_array_unref (rows);
  rows = find_all (editor, ADW_TYPE_ENTRY_ROW);
  g_assert_cmpuint (rows->len, ==, n_rows + 1);

  /* The same name again is refused, and said to be taken. */
  gtk_editable_set_text (GTK_EDITABLE (new_row), "workshop");
  g_assert_true (gtk_widget_has_css_class (new_row, "error"));
  g_assert_null (ties_kinds_editor_add_kind (TIES_KINDS_EDITOR (editor), "workshop"));
  gtk_editable_set_text (GTK_EDITABLE (new_row), "");

  g_assert_true (ties_history_undo (history));
  g_assert_null (ties_document_lookup_event_kind (document, "workshop"));
  g_ptr_array_unref (rows);
  rows = find_all (editor, ADW_TYPE_ENTRY_ROW);
  g_assert_cmpuint (rows->len, ==, n_rows);

  /* A built-in kind renamed: the document's, not every document's; the
   * row typed into stays. */
  gtk_editable_set_text (GTK_EDITABLE (meeting_row), "Hui");
  g_assert_cmpstr (ties_event_kind_get_label (ties_document_lookup_event_kind (document, "meeting")), ==, "Hui");
  g_assert_cmpstr (ties_event_kind_get_label (ties_event_kind_lookup_builtin ("meeting")), ==, "Meeting");
  g_assert_true (gtk_widget_get_parent (meeting_row) != NULL);
  gtk_editable_set_text (GTK_EDITABLE (meeting_row), "Hui or meeting");
  g_assert_cmpstr (ties_event_kind_get_label (ties_document_lookup_event_kind (document, "meeting")), ==, "Hui or meeting");
  g_signal_emit_by_name (meeting_row, "entry-activated");
  g_assert_true (ties_history_undo (history));
  g_assert_cmpstr (ties_event_kind_get_label (ties_document_lookup_event_kind (document, "meeting")), ==, "Meeting");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (meeting_row)), ==, "Meeting");

  /* A colour: one step. */
  color = g_object_get_data (G_OBJECT (meeting_row), "color-button");
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (color), &red);
  g_signal_emit_by_name (color, "color-set");
  g_assert_cmpstr (ties_event_kind_get_color (ties_document_lookup_event_kind (document, "meeting")), ==, "#ff0000");
  ui_test_save_png (editor, "kinds-editor.png");
  g_assert_true (ties_history_undo (history));
  g_assert_null (ties_event_kind_get_color (ties_document_lookup_event_kind (document, "meeting")));

  /* A line: one step too. */
  gtk_drop_down_set_selected (g_object_get_data (G_OBJECT (meeting_row), "line-dropdown"), TIES_LINE_DOTTED);
  g_assert_cmpint (ties_event_kind_get_line (ties_document_lookup_event_kind (document, "meeting")), ==, TIES_LINE_DOTTED);
  g_assert_true (ties_history_undo (history));
  g_assert_cmpint (ties_event_kind_get_line (ties_document_lookup_event_kind (document, "meeting")), ==,
                   ties_event_kind_get_line (ties_event_kind_lookup_builtin ("meeting")));
  g_assert_cmpint (gtk_drop_down_get_selected (g_object_get_data (G_OBJECT (meeting_row), "line-dropdown")), ==,
                   ties_event_kind_get_line (ties_event_kind_lookup_builtin ("meeting")));

  g_ptr_array_set_size (rows, 0);
  destroy_and_check (GTK_WINDOW (editor), document);
}

/* ------------------------------------------------------------------------ */
/* The document details                                                     */

static void
test_document_info (void)
{
  TiesDocument *document = test_load_sample ();
  TiesHistory *history = ties_document_get_history (document);
  GtkWidget *dialog = ties_document_info_editor_new (NULL, document);
  g_autofree char *title = g_strdup (ties_document_get_title (document));
  g_autofree char *description = g_strdup (ties_document_get_description (document));
  GtkTextBuffer *buffer;
  GtkWidget *title_row;

  gtk_window_present (GTK_WINDOW (dialog));
  ui_test_wait_for_frame (dialog);

  title_row = find_row (dialog, ADW_TYPE_ENTRY_ROW, "Title");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, title);

  gtk_editable_set_text (GTK_EDITABLE (title_row), "Who met whom");
  g_assert_cmpstr (ties_document_get_title (document), ==, "Who met whom");
  ui_test_save_png (dialog, "document-info-editor.png");
  g_signal_emit_by_name (title_row, "entry-activated");
  g_assert_true (ties_history_undo (history));
  g_assert_cmpstr (ties_document_get_title (document), ==, title);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, title);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_first (dialog, GTK_TYPE_TEXT_VIEW)));
  gtk_text_buffer_set_text (buffer, "Contacts after the attack.", -1);
  g_assert_cmpstr (ties_document_get_description (document), ==, "Contacts after the attack.");
  g_assert_true (ties_history_undo (history));
  g_assert_cmpstr (ties_document_get_description (document), ==, description);

  destroy_and_check (GTK_WINDOW (dialog), document);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    return 77;
  adw_init ();

  g_test_add_func ("/sources-view/counts", test_counts);
  g_test_add_func ("/sources-view/empty-state", test_empty_state);
  g_test_add_func ("/sources-view/proposals", test_proposals);
  g_test_add_func ("/sources-view/no-actors", test_no_actors);
  g_test_add_func ("/source-editor/edit-undo", test_source_editor);
  g_test_add_func ("/kinds-editor/add-rename-colour", test_kinds_editor);
  g_test_add_func ("/document-info-editor/edit-undo", test_document_info);

  return g_test_run ();
}
