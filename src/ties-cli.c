/* ties-cli.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "ties-cli.h"
#include "ties-document-io.h"
#include "ties-network.h"

/* Tearing down a document of 100,000 events takes a quarter of a second
 * that a process about to exit need not spend; what is kept here is
 * still reachable, so leak checkers stay quiet. */
static GPtrArray *kept_until_exit;

static void
keep_until_exit (gpointer object)
{
  if (kept_until_exit == NULL)
    kept_until_exit = g_ptr_array_new ();

  g_ptr_array_add (kept_until_exit, object);
}

static void
print_summary (const char   *name,
               TiesDocument *document,
               gboolean      last)
{
  g_autoptr(TiesNetwork) network = ties_network_new (document);
  guint n_actors = g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_actors (document)));
  guint n_events = g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_events (document)));
  guint n_sources = g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_sources (document)));
  guint n_ties = g_list_model_get_n_items (ties_network_get_ties (network));
  guint n_orphaned = ties_document_count_orphaned (document);

  g_autofree char *actors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u actor", "%u actors", n_actors), n_actors);
  g_autofree char *events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", n_events), n_events);
  g_autofree char *sources = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source", "%u sources", n_sources), n_sources);
  g_autofree char *ties = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u tie", "%u ties", n_ties), n_ties);
  g_autofree char *orphans = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "%u orphaned evidence item",
                                                           "%u orphaned evidence items",
                                                           n_orphaned),
                                              n_orphaned);

  /* Translators: the summary of a valid document: its name, then counts
   * of actors, events, sources, ties and orphaned evidence items. */
  g_print (_("%s: valid: %s, %s, %s, %s, %s\n"), name, actors, events, sources, ties, orphans);

  if (last)
    keep_until_exit (g_steal_pointer (&network));
}

int
ties_cli_validate (const char * const *files)
{
  int status = TIES_EXIT_OK;

  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr(GPtrArray) warnings = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(TiesDocument) document = NULL;

      document = ties_document_load_from_file (file, &warnings, NULL, &error);
      if (document == NULL)
        {
          g_printerr ("%s\n", error->message);
          status = TIES_EXIT_INVALID;
          continue;
        }

      for (guint j = 0; j < warnings->len; j++)
        g_printerr (_("%s (warning)\n"), (const char *) g_ptr_array_index (warnings, j));

      print_summary (files[i], document, files[i + 1] == NULL);
      if (files[i + 1] == NULL)
        keep_until_exit (g_steal_pointer (&document));
    }

  return status;
}

int
ties_cli_main (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;
  gboolean validate = FALSE;
  gboolean version = FALSE;
  const GOptionEntry entries[] = {
    { "validate", 0, 0, G_OPTION_ARG_NONE, &validate,
      N_("Check documents and print a summary of each, or where each is broken"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files,
      NULL, N_("[FILE…]") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Ties keeps the events of news coverage — who met, phoned or wrote to whom,\n"
                                  "when, where, on what evidence — and draws the network of the people involved."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("ties: %s\n", error->message);
      return TIES_EXIT_USAGE;
    }

  if (version)
    {
      g_print ("ties %s\n", PACKAGE_VERSION);
      return TIES_EXIT_OK;
    }

  if (files == NULL || files[0] == NULL)
    {
      g_printerr (_("ties: no document given; try “ties --validate FILE” (the main window comes in a later release)\n"));
      return TIES_EXIT_USAGE;
    }

  if (!validate)
    g_printerr (_("ties: the main window is not built yet; validating instead\n"));

  return ties_cli_validate ((const char * const *) files);
}
