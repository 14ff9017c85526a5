/* ties-window-module.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ties-application.h"
#include "ties-window-module.h"

int
ties_window_main (int    argc,
                  char **argv)
{
  g_autoptr(TiesApplication) app = ties_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
