/* ties-event-list.c: the document's events, sortable and filterable
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "ties-event-list-private.h"
#include "ties-ui-util.h"

struct _TiesEventList
{
  GtkWidget            parent_instance;

  TiesDocument        *document;

  /* Template widgets */
  GtkWidget           *box;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *kind_dropdown;
  GtkDropDown         *actor_dropdown;
  GtkEntry            *from_entry;
  GtkEntry            *to_entry;
  GtkButton           *chip_button;
  GtkLabel            *chip_label;
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *columns[TIES_EVENT_LIST_N_COLUMNS];
  TiesEventColumns    *column_state;  /* cells and sorters */

  /* events → filter → sort → selection */
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkMultiSelection   *selection;

  /* The window's selection: the rows follow it, and a row chosen
   * selects through it; following is set while the rows follow. */
  TiesSelection       *shared_selection;
  GPtrArray           *selected_seen;  /* TiesEvent: as last announced */
  guint                following;

  GtkStringList       *kind_labels;
  GPtrArray           *kind_ids;      /* char *, [0] is NULL: all kinds */
  GtkStringList       *actor_labels;
  GPtrArray           *actor_ids;     /* char *, [0] is NULL: everybody */


  /* The document's view.filter, or one of the list's own without a
   * document: the drop-downs, search and dates edit it through the
   * history; the network and the diagram follow the same object. */
  TiesFilter          *view_filter;
  TiesFilter          *own_filter;
  /* The list following the diagram's selection: an actor's or a tie's
   * events only. A selection, not a filter: never saved, no undo step. */
  char                *actor;
  char                *tie_a;
  char                *tie_b;
  char                *from_tooltip;
  char                *to_tooltip;

  guint                syncing;
  guint                actor_from_outside : 1;
};

G_DEFINE_FINAL_TYPE (TiesEventList, ties_event_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTION,
  N_PROPS
};

enum {
  SELECTION_CHANGED,
  EVENT_ACTIVATED,
  DATE_RANGE_CHANGED,
  EVENTS_DELETED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void ties_event_list_update_actions (TiesEventList *self);

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

static gboolean
ties_event_list_has_filter (TiesEventList *self)
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

static void
ties_event_list_refilter (TiesEventList *self)
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

static void
ties_event_list_sync_kinds (TiesEventList *self)
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

static void
ties_event_list_sync_actors (TiesEventList *self)
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

static void
ties_event_list_sync_chip (TiesEventList *self)
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
      ties_event_list_sync_kinds (self);
    }
  else if (g_str_equal (name, "actors"))
    {
      ties_event_list_sync_actors (self);
    }
  else if (g_str_equal (name, "tie"))
    {
      ties_event_list_sync_chip (self);
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
      g_signal_emit (self, signals[DATE_RANGE_CHANGED], 0);
    }
}

static void
ties_event_list_set_filter_object (TiesEventList *self,
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
  g_signal_connect_object (filter, "changed", G_CALLBACK (ties_event_list_refilter), self, G_CONNECT_SWAPPED);

  /* Every control shows the new filter. */
  {
    GObjectClass *klass = G_OBJECT_GET_CLASS (filter);
    const char * const names[] = { "text", "from", "to", NULL };

    for (guint i = 0; names[i] != NULL; i++)
      on_filter_notify (self, g_object_class_find_property (klass, names[i]), filter);
  }
}

/* ------------------------------------------------------------------------ */
/* Selection and the document                                               */

static gboolean
find_position (GListModel *model,
               gpointer    item,
               guint      *position)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Whether the events selected differ from those last announced; if so,
 * they are the ones announced from now on. */
static gboolean
ties_event_list_take_selection_change (TiesEventList *self)
{
  g_autoptr(GPtrArray) events = ties_event_list_get_selected_events (self);

  gboolean same;

  g_assert (TIES_IS_EVENT_LIST (self));

  same = self->selected_seen != NULL && events->len == self->selected_seen->len;
  for (guint i = 0; same && i < events->len; i++)
    same = g_ptr_array_index (events, i) == g_ptr_array_index (self->selected_seen, i);
  if (same)
    return FALSE;

  g_clear_pointer (&self->selected_seen, g_ptr_array_unref);
  self->selected_seen = g_steal_pointer (&events);

  return TRUE;
}

static void
on_selection_changed (TiesEventList     *self,
                      guint              position G_GNUC_UNUSED,
                      guint              n_items G_GNUC_UNUSED,
                      GtkSelectionModel *model G_GNUC_UNUSED)
{
  ties_event_list_take_selection_change (self);
  ties_event_list_update_actions (self);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);

  /* Only a choice of rows selects: rows a filter hides leave the
   * window's selection as it was, and the editor on its event. */
  if (self->shared_selection != NULL && self->following == 0)
    {
      g_autoptr(GPtrArray) events = ties_event_list_get_selected_events (self);

      if (events->len > 0)
        ties_selection_select_events (self->shared_selection, events);
      else if (ties_selection_get_kind (self->shared_selection) == TIES_SELECTION_EVENTS)
        ties_selection_clear (self->shared_selection);
    }
}

static void
on_items_changed (TiesEventList *self,
                  guint          position G_GNUC_UNUSED,
                  guint          removed,
                  guint          added G_GNUC_UNUSED,
                  GListModel    *model)
{
  gboolean empty = g_list_model_get_n_items (model) == 0;

  if (empty)
    {
      gboolean has_events = self->document != NULL &&
        g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_events (self->document))) > 0;

      if (has_events)
        {
          adw_status_page_set_title (self->empty_page, _("No Matching Events"));
          adw_status_page_set_description (self->empty_page, _("Try another search or remove a filter"));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("No Events"));
          adw_status_page_set_description (self->empty_page, _("Press Ctrl+N to add an event"));
        }
    }

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");

  /* Removing selected rows changes the selection without a signal; an
   * event edited in place (removed and added again) stays selected. */
  if (removed > 0 && ties_event_list_take_selection_change (self))
    {
      ties_event_list_update_actions (self);
      g_signal_emit (self, signals[SELECTION_CHANGED], 0);
    }
}

static void
on_column_view_activate (TiesEventList *self,
                         guint          position,
                         GtkColumnView *column_view G_GNUC_UNUSED)
{
  g_autoptr(TiesEvent) event = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  if (event != NULL)
    g_signal_emit (self, signals[EVENT_ACTIVATED], 0, event);
}

/* An edit may move events into or out of the filter, or change their
 * place in the order; names of actors and kinds may have changed. An
 * edit of one event reaches the filter and sort models as that event's
 * "items-changed" (typing a title filters and sorts that row alone);
 * what follows is what touches many rows, redone only when the edit
 * touched what it depends on: on 10,000 events, doing it all took half
 * a second a keystroke in a title. */
static void
on_document_parts_changed (TiesEventList      *self,
                           TiesDocumentChange  changes,
                           TiesDocument       *document)
{
  const TiesDocumentChange names = TIES_DOCUMENT_CHANGE_ACTORS | TIES_DOCUMENT_CHANGE_ACTOR_LOOK;
  const TiesDocumentChange kinds = TIES_DOCUMENT_CHANGE_EVENTS | TIES_DOCUMENT_CHANGE_EVENT_TIES
                                   | TIES_DOCUMENT_CHANGE_EVENT_KINDS;
  TiesDocumentChange filtered = TIES_DOCUMENT_CHANGE_ACTORS;

  g_assert (TIES_IS_EVENT_LIST (self));
  g_assert (TIES_IS_DOCUMENT (document));

  if (changes & kinds)
    ties_event_list_sync_kinds (self);
  if (changes & names)
    {
      ties_event_list_sync_actors (self);
      ties_event_list_sync_chip (self);
    }

  /* The search looks into titles, places, notes and quotes (an edit of
   * which is its event's "items-changed") and into names (others'). */
  if (ties_filter_get_text (self->view_filter) != NULL)
    filtered |= TIES_DOCUMENT_CHANGE_ACTOR_LOOK;
  if ((changes & filtered) && ties_event_list_has_filter (self))
    ties_event_list_refilter (self);

  _ties_event_columns_document_changed (self->column_state, changes);
}

static void
ties_event_list_update_actions (TiesEventList *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint64 n = gtk_bitset_get_size (selected);
  gboolean has_document = self->document != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event-list.new", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event-list.delete", has_document && n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event-list.duplicate", has_document && n == 1);
}

/* Shows @event even when the filters would hide it, then selects it. */
static void
ties_event_list_reveal_event (TiesEventList *self,
                              TiesEvent     *event)
{
  guint position;

  if (!find_position (G_LIST_MODEL (self->sort_model), event, &position))
    {
      ties_event_list_set_actor_filter (self, NULL);
      ties_event_list_set_tie_filter (self, NULL, NULL);
      if (self->document == NULL)
        {
          ties_filter_clear (self->view_filter);
        }
      else if (!ties_filter_is_empty (self->view_filter))
        {
          TiesHistory *history = ties_document_get_history (self->document);

          /* One step, undone as one. */
          ties_history_begin (history, _("Show All Events"));
          ties_history_set (history, self->view_filter,
                            "kinds", NULL, "actors", NULL, "tie", NULL, "from", NULL, "to", NULL,
                            "text", NULL, "source", NULL,
                            NULL);
          ties_history_end (history);
        }
    }

  ties_event_list_select_event (self, event);
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                  */

static void
event_list_search (GtkWidget  *widget,
                   const char *action_name G_GNUC_UNUSED,
                   GVariant   *parameter G_GNUC_UNUSED)
{
  ties_event_list_show_search (TIES_EVENT_LIST (widget));
}

static void
event_list_delete (GtkWidget  *widget,
                   const char *action_name G_GNUC_UNUSED,
                   GVariant   *parameter G_GNUC_UNUSED)
{
  TiesEventList *self = TIES_EVENT_LIST (widget);
  g_autoptr(GPtrArray) events = ties_event_list_get_selected_events (self);
  g_autoptr(GtkBitset) selected = NULL;
  TiesHistory *history;
  guint first;

  if (self->document == NULL || events->len == 0)
    return;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  first = gtk_bitset_get_minimum (selected);
  history = ties_document_get_history (self->document);

  ties_history_begin (history, g_dngettext (GETTEXT_PACKAGE, "Delete Event", "Delete Events", events->len));
  for (guint i = 0; i < events->len; i++)
    ties_document_remove_event (self->document, g_ptr_array_index (events, i));
  ties_history_end (history);
  g_signal_emit (self, signals[EVENTS_DELETED], 0, events->len);

  /* Keep the cursor where it was, so Delete can be pressed again. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) > 0)
    {
      first = MIN (first, g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) - 1);
      gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), first, TRUE);
    }
}

static void
event_list_new (GtkWidget  *widget,
                const char *action_name G_GNUC_UNUSED,
                GVariant   *parameter G_GNUC_UNUSED)
{
  TiesEventList *self = TIES_EVENT_LIST (widget);
  g_autoptr(TiesEvent) event = NULL;
  g_autofree char *id = NULL;
  const char *title = _("New event");

  if (self->document == NULL)
    return;

  /* A placeholder ("new-event", "new-event-2"): the event editor gives
   * the event an id from the title typed over this one. */
  id = ties_document_make_id (self->document, title);
  event = ties_event_new (id, title, "meeting");
  ties_document_add_event (self->document, event);
  ties_event_list_reveal_event (self, event);

  /* Opened at once, as if activated: the window shows it in the editor
   * with the focus in its title, ready to be typed over. */
  g_signal_emit (self, signals[EVENT_ACTIVATED], 0, event);
}

static void
event_list_duplicate (GtkWidget  *widget,
                      const char *action_name G_GNUC_UNUSED,
                      GVariant   *parameter G_GNUC_UNUSED)
{
  TiesEventList *self = TIES_EVENT_LIST (widget);
  TiesEvent *original = ties_event_list_get_selected_event (self);
  g_autoptr(TiesEvent) copy = NULL;
  g_autofree GParamSpec **pspecs = NULL;
  g_autofree char *id = NULL;
  GListModel *evidence;
  guint n_pspecs;
  guint position;

  if (self->document == NULL || original == NULL)
    return;

  if (!ties_collection_find (TIES_COLLECTION (ties_document_get_events (self->document)), original, &position))
    return;

  id = ties_document_make_id (self->document, ties_event_get_id (original));
  copy = ties_event_new (id, ties_event_get_title (original), ties_event_get_kind (original));

  /* Every property but the id, so that new ones are copied too. */
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (original), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;

      if (g_str_equal (pspec->name, "id") ||
          (pspec->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
          (pspec->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
        continue;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (original), pspec->name, &value);
      g_object_set_property (G_OBJECT (copy), pspec->name, &value);
    }

  if (ties_event_get_extras (original) != NULL)
    ties_event_take_extras (copy, ties_extras_copy (ties_event_get_extras (original)));

  evidence = G_LIST_MODEL (ties_event_get_evidence (original));
  for (guint i = 0; i < g_list_model_get_n_items (evidence); i++)
    {
      g_autoptr(TiesEvidence) item = g_list_model_get_item (evidence, i);
      g_autoptr(TiesEvidence) item_copy = ties_evidence_copy (item);

      g_list_store_append (ties_event_get_evidence (copy), item_copy);
    }

  ties_document_insert_event (self->document, position + 1, copy, _("Duplicate Event"));

  ties_event_list_reveal_event (self, copy);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */

static void
ties_event_list_dispose (GObject *object)
{
  TiesEventList *self = (TiesEventList *) object;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->shared_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->shared_selection, self);
  g_clear_object (&self->shared_selection);
  if (self->sort_model != NULL)
    g_signal_handlers_disconnect_by_data (self->sort_model, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), TIES_TYPE_EVENT_LIST);

  /* List items that outlive the column view must not reach back. */
  g_clear_pointer (&self->column_state, _ties_event_columns_free);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  if (self->view_filter != NULL)
    g_signal_handlers_disconnect_by_data (self->view_filter, self);
  g_clear_object (&self->view_filter);
  g_clear_object (&self->own_filter);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ties_event_list_parent_class)->dispose (object);
}

static void
ties_event_list_finalize (GObject *object)
{
  TiesEventList *self = (TiesEventList *) object;

  g_clear_pointer (&self->selected_seen, g_ptr_array_unref);
  g_clear_object (&self->kind_labels);
  g_clear_object (&self->actor_labels);
  g_clear_pointer (&self->kind_ids, g_ptr_array_unref);
  g_clear_pointer (&self->actor_ids, g_ptr_array_unref);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->tie_a, g_free);
  g_clear_pointer (&self->tie_b, g_free);
  g_clear_pointer (&self->from_tooltip, g_free);
  g_clear_pointer (&self->to_tooltip, g_free);

  G_OBJECT_CLASS (ties_event_list_parent_class)->finalize (object);
}

static void
ties_event_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TiesEventList *self = TIES_EVENT_LIST (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SELECTION:
      g_value_set_object (value, self->shared_selection);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_event_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TiesEventList *self = TIES_EVENT_LIST (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ties_event_list_set_document (self, g_value_get_object (value));
      break;

    case PROP_SELECTION:
      ties_event_list_set_selection (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_event_list_class_init (TiesEventListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ties_event_list_dispose;
  object_class->finalize = ties_event_list_finalize;
  object_class->get_property = ties_event_list_get_property;
  object_class->set_property = ties_event_list_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TIES_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL,
                         TIES_TYPE_SELECTION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, TIES_TYPE_EVENT);

  /* Events were deleted by the user (the window offers to undo). */
  signals[EVENTS_DELETED] =
    g_signal_new ("events-deleted",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  /* The date filter changed: the diagram shows the same span. */
  signals[DATE_RANGE_CHANGED] =
    g_signal_new ("date-range-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (ADW_TYPE_STATUS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tiesapp/Ties/ui/ties-event-list.ui");
  gtk_widget_class_bind_template_child (widget_class, TiesEventList, box);
  gtk_widget_class_bind_template_child (widget_class, TiesEventList, search_bar);
  gtk_widget_class_bind_template_child (widget_class, TiesEventList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TiesEventList, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TiesEventList, actor_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TiesEventList, from_entry);
  gtk_widget_class_bind_template_child (widget_class, TiesEventList, to_entry);
  gtk_widget_class_bind_template_child (widget_class, TiesEventList, chip_button);
  gtk_widget_class_bind_template_child (widget_class, TiesEventList, chip_label);
  gtk_widget_class_bind_template_child (widget_class, TiesEventList, stack);
  gtk_widget_class_bind_template_child (widget_class, TiesEventList, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TiesEventList, column_view);
  gtk_widget_class_bind_template_child_full (widget_class, "date_column", FALSE,
                                             G_STRUCT_OFFSET (TiesEventList, columns[TIES_EVENT_LIST_COLUMN_DATE]));
  gtk_widget_class_bind_template_child_full (widget_class, "title_column", FALSE,
                                             G_STRUCT_OFFSET (TiesEventList, columns[TIES_EVENT_LIST_COLUMN_TITLE]));
  gtk_widget_class_bind_template_child_full (widget_class, "kind_column", FALSE,
                                             G_STRUCT_OFFSET (TiesEventList, columns[TIES_EVENT_LIST_COLUMN_KIND]));
  gtk_widget_class_bind_template_child_full (widget_class, "participants_column", FALSE,
                                             G_STRUCT_OFFSET (TiesEventList, columns[TIES_EVENT_LIST_COLUMN_PARTICIPANTS]));
  gtk_widget_class_bind_template_child_full (widget_class, "place_column", FALSE,
                                             G_STRUCT_OFFSET (TiesEventList, columns[TIES_EVENT_LIST_COLUMN_PLACE]));
  gtk_widget_class_bind_template_child_full (widget_class, "evidence_column", FALSE,
                                             G_STRUCT_OFFSET (TiesEventList, columns[TIES_EVENT_LIST_COLUMN_EVIDENCE]));
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_date_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_chip_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate);

  gtk_widget_class_install_action (widget_class, "event-list.search", NULL, event_list_search);
  gtk_widget_class_install_action (widget_class, "event-list.new", NULL, event_list_new);
  gtk_widget_class_install_action (widget_class, "event-list.delete", NULL, event_list_delete);
  gtk_widget_class_install_action (widget_class, "event-list.duplicate", NULL, event_list_duplicate);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "event-list.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "event-list.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "event-list.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "event-list.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "event-list.delete", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ties-event-list");
}

static void
ties_event_list_init (TiesEventList *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->kind_ids = g_ptr_array_new_with_free_func (g_free);
  self->actor_ids = g_ptr_array_new_with_free_func (g_free);
  self->kind_labels = gtk_string_list_new (NULL);
  self->actor_labels = gtk_string_list_new (NULL);
  self->from_tooltip = g_strdup (gtk_widget_get_tooltip_text (GTK_WIDGET (self->from_entry)));
  self->to_tooltip = g_strdup (gtk_widget_get_tooltip_text (GTK_WIDGET (self->to_entry)));

  self->column_state = _ties_event_columns_new (self, self->columns);

  self->own_filter = ties_filter_new ();
  ties_event_list_set_filter_object (self, self->own_filter);

  /* events → filter → sort → selection */
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_sort_by_column (self->column_view, self->columns[TIES_EVENT_LIST_COLUMN_DATE], GTK_SORT_ASCENDING);

  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sort_model, "items-changed",
                           G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);

  /* Drop-downs of kinds and participants; the latter searchable. */
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (self->kind_labels));
  gtk_drop_down_set_model (self->actor_dropdown, G_LIST_MODEL (self->actor_labels));
  gtk_drop_down_set_expression (self->actor_dropdown, expression);
  ties_event_list_sync_kinds (self);
  ties_event_list_sync_actors (self);
  g_signal_connect_object (self->kind_dropdown, "notify::selected",
                           G_CALLBACK (on_kind_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->actor_dropdown, "notify::selected",
                           G_CALLBACK (on_actor_selected), self, G_CONNECT_SWAPPED);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  on_items_changed (self, 0, 0, 0, G_LIST_MODEL (self->sort_model));
  ties_event_list_update_actions (self);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

GtkWidget *
ties_event_list_new (void)
{
  return g_object_new (TIES_TYPE_EVENT_LIST, NULL);
}

TiesDocument *
ties_event_list_get_document (TiesEventList *self)
{
  g_return_val_if_fail (TIES_IS_EVENT_LIST (self), NULL);

  return self->document;
}

void
ties_event_list_set_document (TiesEventList *self,
                              TiesDocument  *document)
{
  g_return_if_fail (TIES_IS_EVENT_LIST (self));
  g_return_if_fail (document == NULL || TIES_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  g_set_object (&self->document, document);

  if (document != NULL)
    g_signal_connect_object (document, "parts-changed",
                             G_CALLBACK (on_document_parts_changed), self, G_CONNECT_SWAPPED);

  /* The document's saved filter: the list opens filtered as it was saved. */
  ties_event_list_set_filter_object (self, document != NULL ? ties_document_get_filter (document) : self->own_filter);

  /* A filter on another document's actors means nothing here. */
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->tie_a, g_free);
  g_clear_pointer (&self->tie_b, g_free);

  gtk_filter_list_model_set_model (self->filter_model,
                                   document != NULL ? G_LIST_MODEL (ties_document_get_events (document)) : NULL);
  ties_event_list_sync_kinds (self);
  ties_event_list_sync_actors (self);
  ties_event_list_sync_chip (self);
  ties_event_list_refilter (self);
  ties_event_list_update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

GListModel *
ties_event_list_get_model (TiesEventList *self)
{
  g_return_val_if_fail (TIES_IS_EVENT_LIST (self), NULL);

  return G_LIST_MODEL (self->sort_model);
}

GPtrArray *
ties_event_list_get_selected_events (TiesEventList *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  GPtrArray *events;
  guint position;

  g_return_val_if_fail (TIES_IS_EVENT_LIST (self), NULL);

  events = g_ptr_array_new_with_free_func (g_object_unref);
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      TiesEvent *event = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

      if (event != NULL)
        g_ptr_array_add (events, event);
    }

  return events;
}

/* The one selected event: NULL when none or several are selected. */
TiesEvent *
ties_event_list_get_selected_event (TiesEventList *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(TiesEvent) event = NULL;

  g_return_val_if_fail (TIES_IS_EVENT_LIST (self), NULL);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_get_size (selected) != 1)
    return NULL;

  /* Transfer none: the list model keeps it alive. */
  event = g_list_model_get_item (G_LIST_MODEL (self->selection), gtk_bitset_get_minimum (selected));

  return event;
}

void
ties_event_list_select_event (TiesEventList *self,
                              TiesEvent     *event)
{
  guint position;

  g_return_if_fail (TIES_IS_EVENT_LIST (self));
  g_return_if_fail (event == NULL || TIES_IS_EVENT (event));

  if (event == NULL)
    {
      gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
      return;
    }

  if (!find_position (G_LIST_MODEL (self->sort_model), event, &position))
    return;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  _ties_column_view_scroll_to (self->column_view, position);
}

/* The rows of the selected events, the first scrolled to; none when
 * something else is selected. An event the filters hide stays selected
 * in the window, unselected here. */
static void
ties_event_list_follow_selection (TiesEventList *self)
{
  GtkSelectionModel *model = GTK_SELECTION_MODEL (self->selection);
  GPtrArray *events = ties_selection_get_events (self->shared_selection);
  g_autoptr(GtkBitset) wanted = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) current = gtk_selection_model_get_selection (model);
  g_autoptr(GtkBitset) all = NULL;
  guint first = G_MAXUINT;

  g_assert (TIES_IS_EVENT_LIST (self));

  for (guint i = 0; i < events->len; i++)
    {
      guint position;

      if (find_position (G_LIST_MODEL (self->sort_model), g_ptr_array_index (events, i), &position))
        {
          gtk_bitset_add (wanted, position);
          first = MIN (first, position);
        }
    }

  if (gtk_bitset_equals (wanted, current))
    return;

  all = gtk_bitset_new_range (0, g_list_model_get_n_items (G_LIST_MODEL (self->selection)));
  self->following++;
  gtk_selection_model_set_selection (model, wanted, all);
  self->following--;

  if (first != G_MAXUINT)
    _ties_column_view_scroll_to (self->column_view, first);
}

TiesSelection *
ties_event_list_get_selection (TiesEventList *self)
{
  g_return_val_if_fail (TIES_IS_EVENT_LIST (self), NULL);

  return self->shared_selection;
}

void
ties_event_list_set_selection (TiesEventList *self,
                               TiesSelection *selection)
{
  g_return_if_fail (TIES_IS_EVENT_LIST (self));
  g_return_if_fail (selection == NULL || TIES_IS_SELECTION (selection));

  if (self->shared_selection == selection)
    return;

  if (self->shared_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->shared_selection, self);
  g_set_object (&self->shared_selection, selection);
  if (selection != NULL)
    {
      g_signal_connect_object (selection, "changed",
                               G_CALLBACK (ties_event_list_follow_selection), self, G_CONNECT_SWAPPED);
      ties_event_list_follow_selection (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

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
      ties_event_list_refilter (self);
    }

  ties_event_list_sync_actors (self);
  ties_event_list_sync_chip (self);
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
      ties_event_list_refilter (self);
    }

  ties_event_list_sync_chip (self);
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
