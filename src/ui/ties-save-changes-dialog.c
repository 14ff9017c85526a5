/* ties-save-changes-dialog.c: the one question before unsaved work goes
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Closing a window and quitting the application asked the same question,
 * each with a dialog of its own; now both ask it here, and name the
 * documents they would lose the changes of, as GNOME Text Editor does.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ties-save-changes-dialog.h"

static char *
dup_body (const char * const *names,
          const char         *unapplied)
{
  guint n = names != NULL ? g_strv_length ((GStrv) names) : 0;
  g_autoptr(GString) body = g_string_new (NULL);

  if (n == 0)
    {
      /* Nothing is modified: only the text typed would be lost. */
      g_string_append (body, unapplied != NULL ? unapplied : "");
      if (body->len > 0)
        g_string_append_c (body, ' ');
      g_string_append (body, _("Closing loses what was typed."));
      return g_string_free (g_steal_pointer (&body), FALSE);
    }

  if (n == 1)
    /* Translators: %s is a document's title or file name */
    g_string_append_printf (body, _("“%s” has changes that are not saved. Closing without saving loses them."),
                            names[0]);
  else
    {
      g_string_append (body, _("These documents have changes that are not saved:"));
      for (guint i = 0; i < n; i++)
        {
          g_string_append_c (body, '\n');
          /* Translators: a line of the list of unsaved documents; %s is a document's title or file name */
          g_string_append_printf (body, _("• %s"), names[i]);
        }
      g_string_append (body, "\n");
      g_string_append (body, _("Quitting without saving loses their changes."));
    }

  if (unapplied != NULL)
    {
      g_string_append_c (body, n == 1 ? ' ' : '\n');
      g_string_append (body, unapplied);
    }

  return g_string_free (g_steal_pointer (&body), FALSE);
}

AdwMessageDialog *
ties_save_changes_dialog_new (GtkWindow          *parent,
                              const char * const *names,
                              const char         *unapplied)
{
  guint n = names != NULL ? g_strv_length ((GStrv) names) : 0;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (n > 0 || unapplied != NULL, NULL);

  if (n <= 1)
    heading = g_strdup (_("Save Changes?"));
  else
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Save Changes to %u Document?",
                                            "Save Changes to %u Documents?",
                                            n),
                               n);
  body = dup_body (names, unapplied);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", n <= 1 ? _("_Discard") : _("_Discard All"),
                                    "save", n <= 1 ? _("_Save") : _("_Save All"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  return dialog;
}
