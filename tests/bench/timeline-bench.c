/* timeline-bench.c: times a frame of the timeline strip beside one of the diagram
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: timeline-bench [--runs N] [--width W] [--height H] DOCUMENT
 *
 * Prints one "name=milliseconds" line per case, the best of N draws of
 * each into an image surface the size of the window's strip (cairo's
 * image backend, as the widget's cairo render node draws):
 *   build_actor, build_kind: laying the marks out (once per edit);
 *   timeline_actor: lanes per actor, the whole time span in view;
 *   timeline_kind: lanes per kind: every event in view at once;
 *   timeline_kind_zoom: a tenth of the span, mid-way (a zoomed frame);
 *   diagram: the diagram's scene of the same document, drawn once at
 *     the diagram's size (positions from the document, or laid out).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

#include "ties-document-io.h"
#include "ties-export.h"
#include "ties-network.h"
#include "ties-renderer.h"
#include "ties-timeline.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1e3;
}

static double
best_draw (TiesTimeline *timeline,
           TiesScene    *scene,
           int           width,
           int           height,
           int           runs)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  double best = INFINITY;

  for (int i = 0; i < runs; i++)
    {
      cairo_t *cr = cairo_create (surface);
      double start = now_ms ();

      if (timeline != NULL)
        ties_timeline_draw (timeline, cr, width, height);
      else
        ties_scene_draw (scene, cr, width, height);
      cairo_surface_flush (surface);
      best = MIN (best, now_ms () - start);
      cairo_destroy (cr);
    }
  cairo_surface_destroy (surface);

  return best;
}

static TiesTimeline *
build (TiesDocument      *document,
       TiesNetwork       *network,
       TiesTimelineLanes  lanes,
       int                runs,
       double            *best)
{
  TiesTimelineOptions options;
  TiesTimeline *timeline = NULL;

  ties_timeline_options_init (&options);
  options.lanes = lanes;
  *best = INFINITY;
  for (int i = 0; i < runs; i++)
    {
      double start = now_ms ();

      g_clear_pointer (&timeline, ties_timeline_free);
      timeline = ties_timeline_new (document, network, &options);
      *best = MIN (*best, now_ms () - start);
    }

  return timeline;
}

int
main (int    argc,
      char **argv)
{
  int runs = 7, width = 1600, height = 300, diagram_height = 900;
  g_autoptr(GOptionContext) context = g_option_context_new ("DOCUMENT");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TiesDocument) document = NULL;
  g_autoptr(TiesNetwork) network = NULL;
  g_autoptr(TiesTimeline) by_actor = NULL;
  g_autoptr(TiesTimeline) by_kind = NULL;
  g_autoptr(TiesScene) scene = NULL;
  TiesRenderOptions render_options;
  double build_actor, build_kind, first, last;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Draws per case (best is kept)", "N" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Width of the strip and diagram", "W" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Height of the strip", "H" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("usage: timeline-bench [--runs N] [--width W] [--height H] DOCUMENT\n");
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  document = ties_document_load_from_file (file, NULL, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  network = ties_network_new (document);

  by_actor = build (document, network, TIES_TIMELINE_LANES_ACTOR, runs, &build_actor);
  by_kind = build (document, network, TIES_TIMELINE_LANES_KIND, runs, &build_kind);
  g_print ("events=%u\nlanes_actor=%u\nlanes_kind=%u\n", ties_timeline_get_n_events (by_actor),
           ties_timeline_get_n_lanes (by_actor), ties_timeline_get_n_lanes (by_kind));
  g_print ("build_actor=%.2f\n", build_actor);
  g_print ("build_kind=%.2f\n", build_kind);
  g_print ("timeline_actor=%.2f\n", best_draw (by_actor, NULL, width, height, runs));
  g_print ("timeline_kind=%.2f\n", best_draw (by_kind, NULL, width, height, runs));
  ties_timeline_get_view (by_kind, &first, &last);
  ties_timeline_set_view (by_kind, first + (last - first) * 0.45, first + (last - first) * 0.55);
  g_print ("timeline_kind_zoom=%.2f\n", best_draw (by_kind, NULL, width, height, runs));

  ties_render_options_init (&render_options);
  render_options.legend = TRUE;
  scene = ties_export_prepare_scene (network, NULL, NULL, &render_options);
  g_print ("diagram=%.2f\n", best_draw (NULL, scene, width, diagram_height, runs));

  return 0;
}
