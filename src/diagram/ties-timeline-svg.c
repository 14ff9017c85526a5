/* ties-timeline-svg.c: the timeline as SVG, and exports of it alone or below the diagram
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SVG is written as the diagram's is (ties-svg-writer.c, whose
 * helpers it shares): text as <text>, each event a group named by its
 * id with a <title> of its title and human date, the same geometry as
 * the drawing, the same bytes for the same timeline and size.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "ties-renderer-private.h"
#include "ties-safe-file.h"
#include "ties-svg-writer.h"
#include "ties-svg-writer-private.h"
#include "ties-timeline-private.h"

typedef struct
{
  GString *out;
  TiesTimeline *self;
  double width;
  double height;
  guint32 text;
  char start_label[64];
} SvgAxis;

static void
svg_tick (double      day,
          gboolean    major,
          const char *label,
          gpointer    user_data)
{
  SvgAxis *axis = user_data;
  GString *out = axis->out;
  double x = ties_timeline_day_to_x (axis->self, axis->width, day);

  if (x < ties_timeline_get_plot_x (axis->self, axis->width))
    return;
  g_string_append (out, "<line");
  _ties_svg_append_attr (out, "x1", x);
  _ties_svg_append_attr (out, "y1", AXIS_HEIGHT - (major ? 10 : 5));
  _ties_svg_append_attr (out, "x2", x);
  _ties_svg_append_attr (out, "y2", axis->height - BOTTOM_PAD);
  _ties_svg_append_opacity_attr (out, "stroke-opacity", major ? 0.16 : 0.07);
  g_string_append (out, "/>\n");
  if (label != NULL && *label != '\0')
    {
      g_string_append (out, "<text stroke=\"none\"");
      _ties_svg_append_attr (out, "x", x + 3);
      _ties_svg_append_attr (out, "y", AXIS_HEIGHT - 6);
      g_string_append (out, ">");
      _ties_svg_append_escaped (out, label, -1);
      g_string_append (out, "</text>\n");
    }
}

static void
svg_rect (GString    *out,
          double      x,
          double      y,
          double      w,
          double      h,
          const char *extra)
{
  g_string_append (out, "<rect");
  _ties_svg_append_attr (out, "x", x);
  _ties_svg_append_attr (out, "y", y);
  _ties_svg_append_attr (out, "width", MAX (w, 0));
  _ties_svg_append_attr (out, "height", h);
  if (extra != NULL)
    g_string_append (out, extra);
  g_string_append (out, "/>\n");
}

static void
svg_event (TiesTimeline *self,
           GString      *out,
           guint         index,
           double        width,
           double        height)
{
  Entry *entry = &g_array_index (self->entries, Entry, index);
  g_autofree char *title = ties_timeline_dup_event_text (self, index);
  const char *kind = ties_event_get_kind (entry->event);

  g_string_append (out, "<g id=\"event-");
  _ties_svg_append_escaped (out, ties_event_get_id (entry->event), -1);
  g_string_append (out, "\" class=\"event");
  if (kind != NULL)
    {
      g_string_append (out, " kind-");
      _ties_svg_append_escaped (out, kind, -1);
    }
  g_string_append_c (out, '"');
  if (entry->n_marks > 0)
    _ties_svg_append_color_attr (out, "fill", g_array_index (self->colors, guint32,
                                                              g_array_index (self->marks, Mark, entry->first_mark).color));
  g_string_append (out, ">\n");
  _ties_svg_append_title (out, title);

  for (guint i = 0; i < entry->n_marks; i++)
    {
      TiesTimelineMark mark;
      double top;

      ties_timeline_get_mark (self, index, i, width, height, &mark);
      top = mark.y - mark.height / 2;
      if (mark.type == TIES_TIMELINE_MARK_SET)
        {
          double prev = NAN;

          for (guint k = 0; k < mark.n_members; k++)
            {
              double a, b, w, mid;

              ties_timeline_get_member_x (self, index, k, width, &a, &b);
              w = MAX (b - a, MIN_MARK_WIDTH);
              mid = (a + b) / 2;
              svg_rect (out, mid - w / 2, top, w, mark.height, NULL);
              if (!isnan (prev))
                {
                  g_string_append (out, "<line");
                  _ties_svg_append_attr (out, "x1", prev);
                  _ties_svg_append_attr (out, "y1", mark.y);
                  _ties_svg_append_attr (out, "x2", mid);
                  _ties_svg_append_attr (out, "y2", mark.y);
                  _ties_svg_append_color_attr (out, "stroke", mark.color);
                  _ties_svg_append_opacity_attr (out, "stroke-opacity",
                                                 g_array_index (self->marks, Mark, entry->first_mark + i).one_of ? 0.4 : 0.9);
                  g_string_append (out, "/>\n");
                }
              prev = mid;
            }
          continue;
        }
      if (mark.approximate || mark.uncertain)
        {
          /* As drawn: lighter in the outer half of each edge. */
          svg_rect (out, mark.fuzzy_x0, top + mark.height * 0.2, mark.fuzzy_x1 - mark.fuzzy_x0,
                    mark.height * 0.6, " class=\"fuzzy\" fill-opacity=\"0.2\"");
          svg_rect (out, (mark.fuzzy_x0 + mark.x0) / 2, top + mark.height * 0.2,
                    (mark.x1 + mark.fuzzy_x1) / 2 - (mark.fuzzy_x0 + mark.x0) / 2,
                    mark.height * 0.6, " class=\"fuzzy\" fill-opacity=\"0.25\"");
          if (mark.uncertain)
            {
              GString *extra = g_string_new (" class=\"uncertain\" fill=\"none\" stroke-dasharray=\"2 2\"");

              _ties_svg_append_color_attr (extra, "stroke", mark.color);
              svg_rect (out, mark.fuzzy_x0 + 0.5, top + 0.5, mark.fuzzy_x1 - mark.fuzzy_x0 - 1,
                        mark.height - 1, extra->str);
              g_string_free (extra, TRUE);
            }
        }
      {
        double w = MAX (mark.x1 - mark.x0, MIN_MARK_WIDTH);
        double mid = (mark.x0 + mark.x1) / 2;

        svg_rect (out, mid - w / 2, top, w, mark.height, NULL);
      }
    }
  g_string_append (out, "</g>\n");
}

/* The timeline as an <svg> element, @y down in an outer drawing (0: on
 * its own; then the XML declaration comes first). */
static void
write_svg (TiesTimeline *self,
           GString      *out,
           double        width,
           double        height,
           double        y,
           gboolean      standalone)
{
  guint32 text = _ties_renderer_text_color (self->style);
  double plot_x = ties_timeline_get_plot_x (self, width);
  double lh = _ties_timeline_lane_height (self, height);
  double name_size = _ties_timeline_name_size (self, height);
  double px_per_day = (width - plot_x - RIGHT_PAD) / (self->view_last - self->view_first);
  AxisPlan plan = _ties_timeline_plan_axis (px_per_day);
  SvgAxis axis = { out, self, width, height, text, "" };
  guint first, last;

  if (standalone)
    g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append (out, "<svg");
  if (standalone)
    g_string_append (out, " xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"");
  else
    _ties_svg_append_attr (out, "y", y);
  g_string_append (out, " width=\"");
  _ties_svg_append_number (out, width);
  g_string_append (out, "px\" height=\"");
  _ties_svg_append_number (out, height);
  g_string_append (out, "px\" viewBox=\"0 0 ");
  _ties_svg_append_number (out, width);
  g_string_append_c (out, ' ');
  _ties_svg_append_number (out, height);
  g_string_append (out, "\">\n");

  if (self->solid_background)
    {
      g_string_append (out, "<rect id=\"timeline-background\"");
      _ties_svg_append_attr (out, "width", width);
      _ties_svg_append_attr (out, "height", height);
      _ties_svg_append_color_attr (out, "fill", _ties_renderer_background_color (self->style));
      g_string_append (out, "/>\n");
    }

  g_string_append (out, "<g id=\"timeline\" font-family=\"" FONT_FAMILIES "\"");
  _ties_svg_append_attr (out, "font-size", AXIS_TEXT_SIZE);
  _ties_svg_append_color_attr (out, "fill", text);
  g_string_append (out, ">\n");

  /* Every other lane shaded, as drawn. */
  _ties_timeline_visible_lanes (self, height, &first, &last);
  g_string_append (out, "<g id=\"timeline-stripes\" fill-opacity=\"0.035\">\n");
  for (guint l = first; l < last; l++)
    if (l % 2 == 1)
      svg_rect (out, 0, _ties_timeline_lane_top (self, height, l), width, lh, NULL);
  g_string_append (out, "</g>\n");

  g_string_append (out, "<g id=\"timeline-axis\" stroke-width=\"1\" fill-opacity=\"0.7\"");
  _ties_svg_append_color_attr (out, "stroke", text);
  g_string_append (out, ">\n");
  _ties_timeline_for_each_tick (&plan, self->view_first, self->view_last, svg_tick, &axis);
  _ties_timeline_start_label (self, &plan, axis.start_label, sizeof axis.start_label);
  g_string_append (out, "<line");
  _ties_svg_append_attr (out, "x1", plot_x);
  _ties_svg_append_attr (out, "y1", AXIS_HEIGHT - 0.5);
  _ties_svg_append_attr (out, "x2", width);
  _ties_svg_append_attr (out, "y2", AXIS_HEIGHT - 0.5);
  g_string_append (out, " stroke-opacity=\"0.3\"/>\n");
  if (axis.start_label[0] != '\0')
    {
      g_string_append (out, "<text stroke=\"none\" fill-opacity=\"0.85\"");
      _ties_svg_append_attr (out, "x", plot_x + 3);
      _ties_svg_append_attr (out, "y", 13);
      g_string_append (out, ">");
      _ties_svg_append_escaped (out, axis.start_label, -1);
      g_string_append (out, "</text>\n");
    }
  g_string_append (out, "</g>\n");
  if (plot_x > 0 && name_size > 0)
    {
      g_string_append (out, "<clipPath id=\"timeline-names-clip\">");
      svg_rect (out, 0, AXIS_HEIGHT, plot_x - 6, height - AXIS_HEIGHT, NULL);
      g_string_append (out, "</clipPath>\n<g id=\"timeline-lanes\" stroke=\"none\" clip-path=\"url(#timeline-names-clip)\"");
      _ties_svg_append_attr (out, "font-size", name_size);
      g_string_append (out, ">\n");
      for (guint l = first; l < last; l++)
        {
          g_string_append (out, "<text x=\"8\"");
          _ties_svg_append_attr (out, "y", _ties_timeline_lane_top (self, height, l) + lh / 2 + name_size * 0.35);
          g_string_append (out, ">");
          _ties_svg_append_escaped (out, g_ptr_array_index (self->lane_names, l), -1);
          g_string_append (out, "</text>\n");
        }
      g_string_append (out, "</g>\n");
    }

  g_string_append (out, "<clipPath id=\"timeline-plot-clip\">");
  svg_rect (out, plot_x, AXIS_HEIGHT, width - plot_x, height - AXIS_HEIGHT, NULL);
  g_string_append (out, "</clipPath>\n<g id=\"timeline-events\" stroke=\"none\" clip-path=\"url(#timeline-plot-clip)\">\n");
  for (guint i = 0; i < self->entries->len; i++)
    svg_event (self, out, i, width, height);
  g_string_append (out, "</g>\n</g>\n</svg>\n");
}

GBytes *
ties_timeline_write_svg (TiesTimeline *self,
                         double        width,
                         double        height)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0 && isfinite (width) && isfinite (height), NULL);

  out = g_string_sized_new (4096 + 400 * (gsize) self->marks->len);
  write_svg (self, out, width, height, 0, TRUE);

  return g_string_free_to_bytes (out);
}

/* Export */

gboolean
ties_timeline_panel_from_string (const char        *text,
                                 TiesTimelinePanel *panel)
{
  static const char *names[] = { "diagram", "timeline", "both" };

  g_return_val_if_fail (panel != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (text, names[i]))
      {
        *panel = i;
        return TRUE;
      }

  return FALSE;
}

double
ties_timeline_panel_height (TiesTimeline *self,
                            double        height)
{
  g_return_val_if_fail (self != NULL, 0);

  /* Every lane at its natural height, within half the page. */
  return floor (MIN (ties_timeline_get_natural_height (self), height * 0.5));
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

void
ties_timeline_draw_panels (TiesTimeline *self,
                           TiesScene    *scene,
                           cairo_t      *cr,
                           double        width,
                           double        height)
{
  double strip;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  /* A page shows every lane: none is scrolled away. */
  self->fit_lanes = TRUE;
  self->lane_offset = 0;
  strip = scene != NULL ? ties_timeline_panel_height (self, height) : height;

  if (scene != NULL)
    {
      ties_scene_draw (scene, cr, width, height - strip);
      cairo_save (cr);
      cairo_translate (cr, 0, height - strip);
    }
  ties_timeline_draw (self, cr, width, strip);
  if (scene != NULL)
    cairo_restore (cr);
}

/* The diagram's own SVG, then the timeline's below it, each a nested
 * <svg>: each keeps its own coordinates and ids. */
static GBytes *
write_both_svg (TiesTimeline *self,
                TiesScene    *scene,
                double        width,
                double        height)
{
  double strip = ties_timeline_panel_height (self, height);
  g_autoptr(GBytes) diagram = ties_svg_writer_write_scene (scene, width, height - strip);
  const char *data = g_bytes_get_data (diagram, NULL);
  gsize size = g_bytes_get_size (diagram);
  const char *start = strstr (data, "<svg");
  GString *out = g_string_sized_new (size + 4096 + 400 * (gsize) self->marks->len);

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"");
  _ties_svg_append_number (out, width);
  g_string_append (out, "px\" height=\"");
  _ties_svg_append_number (out, height);
  g_string_append (out, "px\" viewBox=\"0 0 ");
  _ties_svg_append_number (out, width);
  g_string_append_c (out, ' ');
  _ties_svg_append_number (out, height);
  g_string_append (out, "\">\n");
  if (start != NULL)
    {
      /* The inner one needs no namespace of its own. */
      const char *ns = " xmlns=\"http://www.w3.org/2000/svg\"";
      const char *at = strstr (start, ns);

      if (at != NULL && at < strchr (start, '>'))
        {
          g_string_append_len (out, start, at - start);
          g_string_append_len (out, at + strlen (ns), data + size - (at + strlen (ns)));
        }
      else
        g_string_append_len (out, start, data + size - start);
    }
  write_svg (self, out, width, strip, height - strip, FALSE);
  g_string_append (out, "</svg>\n");

  return g_string_free_to_bytes (out);
}

gboolean
ties_timeline_export_panels (TiesTimeline            *self,
                              TiesScene               *scene,
                              const TiesExportOptions *options,
                              GFile                   *file,
                              GError                 **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GBytes) contents = NULL;
  cairo_status_t status = CAIRO_STATUS_SUCCESS;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (options->width > 0 && options->height > 0, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->fit_lanes = TRUE;
  self->lane_offset = 0;

  if (options->format == TIES_EXPORT_SVG)
    {
      g_autoptr(GBytes) svg = scene != NULL ? write_both_svg (self, scene, options->width, options->height)
                                            : ties_timeline_write_svg (self, options->width, options->height);

      contents = g_steal_pointer (&svg);
    }
  else if (options->format == TIES_EXPORT_PNG)
    {
      double scale = options->scale > 0 ? options->scale : 1.0;
      gboolean solid = self->solid_background && (scene == NULL || ties_scene_get_solid_background (scene));
      cairo_surface_t *surface = cairo_image_surface_create (solid ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32,
                                                             (int) ceil (options->width * scale - 1e-9),
                                                             (int) ceil (options->height * scale - 1e-9));
      cairo_t *cr = cairo_create (surface);

      cairo_scale (cr, scale, scale);
      ties_timeline_draw_panels (self, scene, cr, options->width, options->height);
      status = cairo_status (cr);
      cairo_destroy (cr);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
      cairo_surface_destroy (surface);
    }
  else
    {
      cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes,
                                                                      options->width, options->height);
      cairo_t *cr;

      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Ties " PACKAGE_VERSION);
      /* No time stamp: the same timeline gives the same bytes. */
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "");
      if (scene != NULL && ties_scene_get_title (scene) != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, ties_scene_get_title (scene));
      cr = cairo_create (surface);
      ties_timeline_draw_panels (self, scene, cr, options->width, options->height);
      status = cairo_status (cr);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status (surface);
      cairo_surface_destroy (surface);
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* TRANSLATORS: %s is cairo's description of the problem */
                   _("Could not draw the timeline: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  if (contents == NULL)
    contents = g_byte_array_free_to_bytes (g_steal_pointer (&bytes));

  return ties_safe_file_replace (file, contents, NULL, error);
}
