/* ties-timeline.h: when ties formed, and how sure we are of each date
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "ties-document.h"
#include "ties-export.h"
#include "ties-network.h"
#include "ties-renderer.h"

G_BEGIN_DECLS

typedef enum {
  TIES_TIMELINE_LANES_ACTOR,    /* one lane per participant: an event of three shows thrice */
  TIES_TIMELINE_LANES_KIND,     /* one lane per event kind */
} TiesTimelineLanes;

/* How a date is drawn: what it says, not more. */
typedef enum {
  TIES_TIMELINE_MARK_TICK,      /* a day */
  TIES_TIMELINE_MARK_BAR,       /* a month, season, year or interval: its strict range */
  TIES_TIMELINE_MARK_SET,       /* "one of" / "all of": a tick or bar per member */
} TiesTimelineMarkType;

typedef struct
{
  TiesTimelineLanes lanes;
  TiesStyle style;
  /* FALSE: transparent background (exports). */
  gboolean solid_background;
} TiesTimelineOptions;

void ties_timeline_options_init (TiesTimelineOptions *options);

/* One mark of an event in one of its lanes, in the pixels of a
 * width × height area as ties_timeline_draw() draws it. */
typedef struct
{
  TiesTimelineMarkType type;
  guint lane;
  /* The strict range (a day's tick: the day's column), and the fuzzy
   * range, wider for approximate or uncertain dates, else the same. */
  double x0;
  double x1;
  double fuzzy_x0;
  double fuzzy_x1;
  gboolean approximate;
  gboolean uncertain;
  /* The lane's middle and the mark's height. */
  double y;
  double height;
  /* Sets: how many members (ties_timeline_get_member_x()). */
  guint n_members;
  guint32 color;                /* 0xRRGGBB, the event kind's */
} TiesTimelineMark;

/* The events the network counts that have a date, laid out once (lanes,
 * day ranges, colours), then drawn any number of times at any size
 * and over any span of time. Days are TiesDate's day numbers; the shown
 * span starts as all the events' fuzzy ranges, padded. */
typedef struct _TiesTimeline TiesTimeline;

TiesTimeline *ties_timeline_new         (TiesDocument              *document,
                                         TiesNetwork               *network,
                                         const TiesTimelineOptions *options);
void          ties_timeline_free        (TiesTimeline              *self);

TiesTimelineLanes ties_timeline_get_lanes (TiesTimeline           *self);
TiesStyle     ties_timeline_get_style   (TiesTimeline              *self);
void          ties_timeline_set_style   (TiesTimeline              *self,
                                         TiesStyle                  style);

/* The span shown, in days: [first, last) (fractional while zooming). */
void          ties_timeline_get_view    (TiesTimeline              *self,
                                         double                    *first_day,
                                         double                    *last_day);
void          ties_timeline_set_view    (TiesTimeline              *self,
                                         double                     first_day,
                                         double                     last_day);
/* All the events, padded; the view ties_timeline_new() starts with. */
void          ties_timeline_get_extent  (TiesTimeline              *self,
                                         double                    *first_day,
                                         double                    *last_day);
/* Lanes scrolled up by @offset pixels when they do not all fit. */
double        ties_timeline_get_lane_offset (TiesTimeline          *self);
void          ties_timeline_set_lane_offset (TiesTimeline          *self,
                                             double                 offset);
/* How far the lanes can scroll in a @height-pixel area. */
double        ties_timeline_get_max_lane_offset (TiesTimeline      *self,
                                                 double             height);

/* Lanes as thin as they must be for all of them to fit the height
 * drawn, rather than at least a line of text tall and scrolled (exports
 * set it). */
void          ties_timeline_set_fit_lanes (TiesTimeline            *self,
                                           gboolean                 fit);
/* The height that gives every lane room for its name. */
double        ties_timeline_get_natural_height (TiesTimeline       *self);

/* The area's geometry: the lane names' column ends at the plot's left
 * edge; the time axis sits above the lanes. */
double        ties_timeline_get_plot_x  (TiesTimeline              *self,
                                         double                     width);
double        ties_timeline_day_to_x    (TiesTimeline              *self,
                                         double                     width,
                                         double                     day);
double        ties_timeline_x_to_day    (TiesTimeline              *self,
                                         double                     width,
                                         double                     x);

guint         ties_timeline_get_n_lanes (TiesTimeline              *self);
const char   *ties_timeline_get_lane_name (TiesTimeline            *self,
                                           guint                    lane);

/* Events in time order (ties_date_compare(), then document order). */
guint         ties_timeline_get_n_events (TiesTimeline             *self);
TiesEvent    *ties_timeline_get_event   (TiesTimeline              *self,
                                         guint                      index);
/* The index of @event, or G_MAXUINT when it is not drawn. */
guint         ties_timeline_find_event  (TiesTimeline              *self,
                                         TiesEvent                 *event);
/* "Title, 17 April 2019": what a tooltip, an SVG <title> and an
 * accessible description say of the event. */
char         *ties_timeline_dup_event_text (TiesTimeline           *self,
                                            guint                   index);

/* The marks of event @index: one per lane it is drawn in. */
guint         ties_timeline_get_n_marks (TiesTimeline              *self,
                                         guint                      index);
gboolean      ties_timeline_get_mark    (TiesTimeline              *self,
                                         guint                      index,
                                         guint                      mark,
                                         double                     width,
                                         double                     height,
                                         TiesTimelineMark          *out);
/* The strict range of member @member of a set's mark, in pixels. */
gboolean      ties_timeline_get_member_x (TiesTimeline             *self,
                                          guint                     index,
                                          guint                     member,
                                          double                    width,
                                          double                   *x0,
                                          double                   *x1);
/* The event whose mark in @lane is nearest in time to @day, or
 * G_MAXUINT when the lane is empty (keyboard moves between lanes). */
guint         ties_timeline_find_nearest (TiesTimeline             *self,
                                          guint                     lane,
                                          double                    day);

/* The event drawn at (@x, @y) of a @width × @height area, within a few
 * pixels, or G_MAXUINT; @lane (may be NULL) says in which lane. */
guint         ties_timeline_hit         (TiesTimeline              *self,
                                         double                     width,
                                         double                     height,
                                         double                     x,
                                         double                     y,
                                         guint                     *lane);

/* Draws axis, lane names and the marks in view (user units of @cr). */
void          ties_timeline_draw        (TiesTimeline              *self,
                                         cairo_t                   *cr,
                                         double                     width,
                                         double                     height);
/* Rings event @index's marks: over a ties_timeline_draw(), for the
 * selection (@strong) or the pointer. */
void          ties_timeline_draw_highlight (TiesTimeline           *self,
                                            cairo_t                *cr,
                                            double                  width,
                                            double                  height,
                                            guint                   index,
                                            gboolean                strong);

/* The whole extent as SVG 1.1: text as <text>, each event a
 * <g id="event-ID"> with a <title> of ties_timeline_dup_event_text(),
 * over the span in view. Same timeline and size, same bytes. */
GBytes       *ties_timeline_write_svg   (TiesTimeline              *self,
                                         double                     width,
                                         double                     height);

/* What `ties --export --panel` draws. */
typedef enum {
  TIES_TIMELINE_PANEL_DIAGRAM,
  TIES_TIMELINE_PANEL_TIMELINE,
  TIES_TIMELINE_PANEL_BOTH,
} TiesTimelinePanel;

gboolean      ties_timeline_panel_from_string (const char        *text,
                                               TiesTimelinePanel *panel);
/* The height the timeline takes in a @height export of both panels:
 * its natural height, within half the page. */
double        ties_timeline_panel_height (TiesTimeline             *self,
                                          double                    height);

/* @timeline alone (@scene NULL), or below @scene's diagram, in
 * @options' format and size, written safely over @file. Every lane is
 * drawn, thinner if need be (ties_timeline_set_fit_lanes()). */
gboolean      ties_timeline_export_panels (TiesTimeline           *timeline,
                                            TiesScene              *scene,
                                            const TiesExportOptions *options,
                                            GFile                  *file,
                                            GError                **error);

/* The same pages drawn on @cr (the export dialog's preview). */
void          ties_timeline_draw_panels   (TiesTimeline           *timeline,
                                           TiesScene              *scene,
                                           cairo_t                *cr,
                                           double                  width,
                                           double                  height);
/* ties_timeline_export_panels() in a worker thread, which takes
 * @timeline and @scene (may be NULL) and frees them. */
void          ties_timeline_export_panels_async  (TiesTimeline            *timeline,
                                                  TiesScene               *scene,
                                                  const TiesExportOptions *options,
                                                  GFile                   *file,
                                                  GCancellable            *cancellable,
                                                  GAsyncReadyCallback      callback,
                                                  gpointer                 user_data);
gboolean      ties_timeline_export_panels_finish (GAsyncResult            *result,
                                                  GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiesTimeline, ties_timeline_free)

G_END_DECLS
