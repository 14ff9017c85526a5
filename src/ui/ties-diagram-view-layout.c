/* ties-diagram-view-layout.c: how the diagram view follows its network:
 * the layout job started (in a worker thread for a large graph), its
 * graph installed and eased in from the places shown, and the edits that
 * only draw the scene again
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ties-diagram-view-private.h"
#include "ties-graph.h"
#include "ties-layout-job.h"
#include "ties-renderer.h"

/* Above this many actors the layout runs in a worker thread, and edits
 * are not animated (a scene per frame would cost more than it shows). */
#define LARGE_GRAPH 500

/* A large scene is drawn again this long after the last keystroke in a
 * name, not after each: drawing it takes longer than a keystroke may. */
#define LARGE_RESCENE_DELAY_MS 300
#define ANIMATION_USEC (250 * G_TIME_SPAN_MILLISECOND)

/* Animation */

void
_ties_diagram_view_stop_animation (TiesDiagramView *self)
{
  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  g_clear_pointer (&self->from_x, g_free);
  g_clear_pointer (&self->from_y, g_free);
  g_clear_pointer (&self->to_x, g_free);
  g_clear_pointer (&self->to_y, g_free);
}

static gboolean
animation_tick (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  TiesDiagramView *self = (TiesDiagramView *) widget;
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double t, e;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  if (self->animation_start == 0)
    self->animation_start = now;
  t = CLAMP ((double) (now - self->animation_start) / ANIMATION_USEC, 0.0, 1.0);
  e = 1 - pow (1 - t, 3);   /* ease out */

  for (guint i = 0; i < self->graph->nodes->len; i++)
    {
      TiesGraphNode *node = ties_graph_node (self->graph, i);

      node->x = self->from_x[i] + (self->to_x[i] - self->from_x[i]) * e;
      node->y = self->from_y[i] + (self->to_y[i] - self->from_y[i]) * e;
    }
  _ties_diagram_view_rebuild_scene (self);

  if (t >= 1)
    {
      self->tick_id = 0;
      _ties_diagram_view_stop_animation (self);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/* The document remembers the places drawn, so that it reopens,
 * exports and prints as shown. Not an edit (no undo step, nothing to
 * save), except the result of Re-layout, which is one undo step. */
static void
remember_positions (TiesDiagramView *self,
                    TiesGraph       *graph,
                    gboolean         relayout)
{
  g_autoptr(GHashTable) positions = NULL;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));
  g_assert (graph != NULL);

  if (self->document == NULL)
    return;

  positions = ties_layout_positions_from_graph (graph);
  self->storing_positions++;
  if (relayout && g_hash_table_size (positions) > 0)
    ties_document_relayout (self->document, positions);
  else
    ties_document_remember_positions (self->document, positions);
  self->storing_positions--;
}

/* Replaces the shown graph with @graph, laid out, easing each node from
 * where the old graph showed it. */
static void
install_graph (TiesDiagramView *self,
               TiesGraph       *graph)
{
  g_autoptr(TiesGraph) old = self->graph;
  gboolean animate;
  gboolean relayout = self->relayout_pending;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));
  g_assert (graph != NULL);

  /* Installed: what was asked of this layout is done. */
  self->relayout_pending = FALSE;
  self->fresh_layout = FALSE;
  self->adopt_positions = FALSE;
  remember_positions (self, graph, relayout);

  _ties_diagram_view_stop_animation (self);
  self->graph = graph;

  animate = old != NULL
            && graph->nodes->len <= LARGE_GRAPH
            && gtk_widget_get_mapped (GTK_WIDGET (self));

  if (animate)
    {
      gboolean moves = FALSE;
      guint n = graph->nodes->len;

      self->from_x = g_new (double, n);
      self->from_y = g_new (double, n);
      self->to_x = g_new (double, n);
      self->to_y = g_new (double, n);
      for (guint i = 0; i < n; i++)
        {
          TiesGraphNode *node = ties_graph_node (graph, i);
          guint before = ties_graph_lookup (old, node->id);

          self->to_x[i] = node->x;
          self->to_y[i] = node->y;
          self->from_x[i] = before != G_MAXUINT ? ties_graph_node (old, before)->x : node->x;
          self->from_y[i] = before != G_MAXUINT ? ties_graph_node (old, before)->y : node->y;
          moves |= self->from_x[i] != self->to_x[i] || self->from_y[i] != self->to_y[i];
          node->x = self->from_x[i];
          node->y = self->from_y[i];
        }

      if (moves)
        {
          self->animation_start = 0;
          self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), animation_tick, NULL, NULL);
        }
      else
        _ties_diagram_view_stop_animation (self);
    }

  _ties_diagram_view_rebuild_scene (self);
  _ties_diagram_view_update_description (self);
}

/* Layout */

void
_ties_diagram_view_cancel_layout_job (TiesDiagramView *self)
{
  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  if (self->layout_cancellable != NULL)
    {
      g_cancellable_cancel (self->layout_cancellable);
      g_clear_object (&self->layout_cancellable);
    }
}

static void
layout_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TiesDiagramView) self = user_data;
  g_autoptr(TiesGraph) graph = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  graph = ties_layout_run_finish (result, &error);
  if (graph == NULL)
    return;   /* cancelled: a newer layout is on its way, or the view went */

  g_clear_object (&self->layout_cancellable);
  _ties_diagram_view_set_busy (self, FALSE);
  install_graph (self, g_steal_pointer (&graph));
}

/* Stops a long layout and shows the circle layout at once instead: it
 * takes milliseconds where a force layout of thousands takes seconds. */
void
ties_diagram_view_cancel_layout (TiesDiagramView *self)
{
  TiesLayoutRequest request;

  g_return_if_fail (TIES_IS_DIAGRAM_VIEW (self));

  if (!self->busy || self->network == NULL)
    return;

  _ties_diagram_view_cancel_layout_job (self);

  ties_layout_request_init (&request);
  request.layout = "circle";
  /* Stopped, not done: the circle is no Re-layout to undo. */
  self->relayout_pending = FALSE;
  _ties_diagram_view_set_busy (self, FALSE);
  install_graph (self, ties_layout_run_request (self->network, &request));
}

/* The layout job (src/diagram/ties-layout-job.c) is the exports' too:
 * the graph installed here is the one they draw. */
void
_ties_diagram_view_rederive (TiesDiagramView *self)
{
  g_autoptr(TiesGraph) graph = NULL;
  TiesLayoutRequest request;
  TiesLayoutOptions options;
  gboolean needed;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  g_clear_handle_id (&self->rederive_source, g_source_remove);
  _ties_diagram_view_cancel_layout_job (self);

  if (self->network == NULL)
    {
      _ties_diagram_view_set_busy (self, FALSE);
      _ties_diagram_view_stop_animation (self);
      g_clear_pointer (&self->graph, ties_graph_free);
      _ties_diagram_view_rebuild_scene (self);
      _ties_diagram_view_update_description (self);
      return;
    }

  /* The flags hold until a layout is installed: a layout cancelled by
   * a newer edit hands them on to the next. */
  ties_layout_request_init (&request);
  request.shown = self->adopt_positions ? NULL : self->graph;
  request.fresh = self->fresh_layout;
  graph = ties_layout_prepare (self->network, &request, &options, &needed);

  if (needed && graph->nodes->len > LARGE_GRAPH)
    {
      self->layout_cancellable = g_cancellable_new ();
      self->n_layouts++;
      _ties_diagram_view_set_busy (self, TRUE);
      ties_layout_run_async (g_steal_pointer (&graph), &options, self->layout_cancellable,
                             layout_done, g_object_ref (self));
      return;
    }

  if (needed)
    {
      self->n_layouts++;
      ties_layout_run_sync (graph, &options);
    }
  _ties_diagram_view_set_busy (self, FALSE);
  install_graph (self, g_steal_pointer (&graph));
}

static gboolean
rederive_idle (gpointer data)
{
  TiesDiagramView *self = data;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  self->rederive_source = 0;
  _ties_diagram_view_rederive (self);

  return G_SOURCE_REMOVE;
}

/* "changed" comes several times for one edit (the document's, the
 * events' store): the graph is derived once, before the next frame. */
void
_ties_diagram_view_on_network_changed (TiesDiagramView *self)
{
  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  _ties_diagram_view_cancel_layout_job (self);
  if (self->rederive_source == 0)
    self->rederive_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rederive_idle, self, NULL);
}

static gboolean
rescene_idle (gpointer data)
{
  TiesDiagramView *self = data;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  self->rescene_source = 0;
  _ties_diagram_view_rebuild_scene (self);

  return G_SOURCE_REMOVE;
}

/* The network's "changed" covers the ties. Actors are the graph's nodes
 * and their places its layout's start, so adding, removing or moving
 * one derives the graph again; names, colours, kinds and affiliations
 * are only drawn, so they redraw the scene as laid out, as do evidence
 * and sources when weak ties are marked (they change how a tie is
 * drawn, never where); and titles, notes or an actor's role are not in
 * the diagram at all. */
void
_ties_diagram_view_on_document_parts_changed (TiesDiagramView    *self,
                                              TiesDocumentChange  changes,
                                              TiesDocument       *document)
{
  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  if (changes & (TIES_DOCUMENT_CHANGE_ACTORS | TIES_DOCUMENT_CHANGE_ACTOR_PLACE))
    {
      _ties_diagram_view_on_network_changed (self);
    }
  else if ((changes & (TIES_DOCUMENT_CHANGE_ACTOR_LOOK | TIES_DOCUMENT_CHANGE_EVENT_KINDS))
           || (self->mark_weak_ties
               && (changes & (TIES_DOCUMENT_CHANGE_EVIDENCE | TIES_DOCUMENT_CHANGE_SOURCES))))
    {
      if (self->graph != NULL && self->graph->nodes->len > LARGE_GRAPH)
        {
          g_clear_handle_id (&self->rescene_source, g_source_remove);
          self->rescene_source = g_timeout_add_full (G_PRIORITY_HIGH_IDLE, LARGE_RESCENE_DELAY_MS,
                                                     rescene_idle, self, NULL);
        }
      else if (self->rescene_source == 0)
        {
          self->rescene_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rescene_idle, self, NULL);
        }
    }
}
