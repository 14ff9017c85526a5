/* ties-network-import.c: actors and undated ties from a GEXF or GraphML
 * network
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The way back from ties-gexf-export.c and ties-graphml-export.c, and the
 * way in for a network drawn elsewhere (Gephi, yEd, networkx, igraph)
 * that a researcher wants to annotate further: nodes become actors and
 * edges become events without a date, since a Ties tie is the events
 * between two actors. An edge's weight is its number of events in Ties'
 * exports, so an edge of weight w becomes w events, and exporting the
 * imported document gives the same weights again.
 *
 * The file is read by ties-network-xml.c, with the network off and
 * entities left alone: a hostile file can neither read a local file into
 * the document nor blow up in memory. Nothing is half done: the whole
 * file is read and checked before the document is touched, every problem
 * is reported with its line, and then either nothing is added or
 * everything is, as one undo step.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ties-date.h"
#include "ties-import-util.h"
#include "ties-network-import-private.h"

G_DEFINE_QUARK (ties-network-import-error-quark, ties_network_import_error)

/* What the document reader takes (ties-document-reader.c): an import
 * must give a document that saves and loads again. */
#define MAX_ID_LENGTH 200
#define MAX_TEXT_LENGTH 10000
/* As the document reader: past this many, the rest are counted. */
#define MAX_PROBLEMS 100

static void
attribute_free (gpointer data)
{
  Attribute *attribute = data;

  g_free (attribute->key);
  g_free (attribute->fallback);
  g_free (attribute);
}

static void
node_free (gpointer data)
{
  Node *node = data;

  g_free (node->id);
  g_free (node->label);
  g_hash_table_unref (node->values);
  g_free (node->color);
  g_clear_object (&node->added);
  g_free (node);
}

void
_ties_network_import_edge_free (gpointer data)
{
  Edge *edge = data;

  g_free (edge->id);
  g_free (edge->source);
  g_free (edge->target);
  g_free (edge->label);
  g_free (edge->kind);
  g_free (edge->weight);
  g_hash_table_unref (edge->values);
  g_free (edge);
}

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->basename, g_free);
  for (guint i = 0; i < N_DOMAINS; i++)
    g_clear_pointer (&import->declared[i], g_hash_table_unref);
  g_clear_pointer (&import->nodes, g_ptr_array_unref);
  g_clear_pointer (&import->node_index, g_hash_table_unref);
  g_clear_pointer (&import->open_nodes, g_ptr_array_unref);
  g_clear_pointer (&import->edges, g_ptr_array_unref);
  g_clear_pointer (&import->edge, _ties_network_import_edge_free);
  if (import->text != NULL)
    g_string_free (g_steal_pointer (&import->text), TRUE);
  g_clear_pointer (&import->gather_key, g_free);
  g_clear_pointer (&import->problems, g_ptr_array_unref);
  g_clear_pointer (&import->report, g_ptr_array_unref);
  g_clear_pointer (&import->xml_error, g_free);
  g_clear_pointer (&import->taken, g_hash_table_unref);
  g_clear_pointer (&import->unknown_kinds, g_hash_table_unref);
  g_clear_pointer (&import->unknown_actor_kinds, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

/* "NAME:LINE: message", as the document reader's problems are. */
void
_ties_network_import_problem (Import     *import,
                              guint       line,
                              const char *format,
                              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  import->n_problems++;
  if (import->problems->len >= MAX_PROBLEMS)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (import->problems, g_strdup_printf ("%s:%u: %s", import->name, line, message));
}

/* "Label", " label ", "LABEL" → "label": attribute names as tools write them. */
char *
_ties_network_import_fold_key (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));

  return g_ascii_strdown (stripped, -1);
}

/* A number as XML writes it ("1.5", "-2e3", " 4 "), in the C locale. */
gboolean
_ties_network_import_parse_double (const char *text,
                                   double     *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  char *end = NULL;

  if (stripped[0] == '\0')
    return FALSE;

  *value = g_ascii_strtod (stripped, &end);

  return end != NULL && *end == '\0' && isfinite (*value);
}

/* A value of @values, or the declared default, or NULL; "" is none. */
static const char *
lookup_value (Import     *import,
              Domain      domain,
              GHashTable *values,
              const char *key)
{
  const char *value = g_hash_table_lookup (values, key);
  GHashTableIter iter;
  gpointer item;

  if (value != NULL)
    return value[0] != '\0' ? value : NULL;

  g_hash_table_iter_init (&iter, import->declared[domain]);
  while (g_hash_table_iter_next (&iter, NULL, &item))
    {
      Attribute *attribute = item;

      if (g_str_equal (attribute->key, key) && attribute->fallback != NULL && attribute->fallback[0] != '\0')
        return attribute->fallback;
    }

  return NULL;
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

/* Whether @text fits what the document reader takes; a problem if not. */
static gboolean
check_length (Import     *import,
              guint       line,
              const char *what,
              const char *text,
              gsize       max_length)
{
  if (text == NULL || strlen (text) <= max_length)
    return TRUE;

  _ties_network_import_problem (import, line,
                                /* Translators: %s is what is too long (label, role, …); %zu its length, then the limit */
                                _("the %s is too long (%zu bytes; at most %zu)"), what, strlen (text), max_length);
  return FALSE;
}

/* GEXF's "[a, b]" and GraphML's "a; b", as the exports write lists. */
static GStrv
split_list (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gsize length = strlen (copy);
  char *inner = copy;

  if (length >= 2 && copy[0] == '[' && copy[length - 1] == ']')
    {
      copy[length - 1] = '\0';
      inner = copy + 1;
    }

  parts = g_strsplit_set (inner, strchr (inner, ';') != NULL ? ";" : ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

static gboolean
is_true (const char *text)
{
  return text != NULL && (g_ascii_strcasecmp (text, "true") == 0 || g_str_equal (text, "1"));
}

/* Gephi's GraphML has a node's colour as three keys "r", "g" and "b";
 * NULL unless all three are numbers from 0 to 255. */
static char *
gephi_color (Import *import,
             Node   *node)
{
  int channels[3];

  for (guint i = 0; i < 3; i++)
    {
      const char *text = lookup_value (import, DOMAIN_NODE, node->values, (const char *[]) { "r", "g", "b" }[i]);
      double value;

      if (text == NULL || !_ties_network_import_parse_double (text, &value) || value < 0 || value > 255 || value != floor (value))
        return NULL;
      channels[i] = (int) value;
    }

  return g_strdup_printf ("#%02x%02x%02x", channels[0], channels[1], channels[2]);
}

/* The actor a node is: one of the document's, or a new one, not added
 * yet. */
static void
resolve_node (Import *import,
              Node   *node)
{
  GHashTable *values = node->values;
  const char *label = node->label;
  const char *kind_text, *role, *notes, *aliases, *color, *pinned, *x, *y;
  g_autoptr(TiesActor) actor = NULL;
  g_autofree char *folded_kind = NULL;
  TiesActorKind kind = TIES_ACTOR_PERSON;
  TiesActor *existing;
  const char *id;
  guint n_problems = import->n_problems;

  if (label == NULL || label[0] == '\0')
    label = lookup_value (import, DOMAIN_NODE, values, "label");
  if (label == NULL)
    label = lookup_value (import, DOMAIN_NODE, values, "name");
  if (label == NULL)
    label = node->id;

  /* Already there: the document's actor is annotated further, as it is. */
  if ((existing = _ties_import_find_actor (import->document, node->id)) != NULL
      || (existing = _ties_import_find_actor (import->document, label)) != NULL)
    {
      node->actor_id = ties_actor_get_id (existing);
      return;
    }

  role = lookup_value (import, DOMAIN_NODE, values, "role");
  notes = lookup_value (import, DOMAIN_NODE, values, "notes");
  aliases = lookup_value (import, DOMAIN_NODE, values, "aliases");
  color = lookup_value (import, DOMAIN_NODE, values, "color");
  pinned = lookup_value (import, DOMAIN_NODE, values, "pinned");
  x = lookup_value (import, DOMAIN_NODE, values, "x");
  y = lookup_value (import, DOMAIN_NODE, values, "y");
  kind_text = lookup_value (import, DOMAIN_NODE, values, "kind");

  check_length (import, node->line, _("label"), label, MAX_TEXT_LENGTH);
  check_length (import, node->line, _("role"), role, MAX_TEXT_LENGTH);

  if (kind_text != NULL)
    {
      folded_kind = _ties_network_import_fold_key (kind_text);
      /* As Gephi users in America spell it. */
      if (g_str_equal (folded_kind, "organization"))
        kind = TIES_ACTOR_ORGANISATION;
      else if (!ties_actor_kind_from_string (folded_kind, &kind))
        {
          kind = TIES_ACTOR_PERSON;
          g_hash_table_add (import->unknown_actor_kinds, g_strdup (kind_text));
        }
    }

  /* The export's own x and y keys, where yEd's geometry did not say. */
  if (x != NULL || y != NULL)
    {
      double vx = 0, vy = 0;

      if (!_ties_network_import_parse_double (x, &vx) || !_ties_network_import_parse_double (y, &vy))
        _ties_network_import_problem (import, node->line, _("“%s”, “%s” is not a position: x and y must both be numbers"),
                                      x != NULL ? x : "", y != NULL ? y : "");
      else if (!node->has_x)
        {
          node->has_x = node->has_y = TRUE;
          node->x = vx;
          node->y = vy;
        }
    }

  if (import->n_problems != n_problems)
    return;

  if (ties_document_is_valid_id (node->id) && strlen (node->id) <= MAX_ID_LENGTH && !id_in_use (import, node->id))
    id = take_id (import, g_strdup (node->id));
  else
    {
      /* A slug of the label's first words: an id is for files and scripts. */
      g_autofree char *start = g_utf8_substring (label, 0, MIN (g_utf8_strlen (label, -1), 60));

      id = take_id (import, ties_document_make_id (import->document, start));
    }

  actor = ties_actor_new (id, label, kind);
  if (role != NULL)
    ties_actor_set_role (actor, role);
  if (notes != NULL)
    ties_actor_set_notes (actor, notes);
  if (aliases != NULL)
    {
      g_auto(GStrv) list = split_list (aliases);

      for (guint i = 0; list[i] != NULL; i++)
        check_length (import, node->line, _("other name"), list[i], MAX_TEXT_LENGTH);
      if (list[0] != NULL)
        ties_actor_set_aliases (actor, (const char * const *) list);
    }
  if (node->color == NULL && color == NULL)
    node->color = gephi_color (import, node);
  if (node->color != NULL)
    ties_actor_set_color (actor, node->color);
  else if (color != NULL)
    {
      g_autofree char *folded = _ties_network_import_fold_key (color);

      if (folded[0] == '#' && strlen (folded) == 7 && strspn (folded + 1, "0123456789abcdef") == 6)
        ties_actor_set_color (actor, folded);
      else
        g_ptr_array_add (import->report,
                         g_strdup_printf (_("%s:%u: “%s” is not a colour (#rrggbb); the actor has none"),
                                          import->name, node->line, color));
    }
  if (node->has_x && node->has_y)
    {
      ties_actor_set_x (actor, node->x);
      ties_actor_set_y (actor, node->y);
      ties_actor_set_pinned (actor, is_true (pinned));
      ties_actor_set_has_position (actor, TRUE);
    }

  node->actor_id = id;
  node->added = g_steal_pointer (&actor);
}

/* A name as an event's title shows it: whole, unless it is longer than
 * a title may be. */
static char *
title_name (const char *name)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (name, -1) <= 1000)
    return g_strdup (name);

  start = g_utf8_substring (name, 0, 1000);
  return g_strconcat (start, "…", NULL);
}

/* Affiliations name another node, or an actor of the document: known
 * only once every node is. */
static void
resolve_affiliation (Import *import,
                     Node   *node)
{
  const char *text = lookup_value (import, DOMAIN_NODE, node->values, "affiliation");
  Node *other;
  TiesActor *actor;
  const char *id = NULL;

  if (node->added == NULL || text == NULL)
    return;

  if ((other = g_hash_table_lookup (import->node_index, text)) != NULL)
    id = other->actor_id;
  else if ((actor = _ties_import_find_actor (import->document, text)) != NULL)
    id = ties_actor_get_id (actor);

  if (id == NULL || g_str_equal (id, node->actor_id))
    {
      g_ptr_array_add (import->report,
                       g_strdup_printf (_("%s:%u: the affiliation “%s” is no other node or actor; it is left out"),
                                        import->name, node->line, text));
      return;
    }

  ties_actor_set_affiliation (node->added, id);
}

typedef struct {
  Edge       *edge;
  Node       *source;
  Node       *target;
  guint       n_events;
  gboolean    directed;
  GPtrArray  *kinds;           /* const char *, the document's kind ids */
  guint       n_from_source;   /* the export's counts of who reached out */
  guint       n_from_target;
  char       *weight_note;     /* a weight not kept as the events' number */
  char       *title;           /* the edge's own title or label, or NULL */
  char       *date;            /* an EDTF date the edge has, or NULL */
  const char *event;           /* the event it is one pair of, or NULL */
  GPtrArray  *participants;    /* const char *: all of that event's, or NULL */
  gboolean    merged;          /* its event is another edge's */
} EdgePlan;

static void
edge_plan_free (gpointer data)
{
  EdgePlan *plan = data;

  g_ptr_array_unref (plan->kinds);
  g_free (plan->weight_note);
  g_free (plan->title);
  g_free (plan->date);
  g_clear_pointer (&plan->participants, g_ptr_array_unref);
  g_free (plan);
}

/* Adds the kinds @text names to @kinds; FALSE when it names none. A
 * label that is no kind is free text (a title), not an unknown kind. */
static gboolean
add_kinds (Import     *import,
           GPtrArray  *kinds,
           const char *text,
           gboolean    is_list,
           gboolean    is_label)
{
  g_auto(GStrv) parts = NULL;
  gboolean found = FALSE;

  if (text == NULL || text[0] == '\0')
    return FALSE;

  if (is_list)
    parts = split_list (text);
  else
    parts = g_strdupv ((char *[]) { (char *) text, NULL });

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *kind = _ties_import_find_event_kind (import->document, parts[i]);

      if (kind == NULL)
        {
          if (!is_label)
            g_hash_table_add (import->unknown_kinds, g_strdup (parts[i]));
          continue;
        }
      found = TRUE;
      if (!g_ptr_array_find_with_equal_func (kinds, kind, g_str_equal, NULL))
        g_ptr_array_add (kinds, (gpointer) kind);
    }

  return found;
}

static guint
parse_count (const char *text)
{
  double value;

  if (text == NULL || !_ties_network_import_parse_double (text, &value) || value < 0 || value > G_MAXUINT || value != floor (value))
    return 0;

  return (guint) value;
}

static EdgePlan *
plan_edge (Import *import,
           Edge   *edge,
           guint  *n_capped,
           guint  *n_rounded,
           guint  *n_bad_dates)
{
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();
  const char *weight_text, *label, *title, *date;
  Node *source = g_hash_table_lookup (import->node_index, edge->source);
  Node *target = g_hash_table_lookup (import->node_index, edge->target);
  EdgePlan *plan;
  double weight = 1;
  guint n_problems = import->n_problems;

  if (source == NULL)
    _ties_network_import_problem (import, edge->line, _("the edge’s source “%s” is no node of the file"), edge->source);
  if (target == NULL)
    _ties_network_import_problem (import, edge->line, _("the edge’s target “%s” is no node of the file"), edge->target);

  weight_text = edge->weight;
  if (weight_text == NULL)
    weight_text = lookup_value (import, DOMAIN_EDGE, edge->values, "weight");
  if (weight_text != NULL && !_ties_network_import_parse_double (weight_text, &weight))
    _ties_network_import_problem (import, edge->line, _("“%s” is not a number: the edge’s weight"), weight_text);

  if (import->n_problems != n_problems)
    return NULL;

  plan = g_new0 (EdgePlan, 1);
  plan->edge = edge;
  plan->source = source;
  plan->target = target;
  plan->directed = edge->directed >= 0 ? edge->directed : import->directed;

  /* Ties' exports give the number of events as the weight; any other
   * weight becomes the nearest number of events, between 1 and the cap,
   * with the weight itself in the notes. */
  if (weight >= 0.5 && weight <= TIES_NETWORK_IMPORT_MAX_EVENTS_PER_EDGE)
    plan->n_events = (guint) lround (weight);
  else
    plan->n_events = weight < 0.5 ? 1 : TIES_NETWORK_IMPORT_MAX_EVENTS_PER_EDGE;
  if (weight > TIES_NETWORK_IMPORT_MAX_EVENTS_PER_EDGE)
    (*n_capped)++;
  else if (weight != plan->n_events)
    (*n_rounded)++;
  /* As the file writes it: 1.4, not 1.3999999999999999. */
  if (weight != plan->n_events)
    plan->weight_note = g_strstrip (g_strdup (weight_text));

  add_kinds (import, kinds, lookup_value (import, DOMAIN_EDGE, edge->values, "kinds"), TRUE, FALSE);
  add_kinds (import, kinds, lookup_value (import, DOMAIN_EDGE, edge->values, "kind"), FALSE, FALSE);
  add_kinds (import, kinds, edge->kind, FALSE, FALSE);
  add_kinds (import, kinds, lookup_value (import, DOMAIN_EDGE, edge->values, "type"), FALSE, FALSE);
  label = edge->label != NULL && edge->label[0] != '\0' ? edge->label
          : lookup_value (import, DOMAIN_EDGE, edge->values, "label");
  if (add_kinds (import, kinds, label, FALSE, TRUE))
    label = NULL;
  plan->kinds = g_steal_pointer (&kinds);

  /* What an edge per event says of its event (ties --gexf-edges=events
   * writes a title and a date): kept where the document can hold it. */
  title = lookup_value (import, DOMAIN_EDGE, edge->values, "title");
  if (title == NULL)
    title = label;
  if (title != NULL && strlen (title) <= MAX_TEXT_LENGTH)
    plan->title = g_strstrip (g_strdup (title));
  plan->event = lookup_value (import, DOMAIN_EDGE, edge->values, "event");
  date = lookup_value (import, DOMAIN_EDGE, edge->values, "date");
  if (date != NULL && ties_date_validate (date, NULL, NULL))
    plan->date = g_strdup (date);
  else if (date != NULL)
    (*n_bad_dates)++;

  if (!plan->directed)
    {
      guint from_source = parse_count (lookup_value (import, DOMAIN_EDGE, edge->values, "initiated_by_source"));
      guint from_target = parse_count (lookup_value (import, DOMAIN_EDGE, edge->values, "initiated_by_target"));

      if ((guint64) from_source + from_target <= plan->n_events)
        {
          plan->n_from_source = from_source;
          plan->n_from_target = from_target;
        }
    }

  return plan;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* "“a”, “b”", in a stable order for messages and tests. */
static char *
sorted_join (GHashTable *set)
{
  g_autofree const char **items = (const char **) g_hash_table_get_keys_as_array (set, NULL);
  GString *joined = g_string_new (NULL);

  g_qsort_with_data (items, g_hash_table_size (set), sizeof (char *), compare_strings, NULL);
  for (guint i = 0; items[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (joined, ", ");
      g_string_append_printf (joined, "“%s”", items[i]);
    }

  return g_string_free (joined, FALSE);
}

/* The events of one edge: @plan->n_events, each with one of the edge's
 * kinds in turn until each has been given, then its first. */
static void
make_events (Import    *import,
             EdgePlan  *plan,
             GPtrArray *events)
{
  const char *source = plan->source->actor_id;
  const char *target = plan->target->actor_id;
  const char *pair[] = { source, target, NULL };
  const char * const *participants = pair;
  g_autofree char *source_name = NULL;
  g_autofree char *target_name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *id_words = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *where = NULL;

  source_name = title_name (plan->source->added != NULL ? ties_actor_get_name (plan->source->added)
                                                        : ties_document_get_actor_name (import->document, source));
  target_name = title_name (plan->target->added != NULL ? ties_actor_get_name (plan->target->added)
                                                        : ties_document_get_actor_name (import->document, target));
  if (plan->title != NULL && plan->title[0] != '\0')
    title = g_strdup (plan->title);
  else
    /* Translators: an imported edge's events: the names of its two ends */
    title = g_strdup_printf (_("%s – %s"), source_name, target_name);
  /* An id is made of a title's first words; a name may be one word of
   * thousands of letters, and an id is at most 200. */
  id_words = g_utf8_substring (title, 0, MIN (g_utf8_strlen (title, -1), 60));

  if (plan->edge->id != NULL && plan->edge->id[0] != '\0')
    /* Translators: an edge's id, as in "edge e3" */
    where = g_strdup_printf (_("edge %s"), plan->edge->id);
  else
    /* Translators: where an edge without an id is in its file */
    where = g_strdup_printf (_("the edge on line %u"), plan->edge->line);

  if (plan->participants != NULL)
    {
      g_ptr_array_add (plan->participants, NULL);
      participants = (const char * const *) plan->participants->pdata;
    }

  if (plan->weight_note != NULL)
    /* Translators: the notes of an imported edge's events: a file name, "edge e3", the edge's weight */
    notes = g_strdup_printf (_("Imported from %s, %s (weight %s)."), import->basename, where, plan->weight_note);
  else
    /* Translators: the notes of an imported edge's events: a file name, then "edge e3" */
    notes = g_strdup_printf (_("Imported from %s, %s."), import->basename, where);

  for (guint i = 0; i < plan->n_events; i++)
    {
      const char *kind = plan->kinds->len == 0 ? "other"
                         : g_ptr_array_index (plan->kinds, i < plan->kinds->len ? i : 0);
      const char *id;
      TiesEvent *event;

      /* The event's own id, given back where it is free. */
      if (plan->event != NULL && ties_document_is_valid_id (plan->event) && strlen (plan->event) <= MAX_ID_LENGTH
          && !id_in_use (import, plan->event))
        id = take_id (import, g_strdup (plan->event));
      else
        id = take_id (import, ties_document_make_event_id (import->document, id_words, plan->date));
      event = ties_event_new (id, title, kind);
      const char *initiator = NULL;

      if (plan->directed)
        initiator = source;
      else if (i < plan->n_from_source)
        initiator = source;
      else if (i < plan->n_from_source + plan->n_from_target)
        initiator = target;

      ties_event_set_date (event, plan->date);
      /* As the document reader leaves an event without them. */
      ties_event_set_date_phrase (event, "");
      ties_event_set_participants (event, participants);
      ties_event_set_initiator (event, initiator);
      ties_event_set_notes (event, notes);
      g_ptr_array_add (events, event);
    }
}

static gboolean
too_large (const char  *name,
           guint64      size,
           GError     **error)
{
  g_autofree char *shown = g_format_size (size);
  g_autofree char *limit = g_format_size (TIES_NETWORK_IMPORT_MAX_BYTES);

  g_set_error (error, TIES_NETWORK_IMPORT_ERROR, TIES_NETWORK_IMPORT_ERROR_TOO_LARGE,
               /* TRANSLATORS: a file name, its size, then the largest size read */
               _("%s: the network is %s, more than the %s Ties reads"), name, shown, limit);

  return FALSE;
}

static gboolean
pair_is (EdgePlan   *plan,
         const char *a,
         const char *b)
{
  const char *source = plan->source->actor_id;
  const char *target = plan->target->actor_id;

  return (g_str_equal (source, a) && g_str_equal (target, b)) || (g_str_equal (source, b) && g_str_equal (target, a));
}

/* The edges of one event of Ties' edge per event (all pairs of its
 * participants, each with its "event") become that one event again, with
 * all its participants, rather than an event per pair. Only where the
 * edges are exactly those pairs, each of weight 1 and alike: anything
 * else stays an event per edge, as the edges say. */
static void
merge_event_edges (GPtrArray *plans)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < plans->len; i++)
    {
      EdgePlan *plan = g_ptr_array_index (plans, i);
      GPtrArray *group;

      if (plan->event == NULL || plan->n_events != 1 || plan->directed)
        continue;
      group = g_hash_table_lookup (groups, plan->event);
      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (groups, (gpointer) plan->event, group);
        }
      g_ptr_array_add (group, plan);
    }

  for (guint i = 0; i < plans->len; i++)
    {
      EdgePlan *first = g_ptr_array_index (plans, i);
      GPtrArray *group = first->event != NULL ? g_hash_table_lookup (groups, first->event) : NULL;
      g_autoptr(GPtrArray) people = NULL;
      gboolean whole = TRUE;

      if (group == NULL || group->len < 2 || g_ptr_array_index (group, 0) != first)
        continue;

      people = g_ptr_array_new ();
      for (guint j = 0; j < group->len; j++)
        {
          EdgePlan *plan = g_ptr_array_index (group, j);
          const char *ends[] = { plan->source->actor_id, plan->target->actor_id };

          whole = whole && g_strcmp0 (plan->title, first->title) == 0 && g_strcmp0 (plan->date, first->date) == 0
                  && plan->kinds->len == first->kinds->len
                  && (plan->kinds->len == 0 || g_str_equal (plan->kinds->pdata[0], first->kinds->pdata[0]));
          for (guint e = 0; e < 2; e++)
            if (!g_ptr_array_find_with_equal_func (people, ends[e], g_str_equal, NULL))
              g_ptr_array_add (people, (gpointer) ends[e]);
        }

      /* Every pair once: n (n - 1) / 2 edges, none twice. */
      whole = whole && group->len == people->len * (people->len - 1) / 2;
      for (guint a = 0; whole && a < people->len; a++)
        for (guint b = a + 1; whole && b < people->len; b++)
          {
            guint n = 0;

            for (guint j = 0; j < group->len; j++)
              n += pair_is (g_ptr_array_index (group, j), people->pdata[a], people->pdata[b]);
            whole = n == 1;
          }
      if (!whole)
        continue;

      first->participants = g_steal_pointer (&people);
      for (guint j = 1; j < group->len; j++)
        ((EdgePlan *) g_ptr_array_index (group, j))->merged = TRUE;
    }
}

gboolean
ties_network_import_is_network_name (const char *name)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  folded = g_ascii_strdown (name, -1);
  return g_str_has_suffix (folded, ".gexf") || g_str_has_suffix (folded, ".graphml");
}

gboolean
ties_network_import (TiesDocument  *document,
                     GBytes        *xml,
                     const char    *display_name,
                     guint         *n_actors,
                     guint         *n_events,
                     GPtrArray    **report,
                     GError       **error)
{
  g_auto(Import) import = { 0 };
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func (edge_plan_free);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  const TiesXmlReaders *readers;
  const char *data;
  gsize length;
  guint64 total = 0;
  guint n_added = 0, n_matched = 0, n_loops = 0, n_capped = 0, n_rounded = 0, n_bad_dates = 0;

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (xml != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_actors != NULL)
    *n_actors = 0;
  if (n_events != NULL)
    *n_events = 0;
  if (report != NULL)
    *report = NULL;

  import.document = document;
  import.name = display_name != NULL ? display_name : "network";
  import.basename = g_path_get_basename (import.name);
  for (guint i = 0; i < N_DOMAINS; i++)
    import.declared[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, attribute_free);
  import.nodes = g_ptr_array_new_with_free_func (node_free);
  import.node_index = g_hash_table_new (g_str_hash, g_str_equal);
  import.open_nodes = g_ptr_array_new ();
  import.edges = g_ptr_array_new_with_free_func (_ties_network_import_edge_free);
  import.text = g_string_new (NULL);
  import.problems = g_ptr_array_new_with_free_func (g_free);
  import.report = g_ptr_array_new_with_free_func (g_free);
  import.taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.unknown_kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.unknown_actor_kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  data = g_bytes_get_data (xml, &length);
  if (length > TIES_NETWORK_IMPORT_MAX_BYTES)
    return too_large (import.name, length, error);
  if (data == NULL || length == 0)
    {
      g_set_error (error, TIES_NETWORK_IMPORT_ERROR, TIES_NETWORK_IMPORT_ERROR_NOT_NETWORK,
                   _("%s: the file is empty, not a GEXF or GraphML network"), import.name);
      return FALSE;
    }

  readers = _ties_xml_readers_get (error);
  if (readers == NULL || !readers->read_network (&import, data, length, error))
    return FALSE;

  /* Every node first: an edge may come before its ends in GraphML. */
  for (guint i = 0; i < import.nodes->len; i++)
    {
      Node *node = g_ptr_array_index (import.nodes, i);

      if (node->id != NULL && node->id[0] != '\0' && g_hash_table_lookup (import.node_index, node->id) == node)
        resolve_node (&import, node);
    }
  for (guint i = 0; i < import.nodes->len; i++)
    resolve_affiliation (&import, g_ptr_array_index (import.nodes, i));

  for (guint i = 0; i < import.edges->len; i++)
    {
      Edge *edge = g_ptr_array_index (import.edges, i);
      EdgePlan *plan;

      if (edge->source == NULL || edge->target == NULL)
        continue;
      plan = plan_edge (&import, edge, &n_capped, &n_rounded, &n_bad_dates);
      if (plan == NULL)
        continue;
      /* A tie is between two actors: a node's edge to itself, or
       * between two nodes that are the same actor, has none. */
      if (plan->source->actor_id == NULL || plan->target->actor_id == NULL
          || g_str_equal (plan->source->actor_id, plan->target->actor_id))
        {
          n_loops++;
          edge_plan_free (plan);
          continue;
        }
      total += plan->n_events;
      g_ptr_array_add (plans, plan);
    }

  if (import.n_problems > 0)
    {
      g_autofree char *lines = NULL;

      if (import.n_problems > import.problems->len)
        g_ptr_array_add (import.problems,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: and %u more problem", "%s: and %u more problems",
                                                       import.n_problems - import.problems->len),
                                          import.name, import.n_problems - import.problems->len));
      g_ptr_array_add (import.problems, NULL);
      lines = g_strjoinv ("\n", (char **) import.problems->pdata);
      g_set_error_literal (error, TIES_NETWORK_IMPORT_ERROR, TIES_NETWORK_IMPORT_ERROR_INVALID, lines);
      return FALSE;
    }

  if (total > TIES_NETWORK_IMPORT_MAX_EVENTS)
    {
      /* A number first, so that the message has no G_GUINT64_FORMAT,
       * which xgettext cannot read. */
      g_autofree char *events_text = g_strdup_printf ("%" G_GUINT64_FORMAT, total);

      g_set_error (error, TIES_NETWORK_IMPORT_ERROR, TIES_NETWORK_IMPORT_ERROR_TOO_LARGE,
                   /* Translators: a file name, the events its edges' weights make, then the limit */
                   _("%s: the edges’ weights make %s events, more than the %u Ties imports at once"),
                   import.name, events_text, (guint) TIES_NETWORK_IMPORT_MAX_EVENTS);
      return FALSE;
    }

  merge_event_edges (plans);
  for (guint i = 0; i < plans->len; i++)
    {
      EdgePlan *plan = g_ptr_array_index (plans, i);

      if (!plan->merged)
        make_events (&import, plan, events);
    }

  ties_history_begin (ties_document_get_history (document), _("Import Network"));
  for (guint i = 0; i < import.nodes->len; i++)
    {
      Node *node = g_ptr_array_index (import.nodes, i);

      if (node->added != NULL)
        {
          ties_document_add_actor (document, node->added);
          n_added++;
        }
      else if (node->actor_id != NULL)
        n_matched++;
    }
  for (guint i = 0; i < events->len; i++)
    ties_document_add_event (document, g_ptr_array_index (events, i));
  ties_history_end (ties_document_get_history (document));

  if (n_matched > 0)
    g_ptr_array_add (import.report,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s: %u node was an actor of the document already",
                                                   "%s: %u nodes were actors of the document already", n_matched),
                                      import.name, n_matched));
  if (n_capped > 0)
    g_ptr_array_add (import.report,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s: %u edge weighs more than %u; it became %u events, its weight is in their notes",
                                                   "%s: %u edges weigh more than %u; each became %u events, its weight is in their notes",
                                                   n_capped),
                                      import.name, n_capped, (guint) TIES_NETWORK_IMPORT_MAX_EVENTS_PER_EDGE,
                                      (guint) TIES_NETWORK_IMPORT_MAX_EVENTS_PER_EDGE));
  if (n_rounded > 0)
    g_ptr_array_add (import.report,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s: %u edge’s weight is not a whole number of events; it was rounded, its weight is in the notes",
                                                   "%s: %u edges’ weights are not whole numbers of events; they were rounded, their weights are in the notes",
                                                   n_rounded),
                                      import.name, n_rounded));
  if (n_loops > 0)
    g_ptr_array_add (import.report,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s: %u edge joins an actor to itself; it is left out",
                                                   "%s: %u edges join an actor to itself; they are left out", n_loops),
                                      import.name, n_loops));
  if (n_bad_dates > 0)
    g_ptr_array_add (import.report,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s: %u edge’s date is not an EDTF date; its events have none",
                                                   "%s: %u edges’ dates are not EDTF dates; their events have none",
                                                   n_bad_dates),
                                      import.name, n_bad_dates));
  if (g_hash_table_size (import.unknown_kinds) > 0)
    {
      g_autofree char *kinds = sorted_join (import.unknown_kinds);

      g_ptr_array_add (import.report,
                       g_strdup_printf (_("%s: the event kinds %s are not the document’s; where an edge has no other, its events are “other”"),
                                        import.name, kinds));
    }
  if (g_hash_table_size (import.unknown_actor_kinds) > 0)
    {
      g_autofree char *kinds = sorted_join (import.unknown_actor_kinds);

      g_ptr_array_add (import.report,
                       g_strdup_printf (_("%s: the actor kinds %s are not person, organisation or group; those actors are people"),
                                        import.name, kinds));
    }
  if (import.n_ignored_hyperedges > 0)
    g_ptr_array_add (import.report,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u hyperedge is not imported",
                                                   "%s: %u hyperedges are not imported", import.n_ignored_hyperedges),
                                      import.name, import.n_ignored_hyperedges));

  if (n_actors != NULL)
    *n_actors = n_added;
  if (n_events != NULL)
    *n_events = events->len;
  if (report != NULL)
    *report = g_steal_pointer (&import.report);

  return TRUE;
}

gboolean
ties_network_import_from_file (TiesDocument  *document,
                               GFile         *file,
                               const char    *display_name,
                               guint         *n_actors,
                               guint         *n_events,
                               GPtrArray    **report,
                               GError       **error)
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

  /* Refused before it is read, as a table is. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && g_file_info_get_size (info) > TIES_NETWORK_IMPORT_MAX_BYTES)
    return too_large (name, g_file_info_get_size (info), error);

  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    {
      g_prefix_error (error, "%s: ", name);
      return FALSE;
    }

  return ties_network_import (document, bytes, name, n_actors, n_events, report, error);
}
