/* ties-date-phrase.c: date phrases in news text, resolved to EDTF
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Over 1,000 lines on purpose: the calendar arithmetic, the tokenizer and
 * the phrase matchers share private point and span types, and each matcher
 * is short; the file reads top to bottom as the grammar of date phrases.
 */
#include "config.h"

#include <string.h>

#include "ties-date.h"
#include "ties-date-phrase.h"

/* How the words become dates; each choice is the one a careful reader of
 * news would make, and where the words do not say, the date says so too:
 *
 *  - A year-less day or month ("on April 17", "in May", "early May") takes
 *    the publication year, or the year before when that would lie after
 *    the publication date: news reports the past.
 *  - Parts of a month are its thirds, as intervals: early 1–10, mid 11–20,
 *    late 21–end ("mid-May 2019" → 2019-05-11/2019-05-20).  A "~" on the
 *    month would widen it to April–June (the fuzzy range of "2019-05~"),
 *    far vaguer than the words; a third says what a reader understood.
 *    Parts of a year likewise: early January–April, mid May–August, late
 *    September–December (month intervals).
 *  - "The start" / "the end" of a period is narrower than "early" /
 *    "late": of a year, its first or last month, approximately
 *    ("2019-01~"); of a month, its first or last seven days (an interval:
 *    "~" on a day widens by only three days, which would miss the 5th).
 *  - A range of days ("22–25 January", "April 17 to 19") is an interval.
 *  - Weeks run Monday to Sunday; "next week" is the whole following week;
 *    a weekend is its Saturday and Sunday, "over the weekend" the latest
 *    one begun by the publication date.
 *  - A bare weekday ("on Monday") is the latest such day on or before the
 *    publication date ("said on Friday" in Friday's paper is today) unless
 *    the sentence speaks of the future ("will meet on Monday"), which only
 *    ties_date_phrase_scan() can see: then it is the first such day after.
 *    "last Friday" is strictly before, "next Friday" strictly after,
 *    "this Friday" the Friday of the same week.
 *  - "in two weeks" (a plan, loosely counted) is approximate:
 *    "2019-09-16~"; a count of elapsed time ("two days later", "three
 *    weeks ago") is exact, except "a week and a half", which is not.
 *  - A publication date that is a range (a weekly's "2019-09-02/2019-09-08")
 *    resolves each phrase against its first and its last day and returns
 *    the interval from the earliest to the latest result ("last Friday" →
 *    2019-08-30/2019-09-06), or the one date when both agree.  An
 *    approximate publication date makes relative results approximate.
 *  - Phrases counted from an earlier date ("a day later", "the week
 *    before") use @previous, or the publication date without one; an
 *    interval or an approximate date is carried through: both ends move,
 *    each keeps its "~" and its precision where it can ("a month later"
 *    than "2019-05" is "2019-06").
 *  - A phrase right after a verb of reporting ("minutes released this
 *    week", "she said on Friday") dates the report, not an event: it is
 *    resolved like any other, but phrases counted from an earlier date
 *    skip it ("…on May 4, according to minutes released this week. …two
 *    days later" is May 6).  A verb further away ("said that they met on
 *    Monday") leaves the phrase to the event.
 *  - The modal verb "may" is not a month: lower-case "may" never is, and a
 *    capitalised "May" (also "March" and the abbreviations) only with a
 *    day or year beside it, or after "in", "on", "early", "mid-", … —
 *    never alone at the start of a sentence ("May I ask…"). */

/* ---------------------------------------------------------------------- */
/* Calendar points and spans                                                */

typedef enum {
  PREC_YEAR,
  PREC_MONTH,
  PREC_DAY,
} Prec;

/* One end of a resolved date: a year, month or day, maybe approximate, or
 * open ("..").  Days in this file are GDate Julian day numbers. */
typedef struct {
  gboolean open;
  gboolean approx;
  Prec prec;
  int y, m, d;
} Point;

typedef struct {
  Point start;
  Point end;
} Span;

/* Years that stay far from the limits of GDate (1..65535) whatever a
 * phrase adds or takes away (at most 99 units of anything). */
#define MIN_YEAR 1000
#define MAX_YEAR 8999

static guint32
jdn (int y,
     int m,
     int d)
{
  GDate date;

  g_assert (g_date_valid_dmy (d, m, y));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

static void
from_jdn (guint32  j,
          int     *y,
          int     *m,
          int     *d)
{
  GDate date;

  g_assert (g_date_valid_julian (j));
  g_date_clear (&date, 1);
  g_date_set_julian (&date, j);
  *y = g_date_get_year (&date);
  *m = g_date_get_month (&date);
  *d = g_date_get_day (&date);
}

static int
days_in_month (int y,
               int m)
{
  return g_date_get_days_in_month (m, y);
}

/* 1 = Monday … 7 = Sunday */
static int
weekday_of (guint32 j)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, j);
  return g_date_get_weekday (&date);
}

static guint32
monday_of (guint32 j)
{
  return j - (weekday_of (j) - 1);
}

static Point
point_day (guint32 j)
{
  Point p = { .prec = PREC_DAY };

  from_jdn (j, &p.y, &p.m, &p.d);
  return p;
}

static Point
point_month (int y,
             int m)
{
  Point p = { .prec = PREC_MONTH, .y = y, .m = m };

  /* Month arithmetic may step past either end of the year. */
  while (p.m > 12)
    p.m -= 12, p.y++;
  while (p.m < 1)
    p.m += 12, p.y--;
  return p;
}

static Point
point_year (int y)
{
  Point p = { .prec = PREC_YEAR, .y = y };

  return p;
}

static gboolean
point_valid (const Point *p)
{
  if (p->open)
    return TRUE;
  if (p->y < MIN_YEAR - 200 || p->y > MAX_YEAR + 200)
    return FALSE;
  if (p->prec >= PREC_MONTH && (p->m < 1 || p->m > 12))
    return FALSE;
  if (p->prec == PREC_DAY && !g_date_valid_dmy (p->d, p->m, p->y))
    return FALSE;
  return TRUE;
}

static guint32
point_first (const Point *p)
{
  switch (p->prec)
    {
    case PREC_YEAR:
      return jdn (p->y, 1, 1);
    case PREC_MONTH:
      return jdn (p->y, p->m, 1);
    case PREC_DAY:
    default:
      return jdn (p->y, p->m, p->d);
    }
}

static guint32
point_last (const Point *p)
{
  switch (p->prec)
    {
    case PREC_YEAR:
      return jdn (p->y, 12, 31);
    case PREC_MONTH:
      return jdn (p->y, p->m, days_in_month (p->y, p->m));
    case PREC_DAY:
    default:
      return jdn (p->y, p->m, p->d);
    }
}

static gboolean
point_equal (const Point *a,
             const Point *b)
{
  if (a->open || b->open)
    return a->open == b->open;
  return a->prec == b->prec && a->approx == b->approx && a->y == b->y
         && (a->prec < PREC_MONTH || a->m == b->m)
         && (a->prec < PREC_DAY || a->d == b->d);
}

static Span
span_one (Point p)
{
  Span s = { p, p };

  return s;
}

static Span
span_days (guint32 first,
           guint32 last)
{
  Span s = { point_day (first), point_day (last) };

  return s;
}

static Span
span_months (int y,
             int first,
             int last)
{
  Span s = { point_month (y, first), point_month (y, last) };

  return s;
}

static void
append_point (GString     *out,
              const Point *p)
{
  if (p->open)
    {
      g_string_append (out, "..");
      return;
    }
  g_string_append_printf (out, "%04d", p->y);
  if (p->prec >= PREC_MONTH)
    g_string_append_printf (out, "-%02d", p->m);
  if (p->prec >= PREC_DAY)
    g_string_append_printf (out, "-%02d", p->d);
  if (p->approx)
    g_string_append_c (out, '~');
}

/* The EDTF of @span, or NULL if it is not one the core accepts (a year out
 * of reach, an interval that ends before it starts). */
static char *
span_to_edtf (const Span *span)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (span->start.open && span->end.open)
    return NULL;
  if (!point_valid (&span->start) || !point_valid (&span->end))
    return NULL;
  if ((!span->start.open && (span->start.y < 1 || span->start.y > 9999))
      || (!span->end.open && (span->end.y < 1 || span->end.y > 9999)))
    return NULL;

  append_point (out, &span->start);
  if (!point_equal (&span->start, &span->end))
    {
      g_string_append_c (out, '/');
      append_point (out, &span->end);
    }

  if (!ties_date_validate (out->str, NULL, NULL))
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Reads one side of an EDTF text into a point.  The precision is kept
 * when the side is one whole year or month; anything else (a season,
 * "201X", a time of day, a set) becomes its first or last day. */
static gboolean
point_from_date (TiesDate *date,
                 gboolean  as_end,
                 Point    *p)
{
  gint64 first, last;
  guint32 j;
  TiesDatePrecision precision = ties_date_get_precision (date);

  ties_date_get_strict_range (date, &first, &last);
  memset (p, 0, sizeof *p);
  if (first == TIES_DATE_DAY_MIN && last == TIES_DATE_DAY_MAX)
    return FALSE;
  if ((as_end && last == TIES_DATE_DAY_MAX) || (!as_end && first == TIES_DATE_DAY_MIN))
    {
      p->open = TRUE;
      return TRUE;
    }
  if (first < jdn (MIN_YEAR, 1, 1) || last > jdn (MAX_YEAR, 12, 31))
    return FALSE;

  j = (guint32) (as_end ? last : first);
  *p = point_day (j);
  p->approx = ties_date_is_approximate (date);

  if (ties_date_get_kind (date) != TIES_DATE_KIND_SINGLE)
    return TRUE;
  if (precision == TIES_DATE_PRECISION_YEAR
      && first == jdn (p->y, 1, 1) && last == jdn (p->y, 12, 31))
    p->prec = PREC_YEAR;
  else if (precision == TIES_DATE_PRECISION_MONTH
           && first == jdn (p->y, p->m, 1)
           && last == jdn (p->y, p->m, days_in_month (p->y, p->m)))
    p->prec = PREC_MONTH;
  return TRUE;
}

/* The two ends of an EDTF date, each with its own precision and "~". */
static gboolean
anchor_parse (const char *edtf,
              Span       *anchor)
{
  g_autoptr(TiesDate) date = NULL;

  if (edtf == NULL || *edtf == '\0')
    return FALSE;
  date = ties_date_parse (edtf, NULL, NULL);
  if (date == NULL)
    return FALSE;

  if (ties_date_get_kind (date) == TIES_DATE_KIND_INTERVAL)
    {
      g_auto(GStrv) sides = g_strsplit (edtf, "/", 2);

      for (guint i = 0; i < 2; i++)
        {
          Point *p = i == 0 ? &anchor->start : &anchor->end;
          g_autoptr(TiesDate) side = NULL;

          memset (p, 0, sizeof *p);
          if (sides[i] == NULL || *sides[i] == '\0' || g_str_equal (sides[i], ".."))
            {
              p->open = TRUE;
              continue;
            }
          side = ties_date_parse (sides[i], NULL, NULL);
          if (side == NULL || !point_from_date (side, i == 1, p))
            return FALSE;
        }
      return !(anchor->start.open && anchor->end.open);
    }

  return point_from_date (date, FALSE, &anchor->start)
         && point_from_date (date, TRUE, &anchor->end)
         && !(anchor->start.open && anchor->end.open);
}

/* ---------------------------------------------------------------------- */
/* What a phrase says                                                      */

typedef enum {
  KIND_ABSOLUTE,      /* "17 April 2019", "in April", "2019" (y == 0: no year) */
  KIND_PUB_PERIOD,    /* "yesterday", "last week", "this month": unit, n from publication */
  KIND_PUB_SHIFT,     /* "in two weeks", "three days ago" */
  KIND_PREV_SHIFT,    /* "a day later", "two weeks earlier" */
  KIND_PREV_PERIOD,   /* "the next day", "the week before" */
  KIND_WEEKDAY,       /* "last Friday", "on Monday" */
  KIND_RANGE,         /* "between April and June 2019": y, m, d to to_y, to_m, to_d */
} Kind;

typedef enum {
  UNIT_DAY,
  UNIT_WEEK,
  UNIT_MONTH,
  UNIT_YEAR,
} Unit;

typedef enum {
  PART_WHOLE,
  PART_EARLY,
  PART_MID,
  PART_LATE,
  PART_START,
  PART_END,
  PART_EARLIER,   /* "earlier this month": from the start to the day before */
  PART_LATER,     /* "later this month": from the day after to the end */
  PART_WEEKEND,   /* of a week: Saturday and Sunday */
} Part;

typedef enum {
  WEEKDAY_BARE,
  WEEKDAY_LAST,
  WEEKDAY_NEXT,
  WEEKDAY_THIS,
} WeekdayMode;

typedef struct {
  Kind kind;
  int y, m, d;        /* KIND_ABSOLUTE */
  int d2;             /* KIND_ABSOLUTE: the last day of "22–25 January", or 0 */
  int to_y, to_m, to_d;   /* KIND_RANGE: the second date */
  Unit unit;
  int n;              /* signed count of units */
  int extra_days;     /* "a week and a half": the half, in days */
  int weekday;        /* 1 = Monday … 7 = Sunday */
  WeekdayMode mode;
  Part part;
  gboolean approx;
  gboolean future;    /* a bare weekday in a sentence about the future */
  gboolean latest;    /* "over the weekend": the last one begun by the publication */
} Spec;

/* The period a spec names, before a part of it is taken. */
typedef struct {
  Unit unit;
  int y, m;
  guint32 first;      /* UNIT_DAY, UNIT_WEEK: the first day */
} Period;

static Span
period_part (const Period *period,
             Part          part,
             guint32       anchor)
{
  Span s;

  switch (period->unit)
    {
    case UNIT_YEAR:
      {
        int y = period->y;
        /* An absolute year sets first: "earlier" then has no day to count from. */
        gboolean inside = !period->first && anchor >= jdn (y, 1, 1) && anchor <= jdn (y, 12, 31);
        int ay = 0, am = 0, ad = 0;

        if (inside)
          from_jdn (anchor, &ay, &am, &ad);
        switch (part)
          {
          case PART_EARLY: return span_months (y, 1, 4);
          case PART_MID: return span_months (y, 5, 8);
          case PART_LATE: return span_months (y, 9, 12);
          case PART_START:
            s = span_one (point_month (y, 1));
            s.start.approx = s.end.approx = TRUE;
            return s;
          case PART_END:
            s = span_one (point_month (y, 12));
            s.start.approx = s.end.approx = TRUE;
            return s;
          case PART_EARLIER:
            if (inside)
              return span_months (y, 1, am);
            return span_one (point_year (y));
          case PART_LATER:
            if (inside)
              return span_months (y, am, 12);
            return span_one (point_year (y));
          case PART_WHOLE:
          default:
            return span_one (point_year (y));
          }
      }

    case UNIT_MONTH:
      {
        int y = period->y, m = period->m, dim = days_in_month (y, m);
        guint32 first = jdn (y, m, 1), last = jdn (y, m, dim);

        switch (part)
          {
          case PART_EARLY: return span_days (first, first + 9);
          case PART_MID: return span_days (first + 10, first + 19);
          case PART_LATE: return span_days (first + 20, last);
          case PART_START: return span_days (first, first + 6);
          case PART_END: return span_days (last - 6, last);
          case PART_EARLIER:
            if (anchor > first && anchor <= last)
              return span_days (first, anchor - 1);
            return span_one (point_month (y, m));
          case PART_LATER:
            if (anchor >= first && anchor < last)
              return span_days (anchor + 1, last);
            return span_one (point_month (y, m));
          case PART_WHOLE:
          default:
            return span_one (point_month (y, m));
          }
      }

    case UNIT_WEEK:
      {
        guint32 first = period->first, last = first + 6;

        switch (part)
          {
          case PART_EARLY:
          case PART_START:
            return span_days (first, first + 2);
          case PART_MID: return span_days (first + 1, first + 3);
          case PART_LATE:
          case PART_END:
            return span_days (first + 3, last);
          case PART_WEEKEND:
            return span_days (first + 5, last);
          case PART_EARLIER:
            if (anchor > first && anchor <= last)
              return span_days (first, anchor - 1);
            return span_days (first, last);
          case PART_LATER:
            if (anchor >= first && anchor < last)
              return span_days (anchor + 1, last);
            return span_days (first, last);
          case PART_WHOLE:
          default:
            return span_days (first, last);
          }
      }

    case UNIT_DAY:
    default:
      return span_one (point_day (period->first));
    }
}

static guint32
add_months (guint32 j,
            int     n)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, j);
  if (n >= 0)
    g_date_add_months (&date, n);
  else
    g_date_subtract_months (&date, -n);
  return g_date_get_julian (&date);
}

/* GDate clamps 29 February to the 28th either way. */
static guint32
add_years (guint32 j,
           int     n)
{
  return add_months (j, 12 * n);
}

/* An absolute date's span; FALSE if the day does not exist in @y. */
static gboolean
absolute_span (const Spec *spec,
               int         y,
               guint32     anchor,
               Span       *out)
{
  Period period = { 0 };

  if (spec->m == 0)
    {
      period.unit = UNIT_YEAR;
      period.y = y;
      period.first = 1;   /* not the publication year: "earlier" has no meaning */
      *out = period_part (&period, spec->part, anchor);
      return TRUE;
    }
  if (spec->d == 0)
    {
      period.unit = UNIT_MONTH;
      period.y = y;
      period.m = spec->m;
      *out = period_part (&period, spec->part, anchor);
      return TRUE;
    }
  if (!g_date_valid_dmy (spec->d, spec->m, y))
    return FALSE;
  if (spec->d2 != 0)
    {
      if (!g_date_valid_dmy (spec->d2, spec->m, y))
        return FALSE;
      *out = span_days (jdn (y, spec->m, spec->d), jdn (y, spec->m, spec->d2));
      return TRUE;
    }
  *out = span_one (point_day (jdn (y, spec->m, spec->d)));
  return TRUE;
}

/* Resolves a phrase counted from the publication against one day of it. */
static gboolean
resolve_at_day (const Spec *spec,
                guint32     anchor,
                Span       *out)
{
  int ay, am, ad;
  Period period = { 0 };

  from_jdn (anchor, &ay, &am, &ad);

  switch (spec->kind)
    {
    case KIND_ABSOLUTE:
      if (spec->y != 0)
        return absolute_span (spec, spec->y, anchor, out);
      /* The latest year that does not put it after the publication; a
       * 29 February may need a few years more. */
      for (int y = ay; y > ay - 8; y--)
        {
          if (absolute_span (spec, y, anchor, out) && point_first (&out->start) <= anchor)
            return TRUE;
        }
      return FALSE;

    case KIND_PUB_PERIOD:
      period.unit = spec->unit;
      switch (spec->unit)
        {
        case UNIT_DAY:
          period.first = anchor + spec->n;
          break;
        case UNIT_WEEK:
          period.first = monday_of (anchor) + 7 * spec->n;
          if (spec->latest && weekday_of (anchor) < 6)
            period.first -= 7;
          break;
        case UNIT_MONTH:
          {
            Point p = point_month (ay, am + spec->n);

            period.y = p.y;
            period.m = p.m;
          }
          break;
        case UNIT_YEAR:
        default:
          period.y = ay + spec->n;
          break;
        }
      *out = period_part (&period, spec->part, anchor);
      return TRUE;

    case KIND_PUB_SHIFT:
      switch (spec->unit)
        {
        case UNIT_DAY:
          *out = span_one (point_day (anchor + spec->n + spec->extra_days));
          break;
        case UNIT_WEEK:
          *out = span_one (point_day (anchor + 7 * spec->n + spec->extra_days));
          break;
        case UNIT_MONTH:
          *out = span_one (point_day (add_months (anchor, spec->n)));
          break;
        case UNIT_YEAR:
        default:
          *out = span_one (point_day (add_years (anchor, spec->n)));
          break;
        }
      return TRUE;

    case KIND_WEEKDAY:
      {
        int w = weekday_of (anchor);
        int back = (w - spec->weekday + 7) % 7;
        int ahead = (spec->weekday - w + 7) % 7;
        guint32 day;

        switch (spec->mode)
          {
          case WEEKDAY_LAST:
            day = anchor - (back ? back : 7);
            break;
          case WEEKDAY_NEXT:
            day = anchor + (ahead ? ahead : 7);
            break;
          case WEEKDAY_THIS:
            day = monday_of (anchor) + spec->weekday - 1;
            break;
          case WEEKDAY_BARE:
          default:
            day = spec->future ? anchor + (ahead ? ahead : 7) : anchor - back;
            break;
          }
        *out = span_one (point_day (day));
        return TRUE;
      }

    case KIND_PREV_SHIFT:
    case KIND_PREV_PERIOD:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static Point
shift_point (const Point *p,
             const Spec  *spec,
             gboolean     as_end)
{
  Point out = *p;

  if (p->open)
    return out;

  switch (spec->unit)
    {
    case UNIT_DAY:
    case UNIT_WEEK:
      out = point_day ((as_end ? point_last (p) : point_first (p))
                       + spec->n * (spec->unit == UNIT_WEEK ? 7 : 1) + spec->extra_days);
      break;
    case UNIT_MONTH:
      if (p->prec == PREC_DAY)
        out = point_day (add_months (point_first (p), spec->n));
      else if (p->prec == PREC_MONTH)
        out = point_month (p->y, p->m + spec->n);
      else
        out = point_month (p->y, (as_end ? 12 : 1) + spec->n);
      break;
    case UNIT_YEAR:
    default:
      if (p->prec == PREC_DAY)
        out = point_day (add_years (point_first (p), spec->n));
      else
        out.y += spec->n;
      break;
    }
  out.approx = p->approx;
  return out;
}

/* "the week before", "the next day": the period next to the one that
 * holds @p. */
static Point
neighbour_point (const Point *p,
                 const Spec  *spec,
                 gboolean     as_end)
{
  Point out = *p;
  guint32 j;

  if (p->open)
    return out;

  j = as_end ? point_last (p) : point_first (p);
  switch (spec->unit)
    {
    case UNIT_DAY:
      out = point_day (j + spec->n);
      break;
    case UNIT_WEEK:
      out = point_day (monday_of (j) + 7 * spec->n + (as_end ? 6 : 0));
      break;
    case UNIT_MONTH:
      {
        int y, m, d;

        from_jdn (j, &y, &m, &d);
        out = point_month (y, m + spec->n);
      }
      break;
    case UNIT_YEAR:
    default:
      {
        int y, m, d;

        from_jdn (j, &y, &m, &d);
        out = point_year (y + spec->n);
      }
      break;
    }
  out.approx = p->approx;
  return out;
}

static char *resolve_spec (const Spec *spec,
                           const char *published,
                           const char *previous);

/* "between April and June 2019", "from 30 April to 2 May": each date on
 * its own, the first taking the second's year ("April" before "June
 * 2019" is April 2019, "December" before "February 2020" December 2019). */
static char *
resolve_range (const Spec *spec,
               const char *published)
{
  Spec from = { .kind = KIND_ABSOLUTE, .y = spec->y, .m = spec->m, .d = spec->d };
  Spec to = { .kind = KIND_ABSOLUTE, .y = spec->to_y, .m = spec->to_m, .d = spec->to_d };
  g_autofree char *from_edtf = NULL;
  g_autofree char *to_edtf = NULL;
  Span from_span, to_span, result;

  g_assert (spec->kind == KIND_RANGE);

  if (to.y == 0 && from.y != 0 && to.m != 0)
    to.y = from.y + (to.m < from.m || (to.m == from.m && to.d < from.d));
  to_edtf = resolve_spec (&to, published, NULL);
  if (to_edtf == NULL || !anchor_parse (to_edtf, &to_span))
    return NULL;
  if (from.y == 0)
    {
      if (from.m == 0)
        return NULL;
      from.y = to_span.end.y;
      if (to.m != 0 && (from.m > to.m || (from.m == to.m && from.d > to.d)))
        from.y--;
    }
  from_edtf = resolve_spec (&from, published, NULL);
  if (from_edtf == NULL || !anchor_parse (from_edtf, &from_span))
    return NULL;

  result.start = from_span.start;
  result.end = to_span.end;
  if (point_first (&result.start) > point_last (&result.end))
    return NULL;
  result.start.approx = result.end.approx = spec->approx;
  return span_to_edtf (&result);
}

static char *
resolve_spec (const Spec *spec,
              const char *published,
              const char *previous)
{
  Span anchor, result;
  gboolean approx_anchor;

  if (spec->kind == KIND_RANGE)
    return resolve_range (spec, published);

  if (spec->kind == KIND_PREV_SHIFT || spec->kind == KIND_PREV_PERIOD)
    {
      if (!anchor_parse (previous, &anchor) && !anchor_parse (published, &anchor))
        return NULL;
      if (spec->kind == KIND_PREV_SHIFT)
        {
          result.start = shift_point (&anchor.start, spec, FALSE);
          result.end = shift_point (&anchor.end, spec, TRUE);
        }
      else
        {
          result.start = neighbour_point (&anchor.start, spec, FALSE);
          result.end = neighbour_point (&anchor.end, spec, TRUE);
        }
    }
  else if (spec->kind == KIND_ABSOLUTE && spec->y != 0)
    {
      /* Needs no publication date at all. */
      if (!absolute_span (spec, spec->y, 0, &result))
        return NULL;
    }
  else
    {
      Span first_span, last_span;

      if (!anchor_parse (published, &anchor))
        return NULL;
      approx_anchor = anchor.start.approx || anchor.end.approx;

      /* A year-less date is impossible only after the last day the source
       * may have been published: "Sept 3" in a paper of 2 to 8 September
       * 2019 is 2019-09-03, not 2018-09-03/2019-09-03. */
      if (spec->kind == KIND_ABSOLUTE && !anchor.end.open)
        anchor.start = anchor.end;

      if (!anchor.start.open
          && !resolve_at_day (spec, point_first (&anchor.start), &first_span))
        return NULL;
      if (!anchor.end.open
          && !resolve_at_day (spec, point_last (&anchor.end), &last_span))
        return NULL;

      /* The honest answer for a range of publication days: from the
       * earliest to the latest reading. */
      if (anchor.start.open)
        result.start = anchor.start;
      else if (anchor.end.open
               || point_first (&first_span.start) <= point_first (&last_span.start))
        result.start = first_span.start;
      else
        result.start = last_span.start;

      if (anchor.end.open)
        result.end = anchor.end;
      else if (anchor.start.open
               || point_last (&last_span.end) >= point_last (&first_span.end))
        result.end = last_span.end;
      else
        result.end = first_span.end;

      if (approx_anchor && spec->kind != KIND_ABSOLUTE)
        {
          if (!result.start.open)
            result.start.approx = TRUE;
          if (!result.end.open)
            result.end.approx = TRUE;
        }
    }

  if (spec->approx)
    {
      if (!result.start.open)
        result.start.approx = TRUE;
      if (!result.end.open)
        result.end.approx = TRUE;
    }

  return span_to_edtf (&result);
}

/* ---------------------------------------------------------------------- */
/* Words                                                                   */

typedef enum {
  TOKEN_WORD,
  TOKEN_NUMBER,
  TOKEN_PUNCT,
} TokenType;

typedef struct {
  TokenType type;
  char *lower;          /* casefolded word, digits, or the punctuation */
  int number;           /* TOKEN_NUMBER: its value (capped), else -1 */
  guint n_digits;
  gboolean ordinal;     /* "17th" */
  gboolean capital;     /* starts with an upper-case letter */
  gboolean space_before;
  gunichar punct;
  glong cstart, cend;   /* code points */
  gsize bstart, bend;   /* bytes */
} Token;

typedef struct {
  GArray *tokens;       /* of Token */
  gboolean scan;        /* finding phrases in running text: stricter */
} Words;

static void
token_clear (gpointer data)
{
  Token *t = data;

  g_free (t->lower);
}

static gboolean
is_word_char (gunichar c)
{
  /* Marks keep a decomposed "Māori" one word. */
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  const char *p = text;
  glong cp = 0;
  gboolean space = TRUE;

  g_array_set_clear_func (tokens, token_clear);

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      Token t = { 0 };

      if (g_unichar_isspace (c) && c != '\n')
        {
          p = g_utf8_next_char (p);
          cp++;
          space = TRUE;
          continue;
        }

      t.space_before = space;
      t.cstart = cp;
      t.bstart = p - text;
      t.number = -1;

      if (is_word_char (c))
        {
          const char *q = p;
          gboolean digits = TRUE;
          guint n_digits = 0;
          g_autofree char *word = NULL;

          t.capital = g_unichar_isupper (c) || g_unichar_istitle (c);
          while (*q != '\0' && is_word_char (g_utf8_get_char (q)))
            {
              gunichar d = g_utf8_get_char (q);

              if (digits && d >= '0' && d <= '9')
                n_digits++;
              else
                digits = FALSE;
              q = g_utf8_next_char (q);
              cp++;
            }
          word = g_utf8_casefold (p, q - p);
          t.lower = g_utf8_normalize (word, -1, G_NORMALIZE_NFC);
          if (n_digits > 0)
            {
              const char *rest = t.lower + n_digits;

              t.ordinal = g_str_equal (rest, "st") || g_str_equal (rest, "nd")
                          || g_str_equal (rest, "rd") || g_str_equal (rest, "th");
              if (*rest == '\0' || t.ordinal)
                {
                  t.type = TOKEN_NUMBER;
                  t.n_digits = n_digits;
                  t.number = n_digits <= 6 ? (int) g_ascii_strtoull (t.lower, NULL, 10) : G_MAXINT;
                }
              else
                t.type = TOKEN_WORD;
            }
          else
            t.type = TOKEN_WORD;
          p = q;
        }
      else
        {
          t.type = TOKEN_PUNCT;
          t.punct = c;
          t.lower = g_ucs4_to_utf8 (&c, 1, NULL, NULL, NULL);
          p = g_utf8_next_char (p);
          cp++;
        }

      t.cend = cp;
      t.bend = p - text;
      space = c == '\n';
      g_array_append_val (tokens, t);
    }

  return tokens;
}

static const Token *
tok (const Words *w,
     guint        i)
{
  if (i >= w->tokens->len)
    return NULL;
  return &g_array_index (w->tokens, Token, i);
}

static gboolean
is_word (const Words *w,
         guint        i,
         const char  *word)
{
  const Token *t = tok (w, i);

  return t != NULL && t->type == TOKEN_WORD && g_str_equal (t->lower, word);
}

static gboolean
is_punct (const Words *w,
          guint        i,
          gunichar     c)
{
  const Token *t = tok (w, i);

  return t != NULL && t->type == TOKEN_PUNCT && t->punct == c;
}

static gboolean
is_dash (const Words *w,
         guint        i)
{
  return is_punct (w, i, '-') || is_punct (w, i, 0x2010) || is_punct (w, i, 0x2011)
         || is_punct (w, i, 0x2013);
}

/* Returns the index of @word in NULL-terminated @words, or -1. */
static int
word_index (const Words        *w,
            guint               i,
            const char * const *words)
{
  const Token *t = tok (w, i);

  if (t == NULL || t->type != TOKEN_WORD)
    return -1;
  for (int k = 0; words[k] != NULL; k++)
    if (g_str_equal (t->lower, words[k]))
      return k;
  return -1;
}

static const char * const month_names[] = {
  "january", "february", "march", "april", "may", "june", "july",
  "august", "september", "october", "november", "december", NULL
};
static const char * const month_abbrevs[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
  "nov", "dec", NULL
};
static const char * const weekday_names[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
  "sunday", NULL
};
static const char * const number_words[] = {
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
  "nine", "ten", "eleven", "twelve", NULL
};

/* A sentence starts here: nothing before, or a full stop, "!", "?" or a
 * line break, maybe followed by opening quotes or brackets. */
static gboolean
sentence_initial (const Words *w,
                  guint        i)
{
  while (i > 0)
    {
      const Token *t = tok (w, i - 1);

      if (t->type != TOKEN_PUNCT)
        return FALSE;
      /* "4.2 million" does not end a sentence. */
      if (t->punct == '.')
        return tok (w, i)->space_before || tok (w, i)->type != TOKEN_NUMBER;
      if (t->punct == '!' || t->punct == '?' || t->punct == '\n')
        return TRUE;
      if (!(t->punct == '"' || t->punct == '\'' || t->punct == 0x201C
            || t->punct == 0x2018 || t->punct == '(' || t->punct == '['))
        return FALSE;
      i--;
    }
  return TRUE;
}

static gboolean
day_at (const Words *w,
        guint        i,
        int         *day)
{
  const Token *t = tok (w, i);

  if (t == NULL || t->type != TOKEN_NUMBER || t->n_digits > 2
      || t->number < 1 || t->number > 31)
    return FALSE;
  /* "17.5", "4:30" are not days. */
  if ((is_punct (w, i + 1, '.') || is_punct (w, i + 1, ':') || is_punct (w, i + 1, ','))
      && tok (w, i + 2) != NULL && tok (w, i + 2)->type == TOKEN_NUMBER
      && !tok (w, i + 2)->space_before)
    return FALSE;
  *day = t->number;
  return TRUE;
}

static gboolean
year_at (const Words *w,
         guint        i,
         int         *year)
{
  const Token *t = tok (w, i);
  const Token *next = tok (w, i + 1);
  const Token *prev = i > 0 ? tok (w, i - 1) : NULL;

  if (t == NULL || t->type != TOKEN_NUMBER || t->ordinal || t->n_digits != 4
      || t->number < MIN_YEAR || t->number > 2999)
    return FALSE;
  /* Not part of a bigger number ("1,2019", "4.2019", "2019.5", "2019%"). */
  if (next != NULL && !next->space_before && next->type == TOKEN_PUNCT
      && (next->punct == '%' || next->punct == ':'
          || ((next->punct == '.' || next->punct == ',') && tok (w, i + 2) != NULL
              && tok (w, i + 2)->type == TOKEN_NUMBER && !tok (w, i + 2)->space_before)))
    return FALSE;
  if (prev != NULL && !t->space_before && prev->type == TOKEN_PUNCT
      && (prev->punct == '.' || prev->punct == ',' || prev->punct == '$')
      && i > 1 && tok (w, i - 2)->type == TOKEN_NUMBER)
    return FALSE;
  *year = t->number;
  return TRUE;
}

/* Words after which a capitalised "May" is the month. */
static const char * const month_intro[] = {
  "in", "on", "early", "mid", "late", "of", "since", "until", "till",
  "through", "during", "by", "from", "to", "last", "next", "this", "around",
  "about", "before", "after", "throughout", "between", NULL
};

/* A month name at @i; returns the index after it (after the abbreviation's
 * full stop), or 0. */
static guint
month_at (const Words *w,
          guint        i,
          int         *month)
{
  const Token *t = tok (w, i);
  int k;
  gboolean strict = FALSE;
  guint end = i + 1;
  int dummy;
  gboolean with_number;

  if (t == NULL || t->type != TOKEN_WORD)
    return 0;
  k = word_index (w, i, month_names);
  if (k < 0)
    {
      k = word_index (w, i, month_abbrevs);
      if (k < 0 && g_str_equal (t->lower, "sept"))
        k = 8;
      if (k < 0)
        return 0;
      strict = TRUE;
      if (is_punct (w, end, '.') && !tok (w, end)->space_before)
        end++;
    }
  /* "may" and "march" the verbs, "august" the adjective */
  if (k == 4 || k == 2 || k == 7)
    strict = TRUE;

  /* In running text a month alone needs words that make it one ("in
   * April", "early June"): "April Smith", "June said" are people. */
  if (w->scan)
    {
      const Token *prev = i > 0 ? tok (w, i - 1) : NULL;

      with_number = day_at (w, end, &dummy) || year_at (w, end, &dummy)
                    || (prev != NULL && prev->type == TOKEN_NUMBER && prev->number <= 31
                        && day_at (w, i - 1, &dummy));
      if (strict && !t->capital)
        return 0;
      if (!with_number)
        {
          if (sentence_initial (w, i))
            return 0;
          if (!(word_index (w, i - 1, month_intro) >= 0
                || (i >= 2 && is_dash (w, i - 1) && is_word (w, i - 2, "mid"))
                /* "between April and June", but not "Ardern and May" */
                || (i >= 2 && is_word (w, i - 1, "and")
                    && word_index (w, i - 2, month_names) >= 0)))
            return 0;
        }
    }

  *month = k + 1;
  return end;
}

static guint
weekday_at (const Words *w,
            guint        i,
            gboolean     abbreviated,
            int         *weekday)
{
  static const char * const abbrevs[] = {
    "mon", "tue", "wed", "thu", "fri", "sat", "sun", NULL
  };
  int k = word_index (w, i, weekday_names);
  guint end = i + 1;

  if (k < 0 && abbreviated)
    {
      k = word_index (w, i, abbrevs);
      if (k < 0 && is_word (w, i, "tues"))
        k = 1;
      if (k < 0 && is_word (w, i, "thurs"))
        k = 3;
      if (k >= 0 && is_punct (w, end, '.') && !tok (w, end)->space_before)
        end++;
    }
  if (k < 0)
    return 0;
  *weekday = k + 1;
  return end;
}

/* A small count: digits, "one" … "twelve", or "a" / "an". */
static gboolean
count_at (const Words *w,
          guint        i,
          int         *n)
{
  const Token *t = tok (w, i);
  int k;

  if (t == NULL)
    return FALSE;
  if (t->type == TOKEN_NUMBER && !t->ordinal && t->number >= 1 && t->number <= 99)
    {
      *n = t->number;
      return TRUE;
    }
  if (is_word (w, i, "a") || is_word (w, i, "an"))
    {
      *n = 1;
      return TRUE;
    }
  k = word_index (w, i, number_words);
  if (k >= 1)
    {
      *n = k;
      return TRUE;
    }
  return FALSE;
}

/* "day", "weeks", "fortnight"…; *scale multiplies the count. */
static gboolean
unit_at (const Words *w,
         guint        i,
         gboolean     plural_ok,
         Unit        *unit,
         int         *scale)
{
  static const char * const singular[] = { "day", "week", "month", "year", "fortnight", NULL };
  static const char * const plural[] = { "days", "weeks", "months", "years", "fortnights", NULL };
  int k = word_index (w, i, singular);

  if (k < 0 && plural_ok)
    k = word_index (w, i, plural);
  if (k < 0)
    return FALSE;
  *scale = k == 4 ? 2 : 1;
  *unit = k == 4 ? UNIT_WEEK : (Unit) k;
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Phrases                                                                 */

/* The end of a range of days after its first day: "–25", "-25", "to 25";
 * returns the index after it, or 0. */
static guint
range_end_at (const Words *w,
              guint        i,
              int         *last_day)
{
  if (!(is_dash (w, i) || is_word (w, i, "to")))
    return 0;
  if (!day_at (w, i + 1, last_day))
    return 0;
  return i + 2;
}

/* Words that may follow a year standing alone in running text. */
static const char * const after_year[] = {
  "the", "a", "and", "or", "but", "when", "after", "before", "to", "was",
  "is", "saw", "as", "in", "at", "on", "with", "for", "she", "he", "they",
  "it", "we", "there", "that", "which", "had", "has", "have", "were", "until",
  "onwards", "onward", "through", NULL
};

/* "17 April 2019", "Monday, April 17", "the 17th of April", "May 2019",
 * "in April" (without the "in"), "2019". */
static guint
match_absolute (const Words *w,
                guint        i,
                Spec        *spec)
{
  guint k = i, e;
  int wd = 0, d = 0, d2 = 0, m = 0, y = 0;

  memset (spec, 0, sizeof *spec);
  spec->kind = KIND_ABSOLUTE;

  /* A weekday before a date is part of the phrase and says no more. */
  if ((e = weekday_at (w, k, TRUE, &wd)) != 0)
    {
      guint after = e;

      if (is_punct (w, after, ','))
        after++;
      if (is_word (w, after, "the"))
        after++;
      if (day_at (w, after, &d)
          && month_at (w, is_word (w, after + 1, "of") ? after + 2 : after + 1, &m))
        k = after;
      else if ((e = month_at (w, after, &m)) != 0 && day_at (w, e, &d))
        k = after;
      else
        return 0;
    }
  else if (is_word (w, k, "the") && tok (w, k + 1) != NULL && tok (w, k + 1)->ordinal)
    k++;

  if (day_at (w, k, &d))
    {
      guint after = range_end_at (w, k + 1, &d2);
      guint of;

      if (after == 0)
        after = k + 1, d2 = 0;
      of = is_word (w, after, "of") ? after + 1 : after;

      if ((e = month_at (w, of, &m)) == 0)
        goto year_only;
    }
  else if ((e = month_at (w, k, &m)) != 0)
    {
      d = 0;
      if (day_at (w, e, &d))
        {
          /* "May 2019" is a month, not the 20th: day_at takes only two digits. */
          e++;
          if ((k = range_end_at (w, e, &d2)) != 0)
            e = k;
          else
            d2 = 0;
        }
    }
  else
    goto year_only;

  /* An optional year: "17 April 2019", "April 17, 2019". */
  if (year_at (w, e, &y))
    e++;
  else if (d != 0 && is_punct (w, e, ',') && year_at (w, e + 1, &y))
    e += 2;

  if (d != 0 && !g_date_valid_dmy (d, m, y != 0 ? y : 2000))
    return 0;
  if (d2 != 0 && (d2 <= d || !g_date_valid_dmy (d2, m, y != 0 ? y : 2000)))
    return 0;
  spec->y = y;
  spec->m = m;
  spec->d = d;
  spec->d2 = d2;
  return e;

year_only:
  if (k != i || !year_at (w, i, &y))
    return 0;
  /* "2000 people", "1500 delegates": a year is followed by a word of a
   * sentence, not by what a number counts. */
  if (w->scan && tok (w, i + 1) != NULL && tok (w, i + 1)->type == TOKEN_WORD
      && !tok (w, i + 1)->capital && word_index (w, i + 1, after_year) < 0)
    return 0;
  spec->y = y;
  return i + 1;
}

/* A month or a year, named or counted from the publication, for "early",
 * "the end of", …: "May", "May 2019", "2019", "this year", "last month",
 * "the year", "next week". */
static guint
match_period (const Words *w,
              guint        i,
              Spec        *spec)
{
  static const char * const rel[] = { "last", "this", "next", "the", NULL };
  int k = word_index (w, i, rel);
  guint e;
  int m, y;
  Unit unit;
  int scale;

  memset (spec, 0, sizeof *spec);
  if (k >= 0 && unit_at (w, i + 1, FALSE, &unit, &scale) && unit != UNIT_DAY && scale == 1)
    {
      spec->kind = KIND_PUB_PERIOD;
      spec->unit = unit;
      spec->n = k == 0 ? -1 : k == 2 ? 1 : 0;
      return i + 2;
    }
  if ((e = month_at (w, i, &m)) != 0)
    {
      spec->kind = KIND_ABSOLUTE;
      spec->m = m;
      if (year_at (w, e, &y))
        {
          spec->y = y;
          e++;
        }
      return e;
    }
  if (year_at (w, i, &y))
    {
      spec->kind = KIND_ABSOLUTE;
      spec->y = y;
      return i + 1;
    }
  return 0;
}

/* "early May", "mid-May 2019", "late 2018", "the start of May", "the end
 * of the year", "earlier this month", "later in the year". */
static guint
match_part (const Words *w,
            guint        i,
            Spec        *spec)
{
  static const char * const thirds[] = { "early", "mid", "late", NULL };
  static const char * const ends[] = { "start", "beginning", "middle", "end", NULL };
  static const char * const relative[] = { "earlier", "later", NULL };
  int k;
  guint e;
  Part part;

  if ((k = word_index (w, i, thirds)) >= 0)
    {
      guint j = i + 1;

      part = k == 0 ? PART_EARLY : k == 1 ? PART_MID : PART_LATE;
      if (is_dash (w, j))
        j++;
      else if (is_word (w, j, "in"))
        j++;
      if ((e = match_period (w, j, spec)) == 0)
        return 0;
      spec->part = part;
      return e;
    }

  if (is_word (w, i, "the") && (k = word_index (w, i + 1, ends)) >= 0 && is_word (w, i + 2, "of"))
    {
      part = k <= 1 ? PART_START : k == 2 ? PART_MID : PART_END;
      if ((e = match_period (w, i + 3, spec)) == 0)
        return 0;
      spec->part = part;
      return e;
    }

  if ((k = word_index (w, i, relative)) >= 0)
    {
      Unit unit;
      int scale;
      guint j = i + 1;

      if (is_word (w, j, "this"))
        j++;
      else if (is_word (w, j, "in") && is_word (w, j + 1, "the"))
        j += 2;
      else
        return 0;
      if (!unit_at (w, j, FALSE, &unit, &scale) || unit == UNIT_DAY || scale != 1)
        return 0;
      memset (spec, 0, sizeof *spec);
      spec->kind = KIND_PUB_PERIOD;
      spec->unit = unit;
      spec->part = k == 0 ? PART_EARLIER : PART_LATER;
      return j + 1;
    }

  return 0;
}

/* "last Friday", "on Monday" (without the "on"), "Friday night". */
static guint
match_weekday (const Words *w,
               guint        i,
               Spec        *spec)
{
  static const char * const modes[] = { "last", "next", "this", NULL };
  static const char * const times[] = { "morning", "afternoon", "evening", "night", NULL };
  int k = word_index (w, i, modes);
  guint e;

  memset (spec, 0, sizeof *spec);
  spec->kind = KIND_WEEKDAY;
  e = weekday_at (w, k >= 0 ? i + 1 : i, FALSE, &spec->weekday);
  if (e == 0)
    return 0;
  spec->mode = k == 0 ? WEEKDAY_LAST : k == 1 ? WEEKDAY_NEXT : k == 2 ? WEEKDAY_THIS : WEEKDAY_BARE;
  if (word_index (w, e, times) >= 0)
    e++;
  return e;
}

/* Counted from the publication: "yesterday", "last week", "in two weeks",
 * "three days ago". */
static guint
match_publication (const Words *w,
                   guint        i,
                   Spec        *spec)
{
  static const char * const rel[] = { "last", "this", "next", NULL };
  static const char * const times[] = { "morning", "afternoon", "evening", NULL };
  int k, n, scale;
  Unit unit;

  memset (spec, 0, sizeof *spec);
  spec->kind = KIND_PUB_PERIOD;
  spec->unit = UNIT_DAY;

  if (is_word (w, i, "the") && is_word (w, i + 1, "day")
      && (is_word (w, i + 2, "before") || is_word (w, i + 2, "after"))
      && (is_word (w, i + 3, "yesterday") || is_word (w, i + 3, "tomorrow")))
    {
      spec->n = is_word (w, i + 3, "yesterday") ? -2 : 2;
      return i + 4;
    }
  if (is_word (w, i, "yesterday") || is_word (w, i, "today") || is_word (w, i, "tomorrow")
      || is_word (w, i, "tonight"))
    {
      spec->n = is_word (w, i, "yesterday") ? -1 : is_word (w, i, "tomorrow") ? 1 : 0;
      return i + 1;
    }
  if (is_word (w, i, "last") && is_word (w, i + 1, "night"))
    {
      spec->n = -1;
      return i + 2;
    }
  if (is_word (w, i, "this") && word_index (w, i + 1, times) >= 0)
    return i + 2;

  /* Saturday and Sunday: "last weekend", "over the weekend" */
  if (((k = word_index (w, i, rel)) >= 0 && is_word (w, i + 1, "weekend"))
      || ((is_word (w, i, "over") || is_word (w, i, "at")) && is_word (w, i + 1, "the")
          && is_word (w, i + 2, "weekend")))
    {
      spec->unit = UNIT_WEEK;
      spec->part = PART_WEEKEND;
      spec->n = k == 0 ? -1 : k == 2 ? 1 : 0;
      spec->latest = k < 0;
      return k < 0 ? i + 3 : i + 2;
    }

  if ((k = word_index (w, i, rel)) >= 0 && unit_at (w, i + 1, FALSE, &unit, &scale)
      && unit != UNIT_DAY && scale == 1)
    {
      spec->unit = unit;
      spec->n = k == 0 ? -1 : k == 1 ? 0 : 1;
      return i + 2;
    }

  /* "in two weeks", "in two weeks' time" */
  if (is_word (w, i, "in") && count_at (w, i + 1, &n) && unit_at (w, i + 2, TRUE, &unit, &scale))
    {
      guint e = i + 3;

      if ((is_punct (w, e, '\'') || is_punct (w, e, 0x2019)) && is_word (w, e + 1, "time"))
        e += 2;
      else if (is_word (w, e, "time"))
        e++;
      spec->kind = KIND_PUB_SHIFT;
      spec->unit = unit;
      spec->n = n * scale;
      spec->approx = unit != UNIT_DAY;
      return e;
    }

  /* "three days ago" */
  if (count_at (w, i, &n) && unit_at (w, i + 1, TRUE, &unit, &scale) && is_word (w, i + 2, "ago"))
    {
      spec->kind = KIND_PUB_SHIFT;
      spec->unit = unit;
      spec->n = -n * scale;
      return i + 3;
    }

  return 0;
}

/* "before" / "after" end a phrase only when nothing follows them: "two
 * days before the summit" counts from the summit, not from a date. */
static gboolean
ends_clause (const Words *w,
             guint        i)
{
  const Token *t = tok (w, i);

  return t == NULL || t->type == TOKEN_PUNCT;
}

/* Counted from the date before: "a day later", "two weeks earlier", "a
 * week and a half earlier", "the next day", "the week before", "that day". */
static guint
match_previous (const Words *w,
                guint        i,
                Spec        *spec)
{
  static const char * const later[] = { "later", "afterwards", "afterward", "after", NULL };
  static const char * const earlier[] = { "earlier", "before", "previously", "prior", "beforehand", NULL };
  static const char * const next[] = { "next", "following", "previous", NULL };
  int n, k, scale;
  Unit unit;
  guint e;

  memset (spec, 0, sizeof *spec);

  if (count_at (w, i, &n) && unit_at (w, i + 1, TRUE, &unit, &scale))
    {
      e = i + 2;
      spec->kind = KIND_PREV_SHIFT;
      spec->unit = unit;
      spec->n = n * scale;
      if (is_word (w, e, "and") && is_word (w, e + 1, "a") && is_word (w, e + 2, "half"))
        {
          if (unit == UNIT_DAY)
            spec->extra_days = 0;
          else if (unit == UNIT_WEEK)
            spec->extra_days = 3 * scale;    /* half a week, rounded down */
          else
            return 0;
          spec->approx = TRUE;
          e += 3;
        }
      if ((k = word_index (w, e, later)) >= 0)
        {
          if (g_str_equal (later[k], "after") && !ends_clause (w, e + 1))
            return 0;
        }
      else if ((k = word_index (w, e, earlier)) >= 0)
        {
          if ((g_str_equal (earlier[k], "before") || g_str_equal (earlier[k], "prior"))
              && !ends_clause (w, e + 1))
            return 0;
          spec->n = -spec->n;
          spec->extra_days = -spec->extra_days;
        }
      else
        return 0;
      return e + 1;
    }

  if (is_word (w, i, "the") && (k = word_index (w, i + 1, next)) >= 0
      && unit_at (w, i + 2, FALSE, &unit, &scale) && scale == 1)
    {
      spec->kind = KIND_PREV_PERIOD;
      spec->unit = unit;
      spec->n = k == 2 ? -1 : 1;
      return i + 3;
    }

  if (is_word (w, i, "the") && unit_at (w, i + 1, FALSE, &unit, &scale) && scale == 1
      && (is_word (w, i + 2, "before") || is_word (w, i + 2, "after"))
      && ends_clause (w, i + 3))
    {
      spec->kind = KIND_PREV_PERIOD;
      spec->unit = unit;
      spec->n = is_word (w, i + 2, "before") ? -1 : 1;
      return i + 3;
    }

  if ((is_word (w, i, "that") || is_word (w, i, "the")) && is_word (w, i + 1, "same")
      && is_word (w, i + 2, "day"))
    {
      spec->kind = KIND_PREV_PERIOD;
      spec->unit = UNIT_DAY;
      return i + 3;
    }
  if (is_word (w, i, "that") && is_word (w, i + 1, "day"))
    {
      spec->kind = KIND_PREV_PERIOD;
      spec->unit = UNIT_DAY;
      return i + 2;
    }

  return 0;
}

/* "between April and June 2019", "from 30 April to 2 May", "from April 17
 * to 19" (the last a range of days already). */
static guint
match_range (const Words *w,
             guint        i,
             Spec        *spec)
{
  gboolean between = is_word (w, i, "between");
  Spec from, to;
  guint e, f;

  if (!between && !is_word (w, i, "from"))
    return 0;
  if ((e = match_absolute (w, i + 1, &from)) == 0)
    return 0;
  if (from.d2 != 0)
    {
      *spec = from;
      return between ? 0 : e;
    }
  if ((between && is_word (w, e, "and"))
      || (!between && (is_word (w, e, "to") || is_word (w, e, "until") || is_word (w, e, "till")))
      || is_dash (w, e))
    e++;
  else
    return 0;
  if ((f = match_absolute (w, e, &to)) == 0 || to.d2 != 0)
    return 0;
  /* A day needs a day, a month a month: "from 2019 to May" is not a span. */
  if ((from.m == 0) != (to.m == 0) || (from.d == 0) != (to.d == 0))
    return 0;

  memset (spec, 0, sizeof *spec);
  spec->kind = KIND_RANGE;
  spec->y = from.y;
  spec->m = from.m;
  spec->d = from.d;
  spec->to_y = to.y;
  spec->to_m = to.m;
  spec->to_d = to.d;
  return f;
}

typedef guint (*Matcher) (const Words *w, guint i, Spec *spec);

/* The longest phrase that starts at @i, or 0. */
static guint
match_at (const Words *w,
          guint        i,
          Spec        *spec)
{
  /* Words that may stand before a date and belong to its phrase. */
  static const char * const preps[] = { "on", "in", "at", "during", "towards", "toward", NULL };
  static const char * const approx[] = { "around", "about", "circa", "approximately", "roughly", NULL };
  static const Matcher with_prep[] = { match_absolute, match_part, match_weekday };
  static const Matcher without_prep[] = { match_absolute, match_part, match_weekday,
                                          match_publication, match_previous, match_range };
  guint best = 0, start = i;
  gboolean approximately = FALSE;
  Spec candidate;

  if (word_index (w, i, approx) >= 0)
    {
      approximately = TRUE;
      start = i + 1;
    }

  for (guint k = 0; k < G_N_ELEMENTS (without_prep); k++)
    {
      guint e = without_prep[k] (w, start, &candidate);

      if (e > best)
        {
          best = e;
          *spec = candidate;
        }
    }
  if (word_index (w, start, preps) >= 0)
    for (guint k = 0; k < G_N_ELEMENTS (with_prep); k++)
      {
        guint e = with_prep[k] (w, start + 1, &candidate);

        if (e > best)
          {
            best = e;
            *spec = candidate;
          }
      }

  if (best != 0 && approximately)
    spec->approx = TRUE;
  return best;
}

/* Whether the sentence around tokens @start..@end speaks of the future:
 * "they would meet again on Monday", "she will be having a meeting". */
static gboolean
sentence_is_future (const Words *w,
                    guint        start,
                    guint        end)
{
  static const char * const markers[] = { "will", "would", "shall", "ll", NULL };
  /* A sentence longer than this is not one: a list, a table, no stops. */
  const guint reach = 80;
  guint first = start, last = end;

  while (first > 0 && start - first < reach && !sentence_initial (w, first))
    first--;
  while (last < w->tokens->len && last - end < reach && !sentence_initial (w, last))
    last++;
  for (guint i = first; i < last; i++)
    if (word_index (w, i, markers) >= 0)
      return TRUE;
  return FALSE;
}

/* Whether the phrase at token @i dates the reporting rather than an event:
 * right after a verb of reporting ("minutes released this week", "she
 * said on Friday").  News tells events and then where it learnt of them;
 * counting "two days later" from the day the minutes came out would
 * date the event by its report. */
static gboolean
follows_reporting (const Words *w,
                   guint        i)
{
  static const char * const verbs[] = { "said", "says", "released", "published", "announced",
                                        "reported", "revealed", "disclosed", "obtained",
                                        "confirmed", NULL };

  return i > 0 && word_index (w, i - 1, verbs) >= 0;
}

/* ---------------------------------------------------------------------- */
/* Public API                                                              */

TiesDatePhrase *
ties_date_phrase_copy (const TiesDatePhrase *phrase)
{
  TiesDatePhrase *copy = g_memdup2 (phrase, sizeof *phrase);

  copy->phrase = g_strdup (phrase->phrase);
  copy->edtf = g_strdup (phrase->edtf);

  return copy;
}

void
ties_date_phrase_free (TiesDatePhrase *phrase)
{
  if (phrase == NULL)
    return;
  g_free (phrase->phrase);
  g_free (phrase->edtf);
  g_free (phrase);
}

char *
ties_date_phrase_resolve (const char *phrase,
                          const char *published,
                          const char *previous)
{
  Words w = { 0 };
  g_autoptr(GArray) tokens = NULL;
  guint first = 0, end;
  Spec spec;

  g_return_val_if_fail (phrase != NULL, NULL);

  if (!g_utf8_validate (phrase, -1, NULL))
    return NULL;
  tokens = tokenize (phrase);
  w.tokens = tokens;
  w.scan = FALSE;

  /* Punctuation around the words ("on May 2,") is not part of them. */
  while (first < tokens->len && tok (&w, first)->type == TOKEN_PUNCT)
    first++;
  if (first == tokens->len)
    return NULL;
  end = match_at (&w, first, &spec);
  if (end == 0)
    return NULL;
  for (guint i = end; i < tokens->len; i++)
    if (tok (&w, i)->type != TOKEN_PUNCT)
      return NULL;

  return resolve_spec (&spec, published, previous);
}

GPtrArray *
ties_date_phrase_scan (const char *text,
                       const char *published,
                       const char *previous)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) ties_date_phrase_free);
  g_autoptr(GArray) tokens = NULL;
  g_autofree char *last = g_strdup (previous);
  Words w = { 0 };

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return g_steal_pointer (&found);
  tokens = tokenize (text);
  w.tokens = tokens;
  w.scan = TRUE;

  for (guint i = 0; i < tokens->len;)
    {
      Spec spec;
      guint end;
      TiesDatePhrase *phrase;

      if (tok (&w, i)->type == TOKEN_PUNCT || (end = match_at (&w, i, &spec)) == 0)
        {
          i++;
          continue;
        }
      if (spec.kind == KIND_WEEKDAY && spec.mode == WEEKDAY_BARE)
        spec.future = sentence_is_future (&w, i, end);

      phrase = g_new0 (TiesDatePhrase, 1);
      phrase->start = tok (&w, i)->cstart;
      phrase->end = tok (&w, end - 1)->cend;
      phrase->phrase = g_strndup (text + tok (&w, i)->bstart,
                                  tok (&w, end - 1)->bend - tok (&w, i)->bstart);
      phrase->edtf = resolve_spec (&spec, published, last);
      phrase->reporting = follows_reporting (&w, i);
      if (phrase->edtf != NULL && !phrase->reporting)
        {
          g_free (last);
          last = g_strdup (phrase->edtf);
        }
      g_ptr_array_add (found, phrase);
      i = end;
    }

  return g_steal_pointer (&found);
}
