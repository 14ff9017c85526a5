/* ties-document-io.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "ties-date.h"
#include "ties-document-io.h"
#include "ties-json-scan.h"
#include "ties-json-writer.h"

/* Names and titles are lines, not essays: a limit keeps a hostile file
 * from putting megabytes into a label. Texts, notes and quotes have none. */
#define MAX_ID_LENGTH 200
#define MAX_LINE_LENGTH 10000
/* Past this many problems the rest are only counted. */
#define MAX_PROBLEMS 100

G_DEFINE_QUARK (ties-document-io-error-quark, ties_document_io_error)

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
  /* The whole file, for finding where a problem is. */
  const char *data;
  gsize length;

  TiesDocument *document;
  /* Every id declared, even by a record refused for another fault, so that
   * one fault is reported once and not again at each reference to it. */
  GHashTable *actor_ids;
  GHashTable *source_ids;
  GHashTable *kind_ids;
  GPtrArray *problems;
  guint n_problems;
  GPtrArray *warnings;
  TiesDocumentIOError code;
} Loader;

static void
problem_free (Problem *problem)
{
  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

static const char *
node_type_name (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return _("null");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("an array");

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    default:
      return _("a number");
    }
}

/* Records a problem at @path (a JSON path, "$.events[3].date"); @offset
 * moves the column that many characters into a string value. */
static void
loader_problem_at (Loader     *loader,
                   gboolean    key,
                   glong       offset,
                   char       *path,
                   const char *format,
                   ...) G_GNUC_PRINTF (5, 6);

static void
loader_problem_at (Loader     *loader,
                   gboolean    key,
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
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);

  ties_json_locate (loader->data, loader->length, path, key, &problem->line, &problem->column);
  if (offset >= 0)
    problem->column += 1 + offset;

  g_ptr_array_add (loader->problems, problem);
}

#define loader_problem(loader, path, ...) \
  loader_problem_at (loader, FALSE, -1, path, __VA_ARGS__)

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

/* Member @name of @object, type-checked. Returns FALSE (after recording
 * a problem) when present with the wrong type, or absent and required. */
static gboolean
loader_member (Loader      *loader,
               JsonObject  *object,
               const char  *path,
               const char  *name,
               JsonNodeType type,
               GType        value_type,
               gboolean     required,
               gboolean     nullable,
               JsonNode   **out)
{
  JsonNode *node = json_object_get_member (object, name);

  *out = NULL;

  if (node == NULL)
    {
      if (required)
        loader_problem (loader, g_strdup (path), _("“%s” is missing"), name);
      return !required;
    }

  if (JSON_NODE_HOLDS_NULL (node) && nullable)
    return TRUE;

  if (json_node_get_node_type (node) != type
      || (type == JSON_NODE_VALUE && value_type != G_TYPE_INVALID
          && json_node_get_value_type (node) != value_type
          && !(value_type == G_TYPE_DOUBLE && json_node_get_value_type (node) == G_TYPE_INT64)))
    {
      const char *expected;

      if (type == JSON_NODE_OBJECT)
        expected = nullable ? _("an object or null") : _("an object");
      else if (type == JSON_NODE_ARRAY)
        expected = _("an array");
      else if (value_type == G_TYPE_STRING)
        expected = nullable ? _("a string or null") : _("a string");
      else if (value_type == G_TYPE_BOOLEAN)
        expected = _("true or false");
      else if (value_type == G_TYPE_INT64)
        expected = _("a whole number");
      else
        expected = _("a number");

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) != G_TYPE_STRING
          && json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        {
          char number[G_ASCII_DTOSTR_BUF_SIZE];

          /* "found 1.5" says more than "found a number". */
          if (json_node_get_value_type (node) == G_TYPE_INT64)
            g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, json_node_get_int (node));
          else
            g_ascii_formatd (number, sizeof number, "%g", json_node_get_double (node));
          loader_problem (loader, member_path (path, name),
                          _("expected %s, found %s"), expected, number);
        }
      else
        {
          loader_problem (loader, member_path (path, name),
                          _("expected %s, found %s"), expected, node_type_name (node));
        }
      return FALSE;
    }

  *out = node;

  return TRUE;
}

static gboolean
check_length (Loader     *loader,
              const char *path,
              const char *name,
              const char *value,
              gsize       max_length)
{
  gsize length = strlen (value);

  if (length <= max_length)
    return TRUE;

  loader_problem (loader, member_path (path, name),
                  _("“%s” is too long (%" G_GSIZE_FORMAT " bytes; at most %" G_GSIZE_FORMAT ")"),
                  name, length, max_length);

  return FALSE;
}

/* A string member; *out stays untouched when absent or null. */
static gboolean
loader_string (Loader      *loader,
               JsonObject  *object,
               const char  *path,
               const char  *name,
               gboolean     required,
               gboolean     nullable,
               gsize        max_length,
               const char **out)
{
  JsonNode *node;

  if (!loader_member (loader, object, path, name, JSON_NODE_VALUE, G_TYPE_STRING, required, nullable, &node))
    return FALSE;

  if (node == NULL)
    return TRUE;

  if (max_length > 0 && !check_length (loader, path, name, json_node_get_string (node), max_length))
    return FALSE;

  *out = json_node_get_string (node);

  return TRUE;
}

static gboolean
is_valid_id (const char *id)
{
  if (!g_ascii_isalnum (*id))
    return FALSE;

  for (const char *p = id + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("._:-", *p) == NULL)
      return FALSE;

  return TRUE;
}

static const char *
loader_id (Loader     *loader,
           JsonObject *object,
           const char *path)
{
  const char *id = NULL;

  if (!loader_string (loader, object, path, "id", TRUE, FALSE, MAX_ID_LENGTH, &id) || id == NULL)
    return NULL;

  if (!is_valid_id (id))
    {
      loader_problem (loader, member_path (path, "id"),
                      _("“%s” is not a valid id: use letters, digits and . _ : - and start with a letter or digit"),
                      id);
      return NULL;
    }

  return id;
}

/* An array of strings, or NULL after a problem. */
static GStrv
loader_strv (Loader     *loader,
             JsonObject *object,
             const char *path,
             const char *name,
             gsize       max_length)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonNode *node;
  JsonArray *array;
  guint n;
  gboolean ok = TRUE;

  if (!loader_member (loader, object, path, name, JSON_NODE_ARRAY, G_TYPE_INVALID, FALSE, FALSE, &node))
    return NULL;

  if (node == NULL)
    return g_new0 (char *, 1);

  builder = g_strv_builder_new ();
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          loader_problem (loader, g_strdup_printf ("%s.%s[%u]", path, name, i),
                          _("expected a string, found %s"), node_type_name (element));
          ok = FALSE;
          continue;
        }

      if (strlen (json_node_get_string (element)) > max_length)
        {
          loader_problem (loader, g_strdup_printf ("%s.%s[%u]", path, name, i),
                          _("too long (%" G_GSIZE_FORMAT " bytes; at most %" G_GSIZE_FORMAT ")"),
                          strlen (json_node_get_string (element)), max_length);
          ok = FALSE;
          continue;
        }

      g_strv_builder_add (builder, json_node_get_string (element));
    }

  return ok ? g_strv_builder_end (builder) : NULL;
}

/* An EDTF date member; returns FALSE after a problem. */
static gboolean
loader_date (Loader      *loader,
             JsonObject  *object,
             const char  *path,
             const char  *name,
             const char **out)
{
  g_autoptr(GError) error = NULL;
  const char *text = NULL;
  gsize offset = 0;

  if (!loader_string (loader, object, path, name, FALSE, TRUE, MAX_LINE_LENGTH, &text))
    return FALSE;

  if (text == NULL)
    return TRUE;

  if (!ties_date_validate (text, &offset, &error))
    {
      loader_problem_at (loader, FALSE, offset, member_path (path, name),
                         _("invalid date: %s"), error->message);
      return FALSE;
    }

  *out = text;

  return TRUE;
}

/* Unknown members, kept so that a newer file survives a round trip. */
static TiesExtras *
collect_extras (JsonObject         *object,
                const char * const *known,
                guint               n_known_present)
{
  g_autoptr(GList) members = NULL;
  TiesExtras *extras = NULL;

  /* Cheap test first: most objects have no unknown member. */
  if (json_object_get_size (object) == n_known_present)
    return NULL;

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *json = NULL;

      if (g_strv_contains (known, l->data))
        continue;

      if (extras == NULL)
        extras = ties_extras_new ();
      json = json_to_string (json_object_get_member (object, l->data), FALSE);
      ties_extras_add (extras, l->data, json);
    }

  return extras;
}

static guint
count_known (JsonObject         *object,
             const char * const *known)
{
  guint n = 0;

  for (guint i = 0; known[i] != NULL; i++)
    if (json_object_has_member (object, known[i]))
      n++;

  return n;
}

static JsonObject *
loader_object_element (Loader     *loader,
                       JsonArray  *array,
                       guint       index,
                       const char *path)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      loader_problem (loader, g_strdup (path), _("expected an object, found %s"), node_type_name (node));
      return NULL;
    }

  return json_node_get_object (node);
}

/* Removes and returns the array @name of the root, or NULL. The loader
 * converts arrays from the end and drops each element once converted, so
 * json-glib's tree shrinks while the model grows. */
static JsonArray *
loader_root_array (Loader     *loader,
                   JsonObject *root,
                   const char *name)
{
  JsonNode *node;

  if (!loader_member (loader, root, "$", name, JSON_NODE_ARRAY, G_TYPE_INVALID, FALSE, FALSE, &node) || node == NULL)
    return NULL;

  return json_array_ref (json_node_get_array (node));
}

static void
loader_check_duplicate (Loader     *loader,
                        GHashTable *seen,
                        const char *id,
                        const char *collection,
                        guint       index,
                        const char *what)
{
  gpointer first;

  if (g_hash_table_lookup_extended (seen, id, NULL, &first))
    {
      guint a = MIN (index, GPOINTER_TO_UINT (first));
      guint b = MAX (index, GPOINTER_TO_UINT (first));

      loader_problem (loader, g_strdup_printf ("$.%s[%u].id", collection, b),
                      _("the id “%s” is already used by %s $.%s[%u]"), id, what, collection, a);
      return;
    }

  g_hash_table_insert (seen, (gpointer) id, GUINT_TO_POINTER (index));
}

/* Notes the id of @object, whatever else is wrong with it. */
static void
note_id (GHashTable *ids,
         JsonObject *object)
{
  JsonNode *node;

  if (ids == NULL || object == NULL)
    return;

  node = json_object_get_member (object, "id");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    g_hash_table_add (ids, g_strdup (json_node_get_string (node)));
}

static gboolean
loader_knows_kind (Loader     *loader,
                   const char *kind)
{
  return ties_event_kind_lookup_builtin (kind) != NULL || g_hash_table_contains (loader->kind_ids, kind);
}

static const char * const kind_members[] = { "id", "label", "line", NULL };

static gpointer
load_event_kind (Loader     *loader,
                 JsonObject *object,
                 const char *path)
{
  const char *id, *label = "", *line_text = "solid";
  TiesLineStyle line = TIES_LINE_SOLID;
  TiesEventKind *kind;
  guint n_problems = loader->n_problems;

  id = loader_id (loader, object, path);
  if (id != NULL && ties_event_kind_lookup_builtin (id) != NULL)
    loader_problem (loader, member_path (path, "id"),
                    _("“%s” is a built-in kind and cannot be declared again"), id);
  loader_string (loader, object, path, "label", FALSE, FALSE, MAX_LINE_LENGTH, &label);
  if (loader_string (loader, object, path, "line", FALSE, FALSE, MAX_LINE_LENGTH, &line_text)
      && !ties_line_style_from_string (line_text, &line))
    loader_problem (loader, member_path (path, "line"),
                    _("unknown line style “%s”: use solid, dashed, dotted or dash-dot"), line_text);

  if (id == NULL || loader->n_problems != n_problems)
    return NULL;

  kind = ties_event_kind_new (id, label, line);
  ties_event_kind_take_extras (kind, collect_extras (object, kind_members, count_known (object, kind_members)));

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

static TiesActor *
load_actor (Loader     *loader,
            JsonObject *object,
            const char *path)
{
  g_autoptr(TiesActor) actor = NULL;
  g_auto(GStrv) aliases = NULL;
  const char *id, *name = NULL, *kind_text = NULL;
  const char *role = "", *affiliation = NULL, *color = NULL, *notes = "";
  TiesActorKind kind = TIES_ACTOR_PERSON;
  JsonNode *position;
  guint n_problems = loader->n_problems;

  id = loader_id (loader, object, path);
  loader_string (loader, object, path, "name", TRUE, FALSE, MAX_LINE_LENGTH, &name);
  if (loader_string (loader, object, path, "kind", FALSE, FALSE, MAX_LINE_LENGTH, &kind_text)
      && kind_text != NULL && !ties_actor_kind_from_string (kind_text, &kind))
    loader_problem (loader, member_path (path, "kind"),
                    _("unknown actor kind “%s”: use person, organisation or group"), kind_text);
  loader_string (loader, object, path, "role", FALSE, FALSE, MAX_LINE_LENGTH, &role);
  loader_string (loader, object, path, "affiliation", FALSE, TRUE, MAX_ID_LENGTH, &affiliation);
  if (loader_string (loader, object, path, "color", FALSE, TRUE, MAX_LINE_LENGTH, &color)
      && color != NULL && !is_valid_color (color))
    loader_problem (loader, member_path (path, "color"),
                    _("“%s” is not a colour: use #rrggbb"), color);
  aliases = loader_strv (loader, object, path, "aliases", MAX_LINE_LENGTH);
  loader_string (loader, object, path, "notes", FALSE, FALSE, 0, &notes);

  if (!loader_member (loader, object, path, "position", JSON_NODE_OBJECT, G_TYPE_INVALID, FALSE, TRUE, &position))
    return NULL;

  if (id == NULL || loader->n_problems != n_problems)
    return NULL;

  actor = ties_actor_new (id, name, kind);
  ties_actor_set_role (actor, role);
  ties_actor_set_affiliation (actor, affiliation);
  ties_actor_set_color (actor, color);
  ties_actor_set_aliases (actor, (const char * const *) aliases);
  ties_actor_set_notes (actor, notes);

  if (position != NULL)
    {
      JsonObject *pos = json_node_get_object (position);
      g_autofree char *pos_path = member_path (path, "position");
      JsonNode *x, *y, *pinned;

      if (!loader_member (loader, pos, pos_path, "x", JSON_NODE_VALUE, G_TYPE_DOUBLE, TRUE, FALSE, &x)
          | !loader_member (loader, pos, pos_path, "y", JSON_NODE_VALUE, G_TYPE_DOUBLE, TRUE, FALSE, &y)
          | !loader_member (loader, pos, pos_path, "pinned", JSON_NODE_VALUE, G_TYPE_BOOLEAN, FALSE, FALSE, &pinned))
        return NULL;

      ties_actor_set_has_position (actor, TRUE);
      ties_actor_set_x (actor, json_node_get_double (x));
      ties_actor_set_y (actor, json_node_get_double (y));
      ties_actor_set_pinned (actor, pinned != NULL && json_node_get_boolean (pinned));
      ties_actor_take_position_extras (actor, collect_extras (pos, position_members, count_known (pos, position_members)));
    }

  ties_actor_take_extras (actor, collect_extras (object, actor_members, count_known (object, actor_members)));

  return g_steal_pointer (&actor);
}

typedef gpointer    (*LoadFunc)  (Loader     *loader,
                                  JsonObject *object,
                                  const char *path);
typedef const char *(*GetIdFunc) (gpointer    item);

/* Converts the root array @name with @load. Returns an array as long as
 * the JSON one, holding a reference to each converted item and NULL for
 * each refused one (the load then fails, but only after every problem has
 * been found), or NULL when there is no such array.
 *
 * It works from the end and drops each element once converted, so that
 * json-glib's tree shrinks while the model grows: peak memory stays near
 * the tree's own size. */
static GPtrArray *
load_collection (Loader     *loader,
                 JsonObject *root,
                 const char *name,
                 GHashTable *ids,
                 LoadFunc    load,
                 GetIdFunc   get_id,
                 const char *what)
{
  g_autoptr(JsonArray) array = loader_root_array (loader, root, name);
  g_autoptr(GHashTable) seen = NULL;
  GPtrArray *items;
  guint n;

  if (array == NULL)
    return NULL;

  n = json_array_get_length (array);
  items = g_ptr_array_sized_new (n);
  g_ptr_array_set_size (items, n);

  for (guint i = n; i > 0; i--)
    {
      g_autofree char *path = g_strdup_printf ("$.%s[%u]", name, i - 1);
      JsonObject *object = loader_object_element (loader, array, i - 1, path);

      note_id (ids, object);
      if (object != NULL)
        items->pdata[i - 1] = load (loader, object, path);
      json_array_remove_element (array, i - 1);
    }

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n; i++)
    if (items->pdata[i] != NULL)
      loader_check_duplicate (loader, seen, get_id (items->pdata[i]), name, i, what);

  return items;
}

/* Moves the converted items into @store, in order, and frees @items. */
static void
store_converted (GListStore *store,
                 GPtrArray  *items)
{
  guint kept = 0;

  if (items == NULL)
    return;

  for (guint i = 0; i < items->len; i++)
    if (items->pdata[i] != NULL)
      items->pdata[kept++] = items->pdata[i];

  g_list_store_splice (store, 0, 0, items->pdata, kept);

  for (guint i = 0; i < kept; i++)
    g_object_unref (items->pdata[i]);
  g_ptr_array_unref (items);
}

static void
load_actors (Loader     *loader,
             JsonObject *root)
{
  GPtrArray *actors = load_collection (loader, root, "actors", loader->actor_ids,
                                       (LoadFunc) load_actor, (GetIdFunc) ties_actor_get_id, _("actor"));

  /* References need every actor first. */
  for (guint i = 0; actors != NULL && i < actors->len; i++)
    {
      TiesActor *actor = actors->pdata[i];
      const char *affiliation;

      if (actor == NULL || (affiliation = ties_actor_get_affiliation (actor)) == NULL)
        continue;

      if (!g_hash_table_contains (loader->actor_ids, affiliation))
        loader_problem (loader, g_strdup_printf ("$.actors[%u].affiliation", i),
                        _("no actor has the id “%s”"), affiliation);
      else if (g_str_equal (affiliation, ties_actor_get_id (actor)))
        loader_problem (loader, g_strdup_printf ("$.actors[%u].affiliation", i),
                        _("an actor cannot be its own affiliation"));
    }

  store_converted (ties_document_get_actors (loader->document), actors);
}

static const char * const source_members[] = {
  "id", "title", "publisher", "author", "url", "published", "retrieved", "notes", "text", NULL
};

static TiesSource *
load_source (Loader     *loader,
             JsonObject *object,
             const char *path)
{
  g_autoptr(TiesSource) source = NULL;
  const char *id, *title = "", *publisher = "", *author = "", *url = "";
  const char *published = NULL, *retrieved = NULL, *notes = "", *text = "";
  guint n_problems = loader->n_problems;

  id = loader_id (loader, object, path);
  loader_string (loader, object, path, "title", FALSE, FALSE, MAX_LINE_LENGTH, &title);
  loader_string (loader, object, path, "publisher", FALSE, FALSE, MAX_LINE_LENGTH, &publisher);
  loader_string (loader, object, path, "author", FALSE, FALSE, MAX_LINE_LENGTH, &author);
  loader_string (loader, object, path, "url", FALSE, FALSE, MAX_LINE_LENGTH, &url);
  loader_date (loader, object, path, "published", &published);
  loader_date (loader, object, path, "retrieved", &retrieved);
  loader_string (loader, object, path, "notes", FALSE, FALSE, 0, &notes);
  loader_string (loader, object, path, "text", FALSE, FALSE, 0, &text);

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
                         NULL);
  ties_source_take_extras (source, collect_extras (object, source_members, count_known (object, source_members)));

  return g_steal_pointer (&source);
}

static void
load_sources (Loader     *loader,
              JsonObject *root)
{
  store_converted (ties_document_get_sources (loader->document),
                   load_collection (loader, root, "sources", loader->source_ids,
                                    (LoadFunc) load_source, (GetIdFunc) ties_source_get_id, _("source")));
}

static const char * const event_members[] = {
  "id", "title", "kind", "date", "date_phrase", "place", "participants",
  "initiator", "evidence", "tags", "notes", NULL
};
static const char * const evidence_members[] = { "source", "selector", NULL };
static const char * const selector_members[] = { "exact", "prefix", "suffix", "start", "end", NULL };

static gboolean
loader_offset (Loader     *loader,
               JsonObject *object,
               const char *path,
               const char *name,
               guint      *out)
{
  JsonNode *node;
  gint64 value;

  if (!loader_member (loader, object, path, name, JSON_NODE_VALUE, G_TYPE_INT64, FALSE, FALSE, &node))
    return FALSE;

  if (node == NULL)
    return TRUE;

  value = json_node_get_int (node);
  if (value < 0 || value > G_MAXINT32)
    {
      loader_problem (loader, member_path (path, name),
                      _("%" G_GINT64_FORMAT " is not a character offset"), value);
      return FALSE;
    }

  *out = (guint) value;

  return TRUE;
}

static TiesEvidence *
load_evidence (Loader     *loader,
               JsonObject *object,
               const char *path)
{
  g_autoptr(TiesEvidence) evidence = NULL;
  g_autofree char *selector_path = member_path (path, "selector");
  const char *source_id = NULL, *exact = NULL, *prefix = "", *suffix = "";
  guint start = 0, end = 0;
  JsonNode *selector_node;
  JsonObject *selector;
  TiesSource *source;
  guint n_problems = loader->n_problems;

  if (!loader_string (loader, object, path, "source", TRUE, FALSE, MAX_ID_LENGTH, &source_id)
      | !loader_member (loader, object, path, "selector", JSON_NODE_OBJECT, G_TYPE_INVALID, TRUE, FALSE, &selector_node))
    return NULL;

  selector = json_node_get_object (selector_node);
  loader_string (loader, selector, selector_path, "exact", TRUE, FALSE, 0, &exact);
  loader_string (loader, selector, selector_path, "prefix", FALSE, FALSE, 0, &prefix);
  loader_string (loader, selector, selector_path, "suffix", FALSE, FALSE, 0, &suffix);
  loader_offset (loader, selector, selector_path, "start", &start);
  loader_offset (loader, selector, selector_path, "end", &end);

  source = ties_document_lookup_source (loader->document, source_id);
  if (!g_hash_table_contains (loader->source_ids, source_id))
    loader_problem (loader, member_path (path, "source"),
                    _("no source has the id “%s”"), source_id);

  if (loader->n_problems != n_problems)
    return NULL;

  evidence = ties_evidence_new (source_id, exact, start, end);
  ties_evidence_set_prefix (evidence, prefix);
  ties_evidence_set_suffix (evidence, suffix);
  ties_evidence_take_extras (evidence, collect_extras (object, evidence_members, count_known (object, evidence_members)));
  ties_evidence_take_selector_extras (evidence, collect_extras (selector, selector_members, count_known (selector, selector_members)));

  switch (ties_evidence_anchor (evidence, source))
    {
    case TIES_EVIDENCE_REANCHORED:
      if (loader->warnings != NULL)
        {
          guint line = 0, column = 0;

          ties_json_locate (loader->data, loader->length, path, FALSE, &line, &column);
          g_ptr_array_add (loader->warnings,
                           g_strdup_printf (_("%s:%u:%u: %s: the offsets %u–%u did not select the quote; it was found once, at %u–%u"),
                                            loader->display_name, line, column, path,
                                            start, end,
                                            ties_evidence_get_start (evidence),
                                            ties_evidence_get_end (evidence)));
        }
      break;

    case TIES_EVIDENCE_ORPHANED:
      if (loader->warnings != NULL)
        {
          guint line = 0, column = 0;

          ties_json_locate (loader->data, loader->length, path, FALSE, &line, &column);
          g_ptr_array_add (loader->warnings,
                           g_strdup_printf (_("%s:%u:%u: %s: orphaned evidence: the quote is not in the text of “%s” exactly once; it is kept as written"),
                                            loader->display_name, line, column, path, source_id));
        }
      break;

    case TIES_EVIDENCE_UNCHECKED:
    case TIES_EVIDENCE_ANCHORED:
    default:
      break;
    }

  return g_steal_pointer (&evidence);
}

static TiesEvent *
load_event (Loader     *loader,
            JsonObject *object,
            const char *path)
{
  g_autoptr(TiesEvent) event = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_auto(GStrv) participants = NULL;
  g_auto(GStrv) tags = NULL;
  const char *id, *title = NULL, *kind = "other", *date = NULL, *date_phrase = "";
  const char *place = NULL, *initiator = NULL, *notes = "";
  JsonNode *evidence_node;
  guint n_problems = loader->n_problems;

  id = loader_id (loader, object, path);
  loader_string (loader, object, path, "title", TRUE, FALSE, MAX_LINE_LENGTH, &title);
  if (loader_string (loader, object, path, "kind", FALSE, FALSE, MAX_ID_LENGTH, &kind)
      && !loader_knows_kind (loader, kind))
    loader_problem (loader, member_path (path, "kind"),
                    _("unknown event kind “%s”: declare it in “event_kinds”"), kind);
  loader_date (loader, object, path, "date", &date);
  loader_string (loader, object, path, "date_phrase", FALSE, FALSE, MAX_LINE_LENGTH, &date_phrase);
  loader_string (loader, object, path, "place", FALSE, TRUE, MAX_LINE_LENGTH, &place);
  participants = loader_strv (loader, object, path, "participants", MAX_ID_LENGTH);
  loader_string (loader, object, path, "initiator", FALSE, TRUE, MAX_ID_LENGTH, &initiator);
  tags = loader_strv (loader, object, path, "tags", MAX_LINE_LENGTH);
  loader_string (loader, object, path, "notes", FALSE, FALSE, 0, &notes);

  for (guint i = 0; participants != NULL && participants[i] != NULL; i++)
    if (!g_hash_table_contains (loader->actor_ids, participants[i]))
      loader_problem (loader, g_strdup_printf ("%s.participants[%u]", path, i),
                      _("no actor has the id “%s”"), participants[i]);

  if (initiator != NULL && !g_hash_table_contains (loader->actor_ids, initiator))
    loader_problem (loader, member_path (path, "initiator"),
                    _("no actor has the id “%s”"), initiator);

  if (loader_member (loader, object, path, "evidence", JSON_NODE_ARRAY, G_TYPE_INVALID, FALSE, FALSE, &evidence_node)
      && evidence_node != NULL)
    {
      JsonArray *array = json_node_get_array (evidence_node);
      guint n = json_array_get_length (array);

      evidence = g_ptr_array_new_full (n, g_object_unref);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *item_path = g_strdup_printf ("%s.evidence[%u]", path, i);
          JsonObject *item = loader_object_element (loader, array, i, item_path);
          TiesEvidence *loaded;

          if (item != NULL && (loaded = load_evidence (loader, item, item_path)) != NULL)
            g_ptr_array_add (evidence, loaded);
        }
    }

  if (id == NULL || loader->n_problems != n_problems)
    return NULL;

  event = ties_event_new (id, title, kind);
  ties_event_set_date (event, date);
  ties_event_set_date_phrase (event, date_phrase);
  ties_event_set_place (event, place);
  ties_event_set_participants (event, (const char * const *) participants);
  ties_event_set_initiator (event, initiator);
  ties_event_set_tags (event, (const char * const *) tags);
  ties_event_set_notes (event, notes);
  if (evidence != NULL)
    g_list_store_splice (ties_event_get_evidence (event), 0, 0, evidence->pdata, evidence->len);
  ties_event_take_extras (event, collect_extras (object, event_members, count_known (object, event_members)));

  return g_steal_pointer (&event);
}

static void
load_events (Loader     *loader,
             JsonObject *root)
{
  store_converted (ties_document_get_events (loader->document),
                   load_collection (loader, root, "events", NULL,
                                    (LoadFunc) load_event, (GetIdFunc) ties_event_get_id, _("event")));
}

static const char * const view_members[] = { "layout", "focus", "filter", NULL };
static const char * const filter_members[] = { "from", "to", "kinds", NULL };

static void
load_view (Loader     *loader,
           JsonObject *root)
{
  const char *layout = "force", *focus = NULL, *from = NULL, *to = NULL;
  g_auto(GStrv) kinds = NULL;
  JsonNode *view_node, *filter_node;
  JsonObject *view;

  if (!loader_member (loader, root, "$", "view", JSON_NODE_OBJECT, G_TYPE_INVALID, FALSE, TRUE, &view_node)
      || view_node == NULL)
    return;

  view = json_node_get_object (view_node);
  if (loader_string (loader, view, "$.view", "layout", FALSE, FALSE, MAX_ID_LENGTH, &layout)
      && !g_strv_contains ((const char * const[]) { "force", "radial", "circle", NULL }, layout))
    loader_problem (loader, g_strdup ("$.view.layout"),
                    _("unknown layout “%s”: use force, radial or circle"), layout);
  if (loader_string (loader, view, "$.view", "focus", FALSE, TRUE, MAX_ID_LENGTH, &focus)
      && focus != NULL && !g_hash_table_contains (loader->actor_ids, focus))
    loader_problem (loader, g_strdup ("$.view.focus"), _("no actor has the id “%s”"), focus);

  ties_document_set_layout (loader->document, layout);
  ties_document_set_focus (loader->document, focus);
  ties_document_take_view_extras (loader->document,
                                  collect_extras (view, view_members, count_known (view, view_members)));

  if (!loader_member (loader, view, "$.view", "filter", JSON_NODE_OBJECT, G_TYPE_INVALID, FALSE, TRUE, &filter_node)
      || filter_node == NULL)
    return;

  {
    JsonObject *filter = json_node_get_object (filter_node);

    loader_date (loader, filter, "$.view.filter", "from", &from);
    loader_date (loader, filter, "$.view.filter", "to", &to);
    kinds = loader_strv (loader, filter, "$.view.filter", "kinds", MAX_ID_LENGTH);
    for (guint i = 0; kinds != NULL && kinds[i] != NULL; i++)
      if (!loader_knows_kind (loader, kinds[i]))
        loader_problem (loader, g_strdup_printf ("$.view.filter.kinds[%u]", i),
                        _("unknown event kind “%s”"), kinds[i]);

    ties_document_set_filter_from (loader->document, from);
    ties_document_set_filter_to (loader->document, to);
    ties_document_set_filter_kinds (loader->document, (const char * const *) kinds);
    ties_document_take_filter_extras (loader->document,
                                      collect_extras (filter, filter_members, count_known (filter, filter_members)));
  }
}

static const char * const root_members[] = {
  "format", "version", "title", "description", "event_kinds",
  "actors", "sources", "events", "view", NULL
};

static void
load_root (Loader     *loader,
           JsonObject *root)
{
  const char *format = NULL, *title = "", *description = "";
  JsonNode *version;
  TiesExtras *extras;

  /* Before anything else: a file of another kind or a newer version
   * would only produce a flood of misleading problems. */
  if (!loader_string (loader, root, "$", "format", TRUE, FALSE, MAX_LINE_LENGTH, &format))
    {
      loader->code = TIES_DOCUMENT_IO_ERROR_FORMAT;
      return;
    }
  if (g_strcmp0 (format, "ties") != 0)
    {
      loader_problem (loader, g_strdup ("$.format"),
                      _("not a Ties document: “format” is “%s”, not “ties”"), format);
      loader->code = TIES_DOCUMENT_IO_ERROR_FORMAT;
      return;
    }

  if (!loader_member (loader, root, "$", "version", JSON_NODE_VALUE, G_TYPE_INT64, TRUE, FALSE, &version))
    {
      loader->code = TIES_DOCUMENT_IO_ERROR_FORMAT;
      return;
    }
  if (json_node_get_int (version) > TIES_FORMAT_VERSION)
    {
      loader_problem (loader, g_strdup ("$.version"),
                      _("this document is format version %" G_GINT64_FORMAT ", written by a newer Ties; this version reads version %d and older: please update Ties"),
                      json_node_get_int (version), TIES_FORMAT_VERSION);
      loader->code = TIES_DOCUMENT_IO_ERROR_VERSION;
      return;
    }
  if (json_node_get_int (version) < 1)
    {
      loader_problem (loader, g_strdup ("$.version"),
                      _("%" G_GINT64_FORMAT " is not a format version"), json_node_get_int (version));
      loader->code = TIES_DOCUMENT_IO_ERROR_FORMAT;
      return;
    }

  loader_string (loader, root, "$", "title", FALSE, FALSE, MAX_LINE_LENGTH, &title);
  loader_string (loader, root, "$", "description", FALSE, FALSE, 0, &description);
  ties_document_set_title (loader->document, title);
  ties_document_set_description (loader->document, description);

  /* Unknown members are copied before the arrays are consumed. */
  extras = collect_extras (root, root_members, count_known (root, root_members));
  ties_document_take_extras (loader->document, extras);

  /* Order matters: kinds and actors before the events that name them. */
  store_converted (ties_document_get_event_kinds (loader->document),
                   load_collection (loader, root, "event_kinds", loader->kind_ids,
                                    (LoadFunc) load_event_kind, (GetIdFunc) ties_event_kind_get_id, _("kind")));
  load_actors (loader, root);
  load_sources (loader, root);
  load_events (loader, root);
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

/* Whether the file stops inside a string or with brackets still open:
 * json-glib then reports the last token it saw, which misleads. */
static gboolean
is_cut_short (const char *data,
              gsize       length)
{
  gboolean in_string = FALSE;
  gssize depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        depth++;
      else if (c == '}' || c == ']')
        depth--;
    }

  return in_string || depth > 0;
}

/* The byte offset of json-glib's 1-based line and byte column. */
static gsize
json_glib_offset (const char *data,
                  gsize       length,
                  guint       line,
                  guint       column)
{
  gsize offset = 0;

  for (guint l = 1; l < line && offset < length; offset++)
    if (data[offset] == '\n')
      l++;

  return MIN (offset + (column > 0 ? column - 1 : 0), length);
}

/* "<data>:3:7: Parse error: unexpected …" from json-glib, made ours:
 * columns in characters, on one line, and a plain word for a file that
 * was cut short. */
static GError *
syntax_error (const char *display_name,
              const char *data,
              gsize       start,
              gsize       length,
              GError     *json_error)
{
  g_autoptr(GString) message = g_string_new (NULL);
  const char *text = json_error->message;
  const char *rest;
  guint line = 1, column = 1;
  gsize offset = start;

  if (g_str_has_prefix (text, "<data>:")
      && sscanf (text + strlen ("<data>:"), "%u:%u:", &line, &column) == 2
      && (rest = strstr (text, ": ")) != NULL)
    {
      offset = start + json_glib_offset (data + start, length - start, line, column);
      text = rest + 2;
      if (g_str_has_prefix (text, "Parse error: "))
        text += strlen ("Parse error: ");
      ties_json_offset_to_position (data, length, offset, &line, &column);
    }

  /* Only when json-glib stumbled at the very last token: an unterminated
   * string in the middle also leaves the brackets unbalanced. */
  while (offset < length && !g_ascii_isspace (data[offset]))
    offset++;
  while (offset < length && g_ascii_isspace (data[offset]))
    offset++;
  if (offset == length && is_cut_short (data + start, length - start))
    {
      ties_json_offset_to_position (data, length, length, &line, &column);
      return g_error_new (TIES_DOCUMENT_IO_ERROR, TIES_DOCUMENT_IO_ERROR_SYNTAX,
                          _("%s:%u:%u: not valid JSON: the file ends before the document does (was it cut short?)"),
                          display_name, line, column);
    }

  /* json-glib quotes what it read, line breaks and all. */
  for (const char *p = text; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20)
        g_string_append_printf (message, "\\x%02x", (guchar) *p);
      else
        g_string_append_c (message, *p);
    }

  return g_error_new (TIES_DOCUMENT_IO_ERROR, TIES_DOCUMENT_IO_ERROR_SYNTAX,
                      _("%s:%u:%u: not valid JSON: %s"), display_name, line, column, message->str);
}

TiesDocument *
ties_document_load_from_data (const char  *data,
                              gsize        length,
                              const char  *display_name,
                              GPtrArray  **warnings,
                              GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(TiesDocument) document = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) warning_lines = NULL;
  Loader loader = { 0 };
  gsize start = 0;
  guint line = 0, column = 0;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ties_json_scan_check (data, length, &start, &line, &column, &local_error))
    {
      g_set_error (error, TIES_DOCUMENT_IO_ERROR, TIES_DOCUMENT_IO_ERROR_ENCODING,
                   "%s:%s", display_name, local_error->message);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data + start, length - start, &local_error))
    {
      g_propagate_error (error, syntax_error (display_name, data, start, length, local_error));
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      ties_json_locate (data, length, "$", FALSE, &line, &column);
      g_set_error (error, TIES_DOCUMENT_IO_ERROR, TIES_DOCUMENT_IO_ERROR_FORMAT,
                   _("%s:%u:%u: $: a Ties document is a JSON object, but this file holds %s"),
                   display_name, line, column, node_type_name (root));
      return NULL;
    }

  document = ties_document_new ();
  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  warning_lines = g_ptr_array_new_with_free_func (g_free);

  loader.display_name = display_name;
  loader.data = data;
  loader.length = length;
  loader.document = document;
  loader.problems = problems;
  loader.actor_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loader.source_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loader.kind_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loader.warnings = warnings != NULL ? warning_lines : NULL;
  loader.code = TIES_DOCUMENT_IO_ERROR_INVALID;

  load_root (&loader, json_node_get_object (root));
  g_hash_table_unref (loader.actor_ids);
  g_hash_table_unref (loader.source_ids);
  g_hash_table_unref (loader.kind_ids);

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

TiesDocument *
ties_document_load_from_file (GFile         *file,
                              GPtrArray    **warnings,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *display_name = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display_name = g_file_get_parse_name (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info != NULL && (guint64) g_file_info_get_size (info) > TIES_DOCUMENT_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size ((guint64) g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (TIES_DOCUMENT_MAX_FILE_SIZE);

      g_set_error (error, TIES_DOCUMENT_IO_ERROR, TIES_DOCUMENT_IO_ERROR_TOO_LARGE,
                   _("%s: the file is too large to open (%s; at most %s)"),
                   display_name, size, limit);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    {
      if (error != NULL && *error != NULL)
        g_prefix_error (error, "%s: ", display_name);
      return NULL;
    }

  return ties_document_load_from_data (contents, length, display_name, warnings, error);
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

static void
write_extras (TiesJsonWriter *writer,
              TiesExtras     *extras)
{
  for (guint i = 0; i < ties_extras_get_n (extras); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (ties_extras_get_json (extras, i), NULL);

      if (node == NULL)
        continue;

      ties_json_writer_member (writer, ties_extras_get_name (extras, i));
      ties_json_writer_node (writer, node);
    }
}

static void
write_event_kind (TiesJsonWriter *w,
                  TiesEventKind  *kind)
{
  ties_json_writer_begin_object (w);
  ties_json_writer_member (w, "id");
  ties_json_writer_string (w, ties_event_kind_get_id (kind));
  ties_json_writer_member (w, "label");
  ties_json_writer_string (w, ties_event_kind_get_label (kind));
  ties_json_writer_member (w, "line");
  ties_json_writer_string (w, ties_line_style_to_string (ties_event_kind_get_line (kind)));
  write_extras (w, ties_event_kind_get_extras (kind));
  ties_json_writer_end_object (w);
}

static void
write_actor (TiesJsonWriter *w,
             TiesActor      *actor)
{
  ties_json_writer_begin_object (w);
  ties_json_writer_member (w, "id");
  ties_json_writer_string (w, ties_actor_get_id (actor));
  ties_json_writer_member (w, "name");
  ties_json_writer_string (w, ties_actor_get_name (actor));
  ties_json_writer_member (w, "kind");
  ties_json_writer_string (w, ties_actor_kind_to_string (ties_actor_get_kind (actor)));
  ties_json_writer_member (w, "role");
  ties_json_writer_string (w, ties_actor_get_role (actor));
  ties_json_writer_member (w, "affiliation");
  ties_json_writer_string_or_null (w, ties_actor_get_affiliation (actor));
  ties_json_writer_member (w, "color");
  ties_json_writer_string_or_null (w, ties_actor_get_color (actor));
  ties_json_writer_member (w, "aliases");
  ties_json_writer_strv (w, ties_actor_get_aliases (actor));
  ties_json_writer_member (w, "notes");
  ties_json_writer_string (w, ties_actor_get_notes (actor));
  ties_json_writer_member (w, "position");
  if (ties_actor_get_has_position (actor))
    {
      ties_json_writer_begin_object (w);
      ties_json_writer_member (w, "x");
      ties_json_writer_double (w, ties_actor_get_x (actor));
      ties_json_writer_member (w, "y");
      ties_json_writer_double (w, ties_actor_get_y (actor));
      ties_json_writer_member (w, "pinned");
      ties_json_writer_boolean (w, ties_actor_get_pinned (actor));
      write_extras (w, ties_actor_get_position_extras (actor));
      ties_json_writer_end_object (w);
    }
  else
    {
      ties_json_writer_null (w);
    }
  write_extras (w, ties_actor_get_extras (actor));
  ties_json_writer_end_object (w);
}

static void
write_source (TiesJsonWriter *w,
              TiesSource     *source)
{
  ties_json_writer_begin_object (w);
  ties_json_writer_member (w, "id");
  ties_json_writer_string (w, ties_source_get_id (source));
  ties_json_writer_member (w, "title");
  ties_json_writer_string (w, ties_source_get_title (source));
  ties_json_writer_member (w, "publisher");
  ties_json_writer_string (w, ties_source_get_publisher (source));
  ties_json_writer_member (w, "author");
  ties_json_writer_string (w, ties_source_get_author (source));
  ties_json_writer_member (w, "url");
  ties_json_writer_string (w, ties_source_get_url (source));
  ties_json_writer_member (w, "published");
  ties_json_writer_string_or_null (w, ties_source_get_published (source));
  ties_json_writer_member (w, "retrieved");
  ties_json_writer_string_or_null (w, ties_source_get_retrieved (source));
  ties_json_writer_member (w, "notes");
  ties_json_writer_string (w, ties_source_get_notes (source));
  ties_json_writer_member (w, "text");
  ties_json_writer_string (w, ties_source_get_text (source));
  write_extras (w, ties_source_get_extras (source));
  ties_json_writer_end_object (w);
}

static void
write_evidence (TiesJsonWriter *w,
                TiesEvidence   *evidence)
{
  ties_json_writer_begin_object (w);
  ties_json_writer_member (w, "source");
  ties_json_writer_string (w, ties_evidence_get_source (evidence));
  ties_json_writer_member (w, "selector");
  ties_json_writer_begin_object (w);
  ties_json_writer_member (w, "exact");
  ties_json_writer_string (w, ties_evidence_get_exact (evidence));
  ties_json_writer_member (w, "prefix");
  ties_json_writer_string (w, ties_evidence_get_prefix (evidence));
  ties_json_writer_member (w, "suffix");
  ties_json_writer_string (w, ties_evidence_get_suffix (evidence));
  ties_json_writer_member (w, "start");
  ties_json_writer_int (w, ties_evidence_get_start (evidence));
  ties_json_writer_member (w, "end");
  ties_json_writer_int (w, ties_evidence_get_end (evidence));
  write_extras (w, ties_evidence_get_selector_extras (evidence));
  ties_json_writer_end_object (w);
  write_extras (w, ties_evidence_get_extras (evidence));
  ties_json_writer_end_object (w);
}

static void
write_event (TiesJsonWriter *w,
             TiesEvent      *event)
{
  GListModel *evidence = G_LIST_MODEL (ties_event_get_evidence (event));
  guint n = g_list_model_get_n_items (evidence);

  ties_json_writer_begin_object (w);
  ties_json_writer_member (w, "id");
  ties_json_writer_string (w, ties_event_get_id (event));
  ties_json_writer_member (w, "title");
  ties_json_writer_string (w, ties_event_get_title (event));
  ties_json_writer_member (w, "kind");
  ties_json_writer_string (w, ties_event_get_kind (event));
  ties_json_writer_member (w, "date");
  ties_json_writer_string_or_null (w, ties_event_get_date (event));
  ties_json_writer_member (w, "date_phrase");
  ties_json_writer_string (w, ties_event_get_date_phrase (event));
  ties_json_writer_member (w, "place");
  ties_json_writer_string_or_null (w, ties_event_get_place (event));
  ties_json_writer_member (w, "participants");
  ties_json_writer_strv (w, ties_event_get_participants (event));
  ties_json_writer_member (w, "initiator");
  ties_json_writer_string_or_null (w, ties_event_get_initiator (event));
  ties_json_writer_member (w, "evidence");
  ties_json_writer_begin_array (w);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiesEvidence) item = g_list_model_get_item (evidence, i);
      write_evidence (w, item);
    }
  ties_json_writer_end_array (w);
  ties_json_writer_member (w, "tags");
  ties_json_writer_strv (w, ties_event_get_tags (event));
  ties_json_writer_member (w, "notes");
  ties_json_writer_string (w, ties_event_get_notes (event));
  write_extras (w, ties_event_get_extras (event));
  ties_json_writer_end_object (w);
}

typedef void (*WriteFunc) (TiesJsonWriter *writer,
                           gpointer        item);

static void
write_list (TiesJsonWriter *w,
            const char     *name,
            GListModel     *model,
            WriteFunc       write_item)
{
  guint n = g_list_model_get_n_items (model);

  ties_json_writer_member (w, name);
  ties_json_writer_begin_array (w);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      write_item (w, item);
    }
  ties_json_writer_end_array (w);
}

GBytes *
ties_document_save_to_bytes (TiesDocument *document)
{
  TiesJsonWriter *w;

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), NULL);

  w = ties_json_writer_new (4096);

  ties_json_writer_begin_object (w);
  ties_json_writer_member (w, "format");
  ties_json_writer_string (w, "ties");
  ties_json_writer_member (w, "version");
  ties_json_writer_int (w, TIES_FORMAT_VERSION);
  ties_json_writer_member (w, "title");
  ties_json_writer_string (w, ties_document_get_title (document));
  ties_json_writer_member (w, "description");
  ties_json_writer_string (w, ties_document_get_description (document));
  write_list (w, "event_kinds", G_LIST_MODEL (ties_document_get_event_kinds (document)), (WriteFunc) write_event_kind);
  write_list (w, "actors", G_LIST_MODEL (ties_document_get_actors (document)), (WriteFunc) write_actor);
  write_list (w, "sources", G_LIST_MODEL (ties_document_get_sources (document)), (WriteFunc) write_source);
  write_list (w, "events", G_LIST_MODEL (ties_document_get_events (document)), (WriteFunc) write_event);

  ties_json_writer_member (w, "view");
  ties_json_writer_begin_object (w);
  ties_json_writer_member (w, "layout");
  ties_json_writer_string (w, ties_document_get_layout (document));
  ties_json_writer_member (w, "focus");
  ties_json_writer_string_or_null (w, ties_document_get_focus (document));
  ties_json_writer_member (w, "filter");
  ties_json_writer_begin_object (w);
  ties_json_writer_member (w, "from");
  ties_json_writer_string_or_null (w, ties_document_get_filter_from (document));
  ties_json_writer_member (w, "to");
  ties_json_writer_string_or_null (w, ties_document_get_filter_to (document));
  ties_json_writer_member (w, "kinds");
  ties_json_writer_strv (w, ties_document_get_filter_kinds (document));
  write_extras (w, ties_document_get_filter_extras (document));
  ties_json_writer_end_object (w);
  write_extras (w, ties_document_get_view_extras (document));
  ties_json_writer_end_object (w);

  write_extras (w, ties_document_get_extras (document));
  ties_json_writer_end_object (w);

  return ties_json_writer_free_to_bytes (w);
}

gboolean
ties_document_save_to_file (TiesDocument  *document,
                            GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = ties_document_save_to_bytes (document);

  /* GIO writes a temporary file beside the target and renames it over. */
  if (!g_file_replace_contents (file,
                                g_bytes_get_data (bytes, NULL),
                                g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_NONE,
                                NULL, cancellable, error))
    return FALSE;

  ties_history_mark_saved (ties_document_get_history (document));

  return TRUE;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GBytes *bytes = task_data;
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  GError *error = NULL;

  if (!g_file_replace_contents (file,
                                g_bytes_get_data (bytes, NULL),
                                g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_NONE,
                                NULL, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
ties_document_save_async (TiesDocument        *document,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TIES_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (document, cancellable, callback, user_data);
  g_task_set_source_tag (task, ties_document_save_async);
  /* The model is not thread-safe: serialise here, write over there. */
  g_task_set_task_data (task, ties_document_save_to_bytes (document), (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, save_thread);
}

gboolean
ties_document_save_finish (TiesDocument  *document,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (TIES_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, document), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  ties_history_mark_saved (ties_document_get_history (document));

  return TRUE;
}
