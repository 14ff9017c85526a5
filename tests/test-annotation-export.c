/* test-annotation-export.c: evidence as W3C Web Annotations
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/check-annotations.py validates the export against the W3C test
 * suite; these tests pin what each annotation says.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ties-annotation-export.h"
#include "ties-document-io.h"
#include "test-util.h"

#define SAMPLE_URL "https://www.nzherald.co.nz/nz/twitter-boss-jack-dorsey-to-meet-jacinda-ardern-in-flying-visit-to-wellington/KH6GZICNAZSU6AVSDXKXDDO7U4/"

static JsonNode *
export_and_parse (TiesDocument *document)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data;

  bytes = ties_annotation_export_to_bytes (document, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &size);
  g_assert_true (g_utf8_validate (data, size, NULL));
  g_assert_cmpint (data[size - 1], ==, '\n');

  json_parser_load_from_data (parser, data, size, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static JsonArray *
items_of (JsonNode *root)
{
  JsonObject *collection = json_node_get_object (root);
  JsonObject *page = json_object_get_object_member (collection, "first");

  g_assert_nonnull (page);
  g_assert_cmpstr (json_object_get_string_member (page, "type"), ==, "AnnotationPage");

  return json_object_get_array_member (page, "items");
}

static JsonObject *
find_annotation (JsonArray  *items,
                 const char *id_suffix)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *annotation = json_array_get_object_element (items, i);

      if (g_str_has_suffix (json_object_get_string_member (annotation, "id"), id_suffix))
        return annotation;
    }

  g_assert_not_reached ();
}

/* The body of @annotation with @purpose, or NULL. */
static JsonObject *
find_body (JsonObject *annotation,
           const char *purpose)
{
  JsonArray *bodies = json_object_get_array_member (annotation, "body");

  for (guint i = 0; i < json_array_get_length (bodies); i++)
    {
      JsonObject *body = json_array_get_object_element (bodies, i);

      if (g_strcmp0 (json_object_get_string_member (body, "purpose"), purpose) == 0)
        return body;
    }

  return NULL;
}

/* The selector of @annotation's target of @type, or NULL. */
static JsonObject *
find_selector (JsonObject *annotation,
               const char *type)
{
  JsonObject *target = json_object_get_object_member (annotation, "target");
  JsonNode *selector = json_object_get_member (target, "selector");

  if (JSON_NODE_HOLDS_OBJECT (selector))
    {
      JsonObject *only = json_node_get_object (selector);

      return g_strcmp0 (json_object_get_string_member (only, "type"), type) == 0 ? only : NULL;
    }

  for (guint i = 0; i < json_array_get_length (json_node_get_array (selector)); i++)
    {
      JsonObject *object = json_array_get_object_element (json_node_get_array (selector), i);

      if (g_strcmp0 (json_object_get_string_member (object, "type"), type) == 0)
        return object;
    }

  return NULL;
}

static guint
count_evidence (TiesDocument *document)
{
  GListModel *events = G_LIST_MODEL (ties_document_get_events (document));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (events, i);

      n += g_list_model_get_n_items (G_LIST_MODEL (ties_event_get_evidence (event)));
    }

  return n;
}

/* The sample's first evidence item of "davos-dinner", member by member. */
static void
test_sample_annotation (void)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(JsonNode) root = export_and_parse (document);
  JsonObject *collection = json_node_get_object (root);
  JsonArray *items = items_of (root);
  JsonObject *annotation;
  JsonObject *body;
  JsonObject *target;
  JsonObject *quote;
  JsonObject *position;
  const char *value;

  g_assert_cmpstr (json_object_get_string_member (collection, "@context"), ==, "http://www.w3.org/ns/anno.jsonld");
  g_assert_cmpstr (json_object_get_string_member (collection, "type"), ==, "AnnotationCollection");
  g_assert_cmpstr (json_object_get_string_member (collection, "label"), ==, ties_document_get_title (document));
  g_assert_cmpint (json_object_get_int_member (collection, "total"), ==, count_evidence (document));
  g_assert_cmpuint (json_array_get_length (items), ==, count_evidence (document));
  g_assert_cmpuint (json_array_get_length (items), ==, 34);

  /* Document order: the first event's first item comes first. */
  annotation = json_array_get_object_element (items, 0);
  g_assert_true (annotation == find_annotation (items, ":davos-dinner:1"));
  g_assert_cmpstr (json_object_get_string_member (annotation, "id"), ==,
                   "urn:ties:ardern-and-the-tech-chiefs-the-christchurch-call:davos-dinner:1");
  g_assert_cmpstr (json_object_get_string_member (annotation, "@context"), ==, "http://www.w3.org/ns/anno.jsonld");
  g_assert_cmpstr (json_object_get_string_member (annotation, "type"), ==, "Annotation");
  g_assert_cmpstr (json_object_get_string_member (annotation, "motivation"), ==, "describing");

  body = find_body (annotation, "describing");
  g_assert_nonnull (body);
  g_assert_cmpstr (json_object_get_string_member (body, "type"), ==, "TextualBody");
  g_assert_cmpstr (json_object_get_string_member (body, "format"), ==, "text/plain");
  value = json_object_get_string_member (body, "value");
  g_assert_true (g_str_has_prefix (value, "Cook and Ardern meet at dinner in Davos\n"));
  g_assert_nonnull (strstr (value, "Kind: Meeting"));
  g_assert_nonnull (strstr (value, "Date: 2019-01-22/2019-01-25 (“at the start of the year”)"));
  g_assert_nonnull (strstr (value, "Place: Davos"));
  g_assert_nonnull (strstr (value, "Participants: Jacinda Ardern, Tim Cook"));
  body = find_body (annotation, "tagging");
  g_assert_nonnull (body);
  g_assert_cmpstr (json_object_get_string_member (body, "value"), ==, "meeting");
  /* Anchored evidence is not flagged. */
  g_assert_null (find_body (annotation, "commenting"));

  target = json_object_get_object_member (annotation, "target");
  g_assert_cmpstr (json_object_get_string_member (target, "source"), ==, SAMPLE_URL);
  quote = find_selector (annotation, "TextQuoteSelector");
  g_assert_nonnull (quote);
  g_assert_cmpstr (json_object_get_string_member (quote, "exact"), ==,
                   "Cook and Ardern had already met at the World Economic Forum in Davos at the start of the year");
  g_assert_cmpstr (json_object_get_string_member (quote, "prefix"), ==, "f a conversation with Mr Cook.\"\n");
  g_assert_cmpstr (json_object_get_string_member (quote, "suffix"), ==, ", which was alluded to in Apple'");
  position = find_selector (annotation, "TextPositionSelector");
  g_assert_nonnull (position);
  g_assert_cmpint (json_object_get_int_member (position, "start"), ==, 3213);
  g_assert_cmpint (json_object_get_int_member (position, "end"), ==, 3306);

  /* Every id differs: the n-th item of each event. */
  {
    g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < json_array_get_length (items); i++)
      g_assert_true (g_hash_table_add (ids, (gpointer) json_object_get_string_member (json_array_get_object_element (items, i), "id")));
    g_assert_nonnull (find_annotation (items, ":davos-dinner:2"));
  }
}

/* A source in several scripts: an emoji with a skin-tone modifier (two
 * code points, eight bytes), macrons, CJK and Arabic before the quotes. */
#define WORLD_TEXT "👋🏽 Kia ora! Ngāti Whātua hosted 東京 delegates; مرحبا said the guests."

static TiesDocument *
make_world_document (void)
{
  TiesDocument *document = ties_document_new ();
  g_autoptr(TiesSource) source = ties_source_new ("hui");
  g_autoptr(TiesActor) a = ties_actor_new ("whatua", "Ngāti Whātua Ōrākei", TIES_ACTOR_ORGANISATION);
  g_autoptr(TiesActor) b = ties_actor_new ("tokyo", "東京都", TIES_ACTOR_ORGANISATION);
  g_autoptr(TiesEvent) event = ties_event_new ("pōwhiri", "Pōwhiri for 東京", "meeting");
  g_autoptr(TiesEvidence) hosted = ties_evidence_new ("hui", "Ngāti Whātua hosted 東京 delegates", 12, 44);
  g_autoptr(TiesEvidence) greeting = ties_evidence_new ("hui", "مرحبا", 46, 51);
  g_autoptr(TiesEvidence) lost = ties_evidence_new ("hui", "Tāmaki Makaurau", 0, 15);
  const char *participants[] = { "whatua", "tokyo", NULL };

  ties_document_set_title (document, "Hui ā-iwi 🌏");
  ties_source_set_text (source, WORLD_TEXT);
  ties_document_add_source (document, source);
  ties_document_add_actor (document, a);
  ties_document_add_actor (document, b);
  ties_event_set_participants (event, participants);
  ties_event_set_date (event, "2024-11");
  ties_evidence_set_prefix (hosted, "Kia ora! ");
  g_list_store_append (ties_event_get_evidence (event), hosted);
  g_list_store_append (ties_event_get_evidence (event), greeting);
  g_list_store_append (ties_event_get_evidence (event), lost);
  ties_document_add_event (document, event);

  return document;
}

static void
test_code_points (void)
{
  g_autoptr(TiesDocument) document = make_world_document ();
  g_autoptr(JsonNode) root = export_and_parse (document);
  JsonArray *items = items_of (root);
  JsonObject *annotation;
  JsonObject *quote;
  JsonObject *position;
  JsonObject *target;
  const char *value;

  g_assert_cmpuint (json_array_get_length (items), ==, 3);
  /* Ids stay IRIs whatever the title and the event id hold: the title is
   * folded to ASCII, the id percent-encoded. */
  annotation = json_array_get_object_element (items, 0);
  g_assert_cmpstr (json_object_get_string_member (annotation, "id"), ==, "urn:ties:hui-a-iwi:p%C5%8Dwhiri:1");
  /* No URL: the source is named by its id. */
  target = json_object_get_object_member (annotation, "target");
  g_assert_cmpstr (json_object_get_string_member (target, "source"), ==, "urn:ties:source:hui");
  value = json_object_get_string_member (find_body (annotation, "describing"), "value");
  g_assert_nonnull (strstr (value, "Participants: Ngāti Whātua Ōrākei, 東京都"));
  g_assert_nonnull (strstr (value, "Date: 2024-11"));

  /* Code points, not bytes (18) nor UTF-16 units (13). */
  g_assert_cmpint (strstr (WORLD_TEXT, "Ngāti") - WORLD_TEXT, ==, 18);
  position = find_selector (annotation, "TextPositionSelector");
  g_assert_nonnull (position);
  g_assert_cmpint (json_object_get_int_member (position, "start"), ==, 12);
  g_assert_cmpint (json_object_get_int_member (position, "end"), ==, 44);
  quote = find_selector (annotation, "TextQuoteSelector");
  g_assert_cmpstr (json_object_get_string_member (quote, "exact"), ==, "Ngāti Whātua hosted 東京 delegates");
  /* Its own prefix is kept; the suffix, which it lacks, comes from the
   * text: the 24 code points to the end. */
  g_assert_cmpstr (json_object_get_string_member (quote, "prefix"), ==, "Kia ora! ");
  g_assert_cmpstr (json_object_get_string_member (quote, "suffix"), ==, "; مرحبا said the guests.");

  /* Right to left, after everything else: still code points. The prefix
   * taken from the text is the 32 code points before it, cut between two
   * characters, never inside one. */
  annotation = json_array_get_object_element (items, 1);
  position = find_selector (annotation, "TextPositionSelector");
  g_assert_cmpint (json_object_get_int_member (position, "start"), ==, 46);
  g_assert_cmpint (json_object_get_int_member (position, "end"), ==, 51);
  quote = find_selector (annotation, "TextQuoteSelector");
  g_assert_cmpstr (json_object_get_string_member (quote, "exact"), ==, "مرحبا");
  g_assert_cmpstr (json_object_get_string_member (quote, "prefix"), ==, "āti Whātua hosted 東京 delegates; ");
  g_assert_cmpint (g_utf8_strlen (json_object_get_string_member (quote, "prefix"), -1), ==, 32);
  g_assert_cmpstr (json_object_get_string_member (quote, "suffix"), ==, " said the guests.");

  /* Orphaned: its words are not in the text, so no position at all (not
   * the stale 0–15), only the quote, and a body that says so. */
  annotation = json_array_get_object_element (items, 2);
  g_assert_null (find_selector (annotation, "TextPositionSelector"));
  quote = find_selector (annotation, "TextQuoteSelector");
  g_assert_nonnull (quote);
  g_assert_cmpstr (json_object_get_string_member (quote, "exact"), ==, "Tāmaki Makaurau");
  g_assert_false (json_object_has_member (quote, "prefix"));
  g_assert_nonnull (find_body (annotation, "commenting"));
  g_assert_nonnull (strstr (json_object_get_string_member (find_body (annotation, "commenting"), "value"), "Orphaned"));
}

/* Marked orphaned by anchoring, even though the stale offsets happen to
 * still hold the quote's length of other text: no position either. */
static void
test_orphaned_status (void)
{
  g_autoptr(TiesDocument) document = make_world_document ();
  g_autoptr(TiesEvent) event = g_list_model_get_item (G_LIST_MODEL (ties_document_get_events (document)), 0);
  g_autoptr(TiesEvidence) hosted = g_list_model_get_item (G_LIST_MODEL (ties_event_get_evidence (event)), 0);
  g_autoptr(JsonNode) root = NULL;

  ties_evidence_set_status (hosted, TIES_EVIDENCE_ORPHANED);
  root = export_and_parse (document);
  g_assert_null (find_selector (json_array_get_object_element (items_of (root), 0), "TextPositionSelector"));
  g_assert_nonnull (find_body (json_array_get_object_element (items_of (root), 0), "commenting"));
  g_assert_nonnull (find_selector (json_array_get_object_element (items_of (root), 1), "TextPositionSelector"));
}

/* Targets are URIs: a URL is kept, ASCII (what a URI may hold); one
 * that is not a URL falls back to the source's id. */
static void
test_source_uri (void)
{
  static const struct {
    const char *url;
    const char *target;
  } cases[] = {
    { "https://www.rnz.co.nz/news/te-manu-korihi/1", "https://www.rnz.co.nz/news/te-manu-korihi/1" },
    { "https://例え.jp/パス?q=a b", "https://%E4%BE%8B%E3%81%88.jp/%E3%83%91%E3%82%B9?q=a%20b" },
    { "www.rnz.co.nz/news", "urn:ties:source:hui" },
    { "not a URL at all", "urn:ties:source:hui" },
    { "", "urn:ties:source:hui" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TiesDocument) document = make_world_document ();
      g_autoptr(JsonNode) root = NULL;
      JsonObject *target;

      ties_source_set_url (ties_document_lookup_source (document, "hui"), cases[i].url);
      root = export_and_parse (document);
      target = json_object_get_object_member (json_array_get_object_element (items_of (root), 0), "target");
      g_assert_cmpstr (json_object_get_string_member (target, "source"), ==, cases[i].target);
    }
}

static void
test_no_evidence (void)
{
  g_autoptr(TiesDocument) document = ties_document_new ();
  g_autoptr(TiesEvent) event = ties_event_new ("call", "A call", "phone-call");
  g_autoptr(JsonNode) root = NULL;
  JsonObject *collection;

  ties_document_add_event (document, event);
  root = export_and_parse (document);
  collection = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (collection, "@context"), ==, "http://www.w3.org/ns/anno.jsonld");
  g_assert_cmpstr (json_object_get_string_member (collection, "type"), ==, "AnnotationCollection");
  g_assert_cmpstr (json_object_get_string_member (collection, "id"), ==, "urn:ties:document");
  g_assert_cmpint (json_object_get_int_member (collection, "total"), ==, 0);
  /* The model wants no first page for an empty collection, and no label
   * where there is no title. */
  g_assert_false (json_object_has_member (collection, "first"));
  g_assert_false (json_object_has_member (collection, "label"));
}

static void
test_deterministic (void)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  gsize length;

  first = ties_annotation_export_to_bytes (document, &error);
  g_assert_no_error (error);
  second = ties_annotation_export_to_bytes (document, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (first, second));

  /* The file holds the same bytes. */
  folder = g_dir_make_tmp ("ties-annotations-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (folder, "sample.jsonld", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (ties_annotation_export_to_file (document, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, g_bytes_get_data (first, NULL), g_bytes_get_size (first));

  /* A folder that does not exist: an error, nothing written. */
  {
    g_autofree char *missing = g_build_filename (folder, "no", "such", "x.jsonld", NULL);
    g_autoptr(GFile) nowhere = g_file_new_for_path (missing);

    g_assert_false (ties_annotation_export_to_file (document, nowhere, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/annotation-export/sample", test_sample_annotation);
  g_test_add_func ("/annotation-export/code-points", test_code_points);
  g_test_add_func ("/annotation-export/orphaned-status", test_orphaned_status);
  g_test_add_func ("/annotation-export/source-uri", test_source_uri);
  g_test_add_func ("/annotation-export/no-evidence", test_no_evidence);
  g_test_add_func ("/annotation-export/deterministic", test_deterministic);

  return g_test_run ();
}
