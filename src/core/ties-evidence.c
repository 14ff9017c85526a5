/* ties-evidence.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ties-evidence.h"
#include "ties-source.h"
#include "ties-util.h"

struct _TiesEvidence
{
  GObject parent_instance;
  char *source;
  char *exact;
  char *prefix;
  char *suffix;
  guint start;
  guint end;
  TiesEvidenceStatus status;
  TiesExtras *extras;
  TiesExtras *selector_extras;
};

G_DEFINE_FINAL_TYPE (TiesEvidence, ties_evidence, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SOURCE,
  PROP_EXACT,
  PROP_PREFIX,
  PROP_SUFFIX,
  PROP_START,
  PROP_END,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ties_evidence_finalize (GObject *object)
{
  TiesEvidence *self = (TiesEvidence *) object;

  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->exact, g_free);
  g_clear_pointer (&self->prefix, g_free);
  g_clear_pointer (&self->suffix, g_free);
  g_clear_pointer (&self->extras, ties_extras_free);
  g_clear_pointer (&self->selector_extras, ties_extras_free);

  G_OBJECT_CLASS (ties_evidence_parent_class)->finalize (object);
}

static void
ties_evidence_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TiesEvidence *self = TIES_EVIDENCE (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_EXACT:
      g_value_set_string (value, self->exact);
      break;

    case PROP_PREFIX:
      g_value_set_string (value, self->prefix);
      break;

    case PROP_SUFFIX:
      g_value_set_string (value, self->suffix);
      break;

    case PROP_START:
      g_value_set_uint (value, self->start);
      break;

    case PROP_END:
      g_value_set_uint (value, self->end);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_evidence_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TiesEvidence *self = TIES_EVIDENCE (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      ties_evidence_set_source (self, g_value_get_string (value));
      break;

    case PROP_EXACT:
      ties_evidence_set_exact (self, g_value_get_string (value));
      break;

    case PROP_PREFIX:
      ties_evidence_set_prefix (self, g_value_get_string (value));
      break;

    case PROP_SUFFIX:
      ties_evidence_set_suffix (self, g_value_get_string (value));
      break;

    case PROP_START:
      ties_evidence_set_start (self, g_value_get_uint (value));
      break;

    case PROP_END:
      ties_evidence_set_end (self, g_value_get_uint (value));
      break;

    case PROP_STATUS:
      ties_evidence_set_status (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_evidence_class_init (TiesEvidenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ties_evidence_finalize;
  object_class->get_property = ties_evidence_get_property;
  object_class->set_property = ties_evidence_set_property;

  /* Id of the source quoted */
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The quoted words (W3C TextQuoteSelector exact) */
  properties[PROP_EXACT] =
    g_param_spec_string ("exact", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Text just before the quote */
  properties[PROP_PREFIX] =
    g_param_spec_string ("prefix", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Text just after the quote */
  properties[PROP_SUFFIX] =
    g_param_spec_string ("suffix", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* First code point of the quote in the source text (TextPositionSelector) */
  properties[PROP_START] =
    g_param_spec_uint ("start", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Code point after the quote */
  properties[PROP_END] =
    g_param_spec_uint ("end", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Whether the offsets were found to match the quote */
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       TIES_TYPE_EVIDENCE_STATUS, TIES_EVIDENCE_UNCHECKED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ties_evidence_init (TiesEvidence *self)
{
  self->exact = g_strdup ("");
  self->prefix = g_strdup ("");
  self->suffix = g_strdup ("");
  self->status = TIES_EVIDENCE_UNCHECKED;
}

TiesEvidence *
ties_evidence_new (const char *source,
                   const char *exact,
                   guint       start,
                   guint       end)
{
  return g_object_new (TIES_TYPE_EVIDENCE,
                       "source", source,
                       "exact", exact,
                       "start", start,
                       "end", end,
                       NULL);
}

/* As much context as the sample's selectors carry: enough to tell apart
 * the repetitions of a short quote in an article. */
#define CONTEXT_LENGTH 32

TiesEvidence *
ties_evidence_new_for_range (TiesSource *source,
                             glong       start,
                             glong       end)
{
  g_autofree char *exact = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *suffix = NULL;
  glong length;

  g_return_val_if_fail (TIES_IS_SOURCE (source), NULL);

  length = ties_source_get_text_length (source);
  g_return_val_if_fail (start >= 0 && start < end && end <= length, NULL);
  g_return_val_if_fail (end <= G_MAXUINT, NULL);

  exact = ties_source_dup_text_range (source, start, end);
  prefix = ties_source_dup_text_range (source, MAX (start - CONTEXT_LENGTH, 0), start);
  suffix = ties_source_dup_text_range (source, end, MIN (end + CONTEXT_LENGTH, length));

  return g_object_new (TIES_TYPE_EVIDENCE,
                       "source", ties_source_get_id (source),
                       "exact", exact,
                       "prefix", prefix,
                       "suffix", suffix,
                       "start", (guint) start,
                       "end", (guint) end,
                       "status", TIES_EVIDENCE_ANCHORED,
                       NULL);
}

TiesEvidence *
ties_evidence_copy (TiesEvidence *self)
{
  TiesEvidence *copy;

  g_return_val_if_fail (TIES_IS_EVIDENCE (self), NULL);

  copy = g_object_new (TIES_TYPE_EVIDENCE,
                       "source", self->source,
                       "exact", self->exact,
                       "prefix", self->prefix,
                       "suffix", self->suffix,
                       "start", self->start,
                       "end", self->end,
                       "status", self->status,
                       NULL);
  if (self->extras != NULL)
    copy->extras = ties_extras_copy (self->extras);
  if (self->selector_extras != NULL)
    copy->selector_extras = ties_extras_copy (self->selector_extras);

  return copy;
}

const char *
ties_evidence_get_source (TiesEvidence *self)
{
  g_return_val_if_fail (TIES_IS_EVIDENCE (self), NULL);

  return self->source;
}

void
ties_evidence_set_source (TiesEvidence  *self,
                         const char *source)
{
  g_return_if_fail (TIES_IS_EVIDENCE (self));

  if (!_ties_set_str (&self->source, source))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

const char *
ties_evidence_get_exact (TiesEvidence *self)
{
  g_return_val_if_fail (TIES_IS_EVIDENCE (self), NULL);

  return self->exact;
}

void
ties_evidence_set_exact (TiesEvidence  *self,
                        const char *exact)
{
  g_return_if_fail (TIES_IS_EVIDENCE (self));

  /* Never NULL: an empty string means none. */
  if (exact == NULL)
    exact = "";

  if (!_ties_set_str (&self->exact, exact))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXACT]);
}

const char *
ties_evidence_get_prefix (TiesEvidence *self)
{
  g_return_val_if_fail (TIES_IS_EVIDENCE (self), NULL);

  return self->prefix;
}

void
ties_evidence_set_prefix (TiesEvidence  *self,
                         const char *prefix)
{
  g_return_if_fail (TIES_IS_EVIDENCE (self));

  /* Never NULL: an empty string means none. */
  if (prefix == NULL)
    prefix = "";

  if (!_ties_set_str (&self->prefix, prefix))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREFIX]);
}

const char *
ties_evidence_get_suffix (TiesEvidence *self)
{
  g_return_val_if_fail (TIES_IS_EVIDENCE (self), NULL);

  return self->suffix;
}

void
ties_evidence_set_suffix (TiesEvidence  *self,
                         const char *suffix)
{
  g_return_if_fail (TIES_IS_EVIDENCE (self));

  /* Never NULL: an empty string means none. */
  if (suffix == NULL)
    suffix = "";

  if (!_ties_set_str (&self->suffix, suffix))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUFFIX]);
}

guint
ties_evidence_get_start (TiesEvidence *self)
{
  g_return_val_if_fail (TIES_IS_EVIDENCE (self), 0);

  return self->start;
}

void
ties_evidence_set_start (TiesEvidence *self,
                        guint start)
{
  g_return_if_fail (TIES_IS_EVIDENCE (self));

  if (self->start == start)
    return;

  self->start = start;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
}

guint
ties_evidence_get_end (TiesEvidence *self)
{
  g_return_val_if_fail (TIES_IS_EVIDENCE (self), 0);

  return self->end;
}

void
ties_evidence_set_end (TiesEvidence *self,
                      guint end)
{
  g_return_if_fail (TIES_IS_EVIDENCE (self));

  if (self->end == end)
    return;

  self->end = end;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
}

TiesEvidenceStatus
ties_evidence_get_status (TiesEvidence *self)
{
  g_return_val_if_fail (TIES_IS_EVIDENCE (self), 0);

  return self->status;
}

void
ties_evidence_set_status (TiesEvidence *self,
                         TiesEvidenceStatus status)
{
  g_return_if_fail (TIES_IS_EVIDENCE (self));

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

TiesExtras *
ties_evidence_get_extras (TiesEvidence *self)
{
  g_return_val_if_fail (TIES_IS_EVIDENCE (self), NULL);

  return self->extras;
}

void
ties_evidence_take_extras (TiesEvidence  *self,
                               TiesExtras *extras)
{
  g_return_if_fail (TIES_IS_EVIDENCE (self));

  g_clear_pointer (&self->extras, ties_extras_free);
  self->extras = extras;
}

TiesExtras *
ties_evidence_get_selector_extras (TiesEvidence *self)
{
  g_return_val_if_fail (TIES_IS_EVIDENCE (self), NULL);

  return self->selector_extras;
}

void
ties_evidence_take_selector_extras (TiesEvidence *self,
                                    TiesExtras   *extras)
{
  g_return_if_fail (TIES_IS_EVIDENCE (self));

  g_clear_pointer (&self->selector_extras, ties_extras_free);
  self->selector_extras = extras;
}

G_DEFINE_ENUM_TYPE (TiesEvidenceStatus, ties_evidence_status,
  G_DEFINE_ENUM_VALUE (TIES_EVIDENCE_UNCHECKED, "unchecked"),
  G_DEFINE_ENUM_VALUE (TIES_EVIDENCE_ANCHORED, "anchored"),
  G_DEFINE_ENUM_VALUE (TIES_EVIDENCE_REANCHORED, "reanchored"),
  G_DEFINE_ENUM_VALUE (TIES_EVIDENCE_ORPHANED, "orphaned"))
