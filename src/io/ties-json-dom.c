/* ties-json-dom.c: a fast, compact JSON reader for Ties documents
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Over 1,000 lines on purpose: one pass of a parser whose arena, frames and
 * error positions are private to it, and whose speed depends on keeping
 * them inlined together.
 */

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "ties-json-dom.h"
#include "ties-json-scan.h"
#include "ties-json-writer.h"

/* How it works.
 *
 * The text is copied once into a private buffer followed by PADDING NUL
 * bytes, so that the scanners may look a few bytes ahead without checking
 * for the end: a NUL stops every scanner, and only then is "p == end"
 * tested.  Strings are unescaped in place (an unescaped string is never
 * longer than its escaped form) and NUL-terminated where their closing
 * quote was, so a string's first byte keeps its position in the text.
 *
 * A string holding U+0000 (only an escape, "\u0000", can put it there)
 * keeps it as the two bytes C0 80, as Java's "modified UTF-8" does, and is
 * marked: strings stay NUL-terminated, C0 never occurs in valid UTF-8 so
 * nothing else reads that way, and a name holding it never matches a name
 * the caller looks up.  The writer turns C0 80 back into "\u0000".
 *
 * Numbers keep the length of their text, so that they can be written back
 * exactly as they were written ("1.0", "-0.0", "1e400", digits beyond a
 * double's); numbers too large for a double read as infinity.
 *
 * UTF-8 is checked as the bytes are met: inside strings every non-ASCII
 * sequence is validated; outside strings only ASCII is valid JSON, so a
 * non-ASCII byte there is an error anyway.  Together this validates the
 * whole input.
 *
 * The parser is iterative.  The children of the open containers are
 * collected on one growable scratch stack; when a container closes, its
 * children are copied into one contiguous array in the arena (big
 * g_malloc'd chunks, freed all at once) and popped.  Nesting is limited by
 * max_depth, so no input can exhaust the C stack.
 *
 * Errors cost nothing until one happens: the parser records the offset,
 * kind and message of the first, and only then are the line, the column
 * and the JSON path (from the open containers and the children already on
 * the scratch stack) worked out. */

#define PADDING 16
#define MIN_CHUNK_SIZE 1024
#define MAX_CHUNK_SIZE (4 * 1024 * 1024)

typedef struct _TiesJsonMember TiesJsonMember;

struct _TiesJsonValue
{
  guint8 type;                  /* TiesJsonType */
  guint8 is_integer;
  guint8 has_nul;               /* a string holding U+0000, as C0 80 */
  guint32 length;               /* string bytes, elements, members, or number text */
  gsize offset;
  union {
    const char *string;
    double number;
    gint64 integer;
    const TiesJsonValue *elements;
    const TiesJsonMember *members;
  } u;
};

struct _TiesJsonMember
{
  const char *name;
  TiesJsonValue value;
};

/* A members array in the arena is preceded by the start of the text, from
 * which the members' name offsets are computed: a name keeps the position
 * it had in the text, one byte after its opening quote. */
typedef struct
{
  const char *text;
  gpointer padding;
} MembersHeader;

G_STATIC_ASSERT (sizeof (TiesJsonValue) % 8 == 0);
G_STATIC_ASSERT (sizeof (TiesJsonMember) % 8 == 0);
G_STATIC_ASSERT (sizeof (MembersHeader) % 8 == 0);

typedef struct _Chunk Chunk;
struct _Chunk
{
  Chunk *next;
  gsize size;
};

struct _TiesJsonDocument
{
  char *text;
  Chunk *chunks;
  guint8 *arena_next;
  gsize arena_left;
  gsize chunk_size;
  TiesJsonValue root;
};

typedef struct
{
  gsize start;                  /* of the children on the scratch stack */
  gsize offset;                 /* of the bracket */
  guint32 count;
  guint8 type;
} Frame;

typedef struct
{
  char *text;
  const char *start;            /* after a byte-order mark */
  const char *end;
  TiesJsonDocument *doc;

  guint8 *scratch;
  gsize scratch_length;
  gsize scratch_size;

  Frame *frames;
  guint depth;
  guint frames_size;
  guint max_depth;

  /* Set when a string just parsed held U+0000. */
  gboolean saw_nul;

  gsize error_offset;
  char *error_message;
  TiesJsonError error_code;
  /* Which value the path names; see error_path(). */
  guint8 error_at;
  const char *error_name;
} Parser;

/* What the JSON path of an error names, in the innermost container. */
enum {
  AT_CHILD,                     /* the child being read (the default) */
  AT_LAST_CHILD,                /* the child just read */
  AT_CONTAINER,                 /* the container itself */
  AT_NAME,                      /* the member error_name */
};

G_DEFINE_QUARK (ties-json-error-quark, ties_json_error)

/* Character classes. */

enum {
  CLASS_WHITE = 1,              /* space, tab, LF, CR */
  CLASS_STRING = 2,             /* needs a look inside a string */
  CLASS_HEX = 4,
};

#define W CLASS_WHITE
#define S CLASS_STRING
#define H CLASS_HEX
static const guint8 char_class[256] = {
  /* 0x00 */ S, S, S, S, S, S, S, S, S, S | W, S | W, S, S, S | W, S, S,
  /* 0x10 */ S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
  /* 0x20 */ W, 0, S, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  /* 0x30 */ H, H, H, H, H, H, H, H, H, H, 0, 0, 0, 0, 0, 0,
  /* 0x40 */ 0, H, H, H, H, H, H, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  /* 0x50 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, S, 0, 0, 0,
  /* 0x60 */ 0, H, H, H, H, H, H, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  /* 0x70 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  /* 0x80 */ S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
  /* 0x90 */ S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
  /* 0xa0 */ S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
  /* 0xb0 */ S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
  /* 0xc0 */ S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
  /* 0xd0 */ S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
  /* 0xe0 */ S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
  /* 0xf0 */ S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
};
#undef W
#undef S
#undef H

#define IS_WHITE(c) ((char_class[(guchar) (c)] & CLASS_WHITE) != 0)
#define IS_STRING_SPECIAL(c) ((char_class[(guchar) (c)] & CLASS_STRING) != 0)
#define IS_DIGIT(c) ((guchar) ((c) - '0') < 10)

/* Errors. */

static gpointer
fail_valist (Parser        *ps,
             const char    *at,
             TiesJsonError  code,
             const char    *format,
             va_list        args) G_GNUC_PRINTF (4, 0);

/* Records the error (only the first one) and returns NULL. */
static gpointer
fail_valist (Parser        *ps,
             const char    *at,
             TiesJsonError  code,
             const char    *format,
             va_list        args)
{
  g_assert (ps != NULL);
  g_assert (at >= ps->text && at <= ps->end);
  g_assert (format != NULL);

  if (ps->error_message != NULL)
    return NULL;

  ps->error_message = g_strdup_vprintf (format, args);
  ps->error_offset = (gsize) (at - ps->text);
  ps->error_code = code;

  return NULL;
}

static gpointer
fail (Parser     *ps,
      const char *at,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

/* A syntax error. */
static gpointer
fail (Parser     *ps,
      const char *at,
      const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  fail_valist (ps, at, TIES_JSON_ERROR_SYNTAX, format, args);
  va_end (args);

  return NULL;
}

static gpointer
fail_with (Parser        *ps,
           const char    *at,
           TiesJsonError  code,
           const char    *format,
           ...) G_GNUC_PRINTF (4, 5);

static gpointer
fail_with (Parser        *ps,
           const char    *at,
           TiesJsonError  code,
           const char    *format,
           ...)
{
  va_list args;

  va_start (args, format);
  fail_valist (ps, at, code, format, args);
  va_end (args);

  return NULL;
}

/* Length of the valid UTF-8 sequence at @p, or 0.  Reads at most four
 * bytes; the padding makes that safe. */
static inline guint
utf8_sequence_length (const guchar *p)
{
  guchar c;

  g_assert (p != NULL);

  c = p[0];
  if (c < 0x80)
    return 1;
  if (c >= 0xc2 && c <= 0xdf)
    return (p[1] & 0xc0) == 0x80 ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef)
    {
      guchar lo = c == 0xe0 ? 0xa0 : 0x80;
      guchar hi = c == 0xed ? 0x9f : 0xbf;

      if (p[1] < lo || p[1] > hi || (p[2] & 0xc0) != 0x80)
        return 0;
      return 3;
    }
  if (c >= 0xf0 && c <= 0xf4)
    {
      guchar lo = c == 0xf0 ? 0x90 : 0x80;
      guchar hi = c == 0xf4 ? 0x8f : 0xbf;

      if (p[1] < lo || p[1] > hi || (p[2] & 0xc0) != 0x80 || (p[3] & 0xc0) != 0x80)
        return 0;
      return 4;
    }

  return 0;
}

/* The character at @p for a message: itself in UTF-8, or "U+XXXX" (and
 * *shown FALSE) for one that would not show, or NULL for an invalid UTF-8
 * sequence. */
static char *
char_text (const Parser *ps,
           const char   *p,
           gboolean     *shown)
{
  gunichar ch;
  guint n;

  g_assert (ps != NULL);
  g_assert (p >= ps->text && p < ps->end);
  g_assert (shown != NULL);

  n = utf8_sequence_length ((const guchar *) p);
  if (n == 0 || (gsize) (ps->end - p) < n)
    return NULL;

  ch = g_utf8_get_char (p);
  *shown = g_unichar_isprint (ch) && ch != 0x7f;
  if (!*shown)
    return g_strdup_printf ("U+%04X", ch);

  return g_strndup (p, n);
}

/* The character at @p for a message: “x”, or U+XXXX for one that would not
 * show, or NULL for an invalid UTF-8 sequence. */
static char *
describe_char (const Parser *ps,
               const char   *p)
{
  g_autofree char *text = NULL;
  gboolean shown;

  g_assert (ps != NULL);

  text = char_text (ps, p, &shown);
  if (text == NULL || !shown)
    return g_steal_pointer (&text);

  /* Translators: a character quoted in an error message */
  return g_strdup_printf (_("“%s”"), text);
}

static gpointer
fail_invalid_utf8 (Parser     *ps,
                   const char *at)
{
  g_assert (ps != NULL);

  return fail_with (ps, at, TIES_JSON_ERROR_ENCODING, "%s", _("invalid UTF-8 byte sequence"));
}

/* A NUL byte is no character of any text document: it says the file is
 * binary, or was cut or padded by a tool, not that a comma is missing. */
static gpointer
fail_nul (Parser     *ps,
          const char *at)
{
  g_assert (ps != NULL);
  g_assert (at < ps->end && *at == '\0');

  return fail_with (ps, at, TIES_JSON_ERROR_ENCODING, "%s", _("NUL byte (\\0) is not allowed in a document"));
}

static const char *
container_name (const Parser *ps)
{
  g_assert (ps != NULL);
  g_assert (ps->depth > 0);

  return ps->frames[ps->depth - 1].type == TIES_JSON_ARRAY
         ? _("the document ends inside an array")
         : _("the document ends inside an object");
}

/* "@what, found X" at @p, or the end-of-input or UTF-8 error. */
static gpointer
fail_found (Parser     *ps,
            const char *p,
            const char *what)
{
  g_autofree char *found = NULL;

  g_assert (ps != NULL);
  g_assert (what != NULL);

  if (p >= ps->end)
    {
      if (ps->depth > 0)
        return fail (ps, ps->end, "%s", container_name (ps));
      /* Translators: the end of the text, in “expected X, found …” */
      return fail (ps, ps->end, _("%s, found the end of the document"), what);
    }

  if (*p == '\0')
    return fail_nul (ps, p);
  found = describe_char (ps, p);
  if (found == NULL)
    return fail_invalid_utf8 (ps, p);

  /* Translators: the first %s says what was expected, the second is the
   * character found instead */
  return fail (ps, p, _("%s, found %s"), what, found);
}

/* Arena. */

static gpointer
arena_alloc_slow (TiesJsonDocument *doc,
                  gsize             size)
{
  gsize chunk_size;
  Chunk *chunk;

  g_assert (doc != NULL);

  chunk_size = MAX (doc->chunk_size, size);
  chunk = g_malloc (sizeof (Chunk) + chunk_size);
  chunk->size = chunk_size;
  chunk->next = doc->chunks;
  doc->chunks = chunk;
  doc->chunk_size = MAX_CHUNK_SIZE;

  doc->arena_next = (guint8 *) (chunk + 1) + size;
  doc->arena_left = chunk_size - size;

  return chunk + 1;
}

static inline gpointer
arena_alloc (TiesJsonDocument *doc,
             gsize             size)
{
  gpointer result;

  g_assert (doc != NULL);
  g_assert (size % 8 == 0);

  if (G_UNLIKELY (size > doc->arena_left))
    return arena_alloc_slow (doc, size);

  result = doc->arena_next;
  doc->arena_next += size;
  doc->arena_left -= size;

  return result;
}

/* Scratch stack. */

static void
scratch_grow (Parser *ps,
              gsize   needed)
{
  g_assert (ps != NULL);

  while (ps->scratch_size - ps->scratch_length < needed)
    ps->scratch_size = MAX (ps->scratch_size * 2, 4096);
  ps->scratch = g_realloc (ps->scratch, ps->scratch_size);
}

static inline gpointer
scratch_push (Parser *ps,
              gsize   size)
{
  gpointer result;

  g_assert (ps != NULL);

  if (G_UNLIKELY (ps->scratch_size - ps->scratch_length < size))
    scratch_grow (ps, size);

  result = ps->scratch + ps->scratch_length;
  ps->scratch_length += size;

  return result;
}

/* Scanners. */

static inline const char *
skip_white (const char *p)
{
  g_assert (p != NULL);

  /* Indentation: eight spaces at a time. */
  if (*p == '\n')
    {
      guint64 word;

      p++;
      memcpy (&word, p, sizeof word);
      while (word == G_GUINT64_CONSTANT (0x2020202020202020))
        {
          p += 8;
          memcpy (&word, p, sizeof word);
        }
    }

  while (IS_WHITE (*p))
    p++;

  return p;
}

static inline int
hex_value (guchar c)
{
  if (c <= '9')
    return c - '0';
  return (c | 0x20) - 'a' + 10;
}

/* Four hex digits at @p, or -1. */
static inline gint32
read_hex4 (const char *p)
{
  const guchar *u = (const guchar *) p;

  g_assert (p != NULL);

  if (!(char_class[u[0]] & CLASS_HEX) || !(char_class[u[1]] & CLASS_HEX)
      || !(char_class[u[2]] & CLASS_HEX) || !(char_class[u[3]] & CLASS_HEX))
    return -1;

  return (hex_value (u[0]) << 12) | (hex_value (u[1]) << 8)
         | (hex_value (u[2]) << 4) | hex_value (u[3]);
}

static inline char *
write_utf8 (char    *w,
            gunichar ch)
{
  g_assert (w != NULL);

  if (ch < 0x80)
    *w++ = (char) ch;
  else if (ch < 0x800)
    {
      *w++ = (char) (0xc0 | (ch >> 6));
      *w++ = (char) (0x80 | (ch & 0x3f));
    }
  else if (ch < 0x10000)
    {
      *w++ = (char) (0xe0 | (ch >> 12));
      *w++ = (char) (0x80 | ((ch >> 6) & 0x3f));
      *w++ = (char) (0x80 | (ch & 0x3f));
    }
  else
    {
      *w++ = (char) (0xf0 | (ch >> 18));
      *w++ = (char) (0x80 | ((ch >> 12) & 0x3f));
      *w++ = (char) (0x80 | ((ch >> 6) & 0x3f));
      *w++ = (char) (0x80 | (ch & 0x3f));
    }

  return w;
}

/* The escape at @p (a backslash) as it appears in the text, for messages. */
static char *
escape_text (const Parser *ps,
             const char   *p,
             gsize         max_length)
{
  const char *q = p + 1;

  g_assert (ps != NULL);
  g_assert (*p == '\\');

  while (q < ps->end && (gsize) (q - p) < max_length && *q != '"' && *q != '\\'
         && (guchar) *q >= 0x20 && (guchar) *q < 0x80)
    q++;

  return g_strndup (p, (gsize) (q - p));
}

/* Rest of a string from @r, the first backslash or control character:
 * unescapes in place.
 * Returns the position after the closing quote, or NULL. */
static const char *
parse_string_escaped (Parser     *ps,
                      const char *quote,
                      char       *r,
                      gsize      *length)
{
  char *w = r;

  g_assert (ps != NULL);
  g_assert (r > quote);

  for (;;)
    {
      guchar c;

      while (!IS_STRING_SPECIAL (*r))
        *w++ = *r++;

      c = (guchar) *r;
      if (c == '"')
        {
          *w = '\0';
          *length = (gsize) (w - (quote + 1));
          return r + 1;
        }
      else if (c == '\\')
        {
          gint32 unit;
          gunichar ch;

          switch (r[1])
            {
            case '"': *w++ = '"'; r += 2; continue;
            case '\\': *w++ = '\\'; r += 2; continue;
            case '/': *w++ = '/'; r += 2; continue;
            case 'b': *w++ = '\b'; r += 2; continue;
            case 'f': *w++ = '\f'; r += 2; continue;
            case 'n': *w++ = '\n'; r += 2; continue;
            case 'r': *w++ = '\r'; r += 2; continue;
            case 't': *w++ = '\t'; r += 2; continue;
            case 'u': break;
            default:
              {
                g_autofree char *found = NULL;
                gboolean shown;

                if (r + 1 >= ps->end)
                  return fail (ps, quote, "%s", _("unterminated string"));
                found = char_text (ps, r + 1, &shown);
                if (found == NULL)
                  return fail_invalid_utf8 (ps, r + 1);
                if (!shown)
                  /* Translators: %s is a character code such as U+000A */
                  return fail (ps, r, _("invalid escape: a backslash followed by %s"), found);
                /* Translators: %s is the character after the backslash */
                return fail (ps, r, _("invalid escape “\\%s”"), found);
              }
            }

          unit = read_hex4 (r + 2);
          if (unit < 0)
            {
              g_autofree char *text = escape_text (ps, r, 6);

              /* Translators: %s is an escape such as \u12G4 */
              return fail (ps, r, _("invalid escape “%s”: “\\u” takes four hexadecimal digits"), text);
            }

          if (unit >= 0xd800 && unit <= 0xdbff)
            {
              gint32 low = r[6] == '\\' && r[7] == 'u' ? read_hex4 (r + 8) : -1;

              if (low < 0xdc00 || low > 0xdfff)
                {
                  g_autofree char *text = g_strndup (r, 6);

                  /* Translators: %s is an escape such as \uD800 */
                  return fail (ps, r, _("unpaired surrogate “%s”: a high surrogate must be followed by a low one"), text);
                }

              ch = 0x10000 + (((gunichar) unit - 0xd800) << 10) + ((gunichar) low - 0xdc00);
              r += 12;
            }
          else if (unit >= 0xdc00 && unit <= 0xdfff)
            {
              g_autofree char *text = g_strndup (r, 6);

              return fail (ps, r, _("unpaired surrogate “%s”: a low surrogate must follow a high one"), text);
            }
          else if (unit == 0)
            {
              /* See "How it works": the escape is six bytes, this two. */
              *w++ = (char) 0xc0;
              *w++ = (char) 0x80;
              ps->saw_nul = TRUE;
              r += 6;
              continue;
            }
          else
            {
              ch = (gunichar) unit;
              r += 6;
            }

          w = write_utf8 (w, ch);
        }
      else if (c >= 0x80)
        {
          guint n = utf8_sequence_length ((const guchar *) r);

          if (n == 0 || r + n > ps->end)
            return fail_invalid_utf8 (ps, r);
          while (n-- > 0)
            *w++ = *r++;
        }
      else if (r >= ps->end)
        return fail (ps, quote, "%s", _("unterminated string"));
      else if (c == '\0')
        return fail_nul (ps, r);
      else
        /* Translators: %04X is the code of a control character */
        return fail (ps, r, _("unescaped control character U+%04X in a string"), c);
    }
}

/* A string whose opening quote is at @quote.  Returns the position after
 * the closing quote, or NULL. */
static inline const char *
parse_string (Parser     *ps,
              const char *quote,
              gsize      *length)
{
  const guchar *r = (const guchar *) quote + 1;

  g_assert (ps != NULL);
  g_assert (*quote == '"');

  for (;;)
    {
      while (G_LIKELY (!IS_STRING_SPECIAL (r[0]) && !IS_STRING_SPECIAL (r[1])
                       && !IS_STRING_SPECIAL (r[2]) && !IS_STRING_SPECIAL (r[3])))
        r += 4;
      while (!IS_STRING_SPECIAL (*r))
        r++;

      if (G_LIKELY (*r == '"'))
        {
          *(char *) r = '\0';
          *length = (gsize) ((const char *) r - (quote + 1));
          return (const char *) r + 1;
        }
      else if (*r >= 0x80)
        {
          guint n = utf8_sequence_length (r);

          if (n == 0 || (const char *) r + n > ps->end)
            return fail_invalid_utf8 (ps, (const char *) r);
          r += n;
        }
      else
        return parse_string_escaped (ps, quote, (char *) r, length);
    }
}

static const double powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* The number at @p into @value.  Returns the position after it, or NULL. */
static inline const char *
parse_number (Parser        *ps,
              const char    *start,
              TiesJsonValue *value)
{
  const char *p = start;
  gboolean negative = FALSE;
  gboolean integral = TRUE;
  gboolean truncated = FALSE;
  guint64 mantissa = 0;
  int digits = 0;               /* significant digits in mantissa */
  gint64 exponent = 0;

  g_assert (ps != NULL);
  g_assert (value != NULL);

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  if (*p == '0')
    {
      p++;
      if (IS_DIGIT (*p))
        return fail (ps, start, "%s", _("invalid number: a number cannot start with a zero followed by other digits"));
    }
  else if (IS_DIGIT (*p))
    {
      do
        {
          if (digits < 19)
            {
              mantissa = mantissa * 10 + (guint64) (*p - '0');
              digits++;
            }
          else
            {
              truncated = TRUE;
              exponent++;
            }
          p++;
        }
      while (IS_DIGIT (*p));
    }
  else
    return fail (ps, start, "%s", _("invalid number"));

  if (*p == '.')
    {
      integral = FALSE;
      p++;
      if (!IS_DIGIT (*p))
        return fail (ps, start, "%s", _("invalid number: a digit must follow the decimal point"));
      do
        {
          if (digits < 19)
            {
              mantissa = mantissa * 10 + (guint64) (*p - '0');
              if (mantissa != 0)
                digits++;
              exponent--;
            }
          else
            truncated = TRUE;
          p++;
        }
      while (IS_DIGIT (*p));
    }

  if ((*p | 0x20) == 'e')
    {
      gboolean negative_exponent = FALSE;
      gint64 e = 0;

      integral = FALSE;
      p++;
      if (*p == '-' || *p == '+')
        negative_exponent = *p++ == '-';
      if (!IS_DIGIT (*p))
        return fail (ps, start, "%s", _("invalid number: the exponent has no digits"));
      do
        {
          if (e < 100000)
            e = e * 10 + (*p - '0');
          p++;
        }
      while (IS_DIGIT (*p));
      exponent += negative_exponent ? -e : e;
    }

  value->type = TIES_JSON_NUMBER;
  value->has_nul = FALSE;
  value->offset = (gsize) (start - ps->text);
  if (G_UNLIKELY ((gsize) (p - start) > G_MAXUINT32))
    return fail (ps, start, "%s", _("number too long"));
  value->length = (guint32) (p - start);

  if (integral && !truncated
      && mantissa <= (guint64) G_MAXINT64 + (negative ? 1 : 0))
    {
      value->is_integer = TRUE;
      value->u.integer = negative ? (gint64) (0 - mantissa) : (gint64) mantissa;
      return p;
    }

  value->is_integer = FALSE;

  if (!truncated && digits <= 15 && exponent >= -22 && exponent <= 22)
    {
      /* Both operands are exact, so the one rounding is the right one. */
      double d = (double) mantissa;

      d = exponent < 0 ? d / powers_of_ten[-exponent] : d * powers_of_ten[exponent];
      value->u.number = negative ? -d : d;
      return p;
    }
  else
    {
      char *end = (char *) p;
      char saved = *end;
      double d;

      *end = '\0';
      /* Out of a double's range it is infinity: kept as written, and
       * refused only where a number is read as one. */
      d = g_ascii_strtod (start, NULL);
      *end = saved;

      value->u.number = d;
      return p;
    }
}

/* Parsing. */

static gpointer
fail_value (Parser     *ps,
            const char *p,
            gboolean    after_comma)
{
  g_autofree char *found = NULL;

  g_assert (ps != NULL);

  if (p >= ps->end)
    return fail_found (ps, p, _("expected a value"));
  if (*p == '\0')
    return fail_nul (ps, p);

  found = describe_char (ps, p);
  if (found == NULL)
    return fail_invalid_utf8 (ps, p);

  if (after_comma && (*p == ']' || *p == '}'))
    return fail (ps, p, _("expected a value after “,”, found %s"), found);
  if (*p == '\'')
    return fail (ps, p, "%s", _("unexpected character “'”: strings take double quotes"));
  if (*p == '/')
    return fail (ps, p, "%s", _("unexpected character “/”: JSON has no comments"));

  /* Translators: %s is a character such as “x” or U+0000 */
  return fail (ps, p, _("unexpected character %s"), found);
}

static gboolean
push_frame (Parser     *ps,
            const char *bracket,
            guint8      type)
{
  Frame *frame;

  g_assert (ps != NULL);

  if (ps->depth >= ps->max_depth)
    {
      fail_with (ps, bracket, TIES_JSON_ERROR_DEPTH,
            g_dngettext (GETTEXT_PACKAGE,
                         "nesting deeper than %u level",
                         "nesting deeper than %u levels",
                         ps->max_depth),
            ps->max_depth);
      return FALSE;
    }

  if (G_UNLIKELY (ps->depth == ps->frames_size))
    {
      ps->frames_size = MAX (ps->frames_size * 2, 32);
      ps->frames = g_renew (Frame, ps->frames, ps->frames_size);
    }

  frame = &ps->frames[ps->depth++];
  frame->start = ps->scratch_length;
  frame->offset = (gsize) (bracket - ps->text);
  frame->count = 0;
  frame->type = type;

  return TRUE;
}

/* @name as a JSON string's contents, on one line and at most about 60
 * bytes long: it goes into paths and messages that are one line each, and
 * a name may be a megabyte long or hold line breaks and U+0000 (C0 80). */
static void
append_name_escaped (GString    *out,
                     const char *name)
{
  static const gsize max_shown = 60;
  gsize length = strlen (name);
  gsize shown = length;

  /* On a character's first byte: C0 80, a U+0000, is not cut in two. */
  if (length > max_shown)
    shown = (gsize) (g_utf8_find_prev_char (name, name + max_shown + 1) - name);

  for (const char *p = name; p < name + shown; p++)
    {
      if ((guchar) p[0] == 0xc0 && (guchar) p[1] == 0x80)
        {
          g_string_append (out, "\\u0000");
          p++;
        }
      else if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20 || *p == 0x7f)
        g_string_append_printf (out, "\\u%04X", (guint) (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  if (shown < length)
    g_string_append (out, "…");
}

/* A member named twice is read differently by different programs (the
 * first wins here, the last in Python): the document is ambiguous, and
 * says so rather than being read one way in silence. */
static gboolean
check_unique_names (Parser *ps)
{
  Frame *frame = &ps->frames[ps->depth - 1];
  const TiesJsonMember *members = (const TiesJsonMember *) (ps->scratch + frame->start);
  g_autoptr(GHashTable) seen = NULL;
  const char *twice = NULL;

  g_assert (frame->type == TIES_JSON_OBJECT);

  /* Objects in documents are small: pairwise is cheapest there. */
  if (frame->count <= 16)
    {
      for (guint i = 1; i < frame->count && twice == NULL; i++)
        for (guint j = 0; j < i && twice == NULL; j++)
          if (strcmp (members[i].name, members[j].name) == 0)
            twice = members[i].name;
    }
  else
    {
      seen = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < frame->count && twice == NULL; i++)
        if (!g_hash_table_add (seen, (gpointer) members[i].name))
          twice = members[i].name;
    }

  if (twice == NULL)
    return TRUE;

  {
    g_autoptr(GString) shown = g_string_new (NULL);

    append_name_escaped (shown, twice);
    fail_with (ps, twice - 1, TIES_JSON_ERROR_DUPLICATE,
               _("the member “%s” appears twice in this object"), shown->str);
    ps->error_at = AT_NAME;
    ps->error_name = twice;
  }

  return FALSE;
}

/* Closes the innermost container into @value. */
static void
pop_frame (Parser        *ps,
           TiesJsonValue *value)
{
  Frame *frame;
  gsize size;

  g_assert (ps != NULL);
  g_assert (ps->depth > 0);

  frame = &ps->frames[--ps->depth];
  size = ps->scratch_length - frame->start;

  value->type = frame->type;
  value->is_integer = FALSE;
  value->has_nul = FALSE;
  value->length = frame->count;
  value->offset = frame->offset;

  if (frame->count == 0)
    value->u.elements = NULL;
  else if (frame->type == TIES_JSON_ARRAY)
    {
      TiesJsonValue *elements = arena_alloc (ps->doc, size);

      memcpy (elements, ps->scratch + frame->start, size);
      value->u.elements = elements;
    }
  else
    {
      MembersHeader *header = arena_alloc (ps->doc, sizeof (MembersHeader) + size);

      header->text = ps->text;
      header->padding = NULL;
      memcpy (header + 1, ps->scratch + frame->start, size);
      value->u.members = (const TiesJsonMember *) (header + 1);
    }

  ps->scratch_length = frame->start;
}

static gboolean
parse (Parser *ps)
{
  const char *p;
  const char *end;
  TiesJsonValue v;
  gboolean after_comma = FALSE;
  gsize length;

  g_assert (ps != NULL);

  end = ps->end;
  p = skip_white (ps->start);
  if (p == end)
    {
      fail_with (ps, ps->text, TIES_JSON_ERROR_EMPTY, "%s",
                 ps->start == end ? _("the document is empty")
                                  : _("the document holds only white space"));
      return FALSE;
    }

value:
  switch (*p)
    {
    case '"':
      {
        const char *next = parse_string (ps, p, &length);

        if (next == NULL)
          return FALSE;
        if (G_UNLIKELY (length > G_MAXUINT32))
          {
            fail (ps, p, "%s", _("string too long"));
            return FALSE;
          }
        v.type = TIES_JSON_STRING;
        v.is_integer = FALSE;
        v.has_nul = ps->saw_nul;
        ps->saw_nul = FALSE;
        v.length = (guint32) length;
        v.offset = (gsize) (p - ps->text);
        v.u.string = p + 1;
        p = next;
      }
      break;

    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      p = parse_number (ps, p, &v);
      if (p == NULL)
        return FALSE;
      break;

    case 't':
    case 'f':
    case 'n':
      {
        static const char * const literals[] = { "true", "false", "null" };
        static const guint8 types[] = { TIES_JSON_TRUE, TIES_JSON_FALSE, TIES_JSON_NULL };
        guint i = *p == 't' ? 0 : *p == 'f' ? 1 : 2;
        gsize n = 4 + (i == 1);

        if (memcmp (p, literals[i], n) != 0)
          {
            fail (ps, p, "%s", _("invalid literal: expected “true”, “false” or “null”"));
            return FALSE;
          }
        v.type = types[i];
        v.is_integer = FALSE;
        v.has_nul = FALSE;
        v.length = 0;
        v.offset = (gsize) (p - ps->text);
        v.u.integer = 0;
        p += n;
      }
      break;

    case '[':
      if (!push_frame (ps, p, TIES_JSON_ARRAY))
        return FALSE;
      p = skip_white (p + 1);
      if (*p == ']')
        {
          pop_frame (ps, &v);
          p++;
          break;
        }
      after_comma = FALSE;
      goto value;

    case '{':
      if (!push_frame (ps, p, TIES_JSON_OBJECT))
        return FALSE;
      p = skip_white (p + 1);
      if (*p == '}')
        {
          pop_frame (ps, &v);
          p++;
          break;
        }
      goto member;

    default:
      fail_value (ps, p, after_comma);
      return FALSE;
    }

after_value:
  if (G_UNLIKELY (ps->depth == 0))
    goto done;

  {
    Frame *frame = &ps->frames[ps->depth - 1];

    if (G_UNLIKELY (frame->count == G_MAXUINT32))
      {
        fail (ps, ps->text + v.offset, "%s", _("too many elements"));
        return FALSE;
      }
    frame->count++;

    if (IS_WHITE (*p))
      p = skip_white (p);

    if (frame->type == TIES_JSON_ARRAY)
      {
        *(TiesJsonValue *) scratch_push (ps, sizeof (TiesJsonValue)) = v;

        if (G_LIKELY (*p == ','))
          {
            p = skip_white (p + 1);
            after_comma = TRUE;
            goto value;
          }
        if (*p == ']')
          {
            pop_frame (ps, &v);
            p++;
            goto after_value;
          }
        ps->error_at = AT_LAST_CHILD;
        fail_found (ps, p, _("expected “,” or “]” after an array element"));
        return FALSE;
      }
    else
      {
        ((TiesJsonMember *) (ps->scratch + ps->scratch_length) - 1)->value = v;

        if (G_LIKELY (*p == ','))
          {
            p = skip_white (p + 1);
            goto member;
          }
        if (*p == '}')
          {
            if (!check_unique_names (ps))
              return FALSE;
            pop_frame (ps, &v);
            p++;
            goto after_value;
          }
        ps->error_at = AT_LAST_CHILD;
        fail_found (ps, p, _("expected “,” or “}” after an object member"));
        return FALSE;
      }
  }

member:
  if (G_UNLIKELY (*p != '"'))
    {
      ps->error_at = AT_CONTAINER;
      fail_found (ps, p, _("expected a member name in double quotes"));
      return FALSE;
    }
  else
    {
      const char *next = parse_string (ps, p, &length);
      TiesJsonMember *member;

      if (next == NULL)
        {
          ps->error_at = AT_CONTAINER;
          return FALSE;
        }
      member = scratch_push (ps, sizeof (TiesJsonMember));
      member->name = p + 1;
      ps->saw_nul = FALSE;
      p = next;
      if (IS_WHITE (*p))
        p = skip_white (p);
      if (G_UNLIKELY (*p != ':'))
        {
          fail_found (ps, p, _("expected “:” after a member name"));
          return FALSE;
        }
      p = skip_white (p + 1);
      after_comma = FALSE;
      goto value;
    }

done:
  p = skip_white (p);
  if (p != end)
    {
      g_autofree char *found = NULL;

      if (*p == '\0')
        {
          fail_nul (ps, p);
          return FALSE;
        }
      found = describe_char (ps, p);
      if (found == NULL)
        fail_invalid_utf8 (ps, p);
      else
        /* Translators: %s is a character such as “}” */
        fail (ps, p, _("unexpected %s after the document"), found);
      return FALSE;
    }

  ps->doc->root = v;

  return TRUE;
}

/* Appends ".name", or ["name"] (escaped as in JSON) for a name that is
 * not a plain identifier; a long name is cut, since a path is part of a
 * message. */
static void
append_path_name (GString    *path,
                  const char *name)
{
  gboolean plain = g_ascii_isalpha (name[0]) || name[0] == '_';

  for (const char *p = name; *p != '\0' && plain; p++)
    plain = g_ascii_isalnum (*p) || *p == '_';

  if (plain && strlen (name) <= 60)
    {
      g_string_append_c (path, '.');
      g_string_append (path, name);
      return;
    }

  g_string_append (path, "[\"");
  append_name_escaped (path, name);
  g_string_append (path, "\"]");
}

/* The JSON path of the value named by ps->error_at, from the open
 * containers: an array's children so far are on the scratch stack, and an
 * object's too, each member from the moment its name is read. */
static char *
error_path (const Parser *ps)
{
  GString *path = g_string_new ("$");

  g_assert (ps != NULL);

  for (guint i = 0; i < ps->depth; i++)
    {
      const Frame *frame = &ps->frames[i];
      gboolean innermost = i + 1 == ps->depth;
      gsize end = innermost ? ps->scratch_length : ps->frames[i + 1].start;
      guint8 at = innermost ? ps->error_at : AT_CHILD;

      if (at == AT_CONTAINER)
        break;

      if (frame->type == TIES_JSON_ARRAY)
        {
          gsize n = (end - frame->start) / sizeof (TiesJsonValue);

          if (at == AT_LAST_CHILD && n > 0)
            n--;
          g_string_append_printf (path, "[%" G_GSIZE_FORMAT "]", n);
        }
      else
        {
          gsize n = (end - frame->start) / sizeof (TiesJsonMember);
          const TiesJsonMember *members = (const TiesJsonMember *) (ps->scratch + frame->start);

          if (at == AT_NAME)
            append_path_name (path, ps->error_name);
          else if (n > 0)
            append_path_name (path, members[n - 1].name);
        }
    }

  return g_string_free (path, FALSE);
}

void
ties_json_position_clear (TiesJsonPosition *position)
{
  g_return_if_fail (position != NULL);

  g_clear_pointer (&position->path, g_free);
}

TiesJsonDocument *
ties_json_document_parse (const char        *data,
                          gsize              length,
                          guint              max_depth,
                          TiesJsonPosition  *position,
                          GError           **error)
{
  g_autoptr(TiesJsonDocument) doc = NULL;
  Parser ps = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (length < G_MAXSIZE - PADDING, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = g_new0 (TiesJsonDocument, 1);
  doc->text = g_malloc (length + PADDING);
  if (length > 0)
    memcpy (doc->text, data, length);
  memset (doc->text + length, 0, PADDING);
  doc->chunk_size = CLAMP (length, MIN_CHUNK_SIZE, MAX_CHUNK_SIZE);

  ps.text = doc->text;
  ps.start = doc->text + ties_json_bom_length (data, length);
  ps.end = doc->text + length;
  ps.doc = doc;
  ps.max_depth = max_depth;

  ok = parse (&ps);

  if (!ok)
    {
      g_assert (ps.error_message != NULL);

      if (position != NULL)
        {
          position->offset = ps.error_offset;
          ties_json_offset_to_position (data, length, ps.error_offset,
                                        &position->line, &position->column);
          position->path = ps.error_code == TIES_JSON_ERROR_EMPTY ? NULL : error_path (&ps);
        }
      g_set_error_literal (error, TIES_JSON_ERROR, ps.error_code, ps.error_message);
      g_free (ps.error_message);
    }

  g_free (ps.scratch);
  g_free (ps.frames);

  if (!ok)
    return NULL;

  return g_steal_pointer (&doc);
}

void
ties_json_document_free (TiesJsonDocument *self)
{
  Chunk *chunk;

  if (self == NULL)
    return;

  chunk = self->chunks;
  while (chunk != NULL)
    {
      Chunk *next = chunk->next;

      g_free (chunk);
      chunk = next;
    }

  g_free (self->text);
  g_free (self);
}

const TiesJsonValue *
ties_json_document_get_root (const TiesJsonDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->root;
}

/* Values. */

TiesJsonType
ties_json_value_get_type (const TiesJsonValue *value)
{
  g_return_val_if_fail (value != NULL, TIES_JSON_NULL);

  return (TiesJsonType) value->type;
}

gsize
ties_json_value_get_offset (const TiesJsonValue *value)
{
  g_return_val_if_fail (value != NULL, 0);

  return value->offset;
}

const char *
ties_json_value_get_string (const TiesJsonValue *value)
{
  g_return_val_if_fail (value != NULL, NULL);
  g_return_val_if_fail (value->type == TIES_JSON_STRING, NULL);

  return value->u.string;
}

gboolean
ties_json_value_has_nul (const TiesJsonValue *value)
{
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (value->type == TIES_JSON_STRING, FALSE);

  return value->has_nul;
}

gsize
ties_json_value_get_string_length (const TiesJsonValue *value)
{
  g_return_val_if_fail (value != NULL, 0);
  g_return_val_if_fail (value->type == TIES_JSON_STRING, 0);

  return value->length;
}

const char *
ties_json_document_get_number_text (const TiesJsonDocument *self,
                                    const TiesJsonValue    *value,
                                    gsize                  *length)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);
  g_return_val_if_fail (value->type == TIES_JSON_NUMBER, NULL);
  g_return_val_if_fail (length != NULL, NULL);

  *length = value->length;

  return self->text + value->offset;
}

gboolean
ties_json_value_is_integer (const TiesJsonValue *value)
{
  g_return_val_if_fail (value != NULL, FALSE);

  return value->type == TIES_JSON_NUMBER && value->is_integer;
}

gint64
ties_json_value_get_int (const TiesJsonValue *value)
{
  double d;

  g_return_val_if_fail (value != NULL, 0);
  g_return_val_if_fail (value->type == TIES_JSON_NUMBER, 0);

  if (value->is_integer)
    return value->u.integer;

  /* A fraction is cut toward zero; what does not fit is clamped. */
  d = value->u.number;
  if (d >= 9223372036854775808.0)
    return G_MAXINT64;
  if (d <= -9223372036854775808.0)
    return G_MININT64;

  return (gint64) d;
}

double
ties_json_value_get_double (const TiesJsonValue *value)
{
  g_return_val_if_fail (value != NULL, 0.0);
  g_return_val_if_fail (value->type == TIES_JSON_NUMBER, 0.0);

  return value->is_integer ? (double) value->u.integer : value->u.number;
}

guint
ties_json_value_get_length (const TiesJsonValue *value)
{
  g_return_val_if_fail (value != NULL, 0);
  g_return_val_if_fail (value->type == TIES_JSON_ARRAY || value->type == TIES_JSON_OBJECT, 0);

  return value->length;
}

const TiesJsonValue *
ties_json_array_get (const TiesJsonValue *array,
                     guint                index)
{
  g_return_val_if_fail (array != NULL, NULL);
  g_return_val_if_fail (array->type == TIES_JSON_ARRAY, NULL);
  g_return_val_if_fail (index < array->length, NULL);

  return &array->u.elements[index];
}

const char *
ties_json_object_get_name (const TiesJsonValue *object,
                           guint                index)
{
  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (object->type == TIES_JSON_OBJECT, NULL);
  g_return_val_if_fail (index < object->length, NULL);

  return object->u.members[index].name;
}

gsize
ties_json_object_get_name_offset (const TiesJsonValue *object,
                                  guint                index)
{
  const MembersHeader *header;

  g_return_val_if_fail (object != NULL, 0);
  g_return_val_if_fail (object->type == TIES_JSON_OBJECT, 0);
  g_return_val_if_fail (index < object->length, 0);

  header = (const MembersHeader *) object->u.members - 1;

  /* The opening quote is just before the name. */
  return (gsize) (object->u.members[index].name - header->text) - 1;
}

const TiesJsonValue *
ties_json_object_get_value (const TiesJsonValue *object,
                            guint                index)
{
  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (object->type == TIES_JSON_OBJECT, NULL);
  g_return_val_if_fail (index < object->length, NULL);

  return &object->u.members[index].value;
}

const TiesJsonValue *
ties_json_object_lookup (const TiesJsonValue *object,
                         const char          *name)
{
  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (object->type == TIES_JSON_OBJECT, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  /* The first byte before the call: a document's loader asks every
   * record for each member it knows, most of them under other names. */
  for (guint i = 0; i < object->length; i++)
    if (object->u.members[i].name[0] == name[0] && strcmp (object->u.members[i].name, name) == 0)
      return &object->u.members[i].value;

  return NULL;
}

/* Writing back. */

typedef struct
{
  const TiesJsonValue *container;
  guint index;
} WriteFrame;

char *
ties_json_value_to_string (const TiesJsonDocument *document,
                           const TiesJsonValue    *value)
{
  g_autoptr(GString) out = NULL;
  g_autoptr(GArray) stack = NULL;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  out = g_string_new (NULL);
  stack = g_array_new (FALSE, FALSE, sizeof (WriteFrame));

  for (;;)
    {
      switch ((TiesJsonType) value->type)
        {
        case TIES_JSON_NULL:
          g_string_append_len (out, "null", 4);
          break;
        case TIES_JSON_FALSE:
          g_string_append_len (out, "false", 5);
          break;
        case TIES_JSON_TRUE:
          g_string_append_len (out, "true", 4);
          break;
        case TIES_JSON_NUMBER:
          g_string_append_len (out, document->text + value->offset, value->length);
          break;
        case TIES_JSON_STRING:
          ties_json_append_string (out, value->u.string);
          break;
        case TIES_JSON_ARRAY:
        case TIES_JSON_OBJECT:
          {
            gboolean is_array = value->type == TIES_JSON_ARRAY;
            WriteFrame frame = { value, 0 };

            g_string_append_c (out, is_array ? '[' : '{');
            if (value->length == 0)
              {
                g_string_append_c (out, is_array ? ']' : '}');
                break;
              }
            g_array_append_val (stack, frame);
            if (is_array)
              value = &value->u.elements[0];
            else
              {
                ties_json_append_string (out, value->u.members[0].name);
                g_string_append_c (out, ':');
                value = &value->u.members[0].value;
              }
            continue;
          }
        default:
          g_assert_not_reached ();
        }

      /* Done with @value: move on to its next sibling, closing containers. */
      while (stack->len > 0)
        {
          WriteFrame *top = &g_array_index (stack, WriteFrame, stack->len - 1);
          const TiesJsonValue *container = top->container;

          if (++top->index < container->length)
            {
              g_string_append_c (out, ',');
              if (container->type == TIES_JSON_ARRAY)
                value = &container->u.elements[top->index];
              else
                {
                  ties_json_append_string (out, container->u.members[top->index].name);
                  g_string_append_c (out, ':');
                  value = &container->u.members[top->index].value;
                }
              break;
            }

          g_string_append_c (out, container->type == TIES_JSON_ARRAY ? ']' : '}');
          g_array_set_size (stack, stack->len - 1);
        }

      if (stack->len == 0)
        break;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
