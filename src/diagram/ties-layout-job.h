/* ties-layout-job.h: one way from a network to a laid-out graph, for
 * the view, the exports, print and the command line
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ties-graph.h"
#include "ties-layout.h"

G_BEGIN_DECLS

typedef struct
{
  /* "force", "radial", "circle"; NULL: the document's own, keeping the
   * places saved in the document when every actor has one. */
  const char *layout;
  /* The actor at the centre of a radial layout; NULL: the document's. */
  const char *focus;
  /* The places drawn now (NULL: nothing drawn yet). After an edit the
   * layout runs even when every actor has a place, and actors with no
   * saved place start where they are drawn, so the picture does not
   * jump. */
  TiesGraph *shown;
  /* The view's layout or focus changed: only pinned actors keep their
   * places. */
  gboolean fresh;
} TiesLayoutRequest;

void       ties_layout_request_init   (TiesLayoutRequest       *request);

/* The layout @name names, or (NULL) @document's own; force when it names
 * none. */
TiesLayoutKind ties_layout_kind_for   (TiesDocument            *document,
                                       const char              *name);

/* @network's graph (read on the calling thread: the document is not
 * thread-safe) with radii set and places from the actors, or from
 * @request's shown graph. Sets @options and returns in @needed whether
 * a layout has to run at all. The graph owns its strings: it can be
 * laid out in another thread while the actors change. */
TiesGraph *ties_layout_prepare        (TiesNetwork             *network,
                                       const TiesLayoutRequest *request,
                                       TiesLayoutOptions       *options,
                                       gboolean                *needed);

/* The places of @graph's placed nodes, rounded to a hundredth, as a
 * table for ties_document_set_positions(): what the view remembers
 * after each layout, so that the document reopens, exports and prints
 * as drawn. */
GHashTable *ties_layout_positions_from_graph (TiesGraph         *graph);

/* ties_layout_run(), counted (see ties_layout_get_n_runs()). */
void       ties_layout_run_sync       (TiesGraph               *graph,
                                       const TiesLayoutOptions *options);

/* Prepares and lays out at once, on this thread (the command line, and
 * print or export when there is no view). */
TiesGraph *ties_layout_run_request    (TiesNetwork             *network,
                                       const TiesLayoutRequest *request);

/* Lays out @graph, as ties_layout_prepare() made it, in a worker
 * thread; takes @graph, which nothing else may touch any more (so the
 * window never races the worker). Cancel @cancellable when a newer
 * layout supersedes this one: the result is then G_IO_ERROR_CANCELLED. */
void       ties_layout_run_async      (TiesGraph               *graph,
                                       const TiesLayoutOptions *options,
                                       GCancellable            *cancellable,
                                       GAsyncReadyCallback      callback,
                                       gpointer                 user_data);
/* The laid-out graph (free with ties_graph_free()), or NULL. */
TiesGraph *ties_layout_run_finish     (GAsyncResult            *result,
                                       GError                 **error);

/* A graph of its own with the same nodes, places and edges. */
TiesGraph *ties_graph_copy            (const TiesGraph         *graph);

/* How many layouts the jobs above have run in this process (those that
 * had nothing to do are not counted): tests check with it that an
 * export or a title edit does not lay out again. */
guint      ties_layout_get_n_runs     (void);

G_END_DECLS
