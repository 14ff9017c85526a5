/* ties-timeline-export.h: the events as a TimelineJS timeline
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ties-document.h"
#include "ties-filter.h"

G_BEGIN_DECLS

/* TimelineJS JSON (https://timeline.knightlab.com/docs/json-format.html):
 * the document's title as the title slide, and a slide for each dated
 * event @filter keeps (NULL: the document's), from the first to the last
 * day its EDTF date can mean, with the date as a person reads it
 * (approximate, uncertain) in "display_date", its title, participants and
 * quotes as the text, grouped by kind. Undated events have no place on a
 * timeline and are left out; with none left, G_IO_ERROR_INVALID_DATA (a
 * timeline must have a slide). The same document always gives the same
 * bytes. */
GBytes   *ties_timeline_export_to_bytes (TiesDocument  *document,
                                         TiesFilter    *filter,
                                         GError       **error);

/* The same, written through ties_safe_file_replace(): a failure leaves
 * @file as it was. */
gboolean  ties_timeline_export_to_file  (TiesDocument  *document,
                                         TiesFilter    *filter,
                                         GFile         *file,
                                         GError       **error);

G_END_DECLS
