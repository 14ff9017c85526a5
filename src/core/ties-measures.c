/* ties-measures.c: the network measures researchers cite
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The numbers a paper quotes must be the numbers the reader can check
 * with the tool they know: the centralities are networkx's, at its
 * defaults, to the last digit it prints (tests/check-measures.py compares
 * them). Betweenness is Brandes' algorithm (breadth first from every
 * actor), closeness the Wasserman–Faust form networkx uses for graphs in
 * pieces, eigenvector centrality networkx's power iteration on A + I
 * from a uniform start. Communities are Louvain's (Blondel et al. 2008):
 * each actor in turn moves to the neighbouring community that gains the
 * most modularity until none does, then communities become nodes and it
 * starts again. networkx visits actors in a random order; here they are
 * visited in document order, so that a document always shows the same
 * communities.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ties-measures.h"

typedef struct
{
  guint n;
  guint *off;        /* n + 1 */
  guint *adj;
  double *w;         /* events, for Louvain */
} Graph;

struct _TiesMeasures
{
  GHashTable *index;            /* actor id (borrowed from the strings) → index + 1 */
  GStrv ids;
  TiesActorMeasures *actors;
  guint n_communities;
  double modularity;
};

static void
graph_clear (Graph *g)
{
  g_clear_pointer (&g->off, g_free);
  g_clear_pointer (&g->adj, g_free);
  g_clear_pointer (&g->w, g_free);
}

/* Undirected: every edge stored from both ends. */
static void
graph_build (Graph        *g,
             guint         n,
             GArray       *ends,       /* guint pairs */
             GArray       *weights)    /* double, one per pair */
{
  g_autofree guint *fill = NULL;
  guint n_edges = weights->len;

  g->n = n;
  g->off = g_new0 (guint, n + 1);
  g->adj = g_new (guint, 2 * n_edges + 1);
  g->w = g_new (double, 2 * n_edges + 1);

  for (guint e = 0; e < n_edges; e++)
    {
      g->off[g_array_index (ends, guint, 2 * e) + 1]++;
      g->off[g_array_index (ends, guint, 2 * e + 1) + 1]++;
    }
  for (guint i = 0; i < n; i++)
    g->off[i + 1] += g->off[i];
  fill = g_memdup2 (g->off, sizeof (guint) * (n + 1));
  for (guint e = 0; e < n_edges; e++)
    {
      guint a = g_array_index (ends, guint, 2 * e);
      guint b = g_array_index (ends, guint, 2 * e + 1);
      double w = g_array_index (weights, double, e);

      g->adj[fill[a]] = b;
      g->w[fill[a]++] = w;
      g->adj[fill[b]] = a;
      g->w[fill[b]++] = w;
    }
}

/* Brandes, and closeness from the same breadth-first searches. */
static void
paths (const Graph       *g,
       TiesActorMeasures *out)
{
  guint n = g->n;
  g_autofree double *betweenness = g_new0 (double, n);
  g_autofree guint *dist = g_new (guint, n);
  g_autofree double *sigma = g_new (double, n);
  g_autofree double *delta = g_new (double, n);
  g_autofree guint *order = g_new (guint, n);

  for (guint s = 0; s < n; s++)
    {
      guint head = 0, tail = 0;
      guint64 total = 0;

      for (guint i = 0; i < n; i++)
        {
          dist[i] = G_MAXUINT;
          sigma[i] = 0;
          delta[i] = 0;
        }
      dist[s] = 0;
      sigma[s] = 1;
      order[tail++] = s;
      while (head < tail)
        {
          guint v = order[head++];

          total += dist[v];
          for (guint e = g->off[v]; e < g->off[v + 1]; e++)
            {
              guint u = g->adj[e];

              if (dist[u] == G_MAXUINT)
                {
                  dist[u] = dist[v] + 1;
                  order[tail++] = u;
                }
              if (dist[u] == dist[v] + 1)
                sigma[u] += sigma[v];
            }
        }

      /* Wasserman and Faust: scaled by the share of actors reached. */
      if (total > 0 && n > 1)
        out[s].closeness_centrality = ((double) (tail - 1) / total) * ((double) (tail - 1) / (n - 1));

      for (guint k = tail; k-- > 1;)
        {
          guint v = order[k];

          for (guint e = g->off[v]; e < g->off[v + 1]; e++)
            {
              guint u = g->adj[e];

              if (dist[u] + 1 == dist[v])
                delta[u] += sigma[u] / sigma[v] * (1 + delta[v]);
            }
          betweenness[v] += delta[v];
        }
    }

  for (guint i = 0; i < n; i++)
    out[i].betweenness_centrality = n > 2 ? betweenness[i] / ((double) (n - 1) * (n - 2)) : 0;
}

/* networkx's power iteration: x ← (A + I) x, normalised, from 1/n, to
 * the same tolerance. networkx gives up after 100 iterations; a graph in
 * pieces converges slowly (the sample takes about 300), so Ties goes on
 * to 1,000, as networkx does when asked to (max_iter). */
static void
eigenvector (const Graph       *g,
             TiesActorMeasures *out)
{
  const double tolerance = 1e-6;
  guint n = g->n;
  g_autofree double *x = g_new (double, n);
  g_autofree double *last = g_new (double, n);

  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    x[i] = 1.0 / n;

  for (guint iteration = 0; iteration < 1000; iteration++)
    {
      double norm = 0, change = 0;

      memcpy (last, x, sizeof (double) * n);
      for (guint v = 0; v < n; v++)
        for (guint e = g->off[v]; e < g->off[v + 1]; e++)
          x[g->adj[e]] += last[v];
      for (guint i = 0; i < n; i++)
        norm += x[i] * x[i];
      norm = norm > 0 ? sqrt (norm) : 1;
      for (guint i = 0; i < n; i++)
        {
          x[i] /= norm;
          change += fabs (x[i] - last[i]);
        }
      if (change < n * tolerance)
        break;
    }

  for (guint i = 0; i < n; i++)
    out[i].eigenvector_centrality = x[i];
}

/* A level of Louvain: nodes with a weight to themselves (the edges
 * inside the community a node stands for, each once). */
typedef struct
{
  guint n;
  GArray **links;      /* per node: pairs (neighbour as double, weight) */
  double *self;
} Level;

static void
level_free (Level *level)
{
  for (guint i = 0; i < level->n; i++)
    g_array_unref (level->links[i]);
  g_free (level->links);
  g_free (level->self);
}

typedef struct
{
  guint node;
  double weight;
} Link;

static void
level_add (Level  *level,
           guint   a,
           guint   b,
           double  weight)
{
  Link link = { b, weight };

  g_array_append_val (level->links[a], link);
}

/* One pass of moves; FALSE when no node moved. */
static gboolean
move_nodes (Level  *level,
            guint  *community,
            double  m2)
{
  guint n = level->n;
  g_autofree double *degree = g_new0 (double, n);
  g_autofree double *total = g_new0 (double, n);
  g_autofree double *to = g_new0 (double, n);
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean any = FALSE, moved = TRUE;

  for (guint i = 0; i < n; i++)
    {
      degree[i] = 2 * level->self[i];
      for (guint k = 0; k < level->links[i]->len; k++)
        degree[i] += g_array_index (level->links[i], Link, k).weight;
      total[community[i]] += degree[i];
    }

  while (moved)
    {
      moved = FALSE;
      for (guint i = 0; i < n; i++)
        {
          guint old = community[i], best = old;
          double best_gain;

          g_array_set_size (touched, 0);
          for (guint k = 0; k < level->links[i]->len; k++)
            {
              const Link *link = &g_array_index (level->links[i], Link, k);
              guint c = community[link->node];

              if (link->node == i)
                continue;
              if (to[c] == 0)
                g_array_append_val (touched, c);
              to[c] += link->weight;
            }

          total[old] -= degree[i];
          best_gain = to[old] - total[old] * degree[i] / m2;
          for (guint k = 0; k < touched->len; k++)
            {
              guint c = g_array_index (touched, guint, k);
              double gain = to[c] - total[c] * degree[i] / m2;

              if (gain > best_gain + 1e-12)
                {
                  best_gain = gain;
                  best = c;
                }
            }
          total[best] += degree[i];
          community[i] = best;
          if (best != old)
            moved = any = TRUE;

          for (guint k = 0; k < touched->len; k++)
            to[g_array_index (touched, guint, k)] = 0;
          to[old] = 0;
        }
    }

  return any;
}

static void
louvain (const Graph *g,
         guint       *membership,
         guint       *n_communities,
         double      *modularity)
{
  Level level = { 0 };
  double m2 = 0;
  guint n = g->n;

  for (guint i = 0; i < n; i++)
    membership[i] = i;
  *n_communities = n;
  *modularity = 0;

  for (guint e = 0; e < (n > 0 ? g->off[n] : 0); e++)
    m2 += g->w[e];
  if (n == 0 || m2 <= 0)
    return;

  level.n = n;
  level.links = g_new (GArray *, n);
  level.self = g_new0 (double, n);
  for (guint i = 0; i < n; i++)
    {
      level.links[i] = g_array_new (FALSE, FALSE, sizeof (Link));
      for (guint e = g->off[i]; e < g->off[i + 1]; e++)
        level_add (&level, i, g->adj[e], g->w[e]);
    }

  for (;;)
    {
      g_autofree guint *community = g_new (guint, level.n);
      g_autofree guint *renumber = g_new (guint, level.n);
      Level next = { 0 };
      guint count = 0;

      for (guint i = 0; i < level.n; i++)
        community[i] = i;
      if (!move_nodes (&level, community, m2))
        break;

      /* Communities numbered in the order of their first node. */
      for (guint i = 0; i < level.n; i++)
        renumber[i] = G_MAXUINT;
      for (guint i = 0; i < level.n; i++)
        if (renumber[community[i]] == G_MAXUINT)
          renumber[community[i]] = count++;
      for (guint v = 0; v < n; v++)
        membership[v] = renumber[community[membership[v]]];

      /* The next level: a node per community. */
      next.n = count;
      next.links = g_new (GArray *, count);
      next.self = g_new0 (double, count);
      for (guint c = 0; c < count; c++)
        next.links[c] = g_array_new (FALSE, FALSE, sizeof (Link));
      {
        g_autoptr(GHashTable) sums = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
        g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));

        for (guint i = 0; i < level.n; i++)
          {
            guint ci = renumber[community[i]];

            next.self[ci] += level.self[i];
            for (guint k = 0; k < level.links[i]->len; k++)
              {
                const Link *link = &g_array_index (level.links[i], Link, k);
                guint cj = renumber[community[link->node]];

                if (ci == cj)
                  next.self[ci] += link->weight / 2;
                else
                  {
                    gint64 key = (gint64) ci * count + cj;
                    double *sum = g_hash_table_lookup (sums, &key);

                    if (sum == NULL)
                      {
                        sum = g_new0 (double, 1);
                        g_hash_table_insert (sums, g_memdup2 (&key, sizeof key), sum);
                        g_array_append_val (keys, key);
                      }
                    *sum += link->weight;
                  }
              }
          }
        for (guint k = 0; k < keys->len; k++)
          {
            gint64 key = g_array_index (keys, gint64, k);

            level_add (&next, (guint) (key / count), (guint) (key % count),
                       *(double *) g_hash_table_lookup (sums, &key));
          }
      }

      level_free (&level);
      level = next;
      if (count == 1)
        break;
    }

  /* Modularity: Σ_c internal_c / m − (degree_c / 2m)². */
  {
    g_autofree double *internal = g_new0 (double, n);
    g_autofree double *degree = g_new0 (double, n);
    guint count = 0;

    for (guint v = 0; v < n; v++)
      {
        count = MAX (count, membership[v] + 1);
        for (guint e = g->off[v]; e < g->off[v + 1]; e++)
          {
            degree[membership[v]] += g->w[e];
            if (membership[g->adj[e]] == membership[v])
              internal[membership[v]] += g->w[e] / 2;
          }
      }
    for (guint c = 0; c < count; c++)
      *modularity += internal[c] / (m2 / 2) - (degree[c] / m2) * (degree[c] / m2);
    *n_communities = count;
  }

  level_free (&level);
}

TiesMeasures *
ties_measures_compute (TiesNetwork *network)
{
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) weights = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree guint *membership = NULL;
  TiesMeasures *self;
  GListModel *actors;
  GListModel *ties;
  Graph g = { 0 };
  guint n;

  g_return_val_if_fail (TIES_IS_NETWORK (network), NULL);

  actors = ties_document_get_actors (ties_network_get_document (network));
  n = g_list_model_get_n_items (actors);

  self = g_new0 (TiesMeasures, 1);
  self->ids = g_new0 (char *, n + 1);
  self->index = g_hash_table_new (g_str_hash, g_str_equal);
  self->actors = g_new0 (TiesActorMeasures, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiesActor) actor = g_list_model_get_item (actors, i);

      self->ids[i] = g_strdup (ties_actor_get_id (actor));
      g_hash_table_insert (self->index, self->ids[i], GUINT_TO_POINTER (i + 1));
    }

  ties = ties_network_get_ties (network);
  for (guint k = 0; k < g_list_model_get_n_items (ties); k++)
    {
      g_autoptr(TiesTie) tie = g_list_model_get_item (ties, k);
      guint a = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, ties_tie_get_actor_a (tie)));
      guint b = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, ties_tie_get_actor_b (tie)));
      double weight = ties_tie_get_weight (tie);

      /* A tie names two actors of the document, two different ones. */
      if (a == 0 || b == 0 || a == b)
        continue;
      a--;
      b--;
      g_array_append_val (ends, a);
      g_array_append_val (ends, b);
      g_array_append_val (weights, weight);
      self->actors[a].weighted_degree += ties_tie_get_weight (tie);
      self->actors[b].weighted_degree += ties_tie_get_weight (tie);
    }

  graph_build (&g, n, ends, weights);
  for (guint i = 0; i < n; i++)
    {
      self->actors[i].degree = g.off[i + 1] - g.off[i];
      self->actors[i].degree_centrality = n > 1 ? (double) self->actors[i].degree / (n - 1) : 1;
    }
  paths (&g, self->actors);
  eigenvector (&g, self->actors);

  membership = g_new (guint, MAX (n, 1));
  louvain (&g, membership, &self->n_communities, &self->modularity);
  for (guint i = 0; i < n; i++)
    self->actors[i].community = membership[i];

  graph_clear (&g);

  return self;
}

void
ties_measures_free (TiesMeasures *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->index);
  g_strfreev (self->ids);
  g_free (self->actors);
  g_free (self);
}

gboolean
ties_measures_lookup (TiesMeasures      *self,
                      const char        *actor_id,
                      TiesActorMeasures *measures)
{
  guint i;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (actor_id != NULL, FALSE);
  g_return_val_if_fail (measures != NULL, FALSE);

  i = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, actor_id));
  if (i == 0)
    return FALSE;

  *measures = self->actors[i - 1];
  return TRUE;
}

guint
ties_measures_get_n_communities (TiesMeasures *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_communities;
}

double
ties_measures_get_modularity (TiesMeasures *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->modularity;
}
