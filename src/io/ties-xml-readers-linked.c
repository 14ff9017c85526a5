/* ties-xml-readers-linked.c: the readers of XML, linked into the program
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the programs that link the readers (the tests, benchmarks and
 * fuzzers); the command loads them instead (ties-xml-readers.h).
 */
#include "config.h"

#include "ties-xml-readers.h"

const TiesXmlReaders *
_ties_xml_readers_get (GError **error)
{
  return &ties_xml_readers;
}
