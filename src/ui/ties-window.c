/* ties-window.c: one window per document: its views, the selection they
 * share, the view menu and the document shown; files and sources are
 * handled in ties-window-files.c and ties-window-sources.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ties-document-info-editor.h"
#include "ties-kinds-editor.h"
#include "ties-preferences-window.h"
#include "ties-suggest.h"
#include "ties-timing.h"
#include "ties-ui-util.h"
#include "ties-window-private.h"

G_DEFINE_FINAL_TYPE (TiesWindow, ties_window, ADW_TYPE_APPLICATION_WINDOW)

void
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

void
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

      /* A document without a title is shown by its file's name: the
       * subtitle then gives only the folder, not the name again. */
      if (*ties_document_get_title (self->document) == '\0')
        subtitle = g_steal_pointer (&folder);
      else
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

static void on_event_activated      (TiesWindow      *self,
                                     TiesEvent       *event,
                                     gpointer         source);
static void on_show_evidence        (TiesWindow      *self,
                                     TiesEvidence    *evidence,
                                     TiesEventEditor *editor);
static void on_reattach_evidence    (TiesWindow      *self,
                                     TiesEvidence    *evidence,
                                     TiesEventEditor *editor);
static void on_source_activated     (TiesWindow      *self,
                                     TiesSource      *source,
                                     TiesSourcesView *view);
static void on_proposal_accepted    (TiesWindow      *self,
                                     TiesEvent       *event,
                                     gboolean         edit,
                                     TiesSourcesView *view);
static void on_suggestion_activated (TiesWindow      *self,
                                     gpointer         suggestion,
                                     GObject         *emitter);
static void on_reader_event_activated (TiesWindow       *self,
                                       TiesEvent        *event,
                                       TiesSourceReader *reader);
static void on_reader_event_created   (TiesWindow       *self,
                                       TiesEvent        *event,
                                       TiesSourceReader *reader);
static void on_reader_actor           (TiesWindow       *self,
                                       TiesActor        *actor,
                                       TiesSourceReader *reader);
static void ties_window_update_suggestions (TiesWindow *self);

/* The reader, built when first shown or needed, or else just after the
 * window's first frame (after_first_frame_cb); until then the window
 * keeps the source it would show: the document's first, until it is
 * removed. */
static TiesSourceReader *
ensure_reader (TiesWindow *self)
{
  if (self->reader != NULL)
    return self->reader;

  self->reader = TIES_SOURCE_READER (ties_source_reader_new ());
  g_signal_connect_object (self->reader, "event-activated", G_CALLBACK (on_reader_event_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader, "event-created", G_CALLBACK (on_reader_event_created), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader, "actor-activated", G_CALLBACK (on_reader_actor), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader, "actor-created", G_CALLBACK (on_reader_actor), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reader, "suggestion-activated", G_CALLBACK (on_suggestion_activated), self, G_CONNECT_SWAPPED);
  ties_source_reader_set_document (self->reader, self->document);
  ties_source_reader_set_source (self->reader, self->reader_source);
  g_clear_object (&self->reader_source);
  /* After the document, which forgets the selected event. */
  ties_source_reader_set_shared_selection (self->reader, self->selection);
  adw_bin_set_child (self->reader_bin, GTK_WIDGET (self->reader));
  ties_window_update_suggestions (self);

  return self->reader;
}

TiesSource *
_ties_window_get_shown_source (TiesWindow *self)
{
  g_assert (TIES_IS_WINDOW (self));

  return self->reader != NULL ? ties_source_reader_get_source (self->reader) : self->reader_source;
}

/* The editors are built when first shown: a window shows one or two of
 * the three, if any, and building them all was a twentieth of its
 * start-up. */
static TiesEventEditor *
ensure_event_editor (TiesWindow *self)
{
  if (self->event_editor == NULL)
    {
      self->event_editor = TIES_EVENT_EDITOR (ties_event_editor_new ());
      ties_event_editor_set_document (self->event_editor, self->document);
      g_signal_connect_object (self->event_editor, "show-evidence", G_CALLBACK (on_show_evidence), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->event_editor, "reattach-evidence", G_CALLBACK (on_reattach_evidence), self, G_CONNECT_SWAPPED);
      adw_bin_set_child (self->event_editor_bin, GTK_WIDGET (self->event_editor));
    }

  return self->event_editor;
}

static TiesActorEditor *
ensure_actor_editor (TiesWindow *self)
{
  if (self->actor_editor == NULL)
    {
      self->actor_editor = TIES_ACTOR_EDITOR (ties_actor_editor_new ());
      ties_actor_editor_set_document (self->actor_editor, self->document);
      g_signal_connect_object (self->actor_editor, "event-activated", G_CALLBACK (on_event_activated), self, G_CONNECT_SWAPPED);
      adw_bin_set_child (self->actor_editor_bin, GTK_WIDGET (self->actor_editor));
    }

  return self->actor_editor;
}

static TiesSourceEditor *
ensure_source_editor (TiesWindow *self)
{
  if (self->source_editor == NULL)
    {
      self->source_editor = TIES_SOURCE_EDITOR (ties_source_editor_new ());
      ties_source_editor_set_document (self->source_editor, self->document);
      adw_bin_set_child (self->source_editor_bin, GTK_WIDGET (self->source_editor));
    }

  return self->source_editor;
}

/* The Sources view, built when first shown or needed, or else just after
 * the window's first frame (after_first_frame_cb): finding the proposals
 * of its source is most of what it costs.  Built, it selects what it
 * would have selected had it been there from the start: the source the
 * reader shows. */
static TiesSourcesView *
ensure_sources_view (TiesWindow *self)
{
  TiesSource *shown;

  if (self->sources_view != NULL)
    return self->sources_view;

  self->sources_view = TIES_SOURCES_VIEW (ties_sources_view_new ());
  g_signal_connect_object (self->sources_view, "source-activated", G_CALLBACK (on_source_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sources_view, "event-created", G_CALLBACK (on_proposal_accepted), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sources_view, "suggestion-activated", G_CALLBACK (on_suggestion_activated), self, G_CONNECT_SWAPPED);
  /* Found again by the view once edits settle, not at each keystroke. */
  g_signal_connect_object (self->sources_view, "suggestions-changed", G_CALLBACK (ties_window_update_suggestions), self, G_CONNECT_SWAPPED);
  ties_sources_view_set_document (self->sources_view, self->document);
  shown = _ties_window_get_shown_source (self);
  if (shown != NULL)
    ties_sources_view_select_source (self->sources_view, shown);
  ties_sources_view_set_selection (self->sources_view, self->selection);
  adw_bin_set_child (self->sources_bin, GTK_WIDGET (self->sources_view));

  return self->sources_view;
}

/* The Actors table, hidden behind its tab, is given the network when
 * first shown, or else just after the window's first frame: its rows
 * are made as soon as it has one.  Once given one, it is given each
 * new one at once. */
static void
ensure_actors_network (TiesWindow *self)
{
  if (self->actors_view_follows)
    return;

  self->actors_view_follows = TRUE;
  ties_actors_view_set_network (self->actors_view, self->network);
  /* An actor selected before it had rows: its row, as it would have. */
  if (ties_selection_get_actor (self->selection) != NULL)
    {
      ties_actors_view_set_selection (self->actors_view, NULL);
      ties_actors_view_set_selection (self->actors_view, self->selection);
    }
}

/* What the first frame does not show, made just after it. */
static gboolean
after_first_frame_cb (gpointer user_data)
{
  TiesWindow *self = user_data;

  self->after_first_frame_idle = 0;
  ensure_actors_network (self);
  ensure_reader (self);
  ensure_sources_view (self);

  return G_SOURCE_REMOVE;
}

static void
on_first_after_paint (TiesWindow    *self,
                      GdkFrameClock *clock)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_after_paint, self);
  if (self->after_first_frame_idle == 0)
    self->after_first_frame_idle = g_idle_add (after_first_frame_cb, self);
}

/* The reader draws the proposals the Sources view lists, for the source
 * both show; none until the view is built. */
static void
ties_window_update_suggestions (TiesWindow *self)
{
  if (self->reader == NULL)
    return;

  if (self->sources_view == NULL
      || ties_sources_view_get_selected_source (self->sources_view) != ties_source_reader_get_source (self->reader))
    {
      ties_source_reader_set_suggestions (self->reader, NULL);
      return;
    }

  ties_source_reader_set_suggestions (self->reader, ties_sources_view_get_suggestions (self->sources_view));
}

/* Shows @source in the reader, and the reader instead of the diagram. */
void
ties_window_show_source (TiesWindow *self,
                         TiesSource *source)
{
  ties_source_reader_set_source (ensure_reader (self), source);
  ties_sources_view_select_source (ensure_sources_view (self), source);
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
  ties_source_reader_show_evidence (ensure_reader (self), evidence);
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

/* The diagram's top inset under its row of buttons, as the template
 * sets it. */
#define DIAGRAM_BUTTONS_INSET 56

/* Below this width the window is narrow: the list and the diagram fold
 * into two pages, the header keeps what the main menu and shortcuts do
 * not also offer, the filters and the diagram's buttons take two rows,
 * and a row opens with one click.  Decided by the window's width alone:
 * were it the leaflet's folding, the narrower controls would unfold it
 * again, and the wider ones fold it, without end. */
#define NARROW_WIDTH 860

/* Folded, the list's page opens documents; the other goes back to it. */
static void
update_navigation (TiesWindow *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  gboolean content = g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "content") == 0;

  gtk_widget_set_visible (self->back_button, folded && content);
  gtk_widget_set_visible (GTK_WIDGET (self->open_button), !self->narrow);
  gtk_widget_set_visible (self->open_icon_button, self->narrow && !(folded && content));
}

static void
ties_window_set_narrow (TiesWindow *self,
                        gboolean    narrow)
{
  self->narrow = narrow;
  adw_leaflet_set_can_unfold (self->leaflet, !narrow);
  if (narrow)
    gtk_widget_add_css_class (GTK_WIDGET (self), "narrow");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "narrow");
  /* The title alone, as short as an ellipsis: AdwWindowTitle keeps five
   * characters of each line. */
  if (narrow && self->narrow_title == NULL)
    {
      self->narrow_title = g_object_ref_sink (gtk_label_new (NULL));
      gtk_label_set_ellipsize (GTK_LABEL (self->narrow_title), PANGO_ELLIPSIZE_END);
      gtk_label_set_single_line_mode (GTK_LABEL (self->narrow_title), TRUE);
      gtk_widget_add_css_class (self->narrow_title, "title");
      g_object_bind_property (self->window_title, "title", self->narrow_title, "label", G_BINDING_SYNC_CREATE);
    }
  adw_header_bar_set_title_widget (self->header_bar, narrow ? self->narrow_title : self->wide_title);
  gtk_widget_set_visible (self->save_button, !narrow);
  gtk_widget_set_visible (self->save_icon_button, narrow);
  gtk_widget_set_visible (self->add_event_button, !narrow);
  gtk_widget_set_visible (self->add_event_icon_button, narrow);
  gtk_widget_set_visible (self->undo_button, !narrow);
  gtk_widget_set_visible (self->redo_button, !narrow);
  gtk_widget_set_visible (self->export_button, !narrow);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->diagram_buttons),
                                  narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  /* The file-changed banner's buttons below its words. */
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->disk_banner_box),
                                  narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  /* Nothing drawn under the buttons' two rows. */
  g_object_set (self->diagram_view, "top-inset", narrow ? DIAGRAM_BUTTONS_INSET * 2 - 12 : DIAGRAM_BUTTONS_INSET, NULL);
  ties_event_list_set_folded (self->event_list, narrow);
  ties_actors_view_set_single_click_activate (self->actors_view, narrow);
  update_navigation (self);
}

static gboolean
adapt_to_width (gpointer user_data)
{
  TiesWindow *self = user_data;
  gboolean narrow = gtk_widget_get_width (GTK_WIDGET (self)) < NARROW_WIDTH;

  self->adapt_idle = 0;
  if (narrow != self->narrow)
    ties_window_set_narrow (self, narrow);
  else
    update_navigation (self);

  return G_SOURCE_REMOVE;
}

/* After the allocation, not in it: what is shown changing while the
 * window is sized would size it again from within. */
static void
ties_window_queue_adapt (TiesWindow *self)
{
  if (self->adapt_idle == 0)
    self->adapt_idle = g_idle_add (adapt_to_width, self);
}

static void
ties_window_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  TiesWindow *self = TIES_WINDOW (widget);

  GTK_WIDGET_CLASS (ties_window_parent_class)->size_allocate (widget, width, height, baseline);

  if ((width < NARROW_WIDTH) != self->narrow)
    ties_window_queue_adapt (self);
}

static void
ties_window_realize (GtkWidget *widget)
{
  TiesWindow *self = TIES_WINDOW (widget);

  GTK_WIDGET_CLASS (ties_window_parent_class)->realize (widget);

  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (on_first_after_paint), self, G_CONNECT_SWAPPED);
}

static void
on_leaflet_changed (TiesWindow *self)
{
  ties_window_queue_adapt (self);
}

static void
on_back_clicked (TiesWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* What was chosen in the list, shown: in a folded window, the page of
 * the diagram and the editor. */
static void
ties_window_show_content (TiesWindow *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

/* Switching to the Source view shows the quote of the event chosen
 * while the diagram was shown, as choosing it there would have. */
static void
on_view_page_changed (TiesWindow *self,
                      GParamSpec *pspec,
                      GtkStack   *stack)
{
  TiesEvent *event = ties_selection_get_event (self->selection);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "source") != 0)
    return;

  /* The reader draws the proposals the Sources view finds. */
  ensure_reader (self);
  ensure_sources_view (self);
  if (event != NULL)
    ties_window_show_first_evidence (self, event);
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
      /* Several events have no one editor. */
      if (event != NULL || self->event_editor != NULL)
        ties_event_editor_set_event (ensure_event_editor (self), event);
      gtk_stack_set_visible_child_name (self->editor_stack, event != NULL ? "event" : "none");
      if (event != NULL && !self->selecting_from_reader)
        ties_window_show_first_evidence (self, event);
      break;

    case TIES_SELECTION_ACTOR:
      ties_actor_editor_set_actor (ensure_actor_editor (self), ties_selection_get_actor (selection));
      gtk_stack_set_visible_child_name (self->editor_stack, "actor");
      break;

    case TIES_SELECTION_TIE:
      ties_selection_get_tie (selection, &tie_a, &tie_b);
      ties_window_show_tie (self, tie_a, tie_b);
      break;

    case TIES_SELECTION_SOURCE:
      ties_source_editor_set_source (ensure_source_editor (self), ties_selection_get_source (selection));
      gtk_stack_set_visible_child_name (self->editor_stack, "source");
      break;

    case TIES_SELECTION_NONE:
    default:
      if (self->event_editor != NULL)
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
  /* The source the reader not yet built would show, removed: none, as
   * the reader does. */
  if ((changes & TIES_DOCUMENT_CHANGE_SOURCES) && self->reader_source != NULL
      && !ties_collection_find (TIES_COLLECTION (ties_document_get_sources (document)), self->reader_source, NULL))
    g_clear_object (&self->reader_source);
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
relayout_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ties_diagram_view_relayout (TIES_WINDOW (widget)->diagram_view);
}

static void
on_actor_activated (TiesWindow     *self,
                    TiesActor      *actor,
                    TiesActorsView *view)
{
  ties_selection_select_actor (self->selection, actor);
  ties_window_show_content (self);
}

static void
on_event_activated (TiesWindow *self,
                    TiesEvent  *event,
                    gpointer    source)
{
  gtk_stack_set_visible_child_name (self->side_stack, "events");
  ties_selection_select_event (self->selection, event);
  ties_window_show_content (self);
  gtk_widget_grab_focus (GTK_WIDGET (ensure_event_editor (self)));
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
  gtk_widget_grab_focus (GTK_WIDGET (ensure_event_editor (self)));
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
  ties_window_show_content (self);
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

  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "actors") == 0)
    ensure_actors_network (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "sources") != 0)
    return;

  source = ties_sources_view_get_selected_source (ensure_sources_view (self));
  if (source == NULL)
    return;

  ties_selection_select_source (self->selection, source);
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
    gtk_widget_grab_focus (GTK_WIDGET (ensure_event_editor (self)));
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
  if (source != _ties_window_get_shown_source (self))
    ties_window_show_source (self, source);
  else
    gtk_stack_set_visible_child_name (self->view_stack, "source");
  ties_source_reader_select_range (ensure_reader (self), candidate->start, candidate->end);
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
  ties_source_reader_begin_reattach (ensure_reader (self), evidence);
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

/* Built on first use: GtkApplication would build it with every window
 * (a shortcut list of some sixty rows), a tenth of the start-up. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  TiesWindow *self = TIES_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/tiesapp/Ties/ui/ties-shortcuts-window.ui");

      self->shortcuts_window = g_object_ref (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
      _ties_shortcuts_window_name_parts (GTK_SHORTCUTS_WINDOW (self->shortcuts_window));
    }

  gtk_window_present (self->shortcuts_window);
}

/* The layout menu: three layouts, what the colours tell, and for the
 * radial one the actor at the centre (the thirty most active, to keep
 * the menu short). */
static void
ties_window_build_view_menu (TiesWindow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) layouts = g_menu_new ();
  g_autoptr(GMenu) centre = g_menu_new ();
  g_autoptr(GPtrArray) actors = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model = G_LIST_MODEL (ties_document_get_actors (self->document));

  g_menu_append (layouts, _("_Force-Directed"), "view.layout::force");
  g_menu_append (layouts, _("_Radial"), "view.layout::radial");
  g_menu_append (layouts, _("_Circle"), "view.layout::circle");
  g_menu_append_section (menu, _("Layout"), G_MENU_MODEL (layouts));
  {
    g_autoptr(GMenu) again = g_menu_new ();
    g_autoptr(GMenuItem) item = g_menu_item_new (_("Re-_layout"), "win.relayout");

    /* Edits move the picture on from where it is; this starts afresh. */
    g_menu_item_set_attribute (item, "accel", "s", "<Control>l");
    g_menu_append_item (again, item);
    g_menu_append_section (menu, NULL, G_MENU_MODEL (again));
  }
  {
    g_autoptr(GMenu) colors = g_menu_new ();

    g_menu_append (colors, _("By _Affiliation"), "view.colors::affiliation");
    g_menu_append (colors, _("By C_ommunity"), "view.colors::community");
    g_menu_append_section (menu, _("Colours"), G_MENU_MODEL (colors));
  }

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
  self->view_menu_stale = FALSE;
}

/* A menu is made into a popover, a widget for each item, when first
 * opened rather than with the window; the layout menu again when opened
 * after the document changed what it lists. */
static void
create_menu_popup (GtkMenuButton *button,
                   gpointer       user_data)
{
  TiesWindow *self = user_data;

  if (button == self->layout_button)
    {
      if (self->view_menu_stale)
        ties_window_build_view_menu (self);
    }
  else if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, button == self->main_menu_button ? self->main_menu : self->play_menu);
}

/* The view actions' states follow the document at once; the menu that
 * names them is made again when next opened. */
static void
ties_window_update_view_menu (TiesWindow *self)
{
  const char *focus = ties_document_get_focus (self->document);

  self->view_menu_stale = TRUE;
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->view_actions), "layout")),
                             g_variant_new_string (ties_document_get_layout (self->document)));
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->view_actions), "colors")),
                             g_variant_new_string (ties_document_get_colors (self->document)));
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
  /* The action is named after the document's property. */
  const char *property = g_action_get_name (G_ACTION (action));
  const char *title = g_str_equal (property, "layout") ? _("Change Layout")
                      : g_str_equal (property, "colors") ? _("Change Colours")
                      : _("Change Centre");

  /* An undoable edit of the document's view; the diagram follows it. */
  ties_history_begin (ties_document_get_history (self->document), title);
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

void
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
  if (self->actors_view_follows)
    ties_actors_view_set_network (self->actors_view, self->network);
  ties_diagram_view_set_network (self->diagram_view, self->network);
  ties_timeline_view_set_network (self->timeline_view, self->network);
  ties_player_set_network (self->player, self->network);
  _ties_window_measures_follow (self);
  /* The editors and the Sources view not yet built take the document
   * when they are. */
  if (self->event_editor != NULL)
    {
      ties_event_editor_set_document (self->event_editor, document);
      ties_event_editor_set_event (self->event_editor, NULL);
    }
  if (self->actor_editor != NULL)
    {
      ties_actor_editor_set_document (self->actor_editor, document);
      ties_actor_editor_set_actor (self->actor_editor, NULL);
    }
  if (self->source_editor != NULL)
    {
      ties_source_editor_set_document (self->source_editor, document);
      ties_source_editor_set_source (self->source_editor, NULL);
    }
  gtk_stack_set_visible_child_name (self->editor_stack, "none");
  if (self->reader != NULL)
    ties_source_reader_set_document (self->reader, document);
  if (self->sources_view != NULL)
    ties_sources_view_set_document (self->sources_view, document);
  {
    g_autoptr(TiesSource) first = g_list_model_get_item (G_LIST_MODEL (ties_document_get_sources (document)), 0);

    if (self->reader != NULL)
      ties_source_reader_set_source (self->reader, first);
    else
      g_set_object (&self->reader_source, first);
    if (first != NULL && self->sources_view != NULL)
      ties_sources_view_select_source (self->sources_view, first);
    ties_window_update_suggestions (self);
  }

  ties_window_update_actions (self);
  ties_window_update_view_menu (self);
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
  ties_window_show_content (self);
}

static void
ties_window_dispose (GObject *object)
{
  TiesWindow *self = (TiesWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->adapt_idle, g_source_remove);
  g_clear_handle_id (&self->after_first_frame_idle, g_source_remove);
  _ties_window_measures_dispose (self);
  if (self->shortcuts_window != NULL)
    {
      gtk_window_destroy (self->shortcuts_window);
      g_clear_object (&self->shortcuts_window);
    }
  if (self->player != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->player, self);
      ties_player_stop (self->player);
      g_clear_object (&self->player);
    }
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
  g_clear_object (&self->wide_title);
  g_clear_object (&self->narrow_title);
  /* Children of the template's bins, gone with them. */
  self->reader = NULL;
  g_clear_object (&self->reader_source);
  self->sources_view = NULL;
  self->event_editor = NULL;
  self->actor_editor = NULL;
  self->source_editor = NULL;
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

#define LEGEND_PADDING 12

static void
draw_legend (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  TiesWindow *self = user_data;

  ties_diagram_view_draw_legend (self->diagram_view, cr, LEGEND_PADDING);
}

static void
on_player_as_of (TiesWindow *self)
{
  TiesDate *as_of = ties_player_get_as_of (self->player);
  GAction *stop = g_action_map_lookup_action (G_ACTION_MAP (self), "play-stop");

  ties_diagram_view_set_as_of (self->diagram_view, as_of, ties_player_get_recent_from (self->player));
  ties_timeline_view_set_now (self->timeline_view, as_of);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (stop), as_of != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->as_of_label), as_of != NULL);
  if (as_of != NULL)
    {
      g_autofree char *month = ties_date_format (as_of);
      /* TRANSLATORS: while playing through time, the month drawn, as
       * "April 2019" */
      g_autofree char *text = g_strdup_printf (_("As of %s"), month);

      gtk_label_set_label (self->as_of_label, text);
    }
}

static void
on_player_playing (TiesWindow *self)
{
  gboolean playing = ties_player_get_playing (self->player);
  const char *label = playing ? _("Pause") : _("Play Through Time");

  gtk_button_set_icon_name (GTK_BUTTON (self->play_button),
                            playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* The legend of the diagram as it is now, each time it is opened. */
static void
on_legend_popover_show (TiesWindow *self)
{
  g_autofree char *text = ties_diagram_view_dup_legend_text (self->diagram_view);
  double width = 0, height = 0;

  g_assert (TIES_IS_WINDOW (self));

  if (!ties_diagram_view_get_legend_size (self->diagram_view, &width, &height))
    width = height = 0;
  gtk_drawing_area_set_content_width (self->legend_area, (int) ceil (width) + 2 * LEGEND_PADDING);
  gtk_drawing_area_set_content_height (self->legend_area, (int) ceil (height) + 2 * LEGEND_PADDING);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->legend_area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->legend_area));
}

/* The toolkit's types that the templates of the first frame name (the
 * window's, the event list's, the diagram's, the timeline's and the
 * actors', and GtkDropDown's own). Had one of them not been made yet,
 * GtkBuilder would make every type GTK has before looking it up again:
 * 2.4 ms of the start-up. */
static void
ensure_first_frame_types (void)
{
  const GType types[] = {
    GTK_TYPE_ACTION_BAR, GTK_TYPE_BIN_LAYOUT, GTK_TYPE_BOX, GTK_TYPE_BUTTON,
    GTK_TYPE_COLUMN_VIEW, GTK_TYPE_COLUMN_VIEW_COLUMN, GTK_TYPE_DRAWING_AREA,
    GTK_TYPE_DROP_DOWN, GTK_TYPE_ENTRY, GTK_TYPE_IMAGE, GTK_TYPE_LABEL,
    GTK_TYPE_LIST_VIEW, GTK_TYPE_MENU_BUTTON, GTK_TYPE_OVERLAY, GTK_TYPE_PANED,
    GTK_TYPE_POPOVER, GTK_TYPE_REVEALER, GTK_TYPE_SCROLLED_WINDOW,
    GTK_TYPE_SEARCH_BAR, GTK_TYPE_SEARCH_ENTRY, GTK_TYPE_SEPARATOR,
    GTK_TYPE_SPINNER, GTK_TYPE_STACK, GTK_TYPE_STACK_PAGE, GTK_TYPE_STACK_SWITCHER,
    GTK_TYPE_TOGGLE_BUTTON,
    ADW_TYPE_BIN, ADW_TYPE_BUTTON_CONTENT, ADW_TYPE_HEADER_BAR, ADW_TYPE_LEAFLET,
    ADW_TYPE_LEAFLET_PAGE, ADW_TYPE_SPLIT_BUTTON, ADW_TYPE_STATUS_PAGE,
    ADW_TYPE_TOAST_OVERLAY, ADW_TYPE_WINDOW_TITLE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    g_type_ensure (types[i]);
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
  widget_class->size_allocate = ties_window_size_allocate;
  widget_class->realize = ties_window_realize;

  g_type_ensure (TIES_TYPE_ACTORS_VIEW);
  g_type_ensure (TIES_TYPE_DIAGRAM_VIEW);
  g_type_ensure (TIES_TYPE_TIMELINE_VIEW);
  g_type_ensure (TIES_TYPE_EVENT_LIST);
  g_type_ensure (TIES_TYPE_SOURCE_READER);
  ensure_first_frame_types ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tiesapp/Ties/ui/ties-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, open_icon_button);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, save_icon_button);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, add_event_button);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, add_event_icon_button);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, diagram_buttons);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, disk_banner_box);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, event_list);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, actors_view);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, diagram_view);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, timeline_revealer);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, play_button);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, tie_page);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, event_editor_bin);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, actor_editor_bin);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, source_editor_bin);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, layout_button);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, main_menu_button);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, play_menu_button);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, main_menu);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, play_menu);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, legend_area);
  gtk_widget_class_bind_template_callback (widget_class, on_legend_popover_show);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, layout_progress);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, disk_banner);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, disk_banner_label);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, reload_button);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, reader_bin);
  gtk_widget_class_bind_template_child (widget_class, TiesWindow, sources_bin);

  _ties_window_files_class_init (widget_class);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.new-event", NULL, new_event_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-layout", NULL, cancel_layout_action);
  gtk_widget_class_install_action (widget_class, "win.relayout", NULL, relayout_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.relayout", NULL);
  _ties_window_sources_class_init (widget_class);
  gtk_widget_class_install_action (widget_class, "win.document-info", NULL, document_info_action);
  gtk_widget_class_install_action (widget_class, "win.edit-kinds", NULL, edit_kinds_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
}

static void
ties_window_init (TiesWindow *self)
{
  g_autoptr(TiesDocument) document = ties_document_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->wide_title = g_object_ref (GTK_WIDGET (self->window_title));
  if (ties_timing_enabled ())
    ties_timing_watch_window (GTK_WINDOW (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new ("io.github.tiesapp.Ties");
  gtk_drawing_area_set_draw_func (self->legend_area, draw_legend, self, NULL);
  gtk_menu_button_set_create_popup_func (self->main_menu_button, create_menu_popup, self, NULL);
  gtk_menu_button_set_create_popup_func (self->play_menu_button, create_menu_popup, self, NULL);
  gtk_menu_button_set_create_popup_func (self->layout_button, create_menu_popup, self, NULL);

  {
    static const GActionEntry view_entries[] = {
      { "layout", NULL, "s", "'force'", change_view },
      { "colors", NULL, "s", "'affiliation'", change_view },
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
  /* Narrow from the first frame: sized first with the wide controls, the
   * window would open as wide as they need, past a small screen's edge. */
  else if (g_settings_get_int (self->settings, "window-width") < NARROW_WIDTH)
    ties_window_set_narrow (self, TRUE);
  /* The timeline strip, shown or hidden and its lanes, alike in every
   * window and the next session. */
  {
    g_autoptr(GAction) show_timeline = g_settings_create_action (self->settings, "show-timeline");

    g_action_map_add_action (G_ACTION_MAP (self), show_timeline);
  }
  g_settings_bind (self->settings, "show-timeline", self->timeline_revealer, "reveal-child", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "timeline-lanes", self->timeline_view, "lanes", G_SETTINGS_BIND_DEFAULT);

  /* Play, its pace and how long a tie stays bright, as actions the
   * button and its menu share. */
  self->player = ties_player_new ();
  {
    static const char * const names[] = { "playing", "pace", "recent-months" };
    static const char * const actions[] = { "play", "play-pace", "play-recent" };
    g_autoptr(GSimpleAction) stop = g_simple_action_new ("play-stop", NULL);

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autoptr(GPropertyAction) action = g_property_action_new (actions[i], self->player, names[i]);

        g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
      }
    g_simple_action_set_enabled (stop, FALSE);
    g_signal_connect_object (stop, "activate", G_CALLBACK (ties_player_stop), self->player, G_CONNECT_SWAPPED);
    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (stop));
  }
  g_signal_connect_object (self->player, "notify::as-of", G_CALLBACK (on_player_as_of), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->player, "notify::playing", G_CALLBACK (on_player_playing), self, G_CONNECT_SWAPPED);
  on_player_playing (self);

  /* One selection for every view: each selects through it and follows it. */
  self->selection = ties_selection_new ();
  g_signal_connect_object (self->selection, "changed", G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  ties_event_list_set_selection (self->event_list, self->selection);
  ties_actors_view_set_selection (self->actors_view, self->selection);
  ties_diagram_view_set_selection (self->diagram_view, self->selection);
  ties_timeline_view_set_selection (self->timeline_view, self->selection);
  g_signal_connect_object (self->event_list, "event-activated", G_CALLBACK (on_event_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->event_list, "events-deleted", G_CALLBACK (on_events_deleted), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->diagram_view, "busy", self->layout_progress, "visible", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->actors_view, "actor-activated", G_CALLBACK (on_actor_activated), self, G_CONNECT_SWAPPED);


  g_signal_connect_object (self->side_stack, "notify::visible-child-name", G_CALLBACK (on_side_page_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name", G_CALLBACK (on_view_page_changed), self, G_CONNECT_SWAPPED);

  _ties_window_files_init (self);
  _ties_window_measures_init (self);

  {
    g_autofree char *layout = g_settings_get_string (self->settings, "default-layout");
    ties_document_set_layout (document, layout);
  }
  ties_history_clear (ties_document_get_history (document));
  self->draft_writer = ties_draft_writer_new (ties_drafts_get_default (), NULL);
  ties_window_set_document (self, document, NULL);
}
