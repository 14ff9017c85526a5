/* ties-collection-private.h: what only the document does to its lists
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ties-collection.h"

G_BEGIN_DECLS

TiesCollection *_ties_collection_new          (GListStore     *store);
GListStore     *_ties_collection_get_store    (TiesCollection *self);
void            _ties_collection_item_changed (TiesCollection *self,
                                               guint           position);

G_END_DECLS
