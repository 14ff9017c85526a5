/* test-safe-file.c: a save never destroys the file it replaces
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* setresuid(), setresgid() */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ties-document-io.h"
#include "ties-safe-file.h"
#include "test-util.h"

#define SAMPLE TOP_SRCDIR "/data/samples/christchurch-call.ties.json"

typedef struct
{
  char *folder;
  GBytes *old_bytes;
  GBytes *new_bytes;
} Fixture;

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static void
assert_file_bytes (const char *path,
                   GBytes     *expected)
{
  g_autoptr(GBytes) actual = read_bytes (path);

  g_assert_true (g_bytes_equal (actual, expected));
}

/* No file of the pattern survives in @folder. */
static void
assert_no_temporaries (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, TIES_SAFE_FILE_SUFFIX))
      g_error ("temporary file left behind: %s/%s", folder, name);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) changed = NULL;
  g_autoptr(GBytes) sample = read_bytes (SAMPLE);
  gsize length;
  const char *text = g_bytes_get_data (sample, &length);

  fixture->folder = g_dir_make_tmp ("ties-safe-file-XXXXXX", &error);
  g_assert_no_error (error);
  /* Readable by the unprivileged user of the read-only folder test. */
  g_assert_cmpint (chmod (fixture->folder, 0755), ==, 0);

  /* The sample, and a version of it of the same size that differs in
   * every line: a partial write of either is told apart from both. */
  fixture->old_bytes = g_bytes_ref (sample);
  changed = g_string_new_len (text, length);
  for (gsize i = 0; i < changed->len; i++)
    if (changed->str[i] == ' ')
      changed->str[i] = '\t';
  fixture->new_bytes = g_string_free_to_bytes (g_steal_pointer (&changed));
  g_assert_false (g_bytes_equal (fixture->old_bytes, fixture->new_bytes));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *command = g_strdup_printf ("rm -rf '%s'", fixture->folder);

  g_assert_cmpint (system (command), ==, 0);
  g_free (fixture->folder);
  g_bytes_unref (fixture->old_bytes);
  g_bytes_unref (fixture->new_bytes);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->folder, name, NULL);
}

static gboolean
replace (const char    *path,
         GBytes        *bytes,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return ties_safe_file_replace (file, bytes, cancellable, error);
}

static void
test_new_file (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "new.ties.json");
  g_autoptr(GError) error = NULL;
  struct stat st;
  mode_t old_umask = umask (027);

  g_assert_true (replace (path, fixture->new_bytes, NULL, &error));
  umask (old_umask);
  g_assert_no_error (error);
  assert_file_bytes (path, fixture->new_bytes);
  g_assert_cmpint (stat (path, &st), ==, 0);
  /* 0666 less the umask, as any program's new file. */
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  assert_no_temporaries (fixture->folder);
}

static void
test_mode_kept (Fixture       *fixture,
                gconstpointer  data)
{
  /* Root may replace a read-only file; others are refused (below). */
  const mode_t modes[] = { 0600, 0644, 0640, 0664, 0444 };
  guint n_modes = geteuid () == 0 ? G_N_ELEMENTS (modes) : G_N_ELEMENTS (modes) - 1;

  for (guint i = 0; i < n_modes; i++)
    {
      g_autofree char *path = fixture_path (fixture, "mode.ties.json");
      g_autoptr(GError) error = NULL;
      struct stat st;

      write_bytes (path, fixture->old_bytes);
      g_assert_cmpint (chmod (path, modes[i]), ==, 0);
      g_assert_true (replace (path, fixture->new_bytes, NULL, &error));
      g_assert_no_error (error);
      assert_file_bytes (path, fixture->new_bytes);
      g_assert_cmpint (stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 07777, ==, modes[i]);
      assert_no_temporaries (fixture->folder);
      g_unlink (path);
    }
}

static void
assert_link (const char *link,
             const char *expected_target)
{
  g_autofree char *target = NULL;
  struct stat st;

  g_assert_cmpint (lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  target = g_file_read_link (link, NULL);
  g_assert_cmpstr (target, ==, expected_target);
}

/* Absolute, relative (to the link's own folder, not ours) and chained
 * links: each stays the link it was, and the file it names gets the new
 * bytes, made beside that file. */
static void
test_symlinks (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *links = fixture_path (fixture, "links");
  g_autofree char *files = fixture_path (fixture, "files");
  g_autofree char *real = g_build_filename (files, "real.ties.json", NULL);
  g_autofree char *absolute = g_build_filename (links, "absolute.ties.json", NULL);
  g_autofree char *relative = g_build_filename (links, "relative.ties.json", NULL);
  g_autofree char *chain = g_build_filename (links, "chain.ties.json", NULL);
  g_autofree char *dangling = g_build_filename (links, "dangling.ties.json", NULL);
  g_autofree char *dangling_target = g_build_filename (files, "made.ties.json", NULL);
  const char *saves[] = { absolute, relative, chain };
  struct stat st;

  g_assert_cmpint (g_mkdir (links, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (files, 0755), ==, 0);
  g_assert_cmpint (symlink (real, absolute), ==, 0);
  g_assert_cmpint (symlink ("../files/real.ties.json", relative), ==, 0);
  /* chain → relative → real */
  g_assert_cmpint (symlink ("relative.ties.json", chain), ==, 0);
  g_assert_cmpint (symlink ("../files/made.ties.json", dangling), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (saves); i++)
    {
      g_autoptr(GError) error = NULL;
      GBytes *bytes = i % 2 == 0 ? fixture->new_bytes : fixture->old_bytes;

      write_bytes (real, i % 2 == 0 ? fixture->old_bytes : fixture->new_bytes);
      g_assert_cmpint (chmod (real, 0604), ==, 0);
      g_assert_true (replace (saves[i], bytes, NULL, &error));
      g_assert_no_error (error);
      assert_file_bytes (real, bytes);
      assert_file_bytes (saves[i], bytes);
      assert_no_temporaries (links);
      assert_no_temporaries (files);
    }

  assert_link (absolute, real);
  assert_link (relative, "../files/real.ties.json");
  assert_link (chain, "relative.ties.json");
  g_assert_cmpint (stat (real, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0604);

  /* A link to a file not made yet makes it where the link points. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (replace (dangling, fixture->new_bytes, NULL, &error));
    g_assert_no_error (error);
    assert_link (dangling, "../files/made.ties.json");
    assert_file_bytes (dangling_target, fixture->new_bytes);
  }
}

static void
test_link_loop (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *a = fixture_path (fixture, "a.ties.json");
  g_autofree char *b = fixture_path (fixture, "b.ties.json");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink ("b.ties.json", a), ==, 0);
  g_assert_cmpint (symlink ("a.ties.json", b), ==, 0);
  g_assert_false (replace (a, fixture->new_bytes, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS);
  g_assert_nonnull (strstr (error->message, "a.ties.json"));
  assert_link (a, "b.ties.json");
  assert_no_temporaries (fixture->folder);
}

static void
test_not_regular (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *folder = fixture_path (fixture, "folder.ties.json");
  g_autofree char *missing = fixture_path (fixture, "missing/new.ties.json");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_false (replace (folder, fixture->new_bytes, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_clear_error (&error);

  g_assert_false (replace (missing, fixture->new_bytes, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  assert_no_temporaries (fixture->folder);
}

/* Only unlocked temporary files of this target's name go. */
static void
test_stale_temporaries (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *stale[] = {
    ".doc.ties.json.a1B2c3.ties-save",
    ".doc.ties.json.XXXXXX.ties-save",
  };
  const char *kept[] = {
    ".other.ties.json.a1B2c3.ties-save",
    ".doc.ties.json.a1B2c3.ties-save.bak",
    "doc.ties.json.a1B2c3.ties-save",
    ".doc.ties.jsonx.a1B2c3.ties-save",
    ".doc.ties.json.a1B2c.ties-save",
    ".doc.ties.json.a1B2c3.ties-sav",
    "doc.ties.json~",
  };
  /* A save of the same file that is running now holds its lock. */
  const char *running = ".doc.ties.json.RuNnIn.ties-save";
  g_autofree char *path = fixture_path (fixture, "doc.ties.json");
  g_autofree char *running_path = fixture_path (fixture, running);
  g_autoptr(GError) error = NULL;
  int running_fd;

  write_bytes (path, fixture->old_bytes);
  for (guint i = 0; i < G_N_ELEMENTS (stale); i++)
    {
      g_autofree char *stale_path = fixture_path (fixture, stale[i]);
      write_bytes (stale_path, fixture->new_bytes);
    }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *kept_path = fixture_path (fixture, kept[i]);
      write_bytes (kept_path, fixture->new_bytes);
    }
  running_fd = open (running_path, O_RDWR | O_CREAT | O_EXCL, 0600);
  g_assert_cmpint (running_fd, >=, 0);
  g_assert_cmpint (flock (running_fd, LOCK_EX), ==, 0);

  g_assert_true (replace (path, fixture->new_bytes, NULL, &error));
  g_assert_no_error (error);
  assert_file_bytes (path, fixture->new_bytes);

  for (guint i = 0; i < G_N_ELEMENTS (stale); i++)
    {
      g_autofree char *stale_path = fixture_path (fixture, stale[i]);
      g_assert_false (g_file_test (stale_path, G_FILE_TEST_EXISTS));
    }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *kept_path = fixture_path (fixture, kept[i]);
      assert_file_bytes (kept_path, fixture->new_bytes);
    }
  g_assert_true (g_file_test (running_path, G_FILE_TEST_EXISTS));

  /* Once that save is gone, the next one removes its file. */
  close (running_fd);
  g_assert_true (replace (path, fixture->old_bytes, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (running_path, G_FILE_TEST_EXISTS));
}

static void
test_cancelled_before (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "doc.ties.json");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  write_bytes (path, fixture->old_bytes);
  g_cancellable_cancel (cancellable);
  g_assert_false (replace (path, fixture->new_bytes, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_file_bytes (path, fixture->old_bytes);
  assert_no_temporaries (fixture->folder);
}

typedef struct
{
  const char *folder;
  GCancellable *cancellable;
  gboolean saw_temporary;
} Canceller;

static gboolean
has_temporary (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, TIES_SAFE_FILE_SUFFIX))
      return TRUE;

  return FALSE;
}

/* Cancels as soon as the temporary file is there, that is while the
 * bytes are being written. */
static gpointer
cancel_when_writing (gpointer data)
{
  Canceller *canceller = data;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      if (has_temporary (canceller->folder))
        {
          canceller->saw_temporary = TRUE;
          g_cancellable_cancel (canceller->cancellable);
          break;
        }
      g_usleep (50);
    }

  return NULL;
}

static void
test_cancelled_while_writing (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "doc.ties.json");
  g_autoptr(GBytes) big = NULL;
  guint cancelled = 0;
  gsize size = 256 << 20;
  guint8 *buffer;

  /* Large enough that writing it takes far longer than noticing it. */
  buffer = g_malloc (size);
  memset (buffer, 'x', size);
  big = g_bytes_new_take (buffer, size);

  for (guint attempt = 0; attempt < 3; attempt++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GError) error = NULL;
      Canceller canceller = { fixture->folder, cancellable, FALSE };
      GThread *thread;
      gboolean saved;

      write_bytes (path, fixture->old_bytes);
      thread = g_thread_new ("canceller", cancel_when_writing, &canceller);
      saved = replace (path, big, cancellable, &error);
      g_cancellable_cancel (cancellable);
      g_thread_join (thread);
      g_assert_true (canceller.saw_temporary);

      if (saved)
        {
          /* The cancellation came after the rename: all or nothing. */
          g_assert_no_error (error);
          assert_file_bytes (path, big);
          continue;
        }

      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      assert_file_bytes (path, fixture->old_bytes);
      assert_no_temporaries (fixture->folder);
      cancelled++;
    }

  g_assert_cmpuint (cancelled, >, 0);
}

/* A failed write: the cause named, the target as it was. The save runs
 * in a child, whose output the parent checks. */
static void
expect_failed_save (Fixture    *fixture,
                    const char *path,
                    const char *cause)
{
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*Could not save*");
  g_test_trap_assert_stdout (cause);
  assert_file_bytes (path, fixture->old_bytes);
  assert_no_temporaries (fixture->folder);
}

static void
print_failed_save (const char *path,
                   GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  if (replace (path, bytes, NULL, &error))
    g_error ("the save should have failed");

  g_print ("%s\n", error->message);
}

static void
test_file_size_limit_child (void)
{
  const char *path = g_getenv ("TIES_TEST_PATH");
  g_autoptr(GBytes) bytes = NULL;
  struct rlimit limit = { 32 << 10, 32 << 10 };

  if (!g_test_subprocess ())
    {
      g_test_skip ("run by another test, in a child process");
      return;
    }
  bytes = read_bytes (g_getenv ("TIES_TEST_BYTES"));
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  print_failed_save (path, bytes);
}

static void
run_child (const char *test_path,
           const char *target,
           GBytes     *bytes)
{
  g_autofree char *bytes_path = g_build_filename (g_get_tmp_dir (), "ties-safe-file-bytes-XXXXXX", NULL);
  int fd = g_mkstemp (bytes_path);

  g_assert_cmpint (fd, >=, 0);
  close (fd);
  write_bytes (bytes_path, bytes);
  g_assert_cmpint (chmod (bytes_path, 0644), ==, 0);

  g_setenv ("TIES_TEST_PATH", target, TRUE);
  g_setenv ("TIES_TEST_BYTES", bytes_path, TRUE);
  g_test_trap_subprocess (test_path, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_unsetenv ("TIES_TEST_PATH");
  g_unsetenv ("TIES_TEST_BYTES");
  g_unlink (bytes_path);
}

/* `ulimit -f 32`: the sample (40 KB) cannot be written. */
static void
test_file_size_limit_run (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "doc.ties.json");

  g_assert_cmpuint (g_bytes_get_size (fixture->new_bytes), >, 32 << 10);
  write_bytes (path, fixture->old_bytes);
  run_child ("/safe-file/child/file-size-limit", path, fixture->new_bytes);
  expect_failed_save (fixture, path, "*too large*");
}

/* A full disk: a 64 KiB tmpfs holding the 40 KB sample has no room for
 * a second copy. Needs the right to mount. */
static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *disk = fixture_path (fixture, "disk");
  g_autofree char *path = g_build_filename (disk, "doc.ties.json", NULL);
  g_autoptr(GError) error = NULL;
  gboolean saved;

  g_assert_cmpint (g_mkdir (disk, 0755), ==, 0);
  if (mount ("tmpfs", disk, "tmpfs", 0, "size=64k") != 0)
    {
      g_autofree char *message = g_strdup_printf ("cannot mount a tmpfs here: %s", g_strerror (errno));
      g_test_skip (message);
      return;
    }

  write_bytes (path, fixture->old_bytes);
  saved = replace (path, fixture->new_bytes, NULL, &error);
  if (!saved)
    {
      assert_file_bytes (path, fixture->old_bytes);
      assert_no_temporaries (disk);
    }
  g_assert_cmpint (umount (disk), ==, 0);

  g_assert_false (saved);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_assert_nonnull (strstr (error->message, path));
}

/* A file anyone may write, in a folder only root may change: a safe save
 * cannot make its new file there, so it refuses and suggests Save As.
 * Root ignores permissions, so the save runs as nobody. */
static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *folder = fixture_path (fixture, "read-only");
  g_autofree char *path = g_build_filename (folder, "doc.ties.json", NULL);

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  write_bytes (path, fixture->old_bytes);
  g_assert_cmpint (chmod (path, 0666), ==, 0);
  if (geteuid () != 0)
    g_assert_cmpint (chmod (folder, 0555), ==, 0);

  run_child ("/safe-file/child/unprivileged", path, fixture->new_bytes);
  chmod (folder, 0755);
  expect_failed_save (fixture, path, "*Save As*");
  g_test_trap_assert_stdout ("*read-only*does not allow new files*");
  assert_no_temporaries (folder);
}

/* A file its owner made read-only, in a folder anyone may change: the
 * rename would replace it, but a save must not. */
static void
test_read_only_file (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *folder = fixture_path (fixture, "open");
  g_autofree char *path = g_build_filename (folder, "doc.ties.json", NULL);

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_cmpint (chmod (folder, 0777), ==, 0);
  write_bytes (path, fixture->old_bytes);
  g_assert_cmpint (chmod (path, 0444), ==, 0);

  run_child ("/safe-file/child/unprivileged", path, fixture->new_bytes);
  expect_failed_save (fixture, path, "*the file is read-only*Save As*");
  assert_no_temporaries (folder);
}

static void
test_unprivileged_child (void)
{
  const char *path = g_getenv ("TIES_TEST_PATH");
  g_autoptr(GBytes) bytes = NULL;

  if (!g_test_subprocess ())
    {
      g_test_skip ("run by another test, in a child process");
      return;
    }
  bytes = read_bytes (g_getenv ("TIES_TEST_BYTES"));
  if (geteuid () == 0)
    {
      g_assert_cmpint (setgroups (0, NULL), ==, 0);
      g_assert_cmpint (setresgid (65534, 65534, 65534), ==, 0);
      g_assert_cmpint (setresuid (65534, 65534, 65534), ==, 0);
    }
  print_failed_save (path, bytes);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The save point is the state that was written: an edit made while the
 * bytes go to the disk is still unsaved when the save ends. */
static void
test_edit_during_save (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "doc.ties.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TiesDocument) document = test_load_sample ();
  TiesHistory *history = ties_document_get_history (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) written = NULL;
  GAsyncResult *result = NULL;

  ties_history_set (history, document, "title", "Before the save", NULL);
  g_assert_true (ties_history_get_modified (history));

  ties_document_save_async (document, file, NULL, on_saved, &result);
  ties_history_set (history, document, "title", "During the save", NULL);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (ties_document_save_finish (document, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_true (ties_history_get_modified (history));

  written = read_bytes (path);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                                  "\"Before the save\""));

  /* Undoing that edit comes back to the state on the disk. */
  g_assert_true (ties_history_undo (history));
  g_assert_false (ties_history_get_modified (history));

  /* Without an edit meanwhile, the document is saved. */
  ties_history_set (history, document, "title", "After", NULL);
  ties_document_save_async (document, file, NULL, on_saved, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (ties_document_save_finish (document, result, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_false (ties_history_get_modified (history));

  /* The same holds for the blocking save. */
  ties_history_set (history, document, "title", "Blocking", NULL);
  g_assert_true (ties_document_save_to_file (document, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (ties_history_get_modified (history));
}

static void
test_save_async_cancelled (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = fixture_path (fixture, "doc.ties.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  TiesHistory *history = ties_document_get_history (document);
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  write_bytes (path, fixture->old_bytes);
  ties_history_set (history, document, "title", "Cancelled", NULL);
  ties_document_save_async (document, file, cancellable, on_saved, &result);
  g_cancellable_cancel (cancellable);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (ties_document_save_finish (document, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&result);
  g_assert_true (ties_history_get_modified (history));
  assert_file_bytes (path, fixture->old_bytes);
  assert_no_temporaries (fixture->folder);
}

static void
add (const char *path,
     void      (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add ("/safe-file/new-file", test_new_file);
  add ("/safe-file/mode-kept", test_mode_kept);
  add ("/safe-file/symlinks", test_symlinks);
  add ("/safe-file/link-loop", test_link_loop);
  add ("/safe-file/not-regular", test_not_regular);
  add ("/safe-file/stale-temporaries", test_stale_temporaries);
  add ("/safe-file/cancelled-before", test_cancelled_before);
  add ("/safe-file/cancelled-while-writing", test_cancelled_while_writing);
  add ("/safe-file/file-size-limit", test_file_size_limit_run);
  add ("/safe-file/disk-full", test_disk_full);
  add ("/safe-file/read-only-folder", test_read_only_folder);
  add ("/safe-file/read-only-file", test_read_only_file);
  add ("/safe-file/edit-during-save", test_edit_during_save);
  add ("/safe-file/save-async-cancelled", test_save_async_cancelled);
  /* What the tests above run in a child process. */
  g_test_add_func ("/safe-file/child/file-size-limit", test_file_size_limit_child);
  g_test_add_func ("/safe-file/child/unprivileged", test_unprivileged_child);

  return g_test_run ();
}
