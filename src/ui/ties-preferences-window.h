/* ties-preferences-window.h
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TIES_TYPE_PREFERENCES_WINDOW (ties_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (TiesPreferencesWindow, ties_preferences_window, TIES, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *ties_preferences_window_new (GSettings *settings);

G_END_DECLS
