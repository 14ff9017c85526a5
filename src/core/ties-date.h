/* ties-date.h: EDTF (ISO 8601-2, levels 0 and 1, and sets) dates
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TIES_DATE_ERROR (ties_date_error_quark ())
#define TIES_TYPE_DATE (ties_date_get_type ())

typedef enum {
  TIES_DATE_ERROR_EMPTY,
  TIES_DATE_ERROR_SYNTAX,     /* a character that does not belong */
  TIES_DATE_ERROR_RANGE,      /* month 13, 30 February, day 00, … */
  TIES_DATE_ERROR_INTERVAL,   /* an interval, or a range “a..b” of a set, that ends before it starts */
} TiesDateError;

typedef enum {
  TIES_DATE_PRECISION_YEAR,
  TIES_DATE_PRECISION_SEASON,
  TIES_DATE_PRECISION_MONTH,
  TIES_DATE_PRECISION_DAY,
  TIES_DATE_PRECISION_SECOND,   /* a day and a time of day */
} TiesDatePrecision;

typedef enum {
  TIES_DATE_KIND_SINGLE,        /* 2019-04-17 */
  TIES_DATE_KIND_INTERVAL,      /* 2019-04-17/2019-04-19 */
  TIES_DATE_KIND_ONE_OF,        /* [2019-04-17,2019-04-18]: one of them */
  TIES_DATE_KIND_ALL_OF,        /* {2019-04-17,2019-04-18}: all of them */
} TiesDateKind;

/* Day numbers count days from 0001-01-01 (day 1), as GDate's Julian days do;
 * earlier days are 0 or negative.  An open end ("..") is TIES_DATE_DAY_MIN /
 * TIES_DATE_DAY_MAX; an unknown end (empty side of "a/") is treated like an
 * open one for ranges.  Years are limited to 15 digits (±999,999,999,999,999),
 * so that every day number, widened, stays far from these two values. */
#define TIES_DATE_DAY_MIN G_MININT64
#define TIES_DATE_DAY_MAX G_MAXINT64

/* TiesDate: an immutable, reference-counted (atomic) parsed EDTF date.
 *
 * Scope: all of EDTF levels 0 and 1 (Library of Congress, February 2019),
 * and from level 2 the sets “[a,b]” (one of) and “{a,b}” (all of):
 *  - dates “1985”, “1985-04”, “1985-04-12”; negative years “-1985” (year
 *    0000 is 1 BC, -0001 is 2 BC, as in ISO 8601); “Y170000002” and
 *    “Y-170000002” for years of more than four digits (a year only);
 *  - a day with a time of day “1985-04-12T23:20:30”, in UTC with “Z” or with
 *    a time shift “-04” or “+04:30”; not in intervals, which the
 *    specification keeps to dates, nor in sets or with a qualifier, for
 *    which it defines no meaning;
 *  - seasons 21–24, qualifiers “?” “~” “%” at the end of a date;
 *  - unspecified digits “201X”, “20XX”, “2004-XX”, “1985-04-XX”, “1985-XX-XX”;
 *  - intervals “a/b”, with open (“..”) or unknown (empty) ends;
 *  - sets of dates and ranges “a..b” (same precision on both sides), the
 *    first member may be “..a” (or earlier), the last “a..” (or later):
 *    “[1667,1668,1670..1672]”, “[..1760-12-03]”, “{1960,1961-12}”.
 * Other level 2 forms (“Y-17E7”, “1950S2”, “2004?-06-11”, “156X-12-25”) are
 * refused.
 *
 * Precision: what is known. “2019-XX”, “2019-XX-XX” and “201X” are YEAR,
 * “2019-05-XX” is MONTH, “2019-21” (spring) is SEASON, a time of day
 * SECOND. An interval has the precision of its start, or of its end when
 * the start is open/unknown; a set that of its first date.
 * Approximate/uncertain: TRUE if any date of an interval or set is.
 *
 * Strict range: the first and last day the text can mean: 2019 →
 * 2019-01-01..2019-12-31, 201X → 2010-01-01..2019-12-31, spring/summer/
 * autumn/winter → Mar–May / Jun–Aug / Sep–Nov / Dec–Feb of the next year
 * (Northern-hemisphere meteorological seasons), an interval → start's first
 * day .. end's last day, a date with a time → the day as written (local to
 * its time shift), a set → its earliest first day .. its latest last day
 * (“..a” starts at TIES_DATE_DAY_MIN, “a..” ends at TIES_DATE_DAY_MAX).
 * ties_date_overlaps() looks at each date of a set on its own, so
 * “[1667,1760-12]” does not overlap 1700.
 *
 * Fuzzy range: the strict range widened on each side, per date (each end
 * of an interval, each date of a set by its own qualifier), by one unit
 * for “~” or “?” and two units for “%”; the unit is one year for YEAR
 * precision (also for 201X), one month for SEASON and MONTH, three days
 * for DAY.
 *
 * Sort order (ties_date_compare), a total order; NULL sorts last:
 *  1. strict first day (open/unknown starts first; a date with a time of
 *     day on the day as written);
 *  2. coarser before finer: century (20XX) < decade (201X) < year < season
 *     < month < day < day with a time of day, so a container sorts before
 *     what it contains;
 *  3. time of day, as an instant (times without “Z” or shift as if UTC);
 *  4. strict last day, shorter first;
 *  5. exact < uncertain (?) < approximate (~) < both (%);
 *  6. single dates < intervals < one-of sets < all-of sets;
 *  7. strcmp() of the text.
 *
 * Human form (ties_date_format, localised; English shown): “17 April 2019”,
 * “April 2019”, “spring 2019”, “2019”, “2010–2019” (201X), “2000–2099”
 * (20XX), “51 BC” (-0050), “170,000,002” (Y170000002, grouped as the locale
 * groups digits), “12 April 1985, 23:20:30”, “… 23:20:30 UTC”, “… 23:20:30
 * UTC−04:00”; suffixes “ (approx.)”, “ (uncertain)”, “ (approx.,
 * uncertain)”; intervals “22–25 January 2019”, “30 April – 2 May 2019”,
 * “April – June 2019”, “December 2018 – January 2019”, “from May 2019”,
 * “until 2019”, “May 2019 – unknown”, “unknown – 2019”; sets “17 or 18 April
 * 2019”, “17 and 18 April 2019”, “January, February or December 1760”,
 * “1667, 1668 or 1670 – 1672”, “3 December 1760 or earlier”, “December 1760
 * or later”, “1960 and December 1961”. */
typedef struct _TiesDate TiesDate;

GType        ties_date_get_type        (void) G_GNUC_CONST;
GQuark       ties_date_error_quark     (void);

/* On failure, *error_offset (if not NULL) is the 0-based character offset
 * of the offending character, and the message names it. */
TiesDate    *ties_date_parse           (const char        *text,
                                        gsize             *error_offset,
                                        GError           **error);
/* The month @month, counted as year × 12 + month − 1 ("2019-05" is
 * 2019 × 12 + 4); NULL outside the years 1 to 9999. */
TiesDate    *ties_date_new_month       (int                month);
TiesDate    *ties_date_ref             (TiesDate          *self);
void         ties_date_unref           (TiesDate          *self);

const char  *ties_date_get_text        (const TiesDate    *self);
gboolean     ties_date_is_interval     (const TiesDate    *self);
TiesDateKind ties_date_get_kind        (const TiesDate    *self);
TiesDatePrecision ties_date_get_precision (const TiesDate *self);
gboolean     ties_date_is_approximate  (const TiesDate    *self);
gboolean     ties_date_is_uncertain    (const TiesDate    *self);

void         ties_date_get_strict_range (const TiesDate   *self,
                                         gint64           *first_day,
                                         gint64           *last_day);
void         ties_date_get_fuzzy_range  (const TiesDate   *self,
                                         gint64           *first_day,
                                         gint64           *last_day);
gboolean     ties_date_overlaps         (const TiesDate   *self,
                                         gint64            first_day,
                                         gint64            last_day,
                                         gboolean          fuzzy);

int          ties_date_compare          (const TiesDate   *a,
                                         const TiesDate   *b);
char        *ties_date_format           (const TiesDate   *self);

gboolean     ties_date_validate         (const char       *text,
                                         gsize            *error_offset,
                                         GError          **error);

/* Day number @day as an ISO 8601 calendar date, "2019-04-17" (years
 * outside 0000–9999 signed and with more digits, "-0050-03-01" for 51 BC,
 * as ISO's expanded form); NULL for an open end (TIES_DATE_DAY_MIN or
 * _MAX). For spreadsheets and timelines that want plain days. */
char        *ties_date_day_to_iso       (gint64            day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiesDate, ties_date_unref)

G_END_DECLS
