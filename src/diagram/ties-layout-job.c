/* ties-layout-job.c: one way from a network to a laid-out graph
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view, the export dialog, print and `ties --export` all reach their
 * graph through here, so that the same document and the same request
 * give the same places everywhere; the window then hands the view's
 * graph itself to the exports, so that what is exported is what was
 * arranged on screen.
 */
#include "config.h"

#include <math.h>

#include "ties-document.h"
#include "ties-layout-job.h"
#include "ties-renderer.h"

static gint n_runs;

void
ties_layout_request_init (TiesLayoutRequest *request)
{
  g_return_if_fail (request != NULL);

  *request = (TiesLayoutRequest) { 0 };
}

TiesGraph *
ties_graph_copy (const TiesGraph *graph)
{
  TiesGraph *copy;

  g_return_val_if_fail (graph != NULL, NULL);

  copy = ties_graph_new ();
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      const TiesGraphNode *node = &g_array_index (graph->nodes, TiesGraphNode, i);
      guint index = ties_graph_add_node (copy, node->id);
      TiesGraphNode *to = ties_graph_node (copy, index);
      const char *id = to->id;

      /* The copy's id lives in the copy's strings. */
      *to = *node;
      to->id = id;
    }
  for (guint i = 0; i < graph->edges->len; i++)
    {
      const TiesGraphEdge *edge = &g_array_index (graph->edges, TiesGraphEdge, i);

      ties_graph_add_edge (copy, edge->source, edge->target, edge->weight);
    }
  g_array_append_vals (copy->rings, graph->rings->data, graph->rings->len);
  copy->ring_x = graph->ring_x;
  copy->ring_y = graph->ring_y;

  return copy;
}

/* Marks the nodes of @graph that an edit changed since @shown was
 * drawn: new ones, those whose ties (or their weights) differ, and pins
 * set, lifted or moved. */
static void
mark_changed (TiesGraph *graph,
              TiesGraph *shown)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) edges = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autofree guint *before = g_new (guint, graph->nodes->len + 1);
  g_autofree guint *degree = g_new0 (guint, graph->nodes->len + 1);
  g_autofree guint *shown_degree = g_new0 (guint, shown->nodes->len + 1);

  g_assert (graph != NULL && shown != NULL);

  for (guint i = 0; i < shown->nodes->len; i++)
    g_hash_table_insert (index, (gpointer) ties_graph_node (shown, i)->id, GUINT_TO_POINTER (i + 1));
  for (guint e = 0; e < shown->edges->len; e++)
    {
      TiesGraphEdge *edge = ties_graph_edge (shown, e);
      gint64 key = ((gint64) MIN (edge->source, edge->target) << 32) | MAX (edge->source, edge->target);

      g_hash_table_insert (edges, g_memdup2 (&key, sizeof key), g_memdup2 (&edge->weight, sizeof (double)));
      shown_degree[edge->source]++;
      shown_degree[edge->target]++;
    }

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      TiesGraphNode *node = ties_graph_node (graph, i);
      guint j = GPOINTER_TO_UINT (g_hash_table_lookup (index, node->id));

      before[i] = j > 0 ? j - 1 : G_MAXUINT;
      if (before[i] == G_MAXUINT)
        node->changed = TRUE;
      else
        {
          TiesGraphNode *old = ties_graph_node (shown, before[i]);

          if (node->pinned != old->pinned
              || (node->pinned && (fabs (node->x - old->x) > 0.5 || fabs (node->y - old->y) > 0.5)))
            node->changed = TRUE;
        }
    }

  for (guint e = 0; e < graph->edges->len; e++)
    {
      TiesGraphEdge *edge = ties_graph_edge (graph, e);
      guint a = before[edge->source], b = before[edge->target];
      const double *weight = NULL;

      degree[edge->source]++;
      degree[edge->target]++;
      if (a != G_MAXUINT && b != G_MAXUINT)
        {
          gint64 key = ((gint64) MIN (a, b) << 32) | MAX (a, b);

          weight = g_hash_table_lookup (edges, &key);
        }
      if (weight == NULL || *weight != edge->weight)
        ties_graph_node (graph, edge->source)->changed = ties_graph_node (graph, edge->target)->changed = TRUE;
    }

  /* A tie that went away: its ends have fewer ties than before. */
  for (guint i = 0; i < graph->nodes->len; i++)
    if (before[i] != G_MAXUINT && degree[i] != shown_degree[before[i]])
      ties_graph_node (graph, i)->changed = TRUE;
}

GHashTable *
ties_layout_positions_from_graph (TiesGraph *graph)
{
  GHashTable *positions;

  g_return_val_if_fail (graph != NULL, NULL);

  positions = ties_document_new_positions ();
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      TiesGraphNode *node = ties_graph_node (graph, i);
      /* A hundredth of a unit: the file then holds what the window
       * shows, in numbers short enough to read in a diff. */
      double xy[2] = { round (node->x * 100) / 100, round (node->y * 100) / 100 };

      if (!node->placed || !isfinite (xy[0]) || !isfinite (xy[1])
          || fabs (xy[0]) > TIES_GRAPH_MAX_COORD || fabs (xy[1]) > TIES_GRAPH_MAX_COORD)
        continue;
      g_hash_table_insert (positions, g_strdup (node->id), g_memdup2 (xy, sizeof xy));
    }

  return positions;
}

TiesLayoutKind
ties_layout_kind_for (TiesDocument *document,
                      const char   *name)
{
  TiesLayoutKind kind;

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), TIES_LAYOUT_FORCE);

  if (name == NULL)
    name = ties_document_get_layout (document);
  if (name == NULL || !ties_layout_kind_from_string (name, &kind))
    kind = TIES_LAYOUT_FORCE;

  return kind;
}

TiesGraph *
ties_layout_prepare (TiesNetwork             *network,
                     const TiesLayoutRequest *request,
                     TiesLayoutOptions       *options,
                     gboolean                *needed)
{
  g_autoptr(TiesGraph) graph = NULL;
  TiesDocument *document;
  TiesLayoutKind kind = TIES_LAYOUT_FORCE;
  const char *focus;
  gboolean all_placed = TRUE;
  gboolean any_changed = FALSE;

  g_return_val_if_fail (TIES_IS_NETWORK (network), NULL);
  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (needed != NULL, NULL);

  document = ties_network_get_document (network);
  graph = ties_graph_new_from_network (network);
  ties_graph_set_radii (graph, TIES_SCENE_MIN_RADIUS, TIES_SCENE_MAX_RADIUS);

  /* Where the last layout drew the actors that are not pinned: the
   * picture starts from there (an actor's own unpinned position is
   * older than the layout that moved on from it). */
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      TiesGraphNode *node = ties_graph_node (graph, i);
      double x, y;

      if (!node->pinned && ties_document_lookup_position (document, node->id, &x, &y))
        {
          node->x = x;
          node->y = y;
          node->placed = TRUE;
        }
    }

  if (request->fresh)
    {
      /* Only pinned actors keep their places in a new layout. */
      for (guint i = 0; i < graph->nodes->len; i++)
        {
          TiesGraphNode *node = ties_graph_node (graph, i);

          if (!node->pinned)
            node->placed = FALSE;
        }
    }

  /* After an edit, actors without a saved place start where they are
   * shown, and the layout moves them on from there. */
  if (request->shown != NULL && !request->fresh)
    {
      g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < request->shown->nodes->len; i++)
        g_hash_table_insert (index, (gpointer) ties_graph_node (request->shown, i)->id, GUINT_TO_POINTER (i + 1));
      for (guint i = 0; i < graph->nodes->len; i++)
        {
          TiesGraphNode *node = ties_graph_node (graph, i);
          guint before = GPOINTER_TO_UINT (g_hash_table_lookup (index, node->id));

          if (node->placed || before == 0)
            continue;
          node->x = ties_graph_node (request->shown, before - 1)->x;
          node->y = ties_graph_node (request->shown, before - 1)->y;
          node->placed = TRUE;
        }

      /* Only the part of the picture the edit changed moves. */
      mark_changed (graph, request->shown);
    }
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      TiesGraphNode *node = ties_graph_node (graph, i);

      node->changed |= !node->placed;
      any_changed |= node->changed;
      all_placed &= node->placed;
    }

  kind = ties_layout_kind_for (document, request->layout);
  focus = request->focus != NULL ? request->focus : ties_document_get_focus (document);

  ties_layout_options_init (options, kind);
  /* Another layout asked for starts afresh; the document's own moves on
   * from the places it has. */
  options->incremental = request->layout == NULL && !request->fresh;
  options->focus = focus != NULL ? ties_graph_lookup (graph, focus) : G_MAXUINT;
  options->label_room = TIES_SCENE_LABEL_ROOM;

  /* Saved places are the researcher's picture: kept as they are when
   * the document is first drawn, unless another layout is asked for;
   * and an edit that changed no tie, pin or actor (evidence, say) does
   * not move it either. */
  *needed = !(options->incremental && all_placed && (request->shown == NULL || !any_changed));
  /* Saved places kept as they are still get their ring guides. */
  if (!*needed)
    ties_layout_find_rings (graph, options);

  return g_steal_pointer (&graph);
}

void
ties_layout_run_sync (TiesGraph               *graph,
                      const TiesLayoutOptions *options)
{
  g_return_if_fail (graph != NULL);
  g_return_if_fail (options != NULL);

  g_atomic_int_inc (&n_runs);
  ties_layout_run (graph, options);
}

TiesGraph *
ties_layout_run_request (TiesNetwork             *network,
                         const TiesLayoutRequest *request)
{
  TiesLayoutOptions options;
  TiesGraph *graph;
  gboolean needed;

  g_return_val_if_fail (TIES_IS_NETWORK (network), NULL);
  g_return_val_if_fail (request != NULL, NULL);

  graph = ties_layout_prepare (network, request, &options, &needed);
  if (needed)
    ties_layout_run_sync (graph, &options);

  return graph;
}

typedef struct
{
  TiesGraph *graph;
  TiesLayoutOptions options;
} LayoutData;

static void
layout_data_free (gpointer data)
{
  LayoutData *job = data;

  g_clear_pointer (&job->graph, ties_graph_free);
  g_free (job);
}

static void
layout_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  LayoutData *job = task_data;

  g_assert (G_IS_TASK (task));
  g_assert (job != NULL);

  if (g_task_return_error_if_cancelled (task))
    return;

  ties_layout_run_sync (job->graph, &job->options);

  /* A newer layout is on its way: this one's places are not wanted. */
  if (g_task_return_error_if_cancelled (task))
    return;

  g_task_return_pointer (task, g_steal_pointer (&job->graph), (GDestroyNotify) ties_graph_free);
}

void
ties_layout_run_async (TiesGraph               *graph,
                       const TiesLayoutOptions *options,
                       GCancellable            *cancellable,
                       GAsyncReadyCallback      callback,
                       gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  LayoutData *job;

  g_return_if_fail (graph != NULL);
  g_return_if_fail (options != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (LayoutData, 1);
  job->graph = graph;
  job->options = *options;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ties_layout_run_async);
  g_task_set_name (task, "[ties] layout");
  g_task_set_task_data (task, job, layout_data_free);
  g_task_run_in_thread (task, layout_thread);
}

TiesGraph *
ties_layout_run_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ties_layout_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
ties_layout_get_n_runs (void)
{
  return (guint) g_atomic_int_get (&n_runs);
}
