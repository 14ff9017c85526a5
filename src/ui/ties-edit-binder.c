/* ties-edit-binder.c: fields that edit an object through the history
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "ties-date.h"
#include "ties-ui-util.h"
#include "ties-edit-binder.h"

/* The event, actor and source editors each had this machinery of their
 * own (a "can edit" test, commit helpers, an entry watcher, the echo
 * and date bookkeeping); they differed only in which fields they had. */

typedef struct
{
  GtkWidget           *widget;    /* a GtkEditable or a GtkTextView */
  GtkTextBuffer       *buffer;    /* the text view's, or NULL */
  const char          *property;  /* interned */
  GQuark               detail;
  TiesEditBinderFlags  flags;
  /* TIES_EDIT_BINDER_DATE: target → the text typed for it that is not
   * a valid date; the target's value when the burst began. */
  GHashTable          *invalid;
  char                *before;
  gboolean             burst;
} Field;

struct _TiesEditBinder
{
  GObject       parent_instance;

  TiesDocument *document;
  GObject      *target;
  gulong        notify_id;

  /* The property being committed, whose notify is our own echo. */
  const char   *echo;
  guint         frozen;

  GPtrArray    *fields;
};

G_DEFINE_FINAL_TYPE (TiesEditBinder, ties_edit_binder, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_TARGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  TYPED,
  BURST_ENDED,
  TARGET_NOTIFY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_free (gpointer data)
{
  Field *field = data;

  g_clear_object (&field->widget);
  g_clear_object (&field->buffer);
  g_clear_pointer (&field->invalid, g_hash_table_unref);
  g_clear_pointer (&field->before, g_free);
  g_free (field);
}

static TiesHistory *
get_history (TiesEditBinder *self)
{
  g_assert (TIES_IS_EDIT_BINDER (self));

  return self->document != NULL ? ties_document_get_history (self->document) : NULL;
}

/* The field's text and the property's value */

static char *
field_get_text (Field *field)
{
  GtkTextIter start, end;

  if (field->buffer == NULL)
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget)));

  gtk_text_buffer_get_bounds (field->buffer, &start, &end);
  return gtk_text_buffer_get_text (field->buffer, &start, &end, FALSE);
}

/* Only when it differs: setting the text moves the cursor. */
static void
field_set_text (Field      *field,
                const char *text)
{
  g_autofree char *old = field_get_text (field);

  if (text == NULL)
    text = "";
  if (g_str_equal (old, text))
    return;

  if (field->buffer != NULL)
    gtk_text_buffer_set_text (field->buffer, text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (field->widget), text);
}

static char *
dup_value_text (GObject *target,
                Field   *field)
{
  if (field->flags & TIES_EDIT_BINDER_LIST)
    {
      g_auto(GStrv) list = NULL;

      g_object_get (target, field->property, &list, NULL);
      return list != NULL ? g_strjoinv (", ", list) : g_strdup ("");
    }
  else
    {
      char *text = NULL;

      g_object_get (target, field->property, &text, NULL);
      return text;
    }
}

static void
show_field (TiesEditBinder *self,
            Field          *field)
{
  const char *invalid = NULL;
  g_autofree char *text = NULL;

  g_assert (TIES_IS_EDIT_BINDER (self));

  if (self->target == NULL)
    return;

  if (field->invalid != NULL)
    invalid = g_hash_table_lookup (field->invalid, self->target);
  text = invalid != NULL ? g_strdup (invalid) : dup_value_text (self->target, field);

  self->frozen++;
  field_set_text (field, text);
  self->frozen--;
}

static Field *
find_field (TiesEditBinder *self,
            gpointer        widget_or_buffer)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->widget == widget_or_buffer || field->buffer == widget_or_buffer)
        return field;
    }

  return NULL;
}

/* Committing */

static void
commit_strv (TiesEditBinder     *self,
             const char         *property,
             const char * const *strv)
{
  g_auto(GStrv) old = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert (TIES_IS_EDIT_BINDER (self));

  g_object_get (self->target, property, &old, NULL);
  if (g_strv_equal (old != NULL ? (const char * const *) old : (const char *[]) { NULL }, strv))
    return;

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, strv);
  ties_edit_binder_commit (self, NULL, property, &value);
}

/* Not valid (yet): the target keeps the value it had before this typing
 * (folded into the same step, which then changes nothing), and the text
 * is remembered so that it is neither lost nor silently dropped. */
static void
commit_date (TiesEditBinder *self,
             Field          *field,
             const char     *text)
{
  g_assert (TIES_IS_EDIT_BINDER (self));

  if (!field->burst)
    {
      g_clear_pointer (&field->before, g_free);
      g_object_get (self->target, field->property, &field->before, NULL);
      field->burst = TRUE;
    }

  if (text[0] != '\0' && !ties_date_validate (text, NULL, NULL))
    {
      g_hash_table_insert (field->invalid, g_object_ref (self->target), g_strdup (text));
      ties_edit_binder_commit_string (self, NULL, field->property, field->before);
      return;
    }

  g_hash_table_remove (field->invalid, self->target);
  ties_edit_binder_commit_string (self, NULL, field->property, text[0] != '\0' ? text : NULL);
}

static void
commit_field (TiesEditBinder *self,
              Field          *field)
{
  g_autofree char *text = NULL;

  g_assert (TIES_IS_EDIT_BINDER (self));

  if (!ties_edit_binder_can_edit (self))
    return;

  text = field_get_text (field);
  if (field->flags & TIES_EDIT_BINDER_DATE)
    commit_date (self, field, text);
  else if (field->flags & TIES_EDIT_BINDER_LIST)
    {
      g_auto(GStrv) list = _ties_split_list (text);

      commit_strv (self, field->property, (const char * const *) list);
    }
  else
    {
      if (field->flags & TIES_EDIT_BINDER_STRIP)
        g_strstrip (text);
      ties_edit_binder_commit_string (self, NULL, field->property,
                                      text[0] == '\0' && (field->flags & TIES_EDIT_BINDER_EMPTY_IS_NULL)
                                      ? NULL : text);
    }

  g_signal_emit (self, signals[TYPED], field->detail, field->property);
}

/* "changed" of an editable or of a text view's buffer */
static void
on_changed (TiesEditBinder *self,
            GObject        *editable_or_buffer)
{
  Field *field = find_field (self, editable_or_buffer);

  g_assert (TIES_IS_EDIT_BINDER (self));

  if (field != NULL)
    commit_field (self, field);
}

/* Enter, the focus leaving a field, the target changing: the next
 * keystroke starts a new step of undo. */
static void
end_burst (TiesEditBinder *self)
{
  g_assert (TIES_IS_EDIT_BINDER (self));

  if (self->target != NULL)
    g_signal_emit (self, signals[BURST_ENDED], 0);

  if (self->document != NULL)
    ties_history_end_merge (get_history (self));
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      g_clear_pointer (&field->before, g_free);
      field->burst = FALSE;
    }
}

/* Following the target */

static void
on_target_notify (TiesEditBinder *self,
                  GParamSpec     *pspec,
                  GObject        *target)
{
  g_assert (TIES_IS_EDIT_BINDER (self));
  g_assert (target == self->target);

  if (self->echo != NULL && g_str_equal (pspec->name, self->echo))
    return;

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (!g_str_equal (field->property, pspec->name))
        continue;

      /* Undo, redo or another view changed a date: the typed text that
       * was not valid is past. */
      if (field->invalid != NULL)
        {
          g_hash_table_remove (field->invalid, target);
          g_clear_pointer (&field->before, g_free);
          field->burst = FALSE;
        }
      show_field (self, field);
    }

  g_signal_emit (self, signals[TARGET_NOTIFY], g_param_spec_get_name_quark (pspec), pspec);
}

/* GObject */

static void
ties_edit_binder_dispose (GObject *object)
{
  TiesEditBinder *self = (TiesEditBinder *) object;

  if (self->target != NULL)
    g_clear_signal_handler (&self->notify_id, self->target);
  g_clear_object (&self->target);
  g_clear_object (&self->document);
  if (self->fields != NULL)
    g_ptr_array_set_size (self->fields, 0);

  G_OBJECT_CLASS (ties_edit_binder_parent_class)->dispose (object);
}

static void
ties_edit_binder_finalize (GObject *object)
{
  TiesEditBinder *self = (TiesEditBinder *) object;

  g_clear_pointer (&self->fields, g_ptr_array_unref);

  G_OBJECT_CLASS (ties_edit_binder_parent_class)->finalize (object);
}

static void
ties_edit_binder_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TiesEditBinder *self = TIES_EDIT_BINDER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_TARGET:
      g_value_set_object (value, self->target);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_edit_binder_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TiesEditBinder *self = TIES_EDIT_BINDER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ties_edit_binder_set_document (self, g_value_get_object (value));
      break;

    case PROP_TARGET:
      ties_edit_binder_set_target (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_edit_binder_class_init (TiesEditBinderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ties_edit_binder_dispose;
  object_class->finalize = ties_edit_binder_finalize;
  object_class->get_property = ties_edit_binder_get_property;
  object_class->set_property = ties_edit_binder_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TIES_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TARGET] =
    g_param_spec_object ("target", NULL, NULL,
                         G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TiesEditBinder::typed:
   * @property: the bound property typed into
   *
   * A keystroke in @property's field was committed (or changed nothing).
   */
  signals[TYPED] =
    g_signal_new ("typed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * TiesEditBinder::burst-ended:
   *
   * The typing ends (Enter, the focus leaving, the target changing, a
   * flush), the target still the one typed into; before the history's
   * merge ends.
   */
  signals[BURST_ENDED] =
    g_signal_new ("burst-ended",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  /**
   * TiesEditBinder::target-notify:
   * @pspec: the property that changed
   *
   * A property of the target changed other than by typing in its bound
   * field (which already shows the change).
   */
  signals[TARGET_NOTIFY] =
    g_signal_new ("target-notify",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_PARAM);
}

static void
ties_edit_binder_init (TiesEditBinder *self)
{
  self->fields = g_ptr_array_new_with_free_func (field_free);
}

/* Public API */

TiesEditBinder *
ties_edit_binder_new (void)
{
  return g_object_new (TIES_TYPE_EDIT_BINDER, NULL);
}

TiesDocument *
ties_edit_binder_get_document (TiesEditBinder *self)
{
  g_return_val_if_fail (TIES_IS_EDIT_BINDER (self), NULL);

  return self->document;
}

void
ties_edit_binder_set_document (TiesEditBinder *self,
                               TiesDocument   *document)
{
  g_return_if_fail (TIES_IS_EDIT_BINDER (self));
  g_return_if_fail (document == NULL || TIES_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  ties_edit_binder_set_target (self, NULL);
  g_set_object (&self->document, document);
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->invalid != NULL)
        g_hash_table_remove_all (field->invalid);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

gpointer
ties_edit_binder_get_target (TiesEditBinder *self)
{
  g_return_val_if_fail (TIES_IS_EDIT_BINDER (self), NULL);

  return self->target;
}

void
ties_edit_binder_set_target (TiesEditBinder *self,
                             gpointer        target)
{
  g_return_if_fail (TIES_IS_EDIT_BINDER (self));
  g_return_if_fail (target == NULL || G_IS_OBJECT (target));

  if (self->target == target)
    return;

  end_burst (self);
  if (self->target != NULL)
    g_clear_signal_handler (&self->notify_id, self->target);
  g_set_object (&self->target, target);

  if (target != NULL)
    {
      self->notify_id =
        g_signal_connect_object (target, "notify", G_CALLBACK (on_target_notify), self, G_CONNECT_SWAPPED);
      for (guint i = 0; i < self->fields->len; i++)
        show_field (self, g_ptr_array_index (self->fields, i));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

void
ties_edit_binder_bind (TiesEditBinder      *self,
                       GtkWidget           *widget,
                       const char          *property,
                       TiesEditBinderFlags  flags)
{
  GtkEventController *focus;
  Field *field;

  g_return_if_fail (TIES_IS_EDIT_BINDER (self));
  g_return_if_fail (GTK_IS_EDITABLE (widget) || GTK_IS_TEXT_VIEW (widget));
  g_return_if_fail (property != NULL);

  field = g_new0 (Field, 1);
  field->widget = g_object_ref (widget);
  field->property = g_intern_string (property);
  field->detail = g_quark_from_string (property);
  field->flags = flags;
  if (flags & TIES_EDIT_BINDER_DATE)
    field->invalid = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  g_ptr_array_add (self->fields, field);

  /* One undo for everything: the document's. The field's own would
   * replay texts of other objects shown in it before. */
  if (GTK_IS_TEXT_VIEW (widget))
    {
      field->buffer = g_object_ref (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)));
      gtk_text_buffer_set_enable_undo (field->buffer, FALSE);
      g_signal_connect_object (field->buffer, "changed", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
    }
  else
    {
      gtk_editable_set_enable_undo (GTK_EDITABLE (widget), FALSE);
      g_signal_connect_object (widget, "changed", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
      if (ADW_IS_ENTRY_ROW (widget))
        g_signal_connect_object (widget, "entry-activated", G_CALLBACK (end_burst), self, G_CONNECT_SWAPPED);
      else if (GTK_IS_ENTRY (widget) || GTK_IS_TEXT (widget))
        g_signal_connect_object (widget, "activate", G_CALLBACK (end_burst), self, G_CONNECT_SWAPPED);
    }

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (end_burst), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, focus);

  show_field (self, field);
}

gboolean
ties_edit_binder_can_edit (TiesEditBinder *self)
{
  g_return_val_if_fail (TIES_IS_EDIT_BINDER (self), FALSE);

  return self->document != NULL && self->target != NULL && self->frozen == 0;
}

void
ties_edit_binder_freeze (TiesEditBinder *self)
{
  g_return_if_fail (TIES_IS_EDIT_BINDER (self));

  self->frozen++;
}

void
ties_edit_binder_thaw (TiesEditBinder *self)
{
  g_return_if_fail (TIES_IS_EDIT_BINDER (self));
  g_return_if_fail (self->frozen > 0);

  self->frozen--;
}

void
ties_edit_binder_commit (TiesEditBinder *self,
                         const char     *label,
                         const char     *property,
                         const GValue   *value)
{
  TiesHistory *history;

  g_return_if_fail (TIES_IS_EDIT_BINDER (self));
  g_return_if_fail (property != NULL);
  g_return_if_fail (G_IS_VALUE (value));

  if (!ties_edit_binder_can_edit (self))
    return;

  /* The history records nothing when the value does not change. */
  history = get_history (self);
  if (label == NULL)
    {
      const char *echo = self->echo;

      self->echo = property;
      ties_history_set_value_merged (history, self->target, property, value);
      self->echo = echo;
      return;
    }

  ties_history_end_merge (history);
  ties_history_begin (history, label);
  ties_history_set_value (history, self->target, property, value);
  ties_history_end (history);
}

void
ties_edit_binder_commit_string (TiesEditBinder *self,
                                const char     *label,
                                const char     *property,
                                const char     *text)
{
  g_autofree char *old = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (TIES_IS_EDIT_BINDER (self));
  g_return_if_fail (property != NULL);

  if (!ties_edit_binder_can_edit (self))
    return;

  g_object_get (self->target, property, &old, NULL);
  if (g_strcmp0 (old != NULL ? old : "", text != NULL ? text : "") == 0)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  ties_edit_binder_commit (self, label, property, &value);
}

void
ties_edit_binder_flush (TiesEditBinder *self)
{
  g_return_if_fail (TIES_IS_EDIT_BINDER (self));

  end_burst (self);
}

void
ties_edit_binder_set_echo (TiesEditBinder *self,
                           const char     *property)
{
  g_return_if_fail (TIES_IS_EDIT_BINDER (self));

  self->echo = property != NULL ? g_intern_string (property) : NULL;
}

const char *
ties_edit_binder_get_invalid_text (TiesEditBinder *self,
                                   gpointer        target,
                                   const char     *property)
{
  g_return_val_if_fail (TIES_IS_EDIT_BINDER (self), NULL);
  g_return_val_if_fail (property != NULL, NULL);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->invalid != NULL && g_str_equal (field->property, property))
        return g_hash_table_lookup (field->invalid, target);
    }

  return NULL;
}

gboolean
ties_edit_binder_has_invalid_text (TiesEditBinder *self)
{
  g_return_val_if_fail (TIES_IS_EDIT_BINDER (self), FALSE);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->invalid != NULL && g_hash_table_size (field->invalid) > 0)
        return TRUE;
    }

  return FALSE;
}
