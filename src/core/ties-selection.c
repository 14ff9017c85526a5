/* ties-selection.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ties-selection.h"

struct _TiesSelection
{
  GObject parent_instance;

  TiesSelectionKind kind;
  GPtrArray *events;      /* TiesEvent; empty unless kind is EVENTS */
  TiesActor *actor;
  char *tie_a;
  char *tie_b;
  TiesSource *source;
};

G_DEFINE_FINAL_TYPE (TiesSelection, ties_selection, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (TiesSelectionKind, ties_selection_kind,
  G_DEFINE_ENUM_VALUE (TIES_SELECTION_NONE, "none"),
  G_DEFINE_ENUM_VALUE (TIES_SELECTION_EVENTS, "events"),
  G_DEFINE_ENUM_VALUE (TIES_SELECTION_ACTOR, "actor"),
  G_DEFINE_ENUM_VALUE (TIES_SELECTION_TIE, "tie"),
  G_DEFINE_ENUM_VALUE (TIES_SELECTION_SOURCE, "source"))

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Forgets everything, without telling anyone: the setters tell once. */
static void
ties_selection_reset (TiesSelection *self)
{
  g_assert (TIES_IS_SELECTION (self));

  g_ptr_array_set_size (self->events, 0);
  g_clear_object (&self->actor);
  g_clear_pointer (&self->tie_a, g_free);
  g_clear_pointer (&self->tie_b, g_free);
  g_clear_object (&self->source);
}

static void
ties_selection_emit (TiesSelection     *self,
                     TiesSelectionKind  old_kind)
{
  g_assert (TIES_IS_SELECTION (self));

  if (self->kind != old_kind)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
ties_selection_finalize (GObject *object)
{
  TiesSelection *self = TIES_SELECTION (object);

  ties_selection_reset (self);
  g_clear_pointer (&self->events, g_ptr_array_unref);

  G_OBJECT_CLASS (ties_selection_parent_class)->finalize (object);
}

static void
ties_selection_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TiesSelection *self = TIES_SELECTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_selection_class_init (TiesSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ties_selection_finalize;
  object_class->get_property = ties_selection_get_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       TIES_TYPE_SELECTION_KIND, TIES_SELECTION_NONE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Whatever changed; the getters say what is selected now. */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
ties_selection_init (TiesSelection *self)
{
  self->events = g_ptr_array_new_with_free_func (g_object_unref);
}

TiesSelection *
ties_selection_new (void)
{
  return g_object_new (TIES_TYPE_SELECTION, NULL);
}

TiesSelectionKind
ties_selection_get_kind (TiesSelection *self)
{
  g_return_val_if_fail (TIES_IS_SELECTION (self), TIES_SELECTION_NONE);

  return self->kind;
}

void
ties_selection_clear (TiesSelection *self)
{
  TiesSelectionKind old_kind;

  g_return_if_fail (TIES_IS_SELECTION (self));

  if (self->kind == TIES_SELECTION_NONE)
    return;

  old_kind = self->kind;
  ties_selection_reset (self);
  self->kind = TIES_SELECTION_NONE;
  ties_selection_emit (self, old_kind);
}

static gboolean
same_events (GPtrArray *a,
             GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    if (g_ptr_array_index (a, i) != g_ptr_array_index (b, i))
      return FALSE;

  return TRUE;
}

void
ties_selection_select_events (TiesSelection *self,
                              GPtrArray     *events)
{
  g_autoptr(GPtrArray) chosen = NULL;
  TiesSelectionKind old_kind;

  g_return_if_fail (TIES_IS_SELECTION (self));

  if (events == NULL || events->len == 0)
    {
      ties_selection_clear (self);
      return;
    }

  if (self->kind == TIES_SELECTION_EVENTS && same_events (self->events, events))
    return;

  chosen = g_ptr_array_new_with_free_func (g_object_unref);
  /* Taken before the old ones go: @events may hold no references. */
  for (guint i = 0; i < events->len; i++)
    {
      TiesEvent *event = g_ptr_array_index (events, i);

      g_return_if_fail (TIES_IS_EVENT (event));
      g_ptr_array_add (chosen, g_object_ref (event));
    }

  old_kind = self->kind;
  ties_selection_reset (self);
  g_ptr_array_extend_and_steal (self->events, g_steal_pointer (&chosen));
  self->kind = TIES_SELECTION_EVENTS;
  ties_selection_emit (self, old_kind);
}

void
ties_selection_select_event (TiesSelection *self,
                             TiesEvent     *event)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new ();

  g_return_if_fail (TIES_IS_SELECTION (self));
  g_return_if_fail (event == NULL || TIES_IS_EVENT (event));

  if (event != NULL)
    g_ptr_array_add (events, event);
  ties_selection_select_events (self, events);
}

void
ties_selection_select_actor (TiesSelection *self,
                             TiesActor     *actor)
{
  TiesSelectionKind old_kind;

  g_return_if_fail (TIES_IS_SELECTION (self));
  g_return_if_fail (actor == NULL || TIES_IS_ACTOR (actor));

  if (actor == NULL)
    {
      ties_selection_clear (self);
      return;
    }

  if (self->kind == TIES_SELECTION_ACTOR && self->actor == actor)
    return;

  old_kind = self->kind;
  g_object_ref (actor);
  ties_selection_reset (self);
  self->actor = actor;
  self->kind = TIES_SELECTION_ACTOR;
  ties_selection_emit (self, old_kind);
}

void
ties_selection_select_tie (TiesSelection *self,
                           const char    *actor_a,
                           const char    *actor_b)
{
  TiesSelectionKind old_kind;

  g_return_if_fail (TIES_IS_SELECTION (self));

  if (actor_a == NULL || actor_b == NULL)
    {
      ties_selection_clear (self);
      return;
    }

  /* Ordered as TiesTie orders its ends, so that either order is one tie. */
  if (strcmp (actor_a, actor_b) > 0)
    {
      const char *swap = actor_a;

      actor_a = actor_b;
      actor_b = swap;
    }

  if (self->kind == TIES_SELECTION_TIE
      && g_str_equal (self->tie_a, actor_a)
      && g_str_equal (self->tie_b, actor_b))
    return;

  old_kind = self->kind;
  /* The ids may be the ones about to be freed. */
  {
    char *a = g_strdup (actor_a);
    char *b = g_strdup (actor_b);

    ties_selection_reset (self);
    self->tie_a = a;
    self->tie_b = b;
  }
  self->kind = TIES_SELECTION_TIE;
  ties_selection_emit (self, old_kind);
}

void
ties_selection_select_source (TiesSelection *self,
                              TiesSource    *source)
{
  TiesSelectionKind old_kind;

  g_return_if_fail (TIES_IS_SELECTION (self));
  g_return_if_fail (source == NULL || TIES_IS_SOURCE (source));

  if (source == NULL)
    {
      ties_selection_clear (self);
      return;
    }

  if (self->kind == TIES_SELECTION_SOURCE && self->source == source)
    return;

  old_kind = self->kind;
  g_object_ref (source);
  ties_selection_reset (self);
  self->source = source;
  self->kind = TIES_SELECTION_SOURCE;
  ties_selection_emit (self, old_kind);
}

GPtrArray *
ties_selection_get_events (TiesSelection *self)
{
  g_return_val_if_fail (TIES_IS_SELECTION (self), NULL);

  return self->events;
}

TiesEvent *
ties_selection_get_event (TiesSelection *self)
{
  g_return_val_if_fail (TIES_IS_SELECTION (self), NULL);

  return self->events->len == 1 ? g_ptr_array_index (self->events, 0) : NULL;
}

gboolean
ties_selection_has_event (TiesSelection *self,
                          TiesEvent     *event)
{
  g_return_val_if_fail (TIES_IS_SELECTION (self), FALSE);

  return event != NULL && g_ptr_array_find (self->events, event, NULL);
}

TiesActor *
ties_selection_get_actor (TiesSelection *self)
{
  g_return_val_if_fail (TIES_IS_SELECTION (self), NULL);

  return self->actor;
}

gboolean
ties_selection_get_tie (TiesSelection  *self,
                        const char    **actor_a,
                        const char    **actor_b)
{
  g_return_val_if_fail (TIES_IS_SELECTION (self), FALSE);

  if (actor_a != NULL)
    *actor_a = self->tie_a;
  if (actor_b != NULL)
    *actor_b = self->tie_b;

  return self->kind == TIES_SELECTION_TIE;
}

TiesSource *
ties_selection_get_source (TiesSelection *self)
{
  g_return_val_if_fail (TIES_IS_SELECTION (self), NULL);

  return self->source;
}

void
ties_selection_forget_missing (TiesSelection *self,
                               TiesDocument  *document)
{
  g_autoptr(GPtrArray) kept = NULL;

  g_return_if_fail (TIES_IS_SELECTION (self));
  g_return_if_fail (TIES_IS_DOCUMENT (document));

  switch (self->kind)
    {
    case TIES_SELECTION_NONE:
      break;

    case TIES_SELECTION_EVENTS:
      kept = g_ptr_array_new ();
      for (guint i = 0; i < self->events->len; i++)
        {
          TiesEvent *event = g_ptr_array_index (self->events, i);

          if (ties_document_lookup_event (document, ties_event_get_id (event)) == event)
            g_ptr_array_add (kept, event);
        }
      if (kept->len != self->events->len)
        ties_selection_select_events (self, kept);
      break;

    case TIES_SELECTION_ACTOR:
      if (ties_document_lookup_actor (document, ties_actor_get_id (self->actor)) != self->actor)
        ties_selection_clear (self);
      break;

    case TIES_SELECTION_TIE:
      if (ties_document_lookup_actor (document, self->tie_a) == NULL
          || ties_document_lookup_actor (document, self->tie_b) == NULL)
        ties_selection_clear (self);
      break;

    case TIES_SELECTION_SOURCE:
      if (ties_document_lookup_source (document, ties_source_get_id (self->source)) != self->source)
        ties_selection_clear (self);
      break;

    default:
      g_assert_not_reached ();
    }
}
