/* ties-xml-readers.c: the table of the readers of XML
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ties-article-import-private.h"
#include "ties-network-import-private.h"
#include "ties-xml-readers.h"

/* Exported from the module, looked up by name there. */
G_MODULE_EXPORT const TiesXmlReaders ties_xml_readers = {
  .read_article_html = _ties_article_html_read,
  .read_network = _ties_network_xml_read,
};
