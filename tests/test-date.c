/* test-date.c: EDTF parsing, ranges, sorting and human forms
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "ties-date.h"

#define P_YEAR   TIES_DATE_PRECISION_YEAR
#define P_SEASON TIES_DATE_PRECISION_SEASON
#define P_MONTH  TIES_DATE_PRECISION_MONTH
#define P_DAY    TIES_DATE_PRECISION_DAY

/* Turns "YYYY-MM-DD" into a day number through GDate, independently of the
 * code under test; ".." is TIES_DATE_DAY_MIN or _MAX.  GDate has no year
 * 0000: a day of 0000 is the same day of 0400 minus one 400-year Gregorian
 * cycle of 146097 days. */
static gint64
iso_day (const char *iso,
         gboolean    last)
{
  int year, month, day;
  g_autoptr(GDate) date = NULL;
  gint64 shift = 0;

  g_assert_nonnull (iso);

  if (g_str_equal (iso, ".."))
    return last ? TIES_DATE_DAY_MAX : TIES_DATE_DAY_MIN;

  g_assert_cmpint (sscanf (iso, "%d-%d-%d", &year, &month, &day), ==, 3);
  if (year == 0)
    {
      year = 400;
      shift = -146097;
    }
  g_assert_true (g_date_valid_dmy (day, month, year));
  date = g_date_new_dmy (day, month, year);

  return (gint64) g_date_get_julian (date) + shift;
}

typedef struct {
  const char *text;
  TiesDatePrecision precision;
  gboolean approximate;
  gboolean uncertain;
  gboolean interval;
  const char *strict_first;
  const char *strict_last;
  const char *fuzzy_first;
  const char *fuzzy_last;
  const char *human;
} ValidCase;

static const ValidCase valid_cases[] = {
  /* level 0 */
  { "2019", P_YEAR, 0, 0, 0, "2019-01-01", "2019-12-31", "2019-01-01", "2019-12-31", "2019" },
  { "2019-05", P_MONTH, 0, 0, 0, "2019-05-01", "2019-05-31", "2019-05-01", "2019-05-31", "May 2019" },
  { "2019-05-02", P_DAY, 0, 0, 0, "2019-05-02", "2019-05-02", "2019-05-02", "2019-05-02", "2 May 2019" },
  { "2019-04-17", P_DAY, 0, 0, 0, "2019-04-17", "2019-04-17", "2019-04-17", "2019-04-17", "17 April 2019" },
  { "2020-02-29", P_DAY, 0, 0, 0, "2020-02-29", "2020-02-29", "2020-02-29", "2020-02-29", "29 February 2020" },
  { "2000-02-29", P_DAY, 0, 0, 0, "2000-02-29", "2000-02-29", "2000-02-29", "2000-02-29", "29 February 2000" },
  { "2019-02", P_MONTH, 0, 0, 0, "2019-02-01", "2019-02-28", "2019-02-01", "2019-02-28", "February 2019" },
  { "2020-02", P_MONTH, 0, 0, 0, "2020-02-01", "2020-02-29", "2020-02-01", "2020-02-29", "February 2020" },
  { "1900-02", P_MONTH, 0, 0, 0, "1900-02-01", "1900-02-28", "1900-02-01", "1900-02-28", "February 1900" },
  { "2019-12-31", P_DAY, 0, 0, 0, "2019-12-31", "2019-12-31", "2019-12-31", "2019-12-31", "31 December 2019" },
  { "0001-01-01", P_DAY, 0, 0, 0, "0001-01-01", "0001-01-01", "0001-01-01", "0001-01-01", "1 January 1" },
  { "0000", P_YEAR, 0, 0, 0, "0000-01-01", "0000-12-31", "0000-01-01", "0000-12-31", "0" },
  { "0000-02-29", P_DAY, 0, 0, 0, "0000-02-29", "0000-02-29", "0000-02-29", "0000-02-29", "29 February 0" },
  { "9999-12-31", P_DAY, 0, 0, 0, "9999-12-31", "9999-12-31", "9999-12-31", "9999-12-31", "31 December 9999" },
  { "1066", P_YEAR, 0, 0, 0, "1066-01-01", "1066-12-31", "1066-01-01", "1066-12-31", "1066" },
  { "2019-01-22/2019-01-25", P_DAY, 0, 0, 1, "2019-01-22", "2019-01-25", "2019-01-22", "2019-01-25", "22–25 January 2019" },
  /* Ends qualified alike read as one qualified span. */
  { "2019-09-16~/2019-09-22~", P_DAY, 1, 0, 1, "2019-09-16", "2019-09-22", "2019-09-13", "2019-09-25", "16–22 September 2019 (approx.)" },
  { "2019-04~/2019-06", P_MONTH, 1, 0, 1, "2019-04-01", "2019-06-30", "2019-03-01", "2019-06-30", "April 2019 (approx.) – June 2019" },
  { "2019/2020", P_YEAR, 0, 0, 1, "2019-01-01", "2020-12-31", "2019-01-01", "2020-12-31", "2019 – 2020" },
  { "2019-05/2019-06-03", P_MONTH, 0, 0, 1, "2019-05-01", "2019-06-03", "2019-05-01", "2019-06-03", "May 2019 – 3 June 2019" },
  { "2019-04-30/2019-05-02", P_DAY, 0, 0, 1, "2019-04-30", "2019-05-02", "2019-04-30", "2019-05-02", "30 April – 2 May 2019" },
  { "2018-12/2019-01", P_MONTH, 0, 0, 1, "2018-12-01", "2019-01-31", "2018-12-01", "2019-01-31", "December 2018 – January 2019" },
  { "2019-04/2019-06", P_MONTH, 0, 0, 1, "2019-04-01", "2019-06-30", "2019-04-01", "2019-06-30", "April – June 2019" },
  { "2018-12-30/2019-01-02", P_DAY, 0, 0, 1, "2018-12-30", "2019-01-02", "2018-12-30", "2019-01-02", "30 December 2018 – 2 January 2019" },
  { "2019-05-02/2019-05-02", P_DAY, 0, 0, 1, "2019-05-02", "2019-05-02", "2019-05-02", "2019-05-02", "2 May 2019" },
  { "2019/2019", P_YEAR, 0, 0, 1, "2019-01-01", "2019-12-31", "2019-01-01", "2019-12-31", "2019" },
  { "2019-05/2019-05-03", P_MONTH, 0, 0, 1, "2019-05-01", "2019-05-03", "2019-05-01", "2019-05-03", "May 2019 – 3 May 2019" },
  { "2019-05-31/2019-05", P_DAY, 0, 0, 1, "2019-05-31", "2019-05-31", "2019-05-31", "2019-05-31", "31 May 2019 – May 2019" },
  { "1999-12-31/2000-01-01", P_DAY, 0, 0, 1, "1999-12-31", "2000-01-01", "1999-12-31", "2000-01-01", "31 December 1999 – 1 January 2000" },
  { "2019/2019-03", P_YEAR, 0, 0, 1, "2019-01-01", "2019-03-31", "2019-01-01", "2019-03-31", "2019 – March 2019" },
  /* level 1: qualifiers */
  { "2019~", P_YEAR, 1, 0, 0, "2019-01-01", "2019-12-31", "2018-01-01", "2020-12-31", "2019 (approx.)" },
  { "2019?", P_YEAR, 0, 1, 0, "2019-01-01", "2019-12-31", "2018-01-01", "2020-12-31", "2019 (uncertain)" },
  { "2019%", P_YEAR, 1, 1, 0, "2019-01-01", "2019-12-31", "2017-01-01", "2021-12-31", "2019 (approx., uncertain)" },
  { "2019-04?", P_MONTH, 0, 1, 0, "2019-04-01", "2019-04-30", "2019-03-01", "2019-05-31", "April 2019 (uncertain)" },
  { "2019-05~", P_MONTH, 1, 0, 0, "2019-05-01", "2019-05-31", "2019-04-01", "2019-06-30", "May 2019 (approx.)" },
  { "2019-01?", P_MONTH, 0, 1, 0, "2019-01-01", "2019-01-31", "2018-12-01", "2019-02-28", "January 2019 (uncertain)" },
  { "2019-12%", P_MONTH, 1, 1, 0, "2019-12-01", "2019-12-31", "2019-10-01", "2020-02-29", "December 2019 (approx., uncertain)" },
  { "2019-05-02~", P_DAY, 1, 0, 0, "2019-05-02", "2019-05-02", "2019-04-29", "2019-05-05", "2 May 2019 (approx.)" },
  { "2019-05-02%", P_DAY, 1, 1, 0, "2019-05-02", "2019-05-02", "2019-04-26", "2019-05-08", "2 May 2019 (approx., uncertain)" },
  { "2019-12-31?", P_DAY, 0, 1, 0, "2019-12-31", "2019-12-31", "2019-12-28", "2020-01-03", "31 December 2019 (uncertain)" },
  /* level 1: unspecified digits */
  { "201X", P_YEAR, 0, 0, 0, "2010-01-01", "2019-12-31", "2010-01-01", "2019-12-31", "2010–2019" },
  { "20XX", P_YEAR, 0, 0, 0, "2000-01-01", "2099-12-31", "2000-01-01", "2099-12-31", "2000–2099" },
  { "2019-XX", P_YEAR, 0, 0, 0, "2019-01-01", "2019-12-31", "2019-01-01", "2019-12-31", "2019" },
  { "2019-05-XX", P_MONTH, 0, 0, 0, "2019-05-01", "2019-05-31", "2019-05-01", "2019-05-31", "May 2019" },
  { "2019-XX-XX", P_YEAR, 0, 0, 0, "2019-01-01", "2019-12-31", "2019-01-01", "2019-12-31", "2019" },
  { "201X~", P_YEAR, 1, 0, 0, "2010-01-01", "2019-12-31", "2009-01-01", "2020-12-31", "2010–2019 (approx.)" },
  { "2019-02-XX?", P_MONTH, 0, 1, 0, "2019-02-01", "2019-02-28", "2019-01-01", "2019-03-31", "February 2019 (uncertain)" },
  /* level 1: seasons */
  { "2019-21", P_SEASON, 0, 0, 0, "2019-03-01", "2019-05-31", "2019-03-01", "2019-05-31", "spring 2019" },
  { "2019-22", P_SEASON, 0, 0, 0, "2019-06-01", "2019-08-31", "2019-06-01", "2019-08-31", "summer 2019" },
  { "2019-23", P_SEASON, 0, 0, 0, "2019-09-01", "2019-11-30", "2019-09-01", "2019-11-30", "autumn 2019" },
  { "2019-24", P_SEASON, 0, 0, 0, "2019-12-01", "2020-02-29", "2019-12-01", "2020-02-29", "winter 2019" },
  { "2018-24", P_SEASON, 0, 0, 0, "2018-12-01", "2019-02-28", "2018-12-01", "2019-02-28", "winter 2018" },
  { "2019-21~", P_SEASON, 1, 0, 0, "2019-03-01", "2019-05-31", "2019-02-01", "2019-06-30", "spring 2019 (approx.)" },
  { "2019-24%", P_SEASON, 1, 1, 0, "2019-12-01", "2020-02-29", "2019-10-01", "2020-04-30", "winter 2019 (approx., uncertain)" },
  { "2019-22/2019-09", P_SEASON, 0, 0, 1, "2019-06-01", "2019-09-30", "2019-06-01", "2019-09-30", "summer 2019 – September 2019" },
  /* level 1: open and unknown ends, qualified ends */
  { "2019-05/..", P_MONTH, 0, 0, 1, "2019-05-01", "..", "2019-05-01", "..", "from May 2019" },
  { "../2019", P_YEAR, 0, 0, 1, "..", "2019-12-31", "..", "2019-12-31", "until 2019" },
  { "2019-05/", P_MONTH, 0, 0, 1, "2019-05-01", "..", "2019-05-01", "..", "May 2019 – unknown" },
  { "/2019", P_YEAR, 0, 0, 1, "..", "2019-12-31", "..", "2019-12-31", "unknown – 2019" },
  { "../2019-05-02~", P_DAY, 1, 0, 1, "..", "2019-05-02", "..", "2019-05-05", "until 2 May 2019 (approx.)" },
  { "2019~/..", P_YEAR, 1, 0, 1, "2019-01-01", "..", "2018-01-01", "..", "from 2019 (approx.)" },
  { "2019-04~/2019-05-02?", P_MONTH, 1, 1, 1, "2019-04-01", "2019-05-02", "2019-03-01", "2019-05-05", "April 2019 (approx.) – 2 May 2019 (uncertain)" },
  { "2019-XX/2020", P_YEAR, 0, 0, 1, "2019-01-01", "2020-12-31", "2019-01-01", "2020-12-31", "2019 – 2020" },
  { "201X/2019-05", P_YEAR, 0, 0, 1, "2010-01-01", "2019-05-31", "2010-01-01", "2019-05-31", "2010–2019 – May 2019" },
};

static void
test_valid (gconstpointer data)
{
  const ValidCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TiesDate) date = NULL;
  g_autofree char *human = NULL;
  gsize error_offset = 4242;
  gint64 first = 0, last = 0;

  date = ties_date_parse (c->text, &error_offset, &error);
  g_assert_no_error (error);
  g_assert_nonnull (date);
  g_assert_cmpuint (error_offset, ==, 4242);

  g_assert_cmpstr (ties_date_get_text (date), ==, c->text);
  g_assert_cmpint (ties_date_get_precision (date), ==, c->precision);
  g_assert_cmpint (ties_date_is_approximate (date), ==, c->approximate);
  g_assert_cmpint (ties_date_is_uncertain (date), ==, c->uncertain);
  g_assert_cmpint (ties_date_is_interval (date), ==, c->interval);

  ties_date_get_strict_range (date, &first, &last);
  g_assert_cmpint (first, ==, iso_day (c->strict_first, FALSE));
  g_assert_cmpint (last, ==, iso_day (c->strict_last, TRUE));

  ties_date_get_fuzzy_range (date, &first, &last);
  g_assert_cmpint (first, ==, iso_day (c->fuzzy_first, FALSE));
  g_assert_cmpint (last, ==, iso_day (c->fuzzy_last, TRUE));

  human = ties_date_format (date);
  g_assert_cmpstr (human, ==, c->human);

  g_assert_true (ties_date_validate (c->text, NULL, NULL));
}

typedef struct {
  const char *text;
  TiesDateError code;
  gsize offset;
  const char *message;   /* a substring of the expected message */
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  { "", TIES_DATE_ERROR_EMPTY, 0, "empty" },
  { "2019-13", TIES_DATE_ERROR_RANGE, 5, "month 13 does not exist (position 6)" },
  { "2019-00", TIES_DATE_ERROR_RANGE, 5, "month 00 does not exist (position 6)" },
  { "2019-20", TIES_DATE_ERROR_RANGE, 5, "month 20 does not exist" },
  { "2019-25", TIES_DATE_ERROR_RANGE, 5, "month 25 does not exist" },
  { "2019-99", TIES_DATE_ERROR_RANGE, 5, "month 99 does not exist" },
  { "2019-02-30", TIES_DATE_ERROR_RANGE, 8, "30 February 2019 does not exist (position 9)" },
  { "2019-02-29", TIES_DATE_ERROR_RANGE, 8, "29 February 2019 does not exist" },
  { "1900-02-29", TIES_DATE_ERROR_RANGE, 8, "29 February 1900 does not exist" },
  { "2019-04-31", TIES_DATE_ERROR_RANGE, 8, "31 April 2019 does not exist" },
  { "2019-05-32", TIES_DATE_ERROR_RANGE, 8, "does not exist" },
  { "2019-05-00", TIES_DATE_ERROR_RANGE, 8, "day 00 does not exist (position 9)" },
  { "2019/2019-13", TIES_DATE_ERROR_RANGE, 10, "month 13 does not exist (position 11)" },
  { "19", TIES_DATE_ERROR_SYNTAX, 0, "the year “19” needs exactly four digits" },
  { "20190", TIES_DATE_ERROR_SYNTAX, 0, "four digits" },
  { "2019-5", TIES_DATE_ERROR_SYNTAX, 5, "the month “5” needs exactly two digits (position 6)" },
  { "2019-5-01", TIES_DATE_ERROR_SYNTAX, 5, "two digits" },
  { "2019-05-1", TIES_DATE_ERROR_SYNTAX, 8, "the day “1” needs exactly two digits (position 9)" },
  { "2019-05-123", TIES_DATE_ERROR_SYNTAX, 8, "two digits" },
  { "2019-", TIES_DATE_ERROR_SYNTAX, 5, "the month is missing" },
  { "2019-05-", TIES_DATE_ERROR_SYNTAX, 8, "the day is missing" },
  { "2019-05-02T10:00", TIES_DATE_ERROR_SYNTAX, 10, "times of day are not supported" },
  { "2019~?", TIES_DATE_ERROR_SYNTAX, 5, "only one qualifier" },
  { "2019?~", TIES_DATE_ERROR_SYNTAX, 5, "only one qualifier" },
  { "2019-05-02/2019-05-01", TIES_DATE_ERROR_INTERVAL, 11, "ends before it starts (position 12)" },
  { "2020/2019", TIES_DATE_ERROR_INTERVAL, 5, "ends before it starts" },
  { "2019-06/2019-05-31", TIES_DATE_ERROR_INTERVAL, 8, "ends before it starts" },
  { "2019-05~/2019-04~", TIES_DATE_ERROR_INTERVAL, 9, "ends before it starts" },
  { "2019-23/2019-08", TIES_DATE_ERROR_INTERVAL, 8, "ends before it starts" },
  { "2019/2019/2020", TIES_DATE_ERROR_SYNTAX, 9, "unexpected character “/” at position 10 in “2019/2019/2020”" },
  { " 2019", TIES_DATE_ERROR_SYNTAX, 0, "starts with a space" },
  { "2019 ", TIES_DATE_ERROR_SYNTAX, 4, "ends with a space (position 5)" },
  { "2019/2020  ", TIES_DATE_ERROR_SYNTAX, 9, "ends with a space" },
  { "\xc2\xa0" "2019", TIES_DATE_ERROR_SYNTAX, 0, "starts with a space" },
  { "2019 / 2020", TIES_DATE_ERROR_SYNTAX, 4, "unexpected character “ ” at position 5" },
  { "2019–2020", TIES_DATE_ERROR_SYNTAX, 4, "unexpected character “–” at position 5" },
  { "2X19", TIES_DATE_ERROR_SYNTAX, 1, "only the last one or two digits of a year may be “X” (position 2)" },
  { "2XXX", TIES_DATE_ERROR_SYNTAX, 1, "may be “X”" },
  { "XXXX", TIES_DATE_ERROR_SYNTAX, 0, "may be “X”" },
  { "20X9", TIES_DATE_ERROR_SYNTAX, 2, "may be “X”" },
  { "201x", TIES_DATE_ERROR_SYNTAX, 0, "four digits" },
  { "201X-05", TIES_DATE_ERROR_SYNTAX, 5, "cannot have a month" },
  { "2019-1X", TIES_DATE_ERROR_SYNTAX, 6, "two digits or “XX”" },
  { "2019-X1", TIES_DATE_ERROR_SYNTAX, 5, "two digits or “XX”" },
  { "2019-05-X1", TIES_DATE_ERROR_SYNTAX, 8, "two digits or “XX”" },
  { "2019-XX-05", TIES_DATE_ERROR_SYNTAX, 8, "unspecified month" },
  { "2019-21-05", TIES_DATE_ERROR_SYNTAX, 8, "a season cannot have a day" },
  { "abcd", TIES_DATE_ERROR_SYNTAX, 0, "unexpected character “a” at position 1 in “abcd”" },
  { "2019-x5", TIES_DATE_ERROR_SYNTAX, 5, "unexpected character “x” at position 6 in “2019-x5”" },
  { "2019-05~x", TIES_DATE_ERROR_SYNTAX, 8, "unexpected character “x” at position 9" },
  { "2019x", TIES_DATE_ERROR_SYNTAX, 4, "unexpected character “x” at position 5" },
  { "../..", TIES_DATE_ERROR_SYNTAX, 0, "at least one date" },
  { "/", TIES_DATE_ERROR_SYNTAX, 0, "at least one date" },
  { "../", TIES_DATE_ERROR_SYNTAX, 0, "at least one date" },
  { "..", TIES_DATE_ERROR_SYNTAX, 0, "can only be a side of an interval" },
  { "..2019", TIES_DATE_ERROR_SYNTAX, 2, "unexpected character “2” at position 3" },
  { "2019/../2020", TIES_DATE_ERROR_SYNTAX, 7, "unexpected character “/” at position 8" },
  { "-2019", TIES_DATE_ERROR_SYNTAX, 0, "negative years" },
  { "Y12345", TIES_DATE_ERROR_SYNTAX, 0, "“Y”" },
  { "2019/-0001", TIES_DATE_ERROR_SYNTAX, 5, "negative years" },
  { "20\xff" "19", TIES_DATE_ERROR_SYNTAX, 2, "UTF-8" },
};

static void
test_invalid (gconstpointer data)
{
  const InvalidCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_autoptr(TiesDate) date = NULL;
  gsize error_offset = 4242;
  gsize error_offset2 = 4242;

  date = ties_date_parse (c->text, &error_offset, &error);
  g_assert_null (date);
  g_assert_error (error, TIES_DATE_ERROR, (int) c->code);
  if (strstr (error->message, c->message) == NULL)
    g_error ("message for “%s” is “%s”, expected it to contain “%s”",
             c->text, error->message, c->message);
  g_assert_cmpuint (error_offset, ==, c->offset);

  /* validate agrees with parse, and the offset is optional */
  g_assert_false (ties_date_validate (c->text, &error_offset2, &error2));
  g_assert_error (error2, TIES_DATE_ERROR, (int) c->code);
  g_assert_cmpstr (error2->message, ==, error->message);
  g_assert_cmpuint (error_offset2, ==, c->offset);
  g_assert_false (ties_date_validate (c->text, NULL, NULL));
}

/* The documented order; NULL (no date) comes last */
static const char *sorted_texts[] = {
  "../2019",
  "/2019",
  "20XX",
  "201X",
  "2018-24",
  "2019",
  "2019-XX",
  "2019-XX-XX",
  "2019?",
  "2019~",
  "2019%",
  "2019/2020",
  "2019-01",
  "2019-01-01",
  "2019-01-01/2019-01-03",
  "2019-21",
  "2019-03",
  "2019-03-01",
  "2019-03-01/..",
  "2019-04-30/2019-05-02",
  "2019-05-02",
  "2019-05-02/2019-05-02",
  "2019-05-02?",
  "2019-05-02~",
  "2019-05-02/2019-05-02~",   /* single before interval, against strcmp */
  "2019-05-02%",
  NULL,
};

static void
unref_nullable (gpointer date)
{
  if (date != NULL)
    ties_date_unref (date);
}

static int
compare_ptrs (gconstpointer a,
              gconstpointer b)
{
  return ties_date_compare (*(TiesDate * const *) a, *(TiesDate * const *) b);
}

static void
test_compare (void)
{
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (unref_nullable);
  g_autoptr(GPtrArray) dates = g_ptr_array_new ();
  guint n = G_N_ELEMENTS (sorted_texts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      TiesDate *date = NULL;

      if (sorted_texts[i] != NULL)
        {
          date = ties_date_parse (sorted_texts[i], NULL, &error);
          g_assert_no_error (error);
        }
      g_ptr_array_add (expected, date);
    }

  /* Every pair compares as its positions do: antisymmetric and total */
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      {
        int result = ties_date_compare (expected->pdata[i], expected->pdata[j]);
        int want = (i > j) - (i < j);

        if (result != want)
          g_error ("compare (“%s”, “%s”) = %d, expected %d",
                   sorted_texts[i] ? sorted_texts[i] : "NULL",
                   sorted_texts[j] ? sorted_texts[j] : "NULL", result, want);
      }

  /* Sorting shuffled copies gives the documented order */
  for (guint round = 0; round < 20; round++)
    {
      g_ptr_array_set_size (dates, 0);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (dates, expected->pdata[i]);

      for (guint i = n - 1; i > 0; i--)
        {
          guint k = (guint) g_test_rand_int_range (0, (int) i + 1);
          gpointer tmp = dates->pdata[i];

          dates->pdata[i] = dates->pdata[k];
          dates->pdata[k] = tmp;
        }

      g_ptr_array_sort (dates, compare_ptrs);

      for (guint i = 0; i < n; i++)
        g_assert_true (dates->pdata[i] == expected->pdata[i]);
    }

  /* Equal texts compare equal, different objects */
  {
    g_autoptr(TiesDate) a = ties_date_parse ("2019-05~", NULL, NULL);
    g_autoptr(TiesDate) b = ties_date_parse ("2019-05~", NULL, NULL);

    g_assert_true (a != b);
    g_assert_cmpint (ties_date_compare (a, b), ==, 0);
    g_assert_cmpint (ties_date_compare (NULL, NULL), ==, 0);
  }
}

static void
test_overlaps (void)
{
  g_autoptr(TiesDate) may = ties_date_parse ("2019-05", NULL, NULL);
  g_autoptr(TiesDate) may_approx = ties_date_parse ("2019-05~", NULL, NULL);
  g_autoptr(TiesDate) from_2019 = ties_date_parse ("2019/..", NULL, NULL);
  g_autoptr(TiesDate) until_2019 = ties_date_parse ("../2019", NULL, NULL);
  g_autoptr(TiesDate) day = ties_date_parse ("2019-05-02?", NULL, NULL);

  g_assert_nonnull (may);
  g_assert_nonnull (may_approx);
  g_assert_nonnull (from_2019);
  g_assert_nonnull (until_2019);
  g_assert_nonnull (day);

  /* touching the last day counts; the day after does not */
  g_assert_true (ties_date_overlaps (may, iso_day ("2019-05-31", 0), iso_day ("2019-06-10", 1), FALSE));
  g_assert_false (ties_date_overlaps (may, iso_day ("2019-06-01", 0), iso_day ("2019-06-10", 1), FALSE));
  g_assert_true (ties_date_overlaps (may, iso_day ("2019-04-30", 0), iso_day ("2019-05-01", 1), FALSE));
  g_assert_false (ties_date_overlaps (may, iso_day ("2019-04-01", 0), iso_day ("2019-04-30", 1), FALSE));
  g_assert_true (ties_date_overlaps (may, iso_day ("2019-01-01", 0), iso_day ("2019-12-31", 1), FALSE));
  /* a plain date is its own fuzzy range */
  g_assert_false (ties_date_overlaps (may, iso_day ("2019-06-01", 0), iso_day ("2019-06-10", 1), TRUE));

  /* fuzzy: May ~ reaches June, not July */
  g_assert_false (ties_date_overlaps (may_approx, iso_day ("2019-06-15", 0), iso_day ("2019-06-20", 1), FALSE));
  g_assert_true (ties_date_overlaps (may_approx, iso_day ("2019-06-15", 0), iso_day ("2019-06-20", 1), TRUE));
  g_assert_false (ties_date_overlaps (may_approx, iso_day ("2019-07-01", 0), iso_day ("2019-07-20", 1), TRUE));

  /* day ± 3 when uncertain */
  g_assert_false (ties_date_overlaps (day, iso_day ("2019-05-05", 0), iso_day ("2019-05-05", 1), FALSE));
  g_assert_true (ties_date_overlaps (day, iso_day ("2019-05-05", 0), iso_day ("2019-05-05", 1), TRUE));
  g_assert_false (ties_date_overlaps (day, iso_day ("2019-05-06", 0), iso_day ("2019-05-06", 1), TRUE));

  /* open ends */
  g_assert_true (ties_date_overlaps (from_2019, iso_day ("9999-01-01", 0), iso_day ("9999-01-01", 1), FALSE));
  g_assert_false (ties_date_overlaps (from_2019, iso_day ("2018-01-01", 0), iso_day ("2018-12-31", 1), FALSE));
  g_assert_true (ties_date_overlaps (until_2019, TIES_DATE_DAY_MIN, TIES_DATE_DAY_MIN, TRUE));
  g_assert_true (ties_date_overlaps (until_2019, iso_day ("0001-01-01", 0), iso_day ("0001-01-01", 1), FALSE));
  g_assert_false (ties_date_overlaps (until_2019, iso_day ("2020-01-01", 0), TIES_DATE_DAY_MAX, FALSE));
}

static void
test_ref (void)
{
  g_autoptr(GError) error = NULL;
  TiesDate *date;
  TiesDate *copy;
  GValue value = G_VALUE_INIT;

  g_assert_true (G_TYPE_IS_BOXED (TIES_TYPE_DATE));
  g_assert_cmpstr (g_type_name (TIES_TYPE_DATE), ==, "TiesDate");

  date = ties_date_parse ("2019-04~/2019-05-02?", NULL, &error);
  g_assert_no_error (error);

  g_assert_true (ties_date_ref (date) == date);
  ties_date_unref (date);
  g_assert_cmpstr (ties_date_get_text (date), ==, "2019-04~/2019-05-02?");

  copy = g_boxed_copy (TIES_TYPE_DATE, date);
  g_assert_true (copy == date);
  g_boxed_free (TIES_TYPE_DATE, copy);

  g_value_init (&value, TIES_TYPE_DATE);
  g_value_set_boxed (&value, date);
  g_assert_true (g_value_get_boxed (&value) == date);
  ties_date_unref (date);
  /* the GValue still holds a reference */
  g_assert_cmpstr (ties_date_get_text (g_value_get_boxed (&value)), ==, "2019-04~/2019-05-02?");
  g_value_unset (&value);
}

static void
test_day_numbers (void)
{
  g_autoptr(TiesDate) first = ties_date_parse ("0001-01-01", NULL, NULL);
  g_autoptr(TiesDate) epoch = ties_date_parse ("1970-01-01", NULL, NULL);
  gint64 day = 0;

  /* The header promises day 1 = 0001-01-01, as GDate counts */
  ties_date_get_strict_range (first, &day, NULL);
  g_assert_cmpint (day, ==, 1);
  ties_date_get_strict_range (epoch, NULL, &day);
  g_assert_cmpint (day, ==, 719163);
}

static void
test_error_quark (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (g_quark_to_string (TIES_DATE_ERROR), ==, "ties-date-error-quark");
  g_assert_null (ties_date_parse ("", NULL, &error));
  g_assert_error (error, TIES_DATE_ERROR, TIES_DATE_ERROR_EMPTY);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (valid_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/date/valid/%02u", i);
      g_test_add_data_func (path, &valid_cases[i], test_valid);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/date/invalid/%02u", i);
      g_test_add_data_func (path, &invalid_cases[i], test_invalid);
    }

  g_test_add_func ("/date/compare", test_compare);
  g_test_add_func ("/date/overlaps", test_overlaps);
  g_test_add_func ("/date/ref", test_ref);
  g_test_add_func ("/date/day-numbers", test_day_numbers);
  g_test_add_func ("/date/error-quark", test_error_quark);

  return g_test_run ();
}
