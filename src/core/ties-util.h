/* ties-util.h: small helpers GLib 2.74 lacks
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* g_set_str() arrived in GLib 2.76; this is the same contract. */
static inline gboolean
_ties_set_str (char       **str_pointer,
               const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;

  return TRUE;
}

/* NULL and an empty vector are the same list. */
static inline gboolean
_ties_strv_equal (const char * const *a,
                  const char * const *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);

  return g_strv_equal (a, b);
}

static inline gboolean
_ties_set_strv (char               ***strv_pointer,
                const char * const   *new_strv)
{
  char **copy;

  if (_ties_strv_equal ((const char * const *) *strv_pointer, new_strv))
    return FALSE;

  copy = new_strv != NULL ? g_strdupv ((char **) new_strv) : g_new0 (char *, 1);
  g_strfreev (*strv_pointer);
  *strv_pointer = copy;

  return TRUE;
}

G_END_DECLS
