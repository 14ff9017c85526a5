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
  gboolean reporting;  /* dates the reporting, not an event: "released
                        * this week", "said on Friday"; phrases such as
                        * "a day later" do not count from it */
} TiesDatePhrase;

TiesDatePhrase *ties_date_phrase_copy (const TiesDatePhrase *phrase);
void        ties_date_phrase_free    (TiesDatePhrase *phrase);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TiesDatePhrase, ties_date_phrase_free)

/* Resolves one phrase ("on April 17", "last Friday", "a day later") against
 * @published (the source's publication date, EDTF, possibly an interval such
 * as "2019-09-02/2019-09-08" or NULL) and @previous (the nearest date before
 * the phrase in the text, EDTF or NULL, for "a day later", "the week before").
 * Returns a newly allocated EDTF string, or NULL.
 *
 * The whole of @phrase must be a date phrase (punctuation around it aside),
 * as ties_date_phrase_scan() finds them; case does not matter here.  A bare
 * weekday ("on Monday") is read as the past, since @phrase alone has no
 * tense: the latest Monday on or before the publication.  Phrases counted
 * from the publication return NULL without @published; those counted from
 * an earlier date ("a day later") use @published when @previous is NULL.
 * ties-date-phrase.c says how each kind of phrase is resolved and why. */
char       *ties_date_phrase_resolve (const char *phrase,
                                      const char *published,
                                      const char *previous);

/* Finds every date phrase in @text in order, each resolved against
 * @published and the phrase before it that dates an event (the first
 * against @previous, may be NULL): a phrase right after a verb of reporting
 * ("minutes released this week", "said on Friday") dates the report, and
 * "two days later" after it still counts from the event before.  Returns a GPtrArray of TiesDatePhrase (free func set); a phrase
 * found but not resolvable (no publication date) has edtf NULL.
 *
 * The longest phrase wins ("on Monday 17 April 2019" is one), on word
 * boundaries.  A bare weekday in a sentence about the future ("they will
 * meet on Monday") is the next such day after the publication.  "may" is a
 * month only as "May" beside a day or year, or after "in", "on", "early",
 * "mid-", … and not alone at the start of a sentence. */
GPtrArray  *ties_date_phrase_scan    (const char *text,
                                      const char *published,
                                      const char *previous);

G_END_DECLS
