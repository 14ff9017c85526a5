/* ties-tie.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ties-evidence.h"
#include "ties-tie-private.h"

struct _TiesTie
{
  GObject parent_instance;

  char *actor_a;
  char *actor_b;
  GPtrArray *events;
  GPtrArray *kinds;
  guint n_a_to_b;
  guint n_b_to_a;
  TiesDate *first_date;
  TiesDate *last_date;
};

G_DEFINE_FINAL_TYPE (TiesTie, ties_tie, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACTOR_A,
  PROP_ACTOR_B,
  PROP_WEIGHT,
  PROP_DIRECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ties_tie_finalize (GObject *object)
{
  TiesTie *self = (TiesTie *) object;

  g_clear_pointer (&self->actor_a, g_free);
  g_clear_pointer (&self->actor_b, g_free);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->kinds, g_ptr_array_unref);
  g_clear_pointer (&self->first_date, ties_date_unref);
  g_clear_pointer (&self->last_date, ties_date_unref);

  G_OBJECT_CLASS (ties_tie_parent_class)->finalize (object);
}

static void
ties_tie_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  TiesTie *self = TIES_TIE (object);

  switch (prop_id)
    {
    case PROP_ACTOR_A:
      g_value_set_string (value, self->actor_a);
      break;

    case PROP_ACTOR_B:
      g_value_set_string (value, self->actor_b);
      break;

    case PROP_WEIGHT:
      g_value_set_uint (value, ties_tie_get_weight (self));
      break;

    case PROP_DIRECTED:
      g_value_set_boolean (value, ties_tie_get_directed (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_tie_class_init (TiesTieClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ties_tie_finalize;
  object_class->get_property = ties_tie_get_property;

  properties[PROP_ACTOR_A] =
    g_param_spec_string ("actor-a", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR_B] =
    g_param_spec_string ("actor-b", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_WEIGHT] =
    g_param_spec_uint ("weight", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRECTED] =
    g_param_spec_boolean ("directed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ties_tie_init (TiesTie *self)
{
  self->events = g_ptr_array_new_with_free_func (g_object_unref);
  self->kinds = g_ptr_array_new_null_terminated (2, g_free, TRUE);
}

TiesTie *
_ties_tie_new (const char *actor_a,
               const char *actor_b)
{
  TiesTie *self;

  g_return_val_if_fail (actor_a != NULL && actor_b != NULL, NULL);
  g_return_val_if_fail (strcmp (actor_a, actor_b) < 0, NULL);

  self = g_object_new (TIES_TYPE_TIE, NULL);
  self->actor_a = g_strdup (actor_a);
  self->actor_b = g_strdup (actor_b);

  return self;
}

void
_ties_tie_add_event (TiesTie   *self,
                     TiesEvent *event)
{
  const char *initiator;
  const char *kind;
  TiesDate *date;

  g_return_if_fail (TIES_IS_TIE (self));
  g_return_if_fail (TIES_IS_EVENT (event));

  g_ptr_array_add (self->events, g_object_ref (event));

  kind = ties_event_get_kind (event);
  if (!g_strv_contains ((const char * const *) self->kinds->pdata, kind))
    g_ptr_array_add (self->kinds, g_strdup (kind));

  /* An initiator outside the pair says nothing of who reached whom. */
  initiator = ties_event_get_initiator (event);
  if (g_strcmp0 (initiator, self->actor_a) == 0)
    self->n_a_to_b++;
  else if (g_strcmp0 (initiator, self->actor_b) == 0)
    self->n_b_to_a++;

  date = ties_event_get_parsed_date (event);
  if (date != NULL)
    {
      if (self->first_date == NULL || ties_date_compare (date, self->first_date) < 0)
        {
          g_clear_pointer (&self->first_date, ties_date_unref);
          self->first_date = ties_date_ref (date);
        }
      if (self->last_date == NULL || ties_date_compare (date, self->last_date) > 0)
        {
          g_clear_pointer (&self->last_date, ties_date_unref);
          self->last_date = ties_date_ref (date);
        }
    }
}

TiesTie *
ties_tie_new_of_events (TiesTie    *self,
                        GHashTable *events)
{
  g_autoptr(TiesTie) part = NULL;

  g_return_val_if_fail (TIES_IS_TIE (self), NULL);
  g_return_val_if_fail (events != NULL, NULL);

  part = _ties_tie_new (self->actor_a, self->actor_b);
  for (guint i = 0; i < self->events->len; i++)
    if (g_hash_table_contains (events, self->events->pdata[i]))
      _ties_tie_add_event (part, self->events->pdata[i]);

  return part->events->len > 0 ? g_steal_pointer (&part) : NULL;
}

/* Counted from the events' evidence each time, not when the ties are
 * derived: adding a quote must not derive the ties again (nor lay the
 * diagram out again), and a count kept from then would go stale. */
guint
ties_tie_get_n_evidence (TiesTie *self)
{
  guint n = 0;

  g_return_val_if_fail (TIES_IS_TIE (self), 0);

  for (guint i = 0; i < self->events->len; i++)
    n += g_list_model_get_n_items (G_LIST_MODEL (ties_event_get_evidence (self->events->pdata[i])));

  return n;
}

guint
ties_tie_get_n_sources (TiesTie *self)
{
  g_autoptr(GHashTable) sources = NULL;

  g_return_val_if_fail (TIES_IS_TIE (self), 0);

  sources = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->events->len; i++)
    {
      GListModel *evidence = G_LIST_MODEL (ties_event_get_evidence (self->events->pdata[i]));
      guint n = g_list_model_get_n_items (evidence);

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(TiesEvidence) item = g_list_model_get_item (evidence, j);
          const char *source = ties_evidence_get_source (item);

          /* The store keeps the item, and so its source id, alive. */
          if (source != NULL)
            g_hash_table_add (sources, (gpointer) source);
        }
    }

  return g_hash_table_size (sources);
}

const char *
ties_tie_get_actor_a (TiesTie *self)
{
  g_return_val_if_fail (TIES_IS_TIE (self), NULL);

  return self->actor_a;
}

const char *
ties_tie_get_actor_b (TiesTie *self)
{
  g_return_val_if_fail (TIES_IS_TIE (self), NULL);

  return self->actor_b;
}

guint
ties_tie_get_weight (TiesTie *self)
{
  g_return_val_if_fail (TIES_IS_TIE (self), 0);

  return self->events->len;
}

guint
ties_tie_get_n_a_to_b (TiesTie *self)
{
  g_return_val_if_fail (TIES_IS_TIE (self), 0);

  return self->n_a_to_b;
}

guint
ties_tie_get_n_b_to_a (TiesTie *self)
{
  g_return_val_if_fail (TIES_IS_TIE (self), 0);

  return self->n_b_to_a;
}

gboolean
ties_tie_get_directed (TiesTie *self)
{
  g_return_val_if_fail (TIES_IS_TIE (self), FALSE);

  return self->n_a_to_b > 0 || self->n_b_to_a > 0;
}

GPtrArray *
ties_tie_get_events (TiesTie *self)
{
  g_return_val_if_fail (TIES_IS_TIE (self), NULL);

  return self->events;
}

const char * const *
ties_tie_get_kinds (TiesTie *self)
{
  g_return_val_if_fail (TIES_IS_TIE (self), NULL);

  return (const char * const *) self->kinds->pdata;
}

TiesDate *
ties_tie_get_first_date (TiesTie *self)
{
  g_return_val_if_fail (TIES_IS_TIE (self), NULL);

  return self->first_date;
}

TiesDate *
ties_tie_get_last_date (TiesTie *self)
{
  g_return_val_if_fail (TIES_IS_TIE (self), NULL);

  return self->last_date;
}
