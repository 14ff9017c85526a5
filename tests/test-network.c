/* test-network.c: the ties derived from a document's events
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <gio/gio.h>

#include "ties-date.h"
#include "ties-document.h"
#include "ties-document-io.h"
#include "ties-history.h"
#include "ties-measures.h"
#include "ties-network.h"
#include "ties-tie.h"
#include "test-util.h"

/* Helpers */

static TiesDocument *
load_json (const char *json)
{
  g_autoptr(GError) error = NULL;
  TiesDocument *document;

  document = ties_document_load_from_data (json, strlen (json), "test.ties.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static void
add_actors (TiesDocument       *document,
            const char * const *ids)
{
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(TiesActor) actor = ties_actor_new (ids[i], ids[i], TIES_ACTOR_PERSON);

      ties_document_add_actor (document, actor);
    }
}

/* Adds an event; @participants is a space-separated list, @date and
 * @initiator may be NULL. */
static TiesEvent *
add_event (TiesDocument *document,
           const char   *id,
           const char   *kind,
           const char   *date,
           const char   *participants,
           const char   *initiator)
{
  g_autoptr(TiesEvent) event = ties_event_new (id, id, kind);
  g_auto(GStrv) people = g_strsplit (participants, " ", -1);

  ties_event_set_date (event, date);
  ties_event_set_participants (event, (const char * const *) people);
  ties_event_set_initiator (event, initiator);
  ties_document_add_event (document, event);

  return event;
}

static TiesDocument *
new_people_document (void)
{
  static const char * const ids[] = { "ann", "bob", "cat", "dan", "eve", NULL };
  TiesDocument *document = ties_document_new ();

  add_actors (document, ids);

  return document;
}

static guint
weight (TiesNetwork *network,
        const char  *a,
        const char  *b)
{
  TiesTie *tie = ties_network_lookup_tie (network, a, b);

  return tie != NULL ? ties_tie_get_weight (tie) : 0;
}

static guint
count_shared_events (TiesDocument *document,
                     const char   *a,
                     const char   *b)
{
  GListModel *events = G_LIST_MODEL (ties_document_get_events (document));
  guint n = g_list_model_get_n_items (events);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (events, i);

      if (ties_event_has_participant (event, a) && ties_event_has_participant (event, b))
        count++;
    }

  return count;
}

static void
on_changed (TiesNetwork *network,
            guint       *count)
{
  (*count)++;
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

/* The sample */

static const char * const tech_people[] = {
  "dorsey", "zuckerberg", "bezos", "pichai", "cook", "smith", "wojcicki", NULL
};

static void
test_sample_ardern_ties (void)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);

  g_assert_true (ties_network_get_document (network) == document);

  for (guint i = 0; tech_people[i] != NULL; i++)
    {
      TiesTie *tie = ties_network_lookup_tie (network, "ardern", tech_people[i]);

      g_test_message ("ardern–%s", tech_people[i]);
      g_assert_nonnull (tie);
      g_assert_true (tie == ties_network_lookup_tie (network, tech_people[i], "ardern"));
      g_assert_cmpstr (ties_tie_get_actor_a (tie), ==, "ardern");
      g_assert_cmpstr (ties_tie_get_actor_b (tie), ==, tech_people[i]);
      g_assert_cmpuint (ties_tie_get_weight (tie), ==,
                        count_shared_events (document, "ardern", tech_people[i]));
      g_assert_cmpuint (ties_tie_get_weight (tie), >=, 1);
    }

  /* The 8 people are among Ardern's ties, and only those counted. */
  g_assert_cmpuint (ties_network_get_degree (network, "ardern"), >=, g_strv_length ((char **) tech_people));
  g_assert_cmpuint (ties_network_get_n_events (network), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_events (document))));
}

static void
test_sample_ardern_dorsey (void)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  GListModel *events = G_LIST_MODEL (ties_document_get_events (document));
  g_autoptr(GPtrArray) expected_kinds = g_ptr_array_new ();
  g_autoptr(TiesDate) first = NULL;
  g_autoptr(TiesDate) last = NULL;
  GPtrArray *tie_events;
  const char * const *kinds;
  guint shared = 0;
  guint from_ardern = 0, from_dorsey = 0;
  TiesTie *tie;

  /* Walk the events to find what the tie should say. */
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (events, i);
      TiesDate *date;
      gboolean seen = FALSE;

      if (!ties_event_has_participant (event, "ardern") || !ties_event_has_participant (event, "dorsey"))
        continue;

      shared++;
      if (g_strcmp0 (ties_event_get_initiator (event), "ardern") == 0)
        from_ardern++;
      if (g_strcmp0 (ties_event_get_initiator (event), "dorsey") == 0)
        from_dorsey++;

      for (guint k = 0; k < expected_kinds->len && !seen; k++)
        seen = g_str_equal (expected_kinds->pdata[k], ties_event_get_kind (event));
      if (!seen)
        g_ptr_array_add (expected_kinds, (gpointer) ties_event_get_kind (event));

      date = ties_event_get_parsed_date (event);
      if (date == NULL)
        continue;
      if (first == NULL || ties_date_compare (date, first) < 0)
        {
          g_clear_pointer (&first, ties_date_unref);
          first = ties_date_ref (date);
        }
      if (last == NULL || ties_date_compare (date, last) > 0)
        {
          g_clear_pointer (&last, ties_date_unref);
          last = ties_date_ref (date);
        }
    }

  /* The April call, the Paris meeting, the summit, the Wellington follow-up */
  g_assert_cmpuint (shared, >=, 4);

  tie = ties_network_lookup_tie (network, "dorsey", "ardern");
  g_assert_nonnull (tie);
  g_assert_cmpuint (ties_tie_get_weight (tie), ==, shared);
  g_assert_cmpuint (ties_tie_get_n_a_to_b (tie), ==, from_ardern);
  g_assert_cmpuint (ties_tie_get_n_b_to_a (tie), ==, from_dorsey);
  g_assert_true (ties_tie_get_directed (tie) == (from_ardern + from_dorsey > 0));

  tie_events = ties_tie_get_events (tie);
  g_assert_cmpuint (tie_events->len, ==, shared);
  for (guint i = 0; i < tie_events->len; i++)
    {
      TiesEvent *event = g_ptr_array_index (tie_events, i);

      g_assert_true (ties_event_has_participant (event, "ardern"));
      g_assert_true (ties_event_has_participant (event, "dorsey"));
      if (i > 0)
        {
          guint before = 0, here = 0;

          g_assert_true (ties_collection_find (TIES_COLLECTION (events), g_ptr_array_index (tie_events, i - 1), &before));
          g_assert_true (ties_collection_find (TIES_COLLECTION (events), event, &here));
          g_assert_cmpuint (before, <, here);
        }
    }

  /* Kinds in order of first appearance */
  kinds = ties_tie_get_kinds (tie);
  g_assert_cmpuint (g_strv_length ((char **) kinds), ==, expected_kinds->len);
  for (guint i = 0; i < expected_kinds->len; i++)
    g_assert_cmpstr (kinds[i], ==, expected_kinds->pdata[i]);
  g_assert_true (g_strv_contains (kinds, "phone-call"));
  g_assert_true (g_strv_contains (kinds, "meeting"));
  g_assert_true (g_strv_contains (kinds, "summit"));

  /* First and last dates */
  g_assert_nonnull (first);
  g_assert_nonnull (ties_tie_get_first_date (tie));
  g_assert_nonnull (ties_tie_get_last_date (tie));
  g_assert_cmpint (ties_date_compare (ties_tie_get_first_date (tie), first), ==, 0);
  g_assert_cmpint (ties_date_compare (ties_tie_get_last_date (tie), last), ==, 0);
  g_assert_cmpstr (ties_date_get_text (ties_tie_get_first_date (tie)), ==, "2019-04");
  g_assert_cmpstr (ties_date_get_text (ties_tie_get_last_date (tie)), ==, "2019-09-09");
}

static void
test_sample_direction (void)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  TiesEvent *cook_call = ties_document_lookup_event (document, "cook-call");
  TiesEvent *wojcicki_email = ties_document_lookup_event (document, "wojcicki-email");
  TiesTie *tie;

  g_assert_nonnull (cook_call);
  g_assert_cmpstr (ties_event_get_initiator (cook_call), ==, "ardern");
  g_assert_cmpint (strcmp ("ardern", "cook"), <, 0);

  /* Ardern is actor_a, so her call is a → b; the Davos dinner has no initiator. */
  tie = ties_network_lookup_tie (network, "cook", "ardern");
  g_assert_nonnull (tie);
  g_assert_cmpstr (ties_tie_get_actor_a (tie), ==, "ardern");
  g_assert_cmpstr (ties_tie_get_actor_b (tie), ==, "cook");
  g_assert_cmpuint (ties_tie_get_weight (tie), ==, count_shared_events (document, "ardern", "cook"));
  g_assert_cmpuint (ties_tie_get_n_a_to_b (tie), ==, 1);
  g_assert_cmpuint (ties_tie_get_n_b_to_a (tie), ==, 0);
  g_assert_true (ties_tie_get_directed (tie));

  /* Ardern called Wojcicki; Wojcicki wrote to Ardern. */
  g_assert_nonnull (wojcicki_email);
  g_assert_cmpstr (ties_event_get_initiator (wojcicki_email), ==, "wojcicki");
  tie = ties_network_lookup_tie (network, "ardern", "wojcicki");
  g_assert_nonnull (tie);
  g_assert_cmpuint (ties_tie_get_n_a_to_b (tie), ==, 1);
  g_assert_cmpuint (ties_tie_get_n_b_to_a (tie), ==, 1);

  /* The Wellington follow-up has no initiator: Ardern–Dorsey counts only the April call. */
  tie = ties_network_lookup_tie (network, "ardern", "dorsey");
  g_assert_cmpuint (ties_tie_get_n_a_to_b (tie), ==, 1);
  g_assert_cmpuint (ties_tie_get_n_b_to_a (tie), ==, 0);

  /* Actors with no event in common have no tie. */
  g_assert_null (ties_network_lookup_tie (network, "cook", "bezos"));
  g_assert_null (ties_network_lookup_tie (network, "ardern", "nobody"));
}

/* Hand-made documents */

static void
test_weight (void)
{
  g_autoptr(TiesDocument) document = new_people_document ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  TiesTie *tie;

  add_event (document, "e1", "meeting", "2020-01-01", "ann bob", NULL);
  add_event (document, "e2", "email", "2020-02-01", "bob ann", NULL);
  add_event (document, "e3", "meeting", "2020-03-01", "ann bob", NULL);
  add_event (document, "e4", "meeting", "2020-04-01", "cat dan", NULL);

  g_assert_cmpuint (g_list_model_get_n_items (ties_network_get_ties (network)), ==, 2);
  tie = ties_network_lookup_tie (network, "bob", "ann");
  g_assert_cmpuint (ties_tie_get_weight (tie), ==, 3);
  g_assert_cmpuint (ties_tie_get_events (tie)->len, ==, 3);
  g_assert_false (ties_tie_get_directed (tie));
  g_assert_cmpuint (weight (network, "cat", "dan"), ==, 1);
  g_assert_cmpuint (weight (network, "ann", "cat"), ==, 0);
  g_assert_cmpuint (ties_network_get_n_events (network), ==, 4);
  g_assert_cmpstr (ties_date_get_text (ties_tie_get_first_date (tie)), ==, "2020-01-01");
  g_assert_cmpstr (ties_date_get_text (ties_tie_get_last_date (tie)), ==, "2020-03-01");

  /* The property agrees with the getter. */
  {
    guint w = 0;

    g_object_get (tie, "weight", &w, NULL);
    g_assert_cmpuint (w, ==, 3);
  }
}

static void
test_duplicate_participant (void)
{
  g_autoptr(TiesDocument) document = new_people_document ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);

  add_event (document, "e1", "meeting", NULL, "ann bob ann", "ann");
  add_event (document, "e2", "meeting", NULL, "cat cat", NULL);

  g_assert_cmpuint (weight (network, "ann", "bob"), ==, 1);
  g_assert_cmpuint (ties_tie_get_n_a_to_b (ties_network_lookup_tie (network, "ann", "bob")), ==, 1);
  g_assert_cmpuint (ties_network_get_event_count (network, "ann"), ==, 1);
  g_assert_cmpuint (ties_network_get_degree (network, "ann"), ==, 1);
  /* No tie with oneself */
  g_assert_null (ties_network_lookup_tie (network, "ann", "ann"));
  g_assert_null (ties_network_lookup_tie (network, "cat", "cat"));
  g_assert_cmpuint (ties_network_get_event_count (network, "cat"), ==, 1);
  g_assert_cmpuint (ties_network_get_degree (network, "cat"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ties_network_get_ties (network)), ==, 1);
}

static void
test_all_pairs (void)
{
  g_autoptr(TiesDocument) document = new_people_document ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  static const char * const four[] = { "dan", "bob", "eve", "ann", NULL };

  add_event (document, "e1", "summit", "2021", "dan bob eve ann", "bob");

  g_assert_cmpuint (g_list_model_get_n_items (ties_network_get_ties (network)), ==, 6);
  for (guint i = 0; four[i] != NULL; i++)
    {
      g_assert_cmpuint (ties_network_get_degree (network, four[i]), ==, 3);
      g_assert_cmpuint (ties_network_get_event_count (network, four[i]), ==, 1);
      for (guint j = 0; four[j] != NULL; j++)
        {
          TiesTie *tie = ties_network_lookup_tie (network, four[i], four[j]);

          if (i == j)
            {
              g_assert_null (tie);
              continue;
            }
          g_assert_nonnull (tie);
          g_assert_cmpint (strcmp (ties_tie_get_actor_a (tie), ties_tie_get_actor_b (tie)), <, 0);
          g_assert_cmpuint (ties_tie_get_weight (tie), ==, 1);
        }
    }

  /* Bob initiated: b→a for ann–bob, a→b for bob–dan and bob–eve, nothing
   * for the pairs without him. */
  g_assert_cmpuint (ties_tie_get_n_b_to_a (ties_network_lookup_tie (network, "ann", "bob")), ==, 1);
  g_assert_cmpuint (ties_tie_get_n_a_to_b (ties_network_lookup_tie (network, "ann", "bob")), ==, 0);
  g_assert_cmpuint (ties_tie_get_n_a_to_b (ties_network_lookup_tie (network, "bob", "dan")), ==, 1);
  g_assert_cmpuint (ties_tie_get_n_a_to_b (ties_network_lookup_tie (network, "eve", "bob")), ==, 1);
  g_assert_false (ties_tie_get_directed (ties_network_lookup_tie (network, "dan", "eve")));
  g_assert_false (ties_tie_get_directed (ties_network_lookup_tie (network, "ann", "dan")));
  g_assert_cmpuint (ties_network_get_degree (network, "cat"), ==, 0);
  g_assert_cmpuint (ties_network_get_event_count (network, "cat"), ==, 0);
  g_assert_cmpuint (ties_network_get_degree (network, "nobody"), ==, 0);
}

static void
test_degree_and_event_count (void)
{
  g_autoptr(TiesDocument) document = new_people_document ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);

  add_event (document, "e1", "meeting", NULL, "ann bob", NULL);
  add_event (document, "e2", "meeting", NULL, "ann bob", NULL);
  add_event (document, "e3", "meeting", NULL, "ann cat", NULL);
  add_event (document, "e4", "public-statement", NULL, "ann", "ann");
  add_event (document, "e5", "meeting", NULL, "dan eve", NULL);

  g_assert_cmpuint (ties_network_get_degree (network, "ann"), ==, 2);
  g_assert_cmpuint (ties_network_get_event_count (network, "ann"), ==, 4);
  g_assert_cmpuint (ties_network_get_degree (network, "bob"), ==, 1);
  g_assert_cmpuint (ties_network_get_event_count (network, "bob"), ==, 2);
  g_assert_cmpuint (ties_network_get_degree (network, "cat"), ==, 1);
  g_assert_cmpuint (ties_network_get_event_count (network, "cat"), ==, 1);
  g_assert_cmpuint (ties_network_get_degree (network, "eve"), ==, 1);
  g_assert_cmpuint (ties_network_get_n_events (network), ==, 5);
}

static void
test_initiator_outside_pair (void)
{
  g_autoptr(TiesDocument) document = new_people_document ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  TiesTie *tie;

  /* Eve arranged it but did not take part. */
  add_event (document, "e1", "meeting", NULL, "ann bob", "eve");
  add_event (document, "e2", "meeting", NULL, "ann bob cat", "cat");

  tie = ties_network_lookup_tie (network, "ann", "bob");
  g_assert_cmpuint (ties_tie_get_weight (tie), ==, 2);
  g_assert_cmpuint (ties_tie_get_n_a_to_b (tie), ==, 0);
  g_assert_cmpuint (ties_tie_get_n_b_to_a (tie), ==, 0);
  g_assert_false (ties_tie_get_directed (tie));
  g_assert_null (ties_network_lookup_tie (network, "ann", "eve"));
  /* cat is b of ann–cat and bob–cat: both b → a */
  g_assert_cmpuint (ties_tie_get_n_b_to_a (ties_network_lookup_tie (network, "ann", "cat")), ==, 1);
  g_assert_cmpuint (ties_tie_get_n_b_to_a (ties_network_lookup_tie (network, "bob", "cat")), ==, 1);
}

static void
test_kinds_filter (void)
{
  static const char * const calls[] = { "phone-call", NULL };
  static const char * const calls_and_mail[] = { "phone-call", "email", NULL };
  static const char * const none[] = { NULL };
  g_autoptr(TiesDocument) document = new_people_document ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  TiesEvent *e1, *e2;
  const char * const *kinds;
  guint changed = 0;

  e1 = add_event (document, "e1", "meeting", NULL, "ann bob", NULL);
  e2 = add_event (document, "e2", "phone-call", NULL, "ann bob", "ann");
  add_event (document, "e3", "email", NULL, "bob cat", "cat");
  add_event (document, "e4", "meeting", NULL, "cat dan", NULL);

  kinds = ties_tie_get_kinds (ties_network_lookup_tie (network, "ann", "bob"));
  g_assert_cmpuint (g_strv_length ((char **) kinds), ==, 2);
  g_assert_cmpstr (kinds[0], ==, "meeting");
  g_assert_cmpstr (kinds[1], ==, "phone-call");

  g_signal_connect (network, "changed", G_CALLBACK (on_changed), &changed);

  ties_network_set_kinds (network, calls);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_false (ties_network_includes_event (network, e1));
  g_assert_true (ties_network_includes_event (network, e2));
  g_assert_cmpuint (ties_network_get_n_events (network), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ties_network_get_ties (network)), ==, 1);
  g_assert_cmpuint (weight (network, "ann", "bob"), ==, 1);
  kinds = ties_tie_get_kinds (ties_network_lookup_tie (network, "ann", "bob"));
  g_assert_cmpuint (g_strv_length ((char **) kinds), ==, 1);
  g_assert_cmpstr (kinds[0], ==, "phone-call");
  g_assert_null (ties_network_lookup_tie (network, "cat", "dan"));
  g_assert_cmpuint (ties_network_get_event_count (network, "cat"), ==, 0);

  /* Setting the same kinds again changes nothing. */
  ties_network_set_kinds (network, calls);
  g_assert_cmpuint (changed, ==, 1);

  ties_network_set_kinds (network, calls_and_mail);
  g_assert_cmpuint (weight (network, "bob", "cat"), ==, 1);
  g_assert_null (ties_network_lookup_tie (network, "cat", "dan"));
  g_assert_cmpuint (ties_network_get_n_events (network), ==, 2);

  /* Empty and NULL: all kinds */
  ties_network_set_kinds (network, none);
  g_assert_cmpuint (ties_network_get_n_events (network), ==, 4);
  g_assert_cmpuint (weight (network, "ann", "bob"), ==, 2);
  ties_network_set_kinds (network, calls);
  ties_network_set_kinds (network, NULL);
  g_assert_cmpuint (ties_network_get_n_events (network), ==, 4);
  g_assert_cmpuint (weight (network, "cat", "dan"), ==, 1);
}

static TiesDate *
date (const char *text)
{
  g_autoptr(GError) error = NULL;
  TiesDate *parsed;

  if (text == NULL)
    return NULL;

  parsed = ties_date_parse (text, NULL, &error);
  g_assert_no_error (error);

  return parsed;
}

static void
set_range (TiesNetwork *network,
           const char  *from,
           const char  *to)
{
  g_autoptr(TiesDate) from_date = date (from);
  g_autoptr(TiesDate) to_date = date (to);

  ties_network_set_range (network, from_date, to_date);
}

static void
test_range_filter (void)
{
  g_autoptr(TiesDocument) document = new_people_document ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  TiesEvent *undated;
  guint changed = 0;

  add_event (document, "jan", "meeting", "2020-01-10", "ann bob", NULL);
  add_event (document, "mar", "meeting", "2020-03", "bob cat", NULL);
  undated = add_event (document, "undated", "meeting", NULL, "ann cat", NULL);
  add_event (document, "span", "meeting", "2020-01-20/2020-02-05", "ann dan", NULL);
  add_event (document, "late", "meeting", "2020-06", "ann bob", NULL);

  /* No bound: everything, undated included */
  g_assert_cmpuint (ties_network_get_n_events (network), ==, 5);
  g_assert_true (ties_network_includes_event (network, undated));
  g_assert_cmpuint (weight (network, "ann", "cat"), ==, 1);
  g_assert_cmpuint (weight (network, "ann", "bob"), ==, 2);

  g_signal_connect (network, "changed", G_CALLBACK (on_changed), &changed);

  set_range (network, "2020-02", "2020-04");
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (ties_network_get_n_events (network), ==, 2);
  g_assert_false (ties_network_includes_event (network, undated));
  g_assert_null (ties_network_lookup_tie (network, "ann", "bob"));
  g_assert_null (ties_network_lookup_tie (network, "ann", "cat"));
  g_assert_cmpuint (weight (network, "bob", "cat"), ==, 1);
  /* An interval that overlaps the range counts. */
  g_assert_cmpuint (weight (network, "ann", "dan"), ==, 1);
  g_assert_cmpuint (ties_network_get_degree (network, "ann"), ==, 1);
  g_assert_cmpuint (ties_network_get_event_count (network, "bob"), ==, 1);

  /* Bounds are inclusive, at their own precision. */
  set_range (network, "2020-01-10", "2020-01-10");
  g_assert_cmpuint (ties_network_get_n_events (network), ==, 1);
  g_assert_cmpuint (weight (network, "ann", "bob"), ==, 1);
  set_range (network, "2020-03-31", "2020-03-31");
  g_assert_cmpuint (weight (network, "bob", "cat"), ==, 1);
  set_range (network, "2020-02-06", "2020-02-29");
  g_assert_cmpuint (ties_network_get_n_events (network), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ties_network_get_ties (network)), ==, 0);

  /* Open bounds */
  set_range (network, "2020-03", NULL);
  g_assert_cmpuint (ties_network_get_n_events (network), ==, 2);
  g_assert_cmpuint (weight (network, "ann", "bob"), ==, 1);
  g_assert_cmpuint (weight (network, "bob", "cat"), ==, 1);
  g_assert_null (ties_network_lookup_tie (network, "ann", "cat"));
  g_assert_false (ties_network_includes_event (network, undated));

  set_range (network, NULL, "2020-01");
  g_assert_cmpuint (ties_network_get_n_events (network), ==, 2);
  g_assert_cmpuint (weight (network, "ann", "bob"), ==, 1);
  g_assert_cmpuint (weight (network, "ann", "dan"), ==, 1);
  g_assert_false (ties_network_includes_event (network, undated));

  /* Back to no bounds: the undated event returns. */
  set_range (network, NULL, NULL);
  g_assert_cmpuint (ties_network_get_n_events (network), ==, 5);
  g_assert_true (ties_network_includes_event (network, undated));
  g_assert_cmpuint (weight (network, "ann", "cat"), ==, 1);
}

static void
test_range_approximate (void)
{
  g_autoptr(TiesDocument) document = new_people_document ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  TiesEvent *approx, *open_end;

  approx = add_event (document, "approx", "meeting", "2020-06-15~", "ann bob", NULL);
  open_end = add_event (document, "open", "meeting", "2020-08-01/..", "cat dan", NULL);

  /* The strict range of "2020-06-15~" is that day: a range that only the
   * fuzzy range would reach leaves it out. */
  set_range (network, "2020-06-16", "2020-07-31");
  g_assert_false (ties_network_includes_event (network, approx));
  g_assert_null (ties_network_lookup_tie (network, "ann", "bob"));
  set_range (network, "2020-06-01", "2020-06-14");
  g_assert_false (ties_network_includes_event (network, approx));
  set_range (network, "2020-06-15", "2020-06-15");
  g_assert_true (ties_network_includes_event (network, approx));
  g_assert_cmpuint (weight (network, "ann", "bob"), ==, 1);

  /* An approximate bound is taken strictly too. */
  set_range (network, "2020-06-16~", NULL);
  g_assert_false (ties_network_includes_event (network, approx));
  g_assert_true (ties_network_includes_event (network, open_end));

  /* An event with an open end reaches any later range. */
  set_range (network, "2099", NULL);
  g_assert_true (ties_network_includes_event (network, open_end));
  g_assert_cmpuint (weight (network, "cat", "dan"), ==, 1);
  set_range (network, NULL, "2020-07");
  g_assert_false (ties_network_includes_event (network, open_end));
}

/* A range whose start is after its end holds no event. Under
 * G_DEBUG=fatal-criticals this must not abort. */
static void
test_range_inverted (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(TiesDocument) document = new_people_document ();
      g_autoptr(TiesNetwork) network = ties_network_new (document);

      add_event (document, "e1", "meeting", "2020-03-01", "ann bob", NULL);
      set_range (network, "2020-04", "2020-02");
      g_assert_cmpuint (ties_network_get_n_events (network), ==, 0);
      g_assert_null (ties_network_lookup_tie (network, "ann", "bob"));
      return;
    }

  /* Fail without aborting, so that the tests after this one still run. */
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  if (!g_test_trap_has_passed ())
    {
      g_test_message ("an inverted range aborted the network "
                      "(ties_network_includes_event passes first > last to ties_date_overlaps)");
      g_test_fail ();
    }
}

static void
test_load_from_data (void)
{
  g_autoptr(TiesDocument) document = load_json (
    "{\n"
    "  \"format\": \"ties\",\n"
    "  \"version\": 1,\n"
    "  \"title\": \"Test\",\n"
    "  \"actors\": [\n"
    "    {\"id\": \"ann\", \"name\": \"Ann\", \"kind\": \"person\"},\n"
    "    {\"id\": \"bob\", \"name\": \"Bob\", \"kind\": \"person\"},\n"
    "    {\"id\": \"cat\", \"name\": \"Cat\", \"kind\": \"organisation\"}\n"
    "  ],\n"
    "  \"sources\": [],\n"
    "  \"events\": [\n"
    "    {\"id\": \"e1\", \"title\": \"One\", \"kind\": \"meeting\", \"date\": \"2020-05\",\n"
    "     \"participants\": [\"cat\", \"bob\"], \"initiator\": \"cat\"},\n"
    "    {\"id\": \"e2\", \"title\": \"Two\", \"kind\": \"email\", \"date\": \"2020-04-01\",\n"
    "     \"participants\": [\"bob\", \"ann\", \"bob\"], \"initiator\": \"ann\"},\n"
    "    {\"id\": \"e3\", \"title\": \"Three\", \"kind\": \"phone-call\",\n"
    "     \"participants\": [\"bob\", \"cat\"], \"initiator\": \"bob\"}\n"
    "  ]\n"
    "}\n");
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  GListModel *ties = ties_network_get_ties (network);
  g_autoptr(TiesTie) first = NULL;
  g_autoptr(TiesTie) second = NULL;
  TiesTie *tie;

  /* In order of first shared event, not of dates or names */
  g_assert_cmpuint (g_list_model_get_n_items (ties), ==, 2);
  first = g_list_model_get_item (ties, 0);
  second = g_list_model_get_item (ties, 1);
  g_assert_cmpstr (ties_tie_get_actor_a (first), ==, "bob");
  g_assert_cmpstr (ties_tie_get_actor_b (first), ==, "cat");
  g_assert_cmpstr (ties_tie_get_actor_a (second), ==, "ann");
  g_assert_cmpstr (ties_tie_get_actor_b (second), ==, "bob");

  tie = ties_network_lookup_tie (network, "cat", "bob");
  g_assert_true (tie == first);
  g_assert_cmpuint (ties_tie_get_weight (tie), ==, 2);
  g_assert_cmpuint (ties_tie_get_n_a_to_b (tie), ==, 1);
  g_assert_cmpuint (ties_tie_get_n_b_to_a (tie), ==, 1);
  /* The undated event does not move the dates. */
  g_assert_cmpstr (ties_date_get_text (ties_tie_get_first_date (tie)), ==, "2020-05");
  g_assert_cmpstr (ties_date_get_text (ties_tie_get_last_date (tie)), ==, "2020-05");

  tie = ties_network_lookup_tie (network, "bob", "ann");
  g_assert_cmpuint (ties_tie_get_weight (tie), ==, 1);
  g_assert_cmpuint (ties_tie_get_n_a_to_b (tie), ==, 1);
  g_assert_cmpuint (ties_network_get_event_count (network, "bob"), ==, 3);
  g_assert_cmpuint (ties_network_get_degree (network, "bob"), ==, 2);
}

static void
test_undated_tie_dates (void)
{
  g_autoptr(TiesDocument) document = new_people_document ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  TiesTie *tie;

  add_event (document, "e1", "meeting", NULL, "ann bob", NULL);
  tie = ties_network_lookup_tie (network, "ann", "bob");
  g_assert_null (ties_tie_get_first_date (tie));
  g_assert_null (ties_tie_get_last_date (tie));

  add_event (document, "e2", "meeting", "2020-05-01/2020-05-10", "ann bob", NULL);
  add_event (document, "e3", "meeting", "2020-06", "ann bob", NULL);
  add_event (document, "e4", "meeting", "2019", "ann bob", NULL);
  tie = ties_network_lookup_tie (network, "ann", "bob");
  g_assert_cmpuint (ties_tie_get_weight (tie), ==, 4);
  g_assert_cmpstr (ties_date_get_text (ties_tie_get_first_date (tie)), ==, "2019");
  g_assert_cmpstr (ties_date_get_text (ties_tie_get_last_date (tie)), ==, "2020-06");
}

/* Recomputation */

static void
test_recompute_add_event (void)
{
  g_autoptr(TiesDocument) document = new_people_document ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  TiesHistory *history = ties_document_get_history (document);
  guint changed = 0;

  add_event (document, "e1", "meeting", NULL, "ann bob", NULL);
  g_assert_cmpuint (weight (network, "ann", "bob"), ==, 1);

  g_signal_connect (network, "changed", G_CALLBACK (on_changed), &changed);

  add_event (document, "e2", "meeting", NULL, "bob ann", "bob");
  g_assert_cmpuint (changed, >, 0);
  g_assert_cmpuint (weight (network, "ann", "bob"), ==, 2);
  g_assert_cmpuint (ties_tie_get_n_b_to_a (ties_network_lookup_tie (network, "ann", "bob")), ==, 1);

  changed = 0;
  g_assert_true (ties_history_undo (history));
  g_assert_cmpuint (changed, >, 0);
  g_assert_cmpuint (weight (network, "ann", "bob"), ==, 1);
  g_assert_false (ties_tie_get_directed (ties_network_lookup_tie (network, "ann", "bob")));

  changed = 0;
  g_assert_true (ties_history_redo (history));
  g_assert_cmpuint (changed, >, 0);
  g_assert_cmpuint (weight (network, "ann", "bob"), ==, 2);

  /* Removing */
  changed = 0;
  ties_document_remove_event (document, ties_document_lookup_event (document, "e1"));
  g_assert_cmpuint (changed, >, 0);
  g_assert_cmpuint (weight (network, "ann", "bob"), ==, 1);
  ties_document_remove_event (document, ties_document_lookup_event (document, "e2"));
  g_assert_null (ties_network_lookup_tie (network, "ann", "bob"));
  g_assert_cmpuint (g_list_model_get_n_items (ties_network_get_ties (network)), ==, 0);
  g_assert_cmpuint (ties_network_get_degree (network, "ann"), ==, 0);
}

static void
test_recompute_participants (void)
{
  static const char * const new_people[] = { "ann", "cat", "dan", NULL };
  g_autoptr(TiesDocument) document = new_people_document ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  TiesHistory *history = ties_document_get_history (document);
  GListModel *ties = ties_network_get_ties (network);
  TiesEvent *event;
  guint changed = 0;
  guint items_changed = 0;

  event = add_event (document, "e1", "meeting", "2020-01-01", "ann bob", "ann");
  /* The model is updated when next asked for, and stays the same object. */
  g_assert_true (ties_network_get_ties (network) == ties);
  g_assert_cmpuint (g_list_model_get_n_items (ties_network_get_ties (network)), ==, 1);

  g_signal_connect (network, "changed", G_CALLBACK (on_changed), &changed);
  g_signal_connect (ties, "items-changed", G_CALLBACK (on_items_changed), &items_changed);

  ties_history_set (history, event, "participants", new_people, NULL);
  g_assert_cmpuint (changed, >, 0);
  g_assert_null (ties_network_lookup_tie (network, "ann", "bob"));
  g_assert_cmpuint (weight (network, "ann", "cat"), ==, 1);
  g_assert_cmpuint (weight (network, "cat", "dan"), ==, 1);
  g_assert_cmpuint (ties_tie_get_n_a_to_b (ties_network_lookup_tie (network, "ann", "dan")), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ties_network_get_ties (network)), ==, 3);
  g_assert_cmpuint (items_changed, >, 0);

  /* Changing the initiator and the kind */
  changed = 0;
  ties_history_set (history, event, "initiator", "dan", "kind", "email", NULL);
  g_assert_cmpuint (changed, >, 0);
  g_assert_cmpuint (ties_tie_get_n_b_to_a (ties_network_lookup_tie (network, "ann", "dan")), ==, 1);
  g_assert_cmpuint (ties_tie_get_n_a_to_b (ties_network_lookup_tie (network, "ann", "dan")), ==, 0);
  g_assert_cmpstr (ties_tie_get_kinds (ties_network_lookup_tie (network, "ann", "dan"))[0], ==, "email");

  /* Changing the date under a range */
  set_range (network, "2020-01", "2020-01");
  g_assert_cmpuint (ties_network_get_n_events (network), ==, 1);
  changed = 0;
  ties_history_set (history, event, "date", "2021-01-01", NULL);
  g_assert_cmpuint (changed, >, 0);
  g_assert_cmpuint (ties_network_get_n_events (network), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ties_network_get_ties (network)), ==, 0);

  /* Undo all three */
  g_assert_true (ties_history_undo (history));
  g_assert_cmpuint (ties_network_get_n_events (network), ==, 1);
  g_assert_true (ties_history_undo (history));
  g_assert_cmpuint (ties_tie_get_n_a_to_b (ties_network_lookup_tie (network, "ann", "dan")), ==, 1);
  changed = 0;
  g_assert_true (ties_history_undo (history));
  g_assert_cmpuint (changed, >, 0);
  g_assert_cmpuint (weight (network, "ann", "bob"), ==, 1);
  g_assert_null (ties_network_lookup_tie (network, "ann", "cat"));
  g_assert_cmpuint (g_list_model_get_n_items (ties_network_get_ties (network)), ==, 1);
}

static void
test_recompute_sample (void)
{
  static const char * const people[] = { "cook", "bezos", NULL };
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  TiesHistory *history = ties_document_get_history (document);
  guint before = weight (network, "ardern", "dorsey");
  guint changed = 0;
  g_autoptr(TiesEvent) event = ties_event_new ("extra-call", "Dorsey calls Ardern", "phone-call");
  g_autoptr(TiesEvent) pair = ties_event_new ("cook-bezos", "Cook and Bezos", "meeting");

  g_signal_connect (network, "changed", G_CALLBACK (on_changed), &changed);

  {
    static const char * const both[] = { "dorsey", "ardern", NULL };

    ties_event_set_participants (event, both);
    ties_event_set_initiator (event, "dorsey");
    ties_event_set_date (event, "2019-10");
  }
  ties_document_add_event (document, event);
  g_assert_cmpuint (changed, >, 0);
  g_assert_cmpuint (weight (network, "dorsey", "ardern"), ==, before + 1);
  g_assert_cmpuint (weight (network, "ardern", "dorsey"), ==,
                    count_shared_events (document, "ardern", "dorsey"));
  g_assert_cmpuint (ties_tie_get_n_b_to_a (ties_network_lookup_tie (network, "ardern", "dorsey")), ==, 1);
  g_assert_cmpstr (ties_date_get_text (ties_tie_get_last_date (ties_network_lookup_tie (network, "ardern", "dorsey"))), ==, "2019-10");

  g_assert_null (ties_network_lookup_tie (network, "bezos", "cook"));
  ties_document_add_event (document, pair);
  ties_history_set (history, pair, "participants", people, NULL);
  g_assert_cmpuint (weight (network, "bezos", "cook"), ==, 1);
  g_assert_true (ties_history_undo (history));
  g_assert_null (ties_network_lookup_tie (network, "bezos", "cook"));
  g_assert_true (ties_history_undo (history));
  g_assert_true (ties_history_undo (history));
  g_assert_cmpuint (weight (network, "ardern", "dorsey"), ==, before);
}

static void
test_order_and_symmetry (void)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  GListModel *events = G_LIST_MODEL (ties_document_get_events (document));
  GListModel *ties = ties_network_get_ties (network);
  guint n = g_list_model_get_n_items (ties);
  guint previous = 0;

  g_assert_cmpuint (n, >, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiesTie) tie = g_list_model_get_item (ties, i);
      const char *a = ties_tie_get_actor_a (tie);
      const char *b = ties_tie_get_actor_b (tie);
      TiesEvent *first_event = g_ptr_array_index (ties_tie_get_events (tie), 0);
      guint position = 0;

      g_assert_cmpint (strcmp (a, b), <, 0);
      g_assert_true (ties_network_lookup_tie (network, a, b) == tie);
      g_assert_true (ties_network_lookup_tie (network, b, a) == tie);
      g_assert_cmpuint (ties_tie_get_weight (tie), ==, count_shared_events (document, a, b));

      /* The first shared event of each tie comes no earlier than the previous tie's. */
      g_assert_true (ties_collection_find (TIES_COLLECTION (events), first_event, &position));
      g_assert_cmpuint (position, >=, previous);
      previous = position;

      /* It really is the first event they share. */
      for (guint j = 0; j < position; j++)
        {
          g_autoptr(TiesEvent) earlier = g_list_model_get_item (events, j);

          g_assert_false (ties_event_has_participant (earlier, a) && ties_event_has_participant (earlier, b));
        }
    }
}

/* The first tie, borrowed from the network. */
static TiesTie *
first_tie (TiesNetwork *network)
{
  g_autoptr(TiesTie) tie = g_list_model_get_item (ties_network_get_ties (network), 0);

  return tie;
}

static void
on_parts_changed (TiesDocument       *document,
                  TiesDocumentChange  changes,
                  TiesDocumentChange *seen)
{
  *seen |= changes;
}

/* Typing into a title on a large document must not derive the ties
 * again (it took half a second a keystroke on 10,000 events): only what
 * ties are made of invalidates the network. */
static void
test_recompute_only_ties (void)
{
  static const char * const more[] = { "ann", "bob", "cat", NULL };
  static const char * const tags[] = { "typed", NULL };
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  TiesHistory *history = ties_document_get_history (document);
  TiesEvent *event = ties_document_lookup_event (document, "cook-call");
  TiesActor *actor = ties_document_lookup_actor (document, "ardern");
  g_autoptr(TiesTie) tie = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  TiesDocumentChange seen = TIES_DOCUMENT_CHANGE_NONE;
  guint changed = 0;

  g_assert_nonnull (event);
  g_assert_nonnull (actor);
  /* Held, so that a new tie cannot be allocated where it was. */
  tie = g_object_ref (first_tie (network));
  g_signal_connect (network, "changed", G_CALLBACK (on_changed), &changed);
  g_signal_connect (document, "parts-changed", G_CALLBACK (on_parts_changed), &seen);

  /* Keystrokes, as the editors send them, then undo and redo. */
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Ardern phones Tim Cook again");
  ties_history_set_value_merged (history, event, "title", &value);
  g_value_set_string (&value, "Ardern phones Tim Cook again and");
  ties_history_set_value_merged (history, event, "title", &value);
  g_assert_cmpint (seen, ==, TIES_DOCUMENT_CHANGE_EVENT_TEXT);
  ties_history_set (history, event, "place", "Wellington", "notes", "Typed", "tags", tags, NULL);
  g_assert_true (ties_history_undo (history));
  g_assert_true (ties_history_redo (history));
  g_assert_cmpint (seen, ==, TIES_DOCUMENT_CHANGE_EVENT_TEXT);

  seen = TIES_DOCUMENT_CHANGE_NONE;
  ties_history_set (history, actor, "notes", "Typed", "role", "Prime Minister", NULL);
  g_assert_cmpint (seen, ==, TIES_DOCUMENT_CHANGE_ACTOR_TEXT);

  /* A name is drawn, but makes no tie. */
  seen = TIES_DOCUMENT_CHANGE_NONE;
  ties_history_set (history, actor, "name", "Jacinda Ardern (PM)", NULL);
  g_assert_cmpint (seen, ==, TIES_DOCUMENT_CHANGE_ACTOR_LOOK);
  seen = TIES_DOCUMENT_CHANGE_NONE;
  ties_document_move_actor (document, actor, 10, 20, TRUE);
  g_assert_cmpint (seen, ==, TIES_DOCUMENT_CHANGE_ACTOR_PLACE);

  /* Not derived again: the same ties, the same objects. */
  g_assert_cmpuint (changed, ==, 0);
  g_assert_true (first_tie (network) == tie);

  /* The index of ids is still right after all that. */
  g_assert_true (ties_document_lookup_event (document, "cook-call") == event);
  g_assert_true (ties_document_lookup_actor (document, "ardern") == actor);

  /* A participant is what ties are made of. */
  seen = TIES_DOCUMENT_CHANGE_NONE;
  ties_history_set (history, event, "participants", more, NULL);
  g_assert_cmpint (seen, ==, TIES_DOCUMENT_CHANGE_EVENT_TIES);
  g_assert_cmpuint (changed, >, 0);
  g_assert_false (first_tie (network) == tie);
  g_assert_nonnull (ties_network_lookup_tie (network, "bob", "cat"));

  /* Undoing it too. */
  changed = 0;
  g_assert_true (ties_history_undo (history));
  g_assert_cmpuint (changed, >, 0);
  g_assert_null (ties_network_lookup_tie (network, "bob", "cat"));

  /* And the date, which a range filters on. */
  changed = 0;
  seen = TIES_DOCUMENT_CHANGE_NONE;
  ties_history_set (history, event, "date", "2020-01-01", NULL);
  g_assert_cmpint (seen, ==, TIES_DOCUMENT_CHANGE_EVENT_TIES);
  g_assert_cmpuint (changed, >, 0);

  /* Renaming an actor's id is a new index and new ties. */
  changed = 0;
  seen = TIES_DOCUMENT_CHANGE_NONE;
  ties_document_rename_actor (document, actor, "jacinda");
  g_assert_true ((seen & TIES_DOCUMENT_CHANGE_ACTORS) && (seen & TIES_DOCUMENT_CHANGE_EVENT_TIES));
  g_assert_cmpuint (changed, >, 0);
  g_assert_null (ties_document_lookup_actor (document, "ardern"));
  g_assert_true (ties_document_lookup_actor (document, "jacinda") == actor);
  g_assert_cmpuint (ties_network_get_event_count (network, "ardern"), ==, 0);
  g_assert_cmpuint (ties_network_get_event_count (network, "jacinda"), >, 0);

  /* An event's id: the index follows it. */
  ties_history_set (history, event, "id", "cook-call-2", NULL);
  g_assert_null (ties_document_lookup_event (document, "cook-call"));
  g_assert_true (ties_document_lookup_event (document, "cook-call-2") == event);
}

static void
count_signal (gpointer  object,
              guint    *count)
{
  (*count)++;
}

/* Who reported a tie: counted by hand from the sample's JSON, the
 * Ardern–Zuckerberg tie rests on one event with two quotes from the one
 * article, Ardern–Dorsey on four events and seven quotes. */
static void
test_sample_corroboration (void)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  g_autoptr(TiesSource) other = ties_source_new ("stuff-2019-05");
  g_autoptr(TiesEvidence) quote = NULL;
  TiesHistory *history = ties_document_get_history (document);
  TiesTie *tie;
  TiesEvent *event;
  guint changed = 0;

  tie = ties_network_lookup_tie (network, "ardern", "zuckerberg");
  g_assert_nonnull (tie);
  g_assert_cmpuint (ties_tie_get_weight (tie), ==, 1);
  g_assert_cmpuint (ties_tie_get_n_sources (tie), ==, 1);
  g_assert_cmpuint (ties_tie_get_n_evidence (tie), ==, 2);

  tie = ties_network_lookup_tie (network, "ardern", "dorsey");
  g_assert_cmpuint (ties_tie_get_weight (tie), ==, 4);
  g_assert_cmpuint (ties_tie_get_n_sources (tie), ==, 1);
  g_assert_cmpuint (ties_tie_get_n_evidence (tie), ==, 7);

  tie = ties_network_lookup_tie (network, "ardern", "wojcicki");
  g_assert_cmpuint (ties_tie_get_n_evidence (tie), ==, 5);

  /* A second article quoted for the Zuckerberg event: two sources now,
   * counted at once, without deriving the ties again. */
  tie = ties_network_lookup_tie (network, "ardern", "zuckerberg");
  event = g_ptr_array_index (ties_tie_get_events (tie), 0);
  ties_source_set_text (other, "Ardern spoke to Mark Zuckerberg on Monday.");
  ties_document_add_source (document, other);
  quote = ties_evidence_new_for_range (other, 0, 31);
  g_assert_cmpstr (ties_evidence_get_exact (quote), ==, "Ardern spoke to Mark Zuckerberg");
  g_signal_connect (network, "changed", G_CALLBACK (count_signal), &changed);
  ties_history_begin (history, "Add Evidence");
  ties_history_append (history, ties_event_get_evidence (event), quote);
  ties_history_end (history);
  g_assert_cmpuint (changed, ==, 0);
  g_assert_true (ties_network_lookup_tie (network, "ardern", "zuckerberg") == tie);
  g_assert_cmpuint (ties_tie_get_n_sources (tie), ==, 2);
  g_assert_cmpuint (ties_tie_get_n_evidence (tie), ==, 3);

  g_assert_true (ties_history_undo (history));
  g_assert_cmpuint (ties_tie_get_n_sources (tie), ==, 1);
  g_assert_cmpuint (ties_tie_get_n_evidence (tie), ==, 2);
}

/* A tie from events without evidence rests on nothing. */
static void
test_corroboration_none (void)
{
  g_autoptr(TiesDocument) document = ties_document_new ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  g_autoptr(TiesSource) a = ties_source_new ("a");
  g_autoptr(TiesSource) b = ties_source_new ("b");
  g_autoptr(TiesEvidence) from_a = NULL;
  g_autoptr(TiesEvidence) again_a = NULL;
  g_autoptr(TiesEvidence) from_b = NULL;
  TiesEvent *met, *called;
  TiesTie *tie;

  add_actors (document, (const char * const[]) { "x", "y", "z", NULL });
  met = add_event (document, "met", "meeting", NULL, "x y", NULL);
  tie = ties_network_lookup_tie (network, "x", "y");
  g_assert_cmpuint (ties_tie_get_n_sources (tie), ==, 0);
  g_assert_cmpuint (ties_tie_get_n_evidence (tie), ==, 0);

  /* Two quotes from one source count once as a source; the same source
   * for another event of the tie too. */
  ties_source_set_text (a, "X met Y. Then X called Y and Z.");
  ties_source_set_text (b, "X and Y met, says B.");
  ties_document_add_source (document, a);
  ties_document_add_source (document, b);
  called = add_event (document, "called", "phone-call", NULL, "x y z", "x");
  from_a = ties_evidence_new_for_range (a, 0, 7);
  again_a = ties_evidence_new_for_range (a, 14, 30);
  from_b = ties_evidence_new_for_range (b, 0, 11);
  g_list_store_append (ties_event_get_evidence (met), from_a);
  g_list_store_append (ties_event_get_evidence (called), again_a);

  tie = ties_network_lookup_tie (network, "x", "y");
  g_assert_cmpuint (ties_tie_get_weight (tie), ==, 2);
  g_assert_cmpuint (ties_tie_get_n_sources (tie), ==, 1);
  g_assert_cmpuint (ties_tie_get_n_evidence (tie), ==, 2);
  tie = ties_network_lookup_tie (network, "y", "z");
  g_assert_cmpuint (ties_tie_get_n_sources (tie), ==, 1);
  g_assert_cmpuint (ties_tie_get_n_evidence (tie), ==, 1);

  g_list_store_append (ties_event_get_evidence (met), from_b);
  tie = ties_network_lookup_tie (network, "x", "y");
  g_assert_cmpuint (ties_tie_get_n_sources (tie), ==, 2);
  g_assert_cmpuint (ties_tie_get_n_evidence (tie), ==, 3);
  tie = ties_network_lookup_tie (network, "y", "z");
  g_assert_cmpuint (ties_tie_get_n_sources (tie), ==, 1);
}

static void
on_measures_cancelled (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_null (ties_measures_compute_finish (TIES_NETWORK (object), result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  *done = TRUE;
}

static void
on_measures_done (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  TiesMeasures **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = ties_measures_compute_finish (TIES_NETWORK (object), result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*out);
}

/* The measures worked out in a thread are those of the network as it was
 * when asked, whatever it becomes meanwhile, and equal to the ones worked
 * out at once; cancelled, none come. */
static void
test_measures_async (void)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  g_autoptr(TiesMeasures) before = ties_measures_compute (network);
  TiesMeasures *threaded = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GListModel *actors = G_LIST_MODEL (ties_document_get_actors (document));
  TiesEvent *event = ties_document_lookup_event (document, "cook-call");

  ties_measures_compute_async (network, NULL, on_measures_done, &threaded);
  /* An edit at once: the thread has what it needs already. */
  ties_document_remove_event (document, event);
  while (threaded == NULL)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(TiesActor) actor = g_list_model_get_item (actors, i);
      TiesActorMeasures a, b;

      g_assert_true (ties_measures_lookup (before, ties_actor_get_id (actor), &a));
      g_assert_true (ties_measures_lookup (threaded, ties_actor_get_id (actor), &b));
      g_assert_cmpuint (a.degree, ==, b.degree);
      g_assert_cmpuint (a.weighted_degree, ==, b.weighted_degree);
      g_assert_cmpfloat (a.betweenness_centrality, ==, b.betweenness_centrality);
      g_assert_cmpfloat (a.closeness_centrality, ==, b.closeness_centrality);
      g_assert_cmpfloat (a.eigenvector_centrality, ==, b.eigenvector_centrality);
      g_assert_cmpuint (a.community, ==, b.community);
    }
  g_assert_cmpfloat (ties_measures_get_modularity (before), ==, ties_measures_get_modularity (threaded));
  ties_measures_free (threaded);

  /* Cancelled: it finishes with G_IO_ERROR_CANCELLED and nothing. */
  {
    gboolean done = FALSE;

    g_cancellable_cancel (cancellable);
    ties_measures_compute_async (network, cancellable, on_measures_cancelled, &done);
    while (!done)
      g_main_context_iteration (NULL, TRUE);
  }
}

/* The months Play and the frame series step through: the sample's run
 * from January (the Davos dinner) to September 2019; a filter narrows
 * them, and a document without dates has none. */
static void
test_month_span (void)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  g_autoptr(TiesDocument) empty = ties_document_new ();
  g_autoptr(TiesNetwork) none = ties_network_new (empty);
  g_autoptr(TiesDate) may = ties_date_new_month (2019 * 12 + 4);
  int first = 0, last = 0;

  g_assert_true (ties_network_get_month_span (network, &first, &last));
  g_assert_cmpint (first, ==, 2019 * 12 + 0);
  g_assert_cmpint (last, ==, 2019 * 12 + 8);

  g_assert_true (ties_filter_set_range (ties_network_get_filter (network), "2019-04", "2019-05"));
  g_assert_true (ties_network_get_month_span (network, &first, &last));
  g_assert_cmpint (first, ==, 2019 * 12 + 2);   /* a March–April meeting overlaps */
  g_assert_cmpint (last, ==, 2019 * 12 + 4);

  g_assert_false (ties_network_get_month_span (none, &first, &last));

  g_assert_nonnull (may);
  g_assert_cmpstr (ties_date_get_text (may), ==, "2019-05");
  g_assert_null (ties_date_new_month (11));
  g_assert_null (ties_date_new_month (10000 * 12));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/network/sample/ardern-ties", test_sample_ardern_ties);
  g_test_add_func ("/network/measures-async", test_measures_async);
  g_test_add_func ("/network/sample/ardern-dorsey", test_sample_ardern_dorsey);
  g_test_add_func ("/network/sample/corroboration", test_sample_corroboration);
  g_test_add_func ("/network/corroboration", test_corroboration_none);
  g_test_add_func ("/network/sample/direction", test_sample_direction);
  g_test_add_func ("/network/sample/order-and-symmetry", test_order_and_symmetry);
  g_test_add_func ("/network/weight", test_weight);
  g_test_add_func ("/network/duplicate-participant", test_duplicate_participant);
  g_test_add_func ("/network/all-pairs", test_all_pairs);
  g_test_add_func ("/network/degree-and-event-count", test_degree_and_event_count);
  g_test_add_func ("/network/initiator-outside-pair", test_initiator_outside_pair);
  g_test_add_func ("/network/undated-tie-dates", test_undated_tie_dates);
  g_test_add_func ("/network/load-from-data", test_load_from_data);
  g_test_add_func ("/network/filter/kinds", test_kinds_filter);
  g_test_add_func ("/network/filter/range", test_range_filter);
  g_test_add_func ("/network/filter/range-approximate", test_range_approximate);
  g_test_add_func ("/network/recompute/add-event", test_recompute_add_event);
  g_test_add_func ("/network/recompute/participants", test_recompute_participants);
  g_test_add_func ("/network/recompute/sample", test_recompute_sample);
  g_test_add_func ("/network/recompute/only-ties", test_recompute_only_ties);
  /* Last: it fails until the inverted range is handled, and a failure
   * stops the run under --tap. */
  g_test_add_func ("/network/range-bounds/inverted", test_range_inverted);
  g_test_add_func ("/network/month-span", test_month_span);

  return g_test_run ();
}
