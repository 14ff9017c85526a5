/* ties-cli.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#if defined(__GLIBC__) && defined(__linux__)
#include <malloc.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

#include "ties-annotation-export.h"
#include "ties-article-import.h"
#include "ties-cli.h"
#include "ties-csv-export.h"
#include "ties-csv-import.h"
#include "ties-cytoscape-export.h"
#include "ties-document-io.h"
#include "ties-dot-export.h"
#include "ties-export.h"
#include "ties-gexf-export.h"
#include "ties-graph.h"
#include "ties-graphml-export.h"
#include "ties-jgf-export.h"
#include "ties-layout.h"
#include "ties-timeline.h"
#include "ties-timeline-export.h"
#include "ties-network.h"
#include "ties-network-import.h"
#include "ties-renderer.h"
#include "ties-suggest.h"
#include "ties-suggestion-json.h"

typedef struct
{
  char *output;
  char *format;
  char *layout;
  char *focus;
  int width;
  int height;
  double scale;
  char *style;
  char *background;
  char *from;
  char *to;
  char *kinds;
  char *title;
  gboolean mark_weak_ties;
  char *table;
  char *gexf_edges;
  char *panel;
  char *lanes;
  char *frames;
  int recent;           /* RECENT_UNSET when not given */
} ExportRequest;

#define RECENT_UNSET -1
#define RECENT_DEFAULT 3

/* Options that shape a picture: they mean nothing to a data export. */
static gboolean
request_draws (const ExportRequest *request)
{
  return request->layout != NULL || request->focus != NULL || request->width != 0 || request->height != 0
         || request->scale != 0 || request->style != NULL || request->background != NULL
         || request->title != NULL || request->mark_weak_ties
         || request->panel != NULL || request->lanes != NULL
         || request->frames != NULL || request->recent != RECENT_UNSET;
}

/* Any option of an export at all, beyond where it goes. */
static gboolean
request_has_options (const ExportRequest *request)
{
  return request_draws (request) || request->format != NULL || request->from != NULL || request->to != NULL
         || request->kinds != NULL || request->table != NULL || request->gexf_edges != NULL;
}

static void
export_request_clear (ExportRequest *request)
{
  g_free (request->output);
  g_free (request->format);
  g_free (request->layout);
  g_free (request->focus);
  g_free (request->style);
  g_free (request->background);
  g_free (request->from);
  g_free (request->to);
  g_free (request->kinds);
  g_free (request->title);
  g_free (request->table);
  g_free (request->gexf_edges);
  g_free (request->panel);
  g_free (request->lanes);
  g_free (request->frames);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportRequest, export_request_clear)

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

/* Loads the document named on the command line, printing where it is
 * broken, or the warnings about it, on standard error. */
static TiesDocument *
load_reporting (const char *arg)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (arg);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;
  TiesDocument *document;

  document = ties_document_load_from_file (file, &warnings, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return NULL;
    }

  for (guint j = 0; j < warnings->len; j++)
    g_printerr (_("%s (warning)\n"), (const char *) g_ptr_array_index (warnings, j));

  return document;
}

int
ties_cli_validate (const char * const *files)
{
  int status = TIES_EXIT_OK;

  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    {
      g_autoptr(TiesDocument) document = load_reporting (files[i]);

      if (document == NULL)
        {
          status = TIES_EXIT_INVALID;
          continue;
        }

      print_summary (files[i], document, files[i + 1] == NULL);
      if (files[i + 1] == NULL)
        keep_until_exit (g_steal_pointer (&document));
    }

  return status;
}

/* Rewrites each file in canonical form through the window's own save
 * path, and only where that changes its bytes: a file already normal
 * keeps its time stamp, which build tools and git look at. */
int
ties_cli_normalize (const char * const *files)
{
  int status = TIES_EXIT_OK;

  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr(GPtrArray) warnings = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(TiesDocument) document = NULL;
      g_autoptr(GBytes) canonical = NULL;
      g_autoptr(GBytes) current = NULL;
      char *contents = NULL;
      gsize length = 0;

      document = ties_document_load_from_file (file, &warnings, NULL, &error);
      if (document == NULL)
        {
          g_printerr ("%s\n", error->message);
          status = TIES_EXIT_INVALID;
          continue;
        }

      for (guint j = 0; j < warnings->len; j++)
        g_printerr (_("%s (warning)\n"), (const char *) g_ptr_array_index (warnings, j));

      canonical = ties_document_save_to_bytes (document, &error);
      if (canonical != NULL && g_file_load_contents (file, NULL, &contents, &length, NULL, NULL))
        current = g_bytes_new_take (contents, length);

      if (canonical != NULL && current != NULL && g_bytes_equal (canonical, current))
        {
          /* Translators: printed by `ties --normalize` for a document
           * whose file was left as it was. */
          g_print (_("%s: already normal\n"), files[i]);
        }
      else if (canonical != NULL && ties_document_save_to_file (document, file, NULL, &error))
        {
          /* Translators: printed by `ties --normalize` for a document
           * that was rewritten in canonical form. */
          g_print (_("%s: normalized\n"), files[i]);
        }
      else
        {
          g_printerr ("%s\n", error->message);
          status = TIES_EXIT_INVALID;
          continue;
        }

      if (files[i + 1] == NULL)
        keep_until_exit (g_steal_pointer (&document));
    }

  return status;
}

/* `ties --import ARTICLE [--into DOC] -o OUT`: the article as a new
 * source, in a new document or in DOC, written to OUT through the safe
 * save; nothing is written when anything fails. */
static int
ties_cli_import (const char *article,
                 const char *into,
                 const char *output)
{
  g_autoptr(GFile) article_file = g_file_new_for_commandline_arg (article);
  g_autoptr(GFile) output_file = g_file_new_for_commandline_arg (output);
  g_autoptr(TiesDocument) document = NULL;
  g_autoptr(TiesSource) source = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;

  source = ties_article_import_file (article_file, NULL, &error);
  if (source == NULL)
    {
      g_printerr ("ties: %s\n", error->message);
      return TIES_EXIT_INVALID;
    }

  if (into != NULL)
    {
      document = load_reporting (into);
      if (document == NULL)
        return TIES_EXIT_INVALID;
    }
  else
    {
      document = ties_document_new ();
      ties_document_set_title (document, ties_source_get_title (source));
    }

  id = ties_article_import_add (document, source);
  if (!ties_document_save_to_file (document, output_file, NULL, &error))
    {
      g_printerr ("ties: %s\n", error->message);
      return TIES_EXIT_INVALID;
    }

  /* Translators: printed by `ties --import`: the document written, then
   * the id of the source the article became. */
  g_print (_("%s: added source %s\n"), output, id);

  return TIES_EXIT_OK;
}

/* What a table or a network is imported into: DOC when given (NULL,
 * reported, when it does not load), else a new document named after
 * the file. */
static TiesDocument *
import_target (const char *into,
               GFile      *from)
{
  g_autofree char *base = NULL;
  TiesDocument *document;
  char *dot;

  if (into != NULL)
    return load_reporting (into);

  base = g_file_get_basename (from);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  document = ties_document_new ();
  ties_document_set_title (document, base);

  return document;
}

/* `ties --import TABLE.csv [--into DOC] [--skip-bad-rows] -o OUT`: the
 * events of a spreadsheet, in a new document or in DOC, written to OUT
 * through the safe save. A bad cell writes nothing, unless bad rows are
 * to be skipped; every bad cell is printed, one a line, so that one pass
 * over the spreadsheet fixes them all. */
static int
ties_cli_import_csv (const char *table,
                     const char *into,
                     gboolean    skip_bad_rows,
                     const char *output)
{
  g_autoptr(GFile) table_file = g_file_new_for_commandline_arg (table);
  g_autoptr(GFile) output_file = g_file_new_for_commandline_arg (output);
  g_autoptr(TiesDocument) document = NULL;
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  document = import_target (into, table_file);
  if (document == NULL)
    return TIES_EXIT_INVALID;

  if (!ties_csv_import_events_from_file (document, table_file, table,
                                         skip_bad_rows ? TIES_CSV_IMPORT_SKIP_BAD_ROWS : TIES_CSV_IMPORT_NONE,
                                         &n_added, &report, &error))
    {
      g_printerr ("%s\n", error->message);
      if (g_error_matches (error, TIES_CSV_IMPORT_ERROR, TIES_CSV_IMPORT_ERROR_BAD_ROWS))
        g_printerr (_("ties: nothing imported; fix the cells above, or import the other rows with --skip-bad-rows\n"));
      return TIES_EXIT_INVALID;
    }
  for (guint i = 0; i < report->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (report, i));

  if (!ties_document_save_to_file (document, output_file, NULL, &error))
    {
      g_printerr ("ties: %s\n", error->message);
      return TIES_EXIT_INVALID;
    }

  /* Translators: printed by `ties --import TABLE.csv`: the document
   * written, then how many events it got. */
  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: added %u event\n", "%s: added %u events\n", n_added),
           output, n_added);

  return TIES_EXIT_OK;
}

/* `ties --import NET.gexf|NET.graphml [--into DOC] -o OUT`: a network's
 * nodes as actors and its edges as undated events, in a new document or
 * in DOC (whose actors the nodes are when they name them), written to
 * OUT through the safe save. A bad file writes nothing; every problem is
 * printed with its line. */
static int
ties_cli_import_network (const char *network,
                         const char *into,
                         const char *output)
{
  g_autoptr(GFile) network_file = g_file_new_for_commandline_arg (network);
  g_autoptr(GFile) output_file = g_file_new_for_commandline_arg (output);
  g_autoptr(TiesDocument) document = NULL;
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *actors = NULL;
  g_autofree char *events = NULL;
  guint n_actors = 0, n_events = 0;

  document = import_target (into, network_file);
  if (document == NULL)
    return TIES_EXIT_INVALID;

  if (!ties_network_import_from_file (document, network_file, network, &n_actors, &n_events, &report, &error))
    {
      g_printerr ("%s\n", error->message);
      g_printerr (_("ties: nothing imported\n"));
      return TIES_EXIT_INVALID;
    }
  for (guint i = 0; i < report->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (report, i));

  if (!ties_document_save_to_file (document, output_file, NULL, &error))
    {
      g_printerr ("ties: %s\n", error->message);
      return TIES_EXIT_INVALID;
    }

  /* Translators: printed by `ties --import NET.gexf`: the document
   * written, then "N actors", then "N events". */
  actors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u actor", "%u actors", n_actors), n_actors);
  events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", n_events), n_events);
  g_print (_("%s: added %s and %s\n"), output, actors, events);

  return TIES_EXIT_OK;
}

/* `ties --suggest`: every proposal of every source as a line of JSON, on
 * standard output in UTF-8 whatever the locale, for scripts. */
static int
ties_cli_suggest (const char * const *files)
{
  int status = TIES_EXIT_OK;

  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    {
      g_autoptr(TiesDocument) document = load_reporting (files[i]);
      g_autoptr(GPtrArray) suggestions = NULL;

      if (document == NULL)
        {
          status = TIES_EXIT_INVALID;
          continue;
        }

      suggestions = ties_suggest_document (document);
      for (guint j = 0; j < suggestions->len; j++)
        {
          g_autofree char *line = ties_suggestion_to_json_line (g_ptr_array_index (suggestions, j));

          fputs (line, stdout);
          fputc ('\n', stdout);
        }
    }
  fflush (stdout);

  return status;
}

/* One line on standard error, for a script's log. */
static int
usage_error (const char *format,
             ...) G_GNUC_PRINTF (1, 2);

static int
usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("ties: %s\n", message);

  return TIES_EXIT_USAGE;
}

static TiesDate *
parse_bound (const char  *text,
             const char  *option,
             int         *status)
{
  g_autoptr(GError) error = NULL;
  TiesDate *date;

  if (text == NULL)
    return NULL;

  date = ties_date_parse (text, NULL, &error);
  if (date == NULL)
    *status = usage_error (_("%s: %s"), option, error->message);

  return date;
}

/* The document named on the command line, or NULL after printing why
 * not (each problem on a line of its own, with its place). */
static TiesDocument *
load_or_say_why (const char *input)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (input);
  g_autoptr(GError) error = NULL;
  TiesDocument *document = ties_document_load_from_file (file, NULL, NULL, &error);

  if (document == NULL)
    g_printerr ("%s\n", error->message);

  return document;
}

/* The format --format names, or else the extension of OUT: "jsonld" for
 * "a.jsonld". */
static const char *
format_name (const ExportRequest *request)
{
  const char *text = request->format != NULL ? request->format : request->output;
  const char *dot = strrchr (text, '.');

  return dot != NULL ? dot + 1 : text;
}

/* W3C Web Annotations of the evidence, which draw nothing. */
static gboolean
is_annotation_format (const ExportRequest *request)
{
  return g_ascii_strcasecmp (format_name (request), "jsonld") == 0;
}

static int
ties_cli_export_annotations (const ExportRequest *request,
                             const char          *input)
{
  g_autoptr(GFile) output = g_file_new_for_commandline_arg (request->output);
  g_autoptr(TiesDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (request_draws (request) || request->from != NULL || request->to != NULL || request->kinds != NULL
      || request->table != NULL)
    return usage_error (_("drawing options do not apply to a Web Annotation export"));

  document = load_or_say_why (input);
  if (document == NULL)
    return TIES_EXIT_INVALID;

  if (!ties_annotation_export_to_file (document, output, &error))
    {
      g_printerr ("ties: %s\n", error->message);
      return TIES_EXIT_INVALID;
    }

  return TIES_EXIT_OK;
}

/* The saved filter (every part of it, as the window applies it), with
 * the bounds and kinds the command line gives instead; NULL and a usage
 * error in *status for a kind the document does not have. */
static TiesFilter *
request_filter (const ExportRequest *request,
                TiesDocument        *document,
                TiesDate            *from,
                TiesDate            *to,
                int                 *status)
{
  g_autoptr(TiesFilter) filter = ties_filter_copy (ties_document_get_filter (document));

  if (from != NULL)
    ties_filter_set_from (filter, ties_date_get_text (from));
  if (to != NULL)
    ties_filter_set_to (filter, ties_date_get_text (to));
  if (request->kinds != NULL)
    {
      g_auto(GStrv) kinds = g_strsplit (request->kinds, ",", -1);

      for (guint i = 0; kinds[i] != NULL; i++)
        if (ties_document_lookup_event_kind (document, kinds[i]) == NULL)
          {
            *status = usage_error (_("--kinds: “%s” is not an event kind of this document"), kinds[i]);
            return NULL;
          }
      ties_filter_set_kinds (filter, (const char * const *) kinds);
    }

  return g_steal_pointer (&filter);
}

/* The network for graph tools, which draws nothing either. */
typedef gboolean (*NetworkExport) (TiesDocument  *document,
                                   TiesFilter    *filter,
                                   GFile         *file,
                                   GError       **error);

/* "graphml", "gexf", "jgf", "cyjs", "dot" (or "gv"), "timelinejs"; NULL
 * for anything else. */
static NetworkExport
network_format (const ExportRequest *request)
{
  const char *name = format_name (request);

  if (g_ascii_strcasecmp (name, "graphml") == 0)
    return ties_graphml_export_to_file;
  if (g_ascii_strcasecmp (name, "gexf") == 0)
    return ties_gexf_export_to_file;
  if (g_ascii_strcasecmp (name, "jgf") == 0)
    return ties_jgf_export_to_file;
  if (g_ascii_strcasecmp (name, "cyjs") == 0)
    return ties_cytoscape_export_to_file;
  if (g_ascii_strcasecmp (name, "dot") == 0 || g_ascii_strcasecmp (name, "gv") == 0)
    return ties_dot_export_to_file;
  if (g_ascii_strcasecmp (name, "timelinejs") == 0)
    return ties_timeline_export_to_file;

  return NULL;
}

/* A table, which --table chooses. */
static gboolean
is_csv_format (const ExportRequest *request)
{
  return g_ascii_strcasecmp (format_name (request), "csv") == 0;
}

/* A network export, or with @export NULL the CSV table @request names. */
static int
ties_cli_export_network (const ExportRequest *request,
                         NetworkExport        export,
                         const char          *input)
{
  g_autoptr(GFile) output = g_file_new_for_commandline_arg (request->output);
  g_autoptr(TiesDocument) document = NULL;
  g_autoptr(TiesFilter) filter = NULL;
  g_autoptr(TiesDate) from = NULL;
  g_autoptr(TiesDate) to = NULL;
  g_autoptr(GError) error = NULL;
  TiesCsvTable table = TIES_CSV_TABLE_EVENTS;
  TiesGexfEdges gexf_edges = TIES_GEXF_EDGES_TIES;
  gboolean ok;
  int status = TIES_EXIT_OK;

  if (request_draws (request))
    return usage_error (_("drawing options do not apply to a network export"));
  if (request->table != NULL && export != NULL)
    return usage_error (_("--table goes with a CSV export"));
  if (request->table != NULL && !ties_csv_table_from_string (request->table, &table))
    return usage_error (_("--table: “%s” is not events, actors or ties"), request->table);
  if (request->gexf_edges != NULL && !ties_gexf_edges_from_string (request->gexf_edges, &gexf_edges))
    return usage_error (_("--gexf-edges: “%s” is not ties or events"), request->gexf_edges);
  from = parse_bound (request->from, "--from", &status);
  to = parse_bound (request->to, "--to", &status);
  if (status != TIES_EXIT_OK)
    return status;

  document = load_or_say_why (input);
  if (document == NULL)
    return TIES_EXIT_INVALID;

  filter = request_filter (request, document, from, to, &status);
  if (filter == NULL)
    return status;

  if (export == ties_gexf_export_to_file)
    ok = ties_gexf_export_to_file_full (document, filter, gexf_edges, output, &error);
  else if (export != NULL)
    ok = export (document, filter, output, &error);
  else
    ok = ties_csv_export_to_file (document, filter, table, output, &error);
  if (!ok)
    {
      g_printerr ("ties: %s\n", error->message);
      return TIES_EXIT_INVALID;
    }

  return TIES_EXIT_OK;
}

/* A frame series spans at most this many months (a century): an event
 * of 1066 in a document of 2019 would otherwise fill a disk. */
#define MAX_FRAMES 1200

/* What frames are named after: the document's file name without
 * ".ties.json" (or its last extension). */
static char *
frames_stem (const char *input)
{
  g_autofree char *base = g_path_get_basename (input);
  char *dot;

  if (g_str_has_suffix (base, ".ties.json"))
    base[strlen (base) - strlen (".ties.json")] = '\0';
  else if ((dot = strrchr (base, '.')) != NULL && dot != base)
    *dot = '\0';

  return g_steal_pointer (&base);
}

/* `ties --export OUTDIR --frames month FILE`: the diagram as of the last
 * day of each month, from the month of the first event to that of the
 * last, one PNG each, the events of the last --recent months standing
 * out and the month written as the title. All are drawn at the places
 * of one layout of the whole network, so that actors keep their places
 * from slide to slide. */
static int
ties_cli_export_frames (const ExportRequest     *request,
                        const char              *input,
                        TiesNetwork             *network,
                        const char              *focus,
                        const TiesRenderOptions *render_options,
                        const TiesExportOptions *export_options)
{
  g_autoptr(GFile) folder = g_file_new_for_commandline_arg (request->output);
  g_autoptr(TiesGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stem = frames_stem (input);
  int recent = request->recent != RECENT_UNSET ? request->recent : RECENT_DEFAULT;
  int first_month, last_month;

  if (!ties_network_get_month_span (network, &first_month, &last_month))
    {
      g_printerr (_("ties: %s: no event has a date, so there is no month to draw\n"), input);
      return TIES_EXIT_INVALID;
    }
  if (last_month - first_month + 1 > MAX_FRAMES)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "ties: %s: the events span %d month; a series has at most %d frames\n",
                               "ties: %s: the events span %d months; a series has at most %d frames\n",
                               last_month - first_month + 1),
                  input, last_month - first_month + 1, MAX_FRAMES);
      return TIES_EXIT_INVALID;
    }

  if (!g_file_make_directory_with_parents (folder, NULL, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_printerr ("ties: %s\n", error->message);
      return TIES_EXIT_INVALID;
    }
  g_clear_error (&error);

  graph = ties_export_lay_out (network, request->layout, focus);

  for (int month = first_month; month <= last_month; month++)
    {
      g_autoptr(TiesDate) as_of = ties_date_new_month (month);
      /* Before year 1, nothing is told apart by its age: NULL. */
      g_autoptr(TiesDate) recent_from = ties_date_new_month (month - (recent - 1));
      g_autofree char *month_name = ties_date_format (as_of);
      g_autofree char *title = NULL;
      g_autofree char *name = g_strdup_printf ("%s-%s.png", stem, ties_date_get_text (as_of));
      g_autofree char *path = g_build_filename (request->output, name, NULL);
      g_autoptr(GFile) file = g_file_get_child (folder, name);
      g_autoptr(TiesScene) scene = NULL;
      TiesRenderOptions options = *render_options;

      if (request->title != NULL)
        /* Translators: the title of a frame of `ties --export OUTDIR
         * --frames month`: the title given with --title, then the
         * month the frame shows ("May 2019"). */
        title = g_strdup_printf (_("%s — %s"), request->title, month_name);
      else
        title = g_strdup (month_name);

      options.as_of = as_of;
      options.recent_from = recent_from;
      options.title = title;
      scene = ties_export_prepare_scene_for_layout (network, graph, request->layout, &options);
      if (!ties_export_to_file (scene, export_options, file, &error))
        {
          g_printerr ("ties: %s\n", error->message);
          return TIES_EXIT_INVALID;
        }
      g_print ("%s\n", path);
    }

  return TIES_EXIT_OK;
}

static int
ties_cli_export (const ExportRequest *request,
                 const char          *input)
{
  g_autoptr(GFile) output = NULL;
  g_autoptr(TiesDocument) document = NULL;
  g_autoptr(TiesNetwork) network = NULL;
  g_autoptr(TiesScene) scene = NULL;
  g_autoptr(TiesTimeline) timeline = NULL;
  g_autoptr(TiesDate) from = NULL;
  g_autoptr(TiesDate) to = NULL;
  g_autoptr(TiesFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  TiesExportOptions export_options;
  TiesExportFormat format;
  TiesLayoutKind layout;
  TiesRenderOptions render_options;
  TiesTimelineOptions timeline_options;
  TiesTimelinePanel panel = TIES_TIMELINE_PANEL_DIAGRAM;
  NetworkExport network_export;
  const char *focus;
  int status = TIES_EXIT_OK;

  /* Every option is checked before anything is read or written. */
  if (request->frames != NULL)
    {
      /* OUT is a folder: its name says nothing of a format. */
      if (!g_str_equal (request->frames, "month"))
        return usage_error (_("--frames: “%s” is not month"), request->frames);
      if (request->format != NULL && g_ascii_strcasecmp (request->format, "png") != 0)
        return usage_error (_("--frames draws PNG pictures: --format png, or no --format"));
      if (request->panel != NULL && !g_str_equal (request->panel, "diagram"))
        return usage_error (_("--frames draws the diagram alone: --panel diagram, or no --panel"));
      if (request->table != NULL || request->gexf_edges != NULL)
        return usage_error (_("--frames draws pictures: --table and --gexf-edges do not apply"));
      if (request->recent != RECENT_UNSET && (request->recent < 1 || request->recent > 120))
        return usage_error (_("--recent: from 1 to 120 months"));
      if (g_file_test (request->output, G_FILE_TEST_EXISTS) && !g_file_test (request->output, G_FILE_TEST_IS_DIR))
        return usage_error (_("--frames: “%s” is not a folder"), request->output);
    }
  else
    {
      if (request->recent != RECENT_UNSET)
        return usage_error (_("--recent goes with --frames month"));
      if (request->gexf_edges != NULL && g_ascii_strcasecmp (format_name (request), "gexf") != 0)
        return usage_error (_("--gexf-edges goes with a GEXF export"));
      if (is_annotation_format (request))
        return ties_cli_export_annotations (request, input);
      network_export = network_format (request);
      if (network_export != NULL || is_csv_format (request))
        return ties_cli_export_network (request, network_export, input);
      if (request->table != NULL)
        return usage_error (_("--table goes with a CSV export"));
    }

  if (request->frames != NULL)
    format = TIES_EXPORT_PNG;
  else if (!ties_export_format_from_string (request->format != NULL ? request->format : request->output, &format))
    return usage_error (request->format != NULL
                          ? _("--format: “%s” is not png, svg, pdf, jsonld, gexf, graphml, jgf, cyjs, dot, csv or timelinejs")
                          : _("--export: cannot tell the format of “%s”: name it .png, .svg, .pdf, .jsonld, .gexf, .graphml, .jgf, .cyjs, .dot, .csv or .timelinejs, or give --format"),
                        request->format != NULL ? request->format : request->output);
  if (request->layout != NULL && !ties_layout_kind_from_string (request->layout, &layout))
    return usage_error (_("--layout: “%s” is not force, radial or circle"), request->layout);
  if (request->width < 0 || request->width > 20000 || request->height < 0 || request->height > 20000)
    return usage_error (_("--width and --height: from 1 to 20000"));
  if (request->scale != 0 && (request->scale < 0.25 || request->scale > 8))
    return usage_error (_("--scale: from 0.25 to 8"));
  if (request->style != NULL && !g_str_equal (request->style, "light") && !g_str_equal (request->style, "dark"))
    return usage_error (_("--style: “%s” is not light or dark"), request->style);
  if (request->background != NULL
      && !g_str_equal (request->background, "solid") && !g_str_equal (request->background, "transparent"))
    return usage_error (_("--background: “%s” is not solid or transparent"), request->background);
  if (request->panel != NULL && !ties_timeline_panel_from_string (request->panel, &panel))
    return usage_error (_("--panel: “%s” is not diagram, timeline or both"), request->panel);
  if (request->lanes != NULL && !g_str_equal (request->lanes, "actor") && !g_str_equal (request->lanes, "kind"))
    return usage_error (_("--lanes: “%s” is not actor or kind"), request->lanes);
  if (request->lanes != NULL && panel == TIES_TIMELINE_PANEL_DIAGRAM)
    return usage_error (_("--lanes goes with --panel timeline or both"));
  from = parse_bound (request->from, "--from", &status);
  to = parse_bound (request->to, "--to", &status);
  if (status != TIES_EXIT_OK)
    return status;

  ties_scene_prepare_fonts ();
  document = load_or_say_why (input);
  if (document == NULL)
    return TIES_EXIT_INVALID;

  /* The document's own view, unless the command line says otherwise. */
  focus = request->focus != NULL ? request->focus : ties_document_get_focus (document);
  if (request->focus != NULL && ties_document_lookup_actor (document, request->focus) == NULL)
    return usage_error (_("--focus: no actor has the id “%s”"), request->focus);

  filter = request_filter (request, document, from, to, &status);
  if (filter == NULL)
    return status;

  network = ties_network_new (document);
  ties_network_set_filter (network, filter);

  ties_render_options_init (&render_options);
  render_options.style = g_strcmp0 (request->style, "dark") == 0 ? TIES_STYLE_DARK : TIES_STYLE_LIGHT;
  render_options.solid_background = g_strcmp0 (request->background, "transparent") != 0;
  render_options.title = request->title;
  render_options.mark_weak_ties = request->mark_weak_ties;

  ties_export_options_init (&export_options, format);
  if (request->width > 0)
    export_options.width = request->width;
  if (request->height > 0)
    export_options.height = request->height;
  if (request->scale > 0)
    export_options.scale = request->scale;

  if (panel != TIES_TIMELINE_PANEL_DIAGRAM)
    {
      ties_timeline_options_init (&timeline_options);
      timeline_options.lanes = g_strcmp0 (request->lanes, "kind") == 0 ? TIES_TIMELINE_LANES_KIND
                                                                        : TIES_TIMELINE_LANES_ACTOR;
      timeline_options.style = render_options.style;
      timeline_options.solid_background = render_options.solid_background;
      timeline = ties_timeline_new (document, network, &timeline_options);
      /* Without --height the page grows to give every lane room: the
       * strip alone is as tall as its lanes, and both panels put it
       * below a diagram of the usual size. */
      if (request->height == 0)
        {
          int strip = (int) ties_timeline_get_natural_height (timeline);

          export_options.height = panel == TIES_TIMELINE_PANEL_TIMELINE
                                  ? MIN (strip, 20000)
                                  : export_options.height + MIN (strip, 600);
        }
    }

  render_options.page_width = export_options.width;
  render_options.page_height = export_options.height;
  /* Both panels: the diagram fills what the strip below leaves. */
  if (panel == TIES_TIMELINE_PANEL_BOTH)
    render_options.page_height -= ties_timeline_panel_height (timeline, export_options.height);
  render_options.fill_page = TRUE;
  if (request->frames != NULL)
    return ties_cli_export_frames (request, input, network, focus, &render_options, &export_options);
  if (panel != TIES_TIMELINE_PANEL_TIMELINE)
    scene = ties_export_prepare_scene (network, request->layout, focus, &render_options);

  /* Made only now: the first GFile sets up GIO's file system support,
   * which need not hold up the fonts' loading (prepared above). */
  output = g_file_new_for_commandline_arg (request->output);
  if (timeline != NULL
      ? !ties_timeline_export_panels (timeline, scene, &export_options, output, &error)
      : !ties_export_to_file (scene, &export_options, output, &error))
    {
      g_printerr ("ties: %s\n", error->message);
      return TIES_EXIT_INVALID;
    }

  /* The process ends here: freeing a large scene, its network and its
   * document took a tenth of the time of an SVG export of 2,000 actors. */
  if (scene != NULL)
    keep_until_exit (g_steal_pointer (&scene));
  if (timeline != NULL)
    keep_until_exit (g_steal_pointer (&timeline));
  keep_until_exit (g_steal_pointer (&network));
  keep_until_exit (g_steal_pointer (&document));

  return TIES_EXIT_OK;
}

/* A command's memory in huge pages. An export of a few thousand actors
 * touches tens of megabytes once, and a page fault costs far more than
 * the work done in the page, most of all in virtual machines: faulting
 * 2 MiB at a time rather than 4 KiB took a third off such exports. The
 * heap is grown once by a reserve the kernel is asked to back with huge
 * pages; large blocks come from it too, and it is never given back
 * before the process ends. Threads share it. Where transparent huge
 * pages are off, the advice does nothing. A small command does without
 * (wants_huge_heap()). */
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
  free (grow);
  /* Read after the free, which may trim the top: advice that reaches
   * past the heap fails with ENOMEM. */
  end = (uintptr_t) sbrk (0);
  start = (start + huge - 1) & ~(uintptr_t) (huge - 1);
  end &= ~(uintptr_t) (huge - 1);
  /* Only the heap's own reserve: had the heap no room to grow, the block
   * came from elsewhere. */
  if (end > start && end - start <= reserve + 2 * huge)
    madvise ((void *) start, end - start, MADV_HUGEPAGE);
#endif
}

/* Below this a document's data, and all a drawing of it as vectors
 * needs, fit in a few megabytes. */
#define SMALL_DOCUMENT_BYTES (256 << 10)

/* Whether the command will touch enough memory for reserve_huge_heap()
 * to pay: zeroing the reserve's first huge pages cost 0.5 to 2 ms of an
 * SVG export of 50 actors (36 ms), and saved 20 ms of one of 500 actors
 * and 30 ms of any PNG (its pixels are megabytes). */
static gboolean
wants_huge_heap (const ExportRequest *request,
                 char               **files)
{
  TiesExportFormat format;

  if (files == NULL || files[0] == NULL)
    return TRUE;
  if (request->output != NULL
      && (request->frames != NULL
          || (ties_export_format_from_string (request->format != NULL ? request->format : request->output, &format)
              && format == TIES_EXPORT_PNG)))
    return TRUE;

  for (guint i = 0; files[i] != NULL; i++)
    {
      GStatBuf st;

      if (g_stat (files[i], &st) != 0 || st.st_size >= SMALL_DOCUMENT_BYTES)
        return TRUE;
    }

  return FALSE;
}

int
ties_cli_main (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;
  g_auto(ExportRequest) export = { .recent = RECENT_UNSET };
  g_autofree char *import = NULL;
  g_autofree char *into = NULL;
  gboolean validate = FALSE;
  gboolean normalize = FALSE;
  gboolean suggest = FALSE;
  gboolean skip_bad_rows = FALSE;
  gboolean version = FALSE;
  const GOptionEntry entries[] = {
    { "validate", 0, 0, G_OPTION_ARG_NONE, &validate,
      N_("Check documents and print a summary of each, or where each is broken"), NULL },
    { "normalize", 0, 0, G_OPTION_ARG_NONE, &normalize,
      N_("Rewrite documents in canonical form, safely, as the window saves them"), NULL },
    { "suggest", 0, 0, G_OPTION_ARG_NONE, &suggest,
      N_("Print the events each source seems to tell of, as JSON Lines"), NULL },
    { "export", 'o', 0, G_OPTION_ARG_FILENAME, &export.output,
      N_("Export FILE into OUT: its diagram (.png, .svg, .pdf), its evidence as Web Annotations (.jsonld) or its network (.gexf, .graphml, .jgf, .cyjs, .dot), a table (.csv) or a timeline (.timelinejs)"), N_("OUT") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &export.format,
      N_("Format of the export, when OUT's name does not say: png, svg, pdf, jsonld, gexf, graphml, jgf, cyjs, dot, csv or timelinejs"), N_("FORMAT") },
    { "layout", 0, 0, G_OPTION_ARG_STRING, &export.layout,
      N_("force, radial or circle (default: the document's)"), N_("LAYOUT") },
    { "focus", 0, 0, G_OPTION_ARG_STRING, &export.focus,
      N_("The actor at the centre of a radial layout"), N_("ACTOR_ID") },
    { "width", 0, 0, G_OPTION_ARG_INT, &export.width,
      N_("Width in pixels (PNG) or points (SVG, PDF)"), N_("N") },
    { "height", 0, 0, G_OPTION_ARG_INT, &export.height,
      N_("Height in pixels (PNG) or points (SVG, PDF)"), N_("N") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &export.scale,
      N_("Pixels per unit of a PNG, for high-resolution screens (default 1)"), N_("SCALE") },
    { "style", 0, 0, G_OPTION_ARG_STRING, &export.style,
      N_("light or dark"), N_("STYLE") },
    { "background", 0, 0, G_OPTION_ARG_STRING, &export.background,
      N_("solid or transparent"), N_("BACKGROUND") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &export.from,
      N_("Only events from this EDTF date on"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &export.to,
      N_("Only events up to this EDTF date"), N_("DATE") },
    { "kinds", 0, 0, G_OPTION_ARG_STRING, &export.kinds,
      N_("Only events of these kinds, separated by commas"), N_("KIND,…") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &export.title,
      N_("A title above the diagram"), N_("TITLE") },
    { "mark-weak-ties", 0, 0, G_OPTION_ARG_NONE, &export.mark_weak_ties,
      N_("Draw ties on a single source dashed, ties on no evidence dotted"), NULL },
    { "table", 0, 0, G_OPTION_ARG_STRING, &export.table,
      N_("The table of a CSV export: events (the default), actors or ties"), N_("TABLE") },
    { "gexf-edges", 0, 0, G_OPTION_ARG_STRING, &export.gexf_edges,
      N_("The edges of a GEXF export: one per tie (the default) or one per event and pair of its participants"), N_("ties|events") },
    { "panel", 0, 0, G_OPTION_ARG_STRING, &export.panel,
      N_("What a picture shows: the diagram (the default), the timeline, or both, the timeline below"), N_("PANEL") },
    { "lanes", 0, 0, G_OPTION_ARG_STRING, &export.lanes,
      N_("The timeline's lanes: one per actor (the default) or per event kind"), N_("LANES") },
    { "frames", 0, 0, G_OPTION_ARG_STRING, &export.frames,
      N_("Export a series of pictures into the folder OUT, one per month (“month”), each the diagram as of that month’s end"), N_("month") },
    { "recent", 0, 0, G_OPTION_ARG_INT, &export.recent,
      N_("With --frames: the events of the last N months stand out, older ones are dimmed (default 3)"), N_("N") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Print the version and exit"), NULL },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, &import,
      N_("Add an article (.txt, .md or .html) as a source, the events of a table (.csv), or the actors and ties of a network (.gexf, .graphml), in a new document written to OUT (-o)"), N_("FILE") },
    { "into", 0, 0, G_OPTION_ARG_FILENAME, &into,
      N_("With --import: add the article to this document, still written to OUT"), N_("DOC") },
    { "skip-bad-rows", 0, 0, G_OPTION_ARG_NONE, &skip_bad_rows,
      N_("With --import TABLE.csv: import the good rows and report the bad ones, instead of nothing"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files,
      NULL, N_("[FILE…]") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Ties keeps the events of news coverage — who met, phoned or wrote to whom,\n"
                                  "when, where, on what evidence — and draws the network of the people involved.\n"
                                  "\n"
                                  "Without options, ties opens each FILE in a window."));
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

  if (wants_huge_heap (&export, files))
    reserve_huge_heap ();

  if (skip_bad_rows && import == NULL)
    return usage_error (_("--skip-bad-rows goes with --import TABLE.csv"));
  if (into != NULL && import == NULL)
    return usage_error (_("--into goes with --import ARTICLE"));
  if (import != NULL)
    {
      if (validate || normalize)
        return usage_error (_("--import goes without --validate and --normalize"));
      if (export.output == NULL)
        return usage_error (_("--import: say where to write the document with -o OUT"));
      if (files != NULL && files[0] != NULL)
        return usage_error (_("--import: add documents with --into DOC, one article at a time"));
      if (request_has_options (&export))
        return usage_error (_("drawing options do not go with --import"));
      if (g_str_has_suffix (import, ".csv") || g_str_has_suffix (import, ".CSV"))
        return ties_cli_import_csv (import, into, skip_bad_rows, export.output);
      if (skip_bad_rows)
        return usage_error (_("--skip-bad-rows goes with --import TABLE.csv"));
      if (ties_network_import_is_network_name (import))
        return ties_cli_import_network (import, into, export.output);
      return ties_cli_import (import, into, export.output);
    }

  if (files == NULL || files[0] == NULL)
    {
      g_printerr (_("ties: no document given; try “ties --validate FILE” or “ties --export OUT FILE”\n"));
      return TIES_EXIT_USAGE;
    }

  if (export.output == NULL && request_has_options (&export))
    return usage_error (_("drawing options go with --export OUT"));

  if (suggest)
    {
      if (validate || normalize || export.output != NULL)
        return usage_error (_("--suggest goes without --validate, --normalize and --export"));
      return ties_cli_suggest ((const char * const *) files);
    }

  if (export.output != NULL)
    {
      if (validate)
        return usage_error (_("--export and --validate go separately"));
      if (normalize)
        return usage_error (_("--export and --normalize go separately"));
      if (files[1] != NULL)
        return usage_error (_("--export draws one document at a time"));
      return ties_cli_export (&export, files[0]);
    }

  if (normalize)
    {
      if (validate)
        return usage_error (_("--normalize and --validate go separately"));
      return ties_cli_normalize ((const char * const *) files);
    }

  return ties_cli_validate ((const char * const *) files);
}
