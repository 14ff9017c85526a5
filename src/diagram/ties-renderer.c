/* ties-renderer.c: one drawing of the network, for screen, files and paper
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "ties-renderer.h"

/* Sizes in diagram units, which read as pixels when a diagram is drawn
 * at 1:1 and are made for radii of TIES_SCENE_MIN/MAX_RADIUS. */
/* No emoji font in the list: named, it lends its keycap digits to plain
 * numbers ("2 0 1 9"); fontconfig's fallback still finds it for emoji. */
#define FONT_FAMILIES "Cantarell, Noto Sans, Noto Sans CJK SC, DejaVu Sans"
#define LABEL_SIZE 12.0
#define TITLE_SIZE 18.0
#define CAPTION_SIZE 10.0
#define LEGEND_SIZE 10.5
#define LABEL_GAP 3.0          /* between a node's edge and its label */
#define LABEL_PAD 2.0           /* backdrop around the text */
#define CHROME_GAP 16.0        /* between the drawing, legend and texts */
#define DIM_ALPHA 0.25
#define INITIALS_MIN_RADIUS 11.0
#define MAX_SWATCHES 12
/* Curving ties around nodes tests every tie against every node; above
 * this many tests the straight lines are kept. */
#define MAX_DETOUR_TESTS 4000000.0
/* What the renderer accepts of a node's place: a drawing wider than this
 * shows nothing but dots at any size, and label placement stays exact to
 * far under a unit within it. Places beyond are drawn at the bound, a
 * NaN or infinite place at the origin. */
#define MAX_COORD 1e12
#define MAX_NODE_RADIUS 1000.0
/* Initials are measured at this size and scaled to the node. */
#define INITIALS_SIZE 16.0
/* Text is drawn only when it lands at least this large on the device,
 * and never larger than the second: sub-pixel text is unreadable and
 * FreeType refuses fonts far beyond the first few thousand pixels. */
#define MIN_TEXT_PX 1.0
#define MAX_TEXT_PX 2048.0

typedef struct
{
  double r, g, b;
} Rgb;

typedef struct
{
  double x;
  double y;
  double radius;
  guint32 color;
  TiesActorKind shape;
  gboolean dim;
  PangoLayout *initials;   /* NULL: too small, or no letters */
} SceneNode;

/* How a tie is drawn for its corroboration, when the options ask. */
typedef enum {
  SUPPORT_USUAL,        /* two sources or more, or not asked */
  SUPPORT_ONE_SOURCE,   /* every evidence item from the same source */
  SUPPORT_NO_EVIDENCE,  /* no event of the tie has evidence */
} Support;

typedef struct
{
  guint a;
  guint b;
  double width;
  TiesLineStyle line;
  Support support;
  gboolean arrow_a;
  gboolean arrow_b;
  gboolean dim;
  gboolean curved;
  /* The quadratic curve's control point, when curved. */
  double cx;
  double cy;
} SceneEdge;

typedef struct
{
  char *text;
  guint node;
  /* The box kept free, in diagram units; the layout is drawn at
   * (x + ox, y + oy). */
  double x;
  double y;
  double width;
  double height;
  double ox;
  double oy;
  PangoLayout *layout;
} SceneLabel;

typedef struct
{
  gboolean is_line;
  TiesLineStyle line;
  guint32 color;
  PangoLayout *layout;
  Support support;
} LegendEntry;

typedef struct
{
  double x0, y0, x1, y1;
} Box;

/* Where the parts go, for one placement of the legend. */
typedef struct
{
  Box bounds;
  double legend_x, legend_y;
  double title_x, title_y;
  double caption_x, caption_y;
} Frame;

struct _TiesScene
{
  TiesStyle style;
  gboolean solid_background;
  char *title;
  PangoContext *context;

  GArray *nodes;        /* SceneNode */
  GArray *edges;        /* SceneEdge */
  GPtrArray *labels;    /* SceneLabel */
  /* Whether a tie is drawn as resting on one source, or on none. */
  gboolean any_one_source;
  gboolean any_no_evidence;

  GArray *legend;       /* LegendEntry */
  double legend_width;
  double legend_height;
  double legend_row;    /* row height */
  double chrome;        /* scale of legend, title and caption */

  PangoLayout *title_layout;
  PangoLayout *caption_layout;

  Frame frames[2];      /* legend right, legend below */
};

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

static Rgb
rgb_from_hex (guint32 color)
{
  return (Rgb) { ((color >> 16) & 0xff) / 255.0,
                 ((color >> 8) & 0xff) / 255.0,
                 (color & 0xff) / 255.0 };
}

static void
set_color (cairo_t *cr,
           guint32  color,
           double   alpha)
{
  Rgb c = rgb_from_hex (color);

  g_assert (cr != NULL);

  cairo_set_source_rgba (cr, c.r, c.g, c.b, alpha);
}

static guint32
background_color (TiesStyle style)
{
  return style == TIES_STYLE_DARK ? 0x242424 : 0xFFFFFF;
}

static guint32
text_color (TiesStyle style)
{
  return style == TIES_STYLE_DARK ? 0xFFFFFF : 0x1E1E1E;
}

static guint32
tie_color (TiesStyle style)
{
  return style == TIES_STYLE_DARK ? 0xA8A7AC : 0x5E5C64;
}

/* Ties that rest on no evidence: a warm grey, faint but not the ties'
 * own grey, so that "unsupported" reads as a caution, not as dimming. */
static guint32
unsupported_color (TiesStyle style)
{
  return style == TIES_STYLE_DARK ? 0x9A8F78 : 0xA3977F;
}

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

/* Relative luminance (WCAG), to choose black or white initials. */
static double
luminance (guint32 color)
{
  Rgb c = rgb_from_hex (color);
  double v[3] = { c.r, c.g, c.b };

  for (guint i = 0; i < 3; i++)
    v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : pow ((v[i] + 0.055) / 1.055, 2.4);

  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
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

static PangoLayout *
make_layout (TiesScene  *self,
             const char *text,
             double      size,
             PangoWeight weight)
{
  PangoLayout *layout;
  g_autoptr(PangoFontDescription) font = NULL;

  g_assert (self != NULL);
  g_assert (text != NULL);

  font = pango_font_description_from_string (FONT_FAMILIES);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);

  layout = pango_layout_new (self->context);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

/* The box a layout covers, ink and logical together (emoji and accents
 * may reach beyond the logical box), in diagram units. */
static void
layout_box (PangoLayout *layout,
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

  *x = (double) x0 / PANGO_SCALE;
  *y = (double) y0 / PANGO_SCALE;
  *width = (double) (x1 - x0) / PANGO_SCALE;
  *height = (double) (y1 - y0) / PANGO_SCALE;
}

/* "Jacinda Ardern" → "JA"; a name without letters (an emoji) gets none,
 * and scripts without case (王小明 → 王) keep their first character. */
static char *
make_initials (const char *name)
{
  g_auto(GStrv) words = NULL;
  GString *initials = g_string_new (NULL);
  guint n_words;

  g_assert (name != NULL);

  words = g_strsplit_set (name, " \t\n", -1);
  n_words = g_strv_length (words);
  for (guint i = 0; i < n_words; i++)
    {
      gunichar c;

      if (i != 0 && i != n_words - 1)
        continue;
      if (words[i][0] == '\0' || !g_utf8_validate (words[i], -1, NULL))
        continue;
      c = g_utf8_get_char (words[i]);
      if (!g_unichar_isalpha (c))
        continue;
      g_string_append_unichar (initials, g_unichar_toupper (c));
      /* One character of a script without spaces is enough. */
      if (g_unichar_iswide (c))
        break;
    }

  return g_string_free (initials, initials->len == 0);
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

/* Label placement
 *
 * The rule: labels are placed one node at a time, most active node
 * first (ties broken by node order, so the result is deterministic).
 * For each, candidate boxes are tried in a fixed order: right of the
 * node, left, below, above, then the four diagonals, then the eight
 * angles between, then all sixteen again 0.8 and 2 text lines further
 * out. The first box that overlaps no node disc and no label placed
 * before it, and has no other node nearer than its own, wins. If none
 * fits, the text is shortened with an ellipsis to 60 %, then 35 % of
 * its width (never below about four letters) and tried again; if still
 * nothing fits, the label is left out: an overlapping or stray label
 * would mislead more than a missing one.
 * A uniform grid holds the nodes and placed labels so that each test
 * looks only at its neighbourhood. */

typedef struct
{
  Box box;
  gboolean is_disc;
  double cx, cy, r;
} Obstacle;

typedef struct
{
  double cell;
  GArray *obstacles;     /* Obstacle */
  GHashTable *cells;     /* packed cell → GArray of guint */
  guint *stamps;
  guint stamp;
  guint stamps_size;
} Grid;

static gint64
cell_key (gint64 cx,
          gint64 cy)
{
  /* Shifted as unsigned: cells left of or above the origin are negative. */
  return (gint64) (((guint64) cx << 32) ^ ((guint64) cy & 0xffffffff));
}

static void
grid_add (Grid     *grid,
          Obstacle *obstacle)
{
  guint index = grid->obstacles->len;
  gint64 cx0 = (gint64) floor (obstacle->box.x0 / grid->cell);
  gint64 cx1 = (gint64) floor (obstacle->box.x1 / grid->cell);
  gint64 cy0 = (gint64) floor (obstacle->box.y0 / grid->cell);
  gint64 cy1 = (gint64) floor (obstacle->box.y1 / grid->cell);

  g_assert (grid != NULL);

  g_array_append_val (grid->obstacles, *obstacle);
  if (grid->obstacles->len > grid->stamps_size)
    {
      grid->stamps_size = MAX (64, grid->stamps_size * 2);
      grid->stamps = g_renew (guint, grid->stamps, grid->stamps_size);
      memset (grid->stamps + index, 0, (grid->stamps_size - index) * sizeof (guint));
    }

  for (gint64 cx = cx0; cx <= cx1; cx++)
    for (gint64 cy = cy0; cy <= cy1; cy++)
      {
        gint64 key = cell_key (cx, cy);
        GArray *list = g_hash_table_lookup (grid->cells, &key);

        if (list == NULL)
          {
            gint64 *stored = g_new (gint64, 1);

            *stored = key;
            list = g_array_new (FALSE, FALSE, sizeof (guint));
            g_hash_table_insert (grid->cells, stored, list);
          }
        g_array_append_val (list, index);
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
  gint64 cx0 = (gint64) floor (x0 / grid->cell);
  gint64 cx1 = (gint64) floor (x1 / grid->cell);
  gint64 cy0 = (gint64) floor (y0 / grid->cell);
  gint64 cy1 = (gint64) floor (y1 / grid->cell);

  g_assert (grid != NULL);

  /* An obstacle in several cells is tested once per query. */
  grid->stamp++;
  for (gint64 cx = cx0; cx <= cx1; cx++)
    for (gint64 cy = cy0; cy <= cy1; cy++)
      {
        gint64 key = cell_key (cx, cy);
        GArray *list = g_hash_table_lookup (grid->cells, &key);

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

static gboolean
try_place (Grid       *grid,
           guint       own,
           guint       n_nodes,
           SceneNode  *node,
           double      width,
           double      height,
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
        double distance = node->radius + LABEL_GAP - LABEL_PAD + further[f] * height;
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

static void
place_labels (TiesScene    *self,
              TiesDocument *document,
              TiesGraph    *graph)
{
  Grid grid = { 0 };
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  double max_radius = 1;

  g_assert (self != NULL);

  for (guint i = 0; i < self->nodes->len; i++)
    max_radius = MAX (max_radius, g_array_index (self->nodes, SceneNode, i).radius);

  grid.cell = MAX (4 * LABEL_SIZE, 2 * max_radius);
  grid.obstacles = g_array_new (FALSE, FALSE, sizeof (Obstacle));
  grid.cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                      (GDestroyNotify) g_array_unref);

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

  for (guint k = 0; k < order->len; k++)
    {
      guint i = g_array_index (order, guint, k);
      SceneNode *node = &g_array_index (self->nodes, SceneNode, i);
      const char *id = ties_graph_node (graph, i)->id;
      TiesActor *actor = document != NULL ? ties_document_lookup_actor (document, id) : NULL;
      const char *name = actor != NULL ? ties_actor_get_name (actor) : id;
      g_autoptr(PangoLayout) layout = NULL;
      const double shortened[] = { 1.0, 0.6, 0.35 };
      double lx, ly, lw, lh;

      if (name == NULL || *name == '\0')
        continue;

      layout = make_layout (self, name, LABEL_SIZE, PANGO_WEIGHT_NORMAL);
      pango_layout_set_single_paragraph_mode (layout, TRUE);
      layout_box (layout, &lx, &ly, &lw, &lh);

      for (guint s = 0; s < G_N_ELEMENTS (shortened); s++)
        {
          Box box;

          if (s > 0)
            {
              /* Fewer than about four letters would not name anyone. */
              if (lw * shortened[s] < 2.5 * LABEL_SIZE)
                break;
              pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
              pango_layout_set_width (layout, (int) (lw * shortened[s] * PANGO_SCALE));
              layout_box (layout, &lx, &ly, &lw, &lh);
            }

          if (try_place (&grid, i, self->nodes->len, node, lw + 2 * LABEL_PAD, lh + 2 * LABEL_PAD, &box))
            {
              SceneLabel *label = g_new0 (SceneLabel, 1);
              Obstacle obstacle = { box, FALSE, 0, 0, 0 };

              label->text = g_strdup (name);
              label->node = i;
              label->x = box.x0;
              label->y = box.y0;
              label->width = box.x1 - box.x0;
              label->height = box.y1 - box.y0;
              label->ox = LABEL_PAD - lx;
              label->oy = LABEL_PAD - ly;
              label->layout = g_steal_pointer (&layout);
              g_ptr_array_add (self->labels, label);
              grid_add (&grid, &obstacle);
              break;
            }
        }
    }

  g_hash_table_unref (grid.cells);
  g_array_unref (grid.obstacles);
  g_free (grid.stamps);
}

/* Ties */

static double
distance_to_segment (double  px,
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

  return hypot (px - qx, py - qy);
}

/* A tie that would cross a third node's disc is bent around it: a
 * quadratic curve, pushed to the side away from the node, far enough
 * that it clears the disc (only the worst node is considered). */
static void
route_edge (TiesScene *self,
            SceneEdge *edge)
{
  SceneNode *a = &g_array_index (self->nodes, SceneNode, edge->a);
  SceneNode *b = &g_array_index (self->nodes, SceneNode, edge->b);
  double length = hypot (b->x - a->x, b->y - a->y);
  double best_offset = 0;
  double best_sign = 1;

  g_assert (self != NULL);

  if (length <= 0)
    return;

  for (guint i = 0; i < self->nodes->len; i++)
    {
      SceneNode *n = &g_array_index (self->nodes, SceneNode, i);
      double t, side, d, clearance, offset;

      if (i == edge->a || i == edge->b)
        continue;
      clearance = n->radius + edge->width / 2 + 2;
      d = distance_to_segment (n->x, n->y, a->x, a->y, b->x, b->y, &t, &side);
      if (d >= clearance || t <= 0.05 || t >= 0.95)
        continue;
      offset = (clearance - d) / (2 * t * (1 - t));
      if (offset > best_offset)
        {
          best_offset = offset;
          best_sign = side > 0 ? -1 : 1;
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
           const char   *kind)
{
  TiesEventKind *event_kind = kind != NULL ? ties_document_lookup_event_kind (document, kind) : NULL;

  return event_kind != NULL ? ties_event_kind_get_line (event_kind) : TIES_LINE_SOLID;
}

static const char *
kind_label (TiesDocument *document,
            const char   *kind)
{
  TiesEventKind *event_kind = kind != NULL ? ties_document_lookup_event_kind (document, kind) : NULL;

  if (event_kind != NULL && ties_event_kind_get_label (event_kind) != NULL)
    return ties_event_kind_get_label (event_kind);

  return kind != NULL ? kind : _("Other");
}

/* Orphaned evidence counts: the source did report the tie. */
static Support
tie_support (TiesTie *tie)
{
  if (ties_tie_get_n_evidence (tie) == 0)
    return SUPPORT_NO_EVIDENCE;

  return ties_tie_get_n_sources (tie) <= 1 ? SUPPORT_ONE_SOURCE : SUPPORT_USUAL;
}

/* A tie of several kinds is drawn in the line style of its most frequent
 * kind (the first of them in document order on a draw), so the eye reads
 * what mostly happened between the two; the legend lists every kind. */
static void
build_edges (TiesScene               *self,
             TiesDocument            *document,
             TiesNetwork             *network,
             TiesGraph               *graph,
             const TiesRenderOptions *options,
             gboolean                 dimming,
             GHashTable              *kinds_by_line)  /* line → GPtrArray of labels */
{
  g_assert (self != NULL);

  for (guint i = 0; i < graph->edges->len; i++)
    {
      TiesGraphEdge *graph_edge = ties_graph_edge (graph, i);
      const char *source_id = ties_graph_node (graph, graph_edge->source)->id;
      const char *target_id = ties_graph_node (graph, graph_edge->target)->id;
      TiesTie *tie = network != NULL ? ties_network_lookup_tie (network, source_id, target_id) : NULL;
      SceneEdge edge = { 0 };
      double weight = MAX (graph_edge->weight, 1.0);

      edge.a = graph_edge->source;
      edge.b = graph_edge->target;
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
              TiesLineStyle line = kind_line (document, kinds[k]);
              GPtrArray *labels = g_hash_table_lookup (kinds_by_line, GUINT_TO_POINTER (line + 1));
              const char *label = kind_label (document, kinds[k]);

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
            edge.line = kind_line (document, kinds[best]);

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

  if ((double) self->nodes->len * self->edges->len <= MAX_DETOUR_TESTS)
    for (guint i = 0; i < self->edges->len; i++)
      route_edge (self, &g_array_index (self->edges, SceneEdge, i));
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
build_legend (TiesScene    *self,
              TiesDocument *document,
              GHashTable   *kinds_by_line,
              GPtrArray    *group_order,
              GHashTable   *groups)
{
  /* Measured at its own size; drawn scaled by the chrome. */
  double size = LEGEND_SIZE;
  double swatch = 2.4 * size;
  double width = 0, height = 0;
  guint n_swatches = 0;

  g_assert (self != NULL);

  for (TiesLineStyle line = TIES_LINE_SOLID; line <= TIES_LINE_DASH_DOT; line++)
    {
      GPtrArray *labels = g_hash_table_lookup (kinds_by_line, GUINT_TO_POINTER (line + 1));
      LegendEntry entry = { TRUE, line, 0, NULL };
      g_autofree char *text = NULL;

      if (labels == NULL || labels->len == 0)
        continue;
      g_ptr_array_add (labels, NULL);
      text = g_strjoinv (", ", (char **) labels->pdata);
      g_ptr_array_set_size (labels, labels->len - 1);
      entry.layout = make_layout (self, text, size, PANGO_WEIGHT_NORMAL);
      g_array_append_val (self->legend, entry);
    }

  /* After the kinds, whose lines they restyle; only when drawn. */
  if (self->any_one_source)
    {
      LegendEntry entry = { TRUE, TIES_LINE_SOLID, 0, NULL, SUPPORT_ONE_SOURCE };

      entry.layout = make_layout (self, _("Reported by one source"), size, PANGO_WEIGHT_NORMAL);
      g_array_append_val (self->legend, entry);
    }
  if (self->any_no_evidence)
    {
      LegendEntry entry = { TRUE, TIES_LINE_SOLID, 0, NULL, SUPPORT_NO_EVIDENCE };

      entry.layout = make_layout (self, _("No evidence"), size, PANGO_WEIGHT_NORMAL);
      g_array_append_val (self->legend, entry);
    }

  for (guint i = 0; i < group_order->len; i++)
    {
      const char *key = g_ptr_array_index (group_order, i);
      TiesActor *leader = ties_document_lookup_actor (document, key);
      const char *name = leader != NULL ? ties_actor_get_name (leader) : key;
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (groups, key)) - 1;
      const guint32 *palette = self->style == TIES_STYLE_DARK ? palette_dark : palette_light;
      LegendEntry entry = { FALSE, 0, palette[index % G_N_ELEMENTS (palette_light)], NULL };

      if (leader != NULL)
        parse_color (ties_actor_get_color (leader), &entry.color);

      if (n_swatches == MAX_SWATCHES)
        {
          guint rest = group_order->len - i;
          g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "and %u more affiliation",
                                                                "and %u more affiliations",
                                                                rest), rest);

          entry.color = LONER_COLOR;
          entry.layout = make_layout (self, text, size, PANGO_WEIGHT_NORMAL);
          g_array_append_val (self->legend, entry);
          break;
        }
      entry.layout = make_layout (self, name != NULL ? name : key, size, PANGO_WEIGHT_NORMAL);
      g_array_append_val (self->legend, entry);
      n_swatches++;
    }

  self->legend_row = 1.6 * size;
  for (guint i = 0; i < self->legend->len; i++)
    {
      LegendEntry *entry = &g_array_index (self->legend, LegendEntry, i);
      double x, y, w, h;

      layout_box (entry->layout, &x, &y, &w, &h);
      width = MAX (width, swatch + 0.6 * size + w);
      height += self->legend_row;
    }

  self->legend_width = width;
  self->legend_height = height;
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

static void
build_frames (TiesScene *self)
{
  Box content = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
  double gap = CHROME_GAP * self->chrome;

  g_assert (self != NULL);

  for (guint i = 0; i < self->nodes->len; i++)
    {
      SceneNode *n = &g_array_index (self->nodes, SceneNode, i);

      box_add (&content, n->x - n->radius, n->y - n->radius, n->x + n->radius, n->y + n->radius);
    }
  for (guint i = 0; i < self->labels->len; i++)
    {
      SceneLabel *l = g_ptr_array_index (self->labels, i);

      box_add (&content, l->x, l->y, l->x + l->width, l->y + l->height);
    }
  if (content.x0 > content.x1)
    content = (Box) { -50, -50, 50, 50 };

  for (guint f = 0; f < 2; f++)
    {
      Frame *frame = &self->frames[f];
      Box bounds = content;
      double x, y, w, h;

      if (self->legend->len > 0)
        {
          frame->legend_x = f == 0 ? content.x1 + gap : content.x0;
          frame->legend_y = f == 0 ? content.y0 : content.y1 + gap;
          box_add (&bounds, frame->legend_x, frame->legend_y,
                   frame->legend_x + self->legend_width * self->chrome,
                   frame->legend_y + self->legend_height * self->chrome);
        }

      /* Texts are measured at their own size and drawn scaled by the
       * chrome, so Pango never sees a size made of the drawing's. */
      if (self->title_layout != NULL)
        {
          layout_box (self->title_layout, &x, &y, &w, &h);
          x *= self->chrome;
          y *= self->chrome;
          w *= self->chrome;
          h *= self->chrome;
          frame->title_x = (bounds.x0 + bounds.x1) / 2 - w / 2 - x;
          frame->title_y = bounds.y0 - gap - h - y;
          box_add (&bounds, frame->title_x + x, frame->title_y + y,
                   frame->title_x + x + w, frame->title_y + y + h);
        }

      if (self->caption_layout != NULL)
        {
          layout_box (self->caption_layout, &x, &y, &w, &h);
          x *= self->chrome;
          y *= self->chrome;
          w *= self->chrome;
          h *= self->chrome;
          frame->caption_x = bounds.x0 - x;
          frame->caption_y = bounds.y1 + gap - y;
          box_add (&bounds, frame->caption_x + x, frame->caption_y + y,
                   frame->caption_x + x + w, frame->caption_y + y + h);
        }

      frame->bounds = bounds;
    }
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

  return context;
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
  gboolean dimming;
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

  /* The filter's highlight mode: what it keeps stands out wherever the
   * diagram is drawn (view, export, print, command line), unless the
   * caller highlights something of its own (a selection). */
  if (network != NULL
      && (options->highlighted_events == NULL || g_hash_table_size (options->highlighted_events) == 0)
      && (options->highlighted_actors == NULL || g_hash_table_size (options->highlighted_actors) == 0)
      && (kept = ties_network_dup_highlighted_events (network)) != NULL)
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

  /* Text is measured once, on a context of its own rather than the
   * target's, with metrics unhinted: a label has the same size on
   * screen, in PNG, SVG and PDF, so the placement holds for all. */
  self->context = make_context ();

  dimming = (options->highlighted_actors != NULL && g_hash_table_size (options->highlighted_actors) > 0)
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
  assign_colors (self, document, graph, groups, group_order);

  for (guint i = 0; i < self->nodes->len; i++)
    {
      SceneNode *node = &g_array_index (self->nodes, SceneNode, i);
      TiesActor *actor = ties_document_lookup_actor (document, ties_graph_node (graph, i)->id);
      g_autofree char *initials = NULL;
      const char *name = actor != NULL ? ties_actor_get_name (actor) : NULL;

      if (!options->initials || node->radius < INITIALS_MIN_RADIUS || name == NULL)
        continue;
      initials = make_initials (name);
      if (initials != NULL)
        node->initials = make_layout (self, initials, INITIALS_SIZE, PANGO_WEIGHT_BOLD);
    }

  kinds_by_line = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  build_edges (self, document, network, graph, options, dimming, kinds_by_line);

  place_labels (self, document, graph);

  /* The legend and texts keep their size next to the drawing, even when
   * a large network makes the diagram many times the page. */
  if (content.x0 <= content.x1 && isfinite (content.x1 - content.x0) && isfinite (content.y1 - content.y0))
    self->chrome = MAX (1.0, MAX (content.x1 - content.x0, content.y1 - content.y0) / 800.0);
  else
    self->chrome = 1.0;

  if (options->legend)
    build_legend (self, document, kinds_by_line, group_order, groups);

  if (options->title != NULL && *options->title != '\0')
    {
      self->title_layout = make_layout (self, options->title, TITLE_SIZE, PANGO_WEIGHT_BOLD);
      /* The drawing's width at the title's own size: at most 800. */
      pango_layout_set_width (self->title_layout,
                              (int) (MAX (MIN ((content.x1 - content.x0) / self->chrome, 800), 400) * PANGO_SCALE));
      pango_layout_set_alignment (self->title_layout, PANGO_ALIGN_CENTER);
    }

  caption = options->caption != NULL ? g_strdup (options->caption) : ties_scene_default_caption (document);
  if (caption != NULL && *caption != '\0')
    self->caption_layout = make_layout (self, caption, CAPTION_SIZE, PANGO_WEIGHT_NORMAL);

  build_frames (self);

  return self;
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
  g_array_unref (self->legend);
  g_clear_object (&self->title_layout);
  g_clear_object (&self->caption_layout);
  g_clear_object (&self->context);
  g_free (self->title);
  g_free (self);
}

/* Fitting */

static double
frame_scale (const Frame *frame,
             double       width,
             double       height,
             double      *margin)
{
  double bw = MAX (frame->bounds.x1 - frame->bounds.x0, 1e-6);
  double bh = MAX (frame->bounds.y1 - frame->bounds.y0, 1e-6);
  double m = MIN (width, height) * 0.03;

  *margin = m;

  /* The scene's geometry is bounded (MAX_COORD), so this is far from
   * the underflow where cairo could no longer invert the matrix. */
  return MAX (MIN ((width - 2 * m) / bw, (height - 2 * m) / bh), 1e-20);
}

/* The legend goes beside the drawing or below it, whichever lets the
 * whole be drawn larger in this area. */
static const Frame *
choose_frame (TiesScene *self,
              double     width,
              double     height,
              double    *scale,
              double    *tx,
              double    *ty)
{
  double m0, m1;
  double s0 = frame_scale (&self->frames[0], width, height, &m0);
  double s1 = frame_scale (&self->frames[1], width, height, &m1);
  const Frame *frame = s1 > s0 * 1.0001 ? &self->frames[1] : &self->frames[0];
  double s = frame == &self->frames[1] ? s1 : s0;

  *scale = s;
  *tx = (width - (frame->bounds.x1 - frame->bounds.x0) * s) / 2 - frame->bounds.x0 * s;
  *ty = (height - (frame->bounds.y1 - frame->bounds.y0) * s) / 2 - frame->bounds.y0 * s;

  return frame;
}

void
ties_scene_map_point (TiesScene *self,
                      double     width,
                      double     height,
                      double     x,
                      double     y,
                      double    *out_x,
                      double    *out_y)
{
  double s, tx, ty;

  g_return_if_fail (self != NULL);

  choose_frame (self, width, height, &s, &tx, &ty);
  if (out_x != NULL)
    *out_x = tx + x * s;
  if (out_y != NULL)
    *out_y = ty + y * s;
}

/* Drawing */

static void
set_line_style (cairo_t       *cr,
                TiesLineStyle  line,
                double         width)
{
  /* Dash lengths follow the width so that a heavy tie keeps its rhythm. */
  double unit = MAX (width, 1.2);
  /* No shorter than this: every dash and dot is a shape of its own to
   * cairo, and short ones made dashed ties the costliest part of a
   * large drawing. */
  double dashed[] = { 5 * unit, 3 * unit };
  double dotted[] = { 0, 3 * unit };
  double dash_dot[] = { 5 * unit, 2.5 * unit, 0, 2.5 * unit };

  g_assert (cr != NULL);

  cairo_set_line_width (cr, width);
  switch (line)
    {
    case TIES_LINE_DASHED:
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, dashed, G_N_ELEMENTS (dashed), 0);
      break;
    case TIES_LINE_DOTTED:
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, dotted, G_N_ELEMENTS (dotted), 0);
      break;
    case TIES_LINE_DASH_DOT:
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, dash_dot, G_N_ELEMENTS (dash_dot), 0);
      break;
    case TIES_LINE_SOLID:
    default:
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    }
}

/* The colour of a tie (and its arrowheads), then its line: as its kind
 * says, or as its corroboration does when that is marked. A tie on one
 * source is half as wide and lighter, in a fine long dash; one on no
 * evidence is faint, warm grey and dotted, whatever its weight. */
static void
set_tie_color (TiesScene *self,
               cairo_t   *cr,
               Support    support,
               gboolean   dim)
{
  double alpha = dim ? DIM_ALPHA : 0.85;

  g_assert (self != NULL);

  switch (support)
    {
    case SUPPORT_ONE_SOURCE:
      set_color (cr, tie_color (self->style), 0.55 * alpha);
      break;
    case SUPPORT_NO_EVIDENCE:
      set_color (cr, unsupported_color (self->style), 0.75 * alpha);
      break;
    case SUPPORT_USUAL:
    default:
      set_color (cr, tie_color (self->style), alpha);
      break;
    }
}

static void
set_tie_line (cairo_t       *cr,
              Support        support,
              TiesLineStyle  line,
              double         width)
{
  g_assert (cr != NULL);

  switch (support)
    {
    case SUPPORT_ONE_SOURCE:
      {
        double thin = MAX (0.5 * width, 0.75);
        double dash[] = { 7 * MAX (thin, 1.0), 2 * MAX (thin, 1.0) };

        cairo_set_line_width (cr, thin);
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
        cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      }
      break;
    case SUPPORT_NO_EVIDENCE:
      {
        double dot = 1.4;
        double dots[] = { 0, 3.5 * dot };

        cairo_set_line_width (cr, dot);
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
        cairo_set_dash (cr, dots, G_N_ELEMENTS (dots), 0);
      }
      break;
    case SUPPORT_USUAL:
    default:
      set_line_style (cr, line, width);
      break;
    }
}

static void
draw_arrowhead (cairo_t *cr,
                double   tip_x,
                double   tip_y,
                double   dir_x,
                double   dir_y,
                double   length,
                double   half_width)
{
  g_assert (cr != NULL);

  cairo_move_to (cr, tip_x, tip_y);
  cairo_line_to (cr, tip_x - dir_x * length - dir_y * half_width,
                 tip_y - dir_y * length + dir_x * half_width);
  cairo_line_to (cr, tip_x - dir_x * length + dir_y * half_width,
                 tip_y - dir_y * length - dir_x * half_width);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* Culling: what lies wholly outside @guard is not drawn, and no point
 * far outside it reaches cairo, whose fixed-point device coordinates
 * wrap beyond about ±8 million pixels (a window zoomed far in). */
static gboolean
box_meets (const Box *guard,
           double     x0,
           double     y0,
           double     x1,
           double     y1)
{
  return x1 >= guard->x0 && x0 <= guard->x1 && y1 >= guard->y0 && y0 <= guard->y1;
}

static gboolean
box_holds (const Box *guard,
           double     x,
           double     y)
{
  return x >= guard->x0 && x <= guard->x1 && y >= guard->y0 && y <= guard->y1;
}

/* Liang–Barsky: shortens the segment to its part inside @guard; FALSE
 * when none is. */
static gboolean
clip_segment (const Box *guard,
              double    *ax,
              double    *ay,
              double    *bx,
              double    *by)
{
  double dx = *bx - *ax, dy = *by - *ay;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { *ax - guard->x0, guard->x1 - *ax, *ay - guard->y0, guard->y1 - *ay };
  double t0 = 0, t1 = 1;

  for (guint k = 0; k < 4; k++)
    {
      if (p[k] == 0)
        {
          if (q[k] < 0)
            return FALSE;
          continue;
        }
      if (p[k] < 0)
        t0 = MAX (t0, q[k] / p[k]);
      else
        t1 = MIN (t1, q[k] / p[k]);
    }
  if (t0 > t1)
    return FALSE;

  *bx = *ax + t1 * dx;
  *by = *ay + t1 * dy;
  *ax = *ax + t0 * dx;
  *ay = *ay + t0 * dy;

  return TRUE;
}

/* Whether @layout, drawn at (@x, @y) scaled by @scale, meets @guard. */
static gboolean
layout_meets (PangoLayout *layout,
              const Box   *guard,
              double       x,
              double       y,
              double       scale)
{
  double lx, ly, lw, lh;

  layout_box (layout, &lx, &ly, &lw, &lh);

  return box_meets (guard, x + lx * scale, y + ly * scale, x + (lx + lw) * scale, y + (ly + lh) * scale);
}

static void
draw_edge (TiesScene *self,
           cairo_t   *cr,
           SceneEdge *edge,
           const Box *guard)
{
  SceneNode *a = &g_array_index (self->nodes, SceneNode, edge->a);
  SceneNode *b = &g_array_index (self->nodes, SceneNode, edge->b);
  double cx = edge->curved ? edge->cx : (a->x + b->x) / 2;
  double cy = edge->curved ? edge->cy : (a->y + b->y) / 2;
  double da = hypot (cx - a->x, cy - a->y);
  double db = hypot (cx - b->x, cy - b->y);
  double ax, ay, bx, by, ux, uy, vx, vy;
  double arrow_length = 5 + 2.5 * edge->width;
  double arrow_half = 2.5 + 1.2 * edge->width;
  double gap = 1.5;

  g_assert (self != NULL);

  if (da <= 0 || db <= 0)
    return;
  if (!box_meets (guard, MIN (MIN (a->x, b->x), cx), MIN (MIN (a->y, b->y), cy),
                  MAX (MAX (a->x, b->x), cx), MAX (MAX (a->y, b->y), cy)))
    return;

  /* Unit directions from each end towards the control point: ties start
   * and end at the node's edge, or at an arrowhead's base. */
  ux = (cx - a->x) / da;
  uy = (cy - a->y) / da;
  vx = (cx - b->x) / db;
  vy = (cy - b->y) / db;
  if (a->radius + b->radius + 2 * gap + (edge->arrow_a + edge->arrow_b) * arrow_length
      >= hypot (b->x - a->x, b->y - a->y))
    return;

  set_tie_color (self, cr, edge->support, edge->dim);

  if (edge->arrow_a && box_holds (guard, a->x, a->y))
    draw_arrowhead (cr, a->x + ux * (a->radius + gap), a->y + uy * (a->radius + gap),
                    -ux, -uy, arrow_length, arrow_half);
  if (edge->arrow_b && box_holds (guard, b->x, b->y))
    draw_arrowhead (cr, b->x + vx * (b->radius + gap), b->y + vy * (b->radius + gap),
                    -vx, -vy, arrow_length, arrow_half);

  ax = a->x + ux * (a->radius + gap + (edge->arrow_a ? arrow_length * 0.8 : 0));
  ay = a->y + uy * (a->radius + gap + (edge->arrow_a ? arrow_length * 0.8 : 0));
  bx = b->x + vx * (b->radius + gap + (edge->arrow_b ? arrow_length * 0.8 : 0));
  by = b->y + vy * (b->radius + gap + (edge->arrow_b ? arrow_length * 0.8 : 0));

  set_tie_line (cr, edge->support, edge->line, edge->width);
  if (!box_holds (guard, ax, ay) || !box_holds (guard, bx, by)
      || (edge->curved && !box_holds (guard, cx, cy)))
    {
      /* Only when zoomed far in: the visible part, straightened. */
      if (clip_segment (guard, &ax, &ay, &bx, &by))
        {
          cairo_move_to (cr, ax, ay);
          cairo_line_to (cr, bx, by);
          cairo_stroke (cr);
        }
      return;
    }
  cairo_move_to (cr, ax, ay);
  if (edge->curved)
    cairo_curve_to (cr, ax + 2.0 / 3 * (cx - ax), ay + 2.0 / 3 * (cy - ay),
                    bx + 2.0 / 3 * (cx - bx), by + 2.0 / 3 * (cy - by), bx, by);
  else
    cairo_line_to (cr, bx, by);
  /* One stroke per tie: cairo strokes one huge path 2–3 times slower. */
  cairo_stroke (cr);
}

/* Every shape stays inside the node's disc, which labels avoid. */
static void
node_path (cairo_t   *cr,
           SceneNode *node)
{
  g_assert (cr != NULL);

  switch (node->shape)
    {
    case TIES_ACTOR_ORGANISATION:
      {
        /* Half side 0.78 r, corners 0.3 r: the farthest point is 0.98 r. */
        double h = 0.78 * node->radius, c = 0.3 * node->radius;
        double x0 = node->x - h, y0 = node->y - h, x1 = node->x + h, y1 = node->y + h;

        cairo_new_sub_path (cr);
        cairo_arc (cr, x1 - c, y0 + c, c, -G_PI / 2, 0);
        cairo_arc (cr, x1 - c, y1 - c, c, 0, G_PI / 2);
        cairo_arc (cr, x0 + c, y1 - c, c, G_PI / 2, G_PI);
        cairo_arc (cr, x0 + c, y0 + c, c, G_PI, 3 * G_PI / 2);
        cairo_close_path (cr);
      }
      break;
    case TIES_ACTOR_GROUP:
      for (guint k = 0; k < 6; k++)
        {
          double angle = -G_PI / 2 + k * G_PI / 3;
          double px = node->x + 0.97 * node->radius * cos (angle);
          double py = node->y + 0.97 * node->radius * sin (angle);

          if (k == 0)
            cairo_move_to (cr, px, py);
          else
            cairo_line_to (cr, px, py);
        }
      cairo_close_path (cr);
      break;
    case TIES_ACTOR_PERSON:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, node->x, node->y, node->radius * 0.97, 0, 2 * G_PI);
      break;
    }
}

/* Device pixels (or points) per user unit of @cr as it stands. */
static double
device_scale (cairo_t *cr)
{
  cairo_matrix_t m;

  g_assert (cr != NULL);

  cairo_get_matrix (cr, &m);

  return sqrt (fabs (m.xx * m.yy - m.xy * m.yx));
}

/* Draws @layout (made at @size) scaled by @scale with its origin at
 * (@x, @y). Returns FALSE, drawing nothing, when the text would be
 * smaller than MIN_TEXT_PX on the device; text that would be larger
 * than MAX_TEXT_PX is drawn at that size. */
static gboolean
draw_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y,
             double       size,
             double       scale,
             guint32      color,
             double       alpha)
{
  double px = size * scale * device_scale (cr);

  g_assert (cr != NULL);
  g_assert (PANGO_IS_LAYOUT (layout));

  if (!(px >= MIN_TEXT_PX) || !isfinite (px) || !isfinite (x) || !isfinite (y))
    return FALSE;
  if (px > MAX_TEXT_PX)
    scale *= MAX_TEXT_PX / px;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_move_to (cr, 0, 0);
  set_color (cr, color, alpha);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);

  return TRUE;
}

static void
draw_node (TiesScene *self,
           cairo_t   *cr,
           SceneNode *node,
           const Box *guard)
{
  double alpha = node->dim ? DIM_ALPHA : 1.0;

  g_assert (self != NULL);

  if (!box_meets (guard, node->x - node->radius, node->y - node->radius,
                  node->x + node->radius, node->y + node->radius))
    return;

  node_path (cr, node);
  set_color (cr, node->color, alpha);
  cairo_fill_preserve (cr);
  /* A ring of background colour separates a node from ties under it. */
  set_color (cr, background_color (self->style), alpha);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_width (cr, 0.06 * node->radius);
  cairo_stroke (cr);

  if (node->initials != NULL)
    {
      PangoRectangle ink, logical;
      guint32 ink_color = luminance (node->color) > 0.4 ? 0x1E1E1E : 0xFFFFFF;
      double k = node->radius * 0.72 / INITIALS_SIZE;

      pango_layout_get_extents (node->initials, &ink, &logical);
      /* Centred on the letters' ink, not on the line box. */
      draw_layout (cr, node->initials,
                   node->x - k * ((double) ink.x + ink.width / 2.0) / PANGO_SCALE,
                   node->y - k * ((double) ink.y + ink.height / 2.0) / PANGO_SCALE,
                   INITIALS_SIZE, k, ink_color, alpha * 0.9);
    }
}

static void
draw_text (TiesScene   *self,
           cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y,
           double       size,
           double       scale,
           double       alpha)
{
  g_assert (self != NULL);

  draw_layout (cr, layout, x, y, size, scale, text_color (self->style), alpha);
}

static void
draw_legend (TiesScene   *self,
             cairo_t     *cr,
             const Frame *frame)
{
  double size = LEGEND_SIZE;
  double swatch = 2.4 * size;

  g_assert (self != NULL);

  /* Laid out at its own size, drawn at the chrome's. */
  cairo_save (cr);
  cairo_translate (cr, frame->legend_x, frame->legend_y);
  cairo_scale (cr, self->chrome, self->chrome);

  for (guint i = 0; i < self->legend->len; i++)
    {
      LegendEntry *entry = &g_array_index (self->legend, LegendEntry, i);
      double row_y = i * self->legend_row;
      double mid_y = row_y + self->legend_row / 2;
      double x, y, w, h;

      if (entry->is_line)
        {
          set_tie_color (self, cr, entry->support, FALSE);
          set_tie_line (cr, entry->support, entry->line, 1.6);
          cairo_move_to (cr, 0.1 * swatch, mid_y);
          cairo_line_to (cr, 0.9 * swatch, mid_y);
          cairo_stroke (cr);
        }
      else
        {
          double r = 0.38 * size;

          cairo_new_sub_path (cr);
          cairo_arc (cr, swatch / 2, mid_y, r, 0, 2 * G_PI);
          set_color (cr, entry->color, 1.0);
          cairo_fill (cr);
        }

      layout_box (entry->layout, &x, &y, &w, &h);
      draw_text (self, cr, entry->layout, swatch + 0.6 * size, mid_y - h / 2 - y, size, 1.0, 1.0);
    }

  cairo_restore (cr);
}

void
ties_scene_draw (TiesScene *self,
                 cairo_t   *cr,
                 double     width,
                 double     height)
{
  const Frame *frame;
  double s, tx, ty;
  Box guard;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  /* A context in an error state draws nothing; its status is the
   * caller's to report (exports turn it into a GError). */
  if (!(width > 0 && height > 0) || !isfinite (width) || !isfinite (height)
      || cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    return;

  cairo_save (cr);

  if (self->solid_background)
    {
      set_color (cr, background_color (self->style), 1.0);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }

  frame = choose_frame (self, width, height, &s, &tx, &ty);
  /* choose_frame() keeps these finite and the scale positive, from
   * scene geometry that is bounded; a matrix cairo cannot invert would
   * put @cr in an error state for good. */
  if (!isfinite (s) || !(s > 0) || !isfinite (tx) || !isfinite (ty))
    {
      cairo_restore (cr);
      return;
    }
  /* Curves flattened to a quarter of a device pixel rather than cairo's
   * tenth: no visible difference, and fewer segments for every node,
   * round cap and dot of a large drawing. */
  cairo_set_tolerance (cr, 0.25);
  cairo_translate (cr, tx, ty);
  cairo_scale (cr, s, s);

  /* The area drawn into, in diagram units, and as much again around it
   * (the clip is the target's, or the caller's). */
  {
    double x0, y0, x1, y1, w, h;

    cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
    if (!(x1 > x0 && y1 > y0) || !isfinite (x1 - x0) || !isfinite (y1 - y0))
      {
        x0 = -tx / s;
        y0 = -ty / s;
        x1 = (width - tx) / s;
        y1 = (height - ty) / s;
      }
    w = x1 - x0;
    h = y1 - y0;
    guard = (Box) { x0 - w, y0 - h, x1 + w, y1 + h };
  }

  /* Ties under nodes, nodes under labels; dimmed parts first, so the
   * highlighted ones are drawn over them. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->edges->len; i++)
      {
        SceneEdge *edge = &g_array_index (self->edges, SceneEdge, i);

        if (edge->dim == (pass == 0))
          draw_edge (self, cr, edge, &guard);
      }

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->nodes->len; i++)
      {
        SceneNode *node = &g_array_index (self->nodes, SceneNode, i);

        if (node->dim == (pass == 0))
          draw_node (self, cr, node, &guard);
      }

  for (guint i = 0; i < self->labels->len; i++)
    {
      SceneLabel *label = g_ptr_array_index (self->labels, i);
      SceneNode *node = &g_array_index (self->nodes, SceneNode, label->node);

      double alpha = node->dim ? DIM_ALPHA : 1.0;
      double r = MIN (label->height / 2, 4.0);
      double x0 = label->x, y0 = label->y;
      double x1 = label->x + label->width, y1 = label->y + label->height;

      /* A label smaller than a pixel is a smudge, backdrop and all. */
      if (LABEL_SIZE * device_scale (cr) < MIN_TEXT_PX)
        break;
      if (!box_meets (&guard, x0, y0, x1, y1))
        continue;

      /* A soft backdrop in the background colour keeps a label legible
       * over the ties it crosses. It replaced a stroked outline of the
       * glyphs, which looked alike but cost a path of every glyph's
       * outline: a third of an SVG's bytes and of its drawing time. */
      cairo_new_sub_path (cr);
      cairo_arc (cr, x1 - r, y0 + r, r, -G_PI / 2, 0);
      cairo_arc (cr, x1 - r, y1 - r, r, 0, G_PI / 2);
      cairo_arc (cr, x0 + r, y1 - r, r, G_PI / 2, G_PI);
      cairo_arc (cr, x0 + r, y0 + r, r, G_PI, 3 * G_PI / 2);
      cairo_close_path (cr);
      set_color (cr, background_color (self->style), alpha * 0.78);
      cairo_fill (cr);

      draw_text (self, cr, label->layout, label->x + label->ox, label->y + label->oy, LABEL_SIZE, 1.0, alpha);
    }

  if (self->legend->len > 0
      && box_meets (&guard, frame->legend_x, frame->legend_y,
                    frame->legend_x + self->legend_width * self->chrome,
                    frame->legend_y + self->legend_height * self->chrome))
    draw_legend (self, cr, frame);
  if (self->title_layout != NULL && layout_meets (self->title_layout, &guard, frame->title_x, frame->title_y, self->chrome))
    draw_text (self, cr, self->title_layout, frame->title_x, frame->title_y, TITLE_SIZE, self->chrome, 1.0);
  if (self->caption_layout != NULL && layout_meets (self->caption_layout, &guard, frame->caption_x, frame->caption_y, self->chrome))
    draw_text (self, cr, self->caption_layout, frame->caption_x, frame->caption_y, CAPTION_SIZE, self->chrome, 0.8);

  cairo_restore (cr);
}

/* Accessors */

guint
ties_scene_get_n_legend_entries (TiesScene *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->legend->len;
}

const char *
ties_scene_get_legend_text (TiesScene *self,
                            guint      index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->legend->len, NULL);

  return pango_layout_get_text (g_array_index (self->legend, LegendEntry, index).layout);
}

guint
ties_scene_get_n_labels (TiesScene *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->labels->len;
}

gboolean
ties_scene_get_label (TiesScene   *self,
                      guint        index,
                      const char **text,
                      guint       *node,
                      double      *x,
                      double      *y,
                      double      *width,
                      double      *height)
{
  SceneLabel *label;

  g_return_val_if_fail (self != NULL, FALSE);

  if (index >= self->labels->len)
    return FALSE;

  label = g_ptr_array_index (self->labels, index);
  if (text != NULL)
    *text = label->text;
  if (node != NULL)
    *node = label->node;
  if (x != NULL)
    *x = label->x;
  if (y != NULL)
    *y = label->y;
  if (width != NULL)
    *width = label->width;
  if (height != NULL)
    *height = label->height;

  return TRUE;
}

guint32
ties_scene_get_node_color (TiesScene *self,
                           guint      node)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (node < self->nodes->len, 0);

  return g_array_index (self->nodes, SceneNode, node).color;
}

gboolean
ties_scene_get_solid_background (TiesScene *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->solid_background;
}

const char *
ties_scene_get_title (TiesScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

/* Hit-testing and geometry, for the widget */

void
ties_scene_get_transform (TiesScene *self,
                          double     width,
                          double     height,
                          double    *scale,
                          double    *tx,
                          double    *ty)
{
  double s, x, y;

  g_return_if_fail (self != NULL);

  choose_frame (self, width, height, &s, &x, &y);
  if (scale != NULL)
    *scale = s;
  if (tx != NULL)
    *tx = x;
  if (ty != NULL)
    *ty = y;
}

void
ties_scene_unmap_point (TiesScene *self,
                        double     width,
                        double     height,
                        double     x,
                        double     y,
                        double    *out_x,
                        double    *out_y)
{
  double s, tx, ty;

  g_return_if_fail (self != NULL);

  choose_frame (self, width, height, &s, &tx, &ty);
  if (out_x != NULL)
    *out_x = (x - tx) / s;
  if (out_y != NULL)
    *out_y = (y - ty) / s;
}

guint
ties_scene_get_n_nodes (TiesScene *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->nodes->len;
}

void
ties_scene_get_node (TiesScene *self,
                     guint      node,
                     double    *x,
                     double    *y,
                     double    *radius)
{
  SceneNode *n;

  g_return_if_fail (self != NULL);
  g_return_if_fail (node < self->nodes->len);

  n = &g_array_index (self->nodes, SceneNode, node);
  if (x != NULL)
    *x = n->x;
  if (y != NULL)
    *y = n->y;
  if (radius != NULL)
    *radius = n->radius;
}

guint
ties_scene_get_n_edges (TiesScene *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->edges->len;
}

void
ties_scene_get_edge (TiesScene *self,
                     guint      edge,
                     guint     *a,
                     guint     *b)
{
  SceneEdge *e;

  g_return_if_fail (self != NULL);
  g_return_if_fail (edge < self->edges->len);

  e = &g_array_index (self->edges, SceneEdge, edge);
  if (a != NULL)
    *a = e->a;
  if (b != NULL)
    *b = e->b;
}

void
ties_scene_append_edge_path (TiesScene *self,
                             cairo_t   *cr,
                             guint      edge)
{
  SceneEdge *e;
  SceneNode *a, *b;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (edge < self->edges->len);

  e = &g_array_index (self->edges, SceneEdge, edge);
  a = &g_array_index (self->nodes, SceneNode, e->a);
  b = &g_array_index (self->nodes, SceneNode, e->b);
  cairo_move_to (cr, a->x, a->y);
  if (e->curved)
    cairo_curve_to (cr, a->x + 2.0 / 3 * (e->cx - a->x), a->y + 2.0 / 3 * (e->cy - a->y),
                    b->x + 2.0 / 3 * (e->cx - b->x), b->y + 2.0 / 3 * (e->cy - b->y), b->x, b->y);
  else
    cairo_line_to (cr, b->x, b->y);
}

guint
ties_scene_hit_node (TiesScene *self,
                     double     x,
                     double     y,
                     double     slop)
{
  g_return_val_if_fail (self != NULL, G_MAXUINT);

  /* Highlighted nodes are drawn after dimmed ones, later over earlier. */
  for (int pass = 1; pass >= 0; pass--)
    for (guint i = self->nodes->len; i > 0; i--)
      {
        SceneNode *n = &g_array_index (self->nodes, SceneNode, i - 1);
        double r = n->radius + slop;

        if (n->dim == (pass == 0) && hypot (x - n->x, y - n->y) <= r)
          return i - 1;
      }

  return G_MAXUINT;
}

static double
segment_distance (double px,
                  double py,
                  double ax,
                  double ay,
                  double bx,
                  double by)
{
  double dx = bx - ax, dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;

  t = CLAMP (t, 0.0, 1.0);

  return hypot (px - (ax + t * dx), py - (ay + t * dy));
}

guint
ties_scene_hit_edge (TiesScene *self,
                     double     x,
                     double     y,
                     double     tolerance)
{
  guint best = G_MAXUINT;
  double best_distance = tolerance;

  g_return_val_if_fail (self != NULL, G_MAXUINT);

  for (guint i = 0; i < self->edges->len; i++)
    {
      SceneEdge *e = &g_array_index (self->edges, SceneEdge, i);
      SceneNode *a = &g_array_index (self->nodes, SceneNode, e->a);
      SceneNode *b = &g_array_index (self->nodes, SceneNode, e->b);
      double d = G_MAXDOUBLE;

      if (!e->curved)
        d = segment_distance (x, y, a->x, a->y, b->x, b->y);
      else
        {
          /* The quadratic curve, as sixteen segments. */
          double px = a->x, py = a->y;

          for (guint k = 1; k <= 16; k++)
            {
              double t = k / 16.0, u = 1 - t;
              double qx = u * u * a->x + 2 * u * t * e->cx + t * t * b->x;
              double qy = u * u * a->y + 2 * u * t * e->cy + t * t * b->y;

              d = MIN (d, segment_distance (x, y, px, py, qx, qy));
              px = qx;
              py = qy;
            }
        }

      if (d <= best_distance)
        {
          best_distance = d;
          best = i;
        }
    }

  return best;
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

  g_object_unref (self->context);
  self->context = context;
}
