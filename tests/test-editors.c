/* test-editors.c: the event editor, the actor editor and the actors table
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "ties-actor-editor.h"
#include "ties-actors-view.h"
#include "ties-document-io.h"
#include "ties-event-editor.h"
#include "ties-network.h"
#include "ui-test-util.h"

static GBytes *
save (TiesDocument *document)
{
  return ties_document_save_to_bytes (document, NULL);
}

/* Until @window is mapped and painted once, and what that set off has run. */
static void
wait_for_paint (GtkWidget *window)
{
  ui_test_wait_for_frame (window);
  ui_test_iterate_pending ();
}

static GtkWidget *
show_in_window (GtkWidget *child,
                int        width,
                int        height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_paint (window);

  return window;
}

/* The scrolled content at its full height. */
static GtkWidget *
find_clamp (GtkWidget *widget)
{
  if (ADW_IS_CLAMP (widget) && gtk_widget_get_mapped (widget))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_clamp (c);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);

  return object;
}

/* Types into an entry row and presses Enter. */
static void
enter_text (gpointer    row,
            const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (row)), "activate");
}

typedef struct {
  TiesDocument *document;
  TiesHistory  *history;
  TiesEvent    *event;
  GtkWidget    *editor;
  GtkWidget    *window;
} EventFixture;

static void
event_fixture_set_up (EventFixture  *fixture,
                      gconstpointer  data G_GNUC_UNUSED)
{
  fixture->document = test_load_sample ();
  fixture->history = ties_document_get_history (fixture->document);
  fixture->event = ties_document_lookup_event (fixture->document, "davos-dinner");
  g_assert_nonnull (fixture->event);

  fixture->editor = ties_event_editor_new ();
  ties_event_editor_set_document (TIES_EVENT_EDITOR (fixture->editor), fixture->document);
  ties_event_editor_set_event (TIES_EVENT_EDITOR (fixture->editor), fixture->event);
  fixture->window = show_in_window (fixture->editor, 640, 760);
}

static void
event_fixture_tear_down (EventFixture  *fixture,
                         gconstpointer  data G_GNUC_UNUSED)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->document);
}

static void
test_event_title (EventFixture  *fixture,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *old_title = g_strdup (ties_event_get_title (fixture->event));
  gpointer row = child (fixture->editor, TIES_TYPE_EVENT_EDITOR, "title_row");

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, old_title);
  g_assert_false (ties_history_get_can_undo (fixture->history));

  /* Typing reaches the event at once, without Enter… */
  gtk_editable_set_text (GTK_EDITABLE (row), "Dinner");
  g_assert_cmpstr (ties_event_get_title (fixture->event), ==, "Dinner");
  gtk_editable_set_position (GTK_EDITABLE (row), -1);
  ui_test_type_text (row, " in Davos");
  g_assert_cmpstr (ties_event_get_title (fixture->event), ==, "Dinner in Davos");

  /* …and Enter with the same text is not another step. */
  enter_text (row, "Dinner in Davos");

  /* The burst is one step: undo restores the title and the editor shows it. */
  g_assert_true (ties_history_undo (fixture->history));
  g_assert_false (ties_history_get_can_undo (fixture->history));
  g_assert_cmpstr (ties_event_get_title (fixture->event), ==, old_title);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, old_title);

  /* And redo shows the new one again. */
  g_assert_true (ties_history_redo (fixture->history));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Dinner in Davos");
}

static void
test_event_date (EventFixture  *fixture,
                 gconstpointer  data G_GNUC_UNUSED)
{
  gpointer row = child (fixture->editor, TIES_TYPE_EVENT_EDITOR, "date_row");
  gpointer status = child (fixture->editor, TIES_TYPE_EVENT_EDITOR, "date_status_row");
  const char *old_date = "2019-01-22/2019-01-25";

  g_assert_cmpstr (ties_event_get_date (fixture->event), ==, old_date);
  g_assert_cmpstr (adw_preferences_row_get_title (status), ==, "22–25 January 2019");

  /* Validated live, as one types. */
  gtk_editable_set_text (GTK_EDITABLE (row), "2019-13");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (status), "month 13"));

  /* An invalid date is not committed. */
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (row)), "activate");
  g_assert_cmpstr (ties_event_get_date (fixture->event), ==, old_date);
  g_assert_false (ties_history_get_can_undo (fixture->history));

  gtk_editable_set_text (GTK_EDITABLE (row), "2019-05~");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (adw_preferences_row_get_title (status), ==, "May 2019 (approx.)");

  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (row)), "activate");
  g_assert_cmpstr (ties_event_get_date (fixture->event), ==, "2019-05~");

  g_assert_true (ties_history_undo (fixture->history));
  g_assert_cmpstr (ties_event_get_date (fixture->event), ==, old_date);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, old_date);
  g_assert_cmpstr (adw_preferences_row_get_title (status), ==, "22–25 January 2019");
  g_assert_null (ties_event_editor_get_unapplied_text (TIES_EVENT_EDITOR (fixture->editor)));
}

/* A date typed that is not valid stays the event's, on screen and in what
 * the window is told, but not in the document. */
static void
test_event_invalid_date_kept (EventFixture  *fixture,
                              gconstpointer  data G_GNUC_UNUSED)
{
  gpointer row = child (fixture->editor, TIES_TYPE_EVENT_EDITOR, "date_row");
  const char *old_date = "2019-01-22/2019-01-25";
  g_autofree char *unapplied = NULL;

  gtk_editable_set_text (GTK_EDITABLE (row), "2019-13");
  g_assert_cmpstr (ties_event_get_date (fixture->event), ==, old_date);
  unapplied = ties_event_editor_get_unapplied_text (TIES_EVENT_EDITOR (fixture->editor));
  g_assert_nonnull (unapplied);
  g_assert_nonnull (strstr (unapplied, "“2019-13”"));
  g_assert_nonnull (strstr (unapplied, ties_event_get_title (fixture->event)));

  /* Another event shows its own date; coming back shows the text typed. */
  ties_event_editor_set_event (TIES_EVENT_EDITOR (fixture->editor),
                               ties_document_lookup_event (fixture->document, "cook-call"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2019-04-24");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  ties_event_editor_set_event (TIES_EVENT_EDITOR (fixture->editor), fixture->event);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2019-13");
  g_assert_true (gtk_widget_has_css_class (row, "error"));

  /* Typed valid, it is applied, and nothing is left over. */
  gtk_editable_delete_text (GTK_EDITABLE (row), 5, -1);
  gtk_editable_set_position (GTK_EDITABLE (row), -1);
  ui_test_type_text (row, "12");
  g_assert_cmpstr (ties_event_get_date (fixture->event), ==, "2019-12");
  g_assert_null (ties_event_editor_get_unapplied_text (TIES_EVENT_EDITOR (fixture->editor)));

  /* Invalid again: the document has the date it had before this typing,
   * not the valid "2019-12" met on the way, and no step is left. */
  ui_test_type_text (row, "-4");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2019-12-4");
  g_assert_cmpstr (ties_event_get_date (fixture->event), ==, old_date);
  g_assert_false (ties_history_get_can_undo (fixture->history));
  g_clear_pointer (&unapplied, g_free);
  unapplied = ties_event_editor_get_unapplied_text (TIES_EVENT_EDITOR (fixture->editor));
  g_assert_nonnull (strstr (unapplied, "“2019-12-4”"));

  /* Changed from elsewhere, the document's date wins. */
  ties_history_set (fixture->history, fixture->event, "date", "2020", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2020");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_null (ties_event_editor_get_unapplied_text (TIES_EVENT_EDITOR (fixture->editor)));
  g_assert_true (ties_history_undo (fixture->history));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, old_date);
}

/* Typing commits each keystroke, as one undo step per burst, and the
 * model's echo never rewrites the field being typed in. */
static void
test_event_typing (EventFixture  *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  gpointer tags = child (fixture->editor, TIES_TYPE_EVENT_EDITOR, "tags_row");
  gpointer place = child (fixture->editor, TIES_TYPE_EVENT_EDITOR, "place_row");
  GtkTextView *notes = child (fixture->editor, TIES_TYPE_EVENT_EDITOR, "notes_view");
  g_autoptr(GBytes) before = save (fixture->document);
  g_autoptr(GBytes) after = NULL;
  const char * const *list;

  g_autofree char *old_tags = g_strdup (gtk_editable_get_text (GTK_EDITABLE (tags)));

  /* A trailing comma is half a list: the field keeps it, the event has "a". */
  gtk_editable_set_text (GTK_EDITABLE (tags), "");
  ui_test_type_text (tags, "a,");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tags)), ==, "a,");
  list = ties_event_get_tags (fixture->event);
  g_assert_cmpuint (g_strv_length ((GStrv) list), ==, 1);
  g_assert_cmpstr (list[0], ==, "a");
  ui_test_type_text (tags, " b");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tags)), ==, "a, b");
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (tags)), ==, 4);
  g_assert_cmpuint (g_strv_length ((GStrv) ties_event_get_tags (fixture->event)), ==, 2);

  /* Enter ends the burst; the place is another field and another step. */
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (tags)), "activate");
  gtk_editable_set_position (GTK_EDITABLE (place), -1);
  ui_test_type_text (place, ", Switzerland");
  g_assert_cmpstr (ties_event_get_place (fixture->event), ==, "Davos, Switzerland");

  /* The notes too, character by character. */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (notes);
    g_autofree char *expected = g_strconcat (ties_event_get_notes (fixture->event), "More.", NULL);

    for (const char *p = "More."; *p != '\0'; p++)
      gtk_text_buffer_insert_at_cursor (buffer, p, 1);
    g_assert_cmpstr (ties_event_get_notes (fixture->event), ==, expected);
  }

  g_assert_cmpuint (test_count_undo_steps (fixture->history), ==, 3);
  after = save (fixture->document);
  test_assert_bytes_equal (before, after);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tags)), ==, old_tags);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (place)), ==, "Davos");
}

static void
test_event_add_participant (EventFixture  *fixture,
                            gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GBytes) before = save (fixture->document);
  g_autoptr(GBytes) after = NULL;
  AdwEntryRow *search = child (fixture->editor, TIES_TYPE_EVENT_EDITOR, "participant_search_row");
  GtkWidget *matches_row = child (fixture->editor, TIES_TYPE_EVENT_EDITOR, "participant_matches_row");
  GtkListBox *matches = child (fixture->editor, TIES_TYPE_EVENT_EDITOR, "participant_matches");
  GtkListBoxRow *row;

  /* Nothing offered before anything is typed. */
  g_assert_false (gtk_widget_get_visible (matches_row));
  g_assert_null (gtk_list_box_get_row_at_index (matches, 0));

  /* Part of a name, any case, finds; participants are not offered. */
  gtk_editable_set_text (GTK_EDITABLE (search), "ERBERG");
  g_assert_true (gtk_widget_get_visible (matches_row));
  row = gtk_list_box_get_row_at_index (matches, 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "actor-id"), ==, "zuckerberg");
  g_assert_null (gtk_list_box_get_row_at_index (matches, 1));
  gtk_editable_set_text (GTK_EDITABLE (search), "ardern");
  g_assert_true (ties_event_has_participant (fixture->event, "ardern"));
  g_assert_null (gtk_list_box_get_row_at_index (matches, 0));
  /* An alias finds its actor. */
  gtk_editable_set_text (GTK_EDITABLE (search), "dpmc");
  row = gtk_list_box_get_row_at_index (matches, 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "actor-id"), ==, "dpmc");

  gtk_editable_set_text (GTK_EDITABLE (search), "zuck");
  g_assert_true (gtk_widget_activate_action (fixture->editor, "event-editor.add-participant", NULL));
  g_assert_true (ties_event_has_participant (fixture->event, "zuckerberg"));
  /* The search is cleared for the next one. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "");
  g_assert_false (gtk_widget_get_visible (matches_row));

  /* The initiator can now be Zuckerberg. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (child (fixture->editor, TIES_TYPE_EVENT_EDITOR, "initiator_row"))),
                    ==, 4);

  g_assert_cmpuint (test_count_undo_steps (fixture->history), ==, 1);
  after = save (fixture->document);
  test_assert_bytes_equal (before, after);
  g_assert_false (ties_event_has_participant (fixture->event, "zuckerberg"));
  /* Undone, Zuckerberg is offered again. */
  gtk_editable_set_text (GTK_EDITABLE (search), "zuck");
  row = gtk_list_box_get_row_at_index (matches, 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (row), "actor-id"), ==, "zuckerberg");
  gtk_editable_set_text (GTK_EDITABLE (search), "");

  /* Removing a participant is one step too. */
  g_assert_true (gtk_widget_activate_action (fixture->editor, "event-editor.remove-participant", "s", "cook"));
  g_assert_false (ties_event_has_participant (fixture->event, "cook"));
  g_assert_cmpuint (test_count_undo_steps (fixture->history), ==, 1);
  g_clear_pointer (&after, g_bytes_unref);
  after = save (fixture->document);
  test_assert_bytes_equal (before, after);
}

static void
test_event_new_actor (EventFixture  *fixture,
                      gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GBytes) before = save (fixture->document);
  g_autoptr(GBytes) after = NULL;
  GListModel *actors = ties_document_get_actors (fixture->document);
  guint n_actors = g_list_model_get_n_items (G_LIST_MODEL (actors));
  gpointer row = child (fixture->editor, TIES_TYPE_EVENT_EDITOR, "new_actor_row");
  TiesActor *actor;

  /* Typed but not added: the window's prompts are told. */
  gtk_editable_set_text (GTK_EDITABLE (row), "Jane Doe");
  {
    g_autofree char *unapplied = ties_event_editor_get_unapplied_text (TIES_EVENT_EDITOR (fixture->editor));

    g_assert_nonnull (unapplied);
    g_assert_nonnull (strstr (unapplied, "“Jane Doe”"));
  }
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (row)), "activate");
  g_assert_null (ties_event_editor_get_unapplied_text (TIES_EVENT_EDITOR (fixture->editor)));

  actor = ties_document_lookup_actor (fixture->document, "jane-doe");
  g_assert_nonnull (actor);
  g_assert_cmpstr (ties_actor_get_name (actor), ==, "Jane Doe");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (actors)), ==, n_actors + 1);
  g_assert_true (ties_event_has_participant (fixture->event, "jane-doe"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");

  g_assert_cmpuint (test_count_undo_steps (fixture->history), ==, 1);
  after = save (fixture->document);
  test_assert_bytes_equal (before, after);
  g_assert_null (ties_document_lookup_actor (fixture->document, "jane-doe"));
  g_assert_false (ties_event_has_participant (fixture->event, "jane-doe"));
}

/* Typing an existing actor's name or other name, in any case and without
 * its accents, offers that actor instead of making "name-2". */
static void
test_event_duplicate_actor (EventFixture  *fixture,
                            gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GBytes) before = save (fixture->document);
  g_autoptr(GBytes) after = NULL;
  GListModel *actors = ties_document_get_actors (fixture->document);
  guint n_actors = g_list_model_get_n_items (G_LIST_MODEL (actors));
  gpointer row = child (fixture->editor, TIES_TYPE_EVENT_EDITOR, "new_actor_row");
  GtkWidget *notice = child (fixture->editor, TIES_TYPE_EVENT_EDITOR, "existing_actor_row");
  GtkLabel *label = child (fixture->editor, TIES_TYPE_EVENT_EDITOR, "existing_actor_label");
  GtkButton *add = child (fixture->editor, TIES_TYPE_EVENT_EDITOR, "add_existing_button");
  const char *matched = NULL;

  /* The lookup: whole names, case, diacritics and spacing aside. */
  g_assert_true (ties_document_find_actor_by_name (fixture->document, "  MARK  Zuckerbérg ", &matched)
                 == ties_document_lookup_actor (fixture->document, "zuckerberg"));
  g_assert_cmpstr (matched, ==, "Mark Zuckerberg");
  g_assert_true (ties_document_find_actor_by_name (fixture->document, "the pm", &matched)
                 == ties_document_lookup_actor (fixture->document, "ardern"));
  g_assert_cmpstr (matched, ==, "the PM");
  g_assert_null (ties_document_find_actor_by_name (fixture->document, "Mark", NULL));
  g_assert_null (ties_document_find_actor_by_name (fixture->document, "  ", NULL));

  /* Nothing to say while the name is new. */
  gtk_editable_set_text (GTK_EDITABLE (row), "Mark");
  g_assert_false (gtk_widget_get_visible (notice));

  /* A match: the row says so and offers the actor; creating needs a choice. */
  gtk_editable_set_text (GTK_EDITABLE (row), "mark zückerberg");
  g_assert_true (gtk_widget_get_visible (notice));
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Mark Zuckerberg already exists");
  g_assert_cmpstr (gtk_button_get_label (add), ==, "Add Mark Zuckerberg");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (add)));
  gtk_widget_activate_action (fixture->editor, "event-editor.create-actor", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (actors)), ==, n_actors);

  /* Enter takes the suggestion: the existing actor joins, as one step. */
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (row)), "activate");
  g_assert_true (ties_event_has_participant (fixture->event, "zuckerberg"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (actors)), ==, n_actors);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  g_assert_false (gtk_widget_get_visible (notice));
  g_assert_cmpuint (test_count_undo_steps (fixture->history), ==, 1);

  /* An other name of a participant: nothing to add, but one may create. */
  gtk_editable_set_text (GTK_EDITABLE (row), "Cook");
  g_assert_true (gtk_widget_get_visible (notice));
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Tim Cook already exists and takes part in this event");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (add)));

  gtk_editable_set_text (GTK_EDITABLE (row), "ardern");
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Jacinda Ardern already exists and takes part in this event");
  gtk_editable_set_text (GTK_EDITABLE (row), "Dorsey");
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Jack Dorsey already exists, also known as “Dorsey”");

  /* Create New Actor Anyway makes a second one, deliberately. */
  g_assert_true (gtk_widget_activate_action (fixture->editor, "event-editor.create-actor-anyway", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (actors)), ==, n_actors + 1);
  g_assert_nonnull (ties_document_lookup_actor (fixture->document, "dorsey-2"));
  g_assert_true (ties_event_has_participant (fixture->event, "dorsey-2"));

  g_assert_cmpuint (test_count_undo_steps (fixture->history), ==, 1);
  after = save (fixture->document);
  test_assert_bytes_equal (before, after);
}

static void
test_event_fields (EventFixture  *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GBytes) before = save (fixture->document);
  g_autoptr(GBytes) after = NULL;
  AdwComboRow *kind_row = child (fixture->editor, TIES_TYPE_EVENT_EDITOR, "kind_row");
  AdwComboRow *initiator_row = child (fixture->editor, TIES_TYPE_EVENT_EDITOR, "initiator_row");
  GtkTextView *notes = child (fixture->editor, TIES_TYPE_EVENT_EDITOR, "notes_view");
  GListModel *kinds = adw_combo_row_get_model (kind_row);
  g_autoptr(TiesEventKind) selected = g_list_model_get_item (kinds, adw_combo_row_get_selected (kind_row));
  const char * const *tags;
  guint n_evidence;

  /* Built-in and declared kinds, the event's selected. */
  g_assert_cmpstr (ties_event_kind_get_id (selected), ==, "meeting");
  g_assert_cmpuint (g_list_model_get_n_items (kinds), ==,
                    g_list_model_get_n_items (ties_event_kind_get_builtins ()) + 2);

  for (guint i = 0; i < g_list_model_get_n_items (kinds); i++)
    {
      g_autoptr(TiesEventKind) kind = g_list_model_get_item (kinds, i);

      if (g_str_equal (ties_event_kind_get_id (kind), "agreement"))
        adw_combo_row_set_selected (kind_row, i);
    }
  g_assert_cmpstr (ties_event_get_kind (fixture->event), ==, "agreement");

  adw_combo_row_set_selected (initiator_row, 1);
  g_assert_cmpstr (ties_event_get_initiator (fixture->event), ==, "ardern");

  enter_text (child (fixture->editor, TIES_TYPE_EVENT_EDITOR, "tags_row"), " a, b ,, c ");
  tags = ties_event_get_tags (fixture->event);
  g_assert_cmpuint (g_strv_length ((GStrv) tags), ==, 3);
  g_assert_cmpstr (tags[2], ==, "c");

  enter_text (child (fixture->editor, TIES_TYPE_EVENT_EDITOR, "place_row"), "");
  g_assert_null (ties_event_get_place (fixture->event));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (notes), "New notes", -1);
  gtk_widget_grab_focus (GTK_WIDGET (notes));
  gtk_widget_grab_focus (child (fixture->editor, TIES_TYPE_EVENT_EDITOR, "title_row"));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  n_evidence = g_list_model_get_n_items (G_LIST_MODEL (ties_event_get_evidence (fixture->event)));
  g_assert_cmpuint (n_evidence, ==, 2);
  {
    g_autoptr(TiesEvidence) evidence = g_list_model_get_item (G_LIST_MODEL (ties_event_get_evidence (fixture->event)), 0);

    ties_event_editor_remove_evidence (TIES_EVENT_EDITOR (fixture->editor), evidence);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ties_event_get_evidence (fixture->event))), ==, 1);

  /* Whether or not the focus reached the notes under Xvfb, every edit
   * was one step and undoing them all gives back the file. */
  g_assert_cmpuint (test_count_undo_steps (fixture->history), >=, 5);
  after = save (fixture->document);
  test_assert_bytes_equal (before, after);

  /* The editor followed: kind and initiator are back. */
  g_clear_object (&selected);
  selected = g_list_model_get_item (kinds, adw_combo_row_get_selected (kind_row));
  g_assert_cmpstr (ties_event_kind_get_id (selected), ==, "meeting");
  g_assert_cmpuint (adw_combo_row_get_selected (initiator_row), ==, 0);

  /* Switching events and clearing the editor. */
  ties_event_editor_set_event (TIES_EVENT_EDITOR (fixture->editor),
                               ties_document_lookup_event (fixture->document, "christchurch-call-summit"));
  ties_event_editor_set_event (TIES_EVENT_EDITOR (fixture->editor), NULL);
  g_assert_null (ties_event_editor_get_event (TIES_EVENT_EDITOR (fixture->editor)));
}

static void
test_event_picture (EventFixture  *fixture,
                    gconstpointer  data G_GNUC_UNUSED)
{
  gpointer row = child (fixture->editor, TIES_TYPE_EVENT_EDITOR, "date_row");

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 640, 2000);
  gtk_editable_set_text (GTK_EDITABLE (row), "2019-13");
  gtk_editable_set_text (GTK_EDITABLE (child (fixture->editor, TIES_TYPE_EVENT_EDITOR, "new_actor_row")),
                         "mark zuckerberg");
  wait_for_paint (fixture->window);
  ui_test_save_png (fixture->window, "/tmp/event-editor.png");
  ui_test_save_png (find_clamp (fixture->window), "/tmp/event-editor-full.png");
  gtk_editable_set_text (GTK_EDITABLE (row), "2019-05~");
}

/* Ids from titles */

/* A new event, as the event list makes it, with its placeholder id. */
static TiesEvent *
add_new_event (TiesDocument *document)
{
  g_autofree char *id = ties_document_make_id (document, "New event");
  g_autoptr(TiesEvent) event = ties_event_new (id, "New event", "meeting");

  ties_document_add_event (document, event);
  return event;
}

static void
test_event_id_follows_title (EventFixture  *fixture,
                             gconstpointer  data G_GNUC_UNUSED)
{
  gpointer row = child (fixture->editor, TIES_TYPE_EVENT_EDITOR, "title_row");
  TiesEvent *event = add_new_event (fixture->document);
  g_autofree char *placeholder = g_strdup (ties_event_get_id (event));
  g_autofree char *expected = NULL;

  g_assert_cmpstr (placeholder, ==, "new-event");
  ties_event_editor_set_event (TIES_EVENT_EDITOR (fixture->editor), event);

  /* Focusing the editor (as the window does for a new event) puts the
   * cursor in the title, all of it selected to be typed over. */
  g_assert_true (gtk_widget_grab_focus (fixture->editor));
  wait_for_paint (fixture->window);
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
    int start, end;

    g_assert_nonnull (focus);
    g_assert_true (gtk_widget_is_ancestor (focus, row));
    g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (row), &start, &end));
    g_assert_cmpint (start, ==, 0);
    g_assert_cmpint (end, ==, strlen ("New event"));
  }

  /* Typed over the placeholder title, key by key. */
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  ui_test_type_text (row, "Ardern phones Dorsey");
  g_assert_cmpstr (ties_event_get_title (event), ==, "Ardern phones Dorsey");

  /* Enter ends the typing: the id follows the title… */
  expected = ties_document_make_event_id (fixture->document, "Ardern phones Dorsey", NULL);
  g_assert_cmpstr (expected, ==, "ardern-phones-dorsey");
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (row)), "activate");
  g_assert_cmpstr (ties_event_get_id (event), ==, expected);
  g_assert_false (g_str_has_prefix (ties_event_get_id (event), "new-event"));
  g_assert_true (ties_document_lookup_event (fixture->document, expected) == event);
  g_assert_null (ties_document_lookup_event (fixture->document, placeholder));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Ardern phones Dorsey");

  /* …in the title's step: one undo restores both, the next removes the event. */
  g_assert_true (ties_history_undo (fixture->history));
  g_assert_cmpstr (ties_event_get_title (event), ==, "New event");
  g_assert_cmpstr (ties_event_get_id (event), ==, placeholder);
  g_assert_true (ties_document_lookup_event (fixture->document, placeholder) == event);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "New event");
  g_assert_true (ties_history_undo (fixture->history));
  g_assert_null (ties_document_lookup_event (fixture->document, placeholder));
  g_assert_true (ties_history_redo (fixture->history));
  g_assert_true (ties_history_redo (fixture->history));
  g_assert_cmpstr (ties_event_get_id (event), ==, expected);
  g_assert_cmpstr (ties_event_get_title (event), ==, "Ardern phones Dorsey");

  /* Named once, the id is the event's own: a new title keeps it. */
  gtk_editable_set_position (GTK_EDITABLE (row), -1);
  ui_test_type_text (row, " in April");
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (row)), "activate");
  g_assert_cmpstr (ties_event_get_title (event), ==, "Ardern phones Dorsey in April");
  g_assert_cmpstr (ties_event_get_id (event), ==, expected);
}

/* The focus leaving the title ends the typing too; a second new event
 * ("new-event-2") gets its own id from its title. */
static void
test_event_id_on_focus_out (EventFixture  *fixture,
                            gconstpointer  data G_GNUC_UNUSED)
{
  gpointer title = child (fixture->editor, TIES_TYPE_EVENT_EDITOR, "title_row");
  gpointer place = child (fixture->editor, TIES_TYPE_EVENT_EDITOR, "place_row");
  TiesEvent *first = add_new_event (fixture->document);
  TiesEvent *second = add_new_event (fixture->document);
  g_autofree char *expected = NULL;

  g_assert_cmpstr (ties_event_get_id (second), ==, "new-event-2");
  ties_history_set (fixture->history, second, "date", "2019-04-24", NULL);
  ties_event_editor_set_event (TIES_EVENT_EDITOR (fixture->editor), second);
  gtk_widget_grab_focus (title);
  wait_for_paint (fixture->window);
  gtk_editable_set_text (GTK_EDITABLE (title), "");
  ui_test_type_text (title, "Cook call");
  g_assert_cmpstr (ties_event_get_id (second), ==, "new-event-2");
  /* The month of its date joins the title's words. */
  expected = ties_document_make_event_id (fixture->document, "Cook call", ties_event_get_date (second));
  g_assert_cmpstr (expected, ==, "cook-call-april");
  gtk_widget_grab_focus (place);
  wait_for_paint (fixture->window);
  g_assert_cmpstr (ties_event_get_id (second), ==, expected);
  g_assert_cmpstr (ties_event_get_id (first), ==, "new-event");

  /* Switching to another event ends it as well. */
  ties_event_editor_set_event (TIES_EVENT_EDITOR (fixture->editor), first);
  gtk_editable_set_text (GTK_EDITABLE (title), "Ardern emails Wojcicki");
  g_clear_pointer (&expected, g_free);
  expected = ties_document_make_event_id (fixture->document, "Ardern emails Wojcicki", NULL);
  g_assert_cmpstr (expected, ==, "ardern-emails-wojcicki");
  ties_event_editor_set_event (TIES_EVENT_EDITOR (fixture->editor), second);
  g_assert_cmpstr (ties_event_get_id (first), ==, expected);
  g_assert_true (ties_document_lookup_event (fixture->document, expected) == first);
  g_assert_true (ties_history_undo (fixture->history));
  g_assert_cmpstr (ties_event_get_id (first), ==, "new-event");
  g_assert_cmpstr (ties_event_get_title (first), ==, "New event");
}

/* A loaded event keeps its id whatever its title becomes. */
static void
test_event_id_kept (EventFixture  *fixture,
                    gconstpointer  data G_GNUC_UNUSED)
{
  gpointer row = child (fixture->editor, TIES_TYPE_EVENT_EDITOR, "title_row");

  g_assert_cmpstr (ties_event_get_id (fixture->event), ==, "davos-dinner");
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  ui_test_type_text (row, "Cook meets Ardern");
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (row)), "activate");
  ties_event_editor_set_event (TIES_EVENT_EDITOR (fixture->editor), NULL);
  g_assert_cmpstr (ties_event_get_title (fixture->event), ==, "Cook meets Ardern");
  g_assert_cmpstr (ties_event_get_id (fixture->event), ==, "davos-dinner");
  g_assert_true (ties_document_lookup_event (fixture->document, "davos-dinner") == fixture->event);

  /* One step, the title's alone. */
  g_assert_cmpuint (test_count_undo_steps (fixture->history), ==, 1);
  g_assert_cmpstr (ties_event_get_title (fixture->event), ==, "Cook and Ardern meet at dinner in Davos");
}

/* Evidence: quotes in context, orphans, and the way to the source */

/* The first widget named @name at or below @widget, depth first. */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkListBoxRow *
evidence_row (EventFixture *fixture,
              int           index)
{
  GtkListBox *list = child (fixture->editor, TIES_TYPE_EVENT_EDITOR, "evidence_list");
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  g_assert_nonnull (row);
  return row;
}

static void
on_evidence_signal (TiesEventEditor  *editor G_GNUC_UNUSED,
                    TiesEvidence     *evidence,
                    TiesEvidence    **out)
{
  g_assert_true (TIES_IS_EVIDENCE (evidence));
  *out = evidence;
}

static void
test_event_evidence_context (EventFixture  *fixture,
                             gconstpointer  data G_GNUC_UNUSED)
{
  GListModel *items = G_LIST_MODEL (ties_event_get_evidence (fixture->event));
  g_autoptr(TiesEvidence) first = g_list_model_get_item (items, 0);
  GtkWidget *quote = find_named (GTK_WIDGET (evidence_row (fixture, 0)), "quote");
  GtkWidget *source = find_named (GTK_WIDGET (evidence_row (fixture, 0)), "source");
  const char *text;
  const char *markup;
  PangoAttrList *attrs;

  g_assert_nonnull (quote);
  g_assert_nonnull (source);
  g_assert_cmpstr (ties_evidence_get_prefix (first), ==, "f a conversation with Mr Cook.\"\n");

  /* Prefix, exact and suffix in one line of prose: the line break is a
   * space, the word the prefix and suffix cut in half is left out, and an
   * ellipsis says the source goes on. */
  text = gtk_label_get_text (GTK_LABEL (quote));
  g_assert_cmpstr (text, ==,
                   "…a conversation with Mr Cook.\" "
                   "Cook and Ardern had already met at the World Economic Forum in Davos at the start of the year"
                   ", which was alluded to in…");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (source)), ==, "Twitter boss Jack Dorsey to meet Jacinda Ardern in flying visit to Wellington");

  /* The quote is bold, its context dim. */
  markup = gtk_label_get_label (GTK_LABEL (quote));
  g_assert_nonnull (strstr (markup, "<b>Cook and Ardern had already met"));
  g_assert_nonnull (strstr (markup, "alpha=\"55%\""));
  attrs = pango_layout_get_attributes (gtk_label_get_layout (GTK_LABEL (quote)));
  g_assert_nonnull (attrs);
  {
    guint exact_at = strstr (text, "Cook and Ardern") - text;
    guint prefix_at = strstr (text, "conversation") - text;
    g_autoptr(PangoAttrIterator) iter = pango_attr_list_get_iterator (attrs);
    gboolean bold_exact = FALSE, bold_prefix = FALSE, dim_prefix = FALSE;

    do
      {
        int start, end;
        PangoAttribute *weight = pango_attr_iterator_get (iter, PANGO_ATTR_WEIGHT);
        PangoAttribute *alpha = pango_attr_iterator_get (iter, PANGO_ATTR_FOREGROUND_ALPHA);

        pango_attr_iterator_range (iter, &start, &end);
        if ((guint) start <= exact_at && exact_at < (guint) end)
          bold_exact = weight != NULL && ((PangoAttrInt *) weight)->value >= PANGO_WEIGHT_BOLD;
        if ((guint) start <= prefix_at && prefix_at < (guint) end)
          {
            bold_prefix = weight != NULL && ((PangoAttrInt *) weight)->value >= PANGO_WEIGHT_BOLD;
            dim_prefix = alpha != NULL && ((PangoAttrInt *) alpha)->value < 65535;
          }
      }
    while (pango_attr_iterator_next (iter));

    g_assert_true (bold_exact);
    g_assert_false (bold_prefix);
    g_assert_true (dim_prefix);
  }

  /* The second item's quote marks are text, not markup. */
  quote = find_named (GTK_WIDGET (evidence_row (fixture, 1)), "quote");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (quote)),
                            "\"Tim enjoyed very much his meeting with the PM recently at dinner in Davos.\""));

  /* Anchored items say nothing of their status. */
  g_assert_null (find_named (GTK_WIDGET (evidence_row (fixture, 0)), "status"));
  g_assert_null (find_named (GTK_WIDGET (evidence_row (fixture, 0)), "reattach"));
}

static void
test_event_evidence_orphaned (EventFixture  *fixture,
                              gconstpointer  data G_GNUC_UNUSED)
{
  GListModel *items = G_LIST_MODEL (ties_event_get_evidence (fixture->event));
  g_autoptr(TiesEvidence) second = g_list_model_get_item (items, 1);
  TiesEvidence *shown = NULL;
  TiesEvidence *reattach = NULL;
  GtkListBoxRow *row;
  GtkWidget *status;
  GtkWidget *button;
  const char *text;

  g_signal_connect (fixture->editor, "show-evidence", G_CALLBACK (on_evidence_signal), &shown);
  g_signal_connect (fixture->editor, "reattach-evidence", G_CALLBACK (on_evidence_signal), &reattach);

  /* The source's text no longer holds the words (a corrected
   * transcription): the item is orphaned, and its row says so at once,
   * keeping the words it stands for, markup characters and all. */
  ties_evidence_set_exact (second, "Tim <enjoyed> & relished the dinner");
  ties_evidence_set_status (second, TIES_EVIDENCE_ORPHANED);

  row = evidence_row (fixture, 1);
  status = find_named (GTK_WIDGET (row), "status");
  g_assert_nonnull (status);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==, "Not found in the source text");
  g_assert_true (gtk_widget_has_css_class (gtk_widget_get_parent (status), "warning"));
  text = gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (row), "quote")));
  g_assert_nonnull (strstr (text, "Tim <enjoyed> & relished the dinner"));

  /* Re-attach… tells the window which item the next selection is for. */
  button = find_named (GTK_WIDGET (row), "reattach");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_focusable (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (reattach == second);
  g_assert_null (shown);

  /* The first item is not orphaned and offers no re-attaching. */
  g_assert_null (find_named (GTK_WIDGET (evidence_row (fixture, 0)), "reattach"));

  /* A picture to look at: the evidence section with an orphan. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 640, 2000);
  wait_for_paint (fixture->window);
  ui_test_save_png (find_clamp (fixture->window), "/tmp/event-editor-evidence.png");

  /* Anchored again (re-attached), the warning and the button go. */
  ties_evidence_set_status (second, TIES_EVIDENCE_ANCHORED);
  row = evidence_row (fixture, 1);
  g_assert_null (find_named (GTK_WIDGET (row), "status"));
  g_assert_null (find_named (GTK_WIDGET (row), "reattach"));
}

static void
test_event_evidence_show (EventFixture  *fixture,
                          gconstpointer  data G_GNUC_UNUSED)
{
  GListModel *items = G_LIST_MODEL (ties_event_get_evidence (fixture->event));
  g_autoptr(TiesEvidence) first = g_list_model_get_item (items, 0);
  g_autoptr(TiesEvidence) second = g_list_model_get_item (items, 1);
  TiesEvidence *shown = NULL;
  GtkWidget *button;

  g_signal_connect (fixture->editor, "show-evidence", G_CALLBACK (on_evidence_signal), &shown);

  /* The button… */
  button = find_named (GTK_WIDGET (evidence_row (fixture, 1)), "show");
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Show in Source");
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (shown == second);

  /* …and the row itself, activated from the keyboard. */
  shown = NULL;
  g_assert_true (gtk_list_box_row_get_activatable (evidence_row (fixture, 0)));
  g_signal_emit_by_name (evidence_row (fixture, 0), "activate");
  g_assert_true (shown == first);

  /* Remove is still there, and undoable. */
  button = find_named (GTK_WIDGET (evidence_row (fixture, 0)), "remove");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  g_assert_true (ties_history_undo (fixture->history));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
}

/* An event without evidence says how to add some. */
static void
test_event_evidence_hint (EventFixture  *fixture,
                          gconstpointer  data G_GNUC_UNUSED)
{
  GtkWidget *hint = child (fixture->editor, TIES_TYPE_EVENT_EDITOR, "evidence_hint");
  GListStore *items = ties_event_get_evidence (fixture->event);

  g_assert_false (gtk_widget_get_child_visible (hint) && gtk_widget_get_mapped (hint));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hint)), ==,
                   "Select words in the source and choose Add as Evidence (Ctrl+Shift+A)");

  g_list_store_remove_all (items);
  wait_for_paint (fixture->window);
  g_assert_true (gtk_widget_get_mapped (hint));
  g_assert_true (gtk_widget_has_css_class (hint, "dim-label"));
}

/* The actor editor */

static void
on_event_activated (TiesActorEditor *editor G_GNUC_UNUSED,
                    TiesEvent       *event,
                    TiesEvent      **out)
{
  *out = event;
}

static void
test_actor_editor (void)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(GBytes) before = save (document);
  g_autoptr(GBytes) after = NULL;
  TiesHistory *history = ties_document_get_history (document);
  TiesActor *actor = ties_document_lookup_actor (document, "ardern");
  GtkWidget *editor = ties_actor_editor_new ();
  GtkWidget *window;
  gpointer name_row;
  AdwComboRow *affiliation_row;
  GtkListBox *events;
  GtkListBoxRow *first;
  TiesEvent *activated = NULL;

  ties_actor_editor_set_document (TIES_ACTOR_EDITOR (editor), document);
  ties_actor_editor_set_actor (TIES_ACTOR_EDITOR (editor), actor);
  window = show_in_window (editor, 640, 1500);

  name_row = child (editor, TIES_TYPE_ACTOR_EDITOR, "name_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Jacinda Ardern");

  enter_text (name_row, "Jacinda Kate Laurell Ardern");
  g_assert_cmpstr (ties_actor_get_name (actor), ==, "Jacinda Kate Laurell Ardern");
  g_assert_true (ties_history_undo (history));
  g_assert_false (ties_history_get_can_undo (history));
  g_assert_cmpstr (ties_actor_get_name (actor), ==, "Jacinda Ardern");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Jacinda Ardern");

  /* The affiliation offers every other actor. */
  affiliation_row = child (editor, TIES_TYPE_ACTOR_EDITOR, "affiliation_row");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (affiliation_row)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_actors (document))));
  adw_combo_row_set_selected (affiliation_row, 0);
  g_assert_null (ties_actor_get_affiliation (actor));

  adw_combo_row_set_selected (child (editor, TIES_TYPE_ACTOR_EDITOR, "kind_row"), TIES_ACTOR_GROUP);
  g_assert_cmpint (ties_actor_get_kind (actor), ==, TIES_ACTOR_GROUP);

  enter_text (child (editor, TIES_TYPE_ACTOR_EDITOR, "aliases_row"), "Ardern, the PM");
  g_assert_cmpuint (g_strv_length ((GStrv) ties_actor_get_aliases (actor)), ==, 2);

  {
    GdkRGBA red = { 1, 0, 0, 1 };

    gtk_color_chooser_set_rgba (child (editor, TIES_TYPE_ACTOR_EDITOR, "color_button"), &red);
    g_signal_emit_by_name (child (editor, TIES_TYPE_ACTOR_EDITOR, "color_button"), "color-set");
    g_assert_cmpstr (ties_actor_get_color (actor), ==, "#ff0000");
    g_assert_true (gtk_widget_activate_action (editor, "actor-editor.clear-color", NULL));
    g_assert_null (ties_actor_get_color (actor));
  }

  g_assert_cmpuint (test_count_undo_steps (history), ==, 5);
  after = save (document);
  test_assert_bytes_equal (before, after);
  g_assert_cmpuint (adw_combo_row_get_selected (affiliation_row), !=, 0);

  /* Her events, by date; activating one says so. */
  events = child (editor, TIES_TYPE_ACTOR_EDITOR, "events_list");
  first = gtk_list_box_get_row_at_index (events, 0);
  g_assert_nonnull (first);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==,
                   "Cook and Ardern meet at dinner in Davos");
  g_signal_connect (editor, "event-activated", G_CALLBACK (on_event_activated), &activated);
  g_signal_emit_by_name (events, "row-activated", first);
  g_assert_true (activated == ties_document_lookup_event (document, "davos-dinner"));

  /* Typing a name: each keystroke is applied, but a space typed at its
   * end stays in the field for the next word. */
  gtk_editable_set_position (GTK_EDITABLE (name_row), -1);
  ui_test_type_text (name_row, " ");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Jacinda Ardern ");
  g_assert_cmpstr (ties_actor_get_name (actor), ==, "Jacinda Ardern");
  ui_test_type_text (name_row, "K");
  g_assert_cmpstr (ties_actor_get_name (actor), ==, "Jacinda Ardern K");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Jacinda Ardern K");
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (child (editor, TIES_TYPE_ACTOR_EDITOR, "notes_view"));

    gtk_text_buffer_insert_at_cursor (buffer, "N", 1);
    gtk_text_buffer_insert_at_cursor (buffer, "B", 1);
    g_assert_true (g_str_has_prefix (ties_actor_get_notes (actor), "NB"));
  }
  g_assert_cmpuint (test_count_undo_steps (history), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Jacinda Ardern");
  g_clear_pointer (&after, g_bytes_unref);
  after = save (document);
  test_assert_bytes_equal (before, after);

  wait_for_paint (window);
  ui_test_save_png (window, "/tmp/actor-editor.png");
  ui_test_save_png (find_clamp (window), "/tmp/actor-editor-full.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The actors table */

static guint
find_actor (GListModel *model,
            const char *id)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiesActor) actor = g_list_model_get_item (model, i);

      if (g_str_equal (ties_actor_get_id (actor), id))
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
test_actors_view (void)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GBytes) before = save (document);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(TiesActor) first = NULL;
  TiesHistory *history = ties_document_get_history (document);
  GtkWidget *view = ties_actors_view_new ();
  GtkWidget *window;
  GListModel *model;
  g_autofree char *degree = NULL;
  g_autofree char *count = NULL;
  guint n_actors = g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_actors (document)));
  guint a, b;

  ties_actors_view_set_network (TIES_ACTORS_VIEW (view), network);
  window = show_in_window (view, 720, 900);

  model = G_LIST_MODEL (gtk_column_view_get_model (ties_actors_view_get_column_view (TIES_ACTORS_VIEW (view))));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_actors);

  /* Most ties first: Ardern. */
  ties_actors_view_sort_by (TIES_ACTORS_VIEW (view), "degree", GTK_SORT_DESCENDING);
  wait_for_paint (window);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (ties_actor_get_id (first), ==, "ardern");
  g_assert_cmpuint (ties_network_get_degree (network, "ardern"), >, 0);

  /* The first row shows her name, kind, affiliation, degree and count. */
  ui_test_collect_cell_labels (GTK_WIDGET (ties_actors_view_get_column_view (TIES_ACTORS_VIEW (view))), labels);
  g_assert_cmpuint (labels->len, >=, 5 * 2);
  degree = g_strdup_printf ("%u", ties_network_get_degree (network, "ardern"));
  count = g_strdup_printf ("%u", ties_network_get_event_count (network, "ardern"));
  {
    gboolean found = FALSE;

    for (guint i = 0; i + 4 < labels->len; i++)
      if (g_str_equal (gtk_label_get_text (labels->pdata[i]), "Jacinda Ardern"))
        {
          g_assert_cmpstr (gtk_label_get_text (labels->pdata[i + 1]), ==, "Person");
          g_assert_cmpstr (gtk_label_get_text (labels->pdata[i + 3]), ==, degree);
          g_assert_cmpstr (gtk_label_get_text (labels->pdata[i + 4]), ==, count);
          found = TRUE;
        }
    g_assert_true (found);
  }

  /* Sorting by name puts "Amazon" before "Apple". */
  ties_actors_view_sort_by (TIES_ACTORS_VIEW (view), "name", GTK_SORT_ASCENDING);
  g_assert_cmpuint (find_actor (model, "amazon"), <, find_actor (model, "apple"));
  ties_actors_view_sort_by (TIES_ACTORS_VIEW (view), "events", GTK_SORT_DESCENDING);
  g_clear_object (&first);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (ties_actor_get_id (first), ==, "ardern");

  /* Merge: the first selected is kept. */
  g_assert_false (ties_actors_view_merge_selected (TIES_ACTORS_VIEW (view)));
  a = find_actor (model, "dorsey");
  b = find_actor (model, "dorsey-hackers");
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), a, TRUE);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), b, FALSE);
  g_assert_cmpuint (ties_actors_view_get_selected (TIES_ACTORS_VIEW (view))->len, ==, 2);
  g_assert_true (ties_actors_view_merge_selected (TIES_ACTORS_VIEW (view)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_actors - 1);
  g_assert_nonnull (ties_document_lookup_actor (document, "dorsey"));
  g_assert_null (ties_document_lookup_actor (document, "dorsey-hackers"));

  g_assert_cmpuint (test_count_undo_steps (history), ==, 1);
  after = save (document);
  test_assert_bytes_equal (before, after);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_actors);

  wait_for_paint (window);
  ui_test_save_png (window, "/tmp/actors-view.png");
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

  g_test_add ("/event-editor/title", EventFixture, NULL,
              event_fixture_set_up, test_event_title, event_fixture_tear_down);
  g_test_add ("/event-editor/date", EventFixture, NULL,
              event_fixture_set_up, test_event_date, event_fixture_tear_down);
  g_test_add ("/event-editor/invalid-date-kept", EventFixture, NULL,
              event_fixture_set_up, test_event_invalid_date_kept, event_fixture_tear_down);
  g_test_add ("/event-editor/typing", EventFixture, NULL,
              event_fixture_set_up, test_event_typing, event_fixture_tear_down);
  g_test_add ("/event-editor/duplicate-actor", EventFixture, NULL,
              event_fixture_set_up, test_event_duplicate_actor, event_fixture_tear_down);
  g_test_add ("/event-editor/add-participant", EventFixture, NULL,
              event_fixture_set_up, test_event_add_participant, event_fixture_tear_down);
  g_test_add ("/event-editor/new-actor", EventFixture, NULL,
              event_fixture_set_up, test_event_new_actor, event_fixture_tear_down);
  g_test_add ("/event-editor/fields", EventFixture, NULL,
              event_fixture_set_up, test_event_fields, event_fixture_tear_down);
  g_test_add ("/event-editor/picture", EventFixture, NULL,
              event_fixture_set_up, test_event_picture, event_fixture_tear_down);
  g_test_add ("/event-editor/id-follows-title", EventFixture, NULL,
              event_fixture_set_up, test_event_id_follows_title, event_fixture_tear_down);
  g_test_add ("/event-editor/id-on-focus-out", EventFixture, NULL,
              event_fixture_set_up, test_event_id_on_focus_out, event_fixture_tear_down);
  g_test_add ("/event-editor/id-kept", EventFixture, NULL,
              event_fixture_set_up, test_event_id_kept, event_fixture_tear_down);
  g_test_add ("/event-editor/evidence-context", EventFixture, NULL,
              event_fixture_set_up, test_event_evidence_context, event_fixture_tear_down);
  g_test_add ("/event-editor/evidence-orphaned", EventFixture, NULL,
              event_fixture_set_up, test_event_evidence_orphaned, event_fixture_tear_down);
  g_test_add ("/event-editor/evidence-show", EventFixture, NULL,
              event_fixture_set_up, test_event_evidence_show, event_fixture_tear_down);
  g_test_add ("/event-editor/evidence-hint", EventFixture, NULL,
              event_fixture_set_up, test_event_evidence_hint, event_fixture_tear_down);
  g_test_add_func ("/actor-editor/edit", test_actor_editor);
  g_test_add_func ("/actors-view/table", test_actors_view);

  return g_test_run ();
}
