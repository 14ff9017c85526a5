/* ties-source-editor.c: edits one source's details, every change undoable
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ties-date.h"
#include "ties-edit-binder.h"
#include "ties-source-editor.h"

/* As in the event editor: every keystroke reaches the source at once, a
 * burst of typing in one field is one step of undo, and Enter or the
 * focus leaving ends the burst. The editor follows the source's
 * "notify" so that undo and redo show, but not the echo of its own
 * typing, which would move the cursor.
 *
 * The two dates are checked as they are typed: while the text is not a
 * valid EDTF date the source keeps the date it had before the typing
 * began, the field shows why, and the text is kept per source and named
 * by ties_source_editor_get_unapplied_text(). The typing, its bursts,
 * echo and dates are the edit binder's; this file shows why a date is
 * not valid. */

typedef enum {
  DATE_PUBLISHED,
  DATE_RETRIEVED,
  N_DATES
} DateField;

static const char * const date_properties[N_DATES] = { "published", "retrieved" };

typedef struct
{
  AdwEntryRow  *row;
  AdwActionRow *status_row;
  GtkImage     *status_icon;
} DateEntry;

struct _TiesSourceEditor
{
  GtkWidget     parent_instance;

  TiesDocument *document;
  TiesSource   *source;

  /* The typed fields */
  TiesEditBinder *binder;

  DateEntry     dates[N_DATES];

  GtkStack     *stack;
  AdwEntryRow  *title_row;
  AdwEntryRow  *publisher_row;
  AdwEntryRow  *author_row;
  AdwEntryRow  *url_row;
  AdwEntryRow  *published_row;
  AdwActionRow *published_status_row;
  GtkImage     *published_status_icon;
  AdwEntryRow  *retrieved_row;
  AdwActionRow *retrieved_status_row;
  GtkImage     *retrieved_status_icon;
  GtkTextView  *notes_view;
};

G_DEFINE_FINAL_TYPE (TiesSourceEditor, ties_source_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Showing the source */

static void
update_date_status (TiesSourceEditor *self,
                    DateField         field)
{
  DateEntry *entry = &self->dates[field];
  const char *text;
  g_autoptr(GError) error = NULL;
  g_autoptr(TiesDate) date = NULL;

  g_assert (TIES_IS_SOURCE_EDITOR (self));

  text = gtk_editable_get_text (GTK_EDITABLE (entry->row));

  if (text[0] == '\0')
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry->row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (entry->status_row), "error");
      gtk_image_set_from_icon_name (entry->status_icon, "x-office-calendar-symbolic");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry->status_row), _("Unknown date"));
      adw_action_row_set_subtitle (entry->status_row,
                                   field == DATE_PUBLISHED
                                   ? _("Dates such as “last Friday” in the text are read from this date")
                                   : _("When the text was copied from the publisher"));
      return;
    }

  date = ties_date_parse (text, NULL, &error);
  if (date != NULL)
    {
      g_autofree char *human = ties_date_format (date);

      gtk_widget_remove_css_class (GTK_WIDGET (entry->row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (entry->status_row), "error");
      gtk_image_set_from_icon_name (entry->status_icon, "x-office-calendar-symbolic");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry->status_row), human);
      adw_action_row_set_subtitle (entry->status_row, _("How the date reads"));
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry->row), "error");
      gtk_widget_add_css_class (GTK_WIDGET (entry->status_row), "error");
      gtk_image_set_from_icon_name (entry->status_icon, "dialog-error-symbolic");
      /* The parser's message names the character and its position. */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry->status_row), error->message);
      adw_action_row_set_subtitle (entry->status_row, _("Not a valid date: the source keeps its previous date until this is corrected"));
    }
}

/* What the binder does not show: why a date is not valid. */
static void
on_target_notify (TiesSourceEditor *self,
                  GParamSpec       *pspec)
{
  g_assert (TIES_IS_SOURCE_EDITOR (self));

  for (guint i = 0; i < N_DATES; i++)
    if (g_str_equal (pspec->name, date_properties[i]))
      update_date_status (self, i);
}

static void
on_date_changed (TiesSourceEditor *self,
                 AdwEntryRow      *row)
{
  g_assert (TIES_IS_SOURCE_EDITOR (self));

  for (guint i = 0; i < N_DATES; i++)
    if (self->dates[i].row == row)
      update_date_status (self, i);
}

/* GObject */

static void
ties_source_editor_dispose (GObject *object)
{
  TiesSourceEditor *self = (TiesSourceEditor *) object;

  /* Nothing is committed while the widgets go away. */
  if (self->binder != NULL)
    {
      ties_edit_binder_freeze (self->binder);
      ties_edit_binder_set_target (self->binder, NULL);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), TIES_TYPE_SOURCE_EDITOR);

  g_clear_object (&self->source);
  g_clear_object (&self->document);
  g_clear_object (&self->binder);

  G_OBJECT_CLASS (ties_source_editor_parent_class)->dispose (object);
}

static void
ties_source_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TiesSourceEditor *self = TIES_SOURCE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_source_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TiesSourceEditor *self = TIES_SOURCE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ties_source_editor_set_document (self, g_value_get_object (value));
      break;

    case PROP_SOURCE:
      ties_source_editor_set_source (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_source_editor_class_init (TiesSourceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ties_source_editor_dispose;
  object_class->get_property = ties_source_editor_get_property;
  object_class->set_property = ties_source_editor_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TIES_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL,
                         TIES_TYPE_SOURCE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tiesapp/Ties/ui/ties-source-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TiesSourceEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, TiesSourceEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, TiesSourceEditor, publisher_row);
  gtk_widget_class_bind_template_child (widget_class, TiesSourceEditor, author_row);
  gtk_widget_class_bind_template_child (widget_class, TiesSourceEditor, url_row);
  gtk_widget_class_bind_template_child (widget_class, TiesSourceEditor, published_row);
  gtk_widget_class_bind_template_child (widget_class, TiesSourceEditor, published_status_row);
  gtk_widget_class_bind_template_child (widget_class, TiesSourceEditor, published_status_icon);
  gtk_widget_class_bind_template_child (widget_class, TiesSourceEditor, retrieved_row);
  gtk_widget_class_bind_template_child (widget_class, TiesSourceEditor, retrieved_status_row);
  gtk_widget_class_bind_template_child (widget_class, TiesSourceEditor, retrieved_status_icon);
  gtk_widget_class_bind_template_child (widget_class, TiesSourceEditor, notes_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ties-source-editor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ties_source_editor_init (TiesSourceEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->dates[DATE_PUBLISHED].row = self->published_row;
  self->dates[DATE_PUBLISHED].status_row = self->published_status_row;
  self->dates[DATE_PUBLISHED].status_icon = self->published_status_icon;
  self->dates[DATE_RETRIEVED].row = self->retrieved_row;
  self->dates[DATE_RETRIEVED].status_row = self->retrieved_status_row;
  self->dates[DATE_RETRIEVED].status_icon = self->retrieved_status_icon;

  self->binder = ties_edit_binder_new ();
  ties_edit_binder_bind (self->binder, GTK_WIDGET (self->title_row), "title", TIES_EDIT_BINDER_PLAIN);
  ties_edit_binder_bind (self->binder, GTK_WIDGET (self->publisher_row), "publisher", TIES_EDIT_BINDER_PLAIN);
  ties_edit_binder_bind (self->binder, GTK_WIDGET (self->author_row), "author", TIES_EDIT_BINDER_PLAIN);
  ties_edit_binder_bind (self->binder, GTK_WIDGET (self->url_row), "url", TIES_EDIT_BINDER_PLAIN);
  for (guint i = 0; i < N_DATES; i++)
    {
      ties_edit_binder_bind (self->binder, GTK_WIDGET (self->dates[i].row), date_properties[i], TIES_EDIT_BINDER_DATE);
      g_signal_connect_object (self->dates[i].row, "changed", G_CALLBACK (on_date_changed), self, G_CONNECT_SWAPPED);
    }
  ties_edit_binder_bind (self->binder, GTK_WIDGET (self->notes_view), "notes", TIES_EDIT_BINDER_PLAIN);
  g_signal_connect_object (self->binder, "target-notify", G_CALLBACK (on_target_notify), self, G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
ties_source_editor_new (void)
{
  return g_object_new (TIES_TYPE_SOURCE_EDITOR, NULL);
}

TiesDocument *
ties_source_editor_get_document (TiesSourceEditor *self)
{
  g_return_val_if_fail (TIES_IS_SOURCE_EDITOR (self), NULL);

  return self->document;
}

void
ties_source_editor_set_document (TiesSourceEditor *self,
                                 TiesDocument     *document)
{
  g_return_if_fail (TIES_IS_SOURCE_EDITOR (self));
  g_return_if_fail (document == NULL || TIES_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  ties_source_editor_set_source (self, NULL);
  g_set_object (&self->document, document);
  ties_edit_binder_set_document (self->binder, document);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

TiesSource *
ties_source_editor_get_source (TiesSourceEditor *self)
{
  g_return_val_if_fail (TIES_IS_SOURCE_EDITOR (self), NULL);

  return self->source;
}

void
ties_source_editor_set_source (TiesSourceEditor *self,
                               TiesSource       *source)
{
  g_return_if_fail (TIES_IS_SOURCE_EDITOR (self));
  g_return_if_fail (source == NULL || TIES_IS_SOURCE (source));
  g_return_if_fail (source == NULL || self->document != NULL);

  if (self->source == source)
    return;

  /* Ends the burst in the source it was typed into, then shows the new
   * one's typed fields. */
  ties_edit_binder_set_target (self->binder, source);
  g_set_object (&self->source, source);

  if (source != NULL)
    {
      for (guint i = 0; i < N_DATES; i++)
        update_date_status (self, i);
      gtk_stack_set_visible_child_name (self->stack, "editor");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

/**
 * ties_source_editor_get_unapplied_text:
 * @self: a #TiesSourceEditor
 *
 * What was typed but is not in the document: dates that are not valid,
 * for any source edited since the document was set.
 *
 * Returns: (transfer full) (nullable): sentences saying so, or %NULL
 */
char *
ties_source_editor_get_unapplied_text (TiesSourceEditor *self)
{
  g_autoptr(GString) text = NULL;
  GListModel *sources;

  g_return_val_if_fail (TIES_IS_SOURCE_EDITOR (self), NULL);

  if (self->document == NULL)
    return NULL;

  text = g_string_new (NULL);

  /* In document order, so that the message does not change each time;
   * removed sources are past. */
  sources = G_LIST_MODEL (ties_document_get_sources (self->document));
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(TiesSource) source = g_list_model_get_item (sources, i);
      const char *name = ties_source_get_title (source)[0] != '\0'
                         ? ties_source_get_title (source)
                         : ties_source_get_id (source);

      for (guint j = 0; j < N_DATES; j++)
        {
          const char *invalid = ties_edit_binder_get_invalid_text (self->binder, source, date_properties[j]);
          g_autofree char *sentence = NULL;

          if (invalid == NULL)
            continue;

          if (j == DATE_PUBLISHED)
            /* Translators: the first %s is a date as typed, the second a source's title */
            sentence = g_strdup_printf (_("The publication date “%s” of “%s” is not valid, so the document keeps its previous date."),
                                        invalid, name);
          else
            /* Translators: the first %s is a date as typed, the second a source's title */
            sentence = g_strdup_printf (_("The retrieval date “%s” of “%s” is not valid, so the document keeps its previous date."),
                                        invalid, name);
          if (text->len > 0)
            g_string_append_c (text, ' ');
          g_string_append (text, sentence);
        }
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}
