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
#define P_SECOND TIES_DATE_PRECISION_SECOND

/* Turns "YYYY-MM-DD" (YYYY any signed year) into a day number through
 * GDate, independently of the code under test; ".." is TIES_DATE_DAY_MIN or
 * _MAX.  GDate knows only the years 1 to 65535: a day of another year is
 * the same day of a year in 1..400 shifted by whole 400-year Gregorian
 * cycles of 146097 days (0000-01-01 is 0400-01-01 minus one cycle). */
static gint64
iso_day (const char *iso,
         gboolean    last)
{
  gint64 year, cycles;
  int month, day;
  g_autoptr(GDate) date = NULL;

  g_assert_nonnull (iso);

  if (g_str_equal (iso, ".."))
    return last ? TIES_DATE_DAY_MAX : TIES_DATE_DAY_MIN;

  g_assert_cmpint (sscanf (iso, "%" G_GINT64_MODIFIER "d-%d-%d", &year, &month, &day), ==, 3);
  cycles = year - 1 >= 0 ? (year - 1) / 400 : -((-(year - 1) + 399) / 400);
  year -= cycles * 400;
  g_assert_cmpint (year, >=, 1);
  g_assert_cmpint (year, <=, 400);
  g_assert_true (g_date_valid_dmy (day, month, (GDateYear) year));
  date = g_date_new_dmy (day, month, (GDateYear) year);

  return (gint64) g_date_get_julian (date) + cycles * 146097;
}

typedef struct {
  const char *text;
  TiesDatePrecision precision;
  gboolean approximate;
  gboolean uncertain;
  TiesDateKind kind;         /* 0 single, 1 interval, 2 one of, 3 all of */
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
  { "0000", P_YEAR, 0, 0, 0, "0000-01-01", "0000-12-31", "0000-01-01", "0000-12-31", "1 BC" },
  { "0000-02-29", P_DAY, 0, 0, 0, "0000-02-29", "0000-02-29", "0000-02-29", "0000-02-29", "29 February 1 BC" },
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
  /* level 1: negative years; 0000 is 1 BC, -0001 is 2 BC */
  { "-0050", P_YEAR, 0, 0, 0, "-0050-01-01", "-0050-12-31", "-0050-01-01", "-0050-12-31", "51 BC" },
  { "-2004~", P_YEAR, 1, 0, 0, "-2004-01-01", "-2004-12-31", "-2005-01-01", "-2003-12-31", "2005 BC (approx.)" },
  { "-0043-03-15", P_DAY, 0, 0, 0, "-0043-03-15", "-0043-03-15", "-0043-03-15", "-0043-03-15", "15 March 44 BC" },
  { "-0004-02-29", P_DAY, 0, 0, 0, "-0004-02-29", "-0004-02-29", "-0004-02-29", "-0004-02-29", "29 February 5 BC" },
  { "-0001-12?", P_MONTH, 0, 1, 0, "-0001-12-01", "-0001-12-31", "-0001-11-01", "0000-01-31", "December 2 BC (uncertain)" },
  { "-201X", P_YEAR, 0, 0, 0, "-2019-01-01", "-2010-12-31", "-2019-01-01", "-2010-12-31", "2020–2011 BC" },
  { "-0100/0100", P_YEAR, 0, 0, 1, "-0100-01-01", "0100-12-31", "-0100-01-01", "0100-12-31", "101 BC – 100" },
  /* level 1: years of more than four digits, up to 15 */
  { "Y12345", P_YEAR, 0, 0, 0, "12345-01-01", "12345-12-31", "12345-01-01", "12345-12-31", "12345" },
  { "Y-12345%", P_YEAR, 1, 1, 0, "-12345-01-01", "-12345-12-31", "-12347-01-01", "-12343-12-31", "12346 BC (approx., uncertain)" },
  { "Y999999999999999", P_YEAR, 0, 0, 0, "999999999999999-01-01", "999999999999999-12-31", "999999999999999-01-01", "999999999999999-12-31", "999999999999999" },
  { "Y-999999999999999%", P_YEAR, 1, 1, 0, "-999999999999999-01-01", "-999999999999999-12-31", "-1000000000000001-01-01", "-999999999999997-12-31", "1000000000000000 BC (approx., uncertain)" },
  { "Y-170000002/2019", P_YEAR, 0, 0, 1, "-170000002-01-01", "2019-12-31", "-170000002-01-01", "2019-12-31", "170000003 BC – 2019" },
  /* level 0: a day and a time of day; the range is the day as written */
  { "2019-04-17T09:05:00", P_SECOND, 0, 0, 0, "2019-04-17", "2019-04-17", "2019-04-17", "2019-04-17", "17 April 2019, 09:05:00" },
  { "2019-04-17T23:30:00-12:00", P_SECOND, 0, 0, 0, "2019-04-17", "2019-04-17", "2019-04-17", "2019-04-17", "17 April 2019, 23:30:00 UTC−12:00" },
  { "2019-04-17T00:00:00+14", P_SECOND, 0, 0, 0, "2019-04-17", "2019-04-17", "2019-04-17", "2019-04-17", "17 April 2019, 00:00:00 UTC+14:00" },
  { "2016-12-31T23:59:60Z", P_SECOND, 0, 0, 0, "2016-12-31", "2016-12-31", "2016-12-31", "2016-12-31", "31 December 2016, 23:59:60 UTC" },
  { "-0043-03-15T12:00:00", P_SECOND, 0, 0, 0, "-0043-03-15", "-0043-03-15", "-0043-03-15", "-0043-03-15", "15 March 44 BC, 12:00:00" },
  /* level 2: sets; the year is written once where the dates share it */
  { "[2019-04-17,2019-04-18]", P_DAY, 0, 0, 2, "2019-04-17", "2019-04-18", "2019-04-17", "2019-04-18", "17 or 18 April 2019" },
  { "{2019-04-17,2019-04-18}", P_DAY, 0, 0, 3, "2019-04-17", "2019-04-18", "2019-04-17", "2019-04-18", "17 and 18 April 2019" },
  { "[2019-04-17,2019-04-18,2019-04-20]", P_DAY, 0, 0, 2, "2019-04-17", "2019-04-20", "2019-04-17", "2019-04-20", "17, 18 or 20 April 2019" },
  { "[2019-04-30,2019-05-02]", P_DAY, 0, 0, 2, "2019-04-30", "2019-05-02", "2019-04-30", "2019-05-02", "30 April or 2 May 2019" },
  { "{1760-01,1760-02,1760-12}", P_MONTH, 0, 0, 3, "1760-01-01", "1760-12-31", "1760-01-01", "1760-12-31", "January, February and December 1760" },
  { "[2019-05-02,2018-05-02]", P_DAY, 0, 0, 2, "2018-05-02", "2019-05-02", "2018-05-02", "2019-05-02", "2 May 2019 or 2 May 2018" },
  { "[2019]", P_YEAR, 0, 0, 2, "2019-01-01", "2019-12-31", "2019-01-01", "2019-12-31", "2019" },
  { "[1760-12?,1761]", P_MONTH, 0, 1, 2, "1760-12-01", "1761-12-31", "1760-11-01", "1761-12-31", "December 1760 (uncertain) or 1761" },
  { "{2019-04-17~,2019-04-18~}", P_DAY, 1, 0, 3, "2019-04-17", "2019-04-18", "2019-04-14", "2019-04-21", "17 April 2019 (approx.) and 18 April 2019 (approx.)" },
  { "[2019-21..2019-23,201X]", P_SEASON, 0, 0, 2, "2010-01-01", "2019-12-31", "2010-01-01", "2019-12-31", "spring 2019 – autumn 2019 or 2010–2019" },
  { "[2019-04-17..2019-04-19,2019-04-21]", P_DAY, 0, 0, 2, "2019-04-17", "2019-04-21", "2019-04-17", "2019-04-21", "17–19 April 2019 or 21 April 2019" },
  { "{-0050,Y-12345..Y-12340}", P_YEAR, 0, 0, 3, "-12345-01-01", "-0050-12-31", "-12345-01-01", "-0050-12-31", "51 BC and 12346 BC – 12341 BC" },
};

/* Every example of the specification (Library of Congress, “Extended
 * Date/Time Format (EDTF) Specification”, 4 February 2019): all of levels
 * 0 and 1, and the sets of level 2, in the order the specification gives
 * them. */
static const ValidCase spec_cases[] = {
  /* level 0: date */
  { "1985-04-12", P_DAY, 0, 0, 0, "1985-04-12", "1985-04-12", "1985-04-12", "1985-04-12", "12 April 1985" },
  { "1985-04", P_MONTH, 0, 0, 0, "1985-04-01", "1985-04-30", "1985-04-01", "1985-04-30", "April 1985" },
  { "1985", P_YEAR, 0, 0, 0, "1985-01-01", "1985-12-31", "1985-01-01", "1985-12-31", "1985" },
  /* level 0: date and time */
  { "1985-04-12T23:20:30", P_SECOND, 0, 0, 0, "1985-04-12", "1985-04-12", "1985-04-12", "1985-04-12", "12 April 1985, 23:20:30" },
  { "1985-04-12T23:20:30Z", P_SECOND, 0, 0, 0, "1985-04-12", "1985-04-12", "1985-04-12", "1985-04-12", "12 April 1985, 23:20:30 UTC" },
  { "1985-04-12T23:20:30-04", P_SECOND, 0, 0, 0, "1985-04-12", "1985-04-12", "1985-04-12", "1985-04-12", "12 April 1985, 23:20:30 UTC−04:00" },
  { "1985-04-12T23:20:30+04:30", P_SECOND, 0, 0, 0, "1985-04-12", "1985-04-12", "1985-04-12", "1985-04-12", "12 April 1985, 23:20:30 UTC+04:30" },
  /* level 0: time interval */
  { "1964/2008", P_YEAR, 0, 0, 1, "1964-01-01", "2008-12-31", "1964-01-01", "2008-12-31", "1964 – 2008" },
  { "2004-06/2006-08", P_MONTH, 0, 0, 1, "2004-06-01", "2006-08-31", "2004-06-01", "2006-08-31", "June 2004 – August 2006" },
  { "2004-02-01/2005-02-08", P_DAY, 0, 0, 1, "2004-02-01", "2005-02-08", "2004-02-01", "2005-02-08", "1 February 2004 – 8 February 2005" },
  { "2004-02-01/2005-02", P_DAY, 0, 0, 1, "2004-02-01", "2005-02-28", "2004-02-01", "2005-02-28", "1 February 2004 – February 2005" },
  { "2004-02-01/2005", P_DAY, 0, 0, 1, "2004-02-01", "2005-12-31", "2004-02-01", "2005-12-31", "1 February 2004 – 2005" },
  { "2005/2006-02", P_YEAR, 0, 0, 1, "2005-01-01", "2006-02-28", "2005-01-01", "2006-02-28", "2005 – February 2006" },
  /* level 1: letter-prefixed calendar year */
  { "Y170000002", P_YEAR, 0, 0, 0, "170000002-01-01", "170000002-12-31", "170000002-01-01", "170000002-12-31", "170000002" },
  { "Y-170000002", P_YEAR, 0, 0, 0, "-170000002-01-01", "-170000002-12-31", "-170000002-01-01", "-170000002-12-31", "170000003 BC" },
  /* level 1: seasons */
  { "2001-21", P_SEASON, 0, 0, 0, "2001-03-01", "2001-05-31", "2001-03-01", "2001-05-31", "spring 2001" },
  /* level 1: qualification of a date (complete) */
  { "1984?", P_YEAR, 0, 1, 0, "1984-01-01", "1984-12-31", "1983-01-01", "1985-12-31", "1984 (uncertain)" },
  { "2004-06~", P_MONTH, 1, 0, 0, "2004-06-01", "2004-06-30", "2004-05-01", "2004-07-31", "June 2004 (approx.)" },
  { "2004-06-11%", P_DAY, 1, 1, 0, "2004-06-11", "2004-06-11", "2004-06-05", "2004-06-17", "11 June 2004 (approx., uncertain)" },
  /* level 1: unspecified digits from the right */
  { "201X", P_YEAR, 0, 0, 0, "2010-01-01", "2019-12-31", "2010-01-01", "2019-12-31", "2010–2019" },
  { "20XX", P_YEAR, 0, 0, 0, "2000-01-01", "2099-12-31", "2000-01-01", "2099-12-31", "2000–2099" },
  { "2004-XX", P_YEAR, 0, 0, 0, "2004-01-01", "2004-12-31", "2004-01-01", "2004-12-31", "2004" },
  { "1985-04-XX", P_MONTH, 0, 0, 0, "1985-04-01", "1985-04-30", "1985-04-01", "1985-04-30", "April 1985" },
  { "1985-XX-XX", P_YEAR, 0, 0, 0, "1985-01-01", "1985-12-31", "1985-01-01", "1985-12-31", "1985" },
  /* level 1: extended interval, open end, open start, unknown end, unknown start */
  { "1985-04-12/..", P_DAY, 0, 0, 1, "1985-04-12", "..", "1985-04-12", "..", "from 12 April 1985" },
  { "1985-04/..", P_MONTH, 0, 0, 1, "1985-04-01", "..", "1985-04-01", "..", "from April 1985" },
  { "1985/..", P_YEAR, 0, 0, 1, "1985-01-01", "..", "1985-01-01", "..", "from 1985" },
  { "../1985-04-12", P_DAY, 0, 0, 1, "..", "1985-04-12", "..", "1985-04-12", "until 12 April 1985" },
  { "../1985-04", P_MONTH, 0, 0, 1, "..", "1985-04-30", "..", "1985-04-30", "until April 1985" },
  { "../1985", P_YEAR, 0, 0, 1, "..", "1985-12-31", "..", "1985-12-31", "until 1985" },
  { "1985-04-12/", P_DAY, 0, 0, 1, "1985-04-12", "..", "1985-04-12", "..", "12 April 1985 – unknown" },
  { "1985-04/", P_MONTH, 0, 0, 1, "1985-04-01", "..", "1985-04-01", "..", "April 1985 – unknown" },
  { "1985/", P_YEAR, 0, 0, 1, "1985-01-01", "..", "1985-01-01", "..", "1985 – unknown" },
  { "/1985-04-12", P_DAY, 0, 0, 1, "..", "1985-04-12", "..", "1985-04-12", "unknown – 12 April 1985" },
  { "/1985-04", P_MONTH, 0, 0, 1, "..", "1985-04-30", "..", "1985-04-30", "unknown – April 1985" },
  { "/1985", P_YEAR, 0, 0, 1, "..", "1985-12-31", "..", "1985-12-31", "unknown – 1985" },
  /* level 1: negative calendar year */
  { "-1985", P_YEAR, 0, 0, 0, "-1985-01-01", "-1985-12-31", "-1985-01-01", "-1985-12-31", "1986 BC" },
  /* level 2: one of a set */
  { "[1667,1668,1670..1672]", P_YEAR, 0, 0, 2, "1667-01-01", "1672-12-31", "1667-01-01", "1672-12-31", "1667, 1668 or 1670 – 1672" },
  { "[..1760-12-03]", P_DAY, 0, 0, 2, "..", "1760-12-03", "..", "1760-12-03", "3 December 1760 or earlier" },
  { "[1760-12..]", P_MONTH, 0, 0, 2, "1760-12-01", "..", "1760-12-01", "..", "December 1760 or later" },
  { "[1760-01,1760-02,1760-12..]", P_MONTH, 0, 0, 2, "1760-01-01", "..", "1760-01-01", "..", "January 1760, February 1760 or December 1760 or later" },
  { "[1667,1760-12]", P_YEAR, 0, 0, 2, "1667-01-01", "1760-12-31", "1667-01-01", "1760-12-31", "1667 or December 1760" },
  { "[..1984]", P_YEAR, 0, 0, 2, "..", "1984-12-31", "..", "1984-12-31", "1984 or earlier" },
  /* level 2: all members */
  { "{1667,1668,1670..1672}", P_YEAR, 0, 0, 3, "1667-01-01", "1672-12-31", "1667-01-01", "1672-12-31", "1667, 1668 and 1670 – 1672" },
  { "{1960,1961-12}", P_YEAR, 0, 0, 3, "1960-01-01", "1961-12-31", "1960-01-01", "1961-12-31", "1960 and December 1961" },
  { "{..1984}", P_YEAR, 0, 0, 3, "..", "1984-12-31", "..", "1984-12-31", "1984 and earlier" },
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
  g_assert_cmpint (ties_date_get_kind (date), ==, c->kind);
  g_assert_cmpint (ties_date_is_interval (date), ==, c->kind == TIES_DATE_KIND_INTERVAL);

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
  { "2019-05-02T10:00", TIES_DATE_ERROR_SYNTAX, 16, "written with two-digit hours, minutes and seconds, as in “T23:20:30” (position 17)" },
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
  /* times of day */
  { "1985-04-12T25:00:00", TIES_DATE_ERROR_RANGE, 11, "hour 25 does not exist (position 12)" },
  { "1985-04-12T24:00:00", TIES_DATE_ERROR_RANGE, 11, "hour 24 does not exist" },
  { "1985-04-12T23:60:00", TIES_DATE_ERROR_RANGE, 14, "minute 60 does not exist (position 15)" },
  { "1985-04-12T23:20:60", TIES_DATE_ERROR_RANGE, 17, "second 60 does not exist (position 18)" },
  { "1985-04-12T23:20", TIES_DATE_ERROR_SYNTAX, 16, "hours, minutes and seconds" },
  { "1985-04-12T23:20:3", TIES_DATE_ERROR_SYNTAX, 18, "hours, minutes and seconds" },
  { "1985-04-12T2:20:30", TIES_DATE_ERROR_SYNTAX, 12, "hours, minutes and seconds" },
  { "1985-04-12T232030", TIES_DATE_ERROR_SYNTAX, 13, "hours, minutes and seconds" },
  { "1985-04-12T23:20:30:00", TIES_DATE_ERROR_SYNTAX, 19, "hours, minutes and seconds" },
  { "1985-04-12T23:20:30.5", TIES_DATE_ERROR_SYNTAX, 19, "unexpected character “.” at position 20" },
  { "1985-04-12T23:20:30ZZ", TIES_DATE_ERROR_SYNTAX, 20, "unexpected character “Z” at position 21" },
  { "1985-04-12T23:20:30+15", TIES_DATE_ERROR_RANGE, 20, "time shifts go up to 14 hours (position 21)" },
  { "1985-04-12T23:20:30-14:30", TIES_DATE_ERROR_RANGE, 20, "time shifts go up to 14 hours" },
  { "1985-04-12T23:20:30+04:60", TIES_DATE_ERROR_RANGE, 23, "minute 60 does not exist" },
  { "1985-04-12T23:20:30+0430", TIES_DATE_ERROR_SYNTAX, 22, "a time shift is written “Z”, “±hh” or “±hh:mm”" },
  { "1985-04-12T23:20:30+4", TIES_DATE_ERROR_SYNTAX, 21, "a time shift is written" },
  { "1985-04-12T23:20:30~", TIES_DATE_ERROR_SYNTAX, 19, "cannot be marked uncertain or approximate" },
  { "1985-04T23:20:30", TIES_DATE_ERROR_SYNTAX, 7, "needs a complete date" },
  { "1985T23:20:30", TIES_DATE_ERROR_SYNTAX, 4, "needs a complete date" },
  { "1985-04-XXT23:20:30", TIES_DATE_ERROR_SYNTAX, 10, "needs a complete date" },
  { "1985-04-12~T23:20:30", TIES_DATE_ERROR_SYNTAX, 11, "unexpected character “T”" },
  { "1985-04-12T23:20:30/1985-04-13", TIES_DATE_ERROR_SYNTAX, 10, "the ends of an interval cannot have a time of day (position 11)" },
  { "1985-04-11/1985-04-12T23:20:30", TIES_DATE_ERROR_SYNTAX, 21, "the ends of an interval cannot have a time of day" },
  { "[1985-04-12T23:20:30]", TIES_DATE_ERROR_SYNTAX, 11, "the dates of a set cannot have a time of day" },
  /* negative years and “Y” years */
  { "-0000", TIES_DATE_ERROR_SYNTAX, 0, "year 0000 has no sign" },
  { "-19850", TIES_DATE_ERROR_SYNTAX, 1, "as in “Y-19850”" },
  { "-985", TIES_DATE_ERROR_SYNTAX, 1, "the year “985” needs exactly four digits" },
  { "-0001-02-29", TIES_DATE_ERROR_RANGE, 9, "29 February 2 BC does not exist" },
  { "--2019", TIES_DATE_ERROR_SYNTAX, 1, "unexpected character “-” at position 2" },
  { "Y12", TIES_DATE_ERROR_SYNTAX, 0, "“Y” is only for years of more than four digits" },
  { "Y1234", TIES_DATE_ERROR_SYNTAX, 0, "after 9999 or before -9999" },
  { "Y-09999", TIES_DATE_ERROR_SYNTAX, 0, "“Y” is only for years" },
  { "Y", TIES_DATE_ERROR_SYNTAX, 1, "the date ends too early" },
  { "Y-", TIES_DATE_ERROR_SYNTAX, 2, "the date ends too early" },
  { "YX2345", TIES_DATE_ERROR_SYNTAX, 1, "unexpected character “X”" },
  { "Y1234X", TIES_DATE_ERROR_SYNTAX, 5, "cannot have “X” digits" },
  { "Y12345-01", TIES_DATE_ERROR_SYNTAX, 6, "a year written with “Y” cannot have a month" },
  { "Y1000000000000000", TIES_DATE_ERROR_RANGE, 16, "years of more than 15 digits are beyond what Ties can count in days (position 17)" },
  { "Y-99999999999999999999999", TIES_DATE_ERROR_RANGE, 17, "more than 15 digits" },
  { "-Y12345", TIES_DATE_ERROR_SYNTAX, 1, "unexpected character “Y”" },
  /* level 2 forms other than sets */
  { "Y-17E7", TIES_DATE_ERROR_SYNTAX, 4, "EDTF level 2" },
  { "1950S2", TIES_DATE_ERROR_SYNTAX, 4, "EDTF level 2" },
  { "Y171010000S3", TIES_DATE_ERROR_SYNTAX, 10, "EDTF level 2" },
  { "2004?-06-11", TIES_DATE_ERROR_SYNTAX, 5, "unexpected character “-” at position 6" },
  { "?2004-06-~11", TIES_DATE_ERROR_SYNTAX, 0, "unexpected character “?”" },
  { "156X-12-25", TIES_DATE_ERROR_SYNTAX, 5, "cannot have a month" },
  { "2001-34", TIES_DATE_ERROR_RANGE, 5, "month 34 does not exist; the seasons are 21 to 24, and 25 to 41 are EDTF level 2" },
  { "2001-42", TIES_DATE_ERROR_RANGE, 5, "month 42 does not exist (position 6)" },
  /* sets */
  { "[2019,]", TIES_DATE_ERROR_SYNTAX, 6, "a date is missing after “,” (position 7)" },
  { "[2019,,2020]", TIES_DATE_ERROR_SYNTAX, 6, "a date is missing after “,”" },
  { "{2019,", TIES_DATE_ERROR_SYNTAX, 6, "a date is missing after “,”" },
  { "[,2019]", TIES_DATE_ERROR_SYNTAX, 1, "unexpected character “,” at position 2" },
  { "[]", TIES_DATE_ERROR_SYNTAX, 1, "a set needs at least one date" },
  { "{}", TIES_DATE_ERROR_SYNTAX, 1, "a set needs at least one date" },
  { "[", TIES_DATE_ERROR_SYNTAX, 1, "the date ends too early" },
  { "[2019", TIES_DATE_ERROR_SYNTAX, 5, "the set is not closed: “]” is missing" },
  { "{2019-05..", TIES_DATE_ERROR_SYNTAX, 10, "the date ends too early" },
  { "{2019]", TIES_DATE_ERROR_SYNTAX, 5, "unexpected character “]”" },
  { "[2019,2020}", TIES_DATE_ERROR_SYNTAX, 10, "unexpected character “}”" },
  { "[2019, 2020]", TIES_DATE_ERROR_SYNTAX, 6, "unexpected character “ ” at position 7" },
  { "[1667,..1668]", TIES_DATE_ERROR_SYNTAX, 6, "can only open the first date of a set" },
  { "[1667..,1668]", TIES_DATE_ERROR_SYNTAX, 5, "can only close the last date of a set" },
  { "[..1984..]", TIES_DATE_ERROR_SYNTAX, 7, "unexpected character “.”" },
  { "[1667..1668..1670]", TIES_DATE_ERROR_SYNTAX, 11, "unexpected character “.”" },
  { "[..]", TIES_DATE_ERROR_SYNTAX, 3, "unexpected character “]”" },
  { "[1672..1670]", TIES_DATE_ERROR_INTERVAL, 7, "the range ends before it starts (position 8)" },
  { "[1670..1672-01]", TIES_DATE_ERROR_SYNTAX, 7, "need the same precision" },
  { "[201X..2015]", TIES_DATE_ERROR_SYNTAX, 7, "need the same precision" },
  { "[2019-02-30,2019-03-01]", TIES_DATE_ERROR_RANGE, 9, "30 February 2019 does not exist" },
  { "[2019]?", TIES_DATE_ERROR_SYNTAX, 6, "unexpected character “?”" },
  { "[2019]/2020", TIES_DATE_ERROR_SYNTAX, 6, "unexpected character “/”" },
  { "2019/[2020]", TIES_DATE_ERROR_SYNTAX, 5, "unexpected character “[”" },
  { "[2019/2020]", TIES_DATE_ERROR_SYNTAX, 5, "unexpected character “/”" },
  { "[[2019]]", TIES_DATE_ERROR_SYNTAX, 1, "unexpected character “[”" },
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
  "[..1984]",
  "../2019",
  "/2019",
  "Y-170000002",
  "-1985",
  "-0050",
  "0000",
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
  "2019-05-02/2019-05-03",
  "[2019-05-02,2019-05-03]",   /* interval < one of < all of */
  "{2019-05-02,2019-05-03}",
  "{2019-05-03,2019-05-02}",
  "2019-05-02T08:00:00+04:00",  /* 04:00 UTC */
  "2019-05-02T12:00:00+04:00",  /* 08:00 UTC */
  "2019-05-02T10:00:00",
  "2019-05-02T10:00:00Z",
  "2019-05-02T23:00:00-04",     /* 03:00 UTC the next day, on its own day */
  "2019-05-03T01:00:00Z",
  "Y170000002",
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

/* A set overlaps where one of its dates does, not across its gaps */
static void
test_overlaps_sets (void)
{
  g_autoptr(TiesDate) either = ties_date_parse ("[1667,1760-12]", NULL, NULL);
  g_autoptr(TiesDate) both = ties_date_parse ("{2019-04-17,2019-04-19}", NULL, NULL);
  g_autoptr(TiesDate) maybe = ties_date_parse ("[2019-04-17?,2019-04-21]", NULL, NULL);
  g_autoptr(TiesDate) earlier = ties_date_parse ("{..1984}", NULL, NULL);
  g_autoptr(TiesDate) later = ties_date_parse ("[1670..1672,1760-12..]", NULL, NULL);
  gint64 first, last;

  g_assert_nonnull (either);
  g_assert_nonnull (both);
  g_assert_nonnull (maybe);
  g_assert_nonnull (earlier);
  g_assert_nonnull (later);

  g_assert_false (ties_date_overlaps (either, iso_day ("1700-01-01", 0), iso_day ("1700-12-31", 1), FALSE));
  g_assert_true (ties_date_overlaps (either, iso_day ("1667-06-01", 0), iso_day ("1667-06-01", 1), FALSE));
  g_assert_true (ties_date_overlaps (either, iso_day ("1760-12-24", 0), iso_day ("1761-01-10", 1), FALSE));
  /* the strict range still spans the whole set */
  ties_date_get_strict_range (either, &first, &last);
  g_assert_cmpint (first, ==, iso_day ("1667-01-01", 0));
  g_assert_cmpint (last, ==, iso_day ("1760-12-31", 1));

  g_assert_false (ties_date_overlaps (both, iso_day ("2019-04-18", 0), iso_day ("2019-04-18", 1), FALSE));
  g_assert_false (ties_date_overlaps (both, iso_day ("2019-04-18", 0), iso_day ("2019-04-18", 1), TRUE));
  g_assert_true (ties_date_overlaps (both, iso_day ("2019-04-18", 0), iso_day ("2019-04-19", 1), FALSE));

  /* an uncertain day reaches three days further when fuzzy */
  g_assert_false (ties_date_overlaps (maybe, iso_day ("2019-04-19", 0), iso_day ("2019-04-19", 1), FALSE));
  g_assert_true (ties_date_overlaps (maybe, iso_day ("2019-04-19", 0), iso_day ("2019-04-19", 1), TRUE));

  g_assert_true (ties_date_overlaps (earlier, iso_day ("0001-01-01", 0), iso_day ("0001-01-01", 1), FALSE));
  g_assert_false (ties_date_overlaps (earlier, iso_day ("1985-01-01", 0), iso_day ("1985-01-01", 1), FALSE));

  /* a range of a set covers what lies between its ends, an open end all after */
  g_assert_true (ties_date_overlaps (later, iso_day ("1671-07-01", 0), iso_day ("1671-07-01", 1), FALSE));
  g_assert_false (ties_date_overlaps (later, iso_day ("1700-01-01", 0), iso_day ("1760-11-30", 1), FALSE));
  g_assert_true (ties_date_overlaps (later, iso_day ("9999-01-01", 0), iso_day ("9999-01-01", 1), FALSE));
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

/* Day numbers back to ISO dates: the strict range of each text, as
 * ties_date_day_to_iso() writes it, gives back its first and last day;
 * and GDate agrees wherever it counts. */
static void
test_day_to_iso (void)
{
  static const struct { const char *text, *first, *last; } cases[] = {
    { "2019-04-17", "2019-04-17", "2019-04-17" },
    { "2019", "2019-01-01", "2019-12-31" },
    { "2020-02", "2020-02-01", "2020-02-29" },
    { "1900-02", "1900-02-01", "1900-02-28" },
    { "2000-02", "2000-02-01", "2000-02-29" },
    { "0001-01-01", "0001-01-01", "0001-01-01" },
    { "0000", "0000-01-01", "0000-12-31" },
    { "-0050", "-0050-01-01", "-0050-12-31" },
    { "Y12345", "+12345-01-01", "+12345-12-31" },
    { "2019-05-01/2019-09-08", "2019-05-01", "2019-09-08" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TiesDate) date = ties_date_parse (cases[i].text, NULL, NULL);
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;
      gint64 a, b;

      g_assert_nonnull (date);
      ties_date_get_strict_range (date, &a, &b);
      first = ties_date_day_to_iso (a);
      last = ties_date_day_to_iso (b);
      g_assert_cmpstr (first, ==, cases[i].first);
      g_assert_cmpstr (last, ==, cases[i].last);
    }

  for (gint64 day = 1; day < 800000; day += 997)
    {
      g_autofree char *iso = ties_date_day_to_iso (day);
      char expected[16];
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, (guint32) day);
      g_snprintf (expected, sizeof expected, "%04u-%02u-%02u",
                  g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
      g_assert_cmpstr (iso, ==, expected);
    }

  g_assert_null (ties_date_day_to_iso (TIES_DATE_DAY_MIN));
  g_assert_null (ties_date_day_to_iso (TIES_DATE_DAY_MAX));
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

  for (guint i = 0; i < G_N_ELEMENTS (spec_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/date/spec/%02u", i);
      g_test_add_data_func (path, &spec_cases[i], test_valid);
    }

  g_test_add_func ("/date/compare", test_compare);
  g_test_add_func ("/date/overlaps", test_overlaps);
  g_test_add_func ("/date/overlaps-sets", test_overlaps_sets);
  g_test_add_func ("/date/ref", test_ref);
  g_test_add_func ("/date/day-numbers", test_day_numbers);
  g_test_add_func ("/date/day-to-iso", test_day_to_iso);
  g_test_add_func ("/date/error-quark", test_error_quark);

  return g_test_run ();
}
