/* ties-xml-string.h: libxml2's strings as GLib's, for the readers of XML
 * (ties-article-html.c, ties-network-xml.c)
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/xmlmemory.h>

G_BEGIN_DECLS

/* @value, which libxml2 allocated, copied with g_malloc() and freed with
 * xmlFree(): NULL stays NULL. */
static inline char *
_ties_xml_take_string (xmlChar *value)
{
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);

  return copy;
}

G_END_DECLS
