/* ties-network-import-private.h: what the network importer shares with
 * its XML reader
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader (ties-network-xml.c) turns the file into nodes, edges and
 * declared attributes; the importer (ties-network-import.c) makes them
 * actors and events. The reader needs libxml2, and the command loads it
 * only when a network is imported (ties-xml-readers.h).
 */
#pragma once

#include "ties-network-import.h"
#include "ties-xml-readers.h"

G_BEGIN_DECLS

typedef enum {
  FORMAT_NONE,
  FORMAT_GEXF,
  FORMAT_GRAPHML,
} Format;

typedef enum {
  DOMAIN_NODE,
  DOMAIN_EDGE,
  N_DOMAINS
} Domain;

/* A declared attribute: GEXF <attribute>, GraphML <key>. */
typedef struct {
  char *key;       /* its name, folded: what the import looks for */
  char *fallback;  /* <default>, or NULL */
} Attribute;

typedef struct {
  guint       line;
  char       *id;
  char       *label;      /* GEXF label, yEd's node label */
  GHashTable *values;     /* folded attribute name → value */
  char       *color;      /* "#rrggbb", from viz:color or yEd's fill */
  gboolean    has_x, has_y;
  double      x, y;
  /* Known once the file is read. */
  const char *actor_id;
  TiesActor  *added;      /* NULL: an actor of the document */
} Node;

typedef struct {
  guint       line;
  char       *id;
  char       *source;
  char       *target;
  char       *label;      /* GEXF's label and kind attributes */
  char       *kind;
  char       *weight;     /* GEXF's weight attribute */
  int         directed;   /* -1: as the graph says */
  GHashTable *values;
} Edge;

/* One import: what the reader found, then what the importer made of it. */
typedef TiesNetworkImport Import;

struct _TiesNetworkImport {
  TiesDocument *document;
  const char   *name;
  char         *basename;   /* for the events' notes */
  Format        format;
  gboolean      directed;   /* the graph's default */
  gboolean      graph_seen;

  /* Declared attributes per domain: GEXF id or GraphML key id → Attribute. */
  GHashTable   *declared[N_DOMAINS];
  Attribute    *declaring;  /* the one whose <default> is being read */
  Domain        declaring_domain;
  gboolean      gexf_class_known;

  GPtrArray    *nodes;      /* Node *, in file order */
  GHashTable   *node_index; /* file id → Node * */
  GPtrArray    *open_nodes; /* Node *, nested GraphML graphs and GEXF hierarchies */
  GPtrArray    *edges;      /* Edge * */
  Edge         *edge;       /* the open one */

  /* Text being gathered: a GraphML <data>, a <default>, a yEd label. */
  GString      *text;
  gboolean      gathering;
  int           gather_depth;
  gboolean      gather_has_elements;
  char         *gather_key;     /* <data key="…"> */
  gboolean      gather_yed_label;

  GPtrArray    *problems;
  guint         n_problems;
  GPtrArray    *report;
  char         *xml_error;      /* libxml2's first error */
  guint         xml_error_line;

  GHashTable   *taken;          /* ids given out by this import */
  GHashTable   *unknown_kinds;  /* edge kinds the document has not, as written */
  GHashTable   *unknown_actor_kinds;
  guint         n_ignored_hyperedges;
};

void      _ties_network_import_edge_free    (gpointer    data);
/* "NAME:LINE: message", as the document reader's problems are. */
void      _ties_network_import_problem      (Import     *import,
                                             guint       line,
                                             const char *format,
                                             ...) G_GNUC_PRINTF (3, 4);
/* "Label", " label ", "LABEL" → "label": attribute names as tools write them. */
char     *_ties_network_import_fold_key     (const char *name);
/* A number as XML writes it ("1.5", "-2e3", " 4 "), in the C locale. */
gboolean  _ties_network_import_parse_double (const char *text,
                                             double     *value);

/* In ties-network-xml.c, reached through ties-xml-readers.h: reads the
 * file into @import's format, declared attributes, nodes and edges,
 * noting the problems of each; FALSE and @error when it is no network
 * at all (not well-formed, entities, another root element). */
gboolean  _ties_network_xml_read            (Import     *import,
                                             const char *data,
                                             gsize       length,
                                             GError    **error);

G_END_DECLS
