/* ties-annotation-export.h: evidence as W3C Web Annotations (JSON-LD)
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ties-document.h"

G_BEGIN_DECLS

/* Every evidence item of every event, in document order, as one
 * "Annotation" of an "AnnotationCollection" whose embedded "first" page
 * holds them all (https://www.w3.org/TR/annotation-model/). Each
 * annotation carries its own "@context", so that it stands alone when
 * taken out of the page. The same document always gives the same bytes. */
GBytes   *ties_annotation_export_to_bytes (TiesDocument  *document,
                                           GError       **error);

/* The same, written through ties_safe_file_replace(): a failure leaves
 * @file as it was. */
gboolean  ties_annotation_export_to_file  (TiesDocument  *document,
                                           GFile         *file,
                                           GError       **error);

G_END_DECLS
