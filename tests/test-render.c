/* test-render.c: the diagram drawn, placed and exported
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <cairo.h>

#include "ties-document.h"
#include "ties-document-io.h"
#include "ties-export.h"
#include "ties-graph.h"
#include "ties-layout.h"
#include "ties-network.h"
#include "ties-renderer.h"
#include "test-util.h"


static const char * const sample_people[] = {
  "ardern", "dorsey", "zuckerberg", "bezos", "pichai", "cook", "smith", "wojcicki", NULL,
};

static const char scripts_json[] =
  "{\"format\": \"ties\", \"version\": 1, \"title\": \"Scripts\","
  " \"actors\": ["
  "  {\"id\": \"hone\", \"name\": \"Hōne Māori\", \"kind\": \"person\"},"
  "  {\"id\": \"wang\", \"name\": \"王小明\", \"kind\": \"person\"},"
  "  {\"id\": \"ana\", \"name\": \"Ana 🙂\", \"kind\": \"person\"},"
  "  {\"id\": \"layla\", \"name\": \"ليلى\", \"kind\": \"organisation\"}],"
  " \"sources\": [{\"id\": \"s\", \"title\": \"T\", \"publisher\": \"Te Ao\", \"published\": \"2021-03-01\"}],"
  " \"events\": ["
  "  {\"id\": \"e1\", \"title\": \"Hui\", \"kind\": \"meeting\", \"date\": \"2021-03-01\","
  "   \"participants\": [\"hone\", \"wang\", \"ana\", \"layla\"], \"initiator\": \"hone\"},"
  "  {\"id\": \"e2\", \"title\": \"Call\", \"kind\": \"phone-call\", \"date\": \"2021-03-02\","
  "   \"participants\": [\"wang\", \"ana\"]}]}";

typedef struct
{
  TiesDocument *document;
  TiesNetwork *network;
  TiesGraph *graph;
} Fixture;

static void
fixture_load (Fixture    *fixture,
              const char *json)
{
  fixture->document = test_load_json_or_sample (json);
  fixture->network = ties_network_new (fixture->document);
  fixture->graph = test_layout_network (fixture->network, TIES_LAYOUT_FORCE);
}

static void
fixture_clear (Fixture *fixture)
{
  g_clear_pointer (&fixture->graph, ties_graph_free);
  g_clear_object (&fixture->network);
  g_clear_object (&fixture->document);
}

static gboolean with_initials = TRUE;

static TiesScene *
fixture_scene (Fixture   *fixture,
               TiesStyle  style,
               gboolean   solid)
{
  TiesRenderOptions options;

  ties_render_options_init (&options);
  options.initials = with_initials;
  options.style = style;
  options.solid_background = solid;
  options.title = ties_document_get_title (fixture->document);

  return ties_scene_new (fixture->document, fixture->network, fixture->graph, &options);
}

/* Three ties in rows, pinned: a–b on two sources, c–d on no evidence,
 * e–f on two items of one source. */
static const char weak_ties_json[] =
  "{\"format\": \"ties\", \"version\": 1, \"title\": \"Corroboration\","
  " \"actors\": ["
  "  {\"id\": \"a\", \"name\": \"Ana\", \"kind\": \"person\", \"position\": {\"x\": 0, \"y\": 0, \"pinned\": true}},"
  "  {\"id\": \"b\", \"name\": \"Bo\", \"kind\": \"person\", \"position\": {\"x\": 300, \"y\": 0, \"pinned\": true}},"
  "  {\"id\": \"c\", \"name\": \"Cy\", \"kind\": \"person\", \"position\": {\"x\": 0, \"y\": 100, \"pinned\": true}},"
  "  {\"id\": \"d\", \"name\": \"Di\", \"kind\": \"person\", \"position\": {\"x\": 300, \"y\": 100, \"pinned\": true}},"
  "  {\"id\": \"e\", \"name\": \"Ed\", \"kind\": \"person\", \"position\": {\"x\": 0, \"y\": 200, \"pinned\": true}},"
  "  {\"id\": \"f\", \"name\": \"Fi\", \"kind\": \"person\", \"position\": {\"x\": 300, \"y\": 200, \"pinned\": true}}],"
  " \"sources\": ["
  "  {\"id\": \"s1\", \"title\": \"One\", \"text\": \"Ana met Bo. Ed phoned Fi.\"},"
  "  {\"id\": \"s2\", \"title\": \"Two\", \"text\": \"Bo and Ana met again.\"}],"
  " \"events\": ["
  "  {\"id\": \"ab\", \"title\": \"AB\", \"kind\": \"meeting\", \"participants\": [\"a\", \"b\"], \"evidence\": ["
  "    {\"source\": \"s1\", \"selector\": {\"exact\": \"Ana met Bo\", \"start\": 0, \"end\": 10}},"
  "    {\"source\": \"s2\", \"selector\": {\"exact\": \"Bo and Ana met\", \"start\": 0, \"end\": 14}}]},"
  "  {\"id\": \"cd\", \"title\": \"CD\", \"kind\": \"meeting\", \"participants\": [\"c\", \"d\"]},"
  "  {\"id\": \"ef\", \"title\": \"EF\", \"kind\": \"meeting\", \"participants\": [\"e\", \"f\"], \"evidence\": ["
  "    {\"source\": \"s1\", \"selector\": {\"exact\": \"Ed phoned Fi\", \"start\": 12, \"end\": 24}},"
  "    {\"source\": \"s1\", \"selector\": {\"exact\": \"Ed\", \"start\": 12, \"end\": 14}}]}]}";

static char *
export (TiesScene        *scene,
        TiesExportFormat  format,
        int               width,
        int               height,
        double            scale,
        const char       *name)
{
  TiesExportOptions options;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (g_get_tmp_dir (), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  ties_export_options_init (&options, format);
  options.width = width;
  options.height = height;
  options.scale = scale;
  g_assert_true (ties_export_to_file (scene, &options, file, &error));
  g_assert_no_error (error);

  return path;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

/* 0xAARRGGBB, un-premultiplied. */
static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  guint32 value;
  guint a, r, g, b;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  cairo_surface_flush (surface);
  value = *(guint32 *) (cairo_image_surface_get_data (surface)
                        + y * cairo_image_surface_get_stride (surface) + x * 4);
  if (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_RGB24)
    return value | 0xff000000;

  a = value >> 24;
  if (a == 0)
    return 0;
  r = ((value >> 16) & 0xff) * 255 / a;
  g = ((value >> 8) & 0xff) * 255 / a;
  b = (value & 0xff) * 255 / a;

  return (a << 24) | (r << 16) | (g << 8) | b;
}

static gboolean
colors_close (guint32 a,
              guint32 b,
              int     tolerance)
{
  for (int shift = 0; shift < 24; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > tolerance)
      return FALSE;

  return TRUE;
}

static double
brightness (guint32 color)
{
  return (((color >> 16) & 0xff) + ((color >> 8) & 0xff) + (color & 0xff)) / 3.0;
}

/* Tests */

static void
check_labels (Fixture   *fixture,
              TiesScene *scene)
{
  guint n = ties_scene_get_n_labels (scene);

  for (guint i = 0; i < n; i++)
    {
      const char *text;
      guint node;
      double x, y, w, h;

      g_assert_true (ties_scene_get_label (scene, i, &text, &node, &x, &y, &w, &h));
      g_assert_nonnull (text);
      g_assert_cmpuint (node, <, fixture->graph->nodes->len);
      g_assert_cmpfloat (w, >, 0);
      g_assert_cmpfloat (h, >, 0);

      for (guint j = i + 1; j < n; j++)
        {
          double x2, y2, w2, h2;

          g_assert_true (ties_scene_get_label (scene, j, NULL, NULL, &x2, &y2, &w2, &h2));
          g_assert_true (x + w <= x2 + 1e-9 || x2 + w2 <= x + 1e-9
                         || y + h <= y2 + 1e-9 || y2 + h2 <= y + 1e-9);
        }

      for (guint k = 0; k < fixture->graph->nodes->len; k++)
        {
          TiesGraphNode *disc = ties_graph_node (fixture->graph, k);
          double dx = CLAMP (disc->x, x, x + w) - disc->x;
          double dy = CLAMP (disc->y, y, y + h) - disc->y;

          g_assert_cmpfloat (dx * dx + dy * dy, >=, disc->radius * disc->radius - 1e-6);
        }
    }

  g_assert_false (ties_scene_get_label (scene, n, NULL, NULL, NULL, NULL, NULL, NULL));
}

static void
test_labels_sample (void)
{
  Fixture fixture = { 0 };
  g_autoptr(TiesScene) scene = NULL;
  guint n;

  fixture_load (&fixture, NULL);
  scene = fixture_scene (&fixture, TIES_STYLE_LIGHT, TRUE);
  n = ties_scene_get_n_labels (scene);
  g_assert_cmpuint (n, >=, 8);
  check_labels (&fixture, scene);

  for (guint p = 0; sample_people[p] != NULL; p++)
    {
      guint node = ties_graph_lookup (fixture.graph, sample_people[p]);
      gboolean found = FALSE;

      g_assert_cmpuint (node, !=, G_MAXUINT);
      for (guint i = 0; i < n && !found; i++)
        {
          guint label_node;

          ties_scene_get_label (scene, i, NULL, &label_node, NULL, NULL, NULL, NULL);
          found = label_node == node;
        }
      if (!found)
        g_test_message ("no label for %s", sample_people[p]);
      g_assert_true (found);
    }

  fixture_clear (&fixture);
}

/* A crowd: many nodes close together still get no overlapping labels. */
static void
test_labels_crowded (void)
{
  Fixture fixture = { 0 };
  g_autoptr(TiesScene) scene = NULL;

  fixture_load (&fixture, NULL);
  for (guint i = 0; i < fixture.graph->nodes->len; i++)
    {
      TiesGraphNode *node = ties_graph_node (fixture.graph, i);

      node->x = (i % 5) * 40.0;
      node->y = (i / 5) * 40.0;
      node->radius = 12;
    }
  scene = fixture_scene (&fixture, TIES_STYLE_LIGHT, TRUE);
  check_labels (&fixture, scene);
  g_assert_cmpuint (ties_scene_get_n_labels (scene), >, 0);
  fixture_clear (&fixture);
}

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

/* PNG fields are big-endian and not aligned. */
static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gboolean
png_has_phys (GBytes *bytes,
              guint32 expected)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  gsize offset = 8;

  while (offset + 12 <= length)
    {
      guint32 chunk_length = read_be32 (data + offset);

      if (memcmp (data + offset + 4, "pHYs", 4) == 0)
        {
          guint32 x = read_be32 (data + offset + 8);
          guint32 y = read_be32 (data + offset + 12);

          /* Right after IHDR, with metres as the unit. */
          g_assert_cmpuint (offset, ==, 33);
          g_assert_cmpuint (chunk_length, ==, 9);
          g_assert_cmpuint (data[offset + 16], ==, 1);
          return x == expected && y == expected;
        }
      offset += 12 + chunk_length;
    }

  return FALSE;
}

static void
check_png (double scale)
{
  Fixture fixture = { 0 };
  g_autoptr(TiesScene) scene = NULL;
  g_autofree char *name = g_strdup_printf ("test-render-%g.png", scale);
  g_autofree char *path = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes_again = NULL;
  cairo_surface_t *surface;
  int width = 800, height = 600;

  fixture_load (&fixture, NULL);
  /* Initials may cover a node's centre, where its colour is sampled. */
  with_initials = FALSE;
  scene = fixture_scene (&fixture, TIES_STYLE_LIGHT, TRUE);
  with_initials = TRUE;
  path = export (scene, TIES_EXPORT_PNG, width, height, scale, name);

  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) (width * scale));
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) (height * scale));

  for (guint i = 0; i < fixture.graph->nodes->len; i++)
    {
      TiesGraphNode *node = ties_graph_node (fixture.graph, i);
      double x, y;
      guint32 color;

      ties_scene_map_point (scene, width, height, node->x, node->y, &x, &y);
      color = pixel_at (surface, (int) floor (x * scale), (int) floor (y * scale));
      if (!colors_close (color, ties_scene_get_node_color (scene, i), 6))
        g_test_message ("node %s: %06x, expected %06x", node->id, color & 0xffffff,
                        ties_scene_get_node_color (scene, i));
      g_assert_true (colors_close (color, ties_scene_get_node_color (scene, i), 6));
    }

  /* Corners are background: light. */
  g_assert_cmpfloat (brightness (pixel_at (surface, 0, 0)), >, 240);
  cairo_surface_destroy (surface);

  bytes = read_bytes (path);
  g_assert_true (png_has_phys (bytes, (guint32) lround (96 * scale / 0.0254)));

  again = export (scene, TIES_EXPORT_PNG, width, height, scale, "test-render-again.png");
  bytes_again = read_bytes (again);
  g_assert_true (g_bytes_equal (bytes, bytes_again));

  g_unlink (path);
  g_unlink (again);
  fixture_clear (&fixture);
}

static void
test_png_1x (void)
{
  check_png (1);
}

static void
test_png_2x (void)
{
  check_png (2);
}

static void
test_styles (void)
{
  Fixture fixture = { 0 };
  g_autoptr(TiesScene) dark = NULL;
  g_autoptr(TiesScene) clear = NULL;
  g_autofree char *dark_path = NULL;
  g_autofree char *clear_path = NULL;
  cairo_surface_t *surface;

  fixture_load (&fixture, NULL);
  dark = fixture_scene (&fixture, TIES_STYLE_DARK, TRUE);
  dark_path = export (dark, TIES_EXPORT_PNG, 400, 300, 1, "test-render-dark.png");
  surface = cairo_image_surface_create_from_png (dark_path);
  g_assert_cmpfloat (brightness (pixel_at (surface, 1, 1)), <, 60);
  g_assert_cmpuint (pixel_at (surface, 1, 1) >> 24, ==, 0xff);
  cairo_surface_destroy (surface);

  clear = fixture_scene (&fixture, TIES_STYLE_LIGHT, FALSE);
  clear_path = export (clear, TIES_EXPORT_PNG, 400, 300, 1, "test-render-clear.png");
  surface = cairo_image_surface_create_from_png (clear_path);
  g_assert_cmpint (cairo_image_surface_get_format (surface), ==, CAIRO_FORMAT_ARGB32);
  g_assert_cmpuint (pixel_at (surface, 1, 1) >> 24, ==, 0);
  cairo_surface_destroy (surface);

  g_unlink (dark_path);
  g_unlink (clear_path);
  fixture_clear (&fixture);
}

static void
test_highlight (void)
{
  Fixture fixture = { 0 };
  g_autoptr(TiesScene) scene = NULL;
  g_autoptr(GHashTable) actors = g_hash_table_new (g_str_hash, g_str_equal);
  TiesRenderOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint ardern, cook;
  double x, y;

  fixture_load (&fixture, NULL);
  g_hash_table_add (actors, (gpointer) "ardern");
  ties_render_options_init (&options);
  options.initials = FALSE;
  options.highlighted_actors = actors;
  scene = ties_scene_new (fixture.document, fixture.network, fixture.graph, &options);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 300);
  cr = cairo_create (surface);
  ties_scene_draw (scene, cr, 400, 300);
  cairo_destroy (cr);

  /* The highlighted node keeps its colour; another is faded to white. */
  ardern = ties_graph_lookup (fixture.graph, "ardern");
  cook = ties_graph_lookup (fixture.graph, "cook");
  ties_scene_map_point (scene, 400, 300, ties_graph_node (fixture.graph, ardern)->x,
                        ties_graph_node (fixture.graph, ardern)->y, &x, &y);
  g_assert_true (colors_close (pixel_at (surface, (int) x, (int) y),
                               ties_scene_get_node_color (scene, ardern), 6));
  ties_scene_map_point (scene, 400, 300, ties_graph_node (fixture.graph, cook)->x,
                        ties_graph_node (fixture.graph, cook)->y, &x, &y);
  g_assert_cmpfloat (brightness (pixel_at (surface, (int) x, (int) y)), >,
                     brightness (ties_scene_get_node_color (scene, cook)));

  cairo_surface_destroy (surface);
  fixture_clear (&fixture);
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static void
test_svg (void)
{
  Fixture fixture = { 0 };
  g_autoptr(TiesScene) scene = NULL;
  g_autofree char *path = NULL;
  g_autofree char *again = NULL;
  g_autofree char *png = g_build_filename (g_get_tmp_dir (), "test-render-svg.png", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes_again = NULL;
  g_autofree char *out = NULL;
  cairo_surface_t *surface;

  if (!have_program ("rsvg-convert"))
    {
      g_test_skip ("rsvg-convert is not installed");
      return;
    }

  fixture_load (&fixture, NULL);
  scene = fixture_scene (&fixture, TIES_STYLE_LIGHT, TRUE);
  path = export (scene, TIES_EXPORT_SVG, 800, 600, 1, "test-render.svg");
  again = export (scene, TIES_EXPORT_SVG, 800, 600, 1, "test-render-again.svg");
  bytes = read_bytes (path);
  bytes_again = read_bytes (again);
  g_assert_true (g_bytes_equal (bytes, bytes_again));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), 400, "width=\"800px\""));

  out = run ((const char * const[]) { "rsvg-convert", "-w", "640", "-h", "480", path, "-o", png, NULL });
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 480);
  cairo_surface_destroy (surface);

  g_unlink (path);
  g_unlink (again);
  g_unlink (png);
  fixture_clear (&fixture);
}

/* The same SVG from another process: cairo's ids must not depend on how
 * many surfaces the process made before. */
static void
test_svg_across_processes (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "test-render-process.svg", NULL);

  if (g_test_subprocess ())
    {
      Fixture fixture = { 0 };
      g_autoptr(TiesScene) scene = NULL;
      g_autofree char *written = NULL;

      fixture_load (&fixture, NULL);
      scene = fixture_scene (&fixture, TIES_STYLE_LIGHT, TRUE);
      written = export (scene, TIES_EXPORT_SVG, 800, 600, 1, "test-render-process.svg");
      fixture_clear (&fixture);
      return;
    }
  else
    {
      Fixture fixture = { 0 };
      g_autoptr(TiesScene) scene = NULL;
      g_autofree char *here = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GBytes) there = NULL;

      /* Make surfaces first, so this process's counters are ahead. */
      for (guint i = 0; i < 5; i++)
        cairo_surface_destroy (cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 2, 2));
      fixture_load (&fixture, NULL);
      scene = fixture_scene (&fixture, TIES_STYLE_LIGHT, TRUE);
      here = export (scene, TIES_EXPORT_SVG, 800, 600, 1, "test-render-here.svg");

      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();

      bytes = read_bytes (here);
      there = read_bytes (path);
      g_assert_true (g_bytes_equal (bytes, there));
      g_unlink (here);
      g_unlink (path);
      fixture_clear (&fixture);
    }
}

/* Colour emoji reach a PDF as pictures (cairo 1.16 draws colour glyphs
 * as images), so no PDF reader finds them as text: the rest of the name
 * must be there. */
static char *
text_of (const char *name)
{
  GString *text = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x1F000)
        g_string_append_unichar (text, c);
    }

  return g_strchomp (g_string_free (text, FALSE));
}

static void
check_pdf (const char *json,
           const char *path_name)
{
  Fixture fixture = { 0 };
  g_autoptr(TiesScene) scene = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  GListModel *actors;

  if (!have_program ("pdftotext") || !have_program ("pdfinfo"))
    {
      g_test_skip ("poppler-utils is not installed");
      return;
    }

  fixture_load (&fixture, json);
  scene = fixture_scene (&fixture, TIES_STYLE_LIGHT, TRUE);
  path = export (scene, TIES_EXPORT_PDF, 800, 600, 1, path_name);

  info = run ((const char * const[]) { "pdfinfo", path, NULL });
  g_assert_nonnull (strstr (info, "Pages:"));
  g_assert_nonnull (strstr (info, "Creator:"));
  g_assert_nonnull (strstr (info, "Creator:         Ties"));
  g_assert_null (strstr (info, "CreationDate"));
  text = run ((const char * const[]) { "pdftotext", "-enc", "UTF-8", path, "-", NULL });

  actors = G_LIST_MODEL (ties_document_get_actors (fixture.document));
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(TiesActor) actor = g_list_model_get_item (actors, i);
      guint node = ties_graph_lookup (fixture.graph, ties_actor_get_id (actor));
      gboolean labelled = FALSE;
      g_autofree char *expected = NULL;
      g_auto(GStrv) words = NULL;

      /* Only names whose label found a place are in the picture. */
      for (guint l = 0; l < ties_scene_get_n_labels (scene); l++)
        {
          guint label_node;

          ties_scene_get_label (scene, l, NULL, &label_node, NULL, NULL, NULL, NULL);
          labelled |= label_node == node;
        }
      if (json != NULL)
        g_assert_true (labelled);
      if (!labelled)
        continue;
      expected = text_of (ties_actor_get_name (actor));
      /* A name broken over two lines comes back a line at a time, with
       * other text between: each of its words must be there. */
      words = g_strsplit_set (expected, " ", -1);
      for (guint w = 0; words[w] != NULL; w++)
        {
          if (*words[w] != '\0' && strstr (text, words[w]) == NULL)
            g_test_message ("“%s” of “%s” is not in:\n%s", words[w], expected, text);
          g_assert_nonnull (strstr (text, words[w]));
        }
    }

  g_unlink (path);
  fixture_clear (&fixture);
}

static void
test_pdf_sample (void)
{
  check_pdf (NULL, "test-render.pdf");
}

static void
test_pdf_scripts (void)
{
  check_pdf (scripts_json, "test-render-scripts.pdf");
}

static void
test_export_failure (void)
{
  Fixture fixture = { 0 };
  g_autoptr(TiesScene) scene = NULL;
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-directory/diagram.png");
  g_autoptr(GError) error = NULL;
  TiesExportOptions options;
  TiesExportFormat format;

  g_assert_true (ties_export_format_from_string ("picture.SVG", &format));
  g_assert_cmpint (format, ==, TIES_EXPORT_SVG);
  g_assert_true (ties_export_format_from_string ("pdf", &format));
  g_assert_cmpint (format, ==, TIES_EXPORT_PDF);
  g_assert_false (ties_export_format_from_string ("gif", &format));

  fixture_load (&fixture, NULL);
  scene = fixture_scene (&fixture, TIES_STYLE_LIGHT, TRUE);
  ties_export_options_init (&options, TIES_EXPORT_PNG);
  g_assert_false (ties_export_to_file (scene, &options, file, &error));
  g_assert_nonnull (error);
  fixture_clear (&fixture);
}

/* Places no layout makes but a document or a bug can hold: the export
 * must still succeed in every format (issue 8: text scaled with a
 * drawing ±10⁷ wide went past what FreeType accepts). */

typedef enum {
  ABSURD_FAR_APART,    /* two actors at ±10³⁰⁰, the rest near the origin */
  ABSURD_ONE_POINT,    /* every actor on one point */
  ABSURD_ONE_FAR,      /* one actor at 10¹², the rest laid out */
  ABSURD_NOT_NUMBERS,  /* NaN and infinite places, a zero radius */
  N_ABSURD
} AbsurdCase;

static const char * const absurd_names[] = { "far-apart", "one-point", "one-far", "not-numbers" };

static void
place_absurdly (TiesGraph  *graph,
                AbsurdCase  which)
{
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      TiesGraphNode *node = ties_graph_node (graph, i);

      switch (which)
        {
        case ABSURD_FAR_APART:
          if (i < 2)
            node->x = node->y = i == 0 ? 1e300 : -1e300;
          break;
        case ABSURD_ONE_POINT:
          node->x = node->y = 42;
          break;
        case ABSURD_ONE_FAR:
          if (i == 0)
            node->x = node->y = 1e12;
          break;
        case ABSURD_NOT_NUMBERS:
          if (i == 0)
            node->x = NAN;
          else if (i == 1)
            node->y = -INFINITY;
          else if (i == 2)
            node->radius = 0;
          break;
        case N_ABSURD:
        default:
          g_assert_not_reached ();
        }
    }
}

/* Pixels that differ from the background, of a PNG export. */
static guint
count_ink (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);
  int width, height;
  guint32 background;
  guint ink = 0;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  background = pixel_at (surface, 0, 0);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (!colors_close (pixel_at (surface, x, y), background, 24))
        ink++;
  cairo_surface_destroy (surface);

  return ink;
}

static void
test_absurd_places (gconstpointer data)
{
  AbsurdCase which = GPOINTER_TO_UINT (data);
  Fixture fixture = { 0 };
  g_autoptr(TiesScene) scene = NULL;
  static const TiesExportFormat formats[] = { TIES_EXPORT_PNG, TIES_EXPORT_SVG, TIES_EXPORT_PDF };
  static const char * const extensions[] = { "png", "svg", "pdf" };
  cairo_surface_t *surface;
  cairo_t *cr;

  fixture_load (&fixture, NULL);
  place_absurdly (fixture.graph, which);
  scene = fixture_scene (&fixture, TIES_STYLE_LIGHT, TRUE);

  /* What the scene hands on is finite, and so is the fit. */
  for (guint i = 0; i < ties_scene_get_n_nodes (scene); i++)
    {
      double x, y, r, mx, my;

      ties_scene_get_node (scene, i, &x, &y, &r);
      g_assert_true (isfinite (x) && isfinite (y) && isfinite (r) && r > 0);
      ties_scene_map_point (scene, 800, 600, x, y, &mx, &my);
      g_assert_true (isfinite (mx) && isfinite (my));
    }

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *name = g_strdup_printf ("test-render-absurd-%s.%s", absurd_names[which], extensions[f]);
      g_autofree char *path = export (scene, formats[f], 800, 600, f == 0 ? 2.0 : 1.0, name);
      g_autoptr(GBytes) bytes = read_bytes (path);

      g_assert_cmpuint (g_bytes_get_size (bytes), >, 100);
      /* Never blank: the legend and title keep their size. */
      if (formats[f] == TIES_EXPORT_PNG)
        g_assert_cmpuint (count_ink (path), >, 1000);
      g_unlink (path);
    }

  /* Drawn on a context zoomed far in and far out (as the window's may
   * be), cairo is never handed what puts it in an error state. */
  for (double zoom = 1e-6; zoom <= 1e6; zoom *= 100)
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 150);
      cr = cairo_create (surface);
      cairo_scale (cr, zoom, zoom);
      ties_scene_draw (scene, cr, 200 / zoom, 150 / zoom);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  fixture_clear (&fixture);
}

/* cairo's errors come back as a GError, and nothing is written: a PNG
 * larger than cairo's image surfaces can be. */
static void
test_export_too_large (void)
{
  Fixture fixture = { 0 };
  g_autoptr(TiesScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "test-render-too-large.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TiesExportOptions options;

  g_unlink (path);
  fixture_load (&fixture, NULL);
  scene = fixture_scene (&fixture, TIES_STYLE_LIGHT, TRUE);
  ties_export_options_init (&options, TIES_EXPORT_PNG);
  options.width = 100000;
  options.height = 100000;
  g_assert_false (ties_export_to_file (scene, &options, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_test_message ("%s", error->message);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  fixture_clear (&fixture);
}

/* Zoomed in a hundred thousand times on a node and on the middle of a
 * tie (as the window may be): what is in view is still drawn, although
 * the rest lies millions of pixels away and is culled or clipped. */
static void
test_zoomed_in (void)
{
  Fixture fixture = { 0 };
  g_autoptr(TiesScene) scene = NULL;
  guint edge = G_MAXUINT;

  fixture_load (&fixture, NULL);
  scene = fixture_scene (&fixture, TIES_STYLE_LIGHT, TRUE);

  for (guint target = 0; target < 2; target++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 150);
      cairo_t *cr = cairo_create (surface);
      double x, y, r, px, py, zoom = 1e5;
      guint32 seen;

      if (target == 0)
        ties_scene_get_node (scene, 0, &x, &y, &r);
      else
        {
          /* A long tie, so that its middle is far from any node. */
          double best = 0;

          for (guint i = 0; i < ties_scene_get_n_edges (scene); i++)
            {
              guint a, b;
              double ax, ay, bx, by;

              ties_scene_get_edge (scene, i, &a, &b);
              ties_scene_get_node (scene, a, &ax, &ay, NULL);
              ties_scene_get_node (scene, b, &bx, &by, NULL);
              if (hypot (bx - ax, by - ay) > best)
                {
                  best = hypot (bx - ax, by - ay);
                  edge = i;
                  x = (ax + bx) / 2;
                  y = (ay + by) / 2;
                }
            }
          g_assert_cmpuint (edge, !=, G_MAXUINT);
        }

      ties_scene_map_point (scene, 200, 150, x, y, &px, &py);
      cairo_translate (cr, 100, 75);
      cairo_scale (cr, zoom, zoom);
      cairo_translate (cr, -px, -py);
      ties_scene_draw (scene, cr, 200, 150);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);

      seen = pixel_at (surface, 100, 75);
      if (target == 0)
        g_assert_true (colors_close (seen, 0xff000000 | ties_scene_get_node_color (scene, 0), 8));
      else
        /* The tie's grey, not the white background. */
        g_assert_cmpfloat (brightness (seen), <, 200);
      cairo_surface_destroy (surface);
    }

  fixture_clear (&fixture);
}

/* A scene as the window makes it: no title, no caption, the legend in
 * its popover. */
static TiesScene *
window_scene (Fixture *fixture)
{
  TiesRenderOptions options;

  ties_render_options_init (&options);
  options.caption = "";
  options.legend = FALSE;
  options.legend_apart = TRUE;

  return ties_scene_new (fixture->document, fixture->network, fixture->graph, &options);
}

/* Sets the text for the scale at which @scene fits @width × @height,
 * as the window does while its zoom settles; returns that scale. */
static double
settle_text_scale (Fixture   *fixture,
                   TiesScene *scene,
                   double     width,
                   double     height)
{
  double s = 1;

  for (guint pass = 0; pass < 3; pass++)
    {
      ties_scene_get_transform (scene, width, height, &s, NULL, NULL);
      ties_scene_set_text_scale (scene, fixture->document, fixture->graph, s);
    }
  ties_scene_get_transform (scene, width, height, &s, NULL, NULL);

  return s;
}

/* Issue 11, item 2, in a narrow window: fewer names, not a smaller
 * drawing. In 300 × 260 px the sample's names would shrink the actors
 * into a speck; the drawing keeps at least 60% of what the actors alone
 * could take, and the names left lie wholly inside the area. */
static void
test_narrow_area (void)
{
  Fixture fixture = { 0 };
  g_autoptr(TiesScene) scene = NULL;
  double width = 300, height = 260, m = MIN (width, height) * 0.03;
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  double before, after, actors_alone;
  guint n_before;

  fixture_load (&fixture, NULL);
  scene = window_scene (&fixture);

  before = settle_text_scale (&fixture, scene, width, height);
  n_before = ties_scene_get_n_labels (scene);
  for (guint i = 0; i < ties_scene_get_n_nodes (scene); i++)
    {
      double x, y, r;

      ties_scene_get_node (scene, i, &x, &y, &r);
      x0 = MIN (x0, x - r);
      y0 = MIN (y0, y - r);
      x1 = MAX (x1, x + r);
      y1 = MAX (y1, y + r);
    }
  actors_alone = MIN ((width - 2 * m) / (x1 - x0), (height - 2 * m) / (y1 - y0));
  g_test_message ("scale with every name %.4f, the actors alone %.4f", before, actors_alone);
  g_assert_cmpfloat (before, <, 0.6 * actors_alone);

  g_assert_true (ties_scene_keep_drawing_large (scene, fixture.document, fixture.graph, width, height));
  ties_scene_get_transform (scene, width, height, &after, NULL, NULL);
  g_assert_cmpfloat (after, >=, 0.6 * actors_alone * 0.999);
  g_assert_cmpuint (ties_scene_get_n_labels (scene), <, n_before);
  g_assert_cmpuint (ties_scene_get_n_labels (scene), >, 0);
  for (guint i = 0; i < ties_scene_get_n_labels (scene); i++)
    {
      double x, y, w, h, px0, py0, px1, py1;

      g_assert_true (ties_scene_get_label (scene, i, NULL, NULL, &x, &y, &w, &h));
      ties_scene_map_point (scene, width, height, x, y, &px0, &py0);
      ties_scene_map_point (scene, width, height, x + w, y + h, &px1, &py1);
      g_assert_cmpfloat (px0, >=, -0.5);
      g_assert_cmpfloat (py0, >=, -0.5);
      g_assert_cmpfloat (px1, <=, width + 0.5);
      g_assert_cmpfloat (py1, <=, height + 0.5);
    }

  /* Where the names fit, nothing is left out. */
  g_clear_pointer (&scene, ties_scene_free);
  scene = window_scene (&fixture);
  settle_text_scale (&fixture, scene, 1400, 900);
  n_before = ties_scene_get_n_labels (scene);
  g_assert_false (ties_scene_keep_drawing_large (scene, fixture.document, fixture.graph, 1400, 900));
  g_assert_cmpuint (ties_scene_get_n_labels (scene), ==, n_before);

  fixture_clear (&fixture);
}

/* The document of the issue: generate.py's 3,000 events, 600 actors and
 * 82 pins, exported as the command line does (the document's own view:
 * pins kept, the rest laid out around them). */
static void
test_generated_with_pins (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *doc_path = NULL;
  g_autofree char *png_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TiesDocument) document = NULL;
  g_autoptr(TiesNetwork) network = NULL;
  g_autoptr(TiesScene) scene = NULL;
  const char *python = "/usr/bin/python3";
  TiesRenderOptions options;
  int status = -1;
  double x0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE;
  guint n_pinned = 0;

  if (!g_file_test (python, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("needs /usr/bin/python3 to generate the document");
      return;
    }

  dir = g_dir_make_tmp ("test-render-XXXXXX", &error);
  g_assert_no_error (error);
  doc_path = g_build_filename (dir, "generated.ties.json", NULL);
  {
    const char *argv[] = { python, TOP_SRCDIR "/tests/bench/generate.py", "3000", doc_path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  file = g_file_new_for_path (doc_path);
  document = ties_document_load_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  network = ties_network_new (document);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_actors (document))); i++)
    {
      g_autoptr(TiesActor) actor = g_list_model_get_item (G_LIST_MODEL (ties_document_get_actors (document)), i);

      n_pinned += ties_actor_get_has_position (actor) && ties_actor_get_pinned (actor);
    }
  g_assert_cmpuint (n_pinned, ==, 82);

  ties_render_options_init (&options);
  scene = ties_export_prepare_scene (network, NULL, NULL, &options);
  g_assert_nonnull (scene);

  /* The drawing is of the document's own size: its pins lie within
   * ±500, and 600 actors need a few thousand units, never ±10⁷. */
  for (guint i = 0; i < ties_scene_get_n_nodes (scene); i++)
    {
      double x, y;

      ties_scene_get_node (scene, i, &x, &y, NULL);
      g_assert_true (isfinite (x) && isfinite (y));
      g_assert_cmpfloat (fabs (x), <, 20000);
      g_assert_cmpfloat (fabs (y), <, 20000);
      x0 = MIN (x0, x);
      x1 = MAX (x1, x);
    }
  g_assert_cmpfloat (x1 - x0, >, 500);
  /* Readable: many actors keep their name beside them. */
  g_assert_cmpuint (ties_scene_get_n_labels (scene), >, 100);

  png_path = export (scene, TIES_EXPORT_PNG, 1600, 1200, 1.0, "test-render-generated.png");
  /* Far from blank: nodes, ties and labels cover much of the picture. */
  g_assert_cmpuint (count_ink (png_path), >, 1600 * 1200 / 10);

  g_unlink (png_path);
  g_unlink (doc_path);
  g_rmdir (dir);
}

/* Corroboration */

typedef struct
{
  guint samples;
  guint gaps;          /* samples showing the background */
  guint32 darkest;
  /* Mean ink of a column, summed over the line's rows: the line's
   * weight, whichever pixel rows it happens to straddle. */
  double ink;
} LineInk;

/* The pixels along the middle of the tie between @a and @b, away from
 * the nodes and their labels. */
static LineInk
line_ink (cairo_surface_t *surface,
          TiesScene       *scene,
          Fixture         *fixture,
          const char      *a,
          const char      *b,
          int              width,
          int              height)
{
  TiesGraphNode *na = ties_graph_node (fixture->graph, ties_graph_lookup (fixture->graph, a));
  TiesGraphNode *nb = ties_graph_node (fixture->graph, ties_graph_lookup (fixture->graph, b));
  LineInk ink = { 0, 0, 0xffffffff, 0 };
  double ax, ay, bx, by;

  ties_scene_map_point (scene, width, height, na->x, na->y, &ax, &ay);
  ties_scene_map_point (scene, width, height, nb->x, nb->y, &bx, &by);
  /* Rows: the ties are horizontal, whole pixels apart. */
  g_assert_cmpfloat (fabs (ay - by), <, 0.01);

  /* Each column across the line's rows: the darkest of them, and a gap
   * when all show the background. */
  for (int x = (int) (ax + 0.3 * (bx - ax)); x <= (int) (ax + 0.7 * (bx - ax)); x++)
    {
      gboolean gap = TRUE;

      for (int y = (int) floor (ay) - 2; y <= (int) floor (ay) + 2; y++)
        {
          guint32 pixel = pixel_at (surface, x, y);

          gap &= (pixel & 0xffffff) == 0xffffff;
          ink.ink += 255 - brightness (pixel);
          if (brightness (pixel) < brightness (ink.darkest))
            ink.darkest = pixel;
        }
      ink.samples++;
      ink.gaps += gap;
    }
  ink.ink /= MAX (ink.samples, 1);

  return ink;
}

static cairo_surface_t *
draw_weak_ties_at (Fixture    *fixture,
                   gboolean    mark,
                   int         width,
                   int         height,
                   TiesScene **scene_out)
{
  TiesRenderOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;

  ties_render_options_init (&options);
  options.initials = FALSE;
  options.mark_weak_ties = mark;
  *scene_out = ties_scene_new (fixture->document, fixture->network, fixture->graph, &options);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  ties_scene_draw (*scene_out, cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  return surface;
}

static cairo_surface_t *
draw_weak_ties (Fixture    *fixture,
                gboolean    mark,
                TiesScene **scene_out)
{
  return draw_weak_ties_at (fixture, mark, 640, 400, scene_out);
}

static gboolean
legend_has (TiesScene  *scene,
            const char *text)
{
  for (guint i = 0; i < ties_scene_get_n_legend_entries (scene); i++)
    if (g_strcmp0 (ties_scene_get_legend_text (scene, i), text) == 0)
      return TRUE;

  return FALSE;
}

static void
test_weak_ties (void)
{
  Fixture fixture = { 0 };
  g_autoptr(TiesScene) marked = NULL;
  g_autoptr(TiesScene) plain = NULL;
  cairo_surface_t *on, *off;
  LineInk two, none, one;

  fixture_load (&fixture, weak_ties_json);
  on = draw_weak_ties (&fixture, TRUE, &marked);
  off = draw_weak_ties (&fixture, FALSE, &plain);

  /* Marked: two sources, a solid tie in the ties' grey. */
  two = line_ink (on, marked, &fixture, "a", "b", 640, 400);
  g_assert_cmpuint (two.samples, >, 40);
  g_assert_cmpuint (two.gaps, ==, 0);
  g_assert_true (brightness (two.darkest) < 160);

  /* No evidence: dotted (gaps between the dots), fainter, and warm
   * (more red than blue) where the ties' grey is cool. */
  none = line_ink (on, marked, &fixture, "c", "d", 640, 400);
  g_assert_cmpuint (none.gaps, >, none.samples / 4);
  g_assert_cmpfloat (none.ink, <, 0.6 * two.ink);
  g_assert_cmpfloat (brightness (none.darkest), >, brightness (two.darkest) + 20);
  g_assert_cmpuint ((none.darkest >> 16) & 0xff, >, (none.darkest & 0xff) + 8);
  g_assert_cmpuint ((two.darkest >> 16) & 0xff, <=, two.darkest & 0xff);

  /* One source (two items of it): thinner and lighter, in its kind's
   * line (a meeting's: solid), so that kinds stay told apart. */
  one = line_ink (on, marked, &fixture, "e", "f", 640, 400);
  g_assert_cmpuint (one.gaps, ==, 0);
  g_assert_cmpfloat (one.ink, <, 0.6 * two.ink);
  g_assert_cmpfloat (brightness (one.darkest), >, brightness (two.darkest) + 20);

  g_assert_true (legend_has (marked, "Reported by one source"));
  g_assert_true (legend_has (marked, "No evidence"));
  g_assert_true (legend_has (marked, "Meeting"));

  /* Off (the default): all three look alike, and the legend is as ever. */
  g_assert_false (legend_has (plain, "Reported by one source"));
  g_assert_false (legend_has (plain, "No evidence"));
  g_assert_cmpuint (ties_scene_get_n_legend_entries (plain) + 2, ==, ties_scene_get_n_legend_entries (marked));
  two = line_ink (off, plain, &fixture, "a", "b", 640, 400);
  none = line_ink (off, plain, &fixture, "c", "d", 640, 400);
  one = line_ink (off, plain, &fixture, "e", "f", 640, 400);
  g_assert_cmpuint (none.gaps + one.gaps, ==, 0);
  g_assert_cmpfloat (fabs (none.ink - two.ink), <, 0.05 * two.ink);
  g_assert_cmpfloat (fabs (one.ink - two.ink), <, 0.05 * two.ink);
  g_assert_cmpuint ((none.darkest >> 16) & 0xff, <=, none.darkest & 0xff);

  cairo_surface_destroy (on);
  cairo_surface_destroy (off);
  fixture_clear (&fixture);
}

/* Dots closer than two pixels apart cannot be drawn on the pixel grid:
 * the tie is drawn solid, as light as the dots would be on average. */
static void
test_fine_dashes (void)
{
  Fixture fixture = { 0 };
  g_autoptr(TiesScene) large = NULL;
  g_autoptr(TiesScene) small = NULL;
  cairo_surface_t *wide, *narrow;
  LineInk two, none, small_two, small_none;
  double scale, tx, ty;
  double large_share, small_share;

  fixture_load (&fixture, weak_ties_json);
  wide = draw_weak_ties (&fixture, TRUE, &large);
  narrow = draw_weak_ties_at (&fixture, TRUE, 160, 100, &small);

  /* At 640 × 400 the dots (4.9 units apart) are pixels apart; at
   * 160 × 100, under two. */
  ties_scene_get_transform (large, 640, 400, &scale, &tx, &ty);
  g_assert_cmpfloat (4.9 * scale, >, 4.0);
  ties_scene_get_transform (small, 160, 100, &scale, &tx, &ty);
  g_assert_cmpfloat (4.9 * scale, <, 2.0);

  two = line_ink (wide, large, &fixture, "a", "b", 640, 400);
  none = line_ink (wide, large, &fixture, "c", "d", 640, 400);
  g_assert_cmpuint (none.gaps, >, none.samples / 4);
  small_two = line_ink (narrow, small, &fixture, "a", "b", 160, 100);
  small_none = line_ink (narrow, small, &fixture, "c", "d", 160, 100);
  g_assert_cmpuint (small_none.samples, >, 15);
  g_assert_cmpuint (small_none.gaps, ==, 0);

  /* As dark against a solid tie as the dots are, near enough. */
  large_share = none.ink / two.ink;
  small_share = small_none.ink / small_two.ink;
  g_test_message ("dotted tie's ink over a solid one's: %.3f dotted, %.3f solid", large_share, small_share);
  g_assert_cmpfloat (small_share, >, 0.6 * large_share);
  g_assert_cmpfloat (small_share, <, 1.5 * large_share);

  cairo_surface_destroy (wide);
  cairo_surface_destroy (narrow);
  fixture_clear (&fixture);
}

/* The entries show only for ties that are drawn so. */
static void
test_weak_ties_legend_only_when_drawn (void)
{
  Fixture fixture = { 0 };
  g_autoptr(TiesScene) scene = NULL;
  g_autoptr(TiesScene) all = NULL;
  g_autofree char *corroborated = NULL;
  g_autofree char *head = NULL;
  TiesRenderOptions options;
  const char *cut;

  /* Only a–b, on two sources. */
  cut = strstr (weak_ties_json, ",  {\"id\": \"cd\"");
  g_assert_nonnull (cut);
  head = g_strndup (weak_ties_json, cut - weak_ties_json);
  corroborated = g_strconcat (head, "]}", NULL);
  fixture_load (&fixture, corroborated);
  ties_render_options_init (&options);
  options.mark_weak_ties = TRUE;
  scene = ties_scene_new (fixture.document, fixture.network, fixture.graph, &options);
  g_assert_true (legend_has (scene, "Meeting"));
  g_assert_false (legend_has (scene, "Reported by one source"));
  g_assert_false (legend_has (scene, "No evidence"));
  fixture_clear (&fixture);

  /* All three kinds of tie, but no legend: no entries at all. */
  fixture_load (&fixture, weak_ties_json);
  options.legend = FALSE;
  all = ties_scene_new (fixture.document, fixture.network, fixture.graph, &options);
  g_assert_cmpuint (ties_scene_get_n_legend_entries (all), ==, 0);
  fixture_clear (&fixture);
}

/* As of a day: the sample on a slide-sized page, filled as an export
 * fills it, so that anything the day changed in the fitting would move
 * the places. */
static TiesScene *
scene_as_of (Fixture    *fixture,
             const char *as_of_text,
             const char *recent_from_text)
{
  g_autoptr(TiesDate) as_of = as_of_text != NULL ? ties_date_parse (as_of_text, NULL, NULL) : NULL;
  g_autoptr(TiesDate) recent_from = recent_from_text != NULL ? ties_date_parse (recent_from_text, NULL, NULL) : NULL;
  TiesRenderOptions options;

  ties_render_options_init (&options);
  options.title = ties_document_get_title (fixture->document);
  options.page_width = 1280;
  options.page_height = 720;
  options.fill_page = TRUE;
  options.as_of = as_of;
  options.recent_from = recent_from;

  return ties_scene_new (fixture->document, fixture->network, fixture->graph, &options);
}

static gboolean
scene_draws_tie (TiesScene  *scene,
                 TiesGraph  *graph,
                 const char *actor_a,
                 const char *actor_b)
{
  guint a = ties_graph_lookup (graph, actor_a);
  guint b = ties_graph_lookup (graph, actor_b);

  for (guint i = 0; i < ties_scene_get_n_edges (scene); i++)
    {
      guint ea, eb;

      ties_scene_get_edge (scene, i, &ea, &eb);
      if ((ea == a && eb == b) || (ea == b && eb == a))
        return TRUE;
    }

  return FALSE;
}

static gboolean
scene_names (TiesScene *scene,
             guint      node)
{
  for (guint i = 0; i < ties_scene_get_n_labels (scene); i++)
    {
      guint labelled;

      ties_scene_get_label (scene, i, NULL, &labelled, NULL, NULL, NULL, NULL);
      if (labelled == node)
        return TRUE;
    }

  return FALSE;
}

/* Zuckerberg was called on 17 April 2019, Bezos on 2 May: on 30 April
 * the one is drawn, named, hit and in the legend, the other not. */
static void
test_as_of_ties (void)
{
  Fixture fixture = { 0 };
  g_autoptr(TiesScene) whole = NULL;
  g_autoptr(TiesScene) april = NULL;
  g_autoptr(TiesScene) before = NULL;
  guint bezos, zuckerberg;
  double x, y;

  fixture_load (&fixture, NULL);
  bezos = ties_graph_lookup (fixture.graph, "bezos");
  zuckerberg = ties_graph_lookup (fixture.graph, "zuckerberg");
  whole = scene_as_of (&fixture, NULL, NULL);
  april = scene_as_of (&fixture, "2019-04-30", NULL);

  g_assert_true (scene_draws_tie (whole, fixture.graph, "ardern", "bezos"));
  g_assert_true (scene_draws_tie (april, fixture.graph, "ardern", "zuckerberg"));
  g_assert_false (scene_draws_tie (april, fixture.graph, "ardern", "bezos"));
  g_assert_cmpuint (ties_scene_get_n_edges (april), <, ties_scene_get_n_edges (whole));

  g_assert_true (ties_scene_node_is_drawn (whole, bezos));
  g_assert_false (ties_scene_node_is_drawn (april, bezos));
  g_assert_true (ties_scene_node_is_drawn (april, zuckerberg));
  g_assert_true (scene_names (whole, bezos));
  g_assert_false (scene_names (april, bezos));
  g_assert_true (scene_names (april, zuckerberg));

  ties_scene_get_node (april, bezos, &x, &y, NULL);
  g_assert_cmpuint (ties_scene_hit_node (whole, x, y, 0), ==, bezos);
  g_assert_cmpuint (ties_scene_hit_node (april, x, y, 0), ==, G_MAXUINT);
  ties_scene_get_node (april, zuckerberg, &x, &y, NULL);
  g_assert_cmpuint (ties_scene_hit_node (april, x, y, 0), ==, zuckerberg);

  /* Amazon's people and organisation come in May. */
  g_assert_true (legend_has (whole, "Amazon"));
  g_assert_false (legend_has (april, "Amazon"));
  g_assert_true (legend_has (april, "Facebook"));

  /* Before the first event, nothing at all. */
  before = scene_as_of (&fixture, "2018-12", NULL);
  g_assert_cmpuint (ties_scene_get_n_edges (before), ==, 0);
  g_assert_cmpuint (ties_scene_get_n_labels (before), ==, 0);
  for (guint i = 0; i < ties_scene_get_n_nodes (before); i++)
    g_assert_false (ties_scene_node_is_drawn (before, i));

  fixture_clear (&fixture);
}

/* The places, and where the drawing lands on the page, are the same on
 * every day: Play and the frame series never make the layout jump. */
static void
test_as_of_places (void)
{
  static const char * const days[] = { "2019-01", "2019-04-30", "2019-09", NULL };
  Fixture fixture = { 0 };
  g_autoptr(TiesScene) whole = NULL;
  double whole_scale, whole_tx, whole_ty;

  fixture_load (&fixture, NULL);
  whole = scene_as_of (&fixture, NULL, NULL);
  ties_scene_get_transform (whole, 1280, 720, &whole_scale, &whole_tx, &whole_ty);

  for (guint d = 0; days[d] != NULL; d++)
    {
      g_autoptr(TiesScene) scene = scene_as_of (&fixture, days[d], "2019-01");
      double scale, tx, ty;

      g_test_message ("as of %s", days[d]);
      g_assert_cmpuint (ties_scene_get_n_nodes (scene), ==, ties_scene_get_n_nodes (whole));
      for (guint i = 0; i < ties_scene_get_n_nodes (scene); i++)
        {
          double x, y, r, wx, wy, wr;

          ties_scene_get_node (scene, i, &x, &y, &r);
          ties_scene_get_node (whole, i, &wx, &wy, &wr);
          g_assert_cmpfloat (x, ==, wx);
          g_assert_cmpfloat (y, ==, wy);
          g_assert_cmpfloat (r, ==, wr);
        }
      ties_scene_get_transform (scene, 1280, 720, &scale, &tx, &ty);
      g_assert_cmpfloat (scale, ==, whole_scale);
      g_assert_cmpfloat (tx, ==, whole_tx);
      g_assert_cmpfloat (ty, ==, whole_ty);
    }

  fixture_clear (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/labels/sample", test_labels_sample);
  g_test_add_func ("/render/labels/crowded", test_labels_crowded);
  g_test_add_func ("/render/png/1x", test_png_1x);
  g_test_add_func ("/render/png/2x", test_png_2x);
  g_test_add_func ("/render/styles", test_styles);
  g_test_add_func ("/render/highlight", test_highlight);
  g_test_add_func ("/render/svg", test_svg);
  g_test_add_func ("/render/svg/processes", test_svg_across_processes);
  g_test_add_func ("/render/pdf/sample", test_pdf_sample);
  g_test_add_func ("/render/pdf/scripts", test_pdf_scripts);
  g_test_add_func ("/render/export-failure", test_export_failure);
  g_test_add_func ("/render/generated-with-pins", test_generated_with_pins);
  g_test_add_func ("/render/zoomed-in", test_zoomed_in);
  g_test_add_func ("/render/narrow-area", test_narrow_area);
  g_test_add_func ("/render/export-too-large", test_export_too_large);
  g_test_add_func ("/render/weak-ties", test_weak_ties);
  g_test_add_func ("/render/weak-ties/legend", test_weak_ties_legend_only_when_drawn);
  g_test_add_func ("/render/weak-ties/fine-dashes", test_fine_dashes);
  g_test_add_func ("/render/as-of/ties", test_as_of_ties);
  g_test_add_func ("/render/as-of/places", test_as_of_places);
  for (guint i = 0; i < N_ABSURD; i++)
    {
      g_autofree char *path = g_strdup_printf ("/render/absurd-places/%s", absurd_names[i]);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_absurd_places);
    }

  return g_test_run ();
}
