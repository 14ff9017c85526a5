/* ties-event.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ties-event-private.h"
#include "ties-util.h"
#include "ties-date.h"
#include "ties-evidence.h"

struct _TiesEvent
{
  GObject parent_instance;
  char *id;
  char *title;
  char *kind;
  char *date;
  char *date_phrase;
  char *place;
  char **participants;
  char *initiator;
  char **tags;
  char *notes;
  TiesExtras *extras;
  GListStore *evidence;
  TiesDate *parsed_date;
  gboolean date_parsed;
};

G_DEFINE_FINAL_TYPE (TiesEvent, ties_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_KIND,
  PROP_DATE,
  PROP_DATE_PHRASE,
  PROP_PLACE,
  PROP_PARTICIPANTS,
  PROP_INITIATOR,
  PROP_TAGS,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ties_event_finalize (GObject *object)
{
  TiesEvent *self = (TiesEvent *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->date_phrase, g_free);
  g_clear_pointer (&self->place, g_free);
  g_clear_pointer (&self->participants, g_strfreev);
  g_clear_pointer (&self->initiator, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->extras, ties_extras_free);
  g_clear_object (&self->evidence);
  g_clear_pointer (&self->parsed_date, ties_date_unref);

  G_OBJECT_CLASS (ties_event_parent_class)->finalize (object);
}

static void
ties_event_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TiesEvent *self = TIES_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_DATE_PHRASE:
      g_value_set_string (value, self->date_phrase);
      break;

    case PROP_PLACE:
      g_value_set_string (value, self->place);
      break;

    case PROP_PARTICIPANTS:
      g_value_set_boxed (value, self->participants);
      break;

    case PROP_INITIATOR:
      g_value_set_string (value, self->initiator);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_event_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TiesEvent *self = TIES_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      ties_event_set_id (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      ties_event_set_title (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      ties_event_set_kind (self, g_value_get_string (value));
      break;

    case PROP_DATE:
      ties_event_set_date (self, g_value_get_string (value));
      break;

    case PROP_DATE_PHRASE:
      ties_event_set_date_phrase (self, g_value_get_string (value));
      break;

    case PROP_PLACE:
      ties_event_set_place (self, g_value_get_string (value));
      break;

    case PROP_PARTICIPANTS:
      ties_event_set_participants (self, g_value_get_boxed (value));
      break;

    case PROP_INITIATOR:
      ties_event_set_initiator (self, g_value_get_string (value));
      break;

    case PROP_TAGS:
      ties_event_set_tags (self, g_value_get_boxed (value));
      break;

    case PROP_NOTES:
      ties_event_set_notes (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_event_class_init (TiesEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ties_event_finalize;
  object_class->get_property = ties_event_get_property;
  object_class->set_property = ties_event_set_property;

  /* Stable identifier */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* What happened, in a line */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* A built-in or document-declared kind id, e.g. "phone-call" */
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         "other",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* EDTF date, or NULL when unknown */
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The source's own words for the date, e.g. last Friday */
  properties[PROP_DATE_PHRASE] =
    g_param_spec_string ("date-phrase", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Where, or NULL */
  properties[PROP_PLACE] =
    g_param_spec_string ("place", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Ids of the actors involved */
  properties[PROP_PARTICIPANTS] =
    g_param_spec_boxed ("participants", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Id of the actor who reached out or wrote, or NULL */
  properties[PROP_INITIATOR] =
    g_param_spec_string ("initiator", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Free tags */
  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Free notes */
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ties_event_init (TiesEvent *self)
{
  self->title = g_strdup ("");
  self->kind = g_strdup ("other");
  self->date_phrase = g_strdup ("");
  self->participants = g_new0 (char *, 1);
  self->tags = g_new0 (char *, 1);
  self->notes = g_strdup ("");
  self->evidence = g_list_store_new (TIES_TYPE_EVIDENCE);
}

TiesEvent *
ties_event_new (const char *id,
                const char *title,
                const char *kind)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (TIES_TYPE_EVENT,
                       "id", id,
                       "title", title != NULL ? title : "",
                       "kind", kind != NULL ? kind : "other",
                       NULL);
}

/* The evidence list is a GListStore of TiesEvidence; edits that should be
 * undoable go through TiesHistory, which works on the store. */
GListStore *
ties_event_get_evidence (TiesEvent *self)
{
  g_return_val_if_fail (TIES_IS_EVENT (self), NULL);

  return self->evidence;
}

/* The date parsed once and cached; NULL when there is none or it is
 * invalid (documents with invalid dates are refused on load, but an
 * editor may hold one for a moment). */
TiesDate *
ties_event_get_parsed_date (TiesEvent *self)
{
  g_return_val_if_fail (TIES_IS_EVENT (self), NULL);

  if (!self->date_parsed)
    {
      self->date_parsed = TRUE;
      if (self->date != NULL)
        self->parsed_date = ties_date_parse (self->date, NULL, NULL);
    }

  return self->parsed_date;
}

/* For readers that parsed the date already to validate it: @date must be
 * the parse of the current date text. */
void
_ties_event_take_parsed_date (TiesEvent *self,
                              TiesDate  *date)
{
  g_return_if_fail (TIES_IS_EVENT (self));
  g_return_if_fail (date == NULL || g_strcmp0 (ties_date_get_text (date), self->date) == 0);

  g_clear_pointer (&self->parsed_date, ties_date_unref);
  self->parsed_date = date;
  self->date_parsed = TRUE;
}

gboolean
ties_event_has_participant (TiesEvent  *self,
                            const char *actor_id)
{
  g_return_val_if_fail (TIES_IS_EVENT (self), FALSE);

  return actor_id != NULL && g_strv_contains ((const char * const *) self->participants, actor_id);
}

const char *
ties_event_get_id (TiesEvent *self)
{
  g_return_val_if_fail (TIES_IS_EVENT (self), NULL);

  return self->id;
}

void
ties_event_set_id (TiesEvent  *self,
                  const char *id)
{
  g_return_if_fail (TIES_IS_EVENT (self));

  if (!_ties_set_str (&self->id, id))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
ties_event_get_title (TiesEvent *self)
{
  g_return_val_if_fail (TIES_IS_EVENT (self), NULL);

  return self->title;
}

void
ties_event_set_title (TiesEvent  *self,
                     const char *title)
{
  g_return_if_fail (TIES_IS_EVENT (self));

  /* Never NULL: an empty string means none. */
  if (title == NULL)
    title = "";

  if (!_ties_set_str (&self->title, title))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
ties_event_get_kind (TiesEvent *self)
{
  g_return_val_if_fail (TIES_IS_EVENT (self), NULL);

  return self->kind;
}

void
ties_event_set_kind (TiesEvent  *self,
                    const char *kind)
{
  g_return_if_fail (TIES_IS_EVENT (self));

  /* Never NULL: an empty string means none. */
  if (kind == NULL)
    kind = "";

  if (!_ties_set_str (&self->kind, kind))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
ties_event_get_date (TiesEvent *self)
{
  g_return_val_if_fail (TIES_IS_EVENT (self), NULL);

  return self->date;
}

void
ties_event_set_date (TiesEvent  *self,
                    const char *date)
{
  g_return_if_fail (TIES_IS_EVENT (self));

  if (!_ties_set_str (&self->date, date))
    return;

  g_clear_pointer (&self->parsed_date, ties_date_unref);
  self->date_parsed = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
ties_event_get_date_phrase (TiesEvent *self)
{
  g_return_val_if_fail (TIES_IS_EVENT (self), NULL);

  return self->date_phrase;
}

void
ties_event_set_date_phrase (TiesEvent  *self,
                           const char *date_phrase)
{
  g_return_if_fail (TIES_IS_EVENT (self));

  /* Never NULL: an empty string means none. */
  if (date_phrase == NULL)
    date_phrase = "";

  if (!_ties_set_str (&self->date_phrase, date_phrase))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE_PHRASE]);
}

const char *
ties_event_get_place (TiesEvent *self)
{
  g_return_val_if_fail (TIES_IS_EVENT (self), NULL);

  return self->place;
}

void
ties_event_set_place (TiesEvent  *self,
                     const char *place)
{
  g_return_if_fail (TIES_IS_EVENT (self));

  if (!_ties_set_str (&self->place, place))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACE]);
}

const char * const *
ties_event_get_participants (TiesEvent *self)
{
  g_return_val_if_fail (TIES_IS_EVENT (self), NULL);

  return (const char * const *) self->participants;
}

void
ties_event_set_participants (TiesEvent          *self,
                            const char * const *participants)
{
  g_return_if_fail (TIES_IS_EVENT (self));

  if (_ties_set_strv (&self->participants, participants))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTICIPANTS]);
}

const char *
ties_event_get_initiator (TiesEvent *self)
{
  g_return_val_if_fail (TIES_IS_EVENT (self), NULL);

  return self->initiator;
}

void
ties_event_set_initiator (TiesEvent  *self,
                         const char *initiator)
{
  g_return_if_fail (TIES_IS_EVENT (self));

  if (!_ties_set_str (&self->initiator, initiator))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INITIATOR]);
}

const char * const *
ties_event_get_tags (TiesEvent *self)
{
  g_return_val_if_fail (TIES_IS_EVENT (self), NULL);

  return (const char * const *) self->tags;
}

void
ties_event_set_tags (TiesEvent          *self,
                    const char * const *tags)
{
  g_return_if_fail (TIES_IS_EVENT (self));

  if (_ties_set_strv (&self->tags, tags))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

const char *
ties_event_get_notes (TiesEvent *self)
{
  g_return_val_if_fail (TIES_IS_EVENT (self), NULL);

  return self->notes;
}

void
ties_event_set_notes (TiesEvent  *self,
                     const char *notes)
{
  g_return_if_fail (TIES_IS_EVENT (self));

  /* Never NULL: an empty string means none. */
  if (notes == NULL)
    notes = "";

  if (!_ties_set_str (&self->notes, notes))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

TiesExtras *
ties_event_get_extras (TiesEvent *self)
{
  g_return_val_if_fail (TIES_IS_EVENT (self), NULL);

  return self->extras;
}

void
ties_event_take_extras (TiesEvent  *self,
                            TiesExtras *extras)
{
  g_return_if_fail (TIES_IS_EVENT (self));

  g_clear_pointer (&self->extras, ties_extras_free);
  self->extras = extras;
}
