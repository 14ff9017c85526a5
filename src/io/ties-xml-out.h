/* ties-xml-out.h: the XML exports' writer
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/xmlwriter.h>

G_BEGIN_DECLS

/* libxml2's text writer into memory, indented, that remembers the first
 * failure instead of making every call check (the calls after it do
 * nothing), and writes what XML 1.0 cannot hold (C0 controls but tab,
 * line feed and carriage return; U+FFFE and U+FFFF: a JSON string can)
 * as U+FFFD, so that the file always parses. */
typedef struct
{
  xmlBufferPtr buffer;
  xmlTextWriterPtr writer;
  gboolean failed;
} TiesXmlOut;

/* Starts the document (XML 1.0, UTF-8); FALSE if it could not. */
gboolean  _ties_xml_out_init      (TiesXmlOut *out);
void      _ties_xml_out_start     (TiesXmlOut *out,
                                   const char *element);
void      _ties_xml_out_end       (TiesXmlOut *out);
void      _ties_xml_out_attribute (TiesXmlOut *out,
                                   const char *name,
                                   const char *value);
void      _ties_xml_out_text      (TiesXmlOut *out,
                                   const char *text);
/* Ends the document and frees the writer: its bytes, or NULL if any
 * call failed. */
GBytes   *_ties_xml_out_finish    (TiesXmlOut *out);

G_END_DECLS
