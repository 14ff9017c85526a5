/* ties-import-util.c: what the imports of src/io share
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A table's participant and a network's node are the same question: which
 * actor of the open document is this? Asked in one place, so that a name
 * that finds an actor in one import finds it in the other.
 */
#include "config.h"

#include "ties-import-util.h"

TiesActor *
_ties_import_find_actor (TiesDocument *document,
                         const char   *text)
{
  TiesActor *actor;
  GListModel *actors;

  g_assert (TIES_IS_DOCUMENT (document));

  if (text == NULL || text[0] == '\0')
    return NULL;

  if ((actor = ties_document_lookup_actor (document, text)) != NULL
      || (actor = ties_document_find_actor_by_name (document, text, NULL)) != NULL)
    return actor;

  /* "Ardern" written for the id "ardern": ids are ASCII, and a person
   * typing one in a spreadsheet or a graph tool may capitalise it. */
  actors = ties_document_get_actors (document);
  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(TiesActor) item = g_list_model_get_item (actors, i);

      /* The document's list holds the actor: it outlives @item. */
      if (g_ascii_strcasecmp (ties_actor_get_id (item), text) == 0)
        return item;
    }

  return NULL;
}

const char *
_ties_import_find_event_kind (TiesDocument *document,
                              const char   *text)
{
  GListModel *lists[] = { ties_document_get_event_kinds (document), ties_event_kind_get_builtins () };
  TiesEventKind *kind;
  g_autofree char *key = NULL;

  g_assert (TIES_IS_DOCUMENT (document));

  if (text == NULL || text[0] == '\0')
    return NULL;

  kind = ties_document_lookup_event_kind (document, text);
  if (kind != NULL)
    return ties_event_kind_get_id (kind);

  key = g_utf8_casefold (text, -1);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(TiesEventKind) item = g_list_model_get_item (lists[l], i);
        g_autofree char *id = g_utf8_casefold (ties_event_kind_get_id (item), -1);
        g_autofree char *label = g_utf8_casefold (ties_event_kind_get_label (item), -1);

        /* The list holds the kind: its id outlives @item. */
        if (g_str_equal (key, id) || g_str_equal (key, label))
          return ties_event_kind_get_id (item);
      }

  return NULL;
}

char *
_ties_import_list_event_kinds (TiesDocument *document)
{
  GListModel *lists[] = { ties_document_get_event_kinds (document), ties_event_kind_get_builtins () };
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  g_assert (TIES_IS_DOCUMENT (document));

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(TiesEventKind) item = g_list_model_get_item (lists[l], i);
        const char *id = ties_event_kind_get_id (item);

        if (!g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
          g_ptr_array_add (ids, (gpointer) id);
      }
  g_ptr_array_add (ids, NULL);

  return g_strjoinv (", ", (char **) ids->pdata);
}

gboolean
_ties_import_id_in_use (TiesDocument *document,
                        GHashTable   *taken,
                        const char   *id)
{
  return g_hash_table_contains (taken, id)
         || ties_document_lookup_event (document, id) != NULL
         || ties_document_lookup_actor (document, id) != NULL
         || ties_document_lookup_source (document, id) != NULL;
}

const char *
_ties_import_take_id (TiesDocument *document,
                      GHashTable   *taken,
                      char         *base)
{
  char *id = base;

  for (guint n = 2; _ties_import_id_in_use (document, taken, id); n++)
    {
      if (id != base)
        g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  if (id != base)
    g_free (base);

  g_hash_table_add (taken, id);
  return id;
}
