/* ties-document.h: actors, sources, events and how they are viewed
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ties-actor.h"
#include "ties-collection.h"
#include "ties-event.h"
#include "ties-event-kind.h"
#include "ties-evidence.h"
#include "ties-extras.h"
#include "ties-filter.h"
#include "ties-history.h"
#include "ties-source.h"

G_BEGIN_DECLS

#define TIES_TYPE_DOCUMENT (ties_document_get_type ())

G_DECLARE_FINAL_TYPE (TiesDocument, ties_document, TIES, DOCUMENT, GObject)

/* What an edit, undo or redo changed, as "parts-changed" says, so that a
 * view redoes only what depends on it: typing an event's title must not
 * derive the ties again nor lay the diagram out. */
typedef enum
{
  TIES_DOCUMENT_CHANGE_NONE        = 0,
  /* Events added, removed or reordered. */
  TIES_DOCUMENT_CHANGE_EVENTS      = 1 << 0,
  /* What ties are made of: an event's participants, initiator, kind or date. */
  TIES_DOCUMENT_CHANGE_EVENT_TIES  = 1 << 1,
  /* Anything else of an event: title, place, notes, tags, date phrase, id. */
  TIES_DOCUMENT_CHANGE_EVENT_TEXT  = 1 << 2,
  /* Evidence items added, removed or edited. */
  TIES_DOCUMENT_CHANGE_EVIDENCE    = 1 << 3,
  /* Actors added, removed or reordered, or an actor's id. */
  TIES_DOCUMENT_CHANGE_ACTORS      = 1 << 4,
  /* How an actor is named and drawn: name, aliases, kind, colour, affiliation. */
  TIES_DOCUMENT_CHANGE_ACTOR_LOOK  = 1 << 5,
  /* Where an actor is: its position and pin. */
  TIES_DOCUMENT_CHANGE_ACTOR_PLACE = 1 << 6,
  /* An actor's role and notes. */
  TIES_DOCUMENT_CHANGE_ACTOR_TEXT  = 1 << 7,
  TIES_DOCUMENT_CHANGE_SOURCES     = 1 << 8,
  /* The declared event kinds, their labels and lines. */
  TIES_DOCUMENT_CHANGE_EVENT_KINDS = 1 << 9,
  /* Layout, focus and filter. */
  TIES_DOCUMENT_CHANGE_VIEW        = 1 << 10,
  /* The document's title and description. */
  TIES_DOCUMENT_CHANGE_INFO        = 1 << 11,
  TIES_DOCUMENT_CHANGE_ALL         = (1 << 12) - 1,
} TiesDocumentChange;

GType               ties_document_change_get_type     (void) G_GNUC_CONST;
#define TIES_TYPE_DOCUMENT_CHANGE (ties_document_change_get_type ())

TiesDocument       *ties_document_new                 (void);

const char         *ties_document_get_title           (TiesDocument *self);
void                ties_document_set_title           (TiesDocument *self,
                                                       const char   *title);
const char         *ties_document_get_description     (TiesDocument *self);
void                ties_document_set_description     (TiesDocument *self,
                                                       const char   *description);

/* Read-only lists (TiesCollection) of TiesActor, TiesSource, TiesEvent
 * and the document's own TiesEventKinds (the built-in kinds are not in
 * it, but a kind declared with a built-in id overrides that one). They
 * change only through the functions below, which go through the history
 * so that every edit can be undone. An item edited in place (through the
 * history) is announced as "items-changed" (position, 1, 1) on the
 * events list, besides its own property notification, so that a list
 * filtering or sorting the events places that one event again. */
GListModel         *ties_document_get_actors          (TiesDocument *self);
GListModel         *ties_document_get_sources         (TiesDocument *self);
GListModel         *ties_document_get_events          (TiesDocument *self);
GListModel         *ties_document_get_event_kinds     (TiesDocument *self);
/* Reading a file: appends @items to @collection (one of the lists above)
 * without history, and says "parts-changed" for it but not "changed". */
void                ties_document_append_loaded       (TiesDocument *self,
                                                       GListModel   *collection,
                                                       gpointer     *items,
                                                       guint         n_items);
TiesHistory        *ties_document_get_history         (TiesDocument *self);

TiesActor          *ties_document_lookup_actor        (TiesDocument *self,
                                                       const char   *id);
/* The first actor whose name or other name is @name, ignoring case,
 * diacritics and spacing; @matched (may be NULL) gets which of its names. */
TiesActor          *ties_document_find_actor_by_name  (TiesDocument *self,
                                                       const char   *name,
                                                       const char  **matched);
TiesSource         *ties_document_lookup_source       (TiesDocument *self,
                                                       const char   *id);
TiesEvent          *ties_document_lookup_event        (TiesDocument *self,
                                                       const char   *id);
/* A declared kind, or a built-in one. */
TiesEventKind      *ties_document_lookup_event_kind   (TiesDocument *self,
                                                       const char   *id);
/* What people read for an actor id: the actor's name, or the id itself
 * for an actor without a name or not in the document; NULL for NULL. */
const char         *ties_document_get_actor_name      (TiesDocument *self,
                                                       const char   *actor_id);
/* The label of a kind id (declared or built-in), or the id itself for a
 * kind that is neither; NULL for NULL. */
const char         *ties_document_get_kind_label      (TiesDocument *self,
                                                       const char   *kind_id);
/* An id not yet used by any actor, source or event, made from @text. */
/* Whether @id is what documents allow as an id: a letter or digit, then
 * letters, digits and . _ : - (ASCII). */
gboolean            ties_document_is_valid_id         (const char   *id);
/* A file name for an export of the document: its title (else
 * @fallback) without what file systems or portals refuse (/ \ : * ? " <
 * > | and control characters; "Ardern: the Call" → "Ardern - the Call"),
 * at most 100 characters, then "." and @extension. */
char               *ties_document_make_file_name      (TiesDocument *self,
                                                       const char   *fallback,
                                                       const char   *extension);
char               *ties_document_make_id             (TiesDocument *self,
                                                       const char   *text);

/* An unused id for a new event: up to four words of @title that say
 * something ("Ardern phones Dorsey" → "ardern-phones-dorsey") and the
 * month of @date (EDTF, may be NULL) when it has one ("…-april"). */
char               *ties_document_make_event_id       (TiesDocument *self,
                                                       const char   *title,
                                                       const char   *date);

/* View: layout, colours, focus and filter, saved with the document. */
const char         *ties_document_get_layout          (TiesDocument *self);
void                ties_document_set_layout          (TiesDocument *self,
                                                       const char   *layout);
/* view.colors: what the diagram's node colours tell, "affiliation"
 * (the default) or "community" (Louvain's, ties-measures.h). */
const char         *ties_document_get_colors          (TiesDocument *self);
void                ties_document_set_colors          (TiesDocument *self,
                                                       const char   *colors);
const char         *ties_document_get_focus           (TiesDocument *self);
void                ties_document_set_focus           (TiesDocument *self,
                                                       const char   *focus);
/* view.positions: where the last layout drew the actors, so that the
 * next drawing (reopened, exported, printed, or after an edit) starts
 * from the same picture. A table of actor id → double[2] (x, y in
 * diagram units) made by ties_document_new_positions(), or NULL for
 * none. A table given to the document must not be changed afterwards:
 * the history may keep it for undo. Pinned actors keep their place in
 * their own "position" instead. */
GHashTable         *ties_document_new_positions       (void);
GHashTable         *ties_document_get_positions       (TiesDocument *self);
void                ties_document_set_positions       (TiesDocument *self,
                                                       GHashTable   *positions);
gboolean            ties_document_lookup_position     (TiesDocument *self,
                                                       const char   *id,
                                                       double       *x,
                                                       double       *y);
/* The places a layout found for the document as it is now. No edit:
 * no undo step of their own, nothing new to save; but they belong to
 * the step last done, so that undoing it shows the picture from before
 * it exactly, and redoing it this one. */
void                ties_document_remember_positions  (TiesDocument *self,
                                                       GHashTable   *positions);
/* Replaces the places with those of a layout made afresh (@positions,
 * given up as above), as one undo step, “Re-layout”. */
void                ties_document_relayout            (TiesDocument *self,
                                                       GHashTable   *positions);
/* The saved view.filter (transfer none), the same object for the
 * document's life. Edit it through the history (ties_history_set() on
 * it) so that a change is undoable and marks the document modified. */
TiesFilter         *ties_document_get_filter          (TiesDocument *self);

/* Unknown members of the top level, of "view" and of "view.filter". */
TiesExtras         *ties_document_get_extras          (TiesDocument *self);
void                ties_document_take_extras         (TiesDocument *self,
                                                       TiesExtras   *extras);
TiesExtras         *ties_document_get_view_extras     (TiesDocument *self);
void                ties_document_take_view_extras    (TiesDocument *self,
                                                       TiesExtras   *extras);
TiesExtras         *ties_document_get_filter_extras   (TiesDocument *self);
void                ties_document_take_filter_extras  (TiesDocument *self,
                                                       TiesExtras   *extras);

/* Undoable compound edits. */
void                ties_document_add_actor           (TiesDocument *self,
                                                       TiesActor    *actor);
void                ties_document_remove_actor        (TiesDocument *self,
                                                       TiesActor    *actor);
void                ties_document_rename_actor        (TiesDocument *self,
                                                       TiesActor    *actor,
                                                       const char   *new_id);
void                ties_document_merge_actors        (TiesDocument *self,
                                                       TiesActor    *keep,
                                                       TiesActor    *merged);
void                ties_document_move_actor          (TiesDocument *self,
                                                       TiesActor    *actor,
                                                       double        x,
                                                       double        y,
                                                       gboolean      pinned);
void                ties_document_add_source          (TiesDocument *self,
                                                       TiesSource   *source);
void                ties_document_remove_source       (TiesDocument *self,
                                                       TiesSource   *source);
void                ties_document_add_event           (TiesDocument *self,
                                                       TiesEvent    *event);
void                ties_document_insert_event        (TiesDocument *self,
                                                       guint         position,
                                                       TiesEvent    *event,
                                                       const char   *label);
void                ties_document_remove_event        (TiesDocument *self,
                                                       TiesEvent    *event);
void                ties_document_add_event_kind      (TiesDocument  *self,
                                                       TiesEventKind *kind);
/* The document's own kind @id (transfer none), to edit its label, line
 * and colour with ties_history_set(). A built-in kind is first declared
 * in the document (undoably: wrap the call and the edit in
 * ties_history_begin/end to make them one step); NULL for an unknown id. */
TiesEventKind      *ties_document_edit_event_kind     (TiesDocument  *self,
                                                       const char    *id);
/* Remembers that the proposal quoting @exact in @source was dismissed. */
void                ties_document_dismiss_suggestion  (TiesDocument *self,
                                                       TiesSource   *source,
                                                       const char   *exact);

/* Makes @evidence quote code points [start, end) of @source (one undo
 * step), e.g. to re-attach an orphaned item to the passage selected. */
void                ties_document_reattach_evidence   (TiesDocument *self,
                                                       TiesEvidence *evidence,
                                                       TiesSource   *source,
                                                       glong         start,
                                                       glong         end);

/* Replaces @source's text (a corrected transcription) and re-anchors its
 * evidence by quote: found once, it moves; found several times, prefix
 * and suffix decide, then the quote's old place if the edit left it
 * alone; otherwise it is orphaned, keeping its words and offsets. One
 * undo step. */
void                ties_document_set_source_text     (TiesDocument *self,
                                                       TiesSource   *source,
                                                       const char   *text);

/* Checks every evidence item against its source's text and sets its
 * status; returns the number of orphaned items. */
guint               ties_document_anchor_evidence     (TiesDocument *self);
guint               ties_document_count_orphaned      (TiesDocument *self);
TiesEvidenceStatus  ties_evidence_anchor              (TiesEvidence *evidence,
                                                       TiesSource   *source);

G_END_DECLS
