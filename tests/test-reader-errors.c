/* test-reader-errors.c: the exact line a user sees for each kind of fault
 * in a document: file, line, column, JSON path and what is wrong
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every line and column below was worked out by hand from the text (the
 * column counts characters; a byte-order mark takes none); none comes from
 * the code under test.
 */
#include "config.h"

#include <string.h>

#include "ties-document.h"
#include "ties-document-io.h"

#define NAME "doc.ties.json"

typedef struct
{
  const char *what;
  const char *data;
  gssize length;                /* -1: up to the NUL */
  TiesDocumentIOError code;
  /* The first line of the message, whole. */
  const char *line;
} ErrorCase;

static const ErrorCase error_cases[] = {
  /* Reported at what follows the value the comma should have followed. */
  { "missing-comma", "{\n  \"format\": \"ties\"\n  \"version\": 1\n}", -1, TIES_DOCUMENT_IO_ERROR_SYNTAX,
    NAME ":3:3: $.format: not valid JSON: expected “,” or “}” after an object member, found “\"”" },
  /* At the opening quote: {"format": "ties", "title": is 28 characters. */
  { "unterminated-string", "{\"format\": \"ties\", \"title\": \"A", -1, TIES_DOCUMENT_IO_ERROR_SYNTAX,
    NAME ":1:29: $.title: not valid JSON: unterminated string" },
  /* At the backslash of the escape. */
  { "lone-surrogate", "{\"format\": \"ties\", \"title\": \"\\uD83D x\"}", -1, TIES_DOCUMENT_IO_ERROR_SYNTAX,
    NAME ":1:30: $.title: not valid JSON: unpaired surrogate “\\uD83D”: a high surrogate must be followed by a low one" },
  { "lone-low-surrogate", "{\"format\": \"ties\", \"title\": \"ab\\uDE00\"}", -1, TIES_DOCUMENT_IO_ERROR_SYNTAX,
    NAME ":1:32: $.title: not valid JSON: unpaired surrogate “\\uDE00”: a low surrogate must follow a high one" },
  /* At the second name. */
  { "duplicate-member", "{\"format\": \"ties\",\n \"version\": 1,\n \"format\": \"ties\"}", -1, TIES_DOCUMENT_IO_ERROR_SYNTAX,
    NAME ":3:2: $.format: the member “format” appears twice in this object" },
  /* At the value, refused where a number is read. */
  { "number-out-of-range", "{\"format\": \"ties\", \"version\": 1e400}", -1, TIES_DOCUMENT_IO_ERROR_FORMAT,
    NAME ":1:31: $.version: expected a whole number, found 1e400" },
  /* At the character itself: the tab after "a. */
  { "control-character", "{\"format\": \"ties\", \"title\": \"a\tb\"}", -1, TIES_DOCUMENT_IO_ERROR_SYNTAX,
    NAME ":1:31: $.title: not valid JSON: unescaped control character U+0009 in a string" },
  { "nul-byte", "{\"format\": \"ties\",\n \"title\": \"a\0b\"}", 35, TIES_DOCUMENT_IO_ERROR_ENCODING,
    NAME ":2:13: $.title: NUL byte (\\0) is not allowed in a document" },
  { "invalid-utf8", "{\"format\": \"ties\",\n \"title\": \"\xC3\xA9\xFF\"}", -1, TIES_DOCUMENT_IO_ERROR_ENCODING,
    NAME ":2:13: $.title: invalid UTF-8 byte sequence" },
  { "trailing-garbage", "{\"format\": \"ties\", \"version\": 1}\n,\n", -1, TIES_DOCUMENT_IO_ERROR_SYNTAX,
    NAME ":2:1: $: not valid JSON: unexpected “,” after the document" },
  /* The byte-order mark takes no column, for the parser's faults and for
   * the reader's alike. */
  { "bom-syntax", "\xEF\xBB\xBF{\"format\": \"ties\" \"version\": 1}", -1, TIES_DOCUMENT_IO_ERROR_SYNTAX,
    NAME ":1:19: $.format: not valid JSON: expected “,” or “}” after an object member, found “\"”" },
  { "bom-format", "\xEF\xBB\xBF{\"format\": \"tiez\"}", -1, TIES_DOCUMENT_IO_ERROR_FORMAT,
    NAME ":1:12: $.format: not a Ties document: “format” is “tiez”, not “ties”" },
  /* Nothing to name but the start. */
  { "empty", "", 0, TIES_DOCUMENT_IO_ERROR_ENCODING, NAME ":1:1: the document is empty" },
  { "bom-only", "\xEF\xBB\xBF", -1, TIES_DOCUMENT_IO_ERROR_ENCODING, NAME ":1:1: the document is empty" },
  { "white-space", "\n  \n", -1, TIES_DOCUMENT_IO_ERROR_ENCODING, NAME ":1:1: the document holds only white space" },
  /* What the diagram's colours tell: one of two words. */
  { "unknown-colors", "{\"format\": \"ties\", \"version\": 1,\n \"view\": {\"layout\": \"force\", \"colors\": \"rainbow\"}}",
    -1, TIES_DOCUMENT_IO_ERROR_INVALID,
    NAME ":2:40: $.view.colors: unknown colours “rainbow”: use affiliation or community" },
  /* The document ends inside $.actors[0], an object not yet closed. */
  { "truncated", "{\"format\": \"ties\", \"actors\": [{\"id\": \"a\"", -1, TIES_DOCUMENT_IO_ERROR_SYNTAX,
    NAME ":1:41: $.actors[0].id: not valid JSON: the document ends inside an object" },
};

static void
test_error_line (gconstpointer data)
{
  const ErrorCase *c = data;
  gsize length = c->length < 0 ? strlen (c->data) : (gsize) c->length;
  g_autoptr(TiesDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  document = ties_document_load_from_data (c->data, length, NAME, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, TIES_DOCUMENT_IO_ERROR, (int) c->code);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpstr (lines[0], ==, c->line);
}

/* Too deep: at the 257th level, the first bracket of a run that starts at
 * column 29, so at column 29 + 255. Its path, $.extra and 255 times [0],
 * is 772 characters: the message keeps 60 or fewer from each end, cut
 * before a step, so 7 + 17 * 3 from the start and 20 * 3 from the end. */
static void
test_too_deep (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\": \"ties\", \"extra\": ");
  g_autoptr(GString) expected = g_string_new (NAME ":1:284: $.extra");
  g_autoptr(TiesDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 300; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 17; i++)
    g_string_append (expected, "[0]");
  g_string_append (expected, "…");
  for (guint i = 0; i < 20; i++)
    g_string_append (expected, "[0]");
  g_string_append (expected, ": nesting deeper than 256 levels");

  document = ties_document_load_from_data (text->str, text->len, NAME, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, TIES_DOCUMENT_IO_ERROR, TIES_DOCUMENT_IO_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, expected->str);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/reader-errors/%s", error_cases[i].what);

      g_test_add_data_func (path, &error_cases[i], test_error_line);
    }
  g_test_add_func ("/reader-errors/too-deep", test_too_deep);

  return g_test_run ();
}
