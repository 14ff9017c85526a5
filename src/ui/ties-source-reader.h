/* ties-source-reader.h: a source's text, its evidence highlighted, to mark
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ties-document.h"
#include "ties-selection.h"

G_BEGIN_DECLS

#define TIES_TYPE_SOURCE_READER (ties_source_reader_get_type ())

G_DECLARE_FINAL_TYPE (TiesSourceReader, ties_source_reader, TIES, SOURCE_READER, GtkWidget)

/* Signals: "event-activated" (TiesEvent *): a highlight was clicked;
 * "event-created" (TiesEvent *): reader.new-event made it;
 * "actor-activated" (TiesActor *): reader.new-actor found it already there;
 * "actor-created" (TiesActor *); "suggestion-activated" (gpointer).
 *
 * Actions, for the selected passage: reader.new-event (Ctrl+E),
 * reader.add-evidence (Shift+Ctrl+A), reader.new-actor (Shift+Ctrl+R),
 * reader.reattach (after ties_source_reader_begin_reattach()). */

GtkWidget    *ties_source_reader_new                  (void);
TiesDocument *ties_source_reader_get_document         (TiesSourceReader *self);
void          ties_source_reader_set_document         (TiesSourceReader *self,
                                                       TiesDocument     *document);
TiesSource   *ties_source_reader_get_source           (TiesSourceReader *self);
void          ties_source_reader_set_source           (TiesSourceReader *self,
                                                       TiesSource       *source);
TiesEvent    *ties_source_reader_get_selected_event   (TiesSourceReader *self);
void          ties_source_reader_set_selected_event   (TiesSourceReader *self,
                                                       TiesEvent        *event);
/* The window's selection ("selection"; not the selected text, which
 * ties_source_reader_get_selection() gives), which the selected event
 * follows: its one event, or none. */
TiesSelection *ties_source_reader_get_shared_selection (TiesSourceReader *self);
void          ties_source_reader_set_shared_selection (TiesSourceReader *self,
                                                       TiesSelection    *selection);
/* Candidate events (TiesSuggestion) to draw; NULL clears them. */
void          ties_source_reader_set_suggestions      (TiesSourceReader *self,
                                                       GPtrArray        *suggestions);

/* Scrolls to the quote of @evidence and selects it. */
void          ties_source_reader_show_evidence        (TiesSourceReader *self,
                                                       TiesEvidence     *evidence);
/* The next reader.reattach moves @evidence to the selected passage. */
void          ties_source_reader_begin_reattach       (TiesSourceReader *self,
                                                       TiesEvidence     *evidence);
void          ties_source_reader_cancel_reattach      (TiesSourceReader *self);

/* The selection in code points of the source's text; FALSE without one. */
gboolean      ties_source_reader_get_selection        (TiesSourceReader *self,
                                                       glong            *start,
                                                       glong            *end);
/* Selects code points [start, end) of the source's text. */
void          ties_source_reader_select_range         (TiesSourceReader *self,
                                                       glong             start,
                                                       glong             end);

/* What a click or the pointer at code point @offset finds: the events
 * whose evidence covers it (TiesEvent, the innermost first), and the
 * tooltip text that names them and the actors mentioned there. */
GPtrArray    *ties_source_reader_events_at_offset     (TiesSourceReader *self,
                                                       glong             offset);
char         *ties_source_reader_dup_tooltip_at_offset (TiesSourceReader *self,
                                                        glong             offset);
/* What a click at code point @offset does: emits "event-activated" or
 * "suggestion-activated"; FALSE when nothing is there. */
gboolean      ties_source_reader_activate_offset      (TiesSourceReader *self,
                                                       glong             offset);

/* The message shown for the last action, such as a duplicate actor;
 * NULL when none is shown. */
const char   *ties_source_reader_get_message          (TiesSourceReader *self);

G_END_DECLS
