/* ties-timing.h: an opt-in start-up and frame-time probe for benchmarks
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dormant unless the environment variable TIES_TIMING is set; then it
 * prints lines "NAME <ms since process start>" to stderr:
 *   first-frame      the window's first frame clock "after-paint"
 *   network-set      a network (document) was given to the diagram
 *   network-frame    the first frame after that
 *   layout-start     the diagram went busy (threaded layout)
 *   layout-done      the diagram's "busy" went FALSE again
 *   layout-frames N max-interval-ms M   frames drawn while busy
 * The start is TIES_TIMING_T0 (wall clock, ns since the epoch, as from
 * `date +%s%N` just before exec) or else the process's start time.
 * TIES_TIMING_QUIT=NAME exits right after printing NAME.
 * TIES_TIMING_PAN=1: once the diagram is laid out, it pans itself a few
 * pixels a frame for 3 s, prints
 *   pan frames N interval-ms min MIN median MED p95 P95 max MAX
 *       draw-ms median D p95 D95 max DMAX wall-ms median W p95 W95 max WMAX
 *       cpu-ms median C p95 C95 max CMAX
 * (interval: between frame clock frame times, which GTK snaps to the
 * refresh interval; draw: tick to after-paint; wall: between ticks;
 * cpu: tick to after-paint in the main thread's CPU time, which a
 * loaded machine does not inflate)
 * and exits.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean ties_timing_enabled        (void);
double   ties_timing_now_ms         (void);
void     ties_timing_mark           (const char *name);
void     ties_timing_watch_window   (GtkWindow  *window);
/* @view has a boolean "busy" and a "network" property; @pan_by moves its
 * picture by (dx, dy) pixels. */
void     ties_timing_watch_diagram  (GtkWidget  *view,
                                     void      (*pan_by) (GtkWidget *view,
                                                          double     dx,
                                                          double     dy));

G_END_DECLS
