/* test-mentions.c: finding the actors a text names
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include <locale.h>

#include <string.h>

#include "ties-mentions.h"

static TiesActor *
add_actor (TiesDocument *document,
           const char   *id,
           const char   *name,
           const char   *alias,
           ...)
{
  g_autoptr(TiesActor) actor = ties_actor_new (id, name, TIES_ACTOR_PERSON);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) aliases = NULL;
  va_list args;

  va_start (args, alias);
  for (const char *a = alias; a != NULL; a = va_arg (args, const char *))
    g_strv_builder_add (builder, a);
  va_end (args);
  aliases = g_strv_builder_end (builder);
  ties_actor_set_aliases (actor, (const char * const *) aliases);
  ties_document_add_actor (document, actor);

  return actor;
}

/* "id@words" for each mention, where words are the text between the
 * mention's code point offsets: this proves the offsets, not only the
 * actors. */
static char *
describe (TiesDocument *document,
          const char   *text)
{
  g_autoptr(GArray) mentions = ties_mentions_find (document, text);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < mentions->len; i++)
    {
      const TiesMention *m = &g_array_index (mentions, TiesMention, i);
      g_autofree char *words = g_utf8_substring (text, m->start, m->end);

      g_assert_cmpint (m->start, <, m->end);
      if (i > 0)
        g_assert_cmpint (g_array_index (mentions, TiesMention, i - 1).end, <=, m->start);
      g_string_append_printf (out, "%s%s@%s", i > 0 ? "|" : "", ties_actor_get_id (m->actor), words);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_case_and_diacritics (void)
{
  g_autoptr(TiesDocument) document = ties_document_new ();
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;

  add_actor (document, "ardern", "Jacinda Ardern", "Ardern", NULL);
  add_actor (document, "maori-party", "Te Pāti Māori", "Maori Party", NULL);
  add_actor (document, "strauss", "Straße Verein", NULL);

  a = describe (document, "JACINDA ARDERN met ardern's rivals.");
  g_assert_cmpstr (a, ==, "ardern@JACINDA ARDERN|ardern@ardern");

  /* The macron in the text, the alias without; then the other way
   * round; then the macron as a combining character of its own, which
   * still belongs to the mention. */
  b = describe (document, "The Māori Party and te pati maori and Te Pa\xcc\x84ti Ma\xcc\x84ori.");
  g_assert_cmpstr (b, ==,
                   "maori-party@Māori Party|maori-party@te pati maori|maori-party@Te Pa\xcc\x84ti Ma\xcc\x84ori");

  /* Case folding that changes the length: ß is "ss". */
  c = describe (document, "Die STRASSE  VEREIN tagte.");
  g_assert_cmpstr (c, ==, "strauss@STRASSE  VEREIN");

  /* Spaces and a line break inside a name are one space. */
  d = describe (document, "Jacinda\nArdern");
  g_assert_cmpstr (d, ==, "ardern@Jacinda\nArdern");
}

static void
test_word_boundaries (void)
{
  g_autoptr(TiesDocument) document = ties_document_new ();
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  add_actor (document, "cook", "Tim Cook", "Cook", NULL);

  a = describe (document, "Cookson, Cook's and cooking: Cook.");
  g_assert_cmpstr (a, ==, "cook@Cook|cook@Cook");

  b = describe (document, "Precook");
  g_assert_cmpstr (b, ==, "");
}

static void
test_scripts (void)
{
  g_autoptr(TiesDocument) document = ties_document_new ();
  g_autofree char *han = NULL;
  g_autofree char *arabic = NULL;
  g_autofree char *cyrillic = NULL;

  add_actor (document, "xi", "习近平", NULL);
  add_actor (document, "mbs", "محمد بن سلمان", NULL);
  add_actor (document, "putin", "Владимир Путин", "Путин", NULL);

  /* Han has no spaces: the name inside a longer run is found. */
  han = describe (document, "国家主席习近平主席在北京会见了习近平。");
  g_assert_cmpstr (han, ==, "xi@习近平|xi@习近平");

  /* Arabic needs word boundaries, and its vowel marks are diacritics:
   * "ومحمد" is "and Muhammad", one word, not the name. */
  arabic = describe (document, "التقى مُحَمَّد بن سلمان بالوفد، ومحمد بن سلمانية");
  g_assert_cmpstr (arabic, ==, "mbs@مُحَمَّد بن سلمان");

  cyrillic = describe (document, "ПУТИН и Владимир Путин");
  g_assert_cmpstr (cyrillic, ==, "putin@ПУТИН|putin@Владимир Путин");
}

/* Offsets are code points of the text as written: an emoji with a
 * skin-tone modifier is two of them, and shifts what follows by two. */
static void
test_offsets_after_emoji (void)
{
  g_autoptr(TiesDocument) document = ties_document_new ();
  const char *text = "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd Ardern \xf0\x9f\x87\xb3\xf0\x9f\x87\xbf Dorsey";
  g_autoptr(GArray) mentions = NULL;
  const TiesMention *m;

  add_actor (document, "ardern", "Jacinda Ardern", "Ardern", NULL);
  add_actor (document, "dorsey", "Jack Dorsey", "Dorsey", NULL);

  mentions = ties_mentions_find (document, text);
  g_assert_cmpuint (mentions->len, ==, 2);
  m = &g_array_index (mentions, TiesMention, 0);
  g_assert_cmpint (m->start, ==, 3);
  g_assert_cmpint (m->end, ==, 9);
  g_assert_cmpstr (ties_actor_get_id (m->actor), ==, "ardern");
  m = &g_array_index (mentions, TiesMention, 1);
  g_assert_cmpint (m->start, ==, 13);
  g_assert_cmpint (m->end, ==, 19);
  g_assert_cmpstr (ties_actor_get_id (m->actor), ==, "dorsey");
}

/* The longest name wins, wherever it starts, and mentions never overlap;
 * an actor's name wins over another actor's alias of the same words. */
static void
test_longest_first (void)
{
  g_autoptr(TiesDocument) document = ties_document_new ();
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  add_actor (document, "twitter", "Twitter", NULL);
  add_actor (document, "dorsey", "Jack Dorsey", "Twitter boss Jack Dorsey", "Dorsey", NULL);
  add_actor (document, "dpmc", "Department of the Prime Minister and Cabinet", NULL);
  add_actor (document, "ardern", "Jacinda Ardern", "the Prime Minister", "Jack", NULL);

  a = describe (document, "Twitter boss Jack Dorsey met the Prime Minister at Twitter.");
  g_assert_cmpstr (a, ==, "dorsey@Twitter boss Jack Dorsey|ardern@the Prime Minister|twitter@Twitter");

  b = describe (document, "the Department of the Prime Minister and Cabinet wrote to Jack.");
  g_assert_cmpstr (b, ==, "dpmc@Department of the Prime Minister and Cabinet|ardern@Jack");
}

/* The reader calls this on a 50,000-word source with 2,000 actors. */
static void
test_large (void)
{
  g_autoptr(TiesDocument) document = ties_document_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) mentions = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  gint64 started;
  double seconds;
  guint expected = 0;

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *id = g_strdup_printf ("actor-%u", i);
      g_autofree char *name = g_strdup_printf ("Person%u Surname%u", i, i);
      g_autofree char *alias = g_strdup_printf ("Surname%u", i);

      add_actor (document, id, name, alias, NULL);
    }

  for (guint w = 0; w < 50000; w++)
    {
      if (g_rand_int_range (rand, 0, 20) == 0)
        {
          g_string_append_printf (text, "Person%u Surname%u ", w % 2000, w % 2000);
          expected++;
          w++;
        }
      else
        {
          g_string_append (text, w % 13 == 0 ? "Surnames. " : "word ");
        }
    }

  started = g_get_monotonic_time ();
  mentions = ties_mentions_find (document, text->str);
  seconds = (g_get_monotonic_time () - started) / 1e6;
  g_test_message ("%u mentions in 50,000 words with 2,000 actors: %.3f s", mentions->len, seconds);

  g_assert_cmpuint (mentions->len, ==, expected);
  for (guint i = 0; i < mentions->len; i++)
    g_assert_cmpint (g_array_index (mentions, TiesMention, i).end
                     - g_array_index (mentions, TiesMention, i).start, >, 10);
  /* Generous, for sanitizer builds; a scan per alias takes minutes. */
  g_assert_cmpfloat (seconds, <, 10.0);
}

/* What a search compares: folded as mentions are, so that a plain
 * keyboard finds every name; and an actor by part of any of its names. */
static void
test_fold_and_match (void)
{
  static const struct { const char *text, *folded; } cases[] = {
    { "Ngāwhika", "ngawhika" },
    { "  Søren   Kierkegaard ", " søren kierkegaard " },
    { "O’Brien", "o'brien" },
    { "ＦＵＬＬ", "full" },
    { "習近平", "習近平" },
    { "", "" },
  };
  g_autoptr(TiesActor) actor = ties_actor_new ("dpmc", "Department of the Prime Minister and Cabinet",
                                               TIES_ACTOR_ORGANISATION);
  const char * const aliases[] = { "DPMC", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = ties_text_fold (cases[i].text);

      g_assert_cmpstr (folded, ==, cases[i].folded);
    }

  ties_actor_set_aliases (actor, aliases);
  g_assert_true (ties_actor_matches_folded (actor, ""));
  g_assert_true (ties_actor_matches_folded (actor, "prime minister"));
  g_assert_true (ties_actor_matches_folded (actor, "dpm"));
  g_assert_true (ties_actor_matches_folded (actor, "cabinet"));
  g_assert_false (ties_actor_matches_folded (actor, "treasury"));
}

static int
compare_texts (gconstpointer a,
               gconstpointer b)
{
  return ties_text_collate (*(const char * const *) a, *(const char * const *) b);
}

/* Issue 14: names sort as a reader looks them up, whatever the script
 * and whatever the marks: case and diacritics second, alef with hamza as
 * alef, vowel marks ignored, right-to-left names by their first letter
 * as written (logical order), not as shown. */
static void
test_collate (void)
{
  const char *expected[] = {
    "Ängel", "Angela", "bell hooks", "Bezos", "Ngāwhika", "Ngawhika Smith", "Zoe",
    "אברהם", "מרים",
    "ابراهيم", "أحمد", "عمر الرشيد", "مُحَمَّد", "محمود",
  };
  const char *shuffled[G_N_ELEMENTS (expected)];
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);

  /* The locale the suite runs in (C.UTF-8) collates by code point: the
   * folding alone has to give the order above. */
  memcpy (shuffled, expected, sizeof expected);
  for (guint round = 0; round < 20; round++)
    {
      for (guint i = G_N_ELEMENTS (shuffled) - 1; i > 0; i--)
        {
          guint j = g_rand_int_range (rand, 0, (gint32) i + 1);
          const char *swap = shuffled[i];

          shuffled[i] = shuffled[j];
          shuffled[j] = swap;
        }
      qsort (shuffled, G_N_ELEMENTS (shuffled), sizeof shuffled[0], compare_texts);
      for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
        g_assert_cmpstr (shuffled[i], ==, expected[i]);
    }

  /* Equal when folded, the names still have one order, both ways. */
  g_assert_cmpint (ties_text_collate ("Ngāwhika", "Ngawhika"), !=, 0);
  g_assert_cmpint (ties_text_collate ("Ngāwhika", "Ngawhika"), ==, -ties_text_collate ("Ngawhika", "Ngāwhika"));
  g_assert_cmpint (ties_text_collate ("Cook", "Cook"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mentions/fold-and-match", test_fold_and_match);
  g_test_add_func ("/mentions/collate", test_collate);
  g_test_add_func ("/mentions/case-and-diacritics", test_case_and_diacritics);
  g_test_add_func ("/mentions/word-boundaries", test_word_boundaries);
  g_test_add_func ("/mentions/scripts", test_scripts);
  g_test_add_func ("/mentions/offsets-after-emoji", test_offsets_after_emoji);
  g_test_add_func ("/mentions/longest-first", test_longest_first);
  g_test_add_func ("/mentions/large", test_large);

  return g_test_run ();
}
