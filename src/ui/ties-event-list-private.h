/* ties-event-list-private.h: what the event list's files share
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

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

/* The list, shared by its files. */
struct _TiesEventList
{
  GtkWidget            parent_instance;

  TiesDocument        *document;

  /* Template widgets */
  GtkWidget           *box;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *kind_dropdown;
  GtkDropDown         *actor_dropdown;
  GtkDropDown         *source_dropdown;
  GtkEntry            *from_entry;
  GtkEntry            *to_entry;
  GtkButton           *chip_button;
  GtkBox              *filter_row;
  GtkBox              *choices_row;
  GtkLabel            *chip_label;
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *columns[TIES_EVENT_LIST_N_COLUMNS];
  TiesEventColumns    *column_state;  /* cells and sorters */

  /* events → filter → sort → selection */
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkMultiSelection   *selection;

  /* The window's selection: the rows follow it, and a row chosen
   * selects through it; following is set while the rows follow. */
  TiesSelection       *shared_selection;
  GPtrArray           *selected_seen;  /* TiesEvent: as last announced */
  guint                following;

  GtkStringList       *kind_labels;
  GPtrArray           *kind_ids;      /* char *, [0] is NULL: all kinds */
  GtkStringList       *actor_labels;
  GPtrArray           *actor_ids;     /* char *, [0] is NULL: everybody */
  GtkStringList       *source_labels;
  GPtrArray           *source_ids;    /* char *, [0] is NULL: any source */


  /* The document's view.filter, or one of the list's own without a
   * document: the drop-downs, search and dates edit it through the
   * history; the network and the diagram follow the same object. */
  TiesFilter          *view_filter;
  TiesFilter          *own_filter;
  /* The list following the diagram's selection: an actor's or a tie's
   * events only. A selection, not a filter: never saved, no undo step. */
  char                *actor;
  char                *tie_a;
  char                *tie_b;
  char                *from_tooltip;
  char                *to_tooltip;

  guint                syncing;
  guint                actor_from_outside : 1;
};

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

/* The list's own file (ties-event-list.c). */

/* Emits "date-range-changed". */
void              _ties_event_list_date_range_changed  (TiesEventList        *self);

/* The filter and its controls (ties-event-list-filters.c). */

/* Binds the controls' template callbacks. */
void              _ties_event_list_filters_class_init  (GtkWidgetClass       *widget_class);
/* Makes the list's own filter, its GtkFilter and the drop-downs' items. */
void              _ties_event_list_filters_init        (TiesEventList        *self);
/* Follows @filter (the document's view.filter, or the list's own), and
 * every control shows it. */
void              _ties_event_list_set_filter_object   (TiesEventList        *self,
                                                        TiesFilter           *filter);
/* Whether the filter or the diagram's selection hides events. */
gboolean          _ties_event_list_has_filter          (TiesEventList        *self);
void              _ties_event_list_refilter            (TiesEventList        *self);
/* The drop-downs' items and the chip, again from the document. */
void              _ties_event_list_sync_kinds          (TiesEventList        *self);
void              _ties_event_list_sync_sources        (TiesEventList        *self);
void              _ties_event_list_sync_actors         (TiesEventList        *self);
void              _ties_event_list_sync_chip           (TiesEventList        *self);

G_END_DECLS
