/* test-timeline.c: the timeline's marks, lanes, hits and SVG, without a display
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <cairo.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "ties-document.h"
#include "ties-export.h"
#include "ties-network.h"
#include "ties-timeline.h"
#include "test-util.h"

#define WIDTH 1000.0
#define HEIGHT 300.0

/* One event per kind of date, and one without a date, which the strip
 * leaves out. */
static const char dates_json[] =
  "{\"format\": \"ties\", \"version\": 1, \"title\": \"Dates\","
  " \"actors\": ["
  "  {\"id\": \"ann\", \"name\": \"Ann\", \"kind\": \"person\"},"
  "  {\"id\": \"bob\", \"name\": \"Bob\", \"kind\": \"person\"},"
  "  {\"id\": \"cy\", \"name\": \"Cy & <Co>\", \"kind\": \"organisation\"}],"
  " \"events\": ["
  "  {\"id\": \"interval\", \"title\": \"Summit\", \"kind\": \"meeting\", \"date\": \"2019-01-22/2019-01-25\","
  "   \"participants\": [\"ann\", \"bob\", \"cy\"]},"
  "  {\"id\": \"set\", \"title\": \"One of two calls\", \"kind\": \"phone-call\", \"date\": \"[2019-04-01,2019-04-03]\","
  "   \"participants\": [\"ann\", \"bob\"]},"
  "  {\"id\": \"day\", \"title\": \"Call\", \"kind\": \"phone-call\", \"date\": \"2019-04-17\","
  "   \"participants\": [\"ann\", \"bob\"]},"
  "  {\"id\": \"month\", \"title\": \"Letter\", \"kind\": \"email\", \"date\": \"2019-05\","
  "   \"participants\": [\"ann\"]},"
  "  {\"id\": \"approx\", \"title\": \"Dinner\", \"kind\": \"meeting\", \"date\": \"2019-05~\","
  "   \"participants\": [\"bob\"]},"
  "  {\"id\": \"uncertain\", \"title\": \"Visit <maybe>\", \"kind\": \"meeting\", \"date\": \"2019-05?\","
  "   \"participants\": [\"cy\"]},"
  "  {\"id\": \"undated\", \"title\": \"Some day\", \"kind\": \"meeting\","
  "   \"participants\": [\"cy\"]}]}";

typedef struct
{
  TiesDocument *document;
  TiesNetwork *network;
  TiesTimeline *timeline;
} Fixture;

static double
day (int year,
     int month,
     int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, month, year);

  return g_date_get_julian (&date);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  TiesTimelineOptions options;

  fixture->document = test_load_json_or_sample (dates_json);
  fixture->network = ties_network_new (fixture->document);
  ties_timeline_options_init (&options);
  options.lanes = GPOINTER_TO_INT (data);
  fixture->timeline = ties_timeline_new (fixture->document, fixture->network, &options);
  /* A known span: 2019 from New Year to the end of June. */
  ties_timeline_set_view (fixture->timeline, day (2019, 1, 1), day (2019, 7, 1));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->timeline, ties_timeline_free);
  g_clear_object (&fixture->network);
  g_clear_object (&fixture->document);
}

static guint
find (Fixture    *fixture,
      const char *id)
{
  TiesEvent *event = ties_document_lookup_event (fixture->document, id);
  guint index;

  g_assert_nonnull (event);
  index = ties_timeline_find_event (fixture->timeline, event);
  g_assert_cmpuint (index, !=, G_MAXUINT);

  return index;
}

static void
get_mark (Fixture          *fixture,
          const char       *id,
          guint             mark,
          TiesTimelineMark *out)
{
  g_assert_true (ties_timeline_get_mark (fixture->timeline, find (fixture, id), mark, WIDTH, HEIGHT, out));
}

static double
x_of (Fixture *fixture,
      double   d)
{
  return ties_timeline_day_to_x (fixture->timeline, WIDTH, d);
}

static void
test_order (Fixture       *fixture,
            gconstpointer  data)
{
  static const char *order[] = { "interval", "set", "day", "month", "uncertain", "approx" };
  TiesTimeline *timeline = fixture->timeline;

  /* Dated events only, in time order (uncertain before approximate,
   * as ties_date_compare() has it). */
  g_assert_cmpuint (ties_timeline_get_n_events (timeline), ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpstr (ties_event_get_id (ties_timeline_get_event (timeline, i)), ==, order[i]);
  g_assert_cmpuint (ties_timeline_find_event (timeline, ties_document_lookup_event (fixture->document, "undated")),
                    ==, G_MAXUINT);
}

static void
test_day (Fixture       *fixture,
          gconstpointer  data)
{
  TiesTimelineMark mark;
  double one_day = x_of (fixture, day (2019, 1, 2)) - x_of (fixture, day (2019, 1, 1));

  /* 830 pixels over 181 days: a day is over 4 pixels. */
  g_assert_cmpfloat (one_day, >, 4);
  get_mark (fixture, "day", 0, &mark);
  g_assert_cmpint (mark.type, ==, TIES_TIMELINE_MARK_TICK);
  g_assert_cmpfloat_with_epsilon (mark.x0, x_of (fixture, day (2019, 4, 17)), 1e-6);
  g_assert_cmpfloat_with_epsilon (mark.x1 - mark.x0, one_day, 1e-6);
  /* Exact: no fuzzy edges. */
  g_assert_false (mark.approximate);
  g_assert_false (mark.uncertain);
  g_assert_cmpfloat (mark.fuzzy_x0, ==, mark.x0);
  g_assert_cmpfloat (mark.fuzzy_x1, ==, mark.x1);
  /* Against the axis itself: 106 days after New Year, and the plot
   * starts after the lane names (160 px of 1000). */
  g_assert_cmpfloat_with_epsilon (mark.x0, 160 + 106 * 830.0 / 181, 1e-6);
}

static void
test_month (Fixture       *fixture,
            gconstpointer  data)
{
  TiesTimelineMark mark;

  get_mark (fixture, "month", 0, &mark);
  g_assert_cmpint (mark.type, ==, TIES_TIMELINE_MARK_BAR);
  g_assert_cmpfloat_with_epsilon (mark.x0, x_of (fixture, day (2019, 5, 1)), 1e-6);
  g_assert_cmpfloat_with_epsilon (mark.x1, x_of (fixture, day (2019, 6, 1)), 1e-6);
  g_assert_cmpfloat (mark.fuzzy_x0, ==, mark.x0);
  g_assert_cmpfloat (mark.fuzzy_x1, ==, mark.x1);
}

static void
test_interval (Fixture       *fixture,
               gconstpointer  data)
{
  TiesTimelineMark mark;

  get_mark (fixture, "interval", 0, &mark);
  g_assert_cmpint (mark.type, ==, TIES_TIMELINE_MARK_BAR);
  g_assert_cmpfloat_with_epsilon (mark.x0, x_of (fixture, day (2019, 1, 22)), 1e-6);
  /* Through the end of the 25th. */
  g_assert_cmpfloat_with_epsilon (mark.x1, x_of (fixture, day (2019, 1, 26)), 1e-6);
}

static void
test_fuzzy (Fixture       *fixture,
            gconstpointer  data)
{
  const char *ids[] = { "approx", "uncertain" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      TiesTimelineMark mark;

      get_mark (fixture, ids[i], 0, &mark);
      g_assert_cmpint (mark.type, ==, TIES_TIMELINE_MARK_BAR);
      g_assert_cmpint (mark.approximate, ==, i == 0);
      g_assert_cmpint (mark.uncertain, ==, i == 1);
      /* The strict range is May; the fuzzy one a month more each side,
       * drawn wider. */
      g_assert_cmpfloat_with_epsilon (mark.x0, x_of (fixture, day (2019, 5, 1)), 1e-6);
      g_assert_cmpfloat_with_epsilon (mark.x1, x_of (fixture, day (2019, 6, 1)), 1e-6);
      g_assert_cmpfloat_with_epsilon (mark.fuzzy_x0, x_of (fixture, day (2019, 4, 1)), 1e-6);
      g_assert_cmpfloat_with_epsilon (mark.fuzzy_x1, x_of (fixture, day (2019, 7, 1)), 1e-6);
      g_assert_cmpfloat (mark.fuzzy_x1 - mark.fuzzy_x0, >, mark.x1 - mark.x0);
    }
}

static void
test_set (Fixture       *fixture,
          gconstpointer  data)
{
  TiesTimelineMark mark;
  guint index = find (fixture, "set");
  double x0, x1;

  get_mark (fixture, "set", 0, &mark);
  g_assert_cmpint (mark.type, ==, TIES_TIMELINE_MARK_SET);
  /* Two separate ticks, not a bar over the three days. */
  g_assert_cmpuint (mark.n_members, ==, 2);
  g_assert_true (ties_timeline_get_member_x (fixture->timeline, index, 0, WIDTH, &x0, &x1));
  g_assert_cmpfloat_with_epsilon (x0, x_of (fixture, day (2019, 4, 1)), 1e-6);
  g_assert_cmpfloat_with_epsilon (x1, x_of (fixture, day (2019, 4, 2)), 1e-6);
  g_assert_true (ties_timeline_get_member_x (fixture->timeline, index, 1, WIDTH, &x0, &x1));
  g_assert_cmpfloat_with_epsilon (x0, x_of (fixture, day (2019, 4, 3)), 1e-6);
  g_assert_cmpfloat_with_epsilon (x1, x_of (fixture, day (2019, 4, 4)), 1e-6);
  g_assert_false (ties_timeline_get_member_x (fixture->timeline, index, 2, WIDTH, &x0, &x1));
}

static void
test_lanes_by_actor (Fixture       *fixture,
                     gconstpointer  data)
{
  TiesTimeline *timeline = fixture->timeline;
  TiesTimelineMark mark;

  /* Lanes in order of each actor's first event: all three share it. */
  g_assert_cmpuint (ties_timeline_get_n_lanes (timeline), ==, 3);
  g_assert_cmpstr (ties_timeline_get_lane_name (timeline, 0), ==, "Ann");
  g_assert_cmpstr (ties_timeline_get_lane_name (timeline, 1), ==, "Bob");
  g_assert_cmpstr (ties_timeline_get_lane_name (timeline, 2), ==, "Cy & <Co>");

  /* Three participants, three marks, one per lane, lower and lower. */
  g_assert_cmpuint (ties_timeline_get_n_marks (timeline, find (fixture, "interval")), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      get_mark (fixture, "interval", i, &mark);
      g_assert_cmpuint (mark.lane, ==, i);
      if (i > 0)
        {
          TiesTimelineMark above;

          get_mark (fixture, "interval", i - 1, &above);
          g_assert_cmpfloat (mark.y, >, above.y);
          g_assert_cmpfloat (mark.x0, ==, above.x0);
        }
    }
  g_assert_cmpuint (ties_timeline_get_n_marks (timeline, find (fixture, "month")), ==, 1);
  get_mark (fixture, "uncertain", 0, &mark);
  g_assert_cmpuint (mark.lane, ==, 2);
}

static void
test_lanes_by_kind (Fixture       *fixture,
                    gconstpointer  data)
{
  TiesTimeline *timeline = fixture->timeline;
  TiesTimelineMark mark;

  g_assert_cmpint (ties_timeline_get_lanes (timeline), ==, TIES_TIMELINE_LANES_KIND);
  g_assert_cmpuint (ties_timeline_get_n_lanes (timeline), ==, 3);
  g_assert_cmpstr (ties_timeline_get_lane_name (timeline, 0), ==, "Meeting");
  g_assert_cmpstr (ties_timeline_get_lane_name (timeline, 1), ==, "Phone call");
  g_assert_cmpstr (ties_timeline_get_lane_name (timeline, 2), ==, "Email");
  /* One mark per event, in its kind's lane, whoever took part. */
  g_assert_cmpuint (ties_timeline_get_n_marks (timeline, find (fixture, "interval")), ==, 1);
  get_mark (fixture, "interval", 0, &mark);
  g_assert_cmpuint (mark.lane, ==, 0);
  get_mark (fixture, "day", 0, &mark);
  g_assert_cmpuint (mark.lane, ==, 1);
  get_mark (fixture, "month", 0, &mark);
  g_assert_cmpuint (mark.lane, ==, 2);
}

static void
test_hit (Fixture       *fixture,
          gconstpointer  data)
{
  TiesTimeline *timeline = fixture->timeline;
  TiesTimelineMark mark;
  guint lane, index;

  /* Ann's lane: nothing else near 17 April. */
  get_mark (fixture, "day", 0, &mark);
  index = ties_timeline_hit (timeline, WIDTH, HEIGHT, (mark.x0 + mark.x1) / 2, mark.y, &lane);
  g_assert_cmpuint (index, ==, find (fixture, "day"));
  g_assert_cmpuint (lane, ==, mark.lane);
  /* A few pixels off still finds it; far off does not. */
  index = ties_timeline_hit (timeline, WIDTH, HEIGHT, mark.x1 + 2, mark.y, NULL);
  g_assert_cmpuint (index, ==, find (fixture, "day"));
  g_assert_cmpuint (ties_timeline_hit (timeline, WIDTH, HEIGHT, mark.x1 + 40, mark.y, &lane), ==, G_MAXUINT);
  g_assert_cmpuint (lane, ==, G_MAXUINT);
  /* In Bob's lane, the same day falls inside May's approximate edges:
   * the tick two pixels away still wins over the faint edge. */
  get_mark (fixture, "day", 1, &mark);
  g_assert_cmpuint (ties_timeline_hit (timeline, WIDTH, HEIGHT, mark.x1 + 2, mark.y, NULL), ==, find (fixture, "day"));
  g_assert_cmpuint (ties_timeline_hit (timeline, WIDTH, HEIGHT, mark.x1 + 40, mark.y, NULL), ==, find (fixture, "approx"));
  /* Over the axis and the names: nothing. */
  g_assert_cmpuint (ties_timeline_hit (timeline, WIDTH, HEIGHT, mark.x0, 5, NULL), ==, G_MAXUINT);
  g_assert_cmpuint (ties_timeline_hit (timeline, WIDTH, HEIGHT, 20, mark.y, NULL), ==, G_MAXUINT);

  /* Each tick of a set, not the days between them. */
  get_mark (fixture, "set", 0, &mark);
  {
    double x0, x1;

    ties_timeline_get_member_x (timeline, find (fixture, "set"), 1, WIDTH, &x0, &x1);
    g_assert_cmpuint (ties_timeline_hit (timeline, WIDTH, HEIGHT, (x0 + x1) / 2, mark.y, NULL), ==,
                      find (fixture, "set"));
  }

  /* Inside May's fuzzy edge (the uncertain one, in Cy's lane). */
  get_mark (fixture, "uncertain", 0, &mark);
  g_assert_cmpuint (ties_timeline_hit (timeline, WIDTH, HEIGHT, mark.fuzzy_x0 + 3, mark.y, NULL), ==,
                    find (fixture, "uncertain"));

  /* Nearest in a lane, for the Up and Down keys. */
  g_assert_cmpuint (ties_timeline_find_nearest (timeline, 0, day (2019, 4, 16)), ==, find (fixture, "day"));
  g_assert_cmpuint (ties_timeline_find_nearest (timeline, 7, day (2019, 4, 16)), ==, G_MAXUINT);
}

static void
test_view (Fixture       *fixture,
           gconstpointer  data)
{
  TiesTimeline *timeline = fixture->timeline;
  double a, b, x;

  ties_timeline_get_extent (timeline, &a, &b);
  /* Everything, from the interval's January to the fuzzy July. */
  g_assert_cmpfloat (a, <, day (2019, 1, 22));
  g_assert_cmpfloat (b, >, day (2019, 7, 1));

  x = x_of (fixture, day (2019, 3, 1));
  g_assert_cmpfloat_with_epsilon (ties_timeline_x_to_day (timeline, WIDTH, x), day (2019, 3, 1), 1e-6);
  /* Zoomed in to one week: a day is wide. */
  ties_timeline_set_view (timeline, day (2019, 4, 14), day (2019, 4, 21));
  g_assert_cmpfloat (x_of (fixture, day (2019, 4, 18)) - x_of (fixture, day (2019, 4, 17)), >, 100);
}

static char *
event_text (Fixture    *fixture,
            const char *id)
{
  return ties_timeline_dup_event_text (fixture->timeline, find (fixture, id));
}

static void
test_svg (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GBytes) svg = ties_timeline_write_svg (fixture->timeline, WIDTH, HEIGHT);
  g_autofree char *text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  g_autofree char *day_text = event_text (fixture, "day");
  g_autofree char *approx_text = event_text (fixture, "approx");
  g_autoptr(GBytes) again = NULL;
  xmlDocPtr doc;
  g_autofree char *dir = NULL;
  g_autofree char *svg_path = NULL;
  g_autofree char *png_path = NULL;
  g_autofree char *rsvg = NULL;

  g_assert_cmpstr (day_text, ==, "Call, 17 April 2019");
  g_assert_cmpstr (approx_text, ==, "Dinner, May 2019 (approx.)");

  /* One group per dated event, with its title and human date. */
  g_assert_nonnull (strstr (text, "<g id=\"event-day\""));
  g_assert_nonnull (strstr (text, "<title>Call, 17 April 2019</title>"));
  g_assert_nonnull (strstr (text, "<g id=\"event-approx\""));
  g_assert_nonnull (strstr (text, "<title>Dinner, May 2019 (approx.)</title>"));
  g_assert_nonnull (strstr (text, "<title>Visit &lt;maybe&gt;, May 2019 (uncertain)</title>"));
  g_assert_nonnull (strstr (text, "<title>One of two calls, 1 or 3 April 2019</title>"));
  g_assert_nonnull (strstr (text, "<g id=\"event-interval\""));
  g_assert_null (strstr (text, "event-undated"));
  g_assert_nonnull (strstr (text, ">Cy &amp; &lt;Co&gt;</text>"));

  /* Well-formed, and one event group per dated event. */
  doc = xmlReadMemory (text, strlen (text), "timeline.svg", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  {
    guint groups = 0;
    const char *p = text;

    while ((p = strstr (p, "<g id=\"event-")) != NULL)
      {
        groups++;
        p++;
      }
    g_assert_cmpuint (groups, ==, ties_timeline_get_n_events (fixture->timeline));
  }
  xmlFreeDoc (doc);

  /* Same timeline, same bytes. */
  again = ties_timeline_write_svg (fixture->timeline, WIDTH, HEIGHT);
  g_assert_true (g_bytes_equal (svg, again));

  rsvg = g_find_program_in_path ("rsvg-convert");
  if (rsvg == NULL)
    {
      g_test_message ("rsvg-convert is not installed: the SVG is not rendered");
      return;
    }
  dir = test_make_temp_dir ("ties-timeline-XXXXXX");
  svg_path = g_build_filename (dir, "t.svg", NULL);
  png_path = g_build_filename (dir, "t.png", NULL);
  g_assert_true (g_file_set_contents (svg_path, text, -1, NULL));
  {
    const char *argv[] = { rsvg, "-o", png_path, svg_path, NULL };
    g_autoptr(GError) error = NULL;
    g_autofree char *err = NULL;
    int status;
    cairo_surface_t *png;

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (err, ==, "");
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    png = cairo_image_surface_create_from_png (png_path);
    g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint (cairo_image_surface_get_width (png), ==, (int) WIDTH);
    cairo_surface_destroy (png);
  }
  test_remove_tree (dir);
}

/* The pixels: a mark's colour where the day's tick is, the background
 * where nothing is. */
static void
test_draw (Fixture       *fixture,
           gconstpointer  data)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  TiesTimelineMark mark;
  const guint8 *pixels;
  int stride;
  guint32 p;

  ties_timeline_draw (fixture->timeline, cr, WIDTH, HEIGHT);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);

  get_mark (fixture, "day", 0, &mark);
  p = *(const guint32 *) (pixels + (int) mark.y * stride + 4 * (int) ((mark.x0 + mark.x1) / 2));
  g_assert_cmphex (p & 0xffffff, ==, mark.color);
  /* Left of the summit, in Ann's lane: nothing drawn but background
   * (lane 0 is not shaded). */
  get_mark (fixture, "interval", 0, &mark);
  p = *(const guint32 *) (pixels + (int) mark.y * stride + 4 * (int) (mark.x0 - 30));
  g_assert_cmphex (p & 0xffffff, ==, 0xffffff);
  cairo_surface_destroy (surface);
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *dir = test_make_temp_dir ("ties-timeline-XXXXXX");
  TiesRenderOptions render_options;
  g_autoptr(TiesScene) scene = NULL;
  static const char *names[] = { "t.png", "t.svg", "t.pdf" };

  ties_render_options_init (&render_options);
  scene = ties_export_prepare_scene (fixture->network, "circle", NULL, &render_options);
  for (guint both = 0; both < 2; both++)
    for (guint f = 0; f < G_N_ELEMENTS (names); f++)
      {
        g_autofree char *path = g_build_filename (dir, names[f], NULL);
        g_autoptr(GFile) file = g_file_new_for_path (path);
        g_autoptr(GError) error = NULL;
        g_autofree char *contents = NULL;
        gsize length;
        TiesExportOptions options;

        ties_export_options_init (&options, f);
        g_assert_true (ties_timeline_export_panels (fixture->timeline, both ? scene : NULL, &options, file, &error));
        g_assert_no_error (error);
        g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
        g_assert_cmpuint (length, >, 200);
        if (f == TIES_EXPORT_SVG)
          {
            /* Both panels: the diagram's actors and the strip's events. */
            g_assert_nonnull (strstr (contents, "id=\"event-day\""));
            g_assert_true ((strstr (contents, "id=\"actor-ann\"") != NULL) == both);
          }
      }
  test_remove_tree (dir);
}

/* `ties --export OUT --panel …`: the strip alone is as tall as its
 * lanes, both panels put it below the diagram, nonsense is refused. */
static int
run_ties (const char  *out,
          const char  *panel,
          const char  *lanes,
          char       **err)
{
  g_autofree char *ties = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "src", "ties", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, ties);
  g_ptr_array_add (argv, "--export");
  g_ptr_array_add (argv, (char *) out);
  g_ptr_array_add (argv, "--panel");
  g_ptr_array_add (argv, (char *) panel);
  if (lanes != NULL)
    {
      g_ptr_array_add (argv, "--lanes");
      g_ptr_array_add (argv, (char *) lanes);
    }
  g_ptr_array_add (argv, TEST_SAMPLE_PATH);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, err, &status,
                               &error));
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);

  return error == NULL ? 0 : error->code;
}

static void
test_cli (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *svg_path = NULL;
  g_autofree char *png_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *err = NULL;
  cairo_surface_t *png;

  if (g_getenv ("G_TEST_BUILDDIR") == NULL)
    {
      g_test_skip ("G_TEST_BUILDDIR is not set: the ties binary cannot be found");
      return;
    }
  dir = test_make_temp_dir ("ties-timeline-cli-XXXXXX");
  svg_path = g_build_filename (dir, "t.svg", NULL);
  png_path = g_build_filename (dir, "t.png", NULL);
  pdf_path = g_build_filename (dir, "t.pdf", NULL);

  g_assert_cmpint (run_ties (svg_path, "timeline", "kind", NULL), ==, 0);
  g_assert_true (g_file_get_contents (svg_path, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, "<g id=\"event-zuckerberg-call\""));
  g_assert_nonnull (strstr (svg, "<title>Ardern speaks to Zuckerberg, 17 April 2019</title>"));
  g_assert_null (strstr (svg, "id=\"actor-"));

  /* Both panels: the sample's 23 lanes at their natural height below
   * the usual 600 of diagram. */
  g_assert_cmpint (run_ties (png_path, "both", NULL, NULL), ==, 0);
  png = cairo_image_surface_create_from_png (png_path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (png), >, 600 + 23 * 15);
  cairo_surface_destroy (png);
  g_assert_cmpint (run_ties (pdf_path, "both", "actor", NULL), ==, 0);
  g_assert_true (g_file_test (pdf_path, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (run_ties (png_path, "all", NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--panel"));
  test_remove_tree (dir);
}

/* No dated event at all: an axis, a word, and no crash. */
static void
test_empty (void)
{
  g_autoptr(TiesDocument) document = ties_document_new ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  g_autoptr(TiesTimeline) timeline = ties_timeline_new (document, network, NULL);
  g_autoptr(GBytes) svg = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 200);
  cairo_t *cr = cairo_create (surface);
  double a, b;

  g_assert_cmpuint (ties_timeline_get_n_events (timeline), ==, 0);
  g_assert_cmpuint (ties_timeline_get_n_lanes (timeline), ==, 0);
  ties_timeline_get_extent (timeline, &a, &b);
  g_assert_cmpfloat (b, >, a);
  ties_timeline_draw (timeline, cr, 400, 200);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpuint (ties_timeline_hit (timeline, 400, 200, 200, 100, NULL), ==, G_MAXUINT);
  g_assert_cmpuint (ties_timeline_find_nearest (timeline, 0, a), ==, G_MAXUINT);
  svg = ties_timeline_write_svg (timeline, 400, 200);
  g_assert_nonnull (svg);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A page fits every lane: on a short one the names shrink with the
 * lanes, down to what print reads; shorter still, only stripes. */
static void
test_page_names (void)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  g_autoptr(TiesTimeline) timeline = ties_timeline_new (document, network, NULL);
  g_autofree char *dir = test_make_temp_dir ("ties-timeline-page-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "t.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TiesExportOptions options;
  const struct {
    double height;
    gboolean named;
  } pages[] = { { 600, TRUE }, { 300, TRUE }, { 150, FALSE } };

  ties_export_options_init (&options, TIES_EXPORT_SVG);
  options.width = 800;
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *svg = NULL;
      g_autoptr(GError) error = NULL;

      options.height = pages[i].height;
      g_assert_true (ties_timeline_export_panels (timeline, NULL, &options, file, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
      g_assert_nonnull (strstr (svg, "<g id=\"event-zuckerberg-call\""));
      g_assert_true ((strstr (svg, ">Mark Zuckerberg</text>") != NULL) == pages[i].named);
    }
  g_remove (path);
  g_rmdir (dir);
}

static void
test_panel_names (void)
{
  TiesTimelinePanel panel;

  g_assert_true (ties_timeline_panel_from_string ("both", &panel));
  g_assert_cmpint (panel, ==, TIES_TIMELINE_PANEL_BOTH);
  g_assert_true (ties_timeline_panel_from_string ("timeline", &panel));
  g_assert_cmpint (panel, ==, TIES_TIMELINE_PANEL_TIMELINE);
  g_assert_false (ties_timeline_panel_from_string ("all", &panel));
}

int
main (int    argc,
      char **argv)
{
  gconstpointer by_actor = GINT_TO_POINTER (TIES_TIMELINE_LANES_ACTOR);
  gconstpointer by_kind = GINT_TO_POINTER (TIES_TIMELINE_LANES_KIND);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/timeline/order", test_order, by_actor);
  ADD ("/timeline/mark/day", test_day, by_actor);
  ADD ("/timeline/mark/month", test_month, by_actor);
  ADD ("/timeline/mark/interval", test_interval, by_actor);
  ADD ("/timeline/mark/fuzzy", test_fuzzy, by_actor);
  ADD ("/timeline/mark/set", test_set, by_actor);
  ADD ("/timeline/lanes/actor", test_lanes_by_actor, by_actor);
  ADD ("/timeline/lanes/kind", test_lanes_by_kind, by_kind);
  ADD ("/timeline/hit", test_hit, by_actor);
  ADD ("/timeline/view", test_view, by_actor);
  ADD ("/timeline/draw", test_draw, by_actor);
  ADD ("/timeline/svg", test_svg, by_actor);
  ADD ("/timeline/export", test_export, by_kind);
#undef ADD
  g_test_add_func ("/timeline/panel-names", test_panel_names);
  g_test_add_func ("/timeline/cli", test_cli);
  g_test_add_func ("/timeline/empty", test_empty);
  g_test_add_func ("/timeline/page-names", test_page_names);

  return g_test_run ();
}
