/* ties-window-module.h
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gmodule.h>

G_BEGIN_DECLS

/* The name src/main.c looks up in the window module. */
#define TIES_WINDOW_MAIN "ties_window_main"

typedef int (*TiesWindowMain) (int    argc,
                               char **argv);

/* Runs the application (windows on FILE… or the welcome) to its end. */
G_MODULE_EXPORT
int ties_window_main (int    argc,
                      char **argv);

G_END_DECLS
