/* ties-source-reader-highlights.c: the source reader's colours, the
 * evidence, names and proposals it finds in the text and highlights, and
 * the dotted names and dashed proposals that text tags cannot draw
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ties-mentions.h"
#include "ties-source-reader-private.h"
#include "ties-suggest.h"

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
void
_ties_source_reader_on_dark_changed (TiesSourceReader *self)
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
void
_ties_source_reader_apply_highlights (TiesSourceReader *self)
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

          _ties_source_reader_get_iter_at_offset (self, &first, span->start);
          _ties_source_reader_get_iter_at_offset (self, &last, span->end);
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

      _ties_source_reader_get_iter_at_offset (self, &first, from);
      _ties_source_reader_get_iter_at_offset (self, &last, to);
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
  _ties_source_reader_apply_highlights (self);
}

static void
refresh_mentions (TiesSourceReader *self)
{
  g_assert (TIES_IS_SOURCE_READER (self));

  collect_mentions (self);
  _ties_source_reader_queue_measure_marks (self);
}

void
_ties_source_reader_refresh_proposals (TiesSourceReader *self)
{
  g_assert (TIES_IS_SOURCE_READER (self));

  g_array_set_size (self->proposals, 0);

  for (guint i = 0; self->suggestions != NULL && self->source != NULL && i < self->suggestions->len; i++)
    {
      TiesSuggestion *suggestion = g_ptr_array_index (self->suggestions, i);
      Proposal proposal = { suggestion->start, suggestion->end, suggestion };

      if (g_strcmp0 (suggestion->source, ties_source_get_id (self->source)) == 0 &&
          _ties_source_reader_range_is_valid (self, proposal.start, proposal.end))
        g_array_append_val (self->proposals, proposal);
    }

  _ties_source_reader_queue_measure_marks (self);
}

void
_ties_source_reader_load_text (TiesSourceReader *self)
{
  const char *text;

  g_assert (TIES_IS_SOURCE_READER (self));

  text = self->source != NULL ? ties_source_get_text (self->source) : NULL;
  _ties_source_reader_stop_scrolling (self);
  gtk_text_buffer_set_text (self->buffer, text != NULL ? text : "", -1);

  refresh_highlights (self);
  refresh_mentions (self);
  _ties_source_reader_refresh_proposals (self);
  ties_source_reader_update_actions (self);
}

void
_ties_source_reader_on_source_text_changed (TiesSourceReader *self)
{
  g_assert (TIES_IS_SOURCE_READER (self));

  _ties_source_reader_load_text (self);
}

void
_ties_source_reader_on_document_parts_changed (TiesSourceReader   *self,
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
    _ties_source_reader_on_dark_changed (self);

  if (changes & (TIES_DOCUMENT_CHANGE_EVIDENCE | TIES_DOCUMENT_CHANGE_EVENTS |
                 TIES_DOCUMENT_CHANGE_SOURCES | TIES_DOCUMENT_CHANGE_EVENT_KINDS |
                 TIES_DOCUMENT_CHANGE_EVENT_TIES))
    refresh_highlights (self);

  if (changes & (TIES_DOCUMENT_CHANGE_ACTORS | TIES_DOCUMENT_CHANGE_ACTOR_LOOK))
    refresh_mentions (self);
}

/* ------------------------------------------------------------------------ */
/* Drawing what tags cannot: dotted names, dashed proposals                 */

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

  _ties_source_reader_get_iter_at_offset (self, &iter, start);
  _ties_source_reader_get_iter_at_offset (self, &last, end);

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

void
_ties_source_reader_queue_measure_marks (TiesSourceReader *self)
{
  g_assert (TIES_IS_SOURCE_READER (self));

  if (self->marks_id == 0)
    self->marks_id = g_idle_add_once ((GSourceOnceFunc) measure_marks, self);
}

void
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
