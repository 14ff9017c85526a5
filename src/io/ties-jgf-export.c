/* ties-jgf-export.c: the network as JSON Graph Format v2
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same graph as the GraphML export, for JavaScript and JSON tools:
 * JGF v2 keys nodes by id and keeps everything else a node or an edge
 * says in a free "metadata" object, where numbers stay numbers and lists
 * stay lists. A member Ties has no value for is left out.
 */
#include "config.h"

#include "ties-export-util.h"
#include "ties-jgf-export.h"

static void
add_node (JsonBuilder  *builder,
          TiesDocument *document,
          TiesNetwork  *network,
          TiesActor    *actor)
{
  const char *id = ties_actor_get_id (actor);
  double x, y;
  gboolean pinned;

  json_builder_set_member_name (builder, id);
  json_builder_begin_object (builder);
  _ties_export_json_add_string (builder, "label", ties_actor_get_name (actor));
  json_builder_set_member_name (builder, "metadata");
  json_builder_begin_object (builder);
  _ties_export_json_actor_members (builder, network, actor);
  if (_ties_export_actor_place (document, actor, &x, &y, &pinned))
    {
      json_builder_set_member_name (builder, "position");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "x");
      json_builder_add_double_value (builder, x);
      json_builder_set_member_name (builder, "y");
      json_builder_add_double_value (builder, y);
      json_builder_set_member_name (builder, "pinned");
      json_builder_add_boolean_value (builder, pinned);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
add_edge (JsonBuilder *builder,
          TiesTie     *tie,
          guint        index)
{
  g_autofree char *id = g_strdup_printf ("e%u", index);

  json_builder_begin_object (builder);
  _ties_export_json_add_string (builder, "id", id);
  _ties_export_json_add_string (builder, "source", ties_tie_get_actor_a (tie));
  _ties_export_json_add_string (builder, "target", ties_tie_get_actor_b (tie));
  _ties_export_json_add_string (builder, "relation", "tie");
  json_builder_set_member_name (builder, "directed");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "metadata");
  json_builder_begin_object (builder);
  _ties_export_json_tie_members (builder, tie);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

GBytes *
ties_jgf_export_to_bytes (TiesDocument  *document,
                          TiesFilter    *filter,
                          GError       **error)
{
  g_autoptr(TiesNetwork) network = NULL;
  TiesJsonStream stream;
  JsonBuilder *builder;
  GListModel *actors;
  GListModel *ties;
  guint n;

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (filter == NULL || TIES_IS_FILTER (filter), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  network = _ties_export_network (document, filter);
  _ties_json_stream_init (&stream);

  _ties_json_stream_open (&stream, NULL, '{');
  _ties_json_stream_open (&stream, "graph", '{');
  builder = _ties_json_stream_begin (&stream);
  _ties_export_json_add_string (builder, "id", "ties");
  _ties_export_json_add_string (builder, "label", ties_document_get_title (document));
  _ties_export_json_add_string (builder, "type", "ties");
  json_builder_set_member_name (builder, "directed");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "metadata");
  json_builder_begin_object (builder);
  _ties_export_json_add_string (builder, "description", ties_document_get_description (document));
  json_builder_set_member_name (builder, "events");
  json_builder_add_int_value (builder, ties_network_get_n_events (network));
  json_builder_end_object (builder);
  _ties_json_stream_commit (&stream);

  /* A few hundred at a time: see TiesJsonStream. */
  _ties_json_stream_open (&stream, "nodes", '{');
  actors = ties_document_get_actors (document);
  n = g_list_model_get_n_items (actors);
  for (guint i = 0; i < n; i += TIES_JSON_STREAM_PIECE)
    {
      builder = _ties_json_stream_begin (&stream);
      for (guint k = i; k < MIN (n, i + TIES_JSON_STREAM_PIECE); k++)
        {
          g_autoptr(TiesActor) actor = g_list_model_get_item (actors, k);

          add_node (builder, document, network, actor);
        }
      _ties_json_stream_commit (&stream);
    }
  _ties_json_stream_close (&stream);

  /* Always there, even empty: the schema needs it to tell an edge graph
   * from a hyperedge one. */
  _ties_json_stream_open (&stream, "edges", '[');
  ties = ties_network_get_ties (network);
  n = g_list_model_get_n_items (ties);
  for (guint i = 0; i < n; i += TIES_JSON_STREAM_PIECE)
    {
      builder = _ties_json_stream_begin (&stream);
      for (guint k = i; k < MIN (n, i + TIES_JSON_STREAM_PIECE); k++)
        {
          g_autoptr(TiesTie) tie = g_list_model_get_item (ties, k);

          add_edge (builder, tie, k);
        }
      _ties_json_stream_commit (&stream);
    }
  _ties_json_stream_close (&stream);

  _ties_json_stream_close (&stream);
  _ties_json_stream_close (&stream);

  return _ties_json_stream_finish (&stream);
}

gboolean
ties_jgf_export_to_file (TiesDocument  *document,
                         TiesFilter    *filter,
                         GFile         *file,
                         GError       **error)
{
  g_return_val_if_fail (TIES_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _ties_export_network_to_file (ties_jgf_export_to_bytes, document, filter, file, error);
}
