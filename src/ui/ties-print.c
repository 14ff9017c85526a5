/* ties-print.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ties-export.h"
#include "ties-print.h"

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              TiesScene         *scene)
{
  g_assert (GTK_IS_PRINT_OPERATION (operation));
  g_assert (GTK_IS_PRINT_CONTEXT (context));
  g_assert (scene != NULL);

  /* The context's origin is the printable area's corner, in points. */
  ties_scene_draw (scene, gtk_print_context_get_cairo_context (context),
                   gtk_print_context_get_width (context),
                   gtk_print_context_get_height (context));
}

GtkPrintOperation *
ties_print_operation_new (TiesNetwork *network)
{
  return ties_print_operation_new_for_graph (network, NULL);
}

GtkPrintOperation *
ties_print_operation_new_for_graph (TiesNetwork *network,
                                    TiesGraph   *graph)
{
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  GtkPrintOperation *operation;
  TiesRenderOptions options;
  TiesScene *scene;
  const char *title;

  g_return_val_if_fail (TIES_IS_NETWORK (network), NULL);

  /* Paper is white: always the light style on a solid background. */
  ties_render_options_init (&options);
  options.style = TIES_STYLE_LIGHT;
  options.solid_background = TRUE;
  scene = ties_export_prepare_scene_for_graph (network, graph, &options);

  title = ties_document_get_title (ties_network_get_document (network));

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, title != NULL && *title != '\0' ? title : _("Diagram"));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* Diagrams are wider than tall. */
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, page_setup);

  g_object_set_data_full (G_OBJECT (operation), "ties-scene", scene, (GDestroyNotify) ties_scene_free);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), scene);

  return operation;
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         GtkWindow               *parent)
{
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;

  gtk_print_operation_get_error (operation, &error);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Could Not Print"),
                                                      error != NULL ? error->message : NULL));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
ties_print_diagram (GtkWindow    *parent,
                    TiesNetwork  *network,
                    GError      **error)
{
  return ties_print_diagram_for_graph (parent, network, NULL, error);
}

gboolean
ties_print_diagram_for_graph (GtkWindow    *parent,
                              TiesNetwork  *network,
                              TiesGraph    *graph,
                              GError      **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), FALSE);
  g_return_val_if_fail (TIES_IS_NETWORK (network), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  operation = ties_print_operation_new_for_graph (network, graph);
  /* The print dialog does not block the main loop; the operation keeps
   * itself alive until "done". */
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (parent != NULL)
    g_signal_connect_object (operation, "done", G_CALLBACK (on_done), parent, 0);

  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                  parent, error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}
