/* ties-network.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ties-network.h"
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

  TiesDate *from;
  TiesDate *to;
  char **kinds;

  GListStore *ties;
  /* "a\x1fb" → TiesTie (borrowed from ties) */
  GHashTable *tie_index;
  /* actor id → ActorStats */
  GHashTable *stats;
  guint n_events;

  guint dirty : 1;
};

G_DEFINE_FINAL_TYPE (TiesNetwork, ties_network, G_TYPE_OBJECT)

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

static void
ties_network_finalize (GObject *object)
{
  TiesNetwork *self = (TiesNetwork *) object;

  g_clear_object (&self->document);
  g_clear_pointer (&self->from, ties_date_unref);
  g_clear_pointer (&self->to, ties_date_unref);
  g_clear_pointer (&self->kinds, g_strfreev);
  g_clear_object (&self->ties);
  g_clear_pointer (&self->tie_index, g_hash_table_unref);
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
  self->tie_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->stats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->kinds = g_new0 (char *, 1);
  self->dirty = TRUE;
}

TiesNetwork *
ties_network_new (TiesDocument *document)
{
  TiesNetwork *self;

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), NULL);

  self = g_object_new (TIES_TYPE_NETWORK, NULL);
  self->document = g_object_ref (document);

  /* Edits arrive through the history; a load fills the store directly. */
  g_signal_connect_object (document, "changed",
                           G_CALLBACK (ties_network_invalidate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ties_document_get_events (document), "items-changed",
                           G_CALLBACK (ties_network_invalidate), self, G_CONNECT_SWAPPED);

  return self;
}

TiesDocument *
ties_network_get_document (TiesNetwork *self)
{
  g_return_val_if_fail (TIES_IS_NETWORK (self), NULL);

  return self->document;
}

void
ties_network_set_range (TiesNetwork *self,
                        TiesDate    *from,
                        TiesDate    *to)
{
  g_return_if_fail (TIES_IS_NETWORK (self));

  g_clear_pointer (&self->from, ties_date_unref);
  g_clear_pointer (&self->to, ties_date_unref);
  self->from = from != NULL ? ties_date_ref (from) : NULL;
  self->to = to != NULL ? ties_date_ref (to) : NULL;

  ties_network_invalidate (self);
}

void
ties_network_set_kinds (TiesNetwork        *self,
                        const char * const *kinds)
{
  g_return_if_fail (TIES_IS_NETWORK (self));

  if (_ties_set_strv (&self->kinds, kinds))
    ties_network_invalidate (self);
}

gboolean
ties_network_includes_event (TiesNetwork *self,
                             TiesEvent   *event)
{
  g_return_val_if_fail (TIES_IS_NETWORK (self), FALSE);
  g_return_val_if_fail (TIES_IS_EVENT (event), FALSE);

  if (self->kinds[0] != NULL
      && !g_strv_contains ((const char * const *) self->kinds, ties_event_get_kind (event)))
    return FALSE;

  if (self->from != NULL || self->to != NULL)
    {
      TiesDate *date = ties_event_get_parsed_date (event);
      gint64 first = TIES_DATE_DAY_MIN;
      gint64 last = TIES_DATE_DAY_MAX;
      gint64 unused;

      if (date == NULL)
        return FALSE;

      if (self->from != NULL)
        ties_date_get_strict_range (self->from, &first, &unused);
      if (self->to != NULL)
        ties_date_get_strict_range (self->to, &unused, &last);

      /* A range that ends before it starts holds nothing. */
      if (first > last || !ties_date_overlaps (date, first, last, FALSE))
        return FALSE;
    }

  return TRUE;
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

void
ties_network_update (TiesNetwork *self)
{
  g_autoptr(GPtrArray) ties = NULL;
  GListModel *events;
  GString *key;
  guint n;

  g_return_if_fail (TIES_IS_NETWORK (self));

  if (!self->dirty)
    return;

  ties = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_remove_all (self->tie_index);
  g_hash_table_remove_all (self->stats);
  self->n_events = 0;
  key = g_string_new (NULL);

  events = G_LIST_MODEL (ties_document_get_events (self->document));
  n = g_list_model_get_n_items (events);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (events, i);
      g_autoptr(GPtrArray) people = NULL;
      const char * const *participants;

      if (!ties_network_includes_event (self, event))
        continue;

      self->n_events++;

      /* A participant named twice is one participant. */
      participants = ties_event_get_participants (event);
      people = g_ptr_array_new ();
      for (guint j = 0; participants[j] != NULL; j++)
        {
          gboolean seen = FALSE;

          for (guint k = 0; k < people->len && !seen; k++)
            seen = g_str_equal (people->pdata[k], participants[j]);
          if (!seen)
            g_ptr_array_add (people, (gpointer) participants[j]);
        }

      for (guint j = 0; j < people->len; j++)
        {
          ties_network_stats (self, people->pdata[j])->n_events++;

          for (guint k = j + 1; k < people->len; k++)
            {
              const char *a = people->pdata[j];
              const char *b = people->pdata[k];
              TiesTie *tie;

              if (strcmp (a, b) > 0)
                {
                  const char *swap = a;
                  a = b;
                  b = swap;
                }

              g_string_assign (key, a);
              g_string_append_c (key, '\x1f');
              g_string_append (key, b);

              tie = g_hash_table_lookup (self->tie_index, key->str);
              if (tie == NULL)
                {
                  tie = _ties_tie_new (a, b);
                  g_ptr_array_add (ties, tie);
                  g_hash_table_insert (self->tie_index, g_strdup (key->str), tie);
                  ties_network_stats (self, a)->degree++;
                  ties_network_stats (self, b)->degree++;
                }

              _ties_tie_add_event (tie, event);
            }
        }
    }

  g_string_free (key, TRUE);

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
  g_autofree char *key = NULL;

  g_return_val_if_fail (TIES_IS_NETWORK (self), NULL);
  g_return_val_if_fail (actor_a != NULL && actor_b != NULL, NULL);

  ties_network_update (self);

  if (strcmp (actor_a, actor_b) > 0)
    key = g_strconcat (actor_b, "\x1f", actor_a, NULL);
  else
    key = g_strconcat (actor_a, "\x1f", actor_b, NULL);

  return g_hash_table_lookup (self->tie_index, key);
}

guint
ties_network_get_n_events (TiesNetwork *self)
{
  g_return_val_if_fail (TIES_IS_NETWORK (self), 0);

  ties_network_update (self);

  return self->n_events;
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
