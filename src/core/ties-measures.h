/* ties-measures.h: the network measures researchers cite
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ties-network.h"

G_BEGIN_DECLS

/* One actor's measures, over the network's ties taken as an undirected,
 * unweighted graph of every actor of the document (as networkx computes
 * them at its defaults: degree_centrality, betweenness_centrality,
 * closeness_centrality and eigenvector_centrality, all normalised), the
 * weighted degree (events with others), and the community Louvain
 * modularity puts the actor in (weighted by events; numbered from 0 in the
 * order of the community's first actor). */
typedef struct
{
  guint  degree;
  guint  weighted_degree;
  double degree_centrality;
  double betweenness_centrality;
  double closeness_centrality;
  double eigenvector_centrality;
  guint  community;
} TiesActorMeasures;

typedef struct _TiesMeasures TiesMeasures;

/* Deterministic for a given document and filter; O(n m) for betweenness
 * and closeness. */
TiesMeasures *ties_measures_compute          (TiesNetwork       *network);
/* The same, worked out in a thread from what the network holds when
 * called: the network may change meanwhile. Cancelled, it finishes at
 * once with G_IO_ERROR_CANCELLED. */
void          ties_measures_compute_async    (TiesNetwork         *network,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
TiesMeasures *ties_measures_compute_finish   (TiesNetwork         *network,
                                              GAsyncResult        *result,
                                              GError             **error);
void          ties_measures_free             (TiesMeasures      *self);
/* FALSE for an id that is not an actor of the document. */
gboolean      ties_measures_lookup           (TiesMeasures      *self,
                                              const char        *actor_id,
                                              TiesActorMeasures *measures);
guint         ties_measures_get_n_communities (TiesMeasures     *self);
/* The modularity of the communities found (weighted by events). */
double        ties_measures_get_modularity   (TiesMeasures      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiesMeasures, ties_measures_free)

G_END_DECLS
