/* ties-renderer-labels.c: placing the labels of a scene's nodes
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ties-renderer-private.h"

/* Label placement
 *
 * The rule: labels are placed one node at a time, most active node
 * first (ties broken by node order, so the result is deterministic).
 * For each, candidate boxes are tried in a fixed order: right of the
 * node, left, below, above, then the four diagonals, then the eight
 * angles between, then all sixteen again 0.8 and 2 text lines further
 * out. The first box that overlaps no node disc and no label placed
 * before it, and has no other node nearer than its own, wins. If none
 * fits, the name is broken between its words onto two, then three
 * lines, and only then shortened with an ellipsis to 60 %, then 35 % of
 * its width (never below about five letters) and tried again; if still
 * nothing fits, the label is left out: an overlapping or stray label
 * would mislead more than a missing one.
 * A uniform grid holds the nodes and placed labels so that each test
 * looks only at its neighbourhood. It covers the nodes; what lies
 * beyond is kept in its edge cells, which only makes those hold more. */

typedef struct
{
  Box box;
  gboolean is_disc;
  double cx, cy, r;
} Obstacle;

typedef struct
{
  double cell;
  double x0, y0;         /* the grid's corner */
  guint nx, ny;          /* cells across and down */
  GArray **cells;        /* nx × ny, row by row: GArray of guint, or NULL */
  GArray *obstacles;     /* Obstacle */
  guint *stamps;
  guint stamp;
  guint stamps_size;
} Grid;

/* A grid of cells @cell wide over the nodes: an array rather than a
 * hash table of cells, which made a third of placing the labels. */
static void
grid_init (Grid      *grid,
           GArray    *nodes,
           double     cell)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  double nx, ny;

  g_assert (grid != NULL && nodes != NULL);

  for (guint i = 0; i < nodes->len; i++)
    {
      SceneNode *node = &g_array_index (nodes, SceneNode, i);

      x0 = MIN (x0, node->x - node->radius);
      y0 = MIN (y0, node->y - node->radius);
      x1 = MAX (x1, node->x + node->radius);
      y1 = MAX (y1, node->y + node->radius);
    }
  if (!(x1 >= x0 && y1 >= y0) || !isfinite (x1 - x0) || !isfinite (y1 - y0))
    x0 = y0 = x1 = y1 = 0;

  /* No more cells than a few a node: far-flung nodes get larger cells. */
  nx = floor ((x1 - x0) / cell) + 1;
  ny = floor ((y1 - y0) / cell) + 1;
  while (nx * ny > 4.0 * nodes->len + 256)
    {
      cell *= 2;
      nx = floor ((x1 - x0) / cell) + 1;
      ny = floor ((y1 - y0) / cell) + 1;
    }

  grid->cell = cell;
  grid->x0 = x0;
  grid->y0 = y0;
  grid->nx = (guint) nx;
  grid->ny = (guint) ny;
  grid->cells = g_new0 (GArray *, (gsize) grid->nx * grid->ny);
  grid->obstacles = g_array_new (FALSE, FALSE, sizeof (Obstacle));
}

static void
grid_clear (Grid *grid)
{
  for (gsize i = 0; i < (gsize) grid->nx * grid->ny; i++)
    g_clear_pointer (&grid->cells[i], g_array_unref);
  g_free (grid->cells);
  g_array_unref (grid->obstacles);
  g_free (grid->stamps);
}

/* The column (or row) of cells holding @x, of @n from @origin. */
static guint
grid_cell (const Grid *grid,
           double      x,
           double      origin,
           guint       n)
{
  double c = floor ((x - origin) / grid->cell);

  if (!(c >= 0))
    return 0;

  return c >= n - 1 ? n - 1 : (guint) c;
}

static void
grid_add (Grid     *grid,
          Obstacle *obstacle)
{
  guint index = grid->obstacles->len;
  guint cx0 = grid_cell (grid, obstacle->box.x0, grid->x0, grid->nx);
  guint cx1 = grid_cell (grid, obstacle->box.x1, grid->x0, grid->nx);
  guint cy0 = grid_cell (grid, obstacle->box.y0, grid->y0, grid->ny);
  guint cy1 = grid_cell (grid, obstacle->box.y1, grid->y0, grid->ny);

  g_assert (grid != NULL);

  g_array_append_val (grid->obstacles, *obstacle);
  if (grid->obstacles->len > grid->stamps_size)
    {
      grid->stamps_size = MAX (64, grid->stamps_size * 2);
      grid->stamps = g_renew (guint, grid->stamps, grid->stamps_size);
      memset (grid->stamps + index, 0, (grid->stamps_size - index) * sizeof (guint));
    }

  for (guint cy = cy0; cy <= cy1; cy++)
    for (guint cx = cx0; cx <= cx1; cx++)
      {
        GArray **list = &grid->cells[(gsize) cy * grid->nx + cx];

        if (*list == NULL)
          *list = g_array_new (FALSE, FALSE, sizeof (guint));
        g_array_append_val (*list, index);
      }
}

static gboolean
box_hits (const Box      *box,
          const Obstacle *obstacle)
{
  double nx, ny;

  g_assert (box != NULL);

  if (box->x1 <= obstacle->box.x0 || obstacle->box.x1 <= box->x0
      || box->y1 <= obstacle->box.y0 || obstacle->box.y1 <= box->y0)
    return FALSE;
  if (!obstacle->is_disc)
    return TRUE;

  nx = CLAMP (obstacle->cx, box->x0, box->x1) - obstacle->cx;
  ny = CLAMP (obstacle->cy, box->y0, box->y1) - obstacle->cy;

  return nx * nx + ny * ny < obstacle->r * obstacle->r;
}

/* Calls @hit for each obstacle whose cells meet the area, once each,
 * until it returns TRUE; returns whether one did. */
static gboolean
grid_any (Grid          *grid,
          double         x0,
          double         y0,
          double         x1,
          double         y1,
          gboolean     (*hit) (guint index, const Obstacle *obstacle, gpointer data),
          gpointer       data)
{
  guint cx0 = grid_cell (grid, x0, grid->x0, grid->nx);
  guint cx1 = grid_cell (grid, x1, grid->x0, grid->nx);
  guint cy0 = grid_cell (grid, y0, grid->y0, grid->ny);
  guint cy1 = grid_cell (grid, y1, grid->y0, grid->ny);

  g_assert (grid != NULL);

  /* An obstacle in several cells is tested once per query. */
  grid->stamp++;
  for (guint cy = cy0; cy <= cy1; cy++)
    for (guint cx = cx0; cx <= cx1; cx++)
      {
        GArray *list = grid->cells[(gsize) cy * grid->nx + cx];

        if (list == NULL)
          continue;
        for (guint i = 0; i < list->len; i++)
          {
            guint index = g_array_index (list, guint, i);

            if (grid->stamps[index] == grid->stamp)
              continue;
            grid->stamps[index] = grid->stamp;
            if (hit (index, &g_array_index (grid->obstacles, Obstacle, index), data))
              return TRUE;
          }
      }

  return FALSE;
}

static gboolean
hits_box (guint           index,
          const Obstacle *obstacle,
          gpointer        data)
{
  return box_hits (data, obstacle);
}

static gboolean
grid_is_free (Grid      *grid,
              const Box *box)
{
  return !grid_any (grid, box->x0, box->y0, box->x1, box->y1, hits_box, (gpointer) box);
}

/* Distance from @box to the edge of the disc of node obstacle @index
 * (negative inside). */
static double
box_disc_distance (const Box      *box,
                   const Obstacle *disc)
{
  double dx = CLAMP (disc->cx, box->x0, box->x1) - disc->cx;
  double dy = CLAMP (disc->cy, box->y0, box->y1) - disc->cy;

  return hypot (dx, dy) - disc->r;
}

typedef struct
{
  const Box *box;
  guint own;
  guint n_nodes;
  double limit;
} NearestQuery;

static gboolean
is_nearer_node (guint           index,
                const Obstacle *obstacle,
                gpointer        data)
{
  NearestQuery *query = data;

  return index < query->n_nodes && index != query->own
         && box_disc_distance (query->box, obstacle) < query->limit;
}

/* A label must sit nearer its own node than any other, or readers pair
 * it with the wrong one. */
static gboolean
grid_is_nearest (Grid      *grid,
                 const Box *box,
                 guint      own,
                 guint      n_nodes)
{
  NearestQuery query = {
    box, own, n_nodes,
    box_disc_distance (box, &g_array_index (grid->obstacles, Obstacle, own)),
  };

  return !grid_any (grid,
                    box->x0 - query.limit, box->y0 - query.limit,
                    box->x1 + query.limit, box->y1 + query.limit,
                    is_nearer_node, &query);
}

/* @width and @height are the label's box; @k, the labels' scale. */
static gboolean
try_place (Grid       *grid,
           guint       own,
           guint       n_nodes,
           SceneNode  *node,
           double      width,
           double      height,
           double      k,
           Box        *out)
{
  /* Right, left, below, above first: the places readers look; then the
   * diagonals, then the angles between, each side alternately. */
  static const double angles[16] = {
    0, 180, 90, 270, 45, 135, 315, 225,
    22.5, 157.5, 337.5, 202.5, 67.5, 112.5, 292.5, 247.5,
  };
  const double further[3] = { 0, 0.8, 2.0 };

  g_assert (grid != NULL);
  g_assert (node != NULL);

  for (guint f = 0; f < G_N_ELEMENTS (further); f++)
    for (guint d = 0; d < G_N_ELEMENTS (angles); d++)
      {
        double angle = angles[d] * G_PI / 180;
        double ux = cos (angle), uy = sin (angle);
        double distance = node->radius + (LABEL_GAP - LABEL_PAD) * k + further[f] * height;
        double ax = node->x + ux * distance;
        double ay = node->y + uy * distance;
        Box box;

        /* The box's side facing the node touches the anchor: its left
         * edge to the right, its middle below, and in between. */
        if (fabs (ux) < 1e-9)
          ux = 0;
        if (fabs (uy) < 1e-9)
          uy = 0;
        box.x0 = ux > 0.3 ? ax : ux < -0.3 ? ax - width : ax - width * (1 - ux / 0.3) / 2;
        box.y0 = uy > 0.3 ? ay : uy < -0.3 ? ay - height : ay - height * (1 - uy / 0.3) / 2;
        box.x1 = box.x0 + width;
        box.y1 = box.y0 + height;

        if (grid_is_free (grid, &box) && grid_is_nearest (grid, &box, own, n_nodes))
          {
            *out = box;
            return TRUE;
          }
      }

  return FALSE;
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean space = g_unichar_isspace (g_utf8_get_char (p));

      n += !space && !in_word;
      in_word = !space;
    }

  return n;
}

/* Wraps @layout, @full_width wide on one line, into at most @lines
 * lines broken only between words, as narrow as that allows; FALSE
 * when it takes fewer lines than asked (an earlier shape) or cannot be
 * done without breaking a word. */
static gboolean
wrap_layout (PangoLayout *layout,
             double       full_width,
             guint        lines)
{
  const char *text = pango_layout_get_text (layout);

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  for (double width = full_width / lines; width < full_width; width *= 1.08)
    {
      PangoLayoutIter *iter;
      gboolean between_words = TRUE;
      guint n;

      pango_layout_set_width (layout, (int) ceil (width * PANGO_SCALE));
      n = pango_layout_get_line_count (layout);
      if (n > lines)
        continue;
      if (n < lines)
        break;

      iter = pango_layout_get_iter (layout);
      while (pango_layout_iter_next_line (iter))
        {
          int start = pango_layout_iter_get_line_readonly (iter)->start_index;
          const char *before = g_utf8_find_prev_char (text, text + start);

          between_words &= before != NULL && g_unichar_isspace (g_utf8_get_char (before));
        }
      pango_layout_iter_free (iter);
      if (between_words)
        return TRUE;
    }

  pango_layout_set_width (layout, -1);

  return FALSE;
}

static int
compare_by_activity (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  TiesGraph *graph = user_data;
  guint ia = *(const guint *) a;
  guint ib = *(const guint *) b;
  guint aa = ties_graph_node (graph, ia)->activity;
  guint ab = ties_graph_node (graph, ib)->activity;

  if (aa != ab)
    return aa > ab ? -1 : 1;

  return ia < ib ? -1 : ia > ib;
}

/* A name is shown whole on one line, whole on two or three, then
 * shortened. */
static const struct {
  guint lines;
  double shortened;
} name_shapes[] = { { 1, 1.0 }, { 2, 1.0 }, { 3, 1.0 }, { 1, 0.6 }, { 1, 0.35 } };

typedef struct
{
  PangoLayout *layout;   /* NULL: the name cannot take this shape */
  double x, y, width, height;
} NameShape;

typedef struct
{
  char *name;
  double full_width;
  guint n_words;
  guint n_measured;      /* shapes measured so far, in order */
  NameShape shapes[G_N_ELEMENTS (name_shapes)];
} NameShapes;

static void
name_shapes_free (gpointer data)
{
  NameShapes *shapes = data;

  if (shapes == NULL)
    return;
  for (guint s = 0; s < G_N_ELEMENTS (shapes->shapes); s++)
    g_clear_object (&shapes->shapes[s].layout);
  g_free (shapes->name);
  g_free (shapes);
}

void
_ties_renderer_forget_name_shapes (TiesScene *self)
{
  g_assert (self != NULL);

  g_clear_pointer (&self->name_shapes, g_ptr_array_unref);
}

/* Node @i's name, measured on one line; NULL for a node without one. */
static NameShapes *
lookup_name_shapes (TiesScene    *self,
                    TiesDocument *document,
                    TiesGraph    *graph,
                    guint         i)
{
  NameShapes *shapes = g_ptr_array_index (self->name_shapes, i);
  const char *id;
  TiesActor *actor;
  const char *name;
  g_autoptr(PangoLayout) layout = NULL;
  NameShape *line;

  if (shapes != NULL)
    return shapes->name != NULL ? shapes : NULL;

  id = ties_graph_node (graph, i)->id;
  actor = document != NULL ? ties_document_lookup_actor (document, id) : NULL;
  name = actor != NULL ? ties_actor_get_name (actor) : id;

  shapes = g_new0 (NameShapes, 1);
  g_ptr_array_index (self->name_shapes, i) = shapes;
  if (name == NULL || *name == '\0')
    return NULL;

  shapes->name = g_strdup (name);
  shapes->n_words = count_words (name);
  line = &shapes->shapes[0];
  line->layout = _ties_renderer_make_layout (self, name, PANGO_WEIGHT_NORMAL);
  pango_layout_set_single_paragraph_mode (line->layout, TRUE);
  _ties_renderer_layout_box (line->layout, LABEL_SIZE, &line->x, &line->y, &line->width, &line->height);
  shapes->full_width = line->width;
  shapes->n_measured = 1;

  return shapes;
}

/* The name in shape @s, measured the first time it is asked for; NULL
 * when the name cannot take it. */
static const NameShape *
measure_name_shape (TiesScene  *self,
                    NameShapes *shapes,
                    guint       s)
{
  NameShape *shape = &shapes->shapes[s];

  g_assert (s < G_N_ELEMENTS (name_shapes));

  if (s < shapes->n_measured)
    return shape->layout != NULL ? shape : NULL;

  g_assert (s == shapes->n_measured);
  shapes->n_measured++;

  if (name_shapes[s].lines > 1)
    {
      /* A name broken between its words is still whole. */
      if (shapes->n_words < name_shapes[s].lines)
        return NULL;
      shape->layout = _ties_renderer_make_layout (self, shapes->name, PANGO_WEIGHT_NORMAL);
      pango_layout_set_single_paragraph_mode (shape->layout, TRUE);
      if (!wrap_layout (shape->layout, shapes->full_width, name_shapes[s].lines))
        {
          g_clear_object (&shape->layout);
          return NULL;
        }
    }
  else if (name_shapes[s].shortened < 1.0)
    {
      if (shapes->full_width * name_shapes[s].shortened < 3.5 * LABEL_SIZE)
        return NULL;
      shape->layout = _ties_renderer_make_layout (self, shapes->name, PANGO_WEIGHT_NORMAL);
      pango_layout_set_single_paragraph_mode (shape->layout, TRUE);
      pango_layout_set_ellipsize (shape->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (shape->layout, (int) (shapes->full_width * name_shapes[s].shortened * PANGO_SCALE));
    }
  _ties_renderer_layout_box (shape->layout, LABEL_SIZE, &shape->x, &shape->y, &shape->width, &shape->height);

  return shape;
}

guint
_ties_renderer_place_labels (TiesScene    *self,
                             TiesDocument *document,
                             TiesGraph    *graph)
{
  guint n_not_whole = 0;
  double k = self->label_scale;
  Grid grid = { 0 };
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  double max_radius = 1;

  g_assert (self != NULL);

  for (guint i = 0; i < self->nodes->len; i++)
    max_radius = MAX (max_radius, g_array_index (self->nodes, SceneNode, i).radius);

  grid_init (&grid, self->nodes, MAX (4 * LABEL_SIZE * k, 2 * max_radius));

  for (guint i = 0; i < self->nodes->len; i++)
    {
      SceneNode *node = &g_array_index (self->nodes, SceneNode, i);
      Obstacle disc = {
        { node->x - node->radius, node->y - node->radius,
          node->x + node->radius, node->y + node->radius },
        TRUE, node->x, node->y, node->radius,
      };

      grid_add (&grid, &disc);
      g_array_append_val (order, i);
    }

  g_array_sort_with_data (order, compare_by_activity, graph);

  if (self->name_shapes == NULL)
    {
      self->name_shapes = g_ptr_array_new_with_free_func (name_shapes_free);
      g_ptr_array_set_size (self->name_shapes, self->nodes->len);
    }

  for (guint o = 0; o < order->len; o++)
    {
      guint i = g_array_index (order, guint, o);
      SceneNode *node = &g_array_index (self->nodes, SceneNode, i);
      NameShapes *shapes = lookup_name_shapes (self, document, graph, i);
      gboolean whole = FALSE;

      if (shapes == NULL)
        continue;

      for (guint s = 0; s < G_N_ELEMENTS (name_shapes); s++)
        {
          const NameShape *shape = measure_name_shape (self, shapes, s);
          Box box;

          if (shape == NULL)
            {
              /* Fewer than about five letters would not name anyone. */
              if (name_shapes[s].shortened < 1.0)
                break;
              continue;
            }

          if (try_place (&grid, i, self->nodes->len, node,
                         (shape->width + 2 * LABEL_PAD) * k, (shape->height + 2 * LABEL_PAD) * k, k, &box))
            {
              SceneLabel *label = g_new0 (SceneLabel, 1);
              Obstacle obstacle = { box, FALSE, 0, 0, 0 };

              label->text = g_strdup (shapes->name);
              label->node = i;
              label->x = box.x0;
              label->y = box.y0;
              label->width = box.x1 - box.x0;
              label->height = box.y1 - box.y0;
              label->ox = (LABEL_PAD - shape->x) * k;
              label->oy = (LABEL_PAD - shape->y) * k;
              label->layout = g_object_ref (shape->layout);
              g_ptr_array_add (self->labels, label);
              whole = name_shapes[s].shortened == 1.0;
              grid_add (&grid, &obstacle);
              break;
            }
        }
      /* Shortened, or placed nowhere. */
      if (!whole)
        n_not_whole++;
    }

  grid_clear (&grid);

  return n_not_whole;
}
