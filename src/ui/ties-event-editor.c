/* ties-event-editor.c: edits one event, every change undoable
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "ties-edit-binder.h"
#include "ties-ui-util.h"
#include "ties-event-editor-private.h"

/* Every keystroke reaches the event at once, so that closing, saving,
 * exporting and drafts see what is on screen; a burst of typing in one
 * field is one step of undo (the history merges it), and Enter or the
 * focus leaving ends the burst. Choices (kind, initiator) are a step
 * each. The editor follows the event's "notify" so that undo and redo
 * show, but not the echo of its own typing: writing that back would move
 * the cursor, or undo what is half typed (a trailing comma in the tags).
 *
 * A date is checked as it is typed: while the text is not a valid date,
 * the event keeps the date it had before the typing began (not the
 * "2019" met on the way to "2019-13"), the field shows why, and the
 * text is kept per event (coming back to the event shows it again) and
 * named by ties_event_editor_get_unapplied_text(), which the window's
 * close prompt and save use to say what is not in the document.
 *
 * The typing, its bursts, echo and dates are the edit binder's, as in
 * the actor and source editors; this file adds what only an event has:
 * its id following its title and its kind; the participants, the
 * initiator and new actors are in ties-event-editor-participants.c, the
 * evidence rows in ties-event-editor-evidence.c. */

G_DEFINE_FINAL_TYPE (TiesEventEditor, ties_event_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_EVENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static TiesHistory *
get_history (TiesEventEditor *self)
{
  g_assert (TIES_IS_EVENT_EDITOR (self));

  return self->document != NULL ? ties_document_get_history (self->document) : NULL;
}

/* Ids from titles. A new event is made with a placeholder id (the
 * slug of "New event", maybe numbered): it has no title yet to derive
 * one from. Its id follows the title it is then given, once, when that
 * typing ends (Enter, or the focus leaving the field): derived at every
 * keystroke it would be "d", "do", "dor"… each a step of undo, since the
 * history merges keystrokes of one property only. At the end of the burst
 * the title's step is taken back and done again together with the id,
 * so that one undo restores both. From then on the id is the event's
 * own: retitling a loaded or already named event keeps it, for scripts
 * and readers that know it by its id. Nothing in the format refers to an
 * event by id, so renaming one breaks nothing. */

static gboolean
is_placeholder_id (const char *id)
{
  static char *slug;
  const char *rest;

  if (g_once_init_enter (&slug))
    {
      g_autoptr(TiesDocument) empty = ties_document_new ();

      g_once_init_leave (&slug, ties_document_make_id (empty, _("New event")));
    }

  if (id == NULL || !g_str_has_prefix (id, slug))
    return FALSE;

  /* "new-event", or "new-event-2" when there were several */
  rest = id + strlen (slug);
  if (rest[0] == '\0')
    return TRUE;
  if (rest[0] != '-' || rest[1] == '\0')
    return FALSE;
  for (rest++; *rest != '\0'; rest++)
    if (!g_ascii_isdigit (*rest))
      return FALSE;

  return TRUE;
}

static void
follow_title (TiesEventEditor *self)
{
  TiesHistory *history = get_history (self);
  g_autofree char *title = NULL;
  g_autofree char *id = NULL;

  g_assert (TIES_IS_EVENT_EDITOR (self));

  if (!self->title_burst || !ties_edit_binder_can_edit (self->binder))
    return;
  self->title_burst = FALSE;

  title = g_strstrip (g_strdup (ties_event_get_title (self->event)));
  if (!is_placeholder_id (ties_event_get_id (self->event))
      || title[0] == '\0'
      || g_str_equal (title, _("New event")))
    return;

  id = ties_document_make_event_id (self->document, title, ties_event_get_date (self->event));
  title = g_strdup (ties_event_get_title (self->event));

  /* The echo of the title going back and forth is ours: the field
   * already shows it, with the cursor where it is. */
  ties_edit_binder_set_echo (self->binder, "title");

  /* Nothing happened since the last keystroke, so the newest step holds
   * it: taken back, it must have changed the title back, else it was not
   * the typing's and is done again. */
  ties_history_end_merge (history);
  if (ties_history_get_serial (history) == self->title_serial && ties_history_undo (history)
      && g_strcmp0 (ties_event_get_title (self->event), title) == 0)
    ties_history_redo (history);

  ties_history_begin (history, _("Change Title"));
  ties_history_set (history, self->event, "title", title, "id", id, NULL);
  ties_history_end (history);

  ties_edit_binder_set_echo (self->binder, NULL);
}

/* Enter, or the focus leaving a field (the binder then ends the
 * history's merge): a new event's id follows its title. */
static void
on_burst_ended (TiesEventEditor *self)
{
  g_assert (TIES_IS_EVENT_EDITOR (self));

  follow_title (self);
  self->title_burst = FALSE;
}

/* Showing the event */

static void
update_date_status (TiesEventEditor *self)
{
  const char *text;
  g_autoptr(GError) error = NULL;
  g_autoptr(TiesDate) date = NULL;
  gsize offset = 0;

  g_assert (TIES_IS_EVENT_EDITOR (self));

  text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));

  if (text[0] == '\0')
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_status_row), "error");
      gtk_image_set_from_icon_name (self->date_status_icon, "x-office-calendar-symbolic");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_status_row), _("Unknown date"));
      adw_action_row_set_subtitle (self->date_status_row, _("Leave the date empty when the sources do not give one"));
      return;
    }

  date = ties_date_parse (text, &offset, &error);
  if (date != NULL)
    {
      g_autofree char *human = ties_date_format (date);

      gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_status_row), "error");
      gtk_image_set_from_icon_name (self->date_status_icon, "x-office-calendar-symbolic");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_status_row), human);
      adw_action_row_set_subtitle (self->date_status_row, _("How the date reads"));
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->date_status_row), "error");
      gtk_image_set_from_icon_name (self->date_status_icon, "dialog-error-symbolic");
      /* The parser's message names the character and its position. */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_status_row), error->message);
      adw_action_row_set_subtitle (self->date_status_row, _("Not a valid date: the event keeps its previous date until this is corrected"));
    }
}

static void
update_kind (TiesEventEditor *self)
{
  GListModel *model;
  guint selected = GTK_INVALID_LIST_POSITION;
  guint n;

  g_assert (TIES_IS_EVENT_EDITOR (self));

  model = adw_combo_row_get_model (self->kind_row);
  n = model != NULL ? g_list_model_get_n_items (model) : 0;
  for (guint i = 0; self->event != NULL && i < n; i++)
    {
      g_autoptr(TiesEventKind) kind = g_list_model_get_item (model, i);

      if (g_strcmp0 (ties_event_kind_get_id (kind), ties_event_get_kind (self->event)) == 0)
        {
          selected = i;
          break;
        }
    }

  ties_edit_binder_freeze (self->binder);
  adw_combo_row_set_selected (self->kind_row, selected);
  ties_edit_binder_thaw (self->binder);
}

/* What the binder does not show: @property NULL for all. */
static void
update_field (TiesEventEditor *self,
              const char      *property)
{
  g_assert (TIES_IS_EVENT_EDITOR (self));
  g_assert (TIES_IS_EVENT (self->event));

  if (property == NULL || g_str_equal (property, "kind"))
    update_kind (self);
  if (property == NULL || g_str_equal (property, "date"))
    update_date_status (self);
  if (property == NULL || g_str_equal (property, "participants") || g_str_equal (property, "initiator"))
    _ties_event_editor_update_participants (self);
}

static void
on_target_notify (TiesEventEditor *self,
                  GParamSpec      *pspec)
{
  g_assert (TIES_IS_EVENT_EDITOR (self));

  if (self->event != NULL)
    update_field (self, pspec->name);
}

static void
on_actors_changed (TiesEventEditor *self)
{
  g_assert (TIES_IS_EVENT_EDITOR (self));

  if (self->event != NULL)
    _ties_event_editor_update_participants (self);
}

/* Committing the fields: typing is the binder's */

static void
on_title_typed (TiesEventEditor *self)
{
  g_assert (TIES_IS_EVENT_EDITOR (self));

  self->title_burst = TRUE;
  self->title_serial = ties_history_get_serial (get_history (self));
}

static void
on_date_changed (TiesEventEditor *self)
{
  g_assert (TIES_IS_EVENT_EDITOR (self));

  update_date_status (self);
}

static void
on_kind_selected (TiesEventEditor *self)
{
  g_autoptr(TiesEventKind) kind = NULL;
  GListModel *model;
  guint selected;

  g_assert (TIES_IS_EVENT_EDITOR (self));

  model = adw_combo_row_get_model (self->kind_row);
  selected = adw_combo_row_get_selected (self->kind_row);
  if (model == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  kind = g_list_model_get_item (model, selected);
  if (kind != NULL)
    ties_edit_binder_commit_string (self->binder, _("Change Kind"), "kind", ties_event_kind_get_id (kind));
}

/* GtkWidget */

/* The editor takes the focus into its first field, the title: after
 * "New Event", that is what is typed next. */
static gboolean
ties_event_editor_grab_focus (GtkWidget *widget)
{
  TiesEventEditor *self = TIES_EVENT_EDITOR (widget);

  if (self->event != NULL && gtk_widget_grab_focus (GTK_WIDGET (self->title_row)))
    return TRUE;

  return GTK_WIDGET_CLASS (ties_event_editor_parent_class)->grab_focus (widget);
}

/* GObject */

static void
ties_event_editor_dispose (GObject *object)
{
  TiesEventEditor *self = (TiesEventEditor *) object;

  /* Nothing is committed while the widgets go away. */
  if (self->binder != NULL)
    {
      ties_edit_binder_freeze (self->binder);
      ties_edit_binder_set_target (self->binder, NULL);
    }
  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->actors_changed_id, ties_document_get_actors (self->document));
      g_clear_signal_handler (&self->parts_changed_id, self->document);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), TIES_TYPE_EVENT_EDITOR);

  g_clear_object (&self->event);
  g_clear_object (&self->document);
  g_clear_object (&self->kind_models);
  g_clear_object (&self->actor_choices);
  g_clear_object (&self->actor_filter);
  g_clear_object (&self->actor_matches);
  g_clear_pointer (&self->participant_needle, g_free);
  g_clear_pointer (&self->initiator_ids, g_ptr_array_unref);
  g_clear_object (&self->initiator_names);
  g_clear_object (&self->existing_actor);
  g_clear_object (&self->binder);

  G_OBJECT_CLASS (ties_event_editor_parent_class)->dispose (object);
}

static void
ties_event_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TiesEventEditor *self = TIES_EVENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_EVENT:
      g_value_set_object (value, self->event);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_event_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TiesEventEditor *self = TIES_EVENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ties_event_editor_set_document (self, g_value_get_object (value));
      break;

    case PROP_EVENT:
      ties_event_editor_set_event (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_event_editor_class_init (TiesEventEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ties_event_editor_dispose;
  object_class->get_property = ties_event_editor_get_property;
  object_class->set_property = ties_event_editor_set_property;

  widget_class->grab_focus = ties_event_editor_grab_focus;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TIES_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL,
                         TIES_TYPE_EVENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tiesapp/Ties/ui/ties-event-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TiesEventEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, TiesEventEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, TiesEventEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TiesEventEditor, place_row);
  gtk_widget_class_bind_template_child (widget_class, TiesEventEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, TiesEventEditor, date_status_row);
  gtk_widget_class_bind_template_child (widget_class, TiesEventEditor, date_status_icon);
  gtk_widget_class_bind_template_child (widget_class, TiesEventEditor, date_phrase_row);
  gtk_widget_class_bind_template_child (widget_class, TiesEventEditor, participants_stack);
  gtk_widget_class_bind_template_child (widget_class, TiesEventEditor, participants_box);
  gtk_widget_class_bind_template_child (widget_class, TiesEventEditor, participant_search_row);
  gtk_widget_class_bind_template_child (widget_class, TiesEventEditor, participant_matches_row);
  gtk_widget_class_bind_template_child (widget_class, TiesEventEditor, participant_matches);
  gtk_widget_class_bind_template_child (widget_class, TiesEventEditor, new_actor_row);
  gtk_widget_class_bind_template_child (widget_class, TiesEventEditor, existing_actor_row);
  gtk_widget_class_bind_template_child (widget_class, TiesEventEditor, existing_actor_label);
  gtk_widget_class_bind_template_child (widget_class, TiesEventEditor, add_existing_button);
  gtk_widget_class_bind_template_child (widget_class, TiesEventEditor, initiator_row);
  gtk_widget_class_bind_template_child (widget_class, TiesEventEditor, tags_row);
  gtk_widget_class_bind_template_child (widget_class, TiesEventEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, TiesEventEditor, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, TiesEventEditor, evidence_hint);
  _ties_event_editor_evidence_class_init (klass);
  _ties_event_editor_participants_class_init (klass);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ties-event-editor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ties_event_editor_init (TiesEventEditor *self)
{
  g_autoptr(GtkExpression) label = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  _ties_event_editor_participants_init (self);

  self->kind_models = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (self->kind_models, ties_event_kind_get_builtins ());
  label = gtk_property_expression_new (TIES_TYPE_EVENT_KIND, NULL, "label");
  adw_combo_row_set_expression (self->kind_row, label);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->date_status_row), FALSE);

  self->binder = ties_edit_binder_new ();
  ties_edit_binder_bind (self->binder, GTK_WIDGET (self->title_row), "title", TIES_EDIT_BINDER_PLAIN);
  ties_edit_binder_bind (self->binder, GTK_WIDGET (self->place_row), "place", TIES_EDIT_BINDER_EMPTY_IS_NULL);
  ties_edit_binder_bind (self->binder, GTK_WIDGET (self->date_row), "date", TIES_EDIT_BINDER_DATE);
  ties_edit_binder_bind (self->binder, GTK_WIDGET (self->date_phrase_row), "date-phrase", TIES_EDIT_BINDER_PLAIN);
  ties_edit_binder_bind (self->binder, GTK_WIDGET (self->tags_row), "tags", TIES_EDIT_BINDER_LIST);
  ties_edit_binder_bind (self->binder, GTK_WIDGET (self->notes_view), "notes", TIES_EDIT_BINDER_PLAIN);
  g_signal_connect_object (self->binder, "typed::title", G_CALLBACK (on_title_typed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->binder, "burst-ended", G_CALLBACK (on_burst_ended), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->binder, "target-notify", G_CALLBACK (on_target_notify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_row, "changed", G_CALLBACK (on_date_changed), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (on_kind_selected), self, G_CONNECT_SWAPPED);

  _ties_event_editor_update_actions (self);
}

/* Public API */

GtkWidget *
ties_event_editor_new (void)
{
  return g_object_new (TIES_TYPE_EVENT_EDITOR, NULL);
}

TiesDocument *
ties_event_editor_get_document (TiesEventEditor *self)
{
  g_return_val_if_fail (TIES_IS_EVENT_EDITOR (self), NULL);

  return self->document;
}

void
ties_event_editor_set_document (TiesEventEditor *self,
                                TiesDocument    *document)
{
  g_autoptr(GtkFlattenListModel) kinds = NULL;
  g_autoptr(GtkSortListModel) sorted_actors = NULL;

  g_return_if_fail (TIES_IS_EVENT_EDITOR (self));
  g_return_if_fail (document == NULL || TIES_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  ties_event_editor_set_event (self, NULL);

  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->actors_changed_id, ties_document_get_actors (self->document));
      g_clear_signal_handler (&self->parts_changed_id, self->document);
    }
  g_set_object (&self->document, document);
  if (document != NULL)
    self->parts_changed_id =
      g_signal_connect_object (document, "parts-changed", G_CALLBACK (_ties_event_editor_on_document_parts_changed),
                               self, G_CONNECT_SWAPPED);
  ties_edit_binder_set_document (self->binder, document);

  ties_edit_binder_freeze (self->binder);

  /* Built-in kinds first, then the document's own. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->kind_models)) > 1)
    g_list_store_remove (self->kind_models, 1);
  if (document != NULL)
    g_list_store_append (self->kind_models, ties_document_get_event_kinds (document));
  g_object_ref (self->kind_models);
  kinds = gtk_flatten_list_model_new (G_LIST_MODEL (self->kind_models));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  g_clear_object (&self->actor_choices);
  if (document != NULL)
    {
      GListModel *actors = ties_document_get_actors (document);
      GtkStringSorter *sorter;

      g_object_ref (actors);
      g_object_ref (self->actor_filter);
      self->actor_choices = gtk_filter_list_model_new (G_LIST_MODEL (actors), GTK_FILTER (self->actor_filter));
      sorter = gtk_string_sorter_new (gtk_property_expression_new (TIES_TYPE_ACTOR, NULL, "name"));
      g_object_ref (self->actor_choices);
      sorted_actors = gtk_sort_list_model_new (G_LIST_MODEL (self->actor_choices), GTK_SORTER (sorter));
      gtk_slice_list_model_set_model (self->actor_matches, G_LIST_MODEL (sorted_actors));

      self->actors_changed_id =
        g_signal_connect_object (actors, "items-changed", G_CALLBACK (on_actors_changed), self, G_CONNECT_SWAPPED);
    }
  else
    gtk_slice_list_model_set_model (self->actor_matches, NULL);

  ties_edit_binder_thaw (self->binder);

  _ties_event_editor_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

TiesEvent *
ties_event_editor_get_event (TiesEventEditor *self)
{
  g_return_val_if_fail (TIES_IS_EVENT_EDITOR (self), NULL);

  return self->event;
}

void
ties_event_editor_set_event (TiesEventEditor *self,
                             TiesEvent       *event)
{
  g_return_if_fail (TIES_IS_EVENT_EDITOR (self));
  g_return_if_fail (event == NULL || TIES_IS_EVENT (event));
  g_return_if_fail (event == NULL || self->document != NULL);

  if (self->event == event)
    return;

  /* Ends the burst in the event it was typed into, then shows the new
   * one's typed fields. */
  ties_edit_binder_set_target (self->binder, event);
  g_set_object (&self->event, event);

  if (event != NULL)
    {
      gtk_list_box_bind_model (self->evidence_list, G_LIST_MODEL (ties_event_get_evidence (event)),
                               _ties_event_editor_create_evidence_row, self, NULL);
      update_field (self, NULL);
      gtk_stack_set_visible_child_name (self->stack, "editor");
    }
  else
    {
      gtk_list_box_bind_model (self->evidence_list, NULL, NULL, NULL, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }

  _ties_event_editor_update_existing_actor (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}

/**
 * ties_event_editor_remove_evidence:
 * @self: a #TiesEventEditor
 * @evidence: an evidence item of the edited event
 *
 * Removes @evidence from the event, as one step of undo.
 */
void
ties_event_editor_remove_evidence (TiesEventEditor *self,
                                   TiesEvidence    *evidence)
{
  GListStore *store;
  TiesHistory *history;
  guint position;

  g_return_if_fail (TIES_IS_EVENT_EDITOR (self));
  g_return_if_fail (TIES_IS_EVIDENCE (evidence));

  if (!ties_edit_binder_can_edit (self->binder))
    return;

  store = ties_event_get_evidence (self->event);
  if (!g_list_store_find (store, evidence, &position))
    return;

  history = get_history (self);
  ties_history_begin (history, _("Remove Evidence"));
  ties_history_remove (history, store, position);
  ties_history_end (history);
}

/**
 * ties_event_editor_get_unapplied_text:
 * @self: a #TiesEventEditor
 *
 * What was typed but is not in the document: dates that are not valid
 * (for any event edited since the document was set), and a new actor's
 * name not yet added.
 *
 * Returns: (transfer full) (nullable): sentences saying so, or %NULL
 */
char *
ties_event_editor_get_unapplied_text (TiesEventEditor *self)
{
  g_autoptr(GString) text = NULL;
  g_autofree char *name = NULL;
  GListModel *events;

  g_return_val_if_fail (TIES_IS_EVENT_EDITOR (self), NULL);

  if (self->document == NULL)
    return NULL;

  text = g_string_new (NULL);

  /* In document order, so that the message does not change each time;
   * deleted events are past. */
  events = G_LIST_MODEL (ties_document_get_events (self->document));
  for (guint i = 0; ties_edit_binder_has_invalid_text (self->binder) && i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (events, i);
      const char *invalid = ties_edit_binder_get_invalid_text (self->binder, event, "date");
      g_autofree char *sentence = NULL;

      if (invalid == NULL)
        continue;

      /* Translators: the first %s is a date as typed, the second an event's title */
      sentence = g_strdup_printf (_("The date “%s” of “%s” is not valid, so the document keeps its previous date."),
                                  invalid, ties_event_get_title (event));
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, sentence);
    }

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_actor_row))));
  if (self->event != NULL && name[0] != '\0')
    {
      g_autofree char *sentence = NULL;

      /* Translators: %s is a name typed for a new actor */
      sentence = g_strdup_printf (_("“%s” was typed as a new actor’s name but not added."), name);
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, sentence);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}
