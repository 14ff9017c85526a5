/* ties-window-files.c: the window's document on disk: open, recent,
 * save and save as, changes by other programs, drafts restored, export,
 * print, closing with unsaved changes, and files dropped
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ties-document-io.h"
#include "ties-export-dialog.h"
#include "ties-csv-export.h"
#include "ties-cytoscape-export.h"
#include "ties-dot-export.h"
#include "ties-gexf-export.h"
#include "ties-graphml-export.h"
#include "ties-jgf-export.h"
#include "ties-timeline-export.h"
#include "ties-print.h"
#include "ties-save-changes-dialog.h"
#include "ties-window-private.h"

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

void
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

/* What a load or save finishes with: the window and the file. */
OpenData *
_ties_window_open_data_new (TiesWindow *self,
                            GFile      *file)
{
  OpenData *data = g_new0 (OpenData, 1);

  data->window = g_object_ref (self);
  data->file = g_object_ref (file);

  return data;
}

void
_ties_window_open_data_free (OpenData *data)
{
  g_clear_object (&data->window);
  g_clear_object (&data->file);
  g_free (data);
}

void
_ties_window_show_error (TiesWindow *self,
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
finish_open (OpenData     *data,
             TiesDocument *document,
             GPtrArray    *warnings,
             GError       *error)
{
  TiesWindow *self = data->window;

  if (document == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *name = g_file_get_basename (data->file);
          g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

          /* The open document stays as it was. */
          _ties_window_show_error (self, heading, error->message);
        }
      _ties_window_open_data_free (data);
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

  _ties_window_open_data_free (data);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TiesDocument) document = NULL;

  document = ties_document_load_finish (result, &warnings, &error);
  finish_open (user_data, document, warnings, error);
}

/* Smaller than this, a local document is read at once rather than in a
 * worker: a few milliseconds, and the window's first frame shows it
 * instead of an empty window laid out only to be laid out again. */
#define READ_AT_ONCE_BYTES (256 * 1024)

void
ties_window_open_file (TiesWindow *self,
                       GFile      *file)
{
  g_return_if_fail (TIES_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (g_file_is_native (file))
    {
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);

      if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR
          && g_file_info_get_size (info) < READ_AT_ONCE_BYTES)
        {
          g_autoptr(GPtrArray) warnings = NULL;
          g_autoptr(GError) error = NULL;
          g_autoptr(TiesDocument) document = ties_document_load_from_file (file, &warnings, NULL, &error);

          finish_open (_ties_window_open_data_new (self, file), document, warnings, error);
          return;
        }
    }

  ties_document_load_async (file, self->cancellable, on_loaded, _ties_window_open_data_new (self, file));
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

          _ties_window_show_error (self, heading, error->message);
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

  ties_document_save_async (self->document, file, self->save_cancellable, on_saved, _ties_window_open_data_new (self, file));
}

void
_ties_window_open_data_closure_free (gpointer  data,
                                     GClosure *closure)
{
  _ties_window_open_data_free (data);
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
                         _ties_window_open_data_new (self, file), _ties_window_open_data_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
ties_window_get_saving (TiesWindow *self)
{
  g_return_val_if_fail (TIES_IS_WINDOW (self), FALSE);

  return self->save_cancellable != NULL;
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
  g_autoptr(GtkFileFilter) articles = _ties_window_articles_filter ();
  g_autoptr(GtkFileFilter) supported = _ties_window_articles_filter ();

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
  /* An editor not yet built has nothing typed. */
  g_autofree char *event_text = self->event_editor != NULL ? ties_event_editor_get_unapplied_text (self->event_editor) : NULL;
  g_autofree char *source_text = self->source_editor != NULL ? ties_source_editor_get_unapplied_text (self->source_editor) : NULL;

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

/* "Exported", with the way to the file: Open shows it in the app the
 * desktop (or, sandboxed, the portal) chooses. */
static void
toast_exported (TiesWindow *self,
                const char *title,
                GFile      *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast;

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-exported");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_exported_shown (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(TiesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* Translators: a toast when no program opens the file exported */
    ties_window_toast (self, _("No app could open the file"));
}

static void
open_exported_action (GtkWidget  *widget,
                      const char *action_name G_GNUC_UNUSED,
                      GVariant   *parameter)
{
  gtk_show_uri_full (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME,
                     NULL, on_exported_shown, g_object_ref (widget));
}

static void
on_exported (TiesExportDialog *dialog,
             GFile            *file,
             TiesWindow       *self)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;

  /* Translators: a toast; %s is the name of the file written */
  title = g_strdup_printf (_("Exported “%s”"), name);
  toast_exported (self, title, file);
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

/* Data exports: one file chooser, toast and error for every format. */

/* The format the file's extension names; else the chosen filter's. */
static const TiesDataFormat *
chosen_format (const TiesDataExport *spec,
               GtkFileChooser       *chooser,
               GFile                *file)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_chooser_get_filter (chooser);
  g_autofree char *name = g_file_get_basename (file);
  const char *dot = name != NULL ? strrchr (name, '.') : NULL;
  const TiesDataFormat *selected = filter != NULL ? g_object_get_data (G_OBJECT (filter), "ties-data-format") : NULL;

  if (selected == NULL)
    selected = &spec->formats[0];
  if (dot == NULL || g_ascii_strcasecmp (dot + 1, selected->suffix) == 0)
    return selected;

  for (guint i = 0; i < spec->n_formats; i++)
    if (g_ascii_strcasecmp (dot + 1, spec->formats[i].suffix) == 0)
      return &spec->formats[i];

  return selected;
}

static void
on_export_data_response (GtkNativeDialog *dialog,
                         int              response,
                         TiesWindow      *self)
{
  const TiesDataExport *spec = g_object_get_data (G_OBJECT (dialog), "ties-data-export");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      const TiesDataFormat *format = chosen_format (spec, GTK_FILE_CHOOSER (dialog), file);
      g_autoptr(GError) error = NULL;

      if (format->export (self->document, file, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *message = NULL;

          /* Each spec's "done" takes one %s, which msgfmt --check holds
           * its translations to. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
          message = g_strdup_printf (_(spec->done), name);
#pragma GCC diagnostic pop

          toast_exported (self, message, file);
        }
      else
        {
          _ties_window_show_error (self, _(spec->failed), error->message);
        }
    }

  g_object_unref (dialog);
}

void
_ties_window_export_data (TiesWindow           *self,
                          const TiesDataExport *spec)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_(spec->title), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  for (guint i = 0; i < spec->n_formats; i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(spec->formats[i].filter_name));
      gtk_file_filter_add_mime_type (filter, spec->formats[i].mime_type);
      gtk_file_filter_add_suffix (filter, spec->formats[i].suffix);
      g_object_set_data (G_OBJECT (filter), "ties-data-format", (gpointer) &spec->formats[i]);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  name = ties_document_make_file_name (self->document, _(spec->untitled), spec->formats[0].suffix);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "ties-data-export", (gpointer) spec);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_data_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The document's filter applies to each, as it does to the diagram. */
#define NETWORK_EXPORT(name, call)                                         \
  static gboolean                                                          \
  name (TiesDocument  *document,                                           \
        GFile         *file,                                               \
        GError       **error)                                              \
  {                                                                        \
    return call;                                                           \
  }

NETWORK_EXPORT (export_gexf, ties_gexf_export_to_file (document, NULL, file, error))
NETWORK_EXPORT (export_gexf_events,
                ties_gexf_export_to_file_full (document, NULL, TIES_GEXF_EDGES_EVENTS, file, error))
NETWORK_EXPORT (export_graphml, ties_graphml_export_to_file (document, NULL, file, error))
NETWORK_EXPORT (export_jgf, ties_jgf_export_to_file (document, NULL, file, error))
NETWORK_EXPORT (export_cytoscape, ties_cytoscape_export_to_file (document, NULL, file, error))
NETWORK_EXPORT (export_dot, ties_dot_export_to_file (document, NULL, file, error))
NETWORK_EXPORT (export_csv_events, ties_csv_export_to_file (document, NULL, TIES_CSV_TABLE_EVENTS, file, error))
NETWORK_EXPORT (export_csv_actors, ties_csv_export_to_file (document, NULL, TIES_CSV_TABLE_ACTORS, file, error))
NETWORK_EXPORT (export_csv_ties, ties_csv_export_to_file (document, NULL, TIES_CSV_TABLE_TIES, file, error))
NETWORK_EXPORT (export_timeline, ties_timeline_export_to_file (document, NULL, file, error))

static const TiesDataFormat data_formats[] = {
  { N_("GraphML (yEd, Gephi, networkx, igraph)"), "application/graphml+xml", "graphml", export_graphml },
  { N_("GEXF with time (Gephi)"), "application/gexf+xml", "gexf", export_gexf },
  /* Gephi's timeline then shows each event as it happens. */
  { N_("GEXF with time, an edge per event (Gephi)"), "application/gexf+xml", "gexf", export_gexf_events },
  { N_("JSON Graph Format"), "application/json", "jgf", export_jgf },
  { N_("Cytoscape.js JSON (Cytoscape)"), "application/json", "cyjs", export_cytoscape },
  { N_("Graphviz DOT"), "text/vnd.graphviz", "dot", export_dot },
  { N_("Events as CSV (spreadsheets)"), "text/csv", "csv", export_csv_events },
  { N_("Actors as CSV (spreadsheets)"), "text/csv", "csv", export_csv_actors },
  { N_("Ties as CSV (spreadsheets)"), "text/csv", "csv", export_csv_ties },
  { N_("TimelineJS JSON"), "application/json", "timelinejs", export_timeline },
};

static const TiesDataExport data_export = {
  .title = N_("Export Data"),
  .formats = data_formats,
  .n_formats = G_N_ELEMENTS (data_formats),
  /* Translators: the file name of exported data when the document has no title */
  .untitled = N_("network"),
  /* Translators: %s is a file name */
  .done = N_("Data exported to “%s”"),
  .failed = N_("Could Not Export the Data"),
};

static void
export_data_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _ties_window_export_data (TIES_WINDOW (widget), &data_export);
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
    _ties_window_show_error (self, _("Could Not Print"), error->message);
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

gboolean
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
    /* The parent's class, which G_DEFINE_FINAL_TYPE keeps in a static of
     * ties-window.c. */
    return GTK_WINDOW_CLASS (g_type_class_peek (ADW_TYPE_APPLICATION_WINDOW))->close_request (window);

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

void
_ties_window_files_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.export-data", NULL, export_data_action);
  gtk_widget_class_install_action (widget_class, "win.open-exported", "s", open_exported_action);
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
}

void
_ties_window_files_init (TiesWindow *self)
{
  GtkDropTarget *drop;

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (ties_window_update_recent), self, G_CONNECT_SWAPPED);
  ties_window_update_recent (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.no-recent", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-save", FALSE);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
