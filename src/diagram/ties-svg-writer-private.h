/* ties-svg-writer-private.h: the SVG writer's helpers, for the other
 * drawings of the diagram layer (the timeline) to write SVG the same way
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Markup escaped, and characters XML 1.0 cannot hold left out. */
void _ties_svg_append_escaped     (GString    *out,
                                   const char *text,
                                   gssize      length);
/* Hundredths at most, no trailing zeros, whatever the locale. */
void _ties_svg_append_number      (GString    *out,
                                   double      value);
/* ' name="value"' for a number, a 0xRRGGBB colour, an opacity (only
 * when under 1). */
void _ties_svg_append_attr        (GString    *out,
                                   const char *name,
                                   double      value);
void _ties_svg_append_color_attr  (GString    *out,
                                   const char *name,
                                   guint32     color);
void _ties_svg_append_opacity_attr (GString   *out,
                                    const char *name,
                                    double      alpha);
/* "<title>…</title>\n" */
void _ties_svg_append_title       (GString    *out,
                                   const char *title);

G_END_DECLS
