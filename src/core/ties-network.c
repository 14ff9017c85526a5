/* ties-network.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ties-network.h"
#include "ties-tie-private.h"
#include "ties-util.h"

typedef struct
{
  guint degree;
  guint n_events;
} ActorStats;

struct _TiesNetwork
{
  GObject parent_instance;

  TiesDocument *document;

  /* Its own until ties_network_set_filter() shares another. */
  TiesFilter *filter;

  GListStore *ties;
  /* actor id → its number + 1 in this derivation */
  GHashTable *actor_numbers;
  /* pair of actor numbers (see pair_key) → TiesTie, borrowed from ties */
  GHashTable *tie_index;
  /* actor id → ActorStats */
  GHashTable *stats;
  guint n_events;

  guint dirty : 1;
};

G_DEFINE_FINAL_TYPE (TiesNetwork, ties_network, G_TYPE_OBJECT)

/* Pairs are keyed by the two actors' numbers, not by their ids joined in
 * a string: a derivation looks up hundreds of thousands of pairs. */
static guint
pair_hash (gconstpointer key)
{
  guint64 pair = *(const guint64 *) key;

  return (guint) (pair ^ (pair >> 32)) * 2654435761u;
}

static gboolean
pair_equal (gconstpointer a,
            gconstpointer b)
{
  return *(const guint64 *) a == *(const guint64 *) b;
}

static guint64
pair_key (guint a,
          guint b)
{
  return a < b ? ((guint64) a << 32) | b : ((guint64) b << 32) | a;
}

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ties_network_invalidate (TiesNetwork *self)
{
  g_assert (TIES_IS_NETWORK (self));

  self->dirty = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Ties are made of the counted events' participants, initiators, kinds
 * and dates, nothing else: a title typed, an actor renamed or moved
 * leaves them as they are, and the views that follow "changed" (the
 * diagram's layout above all) need not start again. */
static void
on_document_parts_changed (TiesNetwork        *self,
                           TiesDocumentChange  changes,
                           TiesDocument       *document)
{
  g_assert (TIES_IS_NETWORK (self));

  if (changes & (TIES_DOCUMENT_CHANGE_EVENTS | TIES_DOCUMENT_CHANGE_EVENT_TIES))
    ties_network_invalidate (self);
}

static void
ties_network_finalize (GObject *object)
{
  TiesNetwork *self = (TiesNetwork *) object;

  g_clear_object (&self->document);
  g_clear_object (&self->filter);
  g_clear_object (&self->ties);
  g_clear_pointer (&self->tie_index, g_hash_table_unref);
  g_clear_pointer (&self->actor_numbers, g_hash_table_unref);
  g_clear_pointer (&self->stats, g_hash_table_unref);

  G_OBJECT_CLASS (ties_network_parent_class)->finalize (object);
}

static void
ties_network_class_init (TiesNetworkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ties_network_finalize;

  /* The ties are out of date; they are recomputed when next asked for. */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
ties_network_init (TiesNetwork *self)
{
  self->ties = g_list_store_new (TIES_TYPE_TIE);
  self->tie_index = g_hash_table_new_full (pair_hash, pair_equal, g_free, NULL);
  self->actor_numbers = g_hash_table_new (g_str_hash, g_str_equal);
  self->stats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->filter = ties_filter_new ();
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (ties_network_invalidate), self, G_CONNECT_SWAPPED);
  self->dirty = TRUE;
}

TiesNetwork *
ties_network_new (TiesDocument *document)
{
  TiesNetwork *self;

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), NULL);

  self = g_object_new (TIES_TYPE_NETWORK, NULL);
  self->document = g_object_ref (document);

  /* Edits arrive through the history, a load as the parts it filled:
   * both say "parts-changed". (The events' "items-changed" also comes
   * for each keystroke in a title, which changes no tie.) */
  g_signal_connect_object (document, "parts-changed",
                           G_CALLBACK (on_document_parts_changed), self, G_CONNECT_SWAPPED);

  return self;
}

TiesDocument *
ties_network_get_document (TiesNetwork *self)
{
  g_return_val_if_fail (TIES_IS_NETWORK (self), NULL);

  return self->document;
}

TiesFilter *
ties_network_get_filter (TiesNetwork *self)
{
  g_return_val_if_fail (TIES_IS_NETWORK (self), NULL);

  return self->filter;
}

void
ties_network_set_filter (TiesNetwork *self,
                         TiesFilter  *filter)
{
  g_return_if_fail (TIES_IS_NETWORK (self));
  g_return_if_fail (filter == NULL || TIES_IS_FILTER (filter));

  if (filter == self->filter)
    return;

  g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_object (&self->filter);
  self->filter = filter != NULL ? g_object_ref (filter) : ties_filter_new ();
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (ties_network_invalidate), self, G_CONNECT_SWAPPED);

  ties_network_invalidate (self);
}

void
ties_network_set_range (TiesNetwork *self,
                        TiesDate    *from,
                        TiesDate    *to)
{
  g_return_if_fail (TIES_IS_NETWORK (self));

  ties_filter_set_range (self->filter,
                         from != NULL ? ties_date_get_text (from) : NULL,
                         to != NULL ? ties_date_get_text (to) : NULL);
}

void
ties_network_set_kinds (TiesNetwork        *self,
                        const char * const *kinds)
{
  g_return_if_fail (TIES_IS_NETWORK (self));

  ties_filter_set_kinds (self->filter, kinds);
}

/* The filter decides; in highlight mode every event is drawn, so every
 * event counts. */
gboolean
ties_network_includes_event (TiesNetwork *self,
                             TiesEvent   *event)
{
  g_return_val_if_fail (TIES_IS_NETWORK (self), FALSE);
  g_return_val_if_fail (TIES_IS_EVENT (event), FALSE);

  if (ties_filter_get_diagram (self->filter) == TIES_FILTER_DIAGRAM_HIGHLIGHT)
    return TRUE;

  return ties_filter_includes_event (self->filter, self->document, event);
}

GHashTable *
ties_network_dup_highlighted_events (TiesNetwork *self)
{
  GListModel *events;
  GHashTable *set;
  guint n;

  g_return_val_if_fail (TIES_IS_NETWORK (self), NULL);

  if (ties_filter_get_diagram (self->filter) != TIES_FILTER_DIAGRAM_HIGHLIGHT || ties_filter_is_empty (self->filter))
    return NULL;

  set = g_hash_table_new (NULL, NULL);
  events = G_LIST_MODEL (ties_document_get_events (self->document));
  n = g_list_model_get_n_items (events);
  for (guint i = 0; i < n; i++)
    {
      /* The document holds its events: the set borrows them. */
      g_autoptr(TiesEvent) event = g_list_model_get_item (events, i);

      if (ties_filter_includes_event (self->filter, self->document, event))
        g_hash_table_add (set, event);
    }

  return set;
}

static ActorStats *
ties_network_stats (TiesNetwork *self,
                    const char  *actor_id)
{
  ActorStats *stats = g_hash_table_lookup (self->stats, actor_id);

  if (stats == NULL)
    {
      stats = g_new0 (ActorStats, 1);
      g_hash_table_insert (self->stats, g_strdup (actor_id), stats);
    }

  return stats;
}

/* The number of @actor_id in this derivation, from 1. */
static guint
ties_network_number (TiesNetwork *self,
                     const char  *actor_id)
{
  guint number = GPOINTER_TO_UINT (g_hash_table_lookup (self->actor_numbers, actor_id));

  if (number == 0)
    {
      number = g_hash_table_size (self->actor_numbers) + 1;
      g_hash_table_insert (self->actor_numbers, (gpointer) actor_id, GUINT_TO_POINTER (number));
    }

  return number;
}

void
ties_network_update (TiesNetwork *self)
{
  g_autoptr(GPtrArray) ties = NULL;
  g_autoptr(GArray) numbers = NULL;
  g_autoptr(GPtrArray) people = NULL;
  GListModel *events;
  guint n;

  g_return_if_fail (TIES_IS_NETWORK (self));

  if (!self->dirty)
    return;

  ties = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_remove_all (self->tie_index);
  g_hash_table_remove_all (self->actor_numbers);
  g_hash_table_remove_all (self->stats);
  self->n_events = 0;
  numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  people = g_ptr_array_new ();

  events = G_LIST_MODEL (ties_document_get_events (self->document));
  n = g_list_model_get_n_items (events);

  for (guint i = 0; i < n; i++)
    {
      /* The store holds the event while the derivation runs. */
      TiesEvent *event = g_list_model_get_item (events, i);
      const char * const *participants;

      g_object_unref (event);

      if (!ties_network_includes_event (self, event))
        continue;

      self->n_events++;

      /* A participant named twice is one participant. */
      participants = ties_event_get_participants (event);
      g_array_set_size (numbers, 0);
      g_ptr_array_set_size (people, 0);
      for (guint j = 0; participants[j] != NULL; j++)
        {
          guint number = ties_network_number (self, participants[j]);
          gboolean seen = FALSE;

          for (guint k = 0; k < numbers->len && !seen; k++)
            seen = g_array_index (numbers, guint, k) == number;
          if (seen)
            continue;

          g_array_append_val (numbers, number);
          g_ptr_array_add (people, (gpointer) participants[j]);
          ties_network_stats (self, participants[j])->n_events++;
        }

      for (guint j = 0; j < numbers->len; j++)
        {
          for (guint k = j + 1; k < numbers->len; k++)
            {
              guint64 key = pair_key (g_array_index (numbers, guint, j), g_array_index (numbers, guint, k));
              TiesTie *tie = g_hash_table_lookup (self->tie_index, &key);

              if (tie == NULL)
                {
                  const char *a = people->pdata[j];
                  const char *b = people->pdata[k];

                  if (strcmp (a, b) > 0)
                    {
                      const char *swap = a;
                      a = b;
                      b = swap;
                    }

                  tie = _ties_tie_new (a, b);
                  g_ptr_array_add (ties, tie);
                  g_hash_table_insert (self->tie_index, g_memdup2 (&key, sizeof key), tie);
                  ties_network_stats (self, a)->degree++;
                  ties_network_stats (self, b)->degree++;
                }

              _ties_tie_add_event (tie, event);
            }
        }
    }

  g_list_store_splice (self->ties, 0, g_list_model_get_n_items (G_LIST_MODEL (self->ties)),
                       ties->pdata, ties->len);
  self->dirty = FALSE;
}

GListModel *
ties_network_get_ties (TiesNetwork *self)
{
  g_return_val_if_fail (TIES_IS_NETWORK (self), NULL);

  ties_network_update (self);

  return G_LIST_MODEL (self->ties);
}

TiesTie *
ties_network_lookup_tie (TiesNetwork *self,
                         const char  *actor_a,
                         const char  *actor_b)
{
  guint a, b;
  guint64 key;

  g_return_val_if_fail (TIES_IS_NETWORK (self), NULL);
  g_return_val_if_fail (actor_a != NULL && actor_b != NULL, NULL);

  ties_network_update (self);

  a = GPOINTER_TO_UINT (g_hash_table_lookup (self->actor_numbers, actor_a));
  b = GPOINTER_TO_UINT (g_hash_table_lookup (self->actor_numbers, actor_b));
  if (a == 0 || b == 0 || a == b)
    return NULL;

  key = pair_key (a, b);

  return g_hash_table_lookup (self->tie_index, &key);
}

guint
ties_network_get_n_events (TiesNetwork *self)
{
  g_return_val_if_fail (TIES_IS_NETWORK (self), 0);

  ties_network_update (self);

  return self->n_events;
}

/* Day numbers GDate and "YYYY-MM" can hold: 0001-01-01 to 9999-12-31. */
#define LAST_MONTH_DAY 3652059

static int
month_of_day (gint64 day)
{
  g_autoptr(GDate) date = g_date_new_julian ((guint32) day);

  return g_date_get_year (date) * 12 + g_date_get_month (date) - 1;
}

gboolean
ties_network_get_month_span (TiesNetwork *self,
                             int         *first_month,
                             int         *last_month)
{
  GListModel *events;
  gint64 first = G_MAXINT64, last = G_MININT64;

  g_return_val_if_fail (TIES_IS_NETWORK (self), FALSE);
  g_return_val_if_fail (first_month != NULL && last_month != NULL, FALSE);

  events = G_LIST_MODEL (ties_document_get_events (self->document));
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (events, i);
      TiesDate *date = ties_event_get_parsed_date (event);
      gint64 first_day, last_day;

      if (date == NULL || !ties_network_includes_event (self, event))
        continue;
      ties_date_get_strict_range (date, &first_day, &last_day);
      if (first_day < 1 || first_day > LAST_MONTH_DAY)
        continue;
      first = MIN (first, first_day);
      last = MAX (last, first_day);
    }
  if (first > last)
    return FALSE;
  *first_month = month_of_day (first);
  *last_month = month_of_day (last);

  return TRUE;
}

guint
ties_network_get_degree (TiesNetwork *self,
                         const char  *actor_id)
{
  ActorStats *stats;

  g_return_val_if_fail (TIES_IS_NETWORK (self), 0);

  ties_network_update (self);
  stats = g_hash_table_lookup (self->stats, actor_id);

  return stats != NULL ? stats->degree : 0;
}

guint
ties_network_get_event_count (TiesNetwork *self,
                              const char  *actor_id)
{
  ActorStats *stats;

  g_return_val_if_fail (TIES_IS_NETWORK (self), 0);

  ties_network_update (self);
  stats = g_hash_table_lookup (self->stats, actor_id);

  return stats != NULL ? stats->n_events : 0;
}
