/* main.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "ties-cli.h"
#include "ties-modules.h"
#include "ties-window-module.h"

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
  g_autoptr(GError) error = NULL;
  TiesWindowMain window_main = NULL;
  GModule *module;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (is_command_line (argc, argv))
    return ties_cli_main (argc, argv);

  module = ties_modules_open ("ties-window", &error);
  if (module == NULL || !g_module_symbol (module, TIES_WINDOW_MAIN, (gpointer *) &window_main))
    {
      /* TRANSLATORS: the window's module did not load; %s says why */
      g_printerr (_("ties: cannot open a window: %s\n"),
                  error != NULL ? error->message : g_module_error ());
      return 1;
    }

  /* Never unloaded: GTK's types live in it until the process ends. */
  return window_main (argc, argv);
}
