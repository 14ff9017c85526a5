/* ties-history.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gobject/gvaluecollector.h>

#include "ties-history.h"
#include "ties-util.h"

/* Every edit is one of two reversible primitives, property changes and list
 * splices, so any compound edit (deleting an actor and every reference to
 * it) undoes exactly by replaying its primitives backwards. */
typedef enum {
  COMMAND_SET,
  COMMAND_SPLICE,
  COMMAND_GROUP,
} CommandType;

typedef struct _Command Command;

struct _Command
{
  CommandType type;
  char *label;

  /* Unique in the history, so a save can name the state it wrote even
   * after undo and new edits reuse its position. */
  guint64 id;

  /* COMMAND_SET made by ties_history_set_value_merged(): later keystrokes
   * may fold into it until @merge_until (monotonic time). */
  gint64 merge_until;

  /* COMMAND_SET */
  GObject *object;
  /* The history's owner is not referenced: it owns the history. */
  gboolean object_borrowed;
  GParamSpec *pspec;
  GValue old_value;
  GValue new_value;

  /* COMMAND_SPLICE */
  GListStore *store;
  guint position;
  GPtrArray *removed;
  GPtrArray *added;

  /* COMMAND_GROUP */
  GPtrArray *children;
};

struct _TiesHistory
{
  GObject parent_instance;

  /* Commands done, oldest first; those at index >= position were undone. */
  GPtrArray *commands;
  guint position;

  /* Open groups, innermost last. */
  GPtrArray *open_groups;

  /* The object whose history this is (a document), not referenced. */
  GObject *owner;

  /* The position at the last save, or G_MAXUINT when that state is gone. */
  guint saved_position;

  /* Counts every change applied, inside groups too. */
  guint64 serial;

  /* The next command's id; 0 names the state before any command. */
  guint64 next_id;

  /* The id of a command nothing may merge into any more: a save took
   * its state, or the burst of typing it holds ended. */
  guint64 sealed_id;

  guint applying : 1;
};

G_DEFINE_FINAL_TYPE (TiesHistory, ties_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  APPLIED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
command_free (Command *command)
{
  if (command == NULL)
    return;

  g_free (command->label);
  if (command->object_borrowed)
    command->object = NULL;
  g_clear_object (&command->object);
  g_clear_pointer (&command->pspec, g_param_spec_unref);
  if (G_IS_VALUE (&command->old_value))
    g_value_unset (&command->old_value);
  if (G_IS_VALUE (&command->new_value))
    g_value_unset (&command->new_value);
  g_clear_object (&command->store);
  g_clear_pointer (&command->removed, g_ptr_array_unref);
  g_clear_pointer (&command->added, g_ptr_array_unref);
  g_clear_pointer (&command->children, g_ptr_array_unref);
  g_free (command);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Command, command_free)

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  /* Boxed values compare by pointer in g_param_values_cmp(). */
  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    return _ties_strv_equal (g_value_get_boxed (a), g_value_get_boxed (b));

  return g_param_values_cmp (pspec, a, b) == 0;
}

static void
splice_store (GListStore *store,
              guint       position,
              guint       n_removals,
              GPtrArray  *additions)
{
  g_list_store_splice (store, position, n_removals,
                       additions != NULL ? additions->pdata : NULL,
                       additions != NULL ? additions->len : 0);
}

static void
command_apply (Command  *command,
               gboolean  undo)
{
  switch (command->type)
    {
    case COMMAND_SET:
      g_object_set_property (command->object, command->pspec->name,
                             undo ? &command->old_value : &command->new_value);
      break;

    case COMMAND_SPLICE:
      if (undo)
        splice_store (command->store, command->position, command->added->len, command->removed);
      else
        splice_store (command->store, command->position, command->removed->len, command->added);
      break;

    case COMMAND_GROUP:
      if (undo)
        {
          for (guint i = command->children->len; i > 0; i--)
            command_apply (g_ptr_array_index (command->children, i - 1), TRUE);
        }
      else
        {
          for (guint i = 0; i < command->children->len; i++)
            command_apply (g_ptr_array_index (command->children, i), FALSE);
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Says what each primitive of @command changed, so that the owner can
 * tell its listeners which parts of it an edit touched. */
static void
ties_history_announce (TiesHistory *self,
                       Command     *command)
{
  g_assert (TIES_IS_HISTORY (self));

  switch (command->type)
    {
    case COMMAND_SET:
      g_signal_emit (self, signals[APPLIED], 0, command->object, command->pspec);
      break;

    case COMMAND_SPLICE:
      g_signal_emit (self, signals[APPLIED], 0, command->store, NULL);
      break;

    case COMMAND_GROUP:
      for (guint i = 0; i < command->children->len; i++)
        ties_history_announce (self, g_ptr_array_index (command->children, i));
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
ties_history_notify_state (TiesHistory *self)
{
  g_assert (TIES_IS_HISTORY (self));

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

/* Takes a command that has already been applied. */
static void
ties_history_record (TiesHistory *self,
                     Command     *command)
{
  g_assert (TIES_IS_HISTORY (self));
  g_assert (command != NULL);

  if (self->open_groups->len > 0)
    {
      Command *group = g_ptr_array_index (self->open_groups, self->open_groups->len - 1);
      g_ptr_array_add (group->children, command);
      return;
    }

  /* A new edit makes the undone ones unreachable. */
  if (self->position < self->commands->len)
    {
      if (self->saved_position > self->position)
        self->saved_position = G_MAXUINT;
      g_ptr_array_set_size (self->commands, self->position);
    }

  command->id = self->next_id++;
  g_ptr_array_add (self->commands, command);
  self->position = self->commands->len;

  ties_history_notify_state (self);
}

static guint64
ties_history_top_id (TiesHistory *self)
{
  g_assert (TIES_IS_HISTORY (self));

  if (self->position == 0)
    return 0;

  return ((Command *) g_ptr_array_index (self->commands, self->position - 1))->id;
}

static void
ties_history_finalize (GObject *object)
{
  TiesHistory *self = (TiesHistory *) object;

  g_clear_pointer (&self->open_groups, g_ptr_array_unref);
  g_clear_pointer (&self->commands, g_ptr_array_unref);

  G_OBJECT_CLASS (ties_history_parent_class)->finalize (object);
}

static void
ties_history_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TiesHistory *self = TIES_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, ties_history_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, ties_history_get_can_redo (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, ties_history_get_undo_label (self));
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, ties_history_get_redo_label (self));
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, ties_history_get_modified (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_history_class_init (TiesHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ties_history_finalize;
  object_class->get_property = ties_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Whether the document differs from its last saved state. */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After every recorded edit, undo and redo. */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  /* As each edit, undo or redo is applied, before "changed": a property
   * of @object (@pspec), or the items of the list store @object (@pspec
   * NULL). Once for each property or store an edit changes. */
  signals[APPLIED] =
    g_signal_new ("applied",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, G_TYPE_OBJECT, G_TYPE_PARAM);
}

static void
ties_history_init (TiesHistory *self)
{
  self->commands = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
  self->open_groups = g_ptr_array_new ();
  self->next_id = 1;
}

TiesHistory *
ties_history_new (void)
{
  return g_object_new (TIES_TYPE_HISTORY, NULL);
}

void
ties_history_begin (TiesHistory *self,
                    const char  *label)
{
  Command *group;

  g_return_if_fail (TIES_IS_HISTORY (self));
  g_return_if_fail (!self->applying);

  group = g_new0 (Command, 1);
  group->type = COMMAND_GROUP;
  group->label = g_strdup (label);
  group->children = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);

  g_ptr_array_add (self->open_groups, group);
}

void
ties_history_end (TiesHistory *self)
{
  Command *group;

  g_return_if_fail (TIES_IS_HISTORY (self));
  g_return_if_fail (self->open_groups->len > 0);

  group = g_ptr_array_steal_index (self->open_groups, self->open_groups->len - 1);

  /* An empty group is not a step; a group of one is that one step. */
  if (group->children->len == 0)
    {
      command_free (group);
      return;
    }

  if (self->open_groups->len > 0)
    {
      g_ptr_array_add (((Command *) g_ptr_array_index (self->open_groups, self->open_groups->len - 1))->children, group);
      return;
    }

  ties_history_record (self, group);
}

/* The step a keystroke folds into: the last one, if it set the same
 * property of the same object by typing a moment ago, is still the newest,
 * and is neither the saved state nor one a save is writing. */
static Command *
ties_history_merge_target (TiesHistory *self,
                           GObject     *object,
                           GParamSpec  *pspec)
{
  Command *top;

  g_assert (TIES_IS_HISTORY (self));

  if (self->open_groups->len > 0 ||
      self->position == 0 ||
      self->position != self->commands->len ||
      self->saved_position == self->position)
    return NULL;

  top = g_ptr_array_index (self->commands, self->position - 1);
  if (top->type != COMMAND_SET ||
      top->object != object ||
      top->pspec != pspec ||
      top->id == self->sealed_id ||
      top->merge_until < g_get_monotonic_time ())
    return NULL;

  return top;
}

static void
ties_history_merge (TiesHistory  *self,
                    Command      *top,
                    const GValue *value)
{
  g_auto(GValue) stored = G_VALUE_INIT;

  g_assert (TIES_IS_HISTORY (self));
  g_assert (top != NULL);

  g_value_init (&stored, top->pspec->value_type);
  if (!g_value_transform (value, &stored))
    {
      g_critical ("Cannot set property “%s” of type %s from a %s",
                  top->pspec->name, g_type_name (top->pspec->value_type), G_VALUE_TYPE_NAME (value));
      return;
    }

  g_object_set_property (top->object, top->pspec->name, &stored);
  self->serial++;
  ties_history_announce (self, top);

  g_value_reset (&top->new_value);
  g_object_get_property (top->object, top->pspec->name, &top->new_value);
  top->merge_until = g_get_monotonic_time () + TIES_HISTORY_MERGE_PAUSE_USEC;

  /* Typed and then deleted again: the step changes nothing, so it goes,
   * and the document is exactly as saved if it was before the burst. */
  if (values_equal (top->pspec, &top->old_value, &top->new_value))
    {
      g_ptr_array_set_size (self->commands, self->position - 1);
      self->position--;
    }

  ties_history_notify_state (self);
}

static void
ties_history_set_value_full (TiesHistory  *self,
                             gpointer      object,
                             const char   *property,
                             const GValue *value,
                             gboolean      merge)
{
  g_autoptr(Command) command = NULL;
  GParamSpec *pspec;

  g_return_if_fail (TIES_IS_HISTORY (self));
  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (property != NULL);
  g_return_if_fail (G_IS_VALUE (value));
  g_return_if_fail (!self->applying);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_if_fail (pspec != NULL);

  if (merge)
    {
      Command *top = ties_history_merge_target (self, object, pspec);

      if (top != NULL)
        {
          ties_history_merge (self, top, value);
          return;
        }
    }

  command = g_new0 (Command, 1);
  command->type = COMMAND_SET;
  command->object_borrowed = object == self->owner;
  command->object = command->object_borrowed ? object : g_object_ref (object);
  command->pspec = g_param_spec_ref (pspec);
  g_value_init (&command->old_value, pspec->value_type);
  g_value_init (&command->new_value, pspec->value_type);
  g_object_get_property (object, pspec->name, &command->old_value);
  if (!g_value_transform (value, &command->new_value))
    {
      g_critical ("Cannot set property “%s” of type %s from a %s",
                  pspec->name, g_type_name (pspec->value_type), G_VALUE_TYPE_NAME (value));
      return;
    }

  command_apply (command, FALSE);
  self->serial++;
  ties_history_announce (self, command);

  /* Setters normalise (NULL to "", say): what was stored is what redo
   * must store, and storing what was already there is not an edit. */
  g_value_reset (&command->new_value);
  g_object_get_property (object, pspec->name, &command->new_value);
  if (values_equal (pspec, &command->old_value, &command->new_value))
    return;

  if (merge)
    command->merge_until = g_get_monotonic_time () + TIES_HISTORY_MERGE_PAUSE_USEC;

  ties_history_record (self, g_steal_pointer (&command));
}

void
ties_history_set_value (TiesHistory  *self,
                        gpointer      object,
                        const char   *property,
                        const GValue *value)
{
  ties_history_set_value_full (self, object, property, value, FALSE);
}

/* Typing: a burst of keystrokes in one field is one undo step, as in
 * GNOME Text Editor, while every keystroke reaches the model at once. */
void
ties_history_set_value_merged (TiesHistory  *self,
                               gpointer      object,
                               const char   *property,
                               const GValue *value)
{
  ties_history_set_value_full (self, object, property, value, TRUE);
}

/* Focus leaving a field, Enter, or any other boundary a person sees
 * ends the burst: the next keystroke starts a new undo step. */
void
ties_history_end_merge (TiesHistory *self)
{
  g_return_if_fail (TIES_IS_HISTORY (self));

  self->sealed_id = ties_history_top_id (self);
}

void
ties_history_amend_value (TiesHistory  *self,
                          gpointer      object,
                          const char   *property,
                          const GValue *value)
{
  g_autoptr(Command) command = NULL;
  GParamSpec *pspec;
  Command *top;

  g_return_if_fail (TIES_IS_HISTORY (self));
  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (property != NULL);
  g_return_if_fail (G_IS_VALUE (value));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_if_fail (pspec != NULL);

  /* Amid an undo or redo (a view following it at once), the step being
   * applied is not the one last done yet. */
  if (self->applying || self->open_groups->len > 0 || self->position == 0)
    {
      g_object_set_property (object, property, value);
      return;
    }

  top = g_ptr_array_index (self->commands, self->position - 1);

  /* The step already set it (an earlier amendment): now it sets this. */
  {
    GPtrArray *children = top->type == COMMAND_GROUP ? top->children : NULL;
    guint n = children != NULL ? children->len : 1;

    for (guint i = 0; i < n; i++)
      {
        Command *child = children != NULL ? g_ptr_array_index (children, i) : top;

        if (child->type == COMMAND_SET && child->object == object && child->pspec == pspec)
          {
            g_object_set_property (object, property, value);
            g_value_reset (&child->new_value);
            g_object_get_property (object, pspec->name, &child->new_value);
            return;
          }
      }
  }

  command = g_new0 (Command, 1);
  command->type = COMMAND_SET;
  command->object_borrowed = object == self->owner;
  command->object = command->object_borrowed ? object : g_object_ref (object);
  command->pspec = g_param_spec_ref (pspec);
  g_value_init (&command->old_value, pspec->value_type);
  g_value_init (&command->new_value, pspec->value_type);
  g_object_get_property (object, pspec->name, &command->old_value);
  g_object_set_property (object, property, value);
  g_object_get_property (object, pspec->name, &command->new_value);
  if (values_equal (pspec, &command->old_value, &command->new_value))
    return;

  /* A step of one primitive becomes a group of it and the amendment,
   * under its label and id, so a save still names the same state. */
  if (top->type != COMMAND_GROUP)
    {
      Command *group = g_new0 (Command, 1);

      group->type = COMMAND_GROUP;
      group->label = g_strdup (top->label);
      group->id = top->id;
      group->children = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
      g_ptr_array_add (group->children, top);
      self->commands->pdata[self->position - 1] = group;
      top = group;
    }
  g_ptr_array_add (top->children, g_steal_pointer (&command));
}

void
ties_history_set (TiesHistory *self,
                  gpointer     object,
                  const char  *first_property,
                  ...)
{
  const char *name;
  va_list args;

  g_return_if_fail (TIES_IS_HISTORY (self));
  g_return_if_fail (G_IS_OBJECT (object));

  ties_history_begin (self, NULL);

  va_start (args, first_property);
  for (name = first_property; name != NULL; name = va_arg (args, const char *))
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *error = NULL;

      if (pspec == NULL)
        {
          g_critical ("%s has no property “%s”", G_OBJECT_TYPE_NAME (object), name);
          break;
        }

      G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
      if (error != NULL)
        {
          g_critical ("%s", error);
          break;
        }

      ties_history_set_value (self, object, name, &value);
    }
  va_end (args);

  ties_history_end (self);
}

void
ties_history_splice (TiesHistory *self,
                     GListStore  *store,
                     guint        position,
                     guint        n_removals,
                     gpointer    *additions,
                     guint        n_additions)
{
  g_autoptr(Command) command = NULL;

  g_return_if_fail (TIES_IS_HISTORY (self));
  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (position + n_removals <= g_list_model_get_n_items (G_LIST_MODEL (store)));
  g_return_if_fail (!self->applying);

  if (n_removals == 0 && n_additions == 0)
    return;

  command = g_new0 (Command, 1);
  command->type = COMMAND_SPLICE;
  command->store = g_object_ref (store);
  command->position = position;
  command->removed = g_ptr_array_new_full (n_removals, g_object_unref);
  command->added = g_ptr_array_new_full (n_additions, g_object_unref);

  for (guint i = 0; i < n_removals; i++)
    g_ptr_array_add (command->removed, g_list_model_get_item (G_LIST_MODEL (store), position + i));
  for (guint i = 0; i < n_additions; i++)
    g_ptr_array_add (command->added, g_object_ref (additions[i]));

  command_apply (command, FALSE);
  self->serial++;
  ties_history_announce (self, command);
  ties_history_record (self, g_steal_pointer (&command));
}

void
ties_history_insert (TiesHistory *self,
                     GListStore  *store,
                     guint        position,
                     gpointer     item)
{
  ties_history_splice (self, store, position, 0, &item, 1);
}

void
ties_history_append (TiesHistory *self,
                     GListStore  *store,
                     gpointer     item)
{
  g_return_if_fail (G_IS_LIST_STORE (store));

  ties_history_splice (self, store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0, &item, 1);
}

void
ties_history_remove (TiesHistory *self,
                     GListStore  *store,
                     guint        position)
{
  ties_history_splice (self, store, position, 1, NULL, 0);
}

/* Edits of @owner's own properties do not keep it alive: it holds the
 * history, and a reference back would never let either go. */
void
ties_history_set_owner (TiesHistory *self,
                        gpointer     owner)
{
  g_return_if_fail (TIES_IS_HISTORY (self));
  g_return_if_fail (owner == NULL || G_IS_OBJECT (owner));

  self->owner = owner;
}

gboolean
ties_history_undo (TiesHistory *self)
{
  g_return_val_if_fail (TIES_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->open_groups->len == 0, FALSE);

  if (self->position == 0)
    return FALSE;

  self->applying = TRUE;
  command_apply (g_ptr_array_index (self->commands, self->position - 1), TRUE);
  self->applying = FALSE;
  ties_history_announce (self, g_ptr_array_index (self->commands, self->position - 1));
  self->serial++;
  self->position--;

  ties_history_notify_state (self);

  return TRUE;
}

gboolean
ties_history_redo (TiesHistory *self)
{
  g_return_val_if_fail (TIES_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->open_groups->len == 0, FALSE);

  if (self->position >= self->commands->len)
    return FALSE;

  self->applying = TRUE;
  command_apply (g_ptr_array_index (self->commands, self->position), FALSE);
  self->applying = FALSE;
  ties_history_announce (self, g_ptr_array_index (self->commands, self->position));
  self->serial++;
  self->position++;

  ties_history_notify_state (self);

  return TRUE;
}

/* Changes whenever an edit, undo or redo changes anything, even in the
 * middle of a group, so caches can tell they are stale. */
guint64
ties_history_get_serial (TiesHistory *self)
{
  g_return_val_if_fail (TIES_IS_HISTORY (self), 0);

  return self->serial;
}

gboolean
ties_history_get_can_undo (TiesHistory *self)
{
  g_return_val_if_fail (TIES_IS_HISTORY (self), FALSE);

  return self->position > 0;
}

gboolean
ties_history_get_can_redo (TiesHistory *self)
{
  g_return_val_if_fail (TIES_IS_HISTORY (self), FALSE);

  return self->position < self->commands->len;
}

const char *
ties_history_get_undo_label (TiesHistory *self)
{
  g_return_val_if_fail (TIES_IS_HISTORY (self), NULL);

  if (self->position == 0)
    return NULL;

  return ((Command *) g_ptr_array_index (self->commands, self->position - 1))->label;
}

const char *
ties_history_get_redo_label (TiesHistory *self)
{
  g_return_val_if_fail (TIES_IS_HISTORY (self), NULL);

  if (self->position >= self->commands->len)
    return NULL;

  return ((Command *) g_ptr_array_index (self->commands, self->position))->label;
}

gboolean
ties_history_get_modified (TiesHistory *self)
{
  g_return_val_if_fail (TIES_IS_HISTORY (self), FALSE);

  return self->position != self->saved_position;
}

static void
ties_history_set_saved_position (TiesHistory *self,
                                 guint        saved_position)
{
  g_assert (TIES_IS_HISTORY (self));

  if (self->saved_position == saved_position)
    return;

  self->saved_position = saved_position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
ties_history_mark_saved (TiesHistory *self)
{
  g_return_if_fail (TIES_IS_HISTORY (self));

  ties_history_mark_saved_at (self, ties_history_get_save_token (self));
}

/* Names the current state, to be marked saved once its bytes are on
 * disk: edits made while they are being written stay unsaved. */
guint64
ties_history_get_save_token (TiesHistory *self)
{
  g_return_val_if_fail (TIES_IS_HISTORY (self), 0);

  /* A keystroke must not fold into the state being written. */
  self->sealed_id = ties_history_top_id (self);

  return self->sealed_id;
}

void
ties_history_mark_saved_at (TiesHistory *self,
                            guint64      token)
{
  g_return_if_fail (TIES_IS_HISTORY (self));

  if (token == 0)
    {
      ties_history_set_saved_position (self, 0);
      return;
    }

  for (guint i = 0; i < self->commands->len; i++)
    {
      if (((Command *) g_ptr_array_index (self->commands, i))->id == token)
        {
          ties_history_set_saved_position (self, i + 1);
          return;
        }
    }

  /* Undone and replaced by other edits while it was written: no state
   * the history can reach is the one on disk. */
  ties_history_set_saved_position (self, G_MAXUINT);
}

/* A document restored from a draft differs from its file on disk. */
void
ties_history_mark_unsaved (TiesHistory *self)
{
  g_return_if_fail (TIES_IS_HISTORY (self));

  ties_history_set_saved_position (self, G_MAXUINT);
}

void
ties_history_clear (TiesHistory *self)
{
  g_return_if_fail (TIES_IS_HISTORY (self));
  g_return_if_fail (self->open_groups->len == 0);

  g_ptr_array_set_size (self->commands, 0);
  self->position = 0;
  self->saved_position = 0;

  ties_history_notify_state (self);
}
