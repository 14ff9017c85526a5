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

/* Brandes, and closeness from the same breadth-first searches.
 *
 * A search from one actor counts each edge twice, forward and back, and
 * with 10,000 actors and 300,000 edge ends that is most of a minute. Two
 * things make it a second. Each level of the search goes the cheaper way
 * (Beamer's direction-optimising search): from the frontier out, or, once
 * most actors are reached, from the few actors left back to the frontier;
 * going back, each level's dependencies are likewise pushed down from the
 * level above or pulled up by the level below, whichever has fewer edge
 * ends. And the sources are split over the processors. The sums and loops
 * have no branch on the data where one can be avoided: in a graph of
 * people the test "one level further?" is a coin toss the processor
 * mispredicts. */
#define N_PARTS 16

typedef struct
{
  guint *dist;
  guint *order;          /* n + 1: a write past the last actor is harmless */
  guint *level_start;    /* n + 2 */
  guint64 *level_degree; /* n + 1 */
  guint *rest;           /* the actors not yet reached, for a search back */
  double *sigma;
  double *delta;
  double *coef;          /* (1 + delta) / sigma */
  double *sum;           /* pushes into an actor; garbage outside the level read */
  double *front;         /* zero but for the level being pulled from */
} Search;

static void
search_init (Search *search,
             guint   n)
{
  search->dist = g_new (guint, n + 1);
  search->order = g_new (guint, n + 1);
  search->level_start = g_new (guint, n + 2);
  search->level_degree = g_new (guint64, n + 1);
  search->rest = g_new (guint, n + 1);
  search->sigma = g_new (double, n + 1);
  search->delta = g_new (double, n + 1);
  search->coef = g_new (double, n + 1);
  search->sum = g_new (double, n + 1);
  search->front = g_new0 (double, n + 1);
}

static void
search_clear (Search *search)
{
  g_free (search->dist);
  g_free (search->order);
  g_free (search->level_start);
  g_free (search->level_degree);
  g_free (search->rest);
  g_free (search->sigma);
  g_free (search->delta);
  g_free (search->coef);
  g_free (search->sum);
  g_free (search->front);
}

/* Σ x[adj[e]] over an actor's edge ends, in four sums so that each
 * addition need not wait for the one before. */
static inline double
gather_sum (const double *x,
            const guint  *adj,
            guint         begin,
            guint         end)
{
  double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  guint e = begin;

  for (; e + 4 <= end; e += 4)
    {
      s0 += x[adj[e]];
      s1 += x[adj[e + 1]];
      s2 += x[adj[e + 2]];
      s3 += x[adj[e + 3]];
    }
  for (; e < end; e++)
    s0 += x[adj[e]];

  return (s0 + s1) + (s2 + s3);
}

static void
search_from (const Graph       *g,
             Search            *search,
             guint              s,
             double            *betweenness,
             TiesActorMeasures *out)
{
  const guint *off = g->off;
  const guint *adj = g->adj;
  guint n = g->n;
  guint *dist = search->dist;
  guint *order = search->order;
  guint *level_start = search->level_start;
  guint64 *level_degree = search->level_degree;
  double *sigma = search->sigma;
  double *sum = search->sum;
  double *front = search->front;
  guint64 all_degree = off[n];
  guint64 reached_degree, total = 0;
  guint tail = 1, n_rest = 0, depth = 0;
  gboolean have_rest = FALSE;

  for (guint i = 0; i < n; i++)
    {
      dist[i] = G_MAXUINT;
      sum[i] = 0;
    }
  dist[s] = 0;
  sigma[s] = 1;
  order[0] = s;
  level_start[0] = 0;
  level_start[1] = 1;
  level_degree[0] = reached_degree = off[s + 1] - off[s];

  for (;;)
    {
      guint first = level_start[depth], end = level_start[depth + 1];
      guint next = depth + 1;
      guint64 degree = 0;

      if (first == end)
        break;

      if (level_degree[depth] <= all_degree - reached_degree)
        {
          /* Out from the frontier: every neighbour gets the frontier's
           * paths; only the ones first reached now keep them. */
          for (guint k = first; k < end; k++)
            {
              guint v = order[k];
              double sv = sigma[v];

              for (guint e = off[v]; e < off[v + 1]; e++)
                {
                  guint u = adj[e];
                  guint du = dist[u];
                  gboolean fresh = du == G_MAXUINT;

                  order[tail] = u;
                  tail += fresh;
                  dist[u] = fresh ? next : du;
                  sum[u] += sv;
                }
            }
          for (guint k = end; k < tail; k++)
            sigma[order[k]] = sum[order[k]];
        }
      else
        {
          /* Back from the actors not yet reached: the paths into each
           * are the frontier's among its neighbours. */
          guint kept = 0;

          if (!have_rest)
            {
              for (guint i = 0; i < n; i++)
                if (dist[i] == G_MAXUINT)
                  search->rest[n_rest++] = i;
              have_rest = TRUE;
            }
          for (guint k = first; k < end; k++)
            front[order[k]] = sigma[order[k]];
          for (guint r = 0; r < n_rest; r++)
            {
              guint u = search->rest[r];
              double su;

              if (dist[u] != G_MAXUINT)
                continue;
              su = gather_sum (front, adj, off[u], off[u + 1]);
              if (su > 0)
                {
                  dist[u] = next;
                  sigma[u] = su;
                  order[tail++] = u;
                }
              else
                search->rest[kept++] = u;
            }
          n_rest = kept;
          for (guint k = first; k < end; k++)
            front[order[k]] = 0;
        }

      for (guint k = end; k < tail; k++)
        degree += off[order[k] + 1] - off[order[k]];
      level_start[next + 1] = tail;
      level_degree[next] = degree;
      reached_degree += degree;
      total += (guint64) next * (tail - end);
      depth = next;
    }

  /* Wasserman and Faust: scaled by the share of actors reached. */
  if (total > 0 && n > 1)
    out[s].closeness_centrality = ((double) (tail - 1) / total) * ((double) (tail - 1) / (n - 1));

  /* depth is now the first empty level; the deepest depends on no one. */
  if (depth < 2)
    return;
  for (guint k = level_start[depth - 1]; k < level_start[depth]; k++)
    {
      guint v = order[k];

      search->delta[v] = 0;
      search->coef[v] = 1 / sigma[v];
    }
  for (guint level = depth - 2; level >= 1; level--)
    {
      guint first = level_start[level], end = level_start[level + 1];
      guint upper_end = level_start[level + 2];

      if (level_degree[level] <= level_degree[level + 1])
        {
          /* Each actor pulls from the level below it. */
          for (guint k = end; k < upper_end; k++)
            front[order[k]] = search->coef[order[k]];
          for (guint k = first; k < end; k++)
            {
              guint v = order[k];

              search->delta[v] = sigma[v] * gather_sum (front, adj, off[v], off[v + 1]);
            }
          for (guint k = end; k < upper_end; k++)
            front[order[k]] = 0;
        }
      else
        {
          /* The level below pushes to all its neighbours; only this
           * level's sums are read. */
          for (guint k = first; k < end; k++)
            sum[order[k]] = 0;
          for (guint k = end; k < upper_end; k++)
            {
              guint w = order[k];
              double cw = search->coef[w];

              for (guint e = off[w]; e < off[w + 1]; e++)
                sum[adj[e]] += cw;
            }
          for (guint k = first; k < end; k++)
            search->delta[order[k]] = sigma[order[k]] * sum[order[k]];
        }

      for (guint k = first; k < end; k++)
        {
          guint v = order[k];

          search->coef[v] = (1 + search->delta[v]) / sigma[v];
          betweenness[v] += search->delta[v];
        }
    }
}

typedef struct
{
  const Graph *g;
  TiesActorMeasures *out;
  double *parts[N_PARTS];  /* each part's betweenness sums */
  gint next_part;
} Paths;

/* Parts are taken in turn by however many threads there are; each has
 * its own sums, added in part order at the end, so the figures do not
 * depend on the processors or on which thread ran which part. */
static gpointer
paths_worker (gpointer data)
{
  Paths *paths = data;
  guint n = paths->g->n;
  Search search;
  gint part;

  search_init (&search, n);
  while ((part = g_atomic_int_add (&paths->next_part, 1)) < N_PARTS)
    {
      guint first = (guint) ((guint64) n * part / N_PARTS);
      guint last = (guint) ((guint64) n * (part + 1) / N_PARTS);

      paths->parts[part] = g_new0 (double, MAX (n, 1));
      for (guint s = first; s < last; s++)
        search_from (paths->g, &search, s, paths->parts[part], paths->out);
    }
  search_clear (&search);

  return NULL;
}

static void
paths (const Graph       *g,
       TiesActorMeasures *out)
{
  Paths paths = { g, out, { NULL }, 0 };
  GThread *threads[N_PARTS];
  guint n = g->n;
  guint n_threads = 1;

  /* Below a few hundred actors a thread costs more than it saves. */
  if (n >= 500)
    n_threads = CLAMP (g_get_num_processors (), 1, N_PARTS);
  for (guint t = 1; t < n_threads; t++)
    threads[t] = g_thread_new ("ties-measures", paths_worker, &paths);
  paths_worker (&paths);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);

  for (guint i = 0; i < n; i++)
    {
      double betweenness = 0;

      for (guint part = 0; part < N_PARTS; part++)
        betweenness += paths.parts[part][i];
      out[i].betweenness_centrality = n > 2 ? betweenness / ((double) (n - 1) * (n - 2)) : 0;
    }
  for (guint part = 0; part < N_PARTS; part++)
    g_free (paths.parts[part]);
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

/* What the measures are worked out from, taken from the network on its
 * thread; the rest may run on any. */
typedef struct
{
  TiesMeasures *measures;
  guint n;
  GArray *ends;
  GArray *weights;
} Input;

static void
input_free (Input *input)
{
  g_clear_pointer (&input->measures, ties_measures_free);
  g_clear_pointer (&input->ends, g_array_unref);
  g_clear_pointer (&input->weights, g_array_unref);
  g_free (input);
}

static Input *
input_new (TiesNetwork *network)
{
  Input *input = g_new0 (Input, 1);
  TiesMeasures *self;
  GArray *ends, *weights;
  GListModel *actors;
  GListModel *ties;
  guint n;

  actors = G_LIST_MODEL (ties_document_get_actors (ties_network_get_document (network)));
  n = g_list_model_get_n_items (actors);

  input->n = n;
  input->ends = ends = g_array_new (FALSE, FALSE, sizeof (guint));
  input->weights = weights = g_array_new (FALSE, FALSE, sizeof (double));
  input->measures = self = g_new0 (TiesMeasures, 1);
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

  return input;
}

static TiesMeasures *
input_compute (Input *input)
{
  TiesMeasures *self = g_steal_pointer (&input->measures);
  g_autofree guint *membership = NULL;
  Graph g = { 0 };
  guint n = input->n;

  graph_build (&g, n, input->ends, input->weights);
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

TiesMeasures *
ties_measures_compute (TiesNetwork *network)
{
  Input *input;
  TiesMeasures *self;

  g_return_val_if_fail (TIES_IS_NETWORK (network), NULL);

  input = input_new (network);
  self = input_compute (input);
  input_free (input);

  return self;
}

static void
compute_in_thread (GTask        *task,
                   gpointer      source_object G_GNUC_UNUSED,
                   gpointer      task_data,
                   GCancellable *cancellable G_GNUC_UNUSED)
{
  g_task_return_pointer (task, input_compute (task_data), (GDestroyNotify) ties_measures_free);
}

void
ties_measures_compute_async (TiesNetwork         *network,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TIES_IS_NETWORK (network));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (network, cancellable, callback, user_data);
  g_task_set_source_tag (task, ties_measures_compute_async);
  /* A result that came too late is not wanted: the network moved on. */
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, input_new (network), (GDestroyNotify) input_free);
  g_task_run_in_thread (task, compute_in_thread);
}

TiesMeasures *
ties_measures_compute_finish (TiesNetwork   *network,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, network), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
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
