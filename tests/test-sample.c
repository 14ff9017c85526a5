/* test-sample.c: the annotated Christchurch Call article
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ties-document-io.h"
#include "ties-network.h"
#include "test-util.h"

static TiesSource *
the_source (TiesDocument *document)
{
  g_autoptr(TiesSource) source = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_sources (document))), ==, 1);
  source = g_list_model_get_item (G_LIST_MODEL (ties_document_get_sources (document)), 0);

  return source;
}

/* The source text is the article, character for character. */
static void
test_source_is_article (void)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  TiesSource *source = the_source (document);
  g_autofree char *article = NULL;

  g_assert_cmpstr (ties_source_get_publisher (source), ==, "NZ Herald");
  g_assert_cmpstr (ties_source_get_published (source), ==, "2019-09-02/2019-09-08");
  g_assert_nonnull (strstr (ties_source_get_title (source), "Dorsey"));

  if (!g_file_get_contents (SEED_ARTICLE, &article, NULL, NULL))
    {
      g_test_skip ("the seed article (../shared/seed) is not beside this checkout");
      return;
    }

  g_assert_cmpstr (ties_source_get_text (source), ==, article);
}

/* Every quote is the text between its offsets, counted in code points,
 * with the 32 code points either side as prefix and suffix. */
static void
test_evidence_offsets (void)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  TiesSource *source = the_source (document);
  GListModel *events = G_LIST_MODEL (ties_document_get_events (document));
  guint n_checked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (events, i);
      GListModel *evidence = G_LIST_MODEL (ties_event_get_evidence (event));

      g_test_message ("%s", ties_event_get_id (event));
      g_assert_cmpuint (g_list_model_get_n_items (evidence), >=, 1);

      for (guint j = 0; j < g_list_model_get_n_items (evidence); j++)
        {
          g_autoptr(TiesEvidence) item = g_list_model_get_item (evidence, j);
          glong start = ties_evidence_get_start (item);
          glong end = ties_evidence_get_end (item);
          g_autofree char *quote = ties_source_dup_text_range (source, start, end);
          g_autofree char *prefix = ties_source_dup_text_range (source, MAX (0, start - 32), start);
          g_autofree char *suffix = ties_source_dup_text_range (source, end, MIN (ties_source_get_text_length (source), end + 32));
          const char *text = ties_source_get_text (source);
          const char *first = strstr (text, ties_evidence_get_exact (item));

          g_assert_cmpint (ties_evidence_get_status (item), ==, TIES_EVIDENCE_ANCHORED);
          g_assert_cmpstr (quote, ==, ties_evidence_get_exact (item));
          g_assert_cmpstr (prefix, ==, ties_evidence_get_prefix (item));
          g_assert_cmpstr (suffix, ==, ties_evidence_get_suffix (item));
          g_assert_cmpuint (strlen (quote), >, 10);

          /* The quote names one place in the article. */
          g_assert_nonnull (first);
          g_assert_null (strstr (first + 1, ties_evidence_get_exact (item)));
          n_checked++;
        }
    }

  g_assert_cmpuint (n_checked, >=, 21);
}

typedef struct
{
  const char *id;
  const char *kind;
  const char *date;
  const char *participants[6];
  const char *initiator;
  const char *place;
} ExpectedEvent;

/* What the article reports, as a historian reads it. */
static const ExpectedEvent expected_events[] = {
  { "dorsey-phone-call", "phone-call", "2019-04", { "ardern", "dorsey" }, "ardern", NULL },
  { "dorsey-paris-meeting", "meeting", NULL, { "ardern", "dorsey" }, NULL, "Paris" },
  { "christchurch-call-summit", "summit", "2019-05-15", { "ardern", "dorsey" }, NULL, "Paris" },
  { "wellington-follow-up", "meeting", "2019-09-09", { "ardern", "dorsey" }, NULL, "Wellington" },
  { "dorsey-account-hack", "incident", "2019-08-30", { "dorsey" }, NULL, NULL },
  { "zuckerberg-call", "phone-call", "2019-04-17", { "ardern", "zuckerberg" }, "ardern", NULL },
  { "pichai-call", "phone-call", "2019-04-23", { "ardern", "pichai" }, "ardern", NULL },
  { "cook-call", "phone-call", "2019-04-24", { "ardern", "cook" }, "ardern", NULL },
  { "bezos-call", "phone-call", "2019-05-02", { "ardern", "bezos" }, "ardern", NULL },
  { "wojcicki-call", "phone-call", "2019-05", { "ardern", "wojcicki" }, "ardern", NULL },
  { "wojcicki-email", "email", NULL, { "wojcicki" }, "wojcicki", NULL },
  { "dpmc-email-amazon", "email", NULL, { "dpmc", "amazon" }, "dpmc", NULL },
  { "amazon-reply", "email", NULL, { "amazon", "dpmc" }, "amazon", NULL },
  { "smith-ministers-meeting", "meeting", NULL, { "ardern", "parker", "little", "faafoi", "smith" }, NULL, "Wellington" },
  { "dpmc-email-apple", "email", NULL, { "dpmc", "apple" }, "dpmc", NULL },
  { "davos-dinner", "meeting", "2019-01-22/2019-01-25", { "ardern", "cook" }, NULL, "Davos" },
  { "nine-point-plan", "agreement", NULL, { "twitter", "facebook", "amazon", "google", "microsoft" }, NULL, NULL },
  { "unga-trip", "summit", NULL, { "ardern" }, NULL, "New York" },
};

static void
test_events (void)
{
  g_autoptr(TiesDocument) document = test_load_sample ();

  for (guint i = 0; i < G_N_ELEMENTS (expected_events); i++)
    {
      const ExpectedEvent *expected = &expected_events[i];
      TiesEvent *event = ties_document_lookup_event (document, expected->id);

      g_test_message ("%s", expected->id);
      g_assert_nonnull (event);
      g_assert_cmpstr (ties_event_get_kind (event), ==, expected->kind);
      if (expected->date != NULL)
        g_assert_cmpstr (ties_event_get_date (event), ==, expected->date);
      /* Every event is dated at some precision. */
      g_assert_nonnull (ties_event_get_parsed_date (event));
      for (guint j = 0; expected->participants[j] != NULL; j++)
        g_assert_true (ties_event_has_participant (event, expected->participants[j]));
      if (expected->initiator != NULL)
        g_assert_cmpstr (ties_event_get_initiator (event), ==, expected->initiator);
      if (expected->place != NULL)
        g_assert_cmpstr (ties_event_get_place (event), ==, expected->place);
    }

  /* Zuckerberg "did not make it to the Christchurch Call summit". */
  g_assert_false (ties_event_has_participant (ties_document_lookup_event (document, "christchurch-call-summit"),
                                              "zuckerberg"));
}

/* The relative dates resolve against the publication week. */
static void
test_relative_dates (void)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  TiesEvent *paris = ties_document_lookup_event (document, "dorsey-paris-meeting");
  TiesEvent *summit = ties_document_lookup_event (document, "christchurch-call-summit");
  TiesEvent *unga = ties_document_lookup_event (document, "unga-trip");
  TiesEvent *wellington = ties_document_lookup_event (document, "wellington-follow-up");
  g_autoptr(TiesDate) published = ties_date_parse ("2019-09-02/2019-09-08", NULL, NULL);
  gint64 pub_first, pub_last, first, last;

  /* "in the days leading up to the Christchurch Call summit" */
  g_assert_cmpint (ties_date_compare (ties_event_get_parsed_date (paris), ties_event_get_parsed_date (summit)), <, 0);
  ties_date_get_strict_range (ties_event_get_parsed_date (paris), &first, &last);
  ties_date_get_strict_range (ties_event_get_parsed_date (summit), &pub_first, &pub_last);
  g_assert_cmpint (last, <, pub_first);

  ties_date_get_strict_range (published, &pub_first, &pub_last);
  /* "next week … on Monday" and "in two weeks" come after publication. */
  ties_date_get_strict_range (ties_event_get_parsed_date (wellington), &first, &last);
  g_assert_cmpint (first, >, pub_last);
  g_assert_cmpint (last - first, ==, 0);
  ties_date_get_strict_range (ties_event_get_parsed_date (unga), &first, &last);
  g_assert_cmpint (first, >, pub_last);
  g_assert_true (ties_date_is_approximate (ties_event_get_parsed_date (unga)));
  g_assert_cmpstr (ties_event_get_date_phrase (unga), ==, "in two weeks");
}

static void
test_network (void)
{
  static const char * const people[] = {
    "dorsey", "zuckerberg", "bezos", "pichai", "cook", "smith", "wojcicki",
  };
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);

  g_assert_nonnull (ties_document_lookup_actor (document, "ardern"));

  /* All eight people are linked, each of the seven to Ardern. */
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      TiesActor *actor = ties_document_lookup_actor (document, people[i]);

      g_assert_nonnull (actor);
      g_assert_cmpint (ties_actor_get_kind (actor), ==, TIES_ACTOR_PERSON);
      g_assert_nonnull (ties_network_lookup_tie (network, "ardern", people[i]));
    }

  /* The April call, Paris, the summit and the Wellington follow-up. */
  g_assert_cmpuint (ties_tie_get_weight (ties_network_lookup_tie (network, "ardern", "dorsey")), ==, 4);
  g_assert_cmpuint (ties_tie_get_n_a_to_b (ties_network_lookup_tie (network, "ardern", "cook")), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sample/source", test_source_is_article);
  g_test_add_func ("/sample/evidence-offsets", test_evidence_offsets);
  g_test_add_func ("/sample/events", test_events);
  g_test_add_func ("/sample/relative-dates", test_relative_dates);
  g_test_add_func ("/sample/network", test_network);

  return g_test_run ();
}
