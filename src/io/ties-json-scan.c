/* ties-json-scan.c: raw-byte checks and source positions for JSON documents
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "ties-json-scan.h"

#define BOM "\xEF\xBB\xBF"
#define BOM_LENGTH 3

/* json-glib 1.6 tokenizer quirks we must follow (see read_escape()):
 *
 * - "…": a backslash always takes the next byte with it; after "\u", if the
 *   next byte is a hex digit, up to four more bytes are read, and the first
 *   byte that is not a hex digit is swallowed too, even if it is a quote.
 *   If the code unit so read is a surrogate, an optional '\' and an optional
 *   'u' follow and another four-byte read is made, swallowing its first
 *   non-hex byte even without a hex digit in front.
 * - '…': a string up to the next "'", no escapes.
 * - /…/: a comment from one '/' to the next.
 *
 * All three hide brackets from the parser, so they hide them from the depth
 * count too.  Where json-glib ends a string later than plain JSON would
 * (a malformed \u escape), following json-glib is what keeps an input such
 * as ["\u12" , ", [[[[…  from smuggling nesting past the check. */

static gsize
bom_length (const guchar *data,
            gsize         length)
{
  g_assert (data != NULL || length == 0);

  if (length >= BOM_LENGTH && memcmp (data, BOM, BOM_LENGTH) == 0)
    return BOM_LENGTH;

  return 0;
}

static inline gboolean
is_hex_digit (guchar c)
{
  return g_ascii_isxdigit (c);
}

/* Reads "up to four hex digits" as json-glib 1.6 does: stops after the first
 * byte that is not a hex digit, which is consumed. */
static const guchar *
read_code_unit (const guchar *p,
                const guchar *end,
                gunichar     *unit)
{
  gunichar value = 0;

  g_assert (p != NULL && end != NULL && p <= end);
  g_assert (unit != NULL);

  for (guint i = 0; i < 4; i++)
    {
      guchar c;

      if (p >= end)
        break;

      c = *p++;
      if (!is_hex_digit (c))
        break;

      value += (gunichar) g_ascii_xdigit_value (c) << ((3 - i) * 4);
    }

  *unit = value;

  return p;
}

static void
append_byte (GString *out,
             guchar   c)
{
  g_assert (out != NULL);

  g_string_append_c (out, (char) c);
}

/* @p points just after a backslash inside a double-quoted string.  Returns
 * the position after the escape sequence; if @out is not NULL, appends what
 * the escape stands for. */
static const guchar *
read_escape (const guchar *p,
             const guchar *end,
             GString      *out)
{
  guchar c;

  g_assert (p != NULL && end != NULL && p <= end);

  if (p >= end)
    return end;

  c = *p++;
  switch (c)
    {
    case 'n':
      if (out != NULL)
        append_byte (out, '\n');
      return p;

    case 't':
      if (out != NULL)
        append_byte (out, '\t');
      return p;

    case 'r':
      if (out != NULL)
        append_byte (out, '\r');
      return p;

    case 'b':
      if (out != NULL)
        append_byte (out, '\b');
      return p;

    case 'f':
      if (out != NULL)
        append_byte (out, '\f');
      return p;

    case '0': case '1': case '2': case '3':
    case '4': case '5': case '6': case '7':
      {
        guint value = c - '0';

        for (guint i = 0; i < 2 && p < end && *p >= '0' && *p <= '7'; i++)
          value = value * 8 + (guint) (*p++ - '0');
        if (out != NULL)
          append_byte (out, (guchar) value);
        return p;
      }

    case 'u':
      {
        gunichar unit;

        if (p >= end || !is_hex_digit (*p))
          return p;

        p = read_code_unit (p, end, &unit);
        if (unit >= 0xD800 && unit <= 0xDFFF)
          {
            gunichar low;

            if (p < end && *p == '\\')
              p++;
            if (p < end && *p == 'u')
              p++;
            p = read_code_unit (p, end, &low);
            if (low >= 0xDC00 && low <= 0xDFFF)
              unit = (((unit & 0x3FF) << 10) | (low & 0x3FF)) + 0x10000;
          }
        if (out != NULL)
          g_string_append_unichar (out, unit);
        return p;
      }

    default:
      /* '"', '\\', '/' and anything else stand for themselves. */
      if (out != NULL)
        append_byte (out, c);
      return p;
    }
}

/* Bytes that end a run of plain characters in a double-quoted string. */
static const guint8 string_stop[256] = {
  ['"'] = 1,
  ['\\'] = 1,
};

/* @p points at an opening quote (double or single).  Returns the position
 * after the closing quote, or NULL if the string is not terminated.  If @out
 * is not NULL, appends the decoded contents. */
static const guchar *
read_string (const guchar *p,
             const guchar *end,
             GString      *out)
{
  g_assert (p != NULL && end != NULL && p < end);
  g_assert (*p == '"' || *p == '\'');

  if (*p == '\'')
    {
      const guchar *quote;

      p++;
      quote = memchr (p, '\'', (gsize) (end - p));
      if (quote == NULL)
        return NULL;
      if (out != NULL)
        g_string_append_len (out, (const char *) p, quote - p);
      return quote + 1;
    }

  p++;
  for (;;)
    {
      const guchar *run = p;

      /* A plain table loop: strings are mostly short, and this beats two
       * memchr() calls per string. */
      while (p < end && string_stop[*p] == 0)
        p++;
      if (out != NULL)
        g_string_append_len (out, (const char *) run, p - run);
      if (p >= end)
        return NULL;
      if (*p == '"')
        return p + 1;
      p = read_escape (p + 1, end, out);
    }
}

/* @p points at a '/'.  Returns the position after the closing '/', or NULL if
 * the comment is not terminated. */
static const guchar *
skip_comment (const guchar *p,
              const guchar *end)
{
  const guchar *slash;

  g_assert (p != NULL && end != NULL && p < end);
  g_assert (*p == '/');

  p++;
  slash = memchr (p, '/', (gsize) (end - p));

  return slash != NULL ? slash + 1 : NULL;
}

/* Depth scan. */

enum
{
  SCAN_OTHER = 0,
  SCAN_OPEN,
  SCAN_CLOSE,
  SCAN_STRING,
  SCAN_COMMENT,
};

static const guint8 scan_class[256] = {
  ['['] = SCAN_OPEN,
  ['{'] = SCAN_OPEN,
  [']'] = SCAN_CLOSE,
  ['}'] = SCAN_CLOSE,
  ['"'] = SCAN_STRING,
  ['\''] = SCAN_STRING,
  ['/'] = SCAN_COMMENT,
};

/* Returns the offset of the first opening bracket nested deeper than
 * TIES_JSON_MAX_DEPTH in data[start, limit), or G_MAXSIZE.  Stray
 * closing brackets are ignored: json-glib stops at them anyway, so it
 * never gets to read what follows. */
static gsize
find_too_deep (const guchar *data,
               gsize         start,
               gsize         limit)
{
  const guchar *p = data + start;
  const guchar *end = data + limit;
  guint depth = 0;

  g_assert (data != NULL || limit == 0);
  g_assert (start <= limit);

  for (;;)
    {
      while (p < end && scan_class[*p] == SCAN_OTHER)
        p++;
      if (p >= end)
        return G_MAXSIZE;

      switch (scan_class[*p])
        {
        case SCAN_OPEN:
          if (++depth > TIES_JSON_MAX_DEPTH)
            return (gsize) (p - data);
          p++;
          break;

        case SCAN_CLOSE:
          if (depth > 0)
            depth--;
          p++;
          break;

        case SCAN_STRING:
          /* An unterminated string or comment runs to the end: json-glib
           * reports it, and reads no bracket after it. */
          if (*p == '"')
            {
              /* The hot path, same as read_string() without decoding. */
              p++;
              for (;;)
                {
                  while (p < end && string_stop[*p] == 0)
                    p++;
                  if (p >= end)
                    return G_MAXSIZE;
                  if (*p == '"')
                    break;
                  if (G_LIKELY (end - p > 2 && p[1] != 'u'))
                    p += 2;   /* a backslash and the byte it escapes */
                  else
                    p = read_escape (p + 1, end, NULL);
                }
              p++;
            }
          else
            {
              p = read_string (p, end, NULL);
              if (p == NULL)
                return G_MAXSIZE;
            }
          break;

        case SCAN_COMMENT:
          p = skip_comment (p, end);
          if (p == NULL)
            return G_MAXSIZE;
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static gboolean
is_space (guchar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gboolean
set_check_error (const char  *data,
                 gsize        length,
                 gsize        offset,
                 const char  *message,
                 guint       *line,
                 guint       *column,
                 GError     **error)
{
  guint l, c;

  g_assert (message != NULL);

  ties_json_offset_to_position (data, length, offset, &l, &c);
  if (line != NULL)
    *line = l;
  if (column != NULL)
    *column = c;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               "%u:%u: %s", l, c, message);

  return FALSE;
}

gboolean
ties_json_scan_check (const char  *data,
                      gsize        length,
                      gsize       *json_start,
                      guint       *line,
                      guint       *column,
                      GError     **error)
{
  const guchar *bytes = (const guchar *) data;
  const char *invalid = NULL;
  gsize start;
  gsize limit;
  gsize too_deep;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  start = bom_length (bytes, length);
  if (json_start != NULL)
    *json_start = start;

  if (length == 0)
    return set_check_error (data, length, 0, _("the file is empty"),
                            line, column, error);

  /* The first NUL or invalid UTF-8 sequence, if any, ends the part that is
   * scanned for depth: the first problem in the file is the one reported. */
  limit = length;
  if (!g_utf8_validate_len (data, length, &invalid))
    limit = (gsize) (invalid - data);

  too_deep = find_too_deep (bytes, start, limit);
  if (too_deep != G_MAXSIZE)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "nesting deeper than %d level",
                                      "nesting deeper than %d levels",
                                      TIES_JSON_MAX_DEPTH),
                         TIES_JSON_MAX_DEPTH);

      return set_check_error (data, length, too_deep, message,
                              line, column, error);
    }

  if (limit < length)
    {
      if (bytes[limit] == '\0')
        return set_check_error (data, length, limit,
                                _("NUL byte (\\0) is not allowed in a document"),
                                line, column, error);
      return set_check_error (data, length, limit,
                              _("invalid UTF-8 byte sequence"),
                              line, column, error);
    }

  {
    gsize i = start;

    while (i < length && is_space (bytes[i]))
      i++;
    if (i == length)
      return set_check_error (data, length, 0,
                              start == length ? _("the file is empty") : _("the file holds only white space"),
                              line, column, error);
  }

  if (line != NULL)
    *line = 0;
  if (column != NULL)
    *column = 0;

  return TRUE;
}

/* Locating a path. */

/* Number of characters in p[0, n), the last of which may be cut short. */
static guint
count_characters (const guchar *p,
                  gsize         n)
{
  const guchar *end = p + n;
  guint count = 0;

  g_assert (p != NULL || n == 0);

  if (g_utf8_validate_len ((const char *) p, n, NULL))
    {
      /* Valid UTF-8: count the bytes that start a character. */
      for (; p < end; p++)
        count += (*p & 0xC0) != 0x80;
      return count;
    }

  while (p < end)
    {
      gunichar c;
      gsize step = 1;

      if (*p >= 0x80)
        {
          c = g_utf8_get_char_validated ((const char *) p, end - p);
          if (c != (gunichar) -1 && c != (gunichar) -2)
            step = (gsize) g_utf8_skip[*p];
        }
      p += step;
      count++;
    }

  return count;
}

void
ties_json_offset_to_position (const char *data,
                              gsize       length,
                              gsize       offset,
                              guint      *line,
                              guint      *column)
{
  const guchar *bytes = (const guchar *) data;
  const guchar *line_start;
  const guchar *target;
  gsize bom;
  guint l = 1;
  guint c;

  g_return_if_fail (data != NULL || length == 0);

  if (offset > length)
    offset = length;

  if (length == 0)
    {
      if (line != NULL)
        *line = 1;
      if (column != NULL)
        *column = 1;
      return;
    }

  bom = bom_length (bytes, length);
  target = bytes + offset;
  line_start = bytes;
  if (offset >= bom)
    line_start = bytes + bom;

  for (;;)
    {
      const guchar *newline;

      newline = memchr (line_start, '\n', (gsize) (target - line_start));
      if (newline == NULL)
        break;
      l++;
      line_start = newline + 1;
    }

  /* A multi-byte character cut by @offset would be counted as invalid bytes;
   * step back to its first byte instead. */
  if (offset < length)
    {
      const guchar *p = target;

      while (p > line_start && (*p & 0xC0) == 0x80 && target - p < 3)
        p--;
      if (p < target && (*p & 0xC0) == 0xC0 &&
          g_utf8_get_char_validated ((const char *) p, bytes + length - p) < (gunichar) -2 &&
          p + g_utf8_skip[*p] > target)
        target = p;
    }

  c = 1 + count_characters (line_start, (gsize) (target - line_start));

  if (line != NULL)
    *line = l;
  if (column != NULL)
    *column = c;
}
