/* ties-scene.c: building a scene: node colours, initials, ties and their
 * detours, the legend, title and caption and where they go
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Labels are placed by ties-renderer-labels.c; the scene is drawn by
 * ties-renderer.c.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ties-renderer-private.h"

/* Okabe–Ito is vivid but has only seven colours; Paul Tol's "muted" and
 * "light" sets have nine, each safe for the common colour-vision
 * deficiencies. Muted reads well on white, light on dark grey, so each
 * style takes its own, in the same hue order. */
static const guint32 palette_light[] = {
  0x332288, 0x88CCEE, 0x44AA99, 0x117733, 0x999933,
  0xDDCC77, 0xCC6677, 0x882255, 0xAA4499,
};
static const guint32 palette_dark[] = {
  0x77AADD, 0x99DDFF, 0x44BB99, 0xBBCC33, 0xAAAA00,
  0xEEDD88, 0xEE8866, 0xFFAABB, 0xCC99CC,
};
/* Actors in no group: a neutral grey that both styles show. */
#define LONER_COLOR 0xBBBBBB

static gboolean
parse_color (const char *text,
             guint32    *color)
{
  PangoColor parsed;

  g_assert (color != NULL);

  if (text == NULL || *text == '\0' || !pango_color_parse (&parsed, text))
    return FALSE;

  *color = ((guint32) (parsed.red >> 8) << 16)
           | ((guint32) (parsed.green >> 8) << 8)
           | (guint32) (parsed.blue >> 8);

  return TRUE;
}

void
ties_render_options_init (TiesRenderOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->style = TIES_STYLE_LIGHT;
  options->solid_background = TRUE;
  options->legend = TRUE;
  options->initials = TRUE;
}

PangoLayout *
_ties_renderer_make_layout (TiesScene  *self,
                            const char *text,
                            PangoWeight weight)
{
  PangoFontDescription **font;
  PangoLayout *layout;

  g_assert (self != NULL);
  g_assert (text != NULL);

  font = &self->fonts[weight >= PANGO_WEIGHT_BOLD ? 1 : 0];
  if (*font == NULL)
    {
      *font = pango_font_description_from_string (FONT_FAMILIES);
      pango_font_description_set_absolute_size (*font, LAYOUT_SIZE * PANGO_SCALE);
      pango_font_description_set_weight (*font, weight >= PANGO_WEIGHT_BOLD ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    }

  layout = pango_layout_new (self->context);
  pango_layout_set_font_description (layout, *font);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

/* The box a layout covers, ink and logical together (emoji and accents
 * may reach beyond the logical box), in diagram units at @size. */
void
_ties_renderer_layout_box (PangoLayout *layout,
                           double       size,
                           double      *x,
                           double      *y,
                           double      *width,
                           double      *height)
{
  PangoRectangle ink, logical;
  int x0, y0, x1, y1;

  g_assert (PANGO_IS_LAYOUT (layout));

  pango_layout_get_extents (layout, &ink, &logical);
  x0 = logical.x;
  y0 = logical.y;
  x1 = logical.x + logical.width;
  y1 = logical.y + logical.height;
  if (ink.width > 0 && ink.height > 0)
    {
      x0 = MIN (x0, ink.x);
      y0 = MIN (y0, ink.y);
      x1 = MAX (x1, ink.x + ink.width);
      y1 = MAX (y1, ink.y + ink.height);
    }

  *x = text_factor (size) * x0 / PANGO_SCALE;
  *y = text_factor (size) * y0 / PANGO_SCALE;
  *width = text_factor (size) * (x1 - x0) / PANGO_SCALE;
  *height = text_factor (size) * (y1 - y0) / PANGO_SCALE;
}

static void
scene_label_free (gpointer data)
{
  SceneLabel *label = data;

  g_free (label->text);
  g_clear_object (&label->layout);
  g_free (label);
}

/* Colours */

/* By community: the communities of more than one actor drawn take
 * palette colours in order of first appearance, under their names
 * ("Community 2", numbered as the Actors view numbers them), which are
 * the groups' keys (an actor id has no space, so none is taken for
 * one); actors alone in theirs stay grey. Actors' own colours give way:
 * the colours tell communities and nothing else. */
static void
assign_community_colors (TiesScene  *self,
                         TiesGraph  *graph,
                         GHashTable *communities,  /* actor id → number + 1 */
                         GHashTable *groups,
                         GPtrArray  *group_order)
{
  g_autoptr(GHashTable) sizes = g_hash_table_new (NULL, NULL);
  const guint32 *palette = self->style == TIES_STYLE_DARK ? palette_dark : palette_light;

  g_assert (self != NULL);

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      gpointer community = g_hash_table_lookup (communities, ties_graph_node (graph, i)->id);

      if (community != NULL)
        g_hash_table_insert (sizes, community,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (sizes, community)) + 1));
    }

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      SceneNode *node = &g_array_index (self->nodes, SceneNode, i);
      gpointer community = g_hash_table_lookup (communities, ties_graph_node (graph, i)->id);
      g_autofree char *key = NULL;
      guint index;

      node->color = LONER_COLOR;
      if (community == NULL || GPOINTER_TO_UINT (g_hash_table_lookup (sizes, community)) < 2)
        {
          self->any_alone = TRUE;
          continue;
        }

      /* TRANSLATORS: in a diagram's legend; %u is a community's number,
       * as the Actors view's Community column shows it */
      key = g_strdup_printf (_("Community %u"), GPOINTER_TO_UINT (community));
      index = GPOINTER_TO_UINT (g_hash_table_lookup (groups, key));
      if (index == 0)
        {
          g_ptr_array_add (group_order, g_strdup (key));
          index = group_order->len;
          g_hash_table_insert (groups, g_steal_pointer (&key), GUINT_TO_POINTER (index));
        }
      node->group = index;
      node->color = palette[(index - 1) % G_N_ELEMENTS (palette_light)];
    }
}

/* Each actor belongs to the group named by its affiliation; an actor
 * others are affiliated with (an organisation) leads its own group, so
 * it takes its members' colour. Groups take palette colours in order of
 * first appearance, unless the group's actor has a colour of its own. */
static void
assign_colors (TiesScene    *self,
               TiesDocument *document,
               TiesGraph    *graph,
               GHashTable   *groups,       /* id → colour index + 1 */
               GPtrArray    *group_order)  /* ids */
{
  GListModel *actors = G_LIST_MODEL (ties_document_get_actors (document));
  guint n_actors = g_list_model_get_n_items (actors);
  g_autoptr(GHashTable) leaders = g_hash_table_new (g_str_hash, g_str_equal);
  const guint32 *palette = self->style == TIES_STYLE_DARK ? palette_dark : palette_light;

  g_assert (self != NULL);

  for (guint i = 0; i < n_actors; i++)
    {
      g_autoptr(TiesActor) actor = g_list_model_get_item (actors, i);
      const char *affiliation = ties_actor_get_affiliation (actor);

      if (affiliation != NULL && *affiliation != '\0')
        g_hash_table_add (leaders, (gpointer) affiliation);
    }

  for (guint i = 0; i < n_actors; i++)
    {
      g_autoptr(TiesActor) actor = g_list_model_get_item (actors, i);
      const char *key = ties_actor_get_affiliation (actor);

      if (key == NULL || *key == '\0')
        key = g_hash_table_contains (leaders, ties_actor_get_id (actor)) ? ties_actor_get_id (actor) : NULL;
      if (key != NULL && !g_hash_table_contains (groups, key))
        {
          g_ptr_array_add (group_order, g_strdup (key));
          g_hash_table_insert (groups, g_strdup (key), GUINT_TO_POINTER (group_order->len));
        }
    }

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      SceneNode *node = &g_array_index (self->nodes, SceneNode, i);
      TiesActor *actor = ties_document_lookup_actor (document, ties_graph_node (graph, i)->id);
      const char *key = NULL;
      guint32 color = LONER_COLOR;

      if (actor != NULL)
        {
          key = ties_actor_get_affiliation (actor);
          if (key == NULL || *key == '\0')
            key = ties_actor_get_id (actor);
        }

      if (key != NULL)
        node->group = GPOINTER_TO_UINT (g_hash_table_lookup (groups, key));
      if (actor != NULL && parse_color (ties_actor_get_color (actor), &color))
        ;
      else if (key != NULL && g_hash_table_contains (groups, key))
        {
          TiesActor *leader = ties_document_lookup_actor (document, key);
          guint index = GPOINTER_TO_UINT (g_hash_table_lookup (groups, key)) - 1;

          if (leader == NULL || !parse_color (ties_actor_get_color (leader), &color))
            color = palette[index % G_N_ELEMENTS (palette_light)];
        }

      node->color = color;
    }
}

/* Ties */

/* The square of the distance from (px, py) to the segment. */
static double
distance2_to_segment (double  px,
                     double  py,
                     double  ax,
                     double  ay,
                     double  bx,
                     double  by,
                     double *t_out,
                     double *side)
{
  double dx = bx - ax, dy = by - ay;
  double length2 = dx * dx + dy * dy;
  double t = length2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / length2 : 0;
  double qx, qy;

  t = CLAMP (t, 0, 1);
  qx = ax + t * dx;
  qy = ay + t * dy;
  *t_out = t;
  *side = dx * (py - ay) - dy * (px - ax);

  return (px - qx) * (px - qx) + (py - qy) * (py - qy);
}

/* The nodes drawn, bucketed in a grid of rows and columns over their
 * places, so that a tie is tested only against the nodes near it. */
typedef struct
{
  double x0, y0;
  double cell_width, cell_height;
  int columns, rows;
  guint *starts;        /* columns × rows + 1: where each cell's nodes start */
  guint *nodes;         /* by cell */
} NodeGrid;

static int
node_grid_column (const NodeGrid *grid,
                  double          x)
{
  double c = floor ((x - grid->x0) / grid->cell_width);

  return (int) CLAMP (c, 0, grid->columns - 1);
}

static int
node_grid_row (const NodeGrid *grid,
               double          y)
{
  double r = floor ((y - grid->y0) / grid->cell_height);

  return (int) CLAMP (r, 0, grid->rows - 1);
}

static void
node_grid_init (NodeGrid  *grid,
                TiesScene *self)
{
  Box box = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  guint n = 0;
  g_autofree guint *cells = NULL;
  int side;

  for (guint i = 0; i < self->nodes->len; i++)
    {
      SceneNode *node = &g_array_index (self->nodes, SceneNode, i);

      if (node->hidden)
        continue;
      box.x0 = MIN (box.x0, node->x);
      box.y0 = MIN (box.y0, node->y);
      box.x1 = MAX (box.x1, node->x);
      box.y1 = MAX (box.y1, node->y);
      n++;
    }

  /* About one node a cell. */
  side = (int) CLAMP (ceil (sqrt (n)), 1, 512);
  grid->columns = side;
  grid->rows = side;
  grid->x0 = n > 0 ? box.x0 : 0;
  grid->y0 = n > 0 ? box.y0 : 0;
  grid->cell_width = n > 0 ? MAX ((box.x1 - box.x0) / side, 1.0) : 1.0;
  grid->cell_height = n > 0 ? MAX ((box.y1 - box.y0) / side, 1.0) : 1.0;
  grid->starts = g_new0 (guint, (gsize) side * side + 1);
  grid->nodes = g_new (guint, MAX (n, 1));

  /* A counting sort: each cell's nodes in the order of their index. */
  cells = g_new (guint, self->nodes->len);
  for (guint i = 0; i < self->nodes->len; i++)
    {
      SceneNode *node = &g_array_index (self->nodes, SceneNode, i);

      if (node->hidden)
        continue;
      cells[i] = (guint) (node_grid_row (grid, node->y) * side + node_grid_column (grid, node->x));
      grid->starts[cells[i] + 1]++;
    }
  for (int c = 0; c < side * side; c++)
    grid->starts[c + 1] += grid->starts[c];
  {
    g_autofree guint *next = g_memdup2 (grid->starts, sizeof (guint) * side * side);

    for (guint i = 0; i < self->nodes->len; i++)
      if (!g_array_index (self->nodes, SceneNode, i).hidden)
        grid->nodes[next[cells[i]]++] = i;
  }
}

static void
node_grid_clear (NodeGrid *grid)
{
  g_clear_pointer (&grid->starts, g_free);
  g_clear_pointer (&grid->nodes, g_free);
}

/* A tie that would cross a third node's disc is bent around it: a
 * quadratic curve, pushed to the side away from the node, far enough
 * that it clears the disc (only the worst node is considered: of two
 * as bad, the first). */
static void
route_edge (TiesScene      *self,
            const NodeGrid *grid,
            SceneEdge      *edge,
            double          max_radius)
{
  SceneNode *a = &g_array_index (self->nodes, SceneNode, edge->a);
  SceneNode *b = &g_array_index (self->nodes, SceneNode, edge->b);
  double length = hypot (b->x - a->x, b->y - a->y);
  double best_offset = 0;
  double best_sign = 1;
  guint best = G_MAXUINT;
  /* Only nodes in the segment's box, grown by the widest clearance,
   * can come near it: most are passed over at the cost of four tests. */
  double reach = max_radius + MAX (edge->width, edge->band) / 2 + 2;
  double x0 = MIN (a->x, b->x) - reach, x1 = MAX (a->x, b->x) + reach;
  double y0 = MIN (a->y, b->y) - reach, y1 = MAX (a->y, b->y) + reach;
  /* The cells visited: those of the band within reach of the segment,
   * with a margin for rounding; each node is still tested exactly. */
  double margin = reach * 1.01 + 1;
  double dx = b->x - a->x, dy = b->y - a->y;

  g_assert (self != NULL);

  if (length <= 0)
    return;

  for (int r = node_grid_row (grid, y0 - margin); r <= node_grid_row (grid, y1 + margin); r++)
    {
      double low = grid->y0 + r * grid->cell_height - margin;
      double high = grid->y0 + (r + 1) * grid->cell_height + margin;
      double t0 = 0, t1 = 1, left, right;

      /* The part of the segment within the row and its margins. */
      if (dy != 0)
        {
          double ta = (low - a->y) / dy, tb = (high - a->y) / dy;

          t0 = MAX (0, MIN (ta, tb));
          t1 = MIN (1, MAX (ta, tb));
          if (t0 > t1)
            continue;
        }
      else if (a->y < low || a->y > high)
        continue;
      left = MIN (a->x + t0 * dx, a->x + t1 * dx) - margin;
      right = MAX (a->x + t0 * dx, a->x + t1 * dx) + margin;

      for (int c = node_grid_column (grid, left); c <= node_grid_column (grid, right); c++)
        {
          guint cell = (guint) (r * grid->columns + c);

          for (guint k = grid->starts[cell]; k < grid->starts[cell + 1]; k++)
            {
              guint i = grid->nodes[k];
              SceneNode *n = &g_array_index (self->nodes, SceneNode, i);
              double t, side, d2, clearance, offset;

              /* A tie bent round an empty place would seem to avoid
               * nothing (the grid holds no hidden node). */
              if (n->x < x0 || n->x > x1 || n->y < y0 || n->y > y1 || i == edge->a || i == edge->b)
                continue;
              clearance = n->radius + MAX (edge->width, edge->band) / 2 + 2;
              d2 = distance2_to_segment (n->x, n->y, a->x, a->y, b->x, b->y, &t, &side);
              if (d2 >= clearance * clearance || t <= 0.05 || t >= 0.95)
                continue;
              offset = (clearance - sqrt (d2)) / (2 * t * (1 - t));
              if (offset > best_offset || (offset == best_offset && offset > 0 && i < best))
                {
                  best_offset = offset;
                  best_sign = side > 0 ? -1 : 1;
                  best = i;
                }
            }
        }
    }

  /* A detour wider than half the tie looks like a different tie. */
  if (best_offset <= 0 || best_offset > length / 2)
    return;

  edge->curved = TRUE;
  edge->cx = (a->x + b->x) / 2 + best_sign * best_offset * -(b->y - a->y) / length;
  edge->cy = (a->y + b->y) / 2 + best_sign * best_offset * (b->x - a->x) / length;
}

static TiesLineStyle
kind_line (TiesDocument *document,
           GHashTable   *lines,
           const char   *kind)
{
  TiesEventKind *event_kind;
  gpointer found;
  TiesLineStyle line;

  if (kind == NULL)
    return TIES_LINE_SOLID;
  /* Looking a kind up walks the document's kinds and the built-in ones:
   * once for each kind, not once for each of its events. */
  if (g_hash_table_lookup_extended (lines, kind, NULL, &found))
    return (TiesLineStyle) GPOINTER_TO_UINT (found);

  event_kind = ties_document_lookup_event_kind (document, kind);
  line = event_kind != NULL ? ties_event_kind_get_line (event_kind) : TIES_LINE_SOLID;
  g_hash_table_insert (lines, g_strdup (kind), GUINT_TO_POINTER (line));

  return line;
}

/* The label of @kind, looked up once for each kind. */
static const char *
kind_label (TiesDocument *document,
            GHashTable   *labels,
            const char   *kind)
{
  const char *label = g_hash_table_lookup (labels, kind);

  if (label == NULL)
    {
      label = ties_document_get_kind_label (document, kind);
      g_hash_table_insert (labels, g_strdup (kind), (gpointer) label);
    }

  return label;
}

/* Orphaned evidence counts: the source did report the tie. */
static Support
tie_support (TiesTie *tie)
{
  if (ties_tie_get_n_evidence (tie) == 0)
    return SUPPORT_NO_EVIDENCE;

  return ties_tie_get_n_sources (tie) <= 1 ? SUPPORT_ONE_SOURCE : SUPPORT_USUAL;
}

static int
compare_strands (gconstpointer a,
                 gconstpointer b)
{
  const double *p = a, *q = b;

  /* Most events first; a draw in line style order. */
  if (p[1] != q[1])
    return p[1] > q[1] ? -1 : 1;

  return p[0] < q[0] ? -1 : p[0] > q[0];
}

/* A strand for each line style among the tie's events, when there is
 * more than one: "Meeting" and "Summit" share a solid line, so a tie of
 * those two alone stays one stroke. */
static void
add_strands (SceneEdge     *edge,
             TiesDocument  *document,
             GHashTable    *lines,
             GPtrArray     *events)
{
  double counts[TIES_LINE_DASH_DOT + 1] = { 0, };
  double order[TIES_LINE_DASH_DOT + 1][2];
  guint n = 0;
  double band = 0, at;

  for (guint e = 0; e < events->len; e++)
    {
      TiesLineStyle line = kind_line (document, lines, ties_event_get_kind (g_ptr_array_index (events, e)));

      if (line <= TIES_LINE_DASH_DOT)
        counts[line]++;
    }
  for (TiesLineStyle line = TIES_LINE_SOLID; line <= TIES_LINE_DASH_DOT; line++)
    if (counts[line] > 0)
      {
        order[n][0] = line;
        order[n][1] = counts[line];
        n++;
      }
  if (n < 2)
    return;

  qsort (order, n, sizeof order[0], compare_strands);
  edge->n_strands = n;

  for (guint k = 0; k < edge->n_strands; k++)
    {
      edge->strands[k].line = (TiesLineStyle) order[k][0];
      edge->strands[k].width = 1 + 1.5 * log2 (order[k][1]);
      band += edge->strands[k].width + (k > 0 ? STRAND_GAP : 0);
    }
  at = -band / 2;
  for (guint k = 0; k < edge->n_strands; k++)
    {
      edge->strands[k].offset = at + edge->strands[k].width / 2;
      at += edge->strands[k].width + STRAND_GAP;
    }
  edge->band = band;
}

/* A tie's line is the style of its most frequent kind (the first of
 * them in document order on a draw), or, for a tie of several line
 * styles, parallel strands (add_strands()); the legend lists every kind. */
static void
build_edges (TiesScene               *self,
             TiesDocument            *document,
             TiesNetwork             *network,
             TiesGraph               *graph,
             const TiesRenderOptions *options,
             gboolean                 dimming,
             gboolean                 dim_by_age,     /* only ties of recent events stand out */
             GHashTable              *counted,        /* NULL: every event counts */
             GHashTable              *kinds_by_line)  /* line → GPtrArray of labels */
{
  /* Kinds' line styles and labels, by copies of the kind ids: a tie
   * counted as of a day, and its kinds, last one turn of the loop. */
  g_autoptr(GHashTable) lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) labels_of_kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert (self != NULL);

  for (guint i = 0; i < graph->edges->len; i++)
    {
      TiesGraphEdge *graph_edge = ties_graph_edge (graph, i);
      const char *source_id = ties_graph_node (graph, graph_edge->source)->id;
      const char *target_id = ties_graph_node (graph, graph_edge->target)->id;
      TiesTie *tie = network != NULL ? ties_network_lookup_tie (network, source_id, target_id) : NULL;
      g_autoptr(TiesTie) counted_tie = NULL;
      SceneEdge edge = { 0 };
      double weight = MAX (graph_edge->weight, 1.0);

      /* As of a day, a tie is what its events until then make of it. */
      if (counted != NULL)
        {
          if (tie == NULL || (counted_tie = ties_tie_new_of_events (tie, counted)) == NULL)
            continue;
          tie = counted_tie;
          weight = ties_tie_get_weight (tie);
        }

      edge.a = graph_edge->source;
      edge.b = graph_edge->target;
      edge.graph_edge = i;
      edge.width = 1 + 1.5 * log2 (weight);
      edge.line = TIES_LINE_SOLID;

      if (dimming)
        edge.dim = !(g_array_index (self->nodes, SceneNode, edge.a).dim == FALSE
                     && g_array_index (self->nodes, SceneNode, edge.b).dim == FALSE);

      if (tie != NULL)
        {
          GPtrArray *events = ties_tie_get_events (tie);
          const char * const *kinds = ties_tie_get_kinds (tie);
          guint best = 0, best_count = 0;
          gboolean a_is_source = g_strcmp0 (ties_tie_get_actor_a (tie), source_id) == 0;
          gboolean to_b = ties_tie_get_n_a_to_b (tie) > 0;
          gboolean to_a = ties_tie_get_n_b_to_a (tie) > 0;
          gboolean any_highlighted = FALSE;

          for (guint k = 0; kinds != NULL && kinds[k] != NULL; k++)
            {
              guint count = 0;
              TiesLineStyle line = kind_line (document, lines, kinds[k]);
              GPtrArray *labels = g_hash_table_lookup (kinds_by_line, GUINT_TO_POINTER (line + 1));
              const char *label = kind_label (document, labels_of_kinds, kinds[k]);

              for (guint e = 0; e < events->len; e++)
                if (g_strcmp0 (ties_event_get_kind (g_ptr_array_index (events, e)), kinds[k]) == 0)
                  count++;
              if (count > best_count)
                {
                  best = k;
                  best_count = count;
                }

              if (labels == NULL)
                {
                  labels = g_ptr_array_new ();
                  g_hash_table_insert (kinds_by_line, GUINT_TO_POINTER (line + 1), labels);
                }
              if (!g_ptr_array_find_with_equal_func (labels, label, g_str_equal, NULL))
                g_ptr_array_add (labels, (gpointer) label);
            }
          if (kinds != NULL && kinds[0] != NULL)
            edge.line = kind_line (document, lines, kinds[best]);
          add_strands (&edge, document, lines, events);
          self->any_strands |= edge.n_strands > 0;

          /* The graph's source is not necessarily the tie's actor a. */
          edge.arrow_b = a_is_source ? to_b : to_a;
          edge.arrow_a = a_is_source ? to_a : to_b;

          if (dimming)
            {
              for (guint e = 0; e < events->len && !any_highlighted; e++)
                any_highlighted = options->highlighted_events != NULL
                                  && g_hash_table_contains (options->highlighted_events,
                                                            g_ptr_array_index (events, e));
              if (any_highlighted)
                edge.dim = FALSE;
              else if (dim_by_age)
                edge.dim = TRUE;
            }

          if (options->mark_weak_ties)
            {
              edge.support = tie_support (tie);
              self->any_one_source |= edge.support == SUPPORT_ONE_SOURCE;
              self->any_no_evidence |= edge.support == SUPPORT_NO_EVIDENCE;
            }
        }

      g_array_append_val (self->edges, edge);
    }

}

/* Once the places are final. */
static void
route_edges (TiesScene *self)
{
  NodeGrid grid;
  double max_radius = 0;

  if ((double) self->nodes->len * self->edges->len > MAX_DETOUR_TESTS)
    return;

  for (guint i = 0; i < self->nodes->len; i++)
    max_radius = MAX (max_radius, g_array_index (self->nodes, SceneNode, i).radius);
  node_grid_init (&grid, self);
  for (guint i = 0; i < self->edges->len; i++)
    route_edge (self, &grid, &g_array_index (self->edges, SceneEdge, i), max_radius);
  node_grid_clear (&grid);
}

/* Legend, title and caption */

/* "Source: NZ Herald, 2019": the publishers and years of the sources. */
char *
ties_scene_default_caption (TiesDocument *document)
{
  GListModel *sources = G_LIST_MODEL (ties_document_get_sources (document));
  g_autoptr(GPtrArray) publishers = g_ptr_array_new ();
  int first_year = G_MAXINT, last_year = G_MININT;
  g_autofree char *names = NULL;
  g_autofree char *years = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(TiesSource) source = g_list_model_get_item (sources, i);
      const char *publisher = ties_source_get_publisher (source);
      const char *published = ties_source_get_published (source);

      if (publisher != NULL && *publisher != '\0'
          && !g_ptr_array_find_with_equal_func (publishers, publisher, g_str_equal, NULL))
        g_ptr_array_add (publishers, (gpointer) publisher);

      /* EDTF dates and intervals start with the year. */
      if (published != NULL && g_ascii_isdigit (published[0]) && g_ascii_isdigit (published[1])
          && g_ascii_isdigit (published[2]) && g_ascii_isdigit (published[3]))
        {
          int year = (int) g_ascii_strtoll (published, NULL, 10);
          const char *slash = strchr (published, '/');

          first_year = MIN (first_year, year);
          last_year = MAX (last_year, year);
          if (slash != NULL && g_ascii_isdigit (slash[1]))
            last_year = MAX (last_year, (int) g_ascii_strtoll (slash + 1, NULL, 10));
        }
    }

  if (publishers->len == 0)
    return NULL;

  g_ptr_array_add (publishers, NULL);
  names = g_strjoinv (", ", (char **) publishers->pdata);
  if (first_year == G_MAXINT)
    /* TRANSLATORS: a diagram's caption; %s lists publishers */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Source: %s", "Sources: %s",
                                         publishers->len - 1), names);

  years = first_year == last_year ? g_strdup_printf ("%d", first_year)
                                  : g_strdup_printf ("%d–%d", first_year, last_year);

  /* TRANSLATORS: a diagram's caption: publishers, then the year(s) */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Source: %s, %s", "Sources: %s, %s",
                                       publishers->len - 1), names, years);
}

static void
add_legend_entry (TiesScene    *self,
                  LegendEntry   entry,
                  const char   *text)
{
  PangoWeight weight = entry.symbol == LEGEND_HEADING ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL;

  entry.layout = _ties_renderer_make_layout (self, text, weight);
  pango_layout_set_single_paragraph_mode (entry.layout, TRUE);
  g_array_append_val (self->legend, entry);
}

/* The legend explains everything the drawing encodes, and only that:
 * the ties' line styles, corroboration, width and arrows; the actors'
 * shapes and sizes; the affiliations' colours. Each section has a
 * heading, so that a grey circle ("Person") and a coloured one (an
 * affiliation) are not taken for the same thing. */
static void
build_legend (TiesScene    *self,
              TiesDocument *document,
              GHashTable   *kinds_by_line,
              GPtrArray    *group_order,
              GHashTable   *groups)
{
  double size = LEGEND_SIZE;
  double width = 0;
  double min_width = G_MAXDOUBLE, max_width = 0;
  double min_radius = G_MAXDOUBLE, max_radius = 0;
  gboolean any_arrow = FALSE;
  gboolean shapes[TIES_ACTOR_GROUP + 1] = { FALSE, };
  guint n_shapes = 0, n_swatches = 0, heading;

  g_assert (self != NULL);

  for (guint i = 0; i < self->edges->len; i++)
    {
      SceneEdge *edge = &g_array_index (self->edges, SceneEdge, i);

      min_width = MIN (min_width, edge->width);
      max_width = MAX (max_width, edge->width);
      any_arrow |= edge->arrow_a || edge->arrow_b;
    }
  for (guint i = 0; i < self->nodes->len; i++)
    {
      SceneNode *node = &g_array_index (self->nodes, SceneNode, i);

      if (node->hidden)
        continue;
      min_radius = MIN (min_radius, node->radius);
      max_radius = MAX (max_radius, node->radius);
      if (node->shape <= TIES_ACTOR_GROUP && !shapes[node->shape])
        {
          shapes[node->shape] = TRUE;
          n_shapes++;
        }
    }

  heading = self->legend->len;
  /* TRANSLATORS: a heading in a diagram's legend, above line styles */
  add_legend_entry (self, (LegendEntry) { LEGEND_HEADING }, _("Ties"));
  for (TiesLineStyle line = TIES_LINE_SOLID; line <= TIES_LINE_DASH_DOT; line++)
    {
      GPtrArray *labels = g_hash_table_lookup (kinds_by_line, GUINT_TO_POINTER (line + 1));
      g_autofree char *text = NULL;

      if (labels == NULL || labels->len == 0)
        continue;
      g_ptr_array_add (labels, NULL);
      text = g_strjoinv (", ", (char **) labels->pdata);
      g_ptr_array_set_size (labels, labels->len - 1);
      add_legend_entry (self, (LegendEntry) { LEGEND_LINE, line }, text);
    }

  /* After the kinds, whose lines they restyle; only when drawn. */
  if (self->any_one_source)
    add_legend_entry (self, (LegendEntry) { LEGEND_LINE, TIES_LINE_SOLID, SUPPORT_ONE_SOURCE },
                      _("Reported by one source"));
  if (self->any_no_evidence)
    add_legend_entry (self, (LegendEntry) { LEGEND_LINE, TIES_LINE_SOLID, SUPPORT_NO_EVIDENCE },
                      _("No evidence"));
  if (max_width > min_width + 0.01)
    /* TRANSLATORS: in a diagram's legend, beside a thin and a thick line */
    add_legend_entry (self, (LegendEntry) { LEGEND_WIDTH }, _("Width: number of events"));
  if (self->any_strands)
    /* TRANSLATORS: in a diagram's legend, beside two parallel lines */
    add_legend_entry (self, (LegendEntry) { LEGEND_STRANDS }, _("Parallel lines: several kinds"));
  if (any_arrow)
    /* TRANSLATORS: in a diagram's legend, beside a line with an arrowhead */
    add_legend_entry (self, (LegendEntry) { LEGEND_ARROW }, _("Arrow: who reached out"));
  if (self->legend->len == heading + 1)
    {
      g_clear_object (&g_array_index (self->legend, LegendEntry, heading).layout);
      g_array_set_size (self->legend, heading);
    }

  heading = self->legend->len;
  /* TRANSLATORS: a heading in a diagram's legend, above shapes and sizes */
  add_legend_entry (self, (LegendEntry) { LEGEND_HEADING }, _("Actors"));
  /* Shapes say something once there is more than one of them. */
  for (TiesActorKind kind = TIES_ACTOR_PERSON; n_shapes > 1 && kind <= TIES_ACTOR_GROUP; kind++)
    if (shapes[kind])
      add_legend_entry (self, (LegendEntry) { LEGEND_SHAPE, .shape = kind },
                        ties_actor_kind_get_label (kind));
  if (max_radius > min_radius + 0.01)
    /* TRANSLATORS: in a diagram's legend, beside a small and a large node */
    add_legend_entry (self, (LegendEntry) { LEGEND_NODE_SIZE }, _("Size: number of events"));
  if (self->legend->len == heading + 1)
    {
      g_clear_object (&g_array_index (self->legend, LegendEntry, heading).layout);
      g_array_set_size (self->legend, heading);
    }

  if (group_order->len > 0)
    add_legend_entry (self, (LegendEntry) { LEGEND_HEADING },
                      /* TRANSLATORS: a heading in a diagram's legend, above colours */
                      self->by_community ? _("Communities") : _("Affiliations"));
  for (guint i = 0; i < group_order->len; i++)
    {
      const char *key = g_ptr_array_index (group_order, i);
      TiesActor *leader = ties_document_lookup_actor (document, key);
      const char *name = leader != NULL ? ties_actor_get_name (leader) : key;
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (groups, key)) - 1;
      const guint32 *palette = self->style == TIES_STYLE_DARK ? palette_dark : palette_light;
      LegendEntry entry = { LEGEND_COLOR, .color = palette[index % G_N_ELEMENTS (palette_light)] };

      if (leader != NULL)
        parse_color (ties_actor_get_color (leader), &entry.color);

      if (n_swatches == MAX_SWATCHES)
        {
          guint rest = group_order->len - i;
          g_autofree char *text = NULL;

          if (self->by_community)
            text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "and %u more community",
                                                 "and %u more communities",
                                                 rest), rest);
          else
            text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "and %u more affiliation",
                                                 "and %u more affiliations",
                                                 rest), rest);

          entry.color = LONER_COLOR;
          add_legend_entry (self, entry, text);
          break;
        }
      add_legend_entry (self, entry, name != NULL && *name != '\0' ? name : key);
      n_swatches++;
    }

  if (self->by_community && self->any_alone)
    /* TRANSLATORS: in a diagram's legend, beside a grey dot: actors
     * whose community has no one else in the drawing */
    add_legend_entry (self, (LegendEntry) { LEGEND_COLOR, .color = LONER_COLOR }, _("In a community of one"));

  self->legend_row = 1.6 * size;
  for (guint i = 0; i < self->legend->len; i++)
    {
      LegendEntry *entry = &g_array_index (self->legend, LegendEntry, i);
      double x, y, w, h;

      _ties_renderer_layout_box (entry->layout, size, &x, &y, &w, &h);
      /* A heading starts where the symbols do. */
      width = MAX (width, (entry->symbol == LEGEND_HEADING ? 0 : LEGEND_TEXT_X) + w);
    }
  self->legend_column = width + 2 * size;
}

static void
box_add (Box    *box,
         double  x0,
         double  y0,
         double  x1,
         double  y1)
{
  box->x0 = MIN (box->x0, x0);
  box->y0 = MIN (box->y0, y0);
  box->x1 = MAX (box->x1, x1);
  box->y1 = MAX (box->y1, y1);
}

/* Flows the legend into columns of at most @rows rows, a section's
 * heading never last in its column; fills @frame's legend size and
 * entry origins. */
static void
flow_legend (TiesScene *self,
             guint      rows,
             Frame     *frame)
{
  guint column = 0, row = 0, max_row = 0;

  g_assert (self != NULL);

  frame->legend_xy = g_new (double, 2 * MAX (self->legend->len, 1));
  for (guint i = 0; i < self->legend->len; i++)
    {
      LegendEntry *entry = &g_array_index (self->legend, LegendEntry, i);

      if (row > 0 && (row >= rows || (entry->symbol == LEGEND_HEADING && row + 1 >= rows)))
        {
          column++;
          row = 0;
        }
      frame->legend_xy[2 * i] = column * self->legend_column;
      frame->legend_xy[2 * i + 1] = row * self->legend_row;
      row++;
      max_row = MAX (max_row, row);
    }

  frame->legend_width = column * self->legend_column + (self->legend_column - 2 * LEGEND_SIZE);
  frame->legend_height = max_row * self->legend_row;
}

static void
frame_clear (gpointer data)
{
  Frame *frame = data;

  g_clear_pointer (&frame->legend_xy, g_free);
}

/* One frame for each placement of the legend (beside the drawing or
 * below it) and each number of columns that could suit a page:
 * _ties_renderer_choose_frame() takes whichever draws largest. */
static void
build_frames (TiesScene *self)
{
  Box content = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  double gap = CHROME_GAP * self->chrome;
  guint n = self->legend_apart ? 0 : self->legend->len;
  guint columns[] = { 1, 2, 3, 4, 6 };

  g_assert (self != NULL);

  for (guint i = 0; i < self->nodes->len; i++)
    {
      SceneNode *node = &g_array_index (self->nodes, SceneNode, i);

      box_add (&content, node->x - node->radius, node->y - node->radius,
               node->x + node->radius, node->y + node->radius);
    }
  for (guint i = 0; i < self->labels->len; i++)
    {
      SceneLabel *l = g_ptr_array_index (self->labels, i);

      box_add (&content, l->x, l->y, l->x + l->width, l->y + l->height);
    }
  /* The outermost ring's guide is part of the drawing, not clipped. */
  for (guint i = 0; i < self->rings->len; i++)
    {
      double r = g_array_index (self->rings, double, i);

      box_add (&content, self->ring_x - r, self->ring_y - r, self->ring_x + r, self->ring_y + r);
    }
  if (content.x0 > content.x1)
    content = (Box) { -50, -50, 50, 50 };

  g_array_set_clear_func (self->frames, frame_clear);
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    for (guint below = 0; below < 2; below++)
      {
        Frame frame = { 0 };
        Box bounds = content;
        double x, y, w, h;

        /* More columns than entries would repeat a frame. */
        if (c > 0 && (n + columns[c - 1] - 1) / columns[c - 1] <= 1)
          break;

        if (n > 0)
          {
            flow_legend (self, (n + columns[c] - 1) / columns[c], &frame);
            frame.legend_x = below ? content.x0 : content.x1 + gap;
            frame.legend_y = below ? content.y1 + gap : content.y0;
            box_add (&bounds, frame.legend_x, frame.legend_y,
                     frame.legend_x + frame.legend_width * self->chrome,
                     frame.legend_y + frame.legend_height * self->chrome);
          }

        /* Texts are measured at their own size and drawn scaled by the
         * chrome, so Pango never sees a size made of the drawing's. */
        if (self->title_layout != NULL)
          {
            _ties_renderer_layout_box (self->title_layout, TITLE_SIZE, &x, &y, &w, &h);
            x *= self->chrome;
            y *= self->chrome;
            w *= self->chrome;
            h *= self->chrome;
            frame.title_x = (bounds.x0 + bounds.x1) / 2 - w / 2 - x;
            frame.title_y = bounds.y0 - gap - h - y;
            box_add (&bounds, frame.title_x + x, frame.title_y + y,
                     frame.title_x + x + w, frame.title_y + y + h);
          }

        if (self->caption_layout != NULL)
          {
            _ties_renderer_layout_box (self->caption_layout, CAPTION_SIZE, &x, &y, &w, &h);
            x *= self->chrome;
            y *= self->chrome;
            w *= self->chrome;
            h *= self->chrome;
            frame.caption_x = bounds.x0 - x;
            frame.caption_y = bounds.y1 + gap - y;
            box_add (&bounds, frame.caption_x + x, frame.caption_y + y,
                     frame.caption_x + x + w, frame.caption_y + y + h);
          }

        frame.bounds = bounds;
        g_array_append_val (self->frames, frame);
        /* Without a legend, where it goes makes no difference. */
        if (n == 0)
          break;
      }
}

/* Names are placed for every actor, drawn or not, so that they keep
 * their places from one day to the next (TiesRenderOptions.as_of);
 * those of actors not drawn are then dropped. */
static void
drop_hidden_labels (TiesScene *self)
{
  g_assert (self != NULL);

  for (guint i = self->labels->len; i > 0; i--)
    {
      SceneLabel *label = g_ptr_array_index (self->labels, i - 1);

      if (g_array_index (self->nodes, SceneNode, label->node).hidden)
        g_ptr_array_remove_index (self->labels, i - 1);
    }
}

/* The labels and the frames again, after the places or the labels'
 * scale changed; returns how many names are not whole. */
static guint
place_again (TiesScene    *self,
             TiesDocument *document,
             TiesGraph    *graph)
{
  guint n_not_whole;

  g_ptr_array_set_size (self->labels, 0);
  n_not_whole = _ties_renderer_place_labels (self, document, graph);
  g_array_set_size (self->frames, 0);
  build_frames (self);

  return n_not_whole;
}

/* A force layout's shape is an accident of the forces: a drawing twice
 * as wide as high leaves half a 4:3 page empty. Stretching its places
 * along the short axis (nodes and labels keep their size) spreads it
 * over the page, and gives crowded labels room. Up to MAX_STRETCH, so
 * that the picture stays the one the window shows; each pass measures
 * what the legend and labels left free and takes it. */
#define MAX_STRETCH 2.5
#define MAX_FILL_NODES 2000

static guint
fill_page (TiesScene    *self,
           TiesDocument *document,
           TiesGraph    *graph,
           guint         n_not_whole,
           double        width,
           double        height)
{
  double stretched_x = 1, stretched_y = 1;

  g_assert (self != NULL);

  for (guint pass = 0; pass < 2; pass++)
    {
      double s, tx, ty, m = MIN (width, height) * FRAME_MARGIN;
      const Frame *frame = _ties_renderer_choose_frame (self, width, height, &s, &tx, &ty);
      double spare_x = (width - 2 * m) / s - (frame->bounds.x1 - frame->bounds.x0);
      double spare_y = (height - 2 * m) / s - (frame->bounds.y1 - frame->bounds.y0);
      Box centres = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
      double fx = 1, fy = 1, cx, cy;

      for (guint i = 0; i < self->nodes->len; i++)
        {
          SceneNode *node = &g_array_index (self->nodes, SceneNode, i);

          box_add (&centres, node->x, node->y, node->x, node->y);
        }
      if (self->nodes->len < 2)
        return n_not_whole;

      /* Less than a few percent free is a page already filled. */
      if (spare_y > 0.03 * (height - 2 * m) / s && centres.y1 - centres.y0 > 1)
        fy = MIN ((centres.y1 - centres.y0 + spare_y) / (centres.y1 - centres.y0), MAX_STRETCH / stretched_y);
      else if (spare_x > 0.03 * (width - 2 * m) / s && centres.x1 - centres.x0 > 1)
        fx = MIN ((centres.x1 - centres.x0 + spare_x) / (centres.x1 - centres.x0), MAX_STRETCH / stretched_x);
      if (fx < 1.01 && fy < 1.01)
        return n_not_whole;

      cx = (centres.x0 + centres.x1) / 2;
      cy = (centres.y0 + centres.y1) / 2;
      for (guint i = 0; i < self->nodes->len; i++)
        {
          SceneNode *node = &g_array_index (self->nodes, SceneNode, i);

          node->x = cx + (node->x - cx) * fx;
          node->y = cy + (node->y - cy) * fy;
        }
      stretched_x *= fx;
      stretched_y *= fy;

      n_not_whole = place_again (self, document, graph);
    }

  return n_not_whole;
}

/* Names shortened on a page with room to spare: the places are spread
 * evenly (a similarity, so rings stay rings), a step at a time up to
 * MAX_SPREAD while their text stays at least MIN_LABEL_PX on the page;
 * the smallest spread that leaves fewest names shortened is kept. Label
 * placement runs once a step: only for drawings a reader could label. */
#define SPREAD_STEP 1.12
#define MAX_SPREAD 1.6
#define MIN_LABEL_PX 10.0
#define MAX_SPREAD_NODES 500

/* @from: the nodes' places, then the rings' centre and radii. */
static void
spread_places (TiesScene    *self,
               const double *from,
               double        factor)
{
  const double *rings = from + 2 * self->nodes->len;
  double cx = 0, cy = 0;

  for (guint i = 0; i < self->nodes->len; i++)
    {
      cx += from[2 * i] / self->nodes->len;
      cy += from[2 * i + 1] / self->nodes->len;
    }
  for (guint i = 0; i < self->nodes->len; i++)
    {
      SceneNode *node = &g_array_index (self->nodes, SceneNode, i);

      node->x = cx + (from[2 * i] - cx) * factor;
      node->y = cy + (from[2 * i + 1] - cy) * factor;
    }
  self->ring_x = cx + (rings[0] - cx) * factor;
  self->ring_y = cy + (rings[1] - cy) * factor;
  for (guint i = 0; i < self->rings->len; i++)
    g_array_index (self->rings, double, i) = rings[2 + i] * factor;
}

static void
spread_for_labels (TiesScene    *self,
                   TiesDocument *document,
                   TiesGraph    *graph,
                   guint         n_not_whole,
                   double        width,
                   double        height)
{
  g_autofree double *start = NULL;
  double best_factor = 1, factor = 1;
  guint best = n_not_whole;

  g_assert (self != NULL);

  if (n_not_whole == 0 || self->nodes->len < 2 || self->nodes->len > MAX_SPREAD_NODES)
    return;

  start = g_new (double, 2 * self->nodes->len + 2 + self->rings->len);
  for (guint i = 0; i < self->nodes->len; i++)
    {
      SceneNode *node = &g_array_index (self->nodes, SceneNode, i);

      start[2 * i] = node->x;
      start[2 * i + 1] = node->y;
    }
  start[2 * self->nodes->len] = self->ring_x;
  start[2 * self->nodes->len + 1] = self->ring_y;
  for (guint i = 0; i < self->rings->len; i++)
    start[2 * self->nodes->len + 2 + i] = g_array_index (self->rings, double, i);

  while (best > 0 && (factor *= SPREAD_STEP) <= MAX_SPREAD)
    {
      double s, tx, ty;
      guint n;

      spread_places (self, start, factor);
      n = place_again (self, document, graph);
      _ties_renderer_choose_frame (self, width, height, &s, &tx, &ty);

      if (LABEL_SIZE * s < MIN_LABEL_PX)
        break;
      if (n < best)
        {
          best = n;
          best_factor = factor;
        }
    }

  if (best_factor == factor)
    return;
  spread_places (self, start, best_factor);
  place_again (self, document, graph);
}

/* Text is measured with unhinted metrics on a context of this thread's
 * default font map (Pango's font maps are per thread). */
static PangoContext *
make_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *font_options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (font_options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, font_options);
  cairo_font_options_destroy (font_options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_get_default ());

  return context;
}

void
ties_scene_prepare_fonts (void)
{
  /* Making the font map starts fontconfig's reading of the font
   * configuration and caches in a thread of Pango's; the first layout
   * waits for it. */
  (void) pango_cairo_font_map_get_default ();
}

/* The radial layout's rings, as the nodes are: finite and within what
 * cairo takes. */
static void
copy_rings (TiesScene *self,
            TiesGraph *graph)
{
  g_assert (self != NULL && graph != NULL);

  self->rings = g_array_new (FALSE, FALSE, sizeof (double));
  if (graph->rings == NULL || !isfinite (graph->ring_x) || !isfinite (graph->ring_y))
    return;
  self->ring_x = CLAMP (graph->ring_x, -MAX_COORD, MAX_COORD);
  self->ring_y = CLAMP (graph->ring_y, -MAX_COORD, MAX_COORD);
  for (guint i = 0; i < graph->rings->len; i++)
    {
      double r = g_array_index (graph->rings, double, i);

      if (isfinite (r) && r > 0)
        {
          r = MIN (r, MAX_COORD);
          g_array_append_val (self->rings, r);
        }
    }
}

/* As of a day */

/* The events that have begun by @as_of (their first day is on or before
 * its last), of those the network counts; borrowed from the document.
 * An undated event is not among them: nothing says it had happened. */
static GHashTable *
events_begun_by (TiesDocument *document,
                 TiesNetwork  *network,
                 TiesDate     *as_of)
{
  GListModel *events = ties_document_get_events (document);
  GHashTable *begun = g_hash_table_new (NULL, NULL);
  gint64 first_day, last_day, as_of_last_day;

  g_assert (TIES_IS_DOCUMENT (document));
  g_assert (as_of != NULL);

  ties_date_get_strict_range (as_of, &first_day, &as_of_last_day);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (events, i);
      TiesDate *date = ties_event_get_parsed_date (event);

      if (date == NULL || (network != NULL && !ties_network_includes_event (network, event)))
        continue;
      ties_date_get_strict_range (date, &first_day, &last_day);
      if (first_day <= as_of_last_day)
        g_hash_table_add (begun, event);
    }

  return begun;
}

/* Of @begun, the events that had not ended before @recent_from's first
 * day and that @kept keeps as well (NULL: keeps all): what stands out
 * when the diagram dims events for their age. */
static GHashTable *
recent_events (GHashTable *begun,
               GHashTable *kept,
               TiesDate   *recent_from)
{
  GHashTable *recent = g_hash_table_new (NULL, NULL);
  gint64 from_first_day, first_day, last_day;
  GHashTableIter iter;
  gpointer event;

  g_assert (begun != NULL);
  g_assert (recent_from != NULL);

  ties_date_get_strict_range (recent_from, &from_first_day, &last_day);
  g_hash_table_iter_init (&iter, begun);
  while (g_hash_table_iter_next (&iter, &event, NULL))
    {
      ties_date_get_strict_range (ties_event_get_parsed_date (event), &first_day, &last_day);
      if (last_day >= from_first_day && (kept == NULL || g_hash_table_contains (kept, event)))
        g_hash_table_add (recent, event);
    }

  return recent;
}

/* Once everything has its place as in the scene of every event (places,
 * labels, the room for the legend), what a scene as of a day leaves out:
 * the actors and ties of no event yet, their names, and what only they
 * brought to the legend. The frames, made with the whole legend, are
 * kept while the shorter one fits them: from one day to the next, the
 * drawing then stays where it is on the page. */
static void
leave_out_not_begun (TiesScene               *self,
                     TiesDocument            *document,
                     TiesNetwork             *network,
                     TiesGraph               *graph,
                     const TiesRenderOptions *options,
                     gboolean                 dimming,
                     gboolean                 dim_by_age,
                     GHashTable              *counted,
                     GHashTable              *groups,
                     GPtrArray               *group_order)
{
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) kinds_by_line = NULL;
  g_autoptr(GPtrArray) drawn_groups = g_ptr_array_new ();
  guint n_whole_legend = self->legend->len;
  GHashTableIter iter;
  gpointer event;

  g_assert (self != NULL);
  g_assert (counted != NULL);

  g_hash_table_iter_init (&iter, counted);
  while (g_hash_table_iter_next (&iter, &event, NULL))
    {
      const char * const *participants = ties_event_get_participants (event);

      for (guint p = 0; participants != NULL && participants[p] != NULL; p++)
        g_hash_table_add (present, (gpointer) participants[p]);
    }
  for (guint i = 0; i < self->nodes->len; i++)
    g_array_index (self->nodes, SceneNode, i).hidden = !g_hash_table_contains (present, ties_graph_node (graph, i)->id);
  drop_hidden_labels (self);

  g_array_set_size (self->edges, 0);
  self->any_one_source = self->any_no_evidence = self->any_strands = FALSE;
  kinds_by_line = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  build_edges (self, document, network, graph, options, dimming, dim_by_age, counted, kinds_by_line);

  if (!options->legend && !options->legend_apart)
    return;

  for (guint i = 0; i < group_order->len; i++)
    {
      guint group = GPOINTER_TO_UINT (g_hash_table_lookup (groups, g_ptr_array_index (group_order, i)));

      for (guint n = 0; n < self->nodes->len; n++)
        if (g_array_index (self->nodes, SceneNode, n).group == group
            && !g_array_index (self->nodes, SceneNode, n).hidden)
          {
            g_ptr_array_add (drawn_groups, g_ptr_array_index (group_order, i));
            break;
          }
    }

  for (guint i = 0; i < self->legend->len; i++)
    g_clear_object (&g_array_index (self->legend, LegendEntry, i).layout);
  g_array_set_size (self->legend, 0);
  build_legend (self, document, kinds_by_line, drawn_groups, groups);

  /* A legend longer than the whole one (a tie of two events became one
   * of one, and the widths now differ) does not fit the room kept. */
  if (self->legend->len > n_whole_legend)
    {
      g_array_set_size (self->frames, 0);
      build_frames (self);
    }
  if (self->legend_apart)
    {
      frame_clear (&self->apart);
      flow_legend (self, MAX (self->legend->len, 1), &self->apart);
    }
}

TiesScene *
ties_scene_new (TiesDocument            *document,
                TiesNetwork             *network,
                TiesGraph               *graph,
                const TiesRenderOptions *options)
{
  TiesScene *self;
  TiesRenderOptions defaults;
  TiesRenderOptions with_filter;
  g_autoptr(GHashTable) kept = NULL;
  g_autoptr(GHashTable) groups = NULL;
  g_autoptr(GPtrArray) group_order = NULL;
  g_autoptr(GHashTable) kinds_by_line = NULL;
  g_autoptr(GHashTable) counted = NULL;
  g_autoptr(GHashTable) initials_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean own_highlight;
  gboolean dimming;
  gboolean dim_by_age = FALSE;
  guint n_not_whole;
  g_autofree char *caption = NULL;
  Box content = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (network == NULL || TIES_IS_NETWORK (network), NULL);
  g_return_val_if_fail (graph != NULL, NULL);

  if (options == NULL)
    {
      ties_render_options_init (&defaults);
      options = &defaults;
    }

  own_highlight = (options->highlighted_events != NULL && g_hash_table_size (options->highlighted_events) > 0)
                  || (options->highlighted_actors != NULL && g_hash_table_size (options->highlighted_actors) > 0);

  /* The filter's highlight mode: what it keeps stands out wherever the
   * diagram is drawn (view, export, print, command line), unless the
   * caller highlights something of its own (a selection). */
  if (network != NULL && !own_highlight)
    kept = ties_network_dup_highlighted_events (network);

  /* As of a day, recent events stand out the same way, even when none
   * is recent: then everything is dimmed. */
  if (options->as_of != NULL)
    counted = events_begun_by (document, network, options->as_of);
  if (counted != NULL && options->recent_from != NULL && !own_highlight)
    {
      GHashTable *recent = recent_events (counted, kept, options->recent_from);

      g_clear_pointer (&kept, g_hash_table_unref);
      kept = recent;
      dim_by_age = TRUE;
    }

  if (kept != NULL)
    {
      with_filter = *options;
      with_filter.highlighted_events = kept;
      options = &with_filter;
    }

  self = g_new0 (TiesScene, 1);
  self->style = options->style;
  self->solid_background = options->solid_background;
  self->title = g_strdup (options->title);
  self->nodes = g_array_new (FALSE, TRUE, sizeof (SceneNode));
  self->edges = g_array_new (FALSE, TRUE, sizeof (SceneEdge));
  self->labels = g_ptr_array_new_with_free_func (scene_label_free);
  self->legend = g_array_new (FALSE, TRUE, sizeof (LegendEntry));
  self->frames = g_array_new (FALSE, TRUE, sizeof (Frame));
  self->label_scale = 1.0;
  self->legend_apart = options->legend_apart;

  /* Text is measured once, on a context of its own rather than the
   * target's, with metrics unhinted: a label has the same size on
   * screen, in PNG, SVG and PDF, so the placement holds for all. */
  self->context = make_context ();

  copy_rings (self, graph);

  dimming = dim_by_age
            || (options->highlighted_actors != NULL && g_hash_table_size (options->highlighted_actors) > 0)
            || (options->highlighted_events != NULL && g_hash_table_size (options->highlighted_events) > 0);

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      TiesGraphNode *graph_node = ties_graph_node (graph, i);
      TiesActor *actor = ties_document_lookup_actor (document, graph_node->id);
      SceneNode node = { 0 };

      /* Whatever the graph holds, the scene's geometry stays finite
       * and within what cairo and the label grid can take. */
      node.x = isfinite (graph_node->x) ? CLAMP (graph_node->x, -MAX_COORD, MAX_COORD) : 0;
      node.y = isfinite (graph_node->y) ? CLAMP (graph_node->y, -MAX_COORD, MAX_COORD) : 0;
      node.radius = graph_node->radius > 0 ? MIN (graph_node->radius, MAX_NODE_RADIUS) : TIES_SCENE_MIN_RADIUS;
      node.shape = actor != NULL ? ties_actor_get_kind (actor) : TIES_ACTOR_PERSON;
      if (dimming)
        node.dim = options->highlighted_actors == NULL
                   || !g_hash_table_contains (options->highlighted_actors, graph_node->id);
      g_array_append_val (self->nodes, node);
      box_add (&content, node.x - node.radius, node.y - node.radius,
               node.x + node.radius, node.y + node.radius);
    }

  /* Those who took part in a highlighted event are highlighted too. */
  if (dimming && options->highlighted_events != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, options->highlighted_events);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          const char * const *participants = ties_event_get_participants (TIES_EVENT (key));

          for (guint p = 0; participants != NULL && participants[p] != NULL; p++)
            {
              guint index = ties_graph_lookup (graph, participants[p]);

              if (index != G_MAXUINT)
                g_array_index (self->nodes, SceneNode, index).dim = FALSE;
            }
        }
    }

  groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  group_order = g_ptr_array_new_with_free_func (g_free);
  self->by_community = options->communities != NULL;
  if (self->by_community)
    assign_community_colors (self, graph, options->communities, groups, group_order);
  else
    assign_colors (self, document, graph, groups, group_order);

  for (guint i = 0; i < self->nodes->len; i++)
    {
      SceneNode *node = &g_array_index (self->nodes, SceneNode, i);
      TiesActor *actor = ties_document_lookup_actor (document, ties_graph_node (graph, i)->id);
      g_autofree char *initials = NULL;
      const char *name = actor != NULL ? ties_actor_get_name (actor) : NULL;

      if (!options->initials || node->radius < INITIALS_MIN_RADIUS || name == NULL)
        continue;
      initials = ties_actor_make_initials (name);
      if (initials == NULL)
        continue;
      /* Actors with the same initials share their layout: laid out once
       * when first measured, rather than once for each of them. */
      node->initials = g_hash_table_lookup (initials_layouts, initials);
      if (node->initials != NULL)
        {
          g_object_ref (node->initials);
          continue;
        }
      node->initials = _ties_renderer_make_layout (self, initials, PANGO_WEIGHT_BOLD);
      g_hash_table_insert (initials_layouts, g_steal_pointer (&initials), node->initials);
    }

  kinds_by_line = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  build_edges (self, document, network, graph, options, dimming, dim_by_age, NULL, kinds_by_line);

  /* Set for a scale (the window's): names and legend at their size on
   * screen from the start, placed once. */
  if (options->text_scale > 0 && isfinite (options->text_scale))
    self->label_scale = CLAMP (1 / options->text_scale, 1e-6, 1e6);

  n_not_whole = _ties_renderer_place_labels (self, document, graph);

  /* The legend and texts keep their size next to the drawing, even when
   * a large network makes the diagram many times the page. */
  if (options->text_scale > 0 && isfinite (options->text_scale))
    self->chrome = self->label_scale;
  else if (content.x0 <= content.x1 && isfinite (content.x1 - content.x0) && isfinite (content.y1 - content.y0))
    self->chrome = MAX (1.0, MAX (content.x1 - content.x0, content.y1 - content.y0) / 800.0);
  else
    self->chrome = 1.0;

  if (options->legend || options->legend_apart)
    build_legend (self, document, kinds_by_line, group_order, groups);
  if (self->legend_apart)
    flow_legend (self, MAX (self->legend->len, 1), &self->apart);

  if (options->title != NULL && *options->title != '\0')
    {
      self->title_layout = _ties_renderer_make_layout (self, options->title, PANGO_WEIGHT_BOLD);
      /* The drawing's width at the title's own size: at most 800. */
      pango_layout_set_width (self->title_layout,
                              (int) (MAX (MIN ((content.x1 - content.x0) / self->chrome, 800), 400)
                                     / text_factor (TITLE_SIZE) * PANGO_SCALE));
      pango_layout_set_alignment (self->title_layout, PANGO_ALIGN_CENTER);
    }

  caption = options->caption != NULL ? g_strdup (options->caption) : ties_scene_default_caption (document);
  if (caption != NULL && *caption != '\0')
    self->caption_layout = _ties_renderer_make_layout (self, caption, PANGO_WEIGHT_NORMAL);

  build_frames (self);

  if (options->page_width > 0 && options->page_height > 0
      && isfinite (options->page_width) && isfinite (options->page_height)
      && self->nodes->len <= MAX_FILL_NODES)
    {
      if (options->fill_page)
        n_not_whole = fill_page (self, document, graph, n_not_whole, options->page_width, options->page_height);
      spread_for_labels (self, document, graph, n_not_whole, options->page_width, options->page_height);
    }

  if (counted != NULL)
    leave_out_not_begun (self, document, network, graph, options, dimming, dim_by_age,
                         counted, groups, group_order);

  route_edges (self);

  self->svg = _ties_svg_info_new (document, network, graph, counted);

  return self;
}

void
ties_scene_set_text_scale (TiesScene    *self,
                           TiesDocument *document,
                           TiesGraph    *graph,
                           double        pixels_per_unit)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (TIES_IS_DOCUMENT (document));
  g_return_if_fail (graph != NULL && graph->nodes->len == self->nodes->len);

  if (!(pixels_per_unit > 0) || !isfinite (pixels_per_unit))
    return;

  /* In units, the text grows as the drawing is shrunk into its area,
   * and shrinks as it is zoomed in: on screen it keeps its size. */
  self->label_scale = CLAMP (1 / pixels_per_unit, 1e-6, 1e6);
  self->chrome = self->label_scale;
  place_again (self, document, graph);
  drop_hidden_labels (self);
}

/* Of what the actors alone could take of the area, the least the
 * drawing keeps. */
#define MIN_DRAWING_SHARE 0.6

gboolean
ties_scene_keep_drawing_large (TiesScene    *self,
                               TiesDocument *document,
                               TiesGraph    *graph,
                               double        width,
                               double        height)
{
  Box nodes = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  double m = MIN (width, height) * FRAME_MARGIN;
  double s, tx, ty, least, half_w, half_h, cx, cy;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (TIES_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (graph != NULL && graph->nodes->len == self->nodes->len, FALSE);

  for (guint i = 0; i < self->nodes->len; i++)
    {
      SceneNode *node = &g_array_index (self->nodes, SceneNode, i);

      if (!node->hidden)
        box_add (&nodes, node->x - node->radius, node->y - node->radius,
                 node->x + node->radius, node->y + node->radius);
    }
  if (nodes.x0 > nodes.x1 || width <= 2 * m || height <= 2 * m)
    return FALSE;

  least = MIN_DRAWING_SHARE * MIN ((width - 2 * m) / MAX (nodes.x1 - nodes.x0, 1e-6),
                                   (height - 2 * m) / MAX (nodes.y1 - nodes.y0, 1e-6));
  _ties_renderer_choose_frame (self, width, height, &s, &tx, &ty);
  if (s >= least || !isfinite (least))
    return FALSE;

  ties_scene_set_text_scale (self, document, graph, least);
  cx = (nodes.x0 + nodes.x1) / 2;
  cy = (nodes.y0 + nodes.y1) / 2;
  half_w = (width - 2 * m) / least / 2;
  half_h = (height - 2 * m) / least / 2;
  for (guint i = self->labels->len; i > 0; i--)
    {
      SceneLabel *l = g_ptr_array_index (self->labels, i - 1);

      if (l->x < cx - half_w || l->x + l->width > cx + half_w
          || l->y < cy - half_h || l->y + l->height > cy + half_h)
        g_ptr_array_remove_index (self->labels, i - 1);
    }
  g_array_set_size (self->frames, 0);
  build_frames (self);

  return TRUE;
}

double
ties_scene_get_text_scale (TiesScene *self)
{
  g_return_val_if_fail (self != NULL, 1.0);

  return 1 / self->label_scale;
}

void
ties_scene_free (TiesScene *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->nodes->len; i++)
    g_clear_object (&g_array_index (self->nodes, SceneNode, i).initials);
  for (guint i = 0; i < self->legend->len; i++)
    g_clear_object (&g_array_index (self->legend, LegendEntry, i).layout);
  g_array_unref (self->nodes);
  g_array_unref (self->edges);
  g_ptr_array_unref (self->labels);
  _ties_renderer_forget_name_shapes (self);
  g_array_unref (self->legend);
  g_array_unref (self->frames);
  frame_clear (&self->apart);
  g_clear_object (&self->title_layout);
  g_clear_object (&self->caption_layout);
  g_clear_object (&self->context);
  for (guint f = 0; f < G_N_ELEMENTS (self->fonts); f++)
    g_clear_pointer (&self->fonts[f], pango_font_description_free);
  g_clear_pointer (&self->svg, _ties_svg_info_free);
  g_clear_pointer (&self->rings, g_array_unref);
  g_free (self->title);
  g_free (self);
}

static void
rebind_layout (PangoLayout  **layout,
               PangoContext  *context)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  PangoLayout *copy;

  if (*layout == NULL)
    return;

  bytes = pango_layout_serialize (*layout, PANGO_LAYOUT_SERIALIZE_DEFAULT);
  copy = pango_layout_deserialize (context, bytes, PANGO_LAYOUT_DESERIALIZE_DEFAULT, &error);
  /* A layout Pango wrote always reads back; keep the old one if not. */
  g_return_if_fail (copy != NULL);

  g_object_unref (*layout);
  *layout = copy;
}

/* Moves the scene's text onto the calling thread's font map, so a worker
 * thread can draw it while the main thread draws the window. */
void
ties_scene_rebind_fonts (TiesScene *self)
{
  PangoContext *context;

  g_return_if_fail (self != NULL);

  context = make_context ();

  for (guint i = 0; i < self->nodes->len; i++)
    rebind_layout (&g_array_index (self->nodes, SceneNode, i).initials, context);
  for (guint i = 0; i < self->labels->len; i++)
    rebind_layout (&((SceneLabel *) g_ptr_array_index (self->labels, i))->layout, context);
  for (guint i = 0; i < self->legend->len; i++)
    rebind_layout (&g_array_index (self->legend, LegendEntry, i).layout, context);
  rebind_layout (&self->title_layout, context);
  rebind_layout (&self->caption_layout, context);
  /* Measured on the other thread's font map: measured again if asked. */
  _ties_renderer_forget_name_shapes (self);

  g_object_unref (self->context);
  self->context = context;
}
