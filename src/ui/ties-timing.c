/* ties-timing.c: an opt-in start-up and frame-time probe for benchmarks
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ties-timing.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define PAN_SECONDS 3

static int enabled = -1;
static gint64 start_us;       /* wall clock, µs since the epoch */

static gint64
process_start_us (void)
{
  const char *t0 = g_getenv ("TIES_TIMING_T0");
  g_autofree char *stat = NULL;
  g_autofree char *uptime = NULL;
  const char *p;
  unsigned long long start_ticks = 0;
  double up;

  if (t0 != NULL && *t0 != '\0')
    return g_ascii_strtoll (t0, NULL, 10) / 1000;

  /* Field 22 of /proc/self/stat: start time in clock ticks since boot. */
  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL)
      || !g_file_get_contents ("/proc/uptime", &uptime, NULL, NULL)
      || (p = strrchr (stat, ')')) == NULL
      || sscanf (p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %*d %*d %llu",
                 &start_ticks) != 1)
    return g_get_real_time ();

  up = g_ascii_strtod (uptime, NULL);
  return g_get_real_time () - (gint64) ((up - (double) start_ticks / sysconf (_SC_CLK_TCK)) * G_USEC_PER_SEC);
}

gboolean
ties_timing_enabled (void)
{
  if (G_LIKELY (enabled >= 0))
    return enabled;

  enabled = g_getenv ("TIES_TIMING") != NULL;
  if (enabled)
    start_us = process_start_us ();
  return enabled;
}

double
ties_timing_now_ms (void)
{
  return (g_get_real_time () - start_us) / 1000.0;
}

static void
quit_if (const char *name)
{
  const char *quit = g_getenv ("TIES_TIMING_QUIT");

  if (quit != NULL && g_str_equal (quit, name))
    {
      fflush (stderr);
      _exit (0);
    }
}

void
ties_timing_mark (const char *name)
{
  if (!ties_timing_enabled ())
    return;

  fprintf (stderr, "%s %.1f\n", name, ties_timing_now_ms ());
  fflush (stderr);
  quit_if (name);
}

/* The window's first frame */

static void
on_first_after_paint (GdkFrameClock *clock,
                      gpointer       user_data)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_after_paint, user_data);
  ties_timing_mark ("first-frame");
}

static void
on_window_realize (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_handlers_disconnect_by_func (widget, on_window_realize, NULL);
  if (clock != NULL)
    g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_after_paint), NULL);
}

void
ties_timing_watch_window (GtkWindow *window)
{
  static gboolean watched;

  if (!ties_timing_enabled () || watched)
    return;

  watched = TRUE;
  ties_timing_mark ("window-created");
  g_signal_connect (window, "realize", G_CALLBACK (on_window_realize), NULL);
}

/* The diagram: layout and panning */

typedef struct
{
  GtkWidget *view;
  void (*pan_by) (GtkWidget *, double, double);
  guint networks;
  gboolean busy;
  gboolean panning;

  /* While busy: how often frames still come. */
  guint busy_tick;
  guint busy_frames;
  gint64 busy_last;
  gint64 busy_max;

  /* While panning */
  gint64 pan_start;
  gint64 last_frame_time;
  gint64 tick_at;
  gint64 tick_wall;
  GArray *intervals;          /* gint64 µs, frame clock frame times */
  GArray *draws;              /* gint64 µs, tick to after-paint */
  GArray *cpus;               /* gint64 µs, the same in this thread's CPU time */
  gint64 tick_cpu;
  GArray *walls;              /* gint64 µs, between ticks, wall clock */
  gulong after_paint;
} Probe;

static Probe probe;

static gboolean
busy_tick (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (probe.busy_last != 0 && now - probe.busy_last > probe.busy_max)
    probe.busy_max = now - probe.busy_last;
  probe.busy_last = now;
  probe.busy_frames++;

  return G_SOURCE_CONTINUE;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static double
percentile_ms (GArray *values,
               double  fraction)
{
  guint i;

  if (values->len == 0)
    return 0;
  i = (guint) (fraction * (values->len - 1) + 0.5);
  return g_array_index (values, gint64, MIN (i, values->len - 1)) / 1000.0;
}

static void
finish_pan (void)
{
  g_array_sort (probe.intervals, compare_gint64);
  g_array_sort (probe.draws, compare_gint64);
  g_array_sort (probe.walls, compare_gint64);
  g_array_sort (probe.cpus, compare_gint64);
  fprintf (stderr,
           "pan frames %u interval-ms min %.1f median %.1f p95 %.1f max %.1f draw-ms median %.1f p95 %.1f max %.1f"
           " wall-ms median %.1f p95 %.1f max %.1f cpu-ms median %.1f p95 %.1f max %.1f\n",
           probe.intervals->len + 1,
           percentile_ms (probe.intervals, 0), percentile_ms (probe.intervals, 0.5),
           percentile_ms (probe.intervals, 0.95), percentile_ms (probe.intervals, 1),
           percentile_ms (probe.draws, 0.5), percentile_ms (probe.draws, 0.95),
           percentile_ms (probe.draws, 1),
           percentile_ms (probe.walls, 0.5), percentile_ms (probe.walls, 0.95),
           percentile_ms (probe.walls, 1),
           percentile_ms (probe.cpus, 0.5), percentile_ms (probe.cpus, 0.95),
           percentile_ms (probe.cpus, 1));
  fflush (stderr);
  _exit (0);
}

/* µs of CPU this thread has used: on a loaded machine the wall clock
 * counts the time other processes had the CPU too. */
static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
    return 0;

  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
on_pan_after_paint (GdkFrameClock *clock,
                    gpointer       user_data)
{
  if (probe.tick_at != 0)
    {
      gint64 draw = g_get_monotonic_time () - probe.tick_at;
      gint64 cpu = thread_cpu_time () - probe.tick_cpu;

      g_array_append_val (probe.draws, draw);
      g_array_append_val (probe.cpus, cpu);
      probe.tick_at = 0;
    }
}

static gboolean
pan_tick (GtkWidget     *widget,
          GdkFrameClock *clock,
          gpointer       user_data)
{
  gint64 frame_time = gdk_frame_clock_get_frame_time (clock);
  gint64 now = g_get_monotonic_time ();
  double direction;

  if (probe.tick_wall != 0)
    {
      gint64 wall = now - probe.tick_wall;

      g_array_append_val (probe.walls, wall);
    }
  probe.tick_wall = now;

  if (probe.pan_start == 0)
    {
      probe.pan_start = frame_time;
      probe.after_paint = g_signal_connect (clock, "after-paint", G_CALLBACK (on_pan_after_paint), NULL);
    }
  else
    {
      gint64 interval = frame_time - probe.last_frame_time;

      g_array_append_val (probe.intervals, interval);
    }
  probe.last_frame_time = frame_time;

  if (frame_time - probe.pan_start >= PAN_SECONDS * G_USEC_PER_SEC)
    finish_pan ();

  /* Back and forth, so the diagram stays in view. */
  direction = ((frame_time - probe.pan_start) / (G_USEC_PER_SEC / 2)) % 2 == 0 ? 1 : -1;
  probe.tick_at = now;
  probe.tick_cpu = thread_cpu_time ();
  probe.pan_by (widget, 4 * direction, 2 * direction);

  return G_SOURCE_CONTINUE;
}

static void
start_pan (void)
{
  if (probe.panning || g_getenv ("TIES_TIMING_PAN") == NULL)
    return;

  probe.panning = TRUE;
  probe.intervals = g_array_new (FALSE, FALSE, sizeof (gint64));
  probe.draws = g_array_new (FALSE, FALSE, sizeof (gint64));
  probe.walls = g_array_new (FALSE, FALSE, sizeof (gint64));
  probe.cpus = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_add_tick_callback (probe.view, pan_tick, NULL, NULL);
}

static void
on_network_after_paint (GdkFrameClock *clock,
                        gpointer       user_data)
{
  g_signal_handlers_disconnect_by_func (clock, on_network_after_paint, user_data);
  ties_timing_mark ("network-frame");
  /* The document from the command line (the second network), laid out
   * already: pan now. */
  if (probe.networks >= 2 && !probe.busy)
    start_pan ();
}

static void
on_network (GtkWidget *view)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (view);

  probe.networks++;
  ties_timing_mark ("network-set");
  if (clock != NULL)
    {
      g_signal_handlers_disconnect_by_func (clock, on_network_after_paint, NULL);
      g_signal_connect (clock, "after-paint", G_CALLBACK (on_network_after_paint), NULL);
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
    }
}

static void
on_realize (GtkWidget *view)
{
  /* A network set before the widget had a frame clock. */
  if (probe.networks > 0)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (view);

      g_signal_connect (clock, "after-paint", G_CALLBACK (on_network_after_paint), NULL);
    }
}

static void
on_busy (GtkWidget *view)
{
  gboolean busy = FALSE;

  g_object_get (view, "busy", &busy, NULL);
  if (busy == probe.busy)
    return;

  probe.busy = busy;
  if (busy)
    {
      ties_timing_mark ("layout-start");
      probe.busy_frames = 0;
      probe.busy_last = 0;
      probe.busy_max = 0;
      probe.busy_tick = gtk_widget_add_tick_callback (view, busy_tick, NULL, NULL);
      return;
    }

  if (probe.busy_tick != 0)
    gtk_widget_remove_tick_callback (view, probe.busy_tick);
  probe.busy_tick = 0;
  fprintf (stderr, "layout-frames %u max-interval-ms %.1f\n",
           probe.busy_frames, probe.busy_max / 1000.0);
  ties_timing_mark ("layout-done");
  start_pan ();
}

void
ties_timing_watch_diagram (GtkWidget *view,
                           void     (*pan_by) (GtkWidget *, double, double))
{
  if (!ties_timing_enabled () || probe.view != NULL)
    return;

  probe.view = view;
  probe.pan_by = pan_by;
  g_signal_connect (view, "notify::network", G_CALLBACK (on_network), NULL);
  g_signal_connect (view, "notify::busy", G_CALLBACK (on_busy), NULL);
  g_signal_connect (view, "realize", G_CALLBACK (on_realize), NULL);
}
