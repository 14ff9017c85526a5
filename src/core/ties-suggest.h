/* ties-suggest.h: events a source seems to tell of, proposed for annotation
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ties-document.h"

G_BEGIN_DECLS

typedef struct {
  char      *source;        /* source id */
  glong      start;         /* code points in the source text */
  glong      end;
  char      *exact;         /* the words of [start, end) */
  GPtrArray *participants;  /* actor ids (char *), in the order named */
  char      *kind;          /* event kind id, or NULL */
  char      *initiator;     /* actor id, or NULL */
  char      *date;          /* EDTF, or NULL */
  char      *date_phrase;   /* the words the date comes from, or NULL */
  char      *title;         /* a proposed title, "Ardern phones Zuckerberg" */
} TiesSuggestion;

void            ties_suggestion_free         (TiesSuggestion *suggestion);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiesSuggestion, ties_suggestion_free)

/* The candidate events of one source, or of every source in turn, in text
 * order: a sentence, or a clause of one, naming at least two known actors,
 * or one with a contact verb (with the sentence before it in the
 * paragraph when a pronoun stands for the second actor).  Left out: those
 * covered (some event has evidence overlapping the candidate's words and
 * shares two of its participants, or its only one) and those dismissed
 * (ties_source_is_dismissed ()).  GPtrArray of TiesSuggestion, free
 * function set. */
GPtrArray      *ties_suggest_source          (TiesDocument         *document,
                                              TiesSource           *source);
GPtrArray      *ties_suggest_document        (TiesDocument         *document);

/* Makes @suggestion an event (its id from its title) with one evidence
 * item quoting its words, prefix and suffix filled, added as one step of
 * undo.  Returns the event (transfer none). */
TiesEvent      *ties_suggestion_accept       (TiesDocument         *document,
                                              const TiesSuggestion *suggestion);

/* As JSON Lines: ties_suggestion_to_json_line(), in io. */

G_END_DECLS
