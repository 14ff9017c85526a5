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

/* @text folded as mentions are found: compatibility decomposition,
 * combining marks dropped, case folded, runs of spaces as one, typed
 * apostrophes for typographic ones ("Ngāwhika" → "ngawhika"). What a
 * search compares, whatever the user's keyboard has. */
char   *ties_text_fold     (const char   *text);
/* Orders names as a reader looks them up, in any script: by their
 * folded forms first (so "Ängel" comes before "Zoe", "bell hooks"
 * before "Bezos", and "أحمد" sorts as "احمد"), in the user's locale,
 * then by the names themselves. */
int     ties_text_collate  (const char   *a,
                            const char   *b);
/* Whether @actor's name or one of its aliases contains @needle, already
 * folded with ties_text_fold() (so that it is folded once per search,
 * not per actor); an empty needle matches every actor. */
gboolean ties_actor_matches_folded (TiesActor  *actor,
                                    const char *needle);

G_END_DECLS
