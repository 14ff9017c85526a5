/* ties-file-watch.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ties-file-watch.h"

/* Editors save in several steps (write, rename, touch): wait for quiet. */
#define SETTLE_MSEC 250

struct _TiesFileWatch
{
  GObject parent_instance;

  GFile *file;
  GFileMonitor *monitor;

  /* What identifies the file's contents on disk as this program knows
   * them (see query_stamp()). */
  char *known;
  /* The changed state last reported, so one change is one signal. */
  char *reported;

  guint settle_id;
  guint holds;
};

G_DEFINE_FINAL_TYPE (TiesFileWatch, ties_file_watch, G_TYPE_OBJECT)

enum {
  CHANGED_ON_DISK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The modification time alone misses a change within the file system's
 * time resolution; with size and inode, a replacement by rename (how
 * this program and most editors save) always shows. */
static char *
query_stamp (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_ETAG_VALUE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_UNIX_INODE ","
                            G_FILE_ATTRIBUTE_UNIX_DEVICE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  /* A missing file is a state too, distinct from any file's. */
  if (info == NULL)
    return g_strdup ("-");

  return g_strdup_printf ("%s/%" G_GINT64_FORMAT "/%" G_GUINT64_FORMAT "/%u",
                          g_file_info_get_etag (info) != NULL ? g_file_info_get_etag (info) : "",
                          g_file_info_get_size (info),
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE),
                          g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_DEVICE));
}

static gboolean
ties_file_watch_settled (gpointer user_data)
{
  TiesFileWatch *self = user_data;
  g_autofree char *now = NULL;

  self->settle_id = 0;

  if (self->holds > 0)
    return G_SOURCE_REMOVE;

  now = query_stamp (self->file);
  if (g_strcmp0 (now, self->known) == 0 || g_strcmp0 (now, self->reported) == 0)
    return G_SOURCE_REMOVE;

  g_free (self->reported);
  self->reported = g_steal_pointer (&now);
  g_signal_emit (self, signals[CHANGED_ON_DISK], 0);

  return G_SOURCE_REMOVE;
}

static void
on_monitor_changed (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    TiesFileWatch     *self)
{
  g_assert (TIES_IS_FILE_WATCH (self));

  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED ||
      event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT ||
      event == G_FILE_MONITOR_EVENT_UNMOUNTED)
    return;

  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add (SETTLE_MSEC, ties_file_watch_settled, self);
}

static void
ties_file_watch_dispose (GObject *object)
{
  TiesFileWatch *self = (TiesFileWatch *) object;

  g_clear_handle_id (&self->settle_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  G_OBJECT_CLASS (ties_file_watch_parent_class)->dispose (object);
}

static void
ties_file_watch_finalize (GObject *object)
{
  TiesFileWatch *self = (TiesFileWatch *) object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->known, g_free);
  g_clear_pointer (&self->reported, g_free);

  G_OBJECT_CLASS (ties_file_watch_parent_class)->finalize (object);
}

static void
ties_file_watch_class_init (TiesFileWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ties_file_watch_dispose;
  object_class->finalize = ties_file_watch_finalize;

  /* Another program changed, replaced or deleted the file. */
  signals[CHANGED_ON_DISK] =
    g_signal_new ("changed-on-disk",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
ties_file_watch_init (TiesFileWatch *self)
{
}

TiesFileWatch *
ties_file_watch_new (GFile *file)
{
  TiesFileWatch *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (TIES_TYPE_FILE_WATCH, NULL);
  self->file = g_object_ref (file);
  self->known = query_stamp (file);

  /* Without a monitor (a remote file) the check before saving remains. */
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (on_monitor_changed), self);

  return self;
}

GFile *
ties_file_watch_get_file (TiesFileWatch *self)
{
  g_return_val_if_fail (TIES_IS_FILE_WATCH (self), NULL);

  return self->file;
}

void
ties_file_watch_record (TiesFileWatch *self)
{
  g_return_if_fail (TIES_IS_FILE_WATCH (self));

  g_free (self->known);
  self->known = query_stamp (self->file);
  g_clear_pointer (&self->reported, g_free);
}

void
ties_file_watch_forget (TiesFileWatch *self)
{
  g_return_if_fail (TIES_IS_FILE_WATCH (self));

  /* No stamp looks like this one (see query_stamp()). */
  g_free (self->known);
  self->known = g_strdup ("?");
}

gboolean
ties_file_watch_is_changed (TiesFileWatch *self)
{
  g_autofree char *now = NULL;

  g_return_val_if_fail (TIES_IS_FILE_WATCH (self), FALSE);

  now = query_stamp (self->file);

  return g_strcmp0 (now, self->known) != 0;
}

gboolean
ties_file_watch_get_exists (TiesFileWatch *self)
{
  g_return_val_if_fail (TIES_IS_FILE_WATCH (self), FALSE);

  return g_file_query_exists (self->file, NULL);
}

void
ties_file_watch_hold (TiesFileWatch *self)
{
  g_return_if_fail (TIES_IS_FILE_WATCH (self));

  self->holds++;
}

void
ties_file_watch_release (TiesFileWatch *self,
                         gboolean       wrote)
{
  g_return_if_fail (TIES_IS_FILE_WATCH (self));
  g_return_if_fail (self->holds > 0);

  self->holds--;
  if (wrote)
    ties_file_watch_record (self);
  else if (self->holds == 0 && self->settle_id == 0)
    /* A change by another program during a failed save was held back. */
    self->settle_id = g_timeout_add (SETTLE_MSEC, ties_file_watch_settled, self);
}
