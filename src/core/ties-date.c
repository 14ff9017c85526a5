/* ties-date.c: EDTF (ISO 8601-2, levels 0 and 1) dates
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ties-date.h"

/* Scope: EDTF levels 0 and 1 for the years 0000 to 9999.  Negative years
 * ("-0100") and long years ("Y170000002") are level 1 too, but a timeline of
 * documented events does not need them, so the parser rejects them with a
 * message that says so.  Times of day ("T10:00") are rejected likewise. */

typedef enum {
  POINT_DATE,
  POINT_OPEN,      /* ".." */
  POINT_UNKNOWN,   /* the empty side of "2019/" or "/2019" */
} PointKind;

typedef struct {
  PointKind kind;
  int year;                  /* with X digits read as 0: 201X → 2010 */
  int n_unspecified;         /* X digits at the end of the year: 0, 1 or 2 */
  int month;                 /* 0 (none or XX), 1–12, or a season 21–24 */
  int day;                   /* 0 (none or XX), 1–31 */
  TiesDatePrecision precision;
  guint month_unspecified : 1;
  guint day_unspecified : 1;
  guint approximate : 1;
  guint uncertain : 1;
} Point;

struct _TiesDate {
  char *text;
  gboolean interval;
  Point start;
  Point end;                 /* only meaningful for an interval */
};

typedef struct {
  int year;
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

  index = (gint64) ymd->year * 12 + (ymd->month - 1) + n_months;
  ymd->year = (int) (index >= 0 ? index / 12 : -((-index + 11) / 12));
  ymd->month = (int) (index - (gint64) ymd->year * 12) + 1;
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

  if (point->n_unspecified > 0)
    {
      int span = point->n_unspecified == 1 ? 10 : 100;

      *first = (Ymd) { point->year, 1, 1 };
      *last = (Ymd) { point->year + span - 1, 12, 31 };
    }
  else if (point->month == 0)
    {
      *first = (Ymd) { point->year, 1, 1 };
      *last = (Ymd) { point->year, 12, 31 };
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
    case TIES_DATE_PRECISION_DAY:
    default:
      return GRAIN_DAY;
    }
}

/* The point that stands for the whole date: the start, unless it is open
 * or unknown. */
static const Point *
main_point (const TiesDate *self)
{
  g_assert (self != NULL);

  if (self->start.kind == POINT_DATE || !self->interval)
    return &self->start;

  return &self->end;
}

/* Parsing */

typedef struct {
  const char *text;
  const char *p;
  gsize *error_offset;
  GError **error;
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

  if (*at == 'T' && at > parser->text && g_ascii_isdigit (at[-1]))
    return fail_at (parser, at, TIES_DATE_ERROR_SYNTAX,
                    _("times of day are not supported, only dates"));

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

static gsize
digit_run (const char *s)
{
  gsize n = 0;

  g_assert (s != NULL);

  while (g_ascii_isdigit (s[n]) || s[n] == 'X')
    n++;

  return n;
}

static char *format_day (int year, int month, int day);

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

static gboolean
parse_point (Parser *parser,
             Point  *point)
{
  const char *s;
  gsize run;
  int first_x = -1;
  gboolean unspecified;

  g_assert (parser != NULL);
  g_assert (point != NULL);

  s = parser->p;
  memset (point, 0, sizeof *point);
  point->kind = POINT_DATE;
  point->precision = TIES_DATE_PRECISION_YEAR;

  if (*s == '-')
    return fail_at (parser, s, TIES_DATE_ERROR_SYNTAX,
                    _("negative years (before 0000) are not supported"));
  if (*s == 'Y')
    return fail_at (parser, s, TIES_DATE_ERROR_SYNTAX,
                    _("years written with “Y” (after 9999) are not supported"));

  /* Year */
  run = digit_run (s);
  if (run == 0)
    return fail_unexpected (parser, s);
  if (run != 4)
    /* Translators: %.*s is what was typed as a year, e.g. “19” */
    return fail_at (parser, s, TIES_DATE_ERROR_SYNTAX,
                    _("the year “%.*s” needs exactly four digits"), (int) run, s);

  for (int i = 0; i < 4; i++)
    {
      if (s[i] == 'X' && first_x < 0)
        first_x = i;
      else if (s[i] != 'X' && first_x >= 0)
        break;
      point->year = point->year * 10 + (s[i] == 'X' ? 0 : s[i] - '0');
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
  s += 4;

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

/**
 * ties_date_parse:
 * @text: an EDTF date or interval
 * @error_offset: (out) (optional): where the error is
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the date, or %NULL with @error set
 */
TiesDate *
ties_date_parse (const char  *text,
                 gsize       *error_offset,
                 GError     **error)
{
  Parser parser = { text, text, error_offset, error };
  TiesDate *self;
  Point start, end = { 0 };
  const char *end_at = NULL;
  const char *invalid = NULL;
  gboolean interval = FALSE;

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

  if (g_unichar_isspace (g_utf8_get_char (text)))
    {
      fail_at (&parser, text, TIES_DATE_ERROR_SYNTAX,
               _("the date starts with a space"));
      return NULL;
    }

  {
    const char *last = text + strlen (text);
    const char *prev;

    while ((prev = g_utf8_find_prev_char (text, last)) != NULL &&
           g_unichar_isspace (g_utf8_get_char (prev)))
      last = prev;

    if (*last != '\0')
      {
        fail_at (&parser, last, TIES_DATE_ERROR_SYNTAX,
                 _("the date ends with a space"));
        return NULL;
      }
  }

  if (!parse_side (&parser, &start))
    return NULL;

  if (*parser.p == '/')
    {
      interval = TRUE;
      parser.p++;
      end_at = parser.p;

      if (!parse_side (&parser, &end))
        return NULL;
    }

  if (*parser.p != '\0')
    {
      fail_unexpected (&parser, parser.p);
      return NULL;
    }

  if (!interval && start.kind == POINT_OPEN)
    {
      fail_at (&parser, text, TIES_DATE_ERROR_SYNTAX,
               _("“..” (open end) can only be a side of an interval, "
                 "as in “2019/..” or “../2019”"));
      return NULL;
    }

  if (interval && start.kind != POINT_DATE && end.kind != POINT_DATE)
    {
      fail_at (&parser, text, TIES_DATE_ERROR_SYNTAX,
               _("an interval needs at least one date"));
      return NULL;
    }

  if (interval && start.kind == POINT_DATE && end.kind == POINT_DATE)
    {
      gint64 start_first, start_last, end_first, end_last;

      point_range (&start, FALSE, &start_first, &start_last);
      point_range (&end, FALSE, &end_first, &end_last);

      if (start_first > end_last)
        {
          fail_at (&parser, end_at, TIES_DATE_ERROR_INTERVAL,
                   _("the interval ends before it starts"));
          return NULL;
        }
    }

  self = g_atomic_rc_box_new0 (TiesDate);
  self->text = g_strdup (text);
  self->interval = interval;
  self->start = start;
  self->end = end;

  return self;
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

static void
ties_date_clear (gpointer data)
{
  TiesDate *self = data;

  g_assert (self != NULL);

  g_clear_pointer (&self->text, g_free);
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

  return self->interval;
}

TiesDatePrecision
ties_date_get_precision (const TiesDate *self)
{
  g_return_val_if_fail (self != NULL, TIES_DATE_PRECISION_YEAR);

  return main_point (self)->precision;
}

gboolean
ties_date_is_approximate (const TiesDate *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->start.approximate || (self->interval && self->end.approximate);
}

gboolean
ties_date_is_uncertain (const TiesDate *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->start.uncertain || (self->interval && self->end.uncertain);
}

static void
get_range (const TiesDate *self,
           gboolean        fuzzy,
           gint64         *first_day,
           gint64         *last_day)
{
  gint64 first, last, unused;

  g_assert (self != NULL);

  point_range (&self->start, fuzzy, &first, &last);
  if (self->interval)
    {
      /* An open or unknown start gives MIN, an open or unknown end MAX */
      point_range (&self->end, fuzzy, &unused, &last);
      if (self->start.kind != POINT_DATE)
        first = TIES_DATE_DAY_MIN;
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
  int result;

  if (a == b)
    return 0;
  if (a == NULL)
    return 1;
  if (b == NULL)
    return -1;

  get_range (a, FALSE, &a_first, &a_last);
  get_range (b, FALSE, &b_first, &b_last);

  if ((result = CMP (a_first, b_first)) != 0)
    return result;
  if ((result = CMP (point_grain (main_point (a)), point_grain (main_point (b)))) != 0)
    return result;
  if ((result = CMP (a_last, b_last)) != 0)
    return result;
  if ((result = CMP (qualifier_rank (a), qualifier_rank (b))) != 0)
    return result;
  if ((result = CMP (a->interval, b->interval)) != 0)
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

static char *
format_day (int year,
            int month,
            int day)
{
  g_autofree char *name = month_name (month, FALSE);

  /* Translators: a day, e.g. “17 April 2019”: %1$d is the day of the
   * month, %2$s the month name and %3$d the year */
  return g_strdup_printf (_("%1$d %2$s %3$d"), day, name, year);
}

static char *
format_month (int year,
              int month)
{
  g_autofree char *name = month_name (month, TRUE);

  /* Translators: a month, e.g. “April 2019”: %1$s is the month name and
   * %2$d the year */
  return g_strdup_printf (_("%1$s %2$d"), name, year);
}

static char *
format_point_plain (const Point *point)
{
  g_assert (point != NULL);
  g_assert (point->kind == POINT_DATE);

  if (point->n_unspecified > 0)
    {
      int span = point->n_unspecified == 1 ? 10 : 100;

      /* Translators: a range of years written with “X” digits, e.g.
       * “2010–2019” for 201X */
      return g_strdup_printf (_("%1$d–%2$d"), point->year, point->year + span - 1);
    }

  switch (point->precision)
    {
    case TIES_DATE_PRECISION_DAY:
      return format_day (point->year, point->month, point->day);

    case TIES_DATE_PRECISION_MONTH:
      return format_month (point->year, point->month);

    case TIES_DATE_PRECISION_SEASON:
      switch (point->month)
        {
        /* Translators: %d is a year; winter runs from December of that
         * year to February of the next */
        case 21: return g_strdup_printf (_("spring %d"), point->year);
        case 22: return g_strdup_printf (_("summer %d"), point->year);
        case 23: return g_strdup_printf (_("autumn %d"), point->year);
        case 24: return g_strdup_printf (_("winter %d"), point->year);
        default: break;
        }
      g_assert_not_reached ();
      return NULL;

    case TIES_DATE_PRECISION_YEAR:
    default:
      return g_strdup_printf ("%d", point->year);
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
  g_autofree char *plain = NULL;

  g_assert (point != NULL);

  plain = format_point_plain (point);

  if (point->approximate && point->uncertain)
    /* Translators: %s is a date that is both approximate and uncertain */
    return g_strdup_printf (_("%s (approx., uncertain)"), plain);
  if (point->approximate)
    /* Translators: %s is an approximate date */
    return g_strdup_printf (_("%s (approx.)"), plain);
  if (point->uncertain)
    /* Translators: %s is an uncertain date */
    return g_strdup_printf (_("%s (uncertain)"), plain);

  return g_steal_pointer (&plain);
}

static gboolean
point_is_plain (const Point *point)
{
  g_assert (point != NULL);

  return !point->approximate && !point->uncertain && point->n_unspecified == 0 &&
         !point->month_unspecified && !point->day_unspecified;
}

/* "22–25 January 2019" for two plain ends, or NULL when the two ends
 * share nothing worth writing once. */
static char *
format_compact_interval (const Point *start,
                         const Point *end)
{
  g_autofree char *start_text = format_point_plain (start);
  g_autofree char *end_text = format_point_plain (end);

  if (g_str_equal (start_text, end_text))
    return g_steal_pointer (&start_text);

  if (start->precision == TIES_DATE_PRECISION_DAY &&
      end->precision == TIES_DATE_PRECISION_DAY &&
      start->year == end->year)
    {
      if (start->month == end->month)
        {
          g_autofree char *name = month_name (start->month, FALSE);

          /* Translators: days in one month, e.g. “22–25 January 2019”:
           * %1$d and %2$d are days, %3$s the month and %4$d the year */
          return g_strdup_printf (_("%1$d–%2$d %3$s %4$d"),
                                  start->day, end->day, name, start->year);
        }
      else
        {
          g_autofree char *start_name = month_name (start->month, FALSE);
          g_autofree char *end_name = month_name (end->month, FALSE);

          /* Translators: days in one year, e.g. “30 April – 2 May 2019”:
           * %1$d day, %2$s month, %3$d day, %4$s month, %5$d year */
          return g_strdup_printf (_("%1$d %2$s – %3$d %4$s %5$d"),
                                  start->day, start_name,
                                  end->day, end_name, start->year);
        }
    }

  if (start->precision == TIES_DATE_PRECISION_MONTH &&
      end->precision == TIES_DATE_PRECISION_MONTH &&
      start->year == end->year)
    {
      g_autofree char *start_name = month_name (start->month, TRUE);
      g_autofree char *end_name = month_name (end->month, TRUE);

      /* Translators: months in one year, e.g. “April – June 2019”:
       * %1$s and %2$s are months, %3$d the year */
      return g_strdup_printf (_("%1$s – %2$s %3$d"),
                              start_name, end_name, start->year);
    }

  return NULL;
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

  start_text = format_point (start);

  if (end->kind == POINT_OPEN)
    /* Translators: an interval open at its end, %s is its start */
    return g_strdup_printf (_("from %s"), start_text);
  if (end->kind == POINT_UNKNOWN)
    /* Translators: an interval whose end is unknown, %s is its start */
    return g_strdup_printf (_("%s – unknown"), start_text);

  end_text = format_point (end);

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

  /* Translators: an interval, e.g. “December 2018 – January 2019” */
  return g_strdup_printf (_("%1$s – %2$s"), start_text, end_text);
}

char *
ties_date_format (const TiesDate *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->interval)
    return format_interval (self);

  return format_point (&self->start);
}
