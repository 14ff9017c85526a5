/* test-date-phrase.c: date phrases of news text resolved to EDTF
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ties-date.h"
#include "ties-date-phrase.h"
#include "ties-document-io.h"
#include "test-util.h"

/* Publication dates: a Wednesday, and the week (Monday to Sunday) in
 * which the sample's weekly article appeared. */
#define WED  "2019-09-04"
#define WEEK "2019-09-02/2019-09-08"

typedef struct {
  const char *phrase;
  const char *published;
  const char *previous;
  const char *expected;   /* NULL: cannot be resolved */
} Case;

static const Case cases[] = {
  /* Absolute, with and without a year */
  { "on April 17", WED, NULL, "2019-04-17" },
  { "17 April 2019", NULL, NULL, "2019-04-17" },
  { "April 17, 2019", NULL, NULL, "2019-04-17" },
  { "3 February 2025", WED, NULL, "2025-02-03" },
  { "in November 2024", WED, NULL, "2024-11" },
  { "in April", WED, NULL, "2019-04" },
  { "May 2019", NULL, NULL, "2019-05" },
  { "2019", NULL, NULL, "2019" },
  { "in 2019", NULL, NULL, "2019" },
  { "on Monday, 17 April 2019", NULL, NULL, "2019-04-17" },
  { "the 17th of April", WED, NULL, "2019-04-17" },
  { "Apr. 17", WED, NULL, "2019-04-17" },
  { "Sept 3", WED, NULL, "2019-09-03" },
  { "ON APRIL 17", WED, NULL, "2019-04-17" },
  { "around April 17", WED, NULL, "2019-04-17~" },
  /* Ranges of days */
  { "22\u201325 January 2019", NULL, NULL, "2019-01-22/2019-01-25" },
  { "April 22-25", WED, NULL, "2019-04-22/2019-04-25" },
  { "April 17 to 19, 2019", NULL, NULL, "2019-04-17/2019-04-19" },
  { "on 25-22 April", WED, NULL, NULL },
  { "between April and June 2019", NULL, NULL, "2019-04/2019-06" },
  { "from 30 April to 2 May", WED, NULL, "2019-04-30/2019-05-02" },
  { "from December to February 2020", NULL, NULL, "2019-12/2020-02" },
  { "between 2017 and 2019", NULL, NULL, "2017/2019" },
  { "from April 17 to 19", WED, NULL, "2019-04-17/2019-04-19" },
  { "between June and April 2019", NULL, NULL, "2018-06/2019-04" },
  { "from 2019 to May", WED, NULL, NULL },
  /* A year-less date after the publication is last year's */
  { "in November", WED, NULL, "2018-11" },
  { "on December 25", WED, NULL, "2018-12-25" },
  { "on September 4", WED, NULL, "2019-09-04" },
  { "on September 5", WED, NULL, "2018-09-05" },
  { "in September", WED, NULL, "2019-09" },
  { "in early December", WED, NULL, "2018-12-01/2018-12-10" },
  { "on February 29", "2019-03-01", NULL, "2016-02-29" },
  { "on 30 February", WED, NULL, NULL },
  /* … but only after the last day the source may have appeared */
  { "Sept 3", WEEK, NULL, "2019-09-03" },
  { "in April", WEEK, NULL, "2019-04" },
  /* Parts of months and years */
  { "mid-May", WED, NULL, "2019-05-11/2019-05-20" },
  { "mid-May 2019", NULL, NULL, "2019-05-11/2019-05-20" },
  { "in early May", WED, NULL, "2019-05-01/2019-05-10" },
  { "in late April", WED, NULL, "2019-04-21/2019-04-30" },
  { "late February", "2020-03-10", NULL, "2020-02-21/2020-02-29" },
  { "late 2018", NULL, NULL, "2018-09/2018-12" },
  { "early 2019", NULL, NULL, "2019-01/2019-04" },
  { "mid-2019", NULL, NULL, "2019-05/2019-08" },
  { "late last year", WED, NULL, "2018-09/2018-12" },
  { "at the start of May", WED, NULL, "2019-05-01/2019-05-07" },
  { "at the end of May", WED, NULL, "2019-05-25/2019-05-31" },
  { "at the start of the year", WED, NULL, "2019-01~" },
  { "at the end of the year", WED, NULL, "2019-12~" },
  { "at the start of the year", WEEK, NULL, "2019-01~" },
  /* Weekdays */
  { "last Friday", WED, NULL, "2019-08-30" },
  { "last Friday", WEEK, NULL, "2019-08-30/2019-09-06" },
  { "last Friday", "2019-09", NULL, "2019-08-30/2019-09-27" },
  { "last Wednesday", WED, NULL, "2019-08-28" },
  { "on Monday", WED, NULL, "2019-09-02" },
  { "on Wednesday", WED, NULL, "2019-09-04" },
  { "next Friday", WED, NULL, "2019-09-06" },
  { "this Friday", WED, NULL, "2019-09-06" },
  /* Counted from the publication */
  { "next week", WED, NULL, "2019-09-09/2019-09-15" },
  { "next week", WEEK, NULL, "2019-09-09/2019-09-15" },
  { "last week", WED, NULL, "2019-08-26/2019-09-01" },
  { "this week", WED, NULL, "2019-09-02/2019-09-08" },
  { "last weekend", WED, NULL, "2019-08-31/2019-09-01" },
  { "over the weekend", WED, NULL, "2019-08-31/2019-09-01" },
  { "over the weekend", "2019-09-08", NULL, "2019-09-07/2019-09-08" },
  { "this morning", WED, NULL, "2019-09-04" },
  { "last night", WED, NULL, "2019-09-03" },
  { "yesterday", WED, NULL, "2019-09-03" },
  { "yesterday", WEEK, NULL, "2019-09-01/2019-09-07" },
  { "yesterday", "2019-09-04~", NULL, "2019-09-03~" },
  { "today", WED, NULL, "2019-09-04" },
  { "tomorrow", "2019-12-31", NULL, "2020-01-01" },
  { "earlier this month", WED, NULL, "2019-09-01/2019-09-03" },
  { "earlier this month", WEEK, NULL, "2019-09-01/2019-09-07" },
  { "later this month", WED, NULL, "2019-09-05/2019-09-30" },
  { "last month", WED, NULL, "2019-08" },
  { "last month", "2019-01-15", NULL, "2018-12" },
  { "earlier this year", WED, NULL, "2019-01/2019-09" },
  { "last year", WED, NULL, "2018" },
  { "in two weeks", WED, NULL, "2019-09-18~" },
  { "in two weeks", WEEK, NULL, "2019-09-16~/2019-09-22~" },
  { "three days ago", WED, NULL, "2019-09-01" },
  { "a fortnight ago", WED, NULL, "2019-08-21" },
  { "the day before yesterday", WED, NULL, "2019-09-02" },
  { "in two weeks\u2019 time", WED, NULL, "2019-09-18~" },
  /* resolve() is told the words are a date phrase; only scan() doubts "may" */
  { "in may", WED, NULL, "2019-05" },
  /* Counted from the date before */
  { "a day later", WED, "2019-04-23", "2019-04-24" },
  { "two days later", WED, "2019-04-23", "2019-04-25" },
  { "a day later", WED, NULL, "2019-09-05" },
  { "the next day", WED, "2019-04-30", "2019-05-01" },
  { "the following day", WED, "2019-12-31", "2020-01-01" },
  { "the day before", WED, "2019-03-01", "2019-02-28" },
  { "the week before", WED, "2019-04-17", "2019-04-08/2019-04-14" },
  { "the following week", WED, "2019-04-17", "2019-04-22/2019-04-28" },
  { "two weeks earlier", WED, "2019-05-02", "2019-04-18" },
  { "A week and a half earlier", WED, "2019-05-02", "2019-04-22~" },
  { "a day later", WED, "2019-09-16~/2019-09-22~", "2019-09-17~/2019-09-23~" },
  { "a day later", WED, "2019-05", "2019-05-02/2019-06-01" },
  { "a month later", WED, "2019-05", "2019-06" },
  { "a year later", WED, "2019-05~", "2020-05~" },
  /* Not resolvable: not a date phrase, or nothing to count from */
  { "the meeting", WED, NULL, NULL },
  { "last Friday", NULL, NULL, NULL },
  { "on April 17", NULL, NULL, NULL },
  { "two days before the summit", WED, "2019-05-02", NULL },
  { "on April 17 at the summit", WED, NULL, NULL },
};

static void
test_resolve (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *edtf = ties_date_phrase_resolve (c->phrase, c->published, c->previous);

  g_assert_cmpstr (edtf, ==, c->expected);
  if (edtf != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TiesDate) date = ties_date_parse (edtf, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (date);
    }
}

typedef struct {
  const char *phrase;
  glong start;
  const char *edtf;
} Found;

/* Checks @found against @expected, offsets in code points of @text. */
static void
assert_found (const char  *text,
              GPtrArray   *found,
              const Found *expected,
              guint        n_expected)
{
  g_assert_cmpuint (found->len, ==, n_expected);
  for (guint i = 0; i < found->len; i++)
    {
      TiesDatePhrase *phrase = g_ptr_array_index (found, i);
      g_autofree char *words = NULL;

      g_assert_cmpstr (phrase->phrase, ==, expected[i].phrase);
      g_assert_cmpint (phrase->start, ==, expected[i].start);
      g_assert_cmpint (phrase->end, ==, expected[i].start + g_utf8_strlen (expected[i].phrase, -1));
      g_assert_cmpstr (phrase->edtf, ==, expected[i].edtf);

      /* The offsets select exactly the phrase. */
      words = g_utf8_substring (text, phrase->start, phrase->end);
      g_assert_cmpstr (words, ==, phrase->phrase);
    }
}

/* Every date phrase of the seed article, in order, with its offsets. */
static void
test_scan_article (void)
{
  static const Found expected[] = {
    { "in May", 44, "2019-05" },
    { "next week", 198, "2019-09-09/2019-09-15" },
    { "in May", 406, "2019-05" },
    /* "would meet again on Monday", "will be having … on Monday": future */
    { "on Monday", 528, "2019-09-09" },
    { "on Monday", 637, "2019-09-09" },
    { "earlier in the year", 721, "2019-01/2019-09" },
    { "in two weeks", 900, "2019-09-16~/2019-09-22~" },
    { "last Friday", 1449, "2019-08-30/2019-09-06" },
    { "in April", 1809, "2019-04" },
    { "on April 17", 2168, "2019-04-17" },
    { "on May 2", 2299, "2019-05-02" },
    /* counted from May 2, the phrase before */
    { "A week and a half earlier", 2547, "2019-04-22~" },
    { "on April 23", 2574, "2019-04-23" },
    /* counted from April 23 */
    { "a day later", 2658, "2019-04-24" },
    { "at the start of the year", 3282, "2019-01~" },
    { "at the start of May", 3557, "2019-05-01/2019-05-07" },
    { "earlier this month", 3627, "2019-09-01/2019-09-07" },
  };
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(TiesSource) source = g_list_model_get_item (G_LIST_MODEL (ties_document_get_sources (document)), 0);
  const char *text = ties_source_get_text (source);
  g_autoptr(GPtrArray) found = ties_date_phrase_scan (text, ties_source_get_published (source), NULL);

  g_assert_cmpstr (ties_source_get_published (source), ==, WEEK);
  assert_found (text, found, expected, G_N_ELEMENTS (expected));
}

/* The sample's events carry the phrase an annotator read and the date
 * they gave it.  Where the article's phrase is one the scanner finds, the
 * scanner's date must agree with the annotator's (overlap its fuzzy
 * range), and be that very date where the words fix the day or month.
 * "earlier this month" is in an email written in May: the words count
 * from a date that is not in the text. */
static void
test_scan_agrees_with_sample (void)
{
  static const char * const exact[] = {
    "in April", "on April 17", "on May 2", "a day later", NULL
  };
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(TiesSource) source = g_list_model_get_item (G_LIST_MODEL (ties_document_get_sources (document)), 0);
  g_autoptr(GPtrArray) found = ties_date_phrase_scan (ties_source_get_text (source),
                                                      ties_source_get_published (source), NULL);
  GListModel *events = G_LIST_MODEL (ties_document_get_events (document));
  guint n_compared = 0, n_exact = 0;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (events, i);
      const char *phrase = ties_event_get_date_phrase (event);
      const char *date = ties_event_get_date (event);

      if (phrase == NULL || *phrase == '\0' || date == NULL
          || g_str_equal (phrase, "earlier this month"))
        continue;

      for (guint k = 0; k < found->len; k++)
        {
          TiesDatePhrase *mine = g_ptr_array_index (found, k);
          g_autoptr(TiesDate) theirs = NULL;
          g_autoptr(TiesDate) ours = NULL;
          gint64 first, last;

          if (!g_str_equal (mine->phrase, phrase))
            continue;
          theirs = ties_date_parse (date, NULL, NULL);
          ours = ties_date_parse (mine->edtf, NULL, NULL);
          g_assert_nonnull (theirs);
          g_assert_nonnull (ours);
          ties_date_get_strict_range (ours, &first, &last);
          g_assert_true (ties_date_overlaps (theirs, first, last, TRUE));
          if (g_strv_contains (exact, phrase))
            {
              g_assert_cmpstr (mine->edtf, ==, date);
              n_exact++;
            }
          n_compared++;
          break;
        }
    }

  /* in April, on April 17, on May 2, a day later, at the start of the
   * year, at the start of May, earlier in the year, last Friday, in two
   * weeks */
  g_assert_cmpuint (n_compared, ==, 9);
  g_assert_cmpuint (n_exact, ==, 4);
}

/* Offsets count code points, not bytes: "ā" is two bytes, the emoji
 * with its skin tone two code points of four bytes each. */
static void
test_scan_code_points (void)
{
  static const char text[] = "Te reo M\u0101ori speakers met on 17 April 2019 \U0001F44D\U0001F3FD and again last Friday.";
  static const Found expected[] = {
    { "on 17 April 2019", 26, "2019-04-17" },
    { "last Friday", 56, "2019-08-30" },
  };
  g_autoptr(GPtrArray) found = ties_date_phrase_scan (text, WED, NULL);

  /* The same counts, by GLib rather than by hand. */
  g_assert_cmpint (g_utf8_pointer_to_offset (text, strstr (text, "on 17")), ==, 26);
  g_assert_cmpint (g_utf8_pointer_to_offset (text, strstr (text, "last F")), ==, 56);
  g_assert_cmpint (strstr (text, "on 17") - text, ==, 27);
  assert_found (text, found, expected, G_N_ELEMENTS (expected));
}

/* A decomposed "Māori" (a, combining macron) is one word too. */
static void
test_scan_decomposed (void)
{
  static const char text[] = "Ma\u0304ori leaders met in May.";
  static const Found expected[] = {
    { "in May", 19, "2019-05" },
  };
  g_autoptr(GPtrArray) found = ties_date_phrase_scan (text, WED, NULL);

  assert_found (text, found, expected, G_N_ELEMENTS (expected));
}

typedef struct {
  const char *text;
  const char *phrase;   /* the one phrase found, or NULL for none */
  const char *edtf;
} Single;

/* "May" the month and "may" the verb; the longest phrase; word edges. */
static const Single singles[] = {
  { "If you need anything, you may call me.", NULL, NULL },
  { "May I ask what you need?", NULL, NULL },
  { "Theresa May said the call was timely.", NULL, NULL },
  { "They met in may.", NULL, NULL },
  { "\"May I call?\" she asked.", NULL, NULL },
  { "May 2019 was a busy month.", "May 2019", "2019-05" },
  { "May 2 was the day of the call.", "May 2", "2019-05-02" },
  { "In May, she phoned Bezos.", "In May", "2019-05" },
  { "They spoke in mid-May.", "in mid-May", "2019-05-11/2019-05-20" },
  { "The call came on 2 May.", "on 2 May", "2019-05-02" },
  { "A march on Parliament followed.", NULL, NULL },
  { "They met on Monday 17 April 2019 in Paris.", "on Monday 17 April 2019", "2019-04-17" },
  { "They met on 17 April 2019.", "on 17 April 2019", "2019-04-17" },
  { "They met on April 17, 2019, in Paris.", "on April 17, 2019", "2019-04-17" },
  { "She talked to Bezos on May 2, a conversation she enjoyed.", "on May 2", "2019-05-02" },
  { "Mayhem followed; Aprils passed.", NULL, NULL },
  { "It was signed by 17 countries and 4.2 million people.", NULL, NULL },
  { "They will meet on Monday.", "on Monday", "2019-09-09" },
  { "They met on Monday.", "on Monday", "2019-09-02" },
  { "Two days before the summit, they met.", NULL, NULL },
  { "An august body met.", NULL, NULL },
  { "April Smith met them in April.", "in April", "2019-04" },
  { "About 2000 people marched in 2019.", "in 2019", "2019" },
  { "They met between April and June.", "between April and June", "2019-04/2019-06" },
  { "Ardern and May met in Paris.", NULL, NULL },
  { "They met on 17\u00a0April.", "on 17\u00a0April", "2019-04-17" },
  { "They met in mid\u2013May.", "in mid\u2013May", "2019-05-11/2019-05-20" },
};

static void
test_scan_single (gconstpointer data)
{
  const Single *s = data;
  g_autoptr(GPtrArray) found = ties_date_phrase_scan (s->text, WED, NULL);

  if (s->phrase == NULL)
    {
      g_assert_cmpuint (found->len, ==, 0);
      return;
    }
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((TiesDatePhrase *) found->pdata[0])->phrase, ==, s->phrase);
  g_assert_cmpstr (((TiesDatePhrase *) found->pdata[0])->edtf, ==, s->edtf);
  g_assert_cmpint (((TiesDatePhrase *) found->pdata[0])->start, ==,
                   g_utf8_pointer_to_offset (s->text, strstr (s->text, s->phrase)));
}

/* Each phrase counts from the one before; the first from @previous; a
 * phrase that cannot be resolved does not break the chain. */
static void
test_scan_chain (void)
{
  static const char text[] = "Two days later they met again. The next day she wrote. "
                             "On April 23 she phoned Pichai, and a day later Cook; the week before, Smith.";
  static const Found expected[] = {
    { "Two days later", 0, "2019-05-04" },
    { "The next day", 31, "2019-05-05" },
    { "On April 23", 55, "2019-04-23" },
    { "a day later", 90, "2019-04-24" },
    { "the week before", 108, "2019-04-15/2019-04-21" },
  };
  g_autoptr(GPtrArray) found = ties_date_phrase_scan (text, WED, "2019-05-02");
  g_autoptr(GPtrArray) unanchored = ties_date_phrase_scan ("Last Friday, and a day later.", NULL, NULL);

  assert_found (text, found, expected, G_N_ELEMENTS (expected));

  /* Without a publication date nothing resolves, but the words are found. */
  g_assert_cmpuint (unanchored->len, ==, 2);
  g_assert_null (((TiesDatePhrase *) unanchored->pdata[0])->edtf);
  g_assert_null (((TiesDatePhrase *) unanchored->pdata[1])->edtf);
}

/* A phrase right after a verb of reporting dates the report, not an
 * event: "two days later" counts from the meeting of May 4, not from the
 * week the minutes came out; a bare weekday is still resolved as such. */
static void
test_scan_reporting (void)
{
  static const char text[] = "Ngata met Ruiz on May 4, according to minutes released this week. "
                             "Ngata phoned Ruiz two days later. She said on Monday they met on "
                             "April 2, and a week later Ruiz wrote. Last week they met; a day later, a call.";
  static const struct { const char *phrase, *edtf; gboolean reporting; } expected[] = {
    { "on May 4", "2019-05-04", FALSE },
    { "this week", "2019-09-02/2019-09-08", TRUE },
    { "two days later", "2019-05-06", FALSE },
    { "on Monday", "2019-09-02", TRUE },
    { "on April 2", "2019-04-02", FALSE },
    { "a week later", "2019-04-09", FALSE },
    /* Not after a verb of reporting: an event's date like any other. */
    { "Last week", "2019-08-26/2019-09-01", FALSE },
    { "a day later", "2019-08-27/2019-09-02", FALSE },
  };
  g_autoptr(GPtrArray) found = ties_date_phrase_scan (text, WED, NULL);

  g_assert_cmpuint (found->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const TiesDatePhrase *phrase = g_ptr_array_index (found, i);

      g_assert_cmpstr (phrase->phrase, ==, expected[i].phrase);
      g_assert_cmpstr (phrase->edtf, ==, expected[i].edtf);
      g_assert_cmpint (phrase->reporting, ==, expected[i].reporting);
    }
}

/* Whatever the words and dates, every EDTF given parses, and every phrase
 * sits in order, without overlap, where its offsets say. */
static void
test_scan_random (void)
{
  static const char * const words[] = {
    "in", "on", "at", "the", "of", "a", "two", "twelve", "99", "17", "31st",
    "2019", "1999", "9999", "May", "may", "March", "Sept", ".", "Apr", "April",
    "February", "29", "Monday", "Fri", "last", "next", "this", "week", "weeks",
    "day", "days", "month", "year", "weekend", "later", "earlier", "before",
    "after", "ago", "early", "mid", "-", "\u2013", "late", "start", "end",
    "and", "half", "around", "yesterday", "today", ",", "will", "M\u0101ori",
    "\U0001F44D", "\n", "to", "following", "previous", "same", "that",
  };
  static const char * const dates[] = {
    NULL, "", "2019-09-04", "2019-09-02/2019-09-08", "2019-09", "2019",
    "2019-09-04~", "../2019-09-08", "2019-09-02/..", "2019-21", "201X",
    "[2019-04-17,2019-04-18]", "1000-01-01", "2999-12-31", "garbage",
    "2019-05-15?", "2019-04-17T10:00:00Z",
  };
  guint n_resolved = 0;

  for (guint round = 0; round < 3000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GPtrArray) found = NULL;
      const char *published = dates[g_test_rand_int_range (0, G_N_ELEMENTS (dates))];
      const char *previous = dates[g_test_rand_int_range (0, G_N_ELEMENTS (dates))];
      guint n = g_test_rand_int_range (1, 12);
      glong length, end = 0;

      for (guint i = 0; i < n; i++)
        {
          if (i > 0 && g_test_rand_bit ())
            g_string_append_c (text, ' ');
          g_string_append (text, words[g_test_rand_int_range (0, G_N_ELEMENTS (words))]);
        }
      length = g_utf8_strlen (text->str, -1);

      found = ties_date_phrase_scan (text->str, published, previous);
      for (guint i = 0; i < found->len; i++)
        {
          TiesDatePhrase *phrase = g_ptr_array_index (found, i);
          g_autofree char *words_at = NULL;
          g_autofree char *again = NULL;

          g_assert_cmpint (phrase->start, >=, end);
          g_assert_cmpint (phrase->end, >, phrase->start);
          g_assert_cmpint (phrase->end, <=, length);
          end = phrase->end;
          words_at = g_utf8_substring (text->str, phrase->start, phrase->end);
          g_assert_cmpstr (words_at, ==, phrase->phrase);
          if (phrase->edtf != NULL)
            {
              g_assert_true (ties_date_validate (phrase->edtf, NULL, NULL));
              n_resolved++;
            }

          /* The phrase on its own is a phrase too. */
          again = ties_date_phrase_resolve (phrase->phrase, published, previous);
          if (again != NULL)
            g_assert_true (ties_date_validate (again, NULL, NULL));
        }
    }

  /* The words do make dates: the checks above saw many. */
  g_assert_cmpuint (n_resolved, >, 300);
}

static void
test_scan_empty (void)
{
  g_autoptr(GPtrArray) empty = ties_date_phrase_scan ("", WED, NULL);
  g_autoptr(GPtrArray) punct = ties_date_phrase_scan (" , . \n", WED, NULL);
  g_autofree char *none = ties_date_phrase_resolve ("", WED, NULL);
  g_autofree char *bad = ties_date_phrase_resolve ("last Friday", "not a date", NULL);

  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (punct->len, ==, 0);
  g_assert_null (none);
  g_assert_null (bad);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/date-phrase/resolve/%02u", i);
      g_test_add_data_func (path, &cases[i], test_resolve);
    }
  for (guint i = 0; i < G_N_ELEMENTS (singles); i++)
    {
      g_autofree char *path = g_strdup_printf ("/date-phrase/scan/single/%02u", i);
      g_test_add_data_func (path, &singles[i], test_scan_single);
    }
  g_test_add_func ("/date-phrase/scan/article", test_scan_article);
  g_test_add_func ("/date-phrase/scan/sample", test_scan_agrees_with_sample);
  g_test_add_func ("/date-phrase/scan/code-points", test_scan_code_points);
  g_test_add_func ("/date-phrase/scan/decomposed", test_scan_decomposed);
  g_test_add_func ("/date-phrase/scan/chain", test_scan_chain);
  g_test_add_func ("/date-phrase/scan/reporting", test_scan_reporting);
  g_test_add_func ("/date-phrase/scan/empty", test_scan_empty);
  g_test_add_func ("/date-phrase/scan/random", test_scan_random);

  return g_test_run ();
}
