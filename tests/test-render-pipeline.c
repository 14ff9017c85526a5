/* test-render-pipeline.c: one layout from the view to the exported
 * file; panning moves the picture, it does not draw it again; the
 * accent is the theme's
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ties-diagram-view-private.h"
#include "ties-document-io.h"
#include "ties-export.h"
#include "ties-export-dialog-private.h"
#include "ties-layout-job.h"
#include "ui-test-util.h"

static TiesApplication *app;

static gboolean
view_settled (gpointer data)
{
  return !_ties_diagram_view_get_animating (data) && !ties_diagram_view_get_busy (data);
}

static void
settle_view (TiesDiagramView *view)
{
  ui_test_iterate_until (view_settled, view);
  ui_test_wait_for_frame (GTK_WIDGET (view));
}

static gboolean
preview_settled (gpointer data)
{
  return !ties_export_dialog_get_preview_pending (data);
}

static TiesExportDialog *
find_export_dialog (void)
{
  return ui_test_find_toplevel (TIES_TYPE_EXPORT_DIALOG);
}

static gboolean
export_dialog_shown (gpointer data)
{
  TiesExportDialog *dialog = find_export_dialog ();

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

/* The share of the pixels of @texture within @radius of (@cx, @cy)
 * that have the colour @rgb (0xRRGGBB), give or take a little. */
static double
share_of_colour (GdkTexture *texture,
                 double      cx,
                 double      cy,
                 double      radius,
                 guint32     rgb)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  g_autofree guchar *pixels = g_malloc ((gsize) height * stride);
  guint inside = 0, matching = 0;

  /* Downloaded as GDK_MEMORY_DEFAULT: B, G, R, A in memory. */
  gdk_texture_download (texture, pixels, stride);
  for (int y = (int) floor (cy - radius); y <= (int) ceil (cy + radius); y++)
    for (int x = (int) floor (cx - radius); x <= (int) ceil (cx + radius); x++)
      {
        const guchar *p;

        if (x < 0 || y < 0 || x >= width || y >= height || hypot (x - cx, y - cy) > radius)
          continue;
        p = pixels + (gsize) y * stride + (gsize) x * 4;
        inside++;
        if (abs (p[2] - (int) ((rgb >> 16) & 0xff)) <= 8
            && abs (p[1] - (int) ((rgb >> 8) & 0xff)) <= 8
            && abs (p[0] - (int) (rgb & 0xff)) <= 8)
          matching++;
      }

  g_assert_cmpuint (inside, >, 0);
  return (double) matching / inside;
}

/* Drag an actor in the window's diagram, export: every actor of the
 * export is where the diagram shows it (the dragged one too), and
 * neither opening the export dialog, nor editing the export's title,
 * nor exporting lays the diagram out again. */
static void
test_export_is_view (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  TiesDiagramView *view = TIES_DIAGRAM_VIEW (ui_test_find_child (GTK_WIDGET (window), TIES_TYPE_DIAGRAM_VIEW));
  g_autofree char *dir = g_dir_make_tmp ("ties-pipeline-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "diagram.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GdkTexture) png = NULL;
  g_autoptr(GError) error = NULL;
  TiesExportDialog *dialog;
  TiesScene *shown, *exported;
  guint node, runs;
  double x, y, nx, ny, dx, dy, r, scale, tx, ty;

  settle_view (view);
  g_assert_true (ties_diagram_view_get_actor_point (view, "zuckerberg", &x, &y));
  _ties_diagram_view_simulate_drag (view, x, y, 60, -40);
  settle_view (view);
  g_assert_true (ties_diagram_view_get_actor_point (view, "zuckerberg", &nx, &ny));
  g_assert_cmpfloat (fabs (nx - x - 60), <, 1);
  g_assert_cmpfloat (fabs (ny - y + 40), <, 1);

  runs = ties_layout_get_n_runs ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  ui_test_iterate_until (export_dialog_shown, NULL);
  dialog = find_export_dialog ();
  g_assert_cmpuint (ties_layout_get_n_runs (), ==, runs);

  /* Every actor, in diagram units, as the view draws it. */
  shown = _ties_diagram_view_get_scene (view);
  exported = _ties_export_dialog_get_scene (dialog);
  g_assert_nonnull (exported);
  g_assert_cmpuint (ties_scene_get_n_nodes (exported), ==, ties_scene_get_n_nodes (shown));
  for (guint i = 0; i < ties_scene_get_n_nodes (shown); i++)
    {
      double ax, ay, bx, by;

      ties_scene_get_node (shown, i, &ax, &ay, NULL);
      ties_scene_get_node (exported, i, &bx, &by, NULL);
      g_assert_cmpfloat (ax, ==, bx);
      g_assert_cmpfloat (ay, ==, by);
    }

  /* A new title draws the page again, as laid out. */
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog), TIES_TYPE_EXPORT_DIALOG,
                                                                      "title_entry")),
                         "Who met whom");
  ui_test_iterate_until (preview_settled, dialog);
  ui_test_wait_for_frame (GTK_WIDGET (dialog));
  g_assert_true (ties_export_dialog_export_to_file (dialog, file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ties_layout_get_n_runs (), ==, runs);

  /* And the file shows the dragged actor there: its disc, in its
   * colour, where the exported scene maps its place on the page. */
  exported = _ties_export_dialog_get_scene (dialog);
  g_assert_cmpstr (ties_scene_get_title (exported), ==, "Who met whom");
  node = G_MAXUINT;
  {
    g_autoptr(TiesGraph) graph = ties_diagram_view_dup_graph (view);

    node = ties_graph_lookup (graph, "zuckerberg");
  }
  g_assert_cmpuint (node, !=, G_MAXUINT);
  png = gdk_texture_new_from_file (file, &error);
  g_assert_no_error (error);
  ties_scene_get_node (exported, node, &dx, &dy, &r);
  ties_scene_get_transform (exported, gdk_texture_get_width (png), gdk_texture_get_height (png),
                            &scale, &tx, &ty);
  g_assert_cmpfloat (share_of_colour (png, tx + dx * scale, ty + dy * scale, 0.8 * r * scale,
                                      ties_scene_get_node_color (exported, node)), >, 0.3);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_remove (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_iterate_pending ();
}

typedef struct
{
  GtkWindow *window;
  TiesDiagramView *view;
  TiesDocument *document;
  TiesNetwork *network;
} Shown;

static void
show_sample (Shown *shown)
{
  shown->document = test_load_sample ();
  shown->network = ties_network_new (shown->document);
  shown->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (shown->window, 800, 600);
  shown->view = TIES_DIAGRAM_VIEW (ties_diagram_view_new ());
  ties_diagram_view_set_network (shown->view, shown->network);
  gtk_window_set_child (shown->window, GTK_WIDGET (shown->view));
  gtk_window_present (shown->window);
  ui_test_wait_for_frame (GTK_WIDGET (shown->view));
  settle_view (shown->view);
}

static void
hide_sample (Shown *shown)
{
  gtk_window_destroy (shown->window);
  g_clear_object (&shown->network);
  g_clear_object (&shown->document);
  ui_test_iterate_pending ();
}

/* Panning moves the picture drawn before, to the pixel, without building
 * the scene or drawing its picture again. */
static void
test_pan_keeps_scene (void)
{
  Shown shown;
  GtkWidget *widget;
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) after = NULL;
  g_autofree guchar *a = NULL;
  g_autofree guchar *b = NULL;
  TiesScene *scene;
  guint renders, scenes, same = 0, compared = 0;
  int width, height;
  gsize stride;
  double x, y, nx, ny;
  const int shift_x = 30, shift_y = 20;

  show_sample (&shown);
  widget = GTK_WIDGET (shown.view);
  before = ui_test_render (widget);
  scene = _ties_diagram_view_get_scene (shown.view);
  renders = _ties_diagram_view_get_n_renders (shown.view);
  scenes = _ties_diagram_view_get_n_scenes (shown.view);
  g_assert_cmpuint (renders, >, 0);
  g_assert_true (ties_diagram_view_get_actor_point (shown.view, "ardern", &x, &y));

  /* A drag from an empty corner pans. */
  _ties_diagram_view_simulate_drag (shown.view, 2, 2, shift_x, shift_y);
  ui_test_wait_for_frame (widget);
  after = ui_test_render (widget);

  g_assert_true (_ties_diagram_view_get_scene (shown.view) == scene);
  g_assert_cmpuint (_ties_diagram_view_get_n_scenes (shown.view), ==, scenes);
  g_assert_cmpuint (_ties_diagram_view_get_n_renders (shown.view), ==, renders);
  g_assert_true (ties_diagram_view_get_actor_point (shown.view, "ardern", &nx, &ny));
  g_assert_cmpfloat (fabs (nx - x - shift_x), <, 1e-6);
  g_assert_cmpfloat (fabs (ny - y - shift_y), <, 1e-6);

  /* The same pixels, moved. */
  width = gdk_texture_get_width (before);
  height = gdk_texture_get_height (before);
  g_assert_cmpint (gdk_texture_get_width (after), ==, width);
  stride = (gsize) width * 4;
  a = g_malloc ((gsize) height * stride);
  b = g_malloc ((gsize) height * stride);
  gdk_texture_download (before, a, stride);
  gdk_texture_download (after, b, stride);
  for (int py = shift_y; py < height; py++)
    for (int px = shift_x; px < width; px++)
      {
        const guchar *was = a + (gsize) (py - shift_y) * stride + (gsize) (px - shift_x) * 4;
        const guchar *is = b + (gsize) py * stride + (gsize) px * 4;

        compared++;
        same += memcmp (was, is, 4) == 0;
      }
  g_assert_cmpuint (same, ==, compared);
  /* And it moved: the picture is not the same where it was. */
  g_assert_cmpint (memcmp (a, b, (gsize) height * stride), !=, 0);

  /* A new size draws it again. */
  gtk_window_set_default_size (shown.window, 700, 500);
  ui_test_wait_for_frame (widget);
  ui_test_wait_for_frame (widget);
  g_assert_cmpuint (_ties_diagram_view_get_n_renders (shown.view), >, renders);

  hide_sample (&shown);
}

/* The selection ring is drawn in the theme's accent colour: a stylesheet
 * that names another accent changes it. */
static void
test_accent_from_theme (void)
{
  Shown shown;
  GtkWidget *widget;
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  g_autoptr(GdkTexture) texture = NULL;
  double x, y, r;
  guint node;
  TiesScene *scene;
  double scale, tx, ty;

  show_sample (&shown);
  widget = GTK_WIDGET (shown.view);
  gtk_css_provider_load_from_data (provider, "@define-color accent_color #ff00ff;", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_USER);

  ties_diagram_view_select_actor (shown.view, "ardern");
  ui_test_wait_for_frame (widget);
  texture = ui_test_render (widget);

  /* The ring: 3 px wide, centred 3 px outside the node's disc. */
  scene = _ties_diagram_view_get_scene (shown.view);
  {
    g_autoptr(TiesGraph) graph = ties_diagram_view_dup_graph (shown.view);

    node = ties_graph_lookup (graph, "ardern");
  }
  ties_scene_get_node (scene, node, &x, &y, &r);
  ties_scene_get_transform (scene, gtk_widget_get_width (widget), gtk_widget_get_height (widget),
                            &scale, &tx, &ty);
  {
    int width = gdk_texture_get_width (texture);
    int height = gdk_texture_get_height (texture);
    gsize stride = (gsize) width * 4;
    g_autofree guchar *pixels = g_malloc ((gsize) height * stride);
    double cx = tx + x * scale, cy = ty + y * scale, ring = r * scale + 3;
    guint magenta = 0, around = 0;

    gdk_texture_download (texture, pixels, stride);
    for (int i = 0; i < 360; i += 5)
      {
        int px = (int) round (cx + ring * cos (i * G_PI / 180));
        int py = (int) round (cy + ring * sin (i * G_PI / 180));
        const guchar *p;

        if (px < 0 || py < 0 || px >= width || py >= height)
          continue;
        p = pixels + (gsize) py * stride + (gsize) px * 4;
        around++;
        /* B, G, R, A: opaque magenta. */
        magenta += p[2] > 200 && p[1] < 60 && p[0] > 200 && p[3] > 200;
      }
    g_assert_cmpuint (around, >, 0);
    g_assert_cmpuint (magenta, >, around / 2);
  }

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider));
  hide_sample (&shown);
}

/* The command line's way: the same request gives the same places, and
 * the document's saved places are kept without a layout. */
static void
test_layout_request (void)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(TiesNetwork) network = NULL;
  g_autoptr(TiesGraph) first = NULL;
  g_autoptr(TiesGraph) second = NULL;
  TiesLayoutRequest request;
  guint runs;

  network = ties_network_new (document);
  ties_layout_request_init (&request);
  request.layout = "circle";
  runs = ties_layout_get_n_runs ();
  first = ties_layout_run_request (network, &request);
  second = ties_layout_run_request (network, &request);
  g_assert_cmpuint (ties_layout_get_n_runs (), ==, runs + 2);
  g_assert_cmpuint (first->nodes->len, ==, second->nodes->len);
  for (guint i = 0; i < first->nodes->len; i++)
    {
      g_assert_cmpfloat (ties_graph_node (first, i)->x, ==, ties_graph_node (second, i)->x);
      g_assert_cmpfloat (ties_graph_node (first, i)->y, ==, ties_graph_node (second, i)->y);
      g_assert_true (ties_graph_node (first, i)->placed);
    }
}

static void
on_layout_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

/* In a worker thread: the same places as on this thread; cancelled, no
 * places at all. */
static void
test_layout_async (void)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(TiesNetwork) network = NULL;
  g_autoptr(TiesGraph) here = NULL;
  g_autoptr(TiesGraph) there = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  TiesLayoutRequest request;
  TiesLayoutOptions options;
  gboolean needed;

  network = ties_network_new (document);
  ties_layout_request_init (&request);
  request.layout = "force";
  here = ties_layout_run_request (network, &request);

  ties_layout_run_async (ties_layout_prepare (network, &request, &options, &needed), &options,
                         NULL, on_layout_done, &result);
  g_assert_true (needed);
  ui_test_iterate_until (is_set, &result);
  there = ties_layout_run_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (there->nodes->len, ==, here->nodes->len);
  for (guint i = 0; i < here->nodes->len; i++)
    {
      g_assert_cmpstr (ties_graph_node (there, i)->id, ==, ties_graph_node (here, i)->id);
      g_assert_cmpfloat (ties_graph_node (there, i)->x, ==, ties_graph_node (here, i)->x);
      g_assert_cmpfloat (ties_graph_node (there, i)->y, ==, ties_graph_node (here, i)->y);
    }

  g_clear_object (&result);
  g_clear_pointer (&there, ties_graph_free);
  ties_layout_run_async (ties_layout_prepare (network, &request, &options, &needed), &options,
                         cancellable, on_layout_done, &result);
  g_cancellable_cancel (cancellable);
  ui_test_iterate_until (is_set, &result);
  there = ties_layout_run_finish (result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (there);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    return 77;
  adw_init ();

  app = ui_test_application_new ("io.github.tiesapp.Ties.Test");

  g_test_add_func ("/render-pipeline/export-is-view", test_export_is_view);
  g_test_add_func ("/render-pipeline/pan-keeps-scene", test_pan_keeps_scene);
  g_test_add_func ("/render-pipeline/accent-from-theme", test_accent_from_theme);
  g_test_add_func ("/render-pipeline/layout-request", test_layout_request);
  g_test_add_func ("/render-pipeline/layout-async", test_layout_async);

  return g_test_run ();
}
