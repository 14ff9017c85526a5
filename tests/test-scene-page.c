/* test-scene-page.c: what a diagram puts on its page: a legend that
 * explains every encoding it uses and no other, names whole when there
 * is room, and a force drawing that fills the page
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <glib.h>

#include "ties-document.h"
#include "ties-export.h"
#include "ties-graph.h"
#include "ties-layout.h"
#include "ties-layout-job.h"
#include "ties-measures.h"
#include "ties-network.h"
#include "ties-renderer.h"
#include "ties-svg-writer.h"
#include "test-util.h"

#define WIDTH 800
#define HEIGHT 600

/* Two people at one meeting: no arrow, one width, one shape, one size,
 * no affiliation. */
static const char plain_json[] =
  "{\"format\": \"ties\", \"version\": 1, \"title\": \"Plain\","
  " \"actors\": ["
  "  {\"id\": \"a\", \"name\": \"Ana\", \"kind\": \"person\"},"
  "  {\"id\": \"b\", \"name\": \"Bo\", \"kind\": \"person\"}],"
  " \"events\": ["
  "  {\"id\": \"e1\", \"title\": \"Hui\", \"kind\": \"meeting\", \"date\": \"2021-03-01\","
  "   \"participants\": [\"a\", \"b\"]}]}";

static GHashTable *
legend_texts (TiesScene *scene)
{
  GHashTable *texts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < ties_scene_get_n_legend_entries (scene); i++)
    g_hash_table_add (texts, (gpointer) ties_scene_get_legend_text (scene, i));

  return texts;
}

static TiesScene *
make_scene (TiesDocument   *document,
            TiesNetwork    *network,
            TiesGraph      *graph,
            gboolean        fill)
{
  TiesRenderOptions options;

  ties_render_options_init (&options);
  options.mark_weak_ties = TRUE;
  options.page_width = WIDTH;
  options.page_height = HEIGHT;
  options.fill_page = fill;

  return ties_export_prepare_scene_for_graph (network, graph, &options);
}

/* Every encoding the sample's drawing uses has its entry. */
static void
test_legend_complete (void)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  g_autoptr(TiesGraph) graph = test_layout_network (network, TIES_LAYOUT_FORCE);
  g_autoptr(TiesScene) scene = make_scene (document, network, graph, TRUE);
  g_autoptr(GHashTable) texts = legend_texts (scene);
  const char *expected[] = {
    "Ties", "Meeting, Summit", "Phone call", "Email, Incident", "Agreement",
    "Reported by one source", "Width: number of events", "Arrow: who reached out",
    "Actors", "Person", "Organisation", "Group", "Size: number of events",
    "Affiliations", "New Zealand Government", "Twitter", "YouTube",
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (!g_hash_table_contains (texts, expected[i]))
      g_error ("the legend has no “%s”", expected[i]);
  /* Every tie of the sample has evidence. */
  g_assert_false (g_hash_table_contains (texts, "No evidence"));
}

/* Nothing the drawing does not use: no arrow, width, shape, size or
 * affiliation entry for two people at one meeting. */
static void
test_legend_only_what_is_drawn (void)
{
  g_autoptr(TiesDocument) document = test_load_json_or_sample (plain_json);
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  g_autoptr(TiesGraph) graph = test_layout_network (network, TIES_LAYOUT_FORCE);
  g_autoptr(TiesScene) scene = make_scene (document, network, graph, TRUE);
  g_autoptr(GHashTable) texts = legend_texts (scene);

  g_assert_true (g_hash_table_contains (texts, "Ties"));
  g_assert_true (g_hash_table_contains (texts, "Meeting"));
  /* The meeting has no evidence, and weak ties are marked. */
  g_assert_true (g_hash_table_contains (texts, "No evidence"));
  g_assert_cmpuint (g_hash_table_size (texts), ==, 3);
}

/* "Department of Long Names Number 12" on a grid 100 units apart: no
 * room on one line, room on two or three. */
static void
test_labels_broken_not_shortened (void)
{
  GString *json = g_string_new ("{\"format\": \"ties\", \"version\": 1, \"actors\": [");
  g_autoptr(TiesDocument) document = NULL;
  g_autoptr(TiesNetwork) network = NULL;
  g_autoptr(TiesGraph) graph = NULL;
  g_autoptr(TiesScene) scene = NULL;
  g_autoptr(GBytes) svg = NULL;
  const char *data;
  guint n_broken = 0;

  for (guint i = 0; i < 36; i++)
    g_string_append_printf (json, "%s{\"id\": \"a%u\", \"name\": \"Department of Long Names Number %u\", \"kind\": \"person\"}",
                            i > 0 ? ", " : "", i, i);
  g_string_append (json, "], \"events\": []}");
  document = test_load_json_or_sample (json->str);
  g_string_free (json, TRUE);
  network = ties_network_new (document);
  graph = test_layout_network (network, TIES_LAYOUT_FORCE);
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      ties_graph_node (graph, i)->x = 100.0 * (i % 6);
      ties_graph_node (graph, i)->y = 100.0 * (i / 6);
    }
  scene = make_scene (document, network, graph, FALSE);

  g_assert_cmpuint (ties_scene_get_n_labels (scene), ==, 36);
  svg = ties_svg_writer_write_scene (scene, WIDTH, HEIGHT);
  data = g_bytes_get_data (svg, NULL);
  g_assert_null (strstr (data, "…"));

  /* A broken name is one <text>, a <tspan> a line, the words whole. */
  for (const char *p = data; (p = strstr (p, "<text><tspan")) != NULL; p++)
    {
      const char *end = strstr (p, "</text>");
      g_autofree char *element = g_strndup (p, end - p);
      g_autoptr(GRegex) tags = g_regex_new ("<[^>]*>", 0, 0, NULL);
      g_autofree char *words = g_regex_replace_literal (tags, element, -1, 0, "", 0, NULL);

      g_assert_true (g_str_has_prefix (words, "Department of Long Names Number "));
      n_broken++;
    }
  g_test_message ("%u of 36 names broken over lines", n_broken);
  g_assert_cmpuint (n_broken, >, 0);
}

/* On an 800 × 600 page the sample's names all fit whole. */
static void
test_sample_names_whole (void)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);

  for (TiesLayoutKind kind = TIES_LAYOUT_FORCE; kind <= TIES_LAYOUT_CIRCLE; kind++)
    {
      g_autoptr(TiesGraph) graph = NULL;
      g_autoptr(TiesScene) scene = NULL;
      g_autoptr(GBytes) svg = NULL;
      TiesLayoutRequest request;

      /* Laid out as an export lays out: with room for labels. */
      ties_layout_request_init (&request);
      request.layout = ties_layout_kind_to_string (kind);
      graph = ties_layout_run_request (network, &request);

      ties_document_set_layout (document, ties_layout_kind_to_string (kind));
      scene = make_scene (document, network, graph, TRUE);
      svg = ties_svg_writer_write_scene (scene, WIDTH, HEIGHT);
      if (g_getenv ("TIES_TEST_KEEP") != NULL)
        g_file_set_contents ("/tmp/scene-page.svg", g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), NULL);
      if (strstr (g_bytes_get_data (svg, NULL), "…") != NULL)
        g_error ("a name is shortened in the %s layout", ties_layout_kind_to_string (kind));
      g_test_message ("%s: %u of %u names", ties_layout_kind_to_string (kind), ties_scene_get_n_labels (scene), graph->nodes->len);
      g_assert_cmpuint (ties_scene_get_n_labels (scene), ==, graph->nodes->len);
    }
}

/* The share of the page's width and height the nodes' centres span. */
static void
page_span (TiesScene *scene,
           double    *span_x,
           double    *span_y)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  for (guint i = 0; i < ties_scene_get_n_nodes (scene); i++)
    {
      double x, y;

      ties_scene_get_node (scene, i, &x, &y, NULL);
      ties_scene_map_point (scene, WIDTH, HEIGHT, x, y, &x, &y);
      x0 = MIN (x0, x);
      y0 = MIN (y0, y);
      x1 = MAX (x1, x);
      y1 = MAX (y1, y);
    }
  *span_x = (x1 - x0) / WIDTH;
  *span_y = (y1 - y0) / HEIGHT;
}

/* A force drawing much wider than the page is high is stretched to
 * fill it; the places keep their order along each axis. */
static void
test_force_fills_page (void)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  g_autoptr(TiesGraph) graph = test_layout_network (network, TIES_LAYOUT_FORCE);
  g_autoptr(TiesScene) as_laid = NULL;
  g_autoptr(TiesScene) filled = NULL;
  double laid_x, laid_y, filled_x, filled_y;

  /* A wide drawing: the case the page-filling is for. */
  for (guint i = 0; i < graph->nodes->len; i++)
    ties_graph_node (graph, i)->y *= 0.6;

  ties_document_set_layout (document, "force");
  as_laid = make_scene (document, network, graph, FALSE);
  filled = make_scene (document, network, graph, TRUE);
  page_span (as_laid, &laid_x, &laid_y);
  page_span (filled, &filled_x, &filled_y);
  g_test_message ("nodes span %.2f × %.2f of the page as laid out, %.2f × %.2f filled",
                  laid_x, laid_y, filled_x, filled_y);

  g_assert_cmpfloat (laid_y, <, 0.3);
  g_assert_cmpfloat (filled_y, >, laid_y * 1.5);
  /* The legend may move beside the taller drawing: a little narrower,
   * much larger. */
  g_assert_cmpfloat (filled_x, >, laid_x * 0.8);
  g_assert_cmpfloat (filled_x * filled_y, >, laid_x * laid_y * 1.5);

  for (guint i = 0; i < graph->nodes->len; i++)
    for (guint j = 0; j < graph->nodes->len; j++)
      {
        double ax, ay, bx, by;

        ties_scene_get_node (filled, i, &ax, &ay, NULL);
        ties_scene_get_node (filled, j, &bx, &by, NULL);
        g_assert_true ((ax < bx) == (ties_graph_node (graph, i)->x < ties_graph_node (graph, j)->x));
        g_assert_true ((ay < by) == (ties_graph_node (graph, i)->y < ties_graph_node (graph, j)->y));
      }
}

/* Rings and a circle mean something: their places are never stretched,
 * only spread evenly (the same factor on both axes) to give names room. */
static void
test_radial_not_stretched (void)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);

  for (TiesLayoutKind kind = TIES_LAYOUT_RADIAL; kind <= TIES_LAYOUT_CIRCLE; kind++)
    {
      g_autoptr(TiesGraph) graph = test_layout_network (network, kind);
      g_autoptr(TiesScene) scene = NULL;
      double x0, y0, factor = 0;

      ties_document_set_layout (document, ties_layout_kind_to_string (kind));
      scene = make_scene (document, network, graph, TRUE);
      ties_scene_get_node (scene, 0, &x0, &y0, NULL);
      for (guint i = 1; i < graph->nodes->len; i++)
        {
          TiesGraphNode *first = ties_graph_node (graph, 0);
          TiesGraphNode *node = ties_graph_node (graph, i);
          double x, y, dx = node->x - first->x, dy = node->y - first->y;

          ties_scene_get_node (scene, i, &x, &y, NULL);
          if (factor == 0)
            factor = hypot (x - x0, y - y0) / hypot (dx, dy);
          g_assert_cmpfloat (factor, >=, 1.0);
          g_assert_cmpfloat_with_epsilon (x - x0, dx * factor, 1e-6 * (1 + fabs (dx)));
          g_assert_cmpfloat_with_epsilon (y - y0, dy * factor, 1e-6 * (1 + fabs (dy)));
        }
      g_test_message ("%s spread by %.3f", ties_layout_kind_to_string (kind), factor);
    }
}

/* Ana and Bo met twice and phoned once; Ana and Cy met and held a
 * summit (both solid). */
static const char strands_json[] =
  "{\"format\": \"ties\", \"version\": 1, \"title\": \"Strands\","
  " \"actors\": ["
  "  {\"id\": \"a\", \"name\": \"Ana\", \"kind\": \"person\", \"position\": {\"x\": 0, \"y\": 0}},"
  "  {\"id\": \"b\", \"name\": \"Bo\", \"kind\": \"person\", \"position\": {\"x\": 300, \"y\": 0}},"
  "  {\"id\": \"c\", \"name\": \"Cy\", \"kind\": \"person\", \"position\": {\"x\": 0, \"y\": 200}}],"
  " \"events\": ["
  "  {\"id\": \"m1\", \"title\": \"M1\", \"kind\": \"meeting\", \"participants\": [\"a\", \"b\"]},"
  "  {\"id\": \"m2\", \"title\": \"M2\", \"kind\": \"meeting\", \"participants\": [\"a\", \"b\"]},"
  "  {\"id\": \"p1\", \"title\": \"P1\", \"kind\": \"phone-call\", \"participants\": [\"a\", \"b\"],"
  "   \"initiator\": \"b\"},"
  "  {\"id\": \"m3\", \"title\": \"M3\", \"kind\": \"meeting\", \"participants\": [\"a\", \"c\"]},"
  "  {\"id\": \"s1\", \"title\": \"S1\", \"kind\": \"summit\", \"participants\": [\"a\", \"c\"]}]}";

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = haystack; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;

  return n;
}

/* The <g> of the tie whose id starts with @id, up to its end. */
static char *
tie_group (const char *svg,
           const char *id)
{
  g_autofree char *start = g_strdup_printf ("<g id=\"%s\"", id);
  const char *p = strstr (svg, start);
  const char *end;

  g_assert_nonnull (p);
  end = strstr (p, "</g>");
  g_assert_nonnull (end);

  return g_strndup (p, end - p);
}

static double
fetch_number (GMatchInfo *match)
{
  g_autofree char *text = g_match_info_fetch (match, 1);

  return g_ascii_strtod (text, NULL);
}

/* A tie of two line styles is two strokes side by side, the wider for
 * the kind with more events; one of two kinds sharing a style is one. */
static void
test_strands (void)
{
  g_autoptr(TiesDocument) document = test_load_json_or_sample (strands_json);
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  g_autoptr(TiesGraph) graph = test_layout_network (network, TIES_LAYOUT_FORCE);
  g_autoptr(TiesScene) scene = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GHashTable) texts = NULL;
  g_autofree char *ab = NULL;
  g_autofree char *ac = NULL;
  g_autoptr(GRegex) widths = g_regex_new ("stroke-width=\"([0-9.]+)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  TiesRenderOptions options;
  double first, second;

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      TiesGraphNode *node = ties_graph_node (graph, i);

      node->x = g_str_equal (node->id, "b") ? 300 : 0;
      node->y = g_str_equal (node->id, "c") ? 200 : 0;
    }
  /* Weak ties unmarked: no evidence would dot every strand. */
  ties_render_options_init (&options);
  scene = ties_scene_new (document, network, graph, &options);
  svg = ties_svg_writer_write_scene (scene, WIDTH, HEIGHT);
  ab = tie_group (g_bytes_get_data (svg, NULL), "tie-a-b");
  ac = tie_group (g_bytes_get_data (svg, NULL), "tie-a-c");

  g_assert_cmpuint (count (ab, "class=\"strand\""), ==, 2);
  g_assert_cmpuint (count (ab, "stroke-dasharray"), ==, 1);
  /* Counts in the title; Bo reached out, so one arrowhead, at Ana. */
  g_assert_nonnull (strstr (ab, "Meeting: 2"));
  g_assert_nonnull (strstr (ab, "Phone call: 1"));
  g_assert_cmpuint (count (ab, "class=\"arrow\""), ==, 1);
  /* Two meetings make the wider strand, and it comes first. */
  g_assert_true (g_regex_match (widths, ab, 0, &match));
  first = fetch_number (match);
  g_assert_true (g_match_info_next (match, NULL));
  second = fetch_number (match);
  g_assert_cmpfloat (first, >, second);

  g_assert_cmpuint (count (ac, "class=\"strand\""), ==, 0);
  g_assert_cmpuint (count (ac, "<path fill=\"none\""), ==, 1);

  /* On a page so small that the strands would merge: one stroke. */
  g_clear_pointer (&ab, g_free);
  g_bytes_unref (svg);
  svg = ties_svg_writer_write_scene (scene, 60, 45);
  ab = tie_group (g_bytes_get_data (svg, NULL), "tie-a-b");
  g_assert_cmpuint (count (ab, "class=\"strand\""), ==, 0);
  g_assert_cmpuint (count (ab, "<path fill=\"none\""), ==, 1);

  texts = legend_texts (scene);
  g_assert_true (g_hash_table_contains (texts, "Parallel lines: several kinds"));
}

/* Two triangles joined by one tie, and one actor alone: Louvain finds
 * the triangles; by community, each triangle has its colour, the actor
 * alone is grey, own colours give way, and the legend names the
 * communities as the Actors view numbers them. The document's
 * view.colors makes a file coloured so without being asked. */
static const char communities_json[] =
  "{\"format\": \"ties\", \"version\": 1, \"title\": \"Two triangles\","
  " \"actors\": ["
  "  {\"id\": \"a\", \"name\": \"Ana\", \"kind\": \"person\", \"color\": \"#ff0000\"},"
  "  {\"id\": \"b\", \"name\": \"Bo\", \"kind\": \"person\"},"
  "  {\"id\": \"c\", \"name\": \"Cy\", \"kind\": \"person\"},"
  "  {\"id\": \"d\", \"name\": \"Di\", \"kind\": \"person\"},"
  "  {\"id\": \"e\", \"name\": \"Ed\", \"kind\": \"person\"},"
  "  {\"id\": \"f\", \"name\": \"Fa\", \"kind\": \"person\"},"
  "  {\"id\": \"g\", \"name\": \"Gus\", \"kind\": \"person\"}],"
  " \"events\": ["
  "  {\"id\": \"ab\", \"title\": \"AB\", \"kind\": \"meeting\", \"participants\": [\"a\", \"b\"]},"
  "  {\"id\": \"bc\", \"title\": \"BC\", \"kind\": \"meeting\", \"participants\": [\"b\", \"c\"]},"
  "  {\"id\": \"ca\", \"title\": \"CA\", \"kind\": \"meeting\", \"participants\": [\"c\", \"a\"]},"
  "  {\"id\": \"de\", \"title\": \"DE\", \"kind\": \"meeting\", \"participants\": [\"d\", \"e\"]},"
  "  {\"id\": \"ef\", \"title\": \"EF\", \"kind\": \"meeting\", \"participants\": [\"e\", \"f\"]},"
  "  {\"id\": \"fd\", \"title\": \"FD\", \"kind\": \"meeting\", \"participants\": [\"f\", \"d\"]},"
  "  {\"id\": \"cd\", \"title\": \"CD\", \"kind\": \"meeting\", \"participants\": [\"c\", \"d\"]}],"
  " \"view\": {\"layout\": \"circle\", \"colors\": \"community\", \"focus\": null,"
  "   \"filter\": {\"from\": null, \"to\": null, \"kinds\": []}}}";

static guint32
node_color (TiesScene  *scene,
            TiesGraph  *graph,
            const char *id)
{
  guint index = ties_graph_lookup (graph, id);

  g_assert_cmpuint (index, !=, G_MAXUINT);
  return ties_scene_get_node_color (scene, index);
}

static void
test_colors_by_community (void)
{
  g_autoptr(TiesDocument) document = test_load_json_or_sample (communities_json);
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  g_autoptr(TiesGraph) graph = test_layout_network (network, TIES_LAYOUT_CIRCLE);
  g_autoptr(TiesMeasures) measures = ties_measures_compute (network);
  g_autoptr(GHashTable) communities = ties_export_dup_communities (measures, document);
  g_autoptr(TiesScene) scene = NULL;
  g_autoptr(TiesScene) by_affiliation = NULL;
  g_autoptr(TiesScene) from_view = NULL;
  g_autoptr(GHashTable) texts = NULL;
  TiesActorMeasures a, d;
  TiesRenderOptions options;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_cmpstr (ties_document_get_colors (document), ==, "community");
  g_assert_true (ties_measures_lookup (measures, "a", &a));
  g_assert_true (ties_measures_lookup (measures, "d", &d));
  g_assert_cmpuint (a.community, !=, d.community);
  g_assert_cmpuint (g_hash_table_size (communities), ==, 7);

  ties_render_options_init (&options);
  options.legend = TRUE;
  options.communities = communities;
  scene = ties_scene_new (document, network, graph, &options);

  g_assert_cmphex (node_color (scene, graph, "a"), ==, node_color (scene, graph, "b"));
  g_assert_cmphex (node_color (scene, graph, "b"), ==, node_color (scene, graph, "c"));
  g_assert_cmphex (node_color (scene, graph, "d"), ==, node_color (scene, graph, "f"));
  g_assert_cmphex (node_color (scene, graph, "a"), !=, node_color (scene, graph, "d"));
  /* Ana's own red gives way to her community's colour. */
  g_assert_cmphex (node_color (scene, graph, "a"), !=, 0xff0000);
  /* Gus, alone, is grey; and neither triangle is. */
  g_assert_cmphex (node_color (scene, graph, "g"), ==, 0xbbbbbb);
  g_assert_cmphex (node_color (scene, graph, "a"), !=, 0xbbbbbb);

  texts = legend_texts (scene);
  first = g_strdup_printf ("Community %u", a.community + 1);
  second = g_strdup_printf ("Community %u", d.community + 1);
  g_assert_true (g_hash_table_contains (texts, "Communities"));
  g_assert_false (g_hash_table_contains (texts, "Affiliations"));
  g_assert_true (g_hash_table_contains (texts, first));
  g_assert_true (g_hash_table_contains (texts, second));
  g_assert_true (g_hash_table_contains (texts, "In a community of one"));

  /* Without communities, Ana keeps her own colour. */
  options.communities = NULL;
  by_affiliation = ties_scene_new (document, network, graph, &options);
  g_assert_cmphex (node_color (by_affiliation, graph, "a"), ==, 0xff0000);

  /* A file follows the document's choice. */
  from_view = ties_export_prepare_scene_for_graph (network, graph, &options);
  g_assert_cmphex (node_color (from_view, graph, "a"), ==, node_color (scene, graph, "a"));
  g_assert_cmphex (node_color (from_view, graph, "d"), ==, node_color (scene, graph, "d"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scene-page/legend/complete", test_legend_complete);
  g_test_add_func ("/scene-page/legend/only-what-is-drawn", test_legend_only_what_is_drawn);
  g_test_add_func ("/scene-page/labels/broken-not-shortened", test_labels_broken_not_shortened);
  g_test_add_func ("/scene-page/labels/sample-whole", test_sample_names_whole);
  g_test_add_func ("/scene-page/ties/strands", test_strands);
  g_test_add_func ("/scene-page/fill/force", test_force_fills_page);
  g_test_add_func ("/scene-page/fill/not-radial", test_radial_not_stretched);
  g_test_add_func ("/scene-page/colors/by-community", test_colors_by_community);

  return g_test_run ();
}
