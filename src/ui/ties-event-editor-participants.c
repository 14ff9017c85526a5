/* ties-event-editor-participants.c: the event editor's participants,
 * initiator and new actors: the chips, the search for actors to add,
 * the row that makes a new actor (offering the existing one of that name
 * instead), and the actions behind them, each one step of the history
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "ties-event-editor-private.h"
#include "ties-mentions.h"

static const char *
actor_display_name (TiesEventEditor *self,
                    const char      *id)
{
  g_assert (TIES_IS_EVENT_EDITOR (self));

  return self->document != NULL ? ties_document_get_actor_name (self->document, id) : id;
}

static GtkWidget *
create_participant_chip (TiesEventEditor *self,
                         const char      *id)
{
  g_autofree char *tooltip = NULL;
  const char *name = actor_display_name (self, id);
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *button;

  g_assert (TIES_IS_EVENT_EDITOR (self));

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  gtk_widget_add_css_class (box, "card");

  label = gtk_label_new (name);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_widget_set_margin_start (label, 10);
  if (g_strcmp0 (ties_event_get_initiator (self->event), id) == 0)
    {
      g_autofree char *initiator = NULL;

      /* Translators: a participant who is the initiator of the event */
      initiator = g_strdup_printf (_("%s (initiator)"), name);
      gtk_label_set_text (GTK_LABEL (label), initiator);
    }
  gtk_box_append (GTK_BOX (box), label);

  button = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Translators: %s is an actor's name */
  tooltip = g_strdup_printf (_("Remove %s"), name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "event-editor.remove-participant");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  gtk_box_append (GTK_BOX (box), button);

  return box;
}

void
_ties_event_editor_update_participants (TiesEventEditor *self)
{
  const char * const *participants;
  GtkWidget *child;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) names = NULL;
  guint selected = 0;
  guint n_old;
  gboolean same;

  g_assert (TIES_IS_EVENT_EDITOR (self));

  ties_edit_binder_freeze (self->binder);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->participants_box))) != NULL)
    gtk_flow_box_remove (self->participants_box, child);

  participants = self->event != NULL ? ties_event_get_participants (self->event) : NULL;
  for (guint i = 0; participants != NULL && participants[i] != NULL; i++)
    {
      GtkWidget *chip = create_participant_chip (self, participants[i]);

      gtk_flow_box_append (self->participants_box, chip);
      /* The flow box's child, a stop of its own, is the participant. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (chip)), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      actor_display_name (self, participants[i]), -1);
    }

  gtk_stack_set_visible_child_name (self->participants_stack,
                                    participants != NULL && participants[0] != NULL ? "chips" : "empty");

  /* The initiator is one of the participants, or nobody. The list is
   * changed in place, and only when it differs: this may run while the
   * combo row is telling that its selection changed. */
  ids = g_ptr_array_new_with_free_func (g_free);
  names = g_ptr_array_new ();
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (names, (gpointer) _("Nobody in particular"));
  for (guint i = 0; participants != NULL && participants[i] != NULL; i++)
    {
      g_ptr_array_add (ids, g_strdup (participants[i]));
      g_ptr_array_add (names, (gpointer) actor_display_name (self, participants[i]));
      if (g_strcmp0 (participants[i], ties_event_get_initiator (self->event)) == 0)
        selected = i + 1;
    }
  g_ptr_array_add (names, NULL);

  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->initiator_names));
  same = n_old == ids->len;
  for (guint i = 0; same && i < ids->len; i++)
    same = g_strcmp0 (g_ptr_array_index (ids, i), g_ptr_array_index (self->initiator_ids, i)) == 0
           && g_strcmp0 (g_ptr_array_index (names, i), gtk_string_list_get_string (self->initiator_names, i)) == 0;
  if (!same)
    {
      g_clear_pointer (&self->initiator_ids, g_ptr_array_unref);
      self->initiator_ids = g_steal_pointer (&ids);
      gtk_string_list_splice (self->initiator_names, 0, n_old, (const char * const *) names->pdata);
    }
  if (adw_combo_row_get_selected (self->initiator_row) != selected)
    adw_combo_row_set_selected (self->initiator_row, selected);

  gtk_filter_changed (GTK_FILTER (self->actor_filter), GTK_FILTER_CHANGE_DIFFERENT);
  _ties_event_editor_update_existing_actor (self);

  ties_edit_binder_thaw (self->binder);
}

static void
on_initiator_selected (TiesEventEditor *self)
{
  g_autofree char *id = NULL;
  guint selected;

  g_assert (TIES_IS_EVENT_EDITOR (self));

  selected = adw_combo_row_get_selected (self->initiator_row);
  if (selected >= self->initiator_ids->len)
    return;

  id = g_strdup (g_ptr_array_index (self->initiator_ids, selected));
  ties_edit_binder_commit_string (self->binder, _("Change Initiator"), "initiator", id);
}

/* New actors: a name that is already an actor's offers that actor. */

void
_ties_event_editor_update_existing_actor (TiesEventEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->new_actor_row));
  const char *matched = NULL;
  TiesActor *actor = NULL;
  g_autofree char *title = NULL;
  g_autofree char *add = NULL;
  const char *name;
  gboolean participant;

  g_assert (TIES_IS_EVENT_EDITOR (self));

  if (self->document != NULL && self->event != NULL)
    actor = ties_document_find_actor_by_name (self->document, text, &matched);
  g_set_object (&self->existing_actor, actor);

  if (actor == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->existing_actor_row), FALSE);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->new_actor_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      _ties_event_editor_update_actions (self);
      return;
    }

  name = actor_display_name (self, ties_actor_get_id (actor));
  participant = ties_event_has_participant (self->event, ties_actor_get_id (actor));
  if (participant)
    /* Translators: %s is an actor's name */
    title = g_strdup_printf (_("%s already exists and takes part in this event"), name);
  else if (g_strcmp0 (matched, ties_actor_get_name (actor)) != 0)
    /* Translators: the first %s is an actor's name, the second another name of theirs */
    title = g_strdup_printf (_("%s already exists, also known as “%s”"), name, matched);
  else
    /* Translators: %s is an actor's name */
    title = g_strdup_printf (_("%s already exists"), name);

  /* Translators: a button; %s is an actor's name */
  add = g_strdup_printf (_("Add %s"), name);

  gtk_label_set_text (self->existing_actor_label, title);
  adw_preferences_row_set_title (self->existing_actor_row, title);
  gtk_button_set_label (self->add_existing_button, add);
  gtk_widget_set_visible (GTK_WIDGET (self->add_existing_button), !participant);
  gtk_widget_set_visible (GTK_WIDGET (self->existing_actor_row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_actor_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title,
                                  -1);
  _ties_event_editor_update_actions (self);
}

static void
on_new_actor_changed (TiesEventEditor *self)
{
  g_assert (TIES_IS_EVENT_EDITOR (self));

  _ties_event_editor_update_existing_actor (self);
}

/* Enter does what the row suggests: the existing actor, or a new one. */
static void
on_new_actor_activated (TiesEventEditor *self)
{
  g_assert (TIES_IS_EVENT_EDITOR (self));

  if (self->existing_actor == NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "event-editor.create-actor", NULL);
  else if (!ties_event_has_participant (self->event, ties_actor_get_id (self->existing_actor)))
    gtk_widget_activate_action (GTK_WIDGET (self), "event-editor.add-existing-actor", NULL);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
}

/* Not yet a participant, and named (or also known) as typed. */
static gboolean
actor_is_candidate (gpointer item,
                    gpointer user_data)
{
  TiesEventEditor *self = user_data;

  if (self->event != NULL && ties_event_has_participant (self->event, ties_actor_get_id (item)))
    return FALSE;

  return self->participant_needle != NULL && ties_actor_matches_folded (item, self->participant_needle);
}

/* The matches start empty and follow what is typed. */
static void
on_participant_search_changed (TiesEventEditor *self)
{
  g_autofree char *text = NULL;

  g_assert (TIES_IS_EVENT_EDITOR (self));

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->participant_search_row))));
  g_clear_pointer (&self->participant_needle, g_free);
  if (*text != '\0')
    self->participant_needle = ties_text_fold (text);
  gtk_filter_changed (GTK_FILTER (self->actor_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_widget_set_visible (GTK_WIDGET (self->participant_matches_row), self->participant_needle != NULL);
}

/* A row per match: the name, and what else tells it apart. */
static GtkWidget *
create_match_row (gpointer item,
                  gpointer user_data)
{
  TiesEventEditor *self = user_data;
  TiesActor *actor = item;
  const char * const *aliases = ties_actor_get_aliases (actor);
  const char *affiliation = ties_actor_get_affiliation (actor);
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (NULL);

  g_assert (TIES_IS_EVENT_EDITOR (self));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ties_actor_get_name (actor));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (affiliation != NULL && *affiliation != '\0' && self->document != NULL)
    g_string_append (subtitle, ties_document_get_actor_name (self->document, affiliation));
  if (aliases != NULL && aliases[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) aliases);

      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      /* Translators: the other names of an actor, in a list of actors */
      g_string_append_printf (subtitle, _("also %s"), joined);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "actor-id", g_strdup (ties_actor_get_id (actor)), g_free);

  return row;
}

/* Actions */

static void
set_participants (TiesEventEditor    *self,
                  const char * const *participants)
{
  g_assert (TIES_IS_EVENT_EDITOR (self));

  ties_history_set (ties_document_get_history (self->document), self->event, "participants", participants, NULL);
}

static void
add_participant (TiesEventEditor *self,
                 const char      *id)
{
  const char * const *old = ties_event_get_participants (self->event);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) participants = NULL;

  g_assert (TIES_IS_EVENT_EDITOR (self));

  if (ties_event_has_participant (self->event, id))
    return;

  if (old != NULL)
    g_strv_builder_addv (builder, (const char **) old);
  g_strv_builder_add (builder, id);
  participants = g_strv_builder_end (builder);

  set_participants (self, (const char * const *) participants);
}

/* Adds the actor, one step of undo, and clears the search for the next. */
static void
add_participant_found (TiesEventEditor *self,
                       const char      *id)
{
  TiesHistory *history;

  g_assert (TIES_IS_EVENT_EDITOR (self));

  if (!ties_edit_binder_can_edit (self->binder) || id == NULL)
    return;

  history = ties_document_get_history (self->document);
  ties_history_begin (history, _("Add Participant"));
  add_participant (self, id);
  ties_history_end (history);

  gtk_editable_set_text (GTK_EDITABLE (self->participant_search_row), "");
}

/* The first actor the search matches (Enter in the search). */
static void
add_participant_action (GtkWidget  *widget,
                        const char *action_name G_GNUC_UNUSED,
                        GVariant   *parameter G_GNUC_UNUSED)
{
  TiesEventEditor *self = TIES_EVENT_EDITOR (widget);
  g_autoptr(TiesActor) actor = g_list_model_get_item (G_LIST_MODEL (self->actor_matches), 0);

  if (actor == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  add_participant_found (self, ties_actor_get_id (actor));
}

static void
on_participant_search_activated (TiesEventEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "event-editor.add-participant", NULL);
}

static void
on_participant_match_activated (TiesEventEditor *self,
                                GtkListBoxRow   *row)
{
  g_assert (TIES_IS_EVENT_EDITOR (self));

  add_participant_found (self, g_object_get_data (G_OBJECT (row), "actor-id"));
  gtk_widget_grab_focus (GTK_WIDGET (self->participant_search_row));
}

static void
create_actor (TiesEventEditor *self)
{
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;
  g_autoptr(TiesActor) actor = NULL;
  TiesHistory *history;

  if (!ties_edit_binder_can_edit (self->binder))
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_actor_row))));
  if (name[0] == '\0')
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  id = ties_document_make_id (self->document, name);
  actor = ties_actor_new (id, name, TIES_ACTOR_PERSON);

  history = ties_document_get_history (self->document);
  ties_history_begin (history, _("Add New Actor"));
  ties_document_add_actor (self->document, actor);
  add_participant (self, id);
  ties_history_end (history);

  gtk_editable_set_text (GTK_EDITABLE (self->new_actor_row), "");
}

/* Never a second actor of the same name without asking: the row below
 * the name offers the existing one, or this. */
static void
create_actor_action (GtkWidget  *widget,
                     const char *action_name G_GNUC_UNUSED,
                     GVariant   *parameter G_GNUC_UNUSED)
{
  TiesEventEditor *self = TIES_EVENT_EDITOR (widget);

  if (self->existing_actor != NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  create_actor (self);
}

static void
create_actor_anyway_action (GtkWidget  *widget,
                            const char *action_name G_GNUC_UNUSED,
                            GVariant   *parameter G_GNUC_UNUSED)
{
  create_actor (TIES_EVENT_EDITOR (widget));
}

static void
add_existing_actor_action (GtkWidget  *widget,
                           const char *action_name G_GNUC_UNUSED,
                           GVariant   *parameter G_GNUC_UNUSED)
{
  TiesEventEditor *self = TIES_EVENT_EDITOR (widget);
  g_autoptr(TiesActor) actor = NULL;
  TiesHistory *history;

  if (!ties_edit_binder_can_edit (self->binder) || self->existing_actor == NULL)
    return;

  actor = g_object_ref (self->existing_actor);
  if (ties_event_has_participant (self->event, ties_actor_get_id (actor)))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  history = ties_document_get_history (self->document);
  ties_history_end_merge (history);
  ties_history_begin (history, _("Add Participant"));
  add_participant (self, ties_actor_get_id (actor));
  ties_history_end (history);

  gtk_editable_set_text (GTK_EDITABLE (self->new_actor_row), "");
}

static void
remove_participant_action (GtkWidget  *widget,
                           const char *action_name G_GNUC_UNUSED,
                           GVariant   *parameter)
{
  TiesEventEditor *self = TIES_EVENT_EDITOR (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  const char * const *old;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) participants = NULL;
  TiesHistory *history;

  if (!ties_edit_binder_can_edit (self->binder) || !ties_event_has_participant (self->event, id))
    return;

  builder = g_strv_builder_new ();
  old = ties_event_get_participants (self->event);
  for (guint i = 0; old != NULL && old[i] != NULL; i++)
    if (!g_str_equal (old[i], id))
      g_strv_builder_add (builder, old[i]);
  participants = g_strv_builder_end (builder);

  history = ties_document_get_history (self->document);
  ties_history_begin (history, _("Remove Participant"));
  if (g_strcmp0 (ties_event_get_initiator (self->event), id) == 0)
    ties_history_set (history, self->event, "initiator", NULL, NULL);
  set_participants (self, (const char * const *) participants);
  ties_history_end (history);
}

void
_ties_event_editor_update_actions (TiesEventEditor *self)
{
  gboolean enabled;

  g_assert (TIES_IS_EVENT_EDITOR (self));

  enabled = self->document != NULL && self->event != NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event-editor.add-participant", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event-editor.create-actor",
                                 enabled && self->existing_actor == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event-editor.create-actor-anyway",
                                 enabled && self->existing_actor != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event-editor.add-existing-actor",
                                 enabled && self->existing_actor != NULL
                                 && !ties_event_has_participant (self->event, ties_actor_get_id (self->existing_actor)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event-editor.remove-participant", enabled);
}

void
_ties_event_editor_participants_class_init (TiesEventEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_callback (widget_class, on_new_actor_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_participant_search_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_participant_match_activated);

  gtk_widget_class_install_action (widget_class, "event-editor.add-participant", NULL, add_participant_action);
  gtk_widget_class_install_action (widget_class, "event-editor.create-actor", NULL, create_actor_action);
  gtk_widget_class_install_action (widget_class, "event-editor.create-actor-anyway", NULL, create_actor_anyway_action);
  gtk_widget_class_install_action (widget_class, "event-editor.add-existing-actor", NULL, add_existing_actor_action);
  gtk_widget_class_install_action (widget_class, "event-editor.remove-participant", "s", remove_participant_action);
}

void
_ties_event_editor_participants_init (TiesEventEditor *self)
{
  g_autoptr(GtkExpression) string = NULL;

  self->initiator_ids = g_ptr_array_new_with_free_func (g_free);
  self->initiator_names = gtk_string_list_new (NULL);
  adw_combo_row_set_model (self->initiator_row, G_LIST_MODEL (self->initiator_names));
  string = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  adw_combo_row_set_expression (self->initiator_row, string);

  self->actor_filter = gtk_custom_filter_new (actor_is_candidate, self, NULL);
  /* A few matches: typing more narrows them. */
  self->actor_matches = gtk_slice_list_model_new (NULL, 0, 8);
  gtk_list_box_bind_model (self->participant_matches, G_LIST_MODEL (self->actor_matches),
                           create_match_row, self, NULL);
  g_signal_connect_object (self->participant_search_row, "changed", G_CALLBACK (on_participant_search_changed), self,
                           G_CONNECT_SWAPPED);
  {
    /* Translators: shown under Add Participant when no actor matches */
    GtkWidget *none = gtk_label_new (_("No actor has this name: make a new one below"));

    gtk_widget_add_css_class (none, "dim-label");
    gtk_widget_set_margin_top (none, 12);
    gtk_widget_set_margin_bottom (none, 12);
    gtk_label_set_wrap (GTK_LABEL (none), TRUE);
    gtk_list_box_set_placeholder (self->participant_matches, none);
  }

  /* Not typed into the event: a name for a new actor, added by Enter. */
  g_signal_connect_object (self->new_actor_row, "changed", G_CALLBACK (on_new_actor_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->initiator_row, "notify::selected", G_CALLBACK (on_initiator_selected), self, G_CONNECT_SWAPPED);
}
