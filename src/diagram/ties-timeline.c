/* ties-timeline.c: when ties formed, and how sure we are of each date
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each event the network counts becomes a mark per lane (per participant,
 * or its kind's one lane), kept in days rather than pixels: zooming and
 * panning only change the day → pixel mapping, never the layout. A date
 * is drawn as precisely as it is written: a day a tick, a month or an
 * interval a bar over its strict range, "~" and "?" a faint extension
 * (dashed for "?") over the fuzzy range, a set its members' own ticks
 * joined by a line (faint for "one of": only one of them happened).
 *
 * Speed, for 10,000 events within a 60 Hz frame: each lane keeps its
 * marks sorted by where their fuzzy range starts, so a frame finds what
 * is in view by bisection (_ties_timeline_lane_window()); event titles
 * are measured only once, when they first have room.
 *
 * Here: the layout, its geometry, hit-testing and the time axis's
 * ticks; the drawing is in ties-timeline-draw.c, the SVG and the
 * exports in ties-timeline-svg.c.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ties-date.h"
#include "ties-event-kind.h"
#include "ties-timeline-private.h"

void
ties_timeline_options_init (TiesTimelineOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->lanes = TIES_TIMELINE_LANES_ACTOR;
  options->style = TIES_STYLE_LIGHT;
  options->solid_background = TRUE;
}

static gboolean
parse_hex_color (const char *text,
                 guint32    *color)
{
  guint32 value = 0;

  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    {
      if (!g_ascii_isxdigit (text[i]))
        return FALSE;
      value = (value << 4) | g_ascii_xdigit_value (text[i]);
    }
  *color = value;

  return TRUE;
}

static guint
intern_color (TiesTimeline *self,
              guint32       color)
{
  for (guint i = 0; i < self->colors->len; i++)
    if (g_array_index (self->colors, guint32, i) == color)
      return i;
  g_array_append_val (self->colors, color);

  return self->colors->len - 1;
}

/* Strict range of @date as days [first, last + 1), open ends left as
 * TIES_DATE_DAY_MIN / MAX for the caller to close. */
static void
date_spans (TiesDate *date,
            Span     *strict,
            Span     *fuzzy)
{
  gint64 a, b;

  ties_date_get_strict_range (date, &a, &b);
  strict->first = a == TIES_DATE_DAY_MIN ? -INFINITY : (double) a;
  strict->last = b == TIES_DATE_DAY_MAX ? INFINITY : (double) b + 1;
  ties_date_get_fuzzy_range (date, &a, &b);
  fuzzy->first = a == TIES_DATE_DAY_MIN ? -INFINITY : (double) a;
  fuzzy->last = b == TIES_DATE_DAY_MAX ? INFINITY : (double) b + 1;
}

/* The members of a set "[a,b,c..d]": TiesDate keeps only the set's
 * whole range, and the timeline draws each member where it is. */
static void
add_set_members (TiesTimeline *self,
                 TiesDate     *date,
                 Mark         *mark)
{
  const char *text = ties_date_get_text (date);
  g_autofree char *inner = NULL;
  g_auto(GStrv) parts = NULL;
  gsize len = strlen (text);

  mark->first_member = self->members->len;
  mark->n_members = 0;
  if (len < 2)
    return;
  inner = g_strndup (text + 1, len - 2);
  parts = g_strsplit (inner, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *part = g_strstrip (g_strdup (parts[i]));
      char *dots = strstr (part, "..");
      Span span = { -INFINITY, INFINITY }, fuzzy;

      if (dots != NULL)
        {
          g_autoptr(TiesDate) from = NULL;
          g_autoptr(TiesDate) to = NULL;

          *dots = '\0';
          from = *part != '\0' ? ties_date_parse (part, NULL, NULL) : NULL;
          to = dots[2] != '\0' ? ties_date_parse (dots + 2, NULL, NULL) : NULL;
          if (from != NULL)
            date_spans (from, &span, &fuzzy);
          if (to != NULL)
            {
              Span end;

              date_spans (to, &end, &fuzzy);
              span.last = end.last;
              if (from == NULL)
                span.first = -INFINITY;
            }
          else
            span.last = INFINITY;
        }
      else
        {
          g_autoptr(TiesDate) member = ties_date_parse (part, NULL, NULL);

          if (member == NULL)
            continue;
          date_spans (member, &span, &fuzzy);
        }
      g_array_append_val (self->members, span);
      mark->n_members++;
    }
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a, *y = b;

  return ties_date_compare (x->date, y->date);
}

static guint
lane_for (TiesTimeline *self,
          GHashTable   *lanes,
          const char   *key,
          const char   *name)
{
  gpointer value;

  if (g_hash_table_lookup_extended (lanes, key, NULL, &value))
    return GPOINTER_TO_UINT (value);
  g_hash_table_insert (lanes, (gpointer) key, GUINT_TO_POINTER (self->lane_names->len));
  g_ptr_array_add (self->lane_names, g_strdup (name));

  return self->lane_names->len - 1;
}

const Mark *
_ties_timeline_lane_mark (TiesTimeline *self,
           guint         slot)
{
  return &g_array_index (self->marks, Mark, self->lane_marks[slot]);
}

static TiesTimeline *sort_self;

static int
compare_lane_slots (gconstpointer a,
                    gconstpointer b)
{
  const Mark *x = &g_array_index (sort_self->marks, Mark, *(const guint *) a);
  const Mark *y = &g_array_index (sort_self->marks, Mark, *(const guint *) b);

  if (x->lane != y->lane)
    return x->lane < y->lane ? -1 : 1;
  if (x->fuzzy.first != y->fuzzy.first)
    return x->fuzzy.first < y->fuzzy.first ? -1 : 1;
  return x->event < y->event ? -1 : x->event > y->event;
}

static void
index_lanes (TiesTimeline *self)
{
  guint n_lanes = self->lane_names->len;
  guint n = self->marks->len;
  G_LOCK_DEFINE_STATIC (sort);

  self->lane_marks = g_new (guint, MAX (n, 1));
  self->lane_start = g_new0 (guint, n_lanes + 1);
  self->lane_longest = g_new0 (double, MAX (n_lanes, 1));
  for (guint i = 0; i < n; i++)
    self->lane_marks[i] = i;
  /* qsort() has no user data; the lock keeps two threads building
   * timelines from sharing the pointer. */
  G_LOCK (sort);
  sort_self = self;
  qsort (self->lane_marks, n, sizeof (guint), compare_lane_slots);
  sort_self = NULL;
  G_UNLOCK (sort);

  for (guint i = 0; i < n; i++)
    {
      const Mark *mark = _ties_timeline_lane_mark (self, i);

      self->lane_start[mark->lane + 1] = i + 1;
      self->lane_longest[mark->lane] = MAX (self->lane_longest[mark->lane],
                                            mark->fuzzy.last - mark->fuzzy.first);
    }
  /* Lanes are numbered in order of first mark, so none is empty. */
  for (guint l = 1; l <= n_lanes; l++)
    self->lane_start[l] = MAX (self->lane_start[l], self->lane_start[l - 1]);
}

/* Open ends ("from May 2019", "..1760") run to the edge of what the
 * other dates span, with a year's room. */
static void
close_open_ends (TiesTimeline *self)
{
  double lo = INFINITY, hi = -INFINITY;

  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *m = &g_array_index (self->marks, Mark, i);
      double ends[] = { m->strict.first, m->strict.last, m->fuzzy.first, m->fuzzy.last };

      for (guint k = 0; k < G_N_ELEMENTS (ends); k++)
        if (isfinite (ends[k]))
          {
            lo = MIN (lo, ends[k]);
            hi = MAX (hi, ends[k]);
          }
    }
  if (!isfinite (lo))
    {
      /* Nothing dated, or only open sets: today's year, for an axis. */
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      GDate today;

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, 1, 1, g_date_time_get_year (now));
      lo = g_date_get_julian (&today);
      hi = lo + 365;
    }
  lo -= 365;
  hi += 365;

#define CLOSE(v) ((v) = isfinite (v) ? (v) : ((v) < 0 ? lo : hi))
  for (guint i = 0; i < self->marks->len; i++)
    {
      Mark *m = &g_array_index (self->marks, Mark, i);

      CLOSE (m->strict.first);
      CLOSE (m->strict.last);
      CLOSE (m->fuzzy.first);
      CLOSE (m->fuzzy.last);
    }
  for (guint i = 0; i < self->members->len; i++)
    {
      Span *s = &g_array_index (self->members, Span, i);

      CLOSE (s->first);
      CLOSE (s->last);
    }
#undef CLOSE

  /* The extent: all the marks' fuzzy ranges, padded by 3 %. */
  lo = INFINITY;
  hi = -INFINITY;
  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *m = &g_array_index (self->marks, Mark, i);

      lo = MIN (lo, m->fuzzy.first);
      hi = MAX (hi, m->fuzzy.last);
    }
  if (!isfinite (lo))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      GDate today;

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, 1, 1, g_date_time_get_year (now));
      lo = g_date_get_julian (&today);
      hi = lo + 365;
    }
  if (hi - lo < 30)
    {
      double mid = (lo + hi) / 2;

      lo = mid - 15;
      hi = mid + 15;
    }
  self->extent_first = lo - (hi - lo) * 0.03;
  self->extent_last = hi + (hi - lo) * 0.03;
  self->view_first = self->extent_first;
  self->view_last = self->extent_last;
}

TiesTimeline *
ties_timeline_new (TiesDocument              *document,
                   TiesNetwork               *network,
                   const TiesTimelineOptions *options)
{
  TiesTimeline *self;
  TiesTimelineOptions defaults;
  GListModel *events;
  guint n;
  g_autoptr(GHashTable) lanes = NULL;
  g_autoptr(GHashTable) kind_colors = NULL;

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (network == NULL || TIES_IS_NETWORK (network), NULL);

  if (options == NULL)
    {
      ties_timeline_options_init (&defaults);
      options = &defaults;
    }

  self = g_new0 (TiesTimeline, 1);
  self->lanes = options->lanes;
  self->style = options->style;
  self->solid_background = options->solid_background;
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  self->members = g_array_new (FALSE, FALSE, sizeof (Span));
  self->lane_names = g_ptr_array_new_with_free_func (g_free);
  self->colors = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->index = g_hash_table_new (NULL, NULL);

  events = ties_document_get_events (document);
  n = g_list_model_get_n_items (events);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (events, i);
      TiesDate *date = ties_event_get_parsed_date (event);
      Entry entry = { 0 };

      if (date == NULL || (network != NULL && !ties_network_includes_event (network, event)))
        continue;
      entry.event = g_object_ref (event);
      entry.date = ties_date_ref (date);
      entry.title_width = -1;
      g_array_append_val (self->entries, entry);
    }
  /* Stable: equal dates keep document order. */
  g_array_sort (self->entries, compare_entries);

  lanes = g_hash_table_new (g_str_hash, g_str_equal);
  kind_colors = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);
      const char *kind = ties_event_get_kind (entry->event);
      const char * const *participants = ties_event_get_participants (entry->event);
      guint32 color = NO_KIND_COLOR;
      guint color_index;
      Mark mark = { 0 };
      gpointer cached;

      g_hash_table_insert (self->index, entry->event, GUINT_TO_POINTER (i + 1));

      if (kind != NULL && g_hash_table_lookup_extended (kind_colors, kind, NULL, &cached))
        color = GPOINTER_TO_UINT (cached);
      else if (kind != NULL)
        {
          TiesEventKind *event_kind = ties_document_lookup_event_kind (document, kind);

          if (event_kind != NULL)
            parse_hex_color (ties_event_kind_get_display_color (event_kind), &color);
          g_hash_table_insert (kind_colors, (gpointer) kind, GUINT_TO_POINTER (color));
        }
      color_index = intern_color (self, color);

      mark.event = i;
      mark.color = color_index;
      mark.approximate = ties_date_is_approximate (entry->date);
      mark.uncertain = ties_date_is_uncertain (entry->date);
      date_spans (entry->date, &mark.strict, &mark.fuzzy);
      switch (ties_date_get_kind (entry->date))
        {
        case TIES_DATE_KIND_ONE_OF:
        case TIES_DATE_KIND_ALL_OF:
          mark.type = TIES_TIMELINE_MARK_SET;
          mark.one_of = ties_date_get_kind (entry->date) == TIES_DATE_KIND_ONE_OF;
          add_set_members (self, entry->date, &mark);
          break;
        case TIES_DATE_KIND_INTERVAL:
          mark.type = TIES_TIMELINE_MARK_BAR;
          break;
        case TIES_DATE_KIND_SINGLE:
        default:
          mark.type = mark.strict.last - mark.strict.first <= 1 ? TIES_TIMELINE_MARK_TICK : TIES_TIMELINE_MARK_BAR;
          break;
        }

      entry->first_mark = self->marks->len;
      if (self->lanes == TIES_TIMELINE_LANES_KIND)
        {
          mark.lane = lane_for (self, lanes, kind != NULL ? kind : "",
                                kind != NULL ? ties_document_get_kind_label (document, kind) : _("No kind"));
          g_array_append_val (self->marks, mark);
        }
      else if (participants == NULL || participants[0] == NULL)
        {
          mark.lane = lane_for (self, lanes, "", _("No one named"));
          g_array_append_val (self->marks, mark);
        }
      else
        for (guint p = 0; participants[p] != NULL; p++)
          {
            gpointer seen;

            /* A participant named twice is one lane, one mark. */
            if (g_hash_table_lookup_extended (lanes, participants[p], NULL, &seen))
              {
                gboolean twice = FALSE;

                for (guint k = entry->first_mark; k < self->marks->len; k++)
                  twice |= g_array_index (self->marks, Mark, k).lane == GPOINTER_TO_UINT (seen);
                if (twice)
                  continue;
              }
            mark.lane = lane_for (self, lanes, participants[p],
                                  ties_document_get_actor_name (document, participants[p]));
            g_array_append_val (self->marks, mark);
          }
      entry->n_marks = self->marks->len - entry->first_mark;
    }
  /* The keys of @lanes are the events' strings, which live as long as
   * the events this timeline holds. */

  close_open_ends (self);
  index_lanes (self);
  self->batches = g_new0 (Batch, MAX (self->colors->len, 1));

  return self;
}

static void
batch_clear (Batch *batch)
{
  g_clear_pointer (&batch->fuzzy, g_array_unref);
  g_clear_pointer (&batch->soft, g_array_unref);
  g_clear_pointer (&batch->strict, g_array_unref);
  g_clear_pointer (&batch->ticks, g_array_unref);
  g_clear_pointer (&batch->dashed, g_array_unref);
  g_clear_pointer (&batch->joins, g_array_unref);
  g_clear_pointer (&batch->faint_joins, g_array_unref);
}

void
ties_timeline_free (TiesTimeline *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      g_object_unref (entry->event);
      ties_date_unref (entry->date);
    }
  for (guint i = 0; i < MAX (self->colors->len, 1); i++)
    batch_clear (&self->batches[i]);
  g_free (self->batches);
  g_array_unref (self->entries);
  g_array_unref (self->marks);
  g_array_unref (self->members);
  g_ptr_array_unref (self->lane_names);
  g_array_unref (self->colors);
  g_hash_table_unref (self->index);
  g_free (self->lane_marks);
  g_free (self->lane_start);
  g_free (self->lane_longest);
  g_free (self);
}

TiesTimelineLanes
ties_timeline_get_lanes (TiesTimeline *self)
{
  g_return_val_if_fail (self != NULL, TIES_TIMELINE_LANES_ACTOR);

  return self->lanes;
}

TiesStyle
ties_timeline_get_style (TiesTimeline *self)
{
  g_return_val_if_fail (self != NULL, TIES_STYLE_LIGHT);

  return self->style;
}

void
ties_timeline_set_style (TiesTimeline *self,
                         TiesStyle     style)
{
  g_return_if_fail (self != NULL);

  self->style = style;
}

void
ties_timeline_get_view (TiesTimeline *self,
                        double       *first_day,
                        double       *last_day)
{
  g_return_if_fail (self != NULL);

  if (first_day != NULL)
    *first_day = self->view_first;
  if (last_day != NULL)
    *last_day = self->view_last;
}

void
ties_timeline_set_view (TiesTimeline *self,
                        double        first_day,
                        double        last_day)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (isfinite (first_day) && isfinite (last_day));

  /* An hour at the finest, ten thousand years at the widest: beyond
   * either nothing more can be read. */
  if (last_day - first_day < 1.0 / 24)
    {
      double mid = (first_day + last_day) / 2;

      first_day = mid - 1.0 / 48;
      last_day = mid + 1.0 / 48;
    }
  if (last_day - first_day > 3652500)
    {
      double mid = (first_day + last_day) / 2;

      first_day = mid - 1826250;
      last_day = mid + 1826250;
    }
  self->view_first = first_day;
  self->view_last = last_day;
}

void
ties_timeline_get_extent (TiesTimeline *self,
                          double       *first_day,
                          double       *last_day)
{
  g_return_if_fail (self != NULL);

  if (first_day != NULL)
    *first_day = self->extent_first;
  if (last_day != NULL)
    *last_day = self->extent_last;
}

double
_ties_timeline_name_size (TiesTimeline *self,
                          double        height)
{
  double size = MIN (TEXT_SIZE, _ties_timeline_lane_height (self, height) - 2);

  /* A page fits every lane, thinner if need be: the names follow, down
   * to what print still reads. */
  return size >= MIN_TEXT_SIZE ? size : 0;
}

double
_ties_timeline_lane_height (TiesTimeline *self,
             double        height)
{
  guint n = MAX (self->lane_names->len, 1);

  return CLAMP ((height - AXIS_HEIGHT - BOTTOM_PAD) / n, self->fit_lanes ? 1.0 : MIN_LANE, MAX_LANE);
}

void
ties_timeline_set_fit_lanes (TiesTimeline *self,
                             gboolean      fit)
{
  g_return_if_fail (self != NULL);

  self->fit_lanes = !!fit;
}

double
ties_timeline_get_natural_height (TiesTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return AXIS_HEIGHT + BOTTOM_PAD + MAX (self->lane_names->len, 1) * NATURAL_LANE;
}

double
ties_timeline_get_max_lane_offset (TiesTimeline *self,
                                   double        height)
{
  g_return_val_if_fail (self != NULL, 0);

  return MAX (0, _ties_timeline_lane_height (self, height) * self->lane_names->len - (height - AXIS_HEIGHT - BOTTOM_PAD));
}

double
ties_timeline_get_lane_offset (TiesTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->lane_offset;
}

void
ties_timeline_set_lane_offset (TiesTimeline *self,
                               double        offset)
{
  g_return_if_fail (self != NULL);

  self->lane_offset = isfinite (offset) ? MAX (0, offset) : 0;
}

double
ties_timeline_get_plot_x (TiesTimeline *self,
                          double        width)
{
  g_return_val_if_fail (self != NULL, 0);

  /* Names need room; a narrow strip gives it all to time. */
  return width < 240 ? 0 : CLAMP (width * 0.18, 80, 160);
}

double
ties_timeline_day_to_x (TiesTimeline *self,
                        double        width,
                        double        day)
{
  double x0 = ties_timeline_get_plot_x (self, width);
  double w = MAX (1, width - x0 - RIGHT_PAD);

  return x0 + (day - self->view_first) / (self->view_last - self->view_first) * w;
}

double
ties_timeline_x_to_day (TiesTimeline *self,
                        double        width,
                        double        x)
{
  double x0 = ties_timeline_get_plot_x (self, width);
  double w = MAX (1, width - x0 - RIGHT_PAD);

  return self->view_first + (x - x0) / w * (self->view_last - self->view_first);
}

guint
ties_timeline_get_n_lanes (TiesTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->lane_names->len;
}

const char *
ties_timeline_get_lane_name (TiesTimeline *self,
                             guint         lane)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (lane < self->lane_names->len, NULL);

  return g_ptr_array_index (self->lane_names, lane);
}

guint
ties_timeline_get_n_events (TiesTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->entries->len;
}

TiesEvent *
ties_timeline_get_event (TiesTimeline *self,
                         guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  return g_array_index (self->entries, Entry, index).event;
}

guint
ties_timeline_find_event (TiesTimeline *self,
                          TiesEvent    *event)
{
  g_return_val_if_fail (self != NULL, G_MAXUINT);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->index, event)) - 1;
}

char *
ties_timeline_dup_event_text (TiesTimeline *self,
                              guint         index)
{
  Entry *entry;
  g_autofree char *date = NULL;
  const char *title;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  entry = &g_array_index (self->entries, Entry, index);
  date = ties_date_format (entry->date);
  title = ties_event_get_title (entry->event);
  if (title == NULL || *title == '\0')
    title = ties_event_get_id (entry->event);

  /* TRANSLATORS: an event's title and its date, "Call with Zuckerberg, 17 April 2019" */
  return g_strdup_printf (_("%s, %s"), title, date);
}

guint
ties_timeline_get_n_marks (TiesTimeline *self,
                           guint         index)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (index < self->entries->len, 0);

  return g_array_index (self->entries, Entry, index).n_marks;
}

double
_ties_timeline_lane_top (TiesTimeline *self,
          double        height,
          guint         lane)
{
  return AXIS_HEIGHT + lane * _ties_timeline_lane_height (self, height) - self->lane_offset;
}

double
_ties_timeline_mark_height (TiesTimeline *self,
             double        height)
{
  return MIN (MARK_HEIGHT, _ties_timeline_lane_height (self, height) * 0.6);
}

gboolean
ties_timeline_get_mark (TiesTimeline     *self,
                        guint             index,
                        guint             mark,
                        double            width,
                        double            height,
                        TiesTimelineMark *out)
{
  const Entry *entry;
  const Mark *m;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (index >= self->entries->len)
    return FALSE;
  entry = &g_array_index (self->entries, Entry, index);
  if (mark >= entry->n_marks)
    return FALSE;
  m = &g_array_index (self->marks, Mark, entry->first_mark + mark);

  out->type = m->type;
  out->lane = m->lane;
  out->x0 = ties_timeline_day_to_x (self, width, m->strict.first);
  out->x1 = ties_timeline_day_to_x (self, width, m->strict.last);
  out->fuzzy_x0 = ties_timeline_day_to_x (self, width, m->fuzzy.first);
  out->fuzzy_x1 = ties_timeline_day_to_x (self, width, m->fuzzy.last);
  out->approximate = m->approximate;
  out->uncertain = m->uncertain;
  out->y = _ties_timeline_lane_top (self, height, m->lane) + _ties_timeline_lane_height (self, height) / 2;
  out->height = _ties_timeline_mark_height (self, height);
  out->n_members = m->n_members;
  out->color = g_array_index (self->colors, guint32, m->color);

  return TRUE;
}

gboolean
ties_timeline_get_member_x (TiesTimeline *self,
                            guint         index,
                            guint         member,
                            double        width,
                            double       *x0,
                            double       *x1)
{
  const Entry *entry;
  const Mark *m;
  const Span *span;

  g_return_val_if_fail (self != NULL, FALSE);

  if (index >= self->entries->len)
    return FALSE;
  entry = &g_array_index (self->entries, Entry, index);
  if (entry->n_marks == 0)
    return FALSE;
  m = &g_array_index (self->marks, Mark, entry->first_mark);
  if (member >= m->n_members)
    return FALSE;
  span = &g_array_index (self->members, Span, m->first_member + member);
  *x0 = ties_timeline_day_to_x (self, width, span->first);
  *x1 = ties_timeline_day_to_x (self, width, span->last);

  return TRUE;
}

guint
ties_timeline_find_nearest (TiesTimeline *self,
                            guint         lane,
                            double        day)
{
  guint best = G_MAXUINT;
  double best_distance = INFINITY;

  g_return_val_if_fail (self != NULL, G_MAXUINT);

  if (lane >= self->lane_names->len)
    return G_MAXUINT;
  for (guint s = self->lane_start[lane]; s < self->lane_start[lane + 1]; s++)
    {
      const Mark *m = _ties_timeline_lane_mark (self, s);
      double distance = fabs ((m->strict.first + m->strict.last) / 2 - day);

      if (distance < best_distance)
        {
          best_distance = distance;
          best = m->event;
        }
    }

  return best;
}

/* The slots of @lane whose marks may reach into [first, last). */
void
_ties_timeline_lane_window (TiesTimeline *self,
             guint         lane,
             double        first,
             double        last,
             guint        *begin,
             guint        *end)
{
  guint lo = self->lane_start[lane], hi = self->lane_start[lane + 1];
  double from = first - self->lane_longest[lane];

  /* The first mark starting at or after @from: a mark that starts
   * earlier ends before @first, being no longer than the longest. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (_ties_timeline_lane_mark (self, mid)->fuzzy.first < from)
        lo = mid + 1;
      else
        hi = mid;
    }
  *begin = lo;
  hi = self->lane_start[lane + 1];
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (_ties_timeline_lane_mark (self, mid)->fuzzy.first < last)
        lo = mid + 1;
      else
        hi = mid;
    }
  *end = lo;
}

static double
span_distance (double x,
               double x0,
               double x1)
{
  return x < x0 ? x0 - x : x > x1 ? x - x1 : 0;
}

guint
ties_timeline_hit (TiesTimeline *self,
                   double        width,
                   double        height,
                   double        x,
                   double        y,
                   guint        *lane_out)
{
  double lh, day_slop, d0, d1;
  gint64 lane;
  guint begin, end, best = G_MAXUINT;
  double best_distance = INFINITY, best_length = INFINITY;

  g_return_val_if_fail (self != NULL, G_MAXUINT);

  if (lane_out != NULL)
    *lane_out = G_MAXUINT;
  if (y < AXIS_HEIGHT || x < ties_timeline_get_plot_x (self, width))
    return G_MAXUINT;
  lh = _ties_timeline_lane_height (self, height);
  lane = (gint64) floor ((y - AXIS_HEIGHT + self->lane_offset) / lh);
  if (lane < 0 || lane >= self->lane_names->len)
    return G_MAXUINT;

  day_slop = ties_timeline_x_to_day (self, width, x + HIT_SLOP) - ties_timeline_x_to_day (self, width, x);
  d0 = ties_timeline_x_to_day (self, width, x) - day_slop;
  d1 = d0 + 2 * day_slop;
  _ties_timeline_lane_window (self, lane, d0, d1, &begin, &end);
  for (guint s = begin; s < end; s++)
    {
      const Mark *m = _ties_timeline_lane_mark (self, s);
      double distance, length = m->strict.last - m->strict.first;

      if (m->type == TIES_TIMELINE_MARK_SET)
        {
          distance = INFINITY;
          for (guint k = 0; k < m->n_members; k++)
            {
              const Span *span = &g_array_index (self->members, Span, m->first_member + k);
              double a = ties_timeline_day_to_x (self, width, span->first);
              double b = MAX (ties_timeline_day_to_x (self, width, span->last), a + MIN_MARK_WIDTH);

              distance = MIN (distance, span_distance (x, a, b));
            }
        }
      else
        {
          double a = ties_timeline_day_to_x (self, width, m->fuzzy.first);
          double b = MAX (ties_timeline_day_to_x (self, width, m->fuzzy.last), a + MIN_MARK_WIDTH);

          distance = span_distance (x, a, b);
          /* Inside the faint fuzzy edges counts, but less than being
           * near a solid mark: a tick a pixel or two away beats the
           * wide edges of a month around it. */
          if (distance == 0)
            {
              double sa = ties_timeline_day_to_x (self, width, m->strict.first);
              double sb = MAX (ties_timeline_day_to_x (self, width, m->strict.last), sa + MIN_MARK_WIDTH);

              distance = span_distance (x, sa, sb) > 0 ? HIT_SLOP - 0.5 : 0;
            }
        }
      /* Of marks under the pointer, the shortest: a day inside a year. */
      if (distance <= HIT_SLOP
          && (distance < best_distance || (distance == best_distance && length < best_length)))
        {
          best = m->event;
          best_distance = distance;
          best_length = length;
        }
    }

  if (best != G_MAXUINT && lane_out != NULL)
    *lane_out = lane;

  return best;
}

/* The time axis: which ticks a span has room for, shared by the
 * drawing and the SVG. */

AxisPlan
_ties_timeline_plan_axis (double px_per_day)
{
  static const int steps[] = { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000 };
  AxisPlan plan = { AXIS_YEARS, 1, TRUE };

  if (px_per_day >= 4)
    {
      plan.unit = AXIS_DAYS;
      plan.minor_labels = px_per_day >= 18;
      return plan;
    }
  if (px_per_day * 30.44 >= 5)
    {
      plan.unit = AXIS_MONTHS;
      plan.minor_labels = px_per_day * 30.44 >= 28;
      return plan;
    }
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      plan.step = steps[i];
      if (px_per_day * 365.25 * steps[i] >= 48)
        break;
    }

  return plan;
}

/* Calls @func for each tick of @plan from @first to @last: its day,
 * whether it is a major one (a year, or a month's first day), and its
 * labels. GDate covers years 1 to 65535; beyond, no axis is drawn. */

void
_ties_timeline_for_each_tick (const AxisPlan *plan,
               double          first,
               double          last,
               TickFunc        func,
               gpointer        user_data)
{
  GDate date;
  char text[64];
  guint count = 0;

  if (first < 1 || last > 23900000)
    return;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) MAX (1, floor (first)));

  if (plan->unit == AXIS_DAYS)
    {
      for (; g_date_get_julian (&date) < last && count < 2000; g_date_add_days (&date, 1), count++)
        {
          gboolean major = g_date_get_day (&date) == 1;

          if (plan->minor_labels)
            g_snprintf (text, sizeof text, "%d", g_date_get_day (&date));
          else
            text[0] = '\0';
          func (g_date_get_julian (&date), major, text, user_data);
        }
      return;
    }

  g_date_set_day (&date, 1);
  if (plan->unit == AXIS_MONTHS)
    {
      for (; g_date_get_julian (&date) < last && count < 2000; g_date_add_months (&date, 1), count++)
        {
          if (g_date_get_julian (&date) < first)
            continue;
          /* Month names as the locale abbreviates them. */
          if (!plan->minor_labels || g_date_strftime (text, sizeof text, "%b", &date) == 0)
            text[0] = '\0';
          func (g_date_get_julian (&date), g_date_get_month (&date) == G_DATE_JANUARY, text, user_data);
        }
      return;
    }

  g_date_set_month (&date, G_DATE_JANUARY);
  {
    int year = g_date_get_year (&date);

    year -= year % plan->step;
    if (year < 1)
      year = plan->step;
    for (; year <= G_MAXUINT16 && count < 2000; year += plan->step, count++)
      {
        g_date_set_dmy (&date, 1, G_DATE_JANUARY, year);
        if (g_date_get_julian (&date) >= last)
          break;
        if (g_date_get_julian (&date) < first)
          continue;
        g_snprintf (text, sizeof text, "%d", year);
        func (g_date_get_julian (&date), TRUE, text, user_data);
      }
  }
}

/* The year, or month and year, the view starts in, for the axis's
 * left end; FALSE when the ticks name years themselves. */
gboolean
_ties_timeline_start_label (TiesTimeline   *self,
             const AxisPlan *plan,
             char           *text,
             gsize           size)
{
  GDate date;

  text[0] = '\0';
  if (plan->unit == AXIS_YEARS || self->view_first < 1 || self->view_first >= 23900000)
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) self->view_first);
  if (plan->unit == AXIS_DAYS)
    return g_date_strftime (text, size, "%B %Y", &date) != 0;
  g_snprintf (text, size, "%d", g_date_get_year (&date));

  return TRUE;
}

/* The visible lanes: [*first, *last). */
void
_ties_timeline_visible_lanes (TiesTimeline *self,
               double        height,
               guint        *first,
               guint        *last)
{
  double lh = _ties_timeline_lane_height (self, height);
  double a = floor (self->lane_offset / lh);
  double b = ceil ((self->lane_offset + height - AXIS_HEIGHT) / lh);

  *first = (guint) CLAMP (a, 0, self->lane_names->len);
  *last = (guint) CLAMP (b, 0, self->lane_names->len);
}
