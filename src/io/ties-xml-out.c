/* ties-xml-out.c: the XML exports' writer
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ties-xml-out.h"

static char *
xml_safe (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

gboolean
_ties_xml_out_init (TiesXmlOut *out)
{
  g_assert (out != NULL);

  out->failed = FALSE;
  out->buffer = xmlBufferCreate ();
  out->writer = out->buffer != NULL ? xmlNewTextWriterMemory (out->buffer, 0) : NULL;
  if (out->writer == NULL)
    {
      g_clear_pointer (&out->buffer, xmlBufferFree);
      return FALSE;
    }

  xmlTextWriterSetIndent (out->writer, 1);
  xmlTextWriterSetIndentString (out->writer, BAD_CAST "  ");
  if (xmlTextWriterStartDocument (out->writer, "1.0", "UTF-8", NULL) < 0)
    out->failed = TRUE;

  return TRUE;
}

void
_ties_xml_out_start (TiesXmlOut *out,
                     const char *element)
{
  if (!out->failed && xmlTextWriterStartElement (out->writer, BAD_CAST element) < 0)
    out->failed = TRUE;
}

void
_ties_xml_out_end (TiesXmlOut *out)
{
  if (!out->failed && xmlTextWriterEndElement (out->writer) < 0)
    out->failed = TRUE;
}

void
_ties_xml_out_attribute (TiesXmlOut *out,
                         const char *name,
                         const char *value)
{
  g_autofree char *safe = NULL;

  if (out->failed)
    return;

  safe = xml_safe (value);
  if (xmlTextWriterWriteAttribute (out->writer, BAD_CAST name, BAD_CAST safe) < 0)
    out->failed = TRUE;
}

void
_ties_xml_out_text (TiesXmlOut *out,
                    const char *text)
{
  g_autofree char *safe = NULL;

  if (out->failed)
    return;

  safe = xml_safe (text);
  if (xmlTextWriterWriteString (out->writer, BAD_CAST safe) < 0)
    out->failed = TRUE;
}

GBytes *
_ties_xml_out_finish (TiesXmlOut *out)
{
  GBytes *bytes = NULL;

  g_assert (out->writer != NULL);

  if (!out->failed && xmlTextWriterEndDocument (out->writer) < 0)
    out->failed = TRUE;
  g_clear_pointer (&out->writer, xmlFreeTextWriter);

  if (!out->failed)
    bytes = g_bytes_new (xmlBufferContent (out->buffer), xmlBufferLength (out->buffer));
  g_clear_pointer (&out->buffer, xmlBufferFree);

  return bytes;
}
