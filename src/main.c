/* main.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#if defined(__GLIBC__) && defined(__linux__)
#include <malloc.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

#include "ties-cli.h"
#include "ties-modules.h"
#include "ties-window-module.h"

/* Options are the command line's: validation, export and help need no
 * display, as scripts and CI run them where there is none, so they never
 * touch GTK. `ties [FILE…]` opens windows. */
static gboolean
is_command_line (int    argc,
                 char **argv)
{
  for (int i = 1; i < argc; i++)
    if (argv[i][0] == '-' && argv[i][1] != '\0')
      return TRUE;

  return FALSE;
}

/* A command's memory in huge pages. An export of a few thousand actors
 * touches tens of megabytes once, and a page fault costs far more than
 * the work done in the page, most of all in virtual machines: faulting
 * 2 MiB at a time rather than 4 KiB took a third off such exports. The
 * heap is grown once by a reserve the kernel is asked to back with huge
 * pages; large blocks come from it too, and it is never given back
 * before the process ends. Threads share it. Where transparent huge
 * pages are off, the advice does nothing. */
static void
reserve_huge_heap (void)
{
#if defined(__GLIBC__) && defined(__linux__) && defined(MADV_HUGEPAGE)
  const size_t huge = 2 << 20;
  const size_t reserve = 256 << 20;
  uintptr_t start, end;
  void *grow;

  mallopt (M_ARENA_MAX, 1);
  mallopt (M_MMAP_THRESHOLD, 32 << 20);
  mallopt (M_TRIM_THRESHOLD, (int) reserve);
  mallopt (M_TOP_PAD, (int) reserve);

  grow = malloc (huge);
  start = (uintptr_t) grow;
  end = (uintptr_t) sbrk (0);
  free (grow);
  start = (start + huge - 1) & ~(uintptr_t) (huge - 1);
  end &= ~(uintptr_t) (huge - 1);
  /* Only the heap's own reserve: had the heap no room to grow, the block
   * came from elsewhere. */
  if (end > start && end - start <= reserve + 2 * huge)
    madvise ((void *) start, end - start, MADV_HUGEPAGE);
#endif
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  TiesWindowMain window_main = NULL;
  GModule *module;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (is_command_line (argc, argv))
    {
      reserve_huge_heap ();
      return ties_cli_main (argc, argv);
    }

  module = ties_modules_open ("ties-window", &error);
  if (module == NULL || !g_module_symbol (module, TIES_WINDOW_MAIN, (gpointer *) &window_main))
    {
      /* TRANSLATORS: the window's module did not load; %s says why */
      g_printerr (_("ties: cannot open a window: %s\n"),
                  error != NULL ? error->message : g_module_error ());
      return 1;
    }

  /* Never unloaded: GTK's types live in it until the process ends. */
  return window_main (argc, argv);
}
