/* ties-preferences-window.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ties-preferences-window.h"
#include "ties-ui-util.h"

struct _TiesPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings *settings;

  AdwComboRow *color_scheme_row;
  AdwComboRow *layout_row;
  AdwComboRow *export_style_row;
};

G_DEFINE_FINAL_TYPE (TiesPreferencesWindow, ties_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A combo row's position is the enum's value: the rows list the choices
 * in the schema's order. */
static gboolean
enum_to_position (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nicks[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
position_to_enum (const GValue       *value,
                  const GVariantType *type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) nicks))
    return NULL;

  return g_variant_new_string (nicks[position]);
}

static void
bind_row (TiesPreferencesWindow *self,
          AdwComboRow           *row,
          const char            *key,
          const char * const    *nicks)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                enum_to_position, position_to_enum, (gpointer) nicks, NULL);
}

static void
ties_preferences_window_constructed (GObject *object)
{
  TiesPreferencesWindow *self = (TiesPreferencesWindow *) object;
  static const char * const schemes[] = { "default", "light", "dark", NULL };
  static const char * const layouts[] = { "force", "radial", "circle", NULL };
  static const char * const styles[] = { "light", "dark", NULL };

  G_OBJECT_CLASS (ties_preferences_window_parent_class)->constructed (object);

  bind_row (self, self->color_scheme_row, "color-scheme", schemes);
  bind_row (self, self->layout_row, "default-layout", layouts);
  bind_row (self, self->export_style_row, "export-style", styles);
}

static void
ties_preferences_window_dispose (GObject *object)
{
  TiesPreferencesWindow *self = (TiesPreferencesWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TIES_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ties_preferences_window_parent_class)->dispose (object);
}

static void
ties_preferences_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  TiesPreferencesWindow *self = TIES_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_preferences_window_class_init (TiesPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ties_preferences_window_constructed;
  object_class->dispose = ties_preferences_window_dispose;
  object_class->set_property = ties_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tiesapp/Ties/ui/ties-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TiesPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, TiesPreferencesWindow, layout_row);
  gtk_widget_class_bind_template_child (widget_class, TiesPreferencesWindow, export_style_row);
}

/* Given a window to stand over, it fits over it. */
static void
on_transient_for_changed (TiesPreferencesWindow *self)
{
  _ties_window_fit_parent (GTK_WINDOW (self));
}

static void
ties_preferences_window_init (TiesPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::transient-for", G_CALLBACK (on_transient_for_changed), NULL);
}

GtkWidget *
ties_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (TIES_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       NULL);
}
