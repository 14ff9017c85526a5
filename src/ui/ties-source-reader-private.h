/* ties-source-reader-private.h: what the source reader's files share:
 * its instance struct, the spans, names and proposals it finds in the
 * text, its signals and the helpers each file uses of the others'
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ties-source-reader.h"

G_BEGIN_DECLS

/* Words of a passage that title an event naming fewer than two actors. */
#define TITLE_WORDS 8
/* A press and release closer than this (px) are a click, not a drag. */
#define CLICK_SLOP 4.0
/* The selection settles for this long (ms) before the popover shows, so
 * that it does not chase the pointer while a selection is dragged. */
#define POPOVER_DELAY_MS 250

/* One evidence item of an event in this source's text. */
typedef struct
{
  glong         start;
  glong         end;
  TiesEvent    *event;      /* unowned: the document holds it */
  TiesEvidence *evidence;   /* unowned: its event holds it */
} Span;

/* A known actor named in the text. */
typedef struct
{
  glong      start;
  glong      end;
  TiesActor *actor;         /* unowned: the document holds it */
} Mention;

/* A candidate event drawn in the text. */
typedef struct
{
  glong    start;
  glong    end;
  gpointer suggestion;      /* unowned: self->suggestions holds it */
} Proposal;

/* How strongly a stretch of highlighted text is drawn. */
typedef enum
{
  STRENGTH_ONE,             /* one evidence item */
  STRENGTH_OVERLAP,         /* two or more */
  STRENGTH_SELECTED,        /* of the selected event */
  N_STRENGTHS
} Strength;

/* A dotted name or a dashed proposal, drawn over the text. */
typedef enum
{
  MARK_DOTTED_UNDERLINE,
  MARK_DASHED_BOX,
} MarkStyle;

typedef struct
{
  GdkRectangle rect;         /* buffer coordinates */
  MarkStyle    style;
} Mark;

struct _TiesSourceReader
{
  GtkWidget          parent_instance;

  TiesDocument      *document;
  TiesSource        *source;
  TiesEvent         *selected_event;
  /* The window's selection, whose one event is the selected event. */
  TiesSelection     *shared_selection;
  TiesEvidence      *reattach_evidence;
  GPtrArray         *suggestions;

  /* Template widgets */
  GtkWidget         *box;
  GtkRevealer       *reattach_revealer;
  GtkLabel          *reattach_label;
  GtkRevealer       *message_revealer;
  GtkLabel          *message_label;
  GtkScrolledWindow *scrolled_window;
  GtkTextView       *text_view;
  GtkPopover        *popover;
  GtkWidget         *popover_reattach_button;

  GtkTextBuffer     *buffer;
  GArray            *spans;        /* Span, by start */
  GArray            *mentions;     /* Mention, by start */
  GArray            *proposals;    /* Proposal, by start */
  /* "kind-id/strength" → GtkTextTag, owned by the buffer's table */
  GHashTable        *kind_tags;
  GtkTextTag        *selected_tag;

  /* Dotted names and dashed proposals, as rectangles of the buffer:
   * measured in an idle, since measuring lines while drawing makes the
   * text view lay out again in the middle of a frame. */
  GArray            *marks;        /* Mark */
  guint              marks_id;
  int                allocated_width;

  char              *message;
  glong              selection_start;  /* -1 without a selection */
  glong              selection_end;
  guint              popover_id;
  double             press_x;
  double             press_y;
  gboolean           pressed;
};

enum {
  EVENT_ACTIVATED,
  EVENT_CREATED,
  ACTOR_ACTIVATED,
  ACTOR_CREATED,
  SUGGESTION_ACTIVATED,
  N_SIGNALS
};

/* Emitted by a click on the text and by the marking actions alike. */
extern guint _ties_source_reader_signals[N_SIGNALS];

/* ties-source-reader.c: offsets, the pointer, properties, the widget */
void     _ties_source_reader_get_iter_at_offset        (TiesSourceReader   *self,
                                                        GtkTextIter        *iter,
                                                        glong               offset);
gboolean _ties_source_reader_range_is_valid            (TiesSourceReader   *self,
                                                        glong               start,
                                                        glong               end);
void     _ties_source_reader_stop_scrolling            (TiesSourceReader   *self);

/* ties-source-reader-highlights.c: colours, highlights, dotted and dashed marks */
void     _ties_source_reader_on_dark_changed           (TiesSourceReader   *self);
void     _ties_source_reader_apply_highlights          (TiesSourceReader   *self);
void     _ties_source_reader_refresh_proposals         (TiesSourceReader   *self);
void     _ties_source_reader_load_text                 (TiesSourceReader   *self);
void     _ties_source_reader_on_source_text_changed    (TiesSourceReader   *self);
void     _ties_source_reader_on_document_parts_changed (TiesSourceReader   *self,
                                                        TiesDocumentChange  changes,
                                                        TiesDocument       *document);
void     _ties_source_reader_queue_measure_marks       (TiesSourceReader   *self);
void     ties_source_reader_snapshot                   (GtkWidget          *widget,
                                                        GtkSnapshot        *snapshot);

/* ties-source-reader-marking.c: the selection, its popover, messages and
 * the reader's actions, which the class installs (reader.new-event to
 * reader.dismiss-message) */
void     _ties_source_reader_marking_class_init        (GtkWidgetClass     *widget_class);
void     _ties_source_reader_on_mark_set               (TiesSourceReader   *self,
                                                        GtkTextIter        *location,
                                                        GtkTextMark        *mark,
                                                        GtkTextBuffer      *buffer);
void     ties_source_reader_update_actions             (TiesSourceReader   *self);
void     _ties_source_reader_show_message              (TiesSourceReader   *self,
                                                        const char         *message);

G_END_DECLS
