/* ties-window-measures.c: the network's measures, worked out as it
 * changes, for the Actors view's columns and the diagram's colours by
 * community
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Betweenness and closeness take a breadth-first search from every actor:
 * a moment for the sample, seconds for ten thousand actors. So they are
 * worked out in a thread, once edits pause, and only while someone looks
 * at them (the Actors view shown with its Measures, or the diagram
 * coloured by community);
 * a small network is done at once, so that its numbers and colours never
 * show stale.
 */
#include "config.h"

#include <adwaita.h>

#include "ties-export.h"
#include "ties-window-private.h"

/* At most this many actors are measured without a thread. */
#define MEASURE_AT_ONCE_MAX_ACTORS 300
/* Edits this close together are measured once. */
#define MEASURE_DELAY_MS 300

static gboolean
by_community (TiesWindow *self)
{
  return self->document != NULL && g_strcmp0 (ties_document_get_colors (self->document), "community") == 0;
}

static gboolean
measures_wanted (TiesWindow *self)
{
  return by_community (self)
         || (gtk_widget_get_mapped (GTK_WIDGET (self->actors_view))
             && ties_actors_view_get_show_measures (self->actors_view));
}

/* The measures go to the Actors view, which keeps them; their
 * communities to the diagram, when it is coloured by them. */
static void
show_measures (TiesWindow   *self,
               TiesMeasures *measures)
{
  g_autoptr(GHashTable) communities = NULL;

  g_assert (TIES_IS_WINDOW (self));

  self->measures_stale = FALSE;
  if (measures != NULL && by_community (self))
    communities = ties_export_dup_communities (measures, self->document);
  ties_diagram_view_set_communities (self->diagram_view, communities);
  ties_actors_view_set_measures (self->actors_view, measures);
}

static void
on_measures_done (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TiesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  TiesMeasures *measures;

  measures = ties_measures_compute_finish (TIES_NETWORK (object), result, &error);
  if (measures == NULL)
    /* Cancelled: a newer network is being measured, or the window went. */
    return;

  /* Measured from a network this window no longer shows. */
  if (TIES_NETWORK (object) != self->network)
    {
      ties_measures_free (measures);
      return;
    }

  g_clear_object (&self->measures_cancellable);
  show_measures (self, measures);
}

static void
measure_now (TiesWindow *self)
{
  guint n_actors;

  g_assert (TIES_IS_WINDOW (self));

  g_clear_handle_id (&self->measures_source, g_source_remove);
  g_cancellable_cancel (self->measures_cancellable);
  g_clear_object (&self->measures_cancellable);

  if (self->network == NULL)
    return;

  n_actors = g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_actors (self->document)));
  if (n_actors <= MEASURE_AT_ONCE_MAX_ACTORS)
    {
      show_measures (self, ties_measures_compute (self->network));
      return;
    }

  self->measures_cancellable = g_cancellable_new ();
  ties_measures_compute_async (self->network, self->measures_cancellable,
                               on_measures_done, g_object_ref (self));
}

static gboolean
measure_later_cb (gpointer user_data)
{
  TiesWindow *self = user_data;

  self->measures_source = 0;
  measure_now (self);

  return G_SOURCE_REMOVE;
}

/* The measures follow the network when someone looks at them; otherwise
 * they are marked stale and worked out when the Actors view is shown. */
static void
on_network_changed (TiesWindow *self)
{
  guint n_actors;

  g_assert (TIES_IS_WINDOW (self));

  self->measures_stale = TRUE;
  if (!measures_wanted (self))
    return;

  n_actors = g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_actors (self->document)));
  if (n_actors <= MEASURE_AT_ONCE_MAX_ACTORS)
    measure_now (self);
  else if (self->measures_source == 0)
    self->measures_source = g_timeout_add (MEASURE_DELAY_MS, measure_later_cb, self);
}

/* The Actors view shown, or its measures' columns. */
static void
on_actors_view_shown (TiesWindow *self)
{
  g_assert (TIES_IS_WINDOW (self));

  if (measures_wanted (self) && self->measures_stale && self->measures_source == 0 && self->measures_cancellable == NULL)
    measure_now (self);
}

/* Colours by community need the communities; by affiliation, none. */
static void
on_colors_changed (TiesWindow *self)
{
  g_assert (TIES_IS_WINDOW (self));

  if (!by_community (self))
    ties_diagram_view_set_communities (self->diagram_view, NULL);
  else if (self->measures_stale || ties_actors_view_get_measures (self->actors_view) == NULL)
    measure_now (self);
  else
    {
      g_autoptr(GHashTable) communities =
        ties_export_dup_communities (ties_actors_view_get_measures (self->actors_view), self->document);

      ties_diagram_view_set_communities (self->diagram_view, communities);
    }
}

void
_ties_window_measures_init (TiesWindow *self)
{
  g_assert (TIES_IS_WINDOW (self));

  g_signal_connect_object (self->actors_view, "map", G_CALLBACK (on_actors_view_shown), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->actors_view, "notify::show-measures", G_CALLBACK (on_actors_view_shown), self,
                           G_CONNECT_SWAPPED);
}

void
_ties_window_measures_follow (TiesWindow *self)
{
  g_assert (TIES_IS_WINDOW (self));
  g_assert (TIES_IS_NETWORK (self->network));

  g_signal_connect_object (self->network, "changed", G_CALLBACK (on_network_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::colors", G_CALLBACK (on_colors_changed), self, G_CONNECT_SWAPPED);

  /* Nothing of the last document's measures is shown for this one. */
  g_cancellable_cancel (self->measures_cancellable);
  g_clear_object (&self->measures_cancellable);
  g_clear_handle_id (&self->measures_source, g_source_remove);
  ties_actors_view_set_measures (self->actors_view, NULL);
  ties_diagram_view_set_communities (self->diagram_view, NULL);
  self->measures_stale = TRUE;
  if (measures_wanted (self))
    measure_now (self);
}

void
_ties_window_measures_dispose (TiesWindow *self)
{
  g_assert (TIES_IS_WINDOW (self));

  g_clear_handle_id (&self->measures_source, g_source_remove);
  g_cancellable_cancel (self->measures_cancellable);
  g_clear_object (&self->measures_cancellable);
}
