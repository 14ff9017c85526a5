/* ties-timeline-private.h: what the timeline's layout, drawing and SVG share
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ties-date.h"
#include "ties-timeline.h"

G_BEGIN_DECLS

/* Geometry, in pixels (points in PDF). */
#define AXIS_HEIGHT 36.0
#define BOTTOM_PAD 6.0
#define RIGHT_PAD 10.0
#define MIN_LANE 15.0
#define MAX_LANE 26.0
/* A lane in an export that makes room for them all. */
#define NATURAL_LANE 20.0
#define MARK_HEIGHT 12.0
#define MIN_MARK_WIDTH 2.0
#define HIT_SLOP 4.0
#define TEXT_SIZE 11.0
/* Lane names shrink with thinner lanes on a page, to this at least. */
#define MIN_TEXT_SIZE 6.0
#define AXIS_TEXT_SIZE 10.0
/* Event titles beside marks: at most this many a frame, so that a
 * zoomed-out strip of 10,000 events costs no more than a zoomed-in one. */
#define MAX_TITLES 150

#define NO_KIND_COLOR 0x9A9996

typedef struct
{
  double first;                 /* days, [first, last) */
  double last;
} Span;

typedef struct
{
  guint event;
  guint lane;
  guint color;                  /* into colors */
  guint8 type;                  /* TiesTimelineMarkType */
  guint8 approximate : 1;
  guint8 uncertain : 1;
  guint8 one_of : 1;
  Span strict;
  Span fuzzy;
  guint first_member;           /* into members */
  guint n_members;
} Mark;

typedef struct
{
  TiesEvent *event;
  TiesDate *date;
  guint first_mark;
  guint n_marks;
  float title_width;            /* < 0: not measured yet */
} Entry;

typedef struct
{
  GArray *fuzzy;                /* double[4] x, y, w, h */
  GArray *soft;                 /* the fuzzy range's inner half, again */
  GArray *strict;
  GArray *ticks;                /* days and set members: over the bars */
  GArray *dashed;
  GArray *joins;                /* double[4] x0, y0, x1, y1 */
  GArray *faint_joins;
} Batch;

struct _TiesTimeline
{
  TiesTimelineLanes lanes;
  TiesStyle style;
  gboolean solid_background;

  GArray *entries;              /* Entry, in time order */
  GArray *marks;                /* Mark, by entry */
  GArray *members;              /* Span */
  GPtrArray *lane_names;
  /* Per lane, its marks sorted by fuzzy.first: lane_marks[lane_start[l]
   * .. lane_start[l + 1]), and its longest fuzzy span. */
  guint *lane_marks;
  guint *lane_start;
  double *lane_longest;
  GArray *colors;               /* guint32 */
  GHashTable *index;            /* TiesEvent → entry index + 1 */

  double extent_first;
  double extent_last;
  double view_first;
  double view_last;
  double lane_offset;
  /* Exports: every lane on the page, however thin. */
  gboolean fit_lanes;

  Batch *batches;               /* one per colour, reused frame to frame */
};

typedef enum {
  AXIS_DAYS,
  AXIS_MONTHS,
  AXIS_YEARS,
} AxisUnit;

typedef struct
{
  AxisUnit unit;
  int step;                     /* years per tick for AXIS_YEARS */
  gboolean minor_labels;
} AxisPlan;

typedef void (*TickFunc) (double      day,
                          gboolean    major,
                          const char *label,
                          gpointer    user_data);

/* Layout (ties-timeline.c) */
/* The size of the lane names in a strip @height high: smaller on a
 * page that fits every lane; 0 when too small to read (stripes alone). */
double        _ties_timeline_name_size     (TiesTimeline   *self,
                                            double          height);
double        _ties_timeline_lane_height   (TiesTimeline   *self,
                                            double          height);
double        _ties_timeline_lane_top      (TiesTimeline   *self,
                                            double          height,
                                            guint           lane);
double        _ties_timeline_mark_height   (TiesTimeline   *self,
                                            double          height);
/* The mark in slot @slot of the lanes' sorted index. */
const Mark   *_ties_timeline_lane_mark     (TiesTimeline   *self,
                                            guint           slot);
/* The slots of @lane whose marks may reach into [first, last). */
void          _ties_timeline_lane_window   (TiesTimeline   *self,
                                            guint           lane,
                                            double          first,
                                            double          last,
                                            guint          *begin,
                                            guint          *end);
/* The lanes in a @height area: [*first, *last). */
void          _ties_timeline_visible_lanes (TiesTimeline   *self,
                                            double          height,
                                            guint          *first,
                                            guint          *last);

/* The time axis */
AxisPlan      _ties_timeline_plan_axis     (double          px_per_day);
void          _ties_timeline_for_each_tick (const AxisPlan *plan,
                                            double          first,
                                            double          last,
                                            TickFunc        func,
                                            gpointer        user_data);
gboolean      _ties_timeline_start_label   (TiesTimeline   *self,
                                            const AxisPlan *plan,
                                            char           *text,
                                            gsize           size);

G_END_DECLS
