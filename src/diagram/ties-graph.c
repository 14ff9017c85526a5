/* ties-graph.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ties-graph.h"

TiesGraph *
ties_graph_new (void)
{
  TiesGraph *self = g_new0 (TiesGraph, 1);

  self->nodes = g_array_new (FALSE, TRUE, sizeof (TiesGraphNode));
  self->edges = g_array_new (FALSE, TRUE, sizeof (TiesGraphEdge));
  self->strings = g_string_chunk_new (4096);
  self->rings = g_array_new (FALSE, FALSE, sizeof (double));

  return self;
}

void
ties_graph_free (TiesGraph *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->nodes);
  g_array_unref (self->edges);
  g_array_unref (self->rings);
  g_string_chunk_free (self->strings);
  g_free (self);
}

guint
ties_graph_add_node (TiesGraph  *self,
                     const char *id)
{
  TiesGraphNode node = { 0 };

  g_return_val_if_fail (self != NULL, G_MAXUINT);
  g_return_val_if_fail (id != NULL, G_MAXUINT);

  node.id = g_string_chunk_insert_const (self->strings, id);
  g_array_append_val (self->nodes, node);

  return self->nodes->len - 1;
}

void
ties_graph_add_edge (TiesGraph *self,
                     guint      source,
                     guint      target,
                     double     weight)
{
  TiesGraphEdge edge;

  g_return_if_fail (self != NULL);
  g_return_if_fail (source < self->nodes->len && target < self->nodes->len);
  g_return_if_fail (source != target);

  edge.source = MIN (source, target);
  edge.target = MAX (source, target);
  edge.weight = weight;
  g_array_append_val (self->edges, edge);
}

guint
ties_graph_lookup (TiesGraph  *self,
                   const char *id)
{
  g_return_val_if_fail (self != NULL, G_MAXUINT);

  for (guint i = 0; i < self->nodes->len; i++)
    if (g_strcmp0 (ties_graph_node (self, i)->id, id) == 0)
      return i;

  return G_MAXUINT;
}

TiesGraph *
ties_graph_new_from_network (TiesNetwork *network)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  TiesDocument *document;
  GListModel *actors;
  GListModel *ties;
  TiesGraph *self;

  g_return_val_if_fail (TIES_IS_NETWORK (network), NULL);

  document = ties_network_get_document (network);
  actors = G_LIST_MODEL (ties_document_get_actors (document));
  ties = ties_network_get_ties (network);
  self = ties_graph_new ();

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(TiesActor) actor = g_list_model_get_item (actors, i);
      guint n = ties_graph_add_node (self, ties_actor_get_id (actor));
      TiesGraphNode *node = ties_graph_node (self, n);

      node->activity = ties_network_get_event_count (network, node->id);
      node->x = ties_actor_get_x (actor);
      node->y = ties_actor_get_y (actor);
      /* A place that is not a number is none. */
      node->placed = ties_actor_get_has_position (actor) && isfinite (node->x) && isfinite (node->y);
      if (!node->placed)
        node->x = node->y = 0;
      node->pinned = node->placed && ties_actor_get_pinned (actor);
      g_hash_table_insert (index, (gpointer) node->id, GUINT_TO_POINTER (n + 1));
    }

  for (guint i = 0; i < g_list_model_get_n_items (ties); i++)
    {
      g_autoptr(TiesTie) tie = g_list_model_get_item (ties, i);
      guint a = GPOINTER_TO_UINT (g_hash_table_lookup (index, ties_tie_get_actor_a (tie)));
      guint b = GPOINTER_TO_UINT (g_hash_table_lookup (index, ties_tie_get_actor_b (tie)));

      /* A participant with no actor cannot be in a loaded document; an
       * edited one may briefly have one. */
      if (a == 0 || b == 0)
        continue;

      ties_graph_add_edge (self, a - 1, b - 1, ties_tie_get_weight (tie));
    }

  return self;
}

void
ties_graph_set_radii (TiesGraph *self,
                      double     min_radius,
                      double     max_radius)
{
  guint max_activity = 1;

  g_return_if_fail (self != NULL);
  g_return_if_fail (min_radius > 0 && max_radius >= min_radius);

  for (guint i = 0; i < self->nodes->len; i++)
    max_activity = MAX (max_activity, ties_graph_node (self, i)->activity);

  /* Area, not radius, in proportion to activity: the eye reads area. */
  for (guint i = 0; i < self->nodes->len; i++)
    {
      TiesGraphNode *node = ties_graph_node (self, i);
      double t = sqrt ((double) node->activity / max_activity);

      node->radius = min_radius + t * (max_radius - min_radius);
    }
}
