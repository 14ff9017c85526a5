/* ties-export-util.c: what the data exports of src/io share
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ties-export-util.h"

TiesNetwork *
_ties_export_network (TiesDocument *document,
                      TiesFilter   *filter)
{
  g_autoptr(TiesFilter) kept = NULL;
  TiesNetwork *network;

  g_assert (TIES_IS_DOCUMENT (document));
  g_assert (filter == NULL || TIES_IS_FILTER (filter));

  kept = ties_filter_copy (filter != NULL ? filter : ties_document_get_filter (document));
  ties_filter_set_diagram (kept, TIES_FILTER_DIAGRAM_HIDE);
  network = ties_network_new (document);
  ties_network_set_filter (network, kept);
  ties_network_update (network);

  return network;
}

GBytes *
_ties_export_json_bytes (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  char *data;
  gsize length;

  g_assert (JSON_IS_BUILDER (builder));

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);

  data = g_realloc (data, length + 2);
  data[length++] = '\n';
  data[length] = '\0';

  return g_bytes_new_take (data, length);
}
