/* ties-collection.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ties-collection-private.h"

/* The document's actors, sources, events and kinds as the rest of the
 * program sees them: a GListModel that cannot be spliced, so that every
 * edit goes through the document and its history and can be undone.
 * It passes on the store's "items-changed", and says "items-changed"
 * (position, 1, 1) when the document edited one item in place, which is
 * how GTK's list models learn that one item must be filtered or sorted
 * again without redoing the others. */
struct _TiesCollection
{
  GObject     parent_instance;

  GListStore *store;
};

static void ties_collection_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TiesCollection, ties_collection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, ties_collection_list_model_init))

static GType
ties_collection_get_item_type (GListModel *model)
{
  return g_list_model_get_item_type (G_LIST_MODEL (TIES_COLLECTION (model)->store));
}

static guint
ties_collection_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (TIES_COLLECTION (model)->store));
}

static gpointer
ties_collection_get_item (GListModel *model,
                          guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (TIES_COLLECTION (model)->store), position);
}

static void
ties_collection_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ties_collection_get_item_type;
  iface->get_n_items = ties_collection_get_n_items;
  iface->get_item = ties_collection_get_item;
}

static void
on_store_items_changed (TiesCollection *self,
                        guint           position,
                        guint           removed,
                        guint           added,
                        GListModel     *store)
{
  g_assert (TIES_IS_COLLECTION (self));

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
ties_collection_finalize (GObject *object)
{
  TiesCollection *self = (TiesCollection *) object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (ties_collection_parent_class)->finalize (object);
}

static void
ties_collection_class_init (TiesCollectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ties_collection_finalize;
}

static void
ties_collection_init (TiesCollection *self)
{
}

TiesCollection *
_ties_collection_new (GListStore *store)
{
  TiesCollection *self;

  g_return_val_if_fail (G_IS_LIST_STORE (store), NULL);

  self = g_object_new (TIES_TYPE_COLLECTION, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "items-changed", G_CALLBACK (on_store_items_changed), self, G_CONNECT_SWAPPED);

  return self;
}

GListStore *
_ties_collection_get_store (TiesCollection *self)
{
  g_return_val_if_fail (TIES_IS_COLLECTION (self), NULL);

  return self->store;
}

void
_ties_collection_item_changed (TiesCollection *self,
                               guint           position)
{
  g_return_if_fail (TIES_IS_COLLECTION (self));
  g_return_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->store)));

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

gboolean
ties_collection_find (TiesCollection *self,
                      gpointer        item,
                      guint          *position)
{
  g_return_val_if_fail (TIES_IS_COLLECTION (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);

  return g_list_store_find (self->store, item, position);
}
