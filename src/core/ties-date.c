/* ties-date.c: EDTF (ISO 8601-2, levels 0 and 1, and sets) dates
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Over 1,000 lines on purpose: the parser, the ranges, the order and the
 * human forms all read one private structure (a parsed point with its
 * qualifiers), and the error positions the parser gives depend on it;
 * split, that structure would become a header every part edits.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ties-date.h"

/* Scope: all of EDTF levels 0 and 1, and the sets of level 2, which
 * reporting needs ("on 17 or 18 April").  The other level 2 forms are
 * refused with a message that says so.  See ties-date.h for the meaning
 * of ranges, the sort order and the human forms. */

/* Years are limited to 15 digits: a day number of such a year, widened by
 * two years, is about 3.7e17, far from the G_MININT64 / G_MAXINT64 that
 * stand for open ends, and month arithmetic (year * 12) cannot overflow. */
#define MAX_YEAR G_GINT64_CONSTANT (999999999999999)

typedef enum {
  POINT_DATE,
  POINT_OPEN,      /* ".." */
  POINT_UNKNOWN,   /* the empty side of "2019/" or "/2019" */
} PointKind;

typedef enum {
  ZONE_LOCAL,      /* "T23:20:30": local time, zone not said */
  ZONE_UTC,        /* "T23:20:30Z" */
  ZONE_SHIFT,      /* "T23:20:30-04", "T23:20:30+04:30" */
} Zone;

typedef struct {
  PointKind kind;
  gint64 year;               /* signed, X digits read as 0: 201X → 2010 */
  int n_unspecified;         /* X digits at the end of the year: 0, 1 or 2 */
  int month;                 /* 0 (none or XX), 1–12, or a season 21–24 */
  int day;                   /* 0 (none or XX), 1–31 */
  int hour;                  /* with has_time */
  int minute;
  int second;
  int shift_minutes;         /* ZONE_SHIFT: minutes ahead of UTC */
  Zone zone;
  TiesDatePrecision precision;
  guint negative : 1;        /* written with a minus sign (also "-000X") */
  guint long_year : 1;       /* written with "Y" */
  guint month_unspecified : 1;
  guint day_unspecified : 1;
  guint has_time : 1;
  guint approximate : 1;
  guint uncertain : 1;
} Point;

/* A date of a set: one date (start), or every date from start to end
 * ("1670..1672"); "..1760" has an open start, "1760.." an open end. */
typedef struct {
  Point start;
  Point end;                 /* only meaningful for a range */
  gboolean range;
} Member;

struct _TiesDate {
  char *text;
  TiesDateKind kind;
  Point start;
  Point end;                 /* only meaningful for an interval */
  Member *members;           /* only for sets */
  guint n_members;
};

typedef struct {
  gint64 year;
  int month;
  int day;
} Ymd;

/* Internal granularity, finer than TiesDatePrecision, used for sorting */
enum {
  GRAIN_CENTURY,
  GRAIN_DECADE,
  GRAIN_YEAR,
  GRAIN_SEASON,
  GRAIN_MONTH,
  GRAIN_DAY,
  GRAIN_SECOND,
};

G_DEFINE_QUARK (ties-date-error-quark, ties_date_error)
G_DEFINE_BOXED_TYPE (TiesDate, ties_date, ties_date_ref, ties_date_unref)

/* Calendar arithmetic (proleptic Gregorian, year 0000 is a leap year) */

static gboolean
is_leap_year (gint64 year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int
days_in_month (gint64 year,
               int    month)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  g_assert (month >= 1 && month <= 12);

  if (month == 2 && is_leap_year (year))
    return 29;

  return days[month - 1];
}

/* Day 1 is 0001-01-01, as in GDate; earlier days are 0 or negative.
 * After Howard Hinnant's days_from_civil. */
static gint64
day_number (gint64 year,
            int    month,
            int    day)
{
  gint64 era, yoe, doy, doe;

  g_assert (month >= 1 && month <= 12);
  g_assert (day >= 1 && day <= 31);
  g_assert (year >= -MAX_YEAR - 3 && year <= MAX_YEAR + 3);

  year -= month <= 2;
  era = (year >= 0 ? year : year - 399) / 400;
  yoe = year - era * 400;
  doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  /* days since 1970-01-01, plus the day number of 1970-01-01 */
  return era * 146097 + doe - 719468 + 719163;
}

static void
add_months (Ymd *ymd,
            int  n_months)
{
  gint64 index;

  g_assert (ymd != NULL);

  index = ymd->year * 12 + (ymd->month - 1) + n_months;
  ymd->year = index >= 0 ? index / 12 : -((-index + 11) / 12);
  ymd->month = (int) (index - ymd->year * 12) + 1;
}

/* First and last year of a year with X digits: 201X → 2010..2019,
 * -201X → -2019..-2010 */
static void
year_span (const Point *point,
           gint64      *first,
           gint64      *last)
{
  gint64 span;

  g_assert (point != NULL);
  g_assert (first != NULL);
  g_assert (last != NULL);

  span = point->n_unspecified == 0 ? 1 : point->n_unspecified == 1 ? 10 : 100;

  if (point->negative)
    {
      *first = point->year - (span - 1);
      *last = point->year;
    }
  else
    {
      *first = point->year;
      *last = point->year + span - 1;
    }
}

/* First and last day of a point, before any widening */
static void
point_bounds (const Point *point,
              Ymd         *first,
              Ymd         *last)
{
  g_assert (point != NULL);
  g_assert (point->kind == POINT_DATE);
  g_assert (first != NULL);
  g_assert (last != NULL);

  if (point->month == 0)
    {
      gint64 first_year, last_year;

      year_span (point, &first_year, &last_year);
      *first = (Ymd) { first_year, 1, 1 };
      *last = (Ymd) { last_year, 12, 31 };
    }
  else if (point->month >= 21)
    {
      /* Northern-hemisphere meteorological seasons; winter runs from
       * December into February of the following year. */
      int first_month = 3 + 3 * (point->month - 21);

      *first = (Ymd) { point->year, first_month, 1 };
      *last = *first;
      add_months (last, 2);
      last->day = days_in_month (last->year, last->month);
    }
  else if (point->day == 0)
    {
      *first = (Ymd) { point->year, point->month, 1 };
      *last = (Ymd) { point->year, point->month,
                      days_in_month (point->year, point->month) };
    }
  else
    {
      /* A time of day keeps the day as written, whatever its shift: the
       * researcher's calendar is the one of the place. */
      *first = (Ymd) { point->year, point->month, point->day };
      *last = *first;
    }
}

static void
point_range (const Point *point,
             gboolean     fuzzy,
             gint64      *first_day,
             gint64      *last_day)
{
  Ymd first, last;
  int widen;

  g_assert (point != NULL);
  g_assert (first_day != NULL);
  g_assert (last_day != NULL);

  if (point->kind != POINT_DATE)
    {
      *first_day = TIES_DATE_DAY_MIN;
      *last_day = TIES_DATE_DAY_MAX;
      return;
    }

  point_bounds (point, &first, &last);
  widen = fuzzy ? (int) point->approximate + (int) point->uncertain : 0;

  if (widen > 0)
    {
      switch (point->precision)
        {
        case TIES_DATE_PRECISION_YEAR:
          first.year -= widen;
          last.year += widen;
          break;

        case TIES_DATE_PRECISION_SEASON:
        case TIES_DATE_PRECISION_MONTH:
          first.day = 1;
          add_months (&first, -widen);
          add_months (&last, widen);
          last.day = days_in_month (last.year, last.month);
          break;

        case TIES_DATE_PRECISION_DAY:
        case TIES_DATE_PRECISION_SECOND:
        default:
          break;
        }
    }

  *first_day = day_number (first.year, first.month, first.day);
  *last_day = day_number (last.year, last.month, last.day);

  if (widen > 0 && point->precision == TIES_DATE_PRECISION_DAY)
    {
      *first_day -= 3 * widen;
      *last_day += 3 * widen;
    }
}

static void
member_range (const Member *member,
              gboolean      fuzzy,
              gint64       *first_day,
              gint64       *last_day)
{
  gint64 unused;

  g_assert (member != NULL);
  g_assert (first_day != NULL);
  g_assert (last_day != NULL);

  point_range (&member->start, fuzzy, first_day, last_day);
  if (member->range)
    point_range (&member->end, fuzzy, &unused, last_day);
}

static int
point_grain (const Point *point)
{
  g_assert (point != NULL);

  if (point->n_unspecified == 2)
    return GRAIN_CENTURY;
  if (point->n_unspecified == 1)
    return GRAIN_DECADE;

  switch (point->precision)
    {
    case TIES_DATE_PRECISION_YEAR:
      return GRAIN_YEAR;
    case TIES_DATE_PRECISION_SEASON:
      return GRAIN_SEASON;
    case TIES_DATE_PRECISION_MONTH:
      return GRAIN_MONTH;
    case TIES_DATE_PRECISION_SECOND:
      return GRAIN_SECOND;
    case TIES_DATE_PRECISION_DAY:
    default:
      return GRAIN_DAY;
    }
}

/* Seconds from the start of the written day to the instant, in UTC; a
 * time without zone is taken as UTC, so that the order is total. */
static int
point_time_key (const Point *point)
{
  g_assert (point != NULL);

  if (!point->has_time)
    return 0;

  return point->hour * 3600 + point->minute * 60 + point->second
         - point->shift_minutes * 60;
}

/* The point that stands for the whole date: the start, unless it is open
 * or unknown; for a set, that of its first date. */
static const Point *
main_point (const TiesDate *self)
{
  const Point *start;
  const Point *end;

  g_assert (self != NULL);

  switch (self->kind)
    {
    case TIES_DATE_KIND_ONE_OF:
    case TIES_DATE_KIND_ALL_OF:
      g_assert (self->n_members > 0);
      start = &self->members[0].start;
      end = &self->members[0].end;
      break;

    case TIES_DATE_KIND_INTERVAL:
      start = &self->start;
      end = &self->end;
      break;

    case TIES_DATE_KIND_SINGLE:
    default:
      return &self->start;
    }

  return start->kind == POINT_DATE ? start : end;
}

/* Parsing */

typedef struct {
  const char *text;
  const char *p;
  gsize *error_offset;
  GError **error;
  gboolean in_interval;      /* parsing the end of an interval */
  gboolean in_set;
} Parser;

static guint
char_offset (const Parser *parser,
             const char   *at)
{
  g_assert (parser != NULL);
  g_assert (at != NULL);

  return (guint) g_utf8_pointer_to_offset (parser->text, at);
}

G_GNUC_PRINTF (4, 5)
static gboolean
fail_at (Parser       *parser,
         const char   *at,
         TiesDateError code,
         const char   *format,
         ...)
{
  g_autofree char *what = NULL;
  guint offset;
  va_list args;

  g_assert (parser != NULL);
  g_assert (at != NULL);
  g_assert (format != NULL);

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  offset = char_offset (parser, at);
  if (parser->error_offset != NULL)
    *parser->error_offset = offset;

  g_set_error (parser->error, TIES_DATE_ERROR, code,
               /* Translators: %1$s says what is wrong with a date, %2$u is
                * the 1-based position of the offending character, e.g.
                * “month 13 does not exist (position 6)” */
               _("%1$s (position %2$u)"), what, offset + 1);

  return FALSE;
}

static gboolean
fail_unexpected (Parser     *parser,
                 const char *at)
{
  char character[8] = { 0 };
  guint offset;

  g_assert (parser != NULL);
  g_assert (at != NULL);

  if (*at == '\0')
    return fail_at (parser, at, TIES_DATE_ERROR_SYNTAX,
                    _("the date ends too early"));

  g_unichar_to_utf8 (g_utf8_get_char (at), character);
  offset = char_offset (parser, at);
  if (parser->error_offset != NULL)
    *parser->error_offset = offset;

  /* Translators: %1$s is a character, %2$u its 1-based position and %3$s
   * the whole text, e.g. unexpected character “x” at position 6 in “2019-x5” */
  g_set_error (parser->error, TIES_DATE_ERROR, TIES_DATE_ERROR_SYNTAX,
               _("unexpected character “%1$s” at position %2$u in “%3$s”"),
               character, offset + 1, parser->text);

  return FALSE;
}

static gboolean
fail_level_2 (Parser     *parser,
              const char *at)
{
  g_assert (parser != NULL);
  g_assert (at != NULL);

  return fail_at (parser, at, TIES_DATE_ERROR_SYNTAX,
                  _("exponents (“E”) and significant digits (“S”) of years "
                    "are EDTF level 2, which Ties does not read"));
}

static gsize
digit_run (const char *s)
{
  gsize n = 0;

  g_assert (s != NULL);

  while (g_ascii_isdigit (s[n]) || s[n] == 'X')
    n++;

  return n;
}

static char *format_day (gint64 year, int month, int day);

/* Reads a two-character month or day field at @s: either two digits or
 * "XX".  Returns the value in *value (0 for XX) and sets *unspecified. */
static gboolean
parse_field (Parser     *parser,
             const char *s,
             gboolean    is_month,
             int        *value,
             gboolean   *unspecified)
{
  gsize run;

  g_assert (parser != NULL);
  g_assert (s != NULL);
  g_assert (value != NULL);
  g_assert (unspecified != NULL);

  run = digit_run (s);

  if (run == 0 && *s == '\0')
    return fail_at (parser, s, TIES_DATE_ERROR_SYNTAX, "%s",
                    is_month ? _("the month is missing") : _("the day is missing"));
  if (run == 0)
    return fail_unexpected (parser, s);
  if (run != 2 && is_month)
    /* Translators: %.*s is what was typed as a month, e.g. “5” */
    return fail_at (parser, s, TIES_DATE_ERROR_SYNTAX,
                    _("the month “%.*s” needs exactly two digits"), (int) run, s);
  if (run != 2)
    /* Translators: %.*s is what was typed as a day, e.g. “1” */
    return fail_at (parser, s, TIES_DATE_ERROR_SYNTAX,
                    _("the day “%.*s” needs exactly two digits"), (int) run, s);

  if (s[0] == 'X' && s[1] == 'X')
    {
      *value = 0;
      *unspecified = TRUE;
      return TRUE;
    }

  if (s[0] == 'X' || s[1] == 'X')
    return fail_at (parser, s[0] == 'X' ? s : s + 1, TIES_DATE_ERROR_SYNTAX,
                    _("a month or day is either two digits or “XX”"));

  *value = (s[0] - '0') * 10 + (s[1] - '0');
  *unspecified = FALSE;
  return TRUE;
}

/* "Y170000002", "Y-170000002": a year of more than four digits, alone */
static gboolean
parse_long_year (Parser      *parser,
                 Point       *point,
                 const char **at)
{
  const char *y = *at;
  const char *s = y + 1;
  const char *digits;
  gint64 value = 0;

  g_assert (parser != NULL);
  g_assert (point != NULL);
  g_assert (*y == 'Y');

  if (*s == '-')
    {
      point->negative = TRUE;
      s++;
    }

  for (digits = s; g_ascii_isdigit (*s); s++)
    {
      value = value * 10 + (*s - '0');
      if (value > MAX_YEAR)
        return fail_at (parser, s, TIES_DATE_ERROR_RANGE,
                        _("years of more than 15 digits are beyond what Ties "
                          "can count in days"));
    }

  if (s == digits)
    return fail_unexpected (parser, s);
  if (*s == 'X')
    return fail_at (parser, s, TIES_DATE_ERROR_SYNTAX,
                    _("a year written with “Y” cannot have “X” digits"));
  if (*s == 'E' || *s == 'S')
    return fail_level_2 (parser, s);
  if (value <= 9999)
    return fail_at (parser, y, TIES_DATE_ERROR_SYNTAX,
                    _("“Y” is only for years of more than four digits, after "
                      "9999 or before -9999, as in “Y170000002”"));
  if (*s == '-')
    return fail_at (parser, s, TIES_DATE_ERROR_SYNTAX,
                    _("a year written with “Y” cannot have a month"));

  point->year = point->negative ? -value : value;
  point->long_year = TRUE;
  *at = s;

  return TRUE;
}

/* "1985", "-0050", "201X": four digits, the last one or two may be X */
static gboolean
parse_year (Parser      *parser,
            Point       *point,
            const char **at)
{
  const char *s = *at;
  const char *sign = NULL;
  gsize run;
  int first_x = -1;
  gint64 year = 0;

  g_assert (parser != NULL);
  g_assert (point != NULL);

  if (*s == 'Y')
    return parse_long_year (parser, point, at);

  if (*s == '-')
    {
      sign = s;
      point->negative = TRUE;
      s++;
    }

  run = digit_run (s);
  if (run == 0)
    return fail_unexpected (parser, s);
  if (run > 4 && memchr (s, 'X', run) == NULL)
    /* Translators: %.*s is what was typed as a year, e.g. “20190”, the
     * second %.*s the same with its sign, e.g. “-20190” */
    return fail_at (parser, s, TIES_DATE_ERROR_SYNTAX,
                    _("the year “%.*s” needs exactly four digits; longer "
                      "years are written with “Y”, as in “Y%.*s”"),
                    (int) run, s, (int) (s + run - *at), *at);
  if (run != 4)
    /* Translators: %.*s is what was typed as a year, e.g. “19” */
    return fail_at (parser, s, TIES_DATE_ERROR_SYNTAX,
                    _("the year “%.*s” needs exactly four digits"), (int) run, s);

  for (int i = 0; i < 4; i++)
    {
      if (s[i] == 'X' && first_x < 0)
        first_x = i;
      year = year * 10 + (s[i] == 'X' ? 0 : s[i] - '0');
    }
  if (first_x >= 0)
    {
      gboolean all_x = TRUE;

      for (int i = first_x; i < 4; i++)
        all_x = all_x && s[i] == 'X';

      if (!all_x || first_x < 2)
        return fail_at (parser, s + first_x, TIES_DATE_ERROR_SYNTAX,
                        _("only the last one or two digits of a year may be “X”"));

      point->n_unspecified = 4 - first_x;
    }

  if (sign != NULL && year == 0 && point->n_unspecified == 0)
    return fail_at (parser, sign, TIES_DATE_ERROR_SYNTAX,
                    _("year 0000 has no sign; it is 1 BC, and -0001 is 2 BC"));
  if (s[4] == 'S' || s[4] == 'E')
    return fail_level_2 (parser, s + 4);

  point->year = point->negative ? -year : year;
  *at = s + 4;

  return TRUE;
}

/* Two digits at @s, or a message about the shape of @what */
static gboolean
parse_two_digits (Parser     *parser,
                  const char *s,
                  const char *shape_message,
                  int        *value)
{
  g_assert (parser != NULL);
  g_assert (s != NULL);
  g_assert (shape_message != NULL);
  g_assert (value != NULL);

  if (!g_ascii_isdigit (s[0]))
    return fail_at (parser, s, TIES_DATE_ERROR_SYNTAX, "%s", shape_message);
  if (!g_ascii_isdigit (s[1]))
    return fail_at (parser, s + 1, TIES_DATE_ERROR_SYNTAX, "%s", shape_message);

  *value = (s[0] - '0') * 10 + (s[1] - '0');
  return TRUE;
}

/* "T23:20:30", then "Z", "-04", "+04:30" or nothing; *at is on the "T" */
static gboolean
parse_time (Parser      *parser,
            Point       *point,
            const char **at)
{
  const char *shape = _("a time of day is written with two-digit hours, "
                        "minutes and seconds, as in “T23:20:30”");
  const char *shift_shape = _("a time shift is written “Z”, “±hh” or "
                              "“±hh:mm”, as in “-04” or “+04:30”");
  const char *s = *at + 1;
  const char *fields[3];
  int values[3];

  g_assert (parser != NULL);
  g_assert (point != NULL);
  g_assert (**at == 'T');

  for (int i = 0; i < 3; i++)
    {
      if (i > 0)
        {
          if (*s != ':')
            return fail_at (parser, s, TIES_DATE_ERROR_SYNTAX, "%s", shape);
          s++;
        }
      if (!parse_two_digits (parser, s, shape, &values[i]))
        return FALSE;
      fields[i] = s;
      s += 2;
    }
  if (g_ascii_isdigit (*s) || *s == ':')
    return fail_at (parser, s, TIES_DATE_ERROR_SYNTAX, "%s", shape);

  if (values[0] > 23)
    /* Translators: %.2s is a two-digit hour, e.g. “25” */
    return fail_at (parser, fields[0], TIES_DATE_ERROR_RANGE,
                    _("hour %.2s does not exist"), fields[0]);
  if (values[1] > 59)
    /* Translators: %.2s is two-digit minutes, e.g. “61” */
    return fail_at (parser, fields[1], TIES_DATE_ERROR_RANGE,
                    _("minute %.2s does not exist"), fields[1]);
  /* A leap second is the 60th second of a minute ("23:59:60Z") */
  if (values[2] > 60 || (values[2] == 60 && values[1] != 59))
    /* Translators: %.2s is two-digit seconds, e.g. “61” */
    return fail_at (parser, fields[2], TIES_DATE_ERROR_RANGE,
                    _("second %.2s does not exist"), fields[2]);

  point->has_time = TRUE;
  point->hour = values[0];
  point->minute = values[1];
  point->second = values[2];
  point->precision = TIES_DATE_PRECISION_SECOND;

  if (*s == 'Z')
    {
      point->zone = ZONE_UTC;
      s++;
    }
  else if (*s == '+' || *s == '-')
    {
      const char *sign = s;
      const char *minutes_at = NULL;
      int hours, minutes = 0;

      s++;
      if (!parse_two_digits (parser, s, shift_shape, &hours))
        return FALSE;
      s += 2;
      if (*s == ':')
        {
          s++;
          if (!parse_two_digits (parser, s, shift_shape, &minutes))
            return FALSE;
          minutes_at = s;
          s += 2;
        }
      if (g_ascii_isdigit (*s) || *s == ':')
        return fail_at (parser, s, TIES_DATE_ERROR_SYNTAX, "%s", shift_shape);

      if (minutes_at != NULL && minutes > 59)
        return fail_at (parser, minutes_at, TIES_DATE_ERROR_RANGE,
                        _("minute %.2s does not exist"), minutes_at);
      /* UTC−12:00 to UTC+14:00 are the offsets in use */
      if (hours * 60 + minutes > 14 * 60)
        return fail_at (parser, sign + 1, TIES_DATE_ERROR_RANGE,
                        _("time shifts go up to 14 hours"));

      point->zone = ZONE_SHIFT;
      point->shift_minutes = (*sign == '-' ? -1 : 1) * (hours * 60 + minutes);
    }

  *at = s;
  return TRUE;
}

static gboolean
parse_point (Parser *parser,
             Point  *point)
{
  const char *s;
  gboolean unspecified;

  g_assert (parser != NULL);
  g_assert (point != NULL);

  s = parser->p;
  memset (point, 0, sizeof *point);
  point->kind = POINT_DATE;
  point->precision = TIES_DATE_PRECISION_YEAR;

  if (!parse_year (parser, point, &s))
    return FALSE;

  /* Month or season */
  if (*s == '-')
    {
      const char *m = s + 1;

      if (point->n_unspecified > 0)
        return fail_at (parser, m, TIES_DATE_ERROR_SYNTAX,
                        _("a year with “X” digits cannot have a month"));

      if (!parse_field (parser, m, TRUE, &point->month, &unspecified))
        return FALSE;

      if (unspecified)
        point->month_unspecified = TRUE;
      else if (point->month >= 25 && point->month <= 41)
        return fail_at (parser, m, TIES_DATE_ERROR_RANGE,
                        /* Translators: %.2s is a two-digit month number */
                        _("month %.2s does not exist; the seasons are 21 to "
                          "24, and 25 to 41 are EDTF level 2, which Ties "
                          "does not read"), m);
      else if (point->month < 1 || (point->month > 12 && point->month < 21) || point->month > 24)
        return fail_at (parser, m, TIES_DATE_ERROR_RANGE,
                        /* Translators: %.2s is a two-digit month number */
                        _("month %.2s does not exist"), m);
      else if (point->month >= 21)
        point->precision = TIES_DATE_PRECISION_SEASON;
      else
        point->precision = TIES_DATE_PRECISION_MONTH;

      s = m + 2;

      /* Day */
      if (*s == '-')
        {
          const char *d = s + 1;

          if (point->precision == TIES_DATE_PRECISION_SEASON)
            return fail_at (parser, d, TIES_DATE_ERROR_SYNTAX,
                            _("a season cannot have a day"));

          if (!parse_field (parser, d, FALSE, &point->day, &unspecified))
            return FALSE;

          if (point->month_unspecified && !unspecified)
            return fail_at (parser, d, TIES_DATE_ERROR_SYNTAX,
                            _("a day cannot follow an unspecified month “XX”; "
                              "write “XX” for the day as well"));

          if (unspecified)
            point->day_unspecified = TRUE;
          else if (point->day == 0)
            return fail_at (parser, d, TIES_DATE_ERROR_RANGE,
                            _("day 00 does not exist"));
          else if (point->day > days_in_month (point->year, point->month))
            {
              g_autofree char *human = format_day (point->year, point->month, point->day);

              /* Translators: %s is a day that is not in the calendar,
               * e.g. “30 February 2019” */
              return fail_at (parser, d, TIES_DATE_ERROR_RANGE,
                              _("%s does not exist"), human);
            }
          else
            point->precision = TIES_DATE_PRECISION_DAY;

          s = d + 2;
        }
    }

  /* Time of day: EDTF allows it on a single complete date only */
  if (*s == 'T')
    {
      const char *t = s;

      if (point->precision != TIES_DATE_PRECISION_DAY)
        return fail_at (parser, t, TIES_DATE_ERROR_SYNTAX,
                        _("a time of day needs a complete date before it, "
                          "as in “1985-04-12T23:20:30”"));
      if (!parse_time (parser, point, &s))
        return FALSE;
      if (parser->in_set)
        return fail_at (parser, t, TIES_DATE_ERROR_SYNTAX,
                        _("the dates of a set cannot have a time of day"));
      if (parser->in_interval || *s == '/')
        return fail_at (parser, t, TIES_DATE_ERROR_SYNTAX,
                        _("the ends of an interval cannot have a time of day"));
      if (*s == '?' || *s == '~' || *s == '%')
        return fail_at (parser, s, TIES_DATE_ERROR_SYNTAX,
                        _("a date with a time of day cannot be marked "
                          "uncertain or approximate"));

      parser->p = s;
      return TRUE;
    }

  /* Qualifier */
  if (*s == '?' || *s == '~' || *s == '%')
    {
      point->uncertain = *s == '?' || *s == '%';
      point->approximate = *s == '~' || *s == '%';
      s++;

      if (*s == '?' || *s == '~' || *s == '%')
        return fail_at (parser, s, TIES_DATE_ERROR_SYNTAX,
                        _("only one qualifier is allowed; “%%” means both "
                          "uncertain (“?”) and approximate (“~”)"));
    }

  parser->p = s;
  return TRUE;
}

/* One side of an interval: "..", empty, or a date */
static gboolean
parse_side (Parser *parser,
            Point  *point)
{
  g_assert (parser != NULL);
  g_assert (point != NULL);

  memset (point, 0, sizeof *point);

  if (parser->p[0] == '.' && parser->p[1] == '.')
    {
      point->kind = POINT_OPEN;
      parser->p += 2;
      return TRUE;
    }

  if (parser->p[0] == '/' || parser->p[0] == '\0')
    {
      point->kind = POINT_UNKNOWN;
      return TRUE;
    }

  return parse_point (parser, point);
}

/* "1670..1672": both ends of the same precision, in order */
static gboolean
check_member_range (Parser       *parser,
                    const Member *member,
                    const char   *end_at)
{
  gint64 start_first, start_last, end_first, end_last;

  g_assert (parser != NULL);
  g_assert (member != NULL);
  g_assert (end_at != NULL);

  if (point_grain (&member->start) != point_grain (&member->end))
    return fail_at (parser, end_at, TIES_DATE_ERROR_SYNTAX,
                    _("the dates on both sides of “..” need the same "
                      "precision, as in “1670..1672”"));

  point_range (&member->start, FALSE, &start_first, &start_last);
  point_range (&member->end, FALSE, &end_first, &end_last);
  if (start_first > end_first)
    return fail_at (parser, end_at, TIES_DATE_ERROR_INTERVAL,
                    _("the range ends before it starts"));

  return TRUE;
}

/* "[a,b,c..d]" (one of) or "{a,b}" (all of); the first date may be "..a",
 * the last "a.." */
static gboolean
parse_set (Parser *parser,
           GArray *members)
{
  char close;

  g_assert (parser != NULL);
  g_assert (members != NULL);
  g_assert (*parser->p == '[' || *parser->p == '{');

  close = *parser->p == '[' ? ']' : '}';
  parser->p++;
  parser->in_set = TRUE;

  if (*parser->p == close)
    return fail_at (parser, parser->p, TIES_DATE_ERROR_SYNTAX,
                    _("a set needs at least one date"));

  for (;;)
    {
      Member member = { 0 };
      const char *dots;

      if (parser->p[0] == '.' && parser->p[1] == '.')
        {
          if (members->len > 0)
            return fail_at (parser, parser->p, TIES_DATE_ERROR_SYNTAX,
                            _("“..” before a date can only open the first "
                              "date of a set, as in “[..1760-12-03]”"));
          parser->p += 2;
          member.range = TRUE;
          member.start.kind = POINT_OPEN;
          if (!parse_point (parser, &member.end))
            return FALSE;
        }
      else
        {
          if (!parse_point (parser, &member.start))
            return FALSE;

          if (parser->p[0] == '.' && parser->p[1] == '.')
            {
              dots = parser->p;
              parser->p += 2;
              member.range = TRUE;

              if (*parser->p == close || *parser->p == ',')
                {
                  if (*parser->p == ',')
                    return fail_at (parser, dots, TIES_DATE_ERROR_SYNTAX,
                                    _("“..” after a date can only close the "
                                      "last date of a set, as in “[1760-12..]”"));
                  member.end.kind = POINT_OPEN;
                }
              else
                {
                  const char *end_at = parser->p;

                  if (!parse_point (parser, &member.end) ||
                      !check_member_range (parser, &member, end_at))
                    return FALSE;
                }
            }
        }

      g_array_append_val (members, member);

      if (*parser->p == close)
        break;
      if (*parser->p == '\0')
        /* Translators: %c is the bracket that closes a set, “]” or “}” */
        return fail_at (parser, parser->p, TIES_DATE_ERROR_SYNTAX,
                        _("the set is not closed: “%c” is missing"), close);
      if (*parser->p != ',')
        return fail_unexpected (parser, parser->p);

      parser->p++;
      if (*parser->p == ',' || *parser->p == close || *parser->p == '\0')
        return fail_at (parser, parser->p, TIES_DATE_ERROR_SYNTAX,
                        _("a date is missing after “,”"));
    }

  parser->p++;
  parser->in_set = FALSE;

  return TRUE;
}

static gboolean
check_spaces (Parser *parser)
{
  const char *text;
  const char *last;
  const char *prev;

  g_assert (parser != NULL);

  text = parser->text;

  if (g_unichar_isspace (g_utf8_get_char (text)))
    return fail_at (parser, text, TIES_DATE_ERROR_SYNTAX,
                    _("the date starts with a space"));

  last = text + strlen (text);
  while ((prev = g_utf8_find_prev_char (text, last)) != NULL &&
         g_unichar_isspace (g_utf8_get_char (prev)))
    last = prev;

  if (*last != '\0')
    return fail_at (parser, last, TIES_DATE_ERROR_SYNTAX,
                    _("the date ends with a space"));

  return TRUE;
}

/* A single date or an interval */
static gboolean
parse_date_or_interval (Parser   *parser,
                        TiesDate *self)
{
  const char *end_at = NULL;

  g_assert (parser != NULL);
  g_assert (self != NULL);

  if (!parse_side (parser, &self->start))
    return FALSE;

  self->kind = TIES_DATE_KIND_SINGLE;
  if (*parser->p == '/')
    {
      self->kind = TIES_DATE_KIND_INTERVAL;
      parser->p++;
      parser->in_interval = TRUE;
      end_at = parser->p;

      if (!parse_side (parser, &self->end))
        return FALSE;
    }

  if (*parser->p != '\0')
    return fail_unexpected (parser, parser->p);

  if (self->kind == TIES_DATE_KIND_SINGLE && self->start.kind == POINT_OPEN)
    return fail_at (parser, parser->text, TIES_DATE_ERROR_SYNTAX,
                    _("“..” (open end) can only be a side of an interval, "
                      "as in “2019/..” or “../2019”"));

  if (self->kind == TIES_DATE_KIND_INTERVAL &&
      self->start.kind != POINT_DATE && self->end.kind != POINT_DATE)
    return fail_at (parser, parser->text, TIES_DATE_ERROR_SYNTAX,
                    _("an interval needs at least one date"));

  if (self->kind == TIES_DATE_KIND_INTERVAL &&
      self->start.kind == POINT_DATE && self->end.kind == POINT_DATE)
    {
      gint64 start_first, start_last, end_first, end_last;

      point_range (&self->start, FALSE, &start_first, &start_last);
      point_range (&self->end, FALSE, &end_first, &end_last);

      if (start_first > end_last)
        return fail_at (parser, end_at, TIES_DATE_ERROR_INTERVAL,
                        _("the interval ends before it starts"));
    }

  return TRUE;
}

static void
ties_date_clear (gpointer data)
{
  TiesDate *self = data;

  g_assert (self != NULL);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->members, g_free);
}

/**
 * ties_date_parse:
 * @text: an EDTF date, interval or set
 * @error_offset: (out) (optional): where the error is
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the date, or %NULL with @error set
 */
TiesDate *
ties_date_new_month (int month)
{
  g_autofree char *text = NULL;

  if (month < 12 || month >= 10000 * 12)
    return NULL;
  text = g_strdup_printf ("%04d-%02d", month / 12, month % 12 + 1);

  return ties_date_parse (text, NULL, NULL);
}

TiesDate *
ties_date_parse (const char  *text,
                 gsize       *error_offset,
                 GError     **error)
{
  Parser parser = { text, text, error_offset, error, FALSE, FALSE };
  g_autoptr(TiesDate) self = NULL;
  const char *invalid = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (text, -1, &invalid))
    {
      if (error_offset != NULL)
        *error_offset = (gsize) g_utf8_strlen (text, invalid - text);
      g_set_error (error, TIES_DATE_ERROR, TIES_DATE_ERROR_SYNTAX,
                   _("the date is not valid UTF-8 text (position %u)"),
                   (guint) g_utf8_strlen (text, invalid - text) + 1);
      return NULL;
    }

  if (*text == '\0')
    {
      if (error_offset != NULL)
        *error_offset = 0;
      g_set_error_literal (error, TIES_DATE_ERROR, TIES_DATE_ERROR_EMPTY,
                           _("the date is empty"));
      return NULL;
    }

  if (!check_spaces (&parser))
    return NULL;

  self = g_atomic_rc_box_new0 (TiesDate);

  if (*text == '[' || *text == '{')
    {
      g_autoptr(GArray) members = g_array_new (FALSE, TRUE, sizeof (Member));

      self->kind = *text == '[' ? TIES_DATE_KIND_ONE_OF : TIES_DATE_KIND_ALL_OF;
      if (!parse_set (&parser, members))
        return NULL;
      if (*parser.p != '\0')
        {
          fail_unexpected (&parser, parser.p);
          return NULL;
        }

      self->n_members = members->len;
      self->members = (Member *) (gpointer) g_array_free (g_steal_pointer (&members), FALSE);
    }
  else if (!parse_date_or_interval (&parser, self))
    return NULL;

  self->text = g_strdup (text);

  return g_steal_pointer (&self);
}

gboolean
ties_date_validate (const char  *text,
                    gsize       *error_offset,
                    GError     **error)
{
  g_autoptr(TiesDate) date = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  date = ties_date_parse (text, error_offset, error);

  return date != NULL;
}

TiesDate *
ties_date_ref (TiesDate *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
ties_date_unref (TiesDate *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, ties_date_clear);
}

/* Accessors */

const char *
ties_date_get_text (const TiesDate *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

gboolean
ties_date_is_interval (const TiesDate *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->kind == TIES_DATE_KIND_INTERVAL;
}

TiesDateKind
ties_date_get_kind (const TiesDate *self)
{
  g_return_val_if_fail (self != NULL, TIES_DATE_KIND_SINGLE);

  return self->kind;
}

TiesDatePrecision
ties_date_get_precision (const TiesDate *self)
{
  g_return_val_if_fail (self != NULL, TIES_DATE_PRECISION_YEAR);

  return main_point (self)->precision;
}

static gboolean
point_is_qualified (const Point *point,
                    gboolean     approximate)
{
  g_assert (point != NULL);

  if (point->kind != POINT_DATE)
    return FALSE;

  return approximate ? point->approximate : point->uncertain;
}

/* Whether any date of @self is approximate (or, if not @approximate,
 * uncertain) */
static gboolean
any_point_qualified (const TiesDate *self,
                     gboolean        approximate)
{
  g_assert (self != NULL);

  switch (self->kind)
    {
    case TIES_DATE_KIND_ONE_OF:
    case TIES_DATE_KIND_ALL_OF:
      for (guint i = 0; i < self->n_members; i++)
        {
          const Member *member = &self->members[i];

          if (point_is_qualified (&member->start, approximate) ||
              (member->range && point_is_qualified (&member->end, approximate)))
            return TRUE;
        }
      return FALSE;

    case TIES_DATE_KIND_INTERVAL:
      return point_is_qualified (&self->start, approximate) ||
             point_is_qualified (&self->end, approximate);

    case TIES_DATE_KIND_SINGLE:
    default:
      return point_is_qualified (&self->start, approximate);
    }
}

gboolean
ties_date_is_approximate (const TiesDate *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return any_point_qualified (self, TRUE);
}

gboolean
ties_date_is_uncertain (const TiesDate *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return any_point_qualified (self, FALSE);
}

static void
get_range (const TiesDate *self,
           gboolean        fuzzy,
           gint64         *first_day,
           gint64         *last_day)
{
  gint64 first, last, unused;

  g_assert (self != NULL);

  switch (self->kind)
    {
    case TIES_DATE_KIND_ONE_OF:
    case TIES_DATE_KIND_ALL_OF:
      first = TIES_DATE_DAY_MAX;
      last = TIES_DATE_DAY_MIN;
      for (guint i = 0; i < self->n_members; i++)
        {
          gint64 member_first, member_last;

          member_range (&self->members[i], fuzzy, &member_first, &member_last);
          first = MIN (first, member_first);
          last = MAX (last, member_last);
        }
      break;

    case TIES_DATE_KIND_INTERVAL:
      /* An open or unknown start gives MIN, an open or unknown end MAX */
      point_range (&self->start, fuzzy, &first, &unused);
      point_range (&self->end, fuzzy, &unused, &last);
      break;

    case TIES_DATE_KIND_SINGLE:
    default:
      point_range (&self->start, fuzzy, &first, &last);
      break;
    }

  if (first_day != NULL)
    *first_day = first;
  if (last_day != NULL)
    *last_day = last;
}

void
ties_date_get_strict_range (const TiesDate *self,
                            gint64         *first_day,
                            gint64         *last_day)
{
  g_return_if_fail (self != NULL);

  get_range (self, FALSE, first_day, last_day);
}

void
ties_date_get_fuzzy_range (const TiesDate *self,
                           gint64         *first_day,
                           gint64         *last_day)
{
  g_return_if_fail (self != NULL);

  get_range (self, TRUE, first_day, last_day);
}

gboolean
ties_date_overlaps (const TiesDate *self,
                    gint64          first_day,
                    gint64          last_day,
                    gboolean        fuzzy)
{
  gint64 first, last;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (first_day <= last_day, FALSE);

  /* The dates of a set one by one: "[1667,1760-12]" says nothing of 1700 */
  if (self->kind == TIES_DATE_KIND_ONE_OF || self->kind == TIES_DATE_KIND_ALL_OF)
    {
      for (guint i = 0; i < self->n_members; i++)
        {
          member_range (&self->members[i], fuzzy, &first, &last);
          if (first <= last_day && first_day <= last)
            return TRUE;
        }
      return FALSE;
    }

  get_range (self, fuzzy, &first, &last);

  return first <= last_day && first_day <= last;
}

/* Sorting */

static int
qualifier_rank (const TiesDate *self)
{
  gboolean approximate, uncertain;

  g_assert (self != NULL);

  approximate = ties_date_is_approximate (self);
  uncertain = ties_date_is_uncertain (self);

  if (approximate && uncertain)
    return 3;
  if (approximate)
    return 2;
  if (uncertain)
    return 1;
  return 0;
}

#define CMP(a, b) (((a) > (b)) - ((a) < (b)))

int
ties_date_compare (const TiesDate *a,
                   const TiesDate *b)
{
  gint64 a_first, a_last, b_first, b_last;
  const Point *a_main, *b_main;
  int result;

  if (a == b)
    return 0;
  if (a == NULL)
    return 1;
  if (b == NULL)
    return -1;

  get_range (a, FALSE, &a_first, &a_last);
  get_range (b, FALSE, &b_first, &b_last);
  a_main = main_point (a);
  b_main = main_point (b);

  if ((result = CMP (a_first, b_first)) != 0)
    return result;
  if ((result = CMP (point_grain (a_main), point_grain (b_main))) != 0)
    return result;
  if ((result = CMP (point_time_key (a_main), point_time_key (b_main))) != 0)
    return result;
  if ((result = CMP (a_last, b_last)) != 0)
    return result;
  if ((result = CMP (qualifier_rank (a), qualifier_rank (b))) != 0)
    return result;
  if ((result = CMP (a->kind, b->kind)) != 0)
    return result;

  result = strcmp (a->text, b->text);

  return CMP (result, 0);
}

#undef CMP

/* Human forms */

static char *
month_name (int      month,
            gboolean standalone)
{
  g_autoptr(GDateTime) dt = NULL;
  char *name;

  g_assert (month >= 1 && month <= 12);

  /* %OB is the nominative form (“April 2019”), %B the form used with a
   * day (“17 April 2019”); they differ in some languages. */
  dt = g_date_time_new_utc (2000, month, 15, 12, 0, 0);
  name = g_date_time_format (dt, standalone ? "%OB" : "%B");
  if (name == NULL)
    name = g_strdup_printf ("%02d", month);

  return name;
}

/* A count of years: digits grouped as the locale groups them, but only
 * from five digits on, so that “2019” stays “2019” */
static char *
format_year_number (gint64 number)
{
  g_assert (number >= 0);

  if (number >= 10000)
    return g_strdup_printf ("%'" G_GINT64_FORMAT, number);

  return g_strdup_printf ("%" G_GINT64_FORMAT, number);
}

/* “2019”, “170,000,002”; years up to 0000 as historians write them:
 * 0000 is 1 BC, -0050 is 51 BC (there is no year 0 between 1 BC and AD 1) */
static char *
format_year (gint64 year)
{
  g_autofree char *number = NULL;

  if (year >= 1)
    return format_year_number (year);

  number = format_year_number (1 - year);
  /* Translators: a year before the Common Era, %s is its number, e.g.
   * “44 BC”; “BCE” or your language's usual abbreviation is fine */
  return g_strdup_printf (_("%s BC"), number);
}

static char *
format_day (gint64 year,
            int    month,
            int    day)
{
  g_autofree char *name = month_name (month, FALSE);
  g_autofree char *year_text = format_year (year);

  /* Translators: a day, e.g. “17 April 2019”: %1$d is the day of the
   * month, %2$s the month name and %3$s the year */
  return g_strdup_printf (_("%1$d %2$s %3$s"), day, name, year_text);
}

static char *
format_month (gint64 year,
              int    month)
{
  g_autofree char *name = month_name (month, TRUE);
  g_autofree char *year_text = format_year (year);

  /* Translators: a month, e.g. “April 2019”: %1$s is the month name and
   * %2$s the year */
  return g_strdup_printf (_("%1$s %2$s"), name, year_text);
}

/* “2010–2019”, “2020–2011 BC” */
static char *
format_year_span (gint64 first,
                  gint64 last)
{
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;

  if (last <= 0)
    {
      first_text = format_year_number (1 - first);
      last_text = format_year_number (1 - last);

      /* Translators: a range of years before the Common Era, e.g.
       * “2020–2011 BC” for -201X */
      return g_strdup_printf (_("%1$s–%2$s BC"), first_text, last_text);
    }

  first_text = format_year (first);
  last_text = format_year (last);

  /* Translators: a range of years written with “X” digits, e.g.
   * “2010–2019” for 201X */
  return g_strdup_printf (_("%1$s–%2$s"), first_text, last_text);
}

/* “23:20:30”, “23:20:30 UTC”, “23:20:30 UTC−04:00” */
static char *
format_time (const Point *point)
{
  g_autofree char *clock = NULL;
  g_autofree char *shift = NULL;
  int minutes;

  g_assert (point != NULL);
  g_assert (point->has_time);

  clock = g_strdup_printf ("%02d:%02d:%02d", point->hour, point->minute, point->second);

  switch (point->zone)
    {
    case ZONE_UTC:
      /* Translators: a time of day in Coordinated Universal Time, e.g.
       * “23:20:30 UTC” */
      return g_strdup_printf (_("%s UTC"), clock);

    case ZONE_SHIFT:
      minutes = ABS (point->shift_minutes);
      /* U+2212 MINUS SIGN, as typeset */
      shift = g_strdup_printf ("%s%02d:%02d", point->shift_minutes < 0 ? "−" : "+",
                               minutes / 60, minutes % 60);
      /* Translators: a time of day and its offset from Coordinated
       * Universal Time, e.g. “23:20:30 UTC−04:00” */
      return g_strdup_printf (_("%1$s UTC%2$s"), clock, shift);

    case ZONE_LOCAL:
    default:
      return g_steal_pointer (&clock);
    }
}

static char *
format_point_plain (const Point *point)
{
  g_autofree char *year = NULL;

  g_assert (point != NULL);
  g_assert (point->kind == POINT_DATE);

  if (point->n_unspecified > 0)
    {
      gint64 first, last;

      year_span (point, &first, &last);
      return format_year_span (first, last);
    }

  switch (point->precision)
    {
    case TIES_DATE_PRECISION_SECOND:
      {
        g_autofree char *day = format_day (point->year, point->month, point->day);
        g_autofree char *time = format_time (point);

        /* Translators: a day and a time of day, e.g.
         * “12 April 1985, 23:20:30” */
        return g_strdup_printf (C_("date and time", "%1$s, %2$s"), day, time);
      }

    case TIES_DATE_PRECISION_DAY:
      return format_day (point->year, point->month, point->day);

    case TIES_DATE_PRECISION_MONTH:
      return format_month (point->year, point->month);

    case TIES_DATE_PRECISION_SEASON:
      year = format_year (point->year);
      switch (point->month)
        {
        /* Translators: %s is a year; winter runs from December of that
         * year to February of the next */
        case 21: return g_strdup_printf (_("spring %s"), year);
        case 22: return g_strdup_printf (_("summer %s"), year);
        case 23: return g_strdup_printf (_("autumn %s"), year);
        case 24: return g_strdup_printf (_("winter %s"), year);
        default: break;
        }
      g_assert_not_reached ();
      return NULL;

    case TIES_DATE_PRECISION_YEAR:
    default:
      return format_year (point->year);
    }
}

static char *
qualify (char     *plain,
         gboolean  approximate,
         gboolean  uncertain)
{
  g_autofree char *text = plain;

  if (approximate && uncertain)
    /* Translators: %s is a date that is both approximate and uncertain */
    return g_strdup_printf (_("%s (approx., uncertain)"), text);
  if (approximate)
    /* Translators: %s is an approximate date */
    return g_strdup_printf (_("%s (approx.)"), text);
  if (uncertain)
    /* Translators: %s is an uncertain date */
    return g_strdup_printf (_("%s (uncertain)"), text);

  return g_steal_pointer (&text);
}

static char *
format_point (const Point *point)
{
  g_assert (point != NULL);

  return qualify (format_point_plain (point), point->approximate, point->uncertain);
}

static gboolean
point_is_plain (const Point *point)
{
  g_assert (point != NULL);

  return point->kind == POINT_DATE &&
         !point->approximate && !point->uncertain && point->n_unspecified == 0 &&
         !point->month_unspecified && !point->day_unspecified && !point->has_time;
}

/* "22–25 January 2019" for two plain ends, or NULL when the two ends
 * share nothing worth writing once. */
static char *
format_compact_interval (const Point *start,
                         const Point *end)
{
  g_autofree char *start_text = format_point_plain (start);
  g_autofree char *end_text = format_point_plain (end);
  g_autofree char *year = NULL;

  if (g_str_equal (start_text, end_text))
    return g_steal_pointer (&start_text);

  if (start->year != end->year)
    return NULL;

  year = format_year (start->year);

  if (start->precision == TIES_DATE_PRECISION_DAY &&
      end->precision == TIES_DATE_PRECISION_DAY)
    {
      if (start->month == end->month)
        {
          g_autofree char *name = month_name (start->month, FALSE);

          /* Translators: days in one month, e.g. “22–25 January 2019”:
           * %1$d and %2$d are days, %3$s the month and %4$s the year */
          return g_strdup_printf (_("%1$d–%2$d %3$s %4$s"),
                                  start->day, end->day, name, year);
        }
      else
        {
          g_autofree char *start_name = month_name (start->month, FALSE);
          g_autofree char *end_name = month_name (end->month, FALSE);

          /* Translators: days in one year, e.g. “30 April – 2 May 2019”:
           * %1$d day, %2$s month, %3$d day, %4$s month, %5$s year */
          return g_strdup_printf (_("%1$d %2$s – %3$d %4$s %5$s"),
                                  start->day, start_name,
                                  end->day, end_name, year);
        }
    }

  if (start->precision == TIES_DATE_PRECISION_MONTH &&
      end->precision == TIES_DATE_PRECISION_MONTH)
    {
      g_autofree char *start_name = month_name (start->month, TRUE);
      g_autofree char *end_name = month_name (end->month, TRUE);

      /* Translators: months in one year, e.g. “April – June 2019”:
       * %1$s and %2$s are months, %3$s the year */
      return g_strdup_printf (_("%1$s – %2$s %3$s"),
                              start_name, end_name, year);
    }

  return NULL;
}

/* Two dates, from @start to @end */
static char *
format_span (const Point *start,
             const Point *end)
{
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;

  g_assert (start != NULL);
  g_assert (end != NULL);

  /* Ends qualified alike read as one qualified span:
   * "16–22 September 2019 (approx.)". */
  if (start->approximate == end->approximate && start->uncertain == end->uncertain)
    {
      Point plain_start = *start;
      Point plain_end = *end;
      char *compact;

      plain_start.approximate = plain_end.approximate = FALSE;
      plain_start.uncertain = plain_end.uncertain = FALSE;

      if (point_is_plain (&plain_start) && point_is_plain (&plain_end)
          && (compact = format_compact_interval (&plain_start, &plain_end)) != NULL)
        return qualify (compact, start->approximate, start->uncertain);
    }

  start_text = format_point (start);
  end_text = format_point (end);

  /* Translators: an interval, e.g. “December 2018 – January 2019” */
  return g_strdup_printf (_("%1$s – %2$s"), start_text, end_text);
}

static char *
format_interval (const TiesDate *self)
{
  const Point *start = &self->start;
  const Point *end = &self->end;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;

  g_assert (self != NULL);

  if (start->kind == POINT_OPEN)
    {
      end_text = format_point (end);
      /* Translators: an interval open at its start, %s is its end */
      return g_strdup_printf (_("until %s"), end_text);
    }
  if (start->kind == POINT_UNKNOWN)
    {
      end_text = format_point (end);
      /* Translators: an interval whose start is unknown, %s is its end */
      return g_strdup_printf (_("unknown – %s"), end_text);
    }

  if (end->kind == POINT_OPEN)
    {
      start_text = format_point (start);
      /* Translators: an interval open at its end, %s is its start */
      return g_strdup_printf (_("from %s"), start_text);
    }
  if (end->kind == POINT_UNKNOWN)
    {
      start_text = format_point (start);
      /* Translators: an interval whose end is unknown, %s is its start */
      return g_strdup_printf (_("%s – unknown"), start_text);
    }

  return format_span (start, end);
}

/* “a, b or c” (one of) or “a, b and c” (all of) */
static char *
join_list (char   **items,
           guint    n_items,
           gboolean one_of)
{
  g_autofree char *text = NULL;

  g_assert (items != NULL);
  g_assert (n_items > 0);

  text = g_strdup (items[0]);
  for (guint i = 1; i + 1 < n_items; i++)
    {
      char *longer;

      /* Translators: joins the items of a list but the last, e.g.
       * “1667, 1668” of “1667, 1668 or 1670” */
      longer = g_strdup_printf (C_("list", "%1$s, %2$s"), text, items[i]);
      g_free (text);
      text = longer;
    }

  if (n_items == 1)
    return g_steal_pointer (&text);

  if (one_of)
    /* Translators: the last item of a list of dates one of which is
     * meant, e.g. “17 or 18 April 2019”, “1667, 1668 or 1670” */
    return g_strdup_printf (_("%1$s or %2$s"), text, items[n_items - 1]);

  /* Translators: the last item of a list of dates all of which are meant,
   * e.g. “17 and 18 April 2019”, “1960 and December 1961” */
  return g_strdup_printf (_("%1$s and %2$s"), text, items[n_items - 1]);
}

/* A set of plain days or months of one year written with the year once:
 * “17 or 18 April 2019”, “30 April or 2 May 2019”, “January, February or
 * December 1760”; NULL when the set is not one. */
static char *
format_compact_set (const TiesDate *self)
{
  const Point *first;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *list = NULL;
  g_autofree char *year = NULL;
  gboolean same_month = TRUE;
  gboolean one_of;

  g_assert (self != NULL);
  g_assert (self->n_members > 0);

  first = &self->members[0].start;
  if (self->n_members < 2 ||
      (first->precision != TIES_DATE_PRECISION_DAY &&
       first->precision != TIES_DATE_PRECISION_MONTH))
    return NULL;

  for (guint i = 0; i < self->n_members; i++)
    {
      const Member *member = &self->members[i];

      if (member->range || !point_is_plain (&member->start) ||
          member->start.precision != first->precision ||
          member->start.year != first->year)
        return NULL;
      same_month = same_month && member->start.month == first->month;
    }

  one_of = self->kind == TIES_DATE_KIND_ONE_OF;
  items = g_ptr_array_new_with_free_func (g_free);
  year = format_year (first->year);

  for (guint i = 0; i < self->n_members; i++)
    {
      const Point *point = &self->members[i].start;

      if (first->precision == TIES_DATE_PRECISION_MONTH)
        g_ptr_array_add (items, month_name (point->month, TRUE));
      else if (same_month)
        /* Translators: a day of the month in a list of days, e.g. the
         * “17” of “17 or 18 April 2019” */
        g_ptr_array_add (items, g_strdup_printf (C_("day in a list", "%d"), point->day));
      else
        {
          g_autofree char *name = month_name (point->month, FALSE);

          /* Translators: a day and month in a list of days of one year,
           * e.g. the “30 April” of “30 April or 2 May 2019” */
          g_ptr_array_add (items, g_strdup_printf (_("%1$d %2$s"), point->day, name));
        }
    }

  list = join_list ((char **) items->pdata, items->len, one_of);

  if (first->precision == TIES_DATE_PRECISION_DAY && same_month)
    {
      g_autofree char *name = month_name (first->month, FALSE);

      /* Translators: days of one month, e.g. “17 or 18 April 2019”: %1$s
       * is the list of days, %2$s the month and %3$s the year */
      return g_strdup_printf (_("%1$s %2$s %3$s"), list, name, year);
    }

  /* Translators: days or months of one year, e.g. “January, February or
   * December 1760”: %1$s is the list and %2$s the year */
  return g_strdup_printf (C_("list of one year", "%1$s %2$s"), list, year);
}

static char *
format_member (const Member *member,
               gboolean      one_of)
{
  g_autofree char *text = NULL;

  g_assert (member != NULL);

  if (!member->range)
    return format_point (&member->start);

  if (member->start.kind == POINT_OPEN)
    {
      text = format_point (&member->end);
      if (one_of)
        /* Translators: a date or any earlier one, e.g. “3 December 1760
         * or earlier” */
        return g_strdup_printf (_("%s or earlier"), text);
      /* Translators: a date and all earlier ones, e.g. “1984 and earlier” */
      return g_strdup_printf (_("%s and earlier"), text);
    }

  if (member->end.kind == POINT_OPEN)
    {
      text = format_point (&member->start);
      if (one_of)
        /* Translators: a date or any later one, e.g. “December 1760 or
         * later” */
        return g_strdup_printf (_("%s or later"), text);
      /* Translators: a date and all later ones, e.g. “1984 and later” */
      return g_strdup_printf (_("%s and later"), text);
    }

  return format_span (&member->start, &member->end);
}

static char *
format_set (const TiesDate *self)
{
  g_autoptr(GPtrArray) items = NULL;
  char *compact;

  g_assert (self != NULL);

  if ((compact = format_compact_set (self)) != NULL)
    return compact;

  items = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->n_members; i++)
    g_ptr_array_add (items, format_member (&self->members[i],
                                           self->kind == TIES_DATE_KIND_ONE_OF));

  return join_list ((char **) items->pdata, items->len,
                    self->kind == TIES_DATE_KIND_ONE_OF);
}

char *
ties_date_format (const TiesDate *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (self->kind)
    {
    case TIES_DATE_KIND_ONE_OF:
    case TIES_DATE_KIND_ALL_OF:
      return format_set (self);

    case TIES_DATE_KIND_INTERVAL:
      return format_interval (self);

    case TIES_DATE_KIND_SINGLE:
    default:
      return format_point (&self->start);
    }
}

/* After Howard Hinnant's civil_from_days, the inverse of day_number(). */
char *
ties_date_day_to_iso (gint64 day)
{
  gint64 z, era, doe, yoe, year, doy, mp;
  int month, day_of_month;

  if (day == TIES_DATE_DAY_MIN || day == TIES_DATE_DAY_MAX)
    return NULL;

  z = day - 719163 + 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  year = yoe + era * 400;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  day_of_month = (int) (doy - (153 * mp + 2) / 5 + 1);
  month = (int) (mp < 10 ? mp + 3 : mp - 9);
  year += month <= 2;

  if (year >= 0 && year <= 9999)
    return g_strdup_printf ("%04" G_GINT64_FORMAT "-%02d-%02d", year, month, day_of_month);

  return g_strdup_printf ("%s%04" G_GINT64_FORMAT "-%02d-%02d", year < 0 ? "-" : "+",
                          year < 0 ? -year : year, month, day_of_month);
}
