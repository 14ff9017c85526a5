/* ties-import-util.h: what the imports of src/io share
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ties-document.h"

G_BEGIN_DECLS

/* The actor of @document that @text names: its id, else one of its names
 * or other names (ignoring case, diacritics and spacing), else its id
 * ignoring ASCII case; NULL when none. Transfer none. */
TiesActor  *_ties_import_find_actor      (TiesDocument *document,
                                          const char   *text);

/* The id of the event kind @text names in @document: a declared or
 * built-in kind by id, else by label ignoring case; NULL when none. The
 * id lives as long as the kind. */
const char *_ties_import_find_event_kind (TiesDocument *document,
                                          const char   *text);

/* The ids of the declared and built-in kinds, for a message:
 * "meeting, phone-call, …". */
char       *_ties_import_list_event_kinds (TiesDocument *document);

/* Whether @id is an event's, actor's or source's of @document, or among
 * @taken, the ids an import gave out (a set it owns). */
gboolean    _ties_import_id_in_use       (TiesDocument *document,
                                          GHashTable   *taken,
                                          const char   *id);
/* @base (given up), or @base with a number after it, in use by neither;
 * added to @taken, which keeps it. */
const char *_ties_import_take_id         (TiesDocument *document,
                                          GHashTable   *taken,
                                          char         *base);

G_END_DECLS
