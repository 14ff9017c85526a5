/* test-window-files.c: the window and its file on disk: saves that mark
 * exactly what they wrote, and other programs' changes never overwritten
 * without asking
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ties-application.h"
#include "ties-document-io.h"
#include "ties-window.h"
#include "ui-test-util.h"

#define SAMPLE TOP_SRCDIR "/data/samples/christchurch-call.ties.json"

static TiesApplication *app;

typedef struct {
  char *dir;
  char *path;
  GFile *file;
  TiesWindow *window;
} Fixture;

static gboolean
has_events (gpointer window)
{
  TiesDocument *document = ties_window_get_document (window);

  return g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_events (document))) > 0;
}

static gboolean
has_large_document (gpointer window)
{
  TiesDocument *document = ties_window_get_document (window);

  return g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_actors (document))) == 3000;
}

static gboolean
not_saving (gpointer window)
{
  return !ties_window_get_saving (window);
}

static gboolean
no_windows (gpointer data)
{
  return gtk_application_get_windows (GTK_APPLICATION (app)) == NULL;
}

static GtkRevealer *
disk_banner (TiesWindow *window)
{
  return GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (window), TIES_TYPE_WINDOW, "disk_banner"));
}

static gboolean
banner_shown (gpointer window)
{
  return gtk_revealer_get_reveal_child (disk_banner (window));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize length;

  fixture->dir = g_dir_make_tmp ("ties-window-files-XXXXXX", NULL);
  fixture->path = g_build_filename (fixture->dir, "doc.ties.json", NULL);
  g_assert_true (g_file_get_contents (SAMPLE, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));
  fixture->file = g_file_new_for_path (fixture->path);

  fixture->window = ties_window_new (app);
  gtk_window_present (GTK_WINDOW (fixture->window));
  ui_test_iterate_until (ui_test_is_mapped, fixture->window);
  ties_window_open_file (fixture->window, fixture->file);
  ui_test_iterate_until (has_events, fixture->window);
  ui_test_iterate_for (300);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ui_test_close_dialogs ();
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  ui_test_iterate_until (no_windows, NULL);

  g_remove (fixture->path);
  g_rmdir (fixture->dir);
  g_clear_object (&fixture->file);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static char *
read_file (const char *path)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));

  return g_steal_pointer (&contents);
}

/* Another program saves its own version of the document. */
static void
write_elsewhere (Fixture    *fixture,
                 const char *title)
{
  g_autoptr(TiesDocument) theirs = ties_document_load_from_file (fixture->file, NULL, NULL, NULL);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_nonnull (theirs);
  ties_document_set_title (theirs, title);
  bytes = ties_document_save_to_bytes (theirs, NULL);
  g_assert_true (g_file_set_contents (fixture->path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
}

static void
test_edit_during_save (Fixture       *fixture,
                       gconstpointer  data)
{
  TiesDocument *document = ties_window_get_document (fixture->window);
  TiesHistory *history = ties_document_get_history (document);
  g_autofree char *contents = NULL;

  ties_history_set (history, document, "title", "Written", NULL);
  ties_window_save_to_file (fixture->window, fixture->file);
  g_assert_true (ties_window_get_saving (fixture->window));

  /* Typed while the bytes are on their way to the disk */
  ties_history_set (history, document, "title", "Typed meanwhile", NULL);
  ui_test_iterate_until (not_saving, fixture->window);

  contents = read_file (fixture->path);
  g_assert_nonnull (strstr (contents, "\"title\": \"Written\""));
  g_assert_true (ties_history_get_modified (history));

  /* Undoing back to what was written is the saved state */
  g_assert_true (ties_history_undo (history));
  g_assert_false (ties_history_get_modified (history));
}

static void
test_save_twice_at_once (Fixture       *fixture,
                         gconstpointer  data)
{
  TiesDocument *document = ties_window_get_document (fixture->window);
  TiesHistory *history = ties_document_get_history (document);
  g_autofree char *contents = NULL;

  /* A second Ctrl+S while the first save runs writes after it, so the
   * newer bytes are the ones that stay */
  ties_history_set (history, document, "title", "First", NULL);
  ties_window_save_to_file (fixture->window, fixture->file);
  ties_history_set (history, document, "title", "Second", NULL);
  ties_window_save_to_file (fixture->window, fixture->file);
  ui_test_iterate_until (not_saving, fixture->window);

  contents = read_file (fixture->path);
  g_assert_nonnull (strstr (contents, "\"title\": \"Second\""));
  g_assert_false (ties_history_get_modified (history));
}

static void
test_changed_on_disk_reload (Fixture       *fixture,
                             gconstpointer  data)
{
  g_assert_false (banner_shown (fixture->window));

  write_elsewhere (fixture, "Their version");
  ui_test_iterate_until (banner_shown, fixture->window);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.reload", NULL);
  ui_test_iterate_until ((gboolean (*) (gpointer)) ui_test_is_mapped, fixture->window);
  while (!g_str_equal (ties_document_get_title (ties_window_get_document (fixture->window)), "Their version"))
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (banner_shown (fixture->window));
  g_assert_false (ties_history_get_modified (ties_document_get_history (ties_window_get_document (fixture->window))));
}

static void
test_changed_on_disk_keep_mine (Fixture       *fixture,
                                gconstpointer  data)
{
  TiesDocument *document = ties_window_get_document (fixture->window);
  TiesHistory *history = ties_document_get_history (document);
  g_autofree char *contents = NULL;

  write_elsewhere (fixture, "Their version");
  ui_test_iterate_until (banner_shown, fixture->window);

  /* Keeping mine: the window's document differs from the file */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.keep-mine", NULL);
  g_assert_false (banner_shown (fixture->window));
  g_assert_true (ties_history_get_modified (history));

  /* and saving it replaces theirs without asking again */
  ties_window_save_to_file (fixture->window, fixture->file);
  g_assert_null (ui_test_find_dialog ());
  ui_test_iterate_until (not_saving, fixture->window);
  contents = read_file (fixture->path);
  g_assert_null (strstr (contents, "Their version"));
  g_assert_false (ties_history_get_modified (history));

  /* Our own save is no change by another program */
  ui_test_iterate_for (800);
  g_assert_false (banner_shown (fixture->window));
}

static void
test_changed_on_disk_before_save (Fixture       *fixture,
                                  gconstpointer  data)
{
  TiesDocument *document = ties_window_get_document (fixture->window);
  TiesHistory *history = ties_document_get_history (document);
  g_autofree char *contents = NULL;

  /* Saved before the monitor could tell: the check before saving asks */
  ties_history_set (history, document, "title", "Mine", NULL);
  write_elsewhere (fixture, "Their version");
  ties_window_save_to_file (fixture->window, fixture->file);
  ui_test_iterate_until (ui_test_dialog_shown, NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ui_test_find_dialog ()), "Changed on Disk"));
  g_assert_false (ties_window_get_saving (fixture->window));

  /* Cancel leaves their file alone */
  adw_message_dialog_response (ui_test_find_dialog (), "cancel");
  if (ui_test_find_dialog () != NULL)
    gtk_window_destroy (GTK_WINDOW (ui_test_find_dialog ()));
  ui_test_iterate_for (100);
  contents = read_file (fixture->path);
  g_assert_nonnull (strstr (contents, "Their version"));
  g_assert_true (ties_history_get_modified (history));
  g_clear_pointer (&contents, g_free);

  /* Save Anyway writes ours */
  ties_window_save_to_file (fixture->window, fixture->file);
  ui_test_iterate_until (ui_test_dialog_shown, NULL);
  adw_message_dialog_response (ui_test_find_dialog (), "save");
  ui_test_iterate_until (not_saving, fixture->window);
  contents = read_file (fixture->path);
  g_assert_nonnull (strstr (contents, "\"title\": \"Mine\""));
  g_assert_false (ties_history_get_modified (history));
}

static void
test_deleted_on_disk (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *reload = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window), TIES_TYPE_WINDOW, "reload_button"));

  g_assert_no_errno (g_remove (fixture->path));
  ui_test_iterate_until (banner_shown, fixture->window);
  /* Nothing to reload: only keeping ours is offered */
  g_assert_false (gtk_widget_get_visible (reload));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.keep-mine", NULL);
  ties_window_save_to_file (fixture->window, fixture->file);
  ui_test_iterate_until (not_saving, fixture->window);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
}

/* A small document is read at once: the window's first frame shows it.
 * A large one is read in a worker: the window stays responsive, and the
 * document arrives a moment later. */
static void
test_small_at_once_large_in_worker (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *large_path = g_build_filename (fixture->dir, "large.ties.json", NULL);
  g_autoptr(GFile) large = g_file_new_for_path (large_path);
  GString *json = g_string_new ("{\"format\": \"ties\", \"version\": 1, \"actors\": [");
  TiesWindow *window = ties_window_new (app);
  TiesDocument *before;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (json, "%s{\"id\": \"a%u\", \"name\": \"Actor number %u of a rather large document\", \"kind\": \"person\"}",
                            i > 0 ? ", " : "", i, i);
  g_string_append (json, "], \"events\": [{\"id\": \"e\", \"title\": \"E\", \"kind\": \"meeting\", \"participants\": [\"a0\", \"a1\"]}]}");
  g_assert_cmpuint (json->len, >, 256 * 1024);
  g_assert_true (g_file_set_contents (large_path, json->str, json->len, NULL));
  g_string_free (json, TRUE);

  gtk_window_present (GTK_WINDOW (window));
  before = ties_window_get_document (window);
  ties_window_open_file (window, fixture->file);
  g_assert_true (ties_window_get_document (window) != before);
  g_assert_true (has_events (window));

  before = ties_window_get_document (window);
  ties_window_open_file (window, large);
  g_assert_true (ties_window_get_document (window) == before);
  ui_test_iterate_until (has_large_document, window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_actors (ties_window_get_document (window)))), ==, 3000);

  gtk_window_destroy (GTK_WINDOW (window));
  g_remove (large_path);
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

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/window-files/edit-during-save", test_edit_during_save);
  ADD ("/window-files/save-twice-at-once", test_save_twice_at_once);
  ADD ("/window-files/changed-on-disk/reload", test_changed_on_disk_reload);
  ADD ("/window-files/changed-on-disk/keep-mine", test_changed_on_disk_keep_mine);
  ADD ("/window-files/changed-on-disk/before-save", test_changed_on_disk_before_save);
  ADD ("/window-files/changed-on-disk/deleted", test_deleted_on_disk);
  ADD ("/window-files/small-at-once-large-in-worker", test_small_at_once_large_in_worker);
#undef ADD

  return g_test_run ();
}
