/* test-i18n.c: the main window in German, from the build tree's catalogs
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test environment is LC_ALL=C.UTF-8. glibc's C.UTF-8 (2.35 and later)
 * honours LANGUAGE for gettext, so LANGUAGE=de is enough and no German
 * locale needs generating; where it does not (another C library), the test
 * falls back to de_DE.UTF-8 and, without that locale, is skipped (77).
 * Dates stay in the C locale's month names: those come from the C library,
 * not from the catalog.
 *
 * TIES_I18N_SCREENSHOT=/tmp/ties-de.png saves a picture of the window, and
 * /tmp/ties-de-actors.png one of the actors view.
 */
#include "config.h"

#include <locale.h>
#include <libintl.h>
#include <string.h>
#include <glib/gi18n.h>

#include "ties-application.h"
#include "ties-document.h"
#include "ties-event-list.h"
#include "ties-window.h"
#include "ui-test-util.h"


static TiesApplication *app;

/* Every string the window shows or says: labels, button labels, tooltips,
 * placeholders, column titles, stack page titles. Each maps to whether a
 * widget showing it is mapped (on screen). */
static void
add_text (GHashTable *texts,
          const char *text,
          gboolean    mapped)
{
  if (text == NULL || *text == '\0')
    return;
  if (mapped || !g_hash_table_contains (texts, text))
    g_hash_table_insert (texts, g_strdup (text), GINT_TO_POINTER (mapped));
}

static void
collect_texts (GtkWidget  *widget,
               GHashTable *texts)
{
  gboolean mapped = gtk_widget_get_mapped (widget);

  if (GTK_IS_LABEL (widget))
    {
      add_text (texts, gtk_label_get_label (GTK_LABEL (widget)), mapped);
      add_text (texts, gtk_label_get_text (GTK_LABEL (widget)), mapped);
    }
  if (GTK_IS_BUTTON (widget))
    add_text (texts, gtk_button_get_label (GTK_BUTTON (widget)), mapped);
  if (GTK_IS_MENU_BUTTON (widget))
    add_text (texts, gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), mapped);
  if (ADW_IS_SPLIT_BUTTON (widget))
    {
      add_text (texts, adw_split_button_get_label (ADW_SPLIT_BUTTON (widget)), mapped);
      add_text (texts, adw_split_button_get_dropdown_tooltip (ADW_SPLIT_BUTTON (widget)), mapped);
    }
  if (GTK_IS_ENTRY (widget))
    add_text (texts, gtk_entry_get_placeholder_text (GTK_ENTRY (widget)), mapped);
  if (GTK_IS_TEXT (widget))
    add_text (texts, gtk_text_get_placeholder_text (GTK_TEXT (widget)), mapped);
  if (ADW_IS_PREFERENCES_ROW (widget))
    add_text (texts, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), mapped);
  if (ADW_IS_STATUS_PAGE (widget))
    {
      add_text (texts, adw_status_page_get_title (ADW_STATUS_PAGE (widget)), mapped);
      add_text (texts, adw_status_page_get_description (ADW_STATUS_PAGE (widget)), mapped);
    }
  if (GTK_IS_COLUMN_VIEW (widget))
    {
      GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (widget));

      for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
        {
          g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

          add_text (texts, gtk_column_view_column_get_title (column), mapped);
        }
    }
  if (GTK_IS_STACK (widget))
    {
      g_autoptr(GListModel) pages = G_LIST_MODEL (gtk_stack_get_pages (GTK_STACK (widget)));

      for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
        {
          g_autoptr(GObject) page = g_list_model_get_item (pages, i);

          add_text (texts, gtk_stack_page_get_title (GTK_STACK_PAGE (page)), mapped);
        }
    }
  add_text (texts, gtk_widget_get_tooltip_text (widget), mapped);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

/* The label of a mapped button (GtkButton, the Open split button, a menu
 * button) whose mnemonic label is @label. */
static gboolean
find_button_label (GtkWidget  *widget,
                   const char *label)
{
  if (gtk_widget_get_mapped (widget))
    {
      if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
        return TRUE;
      if (ADW_IS_SPLIT_BUTTON (widget) && g_strcmp0 (adw_split_button_get_label (ADW_SPLIT_BUTTON (widget)), label) == 0)
        return TRUE;
      if (GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), label) == 0)
        return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_button_label (child, label))
      return TRUE;

  return FALSE;
}

/* A mapped label showing @text in full (not ellipsized). */
static gboolean
is_mapped_label (GtkWidget     *widget,
                 gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static GtkWidget *
find_mapped_label (GtkWidget  *widget,
                   const char *text)
{
  return ui_test_find_matching (widget, is_mapped_label, text);
}

static void
collect_ellipsized (GtkWidget *widget,
                    GPtrArray *ellipsized)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    g_ptr_array_add (ellipsized, (gpointer) gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_ellipsized (child, ellipsized);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* English msgids shown by the main window, and their German. */
static const struct
{
  const char *english;
  const char *german;
} expected[] = {
  { "_Open", "_Öffnen" },
  { "_Save", "_Speichern" },
  { "_Export", "_Exportieren" },
  { "_Layout", "_Anordnung" },
  { "Events", "Ereignisse" },
  { "Actors", "Akteure" },
  { "Date", "Datum" },
  { "Title", "Titel" },
  { "Kind", "Art" },
  { "Participants", "Beteiligte" },
  { "Place", "Ort" },
  { "Evidence", "Belege" },
  { "Search events", "Ereignisse durchsuchen" },
  { "From", "Von" },
  { "To", "Bis" },
  { "Main Menu", "Hauptmenü" },
  { "Undo (Ctrl+Z)", "Rückgängig (Strg+Z)" },
  { "Notes", "Notizen" },
  { "Tags and Notes", "Schlagwörter und Notizen" },
};

static void
test_window_german (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  TiesDocument *document = ties_window_get_document (window);
  TiesEventList *list = TIES_EVENT_LIST (ui_test_find_child (GTK_WIDGET (window), TIES_TYPE_EVENT_LIST));
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) untranslated = g_ptr_array_new ();
  g_autoptr(GPtrArray) ellipsized = g_ptr_array_new ();
  const char *screenshot = g_getenv ("TIES_I18N_SCREENSHOT");
  GHashTableIter iter;
  gpointer key, value;

  /* The catalog itself. */
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (gettext (expected[i].english), ==, expected[i].german);

  /* The window builds each editor when it first shows it: an actor's
   * and a source's are shown once, so that their texts are checked too,
   * then nothing, which shows the whole list again. */
  g_assert_nonnull (list);
  {
    TiesSelection *selection = ties_event_list_get_selection (list);
    g_autoptr(TiesSource) source = g_list_model_get_item (G_LIST_MODEL (ties_document_get_sources (document)), 0);

    g_assert_nonnull (source);
    ties_selection_select_actor (selection, ties_document_lookup_actor (document, "cook"));
    ui_test_iterate_for (50);
    ties_selection_select_source (selection, source);
    ui_test_iterate_for (50);
    ties_selection_clear (selection);
    ui_test_iterate_for (50);
  }

  /* The Cook call in the editor, as in the README's screenshot. */
  ties_event_list_select_event (list, ties_document_lookup_event (document, "cook-call"));
  ui_test_iterate_for (300);

  /* The header bar and the stack switcher, on screen. */
  g_assert_true (find_button_label (GTK_WIDGET (window), "_Öffnen"));
  g_assert_true (find_button_label (GTK_WIDGET (window), "_Speichern"));
  g_assert_true (find_button_label (GTK_WIDGET (window), "_Exportieren"));
  g_assert_true (find_button_label (GTK_WIDGET (window), "_Anordnung"));
  g_assert_nonnull (find_mapped_label (GTK_WIDGET (window), "Ereignisse"));
  g_assert_nonnull (find_mapped_label (GTK_WIDGET (window), "Akteure"));
  /* The event list's column titles, on screen. */
  for (const char * const *title = (const char * const[]) { "Datum", "Titel", "Art", "Beteiligte", NULL };
       *title != NULL; title++)
    g_assert_nonnull (find_mapped_label (GTK_WIDGET (window), *title));

  collect_texts (GTK_WIDGET (window), texts);
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_false (g_hash_table_contains (texts, expected[i].english));
      g_assert_true (g_hash_table_contains (texts, expected[i].german));
    }

  /* No string of the window is an English msgid the catalog translates:
   * that would be a string set without _() or translatable="yes". */
  g_hash_table_iter_init (&iter, texts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *translated = gettext (key);

      if (strcmp (translated, key) != 0)
        {
          g_test_message ("untranslated%s: “%s” (German: “%s”)",
                          GPOINTER_TO_INT (value) ? " on screen" : "", (char *) key, translated);
          g_ptr_array_add (untranslated, key);
        }
    }
  g_assert_cmpuint (untranslated->len, ==, 0);

  /* German is longer than English: nothing in the header bar, the
   * switcher or the editor is cut short. */
  collect_ellipsized (GTK_WIDGET (window), ellipsized);
  for (guint i = 0; i < ellipsized->len; i++)
    g_test_message ("ellipsized: “%s”", (char *) g_ptr_array_index (ellipsized, i));
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *plain = NULL;

      g_assert_true (pango_parse_markup (expected[i].german, -1, '_', NULL, &plain, NULL, NULL));
      for (guint j = 0; j < ellipsized->len; j++)
        g_assert_cmpstr (g_ptr_array_index (ellipsized, j), !=, plain);
    }

  if (screenshot != NULL)
    save_screenshot (GTK_WIDGET (window), screenshot);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The actors view: its column titles and merge button. */
static void
test_actors_german (void)
{
  TiesWindow *window = ui_test_open_sample (app);
  GtkStack *side_stack = NULL;
  GtkWidget *switcher = ui_test_find_child (GTK_WIDGET (window), GTK_TYPE_STACK_SWITCHER);
  GtkWidget *status;

  g_assert_nonnull (switcher);
  side_stack = gtk_stack_switcher_get_stack (GTK_STACK_SWITCHER (switcher));
  gtk_stack_set_visible_child_name (side_stack, "actors");
  ui_test_iterate_for (300);

  g_assert_true (find_button_label (GTK_WIDGET (window), "_Zusammenführen …"));
  for (const char * const *title = (const char * const[]) { "Name", "Art", "Zugehörigkeit", "Ereignisse", NULL };
       *title != NULL; title++)
    g_assert_nonnull (find_mapped_label (GTK_WIDGET (window), *title));
  status = find_mapped_label (GTK_WIDGET (window), "Zwei Akteure auswählen");
  g_assert_nonnull (status);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (status))));

  if (g_getenv ("TIES_I18N_SCREENSHOT") != NULL)
    {
      g_autofree char *base = g_strdup (g_getenv ("TIES_I18N_SCREENSHOT"));
      g_autofree char *path = NULL;

      if (g_str_has_suffix (base, ".png"))
        base[strlen (base) - 4] = '\0';
      path = g_strconcat (base, "-actors.png", NULL);
      save_screenshot (GTK_WIDGET (window), path);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Plural forms and formats from the same catalog. */
static void
test_plurals_and_dates (void)
{
  g_autofree char *one = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u tie", "%u ties", 1), 1);
  g_autofree char *many = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u tie", "%u ties", 3), 3);
  g_autofree char *approx = g_strdup_printf (_("%s (approx.)"), "Mai 2019");

  g_assert_cmpstr (one, ==, "1 Verbindung");
  g_assert_cmpstr (many, ==, "3 Verbindungen");
  g_assert_cmpstr (approx, ==, "Mai 2019 (ca.)");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "Delete Event", "Delete Events", 2), ==, "Ereignisse löschen");
}

/* German messages from the build tree's catalog, or FALSE. */
static gboolean
set_up_german (void)
{
  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALE_BUILDDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (strcmp (gettext ("_Open"), "_Open") != 0)
    return TRUE;

  /* LANGUAGE is ignored in the "C" locale; a C library whose C.UTF-8 also
   * ignores it needs a real German locale. */
  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    return FALSE;
  g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
  textdomain (GETTEXT_PACKAGE);

  return strcmp (gettext ("_Open"), "_Open") != 0;
}

/* Skips the whole program: under meson's TAP protocol an exit status of
 * 77 counts as an error, so a TAP run prints a plan with SKIP instead. */
static int
skip_all (int         argc,
          char       *argv[],
          const char *reason)
{
  for (int i = 1; i < argc; i++)
    if (strcmp (argv[i], "--tap") == 0)
      {
        g_print ("1..0 # SKIP %s\n", reason);
        return 0;
      }

  g_printerr ("Skipped: %s\n", reason);
  return 77;
}

int
main (int   argc,
      char *argv[])
{
  const char *mo = LOCALE_BUILDDIR "/de/LC_MESSAGES/" GETTEXT_PACKAGE ".mo";

  /* Before anything translates: GLib decides once whether to. */
  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s is missing: is “de” in po/LINGUAS and the build up to date?\n", mo);
      return 1;
    }
  if (!set_up_german ())
    {
      g_autofree char *reason = g_strdup_printf ("gettext ignores LANGUAGE in the locale “%s” and de_DE.UTF-8 is not "
                                                 "available (Debian: add “de_DE.UTF-8 UTF-8” to /etc/locale.gen "
                                                 "and run locale-gen)", setlocale (LC_MESSAGES, NULL));

      return skip_all (argc, argv, reason);
    }

  if (!gtk_init_check ())
    return skip_all (argc, argv, "no display");
  g_test_init (&argc, &argv, NULL);
  adw_init ();

  app = ui_test_application_new ("io.github.tiesapp.Ties.TestI18n");

  g_test_add_func ("/i18n/plurals-and-dates", test_plurals_and_dates);
  g_test_add_func ("/i18n/window-german", test_window_german);
  g_test_add_func ("/i18n/actors-german", test_actors_german);

  return g_test_run ();
}
