/* ties-mentions.h: where a text names the document's actors
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ties-document.h"

G_BEGIN_DECLS

typedef struct {
  glong      start;  /* code points of the text given */
  glong      end;
  TiesActor *actor;  /* borrowed from the document */
} TiesMention;

/* Every mention of a known actor (name or alias) in @text, ignoring case
 * and diacritics (compatibility decomposition, combining marks dropped,
 * case folded, runs of spaces as one), in any script: names in scripts
 * written without spaces (Han, kana, Hangul, Thai…) match inside longer
 * words, others only as whole words.  The longest names win, and
 * mentions never overlap.  Returns a GArray of TiesMention in text order. */
GArray *ties_mentions_find (TiesDocument *document,
                            const char   *text);

G_END_DECLS
