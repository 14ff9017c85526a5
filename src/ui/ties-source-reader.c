/* ties-source-reader.c: a source's text, its evidence highlighted, to mark:
 * offsets, what is under the pointer, properties and the widget; the
 * highlights and the marking are in ties-source-reader-highlights.c and
 * ties-source-reader-marking.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ties-source-reader-private.h"
#include "ties-suggest.h"
#include "ties-ui-util.h"

G_DEFINE_FINAL_TYPE (TiesSourceReader, ties_source_reader, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SOURCE,
  PROP_SELECTED_EVENT,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
guint _ties_source_reader_signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* Offsets                                                                  */

/* GtkTextBuffer counts characters, which are code points: the same unit
 * as the selectors (an emoji with a skin tone is two of them in both). */
void
_ties_source_reader_get_iter_at_offset (TiesSourceReader *self,
                                        GtkTextIter      *iter,
                                        glong             offset)
{
  g_assert (TIES_IS_SOURCE_READER (self));

  gtk_text_buffer_get_iter_at_offset (self->buffer, iter, (int) CLAMP (offset, 0, G_MAXINT));
}

gboolean
_ties_source_reader_range_is_valid (TiesSourceReader *self,
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

  _ties_source_reader_get_iter_at_offset (self, &first, start);
  _ties_source_reader_get_iter_at_offset (self, &last, end);
  gtk_text_buffer_select_range (self->buffer, &first, &last);
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

      g_signal_emit (self, _ties_source_reader_signals[EVENT_ACTIVATED], 0, event);
      return TRUE;
    }

  proposal = proposal_at_offset (self, offset);
  if (proposal != NULL)
    {
      g_signal_emit (self, _ties_source_reader_signals[SUGGESTION_ACTIVATED], 0, proposal->suggestion);
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
  _ties_source_reader_show_message (self, NULL);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "parts-changed", G_CALLBACK (_ties_source_reader_on_document_parts_changed),
                             self, G_CONNECT_SWAPPED);

  _ties_source_reader_load_text (self);

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
    g_signal_connect_object (source, "notify::text", G_CALLBACK (_ties_source_reader_on_source_text_changed),
                             self, G_CONNECT_SWAPPED);

  _ties_source_reader_load_text (self);

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

  _ties_source_reader_apply_highlights (self);
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

  if (!_ties_follow_selection (&self->shared_selection, selection, self, G_CALLBACK (follow_selection)))
    return;
  if (selection != NULL)
    follow_selection (self);

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

  _ties_source_reader_refresh_proposals (self);
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
      _ties_source_reader_queue_measure_marks (self);
    }

  /* The popover is ours, not the text view's: it follows our size. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    gtk_popover_present (self->popover);
}

/* GTK 4.8 criticals when a scrolled window unmaps during an animated
 * scroll (as gtk_text_view_scroll_to_mark() starts): end it first. */
void
_ties_source_reader_stop_scrolling (TiesSourceReader *self)
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
  _ties_source_reader_stop_scrolling (self);

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
  _ties_source_reader_signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, TIES_TYPE_EVENT);

  /* reader.new-event added this event to the document. */
  _ties_source_reader_signals[EVENT_CREATED] =
    g_signal_new ("event-created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, TIES_TYPE_EVENT);

  /* reader.new-actor found the selected name already an actor's. */
  _ties_source_reader_signals[ACTOR_ACTIVATED] =
    g_signal_new ("actor-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, TIES_TYPE_ACTOR);

  /* reader.new-actor added this actor to the document. */
  _ties_source_reader_signals[ACTOR_CREATED] =
    g_signal_new ("actor-created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, TIES_TYPE_ACTOR);

  /* A proposed event was clicked (a TiesSuggestion). */
  _ties_source_reader_signals[SUGGESTION_ACTIVATED] =
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

  _ties_source_reader_marking_class_init (widget_class);

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
  g_signal_connect_object (self->buffer, "mark-set", G_CALLBACK (_ties_source_reader_on_mark_set), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scrolled_window), "value-changed",
                           G_CALLBACK (_ties_source_reader_queue_measure_marks), self, G_CONNECT_SWAPPED);
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
                           G_CALLBACK (_ties_source_reader_on_dark_changed), self, G_CONNECT_SWAPPED);

  ties_source_reader_update_actions (self);
}
