/* ties-cli.h: what `ties` does without a window
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses, as scripts see them. */
#define TIES_EXIT_OK       0
#define TIES_EXIT_INVALID  1
#define TIES_EXIT_USAGE    2

/* Loads each file and prints one summary line per valid file on standard
 * output, or FILE:LINE:COLUMN: lines on standard error. */
int ties_cli_validate  (const char * const *files);
/* Rewrites each valid file in canonical form where it is not, through
 * the window's save path, and prints "FILE: normalized" or "FILE: already
 * normal"; broken files are left untouched and reported as above. */
int ties_cli_normalize (const char * const *files);
int ties_cli_main      (int                 argc,
                        char              **argv);

G_END_DECLS
