/* ties-window-sources.c: articles read or pasted into the window's
 * document as sources, a source's text replaced, annotations exported
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ties-annotation-export.h"
#include "ties-article-import.h"
#include "ties-csv-import.h"
#include "ties-network-import.h"
#include "ties-source-text-dialog.h"
#include "ties-window-private.h"

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
  TiesSource *source = _ties_window_get_shown_source (self);
  GtkWidget *dialog;

  if (source == NULL)
    return;

  dialog = ties_source_text_dialog_new (GTK_WINDOW (self), self->document, source);
  g_signal_connect_object (dialog, "applied", G_CALLBACK (on_source_text_applied), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const TiesDataFormat annotations_format = {
  N_("W3C Web Annotations (JSON-LD)"), "application/ld+json", "jsonld", ties_annotation_export_to_file,
};

static const TiesDataExport annotations_export = {
  .title = N_("Export Annotations"),
  .formats = &annotations_format,
  .n_formats = 1,
  /* Translators: the file name of exported annotations when the document has no title */
  .untitled = N_("annotations"),
  /* Translators: %s is a file name */
  .done = N_("Annotations exported to “%s”"),
  .failed = N_("Could Not Export the Annotations"),
};

static void
export_annotations_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  _ties_window_export_data (TIES_WINDOW (widget), &annotations_export);
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
      _ties_window_show_error (self, heading, error->message);
    }
}

static gboolean
is_table_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folded = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  return folded != NULL && g_str_has_suffix (folded, ".csv");
}

static void import_table (TiesWindow         *self,
                          GFile              *file,
                          TiesCsvImportFlags  flags);

static void
on_skip_bad_rows (AdwMessageDialog *dialog,
                  const char       *response,
                  OpenData         *data)
{
  import_table (data->window, data->file, TIES_CSV_IMPORT_SKIP_BAD_ROWS);
}

/* A table of events (a spreadsheet's CSV) read into the document, as
 * one step of undo. A table with bad cells adds nothing: the message
 * names each cell, and offers to import the other rows. */
static void
import_table (TiesWindow         *self,
              GFile              *file,
              TiesCsvImportFlags  flags)
{
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = NULL;
  g_autofree char *message = NULL;
  guint n_added = 0;
  AdwMessageDialog *dialog;

  if (ties_csv_import_events_from_file (self->document, file, NULL, flags, &n_added, &report, &error))
    {
      /* TRANSLATORS: %s is a file name */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u event from “%s”",
                                              "Added %u events from “%s”", n_added), n_added, name);
      ties_window_toast (self, message);
      gtk_stack_set_visible_child_name (self->side_stack, "events");
      return;
    }

  heading = g_strdup_printf (_("Could Not Import “%s”"), name);
  if (!g_error_matches (error, TIES_CSV_IMPORT_ERROR, TIES_CSV_IMPORT_ERROR_BAD_ROWS)
      || (flags & TIES_CSV_IMPORT_SKIP_BAD_ROWS) != 0)
    {
      /* Nothing was added: the document stays as it was. */
      _ties_window_show_error (self, heading, error->message);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, error->message));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "skip", _("_Import the Other Rows"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "skip", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response::skip", G_CALLBACK (on_skip_bad_rows),
                         _ties_window_open_data_new (self, file),
                         _ties_window_open_data_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
is_network_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL && ties_network_import_is_network_name (name);
}

/* A network (GEXF, GraphML) read into the document as a table is, as
 * one step of undo: its nodes the actors (those the document has found
 * again), its edges undated events. A bad file adds nothing. */
static void
import_network (TiesWindow *self,
                GFile      *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *actors = NULL;
  g_autofree char *events = NULL;
  g_autofree char *message = NULL;
  guint n_actors = 0, n_events = 0;

  if (!ties_network_import_from_file (self->document, file, NULL, &n_actors, &n_events, NULL, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Import “%s”"), name);

      /* Nothing was added: the document stays as it was. */
      _ties_window_show_error (self, heading, error->message);
      return;
    }

  actors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u actor", "%u actors", n_actors), n_actors);
  events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", n_events), n_events);
  /* TRANSLATORS: "3 actors", "5 events", then a file name */
  message = g_strdup_printf (_("Added %s and %s from “%s”"), actors, events, name);
  ties_window_toast (self, message);
  gtk_stack_set_visible_child_name (self->side_stack, "events");
}

void
ties_window_import_article (TiesWindow *self,
                            GFile      *file)
{
  g_return_if_fail (TIES_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (is_table_file (file))
    {
      import_table (self, file, TIES_CSV_IMPORT_NONE);
      return;
    }
  if (is_network_file (file))
    {
      import_network (self, file);
      return;
    }

  ties_article_import_file_async (file, self->cancellable, on_article_imported, _ties_window_open_data_new (self, file));
}

gboolean
ties_window_is_article_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  /* Or a table of events or a network: read into a document too, not opened. */
  return name != NULL && (ties_article_import_is_article_name (name) || is_table_file (file) || is_network_file (file));
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
        _ties_window_show_error (self, _("Could Not Paste"), error->message);
      else
        ties_window_toast (self, _("The clipboard holds no text"));
      return;
    }

  source = ties_article_import_text (text, &error);
  if (source == NULL)
    {
      _ties_window_show_error (self, _("Could Not Paste the Article"), error->message);
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

GtkFileFilter *
_ties_window_articles_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Articles, Tables of Events and Networks"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_mime_type (filter, "text/markdown");
  gtk_file_filter_add_mime_type (filter, "text/html");
  gtk_file_filter_add_mime_type (filter, "application/xhtml+xml");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "md");
  gtk_file_filter_add_suffix (filter, "html");
  gtk_file_filter_add_suffix (filter, "htm");
  /* Tables of events, as a spreadsheet saves them. */
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  /* Networks, as Gephi, yEd and networkx save them. */
  gtk_file_filter_add_mime_type (filter, "application/gexf+xml");
  gtk_file_filter_add_mime_type (filter, "application/graphml+xml");
  gtk_file_filter_add_suffix (filter, "gexf");
  gtk_file_filter_add_suffix (filter, "graphml");

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
  g_autoptr(GtkFileFilter) filter = _ties_window_articles_filter ();

  chooser = gtk_file_chooser_native_new (_("Add an Article"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The same way in, for a researcher who looks for it beside Export
 * Data…: tables of events and networks first. */
static void
import_data_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TiesWindow *self = TIES_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) data = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = _ties_window_articles_filter ();

  gtk_file_filter_set_name (data, _("Tables of Events and Networks (CSV, GEXF, GraphML)"));
  gtk_file_filter_add_mime_type (data, "text/csv");
  gtk_file_filter_add_suffix (data, "csv");
  gtk_file_filter_add_mime_type (data, "application/gexf+xml");
  gtk_file_filter_add_mime_type (data, "application/graphml+xml");
  gtk_file_filter_add_suffix (data, "gexf");
  gtk_file_filter_add_suffix (data, "graphml");

  chooser = gtk_file_chooser_native_new (_("Import Data"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), data);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_ties_window_sources_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-article", NULL, import_article_action);
  gtk_widget_class_install_action (widget_class, "win.import-data", NULL, import_data_action);
  gtk_widget_class_install_action (widget_class, "win.paste-article", NULL, paste_article_action);
  gtk_widget_class_install_action (widget_class, "win.edit-source-text", NULL, edit_source_text_action);
  gtk_widget_class_install_action (widget_class, "win.export-annotations", NULL, export_annotations_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, paste_shortcut, NULL);
}
