/* ties-source.h: a text that events are drawn from
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ties-extras.h"

G_BEGIN_DECLS

#define TIES_TYPE_SOURCE (ties_source_get_type ())

G_DECLARE_FINAL_TYPE (TiesSource, ties_source, TIES, SOURCE, GObject)

TiesSource *ties_source_new (const char *id);
glong ties_source_get_text_length (TiesSource *self);
char *ties_source_dup_text_range (TiesSource *self,
                                  glong       start,
                                  glong       end);
const char *ties_source_get_id (TiesSource *self);
void ties_source_set_id (TiesSource *self,
                        const char *id);
const char *ties_source_get_title (TiesSource *self);
void ties_source_set_title (TiesSource *self,
                           const char *title);
const char *ties_source_get_publisher (TiesSource *self);
void ties_source_set_publisher (TiesSource *self,
                               const char *publisher);
const char *ties_source_get_author (TiesSource *self);
void ties_source_set_author (TiesSource *self,
                            const char *author);
const char *ties_source_get_url (TiesSource *self);
void ties_source_set_url (TiesSource *self,
                         const char *url);
const char *ties_source_get_published (TiesSource *self);
void ties_source_set_published (TiesSource *self,
                               const char *published);
const char *ties_source_get_retrieved (TiesSource *self);
void ties_source_set_retrieved (TiesSource *self,
                               const char *retrieved);
const char *ties_source_get_notes (TiesSource *self);
void ties_source_set_notes (TiesSource *self,
                           const char *notes);
const char *ties_source_get_text (TiesSource *self);
void ties_source_set_text (TiesSource *self,
                          const char *text);
/* Exact sentences dismissed as proposals; never NULL. */
const char * const *ties_source_get_dismissed (TiesSource *self);
void ties_source_set_dismissed (TiesSource         *self,
                                const char * const *dismissed);
gboolean ties_source_is_dismissed (TiesSource *self,
                                   const char *exact);
TiesExtras *ties_source_get_extras (TiesSource *self);
void ties_source_take_extras (TiesSource *self,
                           TiesExtras *extras);
gboolean ties_source_range_equals (TiesSource *self,
                                   glong       start,
                                   glong       end,
                                   const char *quote);
glong ties_source_byte_to_offset (TiesSource *self,
                                  gsize       byte);

G_END_DECLS
