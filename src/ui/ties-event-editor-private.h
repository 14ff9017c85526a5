/* ties-event-editor-private.h: what the event editor's files share
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ties-edit-binder.h"
#include "ties-event-editor.h"

G_BEGIN_DECLS

/* The editor, shared by its files. */
struct _TiesEventEditor
{
  GtkWidget           parent_instance;

  TiesDocument       *document;
  TiesEvent          *event;
  gulong              actors_changed_id;
  gulong              parts_changed_id;

  /* The typed fields; frozen while the editor shows the event in its
   * other widgets */
  TiesEditBinder     *binder;
  /* Typing in the title since the last burst ended, and the history's
   * serial right after its last keystroke */
  gboolean            title_burst;
  guint64             title_serial;
  /* An existing actor with the name typed as a new actor's, or NULL */
  TiesActor          *existing_actor;

  GListStore         *kind_models;      /* GListModels: built-ins, declared */
  /* Actors that are not participants and match the search typed in
   * participant_search_row (participant_needle, folded), by name; the
   * first few shown in participant_matches. */
  GtkFilterListModel *actor_choices;
  GtkCustomFilter    *actor_filter;
  GtkSliceListModel  *actor_matches;
  char               *participant_needle;
  GtkStringList      *initiator_names;  /* initiator_row's items */
  GPtrArray          *initiator_ids;    /* ids behind them; NULL: nobody */

  GtkStack           *stack;
  AdwEntryRow        *title_row;
  AdwComboRow        *kind_row;
  AdwEntryRow        *place_row;
  AdwEntryRow        *date_row;
  AdwActionRow       *date_status_row;
  GtkImage           *date_status_icon;
  AdwEntryRow        *date_phrase_row;
  GtkStack           *participants_stack;
  GtkFlowBox         *participants_box;
  AdwEntryRow        *participant_search_row;
  AdwPreferencesRow  *participant_matches_row;
  GtkListBox         *participant_matches;
  AdwEntryRow        *new_actor_row;
  AdwPreferencesRow  *existing_actor_row;
  GtkLabel           *existing_actor_label;
  GtkButton          *add_existing_button;
  AdwComboRow        *initiator_row;
  AdwEntryRow        *tags_row;
  GtkTextView        *notes_view;
  GtkListBox         *evidence_list;
  GtkLabel           *evidence_hint;
};

/* The evidence rows (ties-event-editor-evidence.c). */

/* Installs "show-evidence" and "reattach-evidence", and binds the rows'
 * template callback: after the template is set. */
void       _ties_event_editor_evidence_class_init       (TiesEventEditorClass *klass);
/* A GtkListBoxCreateWidgetFunc for the event's evidence; @user_data is
 * the editor. */
GtkWidget *_ties_event_editor_create_evidence_row       (gpointer              item,
                                                         gpointer              user_data);
/* A source's title or text changed: every row says it again. */
void       _ties_event_editor_on_document_parts_changed (TiesEventEditor      *self,
                                                         TiesDocumentChange    changes,
                                                         TiesDocument         *document);

/* The participants, the initiator and new actors
 * (ties-event-editor-participants.c). */

/* Binds the new-actor row's callback and installs the participant
 * actions: after the template is set. */
void       _ties_event_editor_participants_class_init   (TiesEventEditorClass *klass);
/* After the template is initialised. */
void       _ties_event_editor_participants_init         (TiesEventEditor      *self);
/* The chips and the initiator's choices, from the event. */
void       _ties_event_editor_update_participants       (TiesEventEditor      *self);
/* Whether the name typed for a new actor is an existing actor's. */
void       _ties_event_editor_update_existing_actor     (TiesEventEditor      *self);
/* Which participant actions can run. */
void       _ties_event_editor_update_actions            (TiesEventEditor      *self);

G_END_DECLS
