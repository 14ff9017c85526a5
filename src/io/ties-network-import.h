/* ties-network-import.h: actors and undated ties from a GEXF or GraphML
 * network
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ties-document.h"

G_BEGIN_DECLS

#define TIES_NETWORK_IMPORT_ERROR (ties_network_import_error_quark ())

typedef enum {
  /* Not well-formed XML, or XML but neither GEXF nor GraphML. */
  TIES_NETWORK_IMPORT_ERROR_NOT_NETWORK,
  /* A network with problems (a node id twice, an edge to a node that is
   * not there, a position that is not a number): the message has one
   * line per problem. */
  TIES_NETWORK_IMPORT_ERROR_INVALID,
  /* Larger than TIES_NETWORK_IMPORT_MAX_BYTES, or more events than
   * TIES_NETWORK_IMPORT_MAX_EVENTS. */
  TIES_NETWORK_IMPORT_ERROR_TOO_LARGE,
} TiesNetworkImportError;

/* The same limit as a table's: a network file of 64 MiB holds some
 * 300,000 edges, far beyond what a study annotates by hand, and keeps a
 * stray file from taking the machine's memory. */
#define TIES_NETWORK_IMPORT_MAX_BYTES (64 * 1024 * 1024)

/* An edge of weight w becomes w events (a tie's weight is its number of
 * events), up to this many: a weight of thousands is a measure of
 * something else (messages, money), not events to annotate. */
#define TIES_NETWORK_IMPORT_MAX_EVENTS_PER_EDGE 100

/* All the events of one import, as for a table. */
#define TIES_NETWORK_IMPORT_MAX_EVENTS 200000

GQuark    ties_network_import_error_quark (void);

/* Whether @name ends in .gexf or .graphml, in any case. */
gboolean  ties_network_import_is_network_name (const char *name);

/* Adds the network @xml, GEXF (1.1 to 1.3) or GraphML, whichever its root
 * element says, to @document as one undo step: each node an actor, each
 * edge undated events between its two ends, so that an existing network
 * can be annotated further.
 *
 * A node is an actor of @document when its id, label or name names one
 * (as a table's participants do: id, name or other name, ignoring case);
 * else a new actor, with the node's id when it is a valid Ties id not in
 * use (else one made from its label), its label as name, and "kind",
 * "role", "affiliation", "aliases", "notes", colour and position from
 * its attributes (GEXF viz:color and viz:position; GraphML keys "color",
 * "x", "y", as ties_graphml_export_to_bytes() writes them, Gephi's "r",
 * "g", "b", and yEd's geometry, fill and label).
 *
 * An edge of weight w (rounded, at least 1, at most
 * TIES_NETWORK_IMPORT_MAX_EVENTS_PER_EDGE) becomes w events with no
 * date, titled "SOURCE – TARGET", of the kinds its "kinds", "kind" or
 * label attribute names (else "other"), whose notes say which file and
 * edge they came from. An edge's "title" (else a label that names no
 * kind) is the events' title, and its "date", when EDTF, their date, as
 * an edge per event of ties_gexf_export_to_bytes_full() has them; the
 * edges of one "event" that are all the pairs of its participants are
 * that one event again, with its id where it is free. A directed edge's source is the initiator; an
 * export's counts of who reached out ("initiated_by_source",
 * "initiated_by_target") are given back.
 *
 * Problems are "NAME:LINE: what"; with any, nothing is added. DTDs are
 * not loaded, entities not expanded (a file declaring them is refused)
 * and nothing is fetched from the network. @report (may be NULL) gets a
 * new array of lines worth telling on success: nodes that were actors
 * already, capped weights, attributes not understood. @n_actors and
 * @n_events (may be NULL) get the numbers of actors and events added. */
gboolean  ties_network_import             (TiesDocument  *document,
                                           GBytes        *xml,
                                           const char    *display_name,
                                           guint         *n_actors,
                                           guint         *n_events,
                                           GPtrArray    **report,
                                           GError       **error);

/* The same for a file, named in messages by @display_name (NULL: its
 * path); a file too large is refused before it is read. */
gboolean  ties_network_import_from_file   (TiesDocument  *document,
                                           GFile         *file,
                                           const char    *display_name,
                                           guint         *n_actors,
                                           guint         *n_events,
                                           GPtrArray    **report,
                                           GError       **error);

G_END_DECLS
