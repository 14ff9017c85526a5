/* ties-restore-dialog.c: after a crash, offers the drafts left behind
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A message dialog (the HIG's question to the user) with the drafts as a
 * boxed list: each can be restored or discarded on its own, or all at once
 * with the dialog's responses. The rows are made from the drafts found, so
 * the dialog is built in code rather than from a template.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ties-restore-dialog.h"
#include "ties-ui-util.h"

struct _TiesRestoreDialog
{
  AdwMessageDialog parent_instance;

  TiesDrafts *store;
  GtkListBox *list;
  GtkScrolledWindow *scroller;
  /* TiesDraft → its row, for those still waiting for a choice. */
  GHashTable *pending;
  /* The dialog closes itself after a response. */
  gboolean responding;
  /* Over a phone-sized window: the rows' buttons are icons. */
  gboolean narrow;
};

G_DEFINE_FINAL_TYPE (TiesRestoreDialog, ties_restore_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  RESTORE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
describe_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *clock = g_date_time_format (local, "%H:%M");

  if (g_date_time_get_year (local) == g_date_time_get_year (now)
      && g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* Translators: %s is a time of day, as 14:05 */
    return g_strdup_printf (_("Last changed today at %s"), clock);
  else
    {
      g_autofree char *day = g_date_time_format (local, "%x");

      /* Translators: the first %s is a date, the second a time of day */
      return g_strdup_printf (_("Last changed on %s at %s"), day, clock);
    }
}

static char *
describe_draft (TiesDraft *draft)
{
  GFile *original = ties_draft_get_original (draft);
  g_autofree char *when = describe_time (ties_draft_get_time (draft));
  g_autofree char *where = NULL;

  if (original == NULL)
    return g_strdup_printf ("%s\n%s", _("Never saved"), when);

  where = g_file_get_parse_name (original);
  if (ties_draft_get_original_changed (draft))
    /* Translators: the file, then when; said when another program changed the file since */
    return g_strdup_printf (_("%s\n%s; the file has changed since"), where, when);

  return g_strdup_printf ("%s\n%s", where, when);
}

static char *
draft_title (TiesDraft *draft)
{
  const char *title = ties_draft_get_title (draft);

  if (*title != '\0')
    return g_strdup (title);
  if (ties_draft_get_original (draft) != NULL)
    return g_file_get_basename (ties_draft_get_original (draft));

  return g_strdup (_("New Document"));
}

static void
ties_restore_dialog_settle (TiesRestoreDialog *self,
                            TiesDraft         *draft)
{
  GtkWidget *row = g_hash_table_lookup (self->pending, draft);

  g_assert (row != NULL);

  gtk_list_box_remove (self->list, row);
  g_hash_table_remove (self->pending, draft);

  /* Nothing left to choose: the dialog has done its work. */
  if (g_hash_table_size (self->pending) == 0 && !self->responding)
    gtk_window_close (GTK_WINDOW (self));
}

static void
ties_restore_dialog_restore (TiesRestoreDialog *self,
                             TiesDraft         *draft)
{
  g_autoptr(TiesDraft) hold = g_object_ref (draft);

  g_signal_emit (self, signals[RESTORE], 0, draft);
  ties_restore_dialog_settle (self, draft);
}

static void
ties_restore_dialog_discard (TiesRestoreDialog *self,
                             TiesDraft         *draft)
{
  g_autoptr(TiesDraft) hold = g_object_ref (draft);
  g_autoptr(GError) error = NULL;

  if (!ties_drafts_remove (self->store, ties_draft_get_id (draft), &error))
    g_message ("Could not remove the draft %s: %s", ties_draft_get_id (draft), error->message);
  ties_restore_dialog_settle (self, draft);
}

static void
on_row_restore (GtkButton         *button,
                TiesRestoreDialog *self)
{
  ties_restore_dialog_restore (self, g_object_get_data (G_OBJECT (button), "draft"));
}

static void
on_row_discard (GtkButton         *button,
                TiesRestoreDialog *self)
{
  ties_restore_dialog_discard (self, g_object_get_data (G_OBJECT (button), "draft"));
}

static void
on_response (TiesRestoreDialog *self,
             const char        *response)
{
  g_autoptr(GList) drafts = NULL;

  if (!g_str_equal (response, "restore") && !g_str_equal (response, "discard"))
    return;

  /* In the order shown: newest first. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      TiesDraft *draft = g_object_get_data (G_OBJECT (row), "draft");

      if (draft != NULL && g_hash_table_contains (self->pending, draft))
        drafts = g_list_append (drafts, g_object_ref (draft));
    }

  self->responding = TRUE;
  for (GList *l = drafts; l != NULL; l = l->next)
    {
      if (g_str_equal (response, "restore"))
        ties_restore_dialog_restore (self, l->data);
      else
        ties_restore_dialog_discard (self, l->data);
    }
  g_list_free_full (g_steal_pointer (&drafts), g_object_unref);
  self->responding = FALSE;
}

/* @label with its mnemonic, or where the dialog is narrow the icon
 * @icon_name, named @name. */
static GtkWidget *
make_button (TiesRestoreDialog *self,
             const char        *label,
             const char        *name,
             const char        *icon_name,
             TiesDraft         *draft,
             GCallback          callback)
{
  GtkWidget *button;

  if (self->narrow)
    {
      button = gtk_button_new_from_icon_name (icon_name);
      gtk_widget_set_tooltip_text (button, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  else
    {
      button = gtk_button_new_with_mnemonic (label);
    }
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "draft", g_object_ref (draft), g_object_unref);
  g_signal_connect_object (button, "clicked", callback, self, 0);

  return button;
}

static GtkWidget *
make_row (TiesRestoreDialog *self,
          TiesDraft         *draft)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title_markup = NULL;
  g_autofree char *subtitle_markup = NULL;

  if (ties_draft_get_problem (draft) != NULL)
    {
      title = g_strdup (_("Damaged Draft"));
      subtitle = g_strdup (ties_draft_get_problem (draft));
    }
  else
    {
      GtkWidget *discard = make_button (self, _("_Discard"), _("Discard"), "user-trash-symbolic",
                                        draft, G_CALLBACK (on_row_discard));
      GtkWidget *restore = make_button (self, _("_Restore"), _("Restore"), "document-revert-symbolic",
                                        draft, G_CALLBACK (on_row_restore));

      title = draft_title (draft);
      subtitle = describe_draft (draft);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), discard);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore);
      g_hash_table_insert (self->pending, g_object_ref (draft), row);
      g_object_set_data_full (G_OBJECT (row), "draft", g_object_ref (draft), g_object_unref);
    }

  /* Titles and paths are the user's text, not markup. */
  title_markup = g_markup_escape_text (title, -1);
  subtitle_markup = g_markup_escape_text (subtitle, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_markup);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  return row;
}

static void
ties_restore_dialog_dispose (GObject *object)
{
  TiesRestoreDialog *self = (TiesRestoreDialog *) object;

  g_clear_pointer (&self->pending, g_hash_table_unref);

  G_OBJECT_CLASS (ties_restore_dialog_parent_class)->dispose (object);
}

static void
ties_restore_dialog_finalize (GObject *object)
{
  TiesRestoreDialog *self = (TiesRestoreDialog *) object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (ties_restore_dialog_parent_class)->finalize (object);
}

static void
ties_restore_dialog_class_init (TiesRestoreDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ties_restore_dialog_dispose;
  object_class->finalize = ties_restore_dialog_finalize;

  /* A draft to open in a window; its document is read by the handler. */
  signals[RESTORE] =
    g_signal_new ("restore",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, TIES_TYPE_DRAFT);
}

static void
ties_restore_dialog_init (TiesRestoreDialog *self)
{
  GtkWidget *scroller;

  self->pending = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");

  /* Many drafts scroll rather than push the buttons off the screen. */
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  self->scroller = GTK_SCROLLED_WINDOW (scroller);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), scroller);

  g_signal_connect (self, "response", G_CALLBACK (on_response), NULL);
}

/* From this width on, a window leaves a dialog of 460 px room. */
#define WIDE_PARENT_WIDTH 600

TiesRestoreDialog *
ties_restore_dialog_new (GtkWindow  *parent,
                         TiesDrafts *store,
                         GPtrArray  *drafts,
                         gboolean    crashed)
{
  TiesRestoreDialog *self;
  g_autoptr(GString) body = g_string_new (NULL);
  guint n_damaged = 0;
  guint n_pending;
  int parent_width, parent_height;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TIES_IS_DRAFTS (store), NULL);
  g_return_val_if_fail (drafts != NULL, NULL);

  self = g_object_new (TIES_TYPE_RESTORE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  /* Wide enough for a title, a path and two buttons on one row, where
   * the window leaves room; over a phone-sized window the rows wrap. A
   * window not yet shown goes by the size it will open at. */
  self->narrow = parent != NULL && _ties_window_get_room (parent, &parent_width, &parent_height)
                 && parent_width < WIDE_PARENT_WIDTH;
  if (!self->narrow)
    gtk_widget_set_size_request (GTK_WIDGET (self->scroller), 460, -1);

  for (guint i = 0; i < drafts->len; i++)
    {
      TiesDraft *draft = g_ptr_array_index (drafts, i);

      gtk_list_box_append (self->list, make_row (self, draft));
      if (ties_draft_get_problem (draft) != NULL)
        n_damaged++;
    }
  n_pending = g_hash_table_size (self->pending);
  /* Up to four rows without scrolling; the wrapped labels' natural
   * height alone is not enough for the list to show. */
  gtk_scrolled_window_set_min_content_height (self->scroller, MIN (drafts->len, 4) * 84);

  if (n_pending > 0)
    {
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Restore Unsaved Changes?"));
      if (crashed)
        g_string_append_printf (body,
                                g_dngettext (GETTEXT_PACKAGE,
                                             "Ties did not quit properly, and one document had changes that were not saved. Restore them to go on where you left off.",
                                             "Ties did not quit properly, and %u documents had changes that were not saved. Restore them to go on where you left off.",
                                             n_pending),
                                n_pending);
      else
        g_string_append_printf (body,
                                g_dngettext (GETTEXT_PACKAGE,
                                             "Changes to one document were kept from an earlier session but never saved.",
                                             "Changes to %u documents were kept from an earlier session but never saved.",
                                             n_pending),
                                n_pending);
    }
  else
    {
      adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Damaged Drafts"));
    }

  if (n_damaged > 0)
    {
      g_autoptr(GFile) aside = g_file_get_child (ties_drafts_get_folder (store), "damaged");
      g_autofree char *where = g_file_get_parse_name (aside);

      if (body->len > 0)
        g_string_append (body, "\n\n");
      g_string_append_printf (body,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "A draft could not be read; it was moved to “%s”.",
                                           "Some drafts could not be read; they were moved to “%s”.",
                                           n_damaged),
                              where);
    }
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body->str);

  if (n_pending > 0)
    {
      /* Closing decides nothing: the drafts are offered again next time. */
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                        "later", _("_Later"),
                                        "discard", _("_Discard All"),
                                        "restore", _("_Restore All"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "discard", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "restore", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "restore");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "later");
    }
  else
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "close", _("_Close"));
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "close");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "close");
    }

  return self;
}

guint
ties_restore_dialog_get_n_pending (TiesRestoreDialog *self)
{
  g_return_val_if_fail (TIES_IS_RESTORE_DIALOG (self), 0);

  return self->pending != NULL ? g_hash_table_size (self->pending) : 0;
}
