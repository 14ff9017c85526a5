/* ties-json-writer.h: deterministic, pretty JSON text
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Writes JSON in the exact form of Python's
 * json.dumps (value, indent=2, ensure_ascii=False), so that documents made
 * by scripts and by the app are byte-identical, and fast enough that saving
 * never costs more than loading: no tree is built. Whole numbers are
 * written without a fraction, other numbers in their shortest form that
 * reads back to the same double. */
typedef struct _TiesJsonWriter TiesJsonWriter;

TiesJsonWriter *ties_json_writer_new          (gsize           size_hint);
/* Returns the text, with a final newline. */
GBytes         *ties_json_writer_free_to_bytes (TiesJsonWriter *self);
void            ties_json_writer_free         (TiesJsonWriter *self);

void            ties_json_writer_begin_object (TiesJsonWriter *self);
void            ties_json_writer_end_object   (TiesJsonWriter *self);
void            ties_json_writer_begin_array  (TiesJsonWriter *self);
void            ties_json_writer_end_array    (TiesJsonWriter *self);
void            ties_json_writer_member       (TiesJsonWriter *self,
                                               const char     *name);

void            ties_json_writer_string       (TiesJsonWriter *self,
                                               const char     *value);
/* A string, or null when @value is NULL. */
void            ties_json_writer_string_or_null (TiesJsonWriter *self,
                                                 const char     *value);
void            ties_json_writer_strv         (TiesJsonWriter *self,
                                               const char * const *values);
void            ties_json_writer_null         (TiesJsonWriter *self);
void            ties_json_writer_boolean      (TiesJsonWriter *self,
                                               gboolean        value);
void            ties_json_writer_int          (TiesJsonWriter *self,
                                               gint64          value);
void            ties_json_writer_double       (TiesJsonWriter *self,
                                               double          value);
void            ties_json_writer_node         (TiesJsonWriter *self,
                                               JsonNode       *node);

/* The writer's forms of a string and a number, for compact JSON too. */
void            ties_json_append_string       (GString        *out,
                                               const char     *value);
void            ties_json_append_double       (GString        *out,
                                               double          value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiesJsonWriter, ties_json_writer_free)

G_END_DECLS
