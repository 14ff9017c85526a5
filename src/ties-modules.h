/* ties-modules.h: the modules the command loads when it needs them
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gmodule.h>

G_BEGIN_DECLS

/* The module lib@name (beside the command in a build folder, where the
 * tests and the README run it, else where `meson install` put it). */
GModule *ties_modules_open (const char  *name,
                            GError     **error);

G_END_DECLS
