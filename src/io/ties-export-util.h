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
#include "ties-xml-out.h"

G_BEGIN_DECLS

/* The ties of the events @filter keeps (NULL: the document's filter),
 * whether the diagram hides or dims the rest: a file has no "dimmed",
 * and an analysis of a file should be of the events chosen. */
TiesNetwork *_ties_export_network    (TiesDocument *document,
                                      TiesFilter   *filter);

/* Where @actor is drawn: its own position (pinned or not), else where
 * the last layout put it (view.positions); FALSE when neither is known. */
gboolean     _ties_export_actor_place (TiesDocument *document,
                                       TiesActor    *actor,
                                       double       *x,
                                       double       *y,
                                       gboolean     *pinned);

/* What the JSON exports say of an actor (kind, role, affiliation,
 * aliases, colour, events, degree) and of a tie (weight, kinds, first
 * and last date, sources, evidence, who reached out, its events), as
 * members of the object @builder is in; a member with no value is left
 * out. */
void         _ties_export_json_actor_members (JsonBuilder  *builder,
                                              TiesNetwork  *network,
                                              TiesActor    *actor);
void         _ties_export_json_tie_members   (JsonBuilder  *builder,
                                              TiesTie      *tie);
/* "@name": @value, left out for NULL or "". */
void         _ties_export_json_add_string    (JsonBuilder  *builder,
                                              const char   *name,
                                              const char   *value);

/* _ties_xml_out_init() for a file of megabytes: libxml2's memory buffer
 * grows by what is added unless told to double, and a 10,000-event
 * network then spends most of its export in realloc(). */
gboolean     _ties_export_xml_out_init (TiesXmlOut *out);
/* _ties_xml_out_finish() that hands over libxml2's buffer instead of
 * copying it: the copy of a file of megabytes is pages the kernel must
 * find. */
GBytes      *_ties_export_xml_out_finish (TiesXmlOut *out);

/* What every network export's *_to_bytes() is. */
typedef GBytes *(*TiesNetworkToBytes) (TiesDocument  *document,
                                       TiesFilter    *filter,
                                       GError       **error);

/* @to_bytes' file written through ties_safe_file_replace(): a failure
 * leaves @file as it was. */
gboolean     _ties_export_network_to_file (TiesNetworkToBytes   to_bytes,
                                           TiesDocument        *document,
                                           TiesFilter          *filter,
                                           GFile               *file,
                                           GError             **error);

/* @builder's root as indented JSON ending in a newline, as a text file
 * does. */
GBytes      *_ties_export_json_bytes (JsonBuilder  *builder);

G_END_DECLS
