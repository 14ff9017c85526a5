/* test-util.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ties-document-io.h"
#include "ties-renderer.h"
#include "test-util.h"

TiesDocument *
test_load_document (const char  *path,
                    GPtrArray  **warnings)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TiesDocument *document;

  g_assert_nonnull (path);

  document = ties_document_load_from_file (file, warnings, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

TiesDocument *
test_load_sample (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  TiesDocument *document = test_load_document (TEST_SAMPLE_PATH, &warnings);

  g_assert_nonnull (warnings);
  g_assert_cmpuint (warnings->len, ==, 0);

  return document;
}

TiesDocument *
test_load_json_or_sample (const char *json)
{
  g_autoptr(GError) error = NULL;
  TiesDocument *document;

  if (json == NULL)
    return test_load_sample ();

  document = ties_document_load_from_data (json, strlen (json), "test.ties.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

TiesGraph *
test_layout_network (TiesNetwork    *network,
                     TiesLayoutKind  kind)
{
  TiesGraph *graph = ties_graph_new_from_network (network);
  TiesLayoutOptions layout;

  ties_graph_set_radii (graph, TIES_SCENE_MIN_RADIUS, TIES_SCENE_MAX_RADIUS);
  ties_layout_options_init (&layout, kind);
  ties_layout_run (graph, &layout);

  return graph;
}

guint
test_count_undo_steps (TiesHistory *history)
{
  guint n = 0;

  g_assert (TIES_IS_HISTORY (history));

  while (ties_history_get_can_undo (history))
    {
      g_assert_true (ties_history_undo (history));
      n++;
    }

  return n;
}

void
test_assert_bytes_equal (GBytes *a,
                         GBytes *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);

  if (!g_bytes_equal (a, b))
    {
      gsize la, lb, i;
      const char *da = g_bytes_get_data (a, &la);
      const char *db = g_bytes_get_data (b, &lb);

      for (i = 0; i < MIN (la, lb) && da[i] == db[i]; i++)
        ;
      g_test_message ("bytes differ at %" G_GSIZE_FORMAT ": “%.60s” vs “%.60s”",
                      i, da + MIN (i, la), db + MIN (i, lb));
    }
  g_assert_true (g_bytes_equal (a, b));
}

char *
test_make_temp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *path;

  g_assert_nonnull (tmpl);

  path = g_dir_make_tmp (tmpl, &error);
  g_assert_no_error (error);
  g_assert_nonnull (path);

  return path;
}

static void
remove_file_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;

  g_assert (G_IS_FILE (file));

  /* Links are removed, never followed out of the folder. */
  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                        NULL, NULL);
  if (children != NULL)
    {
      GFile *child;

      while (g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) && child != NULL)
        remove_file_tree (child);
    }
  g_file_delete (file, NULL, NULL);
}

void
test_remove_tree (const char *path)
{
  g_autoptr(GFile) file = NULL;

  g_assert_nonnull (path);

  file = g_file_new_for_path (path);
  remove_file_tree (file);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}
