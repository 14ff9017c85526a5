/* ties-source-editor.c: edits one source's details, every change undoable
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ties-date.h"
#include "ties-ui-util.h"
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
 * by ties_source_editor_get_unapplied_text(). */

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
  /* TiesSource → the invalid date text typed for it */
  GHashTable   *invalid;
  /* The source's date when the burst of typing in the field began */
  char         *before;
  gboolean      burst;
} DateEntry;

struct _TiesSourceEditor
{
  GtkWidget     parent_instance;

  TiesDocument *document;
  TiesSource   *source;
  gulong        source_notify_id;

  /* The property being typed into, whose notify is our own echo. */
  const char   *committing;
  guint         updating;

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

/* Helpers */

static TiesHistory *
get_history (TiesSourceEditor *self)
{
  g_assert (TIES_IS_SOURCE_EDITOR (self));

  return self->document != NULL ? ties_document_get_history (self->document) : NULL;
}

static gboolean
can_edit (TiesSourceEditor *self)
{
  g_assert (TIES_IS_SOURCE_EDITOR (self));

  return self->document != NULL && self->source != NULL && self->updating == 0;
}

/* Enter, or the focus leaving a field: the next keystroke starts a new
 * step of undo. */
static void
end_burst (TiesSourceEditor *self)
{
  g_assert (TIES_IS_SOURCE_EDITOR (self));

  if (self->document != NULL)
    ties_history_end_merge (get_history (self));
  for (guint i = 0; i < N_DATES; i++)
    {
      g_clear_pointer (&self->dates[i].before, g_free);
      self->dates[i].burst = FALSE;
    }
}

static void
commit_string (TiesSourceEditor *self,
               const char       *property,
               const char       *text)
{
  g_autofree char *old = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert (TIES_IS_SOURCE_EDITOR (self));

  if (!can_edit (self))
    return;

  g_object_get (self->source, property, &old, NULL);
  if (g_strcmp0 (old != NULL ? old : "", text != NULL ? text : "") == 0)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  self->committing = property;
  ties_history_set_value_merged (get_history (self), self->source, property, &value);
  self->committing = NULL;
}

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

static void
update_field (TiesSourceEditor *self,
              const char       *property)
{
  g_assert (TIES_IS_SOURCE_EDITOR (self));
  g_assert (TIES_IS_SOURCE (self->source));

  self->updating++;

  if (property == NULL || g_str_equal (property, "title"))
    _ties_entry_row_set_text (self->title_row, ties_source_get_title (self->source));
  if (property == NULL || g_str_equal (property, "publisher"))
    _ties_entry_row_set_text (self->publisher_row, ties_source_get_publisher (self->source));
  if (property == NULL || g_str_equal (property, "author"))
    _ties_entry_row_set_text (self->author_row, ties_source_get_author (self->source));
  if (property == NULL || g_str_equal (property, "url"))
    _ties_entry_row_set_text (self->url_row, ties_source_get_url (self->source));
  for (guint i = 0; i < N_DATES; i++)
    if (property == NULL || g_str_equal (property, date_properties[i]))
      {
        const char *invalid = g_hash_table_lookup (self->dates[i].invalid, self->source);
        g_autofree char *date = NULL;

        g_object_get (self->source, date_properties[i], &date, NULL);
        _ties_entry_row_set_text (self->dates[i].row, invalid != NULL ? invalid : date);
        update_date_status (self, i);
      }
  if (property == NULL || g_str_equal (property, "notes"))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
      g_autofree char *old = NULL;
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      old = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (g_strcmp0 (old, ties_source_get_notes (self->source)) != 0)
        gtk_text_buffer_set_text (buffer, ties_source_get_notes (self->source), -1);
    }

  self->updating--;
}

static void
on_source_notify (TiesSourceEditor *self,
                  GParamSpec       *pspec,
                  TiesSource       *source)
{
  g_assert (TIES_IS_SOURCE_EDITOR (self));
  g_assert (TIES_IS_SOURCE (source));

  if (self->committing != NULL && g_str_equal (pspec->name, self->committing))
    return;

  /* Undo, redo or another view changed a date: the typed text that was
   * not valid is past. */
  for (guint i = 0; i < N_DATES; i++)
    if (g_str_equal (pspec->name, date_properties[i]))
      {
        g_hash_table_remove (self->dates[i].invalid, source);
        g_clear_pointer (&self->dates[i].before, g_free);
        self->dates[i].burst = FALSE;
      }

  update_field (self, pspec->name);
}

/* Committing the fields */

static void
commit_title (TiesSourceEditor *self)
{
  commit_string (self, "title", gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
}

static void
commit_publisher (TiesSourceEditor *self)
{
  commit_string (self, "publisher", gtk_editable_get_text (GTK_EDITABLE (self->publisher_row)));
}

static void
commit_author (TiesSourceEditor *self)
{
  commit_string (self, "author", gtk_editable_get_text (GTK_EDITABLE (self->author_row)));
}

static void
commit_url (TiesSourceEditor *self)
{
  commit_string (self, "url", gtk_editable_get_text (GTK_EDITABLE (self->url_row)));
}

static void
commit_date (TiesSourceEditor *self,
             DateField         field)
{
  DateEntry *entry = &self->dates[field];
  const char *property = date_properties[field];
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry->row));

  g_assert (TIES_IS_SOURCE_EDITOR (self));

  update_date_status (self, field);

  if (!can_edit (self))
    return;

  if (!entry->burst)
    {
      g_object_get (self->source, property, &entry->before, NULL);
      entry->burst = TRUE;
    }

  /* Not valid (yet): the source keeps the date it had before this
   * typing (folded into the same step, which then changes nothing), and
   * the text is remembered so that it is neither lost nor silently
   * dropped. */
  if (text[0] != '\0' && !ties_date_validate (text, NULL, NULL))
    {
      g_hash_table_insert (entry->invalid, g_object_ref (self->source), g_strdup (text));
      commit_string (self, property, entry->before);
      return;
    }

  g_hash_table_remove (entry->invalid, self->source);
  commit_string (self, property, text[0] != '\0' ? text : NULL);
}

static void
commit_published (TiesSourceEditor *self)
{
  commit_date (self, DATE_PUBLISHED);
}

static void
commit_retrieved (TiesSourceEditor *self)
{
  commit_date (self, DATE_RETRIEVED);
}

static void
commit_notes (TiesSourceEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  commit_string (self, "notes", text);
}

static void
watch_entry (TiesSourceEditor *self,
             AdwEntryRow      *row,
             GCallback         commit)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_assert (TIES_IS_SOURCE_EDITOR (self));

  /* One undo for everything: the document's. The field's own would
   * replay texts of other sources shown in it before. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);

  g_signal_connect_object (row, "changed", commit, self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (end_burst), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (row), focus);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (end_burst), self, G_CONNECT_SWAPPED);
}

/* GObject */

static void
ties_source_editor_dispose (GObject *object)
{
  TiesSourceEditor *self = (TiesSourceEditor *) object;

  /* Nothing is committed while the widgets go away. */
  self->updating++;

  if (self->source != NULL)
    g_clear_signal_handler (&self->source_notify_id, self->source);

  gtk_widget_dispose_template (GTK_WIDGET (self), TIES_TYPE_SOURCE_EDITOR);

  g_clear_object (&self->source);
  g_clear_object (&self->document);
  for (guint i = 0; i < N_DATES; i++)
    {
      g_clear_pointer (&self->dates[i].invalid, g_hash_table_unref);
      g_clear_pointer (&self->dates[i].before, g_free);
    }

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
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->dates[DATE_PUBLISHED].row = self->published_row;
  self->dates[DATE_PUBLISHED].status_row = self->published_status_row;
  self->dates[DATE_PUBLISHED].status_icon = self->published_status_icon;
  self->dates[DATE_RETRIEVED].row = self->retrieved_row;
  self->dates[DATE_RETRIEVED].status_row = self->retrieved_status_row;
  self->dates[DATE_RETRIEVED].status_icon = self->retrieved_status_icon;
  for (guint i = 0; i < N_DATES; i++)
    self->dates[i].invalid = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);

  watch_entry (self, self->title_row, G_CALLBACK (commit_title));
  watch_entry (self, self->publisher_row, G_CALLBACK (commit_publisher));
  watch_entry (self, self->author_row, G_CALLBACK (commit_author));
  watch_entry (self, self->url_row, G_CALLBACK (commit_url));
  watch_entry (self, self->published_row, G_CALLBACK (commit_published));
  watch_entry (self, self->retrieved_row, G_CALLBACK (commit_retrieved));

  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->notes_view), FALSE);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (commit_notes), self, G_CONNECT_SWAPPED);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (end_burst), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->notes_view), focus);
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
  for (guint i = 0; i < N_DATES; i++)
    g_hash_table_remove_all (self->dates[i].invalid);

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

  end_burst (self);
  if (self->source != NULL)
    g_clear_signal_handler (&self->source_notify_id, self->source);
  g_set_object (&self->source, source);

  if (source != NULL)
    {
      self->source_notify_id =
        g_signal_connect_object (source, "notify", G_CALLBACK (on_source_notify), self, G_CONNECT_SWAPPED);
      update_field (self, NULL);
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
          const char *invalid = g_hash_table_lookup (self->dates[j].invalid, source);
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
