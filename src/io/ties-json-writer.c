/* ties-json-writer.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "ties-json-dom.h"
#include "ties-json-writer.h"

typedef struct
{
  /* Items written so far. */
  guint count;
  gboolean is_array;
  /* In an object, the member being written: it names errors. */
  const char *name;
} Level;

struct _TiesJsonWriter
{
  GString *out;
  /* The reader's limit is the writer's: what one reads, the other writes. */
  Level levels[TIES_JSON_MAX_DEPTH];
  guint depth;
  /* Containers begun past the limit after an error, not written, still to
   * be ended. */
  guint excess;
  gboolean after_member;
  GError *error;
};

TiesJsonWriter *
ties_json_writer_new (gsize size_hint)
{
  TiesJsonWriter *self = g_new0 (TiesJsonWriter, 1);

  self->out = g_string_sized_new (MAX (size_hint, 256));

  return self;
}

void
ties_json_writer_free (TiesJsonWriter *self)
{
  if (self == NULL)
    return;

  g_string_free (self->out, TRUE);
  g_clear_error (&self->error);
  g_free (self);
}

GBytes *
ties_json_writer_free_to_bytes (TiesJsonWriter  *self,
                                GError         **error)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      ties_json_writer_free (self);
      return NULL;
    }

  g_return_val_if_fail (self->depth == 0, NULL);

  out = self->out;
  g_free (self);
  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (out);
}

/* A member name in a path: .name when it reads as one, else ["name"]. */
static void
append_path_name (GString    *path,
                  const char *name)
{
  const char *p = name;

  g_assert (path != NULL);
  g_assert (name != NULL);

  while (g_ascii_isalnum (*p) || *p == '_' || *p == '-')
    p++;

  if (*p == '\0' && p != name)
    {
      g_string_append_c (path, '.');
      g_string_append (path, name);
    }
  else
    {
      g_string_append_c (path, '[');
      ties_json_append_string (path, name);
      g_string_append_c (path, ']');
    }
}

/* The JSON path of the value being written, or of the next one when
 * @next (nothing of it is written yet). */
static char *
writer_path (TiesJsonWriter *self,
             gboolean        next)
{
  GString *path = g_string_new ("$");

  g_assert (self != NULL);

  for (guint i = 0; i < self->depth; i++)
    {
      const Level *level = &self->levels[i];

      if (level->is_array)
        {
          guint index = next && i + 1 == self->depth ? level->count : level->count - 1;

          g_string_append_printf (path, "[%u]", index);
        }
      else if (level->name != NULL)
        append_path_name (path, level->name);
    }

  return g_string_free (path, FALSE);
}

static void
writer_fail (TiesJsonWriter *self,
             gboolean        next,
             const char     *format,
             ...) G_GNUC_PRINTF (3, 4);

/* Remembers the first error, with the value's path. */
static void
writer_fail (TiesJsonWriter *self,
             gboolean        next,
             const char     *format,
             ...)
{
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  va_list args;

  g_assert (self != NULL);

  if (self->error != NULL)
    return;

  path = writer_path (self, next);
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (&self->error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: %s", path, message);
}

static void
fail_too_deep (TiesJsonWriter *self,
               gboolean        next)
{
  writer_fail (self, next,
               g_dngettext (GETTEXT_PACKAGE,
                            "nesting deeper than %u level, which Ties could not open again",
                            "nesting deeper than %u levels, which Ties could not open again",
                            TIES_JSON_MAX_DEPTH),
               TIES_JSON_MAX_DEPTH);
}

static void
newline_indent (TiesJsonWriter *self)
{
  g_string_append_c (self->out, '\n');
  for (guint i = 0; i < self->depth; i++)
    g_string_append_len (self->out, "  ", 2);
}

/* Separator and indentation before a value or a member name. */
static void
begin_item (TiesJsonWriter *self)
{
  g_assert (self != NULL);

  if (self->after_member)
    {
      self->after_member = FALSE;
      return;
    }

  if (self->depth == 0)
    return;

  if (self->levels[self->depth - 1].count++ > 0)
    g_string_append_c (self->out, ',');
  newline_indent (self);
}

static void
begin_container (TiesJsonWriter *self,
                 char            open)
{
  Level *level;

  g_return_if_fail (self != NULL);

  if (self->excess > 0 || self->depth == TIES_JSON_MAX_DEPTH)
    {
      /* Never a bracket the reader would refuse: the error replaces the
       * text, and the rest is only counted so that the ends match. */
      begin_item (self);
      fail_too_deep (self, FALSE);
      self->excess++;
      return;
    }

  begin_item (self);
  g_string_append_c (self->out, open);

  level = &self->levels[self->depth++];
  level->count = 0;
  level->is_array = open == '[';
  level->name = NULL;
}

static void
end_container (TiesJsonWriter *self,
               char            close)
{
  g_return_if_fail (self != NULL);

  if (self->excess > 0)
    {
      self->excess--;
      return;
    }

  g_return_if_fail (self->depth > 0);

  if (self->levels[--self->depth].count > 0)
    newline_indent (self);
  g_string_append_c (self->out, close);
}

void
ties_json_writer_begin_object (TiesJsonWriter *self)
{
  begin_container (self, '{');
}

void
ties_json_writer_end_object (TiesJsonWriter *self)
{
  end_container (self, '}');
}

void
ties_json_writer_begin_array (TiesJsonWriter *self)
{
  begin_container (self, '[');
}

void
ties_json_writer_end_array (TiesJsonWriter *self)
{
  end_container (self, ']');
}

/* A JSON string, escaping only what JSON requires. */
void
ties_json_append_string (GString    *out,
                         const char *value)
{
  static const char hex[] = "0123456789abcdef";
  const char *run = value;
  const char *p;

  g_string_append_c (out, '"');

  /* Copy runs of plain bytes at once; only quotes, backslashes and
   * control characters are escaped (UTF-8 passes through as it is). */
  for (p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      const char *escape = NULL;
      const char *next = p + 1;
      char buf[7];

      if (c >= 0x20 && c != '"' && c != '\\' && c != 0xc0)
        continue;

      switch (c)
        {
        case 0xc0:
          /* U+0000 as the JSON reader keeps it; C0 is in no valid UTF-8. */
          if ((guchar) p[1] != 0x80)
            continue;
          escape = "\\u0000";
          next = p + 2;
          break;
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        default:
          buf[0] = '\\';
          buf[1] = 'u';
          buf[2] = '0';
          buf[3] = '0';
          buf[4] = hex[c >> 4];
          buf[5] = hex[c & 0xf];
          buf[6] = '\0';
          escape = buf;
          break;
        }

      g_string_append_len (out, run, p - run);
      g_string_append (out, escape);
      run = next;
      p = next - 1;
    }

  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

void
ties_json_writer_member (TiesJsonWriter *self,
                         const char     *name)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (!self->after_member);

  begin_item (self);
  if (self->depth > 0)
    self->levels[self->depth - 1].name = name;
  ties_json_append_string (self->out, name);
  g_string_append_len (self->out, ": ", 2);
  self->after_member = TRUE;
}

void
ties_json_writer_string (TiesJsonWriter *self,
                         const char     *value)
{
  g_return_if_fail (self != NULL);

  begin_item (self);
  ties_json_append_string (self->out, value != NULL ? value : "");
}

void
ties_json_writer_string_or_null (TiesJsonWriter *self,
                                 const char     *value)
{
  if (value == NULL)
    ties_json_writer_null (self);
  else
    ties_json_writer_string (self, value);
}

void
ties_json_writer_strv (TiesJsonWriter     *self,
                       const char * const *values)
{
  ties_json_writer_begin_array (self);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    ties_json_writer_string (self, values[i]);
  ties_json_writer_end_array (self);
}

void
ties_json_writer_null (TiesJsonWriter *self)
{
  g_return_if_fail (self != NULL);

  begin_item (self);
  g_string_append_len (self->out, "null", 4);
}

void
ties_json_writer_boolean (TiesJsonWriter *self,
                          gboolean        value)
{
  g_return_if_fail (self != NULL);

  begin_item (self);
  g_string_append (self->out, value ? "true" : "false");
}

void
ties_json_writer_int (TiesJsonWriter *self,
                      gint64          value)
{
  g_return_if_fail (self != NULL);

  begin_item (self);
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT, value);
}

/* Whole numbers without a fraction, others in the shortest form that
 * reads back to the same double; JSON has no NaN or infinity. */
void
ties_json_append_double (GString *out,
                         double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append_len (out, "null", 4);
      return;
    }

  if (value == floor (value) && fabs (value) < 1e15)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) value);
      return;
    }

  for (int precision = 15; precision <= 17; precision++)
    {
      g_ascii_formatd (buf, sizeof buf, precision == 15 ? "%.15g" : precision == 16 ? "%.16g" : "%.17g", value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  g_string_append (out, buf);
}

void
ties_json_writer_double (TiesJsonWriter *self,
                         double          value)
{
  g_return_if_fail (self != NULL);

  /* null would be written, and refused where a number is read. */
  if (!isfinite (value))
    writer_fail (self, TRUE, "%s", _("not a finite number: JSON has no infinity or NaN"));

  begin_item (self);
  ties_json_append_double (self->out, value);
}

/* Values given as JSON text. */

typedef struct
{
  const TiesJsonValue *container;
  guint index;
} WalkFrame;

/* Levels of arrays and objects in @value, itself included. */
static guint
value_depth (const TiesJsonValue *value)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (WalkFrame));
  guint deepest = 0;

  g_assert (value != NULL);

  for (;;)
    {
      TiesJsonType type = ties_json_value_get_type (value);

      if ((type == TIES_JSON_ARRAY || type == TIES_JSON_OBJECT))
        {
          WalkFrame frame = { value, 0 };

          g_array_append_val (stack, frame);
          deepest = MAX (deepest, stack->len);
          if (ties_json_value_get_length (value) > 0)
            {
              value = type == TIES_JSON_ARRAY ? ties_json_array_get (value, 0)
                                              : ties_json_object_get_value (value, 0);
              continue;
            }
          g_array_set_size (stack, stack->len - 1);
        }

      while (stack->len > 0)
        {
          WalkFrame *top = &g_array_index (stack, WalkFrame, stack->len - 1);
          const TiesJsonValue *container = top->container;

          if (++top->index < ties_json_value_get_length (container))
            {
              value = ties_json_value_get_type (container) == TIES_JSON_ARRAY
                      ? ties_json_array_get (container, top->index)
                      : ties_json_object_get_value (container, top->index);
              break;
            }
          g_array_set_size (stack, stack->len - 1);
        }

      if (stack->len == 0)
        return deepest;
    }
}

/* Starts the @index-th item of @container: a member's name, and returns
 * the value. */
static const TiesJsonValue *
walk_item (TiesJsonWriter      *self,
           const TiesJsonValue *container,
           guint                index)
{
  g_assert (self != NULL);

  if (ties_json_value_get_type (container) == TIES_JSON_ARRAY)
    return ties_json_array_get (container, index);

  ties_json_writer_member (self, ties_json_object_get_name (container, index));

  return ties_json_object_get_value (container, index);
}

static void
write_value (TiesJsonWriter         *self,
             const TiesJsonDocument *document,
             const TiesJsonValue    *value)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (WalkFrame));

  g_assert (self != NULL);
  g_assert (value != NULL);

  for (;;)
    {
      switch (ties_json_value_get_type (value))
        {
        case TIES_JSON_NULL:
          ties_json_writer_null (self);
          break;

        case TIES_JSON_FALSE:
        case TIES_JSON_TRUE:
          ties_json_writer_boolean (self, ties_json_value_get_type (value) == TIES_JSON_TRUE);
          break;

        case TIES_JSON_NUMBER:
          {
            gsize length;
            const char *text = ties_json_document_get_number_text (document, value, &length);

            /* As written: the reader keeps what a double cannot. */
            begin_item (self);
            g_string_append_len (self->out, text, length);
          }
          break;

        case TIES_JSON_STRING:
          ties_json_writer_string (self, ties_json_value_get_string (value));
          break;

        case TIES_JSON_ARRAY:
        case TIES_JSON_OBJECT:
          {
            gboolean is_array = ties_json_value_get_type (value) == TIES_JSON_ARRAY;
            WalkFrame frame = { value, 0 };

            begin_container (self, is_array ? '[' : '{');
            if (ties_json_value_get_length (value) == 0)
              {
                end_container (self, is_array ? ']' : '}');
                break;
              }
            g_array_append_val (stack, frame);
            value = walk_item (self, value, 0);
            continue;
          }

        default:
          g_assert_not_reached ();
        }

      /* Done with @value: on to its next sibling, closing containers. */
      while (stack->len > 0)
        {
          WalkFrame *top = &g_array_index (stack, WalkFrame, stack->len - 1);
          const TiesJsonValue *container = top->container;

          if (++top->index < ties_json_value_get_length (container))
            {
              value = walk_item (self, container, top->index);
              break;
            }

          end_container (self, ties_json_value_get_type (container) == TIES_JSON_ARRAY ? ']' : '}');
          g_array_set_size (stack, stack->len - 1);
        }

      if (stack->len == 0)
        return;
    }
}

gboolean
ties_json_writer_json (TiesJsonWriter *self,
                       const char     *json)
{
  g_autoptr(TiesJsonDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(TiesJsonPosition) position = { 0 };
  const TiesJsonValue *root;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  /* Any depth parses (the parser needs no stack for it); the depth that
   * fits here is checked before anything is written, so that the error
   * names this value, not some bracket deep inside it. */
  document = ties_json_document_parse (json, strlen (json), G_MAXUINT, &position, &local_error);
  if (document == NULL)
    {
      g_autofree char *where_what = g_strdup_printf ("%u:%u: %s", position.line, position.column,
                                                     local_error->message);

      /* Translators: %s says where and what, as "1:5: expected a value" */
      writer_fail (self, TRUE, _("not valid JSON: %s"), where_what);
      /* Something takes the value's place, so that calls stay paired. */
      ties_json_writer_null (self);
      return FALSE;
    }

  root = ties_json_document_get_root (document);
  if (self->excess > 0 || value_depth (root) > TIES_JSON_MAX_DEPTH - self->depth)
    {
      fail_too_deep (self, TRUE);
      ties_json_writer_null (self);
      return FALSE;
    }

  write_value (self, document, root);

  return TRUE;
}
