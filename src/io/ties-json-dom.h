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
 * byte offset for messages, and refuses nesting deeper than a limit.
 * Its errors say what is wrong and where (line, column and JSON path), in
 * a struct rather than in the text of a message. */

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

#define TIES_JSON_ERROR (ties_json_error_quark ())
GQuark ties_json_error_quark (void);

/* What kind of fault stopped the parser; the message says which exactly. */
typedef enum {
  TIES_JSON_ERROR_SYNTAX,       /* not JSON */
  TIES_JSON_ERROR_ENCODING,     /* invalid UTF-8, or a NUL byte */
  TIES_JSON_ERROR_EMPTY,        /* no value: nothing, or only white space */
  TIES_JSON_ERROR_DEPTH,        /* nested deeper than max_depth */
  TIES_JSON_ERROR_DUPLICATE,    /* a member named twice in one object */
} TiesJsonError;

/* Where the parser stopped, so that callers never read it back out of a
 * message. */
typedef struct
{
  gsize offset;                 /* bytes from the start of the data */
  guint line;                   /* 1-based */
  guint column;                 /* 1-based, in characters; a byte-order mark takes none */
  /* The JSON path ("$.events[2].title") of the value the parser was in, or
   * had just read; NULL for an empty document. Names that are not plain
   * identifiers are written $["a b"]. */
  char *path;
} TiesJsonPosition;

void                 ties_json_position_clear      (TiesJsonPosition        *position);

/* Parses @length bytes of @data, UTF-8 after an optional byte-order mark
 * (which RFC 8259 lets a parser ignore). @data is not kept; offsets, in
 * the document and in @position, count from the start of @data, the mark
 * included. On failure sets @error (TIES_JSON_ERROR; the message says what
 * is wrong, in words and without a position) and, if @position is not
 * NULL, fills it in (free its path with ties_json_position_clear()). */
TiesJsonDocument    *ties_json_document_parse      (const char              *data,
                                                    gsize                    length,
                                                    guint                    max_depth,
                                                    TiesJsonPosition        *position,
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
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TiesJsonPosition, ties_json_position_clear)

G_END_DECLS
