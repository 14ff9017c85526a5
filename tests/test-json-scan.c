/* test-json-scan.c: tests for source positions in JSON documents
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected line and column below was worked out by hand from the test
 * data (columns count characters, not bytes); none comes from the code under
 * test.
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "ties-json-scan.h"

static void
test_bom_length (void)
{
  g_assert_cmpuint (ties_json_bom_length ("\xEF\xBB\xBF{}", 5), ==, 3);
  g_assert_cmpuint (ties_json_bom_length ("\xEF\xBB\xBF", 3), ==, 3);
  g_assert_cmpuint (ties_json_bom_length ("{}", 2), ==, 0);
  /* Cut short, or not at the start: no mark. */
  g_assert_cmpuint (ties_json_bom_length ("\xEF\xBB", 2), ==, 0);
  g_assert_cmpuint (ties_json_bom_length ("\xEF\xBB\xBF", 2), ==, 0);
  g_assert_cmpuint (ties_json_bom_length (" \xEF\xBB\xBF", 4), ==, 0);
  g_assert_cmpuint (ties_json_bom_length (NULL, 0), ==, 0);
}

static void
assert_position (const char *data,
                 gsize       length,
                 gsize       offset,
                 guint       line,
                 guint       column)
{
  guint l = 0, c = 0;

  ties_json_offset_to_position (data, length, offset, &l, &c);
  if (l != line || c != column)
    g_error ("offset %" G_GSIZE_FORMAT ": expected %u:%u, got %u:%u",
             offset, line, column, l, c);
}

static void
test_offset_to_position (void)
{
  /* LF: a0 b1 \n2 c3 d4 \n5 \n6 x7 */
  const char *lf = "ab\ncd\n\nx";
  /* CRLF: a0 b1 \r2 \n3 c4 d5 \r6 \n7 \r8 \n9 x10 */
  const char *crlf = "ab\r\ncd\r\n\r\nx";
  /* ā (bytes 0-1), 🙂 (2-5), x (6), \n (7), 中 (8-10), y (11) */
  const char *wide = "\xC4\x81\xF0\x9F\x99\x82x\n\xE4\xB8\xADy";
  /* BOM (0-2), a3 b4 \n5 c6 */
  const char *bom = "\xEF\xBB\xBF" "ab\nc";

  assert_position (lf, 8, 0, 1, 1);
  assert_position (lf, 8, 1, 1, 2);
  assert_position (lf, 8, 2, 1, 3);
  assert_position (lf, 8, 3, 2, 1);
  assert_position (lf, 8, 4, 2, 2);
  assert_position (lf, 8, 6, 3, 1);
  assert_position (lf, 8, 7, 4, 1);
  assert_position (lf, 8, 8, 4, 2);
  assert_position (lf, 8, 1000, 4, 2);

  assert_position (crlf, 11, 2, 1, 3);
  assert_position (crlf, 11, 3, 1, 4);
  assert_position (crlf, 11, 4, 2, 1);
  assert_position (crlf, 11, 5, 2, 2);
  assert_position (crlf, 11, 6, 2, 3);
  assert_position (crlf, 11, 8, 3, 1);
  assert_position (crlf, 11, 10, 4, 1);
  assert_position (crlf, 11, 11, 4, 2);

  assert_position (wide, 12, 0, 1, 1);
  assert_position (wide, 12, 2, 1, 2);
  assert_position (wide, 12, 6, 1, 3);
  assert_position (wide, 12, 7, 1, 4);
  assert_position (wide, 12, 8, 2, 1);
  assert_position (wide, 12, 11, 2, 2);
  /* Inside a character: that character's column. */
  assert_position (wide, 12, 1, 1, 1);
  assert_position (wide, 12, 4, 1, 2);
  assert_position (wide, 12, 5, 1, 2);
  assert_position (wide, 12, 10, 2, 1);

  assert_position (bom, 7, 0, 1, 1);
  assert_position (bom, 7, 3, 1, 1);
  assert_position (bom, 7, 4, 1, 2);
  assert_position (bom, 7, 6, 2, 1);

  /* Invalid bytes count one column each: \xFF0 \xFE1 a2 \xC3 3 b4 */
  assert_position ("\xFF\xFE" "a\xC3" "b", 5, 2, 1, 3);
  assert_position ("\xFF\xFE" "a\xC3" "b", 5, 4, 1, 5);

  assert_position ("", 0, 0, 1, 1);
  assert_position (NULL, 0, 0, 1, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-scan/bom-length", test_bom_length);
  g_test_add_func ("/json-scan/offset-to-position", test_offset_to_position);

  return g_test_run ();
}
