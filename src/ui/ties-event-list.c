/* ties-event-list.c: the document's events, sortable and filterable:
 * the list, its selection and its actions (the filter's controls are in
 * ties-event-list-filters.c, the columns in ties-event-list-columns.c)
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

/* For the date entries, in the filters' file. */
void
_ties_event_list_date_range_changed (TiesEventList *self)
{
  g_assert (TIES_IS_EVENT_LIST (self));

  g_signal_emit (self, signals[DATE_RANGE_CHANGED], 0);
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
    _ties_event_list_sync_kinds (self);
  if (changes & TIES_DOCUMENT_CHANGE_SOURCES)
    _ties_event_list_sync_sources (self);
  if (changes & names)
    {
      _ties_event_list_sync_actors (self);
      _ties_event_list_sync_chip (self);
    }

  /* The search looks into titles, places, notes and quotes (an edit of
   * which is its event's "items-changed") and into names (others'). */
  if (ties_filter_get_text (self->view_filter) != NULL)
    filtered |= TIES_DOCUMENT_CHANGE_ACTOR_LOOK;
  if ((changes & filtered) && _ties_event_list_has_filter (self))
    _ties_event_list_refilter (self);

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
  g_clear_object (&self->source_labels);
  g_clear_pointer (&self->kind_ids, g_ptr_array_unref);
  g_clear_pointer (&self->actor_ids, g_ptr_array_unref);
  g_clear_pointer (&self->source_ids, g_ptr_array_unref);
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
  gtk_widget_class_bind_template_child (widget_class, TiesEventList, source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TiesEventList, from_entry);
  gtk_widget_class_bind_template_child (widget_class, TiesEventList, to_entry);
  gtk_widget_class_bind_template_child (widget_class, TiesEventList, chip_button);
  gtk_widget_class_bind_template_child (widget_class, TiesEventList, filter_row);
  gtk_widget_class_bind_template_child (widget_class, TiesEventList, choices_row);
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
  _ties_event_list_filters_class_init (widget_class);
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
  gtk_widget_init_template (GTK_WIDGET (self));

  self->column_state = _ties_event_columns_new (self, self->columns);

  /* The filter, its GtkFilter and its controls; the models below
   * start from that GtkFilter. */
  _ties_event_list_filters_init (self);

  /* events → filter → sort → selection */
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
  _ties_event_list_set_filter_object (self, document != NULL ? ties_document_get_filter (document) : self->own_filter);

  /* A filter on another document's actors means nothing here. */
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->tie_a, g_free);
  g_clear_pointer (&self->tie_b, g_free);

  gtk_filter_list_model_set_model (self->filter_model,
                                   document != NULL ? G_LIST_MODEL (ties_document_get_events (document)) : NULL);
  _ties_event_list_sync_kinds (self);
  _ties_event_list_sync_actors (self);
  _ties_event_list_sync_sources (self);
  _ties_event_list_sync_chip (self);
  _ties_event_list_refilter (self);
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

/* In a folded window a row is opened as a link is, by one click, and
 * the filters take three lines: search and kind, participant and
 * source (long in some languages), the dates. */
void
ties_event_list_set_folded (TiesEventList *self,
                            gboolean       folded)
{
  g_return_if_fail (TIES_IS_EVENT_LIST (self));

  gtk_column_view_set_single_click_activate (self->column_view, folded);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->filter_row),
                                  folded ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->choices_row),
                                  folded ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
}

void
ties_event_list_set_selection (TiesEventList *self,
                               TiesSelection *selection)
{
  g_return_if_fail (TIES_IS_EVENT_LIST (self));
  g_return_if_fail (selection == NULL || TIES_IS_SELECTION (selection));

  if (!_ties_follow_selection (&self->shared_selection, selection, self, G_CALLBACK (ties_event_list_follow_selection)))
    return;
  if (selection != NULL)
    ties_event_list_follow_selection (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}
