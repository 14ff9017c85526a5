/* ties-sources-view.c: the document's sources and what Ties proposes from them
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ties-date.h"
#include "ties-suggest.h"
#include "ties-sources-view.h"
#include "ties-ui-util.h"

/* Proposals are found again when what they depend on changed (events,
 * evidence, actors, sources), once the edits pause for this long: not
 * for each keystroke typed into an actor's name. */
#define RECOMPUTE_DELAY_MS 300

/* How many evidence items cite a source, and how many of those are
 * orphaned, are counted once per change of the events, evidence or
 * sources, not per row drawn. */
typedef struct
{
  guint n_evidence;
  guint n_orphaned;
} Counts;

struct _TiesSourcesView
{
  GtkWidget           parent_instance;

  TiesDocument       *document;
  gulong              parts_changed_id;
  gulong              sources_changed_id;

  GtkSingleSelection *selection;
  /* The window's selection: a source chosen selects through it, and
   * its source, when it holds one, is the row selected. */
  TiesSelection      *shared_selection;
  GHashTable         *bound_items;     /* GtkListItem, while bound */
  GHashTable         *counts;          /* source id → Counts */
  guint               updating;

  GPtrArray          *suggestions;     /* TiesSuggestion of the selected source */
  guint               recompute_id;

  GtkStack           *stack;
  GtkListView        *source_list;
  GtkLabel           *proposals_status;
  GtkStack           *proposals_stack;
  GtkLabel           *proposals_empty_label;
  GtkListBox         *proposals_list;
};

G_DEFINE_FINAL_TYPE (TiesSourcesView, ties_sources_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTION,
  N_PROPS
};

enum {
  SOURCE_ACTIVATED,
  EVENT_CREATED,
  SUGGESTION_ACTIVATED,
  SUGGESTIONS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Counting */

static void
count_evidence (TiesSourcesView *self)
{
  GListModel *events;
  guint n;

  g_assert (TIES_IS_SOURCES_VIEW (self));

  g_hash_table_remove_all (self->counts);
  if (self->document == NULL)
    return;

  events = G_LIST_MODEL (ties_document_get_events (self->document));
  n = g_list_model_get_n_items (events);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (events, i);
      GListModel *evidence = G_LIST_MODEL (ties_event_get_evidence (event));
      guint n_evidence = g_list_model_get_n_items (evidence);

      for (guint j = 0; j < n_evidence; j++)
        {
          g_autoptr(TiesEvidence) item = g_list_model_get_item (evidence, j);
          const char *source = ties_evidence_get_source (item);
          Counts *counts;

          if (source == NULL)
            continue;

          counts = g_hash_table_lookup (self->counts, source);
          if (counts == NULL)
            {
              counts = g_new0 (Counts, 1);
              g_hash_table_insert (self->counts, g_strdup (source), counts);
            }
          counts->n_evidence++;
          if (ties_evidence_get_status (item) == TIES_EVIDENCE_ORPHANED)
            counts->n_orphaned++;
        }
    }
}

/* Source rows */

static char *
format_details (TiesSource *source)
{
  const char *publisher = ties_source_get_publisher (source);
  const char *published = ties_source_get_published (source);
  g_autofree char *date = NULL;

  g_assert (TIES_IS_SOURCE (source));

  if (published != NULL && published[0] != '\0')
    {
      g_autoptr(TiesDate) parsed = ties_date_parse (published, NULL, NULL);

      /* A date the parser refuses is still worth showing as written. */
      date = parsed != NULL ? ties_date_format (parsed) : g_strdup (published);
    }

  if (publisher[0] != '\0' && date != NULL)
    /* Translators: a source's publisher and publication date */
    return g_strdup_printf (_("%s · %s"), publisher, date);
  if (publisher[0] != '\0')
    return g_strdup (publisher);
  if (date != NULL)
    return g_steal_pointer (&date);

  return g_strdup (_("No publisher or date"));
}

static void
update_row (TiesSourcesView *self,
            GtkListItem     *item)
{
  TiesSource *source = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkLabel *title = g_object_get_data (G_OBJECT (box), "title");
  GtkLabel *details = g_object_get_data (G_OBJECT (box), "details");
  GtkLabel *evidence = g_object_get_data (G_OBJECT (box), "evidence");
  GtkLabel *orphaned = g_object_get_data (G_OBJECT (box), "orphaned");
  g_autofree char *details_text = NULL;
  g_autofree char *evidence_text = NULL;
  g_autofree char *orphaned_text = NULL;
  const Counts none = { 0, 0 };
  const Counts *counts;

  g_assert (TIES_IS_SOURCES_VIEW (self));

  if (source == NULL)
    return;

  counts = g_hash_table_lookup (self->counts, ties_source_get_id (source));
  if (counts == NULL)
    counts = &none;

  gtk_label_set_text (title, ties_source_get_title (source)[0] != '\0'
                             ? ties_source_get_title (source)
                             : ties_source_get_id (source));
  _ties_list_view_name_row (item, gtk_label_get_text (title));
  details_text = format_details (source);
  gtk_label_set_text (details, details_text);

  evidence_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u evidence item", "%u evidence items",
                                                counts->n_evidence),
                                   counts->n_evidence);
  gtk_label_set_text (evidence, evidence_text);

  /* Translators: evidence items whose quote is no longer in the source */
  orphaned_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u orphaned", "%u orphaned",
                                                counts->n_orphaned),
                                   counts->n_orphaned);
  gtk_label_set_text (orphaned, orphaned_text);
  gtk_widget_set_visible (GTK_WIDGET (orphaned), counts->n_orphaned > 0);
}

static void
setup_row (GtkSignalListItemFactory *factory G_GNUC_UNUSED,
           GtkListItem              *item,
           TiesSourcesView          *self)
{
  GtkWidget *box;
  GtkWidget *text;
  GtkWidget *numbers;
  GtkWidget *label;

  g_assert (TIES_IS_SOURCES_VIEW (self));

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (box, "source-row");

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), text);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0.f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (GTK_LABEL (label), 2);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (text), label);
  g_object_set_data (G_OBJECT (box), "title", label);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0.f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (text), label);
  g_object_set_data (G_OBJECT (box), "details", label);

  numbers = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (numbers, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), numbers);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 1.f);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (numbers), label);
  g_object_set_data (G_OBJECT (box), "evidence", label);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 1.f);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "warning");
  gtk_widget_set_tooltip_text (label, _("Evidence items whose passage can no longer be found in this source"));
  gtk_box_append (GTK_BOX (numbers), label);
  g_object_set_data (G_OBJECT (box), "orphaned", label);

  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory G_GNUC_UNUSED,
          GtkListItem              *item,
          TiesSourcesView          *self)
{
  g_assert (TIES_IS_SOURCES_VIEW (self));

  g_hash_table_add (self->bound_items, item);
  update_row (self, item);
}

static void
unbind_row (GtkSignalListItemFactory *factory G_GNUC_UNUSED,
            GtkListItem              *item,
            TiesSourcesView          *self)
{
  g_assert (TIES_IS_SOURCES_VIEW (self));

  g_hash_table_remove (self->bound_items, item);
}

static void
refresh_rows (TiesSourcesView *self)
{
  GHashTableIter iter;
  gpointer item;

  g_assert (TIES_IS_SOURCES_VIEW (self));

  count_evidence (self);

  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    update_row (self, item);
}

static void
update_stack (TiesSourcesView *self)
{
  gboolean empty;

  g_assert (TIES_IS_SOURCES_VIEW (self));

  empty = self->document == NULL
          || g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_sources (self->document))) == 0;
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "sources");
}

/* Proposals */

static char *
format_participants (TiesSourcesView      *self,
                     const TiesSuggestion *suggestion)
{
  g_autoptr(GString) names = g_string_new (NULL);

  g_assert (TIES_IS_SOURCES_VIEW (self));

  for (guint i = 0; suggestion->participants != NULL && i < suggestion->participants->len; i++)
    {
      const char *id = g_ptr_array_index (suggestion->participants, i);
      TiesActor *actor = ties_document_lookup_actor (self->document, id);

      if (names->len > 0)
        /* Translators: between the names of an event's participants */
        g_string_append (names, _(", "));
      g_string_append (names, actor != NULL && ties_actor_get_name (actor)[0] != '\0'
                              ? ties_actor_get_name (actor)
                              : id);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static char *
format_suggestion_details (TiesSourcesView      *self,
                           const TiesSuggestion *suggestion)
{
  g_autofree char *participants = format_participants (self, suggestion);
  g_autofree char *date = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  TiesEventKind *kind = NULL;

  g_assert (TIES_IS_SOURCES_VIEW (self));

  if (suggestion->kind != NULL)
    kind = ties_document_lookup_event_kind (self->document, suggestion->kind);
  if (suggestion->date != NULL)
    {
      g_autoptr(TiesDate) parsed = ties_date_parse (suggestion->date, NULL, NULL);

      if (parsed != NULL)
        date = ties_date_format (parsed);
    }
  if (date == NULL && suggestion->date_phrase != NULL && suggestion->date_phrase[0] != '\0')
    /* Translators: a date as the source words it, not resolved to a day */
    date = g_strdup_printf (_("“%s”"), suggestion->date_phrase);

  if (participants[0] != '\0')
    g_ptr_array_add (parts, participants);
  if (kind != NULL)
    g_ptr_array_add (parts, (gpointer) ties_event_kind_get_label (kind));
  else if (suggestion->kind != NULL)
    g_ptr_array_add (parts, suggestion->kind);
  if (date != NULL)
    g_ptr_array_add (parts, date);
  g_ptr_array_add (parts, NULL);

  /* Translators: between a proposal's participants, kind and date */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

static GtkWidget *
create_suggestion_button (const char *icon_name,
                          const char *label,
                          const char *action_name,
                          guint       index)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);

  return button;
}

static GtkWidget *
create_suggestion_row (TiesSourcesView      *self,
                       const TiesSuggestion *suggestion,
                       guint                 index)
{
  g_autofree char *details = format_suggestion_details (self, suggestion);
  GtkWidget *row;

  g_assert (TIES_IS_SOURCES_VIEW (self));

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 suggestion->title != NULL && suggestion->title[0] != '\0'
                                 ? suggestion->title
                                 : suggestion->exact);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_set_tooltip_text (row, suggestion->exact);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (index));

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             create_suggestion_button ("object-select-symbolic", _("Accept"),
                                                       "sources-view.accept-suggestion", index));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             create_suggestion_button ("document-edit-symbolic", _("Accept and Edit"),
                                                       "sources-view.edit-suggestion", index));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             create_suggestion_button ("window-close-symbolic", _("Dismiss"),
                                                       "sources-view.dismiss-suggestion", index));

  return row;
}

static void
show_suggestions (TiesSourcesView *self)
{
  GtkWidget *child;
  guint n = self->suggestions->len;
  g_autofree char *status = NULL;

  g_assert (TIES_IS_SOURCES_VIEW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->proposals_list))) != NULL)
    gtk_list_box_remove (self->proposals_list, child);

  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->proposals_list,
                         create_suggestion_row (self, g_ptr_array_index (self->suggestions, i), i));

  if (n > 0)
    /* Translators: events Ties found in the selected source */
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u event found in this source, not yet accepted or dismissed",
                                           "%u events found in this source, not yet accepted or dismissed",
                                           n),
                              n);
  gtk_label_set_text (self->proposals_status, status != NULL ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->proposals_status), n > 0);

  /* Proposals name known actors: without any, say how to get some. */
  if (self->document != NULL
      && g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_actors (self->document))) == 0)
    gtk_label_set_text (self->proposals_empty_label,
                        _("Add the actors the article names, and Ties proposes the events it finds between them"));
  else
    gtk_label_set_text (self->proposals_empty_label, _("No proposals for this source"));

  gtk_stack_set_visible_child_name (self->proposals_stack, n > 0 ? "list" : "empty");
}

static void
recompute (TiesSourcesView *self)
{
  TiesSource *source;

  g_assert (TIES_IS_SOURCES_VIEW (self));

  g_clear_handle_id (&self->recompute_id, g_source_remove);

  source = gtk_single_selection_get_selected_item (self->selection);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  if (self->document != NULL && source != NULL)
    self->suggestions = ties_suggest_source (self->document, source);
  if (self->suggestions == NULL)
    self->suggestions = g_ptr_array_new ();

  show_suggestions (self);
  g_signal_emit (self, signals[SUGGESTIONS_CHANGED], 0);
}

static gboolean
recompute_cb (gpointer user_data)
{
  TiesSourcesView *self = user_data;

  self->recompute_id = 0;
  recompute (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_recompute (TiesSourcesView *self)
{
  g_assert (TIES_IS_SOURCES_VIEW (self));

  g_clear_handle_id (&self->recompute_id, g_source_remove);
  self->recompute_id = g_timeout_add (RECOMPUTE_DELAY_MS, recompute_cb, self);
}

/* The proposal of the row at @index. A row shown before the last edit
 * settled still names what the person saw: the proposals are found
 * again now, and the same words, if still proposed, are what is meant. */
static const TiesSuggestion *
get_suggestion (TiesSourcesView *self,
                guint            index)
{
  g_autofree char *exact = NULL;
  glong start;

  g_assert (TIES_IS_SOURCES_VIEW (self));

  if (self->document == NULL || index >= self->suggestions->len)
    return NULL;

  if (self->recompute_id == 0)
    return g_ptr_array_index (self->suggestions, index);

  exact = g_strdup (((TiesSuggestion *) g_ptr_array_index (self->suggestions, index))->exact);
  start = ((TiesSuggestion *) g_ptr_array_index (self->suggestions, index))->start;
  recompute (self);

  for (guint i = 0; i < self->suggestions->len; i++)
    {
      TiesSuggestion *suggestion = g_ptr_array_index (self->suggestions, i);

      if (suggestion->start == start && g_strcmp0 (suggestion->exact, exact) == 0)
        return suggestion;
    }

  return NULL;
}

static void
accept (TiesSourcesView *self,
        GVariant        *parameter,
        gboolean         edit)
{
  const TiesSuggestion *suggestion = get_suggestion (self, g_variant_get_uint32 (parameter));
  g_autoptr(TiesEvent) event = NULL;

  g_assert (TIES_IS_SOURCES_VIEW (self));

  if (suggestion == NULL)
    return;

  event = ties_suggestion_accept (self->document, suggestion);
  if (event != NULL)
    g_object_ref (event);
  /* What was accepted is no longer proposed: the list must not offer it
   * a second time while the change settles. */
  recompute (self);
  if (event != NULL)
    g_signal_emit (self, signals[EVENT_CREATED], 0, event, edit);
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name G_GNUC_UNUSED,
               GVariant   *parameter)
{
  accept (TIES_SOURCES_VIEW (widget), parameter, FALSE);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name G_GNUC_UNUSED,
             GVariant   *parameter)
{
  accept (TIES_SOURCES_VIEW (widget), parameter, TRUE);
}

static void
dismiss_action (GtkWidget  *widget,
                const char *action_name G_GNUC_UNUSED,
                GVariant   *parameter)
{
  TiesSourcesView *self = TIES_SOURCES_VIEW (widget);
  const TiesSuggestion *suggestion = get_suggestion (self, g_variant_get_uint32 (parameter));
  TiesSource *source;

  if (suggestion == NULL)
    return;

  source = ties_document_lookup_source (self->document, suggestion->source);
  if (source == NULL)
    return;

  ties_document_dismiss_suggestion (self->document, source, suggestion->exact);
  recompute (self);
}

static void
on_proposal_row_activated (TiesSourcesView *self,
                           GtkListBoxRow   *row)
{
  const TiesSuggestion *suggestion;
  guint index;

  g_assert (TIES_IS_SOURCES_VIEW (self));

  index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));
  suggestion = get_suggestion (self, index);
  if (suggestion != NULL)
    g_signal_emit (self, signals[SUGGESTION_ACTIVATED], 0, suggestion);
}

/* Following the document */

static void
on_document_parts_changed (TiesSourcesView    *self,
                           TiesDocumentChange  changes,
                           TiesDocument       *document G_GNUC_UNUSED)
{
  g_assert (TIES_IS_SOURCES_VIEW (self));

  if (changes & (TIES_DOCUMENT_CHANGE_SOURCES | TIES_DOCUMENT_CHANGE_EVIDENCE | TIES_DOCUMENT_CHANGE_EVENTS))
    refresh_rows (self);

  /* Proposals are sentences naming known actors, minus the passages
   * that are already evidence, dated from the source's publication. */
  if (changes & (TIES_DOCUMENT_CHANGE_SOURCES | TIES_DOCUMENT_CHANGE_EVIDENCE | TIES_DOCUMENT_CHANGE_EVENTS |
                 TIES_DOCUMENT_CHANGE_EVENT_TIES | TIES_DOCUMENT_CHANGE_ACTORS | TIES_DOCUMENT_CHANGE_ACTOR_LOOK))
    schedule_recompute (self);
}

static void
on_sources_changed (TiesSourcesView *self)
{
  g_assert (TIES_IS_SOURCES_VIEW (self));

  update_stack (self);
  /* The selection may not change when the source is replaced in place. */
  schedule_recompute (self);
}

/* Selection */

/* Another source selected, by the person or because the sources
 * changed: its proposals. */
static void
on_selected_item_changed (TiesSourcesView *self)
{
  g_assert (TIES_IS_SOURCES_VIEW (self));

  recompute (self);
}

/* Only the person's choice is told: the selection model says
 * "selection-changed" when a row is chosen, and only "items-changed"
 * when it selects the first source by itself. */
static void
on_selection_changed (TiesSourcesView *self)
{
  TiesSource *source;

  g_assert (TIES_IS_SOURCES_VIEW (self));

  source = gtk_single_selection_get_selected_item (self->selection);
  if (source != NULL && self->updating == 0)
    {
      if (self->shared_selection != NULL)
        ties_selection_select_source (self->shared_selection, source);
      g_signal_emit (self, signals[SOURCE_ACTIVATED], 0, source);
    }
}

/* The row of the selected source; another kind of selection leaves the
 * row, which is the source the reader shows. */
static void
follow_selection (TiesSourcesView *self)
{
  TiesSource *source = ties_selection_get_source (self->shared_selection);

  g_assert (TIES_IS_SOURCES_VIEW (self));

  if (source != NULL)
    ties_sources_view_select_source (self, source);
}

static void
on_source_list_activate (TiesSourcesView *self,
                         guint            position)
{
  g_autoptr(TiesSource) source = NULL;

  g_assert (TIES_IS_SOURCES_VIEW (self));

  source = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (source == NULL)
    return;

  if (self->shared_selection != NULL)
    ties_selection_select_source (self->shared_selection, source);
  g_signal_emit (self, signals[SOURCE_ACTIVATED], 0, source);
}

/* GObject */

static void
ties_sources_view_dispose (GObject *object)
{
  TiesSourcesView *self = (TiesSourcesView *) object;

  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->parts_changed_id, self->document);
      g_clear_signal_handler (&self->sources_changed_id, ties_document_get_sources (self->document));
    }
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->shared_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->shared_selection, self);
  g_clear_object (&self->shared_selection);
  g_clear_handle_id (&self->recompute_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), TIES_TYPE_SOURCES_VIEW);

  g_clear_object (&self->document);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->bound_items, g_hash_table_unref);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);

  G_OBJECT_CLASS (ties_sources_view_parent_class)->dispose (object);
}

static void
ties_sources_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TiesSourcesView *self = TIES_SOURCES_VIEW (object);

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
ties_sources_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TiesSourcesView *self = TIES_SOURCES_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ties_sources_view_set_document (self, g_value_get_object (value));
      break;

    case PROP_SELECTION:
      ties_sources_view_set_selection (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_sources_view_class_init (TiesSourcesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ties_sources_view_dispose;
  object_class->get_property = ties_sources_view_get_property;
  object_class->set_property = ties_sources_view_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TIES_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL,
                         TIES_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SOURCE_ACTIVATED] =
    g_signal_new ("source-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, TIES_TYPE_SOURCE);

  signals[EVENT_CREATED] =
    g_signal_new ("event-created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, TIES_TYPE_EVENT, G_TYPE_BOOLEAN);

  signals[SUGGESTION_ACTIVATED] =
    g_signal_new ("suggestion-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  signals[SUGGESTIONS_CHANGED] =
    g_signal_new ("suggestions-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tiesapp/Ties/ui/ties-sources-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TiesSourcesView, stack);
  gtk_widget_class_bind_template_child (widget_class, TiesSourcesView, source_list);
  gtk_widget_class_bind_template_child (widget_class, TiesSourcesView, proposals_status);
  gtk_widget_class_bind_template_child (widget_class, TiesSourcesView, proposals_stack);
  gtk_widget_class_bind_template_child (widget_class, TiesSourcesView, proposals_empty_label);
  gtk_widget_class_bind_template_child (widget_class, TiesSourcesView, proposals_list);
  gtk_widget_class_bind_template_callback (widget_class, on_source_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_proposal_row_activated);

  gtk_widget_class_install_action (widget_class, "sources-view.accept-suggestion", "u", accept_action);
  gtk_widget_class_install_action (widget_class, "sources-view.edit-suggestion", "u", edit_action);
  gtk_widget_class_install_action (widget_class, "sources-view.dismiss-suggestion", "u", dismiss_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ties-sources-view");
}

static void
ties_sources_view_init (TiesSourcesView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bound_items = g_hash_table_new (NULL, NULL);
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->suggestions = g_ptr_array_new ();

  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row), self, 0);
  gtk_list_view_set_factory (self->source_list, factory);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  gtk_list_view_set_model (self->source_list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);

  update_stack (self);
}

/* Public API */

GtkWidget *
ties_sources_view_new (void)
{
  return g_object_new (TIES_TYPE_SOURCES_VIEW, NULL);
}

TiesDocument *
ties_sources_view_get_document (TiesSourcesView *self)
{
  g_return_val_if_fail (TIES_IS_SOURCES_VIEW (self), NULL);

  return self->document;
}

void
ties_sources_view_set_document (TiesSourcesView *self,
                                TiesDocument    *document)
{
  g_return_if_fail (TIES_IS_SOURCES_VIEW (self));
  g_return_if_fail (document == NULL || TIES_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->parts_changed_id, self->document);
      g_clear_signal_handler (&self->sources_changed_id, ties_document_get_sources (self->document));
    }
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      self->parts_changed_id =
        g_signal_connect_object (document, "parts-changed",
                                 G_CALLBACK (on_document_parts_changed), self, G_CONNECT_SWAPPED);
      self->sources_changed_id =
        g_signal_connect_object (ties_document_get_sources (document), "items-changed",
                                 G_CALLBACK (on_sources_changed), self, G_CONNECT_SWAPPED);
    }

  /* The first source is selected by itself: that is not the person's
   * doing, so nothing is said. */
  count_evidence (self);
  self->updating++;
  gtk_single_selection_set_model (self->selection,
                                  document != NULL ? G_LIST_MODEL (ties_document_get_sources (document)) : NULL);
  self->updating--;
  refresh_rows (self);
  update_stack (self);
  recompute (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

TiesSource *
ties_sources_view_get_selected_source (TiesSourcesView *self)
{
  g_return_val_if_fail (TIES_IS_SOURCES_VIEW (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

void
ties_sources_view_select_source (TiesSourcesView *self,
                                 TiesSource      *source)
{
  guint position;

  g_return_if_fail (TIES_IS_SOURCES_VIEW (self));
  g_return_if_fail (TIES_IS_SOURCE (source));

  if (self->document == NULL
      || !ties_collection_find (TIES_COLLECTION (ties_document_get_sources (self->document)), source, &position))
    return;

  self->updating++;
  gtk_single_selection_set_selected (self->selection, position);
  self->updating--;
}

TiesSelection *
ties_sources_view_get_selection (TiesSourcesView *self)
{
  g_return_val_if_fail (TIES_IS_SOURCES_VIEW (self), NULL);

  return self->shared_selection;
}

void
ties_sources_view_set_selection (TiesSourcesView *self,
                                 TiesSelection   *selection)
{
  g_return_if_fail (TIES_IS_SOURCES_VIEW (self));
  g_return_if_fail (selection == NULL || TIES_IS_SELECTION (selection));

  if (!_ties_follow_selection (&self->shared_selection, selection, self, G_CALLBACK (follow_selection)))
    return;
  if (selection != NULL)
    follow_selection (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

GPtrArray *
ties_sources_view_get_suggestions (TiesSourcesView *self)
{
  g_return_val_if_fail (TIES_IS_SOURCES_VIEW (self), NULL);

  if (self->recompute_id != 0)
    recompute (self);

  return self->suggestions;
}
