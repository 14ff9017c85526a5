/* replay.c: the fuzzers' seeds and every input that ever crashed them, run
 * through the same checks in the normal build (no clang needed)
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "fuzz-check.h"

typedef void (*CheckFunc) (const guint8 *data,
                           gsize         size);

typedef struct {
  char *path;
  CheckFunc check;
} Case;

static void
case_free (Case *self)
{
  g_free (self->path);
  g_free (self);
}

static void
test_replay (gconstpointer data)
{
  const Case *self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (self->path, &contents, &length, &error);
  g_assert_no_error (error);

  g_test_message ("%s: %" G_GSIZE_FORMAT " bytes", self->path, length);
  self->check ((const guint8 *) contents, length);
}

/* The strict JSON reader that judges saved files is itself right. */
static void
test_strict_json (void)
{
  static const char * const valid[] = {
    "{}", " [ ] ", "0", "-0", "-0.0", "1.0", "1e400", "1E-7", "0.1e+2", "90750927881382536401",
    "\"\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"", "\"\x7f é\"",
    "true", "false", "null", "{\"a\": [1, {\"b\": null}], \"a\": 2}\n", "[[[[[[[[[[]]]]]]]]]]",
  };
  static const char * const invalid[] = {
    "", " ", "01", "-", "1.", ".1", "+1", "1e", "1e+", "0x10", "NaN", "Infinity", "-Infinity",
    "[1,]", "[,1]", "{\"a\" 1}", "{\"a\": 1,}", "{a: 1}", "{'a': 1}", "[1 2]", "\"\\x41\"",
    "\"\\u12\"", "\"\\u12g4\"", "\"\\a\"", "\"tab\there\"", "\"line\nbreak\"", "\"open",
    "tru", "nul", "True", "{} {}", "[]]", "[", "{\"a\": 1", "/* */ {}",
  };
  gsize at;

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    if (!ties_fuzz_is_strict_json (valid[i], strlen (valid[i]), &at))
      g_error ("“%s” refused at byte %" G_GSIZE_FORMAT, valid[i], at);
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    if (ties_fuzz_is_strict_json (invalid[i], strlen (invalid[i]), NULL))
      g_error ("“%s” accepted", invalid[i]);
  /* A NUL inside the length is no white space. */
  g_assert_false (ties_fuzz_is_strict_json ("{}\0", 3, &at));
  g_assert_cmpuint (at, ==, 2);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Adds a test for every file under @folder whose name ends in @suffix,
 * and returns how many. */
static guint
add_folder (GPtrArray  *cases,
            const char *kind,
            CheckFunc   check,
            const char *folder,
            const char *suffix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint n = 0;

  if (dir == NULL)
    {
      /* A folder that is not there would pass by testing nothing. */
      g_error ("%s", error->message);
    }

  for (const char *name; (name = g_dir_read_name (dir)) != NULL;)
    if (!g_str_has_prefix (name, "."))
      g_ptr_array_add (names, g_strdup (name));
  /* Stable test names and order, whatever the file system's order. */
  g_ptr_array_sort (names, (GCompareFunc) compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *base = NULL;
      g_autofree char *test_path = NULL;
      Case *c;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          n += add_folder (cases, kind, check, path, suffix);
          continue;
        }
      if (!g_str_has_suffix (name, suffix))
        continue;

      c = g_new0 (Case, 1);
      c->path = g_steal_pointer (&path);
      c->check = check;
      g_ptr_array_add (cases, c);

      base = g_path_get_basename (folder);
      test_path = g_strdup_printf ("/fuzz-replay/%s/%s/%s", kind, base, name);
      g_test_add_data_func (test_path, c, test_replay);
      n++;
    }

  return n;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func ((GDestroyNotify) case_free);
  const char *fuzz_dir = TESTS_SRCDIR "/fuzz";
  guint n_documents = 0, n_dates = 0, n_articles = 0, n_networks = 0;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  n_documents += add_folder (cases, "document", ties_fuzz_check_document,
                             TESTS_SRCDIR "/fuzz/regressions/document", "");
  n_documents += add_folder (cases, "document", ties_fuzz_check_document,
                             TESTS_SRCDIR "/fuzz/corpus/document", "");
  n_documents += add_folder (cases, "document", ties_fuzz_check_document,
                             TESTS_SRCDIR "/data", ".ties.json");
  n_documents += add_folder (cases, "document", ties_fuzz_check_document,
                             TOP_SRCDIR "/data/samples", ".ties.json");
  n_dates += add_folder (cases, "date", ties_fuzz_check_date,
                         TESTS_SRCDIR "/fuzz/regressions/date", "");
  n_dates += add_folder (cases, "date", ties_fuzz_check_date,
                         TESTS_SRCDIR "/fuzz/corpus/date", "");

  n_articles += add_folder (cases, "article", ties_fuzz_check_article,
                            TESTS_SRCDIR "/fuzz/regressions/article", "");
  n_articles += add_folder (cases, "article", ties_fuzz_check_article,
                            TESTS_SRCDIR "/fuzz/corpus/article", "");
  n_articles += add_folder (cases, "article", ties_fuzz_check_article,
                            TESTS_SRCDIR "/data/articles", "");

  n_networks += add_folder (cases, "network", ties_fuzz_check_network,
                            TESTS_SRCDIR "/fuzz/regressions/network", "");
  n_networks += add_folder (cases, "network", ties_fuzz_check_network,
                            TESTS_SRCDIR "/fuzz/corpus/network", "");

  g_test_add_func ("/fuzz-replay/strict-json", test_strict_json);

  /* The seeds are there: the sample and the tests' documents, and the
   * dates extracted from test-date.c. */
  if (n_documents < 10 || n_dates < 50 || n_articles < 10 || n_networks < 10)
    g_error ("only %u documents, %u dates, %u articles and %u networks under %s and the tests' data",
             n_documents, n_dates, n_articles, n_networks, fuzz_dir);

  return g_test_run ();
}
