/* ties-ui-util.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ties-ui-util.h"

void
_ties_entry_row_set_text (AdwEntryRow *row,
                          const char  *text)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

char **
_ties_split_list (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

void
_ties_column_view_scroll_to (GtkColumnView *view,
                             guint          position)
{
  /* GTK 4.8 has no gtk_column_view_scroll_to(); the inner list view has
   * an action for it. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        {
          gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
          break;
        }
    }
}

gboolean
_ties_follow_selection (TiesSelection **slot,
                        TiesSelection  *selection,
                        gpointer        follower,
                        GCallback       follow)
{
  g_assert (slot != NULL);
  g_assert (G_IS_OBJECT (follower));

  if (*slot == selection)
    return FALSE;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, follower);
  g_set_object (slot, selection);
  if (selection != NULL)
    g_signal_connect_object (selection, "changed", follow, follower, G_CONNECT_SWAPPED);

  return TRUE;
}

/* What GTK 4.8 or libadwaita 1.2 leave unnamed or named after a class,
 * named as each is shown. And a button with a mnemonic, which GTK 4.8
 * names twice: by its label, the
 * underscore kept, and by the label widget the mnemonic points at ("_Save
 * Save" is what a screen reader says). Without the first, the label
 * widget names it alone. Done as each is shown, for every such button,
 * ours and libadwaita's (a message dialog's responses, a split
 * button's). */
/* A row's title as said: without a mnemonic's underscore when it has
 * one. */
static char *
row_title (AdwPreferencesRow *row)
{
  const char *title = adw_preferences_row_get_title (row);
  GString *said = g_string_new (NULL);

  for (const char *p = title != NULL ? title : ""; *p != '\0'; p++)
    {
      if (*p == '_' && adw_preferences_row_get_use_underline (row))
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (said, *p);
    }

  return g_string_free (said, FALSE);
}

/* The text of the labels below @widget, as a row shows it. */
static void
label_texts (GtkWidget *widget,
             GString   *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child) && *gtk_label_get_text (GTK_LABEL (child)) != '\0')
        {
          if (text->len > 0)
            g_string_append (text, ", ");
          g_string_append (text, gtk_label_get_text (GTK_LABEL (child)));
        }
      label_texts (child, text);
    }
}

static gboolean
name_mnemonic_button (GSignalInvocationHint *hint G_GNUC_UNUSED,
                      guint                  n_values G_GNUC_UNUSED,
                      const GValue          *values,
                      gpointer               user_data G_GNUC_UNUSED)
{
  GObject *object = g_value_get_object (&values[0]);
  const char *label;

  /* libadwaita 1.2's split button leaves its arrow unnamed: it is what
   * its tooltip says ("Recent Documents"). */
  if (GTK_IS_MENU_BUTTON (object)
      && ADW_IS_SPLIT_BUTTON (gtk_widget_get_parent (GTK_WIDGET (object))))
    {
      AdwSplitButton *split = ADW_SPLIT_BUTTON (gtk_widget_get_parent (GTK_WIDGET (object)));
      const char *tooltip = adw_split_button_get_dropdown_tooltip (split);

      if (tooltip != NULL && *tooltip != '\0')
        gtk_accessible_update_property (GTK_ACCESSIBLE (object), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      return TRUE;
    }

  /* A status page scrolls its text in a pane of its own: the page's title
   * names it. */
  if (GTK_IS_SCROLLED_WINDOW (object)
      && ADW_IS_STATUS_PAGE (gtk_widget_get_parent (GTK_WIDGET (object))))
    {
      const char *title = adw_status_page_get_title (ADW_STATUS_PAGE (gtk_widget_get_parent (GTK_WIDGET (object))));

      if (title != NULL && *title != '\0')
        gtk_accessible_update_property (GTK_ACCESSIBLE (object), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      return TRUE;
    }

  /* A colour button's button: what the colour is for, its dialog's
   * title says. */
  if (GTK_IS_BUTTON (object) && GTK_IS_COLOR_BUTTON (gtk_widget_get_parent (GTK_WIDGET (object))))
    {
      g_autofree char *title = NULL;

      g_object_get (gtk_widget_get_parent (GTK_WIDGET (object)), "title", &title, NULL);
      if (title != NULL && *title != '\0')
        gtk_accessible_update_property (GTK_ACCESSIBLE (object), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      return TRUE;
    }

  /* A view switcher's tab: what it shows (libadwaita 1.2 names it
   * "GtkLabel"). */
  if (GTK_IS_TOGGLE_BUTTON (object) && gtk_widget_get_ancestor (GTK_WIDGET (object), ADW_TYPE_VIEW_SWITCHER) != NULL)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      label_texts (GTK_WIDGET (object), text);
      if (text->len > 0)
        {
          /* Its label points at a label of no name, which would win. */
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (object), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
          gtk_accessible_update_property (GTK_ACCESSIBLE (object), GTK_ACCESSIBLE_PROPERTY_LABEL, text->str, -1);
        }
      return TRUE;
    }

  /* An entry or a spin button in a row, and the text inside it: the
   * row's title (GTK 4.8 names them after their classes). */
  if (GTK_IS_ENTRY (object) || GTK_IS_SPIN_BUTTON (object)
      || (GTK_IS_TEXT (object)
          && (GTK_IS_ENTRY (gtk_widget_get_parent (GTK_WIDGET (object)))
              || GTK_IS_SPIN_BUTTON (gtk_widget_get_parent (GTK_WIDGET (object))))))
    {
      GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (object), ADW_TYPE_PREFERENCES_ROW);

      if (row != NULL)
        {
          g_autofree char *title = row_title (ADW_PREFERENCES_ROW (row));

          gtk_accessible_update_property (GTK_ACCESSIBLE (object), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
        }
      return TRUE;
    }

  /* A preferences page scrolls in a pane of its own: the window's title
   * names it. */
  if (GTK_IS_SCROLLED_WINDOW (object)
      && gtk_widget_get_ancestor (GTK_WIDGET (object), ADW_TYPE_PREFERENCES_PAGE) != NULL
      && GTK_IS_WINDOW (gtk_widget_get_root (GTK_WIDGET (object))))
    {
      const char *title = gtk_window_get_title (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (object))));

      if (title != NULL && *title != '\0')
        gtk_accessible_update_property (GTK_ACCESSIBLE (object), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      return TRUE;
    }

  /* A combo row's choices: the list by the row's title, each choice by
   * its text. */
  if (GTK_IS_LIST_VIEW (object) || g_str_equal (G_OBJECT_TYPE_NAME (object), "GtkListItemWidget"))
    {
      GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (object), ADW_TYPE_COMBO_ROW);
      GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (object), GTK_TYPE_POPOVER);

      if (row == NULL && popover != NULL)
        row = gtk_widget_get_ancestor (popover, ADW_TYPE_COMBO_ROW);
      if (row == NULL)
        return TRUE;
      if (GTK_IS_LIST_VIEW (object))
        {
          g_autofree char *title = row_title (ADW_PREFERENCES_ROW (row));

          gtk_accessible_update_property (GTK_ACCESSIBLE (object), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
        }
      else
        {
          g_autoptr(GString) text = g_string_new (NULL);

          label_texts (GTK_WIDGET (object), text);
          if (text->len > 0)
            gtk_accessible_update_property (GTK_ACCESSIBLE (object), GTK_ACCESSIBLE_PROPERTY_LABEL, text->str, -1);
        }
      return TRUE;
    }

  if (!GTK_IS_BUTTON (object) || !gtk_button_get_use_underline (GTK_BUTTON (object)))
    return TRUE;
  label = gtk_button_get_label (GTK_BUTTON (object));
  if (label != NULL && strchr (label, '_') != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (object), GTK_ACCESSIBLE_PROPERTY_LABEL);

  return TRUE;
}

void
_ties_name_mnemonic_buttons (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* The signal exists once the class does. */
      g_type_class_unref (g_type_class_ref (GTK_TYPE_WIDGET));
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0,
                                  name_mnemonic_button, NULL, NULL);
      g_once_init_leave (&done, 1);
    }
}

/* GTK's item widgets below @widget: a drop-down's button shows its
 * choice in one. */
static void
name_list_items (GtkWidget  *widget,
                 const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (g_str_equal (G_OBJECT_TYPE_NAME (child), "GtkListItemWidget"))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      name_list_items (child, name);
    }
}

void
_ties_drop_down_name_button (GtkDropDown *drop_down,
                             const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (name != NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      {
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
        name_list_items (child, name);
      }
}

void
_ties_column_view_name_list (GtkColumnView *view,
                             const char    *name)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (name != NULL);

  /* Its rows, its row of column titles, and the pane it scrolls in. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    else
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Column Titles"), -1);
  if (GTK_IS_SCROLLED_WINDOW (gtk_widget_get_parent (GTK_WIDGET (view))))
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (view))),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

void
_ties_column_view_name_row (GtkListItem *item,
                          const char  *name)
{
  GtkWidget *child;
  GtkWidget *cell;

  g_return_if_fail (GTK_IS_LIST_ITEM (item));

  /* The child sits in its cell, and the cell in the row, which GTK 4.8
   * otherwise names after its class. */
  child = gtk_list_item_get_child (item);
  cell = child != NULL ? gtk_widget_get_parent (child) : NULL;
  if (cell == NULL || gtk_widget_get_parent (cell) == NULL)
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (cell)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name != NULL ? name : "", -1);
}

void
_ties_list_view_name_row (GtkListItem *item,
                          const char  *name)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_LIST_ITEM (item));

  child = gtk_list_item_get_child (item);
  if (child != NULL && gtk_widget_get_parent (child) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (child)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name != NULL ? name : "", -1);
}

gboolean
_ties_window_get_room (GtkWindow *window,
                       int       *width,
                       int       *height)
{
  g_return_val_if_fail (GTK_IS_WINDOW (window), FALSE);

  *width = gtk_widget_get_width (GTK_WIDGET (window));
  *height = gtk_widget_get_height (GTK_WIDGET (window));
  if (*width <= 0 || *height <= 0)
    gtk_window_get_default_size (window, width, height);

  return *width > 0 && *height > 0;
}

void
_ties_window_fit_parent (GtkWindow *dialog)
{
  GtkWindow *parent;
  int parent_width, parent_height;
  int width, height, natural;

  g_return_if_fail (GTK_IS_WINDOW (dialog));

  parent = gtk_window_get_transient_for (dialog);
  if (parent == NULL || !_ties_window_get_room (parent, &parent_width, &parent_height))
    return;

  gtk_window_get_default_size (dialog, &width, &height);
  /* Without a default width, a window takes its natural one. */
  natural = width;
  if (natural <= 0)
    gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  if (natural > parent_width)
    width = parent_width;
  if (height > parent_height)
    height = parent_height;
  gtk_window_set_default_size (dialog, width, height);
}

/* Every widget of @type below @root, depth first, into @found. */
static void
collect_of_type (GtkWidget *root,
                 GType      type,
                 GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      collect_of_type (child, type, found);
    }
}

void
_ties_name_group_lists (GtkWidget  *root,
                        const char *fallback)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (ADW_IS_PREFERENCES_GROUP (root))
    {
      g_autoptr(GPtrArray) lists = g_ptr_array_new ();
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      GtkWidget *title = NULL;

      collect_of_type (root, GTK_TYPE_LIST_BOX, lists);
      collect_of_type (root, GTK_TYPE_LABEL, labels);
      /* The group's title is its label of the "heading" style. */
      for (guint i = 0; i < labels->len && title == NULL; i++)
        if (gtk_widget_has_css_class (labels->pdata[i], "heading") && gtk_widget_get_visible (labels->pdata[i]))
          title = labels->pdata[i];
      for (guint i = 0; i < lists->len; i++)
        if (title != NULL)
          gtk_accessible_update_relation (GTK_ACCESSIBLE (lists->pdata[i]), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                          title, NULL, -1);
        else
          gtk_accessible_update_property (GTK_ACCESSIBLE (lists->pdata[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          fallback, -1);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    _ties_name_group_lists (child, fallback);
}

void
_ties_about_window_name_parts (AdwAboutWindow *about)
{
  g_autoptr(GPtrArray) panes = g_ptr_array_new ();
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  /* The main page's three lists, in the order libadwaita 1.2 makes them. */
  const char *list_names[] = { N_("Details"), N_("Support"), N_("Credits and Legal") };
  g_autofree char *version = NULL;
  GtkWidget *main_page = NULL;

  g_return_if_fail (ADW_IS_ABOUT_WINDOW (about));

  collect_of_type (GTK_WIDGET (about), GTK_TYPE_SCROLLED_WINDOW, panes);
  for (guint i = 0; i < panes->len && main_page == NULL; i++)
    if (gtk_widget_has_css_class (panes->pdata[i], "main-page"))
      main_page = panes->pdata[i];
  if (main_page == NULL)
    return;

  gtk_accessible_update_property (GTK_ACCESSIBLE (main_page), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_window_get_title (GTK_WINDOW (about)), -1);

  /* The version's button copies it. */
  collect_of_type (main_page, GTK_TYPE_BUTTON, buttons);
  /* Translators: the About window's button that copies the version, %s */
  version = g_strdup_printf (_("Version %s"), adw_about_window_get_version (about));
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_has_css_class (buttons->pdata[i], "app-version"))
      gtk_accessible_update_property (GTK_ACCESSIBLE (buttons->pdata[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      version, -1);

  collect_of_type (main_page, GTK_TYPE_LIST_BOX, lists);
  for (guint i = 0; i < lists->len && i < G_N_ELEMENTS (list_names); i++)
    gtk_accessible_update_property (GTK_ACCESSIBLE (lists->pdata[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _(list_names[i]), -1);
}

static void
name_page_buttons (GtkWidget *shortcuts)
{
  g_autoptr(GPtrArray) switchers = g_ptr_array_new ();

  collect_of_type (shortcuts, GTK_TYPE_STACK_SWITCHER, switchers);
  for (guint i = 0; i < switchers->len; i++)
    for (GtkWidget *button = gtk_widget_get_first_child (switchers->pdata[i]); button != NULL;
         button = gtk_widget_get_next_sibling (button))
      {
        GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));
        const char *text = GTK_IS_LABEL (label) ? gtk_label_get_label (GTK_LABEL (label)) : NULL;

        if (text != NULL && text[0] == '_' && g_ascii_isdigit (text[1]))
          {
            /* Translators: a page of the Keyboard Shortcuts window, %s its number */
            g_autofree char *name = g_strdup_printf (_("Page %s"), text + 1);

            gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          }
      }
}

void
_ties_shortcuts_window_name_parts (GtkShortcutsWindow *shortcuts)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  g_return_if_fail (GTK_IS_SHORTCUTS_WINDOW (shortcuts));

  /* The search button shows only a magnifier. */
  collect_of_type (GTK_WIDGET (shortcuts), GTK_TYPE_TOGGLE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (GTK_IS_IMAGE (gtk_button_get_child (buttons->pdata[i])))
      gtk_accessible_update_property (GTK_ACCESSIBLE (buttons->pdata[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Search Shortcuts"), -1);

  /* A section's pages, made as it is shown, are titled "_1", "_2"…
   * for their switcher's buttons. */
  g_signal_connect_after (shortcuts, "map", G_CALLBACK (name_page_buttons), NULL);
}
