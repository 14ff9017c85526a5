/* test-reanchor.c: a source's text corrected, its evidence re-anchored
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ties-document.h"

typedef struct
{
  TiesDocument *document;
  TiesSource *source;
  TiesEvent *event;
  TiesDocumentChange changes;
} Fixture;

static void
on_parts_changed (TiesDocument       *document,
                  TiesDocumentChange  changes,
                  Fixture            *fixture)
{
  fixture->changes |= changes;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TiesSource) source = ties_source_new ("s");
  g_autoptr(TiesEvent) event = ties_event_new ("e", "E", "meeting");

  fixture->document = ties_document_new ();
  ties_document_add_source (fixture->document, source);
  ties_document_add_event (fixture->document, event);
  fixture->source = source;
  fixture->event = event;
  g_signal_connect (fixture->document, "parts-changed", G_CALLBACK (on_parts_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->document);
}

/* Sets the text without history, as a loaded document has it. */
static void
fixture_set_text (Fixture    *fixture,
                  const char *text)
{
  ties_source_set_text (fixture->source, text);
}

/* Evidence quoting the @nth (from 0) occurrence of @exact in the text,
 * with its context as a selection in the reader would make it. */
static TiesEvidence *
fixture_quote (Fixture    *fixture,
               const char *exact,
               guint       nth)
{
  const char *text = ties_source_get_text (fixture->source);
  const char *p = strstr (text, exact);
  g_autoptr(TiesEvidence) evidence = NULL;
  glong start;

  for (guint i = 0; i < nth && p != NULL; i++)
    p = strstr (p + 1, exact);
  g_assert_nonnull (p);

  start = g_utf8_pointer_to_offset (text, p);
  evidence = ties_evidence_new_for_range (fixture->source, start, start + g_utf8_strlen (exact, -1));
  g_assert_cmpstr (ties_evidence_get_exact (evidence), ==, exact);
  g_list_store_append (ties_event_get_evidence (fixture->event), evidence);

  return evidence;
}

/* Code point offset of the @nth occurrence of @exact in @text. */
static glong
offset_of (const char *text,
           const char *exact,
           guint       nth)
{
  const char *p = strstr (text, exact);

  for (guint i = 0; i < nth && p != NULL; i++)
    p = strstr (p + 1, exact);
  g_assert_nonnull (p);

  return g_utf8_pointer_to_offset (text, p);
}

static void
assert_selects (Fixture      *fixture,
                TiesEvidence *evidence,
                glong         start)
{
  const char *exact = ties_evidence_get_exact (evidence);

  g_assert_cmpint (ties_evidence_get_status (evidence), ==, TIES_EVIDENCE_ANCHORED);
  g_assert_cmpuint (ties_evidence_get_start (evidence), ==, start);
  g_assert_cmpuint (ties_evidence_get_end (evidence), ==, start + g_utf8_strlen (exact, -1));
  g_assert_true (ties_source_range_equals (fixture->source,
                                           ties_evidence_get_start (evidence),
                                           ties_evidence_get_end (evidence),
                                           exact));
}

static void
test_unique_quote_moves (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *corrected = "In May, Ardern met Dorsey in Paris, at the Élysée.";
  TiesEvidence *evidence;

  fixture_set_text (fixture, "Ardern met Dorsey in Paris.");
  evidence = fixture_quote (fixture, "met Dorsey", 0);
  g_assert_cmpuint (ties_evidence_get_start (evidence), ==, 7);

  fixture->changes = TIES_DOCUMENT_CHANGE_NONE;
  ties_document_set_source_text (fixture->document, fixture->source, corrected);
  g_assert_cmpstr (ties_source_get_text (fixture->source), ==, corrected);
  g_assert_true (fixture->changes & TIES_DOCUMENT_CHANGE_SOURCES);
  g_assert_true (fixture->changes & TIES_DOCUMENT_CHANGE_EVIDENCE);
  assert_selects (fixture, evidence, 15);
  /* The stored words and context are the quote's own, not rewritten. */
  g_assert_cmpstr (ties_evidence_get_prefix (evidence), ==, "Ardern ");
  g_assert_cmpstr (ties_evidence_get_suffix (evidence), ==, " in Paris.");
}

/* The quote twice, the edit reaching over both: only the context tells
 * them apart. */
static void
test_repeated_quote_by_context (Fixture       *fixture,
                                gconstpointer  data)
{
  const char *corrected = "Yesterday A phoned Dorsey. Later Cook phoned Dorsey again, twice!";
  TiesEvidence *first, *second;

  fixture_set_text (fixture, "A phoned Dorsey. Later Cook phoned Dorsey again.");
  first = fixture_quote (fixture, "phoned Dorsey", 0);
  second = fixture_quote (fixture, "phoned Dorsey", 1);

  ties_document_set_source_text (fixture->document, fixture->source, corrected);
  /* The first keeps its whole context ("A " and ". Later Cook phoned
   * Dorsey again"); the second only its prefix, " again." having become
   * " again, twice!", which is still one place. */
  assert_selects (fixture, first, offset_of (corrected, "phoned Dorsey", 0));
  assert_selects (fixture, second, offset_of (corrected, "phoned Dorsey", 1));
}

/* Text inserted before a repeated quote makes its old offsets select the
 * other occurrence: the context, not the offsets, decides. */
static void
test_repeated_quote_offsets_coincide (Fixture       *fixture,
                                      gconstpointer  data)
{
  const char *corrected = "C said yes. A said yes. B said yes.";
  TiesEvidence *evidence;

  fixture_set_text (fixture, "A said yes. B said yes.");
  evidence = fixture_quote (fixture, "said yes", 1);
  g_assert_cmpuint (ties_evidence_get_start (evidence), ==, 14);

  ties_document_set_source_text (fixture->document, fixture->source, corrected);
  /* 14 is now "said yes" after A, a place with the same words. */
  g_assert_true (ties_source_range_equals (fixture->source, 14, 22, "said yes"));
  assert_selects (fixture, evidence, offset_of (corrected, "said yes", 2));
}

/* Same words, same context: the quote's old place decides when the edit
 * left it alone, and nothing decides when the edit went over it. */
static void
test_repeated_quote_same_context (Fixture       *fixture,
                                  gconstpointer  data)
{
  const char *appended = "Yes, yes. Yes, yes. The end.";
  const char *rewritten = "No: yes, yes. Yes, yes.";
  TiesEvidence *evidence;

  fixture_set_text (fixture, "Yes, yes. Yes, yes.");
  evidence = fixture_quote (fixture, "yes", 0);
  ties_evidence_set_prefix (evidence, "");
  ties_evidence_set_suffix (evidence, "");
  g_assert_cmpuint (ties_evidence_get_start (evidence), ==, 5);

  ties_document_set_source_text (fixture->document, fixture->source, appended);
  assert_selects (fixture, evidence, 5);

  ties_document_set_source_text (fixture->document, fixture->source, rewritten);
  g_assert_cmpint (ties_evidence_get_status (evidence), ==, TIES_EVIDENCE_ORPHANED);
  g_assert_cmpuint (ties_evidence_get_start (evidence), ==, 5);
  g_assert_cmpuint (ties_evidence_get_end (evidence), ==, 8);
}

static void
test_missing_quote_orphaned (Fixture       *fixture,
                             gconstpointer  data)
{
  TiesEvidence *evidence;
  TiesEvidence *kept;

  fixture_set_text (fixture, "Ardern phoned Dorsey on April 17. Cook wrote back.");
  evidence = fixture_quote (fixture, "phoned Dorsey", 0);
  kept = fixture_quote (fixture, "Cook wrote back", 0);

  ties_document_set_source_text (fixture->document, fixture->source,
                                 "Ardern called Dorsey on April 17. Cook wrote back.");
  g_assert_cmpint (ties_evidence_get_status (evidence), ==, TIES_EVIDENCE_ORPHANED);
  g_assert_cmpstr (ties_evidence_get_exact (evidence), ==, "phoned Dorsey");
  g_assert_cmpstr (ties_evidence_get_prefix (evidence), ==, "Ardern ");
  g_assert_cmpstr (ties_evidence_get_suffix (evidence), ==, " on April 17. Cook wrote back.");
  g_assert_cmpuint (ties_evidence_get_start (evidence), ==, 7);
  g_assert_cmpuint (ties_evidence_get_end (evidence), ==, 20);
  g_assert_cmpuint (ties_document_count_orphaned (fixture->document), ==, 1);
  assert_selects (fixture, kept, 34);

  /* Corrected back: the orphan finds its words again. */
  ties_document_set_source_text (fixture->document, fixture->source,
                                 "Ardern phoned Dorsey on 17 April. Cook wrote back.");
  assert_selects (fixture, evidence, 7);
  g_assert_cmpuint (ties_document_count_orphaned (fixture->document), ==, 0);
}

/* Text, offsets and statuses of every item come back in one undo. */
static void
test_undo_redo (Fixture       *fixture,
                gconstpointer  data)
{
  const char *original = "A phoned B. Later C met D. Then E wrote to F.";
  const char *corrected = "On Monday A phoned B. Later C met D and G. Then E emailed F.";
  TiesHistory *history = ties_document_get_history (fixture->document);
  TiesEvidence *moved, *extended, *orphaned;
  g_autoptr(TiesSource) other = ties_source_new ("other");
  g_autoptr(TiesEvidence) elsewhere = NULL;

  fixture_set_text (fixture, original);
  moved = fixture_quote (fixture, "A phoned B", 0);
  extended = fixture_quote (fixture, "C met D", 0);
  orphaned = fixture_quote (fixture, "E wrote to F", 0);

  /* Evidence from another source with the same words is not touched. */
  ties_source_set_text (other, original);
  ties_document_add_source (fixture->document, other);
  elsewhere = ties_evidence_new_for_range (other, 0, 10);
  g_list_store_append (ties_event_get_evidence (fixture->event), elsewhere);
  ties_history_clear (history);

  ties_document_set_source_text (fixture->document, fixture->source, corrected);
  assert_selects (fixture, moved, 10);
  assert_selects (fixture, extended, offset_of (corrected, "C met D", 0));
  g_assert_cmpint (ties_evidence_get_status (orphaned), ==, TIES_EVIDENCE_ORPHANED);
  g_assert_cmpuint (ties_evidence_get_start (elsewhere), ==, 0);
  g_assert_cmpint (ties_evidence_get_status (elsewhere), ==, TIES_EVIDENCE_ANCHORED);

  fixture->changes = TIES_DOCUMENT_CHANGE_NONE;
  g_assert_true (ties_history_undo (history));
  g_assert_false (ties_history_get_can_undo (history));
  g_assert_true (fixture->changes & TIES_DOCUMENT_CHANGE_SOURCES);
  g_assert_true (fixture->changes & TIES_DOCUMENT_CHANGE_EVIDENCE);
  g_assert_cmpstr (ties_source_get_text (fixture->source), ==, original);
  assert_selects (fixture, moved, 0);
  assert_selects (fixture, extended, offset_of (original, "C met D", 0));
  assert_selects (fixture, orphaned, offset_of (original, "E wrote to F", 0));

  g_assert_true (ties_history_redo (history));
  g_assert_false (ties_history_get_can_redo (history));
  g_assert_cmpstr (ties_source_get_text (fixture->source), ==, corrected);
  assert_selects (fixture, moved, 10);
  assert_selects (fixture, extended, offset_of (corrected, "C met D", 0));
  g_assert_cmpint (ties_evidence_get_status (orphaned), ==, TIES_EVIDENCE_ORPHANED);
  g_assert_cmpuint (ties_evidence_get_start (orphaned), ==, offset_of (original, "E wrote to F", 0));
}

/* Offsets are code points: te reo Māori, an emoji with its skin tone (two
 * code points), CJK and Arabic before the quote. */
static void
test_scripts (Fixture       *fixture,
              gconstpointer  data)
{
  const char *original = "Kia ora. Ardern phoned Dorsey; Ardern phoned Dorsey again.";
  const char *corrected = "Tēnā koutou 👋🏽 中文报道 تقرير: Kia ora. Ardern phoned Dorsey; Ardern phoned Dorsey again.";
  const char *macron = "Tā said yes; Tā said yes";
  const char *other_macron = "Tą said yes; Tā said yes";
  TiesEvidence *first, *second, *said;
  glong start;

  fixture_set_text (fixture, original);
  first = fixture_quote (fixture, "Ardern phoned Dorsey", 0);
  second = fixture_quote (fixture, "Ardern phoned Dorsey", 1);

  ties_document_set_source_text (fixture->document, fixture->source, corrected);
  start = offset_of (corrected, "Ardern phoned Dorsey", 0);
  /* "Tēnā koutou " 12, wave and tone and space 3, "中文报道 " 5,
   * "تقرير: " 7, "Kia ora. " 9 */
  g_assert_cmpint (start, ==, 12 + 3 + 5 + 7 + 9);
  assert_selects (fixture, first, start);
  assert_selects (fixture, second, offset_of (corrected, "Ardern phoned Dorsey", 1));

  /* An edit inside a character's bytes (ā → ą share their first byte)
   * still maps the old places right. */
  ties_document_set_source_text (fixture->document, fixture->source, macron);
  said = fixture_quote (fixture, "said yes", 1);
  ties_evidence_set_prefix (said, "");
  ties_evidence_set_suffix (said, "");
  ties_document_set_source_text (fixture->document, fixture->source, other_macron);
  assert_selects (fixture, said, 16);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/reanchor/unique-quote-moves", test_unique_quote_moves);
  ADD ("/reanchor/repeated/context", test_repeated_quote_by_context);
  ADD ("/reanchor/repeated/offsets-coincide", test_repeated_quote_offsets_coincide);
  ADD ("/reanchor/repeated/same-context", test_repeated_quote_same_context);
  ADD ("/reanchor/missing-quote-orphaned", test_missing_quote_orphaned);
  ADD ("/reanchor/undo-redo", test_undo_redo);
  ADD ("/reanchor/scripts", test_scripts);

#undef ADD

  return g_test_run ();
}
