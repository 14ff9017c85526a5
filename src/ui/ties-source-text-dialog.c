/* ties-source-text-dialog.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ties-source-text-dialog.h"
#include "ties-ui-util.h"

struct _TiesSourceTextDialog
{
  AdwWindow      parent_instance;

  TiesDocument  *document;
  TiesSource    *source;

  AdwWindowTitle *window_title;
  GtkTextView   *text_view;
};

G_DEFINE_FINAL_TYPE (TiesSourceTextDialog, ties_source_text_dialog, ADW_TYPE_WINDOW)

enum {
  APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Orphaned items of this source only: the toast speaks of this edit. */
static guint
count_orphaned (TiesDocument *document,
                TiesSource   *source)
{
  GListModel *events = G_LIST_MODEL (ties_document_get_events (document));
  const char *id = ties_source_get_id (source);
  guint n_orphaned = 0;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (events, i);
      GListModel *evidence = G_LIST_MODEL (ties_event_get_evidence (event));

      for (guint j = 0; j < g_list_model_get_n_items (evidence); j++)
        {
          g_autoptr(TiesEvidence) item = g_list_model_get_item (evidence, j);

          if (g_strcmp0 (ties_evidence_get_source (item), id) == 0
              && ties_evidence_get_status (item) == TIES_EVIDENCE_ORPHANED)
            n_orphaned++;
        }
    }

  return n_orphaned;
}

void
ties_source_text_dialog_apply (TiesSourceTextDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  guint before, after;

  g_return_if_fail (TIES_IS_SOURCE_TEXT_DIALOG (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  if (g_strcmp0 (text, ties_source_get_text (self->source)) != 0)
    {
      before = count_orphaned (self->document, self->source);
      ties_document_set_source_text (self->document, self->source, text);
      after = count_orphaned (self->document, self->source);
      g_signal_emit (self, signals[APPLIED], 0, after > before ? after - before : 0);
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

GtkTextBuffer *
ties_source_text_dialog_get_buffer (TiesSourceTextDialog *self)
{
  g_return_val_if_fail (TIES_IS_SOURCE_TEXT_DIALOG (self), NULL);

  return gtk_text_view_get_buffer (self->text_view);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ties_source_text_dialog_apply (TIES_SOURCE_TEXT_DIALOG (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
ties_source_text_dialog_dispose (GObject *object)
{
  TiesSourceTextDialog *self = (TiesSourceTextDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TIES_TYPE_SOURCE_TEXT_DIALOG);
  g_clear_object (&self->document);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (ties_source_text_dialog_parent_class)->dispose (object);
}

static void
ties_source_text_dialog_class_init (TiesSourceTextDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ties_source_text_dialog_dispose;

  signals[APPLIED] =
    g_signal_new ("applied",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tiesapp/Ties/ui/ties-source-text-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TiesSourceTextDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TiesSourceTextDialog, text_view);

  gtk_widget_class_install_action (widget_class, "dialog.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "dialog.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "dialog.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "dialog.apply", NULL);
}

static void
ties_source_text_dialog_init (TiesSourceTextDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ties_source_text_dialog_new (GtkWindow    *parent,
                             TiesDocument *document,
                             TiesSource   *source)
{
  TiesSourceTextDialog *self;
  const char *title;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TIES_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (TIES_IS_SOURCE (source), NULL);

  self = g_object_new (TIES_TYPE_SOURCE_TEXT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  _ties_window_fit_parent (GTK_WINDOW (self));
  self->document = g_object_ref (document);
  self->source = g_object_ref (source);

  title = ties_source_get_title (source);
  adw_window_title_set_subtitle (self->window_title,
                                 title != NULL && *title != '\0' ? title : ties_source_get_id (source));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), ties_source_get_text (source), -1);

  return GTK_WIDGET (self);
}
