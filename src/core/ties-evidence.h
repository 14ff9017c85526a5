/* ties-evidence.h: words of a source that support an event
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ties-extras.h"
#include "ties-source.h"

G_BEGIN_DECLS

typedef enum {
  TIES_EVIDENCE_UNCHECKED,   /* not yet checked against its source */
  TIES_EVIDENCE_ANCHORED,    /* start/end select exactly the quote */
  TIES_EVIDENCE_REANCHORED,  /* the offsets were wrong; the quote was found once and they were moved */
  TIES_EVIDENCE_ORPHANED,    /* the quote cannot be placed: kept as written, flagged */
} TiesEvidenceStatus;

#define TIES_TYPE_EVIDENCE_STATUS (ties_evidence_status_get_type ())
GType ties_evidence_status_get_type (void) G_GNUC_CONST;

#define TIES_TYPE_EVIDENCE (ties_evidence_get_type ())

G_DECLARE_FINAL_TYPE (TiesEvidence, ties_evidence, TIES, EVIDENCE, GObject)

TiesEvidence *ties_evidence_new (const char *source,
                                const char *exact,
                                guint       start,
                                guint       end);
/* Evidence selecting code points [start, end) of @source's text: the words,
 * up to 32 code points of context either side, anchored. */
TiesEvidence *ties_evidence_new_for_range (TiesSource *source,
                                           glong       start,
                                           glong       end);
TiesEvidence *ties_evidence_copy (TiesEvidence *self);
TiesExtras *ties_evidence_get_selector_extras (TiesEvidence *self);
void ties_evidence_take_selector_extras (TiesEvidence *self,
                                         TiesExtras   *extras);
const char *ties_evidence_get_source (TiesEvidence *self);
void ties_evidence_set_source (TiesEvidence *self,
                              const char *source);
const char *ties_evidence_get_exact (TiesEvidence *self);
void ties_evidence_set_exact (TiesEvidence *self,
                             const char *exact);
const char *ties_evidence_get_prefix (TiesEvidence *self);
void ties_evidence_set_prefix (TiesEvidence *self,
                              const char *prefix);
const char *ties_evidence_get_suffix (TiesEvidence *self);
void ties_evidence_set_suffix (TiesEvidence *self,
                              const char *suffix);
guint ties_evidence_get_start (TiesEvidence *self);
void ties_evidence_set_start (TiesEvidence *self,
                             guint start);
guint ties_evidence_get_end (TiesEvidence *self);
void ties_evidence_set_end (TiesEvidence *self,
                           guint end);
TiesEvidenceStatus ties_evidence_get_status (TiesEvidence *self);
void ties_evidence_set_status (TiesEvidence *self,
                              TiesEvidenceStatus status);
TiesExtras *ties_evidence_get_extras (TiesEvidence *self);
void ties_evidence_take_extras (TiesEvidence *self,
                             TiesExtras *extras);

G_END_DECLS
