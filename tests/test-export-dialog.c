/* test-export-dialog.c: the export dialog's options, preview and files,
 * and printing through the same renderer
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "ties-document-io.h"
#include "ties-export.h"
#include "ties-export-dialog-private.h"
#include "ties-print.h"
#include "ui-test-util.h"

static TiesNetwork *network;
static GSettings *settings;

static gboolean
is_settled (gpointer data)
{
  return !ties_export_dialog_get_preview_pending (data);
}

static gpointer
child (TiesExportDialog *dialog,
       const char       *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (dialog), TIES_TYPE_EXPORT_DIALOG, name);

  g_assert_nonnull (object);
  return object;
}

static TiesExportDialog *
show_dialog (void)
{
  TiesExportDialog *dialog = ties_export_dialog_new (NULL, network, settings);

  gtk_window_present (GTK_WINDOW (dialog));
  ui_test_iterate_until (ui_test_is_mapped, dialog);
  ui_test_wait_for_frame (GTK_WIDGET (dialog));

  return dialog;
}

/* Applies pending option changes and paints them. */
static void
settle (TiesExportDialog *dialog)
{
  ui_test_iterate_until (is_settled, dialog);
  ui_test_wait_for_frame (GTK_WIDGET (dialog));
}

typedef struct
{
  double luminance;   /* mean over the opaque pixels, 0–255 */
  int x0, y0, x1, y1; /* their bounding box */
} Picture;

static Picture
measure (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
  Picture picture = { 0, width, height, -1, -1 };
  double sum = 0;
  guint count = 0;

  /* Cairo's ARGB32, premultiplied, little-endian: B G R A. */
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *p = pixels + ((gsize) y * width + x) * 4;

        if (p[3] < 250)
          continue;
        sum += 0.0722 * p[0] + 0.7152 * p[1] + 0.2126 * p[2];
        count++;
        picture.x0 = MIN (picture.x0, x);
        picture.y0 = MIN (picture.y0, y);
        picture.x1 = MAX (picture.x1, x);
        picture.y1 = MAX (picture.y1, y);
      }

  g_assert_cmpuint (count, >, 1000);
  picture.luminance = sum / count;

  return picture;
}

static Picture
measure_preview (TiesExportDialog *dialog)
{
  g_autoptr(GdkTexture) texture = ui_test_render (child (dialog, "preview"));

  return measure (texture);
}

static void
test_builds (void)
{
  TiesExportDialog *dialog;
  const char *caption;
  const char *picture = g_getenv ("TIES_EXPORT_DIALOG_PNG");

  g_settings_set_string (settings, "export-style", "dark");
  dialog = show_dialog ();

  /* The style comes from the setting; the rest from the command line's
   * defaults. */
  g_assert_cmpuint (adw_combo_row_get_selected (child (dialog, "style_row")), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (child (dialog, "format_row")), ==, 0);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (dialog, "width_spin")), ==, 800);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (dialog, "height_spin")), ==, 600);
  g_assert_cmpstr (adw_action_row_get_subtitle (child (dialog, "width_row")), ==, "Pixels");
  g_assert_true (gtk_widget_get_sensitive (child (dialog, "scale_row")));

  /* The renderer's caption is the placeholder. */
  caption = gtk_entry_get_placeholder_text (child (dialog, "caption_entry"));
  g_assert_nonnull (caption);
  g_assert_true (g_str_has_prefix (caption, "Source"));

  g_assert_true (gtk_widget_is_sensitive (child (dialog, "export_button")));
  g_assert_false (ties_export_dialog_get_preview_pending (dialog));
  g_assert_cmpfloat (measure_preview (dialog).luminance, <, 100);

  if (picture != NULL)
    {
      g_autoptr(GdkTexture) texture = NULL;

      adw_combo_row_set_selected (child (dialog, "style_row"), 0);
      settle (dialog);
      texture = ui_test_render (GTK_WIDGET (dialog));
      g_assert_true (gdk_texture_save_to_png (texture, picture));
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_settings_reset (settings, "export-style");
}

/* Enter exports: the suggested action is the default and has the focus
 * when the dialog opens, so the keyboard does not land on Cancel. */
static void
test_enter_exports (void)
{
  TiesExportDialog *dialog = show_dialog ();
  GtkWidget *export_button = child (dialog, "export_button");

  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) == export_button);
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (dialog)) == export_button);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Over a window 360 px wide the dialog fits it: the preview above the
 * options, Export… inside the dialog, and the dialog no wider than the
 * window. */
static void
test_narrow_parent (void)
{
  GtkWidget *parent = gtk_window_new ();
  TiesExportDialog *dialog;
  GtkWidget *export_button;
  graphene_rect_t bounds;
  int min_width;

  gtk_window_set_default_size (GTK_WINDOW (parent), 360, 720);
  gtk_window_present (GTK_WINDOW (parent));
  ui_test_iterate_until (ui_test_is_mapped, parent);
  ui_test_wait_for_frame (parent);

  dialog = ties_export_dialog_new (GTK_WINDOW (parent), network, settings);
  gtk_window_present (GTK_WINDOW (dialog));
  ui_test_iterate_until (ui_test_is_mapped, dialog);
  ui_test_wait_for_frame (GTK_WIDGET (dialog));

  g_assert_cmpint (gtk_orientable_get_orientation (child (dialog, "body")), ==, GTK_ORIENTATION_VERTICAL);
  gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, gtk_widget_get_width (parent));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dialog)), <=, gtk_widget_get_width (parent));
  export_button = child (dialog, "export_button");
  g_assert_true (gtk_widget_compute_bounds (export_button, GTK_WIDGET (dialog), &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (dialog)));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (parent));
}

static void
test_preview_updates (void)
{
  TiesExportDialog *dialog = show_dialog ();
  Picture light, dark, tall;

  light = measure_preview (dialog);
  g_assert_cmpfloat (light.luminance, >, 150);
  /* 4:3 */
  g_assert_cmpfloat ((double) (light.x1 - light.x0) / (light.y1 - light.y0), >, 1.2);

  /* Debounced: the change waits, then reaches the picture. */
  adw_combo_row_set_selected (child (dialog, "style_row"), 1);
  g_assert_true (ties_export_dialog_get_preview_pending (dialog));
  settle (dialog);
  dark = measure_preview (dialog);
  g_assert_cmpfloat (dark.luminance, <, light.luminance - 80);

  /* The page takes the chosen aspect. */
  gtk_spin_button_set_value (child (dialog, "width_spin"), 300);
  gtk_spin_button_set_value (child (dialog, "height_spin"), 600);
  settle (dialog);
  tall = measure_preview (dialog);
  g_assert_cmpfloat ((double) (tall.x1 - tall.x0) / (tall.y1 - tall.y0), <, 0.6);

  /* Points for SVG and PDF, and no scale. */
  adw_combo_row_set_selected (child (dialog, "format_row"), 1);
  g_assert_cmpstr (adw_action_row_get_subtitle (child (dialog, "height_row")), ==, "Points");
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "scale_row")));
  settle (dialog);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_export_files (void)
{
  TiesExportDialog *dialog = show_dialog ();
  g_autofree char *dir = g_dir_make_tmp ("ties-export-XXXXXX", NULL);
  g_autofree char *png_path = g_build_filename (dir, "diagram.png", NULL);
  g_autofree char *svg_path = g_build_filename (dir, "diagram.svg", NULL);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GFile) svg = g_file_new_for_path (svg_path);
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  gtk_spin_button_set_value (child (dialog, "width_spin"), 640);
  gtk_spin_button_set_value (child (dialog, "height_spin"), 480);
  adw_combo_row_set_selected (child (dialog, "scale_row"), 1);
  gtk_editable_set_text (child (dialog, "title_entry"), "The Christchurch Call");
  /* Straight away: the export does not wait for the preview. */
  g_assert_true (ties_export_dialog_export_to_file (dialog, png, &error));
  g_assert_no_error (error);

  texture = gdk_texture_new_from_file (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1280);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 960);

  adw_combo_row_set_selected (child (dialog, "format_row"), 1);
  g_assert_true (ties_export_dialog_export_to_file (dialog, svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg_path, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "width=\"640"));
  g_assert_nonnull (strstr (contents, "height=\"480"));

  g_remove (png_path);
  g_remove (svg_path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static GBytes *
export_png (TiesExportDialog *dialog,
            GFile            *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (ties_export_dialog_export_to_file (dialog, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (file, NULL, &contents, &length, NULL, &error));
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

/* "Mark weakly reported ties" reaches the scene exported: the same
 * bytes as the renderer's own with the option, others without. It
 * starts as the diagram's preference. */
static void
test_weak_ties (void)
{
  TiesExportDialog *dialog;
  g_autofree char *dir = g_dir_make_tmp ("ties-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "diagram.png", NULL);
  g_autofree char *direct_path = g_build_filename (dir, "direct.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) direct_file = g_file_new_for_path (direct_path);
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) marked = NULL;
  g_autoptr(GBytes) direct = NULL;
  g_autoptr(GError) error = NULL;
  TiesExportOptions export_options;
  TiesRenderOptions options;
  TiesScene *scene;
  char *contents = NULL;
  gsize length = 0;

  g_settings_set_boolean (settings, "mark-weak-ties", TRUE);
  dialog = show_dialog ();
  g_assert_true (gtk_check_button_get_active (child (dialog, "weak_ties_check")));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_settings_set_boolean (settings, "mark-weak-ties", FALSE);

  dialog = show_dialog ();
  g_assert_false (gtk_check_button_get_active (child (dialog, "weak_ties_check")));
  adw_combo_row_set_selected (child (dialog, "style_row"), 0);
  gtk_spin_button_set_value (child (dialog, "width_spin"), 640);
  gtk_spin_button_set_value (child (dialog, "height_spin"), 480);
  adw_combo_row_set_selected (child (dialog, "scale_row"), 0);
  plain = export_png (dialog, file);

  /* The row toggles the check, as a click on it would. */
  g_assert_true (adw_action_row_get_activatable_widget (child (dialog, "weak_ties_row"))
                 == child (dialog, "weak_ties_check"));
  adw_action_row_activate (child (dialog, "weak_ties_row"));
  g_assert_true (gtk_check_button_get_active (child (dialog, "weak_ties_check")));
  marked = export_png (dialog, file);
  g_assert_false (g_bytes_equal (plain, marked));

  ties_render_options_init (&options);
  options.mark_weak_ties = TRUE;
  scene = ties_export_prepare_scene (network, NULL, NULL, &options);
  ties_export_options_init (&export_options, TIES_EXPORT_PNG);
  export_options.width = 640;
  export_options.height = 480;
  g_assert_true (ties_export_to_file (scene, &export_options, direct_file, &error));
  g_assert_no_error (error);
  ties_scene_free (scene);
  g_assert_true (g_file_load_contents (direct_file, NULL, &contents, &length, NULL, &error));
  g_assert_no_error (error);
  direct = g_bytes_new_take (contents, length);
  g_assert_true (g_bytes_equal (marked, direct));

  g_remove (path);
  g_remove (direct_path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
on_exported (TiesExportDialog *dialog,
             GFile            *file,
             GFile           **exported)
{
  *exported = g_object_ref (file);
}

static gboolean
is_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_export_in_thread (void)
{
  TiesExportDialog *dialog = show_dialog ();
  g_autofree char *dir = g_dir_make_tmp ("ties-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "diagram.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) exported = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported), &exported);
  gtk_spin_button_set_value (child (dialog, "width_spin"), 800);
  gtk_spin_button_set_value (child (dialog, "height_spin"), 600);

  ties_export_dialog_start_export (dialog, file);
  /* The window keeps drawing meanwhile; Export cannot run twice */
  g_assert_true (ties_export_dialog_get_exporting (dialog));
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "options_page")));
  g_assert_true (gtk_widget_get_visible (child (dialog, "export_spinner")));
  ui_test_wait_for_frame (GTK_WIDGET (dialog));

  /* Done: the dialog said so and closed */
  ui_test_iterate_until (is_gone, &dialog);
  g_assert_nonnull (exported);
  g_assert_true (g_file_equal (exported, file));

  texture = gdk_texture_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 800);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 600);

  g_remove (path);
  g_rmdir (dir);
}

/* Show: the timeline alone, and below the diagram, in PNG, SVG and
 * PDF, at once and in the worker thread. */
static void
test_export_panels (void)
{
  TiesExportDialog *dialog = show_dialog ();
  g_autofree char *dir = g_dir_make_tmp ("ties-export-XXXXXX", NULL);
  g_autofree char *svg_path = g_build_filename (dir, "panels.svg", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "panels.pdf", NULL);
  g_autofree char *png_path = g_build_filename (dir, "panels.png", NULL);
  g_autoptr(GFile) svg = g_file_new_for_path (svg_path);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GFile) exported = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) diagram_png = NULL;
  g_autoptr(GBytes) timeline_png = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  gtk_spin_button_set_value (child (dialog, "width_spin"), 800);
  gtk_spin_button_set_value (child (dialog, "height_spin"), 600);
  diagram_png = export_png (dialog, png);

  /* The timeline alone: a picture of its own, its marks in the SVG and
   * none of the diagram's actors. */
  adw_combo_row_set_selected (child (dialog, "panel_row"), 1);
  settle (dialog);
  timeline_png = export_png (dialog, png);
  g_assert_false (g_bytes_equal (diagram_png, timeline_png));
  adw_combo_row_set_selected (child (dialog, "format_row"), 1);
  g_assert_true (ties_export_dialog_export_to_file (dialog, svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg_path, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "id=\"event-zuckerberg-call\""));
  g_assert_null (strstr (contents, "id=\"actor-ardern\""));
  g_clear_pointer (&contents, g_free);

  /* Both: one file with the diagram's actors and the timeline's marks. */
  adw_combo_row_set_selected (child (dialog, "panel_row"), 2);
  settle (dialog);
  g_assert_true (ties_export_dialog_export_to_file (dialog, svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg_path, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "id=\"event-zuckerberg-call\""));
  g_assert_nonnull (strstr (contents, "id=\"actor-ardern\""));
  g_assert_nonnull (strstr (contents, "width=\"800"));

  /* Named for what it shows. */
  adw_combo_row_set_selected (child (dialog, "format_row"), 2);
  name = _ties_export_dialog_suggested_name (dialog);
  g_assert_true (g_str_has_suffix (name, " - Diagram and Timeline.pdf"));
  g_assert_cmpuint (strlen (name), >, strlen (" - Diagram and Timeline.pdf"));

  /* In the worker thread, as the Export button does: a PDF page. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported), &exported);
  ties_export_dialog_start_export (dialog, pdf);
  g_assert_true (ties_export_dialog_get_exporting (dialog));
  ui_test_wait_for_frame (GTK_WIDGET (dialog));
  ui_test_iterate_until (is_gone, &dialog);
  g_assert_nonnull (exported);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (pdf_path, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  g_remove (svg_path);
  g_remove (pdf_path);
  g_remove (png_path);
  g_rmdir (dir);
}

static void
test_export_cancelled (void)
{
  TiesExportDialog *dialog = show_dialog ();
  g_autofree char *dir = g_dir_make_tmp ("ties-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "diagram.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) exported = NULL;
  g_autoptr(GDir) listing = NULL;

  g_assert_true (g_file_set_contents (path, "the old picture", -1, NULL));
  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported), &exported);
  /* Large enough that closing comes before the worker writes */
  gtk_spin_button_set_value (child (dialog, "width_spin"), 8000);
  gtk_spin_button_set_value (child (dialog, "height_spin"), 6000);

  ties_export_dialog_start_export (dialog, file);
  gtk_window_close (GTK_WINDOW (dialog));
  /* The worker finishes on its own; give it the time it needs */
  for (guint i = 0; i < 100; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (50000);
    }

  /* Cancelled: no signal, the old file as it was, nothing left beside it */
  g_assert_null (exported);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "the old picture");
  }
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "diagram.png");
  g_assert_null (g_dir_read_name (listing));

  g_remove (path);
  g_rmdir (dir);
}

static void
test_print_to_pdf (void)
{
  g_autoptr(GtkPrintOperation) operation = ties_print_operation_new (network);
  g_autofree char *dir = g_dir_make_tmp ("ties-print-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "diagram.pdf", NULL);
  const char *argv[] = { "pdftotext", pdf, "-", NULL };
  g_autofree char *text = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  int status;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  gtk_print_operation_set_export_filename (operation, pdf);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (text, "Jacinda Ardern"));
  /* One page. */
  g_assert_null (strchr (strchr (text, '\f') + 1, '\f'));

  g_remove (pdf);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TiesDocument) document = NULL;
  int result;

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    return 77;
  adw_init ();

  document = test_load_sample ();
  network = ties_network_new (document);
  settings = g_settings_new ("io.github.tiesapp.Ties");

  g_test_add_func ("/export-dialog/builds", test_builds);
  g_test_add_func ("/export-dialog/enter-exports", test_enter_exports);
  g_test_add_func ("/export-dialog/narrow-parent", test_narrow_parent);
  g_test_add_func ("/export-dialog/preview-updates", test_preview_updates);
  g_test_add_func ("/export-dialog/export-files", test_export_files);
  g_test_add_func ("/export-dialog/weak-ties", test_weak_ties);
  g_test_add_func ("/export-dialog/export-in-thread", test_export_in_thread);
  g_test_add_func ("/export-dialog/export-panels", test_export_panels);
  g_test_add_func ("/export-dialog/export-cancelled", test_export_cancelled);
  g_test_add_func ("/export-dialog/print-to-pdf", test_print_to_pdf);

  result = g_test_run ();

  g_clear_object (&settings);
  g_clear_object (&network);

  return result;
}
