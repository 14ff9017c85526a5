/* ties-export.h: the diagram as PNG, SVG or PDF
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ties-graph.h"
#include "ties-measures.h"
#include "ties-renderer.h"

G_BEGIN_DECLS

typedef enum {
  TIES_EXPORT_PNG,
  TIES_EXPORT_SVG,
  TIES_EXPORT_PDF,
} TiesExportFormat;

/* From "png", "svg", "pdf" or a file name ending in one of them. */
gboolean ties_export_format_from_string (const char       *text,
                                         TiesExportFormat *format);

typedef struct
{
  TiesExportFormat format;
  /* Size in pixels (PNG, before scale) or points (SVG, PDF). */
  int width;
  int height;
  /* PNG: pixels per unit, for HiDPI (2: a 1600×1200 image of an 800×600
   * diagram); its DPI metadata is 96 × scale. */
  double scale;
} TiesExportOptions;

void     ties_export_options_init (TiesExportOptions *options,
                                   TiesExportFormat   format);

/* The scene of @network as exports draw it: laid out with @layout
 * ("force", "radial", "circle"; NULL: the document's own view, keeping the
 * places saved in the document when every actor has one) around @focus
 * (NULL: the document's), with room for labels. */
/* Actor id → community number + 1, for TiesRenderOptions.communities:
 * the numbers the Actors view shows. Scenes prepared here colour by
 * community on their own when the document's view.colors says so. */
GHashTable *ties_export_dup_communities (TiesMeasures *measures,
                                         TiesDocument *document);

TiesScene *ties_export_prepare_scene (TiesNetwork             *network,
                                      const char              *layout,
                                      const char              *focus,
                                      const TiesRenderOptions *options);

/* The scene of @network drawn at the places of @graph, as laid out (the
 * view's graph: what the researcher arranged is what is exported), or
 * as ties_export_prepare_scene() lays it out when @graph is NULL. */
TiesScene *ties_export_prepare_scene_for_graph (TiesNetwork             *network,
                                                TiesGraph               *graph,
                                                const TiesRenderOptions *options);

/* The graph ties_export_prepare_scene() draws @network at, laid out
 * once for a series of scenes at the same places (the frames of a
 * month-by-month series): draw each with
 * ties_export_prepare_scene_for_layout(). */
TiesGraph *ties_export_lay_out       (TiesNetwork             *network,
                                      const char              *layout,
                                      const char              *focus);
/* The scene of @network drawn at the places of @graph, which
 * ties_export_lay_out() laid out with @layout (the page is filled as
 * that layout allows). */
TiesScene *ties_export_prepare_scene_for_layout (TiesNetwork             *network,
                                                 TiesGraph               *graph,
                                                 const char              *layout,
                                                 const TiesRenderOptions *options);
/* Writes a temporary file beside @file and renames it over: a failed
 * export leaves nothing behind. Same scene and options, same bytes (PNG
 * and SVG). */
gboolean ties_export_to_file (TiesScene               *scene,
                              const TiesExportOptions *options,
                              GFile                   *file,
                              GError                 **error);

/* The same in a worker thread; takes @scene, which the caller must not
 * use any more. Cancelling leaves @file as it was. */
void     ties_export_to_file_async  (TiesScene               *scene,
                                     const TiesExportOptions *options,
                                     GFile                   *file,
                                     GCancellable            *cancellable,
                                     GAsyncReadyCallback      callback,
                                     gpointer                 user_data);
gboolean ties_export_to_file_finish (GAsyncResult            *result,
                                     GError                 **error);

G_END_DECLS
