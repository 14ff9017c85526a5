/* ties-suggestion-json.c: proposals as JSON Lines, for scripts
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An interchange format, not the document: json-glib builds and escapes it,
 * as it does the W3C annotations. The document keeps its own writer, whose
 * bytes the tests pin.
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "ties-suggestion-json.h"

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  g_assert (JSON_IS_BUILDER (builder));
  g_assert (name != NULL);

  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

char *
ties_suggestion_to_json_line (const TiesSuggestion *suggestion)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (suggestion != NULL, NULL);

  json_builder_begin_object (builder);
  add_string_or_null (builder, "source", suggestion->source);
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, suggestion->start);
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, suggestion->end);
  add_string_or_null (builder, "exact", suggestion->exact);
  json_builder_set_member_name (builder, "participants");
  json_builder_begin_array (builder);
  for (guint i = 0; suggestion->participants != NULL && i < suggestion->participants->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (suggestion->participants, i));
  json_builder_end_array (builder);
  add_string_or_null (builder, "kind", suggestion->kind);
  add_string_or_null (builder, "initiator", suggestion->initiator);
  add_string_or_null (builder, "date", suggestion->date);
  add_string_or_null (builder, "date_phrase", suggestion->date_phrase);
  json_builder_end_object (builder);

  /* Not pretty: one suggestion, one line. */
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}
