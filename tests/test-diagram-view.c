/* test-diagram-view.c: the live diagram widget
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>

#include "ties-diagram-view-private.h"
#include "ties-document-io.h"
#include "ties-network.h"
#include "ui-test-util.h"

typedef struct
{
  GtkWindow *window;
  TiesDiagramView *view;
  TiesDocument *document;
  TiesNetwork *network;
} Fixture;

static gboolean
is_settled (gpointer data)
{
  return !_ties_diagram_view_get_animating (data)
         && !ties_diagram_view_get_busy (data);
}

/* Until edits are derived, laid out, eased in and painted. */
static void
settle (TiesDiagramView *view)
{
  ui_test_iterate_until (is_settled, view);
  ui_test_wait_for_frame (GTK_WIDGET (view));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->document = test_load_sample ();
  fixture->network = ties_network_new (fixture->document);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 800, 600);
  fixture->view = TIES_DIAGRAM_VIEW (ties_diagram_view_new ());
  ties_diagram_view_set_network (fixture->view, fixture->network);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  ui_test_wait_for_frame (GTK_WIDGET (fixture->view));
  settle (fixture->view);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->network);
  g_clear_object (&fixture->document);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static guchar *
download (GdkTexture *texture,
          gsize      *stride)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  guchar *pixels;

  *stride = (gsize) width * 4;
  pixels = g_malloc ((gsize) height * *stride);
  gdk_texture_download (texture, pixels, *stride);

  return pixels;
}

static gsize
count_painted (GdkTexture *texture)
{
  gsize stride, painted = 0;
  g_autofree guchar *pixels = download (texture, &stride);
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);

  /* The background is transparent: whatever has alpha was drawn. */
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      painted += pixels[y * stride + x * 4 + 3] != 0;

  return painted;
}

static gsize
count_different (GdkTexture *a,
                 GdkTexture *b)
{
  gsize stride_a, stride_b, different = 0;
  g_autofree guchar *pa = download (a, &stride_a);
  g_autofree guchar *pb = download (b, &stride_b);

  g_assert_cmpint (gdk_texture_get_width (a), ==, gdk_texture_get_width (b));
  g_assert_cmpint (gdk_texture_get_height (a), ==, gdk_texture_get_height (b));
  for (gsize i = 0; i < gdk_texture_get_height (a) * stride_a; i += 4)
    different += memcmp (pa + i, pb + i, 4) != 0;

  return different;
}

static void
test_draws (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GdkTexture) texture = ui_test_render (GTK_WIDGET (fixture->view));
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize painted = count_painted (texture);
  double x, y;

  g_assert_cmpint (width, >=, 700);
  g_assert_cmpint (height, >=, 500);
  /* Nodes, ties, labels and the legend: a good part, never all of it. */
  g_assert_cmpuint (painted, >, (gsize) width * height / 100);
  g_assert_cmpuint (painted, <, (gsize) width * height / 2);

  /* Every actor is drawn inside the widget. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (ties_document_get_actors (fixture->document))); i++)
    {
      g_autoptr(TiesActor) actor = g_list_model_get_item (G_LIST_MODEL (ties_document_get_actors (fixture->document)), i);

      g_assert_true (ties_diagram_view_get_actor_point (fixture->view, ties_actor_get_id (actor), &x, &y));
      g_assert_cmpfloat (x, >=, 0);
      g_assert_cmpfloat (x, <=, width);
      g_assert_cmpfloat (y, >=, 0);
      g_assert_cmpfloat (y, <=, height);
    }

  /* The window as a person sees it. */
  ui_test_save_png (GTK_WIDGET (fixture->window), "/tmp/diagram-view.png");
  g_assert_false (ties_diagram_view_get_busy (fixture->view));
}

static void
test_dark (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GdkTexture) light = ui_test_render (GTK_WIDGET (fixture->view));
  g_autoptr(GdkTexture) dark = NULL;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  ui_test_wait_for_frame (GTK_WIDGET (fixture->view));
  dark = ui_test_render (GTK_WIDGET (fixture->view));
  g_assert_cmpuint (count_different (light, dark), >, 1000);
  ui_test_save_png (GTK_WIDGET (fixture->window), "/tmp/diagram-view-dark.png");
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_zoom (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  g_autoptr(GdkTexture) before = ui_test_render (view);
  g_autoptr(GdkTexture) after = NULL;
  guint notified = 0;
  double zoom;

  g_signal_connect (view, "notify::zoom", G_CALLBACK (on_notify), &notified);
  g_assert_cmpfloat (ties_diagram_view_get_zoom (fixture->view), ==, 1.0);

  g_assert_true (gtk_widget_activate_action (view, "diagram.zoom-in", NULL));
  zoom = ties_diagram_view_get_zoom (fixture->view);
  g_assert_cmpfloat (zoom, >, 1.0);
  g_assert_cmpuint (notified, ==, 1);
  ui_test_wait_for_frame (view);
  after = ui_test_render (view);
  g_assert_cmpuint (count_different (before, after), >, 1000);

  g_assert_true (gtk_widget_activate_action (view, "diagram.zoom-in", NULL));
  g_assert_cmpfloat (ties_diagram_view_get_zoom (fixture->view), >, zoom);
  g_assert_true (gtk_widget_activate_action (view, "diagram.zoom-out", NULL));
  g_assert_cmpfloat_with_epsilon (ties_diagram_view_get_zoom (fixture->view), zoom, 1e-9);
  g_assert_true (gtk_widget_activate_action (view, "diagram.zoom-out", NULL));
  g_assert_true (gtk_widget_activate_action (view, "diagram.zoom-out", NULL));
  g_assert_cmpfloat (ties_diagram_view_get_zoom (fixture->view), <, 1.0);

  g_assert_true (gtk_widget_activate_action (view, "diagram.zoom-fit", NULL));
  g_assert_cmpfloat (ties_diagram_view_get_zoom (fixture->view), ==, 1.0);
  ui_test_wait_for_frame (view);
  g_clear_object (&after);
  after = ui_test_render (view);
  g_assert_cmpuint (count_different (before, after), ==, 0);

  /* Clamped. */
  ties_diagram_view_set_zoom (fixture->view, 1000);
  g_assert_cmpfloat (ties_diagram_view_get_zoom (fixture->view), <=, 16.0);
  g_object_set (view, "zoom", 2.0, NULL);
  g_assert_cmpfloat (ties_diagram_view_get_zoom (fixture->view), ==, 2.0);
  ties_diagram_view_zoom_to_fit (fixture->view);
  g_assert_cmpfloat (ties_diagram_view_get_zoom (fixture->view), ==, 1.0);
}

static void
test_select (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  GListModel *ties = ties_network_get_ties (fixture->network);
  g_autofree char *selected = NULL;
  g_autoptr(GdkTexture) before = ui_test_render (view);
  g_autoptr(GdkTexture) after = NULL;
  guint notified = 0;
  gboolean tie_hit = FALSE;
  double x, y;

  g_signal_connect (view, "notify::selected-actor", G_CALLBACK (on_notify), &notified);

  ties_diagram_view_select_actor (fixture->view, "ardern");
  g_assert_cmpstr (ties_diagram_view_get_selected_actor (fixture->view), ==, "ardern");
  g_object_get (view, "selected-actor", &selected, NULL);
  g_assert_cmpstr (selected, ==, "ardern");
  g_assert_cmpuint (notified, ==, 1);
  ties_diagram_view_select_actor (fixture->view, "ardern");
  g_assert_cmpuint (notified, ==, 1);

  /* The selection is drawn over the cached scene. */
  ui_test_wait_for_frame (view);
  after = ui_test_render (view);
  g_assert_cmpuint (count_different (before, after), >, 20);

  ties_diagram_view_select_actor (fixture->view, NULL);
  g_assert_null (ties_diagram_view_get_selected_actor (fixture->view));

  /* A click on a node selects it; on empty space, nothing. */
  g_assert_true (ties_diagram_view_get_actor_point (fixture->view, "zuckerberg", &x, &y));
  _ties_diagram_view_simulate_click (fixture->view, x, y, 1);
  g_assert_cmpstr (ties_diagram_view_get_selected_actor (fixture->view), ==, "zuckerberg");
  _ties_diagram_view_simulate_click (fixture->view, 2, 2, 1);
  g_assert_null (ties_diagram_view_get_selected_actor (fixture->view));

  /* A click on a tie's middle selects that tie (curved ties are missed
   * there; straight ones are hit). */
  for (guint i = 0; i < g_list_model_get_n_items (ties) && !tie_hit; i++)
    {
      g_autoptr(TiesTie) tie = g_list_model_get_item (ties, i);
      double ax, ay, bx, by;

      g_assert_true (ties_diagram_view_get_actor_point (fixture->view, ties_tie_get_actor_a (tie), &ax, &ay));
      g_assert_true (ties_diagram_view_get_actor_point (fixture->view, ties_tie_get_actor_b (tie), &bx, &by));
      _ties_diagram_view_simulate_click (fixture->view, (ax + bx) / 2, (ay + by) / 2, 1);
      tie_hit = g_strcmp0 (ties_diagram_view_get_selected_tie_a (fixture->view), ties_tie_get_actor_a (tie)) == 0
                && g_strcmp0 (ties_diagram_view_get_selected_tie_b (fixture->view), ties_tie_get_actor_b (tie)) == 0;
      if (tie_hit)
        g_assert_null (ties_diagram_view_get_selected_actor (fixture->view));
    }
  g_assert_true (tie_hit);

  /* Tooltips name the actor and list the tie's events (what they say
   * cannot be read back from a GtkTooltip; ASan runs the code). */
  {
    g_autoptr(GObject) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
    gboolean shown = FALSE;

    g_assert_true (ties_diagram_view_get_actor_point (fixture->view, "ardern", &x, &y));
    g_signal_emit_by_name (view, "query-tooltip", (int) x, (int) y, FALSE, tooltip, &shown);
    g_assert_true (shown);
    g_signal_emit_by_name (view, "query-tooltip", 2, 2, FALSE, tooltip, &shown);
    g_assert_false (shown);
    g_assert_true (ties_diagram_view_get_actor_point (fixture->view, ties_diagram_view_get_selected_tie_a (fixture->view), &x, &y));
    {
      double bx, by;

      g_assert_true (ties_diagram_view_get_actor_point (fixture->view, ties_diagram_view_get_selected_tie_b (fixture->view), &bx, &by));
      g_signal_emit_by_name (view, "query-tooltip", (int) round ((x + bx) / 2), (int) round ((y + by) / 2), FALSE, tooltip, &shown);
      g_assert_true (shown);
    }
  }

  _ties_diagram_view_simulate_click (fixture->view, 2, 2, 1);
  g_assert_null (ties_diagram_view_get_selected_tie_a (fixture->view));
  g_assert_null (ties_diagram_view_get_selected_tie_b (fixture->view));
}

static void
test_highlight (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  g_autoptr(GdkTexture) before = ui_test_render (view);
  g_autoptr(GdkTexture) after = NULL;
  g_autoptr(GdkTexture) cleared = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (events, g_list_model_get_item (G_LIST_MODEL (ties_document_get_events (fixture->document)), 0));
  ties_diagram_view_set_highlighted_events (fixture->view, events);
  ui_test_wait_for_frame (view);
  after = ui_test_render (view);
  /* The rest is dimmed: much of the picture changes. */
  g_assert_cmpuint (count_different (before, after), >, 1000);
  ui_test_save_png (GTK_WIDGET (fixture->window), "/tmp/diagram-view-highlight.png");

  ties_diagram_view_set_highlighted_events (fixture->view, NULL);
  ui_test_wait_for_frame (view);
  cleared = ui_test_render (view);
  g_assert_cmpuint (count_different (before, cleared), ==, 0);
}

static void
test_drag (Fixture       *fixture,
           gconstpointer  data)
{
  TiesHistory *history = ties_document_get_history (fixture->document);
  TiesActor *actor = ties_document_lookup_actor (fixture->document, "zuckerberg");
  guint64 serial = ties_history_get_serial (history);
  gboolean had_position = ties_actor_get_has_position (actor);
  double old_x = ties_actor_get_x (actor), old_y = ties_actor_get_y (actor);
  gboolean was_pinned = ties_actor_get_pinned (actor);
  double x, y, nx, ny;
  guint n_steps = 0;

  g_assert_false (ties_history_get_can_undo (history));
  g_assert_true (ties_diagram_view_get_actor_point (fixture->view, "zuckerberg", &x, &y));

  _ties_diagram_view_simulate_drag (fixture->view, x, y, 60, -40);
  g_assert_true (ties_history_get_can_undo (history));
  g_assert_true (ties_actor_get_has_position (actor));
  g_assert_true (ties_actor_get_pinned (actor));
  g_assert_cmpuint (ties_history_get_serial (history), >, serial);
  settle (fixture->view);

  /* Pinned where it was dropped, within a pixel. */
  g_assert_true (ties_diagram_view_get_actor_point (fixture->view, "zuckerberg", &nx, &ny));
  g_test_message ("dragged from %.1f,%.1f to %.1f,%.1f", x, y, nx, ny);
  g_assert_true (ties_actor_get_pinned (actor));
  ties_diagram_view_select_actor (fixture->view, "zuckerberg");
  gtk_widget_grab_focus (GTK_WIDGET (fixture->view));
  gtk_window_set_focus_visible (fixture->window, TRUE);
  ui_test_wait_for_frame (GTK_WIDGET (fixture->view));
  ui_test_save_png (GTK_WIDGET (fixture->window), "/tmp/diagram-view-drag.png");

  /* One step of undo. */
  while (ties_history_undo (history))
    n_steps++;
  g_assert_cmpuint (n_steps, ==, 1);
  g_assert_cmpint (ties_actor_get_has_position (actor), ==, had_position);
  g_assert_cmpfloat (ties_actor_get_x (actor), ==, old_x);
  g_assert_cmpfloat (ties_actor_get_y (actor), ==, old_y);
  g_assert_cmpint (ties_actor_get_pinned (actor), ==, was_pinned);
  settle (fixture->view);

  /* Redo, then a double click unpins, as one more step. */
  g_assert_true (ties_history_redo (history));
  settle (fixture->view);
  g_assert_true (ties_actor_get_pinned (actor));
  g_assert_true (ties_diagram_view_get_actor_point (fixture->view, "zuckerberg", &x, &y));
  _ties_diagram_view_simulate_click (fixture->view, x, y, 2);
  g_assert_false (ties_actor_get_pinned (actor));
  settle (fixture->view);
  g_assert_true (ties_history_undo (history));
  g_assert_true (ties_actor_get_pinned (actor));
  settle (fixture->view);

  /* A press that does not move is no edit. */
  serial = ties_history_get_serial (history);
  g_assert_true (ties_diagram_view_get_actor_point (fixture->view, "zuckerberg", &x, &y));
  _ties_diagram_view_simulate_drag (fixture->view, x, y, 1, 1);
  g_assert_cmpuint (ties_history_get_serial (history), ==, serial);

  /* Dragging empty space pans; no edit either. */
  _ties_diagram_view_simulate_drag (fixture->view, 2, 2, 50, 50);
  g_assert_cmpuint (ties_history_get_serial (history), ==, serial);
  g_assert_true (ties_diagram_view_get_actor_point (fixture->view, "zuckerberg", &nx, &ny));
  g_assert_cmpfloat_with_epsilon (nx, x + 50, 1e-6);
  g_assert_cmpfloat_with_epsilon (ny, y + 50, 1e-6);
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  GListModel *events = G_LIST_MODEL (ties_document_get_events (fixture->document));
  GListModel *ties = ties_network_get_ties (fixture->network);
  TiesHistory *history = ties_document_get_history (fixture->document);
  g_autoptr(GdkTexture) before = ui_test_render (GTK_WIDGET (fixture->view));
  g_autoptr(GdkTexture) after = NULL;
  guint n_ties = g_list_model_get_n_items (ties);
  guint n_events = g_list_model_get_n_items (events);
  gboolean removed = FALSE;

  /* Remove events until one takes a tie with it. */
  for (guint i = 0; i < n_events && !removed; i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (events, 0);

      ties_document_remove_event (fixture->document, event);
      g_assert_true (_ties_diagram_view_get_animating (fixture->view));
      settle (fixture->view);
      removed = g_list_model_get_n_items (ties_network_get_ties (fixture->network)) < n_ties;
    }
  g_assert_true (removed);

  after = ui_test_render (GTK_WIDGET (fixture->view));
  g_assert_cmpuint (count_different (before, after), >, 100);

  while (ties_history_undo (history))
    ;
  settle (fixture->view);
  g_assert_cmpuint (g_list_model_get_n_items (ties_network_get_ties (fixture->network)), ==, n_ties);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, n_events);
}

static gboolean
press_key (TiesDiagramView *view,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  gboolean handled = FALSE;
  gboolean found = FALSE;

  /* Key events cannot be made in-process in GTK 4: the controller's
   * signal is emitted as the event would. */
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
          found = TRUE;
        }
    }
  g_assert_true (found);

  return handled;
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  TiesDiagramView *view = fixture->view;
  double x0, y0, x1, y1;
  g_autofree char *first = NULL;
  char *description;

  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (view)));
  g_assert_true (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (view)) == GTK_ACCESSIBLE_ROLE_IMG);
  /* Accessible properties are kept only with an AT context: run with
   * GTK_A11Y=test to check them (GTK_A11Y=none has none). */
  if (g_strcmp0 (g_getenv ("GTK_A11Y"), "test") == 0)
    {
      description = gtk_test_accessible_check_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                        "Relationship diagram");
      g_assert_null (description);
      description = gtk_test_accessible_check_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                        "23 actors, 34 ties");
      if (description != NULL)
        g_test_message ("%s", description);
      g_assert_null (description);
    }
  else
    g_test_message ("accessible properties not checked: GTK_A11Y is not “test”");

  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_window_set_focus_visible (fixture->window, TRUE);

  /* Tab to the first node, Enter selects it. */
  g_assert_true (press_key (view, GDK_KEY_Tab, 0));
  g_assert_true (press_key (view, GDK_KEY_Return, 0));
  g_assert_nonnull (ties_diagram_view_get_selected_actor (view));
  first = g_strdup (ties_diagram_view_get_selected_actor (view));
  g_assert_true (press_key (view, GDK_KEY_Tab, 0));
  g_assert_true (press_key (view, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  g_assert_true (press_key (view, GDK_KEY_Return, 0));
  g_assert_cmpstr (ties_diagram_view_get_selected_actor (view), ==, first);

  /* Arrows: the nearest node that way. */
  ties_diagram_view_select_actor (view, "ardern");
  g_assert_true (ties_diagram_view_get_actor_point (view, "ardern", &x0, &y0));
  g_assert_true (press_key (view, GDK_KEY_Right, 0));
  g_assert_true (press_key (view, GDK_KEY_Return, 0));
  g_assert_cmpstr (ties_diagram_view_get_selected_actor (view), !=, "ardern");
  g_assert_true (ties_diagram_view_get_actor_point (view, ties_diagram_view_get_selected_actor (view), &x1, &y1));
  g_assert_cmpfloat (x1, >, x0);
  g_assert_true (press_key (view, GDK_KEY_Left, 0));
  g_assert_true (press_key (view, GDK_KEY_Return, 0));
  g_assert_true (ties_diagram_view_get_actor_point (view, ties_diagram_view_get_selected_actor (view), &x0, &y0));
  g_assert_cmpfloat (x0, <, x1);
  ui_test_wait_for_frame (GTK_WIDGET (view));
  ui_test_save_png (GTK_WIDGET (fixture->window), "/tmp/diagram-view-keyboard.png");

  g_assert_true (press_key (view, GDK_KEY_Escape, 0));
  g_assert_null (ties_diagram_view_get_selected_actor (view));
  /* Ctrl+0 is the zoom-fit binding, not the key controller's. */
  g_assert_false (press_key (view, GDK_KEY_0, GDK_CONTROL_MASK));
}

/* As of Play's month, what has not begun is neither reached by Tab and
 * the arrows nor named: January 2019 holds Ardern and Cook alone. */
static void
test_keyboard_as_of (Fixture       *fixture,
                     gconstpointer  data)
{
  TiesDiagramView *view = fixture->view;
  g_autoptr(TiesDate) january = ties_date_parse ("2019-01", NULL, NULL);
  g_autoptr(GHashTable) reached = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  ties_diagram_view_set_as_of (view, january, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_window_set_focus_visible (fixture->window, TRUE);

  while (press_key (view, GDK_KEY_Tab, 0))
    {
      g_assert_true (press_key (view, GDK_KEY_Return, 0));
      g_hash_table_add (reached, g_strdup (ties_diagram_view_get_selected_actor (view)));
      g_assert_cmpuint (g_hash_table_size (reached), <=, 2);
    }
  g_assert_cmpuint (g_hash_table_size (reached), ==, 2);
  g_assert_true (g_hash_table_contains (reached, "ardern"));
  g_assert_true (g_hash_table_contains (reached, "cook"));

  /* From Ardern the arrows find Cook or nothing, never a later actor. */
  ties_diagram_view_select_actor (view, "ardern");
  for (guint k = 0; k < 4; k++)
    {
      static const guint keys[] = { GDK_KEY_Left, GDK_KEY_Right, GDK_KEY_Up, GDK_KEY_Down };

      ties_diagram_view_select_actor (view, "ardern");
      press_key (view, keys[k], 0);
      press_key (view, GDK_KEY_Return, 0);
      g_assert_true (g_hash_table_contains (reached, ties_diagram_view_get_selected_actor (view)));
    }

  /* Back to every date: all 23 reached again. */
  ties_diagram_view_set_as_of (view, NULL, NULL);
  g_hash_table_remove_all (reached);
  /* From outside the diagram, as Tab comes in. */
  while (press_key (view, GDK_KEY_Tab, 0))
    ;
  while (press_key (view, GDK_KEY_Tab, 0))
    {
      g_assert_true (press_key (view, GDK_KEY_Return, 0));
      g_hash_table_add (reached, g_strdup (ties_diagram_view_get_selected_actor (view)));
    }
  g_assert_cmpuint (g_hash_table_size (reached), ==, 23);
}

/* Keystrokes in @property of @object, as the editors send them. */
static void
type_into (TiesDocument *document,
           gpointer      object,
           const char   *property,
           const char   *text)
{
  g_autoptr(GString) typed = NULL;
  g_autofree char *current = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_object_get (object, property, &current, NULL);
  typed = g_string_new (current);
  g_value_init (&value, G_TYPE_STRING);
  for (const char *p = text; *p != '\0'; p++)
    {
      g_string_append_c (typed, *p);
      g_value_set_string (&value, typed->str);
      ties_history_set_value_merged (ties_document_get_history (document), object, property, &value);
    }
}

/* Typing an event's title, place or notes, or an actor's notes, cannot
 * change the network: the view neither lays out nor redraws; a name is
 * drawn again where it is; a participant added is a new layout. */
static void
test_typing (Fixture       *fixture,
             gconstpointer  data)
{
  static const char * const more[] = { "ardern", "cook", "dorsey", NULL };
  TiesEvent *event = ties_document_lookup_event (fixture->document, "cook-call");
  TiesActor *actor = ties_document_lookup_actor (fixture->document, "cook");
  guint layouts = _ties_diagram_view_get_n_layouts (fixture->view);
  guint scenes = _ties_diagram_view_get_n_scenes (fixture->view);
  guint busy_notified = 0;
  double x, y;

  g_assert_nonnull (event);
  g_assert_nonnull (actor);
  g_assert_cmpuint (layouts, >, 0);
  g_signal_connect (fixture->view, "notify::busy", G_CALLBACK (on_notify), &busy_notified);

  type_into (fixture->document, event, "title", " again");
  g_assert_true (is_settled (fixture->view));
  type_into (fixture->document, event, "place", "Wellington");
  type_into (fixture->document, event, "notes", "Typed.");
  type_into (fixture->document, actor, "notes", "Typed.");
  type_into (fixture->document, actor, "role", "Chief");
  g_assert_true (ties_history_undo (ties_document_get_history (fixture->document)));
  settle (fixture->view);
  g_assert_cmpuint (_ties_diagram_view_get_n_layouts (fixture->view), ==, layouts);
  g_assert_cmpuint (_ties_diagram_view_get_n_scenes (fixture->view), ==, scenes);
  g_assert_cmpuint (busy_notified, ==, 0);

  /* A name: drawn again, in the same place. */
  g_assert_true (ties_diagram_view_get_actor_point (fixture->view, "cook", &x, &y));
  type_into (fixture->document, actor, "name", " (Apple)");
  settle (fixture->view);
  g_assert_cmpuint (_ties_diagram_view_get_n_layouts (fixture->view), ==, layouts);
  g_assert_cmpuint (_ties_diagram_view_get_n_scenes (fixture->view), >, scenes);
  {
    double x2, y2;

    g_assert_true (ties_diagram_view_get_actor_point (fixture->view, "cook", &x2, &y2));
    g_assert_cmpfloat (x2, ==, x);
    g_assert_cmpfloat (y2, ==, y);
  }

  /* A participant makes new ties: a new layout. */
  ties_history_set (ties_document_get_history (fixture->document), event, "participants", more, NULL);
  settle (fixture->view);
  g_assert_cmpuint (_ties_diagram_view_get_n_layouts (fixture->view), >, layouts);
}

/* Another network replaces the first, and the view may go mid-edit. */
static void
test_replace (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TiesNetwork) network = ties_network_new (fixture->document);
  g_autoptr(TiesEvent) event = g_list_model_get_item (G_LIST_MODEL (ties_document_get_events (fixture->document)), 0);

  ties_diagram_view_set_network (fixture->view, network);
  g_assert_true (ties_diagram_view_get_network (fixture->view) == network);
  settle (fixture->view);
  ties_diagram_view_set_network (fixture->view, NULL);
  settle (fixture->view);
  ties_diagram_view_set_network (fixture->view, fixture->network);
  settle (fixture->view);

  /* Destroyed with an edit still to derive. */
  ties_document_remove_event (fixture->document, event);
}

/* Many actors: laid out in a worker thread, with "busy" meanwhile. */
static void
test_large (void)
{
  g_autoptr(TiesDocument) document = ties_document_new ();
  g_autoptr(TiesNetwork) network = NULL;
  GtkWindow *window;
  TiesDiagramView *view;
  guint busy_notified = 0;
  const guint n = 700;
  g_autoptr(GdkTexture) texture = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      g_autofree char *name = g_strdup_printf ("Actor %u", i);
      g_autoptr(TiesActor) actor = ties_actor_new (id, name, TIES_ACTOR_PERSON);

      ties_document_append_loaded (document, ties_document_get_actors (document), (gpointer *) &actor, 1);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autofree char *a = g_strdup_printf ("a%u", i);
      g_autofree char *b = g_strdup_printf ("a%u", (i * 7 + 1) % n);
      const char *participants[] = { a, b, NULL };
      g_autoptr(TiesEvent) event = ties_event_new (id, id, "meeting");

      ties_event_set_participants (event, participants);
      ties_document_append_loaded (document, ties_document_get_events (document), (gpointer *) &event, 1);
    }
  network = ties_network_new (document);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 800, 600);
  view = TIES_DIAGRAM_VIEW (ties_diagram_view_new ());
  g_signal_connect (view, "notify::busy", G_CALLBACK (on_notify), &busy_notified);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  ui_test_wait_for_frame (GTK_WIDGET (view));

  ties_diagram_view_set_network (view, network);
  g_assert_true (ties_diagram_view_get_busy (view));

  /* A change while it runs cancels it and starts another. */
  ties_document_set_title (document, "Changed");
  {
    g_autoptr(TiesEvent) event = g_list_model_get_item (G_LIST_MODEL (ties_document_get_events (document)), 0);

    ties_document_remove_event (document, event);
  }
  settle (view);
  g_assert_false (ties_diagram_view_get_busy (view));
  g_assert_cmpuint (busy_notified, >=, 2);

  texture = ui_test_render (GTK_WIDGET (view));
  g_assert_cmpuint (count_painted (texture), >, 1000);

  /* Typing a title starts no layout. */
  {
    g_autoptr(TiesEvent) event = g_list_model_get_item (G_LIST_MODEL (ties_document_get_events (document)), 0);
    guint notified = busy_notified;

    type_into (document, event, "title", " typed");
    settle (view);
    g_assert_cmpuint (busy_notified, ==, notified);
  }

  /* Gone while a layout runs: cancelled, nothing left behind. */
  {
    g_autoptr(TiesEvent) event = g_list_model_get_item (G_LIST_MODEL (ties_document_get_events (document)), 0);

    ties_document_remove_event (document, event);
  }
  while (!ties_diagram_view_get_busy (view))
    g_main_context_iteration (NULL, TRUE);
  gtk_window_destroy (window);
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
legend_has (TiesDiagramView *view,
            const char      *text)
{
  TiesScene *scene;
  double width, height;

  /* The view lays its legend out once asked for, as the window's Legend
   * popover asks. */
  ties_diagram_view_get_legend_size (view, &width, &height);
  scene = _ties_diagram_view_get_scene (view);
  g_assert_nonnull (scene);
  for (guint i = 0; i < ties_scene_get_n_legend_entries (scene); i++)
    if (g_strcmp0 (ties_scene_get_legend_text (scene, i), text) == 0)
      return TRUE;

  return FALSE;
}

/* Corroboration: every tie of the sample rests on one article, marked
 * when asked (through the property, the action or GSettings); evidence
 * from a second source redraws the tie as laid out, and only when
 * marking; the tooltip counts either way. */
static void
test_weak_ties (Fixture       *fixture,
                gconstpointer  data)
{
  TiesHistory *history = ties_document_get_history (fixture->document);
  TiesEvent *event = ties_document_lookup_event (fixture->document, "cook-call");
  g_autoptr(GSettings) settings = g_settings_new ("io.github.tiesapp.Ties");
  g_autoptr(TiesSource) source = ties_source_new ("stuff-2019-05");
  g_autoptr(TiesEvidence) evidence = ties_evidence_new ("stuff-2019-05", "Tim Cook", 0, 8);
  g_autofree char *tooltip = NULL;
  guint notified = 0;
  guint layouts, scenes;
  double x, y, x2, y2;

  g_assert_nonnull (event);
  g_assert_false (ties_diagram_view_get_mark_weak_ties (fixture->view));
  g_assert_false (legend_has (fixture->view, "Reported by one source"));

  /* The tooltip does not wait for the option. */
  tooltip = ties_diagram_view_dup_tie_tooltip (fixture->view, "cook", "ardern");
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "\nReported by 1 source, 3 evidence items\n"));
  /* What its two strands and its arrow say, counted. */
  g_assert_nonnull (strstr (tooltip, "\nMeeting: 1, Phone call: 1\n"));
  g_assert_nonnull (strstr (tooltip, "\nJacinda Ardern reached out 1 time\n"));
  g_clear_pointer (&tooltip, g_free);
  g_assert_null (ties_diagram_view_dup_tie_tooltip (fixture->view, "cook", "bezos"));

  /* Off, evidence is not drawn: no scene for it. */
  scenes = _ties_diagram_view_get_n_scenes (fixture->view);
  ties_document_add_source (fixture->document, source);
  settle (fixture->view);
  g_assert_cmpuint (_ties_diagram_view_get_n_scenes (fixture->view), ==, scenes);

  g_signal_connect (fixture->view, "notify::mark-weak-ties", G_CALLBACK (on_notify), &notified);
  layouts = _ties_diagram_view_get_n_layouts (fixture->view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "diagram.mark-weak-ties", NULL));
  g_assert_true (ties_diagram_view_get_mark_weak_ties (fixture->view));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (g_settings_get_boolean (settings, "mark-weak-ties"));
  settle (fixture->view);
  g_assert_true (legend_has (fixture->view, "Reported by one source"));
  g_assert_cmpuint (_ties_diagram_view_get_n_layouts (fixture->view), ==, layouts);

  /* A second source for Ardern — Cook: redrawn, not laid out again. */
  g_assert_true (ties_diagram_view_get_actor_point (fixture->view, "cook", &x, &y));
  scenes = _ties_diagram_view_get_n_scenes (fixture->view);
  ties_history_append (history, ties_event_get_evidence (event), evidence);
  g_assert_true (_ties_diagram_view_get_animating (fixture->view));
  settle (fixture->view);
  g_assert_cmpuint (_ties_diagram_view_get_n_scenes (fixture->view), ==, scenes + 1);
  g_assert_cmpuint (_ties_diagram_view_get_n_layouts (fixture->view), ==, layouts);
  g_assert_false (ties_diagram_view_get_busy (fixture->view));
  g_assert_true (ties_diagram_view_get_actor_point (fixture->view, "cook", &x2, &y2));
  g_assert_cmpfloat (x2, ==, x);
  g_assert_cmpfloat (y2, ==, y);
  tooltip = ties_diagram_view_dup_tie_tooltip (fixture->view, "ardern", "cook");
  g_assert_nonnull (strstr (tooltip, "\nReported by 2 sources, 4 evidence items\n"));
  g_clear_pointer (&tooltip, g_free);
  /* The other ties still rest on one source each. */
  g_assert_true (legend_has (fixture->view, "Reported by one source"));

  /* No evidence at all. */
  ties_history_begin (history, "Remove evidence");
  for (guint i = 0; i < 2; i++)
    {
      const char *id = i == 0 ? "dorsey-phone-call" : "zuckerberg-call";
      GListStore *store = ties_event_get_evidence (ties_document_lookup_event (fixture->document, id));

      ties_history_splice (history, store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), NULL, 0);
    }
  ties_history_end (history);
  settle (fixture->view);
  tooltip = ties_diagram_view_dup_tie_tooltip (fixture->view, "ardern", "zuckerberg");
  g_assert_nonnull (strstr (tooltip, "\nNo evidence\n"));
  g_clear_pointer (&tooltip, g_free);
  g_assert_cmpuint (_ties_diagram_view_get_n_layouts (fixture->view), ==, layouts);

  /* Turned off in GSettings (another window's menu): the usual look. */
  g_settings_set_boolean (settings, "mark-weak-ties", FALSE);
  g_assert_false (ties_diagram_view_get_mark_weak_ties (fixture->view));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_false (legend_has (fixture->view, "Reported by one source"));
  g_assert_cmpuint (_ties_diagram_view_get_n_layouts (fixture->view), ==, layouts);
}

/* The labels' boxes in pixels, at the view's transform: the least and
 * greatest height, and the highest top. */
static void
label_pixels (TiesDiagramView *view,
              double          *min_height,
              double          *max_height,
              double          *top)
{
  TiesScene *scene = _ties_diagram_view_get_scene (view);
  double tx, ty, s = _ties_diagram_view_view_transform (view, &tx, &ty);

  *min_height = G_MAXDOUBLE;
  *max_height = 0;
  *top = G_MAXDOUBLE;
  g_assert_cmpuint (ties_scene_get_n_labels (scene), >, 0);
  for (guint i = 0; i < ties_scene_get_n_labels (scene); i++)
    {
      double y, height;

      ties_scene_get_label (scene, i, NULL, NULL, NULL, &y, NULL, &height);
      *min_height = MIN (*min_height, height * s);
      *max_height = MAX (*max_height, height * s);
      *top = MIN (*top, ty + y * s);
    }
}

/* Names keep their size on screen whatever the zoom (a 12 px line and
 * its backdrop: 16 px or more a line), the diagram keeps clear of the
 * controls laid over its top, and the legend is apart, for the window's
 * popover, at its own size. */
static void
test_text_size (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *legend = NULL;
  double min_height, max_height, top, width, height, tx, ty, scale;

  g_object_set (fixture->view, "top-inset", 56, NULL);
  ui_test_wait_for_frame (GTK_WIDGET (fixture->view));
  texture = ui_test_render (GTK_WIDGET (fixture->view));
  label_pixels (fixture->view, &min_height, &max_height, &top);
  g_test_message ("zoom 1: labels %.1f–%.1f px high, the highest at %.1f", min_height, max_height, top);
  g_assert_cmpfloat (min_height, >=, 16);
  g_assert_cmpfloat (max_height, <=, 3 * 20);
  g_assert_cmpfloat (top, >=, 56 - 0.5);
  for (guint i = 0; i < ties_scene_get_n_nodes (_ties_diagram_view_get_scene (fixture->view)); i++)
    {
      double x, y, r, s = _ties_diagram_view_view_transform (fixture->view, &tx, &ty);

      ties_scene_get_node (_ties_diagram_view_get_scene (fixture->view), i, &x, &y, &r);
      g_assert_cmpfloat (ty + (y - r) * s, >=, 56 - 0.5);
    }

  ties_diagram_view_set_zoom (fixture->view, 3.0);
  settle (fixture->view);
  ui_test_wait_for_frame (GTK_WIDGET (fixture->view));
  g_clear_object (&texture);
  texture = ui_test_render (GTK_WIDGET (fixture->view));
  label_pixels (fixture->view, &min_height, &max_height, &top);
  g_test_message ("zoom 3: labels %.1f–%.1f px high", min_height, max_height);
  g_assert_cmpfloat (min_height, >=, 16);
  g_assert_cmpfloat (max_height, <=, 3 * 20);

  /* A new scene (after an edit, say) starts with its text set for the
   * scale the last was drawn at: its labels are placed once. */
  scale = ties_scene_get_text_scale (_ties_diagram_view_get_scene (fixture->view));
  g_assert_cmpfloat (scale, !=, 1.0);
  _ties_diagram_view_rebuild_scene (fixture->view);
  g_assert_cmpfloat (ties_scene_get_text_scale (_ties_diagram_view_get_scene (fixture->view)), ==, scale);

  g_assert_true (ties_diagram_view_get_legend_size (fixture->view, &width, &height));
  g_assert_cmpfloat (width, >, 100);
  g_assert_cmpfloat (height, >, 100);
  legend = ties_diagram_view_dup_legend_text (fixture->view);
  g_assert_nonnull (strstr (legend, "Meeting, Summit"));
  g_assert_nonnull (strstr (legend, "Arrow: who reached out"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    return 77;
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/diagram-view/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("draws", test_draws);
  ADD ("dark", test_dark);
  ADD ("zoom", test_zoom);
  ADD ("select", test_select);
  ADD ("highlight", test_highlight);
  ADD ("drag", test_drag);
  ADD ("edit", test_edit);
  ADD ("keyboard", test_keyboard);
  ADD ("keyboard-as-of", test_keyboard_as_of);
  ADD ("replace", test_replace);
  ADD ("typing", test_typing);
  ADD ("weak-ties", test_weak_ties);
  ADD ("text-size", test_text_size);
#undef ADD
  g_test_add_func ("/diagram-view/large", test_large);

  return g_test_run ();
}
