/* ties-export.c: the diagram as PNG, SVG or PDF
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>

#include <png.h>

#include "ties-export.h"
#include "ties-graph.h"
#include "ties-layout-job.h"
#include "ties-safe-file.h"
#include "ties-svg-writer.h"
#include "ties-timeline.h"

gboolean
ties_export_format_from_string (const char       *text,
                                TiesExportFormat *format)
{
  static const struct {
    const char *name;
    TiesExportFormat format;
  } formats[] = {
    { "png", TIES_EXPORT_PNG },
    { "svg", TIES_EXPORT_SVG },
    { "pdf", TIES_EXPORT_PDF },
  };
  const char *dot;

  g_return_val_if_fail (text != NULL, FALSE);

  dot = strrchr (text, '.');
  if (dot != NULL)
    text = dot + 1;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (text, formats[i].name) == 0)
      {
        if (format != NULL)
          *format = formats[i].format;
        return TRUE;
      }

  return FALSE;
}

void
ties_export_options_init (TiesExportOptions *options,
                          TiesExportFormat   format)
{
  g_return_if_fail (options != NULL);

  options->format = format;
  options->width = 800;
  options->height = 600;
  options->scale = 1.0;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_status (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               /* TRANSLATORS: %s is cairo's description of the problem */
               _("Could not draw the diagram: %s"), cairo_status_to_string (status));

  return FALSE;
}

/* PNG */

static void
append_png_data (png_structp png,
                 png_bytep   data,
                 png_size_t  length)
{
  g_byte_array_append (png_get_io_ptr (png), data, length);
}

static void
flush_png_data (png_structp png)
{
}

/* cairo's pixels are native-endian words, premultiplied by alpha; PNG
 * rows are bytes, straight alpha. */
static void
convert_row (const guint32 *pixels,
             guint8        *row,
             int            width,
             gboolean       alpha)
{
  for (int x = 0; x < width; x++)
    {
      guint32 p = pixels[x];
      guint a = p >> 24, r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

      if (!alpha)
        {
          *row++ = r;
          *row++ = g;
          *row++ = b;
          continue;
        }

      if (a != 0 && a != 0xff)
        {
          r = (r * 255 + a / 2) / a;
          g = (g * 255 + a / 2) / a;
          b = (b * 255 + a / 2) / a;
        }
      *row++ = r;
      *row++ = g;
      *row++ = b;
      *row++ = a;
    }
}

/* Written with libpng rather than cairo_surface_write_to_png_stream(),
 * which has no way to set the compression or the resolution. Level 1:
 * measured on a 2,000 × 2,000 diagram of 2,000 actors, zlib's default (6)
 * spent more time compressing than cairo spent drawing, for files about
 * a tenth smaller than level 3 gives; level 1 takes 40 to 65 % of level
 * 3's time for files at most 5 % larger (see tests/bench/render.sh). A pHYs
 * chunk says 96 × scale DPI, so a 2× export lands at the same size on the
 * page as a 1× one. An opaque diagram has no alpha channel. */
static gboolean
encode_png (cairo_surface_t  *surface,
            double            scale,
            GByteArray       *bytes,
            GError          **error)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  gboolean alpha = cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32;
  png_uint_32 per_metre = (png_uint_32) lround (96.0 * scale / 0.0254);
  g_autofree guint8 *row = g_malloc ((gsize) width * 4);
  png_structp png;
  png_infop info;

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  info = png != NULL ? png_create_info_struct (png) : NULL;
  if (info == NULL || setjmp (png_jmpbuf (png)))
    {
      png_destroy_write_struct (&png, &info);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the image"));
      return FALSE;
    }

  png_set_write_fn (png, bytes, append_png_data, flush_png_data);
  png_set_IHDR (png, info, width, height, 8,
                alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_pHYs (png, info, per_metre, per_metre, PNG_RESOLUTION_METER);
  png_set_compression_level (png, 1);
  /* No filter rather than libpng's choice per row among five, or "Sub":
   * a diagram's rows are flat runs and antialiased edges, which deflate
   * finds as repeats by itself, while filtering turns an edge's ramp
   * into new bytes. Measured on 50 to 10,000 actors at 1,600 to 2,000
   * pixels square: files 8 to 20 % smaller than "Sub" made, in less
   * time. */
  png_set_filter (png, 0, PNG_FILTER_NONE);
  png_write_info (png, info);

  for (int y = 0; y < height; y++)
    {
      convert_row ((const guint32 *) (data + (gsize) y * stride), row, width, alpha);
      png_write_row (png, row);
    }

  png_write_end (png, NULL);
  png_destroy_write_struct (&png, &info);

  return TRUE;
}

static gboolean
render_png (TiesScene               *scene,
            const TiesExportOptions *options,
            GByteArray              *bytes,
            GError                 **error)
{
  double scale = options->scale > 0 ? options->scale : 1.0;
  int pixel_width = (int) ceil (options->width * scale - 1e-9);
  int pixel_height = (int) ceil (options->height * scale - 1e-9);
  cairo_format_t format = ties_scene_get_solid_background (scene) ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  gboolean ok;

  surface = cairo_image_surface_create (format, pixel_width, pixel_height);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  ties_scene_draw (scene, cr, options->width, options->height);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  ok = check_status (status, error) && encode_png (surface, scale, bytes, error);
  cairo_surface_destroy (surface);

  return ok;
}

/* PDF */

static GByteArray *
render_pdf (TiesScene               *scene,
               const TiesExportOptions *options,
               GError                 **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  const char *title = ties_scene_get_title (scene);

  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, options->width, options->height);
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Ties " PACKAGE_VERSION);
  /* cairo stamps the current time; an empty date leaves it out, so
   * the same diagram gives the same bytes. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "");

  cr = cairo_create (surface);
  ties_scene_draw (scene, cr, options->width, options->height);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_status (status, error))
    return NULL;

  return g_steal_pointer (&bytes);
}

static gboolean
export_write (TiesScene               *scene,
              const TiesExportOptions *options,
              GFile                   *file,
              GCancellable            *cancellable,
              GError                 **error)
{
  g_autoptr(GByteArray) bytes = NULL;
  g_autoptr(GBytes) contents = NULL;

  if (options->format == TIES_EXPORT_PNG)
    {
      bytes = g_byte_array_new ();
      if (!render_png (scene, options, bytes, error))
        return FALSE;
    }
  else if (options->format == TIES_EXPORT_SVG)
    {
      /* Our own writer, not cairo's SVG surface: text stays text, and
       * actors and ties are named groups (ties-svg-writer.c). */
      g_autoptr(GBytes) svg = ties_svg_writer_write_scene (scene, options->width, options->height);

      bytes = g_bytes_unref_to_array (g_steal_pointer (&svg));
    }
  else
    {
      bytes = render_pdf (scene, options, error);
      if (bytes == NULL)
        return FALSE;
    }

  /* The documents' own save path: a failed or cancelled export leaves
   * nothing behind, and an existing picture as it was. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  contents = g_byte_array_free_to_bytes (g_steal_pointer (&bytes));

  return ties_safe_file_replace (file, contents, cancellable, error);
}

gboolean
ties_export_to_file (TiesScene               *scene,
                     const TiesExportOptions *options,
                     GFile                   *file,
                     GError                 **error)
{
  g_return_val_if_fail (scene != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (options->width > 0 && options->height > 0, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return export_write (scene, options, file, NULL, error);
}

typedef struct
{
  TiesScene *scene;
  /* With the timeline (ties_timeline_export_panels_async()), else NULL. */
  TiesTimeline *timeline;
  TiesExportOptions options;
  GFile *file;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_pointer (&data->scene, ties_scene_free);
  g_clear_pointer (&data->timeline, ties_timeline_free);
  g_clear_object (&data->file);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;
  gboolean written;

  if (data->scene != NULL)
    ties_scene_rebind_fonts (data->scene);

  if (data->timeline == NULL)
    written = export_write (data->scene, &data->options, data->file, cancellable, &error);
  else
    written = !g_cancellable_set_error_if_cancelled (cancellable, &error)
              && ties_timeline_export_panels (data->timeline, data->scene, &data->options, data->file, &error);
  if (written)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The scene and the timeline are the task's from here on: their Pango
 * objects must not be used by two threads at once. */
static void
export_in_thread (TiesScene               *scene,
                  TiesTimeline            *timeline,
                  const TiesExportOptions *options,
                  GFile                   *file,
                  GCancellable            *cancellable,
                  gpointer                 source_tag,
                  GAsyncReadyCallback      callback,
                  gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  data = g_new0 (ExportData, 1);
  data->scene = scene;
  data->timeline = timeline;
  data->options = *options;
  data->file = g_object_ref (file);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

void
ties_export_to_file_async (TiesScene               *scene,
                           const TiesExportOptions *options,
                           GFile                   *file,
                           GCancellable            *cancellable,
                           GAsyncReadyCallback      callback,
                           gpointer                 user_data)
{
  g_return_if_fail (scene != NULL);
  g_return_if_fail (options != NULL);
  g_return_if_fail (options->width > 0 && options->height > 0);
  g_return_if_fail (G_IS_FILE (file));

  export_in_thread (scene, NULL, options, file, cancellable, ties_export_to_file_async, callback, user_data);
}

void
ties_timeline_export_panels_async (TiesTimeline            *timeline,
                                   TiesScene               *scene,
                                   const TiesExportOptions *options,
                                   GFile                   *file,
                                   GCancellable            *cancellable,
                                   GAsyncReadyCallback      callback,
                                   gpointer                 user_data)
{
  g_return_if_fail (timeline != NULL);
  g_return_if_fail (options != NULL);
  g_return_if_fail (options->width > 0 && options->height > 0);
  g_return_if_fail (G_IS_FILE (file));

  export_in_thread (scene, timeline, options, file, cancellable, ties_timeline_export_panels_async,
                    callback, user_data);
}

gboolean
ties_timeline_export_panels_finish (GAsyncResult  *result,
                                    GError       **error)
{
  return ties_export_to_file_finish (result, error);
}

gboolean
ties_export_to_file_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Whether the layout drawn is one whose shape means nothing, so that
 * its places may be stretched to fill the page. */
static TiesScene *
new_scene_for_page (TiesNetwork             *network,
                    TiesGraph               *graph,
                    const char              *layout,
                    const TiesRenderOptions *options)
{
  TiesDocument *document = ties_network_get_document (network);
  TiesRenderOptions for_page = *options;
  g_autoptr(GHashTable) communities = NULL;

  for_page.fill_page = options->fill_page && ties_layout_kind_for (document, layout) == TIES_LAYOUT_FORCE;

  /* A file shows the colours the document chose, as the window does. */
  if (options->communities == NULL && g_strcmp0 (ties_document_get_colors (document), "community") == 0)
    {
      g_autoptr(TiesMeasures) measures = ties_measures_compute (network);

      communities = ties_export_dup_communities (measures, document);
      for_page.communities = communities;
    }

  return ties_scene_new (document, network, graph, &for_page);
}

GHashTable *
ties_export_dup_communities (TiesMeasures *measures,
                             TiesDocument *document)
{
  GListModel *actors;
  GHashTable *communities;

  g_return_val_if_fail (measures != NULL, NULL);
  g_return_val_if_fail (TIES_IS_DOCUMENT (document), NULL);

  communities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  actors = G_LIST_MODEL (ties_document_get_actors (document));
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(TiesActor) actor = g_list_model_get_item (actors, i);
      TiesActorMeasures found;

      if (ties_measures_lookup (measures, ties_actor_get_id (actor), &found))
        g_hash_table_insert (communities, g_strdup (ties_actor_get_id (actor)),
                             GUINT_TO_POINTER (found.community + 1));
    }

  return communities;
}

TiesGraph *
ties_export_lay_out (TiesNetwork *network,
                     const char  *layout,
                     const char  *focus)
{
  TiesLayoutRequest request;

  g_return_val_if_fail (TIES_IS_NETWORK (network), NULL);

  /* The view's own way to its first picture: saved places kept unless
   * another layout is asked for. */
  ties_layout_request_init (&request);
  request.layout = layout;
  request.focus = focus;

  return ties_layout_run_request (network, &request);
}

TiesScene *
ties_export_prepare_scene_for_layout (TiesNetwork             *network,
                                      TiesGraph               *graph,
                                      const char              *layout,
                                      const TiesRenderOptions *options)
{
  g_return_val_if_fail (TIES_IS_NETWORK (network), NULL);
  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  return new_scene_for_page (network, graph, layout, options);
}

TiesScene *
ties_export_prepare_scene (TiesNetwork             *network,
                           const char              *layout,
                           const char              *focus,
                           const TiesRenderOptions *options)
{
  g_autoptr(TiesGraph) graph = NULL;

  g_return_val_if_fail (TIES_IS_NETWORK (network), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  graph = ties_export_lay_out (network, layout, focus);

  return new_scene_for_page (network, graph, layout, options);
}

TiesScene *
ties_export_prepare_scene_for_graph (TiesNetwork             *network,
                                     TiesGraph               *graph,
                                     const TiesRenderOptions *options)
{
  g_return_val_if_fail (TIES_IS_NETWORK (network), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (graph == NULL)
    return ties_export_prepare_scene (network, NULL, NULL, options);

  return new_scene_for_page (network, graph, NULL, options);
}
