/* ties-date.h: EDTF (ISO 8601-2, levels 0 and 1) dates
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
  TIES_DATE_ERROR_INTERVAL,   /* an interval whose start is after its end */
} TiesDateError;

typedef enum {
  TIES_DATE_PRECISION_YEAR,
  TIES_DATE_PRECISION_SEASON,
  TIES_DATE_PRECISION_MONTH,
  TIES_DATE_PRECISION_DAY,
} TiesDatePrecision;

/* Day numbers count days from 0001-01-01 (day 1), as GDate's Julian days do.
 * An open end ("..") is TIES_DATE_DAY_MIN / TIES_DATE_DAY_MAX; an unknown end
 * (empty side of "a/") is treated like an open one for ranges. */
#define TIES_DATE_DAY_MIN G_MININT64
#define TIES_DATE_DAY_MAX G_MAXINT64

/* TiesDate: an immutable, reference-counted (atomic) parsed EDTF date.
 *
 * Scope: EDTF levels 0 and 1, years 0000–9999. Negative years, “Y” years
 * and times of day are rejected with a message that says so. Unspecified
 * digits: only “201X”, “20XX”, “2019-XX”, “2019-05-XX”, “2019-XX-XX”.
 *
 * Precision: what is known. “2019-XX”, “2019-XX-XX” and “201X” are YEAR,
 * “2019-05-XX” is MONTH, “2019-21” (spring) is SEASON. An interval has the
 * precision of its start, or of its end when the start is open/unknown.
 * Approximate/uncertain: TRUE if either end of an interval is.
 *
 * Strict range: the first and last day the text can mean: 2019 →
 * 2019-01-01..2019-12-31, 201X → 2010-01-01..2019-12-31, spring/summer/
 * autumn/winter → Mar–May / Jun–Aug / Sep–Nov / Dec–Feb of the next year
 * (Northern-hemisphere meteorological seasons), an interval → start's first
 * day .. end's last day.
 *
 * Fuzzy range: the strict range widened on each side, per date (each end
 * of an interval by its own qualifier), by one unit for “~” or “?” and two
 * units for “%”; the unit is one year for YEAR precision (also for 201X),
 * one month for SEASON and MONTH, three days for DAY.
 *
 * Sort order (ties_date_compare), a total order; NULL sorts last:
 *  1. strict first day (open/unknown starts first);
 *  2. coarser before finer: century (20XX) < decade (201X) < year < season
 *     < month < day, so a container sorts before what it contains;
 *  3. strict last day, shorter first;
 *  4. exact < uncertain (?) < approximate (~) < both (%);
 *  5. single dates before intervals;
 *  6. strcmp() of the text.
 *
 * Human form (ties_date_format, localised; English shown): “17 April 2019”,
 * “April 2019”, “spring 2019”, “2019”, “2010–2019” (201X), “2000–2099”
 * (20XX), suffixes “ (approx.)”, “ (uncertain)”, “ (approx., uncertain)”;
 * intervals “22–25 January 2019”, “30 April – 2 May 2019”, “April – June
 * 2019”, “December 2018 – January 2019”, “from May 2019”, “until 2019”,
 * “May 2019 – unknown”, “unknown – 2019”. */
typedef struct _TiesDate TiesDate;

GType        ties_date_get_type        (void) G_GNUC_CONST;
GQuark       ties_date_error_quark     (void);

/* On failure, *error_offset (if not NULL) is the 0-based character offset
 * of the offending character, and the message names it. */
TiesDate    *ties_date_parse           (const char        *text,
                                        gsize             *error_offset,
                                        GError           **error);
TiesDate    *ties_date_ref             (TiesDate          *self);
void         ties_date_unref           (TiesDate          *self);

const char  *ties_date_get_text        (const TiesDate    *self);
gboolean     ties_date_is_interval     (const TiesDate    *self);
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiesDate, ties_date_unref)

G_END_DECLS
