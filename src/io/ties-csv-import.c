/* ties-csv-import.c: events from a spreadsheet's CSV table
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The way back from ties-csv-export.c: a researcher keeps events in a
 * spreadsheet, or exports them, fixes them there and brings them back.
 * So the table is read as RFC 4180 writes it and as spreadsheets save it
 * (a byte-order mark, LF or CRLF, columns in any order and any case), and
 * a cell is taken as written: titles, places and notes keep their spaces
 * and line breaks, so that an exported table reads back into the same
 * events.
 *
 * Nothing is half done: every row is checked before the document is
 * touched, every bad cell is reported (not only the first, so that one
 * pass over the spreadsheet fixes them all), and then either nothing is
 * added or, when asked to skip bad rows, the good ones are.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ties-csv-import.h"
#include "ties-date.h"
#include "ties-import-util.h"

G_DEFINE_QUARK (ties-csv-import-error-quark, ties_csv_import_error)

/* The columns ties_csv_export_to_bytes() writes for events, in its order. */
typedef enum {
  COL_ID,
  COL_DATE,
  COL_START,
  COL_END,
  COL_DATE_PHRASE,
  COL_TITLE,
  COL_KIND,
  COL_PLACE,
  COL_PARTICIPANTS,
  COL_INITIATOR,
  COL_TAGS,
  COL_NOTES,
  COL_SOURCES,
  COL_QUOTES,
  N_COLS
} Column;

static const char * const column_names[N_COLS] = {
  "id", "date", "start", "end", "date_phrase", "title", "kind", "place",
  "participants", "initiator", "tags", "notes", "sources", "quotes",
};

typedef struct {
  guint  column;   /* 0-based */
  guint  order;    /* to keep those of a cell in the order found */
  char  *message;
} CellProblem;

static int
compare_cell_problems (gconstpointer a,
                       gconstpointer b)
{
  const CellProblem *pa = *(const CellProblem **) a;
  const CellProblem *pb = *(const CellProblem **) b;

  if (pa->column != pb->column)
    return pa->column < pb->column ? -1 : 1;

  return pa->order < pb->order ? -1 : pa->order > pb->order;
}

static void
cell_problem_free (gpointer data)
{
  CellProblem *problem = data;

  g_free (problem->message);
  g_free (problem);
}

/* One record of the file: what a spreadsheet shows as one row, however
 * many lines its quoted cells span. */
typedef struct {
  guint      row;       /* 1-based; the header is row 1 */
  GPtrArray *cells;     /* char * */
  GPtrArray *problems;  /* CellProblem *, from reading the quotes */
} Record;

static void
record_free (gpointer data)
{
  Record *record = data;

  g_ptr_array_unref (record->cells);
  g_ptr_array_unref (record->problems);
  g_free (record);
}

static Record *
record_new (guint row)
{
  Record *record = g_new0 (Record, 1);

  record->row = row;
  record->cells = g_ptr_array_new_with_free_func (g_free);
  record->problems = g_ptr_array_new_with_free_func (cell_problem_free);

  return record;
}

static void
record_problem (Record     *record,
                guint       column,
                const char *message)
{
  CellProblem *problem = g_new0 (CellProblem, 1);

  problem->column = column;
  problem->order = record->problems->len;
  problem->message = g_strdup (message);
  g_ptr_array_add (record->problems, problem);
}

/* RFC 4180, forgiving where spreadsheets differ: a lone CR ends a line
 * too, and text after a closing quote is kept (and reported) rather than
 * lost. Line breaks inside quotes are kept as they are. */
static GPtrArray *
parse_records (const char *text,
               gsize       length)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (record_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p = text, *end = text + length;
  guint row = 1;

  while (p < end)
    {
      Record *record = record_new (row++);
      gboolean line_done = FALSE;

      g_ptr_array_add (records, record);
      while (!line_done)
        {
          guint column = record->cells->len;

          g_string_truncate (cell, 0);
          if (p < end && *p == '"')
            {
              gboolean closed = FALSE, stray = FALSE;

              for (p++; p < end; p++)
                {
                  if (*p != '"')
                    g_string_append_c (cell, *p);
                  else if (p + 1 < end && p[1] == '"')
                    g_string_append_c (cell, *p++);
                  else
                    {
                      closed = TRUE;
                      p++;
                      break;
                    }
                }
              if (!closed)
                record_problem (record, column, _("the quoted cell is not closed: a quote is missing"));

              for (; p < end && *p != ',' && *p != '\r' && *p != '\n'; p++)
                {
                  stray = TRUE;
                  g_string_append_c (cell, *p);
                }
              if (stray)
                record_problem (record, column,
                                _("text after the closing quote: a quote inside a quoted cell is written twice (\"\")"));
            }
          else
            {
              for (; p < end && *p != ',' && *p != '\r' && *p != '\n'; p++)
                g_string_append_c (cell, *p);
            }

          g_ptr_array_add (record->cells, g_strndup (cell->str, cell->len));

          if (p >= end)
            line_done = TRUE;
          else if (*p == ',')
            p++;
          else
            {
              if (*p == '\r' && p + 1 < end && p[1] == '\n')
                p++;
              p++;
              line_done = TRUE;
            }
        }
    }

  return records;
}

typedef struct {
  TiesDocument *document;
  const char   *name;
  /* Where each known column is (-1: absent), and every header. */
  int           columns[N_COLS];
  GPtrArray    *headers;
  /* Lines for the report, and the bad cells' lines. */
  GPtrArray    *report;
  GPtrArray    *problems;
  /* Ids given out so far to new events and actors. */
  GHashTable   *taken;
  /* The people the table names that the document does not have yet,
   * kept in a document of their own so that they are found by name as
   * the document's own actors are. */
  TiesDocument *new_actors;
  /* The events of the good rows, in order. */
  GPtrArray    *events;
} Import;

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->headers, g_ptr_array_unref);
  g_clear_pointer (&import->report, g_ptr_array_unref);
  g_clear_pointer (&import->problems, g_ptr_array_unref);
  g_clear_pointer (&import->taken, g_hash_table_unref);
  g_clear_object (&import->new_actors);
  g_clear_pointer (&import->events, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

/* "NAME:ROW:COLUMN: HEADER: message", as the document reader's problems
 * are "NAME:LINE:COLUMN: PATH: message". */
static char *
cell_line (Import     *import,
           guint       row,
           guint       column,
           const char *message)
{
  const char *header = column < import->headers->len ? g_ptr_array_index (import->headers, column) : "";

  if (header[0] == '\0')
    return g_strdup_printf ("%s:%u:%u: %s", import->name, row, column + 1, message);

  return g_strdup_printf ("%s:%u:%u: %s: %s", import->name, row, column + 1, header, message);
}

static void
bad_cell (Record     *record,
          guint       column,
          const char *format,
          ...) G_GNUC_PRINTF (3, 4);

/* A problem of a cell, told with the others of its row in the order of
 * their columns. */
static void
bad_cell (Record     *record,
          guint       column,
          const char *format,
          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  record_problem (record, column, message);
}

/* "Date Phrase", " DATE ", "date-phrase" → "date_phrase". */
static char *
header_key (const char *header)
{
  g_autofree char *stripped = g_strstrip (g_strdup (header));
  char *key = g_ascii_strdown (stripped, -1);

  for (char *p = key; *p != '\0'; p++)
    if (*p == ' ' || *p == '-')
      *p = '_';

  return key;
}

static gboolean
read_header (Import  *import,
             Record  *header,
             GError **error)
{
  for (guint i = 0; i < N_COLS; i++)
    import->columns[i] = -1;

  import->headers = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < header->cells->len; i++)
    g_ptr_array_add (import->headers, g_strstrip (g_strdup (g_ptr_array_index (header->cells, i))));

  if (header->problems->len > 0)
    {
      CellProblem *problem = g_ptr_array_index (header->problems, 0);
      g_autofree char *line = cell_line (import, 1, problem->column, problem->message);

      g_set_error_literal (error, TIES_CSV_IMPORT_ERROR, TIES_CSV_IMPORT_ERROR_HEADER, line);
      return FALSE;
    }

  for (guint i = 0; i < import->headers->len; i++)
    {
      const char *text = g_ptr_array_index (import->headers, i);
      g_autofree char *key = header_key (text);
      gboolean known = FALSE;

      /* A spreadsheet's trailing empty column says nothing. */
      if (key[0] == '\0')
        continue;

      for (guint c = 0; c < N_COLS; c++)
        if (g_str_equal (key, column_names[c]))
          {
            if (import->columns[c] >= 0)
              {
                g_set_error (error, TIES_CSV_IMPORT_ERROR, TIES_CSV_IMPORT_ERROR_HEADER,
                             _("%s:1:%u: the column “%s” is there twice (also column %d)"),
                             import->name, i + 1, text, import->columns[c] + 1);
                return FALSE;
              }
            import->columns[c] = (int) i;
            known = TRUE;
          }

      if (!known)
        g_ptr_array_add (import->report,
                         g_strdup_printf (_("%s:1:%u: the column “%s” is not one Ties reads; it is ignored"),
                                          import->name, i + 1, text));
    }

  if (import->columns[COL_PARTICIPANTS] < 0
      || (import->columns[COL_TITLE] < 0 && import->columns[COL_ID] < 0))
    {
      g_set_error (error, TIES_CSV_IMPORT_ERROR, TIES_CSV_IMPORT_ERROR_HEADER,
                   /* Translators: the column names are the file's, not to be translated. */
                   _("%s:1: the first row must name the columns, with at least “title” (or “id”) and “participants”, as an export of events has them"),
                   import->name);
      return FALSE;
    }

  return TRUE;
}

/* The cell of @column in @record, or NULL when the table has no such
 * column or the cell is empty. */
static const char *
get_cell (Import *import,
          Record *record,
          Column  column)
{
  int at = import->columns[column];
  const char *cell;

  if (at < 0 || (guint) at >= record->cells->len)
    return NULL;

  cell = g_ptr_array_index (record->cells, at);
  return cell[0] != '\0' ? cell : NULL;
}

static const char *
get_cell_or_empty (Import *import,
                   Record *record,
                   Column  column)
{
  const char *cell = get_cell (import, record, column);

  return cell != NULL ? cell : "";
}

static gboolean
id_in_use (Import     *import,
           const char *id)
{
  return _ties_import_id_in_use (import->document, import->taken, id);
}

static const char *
take_id (Import *import,
         char   *base)
{
  return _ties_import_take_id (import->document, import->taken, base);
}

/* The actor @text names: an actor id, else a name or other name of the
 * document's actors, else of the people this table already brought,
 * else a new person called so. */
static const char *
resolve_actor (Import     *import,
               const char *text)
{
  TiesActor *actor;
  g_autoptr(TiesActor) added = NULL;
  const char *id;

  if ((actor = _ties_import_find_actor (import->document, text)) != NULL
      || (actor = _ties_import_find_actor (import->new_actors, text)) != NULL)
    return ties_actor_get_id (actor);

  id = take_id (import, ties_document_make_id (import->document, text));
  added = ties_actor_new (id, text, TIES_ACTOR_PERSON);
  ties_document_add_actor (import->new_actors, added);

  return id;
}

/* "a; b;; c " → "a", "b", "c": a list cell, as the export joins them. */
static GStrv
split_list (const char *cell)
{
  g_auto(GStrv) parts = g_strsplit (cell != NULL ? cell : "", ";", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

static gboolean
is_blank (Record *record)
{
  for (guint i = 0; i < record->cells->len; i++)
    {
      const char *cell = g_ptr_array_index (record->cells, i);

      if (cell[strspn (cell, " \t")] != '\0')
        return FALSE;
    }

  return TRUE;
}

/* The event of one row, or NULL with its bad cells added to the problems. */
static TiesEvent *
read_row (Import *import,
          Record *record)
{
  guint row = record->row;
  g_autoptr(TiesEvent) event = NULL;
  g_autoptr(TiesDate) parsed = NULL;
  g_autoptr(GPtrArray) participants = g_ptr_array_new ();
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) tags = NULL;
  g_autofree char *id_text = g_strdup (get_cell (import, record, COL_ID));
  g_autofree char *date = g_strdup (get_cell (import, record, COL_DATE));
  g_autofree char *kind_text = g_strdup (get_cell (import, record, COL_KIND));
  g_autofree char *initiator_text = g_strdup (get_cell (import, record, COL_INITIATOR));
  const char *title = get_cell (import, record, COL_TITLE);
  const char *kind = "other";
  const char *initiator = NULL;
  const char *id;

  for (guint i = import->headers->len; i < record->cells->len; i++)
    if (((const char *) g_ptr_array_index (record->cells, i))[0] != '\0')
      bad_cell (record, i, _("this cell is right of the last named column"));

  if (id_text != NULL)
    g_strstrip (id_text);
  if (id_text != NULL && id_text[0] != '\0' && !ties_document_is_valid_id (id_text))
    bad_cell (record, import->columns[COL_ID],
              _("“%s” is not a valid id: use letters, digits and . _ : - and start with a letter or digit"),
              id_text);

  if (title == NULL && (id_text == NULL || id_text[0] == '\0'))
    bad_cell (record, import->columns[COL_TITLE] >= 0 ? import->columns[COL_TITLE] : import->columns[COL_ID],
              _("an event needs a title or an id"));

  if (date != NULL && g_strstrip (date)[0] != '\0')
    {
      g_autoptr(GError) error = NULL;

      parsed = ties_date_parse (date, NULL, &error);
      if (parsed == NULL)
        bad_cell (record, import->columns[COL_DATE], _("“%s” is not an EDTF date: %s"), date, error->message);
    }
  else
    g_clear_pointer (&date, g_free);

  if (kind_text != NULL && g_strstrip (kind_text)[0] != '\0')
    {
      kind = _ties_import_find_event_kind (import->document, kind_text);
      if (kind == NULL)
        {
          g_autofree char *kinds = _ties_import_list_event_kinds (import->document);

          bad_cell (record, import->columns[COL_KIND],
                    _("unknown event kind “%s”: use one of %s, or declare it in the document first"),
                    kind_text, kinds);
        }
    }

  if (record->problems->len > 0)
    {
      g_ptr_array_sort (record->problems, compare_cell_problems);
      for (guint i = 0; i < record->problems->len; i++)
        {
          CellProblem *problem = g_ptr_array_index (record->problems, i);

          g_ptr_array_add (import->problems, cell_line (import, row, problem->column, problem->message));
        }
      return NULL;
    }

  /* Actors only for a row otherwise good, so that a bad row brings no
   * one; those of rows skipped later are left out when adding. */
  names = split_list (get_cell (import, record, COL_PARTICIPANTS));
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *actor = resolve_actor (import, names[i]);

      if (!g_ptr_array_find_with_equal_func (participants, actor, g_str_equal, NULL))
        g_ptr_array_add (participants, (gpointer) actor);
    }
  g_ptr_array_add (participants, NULL);

  if (initiator_text != NULL && g_strstrip (initiator_text)[0] != '\0')
    initiator = resolve_actor (import, initiator_text);

  if (id_text != NULL && id_text[0] != '\0' && !id_in_use (import, id_text))
    id = take_id (import, g_steal_pointer (&id_text));
  else
    {
      id = take_id (import, ties_document_make_event_id (import->document, title, date));
      if (id_text != NULL && id_text[0] != '\0')
        g_ptr_array_add (import->report,
                         g_strdup_printf (_("%s:%u: the id “%s” is already used; the event is “%s”"),
                                          import->name, row, id_text, id));
    }

  tags = split_list (get_cell (import, record, COL_TAGS));

  event = ties_event_new (id, title != NULL ? title : "", kind);
  ties_event_set_date (event, date);
  /* Empty like the document reader leaves them: date phrase and notes
   * "", place and tags absent. */
  ties_event_set_date_phrase (event, get_cell_or_empty (import, record, COL_DATE_PHRASE));
  ties_event_set_place (event, get_cell (import, record, COL_PLACE));
  ties_event_set_participants (event, participants->len > 1 ? (const char * const *) participants->pdata : NULL);
  ties_event_set_initiator (event, initiator);
  ties_event_set_tags (event, tags[0] != NULL ? (const char * const *) tags : NULL);
  ties_event_set_notes (event, get_cell_or_empty (import, record, COL_NOTES));

  return g_steal_pointer (&event);
}

static gboolean
uses_actor (GPtrArray  *events,
            const char *id)
{
  for (guint i = 0; i < events->len; i++)
    {
      TiesEvent *event = g_ptr_array_index (events, i);

      if (ties_event_has_participant (event, id) || g_strcmp0 (ties_event_get_initiator (event), id) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
too_large (const char  *name,
           guint64      size,
           GError     **error)
{
  g_autofree char *shown = g_format_size (size);
  g_autofree char *limit = g_format_size (TIES_CSV_IMPORT_MAX_BYTES);

  g_set_error (error, TIES_CSV_IMPORT_ERROR, TIES_CSV_IMPORT_ERROR_TOO_LARGE,
               /* TRANSLATORS: a file name, its size, then the largest size read */
               _("%s: the table is %s, more than the %s Ties reads"), name, shown, limit);

  return FALSE;
}

gboolean
ties_csv_import_events (TiesDocument        *document,
                        GBytes              *csv,
                        const char          *display_name,
                        TiesCsvImportFlags   flags,
                        guint               *n_added,
                        GPtrArray          **report,
                        GError             **error)
{
  g_auto(Import) import = { 0 };
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GString) skipped = g_string_new (NULL);
  guint n_skipped = 0;
  gboolean skipped_evidence = FALSE;
  const char *text, *invalid;
  gsize length;
  guint first;
  GListModel *new_actors;

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (csv != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_added != NULL)
    *n_added = 0;
  if (report != NULL)
    *report = NULL;

  import.document = document;
  import.name = display_name != NULL ? display_name : "CSV";
  import.report = g_ptr_array_new_with_free_func (g_free);
  import.problems = g_ptr_array_new_with_free_func (g_free);
  import.taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.new_actors = ties_document_new ();
  import.events = g_ptr_array_new_with_free_func (g_object_unref);

  text = g_bytes_get_data (csv, &length);
  if (text == NULL)
    text = "";
  if (length > TIES_CSV_IMPORT_MAX_BYTES)
    return too_large (import.name, length, error);
  if (!g_utf8_validate_len (text, length, &invalid))
    {
      guint line = 1;

      /* Lines of the file, not rows: the rows are not read yet. */
      for (const char *p = text; p < invalid; p++)
        line += *p == '\n';
      g_set_error (error, TIES_CSV_IMPORT_ERROR, TIES_CSV_IMPORT_ERROR_NOT_TEXT,
                   _("%s: not UTF-8 text (line %u of the file): save the table as “CSV UTF-8”"),
                   import.name, line);
      return FALSE;
    }
  /* Spreadsheets start a UTF-8 CSV with a byte-order mark. */
  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      length -= 3;
    }

  records = parse_records (text, length);
  if (records->len == 0)
    {
      g_set_error (error, TIES_CSV_IMPORT_ERROR, TIES_CSV_IMPORT_ERROR_HEADER,
                   _("%s: the table is empty: the first row must name the columns"), import.name);
      return FALSE;
    }

  if (!read_header (&import, g_ptr_array_index (records, 0), error))
    return FALSE;

  for (guint i = 1; i < records->len; i++)
    {
      Record *record = g_ptr_array_index (records, i);
      TiesEvent *event;

      if (is_blank (record))
        continue;

      event = read_row (&import, record);
      if (event != NULL)
        g_ptr_array_add (import.events, event);
      else
        {
          g_string_append_printf (skipped, "%s%u", skipped->len > 0 ? ", " : "", record->row);
          n_skipped++;
        }
      if (get_cell (&import, record, COL_SOURCES) != NULL || get_cell (&import, record, COL_QUOTES) != NULL)
        skipped_evidence = TRUE;
    }

  if (import.problems->len > 0 && !(flags & TIES_CSV_IMPORT_SKIP_BAD_ROWS))
    {
      g_autofree char *lines = NULL;

      g_ptr_array_add (import.problems, NULL);
      lines = g_strjoinv ("\n", (char **) import.problems->pdata);
      g_set_error_literal (error, TIES_CSV_IMPORT_ERROR, TIES_CSV_IMPORT_ERROR_BAD_ROWS, lines);
      return FALSE;
    }

  for (guint i = 0; i < import.problems->len; i++)
    g_ptr_array_add (import.report, g_strdup (g_ptr_array_index (import.problems, i)));
  if (n_skipped > 0)
    g_ptr_array_add (import.report,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: skipped row %s", "%s: skipped rows %s", n_skipped),
                                      import.name, skipped->str));
  if (skipped_evidence)
    g_ptr_array_add (import.report,
                     g_strdup_printf (_("%s: the “sources” and “quotes” columns are not imported: evidence needs its place in a source’s text; mark it in the window"),
                                      import.name));

  ties_history_begin (ties_document_get_history (document), _("Import Events"));

  new_actors = ties_document_get_actors (import.new_actors);
  first = g_list_model_get_n_items (ties_document_get_actors (document));
  for (guint i = 0; i < g_list_model_get_n_items (new_actors); i++)
    {
      g_autoptr(TiesActor) actor = g_list_model_get_item (new_actors, i);

      if (uses_actor (import.events, ties_actor_get_id (actor)))
        {
          /* A fresh object: the other document's history holds this one. */
          g_autoptr(TiesActor) copy = ties_actor_new (ties_actor_get_id (actor), ties_actor_get_name (actor),
                                                      TIES_ACTOR_PERSON);

          ties_document_add_actor (document, copy);
        }
    }

  for (guint i = 0; i < import.events->len; i++)
    ties_document_add_event (document, g_ptr_array_index (import.events, i));

  ties_history_end (ties_document_get_history (document));

  if (g_list_model_get_n_items (ties_document_get_actors (document)) > first)
    g_ptr_array_add (import.report,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u new person", "%s: %u new people",
                                                   g_list_model_get_n_items (ties_document_get_actors (document)) - first),
                                      import.name, g_list_model_get_n_items (ties_document_get_actors (document)) - first));

  if (n_added != NULL)
    *n_added = import.events->len;
  if (report != NULL)
    *report = g_steal_pointer (&import.report);

  return TRUE;
}

gboolean
ties_csv_import_events_from_file (TiesDocument        *document,
                                  GFile               *file,
                                  const char          *display_name,
                                  TiesCsvImportFlags   flags,
                                  guint               *n_added,
                                  GPtrArray          **report,
                                  GError             **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  const char *name;

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_parse_name (file);
  name = display_name != NULL ? display_name : path;

  /* Refused before it is read: a stray file of gigabytes is not loaded
   * only to be turned away. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && g_file_info_get_size (info) > TIES_CSV_IMPORT_MAX_BYTES)
    return too_large (name, g_file_info_get_size (info), error);

  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    {
      g_prefix_error (error, "%s: ", name);
      return FALSE;
    }

  return ties_csv_import_events (document, bytes, name, flags, n_added, report, error);
}
