/* ties-actor.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ties-actor.h"
#include "ties-util.h"

struct _TiesActor
{
  GObject parent_instance;
  char *id;
  char *name;
  TiesActorKind kind;
  char *role;
  char *affiliation;
  char *color;
  char **aliases;
  char *notes;
  gboolean has_position;
  double x;
  double y;
  gboolean pinned;
  TiesExtras *extras;
  TiesExtras *position_extras;
};

G_DEFINE_FINAL_TYPE (TiesActor, ties_actor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_ROLE,
  PROP_AFFILIATION,
  PROP_COLOR,
  PROP_ALIASES,
  PROP_NOTES,
  PROP_HAS_POSITION,
  PROP_X,
  PROP_Y,
  PROP_PINNED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ties_actor_finalize (GObject *object)
{
  TiesActor *self = (TiesActor *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->affiliation, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->aliases, g_strfreev);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->extras, ties_extras_free);
  g_clear_pointer (&self->position_extras, ties_extras_free);

  G_OBJECT_CLASS (ties_actor_parent_class)->finalize (object);
}

static void
ties_actor_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TiesActor *self = TIES_ACTOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_AFFILIATION:
      g_value_set_string (value, self->affiliation);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_ALIASES:
      g_value_set_boxed (value, self->aliases);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_HAS_POSITION:
      g_value_set_boolean (value, self->has_position);
      break;

    case PROP_X:
      g_value_set_double (value, self->x);
      break;

    case PROP_Y:
      g_value_set_double (value, self->y);
      break;

    case PROP_PINNED:
      g_value_set_boolean (value, self->pinned);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_actor_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TiesActor *self = TIES_ACTOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      ties_actor_set_id (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      ties_actor_set_name (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      ties_actor_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_ROLE:
      ties_actor_set_role (self, g_value_get_string (value));
      break;

    case PROP_AFFILIATION:
      ties_actor_set_affiliation (self, g_value_get_string (value));
      break;

    case PROP_COLOR:
      ties_actor_set_color (self, g_value_get_string (value));
      break;

    case PROP_ALIASES:
      ties_actor_set_aliases (self, g_value_get_boxed (value));
      break;

    case PROP_NOTES:
      ties_actor_set_notes (self, g_value_get_string (value));
      break;

    case PROP_HAS_POSITION:
      ties_actor_set_has_position (self, g_value_get_boolean (value));
      break;

    case PROP_X:
      ties_actor_set_x (self, g_value_get_double (value));
      break;

    case PROP_Y:
      ties_actor_set_y (self, g_value_get_double (value));
      break;

    case PROP_PINNED:
      ties_actor_set_pinned (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_actor_class_init (TiesActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ties_actor_finalize;
  object_class->get_property = ties_actor_get_property;
  object_class->set_property = ties_actor_set_property;

  /* Stable identifier used by references in the document */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Display name */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Person, organisation or group */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       TIES_TYPE_ACTOR_KIND, TIES_ACTOR_PERSON,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Role or title, "" when unknown */
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Id of the actor this one belongs to, or NULL */
  properties[PROP_AFFILIATION] =
    g_param_spec_string ("affiliation", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* "#rrggbb", or NULL to let the diagram choose */
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Other names the sources use */
  properties[PROP_ALIASES] =
    g_param_spec_boxed ("aliases", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Free notes */
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Whether x and y hold a diagram position */
  properties[PROP_HAS_POSITION] =
    g_param_spec_boolean ("has-position", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Diagram position */
  properties[PROP_X] =
    g_param_spec_double ("x", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Diagram position */
  properties[PROP_Y] =
    g_param_spec_double ("y", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Whether layouts must keep this actor where it is */
  properties[PROP_PINNED] =
    g_param_spec_boolean ("pinned", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ties_actor_init (TiesActor *self)
{
  self->name = g_strdup ("");
  self->kind = TIES_ACTOR_PERSON;
  self->role = g_strdup ("");
  self->aliases = g_new0 (char *, 1);
  self->notes = g_strdup ("");
}

TiesActor *
ties_actor_new (const char    *id,
                const char    *name,
                TiesActorKind  kind)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (TIES_TYPE_ACTOR,
                       "id", id,
                       "name", name != NULL ? name : "",
                       "kind", kind,
                       NULL);
}

const char *
ties_actor_get_id (TiesActor *self)
{
  g_return_val_if_fail (TIES_IS_ACTOR (self), NULL);

  return self->id;
}

void
ties_actor_set_id (TiesActor  *self,
                  const char *id)
{
  g_return_if_fail (TIES_IS_ACTOR (self));

  if (!_ties_set_str (&self->id, id))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
ties_actor_get_name (TiesActor *self)
{
  g_return_val_if_fail (TIES_IS_ACTOR (self), NULL);

  return self->name;
}

void
ties_actor_set_name (TiesActor  *self,
                    const char *name)
{
  g_return_if_fail (TIES_IS_ACTOR (self));

  /* Never NULL: an empty string means none. */
  if (name == NULL)
    name = "";

  if (!_ties_set_str (&self->name, name))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

TiesActorKind
ties_actor_get_kind (TiesActor *self)
{
  g_return_val_if_fail (TIES_IS_ACTOR (self), 0);

  return self->kind;
}

void
ties_actor_set_kind (TiesActor *self,
                    TiesActorKind kind)
{
  g_return_if_fail (TIES_IS_ACTOR (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
ties_actor_get_role (TiesActor *self)
{
  g_return_val_if_fail (TIES_IS_ACTOR (self), NULL);

  return self->role;
}

void
ties_actor_set_role (TiesActor  *self,
                    const char *role)
{
  g_return_if_fail (TIES_IS_ACTOR (self));

  /* Never NULL: an empty string means none. */
  if (role == NULL)
    role = "";

  if (!_ties_set_str (&self->role, role))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

const char *
ties_actor_get_affiliation (TiesActor *self)
{
  g_return_val_if_fail (TIES_IS_ACTOR (self), NULL);

  return self->affiliation;
}

void
ties_actor_set_affiliation (TiesActor  *self,
                           const char *affiliation)
{
  g_return_if_fail (TIES_IS_ACTOR (self));

  if (!_ties_set_str (&self->affiliation, affiliation))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AFFILIATION]);
}

const char *
ties_actor_get_color (TiesActor *self)
{
  g_return_val_if_fail (TIES_IS_ACTOR (self), NULL);

  return self->color;
}

void
ties_actor_set_color (TiesActor  *self,
                     const char *color)
{
  g_return_if_fail (TIES_IS_ACTOR (self));

  if (!_ties_set_str (&self->color, color))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

const char * const *
ties_actor_get_aliases (TiesActor *self)
{
  g_return_val_if_fail (TIES_IS_ACTOR (self), NULL);

  return (const char * const *) self->aliases;
}

void
ties_actor_set_aliases (TiesActor          *self,
                       const char * const *aliases)
{
  g_return_if_fail (TIES_IS_ACTOR (self));

  if (_ties_set_strv (&self->aliases, aliases))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIASES]);
}

const char *
ties_actor_get_notes (TiesActor *self)
{
  g_return_val_if_fail (TIES_IS_ACTOR (self), NULL);

  return self->notes;
}

void
ties_actor_set_notes (TiesActor  *self,
                     const char *notes)
{
  g_return_if_fail (TIES_IS_ACTOR (self));

  /* Never NULL: an empty string means none. */
  if (notes == NULL)
    notes = "";

  if (!_ties_set_str (&self->notes, notes))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

gboolean
ties_actor_get_has_position (TiesActor *self)
{
  g_return_val_if_fail (TIES_IS_ACTOR (self), FALSE);

  return self->has_position;
}

void
ties_actor_set_has_position (TiesActor *self,
                            gboolean has_position)
{
  g_return_if_fail (TIES_IS_ACTOR (self));

  has_position = !!has_position;

  if (self->has_position == has_position)
    return;

  self->has_position = has_position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_POSITION]);
}

double
ties_actor_get_x (TiesActor *self)
{
  g_return_val_if_fail (TIES_IS_ACTOR (self), 0.0);

  return self->x;
}

void
ties_actor_set_x (TiesActor *self,
                 double x)
{
  g_return_if_fail (TIES_IS_ACTOR (self));

  if (self->x == x)
    return;

  self->x = x;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_X]);
}

double
ties_actor_get_y (TiesActor *self)
{
  g_return_val_if_fail (TIES_IS_ACTOR (self), 0.0);

  return self->y;
}

void
ties_actor_set_y (TiesActor *self,
                 double y)
{
  g_return_if_fail (TIES_IS_ACTOR (self));

  if (self->y == y)
    return;

  self->y = y;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_Y]);
}

gboolean
ties_actor_get_pinned (TiesActor *self)
{
  g_return_val_if_fail (TIES_IS_ACTOR (self), FALSE);

  return self->pinned;
}

void
ties_actor_set_pinned (TiesActor *self,
                      gboolean pinned)
{
  g_return_if_fail (TIES_IS_ACTOR (self));

  pinned = !!pinned;

  if (self->pinned == pinned)
    return;

  self->pinned = pinned;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PINNED]);
}

TiesExtras *
ties_actor_get_extras (TiesActor *self)
{
  g_return_val_if_fail (TIES_IS_ACTOR (self), NULL);

  return self->extras;
}

void
ties_actor_take_extras (TiesActor  *self,
                            TiesExtras *extras)
{
  g_return_if_fail (TIES_IS_ACTOR (self));

  g_clear_pointer (&self->extras, ties_extras_free);
  self->extras = extras;
}

G_DEFINE_ENUM_TYPE (TiesActorKind, ties_actor_kind,
  G_DEFINE_ENUM_VALUE (TIES_ACTOR_PERSON, "person"),
  G_DEFINE_ENUM_VALUE (TIES_ACTOR_ORGANISATION, "organisation"),
  G_DEFINE_ENUM_VALUE (TIES_ACTOR_GROUP, "group"))

static const char * const actor_kind_names[] = { "person", "organisation", "group" };

const char *
ties_actor_kind_to_string (TiesActorKind kind)
{
  g_return_val_if_fail (kind <= TIES_ACTOR_GROUP, NULL);

  return actor_kind_names[kind];
}

/* Initials */

/* Words that are not a name of their own: titles before it, generations
 * after it, and the particles of family names ("van Gogh", "de Gaulle",
 * "al-Rashid", "bin Zayed"), compared without case or a final dot. */
static const char * const not_names[] = {
  "dr", "mr", "mrs", "ms", "mx", "prof", "sir", "dame", "lord", "lady", "hon", "rt",
  "jr", "sr", "ii", "iii", "iv",
  NULL
};
static const char * const particles[] = {
  "al", "el", "ad", "ar", "as", "ash", "at", "az", "bin", "ibn", "bint", "abu",
  "da", "das", "de", "del", "della", "dei", "der", "den", "des", "di", "do", "dos", "du",
  "la", "le", "lo", "ter", "ten", "van", "von", "zu", "y", "e", "of", "the", "and",
  NULL
};

static gboolean
word_in (const char         *word,
         gsize               length,
         const char * const *list)
{
  g_autofree char *folded = NULL;

  if (length > 0 && word[length - 1] == '.')
    length--;
  folded = g_utf8_casefold (word, length);

  return g_strv_contains (list, folded);
}

/* The letter a word is known by: past a particle joined to it ("al-",
 * "d'", Arabic's "ال"), its first letter, upper case. 0 for none. */
static gunichar
word_initial (const char *word,
              gsize       length)
{
  const char *end = word + length;
  const char *p = word;
  const char *hyphen = g_utf8_strchr (word, length, '-');
  const char *apostrophe = NULL;

  if (hyphen != NULL && hyphen + 1 < end && word_in (word, hyphen - word, particles))
    p = hyphen + 1;
  else if ((apostrophe = g_utf8_strchr (word, length, '\'')) != NULL
           && apostrophe - word <= 2 && apostrophe + 1 < end
           && word_in (word, apostrophe - word, (const char * const[]) { "d", "l", NULL }))
    p = apostrophe + 1;
  else if (g_str_has_prefix (word, "ال") && length > strlen ("ال"))
    p = word + strlen ("ال");

  for (; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Not the ʻokina of "ʻŌlelo", a letter that marks another. */
      if (g_unichar_isalpha (c) && g_unichar_type (c) != G_UNICODE_MODIFIER_LETTER)
        return g_unichar_toupper (c);
    }

  return 0;
}

char *
ties_actor_make_initials (const char *name)
{
  g_autoptr(GArray) words = NULL;
  g_autoptr(GString) bare = NULL;
  GString *initials;
  guint depth = 0;
  gunichar first = 0, last = 0;

  g_return_val_if_fail (name != NULL, NULL);

  if (!g_utf8_validate (name, -1, NULL))
    return NULL;

  /* "Omar al-Rashid (عمر الرشيد)": the name in another script, or a
   * note, in brackets, is not part of the initials. */
  bare = g_string_new (NULL);
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '(' || c == '[')
        depth++;
      else if ((c == ')' || c == ']') && depth > 0)
        depth--;
      else if (depth == 0)
        g_string_append_unichar (bare, c);
    }

  /* Words as (start, length) pairs, split at any space. */
  words = g_array_new (FALSE, FALSE, sizeof (gsize));
  for (const char *p = bare->str; *p != '\0';)
    {
      const char *start;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      {
        gsize pair[2] = { start - bare->str, p - start };

        g_array_append_vals (words, pair, 2);
      }
    }

  for (guint i = 0; i < words->len; i += 2)
    {
      const char *word = bare->str + g_array_index (words, gsize, i);
      gsize length = g_array_index (words, gsize, i + 1);
      gboolean lone = words->len == 2;
      gunichar c;

      if (!lone && (word_in (word, length, not_names) || word_in (word, length, particles)))
        continue;
      c = word_initial (word, length);
      if (c == 0)
        continue;
      if (first == 0)
        first = c;
      else
        last = c;
    }

  initials = g_string_new (NULL);
  if (first != 0)
    g_string_append_unichar (initials, first);
  /* One character of a script without spaces is enough (王小明 → 王). */
  if (last != 0 && !g_unichar_iswide (first))
    g_string_append_unichar (initials, last);

  return g_string_free (initials, initials->len == 0);
}

const char *
ties_actor_kind_get_label (TiesActorKind kind)
{
  switch (kind)
    {
    case TIES_ACTOR_PERSON:
      return _("Person");
    case TIES_ACTOR_ORGANISATION:
      return _("Organisation");
    case TIES_ACTOR_GROUP:
      return _("Group");
    default:
      g_return_val_if_reached ("");
    }
}

gboolean
ties_actor_kind_from_string (const char    *text,
                             TiesActorKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (actor_kind_names); i++)
    {
      if (g_strcmp0 (text, actor_kind_names[i]) == 0)
        {
          *kind = (TiesActorKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Unknown members of "position". */
TiesExtras *
ties_actor_get_position_extras (TiesActor *self)
{
  g_return_val_if_fail (TIES_IS_ACTOR (self), NULL);

  return self->position_extras;
}

void
ties_actor_take_position_extras (TiesActor  *self,
                                 TiesExtras *extras)
{
  g_return_if_fail (TIES_IS_ACTOR (self));

  g_clear_pointer (&self->position_extras, ties_extras_free);
  self->position_extras = extras;
}
