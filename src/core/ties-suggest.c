/* ties-suggest.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Over 1,000 lines on purpose: the reading of a source (sentences, words,
 * mentions, dates) is one private structure that every rule consults;
 * the rules are short and read in the order they apply.
 *
 * Reading a source for events, by rules a researcher can predict rather
 * than by a model: sentences that name two known actors, or one with a
 * verb of contact, split into clauses where a sentence tells of two
 * contacts ("…spoke with Pichai, and a day later she phoned Cook"). What
 * is proposed is only proposed: the person reading accepts, edits or
 * dismisses it.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ties-date.h"
#include "ties-date-phrase.h"
#include "ties-mentions.h"
#include "ties-suggest.h"

/* How many code points of context an accepted proposal's evidence keeps
 * on each side, as in the sample. */
#define CONTEXT_LENGTH 32

/* A word: a run of letters and digits. */
typedef struct
{
  glong     start;
  glong     end;
  char     *lower;    /* in Reading.strings */
  gboolean  quoted;   /* inside quotation marks: someone else's words */
  gboolean  proper;   /* capitalised inside a sentence: part of a name */
  gboolean  named;    /* inside an actor's mention */
} Word;

typedef struct
{
  glong start;
  glong end;
  guint paragraph;
} Span;

/* Words of the source an event already rests on. */
typedef struct
{
  glong      start;
  glong      end;
  TiesEvent *event;
} Covered;

typedef struct
{
  TiesDocument   *document;
  TiesSource     *source;
  const char     *text;
  gunichar       *chars;
  glong           n_chars;
  glong          *bytes;      /* byte offset of each code point, and of the end */
  guint8         *quoted;     /* per code point */
  GArray         *mentions;   /* TiesMention */
  GArray         *words;      /* Word */
  GPtrArray      *dates;      /* TiesDatePhrase */
  GArray         *sentences;  /* Span */
  GPtrArray      *inherited;  /* per sentence: TiesDatePhrase of its anaphor, or NULL */
  GArray         *covered;    /* Covered, by start */
  GStringChunk   *strings;    /* the words in lower case: one allocation, not 50,000 */
} Reading;

static void
reading_clear (Reading *reading)
{
  g_clear_pointer (&reading->chars, g_free);
  g_clear_pointer (&reading->bytes, g_free);
  g_clear_pointer (&reading->quoted, g_free);
  g_clear_pointer (&reading->mentions, g_array_unref);
  g_clear_pointer (&reading->words, g_array_unref);
  g_clear_pointer (&reading->dates, g_ptr_array_unref);
  g_clear_pointer (&reading->sentences, g_array_unref);
  g_clear_pointer (&reading->inherited, g_ptr_array_unref);
  g_clear_pointer (&reading->covered, g_array_unref);
  g_clear_pointer (&reading->strings, g_string_chunk_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reading, reading_clear)

void
ties_suggestion_free (TiesSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;

  g_free (suggestion->source);
  g_free (suggestion->exact);
  g_clear_pointer (&suggestion->participants, g_ptr_array_unref);
  g_free (suggestion->kind);
  g_free (suggestion->initiator);
  g_free (suggestion->date);
  g_free (suggestion->date_phrase);
  g_free (suggestion->title);
  g_free (suggestion);
}

/* The lexicon.  Weights decide the kind when a sentence has words of
 * several: "met" says meeting more surely than "spoke" says phone call.
 * Contact words alone make a sentence naming one actor a candidate;
 * "said", which in news attributes nearly every quote, does not, or
 * every quotation would be proposed. */
typedef struct
{
  const char *word;
  const char *kind;     /* NULL: contact without a kind ("contacted") */
  guint       weight;
  gboolean    contact;
} Lexeme;

static const Lexeme lexicon[] = {
  { "met", "meeting", 2, TRUE },
  { "meet", "meeting", 2, TRUE },
  { "meets", "meeting", 2, TRUE },
  { "meeting", "meeting", 2, TRUE },
  { "meetings", "meeting", 2, TRUE },
  { "hui", "meeting", 2, TRUE },
  { "host", "meeting", 2, TRUE },
  { "hosts", "meeting", 2, TRUE },
  { "hosted", "meeting", 2, TRUE },
  { "visit", "meeting", 2, TRUE },
  { "visited", "meeting", 2, TRUE },
  { "phone", "phone-call", 2, TRUE },
  { "phones", "phone-call", 2, TRUE },
  { "phoned", "phone-call", 2, TRUE },
  { "telephoned", "phone-call", 2, TRUE },
  { "call", "phone-call", 2, TRUE },
  { "calls", "phone-call", 2, TRUE },
  { "called", "phone-call", 2, TRUE },
  { "rang", "phone-call", 2, TRUE },
  { "spoke", "phone-call", 1, TRUE },
  { "speak", "phone-call", 1, TRUE },
  { "speaking", "phone-call", 1, TRUE },
  { "talked", "phone-call", 1, TRUE },
  { "talk", "phone-call", 1, TRUE },
  { "talking", "phone-call", 1, TRUE },
  { "conversation", "phone-call", 1, TRUE },
  { "emailed", "email", 2, TRUE },
  { "email", "email", 2, TRUE },
  { "emails", "email", 2, TRUE },
  { "wrote", "email", 2, TRUE },
  { "write", "email", 2, TRUE },
  { "writes", "email", 2, TRUE },
  { "letter", "email", 2, TRUE },
  { "letters", "email", 2, TRUE },
  { "texted", "email", 2, TRUE },
  { "messaged", "email", 2, TRUE },
  { "signed", "agreement", 2, TRUE },
  { "sign", "agreement", 2, TRUE },
  { "agreed", "agreement", 2, TRUE },
  { "agree", "agreement", 2, TRUE },
  { "agreement", "agreement", 2, TRUE },
  { "commit", "agreement", 2, TRUE },
  { "committed", "agreement", 2, TRUE },
  { "posted", "public-statement", 1, TRUE },
  { "tweeted", "public-statement", 1, TRUE },
  { "statement", "public-statement", 1, TRUE },
  { "announced", "public-statement", 1, TRUE },
  { "said", "public-statement", 1, FALSE },
  { "says", "public-statement", 1, FALSE },
  { "confirmed", "public-statement", 1, FALSE },
  { "contacted", NULL, 0, TRUE },
  { "reached", NULL, 0, TRUE },
  { "reaching", NULL, 0, TRUE },
};

static const Lexeme *
lookup_lexeme (const char *word)
{
  static GHashTable *index;

  if (g_once_init_enter (&index))
    {
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (lexicon); i++)
        g_hash_table_insert (table, (gpointer) lexicon[i].word, (gpointer) &lexicon[i]);
      g_once_init_leave (&index, table);
    }

  return g_hash_table_lookup (index, word);
}

/* Verbs whose subject reached out to the other: "Ardern phoned Cook". */
static gboolean
is_initiating_verb (const char *word)
{
  static const char * const verbs[] = {
    "called", "calls", "phoned", "phones", "telephoned", "rang", "emailed", "emails",
    "wrote", "writes", "texted", "messaged", "contacted", "invited", "reached", "reaching",
    NULL
  };

  return g_strv_contains (verbs, word);
}

/* "spoke to", "talked with": who spoke to whom reached out, unless both
 * are the subject ("Ardern and Dorsey spoke"), which is checked apart. */
static gboolean
is_speaking_verb (const char *word)
{
  static const char * const verbs[] = {
    "speak", "spoke", "spoken", "talk", "talked", "talking", "speaking",
    NULL
  };

  return g_strv_contains (verbs, word);
}

static gboolean
is_pronoun (const char *word)
{
  static const char * const pronouns[] = {
    "he", "she", "they", "him", "her", "them", "his", "hers", NULL
  };

  return g_strv_contains (pronouns, word);
}

static gboolean
is_personal_pronoun (const char *word)
{
  return !g_str_equal (word, "they") && !g_str_equal (word, "them");
}

/* "Mr.", "Dr.", "Jan." end no sentence. */
static gboolean
is_abbreviation (const char *word)
{
  static const char * const abbreviations[] = {
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "sen", "rep", "gov", "gen",
    "lt", "col", "capt", "sgt", "mt", "no", "vs", "etc", "inc", "ltd", "co", "corp",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "dept", "univ", "approx", "fig", "hon", "rev", "est", "nos", "vol", "pp", "cf",
    NULL
  };
  g_autofree char *lower = g_utf8_strdown (word, -1);

  return g_strv_contains (abbreviations, lower);
}

static gboolean
is_opening_quote (gunichar c)
{
  return c == 0x201C || c == 0x00AB || c == 0x201E;
}

static gboolean
is_closing_quote (gunichar c)
{
  return c == 0x201D || c == 0x00BB;
}

static gboolean
is_paragraph_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x2029;
}

/* The word just before @i (exclusive), for "Mr." and "U.S.". */
static char *
word_before (const Reading *reading,
             glong          i)
{
  glong start = i;
  g_autoptr(GString) word = g_string_new (NULL);

  while (start > 0 && g_unichar_isalpha (reading->chars[start - 1]))
    start--;
  for (glong k = start; k < i; k++)
    g_string_append_unichar (word, reading->chars[k]);

  return g_string_free (g_steal_pointer (&word), FALSE);
}

static void
add_sentence (Reading *reading,
              glong    start,
              glong    end,
              guint    paragraph)
{
  Span span;

  while (end > start && g_unichar_isspace (reading->chars[end - 1]))
    end--;
  if (end <= start)
    return;

  span.start = start;
  span.end = end;
  span.paragraph = paragraph;
  g_array_append_val (reading->sentences, span);
}

/* Sentences, and which characters are quoted.  A sentence never crosses
 * a line break.  A quotation opened in the middle of a sentence ("…sent
 * to Apple saying: "… reach out to you. The Prime Minister …"") belongs
 * to that sentence whole; one that opens a sentence is someone's
 * sentences and is split like any others. */
static void
split_sentences (Reading *reading)
{
  const gunichar *c = reading->chars;
  glong n = reading->n_chars;
  glong start = -1;
  guint paragraph = 0;
  gboolean in_quote = FALSE;
  gboolean quote_inside = FALSE;

  reading->sentences = g_array_new (FALSE, FALSE, sizeof (Span));

  for (glong i = 0; i < n; i++)
    {
      if (is_paragraph_break (c[i]))
        {
          if (start >= 0)
            add_sentence (reading, start, i, paragraph);
          start = -1;
          in_quote = FALSE;
          paragraph++;
          continue;
        }

      if (c[i] == '"' || is_opening_quote (c[i]) || is_closing_quote (c[i]))
        {
          gboolean opens = c[i] == '"' ? !in_quote : is_opening_quote (c[i]);

          if (opens)
            {
              in_quote = TRUE;
              quote_inside = start >= 0 && start != i;
            }
          reading->quoted[i] = TRUE;
          if (start < 0)
            start = i;
          if (!opens)
            in_quote = FALSE;
          continue;
        }
      reading->quoted[i] = in_quote;

      if (start < 0)
        {
          if (!g_unichar_isspace (c[i]))
            start = i;
          continue;
        }

      if ((c[i] == '.' || c[i] == '!' || c[i] == '?' || c[i] == 0x2026) && !(in_quote && quote_inside))
        {
          glong j = i + 1;
          glong next;

          /* Closing quotation marks and brackets go with the sentence. */
          while (j < n && (c[j] == '"' || is_closing_quote (c[j]) || c[j] == 0x2019 || c[j] == '\''
                           || c[j] == ')' || c[j] == ']'))
            {
              if (c[j] == '"' || is_closing_quote (c[j]))
                {
                  if (!in_quote)
                    break;
                  reading->quoted[j] = TRUE;
                  in_quote = FALSE;
                }
              j++;
            }

          /* "4.2 million", "U.S.A": no space, no end. */
          if (j < n && !g_unichar_isspace (c[j]))
            continue;

          if (c[i] == '.')
            {
              g_autofree char *before = word_before (reading, i);

              /* "U.S.", "J. Smith", "Mr.": initials and abbreviations. */
              if (g_utf8_strlen (before, -1) == 1 && g_unichar_isupper (g_utf8_get_char (before)))
                continue;
              if (is_abbreviation (before))
                continue;
            }

          /* "etc. and so on": a sentence starts with no small letter. */
          next = j;
          while (next < n && g_unichar_isspace (c[next]) && !is_paragraph_break (c[next]))
            next++;
          if (next < n && g_unichar_islower (c[next]))
            continue;

          add_sentence (reading, start, j, paragraph);
          start = -1;
          i = j - 1;
        }
    }

  if (start >= 0)
    add_sentence (reading, start, n, paragraph);
}

static void
find_words (Reading *reading)
{
  const gunichar *c = reading->chars;
  glong n = reading->n_chars;
  guint m = 0;
  gboolean after_break = TRUE;

  reading->words = g_array_new (FALSE, FALSE, sizeof (Word));
  reading->strings = g_string_chunk_new (4096);

  for (glong i = 0; i < n; )
    {
      Word word = { 0 };
      const char *bytes;
      gsize length;
      gboolean ascii = TRUE;

      if (!g_unichar_isalnum (c[i]))
        {
          if (c[i] == '.' || c[i] == '!' || c[i] == '?' || c[i] == ':' || c[i] == '"'
              || is_opening_quote (c[i]) || is_paragraph_break (c[i]))
            after_break = TRUE;
          i++;
          continue;
        }

      word.start = i;
      while (i < n && (g_unichar_isalnum (c[i]) || g_unichar_ismark (c[i])))
        ascii &= c[i++] < 0x80;
      word.end = i;

      bytes = reading->text + reading->bytes[word.start];
      length = reading->bytes[word.end] - reading->bytes[word.start];
      if (ascii)
        {
          word.lower = g_string_chunk_insert_len (reading->strings, bytes, length);
          for (char *p = word.lower; *p != '\0'; p++)
            *p = g_ascii_tolower (*p);
        }
      else
        {
          g_autofree char *lower = g_utf8_strdown (bytes, length);

          word.lower = g_string_chunk_insert (reading->strings, lower);
        }
      word.quoted = reading->quoted[word.start];
      word.proper = !after_break && g_unichar_isupper (c[word.start]);
      after_break = FALSE;

      while (m < reading->mentions->len && g_array_index (reading->mentions, TiesMention, m).end <= word.start)
        m++;
      word.named = m < reading->mentions->len && g_array_index (reading->mentions, TiesMention, m).start <= word.start;

      g_array_append_val (reading->words, word);
    }
}

static int
compare_covered (gconstpointer a,
                 gconstpointer b)
{
  const Covered *ca = a;
  const Covered *cb = b;

  return ca->start < cb->start ? -1 : ca->start > cb->start;
}

/* Once per source, not once per sentence: a document may have thousands
 * of events. */
static void
find_covered (Reading *reading)
{
  GListModel *events = G_LIST_MODEL (ties_document_get_events (reading->document));
  const char *source_id = ties_source_get_id (reading->source);
  guint n = g_list_model_get_n_items (events);

  reading->covered = g_array_new (FALSE, FALSE, sizeof (Covered));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (events, i);
      GListModel *evidence = G_LIST_MODEL (ties_event_get_evidence (event));
      guint n_evidence = g_list_model_get_n_items (evidence);

      for (guint j = 0; j < n_evidence; j++)
        {
          g_autoptr(TiesEvidence) item = g_list_model_get_item (evidence, j);
          Covered covered;

          /* An orphan's offsets point at other words. */
          if (g_strcmp0 (ties_evidence_get_source (item), source_id) != 0
              || ties_evidence_get_status (item) == TIES_EVIDENCE_ORPHANED)
            continue;
          covered.start = ties_evidence_get_start (item);
          covered.end = ties_evidence_get_end (item);
          covered.event = event;  /* the document keeps it */
          g_array_append_val (reading->covered, covered);
        }
    }
  g_array_sort (reading->covered, compare_covered);
}

/* Dates a sentence without a date phrase takes from the one it refers back
 * to: "That call was set up after Ardern had met Smith", "After that
 * meeting, an email was sent", "The reply was just as enthusiastic".
 *
 * An anaphor is a demonstrative before a word for an event ("that call",
 * "this meeting", "those talks", also with one word between: "that phone
 * call") that opens the sentence or follows a preposition, or "the reply"
 * / "the response".  It refers to the nearest of
 * the three sentences before that has a date of an event: the last such
 * phrase in it (the event told last, "…on April 23 …, and a day later she
 * phoned Cook." → the call of April 24), or the date that sentence took
 * from an anaphor of its own (so dates chain).  Farther back, what "that
 * call" is becomes guesswork, and the proposal stays without a date.
 *
 * With D that date and P the publication date:
 *  - "after that meeting", "following …", "the reply": after D, and told
 *    by P: "D/P" (start of D, last day of P; "D/.." without P);
 *  - "before that call": "../D";
 *  - the anaphor before a later "after" ("That call was set up after they
 *    had met"): what the sentence tells happened before D, "../D"; before
 *    a later "before", after D;
 *  - else the same event or time as D: D itself.
 * A result without a known start or end on the side that matters (after
 * "../2019-04-24") carries no information and is not given.  The words
 * "after" and "before" settle only the order, never a distance: hence an
 * interval, not an approximate day. */
static char *reading_dup (const Reading *reading, glong start, glong end);
static guint first_word (const Reading *reading, glong offset);
static guint first_mention (const Reading *reading, glong offset);

static const char * const event_nouns[] = {
  "call", "calls", "meeting", "meetings", "conversation", "conversations", "talks",
  "reply", "response", "email", "emails", "letter", "letters", "visit", "visits", "hui",
  "dinner", "exchange", "interview", "summit", "message", NULL
};

typedef enum {
  RELATION_SAME,
  RELATION_AFTER,
  RELATION_BEFORE,
} Relation;

static gboolean
word_in (const char         *word,
         const char * const *words)
{
  return g_strv_contains (words, word);
}

/* The index of the anaphor's first word in words @first..@last, or -1;
 * *noun_end is the end of its noun. */
static int
find_anaphor (const Reading *reading,
              guint          first,
              guint          last,
              glong         *noun_end)
{
  static const char * const demonstratives[] = { "that", "this", "those", "these", NULL };
  static const char * const replies[] = { "reply", "response", NULL };
  /* "That call was…", "After that meeting", "during that call": not a
   * relative or complementising "that" ("groups that call for…", "said
   * that meetings…"), which follows a noun or a verb. */
  static const char * const leads[] = { "after", "before", "following", "during", "since",
                                        "until", "at", "in", "on", "from", "by", "with", "of",
                                        "and", "but", "then", NULL };

  for (guint i = first; i < last; i++)
    {
      const Word *w = &g_array_index (reading->words, Word, i);

      if (w->quoted)
        continue;
      if (word_in (w->lower, demonstratives)
          && (i == first || word_in (g_array_index (reading->words, Word, i - 1).lower, leads)))
        for (guint k = i + 1; k < last && k <= i + 2; k++)
          if (word_in (g_array_index (reading->words, Word, k).lower, event_nouns))
            {
              *noun_end = g_array_index (reading->words, Word, k).end;
              return i;
            }
      if (g_str_equal (w->lower, "the") && i + 1 < last
          && word_in (g_array_index (reading->words, Word, i + 1).lower, replies))
        {
          *noun_end = g_array_index (reading->words, Word, i + 1).end;
          return i;
        }
    }

  return -1;
}

static Relation
anaphor_relation (const Reading *reading,
                  guint          first,
                  guint          last,
                  guint          anaphor)
{
  const char *word = g_array_index (reading->words, Word, anaphor).lower;

  if (anaphor > first)
    {
      const char *before = g_array_index (reading->words, Word, anaphor - 1).lower;

      if (g_str_equal (before, "after") || g_str_equal (before, "following"))
        return RELATION_AFTER;
      if (g_str_equal (before, "before"))
        return RELATION_BEFORE;
    }
  for (guint i = anaphor + 1; i < last; i++)
    {
      const char *later = g_array_index (reading->words, Word, i).lower;

      if (g_str_equal (later, "after"))
        return RELATION_BEFORE;
      if (g_str_equal (later, "before"))
        return RELATION_AFTER;
    }
  if (g_str_equal (word, "the"))
    return RELATION_AFTER;    /* "the reply" */

  return RELATION_SAME;
}

/* "2019-04-23/2019-05-01" → start "2019-04-23", end "2019-05-01"; a
 * single date is both. */
static void
split_interval (const char  *edtf,
                char       **start,
                char       **end)
{
  const char *slash = strchr (edtf, '/');

  *start = slash != NULL ? g_strndup (edtf, slash - edtf) : g_strdup (edtf);
  *end = g_strdup (slash != NULL ? slash + 1 : edtf);
}

static gboolean
side_known (const char *side)
{
  return *side != '\0' && !g_str_equal (side, "..");
}

static char *
relate_date (const char *date,
             const char *published,
             Relation    relation)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *result = NULL;

  if (relation == RELATION_SAME)
    return g_strdup (date);

  split_interval (date, &start, &end);
  if (relation == RELATION_AFTER)
    {
      g_autofree char *told_start = NULL;
      g_autofree char *told = NULL;

      if (!side_known (start))
        return NULL;
      if (published != NULL)
        split_interval (published, &told_start, &told);
      result = g_strdup_printf ("%s/%s", start, told != NULL && side_known (told) ? told : "..");
    }
  else
    {
      if (!side_known (end))
        return NULL;
      result = g_strdup_printf ("../%s", end);
    }

  /* After a date later than the publication, or a qualifier an interval
   * does not take: no date rather than a wrong one. */
  return ties_date_validate (result, NULL, NULL) ? g_steal_pointer (&result) : NULL;
}

/* The last date phrase of an event in code points @start..@end, or NULL. */
static const TiesDatePhrase *
last_event_date (const Reading *reading,
                 glong          start,
                 glong          end)
{
  const TiesDatePhrase *last = NULL;

  for (guint i = 0; i < reading->dates->len; i++)
    {
      const TiesDatePhrase *phrase = g_ptr_array_index (reading->dates, i);

      if (phrase->start >= end)
        break;
      if (phrase->start >= start && phrase->edtf != NULL && !phrase->reporting)
        last = phrase;
    }

  return last;
}

/* Whether sentences @a and @b name an actor in common. */
static gboolean
sentences_share_actor (const Reading *reading,
                       const Span    *a,
                       const Span    *b)
{
  for (guint i = first_mention (reading, a->start); i < reading->mentions->len; i++)
    {
      const TiesMention *m = &g_array_index (reading->mentions, TiesMention, i);

      if (m->start >= a->end)
        break;
      for (guint j = first_mention (reading, b->start); j < reading->mentions->len; j++)
        {
          const TiesMention *n = &g_array_index (reading->mentions, TiesMention, j);

          if (n->start >= b->end)
            break;
          if (n->actor == m->actor)
            return TRUE;
        }
    }

  return FALSE;
}

/* A sentence with neither a date phrase nor an anaphor that goes on telling
 * what the dated sentence just before it told ("Dorsey's account was hacked
 * last Friday …" / "The tweets included …" / "Twitter suspended accounts
 * … while they had control of Dorsey's account."): news writing names a
 * time once and keeps to it until it names another.  "Keeps to it" is read
 * narrowly: the dated sentence is one of the two before, no sentence
 * between has a date, both name an actor in common, and nothing in this
 * one looks ahead ("will", "would").  Anything less and the proposal stays
 * without a date rather than take a neighbour's. */
static const TiesDatePhrase *
continued_date (const Reading         *reading,
                const TiesDatePhrase **referred,
                guint                  s,
                guint                  first,
                guint                  last)
{
  const Span *sentence = &g_array_index (reading->sentences, Span, s);

  for (guint i = first; i < last; i++)
    {
      const char *word = g_array_index (reading->words, Word, i).lower;

      if (g_str_equal (word, "will") || g_str_equal (word, "would") || g_str_equal (word, "shall"))
        return NULL;
    }

  for (guint k = s; k > 0 && s - k < 2; k--)
    {
      if (referred[k - 1] == NULL)
        continue;
      if (sentences_share_actor (reading, &g_array_index (reading->sentences, Span, k - 1), sentence))
        return referred[k - 1];
      return NULL;
    }

  return NULL;
}

static void
find_inherited (Reading *reading)
{
  const char *published = ties_source_get_published (reading->source);
  /* Per sentence, the date a later anaphor refers to; not owned. */
  g_autofree const TiesDatePhrase **referred = g_new0 (const TiesDatePhrase *, reading->sentences->len + 1);

  reading->inherited = g_ptr_array_new_full (reading->sentences->len, (GDestroyNotify) ties_date_phrase_free);
  for (guint s = 0; s < reading->sentences->len; s++)
    {
      const Span *sentence = &g_array_index (reading->sentences, Span, s);
      const TiesDatePhrase *own = last_event_date (reading, sentence->start, sentence->end);
      const TiesDatePhrase *before = NULL;
      guint first = first_word (reading, sentence->start);
      guint last = first_word (reading, sentence->end);
      TiesDatePhrase *inherited = NULL;
      glong noun_end = 0;
      int anaphor;

      g_ptr_array_add (reading->inherited, NULL);
      referred[s] = own;
      if (own != NULL)
        continue;
      if ((anaphor = find_anaphor (reading, first, last, &noun_end)) < 0)
        {
          const TiesDatePhrase *continued = continued_date (reading, referred, s, first, last);

          if (continued != NULL)
            g_ptr_array_index (reading->inherited, s) = ties_date_phrase_copy (continued);
          /* Not a date later sentences continue from in turn: one step only. */
          continue;
        }

      for (guint k = s; k > 0 && s - k < 3 && before == NULL; k--)
        before = referred[k - 1];
      if (before == NULL)
        continue;

      inherited = g_new0 (TiesDatePhrase, 1);
      inherited->edtf = relate_date (before->edtf, published,
                                     anaphor_relation (reading, first, last, anaphor));
      if (inherited->edtf == NULL)
        {
          ties_date_phrase_free (inherited);
          continue;
        }
      /* "After that meeting", as the annotators write it. */
      if (anaphor > (int) first)
        {
          const Word *w = &g_array_index (reading->words, Word, anaphor - 1);

          if (g_str_equal (w->lower, "after") || g_str_equal (w->lower, "following")
              || g_str_equal (w->lower, "before"))
            anaphor--;
        }
      inherited->start = g_array_index (reading->words, Word, anaphor).start;
      inherited->end = noun_end;
      inherited->phrase = reading_dup (reading, inherited->start, inherited->end);
      g_ptr_array_index (reading->inherited, s) = inherited;
      referred[s] = inherited;
    }
}

static gboolean
reading_init (Reading      *reading,
              TiesDocument *document,
              TiesSource   *source)
{
  const char *text = ties_source_get_text (source);
  const char *p;

  reading->document = document;
  reading->source = source;
  reading->text = text;
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  reading->chars = g_utf8_to_ucs4_fast (text, -1, &reading->n_chars);
  reading->bytes = g_new (glong, reading->n_chars + 1);
  p = text;
  for (glong i = 0; i < reading->n_chars; i++, p = g_utf8_next_char (p))
    reading->bytes[i] = p - text;
  reading->bytes[reading->n_chars] = p - text;
  reading->quoted = g_new0 (guint8, reading->n_chars + 1);

  reading->mentions = ties_mentions_find (document, text);
  split_sentences (reading);
  find_words (reading);
  reading->dates = ties_date_phrase_scan (text, ties_source_get_published (source), NULL);
  find_inherited (reading);
  find_covered (reading);

  return TRUE;
}

static char *
reading_dup (const Reading *reading,
             glong          start,
             glong          end)
{
  start = CLAMP (start, 0, reading->n_chars);
  end = CLAMP (end, start, reading->n_chars);

  return g_strndup (reading->text + reading->bytes[start], reading->bytes[end] - reading->bytes[start]);
}

/* The first element of @array, sorted by its glong at @start_member,
 * that starts at or after @offset. */
static guint
first_starting (GArray *array,
                gsize   start_member,
                glong   offset)
{
  guint size = g_array_get_element_size (array);
  guint lo = 0;
  guint hi = array->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const glong *start = (const glong *) (array->data + (gsize) mid * size + start_member);

      if (*start < offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* The first word at or after @offset. */
static guint
first_word (const Reading *reading,
            glong          offset)
{
  return first_starting (reading->words, G_STRUCT_OFFSET (Word, start), offset);
}

static guint
first_mention (const Reading *reading,
               glong          offset)
{
  return first_starting (reading->mentions, G_STRUCT_OFFSET (TiesMention, start), offset);
}

#define WORD(r, i) (&g_array_index ((r)->words, Word, (i)))
#define MENTION(r, i) (&g_array_index ((r)->mentions, TiesMention, (i)))

/* A stretch of text looked at as a candidate: a sentence, a clause of
 * one, or a sentence with the one before it. */
typedef struct
{
  glong      start;
  glong      end;
  glong      own_start;  /* after the sentence a pronoun joined it to */
  GPtrArray *narrative;  /* TiesActor, named outside quotation marks */
  GPtrArray *quoted;     /* TiesActor, named only inside them */
  gboolean   contact;
  const char *pronoun;   /* the first pronoun outside quotation marks */
  TiesActor *resolved;   /* the actor it stands for, found before */
} Part;

static void
part_free (Part *part)
{
  g_clear_pointer (&part->narrative, g_ptr_array_unref);
  g_clear_pointer (&part->quoted, g_ptr_array_unref);
  g_free (part);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Part, part_free)

static gboolean
is_temporal_reference (const Reading *reading,
                       guint          w,
                       guint          first)
{
  static const char * const markers[] = { "after", "before", "since", "following", "until", NULL };

  /* "After that meeting", "after their phone call": another event. */
  for (guint k = w; k > first && w - k < 3; k--)
    if (g_strv_contains (markers, WORD (reading, k - 1)->lower))
      return TRUE;

  return FALSE;
}

/* "That call was set up", "Their meeting comes after": a noun for an
 * event told of elsewhere says less of this one's kind than a verb. */
static gboolean
is_reference (const Reading *reading,
              guint          w,
              guint          first)
{
  static const char * const determiners[] = { "that", "this", "the", "their", "those", "these", NULL };

  return w > first && g_strv_contains (determiners, WORD (reading, w - 1)->lower);
}

static Part *
part_new (const Reading *reading,
          glong          start,
          glong          end)
{
  Part *part = g_new0 (Part, 1);
  guint first = first_word (reading, start);

  part->start = start;
  part->end = end;
  part->own_start = start;
  part->narrative = g_ptr_array_new ();
  part->quoted = g_ptr_array_new ();

  for (guint m = first_mention (reading, start); m < reading->mentions->len; m++)
    {
      const TiesMention *mention = MENTION (reading, m);

      if (mention->start >= end)
        break;
      if (!reading->quoted[mention->start])
        {
          if (!g_ptr_array_find (part->narrative, mention->actor, NULL))
            g_ptr_array_add (part->narrative, mention->actor);
          g_ptr_array_remove (part->quoted, mention->actor);
        }
      else if (!g_ptr_array_find (part->narrative, mention->actor, NULL)
               && !g_ptr_array_find (part->quoted, mention->actor, NULL))
        {
          g_ptr_array_add (part->quoted, mention->actor);
        }
    }

  for (guint w = first; w < reading->words->len && WORD (reading, w)->start < end; w++)
    {
      const Word *word = WORD (reading, w);
      const Lexeme *lexeme;

      if (word->named || word->proper)
        continue;
      if (!word->quoted && part->pronoun == NULL && is_pronoun (word->lower))
        part->pronoun = word->lower;
      lexeme = lookup_lexeme (word->lower);
      if (lexeme != NULL && lexeme->contact && !is_temporal_reference (reading, w, first))
        {
          /* "reached" only with "out": "reached a deal" is no contact. */
          if (lexeme->kind == NULL && !g_str_equal (word->lower, "contacted")
              && (w + 1 >= reading->words->len || !g_str_equal (WORD (reading, w + 1)->lower, "out")))
            continue;
          part->contact = TRUE;
        }
    }

  return part;
}

/* Who takes part: those the narration names, or, when it names fewer than
 * two, also those named in the quotation ("Wojcicki wrote: "… Ardern …"");
 * and the actor a pronoun stands for. */
static GPtrArray *
part_participants (const Part *part)
{
  GPtrArray *participants = g_ptr_array_copy (part->narrative, NULL, NULL);

  if (participants->len < 2)
    for (guint i = 0; i < part->quoted->len; i++)
      g_ptr_array_add (participants, g_ptr_array_index (part->quoted, i));
  if (part->resolved != NULL && !g_ptr_array_find (participants, part->resolved, NULL))
    g_ptr_array_add (participants, part->resolved);

  return participants;
}

static gboolean
part_qualifies (const Part *part)
{
  g_autoptr(GPtrArray) participants = part_participants (part);

  return participants->len >= 2 || (participants->len == 1 && part->contact);
}

/* When a part names one actor and a pronoun, the pronoun stands for an
 * actor named in @before: the first one that is not the part's own,
 * a person for "he" and "she". */
static void
part_resolve (Part       *part,
              const Part *before)
{
  g_autoptr(GPtrArray) named = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  gboolean personal;

  part->resolved = NULL;
  named = part_participants (part);
  if (part->pronoun == NULL || named->len != 1 || before == NULL)
    return;

  candidates = part_participants (before);
  personal = is_personal_pronoun (part->pronoun);
  for (guint pass = 0; pass < 2 && part->resolved == NULL; pass++)
    for (guint i = 0; i < candidates->len; i++)
      {
        TiesActor *actor = g_ptr_array_index (candidates, i);

        if (actor == g_ptr_array_index (named, 0))
          continue;
        if (pass == 0 && personal && ties_actor_get_kind (actor) != TIES_ACTOR_PERSON)
          continue;
        part->resolved = actor;
        break;
      }
}

/* Where a sentence may split into clauses that each tell of an event of
 * their own: ", and", ", but", ", though", ", which", ", according to",
 * ";".  Returns the offset of the clause that starts there, or -1. */
static glong
clause_start_at (const Reading *reading,
                 glong          i,
                 glong          end)
{
  static const char * const joiners[] = {
    "and", "but", "though", "although", "while", "whereas", "which", "according", NULL
  };
  static const char * const skipped[] = { "and", "but", NULL };
  const gunichar *c = reading->chars;
  glong j = i + 1;
  guint w;

  if (reading->quoted[i] || (c[i] != ',' && c[i] != ';'))
    return -1;
  while (j < end && g_unichar_isspace (c[j]))
    j++;
  if (c[i] == ';')
    return j < end ? j : -1;

  w = first_word (reading, j);
  if (w >= reading->words->len || WORD (reading, w)->start != j || WORD (reading, w)->start >= end
      || !g_strv_contains (joiners, WORD (reading, w)->lower))
    return -1;
  if (g_str_equal (WORD (reading, w)->lower, "according")
      && (w + 1 >= reading->words->len || !g_str_equal (WORD (reading, w + 1)->lower, "to")))
    return -1;

  /* "and a day later she phoned…": the clause is what follows "and". */
  if (g_strv_contains (skipped, WORD (reading, w)->lower) && w + 1 < reading->words->len
      && WORD (reading, w + 1)->start < end)
    return WORD (reading, w + 1)->start;

  return j;
}

/* The sentence as clauses, each a candidate of its own: a clause that
 * would not be one ("though Zuckerberg did not make it") stays with its
 * neighbour, so a list ("17 countries, the European Commission, and
 * eight providers including Twitter") is never cut. */
static GPtrArray *
split_clauses (const Reading *reading,
               const Span    *sentence)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func ((GDestroyNotify) part_free);
  glong clause = sentence->start;
  gboolean merged = TRUE;

  for (glong i = sentence->start; i < sentence->end; i++)
    {
      glong next = clause_start_at (reading, i, sentence->end);

      if (next < 0)
        continue;
      g_ptr_array_add (parts, part_new (reading, clause, i));
      clause = next;
    }
  g_ptr_array_add (parts, part_new (reading, clause, sentence->end));

  while (merged && parts->len > 1)
    {
      merged = FALSE;
      for (guint i = 0; i < parts->len && !merged; i++)
        {
          Part *part = g_ptr_array_index (parts, i);
          guint keep = i > 0 ? i - 1 : 0;
          guint drop = keep + 1;
          Part *a, *b;

          part_resolve (part, i > 0 ? g_ptr_array_index (parts, i - 1) : NULL);
          if (part_qualifies (part))
            continue;

          /* With the clause before it, or the first with the next. */
          a = g_ptr_array_index (parts, keep);
          b = g_ptr_array_index (parts, drop);
          g_ptr_array_index (parts, keep) = part_new (reading, a->start, b->end);
          part_free (a);
          g_ptr_array_remove_index (parts, drop);
          merged = TRUE;
        }
    }

  for (guint i = 1; i < parts->len; i++)
    part_resolve (g_ptr_array_index (parts, i), g_ptr_array_index (parts, i - 1));

  return parts;
}

/* The kind the verbs say, by weight; words in quotations count half, and
 * ties go to the earliest. */
static char *
guess_kind (const Reading *reading,
            const Part    *part)
{
  const char *kinds[G_N_ELEMENTS (lexicon)] = { NULL, };
  guint scores[G_N_ELEMENTS (lexicon)] = { 0, };
  guint n_kinds = 0;
  guint best = G_MAXUINT;
  guint first = first_word (reading, part->own_start);

  for (guint w = first; w < reading->words->len && WORD (reading, w)->start < part->end; w++)
    {
      const Word *word = WORD (reading, w);
      const Lexeme *lexeme;
      guint k;

      if (word->named || word->proper)
        continue;
      lexeme = lookup_lexeme (word->lower);
      if (lexeme == NULL || lexeme->kind == NULL || is_temporal_reference (reading, w, first))
        continue;

      for (k = 0; k < n_kinds && !g_str_equal (kinds[k], lexeme->kind); k++)
        ;
      if (k == n_kinds)
        kinds[n_kinds++] = lexeme->kind;
      scores[k] += (is_reference (reading, w, first) ? 1 : lexeme->weight) * (word->quoted ? 1 : 2);
    }

  for (guint k = 0; k < n_kinds; k++)
    if (best == G_MAXUINT || scores[k] > scores[best])
      best = k;
  if (best == G_MAXUINT)
    return NULL;

  /* "agreement" is no built-in kind; a document may declare it. */
  if (ties_document_lookup_event_kind (reading->document, kinds[best]) == NULL)
    return g_strdup ("other");

  return g_strdup (kinds[best]);
}

/* The last mention that ends before @offset within the part, or -1. */
static gint
mention_before (const Reading *reading,
                const Part    *part,
                glong          offset)
{
  gint found = -1;

  for (guint m = first_mention (reading, part->own_start); m < reading->mentions->len; m++)
    {
      const TiesMention *mention = MENTION (reading, m);

      if (mention->end > offset)
        break;
      if (!reading->quoted[mention->start])
        found = m;
    }

  return found;
}

static guint
words_between (const Reading *reading,
               glong          start,
               glong          end)
{
  guint count = 0;

  for (guint w = first_word (reading, start); w < reading->words->len && WORD (reading, w)->start < end; w++)
    if (!WORD (reading, w)->named)
      count++;

  return count;
}

/* The actor a subject pronoun stands for: the one the part resolved it
 * to, or, for "she" and "he", the first person the part names before it
 * ("Ardern and Dorsey first spoke… as she reached out"). */
static TiesActor *
pronoun_subject (const Reading *reading,
                 const Part    *part,
                 const Word    *pronoun,
                 const Word    *verb,
                 GPtrArray     *participants)
{
  TiesActor *object = NULL;
  TiesActor *other = NULL;
  guint m;

  if (part->resolved != NULL)
    return part->resolved;
  if (!is_personal_pronoun (pronoun->lower))
    return NULL;

  for (m = first_mention (reading, part->own_start); m < reading->mentions->len; m++)
    {
      const TiesMention *mention = MENTION (reading, m);

      if (mention->start >= pronoun->start)
        break;
      if (!reading->quoted[mention->start] && ties_actor_get_kind (mention->actor) == TIES_ACTOR_PERSON)
        return mention->actor;
    }

  /* "She talked to Jeff Bezos, … that Ardern enjoyed": named after, she
   * is the person who is not the one she talked to. */
  m = first_mention (reading, verb->end);
  if (m < reading->mentions->len && MENTION (reading, m)->start < part->end
      && words_between (reading, verb->end, MENTION (reading, m)->start) <= 2)
    object = MENTION (reading, m)->actor;
  for (guint i = 0; i < participants->len; i++)
    {
      TiesActor *actor = g_ptr_array_index (participants, i);

      if (actor == object || ties_actor_get_kind (actor) != TIES_ACTOR_PERSON)
        continue;
      if (other != NULL)
        return NULL;
      other = actor;
    }

  return object != NULL ? other : NULL;
}

/* Who reached out, where the grammar says: the subject of a contact verb
 * in the active voice ("X phoned Y", "X reached out to Y", "X managed to
 * speak to Y", "she wrote to Y"), "from X" after a call, an email or a
 * letter ("Y received a call from X", "an email from X was sent"), or
 * "by X" after a passive verb.  Never one of two subjects ("X and Y
 * spoke"). */
static TiesActor *
guess_initiator (const Reading *reading,
                 const Part    *part,
                 GPtrArray     *participants)
{
  static const char * const passive[] = { "was", "were", "been", "being", "is", "are", "be", NULL };
  static const char * const messages[] = {
    "call", "calls", "phone", "email", "emails", "letter", "letters", "message", "messages",
    "text", "invitation", "approach", NULL
  };
  guint first = first_word (reading, part->own_start);

  for (guint w = first; w < reading->words->len && WORD (reading, w)->start < part->end; w++)
    {
      const Word *word = WORD (reading, w);
      gboolean after_message = FALSE;
      gboolean after_passive;

      if (word->quoted || word->named)
        continue;

      for (guint k = w; k > first && w - k < 3; k--)
        after_message |= g_strv_contains (messages, WORD (reading, k - 1)->lower);
      after_passive = w > first && g_strv_contains (passive, WORD (reading, w - 1)->lower);

      /* "a call from X", "phoned by X". */
      if ((g_str_equal (word->lower, "from") && after_message)
          || (g_str_equal (word->lower, "by") && w > first
              && (is_initiating_verb (WORD (reading, w - 1)->lower)
                  || g_str_equal (WORD (reading, w - 1)->lower, "sent"))))
        {
          guint m = first_mention (reading, word->end);

          if (m < reading->mentions->len && MENTION (reading, m)->start < part->end
              && words_between (reading, word->end, MENTION (reading, m)->start) <= 4
              && g_ptr_array_find (participants, MENTION (reading, m)->actor, NULL))
            return MENTION (reading, m)->actor;
          continue;
        }

      if (after_passive)
        continue;
      if (is_initiating_verb (word->lower))
        {
          if ((g_str_equal (word->lower, "reached") || g_str_equal (word->lower, "reaching"))
              && (w + 1 >= reading->words->len || !g_str_equal (WORD (reading, w + 1)->lower, "out")))
            continue;
        }
      else if (!is_speaking_verb (word->lower)
               || w + 1 >= reading->words->len
               || !(g_str_equal (WORD (reading, w + 1)->lower, "to")
                    || g_str_equal (WORD (reading, w + 1)->lower, "with")))
        {
          continue;
        }

      /* The subject: a pronoun or a mention shortly before the verb. */
      {
        gint m = mention_before (reading, part, word->start);
        glong from = m >= 0 ? MENTION (reading, m)->end : part->own_start;
        TiesActor *subject = NULL;

        for (guint k = first_word (reading, from); k < w; k++)
          if (!WORD (reading, k)->quoted && (g_str_equal (WORD (reading, k)->lower, "she")
                                             || g_str_equal (WORD (reading, k)->lower, "he")
                                             || g_str_equal (WORD (reading, k)->lower, "they")))
            subject = pronoun_subject (reading, part, WORD (reading, k), word, participants);

        if (subject == NULL && m >= 0 && words_between (reading, from, word->start) <= 6)
          {
            guint before = first_word (reading, MENTION (reading, m)->start);

            /* "Ardern and Dorsey spoke": two subjects, no initiator. */
            if (before > first && (g_str_equal (WORD (reading, before - 1)->lower, "and")
                                   || g_str_equal (WORD (reading, before - 1)->lower, "or")))
              return NULL;
            subject = MENTION (reading, m)->actor;
          }

        if (subject != NULL && g_ptr_array_find (participants, subject, NULL))
          return subject;
      }
    }

  return NULL;
}

static gboolean
date_is_exact (const char *edtf)
{
  return strpbrk (edtf, "~?%/.") == NULL;
}

/* The date of the part: of the date phrases in it, an exact one before an
 * approximate one, a day before a month, else the first. */
static const TiesDatePhrase *
guess_date_in (const Reading *reading,
               glong          start,
               glong          end)
{
  const TiesDatePhrase *best = NULL;
  int best_score = -1;
  guint lo = 0;
  guint hi = reading->dates != NULL ? reading->dates->len : 0;

  /* The phrases are in text order: start at the first one here. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (((const TiesDatePhrase *) g_ptr_array_index (reading->dates, mid))->start < start)
        lo = mid + 1;
      else
        hi = mid;
    }

  for (guint i = lo; reading->dates != NULL && i < reading->dates->len; i++)
    {
      const TiesDatePhrase *phrase = g_ptr_array_index (reading->dates, i);
      int score;

      if (phrase->start >= end)
        break;
      if (phrase->start < start || phrase->end > end || phrase->edtf == NULL)
        continue;
      /* "…, according to minutes released this week": the report's date
       * only when the part has no other. */
      score = (phrase->reporting ? 0 : 1000) + (date_is_exact (phrase->edtf) ? 100 : 0)
              + (int) strlen (phrase->edtf);
      if (score > best_score)
        {
          best = phrase;
          best_score = score;
        }
    }

  return best;
}

/* A sentence joined to the one before it by a pronoun has the date of its
 * own words if it has one; a part without a date phrase, the date its
 * sentence refers back to (find_inherited()). */
static const TiesDatePhrase *
guess_date (const Reading *reading,
            const Part    *part)
{
  const TiesDatePhrase *date = guess_date_in (reading, part->own_start, part->end);
  guint lo = 0, hi = reading->sentences->len;

  if (date != NULL)
    return date;
  date = guess_date_in (reading, part->start, part->end);
  if (date != NULL)
    return date;

  /* The last sentence starting at or before the part's own words. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (reading->sentences, Span, mid).start <= part->own_start)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo > 0 ? g_ptr_array_index (reading->inherited, lo - 1) : NULL;
}

/* How a proposal names an actor: a person by the last word of the name
 * ("Ardern"), an organisation by its short name in capitals ("DPMC") if it
 * has one, else by its name. */
static char *
short_name (TiesActor *actor)
{
  const char *name = ties_actor_get_name (actor);
  const char * const *aliases = ties_actor_get_aliases (actor);

  if (name == NULL || *name == '\0')
    return g_strdup (ties_actor_get_id (actor));

  if (ties_actor_get_kind (actor) == TIES_ACTOR_PERSON)
    {
      const char *space = strrchr (name, ' ');

      return g_strdup (space != NULL && space[1] != '\0' ? space + 1 : name);
    }

  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    {
      gboolean acronym = g_utf8_strlen (aliases[i], -1) >= 2;

      for (const char *p = aliases[i]; *p != '\0' && acronym; p = g_utf8_next_char (p))
        acronym = g_unichar_isupper (g_utf8_get_char (p));
      if (acronym)
        return g_strdup (aliases[i]);
    }

  return g_strdup (name);
}

/* "A", "A and B", "A, B and C". */
static char *
join_names (GPtrArray *actors,
            guint      from)
{
  g_autofree char *joined = NULL;

  for (guint i = from; i < actors->len; i++)
    {
      g_autofree char *name = short_name (g_ptr_array_index (actors, i));
      char *next;

      if (joined == NULL)
        next = g_strdup (name);
      else if (i + 1 == actors->len)
        /* Translators: the last two of a list of names in a proposed
         * event's title, "Ardern and Dorsey". */
        next = g_strdup_printf (C_("names", "%s and %s"), joined, name);
      else
        /* Translators: names in a list, "Twitter, Facebook". */
        next = g_strdup_printf (C_("names", "%s, %s"), joined, name);
      g_free (joined);
      joined = next;
    }

  return g_steal_pointer (&joined);
}

static char *
make_title (GPtrArray  *participants,
            const char *kind,
            TiesActor  *initiator)
{
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();
  g_autofree char *subject = NULL;
  g_autofree char *others = NULL;
  g_autofree char *all = NULL;

  if (participants->len == 0)
    return g_strdup (_("Event"));

  /* The one who reached out comes first. */
  if (initiator != NULL)
    g_ptr_array_add (ordered, initiator);
  for (guint i = 0; i < participants->len; i++)
    if (g_ptr_array_index (participants, i) != initiator)
      g_ptr_array_add (ordered, g_ptr_array_index (participants, i));

  subject = short_name (g_ptr_array_index (ordered, 0));
  others = join_names (ordered, 1);
  all = join_names (ordered, 0);

  if (others == NULL)
    {
      /* Translators: titles of proposed events with one participant. */
      if (g_strcmp0 (kind, "meeting") == 0)
        return g_strdup_printf (_("%s meeting"), subject);
      if (g_strcmp0 (kind, "phone-call") == 0)
        return g_strdup_printf (_("%s phone call"), subject);
      if (g_strcmp0 (kind, "email") == 0)
        return g_strdup_printf (_("%s email"), subject);
      if (g_strcmp0 (kind, "agreement") == 0)
        return g_strdup_printf (_("%s agreement"), subject);
      if (g_strcmp0 (kind, "public-statement") == 0)
        return g_strdup_printf (_("%s statement"), subject);
      return g_strdup (subject);
    }

  /* Translators: titles of proposed events, "Ardern phones Zuckerberg";
   * the first name is the one who reached out, when it is known. */
  if (g_strcmp0 (kind, "meeting") == 0)
    return g_strdup_printf (_("%s meets %s"), subject, others);
  if (g_strcmp0 (kind, "phone-call") == 0)
    return g_strdup_printf (_("%s phones %s"), subject, others);
  if (g_strcmp0 (kind, "email") == 0)
    return g_strdup_printf (_("%s emails %s"), subject, others);
  if (g_strcmp0 (kind, "agreement") == 0)
    return g_strdup_printf (_("%s agree"), all);
  if (g_strcmp0 (kind, "public-statement") == 0)
    return g_strdup_printf (_("%s on %s"), subject, others);

  return g_steal_pointer (&all);
}

/* Covered: an event already rests on words overlapping the part and
 * shares two of its participants (or its only one).  One shared actor
 * is not enough for two: the sentence may tell of another contact of
 * the same person; the whole set is too much: an annotator who left one
 * of five companies out of an agreement has still covered the sentence. */
static gboolean
is_covered (const Reading *reading,
            const Part    *part,
            GPtrArray     *participants)
{
  guint needed = MIN (2, participants->len);

  for (guint i = 0; i < reading->covered->len; i++)
    {
      const Covered *covered = &g_array_index (reading->covered, Covered, i);
      guint shared = 0;

      if (covered->start >= part->end)
        break;
      if (covered->end <= part->start)
        continue;

      for (guint k = 0; k < participants->len; k++)
        if (ties_event_has_participant (covered->event, ties_actor_get_id (g_ptr_array_index (participants, k))))
          shared++;
      if (shared >= needed)
        return TRUE;
    }

  return FALSE;
}

static void
propose (const Reading *reading,
         const Part    *part,
         GPtrArray     *suggestions)
{
  g_autoptr(TiesSuggestion) suggestion = NULL;
  g_autoptr(GPtrArray) participants = part_participants (part);
  const TiesDatePhrase *date;
  TiesActor *initiator;

  if (!part_qualifies (part) || is_covered (reading, part, participants))
    return;

  suggestion = g_new0 (TiesSuggestion, 1);
  suggestion->exact = reading_dup (reading, part->start, part->end);
  if (ties_source_is_dismissed (reading->source, suggestion->exact))
    return;

  suggestion->source = g_strdup (ties_source_get_id (reading->source));
  suggestion->start = part->start;
  suggestion->end = part->end;
  suggestion->participants = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < participants->len; i++)
    g_ptr_array_add (suggestion->participants, g_strdup (ties_actor_get_id (g_ptr_array_index (participants, i))));
  suggestion->kind = guess_kind (reading, part);
  initiator = participants->len >= 2 ? guess_initiator (reading, part, participants) : NULL;
  suggestion->initiator = initiator != NULL ? g_strdup (ties_actor_get_id (initiator)) : NULL;
  date = guess_date (reading, part);
  if (date != NULL)
    {
      suggestion->date = g_strdup (date->edtf);
      suggestion->date_phrase = g_strdup (date->phrase);
    }
  suggestion->title = make_title (participants, suggestion->kind, initiator);

  g_ptr_array_add (suggestions, g_steal_pointer (&suggestion));
}

GPtrArray *
ties_suggest_source (TiesDocument *document,
                     TiesSource   *source)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  g_auto(Reading) reading = { 0 };

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (TIES_IS_SOURCE (source), NULL);

  suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify) ties_suggestion_free);
  if (!reading_init (&reading, document, source))
    return g_steal_pointer (&suggestions);

  for (guint s = 0; s < reading.sentences->len; s++)
    {
      const Span *sentence = &g_array_index (reading.sentences, Span, s);
      g_autoptr(GPtrArray) parts = split_clauses (&reading, sentence);
      Part *head = g_ptr_array_index (parts, 0);
      guint first = 0;

      /* "Ardern phoned Dorsey. She thanked him.": a pronoun for the
       * second actor joins the sentence to the one before it in the
       * paragraph. */
      if (s > 0 && head->pronoun != NULL && head->resolved == NULL
          && g_array_index (reading.sentences, Span, s - 1).paragraph == sentence->paragraph)
        {
          const Span *previous = &g_array_index (reading.sentences, Span, s - 1);
          g_autoptr(Part) before = part_new (&reading, previous->start, previous->end);

          part_resolve (head, before);
          if (head->resolved != NULL)
            {
              g_autoptr(Part) joined = part_new (&reading, head->start, head->end);

              /* The words of both, the actors of this one and the one
               * the pronoun stands for: not every actor named before. */
              joined->start = before->start;
              joined->resolved = head->resolved;
              propose (&reading, joined, suggestions);
              first = 1;
            }
        }

      for (guint i = first; i < parts->len; i++)
        propose (&reading, g_ptr_array_index (parts, i), suggestions);
    }

  return g_steal_pointer (&suggestions);
}

GPtrArray *
ties_suggest_document (TiesDocument *document)
{
  GListModel *sources;
  GPtrArray *suggestions;
  guint n;

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), NULL);

  suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify) ties_suggestion_free);
  sources = G_LIST_MODEL (ties_document_get_sources (document));
  n = g_list_model_get_n_items (sources);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiesSource) source = g_list_model_get_item (sources, i);
      g_autoptr(GPtrArray) found = ties_suggest_source (document, source);

      g_ptr_array_extend_and_steal (suggestions, g_steal_pointer (&found));
    }

  return suggestions;
}

TiesEvent *
ties_suggestion_accept (TiesDocument         *document,
                        const TiesSuggestion *suggestion)
{
  g_autoptr(TiesEvent) event = NULL;
  g_autoptr(TiesEvidence) evidence = NULL;
  g_autoptr(GPtrArray) participants = NULL;
  g_autofree char *id = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  TiesSource *source;
  glong length;

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (suggestion != NULL, NULL);
  g_return_val_if_fail (suggestion->start >= 0 && suggestion->end >= suggestion->start, NULL);
  g_return_val_if_fail (suggestion->exact != NULL && suggestion->source != NULL, NULL);

  source = ties_document_lookup_source (document, suggestion->source);
  g_return_val_if_fail (source != NULL, NULL);
  length = ties_source_get_text_length (source);
  g_return_val_if_fail (suggestion->end <= length, NULL);

  id = ties_document_make_event_id (document, suggestion->title, suggestion->date);
  event = ties_event_new (id, suggestion->title, suggestion->kind);

  participants = g_ptr_array_new ();
  for (guint i = 0; suggestion->participants != NULL && i < suggestion->participants->len; i++)
    g_ptr_array_add (participants, g_ptr_array_index (suggestion->participants, i));
  g_ptr_array_add (participants, NULL);
  ties_event_set_participants (event, (const char * const *) participants->pdata);
  ties_event_set_initiator (event, suggestion->initiator);
  ties_event_set_date (event, suggestion->date);
  ties_event_set_date_phrase (event, suggestion->date_phrase);

  evidence = ties_evidence_new (suggestion->source, suggestion->exact,
                                (guint) suggestion->start, (guint) suggestion->end);
  prefix = ties_source_dup_text_range (source, MAX (0, suggestion->start - CONTEXT_LENGTH), suggestion->start);
  suffix = ties_source_dup_text_range (source, suggestion->end, MIN (length, suggestion->end + CONTEXT_LENGTH));
  ties_evidence_set_prefix (evidence, prefix);
  ties_evidence_set_suffix (evidence, suffix);
  ties_evidence_set_status (evidence, ties_source_range_equals (source, suggestion->start, suggestion->end,
                                                                suggestion->exact)
                                        ? TIES_EVIDENCE_ANCHORED : TIES_EVIDENCE_ORPHANED);
  g_list_store_append (ties_event_get_evidence (event), evidence);

  /* The event arrives with its evidence: one step of undo. */
  ties_document_add_event (document, event);

  return event;
}
