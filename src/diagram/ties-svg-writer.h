/* ties-svg-writer.h: the diagram as SVG a researcher can edit and restyle
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ties-renderer.h"

G_BEGIN_DECLS

/* @scene fitted and centred in @width × @height pixels, as
 * ties_scene_draw() draws it, written as an SVG 1.1 document: text as
 * <text>, each actor a <g id="actor-…"> and each tie a <g id="tie-…-…">
 * with a <title>, classes per kind and affiliation. Same scene and size,
 * same bytes. */
GBytes *ties_svg_writer_write_scene (TiesScene *scene,
                                     double     width,
                                     double     height);

G_END_DECLS
