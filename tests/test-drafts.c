/* test-drafts.c: drafts keep unsaved changes on disk, and give them back
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "ties-document.h"
#include "ties-document-io.h"
#include "ties-drafts.h"
#include "test-util.h"

#define SAMPLE_PATH TOP_SRCDIR "/data/samples/christchurch-call.ties.json"

typedef struct
{
  char *path;
  GFile *folder;
  TiesDrafts *drafts;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->path = test_make_temp_dir ("ties-drafts-XXXXXX");
  /* A folder that does not exist yet, as on the first run. */
  fixture->folder = g_file_new_build_filename (fixture->path, "io.github.tiesapp.Ties", "drafts", NULL);
  fixture->drafts = ties_drafts_new (fixture->folder);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->drafts);
  g_clear_object (&fixture->folder);
  test_remove_tree (fixture->path);
  g_free (fixture->path);
}

static GBytes *
document_bytes (TiesDocument *document)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = ties_document_save_to_bytes (document, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  return bytes;
}

static void
assert_same_document (TiesDocument *a,
                      TiesDocument *b)
{
  g_autoptr(GBytes) bytes_a = document_bytes (a);
  g_autoptr(GBytes) bytes_b = document_bytes (b);

  g_assert_true (g_bytes_equal (bytes_a, bytes_b));
}

static GPtrArray *
list (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *drafts = ties_drafts_list (fixture->drafts, &error);

  g_assert_no_error (error);
  g_assert_nonnull (drafts);

  return drafts;
}

static TiesDocument *
load (TiesDraft *draft)
{
  g_autoptr(GError) error = NULL;
  TiesDocument *document = ties_draft_load (draft, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static GFile *
copy_sample (Fixture *fixture)
{
  g_autofree char *contents = NULL;
  g_autofree char *path = g_build_filename (fixture->path, "sample.ties.json", NULL);
  gsize length;

  g_assert_true (g_file_get_contents (SAMPLE_PATH, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  return g_file_new_for_path (path);
}

/* An edit through the history, as the window makes them. */
static void
edit_title (TiesDocument *document,
            const char   *title)
{
  TiesHistory *history = ties_document_get_history (document);

  ties_history_begin (history, "Rename");
  ties_history_set (history, document, "title", title, NULL);
  ties_history_end (history);
}

static void
test_write_list_load (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TiesDocument) titled = test_load_sample ();
  g_autoptr(TiesDocument) untitled = ties_document_new ();
  g_autoptr(GBytes) titled_bytes = NULL;
  g_autoptr(GBytes) untitled_bytes = NULL;
  g_autoptr(GFile) original = copy_sample (fixture);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  TiesDraft *draft_a, *draft_b;

  /* No folder yet: no drafts, and no error. */
  drafts = list (fixture);
  g_assert_cmpuint (drafts->len, ==, 0);
  g_clear_pointer (&drafts, g_ptr_array_unref);

  edit_title (titled, "Ardern and the tech chiefs, revised");
  titled_bytes = document_bytes (titled);
  g_assert_true (ties_drafts_write (fixture->drafts, "a", titled_bytes, original, "Revised", NULL, &error));
  g_assert_no_error (error);

  /* Unsaved work is for the user's eyes only. */
  {
    g_autofree char *folder = g_file_get_path (fixture->folder);
    GStatBuf st;

    g_assert_cmpint (g_stat (folder, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  }

  edit_title (untitled, "Notes on a call");
  untitled_bytes = document_bytes (untitled);
  g_assert_true (ties_drafts_write (fixture->drafts, "b", untitled_bytes, NULL, "", NULL, &error));
  g_assert_no_error (error);

  drafts = list (fixture);
  g_assert_cmpuint (drafts->len, ==, 2);
  draft_a = g_ptr_array_index (drafts, 0);
  draft_b = g_ptr_array_index (drafts, 1);
  if (!g_str_equal (ties_draft_get_id (draft_a), "a"))
    {
      TiesDraft *swap = draft_a;
      draft_a = draft_b;
      draft_b = swap;
    }
  g_assert_cmpstr (ties_draft_get_id (draft_a), ==, "a");
  g_assert_cmpstr (ties_draft_get_id (draft_b), ==, "b");

  /* Newest first: b was written after a. */
  g_assert_true (g_date_time_compare (ties_draft_get_time (g_ptr_array_index (drafts, 0)),
                                      ties_draft_get_time (g_ptr_array_index (drafts, 1))) >= 0);

  g_assert_null (ties_draft_get_problem (draft_a));
  g_assert_cmpstr (ties_draft_get_title (draft_a), ==, "Revised");
  g_assert_nonnull (ties_draft_get_original (draft_a));
  g_assert_true (g_file_equal (ties_draft_get_original (draft_a), original));
  g_assert_false (ties_draft_get_original_changed (draft_a));
  g_assert_nonnull (ties_draft_get_time (draft_a));
  g_assert_true (g_date_time_difference (ties_draft_get_time (draft_a), before) > -G_USEC_PER_SEC);

  g_assert_null (ties_draft_get_problem (draft_b));
  g_assert_cmpstr (ties_draft_get_title (draft_b), ==, "");
  g_assert_null (ties_draft_get_original (draft_b));

  /* Read back: the very documents that were drafted. */
  {
    g_autoptr(TiesDocument) back_a = load (draft_a);
    g_autoptr(TiesDocument) back_b = load (draft_b);

    assert_same_document (back_a, titled);
    assert_same_document (back_b, untitled);
    g_assert_cmpstr (ties_document_get_title (back_b), ==, "Notes on a call");
  }

  /* Rewriting a draft replaces it; it does not add one. */
  edit_title (untitled, "Notes on two calls");
  g_clear_pointer (&untitled_bytes, g_bytes_unref);
  untitled_bytes = document_bytes (untitled);
  g_assert_true (ties_drafts_write (fixture->drafts, "b", untitled_bytes, NULL, "", NULL, &error));
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = list (fixture);
  g_assert_cmpuint (drafts->len, ==, 2);

  /* Removed, one at a time; removing twice is not an error. */
  g_assert_true (ties_drafts_remove (fixture->drafts, "a", &error));
  g_assert_no_error (error);
  g_assert_true (ties_drafts_remove (fixture->drafts, "a", &error));
  g_assert_no_error (error);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = list (fixture);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (ties_draft_get_id (g_ptr_array_index (drafts, 0)), ==, "b");
  {
    g_autoptr(TiesDocument) back_b = load (g_ptr_array_index (drafts, 0));

    g_assert_cmpstr (ties_document_get_title (back_b), ==, "Notes on two calls");
  }

  g_assert_true (ties_drafts_remove (fixture->drafts, "b", &error));
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = list (fixture);
  g_assert_cmpuint (drafts->len, ==, 0);
}

static void
test_session_mark (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) mark = g_file_get_child (fixture->folder, "running");
  gboolean crashed = TRUE;

  /* The first run ever: nothing crashed. */
  g_assert_true (ties_drafts_begin_session (fixture->drafts, &crashed, &error));
  g_assert_no_error (error);
  g_assert_false (crashed);
  g_assert_true (g_file_query_exists (mark, NULL));

  /* A clean quit removes the mark: the next start knows. */
  g_assert_true (ties_drafts_end_session (fixture->drafts, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (mark, NULL));
  g_assert_true (ties_drafts_begin_session (fixture->drafts, &crashed, &error));
  g_assert_false (crashed);

  /* Killed: the mark stays, and the next start sees it. */
  g_assert_true (ties_drafts_begin_session (fixture->drafts, &crashed, &error));
  g_assert_no_error (error);
  g_assert_true (crashed);
  g_assert_true (ties_drafts_end_session (fixture->drafts, &error));

  /* The mark is not a draft. */
  {
    g_autoptr(GPtrArray) drafts = NULL;

    g_assert_true (ties_drafts_begin_session (fixture->drafts, NULL, &error));
    drafts = list (fixture);
    g_assert_cmpuint (drafts->len, ==, 0);
  }
}

static char *
draft_path (Fixture    *fixture,
            const char *id)
{
  g_autofree char *name = g_strconcat (id, ".ties-draft", NULL);
  g_autofree char *folder = g_file_get_path (fixture->folder);

  return g_build_filename (folder, name, NULL);
}

static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(GBytes) bytes = document_bytes (document);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cut_path = draft_path (fixture, "cut");
  g_autofree char *garbage_path = draft_path (fixture, "garbage");
  g_autofree char *broken_path = draft_path (fixture, "broken");
  g_autofree char *cut_contents = NULL;
  g_autofree char *folder = g_file_get_path (fixture->folder);
  gsize cut_length;

  g_assert_true (ties_drafts_write (fixture->drafts, "good", bytes, NULL, "Good", NULL, &error));
  g_assert_no_error (error);

  /* Cut short, as by a full disk without the atomic rename. */
  g_assert_true (ties_drafts_write (fixture->drafts, "cut", bytes, NULL, "Cut", NULL, &error));
  g_assert_true (g_file_get_contents (cut_path, &cut_contents, &cut_length, NULL));
  cut_length -= 100;
  g_assert_true (g_file_set_contents (cut_path, cut_contents, cut_length, NULL));

  /* Not a draft at all. */
  g_assert_true (g_file_set_contents (garbage_path, "\x89PNG\r\n", -1, NULL));

  /* A sound draft whose document is not JSON. */
  {
    g_autoptr(GBytes) broken = g_bytes_new_static ("{\"format\": \"ties\", ", 19);

    g_assert_true (ties_drafts_write (fixture->drafts, "broken", broken, NULL, "Broken", NULL, &error));
    g_assert_no_error (error);
  }

  /* Listed, never a crash: the damaged ones last, each with its reason. */
  drafts = list (fixture);
  g_assert_cmpuint (drafts->len, ==, 4);
  for (guint i = 0; i < drafts->len; i++)
    {
      TiesDraft *draft = g_ptr_array_index (drafts, i);
      const char *id = ties_draft_get_id (draft);
      const char *problem = ties_draft_get_problem (draft);

      if (g_str_equal (id, "good") || g_str_equal (id, "broken"))
        {
          g_assert_null (problem);
          g_assert_cmpuint (i, <, 2);
        }
      else if (g_str_equal (id, "cut"))
        {
          g_assert_nonnull (problem);
          g_assert_nonnull (strstr (problem, "cut short"));
          g_assert_nonnull (strstr (problem, "cut.ties-draft"));
        }
      else
        {
          g_assert_cmpstr (id, ==, "garbage");
          g_assert_nonnull (problem);
          g_assert_nonnull (strstr (problem, "not a Ties draft"));
        }
    }

  /* Loading says why, and never crashes. */
  for (guint i = 0; i < drafts->len; i++)
    {
      TiesDraft *draft = g_ptr_array_index (drafts, i);
      const char *id = ties_draft_get_id (draft);
      g_autoptr(TiesDocument) back = ties_draft_load (draft, NULL, &error);

      if (g_str_equal (id, "good"))
        {
          g_assert_no_error (error);
          g_assert_nonnull (back);
          continue;
        }
      g_assert_null (back);
      g_assert_nonnull (error);
      if (g_str_equal (id, "broken"))
        {
          g_assert_true (error->domain == TIES_DOCUMENT_IO_ERROR);
          /* Named by its title, not by the draft's id. */
          g_assert_true (g_str_has_prefix (error->message, "Broken"));
        }
      else
        {
          g_assert_error (error, TIES_DRAFTS_ERROR, TIES_DRAFTS_ERROR_DAMAGED);
        }
      g_clear_error (&error);
    }

  /* Set aside, not lost: byte for byte in the "damaged" folder, and not
   * offered again. */
  for (guint i = 0; i < drafts->len; i++)
    {
      TiesDraft *draft = g_ptr_array_index (drafts, i);

      if (!g_str_equal (ties_draft_get_id (draft), "cut"))
        continue;
      g_assert_true (ties_drafts_set_aside (fixture->drafts, draft, &error));
      g_assert_no_error (error);
    }
  {
    g_autofree char *aside = g_build_filename (folder, "damaged", "cut.ties-draft", NULL);
    g_autofree char *contents = NULL;
    gsize length;
    g_autoptr(GPtrArray) after = NULL;

    g_assert_false (g_file_test (cut_path, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_get_contents (aside, &contents, &length, NULL));
    g_assert_cmpmem (contents, length, cut_contents, cut_length);

    after = list (fixture);
    g_assert_cmpuint (after->len, ==, 3);
  }
}

static void
test_original_changed (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(GBytes) bytes = document_bytes (document);
  g_autoptr(GFile) original = copy_sample (fixture);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (original);

  g_assert_true (ties_drafts_write (fixture->drafts, "d", bytes, original, "D", NULL, &error));
  drafts = list (fixture);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_false (ties_draft_get_original_changed (g_ptr_array_index (drafts, 0)));
  g_clear_pointer (&drafts, g_ptr_array_unref);

  /* Another program wrote the file: the draft still restores, and says so. */
  g_assert_true (g_file_set_contents (path, "{}\n", -1, NULL));
  drafts = list (fixture);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_true (ties_draft_get_original_changed (g_ptr_array_index (drafts, 0)));
  {
    g_autoptr(TiesDocument) back = load (g_ptr_array_index (drafts, 0));

    assert_same_document (back, document);
  }
  g_clear_pointer (&drafts, g_ptr_array_unref);

  /* And gone altogether. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  drafts = list (fixture);
  g_assert_true (ties_draft_get_original_changed (g_ptr_array_index (drafts, 0)));
}

static void
wait_idle (TiesDraftWriter *writer)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (ties_draft_writer_get_busy (writer))
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
}

static guint
count (Fixture *fixture)
{
  g_autoptr(GPtrArray) drafts = list (fixture);

  return drafts->len;
}

static void
test_writer (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(TiesDraftWriter) writer = ties_draft_writer_new (fixture->drafts, NULL);
  g_autoptr(GFile) original = copy_sample (fixture);
  TiesHistory *history = ties_document_get_history (document);
  const char *id = ties_draft_writer_get_id (writer);

  g_assert_nonnull (id);
  ties_draft_writer_set_delay (writer, 0);
  ties_draft_writer_set_document (writer, document, original);

  /* Nothing to keep while nothing is unsaved. */
  wait_idle (writer);
  g_assert_cmpuint (count (fixture), ==, 0);

  edit_title (document, "First");
  g_assert_true (ties_draft_writer_get_busy (writer));
  wait_idle (writer);
  {
    g_autoptr(GPtrArray) drafts = list (fixture);
    g_autoptr(TiesDocument) back = NULL;

    g_assert_cmpuint (drafts->len, ==, 1);
    g_assert_cmpstr (ties_draft_get_id (g_ptr_array_index (drafts, 0)), ==, id);
    g_assert_cmpstr (ties_draft_get_title (g_ptr_array_index (drafts, 0)), ==, "First");
    g_assert_true (g_file_equal (ties_draft_get_original (g_ptr_array_index (drafts, 0)), original));
    back = load (g_ptr_array_index (drafts, 0));
    assert_same_document (back, document);
  }

  /* Each later edit rewrites the same draft. */
  edit_title (document, "Second");
  wait_idle (writer);
  {
    g_autoptr(GPtrArray) drafts = list (fixture);
    g_autoptr(TiesDocument) back = NULL;

    g_assert_cmpuint (drafts->len, ==, 1);
    back = load (g_ptr_array_index (drafts, 0));
    g_assert_cmpstr (ties_document_get_title (back), ==, "Second");
  }

  /* Undone to the saved state: nothing unsaved, no draft. */
  g_assert_true (ties_history_undo (history));
  g_assert_true (ties_history_undo (history));
  g_assert_false (ties_history_get_modified (history));
  wait_idle (writer);
  g_assert_cmpuint (count (fixture), ==, 0);

  /* Saved: the draft goes. */
  edit_title (document, "Third");
  wait_idle (writer);
  g_assert_cmpuint (count (fixture), ==, 1);
  ties_history_mark_saved (history);
  wait_idle (writer);
  g_assert_cmpuint (count (fixture), ==, 0);

  /* An edit, then the save starting before the draft is written: none
   * is left behind. */
  edit_title (document, "Fourth");
  ties_history_mark_saved (history);
  wait_idle (writer);
  g_assert_cmpuint (count (fixture), ==, 0);

  /* Discarded: the draft goes, and no later edit makes one. */
  edit_title (document, "Fifth");
  wait_idle (writer);
  g_assert_cmpuint (count (fixture), ==, 1);
  ties_draft_writer_discard (writer);
  g_assert_cmpuint (count (fixture), ==, 0);
  edit_title (document, "Sixth");
  wait_idle (writer);
  g_assert_cmpuint (count (fixture), ==, 0);
}

/* A discard while the write is in flight still removes the draft. */
static void
test_writer_discard_in_flight (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(TiesDraftWriter) writer = ties_draft_writer_new (fixture->drafts, NULL);

  ties_draft_writer_set_delay (writer, 0);
  ties_draft_writer_set_document (writer, document, NULL);
  edit_title (document, "In flight");
  /* The idle starts the write; the discard comes before it lands. */
  while (ties_draft_writer_get_busy (writer) && count (fixture) == 0)
    {
      g_main_context_iteration (NULL, FALSE);
      ties_draft_writer_discard (writer);
    }
  wait_idle (writer);
  g_assert_cmpuint (count (fixture), ==, 0);
}

static void
test_writer_untitled_and_two (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(TiesDocument) first = ties_document_new ();
  g_autoptr(TiesDocument) second = test_load_sample ();
  g_autoptr(TiesDraftWriter) writer_1 = ties_draft_writer_new (fixture->drafts, NULL);
  g_autoptr(TiesDraftWriter) writer_2 = ties_draft_writer_new (fixture->drafts, NULL);
  g_autoptr(GPtrArray) drafts = NULL;

  /* Two windows: two drafts, each its own file. */
  g_assert_cmpstr (ties_draft_writer_get_id (writer_1), !=, ties_draft_writer_get_id (writer_2));
  ties_draft_writer_set_delay (writer_1, 0);
  ties_draft_writer_set_delay (writer_2, 0);
  ties_draft_writer_set_document (writer_1, first, NULL);
  ties_draft_writer_set_document (writer_2, second, NULL);
  edit_title (first, "Untitled notes");
  edit_title (second, "Other notes");
  wait_idle (writer_1);
  wait_idle (writer_2);

  drafts = list (fixture);
  g_assert_cmpuint (drafts->len, ==, 2);
  for (guint i = 0; i < drafts->len; i++)
    {
      TiesDraft *draft = g_ptr_array_index (drafts, i);
      g_autoptr(TiesDocument) back = load (draft);

      g_assert_null (ties_draft_get_original (draft));
      if (g_str_equal (ties_draft_get_id (draft), ties_draft_writer_get_id (writer_1)))
        assert_same_document (back, first);
      else
        assert_same_document (back, second);
    }

  /* A window closed with unsaved changes, not by discarding (the app
   * was told to quit some other way): its draft stays. A window whose
   * document is saved leaves none. */
  ties_history_mark_saved (ties_document_get_history (second));
  g_clear_object (&writer_2);
  g_clear_object (&writer_1);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = list (fixture);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_null (ties_draft_get_original (g_ptr_array_index (drafts, 0)));
  g_assert_cmpstr (ties_draft_get_title (g_ptr_array_index (drafts, 0)), ==, "Untitled notes");
}

/* Restoring: the draft's document, shown unsaved, keeps writing to the
 * same draft, which a save then removes. */
static void
test_writer_restore (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(TiesDocument) restored = NULL;
  g_autoptr(TiesDraftWriter) writer = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) original = copy_sample (fixture);

  edit_title (document, "Before the crash");
  bytes = document_bytes (document);
  g_assert_true (ties_drafts_write (fixture->drafts, "crashed", bytes, original, "Before the crash", NULL, &error));

  drafts = list (fixture);
  restored = load (g_ptr_array_index (drafts, 0));
  ties_history_mark_unsaved (ties_document_get_history (restored));
  g_assert_true (ties_history_get_modified (ties_document_get_history (restored)));

  writer = ties_draft_writer_new (fixture->drafts, "crashed");
  ties_draft_writer_set_delay (writer, 0);
  ties_draft_writer_set_document (writer, restored, ties_draft_get_original (g_ptr_array_index (drafts, 0)));
  wait_idle (writer);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = list (fixture);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (ties_draft_get_id (g_ptr_array_index (drafts, 0)), ==, "crashed");

  ties_history_mark_saved (ties_document_get_history (restored));
  wait_idle (writer);
  g_assert_cmpuint (count (fixture), ==, 0);
}

/* A burst of edits is one write, some seconds after the last. */
static void
test_writer_debounce (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(TiesDraftWriter) writer = ties_draft_writer_new (fixture->drafts, NULL);
  gint64 last_edit;

  g_assert_cmpuint (TIES_DRAFT_WRITER_DEFAULT_DELAY, >=, 1);
  g_assert_cmpuint (TIES_DRAFT_WRITER_DEFAULT_DELAY, <=, 10);
  ties_draft_writer_set_delay (writer, 1);
  ties_draft_writer_set_document (writer, document, NULL);

  /* Edits 0.4 s apart for 3 s: never a second's quiet, never a write.
   * (Second timeouts may fire up to a quarter second early.) */
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *title = g_strdup_printf ("Edit %u", i);
      gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC * 4 / 10;

      edit_title (document, title);
      last_edit = g_get_monotonic_time ();
      while (g_get_monotonic_time () < until)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (10000);
        }
      g_assert_cmpuint (count (fixture), ==, 0);
    }

  wait_idle (writer);
  g_assert_cmpint (g_get_monotonic_time () - last_edit, >=, G_USEC_PER_SEC * 7 / 10);
  {
    g_autoptr(GPtrArray) drafts = list (fixture);
    g_autoptr(TiesDocument) back = NULL;

    g_assert_cmpuint (drafts->len, ==, 1);
    back = load (g_ptr_array_index (drafts, 0));
    g_assert_cmpstr (ties_document_get_title (back), ==, "Edit 7");
  }
}

static void
test_default_folder (void)
{
  g_autoptr(TiesDrafts) drafts = ties_drafts_new_default ();
  g_autofree char *path = g_file_get_path (ties_drafts_get_folder (drafts));
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "io.github.tiesapp.Ties", "drafts", NULL);
  g_autofree char *expected_devel = g_build_filename (g_get_user_data_dir (), "io.github.tiesapp.Ties.Devel", "drafts", NULL);

  g_assert_true (g_str_equal (path, expected) || g_str_equal (path, expected_devel));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/drafts/write-list-load", test_write_list_load);
  ADD ("/drafts/session-mark", test_session_mark);
  ADD ("/drafts/damaged", test_damaged);
  ADD ("/drafts/original-changed", test_original_changed);
  ADD ("/drafts/writer/edits", test_writer);
  ADD ("/drafts/writer/discard-in-flight", test_writer_discard_in_flight);
  ADD ("/drafts/writer/untitled-and-two", test_writer_untitled_and_two);
  ADD ("/drafts/writer/restore", test_writer_restore);
  ADD ("/drafts/writer/debounce", test_writer_debounce);
#undef ADD
  g_test_add_func ("/drafts/default-folder", test_default_folder);

  return g_test_run ();
}
