/* ties-filter.h: which events are shown, in the list and the diagram alike
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ties-date.h"
#include "ties-event.h"

G_BEGIN_DECLS

/* The document's type, without including its header: the document owns
 * a filter, and its header includes this one. */
typedef struct _TiesDocument TiesDocument;

/* What the diagram does with the events the filter leaves out. */
typedef enum
{
  /* They are not counted: ties only they make are not drawn, and
   * actors are sized by the events kept. */
  TIES_FILTER_DIAGRAM_HIDE,
  /* Everything is drawn; the ties and actors of the events kept stand
   * out and the rest is dimmed. */
  TIES_FILTER_DIAGRAM_HIGHLIGHT,
} TiesFilterDiagram;

GType ties_filter_diagram_get_type (void) G_GNUC_CONST;
#define TIES_TYPE_FILTER_DIAGRAM (ties_filter_diagram_get_type ())

#define TIES_TYPE_FILTER (ties_filter_get_type ())

G_DECLARE_FINAL_TYPE (TiesFilter, ties_filter, TIES, FILTER, GObject)

/* One filter: the document's (saved as "view.filter") is shared by the
 * event list, the network, the diagram, export and the command line, so
 * that they always agree. Its parts combine with AND; an empty part
 * keeps everything. Each setter notifies its property and emits
 * "changed" only on a real change. */
TiesFilter         *ties_filter_new              (void);
/* A copy to change without touching @self (the command line's options). */
TiesFilter         *ties_filter_copy             (TiesFilter         *self);

/* Events of any of these kinds; NULL or empty: every kind. */
const char * const *ties_filter_get_kinds        (TiesFilter         *self);
void                ties_filter_set_kinds        (TiesFilter         *self,
                                                  const char * const *kinds);

/* Events in which any of these actors takes part; NULL or empty: all. */
const char * const *ties_filter_get_actors       (TiesFilter         *self);
void                ties_filter_set_actors       (TiesFilter         *self,
                                                  const char * const *actors);

/* Events two actors share (the "tie" property: a vector of their two
 * ids, or NULL). Both NULL: no tie. FALSE from the getter when none. */
gboolean            ties_filter_get_tie          (TiesFilter         *self,
                                                  const char        **actor_a,
                                                  const char        **actor_b);
void                ties_filter_set_tie          (TiesFilter         *self,
                                                  const char         *actor_a,
                                                  const char         *actor_b);

/* EDTF bounds (NULL: open end). An event counts when its date overlaps
 * [start of from, end of to]; with a bound set, undated events do not
 * count, nothing says they fall in; a from after the to keeps nothing.
 * Text that is not EDTF is refused: FALSE, and the bound is unchanged. */
const char         *ties_filter_get_from         (TiesFilter         *self);
gboolean            ties_filter_set_from         (TiesFilter         *self,
                                                  const char         *from);
const char         *ties_filter_get_to           (TiesFilter         *self);
gboolean            ties_filter_set_to           (TiesFilter         *self,
                                                  const char         *to);
/* Parsed bounds, transfer none; NULL for an open end. */
TiesDate           *ties_filter_get_from_date    (TiesFilter         *self);
TiesDate           *ties_filter_get_to_date      (TiesFilter         *self);
/* Both bounds at once (one "changed"); FALSE, changing nothing, when
 * either is not EDTF. */
gboolean            ties_filter_set_range        (TiesFilter         *self,
                                                  const char         *from,
                                                  const char         *to);

/* Words searched, ignoring case and compatibility forms, in an event's
 * title, place, notes, participants' names and evidence quotes. Blank
 * text (or NULL) searches nothing. */
const char         *ties_filter_get_text         (TiesFilter         *self);
void                ties_filter_set_text         (TiesFilter         *self,
                                                  const char         *text);

/* Events with evidence from this source; NULL: any. */
const char         *ties_filter_get_source       (TiesFilter         *self);
void                ties_filter_set_source       (TiesFilter         *self,
                                                  const char         *source_id);

TiesFilterDiagram   ties_filter_get_diagram      (TiesFilter         *self);
void                ties_filter_set_diagram      (TiesFilter         *self,
                                                  TiesFilterDiagram   diagram);

/* TRUE when no part is set: every event counts (the diagram mode is not
 * a part). */
gboolean            ties_filter_is_empty         (TiesFilter         *self);
/* Clears every part (one "changed"); keeps the diagram mode. */
void                ties_filter_clear            (TiesFilter         *self);

/* Whether @event passes. @document (may be NULL) names the participants
 * for the text search; without it only their ids are searched. */
gboolean            ties_filter_includes_event   (TiesFilter         *self,
                                                  TiesDocument       *document,
                                                  TiesEvent          *event);

G_END_DECLS
