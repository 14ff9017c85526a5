/* test-fuzz.c: the loader on thousands of damaged copies of the sample
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ties-document-io.h"
#include "ties-network.h"

#define SAMPLE TOP_SRCDIR "/data/samples/christchurch-call.ties.json"
#define NAME "fuzz.ties.json"

static const char interesting[] = "{}[]\",:\\0x\n \x80\xff-1e";

static const char * const snippets[] = {
  "null", "\"\"", "[]", "{}", "\"participants\": [\"nobody\"]", "\"date\": \"2019-13\"",
  "\"id\": \"ardern\"", ",", "\"\\ud800\"", "1e999", "\"x\": 1, \"x\": 2", "\"Māori 中文 🙂\"",
};

static void
mutate (GRand   *rand,
        GString *text)
{
  guint n_edits = g_rand_int_range (rand, 1, 4);

  for (guint e = 0; e < n_edits && text->len > 2; e++)
    {
      guint at = g_rand_int_range (rand, 0, text->len);
      gsize span = g_rand_int_range (rand, 1, 64);

      /* Not inside MIN (), which would draw twice. */
      span = MIN (span, text->len - at);

      switch (g_rand_int_range (rand, 0, 6))
        {
        case 0:
          text->str[at] = interesting[g_rand_int_range (rand, 0, sizeof interesting - 1)];
          break;
        case 1:
          g_string_erase (text, at, span);
          break;
        case 2:
          {
            g_autofree char *copy = g_strndup (text->str + at, span);
            g_string_insert (text, g_rand_int_range (rand, 0, text->len), copy);
          }
          break;
        case 3:
          g_string_insert (text, at, snippets[g_rand_int_range (rand, 0, G_N_ELEMENTS (snippets))]);
          break;
        case 4:
          g_string_truncate (text, at);
          break;
        default:
          /* A quote or bracket moved: the commonest hand-editing slip. */
          if (strchr ("\"[]{}", text->str[at]) != NULL && at + span < text->len)
            {
              char c = text->str[at];
              g_string_erase (text, at, 1);
              g_string_insert_c (text, at + span - 1, c);
            }
          break;
        }
    }
}

static void
check_error (const GError *error,
             guint         n_lines)
{
  g_auto(GStrv) lines = NULL;

  g_assert_true (error->domain == TIES_DOCUMENT_IO_ERROR);

  /* Every line names the file, a line and a column within it. */
  lines = g_strsplit (error->message, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint line = 0, column = 0;

      if (!g_str_has_prefix (lines[i], NAME ":"))
        g_error ("a line without the file's name: “%s”", error->message);
      if (g_str_has_prefix (lines[i], NAME ": and "))
        continue;
      if (sscanf (lines[i] + strlen (NAME ":"), "%u:%u: ", &line, &column) != 2)
        g_error ("no position in “%s”", lines[i]);
      g_assert_cmpuint (line, >=, 1);
      g_assert_cmpuint (line, <=, n_lines + 1);
      g_assert_cmpuint (column, >=, 1);
    }
}

static void
test_damaged_sample (void)
{
  g_autofree char *sample = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20190415);
  guint iterations = g_test_slow () ? 20000 : 2000;
  guint n_loaded = 0, n_refused = 0;
  gsize length;

  g_assert_true (g_file_get_contents (SAMPLE, &sample, &length, NULL));

  for (guint i = 0; i < iterations; i++)
    {
      g_autoptr(GString) text = g_string_new_len (sample, length);
      g_autoptr(TiesDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      guint n_lines = 1;

      mutate (rand, text);
      for (gsize j = 0; j < text->len; j++)
        n_lines += text->str[j] == '\n';

      document = ties_document_load_from_data (text->str, text->len, NAME, NULL, &error);
      if (document == NULL)
        {
          check_error (error, n_lines);
          n_refused++;
          continue;
        }

      /* What loads saves, and what it saves loads to the same bytes. */
      {
        g_autoptr(GBytes) saved = ties_document_save_to_bytes (document, NULL);
        g_autoptr(TiesDocument) again = NULL;
        g_autoptr(GBytes) saved_again = NULL;
        g_autoptr(TiesNetwork) network = ties_network_new (document);

        again = ties_document_load_from_data (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                                              NAME, NULL, &error);
        g_assert_no_error (error);
        saved_again = ties_document_save_to_bytes (again, NULL);
        g_assert_true (g_bytes_equal (saved, saved_again));
        g_assert_cmpuint (ties_network_get_n_events (network), ==,
                          g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_events (document))));
      }
      n_loaded++;
    }

  g_test_message ("%u loaded, %u refused", n_loaded, n_refused);
  /* Both paths were exercised. */
  g_assert_cmpuint (n_loaded, >, iterations / 50);
  g_assert_cmpuint (n_refused, >, iterations / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fuzz/damaged-sample", test_damaged_sample);

  return g_test_run ();
}
