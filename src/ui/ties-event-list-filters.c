/* ties-event-list-filters.c: the event list's filter and its controls:
 * the kind, participant and source drop-downs, the chip, the search entry and
 * the date entries, each editing the document's filter through the history
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "ties-event-list-private.h"
#include "ties-ui-util.h"

/* ------------------------------------------------------------------------ */
/* Filtering                                                                */

/* One predicate for list, diagram and export: the filter's; then the
 * diagram's selection, which only the list follows. */
static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  TiesEventList *self = user_data;
  TiesEvent *event = item;

  if (self->actor != NULL && !ties_event_has_participant (event, self->actor))
    return FALSE;

  if (self->tie_a != NULL &&
      !(ties_event_has_participant (event, self->tie_a) &&
        ties_event_has_participant (event, self->tie_b)))
    return FALSE;

  return ties_filter_includes_event (self->view_filter, self->document, event);
}

gboolean
_ties_event_list_has_filter (TiesEventList *self)
{
  return self->actor != NULL || self->tie_a != NULL || !ties_filter_is_empty (self->view_filter);
}

/* The first of the filter's kinds or actors: the drop-downs show one. */
static const char *
first_of (const char * const *strv)
{
  return strv != NULL ? strv[0] : NULL;
}

/* The list's controls edit the document's filter as the layout and the
 * centre are edited: through the history, so that a filter chosen can be
 * undone and is saved with the document. Search text typed is one step
 * a burst, like any text typed. */
static void
ties_event_list_edit_filter (TiesEventList *self,
                             const char    *property,
                             const GValue  *value,
                             gboolean       merge)
{
  TiesHistory *history;

  g_assert (TIES_IS_EVENT_LIST (self));

  if (self->document == NULL)
    {
      g_object_set_property (G_OBJECT (self->view_filter), property, value);
      return;
    }

  history = ties_document_get_history (self->document);
  if (merge)
    {
      ties_history_set_value_merged (history, self->view_filter, property, value);
      return;
    }

  ties_history_begin (history, _("Filter Events"));
  ties_history_set_value (history, self->view_filter, property, value);
  ties_history_end (history);
}

static void
ties_event_list_edit_filter_strv (TiesEventList *self,
                                  const char    *property,
                                  const char    *id)
{
  const char * const one[] = { id, NULL };
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GStrv) old = NULL;

  g_object_get (self->view_filter, property, &old, NULL);
  if (g_strcmp0 (first_of ((const char * const *) old), id) == 0
      && (id == NULL || g_strv_length (old) == 1))
    return;

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, id != NULL ? one : NULL);
  ties_event_list_edit_filter (self, property, &value, FALSE);
}

void
_ties_event_list_refilter (TiesEventList *self)
{
  g_assert (TIES_IS_EVENT_LIST (self));

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* ------------------------------------------------------------------------ */
/* Drop-downs and the filter chip                                           */

static void
id_list_add (GPtrArray  *ids,
             GPtrArray  *labels,
             const char *id,
             const char *label)
{
  for (guint i = 1; i < ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ids, i), id) == 0)
      return;

  g_ptr_array_add (ids, g_strdup (id));
  g_ptr_array_add (labels, g_strdup (label));
}

static gboolean
id_list_equal (GPtrArray     *ids,
               GtkStringList *old_labels,
               GPtrArray     *old_ids,
               GPtrArray     *labels)
{
  if (ids->len != old_ids->len)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (ids, i), g_ptr_array_index (old_ids, i)) != 0 ||
          g_strcmp0 (g_ptr_array_index (labels, i), gtk_string_list_get_string (old_labels, i)) != 0)
        return FALSE;
    }

  return TRUE;
}

static guint
id_list_find (GPtrArray  *ids,
              const char *id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ids, i), id) == 0)
      return i;

  return 0;
}

/* Replaces the drop-down's items unless they are the same, then selects @id. */
static void
sync_dropdown (TiesEventList  *self,
               GtkDropDown    *dropdown,
               GtkStringList  *old_labels,
               GPtrArray     **old_ids,
               GPtrArray      *ids,
               GPtrArray      *labels,
               const char     *id)
{
  guint position;

  self->syncing++;

  if (!id_list_equal (ids, old_labels, *old_ids, labels))
    {
      g_ptr_array_add (labels, NULL);
      gtk_string_list_splice (old_labels, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (old_labels)),
                              (const char * const *) labels->pdata);
      g_ptr_array_unref (*old_ids);
      *old_ids = g_ptr_array_ref (ids);
    }

  position = id_list_find (*old_ids, id);
  if (gtk_drop_down_get_selected (dropdown) != position)
    gtk_drop_down_set_selected (dropdown, position);

  self->syncing--;
}

void
_ties_event_list_sync_kinds (TiesEventList *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GListModel *builtins = ties_event_kind_get_builtins ();
  const char *chosen;
  guint n;

  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (labels, g_strdup (_("All Kinds")));

  n = g_list_model_get_n_items (builtins);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiesEventKind) kind = g_list_model_get_item (builtins, i);

      id_list_add (ids, labels, ties_event_kind_get_id (kind), ties_event_kind_get_label (kind));
    }

  if (self->document != NULL)
    {
      GListModel *kinds = G_LIST_MODEL (ties_document_get_event_kinds (self->document));
      GListModel *events = G_LIST_MODEL (ties_document_get_events (self->document));

      n = g_list_model_get_n_items (kinds);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TiesEventKind) kind = g_list_model_get_item (kinds, i);

          id_list_add (ids, labels, ties_event_kind_get_id (kind), _ties_event_list_kind_label (self, ties_event_kind_get_id (kind)));
        }

      /* Kinds used but not declared, so that every event can be found. */
      n = g_list_model_get_n_items (events);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TiesEvent) event = g_list_model_get_item (events, i);
          const char *kind = ties_event_get_kind (event);

          if (kind != NULL)
            id_list_add (ids, labels, kind, _ties_event_list_kind_label (self, kind));
        }
    }

  chosen = first_of (ties_filter_get_kinds (self->view_filter));
  if (chosen != NULL)
    id_list_add (ids, labels, chosen, _ties_event_list_kind_label (self, chosen));

  sync_dropdown (self, self->kind_dropdown, self->kind_labels, &self->kind_ids, ids, labels, chosen);
}

static int
compare_actor_names (gconstpointer a,
                     gconstpointer b)
{
  TiesActor *actor_a = *(TiesActor **) a;
  TiesActor *actor_b = *(TiesActor **) b;

  return _ties_event_list_compare_text (ties_actor_get_name (actor_a), ties_actor_get_name (actor_b));
}

void
_ties_event_list_sync_actors (TiesEventList *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  const char *chosen;

  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (labels, g_strdup (_("All Participants")));

  if (self->document != NULL)
    {
      GListModel *actors = G_LIST_MODEL (ties_document_get_actors (self->document));
      guint n = g_list_model_get_n_items (actors);
      g_autoptr(GPtrArray) sorted = g_ptr_array_new_full (n, g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (sorted, g_list_model_get_item (actors, i));
      g_ptr_array_sort (sorted, compare_actor_names);

      for (guint i = 0; i < sorted->len; i++)
        {
          TiesActor *actor = g_ptr_array_index (sorted, i);

          id_list_add (ids, labels, ties_actor_get_id (actor), _ties_event_list_actor_name (self, ties_actor_get_id (actor)));
        }
    }

  chosen = first_of (ties_filter_get_actors (self->view_filter));
  if (chosen != NULL)
    id_list_add (ids, labels, chosen, _ties_event_list_actor_name (self, chosen));

  sync_dropdown (self, self->actor_dropdown, self->actor_labels, &self->actor_ids, ids, labels, chosen);
}

/* Sources in the document's order, by title. The drop-down shows only
 * where it can tell events apart: with two sources or more, or while a
 * saved filter names one (so that it can be cleared). */
void
_ties_event_list_sync_sources (TiesEventList *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  const char *chosen = ties_filter_get_source (self->view_filter);
  guint n = 0;

  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (labels, g_strdup (_("All Sources")));

  if (self->document != NULL)
    {
      GListModel *sources = ties_document_get_sources (self->document);

      n = g_list_model_get_n_items (sources);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TiesSource) source = g_list_model_get_item (sources, i);
          const char *title = ties_source_get_title (source);

          id_list_add (ids, labels, ties_source_get_id (source),
                       title != NULL && *title != '\0' ? title : ties_source_get_id (source));
        }
    }

  if (chosen != NULL)
    id_list_add (ids, labels, chosen, chosen);

  sync_dropdown (self, self->source_dropdown, self->source_labels, &self->source_ids, ids, labels, chosen);
  gtk_widget_set_visible (GTK_WIDGET (self->source_dropdown), n >= 2 || chosen != NULL);
}

void
_ties_event_list_sync_chip (TiesEventList *self)
{
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;
  const char *tie_a, *tie_b;

  if (self->tie_a != NULL)
    /* Translators: a filter on the events two actors share */
    text = g_strdup_printf (_("%s and %s"), _ties_event_list_actor_name (self, self->tie_a), _ties_event_list_actor_name (self, self->tie_b));
  else if (self->actor != NULL && self->actor_from_outside)
    text = g_strdup (_ties_event_list_actor_name (self, self->actor));
  else if (ties_filter_get_tie (self->view_filter, &tie_a, &tie_b))
    text = g_strdup_printf (_("%s and %s"), _ties_event_list_actor_name (self, tie_a), _ties_event_list_actor_name (self, tie_b));

  gtk_widget_set_visible (GTK_WIDGET (self->chip_button), text != NULL);
  if (text == NULL)
    return;

  gtk_label_set_text (self->chip_label, text);
  accessible = g_strdup_printf (_("Remove filter: %s"), text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->chip_button), accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chip_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
on_kind_selected (TiesEventList *self,
                  GParamSpec    *pspec G_GNUC_UNUSED,
                  GtkDropDown   *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (self->syncing > 0 || position >= self->kind_ids->len)
    return;

  ties_event_list_edit_filter_strv (self, "kinds", g_ptr_array_index (self->kind_ids, position));
}

static void
on_actor_selected (TiesEventList *self,
                   GParamSpec    *pspec G_GNUC_UNUSED,
                   GtkDropDown   *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (self->syncing > 0 || position >= self->actor_ids->len)
    return;

  ties_event_list_edit_filter_strv (self, "actors", g_ptr_array_index (self->actor_ids, position));
}

static void
on_source_selected (TiesEventList *self,
                    GParamSpec    *pspec G_GNUC_UNUSED,
                    GtkDropDown   *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);
  const char *id;
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->syncing > 0 || position >= self->source_ids->len)
    return;

  id = g_ptr_array_index (self->source_ids, position);
  if (g_strcmp0 (ties_filter_get_source (self->view_filter), id) == 0)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, id);
  ties_event_list_edit_filter (self, "source", &value, FALSE);
}

static void
on_chip_clicked (TiesEventList *self,
                 GtkButton     *button G_GNUC_UNUSED)
{
  /* The selection's chip first; then the saved filter's tie. */
  if (self->tie_a != NULL || self->actor != NULL)
    {
      ties_event_list_set_tie_filter (self, NULL, NULL);
      ties_event_list_set_actor_filter (self, NULL);
      return;
    }

  if (ties_filter_get_tie (self->view_filter, NULL, NULL))
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_STRV);
      ties_event_list_edit_filter (self, "tie", &value, FALSE);
    }
}

/* ------------------------------------------------------------------------ */
/* Search and dates                                                         */

static void
on_search_changed (TiesEventList  *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->syncing > 0 || g_strcmp0 (ties_filter_get_text (self->view_filter), *text != '\0' ? text : NULL) == 0)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  ties_event_list_edit_filter (self, "text", &value, TRUE);
}

/* Parses an entry's text: TRUE with *date NULL for an empty entry. */
static gboolean
parse_date_entry (TiesEventList  *self,
                  GtkEntry       *entry,
                  const char     *text,
                  TiesDate      **date)
{
  const char *default_tooltip = entry == self->from_entry ? self->from_tooltip : self->to_tooltip;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  gsize offset = 0;

  *date = NULL;

  if (*stripped != '\0')
    *date = ties_date_parse (stripped, &offset, &error);

  if (*stripped != '\0' && *date == NULL)
    {
      g_autofree char *tooltip = NULL;

      /* Translators: the date parser's message, then where it stopped */
      tooltip = g_strdup_printf (_("%s (at character %u)"), error->message, (guint) offset + 1);
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      return FALSE;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), default_tooltip);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);

  return TRUE;
}

static void
on_date_entry_changed (TiesEventList *self,
                       GParamSpec    *pspec G_GNUC_UNUSED,
                       GtkEntry      *entry)
{
  const char *property = entry == self->from_entry ? "from" : "to";
  g_autoptr(TiesDate) date = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->syncing > 0)
    return;

  /* Invalid text leaves the filter as it was. */
  if (!parse_date_entry (self, entry, gtk_editable_get_text (GTK_EDITABLE (entry)), &date))
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, date != NULL ? ties_date_get_text (date) : NULL);
  if (g_strcmp0 (g_value_get_string (&value),
                 entry == self->from_entry ? ties_filter_get_from (self->view_filter) : ties_filter_get_to (self->view_filter)) == 0)
    return;

  ties_event_list_edit_filter (self, property, &value, FALSE);
}

/* The controls show the filter, whoever changed it: a control, undo, a
 * load, another view. Each is set only when it says something else, so
 * that text being typed, or invalid, is left alone. */
static void
on_filter_notify (TiesEventList *self,
                  GParamSpec    *pspec,
                  TiesFilter    *filter)
{
  const char *name = pspec->name;

  g_assert (TIES_IS_EVENT_LIST (self));

  if (g_str_equal (name, "kinds"))
    {
      _ties_event_list_sync_kinds (self);
    }
  else if (g_str_equal (name, "actors"))
    {
      _ties_event_list_sync_actors (self);
    }
  else if (g_str_equal (name, "source"))
    {
      _ties_event_list_sync_sources (self);
    }
  else if (g_str_equal (name, "tie"))
    {
      _ties_event_list_sync_chip (self);
    }
  else if (g_str_equal (name, "text"))
    {
      const char *text = ties_filter_get_text (filter);

      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text != NULL ? text : "") != 0)
        {
          self->syncing++;
          gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
          self->syncing--;
        }
      if (text != NULL)
        gtk_search_bar_set_search_mode (self->search_bar, TRUE);
    }
  else if (g_str_equal (name, "from") || g_str_equal (name, "to"))
    {
      GtkEntry *entry = g_str_equal (name, "from") ? self->from_entry : self->to_entry;
      const char *text = g_str_equal (name, "from") ? ties_filter_get_from (filter) : ties_filter_get_to (filter);
      g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

      if (g_strcmp0 (stripped, text != NULL ? text : "") != 0)
        {
          TiesDate *unused = NULL;

          self->syncing++;
          gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
          self->syncing--;
          /* Clears any error shown for the text replaced. */
          parse_date_entry (self, entry, text, &unused);
          g_clear_pointer (&unused, ties_date_unref);
        }
      _ties_event_list_date_range_changed (self);
    }
}

void
_ties_event_list_set_filter_object (TiesEventList *self,
                                   TiesFilter    *filter)
{
  g_assert (TIES_IS_EVENT_LIST (self));
  g_assert (TIES_IS_FILTER (filter));

  if (self->view_filter == filter)
    return;

  if (self->view_filter != NULL)
    g_signal_handlers_disconnect_by_data (self->view_filter, self);
  g_set_object (&self->view_filter, filter);

  g_signal_connect_object (filter, "notify", G_CALLBACK (on_filter_notify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (filter, "changed", G_CALLBACK (_ties_event_list_refilter), self, G_CONNECT_SWAPPED);

  /* Every control shows the new filter. */
  {
    GObjectClass *klass = G_OBJECT_GET_CLASS (filter);
    const char * const names[] = { "text", "from", "to", NULL };

    for (guint i = 0; names[i] != NULL; i++)
      on_filter_notify (self, g_object_class_find_property (klass, names[i]), filter);
  }
}
/* ------------------------------------------------------------------------ */
/* Setting up                                                               */

void
_ties_event_list_filters_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_date_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_chip_clicked);
}

void
_ties_event_list_filters_init (TiesEventList *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  self->kind_ids = g_ptr_array_new_with_free_func (g_free);
  self->actor_ids = g_ptr_array_new_with_free_func (g_free);
  self->kind_labels = gtk_string_list_new (NULL);
  self->actor_labels = gtk_string_list_new (NULL);
  self->source_ids = g_ptr_array_new_with_free_func (g_free);
  self->source_labels = gtk_string_list_new (NULL);
  self->from_tooltip = g_strdup (gtk_widget_get_tooltip_text (GTK_WIDGET (self->from_entry)));
  self->to_tooltip = g_strdup (gtk_widget_get_tooltip_text (GTK_WIDGET (self->to_entry)));

  self->own_filter = ties_filter_new ();
  _ties_event_list_set_filter_object (self, self->own_filter);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);

  /* Drop-downs of kinds and participants; the latter searchable. */
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (self->kind_labels));
  gtk_drop_down_set_model (self->actor_dropdown, G_LIST_MODEL (self->actor_labels));
  gtk_drop_down_set_expression (self->actor_dropdown, expression);
  gtk_drop_down_set_model (self->source_dropdown, G_LIST_MODEL (self->source_labels));
  _ties_event_list_sync_kinds (self);
  _ties_event_list_sync_actors (self);
  _ties_event_list_sync_sources (self);
  g_signal_connect_object (self->kind_dropdown, "notify::selected",
                           G_CALLBACK (on_kind_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->actor_dropdown, "notify::selected",
                           G_CALLBACK (on_actor_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->source_dropdown, "notify::selected",
                           G_CALLBACK (on_source_selected), self, G_CONNECT_SWAPPED);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  /* The drop-downs' own names, for the buttons inside them. */
  _ties_drop_down_name_button (self->kind_dropdown, _("Kind"));
  _ties_drop_down_name_button (self->actor_dropdown, _("Participant"));
  _ties_drop_down_name_button (self->source_dropdown, _("Source"));
  _ties_column_view_name_list (self->column_view, _("Events"));
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

void
ties_event_list_set_search_text (TiesEventList *self,
                                 const char    *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (TIES_IS_EVENT_LIST (self));

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (ties_filter_get_text (self->view_filter), text) == 0)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  ties_event_list_edit_filter (self, "text", &value, FALSE);
}

void
ties_event_list_set_kind_filter (TiesEventList *self,
                                 const char    *kind)
{
  g_return_if_fail (TIES_IS_EVENT_LIST (self));

  if (kind != NULL && *kind == '\0')
    kind = NULL;

  ties_event_list_edit_filter_strv (self, "kinds", kind);
}

void
ties_event_list_set_actor_filter (TiesEventList *self,
                                  const char    *actor_id)
{
  g_return_if_fail (TIES_IS_EVENT_LIST (self));

  if (actor_id != NULL && *actor_id == '\0')
    actor_id = NULL;

  self->actor_from_outside = actor_id != NULL;

  if (g_strcmp0 (self->actor, actor_id) != 0)
    {
      g_free (self->actor);
      self->actor = g_strdup (actor_id);
      _ties_event_list_refilter (self);
    }

  _ties_event_list_sync_actors (self);
  _ties_event_list_sync_chip (self);
}

void
ties_event_list_set_tie_filter (TiesEventList *self,
                                const char    *actor_a,
                                const char    *actor_b)
{
  g_return_if_fail (TIES_IS_EVENT_LIST (self));

  if (actor_a == NULL || actor_b == NULL)
    actor_a = actor_b = NULL;

  if (g_strcmp0 (self->tie_a, actor_a) != 0 || g_strcmp0 (self->tie_b, actor_b) != 0)
    {
      g_free (self->tie_a);
      g_free (self->tie_b);
      self->tie_a = g_strdup (actor_a);
      self->tie_b = g_strdup (actor_b);
      _ties_event_list_refilter (self);
    }

  _ties_event_list_sync_chip (self);
}

gboolean
ties_event_list_set_date_filter (TiesEventList *self,
                                 const char    *from,
                                 const char    *to)
{
  g_autoptr(TiesDate) from_date = NULL;
  g_autoptr(TiesDate) to_date = NULL;

  g_return_val_if_fail (TIES_IS_EVENT_LIST (self), FALSE);

  if (from != NULL && *from != '\0' && (from_date = ties_date_parse (from, NULL, NULL)) == NULL)
    return FALSE;
  if (to != NULL && *to != '\0' && (to_date = ties_date_parse (to, NULL, NULL)) == NULL)
    return FALSE;

  /* Clears any error shown for earlier text. */
  {
    TiesDate *unused = NULL;

    self->syncing++;
    gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from != NULL ? from : "");
    gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to != NULL ? to : "");
    self->syncing--;
    parse_date_entry (self, self->from_entry, from, &unused);
    g_clear_pointer (&unused, ties_date_unref);
    parse_date_entry (self, self->to_entry, to, &unused);
    g_clear_pointer (&unused, ties_date_unref);
  }

  from = from_date != NULL ? ties_date_get_text (from_date) : NULL;
  to = to_date != NULL ? ties_date_get_text (to_date) : NULL;
  if (g_strcmp0 (ties_filter_get_from (self->view_filter), from) == 0
      && g_strcmp0 (ties_filter_get_to (self->view_filter), to) == 0)
    return TRUE;

  if (self->document == NULL)
    {
      ties_filter_set_range (self->view_filter, from, to);
    }
  else
    {
      TiesHistory *history = ties_document_get_history (self->document);

      ties_history_begin (history, _("Filter Events"));
      ties_history_set (history, self->view_filter, "from", from, "to", to, NULL);
      ties_history_end (history);
    }

  return TRUE;
}

void
ties_event_list_show_search (TiesEventList *self)
{
  g_return_if_fail (TIES_IS_EVENT_LIST (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The date filter's bounds (NULL: open), owned by the list. */
void
ties_event_list_get_date_range (TiesEventList  *self,
                                TiesDate      **from,
                                TiesDate      **to)
{
  g_return_if_fail (TIES_IS_EVENT_LIST (self));

  if (from != NULL)
    *from = ties_filter_get_from_date (self->view_filter);
  if (to != NULL)
    *to = ties_filter_get_to_date (self->view_filter);
}
