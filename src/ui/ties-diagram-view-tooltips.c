/* ties-diagram-view-tooltips.c: what the diagram view says in words:
 * the tooltips of actors and ties, and its accessible description
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ties-diagram-view-private.h"
#include "ties-graph.h"
#include "ties-renderer.h"

#define MAX_TOOLTIP_EVENTS 12

/* Accessibility */

void
_ties_diagram_view_update_description (TiesDiagramView *self)
{
  g_autofree char *actors = NULL;
  g_autofree char *ties = NULL;
  g_autofree char *text = NULL;
  guint n_actors = self->graph != NULL ? self->graph->nodes->len : 0;
  guint n_ties = self->network != NULL ? g_list_model_get_n_items (ties_network_get_ties (self->network)) : 0;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  actors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u actor", "%u actors", n_actors), n_actors);
  ties = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u tie", "%u ties", n_ties), n_ties);
  /* Translators: "23 actors, 34 ties" */
  text = g_strdup_printf (_("%s, %s"), actors, ties);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

/* Tooltips */

static char *
actor_tooltip (TiesDiagramView *self,
               TiesActor       *actor)
{
  GString *text = g_string_new (NULL);
  const char *role = ties_actor_get_role (actor);
  guint count = ties_network_get_event_count (self->network, ties_actor_get_id (actor));
  g_autofree char *name = g_markup_escape_text (ties_actor_get_name (actor) != NULL
                                                  ? ties_actor_get_name (actor)
                                                  : ties_actor_get_id (actor), -1);

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  g_string_append_printf (text, "<b>%s</b>", name);
  if (role != NULL && *role != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (role, -1);

      g_string_append_printf (text, "\n%s", escaped);
    }
  g_string_append_c (text, '\n');
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", count), count);

  return g_string_free (text, FALSE);
}

static const char *
actor_name (TiesDiagramView *self,
            const char      *id)
{
  return ties_document_get_actor_name (self->document, id);
}

/* How well the tie is reported, whether or not weak ties are marked: a
 * reader weighing a tie wants to know it either way. */
static void
append_corroboration (GString *text,
                      TiesTie *tie)
{
  guint n_sources = ties_tie_get_n_sources (tie);
  guint n_evidence = ties_tie_get_n_evidence (tie);
  g_autofree char *sources = NULL;
  g_autofree char *evidence = NULL;

  g_string_append_c (text, '\n');
  if (n_evidence == 0)
    {
      g_string_append (text, _("No evidence"));
      return;
    }

  /* Two plurals in one sentence: each is translated on its own. */
  sources = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Reported by %u source",
                                          "Reported by %u sources", n_sources), n_sources);
  evidence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u evidence item",
                                           "%u evidence items", n_evidence), n_evidence);
  /* Translators: joins "Reported by 2 sources" and "3 evidence items". */
  g_string_append_printf (text, _("%s, %s"), sources, evidence);
}

/* What the tie's strands and arrows draw, counted: "Meeting: 2, Phone
 * call: 1", then who reached out how often. */
static void
append_kinds_and_initiators (TiesDiagramView *self,
                             GString         *text,
                             TiesTie         *tie)
{
  GPtrArray *events = ties_tie_get_events (tie);
  const char * const *kinds = ties_tie_get_kinds (tie);
  const struct { const char *who; guint count; } reached[] = {
    { ties_tie_get_actor_a (tie), ties_tie_get_n_a_to_b (tie) },
    { ties_tie_get_actor_b (tie), ties_tie_get_n_b_to_a (tie) },
  };

  for (guint k = 0; kinds != NULL && kinds[k] != NULL; k++)
    {
      g_autofree char *label = g_markup_escape_text (ties_document_get_kind_label (self->document, kinds[k]), -1);
      guint count = 0;

      for (guint e = 0; events != NULL && e < events->len; e++)
        count += g_strcmp0 (ties_event_get_kind (g_ptr_array_index (events, e)), kinds[k]) == 0;
      g_string_append (text, k == 0 ? "\n" : ", ");
      /* TRANSLATORS: a kind of event, then how many */
      g_string_append_printf (text, _("%s: %u"), label, count);
    }

  for (guint i = 0; i < G_N_ELEMENTS (reached); i++)
    if (reached[i].count > 0)
      {
        g_autofree char *who = g_markup_escape_text (actor_name (self, reached[i].who), -1);

        g_string_append_c (text, '\n');
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s reached out %u time",
                                                   "%s reached out %u times", reached[i].count),
                                who, reached[i].count);
      }
}

static char *
tie_tooltip (TiesDiagramView *self,
             TiesTie         *tie)
{
  GString *text = g_string_new (NULL);
  GPtrArray *events = ties_tie_get_events (tie);
  g_autofree char *a = g_markup_escape_text (actor_name (self, ties_tie_get_actor_a (tie)), -1);
  g_autofree char *b = g_markup_escape_text (actor_name (self, ties_tie_get_actor_b (tie)), -1);

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  g_string_append_printf (text, "<b>%s — %s</b>", a, b);
  append_kinds_and_initiators (self, text, tie);
  append_corroboration (text, tie);
  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      TiesEvent *event = g_ptr_array_index (events, i);
      TiesDate *date = ties_event_get_parsed_date (event);
      g_autofree char *title = g_markup_escape_text (ties_event_get_title (event) != NULL
                                                       ? ties_event_get_title (event) : "", -1);

      if (i == MAX_TOOLTIP_EVENTS)
        {
          guint rest = events->len - i;

          g_string_append_c (text, '\n');
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "and %u more event",
                                                     "and %u more events", rest), rest);
          break;
        }

      if (date != NULL)
        {
          g_autofree char *when = ties_date_format (date);
          g_autofree char *escaped = g_markup_escape_text (when, -1);

          g_string_append_printf (text, "\n• %s <span alpha=\"70%%\">(%s)</span>", title, escaped);
        }
      else
        g_string_append_printf (text, "\n• %s", title);
    }

  return g_string_free (text, FALSE);
}

gboolean
_ties_diagram_view_query_tooltip (GtkWidget  *widget,
                                  int         x,
                                  int         y,
                                  gboolean    keyboard,
                                  GtkTooltip *tooltip)
{
  TiesDiagramView *self = (TiesDiagramView *) widget;
  g_autofree char *markup = NULL;
  guint node;

  g_assert (TIES_IS_DIAGRAM_VIEW (self));

  if (self->scene == NULL || self->network == NULL)
    return FALSE;

  if (keyboard)
    node = self->focus_node;
  else
    node = _ties_diagram_view_hit_node (self, x, y);

  if (node != G_MAXUINT)
    {
      TiesActor *actor = _ties_diagram_view_node_actor (self, node);

      if (actor == NULL)
        return FALSE;
      markup = actor_tooltip (self, actor);
    }
  else if (!keyboard)
    {
      guint edge = _ties_diagram_view_hit_edge (self, x, y);
      guint a, b;
      TiesTie *tie;

      if (edge == G_MAXUINT)
        return FALSE;
      ties_scene_get_edge (self->scene, edge, &a, &b);
      tie = ties_network_lookup_tie (self->network, _ties_diagram_view_node_id (self, a),
                                     _ties_diagram_view_node_id (self, b));
      if (tie == NULL)
        return FALSE;
      markup = tie_tooltip (self, tie);
    }

  if (markup == NULL)
    return FALSE;

  gtk_tooltip_set_markup (tooltip, markup);

  return TRUE;
}

char *
ties_diagram_view_dup_tie_tooltip (TiesDiagramView *self,
                                   const char      *actor_a,
                                   const char      *actor_b)
{
  TiesTie *tie;

  g_return_val_if_fail (TIES_IS_DIAGRAM_VIEW (self), NULL);
  g_return_val_if_fail (actor_a != NULL && actor_b != NULL, NULL);

  if (self->network == NULL)
    return NULL;
  tie = ties_network_lookup_tie (self->network, actor_a, actor_b);
  if (tie == NULL)
    return NULL;

  return tie_tooltip (self, tie);
}
