/* test-filter.c: the one filter of list, diagram, export and command line
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib.h>

#include "ties-document.h"
#include "ties-document-io.h"
#include "ties-filter.h"
#include "ties-network.h"

static TiesEvent *
add_event (TiesDocument *document,
           const char   *id,
           const char   *kind,
           const char   *date,
           const char   *participants)
{
  g_autoptr(TiesEvent) event = ties_event_new (id, id, kind);
  g_auto(GStrv) people = g_strsplit (participants, " ", -1);

  ties_event_set_date (event, date);
  ties_event_set_participants (event, (const char * const *) people);
  ties_document_add_event (document, event);

  return event;
}

static TiesDocument *
new_document (void)
{
  static const char * const ids[] = { "ann", "bob", "cat", "dan", NULL };
  TiesDocument *document = ties_document_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(TiesActor) actor = ties_actor_new (ids[i], ids[i], TIES_ACTOR_PERSON);

      ties_document_add_actor (document, actor);
    }

  return document;
}

static void
count_signal (gpointer  instance,
              guint    *count)
{
  (*count)++;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
record_changes (TiesDocument       *document,
                TiesDocumentChange  changes,
                TiesDocumentChange *seen)
{
  *seen |= changes;
}

/* How many of @document's events @filter keeps. */
static guint
count_included (TiesFilter   *filter,
                TiesDocument *document)
{
  GListModel *events = G_LIST_MODEL (ties_document_get_events (document));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (events, i);

      n += ties_filter_includes_event (filter, document, event);
    }

  return n;
}

static void
test_properties (void)
{
  g_autoptr(TiesFilter) filter = ties_filter_new ();
  const char * const calls[] = { "phone-call", NULL };
  const char *a = "x", *b = "x";
  guint changed = 0, notified = 0;

  g_assert_true (ties_filter_is_empty (filter));
  g_assert_cmpuint (g_strv_length ((char **) ties_filter_get_kinds (filter)), ==, 0);
  g_assert_false (ties_filter_get_tie (filter, &a, &b));
  g_assert_null (a);
  g_assert_null (b);
  g_assert_cmpint (ties_filter_get_diagram (filter), ==, TIES_FILTER_DIAGRAM_HIDE);

  g_signal_connect (filter, "changed", G_CALLBACK (count_signal), &changed);
  g_signal_connect (filter, "notify", G_CALLBACK (count_notify), &notified);

  ties_filter_set_kinds (filter, calls);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (ties_filter_is_empty (filter));

  /* The same value again: no signal at all. */
  ties_filter_set_kinds (filter, calls);
  g_object_set (filter, "kinds", calls, NULL);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (notified, ==, 1);

  ties_filter_set_tie (filter, "ann", "bob");
  g_assert_true (ties_filter_get_tie (filter, &a, &b));
  g_assert_cmpstr (a, ==, "ann");
  g_assert_cmpstr (b, ==, "bob");
  g_assert_cmpuint (changed, ==, 2);

  /* Blank text is no text; text is kept as typed. */
  ties_filter_set_text (filter, "   ");
  g_assert_null (ties_filter_get_text (filter));
  g_assert_cmpuint (changed, ==, 2);
  ties_filter_set_text (filter, " Zuckerberg ");
  g_assert_cmpstr (ties_filter_get_text (filter), ==, " Zuckerberg ");
  g_assert_cmpuint (changed, ==, 3);

  /* Text that is not EDTF is refused and leaves the bound as it was. */
  g_assert_true (ties_filter_set_from (filter, "2019-05"));
  g_assert_cmpuint (changed, ==, 4);
  g_assert_false (ties_filter_set_from (filter, "spring"));
  g_assert_false (ties_filter_set_range (filter, "2019", "next week"));
  g_assert_cmpstr (ties_filter_get_from (filter), ==, "2019-05");
  g_assert_null (ties_filter_get_to (filter));
  g_assert_cmpuint (changed, ==, 4);
  g_assert_nonnull (ties_filter_get_from_date (filter));
  g_assert_null (ties_filter_get_to_date (filter));

  /* Both bounds at once: one "changed", two notifications. */
  notified = 0;
  g_assert_true (ties_filter_set_range (filter, "2019", "2020"));
  g_assert_cmpuint (changed, ==, 5);
  g_assert_cmpuint (notified, ==, 2);

  ties_filter_set_source (filter, "herald");
  ties_filter_set_diagram (filter, TIES_FILTER_DIAGRAM_HIGHLIGHT);
  g_assert_cmpuint (changed, ==, 7);

  /* A copy is equal and apart. */
  {
    g_autoptr(TiesFilter) copy = ties_filter_copy (filter);

    g_assert_cmpstr (ties_filter_get_from (copy), ==, "2019");
    g_assert_cmpstr (ties_filter_get_to (copy), ==, "2020");
    g_assert_cmpstr (ties_filter_get_source (copy), ==, "herald");
    g_assert_cmpstr (ties_filter_get_text (copy), ==, " Zuckerberg ");
    g_assert_true (ties_filter_get_tie (copy, &a, &b));
    g_assert_cmpstr (b, ==, "bob");
    g_assert_cmpint (ties_filter_get_diagram (copy), ==, TIES_FILTER_DIAGRAM_HIGHLIGHT);
    ties_filter_set_source (copy, NULL);
    g_assert_cmpstr (ties_filter_get_source (filter), ==, "herald");
  }

  /* Clearing: one "changed"; the diagram mode stays. */
  ties_filter_clear (filter);
  g_assert_cmpuint (changed, ==, 8);
  g_assert_true (ties_filter_is_empty (filter));
  g_assert_cmpint (ties_filter_get_diagram (filter), ==, TIES_FILTER_DIAGRAM_HIGHLIGHT);
  ties_filter_clear (filter);
  g_assert_cmpuint (changed, ==, 8);
}

static void
test_kinds_actors_tie (void)
{
  g_autoptr(TiesDocument) document = new_document ();
  g_autoptr(TiesFilter) filter = ties_filter_new ();
  const char * const calls[] = { "phone-call", NULL };
  const char * const calls_and_mail[] = { "phone-call", "email", NULL };
  const char * const ann_or_dan[] = { "ann", "dan", NULL };
  TiesEvent *call, *mail, *meeting;

  call = add_event (document, "call", "phone-call", "2019-04-17", "ann bob");
  mail = add_event (document, "mail", "email", "2019-05", "bob cat");
  meeting = add_event (document, "meeting", "meeting", NULL, "ann bob cat");

  g_assert_cmpuint (count_included (filter, document), ==, 3);

  ties_filter_set_kinds (filter, calls);
  g_assert_true (ties_filter_includes_event (filter, document, call));
  g_assert_false (ties_filter_includes_event (filter, document, mail));
  g_assert_false (ties_filter_includes_event (filter, document, meeting));
  ties_filter_set_kinds (filter, calls_and_mail);
  g_assert_cmpuint (count_included (filter, document), ==, 2);
  ties_filter_set_kinds (filter, NULL);

  /* Any of the actors. */
  ties_filter_set_actors (filter, ann_or_dan);
  g_assert_true (ties_filter_includes_event (filter, document, call));
  g_assert_false (ties_filter_includes_event (filter, document, mail));
  g_assert_true (ties_filter_includes_event (filter, document, meeting));
  ties_filter_set_actors (filter, NULL);

  /* Both actors of the tie, in either order. */
  ties_filter_set_tie (filter, "cat", "bob");
  g_assert_false (ties_filter_includes_event (filter, document, call));
  g_assert_true (ties_filter_includes_event (filter, document, mail));
  g_assert_true (ties_filter_includes_event (filter, document, meeting));

  /* Parts combine with AND. */
  ties_filter_set_kinds (filter, calls_and_mail);
  g_assert_cmpuint (count_included (filter, document), ==, 1);
  g_assert_true (ties_filter_includes_event (filter, document, mail));

  /* The tie's property is one value: undo can never leave half a tie. */
  {
    const char * const tie[] = { "ann", "dan", NULL };

    g_object_set (filter, "tie", tie, NULL);
    g_assert_cmpuint (count_included (filter, document), ==, 0);
    g_object_set (filter, "tie", NULL, NULL);
    g_assert_false (ties_filter_get_tie (filter, NULL, NULL));
    g_assert_cmpuint (count_included (filter, document), ==, 2);
  }
}

static void
test_dates (void)
{
  g_autoptr(TiesDocument) document = new_document ();
  g_autoptr(TiesFilter) filter = ties_filter_new ();
  TiesEvent *jan, *mar, *undated, *span, *approx, *open_end, *uncertain;

  jan = add_event (document, "jan", "meeting", "2020-01-10", "ann bob");
  mar = add_event (document, "mar", "meeting", "2020-03", "bob cat");
  undated = add_event (document, "undated", "meeting", NULL, "ann cat");
  span = add_event (document, "span", "meeting", "2020-01-20/2020-02-05", "ann dan");
  approx = add_event (document, "approx", "meeting", "2020-06-15~", "ann bob");
  open_end = add_event (document, "open", "meeting", "2020-06/..", "cat dan");
  uncertain = add_event (document, "uncertain", "meeting", "2019?", "ann dan");

  /* No bound: undated events too. */
  g_assert_true (ties_filter_includes_event (filter, document, undated));

  /* A month keeps what overlaps it, an interval included. */
  g_assert_true (ties_filter_set_range (filter, "2020-02", "2020-04"));
  g_assert_false (ties_filter_includes_event (filter, document, jan));
  g_assert_true (ties_filter_includes_event (filter, document, mar));
  g_assert_true (ties_filter_includes_event (filter, document, span));
  g_assert_false (ties_filter_includes_event (filter, document, undated));
  g_assert_false (ties_filter_includes_event (filter, document, approx));
  g_assert_false (ties_filter_includes_event (filter, document, open_end));

  /* Day bounds, inclusive at both ends. */
  g_assert_true (ties_filter_set_range (filter, "2020-01-10", "2020-01-10"));
  g_assert_true (ties_filter_includes_event (filter, document, jan));
  g_assert_false (ties_filter_includes_event (filter, document, span));
  g_assert_true (ties_filter_set_range (filter, "2020-02-05", "2020-02-29"));
  g_assert_true (ties_filter_includes_event (filter, document, span));
  g_assert_false (ties_filter_includes_event (filter, document, jan));

  /* An approximate day is its day (strictly): not the next one. */
  g_assert_true (ties_filter_set_range (filter, "2020-06-16", NULL));
  g_assert_false (ties_filter_includes_event (filter, document, approx));
  g_assert_true (ties_filter_includes_event (filter, document, open_end));
  g_assert_true (ties_filter_set_range (filter, "2020-06-15", "2020-06-15"));
  g_assert_true (ties_filter_includes_event (filter, document, approx));

  /* Open ends: an open-ended event reaches any later from; an open from
   * reaches back to the first day there is. */
  g_assert_true (ties_filter_set_range (filter, "2099", NULL));
  g_assert_cmpuint (count_included (filter, document), ==, 1);
  g_assert_true (ties_filter_includes_event (filter, document, open_end));
  g_assert_true (ties_filter_set_range (filter, NULL, "2019-12"));
  g_assert_cmpuint (count_included (filter, document), ==, 1);
  g_assert_true (ties_filter_includes_event (filter, document, uncertain));

  /* A bound may itself be an interval: from its start to the to's end. */
  g_assert_true (ties_filter_set_range (filter, "2020-01/2020-02", "2020-03/2020-04"));
  g_assert_true (ties_filter_includes_event (filter, document, jan));
  g_assert_true (ties_filter_includes_event (filter, document, mar));
  g_assert_false (ties_filter_includes_event (filter, document, approx));

  /* A from after the to keeps nothing, whatever the dates. */
  g_assert_true (ties_filter_set_range (filter, "2020-04", "2020-02"));
  g_assert_cmpuint (count_included (filter, document), ==, 0);
  g_assert_true (ties_filter_set_range (filter, "2020-01-11", "2020-01-10"));
  g_assert_false (ties_filter_includes_event (filter, document, jan));
  g_assert_false (ties_filter_includes_event (filter, document, span));
  /* The same day at both ends is not after. */
  g_assert_true (ties_filter_set_range (filter, "2020-01-10", "2020-01"));
  g_assert_true (ties_filter_includes_event (filter, document, jan));

  g_assert_true (ties_filter_set_range (filter, NULL, NULL));
  g_assert_cmpuint (count_included (filter, document), ==, 7);
}

static void
test_text_and_source (void)
{
  g_autoptr(TiesDocument) document = new_document ();
  g_autoptr(TiesFilter) filter = ties_filter_new ();
  g_autoptr(TiesSource) source = ties_source_new ("herald");
  g_autoptr(TiesEvidence) quote = ties_evidence_new ("herald", "spoke with the Māori king", 0, 25);
  TiesActor *ann = ties_document_lookup_actor (document, "ann");
  TiesEvent *call, *mail, *meeting;

  ties_source_set_text (source, "spoke with the Māori king");
  ties_document_add_source (document, source);
  ties_actor_set_name (ann, "Jacinda Ardern");

  call = add_event (document, "call", "phone-call", "2019-04-17", "ann bob");
  ties_event_set_title (call, "Call with Zuckerberg");
  mail = add_event (document, "mail", "email", "2019-05", "bob cat");
  ties_event_set_place (mail, "Wellington");
  meeting = add_event (document, "meeting", "meeting", NULL, "cat dan");
  g_list_store_append (ties_event_get_evidence (meeting), quote);

  /* Case and compatibility forms are ignored; so is the space around. */
  ties_filter_set_text (filter, "  zUCKERberg ");
  g_assert_true (ties_filter_includes_event (filter, document, call));
  g_assert_cmpuint (count_included (filter, document), ==, 1);

  ties_filter_set_text (filter, "wellington");
  g_assert_true (ties_filter_includes_event (filter, document, mail));
  g_assert_cmpuint (count_included (filter, document), ==, 1);

  /* Participants by name through the document; by id without it. */
  ties_filter_set_text (filter, "ARDERN");
  g_assert_true (ties_filter_includes_event (filter, document, call));
  g_assert_false (ties_filter_includes_event (filter, NULL, call));
  ties_filter_set_text (filter, "ann");
  g_assert_true (ties_filter_includes_event (filter, NULL, call));

  /* Evidence quotes; NFKC folding makes "ﬁ"-style forms and composed
   * letters match. */
  ties_filter_set_text (filter, "MA\xcc\x84ORI");
  g_assert_true (ties_filter_includes_event (filter, document, meeting));
  g_assert_cmpuint (count_included (filter, document), ==, 1);

  /* Diacritics need not be typed: "maori" finds "Māori". */
  ties_filter_set_text (filter, "maori");
  g_assert_true (ties_filter_includes_event (filter, document, meeting));
  g_assert_cmpuint (count_included (filter, document), ==, 1);

  /* A participant by part of a name, or by an alias. */
  ties_filter_set_text (filter, "rder");
  g_assert_true (ties_filter_includes_event (filter, document, call));
  g_assert_cmpuint (count_included (filter, document), ==, 1);
  {
    const char * const aliases[] = { "the Prime Minister", NULL };

    ties_actor_set_aliases (ann, aliases);
  }
  ties_filter_set_text (filter, "prime  MINISTER");
  g_assert_true (ties_filter_includes_event (filter, document, call));
  g_assert_cmpuint (count_included (filter, document), ==, 1);

  ties_filter_set_text (filter, NULL);
  ties_filter_set_source (filter, "herald");
  g_assert_cmpuint (count_included (filter, document), ==, 1);
  g_assert_true (ties_filter_includes_event (filter, document, meeting));
  ties_filter_set_source (filter, "elsewhere");
  g_assert_cmpuint (count_included (filter, document), ==, 0);
}

static void
test_network (void)
{
  g_autoptr(TiesDocument) document = new_document ();
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  TiesFilter *filter = ties_document_get_filter (document);
  const char * const calls[] = { "phone-call", NULL };
  guint changed = 0;

  add_event (document, "call", "phone-call", "2019-04-17", "ann bob");
  add_event (document, "mail", "email", "2019-05", "bob cat");
  add_event (document, "meeting", "meeting", "2019-06", "cat dan");

  g_assert_cmpuint (g_list_model_get_n_items (ties_network_get_ties (network)), ==, 3);

  /* Shared with the document: its changes reach the network. */
  ties_network_set_filter (network, filter);
  g_assert_true (ties_network_get_filter (network) == filter);
  g_signal_connect (network, "changed", G_CALLBACK (count_signal), &changed);

  ties_filter_set_kinds (filter, calls);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (ties_network_get_n_events (network), ==, 1);
  g_assert_nonnull (ties_network_lookup_tie (network, "ann", "bob"));
  g_assert_null (ties_network_lookup_tie (network, "bob", "cat"));

  g_assert_null (ties_network_dup_highlighted_events (network));

  /* Highlight: everything counts; the diagram shows what is kept. */
  ties_filter_set_diagram (filter, TIES_FILTER_DIAGRAM_HIGHLIGHT);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (ties_network_get_n_events (network), ==, 3);
  g_assert_nonnull (ties_network_lookup_tie (network, "bob", "cat"));
  {
    g_autoptr(GHashTable) kept = ties_network_dup_highlighted_events (network);

    g_assert_nonnull (kept);
    g_assert_cmpuint (g_hash_table_size (kept), ==, 1);
    g_assert_true (g_hash_table_contains (kept, ties_document_lookup_event (document, "call")));
  }

  ties_filter_set_diagram (filter, TIES_FILTER_DIAGRAM_HIDE);
  ties_filter_set_range (filter, "2019-06", "2019-04");
  ties_filter_set_kinds (filter, NULL);
  g_assert_cmpuint (ties_network_get_n_events (network), ==, 0);

  /* Another filter: the document's no longer counts. */
  {
    g_autoptr(TiesFilter) own = ties_filter_new ();

    ties_network_set_filter (network, own);
    g_assert_cmpuint (ties_network_get_n_events (network), ==, 3);
    changed = 0;
    ties_filter_set_kinds (filter, calls);
    g_assert_cmpuint (changed, ==, 0);
  }
}

static const char saved_json[] =
  "{\n"
  "  \"format\": \"ties\",\n"
  "  \"version\": 1,\n"
  "  \"title\": \"Filtered\",\n"
  "  \"description\": \"\",\n"
  "  \"event_kinds\": [],\n"
  "  \"actors\": [\n"
  "    {\"id\": \"ann\", \"name\": \"Ann\", \"kind\": \"person\"},\n"
  "    {\"id\": \"bob\", \"name\": \"Bob\", \"kind\": \"person\"}\n"
  "  ],\n"
  "  \"sources\": [{\"id\": \"herald\", \"title\": \"Herald\", \"text\": \"Ann met Bob.\"}],\n"
  "  \"events\": [\n"
  "    {\"id\": \"e1\", \"title\": \"Ann meets Bob\", \"kind\": \"meeting\", \"date\": \"2019-05\",\n"
  "     \"participants\": [\"ann\", \"bob\"]}\n"
  "  ],\n"
  "  \"view\": {\"layout\": \"force\", \"focus\": null,\n"
  "           \"filter\": {\"from\": \"2019\", \"to\": \"2019-12\", \"kinds\": [\"meeting\"],\n"
  "                      \"actors\": [\"ann\"], \"tie\": [\"ann\", \"bob\"], \"text\": \"meets\",\n"
  "                      \"source\": \"herald\", \"diagram\": \"highlight\",\n"
  "                      \"later\": {\"kept\": true}}}\n"
  "}\n";

static TiesDocument *
load_json (const char *json)
{
  g_autoptr(GError) error = NULL;
  TiesDocument *document = ties_document_load_from_data (json, strlen (json), "test.ties.json", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static TiesDocument *
reload (TiesDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = ties_document_save_to_bytes (document, &error);

  g_assert_no_error (error);

  return load_json (g_bytes_get_data (bytes, NULL));
}

static void
test_document_binding (void)
{
  g_autoptr(TiesDocument) document = load_json (saved_json);
  g_autoptr(TiesDocument) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes_again = NULL;
  TiesFilter *filter = ties_document_get_filter (document);
  TiesHistory *history = ties_document_get_history (document);
  const char *a, *b;

  /* Every part is loaded. */
  g_assert_cmpstr (ties_filter_get_from (filter), ==, "2019");
  g_assert_cmpstr (ties_filter_get_to (filter), ==, "2019-12");
  g_assert_cmpstr (ties_filter_get_kinds (filter)[0], ==, "meeting");
  g_assert_cmpstr (ties_filter_get_actors (filter)[0], ==, "ann");
  g_assert_true (ties_filter_get_tie (filter, &a, &b));
  g_assert_cmpstr (a, ==, "ann");
  g_assert_cmpstr (b, ==, "bob");
  g_assert_cmpstr (ties_filter_get_text (filter), ==, "meets");
  g_assert_cmpstr (ties_filter_get_source (filter), ==, "herald");
  g_assert_cmpint (ties_filter_get_diagram (filter), ==, TIES_FILTER_DIAGRAM_HIGHLIGHT);
  g_assert_false (ties_history_get_modified (history));

  /* ...and written back, the unknown member with them, byte for byte. */
  bytes = ties_document_save_to_bytes (document, NULL);
  again = reload (document);
  bytes_again = ties_document_save_to_bytes (again, NULL);
  g_assert_true (g_bytes_equal (bytes, bytes_again));
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "\"later\": {"));
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "\"diagram\": \"highlight\""));

  /* An edit through the history is a view change that can be undone,
   * and is saved. */
  {
    TiesDocumentChange seen = TIES_DOCUMENT_CHANGE_NONE;
    g_autoptr(TiesDocument) edited = NULL;

    g_signal_connect (document, "parts-changed", G_CALLBACK (record_changes), &seen);
    ties_history_begin (history, "Filter");
    ties_history_set (history, filter, "text", "nothing like it", NULL);
    ties_history_end (history);
    g_assert_true (ties_history_get_modified (history));
    g_assert_cmpuint (seen, ==, TIES_DOCUMENT_CHANGE_VIEW);
    g_assert_cmpstr (ties_filter_get_text (filter), ==, "nothing like it");

    edited = reload (document);
    g_assert_cmpstr (ties_filter_get_text (ties_document_get_filter (edited)), ==, "nothing like it");

    g_assert_true (ties_history_undo (history));
    g_assert_cmpstr (ties_filter_get_text (filter), ==, "meets");
    g_assert_false (ties_history_get_modified (history));
  }

  /* A file without the later parts keeps its bytes. */
  {
    g_autofree char *plain = g_strdup (saved_json);
    g_autoptr(TiesDocument) cleared = NULL;
    g_autoptr(GBytes) cleared_bytes = NULL;

    ties_filter_clear (filter);
    ties_filter_set_diagram (filter, TIES_FILTER_DIAGRAM_HIDE);
    cleared_bytes = ties_document_save_to_bytes (document, NULL);
    g_assert_null (strstr (g_bytes_get_data (cleared_bytes, NULL), "\"actors\": [\n        \"ann\""));
    g_assert_null (strstr (g_bytes_get_data (cleared_bytes, NULL), "\"diagram\""));
    g_assert_null (strstr (g_bytes_get_data (cleared_bytes, NULL), "\"tie\""));
    g_assert_nonnull (strstr (g_bytes_get_data (cleared_bytes, NULL), "\"later\""));
    cleared = reload (document);
    g_assert_true (ties_filter_is_empty (ties_document_get_filter (cleared)));
  }
}

/* What a saved filter may not say. */
static void
test_document_errors (void)
{
  static const struct {
    const char *filter;
    const char *message;
  } cases[] = {
    { "\"tie\": [\"ann\"]", "$.view.filter.tie" },
    { "\"tie\": [\"ann\", \"zed\"]", "$.view.filter.tie[1]" },
    { "\"actors\": [\"zed\"]", "$.view.filter.actors[0]" },
    { "\"source\": \"nowhere\"", "$.view.filter.source" },
    { "\"diagram\": \"blink\"", "$.view.filter.diagram" },
    { "\"text\": 3", "$.view.filter.text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) json = g_string_new (saved_json);
      g_autoptr(GError) error = NULL;
      g_autoptr(TiesDocument) document = NULL;
      g_autofree char *filter = g_strdup_printf ("\"filter\": {\"from\": null, \"to\": null, \"kinds\": [], %s}}",
                                                 cases[i].filter);

      /* The saved filter, all of it, replaced by the case's. */
      g_string_truncate (json, strstr (json->str, "\"filter\":") - json->str);
      g_string_append (json, filter);
      g_string_append (json, "\n}\n");

      document = ties_document_load_from_data (json->str, json->len, "test.ties.json", NULL, &error);
      g_assert_null (document);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” does not name %s", i, error->message, cases[i].message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/filter/properties", test_properties);
  g_test_add_func ("/filter/kinds-actors-tie", test_kinds_actors_tie);
  g_test_add_func ("/filter/dates", test_dates);
  g_test_add_func ("/filter/text-and-source", test_text_and_source);
  g_test_add_func ("/filter/network", test_network);
  g_test_add_func ("/filter/document", test_document_binding);
  g_test_add_func ("/filter/document-errors", test_document_errors);

  return g_test_run ();
}
