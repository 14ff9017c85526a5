/* ties-document-info-editor.c: a dialog for the document's title and description
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ties-ui-util.h"
#include "ties-document-info-editor.h"

/* As the event editor does: each keystroke reaches the document, a burst
 * of typing is one step of undo, Enter or the focus leaving ends it, and
 * undo or redo while the dialog is open shows in it. */

struct _TiesDocumentInfoEditor
{
  AdwWindow     parent_instance;

  TiesDocument *document;
  gulong        notify_id;
  /* The property being typed into, whose notify is our own echo. */
  const char   *committing;
  guint         updating;

  AdwEntryRow  *title_row;
  GtkTextView  *description_view;
};

G_DEFINE_FINAL_TYPE (TiesDocumentInfoEditor, ties_document_info_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
end_burst (TiesDocumentInfoEditor *self)
{
  g_assert (TIES_IS_DOCUMENT_INFO_EDITOR (self));

  if (self->document != NULL)
    ties_history_end_merge (ties_document_get_history (self->document));
}

static void
commit_string (TiesDocumentInfoEditor *self,
               const char             *property,
               const char             *text)
{
  g_autofree char *old = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert (TIES_IS_DOCUMENT_INFO_EDITOR (self));

  if (self->document == NULL || self->updating > 0)
    return;

  g_object_get (self->document, property, &old, NULL);
  if (g_strcmp0 (old != NULL ? old : "", text) == 0)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  self->committing = property;
  ties_history_set_value_merged (ties_document_get_history (self->document), self->document, property, &value);
  self->committing = NULL;
}

static char *
get_description_text (TiesDocumentInfoEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
update (TiesDocumentInfoEditor *self,
        const char             *property)
{
  g_assert (TIES_IS_DOCUMENT_INFO_EDITOR (self));

  if (self->document == NULL)
    return;

  self->updating++;

  if (property == NULL || g_str_equal (property, "title"))
    _ties_entry_row_set_text (self->title_row, ties_document_get_title (self->document));
  if (property == NULL || g_str_equal (property, "description"))
    {
      g_autofree char *old = get_description_text (self);
      const char *description = ties_document_get_description (self->document);

      if (g_strcmp0 (old, description != NULL ? description : "") != 0)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                                  description != NULL ? description : "", -1);
    }

  self->updating--;
}

static void
on_document_notify (TiesDocumentInfoEditor *self,
                    GParamSpec             *pspec,
                    TiesDocument           *document)
{
  g_assert (TIES_IS_DOCUMENT_INFO_EDITOR (self));
  g_assert (TIES_IS_DOCUMENT (document));

  if (self->committing != NULL && g_str_equal (pspec->name, self->committing))
    return;

  if (g_str_equal (pspec->name, "title") || g_str_equal (pspec->name, "description"))
    update (self, pspec->name);
}

static void
commit_title (TiesDocumentInfoEditor *self)
{
  commit_string (self, "title", gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
}

static void
commit_description (TiesDocumentInfoEditor *self)
{
  g_autofree char *text = get_description_text (self);

  commit_string (self, "description", text);
}

static void
set_document (TiesDocumentInfoEditor *self,
              TiesDocument           *document)
{
  g_assert (TIES_IS_DOCUMENT_INFO_EDITOR (self));
  g_assert (self->document == NULL);

  if (document == NULL)
    return;

  self->document = g_object_ref (document);
  self->notify_id = g_signal_connect_object (document, "notify", G_CALLBACK (on_document_notify),
                                             self, G_CONNECT_SWAPPED);
  update (self, NULL);
}

/* GObject */

static void
ties_document_info_editor_dispose (GObject *object)
{
  TiesDocumentInfoEditor *self = (TiesDocumentInfoEditor *) object;

  self->updating++;

  if (self->document != NULL)
    {
      /* Typing after the dialog closes is a new step. */
      ties_history_end_merge (ties_document_get_history (self->document));
      g_clear_signal_handler (&self->notify_id, self->document);
    }
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ties_document_info_editor_parent_class)->dispose (object);
}

static void
ties_document_info_editor_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  TiesDocumentInfoEditor *self = TIES_DOCUMENT_INFO_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_document_info_editor_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  TiesDocumentInfoEditor *self = TIES_DOCUMENT_INFO_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_document_info_editor_class_init (TiesDocumentInfoEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ties_document_info_editor_dispose;
  object_class->get_property = ties_document_info_editor_get_property;
  object_class->set_property = ties_document_info_editor_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TIES_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tiesapp/Ties/ui/ties-document-info-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TiesDocumentInfoEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, TiesDocumentInfoEditor, description_view);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ties_document_info_editor_init (TiesDocumentInfoEditor *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  _ties_name_group_lists (GTK_WIDGET (self), gtk_window_get_title (GTK_WINDOW (self)));

  gtk_editable_set_enable_undo (GTK_EDITABLE (self->title_row), FALSE);
  g_signal_connect_object (self->title_row, "changed", G_CALLBACK (commit_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->title_row, "entry-activated", G_CALLBACK (end_burst), self, G_CONNECT_SWAPPED);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (end_burst), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->title_row), focus);

  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->description_view), FALSE);
  g_signal_connect_object (gtk_text_view_get_buffer (self->description_view), "changed",
                           G_CALLBACK (commit_description), self, G_CONNECT_SWAPPED);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (end_burst), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->description_view), focus);
}

/* Public API */

GtkWidget *
ties_document_info_editor_new (GtkWindow    *parent,
                               TiesDocument *document)
{
  GtkWidget *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TIES_IS_DOCUMENT (document), NULL);

  self = g_object_new (TIES_TYPE_DOCUMENT_INFO_EDITOR,
                       "transient-for", parent,
                       "document", document,
                       NULL);
  _ties_window_fit_parent (GTK_WINDOW (self));

  return self;
}

TiesDocument *
ties_document_info_editor_get_document (TiesDocumentInfoEditor *self)
{
  g_return_val_if_fail (TIES_IS_DOCUMENT_INFO_EDITOR (self), NULL);

  return self->document;
}
