/* fuzz-check.c: what must hold for any input, shared by the libFuzzer
 * harnesses and the test that replays their corpora in the normal build
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-check.h"
#include "ties-article-import.h"
#include "ties-date.h"
#include "ties-document-io.h"
#include "ties-network.h"
#include "ties-network-import.h"
#include "ties-suggest.h"

static GLogWriterOutput
fatal_writer (GLogLevelFlags   log_level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  GLogWriterOutput result = g_log_writer_standard_streams (log_level, fields, n_fields, user_data);

  /* GLib may stop a fatal message with SIGTRAP, which libFuzzer does not
   * catch: it would lose the input. abort () it does catch. */
  if (log_level & (G_LOG_FLAG_FATAL | G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();

  return result;
}

void
ties_fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_log_set_writer_func (fatal_writer, NULL, NULL);
}

static guint
count_lines (const guint8 *data,
             gsize         size)
{
  guint n_lines = 1;

  for (gsize i = 0; i < size; i++)
    n_lines += data[i] == '\n';

  return n_lines;
}

/* Documented in ties-document-io.h: one problem a line, each
 * "NAME:LINE:COLUMN: …", or "NAME: and N more problems" at the end. */
static void
check_message_lines (const char *what,
                     const char *message,
                     guint       n_lines)
{
  g_auto(GStrv) lines = NULL;

  if (message == NULL || *message == '\0')
    g_error ("%s: empty message", what);
  /* It is shown in labels and terminals. */
  if (!g_utf8_validate (message, -1, NULL))
    g_error ("%s: the message is not UTF-8: “%s”", what, message);

  lines = g_strsplit (message, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *rest = lines[i] + strlen (TIES_FUZZ_DISPLAY_NAME ":");
      guint line = 0, column = 0;

      if (!g_str_has_prefix (lines[i], TIES_FUZZ_DISPLAY_NAME ":"))
        g_error ("%s: a line without the file's name: “%s”", what, lines[i]);
      if (lines[i + 1] == NULL && g_str_has_prefix (rest, " "))
        continue;
      if (sscanf (rest, "%u:%u: ", &line, &column) != 2)
        g_error ("%s: a line without a position: “%s”", what, lines[i]);
      if (line < 1 || line > n_lines || column < 1)
        g_error ("%s: position %u:%u outside a text of %u lines: “%s”",
                 what, line, column, n_lines, lines[i]);
    }
}

static GBytes *
save_or_fail (TiesDocument *document,
              const char   *what)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  bytes = ties_document_save_to_bytes (document, &error);
  /* Whatever the reader accepts the writer must write: the reader and the
   * writer share their limits, so a refusal here is a bug. */
  if (bytes == NULL)
    g_error ("%s does not save: %s", what, error != NULL ? error->message : "(no error)");
  if (error != NULL)
    g_error ("%s saved and also set an error: %s", what, error->message);

  return bytes;
}

static void
check_same_bytes (GBytes *expected,
                  GBytes *actual)
{
  gsize expected_size, actual_size, at = 0;
  const char *e = g_bytes_get_data (expected, &expected_size);
  const char *a = g_bytes_get_data (actual, &actual_size);

  if (g_bytes_equal (expected, actual))
    return;

  while (at < expected_size && at < actual_size && e[at] == a[at])
    at++;

  g_error ("a saved document loads and saves to other bytes (%" G_GSIZE_FORMAT " and %"
           G_GSIZE_FORMAT " bytes); they differ from byte %" G_GSIZE_FORMAT ": “%.*s” against “%.*s”",
           expected_size, actual_size, at,
           (int) MIN (40, expected_size - at), e + at, (int) MIN (40, actual_size - at), a + at);
}

/* A strict RFC 8259 reader, written apart from Ties's own, so that a
 * leniency of the reader (numbers and unknown members are kept as written)
 * cannot carry into a saved file without being seen. */
typedef struct {
  const char *p;
  const char *end;
} Strict;

static gboolean strict_value (Strict *s,
                              guint   depth);

static void
strict_space (Strict *s)
{
  while (s->p < s->end && strchr (" \t\n\r", *s->p) != NULL && *s->p != '\0')
    s->p++;
}

static gboolean
strict_digits (Strict *s)
{
  const char *start = s->p;

  while (s->p < s->end && g_ascii_isdigit (*s->p))
    s->p++;

  return s->p > start;
}

static gboolean
strict_number (Strict *s)
{
  if (s->p < s->end && *s->p == '-')
    s->p++;
  if (s->p < s->end && *s->p == '0')
    s->p++;
  else if (!(s->p < s->end && *s->p >= '1' && *s->p <= '9') || !strict_digits (s))
    return FALSE;
  if (s->p < s->end && *s->p == '.')
    {
      s->p++;
      if (!strict_digits (s))
        return FALSE;
    }
  if (s->p < s->end && (*s->p == 'e' || *s->p == 'E'))
    {
      s->p++;
      if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
        s->p++;
      if (!strict_digits (s))
        return FALSE;
    }
  return TRUE;
}

static gboolean
strict_string (Strict *s)
{
  s->p++;
  while (s->p < s->end && *s->p != '"')
    {
      if ((guchar) *s->p < 0x20)
        return FALSE;
      if (*s->p == '\\')
        {
          s->p++;
          if (s->p >= s->end)
            return FALSE;
          if (*s->p == 'u')
            {
              for (guint i = 1; i <= 4; i++)
                if (s->p + i >= s->end || !g_ascii_isxdigit (s->p[i]))
                  return FALSE;
              s->p += 4;
            }
          else if (strchr ("\"\\/bfnrt", *s->p) == NULL || *s->p == '\0')
            return FALSE;
        }
      s->p++;
    }
  if (s->p >= s->end)
    return FALSE;
  s->p++;
  return TRUE;
}

static gboolean
strict_literal (Strict     *s,
                const char *word)
{
  gsize length = strlen (word);

  if ((gsize) (s->end - s->p) < length || memcmp (s->p, word, length) != 0)
    return FALSE;
  s->p += length;
  return TRUE;
}

static gboolean
strict_container (Strict *s,
                  guint   depth)
{
  char close = *s->p == '{' ? '}' : ']';

  s->p++;
  strict_space (s);
  if (s->p < s->end && *s->p == close)
    {
      s->p++;
      return TRUE;
    }
  for (;;)
    {
      if (close == '}')
        {
          if (s->p >= s->end || *s->p != '"' || !strict_string (s))
            return FALSE;
          strict_space (s);
          if (s->p >= s->end || *s->p != ':')
            return FALSE;
          s->p++;
          strict_space (s);
        }
      if (!strict_value (s, depth + 1))
        return FALSE;
      strict_space (s);
      if (s->p < s->end && *s->p == ',')
        {
          s->p++;
          strict_space (s);
          continue;
        }
      if (s->p < s->end && *s->p == close)
        {
          s->p++;
          return TRUE;
        }
      return FALSE;
    }
}

static gboolean
strict_value (Strict *s,
              guint   depth)
{
  /* Far past any limit of Ties: only a guard for this reader's stack. */
  if (depth > 10000 || s->p >= s->end)
    return FALSE;

  switch (*s->p)
    {
    case '{':
    case '[':
      return strict_container (s, depth);
    case '"':
      return strict_string (s);
    case 't':
      return strict_literal (s, "true");
    case 'f':
      return strict_literal (s, "false");
    case 'n':
      return strict_literal (s, "null");
    default:
      return strict_number (s);
    }
}

gboolean
ties_fuzz_is_strict_json (const char *data,
                          gsize       size,
                          gsize      *error_offset)
{
  Strict s = { data, data + size };
  gboolean valid;

  strict_space (&s);
  valid = strict_value (&s, 0);
  if (valid)
    {
      strict_space (&s);
      valid = s.p == s.end;
    }
  if (error_offset != NULL)
    *error_offset = MIN ((gsize) (s.p - data), size);

  return valid;
}

/* What every saved file is (DESIGN.md): UTF-8 without a byte-order mark,
 * strict JSON, one object, a trailing newline. */
static void
check_saved_bytes (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gsize at = 0;

  if (size == 0 || data[size - 1] != '\n')
    g_error ("a saved document does not end with a newline");
  if (!g_utf8_validate_len (data, size, NULL))
    g_error ("a saved document is not UTF-8");
  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    g_error ("a saved document starts with a byte-order mark");
  if (*data != '{' || !ties_fuzz_is_strict_json (data, size, &at))
    g_error ("a saved document is not a strict JSON object: it fails at byte %" G_GSIZE_FORMAT
             ": “%.*s”", at, (int) MIN (40, size - at), data + at);
}

void
ties_fuzz_check_document (const guint8 *data,
                          gsize         size)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TiesDocument) document = NULL;
  g_autoptr(TiesDocument) again = NULL;
  g_autoptr(TiesNetwork) network = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  guint n_lines = count_lines (data, size);

  document = ties_document_load_from_data ((const char *) data, size, TIES_FUZZ_DISPLAY_NAME,
                                           &warnings, &error);
  if (document == NULL)
    {
      if (error == NULL)
        g_error ("refused without an error");
      if (error->domain != TIES_DOCUMENT_IO_ERROR)
        g_error ("refused with an error of domain %s: %s", g_quark_to_string (error->domain), error->message);
      check_message_lines ("load error", error->message, n_lines);
      return;
    }
  if (error != NULL)
    g_error ("loaded and also set an error: %s", error->message);

  if (warnings != NULL)
    for (guint i = 0; i < warnings->len; i++)
      {
        const char *warning = g_ptr_array_index (warnings, i);

        if (strchr (warning, '\n') != NULL)
          g_error ("a warning of more than one line: “%s”", warning);
        check_message_lines ("warning", warning, n_lines);
      }

  /* What loads saves; what it saves loads, and saves to the same bytes. */
  saved = save_or_fail (document, "a loaded document");
  check_saved_bytes (saved);
  again = ties_document_load_from_data (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                                        TIES_FUZZ_DISPLAY_NAME, NULL, &error);
  if (again == NULL)
    g_error ("what was saved does not load: %s", error != NULL ? error->message : "(no error)");
  saved_again = save_or_fail (again, "a document loaded from saved bytes");
  check_same_bytes (saved, saved_again);

  /* The diagram's network is derived from every loaded document. */
  network = ties_network_new (document);
  if (ties_network_get_n_events (network) != g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_events (document))))
    g_error ("the network counts %u events of %u", ties_network_get_n_events (network),
             g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_events (document))));
}

/* Dates of every kind to compare a fuzzed date with; those this parser
 * does not know yet are skipped. */
static const char * const reference_dates[] = {
  "2019", "2019-05-02", "2019-05~", "../2019", "2019-03-01/..", "2019-21", "201X", "0000", "9999-12-31",
  "-0050", "Y170000002", "2019-04-17T10:00:00Z", "[2019-04-17,2019-04-18]", "{1960,1961-12}", "[..1760-12-03]",
};

static int
sign (int value)
{
  return (value > 0) - (value < 0);
}

static void
check_same_date (const char     *text,
                 const TiesDate *a,
                 const TiesDate *b)
{
  gint64 a_first, a_last, b_first, b_last;
  g_autofree char *a_human = ties_date_format (a);
  g_autofree char *b_human = ties_date_format (b);

  if (g_strcmp0 (ties_date_get_text (a), ties_date_get_text (b)) != 0)
    g_error ("“%s”: the text changed to “%s”", text, ties_date_get_text (b));
  if (ties_date_get_precision (a) != ties_date_get_precision (b)
      || ties_date_is_interval (a) != ties_date_is_interval (b)
      || ties_date_is_approximate (a) != ties_date_is_approximate (b)
      || ties_date_is_uncertain (a) != ties_date_is_uncertain (b))
    g_error ("“%s”: parsed twice, the precision or qualifiers differ", text);

  ties_date_get_strict_range (a, &a_first, &a_last);
  ties_date_get_strict_range (b, &b_first, &b_last);
  if (a_first != b_first || a_last != b_last)
    g_error ("“%s”: parsed twice, the strict ranges differ", text);
  ties_date_get_fuzzy_range (a, &a_first, &a_last);
  ties_date_get_fuzzy_range (b, &b_first, &b_last);
  if (a_first != b_first || a_last != b_last)
    g_error ("“%s”: parsed twice, the fuzzy ranges differ", text);

  if (ties_date_compare (a, b) != 0 || ties_date_compare (b, a) != 0)
    g_error ("“%s”: parsed twice, the dates do not compare equal", text);
  if (g_strcmp0 (a_human, b_human) != 0)
    g_error ("“%s”: parsed twice, the human forms differ: “%s” and “%s”", text, a_human, b_human);
}

static void
check_valid_date (const char *text,
                  TiesDate   *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiesDate) again = NULL;
  g_autofree char *human = NULL;
  gint64 first, last, fuzzy_first, fuzzy_last;

  if (g_strcmp0 (ties_date_get_text (date), text) != 0)
    g_error ("“%s” is kept as “%s”", text, ties_date_get_text (date));
  /* The fuzzy range holds the strict one, which is not empty. */
  ties_date_get_strict_range (date, &first, &last);
  ties_date_get_fuzzy_range (date, &fuzzy_first, &fuzzy_last);
  if (first > last)
    g_error ("“%s”: the strict range ends (%" G_GINT64_FORMAT ") before it starts (%" G_GINT64_FORMAT ")",
             text, last, first);
  if (fuzzy_first > first || fuzzy_last < last)
    g_error ("“%s”: the fuzzy range %" G_GINT64_FORMAT "..%" G_GINT64_FORMAT " does not hold the strict range %"
             G_GINT64_FORMAT "..%" G_GINT64_FORMAT, text, fuzzy_first, fuzzy_last, first, last);
  /* Only a qualifier widens it. */
  if (!ties_date_is_approximate (date) && !ties_date_is_uncertain (date)
      && (fuzzy_first != first || fuzzy_last != last))
    g_error ("“%s”: not qualified, yet the fuzzy range differs from the strict range", text);
  if (!ties_date_overlaps (date, first, last, FALSE) || !ties_date_overlaps (date, fuzzy_first, fuzzy_last, TRUE))
    g_error ("“%s”: does not overlap its own range", text);

  human = ties_date_format (date);
  if (human == NULL || *human == '\0' || !g_utf8_validate (human, -1, NULL))
    g_error ("“%s”: no human form, or not UTF-8", text);

  /* The kept text is the canonical string: parsed again, the same date. */
  again = ties_date_parse (ties_date_get_text (date), NULL, &error);
  if (again == NULL)
    g_error ("“%s”: the kept text does not parse again: %s", text, error->message);
  check_same_date (text, date, again);

  /* The documented total order: NULL last, antisymmetric, the strict
   * first day its first key, equal only for equal texts. */
  if (ties_date_compare (date, NULL) >= 0 || ties_date_compare (NULL, date) <= 0)
    g_error ("“%s”: does not sort before no date", text);
  for (guint i = 0; i < G_N_ELEMENTS (reference_dates); i++)
    {
      g_autoptr(TiesDate) other = ties_date_parse (reference_dates[i], NULL, NULL);
      gint64 other_first, other_last;
      int forward, backward;

      if (other == NULL)
        continue;
      forward = sign (ties_date_compare (date, other));
      backward = sign (ties_date_compare (other, date));
      if (forward != -backward)
        g_error ("“%s” against “%s”: compare is not antisymmetric (%d, %d)",
                 text, reference_dates[i], forward, backward);
      if (forward != sign (ties_date_compare (again, other)))
        g_error ("“%s” against “%s”: the date parsed again compares otherwise", text, reference_dates[i]);
      if ((forward == 0) != g_str_equal (text, reference_dates[i]))
        g_error ("“%s” against “%s”: equal only for equal texts", text, reference_dates[i]);

      ties_date_get_strict_range (other, &other_first, &other_last);
      if (first != other_first && forward != sign (first < other_first ? -1 : 1))
        g_error ("“%s” against “%s”: the strict first days sort the other way", text, reference_dates[i]);
    }
}

/* Checks one date and returns it, or NULL when it was (rightly) refused. */
static TiesDate *
check_one_date (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) validate_error = NULL;
  g_autoptr(TiesDate) date = NULL;
  gsize offset = G_MAXSIZE, validate_offset = G_MAXSIZE;
  gboolean valid;

  date = ties_date_parse (text, &offset, &error);
  valid = ties_date_validate (text, &validate_offset, &validate_error);

  if (valid != (date != NULL))
    g_error ("“%s”: parse and validate disagree", text);

  if (date != NULL)
    {
      if (error != NULL || validate_error != NULL)
        g_error ("“%s”: parsed and also set an error", text);
      if (offset != G_MAXSIZE)
        g_error ("“%s”: parsed and also set an error offset", text);
      check_valid_date (text, date);
      return g_steal_pointer (&date);
    }

  if (error == NULL || error->domain != TIES_DATE_ERROR)
    g_error ("“%s”: refused without an error of TIES_DATE_ERROR", text);
  if (error->message == NULL || *error->message == '\0' || !g_utf8_validate (error->message, -1, NULL))
    g_error ("“%s”: refused with an empty message or one that is not UTF-8", text);
  /* The offset counts characters, so it cannot pass the bytes. */
  if (offset > strlen (text))
    g_error ("“%s”: error offset %" G_GSIZE_FORMAT " is past the end", text, offset);
  if (validate_error == NULL || validate_error->code != error->code
      || g_strcmp0 (validate_error->message, error->message) != 0 || validate_offset != offset)
    g_error ("“%s”: parse and validate refuse it differently", text);

  return NULL;
}

/* Two fuzzed dates: the order between them is a total order's, and
 * transitive through each reference date. */
static void
check_date_pair (TiesDate *a,
                 TiesDate *b)
{
  const char *a_text = ties_date_get_text (a);
  const char *b_text = ties_date_get_text (b);
  int ab = sign (ties_date_compare (a, b));
  gint64 a_first, b_first;

  if (ab != -sign (ties_date_compare (b, a)))
    g_error ("“%s” against “%s”: compare is not antisymmetric", a_text, b_text);
  if ((ab == 0) != g_str_equal (a_text, b_text))
    g_error ("“%s” against “%s”: equal only for equal texts", a_text, b_text);

  ties_date_get_strict_range (a, &a_first, NULL);
  ties_date_get_strict_range (b, &b_first, NULL);
  if (a_first != b_first && ab != (a_first < b_first ? -1 : 1))
    g_error ("“%s” against “%s”: the strict first days sort the other way", a_text, b_text);

  for (guint i = 0; i < G_N_ELEMENTS (reference_dates); i++)
    {
      g_autoptr(TiesDate) c = ties_date_parse (reference_dates[i], NULL, NULL);
      int bc, ac;

      if (c == NULL)
        continue;
      bc = sign (ties_date_compare (b, c));
      ac = sign (ties_date_compare (a, c));
      /* a ≤ b ≤ c gives a ≤ c, strictly if either step is strict; and
       * the same the other way round. */
      if ((ab <= 0 && bc <= 0 && ac > (ab + bc < 0 ? -1 : 0))
          || (ab >= 0 && bc >= 0 && ac < (ab + bc > 0 ? 1 : 0)))
        g_error ("“%s”, “%s”, “%s”: compare is not transitive (%d, %d, %d)",
                 a_text, b_text, reference_dates[i], ab, bc, ac);
    }
}

void
ties_fuzz_check_date (const guint8 *data,
                      gsize         size)
{
  /* The parser takes a C string, so a NUL ends the date; after it may
   * come a second one, to compare the two. */
  const guint8 *nul = memchr (data, '\0', size);
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *second_text = NULL;
  g_autoptr(TiesDate) date = NULL;
  g_autoptr(TiesDate) second = NULL;

  date = check_one_date (text);
  if (nul == NULL)
    return;

  second_text = g_strndup ((const char *) nul + 1, size - (gsize) (nul + 1 - data));
  second = check_one_date (second_text);
  if (date != NULL && second != NULL)
    check_date_pair (date, second);
}

/* What an import must give: a refusal in the importer's own terms, or a
 * source whose text is NFC UTF-8 that a document saves and reads back
 * word for word, and whose proposals select the words they quote. */
void
ties_fuzz_check_article (const guint8 *data,
                         gsize         size)
{
  static const char * const names[] = { "fuzz.html", "fuzz.md", "fuzz.txt" };
  const char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TiesSource) source = NULL;
  g_autoptr(TiesDocument) document = NULL;
  g_autoptr(TiesDocument) loaded = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *normal = NULL;
  const char *text;
  const char *published;
  const char *id;

  if (size > 0 && data[0] >= 1 && data[0] <= 3)
    {
      name = names[data[0] - 1];
      data++;
      size--;
    }

  bytes = g_bytes_new (data, size);
  source = ties_article_import_bytes (bytes, name, &error);
  if (source == NULL)
    {
      if (error == NULL || error->domain != TIES_ARTICLE_IMPORT_ERROR || error->message[0] == '\0')
        g_error ("an article was refused without a well-formed error: %s", error != NULL ? error->message : "none");
      return;
    }
  g_assert_no_error (error);

  text = ties_source_get_text (source);
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    g_error ("an imported text is not UTF-8");
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  if (g_strcmp0 (normal, text) != 0)
    g_error ("an imported text is not NFC");
  if (!g_utf8_validate (ties_source_get_title (source) != NULL ? ties_source_get_title (source) : "", -1, NULL))
    g_error ("an imported title is not UTF-8");
  published = ties_source_get_published (source);
  if (published != NULL && *published != '\0' && !ties_date_validate (published, NULL, NULL))
    g_error ("an imported publication date is not EDTF: %s", published);

  /* Two actors, so that names, sentences and date phrases are read. */
  document = ties_document_new ();
  {
    g_autoptr(TiesActor) ardern = ties_actor_new ("ardern", "Jacinda Ardern", TIES_ACTOR_PERSON);
    g_autoptr(TiesActor) cook = ties_actor_new ("cook", "Tim Cook", TIES_ACTOR_PERSON);

    ties_document_add_actor (document, ardern);
    ties_document_add_actor (document, cook);
  }
  id = ties_article_import_add (document, source);

  suggestions = ties_suggest_source (document, source);
  for (guint i = 0; i < suggestions->len; i++)
    {
      TiesSuggestion *suggestion = g_ptr_array_index (suggestions, i);
      g_autofree char *words = ties_source_dup_text_range (source, suggestion->start, suggestion->end);

      if (g_strcmp0 (words, suggestion->exact) != 0)
        g_error ("a proposal's offsets do not select its words");
      if (suggestion->date != NULL && !ties_date_validate (suggestion->date, NULL, NULL))
        g_error ("a proposal's date is not EDTF: %s", suggestion->date);
    }

  saved = ties_document_save_to_bytes (document, &error);
  if (saved == NULL)
    {
      /* What the writer refuses it says why; nothing else may fail. */
      if (error == NULL || error->message[0] == '\0')
        g_error ("a document with an imported article could not be saved, and did not say why");
      return;
    }
  loaded = ties_document_load_from_data (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                                         TIES_FUZZ_DISPLAY_NAME, NULL, &error);
  if (loaded == NULL)
    g_error ("a document with an imported article does not load back: %s", error->message);
  if (g_strcmp0 (ties_source_get_text (ties_document_lookup_source (loaded, id)), text) != 0)
    g_error ("an imported text changed through a save");
}

/* Every line of a refusal starts with the file's name, and says where
 * when it says a line. */
static void
check_network_message (const char *name,
                       const char *message,
                       guint       n_lines)
{
  g_auto(GStrv) lines = NULL;

  if (message == NULL || *message == '\0' || !g_utf8_validate (message, -1, NULL))
    g_error ("a network was refused without a readable message");

  lines = g_strsplit (message, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *rest = lines[i] + strlen (name);
      guint line = 0;

      if (!g_str_has_prefix (lines[i], name) || rest[0] != ':')
        g_error ("a line without the file's name: “%s”", lines[i]);
      if (rest[1] == ' ')
        continue;
      if (sscanf (rest, ":%u: ", &line) != 1 || line < 1 || line > n_lines)
        g_error ("a line outside a file of %u lines: “%s”", n_lines, lines[i]);
    }
}

static void
check_network_into (TiesDocument *document,
                    const char   *name,
                    GBytes       *bytes,
                    guint         n_lines)
{
  g_autoptr(GBytes) before = save_or_fail (document, "a document before a network import");
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(TiesDocument) loaded = NULL;
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GError) error = NULL;
  guint n_actors = g_list_model_get_n_items (ties_document_get_actors (document));
  guint n_events = g_list_model_get_n_items (ties_document_get_events (document));
  guint added_actors = 0, added_events = 0;
  TiesHistory *history = ties_document_get_history (document);

  if (!ties_network_import (document, bytes, name, &added_actors, &added_events, &report, &error))
    {
      g_autoptr(GBytes) after = NULL;

      if (error == NULL || error->domain != TIES_NETWORK_IMPORT_ERROR)
        g_error ("a network was refused without its error: %s", error != NULL ? error->message : "none");
      check_network_message (name, error->message, n_lines);
      /* Nothing is half done. */
      after = save_or_fail (document, "a document after a refused network");
      if (!g_bytes_equal (before, after))
        g_error ("a refused network changed the document");
      return;
    }

  if (g_list_model_get_n_items (ties_document_get_actors (document)) != n_actors + added_actors
      || g_list_model_get_n_items (ties_document_get_events (document)) != n_events + added_events)
    g_error ("a network import counted what it added wrong");

  /* Whatever the import made the reader takes. */
  saved = save_or_fail (document, "a document with an imported network");
  loaded = ties_document_load_from_data (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                                         TIES_FUZZ_DISPLAY_NAME, NULL, &error);
  if (loaded == NULL)
    g_error ("a document with an imported network does not load back: %s", error->message);

  /* And one undo takes it all back. */
  if (ties_history_get_can_undo (history))
    {
      g_autoptr(GBytes) undone = NULL;

      ties_history_undo (history);
      undone = save_or_fail (document, "a document with an imported network undone");
      if (!g_bytes_equal (before, undone))
        g_error ("undoing a network import does not give the document back");
    }
}

void
ties_fuzz_check_network (const guint8 *data,
                         gsize         size)
{
  static const char * const names[] = { "fuzz.gexf", "fuzz.graphml" };
  const char *name = "fuzz.xml";
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TiesDocument) empty = ties_document_new ();
  g_autoptr(TiesDocument) actors = ties_document_new ();

  if (size > 0 && data[0] >= 1 && data[0] <= 2)
    {
      name = names[data[0] - 1];
      data++;
      size--;
    }

  bytes = g_bytes_new (data, size);
  check_network_into (empty, name, bytes, count_lines (data, size));

  /* Two actors the nodes may name, so that matching is reached. */
  {
    g_autoptr(TiesActor) ardern = ties_actor_new ("ardern", "Jacinda Ardern", TIES_ACTOR_PERSON);
    g_autoptr(TiesActor) cook = ties_actor_new ("n1", "Tim Cook", TIES_ACTOR_PERSON);
    const char * const aliases[] = { "Ardern", NULL };

    ties_actor_set_aliases (ardern, aliases);
    ties_document_add_actor (actors, ardern);
    ties_document_add_actor (actors, cook);
    ties_history_clear (ties_document_get_history (actors));
  }
  check_network_into (actors, name, bytes, count_lines (data, size));
}
