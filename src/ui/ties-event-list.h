/* ties-event-list.h: the document's events, sortable and filterable
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ties-document.h"
#include "ties-selection.h"

G_BEGIN_DECLS

#define TIES_TYPE_EVENT_LIST (ties_event_list_get_type ())

G_DECLARE_FINAL_TYPE (TiesEventList, ties_event_list, TIES, EVENT_LIST, GtkWidget)

GtkWidget    *ties_event_list_new                (void);
TiesDocument *ties_event_list_get_document       (TiesEventList *self);
void          ties_event_list_set_document       (TiesEventList *self,
                                                  TiesDocument  *document);

/* The filtered, sorted events shown (a GListModel of TiesEvent). */
GListModel   *ties_event_list_get_model          (TiesEventList *self);
/* The selected events (TiesEvent), in list order; "selection-changed". */
GPtrArray    *ties_event_list_get_selected_events (TiesEventList *self);
TiesEvent    *ties_event_list_get_selected_event (TiesEventList *self);
void          ties_event_list_select_event       (TiesEventList *self,
                                                  TiesEvent     *event);
/* The window's selection ("selection"): the rows follow its events, and
 * rows chosen select through it. */
TiesSelection *ties_event_list_get_selection     (TiesEventList *self);
void          ties_event_list_set_folded         (TiesEventList *self,
                                                  gboolean       folded);
void          ties_event_list_set_selection      (TiesEventList *self,
                                                  TiesSelection *selection);

/* The list shows what the document's filter (ties_document_get_filter(),
 * the diagram's too) keeps. Search, kind and dates edit that filter as
 * the list's controls do: through the history, saved with the document.
 * NULL clears each. */
void          ties_event_list_set_search_text    (TiesEventList *self,
                                                  const char    *text);
void          ties_event_list_set_kind_filter    (TiesEventList *self,
                                                  const char    *kind);
/* The list following the diagram's selection: only an actor's, or a
 * tie's, events. Not part of the filter: the diagram, the history and
 * the file are left as they are. */
void          ties_event_list_set_actor_filter   (TiesEventList *self,
                                                  const char    *actor_id);
void          ties_event_list_set_tie_filter     (TiesEventList *self,
                                                  const char    *actor_a,
                                                  const char    *actor_b);
/* EDTF bounds; invalid text leaves the filter as it was and returns FALSE. */
gboolean      ties_event_list_set_date_filter    (TiesEventList *self,
                                                  const char    *from,
                                                  const char    *to);
void          ties_event_list_show_search        (TiesEventList *self);
/* Transfer none; NULL for an open end. "date-range-changed" says when. */
void          ties_event_list_get_date_range     (TiesEventList *self,
                                                  TiesDate     **from,
                                                  TiesDate     **to);

G_END_DECLS
