/* ties-timeline-view.h: the timeline strip, live
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ties-network.h"
#include "ties-selection.h"
#include "ties-timeline.h"

G_BEGIN_DECLS

#define TIES_TYPE_TIMELINE_VIEW (ties_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (TiesTimelineView, ties_timeline_view, TIES, TIMELINE_VIEW, GtkWidget)

/* Draws the events @network counts on a time axis (ties-timeline.h),
 * and follows and sets the window's selection: a click selects an
 * event, Left and Right select the one before or after it in time, Up
 * and Down the nearest in the lane above or below. Zoom with
 * Ctrl+scroll, a pinch or + and −; pan with scroll, a drag or
 * Shift+Left and Right. */
GtkWidget     *ties_timeline_view_new           (void);
TiesNetwork   *ties_timeline_view_get_network   (TiesTimelineView *self);
void           ties_timeline_view_set_network   (TiesTimelineView *self,
                                                 TiesNetwork      *network);
TiesSelection *ties_timeline_view_get_selection (TiesTimelineView *self);
void           ties_timeline_view_set_selection (TiesTimelineView *self,
                                                 TiesSelection    *selection);

/* "lanes": "actor" or "kind" (also the stateful action "timeline.lanes"). */
const char    *ties_timeline_view_get_lanes     (TiesTimelineView *self);
void           ties_timeline_view_set_lanes     (TiesTimelineView *self,
                                                 const char       *lanes);

/* The span shown, in TiesDate day numbers; and back to every event. */
void           ties_timeline_view_get_span      (TiesTimelineView *self,
                                                 double           *first_day,
                                                 double           *last_day);
void           ties_timeline_view_set_span      (TiesTimelineView *self,
                                                 double            first_day,
                                                 double            last_day);
void           ties_timeline_view_zoom_to_fit   (TiesTimelineView *self);

/* The timeline as drawn now (NULL before a network is set), with the
 * view's span and lane scrolling: where its marks are, in the widget's
 * coordinates (ties_timeline_get_mark() at the widget's size). */
TiesTimeline  *ties_timeline_view_get_timeline  (TiesTimelineView *self);
/* What a click at (@x, @y) does: selects the event drawn there. */
void           ties_timeline_view_activate_at   (TiesTimelineView *self,
                                                 double            x,
                                                 double            y);
/* The accessible description, as set: the selected event and its date,
 * or how many events there are (brought up to date while shown). */
const char    *ties_timeline_view_get_description (TiesTimelineView *self);

/* Shows only the whole days drawn between @x0 and @x1: the network's
 * filter takes them as its range (a drag across the strip). */
void              ties_timeline_view_brush            (TiesTimelineView *self,
                                                       double            x0,
                                                       double            x1);

/* Play's month (NULL: none): a line at its end, later times veiled. */
void              ties_timeline_view_set_now          (TiesTimelineView *self,
                                                       TiesDate         *now);

G_END_DECLS
