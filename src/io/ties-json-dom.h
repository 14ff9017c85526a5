/* ties-json-dom.h: a fast, compact JSON reader for Ties documents
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Why not json-glib's JsonParser: on a 100,000-event document it alone
 * takes about as long as Python's whole json.load and its tree costs
 * about ten times the file; it overflows the stack on deep nesting and
 * keeps no positions. This reader parses into one arena (strings are
 * unescaped in place in a private copy of the text), keeps every value's
 * byte offset for messages, and refuses nesting deeper than a limit. */

typedef enum {
  TIES_JSON_NULL,
  TIES_JSON_FALSE,
  TIES_JSON_TRUE,
  TIES_JSON_NUMBER,
  TIES_JSON_STRING,
  TIES_JSON_ARRAY,
  TIES_JSON_OBJECT,
} TiesJsonType;

typedef struct _TiesJsonDocument TiesJsonDocument;
typedef struct _TiesJsonValue TiesJsonValue;

/* Parses @length bytes of @data (UTF-8, no byte-order mark: the caller
 * skips it). @data is not kept. On failure the GError (G_IO_ERROR,
 * G_IO_ERROR_INVALID_DATA) reads "LINE:COLUMN: what is wrong" with LINE
 * and COLUMN 1-based and the column counted in characters, and *offset
 * (if not NULL) is the byte offset of the problem. */
TiesJsonDocument    *ties_json_document_parse      (const char              *data,
                                                    gsize                    length,
                                                    guint                    max_depth,
                                                    gsize                   *offset,
                                                    GError                 **error);
void                 ties_json_document_free       (TiesJsonDocument        *self);
const TiesJsonValue *ties_json_document_get_root   (const TiesJsonDocument  *self);

TiesJsonType         ties_json_value_get_type      (const TiesJsonValue     *value);
/* Byte offset, in the parsed data, of the value's first character. */
gsize                ties_json_value_get_offset    (const TiesJsonValue     *value);

/* NUL-terminated UTF-8, owned by the document. */
const char          *ties_json_value_get_string    (const TiesJsonValue     *value);
gsize                ties_json_value_get_string_length (const TiesJsonValue *value);

/* Numbers: whole numbers that fit in 64 bits read exactly as integers. */
gboolean             ties_json_value_is_integer    (const TiesJsonValue     *value);
gint64               ties_json_value_get_int       (const TiesJsonValue     *value);
double               ties_json_value_get_double    (const TiesJsonValue     *value);

/* Arrays and objects: number of elements or members. */
guint                ties_json_value_get_length    (const TiesJsonValue     *value);
const TiesJsonValue *ties_json_array_get           (const TiesJsonValue     *array,
                                                    guint                    index);
const char          *ties_json_object_get_name     (const TiesJsonValue     *object,
                                                    guint                    index);
gsize                ties_json_object_get_name_offset (const TiesJsonValue  *object,
                                                    guint                    index);
const TiesJsonValue *ties_json_object_get_value    (const TiesJsonValue     *object,
                                                    guint                    index);
/* The member called @name, or NULL. */
const TiesJsonValue *ties_json_object_lookup       (const TiesJsonValue     *object,
                                                    const char              *name);

/* Compact JSON text of @value ("[1,\"a\",{\"k\":null}]"), escaping as
 * the Ties writer does. */
char                *ties_json_value_to_string     (const TiesJsonValue     *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiesJsonDocument, ties_json_document_free)

G_END_DECLS
