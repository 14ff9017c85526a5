/* ties-source-reader.c: a source's text, its evidence highlighted, to mark
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "ties-date-phrase.h"
#include "ties-source-reader.h"

#include "ties-mentions.h"
#include "ties-suggest.h"

/* Words of a passage that title an event naming fewer than two actors. */
#define TITLE_WORDS 8
/* A press and release closer than this (px) are a click, not a drag. */
#define CLICK_SLOP 4.0
/* The selection settles for this long (ms) before the popover shows, so
 * that it does not chase the pointer while a selection is dragged. */
#define POPOVER_DELAY_MS 250

/* One evidence item of an event in this source's text. */
typedef struct
{
  glong         start;
  glong         end;
  TiesEvent    *event;      /* unowned: the document holds it */
  TiesEvidence *evidence;   /* unowned: its event holds it */
} Span;

/* A known actor named in the text. */
typedef struct
{
  glong      start;
  glong      end;
  TiesActor *actor;         /* unowned: the document holds it */
} Mention;

/* A candidate event drawn in the text. */
typedef struct
{
  glong    start;
  glong    end;
  gpointer suggestion;      /* unowned: self->suggestions holds it */
} Proposal;

/* How strongly a stretch of highlighted text is drawn. */
typedef enum
{
  STRENGTH_ONE,             /* one evidence item */
  STRENGTH_OVERLAP,         /* two or more */
  STRENGTH_SELECTED,        /* of the selected event */
  N_STRENGTHS
} Strength;

struct _TiesSourceReader
{
  GtkWidget          parent_instance;

  TiesDocument      *document;
  TiesSource        *source;
  TiesEvent         *selected_event;
  /* The window's selection, whose one event is the selected event. */
  TiesSelection     *shared_selection;
  TiesEvidence      *reattach_evidence;
  GPtrArray         *suggestions;

  /* Template widgets */
  GtkWidget         *box;
  GtkRevealer       *reattach_revealer;
  GtkLabel          *reattach_label;
  GtkRevealer       *message_revealer;
  GtkLabel          *message_label;
  GtkScrolledWindow *scrolled_window;
  GtkTextView       *text_view;
  GtkPopover        *popover;
  GtkWidget         *popover_reattach_button;

  GtkTextBuffer     *buffer;
  GArray            *spans;        /* Span, by start */
  GArray            *mentions;     /* Mention, by start */
  GArray            *proposals;    /* Proposal, by start */
  /* "kind-id/strength" → GtkTextTag, owned by the buffer's table */
  GHashTable        *kind_tags;
  GtkTextTag        *selected_tag;

  /* Dotted names and dashed proposals, as rectangles of the buffer:
   * measured in an idle, since measuring lines while drawing makes the
   * text view lay out again in the middle of a frame. */
  GArray            *marks;        /* Mark */
  guint              marks_id;
  int                allocated_width;

  char              *message;
  glong              selection_start;  /* -1 without a selection */
  glong              selection_end;
  guint              popover_id;
  double             press_x;
  double             press_y;
  gboolean           pressed;
};

G_DEFINE_FINAL_TYPE (TiesSourceReader, ties_source_reader, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SOURCE,
  PROP_SELECTED_EVENT,
  PROP_SELECTION,
  N_PROPS
};

enum {
  EVENT_ACTIVATED,
  EVENT_CREATED,
  ACTOR_ACTIVATED,
  ACTOR_CREATED,
  SUGGESTION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void ties_source_reader_update_actions (TiesSourceReader *self);
static void stop_scrolling                    (TiesSourceReader *self);
static void queue_measure_marks               (TiesSourceReader *self);

/* ------------------------------------------------------------------------ */
/* Colours                                                                  */

/* The kind's colour, which the document may have chosen. */
static void
kind_color (TiesSourceReader *self,
            const char       *kind,
            GdkRGBA          *rgba)
{
  TiesEventKind *event_kind = NULL;

  g_assert (TIES_IS_SOURCE_READER (self));

  if (self->document != NULL && kind != NULL)
    event_kind = ties_document_lookup_event_kind (self->document, kind);
  if (event_kind == NULL)
    event_kind = ties_event_kind_lookup_builtin ("other");

  if (!gdk_rgba_parse (rgba, ties_event_kind_get_display_color (event_kind)))
    gdk_rgba_parse (rgba, "#77767b");
}

static double
strength_alpha (Strength strength,
                gboolean dark)
{
  /* Translucent, so that a second highlight over the first reads as the
   * two stacked; stronger on a dark background, where colour fades. */
  switch (strength)
    {
    case STRENGTH_ONE:
      return dark ? 0.35 : 0.25;
    case STRENGTH_OVERLAP:
      return dark ? 0.6 : 0.45;
    case STRENGTH_SELECTED:
    case N_STRENGTHS:
    default:
      return dark ? 0.7 : 0.55;
    }
}

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static GtkTextTag *
get_kind_tag (TiesSourceReader *self,
              const char       *kind,
              Strength          strength)
{
  g_autofree char *key = g_strdup_printf ("%s/%d", kind != NULL ? kind : "", strength);
  GtkTextTag *tag;
  GdkRGBA rgba;

  g_assert (TIES_IS_SOURCE_READER (self));

  tag = g_hash_table_lookup (self->kind_tags, key);
  if (tag != NULL)
    return tag;

  kind_color (self, kind, &rgba);
  rgba.alpha = strength_alpha (strength, is_dark ());
  tag = gtk_text_buffer_create_tag (self->buffer, NULL,
                                    "background-rgba", &rgba,
                                    NULL);
  g_object_set_data_full (G_OBJECT (tag), "ties-kind", g_strdup (kind), g_free);
  g_object_set_data (G_OBJECT (tag), "ties-strength", GINT_TO_POINTER (strength));
  g_hash_table_insert (self->kind_tags, g_steal_pointer (&key), tag);

  return tag;
}

/* Also when the kinds' colours change. */
static void
on_dark_changed (TiesSourceReader *self)
{
  GHashTableIter iter;
  gpointer value;

  g_assert (TIES_IS_SOURCE_READER (self));

  g_hash_table_iter_init (&iter, self->kind_tags);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GtkTextTag *tag = value;
      GdkRGBA rgba;

      kind_color (self, g_object_get_data (G_OBJECT (tag), "ties-kind"), &rgba);
      rgba.alpha = strength_alpha (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (tag), "ties-strength")),
                                   is_dark ());
      g_object_set (tag, "background-rgba", &rgba, NULL);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------------ */
/* Offsets                                                                  */

/* GtkTextBuffer counts characters, which are code points: the same unit
 * as the selectors (an emoji with a skin tone is two of them in both). */
static void
get_iter_at_offset (TiesSourceReader *self,
                    GtkTextIter      *iter,
                    glong             offset)
{
  g_assert (TIES_IS_SOURCE_READER (self));

  gtk_text_buffer_get_iter_at_offset (self->buffer, iter, (int) CLAMP (offset, 0, G_MAXINT));
}

static gboolean
range_is_valid (TiesSourceReader *self,
                glong             start,
                glong             end)
{
  g_assert (TIES_IS_SOURCE_READER (self));

  return self->source != NULL && start >= 0 && start < end &&
         end <= ties_source_get_text_length (self->source);
}

gboolean
ties_source_reader_get_selection (TiesSourceReader *self,
                                  glong            *start,
                                  glong            *end)
{
  GtkTextIter first, last;

  g_return_val_if_fail (TIES_IS_SOURCE_READER (self), FALSE);

  if (self->source == NULL ||
      !gtk_text_buffer_get_selection_bounds (self->buffer, &first, &last))
    return FALSE;

  if (start != NULL)
    *start = gtk_text_iter_get_offset (&first);
  if (end != NULL)
    *end = gtk_text_iter_get_offset (&last);

  return TRUE;
}

void
ties_source_reader_select_range (TiesSourceReader *self,
                                 glong             start,
                                 glong             end)
{
  GtkTextIter first, last;

  g_return_if_fail (TIES_IS_SOURCE_READER (self));

  get_iter_at_offset (self, &first, start);
  get_iter_at_offset (self, &last, end);
  gtk_text_buffer_select_range (self->buffer, &first, &last);
}

/* ------------------------------------------------------------------------ */
/* What is in the text                                                      */

static int
compare_span (gconstpointer a,
              gconstpointer b)
{
  const Span *x = a;
  const Span *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  /* The longer first, so that the inner one is drawn on top. */
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return 0;
}

static void
collect_spans (TiesSourceReader *self)
{
  GListModel *events;
  const char *source_id;
  glong length;

  g_assert (TIES_IS_SOURCE_READER (self));

  g_array_set_size (self->spans, 0);
  if (self->document == NULL || self->source == NULL)
    return;

  events = G_LIST_MODEL (ties_document_get_events (self->document));
  source_id = ties_source_get_id (self->source);
  length = ties_source_get_text_length (self->source);

  for (guint i = 0, n = g_list_model_get_n_items (events); i < n; i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (events, i);
      GListModel *evidence = G_LIST_MODEL (ties_event_get_evidence (event));

      for (guint j = 0, m = g_list_model_get_n_items (evidence); j < m; j++)
        {
          g_autoptr(TiesEvidence) item = g_list_model_get_item (evidence, j);
          Span span = { ties_evidence_get_start (item), ties_evidence_get_end (item), event, item };

          /* An orphaned quote is not where its offsets say: drawing it
           * there would claim words it does not quote. */
          if (ties_evidence_get_status (item) == TIES_EVIDENCE_ORPHANED ||
              g_strcmp0 (ties_evidence_get_source (item), source_id) != 0 ||
              span.start >= span.end || span.end > length)
            continue;

          g_array_append_val (self->spans, span);
        }
    }

  g_array_sort (self->spans, compare_span);
}

static void
collect_mentions (TiesSourceReader *self)
{
  g_assert (TIES_IS_SOURCE_READER (self));

  g_array_set_size (self->mentions, 0);
  if (self->document == NULL || self->source == NULL || ties_source_get_text (self->source) == NULL)
    return;

  {
    g_autoptr(GArray) found = ties_mentions_find (self->document, ties_source_get_text (self->source));

    for (guint i = 0; found != NULL && i < found->len; i++)
      {
        const TiesMention *m = &g_array_index (found, TiesMention, i);
        Mention mention = { m->start, m->end, m->actor };

        g_array_append_val (self->mentions, mention);
      }
  }
}

/* ------------------------------------------------------------------------ */
/* Highlights                                                               */

static int
compare_glong (gconstpointer a,
               gconstpointer b)
{
  glong x = *(const glong *) a;
  glong y = *(const glong *) b;

  return x < y ? -1 : x > y;
}

/* One background per stretch between highlight boundaries: a text view
 * draws only the top tag's background, so overlaps get their own. */
static void
apply_highlights (TiesSourceReader *self)
{
  g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (glong));
  GtkTextIter start, end;

  g_assert (TIES_IS_SOURCE_READER (self));

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_all_tags (self->buffer, &start, &end);

  for (guint i = 0; i < self->spans->len; i++)
    {
      const Span *span = &g_array_index (self->spans, Span, i);

      g_array_append_val (bounds, span->start);
      g_array_append_val (bounds, span->end);

      if (self->selected_event != NULL && span->event == self->selected_event)
        {
          GtkTextIter first, last;

          get_iter_at_offset (self, &first, span->start);
          get_iter_at_offset (self, &last, span->end);
          gtk_text_buffer_apply_tag (self->buffer, self->selected_tag, &first, &last);
        }
    }
  g_array_sort (bounds, compare_glong);

  for (guint b = 0; b + 1 < bounds->len; b++)
    {
      glong from = g_array_index (bounds, glong, b);
      glong to = g_array_index (bounds, glong, b + 1);
      const Span *top = NULL;
      guint covering = 0;
      gboolean selected = FALSE;
      GtkTextIter first, last;

      if (from == to)
        continue;

      for (guint i = 0; i < self->spans->len; i++)
        {
          const Span *span = &g_array_index (self->spans, Span, i);

          if (span->start > from)
            break;
          if (span->end < to)
            continue;

          covering++;
          /* Spans are longest first: the last is the innermost. */
          top = span;
          if (self->selected_event != NULL && span->event == self->selected_event)
            selected = TRUE;
        }

      if (covering == 0)
        continue;

      if (selected)
        top = NULL;
      for (guint i = 0; selected && i < self->spans->len; i++)
        {
          const Span *span = &g_array_index (self->spans, Span, i);

          if (span->start <= from && span->end >= to && span->event == self->selected_event)
            top = span;
        }

      get_iter_at_offset (self, &first, from);
      get_iter_at_offset (self, &last, to);
      gtk_text_buffer_apply_tag (self->buffer,
                                 get_kind_tag (self, ties_event_get_kind (top->event),
                                               selected ? STRENGTH_SELECTED :
                                               covering > 1 ? STRENGTH_OVERLAP : STRENGTH_ONE),
                                 &first, &last);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
refresh_highlights (TiesSourceReader *self)
{
  g_assert (TIES_IS_SOURCE_READER (self));

  collect_spans (self);
  apply_highlights (self);
}

static void
refresh_mentions (TiesSourceReader *self)
{
  g_assert (TIES_IS_SOURCE_READER (self));

  collect_mentions (self);
  queue_measure_marks (self);
}

static void
refresh_proposals (TiesSourceReader *self)
{
  g_assert (TIES_IS_SOURCE_READER (self));

  g_array_set_size (self->proposals, 0);

  for (guint i = 0; self->suggestions != NULL && self->source != NULL && i < self->suggestions->len; i++)
    {
      TiesSuggestion *suggestion = g_ptr_array_index (self->suggestions, i);
      Proposal proposal = { suggestion->start, suggestion->end, suggestion };

      if (g_strcmp0 (suggestion->source, ties_source_get_id (self->source)) == 0 &&
          range_is_valid (self, proposal.start, proposal.end))
        g_array_append_val (self->proposals, proposal);
    }

  queue_measure_marks (self);
}

static void
load_text (TiesSourceReader *self)
{
  const char *text;

  g_assert (TIES_IS_SOURCE_READER (self));

  text = self->source != NULL ? ties_source_get_text (self->source) : NULL;
  stop_scrolling (self);
  gtk_text_buffer_set_text (self->buffer, text != NULL ? text : "", -1);

  refresh_highlights (self);
  refresh_mentions (self);
  refresh_proposals (self);
  ties_source_reader_update_actions (self);
}

static void
on_source_text_changed (TiesSourceReader *self)
{
  g_assert (TIES_IS_SOURCE_READER (self));

  load_text (self);
}

static void
on_document_parts_changed (TiesSourceReader   *self,
                           TiesDocumentChange  changes,
                           TiesDocument       *document)
{
  g_assert (TIES_IS_SOURCE_READER (self));

  if (changes & TIES_DOCUMENT_CHANGE_SOURCES)
    {
      /* The source was removed (or its adding undone): nothing to read. */
      if (self->source != NULL &&
          !ties_collection_find (TIES_COLLECTION (ties_document_get_sources (document)), self->source, NULL))
        {
          ties_source_reader_set_source (self, NULL);
          return;
        }
    }

  if (changes & TIES_DOCUMENT_CHANGE_EVENTS && self->selected_event != NULL &&
      !ties_collection_find (TIES_COLLECTION (ties_document_get_events (document)), self->selected_event, NULL))
    ties_source_reader_set_selected_event (self, NULL);

  if (changes & TIES_DOCUMENT_CHANGE_EVENT_KINDS)
    on_dark_changed (self);

  if (changes & (TIES_DOCUMENT_CHANGE_EVIDENCE | TIES_DOCUMENT_CHANGE_EVENTS |
                 TIES_DOCUMENT_CHANGE_SOURCES | TIES_DOCUMENT_CHANGE_EVENT_KINDS |
                 TIES_DOCUMENT_CHANGE_EVENT_TIES))
    refresh_highlights (self);

  if (changes & (TIES_DOCUMENT_CHANGE_ACTORS | TIES_DOCUMENT_CHANGE_ACTOR_LOOK))
    refresh_mentions (self);
}

/* ------------------------------------------------------------------------ */
/* Under the pointer                                                        */

GPtrArray *
ties_source_reader_events_at_offset (TiesSourceReader *self,
                                     glong             offset)
{
  g_autoptr(GPtrArray) covering = g_ptr_array_new ();
  GPtrArray *events;

  g_return_val_if_fail (TIES_IS_SOURCE_READER (self), NULL);

  events = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->spans->len; i++)
    {
      Span *span = &g_array_index (self->spans, Span, i);

      if (span->start > offset)
        break;
      if (span->end > offset)
        g_ptr_array_add (covering, span);
    }

  /* Innermost (shortest) first: what a click there most likely means. */
  for (guint i = covering->len; i > 0; i--)
    {
      Span *best = NULL;

      for (guint j = 0; j < covering->len; j++)
        {
          Span *span = g_ptr_array_index (covering, j);

          if (span != NULL && (best == NULL || span->end - span->start < best->end - best->start))
            best = span;
        }
      g_ptr_array_remove_fast (covering, best);

      if (!g_ptr_array_find (events, best->event, NULL))
        g_ptr_array_add (events, g_object_ref (best->event));
    }

  return events;
}

static const Mention *
mention_at_offset (TiesSourceReader *self,
                   glong             offset)
{
  g_assert (TIES_IS_SOURCE_READER (self));

  for (guint i = 0; i < self->mentions->len; i++)
    {
      const Mention *mention = &g_array_index (self->mentions, Mention, i);

      if (mention->start <= offset && offset < mention->end)
        return mention;
    }

  return NULL;
}

static const Proposal *
proposal_at_offset (TiesSourceReader *self,
                    glong             offset)
{
  g_assert (TIES_IS_SOURCE_READER (self));

  for (guint i = 0; i < self->proposals->len; i++)
    {
      const Proposal *proposal = &g_array_index (self->proposals, Proposal, i);

      if (proposal->start <= offset && offset < proposal->end)
        return proposal;
    }

  return NULL;
}

char *
ties_source_reader_dup_tooltip_at_offset (TiesSourceReader *self,
                                          glong             offset)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  const Mention *mention;

  g_return_val_if_fail (TIES_IS_SOURCE_READER (self), NULL);

  events = ties_source_reader_events_at_offset (self, offset);
  for (guint i = 0; i < events->len; i++)
    {
      TiesEvent *event = g_ptr_array_index (events, i);
      TiesDate *date = ties_event_get_parsed_date (event);
      const char *title = ties_event_get_title (event);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (title == NULL || title[0] == '\0')
        title = _("Untitled event");

      if (date != NULL)
        {
          g_autofree char *when = ties_date_format (date);

          /* Translators: an event's title and date in the reader's tooltip */
          g_string_append_printf (text, _("%s (%s)"), title, when);
        }
      else
        g_string_append (text, title);
    }

  mention = mention_at_offset (self, offset);
  if (mention != NULL)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: the actor a name in the article refers to */
      g_string_append_printf (text, _("Actor: %s"), ties_actor_get_name (mention->actor));
    }

  if (events->len == 0 && proposal_at_offset (self, offset) != NULL)
    {
      const char *title;

      title = ((TiesSuggestion *) proposal_at_offset (self, offset)->suggestion)->title;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (title != NULL)
        /* Translators: a candidate event Ties proposes, by its title */
        g_string_append_printf (text, _("Proposed: %s"), title);
      else
        g_string_append (text, _("Proposed event"));
    }

  if (text->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&text), FALSE);
}

gboolean
ties_source_reader_activate_offset (TiesSourceReader *self,
                                    glong             offset)
{
  g_autoptr(GPtrArray) events = NULL;
  const Proposal *proposal;

  g_return_val_if_fail (TIES_IS_SOURCE_READER (self), FALSE);

  events = ties_source_reader_events_at_offset (self, offset);
  if (events->len > 0)
    {
      TiesEvent *event = g_ptr_array_index (events, 0);

      /* Clicking again where the selected event is goes to the next
       * one there, so every event of an overlap can be reached. */
      if (event == self->selected_event && events->len > 1)
        event = g_ptr_array_index (events, 1);

      g_signal_emit (self, signals[EVENT_ACTIVATED], 0, event);
      return TRUE;
    }

  proposal = proposal_at_offset (self, offset);
  if (proposal != NULL)
    {
      g_signal_emit (self, signals[SUGGESTION_ACTIVATED], 0, proposal->suggestion);
      return TRUE;
    }

  return FALSE;
}

/* The code point under widget coordinates of the text view, or -1 where
 * there is no text (past the end of a line). */
static glong
offset_at_point (TiesSourceReader *self,
                 double            x,
                 double            y)
{
  GtkTextIter iter;
  int bx, by;

  g_assert (TIES_IS_SOURCE_READER (self));

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return -1;

  return gtk_text_iter_get_offset (&iter);
}

static gboolean
on_query_tooltip (TiesSourceReader *self,
                  int               x,
                  int               y,
                  gboolean          keyboard,
                  GtkTooltip       *tooltip,
                  GtkWidget        *widget)
{
  g_autofree char *text = NULL;
  glong offset;

  g_assert (TIES_IS_SOURCE_READER (self));

  if (keyboard)
    {
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
      offset = gtk_text_iter_get_offset (&iter);
    }
  else
    offset = offset_at_point (self, x, y);

  if (offset < 0)
    return FALSE;

  text = ties_source_reader_dup_tooltip_at_offset (self, offset);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* A gesture on the text view would be cancelled when the view's own
 * gesture claims the press; the raw events are seen either way. */
static gboolean
on_legacy_event (TiesSourceReader         *self,
                 GdkEvent                 *event,
                 GtkEventControllerLegacy *controller)
{
  GdkEventType type = gdk_event_get_event_type (event);
  GtkNative *native;
  double x, y, nx, ny;

  g_assert (TIES_IS_SOURCE_READER (self));

  if ((type != GDK_BUTTON_PRESS && type != GDK_BUTTON_RELEASE) ||
      gdk_button_event_get_button (event) != GDK_BUTTON_PRIMARY ||
      !gdk_event_get_position (event, &x, &y))
    return GDK_EVENT_PROPAGATE;

  native = gtk_widget_get_native (GTK_WIDGET (self->text_view));
  gtk_native_get_surface_transform (native, &nx, &ny);
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (native), GTK_WIDGET (self->text_view),
                                         x - nx, y - ny, &x, &y))
    return GDK_EVENT_PROPAGATE;

  if (type == GDK_BUTTON_PRESS)
    {
      self->pressed = TRUE;
      self->press_x = x;
      self->press_y = y;
    }
  else if (self->pressed)
    {
      glong offset;

      self->pressed = FALSE;
      if (ABS (x - self->press_x) <= CLICK_SLOP && ABS (y - self->press_y) <= CLICK_SLOP &&
          (offset = offset_at_point (self, x, y)) >= 0)
        ties_source_reader_activate_offset (self, offset);
    }

  return GDK_EVENT_PROPAGATE;
}

/* ------------------------------------------------------------------------ */
/* Drawing what tags cannot: dotted names, dashed proposals                 */

typedef enum
{
  MARK_DOTTED_UNDERLINE,
  MARK_DASHED_BOX,
} MarkStyle;

typedef struct
{
  GdkRectangle rect;         /* buffer coordinates */
  MarkStyle    style;
} Mark;

/* One rectangle per display line that code points [start, end) are on. */
static void
measure_range (TiesSourceReader   *self,
               const GdkRectangle *area,
               glong               start,
               glong               end,
               MarkStyle           style)
{
  GtkTextIter iter, last;
  int y, height;

  g_assert (TIES_IS_SOURCE_READER (self));

  get_iter_at_offset (self, &iter, start);
  get_iter_at_offset (self, &last, end);

  gtk_text_view_get_line_yrange (self->text_view, &last, &y, &height);
  if (y + height < area->y)
    return;
  gtk_text_view_get_line_yrange (self->text_view, &iter, &y, &height);
  if (y > area->y + area->height)
    return;

  while (gtk_text_iter_compare (&iter, &last) < 0)
    {
      GtkTextIter piece_end = iter;
      GtkTextIter final;
      GdkRectangle a, b;
      Mark mark = { { 0, }, style };

      if (!gtk_text_view_forward_display_line_end (self->text_view, &piece_end) ||
          gtk_text_iter_compare (&piece_end, &last) > 0)
        piece_end = last;

      final = piece_end;
      gtk_text_iter_backward_char (&final);
      gtk_text_view_get_iter_location (self->text_view, &iter, &a);
      gtk_text_view_get_iter_location (self->text_view, &final, &b);

      /* Right-to-left text runs the other way: take what both cover. */
      mark.rect.x = MIN (a.x, b.x);
      mark.rect.y = MIN (a.y, b.y);
      mark.rect.width = MAX (a.x + a.width, b.x + b.width) - mark.rect.x;
      mark.rect.height = MAX (a.y + a.height, b.y + b.height) - mark.rect.y;
      g_array_append_val (self->marks, mark);

      iter = piece_end;
      if (gtk_text_iter_compare (&iter, &last) >= 0 ||
          !gtk_text_view_forward_display_line (self->text_view, &iter))
        break;
      gtk_text_view_backward_display_line_start (self->text_view, &iter);
    }
}

static void
measure_marks (TiesSourceReader *self)
{
  GdkRectangle area;

  g_assert (TIES_IS_SOURCE_READER (self));

  self->marks_id = 0;
  g_array_set_size (self->marks, 0);

  /* Only what is in view: the text view has measured those lines
   * already, and measuring others would change its height. */
  gtk_text_view_get_visible_rect (self->text_view, &area);

  for (guint i = 0; i < self->mentions->len; i++)
    {
      const Mention *mention = &g_array_index (self->mentions, Mention, i);

      measure_range (self, &area, mention->start, mention->end, MARK_DOTTED_UNDERLINE);
    }

  for (guint i = 0; i < self->proposals->len; i++)
    {
      const Proposal *proposal = &g_array_index (self->proposals, Proposal, i);

      measure_range (self, &area, proposal->start, proposal->end, MARK_DASHED_BOX);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
queue_measure_marks (TiesSourceReader *self)
{
  g_assert (TIES_IS_SOURCE_READER (self));

  if (self->marks_id == 0)
    self->marks_id = g_idle_add_once ((GSourceOnceFunc) measure_marks, self);
}

static void
ties_source_reader_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  TiesSourceReader *self = TIES_SOURCE_READER (widget);
  graphene_rect_t bounds;
  GdkRGBA color;
  cairo_t *cr;

  gtk_widget_snapshot_child (widget, self->box, snapshot);

  if (self->marks->len == 0 ||
      !gtk_widget_compute_bounds (GTK_WIDGET (self->scrolled_window), widget, &bounds))
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self->text_view)), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_rectangle (cr, bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height);
  cairo_clip (cr);
  cairo_set_line_width (cr, 1.0);

  for (guint i = 0; i < self->marks->len; i++)
    {
      static const double dots[] = { 1.0, 2.0 };
      static const double dashes[] = { 4.0, 3.0 };
      const Mark *mark = &g_array_index (self->marks, Mark, i);
      double wx, wy;
      int x, y;

      gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                             mark->rect.x, mark->rect.y, &x, &y);
      if (!gtk_widget_translate_coordinates (GTK_WIDGET (self->text_view), widget, x, y, &wx, &wy))
        continue;

      if (mark->style == MARK_DOTTED_UNDERLINE)
        {
          /* Names: in the text's own colour, faint, a hint. */
          cairo_set_source_rgba (cr, color.red, color.green, color.blue, 0.7);
          cairo_set_dash (cr, dots, G_N_ELEMENTS (dots), 0);
          cairo_move_to (cr, wx, wy + mark->rect.height - 0.5);
          cairo_line_to (cr, wx + mark->rect.width, wy + mark->rect.height - 0.5);
        }
      else
        {
          cairo_set_source_rgba (cr, color.red, color.green, color.blue, 0.55);
          cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
          cairo_rectangle (cr, wx - 0.5, wy + 0.5, mark->rect.width + 1.0, mark->rect.height - 1.0);
        }
      cairo_stroke (cr);
    }

  cairo_destroy (cr);
}

/* ------------------------------------------------------------------------ */
/* The selection and its popover                                            */

static gboolean
get_selection_rect (TiesSourceReader *self,
                    GdkRectangle     *rect)
{
  GtkTextIter first, last;
  GdkRectangle a, b, visible;
  double wx, wy;
  int x, y;

  g_assert (TIES_IS_SOURCE_READER (self));

  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &first, &last))
    return FALSE;

  gtk_text_view_get_iter_location (self->text_view, &first, &a);
  gtk_text_iter_backward_char (&last);
  gtk_text_view_get_iter_location (self->text_view, &last, &b);
  gtk_text_view_get_visible_rect (self->text_view, &visible);

  /* Point at the first line of the selection, across what it covers there. */
  if (a.y == b.y)
    {
      rect->x = MIN (a.x, b.x);
      rect->width = MAX (a.x + a.width, b.x + b.width) - rect->x;
    }
  else
    {
      rect->x = a.x;
      rect->width = MAX (a.width, 1);
    }
  rect->y = a.y;
  rect->height = a.height;

  if (!gdk_rectangle_intersect (rect, &visible, NULL))
    return FALSE;

  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, rect->x, rect->y, &x, &y);
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (self->text_view), GTK_WIDGET (self), x, y, &wx, &wy))
    return FALSE;

  rect->x = (int) wx;
  rect->y = (int) wy;
  return TRUE;
}

static void
show_popover (TiesSourceReader *self)
{
  GdkRectangle rect;

  g_assert (TIES_IS_SOURCE_READER (self));

  self->popover_id = 0;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || !get_selection_rect (self, &rect))
    return;

  gtk_widget_set_visible (self->popover_reattach_button, self->reattach_evidence != NULL);
  gtk_popover_set_pointing_to (self->popover, &rect);
  gtk_popover_popup (self->popover);
  /* Laid out now: our own size may not change to present it later. */
  gtk_popover_present (self->popover);
}

static void
on_selection_changed (TiesSourceReader *self)
{
  glong start = -1, end = -1;

  g_assert (TIES_IS_SOURCE_READER (self));

  /* The view sets its marks again where they are (on a button release,
   * for one): the popover stays as it is. */
  ties_source_reader_get_selection (self, &start, &end);
  if (start == self->selection_start && end == self->selection_end)
    return;
  self->selection_start = start;
  self->selection_end = end;

  ties_source_reader_update_actions (self);

  g_clear_handle_id (&self->popover_id, g_source_remove);
  if (gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    gtk_popover_popdown (self->popover);

  /* Not the buffer's has-selection: it follows only after this signal. */
  if (start >= 0)
    self->popover_id = g_timeout_add_once (POPOVER_DELAY_MS, (GSourceOnceFunc) show_popover, self);
}

static void
on_mark_set (TiesSourceReader *self,
             GtkTextIter      *location,
             GtkTextMark      *mark,
             GtkTextBuffer    *buffer)
{
  g_assert (TIES_IS_SOURCE_READER (self));

  if (mark == gtk_text_buffer_get_insert (buffer) || mark == gtk_text_buffer_get_selection_bound (buffer))
    on_selection_changed (self);
}

static void
ties_source_reader_update_actions (TiesSourceReader *self)
{
  gboolean has_selection;

  g_assert (TIES_IS_SOURCE_READER (self));

  has_selection = self->document != NULL && ties_source_reader_get_selection (self, NULL, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.new-event", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.new-actor", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.add-evidence",
                                 has_selection && self->selected_event != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.reattach",
                                 has_selection && self->reattach_evidence != NULL);
}

/* ------------------------------------------------------------------------ */
/* Messages                                                                 */


static void
show_message (TiesSourceReader *self,
              const char       *message)
{
  g_assert (TIES_IS_SOURCE_READER (self));

  g_free (self->message);
  self->message = g_strdup (message);

  if (message != NULL)
    gtk_label_set_text (self->message_label, message);
  gtk_revealer_set_reveal_child (self->message_revealer, message != NULL);
}

const char *
ties_source_reader_get_message (TiesSourceReader *self)
{
  g_return_val_if_fail (TIES_IS_SOURCE_READER (self), NULL);

  return self->message;
}

/* ------------------------------------------------------------------------ */
/* Marking                                                                  */

/* The actors named in [start, end), in the order they first appear, and
 * the words that name each. */
static void
mentions_in_range (TiesSourceReader *self,
                   glong             start,
                   glong             end,
                   GPtrArray        *actors,
                   GPtrArray        *words)
{
  g_assert (TIES_IS_SOURCE_READER (self));

  for (guint i = 0; i < self->mentions->len; i++)
    {
      const Mention *mention = &g_array_index (self->mentions, Mention, i);

      if (mention->start < start || mention->end > end ||
          g_ptr_array_find (actors, mention->actor, NULL))
        continue;

      g_ptr_array_add (actors, mention->actor);
      g_ptr_array_add (words, ties_source_dup_text_range (self->source, mention->start, mention->end));
    }
}

/* "Ardern and Zuckerberg" when the passage names two or more actors,
 * else its first words. */
static char *
title_for_passage (const char *passage,
                   GPtrArray  *words)
{
  g_auto(GStrv) tokens = NULL;
  g_autoptr(GString) title = g_string_new (NULL);
  guint n = 0;

  if (words->len >= 2)
    {
      g_autoptr(GString) head = g_string_new (g_ptr_array_index (words, 0));

      for (guint i = 1; i + 1 < words->len; i++)
        {
          g_string_append (head, ", ");
          g_string_append (head, g_ptr_array_index (words, i));
        }
      /* Translators: the participants an event from a selection is named
       * after: "Ardern and Zuckerberg", "Ardern, Cook and Zuckerberg" */
      return g_strdup_printf (_("%s and %s"), head->str, (char *) g_ptr_array_index (words, words->len - 1));
    }

  tokens = g_strsplit_set (passage, " \t\n\r", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (tokens[i][0] == '\0')
        continue;
      if (n == TITLE_WORDS)
        {
          g_string_append (title, "…");
          break;
        }
      if (n > 0)
        g_string_append_c (title, ' ');
      g_string_append (title, tokens[i]);
      n++;
    }

  return g_string_free (g_steal_pointer (&title), FALSE);
}

/* A kind from the verbs of the passage (English), or "other". */
static const char *
guess_kind (TiesDocument *document,
            const char   *passage)
{
  static const struct {
    const char *word;
    const char *kind;
  } words[] = {
    { "phone", "phone-call" }, { "phoned", "phone-call" }, { "call", "phone-call" },
    { "called", "phone-call" }, { "email", "email" }, { "emailed", "email" },
    { "emails", "email" }, { "wrote", "email" }, { "letter", "email" },
    { "summit", "summit" }, { "met", "meeting" }, { "meeting", "meeting" },
    { "meet", "meeting" }, { "hui", "meeting" }, { "dinner", "meeting" },
    { "tweeted", "public-statement" }, { "posted", "public-statement" },
    { "said", "public-statement" }, { "statement", "public-statement" },
  };
  g_autofree char *lower = g_utf8_strdown (passage, -1);
  g_auto(GStrv) tokens = g_strsplit_set (lower, " \t\n\r.,;:!?\"'()“”‘’", -1);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_strv_contains ((const char * const *) tokens, words[i].word) &&
        ties_document_lookup_event_kind (document, words[i].kind) != NULL)
      return words[i].kind;

  return "other";
}

static gboolean
get_passage (TiesSourceReader *self,
             glong            *start,
             glong            *end)
{
  g_assert (TIES_IS_SOURCE_READER (self));

  return self->document != NULL &&
         ties_source_reader_get_selection (self, start, end) &&
         range_is_valid (self, *start, *end);
}

static void
reader_new_event (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TiesSourceReader *self = TIES_SOURCE_READER (widget);
  g_autoptr(GPtrArray) actors = g_ptr_array_new ();
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) participants = g_strv_builder_new ();
  g_autoptr(TiesEvidence) evidence = NULL;
  g_autoptr(TiesEvent) event = NULL;
  g_auto(GStrv) ids = NULL;
  g_autofree char *passage = NULL;
  g_autofree char *title = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) phrases = NULL;
  TiesDatePhrase *date = NULL;
  glong start, end;

  if (!get_passage (self, &start, &end))
    return;

  passage = ties_source_dup_text_range (self->source, start, end);
  mentions_in_range (self, start, end, actors, words);
  title = title_for_passage (passage, words);
  /* The passage's own date phrase, read against the publication date, as
   * a proposal would have it. */
  phrases = ties_date_phrase_scan (passage, ties_source_get_published (self->source), NULL);
  for (guint i = 0; i < phrases->len && date == NULL; i++)
    {
      TiesDatePhrase *phrase = g_ptr_array_index (phrases, i);

      if (phrase->edtf != NULL)
        date = phrase;
    }
  id = ties_document_make_event_id (self->document, title, date != NULL ? date->edtf : NULL);

  for (guint i = 0; i < actors->len; i++)
    g_strv_builder_add (participants, ties_actor_get_id (g_ptr_array_index (actors, i)));
  ids = g_strv_builder_end (participants);

  /* Built whole before it joins the document: one step to undo. */
  event = ties_event_new (id, title, guess_kind (self->document, passage));
  ties_event_set_participants (event, (const char * const *) ids);
  if (date != NULL)
    {
      ties_event_set_date (event, date->edtf);
      ties_event_set_date_phrase (event, date->phrase);
    }
  evidence = ties_evidence_new_for_range (self->source, start, end);
  g_list_store_append (ties_event_get_evidence (event), evidence);

  ties_document_add_event (self->document, event);
  gtk_popover_popdown (self->popover);

  g_signal_emit (self, signals[EVENT_CREATED], 0, event);
}

static void
reader_add_evidence (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TiesSourceReader *self = TIES_SOURCE_READER (widget);
  g_autoptr(TiesEvidence) evidence = NULL;
  TiesHistory *history;
  glong start, end;

  if (self->selected_event == NULL || !get_passage (self, &start, &end))
    return;

  evidence = ties_evidence_new_for_range (self->source, start, end);
  history = ties_document_get_history (self->document);
  ties_history_begin (history, _("Add Evidence"));
  ties_history_append (history, G_LIST_STORE (ties_event_get_evidence (self->selected_event)), evidence);
  ties_history_end (history);

  gtk_popover_popdown (self->popover);
}

static void
reader_new_actor (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TiesSourceReader *self = TIES_SOURCE_READER (widget);
  g_autoptr(TiesActor) actor = NULL;
  g_autofree char *passage = NULL;
  g_autofree char *name = NULL;
  g_auto(GStrv) tokens = NULL;
  g_autofree char *id = NULL;
  TiesActor *existing;
  const char *matched = NULL;
  glong start, end;

  if (!get_passage (self, &start, &end))
    return;

  /* A name selected across a line break is still one name. */
  passage = ties_source_dup_text_range (self->source, start, end);
  tokens = g_strsplit_set (g_strstrip (passage), " \t\n\r", -1);
  {
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
    g_auto(GStrv) kept = NULL;

    for (guint i = 0; tokens[i] != NULL; i++)
      if (tokens[i][0] != '\0')
        g_strv_builder_add (builder, tokens[i]);
    kept = g_strv_builder_end (builder);
    name = g_strjoinv (" ", kept);
  }
  if (name[0] == '\0')
    return;

  gtk_popover_popdown (self->popover);

  existing = ties_document_find_actor_by_name (self->document, name, &matched);
  if (existing != NULL)
    {
      /* Translators: the passage selected, then the actor it names */
      g_autofree char *message = g_strdup_printf (_("“%s” is already an actor: %s"),
                                                  name, ties_actor_get_name (existing));

      show_message (self, message);
      g_signal_emit (self, signals[ACTOR_ACTIVATED], 0, existing);
      return;
    }

  show_message (self, NULL);
  id = ties_document_make_id (self->document, name);
  actor = ties_actor_new (id, name, TIES_ACTOR_PERSON);
  ties_document_add_actor (self->document, actor);

  g_signal_emit (self, signals[ACTOR_CREATED], 0, actor);
}

static void
reader_reattach (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TiesSourceReader *self = TIES_SOURCE_READER (widget);
  glong start, end;

  if (self->reattach_evidence == NULL || !get_passage (self, &start, &end))
    return;

  /* The quote becomes what is selected now: the researcher said so. */
  ties_document_reattach_evidence (self->document, self->reattach_evidence, self->source, start, end);

  gtk_popover_popdown (self->popover);
  ties_source_reader_cancel_reattach (self);
}

static void
reader_cancel_reattach (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ties_source_reader_cancel_reattach (TIES_SOURCE_READER (widget));
}

static void
reader_dismiss_message (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  show_message (TIES_SOURCE_READER (widget), NULL);
}

void
ties_source_reader_begin_reattach (TiesSourceReader *self,
                                   TiesEvidence     *evidence)
{
  g_autofree char *quote = NULL;
  g_autofree char *text = NULL;
  const char *exact;

  g_return_if_fail (TIES_IS_SOURCE_READER (self));
  g_return_if_fail (TIES_IS_EVIDENCE (evidence));

  g_set_object (&self->reattach_evidence, evidence);

  /* Long quotes shortened: the bar must not fill the reader. */
  exact = ties_evidence_get_exact (evidence);
  if (g_utf8_strlen (exact, -1) > 80)
    {
      g_autofree char *head = g_utf8_substring (exact, 0, 79);

      quote = g_strconcat (head, "…", NULL);
    }
  else
    quote = g_strdup (exact);

  text = g_strdup_printf (_("Select the passage this evidence quotes: “%s”"), quote);
  gtk_label_set_text (self->reattach_label, text);
  gtk_revealer_set_reveal_child (self->reattach_revealer, TRUE);

  ties_source_reader_update_actions (self);
}

void
ties_source_reader_cancel_reattach (TiesSourceReader *self)
{
  g_return_if_fail (TIES_IS_SOURCE_READER (self));

  g_clear_object (&self->reattach_evidence);
  gtk_revealer_set_reveal_child (self->reattach_revealer, FALSE);
  ties_source_reader_update_actions (self);
}

void
ties_source_reader_show_evidence (TiesSourceReader *self,
                                  TiesEvidence     *evidence)
{
  GtkTextIter first, last;
  glong start, end;

  g_return_if_fail (TIES_IS_SOURCE_READER (self));
  g_return_if_fail (TIES_IS_EVIDENCE (evidence));

  start = ties_evidence_get_start (evidence);
  end = ties_evidence_get_end (evidence);
  if (self->source == NULL ||
      g_strcmp0 (ties_evidence_get_source (evidence), ties_source_get_id (self->source)) != 0 ||
      ties_evidence_get_status (evidence) == TIES_EVIDENCE_ORPHANED ||
      !range_is_valid (self, start, end))
    return;

  get_iter_at_offset (self, &first, start);
  get_iter_at_offset (self, &last, end);
  gtk_text_buffer_select_range (self->buffer, &first, &last);
  /* Shown, not chosen: the words are already evidence, so no popover
   * offers to make them so. */
  g_clear_handle_id (&self->popover_id, g_source_remove);
  /* A mark, not an iter: it scrolls once the lines are measured. */
  gtk_text_view_scroll_mark_onscreen (self->text_view, gtk_text_buffer_get_insert (self->buffer));
  gtk_text_view_scroll_to_mark (self->text_view, gtk_text_buffer_get_insert (self->buffer),
                                0.1, TRUE, 0.0, 0.3);
}

/* ------------------------------------------------------------------------ */
/* Properties                                                               */

GtkWidget *
ties_source_reader_new (void)
{
  return g_object_new (TIES_TYPE_SOURCE_READER, NULL);
}

TiesDocument *
ties_source_reader_get_document (TiesSourceReader *self)
{
  g_return_val_if_fail (TIES_IS_SOURCE_READER (self), NULL);

  return self->document;
}

void
ties_source_reader_set_document (TiesSourceReader *self,
                                 TiesDocument     *document)
{
  g_return_if_fail (TIES_IS_SOURCE_READER (self));
  g_return_if_fail (document == NULL || TIES_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  /* Whatever was read and marked belongs to the old document. */
  ties_source_reader_set_source (self, NULL);
  ties_source_reader_set_selected_event (self, NULL);
  ties_source_reader_cancel_reattach (self);
  show_message (self, NULL);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "parts-changed", G_CALLBACK (on_document_parts_changed),
                             self, G_CONNECT_SWAPPED);

  load_text (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_thaw_notify (G_OBJECT (self));
}

TiesSource *
ties_source_reader_get_source (TiesSourceReader *self)
{
  g_return_val_if_fail (TIES_IS_SOURCE_READER (self), NULL);

  return self->source;
}

void
ties_source_reader_set_source (TiesSourceReader *self,
                               TiesSource       *source)
{
  g_return_if_fail (TIES_IS_SOURCE_READER (self));
  g_return_if_fail (source == NULL || TIES_IS_SOURCE (source));

  if (self->source == source)
    return;

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);
  g_set_object (&self->source, source);
  if (source != NULL)
    g_signal_connect_object (source, "notify::text", G_CALLBACK (on_source_text_changed),
                             self, G_CONNECT_SWAPPED);

  load_text (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

TiesEvent *
ties_source_reader_get_selected_event (TiesSourceReader *self)
{
  g_return_val_if_fail (TIES_IS_SOURCE_READER (self), NULL);

  return self->selected_event;
}

void
ties_source_reader_set_selected_event (TiesSourceReader *self,
                                       TiesEvent        *event)
{
  g_return_if_fail (TIES_IS_SOURCE_READER (self));
  g_return_if_fail (event == NULL || TIES_IS_EVENT (event));

  if (!g_set_object (&self->selected_event, event))
    return;

  apply_highlights (self);
  ties_source_reader_update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVENT]);
}

static void
follow_selection (TiesSourceReader *self)
{
  g_assert (TIES_IS_SOURCE_READER (self));

  ties_source_reader_set_selected_event (self, ties_selection_get_event (self->shared_selection));
}

TiesSelection *
ties_source_reader_get_shared_selection (TiesSourceReader *self)
{
  g_return_val_if_fail (TIES_IS_SOURCE_READER (self), NULL);

  return self->shared_selection;
}

void
ties_source_reader_set_shared_selection (TiesSourceReader *self,
                                  TiesSelection    *selection)
{
  g_return_if_fail (TIES_IS_SOURCE_READER (self));
  g_return_if_fail (selection == NULL || TIES_IS_SELECTION (selection));

  if (self->shared_selection == selection)
    return;

  if (self->shared_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->shared_selection, self);
  g_set_object (&self->shared_selection, selection);
  if (selection != NULL)
    {
      g_signal_connect_object (selection, "changed", G_CALLBACK (follow_selection), self, G_CONNECT_SWAPPED);
      follow_selection (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

void
ties_source_reader_set_suggestions (TiesSourceReader *self,
                                    GPtrArray        *suggestions)
{
  g_return_if_fail (TIES_IS_SOURCE_READER (self));

  if (suggestions != NULL)
    g_ptr_array_ref (suggestions);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  self->suggestions = suggestions;

  refresh_proposals (self);
}

/* ------------------------------------------------------------------------ */
/* GObject and GtkWidget                                                    */

static void
ties_source_reader_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  TiesSourceReader *self = TIES_SOURCE_READER (widget);

  gtk_widget_measure (self->box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
ties_source_reader_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  TiesSourceReader *self = TIES_SOURCE_READER (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);

  /* Lines wrap anew at another width. */
  if (width != self->allocated_width)
    {
      self->allocated_width = width;
      queue_measure_marks (self);
    }

  /* The popover is ours, not the text view's: it follows our size. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    gtk_popover_present (self->popover);
}

/* GTK 4.8 criticals when a scrolled window unmaps during an animated
 * scroll (as gtk_text_view_scroll_to_mark() starts): end it first. */
static void
stop_scrolling (TiesSourceReader *self)
{
  GtkAdjustment *adjustment;

  g_assert (TIES_IS_SOURCE_READER (self));

  adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment));
}

static void
ties_source_reader_unmap (GtkWidget *widget)
{
  TiesSourceReader *self = TIES_SOURCE_READER (widget);

  g_clear_handle_id (&self->popover_id, g_source_remove);
  gtk_popover_popdown (self->popover);
  stop_scrolling (self);

  GTK_WIDGET_CLASS (ties_source_reader_parent_class)->unmap (widget);
}

static void
ties_source_reader_dispose (GObject *object)
{
  TiesSourceReader *self = (TiesSourceReader *) object;

  g_clear_handle_id (&self->popover_id, g_source_remove);
  g_clear_handle_id (&self->marks_id, g_source_remove);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);
  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->buffer, self);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  /* The tags die with the buffer. */
  if (self->kind_tags != NULL)
    g_hash_table_remove_all (self->kind_tags);

  gtk_widget_dispose_template (GTK_WIDGET (self), TIES_TYPE_SOURCE_READER);

  if (self->spans != NULL)
    g_array_set_size (self->spans, 0);
  if (self->mentions != NULL)
    g_array_set_size (self->mentions, 0);
  if (self->proposals != NULL)
    g_array_set_size (self->proposals, 0);

  g_clear_object (&self->buffer);
  g_clear_object (&self->reattach_evidence);
  g_clear_object (&self->selected_event);
  if (self->shared_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->shared_selection, self);
  g_clear_object (&self->shared_selection);
  g_clear_object (&self->source);
  g_clear_object (&self->document);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);

  G_OBJECT_CLASS (ties_source_reader_parent_class)->dispose (object);
}

static void
ties_source_reader_finalize (GObject *object)
{
  TiesSourceReader *self = (TiesSourceReader *) object;

  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->mentions, g_array_unref);
  g_clear_pointer (&self->proposals, g_array_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->kind_tags, g_hash_table_unref);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (ties_source_reader_parent_class)->finalize (object);
}

static void
ties_source_reader_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TiesSourceReader *self = TIES_SOURCE_READER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;

    case PROP_SELECTED_EVENT:
      g_value_set_object (value, self->selected_event);
      break;

    case PROP_SELECTION:
      g_value_set_object (value, self->shared_selection);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_source_reader_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TiesSourceReader *self = TIES_SOURCE_READER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ties_source_reader_set_document (self, g_value_get_object (value));
      break;

    case PROP_SOURCE:
      ties_source_reader_set_source (self, g_value_get_object (value));
      break;

    case PROP_SELECTED_EVENT:
      ties_source_reader_set_selected_event (self, g_value_get_object (value));
      break;

    case PROP_SELECTION:
      ties_source_reader_set_shared_selection (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_source_reader_class_init (TiesSourceReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ties_source_reader_dispose;
  object_class->finalize = ties_source_reader_finalize;
  object_class->get_property = ties_source_reader_get_property;
  object_class->set_property = ties_source_reader_set_property;

  widget_class->measure = ties_source_reader_measure;
  widget_class->size_allocate = ties_source_reader_size_allocate;
  widget_class->snapshot = ties_source_reader_snapshot;
  widget_class->unmap = ties_source_reader_unmap;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TIES_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL,
                         TIES_TYPE_SOURCE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The event whose evidence is drawn stronger and that
   * reader.add-evidence adds to */
  properties[PROP_SELECTED_EVENT] =
    g_param_spec_object ("selected-event", NULL, NULL,
                         TIES_TYPE_EVENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The window's selection: its one event is the selected event. */
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL,
                         TIES_TYPE_SELECTION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A highlight was clicked: the window selects its event. */
  signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, TIES_TYPE_EVENT);

  /* reader.new-event added this event to the document. */
  signals[EVENT_CREATED] =
    g_signal_new ("event-created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, TIES_TYPE_EVENT);

  /* reader.new-actor found the selected name already an actor's. */
  signals[ACTOR_ACTIVATED] =
    g_signal_new ("actor-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, TIES_TYPE_ACTOR);

  /* reader.new-actor added this actor to the document. */
  signals[ACTOR_CREATED] =
    g_signal_new ("actor-created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, TIES_TYPE_ACTOR);

  /* A proposed event was clicked (a TiesSuggestion). */
  signals[SUGGESTION_ACTIVATED] =
    g_signal_new ("suggestion-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tiesapp/Ties/ui/ties-source-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, TiesSourceReader, box);
  gtk_widget_class_bind_template_child (widget_class, TiesSourceReader, reattach_revealer);
  gtk_widget_class_bind_template_child (widget_class, TiesSourceReader, reattach_label);
  gtk_widget_class_bind_template_child (widget_class, TiesSourceReader, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, TiesSourceReader, message_label);
  gtk_widget_class_bind_template_child (widget_class, TiesSourceReader, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, TiesSourceReader, text_view);
  gtk_widget_class_bind_template_child (widget_class, TiesSourceReader, popover);
  gtk_widget_class_bind_template_child (widget_class, TiesSourceReader, popover_reattach_button);

  gtk_widget_class_install_action (widget_class, "reader.new-event", NULL, reader_new_event);
  gtk_widget_class_install_action (widget_class, "reader.add-evidence", NULL, reader_add_evidence);
  gtk_widget_class_install_action (widget_class, "reader.new-actor", NULL, reader_new_actor);
  gtk_widget_class_install_action (widget_class, "reader.reattach", NULL, reader_reattach);
  gtk_widget_class_install_action (widget_class, "reader.cancel-reattach", NULL, reader_cancel_reattach);
  gtk_widget_class_install_action (widget_class, "reader.dismiss-message", NULL, reader_dismiss_message);

  gtk_widget_class_set_css_name (widget_class, "ties-source-reader");
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  key,
              GdkModifierType        modifiers,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (key, modifiers),
                                                          gtk_named_action_new (action)));
}

static void
ties_source_reader_init (TiesSourceReader *self)
{
  GtkEventController *controller;
  g_autoptr(GMenu) menu = g_menu_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection_start = self->selection_end = -1;
  self->spans = g_array_new (FALSE, FALSE, sizeof (Span));
  self->mentions = g_array_new (FALSE, FALSE, sizeof (Mention));
  self->proposals = g_array_new (FALSE, FALSE, sizeof (Proposal));
  self->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  self->kind_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->buffer = g_object_ref (gtk_text_view_get_buffer (self->text_view));
  /* The selected event's quotes stand out even where others overlap. */
  self->selected_tag = gtk_text_buffer_create_tag (self->buffer, "ties-selected",
                                                   "underline", PANGO_UNDERLINE_SINGLE,
                                                   NULL);
  g_signal_connect_object (self->buffer, "mark-set", G_CALLBACK (on_mark_set), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scrolled_window), "value-changed",
                           G_CALLBACK (queue_measure_marks), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->text_view, "query-tooltip", G_CALLBACK (on_query_tooltip),
                           self, G_CONNECT_SWAPPED);

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (on_legacy_event), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);

  /* Before the text view sees the keys: Shift+Ctrl+A would unselect. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_e, GDK_CONTROL_MASK, "reader.new-event");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_A, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                "reader.add-evidence");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_R, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                "reader.new-actor");
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* The same from the context menu, for the keyboard (Menu, Shift+F10). */
  g_menu_append (menu, _("New Event from Selection"), "reader.new-event");
  g_menu_append (menu, _("Add as Evidence"), "reader.add-evidence");
  g_menu_append (menu, _("New Actor from Selection"), "reader.new-actor");
  gtk_text_view_set_extra_menu (self->text_view, G_MENU_MODEL (menu));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);

  ties_source_reader_update_actions (self);
}
