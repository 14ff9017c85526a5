/* test-broken.c: broken and hostile documents are refused with a precise
 * message, and documents that only need warnings still load
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ties-actor.h"
#include "ties-document.h"
#include "ties-document-io.h"
#include "ties-event.h"
#include "ties-evidence.h"
#include "ties-extras.h"
#include "ties-json-dom.h"
#include "ties-source.h"

/* Each file in tests/data/broken is valid.ties.json with one fault; the
 * line and column are where that fault is in the file, and are what the
 * test claims, not what the loader happened to say. */
typedef struct
{
  const char *file;
  TiesDocumentIOError code;
  guint line;
  guint column;
  /* The JSON path the problem is reported at: for a syntax error, that of
   * the value the parser was in or had just read. */
  const char *path;
  const char *message;
} BrokenCase;

static const BrokenCase broken_cases[] = {
  /* Not JSON */
  /* Reported at what follows the missing comma. */
  { "syntax-missing-comma.ties.json", TIES_DOCUMENT_IO_ERROR_SYNTAX, 4, 3, "$.version", "expected “,” or “}” after an object member" },
  /* The same, after non-ASCII text on the line: columns count characters. */
  /* Columns count characters: the line holds “—”, “ā” and “ā” before. */
  { "syntax-missing-comma-utf8.ties.json", TIES_DOCUMENT_IO_ERROR_SYNTAX, 5, 85, "$.description", "expected “,” or “}” after an object member" },
  /* The line break that a closing quote should have preceded. */
  { "syntax-unterminated-string.ties.json", TIES_DOCUMENT_IO_ERROR_SYNTAX, 4, 29, "$.title", "control character U+000A in a string" },
  { "syntax-trailing-garbage.ties.json", TIES_DOCUMENT_IO_ERROR_SYNTAX, 125, 1, "$", "after the document" },
  /* Reported where the file stops, not at json-glib's last token. */
  { "truncated.ties.json", TIES_DOCUMENT_IO_ERROR_SYNTAX, 91, 7, "$.events[1]", "the document ends inside an object" },

  /* Not a Ties document, or a newer one */
  { "root-array.ties.json", TIES_DOCUMENT_IO_ERROR_FORMAT, 1, 1, "$", "a Ties document is a JSON object, but this file holds an array" },
  { "format-wrong.ties.json", TIES_DOCUMENT_IO_ERROR_FORMAT, 2, 13, "$.format", "not a Ties document: “format” is “tiez”" },
  { "missing-format.ties.json", TIES_DOCUMENT_IO_ERROR_FORMAT, 1, 1, "$", "“format” is missing" },
  { "version-newer.ties.json", TIES_DOCUMENT_IO_ERROR_VERSION, 3, 14, "$.version", "format version 2, written by a newer Ties" },
  { "version-string.ties.json", TIES_DOCUMENT_IO_ERROR_FORMAT, 3, 14, "$.version", "expected a whole number, found a string" },
  { "version-fraction.ties.json", TIES_DOCUMENT_IO_ERROR_FORMAT, 3, 14, "$.version", "expected a whole number" },

  /* Wrong types */
  { "type-title-number.ties.json", TIES_DOCUMENT_IO_ERROR_INVALID, 4, 12, "$.title", "expected a string, found 42" },
  { "type-participants-string.ties.json", TIES_DOCUMENT_IO_ERROR_INVALID, 73, 23, "$.events[0].participants", "expected an array, found a string" },
  { "type-position-x-string.ties.json", TIES_DOCUMENT_IO_ERROR_INVALID, 35, 14, "$.actors[1].position.x", "expected a number, found a string" },
  /* JSON, but more than the model can hold: the column of the escape, or
   * of the number. */
  { "string-nul-in-title.ties.json", TIES_DOCUMENT_IO_ERROR_INVALID, 68, 29, "$.events[0].title", "the character U+0000 (written \\u0000) cannot be kept here" },
  { "number-out-of-range.ties.json", TIES_DOCUMENT_IO_ERROR_INVALID, 35, 14, "$.actors[1].position.x", "the number 1e400 is out of range" },

  /* Missing members: the position is that of the object missing it */
  { "missing-event-id.ties.json", TIES_DOCUMENT_IO_ERROR_INVALID, 90, 5, "$.events[1]", "“id” is missing" },
  { "missing-actor-name.ties.json", TIES_DOCUMENT_IO_ERROR_INVALID, 40, 5, "$.actors[2]", "“name” is missing" },
  { "missing-evidence-selector.ties.json", TIES_DOCUMENT_IO_ERROR_INVALID, 100, 9, "$.events[1].evidence[0]", "“selector” is missing" },

  /* Ids and references */
  { "duplicate-actor-id.ties.json", TIES_DOCUMENT_IO_ERROR_INVALID, 41, 13, "$.actors[2].id", "the id “ardern” is already used by actor $.actors[0]" },
  { "duplicate-event-id.ties.json", TIES_DOCUMENT_IO_ERROR_INVALID, 91, 13, "$.events[1].id", "the id “paris-meeting” is already used by event $.events[0]" },
  { "dangling-participant.ties.json", TIES_DOCUMENT_IO_ERROR_INVALID, 97, 34, "$.events[1].participants[1]", "no actor has the id “cook”" },
  { "dangling-initiator.ties.json", TIES_DOCUMENT_IO_ERROR_INVALID, 98, 20, "$.events[1].initiator", "no actor has the id “jack”" },
  { "dangling-affiliation.ties.json", TIES_DOCUMENT_IO_ERROR_INVALID, 19, 22, "$.actors[0].affiliation", "no actor has the id “nz-govt”" },
  { "dangling-evidence-source.ties.json", TIES_DOCUMENT_IO_ERROR_INVALID, 101, 21, "$.events[1].evidence[0].source", "no source has the id “herald-2019”" },
  { "dangling-view-focus.ties.json", TIES_DOCUMENT_IO_ERROR_INVALID, 117, 14, "$.view.focus", "no actor has the id “arden”" },
  { "invalid-id.ties.json", TIES_DOCUMENT_IO_ERROR_INVALID, 67, 13, "$.events[0].id", "“paris meeting” is not a valid id" },

  /* Dates: the column is that of the first wrong character */
  { "date-month-13.ties.json", TIES_DOCUMENT_IO_ERROR_INVALID, 70, 21, "$.events[0].date", "month 13 does not exist" },
  { "date-day-32.ties.json", TIES_DOCUMENT_IO_ERROR_INVALID, 70, 24, "$.events[0].date", "32 May 2019 does not exist" },
  { "date-bad-qualifier.ties.json", TIES_DOCUMENT_IO_ERROR_INVALID, 94, 27, "$.events[1].date", "unexpected character “x”" },

  /* Closed vocabularies */
  { "unknown-event-kind.ties.json", TIES_DOCUMENT_IO_ERROR_INVALID, 93, 15, "$.events[1].kind", "unknown event kind “telegram”" },
  { "unknown-actor-kind.ties.json", TIES_DOCUMENT_IO_ERROR_INVALID, 28, 15, "$.actors[1].kind", "unknown actor kind “company”" },
  { "bad-colour.ties.json", TIES_DOCUMENT_IO_ERROR_INVALID, 31, 16, "$.actors[1].color", "“blue” is not a colour" },
  { "kind-bad-colour.ties.json", TIES_DOCUMENT_IO_ERROR_INVALID, 11, 16, "$.event_kinds[0].color", "“blue” is not a colour" },
};

static GFile *
data_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "broken", name, NULL);

  return g_file_new_for_path (path);
}

static GBytes *
file_bytes (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);

  return bytes;
}

/* Finds in @message the line "NAME:LINE:COLUMN: REST" whose REST starts with
 * @path followed by ": " (or the first line when @path is NULL), and returns
 * REST; FALSE if there is no such line. */
static gboolean
find_problem (const char  *message,
              const char  *name,
              const char  *path,
              guint       *line,
              guint       *column,
              char       **rest)
{
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);
  g_autofree char *prefix = g_strdup_printf ("%s:", name);
  g_autofree char *path_prefix = path != NULL ? g_strdup_printf ("%s: ", path) : NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *text = lines[i];
      int consumed = 0;

      if (!g_str_has_prefix (text, prefix))
        continue;
      text += strlen (prefix);
      if (sscanf (text, "%u:%u: %n", line, column, &consumed) != 2 || consumed == 0)
        continue;
      text += consumed;

      if (path_prefix != NULL && !g_str_has_prefix (text, path_prefix))
        continue;

      *rest = g_strdup (text);
      return TRUE;
    }

  return FALSE;
}

/* Loads @file, which must fail with @code; the file must be unchanged. The
 * first line of the message must name the file. Returns the message. */
static char *
load_expect_error (GFile               *file,
                   TiesDocumentIOError  code)
{
  g_autoptr(GBytes) before = file_bytes (file);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(TiesDocument) document = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *prefix = g_strdup_printf ("%s:", name);

  document = ties_document_load_from_file (file, &warnings, NULL, &error);
  g_assert_null (document);
  g_assert_null (warnings);
  if (error == NULL)
    {
      g_test_fail_printf ("%s loaded, but should have been refused", name);
      return g_strdup ("");
    }
  g_assert_error (error, TIES_DOCUMENT_IO_ERROR, (int) code);
  g_assert_true (g_str_has_prefix (error->message, prefix));

  /* A failed load never touches the file. */
  after = file_bytes (file);
  g_assert_true (g_bytes_equal (before, after));

  return g_strdup (error->message);
}

static void
test_broken_file (gconstpointer data)
{
  const BrokenCase *c = data;
  g_autoptr(GFile) file = data_file (c->file);
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *message = load_expect_error (file, c->code);
  g_autofree char *rest = NULL;
  guint line = 0, column = 0;

  g_test_message ("%s", message);

  if (!find_problem (message, name, c->path, &line, &column, &rest))
    {
      g_test_fail_printf ("no problem at “%s”", c->path ? c->path : "(first line)");
      return;
    }

  g_assert_cmpuint (line, ==, c->line);
  g_assert_cmpuint (column, ==, c->column);
  if (c->code == TIES_DOCUMENT_IO_ERROR_SYNTAX)
    g_assert_true (g_str_has_prefix (rest + strlen (c->path) + 2, "not valid JSON: "));
  g_assert_nonnull (strstr (rest, c->message));
}

/* The document every broken file is made from loads cleanly. */
static void
test_valid (void)
{
  g_autoptr(GFile) file = data_file ("valid.ties.json");
  g_autoptr(TiesDocument) document = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;

  document = ties_document_load_from_file (file, &warnings, NULL, &error);
  g_assert_no_error (error);
  if (document == NULL)
    return;
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_actors (document))), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_sources (document))), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_events (document))), ==, 2);
}

/* The evidence of $.events[1].evidence[0]. */
static TiesEvidence *
second_event_evidence (TiesDocument *document)
{
  g_autoptr(TiesEvent) event = g_list_model_get_item (G_LIST_MODEL (ties_document_get_events (document)), 1);

  g_assert_nonnull (event);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ties_event_get_evidence (event))), ==, 1);

  return g_list_model_get_item (G_LIST_MODEL (ties_event_get_evidence (event)), 0);
}

static TiesDocument *
load_with_one_warning (GFile      *file,
                       const char *expected)
{
  g_autoptr(TiesDocument) document = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *prefix = g_strdup_printf ("%s:100:9: $.events[1].evidence[0]: ", name);

  document = ties_document_load_from_file (file, &warnings, NULL, &error);
  g_assert_no_error (error);
  if (document == NULL)
    g_error ("%s did not load", name);
  g_assert_nonnull (warnings);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_test_message ("%s", (char *) warnings->pdata[0]);
  g_assert_true (g_str_has_prefix (warnings->pdata[0], prefix));
  g_assert_nonnull (strstr (warnings->pdata[0], expected));

  return g_steal_pointer (&document);
}

static void
test_warn_reanchored (void)
{
  g_autoptr(GFile) file = data_file ("warn-reanchored.ties.json");
  g_autoptr(TiesDocument) document = NULL;
  g_autoptr(TiesEvidence) evidence = NULL;

  document = load_with_one_warning (file, "the offsets 40–60 did not select the quote; it was found once, at 41–61");
  evidence = second_event_evidence (document);
  g_assert_cmpint (ties_evidence_get_status (evidence), ==, TIES_EVIDENCE_REANCHORED);
  g_assert_cmpuint (ties_evidence_get_start (evidence), ==, 41);
  g_assert_cmpuint (ties_evidence_get_end (evidence), ==, 61);
  g_assert_cmpstr (ties_evidence_get_exact (evidence), ==, "Dorsey phoned Ardern");
}

static void
assert_orphan_kept (TiesDocument *document)
{
  g_autoptr(TiesEvidence) evidence = second_event_evidence (document);

  g_assert_cmpint (ties_evidence_get_status (evidence), ==, TIES_EVIDENCE_ORPHANED);
  g_assert_cmpstr (ties_evidence_get_source (evidence), ==, "herald");
  g_assert_cmpstr (ties_evidence_get_exact (evidence), ==, "Dorsey emailed Ardern");
  g_assert_cmpstr (ties_evidence_get_prefix (evidence), ==, "Later ");
  g_assert_cmpstr (ties_evidence_get_suffix (evidence), ==, " about");
  g_assert_cmpuint (ties_evidence_get_start (evidence), ==, 41);
  g_assert_cmpuint (ties_evidence_get_end (evidence), ==, 61);
  g_assert_cmpuint (ties_document_count_orphaned (document), ==, 1);
}

static void
test_warn_orphaned (void)
{
  g_autoptr(GFile) file = data_file ("warn-orphaned.ties.json");
  g_autoptr(TiesDocument) document = NULL;
  g_autoptr(TiesDocument) reloaded = NULL;
  g_autoptr(TiesDocument) from_disk = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *copy_path = NULL;

  document = load_with_one_warning (file, "orphaned evidence: the quote is not in the text of “herald”");
  assert_orphan_kept (document);

  /* Saving keeps it, and so does loading what was saved. */
  bytes = ties_document_save_to_bytes (document, NULL);
  reloaded = ties_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                           "saved", &warnings, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reloaded);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_true (g_str_has_prefix (warnings->pdata[0], "saved:"));
  assert_orphan_kept (reloaded);

  dir = g_dir_make_tmp ("ties-broken-XXXXXX", &error);
  g_assert_no_error (error);
  copy_path = g_build_filename (dir, "orphan.ties.json", NULL);
  copy = g_file_new_for_path (copy_path);
  g_assert_true (ties_document_save_to_file (reloaded, copy, NULL, &error));
  g_assert_no_error (error);
  from_disk = ties_document_load_from_file (copy, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (from_disk);
  assert_orphan_kept (from_disk);

  g_assert_cmpint (g_unlink (copy_path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Member @name of the object at @path ("events/0/evidence/0"). */
static JsonNode *
node_at (JsonNode   *root,
         const char *path,
         const char *name)
{
  g_auto(GStrv) steps = g_strsplit (path, "/", -1);
  JsonNode *node = root;

  for (guint i = 0; steps[i] != NULL && node != NULL; i++)
    {
      if (steps[i][0] == '\0')
        continue;
      if (g_ascii_isdigit (steps[i][0]))
        node = json_array_get_element (json_node_get_array (node), atoi (steps[i]));
      else
        node = json_object_get_member (json_node_get_object (node), steps[i]);
    }

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));

  return json_object_get_member (json_node_get_object (node), name);
}

static void
test_unknown_members (void)
{
  static const struct {
    const char *path;
    const char *name;
    const char *json;
  } members[] = {
    { "", "x-root", "{\"keep\":[1,2.5,true,null]}" },
    { "event_kinds/0", "x-kind", "\"k\"" },
    { "actors/0", "x-actor", "{\"a\":\"b\"}" },
    { "actors/1/position", "x-position", "\"p\"" },
    { "sources/0", "x-source", "[]" },
    { "events/0", "x-event", "false" },
    { "events/0/evidence/0", "x-evidence", "\"e\"" },
    { "events/0/evidence/0/selector", "x-selector", "7" },
    { "view", "x-view", "0" },
    { "view/filter", "x-filter", "\"f\"" },
  };
  g_autoptr(GFile) file = data_file ("unknown-members.ties.json");
  g_autoptr(TiesDocument) document = NULL;
  g_autoptr(TiesDocument) reloaded = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes_again = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  TiesExtras *extras;

  document = ties_document_load_from_file (file, &warnings, NULL, &error);
  g_assert_no_error (error);
  if (document == NULL)
    return;
  g_assert_cmpuint (warnings->len, ==, 0);

  extras = ties_document_get_extras (document);
  g_assert_nonnull (extras);
  g_assert_nonnull (ties_extras_lookup (extras, "x-root"));
  g_assert_nonnull (ties_document_get_view_extras (document));
  g_assert_nonnull (ties_extras_lookup (ties_document_get_view_extras (document), "x-view"));
  g_assert_nonnull (ties_document_get_filter_extras (document));
  g_assert_nonnull (ties_extras_lookup (ties_document_get_filter_extras (document), "x-filter"));

  /* Every one is written back where it was, with its value. */
  bytes = ties_document_save_to_bytes (document, NULL);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      JsonNode *node = node_at (json_parser_get_root (parser), members[i].path, members[i].name);
      g_autofree char *json = NULL;

      if (node == NULL)
        {
          g_test_fail_printf ("“%s” in “%s” was not kept", members[i].name, members[i].path);
          continue;
        }
      json = json_to_string (node, FALSE);
      g_assert_cmpstr (json, ==, members[i].json);
    }

  /* And survive a second round trip unchanged. */
  reloaded = ties_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                           "saved", NULL, &error);
  g_assert_no_error (error);
  bytes_again = ties_document_save_to_bytes (reloaded, NULL);
  g_assert_true (g_bytes_equal (bytes, bytes_again));
}

/* Known bug: when an actor is refused, references to its id are reported as
 * dangling ("no actor has the id …") although the file has such an actor;
 * the spurious line sorts before the real one. Each of these files has one
 * fault and should give one problem. */
static void
test_no_spurious_dangling_references (void)
{
  static const char * const files[] = {
    "bad-colour.ties.json",
    "unknown-actor-kind.ties.json",
    "type-position-x-string.ties.json",
    "missing-actor-name.ties.json",
  };
  g_autoptr(GString) failed = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GFile) file = data_file (files[i]);
      g_autofree char *message = load_expect_error (file, TIES_DOCUMENT_IO_ERROR_INVALID);

      if (strchr (message, '\n') != NULL)
        {
          g_test_message ("%s", message);
          g_string_append_printf (failed, " %s", files[i]);
        }
    }

  if (failed->len > 0)
    g_test_fail_printf ("one fault, several problems in:%s", failed->str);
}

/* One syntax error is one line, even for a string that runs on. */
static void
test_syntax_message_one_line (void)
{
  g_autoptr(GFile) file = data_file ("syntax-unterminated-string.ties.json");
  g_autofree char *message = load_expect_error (file, TIES_DOCUMENT_IO_ERROR_SYNTAX);

  if (strchr (message, '\n') != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (message, "\n", -1);

      g_test_message ("%s", message);
      g_test_fail_printf ("one syntax error, %u lines", g_strv_length (lines));
    }
}

/* Hostile input, written to a temporary directory. */

typedef struct
{
  char *dir;
  GPtrArray *paths;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("ties-broken-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->paths = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  for (guint i = 0; i < fixture->paths->len; i++)
    g_assert_cmpint (g_unlink (fixture->paths->pdata[i]), ==, 0);
  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);
  g_ptr_array_unref (fixture->paths);
  g_free (fixture->dir);
}

static GFile *
fixture_write (Fixture    *fixture,
               const char *name,
               const char *data,
               gsize       length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
  g_ptr_array_add (fixture->paths, path);

  return g_file_new_for_path (path);
}

/* Checks the message of a refused @file: one line, "NAME:LINE:COLUMN: …"
 * with @text in it. */
static void
assert_message (GFile      *file,
                const char *message,
                guint       line,
                guint       column,
                const char *text)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *expected = g_strdup_printf ("%s:%u:%u: ", name, line, column);

  g_test_message ("%s", message);
  g_assert_true (g_str_has_prefix (message, expected));
  g_assert_null (strchr (message, '\n'));
  g_assert_nonnull (strstr (message, text));
}

static char *
read_valid (gsize *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "broken", "valid.ties.json", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

/* valid.ties.json with @old replaced by @new_text. */
static GString *
valid_with (const char *old,
            const char *new_text)
{
  gsize length;
  g_autofree char *valid = read_valid (&length);
  const char *at = strstr (valid, old);
  GString *text = g_string_sized_new (length + strlen (new_text));

  g_assert_nonnull (at);
  g_string_append_len (text, valid, at - valid);
  g_string_append (text, new_text);
  g_string_append (text, at + strlen (old));

  return text;
}

static void
test_truncated_sample (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = NULL;
  const char *last_brace;
  gsize length;
  gsize lengths[12];
  guint n = 0;

  g_file_get_contents (TOP_SRCDIR "/data/samples/christchurch-call.ties.json", &sample, &length, &error);
  g_assert_no_error (error);
  last_brace = strrchr (sample, '}');
  g_assert_nonnull (last_brace);

  /* Every prefix that stops before the closing brace is broken. */
  lengths[n++] = 0;
  lengths[n++] = 1;
  lengths[n++] = 2;
  lengths[n++] = 17;
  lengths[n++] = 100;
  lengths[n++] = 1000;
  lengths[n++] = 4096;
  lengths[n++] = length / 3;
  lengths[n++] = length / 2;
  lengths[n++] = length * 9 / 10;
  lengths[n++] = last_brace - sample - 1;
  lengths[n++] = last_brace - sample;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("truncated-%" G_GSIZE_FORMAT ".ties.json", lengths[i]);
      g_autoptr(GFile) file = fixture_write (fixture, name, sample, lengths[i]);
      g_autoptr(GBytes) before = file_bytes (file);
      g_autoptr(GBytes) after = NULL;
      g_autoptr(TiesDocument) document = NULL;
      g_autoptr(GError) load_error = NULL;

      document = ties_document_load_from_file (file, NULL, NULL, &load_error);
      g_assert_null (document);
      g_assert_nonnull (load_error);
      g_test_message ("%s", load_error->message);
      g_assert_true (g_error_matches (load_error, TIES_DOCUMENT_IO_ERROR, TIES_DOCUMENT_IO_ERROR_SYNTAX)
                     || g_error_matches (load_error, TIES_DOCUMENT_IO_ERROR, TIES_DOCUMENT_IO_ERROR_ENCODING));

      after = file_bytes (file);
      g_assert_true (g_bytes_equal (before, after));
    }

  /* And many more, from memory. */
  for (gsize cut = 0; cut < (gsize) (last_brace - sample); cut += 397)
    {
      g_autoptr(TiesDocument) document = NULL;
      g_autoptr(GError) load_error = NULL;

      document = ties_document_load_from_data (sample, cut, "cut", NULL, &load_error);
      g_assert_null (document);
      g_assert_nonnull (load_error);
      g_assert_true (g_error_matches (load_error, TIES_DOCUMENT_IO_ERROR, TIES_DOCUMENT_IO_ERROR_SYNTAX)
                     || g_error_matches (load_error, TIES_DOCUMENT_IO_ERROR, TIES_DOCUMENT_IO_ERROR_ENCODING));
    }
}

#define DEEP 100000

static void
test_deep_nesting (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GString) arrays = g_string_sized_new (DEEP);
  g_autoptr(GString) objects = g_string_sized_new (DEEP * 5);
  g_autoptr(GFile) arrays_file = NULL;
  g_autoptr(GFile) objects_file = NULL;
  g_autoptr(GFile) closed_file = NULL;
  g_autofree char *message = NULL;

  for (guint i = 0; i < DEEP; i++)
    {
      g_string_append_c (arrays, '[');
      g_string_append (objects, "{\"a\":");
    }

  /* The first bracket past the limit is the 257th. */
  arrays_file = fixture_write (fixture, "arrays.ties.json", arrays->str, arrays->len);
  message = load_expect_error (arrays_file, TIES_DOCUMENT_IO_ERROR_ENCODING);
  assert_message (arrays_file, message, 1, TIES_JSON_MAX_DEPTH + 1, "nesting deeper than 256 levels");
  g_clear_pointer (&message, g_free);

  objects_file = fixture_write (fixture, "objects.ties.json", objects->str, objects->len);
  message = load_expect_error (objects_file, TIES_DOCUMENT_IO_ERROR_ENCODING);
  assert_message (objects_file, message, 1, 1 + 5 * TIES_JSON_MAX_DEPTH, "nesting deeper than 256 levels");
  g_clear_pointer (&message, g_free);

  /* Closed, so that it would be valid JSON but for its depth. */
  for (guint i = 0; i < DEEP; i++)
    g_string_append_c (arrays, ']');
  closed_file = fixture_write (fixture, "closed.ties.json", arrays->str, arrays->len);
  message = load_expect_error (closed_file, TIES_DOCUMENT_IO_ERROR_ENCODING);
  assert_message (closed_file, message, 1, TIES_JSON_MAX_DEPTH + 1, "nesting deeper");
}

#define HUGE_LENGTH (50 * 1024 * 1024)

static void
test_huge_strings (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *huge = g_malloc (HUGE_LENGTH + 1);
  g_autoptr(GString) title = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GString) replacement = NULL;
  g_autoptr(GFile) title_file = NULL;
  g_autoptr(GFile) text_file = NULL;
  g_autoptr(TiesDocument) document = NULL;
  g_autoptr(TiesSource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *too_long = g_strdup_printf (".title: too long (%d bytes", HUGE_LENGTH);

  memset (huge, 'a', HUGE_LENGTH);
  huge[HUGE_LENGTH] = '\0';

  /* A title is a line: 50 MB is refused, at the title of $.events[1]. */
  replacement = g_string_new ("\"title\": \"");
  g_string_append (replacement, huge);
  g_string_append_c (replacement, '"');
  title = valid_with ("\"title\": \"Dorsey phones Ardern\"", replacement->str);
  title_file = fixture_write (fixture, "huge-title.ties.json", title->str, title->len);
  message = load_expect_error (title_file, TIES_DOCUMENT_IO_ERROR_INVALID);
  assert_message (title_file, message, 92, 16, "$.events[1].title: ");
  g_assert_nonnull (strstr (message, too_long));
  /* The message does not quote the title. */
  g_assert_cmpuint (strlen (message), <, 1000);

  /* A source's text has no limit; the evidence still anchors. */
  g_string_truncate (replacement, 0);
  g_string_append (replacement, "about the Call. ");
  g_string_append (replacement, huge);
  g_string_append_c (replacement, '"');
  text = valid_with ("about the Call.\"", replacement->str);
  text_file = fixture_write (fixture, "huge-text.ties.json", text->str, text->len);
  document = ties_document_load_from_file (text_file, NULL, NULL, &error);
  g_assert_no_error (error);
  if (document == NULL)
    return;
  source = g_list_model_get_item (G_LIST_MODEL (ties_document_get_sources (document)), 0);
  g_assert_cmpuint (strlen (ties_source_get_text (source)), ==, strlen ("Ardern met Dorsey in Paris in May. Later Dorsey phoned Ardern about the Call. ") + HUGE_LENGTH);
  g_assert_cmpuint (ties_document_count_orphaned (document), ==, 0);
}

typedef struct
{
  const char *name;
  const char *data;
  gsize length;
  TiesDocumentIOError code;
  guint line;
  guint column;
  const char *message;
} Hostile;

#define BYTES(s) s, sizeof (s) - 1

static const Hostile hostile_cases[] = {
  /* "é" is one character, so 0xff is in column 14. */
  { "bare-ff", BYTES ("{\n  \"format\": \"ties\",\n  \"title\": \"\xc3\xa9\xff\"\n}\n"),
    TIES_DOCUMENT_IO_ERROR_ENCODING, 3, 14, "invalid UTF-8" },
  /* "/" written in two bytes */
  { "overlong", BYTES ("{\n  \"format\": \"ties\",\n  \"title\": \"a\xc0\xaf\"\n}\n"),
    TIES_DOCUMENT_IO_ERROR_ENCODING, 3, 14, "invalid UTF-8" },
  /* U+D800, a surrogate, which UTF-8 may not encode */
  { "surrogate", BYTES ("{\"format\": \"ties\", \"title\": \"\xed\xa0\x80\"}"),
    TIES_DOCUMENT_IO_ERROR_ENCODING, 1, 30, "invalid UTF-8" },
  { "nul", BYTES ("{\"format\": \"ties\",\n \"title\": \"a\0b\"}"),
    TIES_DOCUMENT_IO_ERROR_ENCODING, 2, 13, "NUL byte" },
  { "empty", BYTES (""), TIES_DOCUMENT_IO_ERROR_ENCODING, 1, 1, "empty" },
  { "whitespace", BYTES (" \n\t\r\n  "), TIES_DOCUMENT_IO_ERROR_ENCODING, 1, 1, "only white space" },
  { "bom-only", BYTES ("\xef\xbb\xbf"), TIES_DOCUMENT_IO_ERROR_ENCODING, 1, 1, "empty" },
  { "root-string", BYTES ("\"ties\""), TIES_DOCUMENT_IO_ERROR_FORMAT, 1, 1, "$: a Ties document is a JSON object, but this file holds a string" },
  { "root-number", BYTES ("1"), TIES_DOCUMENT_IO_ERROR_FORMAT, 1, 1, "$: a Ties document is a JSON object, but this file holds a number" },
  { "root-null", BYTES ("null"), TIES_DOCUMENT_IO_ERROR_FORMAT, 1, 1, "$: a Ties document is a JSON object, but this file holds null" },
  { "root-true", BYTES ("true"), TIES_DOCUMENT_IO_ERROR_FORMAT, 1, 1, "$: a Ties document is a JSON object, but this file holds true or false" },
  /* The byte-order mark takes no column. */
  { "bom-syntax", BYTES ("\xef\xbb\xbf{\"format\": \"ties\" \"version\": 1}"),
    TIES_DOCUMENT_IO_ERROR_SYNTAX, 1, 19, "not valid JSON" },
};

static void
test_hostile (Fixture       *fixture,
              gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (hostile_cases); i++)
    {
      const Hostile *h = &hostile_cases[i];
      g_autofree char *name = g_strdup_printf ("%s.ties.json", h->name);
      g_autoptr(GFile) file = fixture_write (fixture, name, h->data, h->length);
      g_autofree char *message = load_expect_error (file, h->code);

      assert_message (file, message, h->line, h->column, h->message);
    }
}

static void
test_bom (Fixture       *fixture,
          gconstpointer  data)
{
  gsize length;
  g_autofree char *valid = read_valid (&length);
  g_autoptr(GString) text = g_string_new ("\xef\xbb\xbf");
  g_autoptr(GFile) file = NULL;
  g_autoptr(TiesDocument) document = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;

  g_string_append_len (text, valid, length);
  file = fixture_write (fixture, "bom.ties.json", text->str, text->len);
  document = ties_document_load_from_file (file, &warnings, NULL, &error);
  g_assert_no_error (error);
  if (document == NULL)
    return;
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpstr (ties_document_get_title (document), ==, "A small example");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/broken/valid", test_valid);
  for (guint i = 0; i < G_N_ELEMENTS (broken_cases); i++)
    {
      g_autofree char *base = g_strndup (broken_cases[i].file, strlen (broken_cases[i].file) - strlen (".ties.json"));
      g_autofree char *path = g_strdup_printf ("/broken/file/%s", base);

      g_test_add_data_func (path, &broken_cases[i], test_broken_file);
    }
  g_test_add_func ("/broken/warn/reanchored", test_warn_reanchored);
  g_test_add_func ("/broken/warn/orphaned", test_warn_orphaned);
  g_test_add_func ("/broken/warn/unknown-members", test_unknown_members);
  g_test_add_func ("/broken/bug/no-spurious-dangling-references", test_no_spurious_dangling_references);
  g_test_add_func ("/broken/bug/syntax-message-one-line", test_syntax_message_one_line);
  g_test_add ("/broken/hostile/truncated-sample", Fixture, NULL, fixture_set_up, test_truncated_sample, fixture_tear_down);
  g_test_add ("/broken/hostile/deep-nesting", Fixture, NULL, fixture_set_up, test_deep_nesting, fixture_tear_down);
  g_test_add ("/broken/hostile/huge-strings", Fixture, NULL, fixture_set_up, test_huge_strings, fixture_tear_down);
  g_test_add ("/broken/hostile/bytes", Fixture, NULL, fixture_set_up, test_hostile, fixture_tear_down);
  g_test_add ("/broken/hostile/bom", Fixture, NULL, fixture_set_up, test_bom, fixture_tear_down);

  return g_test_run ();
}
