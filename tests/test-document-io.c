/* test-document-io.c: reading and writing documents
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "ties-document-io.h"
#include "ties-json-dom.h"
#include "ties-json-writer.h"

#define SAMPLE TOP_SRCDIR "/data/samples/christchurch-call.ties.json"
#define SCHEMA TOP_SRCDIR "/data/ties.schema.json"
#define CHECK_SCHEMA TESTS_SRCDIR "/check-schema.py"

static TiesDocument *
load_string (const char  *json,
             GPtrArray  **warnings)
{
  g_autoptr(GError) error = NULL;
  TiesDocument *document;

  document = ties_document_load_from_data (json, strlen (json), "test.ties.json", warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static char *
save_string (TiesDocument *document)
{
  g_autoptr(GBytes) bytes = ties_document_save_to_bytes (document, NULL);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_round_trip_sample (void)
{
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (SAMPLE);
  g_autoptr(GError) error = NULL;
  g_autoptr(TiesDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (SAMPLE, &contents, &length, NULL));

  document = ties_document_load_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Load → save of an untouched document gives the same bytes. */
  bytes = ties_document_save_to_bytes (document, NULL);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), contents, length);

  /* And saving twice gives the same bytes twice. */
  again = ties_document_save_to_bytes (document, NULL);
  g_assert_true (g_bytes_equal (bytes, again));

  g_assert_false (ties_history_get_modified (ties_document_get_history (document)));
}

/* Every level of the format has room for members a newer Ties may add. */
static const char unknown_members[] =
  "{\n"
  "  \"format\": \"ties\",\n"
  "  \"version\": 1,\n"
  "  \"title\": \"Unknown members\",\n"
  "  \"description\": \"\",\n"
  "  \"event_kinds\": [\n"
  "    {\n"
  "      \"id\": \"hack\",\n"
  "      \"label\": \"Hack\",\n"
  "      \"line\": \"dotted\",\n"
  "      \"icon\": \"bug\"\n"
  "    }\n"
  "  ],\n"
  "  \"actors\": [\n"
  "    {\n"
  "      \"id\": \"a\",\n"
  "      \"name\": \"A\",\n"
  "      \"kind\": \"person\",\n"
  "      \"role\": \"\",\n"
  "      \"affiliation\": null,\n"
  "      \"color\": null,\n"
  "      \"aliases\": [],\n"
  "      \"notes\": \"\",\n"
  "      \"position\": {\n"
  "        \"x\": 1.5,\n"
  "        \"y\": -2,\n"
  "        \"pinned\": true,\n"
  "        \"z\": 3\n"
  "      },\n"
  "      \"wikidata\": \"Q123\"\n"
  "    }\n"
  "  ],\n"
  "  \"sources\": [\n"
  "    {\n"
  "      \"id\": \"s\",\n"
  "      \"title\": \"\",\n"
  "      \"publisher\": \"\",\n"
  "      \"author\": \"\",\n"
  "      \"url\": \"\",\n"
  "      \"published\": null,\n"
  "      \"retrieved\": null,\n"
  "      \"notes\": \"\",\n"
  "      \"text\": \"A met nobody.\",\n"
  "      \"language\": \"en\"\n"
  "    }\n"
  "  ],\n"
  "  \"events\": [\n"
  "    {\n"
  "      \"id\": \"e\",\n"
  "      \"title\": \"E\",\n"
  "      \"kind\": \"hack\",\n"
  "      \"date\": \"2019-05~\",\n"
  "      \"date_phrase\": \"\",\n"
  "      \"place\": null,\n"
  "      \"participants\": [\n"
  "        \"a\"\n"
  "      ],\n"
  "      \"initiator\": null,\n"
  "      \"evidence\": [\n"
  "        {\n"
  "          \"source\": \"s\",\n"
  "          \"selector\": {\n"
  "            \"exact\": \"met\",\n"
  "            \"prefix\": \"A \",\n"
  "            \"suffix\": \" nobody\",\n"
  "            \"start\": 2,\n"
  "            \"end\": 5,\n"
  "            \"refinedBy\": {\n"
  "              \"type\": \"CssSelector\"\n"
  "            }\n"
  "          },\n"
  "          \"confidence\": 0.75\n"
  "        }\n"
  "      ],\n"
  "      \"tags\": [],\n"
  "      \"notes\": \"\",\n"
  "      \"certainty\": {\n"
  "        \"level\": [\n"
  "          1,\n"
  "          true,\n"
  "          null,\n"
  "          \"x\"\n"
  "        ],\n"
  "        \"empty\": {},\n"
  "        \"none\": []\n"
  "      }\n"
  "    }\n"
  "  ],\n"
  "  \"view\": {\n"
  "    \"layout\": \"circle\",\n"
  "    \"focus\": \"a\",\n"
  "    \"filter\": {\n"
  "      \"from\": \"2019\",\n"
  "      \"to\": null,\n"
  "      \"kinds\": [\n"
  "        \"hack\"\n"
  "      ],\n"
  "      \"places\": []\n"
  "    },\n"
  "    \"zoom\": 2.25\n"
  "  },\n"
  "  \"generator\": \"Ties 2.0\"\n"
  "}\n";

static void
test_unknown_members (void)
{
  g_autoptr(TiesDocument) document = load_string (unknown_members, NULL);
  g_autofree char *saved = save_string (document);
  TiesExtras *extras = ties_document_get_extras (document);

  g_assert_cmpuint (ties_extras_get_n (extras), ==, 1);
  g_assert_cmpstr (ties_extras_get_name (extras, 0), ==, "generator");
  g_assert_cmpstr (ties_extras_get_json (extras, 0), ==, "\"Ties 2.0\"");

  /* Kept at every level and written back where they were. */
  g_assert_cmpstr (saved, ==, unknown_members);
}

static void
test_save_load_edited (void)
{
  g_autoptr(TiesDocument) document = load_string (unknown_members, NULL);
  g_autoptr(TiesDocument) reloaded = NULL;
  g_autoptr(TiesActor) actor = ties_actor_new ("te-reo", "Te Reo Māori “quoted” \\ 中文 🙂", TIES_ACTOR_GROUP);
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  TiesActor *found;

  ties_actor_set_notes (actor, "line one\nline two\ttab \x01 control");
  ties_document_add_actor (document, actor);
  ties_document_move_actor (document, actor, 0.1, 1e-7, FALSE);
  g_assert_true (ties_history_get_modified (ties_document_get_history (document)));

  saved = save_string (document);
  reloaded = load_string (saved, NULL);
  found = ties_document_lookup_actor (reloaded, "te-reo");
  g_assert_nonnull (found);
  g_assert_cmpstr (ties_actor_get_name (found), ==, "Te Reo Māori “quoted” \\ 中文 🙂");
  g_assert_cmpstr (ties_actor_get_notes (found), ==, "line one\nline two\ttab \x01 control");
  g_assert_cmpint (ties_actor_get_kind (found), ==, TIES_ACTOR_GROUP);
  g_assert_true (ties_actor_get_has_position (found));
  /* Doubles survive exactly. */
  g_assert_true (ties_actor_get_x (found) == 0.1);
  g_assert_true (ties_actor_get_y (found) == 1e-7);

  saved_again = save_string (reloaded);
  g_assert_cmpstr (saved, ==, saved_again);
}

static void
on_parts_changed (TiesDocument       *document,
                  TiesDocumentChange  changes,
                  TiesDocumentChange *out)
{
  *out |= changes;
}

/* Dismissed proposals are remembered in the file, after the text and
 * before members this version does not know; undo forgets them again. */
static void
test_dismissed_round_trip (void)
{
  g_autoptr(TiesDocument) document = load_string (unknown_members, NULL);
  g_autoptr(TiesDocument) reloaded = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  g_autofree char *saved_undone = NULL;
  TiesHistory *history = ties_document_get_history (document);
  TiesSource *source = ties_document_lookup_source (document, "s");
  TiesDocumentChange changes = TIES_DOCUMENT_CHANGE_NONE;

  g_signal_connect (document, "parts-changed", G_CALLBACK (on_parts_changed), &changes);

  g_assert_false (ties_source_is_dismissed (source, "A met nobody."));
  g_assert_cmpuint (g_strv_length ((char **) ties_source_get_dismissed (source)), ==, 0);

  ties_document_dismiss_suggestion (document, source, "A met nobody.");
  ties_document_dismiss_suggestion (document, source, "Nobody met “A” 🙂.");
  g_assert_true (changes & TIES_DOCUMENT_CHANGE_SOURCES);
  g_assert_true (ties_source_is_dismissed (source, "A met nobody."));
  g_assert_false (ties_source_is_dismissed (source, "A met nobody"));

  /* Dismissing twice adds nothing and no undo step. */
  ties_document_dismiss_suggestion (document, source, "A met nobody.");
  g_assert_cmpuint (g_strv_length ((char **) ties_source_get_dismissed (source)), ==, 2);

  saved = save_string (document);
  g_assert_nonnull (strstr (saved,
                            "      \"text\": \"A met nobody.\",\n"
                            "      \"dismissed\": [\n"
                            "        \"A met nobody.\",\n"
                            "        \"Nobody met “A” 🙂.\"\n"
                            "      ],\n"
                            "      \"language\": \"en\"\n"));

  reloaded = load_string (saved, NULL);
  source = ties_document_lookup_source (reloaded, "s");
  g_assert_true (ties_source_is_dismissed (source, "A met nobody."));
  g_assert_true (ties_source_is_dismissed (source, "Nobody met “A” 🙂."));
  saved_again = save_string (reloaded);
  g_assert_cmpstr (saved, ==, saved_again);

  /* Both dismissals undone: the member is gone, the bytes as loaded. */
  g_assert_true (ties_history_undo (history));
  g_assert_true (ties_history_undo (history));
  g_assert_false (ties_history_get_can_undo (history));
  saved_undone = save_string (document);
  g_assert_cmpstr (saved_undone, ==, unknown_members);

  g_assert_true (ties_history_redo (history));
  g_assert_true (ties_source_is_dismissed (ties_document_lookup_source (document, "s"), "A met nobody."));
}

/* A kind's colour is written after its line and before unknown members,
 * only when chosen; a declared "meeting" overrides the built-in one. */
static void
test_event_kind_color_round_trip (void)
{
  g_autoptr(TiesDocument) document = load_string (unknown_members, NULL);
  g_autoptr(TiesDocument) reloaded = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  TiesHistory *history = ties_document_get_history (document);
  TiesEventKind *hack = ties_document_lookup_event_kind (document, "hack");
  TiesEventKind *meeting;

  g_assert_null (ties_event_kind_get_color (hack));
  ties_history_set (history, hack, "color", "#C061CB", NULL);
  ties_history_begin (history, "Recolour");
  meeting = ties_document_edit_event_kind (document, "meeting");
  ties_history_set (history, meeting, "label", "Hui", "color", "#2ec27e", NULL);
  ties_history_end (history);

  saved = save_string (document);
  g_assert_nonnull (strstr (saved,
                            "  \"event_kinds\": [\n"
                            "    {\n"
                            "      \"id\": \"hack\",\n"
                            "      \"label\": \"Hack\",\n"
                            "      \"line\": \"dotted\",\n"
                            "      \"color\": \"#C061CB\",\n"
                            "      \"icon\": \"bug\"\n"
                            "    },\n"
                            "    {\n"
                            "      \"id\": \"meeting\",\n"
                            "      \"label\": \"Hui\",\n"
                            "      \"line\": \"solid\",\n"
                            "      \"color\": \"#2ec27e\"\n"
                            "    }\n"
                            "  ],\n"));

  reloaded = load_string (saved, NULL);
  g_assert_cmpstr (ties_event_kind_get_color (ties_document_lookup_event_kind (reloaded, "hack")), ==, "#C061CB");
  meeting = ties_document_lookup_event_kind (reloaded, "meeting");
  g_assert_true (meeting != ties_event_kind_lookup_builtin ("meeting"));
  g_assert_cmpstr (ties_event_kind_get_label (meeting), ==, "Hui");
  g_assert_cmpstr (ties_event_kind_get_display_color (meeting), ==, "#2ec27e");
  saved_again = save_string (reloaded);
  g_assert_cmpstr (saved, ==, saved_again);

  /* Both steps undone: the bytes as loaded. */
  g_assert_true (ties_history_undo (history));
  g_assert_true (ties_history_undo (history));
  g_clear_pointer (&saved, g_free);
  saved = save_string (document);
  g_assert_cmpstr (saved, ==, unknown_members);
}

/* The writer's bytes are Python's json.dumps(indent=2, ensure_ascii=False):
 * these expectations were produced by Python 3.11. */
static void
test_writer_matches_python (void)
{
  TiesJsonWriter *w = ties_json_writer_new (0);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected =
    "{\n"
    "  \"s\": \"q\\\"b\\\\s\\n\\r\\t\\b\\f\\u0001\\u001f\x7f é 🙂 \xe2\x80\xa8 /\",\n"
    "  \"empty_list\": [],\n"
    "  \"empty_object\": {},\n"
    "  \"list\": [\n"
    "    1,\n"
    "    -2,\n"
    "    0.5,\n"
    "    0.1,\n"
    "    1e-07,\n"
    "    1.7976931348623157e+308,\n"
    "    true,\n"
    "    false,\n"
    "    null,\n"
    "    [\n"
    "      {\n"
    "        \"k\": []\n"
    "      }\n"
    "    ]\n"
    "  ]\n"
    "}\n";

  ties_json_writer_begin_object (w);
  ties_json_writer_member (w, "s");
  ties_json_writer_string (w, "q\"b\\s\n\r\t\b\f\x01\x1f\x7f é 🙂 \xe2\x80\xa8 /");
  ties_json_writer_member (w, "empty_list");
  ties_json_writer_begin_array (w);
  ties_json_writer_end_array (w);
  ties_json_writer_member (w, "empty_object");
  ties_json_writer_begin_object (w);
  ties_json_writer_end_object (w);
  ties_json_writer_member (w, "list");
  ties_json_writer_begin_array (w);
  ties_json_writer_int (w, 1);
  ties_json_writer_double (w, -2.0);
  ties_json_writer_double (w, 0.5);
  ties_json_writer_double (w, 0.1);
  ties_json_writer_double (w, 1e-7);
  ties_json_writer_double (w, 1.7976931348623157e308);
  ties_json_writer_boolean (w, TRUE);
  ties_json_writer_boolean (w, FALSE);
  ties_json_writer_null (w);
  ties_json_writer_begin_array (w);
  ties_json_writer_begin_object (w);
  ties_json_writer_member (w, "k");
  ties_json_writer_strv (w, NULL);
  ties_json_writer_end_object (w);
  ties_json_writer_end_array (w);
  ties_json_writer_end_array (w);
  ties_json_writer_end_object (w);

  bytes = ties_json_writer_free_to_bytes (w, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), expected, strlen (expected));
}

/* Offsets count code points, as W3C selectors do, not bytes or UTF-16. */
static const char code_points[] =
  "{\"format\": \"ties\", \"version\": 1,"
  " \"actors\": [{\"id\": \"a\", \"name\": \"Aroha\", \"kind\": \"person\"}],"
  " \"sources\": [{\"id\": \"s\", \"text\": \"Te reo Māori 🙂 中文: Aroha met Bob. Aroha met Bob.\"}],"
  " \"events\": [{\"id\": \"e\", \"title\": \"Meeting\", \"participants\": [\"a\"], \"evidence\": ["
  "   {\"source\": \"s\", \"selector\": {\"exact\": \"Aroha met Bob\", \"start\": 19, \"end\": 32}},"
  "   {\"source\": \"s\", \"selector\": {\"exact\": \"中文\", \"start\": 15, \"end\": 17}},"
  /* Byte offsets, as a careless tool would write them: re-anchored. */
  "   {\"source\": \"s\", \"selector\": {\"exact\": \"中文\", \"start\": 19, \"end\": 25}},"
  /* Twice in the text, prefix and suffix name the second. */
  "   {\"source\": \"s\", \"selector\": {\"exact\": \"Aroha met Bob\", \"prefix\": \"Bob. \", \"suffix\": \".\", \"start\": 0, \"end\": 1}},"
  /* Twice in the text and nothing to tell them apart: orphaned. */
  "   {\"source\": \"s\", \"selector\": {\"exact\": \"met Bob\", \"start\": 0, \"end\": 7}}"
  " ]}]}";

static void
test_code_point_offsets (void)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(TiesDocument) document = load_string (code_points, &warnings);
  TiesEvent *event = ties_document_lookup_event (document, "e");
  GListModel *evidence = G_LIST_MODEL (ties_event_get_evidence (event));
  static const struct {
    TiesEvidenceStatus status;
    guint start;
    guint end;
  } expected[] = {
    { TIES_EVIDENCE_ANCHORED, 19, 32 },
    { TIES_EVIDENCE_ANCHORED, 15, 17 },
    { TIES_EVIDENCE_REANCHORED, 15, 17 },
    { TIES_EVIDENCE_REANCHORED, 34, 47 },
    { TIES_EVIDENCE_ORPHANED, 0, 7 },
  };

  g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(TiesEvidence) item = g_list_model_get_item (evidence, i);

      g_assert_cmpint (ties_evidence_get_status (item), ==, expected[i].status);
      g_assert_cmpuint (ties_evidence_get_start (item), ==, expected[i].start);
      g_assert_cmpuint (ties_evidence_get_end (item), ==, expected[i].end);
    }

  g_assert_cmpuint (ties_document_count_orphaned (document), ==, 1);

  /* Two re-anchored, one orphaned: each named with its path. */
  g_assert_cmpuint (warnings->len, ==, 3);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "$.events[0].evidence[2]"));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "19–25"));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 1), "$.events[0].evidence[3]"));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 2), "$.events[0].evidence[4]"));
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 2), "orphaned"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (warnings, 0), "test.ties.json:1:"));
}

/* The orphan is written back as it was read, never dropped. */
static void
test_orphan_kept (void)
{
  g_autoptr(TiesDocument) document = load_string (code_points, NULL);
  g_autofree char *saved = save_string (document);
  g_autoptr(TiesDocument) reloaded = load_string (saved, NULL);
  TiesEvent *event = ties_document_lookup_event (reloaded, "e");
  g_autoptr(TiesEvidence) orphan = g_list_model_get_item (G_LIST_MODEL (ties_event_get_evidence (event)), 4);

  g_assert_cmpstr (ties_evidence_get_exact (orphan), ==, "met Bob");
  g_assert_cmpint (ties_evidence_get_status (orphan), ==, TIES_EVIDENCE_ORPHANED);
  g_assert_cmpuint (ties_evidence_get_start (orphan), ==, 0);
  g_assert_cmpuint (ties_evidence_get_end (orphan), ==, 7);
}

static void
test_bom_accepted (void)
{
  g_autofree char *with_bom = g_strconcat ("\xef\xbb\xbf", unknown_members, NULL);
  g_autoptr(TiesDocument) document = load_string (with_bom, NULL);

  g_assert_cmpstr (ties_document_get_title (document), ==, "Unknown members");
}

static void
test_save_to_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ties-io-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "saved.ties.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TiesDocument) document = load_string (unknown_members, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GDir) listing = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  const char *name;
  guint n_files = 0;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));

  /* A save that fails half-way leaves the old file as it was. */
  ties_document_set_title (document, "Changed");
  g_cancellable_cancel (cancellable);
  g_assert_false (ties_document_save_to_file (document, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old contents");
  g_clear_pointer (&contents, g_free);

  g_assert_true (ties_document_save_to_file (document, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  expected = save_string (document);
  g_assert_cmpstr (contents, ==, expected);

  /* No temporary file is left behind. */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  /* A folder that does not exist: an error, nothing written. */
  {
    g_autoptr(GFile) nowhere = g_file_new_build_filename (dir, "missing", "x.ties.json", NULL);

    g_assert_false (ties_document_save_to_file (document, nowhere, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (SAMPLE);
  g_autoptr(GFile) missing = g_file_new_for_path (TOP_SRCDIR "/no-such-file.ties.json");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GAsyncResult) failed = NULL;
  g_autoptr(TiesDocument) document = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ties-async-XXXXXX", NULL);
  g_autoptr(GFile) target = g_file_new_build_filename (dir, "copy.ties.json", NULL);
  g_autofree char *copy = NULL;
  g_autofree char *original = NULL;

  ties_document_load_async (file, NULL, on_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  document = ties_document_load_finish (result, &warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpuint (warnings->len, ==, 0);

  ties_document_set_title (document, ties_document_get_title (document));
  ties_document_save_async (document, target, NULL, on_loaded, &saved);
  while (saved == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (ties_document_save_finish (document, saved, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (SAMPLE, &original, NULL, NULL));
  g_assert_true (g_file_get_contents (g_file_peek_path (target), &copy, NULL, NULL));
  g_assert_cmpstr (copy, ==, original);

  ties_document_load_async (missing, NULL, on_loaded, &failed);
  while (failed == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (ties_document_load_finish (failed, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-file.ties.json"));

  g_assert_no_errno (g_remove (g_file_peek_path (target)));
  g_assert_no_errno (g_rmdir (dir));
}

/* What the app writes validates against the JSON Schema in data/, checked
 * by an independent validator (python3-jsonschema). */
static void
test_saved_document_matches_schema (void)
{
  g_autoptr(TiesDocument) document = load_string (unknown_members, NULL);
  g_autoptr(TiesActor) actor = ties_actor_new ("new-actor", "New", TIES_ACTOR_ORGANISATION);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ties-schema-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "saved.ties.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "/usr/bin/python3", CHECK_SCHEMA, SCHEMA, path, NULL };
  int status = 0;

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 is not installed");
      return;
    }

  ties_actor_set_color (actor, "#3584e4");
  ties_document_add_actor (document, actor);
  ties_document_move_actor (document, actor, 10.25, -3, TRUE);
  ties_document_dismiss_suggestion (document, ties_document_lookup_source (document, "s"), "A met nobody.");
  ties_event_kind_set_color (ties_document_lookup_event_kind (document, "hack"), "#c061cb");
  ties_event_kind_set_color (ties_document_edit_event_kind (document, "email"), "#e66100");
  g_assert_true (ties_document_save_to_file (document, file, NULL, &error));

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("schema check failed:\n%s%s", out, err);

  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* Unknown members keep their numbers as written, at every level: a newer
 * Ties, or another tool, may care about "1.0" against "1", the sign of
 * zero, or digits beyond a double's. Strings may hold \u0000 there. */
static const char exact_members[] =
  "{\n"
  "  \"format\": \"ties\",\n"
  "  \"version\": 1,\n"
  "  \"title\": \"Exact\",\n"
  "  \"description\": \"\",\n"
  "  \"event_kinds\": [],\n"
  "  \"actors\": [\n"
  "    {\n"
  "      \"id\": \"a\",\n"
  "      \"name\": \"A\",\n"
  "      \"kind\": \"person\",\n"
  "      \"role\": \"\",\n"
  "      \"affiliation\": null,\n"
  "      \"color\": null,\n"
  "      \"aliases\": [],\n"
  "      \"notes\": \"\",\n"
  "      \"position\": {\n"
  "        \"x\": 1.5,\n"
  "        \"y\": -2,\n"
  "        \"pinned\": false,\n"
  "        \"z\": -0.0\n"
  "      },\n"
  "      \"weight\": 1.0\n"
  "    }\n"
  "  ],\n"
  "  \"sources\": [],\n"
  "  \"events\": [\n"
  "    {\n"
  "      \"id\": \"e\",\n"
  "      \"title\": \"E\",\n"
  "      \"kind\": \"meeting\",\n"
  "      \"date\": null,\n"
  "      \"date_phrase\": \"\",\n"
  "      \"place\": null,\n"
  "      \"participants\": [\n"
  "        \"a\"\n"
  "      ],\n"
  "      \"initiator\": null,\n"
  "      \"evidence\": [],\n"
  "      \"tags\": [],\n"
  "      \"notes\": \"\",\n"
  "      \"numbers\": [\n"
  "        1.0,\n"
  "        -0.0,\n"
  "        90750927881382536401,\n"
  "        1e400,\n"
  "        -1e400,\n"
  "        1E+2,\n"
  "        1e-400,\n"
  "        0.30000000000000004,\n"
  "        {\n"
  "          \"deeper\": [\n"
  "            2.50,\n"
  "            -0\n"
  "          ]\n"
  "        }\n"
  "      ],\n"
  "      \"nul\": \"a\\u0000b\",\n"
  "      \"nul\\u0000name\": {\n"
  "        \"k\\u0000\": [\n"
  "          \"\\u0000\"\n"
  "        ]\n"
  "      }\n"
  "    }\n"
  "  ],\n"
  "  \"view\": {\n"
  "    \"layout\": \"force\",\n"
  "    \"focus\": null,\n"
  "    \"filter\": {\n"
  "      \"from\": null,\n"
  "      \"to\": null,\n"
  "      \"kinds\": [],\n"
  "      \"step\": 1E-2\n"
  "    },\n"
  "    \"zoom\": 100000000000000000000000\n"
  "  },\n"
  "  \"big\": 123456789012345678901234567890.000,\n"
  "  \"nul\": \"\\u0000\"\n"
  "}\n";

static void
test_unknown_numbers_and_nul (void)
{
  g_autoptr(TiesDocument) document = load_string (exact_members, NULL);
  g_autofree char *saved = save_string (document);
  g_autoptr(TiesDocument) reloaded = load_string (saved, NULL);
  g_autofree char *saved_again = save_string (reloaded);
  TiesEvent *event = ties_document_lookup_event (document, "e");

  g_assert_cmpstr (saved, ==, exact_members);
  g_assert_cmpstr (saved_again, ==, exact_members);
  /* Known numbers are read as numbers all the same. */
  g_assert_true (ties_actor_get_x (ties_document_lookup_actor (document, "a")) == 1.5);
  g_assert_cmpstr (ties_extras_lookup (ties_event_get_extras (event), "nul"), ==, "\"a\\u0000b\"");

  /* What is edited is written in the writer's own form; what is not
   * stays as it was. */
  ties_document_move_actor (document, ties_document_lookup_actor (document, "a"), 1.0, -0.0, FALSE);
  g_clear_pointer (&saved, g_free);
  saved = save_string (document);
  g_assert_nonnull (strstr (saved, "\"x\": 1,\n        \"y\": 0,\n        \"pinned\": false,\n        \"z\": -0.0\n"));
  g_assert_nonnull (strstr (saved, "90750927881382536401"));
}

/* A string the model would keep must hold no U+0000: C strings end there.
 * The message names the member and points at the escape. */
static void
test_nul_in_known_member (void)
{
  static const struct {
    const char *json;
    const char *message;
  } cases[] = {
    { "{\"format\": \"ties\", \"version\": 1,\n \"title\": \"ab\\u0000c\"}",
      "test.ties.json:2:14: $.title: " },
    { "{\"format\": \"ties\", \"version\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\",\n"
      "  \"aliases\": [\"x\", \"\\u0000\"]}]}",
      "test.ties.json:2:21: $.actors[0].aliases[1]: " },
    { "{\"format\": \"ties\", \"version\": 1, \"events\": [{\"id\": \"e\",\n"
      "   \"title\": \"\\\\u0000 is fine, \\u0000 is not\"}]}",
      "test.ties.json:2:31: $.events[0].title: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TiesDocument) document = NULL;

      document = ties_document_load_from_data (cases[i].json, strlen (cases[i].json), "test.ties.json", NULL, &error);
      g_assert_null (document);
      g_assert_error (error, TIES_DOCUMENT_IO_ERROR, TIES_DOCUMENT_IO_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));
      g_assert_nonnull (strstr (error->message, "\\u0000"));
      g_assert_null (strchr (error->message, '\n'));
    }
}

/* @depth arrays around 1.0, as the writer indents them at @indent. */
static void
append_nested (GString *out,
               guint    depth,
               guint    indent)
{
  for (guint i = 0; i < depth; i++)
    {
      g_string_append (out, "[\n");
      for (guint j = 0; j < indent + i + 1; j++)
        g_string_append (out, "  ");
    }
  g_string_append (out, "1.0");
  for (guint i = depth; i > 0; i--)
    {
      g_string_append_c (out, '\n');
      for (guint j = 0; j < indent + i - 1; j++)
        g_string_append (out, "  ");
      g_string_append_c (out, ']');
    }
}

static char *
nested_document (guint root_depth,
                 guint event_depth)
{
  GString *out = g_string_new (NULL);

  g_string_append (out,
                   "{\n"
                   "  \"format\": \"ties\",\n"
                   "  \"version\": 1,\n"
                   "  \"title\": \"\",\n"
                   "  \"description\": \"\",\n"
                   "  \"event_kinds\": [],\n"
                   "  \"actors\": [],\n"
                   "  \"sources\": [],\n"
                   "  \"events\": [\n"
                   "    {\n"
                   "      \"id\": \"e\",\n"
                   "      \"title\": \"E\",\n"
                   "      \"kind\": \"other\",\n"
                   "      \"date\": null,\n"
                   "      \"date_phrase\": \"\",\n"
                   "      \"place\": null,\n"
                   "      \"participants\": [],\n"
                   "      \"initiator\": null,\n"
                   "      \"evidence\": [],\n"
                   "      \"tags\": [],\n"
                   "      \"notes\": \"\",\n"
                   "      \"deep\": ");
  append_nested (out, event_depth, 3);
  g_string_append (out,
                   "\n"
                   "    }\n"
                   "  ],\n"
                   "  \"view\": {\n"
                   "    \"layout\": \"force\",\n"
                   "    \"focus\": null,\n"
                   "    \"filter\": {\n"
                   "      \"from\": null,\n"
                   "      \"to\": null,\n"
                   "      \"kinds\": []\n"
                   "    }\n"
                   "  },\n"
                   "  \"deep\": ");
  append_nested (out, root_depth, 1);
  g_string_append (out, "\n}\n");

  return g_string_free (out, FALSE);
}

/* What the reader accepts, the writer writes: nesting to the one limit
 * both share, 256 levels with the document's own. */
static void
test_deep_unknown_members (void)
{
  static const guint depths[][2] = {
    { 64, 64 },
    { 63, 61 },
    { TIES_JSON_MAX_DEPTH - 1, TIES_JSON_MAX_DEPTH - 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (depths); i++)
    {
      g_autofree char *json = nested_document (depths[i][0], depths[i][1]);
      g_autoptr(TiesDocument) document = load_string (json, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = ties_document_save_to_bytes (document, &error);

      g_assert_no_error (error);
      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), json, strlen (json));
    }

  /* One more level is refused on reading, with its place. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *json = nested_document (TIES_JSON_MAX_DEPTH - 1 + (i == 0), TIES_JSON_MAX_DEPTH - 3 + (i == 1));
      g_autoptr(GError) error = NULL;
      g_autoptr(TiesDocument) document = ties_document_load_from_data (json, strlen (json), "deep.ties.json", NULL, &error);

      g_assert_null (document);
      g_assert_error (error, TIES_DOCUMENT_IO_ERROR, TIES_DOCUMENT_IO_ERROR_ENCODING);
      g_assert_true (g_str_has_prefix (error->message, "deep.ties.json:"));
      g_assert_nonnull (strstr (error->message, "nesting deeper than 256 levels"));
    }
}

/* Built in memory, a value can be deeper than any file may be: saving
 * says so with its path and writes nothing, and never warns. */
static void
test_writer_refuses_too_deep (void)
{
  g_autoptr(TiesDocument) document = ties_document_new ();
  g_autoptr(TiesEvent) event = ties_event_new ("e", "E", "other");
  g_autoptr(TiesExtras) extras = ties_extras_new ();
  g_autoptr(TiesExtras) fine = ties_extras_new ();
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ok = NULL;

  /* Deep enough on its own at the root (1 + 255), one too many in an
   * event (3 + 254). */
  for (guint i = 0; i < TIES_JSON_MAX_DEPTH - 2; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < TIES_JSON_MAX_DEPTH - 2; i++)
    g_string_append_c (deep, ']');
  ok = g_strdup (deep->str);
  ties_extras_add (fine, "ok", ok);
  ties_document_take_extras (document, g_steal_pointer (&fine));
  ties_extras_add (extras, "too-deep", deep->str);
  ties_event_take_extras (event, g_steal_pointer (&extras));
  ties_document_add_event (document, event);

  bytes = ties_document_save_to_bytes (document, &error);
  g_assert_null (bytes);
  g_assert_error (error, TIES_DOCUMENT_IO_ERROR, TIES_DOCUMENT_IO_ERROR_UNWRITABLE);
  g_assert_true (g_str_has_prefix (error->message, "$.events[0].too-deep: "));
  g_assert_nonnull (strstr (error->message, "256"));
  g_clear_error (&error);

  /* Far too deep, and not JSON at all. */
  extras = ties_extras_new ();
  g_string_prepend (deep, "[[[[[");
  g_string_append (deep, "]]]]]");
  ties_extras_add (extras, "x", deep->str);
  ties_event_take_extras (event, g_steal_pointer (&extras));
  bytes = ties_document_save_to_bytes (document, &error);
  g_assert_null (bytes);
  g_assert_error (error, TIES_DOCUMENT_IO_ERROR, TIES_DOCUMENT_IO_ERROR_UNWRITABLE);
  g_assert_true (g_str_has_prefix (error->message, "$.events[0].x: "));
  g_clear_error (&error);

  extras = ties_extras_new ();
  ties_extras_add (extras, "x", "[1,");
  ties_event_take_extras (event, g_steal_pointer (&extras));
  bytes = ties_document_save_to_bytes (document, &error);
  g_assert_null (bytes);
  g_assert_error (error, TIES_DOCUMENT_IO_ERROR, TIES_DOCUMENT_IO_ERROR_UNWRITABLE);
  g_assert_true (g_str_has_prefix (error->message, "$.events[0].x: "));
  g_clear_error (&error);

  /* Without the event's, the rest is written, and loads back. */
  ties_event_take_extras (event, NULL);
  bytes = ties_document_save_to_bytes (document, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  {
    g_autoptr(TiesDocument) reloaded = NULL;

    reloaded = ties_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "x", NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (ties_extras_lookup (ties_document_get_extras (reloaded), "ok"), ==, ok);
  }
}

/* A diverged layout could leave an actor at infinity: JSON has no such
 * number, and null would not load back where a number is read. */
static void
test_writer_refuses_infinity (void)
{
  g_autoptr(TiesDocument) document = ties_document_new ();
  g_autoptr(TiesActor) first = ties_actor_new ("a", "A", TIES_ACTOR_PERSON);
  g_autoptr(TiesActor) second = ties_actor_new ("b", "B", TIES_ACTOR_PERSON);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  ties_document_add_actor (document, first);
  ties_document_add_actor (document, second);
  ties_actor_set_has_position (second, TRUE);
  ties_actor_set_x (second, 1.0);
  ties_actor_set_y (second, NAN);

  bytes = ties_document_save_to_bytes (document, &error);
  g_assert_null (bytes);
  g_assert_error (error, TIES_DOCUMENT_IO_ERROR, TIES_DOCUMENT_IO_ERROR_UNWRITABLE);
  g_assert_true (g_str_has_prefix (error->message, "$.actors[1].position.y: "));
}

/* Only regular files are read, and only up to the limit: a pipe, a
 * device or a folder is refused at once, a huge file before reading. */
static void
test_bounded_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ties-bounded-XXXXXX", &error);
  g_autofree char *fifo = g_build_filename (dir, "pipe.ties.json", NULL);
  g_autofree char *huge = g_build_filename (dir, "huge.ties.json", NULL);
  g_autofree char *limit = g_format_size_full (TIES_DOCUMENT_MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);
  const char *paths[] = { dir, fifo, "/dev/zero", "/dev/null" };
  TiesDocument *document;
  int fd;

  g_assert_no_error (error);
  /* A test that blocks fails instead of hanging. */
  alarm (60);

  g_assert_no_errno (mkfifo (fifo, 0600));
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      GIOErrorEnum code = i == 0 ? G_IO_ERROR_IS_DIRECTORY : G_IO_ERROR_NOT_REGULAR_FILE;

      document = ties_document_load_from_file (file, NULL, NULL, &error);
      g_assert_null (document);
      g_assert_error (error, G_IO_ERROR, (gint) code);
      g_assert_true (g_str_has_prefix (error->message, paths[i]));
      g_clear_error (&error);
    }

  /* A sparse file one byte over the limit: refused by its size, with the
   * limit in the message, before any of it is read. */
  fd = g_open (huge, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_no_errno (ftruncate (fd, TIES_DOCUMENT_MAX_FILE_SIZE + 1));
  close (fd);
  {
    g_autoptr(GFile) file = g_file_new_for_path (huge);

    document = ties_document_load_from_file (file, NULL, NULL, &error);
  }
  g_assert_null (document);
  g_assert_error (error, TIES_DOCUMENT_IO_ERROR, TIES_DOCUMENT_IO_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, limit));
  g_clear_error (&error);

  alarm (0);
  g_assert_no_errno (g_remove (huge));
  g_assert_no_errno (g_remove (fifo));
  g_assert_no_errno (g_rmdir (dir));
}

/* What the model holds but the reader refuses is never written. */
static void
test_save_refuses_what_would_not_load (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ties-io-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "saved.ties.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TiesDocument) document = load_string (unknown_members, NULL);
  g_autofree char *long_name = g_strnfill (20000, 'x');
  g_autofree char *contents = NULL;
  TiesActor *actor;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));

  /* A name pasted past the reader's limit for names */
  actor = g_list_model_get_item (G_LIST_MODEL (ties_document_get_actors (document)), 0);
  g_assert_nonnull (actor);
  ties_actor_set_name (actor, long_name);
  g_object_unref (actor);

  g_assert_false (ties_document_save_to_file (document, file, NULL, &error));
  g_assert_error (error, TIES_DOCUMENT_IO_ERROR, TIES_DOCUMENT_IO_ERROR_UNWRITABLE);
  g_assert_nonnull (strstr (error->message, "saved.ties.json:"));
  g_assert_nonnull (strstr (error->message, ".name"));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old contents");

  g_remove (path);
  g_rmdir (dir);
}

/* view.colors: written only once chosen, so that a document that never
 * chose keeps its bytes; read back as written; undone as an edit. */
static void
test_view_colors_round_trip (void)
{
  g_autoptr(TiesDocument) document = load_string (unknown_members, NULL);
  g_autoptr(TiesDocument) reloaded = NULL;
  g_autofree char *before = save_string (document);
  g_autofree char *saved = NULL;
  TiesHistory *history = ties_document_get_history (document);

  g_assert_cmpstr (ties_document_get_colors (document), ==, "affiliation");
  g_assert_null (strstr (before, "\"colors\""));

  ties_history_begin (history, "Change Colours");
  ties_history_set (history, document, "colors", "community", NULL);
  ties_history_end (history);
  saved = save_string (document);
  g_assert_nonnull (strstr (saved, "    \"layout\": \"circle\",\n    \"colors\": \"community\",\n    \"focus\""));

  reloaded = load_string (saved, NULL);
  g_assert_cmpstr (ties_document_get_colors (reloaded), ==, "community");

  ties_history_undo (history);
  g_assert_cmpstr (ties_document_get_colors (document), ==, "affiliation");
  g_clear_pointer (&saved, g_free);
  saved = save_string (document);
  g_assert_cmpstr (saved, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/io/round-trip/sample", test_round_trip_sample);
  g_test_add_func ("/io/round-trip/unknown-members", test_unknown_members);
  g_test_add_func ("/io/round-trip/edited", test_save_load_edited);
  g_test_add_func ("/io/round-trip/dismissed", test_dismissed_round_trip);
  g_test_add_func ("/io/round-trip/event-kind-color", test_event_kind_color_round_trip);
  g_test_add_func ("/io/round-trip/view-colors", test_view_colors_round_trip);
  g_test_add_func ("/io/writer/python-form", test_writer_matches_python);
  g_test_add_func ("/io/evidence/code-points", test_code_point_offsets);
  g_test_add_func ("/io/evidence/orphan-kept", test_orphan_kept);
  g_test_add_func ("/io/bom", test_bom_accepted);
  g_test_add_func ("/io/save/file", test_save_to_file);
  g_test_add_func ("/io/save/refuses-what-would-not-load", test_save_refuses_what_would_not_load);
  g_test_add_func ("/io/async", test_async);
  g_test_add_func ("/io/schema/saved", test_saved_document_matches_schema);
  g_test_add_func ("/io/unknown/numbers-and-nul", test_unknown_numbers_and_nul);
  g_test_add_func ("/io/unknown/nul-in-known-member", test_nul_in_known_member);
  g_test_add_func ("/io/depth/round-trip", test_deep_unknown_members);
  g_test_add_func ("/io/depth/writer-refuses", test_writer_refuses_too_deep);
  g_test_add_func ("/io/depth/writer-refuses-infinity", test_writer_refuses_infinity);
  g_test_add_func ("/io/bounded-input", test_bounded_input);

  return g_test_run ();
}
