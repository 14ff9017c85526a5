/* ties-bench.c: in-process timings of loading, saving and deriving the network
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: ties-bench [--runs N] FILE
 *
 * Prints one line of "key=value" pairs (times in seconds, best of N runs):
 *   load=… save=… network=… events=… ties=… bytes=… warnings=… orphaned=… same=…
 */
#include <stdlib.h>

#include <gio/gio.h>

#include "ties-document.h"
#include "ties-document-io.h"
#include "ties-network.h"

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) original = NULL;
  double best_load = G_MAXDOUBLE, best_save = G_MAXDOUBLE, best_network = G_MAXDOUBLE;
  guint n_events = 0, n_ties = 0, n_warnings = 0, n_orphaned = 0;
  gsize saved_size = 0;
  gboolean same = FALSE;
  int runs = 3;
  int arg = 1;

  if (argc > 2 && g_str_equal (argv[1], "--runs"))
    {
      runs = MAX (1, atoi (argv[2]));
      arg = 3;
    }

  if (arg >= argc)
    {
      g_printerr ("usage: ties-bench [--runs N] FILE\n");
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[arg]);
  original = g_file_load_bytes (file, NULL, NULL, NULL);
  if (original == NULL)
    {
      g_printerr ("ties-bench: cannot read %s\n", argv[arg]);
      return 1;
    }

  for (int run = 0; run < runs; run++)
    {
      g_autoptr(TiesDocument) document = NULL;
      g_autoptr(TiesNetwork) network = NULL;
      g_autoptr(GPtrArray) warnings = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      double start;

      start = now ();
      document = ties_document_load_from_file (file, &warnings, NULL, &error);
      best_load = MIN (best_load, now () - start);
      if (document == NULL)
        {
          g_printerr ("ties-bench: %s\n", error->message);
          return 1;
        }
      n_warnings = warnings != NULL ? warnings->len : 0;
      if (run == 0)
        for (guint i = 0; i < n_warnings && i < 5; i++)
          g_printerr ("ties-bench: warning: %s\n", (const char *) warnings->pdata[i]);
      n_orphaned = ties_document_count_orphaned (document);

      start = now ();
      bytes = ties_document_save_to_bytes (document, NULL);
      best_save = MIN (best_save, now () - start);
      saved_size = g_bytes_get_size (bytes);
      same = g_bytes_equal (bytes, original);

      start = now ();
      network = ties_network_new (document);
      n_ties = g_list_model_get_n_items (ties_network_get_ties (network));
      best_network = MIN (best_network, now () - start);
      n_events = ties_network_get_n_events (network);
    }

  g_print ("load=%.4f save=%.4f network=%.4f events=%u ties=%u bytes=%" G_GSIZE_FORMAT
           " warnings=%u orphaned=%u same=%s\n",
           best_load, best_save, best_network, n_events, n_ties, saved_size,
           n_warnings, n_orphaned, same ? "yes" : "no");

  return 0;
}
