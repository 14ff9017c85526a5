/* test-network-import.c: actors and undated ties from GEXF and GraphML
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "test-util.h"
#include "ties-document-io.h"
#include "ties-gexf-export.h"
#include "ties-graphml-export.h"
#include "ties-network-import.h"

static GBytes *
bytes_of (const char *text)
{
  return g_bytes_new_static (text, strlen (text));
}

static gboolean
report_has (GPtrArray  *report,
            const char *prefix)
{
  for (guint i = 0; report != NULL && i < report->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (report, i), prefix))
      return TRUE;

  return FALSE;
}

static TiesEvent *
event_at (TiesDocument *document,
          guint         position)
{
  g_autoptr(TiesEvent) event = g_list_model_get_item (ties_document_get_events (document), position);

  g_assert_nonnull (event);
  return event;
}

static guint
n_actors (TiesDocument *document)
{
  return g_list_model_get_n_items (ties_document_get_actors (document));
}

static guint
n_events (TiesDocument *document)
{
  return g_list_model_get_n_items (ties_document_get_events (document));
}

static const char gexf[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n"
  "  <graph defaultedgetype=\"directed\">\n"
  "    <attributes class=\"node\">\n"
  "      <attribute id=\"0\" title=\"kind\" type=\"string\"/>\n"
  "      <attribute id=\"1\" title=\"role\" type=\"string\"/>\n"
  "      <attribute id=\"2\" title=\"aliases\" type=\"liststring\"/>\n"
  "    </attributes>\n"
  "    <attributes class=\"edge\">\n"
  "      <attribute id=\"k\" title=\"kind\" type=\"string\"/>\n"
  "    </attributes>\n"
  "    <nodes>\n"
  "      <node id=\"ardern\" label=\"Jacinda Ardern\">\n"
  "        <attvalues>\n"
  "          <attvalue for=\"0\" value=\"person\"/>\n"
  "          <attvalue for=\"1\" value=\"Prime Minister\"/>\n"
  "          <attvalue for=\"2\" value=\"[Ardern, the Prime Minister]\"/>\n"
  "        </attvalues>\n"
  "        <viz:color r=\"255\" g=\"0\" b=\"16\"/>\n"
  "        <viz:position x=\"10.5\" y=\"20\" z=\"0\"/>\n"
  "      </node>\n"
  "      <node id=\"twitter\" label=\"Twitter\">\n"
  "        <attvalues><attvalue for=\"0\" value=\"Organization\"/></attvalues>\n"
  "      </node>\n"
  "      <node id=\"Jack Dorsey\"/>\n"
  "    </nodes>\n"
  "    <edges>\n"
  "      <edge id=\"e0\" source=\"ardern\" target=\"Jack Dorsey\" weight=\"3\">\n"
  "        <attvalues><attvalue for=\"k\" value=\"Phone Call\"/></attvalues>\n"
  "      </edge>\n"
  "      <edge id=\"e1\" source=\"twitter\" target=\"Jack Dorsey\" type=\"undirected\" label=\"employs\"/>\n"
  "    </edges>\n"
  "  </graph>\n"
  "</gexf>\n";

/* Nodes, their attributes and viz, a directed edge's weight and kind. */
static void
test_gexf (void)
{
  g_autoptr(TiesDocument) document = ties_document_new ();
  g_autoptr(GBytes) bytes = bytes_of (gexf);
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GError) error = NULL;
  TiesActor *ardern, *twitter, *dorsey;
  TiesEvent *event;
  guint added_actors = 0, added_events = 0;

  g_assert_true (ties_network_import (document, bytes, "net.gexf", &added_actors, &added_events, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added_actors, ==, 3);
  g_assert_cmpuint (added_events, ==, 4);
  g_assert_cmpuint (n_actors (document), ==, 3);
  g_assert_cmpuint (n_events (document), ==, 4);

  ardern = ties_document_lookup_actor (document, "ardern");
  g_assert_nonnull (ardern);
  g_assert_cmpstr (ties_actor_get_name (ardern), ==, "Jacinda Ardern");
  g_assert_cmpint (ties_actor_get_kind (ardern), ==, TIES_ACTOR_PERSON);
  g_assert_cmpstr (ties_actor_get_role (ardern), ==, "Prime Minister");
  g_assert_cmpstr (ties_actor_get_aliases (ardern)[0], ==, "Ardern");
  g_assert_cmpstr (ties_actor_get_aliases (ardern)[1], ==, "the Prime Minister");
  g_assert_cmpstr (ties_actor_get_color (ardern), ==, "#ff0010");
  g_assert_true (ties_actor_get_has_position (ardern));
  g_assert_false (ties_actor_get_pinned (ardern));
  /* Gephi's y points up, the diagram's down. */
  g_assert_cmpfloat (ties_actor_get_x (ardern), ==, 10.5);
  g_assert_cmpfloat (ties_actor_get_y (ardern), ==, -20);

  twitter = ties_document_lookup_actor (document, "twitter");
  g_assert_nonnull (twitter);
  g_assert_cmpint (ties_actor_get_kind (twitter), ==, TIES_ACTOR_ORGANISATION);
  g_assert_false (ties_actor_get_has_position (twitter));

  /* Not a Ties id: one from the label (here the id itself). */
  dorsey = ties_document_lookup_actor (document, "jack-dorsey");
  g_assert_nonnull (dorsey);
  g_assert_cmpstr (ties_actor_get_name (dorsey), ==, "Jack Dorsey");

  /* Weight 3, directed: three phone calls Ardern made, with no date. */
  for (guint i = 0; i < 3; i++)
    {
      const char * const *participants;

      event = event_at (document, i);
      participants = ties_event_get_participants (event);
      g_assert_cmpstr (ties_event_get_title (event), ==, "Jacinda Ardern – Jack Dorsey");
      g_assert_cmpstr (ties_event_get_kind (event), ==, "phone-call");
      g_assert_null (ties_event_get_date (event));
      g_assert_cmpstr (ties_event_get_initiator (event), ==, "ardern");
      g_assert_cmpstr (participants[0], ==, "ardern");
      g_assert_cmpstr (participants[1], ==, "jack-dorsey");
      g_assert_null (participants[2]);
      g_assert_cmpstr (ties_event_get_notes (event), ==, "Imported from net.gexf, edge e0.");
    }
  g_assert_cmpstr (ties_event_get_id (event_at (document, 0)), !=, ties_event_get_id (event_at (document, 1)));

  /* Undirected against the graph's default; a label that is no kind is
   * the events' title. */
  event = event_at (document, 3);
  g_assert_null (ties_event_get_initiator (event));
  g_assert_cmpstr (ties_event_get_kind (event), ==, "other");
  g_assert_cmpstr (ties_event_get_title (event), ==, "employs");
  g_assert_false (report_has (report, "net.gexf: the event kinds"));

  /* One step of undo takes it all back. */
  g_assert_cmpuint (test_count_undo_steps (ties_document_get_history (document)), ==, 1);
  g_assert_cmpuint (n_actors (document), ==, 0);
  g_assert_cmpuint (n_events (document), ==, 0);
}

static const char graphml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
  "  <key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
  "  <key id=\"d1\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"><default>organisation</default></key>\n"
  "  <key id=\"d2\" for=\"node\" attr.name=\"x\" attr.type=\"double\"/>\n"
  "  <key id=\"d3\" for=\"node\" attr.name=\"y\" attr.type=\"double\"/>\n"
  "  <key id=\"d4\" for=\"node\" attr.name=\"color\" attr.type=\"string\"/>\n"
  "  <key id=\"d5\" for=\"node\" attr.name=\"affiliation\" attr.type=\"string\"/>\n"
  "  <key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
  "  <key id=\"d7\" for=\"edge\" attr.name=\"kinds\" attr.type=\"string\"/>\n"
  "  <graph id=\"G\" edgedefault=\"undirected\">\n"
  "    <edge source=\"n0\" target=\"n1\"><data key=\"w\">2</data><data key=\"d7\">meeting; lunch; email</data></edge>\n"
  "    <node id=\"n0\"><data key=\"d0\">Tim Cook</data><data key=\"d1\">person</data>\n"
  "      <data key=\"d2\">1.5</data><data key=\"d3\">-2</data><data key=\"d4\">#00AA00</data>\n"
  "      <data key=\"d5\">n1</data></node>\n"
  "    <node id=\"n1\"><data key=\"d0\">Apple</data></node>\n"
  "    <edge source=\"n1\" target=\"n0\" directed=\"true\"><data key=\"w\">1.4</data></edge>\n"
  "  </graph>\n"
  "</graphml>\n";

/* Keys with a default, an edge before its nodes, list of kinds, a
 * directed edge in an undirected graph, a weight that is no whole number. */
static void
test_graphml (void)
{
  g_autoptr(TiesDocument) document = ties_document_new ();
  g_autoptr(GBytes) bytes = bytes_of (graphml);
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GError) error = NULL;
  TiesActor *cook, *apple;
  TiesEvent *event;

  g_assert_true (ties_network_import (document, bytes, "/some/folder/net.graphml", NULL, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_actors (document), ==, 2);
  g_assert_cmpuint (n_events (document), ==, 3);

  /* "n0" is a valid id: kept, so that a network exported again matches. */
  cook = ties_document_lookup_actor (document, "n0");
  g_assert_nonnull (cook);
  g_assert_cmpstr (ties_actor_get_name (cook), ==, "Tim Cook");
  g_assert_cmpint (ties_actor_get_kind (cook), ==, TIES_ACTOR_PERSON);
  g_assert_cmpstr (ties_actor_get_color (cook), ==, "#00aa00");
  g_assert_cmpstr (ties_actor_get_affiliation (cook), ==, "n1");
  g_assert_true (ties_actor_get_has_position (cook));
  g_assert_cmpfloat (ties_actor_get_x (cook), ==, 1.5);
  g_assert_cmpfloat (ties_actor_get_y (cook), ==, -2);

  apple = ties_document_lookup_actor (document, "n1");
  g_assert_nonnull (apple);
  /* The key's default. */
  g_assert_cmpint (ties_actor_get_kind (apple), ==, TIES_ACTOR_ORGANISATION);

  /* Weight 2 with two kinds: one event of each. */
  g_assert_cmpstr (ties_event_get_kind (event_at (document, 0)), ==, "meeting");
  g_assert_cmpstr (ties_event_get_kind (event_at (document, 1)), ==, "email");
  g_assert_null (ties_event_get_initiator (event_at (document, 0)));
  g_assert_cmpstr (ties_event_get_title (event_at (document, 0)), ==, "Tim Cook – Apple");
  /* No edge id: its line; the file's name without its folder. */
  g_assert_cmpstr (ties_event_get_notes (event_at (document, 0)), ==,
                   "Imported from net.graphml, the edge on line 12.");

  /* Directed here though not in the graph; 1.4 rounds to one event. */
  event = event_at (document, 2);
  g_assert_cmpstr (ties_event_get_initiator (event), ==, "n1");
  g_assert_cmpstr (ties_event_get_notes (event), ==, "Imported from net.graphml, the edge on line 17 (weight 1.4).");
  g_assert_true (report_has (report, "/some/folder/net.graphml: 1 edge’s weight is not a whole number"));
  g_assert_true (report_has (report, "/some/folder/net.graphml: the event kinds “lunch” are not the document’s"));
}

/* What Gephi writes as GraphML: the colour in three keys. */
static void
test_gephi_graphml (void)
{
  static const char gephi[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "<key attr.name=\"label\" attr.type=\"string\" for=\"node\" id=\"label\"/>\n"
    "<key attr.name=\"r\" attr.type=\"int\" for=\"node\" id=\"r\"/>\n"
    "<key attr.name=\"g\" attr.type=\"int\" for=\"node\" id=\"g\"/>\n"
    "<key attr.name=\"b\" attr.type=\"int\" for=\"node\" id=\"b\"/>\n"
    "<key attr.name=\"x\" attr.type=\"float\" for=\"node\" id=\"x\"/>\n"
    "<key attr.name=\"y\" attr.type=\"float\" for=\"node\" id=\"y\"/>\n"
    "<graph defaultedgetype=\"undirected\">\n"
    "<node id=\"0\"><data key=\"label\">Sundar Pichai</data><data key=\"r\">28</data>"
    "<data key=\"g\">113</data><data key=\"b\">216</data><data key=\"x\">-3.5</data><data key=\"y\">7</data></node>\n"
    "<node id=\"1\"><data key=\"label\">Google</data><data key=\"r\">300</data></node>\n"
    "<edge source=\"0\" target=\"1\"/>\n"
    "</graph></graphml>\n";
  g_autoptr(TiesDocument) document = ties_document_new ();
  g_autoptr(GBytes) bytes = bytes_of (gephi);
  g_autoptr(GError) error = NULL;
  TiesActor *pichai, *google;

  g_assert_true (ties_network_import (document, bytes, "gephi.graphml", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  /* "0" is a valid id. */
  pichai = ties_document_lookup_actor (document, "0");
  g_assert_nonnull (pichai);
  g_assert_cmpstr (ties_actor_get_name (pichai), ==, "Sundar Pichai");
  g_assert_cmpstr (ties_actor_get_color (pichai), ==, "#1c71d8");
  g_assert_cmpfloat (ties_actor_get_x (pichai), ==, -3.5);
  g_assert_cmpfloat (ties_actor_get_y (pichai), ==, 7);
  google = ties_document_lookup_actor (document, "1");
  g_assert_nonnull (google);
  g_assert_null (ties_actor_get_color (google));
  g_assert_false (ties_actor_get_has_position (google));
}

/* What yEd writes: the label and the place in its own elements. */
static void
test_yed (void)
{
  static const char yed[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:y=\"http://www.yworks.com/xml/graphml\">\n"
    "  <key for=\"node\" id=\"d6\" yfiles.type=\"nodegraphics\"/>\n"
    "  <graph edgedefault=\"directed\" id=\"G\">\n"
    "    <node id=\"n0\">\n"
    "      <data key=\"d6\">\n"
    "        <y:ShapeNode>\n"
    "          <y:Geometry height=\"30.0\" width=\"40.0\" x=\"100.0\" y=\"50.0\"/>\n"
    "          <y:Fill color=\"#FFCC00\" transparent=\"false\"/>\n"
    "          <y:NodeLabel alignment=\"center\">Brad Smith</y:NodeLabel>\n"
    "        </y:ShapeNode>\n"
    "      </data>\n"
    "    </node>\n"
    "    <node id=\"n1\"><data key=\"d6\"><y:ShapeNode><y:NodeLabel>Microsoft</y:NodeLabel></y:ShapeNode></data></node>\n"
    "    <edge id=\"e0\" source=\"n0\" target=\"n1\"/>\n"
    "  </graph>\n"
    "</graphml>\n";
  g_autoptr(TiesDocument) document = ties_document_new ();
  g_autoptr(GBytes) bytes = bytes_of (yed);
  g_autoptr(GError) error = NULL;
  TiesActor *smith;

  g_assert_true (ties_network_import (document, bytes, "yed.graphml", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  smith = ties_document_lookup_actor (document, "n0");
  g_assert_nonnull (smith);
  g_assert_cmpstr (ties_actor_get_name (smith), ==, "Brad Smith");
  g_assert_cmpstr (ties_actor_get_color (smith), ==, "#ffcc00");
  /* The centre of yEd's box. */
  g_assert_cmpfloat (ties_actor_get_x (smith), ==, 120);
  g_assert_cmpfloat (ties_actor_get_y (smith), ==, 65);
  g_assert_cmpstr (ties_actor_get_name (ties_document_lookup_actor (document, "n1")), ==, "Microsoft");
  g_assert_cmpstr (ties_event_get_initiator (event_at (document, 0)), ==, "n0");
}

static void
assert_fails (const char *xml,
              const char *name,
              int         code,
              const char *message)
{
  g_autoptr(TiesDocument) document = ties_document_new ();
  g_autoptr(GBytes) bytes = bytes_of (xml);
  g_autoptr(GError) error = NULL;

  g_assert_false (ties_network_import (document, bytes, name, NULL, NULL, NULL, &error));
  g_assert_error (error, TIES_NETWORK_IMPORT_ERROR, code);
  if (!g_str_has_prefix (error->message, message))
    g_error ("“%s” does not start with “%s”", error->message, message);
  g_assert_cmpuint (n_actors (document), ==, 0);
  g_assert_cmpuint (n_events (document), ==, 0);
  g_assert_false (ties_history_get_can_undo (ties_document_get_history (document)));
}

static void
test_problems (void)
{
  /* A dangling edge and a node twice: both told, with their lines. */
  assert_fails ("<graphml>\n"
                "<graph>\n"
                "<node id=\"a\"/>\n"
                "<node id=\"b\"/>\n"
                "<edge source=\"a\" target=\"zz\"/>\n"
                "<node id=\"a\"/>\n"
                "</graph>\n"
                "</graphml>\n",
                "net.graphml", TIES_NETWORK_IMPORT_ERROR_INVALID,
                "net.graphml:6: the node id “a” is there twice (also line 3)\n"
                "net.graphml:5: the edge’s target “zz” is no node of the file");

  assert_fails ("<gexf><graph><nodes>\n"
                "<node id=\"a\">\n"
                "<viz:position xmlns:viz=\"v\" x=\"1,5\" y=\"2\"/>\n"
                "</node></nodes></graph></gexf>",
                "net.gexf", TIES_NETWORK_IMPORT_ERROR_INVALID,
                "net.gexf:3: “1,5” is not a number: the node’s position x");

  assert_fails ("<gexf><graph><nodes><node id=\"a\"/><node id=\"b\"/></nodes>\n"
                "<edges><edge source=\"a\" target=\"b\" weight=\"many\"/></edges></graph></gexf>",
                "net.gexf", TIES_NETWORK_IMPORT_ERROR_INVALID,
                "net.gexf:2: “many” is not a number: the edge’s weight");

  /* Not a network, whatever the name says. */
  assert_fails ("<?xml version=\"1.0\"?>\n<html><body/></html>\n", "net.gexf",
                TIES_NETWORK_IMPORT_ERROR_NOT_NETWORK,
                "net.gexf:2: the file is <html>, not a GEXF (<gexf>) or GraphML (<graphml>) network");
  assert_fails ("<graphml>\n<graph>\n<node id=\"a\">\n</graph>\n", "net.graphml",
                TIES_NETWORK_IMPORT_ERROR_NOT_NETWORK,
                "net.graphml:4: not a well-formed XML file: ");
  assert_fails ("Source,Target\na,b\n", "net.graphml", TIES_NETWORK_IMPORT_ERROR_NOT_NETWORK,
                "net.graphml:1: not a well-formed XML file: ");
  assert_fails ("", "net.gexf", TIES_NETWORK_IMPORT_ERROR_NOT_NETWORK,
                "net.gexf: the file is empty");
  /* Bytes its declared encoding cannot convert: told, not printed. */
  assert_fails ("<?xml version=\"1.0\" encoding=\"ISO-2022-JP\"?>\n<graphml>\x1b$B\xff\xff</graphml>\n",
                "enc.graphml", TIES_NETWORK_IMPORT_ERROR_NOT_NETWORK,
                "enc.graphml:1: not a well-formed XML file: input conversion failed");
}

/* Entities are not expanded: not an internal one (a billion laughs
 * starts so), not an external one that would read a local file. */
static void
test_entities (void)
{
  g_autoptr(TiesDocument) document = ties_document_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) external = bytes_of ("<?xml version=\"1.0\"?>\n"
                                         "<!DOCTYPE graphml [\n"
                                         "<!ENTITY secret SYSTEM \"file:///etc/passwd\">\n"
                                         "]>\n"
                                         "<graphml><graph><node id=\"a\"><data key=\"label\">&secret;</data></node>"
                                         "</graph></graphml>\n");

  assert_fails ("<?xml version=\"1.0\"?>\n"
                "<!DOCTYPE gexf [\n"
                "<!ENTITY lol \"lol\">\n"
                "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
                "]>\n"
                "<gexf><graph><nodes><node id=\"a\" label=\"&lol3;\"/></nodes></graph></gexf>\n",
                "laughs.gexf", TIES_NETWORK_IMPORT_ERROR_NOT_NETWORK,
                "laughs.gexf:2: the file declares entities");

  g_assert_false (ties_network_import (document, external, "x.graphml", NULL, NULL, NULL, &error));
  g_assert_error (error, TIES_NETWORK_IMPORT_ERROR, TIES_NETWORK_IMPORT_ERROR_NOT_NETWORK);
  g_assert_null (strstr (error->message, "root:"));
  g_assert_cmpuint (n_actors (document), ==, 0);
}

/* Into a document: nodes that are its actors (by id, name or other
 * name, ignoring case) are those actors, not new ones. */
static void
test_into (void)
{
  static const char network[] =
    "<graphml><key id=\"l\" for=\"node\" attr.name=\"label\"/>\n"
    "<key id=\"k\" for=\"edge\" attr.name=\"kind\"/>\n"
    "<graph>\n"
    "<node id=\"ARDERN\"/>\n"
    "<node id=\"pm\"><data key=\"l\">prime minister</data></node>\n"
    "<node id=\"n3\"><data key=\"l\">Tim Cook</data></node>\n"
    "<node id=\"n4\"><data key=\"l\">Jeff Bezos</data></node>\n"
    "<edge source=\"ARDERN\" target=\"n3\"><data key=\"k\">Dinner</data></edge>\n"
    "<edge source=\"pm\" target=\"n4\"/>\n"
    "<edge source=\"ARDERN\" target=\"pm\"/>\n"
    "</graph></graphml>\n";
  g_autoptr(TiesDocument) document = ties_document_new ();
  g_autoptr(TiesActor) ardern = ties_actor_new ("ardern", "Jacinda Ardern", TIES_ACTOR_PERSON);
  g_autoptr(TiesActor) cook = ties_actor_new ("cook", "Tim Cook", TIES_ACTOR_PERSON);
  g_autoptr(TiesEventKind) dinner = ties_event_kind_new ("dinner", "Dinner", TIES_LINE_SOLID);
  const char * const aliases[] = { "Prime Minister", NULL };
  g_autoptr(GBytes) bytes = bytes_of (network);
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GError) error = NULL;
  guint added_actors = 0, added_events = 0;
  TiesEvent *event;

  ties_actor_set_aliases (ardern, aliases);
  ties_document_add_actor (document, ardern);
  ties_document_add_actor (document, cook);
  ties_document_add_event_kind (document, dinner);
  ties_history_clear (ties_document_get_history (document));

  g_assert_true (ties_network_import (document, bytes, "net.graphml", &added_actors, &added_events, &report, &error));
  g_assert_no_error (error);
  /* Only Bezos is new; the edge between two names of Ardern is none. */
  g_assert_cmpuint (added_actors, ==, 1);
  g_assert_cmpuint (n_actors (document), ==, 3);
  g_assert_cmpuint (added_events, ==, 2);
  g_assert_true (report_has (report, "net.graphml: 3 nodes were actors of the document already"));
  g_assert_true (report_has (report, "net.graphml: 1 edge joins an actor to itself"));

  event = event_at (document, 0);
  g_assert_cmpstr (ties_event_get_participants (event)[0], ==, "ardern");
  g_assert_cmpstr (ties_event_get_participants (event)[1], ==, "cook");
  g_assert_cmpstr (ties_event_get_title (event), ==, "Jacinda Ardern – Tim Cook");
  /* A kind the document declares, by its label. */
  g_assert_cmpstr (ties_event_get_kind (event), ==, "dinner");

  event = event_at (document, 1);
  g_assert_cmpstr (ties_event_get_participants (event)[0], ==, "ardern");
  g_assert_cmpstr (ties_event_get_participants (event)[1], ==, "n4");
  g_assert_cmpstr (ties_actor_get_name (ties_document_lookup_actor (document, "n4")), ==, "Jeff Bezos");
}

/* "a b" (in order) → weight, for every tie of @document. */
static GHashTable *
tie_weights (TiesDocument *document)
{
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  GListModel *ties = ties_network_get_ties (network);
  GHashTable *weights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (ties); i++)
    {
      g_autoptr(TiesTie) tie = g_list_model_get_item (ties, i);
      const char *a = ties_tie_get_actor_a (tie);
      const char *b = ties_tie_get_actor_b (tie);
      char *key = strcmp (a, b) < 0 ? g_strdup_printf ("%s %s", a, b) : g_strdup_printf ("%s %s", b, a);

      g_hash_table_insert (weights, key, GUINT_TO_POINTER (ties_tie_get_weight (tie)));
    }

  return weights;
}

typedef GBytes *(*ExportFunc) (TiesDocument  *document,
                               TiesFilter    *filter,
                               GError       **error);

static void
assert_round_trip (ExportFunc  export,
                   const char *name,
                   const char *separator)
{
  g_autoptr(TiesDocument) sample = test_load_sample ();
  g_autoptr(TiesDocument) copy = ties_document_new ();
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GHashTable) found = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *actors = ties_document_get_actors (sample);
  GHashTableIter iter;
  gpointer key, value;

  /* Places to give back: the sample has none of its own. */
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(TiesActor) actor = g_list_model_get_item (actors, i);

      ties_actor_set_x (actor, i * 10.25);
      ties_actor_set_y (actor, 100 - i * 3.5);
      ties_actor_set_pinned (actor, i % 2 == 0);
      ties_actor_set_has_position (actor, TRUE);
      if (i == 1)
        ties_actor_set_color (actor, "#1c71d8");
    }

  bytes = export (sample, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ties_network_import (copy, bytes, name, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (n_actors (copy), ==, g_list_model_get_n_items (actors));
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(TiesActor) a = g_list_model_get_item (actors, i);
      g_autoptr(TiesActor) b = g_list_model_get_item (ties_document_get_actors (copy), i);
      const char * const *aliases_a = ties_actor_get_aliases (a);
      const char * const *aliases_b = ties_actor_get_aliases (b);

      g_assert_cmpstr (ties_actor_get_id (a), ==, ties_actor_get_id (b));
      g_assert_cmpstr (ties_actor_get_name (a), ==, ties_actor_get_name (b));
      g_assert_cmpint (ties_actor_get_kind (a), ==, ties_actor_get_kind (b));
      g_assert_cmpstr (ties_actor_get_role (a), ==, ties_actor_get_role (b));
      g_assert_cmpstr (ties_actor_get_affiliation (a), ==, ties_actor_get_affiliation (b));
      g_assert_cmpstr (ties_actor_get_color (a), ==, ties_actor_get_color (b));
      g_assert_cmpfloat (ties_actor_get_x (a), ==, ties_actor_get_x (b));
      g_assert_cmpfloat (ties_actor_get_y (a), ==, ties_actor_get_y (b));
      g_assert_cmpint (ties_actor_get_pinned (a), ==, ties_actor_get_pinned (b));
      g_assert_true (ties_actor_get_has_position (b));
      g_autofree char *joined_a = aliases_a != NULL ? g_strjoinv (separator, (char **) aliases_a) : NULL;
      g_autofree char *joined_b = aliases_b != NULL ? g_strjoinv (separator, (char **) aliases_b) : NULL;

      /* As the export joins them: an other name with a comma in it
       * ("Jeff Bezos, head of Amazon") is two in GEXF's list. */
      g_assert_cmpstr (joined_a, ==, joined_b);
    }

  expected = tie_weights (sample);
  found = tie_weights (copy);
  g_assert_cmpuint (g_hash_table_size (found), ==, g_hash_table_size (expected));
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_assert_true (g_hash_table_contains (found, key));
      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (found, key)), ==, GPOINTER_TO_UINT (value));
    }
}

static void
test_round_trip_gexf (void)
{
  assert_round_trip (ties_gexf_export_to_bytes, "sample.gexf", ", ");
}

static GBytes *
export_gexf_events (TiesDocument  *document,
                    TiesFilter    *filter,
                    GError       **error)
{
  return ties_gexf_export_to_bytes_full (document, filter, TIES_GEXF_EDGES_EVENTS, error);
}

/* An edge per event gives back each event of two or more participants:
 * its id, title, date, kind and participants. */
static void
test_round_trip_gexf_events (void)
{
  g_autoptr(TiesDocument) sample = test_load_sample ();
  g_autoptr(TiesDocument) copy = ties_document_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *originals = ties_document_get_events (sample);
  guint n_expected = 0;

  assert_round_trip (export_gexf_events, "sample.gexf", ", ");

  bytes = export_gexf_events (sample, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ties_network_import (copy, bytes, "sample.gexf", NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (originals); i++)
    {
      g_autoptr(TiesEvent) original = g_list_model_get_item (originals, i);
      const char * const *people = ties_event_get_participants (original);
      TiesEvent *event;
      const char * const *found;

      if (people == NULL || people[0] == NULL || people[1] == NULL)
        continue;
      n_expected++;

      event = ties_document_lookup_event (copy, ties_event_get_id (original));
      g_assert_nonnull (event);
      g_assert_cmpstr (ties_event_get_title (event), ==, ties_event_get_title (original));
      g_assert_cmpstr (ties_event_get_date (event), ==, ties_event_get_date (original));
      /* The sample's own kinds ("agreement") are not the new document's. */
      g_assert_cmpstr (ties_event_get_kind (event), ==,
                       ties_event_kind_lookup_builtin (ties_event_get_kind (original)) != NULL
                       ? ties_event_get_kind (original) : "other");
      found = ties_event_get_participants (event);
      g_assert_cmpuint (g_strv_length ((char **) found), ==, g_strv_length ((char **) people));
      for (guint j = 0; people[j] != NULL; j++)
        g_assert_true (g_strv_contains (found, people[j]));
    }
  g_assert_cmpuint (n_events (copy), ==, n_expected);
}

static void
test_round_trip_graphml (void)
{
  assert_round_trip (ties_graphml_export_to_bytes, "sample.graphml", "; ");
}

/* An imported export has the same kinds per tie (those the new
 * document knows) and the same counts of who reached out. */
static void
test_export_again (void)
{
  g_autoptr(TiesDocument) sample = test_load_sample ();
  g_autoptr(TiesDocument) copy = ties_document_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(TiesNetwork) network_a = NULL;
  g_autoptr(TiesNetwork) network_b = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *ties;

  bytes = ties_graphml_export_to_bytes (sample, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ties_network_import (copy, bytes, "sample.graphml", NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  network_a = ties_network_new (sample);
  network_b = ties_network_new (copy);
  ties = ties_network_get_ties (network_a);
  for (guint i = 0; i < g_list_model_get_n_items (ties); i++)
    {
      g_autoptr(TiesTie) a = g_list_model_get_item (ties, i);
      TiesTie *b = ties_network_lookup_tie (network_b, ties_tie_get_actor_a (a), ties_tie_get_actor_b (a));
      const char * const *kinds_a = ties_tie_get_kinds (a);
      const char * const *kinds_b;
      guint from_a, from_b;

      g_assert_nonnull (b);
      kinds_b = ties_tie_get_kinds (b);
      /* The sample's own kinds ("agreement") are not the new
       * document's: "other" there. */
      for (guint j = 0; kinds_a[j] != NULL; j++)
        g_assert_true (g_strv_contains (kinds_b, ties_event_kind_lookup_builtin (kinds_a[j]) != NULL
                                                 ? kinds_a[j] : "other"));
      for (guint j = 0; kinds_b[j] != NULL; j++)
        g_assert_true (g_strv_contains (kinds_a, kinds_b[j]) || g_str_equal (kinds_b[j], "other"));

      /* The pair may be the other way round in the copy. */
      from_a = g_str_equal (ties_tie_get_actor_a (a), ties_tie_get_actor_a (b))
               ? ties_tie_get_n_a_to_b (b) : ties_tie_get_n_b_to_a (b);
      from_b = g_str_equal (ties_tie_get_actor_a (a), ties_tie_get_actor_a (b))
               ? ties_tie_get_n_b_to_a (b) : ties_tie_get_n_a_to_b (b);
      g_assert_cmpuint (ties_tie_get_n_a_to_b (a), ==, from_a);
      g_assert_cmpuint (ties_tie_get_n_b_to_a (a), ==, from_b);
    }

  /* And it saves and loads: what the reader takes. */
  again = ties_document_save_to_bytes (copy, &error);
  g_assert_no_error (error);
  {
    g_autoptr(TiesDocument) loaded = test_load_json_or_sample (g_bytes_get_data (again, NULL));

    g_assert_cmpuint (n_events (loaded), ==, n_events (copy));
  }
}

/* A file over the limit is refused, from memory and from a file (the
 * file before it is read), and nothing changes. */
static void
test_too_large (void)
{
  g_autoptr(TiesDocument) document = ties_document_new ();
  gsize size = TIES_NETWORK_IMPORT_MAX_BYTES + 1;
  char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ties-network-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.graphml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FILE *stream;

  memset (data, ' ', size);
  memcpy (data, "<graphml>", strlen ("<graphml>"));
  bytes = g_bytes_new_take (data, size);
  g_assert_false (ties_network_import (document, bytes, "huge.graphml", NULL, NULL, NULL, &error));
  g_assert_error (error, TIES_NETWORK_IMPORT_ERROR, TIES_NETWORK_IMPORT_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "huge.graphml: the network is 67.1"));
  g_clear_error (&error);

  /* Sparse: its size is all that is read of it. */
  stream = fopen (path, "w");
  g_assert_nonnull (stream);
  g_assert_cmpint (fseek (stream, TIES_NETWORK_IMPORT_MAX_BYTES, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('\n', stream), ==, '\n');
  g_assert_cmpint (fclose (stream), ==, 0);
  g_assert_false (ties_network_import_from_file (document, file, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, TIES_NETWORK_IMPORT_ERROR, TIES_NETWORK_IMPORT_ERROR_TOO_LARGE);
  g_assert_cmpuint (n_actors (document), ==, 0);
  g_assert_false (ties_history_get_can_undo (ties_document_get_history (document)));

  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* A weight past the cap makes the cap's number of events, and says so. */
static void
test_weight_cap (void)
{
  g_autoptr(TiesDocument) document = ties_document_new ();
  g_autoptr(GBytes) bytes = bytes_of ("<gexf><graph><nodes><node id=\"a\"/><node id=\"b\"/></nodes>\n"
                                      "<edges><edge id=\"x\" source=\"a\" target=\"b\" weight=\"5000\"/></edges>"
                                      "</graph></gexf>");
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ties_network_import (document, bytes, "w.gexf", NULL, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_events (document), ==, TIES_NETWORK_IMPORT_MAX_EVENTS_PER_EDGE);
  g_assert_cmpstr (ties_event_get_notes (event_at (document, 0)), ==, "Imported from w.gexf, edge x (weight 5000).");
  g_assert_true (report_has (report, "w.gexf: 1 edge weighs more than 100"));
}

/* Edges that share an "event" are one event only when they are all the
 * pairs of its participants, as an edge per event writes them. */
static void
test_event_edges (void)
{
  static const char head[] =
    "<gexf><graph><attributes class=\"edge\"><attribute id=\"0\" title=\"event\"/></attributes>"
    "<nodes><node id=\"a\"/><node id=\"b\"/><node id=\"c\"/></nodes><edges>";
  g_autofree char *all = g_strconcat (head,
                                      "<edge source=\"a\" target=\"b\"><attvalues><attvalue for=\"0\" value=\"x\"/></attvalues></edge>"
                                      "<edge source=\"a\" target=\"c\"><attvalues><attvalue for=\"0\" value=\"x\"/></attvalues></edge>"
                                      "<edge source=\"b\" target=\"c\"><attvalues><attvalue for=\"0\" value=\"x\"/></attvalues></edge>"
                                      "</edges></graph></gexf>", NULL);
  g_autofree char *star = g_strconcat (head,
                                       "<edge source=\"a\" target=\"b\"><attvalues><attvalue for=\"0\" value=\"x\"/></attvalues></edge>"
                                       "<edge source=\"a\" target=\"c\"><attvalues><attvalue for=\"0\" value=\"x\"/></attvalues></edge>"
                                       "</edges></graph></gexf>", NULL);
  g_autoptr(TiesDocument) one = ties_document_new ();
  g_autoptr(TiesDocument) two = ties_document_new ();
  g_autoptr(GBytes) all_bytes = bytes_of (all);
  g_autoptr(GBytes) star_bytes = bytes_of (star);
  g_autoptr(GError) error = NULL;

  g_assert_true (ties_network_import (one, all_bytes, "all.gexf", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_events (one), ==, 1);
  g_assert_cmpstr (ties_event_get_id (event_at (one, 0)), ==, "x");
  g_assert_cmpuint (g_strv_length ((char **) ties_event_get_participants (event_at (one, 0))), ==, 3);

  g_assert_true (ties_network_import (two, star_bytes, "star.gexf", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_events (two), ==, 2);
  g_assert_cmpstr (ties_event_get_id (event_at (two, 0)), ==, "x");
  g_assert_cmpstr (ties_event_get_id (event_at (two, 1)), !=, "x");
}

/* Names as long as a name may be make a title no longer than a title
 * may be: the document saves and loads. */
static void
test_long_names (void)
{
  g_autoptr(TiesDocument) document = ties_document_new ();
  g_autoptr(GString) xml = g_string_new ("<graphml><graph>");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TiesDocument) loaded = NULL;

  for (guint n = 0; n < 2; n++)
    {
      g_string_append_printf (xml, "<node id=\"n%u\"><data key=\"label\">", n);
      for (guint i = 0; i < 5000; i++)
        g_string_append (xml, "é");
      g_string_append (xml, "</data></node>");
    }
  g_string_append (xml, "<edge source=\"n0\" target=\"n1\"/></graph></graphml>");
  bytes = g_bytes_new (xml->str, xml->len);

  g_assert_true (ties_network_import (document, bytes, "long.graphml", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_utf8_strlen (ties_event_get_title (event_at (document, 0)), -1), ==, 2 * 1001 + 3);

  saved = ties_document_save_to_bytes (document, &error);
  g_assert_no_error (error);
  loaded = test_load_json_or_sample (g_bytes_get_data (saved, NULL));
  g_assert_cmpuint (n_events (loaded), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/network-import/gexf", test_gexf);
  g_test_add_func ("/network-import/graphml", test_graphml);
  g_test_add_func ("/network-import/yed", test_yed);
  g_test_add_func ("/network-import/gephi-graphml", test_gephi_graphml);
  g_test_add_func ("/network-import/problems", test_problems);
  g_test_add_func ("/network-import/entities", test_entities);
  g_test_add_func ("/network-import/into", test_into);
  g_test_add_func ("/network-import/round-trip-gexf", test_round_trip_gexf);
  g_test_add_func ("/network-import/round-trip-graphml", test_round_trip_graphml);
  g_test_add_func ("/network-import/round-trip-gexf-events", test_round_trip_gexf_events);
  g_test_add_func ("/network-import/export-again", test_export_again);
  g_test_add_func ("/network-import/too-large", test_too_large);
  g_test_add_func ("/network-import/weight-cap", test_weight_cap);
  g_test_add_func ("/network-import/long-names", test_long_names);
  g_test_add_func ("/network-import/event-edges", test_event_edges);

  return g_test_run ();
}
