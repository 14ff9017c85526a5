/* test-json-scan.c: tests for the raw-byte JSON checks and locator
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

/* Runs ties_json_scan_check() on @data and asserts that it fails at
 * @line:@column with @message. */
static void
assert_check_fails (const char *data,
                    gsize       length,
                    guint       line,
                    guint       column,
                    const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  guint l = 0, c = 0;
  gboolean ok;

  g_assert (data != NULL || length == 0);
  g_assert (message != NULL);

  ok = ties_json_scan_check (data, length, NULL, &l, &c, &error);
  g_assert_false (ok);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpuint (l, ==, line);
  g_assert_cmpuint (c, ==, column);
  expected = g_strdup_printf ("%u:%u: %s", line, column, message);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
assert_check_ok (const char *data,
                 gsize       length,
                 gsize       json_start)
{
  g_autoptr(GError) error = NULL;
  gsize start = G_MAXSIZE;
  guint l = 99, c = 99;

  g_assert (data != NULL);

  g_assert_true (ties_json_scan_check (data, length, &start, &l, &c, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (start, ==, json_start);
  g_assert_cmpuint (l, ==, 0);
  g_assert_cmpuint (c, ==, 0);
}

static char *
repeat (const char *piece,
        guint       times)
{
  GString *s = g_string_new (NULL);

  g_assert (piece != NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (s, piece);

  return g_string_free (s, FALSE);
}

static void
test_check_bom (void)
{
  assert_check_ok ("\xEF\xBB\xBF{}", 5, 3);
  assert_check_ok ("{}", 2, 0);
  assert_check_ok ("\xEF\xBB\xBF\n [1]\n", 8, 3);
  /* A BOM is a character only at the very start. */
  assert_check_ok ("[\"\xEF\xBB\xBF\"]", 7, 0);
}

static void
test_check_empty (void)
{
  assert_check_fails ("", 0, 1, 1, "the file is empty");
  assert_check_fails (NULL, 0, 1, 1, "the file is empty");
  assert_check_fails (" \n\t\r\n ", 6, 1, 1, "the file holds only white space");
  assert_check_fails ("\xEF\xBB\xBF", 3, 1, 1, "the file is empty");
  assert_check_fails ("\xEF\xBB\xBF  \n", 6, 1, 1, "the file holds only white space");
  /* Not empty: json-glib reports whatever is wrong with these. */
  assert_check_ok (" x ", 3, 0);
  assert_check_ok ("0", 1, 0);
}

static void
test_check_nul (void)
{
  /* Line 2 is  ··"a":·"x\0y" : the NUL is character 10. */
  static const char doc[] = "{\n  \"a\": \"x\0y\"\n}";

  assert_check_fails (doc, sizeof doc - 1, 2, 10,
                      "NUL byte (\\0) is not allowed in a document");
  assert_check_fails ("\0", 1, 1, 1,
                      "NUL byte (\\0) is not allowed in a document");
  /* After a two-byte and a four-byte character: still column 3. */
  assert_check_fails ("\xC4\x81\xF0\x9F\x99\x82\0", 7, 1, 3,
                      "NUL byte (\\0) is not allowed in a document");
  /* A trailing NUL, as left by some tools. */
  assert_check_fails ("[]\n\0", 4, 2, 1,
                      "NUL byte (\\0) is not allowed in a document");
}

static void
test_check_utf8 (void)
{
  const char *bad = "invalid UTF-8 byte sequence";

  /* [ " ā \xff : the stray byte is character 4. */
  assert_check_fails ("[\"\xC4\x81\xFF\"]", 7, 1, 4, bad);
  /* Overlong encoding of '/' on line 2 after ·"中 (character 4). */
  assert_check_fails ("{\"k\":\n \"\xE4\xB8\xAD\xC0\xAF\"}", 15, 2, 4, bad);
  /* A sequence cut short by the end of the file:
   * [ " 🙂 " , · " then E2 82 (first two bytes of €) at character 8. */
  assert_check_fails ("[\"\xF0\x9F\x99\x82\", \"\xE2\x82", 12, 1, 8, bad);
  /* A UTF-16 surrogate encoded in UTF-8 (CESU-8), and a lone
   * continuation byte. */
  assert_check_fails ("\"\xED\xA0\x80\"", 5, 1, 2, bad);
  assert_check_fails ("\n\n  \x80", 5, 3, 3, bad);
  /* A byte that is never valid, just after a BOM, which is not counted. */
  assert_check_fails ("\xEF\xBB\xBF\xFE", 4, 1, 1, bad);
  /* An incomplete BOM is just invalid UTF-8. */
  assert_check_fails ("\xEF\xBB[]", 4, 1, 1, bad);
  /* An invalid byte followed by NUL: the invalid sequence comes first. */
  assert_check_fails ("[\xC3\0]", 4, 1, 2, bad);
}

static void
test_check_depth (void)
{
  g_autofree char *deep = repeat ("[", 100000);
  g_autofree char *ok_open = repeat ("[", TIES_JSON_MAX_DEPTH);
  g_autofree char *ok_close = repeat ("]", TIES_JSON_MAX_DEPTH);
  g_autofree char *ok = g_strconcat (ok_open, ok_close, NULL);
  g_autofree char *objects = repeat ("{\"a\":", TIES_JSON_MAX_DEPTH + 1);
  g_autofree char *brace = g_strconcat (ok_open, "{}", ok_close, NULL);
  g_autofree char *flat = NULL;
  g_autofree char *then_bad = g_strconcat (deep, "\xFF", NULL);
  g_autofree char *bad_then = g_strconcat ("\xFF", deep, NULL);
  g_autofree char *lines = NULL;
  const char *msg = "nesting deeper than 256 levels";

  /* 100,000 nested arrays: the 257th bracket, at column 257, is too deep. */
  assert_check_fails (deep, strlen (deep), 1, 257, msg);

  /* Exactly 256 levels is fine. */
  assert_check_ok (ok, strlen (ok), 0);

  /* A 257th level made by an object. */
  assert_check_fails (brace, strlen (brace), 1, 257, msg);

  /* Objects count as well: each {"a": is 5 characters, so the 257th
   * brace is at column 256 * 5 + 1. */
  assert_check_fails (objects, strlen (objects), 1, 1281, msg);

  /* Depth goes back down: 1000 sibling arrays at depth 2 are fine. */
  {
    g_autofree char *siblings = repeat ("[[]],", 1000);

    flat = g_strconcat ("[", siblings, "[]]", NULL);
    assert_check_ok (flat, strlen (flat), 0);
  }

  /* One bracket per line: the 257th is on line 257, column 3 (after two
   * spaces of indentation). */
  lines = repeat ("  [\n", 300);
  assert_check_fails (lines, strlen (lines), 257, 3, msg);

  /* The first problem in the file is the one reported. */
  assert_check_fails (then_bad, strlen (then_bad), 1, 257, msg);
  assert_check_fails (bad_then, strlen (bad_then), 1, 1,
                      "invalid UTF-8 byte sequence");
}

static void
test_check_strings (void)
{
  g_autofree char *many = repeat ("\"[[[[\", ", 1000);
  g_autofree char *in_strings = g_strconcat ("[", many, "1]", NULL);
  g_autofree char *brackets = repeat ("[", 300);
  g_autofree char *one_string = g_strconcat ("[\"", brackets, "{{{\"]", NULL);
  g_autofree char *escaped_quote = g_strconcat ("[\"a\\\"", brackets, "\"]", NULL);
  g_autofree char *escaped_backslash = g_strconcat ("[\"a\\\\\", ", brackets, NULL);
  g_autofree char *three_backslashes = g_strconcat ("[\"a\\\\\\\"", brackets, "\"]", NULL);
  g_autofree char *unicode = g_strconcat ("[\"\\u0022\\ud83d\\ude42\", \"",
                                          brackets, "\"]", NULL);
  g_autofree char *closers = g_strconcat ("[\"]]]]\", ", brackets, NULL);
  const char *msg = "nesting deeper than 256 levels";

  /* "[[[[" 1000 times inside strings. */
  assert_check_ok (in_strings, strlen (in_strings), 0);
  /* 300 brackets in one string. */
  assert_check_ok (one_string, strlen (one_string), 0);
  /* ["a\"[[[…"] : the escaped quote does not end the string. */
  assert_check_ok (escaped_quote, strlen (escaped_quote), 0);
  /* ["a\\\"[[[…"] : neither does one after an escaped backslash. */
  assert_check_ok (three_backslashes, strlen (three_backslashes), 0);
  /* \u escapes (one of them a quote) do not end the string either. */
  assert_check_ok (unicode, strlen (unicode), 0);
  /* ["a\\", [[[… : an escaped backslash does not escape the quote, so the
   * brackets are outside: [ " a \ \ " , · is columns 1-8, the run starts
   * at column 9 and its 256th bracket (depth 257) is at column 264. */
  assert_check_fails (escaped_backslash, strlen (escaped_backslash),
                      1, 264, msg);
  /* Closing brackets inside a string do not lower the depth:
   * [ " ] ] ] ] " , · is columns 1-9, the run starts at 10, 256th at 265. */
  assert_check_fails (closers, strlen (closers), 1, 265, msg);

  /* A string spanning lines; the run starts on line 3 at column 1. */
  {
    g_autofree char *multi = g_strconcat ("[\"a\nb\"\n", brackets, NULL);

    assert_check_fails (multi, strlen (multi), 3, 256, msg);
  }

  /* Non-ASCII inside and before strings: [ " 中 文 🙂 " , · is columns
   * 1-8, the run starts at 9, 256th bracket at column 264. */
  {
    g_autofree char *wide = g_strconcat ("[\"\xE4\xB8\xAD\xE6\x96\x87\xF0\x9F\x99\x82\", ",
                                         brackets, NULL);

    assert_check_fails (wide, strlen (wide), 1, 264, msg);
  }

  /* An unterminated string hides everything after it. */
  {
    g_autofree char *open = g_strconcat ("[\"", brackets, NULL);

    assert_check_ok (open, strlen (open), 0);
  }
}

/* json-glib 1.6 reads 'strings', /comments/ and malformed \u escapes in
 * ways that plain JSON does not; each of these inputs crashes it. */
static void
test_check_json_glib_quirks (void)
{
  g_autofree char *brackets = repeat ("[", 300);
  g_autofree char *single = g_strconcat ("'\"' ", brackets, NULL);
  g_autofree char *comment = g_strconcat ("/* \" */ ", brackets, NULL);
  g_autofree char *bad_escape = g_strconcat ("[\"\\u12\" , \", ", brackets, NULL);
  g_autofree char *bad_surrogate = g_strconcat ("[\"\\ud8\", \", ", brackets, NULL);
  g_autofree char *in_single = g_strconcat ("['", brackets, "']", NULL);
  g_autofree char *in_comment = g_strconcat ("[/", brackets, "/]", NULL);
  const char *msg = "nesting deeper than 256 levels";

  /* ' " ' · is columns 1-4; the 257th bracket is at column 5 + 256. */
  assert_check_fails (single, strlen (single), 1, 261, msg);
  /* / * · " · * / · is columns 1-8; the 257th bracket is at 9 + 256. */
  assert_check_fails (comment, strlen (comment), 1, 265, msg);
  /* json-glib reads "\u12" , " as one string: [ " \ u 1 2 " · , · " , ·
   * is columns 1-13, the run starts at 14, its 256th bracket is at 269. */
  assert_check_fails (bad_escape, strlen (bad_escape), 1, 269, msg);
  /* "\ud8" swallows the quote and, being a surrogate, the next byte too:
   * the string is "\ud8", " and  [ " \ u d 8 " , · " , ·  is columns
   * 1-12, the run starts at 13, its 256th bracket is at 268. */
  assert_check_fails (bad_surrogate, strlen (bad_surrogate), 1, 268, msg);
  /* Brackets inside 'strings' and /comments/ do not count. */
  assert_check_ok (in_single, strlen (in_single), 0);
  assert_check_ok (in_comment, strlen (in_comment), 0);
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

  g_test_add_func ("/json-scan/check/bom", test_check_bom);
  g_test_add_func ("/json-scan/check/empty", test_check_empty);
  g_test_add_func ("/json-scan/check/nul", test_check_nul);
  g_test_add_func ("/json-scan/check/utf8", test_check_utf8);
  g_test_add_func ("/json-scan/check/depth", test_check_depth);
  g_test_add_func ("/json-scan/check/strings", test_check_strings);
  g_test_add_func ("/json-scan/check/json-glib-quirks", test_check_json_glib_quirks);
  g_test_add_func ("/json-scan/offset-to-position", test_offset_to_position);

  return g_test_run ();
}
