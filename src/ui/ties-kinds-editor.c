/* ties-kinds-editor.c: a dialog to add, rename and recolour event kinds
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ties-ui-util.h"
#include "ties-kinds-editor.h"

/* One row per kind id: the built-in kinds first (or the document's copy
 * of one, once edited), then the document's own. A row names its kind
 * by id, not by object, because the first edit of a built-in kind
 * replaces it by the document's copy: the row being typed into must
 * stay, so rows are rebuilt only when the ids change, and otherwise
 * show the kinds' new values in place.
 *
 * Typing a label applies at once, a burst of typing being one step of
 * undo (after the step that declares a built-in kind in the document);
 * a colour or a line is one step, declaration included. */

struct _TiesKindsEditor
{
  AdwWindow             parent_instance;

  TiesDocument         *document;
  gulong                parts_changed_id;

  GPtrArray            *rows;           /* AdwEntryRow, one per kind */
  GPtrArray            *ids;            /* their kinds' ids */
  /* The kind whose label is being typed, whose change is our own echo. */
  const char           *committing;
  guint                 updating;

  AdwPreferencesGroup  *kinds_group;
  AdwEntryRow          *new_kind_row;
};

G_DEFINE_FINAL_TYPE (TiesKindsEditor, ties_kinds_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
line_label (TiesLineStyle line)
{
  switch (line)
    {
    case TIES_LINE_SOLID:
      return C_("line style", "Solid");
    case TIES_LINE_DASHED:
      return C_("line style", "Dashed");
    case TIES_LINE_DOTTED:
      return C_("line style", "Dotted");
    case TIES_LINE_DASH_DOT:
      return C_("line style", "Dash-Dot");
    default:
      return "";
    }
}

/* Built-in ids, then those the document declares that are not built in. */
static GPtrArray *
collect_ids (TiesKindsEditor *self)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GListModel *builtins = ties_event_kind_get_builtins ();
  GListModel *declared;

  g_assert (TIES_IS_KINDS_EDITOR (self));

  for (guint i = 0; i < g_list_model_get_n_items (builtins); i++)
    {
      g_autoptr(TiesEventKind) kind = g_list_model_get_item (builtins, i);

      g_ptr_array_add (ids, g_strdup (ties_event_kind_get_id (kind)));
    }

  if (self->document == NULL)
    return ids;

  declared = G_LIST_MODEL (ties_document_get_event_kinds (self->document));
  for (guint i = 0; i < g_list_model_get_n_items (declared); i++)
    {
      g_autoptr(TiesEventKind) kind = g_list_model_get_item (declared, i);
      const char *id = ties_event_kind_get_id (kind);

      if (id != NULL && ties_event_kind_lookup_builtin (id) == NULL
          && !g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
        g_ptr_array_add (ids, g_strdup (id));
    }

  return ids;
}

static TiesEventKind *
lookup_kind (TiesKindsEditor *self,
             const char      *id)
{
  g_assert (TIES_IS_KINDS_EDITOR (self));

  return self->document != NULL
         ? ties_document_lookup_event_kind (self->document, id)
         : ties_event_kind_lookup_builtin (id);
}

static void
update_row (TiesKindsEditor *self,
            AdwEntryRow     *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "kind-id");
  GtkColorChooser *color = g_object_get_data (G_OBJECT (row), "color-button");
  GtkDropDown *line = g_object_get_data (G_OBJECT (row), "line-dropdown");
  TiesEventKind *kind = lookup_kind (self, id);
  GdkRGBA rgba;

  g_assert (TIES_IS_KINDS_EDITOR (self));

  if (kind == NULL)
    return;

  self->updating++;

  if (g_strcmp0 (self->committing, id) != 0)
    _ties_entry_row_set_text (row, ties_event_kind_get_label (kind));
  if (gdk_rgba_parse (&rgba, ties_event_kind_get_display_color (kind)))
    {
      GdkRGBA old;

      gtk_color_chooser_get_rgba (color, &old);
      if (!gdk_rgba_equal (&old, &rgba))
        gtk_color_chooser_set_rgba (color, &rgba);
    }
  if (gtk_drop_down_get_selected (line) != ties_event_kind_get_line (kind))
    gtk_drop_down_set_selected (line, ties_event_kind_get_line (kind));

  self->updating--;
}

/* Editing */

static void
commit_label (TiesKindsEditor *self,
              AdwEntryRow     *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "kind-id");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  TiesEventKind *kind;
  TiesHistory *history;
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert (TIES_IS_KINDS_EDITOR (self));

  if (self->document == NULL || self->updating > 0)
    return;

  kind = lookup_kind (self, id);
  if (kind == NULL || g_strcmp0 (ties_event_kind_get_label (kind), text) == 0)
    return;

  history = ties_document_get_history (self->document);
  self->committing = id;
  kind = ties_document_edit_event_kind (self->document, id);
  if (kind != NULL)
    {
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, text);
      ties_history_set_value_merged (history, kind, "label", &value);
    }
  self->committing = NULL;
}

static void
end_burst (TiesKindsEditor *self)
{
  g_assert (TIES_IS_KINDS_EDITOR (self));

  if (self->document != NULL)
    ties_history_end_merge (ties_document_get_history (self->document));
}

/* A choice, as one step of undo with the declaration it may need. */
static void
commit_choice (TiesKindsEditor *self,
               const char      *id,
               const char      *label,
               const char      *property,
               const GValue    *value)
{
  TiesHistory *history;
  TiesEventKind *kind;

  g_assert (TIES_IS_KINDS_EDITOR (self));

  if (self->document == NULL || self->updating > 0)
    return;

  history = ties_document_get_history (self->document);
  ties_history_end_merge (history);
  ties_history_begin (history, label);
  kind = ties_document_edit_event_kind (self->document, id);
  if (kind != NULL)
    ties_history_set_value (history, kind, property, value);
  ties_history_end (history);
}

static void
on_color_set (TiesKindsEditor *self,
              GtkColorButton  *button)
{
  AdwEntryRow *row = g_object_get_data (G_OBJECT (button), "row");
  const char *id = g_object_get_data (G_OBJECT (row), "kind-id");
  TiesEventKind *kind = lookup_kind (self, id);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *color = NULL;
  GdkRGBA rgba;

  g_assert (TIES_IS_KINDS_EDITOR (self));

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  color = g_strdup_printf ("#%02x%02x%02x",
                           (guint) (CLAMP (rgba.red, 0.f, 1.f) * 255.f + .5f),
                           (guint) (CLAMP (rgba.green, 0.f, 1.f) * 255.f + .5f),
                           (guint) (CLAMP (rgba.blue, 0.f, 1.f) * 255.f + .5f));
  if (kind == NULL || g_ascii_strcasecmp (ties_event_kind_get_display_color (kind), color) == 0)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, color);
  commit_choice (self, id, _("Change Kind Colour"), "color", &value);
}

static void
on_line_selected (TiesKindsEditor *self,
                  GParamSpec      *pspec G_GNUC_UNUSED,
                  GtkDropDown     *dropdown)
{
  AdwEntryRow *row = g_object_get_data (G_OBJECT (dropdown), "row");
  const char *id = g_object_get_data (G_OBJECT (row), "kind-id");
  TiesEventKind *kind = lookup_kind (self, id);
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert (TIES_IS_KINDS_EDITOR (self));

  if (kind == NULL || selected > TIES_LINE_DASH_DOT || selected == ties_event_kind_get_line (kind))
    return;

  g_value_init (&value, TIES_TYPE_LINE_STYLE);
  g_value_set_enum (&value, selected);
  commit_choice (self, id, _("Change Kind Line"), "line", &value);
}

/* Rows */

static GtkWidget *
create_row (TiesKindsEditor *self,
            const char      *id)
{
  g_autofree char *title = NULL;
  g_autofree char *color_name = NULL;
  g_autofree char *line_name = NULL;
  const char *line_labels[TIES_LINE_DASH_DOT + 2];
  GtkEventController *focus;
  GtkWidget *row;
  GtkWidget *color;
  GtkWidget *line;

  g_assert (TIES_IS_KINDS_EDITOR (self));

  row = adw_entry_row_new ();
  g_object_set_data_full (G_OBJECT (row), "kind-id", g_strdup (id), g_free);
  if (ties_event_kind_lookup_builtin (id) != NULL)
    /* Translators: %s is the id of a kind Ties knows by itself, such as "phone-call" */
    title = g_strdup_printf (_("Name of “%s” (built in)"), id);
  else
    /* Translators: %s is the id of a kind of event, such as "workshop" */
    title = g_strdup_printf (_("Name of “%s”"), id);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);

  color = gtk_color_button_new ();
  gtk_widget_set_valign (color, GTK_ALIGN_CENTER);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (color), FALSE);
  /* Translators: %s is the id of a kind of event */
  color_name = g_strdup_printf (_("Colour of “%s”"), id);
  gtk_color_button_set_title (GTK_COLOR_BUTTON (color), color_name);
  gtk_widget_set_tooltip_text (color, color_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (color),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, color_name,
                                  -1);
  /* The button inside takes the focus, and shows only a swatch. */
  if (GTK_IS_ACCESSIBLE (gtk_widget_get_first_child (color)))
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (color)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, color_name,
                                    -1);
  g_object_set_data (G_OBJECT (color), "row", row);
  g_object_set_data (G_OBJECT (row), "color-button", color);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), color);

  for (guint i = 0; i <= TIES_LINE_DASH_DOT; i++)
    line_labels[i] = line_label (i);
  line_labels[TIES_LINE_DASH_DOT + 1] = NULL;
  line = gtk_drop_down_new_from_strings (line_labels);
  gtk_widget_set_valign (line, GTK_ALIGN_CENTER);
  /* Translators: %s is the id of a kind of event */
  line_name = g_strdup_printf (_("Line of “%s”"), id);
  gtk_widget_set_tooltip_text (line, line_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (line),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, line_name,
                                  -1);
  _ties_drop_down_name_button (GTK_DROP_DOWN (line), line_name);
  g_object_set_data (G_OBJECT (line), "row", row);
  g_object_set_data (G_OBJECT (row), "line-dropdown", line);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), line);

  update_row (self, ADW_ENTRY_ROW (row));

  g_signal_connect_object (row, "changed", G_CALLBACK (commit_label), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (end_burst), self, G_CONNECT_SWAPPED);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (end_burst), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (row, focus);
  g_signal_connect_object (color, "color-set", G_CALLBACK (on_color_set), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (line, "notify::selected", G_CALLBACK (on_line_selected), self, G_CONNECT_SWAPPED);

  return row;
}

/* Rows stay for the kinds that stay, so that a kind added or removed
 * does not take the focus from the row being typed into. */
static void
refresh (TiesKindsEditor *self)
{
  g_autoptr(GPtrArray) ids = NULL;
  guint kept = 0;

  g_assert (TIES_IS_KINDS_EDITOR (self));

  ids = collect_ids (self);

  /* The rows of ids gone go; the others keep their order. */
  for (guint i = self->rows->len; i > 0; i--)
    if (!g_ptr_array_find_with_equal_func (ids, g_ptr_array_index (self->ids, i - 1), g_str_equal, NULL))
      {
        adw_preferences_group_remove (self->kinds_group, g_ptr_array_index (self->rows, i - 1));
        g_ptr_array_remove_index (self->rows, i - 1);
        g_ptr_array_remove_index (self->ids, i - 1);
      }

  /* A group only appends: when the ids left are not the first of the
   * new order, all rows are made again. */
  while (kept < self->ids->len && kept < ids->len
         && g_str_equal (g_ptr_array_index (self->ids, kept), g_ptr_array_index (ids, kept)))
    kept++;
  if (kept < self->ids->len)
    {
      for (guint i = 0; i < self->rows->len; i++)
        adw_preferences_group_remove (self->kinds_group, g_ptr_array_index (self->rows, i));
      g_ptr_array_set_size (self->rows, 0);
      kept = 0;
    }

  for (guint i = 0; i < kept; i++)
    update_row (self, g_ptr_array_index (self->rows, i));

  for (guint i = kept; i < ids->len; i++)
    {
      GtkWidget *row = create_row (self, g_ptr_array_index (ids, i));

      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (self->kinds_group, row);
    }

  g_clear_pointer (&self->ids, g_ptr_array_unref);
  self->ids = g_steal_pointer (&ids);
}

static void
on_document_parts_changed (TiesKindsEditor    *self,
                           TiesDocumentChange  changes)
{
  g_assert (TIES_IS_KINDS_EDITOR (self));

  if (changes & TIES_DOCUMENT_CHANGE_EVENT_KINDS)
    refresh (self);
}

/* A new kind */

static TiesEventKind *
find_kind_by_label (TiesKindsEditor *self,
                    const char      *label)
{
  g_autofree char *wanted = g_utf8_casefold (label, -1);

  g_assert (TIES_IS_KINDS_EDITOR (self));

  for (guint i = 0; i < self->ids->len; i++)
    {
      TiesEventKind *kind = lookup_kind (self, g_ptr_array_index (self->ids, i));
      g_autofree char *folded = NULL;

      if (kind == NULL)
        continue;
      folded = g_utf8_casefold (ties_event_kind_get_label (kind), -1);
      if (g_str_equal (folded, wanted))
        return kind;
    }

  return NULL;
}

static void
on_new_kind_changed (TiesKindsEditor *self)
{
  g_autofree char *label = NULL;

  g_assert (TIES_IS_KINDS_EDITOR (self));

  label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_kind_row))));
  if (label[0] != '\0' && find_kind_by_label (self, label) != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->new_kind_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->new_kind_row), _("A kind with this name exists already"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_kind_row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("A kind with this name exists already"),
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->new_kind_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->new_kind_row), NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->new_kind_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
on_new_kind_apply (TiesKindsEditor *self)
{
  g_assert (TIES_IS_KINDS_EDITOR (self));

  if (ties_kinds_editor_add_kind (self, gtk_editable_get_text (GTK_EDITABLE (self->new_kind_row))) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->new_kind_row), "");
}

/* GObject */

static void
set_document (TiesKindsEditor *self,
              TiesDocument    *document)
{
  g_assert (TIES_IS_KINDS_EDITOR (self));
  g_assert (self->document == NULL);

  if (document == NULL)
    return;

  self->document = g_object_ref (document);
  self->parts_changed_id =
    g_signal_connect_object (document, "parts-changed",
                             G_CALLBACK (on_document_parts_changed), self, G_CONNECT_SWAPPED);
  refresh (self);
}

static void
ties_kinds_editor_dispose (GObject *object)
{
  TiesKindsEditor *self = (TiesKindsEditor *) object;

  self->updating++;

  if (self->document != NULL)
    {
      ties_history_end_merge (ties_document_get_history (self->document));
      g_clear_signal_handler (&self->parts_changed_id, self->document);
    }
  g_clear_object (&self->document);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->ids, g_ptr_array_unref);

  G_OBJECT_CLASS (ties_kinds_editor_parent_class)->dispose (object);
}

static void
ties_kinds_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TiesKindsEditor *self = TIES_KINDS_EDITOR (object);

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
ties_kinds_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TiesKindsEditor *self = TIES_KINDS_EDITOR (object);

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
ties_kinds_editor_class_init (TiesKindsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ties_kinds_editor_dispose;
  object_class->get_property = ties_kinds_editor_get_property;
  object_class->set_property = ties_kinds_editor_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TIES_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tiesapp/Ties/ui/ties-kinds-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TiesKindsEditor, kinds_group);
  gtk_widget_class_bind_template_child (widget_class, TiesKindsEditor, new_kind_row);
  gtk_widget_class_bind_template_callback (widget_class, on_new_kind_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_new_kind_changed);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ties_kinds_editor_init (TiesKindsEditor *self)
{
  self->rows = g_ptr_array_new ();
  self->ids = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  _ties_name_group_lists (GTK_WIDGET (self), gtk_window_get_title (GTK_WINDOW (self)));

  refresh (self);
}

/* Public API */

GtkWidget *
ties_kinds_editor_new (GtkWindow    *parent,
                       TiesDocument *document)
{
  GtkWidget *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TIES_IS_DOCUMENT (document), NULL);

  self = g_object_new (TIES_TYPE_KINDS_EDITOR,
                       "transient-for", parent,
                       "document", document,
                       NULL);
  _ties_window_fit_parent (GTK_WINDOW (self));

  return self;
}

TiesDocument *
ties_kinds_editor_get_document (TiesKindsEditor *self)
{
  g_return_val_if_fail (TIES_IS_KINDS_EDITOR (self), NULL);

  return self->document;
}

TiesEventKind *
ties_kinds_editor_add_kind (TiesKindsEditor *self,
                            const char      *label)
{
  g_autofree char *stripped = NULL;
  g_autofree char *id = NULL;
  g_autoptr(TiesEventKind) kind = NULL;

  g_return_val_if_fail (TIES_IS_KINDS_EDITOR (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  if (self->document == NULL)
    return NULL;

  stripped = g_strstrip (g_strdup (label));
  if (stripped[0] == '\0' || find_kind_by_label (self, stripped) != NULL)
    return NULL;

  /* "Planned meeting" → "planned-meeting"; ids of actors, sources and
   * events are taken already, and kinds have their own. */
  id = ties_document_make_id (self->document, stripped);
  for (guint n = 2; ties_document_lookup_event_kind (self->document, id) != NULL; n++)
    {
      g_autofree char *numbered = g_strdup_printf ("%s %u", stripped, n);

      g_free (id);
      id = ties_document_make_id (self->document, numbered);
    }

  kind = ties_event_kind_new (id, stripped, TIES_LINE_SOLID);
  ties_history_end_merge (ties_document_get_history (self->document));
  ties_document_add_event_kind (self->document, kind);

  return ties_document_lookup_event_kind (self->document, id);
}
