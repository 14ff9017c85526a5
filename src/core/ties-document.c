/* ties-document.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Over 1,000 lines on purpose: it is the only way in to the model, and every
 * edit function is a few lines over the history's two primitives; split
 * by collection, each part would need the private stores and indexes.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ties-collection-private.h"
#include "ties-document.h"
#include "ties-filter.h"
#include "ties-util.h"

struct _TiesDocument
{
  GObject parent_instance;

  char *title;
  char *description;

  GListStore *actors;
  GListStore *sources;
  GListStore *events;
  GListStore *event_kinds;
  TiesHistory *history;

  /* The stores above as the outside sees them: read-only. */
  TiesCollection *actor_list;
  TiesCollection *source_list;
  TiesCollection *event_list;
  TiesCollection *event_kind_list;

  char *layout;
  /* view.colors: "affiliation" or "community". */
  char *colors;
  char *focus;
  /* view.filter: edited through the history like layout and focus. */
  TiesFilter *filter;
  /* view.positions: id → double[2], never changed once set (the history
   * may hold it for undo); NULL for none. */
  GHashTable *positions;

  TiesExtras *extras;
  TiesExtras *view_extras;
  TiesExtras *filter_extras;

  /* Id → object, rebuilt when a store or an id changed since (stamp
   * differs): not after every keystroke in a title. */
  GHashTable *actor_index;
  GHashTable *source_index;
  GHashTable *event_index;
  guint64 stamp;
  guint64 index_stamp;

  /* What the edits applied since the last "changed" touched. */
  TiesDocumentChange changes;
};

G_DEFINE_FINAL_TYPE (TiesDocument, ties_document, G_TYPE_OBJECT)
G_DEFINE_FLAGS_TYPE (TiesDocumentChange, ties_document_change,
  G_DEFINE_ENUM_VALUE (TIES_DOCUMENT_CHANGE_NONE, "none"),
  G_DEFINE_ENUM_VALUE (TIES_DOCUMENT_CHANGE_EVENTS, "events"),
  G_DEFINE_ENUM_VALUE (TIES_DOCUMENT_CHANGE_EVENT_TIES, "event-ties"),
  G_DEFINE_ENUM_VALUE (TIES_DOCUMENT_CHANGE_EVENT_TEXT, "event-text"),
  G_DEFINE_ENUM_VALUE (TIES_DOCUMENT_CHANGE_EVIDENCE, "evidence"),
  G_DEFINE_ENUM_VALUE (TIES_DOCUMENT_CHANGE_ACTORS, "actors"),
  G_DEFINE_ENUM_VALUE (TIES_DOCUMENT_CHANGE_ACTOR_LOOK, "actor-look"),
  G_DEFINE_ENUM_VALUE (TIES_DOCUMENT_CHANGE_ACTOR_PLACE, "actor-place"),
  G_DEFINE_ENUM_VALUE (TIES_DOCUMENT_CHANGE_ACTOR_TEXT, "actor-text"),
  G_DEFINE_ENUM_VALUE (TIES_DOCUMENT_CHANGE_SOURCES, "sources"),
  G_DEFINE_ENUM_VALUE (TIES_DOCUMENT_CHANGE_EVENT_KINDS, "event-kinds"),
  G_DEFINE_ENUM_VALUE (TIES_DOCUMENT_CHANGE_VIEW, "view"),
  G_DEFINE_ENUM_VALUE (TIES_DOCUMENT_CHANGE_INFO, "info"))

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_LAYOUT,
  PROP_COLORS,
  PROP_FOCUS,
  PROP_POSITIONS,
  N_PROPS
};

enum {
  CHANGED,
  PARTS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
ties_document_touch (TiesDocument *self)
{
  g_assert (TIES_IS_DOCUMENT (self));

  self->stamp++;
}

static gboolean
property_is (GParamSpec *pspec,
             const char *name)
{
  return g_str_equal (pspec->name, name);
}

/* Which part of the document a property of @object is. */
static TiesDocumentChange
ties_document_classify (TiesDocument *self,
                        GObject      *object,
                        GParamSpec   *pspec)
{
  g_assert (TIES_IS_DOCUMENT (self));
  g_assert (pspec != NULL);

  if (TIES_IS_EVENT (object))
    {
      if (property_is (pspec, "participants") || property_is (pspec, "initiator") ||
          property_is (pspec, "kind") || property_is (pspec, "date"))
        return TIES_DOCUMENT_CHANGE_EVENT_TIES;
      return TIES_DOCUMENT_CHANGE_EVENT_TEXT;
    }

  if (TIES_IS_ACTOR (object))
    {
      if (property_is (pspec, "id"))
        return TIES_DOCUMENT_CHANGE_ACTORS;
      if (property_is (pspec, "role") || property_is (pspec, "notes"))
        return TIES_DOCUMENT_CHANGE_ACTOR_TEXT;
      if (property_is (pspec, "x") || property_is (pspec, "y") ||
          property_is (pspec, "has-position") || property_is (pspec, "pinned"))
        return TIES_DOCUMENT_CHANGE_ACTOR_PLACE;
      return TIES_DOCUMENT_CHANGE_ACTOR_LOOK;
    }

  if (TIES_IS_EVIDENCE (object))
    return TIES_DOCUMENT_CHANGE_EVIDENCE;
  if (TIES_IS_SOURCE (object))
    return TIES_DOCUMENT_CHANGE_SOURCES;
  if (TIES_IS_EVENT_KIND (object))
    return TIES_DOCUMENT_CHANGE_EVENT_KINDS;
  if (object == G_OBJECT (self->filter))
    return TIES_DOCUMENT_CHANGE_VIEW;

  if (object == G_OBJECT (self))
    {
      if (property_is (pspec, "title") || property_is (pspec, "description"))
        return TIES_DOCUMENT_CHANGE_INFO;
      return TIES_DOCUMENT_CHANGE_VIEW;
    }

  /* Something this list does not know: everything may depend on it. */
  return TIES_DOCUMENT_CHANGE_ALL;
}

/* Says that the event at the position of @event, or the one whose
 * quotes are @evidence_store or include @evidence, changed in place:
 * lists that filter or sort the events place that one again, without
 * redoing the others. */
static void
ties_document_event_changed (TiesDocument *self,
                             GObject      *event,
                             GObject      *evidence_store,
                             GObject      *evidence)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->events));
  guint position;

  g_assert (TIES_IS_DOCUMENT (self));

  if (event != NULL)
    {
      if (g_list_store_find (self->events, event, &position))
        _ties_collection_item_changed (self->event_list, position);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiesEvent) item = g_list_model_get_item (G_LIST_MODEL (self->events), i);
      GListStore *quotes = ties_event_get_evidence (item);

      if ((evidence_store != NULL && G_OBJECT (quotes) == evidence_store)
          || (evidence != NULL && g_list_store_find (quotes, evidence, NULL)))
        {
          _ties_collection_item_changed (self->event_list, i);
          return;
        }
    }
}

static void
on_history_applied (TiesDocument *self,
                    GObject      *object,
                    GParamSpec   *pspec,
                    TiesHistory  *history)
{
  g_assert (TIES_IS_DOCUMENT (self));

  if (pspec == NULL)
    {
      if (object == G_OBJECT (self->events))
        self->changes |= TIES_DOCUMENT_CHANGE_EVENTS;
      else if (object == G_OBJECT (self->actors))
        self->changes |= TIES_DOCUMENT_CHANGE_ACTORS;
      else if (object == G_OBJECT (self->sources))
        self->changes |= TIES_DOCUMENT_CHANGE_SOURCES;
      else if (object == G_OBJECT (self->event_kinds))
        self->changes |= TIES_DOCUMENT_CHANGE_EVENT_KINDS;
      else if (G_IS_LIST_MODEL (object)
               && g_list_model_get_item_type (G_LIST_MODEL (object)) == TIES_TYPE_EVIDENCE)
        {
          self->changes |= TIES_DOCUMENT_CHANGE_EVIDENCE;
          ties_document_event_changed (self, NULL, object, NULL);
        }
      else
        self->changes |= TIES_DOCUMENT_CHANGE_ALL;
      return;
    }

  self->changes |= ties_document_classify (self, object, pspec);

  if (TIES_IS_EVENT (object))
    ties_document_event_changed (self, object, NULL, NULL);
  else if (TIES_IS_EVIDENCE (object))
    ties_document_event_changed (self, NULL, NULL, object);

  /* The index is keyed by ids: a new id needs a new index. */
  if (property_is (pspec, "id"))
    ties_document_touch (self);
}

static void
on_store_items_changed (TiesDocument *self,
                        guint         position,
                        guint         removed,
                        guint         added,
                        GListModel   *model)
{
  ties_document_touch (self);
}

static void
on_history_changed (TiesDocument *self,
                    TiesHistory  *history)
{
  TiesDocumentChange changes = self->changes;

  self->changes = TIES_DOCUMENT_CHANGE_NONE;
  g_signal_emit (self, signals[PARTS_CHANGED], 0, changes);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
ties_document_finalize (GObject *object)
{
  TiesDocument *self = (TiesDocument *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_object (&self->history);
  g_clear_object (&self->actor_list);
  g_clear_object (&self->source_list);
  g_clear_object (&self->event_list);
  g_clear_object (&self->event_kind_list);
  g_clear_object (&self->actors);
  g_clear_object (&self->sources);
  g_clear_object (&self->events);
  g_clear_object (&self->event_kinds);
  g_clear_pointer (&self->layout, g_free);
  g_clear_pointer (&self->colors, g_free);
  g_clear_pointer (&self->focus, g_free);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->extras, ties_extras_free);
  g_clear_pointer (&self->view_extras, ties_extras_free);
  g_clear_pointer (&self->filter_extras, ties_extras_free);
  g_clear_pointer (&self->actor_index, g_hash_table_unref);
  g_clear_pointer (&self->source_index, g_hash_table_unref);
  g_clear_pointer (&self->event_index, g_hash_table_unref);

  G_OBJECT_CLASS (ties_document_parent_class)->finalize (object);
}

static void
ties_document_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TiesDocument *self = TIES_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_LAYOUT:
      g_value_set_string (value, self->layout);
      break;

    case PROP_COLORS:
      g_value_set_string (value, self->colors);
      break;

    case PROP_FOCUS:
      g_value_set_string (value, self->focus);
      break;

    case PROP_POSITIONS:
      g_value_set_boxed (value, self->positions);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_document_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TiesDocument *self = TIES_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      ties_document_set_title (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      ties_document_set_description (self, g_value_get_string (value));
      break;

    case PROP_LAYOUT:
      ties_document_set_layout (self, g_value_get_string (value));
      break;

    case PROP_COLORS:
      ties_document_set_colors (self, g_value_get_string (value));
      break;

    case PROP_FOCUS:
      ties_document_set_focus (self, g_value_get_string (value));
      break;

    case PROP_POSITIONS:
      ties_document_set_positions (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_document_class_init (TiesDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ties_document_finalize;
  object_class->get_property = ties_document_get_property;
  object_class->set_property = ties_document_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* "force", "radial" or "circle" */
  properties[PROP_LAYOUT] =
    g_param_spec_string ("layout", NULL, NULL,
                         "force",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* What the diagram's colours tell: "affiliation" or "community" */
  properties[PROP_COLORS] =
    g_param_spec_string ("colors", NULL, NULL,
                         "affiliation",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Id of the actor at the centre of a radial layout, or NULL */
  properties[PROP_FOCUS] =
    g_param_spec_string ("focus", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Where the last layout drew the actors (see ties_document_set_positions()). */
  properties[PROP_POSITIONS] =
    g_param_spec_boxed ("positions", NULL, NULL,
                        G_TYPE_HASH_TABLE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After every edit, undo and redo made through the history. */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  /* Just before "changed": which parts of the document it changed
   * (TiesDocumentChange), NONE when only the history's state did. */
  signals[PARTS_CHANGED] =
    g_signal_new ("parts-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, TIES_TYPE_DOCUMENT_CHANGE);
}

static void
ties_document_init (TiesDocument *self)
{
  self->title = g_strdup ("");
  self->description = g_strdup ("");
  self->layout = g_strdup ("force");
  self->colors = g_strdup ("affiliation");
  self->filter = ties_filter_new ();

  self->actors = g_list_store_new (TIES_TYPE_ACTOR);
  self->sources = g_list_store_new (TIES_TYPE_SOURCE);
  self->events = g_list_store_new (TIES_TYPE_EVENT);
  self->event_kinds = g_list_store_new (TIES_TYPE_EVENT_KIND);
  self->actor_list = _ties_collection_new (self->actors);
  self->source_list = _ties_collection_new (self->sources);
  self->event_list = _ties_collection_new (self->events);
  self->event_kind_list = _ties_collection_new (self->event_kinds);
  self->history = ties_history_new ();
  ties_history_set_owner (self->history, self);

  self->actor_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->source_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->event_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->index_stamp = G_MAXUINT64;

  g_signal_connect_object (self->actors, "items-changed", G_CALLBACK (on_store_items_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sources, "items-changed", G_CALLBACK (on_store_items_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->events, "items-changed", G_CALLBACK (on_store_items_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "applied", G_CALLBACK (on_history_applied), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "changed", G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);
}

TiesDocument *
ties_document_new (void)
{
  return g_object_new (TIES_TYPE_DOCUMENT, NULL);
}

#define DEFINE_STRING_PROPERTY(name, PROP, nullable)                          \
const char *                                                                  \
ties_document_get_##name (TiesDocument *self)                                 \
{                                                                             \
  g_return_val_if_fail (TIES_IS_DOCUMENT (self), NULL);                       \
  return self->name;                                                          \
}                                                                             \
                                                                              \
void                                                                          \
ties_document_set_##name (TiesDocument *self,                                 \
                          const char   *value)                                \
{                                                                             \
  g_return_if_fail (TIES_IS_DOCUMENT (self));                                 \
  if (!(nullable) && value == NULL)                                           \
    value = "";                                                               \
  if (_ties_set_str (&self->name, value))                                     \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);             \
}

DEFINE_STRING_PROPERTY (title, PROP_TITLE, FALSE)
DEFINE_STRING_PROPERTY (description, PROP_DESCRIPTION, FALSE)
DEFINE_STRING_PROPERTY (focus, PROP_FOCUS, TRUE)

#undef DEFINE_STRING_PROPERTY

const char *
ties_document_get_layout (TiesDocument *self)
{
  g_return_val_if_fail (TIES_IS_DOCUMENT (self), NULL);

  return self->layout;
}

void
ties_document_set_layout (TiesDocument *self,
                          const char   *layout)
{
  g_return_if_fail (TIES_IS_DOCUMENT (self));

  if (layout == NULL)
    layout = "force";

  if (_ties_set_str (&self->layout, layout))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
}

#define FILE_NAME_MAX_CHARS 100

char *
ties_document_make_file_name (TiesDocument *self,
                              const char   *fallback,
                              const char   *extension)
{
  g_autoptr(GString) name = g_string_new (NULL);
  const char *title;

  g_return_val_if_fail (TIES_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (fallback != NULL, NULL);
  g_return_val_if_fail (extension != NULL, NULL);

  title = g_utf8_validate (self->title, -1, NULL) ? self->title : "";
  for (const char *p = title; *p != '\0' && g_utf8_strlen (name->str, -1) < FILE_NAME_MAX_CHARS;
       p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* A separator keeps words apart; the rest of what is refused goes. */
      if (c == ':' || c == '/' || c == '\\' || c == '|')
        g_string_append (name, " - ");
      else if (g_unichar_isspace (c))
        g_string_append_c (name, ' ');
      else if (c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || g_unichar_iscntrl (c))
        continue;
      else
        g_string_append_unichar (name, c);
    }

  /* Runs of spaces and dashes as one " - " or " ", and none at the ends
   * (nor a dot: a name that starts with one is hidden). */
  {
    g_auto(GStrv) words = g_strsplit (name->str, " ", -1);
    g_autoptr(GString) joined = g_string_new (NULL);
    gboolean dash = FALSE;

    for (guint i = 0; words[i] != NULL; i++)
      {
        if (words[i][0] == '\0')
          continue;
        if (g_str_equal (words[i], "-"))
          {
            dash = joined->len > 0;
            continue;
          }
        if (joined->len > 0)
          g_string_append (joined, dash ? " - " : " ");
        g_string_append (joined, words[i]);
        dash = FALSE;
      }
    while (joined->len > 0 && (joined->str[0] == '.' || joined->str[0] == '-'))
      g_string_erase (joined, 0, 1);
    g_string_assign (name, joined->str);
  }

  if (name->len == 0)
    g_string_assign (name, fallback);
  g_string_append_printf (name, ".%s", extension);

  return g_string_free (g_steal_pointer (&name), FALSE);
}

const char *
ties_document_get_colors (TiesDocument *self)
{
  g_return_val_if_fail (TIES_IS_DOCUMENT (self), NULL);

  return self->colors;
}

void
ties_document_set_colors (TiesDocument *self,
                          const char   *colors)
{
  g_return_if_fail (TIES_IS_DOCUMENT (self));

  if (colors == NULL)
    colors = "affiliation";

  if (_ties_set_str (&self->colors, colors))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLORS]);
}

GHashTable *
ties_document_new_positions (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

GHashTable *
ties_document_get_positions (TiesDocument *self)
{
  g_return_val_if_fail (TIES_IS_DOCUMENT (self), NULL);

  return self->positions;
}

gboolean
ties_document_lookup_position (TiesDocument *self,
                               const char   *id,
                               double       *x,
                               double       *y)
{
  const double *xy;

  g_return_val_if_fail (TIES_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (self->positions == NULL || (xy = g_hash_table_lookup (self->positions, id)) == NULL)
    return FALSE;

  if (x != NULL)
    *x = xy[0];
  if (y != NULL)
    *y = xy[1];
  return TRUE;
}

/* Plain, like ties_document_set_layout(): not an edit by itself. A
 * layout remembers its places here after every run without making the
 * document modified or adding an undo step; Re-layout goes through
 * ties_history_set() on "positions" to be one. */
void
ties_document_set_positions (TiesDocument *self,
                             GHashTable   *positions)
{
  g_return_if_fail (TIES_IS_DOCUMENT (self));

  if (positions != NULL && g_hash_table_size (positions) == 0)
    positions = NULL;
  if (self->positions == positions)
    return;

  g_clear_pointer (&self->positions, g_hash_table_unref);
  self->positions = positions != NULL ? g_hash_table_ref (positions) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITIONS]);
}

void
ties_document_remember_positions (TiesDocument *self,
                                  GHashTable   *positions)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (TIES_IS_DOCUMENT (self));

  g_value_init (&value, G_TYPE_HASH_TABLE);
  g_value_set_boxed (&value, positions);
  ties_history_amend_value (self->history, self, "positions", &value);
}

void
ties_document_relayout (TiesDocument *self,
                        GHashTable   *positions)
{
  g_return_if_fail (TIES_IS_DOCUMENT (self));
  g_return_if_fail (positions != NULL);

  /* The same picture again is no step to undo. */
  if (self->positions != NULL && g_hash_table_size (self->positions) == g_hash_table_size (positions))
    {
      GHashTableIter iter;
      gpointer key, value;
      gboolean same = TRUE;

      g_hash_table_iter_init (&iter, positions);
      while (same && g_hash_table_iter_next (&iter, &key, &value))
        {
          const double *xy = g_hash_table_lookup (self->positions, key);

          same = xy != NULL && memcmp (xy, value, 2 * sizeof (double)) == 0;
        }
      if (same)
        return;
    }

  ties_history_begin (self->history, _("Re-layout"));
  ties_history_set (self->history, self, "positions", positions, NULL);
  ties_history_end (self->history);
}

/* One filter for the document's life: views follow its "changed". */
TiesFilter *
ties_document_get_filter (TiesDocument *self)
{
  g_return_val_if_fail (TIES_IS_DOCUMENT (self), NULL);

  return self->filter;
}

#define DEFINE_EXTRAS(name, field)                                            \
TiesExtras *                                                                  \
ties_document_get_##name (TiesDocument *self)                                 \
{                                                                             \
  g_return_val_if_fail (TIES_IS_DOCUMENT (self), NULL);                       \
  return self->field;                                                         \
}                                                                             \
                                                                              \
void                                                                          \
ties_document_take_##name (TiesDocument *self,                                \
                           TiesExtras   *extras)                              \
{                                                                             \
  g_return_if_fail (TIES_IS_DOCUMENT (self));                                 \
  g_clear_pointer (&self->field, ties_extras_free);                           \
  self->field = extras;                                                       \
}

DEFINE_EXTRAS (extras, extras)
DEFINE_EXTRAS (view_extras, view_extras)
DEFINE_EXTRAS (filter_extras, filter_extras)

#undef DEFINE_EXTRAS

GListModel *
ties_document_get_actors (TiesDocument *self)
{
  g_return_val_if_fail (TIES_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->actor_list);
}

GListModel *
ties_document_get_sources (TiesDocument *self)
{
  g_return_val_if_fail (TIES_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->source_list);
}

GListModel *
ties_document_get_events (TiesDocument *self)
{
  g_return_val_if_fail (TIES_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->event_list);
}

GListModel *
ties_document_get_event_kinds (TiesDocument *self)
{
  g_return_val_if_fail (TIES_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->event_kind_list);
}

/* Which store stands behind @collection, and which part of the
 * document it is; NULL if it is none of the document's. */
static GListStore *
ties_document_store_of (TiesDocument       *self,
                        GListModel         *collection,
                        TiesDocumentChange *part)
{
  g_assert (TIES_IS_DOCUMENT (self));

  if (collection == G_LIST_MODEL (self->actor_list))
    *part = TIES_DOCUMENT_CHANGE_ACTORS;
  else if (collection == G_LIST_MODEL (self->source_list))
    *part = TIES_DOCUMENT_CHANGE_SOURCES;
  else if (collection == G_LIST_MODEL (self->event_list))
    *part = TIES_DOCUMENT_CHANGE_EVENTS;
  else if (collection == G_LIST_MODEL (self->event_kind_list))
    *part = TIES_DOCUMENT_CHANGE_EVENT_KINDS;
  else
    return NULL;

  return _ties_collection_get_store (TIES_COLLECTION (collection));
}

void
ties_document_append_loaded (TiesDocument *self,
                             GListModel   *collection,
                             gpointer     *items,
                             guint         n_items)
{
  TiesDocumentChange part = TIES_DOCUMENT_CHANGE_NONE;
  GListStore *store;

  g_return_if_fail (TIES_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_LIST_MODEL (collection));
  g_return_if_fail (items != NULL || n_items == 0);

  store = ties_document_store_of (self, collection, &part);
  g_return_if_fail (store != NULL);

  if (n_items == 0)
    return;

  g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0, items, n_items);

  /* Not an edit, so not "changed" (nothing to save or undo); but what
   * was derived from the document, such as its ties, is stale. */
  g_signal_emit (self, signals[PARTS_CHANGED], 0, part);
}

TiesHistory *
ties_document_get_history (TiesDocument *self)
{
  g_return_val_if_fail (TIES_IS_DOCUMENT (self), NULL);

  return self->history;
}

typedef const char *(*GetIdFunc) (gpointer item);

static void
index_store (GHashTable *index,
             GListStore *store,
             GetIdFunc   get_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  g_hash_table_remove_all (index);

  for (guint i = 0; i < n; i++)
    {
      /* The store holds a reference, so the index need not. */
      gpointer item = g_list_model_get_item (G_LIST_MODEL (store), i);
      const char *id = get_id (item);

      /* The first of duplicate ids wins, as a reader would expect. */
      if (id != NULL && !g_hash_table_contains (index, id))
        g_hash_table_insert (index, (gpointer) id, item);

      g_object_unref (item);
    }
}

static void
ties_document_ensure_index (TiesDocument *self)
{
  g_assert (TIES_IS_DOCUMENT (self));

  /* Stores and ids change through the history, which touches the stamp
   * (see on_history_applied) and a load fills the stores: other edits,
   * a title typed, leave the index as it is. */
  if (self->index_stamp == self->stamp)
    return;

  index_store (self->actor_index, self->actors, (GetIdFunc) ties_actor_get_id);
  index_store (self->source_index, self->sources, (GetIdFunc) ties_source_get_id);
  index_store (self->event_index, self->events, (GetIdFunc) ties_event_get_id);
  self->index_stamp = self->stamp;
}

TiesActor *
ties_document_lookup_actor (TiesDocument *self,
                            const char   *id)
{
  g_return_val_if_fail (TIES_IS_DOCUMENT (self), NULL);

  if (id == NULL)
    return NULL;

  ties_document_ensure_index (self);

  return g_hash_table_lookup (self->actor_index, id);
}

/* "  Jacinda  ÁRDERN" → "jacinda ardern": compatibility decomposition
 * without the combining marks, case folded, spaces collapsed. */
static char *
fold_name (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  g_autoptr(GString) bare = g_string_new (NULL);
  gboolean space = FALSE;

  if (decomposed == NULL)
    return g_strdup ("");

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (g_unichar_type (c))
        {
        case G_UNICODE_NON_SPACING_MARK:
        case G_UNICODE_SPACING_MARK:
        case G_UNICODE_ENCLOSING_MARK:
          continue;
        default:
          break;
        }

      if (g_unichar_isspace (c))
        {
          space = bare->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (bare, ' ');
      space = FALSE;
      g_string_append_unichar (bare, c);
    }

  return g_utf8_casefold (bare->str, -1);
}

TiesActor *
ties_document_find_actor_by_name (TiesDocument  *self,
                                  const char    *name,
                                  const char   **matched)
{
  g_autofree char *key = NULL;
  GListModel *actors;
  guint n;

  g_return_val_if_fail (TIES_IS_DOCUMENT (self), NULL);

  if (matched != NULL)
    *matched = NULL;
  if (name == NULL)
    return NULL;

  key = fold_name (name);
  if (key[0] == '\0')
    return NULL;

  /* Names first: an actor called so wins over another's alias. */
  actors = G_LIST_MODEL (self->actors);
  n = g_list_model_get_n_items (actors);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiesActor) actor = g_list_model_get_item (actors, i);
      g_autofree char *folded = fold_name (ties_actor_get_name (actor));

      if (g_str_equal (folded, key))
        {
          if (matched != NULL)
            *matched = ties_actor_get_name (actor);
          return actor;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiesActor) actor = g_list_model_get_item (actors, i);
      const char * const *aliases = ties_actor_get_aliases (actor);

      for (guint j = 0; aliases != NULL && aliases[j] != NULL; j++)
        {
          g_autofree char *alias = fold_name (aliases[j]);

          if (g_str_equal (alias, key))
            {
              if (matched != NULL)
                *matched = aliases[j];
              return actor;
            }
        }
    }

  return NULL;
}

TiesSource *
ties_document_lookup_source (TiesDocument *self,
                             const char   *id)
{
  g_return_val_if_fail (TIES_IS_DOCUMENT (self), NULL);

  if (id == NULL)
    return NULL;

  ties_document_ensure_index (self);

  return g_hash_table_lookup (self->source_index, id);
}

TiesEvent *
ties_document_lookup_event (TiesDocument *self,
                            const char   *id)
{
  g_return_val_if_fail (TIES_IS_DOCUMENT (self), NULL);

  if (id == NULL)
    return NULL;

  ties_document_ensure_index (self);

  return g_hash_table_lookup (self->event_index, id);
}

/* Transfer none: the store holds it. */
static TiesEventKind *
ties_document_find_declared_kind (TiesDocument *self,
                                  const char   *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->event_kinds));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiesEventKind) kind = g_list_model_get_item (G_LIST_MODEL (self->event_kinds), i);

      if (g_strcmp0 (ties_event_kind_get_id (kind), id) == 0)
        return kind;
    }

  return NULL;
}

TiesEventKind *
ties_document_lookup_event_kind (TiesDocument *self,
                                 const char   *id)
{
  TiesEventKind *kind;

  g_return_val_if_fail (TIES_IS_DOCUMENT (self), NULL);

  if (id == NULL)
    return NULL;

  if ((kind = ties_document_find_declared_kind (self, id)) != NULL)
    return kind;

  return ties_event_kind_lookup_builtin (id);
}

const char *
ties_document_get_actor_name (TiesDocument *self,
                              const char   *actor_id)
{
  TiesActor *actor;

  g_return_val_if_fail (TIES_IS_DOCUMENT (self), NULL);

  actor = actor_id != NULL ? ties_document_lookup_actor (self, actor_id) : NULL;
  if (actor != NULL && ties_actor_get_name (actor) != NULL && ties_actor_get_name (actor)[0] != '\0')
    return ties_actor_get_name (actor);

  return actor_id;
}

const char *
ties_document_get_kind_label (TiesDocument *self,
                              const char   *kind_id)
{
  TiesEventKind *kind;

  g_return_val_if_fail (TIES_IS_DOCUMENT (self), NULL);

  kind = ties_document_lookup_event_kind (self, kind_id);
  if (kind != NULL && ties_event_kind_get_label (kind) != NULL)
    return ties_event_kind_get_label (kind);

  return kind_id;
}

static gboolean
ties_document_id_in_use (TiesDocument *self,
                         const char   *id)
{
  return ties_document_lookup_actor (self, id) != NULL
      || ties_document_lookup_source (self, id) != NULL
      || ties_document_lookup_event (self, id) != NULL;
}

gboolean
ties_document_is_valid_id (const char *id)
{
  g_return_val_if_fail (id != NULL, FALSE);

  if (!g_ascii_isalnum (*id))
    return FALSE;

  for (const char *p = id + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != ':' && *p != '-')
      return FALSE;

  return TRUE;
}

/* Ids made from names and titles stay short enough to read, and far
 * below the reader's limit: a name of ten thousand letters pasted as an
 * actor must not make a document that cannot be saved. */
#define ID_MAX_CHARS 64

static void
cap_slug (GString *slug,
          gsize    max_chars)
{
  if (slug->len > max_chars)
    g_string_truncate (slug, max_chars);
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
}

char *
ties_document_make_id (TiesDocument *self,
                       const char   *text)
{
  g_autoptr(GString) slug = g_string_new (NULL);
  g_autofree char *ascii = NULL;

  g_return_val_if_fail (TIES_IS_DOCUMENT (self), NULL);

  /* "Māori Party" → "maori-party": ids are for files and scripts. */
  ascii = g_str_to_ascii (text != NULL ? text : "", "C");
  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  cap_slug (slug, ID_MAX_CHARS);
  if (slug->len == 0)
    g_string_assign (slug, "item");

  if (!ties_document_id_in_use (self, slug->str))
    return g_string_free (g_steal_pointer (&slug), FALSE);

  for (guint n = 2; ; n++)
    {
      g_autofree char *candidate = g_strdup_printf ("%s-%u", slug->str, n);

      if (!ties_document_id_in_use (self, candidate))
        return g_steal_pointer (&candidate);
    }
}

/* Words that say little of which event it was. */
static const char * const id_stopwords[] = {
  "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with",
  "and", "or", "from", "about", "as", "into", "over", "after", "before",
  "is", "are", "was", "were", "be", "his", "her", "their", "its", NULL
};

/* At most this many words of the title make an event's id. */
#define ID_MAX_WORDS 4

char *
ties_document_make_event_id (TiesDocument *self,
                             const char   *title,
                             const char   *date)
{
  static const char * const months[] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december"
  };
  g_autoptr(GString) slug = g_string_new (NULL);
  g_autofree char *ascii = NULL;
  g_auto(GStrv) words = NULL;
  guint n_words = 0;

  g_return_val_if_fail (TIES_IS_DOCUMENT (self), NULL);

  /* "Ardern’s call to Dorsey" → "ardern call dorsey": the possessive and
   * the apostrophes go before the words are split at anything else. */
  ascii = g_str_to_ascii (title != NULL ? title : "", "C");
  for (char *p = ascii; *p != '\0'; p++)
    {
      if (*p == '\'' && (p[1] == 's' || p[1] == 'S') && !g_ascii_isalnum (p[2]))
        p[0] = p[1] = ' ';
      *p = g_ascii_isalnum (*p) || *p == '\'' ? g_ascii_tolower (*p) : ' ';
    }
  words = g_strsplit (ascii, " ", -1);

  for (guint i = 0; words[i] != NULL && n_words < ID_MAX_WORDS; i++)
    {
      g_autofree char *word = g_strdup (words[i]);
      char *out = word;

      for (const char *in = words[i]; *in != '\0'; in++)
        if (*in != '\'')
          *out++ = *in;
      *out = '\0';

      if (*word == '\0' || g_strv_contains (id_stopwords, word))
        continue;

      if (slug->len > 0)
        g_string_append_c (slug, '-');
      g_string_append (slug, word);
      n_words++;
    }

  /* Room for the month after it. */
  cap_slug (slug, ID_MAX_CHARS - strlen ("-september"));
  if (slug->len == 0)
    g_string_assign (slug, "event");

  /* "2019-04", "2019-04-17", "2019-04~", "2019-04-17/2019-04-20": the
   * month the event starts in, unless the title named it already. */
  if (date != NULL && strlen (date) >= 7
      && g_ascii_isdigit (date[0]) && g_ascii_isdigit (date[1])
      && g_ascii_isdigit (date[2]) && g_ascii_isdigit (date[3])
      && date[4] == '-' && g_ascii_isdigit (date[5]) && g_ascii_isdigit (date[6]))
    {
      guint month = (date[5] - '0') * 10 + (date[6] - '0');

      if (month >= 1 && month <= 12)
        {
          g_auto(GStrv) parts = g_strsplit (slug->str, "-", -1);

          if (!g_strv_contains ((const char * const *) parts, months[month - 1]))
            g_string_append_printf (slug, "-%s", months[month - 1]);
        }
    }

  return ties_document_make_id (self, slug->str);
}

/* A copy of @strv with @old replaced by @replacement (or dropped when
 * @replacement is NULL), without duplicates. */
static char **
strv_replace (const char * const *strv,
              const char         *old,
              const char         *replacement)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      const char *value = g_str_equal (strv[i], old) ? replacement : strv[i];

      if (value != NULL && g_hash_table_add (seen, (gpointer) value))
        g_strv_builder_add (builder, value);
    }

  return g_strv_builder_end (builder);
}

/* Every reference to actor @old now names @replacement (NULL: none). */
static void
ties_document_replace_actor_references (TiesDocument *self,
                                        const char   *old,
                                        const char   *replacement)
{
  guint n;

  g_assert (TIES_IS_DOCUMENT (self));
  g_assert (old != NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->events));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (G_LIST_MODEL (self->events), i);

      if (ties_event_has_participant (event, old))
        {
          g_auto(GStrv) participants = strv_replace (ties_event_get_participants (event), old, replacement);
          ties_history_set (self->history, event, "participants", participants, NULL);
        }

      if (g_strcmp0 (ties_event_get_initiator (event), old) == 0)
        ties_history_set (self->history, event, "initiator", replacement, NULL);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->actors));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiesActor) actor = g_list_model_get_item (G_LIST_MODEL (self->actors), i);

      if (g_strcmp0 (ties_actor_get_affiliation (actor), old) == 0)
        {
          /* An actor is never its own affiliation. */
          const char *value = g_strcmp0 (ties_actor_get_id (actor), replacement) == 0 ? NULL : replacement;
          ties_history_set (self->history, actor, "affiliation", value, NULL);
        }
    }

  if (g_strcmp0 (self->focus, old) == 0)
    ties_history_set (self->history, self, "focus", replacement, NULL);
}

void
ties_document_add_actor (TiesDocument *self,
                         TiesActor    *actor)
{
  g_return_if_fail (TIES_IS_DOCUMENT (self));
  g_return_if_fail (TIES_IS_ACTOR (actor));

  ties_history_begin (self->history, _("Add Actor"));
  ties_history_append (self->history, self->actors, actor);
  ties_history_end (self->history);
}

void
ties_document_remove_actor (TiesDocument *self,
                            TiesActor    *actor)
{
  guint position;

  g_return_if_fail (TIES_IS_DOCUMENT (self));
  g_return_if_fail (TIES_IS_ACTOR (actor));

  if (!g_list_store_find (self->actors, actor, &position))
    g_return_if_reached ();

  ties_history_begin (self->history, _("Delete Actor"));
  ties_document_replace_actor_references (self, ties_actor_get_id (actor), NULL);
  ties_history_remove (self->history, self->actors, position);
  ties_history_end (self->history);
}

void
ties_document_rename_actor (TiesDocument *self,
                            TiesActor    *actor,
                            const char   *new_id)
{
  g_autofree char *old_id = NULL;

  g_return_if_fail (TIES_IS_DOCUMENT (self));
  g_return_if_fail (TIES_IS_ACTOR (actor));
  g_return_if_fail (new_id != NULL && *new_id != '\0');

  old_id = g_strdup (ties_actor_get_id (actor));
  if (g_strcmp0 (old_id, new_id) == 0)
    return;

  ties_history_begin (self->history, _("Rename Actor"));
  ties_document_replace_actor_references (self, old_id, new_id);
  ties_history_set (self->history, actor, "id", new_id, NULL);
  ties_history_end (self->history);
}

void
ties_document_merge_actors (TiesDocument *self,
                            TiesActor    *keep,
                            TiesActor    *merged)
{
  g_autoptr(GStrvBuilder) aliases = NULL;
  g_auto(GStrv) new_aliases = NULL;
  const char * const *old_aliases;
  guint position;

  g_return_if_fail (TIES_IS_DOCUMENT (self));
  g_return_if_fail (TIES_IS_ACTOR (keep));
  g_return_if_fail (TIES_IS_ACTOR (merged));
  g_return_if_fail (keep != merged);

  if (!g_list_store_find (self->actors, merged, &position))
    g_return_if_reached ();

  /* The merged actor's names stay findable as aliases of the one kept. */
  aliases = g_strv_builder_new ();
  old_aliases = ties_actor_get_aliases (keep);
  for (guint i = 0; old_aliases != NULL && old_aliases[i] != NULL; i++)
    g_strv_builder_add (aliases, old_aliases[i]);
  if (g_strcmp0 (ties_actor_get_name (merged), ties_actor_get_name (keep)) != 0
      && !g_strv_contains (old_aliases, ties_actor_get_name (merged)))
    g_strv_builder_add (aliases, ties_actor_get_name (merged));
  old_aliases = ties_actor_get_aliases (merged);
  for (guint i = 0; old_aliases != NULL && old_aliases[i] != NULL; i++)
    if (!g_strv_contains (ties_actor_get_aliases (keep), old_aliases[i]))
      g_strv_builder_add (aliases, old_aliases[i]);
  new_aliases = g_strv_builder_end (aliases);

  ties_history_begin (self->history, _("Merge Actors"));
  ties_document_replace_actor_references (self, ties_actor_get_id (merged), ties_actor_get_id (keep));
  ties_history_set (self->history, keep, "aliases", new_aliases, NULL);
  ties_history_remove (self->history, self->actors, position);
  ties_history_end (self->history);
}

void
ties_document_move_actor (TiesDocument *self,
                          TiesActor    *actor,
                          double        x,
                          double        y,
                          gboolean      pinned)
{
  g_return_if_fail (TIES_IS_DOCUMENT (self));
  g_return_if_fail (TIES_IS_ACTOR (actor));

  ties_history_begin (self->history, _("Move Actor"));
  ties_history_set (self->history, actor,
                    "has-position", TRUE,
                    "x", x,
                    "y", y,
                    "pinned", pinned,
                    NULL);
  ties_history_end (self->history);
}

void
ties_document_add_source (TiesDocument *self,
                          TiesSource   *source)
{
  g_return_if_fail (TIES_IS_DOCUMENT (self));
  g_return_if_fail (TIES_IS_SOURCE (source));

  ties_history_begin (self->history, _("Add Source"));
  ties_history_append (self->history, self->sources, source);
  ties_history_end (self->history);
}

void
ties_document_remove_source (TiesDocument *self,
                             TiesSource   *source)
{
  const char *id;
  guint position;
  guint n;

  g_return_if_fail (TIES_IS_DOCUMENT (self));
  g_return_if_fail (TIES_IS_SOURCE (source));

  if (!g_list_store_find (self->sources, source, &position))
    g_return_if_reached ();

  id = ties_source_get_id (source);

  ties_history_begin (self->history, _("Delete Source"));

  /* Evidence without its source would dangle. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->events));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (G_LIST_MODEL (self->events), i);
      GListStore *evidence = ties_event_get_evidence (event);

      for (guint j = g_list_model_get_n_items (G_LIST_MODEL (evidence)); j > 0; j--)
        {
          g_autoptr(TiesEvidence) item = g_list_model_get_item (G_LIST_MODEL (evidence), j - 1);

          if (g_strcmp0 (ties_evidence_get_source (item), id) == 0)
            ties_history_remove (self->history, evidence, j - 1);
        }
    }

  ties_history_remove (self->history, self->sources, position);
  ties_history_end (self->history);
}

void
ties_document_add_event (TiesDocument *self,
                         TiesEvent    *event)
{
  g_return_if_fail (TIES_IS_DOCUMENT (self));
  g_return_if_fail (TIES_IS_EVENT (event));

  ties_history_begin (self->history, _("Add Event"));
  ties_history_append (self->history, self->events, event);
  ties_history_end (self->history);
}

/* Like ties_document_add_event(), at @position (clamped to the end),
 * as one undo step named @label (NULL: "Add Event"). */
void
ties_document_insert_event (TiesDocument *self,
                            guint         position,
                            TiesEvent    *event,
                            const char   *label)
{
  g_return_if_fail (TIES_IS_DOCUMENT (self));
  g_return_if_fail (TIES_IS_EVENT (event));

  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->events)));

  ties_history_begin (self->history, label != NULL ? label : _("Add Event"));
  ties_history_insert (self->history, self->events, position, event);
  ties_history_end (self->history);
}

void
ties_document_remove_event (TiesDocument *self,
                            TiesEvent    *event)
{
  guint position;

  g_return_if_fail (TIES_IS_DOCUMENT (self));
  g_return_if_fail (TIES_IS_EVENT (event));

  if (!g_list_store_find (self->events, event, &position))
    g_return_if_reached ();

  ties_history_begin (self->history, C_("undo", "Delete Event"));
  ties_history_remove (self->history, self->events, position);
  ties_history_end (self->history);
}

void
ties_document_add_event_kind (TiesDocument  *self,
                              TiesEventKind *kind)
{
  g_return_if_fail (TIES_IS_DOCUMENT (self));
  g_return_if_fail (TIES_IS_EVENT_KIND (kind));
  g_return_if_fail (ties_event_kind_get_id (kind) != NULL);

  ties_history_begin (self->history, _("Add Event Kind"));
  ties_history_append (self->history, self->event_kinds, kind);
  ties_history_end (self->history);
}

TiesEventKind *
ties_document_edit_event_kind (TiesDocument *self,
                               const char   *id)
{
  TiesEventKind *builtin;
  TiesEventKind *declared;
  g_autoptr(TiesEventKind) copy = NULL;

  g_return_val_if_fail (TIES_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if ((declared = ties_document_find_declared_kind (self, id)) != NULL)
    return declared;

  if ((builtin = ties_event_kind_lookup_builtin (id)) == NULL)
    return NULL;

  /* The built-in kinds are shared by every document: an edit goes to a
   * copy the document declares, which then overrides the built-in one.
   * Its colour stays unset, so it keeps the built-in default until one
   * is chosen. */
  copy = ties_event_kind_new (id, ties_event_kind_get_label (builtin), ties_event_kind_get_line (builtin));
  ties_history_begin (self->history, _("Edit Event Kind"));
  ties_history_append (self->history, self->event_kinds, copy);
  ties_history_end (self->history);

  /* The store holds it now. */
  return copy;
}

void
ties_document_dismiss_suggestion (TiesDocument *self,
                                  TiesSource   *source,
                                  const char   *exact)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) dismissed = NULL;

  g_return_if_fail (TIES_IS_DOCUMENT (self));
  g_return_if_fail (TIES_IS_SOURCE (source));
  g_return_if_fail (exact != NULL && *exact != '\0');

  if (ties_source_is_dismissed (source, exact))
    return;

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) ties_source_get_dismissed (source));
  g_strv_builder_add (builder, exact);
  dismissed = g_strv_builder_end (builder);

  ties_history_begin (self->history, _("Dismiss Proposal"));
  ties_history_set (self->history, source, "dismissed", dismissed, NULL);
  ties_history_end (self->history);
}

void
ties_document_reattach_evidence (TiesDocument *self,
                                 TiesEvidence *evidence,
                                 TiesSource   *source,
                                 glong         start,
                                 glong         end)
{
  g_autoptr(TiesEvidence) fresh = NULL;

  g_return_if_fail (TIES_IS_DOCUMENT (self));
  g_return_if_fail (TIES_IS_EVIDENCE (evidence));
  g_return_if_fail (TIES_IS_SOURCE (source));

  if ((fresh = ties_evidence_new_for_range (source, start, end)) == NULL)
    return;

  /* The stored words are replaced by the passage chosen: it is what the
   * evidence now quotes, and its context what will find it again. */
  ties_history_begin (self->history, _("Re-attach Evidence"));
  ties_history_set (self->history, evidence,
                    "source", ties_evidence_get_source (fresh),
                    "exact", ties_evidence_get_exact (fresh),
                    "prefix", ties_evidence_get_prefix (fresh),
                    "suffix", ties_evidence_get_suffix (fresh),
                    "start", ties_evidence_get_start (fresh),
                    "end", ties_evidence_get_end (fresh),
                    "status", TIES_EVIDENCE_ANCHORED,
                    NULL);
  ties_history_end (self->history);
}

static gboolean
text_ends_with (const char *text,
                const char *end_of_match,
                const char *prefix)
{
  gsize len = strlen (prefix);

  return (gsize) (end_of_match - text) >= len
      && memcmp (end_of_match - len, prefix, len) == 0;
}

/* Where in @source's text the quote of @evidence is, as a code point
 * offset, or -1 when it cannot be placed for sure:
 * - found once, it is there;
 * - found several times, the one occurrence whose text before ends with
 *   the prefix and whose text after starts with the suffix; failing that,
 *   the one occurrence with either (a correction next to the quote
 *   changes one side of its context, seldom both);
 * - when the context names several or none of them, @hint (the quote's
 *   old place, where an edit of the text says it still is; -1: none)
 *   decides, but only if it is one of them.
 * Anything else would attach evidence to words it never quoted. */
static glong
find_quote (TiesEvidence *evidence,
            TiesSource   *source,
            glong         hint)
{
  const char *exact = ties_evidence_get_exact (evidence);
  const char *prefix = ties_evidence_get_prefix (evidence);
  const char *suffix = ties_evidence_get_suffix (evidence);
  const char *text = ties_source_get_text (source);
  gsize exact_len = strlen (exact);
  gsize suffix_len = strlen (suffix);
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) in_context = NULL;
  g_autoptr(GArray) one_side = NULL;
  GArray *pool;

  if (exact_len == 0)
    return -1;

  all = g_array_new (FALSE, FALSE, sizeof (glong));
  in_context = g_array_new (FALSE, FALSE, sizeof (glong));
  one_side = g_array_new (FALSE, FALSE, sizeof (glong));
  for (const char *p = strstr (text, exact); p != NULL; p = strstr (p + 1, exact))
    {
      gboolean before, after;
      glong offset;

      /* A match must start a character, not the tail of one. */
      if ((*p & 0xC0) == 0x80)
        continue;

      offset = ties_source_byte_to_offset (source, p - text);
      g_array_append_val (all, offset);
      before = text_ends_with (text, p, prefix);
      after = strncmp (p + exact_len, suffix, suffix_len) == 0;
      if (before && after)
        g_array_append_val (in_context, offset);
      else if (before || after)
        g_array_append_val (one_side, offset);
    }

  if (all->len == 1)
    return g_array_index (all, glong, 0);
  if (in_context->len == 1)
    return g_array_index (in_context, glong, 0);
  if (in_context->len == 0 && one_side->len == 1)
    return g_array_index (one_side, glong, 0);

  pool = in_context->len > 1 ? in_context : all;
  for (guint i = 0; hint >= 0 && i < pool->len; i++)
    if (g_array_index (pool, glong, i) == hint)
      return hint;

  return -1;
}

TiesEvidenceStatus
ties_evidence_anchor (TiesEvidence *evidence,
                      TiesSource   *source)
{
  const char *exact;
  TiesEvidenceStatus status;
  glong start;

  g_return_val_if_fail (TIES_IS_EVIDENCE (evidence), TIES_EVIDENCE_ORPHANED);
  g_return_val_if_fail (source == NULL || TIES_IS_SOURCE (source), TIES_EVIDENCE_ORPHANED);

  exact = ties_evidence_get_exact (evidence);

  if (source == NULL || *exact == '\0')
    {
      status = TIES_EVIDENCE_ORPHANED;
      goto out;
    }

  if (ties_source_range_equals (source,
                                ties_evidence_get_start (evidence),
                                ties_evidence_get_end (evidence),
                                exact))
    {
      status = TIES_EVIDENCE_ANCHORED;
      goto out;
    }

  /* The text changed, or the offsets were wrong: the quote, narrowed by its
   * prefix and suffix, may still say where it belongs. */
  start = find_quote (evidence, source, -1);
  if (start >= 0)
    {
      ties_evidence_set_start (evidence, start);
      ties_evidence_set_end (evidence, start + g_utf8_strlen (exact, -1));
      status = TIES_EVIDENCE_REANCHORED;
    }
  else
    {
      status = TIES_EVIDENCE_ORPHANED;
    }

out:
  ties_evidence_set_status (evidence, status);

  return status;
}

/* How an edit turned @old into @new: the code points both start with and
 * both end with; what lies between them was replaced. */
typedef struct
{
  glong head;       /* code points in common at the start */
  glong old_tail;   /* where the common end starts in @old */
  glong shift;      /* new length - old length */
} TextEdit;

static void
text_edit_init (TextEdit   *edit,
                const char *old,
                const char *new)
{
  gsize old_len = strlen (old);
  gsize new_len = strlen (new);
  gsize head = 0;
  gsize tail = 0;

  while (head < old_len && head < new_len && old[head] == new[head])
    head++;
  /* Back to the start of a character both share whole. */
  while (head > 0 && (old[head] & 0xC0) == 0x80)
    head--;

  while (tail < old_len - head && tail < new_len - head
         && old[old_len - tail - 1] == new[new_len - tail - 1])
    tail++;
  while (tail > 0 && (old[old_len - tail] & 0xC0) == 0x80)
    tail--;

  edit->head = g_utf8_strlen (old, head);
  edit->old_tail = g_utf8_strlen (old, old_len - tail);
  edit->shift = g_utf8_strlen (new, new_len) - g_utf8_strlen (old, old_len);
}

/* Where [start, end) of the old text is in the new one, or -1 when the
 * edit touched it. */
static glong
text_edit_map (const TextEdit *edit,
               glong           start,
               glong           end)
{
  if (end <= edit->head)
    return start;
  if (start >= edit->old_tail)
    return start + edit->shift;

  return -1;
}

void
ties_document_set_source_text (TiesDocument *self,
                               TiesSource   *source,
                               const char   *text)
{
  g_autofree char *old_text = NULL;
  const char *id;
  TextEdit edit;
  guint n;

  g_return_if_fail (TIES_IS_DOCUMENT (self));
  g_return_if_fail (TIES_IS_SOURCE (source));

  if (text == NULL)
    text = "";
  if (g_str_equal (text, ties_source_get_text (source)))
    return;

  old_text = g_strdup (ties_source_get_text (source));
  text_edit_init (&edit, old_text, text);
  id = ties_source_get_id (source);

  ties_history_begin (self->history, _("Edit Source Text"));
  ties_history_set (self->history, source, "text", text, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->events));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (G_LIST_MODEL (self->events), i);
      GListModel *evidence = G_LIST_MODEL (ties_event_get_evidence (event));
      guint n_evidence = g_list_model_get_n_items (evidence);

      for (guint j = 0; j < n_evidence; j++)
        {
          g_autoptr(TiesEvidence) item = g_list_model_get_item (evidence, j);
          glong old_start = ties_evidence_get_start (item);
          glong old_end = ties_evidence_get_end (item);
          glong hint = -1;
          glong start;

          if (g_strcmp0 (ties_evidence_get_source (item), id) != 0)
            continue;

          /* The old place counts only if the quote was there (an orphan's
           * offsets may point anywhere) and the edit left it alone. */
          if (ties_evidence_get_status (item) != TIES_EVIDENCE_ORPHANED)
            hint = text_edit_map (&edit, old_start, old_end);

          start = find_quote (item, source, hint);
          if (start < 0)
            {
              /* Kept as written, offsets and all, to be re-attached by
               * hand: never moved to words it did not quote. */
              ties_history_set (self->history, item, "status", TIES_EVIDENCE_ORPHANED, NULL);
              continue;
            }

          /* Anchored, not "re-anchored": the edit explains the move, the
           * offsets were not wrong. */
          ties_history_set (self->history, item,
                            "start", (guint) start,
                            "end", (guint) (start + g_utf8_strlen (ties_evidence_get_exact (item), -1)),
                            "status", TIES_EVIDENCE_ANCHORED,
                            NULL);
        }
    }

  ties_history_end (self->history);
}

/* Walks every evidence item, anchoring each first if @anchor, and
 * counts the orphaned ones. */
static guint
count_orphaned (TiesDocument *self,
                gboolean      anchor)
{
  GListModel *events = G_LIST_MODEL (self->events);
  guint n_orphaned = 0;
  guint n = g_list_model_get_n_items (events);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (events, i);
      GListModel *evidence = G_LIST_MODEL (ties_event_get_evidence (event));
      guint n_evidence = g_list_model_get_n_items (evidence);

      for (guint j = 0; j < n_evidence; j++)
        {
          g_autoptr(TiesEvidence) item = g_list_model_get_item (evidence, j);

          if (anchor)
            ties_evidence_anchor (item, ties_document_lookup_source (self, ties_evidence_get_source (item)));
          if (ties_evidence_get_status (item) == TIES_EVIDENCE_ORPHANED)
            n_orphaned++;
        }
    }

  return n_orphaned;
}

guint
ties_document_anchor_evidence (TiesDocument *self)
{
  g_return_val_if_fail (TIES_IS_DOCUMENT (self), 0);

  return count_orphaned (self, TRUE);
}

guint
ties_document_count_orphaned (TiesDocument *self)
{
  g_return_val_if_fail (TIES_IS_DOCUMENT (self), 0);

  return count_orphaned (self, FALSE);
}
