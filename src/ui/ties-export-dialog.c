/* ties-export-dialog.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ties-export.h"
#include "ties-export-dialog-private.h"
#include "ties-layout-job.h"
#include "ties-timeline.h"
#include "ties-ui-util.h"

/* Option changes reach the preview after this pause, so typing a title
 * or spinning a size does not build the scene at every step. */
#define PREVIEW_DELAY_MS 150

struct _TiesExportDialog
{
  AdwWindow parent_instance;

  TiesNetwork *network;
  /* Laid out once: the view's places, or the layout job's when the
   * dialog is made without them. No option here moves an actor, so no
   * option lays out again. */
  TiesGraph *graph;
  TiesScene *scene;
  /* With the timeline shown (alone or below the diagram), else NULL. */
  TiesTimeline *timeline;
  /* The scene no longer matches the style, background or text. */
  gboolean scene_stale;
  guint update_id;
  GtkFileChooserNative *chooser;

  /* The export being drawn and written in a worker thread. */
  GCancellable *export_cancellable;
  GFile *export_file;

  /* Template widgets */
  GtkBox *body;
  GtkDrawingArea *preview;
  AdwComboRow *format_row;
  AdwComboRow *panel_row;
  AdwComboRow *scale_row;
  AdwActionRow *width_row;
  AdwActionRow *height_row;
  GtkSpinButton *width_spin;
  GtkSpinButton *height_spin;
  AdwComboRow *style_row;
  AdwComboRow *background_row;
  GtkCheckButton *weak_ties_check;
  GtkEntry *title_entry;
  GtkEntry *caption_entry;
  GtkSpinner *export_spinner;
  GtkWidget *options_page;
};

G_DEFINE_FINAL_TYPE (TiesExportDialog, ties_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const extensions[] = { "png", "svg", "pdf" };
static const double scales[] = { 1.0, 2.0, 3.0 };

static TiesTimelinePanel
get_panel (TiesExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->panel_row);

  return selected <= TIES_TIMELINE_PANEL_BOTH ? (TiesTimelinePanel) selected : TIES_TIMELINE_PANEL_DIAGRAM;
}

/* The scene drawn with the timeline, or NULL: the timeline alone. */
static TiesScene *
panel_scene (TiesExportDialog *self)
{
  return get_panel (self) == TIES_TIMELINE_PANEL_TIMELINE ? NULL : self->scene;
}

static TiesExportFormat
get_format (TiesExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->format_row);

  return selected <= TIES_EXPORT_PDF ? (TiesExportFormat) selected : TIES_EXPORT_PNG;
}

static void
get_export_options (TiesExportDialog  *self,
                    TiesExportOptions *options)
{
  guint scale = adw_combo_row_get_selected (self->scale_row);

  ties_export_options_init (options, get_format (self));
  options->width = gtk_spin_button_get_value_as_int (self->width_spin);
  options->height = gtk_spin_button_get_value_as_int (self->height_spin);
  if (options->format == TIES_EXPORT_PNG && scale < G_N_ELEMENTS (scales))
    options->scale = scales[scale];
}


static void
ties_export_dialog_rebuild_scene (TiesExportDialog *self)
{
  TiesRenderOptions options;
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));
  const char *caption = gtk_editable_get_text (GTK_EDITABLE (self->caption_entry));

  g_assert (TIES_IS_EXPORT_DIALOG (self));

  ties_render_options_init (&options);
  options.style = adw_combo_row_get_selected (self->style_row) == 1 ? TIES_STYLE_DARK : TIES_STYLE_LIGHT;
  options.solid_background = adw_combo_row_get_selected (self->background_row) != 1;
  options.mark_weak_ties = gtk_check_button_get_active (self->weak_ties_check);
  options.title = *title != '\0' ? title : NULL;
  /* Empty: the renderer's own, shown as the placeholder. */
  options.caption = *caption != '\0' ? caption : NULL;
  /* The preview shows the page as it will be written. */
  options.page_width = gtk_spin_button_get_value (self->width_spin);
  options.page_height = gtk_spin_button_get_value (self->height_spin);
  options.fill_page = TRUE;

  g_clear_pointer (&self->timeline, ties_timeline_free);
  if (get_panel (self) != TIES_TIMELINE_PANEL_DIAGRAM)
    {
      TiesTimelineOptions timeline_options;

      ties_timeline_options_init (&timeline_options);
      timeline_options.style = options.style;
      timeline_options.solid_background = options.solid_background;
      self->timeline = ties_timeline_new (ties_network_get_document (self->network), self->network, &timeline_options);
      /* Both: the diagram fills what the strip below leaves. */
      if (get_panel (self) == TIES_TIMELINE_PANEL_BOTH)
        options.page_height -= ties_timeline_panel_height (self->timeline, options.page_height);
    }

  g_clear_pointer (&self->scene, ties_scene_free);
  self->scene = ties_export_prepare_scene_for_graph (self->network, self->graph, &options);
  self->scene_stale = FALSE;
}

static gboolean
update_preview (gpointer user_data)
{
  TiesExportDialog *self = user_data;

  self->update_id = 0;
  /* While exporting, the worker has the scene. */
  if (self->export_cancellable != NULL)
    return G_SOURCE_REMOVE;
  if (self->scene_stale)
    ties_export_dialog_rebuild_scene (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));

  return G_SOURCE_REMOVE;
}

static void
schedule_update (TiesExportDialog *self)
{
  g_clear_handle_id (&self->update_id, g_source_remove);
  self->update_id = g_timeout_add (PREVIEW_DELAY_MS, update_preview, self);
}

static void
on_scene_option_changed (TiesExportDialog *self)
{
  self->scene_stale = TRUE;
  schedule_update (self);
}

static void
on_format_changed (TiesExportDialog *self)
{
  gboolean png = get_format (self) == TIES_EXPORT_PNG;
  const char *unit = png ? _("Pixels") : _("Points");

  adw_action_row_set_subtitle (self->width_row, unit);
  adw_action_row_set_subtitle (self->height_row, unit);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), png);
  schedule_update (self);
}

static void
draw_checkerboard (cairo_t *cr,
                   double   width,
                   double   height)
{
  const double cell = 8;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 0.95, 0.95, 0.95);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.8, 0.8, 0.8);
  for (int row = 0; row * cell < height; row++)
    for (int column = row % 2; column * cell < width; column += 2)
      cairo_rectangle (cr, column * cell, row * cell, cell, cell);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  TiesExportDialog *self = user_data;
  TiesExportOptions options;
  double scale, page_width, page_height;

  /* While exporting, the worker has the scene or the timeline. */
  if (self->scene == NULL || width <= 0 || height <= 0
      || (self->timeline == NULL && get_panel (self) != TIES_TIMELINE_PANEL_DIAGRAM))
    return;

  /* The page at the chosen aspect, drawn at its own size and scaled
   * down, so text and lines keep the proportions the file will have. */
  get_export_options (self, &options);
  scale = MIN ((double) width / options.width, (double) height / options.height);
  page_width = options.width * scale;
  page_height = options.height * scale;

  cairo_translate (cr, round ((width - page_width) / 2), round ((height - page_height) / 2));

  if (!ties_scene_get_solid_background (self->scene))
    draw_checkerboard (cr, page_width, page_height);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, page_width, page_height);
  cairo_clip (cr);
  cairo_scale (cr, scale, scale);
  if (self->timeline != NULL)
    ties_timeline_draw_panels (self->timeline, panel_scene (self), cr, options.width, options.height);
  else
    ties_scene_draw (self->scene, cr, options.width, options.height);
  cairo_restore (cr);

  cairo_rectangle (cr, -0.5, -0.5, page_width + 1, page_height + 1);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
show_error (TiesExportDialog *self,
            const char       *body)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export"), body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ties_export_dialog_set_exporting (TiesExportDialog *self,
                                  gboolean          exporting)
{
  g_assert (TIES_IS_EXPORT_DIALOG (self));

  gtk_widget_set_visible (GTK_WIDGET (self->export_spinner), exporting);
  gtk_spinner_set_spinning (self->export_spinner, exporting);
  gtk_widget_set_sensitive (self->options_page, !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export-dialog.export", !exporting);
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TiesExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_steal_pointer (&self->export_file);
  gboolean exported;

  /* The same finish for the diagram's export and the timeline's. */
  exported = ties_export_to_file_finish (result, &error);
  g_clear_object (&self->export_cancellable);

  /* Closed meanwhile: Cancel stopped it, and the file is as it was. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      gtk_widget_in_destruction (GTK_WIDGET (self)) || self->preview == NULL)
    return;

  ties_export_dialog_set_exporting (self, FALSE);
  /* The worker had the scene; the preview gets a new one. */
  self->scene_stale = TRUE;
  update_preview (self);

  if (!exported)
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[EXPORTED], 0, file);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Drawing a large diagram takes a while: it happens in a worker thread,
 * and Cancel (or closing the dialog) stops it, leaving the file as it
 * was. */
void
ties_export_dialog_start_export (TiesExportDialog *self,
                                 GFile            *file)
{
  TiesExportOptions options;

  g_return_if_fail (TIES_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->export_cancellable != NULL)
    return;

  if (self->scene_stale || self->scene == NULL)
    ties_export_dialog_rebuild_scene (self);
  get_export_options (self, &options);

  self->export_cancellable = g_cancellable_new ();
  g_set_object (&self->export_file, file);
  ties_export_dialog_set_exporting (self, TRUE);
  if (self->timeline != NULL)
    {
      TiesScene *scene = panel_scene (self) != NULL ? g_steal_pointer (&self->scene) : NULL;

      ties_timeline_export_panels_async (g_steal_pointer (&self->timeline), scene, &options, file,
                                         self->export_cancellable, on_export_done, g_object_ref (self));
    }
  else
    ties_export_to_file_async (g_steal_pointer (&self->scene), &options, file,
                               self->export_cancellable, on_export_done, g_object_ref (self));
}

gboolean
ties_export_dialog_get_exporting (TiesExportDialog *self)
{
  g_return_val_if_fail (TIES_IS_EXPORT_DIALOG (self), FALSE);

  return self->export_cancellable != NULL;
}

static void
on_chooser_response (GtkNativeDialog  *chooser,
                     int               response,
                     TiesExportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (TIES_IS_EXPORT_DIALOG (self));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file == NULL)
    return;

  ties_export_dialog_start_export (self, file);
}

char *
_ties_export_dialog_suggested_name (TiesExportDialog *self)
{
  const char *what[] = { _("Diagram"), _("Timeline"), _("Diagram and Timeline") };
  TiesTimelinePanel panel = get_panel (self);
  const char *extension = extensions[get_format (self)];
  g_autofree char *name = ties_document_make_file_name (ties_network_get_document (self->network),
                                                        what[panel], extension);

  /* A timeline is told apart from the diagram of the same document. */
  if (panel != TIES_TIMELINE_PANEL_DIAGRAM && !g_str_has_prefix (name, what[panel])
      && g_str_has_suffix (name, extension))
    {
      g_autofree char *stem = g_strndup (name, strlen (name) - strlen (extension) - 1);

      return g_strdup_printf ("%s - %s.%s", stem, what[panel], extension);
    }

  return g_steal_pointer (&name);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TiesExportDialog *self = TIES_EXPORT_DIALOG (widget);
  g_autofree char *name = _ties_export_dialog_suggested_name (self);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export the Diagram"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Cancel and closing stop an export in progress: the worker holds the
 * dialog until it returns, so disposing comes too late for that. */
static gboolean
ties_export_dialog_close_request (GtkWindow *window)
{
  TiesExportDialog *self = TIES_EXPORT_DIALOG (window);

  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);

  return GTK_WINDOW_CLASS (ties_export_dialog_parent_class)->close_request (window);
}

static void
ties_export_dialog_dispose (GObject *object)
{
  TiesExportDialog *self = (TiesExportDialog *) object;

  g_clear_handle_id (&self->update_id, g_source_remove);
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), TIES_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (ties_export_dialog_parent_class)->dispose (object);
}

static void
ties_export_dialog_finalize (GObject *object)
{
  TiesExportDialog *self = (TiesExportDialog *) object;

  g_clear_pointer (&self->scene, ties_scene_free);
  g_clear_pointer (&self->timeline, ties_timeline_free);
  g_clear_pointer (&self->graph, ties_graph_free);
  g_clear_object (&self->network);
  g_clear_object (&self->export_file);

  G_OBJECT_CLASS (ties_export_dialog_parent_class)->finalize (object);
}

static void
ties_export_dialog_class_init (TiesExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ties_export_dialog_dispose;
  object_class->finalize = ties_export_dialog_finalize;
  window_class->close_request = ties_export_dialog_close_request;

  /**
   * TiesExportDialog::exported:
   * @file: the file written
   */
  signals[EXPORTED] = g_signal_new ("exported",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tiesapp/Ties/ui/ties-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TiesExportDialog, body);
  gtk_widget_class_bind_template_child (widget_class, TiesExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, TiesExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, TiesExportDialog, panel_row);
  gtk_widget_class_bind_template_child (widget_class, TiesExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, TiesExportDialog, width_row);
  gtk_widget_class_bind_template_child (widget_class, TiesExportDialog, height_row);
  gtk_widget_class_bind_template_child (widget_class, TiesExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, TiesExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, TiesExportDialog, style_row);
  gtk_widget_class_bind_template_child (widget_class, TiesExportDialog, background_row);
  gtk_widget_class_bind_template_child (widget_class, TiesExportDialog, weak_ties_check);
  gtk_widget_class_bind_template_child (widget_class, TiesExportDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, TiesExportDialog, caption_entry);
  gtk_widget_class_bind_template_child (widget_class, TiesExportDialog, export_spinner);
  gtk_widget_class_bind_template_child (widget_class, TiesExportDialog, options_page);
  /* Reachable with gtk_widget_get_template_child(), for tests. */
  gtk_widget_class_bind_template_child_full (widget_class, "export_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "weak_ties_row", FALSE, 0);

  gtk_widget_class_install_action (widget_class, "export-dialog.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ties_export_dialog_init (TiesExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Enter exports, as in any dialog whose suggested action is ready:
   * without this the focus lands on Cancel and Enter throws the
   * dialog away. */
  {
    GtkWidget *export_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                          TIES_TYPE_EXPORT_DIALOG,
                                                                          "export_button"));

    gtk_window_set_default_widget (GTK_WINDOW (self), export_button);
    /* Once shown: focus set before, the window is missing from the
     * accessibility tree in GTK 4.8. */
    g_signal_connect_object (self, "map", G_CALLBACK (gtk_widget_grab_focus), export_button, G_CONNECT_SWAPPED);
  }

  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);

  g_signal_connect_object (self->format_row, "notify::selected", G_CALLBACK (on_format_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scale_row, "notify::selected", G_CALLBACK (schedule_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->panel_row, "notify::selected", G_CALLBACK (on_scene_option_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->width_spin, "value-changed", G_CALLBACK (on_scene_option_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->height_spin, "value-changed", G_CALLBACK (on_scene_option_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->style_row, "notify::selected", G_CALLBACK (on_scene_option_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->background_row, "notify::selected", G_CALLBACK (on_scene_option_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->weak_ties_check, "toggled", G_CALLBACK (on_scene_option_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->title_entry, "changed", G_CALLBACK (on_scene_option_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->caption_entry, "changed", G_CALLBACK (on_scene_option_changed), self, G_CONNECT_SWAPPED);

  on_format_changed (self);
}

static gboolean
settings_has_key (GSettings  *settings,
                  const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);

  return schema != NULL && g_settings_schema_has_key (schema, key);
}

TiesExportDialog *
ties_export_dialog_new (GtkWindow   *parent,
                        TiesNetwork *network,
                        GSettings   *settings)
{
  return ties_export_dialog_new_for_graph (parent, network, NULL, settings);
}

/* As TiesWindow's narrow width. */
#define NARROW_PARENT_WIDTH 860

TiesExportDialog *
ties_export_dialog_new_for_graph (GtkWindow   *parent,
                                  TiesNetwork *network,
                                  TiesGraph   *graph,
                                  GSettings   *settings)
{
  TiesExportDialog *self;
  g_autofree char *caption = NULL;
  TiesLayoutRequest request;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TIES_IS_NETWORK (network), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (TIES_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  /* Over a narrow window, as large as the window: the preview above
   * the options rather than beside them. */
  if (parent != NULL && gtk_widget_get_width (GTK_WIDGET (parent)) > 0
      && gtk_widget_get_width (GTK_WIDGET (parent)) < NARROW_PARENT_WIDTH)
    {
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->body), GTK_ORIENTATION_VERTICAL);
      gtk_drawing_area_set_content_width (self->preview, 160);
      gtk_drawing_area_set_content_height (self->preview, 160);
      gtk_widget_set_size_request (self->options_page, -1, 240);
    }
  _ties_window_fit_parent (GTK_WINDOW (self));
  self->network = g_object_ref (network);
  if (graph != NULL)
    {
      self->graph = ties_graph_copy (graph);
    }
  else
    {
      ties_layout_request_init (&request);
      self->graph = ties_layout_run_request (network, &request);
    }

  if (settings != NULL)
    adw_combo_row_set_selected (self->style_row, g_settings_get_enum (settings, "export-style") == 1 ? 1 : 0);
  /* Exported as the diagram shows it; a settings object made with an
   * older schema has no such key. */
  if (settings != NULL && settings_has_key (settings, "mark-weak-ties"))
    gtk_check_button_set_active (self->weak_ties_check, g_settings_get_boolean (settings, "mark-weak-ties"));

  caption = ties_scene_default_caption (ties_network_get_document (network));
  gtk_entry_set_placeholder_text (self->caption_entry, caption != NULL ? caption : _("None"));

  /* The first picture right away; later ones after a pause. */
  g_clear_handle_id (&self->update_id, g_source_remove);
  ties_export_dialog_rebuild_scene (self);

  return self;
}

gboolean
ties_export_dialog_export_to_file (TiesExportDialog *self,
                                   GFile            *file,
                                   GError          **error)
{
  TiesExportOptions options;

  g_return_val_if_fail (TIES_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (self->export_cancellable == NULL, FALSE);

  if (self->scene_stale)
    ties_export_dialog_rebuild_scene (self);
  get_export_options (self, &options);

  if (self->timeline != NULL)
    return ties_timeline_export_panels (self->timeline, panel_scene (self), &options, file, error);

  return ties_export_to_file (self->scene, &options, file, error);
}

gboolean
ties_export_dialog_get_preview_pending (TiesExportDialog *self)
{
  g_return_val_if_fail (TIES_IS_EXPORT_DIALOG (self), FALSE);

  return self->update_id != 0;
}

TiesScene *
_ties_export_dialog_get_scene (TiesExportDialog *self)
{
  g_return_val_if_fail (TIES_IS_EXPORT_DIALOG (self), NULL);

  if (self->export_cancellable != NULL)
    return NULL;
  if (self->scene_stale || self->scene == NULL)
    ties_export_dialog_rebuild_scene (self);

  return self->scene;
}
