/* ties-renderer-private.h: what the renderer's files share: its sizes,
 * the scene's parts and the scene itself
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scene is built in ties-scene.c, its labels placed in
 * ties-renderer-labels.c, drawn in ties-renderer.c, and fitted to an
 * area and hit-tested in ties-renderer-hit.c.
 */
#pragma once

#include <pango/pangocairo.h>

#include "ties-renderer.h"

G_BEGIN_DECLS

/* Sizes in diagram units, which read as pixels when a diagram is drawn
 * at 1:1 and are made for radii of TIES_SCENE_MIN/MAX_RADIUS. */
/* No emoji font in the list: named, it lends its keycap digits to plain
 * numbers ("2 0 1 9"); fontconfig's fallback still finds it for emoji. */
#define FONT_FAMILIES "Cantarell, Noto Sans, Noto Sans CJK SC, DejaVu Sans"
#define LABEL_SIZE 12.0
#define TITLE_SIZE 18.0
#define CAPTION_SIZE 10.0
#define LEGEND_SIZE 10.5
/* Every text is laid out at this one size and drawn scaled to its own
 * (text_factor()): Pango matches and sorts the fonts anew for each size
 * it is asked for, about 2 ms each, and six sizes were a sixth of an SVG
 * export of 50 actors. Metrics are unhinted, so a layout scales exactly. */
#define LAYOUT_SIZE LABEL_SIZE
#define LABEL_GAP 3.0          /* between a node's edge and its label */
#define LABEL_PAD 2.0           /* backdrop around the text */
#define CHROME_GAP 16.0        /* between the drawing, legend and texts */
#define FRAME_MARGIN 0.03      /* around the whole, of the page's shorter side */
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
#define INITIALS_SIZE LAYOUT_SIZE
/* Text is drawn only when it lands at least this large on the device,
 * and never larger than the second: sub-pixel text is unreadable and
 * FreeType refuses fonts far beyond the first few thousand pixels. */
#define MIN_TEXT_PX 1.0
#define MAX_TEXT_PX 2048.0
/* Ring guides: thin, faint and dotted in the ties' colour, so that they
 * read as the ground the picture stands on, never as ties. */
#define RING_WIDTH 1.0
#define RING_ALPHA 0.3
#define RING_DASH_ON 1.0
#define RING_DASH_OFF 4.0

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
  /* Left out as of the day drawn: the place stays empty. */
  gboolean hidden;
  /* The legend's colour group (index + 1 in its order), 0: none. */
  guint group;
  PangoLayout *initials;   /* NULL: too small, or no letters */
} SceneNode;

/* How a tie is drawn for its corroboration, when the options ask. */
typedef enum {
  SUPPORT_USUAL,        /* two sources or more, or not asked */
  SUPPORT_ONE_SOURCE,   /* every evidence item from the same source */
  SUPPORT_NO_EVIDENCE,  /* no event of the tie has evidence */
} Support;

/* A tie of several kinds is drawn as parallel strokes, one for each
 * line style among its kinds (most events first), each as wide as its
 * own number of events makes it: at most one for each line style. */
#define MAX_STRANDS (TIES_LINE_DASH_DOT + 1)
#define STRAND_GAP 1.5
/* Strands whose band is narrower than this on the page (pixels, or
 * points) cannot be told apart: the tie is drawn as one stroke in its
 * most frequent kind's line, as ties of one kind are. */
#define MIN_STRANDS_PX 3.0

typedef struct
{
  TiesLineStyle line;
  double width;
  /* Across the tie, from its centre line, left of a → b. */
  double offset;
} Strand;

typedef struct
{
  guint a;
  guint b;
  /* The graph's edge drawn: a scene drawn as of a day leaves some out. */
  guint graph_edge;
  /* One stroke's width, for the number of events. */
  double width;
  TiesLineStyle line;
  guint n_strands;      /* 0: one stroke in @line */
  Strand strands[MAX_STRANDS];
  double band;          /* the strands' width and their gaps */
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

/* What a legend entry shows beside its text. */
typedef enum {
  LEGEND_HEADING,       /* no symbol: the text heads a section */
  LEGEND_LINE,          /* a kind's line style, or a corroboration's */
  LEGEND_WIDTH,         /* a thin and a heavy tie: number of events */
  LEGEND_ARROW,         /* a tie with an arrowhead: who reached out */
  LEGEND_STRANDS,       /* parallel strokes: a tie of several kinds */
  LEGEND_SHAPE,         /* an actor kind's shape, in grey */
  LEGEND_NODE_SIZE,     /* a small and a large node: number of events */
  LEGEND_COLOR,         /* an affiliation's colour */
} LegendSymbol;

typedef struct
{
  LegendSymbol symbol;
  TiesLineStyle line;
  Support support;
  TiesActorKind shape;
  guint32 color;
  PangoLayout *layout;
} LegendEntry;

typedef struct
{
  double x0, y0, x1, y1;
} Box;

/* Where the parts go, for one placement of the legend: beside the
 * drawing or below it, in one column or several. */
typedef struct
{
  Box bounds;
  double legend_x, legend_y;
  /* The legend's size in its own units (drawn scaled by the chrome),
   * and each entry's row origin in them: 2 numbers an entry. */
  double legend_width, legend_height;
  double *legend_xy;
  double title_x, title_y;
  double caption_x, caption_y;
} Frame;

/* Ids, classes and titles of the actors and ties, copied from the
 * document when the scene is built, so that a worker thread writes the
 * SVG without touching the document (ties-svg-writer.c). */
typedef struct _SvgInfo SvgInfo;

/* @counted: the events that count (TiesRenderOptions.as_of), or NULL
 * for all. */
SvgInfo      *_ties_svg_info_new  (TiesDocument *document,
                                   TiesNetwork  *network,
                                   TiesGraph    *graph,
                                   GHashTable   *counted);
void          _ties_svg_info_free (SvgInfo      *info);

struct _TiesScene
{
  TiesStyle style;
  gboolean solid_background;
  char *title;
  PangoContext *context;
  /* The fonts of the scene's text, regular and bold, made as first
   * asked for: each label is a layout of its own, and parsing
   * FONT_FAMILIES for each was a tenth of placing the labels. */
  PangoFontDescription *fonts[2];

  GArray *nodes;        /* SceneNode */
  GArray *edges;        /* SceneEdge */
  GPtrArray *labels;    /* SceneLabel */
  /* Each node's name as measured in each shape tried so far (whole on
   * one line, on two or three, shortened), kept from one placement of
   * the labels to the next: fitting the page places them several times,
   * and laying text out is most of a placement's cost. NULL until the
   * first placement, and again once the text moved to another thread. */
  GPtrArray *name_shapes; /* NameShapes, by node; in ties-renderer-labels.c */
  /* Whether a tie is drawn as resting on one source, or on none. */
  gboolean any_one_source;
  gboolean any_no_evidence;
  /* Whether a tie is drawn as parallel strands. */
  gboolean any_strands;

  GArray *legend;       /* LegendEntry */
  double legend_column; /* column width, gap included */
  double legend_row;    /* row height */
  double chrome;        /* scale of legend, title and caption */
  /* Scale of the labels' text (LABEL_SIZE units at 1): the window sets
   * it so that names keep their size on screen whatever the zoom. */
  double label_scale;

  PangoLayout *title_layout;
  PangoLayout *caption_layout;

  GArray *frames;       /* Frame: the placements to choose from */
  /* The legend is not part of the frames (legend_apart): a frame of
   * one column for ties_scene_draw_legend(). */
  gboolean legend_apart;
  /* Colours tell communities (TiesRenderOptions.communities). */
  gboolean by_community;
  gboolean any_alone;   /* by community: an actor alone in one drawn */
  Frame apart;

  /* What an SVG names beyond the drawing (ties-svg-writer.c). */
  SvgInfo *svg;

  /* A radial layout's rings, drawn as guides under the ties: radii
   * (double) round (ring_x, ring_y), empty for other layouts. */
  GArray *rings;
  double ring_x;
  double ring_y;
};

/* The colours a scene is drawn in, as 0xRRGGBB. */
guint32       _ties_renderer_background_color (TiesStyle style);
guint32       _ties_renderer_text_color       (TiesStyle style);
guint32       _ties_renderer_tie_color        (TiesStyle style);
/* Black or white, whichever reads on @fill (initials). */
guint32       _ties_renderer_ink_color        (guint32   fill);

/* How a tie's line is stroked: width, cap and dash pattern. */
typedef struct
{
  double width;
  gboolean round_cap;
  guint n_dashes;
  double dashes[4];
} TieStroke;

/* Where a tie is drawn: its line from (ax, ay) to (bx, by), bent
 * towards (cx, cy) when curved (a quadratic curve), and its arrowheads,
 * each a triangle of tip (tip_x, tip_y) pointing along (dir_x, dir_y). */
typedef struct
{
  double ax, ay, bx, by;
  double cx, cy;
  gboolean curved;
  gboolean arrow[2];
  double tip_x[2], tip_y[2];
  double dir_x[2], dir_y[2];
  double arrow_length;
  double arrow_half;
} TieGeometry;

/* ties-renderer.c: what the cairo renderer and the SVG writer both draw
 * by, so that the two show the same picture. */
void          _ties_renderer_tie_paint    (TiesScene          *self,
                                           Support             support,
                                           gboolean            dim,
                                           guint32            *color,
                                           double             *alpha);
void          _ties_renderer_tie_stroke   (Support             support,
                                           TiesLineStyle       line,
                                           double              width,
                                           TieStroke          *stroke);
/* FALSE when the tie is not drawn (its ends too close). */
gboolean      _ties_renderer_tie_geometry (TiesScene          *self,
                                           const SceneEdge    *edge,
                                           TieGeometry        *geometry);
/* The line of a strand @offset across the tie's centre line: its ends
 * and control point moved along the normals there, which keeps a curve
 * near parallel to the centre line. */
void          _ties_renderer_strand_line  (const TieGeometry  *geometry,
                                           double              offset,
                                           double             *ax,
                                           double             *ay,
                                           double             *cx,
                                           double             *cy,
                                           double             *bx,
                                           double             *by);
/* The three corners of an arrowhead, tip first. */
void          _ties_renderer_arrowhead    (const TieGeometry  *geometry,
                                           guint               end,
                                           double              corners[6]);

/* What a legend entry's symbol is made of, in the legend's units: up
 * to two tie strokes (in the entry's line and corroboration, or plain),
 * an arrowhead, and up to two node shapes with their fill. */
typedef struct
{
  guint n_lines;
  double line[2][4];     /* x0, y0, x1, y1 */
  double line_width[2];
  gboolean arrow;
  double arrowhead[6];
  guint n_nodes;
  SceneNode nodes[2];
  gboolean strands;      /* the lines are strands: solid, then dashed */
} LegendGlyph;

/* The line style of a legend glyph's line @line. */
TiesLineStyle _ties_renderer_legend_line  (const LegendEntry  *entry,
                                           const LegendGlyph  *glyph,
                                           guint               line);

void          _ties_renderer_legend_glyph (TiesScene          *self,
                                           const LegendEntry  *entry,
                                           double              x,
                                           double              mid_y,
                                           LegendGlyph        *glyph);

/* What a layout's extents are multiplied by to read at @size. */
static inline double
text_factor (double size)
{
  return size / LAYOUT_SIZE;
}

/* ties-scene.c: a layout of @text in the scene's font, on its context,
 * at LAYOUT_SIZE; and the box @layout covers drawn at @size. */
PangoLayout  *_ties_renderer_make_layout  (TiesScene    *self,
                                           const char   *text,
                                           PangoWeight   weight);
void          _ties_renderer_layout_box   (PangoLayout  *layout,
                                           double        size,
                                           double       *x,
                                           double       *y,
                                           double       *width,
                                           double       *height);

/* The symbol of a legend entry, LEGEND_SWATCH wide and a row high,
 * centred on its row, and where its text starts. */
#define LEGEND_SWATCH (3.2 * LEGEND_SIZE)
#define LEGEND_TEXT_X (LEGEND_SWATCH + 0.6 * LEGEND_SIZE)

/* ties-renderer-labels.c: places the labels of the scene's nodes;
 * returns how many names were shortened or left out. */
guint         _ties_renderer_place_labels (TiesScene    *self,
                                           TiesDocument *document,
                                           TiesGraph    *graph);
/* Drops the names measured for placing labels (TiesScene.name_shapes). */
void          _ties_renderer_forget_name_shapes (TiesScene *self);

/* ties-renderer-hit.c: the frame, scale and offset that fit the scene
 * into a @width × @height area. */
const Frame  *_ties_renderer_choose_frame (TiesScene    *self,
                                           double        width,
                                           double        height,
                                           double       *scale,
                                           double       *tx,
                                           double       *ty);

G_END_DECLS
