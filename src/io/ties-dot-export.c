/* ties-dot-export.c: the network as a Graphviz DOT file
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For Graphviz users: the graph, with what Ties knows as attributes
 * Graphviz passes through (kind, role, kinds, sources…), and the picture
 * as positions. Graphviz's y axis points up and its unit is the point,
 * Ties' y axis points down and its unit is the pixel at zoom 1: y is
 * negated and the numbers kept, so that `neato -n2` draws what Ties drew,
 * at the same size. Every id and value is a quoted string, in which only
 * the quote and the backslash need escaping; a line break is written
 * \n, which labels read as one.
 */
#include "config.h"

#include <string.h>

#include "ties-dot-export.h"
#include "ties-export-util.h"

/* "@value", escaped; what a text file should not hold (C0 controls but
 * the line break, which becomes \n) becomes U+FFFD. */
static void
append_quoted (GString    *out,
               const char *value)
{
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
        }
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  g_string_append_c (out, '"');
}

/* , name="value" for a value that is there. */
static void
append_attribute (GString    *out,
                  const char *name,
                  const char *value)
{
  if (value == NULL || *value == '\0')
    return;

  g_string_append_printf (out, ", %s=", name);
  append_quoted (out, value);
}

static void
append_number (GString    *out,
               const char *name,
               double      value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (out, ", %s=%s", name, g_ascii_dtostr (text, sizeof text, value));
}

static void
append_node (GString      *out,
             TiesDocument *document,
             TiesNetwork  *network,
             TiesActor    *actor)
{
  const char *id = ties_actor_get_id (actor);
  g_autofree char *aliases = NULL;
  double x, y;
  gboolean pinned;

  g_string_append (out, "  ");
  append_quoted (out, id);
  g_string_append (out, " [label=");
  append_quoted (out, ties_actor_get_name (actor)[0] != '\0' ? ties_actor_get_name (actor) : id);
  append_attribute (out, "kind", ties_actor_kind_to_string (ties_actor_get_kind (actor)));
  append_attribute (out, "role", ties_actor_get_role (actor));
  append_attribute (out, "affiliation", ties_actor_get_affiliation (actor));
  if (ties_actor_get_aliases (actor) != NULL && ties_actor_get_aliases (actor)[0] != NULL)
    aliases = g_strjoinv ("; ", (char **) ties_actor_get_aliases (actor));
  append_attribute (out, "aliases", aliases);
  if (ties_actor_get_color (actor) != NULL)
    {
      append_attribute (out, "color", ties_actor_get_color (actor));
      g_string_append (out, ", style=filled");
      append_attribute (out, "fillcolor", ties_actor_get_color (actor));
    }
  if (_ties_export_actor_place (document, actor, &x, &y, &pinned))
    {
      char tx[G_ASCII_DTOSTR_BUF_SIZE], ty[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (out, ", pos=\"%s,%s%s\"",
                              g_ascii_dtostr (tx, sizeof tx, x),
                              g_ascii_dtostr (ty, sizeof ty, y != 0 ? -y : 0),
                              pinned ? "!" : "");
    }
  append_number (out, "events", ties_network_get_event_count (network, id));
  g_string_append (out, "];\n");
}

static void
append_edge (GString *out,
             TiesTie *tie)
{
  g_autofree char *kinds = NULL;
  TiesDate *first = ties_tie_get_first_date (tie);
  TiesDate *last = ties_tie_get_last_date (tie);

  if (ties_tie_get_kinds (tie) != NULL && ties_tie_get_kinds (tie)[0] != NULL)
    kinds = g_strjoinv ("; ", (char **) ties_tie_get_kinds (tie));

  g_string_append (out, "  ");
  append_quoted (out, ties_tie_get_actor_a (tie));
  g_string_append (out, " -- ");
  append_quoted (out, ties_tie_get_actor_b (tie));
  g_string_append_printf (out, " [weight=%u", ties_tie_get_weight (tie));
  /* As the diagram: wider for more events, within reason. */
  append_number (out, "penwidth", MIN (1.0 + 0.5 * (ties_tie_get_weight (tie) - 1), 6.0));
  append_attribute (out, "kinds", kinds);
  append_attribute (out, "first", first != NULL ? ties_date_get_text (first) : NULL);
  append_attribute (out, "last", last != NULL ? ties_date_get_text (last) : NULL);
  append_number (out, "sources", ties_tie_get_n_sources (tie));
  append_number (out, "evidence", ties_tie_get_n_evidence (tie));
  g_string_append (out, "];\n");
}

GBytes *
ties_dot_export_to_bytes (TiesDocument  *document,
                          TiesFilter    *filter,
                          GError       **error)
{
  g_autoptr(TiesNetwork) network = NULL;
  GString *out;
  GListModel *actors;
  GListModel *ties;
  const char *title;

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (filter == NULL || TIES_IS_FILTER (filter), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  network = _ties_export_network (document, filter);
  out = g_string_new ("graph \"ties\" {\n");
  title = ties_document_get_title (document);
  g_string_append (out, "  graph [overlap=false");
  append_attribute (out, "label", title);
  g_string_append (out, "];\n  node [shape=ellipse];\n");

  actors = ties_document_get_actors (document);
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(TiesActor) actor = g_list_model_get_item (actors, i);

      append_node (out, document, network, actor);
    }

  ties = ties_network_get_ties (network);
  for (guint i = 0; i < g_list_model_get_n_items (ties); i++)
    {
      g_autoptr(TiesTie) tie = g_list_model_get_item (ties, i);

      append_edge (out, tie);
    }

  g_string_append (out, "}\n");

  return g_string_free_to_bytes (out);
}

gboolean
ties_dot_export_to_file (TiesDocument  *document,
                         TiesFilter    *filter,
                         GFile         *file,
                         GError       **error)
{
  g_return_val_if_fail (TIES_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _ties_export_network_to_file (ties_dot_export_to_bytes, document, filter, file, error);
}
