/* ties-json-scan.c: source positions in JSON documents
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ties-json-scan.h"

#define BOM "\xEF\xBB\xBF"
#define BOM_LENGTH 3

gsize
ties_json_bom_length (const char *data,
                      gsize       length)
{
  g_return_val_if_fail (data != NULL || length == 0, 0);

  if (length >= BOM_LENGTH && memcmp (data, BOM, BOM_LENGTH) == 0)
    return BOM_LENGTH;

  return 0;
}

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

  bom = ties_json_bom_length (data, length);
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
