/* fuzz-check.h: what must hold for any input, shared by the libFuzzer
 * harnesses and the test that replays their corpora in the normal build
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The name documents are loaded under; every line of a load error and of a
 * warning must start with it. */
#define TIES_FUZZ_DISPLAY_NAME "fuzz.ties.json"

/* Makes GLib's warnings and criticals fatal, so that a libFuzzer run treats
 * them as the crashes they are, as G_DEBUG=fatal-criticals does for the
 * tests. */
void ties_fuzz_init           (void);

/* Each aborts (a finding) when something does not hold, and returns when
 * the input was handled as documented: loaded and round-tripped, or
 * refused with a well-formed error. */
void ties_fuzz_check_document (const guint8 *data,
                               gsize         size);
void ties_fuzz_check_date     (const guint8 *data,
                               gsize         size);
/* An article's bytes, as a file would give them: a first byte of 1, 2 or
 * 3 names it .html, .md or .txt; any other is sniffed from the content. */
void ties_fuzz_check_article  (const guint8 *data,
                               gsize         size);

/* A network's bytes, as a file would give them: a first byte of 1 or 2
 * names it .gexf or .graphml; any other leaves the name to the root
 * element. Imported into an empty document and into one with actors. */
void ties_fuzz_check_network  (const guint8 *data,
                               gsize         size);

/* Whether @data is one JSON value, strictly as RFC 8259 has it; on FALSE
 * @error_offset (optional) is where it fails. Written apart from Ties's
 * reader, to judge what the writer makes. */
gboolean ties_fuzz_is_strict_json (const char *data,
                                   gsize       size,
                                   gsize      *error_offset);

G_END_DECLS
