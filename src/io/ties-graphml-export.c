/* ties-graphml-export.c: the network as GraphML, for yEd, Gephi,
 * networkx and igraph
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A graph tool wants what the diagram shows: the actors, and one edge per
 * pair of actors who share events the filter keeps, with how many, of
 * which kinds, when, and on how many sources. Every attribute is declared
 * by a <key> with its GraphML type, so that networkx, igraph and Gephi
 * read numbers as numbers; an attribute an actor does not have is left
 * out, as GraphML allows, rather than written empty.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ties-export-util.h"
#include "ties-graphml-export.h"

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"
#define GRAPHML_SCHEMA "http://graphml.graphdrawing.org/xmlns/1.1/graphml.xsd"

typedef struct
{
  const char *id;
  const char *domain;   /* "node" or "edge" */
  const char *type;     /* GraphML attr.type */
} Key;

/* The attr.name is the id: networkx and igraph name attributes by it. */
static const Key keys[] = {
  { "label", "node", "string" },
  { "kind", "node", "string" },
  { "role", "node", "string" },
  { "affiliation", "node", "string" },
  { "aliases", "node", "string" },
  { "color", "node", "string" },
  { "x", "node", "double" },
  { "y", "node", "double" },
  { "pinned", "node", "boolean" },
  { "events", "node", "int" },
  { "degree", "node", "int" },
  { "weight", "edge", "double" },
  { "kinds", "edge", "string" },
  { "first", "edge", "string" },
  { "last", "edge", "string" },
  { "sources", "edge", "int" },
  { "evidence", "edge", "int" },
  { "initiated_by_source", "edge", "int" },
  { "initiated_by_target", "edge", "int" },
};

/* <data key="@key">@value</data>; nothing for NULL or empty. */
static void
data (TiesXmlText *out,
      const char *key,
      const char *value)
{
  if (value == NULL || *value == '\0')
    return;

  _ties_xml_text_start (out, "data");
  _ties_xml_text_attribute (out, "key", key);
  _ties_xml_text_text (out, value);
  _ties_xml_text_end (out);
}

static void
data_uint (TiesXmlText *out,
           const char *key,
           guint       value)
{
  char text[16];

  g_snprintf (text, sizeof text, "%u", value);
  data (out, key, text);
}

/* Shortest text that reads back as the same double, in the C locale. */
static void
data_double (TiesXmlText *out,
             const char *key,
             double      value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  data (out, key, g_ascii_dtostr (text, sizeof text, value));
}

static char *
join (const char * const *strv,
      const char         *separator)
{
  return strv != NULL ? g_strjoinv (separator, (char **) strv) : NULL;
}

static void
write_node (TiesXmlText   *out,
            TiesDocument *document,
            TiesNetwork  *network,
            TiesActor    *actor)
{
  const char *id = ties_actor_get_id (actor);
  g_autofree char *aliases = join (ties_actor_get_aliases (actor), "; ");
  double x, y;
  gboolean pinned;

  _ties_xml_text_start (out, "node");
  _ties_xml_text_attribute (out, "id", id);
  data (out, "label", ties_actor_get_name (actor));
  data (out, "kind", ties_actor_kind_to_string (ties_actor_get_kind (actor)));
  data (out, "role", ties_actor_get_role (actor));
  data (out, "affiliation", ties_actor_get_affiliation (actor));
  data (out, "aliases", aliases);
  data (out, "color", ties_actor_get_color (actor));
  if (_ties_export_actor_place (document, actor, &x, &y, &pinned))
    {
      data_double (out, "x", x);
      data_double (out, "y", y);
      data (out, "pinned", pinned ? "true" : "false");
    }
  data_uint (out, "events", ties_network_get_event_count (network, id));
  data_uint (out, "degree", ties_network_get_degree (network, id));
  _ties_xml_text_end (out);
}

static void
write_edge (TiesXmlText *out,
            TiesTie    *tie,
            guint       index)
{
  char id[24];
  g_autofree char *kinds = join (ties_tie_get_kinds (tie), "; ");
  TiesDate *first = ties_tie_get_first_date (tie);
  TiesDate *last = ties_tie_get_last_date (tie);

  g_snprintf (id, sizeof id, "e%u", index);
  _ties_xml_text_start (out, "edge");
  _ties_xml_text_attribute (out, "id", id);
  _ties_xml_text_attribute (out, "source", ties_tie_get_actor_a (tie));
  _ties_xml_text_attribute (out, "target", ties_tie_get_actor_b (tie));
  data_double (out, "weight", ties_tie_get_weight (tie));
  data (out, "kinds", kinds);
  data (out, "first", first != NULL ? ties_date_get_text (first) : NULL);
  data (out, "last", last != NULL ? ties_date_get_text (last) : NULL);
  data_uint (out, "sources", ties_tie_get_n_sources (tie));
  data_uint (out, "evidence", ties_tie_get_n_evidence (tie));
  data_uint (out, "initiated_by_source", ties_tie_get_n_a_to_b (tie));
  data_uint (out, "initiated_by_target", ties_tie_get_n_b_to_a (tie));
  _ties_xml_text_end (out);
}

GBytes *
ties_graphml_export_to_bytes (TiesDocument  *document,
                              TiesFilter    *filter,
                              GError       **error)
{
  g_autoptr(TiesNetwork) network = NULL;
  GListModel *actors;
  GListModel *ties;
  TiesXmlText out;

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (filter == NULL || TIES_IS_FILTER (filter), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  network = _ties_export_network (document, filter);

  /* A tie's edge takes about 450 bytes. */
  _ties_xml_text_init (&out, _ties_export_size_hint (network, 640));
  _ties_xml_text_start (&out, "graphml");
  _ties_xml_text_attribute (&out, "xmlns", GRAPHML_NS);
  _ties_xml_text_attribute (&out, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  _ties_xml_text_attribute (&out, "xsi:schemaLocation", GRAPHML_NS " " GRAPHML_SCHEMA);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      _ties_xml_text_start (&out, "key");
      _ties_xml_text_attribute (&out, "id", keys[i].id);
      _ties_xml_text_attribute (&out, "for", keys[i].domain);
      _ties_xml_text_attribute (&out, "attr.name", keys[i].id);
      _ties_xml_text_attribute (&out, "attr.type", keys[i].type);
      _ties_xml_text_end (&out);
    }

  _ties_xml_text_start (&out, "graph");
  _ties_xml_text_attribute (&out, "id", "ties");
  _ties_xml_text_attribute (&out, "edgedefault", "undirected");

  actors = ties_document_get_actors (document);
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(TiesActor) actor = g_list_model_get_item (actors, i);

      write_node (&out, document, network, actor);
    }

  ties = ties_network_get_ties (network);
  for (guint i = 0; i < g_list_model_get_n_items (ties); i++)
    {
      g_autoptr(TiesTie) tie = g_list_model_get_item (ties, i);

      write_edge (&out, tie, i);
    }

  _ties_xml_text_end (&out);   /* graph */
  _ties_xml_text_end (&out);   /* graphml */
  return _ties_xml_text_finish (&out);
}

gboolean
ties_graphml_export_to_file (TiesDocument  *document,
                             TiesFilter    *filter,
                             GFile         *file,
                             GError       **error)
{
  g_return_val_if_fail (TIES_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _ties_export_network_to_file (ties_graphml_export_to_bytes, document, filter, file, error);
}
