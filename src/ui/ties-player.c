/* ties-player.c: plays a document through time, a month at a time
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ties-player.h"

#define DEFAULT_PACE 1.0
#define MIN_PACE 0.1
#define MAX_PACE 10.0
#define DEFAULT_RECENT_MONTHS 3
#define MAX_RECENT_MONTHS 120

struct _TiesPlayer
{
  GObject parent_instance;

  TiesNetwork *network;
  double pace;
  guint recent_months;

  /* Months as year * 12 + month - 1; month_now < 0: no step. */
  gint64 month_now;
  TiesDate *as_of;
  TiesDate *recent_from;
  guint timeout;
};

G_DEFINE_FINAL_TYPE (TiesPlayer, ties_player, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NETWORK,
  PROP_PLAYING,
  PROP_PACE,
  PROP_RECENT_MONTHS,
  PROP_AS_OF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_month (TiesPlayer *self,
           gint64      month)
{
  self->month_now = month;
  g_clear_pointer (&self->as_of, ties_date_unref);
  g_clear_pointer (&self->recent_from, ties_date_unref);
  if (month >= 0)
    {
      self->as_of = ties_date_new_month ((int) month);
      self->recent_from = ties_date_new_month ((int) (month - (gint64) self->recent_months + 1));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_OF]);
}

static gboolean
on_tick (gpointer data)
{
  TiesPlayer *self = data;

  if (ties_player_step (self))
    return G_SOURCE_CONTINUE;

  /* The last month stays drawn: the end of the story. */
  self->timeout = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);

  return G_SOURCE_REMOVE;
}

static void
restart_timeout (TiesPlayer *self)
{
  g_clear_handle_id (&self->timeout, g_source_remove);
  self->timeout = g_timeout_add ((guint) (self->pace * 1000), on_tick, self);
}

static void
ties_player_dispose (GObject *object)
{
  TiesPlayer *self = TIES_PLAYER (object);

  g_clear_handle_id (&self->timeout, g_source_remove);
  g_clear_object (&self->network);

  G_OBJECT_CLASS (ties_player_parent_class)->dispose (object);
}

static void
ties_player_finalize (GObject *object)
{
  TiesPlayer *self = TIES_PLAYER (object);

  g_clear_pointer (&self->as_of, ties_date_unref);
  g_clear_pointer (&self->recent_from, ties_date_unref);

  G_OBJECT_CLASS (ties_player_parent_class)->finalize (object);
}

static void
ties_player_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TiesPlayer *self = TIES_PLAYER (object);

  switch (prop_id)
    {
    case PROP_NETWORK:
      g_value_set_object (value, self->network);
      break;
    case PROP_PLAYING:
      g_value_set_boolean (value, ties_player_get_playing (self));
      break;
    case PROP_PACE:
      g_value_set_double (value, self->pace);
      break;
    case PROP_RECENT_MONTHS:
      g_value_set_uint (value, self->recent_months);
      break;
    case PROP_AS_OF:
      g_value_set_boxed (value, self->as_of);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_player_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TiesPlayer *self = TIES_PLAYER (object);

  switch (prop_id)
    {
    case PROP_NETWORK:
      ties_player_set_network (self, g_value_get_object (value));
      break;
    case PROP_PLAYING:
      ties_player_set_playing (self, g_value_get_boolean (value));
      break;
    case PROP_PACE:
      ties_player_set_pace (self, g_value_get_double (value));
      break;
    case PROP_RECENT_MONTHS:
      ties_player_set_recent_months (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_player_class_init (TiesPlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ties_player_dispose;
  object_class->finalize = ties_player_finalize;
  object_class->get_property = ties_player_get_property;
  object_class->set_property = ties_player_set_property;

  properties[PROP_NETWORK] =
    g_param_spec_object ("network", NULL, NULL, TIES_TYPE_NETWORK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PACE] =
    g_param_spec_double ("pace", NULL, NULL, MIN_PACE, MAX_PACE, DEFAULT_PACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECENT_MONTHS] =
    g_param_spec_uint ("recent-months", NULL, NULL, 1, MAX_RECENT_MONTHS, DEFAULT_RECENT_MONTHS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AS_OF] =
    g_param_spec_boxed ("as-of", NULL, NULL, TIES_TYPE_DATE,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ties_player_init (TiesPlayer *self)
{
  self->pace = DEFAULT_PACE;
  self->recent_months = DEFAULT_RECENT_MONTHS;
  self->month_now = -1;
}

TiesPlayer *
ties_player_new (void)
{
  return g_object_new (TIES_TYPE_PLAYER, NULL);
}

TiesNetwork *
ties_player_get_network (TiesPlayer *self)
{
  g_return_val_if_fail (TIES_IS_PLAYER (self), NULL);

  return self->network;
}

void
ties_player_set_network (TiesPlayer  *self,
                         TiesNetwork *network)
{
  g_return_if_fail (TIES_IS_PLAYER (self));
  g_return_if_fail (network == NULL || TIES_IS_NETWORK (network));

  if (!g_set_object (&self->network, network))
    return;
  /* Another document: its story starts again. */
  ties_player_stop (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NETWORK]);
}

gboolean
ties_player_get_playing (TiesPlayer *self)
{
  g_return_val_if_fail (TIES_IS_PLAYER (self), FALSE);

  return self->timeout != 0;
}

void
ties_player_set_playing (TiesPlayer *self,
                         gboolean    playing)
{
  int first, last;

  g_return_if_fail (TIES_IS_PLAYER (self));

  if (playing == ties_player_get_playing (self))
    return;
  if (!playing)
    g_clear_handle_id (&self->timeout, g_source_remove);
  else
    {
      if (self->network == NULL || !ties_network_get_month_span (self->network, &first, &last))
        return;
      /* From the start again once the end was reached. */
      if (self->month_now < first || self->month_now >= last)
        set_month (self, first);
      restart_timeout (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

double
ties_player_get_pace (TiesPlayer *self)
{
  g_return_val_if_fail (TIES_IS_PLAYER (self), DEFAULT_PACE);

  return self->pace;
}

void
ties_player_set_pace (TiesPlayer *self,
                      double      seconds)
{
  g_return_if_fail (TIES_IS_PLAYER (self));

  seconds = CLAMP (seconds, MIN_PACE, MAX_PACE);
  if (seconds == self->pace)
    return;
  self->pace = seconds;
  if (self->timeout != 0)
    restart_timeout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACE]);
}

guint
ties_player_get_recent_months (TiesPlayer *self)
{
  g_return_val_if_fail (TIES_IS_PLAYER (self), DEFAULT_RECENT_MONTHS);

  return self->recent_months;
}

void
ties_player_set_recent_months (TiesPlayer *self,
                               guint       months)
{
  g_return_if_fail (TIES_IS_PLAYER (self));

  months = CLAMP (months, 1, MAX_RECENT_MONTHS);
  if (months == self->recent_months)
    return;
  self->recent_months = months;
  if (self->month_now >= 0)
    set_month (self, self->month_now);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECENT_MONTHS]);
}

TiesDate *
ties_player_get_as_of (TiesPlayer *self)
{
  g_return_val_if_fail (TIES_IS_PLAYER (self), NULL);

  return self->as_of;
}

TiesDate *
ties_player_get_recent_from (TiesPlayer *self)
{
  g_return_val_if_fail (TIES_IS_PLAYER (self), NULL);

  return self->recent_from;
}

gboolean
ties_player_step (TiesPlayer *self)
{
  int first, last;

  g_return_val_if_fail (TIES_IS_PLAYER (self), FALSE);

  if (self->network == NULL || !ties_network_get_month_span (self->network, &first, &last))
    return FALSE;
  if (self->month_now < 0 || self->month_now < first)
    {
      set_month (self, first);
      return TRUE;
    }
  if (self->month_now >= last)
    return FALSE;
  set_month (self, self->month_now + 1);

  return TRUE;
}

void
ties_player_stop (TiesPlayer *self)
{
  g_return_if_fail (TIES_IS_PLAYER (self));

  if (self->timeout != 0)
    {
      g_clear_handle_id (&self->timeout, g_source_remove);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
    }
  if (self->month_now >= 0)
    set_month (self, -1);
}
