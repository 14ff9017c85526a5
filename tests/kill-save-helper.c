/* kill-save-helper.c: one save of SOURCE's bytes over TARGET, for
 * kill-save.py to kill at random moments
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: kill-save-helper SOURCE TARGET
 *
 * `ties --normalize` spends most of its time loading a 100 MB document;
 * this saves the same bytes through the same ties_safe_file_replace()
 * at once, so that most kills land inside the save.
 */
#include "config.h"

#include <gio/gio.h>

#include "ties-safe-file.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) target = NULL;
  g_autoptr(GMappedFile) source = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 3)
    {
      g_printerr ("usage: kill-save-helper SOURCE TARGET\n");
      return 2;
    }

  /* Mapped, not read: the save starts at once. */
  source = g_mapped_file_new (argv[1], FALSE, &error);
  if (source == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  bytes = g_mapped_file_get_bytes (source);
  target = g_file_new_for_path (argv[2]);

  if (!ties_safe_file_replace (target, bytes, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}
