/* ties-window-private.h: what the window's files share: its instance
 * struct and the helpers each file uses of the others'
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ties-actor-editor.h"
#include "ties-actors-view.h"
#include "ties-diagram-view.h"
#include "ties-drafts.h"
#include "ties-event-editor.h"
#include "ties-event-list.h"
#include "ties-file-watch.h"
#include "ties-network.h"
#include "ties-source-editor.h"
#include "ties-source-reader.h"
#include "ties-sources-view.h"
#include "ties-player.h"
#include "ties-timeline-view.h"
#include "ties-window.h"

G_BEGIN_DECLS

struct _TiesWindow
{
  AdwApplicationWindow parent_instance;

  TiesDocument *document;
  TiesNetwork *network;
  GFile *file;
  GSettings *settings;
  GCancellable *cancellable;

  /* Set once the user chose to close despite unsaved changes. */
  gboolean closing_confirmed;

  /* The open file on disk, to notice other programs' changes. */
  TiesFileWatch *watch;

  /* Keeps the unsaved changes on disk, to recover after a crash. */
  TiesDraftWriter *draft_writer;

  /* The save in flight: its own cancellable (closing the window does not
   * stop a save the user asked for), the watch it holds, the file of a
   * save asked for meanwhile, and a toast that offers to stop a long one. */
  GCancellable *save_cancellable;
  TiesFileWatch *save_watch;
  GFile *next_save;
  AdwToast *saving_toast;
  guint saving_toast_id;

  /* Narrower than the list and the diagram side by side need, and the
   * idle that fits the controls to the width after an allocation. */
  gboolean narrow;
  guint adapt_idle;

  /* The Keyboard Shortcuts window, once asked for. */
  GtkWindow *shortcuts_window;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkStack *stack;
  AdwLeaflet *leaflet;
  GtkStack *side_stack;
  TiesEventList *event_list;
  TiesActorsView *actors_view;
  TiesDiagramView *diagram_view;
  TiesTimelineView *timeline_view;
  GtkRevealer *timeline_revealer;
  /* Play: the diagram drawn month by month. */
  TiesPlayer *player;
  GtkToggleButton *play_button;
  GtkLabel *as_of_label;
  GtkStack *editor_stack;
  AdwStatusPage *tie_page;
  /* The editors' places, and the editors once first shown (NULL before:
   * ties-window.c builds them on demand). */
  AdwBin *event_editor_bin;
  AdwBin *actor_editor_bin;
  AdwBin *source_editor_bin;
  TiesEventEditor *event_editor;
  TiesActorEditor *actor_editor;
  TiesSourceEditor *source_editor;
  GtkMenuButton *layout_button;
  /* The menus of the main, play and layout buttons, made into popovers
   * when first opened; the layout menu again after a change. */
  GtkMenuButton *main_menu_button;
  GtkMenuButton *play_menu_button;
  GMenuModel *main_menu;
  GMenuModel *play_menu;
  gboolean view_menu_stale;
  GtkDrawingArea *legend_area;
  AdwSplitButton *open_button;
  /* The header's controls that a folded window narrows or hides. */
  AdwHeaderBar *header_bar;
  /* The header's two titles, held while the other is shown. */
  GtkWidget *wide_title;
  GtkWidget *narrow_title;
  GtkWidget *back_button;
  GtkWidget *open_icon_button;
  GtkWidget *save_button;
  GtkWidget *save_icon_button;
  GtkWidget *add_event_button;
  GtkWidget *add_event_icon_button;
  GtkWidget *undo_button;
  GtkWidget *redo_button;
  GtkWidget *export_button;
  GtkWidget *diagram_buttons;
  GtkWidget *disk_banner_box;
  GtkWidget *layout_progress;
  GtkRevealer *disk_banner;
  GtkLabel *disk_banner_label;
  GtkButton *reload_button;
  GtkStack *view_stack;
  AdwBin *reader_bin;
  AdwBin *sources_bin;
  /* Built when first shown or needed, or else once the first frame is
   * drawn; until then, the source it would show. */
  TiesSourceReader *reader;
  TiesSource *reader_source;
  /* Built when first shown or needed, or else once the first frame is
   * drawn: finding its proposals is the most of its cost. */
  TiesSourcesView *sources_view;
  /* Whether the Actors table has been given the network: it is when
   * first shown, or else once the first frame is drawn, and then each
   * new one. */
  gboolean actors_view_follows;
  /* Makes what the first frame did not need. */
  guint after_first_frame_idle;

  /* What is selected, shared by every view and followed by the editor. */
  TiesSelection *selection;
  /* The list is narrowed to the selected actor's or tie's events. */
  gboolean narrowed;
  /* Set while the reader itself selects: the reader must not then
   * scroll away from what was clicked, nor the list be narrowed to an
   * actor found in a passage, so that reading goes on with every event
   * in view. */
  gboolean selecting_from_reader;

  /* view.layout and view.focus, stateful, mirroring the document's view */
  GSimpleActionGroup *view_actions;

  /* The measures being worked out (ties-window-measures.c): the edits
   * awaited, the thread's cancellable, and whether the network changed
   * since they were last shown. */
  guint measures_source;
  GCancellable *measures_cancellable;
  gboolean measures_stale;
};

/* What a load, save or import finishes with: the window and the file. */
typedef struct
{
  TiesWindow *window;
  GFile *file;
} OpenData;

/* ties-window.c: the window and its views */
void           ties_window_toast                (TiesWindow      *self,
                                                 const char      *title);
void           ties_window_update_title         (TiesWindow      *self);
void           ties_window_set_document         (TiesWindow      *self,
                                                 TiesDocument    *document,
                                                 GFile           *file);
void           ties_window_show_source          (TiesWindow      *self,
                                                 TiesSource      *source);
/* The source the reader shows, or would show once built. */
TiesSource    *_ties_window_get_shown_source    (TiesWindow      *self);

/* ties-window-measures.c: the measures of the network shown, for the
 * Actors view and the diagram's colours by community. */
void           _ties_window_measures_init       (TiesWindow      *self);
/* After a new network is made for the document. */
void           _ties_window_measures_follow     (TiesWindow      *self);
void           _ties_window_measures_dispose    (TiesWindow      *self);

/* ties-window-files.c: open, save, reload, export, print, close, drop.
 * The class installs the file actions (win.open to win.print); an
 * instance follows the recent documents and takes files dropped on it. */
void           _ties_window_files_class_init    (GtkWidgetClass  *widget_class);
void           _ties_window_files_init          (TiesWindow      *self);
gboolean       ties_window_close_request        (GtkWindow       *window);
void           ties_window_watch_file           (TiesWindow      *self,
                                                 GFile           *file);
/* A file format a data export offers: a filter of its file chooser. */
typedef struct
{
  const char *filter_name;
  const char *mime_type;
  const char *suffix;
  gboolean  (*export) (TiesDocument  *document,
                       GFile         *file,
                       GError       **error);
} TiesDataFormat;

/* A data export: its file chooser's formats (the first is chosen
 * first), and what the toast or the error says (strings marked N_(),
 * translated when shown). */
typedef struct
{
  const char           *title;
  const TiesDataFormat *formats;
  guint                 n_formats;
  const char           *untitled;     /* the file's name when the document has none */
  const char           *done;         /* "… exported to “%s”" */
  const char           *failed;
} TiesDataExport;

/* Asks where, then writes there in the format the file's extension names,
 * or else the one whose filter is chosen (ties-window-files.c). */
void           _ties_window_export_data         (TiesWindow           *self,
                                                 const TiesDataExport *spec);
void           _ties_window_show_error          (TiesWindow      *self,
                                                 const char      *heading,
                                                 const char      *body);
OpenData      *_ties_window_open_data_new       (TiesWindow      *self,
                                                 GFile           *file);
void           _ties_window_open_data_free      (OpenData        *data);
/* The same, as a signal handler's GClosureNotify. */
void           _ties_window_open_data_closure_free (gpointer      data,
                                                    GClosure     *closure);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenData, _ties_window_open_data_free)

/* ties-window-sources.c: articles added, pasted, their text and annotations.
 * The class installs their actions and Ctrl+V. */
void           _ties_window_sources_class_init  (GtkWidgetClass  *widget_class);
GtkFileFilter *_ties_window_articles_filter     (void);

G_END_DECLS
