/* test-json-dom.c: tests for the JSON reader
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected line, column and offset below was worked out by hand from
 * the test data (columns count characters, not bytes).
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <gio/gio.h>

#include "ties-json-dom.h"

#define MAX_DEPTH 256

typedef struct
{
  const char *json;
  gssize length;                /* -1: up to the NUL */
  /* For valid input, the compact text ties_json_value_to_string() gives;
   * for invalid input, "!LINE:COLUMN: " and a part of the message. */
  const char *expected;
} Case;

static const Case cases[] = {
  /* Structure and whitespace. */
  { "[]", -1, "[]" },
  { "{}", -1, "{}" },
  { " \t\r\n[\n]\r\n", -1, "[]" },
  { " [ 1 , 2 ] ", -1, "[1,2]" },
  { "[[[]]]", -1, "[[[]]]" },
  { "[1,[2,[3,{}]]]", -1, "[1,[2,[3,{}]]]" },
  { "{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"e\"}}", -1,
    "{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"e\"}}" },
  /* A member named twice makes the document ambiguous. */
  { "{ \"a\" : 1 , \"a\" : 2 }", -1, "!1:13: the member “a” appears twice" },
  { "{\"a\":1,\"b\":{\"a\":2}}", -1, "{\"a\":1,\"b\":{\"a\":2}}" },
  /* More members than are compared pairwise. */
  { "{\"m0\":0,\"m1\":1,\"m2\":2,\"m3\":3,\"m4\":4,\"m5\":5,\"m6\":6,\"m7\":7,\"m8\":8,\"m9\":9,\"m10\":10,\"m11\":11,\"m12\":12,\"m13\":13,\"m14\":14,\"m15\":15,\"m16\":16,\"m3\":0}", -1, "!1:135: the member “m3” appears twice" },

  { "{\"\":\"\"}", -1, "{\"\":\"\"}" },
  { "true", -1, "true" },
  { "false", -1, "false" },
  { "null", -1, "null" },
  { " \"x\" ", -1, "\"x\"" },

  /* Numbers. */
  { "0", -1, "0" },
  { "-0", -1, "-0" },
  { "123", -1, "123" },
  { "[-9223372036854775808,9223372036854775807]", -1,
    "[-9223372036854775808,9223372036854775807]" },
  /* Numbers are written back as they were written: no double keeps
   * these. */
  { "9223372036854775808", -1, "9223372036854775808" },
  { "123456789012345678901234567890", -1, "123456789012345678901234567890" },
  { "[90750927881382536401,-0.0,1.0,1.50]", -1, "[90750927881382536401,-0.0,1.0,1.50]" },
  { "1.5", -1, "1.5" },
  { "0.1", -1, "0.1" },
  { "0.30000000000000004", -1, "0.30000000000000004" },
  { "1e2", -1, "1e2" },
  { "1E+2", -1, "1E+2" },
  { "1.0", -1, "1.0" },
  { "-1.25e-3", -1, "-1.25e-3" },
  { "[1e15,1e-7,2.5E-300]", -1, "[1e15,1e-7,2.5E-300]" },
  { "1e-400", -1, "1e-400" },
  { "[01]", -1, "!1:2: invalid number" },
  { "[-01]", -1, "!1:2: invalid number" },
  { "[-]", -1, "!1:2: invalid number" },
  { "[-Infinity]", -1, "!1:2: invalid number" },
  { "[1.]", -1, "!1:2: invalid number" },
  { "[1.e5]", -1, "!1:2: invalid number" },
  { "[1e]", -1, "!1:2: invalid number" },
  { "[1e+]", -1, "!1:2: invalid number" },
  { "[+1]", -1, "!1:2: unexpected character “+”" },
  { "[.5]", -1, "!1:2: unexpected character “.”" },
  { "[0x10]", -1, "!1:3: expected “,” or “]” after an array element, found “x”" },
  { "[NaN]", -1, "!1:2: unexpected character “N”" },
  { "[Infinity]", -1, "!1:2: unexpected character “I”" },
  /* Beyond a double's range: infinity, kept as written. */
  { "[1e400, -1e400]", -1, "[1e400,-1e400]" },

  /* Strings and escapes. */
  { "\"\"", -1, "\"\"" },
  { "\"a\\\"b\\\\c\\/d\"", -1, "\"a\\\"b\\\\c/d\"" },
  { "\"\\b\\f\\n\\r\\t\"", -1, "\"\\b\\f\\n\\r\\t\"" },
  { "\"\\u0041\\u00e9\\u20AC\"", -1, "\"Aé€\"" },
  { "\"\\uD834\\uDD1E\\ud834\\udd1e\"", -1, "\"𝄞𝄞\"" },
  { "\"\\u001f\\u0001\"", -1, "\"\\u001f\\u0001\"" },
  { "\"é日本𝄞\x7f\"", -1, "\"é日本𝄞\x7f\"" },
  { "[\"\\q\"]", -1, "!1:3: invalid escape “\\q”" },
  { "[\"\\x41\"]", -1, "!1:3: invalid escape “\\x”" },
  { "[\"\\'\"]", -1, "!1:3: invalid escape “\\'”" },
  { "[\"\\u12G4\"]", -1, "!1:3: invalid escape “\\u12G4”" },
  { "[\"\\u12\"]", -1, "!1:3: invalid escape “\\u12”" },
  { "[\"\\uD800\"]", -1, "!1:3: unpaired surrogate “\\uD800”" },
  { "[\"\\uDC00\"]", -1, "!1:3: unpaired surrogate “\\uDC00”" },
  { "[\"\\uD800\\u0041\"]", -1, "!1:3: unpaired surrogate" },
  { "[\"\\uD800\\n\"]", -1, "!1:3: unpaired surrogate" },
  /* U+0000 is kept, and written back escaped. */
  { "[\"x\\u0000\"]", -1, "[\"x\\u0000\"]" },
  { "{\"\\u0000\":\"\\u0000\\u0000y\",\"\":0}", -1, "{\"\\u0000\":\"\\u0000\\u0000y\",\"\":0}" },
  { "{\"a\\u0000\":1,\"a\\u0000\":2}", -1, "!1:14: the member “a\\u0000” appears twice" },
  { "{\"a\\u0000b\":1,\"a\\u0000c\":2,\"a\":3}", -1, "{\"a\\u0000b\":1,\"a\\u0000c\":2,\"a\":3}" },
  { "[\"a\nb\"]", -1, "!1:4: unescaped control character U+000A in a string" },
  { "[\"a\tb\"]", -1, "!1:4: unescaped control character U+0009" },
  { "[\"a\0b\"]", 7, "!1:4: NUL byte (\\0) is not allowed in a document" },
  { "[\"a]", -1, "!1:2: unterminated string" },
  { "\"abc", -1, "!1:1: unterminated string" },
  { "[\"\\", -1, "!1:2: unterminated string" },
  { "['a']", -1, "!1:2: unexpected character “'”: strings take double quotes" },

  /* UTF-8. */
  { "[\"\xff\"]", -1, "!1:3: invalid UTF-8 byte sequence" },
  { "[\"\xc0\xaf\"]", -1, "!1:3: invalid UTF-8" },
  { "[\"\xed\xa0\x80\"]", -1, "!1:3: invalid UTF-8" },
  { "[\"\xf4\x90\x80\x80\"]", -1, "!1:3: invalid UTF-8" },
  { "[\"ab\xe6\x97\"]", -1, "!1:5: invalid UTF-8" },
  { "[\"ab\xe6\x97", -1, "!1:5: invalid UTF-8" },
  { "[1,\xff]", -1, "!1:4: invalid UTF-8" },
  /* A byte-order mark is skipped at the start, and only there. */
  { "\xef\xbb\xbf[]", -1, "[]" },
  { "[\xef\xbb\xbf]", -1, "!1:2: unexpected character U+FEFF" },
  { "\xc2\xa0[]", -1, "!1:1: unexpected character" },

  /* Literals. */
  { "[tru]", -1, "!1:2: invalid literal" },
  { "nul", -1, "!1:1: invalid literal" },
  { "[True]", -1, "!1:2: unexpected character “T”" },
  { "[nulll]", -1, "!1:6: expected “,” or “]” after an array element, found “l”" },

  /* Punctuation, commas, comments. */
  { "", -1, "!1:1: the document is empty" },
  { "  \n ", -1, "!1:1: the document holds only white space" },
  { "[1,]", -1, "!1:4: expected a value after “,”, found “]”" },
  { "[\"a\",}", -1, "!1:6: expected a value after “,”, found “}”" },
  { "{\"a\":1,}", -1, "!1:8: expected a member name in double quotes, found “}”" },
  { "[1 2]", -1, "!1:4: expected “,” or “]” after an array element, found “2”" },
  { "[\"a\" \"b\"]", -1, "!1:6: expected “,” or “]” after an array element, found “\"”" },
  { "{\"a\" 1}", -1, "!1:6: expected “:” after a member name, found “1”" },
  { "{\"a\"::1}", -1, "!1:6: unexpected character “:”" },
  { "{\"a\":1 \"b\":2}", -1, "!1:8: expected “,” or “}” after an object member, found “\"”" },
  { "{1:2}", -1, "!1:2: expected a member name in double quotes, found “1”" },
  { "{'a':1}", -1, "!1:2: expected a member name in double quotes, found “'”" },
  { "[1,,2]", -1, "!1:4: unexpected character “,”" },
  { "[,1]", -1, "!1:2: unexpected character “,”" },
  { "]", -1, "!1:1: unexpected character “]”" },
  { "[\f1]", -1, "!1:2: unexpected character U+000C" },
  { "[\0]", 3, "!1:2: NUL byte (\\0) is not allowed in a document" },
  { "/* c */ [1]", -1, "!1:1: unexpected character “/”: JSON has no comments" },
  { "[1] // c", -1, "!1:5: unexpected “/” after the document" },
  { "[1]]", -1, "!1:4: unexpected “]” after the document" },
  { "{}}", -1, "!1:3: unexpected “}” after the document" },
  { "[1]x", -1, "!1:4: unexpected “x” after the document" },
  { "1 2", -1, "!1:3: unexpected “2” after the document" },

  /* Truncated input: at the end. */
  { "[1", -1, "!1:3: the document ends inside an array" },
  { "[1,", -1, "!1:4: the document ends inside an array" },
  { "[[1]", -1, "!1:5: the document ends inside an array" },
  { "{", -1, "!1:2: the document ends inside an object" },
  { "{\"a\"", -1, "!1:5: the document ends inside an object" },
  { "{\"a\":", -1, "!1:6: the document ends inside an object" },
  { "{\"a\":1,\n", -1, "!2:1: the document ends inside an object" },

  /* Positions after line breaks and non-ASCII text. */
  { "[1,\n2,\n]", -1, "!3:1: expected a value after “,”, found “]”" },
  { "{\"é\":\"日本\",\n  \"x\": tru}", -1, "!2:8: invalid literal" },
  { "[\"日本語\", 1 2]", -1, "!1:11: expected “,” or “]” after an array element, found “2”" },
  { "[\"é\" x]", -1, "!1:6: expected “,” or “]” after an array element, found “x”" },
  { "[\"𝄞\\u00e9\", \"\\q\"]", -1, "!1:14: invalid escape “\\q”" },
};

static void
test_cases (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      gsize length = c->length < 0 ? strlen (c->json) : (gsize) c->length;
      g_autoptr(TiesJsonDocument) doc = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(TiesJsonPosition) position = { 0 };
      g_autofree char *shown = g_strescape (c->json, NULL);

      g_test_message ("case %" G_GSIZE_FORMAT ": %s", i, shown);

      doc = ties_json_document_parse (c->json, length, MAX_DEPTH, &position, &error);

      if (c->expected[0] == '!')
        {
          const char *expected = c->expected + 1;
          const char *message_part = strstr (expected, ": ") + 2;
          guint line, column;

          g_assert_null (doc);
          g_assert_nonnull (error);
          g_assert_true (error->domain == TIES_JSON_ERROR);
          /* The message says what, the position where: no position in it. */
          g_assert_nonnull (strstr (error->message, message_part));
          g_assert_false (g_ascii_isdigit (error->message[0]));

          line = (guint) g_ascii_strtoull (expected, (char **) &expected, 10);
          g_assert_cmpint (*expected, ==, ':');
          column = (guint) g_ascii_strtoull (expected + 1, NULL, 10);
          g_assert_cmpuint (position.line, ==, line);
          g_assert_cmpuint (position.column, ==, column);

          /* The offset agrees with the line and column. */
          g_assert_cmpuint (position.offset, <=, length);
          {
            gsize bom = length >= 3 && memcmp (c->json, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
            guint l = 1, col = 1;

            for (gsize j = bom; j < position.offset; j++)
              {
                if (c->json[j] == '\n')
                  {
                    l++;
                    col = 1;
                  }
                else if (((guchar) c->json[j] & 0xc0) != 0x80)
                  col++;
              }
            g_assert_cmpuint (l, ==, line);
            g_assert_cmpuint (col, ==, column);
          }
        }
      else
        {
          g_autofree char *text = NULL;

          g_assert_no_error (error);
          g_assert_nonnull (doc);
          g_assert_null (position.path);
          text = ties_json_value_to_string (doc, ties_json_document_get_root (doc));
          g_assert_cmpstr (text, ==, c->expected);
        }
    }

  g_assert_cmpuint (G_N_ELEMENTS (cases), >=, 60);
}

static void
test_values (void)
{
  static const char json[] =
    "{\"s\": \"a\\u00e9\\nb\", \"i\": -42, \"d\": 2.5, \"e\": 1e3,"
    " \"big\": 1e300, \"t\": true, \"n\": null, \"a\": [1, \"x\"],"
    " \"dup\": 1, \"dup2\": 2, \"o\": {}}";
  g_autoptr(TiesJsonDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  const TiesJsonValue *root, *v;

  doc = ties_json_document_parse (json, strlen (json), MAX_DEPTH, NULL, &error);
  g_assert_no_error (error);
  root = ties_json_document_get_root (doc);
  g_assert_cmpint (ties_json_value_get_type (root), ==, TIES_JSON_OBJECT);
  g_assert_cmpuint (ties_json_value_get_length (root), ==, 11);

  v = ties_json_object_lookup (root, "s");
  g_assert_cmpint (ties_json_value_get_type (v), ==, TIES_JSON_STRING);
  g_assert_cmpstr (ties_json_value_get_string (v), ==, "aé\nb");
  g_assert_cmpuint (ties_json_value_get_string_length (v), ==, 5);

  v = ties_json_object_lookup (root, "i");
  g_assert_cmpint (ties_json_value_get_type (v), ==, TIES_JSON_NUMBER);
  g_assert_true (ties_json_value_is_integer (v));
  g_assert_cmpint (ties_json_value_get_int (v), ==, -42);
  g_assert_cmpfloat (ties_json_value_get_double (v), ==, -42.0);

  v = ties_json_object_lookup (root, "d");
  g_assert_false (ties_json_value_is_integer (v));
  g_assert_cmpfloat (ties_json_value_get_double (v), ==, 2.5);
  g_assert_cmpint (ties_json_value_get_int (v), ==, 2);

  v = ties_json_object_lookup (root, "e");
  g_assert_false (ties_json_value_is_integer (v));
  g_assert_cmpfloat (ties_json_value_get_double (v), ==, 1000.0);

  v = ties_json_object_lookup (root, "big");
  g_assert_cmpfloat (ties_json_value_get_double (v), ==, 1e300);
  g_assert_cmpint (ties_json_value_get_int (v), ==, G_MAXINT64);

  g_assert_cmpint (ties_json_value_get_type (ties_json_object_lookup (root, "t")), ==, TIES_JSON_TRUE);
  g_assert_cmpint (ties_json_value_get_type (ties_json_object_lookup (root, "n")), ==, TIES_JSON_NULL);
  g_assert_false (ties_json_value_is_integer (ties_json_object_lookup (root, "n")));

  v = ties_json_object_lookup (root, "a");
  g_assert_cmpint (ties_json_value_get_type (v), ==, TIES_JSON_ARRAY);
  g_assert_cmpuint (ties_json_value_get_length (v), ==, 2);
  g_assert_cmpint (ties_json_value_get_int (ties_json_array_get (v, 0)), ==, 1);
  g_assert_cmpstr (ties_json_value_get_string (ties_json_array_get (v, 1)), ==, "x");

  /* Names match whole, not by prefix. */
  g_assert_cmpint (ties_json_value_get_int (ties_json_object_lookup (root, "dup")), ==, 1);
  g_assert_cmpstr (ties_json_object_get_name (root, 9), ==, "dup2");
  g_assert_cmpint (ties_json_value_get_int (ties_json_object_get_value (root, 9)), ==, 2);

  v = ties_json_object_lookup (root, "o");
  g_assert_cmpint (ties_json_value_get_type (v), ==, TIES_JSON_OBJECT);
  g_assert_cmpuint (ties_json_value_get_length (v), ==, 0);
  g_assert_null (ties_json_object_lookup (v, "s"));
  g_assert_null (ties_json_object_lookup (root, "missing"));
  g_assert_null (ties_json_object_lookup (root, "S"));
}

/* What no double or C string keeps is kept all the same: a number's text,
 * and U+0000 in a string, as C0 80 and marked. */
static void
test_exact (void)
{
  static const char json[] = "{\"n\": [1.0, -0.0, 1e400, 90750927881382536401, 7],"
                             " \"s\": \"a\\u0000b\", \"t\": \"\\\\u0000\", \"k\\u0000\": 1}";
  g_autoptr(TiesJsonDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  const TiesJsonValue *root, *n, *v;
  static const char * const texts[] = { "1.0", "-0.0", "1e400", "90750927881382536401", "7" };

  doc = ties_json_document_parse (json, strlen (json), MAX_DEPTH, NULL, &error);
  g_assert_no_error (error);
  root = ties_json_document_get_root (doc);

  n = ties_json_object_lookup (root, "n");
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      const char *text;
      gsize length;

      text = ties_json_document_get_number_text (doc, ties_json_array_get (n, i), &length);
      g_assert_cmpmem (text, length, texts[i], strlen (texts[i]));
    }
  g_assert_true (isinf (ties_json_value_get_double (ties_json_array_get (n, 2))));
  g_assert_true (signbit (ties_json_value_get_double (ties_json_array_get (n, 1))));

  v = ties_json_object_lookup (root, "s");
  g_assert_true (ties_json_value_has_nul (v));
  g_assert_cmpstr (ties_json_value_get_string (v), ==, "a\xc0\x80" "b");
  g_assert_cmpuint (ties_json_value_get_string_length (v), ==, 4);
  v = ties_json_object_lookup (root, "t");
  g_assert_false (ties_json_value_has_nul (v));
  g_assert_cmpstr (ties_json_value_get_string (v), ==, "\\u0000");

  /* A name holding U+0000 is not the name without it. */
  g_assert_null (ties_json_object_lookup (root, "k"));
  g_assert_cmpstr (ties_json_object_get_name (root, 3), ==, "k\xc0\x80");
}

static void
test_data_not_kept (void)
{
  char *json = g_strdup ("{\"k\\\"\": [\"v\\tw\"]}");
  g_autoptr(TiesJsonDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  doc = ties_json_document_parse (json, strlen (json), MAX_DEPTH, NULL, &error);
  g_assert_no_error (error);
  /* The caller's buffer is left as it was and may go. */
  g_assert_cmpstr (json, ==, "{\"k\\\"\": [\"v\\tw\"]}");
  memset (json, 'x', strlen (json));
  g_free (json);

  text = ties_json_value_to_string (doc, ties_json_document_get_root (doc));
  g_assert_cmpstr (text, ==, "{\"k\\\"\":[\"v\\tw\"]}");
}

static void
test_offsets (void)
{
  /*                     0 1 234 567 89     */
  static const char json[] =
    "{\n  \"a\": [1, \"x\"],\n  \"b\": {\"c\": null}\n}";
  static const char escaped[] = "{\"\\u0041\":1,\"b\":\"\\t\"}";
  g_autoptr(TiesJsonDocument) doc = NULL;
  g_autoptr(TiesJsonDocument) doc2 = NULL;
  g_autoptr(GError) error = NULL;
  const TiesJsonValue *root, *a, *b;

  doc = ties_json_document_parse (json, strlen (json), MAX_DEPTH, NULL, &error);
  g_assert_no_error (error);
  root = ties_json_document_get_root (doc);
  g_assert_cmpuint (ties_json_value_get_offset (root), ==, 0);
  g_assert_cmpuint (ties_json_object_get_name_offset (root, 0), ==, 4);
  g_assert_cmpuint (ties_json_object_get_name_offset (root, 1), ==, 21);

  a = ties_json_object_get_value (root, 0);
  g_assert_cmpuint (ties_json_value_get_offset (a), ==, 9);
  g_assert_cmpuint (ties_json_value_get_offset (ties_json_array_get (a, 0)), ==, 10);
  g_assert_cmpuint (ties_json_value_get_offset (ties_json_array_get (a, 1)), ==, 13);

  b = ties_json_object_get_value (root, 1);
  g_assert_cmpuint (ties_json_value_get_offset (b), ==, 26);
  g_assert_cmpuint (ties_json_object_get_name_offset (b, 0), ==, 27);
  g_assert_cmpuint (ties_json_value_get_offset (ties_json_object_get_value (b, 0)), ==, 32);

  /* Unescaping in place moves no position. */
  doc2 = ties_json_document_parse (escaped, strlen (escaped), MAX_DEPTH, NULL, &error);
  g_assert_no_error (error);
  root = ties_json_document_get_root (doc2);
  g_assert_cmpstr (ties_json_object_get_name (root, 0), ==, "A");
  g_assert_cmpuint (ties_json_object_get_name_offset (root, 0), ==, 1);
  g_assert_cmpuint (ties_json_value_get_offset (ties_json_object_get_value (root, 0)), ==, 10);
  g_assert_cmpuint (ties_json_object_get_name_offset (root, 1), ==, 12);
  g_assert_cmpuint (ties_json_value_get_offset (ties_json_object_get_value (root, 1)), ==, 16);
  g_assert_cmpstr (ties_json_value_get_string (ties_json_object_get_value (root, 1)), ==, "\t");
}

static void
test_depth (void)
{
  const gsize n = 100000;
  g_autofree char *deep = g_malloc (n);
  g_autoptr(GString) ok = g_string_new (NULL);
  g_autoptr(GString) objects = g_string_new (NULL);
  g_autoptr(TiesJsonDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(TiesJsonPosition) position = { 0 };

  /* 100,000 "[" are refused at the 257th. */
  memset (deep, '[', n);
  doc = ties_json_document_parse (deep, n, MAX_DEPTH, &position, &error);
  g_assert_null (doc);
  g_assert_error (error, TIES_JSON_ERROR, TIES_JSON_ERROR_DEPTH);
  g_assert_cmpstr (error->message, ==, "nesting deeper than 256 levels");
  g_assert_cmpuint (position.offset, ==, 256);
  g_assert_cmpuint (position.line, ==, 1);
  g_assert_cmpuint (position.column, ==, 257);
  g_clear_error (&error);
  ties_json_position_clear (&position);

  /* As deep as allowed. */
  for (guint i = 0; i < MAX_DEPTH; i++)
    g_string_append_c (ok, '[');
  for (guint i = 0; i < MAX_DEPTH; i++)
    g_string_append_c (ok, ']');
  doc = ties_json_document_parse (ok->str, ok->len, MAX_DEPTH, NULL, &error);
  g_assert_no_error (error);
  text = ties_json_value_to_string (doc, ties_json_document_get_root (doc));
  g_assert_cmpstr (text, ==, ok->str);
  g_clear_pointer (&doc, ties_json_document_free);

  /* Objects count too: 256 levels pass, 257 do not. */
  for (guint i = 0; i < MAX_DEPTH; i++)
    g_string_append (objects, "{\"a\":");
  g_string_append (objects, "1");
  for (guint i = 0; i < MAX_DEPTH; i++)
    g_string_append_c (objects, '}');
  doc = ties_json_document_parse (objects->str, objects->len, MAX_DEPTH, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&doc, ties_json_document_free);
  doc = ties_json_document_parse (objects->str, objects->len, MAX_DEPTH - 1, &position, &error);
  g_assert_null (doc);
  g_assert_cmpstr (error->message, ==, "nesting deeper than 255 levels");
  g_assert_cmpuint (position.column, ==, 1276);
  g_clear_error (&error);
  ties_json_position_clear (&position);

  /* Depth 0 allows only a scalar. */
  doc = ties_json_document_parse ("7", 1, 0, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&doc, ties_json_document_free);
  doc = ties_json_document_parse ("[]", 2, 0, &position, &error);
  g_assert_null (doc);
  g_assert_cmpstr (error->message, ==, "nesting deeper than 0 levels");
  g_assert_cmpuint (position.column, ==, 1);
  g_assert_cmpstr (position.path, ==, "$");
}

/* Where each kind of fault is reported: the parser's own position, line,
 * column and JSON path, as a caller gets them, never read out of the
 * message.  Worked out by hand: BOM takes no column, columns count
 * characters. */
typedef struct
{
  const char *json;
  gssize length;                /* -1: up to the NUL */
  TiesJsonError code;
  gsize offset;
  guint line;
  guint column;
  const char *path;
  const char *message;          /* the whole message */
} PositionCase;

static const PositionCase position_cases[] = {
  /* A missing comma: at what follows, naming the member or element just read. */
  { "{\"a\": 1\n \"b\": 2}", -1, TIES_JSON_ERROR_SYNTAX, 9, 2, 2, "$.a",
    "expected “,” or “}” after an object member, found “\"”" },
  { "{\"events\": [{\"id\": \"x\"} {\"id\": \"y\"}]}", -1, TIES_JSON_ERROR_SYNTAX, 24, 1, 25, "$.events[0]",
    "expected “,” or “]” after an array element, found “{”" },
  { "[1 2]", -1, TIES_JSON_ERROR_SYNTAX, 3, 1, 4, "$[0]",
    "expected “,” or “]” after an array element, found “2”" },
  /* An unterminated string: at its opening quote. */
  { "{\"title\": \"abc", -1, TIES_JSON_ERROR_SYNTAX, 10, 1, 11, "$.title", "unterminated string" },
  /* ... which in an edited file is mostly a line break where the quote was. */
  { "{\"title\": \"abc\n}", -1, TIES_JSON_ERROR_SYNTAX, 14, 1, 15, "$.title",
    "unescaped control character U+000A in a string" },
  /* A member name cut short: the object is named, no member is yet. */
  { "{\"a\": 1, \"b", -1, TIES_JSON_ERROR_SYNTAX, 9, 1, 10, "$", "unterminated string" },
  { "{\"a\":1,}", -1, TIES_JSON_ERROR_SYNTAX, 7, 1, 8, "$",
    "expected a member name in double quotes, found “}”" },
  /* Lone surrogate escapes: at the backslash. */
  { "[\"\\uD800\"]", -1, TIES_JSON_ERROR_SYNTAX, 2, 1, 3, "$[0]",
    "unpaired surrogate “\\uD800”: a high surrogate must be followed by a low one" },
  { "{\"a\": \"x\\uDC00\"}", -1, TIES_JSON_ERROR_SYNTAX, 8, 1, 9, "$.a",
    "unpaired surrogate “\\uDC00”: a low surrogate must follow a high one" },
  /* A duplicate member: at the second name, which the path names. */
  { "{\"id\": 1,\n \"id\": 2}", -1, TIES_JSON_ERROR_DUPLICATE, 11, 2, 2, "$.id",
    "the member “id” appears twice in this object" },
  { "{\"actors\": [{\"id\": \"a\", \"name\": \"b\", \"id\": \"c\"}]}", -1, TIES_JSON_ERROR_DUPLICATE, 37, 1, 38,
    "$.actors[0].id", "the member “id” appears twice in this object" },
  /* A name with a line break, or a long one, is shown escaped and cut:
   * a message is one line (found by fuzz-document). */
  { "{\"a\\nb\": 1, \"a\\nb\": 2}", -1, TIES_JSON_ERROR_DUPLICATE, 12, 1, 13, "$[\"a\\u000Ab\"]",
    "the member “a\\u000Ab” appears twice in this object" },
  { "{\"0123456789012345678901234567890123456789012345678901234567890123456789\": 1, "
    "\"0123456789012345678901234567890123456789012345678901234567890123456789\": 2}", -1,
    TIES_JSON_ERROR_DUPLICATE, 78, 1, 79,
    "$[\"012345678901234567890123456789012345678901234567890123456789…\"]",
    "the member “012345678901234567890123456789012345678901234567890123456789…” appears twice in this object" },
  /* Numbers: a malformed one at its start; one out of a double's range is
   * no syntax error (kept as written; the document reader refuses it
   * where it reads a number). */
  { "{\"x\": 01}", -1, TIES_JSON_ERROR_SYNTAX, 6, 1, 7, "$.x",
    "invalid number: a number cannot start with a zero followed by other digits" },
  { "{\"x\": 1.}", -1, TIES_JSON_ERROR_SYNTAX, 6, 1, 7, "$.x",
    "invalid number: a digit must follow the decimal point" },
  /* A control character in a string: at that character. */
  { "{\"a\": \"x\ty\"}", -1, TIES_JSON_ERROR_SYNTAX, 8, 1, 9, "$.a",
    "unescaped control character U+0009 in a string" },
  /* Trailing garbage: at its first character, after the document. */
  { "{}\n}", -1, TIES_JSON_ERROR_SYNTAX, 3, 2, 1, "$", "unexpected “}” after the document" },
  { "[1]x", -1, TIES_JSON_ERROR_SYNTAX, 3, 1, 4, "$", "unexpected “x” after the document" },
  /* A byte-order mark is skipped and takes no column, but counts in the offset. */
  { "\xEF\xBB\xBF{\"a\" 1}", -1, TIES_JSON_ERROR_SYNTAX, 8, 1, 6, "$.a",
    "expected “:” after a member name, found “1”" },
  /* Empty: no value, so no path. */
  { "", 0, TIES_JSON_ERROR_EMPTY, 0, 1, 1, NULL, "the document is empty" },
  { "\xEF\xBB\xBF", -1, TIES_JSON_ERROR_EMPTY, 0, 1, 1, NULL, "the document is empty" },
  { " \n\t\r\n ", -1, TIES_JSON_ERROR_EMPTY, 0, 1, 1, NULL, "the document holds only white space" },
  /* Bytes no text has. */
  { "{\"a\": \"x\0y\"}", 12, TIES_JSON_ERROR_ENCODING, 8, 1, 9, "$.a", "NUL byte (\\0) is not allowed in a document" },
  { "[]\n\0", 4, TIES_JSON_ERROR_ENCODING, 3, 2, 1, "$", "NUL byte (\\0) is not allowed in a document" },
  { "[\"\xC4\x81\xFF\"]", -1, TIES_JSON_ERROR_ENCODING, 4, 1, 4, "$[0]", "invalid UTF-8 byte sequence" },
  { "\xEF\xBB\xBF\xFE", -1, TIES_JSON_ERROR_ENCODING, 3, 1, 1, "$", "invalid UTF-8 byte sequence" },
  /* Member names that are not identifiers are quoted in the path. */
  { "{\"a b\": [1 2]}", -1, TIES_JSON_ERROR_SYNTAX, 11, 1, 12, "$[\"a b\"][0]",
    "expected “,” or “]” after an array element, found “2”" },
  { "{\"x\\\"y\": tru}", -1, TIES_JSON_ERROR_SYNTAX, 9, 1, 10, "$[\"x\\\"y\"]",
    "invalid literal: expected “true”, “false” or “null”" },
  /* A long name is cut, on a character's first byte. */
  { "{\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\": x}", -1,
    TIES_JSON_ERROR_SYNTAX, 125, 1, 126, "$[\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…\"]", "unexpected character “x”" },
  { "{\"ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé\": x}", -1,
    TIES_JSON_ERROR_SYNTAX, 123, 1, 65, "$[\"éééééééééééééééééééééééééééééé…\"]", "unexpected character “x”" },
  { "{\"\\u0000\\n\": [}", -1, TIES_JSON_ERROR_SYNTAX, 14, 1, 15, "$[\"\\u0000\\u000A\"][0]",
    "unexpected character “}”" },
};

static void
test_positions (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (position_cases); i++)
    {
      const PositionCase *c = &position_cases[i];
      gsize length = c->length < 0 ? strlen (c->json) : (gsize) c->length;
      g_autoptr(TiesJsonDocument) doc = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(TiesJsonPosition) position = { 0 };
      g_autofree char *shown = g_strescape (c->json, NULL);

      g_test_message ("position case %" G_GSIZE_FORMAT ": %s", i, shown);

      doc = ties_json_document_parse (c->json, length, MAX_DEPTH, &position, &error);
      g_assert_null (doc);
      g_assert_error (error, TIES_JSON_ERROR, (int) c->code);
      g_assert_cmpstr (error->message, ==, c->message);
      g_assert_cmpuint (position.offset, ==, c->offset);
      g_assert_cmpuint (position.line, ==, c->line);
      g_assert_cmpuint (position.column, ==, c->column);
      g_assert_cmpstr (position.path, ==, c->path);
    }
}

/* Too deep: at the first bracket past the limit, named by its path. */
static void
test_depth_positions (void)
{
  g_autoptr(GString) objects = g_string_new (NULL);
  g_autoptr(GString) path = g_string_new ("$");
  g_autoptr(TiesJsonDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(TiesJsonPosition) position = { 0 };
  g_autofree char *brackets = NULL;
  g_autofree char *in_strings = NULL;

  doc = ties_json_document_parse ("{\"a\": [[1]]}", 12, 2, &position, &error);
  g_assert_null (doc);
  g_assert_error (error, TIES_JSON_ERROR, TIES_JSON_ERROR_DEPTH);
  g_assert_cmpstr (error->message, ==, "nesting deeper than 2 levels");
  g_assert_cmpuint (position.offset, ==, 7);
  g_assert_cmpuint (position.column, ==, 8);
  g_assert_cmpstr (position.path, ==, "$.a[0]");
  g_clear_error (&error);
  ties_json_position_clear (&position);

  /* One "{"a": per line, indented by two: the 257th brace is on line 257,
   * at column 3; its path is 256 times ".a". */
  for (guint i = 0; i < MAX_DEPTH + 10; i++)
    g_string_append (objects, "  {\"a\":\n");
  for (guint i = 0; i < MAX_DEPTH; i++)
    g_string_append (path, ".a");
  doc = ties_json_document_parse (objects->str, objects->len, MAX_DEPTH, &position, &error);
  g_assert_error (error, TIES_JSON_ERROR, TIES_JSON_ERROR_DEPTH);
  g_assert_cmpuint (position.line, ==, MAX_DEPTH + 1);
  g_assert_cmpuint (position.column, ==, 3);
  g_assert_cmpstr (position.path, ==, path->str);
  g_clear_error (&error);
  ties_json_position_clear (&position);

  /* Brackets in strings are text: [ " ] ] ] ] " , · is columns 1-9, so a
   * run of brackets from column 10 has its 256th (depth 257) at 265. */
  brackets = g_strnfill (300, '[');
  in_strings = g_strconcat ("[\"]]]]\", ", brackets, NULL);
  doc = ties_json_document_parse (in_strings, strlen (in_strings), MAX_DEPTH, &position, &error);
  g_assert_error (error, TIES_JSON_ERROR, TIES_JSON_ERROR_DEPTH);
  g_assert_cmpuint (position.line, ==, 1);
  g_assert_cmpuint (position.column, ==, 265);
  g_assert_true (g_str_has_prefix (position.path, "$[1][0][0]"));
}

static void
test_round_trip (void)
{
  static const char json[] =
    "{\n"
    "  \"title\": \"Qu\\u00e9bec \\\"2019\\\" \\/ \\u001b\",\n"
    "  \"numbers\": [0, -1, 1.5, 2.50, 1e2, -3E-2, 12345678901234567890],\n"
    "  \"nested\": [[], {}, [{\"k\": [null, true, false]}]],\n"
    "  \"emoji\": \"\\ud83d\\ude00 😀\"\n"
    "}\n";
  static const char expected[] =
    "{\"title\":\"Québec \\\"2019\\\" / \\u001b\","
    "\"numbers\":[0,-1,1.5,2.50,1e2,-3E-2,12345678901234567890],"
    "\"nested\":[[],{},[{\"k\":[null,true,false]}]],"
    "\"emoji\":\"😀 😀\"}";
  g_autoptr(TiesJsonDocument) doc = NULL;
  g_autoptr(TiesJsonDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;

  doc = ties_json_document_parse (json, strlen (json), MAX_DEPTH, NULL, &error);
  g_assert_no_error (error);
  text = ties_json_value_to_string (doc, ties_json_document_get_root (doc));
  g_assert_cmpstr (text, ==, expected);

  /* Its own output reads back the same. */
  again = ties_json_document_parse (text, strlen (text), MAX_DEPTH, NULL, &error);
  g_assert_no_error (error);
  text2 = ties_json_value_to_string (again, ties_json_document_get_root (again));
  g_assert_cmpstr (text2, ==, text);

  /* A part of the document. */
  g_clear_pointer (&text, g_free);
  text = ties_json_value_to_string (doc, ties_json_object_lookup (ties_json_document_get_root (doc), "nested"));
  g_assert_cmpstr (text, ==, "[[],{},[{\"k\":[null,true,false]}]]");
}

/* Generates random documents (seeded) in several styles, each followed by
 * the compact text Python writes for it. */
static const char python_script[] =
  "import json, random, re, sys\n"
  "rng = random.Random(int(sys.argv[1]))\n"
  "def rstr():\n"
  "    out = []\n"
  "    for _ in range(rng.randint(0, 12)):\n"
  "        k = rng.random()\n"
  "        if k < 0.5: c = chr(rng.randint(0x20, 0x7e))\n"
  "        elif k < 0.6: c = rng.choice('\"\\\\/\\b\\f\\n\\r\\t\\x01\\x1f\\x7f')\n"
  "        elif k < 0.8: c = chr(rng.randint(0xa0, 0x7ff))\n"
  "        elif k < 0.9: c = chr(rng.choice([rng.randint(0x800, 0xd7ff), rng.randint(0xe000, 0xfffd)]))\n"
  "        else: c = chr(rng.randint(0x10000, 0x10ffff))\n"
  "        out.append(c)\n"
  "    return ''.join(out)\n"
  "def shortest(x):\n"
  "    for p in (15, 16, 17):\n"
  "        s = '%.*g' % (p, x)\n"
  "        if float(s) == x: return s\n"
  "def rfloat():\n"
  "    while True:\n"
  "        k = rng.random()\n"
  "        if k < 0.4: x = rng.uniform(-1000, 1000)\n"
  "        elif k < 0.7: x = rng.random() * 10.0 ** rng.randint(-30, 30)\n"
  "        elif k < 0.8: x = round(rng.uniform(-100, 100), rng.randint(1, 4))\n"
  "        else: x = rng.uniform(-1, 1) * 10.0 ** rng.randint(-300, 300)\n"
  "        if x.is_integer() and abs(x) < 1e15: continue\n"
  "        if repr(x) != shortest(x): continue\n"
  "        return x\n"
  "def rint():\n"
  "    k = rng.random()\n"
  "    if k < 0.6: return rng.randint(-1000, 1000)\n"
  "    if k < 0.9: return rng.randint(-2**53, 2**53)\n"
  "    return rng.choice([2**63 - 1, -2**63, rng.randint(-2**63, 2**63 - 1)])\n"
  "def rvalue(depth):\n"
  "    k = rng.random()\n"
  "    if depth > 0 and (depth > 5 or k < 0.5):\n"
  "        k = rng.randrange(6)\n"
  "        return [None, True, False][k] if k < 3 else rint() if k == 3 else rfloat() if k == 4 else rstr()\n"
  "    if k < 0.6: return [rvalue(depth + 1) for _ in range(rng.randint(0, 6))]\n"
  "    return {rstr(): rvalue(depth + 1) for _ in range(rng.randint(0, 6))}\n"
  "def upper_hex(m):\n"
  "    return m.group(1) or '\\\\u' + m.group(2).upper()\n"
  "out = sys.stdout.buffer\n"
  "for i in range(int(sys.argv[2])):\n"
  "    obj = rvalue(0)\n"
  "    style = i % 4\n"
  "    if style == 0: text = json.dumps(obj)\n"
  "    elif style == 1: text = json.dumps(obj, indent=2, ensure_ascii=False)\n"
  "    elif style == 2: text = json.dumps(obj, ensure_ascii=False, separators=(',', ':'))\n"
  "    else:\n"
  "        text = json.dumps(obj, indent='\\t', separators=(', ', ' : '))\n"
  "        text = re.sub(r'(\\\\\\\\)|\\\\u([0-9a-f]{4})', upper_hex, text).replace('/', '\\\\/')\n"
  "        text = ' \\r\\n' + text.replace('\\n', '\\r\\n') + '\\n'\n"
  "    expected = json.dumps(obj, ensure_ascii=False, separators=(',', ':'))\n"
  "    a = text.encode('utf-8'); b = expected.encode('utf-8')\n"
  "    out.write(b'%d %d\\n' % (len(a), len(b))); out.write(a); out.write(b)\n";

static void
test_python (void)
{
  const char *argv[] = { "/usr/bin/python3", "-c", python_script, "20260101", "200", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *p, *end;
  gsize out_length;
  gint status;
  guint documents = 0;

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("no /usr/bin/python3");
      return;
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  out_length = strlen (out);
  p = out;
  end = out + out_length;
  while (p < end)
    {
      g_autoptr(TiesJsonDocument) doc = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *text = NULL;
      guint64 text_length, expected_length;
      char *next;

      text_length = g_ascii_strtoull (p, &next, 10);
      expected_length = g_ascii_strtoull (next + 1, &next, 10);
      g_assert_cmpint (*next, ==, '\n');
      p = next + 1;
      g_assert_cmpuint (text_length + expected_length, <=, (guint64) (end - p));

      doc = ties_json_document_parse (p, text_length, MAX_DEPTH, NULL, &error);
      g_assert_no_error (error);
      expected = g_strndup (p + text_length, expected_length);
      text = ties_json_value_to_string (doc, ties_json_document_get_root (doc));
      g_assert_cmpstr (text, ==, expected);

      p += text_length + expected_length;
      documents++;
    }

  g_assert_cmpuint (documents, ==, 200);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-dom/cases", test_cases);
  g_test_add_func ("/json-dom/values", test_values);
  g_test_add_func ("/json-dom/exact", test_exact);
  g_test_add_func ("/json-dom/data-not-kept", test_data_not_kept);
  g_test_add_func ("/json-dom/offsets", test_offsets);
  g_test_add_func ("/json-dom/depth", test_depth);
  g_test_add_func ("/json-dom/positions", test_positions);
  g_test_add_func ("/json-dom/depth-positions", test_depth_positions);
  g_test_add_func ("/json-dom/round-trip", test_round_trip);
  g_test_add_func ("/json-dom/python", test_python);

  return g_test_run ();
}
