/* ties-renderer.h: one drawing of the network, for screen, files and paper
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "ties-document.h"
#include "ties-graph.h"
#include "ties-network.h"

G_BEGIN_DECLS

typedef enum {
  TIES_STYLE_LIGHT,
  TIES_STYLE_DARK,
} TiesStyle;

typedef struct
{
  TiesStyle style;
  /* FALSE: transparent background. */
  gboolean solid_background;
  /* NULL: none. The caption defaults to naming the sources. */
  const char *title;
  const char *caption;
  gboolean legend;
  /* The legend is built but kept out of the drawing, for the caller to
   * show apart (the window's Legend popover): ties_scene_draw_legend(). */
  gboolean legend_apart;
  /* Initials ("JA") inside nodes large enough to hold them. */
  gboolean initials;
  /* Actors and events to highlight (NULL: none); the rest are dimmed
   * when either is non-empty. */
  GHashTable *highlighted_actors;   /* actor id set */
  GHashTable *highlighted_events;   /* TiesEvent set */
  /* Corroboration: ties that rest on a single source drawn thinner and
   * lighter in a fine dash, ties that rest on no evidence at all faint,
   * warm grey and dotted, each with its legend entry (shown only when
   * such a tie is drawn). Off by default: the usual look is kept. */
  gboolean mark_weak_ties;
  /* Actor id → community number + 1 (ties_measures_lookup()): nodes are
   * then coloured by community rather than by affiliation, an actor
   * alone in its community grey, and the legend names the communities.
   * NULL: by affiliation. */
  GHashTable *communities;
  /* The page the scene is made for, in units (0: not known, as in the
   * window, which zooms). On a known page, places are spread evenly
   * while that gives shortened names room and keeps text readable; with
   * @fill_page, they are also stretched along one axis (up to 2.5
   * times) so that the drawing fills the page beside its legend: for
   * layouts whose shape means nothing (force), not for rings or a
   * circle. */
  double page_width;
  double page_height;
  gboolean fill_page;
  /* Pixels per unit the scene will be drawn at, when known (0: not): its
   * text is then set for it at once, as ties_scene_set_text_scale()
   * would set it. */
  double text_scale;
  /* Drawn as of a day (the window's Play, the frame series): when set,
   * only events that have begun by then count: a tie none of whose
   * events count is not drawn, an actor none of whose events count is
   * left out (its place kept empty, so the layout never jumps). NULL:
   * every event counts. An event without a date never counts while it
   * is set: nothing says it had happened. A drawn tie's width, kinds,
   * arrows and corroboration are those of its events that count; nodes
   * keep their size and place, labels theirs, and the legend lists only
   * what is drawn (in the room the whole document's legend takes, so
   * that the drawing keeps its place on the page from day to day). */
  TiesDate *as_of;
  /* With @as_of: events that ended before this day are dimmed, as the
   * highlight dims what a filter leaves out (the last N months stand
   * out); with the filter's highlight, only what it keeps of the recent
   * events stands out. A highlight of the caller's own (a selection)
   * takes precedence, as it does over the filter's. NULL: nothing
   * dimmed for its age. */
  TiesDate *recent_from;
} TiesRenderOptions;

void ties_render_options_init (TiesRenderOptions *options);

/* Everything needed to draw, prepared once (labels measured and placed,
 * colours chosen, the legend laid out), then drawn any number of times
 * at any size. */
typedef struct _TiesScene TiesScene;

/* @graph must be laid out. The scene keeps references to what it needs. */
TiesScene *ties_scene_new        (TiesDocument            *document,
                                  TiesNetwork             *network,
                                  TiesGraph               *graph,
                                  const TiesRenderOptions *options);
void       ties_scene_free       (TiesScene               *self);
/* Starts reading the system's fonts in the background, so that a scene
 * made soon after in this thread does not wait for all of it: call it
 * before other work, such as reading the document. */
void       ties_scene_prepare_fonts (void);
/* Before drawing @self in another thread than the one that made it. */
void       ties_scene_rebind_fonts (TiesScene             *self);
/* Lays the labels out again, and the legend, for the scene drawn at
 * @pixels_per_unit: their text is then the size it is in an export at
 * 1:1 (12 px names), whatever the zoom. The window calls it as the zoom
 * settles; @graph is the one the scene was made of. */
void       ties_scene_set_text_scale (TiesScene           *self,
                                      TiesDocument        *document,
                                      TiesGraph           *graph,
                                      double               pixels_per_unit);
/* The pixels per unit the text is set for (1 unless set). */
double     ties_scene_get_text_scale (TiesScene           *self);
/* Fewer names, not a smaller drawing: where the names set for the scale
 * of a @width × @height area would shrink the drawing well below what
 * the actors alone could take, sets the text for a larger drawing and
 * leaves out the names that would then fall outside the area. Returns
 * whether it did. */
gboolean   ties_scene_keep_drawing_large (TiesScene       *self,
                                          TiesDocument    *document,
                                          TiesGraph       *graph,
                                          double           width,
                                          double           height);

/* Draws the scene fitted and centred in a @width × @height area (user
 * units of @cr: pixels for PNG at scale 1, points for PDF). */
void       ties_scene_draw       (TiesScene               *self,
                                  cairo_t                 *cr,
                                  double                   width,
                                  double                   height);

/* For tests and hit-testing: the placed labels, in diagram units. */
guint      ties_scene_get_n_labels (TiesScene             *self);
gboolean   ties_scene_get_label    (TiesScene             *self,
                                    guint                  index,
                                    const char           **text,
                                    guint                 *node,
                                    double                *x,
                                    double                *y,
                                    double                *width,
                                    double                *height);
/* The legend's entries, top to bottom: kinds' lines, the corroboration
 * marks, affiliations. The text is the scene's. */
guint      ties_scene_get_n_legend_entries (TiesScene     *self);
const char *ties_scene_get_legend_text     (TiesScene     *self,
                                            guint          index);
/* The fill colour of node @node, as 0xRRGGBB. */
guint32    ties_scene_get_node_color (TiesScene           *self,
                                      guint                node);
/* Where node @node's centre lands when drawn into @width × @height. */
void       ties_scene_map_point  (TiesScene               *self,
                                  double                   width,
                                  double                   height,
                                  double                   x,
                                  double                   y,
                                  double                  *out_x,
                                  double                  *out_y);

/* The inverse of ties_scene_map_point(): the diagram point drawn at
 * (@x, @y) of a @width × @height area. */
void       ties_scene_unmap_point (TiesScene              *self,
                                   double                  width,
                                   double                  height,
                                   double                  x,
                                   double                  y,
                                   double                 *out_x,
                                   double                 *out_y);
/* The fit itself: area = (@tx + x × @scale, @ty + y × @scale). */
void       ties_scene_get_transform (TiesScene            *self,
                                     double                width,
                                     double                height,
                                     double               *scale,
                                     double               *tx,
                                     double               *ty);

/* Nodes and ties as drawn (diagram units; node indices are the graph's). */
guint      ties_scene_get_n_nodes  (TiesScene             *self);
/* The legend on its own, one column at 1:1 from the origin, over the
 * whole clip painted in the drawing's background; and its size, FALSE
 * when the scene has no legend apart. */
gboolean   ties_scene_get_legend_size (TiesScene          *self,
                                       double             *width,
                                       double             *height);
void       ties_scene_draw_legend     (TiesScene          *self,
                                       cairo_t            *cr);
/* Whether @node's name is drawn whole: not left out, not shortened. */
gboolean   ties_scene_has_whole_label (TiesScene          *self,
                                       guint               node);
/* FALSE for an actor left out of a scene drawn as of a day
 * (TiesRenderOptions.as_of): its place is kept, but nothing is drawn
 * there, nor can it be hit. */
gboolean   ties_scene_node_is_drawn (TiesScene            *self,
                                     guint                 node);
void       ties_scene_get_node     (TiesScene             *self,
                                    guint                  node,
                                    double                *x,
                                    double                *y,
                                    double                *radius);
guint      ties_scene_get_n_edges  (TiesScene             *self);
void       ties_scene_get_edge     (TiesScene             *self,
                                    guint                  edge,
                                    guint                 *a,
                                    guint                 *b);
/* Adds the centre line of tie @edge (straight or curved) to @cr's path. */
void       ties_scene_append_edge_path (TiesScene         *self,
                                        cairo_t           *cr,
                                        guint              edge);
/* Hit-testing in diagram units: the topmost node whose disc, grown by
 * @slop, holds (@x, @y), or G_MAXUINT; the tie whose centre line passes
 * nearest, within @tolerance, or G_MAXUINT. */
guint      ties_scene_hit_node     (TiesScene             *self,
                                    double                 x,
                                    double                 y,
                                    double                 slop);
guint      ties_scene_hit_edge     (TiesScene             *self,
                                    double                 x,
                                    double                 y,
                                    double                 tolerance);

/* For export: whether the background is painted (an opaque PNG needs
 * no alpha channel), and the title (PDF metadata), or NULL. */
gboolean   ties_scene_get_solid_background (TiesScene     *self);
const char *ties_scene_get_title           (TiesScene     *self);

/* Node radii the renderer's text and line sizes are made for: pass them
 * to ties_graph_set_radii() (diagram units read as pixels at 1:1). */
#define TIES_SCENE_MIN_RADIUS 6.0
#define TIES_SCENE_MAX_RADIUS 22.0
/* Room that layouts leave between neighbours for a label of average
 * length (diagram units; labels are 12 units high). */
#define TIES_SCENE_LABEL_ROOM 70.0

/* The caption drawn when the options give none. */
char      *ties_scene_default_caption (TiesDocument           *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiesScene, ties_scene_free)

G_END_DECLS
