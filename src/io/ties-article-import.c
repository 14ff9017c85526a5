/* ties-article-import.c: articles (.txt, .md, .html, pasted text) as sources
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Over 1,000 lines: decoding and Markdown each have a seam here
 * (decode(), markdown_to_text()) along which it can split when one of
 * them grows; today they share the text cleaning. HTML has split off
 * already: reading it needs libxml2, which the command loads only to
 * import a page (ties-article-html.c, ties-xml-readers.h).
 *
 * Evidence offsets count code points of a source's text, so the text an
 * import makes must be the text the researcher reads, stable and plain:
 * one paragraph (or heading, list item, caption) a line, as the sample
 * source is, NFC-normalised, without the page's scripts, navigation and
 * other furniture.
 *
 * Markdown is reduced to its words, simply, not by a full CommonMark
 * parser: "#" of headings, ">" of quotes, bullets, emphasis and code
 * markers, link targets ("[words](url)" gives "words"), images and
 * reference definitions go; fenced code keeps its lines as they are;
 * the lines of a paragraph are joined into one.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ties-article-import-private.h"
#include "ties-date.h"
#include "ties-xml-readers.h"

G_DEFINE_QUARK (ties-article-import-error-quark, ties_article_import_error)

/* A title is a line of a list, not a paragraph. */
#define MAX_TITLE_LENGTH 200

/* Ids are made of at most this many characters of the title. */
#define MAX_ID_WORDS_LENGTH 48

/* More control characters than this (per thousand characters) and the
 * "text" is some binary format that happens to hold no NUL byte. */
#define MAX_CONTROLS_PER_MILLE 10

typedef enum {
  KIND_TEXT,
  KIND_MARKDOWN,
  KIND_HTML,
} ArticleKind;

static void import_error (GError   **error,
                          int        code,
                          const char *format,
                          ...) G_GNUC_PRINTF (3, 4);

static void
import_error (GError    **error,
              int         code,
              const char *format,
              ...)
{
  va_list args;

  if (error == NULL)
    return;
  g_return_if_fail (*error == NULL);

  va_start (args, format);
  *error = g_error_new_valist (TIES_ARTICLE_IMPORT_ERROR, code, format, args);
  va_end (args);
}

/* "“article.html”" in messages. */
static char *
describe (const char *name)
{
  /* Translators: a file named in a message, quoted as your language
   * quotes; %s is its name or path. */
  return g_strdup_printf (_("“%s”"), name);
}

/* @text with every run of whitespace one space, trimmed. */
static char *
collapse_spaces (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (_ties_article_is_space (*p))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* Metadata as the source keeps it: one line, NFC, NULL when empty. */
char *
_ties_article_clean_field (const char *text)
{
  g_autofree char *line = NULL;

  if (text == NULL)
    return NULL;

  line = collapse_spaces (text);
  if (*line == '\0')
    return NULL;

  return g_utf8_normalize (line, -1, G_NORMALIZE_NFC);
}

/* At most MAX_TITLE_LENGTH characters, cut between words where it can. */
char *
_ties_article_clip_title (const char *title)
{
  const char *end;
  const char *space = NULL;

  if (g_utf8_strlen (title, -1) <= MAX_TITLE_LENGTH)
    return g_strdup (title);

  end = g_utf8_offset_to_pointer (title, MAX_TITLE_LENGTH - 1);
  for (const char *p = end; p > title + (end - title) / 2; p--)
    if (*p == ' ')
      {
        space = p;
        break;
      }
  if (space != NULL)
    end = space;

  return g_strdup_printf ("%.*s…", (int) (end - title), title);
}

/* The first line of @text with something on it. */
char *
_ties_article_first_line (const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *end = strchr (p, '\n');
      g_autofree char *line = g_strndup (p, end != NULL ? (gsize) (end - p) : strlen (p));

      g_strstrip (line);
      if (*line != '\0')
        return _ties_article_clip_title (line);
      if (end == NULL)
        break;
      p = end + 1;
    }

  return NULL;
}

/* "2019-09-06T05:00:00+12:00" → "2019-09-06": the day as the publisher
 * wrote it, in its own time zone. NULL unless a valid EDTF date results. */
char *
_ties_article_date_to_edtf (const char *value)
{
  g_autoptr(TiesDate) date = NULL;
  g_autofree char *text = NULL;
  gsize n = 0;

  if (value == NULL)
    return NULL;

  text = g_strstrip (g_strdup (value));
  while (g_ascii_isdigit (text[n]) && n < 4)
    n++;
  if (n != 4)
    return NULL;
  for (guint part = 0; part < 2 && text[n] == '-' && g_ascii_isdigit (text[n + 1]) && g_ascii_isdigit (text[n + 2]); part++)
    n += 3;
  if (text[n] != '\0' && text[n] != 'T' && text[n] != 't' && text[n] != ' ')
    return NULL;
  text[n] = '\0';

  date = ties_date_parse (text, NULL, NULL);
  if (date == NULL)
    return NULL;

  return g_steal_pointer (&text);
}

char *
_ties_article_today_edtf (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Decoding */

/* A label as a page gives it, as browsers read it: pages that say
 * ISO-8859-1 or ASCII are in fact written in windows-1252 (curly quotes
 * in 0x91–0x94), which is a superset. */
static char *
canonical_charset (const char *label)
{
  g_autofree char *lower = g_ascii_strdown (label, -1);
  static const char * const windows_1252[] = {
    "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1",
    "us-ascii", "ascii", "cp1252", "windows-1252", "x-cp1252", NULL
  };

  if (g_strv_contains (windows_1252, lower))
    return g_strdup ("WINDOWS-1252");
  if (g_str_equal (lower, "utf8") || g_str_equal (lower, "utf-8"))
    return g_strdup ("UTF-8");

  return g_ascii_strup (label, -1);
}

/* The value after "charset=" or "encoding=" at @p, if any. */
static char *
read_charset_value (const char *p,
                    const char *end)
{
  const char *start;

  while (p < end && (_ties_article_is_space (*p) || *p == '=' || *p == '"' || *p == '\''))
    p++;
  start = p;
  while (p < end && (g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.' || *p == ':'))
    p++;
  if (p == start)
    return NULL;

  return g_strndup (start, p - start);
}

/* The encoding a page declares in its first bytes: an XML declaration,
 * <meta charset> or <meta http-equiv="Content-Type" content="…; charset=…">,
 * as a browser's prescan finds it. */
static char *
sniff_html_charset (const char *data,
                    gsize       length)
{
  g_autofree char *head = g_ascii_strdown (data, MIN (length, 8192));
  const char *end = head + strlen (head);
  const char *p = head;

  if (g_str_has_prefix (head, "<?xml"))
    {
      const char *close = strstr (head, "?>");
      const char *encoding = strstr (head, "encoding");

      if (close != NULL && encoding != NULL && encoding < close)
        return read_charset_value (encoding + strlen ("encoding"), close);
    }

  while ((p = strstr (p, "<meta")) != NULL)
    {
      const char *close = strchr (p, '>');
      const char *charset;

      if (close == NULL)
        close = end;
      charset = g_strstr_len (p, close - p, "charset");
      if (charset != NULL)
        {
          char *value = read_charset_value (charset + strlen ("charset"), close);

          if (value != NULL)
            return value;
        }
      p = close;
    }

  return NULL;
}

/* @data as UTF-8, without a byte-order mark: in the encoding the BOM or
 * the page (@declared) says, else UTF-8, the locale's, or windows-1252. */
static char *
decode (const char  *data,
        gsize        length,
        const char  *declared,
        const char  *what,
        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *charset = NULL;
  const char *locale_charset = NULL;
  char *utf8;

  /* A byte-order mark outranks what the page says, as in browsers. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
      charset = g_strdup ("UTF-8");
    }
  else if (length >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      const char *utf16 = data[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
      gsize written = 0;

      utf8 = g_convert (data + 2, length - 2, "UTF-8", utf16, NULL, &written, NULL);
      if (utf8 == NULL || memchr (utf8, '\0', written) != NULL)
        {
          g_free (utf8);
          import_error (error, TIES_ARTICLE_IMPORT_ERROR_ENCODING,
                        _("%s cannot be read as %s, which its first bytes announce"), what, utf16);
          return NULL;
        }
      return utf8;
    }
  else if (declared != NULL)
    {
      charset = canonical_charset (declared);
    }

  if (memchr (data, '\0', length) != NULL)
    {
      import_error (error, TIES_ARTICLE_IMPORT_ERROR_NOT_TEXT,
                    _("%s is not text: it holds binary data"), what);
      return NULL;
    }

  if (charset != NULL)
    {
      if (g_str_equal (charset, "UTF-8"))
        {
          if (g_utf8_validate_len (data, length, NULL))
            return g_strndup (data, length);
          import_error (error, TIES_ARTICLE_IMPORT_ERROR_ENCODING,
                        _("%s cannot be read as %s, the encoding it declares"), what, "UTF-8");
          return NULL;
        }

      utf8 = g_convert (data, length, "UTF-8", charset, NULL, NULL, &local_error);
      if (utf8 != NULL)
        return utf8;
      if (g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
        import_error (error, TIES_ARTICLE_IMPORT_ERROR_ENCODING,
                      _("%s is in the encoding “%s”, which Ties does not know"), what, declared);
      else
        import_error (error, TIES_ARTICLE_IMPORT_ERROR_ENCODING,
                      _("%s cannot be read as %s, the encoding it declares"), what, charset);
      return NULL;
    }

  if (g_utf8_validate_len (data, length, NULL))
    return g_strndup (data, length);

  if (!g_get_charset (&locale_charset))
    {
      utf8 = g_convert (data, length, "UTF-8", locale_charset, NULL, NULL, NULL);
      if (utf8 != NULL)
        return utf8;
    }

  /* What text from Windows mostly is; it refuses only five bytes. */
  utf8 = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
  if (utf8 != NULL)
    return utf8;

  import_error (error, TIES_ARTICLE_IMPORT_ERROR_NOT_TEXT,
                _("%s is not text: it is neither UTF-8 nor in any encoding Ties knows"), what);
  return NULL;
}

/* Refuses binary formats that hold no NUL byte by their control
 * characters, then makes every line end "\n" and drops the other
 * controls, which no article means. */
static char *
clean_controls (const char  *text,
                const char  *what,
                GError     **error)
{
  GString *out = g_string_sized_new (strlen (text));
  gsize n_chars = 0;
  gsize n_controls = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      if ((c & 0xC0) != 0x80)
        n_chars++;
      if (c == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else if ((c < 0x20 && c != '\n' && c != '\t' && c != '\f') || c == 0x7F)
        n_controls++;
      else
        g_string_append_c (out, c);
    }

  if (n_controls * 1000 > n_chars * MAX_CONTROLS_PER_MILLE)
    {
      g_string_free (out, TRUE);
      import_error (error, TIES_ARTICLE_IMPORT_ERROR_NOT_TEXT,
                    _("%s is not text: it holds binary data"), what);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

/* @text, NFC, without leading and trailing whitespace; NULL (and
 * NO_ARTICLE) when nothing is left to read. */
char *
_ties_article_finish_text (char        *text,
                           const char  *what,
                           GError     **error)
{
  g_autofree char *owned = text;
  gboolean readable = FALSE;

  g_strstrip (owned);
  for (const char *p = owned; *p != '\0' && !readable; p = g_utf8_next_char (p))
    readable = g_unichar_isalnum (g_utf8_get_char (p));

  if (!readable)
    {
      import_error (error, TIES_ARTICLE_IMPORT_ERROR_NO_ARTICLE,
                    _("%s has no readable article text"), what);
      return NULL;
    }

  return g_utf8_normalize (owned, -1, G_NORMALIZE_NFC);
}

/* Markdown */

static void md_inline (GString    *out,
                       const char *s,
                       gsize       length);

static inline gboolean
is_word_char (const char *s,
              gsize       length,
              gssize      i)
{
  if (i < 0 || (gsize) i >= length)
    return FALSE;

  return g_ascii_isalnum (s[i]) || (guchar) s[i] >= 0x80;
}

static gsize
run_length (const char *s,
            gsize       length,
            gsize       i)
{
  gsize n = 0;

  while (i + n < length && s[i + n] == s[i])
    n++;

  return n;
}

/* The position of the bracket that closes the one at @open, or -1. */
static gssize
matching (const char *s,
          gsize       length,
          gsize       open,
          char        closer)
{
  char opener = s[open];
  int depth = 0;

  for (gsize i = open; i < length; i++)
    {
      if (s[i] == '\\' && i + 1 < length)
        i++;
      else if (s[i] == opener)
        depth++;
      else if (s[i] == closer && --depth == 0)
        return i;
    }

  return -1;
}

/* After "[words]" at @close: "(url)" or "[ref]"; where it ends, or -1. */
static gssize
link_target_end (const char *s,
                 gsize       length,
                 gsize       close)
{
  if (close + 1 >= length)
    return -1;
  if (s[close + 1] == '(')
    return matching (s, length, close + 1, ')');
  if (s[close + 1] == '[')
    return matching (s, length, close + 1, ']');

  return -1;
}

static void
md_inline (GString    *out,
           const char *s,
           gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      char c = s[i];

      if (c == '\\' && i + 1 < length && g_ascii_ispunct (s[i + 1]))
        {
          g_string_append_c (out, s[++i]);
        }
      else if (c == '`')
        {
          gsize n = run_length (s, length, i);
          gsize j;

          /* Code keeps its characters; only the backticks go. */
          for (j = i + n; j < length; j++)
            if (s[j] == '`')
              {
                gsize m = run_length (s, length, j);

                if (m == n)
                  break;
                j += m - 1;
              }
          if (j < length)
            {
              g_string_append_len (out, s + i + n, j - i - n);
              i = j + n - 1;
            }
          else
            {
              g_string_append_len (out, s + i, n);
              i += n - 1;
            }
        }
      else if (c == '!' && i + 1 < length && s[i + 1] == '[')
        {
          gssize close = matching (s, length, i + 1, ']');
          gssize end = close >= 0 ? link_target_end (s, length, close) : -1;

          /* Images are not words: dropped with their alt text. */
          if (end >= 0)
            i = end;
          else
            g_string_append_c (out, c);
        }
      else if (c == '[')
        {
          gssize close = matching (s, length, i, ']');
          gssize end = close >= 0 ? link_target_end (s, length, close) : -1;

          if (end >= 0)
            {
              md_inline (out, s + i + 1, close - i - 1);
              i = end;
            }
          else
            {
              g_string_append_c (out, c);
            }
        }
      else if (c == '<' && (g_str_has_prefix (s + i, "<http://") || g_str_has_prefix (s + i, "<https://")
                            || g_str_has_prefix (s + i, "<mailto:")))
        {
          const char *close = memchr (s + i, '>', length - i);

          if (close != NULL)
            {
              g_string_append_len (out, s + i + 1, close - (s + i) - 1);
              i = close - s;
            }
          else
            {
              g_string_append_c (out, c);
            }
        }
      else if (c == '*' || c == '_' || c == '~')
        {
          gsize n = run_length (s, length, i);
          gboolean opens = i + n < length && !_ties_article_is_space (s[i + n])
                           && !(is_word_char (s, length, i - 1) && c != '~');
          gsize j;

          if (!opens || (c == '~' && n != 2) || n > 3)
            {
              g_string_append_len (out, s + i, n);
              i += n - 1;
              continue;
            }

          /* Emphasis only where the same run closes it; a lone "*" or
           * a snake_case word keeps its characters. */
          for (j = i + n; j < length; j++)
            if (s[j] == c)
              {
                gsize m = run_length (s, length, j);

                if (m == n && !_ties_article_is_space (s[j - 1]) && !(c != '~' && is_word_char (s, length, j + m)))
                  break;
                j += m - 1;
              }
          if (j < length)
            {
              md_inline (out, s + i + n, j - i - n);
              i = j + n - 1;
            }
          else
            {
              g_string_append_len (out, s + i, n);
              i += n - 1;
            }
        }
      else
        {
          g_string_append_c (out, c);
        }
    }
}

typedef struct
{
  GString *out;
  GString *paragraph;
} MarkdownState;

static void
md_emit (MarkdownState *state,
         const char    *line,
         gsize          length,
         gboolean       verbatim)
{
  g_autoptr(GString) words = g_string_new (NULL);
  g_autofree char *collapsed = NULL;

  if (verbatim)
    {
      g_string_append_len (state->out, line, length);
      g_string_append_c (state->out, '\n');
      return;
    }

  md_inline (words, line, length);
  collapsed = collapse_spaces (words->str);
  if (*collapsed == '\0')
    return;
  g_string_append (state->out, collapsed);
  g_string_append_c (state->out, '\n');
}

static void
md_flush (MarkdownState *state)
{
  if (state->paragraph->len > 0)
    md_emit (state, state->paragraph->str, state->paragraph->len, FALSE);
  g_string_truncate (state->paragraph, 0);
}

/* A line of three or more of one of "-*_" (spaces between allowed), or
 * of "=": a rule or a heading's underline. */
static gboolean
is_rule (const char *line,
         char        c,
         guint       min)
{
  guint n = 0;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (*p == c)
        n++;
      else if (!_ties_article_is_space (*p))
        return FALSE;
    }

  return n >= min;
}

static char *
markdown_to_text (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  MarkdownState state = { g_string_new (NULL), g_string_new (NULL) };
  char fence = 0;
  gsize fence_length = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      char *p = lines[i];
      gsize indent = 0;

      while (*p == ' ' && indent < 4)
        p++, indent++;

      if (fence != 0)
        {
          if (indent < 4 && *p == fence && run_length (p, strlen (p), 0) >= fence_length
              && is_rule (p, fence, fence_length))
            fence = 0;
          else
            md_emit (&state, line, strlen (line), TRUE);
          continue;
        }

      if (indent < 4 && (g_str_has_prefix (p, "```") || g_str_has_prefix (p, "~~~")))
        {
          md_flush (&state);
          fence = *p;
          fence_length = run_length (p, strlen (p), 0);
          continue;
        }

      /* Quotes: their words stay, the markers go. */
      while (indent < 4 && *p == '>')
        {
          p++;
          while (*p == ' ')
            p++;
        }

      if (*g_strchug (p) == '\0')
        {
          md_flush (&state);
          continue;
        }

      /* A reference definition "[id]: url" holds no words. */
      if (*p == '[')
        {
          gssize close = matching (p, strlen (p), 0, ']');

          if (close > 0 && p[close + 1] == ':')
            {
              md_flush (&state);
              continue;
            }
        }

      /* Setext underline: the paragraph above was a heading. */
      if (state.paragraph->len > 0 && (is_rule (p, '=', 1) || is_rule (p, '-', 2)))
        {
          md_flush (&state);
          continue;
        }
      if (is_rule (p, '-', 3) || is_rule (p, '*', 3) || is_rule (p, '_', 3))
        {
          md_flush (&state);
          continue;
        }

      if (*p == '#')
        {
          gsize hashes = run_length (p, strlen (p), 0);

          if (hashes <= 6 && (p[hashes] == '\0' || _ties_article_is_space (p[hashes])))
            {
              g_autofree char *heading = g_strstrip (g_strdup (p + hashes));
              gsize n = strlen (heading);

              /* "## Title ##": the closing hashes go too. */
              while (n > 0 && heading[n - 1] == '#')
                n--;
              if (n == 0 || _ties_article_is_space (heading[n - 1]) || n == strlen (heading))
                heading[n] = '\0';
              md_flush (&state);
              md_emit (&state, heading, strlen (heading), FALSE);
              continue;
            }
        }

      /* A bullet is not a word; each item is a line of its own. */
      if ((*p == '-' || *p == '*' || *p == '+') && _ties_article_is_space (p[1]))
        {
          md_flush (&state);
          p += 2;
        }
      else if (g_ascii_isdigit (*p))
        {
          const char *q = p;

          while (g_ascii_isdigit (*q))
            q++;
          if ((*q == '.' || *q == ')') && _ties_article_is_space (q[1]))
            md_flush (&state);
        }

      if (state.paragraph->len > 0)
        g_string_append_c (state.paragraph, ' ');
      g_string_append (state.paragraph, p);

      /* A hard line break: two trailing spaces or a backslash. */
      if (g_str_has_suffix (line, "  ") || g_str_has_suffix (line, "\\"))
        {
          if (state.paragraph->str[state.paragraph->len - 1] == '\\')
            g_string_truncate (state.paragraph, state.paragraph->len - 1);
          md_flush (&state);
        }
    }
  md_flush (&state);

  g_string_free (state.paragraph, TRUE);
  return g_string_free (state.out, FALSE);
}

/* HTML: whether text is, here; reading it, in ties-article-html.c. */

static gboolean
looks_like_html (const char *text)
{
  static const char * const starts[] = {
    "<!doctype html", "<html", "<head", "<body", "<meta", "<!--", "<?xml", "<article", "<main",
    "<section", "<div", "<p>", "<p ", "<h1", "<h2", "<h3", "<h4", "<h5", "<h6", "<span", "<table",
    "<ul", "<ol", "<blockquote", "<title", "<b>", "<i>", "<em>", "<strong>", "<a ", "<br", NULL
  };
  g_autofree char *start = NULL;
  const char *p = text;

  while (_ties_article_is_space (*p))
    p++;
  start = g_ascii_strdown (p, MIN (strlen (p), 16));
  for (guint i = 0; starts[i] != NULL; i++)
    if (g_str_has_prefix (start, starts[i]))
      return TRUE;

  return FALSE;
}

/* Spaces at the ends of lines are nobody's words, and would only make
 * a quote at the end of a line harder to select exactly. */
static char *
strip_line_ends (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t')
        {
          const char *q = p;

          while (*q == ' ' || *q == '\t')
            q++;
          if (*q == '\n' || *q == '\0')
            {
              p = q - 1;
              continue;
            }
        }
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static TiesSource *
source_from_plain (const char  *clean,
                   ArticleKind  kind,
                   const char  *what,
                   GError     **error)
{
  g_autoptr(TiesSource) source = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *retrieved = _ties_article_today_edtf ();

  text = _ties_article_finish_text (kind == KIND_MARKDOWN ? markdown_to_text (clean) : strip_line_ends (clean), what, error);
  if (text == NULL)
    return NULL;
  title = _ties_article_first_line (text);

  source = g_object_new (TIES_TYPE_SOURCE, NULL);
  ties_source_set_title (source, title != NULL ? title : "");
  ties_source_set_publisher (source, "");
  ties_source_set_author (source, "");
  ties_source_set_url (source, "");
  ties_source_set_published (source, NULL);
  ties_source_set_retrieved (source, retrieved);
  ties_source_set_notes (source, "");
  ties_source_set_text (source, text);

  return g_steal_pointer (&source);
}

/* Decoded, cleaned UTF-8 of any kind to a source. */
static TiesSource *
source_from_utf8 (const char  *utf8,
                  ArticleKind  kind,
                  const char  *what,
                  GError     **error)
{
  g_autofree char *clean = clean_controls (utf8, what, error);

  if (clean == NULL)
    return NULL;
  if (kind == KIND_HTML)
    {
      const TiesXmlReaders *readers = _ties_xml_readers_get (error);

      return readers != NULL ? readers->read_article_html (clean, what, error) : NULL;
    }

  return source_from_plain (clean, kind, what, error);
}

/* The kind @name's extension says; else what the content looks like. */
/* What a name says of an article, before its content is looked at. */
static const struct { const char *extension; ArticleKind kind; } known_extensions[] = {
  { "txt", KIND_TEXT }, { "text", KIND_TEXT },
  { "md", KIND_MARKDOWN }, { "markdown", KIND_MARKDOWN },
  { "html", KIND_HTML }, { "htm", KIND_HTML }, { "xhtml", KIND_HTML },
};

gboolean
ties_article_import_is_article_name (const char *name)
{
  const char *dot;

  g_return_val_if_fail (name != NULL, FALSE);

  dot = strrchr (name, '.');
  if (dot == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (known_extensions); i++)
    if (g_ascii_strcasecmp (dot + 1, known_extensions[i].extension) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
article_kind (const char   *name,
              const char   *data,
              gsize         length,
              ArticleKind  *kind)
{
  const char *dot = name != NULL ? strrchr (name, '.') : NULL;
  g_autofree char *extension = dot != NULL ? g_ascii_strdown (dot + 1, -1) : NULL;
  g_autofree char *start = g_strndup (data, MIN (length, 4096));
  g_autofree char *content_type = NULL;

  if (extension != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (known_extensions); i++)
        if (g_str_equal (extension, known_extensions[i].extension))
          {
            *kind = known_extensions[i].kind;
            return TRUE;
          }

      /* Another name: only what is plainly text or HTML. */
      content_type = g_content_type_guess (name, (const guchar *) data, MIN (length, 4096), NULL);
      if (!g_content_type_is_a (content_type, "text/plain")
          && !g_content_type_is_a (content_type, "text/html")
          && !g_content_type_is_a (content_type, "application/xhtml+xml"))
        return FALSE;
    }

  *kind = looks_like_html (start) ? KIND_HTML : KIND_TEXT;
  return TRUE;
}

static TiesSource *
import_data (const char  *data,
             gsize        length,
             const char  *name,
             const char  *what,
             GError     **error)
{
  g_autofree char *declared = NULL;
  g_autofree char *utf8 = NULL;
  g_autofree char *size = NULL;
  g_autofree char *limit = NULL;
  ArticleKind kind;

  if (length > TIES_ARTICLE_IMPORT_MAX_SIZE)
    {
      size = g_format_size (length);
      limit = g_format_size (TIES_ARTICLE_IMPORT_MAX_SIZE);
      import_error (error, TIES_ARTICLE_IMPORT_ERROR_TOO_LARGE,
                    _("%s is too large to import (%s); Ties imports articles of up to %s"), what, size, limit);
      return NULL;
    }

  /* Binary data says so before its name is looked at: "not text" helps
   * more than "not a .txt, .md or .html file" for a picture. */
  if (memchr (data, '\0', length) != NULL
      && !(length >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0)))
    {
      import_error (error, TIES_ARTICLE_IMPORT_ERROR_NOT_TEXT,
                    _("%s is not text: it holds binary data"), what);
      return NULL;
    }

  if (!article_kind (name, data, length, &kind))
    {
      import_error (error, TIES_ARTICLE_IMPORT_ERROR_UNSUPPORTED,
                    _("%s is not an article Ties can import: it takes .txt, .md and .html files"), what);
      return NULL;
    }

  if (kind == KIND_HTML)
    declared = sniff_html_charset (data, length);
  utf8 = decode (data, length, declared, what, error);
  if (utf8 == NULL)
    return NULL;

  /* A UTF-16 file sniffed as text may turn out to be HTML. */
  if (kind == KIND_TEXT && (name == NULL || strrchr (name, '.') == NULL) && looks_like_html (utf8))
    kind = KIND_HTML;

  return source_from_utf8 (utf8, kind, what, error);
}

TiesSource *
ties_article_import_bytes (GBytes      *bytes,
                           const char  *name,
                           GError     **error)
{
  g_autofree char *what = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  what = name != NULL ? describe (name) : g_strdup (_("The article"));

  return import_data (data != NULL ? data : "", length, name, what, error);
}

TiesSource *
ties_article_import_text (const char  *text,
                          GError     **error)
{
  g_autofree char *what = g_strdup (_("The pasted text"));
  gsize length;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The clipboard is no smaller a door than a file. */
  length = strlen (text);
  if (length > TIES_ARTICLE_IMPORT_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (TIES_ARTICLE_IMPORT_MAX_SIZE);

      import_error (error, TIES_ARTICLE_IMPORT_ERROR_TOO_LARGE,
                    _("%s is too large to import (%s); Ties imports articles of up to %s"), what, size, limit);
      return NULL;
    }

  if (!g_utf8_validate (text, length, NULL))
    {
      import_error (error, TIES_ARTICLE_IMPORT_ERROR_ENCODING,
                    _("%s is not valid UTF-8"), what);
      return NULL;
    }

  return source_from_utf8 (text, looks_like_html (text) ? KIND_HTML : KIND_TEXT, what, error);
}

TiesSource *
ties_article_import_file (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  g_autofree char *parse_name = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *what = NULL;
  goffset size;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  parse_name = g_file_get_parse_name (file);
  basename = g_file_get_basename (file);
  what = describe (parse_name);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      import_error (error, TIES_ARTICLE_IMPORT_ERROR_UNSUPPORTED,
                    _("%s is not a regular file"), what);
      return NULL;
    }

  /* Refused before a byte is read: a file of gigabytes costs no time. */
  size = g_file_info_get_size (info);
  if ((guint64) size > TIES_ARTICLE_IMPORT_MAX_SIZE)
    {
      g_autofree char *size_text = g_format_size (size);
      g_autofree char *limit = g_format_size (TIES_ARTICLE_IMPORT_MAX_SIZE);

      import_error (error, TIES_ARTICLE_IMPORT_ERROR_TOO_LARGE,
                    _("%s is too large to import (%s); Ties imports articles of up to %s"), what, size_text, limit);
      return NULL;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  /* Read no more than the limit and a byte, should the file have grown. */
  buffer = g_byte_array_sized_new (size + 1);
  for (;;)
    {
      guint8 chunk[65536];
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk, cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_byte_array_append (buffer, chunk, n);
      if (buffer->len > TIES_ARTICLE_IMPORT_MAX_SIZE)
        break;
    }
  if (!g_input_stream_close (G_INPUT_STREAM (stream), cancellable, error))
    return NULL;

  return import_data ((const char *) buffer->data, buffer->len, basename, what, error);
}

static void
import_file_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GError *error = NULL;
  TiesSource *source;

  source = ties_article_import_file (G_FILE (source_object), cancellable, &error);
  if (source == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, source, g_object_unref);
}

void
ties_article_import_file_async (GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, ties_article_import_file_async);
  g_task_run_in_thread (task, import_file_thread);
}

TiesSource *
ties_article_import_file_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ties_article_import_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
ties_article_import_add (TiesDocument *document,
                         TiesSource   *source)
{
  g_autofree char *id = NULL;
  g_autofree char *short_title = NULL;
  const char *title;

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (TIES_IS_SOURCE (source), NULL);

  title = ties_source_get_title (source);
  if (title == NULL || *title == '\0')
    title = "source";

  /* The title's first words: an id is typed in scripts and read in
   * files, and ids have a length limit that a long title would pass. */
  if (g_utf8_strlen (title, -1) > MAX_ID_WORDS_LENGTH)
    {
      const char *end = g_utf8_offset_to_pointer (title, MAX_ID_WORDS_LENGTH);
      const char *space = end;

      while (space > title && *space != ' ')
        space--;
      short_title = g_strndup (title, (space > title ? space : end) - title);
      title = short_title;
    }
  id = ties_document_make_id (document, title);

  /* The source is not in the document yet: its id is no edit of it. */
  ties_source_set_id (source, id);
  ties_document_add_source (document, source);

  return ties_source_get_id (source);
}
