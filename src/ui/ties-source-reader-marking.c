/* ties-source-reader-marking.c: the source reader's selection and its
 * popover, its messages, and its actions: a new event, evidence or actor
 * from the selected passage, and quotes attached again
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ties-date-phrase.h"
#include "ties-source-reader-private.h"

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

void
_ties_source_reader_on_mark_set (TiesSourceReader *self,
                                 GtkTextIter      *location,
                                 GtkTextMark      *mark,
                                 GtkTextBuffer    *buffer)
{
  g_assert (TIES_IS_SOURCE_READER (self));

  if (mark == gtk_text_buffer_get_insert (buffer) || mark == gtk_text_buffer_get_selection_bound (buffer))
    on_selection_changed (self);
}

void
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

void
_ties_source_reader_show_message (TiesSourceReader *self,
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
         _ties_source_reader_range_is_valid (self, *start, *end);
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

  g_signal_emit (self, _ties_source_reader_signals[EVENT_CREATED], 0, event);
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

      _ties_source_reader_show_message (self, message);
      g_signal_emit (self, _ties_source_reader_signals[ACTOR_ACTIVATED], 0, existing);
      return;
    }

  _ties_source_reader_show_message (self, NULL);
  id = ties_document_make_id (self->document, name);
  actor = ties_actor_new (id, name, TIES_ACTOR_PERSON);
  ties_document_add_actor (self->document, actor);

  g_signal_emit (self, _ties_source_reader_signals[ACTOR_CREATED], 0, actor);
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
  _ties_source_reader_show_message (TIES_SOURCE_READER (widget), NULL);
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
      !_ties_source_reader_range_is_valid (self, start, end))
    return;

  _ties_source_reader_get_iter_at_offset (self, &first, start);
  _ties_source_reader_get_iter_at_offset (self, &last, end);
  gtk_text_buffer_select_range (self->buffer, &first, &last);
  /* Shown, not chosen: the words are already evidence, so no popover
   * offers to make them so. */
  g_clear_handle_id (&self->popover_id, g_source_remove);
  /* A mark, not an iter: it scrolls once the lines are measured. */
  gtk_text_view_scroll_mark_onscreen (self->text_view, gtk_text_buffer_get_insert (self->buffer));
  gtk_text_view_scroll_to_mark (self->text_view, gtk_text_buffer_get_insert (self->buffer),
                                0.1, TRUE, 0.0, 0.3);
}

void
_ties_source_reader_marking_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "reader.new-event", NULL, reader_new_event);
  gtk_widget_class_install_action (widget_class, "reader.add-evidence", NULL, reader_add_evidence);
  gtk_widget_class_install_action (widget_class, "reader.new-actor", NULL, reader_new_actor);
  gtk_widget_class_install_action (widget_class, "reader.reattach", NULL, reader_reattach);
  gtk_widget_class_install_action (widget_class, "reader.cancel-reattach", NULL, reader_cancel_reattach);
  gtk_widget_class_install_action (widget_class, "reader.dismiss-message", NULL, reader_dismiss_message);
}
