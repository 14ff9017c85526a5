/* ties-drafts.c: unsaved changes kept on disk, to recover after a crash
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Over 1,000 lines: two small classes (a draft, the drafts folder) and
 * their async readers and writers, which share the header format.
 *
 * As in GNOME Text Editor, every open document with unsaved changes has a
 * draft: a file named by a random id in the drafts folder, rewritten a few
 * seconds after the last edit and removed once the document is saved or its
 * changes are deliberately discarded. A clean quit therefore leaves no
 * drafts, and what is found at start-up is what a crash left behind.
 *
 * A draft is one file, so that it is replaced atomically as a whole:
 *
 *   # Ties draft
 *   [Draft]
 *   version=1
 *   title=…
 *   original=file:///…            (absent for a document never saved)
 *   original-modified=…           (µs since 1970: the file as opened or last saved)
 *   original-size=…
 *   time=2026-12-05T03:40:00Z
 *   size=40124                    (bytes of the document that follow)
 *   [Document]
 *   {…the document, exactly as a save would write it…}
 *
 * Key file values never hold a raw newline, so the first "\n[Document]\n"
 * ends the header, and "size" tells a complete draft from one cut short.
 */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>

#include "ties-document-io.h"
#include "ties-drafts.h"
#include "ties-safe-file.h"

#define DRAFT_SUFFIX ".ties-draft"
#define DRAFT_MAGIC "# Ties draft\n"
#define DOCUMENT_MARK "\n[Document]\n"
#define DRAFT_VERSION 1
/* A header is a few hundred bytes; a longer one is not a draft. */
#define MAX_HEADER (64 * 1024)
#define SESSION_MARK "running"
#define DAMAGED_FOLDER "damaged"

G_DEFINE_QUARK (ties-drafts-error-quark, ties_drafts_error)

/* TiesDraft */

struct _TiesDraft
{
  GObject parent_instance;

  char *id;
  GFile *file;
  GFile *original;
  char *title;
  GDateTime *time;
  char *problem;
  gboolean original_changed;
  /* The original as the draft's document knew it. */
  gint64 original_modified;
  guint64 original_size;
};

G_DEFINE_FINAL_TYPE (TiesDraft, ties_draft, G_TYPE_OBJECT)

static void
ties_draft_finalize (GObject *object)
{
  TiesDraft *self = (TiesDraft *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_object (&self->file);
  g_clear_object (&self->original);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->time, g_date_time_unref);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (ties_draft_parent_class)->finalize (object);
}

static void
ties_draft_class_init (TiesDraftClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ties_draft_finalize;
}

static void
ties_draft_init (TiesDraft *self)
{
}

const char *
ties_draft_get_id (TiesDraft *self)
{
  g_return_val_if_fail (TIES_IS_DRAFT (self), NULL);

  return self->id;
}

GFile *
ties_draft_get_file (TiesDraft *self)
{
  g_return_val_if_fail (TIES_IS_DRAFT (self), NULL);

  return self->file;
}

GFile *
ties_draft_get_original (TiesDraft *self)
{
  g_return_val_if_fail (TIES_IS_DRAFT (self), NULL);

  return self->original;
}

const char *
ties_draft_get_title (TiesDraft *self)
{
  g_return_val_if_fail (TIES_IS_DRAFT (self), NULL);

  return self->title != NULL ? self->title : "";
}

GDateTime *
ties_draft_get_time (TiesDraft *self)
{
  g_return_val_if_fail (TIES_IS_DRAFT (self), NULL);

  return self->time;
}

const char *
ties_draft_get_problem (TiesDraft *self)
{
  g_return_val_if_fail (TIES_IS_DRAFT (self), NULL);

  return self->problem;
}

gboolean
ties_draft_get_original_changed (TiesDraft *self)
{
  g_return_val_if_fail (TIES_IS_DRAFT (self), FALSE);

  return self->original_changed;
}

static gboolean
damaged (GError    **error,
         GFile      *file,
         const char *why)
{
  g_autofree char *name = g_file_get_basename (file);

  g_set_error (error, TIES_DRAFTS_ERROR, TIES_DRAFTS_ERROR_DAMAGED,
               /* Translators: the first %s is a file name, the second why it cannot be read */
               _("The draft “%s” is damaged: %s"), name, why);
  return FALSE;
}

/* Parses the header at the start of @data; on success *document_offset and
 * *document_size say where the document is, and the draft's metadata is
 * filled in. @total is the size of the whole file. */
static gboolean
parse_header (TiesDraft  *draft,
              const char *data,
              gsize       length,
              guint64     total,
              gsize      *document_offset,
              guint64    *document_size,
              GError    **error)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *original = NULL;
  g_autofree char *time = NULL;
  const char *mark;
  gsize header_length;
  guint64 size;
  gint64 version;

  if (length < strlen (DRAFT_MAGIC) || memcmp (data, DRAFT_MAGIC, strlen (DRAFT_MAGIC)) != 0)
    return damaged (error, draft->file, _("it is not a Ties draft"));

  mark = g_strstr_len (data, length, DOCUMENT_MARK);
  if (mark == NULL)
    return damaged (error, draft->file, _("it is cut short"));
  header_length = mark - data + strlen (DOCUMENT_MARK);

  if (!g_key_file_load_from_data (keys, data, header_length, G_KEY_FILE_NONE, &local_error))
    return damaged (error, draft->file, local_error->message);

  version = g_key_file_get_int64 (keys, "Draft", "version", NULL);
  if (version != DRAFT_VERSION)
    return damaged (error, draft->file, _("it was written by another version of Ties"));

  size = g_key_file_get_uint64 (keys, "Draft", "size", &local_error);
  if (local_error != NULL)
    return damaged (error, draft->file, local_error->message);
  if (total != header_length + size)
    return damaged (error, draft->file, _("it is cut short"));

  time = g_key_file_get_string (keys, "Draft", "time", NULL);
  g_clear_pointer (&draft->time, g_date_time_unref);
  if (time != NULL)
    draft->time = g_date_time_new_from_iso8601 (time, NULL);
  if (draft->time == NULL)
    return damaged (error, draft->file, _("it has no time"));

  g_free (draft->title);
  draft->title = g_key_file_get_string (keys, "Draft", "title", NULL);

  g_clear_object (&draft->original);
  original = g_key_file_get_string (keys, "Draft", "original", NULL);
  if (original != NULL && *original != '\0')
    {
      g_autoptr(GFileInfo) info = NULL;
      gint64 modified = g_key_file_get_int64 (keys, "Draft", "original-modified", NULL);
      guint64 original_size = g_key_file_get_uint64 (keys, "Draft", "original-size", NULL);

      draft->original = g_file_new_for_uri (original);
      draft->original_modified = modified;
      draft->original_size = original_size;

      /* Changed, or gone: either way the user should know before saving.
       * A remote file is not looked at: listing must not wait on a network. */
      if (g_file_is_native (draft->original))
        info = g_file_query_info (draft->original,
                                  G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC ","
                                  G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                  G_FILE_QUERY_INFO_NONE, NULL, NULL);

      if (!g_file_is_native (draft->original))
        {
          draft->original_changed = FALSE;
        }
      else if (info == NULL)
        {
          draft->original_changed = TRUE;
        }
      else if (modified != 0)
        {
          g_autoptr(GDateTime) now_modified = g_file_info_get_modification_date_time (info);

          draft->original_changed = now_modified == NULL
                                    || g_date_time_to_unix (now_modified) * G_USEC_PER_SEC
                                       + g_date_time_get_microsecond (now_modified) != modified
                                    || (guint64) g_file_info_get_size (info) != original_size;
        }
    }

  *document_offset = header_length;
  *document_size = size;

  return TRUE;
}

static TiesDraft *
ties_draft_new (GFile *file)
{
  TiesDraft *self = g_object_new (TIES_TYPE_DRAFT, NULL);
  g_autofree char *name = g_file_get_basename (file);

  self->file = g_object_ref (file);
  self->id = g_strndup (name, strlen (name) - strlen (DRAFT_SUFFIX));

  return self;
}

/* Reads the header only: listing does not load every document. */
static TiesDraft *
ties_draft_read (GFile *file)
{
  g_autoptr(TiesDraft) self = ties_draft_new (file);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *buffer = g_malloc (MAX_HEADER);
  gsize length = 0;
  gsize offset;
  guint64 size;

  stream = g_file_read (file, NULL, &error);
  if (stream != NULL)
    info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, &error);
  if (info != NULL
      && g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, MAX_HEADER, &length, NULL, &error))
    parse_header (self, buffer, length, g_file_info_get_size (info), &offset, &size, &error);

  if (error != NULL)
    self->problem = g_strdup (error->message);

  return g_steal_pointer (&self);
}

TiesDocument *
ties_draft_load (TiesDraft     *self,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  gsize length;
  gsize offset;
  guint64 size;

  g_return_val_if_fail (TIES_IS_DRAFT (self), NULL);

  if (!g_file_load_contents (self->file, cancellable, &data, &length, NULL, error))
    return NULL;
  if (!parse_header (self, data, length, length, &offset, &size, error))
    return NULL;

  /* Messages name the document the user knows, not the draft's id. */
  if (self->original != NULL)
    name = g_file_get_basename (self->original);
  else
    name = g_strdup (self->title != NULL && *self->title != '\0' ? self->title : _("Untitled"));

  return ties_document_load_from_data (data + offset, size, name, NULL, error);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  TiesDocument *document = ties_draft_load (source_object, cancellable, &error);

  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

void
ties_draft_load_async (TiesDraft           *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TIES_IS_DRAFT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ties_draft_load_async);
  g_task_run_in_thread (task, load_in_thread);
}

TiesDocument *
ties_draft_load_finish (TiesDraft     *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (TIES_IS_DRAFT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* TiesDrafts */

struct _TiesDrafts
{
  GObject parent_instance;

  GFile *folder;
};

G_DEFINE_FINAL_TYPE (TiesDrafts, ties_drafts, G_TYPE_OBJECT)

static void
ties_drafts_finalize (GObject *object)
{
  TiesDrafts *self = (TiesDrafts *) object;

  g_clear_object (&self->folder);

  G_OBJECT_CLASS (ties_drafts_parent_class)->finalize (object);
}

static void
ties_drafts_class_init (TiesDraftsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ties_drafts_finalize;
}

static void
ties_drafts_init (TiesDrafts *self)
{
}

TiesDrafts *
ties_drafts_new (GFile *folder)
{
  TiesDrafts *self;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  self = g_object_new (TIES_TYPE_DRAFTS, NULL);
  self->folder = g_object_ref (folder);

  return self;
}

TiesDrafts *
ties_drafts_new_default (void)
{
  g_autoptr(GFile) folder = g_file_new_build_filename (g_get_user_data_dir (), APP_ID, "drafts", NULL);

  return ties_drafts_new (folder);
}

TiesDrafts *
ties_drafts_get_default (void)
{
  static TiesDrafts *drafts;

  if (g_once_init_enter (&drafts))
    g_once_init_leave (&drafts, ties_drafts_new_default ());

  return drafts;
}

GFile *
ties_drafts_get_folder (TiesDrafts *self)
{
  g_return_val_if_fail (TIES_IS_DRAFTS (self), NULL);

  return self->folder;
}

static GFile *
draft_file (TiesDrafts *self,
            const char *id)
{
  g_autofree char *name = g_strconcat (id, DRAFT_SUFFIX, NULL);

  return g_file_get_child (self->folder, name);
}

static gboolean
ensure_folder (GFile   *folder,
               GError **error)
{
  g_autoptr(GError) local_error = NULL;

  /* Drafts hold the user's unsaved work: for their eyes only. */
  if (g_file_make_directory_with_parents (folder, NULL, &local_error))
    return g_file_set_attribute_uint32 (folder, G_FILE_ATTRIBUTE_UNIX_MODE, 0700,
                                        G_FILE_QUERY_INFO_NONE, NULL, error);
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
is_valid_id (const char *id)
{
  /* The id names a file: no separators, no dot files. */
  return id != NULL && *id != '\0' && *id != '.' && strchr (id, '/') == NULL && strchr (id, '\\') == NULL;
}

typedef struct
{
  GFile *file;
  GBytes *bytes;
  GFile *original;
  char *title;
  gint64 original_modified;
  guint64 original_size;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_object (&data->original);
  g_clear_pointer (&data->title, g_free);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WriteData, write_data_free)

static gboolean
write_draft (WriteData     *data,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GByteArray) contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) folder = g_file_get_parent (data->file);
  g_autofree char *time = g_date_time_format_iso8601 (now);
  g_autofree char *header = NULL;
  gsize header_length;
  gsize size;
  const guint8 *document = g_bytes_get_data (data->bytes, &size);

  if (!ensure_folder (folder, error))
    return FALSE;

  g_key_file_set_int64 (keys, "Draft", "version", DRAFT_VERSION);
  g_key_file_set_string (keys, "Draft", "title", data->title != NULL ? data->title : "");
  if (data->original != NULL)
    {
      g_autofree char *uri = g_file_get_uri (data->original);

      g_key_file_set_string (keys, "Draft", "original", uri);
      if (data->original_modified != 0)
        {
          g_key_file_set_int64 (keys, "Draft", "original-modified", data->original_modified);
          g_key_file_set_uint64 (keys, "Draft", "original-size", data->original_size);
        }
    }
  g_key_file_set_string (keys, "Draft", "time", time);
  g_key_file_set_uint64 (keys, "Draft", "size", size);
  header = g_key_file_to_data (keys, &header_length, NULL);

  contents = g_byte_array_sized_new (strlen (DRAFT_MAGIC) + header_length + strlen (DOCUMENT_MARK) + size);
  g_byte_array_append (contents, (const guint8 *) DRAFT_MAGIC, strlen (DRAFT_MAGIC));
  g_byte_array_append (contents, (const guint8 *) header, header_length);
  /* The key file's text ends with a newline; the mark begins with one. */
  g_byte_array_append (contents, (const guint8 *) DOCUMENT_MARK + 1, strlen (DOCUMENT_MARK) - 1);
  g_byte_array_append (contents, document, size);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&contents));

  /* The save path's temporary file and rename: a crash or a full disk
   * mid-write keeps the last draft whole. */
  return ties_safe_file_replace (data->file, bytes, cancellable, error);
}

/* The original's state when drafting began: a stat, on the caller's thread. */
static void
query_original (GFile   *original,
                gint64  *modified,
                guint64 *size)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GDateTime) time = NULL;

  *modified = 0;
  *size = 0;
  /* Remote files: no waiting on a network on the main thread. */
  if (original == NULL || !g_file_is_native (original))
    return;

  info = g_file_query_info (original,
                            G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return;
  time = g_file_info_get_modification_date_time (info);
  if (time != NULL)
    *modified = g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
  *size = g_file_info_get_size (info);
}

static WriteData *
write_data_new (TiesDrafts *self,
                const char *id,
                GBytes     *document_bytes,
                GFile      *original,
                gint64      original_modified,
                guint64     original_size,
                const char *title)
{
  WriteData *data = g_new0 (WriteData, 1);

  data->file = draft_file (self, id);
  data->bytes = g_bytes_ref (document_bytes);
  data->original = original != NULL ? g_object_ref (original) : NULL;
  data->original_modified = original_modified;
  data->original_size = original_size;
  data->title = g_strdup (title);

  return data;
}

gboolean
ties_drafts_write (TiesDrafts    *self,
                   const char    *id,
                   GBytes        *document_bytes,
                   GFile         *original,
                   const char    *title,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(WriteData) data = NULL;
  gint64 modified;
  guint64 size;

  g_return_val_if_fail (TIES_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (is_valid_id (id), FALSE);
  g_return_val_if_fail (document_bytes != NULL, FALSE);
  g_return_val_if_fail (original == NULL || G_IS_FILE (original), FALSE);

  query_original (original, &modified, &size);
  data = write_data_new (self, id, document_bytes, original, modified, size, title);

  return write_draft (data, cancellable, error);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_draft (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
start_write (TiesDrafts          *self,
             WriteData           *data,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ties_drafts_write_async);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_in_thread);
}

void
ties_drafts_write_async (TiesDrafts          *self,
                         const char          *id,
                         GBytes              *document_bytes,
                         GFile               *original,
                         const char          *title,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  gint64 modified;
  guint64 size;

  g_return_if_fail (TIES_IS_DRAFTS (self));
  g_return_if_fail (is_valid_id (id));
  g_return_if_fail (document_bytes != NULL);
  g_return_if_fail (original == NULL || G_IS_FILE (original));

  query_original (original, &modified, &size);
  start_write (self, write_data_new (self, id, document_bytes, original, modified, size, title),
               cancellable, callback, user_data);
}

gboolean
ties_drafts_write_finish (TiesDrafts    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (TIES_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
ties_drafts_remove (TiesDrafts  *self,
                    const char  *id,
                    GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TIES_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (is_valid_id (id), FALSE);

  file = draft_file (self, id);
  if (g_file_delete (file, NULL, &local_error)
      || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static int
compare_drafts (gconstpointer a,
                gconstpointer b)
{
  TiesDraft *draft_a = *(TiesDraft **) a;
  TiesDraft *draft_b = *(TiesDraft **) b;

  /* Damaged ones last; then newest first; then by id, to be stable. */
  if ((draft_a->time == NULL) != (draft_b->time == NULL))
    return draft_a->time == NULL ? 1 : -1;
  if (draft_a->time != NULL && !g_date_time_equal (draft_a->time, draft_b->time))
    return -g_date_time_compare (draft_a->time, draft_b->time);

  return strcmp (draft_a->id, draft_b->id);
}

GPtrArray *
ties_drafts_list (TiesDrafts  *self,
                  GError     **error)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TIES_IS_DRAFTS (self), NULL);

  children = g_file_enumerate_children (self->folder,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &local_error);
  if (children == NULL)
    {
      /* No folder yet: no drafts. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return g_steal_pointer (&drafts);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  for (;;)
    {
      GFileInfo *info;
      GFile *child;
      const char *name;

      if (!g_file_enumerator_iterate (children, &info, &child, NULL, error))
        return NULL;
      if (info == NULL)
        break;

      /* Temporary files of a write in progress or killed are not drafts. */
      name = g_file_info_get_name (info);
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR
          || !g_str_has_suffix (name, DRAFT_SUFFIX)
          || strlen (name) == strlen (DRAFT_SUFFIX)
          || *name == '.')
        continue;

      g_ptr_array_add (drafts, ties_draft_read (child));
    }

  g_ptr_array_sort (drafts, compare_drafts);

  return g_steal_pointer (&drafts);
}

gboolean
ties_drafts_set_aside (TiesDrafts  *self,
                       TiesDraft   *draft,
                       GError     **error)
{
  g_autoptr(GFile) damaged_folder = NULL;
  g_autoptr(GFile) target = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (TIES_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (TIES_IS_DRAFT (draft), FALSE);

  damaged_folder = g_file_get_child (self->folder, DAMAGED_FOLDER);
  if (!ensure_folder (damaged_folder, error))
    return FALSE;

  name = g_file_get_basename (draft->file);
  target = g_file_get_child (damaged_folder, name);

  /* Never over an older damaged draft of the same id: keep both. */
  for (guint i = 1; g_file_query_exists (target, NULL); i++)
    {
      g_autofree char *numbered = g_strdup_printf ("%s.%u", name, i);

      g_object_unref (target);
      target = g_file_get_child (damaged_folder, numbered);
    }

  return g_file_move (draft->file, target, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL, error);
}

gboolean
ties_drafts_begin_session (TiesDrafts  *self,
                           gboolean    *last_run_crashed,
                           GError     **error)
{
  g_autoptr(GFile) mark = NULL;
  g_autofree char *pid = NULL;

  g_return_val_if_fail (TIES_IS_DRAFTS (self), FALSE);

  if (!ensure_folder (self->folder, error))
    return FALSE;

  mark = g_file_get_child (self->folder, SESSION_MARK);
  if (last_run_crashed != NULL)
    *last_run_crashed = g_file_query_exists (mark, NULL);

  /* The process id helps whoever looks at the folder by hand. */
  pid = g_strdup_printf ("%d\n", (int) getpid ());
  return g_file_replace_contents (mark, pid, strlen (pid), NULL, FALSE,
                                  G_FILE_CREATE_NONE, NULL, NULL, error);
}

gboolean
ties_drafts_end_session (TiesDrafts  *self,
                         GError     **error)
{
  g_autoptr(GFile) mark = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (TIES_IS_DRAFTS (self), FALSE);

  mark = g_file_get_child (self->folder, SESSION_MARK);
  if (g_file_delete (mark, NULL, &local_error)
      || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* TiesDraftWriter */

struct _TiesDraftWriter
{
  GObject parent_instance;

  TiesDrafts *drafts;
  char *id;
  TiesDocument *document;
  GFile *file;
  /* The file as it was when opened or saved, to notice other writers. */
  gint64 file_modified;
  guint64 file_size;
  guint delay;
  guint timeout_id;

  /* One write at a time, so that they land in order; what happened
   * meanwhile is looked at again when it finishes. */
  gboolean writing;
  gboolean again;
  /* A draft of ours may be on disk. */
  gboolean on_disk;
  gboolean discarded;
};

G_DEFINE_FINAL_TYPE (TiesDraftWriter, ties_draft_writer, G_TYPE_OBJECT)

static void ties_draft_writer_update (TiesDraftWriter *self);

static void
ties_draft_writer_remove_draft (TiesDraftWriter *self)
{
  g_autoptr(GError) error = NULL;

  g_assert (TIES_IS_DRAFT_WRITER (self));
  g_assert (!self->writing);

  if (!self->on_disk)
    return;

  if (!ties_drafts_remove (self->drafts, self->id, &error))
    g_message ("Could not remove the draft %s: %s", self->id, error->message);
  else
    self->on_disk = FALSE;
}

static gboolean
is_modified (TiesDraftWriter *self)
{
  return self->document != NULL
         && ties_history_get_modified (ties_document_get_history (self->document));
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(TiesDraftWriter) self = user_data;
  g_autoptr(GError) error = NULL;

  self->writing = FALSE;

  /* Not worth a dialog: the document itself is still open and unsaved. */
  if (!ties_drafts_write_finish (TIES_DRAFTS (source), result, &error))
    g_message ("Could not write the draft %s: %s", self->id, error->message);

  if (self->discarded || !is_modified (self))
    ties_draft_writer_remove_draft (self);
  else if (self->again)
    ties_draft_writer_update (self);
  self->again = FALSE;
}

static gboolean
write_now (gpointer user_data)
{
  TiesDraftWriter *self = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  self->timeout_id = 0;

  if (self->discarded || !is_modified (self))
    return G_SOURCE_REMOVE;
  if (self->writing)
    {
      self->again = TRUE;
      return G_SOURCE_REMOVE;
    }

  /* The bytes are made here, on the main thread, where the document
   * lives; only the writing goes to a worker thread. */
  bytes = ties_document_save_to_bytes (self->document, &error);
  if (bytes == NULL)
    {
      g_message ("Could not make the draft %s: %s", self->id, error->message);
      return G_SOURCE_REMOVE;
    }

  title = g_strdup (ties_document_get_title (self->document));
  if (*title == '\0' && self->file != NULL)
    {
      g_free (title);
      title = g_file_get_basename (self->file);
    }

  self->writing = TRUE;
  self->on_disk = TRUE;
  start_write (self->drafts,
               write_data_new (self->drafts, self->id, bytes, self->file,
                               self->file_modified, self->file_size, title),
               NULL, on_written, g_object_ref (self));

  return G_SOURCE_REMOVE;
}

static void
ties_draft_writer_update (TiesDraftWriter *self)
{
  g_assert (TIES_IS_DRAFT_WRITER (self));

  if (self->discarded)
    return;

  if (is_modified (self))
    {
      /* Debounced: a burst of edits is one write, after the last. */
      g_clear_handle_id (&self->timeout_id, g_source_remove);
      if (self->delay == 0)
        self->timeout_id = g_idle_add (write_now, self);
      else
        self->timeout_id = g_timeout_add_seconds (self->delay, write_now, self);
    }
  else
    {
      g_clear_handle_id (&self->timeout_id, g_source_remove);
      if (self->writing)
        self->again = TRUE;
      else
        ties_draft_writer_remove_draft (self);
    }
}

static void
ties_draft_writer_dispose (GObject *object)
{
  TiesDraftWriter *self = (TiesDraftWriter *) object;

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  /* A document closed with unsaved changes keeps its draft unless the
   * user discarded it: quitting by some other way loses nothing. */
  if (!self->writing && !is_modified (self))
    ties_draft_writer_remove_draft (self);

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (ties_document_get_history (self->document), self);
      g_clear_object (&self->document);
    }

  G_OBJECT_CLASS (ties_draft_writer_parent_class)->dispose (object);
}

static void
ties_draft_writer_finalize (GObject *object)
{
  TiesDraftWriter *self = (TiesDraftWriter *) object;

  g_clear_object (&self->drafts);
  g_clear_object (&self->file);
  g_clear_pointer (&self->id, g_free);

  G_OBJECT_CLASS (ties_draft_writer_parent_class)->finalize (object);
}

static void
ties_draft_writer_class_init (TiesDraftWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ties_draft_writer_dispose;
  object_class->finalize = ties_draft_writer_finalize;
}

static void
ties_draft_writer_init (TiesDraftWriter *self)
{
  self->delay = TIES_DRAFT_WRITER_DEFAULT_DELAY;
}

TiesDraftWriter *
ties_draft_writer_new (TiesDrafts *drafts,
                       const char *id)
{
  TiesDraftWriter *self;

  g_return_val_if_fail (TIES_IS_DRAFTS (drafts), NULL);
  g_return_val_if_fail (id == NULL || is_valid_id (id), NULL);

  self = g_object_new (TIES_TYPE_DRAFT_WRITER, NULL);
  self->drafts = g_object_ref (drafts);
  self->id = id != NULL ? g_strdup (id) : g_uuid_string_random ();
  /* A restored draft is on disk already. */
  self->on_disk = id != NULL;

  return self;
}

const char *
ties_draft_writer_get_id (TiesDraftWriter *self)
{
  g_return_val_if_fail (TIES_IS_DRAFT_WRITER (self), NULL);

  return self->id;
}

void
ties_draft_writer_set_delay (TiesDraftWriter *self,
                             guint            seconds)
{
  g_return_if_fail (TIES_IS_DRAFT_WRITER (self));

  self->delay = seconds;
}

void
ties_draft_writer_set_document (TiesDraftWriter *self,
                                TiesDocument    *document,
                                GFile           *file)
{
  g_return_if_fail (TIES_IS_DRAFT_WRITER (self));
  g_return_if_fail (document == NULL || TIES_IS_DOCUMENT (document));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (ties_document_get_history (self->document), self);

  g_set_object (&self->document, document);
  g_set_object (&self->file, file);
  query_original (file, &self->file_modified, &self->file_size);

  if (document != NULL)
    {
      TiesHistory *history = ties_document_get_history (document);

      g_signal_connect_object (history, "changed", G_CALLBACK (ties_draft_writer_update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (history, "notify::modified", G_CALLBACK (ties_draft_writer_update), self, G_CONNECT_SWAPPED);
    }

  ties_draft_writer_update (self);
}

void
ties_draft_writer_set_file (TiesDraftWriter *self,
                            GFile           *file)
{
  g_return_if_fail (TIES_IS_DRAFT_WRITER (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_set_object (&self->file, file);
  query_original (file, &self->file_modified, &self->file_size);
}

/* A restored draft goes on naming the original as its document knew it,
 * not as the file is now: otherwise the next draft would forget that
 * another program changed the file meanwhile. */
void
ties_draft_writer_keep_original_of (TiesDraftWriter *self,
                                    TiesDraft       *draft)
{
  g_return_if_fail (TIES_IS_DRAFT_WRITER (self));
  g_return_if_fail (TIES_IS_DRAFT (draft));

  if (draft->original == NULL)
    return;

  self->file_modified = draft->original_modified;
  self->file_size = draft->original_size;
}

void
ties_draft_writer_discard (TiesDraftWriter *self)
{
  g_return_if_fail (TIES_IS_DRAFT_WRITER (self));

  self->discarded = TRUE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  /* A write in flight removes the draft when it lands. */
  if (!self->writing)
    ties_draft_writer_remove_draft (self);
}

gboolean
ties_draft_writer_get_busy (TiesDraftWriter *self)
{
  g_return_val_if_fail (TIES_IS_DRAFT_WRITER (self), FALSE);

  return self->writing || self->timeout_id != 0;
}
