/* ties-svg-writer.c: the diagram as SVG a researcher can edit and restyle
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cairo's SVG surface wrote every label as glyph outlines: nobody could
 * find a name in the file or fix one in Inkscape, and it was slow. This
 * writer walks the same scene ties-renderer.c draws, in the same order
 * and with the same geometry, colours and strokes (shared through
 * ties-renderer-private.h), and writes the XML itself: text as <text>
 * in the renderer's font, an actor's shape, initials and name grouped
 * under its id with a <title>, ties likewise, classes per kind and
 * affiliation for restyling with CSS. Coordinates are in diagram units
 * under one transform, rounded to hundredths; the output depends on
 * nothing but the scene and the size, so it is the same bytes each time.
 *
 * Just over 1,000 lines: what the SVG says of each actor and tie (ids,
 * classes, titles: SvgInfo, made with the scene) and how it writes
 * numbers, text and elements. The first part, up to tie_title(), is the
 * seam to split along if it grows.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ties-renderer-private.h"
#include "ties-svg-writer.h"
#include "ties-svg-writer-private.h"

/* What the SVG says of each actor and tie beyond its drawing, copied
 * from the document when the scene is built, into one string chunk:
 * the window builds a scene for every change and never writes it, so
 * this is kept to copies; ids, classes and titles are made from it only
 * when an SVG is written. */
typedef struct
{
  const char *id;
  const char *name;
  const char *role;           /* NULL: none */
  const char *affiliation;    /* NULL: none */
  TiesActorKind kind;
  gboolean leader;            /* others are affiliated with it */
} SvgActor;

typedef struct
{
  const char *kind;           /* NULL: no kind */
  const char *label;
  guint count;
} SvgKindCount;

typedef struct
{
  guint a;                    /* node indices, in the tie's own order */
  guint b;
  gboolean known;             /* FALSE: no tie in the network */
  guint n_events;
  guint n_a_to_b;
  guint n_b_to_a;
  guint first_kind;           /* into kinds */
  guint n_kinds;
} SvgTie;

struct _SvgInfo
{
  GStringChunk *strings;
  GArray *actors;             /* SvgActor, by node index */
  GArray *ties;               /* SvgTie, by edge index */
  GArray *kinds;              /* SvgKindCount */
};

static const char *
copy_string (SvgInfo    *info,
             const char *text)
{
  return text != NULL && *text != '\0' ? g_string_chunk_insert (info->strings, text) : NULL;
}

SvgInfo *
_ties_svg_info_new (TiesDocument *document,
                    TiesNetwork  *network,
                    TiesGraph    *graph,
                    GHashTable   *counted)
{
  SvgInfo *info = g_new0 (SvgInfo, 1);
  g_autoptr(GHashTable) leaders = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *actors = G_LIST_MODEL (ties_document_get_actors (document));

  g_assert (TIES_IS_DOCUMENT (document));
  g_assert (graph != NULL);

  info->strings = g_string_chunk_new (4096);
  info->actors = g_array_sized_new (FALSE, TRUE, sizeof (SvgActor), graph->nodes->len);
  info->ties = g_array_sized_new (FALSE, TRUE, sizeof (SvgTie), graph->edges->len);
  info->kinds = g_array_new (FALSE, TRUE, sizeof (SvgKindCount));

  /* An actor others are affiliated with leads their group (and colour,
   * as the renderer assigns them): it carries its group's class too. */
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(TiesActor) actor = g_list_model_get_item (actors, i);
      const char *affiliation = ties_actor_get_affiliation (actor);

      if (affiliation != NULL && *affiliation != '\0')
        g_hash_table_add (leaders, (gpointer) affiliation);
    }

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      const char *id = ties_graph_node (graph, i)->id;
      TiesActor *actor = ties_document_lookup_actor (document, id);
      SvgActor item = { NULL };

      item.id = copy_string (info, id);
      item.kind = TIES_ACTOR_PERSON;
      item.leader = g_hash_table_contains (leaders, id);
      if (actor != NULL)
        {
          item.name = copy_string (info, ties_actor_get_name (actor));
          item.role = copy_string (info, ties_actor_get_role (actor));
          item.affiliation = copy_string (info, ties_actor_get_affiliation (actor));
          item.kind = ties_actor_get_kind (actor);
        }
      g_array_append_val (info->actors, item);
    }

  for (guint i = 0; i < graph->edges->len; i++)
    {
      TiesGraphEdge *edge = ties_graph_edge (graph, i);
      const char *a = ties_graph_node (graph, edge->source)->id;
      const char *b = ties_graph_node (graph, edge->target)->id;
      TiesTie *tie = network != NULL ? ties_network_lookup_tie (network, a, b) : NULL;
      g_autoptr(TiesTie) counted_tie = NULL;
      SvgTie item = { edge->source, edge->target, tie != NULL, 0 };

      /* Its title counts what the drawing counts. */
      if (tie != NULL && counted != NULL && (counted_tie = ties_tie_new_of_events (tie, counted)) != NULL)
        tie = counted_tie;

      if (tie != NULL)
        {
          const char * const *kinds = ties_tie_get_kinds (tie);
          GPtrArray *events = ties_tie_get_events (tie);

          /* Named in the tie's own order, whichever way the graph holds it. */
          if (g_strcmp0 (ties_tie_get_actor_a (tie), a) != 0)
            {
              item.a = edge->target;
              item.b = edge->source;
            }
          item.n_events = events->len;
          item.n_a_to_b = ties_tie_get_n_a_to_b (tie);
          item.n_b_to_a = ties_tie_get_n_b_to_a (tie);
          item.first_kind = info->kinds->len;

          for (guint k = 0; kinds != NULL && kinds[k] != NULL; k++)
            {
              SvgKindCount count = { NULL };

              count.kind = g_string_chunk_insert_const (info->strings, kinds[k]);
              /* Looking a kind up walks the document's kinds and the
               * built-in ones: once for each kind. */
              count.label = g_hash_table_lookup (labels, count.kind);
              if (count.label == NULL)
                {
                  count.label = g_string_chunk_insert_const (info->strings,
                                                             ties_document_get_kind_label (document, kinds[k]));
                  g_hash_table_insert (labels, (gpointer) count.kind, (gpointer) count.label);
                }
              for (guint e = 0; e < events->len; e++)
                if (g_strcmp0 (ties_event_get_kind (g_ptr_array_index (events, e)), kinds[k]) == 0)
                  count.count++;
              g_array_append_val (info->kinds, count);
              item.n_kinds++;
            }
        }
      g_array_append_val (info->ties, item);
    }

  return info;
}

void
_ties_svg_info_free (SvgInfo *info)
{
  if (info == NULL)
    return;

  g_array_unref (info->actors);
  g_array_unref (info->ties);
  g_array_unref (info->kinds);
  g_string_chunk_free (info->strings);
  g_free (info);
}

/* Names, made when writing */

/* "Ardern & Co." → "Ardern___Co.": what an XML id and a CSS class may
 * hold without escaping (ASCII letters, digits, '-', '_', '.'). */
static void
append_safe_name (GString    *out,
                  const char *text)
{
  g_assert (out != NULL);

  if (text == NULL || *text == '\0')
    {
      g_string_append_c (out, '_');
      return;
    }
  for (const char *p = text; *p != '\0'; p++)
    g_string_append_c (out, g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.' ? *p : '_');
}

/* @wanted, or @wanted-2, -3…: ids that made the same safe name stay
 * unique. Takes @wanted; @used holds the id returned, which the caller
 * owns and keeps for as long as @used. */
static char *
unique_id (GHashTable *used,
           GString    *wanted)
{
  gsize base = wanted->len;
  char *id;

  for (guint n = 2; g_hash_table_contains (used, wanted->str); n++)
    {
      g_string_truncate (wanted, base);
      g_string_append_printf (wanted, "-%u", n);
    }
  id = g_string_free (wanted, FALSE);
  g_hash_table_add (used, id);

  return id;
}

static const char *
actor_name (const SvgActor *actor)
{
  return actor->name != NULL ? actor->name : actor->id;
}

/* The ids of the actors' groups ("actor-…"), unique, by node index. */
static GPtrArray *
make_actor_ids (SvgInfo    *info,
                GHashTable *used)
{
  GPtrArray *ids = g_ptr_array_new_full (info->actors->len, g_free);

  for (guint i = 0; i < info->actors->len; i++)
    {
      GString *id = g_string_new ("actor-");

      append_safe_name (id, g_array_index (info->actors, SvgActor, i).id);
      g_ptr_array_add (ids, unique_id (used, id));
    }

  return ids;
}

/* The ids of the ties' groups ("tie-A-B", after their actors' ids,
 * which are unique already), by edge index: made in the edges' order,
 * so highlighting, which changes the order they are written in, does
 * not change them. */
static GPtrArray *
make_tie_ids (SvgInfo    *info,
              GPtrArray  *actor_ids,
              GHashTable *used)
{
  GPtrArray *ids = g_ptr_array_new_full (info->ties->len, g_free);

  for (guint i = 0; i < info->ties->len; i++)
    {
      SvgTie *tie = &g_array_index (info->ties, SvgTie, i);
      GString *id = g_string_sized_new (32);

      g_string_append (id, "tie-");
      g_string_append (id, (char *) g_ptr_array_index (actor_ids, tie->a) + strlen ("actor-"));
      g_string_append_c (id, '-');
      g_string_append (id, (char *) g_ptr_array_index (actor_ids, tie->b) + strlen ("actor-"));
      g_ptr_array_add (ids, unique_id (used, id));
    }

  return ids;
}

static void
append_actor_classes (GString        *out,
                      const SvgActor *actor)
{
  g_string_append (out, "actor kind-");
  g_string_append (out, ties_actor_kind_to_string (actor->kind));
  if (actor->affiliation != NULL)
    {
      g_string_append (out, " affiliation-");
      append_safe_name (out, actor->affiliation);
    }
  if (actor->leader)
    {
      g_string_append (out, " affiliation-");
      append_safe_name (out, actor->id);
    }
}

/* The actor's whole name, and role. */
static char *
actor_title (const SvgActor *actor)
{
  if (actor->role != NULL)
    /* TRANSLATORS: an SVG tooltip: an actor's name, then role */
    return g_strdup_printf (_("%s (%s)"), actor_name (actor), actor->role);

  return g_strdup (actor_name (actor));
}

/* "Jacinda Ardern and Jack Dorsey: 3 events", then a line per kind and
 * per side that reached out: what the tie's width, line and arrows say. */
static char *
tie_title (SvgInfo      *info,
           const SvgTie *tie)
{
  const SvgActor *a = &g_array_index (info->actors, SvgActor, tie->a);
  const SvgActor *b = &g_array_index (info->actors, SvgActor, tie->b);
  GString *title = g_string_new (NULL);
  const struct { const SvgActor *who; guint count; } reached[] = {
    { a, tie->n_a_to_b },
    { b, tie->n_b_to_a },
  };

  if (!tie->known)
    {
      /* TRANSLATORS: an SVG tooltip: two actors' names */
      g_string_append_printf (title, _("%s and %s"), actor_name (a), actor_name (b));
      return g_string_free (title, FALSE);
    }

  g_string_append_printf (title,
                          /* TRANSLATORS: an SVG tooltip: two actors' names, then a count */
                          g_dngettext (GETTEXT_PACKAGE, "%s and %s: %u event", "%s and %s: %u events",
                                       tie->n_events),
                          actor_name (a), actor_name (b), tie->n_events);

  for (guint k = 0; k < tie->n_kinds; k++)
    {
      const SvgKindCount *count = &g_array_index (info->kinds, SvgKindCount, tie->first_kind + k);

      g_string_append_c (title, '\n');
      /* TRANSLATORS: an SVG tooltip's line: a kind of event, then how many */
      g_string_append_printf (title, _("%s: %u"), count->label, count->count);
    }

  for (guint i = 0; i < G_N_ELEMENTS (reached); i++)
    if (reached[i].count > 0)
      {
        g_string_append_c (title, '\n');
        g_string_append_printf (title,
                                /* TRANSLATORS: an SVG tooltip's line: who initiated, how often */
                                g_dngettext (GETTEXT_PACKAGE, "%s reached out %u time",
                                             "%s reached out %u times", reached[i].count),
                                actor_name (reached[i].who), reached[i].count);
      }

  return g_string_free (title, FALSE);
}

/* Writing */

/* Text for XML content and attribute values: markup characters escaped,
 * and the control characters XML 1.0 cannot hold at all left out. */
static void
append_escaped (GString    *out,
                const char *text,
                gssize      length)
{
  const char *end = length < 0 ? text + strlen (text) : text + length;

  for (const char *p = text; p < end; p++)
    switch (*p)
      {
      case '<':
        g_string_append (out, "&lt;");
        break;
      case '>':
        g_string_append (out, "&gt;");
        break;
      case '&':
        g_string_append (out, "&amp;");
        break;
      case '"':
        g_string_append (out, "&quot;");
        break;
      case '\t':
      case '\n':
      case '\r':
        g_string_append_c (out, *p);
        break;
      default:
        if ((guchar) *p >= 0x20)
          g_string_append_c (out, *p);
        break;
      }
}

/* @value rounded to @decimals places, without trailing zeros: "12.5",
 * "-3", "0.07". printf() is both slower and bound to the locale. */
static void
append_fixed (GString *out,
              double   value,
              guint    decimals)
{
  char digits[32];
  int n = 0;
  guint64 unit = decimals == 3 ? 1000 : 100;
  gint64 scaled;
  guint64 whole, frac;

  g_assert (decimals == 2 || decimals == 3);

  if (!isfinite (value))
    value = 0;
  /* Far beyond any drawing (MAX_COORD) but within 64 bits. */
  value = CLAMP (value, -1e15, 1e15);
  scaled = llround (value * unit);
  if (scaled < 0)
    {
      g_string_append_c (out, '-');
      scaled = -scaled;
    }
  whole = (guint64) scaled / unit;
  frac = (guint64) scaled % unit;

  do
    {
      digits[n++] = '0' + whole % 10;
      whole /= 10;
    }
  while (whole > 0);
  while (n > 0)
    g_string_append_c (out, digits[--n]);

  if (frac != 0)
    {
      g_string_append_c (out, '.');
      for (unit /= 10; frac != 0; unit /= 10)
        {
          g_string_append_c (out, '0' + frac / unit);
          frac %= unit;
        }
    }
}

/* Coordinates: hundredths of a diagram unit are far under a pixel. */
static void
append_number (GString *out,
               double   value)
{
  append_fixed (out, value, 2);
}

/* ' name="value"' for a number. */
static void
append_attr (GString    *out,
             const char *name,
             double      value)
{
  g_string_append_c (out, ' ');
  g_string_append (out, name);
  g_string_append (out, "=\"");
  append_number (out, value);
  g_string_append_c (out, '"');
}

static void
append_color_attr (GString    *out,
                   const char *name,
                   guint32     color)
{
  static const char hex[] = "0123456789abcdef";
  char value[] = "#000000\"";

  for (guint i = 0; i < 6; i++)
    value[6 - i] = hex[(color >> (4 * i)) & 0xf];
  g_string_append_c (out, ' ');
  g_string_append (out, name);
  g_string_append (out, "=\"");
  g_string_append (out, value);
}

/* An opacity, only when it is not the default; in thousandths, which
 * the renderer's products of alphas (0.85 × 0.55) need. */
static void
append_opacity_attr (GString    *out,
                     const char *name,
                     double      alpha)
{
  if (alpha >= 1.0)
    return;
  g_string_append_c (out, ' ');
  g_string_append (out, name);
  g_string_append (out, "=\"");
  append_fixed (out, alpha, 3);
  g_string_append_c (out, '"');
}

/* The text Pango shows on @line: the line's own characters, or when it
 * is ellipsized those kept before the ellipsis, and the ellipsis. */
static void
append_line_text (GString         *out,
                  const char      *text,
                  PangoLayoutLine *line)
{
  int start = line->start_index;
  int end = line->start_index + line->length;
  gboolean ellipsized = FALSE;
  int kept = start;

  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;

      if (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
        ellipsized = TRUE;
      else
        kept = MAX (kept, run->item->offset + run->item->length);
    }
  if (ellipsized)
    end = MIN (end, kept);
  while (end > start && (text[end - 1] == '\n' || text[end - 1] == '\r'))
    end--;

  append_escaped (out, text + start, end - start);
  if (ellipsized)
    g_string_append (out, "…");
}

/* Whether text made at @size, drawn scaled by @k in a group of scale
 * @s, is drawn at all, and at which scale: as draw_layout() decides in
 * ties-renderer.c (nothing under MIN_TEXT_PX, nothing over MAX_TEXT_PX). */
static gboolean
text_scale (double  size,
            double  s,
            double *k)
{
  double px = size * *k * s;

  if (!(px >= MIN_TEXT_PX) || !isfinite (px))
    return FALSE;
  if (px > MAX_TEXT_PX)
    *k *= MAX_TEXT_PX / px;

  return TRUE;
}

/* @layout drawn at @size as pango_cairo_show_layout() draws it with its
 * origin at (@x, @y) and scaled by @k: one <text>, in the
 * layout's own font size (unless it is the @inherited one) and weight,
 * with each line at its start and baseline (a <tspan> each when there
 * are several, so that a name broken over two lines is still one text
 * to search and edit). @attributes go on the <text>. */
static void
append_layout (GString     *out,
               PangoLayout *layout,
               double       x,
               double       y,
               double       size,
               double       k,
               double       inherited,
               const char  *attributes)
{
  const char *text = pango_layout_get_text (layout);
  const PangoFontDescription *font = pango_layout_get_font_description (layout);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  gboolean several = pango_layout_get_line_count (layout) > 1;
  gboolean open = FALSE;
  double f = k * text_factor (size);

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      int baseline = pango_layout_iter_get_baseline (iter);

      if (line->length == 0)
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);

      if (!open)
        {
          g_string_append (out, "<text");
          if (!several)
            {
              append_attr (out, "x", x + f * logical.x / PANGO_SCALE);
              append_attr (out, "y", y + f * baseline / PANGO_SCALE);
            }
          if (size * k != inherited)
            append_attr (out, "font-size", size * k);
          if (font != NULL && pango_font_description_get_weight (font) >= PANGO_WEIGHT_BOLD)
            g_string_append (out, " font-weight=\"bold\"");
          if (attributes != NULL)
            g_string_append (out, attributes);
          g_string_append_c (out, '>');
          open = TRUE;
        }
      if (several)
        {
          g_string_append (out, "<tspan");
          append_attr (out, "x", x + f * logical.x / PANGO_SCALE);
          append_attr (out, "y", y + f * baseline / PANGO_SCALE);
          g_string_append_c (out, '>');
          append_line_text (out, text, line);
          g_string_append (out, "</tspan>");
        }
      else
        append_line_text (out, text, line);
    }
  while (pango_layout_iter_next_line (iter));

  if (open)
    g_string_append (out, "</text>\n");
  pango_layout_iter_free (iter);
}

/* A stroke's width, cap and dashes, as attributes. */
static void
append_stroke (GString         *out,
               const TieStroke *stroke)
{
  append_attr (out, "stroke-width", stroke->width);
  /* Round is the ties group's default. */
  if (!stroke->round_cap)
    g_string_append (out, " stroke-linecap=\"butt\"");
  if (stroke->n_dashes > 0)
    {
      g_string_append (out, " stroke-dasharray=\"");
      for (guint i = 0; i < stroke->n_dashes; i++)
        {
          if (i > 0)
            g_string_append_c (out, ' ');
          append_number (out, stroke->dashes[i]);
        }
      g_string_append_c (out, '"');
    }
}

static void
append_title (GString    *out,
              const char *title)
{
  g_string_append (out, "<title>");
  append_escaped (out, title, -1);
  g_string_append (out, "</title>\n");
}

static void
append_edge (TiesScene  *self,
             GString    *out,
             guint       index,
             const char *id,
             double      s)
{
  SceneEdge *edge = &g_array_index (self->edges, SceneEdge, index);
  guint n_strands;
  SvgTie *tie = &g_array_index (self->svg->ties, SvgTie, edge->graph_edge);
  g_autofree char *title = NULL;
  TieGeometry g;
  TieStroke stroke;
  guint32 color;
  double alpha;

  _ties_renderer_tie_paint (self, edge->support, edge->dim, &color, &alpha);
  _ties_renderer_tie_stroke (edge->support, edge->line, edge->width, &stroke);

  g_string_append (out, "<g id=\"");
  g_string_append (out, id);
  g_string_append (out, "\" class=\"tie");
  for (guint k = 0; k < tie->n_kinds; k++)
    {
      const char *kind = g_array_index (self->svg->kinds, SvgKindCount, tie->first_kind + k).kind;

      g_string_append (out, " kind-");
      append_safe_name (out, kind);
    }
  g_string_append (out, edge->support == SUPPORT_ONE_SOURCE ? " one-source"
                        : edge->support == SUPPORT_NO_EVIDENCE ? " no-evidence" : "");
  g_string_append (out, edge->dim ? " dimmed\"" : "\"");
  if (color != _ties_renderer_tie_color (self->style))
    {
      append_color_attr (out, "stroke", color);
      append_color_attr (out, "fill", color);
    }
  if (alpha != 0.85)
    {
      append_opacity_attr (out, "stroke-opacity", alpha);
      append_opacity_attr (out, "fill-opacity", alpha);
    }
  g_string_append (out, ">\n");
  title = tie_title (self->svg, tie);
  append_title (out, title);

  /* A tie whose ends touch is not drawn, but is still named. */
  if (!_ties_renderer_tie_geometry (self, edge, &g))
    {
      g_string_append (out, "</g>\n");
      return;
    }

  /* Arrowheads first, as the renderer draws them. */
  for (guint end = 0; end < 2; end++)
    {
      double c[6];

      if (!g.arrow[end])
        continue;
      _ties_renderer_arrowhead (&g, end, c);
      g_string_append (out, "<path class=\"arrow\" stroke=\"none\" d=\"M");
      for (guint i = 0; i < 6; i += 2)
        {
          if (i > 0)
            g_string_append_c (out, 'L');
          append_number (out, c[i]);
          g_string_append_c (out, ' ');
          append_number (out, c[i + 1]);
        }
      g_string_append (out, "Z\"/>\n");
    }

  /* As the renderer decides, at the page's scale @s. */
  n_strands = edge->band * s >= MIN_STRANDS_PX ? edge->n_strands : 0;
  for (guint k = 0; k < MAX (n_strands, 1); k++)
    {
      double ax = g.ax, ay = g.ay, cx = g.cx, cy = g.cy, bx = g.bx, by = g.by;

      if (n_strands > 0)
        {
          _ties_renderer_strand_line (&g, edge->strands[k].offset, &ax, &ay, &cx, &cy, &bx, &by);
          _ties_renderer_tie_stroke (edge->support, edge->strands[k].line, edge->strands[k].width, &stroke);
        }

      g_string_append (out, n_strands > 0 ? "<path class=\"strand\" fill=\"none\" d=\"M"
                                                : "<path fill=\"none\" d=\"M");
      append_number (out, ax);
      g_string_append_c (out, ' ');
      append_number (out, ay);
      if (g.curved)
        {
          /* The renderer's cubic is this quadratic, raised. */
          g_string_append_c (out, 'Q');
          append_number (out, cx);
          g_string_append_c (out, ' ');
          append_number (out, cy);
          g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, 'L');
      append_number (out, bx);
      g_string_append_c (out, ' ');
      append_number (out, by);
      g_string_append_c (out, '"');
      append_stroke (out, &stroke);
      g_string_append (out, "/>\n");
    }
  g_string_append (out, "</g>\n");
}

/* The node's shape: as node_path() in ties-renderer.c draws it. */
static void
append_shape (GString   *out,
              SceneNode *node)
{
  switch (node->shape)
    {
    case TIES_ACTOR_ORGANISATION:
      {
        double h = 0.78 * node->radius, c = 0.3 * node->radius;

        g_string_append (out, "<rect");
        append_attr (out, "x", node->x - h);
        append_attr (out, "y", node->y - h);
        append_attr (out, "width", 2 * h);
        append_attr (out, "height", 2 * h);
        append_attr (out, "rx", c);
      }
      break;
    case TIES_ACTOR_GROUP:
      g_string_append (out, "<polygon points=\"");
      for (guint k = 0; k < 6; k++)
        {
          double angle = -G_PI / 2 + k * G_PI / 3;

          if (k > 0)
            g_string_append_c (out, ' ');
          append_number (out, node->x + 0.97 * node->radius * cos (angle));
          g_string_append_c (out, ',');
          append_number (out, node->y + 0.97 * node->radius * sin (angle));
        }
      g_string_append_c (out, '"');
      break;
    case TIES_ACTOR_PERSON:
    default:
      g_string_append (out, "<circle");
      append_attr (out, "cx", node->x);
      append_attr (out, "cy", node->y);
      append_attr (out, "r", 0.97 * node->radius);
      break;
    }
}

static void
append_node (TiesScene  *self,
             GString    *out,
             guint       index,
             GPtrArray  *actor_ids,
             double      s)
{
  SceneNode *node = &g_array_index (self->nodes, SceneNode, index);
  SvgActor *actor = &g_array_index (self->svg->actors, SvgActor, index);
  double alpha = node->dim ? DIM_ALPHA : 1.0;
  g_autofree char *title = actor_title (actor);

  g_string_append (out, "<g id=\"");
  g_string_append (out, g_ptr_array_index (actor_ids, index));
  g_string_append (out, "\" class=\"");
  append_actor_classes (out, actor);
  g_string_append (out, node->dim ? " dimmed\">\n" : "\">\n");
  append_title (out, title);

  append_shape (out, node);
  append_color_attr (out, "fill", node->color);
  append_opacity_attr (out, "fill-opacity", alpha);
  /* A ring of background colour separates a node from ties under it;
   * on the shape only, or the initials would inherit it. */
  append_color_attr (out, "stroke", _ties_renderer_background_color (self->style));
  append_attr (out, "stroke-width", 0.06 * node->radius);
  append_opacity_attr (out, "stroke-opacity", alpha);
  g_string_append (out, "/>\n");

  if (node->initials != NULL)
    {
      PangoRectangle ink, logical;
      double k = node->radius * 0.72 / INITIALS_SIZE;
      double x, y;
      g_autoptr(GString) attributes = g_string_new (" class=\"initials\"");

      pango_layout_get_extents (node->initials, &ink, &logical);
      /* Centred on the letters' ink, not on the line box. */
      x = node->x - k * ((double) ink.x + ink.width / 2.0) / PANGO_SCALE;
      y = node->y - k * ((double) ink.y + ink.height / 2.0) / PANGO_SCALE;
      if (text_scale (INITIALS_SIZE, s, &k))
        {
          append_color_attr (attributes, "fill", _ties_renderer_ink_color (node->color));
          append_opacity_attr (attributes, "fill-opacity", alpha * 0.9);
          append_layout (out, node->initials, x, y, INITIALS_SIZE, k, LABEL_SIZE, attributes->str);
        }
    }

  g_string_append (out, "</g>\n");
}

static void
append_label (TiesScene  *self,
              GString    *out,
              SceneLabel *label,
              GPtrArray  *actor_ids)
{
  SceneNode *node = &g_array_index (self->nodes, SceneNode, label->node);
  g_autofree char *title = actor_title (&g_array_index (self->svg->actors, SvgActor, label->node));
  double alpha = node->dim ? DIM_ALPHA : 1.0;
  double r = MIN (label->height / 2, 4.0 * self->label_scale);
  g_autoptr(GString) attributes = g_string_new (NULL);

  /* Under the actor's own id: "label-" for "actor-". */
  g_string_append (out, "<g id=\"label-");
  g_string_append (out, (char *) g_ptr_array_index (actor_ids, label->node) + strlen ("actor-"));
  g_string_append (out, node->dim ? "\" class=\"label dimmed\">\n" : "\" class=\"label\">\n");
  /* The whole name, and the role, also when the label is shortened. */
  append_title (out, title);

  /* The backdrop that keeps a label legible over the ties it crosses. */
  g_string_append (out, "<rect class=\"backdrop\"");
  append_attr (out, "x", label->x);
  append_attr (out, "y", label->y);
  append_attr (out, "width", label->width);
  append_attr (out, "height", label->height);
  append_attr (out, "rx", r);
  append_color_attr (out, "fill", _ties_renderer_background_color (self->style));
  append_opacity_attr (out, "fill-opacity", alpha * 0.78);
  g_string_append (out, "/>\n");

  append_opacity_attr (attributes, "fill-opacity", alpha);
  append_layout (out, label->layout, label->x + label->ox, label->y + label->oy, LABEL_SIZE,
                 self->label_scale, LABEL_SIZE, attributes->str);
  g_string_append (out, "</g>\n");
}

static void
append_legend (TiesScene   *self,
               GString     *out,
               const Frame *frame,
               double       s)
{
  double size = LEGEND_SIZE;
  double k = 1.0;
  char scale[G_ASCII_DTOSTR_BUF_SIZE];
  /* Laid out at its own size, drawn at the chrome's. */
  gboolean with_text = text_scale (size, s * self->chrome, &k);

  g_string_append (out, "<g id=\"legend\" transform=\"translate(");
  append_number (out, frame->legend_x);
  g_string_append_c (out, ' ');
  append_number (out, frame->legend_y);
  g_string_append_printf (out, ") scale(%s)\"", g_ascii_formatd (scale, sizeof scale, "%.6g", self->chrome));
  append_attr (out, "font-size", size);
  g_string_append (out, ">\n");

  for (guint i = 0; i < self->legend->len; i++)
    {
      LegendEntry *entry = &g_array_index (self->legend, LegendEntry, i);
      double row_x = frame->legend_xy[2 * i];
      double mid_y = frame->legend_xy[2 * i + 1] + self->legend_row / 2;
      gboolean plain = entry->symbol != LEGEND_LINE;
      Support support = plain ? SUPPORT_USUAL : entry->support;
      LegendGlyph glyph;
      guint32 color = 0;
      double alpha = 1.0;
      double x, y, w, h;

      _ties_renderer_legend_glyph (self, entry, row_x, mid_y, &glyph);
      g_string_append (out, entry->symbol == LEGEND_HEADING ? "<g class=\"legend-heading\">\n"
                                                            : "<g class=\"legend-entry\">\n");
      if (glyph.n_lines > 0 || glyph.arrow)
        _ties_renderer_tie_paint (self, support, FALSE, &color, &alpha);
      for (guint l = 0; l < glyph.n_lines; l++)
        {
          TieStroke stroke;

          _ties_renderer_tie_stroke (support, _ties_renderer_legend_line (entry, &glyph, l),
                                     glyph.line_width[l], &stroke);
          g_string_append (out, "<path fill=\"none\" d=\"M");
          append_number (out, glyph.line[l][0]);
          g_string_append_c (out, ' ');
          append_number (out, glyph.line[l][1]);
          g_string_append_c (out, 'L');
          append_number (out, glyph.line[l][2]);
          g_string_append_c (out, ' ');
          append_number (out, glyph.line[l][3]);
          g_string_append_c (out, '"');
          append_color_attr (out, "stroke", color);
          append_opacity_attr (out, "stroke-opacity", alpha);
          append_stroke (out, &stroke);
          if (stroke.round_cap)
            g_string_append (out, " stroke-linecap=\"round\"");
          g_string_append (out, "/>\n");
        }
      if (glyph.arrow)
        {
          g_string_append (out, "<polygon points=\"");
          for (guint c = 0; c < 3; c++)
            {
              if (c > 0)
                g_string_append_c (out, ' ');
              append_number (out, glyph.arrowhead[2 * c]);
              g_string_append_c (out, ',');
              append_number (out, glyph.arrowhead[2 * c + 1]);
            }
          g_string_append_c (out, '"');
          append_color_attr (out, "fill", color);
          append_opacity_attr (out, "fill-opacity", alpha);
          g_string_append (out, "/>\n");
        }
      for (guint n = 0; n < glyph.n_nodes; n++)
        {
          append_shape (out, &glyph.nodes[n]);
          append_color_attr (out, "fill", glyph.nodes[n].color);
          g_string_append (out, "/>\n");
        }

      _ties_renderer_layout_box (entry->layout, size, &x, &y, &w, &h);
      if (with_text)
        append_layout (out, entry->layout,
                       row_x + (entry->symbol == LEGEND_HEADING ? 0 : LEGEND_TEXT_X),
                       mid_y - h / 2 - y, size, k, size, NULL);
      g_string_append (out, "</g>\n");
    }

  g_string_append (out, "</g>\n");
}

/* A radial layout's rings, as ties-renderer.c draws them: a group of
 * its own under the ties, one dotted circle a ring. */
static void
append_rings (TiesScene *scene,
              GString   *out)
{
  g_assert (scene != NULL && out != NULL);

  if (scene->rings->len == 0)
    return;

  g_string_append (out, "<g id=\"rings\" fill=\"none\"");
  append_color_attr (out, "stroke", _ties_renderer_tie_color (scene->style));
  append_opacity_attr (out, "stroke-opacity", RING_ALPHA);
  append_attr (out, "stroke-width", RING_WIDTH);
  g_string_append (out, " stroke-linecap=\"round\" stroke-dasharray=\"");
  append_number (out, RING_DASH_ON);
  g_string_append_c (out, ' ');
  append_number (out, RING_DASH_OFF);
  g_string_append (out, "\">\n");
  for (guint i = 0; i < scene->rings->len; i++)
    {
      g_string_append (out, "<circle class=\"ring\"");
      append_attr (out, "cx", scene->ring_x);
      append_attr (out, "cy", scene->ring_y);
      append_attr (out, "r", g_array_index (scene->rings, double, i));
      g_string_append (out, "/>\n");
    }
  g_string_append (out, "</g>\n");
}

GBytes *
ties_svg_writer_write_scene (TiesScene *scene,
                             double     width,
                             double     height)
{
  GString *out;
  const Frame *frame;
  double s, tx, ty;
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  guint32 background, text;
  g_autoptr(GHashTable) used = NULL;
  g_autoptr(GPtrArray) actor_ids = NULL;
  g_autoptr(GPtrArray) tie_ids = NULL;

  g_return_val_if_fail (scene != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0 && isfinite (width) && isfinite (height), NULL);
  g_return_val_if_fail (scene->svg != NULL, NULL);

  background = _ties_renderer_background_color (scene->style);
  text = _ties_renderer_text_color (scene->style);
  /* Room for the whole file at once, rather than copying it as it grows
   * (measured: about 350 bytes a tie, 300 an actor and 250 a label; an
   * over-estimate only reserves pages that are never touched). */
  out = g_string_sized_new (8192 + 512 * (gsize) scene->edges->len + 384 * (gsize) scene->nodes->len
                            + 320 * (gsize) scene->labels->len);

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"");
  g_string_append (out, " width=\"");
  append_number (out, width);
  g_string_append (out, "px\" height=\"");
  append_number (out, height);
  g_string_append (out, "px\" viewBox=\"0 0");
  g_string_append_c (out, ' ');
  append_number (out, width);
  g_string_append_c (out, ' ');
  append_number (out, height);
  g_string_append (out, "\">\n");
  if (scene->title != NULL && *scene->title != '\0')
    append_title (out, scene->title);

  if (scene->solid_background)
    {
      g_string_append (out, "<rect id=\"background\"");
      append_attr (out, "width", width);
      append_attr (out, "height", height);
      append_color_attr (out, "fill", background);
      g_string_append (out, "/>\n");
    }

  frame = _ties_renderer_choose_frame (scene, width, height, &s, &tx, &ty);
  if (!isfinite (s) || !(s > 0) || !isfinite (tx) || !isfinite (ty))
    {
      g_string_append (out, "</svg>\n");
      return g_string_free_to_bytes (out);
    }

  /* One transform for the whole drawing, which stays in diagram units:
   * its numbers keep every digit, the drawing's are rounded. */
  g_string_append (out, "<g id=\"diagram\" transform=\"matrix(");
  g_string_append (out, g_ascii_formatd (number, sizeof number, "%.8g", s));
  g_string_append (out, " 0 0 ");
  g_string_append (out, g_ascii_formatd (number, sizeof number, "%.8g", s));
  g_string_append_c (out, ' ');
  g_string_append (out, g_ascii_formatd (number, sizeof number, "%.8g", tx));
  g_string_append_c (out, ' ');
  g_string_append (out, g_ascii_formatd (number, sizeof number, "%.8g", ty));
  g_string_append (out, ")\" font-family=\"" FONT_FAMILIES "\"");
  append_attr (out, "font-size", LABEL_SIZE);
  append_color_attr (out, "fill", text);
  g_string_append (out, ">\n");

  /* The fixed ids (diagram, legend…) have no '-': none is made here. */
  used = g_hash_table_new (g_str_hash, g_str_equal);
  actor_ids = make_actor_ids (scene->svg, used);
  tie_ids = make_tie_ids (scene->svg, actor_ids, used);

  append_rings (scene, out);

  /* Ties under nodes, nodes under labels; dimmed parts first, so the
   * highlighted ones are drawn over them. */
  g_string_append (out, "<g id=\"ties\" stroke-linecap=\"round\"");
  append_color_attr (out, "stroke", _ties_renderer_tie_color (scene->style));
  append_color_attr (out, "fill", _ties_renderer_tie_color (scene->style));
  append_opacity_attr (out, "stroke-opacity", 0.85);
  append_opacity_attr (out, "fill-opacity", 0.85);
  g_string_append (out, ">\n");
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < scene->edges->len; i++)
      if (g_array_index (scene->edges, SceneEdge, i).dim == (pass == 0))
        append_edge (scene, out, i, g_ptr_array_index (tie_ids, g_array_index (scene->edges, SceneEdge, i).graph_edge), s);
  g_string_append (out, "</g>\n");

  g_string_append (out, "<g id=\"actors\">\n");
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < scene->nodes->len; i++)
      if (g_array_index (scene->nodes, SceneNode, i).dim == (pass == 0)
          && !g_array_index (scene->nodes, SceneNode, i).hidden)
        append_node (scene, out, i, actor_ids, s);
  g_string_append (out, "</g>\n");

  /* A label smaller than a pixel is a smudge, backdrop and all. */
  if (LABEL_SIZE * scene->label_scale * s >= MIN_TEXT_PX)
    {
      g_string_append (out, "<g id=\"labels\">\n");
      for (guint i = 0; i < scene->labels->len; i++)
        append_label (scene, out, g_ptr_array_index (scene->labels, i), actor_ids);
      g_string_append (out, "</g>\n");
    }

  if (scene->legend->len > 0 && !scene->legend_apart)
    append_legend (scene, out, frame, s);

  if (scene->title_layout != NULL)
    {
      double k = scene->chrome;

      if (text_scale (TITLE_SIZE, s, &k))
        append_layout (out, scene->title_layout, frame->title_x, frame->title_y, TITLE_SIZE, k,
                       LABEL_SIZE, " class=\"title\"");
    }
  if (scene->caption_layout != NULL)
    {
      double k = scene->chrome;

      if (text_scale (CAPTION_SIZE, s, &k))
        append_layout (out, scene->caption_layout, frame->caption_x, frame->caption_y, CAPTION_SIZE, k,
                       LABEL_SIZE, " class=\"caption\" fill-opacity=\"0.8\"");
    }

  g_string_append (out, "</g>\n</svg>\n");

  return g_string_free_to_bytes (out);
}

/* The helpers above, for the timeline's writer (ties-timeline.c): one
 * way of writing numbers, colours and text in every SVG Ties makes. */

void
_ties_svg_append_escaped (GString    *out,
                          const char *text,
                          gssize      length)
{
  append_escaped (out, text, length);
}

void
_ties_svg_append_number (GString *out,
                         double   value)
{
  append_number (out, value);
}

void
_ties_svg_append_attr (GString    *out,
                       const char *name,
                       double      value)
{
  append_attr (out, name, value);
}

void
_ties_svg_append_color_attr (GString    *out,
                             const char *name,
                             guint32     color)
{
  append_color_attr (out, name, color);
}

void
_ties_svg_append_opacity_attr (GString    *out,
                               const char *name,
                               double      alpha)
{
  append_opacity_attr (out, name, alpha);
}

void
_ties_svg_append_title (GString    *out,
                        const char *title)
{
  append_title (out, title);
}
