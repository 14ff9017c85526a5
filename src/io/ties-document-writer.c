/* ties-document-writer.c: documents to bytes and files
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "ties-document-io.h"
#include "ties-json-writer.h"

static void
write_extras (TiesJsonWriter *writer,
              TiesExtras     *extras)
{
  for (guint i = 0; i < ties_extras_get_n (extras); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (ties_extras_get_json (extras, i), NULL);

      if (node == NULL)
        continue;

      ties_json_writer_member (writer, ties_extras_get_name (extras, i));
      ties_json_writer_node (writer, node);
    }
}

static void
write_event_kind (TiesJsonWriter *w,
                  TiesEventKind  *kind)
{
  ties_json_writer_begin_object (w);
  ties_json_writer_member (w, "id");
  ties_json_writer_string (w, ties_event_kind_get_id (kind));
  ties_json_writer_member (w, "label");
  ties_json_writer_string (w, ties_event_kind_get_label (kind));
  ties_json_writer_member (w, "line");
  ties_json_writer_string (w, ties_line_style_to_string (ties_event_kind_get_line (kind)));
  write_extras (w, ties_event_kind_get_extras (kind));
  ties_json_writer_end_object (w);
}

static void
write_actor (TiesJsonWriter *w,
             TiesActor      *actor)
{
  ties_json_writer_begin_object (w);
  ties_json_writer_member (w, "id");
  ties_json_writer_string (w, ties_actor_get_id (actor));
  ties_json_writer_member (w, "name");
  ties_json_writer_string (w, ties_actor_get_name (actor));
  ties_json_writer_member (w, "kind");
  ties_json_writer_string (w, ties_actor_kind_to_string (ties_actor_get_kind (actor)));
  ties_json_writer_member (w, "role");
  ties_json_writer_string (w, ties_actor_get_role (actor));
  ties_json_writer_member (w, "affiliation");
  ties_json_writer_string_or_null (w, ties_actor_get_affiliation (actor));
  ties_json_writer_member (w, "color");
  ties_json_writer_string_or_null (w, ties_actor_get_color (actor));
  ties_json_writer_member (w, "aliases");
  ties_json_writer_strv (w, ties_actor_get_aliases (actor));
  ties_json_writer_member (w, "notes");
  ties_json_writer_string (w, ties_actor_get_notes (actor));
  ties_json_writer_member (w, "position");
  if (ties_actor_get_has_position (actor))
    {
      ties_json_writer_begin_object (w);
      ties_json_writer_member (w, "x");
      ties_json_writer_double (w, ties_actor_get_x (actor));
      ties_json_writer_member (w, "y");
      ties_json_writer_double (w, ties_actor_get_y (actor));
      ties_json_writer_member (w, "pinned");
      ties_json_writer_boolean (w, ties_actor_get_pinned (actor));
      write_extras (w, ties_actor_get_position_extras (actor));
      ties_json_writer_end_object (w);
    }
  else
    {
      ties_json_writer_null (w);
    }
  write_extras (w, ties_actor_get_extras (actor));
  ties_json_writer_end_object (w);
}

static void
write_source (TiesJsonWriter *w,
              TiesSource     *source)
{
  ties_json_writer_begin_object (w);
  ties_json_writer_member (w, "id");
  ties_json_writer_string (w, ties_source_get_id (source));
  ties_json_writer_member (w, "title");
  ties_json_writer_string (w, ties_source_get_title (source));
  ties_json_writer_member (w, "publisher");
  ties_json_writer_string (w, ties_source_get_publisher (source));
  ties_json_writer_member (w, "author");
  ties_json_writer_string (w, ties_source_get_author (source));
  ties_json_writer_member (w, "url");
  ties_json_writer_string (w, ties_source_get_url (source));
  ties_json_writer_member (w, "published");
  ties_json_writer_string_or_null (w, ties_source_get_published (source));
  ties_json_writer_member (w, "retrieved");
  ties_json_writer_string_or_null (w, ties_source_get_retrieved (source));
  ties_json_writer_member (w, "notes");
  ties_json_writer_string (w, ties_source_get_notes (source));
  ties_json_writer_member (w, "text");
  ties_json_writer_string (w, ties_source_get_text (source));
  write_extras (w, ties_source_get_extras (source));
  ties_json_writer_end_object (w);
}

static void
write_evidence (TiesJsonWriter *w,
                TiesEvidence   *evidence)
{
  ties_json_writer_begin_object (w);
  ties_json_writer_member (w, "source");
  ties_json_writer_string (w, ties_evidence_get_source (evidence));
  ties_json_writer_member (w, "selector");
  ties_json_writer_begin_object (w);
  ties_json_writer_member (w, "exact");
  ties_json_writer_string (w, ties_evidence_get_exact (evidence));
  ties_json_writer_member (w, "prefix");
  ties_json_writer_string (w, ties_evidence_get_prefix (evidence));
  ties_json_writer_member (w, "suffix");
  ties_json_writer_string (w, ties_evidence_get_suffix (evidence));
  ties_json_writer_member (w, "start");
  ties_json_writer_int (w, ties_evidence_get_start (evidence));
  ties_json_writer_member (w, "end");
  ties_json_writer_int (w, ties_evidence_get_end (evidence));
  write_extras (w, ties_evidence_get_selector_extras (evidence));
  ties_json_writer_end_object (w);
  write_extras (w, ties_evidence_get_extras (evidence));
  ties_json_writer_end_object (w);
}

static void
write_event (TiesJsonWriter *w,
             TiesEvent      *event)
{
  GListModel *evidence = G_LIST_MODEL (ties_event_get_evidence (event));
  guint n = g_list_model_get_n_items (evidence);

  ties_json_writer_begin_object (w);
  ties_json_writer_member (w, "id");
  ties_json_writer_string (w, ties_event_get_id (event));
  ties_json_writer_member (w, "title");
  ties_json_writer_string (w, ties_event_get_title (event));
  ties_json_writer_member (w, "kind");
  ties_json_writer_string (w, ties_event_get_kind (event));
  ties_json_writer_member (w, "date");
  ties_json_writer_string_or_null (w, ties_event_get_date (event));
  ties_json_writer_member (w, "date_phrase");
  ties_json_writer_string (w, ties_event_get_date_phrase (event));
  ties_json_writer_member (w, "place");
  ties_json_writer_string_or_null (w, ties_event_get_place (event));
  ties_json_writer_member (w, "participants");
  ties_json_writer_strv (w, ties_event_get_participants (event));
  ties_json_writer_member (w, "initiator");
  ties_json_writer_string_or_null (w, ties_event_get_initiator (event));
  ties_json_writer_member (w, "evidence");
  ties_json_writer_begin_array (w);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiesEvidence) item = g_list_model_get_item (evidence, i);
      write_evidence (w, item);
    }
  ties_json_writer_end_array (w);
  ties_json_writer_member (w, "tags");
  ties_json_writer_strv (w, ties_event_get_tags (event));
  ties_json_writer_member (w, "notes");
  ties_json_writer_string (w, ties_event_get_notes (event));
  write_extras (w, ties_event_get_extras (event));
  ties_json_writer_end_object (w);
}

typedef void (*WriteFunc) (TiesJsonWriter *writer,
                           gpointer        item);

static void
write_list (TiesJsonWriter *w,
            const char     *name,
            GListModel     *model,
            WriteFunc       write_item)
{
  guint n = g_list_model_get_n_items (model);

  ties_json_writer_member (w, name);
  ties_json_writer_begin_array (w);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      write_item (w, item);
    }
  ties_json_writer_end_array (w);
}

GBytes *
ties_document_save_to_bytes (TiesDocument *document)
{
  TiesJsonWriter *w;

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), NULL);

  w = ties_json_writer_new (4096);

  ties_json_writer_begin_object (w);
  ties_json_writer_member (w, "format");
  ties_json_writer_string (w, "ties");
  ties_json_writer_member (w, "version");
  ties_json_writer_int (w, TIES_FORMAT_VERSION);
  ties_json_writer_member (w, "title");
  ties_json_writer_string (w, ties_document_get_title (document));
  ties_json_writer_member (w, "description");
  ties_json_writer_string (w, ties_document_get_description (document));
  write_list (w, "event_kinds", G_LIST_MODEL (ties_document_get_event_kinds (document)), (WriteFunc) write_event_kind);
  write_list (w, "actors", G_LIST_MODEL (ties_document_get_actors (document)), (WriteFunc) write_actor);
  write_list (w, "sources", G_LIST_MODEL (ties_document_get_sources (document)), (WriteFunc) write_source);
  write_list (w, "events", G_LIST_MODEL (ties_document_get_events (document)), (WriteFunc) write_event);

  ties_json_writer_member (w, "view");
  ties_json_writer_begin_object (w);
  ties_json_writer_member (w, "layout");
  ties_json_writer_string (w, ties_document_get_layout (document));
  ties_json_writer_member (w, "focus");
  ties_json_writer_string_or_null (w, ties_document_get_focus (document));
  ties_json_writer_member (w, "filter");
  ties_json_writer_begin_object (w);
  ties_json_writer_member (w, "from");
  ties_json_writer_string_or_null (w, ties_document_get_filter_from (document));
  ties_json_writer_member (w, "to");
  ties_json_writer_string_or_null (w, ties_document_get_filter_to (document));
  ties_json_writer_member (w, "kinds");
  ties_json_writer_strv (w, ties_document_get_filter_kinds (document));
  write_extras (w, ties_document_get_filter_extras (document));
  ties_json_writer_end_object (w);
  write_extras (w, ties_document_get_view_extras (document));
  ties_json_writer_end_object (w);

  write_extras (w, ties_document_get_extras (document));
  ties_json_writer_end_object (w);

  return ties_json_writer_free_to_bytes (w);
}

gboolean
ties_document_save_to_file (TiesDocument  *document,
                            GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = ties_document_save_to_bytes (document);

  /* GIO writes a temporary file beside the target and renames it over. */
  if (!g_file_replace_contents (file,
                                g_bytes_get_data (bytes, NULL),
                                g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_NONE,
                                NULL, cancellable, error))
    return FALSE;

  ties_history_mark_saved (ties_document_get_history (document));

  return TRUE;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GBytes *bytes = task_data;
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  GError *error = NULL;

  if (!g_file_replace_contents (file,
                                g_bytes_get_data (bytes, NULL),
                                g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_NONE,
                                NULL, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
ties_document_save_async (TiesDocument        *document,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TIES_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (document, cancellable, callback, user_data);
  g_task_set_source_tag (task, ties_document_save_async);
  /* The model is not thread-safe: serialise here, write over there. */
  g_task_set_task_data (task, ties_document_save_to_bytes (document), (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, save_thread);
}

gboolean
ties_document_save_finish (TiesDocument  *document,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (TIES_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, document), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  ties_history_mark_saved (ties_document_get_history (document));

  return TRUE;
}
