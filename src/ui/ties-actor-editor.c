/* ties-actor-editor.c: edits one actor, every change undoable
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ties-edit-binder.h"
#include "ties-actor-editor.h"

/* Like the event editor: every keystroke reaches the actor at once, a
 * burst of typing in one field being one step of undo (the edit
 * binder's), and choices are a step each; the editor follows the actor's
 * "notify" (but not the echo of its own typing, which would move the
 * cursor or take away a trailing space of a name being typed) and the
 * document's "parts-changed". */

struct _TiesActorEditor
{
  GtkWidget           parent_instance;

  TiesDocument       *document;
  TiesActor          *actor;
  gulong              document_changed_id;

  /* The typed fields; frozen while the editor shows the actor in its
   * other widgets */
  TiesEditBinder     *binder;

  GtkCustomFilter    *event_filter;
  GtkCustomSorter    *event_sorter;
  GtkSortListModel   *events;
  GtkStringList      *affiliation_names; /* affiliation_row's items */
  GPtrArray          *affiliation_ids;  /* ids behind them; NULL: none */

  GtkStack           *stack;
  AdwEntryRow        *name_row;
  AdwComboRow        *kind_row;
  AdwEntryRow        *role_row;
  AdwComboRow        *affiliation_row;
  AdwActionRow       *color_row;
  GtkColorButton     *color_button;
  AdwEntryRow        *aliases_row;
  GtkTextView        *notes_view;
  AdwPreferencesGroup *events_group;
  GtkListBox         *events_list;
};

G_DEFINE_FINAL_TYPE (TiesActorEditor, ties_actor_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ACTOR,
  N_PROPS
};

enum {
  EVENT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Showing the actor */

static void
update_color (TiesActorEditor *self)
{
  const char *color = ties_actor_get_color (self->actor);
  GdkRGBA rgba;

  g_assert (TIES_IS_ACTOR_EDITOR (self));

  if (color != NULL && gdk_rgba_parse (&rgba, color))
    {
      gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
      adw_action_row_set_subtitle (self->color_row, color);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "actor-editor.clear-color", TRUE);
    }
  else
    {
      gdk_rgba_parse (&rgba, "#9a9996");
      gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
      adw_action_row_set_subtitle (self->color_row, _("Automatic"));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "actor-editor.clear-color", FALSE);
    }
}

static void
update_affiliations (TiesActorEditor *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GListModel *actors;
  guint selected = 0;
  guint n, n_old;
  gboolean same;

  g_assert (TIES_IS_ACTOR_EDITOR (self));

  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (names, (gpointer) _("None"));

  actors = self->document != NULL ? G_LIST_MODEL (ties_document_get_actors (self->document)) : NULL;
  n = actors != NULL ? g_list_model_get_n_items (actors) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiesActor) actor = g_list_model_get_item (actors, i);

      if (actor == self->actor)
        continue;

      g_ptr_array_add (names, (gpointer) (ties_actor_get_name (actor)[0] != '\0'
                                          ? ties_actor_get_name (actor)
                                          : ties_actor_get_id (actor)));
      g_ptr_array_add (ids, g_strdup (ties_actor_get_id (actor)));
      if (self->actor != NULL
          && g_strcmp0 (ties_actor_get_id (actor), ties_actor_get_affiliation (self->actor)) == 0)
        selected = ids->len - 1;
    }
  g_ptr_array_add (names, NULL);

  /* Changed in place, and only when it differs: this may run while the
   * combo row is telling that its selection changed. */
  ties_edit_binder_freeze (self->binder);
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->affiliation_names));
  same = n_old == ids->len;
  for (guint i = 0; same && i < ids->len; i++)
    same = g_strcmp0 (g_ptr_array_index (ids, i), g_ptr_array_index (self->affiliation_ids, i)) == 0
           && g_strcmp0 (g_ptr_array_index (names, i), gtk_string_list_get_string (self->affiliation_names, i)) == 0;
  if (!same)
    {
      g_clear_pointer (&self->affiliation_ids, g_ptr_array_unref);
      self->affiliation_ids = g_steal_pointer (&ids);
      gtk_string_list_splice (self->affiliation_names, 0, n_old, (const char * const *) names->pdata);
    }
  if (adw_combo_row_get_selected (self->affiliation_row) != selected)
    adw_combo_row_set_selected (self->affiliation_row, selected);
  ties_edit_binder_thaw (self->binder);
}

static GtkWidget *
create_event_row (gpointer item,
                  gpointer user_data G_GNUC_UNUSED)
{
  TiesEvent *event = item;
  TiesDate *date = ties_event_get_parsed_date (event);
  g_autofree char *human = date != NULL ? ties_date_format (date) : NULL;
  GtkWidget *row;
  GtkWidget *arrow;

  g_assert (TIES_IS_EVENT (event));

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ties_event_get_title (event));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), human != NULL ? human : _("Undated"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show Event"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  g_object_set_data_full (G_OBJECT (row), "event", g_object_ref (event), g_object_unref);

  return row;
}

static void
update_events (TiesActorEditor *self)
{
  g_autofree char *description = NULL;
  guint n;

  g_assert (TIES_IS_ACTOR_EDITOR (self));

  gtk_filter_changed (GTK_FILTER (self->event_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (GTK_SORTER (self->event_sorter), GTK_SORTER_CHANGE_DIFFERENT);

  /* Rebuilt, so that changed titles and dates show. */
  if (self->actor != NULL && self->document != NULL)
    gtk_list_box_bind_model (self->events_list, G_LIST_MODEL (self->events), create_event_row, self, NULL);
  else
    gtk_list_box_bind_model (self->events_list, NULL, NULL, NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->events));
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Takes part in %u event", "Takes part in %u events", n), n);
  adw_preferences_group_set_description (self->events_group, description);
}

/* What the binder does not show: @property NULL for all. */
static void
update_field (TiesActorEditor *self,
              const char      *property)
{
  g_assert (TIES_IS_ACTOR_EDITOR (self));
  g_assert (TIES_IS_ACTOR (self->actor));

  ties_edit_binder_freeze (self->binder);

  if (property == NULL || g_str_equal (property, "kind"))
    adw_combo_row_set_selected (self->kind_row, ties_actor_get_kind (self->actor));
  if (property == NULL || g_str_equal (property, "affiliation"))
    update_affiliations (self);
  if (property == NULL || g_str_equal (property, "color"))
    update_color (self);
  if (property == NULL || g_str_equal (property, "id"))
    update_events (self);

  ties_edit_binder_thaw (self->binder);
}

static void
on_target_notify (TiesActorEditor *self,
                  GParamSpec      *pspec)
{
  g_assert (TIES_IS_ACTOR_EDITOR (self));

  if (self->actor != NULL)
    update_field (self, pspec->name);
}

/* The affiliations are the other actors' names; the events list shows
 * this actor's events, their titles and dates: an actor's notes or role
 * typed change neither (on 10,000 events, refiltering them all took a
 * tenth of a second a keystroke). */
static void
on_document_changed (TiesActorEditor    *self,
                     TiesDocumentChange  changes,
                     TiesDocument       *document)
{
  g_assert (TIES_IS_ACTOR_EDITOR (self));

  if (self->actor == NULL)
    return;

  if (changes & (TIES_DOCUMENT_CHANGE_ACTORS | TIES_DOCUMENT_CHANGE_ACTOR_LOOK))
    update_affiliations (self);
  if (changes & (TIES_DOCUMENT_CHANGE_EVENTS | TIES_DOCUMENT_CHANGE_EVENT_TIES
                 | TIES_DOCUMENT_CHANGE_EVENT_TEXT | TIES_DOCUMENT_CHANGE_ACTORS))
    update_events (self);
}

/* Committing the choices: typing is the binder's */

static void
on_kind_selected (TiesActorEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert (TIES_IS_ACTOR_EDITOR (self));

  if (selected > TIES_ACTOR_GROUP)
    return;

  g_value_init (&value, TIES_TYPE_ACTOR_KIND);
  g_value_set_enum (&value, selected);
  ties_edit_binder_commit (self->binder, _("Change Kind"), "kind", &value);
}

static void
on_affiliation_selected (TiesActorEditor *self)
{
  g_autofree char *id = NULL;
  guint selected = adw_combo_row_get_selected (self->affiliation_row);

  g_assert (TIES_IS_ACTOR_EDITOR (self));

  if (selected >= self->affiliation_ids->len)
    return;

  id = g_strdup (g_ptr_array_index (self->affiliation_ids, selected));
  ties_edit_binder_commit_string (self->binder, _("Change Affiliation"), "affiliation", id);
}

static void
on_color_set (TiesActorEditor *self)
{
  GdkRGBA rgba;
  g_autofree char *text = NULL;

  g_assert (TIES_IS_ACTOR_EDITOR (self));

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  text = g_strdup_printf ("#%02x%02x%02x",
                          (guint) (CLAMP (rgba.red, 0., 1.) * 255. + .5),
                          (guint) (CLAMP (rgba.green, 0., 1.) * 255. + .5),
                          (guint) (CLAMP (rgba.blue, 0., 1.) * 255. + .5));
  ties_edit_binder_commit_string (self->binder, _("Change Colour"), "color", text);
}

static void
clear_color_action (GtkWidget  *widget,
                    const char *action_name G_GNUC_UNUSED,
                    GVariant   *parameter G_GNUC_UNUSED)
{
  TiesActorEditor *self = TIES_ACTOR_EDITOR (widget);

  ties_edit_binder_commit_string (self->binder, _("Change Colour"), "color", NULL);
}

static void
on_event_row_activated (TiesActorEditor *self,
                        GtkListBoxRow   *row)
{
  TiesEvent *event;

  g_assert (TIES_IS_ACTOR_EDITOR (self));
  g_assert (GTK_IS_LIST_BOX_ROW (row));

  event = g_object_get_data (G_OBJECT (row), "event");
  if (event != NULL)
    g_signal_emit (self, signals[EVENT_ACTIVATED], 0, event);
}

static gboolean
event_has_actor (gpointer item,
                 gpointer user_data)
{
  TiesActorEditor *self = user_data;

  return self->actor != NULL && ties_event_has_participant (item, ties_actor_get_id (self->actor));
}

static int
compare_events (gconstpointer a,
                gconstpointer b,
                gpointer      user_data G_GNUC_UNUSED)
{
  return ties_date_compare (ties_event_get_parsed_date ((TiesEvent *) a),
                            ties_event_get_parsed_date ((TiesEvent *) b));
}

/* GObject */

static void
ties_actor_editor_dispose (GObject *object)
{
  TiesActorEditor *self = (TiesActorEditor *) object;

  /* Nothing is committed while the widgets go away. */
  if (self->binder != NULL)
    {
      ties_edit_binder_freeze (self->binder);
      ties_edit_binder_set_target (self->binder, NULL);
    }
  if (self->document != NULL)
    g_clear_signal_handler (&self->document_changed_id, self->document);

  gtk_widget_dispose_template (GTK_WIDGET (self), TIES_TYPE_ACTOR_EDITOR);

  g_clear_object (&self->actor);
  g_clear_object (&self->document);
  g_clear_object (&self->events);
  g_clear_object (&self->event_filter);
  g_clear_object (&self->event_sorter);
  g_clear_pointer (&self->affiliation_ids, g_ptr_array_unref);
  g_clear_object (&self->affiliation_names);
  g_clear_object (&self->binder);

  G_OBJECT_CLASS (ties_actor_editor_parent_class)->dispose (object);
}

static void
ties_actor_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TiesActorEditor *self = TIES_ACTOR_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_ACTOR:
      g_value_set_object (value, self->actor);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_actor_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TiesActorEditor *self = TIES_ACTOR_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ties_actor_editor_set_document (self, g_value_get_object (value));
      break;

    case PROP_ACTOR:
      ties_actor_editor_set_actor (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_actor_editor_class_init (TiesActorEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ties_actor_editor_dispose;
  object_class->get_property = ties_actor_editor_get_property;
  object_class->set_property = ties_actor_editor_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TIES_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ACTOR] =
    g_param_spec_object ("actor", NULL, NULL,
                         TIES_TYPE_ACTOR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, TIES_TYPE_EVENT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tiesapp/Ties/ui/ties-actor-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TiesActorEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, TiesActorEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, TiesActorEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TiesActorEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, TiesActorEditor, affiliation_row);
  gtk_widget_class_bind_template_child (widget_class, TiesActorEditor, color_row);
  gtk_widget_class_bind_template_child (widget_class, TiesActorEditor, color_button);
  gtk_widget_class_bind_template_child (widget_class, TiesActorEditor, aliases_row);
  gtk_widget_class_bind_template_child (widget_class, TiesActorEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, TiesActorEditor, events_group);
  gtk_widget_class_bind_template_child (widget_class, TiesActorEditor, events_list);
  gtk_widget_class_bind_template_callback (widget_class, on_event_row_activated);

  gtk_widget_class_install_action (widget_class, "actor-editor.clear-color", NULL, clear_color_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ties-actor-editor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ties_actor_editor_init (TiesActorEditor *self)
{
  g_autoptr(GtkExpression) string = NULL;
  g_autoptr(GtkExpression) kind = NULL;
  g_autoptr(GtkFilterListModel) filtered = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->affiliation_ids = g_ptr_array_new_with_free_func (g_free);
  self->affiliation_names = gtk_string_list_new (NULL);
  adw_combo_row_set_model (self->affiliation_row, G_LIST_MODEL (self->affiliation_names));

  string = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  adw_combo_row_set_expression (self->affiliation_row, string);
  kind = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  adw_combo_row_set_expression (self->kind_row, kind);

  self->event_filter = gtk_custom_filter_new (event_has_actor, self, NULL);
  self->event_sorter = gtk_custom_sorter_new (compare_events, NULL, NULL);
  filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->event_filter)));
  self->events = gtk_sort_list_model_new (G_LIST_MODEL (g_steal_pointer (&filtered)),
                                          g_object_ref (GTK_SORTER (self->event_sorter)));

  {
    GtkWidget *placeholder = gtk_label_new (_("Takes part in no events"));

    gtk_widget_add_css_class (placeholder, "dim-label");
    gtk_widget_set_margin_top (placeholder, 12);
    gtk_widget_set_margin_bottom (placeholder, 12);
    gtk_list_box_set_placeholder (self->events_list, placeholder);
  }

  self->binder = ties_edit_binder_new ();
  ties_edit_binder_bind (self->binder, GTK_WIDGET (self->name_row), "name", TIES_EDIT_BINDER_STRIP);
  ties_edit_binder_bind (self->binder, GTK_WIDGET (self->role_row), "role", TIES_EDIT_BINDER_PLAIN);
  ties_edit_binder_bind (self->binder, GTK_WIDGET (self->aliases_row), "aliases", TIES_EDIT_BINDER_LIST);
  ties_edit_binder_bind (self->binder, GTK_WIDGET (self->notes_view), "notes", TIES_EDIT_BINDER_PLAIN);
  g_signal_connect_object (self->binder, "target-notify", G_CALLBACK (on_target_notify), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (on_kind_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->affiliation_row, "notify::selected", G_CALLBACK (on_affiliation_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->color_button, "color-set", G_CALLBACK (on_color_set), self, G_CONNECT_SWAPPED);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "actor-editor.clear-color", FALSE);
}

/* Public API */

GtkWidget *
ties_actor_editor_new (void)
{
  return g_object_new (TIES_TYPE_ACTOR_EDITOR, NULL);
}

TiesDocument *
ties_actor_editor_get_document (TiesActorEditor *self)
{
  g_return_val_if_fail (TIES_IS_ACTOR_EDITOR (self), NULL);

  return self->document;
}

void
ties_actor_editor_set_document (TiesActorEditor *self,
                                TiesDocument    *document)
{
  GtkFilterListModel *filtered;

  g_return_if_fail (TIES_IS_ACTOR_EDITOR (self));
  g_return_if_fail (document == NULL || TIES_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  ties_actor_editor_set_actor (self, NULL);

  if (self->document != NULL)
    g_clear_signal_handler (&self->document_changed_id, self->document);
  g_set_object (&self->document, document);
  ties_edit_binder_set_document (self->binder, document);

  filtered = GTK_FILTER_LIST_MODEL (gtk_sort_list_model_get_model (self->events));
  gtk_filter_list_model_set_model (filtered,
                                   document != NULL ? G_LIST_MODEL (ties_document_get_events (document)) : NULL);

  if (document != NULL)
    self->document_changed_id =
      g_signal_connect_object (document, "parts-changed", G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

TiesActor *
ties_actor_editor_get_actor (TiesActorEditor *self)
{
  g_return_val_if_fail (TIES_IS_ACTOR_EDITOR (self), NULL);

  return self->actor;
}

void
ties_actor_editor_set_actor (TiesActorEditor *self,
                             TiesActor       *actor)
{
  g_return_if_fail (TIES_IS_ACTOR_EDITOR (self));
  g_return_if_fail (actor == NULL || TIES_IS_ACTOR (actor));
  g_return_if_fail (actor == NULL || self->document != NULL);

  if (self->actor == actor)
    return;

  /* Ends the burst in the actor it was typed into, then shows the new
   * one's typed fields. */
  ties_edit_binder_set_target (self->binder, actor);
  g_set_object (&self->actor, actor);

  if (actor != NULL)
    {
      update_field (self, NULL);
      gtk_stack_set_visible_child_name (self->stack, "editor");
    }
  else
    {
      update_events (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
}
