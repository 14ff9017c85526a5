/* ties-window.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ties-actor-editor.h"
#include "ties-actors-view.h"
#include "ties-annotation-export.h"
#include "ties-article-import.h"
#include "ties-diagram-view.h"
#include "ties-document-info-editor.h"
#include "ties-document-io.h"
#include "ties-drafts.h"
#include "ties-event-editor.h"
#include "ties-event-list.h"
#include "ties-export-dialog.h"
#include "ties-file-watch.h"
#include "ties-kinds-editor.h"
#include "ties-network.h"
#include "ties-preferences-window.h"
#include "ties-print.h"
#include "ties-save-changes-dialog.h"
#include "ties-source-editor.h"
#include "ties-source-reader.h"
#include "ties-source-text-dialog.h"
#include "ties-sources-view.h"
#include "ties-suggest.h"
#include "ties-timing.h"
#include "ties-window.h"

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

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkStack *stack;
  GtkPaned *paned;
  GtkStack *side_stack;
  TiesEventList *event_list;
  TiesActorsView *actors_view;
  TiesDiagramView *diagram_view;
  GtkStack *editor_stack;
  AdwStatusPage *tie_page;
  TiesEventEditor *event_editor;
  TiesActorEditor *actor_editor;
  TiesSourceEditor *source_editor;
  GtkMenuButton *layout_button;
  AdwSplitButton *open_button;
  GtkWidget *layout_progress;
  GtkRevealer *disk_banner;
  GtkLabel *disk_banner_label;
  GtkButton *reload_button;
  GtkStack *view_stack;
  AdwBin *reader_bin;
  AdwBin *sources_bin;
  TiesSourceReader *reader;
  TiesSourcesView *sources_view;

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
};

G_DEFINE_FINAL_TYPE (TiesWindow, ties_window, ADW_TYPE_APPLICATION_WINDOW)

static void ties_window_set_document (TiesWindow   *self,
                                      TiesDocument *document,
                                      GFile        *file);
static void show_error               (TiesWindow   *self,
                                      const char   *heading,
                                      const char   *body);

static void
ties_window_toast (TiesWindow *self,
                   const char *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

char *
ties_window_dup_display_name (TiesWindow *self)
{
  const char *document_title;

  g_return_val_if_fail (TIES_IS_WINDOW (self), NULL);

  document_title = ties_document_get_title (self->document);
  if (*document_title != '\0')
    return g_strdup (document_title);
  else if (self->file != NULL)
    return g_file_get_basename (self->file);
  else
    return g_strdup (_("New Document"));
}

static void
ties_window_update_title (TiesWindow *self)
{
  TiesHistory *history = ties_document_get_history (self->document);
  g_autofree char *name = ties_window_dup_display_name (self);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* The bullet says "unsaved", as in GNOME Text Editor. */
  if (ties_history_get_modified (history))
    title = g_strdup_printf ("• %s", name);
  else
    title = g_steal_pointer (&name);

  if (self->file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->file);
      g_autofree char *basename = g_file_get_basename (self->file);
      g_autofree char *folder = parent != NULL ? g_file_get_parse_name (parent) : NULL;

      subtitle = folder != NULL ? g_strdup_printf ("%s — %s", basename, folder) : g_steal_pointer (&basename);
    }

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
ties_window_update_actions (TiesWindow *self)
{
  TiesHistory *history = ties_document_get_history (self->document);
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_events (self->document))) == 0
                   && g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_actors (self->document))) == 0
                   && g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_sources (self->document))) == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", ties_history_get_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", ties_history_get_can_redo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", !empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", !empty);
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "document");

  ties_window_update_title (self);
}

static int
compare_activity (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  TiesNetwork *network = user_data;
  TiesActor *actor_a = *(TiesActor **) a;
  TiesActor *actor_b = *(TiesActor **) b;
  guint count_a = ties_network_get_event_count (network, ties_actor_get_id (actor_a));
  guint count_b = ties_network_get_event_count (network, ties_actor_get_id (actor_b));

  if (count_a != count_b)
    return count_a > count_b ? -1 : 1;

  return g_utf8_collate (ties_actor_get_name (actor_a), ties_actor_get_name (actor_b));
}

/* The reader draws the proposals the Sources view lists, for the source
 * both show. */
static void
ties_window_update_suggestions (TiesWindow *self)
{
  if (ties_sources_view_get_selected_source (self->sources_view) != ties_source_reader_get_source (self->reader))
    {
      ties_source_reader_set_suggestions (self->reader, NULL);
      return;
    }

  ties_source_reader_set_suggestions (self->reader, ties_sources_view_get_suggestions (self->sources_view));
}

/* Shows @source in the reader, and the reader instead of the diagram. */
static void
ties_window_show_source (TiesWindow *self,
                         TiesSource *source)
{
  ties_source_reader_set_source (self->reader, source);
  ties_sources_view_select_source (self->sources_view, source);
  ties_window_update_suggestions (self);
  gtk_stack_set_visible_child_name (self->stack, "document");
  gtk_stack_set_visible_child_name (self->view_stack, "source");
}

static void
ties_window_show_evidence (TiesWindow   *self,
                           TiesEvidence *evidence)
{
  TiesSource *source = ties_document_lookup_source (self->document, ties_evidence_get_source (evidence));

  if (source == NULL)
    return;

  ties_window_show_source (self, source);
  ties_source_reader_show_evidence (self->reader, evidence);
}

/* While the reader is shown, it follows the selected event to its first
 * quote; the diagram, when shown, is left where it is. */
static void
ties_window_show_first_evidence (TiesWindow *self,
                                 TiesEvent  *event)
{
  GListModel *evidence = G_LIST_MODEL (ties_event_get_evidence (event));
  g_autoptr(TiesEvidence) first = NULL;

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->view_stack), "source")
      || g_list_model_get_n_items (evidence) == 0)
    return;

  first = g_list_model_get_item (evidence, 0);
  ties_window_show_evidence (self, first);
}

/* A tie has no editor of its own: its page names the two actors, and
 * the list beside it shows their events. */
static void
ties_window_show_tie (TiesWindow *self,
                      const char *actor_a,
                      const char *actor_b)
{
  TiesActor *a = ties_document_lookup_actor (self->document, actor_a);
  TiesActor *b = ties_document_lookup_actor (self->document, actor_b);
  TiesTie *tie = ties_network_lookup_tie (self->network, actor_a, actor_b);
  guint weight = tie != NULL ? ties_tie_get_weight (tie) : 0;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  /* Translators: a tie in the diagram, between two actors' names */
  title = g_strdup_printf (_("%s and %s"),
                           a != NULL ? ties_actor_get_name (a) : actor_a,
                           b != NULL ? ties_actor_get_name (b) : actor_b);
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u event together, listed beside",
                                              "%u events together, listed beside",
                                              weight),
                                 weight);
  adw_status_page_set_title (self->tie_page, title);
  adw_status_page_set_description (self->tie_page, description);
  gtk_stack_set_visible_child_name (self->editor_stack, "tie");
}

/* The list follows a selected actor or tie: their events only, until
 * nothing is selected. */
static void
ties_window_narrow_list (TiesWindow    *self,
                         TiesSelection *selection)
{
  TiesActor *actor = ties_selection_get_actor (selection);
  const char *tie_a = NULL;
  const char *tie_b = NULL;

  switch (ties_selection_get_kind (selection))
    {
    case TIES_SELECTION_ACTOR:
    case TIES_SELECTION_TIE:
      if (self->selecting_from_reader)
        return;
      ties_selection_get_tie (selection, &tie_a, &tie_b);
      ties_event_list_set_tie_filter (self->event_list, tie_a, tie_b);
      ties_event_list_set_actor_filter (self->event_list, actor != NULL ? ties_actor_get_id (actor) : NULL);
      self->narrowed = TRUE;
      break;

    case TIES_SELECTION_NONE:
      if (!self->narrowed)
        return;
      ties_event_list_set_tie_filter (self->event_list, NULL, NULL);
      ties_event_list_set_actor_filter (self->event_list, NULL);
      self->narrowed = FALSE;
      break;

    case TIES_SELECTION_EVENTS:
    case TIES_SELECTION_SOURCE:
    default:
      break;
    }
}

/* The views follow the selection by themselves; the window narrows the
 * list, and shows the editor of what is selected, and the reader the
 * selected event's first quote. */
static void
on_selection_changed (TiesWindow    *self,
                      TiesSelection *selection)
{
  TiesEvent *event = ties_selection_get_event (selection);
  const char *tie_a = NULL;
  const char *tie_b = NULL;

  ties_window_narrow_list (self, selection);

  switch (ties_selection_get_kind (selection))
    {
    case TIES_SELECTION_EVENTS:
      ties_event_editor_set_event (self->event_editor, event);
      /* Several events have no one editor. */
      gtk_stack_set_visible_child_name (self->editor_stack, event != NULL ? "event" : "none");
      if (event != NULL && !self->selecting_from_reader)
        ties_window_show_first_evidence (self, event);
      break;

    case TIES_SELECTION_ACTOR:
      ties_actor_editor_set_actor (self->actor_editor, ties_selection_get_actor (selection));
      gtk_stack_set_visible_child_name (self->editor_stack, "actor");
      break;

    case TIES_SELECTION_TIE:
      ties_selection_get_tie (selection, &tie_a, &tie_b);
      ties_window_show_tie (self, tie_a, tie_b);
      break;

    case TIES_SELECTION_SOURCE:
      ties_source_editor_set_source (self->source_editor, ties_selection_get_source (selection));
      gtk_stack_set_visible_child_name (self->editor_stack, "source");
      break;

    case TIES_SELECTION_NONE:
    default:
      ties_event_editor_set_event (self->event_editor, NULL);
      gtk_stack_set_visible_child_name (self->editor_stack, "none");
      break;
    }
}

/* What was deleted (or undone) is no longer selected. */
static void
on_selection_parts_changed (TiesWindow         *self,
                            TiesDocumentChange  changes,
                            TiesDocument       *document)
{
  if (changes & (TIES_DOCUMENT_CHANGE_EVENTS | TIES_DOCUMENT_CHANGE_ACTORS | TIES_DOCUMENT_CHANGE_SOURCES))
    ties_selection_forget_missing (self->selection, document);
}

static void
on_events_deleted (TiesWindow    *self,
                   guint          n,
                   TiesEventList *list)
{
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "Event deleted",
                                                         "%u events deleted",
                                                         n),
                                            n);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
cancel_layout_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ties_diagram_view_cancel_layout (TIES_WINDOW (widget)->diagram_view);
}

static void
on_actor_activated (TiesWindow     *self,
                    TiesActor      *actor,
                    TiesActorsView *view)
{
  ties_selection_select_actor (self->selection, actor);
}

static void
on_event_activated (TiesWindow *self,
                    TiesEvent  *event,
                    gpointer    source)
{
  gtk_stack_set_visible_child_name (self->side_stack, "events");
  ties_selection_select_event (self->selection, event);
  gtk_widget_grab_focus (GTK_WIDGET (self->event_editor));
}

/* A click on a highlight selects its event everywhere, but leaves the
 * focus and the scroll position in the reader. */
static void
select_event_in_place (TiesWindow *self,
                       TiesEvent  *event)
{
  self->selecting_from_reader = TRUE;
  ties_selection_select_event (self->selection, event);
  self->selecting_from_reader = FALSE;
}

static void
on_reader_event_activated (TiesWindow       *self,
                           TiesEvent        *event,
                           TiesSourceReader *reader)
{
  gtk_stack_set_visible_child_name (self->side_stack, "events");
  select_event_in_place (self, event);
}

/* A new event from a passage: selected, and its title ready to type. */
static void
on_reader_event_created (TiesWindow       *self,
                         TiesEvent        *event,
                         TiesSourceReader *reader)
{
  on_reader_event_activated (self, event, reader);
  gtk_widget_grab_focus (GTK_WIDGET (self->event_editor));
}

/* The actor made or found from a passage, in the editor; the list is not
 * narrowed to it as a click in the diagram would, so that reading goes on
 * with every event in view. */
static void
on_reader_actor (TiesWindow       *self,
                 TiesActor        *actor,
                 TiesSourceReader *reader)
{
  self->selecting_from_reader = TRUE;
  ties_selection_select_actor (self->selection, actor);
  self->selecting_from_reader = FALSE;
}

static void
on_source_activated (TiesWindow      *self,
                     TiesSource      *source,
                     TiesSourcesView *view)
{
  /* The Sources view selected it already; the reader shows it. */
  ties_window_show_source (self, source);
}

/* The Sources tab shows the selected source's details below, where the
 * event or actor editor was: one source is selected from the start, and
 * choosing it again changes nothing that would say so. */
static void
on_side_page_changed (TiesWindow *self,
                      GParamSpec *pspec,
                      GtkStack   *stack)
{
  TiesSource *source;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "sources") != 0)
    return;

  source = ties_sources_view_get_selected_source (self->sources_view);
  if (source == NULL)
    return;

  ties_selection_select_source (self->selection, source);
}

static void
on_source_text_applied (TiesWindow           *self,
                        guint                 n_orphaned,
                        TiesSourceTextDialog *dialog)
{
  g_autofree char *message = NULL;

  if (n_orphaned == 0)
    {
      ties_window_toast (self, _("Text replaced; every quote was found"));
      return;
    }

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Text replaced; %u quote is no longer in it and is marked not found",
                                          "Text replaced; %u quotes are no longer in it and are marked not found",
                                          n_orphaned),
                             n_orphaned);
  ties_window_toast (self, message);
}

static void
edit_source_text_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  TiesWindow *self = TIES_WINDOW (widget);
  TiesSource *source = ties_source_reader_get_source (self->reader);
  GtkWidget *dialog;

  if (source == NULL)
    return;

  dialog = ties_source_text_dialog_new (GTK_WINDOW (self), self->document, source);
  g_signal_connect_object (dialog, "applied", G_CALLBACK (on_source_text_applied), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_proposal_accepted (TiesWindow      *self,
                      TiesEvent       *event,
                      gboolean         edit,
                      TiesSourcesView *view)
{
  /* The Sources view stays, with its next proposals; the editor shows
   * the new event. */
  select_event_in_place (self, event);
  if (edit)
    gtk_widget_grab_focus (GTK_WIDGET (self->event_editor));
}

static void
on_suggestion_activated (TiesWindow      *self,
                         gpointer         suggestion,
                         GObject         *emitter)
{
  const TiesSuggestion *candidate = suggestion;
  TiesSource *source = ties_document_lookup_source (self->document, candidate->source);

  if (source == NULL)
    return;

  /* Selected, so that New Event from Selection is one shortcut away. */
  if (source != ties_source_reader_get_source (self->reader))
    ties_window_show_source (self, source);
  else
    gtk_stack_set_visible_child_name (self->view_stack, "source");
  ties_source_reader_select_range (self->reader, candidate->start, candidate->end);
}

static void
on_show_evidence (TiesWindow      *self,
                  TiesEvidence    *evidence,
                  TiesEventEditor *editor)
{
  ties_window_show_evidence (self, evidence);
}

static void
on_reattach_evidence (TiesWindow      *self,
                      TiesEvidence    *evidence,
                      TiesEventEditor *editor)
{
  TiesSource *source = ties_document_lookup_source (self->document, ties_evidence_get_source (evidence));

  if (source == NULL)
    return;

  ties_window_show_source (self, source);
  ties_source_reader_begin_reattach (self->reader, evidence);
  gtk_widget_grab_focus (GTK_WIDGET (self->reader));
}

static void
document_info_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TiesWindow *self = TIES_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (ties_document_info_editor_new (GTK_WINDOW (self), self->document)));
}

static void
edit_kinds_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TiesWindow *self = TIES_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (ties_kinds_editor_new (GTK_WINDOW (self), self->document)));
}

static void
on_export_annotations_response (GtkNativeDialog *dialog,
                                int              response,
                                TiesWindow      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;

      if (ties_annotation_export_to_file (self->document, file, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *message = g_strdup_printf (_("Annotations exported to “%s”"), name);

          ties_window_toast (self, message);
        }
      else
        {
          show_error (self, _("Could Not Export the Annotations"), error->message);
        }
    }

  g_object_unref (dialog);
}

static void
export_annotations_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  TiesWindow *self = TIES_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  const char *title = ties_document_get_title (self->document);

  chooser = gtk_file_chooser_native_new (_("Export Annotations"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("W3C Web Annotations (JSON-LD)"));
  gtk_file_filter_add_mime_type (filter, "application/ld+json");
  gtk_file_filter_add_suffix (filter, "jsonld");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the file name of exported annotations when the document has no title */
  name = g_strdup_printf ("%s.jsonld", *title != '\0' ? title : _("annotations"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_annotations_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The layout menu: three layouts, and for the radial one the actor at the
 * centre (the thirty most active, to keep the menu short). */
static void
ties_window_update_view_menu (TiesWindow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) layouts = g_menu_new ();
  g_autoptr(GMenu) centre = g_menu_new ();
  g_autoptr(GPtrArray) actors = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model = G_LIST_MODEL (ties_document_get_actors (self->document));
  const char *focus = ties_document_get_focus (self->document);

  g_menu_append (layouts, _("_Force-Directed"), "view.layout::force");
  g_menu_append (layouts, _("_Radial"), "view.layout::radial");
  g_menu_append (layouts, _("_Circle"), "view.layout::circle");
  g_menu_append_section (menu, _("Layout"), G_MENU_MODEL (layouts));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (actors, g_list_model_get_item (model, i));
  g_ptr_array_sort_with_data (actors, compare_activity, self->network);

  g_menu_append (centre, _("The Most Active Actor"), "view.focus::");
  for (guint i = 0; i < actors->len && i < 30; i++)
    {
      TiesActor *actor = g_ptr_array_index (actors, i);
      g_autofree char *action = g_strdup_printf ("view.focus::%s", ties_actor_get_id (actor));

      g_menu_append (centre, ties_actor_get_name (actor), action);
    }
  g_menu_append_section (menu, _("Centre of the Radial Layout"), G_MENU_MODEL (centre));

  {
    g_autoptr(GMenu) marks = g_menu_new ();

    g_menu_append (marks, _("Mark _Weakly Reported Ties"), "view.mark-weak-ties");
    g_menu_append_section (menu, NULL, G_MENU_MODEL (marks));
  }
  {
    g_autoptr(GMenu) filtered = g_menu_new ();

    /* What the diagram does with the events the filter leaves out. */
    g_menu_append (filtered, _("_Hide Events Filtered Out"), "view.filter-diagram::hide");
    g_menu_append (filtered, _("_Dim Events Filtered Out"), "view.filter-diagram::highlight");
    g_menu_append_section (menu, _("Filter"), G_MENU_MODEL (filtered));
  }

  gtk_menu_button_set_menu_model (self->layout_button, G_MENU_MODEL (menu));

  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->view_actions), "layout")),
                             g_variant_new_string (ties_document_get_layout (self->document)));
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->view_actions), "focus")),
                             g_variant_new_string (focus != NULL ? focus : ""));
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->view_actions), "filter-diagram")),
                             g_variant_new_string (ties_filter_get_diagram (ties_document_get_filter (self->document))
                                                   == TIES_FILTER_DIAGRAM_HIGHLIGHT ? "highlight" : "hide"));
}

/* The menu names the most active actors (the network's "changed" says
 * when activity may differ) and the view's layout and focus: a title
 * typed changes none of them, and sorting the actors by activity derives
 * the network again. */
static void
on_view_menu_parts_changed (TiesWindow         *self,
                            TiesDocumentChange  changes,
                            TiesDocument       *document)
{
  if (changes & (TIES_DOCUMENT_CHANGE_ACTORS | TIES_DOCUMENT_CHANGE_ACTOR_LOOK | TIES_DOCUMENT_CHANGE_VIEW))
    ties_window_update_view_menu (self);
}

static void
change_view (GSimpleAction *action,
             GVariant      *value,
             gpointer       user_data)
{
  TiesWindow *self = user_data;
  const char *text = g_variant_get_string (value, NULL);
  const char *property = g_str_equal (g_action_get_name (G_ACTION (action)), "layout") ? "layout" : "focus";

  /* An undoable edit of the document's view; the diagram follows it. */
  ties_history_begin (ties_document_get_history (self->document),
                      g_str_equal (property, "layout") ? _("Change Layout") : _("Change Centre"));
  ties_history_set (ties_document_get_history (self->document), self->document,
                    property, *text != '\0' ? text : NULL, NULL);
  ties_history_end (ties_document_get_history (self->document));
  g_simple_action_set_state (action, value);
}

/* Hide or highlight: saved with the filter, undoable as the layout is. */
static void
change_filter_diagram (GSimpleAction *action,
                       GVariant      *value,
                       gpointer       user_data)
{
  TiesWindow *self = user_data;
  TiesFilterDiagram diagram = g_str_equal (g_variant_get_string (value, NULL), "highlight")
                              ? TIES_FILTER_DIAGRAM_HIGHLIGHT : TIES_FILTER_DIAGRAM_HIDE;
  TiesHistory *history = ties_document_get_history (self->document);

  ties_history_begin (history, _("Change Filter"));
  ties_history_set (history, ties_document_get_filter (self->document), "diagram", diagram, NULL);
  ties_history_end (history);
  g_simple_action_set_state (action, value);
}

static void
ties_window_show_disk_banner (TiesWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  gboolean exists;

  g_assert (TIES_IS_WINDOW (self));
  g_assert (self->watch != NULL);

  name = g_file_get_basename (ties_file_watch_get_file (self->watch));
  exists = ties_file_watch_get_exists (self->watch);
  if (exists)
    text = g_strdup_printf (_("“%s” was changed by another program."), name);
  else
    text = g_strdup_printf (_("“%s” was deleted or moved by another program."), name);

  gtk_label_set_text (self->disk_banner_label, text);
  gtk_button_set_label (self->reload_button,
                        ties_history_get_modified (ties_document_get_history (self->document))
                          ? _("_Discard Changes and Reload") : _("_Reload"));
  gtk_widget_set_visible (GTK_WIDGET (self->reload_button), exists);
  gtk_revealer_set_reveal_child (self->disk_banner, TRUE);
}

static void
ties_window_watch_file (TiesWindow *self,
                        GFile      *file)
{
  g_assert (TIES_IS_WINDOW (self));

  if (file != NULL && self->watch != NULL && g_file_equal (file, ties_file_watch_get_file (self->watch)))
    return;

  if (self->watch != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->watch, self);
      g_clear_object (&self->watch);
    }
  gtk_revealer_set_reveal_child (self->disk_banner, FALSE);

  if (file == NULL)
    return;

  self->watch = ties_file_watch_new (file);
  g_signal_connect_object (self->watch, "changed-on-disk",
                           G_CALLBACK (ties_window_show_disk_banner), self, G_CONNECT_SWAPPED);
}

static void
ties_window_set_document (TiesWindow   *self,
                          TiesDocument *document,
                          GFile        *file)
{
  g_assert (TIES_IS_WINDOW (self));
  g_assert (TIES_IS_DOCUMENT (document));

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (ties_document_get_history (self->document), self);
    }

  /* Nothing of the old document stays selected. */
  ties_selection_clear (self->selection);
  self->narrowed = FALSE;

  g_set_object (&self->document, document);
  g_set_object (&self->file, file);
  ties_draft_writer_set_document (self->draft_writer, document, file);
  ties_window_watch_file (self, file);
  /* Loaded (or reloaded) now: this is the file as we know it. */
  if (self->watch != NULL)
    ties_file_watch_record (self->watch);
  gtk_revealer_set_reveal_child (self->disk_banner, FALSE);
  g_clear_object (&self->network);
  self->network = ties_network_new (document);
  /* One filter, the document's saved one, for the list and the diagram
   * alike: the window opens filtered as the document was saved. */
  ties_network_set_filter (self->network, ties_document_get_filter (document));

  g_signal_connect_object (document, "changed", G_CALLBACK (ties_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::title", G_CALLBACK (ties_window_update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "parts-changed", G_CALLBACK (on_view_menu_parts_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "parts-changed", G_CALLBACK (on_selection_parts_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->network, "changed", G_CALLBACK (ties_window_update_view_menu), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ties_document_get_history (document), "notify::modified",
                           G_CALLBACK (ties_window_update_title), self, G_CONNECT_SWAPPED);

  ties_event_list_set_document (self->event_list, document);
  ties_actors_view_set_network (self->actors_view, self->network);
  ties_diagram_view_set_network (self->diagram_view, self->network);
  ties_event_editor_set_document (self->event_editor, document);
  ties_event_editor_set_event (self->event_editor, NULL);
  ties_actor_editor_set_document (self->actor_editor, document);
  ties_actor_editor_set_actor (self->actor_editor, NULL);
  ties_source_editor_set_document (self->source_editor, document);
  ties_source_editor_set_source (self->source_editor, NULL);
  gtk_stack_set_visible_child_name (self->editor_stack, "none");
  ties_source_reader_set_document (self->reader, document);
  ties_sources_view_set_document (self->sources_view, document);
  {
    g_autoptr(TiesSource) first = g_list_model_get_item (G_LIST_MODEL (ties_document_get_sources (document)), 0);

    ties_source_reader_set_source (self->reader, first);
    if (first != NULL)
      ties_sources_view_select_source (self->sources_view, first);
    ties_window_update_suggestions (self);
  }

  ties_window_update_actions (self);
  ties_window_update_view_menu (self);
}

typedef struct
{
  TiesWindow *window;
  GFile *file;
} OpenData;

/* What a load or save finishes with: the window and the file. */
static OpenData *
open_data_new (TiesWindow *self,
               GFile      *file)
{
  OpenData *data = g_new0 (OpenData, 1);

  data->window = g_object_ref (self);
  data->file = g_object_ref (file);

  return data;
}

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->window);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenData, open_data_free)

static void
show_error (TiesWindow *self,
            const char *heading,
            const char *body)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  OpenData *data = user_data;
  TiesWindow *self = data->window;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TiesDocument) document = NULL;

  document = ties_document_load_finish (result, &warnings, &error);
  if (document == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *name = g_file_get_basename (data->file);
          g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

          /* The open document stays as it was. */
          show_error (self, heading, error->message);
        }
      open_data_free (data);
      return;
    }

  ties_window_set_document (self, document, data->file);

  {
    g_autofree char *uri = g_file_get_uri (data->file);
    gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  }

  if (warnings != NULL && warnings->len > 0)
    ties_window_toast (self, g_dngettext (GETTEXT_PACKAGE,
                                          "One evidence item was re-anchored or orphaned",
                                          "Some evidence items were re-anchored or orphaned",
                                          warnings->len));

  open_data_free (data);
}

void
ties_window_open_file (TiesWindow *self,
                       GFile      *file)
{
  g_return_if_fail (TIES_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  ties_document_load_async (file, self->cancellable, on_loaded, open_data_new (self, file));
}

static gboolean
focus_reader (gpointer data)
{
  TiesWindow *self = data;

  if (self->reader != NULL && gtk_widget_get_mapped (GTK_WIDGET (self->reader)))
    gtk_widget_grab_focus (GTK_WIDGET (self->reader));

  return G_SOURCE_REMOVE;
}

/* Articles become sources of the open document: read in a worker thread
 * (a page can be large and its encoding slow to convert), added as one
 * step of undo, and shown in the reader. */
static void
ties_window_add_source (TiesWindow *self,
                        TiesSource *source)
{
  TiesHistory *history = ties_document_get_history (self->document);
  g_autofree char *message = NULL;
  const char *title;

  ties_history_begin (history, _("Add Source"));
  /* A new document is named after its first article. */
  if (*ties_document_get_title (self->document) == '\0'
      && ties_source_get_title (source) != NULL
      && *ties_source_get_title (source) != '\0')
    ties_history_set (history, self->document, "title", ties_source_get_title (source), NULL);
  ties_article_import_add (self->document, source);
  ties_history_end (history);

  ties_window_show_source (self, source);
  /* Reading and marking start from the keyboard at once, once the reader
   * is on screen to take the focus. */
  g_idle_add_full (G_PRIORITY_LOW, focus_reader, g_object_ref (self), g_object_unref);
  title = ties_source_get_title (source);
  message = g_strdup_printf (_("Added “%s”"), title != NULL && *title != '\0' ? title : ties_source_get_id (source));
  ties_window_toast (self, message);
}

static void
on_article_imported (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(OpenData) data = user_data;
  TiesWindow *self = data->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(TiesSource) source = ties_article_import_file_finish (result, &error);

  if (source != NULL)
    {
      ties_window_add_source (self, source);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *name = g_file_get_basename (data->file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Add “%s”"), name);

      /* Nothing was added: the document stays as it was. */
      show_error (self, heading, error->message);
    }
}

void
ties_window_import_article (TiesWindow *self,
                            GFile      *file)
{
  g_return_if_fail (TIES_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  ties_article_import_file_async (file, self->cancellable, on_article_imported, open_data_new (self, file));
}

gboolean
ties_window_is_article_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL && ties_article_import_is_article_name (name);
}

static void
on_clipboard_text (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(TiesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_autoptr(TiesSource) source = NULL;

  if (text == NULL)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Paste"), error->message);
      else
        ties_window_toast (self, _("The clipboard holds no text"));
      return;
    }

  source = ties_article_import_text (text, &error);
  if (source == NULL)
    {
      show_error (self, _("Could Not Paste the Article"), error->message);
      return;
    }

  ties_window_add_source (self, source);
}

static void
paste_article_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TiesWindow *self = TIES_WINDOW (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);

  gdk_clipboard_read_text_async (clipboard, self->cancellable, on_clipboard_text, g_object_ref (self));
}

/* Ctrl+V pastes an article only where no text field takes it: into an
 * empty document, or while the Sources view is shown. */
static gboolean
paste_shortcut (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  TiesWindow *self = TIES_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean empty = g_str_equal (gtk_stack_get_visible_child_name (self->stack), "empty");
  gboolean sources = g_str_equal (gtk_stack_get_visible_child_name (self->side_stack), "sources");

  if (focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus)) && !empty)
    {
      /* An editable text view (a note) pastes for itself; the read-only
       * reader does not. */
      if (!GTK_IS_TEXT_VIEW (focus) || gtk_text_view_get_editable (GTK_TEXT_VIEW (focus)))
        return FALSE;
    }
  if (!empty && !sources)
    return FALSE;

  gtk_widget_activate_action (widget, "win.paste-article", NULL);
  return TRUE;
}

static GtkFileFilter *
articles_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Articles"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_mime_type (filter, "text/markdown");
  gtk_file_filter_add_mime_type (filter, "text/html");
  gtk_file_filter_add_mime_type (filter, "application/xhtml+xml");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "md");
  gtk_file_filter_add_suffix (filter, "html");
  gtk_file_filter_add_suffix (filter, "htm");

  return filter;
}

static void
on_import_response (GtkNativeDialog *dialog,
                    int              response,
                    TiesWindow      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      ties_window_import_article (self, file);
    }

  g_object_unref (dialog);
}

static void
import_article_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TiesWindow *self = TIES_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = articles_filter ();

  chooser = gtk_file_chooser_native_new (_("Add an Article"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
ties_window_restore_draft (TiesWindow   *self,
                           TiesDraft    *draft,
                           TiesDocument *document)
{
  g_return_if_fail (TIES_IS_WINDOW (self));
  g_return_if_fail (TIES_IS_DRAFT (draft));
  g_return_if_fail (TIES_IS_DOCUMENT (document));

  /* The same draft goes on being written until a save or a discard. */
  g_clear_object (&self->draft_writer);
  self->draft_writer = ties_draft_writer_new (ties_drafts_get_default (), ties_draft_get_id (draft));

  /* Changes since the last save, as they were: Save writes them to the
   * original file, or asks where for a document never saved. */
  ties_history_mark_unsaved (ties_document_get_history (document));
  ties_window_set_document (self, document, ties_draft_get_original (draft));

  /* Another program wrote the file after the draft was begun: the user
   * chooses between its version and the restored one. */
  if (ties_draft_get_original_changed (draft) && self->watch != NULL)
    {
      ties_draft_writer_keep_original_of (self->draft_writer, draft);
      ties_file_watch_forget (self->watch);
      ties_window_show_disk_banner (self);
    }
}

static void ties_window_start_save (TiesWindow *self,
                                    GFile      *file);

static void
ties_window_end_saving (TiesWindow *self,
                        gboolean    wrote)
{
  g_assert (TIES_IS_WINDOW (self));

  g_clear_handle_id (&self->saving_toast_id, g_source_remove);
  if (self->saving_toast != NULL)
    {
      adw_toast_dismiss (self->saving_toast);
      g_clear_object (&self->saving_toast);
    }
  g_clear_object (&self->save_cancellable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-save", FALSE);

  if (self->save_watch != NULL)
    {
      ties_file_watch_release (self->save_watch, wrote);
      g_clear_object (&self->save_watch);
    }
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(OpenData) data = user_data;
  TiesWindow *self = data->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) next = NULL;
  gboolean saved;

  saved = ties_document_save_finish (TIES_DOCUMENT (source), result, &error);
  ties_window_end_saving (self, saved);

  /* The window was closed meanwhile: the save still ran to its end. */
  if (gtk_widget_in_destruction (GTK_WIDGET (self)) || self->toast_overlay == NULL)
    return;

  next = g_steal_pointer (&self->next_save);

  if (!saved)
    {
      self->closing_confirmed = FALSE;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          ties_window_toast (self, _("Not saved: the file is as it was"));
        }
      else
        {
          g_autofree char *name = g_file_get_basename (data->file);
          g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);

          show_error (self, heading, error->message);
        }
      return;
    }

  g_set_object (&self->file, data->file);
  ties_draft_writer_set_file (self->draft_writer, data->file);
  ties_window_watch_file (self, data->file);
  ties_window_update_title (self);

  /* Edits made while this save ran: save them too. */
  if (next != NULL)
    {
      ties_window_start_save (self, next);
      return;
    }

  ties_window_toast (self, _("Saved"));

  if (self->closing_confirmed)
    gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
show_saving_toast (gpointer user_data)
{
  TiesWindow *self = user_data;

  self->saving_toast_id = 0;
  self->saving_toast = adw_toast_new (_("Saving…"));
  adw_toast_set_timeout (self->saving_toast, 0);
  adw_toast_set_button_label (self->saving_toast, _("_Stop"));
  adw_toast_set_action_name (self->saving_toast, "win.cancel-save");
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->saving_toast));

  return G_SOURCE_REMOVE;
}

static void
ties_window_start_save (TiesWindow *self,
                        GFile      *file)
{
  g_assert (TIES_IS_WINDOW (self));
  g_assert (G_IS_FILE (file));

  /* One save at a time: two renames racing could leave the older bytes. */
  if (self->save_cancellable != NULL)
    {
      g_set_object (&self->next_save, file);
      return;
    }

  self->save_cancellable = g_cancellable_new ();
  if (self->watch != NULL && g_file_equal (file, ties_file_watch_get_file (self->watch)))
    {
      self->save_watch = g_object_ref (self->watch);
      ties_file_watch_hold (self->save_watch);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-save", TRUE);
  self->saving_toast_id = g_timeout_add_seconds (1, show_saving_toast, self);

  ties_document_save_async (self->document, file, self->save_cancellable, on_saved, open_data_new (self, file));
}

static void
open_data_closure_free (gpointer  data,
                        GClosure *closure)
{
  open_data_free (data);
}

static void
on_changed_on_disk_response (AdwMessageDialog *dialog,
                             const char       *response,
                             OpenData         *data)
{
  TiesWindow *self = data->window;

  if (g_str_equal (response, "save"))
    {
      ties_window_start_save (self, data->file);
    }
  else if (g_str_equal (response, "reload"))
    {
      self->closing_confirmed = FALSE;
      ties_window_open_file (self, data->file);
    }
  else
    {
      self->closing_confirmed = FALSE;
    }
}

/* Never overwrites another program's changes without asking. */
void
ties_window_save_to_file (TiesWindow *self,
                          GFile      *file)
{
  AdwMessageDialog *dialog;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;

  g_return_if_fail (TIES_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* A save in flight is ours: the next one waits for it, and checks
   * nothing the first is changing. */
  if (self->save_cancellable != NULL ||
      self->watch == NULL ||
      !g_file_equal (file, ties_file_watch_get_file (self->watch)) ||
      !ties_file_watch_is_changed (self->watch))
    {
      ties_window_start_save (self, file);
      return;
    }

  name = g_file_get_basename (file);
  heading = g_strdup_printf (_("“%s” Changed on Disk"), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("Another program changed the file since it was opened here. "
                                                         "Saving replaces its version with yours.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload Theirs"),
                                    "save", _("_Save Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (dialog, "reload", ties_file_watch_get_exists (self->watch));
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_changed_on_disk_response),
                         open_data_new (self, file), open_data_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
ties_window_get_saving (TiesWindow *self)
{
  g_return_val_if_fail (TIES_IS_WINDOW (self), FALSE);

  return self->save_cancellable != NULL;
}

TiesWindow *
ties_window_new (TiesApplication *application)
{
  return g_object_new (TIES_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

TiesDocument *
ties_window_get_document (TiesWindow *self)
{
  g_return_val_if_fail (TIES_IS_WINDOW (self), NULL);

  return self->document;
}

GFile *
ties_window_get_file (TiesWindow *self)
{
  g_return_val_if_fail (TIES_IS_WINDOW (self), NULL);

  return self->file;
}

gboolean
ties_window_is_pristine (TiesWindow *self)
{
  g_return_val_if_fail (TIES_IS_WINDOW (self), FALSE);

  return self->file == NULL
      && !ties_history_get_modified (ties_document_get_history (self->document))
      && g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_events (self->document))) == 0
      && g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_actors (self->document))) == 0;
}

void
ties_window_show_preferences (TiesWindow *self)
{
  GtkWidget *preferences;

  g_return_if_fail (TIES_IS_WINDOW (self));

  preferences = ties_preferences_window_new (self->settings);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (preferences));
}

/* Files through the portal-friendly native chooser (GTK 4.8 has no
 * GtkFileDialog yet). */
static GtkFileFilter *
documents_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Ties Documents"));
  gtk_file_filter_add_mime_type (filter, "application/x-ties+json");
  gtk_file_filter_add_suffix (filter, "ties.json");

  return filter;
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  TiesWindow      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

      /* Through the application: an open document gets focused. */
      g_application_open (app, &file, 1, "");
    }

  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TiesWindow *self = TIES_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = documents_filter ();
  g_autoptr(GtkFileFilter) articles = articles_filter ();
  g_autoptr(GtkFileFilter) supported = articles_filter ();

  /* Documents open; articles become sources of a new document. */
  gtk_file_filter_set_name (supported, _("Documents and Articles"));
  gtk_file_filter_add_mime_type (supported, "application/x-ties+json");
  gtk_file_filter_add_suffix (supported, "ties.json");

  chooser = gtk_file_chooser_native_new (_("Open a Document"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), supported);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), articles);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *ma = gtk_recent_info_get_modified (*(GtkRecentInfo **) a);
  GDateTime *mb = gtk_recent_info_get_modified (*(GtkRecentInfo **) b);

  return -g_date_time_compare (ma, mb);
}

/* The ten Ties documents opened last, newest first. */
static void
ties_window_update_recent (TiesWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *all = gtk_recent_manager_get_items (manager);

  for (GList *l = all; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (g_str_has_suffix (gtk_recent_info_get_uri (info), ".ties.json") && gtk_recent_info_exists (info))
        g_ptr_array_add (items, gtk_recent_info_ref (info));
    }
  g_list_free_full (all, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (items, compare_recent);

  for (guint i = 0; i < items->len && i < 10; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (items, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (gtk_recent_info_get_uri (info)));
      g_menu_append_item (menu, item);
    }

  if (items->len == 0)
    g_menu_append (menu, _("No Recent Documents"), "win.no-recent");

  adw_split_button_set_menu_model (self->open_button, G_MENU_MODEL (menu));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (widget)));

  g_application_open (app, &file, 1, "");
}

static void
open_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) sample = ties_application_get_sample ();
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (widget)));

  g_application_open (app, &sample, 1, "");
}

static void
on_save_as_response (GtkNativeDialog *dialog,
                     int              response,
                     TiesWindow      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      ties_window_save_to_file (self, file);
    }
  else
    {
      self->closing_confirmed = FALSE;
    }

  g_object_unref (dialog);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TiesWindow *self = TIES_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = documents_filter ();
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Save the Document"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (self->file != NULL)
    {
      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), self->file, NULL);
    }
  else
    {
      name = g_strdup_printf ("%s.ties.json", _("Untitled"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_as_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Typed text the document cannot take (a date that is not valid), in the
 * event or the source editor; NULL when there is none. */
static char *
ties_window_dup_unapplied_text (TiesWindow *self)
{
  g_autofree char *event_text = ties_event_editor_get_unapplied_text (self->event_editor);
  g_autofree char *source_text = ties_source_editor_get_unapplied_text (self->source_editor);

  if (event_text != NULL && source_text != NULL)
    return g_strdup_printf ("%s %s", event_text, source_text);

  return event_text != NULL ? g_steal_pointer (&event_text) : g_steal_pointer (&source_text);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TiesWindow *self = TIES_WINDOW (widget);
  g_autofree char *unapplied = ties_window_dup_unapplied_text (self);

  /* Everything typed is in the document, but what it cannot take (a date
   * that is not valid) is not saved: say so rather than look saved. */
  if (unapplied != NULL)
    ties_window_toast (self, _("Typed text that the document cannot take is not saved: see the editor"));

  if (self->file == NULL)
    save_as_action (widget, "win.save-as", NULL);
  else
    ties_window_save_to_file (self, self->file);
}

static void
cancel_save_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TiesWindow *self = TIES_WINDOW (widget);

  g_clear_object (&self->next_save);
  if (self->save_cancellable != NULL)
    g_cancellable_cancel (self->save_cancellable);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TiesWindow *self = TIES_WINDOW (widget);

  if (self->file != NULL)
    ties_window_open_file (self, self->file);
}

/* The user's version stands: the file on disk is now the one known, and
 * the window's document differs from it until saved. */
static void
keep_mine_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TiesWindow *self = TIES_WINDOW (widget);

  if (self->watch != NULL)
    ties_file_watch_record (self->watch);
  /* Drafts from here on are based on the file as it is now. */
  if (self->draft_writer != NULL)
    ties_draft_writer_set_file (self->draft_writer, self->file);
  ties_history_mark_unsaved (ties_document_get_history (self->document));
  gtk_revealer_set_reveal_child (self->disk_banner, FALSE);
}

static void
on_exported (TiesExportDialog *dialog,
             GFile            *file,
             TiesWindow       *self)
{
  ties_window_toast (self, _("Exported"));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TiesWindow *self = TIES_WINDOW (widget);
  /* The places the diagram shows, pins and drags included. */
  g_autoptr(TiesGraph) graph = ties_diagram_view_dup_graph (self->diagram_view);
  TiesExportDialog *dialog = ties_export_dialog_new_for_graph (GTK_WINDOW (self), self->network,
                                                               graph, self->settings);

  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TiesWindow *self = TIES_WINDOW (widget);
  g_autoptr(TiesGraph) graph = ties_diagram_view_dup_graph (self->diagram_view);
  g_autoptr(GError) error = NULL;

  if (!ties_print_diagram_for_graph (GTK_WINDOW (self), self->network, graph, &error))
    show_error (self, _("Could Not Print"), error->message);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ties_history_undo (ties_document_get_history (TIES_WINDOW (widget)->document));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ties_history_redo (ties_document_get_history (TIES_WINDOW (widget)->document));
}

static void
new_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TiesWindow *self = TIES_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->stack, "document");
  gtk_stack_set_visible_child_name (self->side_stack, "events");
  gtk_widget_activate_action (GTK_WIDGET (self->event_list), "event-list.new", NULL);
}

static gboolean
destroy_window (gpointer data)
{
  gtk_window_destroy (data);
  g_object_unref (data);

  return G_SOURCE_REMOVE;
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   TiesWindow       *self)
{
  /* Destroyed once its dialog, transient for it, is gone. */
  if (g_str_equal (response, "discard"))
    {
      ties_draft_writer_discard (self->draft_writer);
      self->closing_confirmed = TRUE;
      g_idle_add (destroy_window, g_object_ref (self));
    }
  else if (g_str_equal (response, "save"))
    {
      self->closing_confirmed = TRUE;
      save_action (GTK_WIDGET (self), "win.save", NULL);
    }
}

gboolean
ties_window_get_modified (TiesWindow *self)
{
  g_return_val_if_fail (TIES_IS_WINDOW (self), FALSE);

  return ties_history_get_modified (ties_document_get_history (self->document));
}

void
ties_window_save_and_close (TiesWindow *self)
{
  g_return_if_fail (TIES_IS_WINDOW (self));

  self->closing_confirmed = TRUE;
  save_action (GTK_WIDGET (self), "win.save", NULL);
}

void
ties_window_discard_and_close (TiesWindow *self)
{
  g_return_if_fail (TIES_IS_WINDOW (self));

  self->closing_confirmed = TRUE;
  ties_draft_writer_discard (self->draft_writer);
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
ties_window_close_request (GtkWindow *window)
{
  TiesWindow *self = TIES_WINDOW (window);
  AdwMessageDialog *dialog;
  g_autofree char *unapplied = NULL;
  g_autofree char *name = NULL;
  gboolean modified;

  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", MAX (width, 360));
      g_settings_set_int (self->settings, "window-height", MAX (height, 294));
    }

  /* Typed text the document cannot take (a date that is not valid) is
   * named too: closing loses it, even when nothing else changed. */
  unapplied = ties_window_dup_unapplied_text (self);
  modified = ties_history_get_modified (ties_document_get_history (self->document));
  if (self->closing_confirmed || (!modified && unapplied == NULL))
    return GTK_WINDOW_CLASS (ties_window_parent_class)->close_request (window);

  /* The same question as quitting asks, naming this document. */
  name = ties_window_dup_display_name (self);
  dialog = ties_save_changes_dialog_new (window,
                                         modified ? (const char * const[]) { name, NULL } : NULL,
                                         unapplied);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         TiesWindow    *self)
{
  GSList *files;
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    {
      GFile *file = l->data;

      /* An article dropped on a window is read into its document. */
      if (ties_window_is_article_file (file))
        ties_window_import_article (self, file);
      else
        g_application_open (app, &file, 1, "");
    }

  return files != NULL;
}

static void
ties_window_dispose (GObject *object)
{
  TiesWindow *self = (TiesWindow *) object;

  g_cancellable_cancel (self->cancellable);
  /* Removes the draft of a saved document; keeps an unsaved one's. */
  g_clear_object (&self->draft_writer);
  g_clear_handle_id (&self->saving_toast_id, g_source_remove);
  g_clear_object (&self->saving_toast);
  if (self->watch != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->watch, self);
      g_clear_object (&self->watch);
    }
  /* The document may outlive the widgets (a save in flight holds it), and
   * the editors losing focus as they go may still end an edit: nothing
   * it or its history says may reach a widget once disposed. */
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (ties_document_get_history (self->document), self);
    }
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TIES_TYPE_WINDOW);
  /* Children of the template's bins, gone with them. */
  self->reader = NULL;
  self->sources_view = NULL;
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (ties_window_parent_class)->dispose (object);
}

static void
ties_window_finalize (GObject *object)
{
  TiesWindow *self = (TiesWindow *) object;

  g_clear_object (&self->network);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->next_save);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->view_actions);

  G_OBJECT_CLASS (ties_window_parent_class)->finalize (object);
}

static void
ties_window_class_init (TiesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ties_window_dispose;
  object_class->finalize = ties_window_finalize;
  window_class->close_request = ties_window_close_request;

  g_type_ensure (TIES_TYPE_ACTOR_EDITOR);
  g_type_ensure (TIES_TYPE_ACTORS_VIEW);
  g_type_ensure (TIES_TYPE_DIAGRAM_VIEW);
  g_type_ensure (TIES_TYPE_EVENT_EDITOR);
  g_type_ensure (TIES_TYPE_EVENT_LIST);
  g_type_ensure (TIES_TYPE_SOURCE_READER);
  g_type_ensure (TIES_TYPE_SOURCE_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tiesapp/Ties/ui/ties-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, event_list);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, actors_view);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, diagram_view);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, tie_page);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, event_editor);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, actor_editor);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, source_editor);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, layout_button);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, layout_progress);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, disk_banner);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, disk_banner_label);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, reload_button);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, reader_bin);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, sources_bin);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.no-recent", NULL, NULL);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-save", NULL, cancel_save_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.keep-mine", NULL, keep_mine_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.new-event", NULL, new_event_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-layout", NULL, cancel_layout_action);
  gtk_widget_class_install_action (widget_class, "win.import-article", NULL, import_article_action);
  gtk_widget_class_install_action (widget_class, "win.paste-article", NULL, paste_article_action);
  gtk_widget_class_install_action (widget_class, "win.document-info", NULL, document_info_action);
  gtk_widget_class_install_action (widget_class, "win.edit-source-text", NULL, edit_source_text_action);
  gtk_widget_class_install_action (widget_class, "win.edit-kinds", NULL, edit_kinds_action);
  gtk_widget_class_install_action (widget_class, "win.export-annotations", NULL, export_annotations_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, paste_shortcut, NULL);
}

static void
ties_window_init (TiesWindow *self)
{
  g_autoptr(TiesDocument) document = ties_document_new ();
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  if (ties_timing_enabled ())
    ties_timing_watch_window (GTK_WINDOW (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new ("io.github.tiesapp.Ties");

  {
    static const GActionEntry view_entries[] = {
      { "layout", NULL, "s", "'force'", change_view },
      { "focus", NULL, "s", "''", change_view },
      { "filter-diagram", NULL, "s", "'hide'", change_filter_diagram },
    };

    self->view_actions = g_simple_action_group_new ();
    g_action_map_add_action_entries (G_ACTION_MAP (self->view_actions), view_entries,
                                     G_N_ELEMENTS (view_entries), self);
    gtk_widget_insert_action_group (GTK_WIDGET (self), "view", G_ACTION_GROUP (self->view_actions));
  }
  {
    /* Here rather than the diagram's own action: the layout menu is not
     * inside the diagram. */
    g_autoptr(GPropertyAction) marks = g_property_action_new ("mark-weak-ties", self->diagram_view, "mark-weak-ties");

    g_action_map_add_action (G_ACTION_MAP (self->view_actions), G_ACTION (marks));
  }

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_settings_bind (self->settings, "split-position", self->paned, "position", G_SETTINGS_BIND_DEFAULT);

  /* One selection for every view: each selects through it and follows it. */
  self->selection = ties_selection_new ();
  g_signal_connect_object (self->selection, "changed", G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  ties_event_list_set_selection (self->event_list, self->selection);
  ties_actors_view_set_selection (self->actors_view, self->selection);
  ties_diagram_view_set_selection (self->diagram_view, self->selection);
  g_signal_connect_object (self->event_list, "event-activated", G_CALLBACK (on_event_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->event_list, "events-deleted", G_CALLBACK (on_events_deleted), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->diagram_view, "busy", self->layout_progress, "visible", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->actors_view, "actor-activated", G_CALLBACK (on_actor_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->actor_editor, "event-activated", G_CALLBACK (on_event_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->event_editor, "show-evidence", G_CALLBACK (on_show_evidence), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->event_editor, "reattach-evidence", G_CALLBACK (on_reattach_evidence), self, G_CONNECT_SWAPPED);

  self->reader = TIES_SOURCE_READER (ties_source_reader_new ());
  adw_bin_set_child (self->reader_bin, GTK_WIDGET (self->reader));
  ties_source_reader_set_shared_selection (self->reader, self->selection);
  g_signal_connect_object (self->reader, "event-activated", G_CALLBACK (on_reader_event_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader, "event-created", G_CALLBACK (on_reader_event_created), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader, "actor-activated", G_CALLBACK (on_reader_actor), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader, "actor-created", G_CALLBACK (on_reader_actor), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader, "suggestion-activated", G_CALLBACK (on_suggestion_activated), self, G_CONNECT_SWAPPED);

  self->sources_view = TIES_SOURCES_VIEW (ties_sources_view_new ());
  adw_bin_set_child (self->sources_bin, GTK_WIDGET (self->sources_view));
  ties_sources_view_set_selection (self->sources_view, self->selection);
  g_signal_connect_object (self->sources_view, "source-activated", G_CALLBACK (on_source_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->side_stack, "notify::visible-child-name", G_CALLBACK (on_side_page_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sources_view, "event-created", G_CALLBACK (on_proposal_accepted), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sources_view, "suggestion-activated", G_CALLBACK (on_suggestion_activated), self, G_CONNECT_SWAPPED);
  /* Found again by the view once edits settle, not at each keystroke. */
  g_signal_connect_object (self->sources_view, "suggestions-changed", G_CALLBACK (ties_window_update_suggestions), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (ties_window_update_recent), self, G_CONNECT_SWAPPED);
  ties_window_update_recent (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.no-recent", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-save", FALSE);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  {
    g_autofree char *layout = g_settings_get_string (self->settings, "default-layout");
    ties_document_set_layout (document, layout);
  }
  ties_history_clear (ties_document_get_history (document));
  self->draft_writer = ties_draft_writer_new (ties_drafts_get_default (), NULL);
  ties_window_set_document (self, document, NULL);
}
