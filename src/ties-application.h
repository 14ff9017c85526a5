/* ties-application.h
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TIES_TYPE_APPLICATION (ties_application_get_type ())

G_DECLARE_FINAL_TYPE (TiesApplication, ties_application, TIES, APPLICATION, AdwApplication)

TiesApplication *ties_application_new          (void);
GSettings       *ties_application_get_settings (TiesApplication *self);
/* The sample document shipped with Ties. */
GFile           *ties_application_get_sample   (void);

G_END_DECLS
