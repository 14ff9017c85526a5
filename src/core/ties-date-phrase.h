/* ties-date-phrase.h: date phrases in news text, resolved to EDTF
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A date phrase found in a text: where (in Unicode code points of the
 * text scanned), its words, and the EDTF date it resolves to. */
typedef struct {
  glong  start;
  glong  end;
  char  *phrase;   /* the words, as in the text */
  char  *edtf;     /* EDTF (levels 0/1, e.g. "2019-04-17", "2019-05~",
                    * "2019-05-01/2019-05-10"), or NULL when it cannot be
                    * resolved */
} TiesDatePhrase;

void        ties_date_phrase_free    (TiesDatePhrase *phrase);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiesDatePhrase, ties_date_phrase_free)

/* Resolves one phrase ("on April 17", "last Friday", "a day later") against
 * @published (the source's publication date, EDTF, possibly an interval such
 * as "2019-09-02/2019-09-08" or NULL) and @previous (the nearest date before
 * the phrase in the text, EDTF or NULL, for "a day later", "the week before").
 * Returns a newly allocated EDTF string, or NULL. */
char       *ties_date_phrase_resolve (const char *phrase,
                                      const char *published,
                                      const char *previous);

/* Finds every date phrase in @text in order, each resolved against
 * @published and the phrase before it (the first against @previous, may be
 * NULL).  Returns a GPtrArray of TiesDatePhrase (free func set). */
GPtrArray  *ties_date_phrase_scan    (const char *text,
                                      const char *published,
                                      const char *previous);

G_END_DECLS
