/* ties-xml-readers.h: the importers' code that reads XML, which the
 * command loads only when it is needed
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libxml2 brings ICU and the C++ runtime with it, and loading them took
 * some 5 ms of every start of `ties`, a tenth of a small export. Only an
 * HTML article's import (ties-article-html.c) and a GEXF or GraphML
 * network's (ties-network-xml.c) read XML, so those two readers are a
 * library of their own, and the importers reach them through this table.
 *
 * Where the table comes from is the program's choice, made when it is
 * linked: the tests, benchmarks and fuzzers link the readers in
 * (ties-xml-readers-linked.c); the command links a loader instead
 * (src/ties-modules.c), which opens the module libties-xml the first
 * time an import needs it. The module takes everything else from the
 * command, as the window's module does.
 */
#pragma once

#include <gio/gio.h>

#include "ties-document.h"

G_BEGIN_DECLS

/* ties-network-import-private.h's state of one import. */
typedef struct _TiesNetworkImport TiesNetworkImport;

typedef struct {
  /* _ties_article_html_read() */
  TiesSource *(*read_article_html) (const char         *utf8,
                                    const char         *what,
                                    GError            **error);
  /* _ties_network_xml_read() */
  gboolean    (*read_network)      (TiesNetworkImport  *import,
                                    const char         *data,
                                    gsize               length,
                                    GError            **error);
} TiesXmlReaders;

/* The module's one symbol: the readers it holds (ties-xml-readers.c). */
#define TIES_XML_READERS_SYMBOL "ties_xml_readers"
extern const TiesXmlReaders ties_xml_readers;

/* The readers; NULL with @error set (G_IO_ERROR_NOT_SUPPORTED) when the
 * module cannot be loaded. Thread-safe: imports run in worker threads. */
const TiesXmlReaders *_ties_xml_readers_get (GError **error);

G_END_DECLS
