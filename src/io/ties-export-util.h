/* ties-export-util.h: what the data exports of src/io share
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "ties-document.h"
#include "ties-filter.h"
#include "ties-network.h"

G_BEGIN_DECLS

/* The ties of the events @filter keeps (NULL: the document's filter),
 * whether the diagram hides or dims the rest: a file has no "dimmed",
 * and an analysis of a file should be of the events chosen. */
TiesNetwork *_ties_export_network    (TiesDocument *document,
                                      TiesFilter   *filter);

/* @builder's root as indented JSON ending in a newline, as a text file
 * does. */
GBytes      *_ties_export_json_bytes (JsonBuilder  *builder);

G_END_DECLS
