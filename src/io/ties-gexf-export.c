/* ties-gexf-export.c: the network as dynamic GEXF 1.3, for Gephi
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Gephi reads time from spells: an edge exists during each of its spells.
 * A tie's spells are its events' dates, each as the first and last day its
 * EDTF text can mean (a month is the whole month, "2019-05-01/2019-05-14"
 * those two weeks), with an open end left open; an edge with no dated
 * event has no spell and exists throughout, as GEXF says. Nodes have no
 * spells: an actor exists whether or not a tie of theirs is in view.
 *
 * Colours come from the actor's own colour only: the palette the diagram
 * draws affiliations with is the renderer's (src/diagram), and Gephi
 * colours by attribute as well as Ties does.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ties-export-util.h"
#include "ties-gexf-export.h"
#include "ties-safe-file.h"

#define GEXF_NS "http://gexf.net/1.3"
#define GEXF_VIZ_NS "http://gexf.net/1.3/viz"

typedef struct
{
  const char *id;
  const char *type;     /* GEXF attribute type */
} Attribute;

static const Attribute node_attributes[] = {
  { "kind", "string" },
  { "role", "string" },
  { "affiliation", "string" },
  { "aliases", "liststring" },
  { "events", "integer" },
  { "degree", "integer" },
  { "pinned", "boolean" },
};

static const Attribute edge_attributes[] = {
  { "kinds", "liststring" },
  { "events", "integer" },
  { "first", "string" },
  { "last", "string" },
  { "sources", "integer" },
  { "evidence", "integer" },
  { "initiated_by_source", "integer" },
  { "initiated_by_target", "integer" },
};

/* An edge per event: what the event says, its date as GEXF's spell. */
static const Attribute event_edge_attributes[] = {
  { "event", "string" },
  { "kind", "string" },
  { "title", "string" },
  { "date", "string" },
};

static void
declare (TiesXmlText      *out,
         const char      *class,
         const Attribute *attributes,
         guint            n_attributes)
{
  _ties_xml_text_start (out, "attributes");
  _ties_xml_text_attribute (out, "class", class);
  for (guint i = 0; i < n_attributes; i++)
    {
      _ties_xml_text_start (out, "attribute");
      _ties_xml_text_attribute (out, "id", attributes[i].id);
      _ties_xml_text_attribute (out, "title", attributes[i].id);
      _ties_xml_text_attribute (out, "type", attributes[i].type);
      _ties_xml_text_end (out);
    }
  _ties_xml_text_end (out);
}

/* <attvalue for="@key" value="@value"/>, nothing for NULL or empty. */
static void
attvalue (TiesXmlText *out,
          const char *key,
          const char *value)
{
  if (value == NULL || *value == '\0')
    return;

  _ties_xml_text_start (out, "attvalue");
  _ties_xml_text_attribute (out, "for", key);
  _ties_xml_text_attribute (out, "value", value);
  _ties_xml_text_end (out);
}

static void
attvalue_uint (TiesXmlText *out,
               const char *key,
               guint       value)
{
  char text[16];

  g_snprintf (text, sizeof text, "%u", value);
  attvalue (out, key, text);
}

/* GEXF's list types: "[a, b]"; NULL for an empty list. */
static char *
list_value (const char * const *values)
{
  g_autofree char *joined = NULL;

  if (values == NULL || values[0] == NULL)
    return NULL;

  joined = g_strjoinv (", ", (char **) values);
  return g_strdup_printf ("[%s]", joined);
}

static void
viz_double (TiesXmlText *out,
            const char *name,
            double      value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  _ties_xml_text_attribute (out, name, g_ascii_dtostr (text, sizeof text, value));
}

static void
write_node (TiesXmlText   *out,
            TiesDocument *document,
            TiesNetwork  *network,
            TiesActor    *actor)
{
  const char *id = ties_actor_get_id (actor);
  const char *color = ties_actor_get_color (actor);
  g_autofree char *aliases = list_value (ties_actor_get_aliases (actor));
  double x, y;
  gboolean pinned;
  gboolean placed = _ties_export_actor_place (document, actor, &x, &y, &pinned);

  _ties_xml_text_start (out, "node");
  _ties_xml_text_attribute (out, "id", id);
  _ties_xml_text_attribute (out, "label", ties_actor_get_name (actor)[0] != '\0' ? ties_actor_get_name (actor) : id);
  _ties_xml_text_start (out, "attvalues");
  attvalue (out, "kind", ties_actor_kind_to_string (ties_actor_get_kind (actor)));
  attvalue (out, "role", ties_actor_get_role (actor));
  attvalue (out, "affiliation", ties_actor_get_affiliation (actor));
  attvalue (out, "aliases", aliases);
  attvalue_uint (out, "events", ties_network_get_event_count (network, id));
  attvalue_uint (out, "degree", ties_network_get_degree (network, id));
  if (placed)
    attvalue (out, "pinned", pinned ? "true" : "false");
  _ties_xml_text_end (out);

  /* #rrggbb, as the reader has checked */
  if (color != NULL && strlen (color) == 7)
    {
      char channel[4];

      _ties_xml_text_start (out, "viz:color");
      for (guint i = 0; i < 3; i++)
        {
          g_snprintf (channel, sizeof channel, "%d",
                      g_ascii_xdigit_value (color[1 + 2 * i]) * 16 + g_ascii_xdigit_value (color[2 + 2 * i]));
          _ties_xml_text_attribute (out, (const char *[]) { "r", "g", "b" }[i], channel);
        }
      _ties_xml_text_end (out);
    }
  /* Gephi's y axis points up, as Graphviz's. */
  if (placed)
    {
      _ties_xml_text_start (out, "viz:position");
      viz_double (out, "x", x);
      viz_double (out, "y", y != 0 ? -y : 0);
      viz_double (out, "z", 0);
      _ties_xml_text_end (out);
    }
  _ties_xml_text_end (out);
}

/* "2019-04-17", or NULL for an open end; a year of more than four digits
 * without ISO's "+", as xsd:date writes it. */
static char *
spell_day (gint64 day)
{
  char *iso = ties_date_day_to_iso (day);

  if (iso != NULL && iso[0] == '+')
    memmove (iso, iso + 1, strlen (iso));

  return iso;
}

/* The <spells> of @events' dates; none when none is dated. */
static void
write_spells (TiesXmlText  *out,
              TiesEvent  **events,
              guint        n_events)
{
  gboolean open = FALSE;

  for (guint i = 0; i < n_events; i++)
    {
      TiesDate *date = ties_event_get_parsed_date (events[i]);
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;
      gint64 first, last;

      if (date == NULL)
        continue;

      ties_date_get_strict_range (date, &first, &last);
      start = spell_day (first);
      end = spell_day (last);
      if (!open)
        {
          _ties_xml_text_start (out, "spells");
          open = TRUE;
        }
      _ties_xml_text_start (out, "spell");
      if (start != NULL)
        _ties_xml_text_attribute (out, "start", start);
      if (end != NULL)
        _ties_xml_text_attribute (out, "end", end);
      _ties_xml_text_end (out);
    }

  if (open)
    _ties_xml_text_end (out);
}

static void
write_edge (TiesXmlText *out,
            TiesTie    *tie,
            guint       index)
{
  char id[24], weight[16];
  g_autofree char *kinds = list_value (ties_tie_get_kinds (tie));
  TiesDate *first = ties_tie_get_first_date (tie);
  TiesDate *last = ties_tie_get_last_date (tie);

  g_snprintf (id, sizeof id, "e%u", index);
  g_snprintf (weight, sizeof weight, "%u", ties_tie_get_weight (tie));
  _ties_xml_text_start (out, "edge");
  _ties_xml_text_attribute (out, "id", id);
  _ties_xml_text_attribute (out, "source", ties_tie_get_actor_a (tie));
  _ties_xml_text_attribute (out, "target", ties_tie_get_actor_b (tie));
  _ties_xml_text_attribute (out, "weight", weight);
  _ties_xml_text_start (out, "attvalues");
  attvalue (out, "kinds", kinds);
  attvalue_uint (out, "events", ties_tie_get_weight (tie));
  attvalue (out, "first", first != NULL ? ties_date_get_text (first) : NULL);
  attvalue (out, "last", last != NULL ? ties_date_get_text (last) : NULL);
  attvalue_uint (out, "sources", ties_tie_get_n_sources (tie));
  attvalue_uint (out, "evidence", ties_tie_get_n_evidence (tie));
  attvalue_uint (out, "initiated_by_source", ties_tie_get_n_a_to_b (tie));
  attvalue_uint (out, "initiated_by_target", ties_tie_get_n_b_to_a (tie));
  _ties_xml_text_end (out);
  write_spells (out, (TiesEvent **) ties_tie_get_events (tie)->pdata, ties_tie_get_events (tie)->len);
  _ties_xml_text_end (out);
}

/* An edge per pair of @event's participants, in the order the event
 * names them, each pair as a tie would have it (the smaller id first);
 * ids go on from *@index. */
static void
write_event_edges (TiesXmlText *out,
                   TiesEvent  *event,
                   guint      *index)
{
  const char * const *participants = ties_event_get_participants (event);
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  const char *title = ties_event_get_title (event);

  /* A participant named twice is one participant, as for ties. */
  for (guint i = 0; participants[i] != NULL; i++)
    {
      gboolean seen = FALSE;

      for (guint k = 0; k < people->len && !seen; k++)
        seen = g_str_equal (people->pdata[k], participants[i]);
      if (!seen)
        g_ptr_array_add (people, (gpointer) participants[i]);
    }

  for (guint j = 0; j < people->len; j++)
    for (guint k = j + 1; k < people->len; k++)
      {
        const char *a = people->pdata[j];
        const char *b = people->pdata[k];
        char id[24];

        if (strcmp (a, b) > 0)
          {
            const char *swap = a;

            a = b;
            b = swap;
          }

        g_snprintf (id, sizeof id, "e%u", (*index)++);
        _ties_xml_text_start (out, "edge");
        _ties_xml_text_attribute (out, "id", id);
        _ties_xml_text_attribute (out, "source", a);
        _ties_xml_text_attribute (out, "target", b);
        if (title != NULL && *title != '\0')
          _ties_xml_text_attribute (out, "label", title);
        _ties_xml_text_attribute (out, "weight", "1");
        _ties_xml_text_start (out, "attvalues");
        attvalue (out, "event", ties_event_get_id (event));
        attvalue (out, "kind", ties_event_get_kind (event));
        attvalue (out, "title", title);
        attvalue (out, "date", ties_event_get_date (event));
        _ties_xml_text_end (out);
        write_spells (out, &event, 1);
        _ties_xml_text_end (out);
      }
}

gboolean
ties_gexf_edges_from_string (const char    *text,
                             TiesGexfEdges *edges)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (edges != NULL, FALSE);

  if (g_str_equal (text, "ties"))
    *edges = TIES_GEXF_EDGES_TIES;
  else if (g_str_equal (text, "events"))
    *edges = TIES_GEXF_EDGES_EVENTS;
  else
    return FALSE;

  return TRUE;
}

GBytes *
ties_gexf_export_to_bytes (TiesDocument  *document,
                           TiesFilter    *filter,
                           GError       **error)
{
  return ties_gexf_export_to_bytes_full (document, filter, TIES_GEXF_EDGES_TIES, error);
}

GBytes *
ties_gexf_export_to_bytes_full (TiesDocument  *document,
                                TiesFilter    *filter,
                                TiesGexfEdges  edges,
                                GError       **error)
{
  g_autoptr(TiesNetwork) network = NULL;
  TiesXmlText out;
  GListModel *actors;
  GListModel *ties;
  const char *description;

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (filter == NULL || TIES_IS_FILTER (filter), NULL);
  g_return_val_if_fail (edges == TIES_GEXF_EDGES_TIES || edges == TIES_GEXF_EDGES_EVENTS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  network = _ties_export_network (document, filter);
  /* A tie's edge takes about 650 bytes, its events' spells included. */
  _ties_xml_text_init (&out, _ties_export_size_hint (network, 1024));

  _ties_xml_text_start (&out, "gexf");
  _ties_xml_text_attribute (&out, "xmlns", GEXF_NS);
  _ties_xml_text_attribute (&out, "xmlns:viz", GEXF_VIZ_NS);
  _ties_xml_text_attribute (&out, "version", "1.3");

  _ties_xml_text_start (&out, "meta");
  _ties_xml_text_start (&out, "creator");
  _ties_xml_text_text (&out, "Ties " PACKAGE_VERSION);
  _ties_xml_text_end (&out);
  description = ties_document_get_title (document);
  if (description == NULL || *description == '\0')
    description = ties_document_get_description (document);
  if (description != NULL && *description != '\0')
    {
      _ties_xml_text_start (&out, "description");
      _ties_xml_text_text (&out, description);
      _ties_xml_text_end (&out);
    }
  _ties_xml_text_end (&out);

  _ties_xml_text_start (&out, "graph");
  _ties_xml_text_attribute (&out, "mode", "dynamic");
  _ties_xml_text_attribute (&out, "defaultedgetype", "undirected");
  _ties_xml_text_attribute (&out, "timeformat", "date");
  _ties_xml_text_attribute (&out, "timerepresentation", "interval");
  declare (&out, "node", node_attributes, G_N_ELEMENTS (node_attributes));
  if (edges == TIES_GEXF_EDGES_EVENTS)
    declare (&out, "edge", event_edge_attributes, G_N_ELEMENTS (event_edge_attributes));
  else
    declare (&out, "edge", edge_attributes, G_N_ELEMENTS (edge_attributes));

  _ties_xml_text_start (&out, "nodes");
  actors = ties_document_get_actors (document);
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(TiesActor) actor = g_list_model_get_item (actors, i);

      write_node (&out, document, network, actor);
    }
  _ties_xml_text_end (&out);

  _ties_xml_text_start (&out, "edges");
  if (edges == TIES_GEXF_EDGES_EVENTS)
    {
      GListModel *events = G_LIST_MODEL (ties_document_get_events (document));
      guint index = 0;

      for (guint i = 0; i < g_list_model_get_n_items (events); i++)
        {
          g_autoptr(TiesEvent) event = g_list_model_get_item (events, i);

          if (ties_network_includes_event (network, event))
            write_event_edges (&out, event, &index);
        }
    }
  else
    {
      ties = ties_network_get_ties (network);
      for (guint i = 0; i < g_list_model_get_n_items (ties); i++)
        {
          g_autoptr(TiesTie) tie = g_list_model_get_item (ties, i);

          write_edge (&out, tie, i);
        }
    }
  _ties_xml_text_end (&out);

  _ties_xml_text_end (&out);   /* graph */
  _ties_xml_text_end (&out);   /* gexf */

  return _ties_xml_text_finish (&out);
}

gboolean
ties_gexf_export_to_file (TiesDocument  *document,
                          TiesFilter    *filter,
                          GFile         *file,
                          GError       **error)
{
  g_return_val_if_fail (TIES_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _ties_export_network_to_file (ties_gexf_export_to_bytes, document, filter, file, error);
}

gboolean
ties_gexf_export_to_file_full (TiesDocument  *document,
                               TiesFilter    *filter,
                               TiesGexfEdges  edges,
                               GFile         *file,
                               GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = ties_gexf_export_to_bytes_full (document, filter, edges, error);
  if (bytes == NULL)
    return FALSE;

  return ties_safe_file_replace (file, bytes, NULL, error);
}
