/* ties-network-import.c: actors and undated ties from a GEXF or GraphML
 * network
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The way back from ties-gexf-export.c and ties-graphml-export.c, and the
 * way in for a network drawn elsewhere (Gephi, yEd, networkx, igraph)
 * that a researcher wants to annotate further: nodes become actors and
 * edges become events without a date, since a Ties tie is the events
 * between two actors. An edge's weight is its number of events in Ties'
 * exports, so an edge of weight w becomes w events, and exporting the
 * imported document gives the same weights again.
 *
 * The file is read as a stream (libxml2's xmlTextReader), with the
 * network off and entities left alone: a hostile file can neither read a
 * local file into the document nor blow up in memory. Nothing is half
 * done: the whole file is read and checked before the document is
 * touched, every problem is reported with its line, and then either
 * nothing is added or everything is, as one undo step.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>

#include "ties-date.h"
#include "ties-import-util.h"
#include "ties-network-import.h"

G_DEFINE_QUARK (ties-network-import-error-quark, ties_network_import_error)

/* What the document reader takes (ties-document-reader.c): an import
 * must give a document that saves and loads again. */
#define MAX_ID_LENGTH 200
#define MAX_TEXT_LENGTH 10000
/* As the document reader: past this many, the rest are counted. */
#define MAX_PROBLEMS 100

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

static void
attribute_free (gpointer data)
{
  Attribute *attribute = data;

  g_free (attribute->key);
  g_free (attribute->fallback);
  g_free (attribute);
}

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

static void
node_free (gpointer data)
{
  Node *node = data;

  g_free (node->id);
  g_free (node->label);
  g_hash_table_unref (node->values);
  g_free (node->color);
  g_clear_object (&node->added);
  g_free (node);
}

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

static void
edge_free (gpointer data)
{
  Edge *edge = data;

  g_free (edge->id);
  g_free (edge->source);
  g_free (edge->target);
  g_free (edge->label);
  g_free (edge->kind);
  g_free (edge->weight);
  g_hash_table_unref (edge->values);
  g_free (edge);
}

typedef struct {
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
} Import;

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->basename, g_free);
  for (guint i = 0; i < N_DOMAINS; i++)
    g_clear_pointer (&import->declared[i], g_hash_table_unref);
  g_clear_pointer (&import->nodes, g_ptr_array_unref);
  g_clear_pointer (&import->node_index, g_hash_table_unref);
  g_clear_pointer (&import->open_nodes, g_ptr_array_unref);
  g_clear_pointer (&import->edges, g_ptr_array_unref);
  g_clear_pointer (&import->edge, edge_free);
  if (import->text != NULL)
    g_string_free (g_steal_pointer (&import->text), TRUE);
  g_clear_pointer (&import->gather_key, g_free);
  g_clear_pointer (&import->problems, g_ptr_array_unref);
  g_clear_pointer (&import->report, g_ptr_array_unref);
  g_clear_pointer (&import->xml_error, g_free);
  g_clear_pointer (&import->taken, g_hash_table_unref);
  g_clear_pointer (&import->unknown_kinds, g_hash_table_unref);
  g_clear_pointer (&import->unknown_actor_kinds, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

static void
problem (Import     *import,
         guint       line,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

/* "NAME:LINE: message", as the document reader's problems are. */
static void
problem (Import     *import,
         guint       line,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  import->n_problems++;
  if (import->problems->len >= MAX_PROBLEMS)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (import->problems, g_strdup_printf ("%s:%u: %s", import->name, line, message));
}

/* "Label", " label ", "LABEL" → "label": attribute names as tools write them. */
static char *
fold_key (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));

  return g_ascii_strdown (stripped, -1);
}

static char *
get_attribute (xmlTextReader *reader,
               const char    *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;

  copy = g_strdup ((const char *) value);
  xmlFree (value);

  return copy;
}

static guint
current_line (xmlTextReader *reader)
{
  xmlNode *node = xmlTextReaderCurrentNode (reader);
  long line = node != NULL ? xmlGetLineNo (node) : -1;

  if (line <= 0)
    line = xmlTextReaderGetParserLineNumber (reader);

  return line > 0 ? (guint) line : 1;
}

/* A number as XML writes it ("1.5", "-2e3", " 4 "), in the C locale. */
static gboolean
parse_double (const char *text,
              double     *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  char *end = NULL;

  if (stripped[0] == '\0')
    return FALSE;

  *value = g_ascii_strtod (stripped, &end);

  return end != NULL && *end == '\0' && isfinite (*value);
}

static Node *
open_node (Import *import)
{
  return import->open_nodes->len > 0
         ? g_ptr_array_index (import->open_nodes, import->open_nodes->len - 1)
         : NULL;
}

/* The table of values the attribute being read belongs to: the open
 * edge's, else the innermost open node's. */
static GHashTable *
open_values (Import *import,
             Domain *domain)
{
  if (import->edge != NULL)
    {
      *domain = DOMAIN_EDGE;
      return import->edge->values;
    }
  if (open_node (import) != NULL)
    {
      *domain = DOMAIN_NODE;
      return open_node (import)->values;
    }

  return NULL;
}

/* The folded name of a value that refers to @id (GEXF's attvalue "for",
 * GraphML's data "key"): the declared name, else the reference itself,
 * as networkx's attribute names are both. */
static char *
value_key (Import     *import,
           Domain      domain,
           const char *id)
{
  Attribute *attribute = g_hash_table_lookup (import->declared[domain], id);

  return attribute != NULL ? g_strdup (attribute->key) : fold_key (id);
}

static void
start_gathering (Import        *import,
                 xmlTextReader *reader)
{
  g_string_truncate (import->text, 0);
  import->gathering = TRUE;
  import->gather_depth = xmlTextReaderDepth (reader);
  import->gather_has_elements = FALSE;
}

static void
start_node (Import        *import,
            xmlTextReader *reader)
{
  Node *node = g_new0 (Node, 1);

  node->line = current_line (reader);
  node->id = get_attribute (reader, "id");
  node->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (import->format == FORMAT_GEXF)
    node->label = get_attribute (reader, "label");

  if (node->id == NULL || node->id[0] == '\0')
    problem (import, node->line, _("a node without an id"));
  else if (g_hash_table_contains (import->node_index, node->id))
    {
      Node *first = g_hash_table_lookup (import->node_index, node->id);

      problem (import, node->line, _("the node id “%s” is there twice (also line %u)"), node->id, first->line);
    }
  else
    g_hash_table_insert (import->node_index, node->id, node);

  g_ptr_array_add (import->nodes, node);
  g_ptr_array_add (import->open_nodes, node);
}

static void
start_edge (Import        *import,
            xmlTextReader *reader)
{
  Edge *edge = g_new0 (Edge, 1);
  g_autofree char *type = NULL;

  edge->line = current_line (reader);
  edge->id = get_attribute (reader, "id");
  edge->source = get_attribute (reader, "source");
  edge->target = get_attribute (reader, "target");
  edge->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  edge->directed = -1;

  if (import->format == FORMAT_GEXF)
    {
      edge->label = get_attribute (reader, "label");
      edge->kind = get_attribute (reader, "kind");
      edge->weight = get_attribute (reader, "weight");
      type = get_attribute (reader, "type");
      if (g_strcmp0 (type, "directed") == 0)
        edge->directed = TRUE;
      else if (g_strcmp0 (type, "undirected") == 0 || g_strcmp0 (type, "mutual") == 0)
        edge->directed = FALSE;
    }
  else
    {
      type = get_attribute (reader, "directed");
      if (g_strcmp0 (type, "true") == 0 || g_strcmp0 (type, "1") == 0)
        edge->directed = TRUE;
      else if (g_strcmp0 (type, "false") == 0 || g_strcmp0 (type, "0") == 0)
        edge->directed = FALSE;
    }

  if (edge->source == NULL || edge->source[0] == '\0' || edge->target == NULL || edge->target[0] == '\0')
    problem (import, edge->line, _("an edge without a source or a target"));

  /* An edge is never inside another; a broken file may try. */
  g_clear_pointer (&import->edge, edge_free);
  import->edge = edge;
}

static void
end_edge (Import *import)
{
  if (import->edge != NULL)
    g_ptr_array_add (import->edges, g_steal_pointer (&import->edge));
}

static void
end_node (Import *import)
{
  if (import->open_nodes->len > 0)
    g_ptr_array_remove_index (import->open_nodes, import->open_nodes->len - 1);
}

/* <attribute id title> (GEXF) or <key id for attr.name> (GraphML). */
static void
declare_attribute (Import        *import,
                   xmlTextReader *reader,
                   Domain         domain,
                   gboolean       both)
{
  g_autofree char *id = get_attribute (reader, "id");
  g_autofree char *name = get_attribute (reader, import->format == FORMAT_GEXF ? "title" : "attr.name");
  Attribute *attribute;

  if (id == NULL)
    return;

  attribute = g_new0 (Attribute, 1);
  attribute->key = fold_key (name != NULL ? name : id);
  g_hash_table_replace (import->declared[domain], g_strdup (id), attribute);
  import->declaring = attribute;
  import->declaring_domain = domain;

  if (both)
    {
      Attribute *copy = g_new0 (Attribute, 1);

      copy->key = g_strdup (attribute->key);
      g_hash_table_replace (import->declared[DOMAIN_EDGE], g_strdup (id), copy);
    }
}

static void
read_viz_color (Import        *import,
                xmlTextReader *reader,
                Node          *node)
{
  g_autofree char *hex = get_attribute (reader, "hex");
  int channels[3];

  if (hex != NULL)
    {
      g_autofree char *folded = fold_key (hex);

      if (folded[0] == '#' && strlen (folded) == 7 && strspn (folded + 1, "0123456789abcdef") == 6)
        {
          g_free (node->color);
          node->color = g_steal_pointer (&folded);
        }
      else
        problem (import, current_line (reader), _("“%s” is not a colour: use #rrggbb"), hex);
      return;
    }

  for (guint i = 0; i < 3; i++)
    {
      const char *name = (const char *[]) { "r", "g", "b" }[i];
      g_autofree char *text = get_attribute (reader, name);
      double value;

      if (text == NULL || !parse_double (text, &value) || value < 0 || value > 255 || value != floor (value))
        {
          problem (import, current_line (reader),
                   /* Translators: the first %s is what the file has, the second r, g or b */
                   _("“%s” is not a colour value from 0 to 255 (viz:color %s)"),
                   text != NULL ? text : "", name);
          return;
        }
      channels[i] = (int) value;
    }

  g_free (node->color);
  node->color = g_strdup_printf ("#%02x%02x%02x", channels[0], channels[1], channels[2]);
}

static void
read_position (Import        *import,
               xmlTextReader *reader,
               Node          *node,
               gboolean       yed)
{
  const char *names[] = { "x", "y", "width", "height" };
  double values[4] = { 0, 0, 0, 0 };

  for (guint i = 0; i < (yed ? 4 : 2); i++)
    {
      g_autofree char *text = get_attribute (reader, names[i]);

      /* yEd's size may be left out; a place may not. */
      if (text == NULL && i >= 2)
        continue;
      if (text == NULL || !parse_double (text, &values[i]))
        {
          problem (import, current_line (reader),
                   /* Translators: %s is what the file has, then the coordinate's name, x or y */
                   _("“%s” is not a number: the node’s position %s"),
                   text != NULL ? text : "", names[i]);
          return;
        }
    }

  node->has_x = node->has_y = TRUE;
  if (yed)
    {
      /* yEd places a node's top left corner; Ties its centre. */
      node->x = values[0] + values[2] / 2;
      node->y = values[1] + values[3] / 2;
    }
  else
    {
      /* Gephi's y axis points up; the diagram's down. */
      node->x = values[0];
      node->y = values[1] != 0 ? -values[1] : 0;
    }
}

static void
start_element (Import        *import,
               xmlTextReader *reader,
               const char    *name)
{
  Node *node = open_node (import);
  GHashTable *values;
  Domain domain;

  if (import->gathering)
    import->gather_has_elements = TRUE;

  if (g_str_equal (name, "graph"))
    {
      /* A GraphML node's own graph takes its default from the first. */
      if (!import->graph_seen)
        {
          g_autofree char *direction = get_attribute (reader, import->format == FORMAT_GEXF
                                                              ? "defaultedgetype" : "edgedefault");

          import->directed = g_strcmp0 (direction, "directed") == 0;
          import->graph_seen = TRUE;
        }
    }
  else if (g_str_equal (name, "node"))
    start_node (import, reader);
  else if (g_str_equal (name, "edge"))
    start_edge (import, reader);
  else if (import->format == FORMAT_GEXF && g_str_equal (name, "attributes"))
    {
      g_autofree char *class = get_attribute (reader, "class");

      import->gexf_class_known = g_strcmp0 (class, "node") == 0 || g_strcmp0 (class, "edge") == 0;
      import->declaring_domain = g_strcmp0 (class, "edge") == 0 ? DOMAIN_EDGE : DOMAIN_NODE;
    }
  else if (import->format == FORMAT_GEXF && g_str_equal (name, "attribute"))
    {
      import->declaring = NULL;
      if (import->gexf_class_known)
        declare_attribute (import, reader, import->declaring_domain, FALSE);
    }
  else if (import->format == FORMAT_GRAPHML && g_str_equal (name, "key"))
    {
      g_autofree char *domain_name = get_attribute (reader, "for");

      import->declaring = NULL;
      if (g_strcmp0 (domain_name, "node") == 0)
        declare_attribute (import, reader, DOMAIN_NODE, FALSE);
      else if (g_strcmp0 (domain_name, "edge") == 0)
        declare_attribute (import, reader, DOMAIN_EDGE, FALSE);
      else if (domain_name == NULL || g_strcmp0 (domain_name, "all") == 0)
        declare_attribute (import, reader, DOMAIN_NODE, TRUE);
    }
  else if (g_str_equal (name, "default") && import->declaring != NULL && import->edge == NULL && node == NULL)
    start_gathering (import, reader);
  else if (import->format == FORMAT_GEXF && g_str_equal (name, "attvalue")
           && (values = open_values (import, &domain)) != NULL)
    {
      g_autofree char *id = get_attribute (reader, "for");
      g_autofree char *value = get_attribute (reader, "value");

      /* GEXF 1.1 says "id" where 1.2 says "for". */
      if (id == NULL)
        id = get_attribute (reader, "id");
      if (id != NULL && value != NULL)
        g_hash_table_replace (values, value_key (import, domain, id), g_steal_pointer (&value));
    }
  else if (import->format == FORMAT_GRAPHML && g_str_equal (name, "data")
           && open_values (import, &domain) != NULL && !import->gathering)
    {
      g_clear_pointer (&import->gather_key, g_free);
      import->gather_key = get_attribute (reader, "key");
      start_gathering (import, reader);
    }
  else if (import->format == FORMAT_GRAPHML && g_str_equal (name, "hyperedge"))
    import->n_ignored_hyperedges++;
  else if (node != NULL && import->edge == NULL)
    {
      /* GEXF's viz namespace, and yEd's graphics inside a <data>. */
      if (import->format == FORMAT_GEXF && g_str_equal (name, "color"))
        read_viz_color (import, reader, node);
      else if (import->format == FORMAT_GEXF && g_str_equal (name, "position"))
        read_position (import, reader, node, FALSE);
      else if (import->format == FORMAT_GRAPHML && g_str_equal (name, "Geometry") && !node->has_x)
        read_position (import, reader, node, TRUE);
      else if (import->format == FORMAT_GRAPHML && g_str_equal (name, "Fill") && node->color == NULL)
        {
          g_autofree char *color = get_attribute (reader, "color");
          g_autofree char *folded = fold_key (color);

          if (folded[0] == '#' && strlen (folded) == 7 && strspn (folded + 1, "0123456789abcdef") == 6)
            node->color = g_steal_pointer (&folded);
        }
      else if (import->format == FORMAT_GRAPHML && g_str_equal (name, "NodeLabel") && node->label == NULL)
        {
          /* Its text, apart from the <data> around it. */
          g_string_truncate (import->text, 0);
          import->gather_yed_label = TRUE;
        }
    }
}

static void
end_element (Import        *import,
             xmlTextReader *reader,
             const char    *name)
{
  Domain domain;
  GHashTable *values;

  if (import->gathering && xmlTextReaderDepth (reader) == import->gather_depth)
    {
      import->gathering = FALSE;
      if (g_str_equal (name, "default") && import->declaring != NULL)
        {
          g_free (import->declaring->fallback);
          import->declaring->fallback = g_strstrip (g_strdup (import->text->str));
        }
      else if (g_str_equal (name, "data") && import->gather_key != NULL && !import->gather_has_elements
               && (values = open_values (import, &domain)) != NULL)
        g_hash_table_replace (values, value_key (import, domain, import->gather_key),
                              g_strstrip (g_strdup (import->text->str)));
      return;
    }

  if (import->gather_yed_label && g_str_equal (name, "NodeLabel"))
    {
      Node *node = open_node (import);

      import->gather_yed_label = FALSE;
      g_strstrip (import->text->str);
      if (node != NULL && node->label == NULL && import->text->str[0] != '\0')
        node->label = g_strdup (import->text->str);
      g_string_truncate (import->text, 0);
    }
  else if (g_str_equal (name, "node"))
    end_node (import);
  else if (g_str_equal (name, "edge"))
    end_edge (import);
  else if (g_str_equal (name, "attribute") || g_str_equal (name, "key"))
    import->declaring = NULL;
}

static void
on_xml_error (void        *data,
              xmlErrorPtr  error)
{
  Import *import = data;

  if (error == NULL || error->level < XML_ERR_ERROR || import->xml_error != NULL)
    return;

  /* One line, as every problem is: libxml2 puts the bytes it could not
   * read as UTF-8 on a line of their own. */
  import->xml_error = g_strstrip (g_strdelimit (g_strdup (error->message != NULL ? error->message : ""), "\r\n", ' '));
  import->xml_error_line = error->line > 0 ? (guint) error->line : 1;
}

static void
on_generic_error (void       *data,
                  const char *format,
                  ...) G_GNUC_PRINTF (2, 3);

/* libxml2's messages without a parser context (a byte its encoding
 * cannot convert) go to its generic handler, which would print them on
 * standard error: the first becomes the file's problem instead. */
static void
on_generic_error (void       *data,
                  const char *format,
                  ...)
{
  Import *import = data;
  g_autofree char *message = NULL;
  va_list args;

  if (import->xml_error != NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_strstrip (g_strdelimit (message, "\r\n", ' '));
  if (message[0] != '\0')
    import->xml_error = g_steal_pointer (&message);
}

/* Whether the file declares entities: refused, not expanded, so that
 * "&x;" can neither read a local file nor grow a billion-fold. */
static gboolean
declares_entities (xmlTextReader *reader)
{
  /* Through the node: xmlTextReaderCurrentDoc() would make the reader
   * keep the whole tree, and leave it to be freed. */
  xmlNode *node = xmlTextReaderCurrentNode (reader);
  xmlDtd *dtd = node != NULL && node->doc != NULL ? node->doc->intSubset : NULL;

  return dtd != NULL
         && ((dtd->entities != NULL && xmlHashSize (dtd->entities) > 0)
             || (dtd->pentities != NULL && xmlHashSize (dtd->pentities) > 0));
}

/* The line of "<!DOCTYPE": libxml2 keeps none for it, and its parser
 * is ahead by then. */
static guint
doctype_line (const char *data,
              gsize       length)
{
  const char *at = g_strstr_len (data, length, "<!DOCTYPE");
  guint line = 1;

  for (const char *p = data; at != NULL && p < at; p++)
    line += *p == '\n';

  return line;
}

static gboolean
read_network (Import      *import,
              const char  *data,
              gsize        length,
              GError     **error)
{
  xmlTextReader *reader;
  gboolean root_seen = FALSE;
  g_autofree char *refused = NULL;
  guint refused_line = 0;
  void *generic_context;
  xmlGenericErrorFunc generic_handler;
  int status;

  reader = xmlReaderForMemory (data, (int) length, NULL, NULL,
                               XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES);
  if (reader == NULL)
    {
      g_set_error (error, TIES_NETWORK_IMPORT_ERROR, TIES_NETWORK_IMPORT_ERROR_NOT_NETWORK,
                   _("%s: could not start reading the file"), import->name);
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (reader, on_xml_error, import);
  /* Per thread in libxml2, and given back below. */
  generic_context = xmlGenericErrorContext;
  generic_handler = xmlGenericError;
  xmlSetGenericErrorFunc (import, on_generic_error);

  while (refused == NULL && (status = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      const char *name = (const char *) xmlTextReaderConstLocalName (reader);

      switch (type)
        {
        case XML_READER_TYPE_DOCUMENT_TYPE:
          if (declares_entities (reader))
            {
              refused_line = doctype_line (data, length);
              refused = g_strdup (_("the file declares entities (<!ENTITY> in its DOCTYPE), which Ties does not read"));
            }
          break;

        case XML_READER_TYPE_ENTITY_REFERENCE:
          refused_line = current_line (reader);
          refused = g_strdup_printf (_("the entity “&%s;” is not read"), name);
          break;

        case XML_READER_TYPE_ELEMENT:
          if (!root_seen)
            {
              root_seen = TRUE;
              if (g_str_equal (name, "gexf"))
                import->format = FORMAT_GEXF;
              else if (g_str_equal (name, "graphml"))
                import->format = FORMAT_GRAPHML;
              else
                {
                  refused_line = current_line (reader);
                  refused = g_strdup_printf (_("the file is <%s>, not a GEXF (<gexf>) or GraphML (<graphml>) network"), name);
                  break;
                }
            }
          start_element (import, reader, name);
          if (xmlTextReaderIsEmptyElement (reader))
            end_element (import, reader, name);
          break;

        case XML_READER_TYPE_END_ELEMENT:
          end_element (import, reader, name);
          break;

        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        case XML_READER_TYPE_WHITESPACE:
          if (import->gathering || import->gather_yed_label)
            g_string_append (import->text, (const char *) xmlTextReaderConstValue (reader));
          break;

        default:
          break;
        }
    }

  xmlFreeTextReader (reader);
  xmlSetGenericErrorFunc (generic_context, generic_handler);

  if (refused != NULL)
    {
      g_set_error (error, TIES_NETWORK_IMPORT_ERROR, TIES_NETWORK_IMPORT_ERROR_NOT_NETWORK,
                   "%s:%u: %s", import->name, refused_line, refused);
      return FALSE;
    }

  if (import->xml_error != NULL || status < 0)
    {
      g_set_error (error, TIES_NETWORK_IMPORT_ERROR, TIES_NETWORK_IMPORT_ERROR_NOT_NETWORK,
                   /* Translators: the file's name, a line, then libxml2's own (English) message */
                   _("%s:%u: not a well-formed XML file: %s"),
                   import->name, import->xml_error_line > 0 ? import->xml_error_line : 1,
                   import->xml_error != NULL ? import->xml_error : _("it could not be read"));
      return FALSE;
    }

  if (!root_seen)
    {
      g_set_error (error, TIES_NETWORK_IMPORT_ERROR, TIES_NETWORK_IMPORT_ERROR_NOT_NETWORK,
                   _("%s: the file is empty, not a GEXF or GraphML network"), import->name);
      return FALSE;
    }

  return TRUE;
}

/* A value of @values, or the declared default, or NULL; "" is none. */
static const char *
lookup_value (Import     *import,
              Domain      domain,
              GHashTable *values,
              const char *key)
{
  const char *value = g_hash_table_lookup (values, key);
  GHashTableIter iter;
  gpointer item;

  if (value != NULL)
    return value[0] != '\0' ? value : NULL;

  g_hash_table_iter_init (&iter, import->declared[domain]);
  while (g_hash_table_iter_next (&iter, NULL, &item))
    {
      Attribute *attribute = item;

      if (g_str_equal (attribute->key, key) && attribute->fallback != NULL && attribute->fallback[0] != '\0')
        return attribute->fallback;
    }

  return NULL;
}

static gboolean
id_in_use (Import     *import,
           const char *id)
{
  return _ties_import_id_in_use (import->document, import->taken, id);
}

static const char *
take_id (Import *import,
         char   *base)
{
  return _ties_import_take_id (import->document, import->taken, base);
}

/* Whether @text fits what the document reader takes; a problem if not. */
static gboolean
check_length (Import     *import,
              guint       line,
              const char *what,
              const char *text,
              gsize       max_length)
{
  if (text == NULL || strlen (text) <= max_length)
    return TRUE;

  problem (import, line,
           /* Translators: %s is what is too long (label, role, …); %zu its length, then the limit */
           _("the %s is too long (%zu bytes; at most %zu)"), what, strlen (text), max_length);
  return FALSE;
}

/* GEXF's "[a, b]" and GraphML's "a; b", as the exports write lists. */
static GStrv
split_list (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gsize length = strlen (copy);
  char *inner = copy;

  if (length >= 2 && copy[0] == '[' && copy[length - 1] == ']')
    {
      copy[length - 1] = '\0';
      inner = copy + 1;
    }

  parts = g_strsplit_set (inner, strchr (inner, ';') != NULL ? ";" : ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

static gboolean
is_true (const char *text)
{
  return text != NULL && (g_ascii_strcasecmp (text, "true") == 0 || g_str_equal (text, "1"));
}

/* Gephi's GraphML has a node's colour as three keys "r", "g" and "b";
 * NULL unless all three are numbers from 0 to 255. */
static char *
gephi_color (Import *import,
             Node   *node)
{
  int channels[3];

  for (guint i = 0; i < 3; i++)
    {
      const char *text = lookup_value (import, DOMAIN_NODE, node->values, (const char *[]) { "r", "g", "b" }[i]);
      double value;

      if (text == NULL || !parse_double (text, &value) || value < 0 || value > 255 || value != floor (value))
        return NULL;
      channels[i] = (int) value;
    }

  return g_strdup_printf ("#%02x%02x%02x", channels[0], channels[1], channels[2]);
}

/* The actor a node is: one of the document's, or a new one, not added
 * yet. */
static void
resolve_node (Import *import,
              Node   *node)
{
  GHashTable *values = node->values;
  const char *label = node->label;
  const char *kind_text, *role, *notes, *aliases, *color, *pinned, *x, *y;
  g_autoptr(TiesActor) actor = NULL;
  g_autofree char *folded_kind = NULL;
  TiesActorKind kind = TIES_ACTOR_PERSON;
  TiesActor *existing;
  const char *id;
  guint n_problems = import->n_problems;

  if (label == NULL || label[0] == '\0')
    label = lookup_value (import, DOMAIN_NODE, values, "label");
  if (label == NULL)
    label = lookup_value (import, DOMAIN_NODE, values, "name");
  if (label == NULL)
    label = node->id;

  /* Already there: the document's actor is annotated further, as it is. */
  if ((existing = _ties_import_find_actor (import->document, node->id)) != NULL
      || (existing = _ties_import_find_actor (import->document, label)) != NULL)
    {
      node->actor_id = ties_actor_get_id (existing);
      return;
    }

  role = lookup_value (import, DOMAIN_NODE, values, "role");
  notes = lookup_value (import, DOMAIN_NODE, values, "notes");
  aliases = lookup_value (import, DOMAIN_NODE, values, "aliases");
  color = lookup_value (import, DOMAIN_NODE, values, "color");
  pinned = lookup_value (import, DOMAIN_NODE, values, "pinned");
  x = lookup_value (import, DOMAIN_NODE, values, "x");
  y = lookup_value (import, DOMAIN_NODE, values, "y");
  kind_text = lookup_value (import, DOMAIN_NODE, values, "kind");

  check_length (import, node->line, _("label"), label, MAX_TEXT_LENGTH);
  check_length (import, node->line, _("role"), role, MAX_TEXT_LENGTH);

  if (kind_text != NULL)
    {
      folded_kind = fold_key (kind_text);
      /* As Gephi users in America spell it. */
      if (g_str_equal (folded_kind, "organization"))
        kind = TIES_ACTOR_ORGANISATION;
      else if (!ties_actor_kind_from_string (folded_kind, &kind))
        {
          kind = TIES_ACTOR_PERSON;
          g_hash_table_add (import->unknown_actor_kinds, g_strdup (kind_text));
        }
    }

  /* The export's own x and y keys, where yEd's geometry did not say. */
  if (x != NULL || y != NULL)
    {
      double vx = 0, vy = 0;

      if (!parse_double (x, &vx) || !parse_double (y, &vy))
        problem (import, node->line, _("“%s”, “%s” is not a position: x and y must both be numbers"),
                 x != NULL ? x : "", y != NULL ? y : "");
      else if (!node->has_x)
        {
          node->has_x = node->has_y = TRUE;
          node->x = vx;
          node->y = vy;
        }
    }

  if (import->n_problems != n_problems)
    return;

  if (ties_document_is_valid_id (node->id) && strlen (node->id) <= MAX_ID_LENGTH && !id_in_use (import, node->id))
    id = take_id (import, g_strdup (node->id));
  else
    {
      /* A slug of the label's first words: an id is for files and scripts. */
      g_autofree char *start = g_utf8_substring (label, 0, MIN (g_utf8_strlen (label, -1), 60));

      id = take_id (import, ties_document_make_id (import->document, start));
    }

  actor = ties_actor_new (id, label, kind);
  if (role != NULL)
    ties_actor_set_role (actor, role);
  if (notes != NULL)
    ties_actor_set_notes (actor, notes);
  if (aliases != NULL)
    {
      g_auto(GStrv) list = split_list (aliases);

      for (guint i = 0; list[i] != NULL; i++)
        check_length (import, node->line, _("other name"), list[i], MAX_TEXT_LENGTH);
      if (list[0] != NULL)
        ties_actor_set_aliases (actor, (const char * const *) list);
    }
  if (node->color == NULL && color == NULL)
    node->color = gephi_color (import, node);
  if (node->color != NULL)
    ties_actor_set_color (actor, node->color);
  else if (color != NULL)
    {
      g_autofree char *folded = fold_key (color);

      if (folded[0] == '#' && strlen (folded) == 7 && strspn (folded + 1, "0123456789abcdef") == 6)
        ties_actor_set_color (actor, folded);
      else
        g_ptr_array_add (import->report,
                         g_strdup_printf (_("%s:%u: “%s” is not a colour (#rrggbb); the actor has none"),
                                          import->name, node->line, color));
    }
  if (node->has_x && node->has_y)
    {
      ties_actor_set_x (actor, node->x);
      ties_actor_set_y (actor, node->y);
      ties_actor_set_pinned (actor, is_true (pinned));
      ties_actor_set_has_position (actor, TRUE);
    }

  node->actor_id = id;
  node->added = g_steal_pointer (&actor);
}

/* A name as an event's title shows it: whole, unless it is longer than
 * a title may be. */
static char *
title_name (const char *name)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (name, -1) <= 1000)
    return g_strdup (name);

  start = g_utf8_substring (name, 0, 1000);
  return g_strconcat (start, "…", NULL);
}

/* Affiliations name another node, or an actor of the document: known
 * only once every node is. */
static void
resolve_affiliation (Import *import,
                     Node   *node)
{
  const char *text = lookup_value (import, DOMAIN_NODE, node->values, "affiliation");
  Node *other;
  TiesActor *actor;
  const char *id = NULL;

  if (node->added == NULL || text == NULL)
    return;

  if ((other = g_hash_table_lookup (import->node_index, text)) != NULL)
    id = other->actor_id;
  else if ((actor = _ties_import_find_actor (import->document, text)) != NULL)
    id = ties_actor_get_id (actor);

  if (id == NULL || g_str_equal (id, node->actor_id))
    {
      g_ptr_array_add (import->report,
                       g_strdup_printf (_("%s:%u: the affiliation “%s” is no other node or actor; it is left out"),
                                        import->name, node->line, text));
      return;
    }

  ties_actor_set_affiliation (node->added, id);
}

typedef struct {
  Edge       *edge;
  Node       *source;
  Node       *target;
  guint       n_events;
  gboolean    directed;
  GPtrArray  *kinds;           /* const char *, the document's kind ids */
  guint       n_from_source;   /* the export's counts of who reached out */
  guint       n_from_target;
  char       *weight_note;     /* a weight not kept as the events' number */
  char       *title;           /* the edge's own title or label, or NULL */
  char       *date;            /* an EDTF date the edge has, or NULL */
  const char *event;           /* the event it is one pair of, or NULL */
  GPtrArray  *participants;    /* const char *: all of that event's, or NULL */
  gboolean    merged;          /* its event is another edge's */
} EdgePlan;

static void
edge_plan_free (gpointer data)
{
  EdgePlan *plan = data;

  g_ptr_array_unref (plan->kinds);
  g_free (plan->weight_note);
  g_free (plan->title);
  g_free (plan->date);
  g_clear_pointer (&plan->participants, g_ptr_array_unref);
  g_free (plan);
}

/* Adds the kinds @text names to @kinds; FALSE when it names none. A
 * label that is no kind is free text (a title), not an unknown kind. */
static gboolean
add_kinds (Import     *import,
           GPtrArray  *kinds,
           const char *text,
           gboolean    is_list,
           gboolean    is_label)
{
  g_auto(GStrv) parts = NULL;
  gboolean found = FALSE;

  if (text == NULL || text[0] == '\0')
    return FALSE;

  if (is_list)
    parts = split_list (text);
  else
    parts = g_strdupv ((char *[]) { (char *) text, NULL });

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *kind = _ties_import_find_event_kind (import->document, parts[i]);

      if (kind == NULL)
        {
          if (!is_label)
            g_hash_table_add (import->unknown_kinds, g_strdup (parts[i]));
          continue;
        }
      found = TRUE;
      if (!g_ptr_array_find_with_equal_func (kinds, kind, g_str_equal, NULL))
        g_ptr_array_add (kinds, (gpointer) kind);
    }

  return found;
}

static guint
parse_count (const char *text)
{
  double value;

  if (text == NULL || !parse_double (text, &value) || value < 0 || value > G_MAXUINT || value != floor (value))
    return 0;

  return (guint) value;
}

static EdgePlan *
plan_edge (Import *import,
           Edge   *edge,
           guint  *n_capped,
           guint  *n_rounded,
           guint  *n_bad_dates)
{
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();
  const char *weight_text, *label, *title, *date;
  Node *source = g_hash_table_lookup (import->node_index, edge->source);
  Node *target = g_hash_table_lookup (import->node_index, edge->target);
  EdgePlan *plan;
  double weight = 1;
  guint n_problems = import->n_problems;

  if (source == NULL)
    problem (import, edge->line, _("the edge’s source “%s” is no node of the file"), edge->source);
  if (target == NULL)
    problem (import, edge->line, _("the edge’s target “%s” is no node of the file"), edge->target);

  weight_text = edge->weight;
  if (weight_text == NULL)
    weight_text = lookup_value (import, DOMAIN_EDGE, edge->values, "weight");
  if (weight_text != NULL && !parse_double (weight_text, &weight))
    problem (import, edge->line, _("“%s” is not a number: the edge’s weight"), weight_text);

  if (import->n_problems != n_problems)
    return NULL;

  plan = g_new0 (EdgePlan, 1);
  plan->edge = edge;
  plan->source = source;
  plan->target = target;
  plan->directed = edge->directed >= 0 ? edge->directed : import->directed;

  /* Ties' exports give the number of events as the weight; any other
   * weight becomes the nearest number of events, between 1 and the cap,
   * with the weight itself in the notes. */
  if (weight >= 0.5 && weight <= TIES_NETWORK_IMPORT_MAX_EVENTS_PER_EDGE)
    plan->n_events = (guint) lround (weight);
  else
    plan->n_events = weight < 0.5 ? 1 : TIES_NETWORK_IMPORT_MAX_EVENTS_PER_EDGE;
  if (weight > TIES_NETWORK_IMPORT_MAX_EVENTS_PER_EDGE)
    (*n_capped)++;
  else if (weight != plan->n_events)
    (*n_rounded)++;
  /* As the file writes it: 1.4, not 1.3999999999999999. */
  if (weight != plan->n_events)
    plan->weight_note = g_strstrip (g_strdup (weight_text));

  add_kinds (import, kinds, lookup_value (import, DOMAIN_EDGE, edge->values, "kinds"), TRUE, FALSE);
  add_kinds (import, kinds, lookup_value (import, DOMAIN_EDGE, edge->values, "kind"), FALSE, FALSE);
  add_kinds (import, kinds, edge->kind, FALSE, FALSE);
  add_kinds (import, kinds, lookup_value (import, DOMAIN_EDGE, edge->values, "type"), FALSE, FALSE);
  label = edge->label != NULL && edge->label[0] != '\0' ? edge->label
          : lookup_value (import, DOMAIN_EDGE, edge->values, "label");
  if (add_kinds (import, kinds, label, FALSE, TRUE))
    label = NULL;
  plan->kinds = g_steal_pointer (&kinds);

  /* What an edge per event says of its event (ties --gexf-edges=events
   * writes a title and a date): kept where the document can hold it. */
  title = lookup_value (import, DOMAIN_EDGE, edge->values, "title");
  if (title == NULL)
    title = label;
  if (title != NULL && strlen (title) <= MAX_TEXT_LENGTH)
    plan->title = g_strstrip (g_strdup (title));
  plan->event = lookup_value (import, DOMAIN_EDGE, edge->values, "event");
  date = lookup_value (import, DOMAIN_EDGE, edge->values, "date");
  if (date != NULL && ties_date_validate (date, NULL, NULL))
    plan->date = g_strdup (date);
  else if (date != NULL)
    (*n_bad_dates)++;

  if (!plan->directed)
    {
      guint from_source = parse_count (lookup_value (import, DOMAIN_EDGE, edge->values, "initiated_by_source"));
      guint from_target = parse_count (lookup_value (import, DOMAIN_EDGE, edge->values, "initiated_by_target"));

      if ((guint64) from_source + from_target <= plan->n_events)
        {
          plan->n_from_source = from_source;
          plan->n_from_target = from_target;
        }
    }

  return plan;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* "“a”, “b”", in a stable order for messages and tests. */
static char *
sorted_join (GHashTable *set)
{
  g_autofree const char **items = (const char **) g_hash_table_get_keys_as_array (set, NULL);
  GString *joined = g_string_new (NULL);

  g_qsort_with_data (items, g_hash_table_size (set), sizeof (char *), compare_strings, NULL);
  for (guint i = 0; items[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (joined, ", ");
      g_string_append_printf (joined, "“%s”", items[i]);
    }

  return g_string_free (joined, FALSE);
}

/* The events of one edge: @plan->n_events, each with one of the edge's
 * kinds in turn until each has been given, then its first. */
static void
make_events (Import    *import,
             EdgePlan  *plan,
             GPtrArray *events)
{
  const char *source = plan->source->actor_id;
  const char *target = plan->target->actor_id;
  const char *pair[] = { source, target, NULL };
  const char * const *participants = pair;
  g_autofree char *source_name = NULL;
  g_autofree char *target_name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *id_words = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *where = NULL;

  source_name = title_name (plan->source->added != NULL ? ties_actor_get_name (plan->source->added)
                                                        : ties_document_get_actor_name (import->document, source));
  target_name = title_name (plan->target->added != NULL ? ties_actor_get_name (plan->target->added)
                                                        : ties_document_get_actor_name (import->document, target));
  if (plan->title != NULL && plan->title[0] != '\0')
    title = g_strdup (plan->title);
  else
    /* Translators: an imported edge's events: the names of its two ends */
    title = g_strdup_printf (_("%s – %s"), source_name, target_name);
  /* An id is made of a title's first words; a name may be one word of
   * thousands of letters, and an id is at most 200. */
  id_words = g_utf8_substring (title, 0, MIN (g_utf8_strlen (title, -1), 60));

  if (plan->edge->id != NULL && plan->edge->id[0] != '\0')
    /* Translators: an edge's id, as in "edge e3" */
    where = g_strdup_printf (_("edge %s"), plan->edge->id);
  else
    /* Translators: where an edge without an id is in its file */
    where = g_strdup_printf (_("the edge on line %u"), plan->edge->line);

  if (plan->participants != NULL)
    {
      g_ptr_array_add (plan->participants, NULL);
      participants = (const char * const *) plan->participants->pdata;
    }

  if (plan->weight_note != NULL)
    /* Translators: the notes of an imported edge's events: a file name, "edge e3", the edge's weight */
    notes = g_strdup_printf (_("Imported from %s, %s (weight %s)."), import->basename, where, plan->weight_note);
  else
    /* Translators: the notes of an imported edge's events: a file name, then "edge e3" */
    notes = g_strdup_printf (_("Imported from %s, %s."), import->basename, where);

  for (guint i = 0; i < plan->n_events; i++)
    {
      const char *kind = plan->kinds->len == 0 ? "other"
                         : g_ptr_array_index (plan->kinds, i < plan->kinds->len ? i : 0);
      const char *id;
      TiesEvent *event;

      /* The event's own id, given back where it is free. */
      if (plan->event != NULL && ties_document_is_valid_id (plan->event) && strlen (plan->event) <= MAX_ID_LENGTH
          && !id_in_use (import, plan->event))
        id = take_id (import, g_strdup (plan->event));
      else
        id = take_id (import, ties_document_make_event_id (import->document, id_words, plan->date));
      event = ties_event_new (id, title, kind);
      const char *initiator = NULL;

      if (plan->directed)
        initiator = source;
      else if (i < plan->n_from_source)
        initiator = source;
      else if (i < plan->n_from_source + plan->n_from_target)
        initiator = target;

      ties_event_set_date (event, plan->date);
      /* As the document reader leaves an event without them. */
      ties_event_set_date_phrase (event, "");
      ties_event_set_participants (event, participants);
      ties_event_set_initiator (event, initiator);
      ties_event_set_notes (event, notes);
      g_ptr_array_add (events, event);
    }
}

static gboolean
too_large (const char  *name,
           guint64      size,
           GError     **error)
{
  g_autofree char *shown = g_format_size (size);
  g_autofree char *limit = g_format_size (TIES_NETWORK_IMPORT_MAX_BYTES);

  g_set_error (error, TIES_NETWORK_IMPORT_ERROR, TIES_NETWORK_IMPORT_ERROR_TOO_LARGE,
               /* TRANSLATORS: a file name, its size, then the largest size read */
               _("%s: the network is %s, more than the %s Ties reads"), name, shown, limit);

  return FALSE;
}

static gboolean
pair_is (EdgePlan   *plan,
         const char *a,
         const char *b)
{
  const char *source = plan->source->actor_id;
  const char *target = plan->target->actor_id;

  return (g_str_equal (source, a) && g_str_equal (target, b)) || (g_str_equal (source, b) && g_str_equal (target, a));
}

/* The edges of one event of Ties' edge per event (all pairs of its
 * participants, each with its "event") become that one event again, with
 * all its participants, rather than an event per pair. Only where the
 * edges are exactly those pairs, each of weight 1 and alike: anything
 * else stays an event per edge, as the edges say. */
static void
merge_event_edges (GPtrArray *plans)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < plans->len; i++)
    {
      EdgePlan *plan = g_ptr_array_index (plans, i);
      GPtrArray *group;

      if (plan->event == NULL || plan->n_events != 1 || plan->directed)
        continue;
      group = g_hash_table_lookup (groups, plan->event);
      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (groups, (gpointer) plan->event, group);
        }
      g_ptr_array_add (group, plan);
    }

  for (guint i = 0; i < plans->len; i++)
    {
      EdgePlan *first = g_ptr_array_index (plans, i);
      GPtrArray *group = first->event != NULL ? g_hash_table_lookup (groups, first->event) : NULL;
      g_autoptr(GPtrArray) people = NULL;
      gboolean whole = TRUE;

      if (group == NULL || group->len < 2 || g_ptr_array_index (group, 0) != first)
        continue;

      people = g_ptr_array_new ();
      for (guint j = 0; j < group->len; j++)
        {
          EdgePlan *plan = g_ptr_array_index (group, j);
          const char *ends[] = { plan->source->actor_id, plan->target->actor_id };

          whole = whole && g_strcmp0 (plan->title, first->title) == 0 && g_strcmp0 (plan->date, first->date) == 0
                  && plan->kinds->len == first->kinds->len
                  && (plan->kinds->len == 0 || g_str_equal (plan->kinds->pdata[0], first->kinds->pdata[0]));
          for (guint e = 0; e < 2; e++)
            if (!g_ptr_array_find_with_equal_func (people, ends[e], g_str_equal, NULL))
              g_ptr_array_add (people, (gpointer) ends[e]);
        }

      /* Every pair once: n (n - 1) / 2 edges, none twice. */
      whole = whole && group->len == people->len * (people->len - 1) / 2;
      for (guint a = 0; whole && a < people->len; a++)
        for (guint b = a + 1; whole && b < people->len; b++)
          {
            guint n = 0;

            for (guint j = 0; j < group->len; j++)
              n += pair_is (g_ptr_array_index (group, j), people->pdata[a], people->pdata[b]);
            whole = n == 1;
          }
      if (!whole)
        continue;

      first->participants = g_steal_pointer (&people);
      for (guint j = 1; j < group->len; j++)
        ((EdgePlan *) g_ptr_array_index (group, j))->merged = TRUE;
    }
}

gboolean
ties_network_import_is_network_name (const char *name)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  folded = g_ascii_strdown (name, -1);
  return g_str_has_suffix (folded, ".gexf") || g_str_has_suffix (folded, ".graphml");
}

gboolean
ties_network_import (TiesDocument  *document,
                     GBytes        *xml,
                     const char    *display_name,
                     guint         *n_actors,
                     guint         *n_events,
                     GPtrArray    **report,
                     GError       **error)
{
  g_auto(Import) import = { 0 };
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (edge_plan_free);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  const char *data;
  gsize length;
  guint64 total = 0;
  guint n_added = 0, n_matched = 0, n_loops = 0, n_capped = 0, n_rounded = 0, n_bad_dates = 0;

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (xml != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_actors != NULL)
    *n_actors = 0;
  if (n_events != NULL)
    *n_events = 0;
  if (report != NULL)
    *report = NULL;

  import.document = document;
  import.name = display_name != NULL ? display_name : "network";
  import.basename = g_path_get_basename (import.name);
  for (guint i = 0; i < N_DOMAINS; i++)
    import.declared[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, attribute_free);
  import.nodes = g_ptr_array_new_with_free_func (node_free);
  import.node_index = g_hash_table_new (g_str_hash, g_str_equal);
  import.open_nodes = g_ptr_array_new ();
  import.edges = g_ptr_array_new_with_free_func (edge_free);
  import.text = g_string_new (NULL);
  import.problems = g_ptr_array_new_with_free_func (g_free);
  import.report = g_ptr_array_new_with_free_func (g_free);
  import.taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.unknown_kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.unknown_actor_kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  data = g_bytes_get_data (xml, &length);
  if (length > TIES_NETWORK_IMPORT_MAX_BYTES)
    return too_large (import.name, length, error);
  if (data == NULL || length == 0)
    {
      g_set_error (error, TIES_NETWORK_IMPORT_ERROR, TIES_NETWORK_IMPORT_ERROR_NOT_NETWORK,
                   _("%s: the file is empty, not a GEXF or GraphML network"), import.name);
      return FALSE;
    }

  if (!read_network (&import, data, length, error))
    return FALSE;

  /* Every node first: an edge may come before its ends in GraphML. */
  for (guint i = 0; i < import.nodes->len; i++)
    {
      Node *node = g_ptr_array_index (import.nodes, i);

      if (node->id != NULL && node->id[0] != '\0' && g_hash_table_lookup (import.node_index, node->id) == node)
        resolve_node (&import, node);
    }
  for (guint i = 0; i < import.nodes->len; i++)
    resolve_affiliation (&import, g_ptr_array_index (import.nodes, i));

  for (guint i = 0; i < import.edges->len; i++)
    {
      Edge *edge = g_ptr_array_index (import.edges, i);
      EdgePlan *plan;

      if (edge->source == NULL || edge->target == NULL)
        continue;
      plan = plan_edge (&import, edge, &n_capped, &n_rounded, &n_bad_dates);
      if (plan == NULL)
        continue;
      /* A tie is between two actors: a node's edge to itself, or
       * between two nodes that are the same actor, has none. */
      if (plan->source->actor_id == NULL || plan->target->actor_id == NULL
          || g_str_equal (plan->source->actor_id, plan->target->actor_id))
        {
          n_loops++;
          edge_plan_free (plan);
          continue;
        }
      total += plan->n_events;
      g_ptr_array_add (plans, plan);
    }

  if (import.n_problems > 0)
    {
      g_autofree char *lines = NULL;

      if (import.n_problems > import.problems->len)
        g_ptr_array_add (import.problems,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: and %u more problem", "%s: and %u more problems",
                                                       import.n_problems - import.problems->len),
                                          import.name, import.n_problems - import.problems->len));
      g_ptr_array_add (import.problems, NULL);
      lines = g_strjoinv ("\n", (char **) import.problems->pdata);
      g_set_error_literal (error, TIES_NETWORK_IMPORT_ERROR, TIES_NETWORK_IMPORT_ERROR_INVALID, lines);
      return FALSE;
    }

  if (total > TIES_NETWORK_IMPORT_MAX_EVENTS)
    {
      /* A number first, so that the message has no G_GUINT64_FORMAT,
       * which xgettext cannot read. */
      g_autofree char *events_text = g_strdup_printf ("%" G_GUINT64_FORMAT, total);

      g_set_error (error, TIES_NETWORK_IMPORT_ERROR, TIES_NETWORK_IMPORT_ERROR_TOO_LARGE,
                   /* Translators: a file name, the events its edges' weights make, then the limit */
                   _("%s: the edges’ weights make %s events, more than the %u Ties imports at once"),
                   import.name, events_text, (guint) TIES_NETWORK_IMPORT_MAX_EVENTS);
      return FALSE;
    }

  merge_event_edges (plans);
  for (guint i = 0; i < plans->len; i++)
    {
      EdgePlan *plan = g_ptr_array_index (plans, i);

      if (!plan->merged)
        make_events (&import, plan, events);
    }

  ties_history_begin (ties_document_get_history (document), _("Import Network"));
  for (guint i = 0; i < import.nodes->len; i++)
    {
      Node *node = g_ptr_array_index (import.nodes, i);

      if (node->added != NULL)
        {
          ties_document_add_actor (document, node->added);
          n_added++;
        }
      else if (node->actor_id != NULL)
        n_matched++;
    }
  for (guint i = 0; i < events->len; i++)
    ties_document_add_event (document, g_ptr_array_index (events, i));
  ties_history_end (ties_document_get_history (document));

  if (n_matched > 0)
    g_ptr_array_add (import.report,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s: %u node was an actor of the document already",
                                                   "%s: %u nodes were actors of the document already", n_matched),
                                      import.name, n_matched));
  if (n_capped > 0)
    g_ptr_array_add (import.report,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s: %u edge weighs more than %u; it became %u events, its weight is in their notes",
                                                   "%s: %u edges weigh more than %u; each became %u events, its weight is in their notes",
                                                   n_capped),
                                      import.name, n_capped, (guint) TIES_NETWORK_IMPORT_MAX_EVENTS_PER_EDGE,
                                      (guint) TIES_NETWORK_IMPORT_MAX_EVENTS_PER_EDGE));
  if (n_rounded > 0)
    g_ptr_array_add (import.report,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s: %u edge’s weight is not a whole number of events; it was rounded, its weight is in the notes",
                                                   "%s: %u edges’ weights are not whole numbers of events; they were rounded, their weights are in the notes",
                                                   n_rounded),
                                      import.name, n_rounded));
  if (n_loops > 0)
    g_ptr_array_add (import.report,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s: %u edge joins an actor to itself; it is left out",
                                                   "%s: %u edges join an actor to itself; they are left out", n_loops),
                                      import.name, n_loops));
  if (n_bad_dates > 0)
    g_ptr_array_add (import.report,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s: %u edge’s date is not an EDTF date; its events have none",
                                                   "%s: %u edges’ dates are not EDTF dates; their events have none",
                                                   n_bad_dates),
                                      import.name, n_bad_dates));
  if (g_hash_table_size (import.unknown_kinds) > 0)
    {
      g_autofree char *kinds = sorted_join (import.unknown_kinds);

      g_ptr_array_add (import.report,
                       g_strdup_printf (_("%s: the event kinds %s are not the document’s; where an edge has no other, its events are “other”"),
                                        import.name, kinds));
    }
  if (g_hash_table_size (import.unknown_actor_kinds) > 0)
    {
      g_autofree char *kinds = sorted_join (import.unknown_actor_kinds);

      g_ptr_array_add (import.report,
                       g_strdup_printf (_("%s: the actor kinds %s are not person, organisation or group; those actors are people"),
                                        import.name, kinds));
    }
  if (import.n_ignored_hyperedges > 0)
    g_ptr_array_add (import.report,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u hyperedge is not imported",
                                                   "%s: %u hyperedges are not imported", import.n_ignored_hyperedges),
                                      import.name, import.n_ignored_hyperedges));

  if (n_actors != NULL)
    *n_actors = n_added;
  if (n_events != NULL)
    *n_events = events->len;
  if (report != NULL)
    *report = g_steal_pointer (&import.report);

  return TRUE;
}

gboolean
ties_network_import_from_file (TiesDocument  *document,
                               GFile         *file,
                               const char    *display_name,
                               guint         *n_actors,
                               guint         *n_events,
                               GPtrArray    **report,
                               GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  const char *name;

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_parse_name (file);
  name = display_name != NULL ? display_name : path;

  /* Refused before it is read, as a table is. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && g_file_info_get_size (info) > TIES_NETWORK_IMPORT_MAX_BYTES)
    return too_large (name, g_file_info_get_size (info), error);

  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    {
      g_prefix_error (error, "%s: ", name);
      return FALSE;
    }

  return ties_network_import (document, bytes, name, n_actors, n_events, report, error);
}
