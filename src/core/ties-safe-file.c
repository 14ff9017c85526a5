/* ties-safe-file.c: replacing a file so that no failure can destroy it
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ties-safe-file.h"

/* Linux gives up after 40 links too (SYMLOOP_MAX). */
#define MAX_LINKS 40
/* Written and checked a piece at a time, so a cancellation is seen soon
 * and reading back needs little memory. */
#define CHUNK_SIZE (1 << 20)

typedef enum {
  STAGE_RESOLVE,
  STAGE_CREATE,
  STAGE_WRITE,
  STAGE_RENAME,
} Stage;

/* Every message names the file the person saved (the link, if it is
 * one), says why, and says that the file was not changed. */
static void
set_error_from_errno (GError     **error,
                      int          saved_errno,
                      Stage        stage,
                      const char  *display_name,
                      const char  *folder)
{
  g_autofree char *folder_name = g_filename_display_name (folder);
  GIOErrorEnum code = g_io_error_from_errno (saved_errno);

  switch (saved_errno)
    {
    case ENOSPC:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("Could not save “%s”: the disk is full. The file was not changed; "
                     "free some space, or use Save As to save to another disk."),
                   display_name);
      return;

#ifdef EDQUOT
    case EDQUOT:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("Could not save “%s”: the disk quota is used up. The file was not changed; "
                     "free some space, or use Save As to save to another disk."),
                   display_name);
      return;
#endif

    case EFBIG:
      /* GLib 2.74 has no G_IO_ERROR_FILE_TOO_LARGE yet. */
      g_set_error (error, G_IO_ERROR, code,
                   _("Could not save “%s”: the file is too large for this disk or for the limit "
                     "on file sizes set for this program. The file was not changed."),
                   display_name);
      return;

    case EROFS:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                   _("Could not save “%s”: the disk is read-only. The file was not changed; "
                     "use Save As to save to another folder."),
                   display_name);
      return;

    case EACCES:
    case EPERM:
      /* Saving safely makes a new file beside the old one: a folder that
       * refuses it is refused outright, never written over in place. */
      if (stage == STAGE_CREATE || stage == STAGE_RENAME)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                     _("Could not save “%s”: the folder “%s” does not allow new files or changes, "
                       "which saving safely needs. The file was not changed; "
                       "use Save As to save to another folder."),
                     display_name, folder_name);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                     _("Could not save “%s”: permission denied. The file was not changed; "
                       "use Save As to save to another folder."),
                     display_name);
      return;

    case ENOENT:
    case ENOTDIR:
      if (stage == STAGE_CREATE || stage == STAGE_RESOLVE)
        {
          g_set_error (error, G_IO_ERROR, code,
                       _("Could not save “%s”: the folder “%s” does not exist."),
                       display_name, folder_name);
          return;
        }
      break;

    case ELOOP:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
                   _("Could not save “%s”: too many symbolic links, or a loop of them."),
                   display_name);
      return;

    default:
      break;
    }

  g_set_error (error, G_IO_ERROR, code,
               _("Could not save “%s”: %s. The file was not changed."),
               display_name, g_strerror (saved_errno));
}

static void
set_cancelled_error (GError     **error,
                     const char  *display_name)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
               _("Saving “%s” was cancelled; the file was not changed."),
               display_name);
}

/* Follows @path to the file it finally names, so that the new file is made
 * beside it and a link stays a link. A relative link is relative to the
 * folder that holds it. @exists is FALSE for a new file, which may also be
 * the missing end of a dangling link. */
static char *
resolve_links (const char   *path,
               const char   *display_name,
               gboolean     *exists,
               struct stat  *st,
               GError      **error)
{
  g_autofree char *current = g_strdup (path);

  g_assert (path != NULL);
  g_assert (exists != NULL);
  g_assert (st != NULL);

  for (guint hops = 0; ; hops++)
    {
      g_autofree char *link = NULL;
      g_autofree char *folder = g_path_get_dirname (current);
      int saved_errno;

      if (lstat (current, st) != 0)
        {
          saved_errno = errno;
          if (saved_errno == ENOENT)
            {
              *exists = FALSE;
              return g_steal_pointer (&current);
            }
          set_error_from_errno (error, saved_errno, STAGE_RESOLVE, display_name, folder);
          return NULL;
        }

      if (!S_ISLNK (st->st_mode))
        break;

      if (hops == MAX_LINKS)
        {
          set_error_from_errno (error, ELOOP, STAGE_RESOLVE, display_name, folder);
          return NULL;
        }

      link = g_file_read_link (current, NULL);
      if (link == NULL)
        {
          set_error_from_errno (error, errno, STAGE_RESOLVE, display_name, folder);
          return NULL;
        }

      g_free (current);
      current = g_path_is_absolute (link) ? g_steal_pointer (&link) : g_build_filename (folder, link, NULL);
    }

  if (!S_ISREG (st->st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("Could not save “%s”: it is not a regular file."),
                   display_name);
      return NULL;
    }

  *exists = TRUE;

  return g_steal_pointer (&current);
}

/* Whether @entry is the temporary file of a save of @name. */
static gboolean
is_temporary_of (const char *entry,
                 const char *name)
{
  gsize name_length = strlen (name);
  gsize suffix_length = strlen (TIES_SAFE_FILE_SUFFIX);

  /* "." NAME "." XXXXXX SUFFIX */
  if (strlen (entry) != 1 + name_length + 1 + 6 + suffix_length)
    return FALSE;

  return entry[0] == '.'
         && strncmp (entry + 1, name, name_length) == 0
         && entry[1 + name_length] == '.'
         && strcmp (entry + 1 + name_length + 1 + 6, TIES_SAFE_FILE_SUFFIX) == 0;
}

/* A save that runs holds the lock of its temporary file until the file is
 * renamed, so a temporary file whose lock is free was left by a save that
 * was killed, and a concurrent save of the same file is left alone. Only
 * this target's files are touched; failures here never stop a save. */
static void
remove_stale_temporaries (const char *folder,
                          const char *name)
{
  DIR *dir;
  struct dirent *entry;

  dir = opendir (folder);
  if (dir == NULL)
    return;

  while ((entry = readdir (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat before, after;
      int fd;

      if (!is_temporary_of (entry->d_name, name))
        continue;

      path = g_build_filename (folder, entry->d_name, NULL);
      fd = open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
      if (fd < 0)
        continue;

      if (fstat (fd, &before) == 0 && S_ISREG (before.st_mode)
          && flock (fd, LOCK_EX | LOCK_NB) == 0
          && lstat (path, &after) == 0
          && before.st_dev == after.st_dev && before.st_ino == after.st_ino)
        unlink (path);

      close (fd);
    }

  closedir (dir);
}

/* A new, locked temporary file beside @real_path. A cleaner of another
 * save may remove it in the instant between its creation and its lock:
 * then it is made again. */
static int
create_temporary (const char  *real_path,
                  int          mode,
                  char       **temporary_path)
{
  g_autofree char *folder = g_path_get_dirname (real_path);
  g_autofree char *name = g_path_get_basename (real_path);

  for (guint attempt = 0; ; attempt++)
    {
      g_autofree char *template = g_strdup_printf (".%s.XXXXXX%s", name, TIES_SAFE_FILE_SUFFIX);
      g_autofree char *path = g_build_filename (folder, template, NULL);
      struct stat by_fd, by_name;
      int fd;

      /* g_mkstemp_full() fills the last XXXXXX and opens with O_EXCL. */
      fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, mode);
      if (fd < 0)
        return -1;

      if (flock (fd, LOCK_EX) == 0
          && fstat (fd, &by_fd) == 0
          && lstat (path, &by_name) == 0
          && by_fd.st_dev == by_name.st_dev && by_fd.st_ino == by_name.st_ino)
        {
          *temporary_path = g_steal_pointer (&path);
          return fd;
        }

      close (fd);
      if (attempt == 3)
        {
          errno = EAGAIN;
          return -1;
        }
    }
}

static gboolean
write_all (int            fd,
           const guint8  *data,
           gsize          length,
           GCancellable  *cancellable)
{
  gsize done = 0;

  while (done < length)
    {
      gssize written;

      if (g_cancellable_is_cancelled (cancellable))
        {
          errno = ECANCELED;
          return FALSE;
        }

      written = write (fd, data + done, MIN (length - done, CHUNK_SIZE));
      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      if (written == 0)
        {
          errno = EIO;
          return FALSE;
        }

      done += written;
    }

  return TRUE;
}

/* What is on the disk is what was meant: the size, and every byte as the
 * kernel gives it back. A 100 MB document costs a few tens of
 * milliseconds, from the page cache. */
static gboolean
read_back (int            fd,
           const guint8  *data,
           gsize          length,
           GCancellable  *cancellable)
{
  g_autofree guint8 *buffer = NULL;
  struct stat st;
  gsize done = 0;

  if (fstat (fd, &st) != 0)
    return FALSE;
  if ((guint64) st.st_size != length)
    {
      errno = EIO;
      return FALSE;
    }

  buffer = g_malloc (MIN (length, CHUNK_SIZE) + 1);
  while (done < length)
    {
      gssize n;

      if (g_cancellable_is_cancelled (cancellable))
        {
          errno = ECANCELED;
          return FALSE;
        }

      n = pread (fd, buffer, MIN (length - done, CHUNK_SIZE), done);
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      if (n == 0 || memcmp (buffer, data + done, n) != 0)
        {
          errno = EIO;
          return FALSE;
        }

      done += n;
    }

  return TRUE;
}

/* Without it a power cut just after the rename may lose the rename. */
static void
sync_folder (const char *folder)
{
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;

  /* The new file is in place, complete and synced, whatever this says:
   * a failure here cannot be undone, and reporting the save as failed
   * would be untrue. */
  (void) fsync (fd);
  close (fd);
}

gboolean
ties_safe_file_replace (GFile         *target,
                        GBytes        *bytes,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *path = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *real_path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *temporary_path = NULL;
  const guint8 *data;
  gsize length;
  gboolean exists = FALSE;
  struct stat st;
  Stage stage;
  int saved_errno;
  int fd = -1;
  int lock_fd = -1;

  g_return_val_if_fail (G_IS_FILE (target), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = g_bytes_get_data (bytes, &length);
  display_name = g_file_get_parse_name (target);

  if (g_cancellable_is_cancelled (cancellable))
    {
      set_cancelled_error (error, display_name);
      return FALSE;
    }

  path = g_file_get_path (target);
  if (path == NULL)
    /* Remote files have no folder to make a temporary file in that we
     * could lock and sync; GIO does its best there. */
    return g_file_replace_contents (target, (const char *) data, length, NULL, FALSE,
                                    G_FILE_CREATE_NONE, NULL, cancellable, error);

  real_path = resolve_links (path, display_name, &exists, &st, error);
  if (real_path == NULL)
    return FALSE;

  folder = g_path_get_dirname (real_path);
  name = g_path_get_basename (real_path);

  /* The folder would let a rename replace a file its owner made
   * read-only; a save must not, as no editor does. */
  if (exists && faccessat (AT_FDCWD, real_path, W_OK, AT_EACCESS) != 0)
    {
      saved_errno = errno;
      if (saved_errno == EACCES || saved_errno == EPERM)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                     _("Could not save “%s”: the file is read-only. The file was not changed; "
                       "use Save As to save a copy."),
                     display_name);
      else
        set_error_from_errno (error, saved_errno, STAGE_RESOLVE, display_name, folder);
      return FALSE;
    }

  remove_stale_temporaries (folder, name);

  /* A new file gets 0666 less the umask, as any program's would; the
   * temporary file of an existing one is private until it has the
   * target's mode. */
  stage = STAGE_CREATE;
  fd = create_temporary (real_path, exists ? 0600 : 0666, &temporary_path);
  if (fd < 0)
    goto failed;

  stage = STAGE_WRITE;
  if (exists)
    {
      /* Keeping the owner needs root, or the group one of ours: try,
       * and keep what is permitted. fchmod() comes last, as fchown()
       * clears the set-id bits. */
      if ((st.st_uid != geteuid () || st.st_gid != getegid ())
          && fchown (fd, st.st_uid, st.st_gid) != 0)
        (void) fchown (fd, -1, st.st_gid);
      if (fchmod (fd, st.st_mode & 07777) != 0)
        goto failed;
    }

  if (!write_all (fd, data, length, cancellable)
      || fsync (fd) != 0
      || !read_back (fd, data, length, cancellable))
    goto failed;

  /* The lock belongs to the open file, not to the descriptor: a
   * duplicate keeps it until the rename, while closing the first
   * descriptor reports any error of the file system. */
  lock_fd = dup (fd);
  if (lock_fd < 0)
    goto failed;
  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;

  if (g_cancellable_is_cancelled (cancellable))
    {
      errno = ECANCELED;
      goto failed;
    }

  stage = STAGE_RENAME;
  if (rename (temporary_path, real_path) != 0)
    goto failed;

  close (lock_fd);
  sync_folder (folder);

  return TRUE;

failed:
  saved_errno = errno;

  if (temporary_path != NULL)
    unlink (temporary_path);
  if (fd >= 0)
    close (fd);
  if (lock_fd >= 0)
    close (lock_fd);

  /* Only this file's own code sets ECANCELED. */
  if (saved_errno == ECANCELED)
    set_cancelled_error (error, display_name);
  else
    set_error_from_errno (error, saved_errno, stage, display_name, folder);

  return FALSE;
}
