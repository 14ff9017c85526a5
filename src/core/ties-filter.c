/* ties-filter.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ties-document.h"
#include "ties-filter.h"
#include "ties-mentions.h"
#include "ties-util.h"

struct _TiesFilter
{
  GObject parent_instance;

  char **kinds;
  char **actors;
  char **tie;          /* NULL, or the two actor ids */
  char *from;
  char *to;
  TiesDate *from_date;
  TiesDate *to_date;
  /* The days [first_day, last_day] the bounds span, worked out once when
   * they change; first_day > last_day (a from after the to) keeps none. */
  gint64 first_day;
  gint64 last_day;
  char *text;
  char *needle;        /* text, normalised and case-folded; NULL: none */
  char *source;
  TiesFilterDiagram diagram;

  /* While above 0, "changed" waits (pending) for the batch to end. */
  guint batch;
  guint changed_pending : 1;
};

G_DEFINE_FINAL_TYPE (TiesFilter, ties_filter, G_TYPE_OBJECT)
G_DEFINE_ENUM_TYPE (TiesFilterDiagram, ties_filter_diagram,
  G_DEFINE_ENUM_VALUE (TIES_FILTER_DIAGRAM_HIDE, "hide"),
  G_DEFINE_ENUM_VALUE (TIES_FILTER_DIAGRAM_HIGHLIGHT, "highlight"))

enum {
  PROP_0,
  PROP_KINDS,
  PROP_ACTORS,
  PROP_TIE,
  PROP_FROM,
  PROP_TO,
  PROP_TEXT,
  PROP_SOURCE,
  PROP_DIAGRAM,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Searched as mentions are found: "ngawhika" finds "Ngāwhika". */
static char *
fold_text (const char *text)
{
  if (text == NULL || *text == '\0')
    return NULL;

  return ties_text_fold (text);
}

static gboolean
text_contains (const char *text,
               const char *needle)
{
  g_autofree char *folded = fold_text (text);

  return folded != NULL && strstr (folded, needle) != NULL;
}

static void
ties_filter_emit_changed (TiesFilter *self)
{
  g_assert (TIES_IS_FILTER (self));

  if (self->batch > 0)
    {
      self->changed_pending = TRUE;
      return;
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
ties_filter_finalize (GObject *object)
{
  TiesFilter *self = (TiesFilter *) object;

  g_clear_pointer (&self->kinds, g_strfreev);
  g_clear_pointer (&self->actors, g_strfreev);
  g_clear_pointer (&self->tie, g_strfreev);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);
  g_clear_pointer (&self->from_date, ties_date_unref);
  g_clear_pointer (&self->to_date, ties_date_unref);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->needle, g_free);
  g_clear_pointer (&self->source, g_free);

  G_OBJECT_CLASS (ties_filter_parent_class)->finalize (object);
}

static void
ties_filter_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TiesFilter *self = TIES_FILTER (object);

  switch (prop_id)
    {
    case PROP_KINDS:
      g_value_set_boxed (value, self->kinds);
      break;

    case PROP_ACTORS:
      g_value_set_boxed (value, self->actors);
      break;

    case PROP_TIE:
      g_value_set_boxed (value, self->tie);
      break;

    case PROP_FROM:
      g_value_set_string (value, self->from);
      break;

    case PROP_TO:
      g_value_set_string (value, self->to);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_DIAGRAM:
      g_value_set_enum (value, self->diagram);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_filter_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TiesFilter *self = TIES_FILTER (object);

  switch (prop_id)
    {
    case PROP_KINDS:
      ties_filter_set_kinds (self, g_value_get_boxed (value));
      break;

    case PROP_ACTORS:
      ties_filter_set_actors (self, g_value_get_boxed (value));
      break;

    case PROP_TIE:
      {
        const char * const *tie = g_value_get_boxed (value);

        if (tie != NULL && tie[0] != NULL && tie[1] != NULL)
          ties_filter_set_tie (self, tie[0], tie[1]);
        else
          ties_filter_set_tie (self, NULL, NULL);
      }
      break;

    case PROP_FROM:
      if (!ties_filter_set_from (self, g_value_get_string (value)))
        g_warning ("“%s” is not an EDTF date", g_value_get_string (value));
      break;

    case PROP_TO:
      if (!ties_filter_set_to (self, g_value_get_string (value)))
        g_warning ("“%s” is not an EDTF date", g_value_get_string (value));
      break;

    case PROP_TEXT:
      ties_filter_set_text (self, g_value_get_string (value));
      break;

    case PROP_SOURCE:
      ties_filter_set_source (self, g_value_get_string (value));
      break;

    case PROP_DIAGRAM:
      ties_filter_set_diagram (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_filter_class_init (TiesFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ties_filter_finalize;
  object_class->get_property = ties_filter_get_property;
  object_class->set_property = ties_filter_set_property;

  properties[PROP_KINDS] =
    g_param_spec_boxed ("kinds", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ACTORS] =
    g_param_spec_boxed ("actors", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The two actors of a tie, or NULL: one value, so that one undo step
   * never leaves half a tie. */
  properties[PROP_TIE] =
    g_param_spec_boxed ("tie", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FROM] =
    g_param_spec_string ("from", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TO] =
    g_param_spec_string ("to", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DIAGRAM] =
    g_param_spec_enum ("diagram", NULL, NULL,
                       TIES_TYPE_FILTER_DIAGRAM,
                       TIES_FILTER_DIAGRAM_HIDE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After any property changed: which events pass may differ. */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
ties_filter_init (TiesFilter *self)
{
  self->kinds = g_new0 (char *, 1);
  self->actors = g_new0 (char *, 1);
  self->first_day = TIES_DATE_DAY_MIN;
  self->last_day = TIES_DATE_DAY_MAX;
}

TiesFilter *
ties_filter_new (void)
{
  return g_object_new (TIES_TYPE_FILTER, NULL);
}

TiesFilter *
ties_filter_copy (TiesFilter *self)
{
  g_return_val_if_fail (TIES_IS_FILTER (self), NULL);

  return g_object_new (TIES_TYPE_FILTER,
                       "kinds", self->kinds,
                       "actors", self->actors,
                       "tie", self->tie,
                       "from", self->from,
                       "to", self->to,
                       "text", self->text,
                       "source", self->source,
                       "diagram", self->diagram,
                       NULL);
}

const char * const *
ties_filter_get_kinds (TiesFilter *self)
{
  g_return_val_if_fail (TIES_IS_FILTER (self), NULL);

  return (const char * const *) self->kinds;
}

void
ties_filter_set_kinds (TiesFilter         *self,
                       const char * const *kinds)
{
  g_return_if_fail (TIES_IS_FILTER (self));

  if (!_ties_set_strv (&self->kinds, kinds))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KINDS]);
  ties_filter_emit_changed (self);
}

const char * const *
ties_filter_get_actors (TiesFilter *self)
{
  g_return_val_if_fail (TIES_IS_FILTER (self), NULL);

  return (const char * const *) self->actors;
}

void
ties_filter_set_actors (TiesFilter         *self,
                        const char * const *actors)
{
  g_return_if_fail (TIES_IS_FILTER (self));

  if (!_ties_set_strv (&self->actors, actors))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTORS]);
  ties_filter_emit_changed (self);
}

gboolean
ties_filter_get_tie (TiesFilter  *self,
                     const char **actor_a,
                     const char **actor_b)
{
  g_return_val_if_fail (TIES_IS_FILTER (self), FALSE);

  if (actor_a != NULL)
    *actor_a = self->tie != NULL ? self->tie[0] : NULL;
  if (actor_b != NULL)
    *actor_b = self->tie != NULL ? self->tie[1] : NULL;

  return self->tie != NULL;
}

void
ties_filter_set_tie (TiesFilter *self,
                     const char *actor_a,
                     const char *actor_b)
{
  g_return_if_fail (TIES_IS_FILTER (self));
  g_return_if_fail ((actor_a == NULL) == (actor_b == NULL));

  if (actor_a == NULL)
    {
      if (self->tie == NULL)
        return;
      g_clear_pointer (&self->tie, g_strfreev);
    }
  else
    {
      const char * const tie[] = { actor_a, actor_b, NULL };

      if (self->tie != NULL && g_strv_equal ((const char * const *) self->tie, tie))
        return;
      g_clear_pointer (&self->tie, g_strfreev);
      self->tie = g_strdupv ((char **) tie);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIE]);
  ties_filter_emit_changed (self);
}

/* Parses @text into @date: TRUE (with *date NULL) for no bound. */
static gboolean
parse_bound (const char  *text,
             TiesDate   **date)
{
  *date = NULL;
  if (text == NULL || *text == '\0')
    return TRUE;

  *date = ties_date_parse (text, NULL, NULL);

  return *date != NULL;
}

/* The one place the bounds become days, and a from after the to is
 * seen: every user of the filter gets the same answer. */
static void
ties_filter_update_days (TiesFilter *self)
{
  gint64 unused;

  self->first_day = TIES_DATE_DAY_MIN;
  self->last_day = TIES_DATE_DAY_MAX;
  if (self->from_date != NULL)
    ties_date_get_strict_range (self->from_date, &self->first_day, &unused);
  if (self->to_date != NULL)
    ties_date_get_strict_range (self->to_date, &unused, &self->last_day);
}

static gboolean
ties_filter_take_bound (TiesFilter  *self,
                        char       **text_slot,
                        TiesDate   **date_slot,
                        const char  *text,
                        TiesDate    *date,
                        GParamSpec  *pspec)
{
  if (text != NULL && *text == '\0')
    text = NULL;

  if (!_ties_set_str (text_slot, text))
    {
      g_clear_pointer (&date, ties_date_unref);
      return FALSE;
    }

  g_clear_pointer (date_slot, ties_date_unref);
  *date_slot = date;
  ties_filter_update_days (self);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);

  return TRUE;
}

const char *
ties_filter_get_from (TiesFilter *self)
{
  g_return_val_if_fail (TIES_IS_FILTER (self), NULL);

  return self->from;
}

gboolean
ties_filter_set_from (TiesFilter *self,
                      const char *from)
{
  g_return_val_if_fail (TIES_IS_FILTER (self), FALSE);

  return ties_filter_set_range (self, from, self->to);
}

const char *
ties_filter_get_to (TiesFilter *self)
{
  g_return_val_if_fail (TIES_IS_FILTER (self), NULL);

  return self->to;
}

gboolean
ties_filter_set_to (TiesFilter *self,
                    const char *to)
{
  g_return_val_if_fail (TIES_IS_FILTER (self), FALSE);

  return ties_filter_set_range (self, self->from, to);
}

TiesDate *
ties_filter_get_from_date (TiesFilter *self)
{
  g_return_val_if_fail (TIES_IS_FILTER (self), NULL);

  return self->from_date;
}

TiesDate *
ties_filter_get_to_date (TiesFilter *self)
{
  g_return_val_if_fail (TIES_IS_FILTER (self), NULL);

  return self->to_date;
}

gboolean
ties_filter_set_range (TiesFilter *self,
                       const char *from,
                       const char *to)
{
  TiesDate *from_date = NULL;
  TiesDate *to_date = NULL;
  gboolean changed = FALSE;

  g_return_val_if_fail (TIES_IS_FILTER (self), FALSE);

  if (!parse_bound (from, &from_date) || !parse_bound (to, &to_date))
    {
      g_clear_pointer (&from_date, ties_date_unref);
      g_clear_pointer (&to_date, ties_date_unref);
      return FALSE;
    }

  /* @from may be self->from (ties_filter_set_to): copy before freeing. */
  {
    g_autofree char *from_copy = g_strdup (from);
    g_autofree char *to_copy = g_strdup (to);

    changed |= ties_filter_take_bound (self, &self->from, &self->from_date, from_copy, from_date,
                                       properties[PROP_FROM]);
    changed |= ties_filter_take_bound (self, &self->to, &self->to_date, to_copy, to_date,
                                       properties[PROP_TO]);
  }

  if (changed)
    ties_filter_emit_changed (self);

  return TRUE;
}

const char *
ties_filter_get_text (TiesFilter *self)
{
  g_return_val_if_fail (TIES_IS_FILTER (self), NULL);

  return self->text;
}

void
ties_filter_set_text (TiesFilter *self,
                      const char *text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (TIES_IS_FILTER (self));

  /* Blank text searches nothing: it is no text. */
  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*stripped == '\0')
    text = NULL;

  if (!_ties_set_str (&self->text, text))
    return;

  g_free (self->needle);
  self->needle = fold_text (stripped);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  ties_filter_emit_changed (self);
}

const char *
ties_filter_get_source (TiesFilter *self)
{
  g_return_val_if_fail (TIES_IS_FILTER (self), NULL);

  return self->source;
}

void
ties_filter_set_source (TiesFilter *self,
                        const char *source_id)
{
  g_return_if_fail (TIES_IS_FILTER (self));

  if (source_id != NULL && *source_id == '\0')
    source_id = NULL;

  if (!_ties_set_str (&self->source, source_id))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
  ties_filter_emit_changed (self);
}

TiesFilterDiagram
ties_filter_get_diagram (TiesFilter *self)
{
  g_return_val_if_fail (TIES_IS_FILTER (self), TIES_FILTER_DIAGRAM_HIDE);

  return self->diagram;
}

void
ties_filter_set_diagram (TiesFilter        *self,
                         TiesFilterDiagram  diagram)
{
  g_return_if_fail (TIES_IS_FILTER (self));
  g_return_if_fail (diagram == TIES_FILTER_DIAGRAM_HIDE || diagram == TIES_FILTER_DIAGRAM_HIGHLIGHT);

  if (self->diagram == diagram)
    return;

  self->diagram = diagram;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIAGRAM]);
  ties_filter_emit_changed (self);
}

gboolean
ties_filter_is_empty (TiesFilter *self)
{
  g_return_val_if_fail (TIES_IS_FILTER (self), TRUE);

  return self->kinds[0] == NULL && self->actors[0] == NULL && self->tie == NULL &&
         self->from == NULL && self->to == NULL && self->needle == NULL && self->source == NULL;
}

void
ties_filter_clear (TiesFilter *self)
{
  g_return_if_fail (TIES_IS_FILTER (self));

  if (ties_filter_is_empty (self))
    return;

  /* One "changed" for the lot: each setter's is held back. */
  self->batch++;
  g_object_freeze_notify (G_OBJECT (self));
  ties_filter_set_kinds (self, NULL);
  ties_filter_set_actors (self, NULL);
  ties_filter_set_tie (self, NULL, NULL);
  ties_filter_set_range (self, NULL, NULL);
  ties_filter_set_text (self, NULL);
  ties_filter_set_source (self, NULL);
  g_object_thaw_notify (G_OBJECT (self));
  self->batch--;

  self->changed_pending = FALSE;
  ties_filter_emit_changed (self);
}

static gboolean
event_has_any_participant (TiesEvent          *event,
                           const char * const *actors)
{
  for (guint i = 0; actors[i] != NULL; i++)
    if (ties_event_has_participant (event, actors[i]))
      return TRUE;

  return FALSE;
}

static gboolean
event_cites_source (TiesEvent  *event,
                    const char *source_id)
{
  GListModel *evidence = G_LIST_MODEL (ties_event_get_evidence (event));
  guint n = g_list_model_get_n_items (evidence);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiesEvidence) item = g_list_model_get_item (evidence, i);

      if (g_strcmp0 (ties_evidence_get_source (item), source_id) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
event_matches_text (TiesEvent    *event,
                    TiesDocument *document,
                    const char   *needle)
{
  const char * const *participants;
  GListModel *evidence;
  guint n;

  if (text_contains (ties_event_get_title (event), needle) ||
      text_contains (ties_event_get_place (event), needle) ||
      text_contains (ties_event_get_notes (event), needle))
    return TRUE;

  participants = ties_event_get_participants (event);
  for (guint i = 0; participants != NULL && participants[i] != NULL; i++)
    {
      TiesActor *actor = document != NULL ? ties_document_lookup_actor (document, participants[i]) : NULL;

      /* A participant by any of its names: "DPMC" finds the department's. */
      if (actor != NULL ? ties_actor_matches_folded (actor, needle) : text_contains (participants[i], needle))
        return TRUE;
    }

  evidence = G_LIST_MODEL (ties_event_get_evidence (event));
  n = g_list_model_get_n_items (evidence);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiesEvidence) item = g_list_model_get_item (evidence, i);

      if (text_contains (ties_evidence_get_exact (item), needle))
        return TRUE;
    }

  return FALSE;
}

gboolean
ties_filter_includes_event (TiesFilter   *self,
                            TiesDocument *document,
                            TiesEvent    *event)
{
  g_return_val_if_fail (TIES_IS_FILTER (self), FALSE);
  g_return_val_if_fail (document == NULL || TIES_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (TIES_IS_EVENT (event), FALSE);

  /* Cheapest first: a filter is asked about every event at each change. */
  if (self->kinds[0] != NULL
      && !g_strv_contains ((const char * const *) self->kinds, ties_event_get_kind (event)))
    return FALSE;

  if (self->actors[0] != NULL && !event_has_any_participant (event, (const char * const *) self->actors))
    return FALSE;

  if (self->tie != NULL
      && !(ties_event_has_participant (event, self->tie[0]) && ties_event_has_participant (event, self->tie[1])))
    return FALSE;

  if (self->from_date != NULL || self->to_date != NULL)
    {
      TiesDate *date = ties_event_get_parsed_date (event);

      if (date == NULL || self->first_day > self->last_day
          || !ties_date_overlaps (date, self->first_day, self->last_day, FALSE))
        return FALSE;
    }

  if (self->source != NULL && !event_cites_source (event, self->source))
    return FALSE;

  if (self->needle != NULL && !event_matches_text (event, document, self->needle))
    return FALSE;

  return TRUE;
}
