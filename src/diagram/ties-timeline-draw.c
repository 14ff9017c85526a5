/* ties-timeline-draw.c: the timeline on any cairo_t
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is in view only: the lanes' sorted index gives the marks in the
 * span by bisection (ties-timeline.c), marks that land on the pixels of
 * the one before of the same look are skipped, rectangles are gathered
 * per colour and filled once per colour and look, and text uses one
 * Pango layout per kind of text a frame.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "ties-renderer-private.h"
#include "ties-timeline-private.h"

static void
set_color (cairo_t *cr,
           guint32  color,
           double   alpha)
{
  cairo_set_source_rgba (cr,
                         ((color >> 16) & 0xff) / 255.0,
                         ((color >> 8) & 0xff) / 255.0,
                         (color & 0xff) / 255.0,
                         alpha);
}

static guint32
accent_color (TiesStyle style)
{
  /* libadwaita's blue accent, in each style. */
  return style == TIES_STYLE_DARK ? 0x78AEED : 0x1C71D8;
}

static void
push_rect (GArray **array,
           double   x,
           double   y,
           double   w,
           double   h)
{
  double r[4] = { x, y, w, h };

  if (*array == NULL)
    *array = g_array_new (FALSE, FALSE, sizeof r);
  g_array_append_val (*array, r);
}

typedef struct
{
  TiesTimeline *self;
  cairo_t *cr;
  PangoLayout *layout;
  double width;
  double height;
  AxisPlan plan;
  guint32 text;
  double last_label_end;
  double last_major_end;
  double first_major;           /* x of the first major label */
} AxisDraw;

static void
draw_tick (double      day,
           gboolean    major,
           const char *label,
           gpointer    user_data)
{
  AxisDraw *draw = user_data;
  cairo_t *cr = draw->cr;
  double x = round (ties_timeline_day_to_x (draw->self, draw->width, day)) + 0.5;
  double plot_x = ties_timeline_get_plot_x (draw->self, draw->width);
  int w, h;

  if (x < plot_x)
    return;

  /* Gridlines through the lanes: years and months' firsts stronger. */
  set_color (cr, draw->text, major ? 0.16 : 0.07);
  cairo_move_to (cr, x, AXIS_HEIGHT - (major ? 10 : 5));
  cairo_line_to (cr, x, draw->height - BOTTOM_PAD);
  cairo_stroke (cr);

  if (label != NULL && *label != '\0')
    {
      pango_layout_set_text (draw->layout, label, -1);
      pango_layout_get_pixel_size (draw->layout, &w, &h);
      if (x + 3 > draw->last_label_end && x + 3 + w < draw->width)
        {
          set_color (cr, draw->text, draw->plan.unit == AXIS_YEARS ? 0.8 : 0.6);
          cairo_move_to (cr, x + 3, AXIS_HEIGHT - 4 - h);
          pango_cairo_show_layout (cr, draw->layout);
          draw->last_label_end = x + 3 + w + 6;
        }
    }

  /* Above the months or days, the year or the month they are in. */
  if (major && draw->plan.unit != AXIS_YEARS)
    {
      GDate date;
      char text[64];

      g_date_clear (&date, 1);
      g_date_set_julian (&date, (guint32) day);
      if (draw->plan.unit == AXIS_DAYS)
        {
          if (g_date_strftime (text, sizeof text, "%B %Y", &date) == 0)
            return;
        }
      else
        g_snprintf (text, sizeof text, "%d", g_date_get_year (&date));
      pango_layout_set_text (draw->layout, text, -1);
      pango_layout_get_pixel_size (draw->layout, &w, &h);
      if (x + 3 > draw->last_major_end && x + 3 + w < draw->width)
        {
          set_color (cr, draw->text, 0.85);
          cairo_move_to (cr, x + 3, 2);
          pango_cairo_show_layout (cr, draw->layout);
          draw->last_major_end = x + 3 + w + 8;
          draw->first_major = MIN (draw->first_major, x);
        }
    }
}

static PangoLayout *
make_layout (cairo_t *cr,
             double   size,
             gboolean bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILIES);
  cairo_font_options_t *options = cairo_font_options_create ();

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_SEMIBOLD);
  pango_layout_set_font_description (layout, font);
  /* Hinting off: the same text lands the same at every size, screen
   * and file. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  pango_layout_context_changed (layout);
  cairo_font_options_destroy (options);

  return layout;
}


static void
draw_axis (TiesTimeline *self,
           cairo_t      *cr,
           double        width,
           double        height)
{
  char text[64];
  g_autoptr(PangoLayout) layout = make_layout (cr, AXIS_TEXT_SIZE, FALSE);
  double plot_x = ties_timeline_get_plot_x (self, width);
  double px_per_day = (width - plot_x - RIGHT_PAD) / (self->view_last - self->view_first);
  AxisDraw draw = { self, cr, layout, width, height, _ties_timeline_plan_axis (px_per_day),
                    _ties_renderer_text_color (self->style), -INFINITY, -INFINITY, INFINITY };

  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, plot_x, 0, width - plot_x, height);
  cairo_clip (cr);
  _ties_timeline_for_each_tick (&draw.plan, self->view_first, self->view_last, draw_tick, &draw);
  /* The year (or month) the view starts in, when no tick of its own
   * names it: a strip from mid-January still says which year. */
  if (_ties_timeline_start_label (self, &draw.plan, text, sizeof text))
    {
      int w, h;

      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      /* Only where the first named one leaves room. */
      if (plot_x + 3 + w + 8 < draw.first_major)
        {
          set_color (cr, draw.text, 0.85);
          cairo_move_to (cr, plot_x + 3, 2);
          pango_cairo_show_layout (cr, layout);
        }
    }
  /* The axis line. */
  set_color (cr, draw.text, 0.3);
  cairo_move_to (cr, plot_x, AXIS_HEIGHT - 0.5);
  cairo_line_to (cr, width, AXIS_HEIGHT - 0.5);
  cairo_stroke (cr);
  cairo_restore (cr);
}


static void
draw_lane_names (TiesTimeline *self,
                 cairo_t      *cr,
                 double        width,
                 double        height,
                 guint         first,
                 guint         last)
{
  double plot_x = ties_timeline_get_plot_x (self, width);
  double lh = _ties_timeline_lane_height (self, height);
  guint32 text = _ties_renderer_text_color (self->style);
  g_autoptr(PangoLayout) layout = NULL;
  double size = _ties_timeline_name_size (self, height);

  /* Names smaller than print reads: only stripes then. */
  if (plot_x <= 0 || size == 0)
    return;

  layout = make_layout (cr, size, FALSE);
  pango_layout_set_width (layout, (int) ((plot_x - 14) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  set_color (cr, text, 0.85);
  for (guint l = first; l < last; l++)
    {
      int w, h;

      pango_layout_set_text (layout, g_ptr_array_index (self->lane_names, l), -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_move_to (cr, 8, _ties_timeline_lane_top (self, height, l) + (lh - h) / 2);
      pango_cairo_show_layout (cr, layout);
    }
}

typedef struct
{
  guint event;
  double x;                     /* where the title would start */
  double room;                  /* up to the next mark in the lane */
  double y;
} TitleSpot;

static void
draw_titles (TiesTimeline *self,
             cairo_t      *cr,
             GArray       *spots,
             double        width)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, TEXT_SIZE - 1, FALSE);
  guint32 text = _ties_renderer_text_color (self->style);
  guint drawn = 0;

  set_color (cr, text, 0.75);
  for (guint i = 0; i < spots->len && drawn < MAX_TITLES; i++)
    {
      TitleSpot *spot = &g_array_index (spots, TitleSpot, i);
      Entry *entry = &g_array_index (self->entries, Entry, spot->event);
      const char *title = ties_event_get_title (entry->event);
      int w, h;

      if (title == NULL || *title == '\0')
        continue;
      /* Too little room for any title: no need to measure. */
      if (spot->room < 40 || spot->x + 40 > width)
        continue;
      if (entry->title_width < 0 || entry->title_width <= spot->room)
        {
          pango_layout_set_text (layout, title, -1);
          pango_layout_get_pixel_size (layout, &w, &h);
          entry->title_width = w;
          if (w + 4 > spot->room || spot->x + w > width)
            continue;
          cairo_move_to (cr, spot->x, spot->y - h / 2.0);
          pango_cairo_show_layout (cr, layout);
          drawn++;
        }
    }
}

static void
draw_marks (TiesTimeline *self,
            cairo_t      *cr,
            double        width,
            double        height,
            guint         first_lane,
            guint         last_lane)
{
  double plot_x = ties_timeline_get_plot_x (self, width);
  double lh = _ties_timeline_lane_height (self, height);
  double mh = _ties_timeline_mark_height (self, height);
  double scale = (width - plot_x - RIGHT_PAD) / (self->view_last - self->view_first);
  gboolean titles = lh >= TEXT_SIZE + 4;
  g_autoptr(GArray) spots = titles ? g_array_new (FALSE, FALSE, sizeof (TitleSpot)) : NULL;
  static const double dash[] = { 2.0, 2.0 };

#define DX(day) (plot_x + ((day) - self->view_first) * scale)

  for (guint c = 0; c < self->colors->len; c++)
    {
      Batch *batch = &self->batches[c];

      if (batch->fuzzy != NULL)
        g_array_set_size (batch->fuzzy, 0);
      if (batch->soft != NULL)
        g_array_set_size (batch->soft, 0);
      if (batch->strict != NULL)
        g_array_set_size (batch->strict, 0);
      if (batch->ticks != NULL)
        g_array_set_size (batch->ticks, 0);
      if (batch->dashed != NULL)
        g_array_set_size (batch->dashed, 0);
      if (batch->joins != NULL)
        g_array_set_size (batch->joins, 0);
      if (batch->faint_joins != NULL)
        g_array_set_size (batch->faint_joins, 0);
    }

  for (guint lane = first_lane; lane < last_lane; lane++)
    {
      guint begin, end;
      double y = _ties_timeline_lane_top (self, height, lane) + (lh - mh) / 2;
      /* What was drawn last in this lane, in whole pixels: a mark that
       * would cover the same pixels in the same colour adds nothing. */
      /* Per look of mark (type, approximate, uncertain), since marks of
       * other looks come between them in time. */
      int last_x0[12], last_x1[12];
      guint last_color[12];
      TitleSpot *pending = NULL;
      /* How far right the lane's marks reach so far: a title must start
       * after them, or it would be written over a longer bar. */
      double reach = -INFINITY;

      for (guint k = 0; k < G_N_ELEMENTS (last_color); k++)
        {
          last_x0[k] = last_x1[k] = G_MININT;
          last_color[k] = G_MAXUINT;
        }
      _ties_timeline_lane_window (self, lane, self->view_first, self->view_last, &begin, &end);
      for (guint s = begin; s < end; s++)
        {
          const Mark *m = _ties_timeline_lane_mark (self, s);
          Batch *batch = &self->batches[m->color];
          double x0 = DX (m->strict.first), x1 = DX (m->strict.last);
          double fx0 = DX (m->fuzzy.first), fx1 = DX (m->fuzzy.last);
          int px0, px1;
          guint look;

          if (fx1 < plot_x - 1 || fx0 > width)
            continue;

          if (pending != NULL)
            {
              pending->room = MIN (pending->room, fx0 - pending->x);
              pending = NULL;
            }

          px0 = (int) floor (fx0);
          px1 = (int) ceil (fx1);
          look = m->type * 4 + m->approximate * 2 + m->uncertain;
          if (px0 == last_x0[look] && px1 == last_x1[look] && m->color == last_color[look]
              && m->type != TIES_TIMELINE_MARK_SET)
            continue;
          last_x0[look] = px0;
          last_x1[look] = px1;
          last_color[look] = m->color;

          if (m->type == TIES_TIMELINE_MARK_SET)
            {
              double prev = NAN;

              for (guint k = 0; k < m->n_members; k++)
                {
                  const Span *span = &g_array_index (self->members, Span, m->first_member + k);
                  double a = DX (span->first), b = DX (span->last);
                  double w = MAX (b - a, MIN_MARK_WIDTH);
                  double mid = (a + b) / 2;

                  push_rect (&batch->ticks, mid - w / 2, y, w, mh);
                  if (!isnan (prev))
                    push_rect (m->one_of ? &batch->faint_joins : &batch->joins, prev, y + mh / 2, mid, y + mh / 2);
                  prev = mid;
                }
            }
          else
            {
              double w = MAX (x1 - x0, MIN_MARK_WIDTH);
              double mid = (x0 + x1) / 2;

              if (m->approximate || m->uncertain)
                {
                  /* The fuzzy range, lighter, and lighter still in its
                   * outer half: an edge that fades, without a gradient
                   * per mark. */
                  push_rect (&batch->fuzzy, fx0, y + mh * 0.2, fx1 - fx0, mh * 0.6);
                  push_rect (&batch->soft, (fx0 + x0) / 2, y + mh * 0.2, (x1 + fx1) / 2 - (fx0 + x0) / 2, mh * 0.6);
                  if (m->uncertain)
                    push_rect (&batch->dashed, fx0 + 0.5, y + 0.5, fx1 - fx0 - 1, mh - 1);
                }
              push_rect (m->type == TIES_TIMELINE_MARK_TICK ? &batch->ticks : &batch->strict,
                         mid - w / 2, y, w, mh);
            }

          if (titles && x1 < width - 40 && reach <= MAX (x1, fx1))
            {
              TitleSpot spot = { m->event, MAX (x1, fx1) + 3, width - MAX (x1, fx1), y + mh / 2 };

              g_array_append_val (spots, spot);
              pending = &g_array_index (spots, TitleSpot, spots->len - 1);
            }
          reach = MAX (reach, MAX (x1, fx1));
        }
    }
#undef DX

  cairo_save (cr);
  cairo_rectangle (cr, plot_x, AXIS_HEIGHT, width - plot_x, height - AXIS_HEIGHT);
  cairo_clip (cr);
  cairo_set_line_width (cr, 1);
  /* Bars under ticks, each kind of mark over every colour of the one
   * before: a day inside an interval of its own colour stays seen. */
  for (guint p = 0; p < 6; p++)
    {
      if (p == 4)
        {
          /* A rim of background around each tick. */
          for (guint c = 0; c < self->colors->len; c++)
            {
              GArray *rects = self->batches[c].ticks;

              for (guint i = 0; rects != NULL && i < rects->len; i++)
                {
                  double *r = &g_array_index (rects, double, 4 * i);

                  cairo_rectangle (cr, r[0] - 1, r[1] - 1, r[2] + 2, r[3] + 2);
                }
            }
          set_color (cr, _ties_renderer_background_color (self->style), 0.9);
          cairo_fill (cr);
          continue;
        }
      for (guint c = 0; c < self->colors->len; c++)
        {
          Batch *batch = &self->batches[c];
          GArray *passes[] = { batch->fuzzy, batch->soft, batch->strict, batch->dashed, NULL, batch->ticks };
          double alphas[] = { 0.2, 0.25, 1.0, 0.9, 0, 1.0 };
          GArray *rects = passes[p];

          if (rects == NULL || rects->len == 0)
            continue;
          for (guint i = 0; i < rects->len; i++)
            {
              double *r = &g_array_index (rects, double, 4 * i);

              cairo_rectangle (cr, r[0], r[1], r[2], r[3]);
            }
          set_color (cr, g_array_index (self->colors, guint32, c), alphas[p]);
          if (p == 3)
            {
              cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
              cairo_stroke (cr);
              cairo_set_dash (cr, NULL, 0, 0);
            }
          else
            cairo_fill (cr);
        }
    }

  for (guint c = 0; c < self->colors->len; c++)
    {
      Batch *batch = &self->batches[c];
      guint32 color = g_array_index (self->colors, guint32, c);

      for (guint faint = 0; faint < 2; faint++)
        {
          GArray *lines = faint ? batch->faint_joins : batch->joins;

          if (lines == NULL || lines->len == 0)
            continue;
          for (guint i = 0; i < lines->len; i++)
            {
              double *r = &g_array_index (lines, double, 4 * i);

              cairo_move_to (cr, r[0], r[1]);
              cairo_line_to (cr, r[2], r[3]);
            }
          set_color (cr, color, faint ? 0.4 : 0.9);
          cairo_stroke (cr);
        }
    }
  if (spots != NULL)
    draw_titles (self, cr, spots, width);
  cairo_restore (cr);
}

void
ties_timeline_draw (TiesTimeline *self,
                    cairo_t      *cr,
                    double        width,
                    double        height)
{
  guint first, last;
  double plot_x, lh;
  guint32 text;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  if (!(width > 0) || !(height > 0))
    return;

  text = _ties_renderer_text_color (self->style);
  plot_x = ties_timeline_get_plot_x (self, width);
  lh = _ties_timeline_lane_height (self, height);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (self->solid_background)
    {
      set_color (cr, _ties_renderer_background_color (self->style), 1);
      cairo_paint (cr);
    }

  _ties_timeline_visible_lanes (self, height, &first, &last);
  /* Every other lane shaded, so a mark is read against its lane. */
  set_color (cr, text, 0.035);
  for (guint l = first; l < last; l++)
    if (l % 2 == 1)
      cairo_rectangle (cr, 0, _ties_timeline_lane_top (self, height, l), width, lh);
  cairo_fill (cr);

  draw_axis (self, cr, width, height);
  cairo_save (cr);
  cairo_rectangle (cr, 0, AXIS_HEIGHT, width, height - AXIS_HEIGHT);
  cairo_clip (cr);
  draw_marks (self, cr, width, height, first, last);
  draw_lane_names (self, cr, width, height, first, last);
  cairo_restore (cr);

  if (plot_x > 0)
    {
      set_color (cr, text, 0.15);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, plot_x - 0.5, 0);
      cairo_line_to (cr, plot_x - 0.5, height);
      cairo_stroke (cr);
    }

  if (self->entries->len == 0)
    {
      g_autoptr(PangoLayout) layout = make_layout (cr, TEXT_SIZE, FALSE);
      int w, h;

      pango_layout_set_text (layout, _("No dated events"), -1);
      pango_layout_get_pixel_size (layout, &w, &h);
      set_color (cr, text, 0.55);
      cairo_move_to (cr, plot_x + (width - plot_x - w) / 2, AXIS_HEIGHT + (height - AXIS_HEIGHT - h) / 2);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_restore (cr);
}

void
ties_timeline_draw_highlight (TiesTimeline *self,
                              cairo_t      *cr,
                              double        width,
                              double        height,
                              guint         index,
                              gboolean      strong)
{
  guint n;

  g_return_if_fail (self != NULL);

  if (index >= self->entries->len)
    return;
  n = ties_timeline_get_n_marks (self, index);
  cairo_save (cr);
  cairo_rectangle (cr, ties_timeline_get_plot_x (self, width), AXIS_HEIGHT, width, height - AXIS_HEIGHT);
  cairo_clip (cr);
  for (guint i = 0; i < n; i++)
    {
      TiesTimelineMark mark;
      double x0, x1;

      ties_timeline_get_mark (self, index, i, width, height, &mark);
      x0 = MIN (mark.x0, mark.fuzzy_x0);
      x1 = MAX (MAX (mark.x1, mark.fuzzy_x1), x0 + MIN_MARK_WIDTH);
      cairo_rectangle (cr, x0 - 2.5, mark.y - mark.height / 2 - 2.5, x1 - x0 + 5, mark.height + 5);
    }
  if (strong)
    {
      set_color (cr, accent_color (self->style), 1);
      cairo_set_line_width (cr, 2);
    }
  else
    {
      set_color (cr, _ties_renderer_text_color (self->style), 0.55);
      cairo_set_line_width (cr, 1.5);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}
