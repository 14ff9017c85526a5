/* ties-application.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ties-application.h"
#include "ties-ui-util.h"
#include "ties-restore-dialog.h"
#include "ties-save-changes-dialog.h"
#include "ties-window.h"

struct _TiesApplication
{
  AdwApplication parent_instance;

  GSettings *settings;

  /* What the last run left behind, offered once over the first window. */
  GPtrArray *found_drafts;
  gboolean last_run_crashed;
  gboolean drafts_offered;
  /* The empty window of a start without files: restoring reuses it. */
  TiesWindow *empty_window;
};

G_DEFINE_FINAL_TYPE (TiesApplication, ties_application, ADW_TYPE_APPLICATION)

GFile *
ties_application_get_sample (void)
{
  g_autofree char *installed = g_build_filename (PKGDATADIR, "samples", "christchurch-call.ties.json", NULL);

  /* Run from the build folder, the sample is in the sources. */
  if (!g_file_test (installed, G_FILE_TEST_EXISTS))
    return g_file_new_for_path (SOURCE_SAMPLE);

  return g_file_new_for_path (installed);
}

static void
apply_color_scheme (TiesApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT,
    ADW_COLOR_SCHEME_FORCE_LIGHT,
    ADW_COLOR_SCHEME_FORCE_DARK,
  };
  guint scheme = g_settings_get_enum (self->settings, "color-scheme");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      schemes[MIN (scheme, G_N_ELEMENTS (schemes) - 1)]);
}

static TiesWindow *
find_window_for_file (TiesApplication *self,
                      GFile           *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      GFile *shown;

      if (!TIES_IS_WINDOW (l->data))
        continue;
      shown = ties_window_get_file (l->data);
      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }

  return NULL;
}

static void
on_draft_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(TiesApplication) self = user_data;
  TiesDraft *draft = TIES_DRAFT (source);
  g_autoptr(TiesDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  TiesWindow *window;

  document = ties_draft_load_finish (draft, result, &error);
  if (document == NULL)
    {
      g_autoptr(GError) aside_error = NULL;
      g_autoptr(GFile) aside = g_file_get_child (ties_drafts_get_folder (ties_drafts_get_default ()), "damaged");
      g_autofree char *where = g_file_get_parse_name (aside);
      g_autofree char *heading = NULL;
      g_autofree char *body = NULL;
      AdwMessageDialog *dialog;

      /* Reported, and kept where it is not offered again. */
      if (!ties_drafts_set_aside (ties_drafts_get_default (), draft, &aside_error))
        body = g_strdup (error->message);
      else
        /* Translators: the first %s says what is wrong, the second is a folder */
        body = g_strdup_printf (_("%s\n\nThe draft was moved to “%s”."), error->message, where);
      heading = g_strdup_printf (_("Could Not Restore “%s”"), ties_draft_get_title (draft));
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                                          heading, body));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (self->empty_window != NULL && ties_window_is_pristine (self->empty_window))
    window = self->empty_window;
  else
    window = ties_window_new (self);
  g_clear_weak_pointer (&self->empty_window);

  ties_window_restore_draft (window, draft, document);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_restore (TiesApplication   *self,
            TiesDraft         *draft,
            TiesRestoreDialog *dialog)
{
  ties_draft_load_async (draft, NULL, on_draft_loaded, g_object_ref (self));
}

/* Once, over the first window: the drafts a crash left behind. */
static void
offer_drafts (TiesApplication *self,
              TiesWindow      *window)
{
  TiesRestoreDialog *dialog;

  if (self->drafts_offered)
    return;
  self->drafts_offered = TRUE;

  if (self->found_drafts == NULL || self->found_drafts->len == 0)
    return;

  dialog = ties_restore_dialog_new (GTK_WINDOW (window), ties_drafts_get_default (),
                                    self->found_drafts, self->last_run_crashed);
  g_signal_connect_object (dialog, "restore", G_CALLBACK (on_restore), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  g_clear_pointer (&self->found_drafts, g_ptr_array_unref);
}

static void
ties_application_activate (GApplication *application)
{
  TiesApplication *self = TIES_APPLICATION (application);
  TiesWindow *window = ties_window_new (self);

  gtk_window_present (GTK_WINDOW (window));
  if (!self->drafts_offered)
    g_set_weak_pointer (&self->empty_window, window);
  offer_drafts (self, window);
}

static void
ties_application_open (GApplication  *application,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  TiesApplication *self = TIES_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      TiesWindow *window;

      /* An article opened becomes the first source of a new document. */
      if (ties_window_is_article_file (files[i]))
        {
          GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

          if (TIES_IS_WINDOW (active) && ties_window_is_pristine (TIES_WINDOW (active)))
            window = TIES_WINDOW (active);
          else
            window = ties_window_new (self);
          ties_window_import_article (window, files[i]);
          gtk_window_present (GTK_WINDOW (window));
          offer_drafts (self, window);
          continue;
        }

      window = find_window_for_file (self, files[i]);

      /* A document is open in one window only. */
      if (window == NULL)
        {
          GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

          if (TIES_IS_WINDOW (active) && ties_window_is_pristine (TIES_WINDOW (active)))
            window = TIES_WINDOW (active);
          else
            window = ties_window_new (self);
          ties_window_open_file (window, files[i]);
        }

      gtk_window_present (GTK_WINDOW (window));
      offer_drafts (self, window);
    }
}

static void
new_window (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (ties_window_new (user_data)));
}

static void
about (GSimpleAction *action,
       GVariant      *parameter,
       gpointer       user_data)
{
  static const char *developers[] = { "The Ties authors", NULL };
  GtkWidget *window;

  window = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                         "transient-for", gtk_application_get_active_window (GTK_APPLICATION (user_data)),
                         "application-name", _("Ties"),
                         "application-icon", APP_ID,
                         "developer-name", _("The Ties authors"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Keep the events of news coverage — who met, phoned or wrote to whom, when, where, on what evidence — and see the network of the people involved."),
                         "website", "https://github.com/tiesapp/ties",
                         "issue-url", "https://github.com/tiesapp/ties/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         "copyright", "© 2026 The Ties authors",
                         NULL);
  _ties_about_window_name_parts (ADW_ABOUT_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

static void
preferences (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (TIES_IS_WINDOW (parent))
    ties_window_show_preferences (TIES_WINDOW (parent));
}

static GPtrArray *
modified_windows (TiesApplication *self)
{
  GPtrArray *modified = g_ptr_array_new_with_free_func (g_object_unref);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (TIES_IS_WINDOW (l->data) && ties_window_get_modified (l->data))
      g_ptr_array_add (modified, g_object_ref (l->data));

  return modified;
}

static void
close_all (TiesApplication *self)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

typedef struct
{
  TiesApplication *app;
  gboolean save;
} QuitData;

static gboolean
finish_quit (gpointer user_data)
{
  QuitData *data = user_data;
  g_autoptr(GPtrArray) modified = modified_windows (data->app);

  for (guint i = 0; i < modified->len; i++)
    {
      if (data->save)
        ties_window_save_and_close (g_ptr_array_index (modified, i));
      else
        ties_window_discard_and_close (g_ptr_array_index (modified, i));
    }
  close_all (data->app);

  g_object_unref (data->app);
  g_free (data);

  return G_SOURCE_REMOVE;
}

static void
on_quit_response (AdwMessageDialog *dialog,
                  const char       *response,
                  TiesApplication  *self)
{
  QuitData *data;

  if (g_str_equal (response, "cancel"))
    return;

  /* Once the dialog is gone: it belongs to one of the windows. */
  data = g_new0 (QuitData, 1);
  data->app = g_object_ref (self);
  data->save = g_str_equal (response, "save");
  g_idle_add (finish_quit, data);
}

static void
quit (GSimpleAction *action,
      GVariant      *parameter,
      gpointer       user_data)
{
  TiesApplication *self = user_data;
  g_autoptr(GPtrArray) modified = modified_windows (self);
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) names = NULL;
  AdwMessageDialog *dialog;

  /* One window asks for itself; several are asked about once, with the
   * question closing one asks, naming them all. */
  if (modified->len <= 1)
    {
      close_all (self);
      return;
    }

  builder = g_strv_builder_new ();
  for (guint i = 0; i < modified->len; i++)
    {
      g_autofree char *name = ties_window_dup_display_name (g_ptr_array_index (modified, i));

      g_strv_builder_add (builder, name);
    }
  names = g_strv_builder_end (builder);
  dialog = ties_save_changes_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                         (const char * const *) names, NULL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_quit_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry app_actions[] = {
  { "new-window", new_window },
  { "about", about },
  { "preferences", preferences },
  { "quit", quit },
};

static void
ties_application_startup (GApplication *application)
{
  TiesApplication *self = TIES_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.new-window", { "<Shift><Control>n", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.new-event", { "<Control>n", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Shift><Control>s", NULL } },
    { "win.export", { "<Shift><Control>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Shift><Control>z", "<Control>y", NULL } },
    { "window.close", { "<Control>w", NULL } },
    /* GtkApplication's own, which it sets only for gtk/help-overlay.ui. */
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (ties_application_parent_class)->startup (application);
  _ties_name_mnemonic_buttons ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (apply_color_scheme), self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);

  /* Read before any window of this run writes a draft of its own. */
  {
    TiesDrafts *drafts = ties_drafts_get_default ();
    g_autoptr(GError) error = NULL;

    if (!ties_drafts_begin_session (drafts, &self->last_run_crashed, &error))
      g_message ("Could not mark the session as running: %s", error->message);
    g_clear_error (&error);

    self->found_drafts = ties_drafts_list (drafts, &error);
    if (self->found_drafts == NULL)
      g_message ("Could not look for drafts: %s", error->message);

    /* Damaged drafts are moved aside at once: reported, never lost, and
     * not offered again. */
    for (guint i = 0; self->found_drafts != NULL && i < self->found_drafts->len; i++)
      {
        TiesDraft *draft = g_ptr_array_index (self->found_drafts, i);
        g_autoptr(GError) aside_error = NULL;

        if (ties_draft_get_problem (draft) != NULL
            && !ties_drafts_set_aside (drafts, draft, &aside_error))
          g_message ("Could not set the draft %s aside: %s", ties_draft_get_id (draft), aside_error->message);
      }
  }
}

/* A clean quit: the next start knows the drafts it finds, if any, were
 * left on purpose, not by a crash. */
static void
ties_application_shutdown (GApplication *application)
{
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (ties_application_parent_class)->shutdown (application);

  if (!ties_drafts_end_session (ties_drafts_get_default (), &error))
    g_message ("Could not mark the session as ended: %s", error->message);
}

static void
ties_application_dispose (GObject *object)
{
  TiesApplication *self = (TiesApplication *) object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->found_drafts, g_ptr_array_unref);
  g_clear_weak_pointer (&self->empty_window);

  G_OBJECT_CLASS (ties_application_parent_class)->dispose (object);
}

static void
ties_application_class_init (TiesApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ties_application_dispose;
  app_class->activate = ties_application_activate;
  app_class->open = ties_application_open;
  app_class->startup = ties_application_startup;
  app_class->shutdown = ties_application_shutdown;
}

static void
ties_application_init (TiesApplication *self)
{
  self->settings = g_settings_new ("io.github.tiesapp.Ties");
}

TiesApplication *
ties_application_new (void)
{
  return g_object_new (TIES_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/tiesapp/Ties",
                       NULL);
}

GSettings *
ties_application_get_settings (TiesApplication *self)
{
  g_return_val_if_fail (TIES_IS_APPLICATION (self), NULL);

  return self->settings;
}
