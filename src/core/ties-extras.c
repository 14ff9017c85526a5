/* ties-extras.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ties-extras.h"

struct _TiesExtras
{
  /* name, json, name, json, … */
  GPtrArray *pairs;
};

G_DEFINE_BOXED_TYPE (TiesExtras, ties_extras, ties_extras_copy, ties_extras_free)

TiesExtras *
ties_extras_new (void)
{
  TiesExtras *self = g_new0 (TiesExtras, 1);

  self->pairs = g_ptr_array_new_with_free_func (g_free);

  return self;
}

TiesExtras *
ties_extras_copy (const TiesExtras *self)
{
  TiesExtras *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = ties_extras_new ();
  for (guint i = 0; i < self->pairs->len; i++)
    g_ptr_array_add (copy->pairs, g_strdup (g_ptr_array_index (self->pairs, i)));

  return copy;
}

void
ties_extras_free (TiesExtras *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->pairs);
  g_free (self);
}

void
ties_extras_add (TiesExtras *self,
                 const char *name,
                 const char *json)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (json != NULL);

  g_ptr_array_add (self->pairs, g_strdup (name));
  g_ptr_array_add (self->pairs, g_strdup (json));
}

guint
ties_extras_get_n (const TiesExtras *self)
{
  return self != NULL ? self->pairs->len / 2 : 0;
}

const char *
ties_extras_get_name (const TiesExtras *self,
                      guint             index)
{
  g_return_val_if_fail (index < ties_extras_get_n (self), NULL);

  return g_ptr_array_index (self->pairs, index * 2);
}

const char *
ties_extras_get_json (const TiesExtras *self,
                      guint             index)
{
  g_return_val_if_fail (index < ties_extras_get_n (self), NULL);

  return g_ptr_array_index (self->pairs, index * 2 + 1);
}

const char *
ties_extras_lookup (const TiesExtras *self,
                    const char       *name)
{
  for (guint i = 0; i < ties_extras_get_n (self); i++)
    if (g_str_equal (ties_extras_get_name (self, i), name))
      return ties_extras_get_json (self, i);

  return NULL;
}
