/* ties-actors-view.c: a sortable table of all actors
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ties-actors-view.h"
#include "ties-mentions.h"
#include "ties-ui-util.h"

typedef enum {
  COLUMN_NAME,
  COLUMN_KIND,
  COLUMN_AFFILIATION,
  COLUMN_DEGREE,
  COLUMN_EVENTS,
  COLUMN_SOURCES,
  COLUMN_WEIGHTED_DEGREE,
  COLUMN_BETWEENNESS,
  COLUMN_CLOSENESS,
  COLUMN_EIGENVECTOR,
  COLUMN_COMMUNITY,
  N_COLUMNS
} Column;

/* The measures' columns are named after networkx's functions, whose
 * numbers they are (ties-measures.h). */
static const char * const column_ids[N_COLUMNS] = {
  "name", "kind", "affiliation", "degree", "events", "sources",
  "weighted_degree", "betweenness_centrality", "closeness_centrality",
  "eigenvector_centrality", "community",
};

struct _TiesActorsView
{
  GtkWidget            parent_instance;

  TiesNetwork         *network;
  gulong               network_changed_id;
  gulong               document_changed_id;

  GtkSortListModel    *sorted;
  GtkMultiSelection   *selection;
  GtkSorter           *sorters[N_COLUMNS];
  GHashTable          *bound_items;     /* GtkListItem → column, while bound */
  GPtrArray           *selected;        /* TiesActor, in the order selected */
  /* The window's selection, followed and selected through; following
   * is set while the rows follow it. */
  TiesSelection       *shared_selection;
  guint                following;
  /* Actor id → number of distinct sources with evidence for its
   * counted events, counted once per change, not per cell. */
  GHashTable          *n_sources;
  /* NULL while being worked out (ties_actors_view_set_measures()). */
  TiesMeasures        *measures;

  GtkWidget           *content;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *kind_column;
  GtkColumnViewColumn *affiliation_column;
  GtkColumnViewColumn *degree_column;
  GtkColumnViewColumn *events_column;
  GtkColumnViewColumn *sources_column;
  GtkColumnViewColumn *weighted_degree_column;
  GtkColumnViewColumn *betweenness_column;
  GtkColumnViewColumn *closeness_column;
  GtkColumnViewColumn *eigenvector_column;
  GtkColumnViewColumn *community_column;
  GtkLabel            *status_label;
  GtkToggleButton     *measures_button;
};

G_DEFINE_FINAL_TYPE (TiesActorsView, ties_actors_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_NETWORK,
  PROP_SELECTION,
  PROP_SHOW_MEASURES,
  N_PROPS
};

enum {
  ACTOR_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
affiliation_name (TiesActorsView *self,
                  TiesActor      *actor)
{
  const char *id = ties_actor_get_affiliation (actor);
  TiesActor *affiliation;

  g_assert (TIES_IS_ACTORS_VIEW (self));

  if (id == NULL || self->network == NULL)
    return "";

  affiliation = ties_document_lookup_actor (ties_network_get_document (self->network), id);
  if (affiliation != NULL && ties_actor_get_name (affiliation)[0] != '\0')
    return ties_actor_get_name (affiliation);

  return id;
}

static guint
get_number (TiesActorsView *self,
            TiesActor      *actor,
            Column          column)
{
  g_assert (TIES_IS_ACTORS_VIEW (self));

  if (self->network == NULL)
    return 0;

  if (column == COLUMN_DEGREE)
    return ties_network_get_degree (self->network, ties_actor_get_id (actor));
  if (column == COLUMN_SOURCES)
    return GPOINTER_TO_UINT (g_hash_table_lookup (self->n_sources, ties_actor_get_id (actor)));

  return ties_network_get_event_count (self->network, ties_actor_get_id (actor));
}

static gboolean
is_measure (Column column)
{
  return column >= COLUMN_WEIGHTED_DEGREE && column <= COLUMN_COMMUNITY;
}

static gboolean
is_number (Column column)
{
  return column == COLUMN_DEGREE || column == COLUMN_EVENTS || column == COLUMN_SOURCES
         || is_measure (column);
}

/* -1 while the measures are being worked out, so that such rows sort
 * together below every actor's number. */
static double
get_measure (TiesActorsView *self,
             TiesActor      *actor,
             Column          column)
{
  TiesActorMeasures measures;

  g_assert (TIES_IS_ACTORS_VIEW (self));
  g_assert (is_measure (column));

  if (self->measures == NULL || !ties_measures_lookup (self->measures, ties_actor_get_id (actor), &measures))
    return -1;

  switch (column)
    {
    case COLUMN_WEIGHTED_DEGREE:
      return measures.weighted_degree;
    case COLUMN_BETWEENNESS:
      return measures.betweenness_centrality;
    case COLUMN_CLOSENESS:
      return measures.closeness_centrality;
    case COLUMN_EIGENVECTOR:
      return measures.eigenvector_centrality;
    case COLUMN_COMMUNITY:
      return measures.community + 1;
    default:
      g_assert_not_reached ();
    }
}

/* Cells */

static void
update_cell (TiesActorsView *self,
             GtkListItem    *item,
             Column          column)
{
  TiesActor *actor = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *number = NULL;

  g_assert (TIES_IS_ACTORS_VIEW (self));

  if (actor == NULL)
    return;

  switch (column)
    {
    case COLUMN_NAME:
      gtk_label_set_text (label, ties_actor_get_name (actor)[0] != '\0'
                                 ? ties_actor_get_name (actor)
                                 : ties_actor_get_id (actor));
      /* The row is the actor: it is read out by its name. */
      _ties_column_view_name_row (item, gtk_label_get_text (label));
      break;

    case COLUMN_KIND:
      gtk_label_set_text (label, ties_actor_kind_get_label (ties_actor_get_kind (actor)));
      break;

    case COLUMN_AFFILIATION:
      gtk_label_set_text (label, affiliation_name (self, actor));
      break;

    case COLUMN_DEGREE:
    case COLUMN_EVENTS:
    case COLUMN_SOURCES:
      number = g_strdup_printf ("%u", get_number (self, actor, column));
      gtk_label_set_text (label, number);
      break;

    case COLUMN_WEIGHTED_DEGREE:
    case COLUMN_COMMUNITY:
    case COLUMN_BETWEENNESS:
    case COLUMN_CLOSENESS:
    case COLUMN_EIGENVECTOR:
      {
        double value = get_measure (self, actor, column);

        /* Three decimals, as a paper's table gives them; counts whole. */
        if (value < 0)
          /* TRANSLATORS: in the Actors view, a measure still being worked out */
          number = g_strdup (C_("measure", "…"));
        else if (column == COLUMN_WEIGHTED_DEGREE || column == COLUMN_COMMUNITY)
          number = g_strdup_printf ("%.0f", value);
        else
          number = g_strdup_printf ("%.3f", value);
        gtk_label_set_text (label, number);
      }
      break;

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            TiesActorsView           *self)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  g_assert (TIES_IS_ACTORS_VIEW (self));

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* Names stay readable when the measures make the table wider than
   * the pane: it scrolls sideways instead. */
  if (column == COLUMN_NAME)
    gtk_label_set_width_chars (GTK_LABEL (label), 16);
  else if (column == COLUMN_AFFILIATION)
    gtk_label_set_width_chars (GTK_LABEL (label), 10);
  if (is_number (column))
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1.f);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    gtk_label_set_xalign (GTK_LABEL (label), 0.f);

  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           TiesActorsView           *self)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));

  g_assert (TIES_IS_ACTORS_VIEW (self));

  g_hash_table_insert (self->bound_items, item, GUINT_TO_POINTER (column));
  update_cell (self, item, column);
}

static void
unbind_cell (GtkSignalListItemFactory *factory G_GNUC_UNUSED,
             GtkListItem              *item,
             TiesActorsView           *self)
{
  g_assert (TIES_IS_ACTORS_VIEW (self));

  g_hash_table_remove (self->bound_items, item);
}

/* One pass over the events the network counts (as the Events column
 * does): each participant gathers the sources its evidence quotes,
 * orphaned ones too (the source still reported it). */
static void
count_sources (TiesActorsView *self)
{
  g_autoptr(GHashTable) sets = NULL;
  GListModel *events;
  GHashTableIter iter;
  gpointer actor_id, set;

  g_assert (TIES_IS_ACTORS_VIEW (self));

  g_hash_table_remove_all (self->n_sources);
  if (self->network == NULL)
    return;

  /* Actor id → set of source ids, both owned by the document's objects,
   * which outlive this function. */
  sets = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_hash_table_unref);
  events = G_LIST_MODEL (ties_document_get_events (ties_network_get_document (self->network)));
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (events, i);
      GListModel *evidence = G_LIST_MODEL (ties_event_get_evidence (event));
      const char * const *participants = ties_event_get_participants (event);
      guint n_evidence = g_list_model_get_n_items (evidence);

      if (n_evidence == 0 || participants == NULL
          || !ties_network_includes_event (self->network, event))
        continue;

      for (guint p = 0; participants[p] != NULL; p++)
        {
          GHashTable *sources = g_hash_table_lookup (sets, participants[p]);

          if (sources == NULL)
            {
              sources = g_hash_table_new (g_str_hash, g_str_equal);
              g_hash_table_insert (sets, (gpointer) participants[p], sources);
            }
          for (guint e = 0; e < n_evidence; e++)
            {
              g_autoptr(TiesEvidence) item = g_list_model_get_item (evidence, e);
              const char *source = ties_evidence_get_source (item);

              if (source != NULL && source[0] != '\0')
                g_hash_table_add (sources, (gpointer) source);
            }
        }
    }

  g_hash_table_iter_init (&iter, sets);
  while (g_hash_table_iter_next (&iter, &actor_id, &set))
    g_hash_table_insert (self->n_sources, g_strdup (actor_id),
                         GUINT_TO_POINTER (g_hash_table_size (set)));
}

static void
refresh (TiesActorsView *self)
{
  GHashTableIter iter;
  gpointer item, column;

  g_assert (TIES_IS_ACTORS_VIEW (self));

  count_sources (self);

  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &item, &column))
    update_cell (self, item, GPOINTER_TO_UINT (column));

  for (guint i = 0; i < N_COLUMNS; i++)
    gtk_sorter_changed (self->sorters[i], GTK_SORTER_CHANGE_DIFFERENT);
}

/* Degrees and counts follow the network; names, kinds and affiliations
 * are the actors' own, and their notes and roles are not shown. Sources
 * follow the evidence too, which the network does not see. */
static void
on_document_parts_changed (TiesActorsView     *self,
                           TiesDocumentChange  changes,
                           TiesDocument       *document)
{
  g_assert (TIES_IS_ACTORS_VIEW (self));

  if (changes & (TIES_DOCUMENT_CHANGE_ACTORS | TIES_DOCUMENT_CHANGE_ACTOR_LOOK
                 | TIES_DOCUMENT_CHANGE_EVENTS | TIES_DOCUMENT_CHANGE_EVENT_TIES
                 | TIES_DOCUMENT_CHANGE_EVIDENCE | TIES_DOCUMENT_CHANGE_SOURCES))
    refresh (self);
}

/* Sorting */

static int
compare_uint (guint a,
              guint b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data G_GNUC_UNUSED)
{
  return ties_text_collate (ties_actor_get_name ((TiesActor *) a), ties_actor_get_name ((TiesActor *) b));
}

static int
compare_kinds (gconstpointer a,
               gconstpointer b,
               gpointer      user_data G_GNUC_UNUSED)
{
  return compare_uint (ties_actor_get_kind ((TiesActor *) a), ties_actor_get_kind ((TiesActor *) b));
}

static int
compare_affiliations (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  TiesActorsView *self = user_data;

  return ties_text_collate (affiliation_name (self, (TiesActor *) a),
                            affiliation_name (self, (TiesActor *) b));
}

static int
compare_degrees (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  TiesActorsView *self = user_data;

  return compare_uint (get_number (self, (TiesActor *) a, COLUMN_DEGREE),
                       get_number (self, (TiesActor *) b, COLUMN_DEGREE));
}

static int
compare_event_counts (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  TiesActorsView *self = user_data;

  return compare_uint (get_number (self, (TiesActor *) a, COLUMN_EVENTS),
                       get_number (self, (TiesActor *) b, COLUMN_EVENTS));
}

static int
compare_source_counts (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  TiesActorsView *self = user_data;

  return compare_uint (get_number (self, (TiesActor *) a, COLUMN_SOURCES),
                       get_number (self, (TiesActor *) b, COLUMN_SOURCES));
}

static int
compare_measures (TiesActorsView *self,
                  TiesActor      *a,
                  TiesActor      *b,
                  Column          column)
{
  double ma = get_measure (self, a, column), mb = get_measure (self, b, column);

  return ma < mb ? -1 : ma > mb ? 1 : 0;
}

#define DEFINE_COMPARE_MEASURE(name, COLUMN)                                  \
static int                                                                    \
compare_##name (gconstpointer a,                                              \
                gconstpointer b,                                              \
                gpointer      user_data)                                      \
{                                                                             \
  return compare_measures (user_data, (TiesActor *) a, (TiesActor *) b, COLUMN); \
}

DEFINE_COMPARE_MEASURE (weighted_degrees, COLUMN_WEIGHTED_DEGREE)
DEFINE_COMPARE_MEASURE (betweenness, COLUMN_BETWEENNESS)
DEFINE_COMPARE_MEASURE (closeness, COLUMN_CLOSENESS)
DEFINE_COMPARE_MEASURE (eigenvector, COLUMN_EIGENVECTOR)
DEFINE_COMPARE_MEASURE (communities, COLUMN_COMMUNITY)

#undef DEFINE_COMPARE_MEASURE

static GtkColumnViewColumn *
get_column (TiesActorsView *self,
            Column          column)
{
  GtkColumnViewColumn *columns[N_COLUMNS] = {
    self->name_column, self->kind_column, self->affiliation_column,
    self->degree_column, self->events_column, self->sources_column,
    self->weighted_degree_column, self->betweenness_column, self->closeness_column,
    self->eigenvector_column, self->community_column,
  };

  g_assert (TIES_IS_ACTORS_VIEW (self));
  g_assert (column < N_COLUMNS);

  return columns[column];
}

/* Selection and merging */

static void
update_selection (TiesActorsView *self)
{
  g_autoptr(GtkBitset) bitset = NULL;
  g_autoptr(GHashTable) now = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  GtkBitsetIter iter;
  guint position;

  g_assert (TIES_IS_ACTORS_VIEW (self));

  bitset = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_iter_init_first (&iter, bitset, &position))
    do
      g_hash_table_add (now, g_list_model_get_item (G_LIST_MODEL (self->selection), position));
    while (gtk_bitset_iter_next (&iter, &position));

  /* Keep the order in which the actors were selected. */
  for (guint i = self->selected->len; i > 0; i--)
    if (!g_hash_table_contains (now, g_ptr_array_index (self->selected, i - 1)))
      g_ptr_array_remove_index (self->selected, i - 1);

  if (gtk_bitset_iter_init_first (&iter, bitset, &position))
    do
      {
        g_autoptr(TiesActor) actor = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

        if (!g_ptr_array_find (self->selected, actor, NULL))
          g_ptr_array_add (self->selected, g_object_ref (actor));
      }
    while (gtk_bitset_iter_next (&iter, &position));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "actors-view.merge", self->selected->len == 2);

  if (self->selected->len == 2)
    {
      g_autofree char *text = NULL;

      /* Translators: the first %s is merged into the second, which is kept */
      text = g_strdup_printf (_("Merge “%s” into “%s”"),
                              ties_actor_get_name (g_ptr_array_index (self->selected, 1)),
                              ties_actor_get_name (g_ptr_array_index (self->selected, 0)));
      gtk_label_set_text (self->status_label, text);
    }
  else
    gtk_label_set_text (self->status_label, _("Select two actors to merge them"));
}

static void
on_selection_changed (TiesActorsView *self)
{
  update_selection (self);
}

/* Rows chosen (not rows gone with their actors) select in the window:
 * the actor chosen last, which is the one merged into the first when
 * two are. */
static void
on_rows_chosen (TiesActorsView *self)
{
  update_selection (self);

  if (self->shared_selection == NULL || self->following > 0)
    return;

  if (self->selected->len > 0)
    ties_selection_select_actor (self->shared_selection,
                                 g_ptr_array_index (self->selected, self->selected->len - 1));
  else if (ties_selection_get_kind (self->shared_selection) == TIES_SELECTION_ACTOR)
    ties_selection_clear (self->shared_selection);
}

static gboolean
find_actor (TiesActorsView *self,
            TiesActor      *actor,
            guint          *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiesActor) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (item == actor)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* The selected actor's row alone, scrolled to; no row when something
 * else is selected. Two rows chosen to merge stay while the window
 * shows one of them. */
static void
follow_selection (TiesActorsView *self)
{
  TiesActor *actor = ties_selection_get_actor (self->shared_selection);
  guint position;

  g_assert (TIES_IS_ACTORS_VIEW (self));

  if (actor != NULL && g_ptr_array_find (self->selected, actor, NULL))
    return;

  self->following++;
  if (actor != NULL && find_actor (self, actor, &position))
    {
      gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
      _ties_column_view_scroll_to (self->column_view, position);
    }
  else if (self->selected->len > 0)
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  self->following--;
}

static void
on_merge_response (AdwMessageDialog *dialog,
                   const char       *response,
                   TiesActorsView   *self)
{
  g_assert (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert (TIES_IS_ACTORS_VIEW (self));

  if (g_strcmp0 (response, "merge") == 0)
    ties_actors_view_merge_selected (self);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name G_GNUC_UNUSED,
              GVariant   *parameter G_GNUC_UNUSED)
{
  TiesActorsView *self = TIES_ACTORS_VIEW (widget);
  TiesActor *keep;
  TiesActor *merged;
  GtkRoot *root;
  GtkWidget *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  if (self->selected->len != 2)
    return;

  keep = g_ptr_array_index (self->selected, 0);
  merged = g_ptr_array_index (self->selected, 1);
  root = gtk_widget_get_root (widget);

  /* Translators: %s is an actor's name */
  heading = g_strdup_printf (_("Merge “%s”?"), ties_actor_get_name (merged));
  /* Translators: the first %s is the actor that goes away, the second the one kept */
  body = g_strdup_printf (_("Every event of “%s” will name “%s” instead, and “%s” is kept as another name."),
                          ties_actor_get_name (merged),
                          ties_actor_get_name (keep),
                          ties_actor_get_name (merged));

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "merge");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_merge_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_column_view_activate (TiesActorsView *self,
                         guint           position)
{
  g_autoptr(TiesActor) actor = NULL;

  g_assert (TIES_IS_ACTORS_VIEW (self));

  actor = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (actor != NULL)
    g_signal_emit (self, signals[ACTOR_ACTIVATED], 0, actor);
}

static void
on_measures_button_active (TiesActorsView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_MEASURES]);
}

/* GObject */

static void
ties_actors_view_dispose (GObject *object)
{
  TiesActorsView *self = (TiesActorsView *) object;

  if (self->network != NULL)
    {
      g_clear_signal_handler (&self->network_changed_id, self->network);
      g_clear_signal_handler (&self->document_changed_id, ties_network_get_document (self->network));
    }
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->shared_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->shared_selection, self);
  g_clear_object (&self->shared_selection);

  gtk_widget_dispose_template (GTK_WIDGET (self), TIES_TYPE_ACTORS_VIEW);

  g_clear_object (&self->network);
  g_clear_object (&self->sorted);
  g_clear_object (&self->selection);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_object (&self->sorters[i]);
  g_clear_pointer (&self->bound_items, g_hash_table_unref);
  g_clear_pointer (&self->selected, g_ptr_array_unref);
  g_clear_pointer (&self->n_sources, g_hash_table_unref);
  g_clear_pointer (&self->measures, ties_measures_free);

  G_OBJECT_CLASS (ties_actors_view_parent_class)->dispose (object);
}

static void
ties_actors_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TiesActorsView *self = TIES_ACTORS_VIEW (object);

  switch (prop_id)
    {
    case PROP_NETWORK:
      g_value_set_object (value, self->network);
      break;

    case PROP_SELECTION:
      g_value_set_object (value, self->shared_selection);
      break;

    case PROP_SHOW_MEASURES:
      g_value_set_boolean (value, ties_actors_view_get_show_measures (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_actors_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TiesActorsView *self = TIES_ACTORS_VIEW (object);

  switch (prop_id)
    {
    case PROP_NETWORK:
      ties_actors_view_set_network (self, g_value_get_object (value));
      break;

    case PROP_SELECTION:
      ties_actors_view_set_selection (self, g_value_get_object (value));
      break;

    case PROP_SHOW_MEASURES:
      ties_actors_view_set_show_measures (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_actors_view_class_init (TiesActorsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ties_actors_view_dispose;
  object_class->get_property = ties_actors_view_get_property;
  object_class->set_property = ties_actors_view_set_property;

  properties[PROP_NETWORK] =
    g_param_spec_object ("network", NULL, NULL,
                         TIES_TYPE_NETWORK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL,
                         TIES_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Whether the measures' columns are shown (the Measures button). */
  properties[PROP_SHOW_MEASURES] =
    g_param_spec_boolean ("show-measures", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACTOR_ACTIVATED] =
    g_signal_new ("actor-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, TIES_TYPE_ACTOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tiesapp/Ties/ui/ties-actors-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TiesActorsView, content);
  gtk_widget_class_bind_template_child (widget_class, TiesActorsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, TiesActorsView, name_column);
  gtk_widget_class_bind_template_child (widget_class, TiesActorsView, kind_column);
  gtk_widget_class_bind_template_child (widget_class, TiesActorsView, affiliation_column);
  gtk_widget_class_bind_template_child (widget_class, TiesActorsView, degree_column);
  gtk_widget_class_bind_template_child (widget_class, TiesActorsView, events_column);
  gtk_widget_class_bind_template_child (widget_class, TiesActorsView, sources_column);
  gtk_widget_class_bind_template_child (widget_class, TiesActorsView, weighted_degree_column);
  gtk_widget_class_bind_template_child (widget_class, TiesActorsView, betweenness_column);
  gtk_widget_class_bind_template_child (widget_class, TiesActorsView, closeness_column);
  gtk_widget_class_bind_template_child (widget_class, TiesActorsView, eigenvector_column);
  gtk_widget_class_bind_template_child (widget_class, TiesActorsView, community_column);
  gtk_widget_class_bind_template_child (widget_class, TiesActorsView, status_label);
  gtk_widget_class_bind_template_child (widget_class, TiesActorsView, measures_button);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate);

  gtk_widget_class_install_action (widget_class, "actors-view.merge", NULL, merge_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ties-actors-view");
}

static void
ties_actors_view_init (TiesActorsView *self)
{
  static const GCompareDataFunc compare[N_COLUMNS] = {
    compare_names, compare_kinds, compare_affiliations, compare_degrees, compare_event_counts,
    compare_source_counts, compare_weighted_degrees, compare_betweenness, compare_closeness,
    compare_eigenvector, compare_communities,
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bound_items = g_hash_table_new (NULL, NULL);
  self->selected = g_ptr_array_new_with_free_func (g_object_unref);
  self->n_sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkColumnViewColumn *column = get_column (self, i);
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (i));
      g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cell), self, 0);
      g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cell), self, 0);
      g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cell), self, 0);
      gtk_column_view_column_set_factory (column, factory);

      self->sorters[i] = GTK_SORTER (gtk_custom_sorter_new (compare[i], self, NULL));
      gtk_column_view_column_set_sorter (column, self->sorters[i]);
    }

  self->sorted = gtk_sort_list_model_new (NULL, g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (on_rows_chosen), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->measures_button, "notify::active", G_CALLBACK (on_measures_button_active), self,
                           G_CONNECT_SWAPPED);

  _ties_column_view_name_list (self->column_view, _("Actors"));
  update_selection (self);
}

/* Public API */

GtkWidget *
ties_actors_view_new (void)
{
  return g_object_new (TIES_TYPE_ACTORS_VIEW, NULL);
}

TiesNetwork *
ties_actors_view_get_network (TiesActorsView *self)
{
  g_return_val_if_fail (TIES_IS_ACTORS_VIEW (self), NULL);

  return self->network;
}

void
ties_actors_view_set_network (TiesActorsView *self,
                              TiesNetwork    *network)
{
  g_return_if_fail (TIES_IS_ACTORS_VIEW (self));
  g_return_if_fail (network == NULL || TIES_IS_NETWORK (network));

  if (self->network == network)
    return;

  if (self->network != NULL)
    {
      g_clear_signal_handler (&self->network_changed_id, self->network);
      g_clear_signal_handler (&self->document_changed_id, ties_network_get_document (self->network));
    }
  g_set_object (&self->network, network);

  /* Degrees and counts follow the network, names and affiliations the
   * document's actors. */
  if (network != NULL)
    {
      self->network_changed_id =
        g_signal_connect_object (network, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
      self->document_changed_id =
        g_signal_connect_object (ties_network_get_document (network), "parts-changed",
                                 G_CALLBACK (on_document_parts_changed), self, G_CONNECT_SWAPPED);
    }

  gtk_sort_list_model_set_model (self->sorted,
                                 network != NULL
                                 ? G_LIST_MODEL (ties_document_get_actors (ties_network_get_document (network)))
                                 : NULL);
  refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NETWORK]);
}

GtkColumnView *
ties_actors_view_get_column_view (TiesActorsView *self)
{
  g_return_val_if_fail (TIES_IS_ACTORS_VIEW (self), NULL);

  return self->column_view;
}

void
ties_actors_view_sort_by (TiesActorsView *self,
                          const char     *column_id,
                          GtkSortType     order)
{
  g_return_if_fail (TIES_IS_ACTORS_VIEW (self));
  g_return_if_fail (column_id != NULL);

  for (guint i = 0; i < N_COLUMNS; i++)
    if (g_str_equal (column_ids[i], column_id))
      {
        gtk_column_view_sort_by_column (self->column_view, get_column (self, i), order);
        return;
      }

  g_return_if_reached ();
}

GPtrArray *
ties_actors_view_get_selected (TiesActorsView *self)
{
  g_return_val_if_fail (TIES_IS_ACTORS_VIEW (self), NULL);

  return self->selected;
}

gboolean
ties_actors_view_merge_selected (TiesActorsView *self)
{
  g_autoptr(TiesActor) keep = NULL;
  g_autoptr(TiesActor) merged = NULL;

  g_return_val_if_fail (TIES_IS_ACTORS_VIEW (self), FALSE);

  if (self->network == NULL || self->selected->len != 2)
    return FALSE;

  keep = g_object_ref (g_ptr_array_index (self->selected, 0));
  merged = g_object_ref (g_ptr_array_index (self->selected, 1));
  ties_document_merge_actors (ties_network_get_document (self->network), keep, merged);

  /* The actor kept stays selected, alone. */
  {
    guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(TiesActor) actor = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

        if (actor == keep)
          {
            gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, TRUE);
            break;
          }
      }
  }

  return TRUE;
}

TiesSelection *
ties_actors_view_get_selection (TiesActorsView *self)
{
  g_return_val_if_fail (TIES_IS_ACTORS_VIEW (self), NULL);

  return self->shared_selection;
}

/* In a folded window a row is opened as a link is, by one click. */
void
ties_actors_view_set_single_click_activate (TiesActorsView *self,
                                            gboolean        single_click)
{
  g_return_if_fail (TIES_IS_ACTORS_VIEW (self));

  gtk_column_view_set_single_click_activate (self->column_view, single_click);
}

void
ties_actors_view_set_selection (TiesActorsView *self,
                                TiesSelection  *selection)
{
  g_return_if_fail (TIES_IS_ACTORS_VIEW (self));
  g_return_if_fail (selection == NULL || TIES_IS_SELECTION (selection));

  if (!_ties_follow_selection (&self->shared_selection, selection, self, G_CALLBACK (follow_selection)))
    return;
  if (selection != NULL)
    follow_selection (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

void
ties_actors_view_select_actor (TiesActorsView *self,
                               TiesActor      *actor)
{
  guint position;

  g_return_if_fail (TIES_IS_ACTORS_VIEW (self));
  g_return_if_fail (actor == NULL || TIES_IS_ACTOR (actor));

  if (actor != NULL && find_actor (self, actor, &position))
    {
      gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
      _ties_column_view_scroll_to (self->column_view, position);
    }
  else
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
}

guint
ties_actors_view_get_n_sources (TiesActorsView *self,
                                const char     *actor_id)
{
  g_return_val_if_fail (TIES_IS_ACTORS_VIEW (self), 0);
  g_return_val_if_fail (actor_id != NULL, 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->n_sources, actor_id));
}

TiesMeasures *
ties_actors_view_get_measures (TiesActorsView *self)
{
  g_return_val_if_fail (TIES_IS_ACTORS_VIEW (self), NULL);

  return self->measures;
}

void
ties_actors_view_set_measures (TiesActorsView *self,
                               TiesMeasures   *measures)
{
  GHashTableIter iter;
  gpointer item, column;

  g_return_if_fail (TIES_IS_ACTORS_VIEW (self));

  if (self->measures == measures)
    return;

  g_clear_pointer (&self->measures, ties_measures_free);
  self->measures = measures;

  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &item, &column))
    if (is_measure (GPOINTER_TO_UINT (column)))
      update_cell (self, item, GPOINTER_TO_UINT (column));
  for (guint i = COLUMN_WEIGHTED_DEGREE; i <= COLUMN_COMMUNITY; i++)
    gtk_sorter_changed (self->sorters[i], GTK_SORTER_CHANGE_DIFFERENT);
}

gboolean
ties_actors_view_get_show_measures (TiesActorsView *self)
{
  g_return_val_if_fail (TIES_IS_ACTORS_VIEW (self), FALSE);

  return gtk_toggle_button_get_active (self->measures_button);
}

void
ties_actors_view_set_show_measures (TiesActorsView *self,
                                    gboolean        show_measures)
{
  g_return_if_fail (TIES_IS_ACTORS_VIEW (self));

  /* The button says it ("notify::active"). */
  gtk_toggle_button_set_active (self->measures_button, show_measures);
}
