/* ties-event-list-private.h: what the event list's files share
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ties-event-list.h"

G_BEGIN_DECLS

/* In the order of the template's columns. */
typedef enum {
  TIES_EVENT_LIST_COLUMN_DATE,
  TIES_EVENT_LIST_COLUMN_TITLE,
  TIES_EVENT_LIST_COLUMN_KIND,
  TIES_EVENT_LIST_COLUMN_PARTICIPANTS,
  TIES_EVENT_LIST_COLUMN_PLACE,
  TIES_EVENT_LIST_COLUMN_EVIDENCE,
  TIES_EVENT_LIST_N_COLUMNS
} TiesEventListColumn;

/* The cells and sorters of the list's columns (ties-event-list-columns.c). */
typedef struct _TiesEventColumns TiesEventColumns;

/* Gives each of @columns its cell factory and its sorter. */
TiesEventColumns *_ties_event_columns_new              (TiesEventList        *list,
                                                        GtkColumnViewColumn **columns);
/* Cells that outlive the list show nothing more. */
void              _ties_event_columns_free             (TiesEventColumns     *self);
/* Sorts again by what @changes touched of others' (names, labels,
 * quotes), and shows it in the cells; an event's own edits reach its
 * cells by notification and its row by "items-changed". */
void              _ties_event_columns_document_changed (TiesEventColumns     *self,
                                                        TiesDocumentChange    changes);

/* An actor's name, or @actor_id for an unknown one. */
const char       *_ties_event_list_actor_name          (TiesEventList        *self,
                                                        const char           *actor_id);
/* A kind's label, or @kind_id for an unknown one; "" for none. */
const char       *_ties_event_list_kind_label          (TiesEventList        *self,
                                                        const char           *kind_id);
/* By g_utf8_collate(), empty texts last. */
int               _ties_event_list_compare_text        (const char           *a,
                                                        const char           *b);

G_END_DECLS
