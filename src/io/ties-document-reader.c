/* ties-document-reader.c: documents from bytes and files
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Over 1,000 lines on purpose: one loader walks the document, and each
 * member's check is short; the problems it collects carry positions and
 * paths that the whole walk shares.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ties-date.h"
#include "ties-document-io.h"
#include "ties-event-private.h"
#include "ties-json-dom.h"
#include "ties-json-scan.h"

/* Names and titles are lines, not essays: a limit keeps a hostile file
 * from putting megabytes into a label. Texts, notes and quotes have none. */
#define MAX_ID_LENGTH 200
#define MAX_LINE_LENGTH 10000
/* Past this many problems the rest are only counted. */
#define MAX_PROBLEMS 100
#define READ_CHUNK_SIZE ((gsize) 16 << 20)

G_DEFINE_QUARK (ties-document-io-error-quark, ties_document_io_error)

typedef const TiesJsonValue Value;

typedef struct
{
  char *path;
  char *message;
  guint line;
  guint column;
} Problem;

typedef struct
{
  const char *display_name;
  /* The whole file as read, for turning offsets into lines and columns
   * (the parser's offsets count from its start, a byte-order mark too). */
  const char *data;
  gsize length;

  const TiesJsonDocument *json;
  TiesDocument *document;
  /* Every id declared, even by a record refused for another fault, so that
   * one fault is reported once and not again at each reference to it. */
  GHashTable *actor_ids;
  GHashTable *source_ids;
  GHashTable *kind_ids;
  /* Kinds found among the built-in ones so far: finding one walks them. */
  GHashTable *builtin_kinds;
  GPtrArray *problems;
  guint n_problems;
  GPtrArray *warnings;
  TiesDocumentIOError code;
} Loader;

typedef enum {
  EXPECT_STRING,
  EXPECT_NUMBER,
  EXPECT_INTEGER,
  EXPECT_BOOLEAN,
  EXPECT_ARRAY,
  EXPECT_OBJECT,
} Expect;

static void
problem_free (Problem *problem)
{
  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

static const char *
value_type_name (Value *value)
{
  switch (value != NULL ? ties_json_value_get_type (value) : TIES_JSON_NULL)
    {
    case TIES_JSON_OBJECT:
      return _("an object");
    case TIES_JSON_ARRAY:
      return _("an array");
    case TIES_JSON_STRING:
      return _("a string");
    case TIES_JSON_TRUE:
    case TIES_JSON_FALSE:
      return _("true or false");
    case TIES_JSON_NUMBER:
      return _("a number");
    case TIES_JSON_NULL:
    default:
      return _("null");
    }
}

static void
loader_position (Loader *loader,
                 Value  *at,
                 guint  *line,
                 guint  *column)
{
  gsize offset = at != NULL ? ties_json_value_get_offset (at) : ties_json_bom_length (loader->data, loader->length);

  ties_json_offset_to_position (loader->data, loader->length, offset, line, column);
}

/* Values quoted in messages may hold line breaks: one problem is one
 * line, so they are shown escaped. */
static char *
one_line (char *text)
{
  g_autoptr(GString) out = NULL;
  const char *p = text;

  while (*p != '\0' && (guchar) *p >= 0x20)
    p++;
  if (*p == '\0')
    return text;

  out = g_string_new (NULL);
  for (p = text; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\x%02x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_free (text);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Records a problem with the value @at, whose JSON path is @path (taken);
 * @offset moves the column that many characters into a string value. */
static void
loader_problem_at (Loader     *loader,
                   Value      *at,
                   glong       offset,
                   char       *path,
                   const char *format,
                   ...) G_GNUC_PRINTF (5, 6);

static void
loader_problem_at (Loader     *loader,
                   Value      *at,
                   glong       offset,
                   char       *path,
                   const char *format,
                   ...)
{
  Problem *problem;
  va_list args;

  g_assert (loader != NULL);

  loader->n_problems++;
  if (loader->problems->len >= MAX_PROBLEMS)
    {
      g_free (path);
      return;
    }

  problem = g_new0 (Problem, 1);
  problem->path = path;
  va_start (args, format);
  problem->message = one_line (g_strdup_vprintf (format, args));
  va_end (args);

  loader_position (loader, at, &problem->line, &problem->column);
  if (offset >= 0)
    problem->column += 1 + offset;

  g_ptr_array_add (loader->problems, problem);
}

#define loader_problem(loader, at, path, ...) \
  loader_problem_at (loader, at, -1, path, __VA_ARGS__)

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const Problem *pa = *(const Problem **) a;
  const Problem *pb = *(const Problem **) b;

  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;
  if (pa->column != pb->column)
    return pa->column < pb->column ? -1 : 1;

  return 0;
}

static char *
member_path (const char *object_path,
             const char *member)
{
  return g_strdup_printf ("%s.%s", object_path, member);
}

/* "$.events[12]", "$.events[12].evidence[3]": written into @buffer
 * rather than allocated, as every record has one. Record paths are
 * short ("$.", a member's name, two indices), far under the size. */
#define ITEM_PATH_SIZE 128

static const char *
item_path (char       *buffer,
           const char *prefix,
           const char *name,
           guint       index)
{
  char digits[12];
  gsize length = 0, n = 0;

  g_assert (strlen (prefix) + strlen (name) + sizeof digits + 2 < ITEM_PATH_SIZE);

  do
    digits[n++] = '0' + index % 10;
  while ((index /= 10) > 0);

  length = g_strlcpy (buffer, prefix, ITEM_PATH_SIZE);
  length += g_strlcpy (buffer + length, name, ITEM_PATH_SIZE - length);
  buffer[length++] = '[';
  while (n > 0)
    buffer[length++] = digits[--n];
  buffer[length++] = ']';
  buffer[length] = '\0';

  return buffer;
}

static gboolean
value_is (Value  *value,
          Expect  expect)
{
  TiesJsonType type = ties_json_value_get_type (value);

  switch (expect)
    {
    case EXPECT_STRING:
      return type == TIES_JSON_STRING;
    case EXPECT_NUMBER:
      return type == TIES_JSON_NUMBER;
    case EXPECT_INTEGER:
      return type == TIES_JSON_NUMBER && ties_json_value_is_integer (value);
    case EXPECT_BOOLEAN:
      return type == TIES_JSON_TRUE || type == TIES_JSON_FALSE;
    case EXPECT_ARRAY:
      return type == TIES_JSON_ARRAY;
    case EXPECT_OBJECT:
      return type == TIES_JSON_OBJECT;
    default:
      g_assert_not_reached ();
    }
}

static const char *
expected_name (Expect   expect,
               gboolean nullable)
{
  switch (expect)
    {
    case EXPECT_STRING:
      return nullable ? _("a string or null") : _("a string");
    case EXPECT_NUMBER:
      return _("a number");
    case EXPECT_INTEGER:
      return _("a whole number");
    case EXPECT_BOOLEAN:
      return _("true or false");
    case EXPECT_ARRAY:
      return _("an array");
    case EXPECT_OBJECT:
      return nullable ? _("an object or null") : _("an object");
    default:
      g_assert_not_reached ();
    }
}

static void
loader_wrong_type (Loader     *loader,
                   Value      *value,
                   char       *path,
                   Expect      expect,
                   gboolean    nullable)
{
  if (ties_json_value_get_type (value) == TIES_JSON_NUMBER)
    {
      gsize length;
      const char *text = ties_json_document_get_number_text (loader->json, value, &length);
      g_autofree char *number = NULL;

      /* "found 1.5" says more than "found a number"; as written, so that
       * 1e400 is not "inf" nor 1.0 "1". */
      if (length > 40)
        number = g_strdup_printf ("%.40s…", text);
      else
        number = g_strndup (text, length);
      loader_problem (loader, value, path, _("expected %s, found %s"), expected_name (expect, nullable), number);
      return;
    }

  loader_problem (loader, value, path, _("expected %s, found %s"),
                  expected_name (expect, nullable), value_type_name (value));
}

/* Member @name of @object, type-checked. Returns FALSE (after recording
 * a problem) when present with the wrong type, or absent and required;
 * *out is NULL when the member is absent or null. */
static gboolean
loader_member (Loader      *loader,
               Value       *object,
               const char  *path,
               const char  *name,
               Expect       expect,
               gboolean     required,
               gboolean     nullable,
               Value      **out)
{
  Value *value = ties_json_object_lookup (object, name);

  *out = NULL;

  if (value == NULL)
    {
      if (required)
        loader_problem (loader, object, g_strdup (path), _("“%s” is missing"), name);
      return !required;
    }

  if (nullable && ties_json_value_get_type (value) == TIES_JSON_NULL)
    return TRUE;

  if (!value_is (value, expect))
    {
      loader_wrong_type (loader, value, member_path (path, name), expect, nullable);
      return FALSE;
    }

  /* 1e400 is JSON, but no place of the model can hold it. */
  if (expect == EXPECT_NUMBER && !isfinite (ties_json_value_get_double (value)))
    {
      gsize length;
      const char *text = ties_json_document_get_number_text (loader->json, value, &length);

      loader_problem (loader, value, member_path (path, name),
                      /* Translators: %.*s is a number as written, such as 1e400 */
                      _("the number %.*s is out of range"), (int) MIN (length, 40), text);
      return FALSE;
    }

  *out = value;

  return TRUE;
}

static gboolean
check_length (Loader     *loader,
              Value      *value,
              char       *path,
              gsize       max_length)
{
  gsize length = ties_json_value_get_string_length (value);

  if (length <= max_length)
    {
      g_free (path);
      return TRUE;
    }

  loader_problem (loader, value, path,
                  /* %zu, %lld: xgettext does not see through G_GSIZE_FORMAT */
                  _("too long (%zu bytes; at most %zu)"),
                  length, max_length);

  return FALSE;
}

/* FALSE, after a problem, when the string @value holds U+0000: the model
 * keeps C strings, which end there. Only unknown members may hold it. */
static gboolean
check_no_nul (Loader *loader,
              Value  *value,
              char   *path)
{
  const char *quote;
  const char *p;

  if (!ties_json_value_has_nul (value))
    {
      g_free (path);
      return TRUE;
    }

  /* The column of the escape itself: the raw text from the quote on. */
  quote = loader->data + ties_json_value_get_offset (value);
  for (p = quote + 1; *p != '"'; p++)
    if (*p == '\\')
      {
        if (strncmp (p, "\\u0000", 6) == 0)
          break;
        p++;
      }

  loader_problem_at (loader, value, g_utf8_strlen (quote + 1, p - (quote + 1)), path,
                     "%s", _("the character U+0000 (written \\u0000) cannot be kept here"));

  return FALSE;
}

/* A string member; *out stays untouched when absent or null. */
static gboolean
loader_string (Loader      *loader,
               Value       *object,
               const char  *path,
               const char  *name,
               gboolean     required,
               gboolean     nullable,
               gsize        max_length,
               const char **out)
{
  Value *value;

  if (!loader_member (loader, object, path, name, EXPECT_STRING, required, nullable, &value))
    return FALSE;

  if (value == NULL)
    return TRUE;

  if (max_length > 0
      && ties_json_value_get_string_length (value) > max_length
      && !check_length (loader, value, member_path (path, name), max_length))
    return FALSE;

  /* Paths are made only for a problem: most strings have none. */
  if (ties_json_value_has_nul (value) && !check_no_nul (loader, value, member_path (path, name)))
    return FALSE;

  *out = ties_json_value_get_string (value);

  return TRUE;
}

static const char *
loader_id (Loader     *loader,
           Value      *object,
           const char *path)
{
  const char *id = NULL;

  if (!loader_string (loader, object, path, "id", TRUE, FALSE, MAX_ID_LENGTH, &id) || id == NULL)
    return NULL;

  if (!ties_document_is_valid_id (id))
    {
      loader_problem (loader, ties_json_object_lookup (object, "id"), member_path (path, "id"),
                      _("“%s” is not a valid id: use letters, digits and . _ : - and start with a letter or digit"),
                      id);
      return NULL;
    }

  return id;
}

/* An array of strings, or NULL after a problem: the strings are the
 * JSON document's, the array is to be freed with g_free(). */
static const char **
loader_strv_borrowed (Loader     *loader,
                      Value      *object,
                      const char *path,
                      const char *name,
                      gsize       max_length)
{
  g_autoptr(GPtrArray) strings = NULL;
  Value *array;
  guint n;
  gboolean ok = TRUE;

  if (!loader_member (loader, object, path, name, EXPECT_ARRAY, FALSE, FALSE, &array))
    return NULL;

  if (array == NULL)
    return g_new0 (const char *, 1);

  n = ties_json_value_get_length (array);
  strings = g_ptr_array_sized_new (n + 1);
  for (guint i = 0; i < n; i++)
    {
      Value *element = ties_json_array_get (array, i);

      if (ties_json_value_get_type (element) != TIES_JSON_STRING)
        {
          loader_wrong_type (loader, element, g_strdup_printf ("%s.%s[%u]", path, name, i), EXPECT_STRING, FALSE);
          ok = FALSE;
          continue;
        }

      if (ties_json_value_get_string_length (element) > max_length)
        {
          check_length (loader, element, g_strdup_printf ("%s.%s[%u]", path, name, i), max_length);
          ok = FALSE;
          continue;
        }

      if (ties_json_value_has_nul (element)
          && !check_no_nul (loader, element, g_strdup_printf ("%s.%s[%u]", path, name, i)))
        {
          ok = FALSE;
          continue;
        }

      g_ptr_array_add (strings, (gpointer) ties_json_value_get_string (element));
    }

  if (!ok)
    return NULL;
  g_ptr_array_add (strings, NULL);

  return (const char **) g_ptr_array_free (g_steal_pointer (&strings), FALSE);
}

/* The same, copied: an array of strings, or NULL after a problem. */
static GStrv
loader_strv (Loader     *loader,
             Value      *object,
             const char *path,
             const char *name,
             gsize       max_length)
{
  g_autofree const char **strings = loader_strv_borrowed (loader, object, path, name, max_length);

  return strings != NULL ? g_strdupv ((char **) strings) : NULL;
}

/* An EDTF date member, parsed; FALSE after a problem. */
static gboolean
loader_date (Loader      *loader,
             Value       *object,
             const char  *path,
             const char  *name,
             const char **text_out,
             TiesDate   **date_out)
{
  g_autoptr(GError) error = NULL;
  const char *text = NULL;
  gsize offset = 0;
  TiesDate *date;

  if (!loader_string (loader, object, path, name, FALSE, TRUE, MAX_LINE_LENGTH, &text))
    return FALSE;

  if (text == NULL)
    return TRUE;

  date = ties_date_parse (text, &offset, &error);
  if (date == NULL)
    {
      loader_problem_at (loader, ties_json_object_lookup (object, name), offset, member_path (path, name),
                         _("invalid date: %s"), error->message);
      return FALSE;
    }

  *text_out = text;
  if (date_out != NULL)
    *date_out = date;
  else
    ties_date_unref (date);

  return TRUE;
}

/* Unknown members, kept so that a newer file survives a round trip. */
static TiesExtras *
collect_extras (Loader             *loader,
                Value              *object,
                const char * const *known,
                guint               n_known_present)
{
  TiesExtras *extras = NULL;
  guint n = ties_json_value_get_length (object);

  /* Cheap test first: most objects have no unknown member. */
  if (n == n_known_present)
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      const char *name = ties_json_object_get_name (object, i);
      g_autofree char *json = NULL;

      if (g_strv_contains (known, name))
        continue;

      if (extras == NULL)
        extras = ties_extras_new ();
      /* Numbers as written, and a name holding U+0000 as C0 80, as the
       * JSON reader keeps it: the writer gives back the same text. */
      json = ties_json_value_to_string (loader->json, ties_json_object_get_value (object, i));
      ties_extras_add (extras, name, json);
    }

  return extras;
}

static guint
count_known (Value              *object,
             const char * const *known)
{
  guint n = 0;

  for (guint i = 0; known[i] != NULL; i++)
    if (ties_json_object_lookup (object, known[i]) != NULL)
      n++;

  return n;
}

static TiesExtras *
extras_of (Loader             *loader,
           Value              *object,
           const char * const *known)
{
  return collect_extras (loader, object, known, count_known (object, known));
}

static Value *
loader_object_element (Loader     *loader,
                       Value      *array,
                       guint       index,
                       const char *path)
{
  Value *element = ties_json_array_get (array, index);

  if (ties_json_value_get_type (element) != TIES_JSON_OBJECT)
    {
      loader_problem (loader, element, g_strdup (path), _("expected an object, found %s"), value_type_name (element));
      return NULL;
    }

  return element;
}

/* Notes the id of @object, whatever else is wrong with it. */
static void
note_id (GHashTable *ids,
         Value      *object)
{
  Value *id;

  if (ids == NULL || object == NULL)
    return;

  id = ties_json_object_lookup (object, "id");
  if (id != NULL && ties_json_value_get_type (id) == TIES_JSON_STRING)
    g_hash_table_add (ids, (gpointer) ties_json_value_get_string (id));
}

static gboolean
loader_knows_kind (Loader     *loader,
                   const char *kind)
{
  if (g_hash_table_contains (loader->builtin_kinds, kind))
    return TRUE;
  if (ties_event_kind_lookup_builtin (kind) != NULL)
    {
      g_hash_table_add (loader->builtin_kinds, g_strdup (kind));
      return TRUE;
    }

  return g_hash_table_contains (loader->kind_ids, kind);
}

/* A reference to an actor that is not there. */
static void
loader_check_actor (Loader     *loader,
                    Value      *value,
                    const char *id,
                    char       *path)
{
  if (id == NULL || g_hash_table_contains (loader->actor_ids, id))
    {
      g_free (path);
      return;
    }

  loader_problem (loader, value, path, _("no actor has the id “%s”"), id);
}

static const char * const kind_members[] = { "id", "label", "line", "color", NULL };

static gboolean is_valid_color (const char *color);

static gpointer
load_event_kind (Loader     *loader,
                 Value      *object,
                 const char *path)
{
  const char *id, *label = "", *line_text = "solid", *color = NULL;
  TiesLineStyle line = TIES_LINE_SOLID;
  TiesEventKind *kind;
  guint n_problems = loader->n_problems;

  /* A built-in id declared here overrides the built-in kind: that is how
   * a document renames or recolours "meeting". */
  id = loader_id (loader, object, path);
  loader_string (loader, object, path, "label", FALSE, FALSE, MAX_LINE_LENGTH, &label);
  if (loader_string (loader, object, path, "line", FALSE, FALSE, MAX_LINE_LENGTH, &line_text)
      && !ties_line_style_from_string (line_text, &line))
    loader_problem (loader, ties_json_object_lookup (object, "line"), member_path (path, "line"),
                    _("unknown line style “%s”: use solid, dashed, dotted or dash-dot"), line_text);
  if (loader_string (loader, object, path, "color", FALSE, TRUE, MAX_LINE_LENGTH, &color)
      && color != NULL && !is_valid_color (color))
    loader_problem (loader, ties_json_object_lookup (object, "color"), member_path (path, "color"),
                    _("“%s” is not a colour: use #rrggbb"), color);

  if (id == NULL || loader->n_problems != n_problems)
    return NULL;

  kind = ties_event_kind_new (id, label, line);
  ties_event_kind_set_color (kind, color);
  ties_event_kind_take_extras (kind, extras_of (loader, object, kind_members));

  return kind;
}

static const char * const actor_members[] = {
  "id", "name", "kind", "role", "affiliation", "color", "aliases", "notes", "position", NULL
};
static const char * const position_members[] = { "x", "y", "pinned", NULL };

static gboolean
is_valid_color (const char *color)
{
  if (color[0] != '#' || strlen (color) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;

  return TRUE;
}

static gpointer
load_actor (Loader     *loader,
            Value      *object,
            const char *path)
{
  g_autoptr(TiesActor) actor = NULL;
  g_auto(GStrv) aliases = NULL;
  const char *id, *name = NULL, *kind_text = NULL;
  const char *role = "", *affiliation = NULL, *color = NULL, *notes = "";
  TiesActorKind kind = TIES_ACTOR_PERSON;
  Value *position;
  guint n_problems = loader->n_problems;

  id = loader_id (loader, object, path);
  loader_string (loader, object, path, "name", TRUE, FALSE, MAX_LINE_LENGTH, &name);
  if (loader_string (loader, object, path, "kind", FALSE, FALSE, MAX_LINE_LENGTH, &kind_text)
      && kind_text != NULL && !ties_actor_kind_from_string (kind_text, &kind))
    loader_problem (loader, ties_json_object_lookup (object, "kind"), member_path (path, "kind"),
                    _("unknown actor kind “%s”: use person, organisation or group"), kind_text);
  loader_string (loader, object, path, "role", FALSE, FALSE, MAX_LINE_LENGTH, &role);
  if (loader_string (loader, object, path, "affiliation", FALSE, TRUE, MAX_ID_LENGTH, &affiliation)
      && affiliation != NULL)
    {
      if (g_strcmp0 (affiliation, id) == 0)
        loader_problem (loader, ties_json_object_lookup (object, "affiliation"), member_path (path, "affiliation"),
                        _("an actor cannot be its own affiliation"));
      else if (!g_hash_table_contains (loader->actor_ids, affiliation))
        loader_check_actor (loader, ties_json_object_lookup (object, "affiliation"), affiliation,
                            member_path (path, "affiliation"));
    }
  if (loader_string (loader, object, path, "color", FALSE, TRUE, MAX_LINE_LENGTH, &color)
      && color != NULL && !is_valid_color (color))
    loader_problem (loader, ties_json_object_lookup (object, "color"), member_path (path, "color"),
                    _("“%s” is not a colour: use #rrggbb"), color);
  aliases = loader_strv (loader, object, path, "aliases", MAX_LINE_LENGTH);
  loader_string (loader, object, path, "notes", FALSE, FALSE, 0, &notes);

  if (loader_member (loader, object, path, "position", EXPECT_OBJECT, FALSE, TRUE, &position)
      && position != NULL)
    {
      g_autofree char *pos_path = member_path (path, "position");
      Value *x, *y, *pinned;

      if (loader_member (loader, position, pos_path, "x", EXPECT_NUMBER, TRUE, FALSE, &x)
          & loader_member (loader, position, pos_path, "y", EXPECT_NUMBER, TRUE, FALSE, &y)
          & loader_member (loader, position, pos_path, "pinned", EXPECT_BOOLEAN, FALSE, FALSE, &pinned)
          && id != NULL && loader->n_problems == n_problems)
        {
          actor = ties_actor_new (id, name, kind);
          ties_actor_set_has_position (actor, TRUE);
          ties_actor_set_x (actor, ties_json_value_get_double (x));
          ties_actor_set_y (actor, ties_json_value_get_double (y));
          ties_actor_set_pinned (actor, pinned != NULL && ties_json_value_get_type (pinned) == TIES_JSON_TRUE);
          ties_actor_take_position_extras (actor, extras_of (loader, position, position_members));
        }
    }

  if (id == NULL || loader->n_problems != n_problems)
    return NULL;

  if (actor == NULL)
    actor = ties_actor_new (id, name, kind);
  ties_actor_set_role (actor, role);
  ties_actor_set_affiliation (actor, affiliation);
  ties_actor_set_color (actor, color);
  ties_actor_set_aliases (actor, (const char * const *) aliases);
  ties_actor_set_notes (actor, notes);
  ties_actor_take_extras (actor, extras_of (loader, object, actor_members));

  return g_steal_pointer (&actor);
}

typedef gpointer    (*LoadFunc)  (Loader     *loader,
                                  Value      *object,
                                  const char *path);
typedef const char *(*GetIdFunc) (gpointer    item);

/* Converts the root array @name with @load into the document's
 * @collection, in order. Every problem is found before the load fails;
 * only records that converted reach the document. */
static void
load_collection (Loader     *loader,
                 Value      *root,
                 const char *name,
                 GHashTable *ids,
                 LoadFunc    load,
                 GetIdFunc   get_id,
                 const char *what,
                 GListModel *collection)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) seen = NULL;
  Value *array;
  guint n;

  if (!loader_member (loader, root, "$", name, EXPECT_ARRAY, FALSE, FALSE, &array) || array == NULL)
    return;

  n = ties_json_value_get_length (array);
  items = g_ptr_array_new_full (n, g_object_unref);
  seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    {
      char path[ITEM_PATH_SIZE];
      Value *object = loader_object_element (loader, array, i, item_path (path, "$.", name, i));
      gpointer item;
      gpointer first;

      if (object == NULL || (item = load (loader, object, path)) == NULL)
        continue;

      if (g_hash_table_lookup_extended (seen, get_id (item), NULL, &first))
        {
          loader_problem (loader, ties_json_object_lookup (object, "id"), member_path (path, "id"),
                          _("the id “%s” is already used by %s $.%s[%u]"),
                          get_id (item), what, name, GPOINTER_TO_UINT (first));
          g_object_unref (item);
          continue;
        }

      g_hash_table_insert (seen, (gpointer) get_id (item), GUINT_TO_POINTER (i));
      g_ptr_array_add (items, item);
    }

  ties_document_append_loaded (loader->document, collection, items->pdata, items->len);
}

/* Ids are noted before any record is converted: references may point
 * forwards (an affiliation to a later actor). */
static void
note_ids (Value      *root,
          const char *name,
          GHashTable *ids)
{
  Value *array = ties_json_object_lookup (root, name);

  if (array == NULL || ties_json_value_get_type (array) != TIES_JSON_ARRAY)
    return;

  for (guint i = 0; i < ties_json_value_get_length (array); i++)
    {
      Value *element = ties_json_array_get (array, i);

      if (ties_json_value_get_type (element) == TIES_JSON_OBJECT)
        note_id (ids, element);
    }
}

static const char * const source_members[] = {
  "id", "title", "publisher", "author", "url", "published", "retrieved", "notes", "text",
  "dismissed", NULL
};

static gpointer
load_source (Loader     *loader,
             Value      *object,
             const char *path)
{
  TiesSource *source;
  g_auto(GStrv) dismissed = NULL;
  const char *id, *title = "", *publisher = "", *author = "", *url = "";
  const char *published = NULL, *retrieved = NULL, *notes = "", *text = "";
  guint n_problems = loader->n_problems;

  id = loader_id (loader, object, path);
  loader_string (loader, object, path, "title", FALSE, FALSE, MAX_LINE_LENGTH, &title);
  loader_string (loader, object, path, "publisher", FALSE, FALSE, MAX_LINE_LENGTH, &publisher);
  loader_string (loader, object, path, "author", FALSE, FALSE, MAX_LINE_LENGTH, &author);
  loader_string (loader, object, path, "url", FALSE, FALSE, MAX_LINE_LENGTH, &url);
  loader_date (loader, object, path, "published", &published, NULL);
  loader_date (loader, object, path, "retrieved", &retrieved, NULL);
  loader_string (loader, object, path, "notes", FALSE, FALSE, 0, &notes);
  loader_string (loader, object, path, "text", FALSE, FALSE, 0, &text);
  /* As long as the text they come from: whatever was dismissed must load. */
  dismissed = loader_strv (loader, object, path, "dismissed", G_MAXSIZE);

  if (id == NULL || loader->n_problems != n_problems)
    return NULL;

  source = g_object_new (TIES_TYPE_SOURCE,
                         "id", id,
                         "title", title,
                         "publisher", publisher,
                         "author", author,
                         "url", url,
                         "published", published,
                         "retrieved", retrieved,
                         "notes", notes,
                         "text", text,
                         "dismissed", dismissed,
                         NULL);
  ties_source_take_extras (source, extras_of (loader, object, source_members));

  return source;
}

static const char * const event_members[] = {
  "id", "title", "kind", "date", "date_phrase", "place", "participants",
  "initiator", "evidence", "tags", "notes", NULL
};
static const char * const evidence_members[] = { "source", "selector", NULL };
static const char * const selector_members[] = { "exact", "prefix", "suffix", "start", "end", NULL };

static gboolean
loader_offset (Loader     *loader,
               Value      *object,
               const char *path,
               const char *name,
               guint      *out)
{
  Value *value;
  gint64 number;

  if (!loader_member (loader, object, path, name, EXPECT_INTEGER, FALSE, FALSE, &value))
    return FALSE;

  if (value == NULL)
    return TRUE;

  number = ties_json_value_get_int (value);
  if (number < 0 || number > G_MAXINT32)
    {
      loader_problem (loader, value, member_path (path, name),
                      _("%lld is not a character offset"), (long long) number);
      return FALSE;
    }

  *out = (guint) number;

  return TRUE;
}

static void
loader_warning (Loader     *loader,
                Value      *at,
                const char *path,
                char       *message)
{
  guint line, column;

  if (loader->warnings != NULL)
    {
      loader_position (loader, at, &line, &column);
      g_ptr_array_add (loader->warnings,
                       one_line (g_strdup_printf ("%s:%u:%u: %s: %s", loader->display_name, line, column, path, message)));
    }

  g_free (message);
}

static TiesEvidence *
load_evidence (Loader     *loader,
               Value      *object,
               const char *path)
{
  g_autoptr(TiesEvidence) evidence = NULL;
  g_autofree char *selector_path = NULL;
  const char *source_id = NULL, *exact = NULL, *prefix = "", *suffix = "";
  guint start = 0, end = 0;
  Value *selector;
  TiesSource *source;
  guint n_problems = loader->n_problems;
  gboolean have_source, have_selector;

  /* Both looked at, so both problems are reported in one pass. */
  have_source = loader_string (loader, object, path, "source", TRUE, FALSE, MAX_ID_LENGTH, &source_id);
  have_selector = loader_member (loader, object, path, "selector", EXPECT_OBJECT, TRUE, FALSE, &selector);
  if (!have_source || !have_selector)
    return NULL;

  selector_path = member_path (path, "selector");
  loader_string (loader, selector, selector_path, "exact", TRUE, FALSE, 0, &exact);
  loader_string (loader, selector, selector_path, "prefix", FALSE, FALSE, 0, &prefix);
  loader_string (loader, selector, selector_path, "suffix", FALSE, FALSE, 0, &suffix);
  loader_offset (loader, selector, selector_path, "start", &start);
  loader_offset (loader, selector, selector_path, "end", &end);

  if (!g_hash_table_contains (loader->source_ids, source_id))
    loader_problem (loader, ties_json_object_lookup (object, "source"), member_path (path, "source"),
                    _("no source has the id “%s”"), source_id);

  if (loader->n_problems != n_problems)
    return NULL;

  evidence = ties_evidence_new (source_id, exact, start, end);
  ties_evidence_set_prefix (evidence, prefix);
  ties_evidence_set_suffix (evidence, suffix);
  ties_evidence_take_extras (evidence, extras_of (loader, object, evidence_members));
  ties_evidence_take_selector_extras (evidence, extras_of (loader, selector, selector_members));

  /* A source refused for another fault has no text to check against. */
  source = ties_document_lookup_source (loader->document, source_id);
  if (source == NULL)
    return g_steal_pointer (&evidence);

  switch (ties_evidence_anchor (evidence, source))
    {
    case TIES_EVIDENCE_REANCHORED:
      loader_warning (loader, object, path,
                      g_strdup_printf (_("the offsets %u–%u did not select the quote; it was found once, at %u–%u"),
                                       start, end,
                                       ties_evidence_get_start (evidence),
                                       ties_evidence_get_end (evidence)));
      break;

    case TIES_EVIDENCE_ORPHANED:
      loader_warning (loader, object, path,
                      g_strdup_printf (_("orphaned evidence: the quote is not in the text of “%s” exactly once; it is kept as written"),
                                       source_id));
      break;

    case TIES_EVIDENCE_UNCHECKED:
    case TIES_EVIDENCE_ANCHORED:
    default:
      break;
    }

  return g_steal_pointer (&evidence);
}

static gpointer
load_event (Loader     *loader,
            Value      *object,
            const char *path)
{
  g_autoptr(TiesEvent) event = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(TiesDate) parsed_date = NULL;
  /* Borrowed from the JSON document: the event copies them. */
  g_autofree const char **participants = NULL;
  g_autofree const char **tags = NULL;
  const char *id, *title = NULL, *kind = "other", *date = NULL, *date_phrase = "";
  const char *place = NULL, *initiator = NULL, *notes = "";
  Value *evidence_array;
  guint n_problems = loader->n_problems;

  id = loader_id (loader, object, path);
  loader_string (loader, object, path, "title", TRUE, FALSE, MAX_LINE_LENGTH, &title);
  if (loader_string (loader, object, path, "kind", FALSE, FALSE, MAX_ID_LENGTH, &kind)
      && !loader_knows_kind (loader, kind))
    loader_problem (loader, ties_json_object_lookup (object, "kind"), member_path (path, "kind"),
                    _("unknown event kind “%s”: declare it in “event_kinds”"), kind);
  loader_date (loader, object, path, "date", &date, &parsed_date);
  loader_string (loader, object, path, "date_phrase", FALSE, FALSE, MAX_LINE_LENGTH, &date_phrase);
  loader_string (loader, object, path, "place", FALSE, TRUE, MAX_LINE_LENGTH, &place);
  participants = loader_strv_borrowed (loader, object, path, "participants", MAX_ID_LENGTH);
  if (loader_string (loader, object, path, "initiator", FALSE, TRUE, MAX_ID_LENGTH, &initiator)
      && initiator != NULL && !g_hash_table_contains (loader->actor_ids, initiator))
    loader_check_actor (loader, ties_json_object_lookup (object, "initiator"), initiator,
                        member_path (path, "initiator"));
  tags = loader_strv_borrowed (loader, object, path, "tags", MAX_LINE_LENGTH);
  loader_string (loader, object, path, "notes", FALSE, FALSE, 0, &notes);

  if (participants != NULL)
    {
      Value *array = ties_json_object_lookup (object, "participants");

      for (guint i = 0; participants[i] != NULL; i++)
        if (!g_hash_table_contains (loader->actor_ids, participants[i]))
          loader_check_actor (loader, ties_json_array_get (array, i), participants[i],
                              g_strdup_printf ("%s.participants[%u]", path, i));
    }

  if (loader_member (loader, object, path, "evidence", EXPECT_ARRAY, FALSE, FALSE, &evidence_array)
      && evidence_array != NULL)
    {
      guint n = ties_json_value_get_length (evidence_array);

      evidence = g_ptr_array_new_full (n, g_object_unref);
      for (guint i = 0; i < n; i++)
        {
          char evidence_path[ITEM_PATH_SIZE];
          Value *item = loader_object_element (loader, evidence_array, i,
                                               item_path (evidence_path, path, ".evidence", i));
          TiesEvidence *loaded;

          if (item != NULL && (loaded = load_evidence (loader, item, evidence_path)) != NULL)
            g_ptr_array_add (evidence, loaded);
        }
    }

  if (id == NULL || loader->n_problems != n_problems)
    return NULL;

  event = ties_event_new (id, title, kind);
  ties_event_set_date (event, date);
  /* Parsed once here, not again by the first network derivation. */
  _ties_event_take_parsed_date (event, g_steal_pointer (&parsed_date));
  ties_event_set_date_phrase (event, date_phrase);
  ties_event_set_place (event, place);
  ties_event_set_participants (event, (const char * const *) participants);
  ties_event_set_initiator (event, initiator);
  ties_event_set_tags (event, (const char * const *) tags);
  ties_event_set_notes (event, notes);
  /* The event is new: nothing listens to its evidence yet. */
  if (evidence != NULL && evidence->len > 0)
    g_list_store_splice (ties_event_get_evidence (event), 0, 0, evidence->pdata, evidence->len);
  ties_event_take_extras (event, extras_of (loader, object, event_members));

  return g_steal_pointer (&event);
}

static const char * const view_members[] = { "layout", "colors", "focus", "positions", "filter", NULL };
static const char * const filter_members[] = {
  "from", "to", "kinds", "actors", "tie", "text", "source", "diagram", NULL
};

static void
load_filter (Loader *loader,
             Value  *filter)
{
  TiesFilter *saved = ties_document_get_filter (loader->document);
  const char *from = NULL, *to = NULL, *text = NULL, *source = NULL, *diagram = "hide";
  g_auto(GStrv) kinds = NULL;
  g_auto(GStrv) actors = NULL;
  g_auto(GStrv) tie = NULL;
  Value *value;

  loader_date (loader, filter, "$.view.filter", "from", &from, NULL);
  loader_date (loader, filter, "$.view.filter", "to", &to, NULL);
  kinds = loader_strv (loader, filter, "$.view.filter", "kinds", MAX_ID_LENGTH);
  for (guint i = 0; kinds != NULL && kinds[i] != NULL; i++)
    if (!loader_knows_kind (loader, kinds[i]))
      loader_problem (loader, ties_json_array_get (ties_json_object_lookup (filter, "kinds"), i),
                      g_strdup_printf ("$.view.filter.kinds[%u]", i),
                      _("unknown event kind “%s”"), kinds[i]);

  /* The parts added after the first files: each optional. */
  actors = loader_strv (loader, filter, "$.view.filter", "actors", MAX_ID_LENGTH);
  for (guint i = 0; actors != NULL && actors[i] != NULL; i++)
    loader_check_actor (loader, ties_json_array_get (ties_json_object_lookup (filter, "actors"), i),
                        actors[i], g_strdup_printf ("$.view.filter.actors[%u]", i));

  if (loader_member (loader, filter, "$.view.filter", "tie", EXPECT_ARRAY, FALSE, TRUE, &value) && value != NULL)
    {
      tie = loader_strv (loader, filter, "$.view.filter", "tie", MAX_ID_LENGTH);
      if (tie != NULL && g_strv_length (tie) != 2)
        {
          loader_problem (loader, value, g_strdup ("$.view.filter.tie"),
                          _("a tie names two actors"));
          g_clear_pointer (&tie, g_strfreev);
        }
      for (guint i = 0; tie != NULL && tie[i] != NULL; i++)
        loader_check_actor (loader, ties_json_array_get (value, i), tie[i],
                            g_strdup_printf ("$.view.filter.tie[%u]", i));
    }

  loader_string (loader, filter, "$.view.filter", "text", FALSE, TRUE, MAX_LINE_LENGTH, &text);
  if (loader_string (loader, filter, "$.view.filter", "source", FALSE, TRUE, MAX_ID_LENGTH, &source)
      && source != NULL && !g_hash_table_contains (loader->source_ids, source))
    {
      loader_problem (loader, ties_json_object_lookup (filter, "source"), g_strdup ("$.view.filter.source"),
                      _("no source has the id “%s”"), source);
      source = NULL;
    }
  if (loader_string (loader, filter, "$.view.filter", "diagram", FALSE, FALSE, MAX_ID_LENGTH, &diagram)
      && !g_strv_contains ((const char * const[]) { "hide", "highlight", NULL }, diagram))
    {
      loader_problem (loader, ties_json_object_lookup (filter, "diagram"), g_strdup ("$.view.filter.diagram"),
                      _("unknown diagram filter “%s”: use hide or highlight"), diagram);
      diagram = "hide";
    }

  /* Dates were checked above: a refused one is a problem already. */
  ties_filter_set_range (saved, from, to);
  ties_filter_set_kinds (saved, (const char * const *) kinds);
  ties_filter_set_actors (saved, (const char * const *) actors);
  if (tie != NULL)
    ties_filter_set_tie (saved, tie[0], tie[1]);
  ties_filter_set_text (saved, text);
  ties_filter_set_source (saved, source);
  ties_filter_set_diagram (saved, g_str_equal (diagram, "highlight")
                                    ? TIES_FILTER_DIAGRAM_HIGHLIGHT : TIES_FILTER_DIAGRAM_HIDE);
  ties_document_take_filter_extras (loader->document, extras_of (loader, filter, filter_members));
}

/* view.positions: {"ACTOR-ID": [x, y], …}, where the last layout drew
 * each actor; an actor it does not name is laid out afresh. */
static void
load_positions (Loader *loader,
                Value  *object)
{
  g_autoptr(GHashTable) positions = ties_document_new_positions ();
  guint n = ties_json_value_get_length (object);

  for (guint i = 0; i < n; i++)
    {
      const char *id = ties_json_object_get_name (object, i);
      Value *value = ties_json_object_get_value (object, i);
      g_autofree char *path = member_path ("$.view.positions", id);
      double xy[2];
      gboolean ok = TRUE;

      if (!g_hash_table_contains (loader->actor_ids, id))
        {
          loader_problem (loader, value, g_steal_pointer (&path), _("no actor has the id “%s”"), id);
          continue;
        }
      if (ties_json_value_get_type (value) != TIES_JSON_ARRAY)
        {
          loader_problem (loader, value, g_steal_pointer (&path),
                          _("expected a place [x, y], found %s"), value_type_name (value));
          continue;
        }
      if (ties_json_value_get_length (value) != 2)
        {
          loader_problem (loader, value, g_steal_pointer (&path),
                          _("a place is two numbers [x, y], not %u"), ties_json_value_get_length (value));
          continue;
        }
      for (guint k = 0; k < 2; k++)
        {
          Value *number = ties_json_array_get (value, k);
          g_autofree char *number_path = g_strdup_printf ("%s[%u]", path, k);

          if (ties_json_value_get_type (number) != TIES_JSON_NUMBER)
            {
              loader_wrong_type (loader, number, g_steal_pointer (&number_path), EXPECT_NUMBER, FALSE);
              ok = FALSE;
              continue;
            }
          xy[k] = ties_json_value_get_double (number);
          /* Beyond this a layout sees no place at all (ties-graph.h's
           * TIES_GRAPH_MAX_COORD): 1e400 or 1e300 is a broken file. */
          if (!isfinite (xy[k]) || fabs (xy[k]) > 1e9)
            {
              gsize length;
              const char *text = ties_json_document_get_number_text (loader->json, number, &length);

              loader_problem (loader, number, g_steal_pointer (&number_path),
                              /* Translators: %.*s is a number as written, such as 1e400 */
                              _("the number %.*s is out of range"), (int) MIN (length, 40), text);
              ok = FALSE;
            }
        }
      if (ok)
        g_hash_table_insert (positions, g_strdup (id), g_memdup2 (xy, sizeof xy));
    }

  ties_document_set_positions (loader->document, positions);
}

static void
load_view (Loader *loader,
           Value  *root)
{
  const char *layout = "force", *colors = "affiliation", *focus = NULL;
  Value *view, *filter, *positions;

  if (!loader_member (loader, root, "$", "view", EXPECT_OBJECT, FALSE, TRUE, &view) || view == NULL)
    return;

  if (loader_string (loader, view, "$.view", "layout", FALSE, FALSE, MAX_ID_LENGTH, &layout)
      && !g_strv_contains ((const char * const[]) { "force", "radial", "circle", NULL }, layout))
    loader_problem (loader, ties_json_object_lookup (view, "layout"), g_strdup ("$.view.layout"),
                    _("unknown layout “%s”: use force, radial or circle"), layout);
  if (loader_string (loader, view, "$.view", "colors", FALSE, FALSE, MAX_ID_LENGTH, &colors)
      && !g_strv_contains ((const char * const[]) { "affiliation", "community", NULL }, colors))
    loader_problem (loader, ties_json_object_lookup (view, "colors"), g_strdup ("$.view.colors"),
                    _("unknown colours “%s”: use affiliation or community"), colors);
  if (loader_string (loader, view, "$.view", "focus", FALSE, TRUE, MAX_ID_LENGTH, &focus))
    loader_check_actor (loader, ties_json_object_lookup (view, "focus"), focus, g_strdup ("$.view.focus"));

  ties_document_set_layout (loader->document, layout);
  ties_document_set_colors (loader->document, colors);
  ties_document_set_focus (loader->document, focus);
  ties_document_take_view_extras (loader->document, extras_of (loader, view, view_members));

  if (loader_member (loader, view, "$.view", "positions", EXPECT_OBJECT, FALSE, TRUE, &positions)
      && positions != NULL)
    load_positions (loader, positions);

  if (loader_member (loader, view, "$.view", "filter", EXPECT_OBJECT, FALSE, TRUE, &filter) && filter != NULL)
    load_filter (loader, filter);
}

static const char * const root_members[] = {
  "format", "version", "title", "description", "event_kinds",
  "actors", "sources", "events", "view", NULL
};

static void
load_root (Loader *loader,
           Value  *root)
{
  const char *format = NULL, *title = "", *description = "";
  Value *version;
  gint64 number;

  /* Before anything else: a file of another kind or a newer version
   * would only produce a flood of misleading problems. */
  if (!loader_string (loader, root, "$", "format", TRUE, FALSE, MAX_LINE_LENGTH, &format))
    {
      loader->code = TIES_DOCUMENT_IO_ERROR_FORMAT;
      return;
    }
  if (g_strcmp0 (format, "ties") != 0)
    {
      loader_problem (loader, ties_json_object_lookup (root, "format"), g_strdup ("$.format"),
                      _("not a Ties document: “format” is “%s”, not “ties”"), format);
      loader->code = TIES_DOCUMENT_IO_ERROR_FORMAT;
      return;
    }

  if (!loader_member (loader, root, "$", "version", EXPECT_INTEGER, TRUE, FALSE, &version))
    {
      loader->code = TIES_DOCUMENT_IO_ERROR_FORMAT;
      return;
    }
  number = ties_json_value_get_int (version);
  if (number > TIES_FORMAT_VERSION)
    {
      loader_problem (loader, version, g_strdup ("$.version"),
                      _("this document is format version %lld, written by a newer Ties; this version reads version %d and older: please update Ties"),
                      (long long) number, TIES_FORMAT_VERSION);
      loader->code = TIES_DOCUMENT_IO_ERROR_VERSION;
      return;
    }
  if (number < 1)
    {
      loader_problem (loader, version, g_strdup ("$.version"),
                      _("%lld is not a format version"), (long long) number);
      loader->code = TIES_DOCUMENT_IO_ERROR_FORMAT;
      return;
    }

  loader_string (loader, root, "$", "title", FALSE, FALSE, MAX_LINE_LENGTH, &title);
  loader_string (loader, root, "$", "description", FALSE, FALSE, 0, &description);
  ties_document_set_title (loader->document, title);
  ties_document_set_description (loader->document, description);
  ties_document_take_extras (loader->document, extras_of (loader, root, root_members));

  note_ids (root, "event_kinds", loader->kind_ids);
  note_ids (root, "actors", loader->actor_ids);
  note_ids (root, "sources", loader->source_ids);

  /* Order matters: sources before the events whose evidence they anchor. */
  load_collection (loader, root, "event_kinds", NULL,
                   load_event_kind, (GetIdFunc) ties_event_kind_get_id, _("kind"),
                   ties_document_get_event_kinds (loader->document));
  load_collection (loader, root, "actors", NULL,
                   load_actor, (GetIdFunc) ties_actor_get_id, _("actor"),
                   ties_document_get_actors (loader->document));
  load_collection (loader, root, "sources", NULL,
                   load_source, (GetIdFunc) ties_source_get_id, _("source"),
                   ties_document_get_sources (loader->document));
  load_collection (loader, root, "events", NULL,
                   load_event, (GetIdFunc) ties_event_get_id, _("event"),
                   ties_document_get_events (loader->document));
  load_view (loader, root);
}

static GError *
loader_error (Loader *loader)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_ptr_array_sort (loader->problems, compare_problems);

  for (guint i = 0; i < loader->problems->len; i++)
    {
      Problem *problem = g_ptr_array_index (loader->problems, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s:%u:%u: %s: %s",
                              loader->display_name, problem->line, problem->column,
                              problem->path, problem->message);
    }

  if (loader->n_problems > loader->problems->len)
    {
      guint more = loader->n_problems - loader->problems->len;
      g_autofree char *line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "and %u more problem",
                                                            "and %u more problems",
                                                            more),
                                               more);

      g_string_append_printf (text, "\n%s: %s", loader->display_name, line);
    }

  return g_error_new_literal (TIES_DOCUMENT_IO_ERROR, loader->code, text->str);
}

/* @path for a message: one nested 256 levels deep is 700 characters, of
 * which the start says where and the end what; the middle is elided, at
 * the start of a step. */
static char *
shown_path (const char *path)
{
  const gsize max_length = 120;
  const char *head_end;
  const char *tail;
  gsize length;

  g_assert (path != NULL);

  length = strlen (path);
  if (length <= max_length)
    return g_strdup (path);

  head_end = path + max_length / 2;
  while (head_end > path + 1 && *head_end != '.' && *head_end != '[')
    head_end--;
  tail = path + length - max_length / 2;
  while (*tail != '\0' && *tail != '.' && *tail != '[')
    tail++;

  return g_strdup_printf ("%.*s…%s", (int) (head_end - path), path, tail);
}

TiesDocument *
ties_document_load_from_data (const char  *data,
                              gsize        length,
                              const char  *display_name,
                              GPtrArray  **warnings,
                              GError     **error)
{
  g_autoptr(TiesJsonDocument) json = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(TiesDocument) document = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) warning_lines = NULL;
  g_autoptr(GHashTable) actor_ids = NULL;
  g_autoptr(GHashTable) source_ids = NULL;
  g_autoptr(GHashTable) kind_ids = NULL;
  g_autoptr(GHashTable) builtin_kinds = NULL;
  g_auto(TiesJsonPosition) position = { 0 };
  Loader loader = { 0 };
  Value *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  json = ties_json_document_parse (data, length, TIES_JSON_MAX_DEPTH, &position, &local_error);
  if (json == NULL)
    {
      g_autofree char *path = position.path != NULL ? shown_path (position.path) : NULL;

      g_assert (local_error->domain == TIES_JSON_ERROR);

      switch ((TiesJsonError) local_error->code)
        {
        case TIES_JSON_ERROR_EMPTY:
          /* No value, so no path. */
          g_set_error (error, TIES_DOCUMENT_IO_ERROR, TIES_DOCUMENT_IO_ERROR_ENCODING,
                       "%s:%u:%u: %s", display_name, position.line, position.column,
                       local_error->message);
          break;

        case TIES_JSON_ERROR_ENCODING:
        case TIES_JSON_ERROR_DEPTH:
          /* Not a mistake in the JSON, but bytes no text has or nesting no
           * document needs: said as such. */
          g_set_error (error, TIES_DOCUMENT_IO_ERROR, TIES_DOCUMENT_IO_ERROR_ENCODING,
                       "%s:%u:%u: %s: %s", display_name, position.line, position.column,
                       path, local_error->message);
          break;

        case TIES_JSON_ERROR_DUPLICATE:
          /* JSON allows it, but readers differ on which member wins. */
          g_set_error (error, TIES_DOCUMENT_IO_ERROR, TIES_DOCUMENT_IO_ERROR_SYNTAX,
                       "%s:%u:%u: %s: %s", display_name, position.line, position.column,
                       path, local_error->message);
          break;

        case TIES_JSON_ERROR_SYNTAX:
        default:
          /* Translators: NAME:LINE:COLUMN: JSON-PATH: not valid JSON: what is wrong */
          g_set_error (error, TIES_DOCUMENT_IO_ERROR, TIES_DOCUMENT_IO_ERROR_SYNTAX,
                       _("%s:%u:%u: %s: not valid JSON: %s"), display_name, position.line, position.column,
                       path, local_error->message);
          break;
        }
      return NULL;
    }

  document = ties_document_new ();
  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  warning_lines = g_ptr_array_new_with_free_func (g_free);
  actor_ids = g_hash_table_new (g_str_hash, g_str_equal);
  source_ids = g_hash_table_new (g_str_hash, g_str_equal);
  kind_ids = g_hash_table_new (g_str_hash, g_str_equal);
  builtin_kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  loader.display_name = display_name;
  loader.json = json;
  loader.data = data;
  loader.length = length;
  loader.document = document;
  loader.problems = problems;
  loader.actor_ids = actor_ids;
  loader.source_ids = source_ids;
  loader.kind_ids = kind_ids;
  loader.builtin_kinds = builtin_kinds;
  loader.warnings = warnings != NULL ? warning_lines : NULL;
  loader.code = TIES_DOCUMENT_IO_ERROR_INVALID;

  root = ties_json_document_get_root (json);
  if (ties_json_value_get_type (root) != TIES_JSON_OBJECT)
    {
      guint line, column;

      loader_position (&loader, root, &line, &column);
      g_set_error (error, TIES_DOCUMENT_IO_ERROR, TIES_DOCUMENT_IO_ERROR_FORMAT,
                   _("%s:%u:%u: $: a Ties document is a JSON object, but this file holds %s"),
                   display_name, line, column, value_type_name (root));
      return NULL;
    }

  load_root (&loader, root);

  if (loader.n_problems > 0)
    {
      g_propagate_error (error, loader_error (&loader));
      return NULL;
    }

  if (warnings != NULL)
    *warnings = g_steal_pointer (&warning_lines);

  /* Loading is not an edit. */
  ties_history_clear (ties_document_get_history (document));

  return g_steal_pointer (&document);
}

/* Names the limit exactly: a file just over it has the same size in GiB. */
static void
set_too_large (GError     **error,
               const char  *display_name,
               guint64      size)
{
  g_autofree char *limit = g_format_size_full (TIES_DOCUMENT_MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);

  if (size > 0)
    g_set_error (error, TIES_DOCUMENT_IO_ERROR, TIES_DOCUMENT_IO_ERROR_TOO_LARGE,
                 /* Translators: the second %s is a size such as 1.0 GiB */
                 _("%s: the file is too large to open (%llu bytes; at most %s, %llu bytes)"),
                 display_name, (unsigned long long) size,
                 limit, (unsigned long long) TIES_DOCUMENT_MAX_FILE_SIZE);
  else
    g_set_error (error, TIES_DOCUMENT_IO_ERROR, TIES_DOCUMENT_IO_ERROR_TOO_LARGE,
                 _("%s: the file is too large to open (it grew past %s, %llu bytes, while it was read)"),
                 display_name, limit, (unsigned long long) TIES_DOCUMENT_MAX_FILE_SIZE);
}

/* Refuses what is not a regular file, by what its type is. */
static gboolean
check_file_type (GFileType    type,
                 const char  *display_name,
                 GError     **error)
{
  if (type == G_FILE_TYPE_REGULAR)
    return TRUE;

  if (type == G_FILE_TYPE_DIRECTORY)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                 _("%s: this is a folder, not a document"), display_name);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("%s: not a regular file (a device, pipe or socket): Ties opens only documents stored as files"),
                 display_name);

  return FALSE;
}

/* Reads all of @stream, or of @fd when @stream is NULL, of @size bytes by
 * its own account, but never more than the limit: a file that grows while
 * it is read (a log, another program still writing) cannot take all
 * memory. */
static GBytes *
read_bounded (GInputStream  *stream,
              int            fd,
              guint64        size,
              const char    *display_name,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *buffer = NULL;
  gsize capacity;
  gsize length = 0;

  /* One byte more than announced, to see the end at once. */
  capacity = (gsize) MIN (size, TIES_DOCUMENT_MAX_FILE_SIZE) + 1;
  buffer = g_malloc (capacity);

  for (;;)
    {
      gssize n;

      if (length == capacity)
        {
          if (capacity > TIES_DOCUMENT_MAX_FILE_SIZE)
            {
              set_too_large (error, display_name, 0);
              return NULL;
            }
          capacity = (gsize) MIN ((guint64) capacity * 2, TIES_DOCUMENT_MAX_FILE_SIZE + 1);
          buffer = g_realloc (buffer, capacity);
        }

      if (stream != NULL)
        {
          n = g_input_stream_read (stream, buffer + length, MIN (capacity - length, READ_CHUNK_SIZE),
                                   cancellable, error);
          if (n < 0)
            {
              g_prefix_error (error, "%s: ", display_name);
              return NULL;
            }
        }
      else
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return NULL;
          /* In pieces, so that a cancelled load stops soon. */
          n = read (fd, buffer + length, MIN (capacity - length, READ_CHUNK_SIZE));
          if (n < 0 && errno == EINTR)
            continue;
          if (n < 0)
            {
              int saved_errno = errno;

              g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           "%s: %s", display_name, g_strerror (saved_errno));
              return NULL;
            }
        }
      if (n == 0)
        break;
      length += (gsize) n;
    }

  if (length > TIES_DOCUMENT_MAX_FILE_SIZE)
    {
      set_too_large (error, display_name, 0);
      return NULL;
    }

  return g_bytes_new_take (g_steal_pointer (&buffer), length);
}

/* A local file: opened without blocking (a named pipe would wait for a
 * writer), then checked by what was opened, not by its name, which may
 * change in between. */
static GBytes *
read_local (const char    *path,
            const char    *display_name,
            GCancellable  *cancellable,
            GError       **error)
{
  GBytes *bytes;
  struct stat st;
  int fd;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", display_name, g_strerror (saved_errno));
      return NULL;
    }

  if (!check_file_type (S_ISREG (st.st_mode) ? G_FILE_TYPE_REGULAR
                        : S_ISDIR (st.st_mode) ? G_FILE_TYPE_DIRECTORY : G_FILE_TYPE_SPECIAL,
                        display_name, error))
    {
      close (fd);
      return NULL;
    }

  if ((guint64) st.st_size > TIES_DOCUMENT_MAX_FILE_SIZE)
    {
      close (fd);
      set_too_large (error, display_name, (guint64) st.st_size);
      return NULL;
    }

  /* Read, not mapped: a mapped file that another program shortens kills
   * the reader with SIGBUS. */
  bytes = read_bounded (NULL, fd, (guint64) st.st_size, display_name, cancellable, error);
  close (fd);

  return bytes;
}

TiesDocument *
ties_document_load_from_file (GFile         *file,
                              GPtrArray    **warnings,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_file_get_parse_name (file);

  if (g_file_peek_path (file) != NULL)
    bytes = read_local (g_file_peek_path (file), display_name, cancellable, error);
  else
    {
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GFileInputStream) stream = NULL;
      guint64 size;

      info = g_file_query_info (file,
                                G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                G_FILE_QUERY_INFO_NONE, cancellable, error);
      if (info == NULL)
        {
          g_prefix_error (error, "%s: ", display_name);
          return NULL;
        }
      if (!check_file_type (g_file_info_get_file_type (info), display_name, error))
        return NULL;
      size = (guint64) MAX (g_file_info_get_size (info), 0);
      if (size > TIES_DOCUMENT_MAX_FILE_SIZE)
        {
          set_too_large (error, display_name, size);
          return NULL;
        }

      stream = g_file_read (file, cancellable, error);
      if (stream == NULL)
        {
          g_prefix_error (error, "%s: ", display_name);
          return NULL;
        }
      bytes = read_bounded (G_INPUT_STREAM (stream), -1, size, display_name, cancellable, error);
    }

  if (bytes == NULL)
    return NULL;

  return ties_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                       display_name, warnings, error);
}

typedef struct
{
  TiesDocument *document;
  GPtrArray *warnings;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_object (&result->document);
  g_clear_pointer (&result->warnings, g_ptr_array_unref);
  g_free (result);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadResult *result = g_new0 (LoadResult, 1);
  GError *error = NULL;

  result->document = ties_document_load_from_file (task_data, &result->warnings, cancellable, &error);
  if (result->document == NULL)
    {
      load_result_free (result);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

void
ties_document_load_async (GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ties_document_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

TiesDocument *
ties_document_load_finish (GAsyncResult  *result,
                           GPtrArray    **warnings,
                           GError       **error)
{
  LoadResult *loaded;
  TiesDocument *document;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ties_document_load_async, NULL);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return NULL;

  document = g_steal_pointer (&loaded->document);
  if (warnings != NULL)
    *warnings = g_steal_pointer (&loaded->warnings);
  load_result_free (loaded);

  return document;
}
