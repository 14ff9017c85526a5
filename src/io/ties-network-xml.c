/* ties-network-xml.c: the nodes and edges of a GEXF or GraphML file
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The part of the network importer (ties-network-import.c) that reads
 * XML, apart because it needs libxml2: the command loads it as a module
 * only when a network is imported (ties-xml-readers.h).
 *
 * The file is read as a stream (libxml2's xmlTextReader), with the
 * network off and entities left alone: a hostile file can neither read a
 * local file into the document nor blow up in memory.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>

#include "ties-network-import-private.h"
#include "ties-xml-string.h"

static char *
get_attribute (xmlTextReader *reader,
               const char    *name)
{
  return _ties_xml_take_string (xmlTextReaderGetAttribute (reader, (const xmlChar *) name));
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

  return attribute != NULL ? g_strdup (attribute->key) : _ties_network_import_fold_key (id);
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
    _ties_network_import_problem (import, node->line, _("a node without an id"));
  else if (g_hash_table_contains (import->node_index, node->id))
    {
      Node *first = g_hash_table_lookup (import->node_index, node->id);

      _ties_network_import_problem (import, node->line, _("the node id “%s” is there twice (also line %u)"), node->id, first->line);
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
    _ties_network_import_problem (import, edge->line, _("an edge without a source or a target"));

  /* An edge is never inside another; a broken file may try. */
  g_clear_pointer (&import->edge, _ties_network_import_edge_free);
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
  attribute->key = _ties_network_import_fold_key (name != NULL ? name : id);
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
      g_autofree char *folded = _ties_network_import_fold_key (hex);

      if (folded[0] == '#' && strlen (folded) == 7 && strspn (folded + 1, "0123456789abcdef") == 6)
        {
          g_free (node->color);
          node->color = g_steal_pointer (&folded);
        }
      else
        _ties_network_import_problem (import, current_line (reader), _("“%s” is not a colour: use #rrggbb"), hex);
      return;
    }

  for (guint i = 0; i < 3; i++)
    {
      const char *name = (const char *[]) { "r", "g", "b" }[i];
      g_autofree char *text = get_attribute (reader, name);
      double value;

      if (text == NULL || !_ties_network_import_parse_double (text, &value) || value < 0 || value > 255 || value != floor (value))
        {
          _ties_network_import_problem (import, current_line (reader),
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
      if (text == NULL || !_ties_network_import_parse_double (text, &values[i]))
        {
          _ties_network_import_problem (import, current_line (reader),
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
          g_autofree char *folded = _ties_network_import_fold_key (color);

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

gboolean
_ties_network_xml_read (Import      *import,
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
