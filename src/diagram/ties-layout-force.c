/* ties-layout-force.c: the force-directed layout
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Force: the multilevel spring-electrical scheme of Hu (2005), which is
 * also what Graphviz's sfdp does: coarsen the graph by matching
 * neighbours, lay out the coarsest graph, then interpolate to each finer
 * graph and refine it with Barnes–Hut repulsion and an adaptive step.
 * Each connected component is laid out alone, and the components are
 * packed on shelves instead of being flung apart by repulsion.
 *
 * The quadtree is in ties-layout-quadtree.c, overlap removal in
 * ties-layout-overlap.c.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "ties-layout-private.h"

/* Repulsion strength of the spring-electrical model (Hu's C). */
#define FORCE_C 0.2
/* Step decay of the adaptive cooling. */
#define FORCE_T 0.9

/* Pseudo-random numbers: splitmix64, seeded from the graph's size only. */

typedef struct
{
  guint64 state;
} Rng;

static guint64
rng_next (Rng *rng)
{
  guint64 z;

  g_assert (rng != NULL);

  z = (rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* In [0, 1). */
static double
rng_double (Rng *rng)
{
  g_assert (rng != NULL);

  return (rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

/* Spring-electrical refinement with Hu's adaptive step, or, when @decay
 * is positive, a step that only shrinks by @decay each iteration (so no
 * node can travel more than step / (1 - decay)). Returns the iterations
 * used. */
static guint
force_refine (const Csr      *g,
              double         *x,
              double         *y,
              const gboolean *fixed,
              double          k,
              double          step,
              guint           max_iterations,
              double          tolerance,
              double          decay)
{
  QuadTree tree = { 0 };
  double energy = G_MAXDOUBLE;
  guint progress = 0;
  guint iteration;
  guint n_free = 0;

  g_assert (g != NULL);
  g_assert (x != NULL && y != NULL);

  for (guint i = 0; i < g->n; i++)
    if (fixed == NULL || !fixed[i])
      n_free++;
  if (n_free == 0 || g->n < 2)
    return 0;

  for (iteration = 0; iteration < max_iterations; iteration++)
    {
      double energy0 = energy;
      double moved = 0;

      energy = 0;
      _ties_layout_quad_build (&tree, g->n, x, y);

      for (guint i = 0; i < g->n; i++)
        {
          double fx = 0, fy = 0, f;

          if (fixed != NULL && fixed[i])
            continue;

          _ties_layout_quad_repulsion (&tree, i, x[i], y[i], FORCE_C * k * k, &fx, &fy);
          for (guint e = g->off[i]; e < g->off[i + 1]; e++)
            {
              guint j = g->adj[e];
              double dx = x[i] - x[j];
              double dy = y[i] - y[j];
              double d = sqrt (dx * dx + dy * dy);

              fx -= g->w[e] * dx * d / k;
              fy -= g->w[e] * dy * d / k;
            }

          f = sqrt (fx * fx + fy * fy);
          if (f > 0)
            {
              x[i] += step * fx / f;
              y[i] += step * fy / f;
              moved += step;
            }
          energy += f * f;
        }

      if (decay > 0)
        step *= decay;
      else if (energy < energy0)
        {
          if (++progress >= 5)
            {
              progress = 0;
              step /= FORCE_T;
            }
        }
      else
        {
          progress = 0;
          step *= FORCE_T;
        }

      if (moved / n_free < tolerance * k)
        break;
    }

  g_free (tree.cells);
  return iteration;
}

/* Coarsening by matching: each node pairs with its unmatched neighbour of
 * heaviest tie per mass, and a node left alone joins its lightest
 * neighbouring group, so stars (common in social networks) shrink too.
 * Returns the number of coarse nodes; @parent maps fine to coarse. */
static guint
coarsen (const Csr    *g,
         const double *mass,
         Rng          *rng,
         guint        *parent,
         double       *coarse_mass)
{
  g_autofree guint *order = g_new (guint, g->n);
  g_autofree guint *group_size = NULL;
  guint n_coarse = 0;

  g_assert (g != NULL && mass != NULL && rng != NULL);
  g_assert (parent != NULL && coarse_mass != NULL);

  for (guint i = 0; i < g->n; i++)
    {
      order[i] = i;
      parent[i] = G_MAXUINT;
    }
  for (guint i = g->n; i > 1; i--)
    {
      guint j = (guint) (rng_next (rng) % i);
      guint t = order[i - 1];

      order[i - 1] = order[j];
      order[j] = t;
    }

  for (guint o = 0; o < g->n; o++)
    {
      guint i = order[o];
      gint best = -1;
      double best_score = 0;

      if (parent[i] != G_MAXUINT)
        continue;

      for (guint e = g->off[i]; e < g->off[i + 1]; e++)
        {
          guint j = g->adj[e];
          double score;

          if (parent[j] != G_MAXUINT || j == i)
            continue;
          score = g->w[e] / (mass[i] * mass[j]);
          if (best < 0 || score > best_score)
            {
              best = (gint) j;
              best_score = score;
            }
        }

      if (best >= 0)
        {
          parent[i] = parent[best] = n_coarse;
          coarse_mass[n_coarse++] = mass[i] + mass[best];
        }
    }

  group_size = g_new0 (guint, g->n);
  for (guint c = 0; c < n_coarse; c++)
    group_size[c] = 2;

  for (guint o = 0; o < g->n; o++)
    {
      guint i = order[o];
      guint best = G_MAXUINT;

      if (parent[i] != G_MAXUINT)
        continue;

      for (guint e = g->off[i]; e < g->off[i + 1]; e++)
        {
          guint p = parent[g->adj[e]];

          if (p == G_MAXUINT || group_size[p] >= 4)
            continue;
          if (best == G_MAXUINT || coarse_mass[p] < coarse_mass[best])
            best = p;
        }

      if (best == G_MAXUINT)
        {
          best = n_coarse++;
          coarse_mass[best] = 0;
        }
      parent[i] = best;
      coarse_mass[best] += mass[i];
      group_size[best]++;
    }

  return n_coarse;
}

/* The graph of the groups: parallel edges merged, strengths summed. */
static void
coarse_graph (const Csr   *g,
              const guint *parent,
              guint        n_coarse,
              Csr         *coarse)
{
  g_autofree guint *member_off = g_new0 (guint, n_coarse + 1);
  g_autofree guint *members = g_new (guint, g->n);
  g_autofree guint *fill = NULL;
  g_autofree gint *slot = g_new (gint, n_coarse);
  g_autoptr(GArray) adj = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) w = g_array_new (FALSE, FALSE, sizeof (double));

  g_assert (g != NULL && parent != NULL && coarse != NULL);

  for (guint i = 0; i < g->n; i++)
    member_off[parent[i] + 1]++;
  for (guint c = 0; c < n_coarse; c++)
    member_off[c + 1] += member_off[c];
  fill = g_memdup2 (member_off, sizeof (guint) * n_coarse);
  for (guint i = 0; i < g->n; i++)
    members[fill[parent[i]]++] = i;

  for (guint c = 0; c < n_coarse; c++)
    slot[c] = -1;

  coarse->n = n_coarse;
  coarse->off = g_new0 (guint, n_coarse + 1);
  for (guint c = 0; c < n_coarse; c++)
    {
      guint start = adj->len;

      for (guint m = member_off[c]; m < member_off[c + 1]; m++)
        {
          guint i = members[m];

          for (guint e = g->off[i]; e < g->off[i + 1]; e++)
            {
              guint p = parent[g->adj[e]];

              if (p == c)
                continue;
              if (slot[p] < 0)
                {
                  slot[p] = (gint) adj->len;
                  g_array_append_val (adj, p);
                  g_array_append_val (w, g->w[e]);
                }
              else
                g_array_index (w, double, slot[p]) += g->w[e];
            }
        }

      for (guint e = start; e < adj->len; e++)
        slot[g_array_index (adj, guint, e)] = -1;
      coarse->off[c + 1] = adj->len;
    }

  coarse->adj = (guint *) g_array_free (g_steal_pointer (&adj), FALSE);
  coarse->w = (double *) g_array_free (g_steal_pointer (&w), FALSE);
}

/* Multilevel layout of one connected graph, in units where K = 1. */
static void
force_multilevel (const Csr *g,
                  double    *x,
                  double    *y,
                  Rng       *rng,
                  guint      max_iterations)
{
  g_autoptr(GPtrArray) graphs = g_ptr_array_new ();
  g_autoptr(GPtrArray) parents = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *mass = g_new (double, g->n);
  g_autofree double *cx = NULL;
  g_autofree double *cy = NULL;
  const Csr *current = g;
  guint levels;

  g_assert (g != NULL && x != NULL && y != NULL && rng != NULL);

  for (guint i = 0; i < g->n; i++)
    mass[i] = 1;

  /* Coarsen while it pays. */
  g_ptr_array_add (graphs, (gpointer) g);
  while (current->n > 40 && graphs->len < 50)
    {
      guint *parent = g_new (guint, current->n);
      double *coarse_mass = g_new (double, current->n);
      guint n_coarse = coarsen (current, mass, rng, parent, coarse_mass);
      Csr *coarse;

      if (n_coarse > 0.85 * current->n)
        {
          g_free (parent);
          g_free (coarse_mass);
          break;
        }

      coarse = g_new0 (Csr, 1);
      coarse_graph (current, parent, n_coarse, coarse);
      g_ptr_array_add (parents, parent);
      g_ptr_array_add (graphs, coarse);
      g_free (mass);
      mass = coarse_mass;
      current = coarse;
    }
  levels = graphs->len;

  /* Coarsest: random start in a square of the expected size. */
  cx = g_new (double, current->n);
  cy = g_new (double, current->n);
  {
    double side = sqrt ((double) current->n);

    for (guint i = 0; i < current->n; i++)
      {
        cx[i] = (rng_double (rng) - 0.5) * side;
        cy[i] = (rng_double (rng) - 0.5) * side;
      }
    force_refine (current, cx, cy, NULL, 1.0, side * 0.1 + 0.5, MAX (max_iterations, 500), 1e-3, 0);
  }

  for (guint level = levels - 1; level > 0; level--)
    {
      const Csr *fine = g_ptr_array_index (graphs, level - 1);
      const guint *parent = g_ptr_array_index (parents, level - 1);
      double *fx = (level - 1 == 0) ? x : g_new (double, fine->n);
      double *fy = (level - 1 == 0) ? y : g_new (double, fine->n);
      /* More nodes in the same model spread over a larger area. */
      double grow = sqrt ((double) fine->n / ((const Csr *) g_ptr_array_index (graphs, level))->n);

      for (guint i = 0; i < fine->n; i++)
        {
          fx[i] = cx[parent[i]] * grow + (rng_double (rng) - 0.5) * 0.2;
          fy[i] = cy[parent[i]] * grow + (rng_double (rng) - 0.5) * 0.2;
        }

      force_refine (fine, fx, fy, NULL, 1.0, 0.5, level - 1 == 0 ? max_iterations : MIN (max_iterations, 150), 1e-3, 0);

      g_free (cx);
      g_free (cy);
      if (level - 1 == 0)
        {
          cx = NULL;
          cy = NULL;
        }
      else
        {
          cx = fx;
          cy = fy;
        }
    }

  if (levels == 1)
    {
      memcpy (x, cx, sizeof (double) * g->n);
      memcpy (y, cy, sizeof (double) * g->n);
    }

  for (guint l = 1; l < graphs->len; l++)
    {
      Csr *coarse = g_ptr_array_index (graphs, l);

      _ties_layout_csr_clear (coarse);
      g_free (coarse);
    }
}

static double
mean_edge_length (const Csr    *g,
                  const double *x,
                  const double *y)
{
  double sum = 0;
  guint count = 0;

  g_assert (g != NULL && x != NULL && y != NULL);

  for (guint i = 0; i < g->n; i++)
    for (guint e = g->off[i]; e < g->off[i + 1]; e++)
      if (g->adj[e] > i)
        {
          sum += hypot (x[i] - x[g->adj[e]], y[i] - y[g->adj[e]]);
          count++;
        }

  return count > 0 ? sum / count : 0;
}

static double
median (double *values,
        guint   n)
{
  g_assert (n > 0 && values != NULL);

  qsort (values, n, sizeof (double), _ties_layout_compare_doubles);

  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/* Turns and moves the free drawing (@x, @y) so that its pinned nodes
 * land as near their pins (@px, @py) as a rigid motion allows. Not
 * scaled: pins on one point would shrink it to nothing, pins far apart
 * would blow it up. The shift is the median of the pins' offsets, so
 * one pin far from the others does not drag the whole drawing after
 * it. */
static void
fit_to_pins (guint           n,
             double         *x,
             double         *y,
             const double   *px,
             const double   *py,
             const gboolean *pinned,
             guint           n_pinned)
{
  g_autofree double *ox = g_new (double, n_pinned);
  g_autofree double *oy = g_new (double, n_pinned);
  double mx = 0, my = 0, mpx = 0, mpy = 0, dot = 0, cross = 0, angle, c, sn;
  guint k = 0;

  g_assert (n_pinned > 0);

  for (guint i = 0; i < n; i++)
    if (pinned[i])
      {
        mx += x[i] / n_pinned;
        my += y[i] / n_pinned;
        mpx += px[i] / n_pinned;
        mpy += py[i] / n_pinned;
      }
  for (guint i = 0; i < n; i++)
    if (pinned[i])
      {
        double ax = x[i] - mx, ay = y[i] - my, bx = px[i] - mpx, by = py[i] - mpy;

        dot += ax * bx + ay * by;
        cross += ax * by - ay * bx;
      }
  /* Two-dimensional Procrustes: the rotation that best matches the
   * drawing's pinned nodes to their pins (none for a single pin). */
  angle = (dot != 0 || cross != 0) && isfinite (dot) && isfinite (cross) ? atan2 (cross, dot) : 0;
  c = cos (angle);
  sn = sin (angle);
  for (guint i = 0; i < n; i++)
    {
      double ax = x[i], ay = y[i];

      x[i] = ax * c - ay * sn;
      y[i] = ax * sn + ay * c;
      if (pinned[i])
        {
          ox[k] = px[i] - x[i];
          oy[k++] = py[i] - y[i];
        }
    }

  mx = median (ox, n_pinned);
  my = median (oy, n_pinned);
  for (guint i = 0; i < n; i++)
    {
      x[i] += mx;
      y[i] += my;
    }
}

/* The refinement after an edit. Unlike force_refine(), a node moves in
 * proportion to the force on it (up to the step) times its @mobility
 * (0 holds it still): a node near balance stays where the reader saw
 * it, and the neighbours of what changed follow it only part way. The
 * step shrinks by @decay each iteration, so no node travels more than
 * mobility × step / (1 − decay). */
static void
refine_after_edit (const Csr    *g,
                   double       *x,
                   double       *y,
                   const double *mobility,
                   double        k,
                   double        step,
                   guint         iterations,
                   double        decay)
{
  QuadTree tree = { 0 };

  g_assert (g != NULL && x != NULL && y != NULL && mobility != NULL);

  for (guint iteration = 0; iteration < iterations; iteration++)
    {
      double moved = 0;

      _ties_layout_quad_build (&tree, g->n, x, y);

      for (guint i = 0; i < g->n; i++)
        {
          double fx = 0, fy = 0, f, d;

          if (mobility[i] <= 0)
            continue;

          _ties_layout_quad_repulsion (&tree, i, x[i], y[i], FORCE_C * k * k, &fx, &fy);
          for (guint e = g->off[i]; e < g->off[i + 1]; e++)
            {
              guint j = g->adj[e];
              double dx = x[i] - x[j];
              double dy = y[i] - y[j];
              double dist = sqrt (dx * dx + dy * dy);

              fx -= g->w[e] * dx * dist / k;
              fy -= g->w[e] * dy * dist / k;
            }

          /* A spring stretched by K pulls with K. */
          f = sqrt (fx * fx + fy * fy);
          if (!(f > 0) || !isfinite (f))
            continue;
          d = mobility[i] * step * MIN (1.0, f / k);
          x[i] += d * fx / f;
          y[i] += d * fy / f;
          moved += d;
        }

      step *= decay;
      if (moved < 1e-3 * k)
        break;
    }

  g_free (tree.cells);
}

/* One connected component, in its own arrays. Returns whether the
 * component keeps its place (pins, or incremental with places) rather
 * than being packed. */
static gboolean
force_component (const Csr      *g,
                 double         *x,
                 double         *y,
                 const double   *r,
                 const gboolean *pinned,
                 const gboolean *placed,
                 const gboolean *changed,
                 double          edge_length,
                 double          padding,
                 gboolean        incremental,
                 guint           max_iterations,
                 Rng            *rng)
{
  guint n_pinned = 0, n_placed = 0;
  g_autofree gboolean *fixed = g_new0 (gboolean, g->n);

  g_assert (g != NULL && x != NULL && y != NULL && r != NULL);
  g_assert (pinned != NULL && placed != NULL && changed != NULL && rng != NULL);

  for (guint i = 0; i < g->n; i++)
    {
      n_pinned += pinned[i] ? 1 : 0;
      n_placed += placed[i] ? 1 : 0;
      fixed[i] = pinned[i];
    }

  if (g->n == 1)
    {
      if (!pinned[0] && !(incremental && placed[0]))
        x[0] = y[0] = 0;
      return pinned[0] || (incremental && placed[0]);
    }

  /* Incremental keeps a picture; with most nodes new there is little
   * picture to keep, and starting them all beside the few placed ones
   * crowds them into a space a fresh layout would give them. */
  if (incremental && n_placed > 0 && 2 * n_placed >= g->n)
    {
      g_autofree gboolean *known = g_memdup2 (placed, sizeof (gboolean) * g->n);
      g_autofree guint *queue = g_new (guint, g->n);
      g_autofree double *mobility = g_new (double, g->n);
      guint head = 0, tail = 0, n_new = 0, n_moving = 0;
      double len, k;

      /* Unplaced nodes start by their placed neighbours, breadth first
       * from the placed ones. */
      for (guint i = 0; i < g->n; i++)
        if (known[i])
          queue[tail++] = i;
      while (head < tail)
        {
          guint i = queue[head++];

          for (guint e = g->off[i]; e < g->off[i + 1]; e++)
            {
              guint j = g->adj[e];
              double sx = 0, sy = 0;
              guint count = 0;

              if (known[j])
                continue;
              for (guint f = g->off[j]; f < g->off[j + 1]; f++)
                if (known[g->adj[f]])
                  {
                    sx += x[g->adj[f]];
                    sy += y[g->adj[f]];
                    count++;
                  }
              x[j] = sx / count + (rng_double (rng) - 0.5) * edge_length;
              y[j] = sy / count + (rng_double (rng) - 0.5) * edge_length;
              known[j] = TRUE;
              queue[tail++] = j;
            }
        }

      /* Keep the drawing's own scale: the model's edges settle at about
       * 1.1 K. Start cool so the picture does not jump. */
      /* Within reason: a drawing stretched by pins far apart would
       * otherwise set steps as long as the distance between them. */
      len = mean_edge_length (g, x, y);
      len = len > 0 ? CLAMP (len, edge_length / 4, edge_length * 4) : edge_length;
      k = len / 1.1;

      /* The mental map: only what the edit changed moves (new nodes,
       * the ends of ties added or removed, pins moved) and, a third as
       * far, their neighbours; the rest of the picture holds still, so
       * a new event does not send an actor across the drawing. */
      for (guint i = 0; i < g->n; i++)
        mobility[i] = 0;
      for (guint i = 0; i < g->n; i++)
        if (changed[i] || !placed[i])
          {
            mobility[i] = 1;
            for (guint e = g->off[i]; e < g->off[i + 1]; e++)
              mobility[g->adj[e]] = MAX (mobility[g->adj[e]], 0.3);
          }
      for (guint i = 0; i < g->n; i++)
        {
          if (pinned[i])
            mobility[i] = 0;
          n_new += placed[i] ? 0 : 1;
          n_moving += mobility[i] > 0 ? 1 : 0;
        }
      if (n_moving == 0)
        return TRUE;

      /* New nodes first find room among the others, with longer steps;
       * then the changed part settles, cooling fast. */
      if (n_new > 0)
        {
          g_autofree gboolean *old = g_new (gboolean, g->n);

          for (guint i = 0; i < g->n; i++)
            old[i] = placed[i] || pinned[i];
          force_refine (g, x, y, old, k, 0.3 * k, 60, 1e-3, 0.9);
        }
      refine_after_edit (g, x, y, mobility, k, 0.1 * k, max_iterations > 0 ? MIN (max_iterations, 60) : 60, 0.85);
      /* Held nodes give way too: pushed a little, rather than a moving
       * node caught among them sent to a clear spot far off. */
      _ties_layout_remove_overlaps (g->n, x, y, r, pinned, padding);
      return TRUE;
    }
  else
    {
      g_autofree double *px = g_new (double, g->n);
      g_autofree double *py = g_new (double, g->n);
      gboolean stress;
      double len, scale;

      for (guint i = 0; i < g->n; i++)
        {
          px[i] = x[i];
          py[i] = y[i];
        }

      /* The stress pass straightens what the force pass's last
       * iterations would only polish: half of them do (at 2,000 actors,
       * 0.41 s became 0.34 s, stress the same). Pins pull the drawing to
       * places of their own: then the force layout is fitted to them
       * first, and the stress pass comes last, around them. */
      stress = _ties_layout_stress_applies (g->n);
      force_multilevel (g, x, y, rng, max_iterations > 0 ? max_iterations : stress ? 30 : 60);
      if (stress && n_pinned == 0)
        _ties_layout_stress_refine (g, x, y, NULL, 0, rng_next (rng));

      len = mean_edge_length (g, x, y);
      scale = len > 0 ? edge_length / len : 1;

      /* Dense graphs need more room than their edge length gives: spread
       * until the discs cover about half the bounding box, so overlap
       * removal only nudges (and does not wreck the shape). */
      {
        double min_x = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
        double discs = 0, box;

        for (guint i = 0; i < g->n; i++)
          {
            min_x = MIN (min_x, x[i]);
            max_x = MAX (max_x, x[i]);
            min_y = MIN (min_y, y[i]);
            max_y = MAX (max_y, y[i]);
            discs += G_PI * (r[i] + padding / 2) * (r[i] + padding / 2);
          }
        box = (max_x - min_x) * (max_y - min_y) * scale * scale;
        if (box > 0 && box < discs / 0.5)
          scale *= sqrt (discs / 0.5 / box);
      }
      for (guint i = 0; i < g->n; i++)
        {
          x[i] *= scale;
          y[i] *= scale;
        }

      if (n_pinned > 0)
        {
          /* A hop is an edge of the drawing as scaled, not as pins far
           * apart stretch it. */
          double unit = mean_edge_length (g, x, y);

          fit_to_pins (g->n, x, y, px, py, pinned, n_pinned);
          for (guint i = 0; i < g->n; i++)
            {
              x[i] = pinned[i] ? px[i] : x[i];
              y[i] = pinned[i] ? py[i] : y[i];
            }
          force_refine (g, x, y, fixed, scale, 0.2 * scale, 100, 1e-3, 0);
          if (stress)
            _ties_layout_stress_refine (g, x, y, fixed, unit, rng_next (rng));
        }

      _ties_layout_remove_overlaps (g->n, x, y, r, fixed, padding);
      return n_pinned > 0;
    }
}

typedef struct
{
  guint index;
  double height;
  double width;
} PackItem;

static int
compare_pack_items (gconstpointer a,
                    gconstpointer b)
{
  const PackItem *p = a;
  const PackItem *q = b;

  /* Taller first; the index keeps qsort's order fixed. */
  if (p->height != q->height)
    return p->height > q->height ? -1 : 1;
  if (p->width != q->width)
    return p->width > q->width ? -1 : 1;
  return (p->index > q->index) - (p->index < q->index);
}

void
_ties_layout_force (TiesGraph               *graph,
                    const TiesLayoutOptions *options)
{
  guint n = graph->nodes->len;
  Csr g = _ties_layout_graph_csr (graph);
  g_autofree guint *comp_of = g_new (guint, n);
  g_autofree guint *members = g_new (guint, n);
  g_autofree guint *local = g_new (guint, n);
  g_autofree double *x = g_new (double, n);
  g_autofree double *y = g_new (double, n);
  g_autofree double *r = g_new (double, n);
  g_autofree gboolean *pinned = g_new (gboolean, n);
  g_autofree gboolean *placed = g_new (gboolean, n);
  g_autofree gboolean *changed = g_new (gboolean, n);
  g_autoptr(GArray) components = _ties_layout_find_components (&g, comp_of, members);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (PackItem));
  double edge_length = _ties_layout_target_edge_length (graph, options);
  double gap = edge_length;
  Rng rng = { G_GUINT64_CONSTANT (0x7469657300000000) ^ ((guint64) n << 32) ^ graph->edges->len };
  gboolean any_anchored = FALSE;
  double anchor_max_x = -G_MAXDOUBLE, anchor_min_y = G_MAXDOUBLE, anchor_max_y = -G_MAXDOUBLE;
  double area = 0, max_width = 0, shelf_width;
  double cursor_x = 0, cursor_y = 0, shelf_height = 0, total_width = 0;

  g_assert (graph != NULL && options != NULL);

  for (guint c = 0; c < components->len; c++)
    {
      Component *comp = &g_array_index (components, Component, c);
      guint *m = members + comp->first;
      g_autofree guint *src = NULL;
      g_autofree guint *dst = NULL;
      g_autofree double *w = NULL;
      Csr sub = { 0 };
      guint n_edges = 0;

      for (guint k = 0; k < comp->size; k++)
        {
          TiesGraphNode *node = ties_graph_node (graph, m[k]);

          local[m[k]] = k;
          x[k] = node->x;
          y[k] = node->y;
          r[k] = node->radius;
          pinned[k] = node->placed && node->pinned;
          placed[k] = node->placed;
          changed[k] = node->changed;
        }

      /* The component's own adjacency, in local indices. */
      for (guint k = 0; k < comp->size; k++)
        n_edges += g.off[m[k] + 1] - g.off[m[k]];
      src = g_new (guint, n_edges / 2 + 1);
      dst = g_new (guint, n_edges / 2 + 1);
      w = g_new (double, n_edges / 2 + 1);
      n_edges = 0;
      for (guint k = 0; k < comp->size; k++)
        for (guint e = g.off[m[k]]; e < g.off[m[k] + 1]; e++)
          if (g.adj[e] > m[k])
            {
              src[n_edges] = k;
              dst[n_edges] = local[g.adj[e]];
              w[n_edges++] = g.w[e];
            }
      _ties_layout_csr_build (&sub, comp->size, n_edges, src, dst, w);

      comp->anchored = force_component (&sub, x, y, r, pinned, placed, changed, edge_length,
                                        options->padding, options->incremental,
                                        options->max_iterations, &rng);
      _ties_layout_csr_clear (&sub);

      comp->min_x = comp->min_y = G_MAXDOUBLE;
      comp->max_x = comp->max_y = -G_MAXDOUBLE;
      for (guint k = 0; k < comp->size; k++)
        {
          double margin = r[k] + options->padding / 2;

          comp->min_x = MIN (comp->min_x, x[k] - margin);
          comp->max_x = MAX (comp->max_x, x[k] + margin);
          comp->min_y = MIN (comp->min_y, y[k] - margin);
          comp->max_y = MAX (comp->max_y, y[k] + margin);

          if (!pinned[k])
            {
              TiesGraphNode *node = ties_graph_node (graph, m[k]);

              node->x = x[k];
              node->y = y[k];
              node->placed = TRUE;
            }
        }

      if (comp->anchored)
        {
          any_anchored = TRUE;
          anchor_max_x = MAX (anchor_max_x, comp->max_x);
          anchor_min_y = MIN (anchor_min_y, comp->min_y);
          anchor_max_y = MAX (anchor_max_y, comp->max_y);
        }
      else
        {
          PackItem item = { c, comp->max_y - comp->min_y, comp->max_x - comp->min_x };

          g_array_append_val (items, item);
          area += (item.width + gap / 2) * (item.height + gap / 2);
          max_width = MAX (max_width, item.width);
        }
    }

  /* Shelf packing of the free components, tallest first, into rows about
   * as wide as the whole is tall. */
  if (items->len > 0)
    qsort (items->data, items->len, sizeof (PackItem), compare_pack_items);
  shelf_width = MAX (max_width, sqrt (area) * 1.1);
  for (guint k = 0; k < items->len; k++)
    {
      PackItem *item = &g_array_index (items, PackItem, k);
      Component *comp = &g_array_index (components, Component, item->index);

      if (cursor_x > 0 && cursor_x + item->width > shelf_width)
        {
          cursor_y += shelf_height + gap / 2;
          cursor_x = 0;
          shelf_height = 0;
        }
      /* Reuse min_x/min_y as the shift of this component. */
      comp->min_x = cursor_x - comp->min_x;
      comp->min_y = cursor_y - comp->min_y;
      cursor_x += item->width + gap / 2;
      total_width = MAX (total_width, cursor_x - gap / 2);
      shelf_height = MAX (shelf_height, item->height);
    }

  if (items->len > 0)
    {
      double total_height = cursor_y + shelf_height;
      double ox, oy;

      /* Centre the packed block on the origin, or set it beside the
       * components that keep their place. */
      if (any_anchored)
        {
          ox = anchor_max_x + gap;
          oy = (anchor_min_y + anchor_max_y) / 2 - total_height / 2;
        }
      else
        {
          ox = -total_width / 2;
          oy = -total_height / 2;
        }

      for (guint k = 0; k < items->len; k++)
        {
          Component *comp = &g_array_index (components, Component, g_array_index (items, PackItem, k).index);

          for (guint j = 0; j < comp->size; j++)
            {
              TiesGraphNode *node = ties_graph_node (graph, members[comp->first + j]);

              if (node->pinned && node->placed)
                continue;
              node->x += comp->min_x + ox;
              node->y += comp->min_y + oy;
            }
        }
    }

  _ties_layout_csr_clear (&g);
}
