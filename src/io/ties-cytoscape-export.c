/* ties-cytoscape-export.c: the network as Cytoscape.js JSON
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cytoscape (desktop and web) reads a graph as "elements": nodes and
 * edges, each with its attributes in "data" (where "id", "source" and
 * "target" are the graph itself) and a node's place in "position", so
 * that the picture arranged in Ties opens arranged. The graph's own
 * attributes go in the top-level "data", as Cytoscape writes them.
 */
#include "config.h"

#include "ties-cytoscape-export.h"
#include "ties-export-util.h"

static void
add_node (JsonBuilder  *builder,
          TiesDocument *document,
          TiesNetwork  *network,
          TiesActor    *actor)
{
  double x, y;
  gboolean pinned;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "data");
  json_builder_begin_object (builder);
  _ties_export_json_add_string (builder, "id", ties_actor_get_id (actor));
  _ties_export_json_add_string (builder, "label", ties_actor_get_name (actor));
  _ties_export_json_actor_members (builder, network, actor);
  json_builder_end_object (builder);
  if (_ties_export_actor_place (document, actor, &x, &y, &pinned))
    {
      json_builder_set_member_name (builder, "position");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "x");
      json_builder_add_double_value (builder, x);
      json_builder_set_member_name (builder, "y");
      json_builder_add_double_value (builder, y);
      json_builder_end_object (builder);
      /* Cytoscape.js's word for a node the layout must not move. */
      json_builder_set_member_name (builder, "locked");
      json_builder_add_boolean_value (builder, pinned);
    }
  json_builder_end_object (builder);
}

static void
add_edge (JsonBuilder *builder,
          TiesTie     *tie,
          guint        index)
{
  g_autofree char *id = g_strdup_printf ("e%u", index);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "data");
  json_builder_begin_object (builder);
  _ties_export_json_add_string (builder, "id", id);
  _ties_export_json_add_string (builder, "source", ties_tie_get_actor_a (tie));
  _ties_export_json_add_string (builder, "target", ties_tie_get_actor_b (tie));
  _ties_export_json_tie_members (builder, tie);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

GBytes *
ties_cytoscape_export_to_bytes (TiesDocument  *document,
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
  builder = _ties_json_stream_begin (&stream);
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_string_value (builder, "1.0");
  json_builder_set_member_name (builder, "generated_by");
  json_builder_add_string_value (builder, "Ties " PACKAGE_VERSION);
  /* What networkx's cytoscape_graph() reads to know the graph's type. */
  json_builder_set_member_name (builder, "directed");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "multigraph");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "data");
  json_builder_begin_object (builder);
  _ties_export_json_add_string (builder, "name", ties_document_get_title (document));
  _ties_export_json_add_string (builder, "description", ties_document_get_description (document));
  json_builder_end_object (builder);
  _ties_json_stream_commit (&stream);

  /* A few hundred at a time: see TiesJsonStream. */
  _ties_json_stream_open (&stream, "elements", '{');
  _ties_json_stream_open (&stream, "nodes", '[');
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
ties_cytoscape_export_to_file (TiesDocument  *document,
                               TiesFilter    *filter,
                               GFile         *file,
                               GError       **error)
{
  g_return_val_if_fail (TIES_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _ties_export_network_to_file (ties_cytoscape_export_to_bytes, document, filter, file, error);
}
