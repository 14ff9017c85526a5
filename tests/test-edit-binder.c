/* test-edit-binder.c: fields bound to an object, edited through its history
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "ties-edit-binder.h"
#include "ui-test-util.h"

typedef struct {
  TiesDocument   *document;
  TiesHistory    *history;
  TiesEvent      *event;
  TiesEditBinder *binder;
  GtkWidget      *window;
  GtkWidget      *box;
  /* Signals counted; the window going away may still end a burst. */
  guint           typed;
  guint           ended;
  guint           notified[2];
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data G_GNUC_UNUSED)
{
  fixture->document = test_load_sample ();
  fixture->history = ties_document_get_history (fixture->document);
  fixture->event = ties_document_lookup_event (fixture->document, "davos-dinner");
  g_assert_nonnull (fixture->event);

  fixture->binder = ties_edit_binder_new ();
  fixture->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  fixture->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->box);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->binder);
  g_clear_object (&fixture->document);
}

/* A field of the fixture's window, bound to @property of the event. */
static GtkWidget *
bind (Fixture             *fixture,
      GtkWidget           *widget,
      const char          *property,
      TiesEditBinderFlags  flags)
{
  gtk_box_append (GTK_BOX (fixture->box), widget);
  ties_edit_binder_bind (fixture->binder, widget, property, flags);

  return widget;
}

static void
start (Fixture *fixture)
{
  ties_edit_binder_set_document (fixture->binder, fixture->document);
  ties_edit_binder_set_target (fixture->binder, fixture->event);
  gtk_window_present (GTK_WINDOW (fixture->window));
  ui_test_wait_for_frame (fixture->window);
}

static void
count_signal (guint *count)
{
  (*count)++;
}

/* Each keystroke is in the event at once; a burst is one step of undo,
 * ended on demand (the editors' close and switch) and by Enter. */
static void
test_typing_bursts (Fixture       *fixture,
                    gconstpointer  data G_GNUC_UNUSED)
{
  GtkWidget *entry = bind (fixture, gtk_entry_new (), "title", TIES_EDIT_BINDER_PLAIN);
  g_autofree char *old_title = g_strdup (ties_event_get_title (fixture->event));

  g_signal_connect_swapped (fixture->binder, "typed::title", G_CALLBACK (count_signal), &fixture->typed);
  g_signal_connect_swapped (fixture->binder, "burst-ended", G_CALLBACK (count_signal), &fixture->ended);
  start (fixture);

  /* The field shows the target's value, and showing it commits nothing. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, old_title);
  g_assert_false (ties_history_get_can_undo (fixture->history));
  g_assert_cmpuint (fixture->typed, ==, 0);

  gtk_editable_set_position (GTK_EDITABLE (entry), -1);
  ui_test_type_text (entry, " in");
  g_assert_cmpuint (fixture->typed, ==, 3);
  {
    g_autofree char *expected = g_strconcat (old_title, " in", NULL);

    g_assert_cmpstr (ties_event_get_title (fixture->event), ==, expected);
  }

  /* Flushed: the next keystrokes are a step of their own. */
  ties_edit_binder_flush (fixture->binder);
  g_assert_cmpuint (fixture->ended, ==, 1);
  ui_test_type_text (entry, " Davos");
  /* Enter ends that burst too, and a third follows. */
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (fixture->ended, ==, 2);
  ui_test_type_text (entry, "!");
  {
    g_autofree char *expected = g_strconcat (old_title, " in Davos!", NULL);

    g_assert_cmpstr (ties_event_get_title (fixture->event), ==, expected);
  }

  /* Undo takes back one burst at a time, and the field follows. */
  g_assert_true (ties_history_undo (fixture->history));
  {
    g_autofree char *expected = g_strconcat (old_title, " in Davos", NULL);

    g_assert_cmpstr (ties_event_get_title (fixture->event), ==, expected);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, expected);
  }
  g_assert_cmpuint (test_count_undo_steps (fixture->history), ==, 2);
  g_assert_cmpstr (ties_event_get_title (fixture->event), ==, old_title);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, old_title);
}

/* The echo of one's own typing is not written back (a trailing comma of
 * a list stays, the cursor stays); a change from elsewhere is shown, and
 * told to the editor. */
static void
test_echo_and_notify (Fixture       *fixture,
                      gconstpointer  data G_GNUC_UNUSED)
{
  GtkWidget *tags = bind (fixture, gtk_entry_new (), "tags", TIES_EDIT_BINDER_LIST);
  GtkWidget *place = bind (fixture, gtk_entry_new (), "place", TIES_EDIT_BINDER_EMPTY_IS_NULL);
  guint *place_notified = &fixture->notified[0];
  guint *tags_notified = &fixture->notified[1];
  const char * const *list;

  g_signal_connect_swapped (fixture->binder, "target-notify::place", G_CALLBACK (count_signal), place_notified);
  g_signal_connect_swapped (fixture->binder, "target-notify::tags", G_CALLBACK (count_signal), tags_notified);
  start (fixture);

  gtk_editable_set_text (GTK_EDITABLE (tags), "");
  ui_test_type_text (tags, "a,");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tags)), ==, "a,");
  list = ties_event_get_tags (fixture->event);
  g_assert_cmpuint (g_strv_length ((GStrv) list), ==, 1);
  g_assert_cmpstr (list[0], ==, "a");
  ui_test_type_text (tags, " b");
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (tags)), ==, 4);
  g_assert_cmpuint (g_strv_length ((GStrv) ties_event_get_tags (fixture->event)), ==, 2);
  g_assert_cmpuint (*tags_notified, ==, 0);

  /* An empty place is no place. */
  gtk_editable_set_text (GTK_EDITABLE (place), "");
  g_assert_null (ties_event_get_place (fixture->event));

  ties_history_set (fixture->history, fixture->event, "place", "Zürich", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (place)), ==, "Zürich");
  g_assert_cmpuint (*place_notified, ==, 1);
}

/* Frozen, the binder shows but does not commit; without a target or a
 * document it cannot edit at all. */
static void
test_frozen (Fixture       *fixture,
             gconstpointer  data G_GNUC_UNUSED)
{
  GtkWidget *entry = bind (fixture, gtk_entry_new (), "title", TIES_EDIT_BINDER_PLAIN);
  g_autofree char *old_title = g_strdup (ties_event_get_title (fixture->event));

  g_assert_false (ties_edit_binder_can_edit (fixture->binder));
  start (fixture);
  g_assert_true (ties_edit_binder_can_edit (fixture->binder));

  ties_edit_binder_freeze (fixture->binder);
  g_assert_false (ties_edit_binder_can_edit (fixture->binder));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Not committed");
  g_assert_cmpstr (ties_event_get_title (fixture->event), ==, old_title);
  ties_edit_binder_commit_string (fixture->binder, "Change Title", "title", "Not committed either");
  g_assert_cmpstr (ties_event_get_title (fixture->event), ==, old_title);
  ties_edit_binder_thaw (fixture->binder);
  g_assert_false (ties_history_get_can_undo (fixture->history));

  /* A choice is a step of its own, named. */
  ties_edit_binder_commit_string (fixture->binder, "Change Title", "title", "Chosen");
  g_assert_cmpstr (ties_event_get_title (fixture->event), ==, "Chosen");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Chosen");
  g_assert_cmpstr (ties_history_get_undo_label (fixture->history), ==, "Change Title");

  ties_edit_binder_set_target (fixture->binder, NULL);
  g_assert_false (ties_edit_binder_can_edit (fixture->binder));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Nobody's");
  g_assert_cmpstr (ties_event_get_title (fixture->event), ==, "Chosen");
}

/* A date that is not valid is not applied but kept, per object, and
 * told; a change from elsewhere makes it past. */
static void
test_invalid_date (Fixture       *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  GtkWidget *date = bind (fixture, gtk_entry_new (), "date", TIES_EDIT_BINDER_DATE);
  TiesEvent *other = ties_document_lookup_event (fixture->document, "cook-call");
  g_autofree char *old_date = g_strdup (ties_event_get_date (fixture->event));

  start (fixture);
  g_assert_false (ties_edit_binder_has_invalid_text (fixture->binder));

  gtk_editable_set_text (GTK_EDITABLE (date), "2019-12");
  g_assert_cmpstr (ties_event_get_date (fixture->event), ==, "2019-12");
  /* Invalid: the date before this typing, not the "2019-12" on the way. */
  gtk_editable_set_text (GTK_EDITABLE (date), "2019-13");
  g_assert_cmpstr (ties_event_get_date (fixture->event), ==, old_date);
  g_assert_true (ties_edit_binder_has_invalid_text (fixture->binder));
  g_assert_cmpstr (ties_edit_binder_get_invalid_text (fixture->binder, fixture->event, "date"), ==, "2019-13");
  g_assert_null (ties_edit_binder_get_invalid_text (fixture->binder, other, "date"));
  g_assert_false (ties_history_get_can_undo (fixture->history));

  ties_edit_binder_set_target (fixture->binder, other);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, ties_event_get_date (other));
  ties_edit_binder_set_target (fixture->binder, fixture->event);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "2019-13");

  ties_history_set (fixture->history, fixture->event, "date", "2020", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "2020");
  g_assert_false (ties_edit_binder_has_invalid_text (fixture->binder));

  /* Empty is no date. */
  gtk_editable_set_text (GTK_EDITABLE (date), "");
  g_assert_null (ties_event_get_date (fixture->event));
}

/* A text view commits as an entry does; the space around a stripped
 * field's text stays on screen but not in the object. */
static void
test_text_view_and_strip (Fixture       *fixture,
                          gconstpointer  data G_GNUC_UNUSED)
{
  GtkWidget *notes = bind (fixture, gtk_text_view_new (), "notes", TIES_EDIT_BINDER_PLAIN);
  GtkWidget *phrase = bind (fixture, gtk_entry_new (), "date-phrase", TIES_EDIT_BINDER_STRIP);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes));
  g_autofree char *expected = NULL;

  start (fixture);
  expected = g_strconcat (ties_event_get_notes (fixture->event), "More.", NULL);

  for (const char *p = "More."; *p != '\0'; p++)
    {
      GtkTextIter end;

      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, p, 1);
    }
  g_assert_cmpstr (ties_event_get_notes (fixture->event), ==, expected);
  g_assert_false (gtk_text_buffer_get_enable_undo (buffer));

  gtk_editable_set_text (GTK_EDITABLE (phrase), "");
  ui_test_type_text (phrase, "early that week ");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phrase)), ==, "early that week ");
  g_assert_cmpstr (ties_event_get_date_phrase (fixture->event), ==, "early that week");

  /* Two fields, two steps. */
  g_assert_cmpuint (test_count_undo_steps (fixture->history), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phrase)), ==,
                   ties_event_get_date_phrase (fixture->event) != NULL ? ties_event_get_date_phrase (fixture->event) : "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    return 77;
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/edit-binder/typing-bursts", test_typing_bursts);
  ADD ("/edit-binder/echo-and-notify", test_echo_and_notify);
  ADD ("/edit-binder/frozen", test_frozen);
  ADD ("/edit-binder/invalid-date", test_invalid_date);
  ADD ("/edit-binder/text-view-and-strip", test_text_view_and_strip);
#undef ADD

  return g_test_run ();
}
