/* test-file-watch.c: another program's changes to an open document are seen
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "ties-file-watch.h"

typedef struct {
  char *dir;
  char *path;
  GFile *file;
  TiesFileWatch *watch;
  guint signals;
} Fixture;

static void
on_changed_on_disk (TiesFileWatch *watch,
                    Fixture       *fixture)
{
  fixture->signals++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("ties-watch-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "doc.ties.json", NULL);
  g_file_set_contents (fixture->path, "{\"first\": 1}\n", -1, &error);
  g_assert_no_error (error);
  fixture->file = g_file_new_for_path (fixture->path);
  fixture->watch = ties_file_watch_new (fixture->file);
  g_signal_connect (fixture->watch, "changed-on-disk", G_CALLBACK (on_changed_on_disk), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->watch);
  g_clear_object (&fixture->file);
  g_unlink (fixture->path);
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gboolean
on_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @count signals came or @seconds passed. */
static void
wait_for_signals (Fixture *fixture,
                  guint    count,
                  guint    seconds)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (seconds, on_timeout, &timed_out);

  while (!timed_out && fixture->signals < count)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
}

/* Another program writes the file (in place, as many do). */
static void
write_elsewhere (const char *path,
                 const char *text)
{
  FILE *f = fopen (path, "w");

  g_assert_nonnull (f);
  g_assert_cmpint (fputs (text, f), >=, 0);
  g_assert_cmpint (fclose (f), ==, 0);
}

static void
test_unchanged (Fixture       *fixture,
                gconstpointer  data)
{
  g_assert_false (ties_file_watch_is_changed (fixture->watch));
  g_assert_true (ties_file_watch_get_exists (fixture->watch));
  wait_for_signals (fixture, 1, 1);
  g_assert_cmpuint (fixture->signals, ==, 0);
}

static void
test_written_in_place (Fixture       *fixture,
                       gconstpointer  data)
{
  /* Same size: only the time and the contents differ */
  write_elsewhere (fixture->path, "{\"other\": 2}\n");
  g_assert_true (ties_file_watch_is_changed (fixture->watch));
  wait_for_signals (fixture, 1, 10);
  g_assert_cmpuint (fixture->signals, ==, 1);

  /* One change, one signal */
  wait_for_signals (fixture, 2, 1);
  g_assert_cmpuint (fixture->signals, ==, 1);

  /* The user kept their version, or reloaded */
  ties_file_watch_record (fixture->watch);
  g_assert_false (ties_file_watch_is_changed (fixture->watch));
}

static void
test_replaced (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* g_file_set_contents() writes a new file and renames it over */
  g_file_set_contents (fixture->path, "{\"a\": 1}\n", -1, &error);
  g_assert_no_error (error);
  g_assert_true (ties_file_watch_is_changed (fixture->watch));
  wait_for_signals (fixture, 1, 10);
  g_assert_cmpuint (fixture->signals, ==, 1);
}

static void
test_deleted (Fixture       *fixture,
              gconstpointer  data)
{
  g_assert_cmpint (g_unlink (fixture->path), ==, 0);
  g_assert_true (ties_file_watch_is_changed (fixture->watch));
  g_assert_false (ties_file_watch_get_exists (fixture->watch));
  wait_for_signals (fixture, 1, 10);
  g_assert_cmpuint (fixture->signals, ==, 1);
}

static void
test_own_save (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* This program's own save is no news */
  ties_file_watch_hold (fixture->watch);
  g_file_set_contents (fixture->path, "{\"saved\": true}\n", -1, &error);
  g_assert_no_error (error);
  ties_file_watch_release (fixture->watch, TRUE);
  g_assert_false (ties_file_watch_is_changed (fixture->watch));
  wait_for_signals (fixture, 1, 2);
  g_assert_cmpuint (fixture->signals, ==, 0);

  /* A failed save wrote nothing, and another program's change made
   * meanwhile is still reported */
  ties_file_watch_hold (fixture->watch);
  write_elsewhere (fixture->path, "{\"theirs\": true}\n");
  wait_for_signals (fixture, 1, 1);
  g_assert_cmpuint (fixture->signals, ==, 0);
  ties_file_watch_release (fixture->watch, FALSE);
  wait_for_signals (fixture, 1, 10);
  g_assert_cmpuint (fixture->signals, ==, 1);
  g_assert_true (ties_file_watch_is_changed (fixture->watch));
}

static void
test_forget (Fixture       *fixture,
             gconstpointer  data)
{
  /* A restored draft came from an older file: saving must ask */
  ties_file_watch_forget (fixture->watch);
  g_assert_true (ties_file_watch_is_changed (fixture->watch));
  ties_file_watch_record (fixture->watch);
  g_assert_false (ties_file_watch_is_changed (fixture->watch));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/file-watch/unchanged", Fixture, NULL, fixture_set_up, test_unchanged, fixture_tear_down);
  g_test_add ("/file-watch/written-in-place", Fixture, NULL, fixture_set_up, test_written_in_place, fixture_tear_down);
  g_test_add ("/file-watch/replaced", Fixture, NULL, fixture_set_up, test_replaced, fixture_tear_down);
  g_test_add ("/file-watch/deleted", Fixture, NULL, fixture_set_up, test_deleted, fixture_tear_down);
  g_test_add ("/file-watch/own-save", Fixture, NULL, fixture_set_up, test_own_save, fixture_tear_down);
  g_test_add ("/file-watch/forget", Fixture, NULL, fixture_set_up, test_forget, fixture_tear_down);

  return g_test_run ();
}
