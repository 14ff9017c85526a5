/* ties-json-writer.h: deterministic, pretty JSON text
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes JSON in the exact form of Python's
 * json.dumps (value, indent=2, ensure_ascii=False), so that documents made
 * by scripts and by the app are byte-identical, and fast enough that saving
 * never costs more than loading: no tree is built. Whole numbers are
 * written without a fraction, other numbers in their shortest form that
 * reads back to the same double; numbers given as text (those of members
 * Ties does not know) are written as they were read.
 *
 * The writer never writes what the reader would refuse: nesting deeper
 * than TIES_JSON_MAX_DEPTH, a number that is not finite, or JSON text that
 * does not parse. The first such value is remembered with its JSON path
 * ("$.events[3].x"), and free_to_bytes() then returns that error
 * (G_IO_ERROR, G_IO_ERROR_INVALID_DATA) instead of the text. */
typedef struct _TiesJsonWriter TiesJsonWriter;

TiesJsonWriter *ties_json_writer_new          (gsize           size_hint);
/* Returns the text, with a final newline, or NULL and the first error. */
GBytes         *ties_json_writer_free_to_bytes (TiesJsonWriter *self,
                                               GError        **error);
void            ties_json_writer_free         (TiesJsonWriter *self);

void            ties_json_writer_begin_object (TiesJsonWriter *self);
void            ties_json_writer_end_object   (TiesJsonWriter *self);
void            ties_json_writer_begin_array  (TiesJsonWriter *self);
void            ties_json_writer_end_array    (TiesJsonWriter *self);
/* @name must stay valid until the member's value is written: it names the
 * value in errors. */
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
/* A value given as JSON text (compact or not), indented in place: strings
 * in the writer's escaping, numbers exactly as in @json. Returns FALSE,
 * and remembers the error, when @json is not one JSON value or nests too
 * deep for this place. */
gboolean        ties_json_writer_json         (TiesJsonWriter *self,
                                               const char     *json);

/* The writer's forms of a string and a number, for compact JSON too. A
 * string's C0 80 (U+0000 as the JSON reader keeps it) is written as
 * "\u0000"; a number that is not finite as null. */
void            ties_json_append_string       (GString        *out,
                                               const char     *value);
void            ties_json_append_double       (GString        *out,
                                               double          value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiesJsonWriter, ties_json_writer_free)

G_END_DECLS
