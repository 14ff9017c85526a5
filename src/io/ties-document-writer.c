/* ties-document-writer.c: documents to bytes and files
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ties-document-io.h"
#include "ties-json-writer.h"
#include "ties-safe-file.h"

/* Unknown members as they were read: their numbers keep their text, which
 * no double would. One that cannot be written (too deep here, or not JSON)
 * makes the writer fail with its path, never a file that would not load. */
static void
write_extras (TiesJsonWriter *writer,
              TiesExtras     *extras)
{
  for (guint i = 0; i < ties_extras_get_n (extras); i++)
    {
      ties_json_writer_member (writer, ties_extras_get_name (extras, i));
      ties_json_writer_json (writer, ties_extras_get_json (extras, i));
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
  /* Omitted when unset, so that documents without any stay as they were. */
  if (ties_event_kind_get_color (kind) != NULL)
    {
      ties_json_writer_member (w, "color");
      ties_json_writer_string (w, ties_event_kind_get_color (kind));
    }
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
  /* Omitted when empty, so that documents without any stay as they were. */
  if (ties_source_get_dismissed (source)[0] != NULL)
    {
      ties_json_writer_member (w, "dismissed");
      ties_json_writer_strv (w, ties_source_get_dismissed (source));
    }
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

/* view.filter: from, to and kinds always, as the first files had them;
 * the later parts only when set, so that those files keep their bytes. */
static void
write_filter (TiesJsonWriter *w,
              TiesFilter     *filter,
              TiesExtras     *extras)
{
  const char *tie_a, *tie_b;

  ties_json_writer_begin_object (w);
  ties_json_writer_member (w, "from");
  ties_json_writer_string_or_null (w, ties_filter_get_from (filter));
  ties_json_writer_member (w, "to");
  ties_json_writer_string_or_null (w, ties_filter_get_to (filter));
  ties_json_writer_member (w, "kinds");
  ties_json_writer_strv (w, ties_filter_get_kinds (filter));
  if (ties_filter_get_actors (filter)[0] != NULL)
    {
      ties_json_writer_member (w, "actors");
      ties_json_writer_strv (w, ties_filter_get_actors (filter));
    }
  if (ties_filter_get_tie (filter, &tie_a, &tie_b))
    {
      const char * const tie[] = { tie_a, tie_b, NULL };

      ties_json_writer_member (w, "tie");
      ties_json_writer_strv (w, tie);
    }
  if (ties_filter_get_text (filter) != NULL)
    {
      ties_json_writer_member (w, "text");
      ties_json_writer_string (w, ties_filter_get_text (filter));
    }
  if (ties_filter_get_source (filter) != NULL)
    {
      ties_json_writer_member (w, "source");
      ties_json_writer_string (w, ties_filter_get_source (filter));
    }
  if (ties_filter_get_diagram (filter) == TIES_FILTER_DIAGRAM_HIGHLIGHT)
    {
      ties_json_writer_member (w, "diagram");
      ties_json_writer_string (w, "highlight");
    }
  write_extras (w, extras);
  ties_json_writer_end_object (w);
}

/* view.positions, in the actors' order so that the same picture gives
 * the same bytes; only actors that are there and not pinned (a pin is
 * kept in the actor's own "position"). Absent when there is none, so a
 * document never laid out is written as before. */
static void
write_positions (TiesJsonWriter *w,
                 TiesDocument   *document)
{
  GListModel *actors = ties_document_get_actors (document);
  guint n = g_list_model_get_n_items (actors);
  gboolean open = FALSE;

  if (ties_document_get_positions (document) == NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiesActor) actor = g_list_model_get_item (actors, i);
      double x, y;

      if (ties_actor_get_has_position (actor) && ties_actor_get_pinned (actor))
        continue;
      if (!ties_document_lookup_position (document, ties_actor_get_id (actor), &x, &y))
        continue;

      if (!open)
        {
          ties_json_writer_member (w, "positions");
          ties_json_writer_begin_object (w);
          open = TRUE;
        }
      ties_json_writer_member (w, ties_actor_get_id (actor));
      ties_json_writer_begin_array (w);
      ties_json_writer_double (w, x);
      ties_json_writer_double (w, y);
      ties_json_writer_end_array (w);
    }

  if (open)
    ties_json_writer_end_object (w);
}

GBytes *
ties_document_save_to_bytes (TiesDocument  *document,
                             GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  TiesJsonWriter *w;
  GBytes *bytes;

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

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
  /* Only when not the default, so that documents that never chose keep
   * their bytes. */
  if (g_strcmp0 (ties_document_get_colors (document), "affiliation") != 0)
    {
      ties_json_writer_member (w, "colors");
      ties_json_writer_string (w, ties_document_get_colors (document));
    }
  ties_json_writer_member (w, "focus");
  ties_json_writer_string_or_null (w, ties_document_get_focus (document));
  write_positions (w, document);
  ties_json_writer_member (w, "filter");
  write_filter (w, ties_document_get_filter (document), ties_document_get_filter_extras (document));
  write_extras (w, ties_document_get_view_extras (document));
  ties_json_writer_end_object (w);

  write_extras (w, ties_document_get_extras (document));
  ties_json_writer_end_object (w);

  bytes = ties_json_writer_free_to_bytes (w, &local_error);
  if (bytes == NULL)
    {
      /* The message names the member's JSON path. */
      g_set_error_literal (error, TIES_DOCUMENT_IO_ERROR, TIES_DOCUMENT_IO_ERROR_UNWRITABLE,
                           local_error->message);
      return NULL;
    }

  return bytes;
}

/* The last check before the disk: the model can hold what the reader
 * refuses (a title pasted past the reader's limit, say), and a saved
 * document that does not open again is lost work. */
static gboolean
check_loads_back (GBytes  *bytes,
                  GFile   *file,
                  GError **error)
{
  g_autoptr(TiesDocument) again = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  again = ties_document_load_from_data (data, length, name, NULL, &local_error);
  if (again != NULL)
    return TRUE;

  g_set_error (error, TIES_DOCUMENT_IO_ERROR, TIES_DOCUMENT_IO_ERROR_UNWRITABLE,
               _("“%s” was not saved, because Ties could not open again what it would write; "
                 "the file was not changed. Change what this names, then save again:\n%s"),
               name, local_error->message);

  return FALSE;
}

gboolean
ties_document_save_to_file (TiesDocument  *document,
                            GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  TiesHistory *history;
  guint64 token;

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The save point is the state these bytes hold. */
  history = ties_document_get_history (document);
  token = ties_history_get_save_token (history);
  bytes = ties_document_save_to_bytes (document, error);
  if (bytes == NULL)
    return FALSE;

  if (!check_loads_back (bytes, file, error) ||
      !ties_safe_file_replace (file, bytes, cancellable, error))
    return FALSE;

  ties_history_mark_saved_at (history, token);

  return TRUE;
}

typedef struct
{
  GBytes *bytes;
  GFile *file;
  guint64 token;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_object (&data->file);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (!check_loads_back (data->bytes, data->file, &error) ||
      !ties_safe_file_replace (data->file, data->bytes, cancellable, &error))
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
  GError *error = NULL;
  SaveData *data;

  g_return_if_fail (TIES_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (document, cancellable, callback, user_data);
  g_task_set_source_tag (task, ties_document_save_async);
  /* A cancellation that comes after the rename cannot undo it: the
   * result says what became of the file, not whether Cancel was
   * pressed. */
  g_task_set_check_cancellable (task, FALSE);

  /* The model is not thread-safe: serialise here, write over there.
   * Edits made meanwhile come after the save point. */
  data = g_new0 (SaveData, 1);
  data->token = ties_history_get_save_token (ties_document_get_history (document));
  data->bytes = ties_document_save_to_bytes (document, &error);
  data->file = g_object_ref (file);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  if (data->bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_run_in_thread (task, save_thread);
}

gboolean
ties_document_save_finish (TiesDocument  *document,
                           GAsyncResult  *result,
                           GError       **error)
{
  SaveData *data;

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, document), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ties_document_save_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  ties_history_mark_saved_at (ties_document_get_history (document), data->token);

  return TRUE;
}
