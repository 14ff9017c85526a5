/* ties-collection.h: one of the document's lists, read-only to the outside
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TIES_TYPE_COLLECTION (ties_collection_get_type ())

G_DECLARE_FINAL_TYPE (TiesCollection, ties_collection, TIES, COLLECTION, GObject)

/* Whether @item is in @self, and where (@position may be NULL). */
gboolean ties_collection_find (TiesCollection *self,
                               gpointer        item,
                               guint          *position);

G_END_DECLS
