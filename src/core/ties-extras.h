/* ties-extras.h: members of a document that this version does not know
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TIES_TYPE_EXTRAS (ties_extras_get_type ())

/* Unknown members are kept as compact JSON text, in the order they were
 * read, so that a newer file survives a round trip through this version
 * without the core knowing anything of JSON. The text keeps each number
 * as it was written ("1.0", "1e400"), which no double would; a name that
 * holds U+0000 holds it as the bytes C0 80, as the JSON reader keeps it,
 * and is written back as "\u0000". */
typedef struct _TiesExtras TiesExtras;

GType       ties_extras_get_type  (void) G_GNUC_CONST;
TiesExtras *ties_extras_new       (void);
TiesExtras *ties_extras_copy      (const TiesExtras *self);
void        ties_extras_free      (TiesExtras       *self);
void        ties_extras_add       (TiesExtras       *self,
                                   const char       *name,
                                   const char       *json);
guint       ties_extras_get_n     (const TiesExtras *self);
const char *ties_extras_get_name  (const TiesExtras *self,
                                   guint             index);
const char *ties_extras_get_json  (const TiesExtras *self,
                                   guint             index);
const char *ties_extras_lookup    (const TiesExtras *self,
                                   const char       *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiesExtras, ties_extras_free)

G_END_DECLS
