/* main.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "ties-application.h"
#include "ties-cli.h"

/* Options are the command line's: validation, export and help need no
 * display, as scripts and CI run them where there is none, so they never
 * touch GTK. `ties [FILE…]` opens windows. */
static gboolean
is_command_line (int    argc,
                 char **argv)
{
  for (int i = 1; i < argc; i++)
    if (argv[i][0] == '-' && argv[i][1] != '\0')
      return TRUE;

  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TiesApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (is_command_line (argc, argv))
    return ties_cli_main (argc, argv);

  app = ties_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
