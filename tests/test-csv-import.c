/* test-csv-import.c: events from a spreadsheet's CSV table
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/data/csv/events.csv is saved as a spreadsheet saves it: a
 * byte-order mark, CRLF between rows and LF inside a quoted cell, headers
 * in their own case and order, a column Ties does not know, a blank row
 * at the end. Its row 4 has a bad date; row 2 spans two lines of the file
 * but is one row of the spreadsheet.
 */
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "test-util.h"
#include "ties-csv-export.h"
#include "ties-csv-import.h"

static GBytes *
bytes_of (const char *text)
{
  return g_bytes_new_static (text, strlen (text));
}

static GBytes *
load_events_csv (void)
{
  g_autofree char *path = g_build_filename (TESTS_SRCDIR, "data", "csv", "events.csv", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

/* One actor already there, known by another name too. */
static TiesDocument *
document_with_ardern (void)
{
  TiesDocument *document = ties_document_new ();
  g_autoptr(TiesActor) ardern = ties_actor_new ("ardern", "Jacinda Ardern", TIES_ACTOR_PERSON);
  const char * const aliases[] = { "Prime Minister", NULL };

  ties_actor_set_aliases (ardern, aliases);
  ties_document_add_actor (document, ardern);
  ties_history_clear (ties_document_get_history (document));

  return document;
}

static TiesEvent *
event_at (TiesDocument *document,
          guint         position)
{
  g_autoptr(TiesEvent) event = g_list_model_get_item (ties_document_get_events (document), position);

  g_assert_nonnull (event);
  return event;
}

static void
assert_participants (TiesEvent  *event,
                     const char *first,
                     ...)
{
  const char * const *participants = ties_event_get_participants (event);
  va_list args;
  guint i = 0;

  va_start (args, first);
  for (const char *id = first; id != NULL; id = va_arg (args, const char *), i++)
    {
      g_assert_nonnull (participants);
      g_assert_cmpstr (participants[i], ==, id);
    }
  va_end (args);
  g_assert_null (participants[i]);
}

static gboolean
report_has (GPtrArray  *report,
            const char *prefix)
{
  for (guint i = 0; report != NULL && i < report->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (report, i), prefix))
      return TRUE;

  return FALSE;
}

static void
test_bad_date_imports_nothing (void)
{
  g_autoptr(TiesDocument) document = document_with_ardern ();
  g_autoptr(GBytes) csv = load_events_csv ();
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GError) error = NULL;
  guint n_added = 99;

  g_assert_false (ties_csv_import_events (document, csv, "events.csv", TIES_CSV_IMPORT_NONE,
                                          &n_added, &report, &error));
  g_assert_error (error, TIES_CSV_IMPORT_ERROR, TIES_CSV_IMPORT_ERROR_BAD_ROWS);
  /* Row 4 as the spreadsheet counts (row 2 spans two lines of the
   * file), column 2 under its own header; the only bad cell. */
  g_assert_true (g_str_has_prefix (error->message, "events.csv:4:2: DATE: “2019-13-45” is not an EDTF date: "));
  g_assert_nonnull (strstr (error->message, "13"));
  g_assert_null (strchr (error->message, '\n'));

  g_assert_cmpuint (n_added, ==, 0);
  g_assert_null (report);
  g_assert_cmpuint (g_list_model_get_n_items (ties_document_get_events (document)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ties_document_get_actors (document)), ==, 1);
  g_assert_false (ties_history_get_can_undo (ties_document_get_history (document)));
}

static void
test_skip_bad_rows (void)
{
  g_autoptr(TiesDocument) document = document_with_ardern ();
  g_autoptr(GBytes) csv = load_events_csv ();
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GError) error = NULL;
  TiesHistory *history = ties_document_get_history (document);
  TiesEvent *event;
  TiesActor *actor;
  const char *cjk;
  guint n_added = 0;

  g_assert_true (ties_csv_import_events (document, csv, "events.csv", TIES_CSV_IMPORT_SKIP_BAD_ROWS,
                                         &n_added, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (ties_document_get_events (document)), ==, 3);

  /* The skipped row and the ignored column are told. */
  g_assert_true (report_has (report, "events.csv:4:2: DATE: “2019-13-45” is not an EDTF date"));
  g_assert_true (report_has (report, "events.csv:1:9: the column “Mood” is not one Ties reads"));
  g_assert_true (report_has (report, "events.csv: skipped row 4"));

  /* Quoted commas, doubled quotes and the line break inside a cell. */
  event = event_at (document, 0);
  g_assert_cmpstr (ties_event_get_title (event), ==, "Ardern and Dorsey talk, again");
  g_assert_cmpstr (ties_event_get_notes (event), ==, "Line one\nline two, with \"quotes\"");
  g_assert_cmpstr (ties_event_get_date (event), ==, "2019-05-14");
  g_assert_cmpstr (ties_event_get_kind (event), ==, "phone-call");
  g_assert_cmpstr (ties_event_get_place (event), ==, "Wellington");
  g_assert_cmpstr (ties_event_get_initiator (event), ==, "ardern");
  g_assert_true (g_str_has_prefix (ties_event_get_id (event), "ardern-dorsey"));
  assert_participants (event, "ardern", "jack-dorsey", NULL);

  /* Non-ASCII names kept as written; the id of the row kept. */
  event = event_at (document, 1);
  g_assert_cmpstr (ties_event_get_id (event), ==, "hui-waitangi");
  g_assert_cmpstr (ties_event_get_place (event), ==, "Waitangi, Northland");
  g_assert_cmpstr (ties_event_get_initiator (event), ==, "tamati-kingi");
  cjk = ties_event_get_participants (event)[2];
  g_assert_nonnull (cjk);
  assert_participants (event, "te-ururoa-flavell", "tamati-kingi", cjk, NULL);
  actor = ties_document_lookup_actor (document, "tamati-kingi");
  g_assert_cmpstr (ties_actor_get_name (actor), ==, "Tāmati Kīngi");
  g_assert_cmpint (ties_actor_get_kind (actor), ==, TIES_ACTOR_PERSON);
  actor = ties_document_lookup_actor (document, cjk);
  g_assert_cmpstr (ties_actor_get_name (actor), ==, "習近平");

  /* The same people again: by the name given before, by another name of
   * an actor already there, by a name in other case and without its
   * macrons; a kind by its label. */
  event = event_at (document, 2);
  g_assert_cmpstr (ties_event_get_kind (event), ==, "phone-call");
  g_assert_cmpstr (ties_event_get_date (event), ==, "2019-06");
  g_assert_cmpstr (ties_event_get_initiator (event), ==, cjk);
  assert_participants (event, cjk, "ardern", "tamati-kingi", NULL);

  /* Only the people of imported rows: not the bad row's. */
  g_assert_cmpuint (g_list_model_get_n_items (ties_document_get_actors (document)), ==, 5);
  g_assert_null (ties_document_find_actor_by_name (document, "Marc Benioff", NULL));

  /* One step of undo takes it all back. */
  g_assert_cmpuint (test_count_undo_steps (history), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ties_document_get_events (document)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ties_document_get_actors (document)), ==, 1);
}

static void
assert_strv_equal (const char * const *a,
                   const char * const *b)
{
  guint n_a = a != NULL ? g_strv_length ((char **) a) : 0;
  guint n_b = b != NULL ? g_strv_length ((char **) b) : 0;

  g_assert_cmpuint (n_a, ==, n_b);
  for (guint i = 0; i < n_a; i++)
    g_assert_cmpstr (a[i], ==, b[i]);
}

static void
test_round_trip (void)
{
  g_autoptr(TiesDocument) sample = test_load_sample ();
  g_autoptr(TiesDocument) copy = test_load_sample ();
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *events = ties_document_get_events (sample);
  GListModel *copied = ties_document_get_events (copy);
  guint n_actors = g_list_model_get_n_items (ties_document_get_actors (copy));
  guint n_added = 0;

  csv = ties_csv_export_to_bytes (sample, NULL, TIES_CSV_TABLE_EVENTS, &error);
  g_assert_no_error (error);

  while (g_list_model_get_n_items (copied) > 0)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (copied, 0);

      ties_document_remove_event (copy, event);
    }

  g_assert_true (ties_csv_import_events (copy, csv, "sample.csv", TIES_CSV_IMPORT_NONE, &n_added, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, g_list_model_get_n_items (events));
  g_assert_cmpuint (g_list_model_get_n_items (copied), ==, g_list_model_get_n_items (events));
  /* Everyone found again by name: nobody new. */
  g_assert_cmpuint (g_list_model_get_n_items (ties_document_get_actors (copy)), ==, n_actors);
  /* What the table cannot carry is said. */
  g_assert_true (report_has (report, "sample.csv: the “sources” and “quotes” columns are not imported"));

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TiesEvent) a = g_list_model_get_item (events, i);
      g_autoptr(TiesEvent) b = g_list_model_get_item (copied, i);

      g_assert_cmpstr (ties_event_get_id (a), ==, ties_event_get_id (b));
      g_assert_cmpstr (ties_event_get_title (a), ==, ties_event_get_title (b));
      g_assert_cmpstr (ties_event_get_kind (a), ==, ties_event_get_kind (b));
      g_assert_cmpstr (ties_event_get_date (a), ==, ties_event_get_date (b));
      g_assert_cmpstr (ties_event_get_date_phrase (a), ==, ties_event_get_date_phrase (b));
      g_assert_cmpstr (ties_event_get_place (a), ==, ties_event_get_place (b));
      g_assert_cmpstr (ties_event_get_initiator (a), ==, ties_event_get_initiator (b));
      g_assert_cmpstr (ties_event_get_notes (a), ==, ties_event_get_notes (b));
      assert_strv_equal (ties_event_get_participants (a), ties_event_get_participants (b));
      assert_strv_equal (ties_event_get_tags (a), ties_event_get_tags (b));
    }

  /* The table of the copy is the table of the sample, but for the
   * evidence columns, which were not imported: compare without them. */
  {
    g_autoptr(TiesDocument) bare = test_load_sample ();
    GListModel *bare_events = ties_document_get_events (bare);
    g_autoptr(GBytes) bare_csv = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (bare_events); i++)
      {
        g_autoptr(TiesEvent) event = g_list_model_get_item (bare_events, i);

        g_list_store_remove_all (ties_event_get_evidence (event));
      }
    bare_csv = ties_csv_export_to_bytes (bare, NULL, TIES_CSV_TABLE_EVENTS, &error);
    g_assert_no_error (error);
    again = ties_csv_export_to_bytes (copy, NULL, TIES_CSV_TABLE_EVENTS, &error);
    g_assert_no_error (error);
    test_assert_bytes_equal (again, bare_csv);
  }
}

static void
assert_fails (const char *csv,
              int         code,
              const char *message)
{
  g_autoptr(TiesDocument) document = document_with_ardern ();
  g_autoptr(GBytes) bytes = bytes_of (csv);
  g_autoptr(GError) error = NULL;

  g_assert_false (ties_csv_import_events (document, bytes, "t.csv", TIES_CSV_IMPORT_NONE, NULL, NULL, &error));
  g_assert_error (error, TIES_CSV_IMPORT_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpuint (g_list_model_get_n_items (ties_document_get_events (document)), ==, 0);
}

static void
test_problems (void)
{
  assert_fails ("", TIES_CSV_IMPORT_ERROR_HEADER, "t.csv: the table is empty: the first row must name the columns");
  assert_fails ("title,date\nA,2019\n", TIES_CSV_IMPORT_ERROR_HEADER,
                "t.csv:1: the first row must name the columns, with at least “title” (or “id”) and “participants”, as an export of events has them");
  assert_fails ("title,participants,Title\n", TIES_CSV_IMPORT_ERROR_HEADER,
                "t.csv:1:3: the column “Title” is there twice (also column 1)");
  assert_fails ("title,participants\nA \xff,x\n", TIES_CSV_IMPORT_ERROR_NOT_TEXT,
                "t.csv: not UTF-8 text (line 2 of the file): save the table as “CSV UTF-8”");
  /* Every bad cell, one a line, in order: not only the first. */
  assert_fails ("id,title,participants,kind,date\n"
                "a b,One,Ardern,meeting,2019\n"
                "two,Two,Ardern,chat,2019-02-30\n"
                ",,Ardern,,\n"
                "\"three\"x,Three,Ardern,,\n"
                "four,\"Four,Ardern\n",
                TIES_CSV_IMPORT_ERROR_BAD_ROWS,
                "t.csv:2:1: id: “a b” is not a valid id: use letters, digits and . _ : - and start with a letter or digit\n"
                "t.csv:3:4: kind: unknown event kind “chat”: use one of meeting, phone-call, email, summit, public-statement, other, or declare it in the document first\n"
                "t.csv:3:5: date: “2019-02-30” is not an EDTF date: 30 February 2019 does not exist (position 9)\n"
                "t.csv:4:2: title: an event needs a title or an id\n"
                "t.csv:5:1: id: text after the closing quote: a quote inside a quoted cell is written twice (\"\")\n"
                "t.csv:6:2: title: the quoted cell is not closed: a quote is missing");
  assert_fails ("title,participants\nA,Ardern,extra\n", TIES_CSV_IMPORT_ERROR_BAD_ROWS,
                "t.csv:2:3: this cell is right of the last named column");
}

/* Into a document that has the ids already: the events are renamed, and
 * the report says so; LF line ends, no BOM, no quotes at all. */
static void
test_into_taken_ids (void)
{
  g_autoptr(TiesDocument) document = test_load_sample ();
  g_autoptr(GBytes) csv = bytes_of ("ID,Title,Participants,Initiator\n"
                                    "davos-dinner,Cook and Ardern meet again,Tim Cook; Jacinda Ardern,cook\n"
                                    "davos-dinner,And once more,Ardern,\n");
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *events = ties_document_get_events (document);
  guint n_events = g_list_model_get_n_items (events);
  guint n_actors = g_list_model_get_n_items (ties_document_get_actors (document));
  TiesEvent *first, *second;

  g_assert_true (ties_csv_import_events (document, csv, "t.csv", TIES_CSV_IMPORT_NONE, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, n_events + 2);
  g_assert_cmpuint (g_list_model_get_n_items (ties_document_get_actors (document)), ==, n_actors);

  first = event_at (document, n_events);
  second = event_at (document, n_events + 1);
  g_assert_cmpstr (ties_event_get_id (first), !=, "davos-dinner");
  g_assert_cmpstr (ties_event_get_id (second), !=, "davos-dinner");
  g_assert_cmpstr (ties_event_get_id (first), !=, ties_event_get_id (second));
  g_assert_cmpstr (ties_event_get_kind (first), ==, "other");
  g_assert_cmpstr (ties_event_get_initiator (first), ==, "cook");
  assert_participants (first, "cook", "ardern", NULL);
  g_assert_true (report_has (report, "t.csv:2: the id “davos-dinner” is already used; the event is “"));
  g_assert_true (report_has (report, "t.csv:3: the id “davos-dinner” is already used; the event is “"));
}

/* A table over the limit is refused, from memory and from a file (the
 * file before it is read), and nothing changes. */
static void
test_too_large (void)
{
  g_autoptr(TiesDocument) document = document_with_ardern ();
  gsize size = TIES_CSV_IMPORT_MAX_BYTES + 1;
  char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ties-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  FILE *stream;

  memset (data, 'a', size);
  memcpy (data, "title,participants\n", strlen ("title,participants\n"));
  bytes = g_bytes_new_take (data, size);
  g_assert_false (ties_csv_import_events (document, bytes, "huge.csv", TIES_CSV_IMPORT_SKIP_BAD_ROWS,
                                          NULL, NULL, &error));
  g_assert_error (error, TIES_CSV_IMPORT_ERROR, TIES_CSV_IMPORT_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "huge.csv: the table is 67.1"));
  g_clear_error (&error);

  /* Sparse: its size is all that is read of it. */
  stream = fopen (path, "w");
  g_assert_nonnull (stream);
  g_assert_cmpint (fseek (stream, TIES_CSV_IMPORT_MAX_BYTES, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('\n', stream), ==, '\n');
  g_assert_cmpint (fclose (stream), ==, 0);
  g_assert_false (ties_csv_import_events_from_file (document, file, NULL, TIES_CSV_IMPORT_NONE,
                                                    NULL, NULL, &error));
  g_assert_error (error, TIES_CSV_IMPORT_ERROR, TIES_CSV_IMPORT_ERROR_TOO_LARGE);
  g_assert_cmpuint (g_list_model_get_n_items (ties_document_get_events (document)), ==, 0);
  g_assert_false (ties_history_get_can_undo (ties_document_get_history (document)));

  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-import/bad-date-imports-nothing", test_bad_date_imports_nothing);
  g_test_add_func ("/csv-import/skip-bad-rows", test_skip_bad_rows);
  g_test_add_func ("/csv-import/round-trip", test_round_trip);
  g_test_add_func ("/csv-import/problems", test_problems);
  g_test_add_func ("/csv-import/into-taken-ids", test_into_taken_ids);
  g_test_add_func ("/csv-import/too-large", test_too_large);

  return g_test_run ();
}
