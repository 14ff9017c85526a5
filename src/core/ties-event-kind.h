/* ties-event-kind.h: a kind of event and how it is drawn
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ties-extras.h"

G_BEGIN_DECLS

typedef enum {
  TIES_LINE_SOLID,
  TIES_LINE_DASHED,
  TIES_LINE_DOTTED,
  TIES_LINE_DASH_DOT,
} TiesLineStyle;

#define TIES_TYPE_LINE_STYLE (ties_line_style_get_type ())
GType ties_line_style_get_type (void) G_GNUC_CONST;
const char *ties_line_style_to_string (TiesLineStyle  line);
gboolean ties_line_style_from_string (const char    *text,
                                      TiesLineStyle *line);

#define TIES_TYPE_EVENT_KIND (ties_event_kind_get_type ())

G_DECLARE_FINAL_TYPE (TiesEventKind, ties_event_kind, TIES, EVENT_KIND, GObject)

TiesEventKind *ties_event_kind_new (const char    *id,
                                    const char    *label,
                                    TiesLineStyle  line);
GListModel *ties_event_kind_get_builtins (void);
/* Transfer none: the built-in kinds live as long as the process. */
TiesEventKind *ties_event_kind_lookup_builtin (const char *id);
const char *ties_event_kind_get_id (TiesEventKind *self);
void ties_event_kind_set_id (TiesEventKind *self,
                            const char *id);
const char *ties_event_kind_get_label (TiesEventKind *self);
void ties_event_kind_set_label (TiesEventKind *self,
                               const char *label);
TiesLineStyle ties_event_kind_get_line (TiesEventKind *self);
void ties_event_kind_set_line (TiesEventKind *self,
                              TiesLineStyle line);
/* The colour chosen for the kind ("#rrggbb"), or NULL. */
const char *ties_event_kind_get_color (TiesEventKind *self);
void ties_event_kind_set_color (TiesEventKind *self,
                                const char    *color);
/* The chosen colour, or else a stable default: a colour of GNOME's palette
 * per built-in kind, and for other kinds one picked by their id. */
const char *ties_event_kind_get_display_color (TiesEventKind *self);
TiesExtras *ties_event_kind_get_extras (TiesEventKind *self);
void ties_event_kind_take_extras (TiesEventKind *self,
                               TiesExtras *extras);

G_END_DECLS
