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

/* The deepest nesting of arrays and objects a document may have, the
 * document's own levels included. The reader refuses more, and the writer
 * writes anything up to it and refuses more (returning an error), so that
 * whatever loads saves, and whatever saves loads. */
#define TIES_JSON_MAX_DEPTH 256

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

/* NUL-terminated UTF-8, owned by the document. A string that holds
 * U+0000 (written "\u0000") holds it as the bytes C0 80, which valid UTF-8
 * never has, and has_nul() says so: such a string can be written back (the
 * writer turns C0 80 into "\u0000") but not used as text. Member names
 * are kept the same way. The length is in bytes, in this form. */
const char          *ties_json_value_get_string    (const TiesJsonValue     *value);
gsize                ties_json_value_get_string_length (const TiesJsonValue *value);
gboolean             ties_json_value_has_nul       (const TiesJsonValue     *value);

/* Numbers: whole numbers that fit in 64 bits read exactly as integers;
 * numbers beyond a double's range read as infinity. */
gboolean             ties_json_value_is_integer    (const TiesJsonValue     *value);
gint64               ties_json_value_get_int       (const TiesJsonValue     *value);
double               ties_json_value_get_double    (const TiesJsonValue     *value);

/* A number's text as written, which no double may keep ("1.0", "-0.0",
 * "1e400", "90750927881382536401"); not NUL-terminated. */
const char          *ties_json_document_get_number_text (const TiesJsonDocument *self,
                                                    const TiesJsonValue     *value,
                                                    gsize                   *length);

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

/* Compact JSON text of @value, a value of @document
 * ("[1.0,\"a\",{\"k\":null}]"): strings escaped as the Ties writer does,
 * numbers exactly as they were written. */
char                *ties_json_value_to_string     (const TiesJsonDocument  *document,
                                                    const TiesJsonValue     *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiesJsonDocument, ties_json_document_free)

G_END_DECLS
