/* ties-event-kind.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ties-event-kind.h"
#include "ties-util.h"

#include <glib/gi18n-lib.h>

struct _TiesEventKind
{
  GObject parent_instance;
  char *id;
  char *label;
  TiesLineStyle line;
  char *color;
  TiesExtras *extras;
};

G_DEFINE_FINAL_TYPE (TiesEventKind, ties_event_kind, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_LINE,
  PROP_COLOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ties_event_kind_finalize (GObject *object)
{
  TiesEventKind *self = (TiesEventKind *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->extras, ties_extras_free);

  G_OBJECT_CLASS (ties_event_kind_parent_class)->finalize (object);
}

static void
ties_event_kind_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TiesEventKind *self = TIES_EVENT_KIND (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_LINE:
      g_value_set_enum (value, self->line);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_event_kind_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TiesEventKind *self = TIES_EVENT_KIND (object);

  switch (prop_id)
    {
    case PROP_ID:
      ties_event_kind_set_id (self, g_value_get_string (value));
      break;

    case PROP_LABEL:
      ties_event_kind_set_label (self, g_value_get_string (value));
      break;

    case PROP_LINE:
      ties_event_kind_set_line (self, g_value_get_enum (value));
      break;

    case PROP_COLOR:
      ties_event_kind_set_color (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_event_kind_class_init (TiesEventKindClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ties_event_kind_finalize;
  object_class->get_property = ties_event_kind_get_property;
  object_class->set_property = ties_event_kind_set_property;

  /* Identifier used by events, e.g. "phone-call" */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Name shown to people */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* How the diagram draws ties of this kind */
  properties[PROP_LINE] =
    g_param_spec_enum ("line", NULL, NULL,
                       TIES_TYPE_LINE_STYLE, TIES_LINE_SOLID,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* "#rrggbb" chosen for the kind, or NULL for its default colour */
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ties_event_kind_init (TiesEventKind *self)
{
  self->label = g_strdup ("");
  self->line = TIES_LINE_SOLID;
}

TiesEventKind *
ties_event_kind_new (const char    *id,
                     const char    *label,
                     TiesLineStyle  line)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (TIES_TYPE_EVENT_KIND,
                       "id", id,
                       "label", label,
                       "line", line,
                       NULL);
}

const char *
ties_event_kind_get_id (TiesEventKind *self)
{
  g_return_val_if_fail (TIES_IS_EVENT_KIND (self), NULL);

  return self->id;
}

void
ties_event_kind_set_id (TiesEventKind  *self,
                       const char *id)
{
  g_return_if_fail (TIES_IS_EVENT_KIND (self));

  if (!_ties_set_str (&self->id, id))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
ties_event_kind_get_label (TiesEventKind *self)
{
  g_return_val_if_fail (TIES_IS_EVENT_KIND (self), NULL);

  return self->label;
}

void
ties_event_kind_set_label (TiesEventKind  *self,
                          const char *label)
{
  g_return_if_fail (TIES_IS_EVENT_KIND (self));

  if (label == NULL)
    label = "";

  if (!_ties_set_str (&self->label, label))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

TiesLineStyle
ties_event_kind_get_line (TiesEventKind *self)
{
  g_return_val_if_fail (TIES_IS_EVENT_KIND (self), 0);

  return self->line;
}

void
ties_event_kind_set_line (TiesEventKind *self,
                         TiesLineStyle line)
{
  g_return_if_fail (TIES_IS_EVENT_KIND (self));

  if (self->line == line)
    return;

  self->line = line;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINE]);
}

const char *
ties_event_kind_get_color (TiesEventKind *self)
{
  g_return_val_if_fail (TIES_IS_EVENT_KIND (self), NULL);

  return self->color;
}

void
ties_event_kind_set_color (TiesEventKind *self,
                           const char    *color)
{
  g_return_if_fail (TIES_IS_EVENT_KIND (self));

  if (!_ties_set_str (&self->color, color))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

/* GNOME's palette (the HIG's colours, shade 3). */
static const struct {
  const char *builtin;
  const char *color;
} palette[] = {
  { "meeting", "#3584e4" },          /* blue */
  { "phone-call", "#33d17a" },       /* green */
  { "email", "#ff7800" },            /* orange */
  { "summit", "#9141ac" },           /* purple */
  { "public-statement", "#f6d32d" }, /* yellow */
  { "other", "#77767b" },            /* grey */
  { NULL, "#e01b24" },               /* red */
  { NULL, "#986a44" },               /* brown */
};

const char *
ties_event_kind_get_display_color (TiesEventKind *self)
{
  guint hash;

  g_return_val_if_fail (TIES_IS_EVENT_KIND (self), NULL);

  if (self->color != NULL)
    return self->color;

  /* A document's own copy of a built-in kind keeps its colour. */
  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    if (palette[i].builtin != NULL && g_strcmp0 (self->id, palette[i].builtin) == 0)
      return palette[i].color;

  /* Other kinds get a colour from their id, the same in every session and
   * on every machine (g_str_hash is djb2, not seeded); grey is left to
   * "other", which says the least. */
  hash = g_str_hash (self->id != NULL ? self->id : "");
  hash %= G_N_ELEMENTS (palette) - 1;
  if (g_str_equal (palette[hash].color, "#77767b"))
    hash = G_N_ELEMENTS (palette) - 1;

  return palette[hash].color;
}

TiesExtras *
ties_event_kind_get_extras (TiesEventKind *self)
{
  g_return_val_if_fail (TIES_IS_EVENT_KIND (self), NULL);

  return self->extras;
}

void
ties_event_kind_take_extras (TiesEventKind  *self,
                                 TiesExtras *extras)
{
  g_return_if_fail (TIES_IS_EVENT_KIND (self));

  g_clear_pointer (&self->extras, ties_extras_free);
  self->extras = extras;
}

G_DEFINE_ENUM_TYPE (TiesLineStyle, ties_line_style,
  G_DEFINE_ENUM_VALUE (TIES_LINE_SOLID, "solid"),
  G_DEFINE_ENUM_VALUE (TIES_LINE_DASHED, "dashed"),
  G_DEFINE_ENUM_VALUE (TIES_LINE_DOTTED, "dotted"),
  G_DEFINE_ENUM_VALUE (TIES_LINE_DASH_DOT, "dash-dot"))

static const char * const line_style_names[] = { "solid", "dashed", "dotted", "dash-dot" };

const char *
ties_line_style_to_string (TiesLineStyle line)
{
  g_return_val_if_fail (line <= TIES_LINE_DASH_DOT, NULL);

  return line_style_names[line];
}

gboolean
ties_line_style_from_string (const char    *text,
                             TiesLineStyle *line)
{
  g_return_val_if_fail (line != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (line_style_names); i++)
    {
      if (g_strcmp0 (text, line_style_names[i]) == 0)
        {
          *line = (TiesLineStyle) i;
          return TRUE;
        }
    }

  return FALSE;
}

/* The kinds every document has. Line styles follow the convention of
 * network diagrams in print: solid for meeting in person, dashed for a
 * call, dotted for writing. */
GListModel *
ties_event_kind_get_builtins (void)
{
  static GListStore *builtins;

  if (g_once_init_enter (&builtins))
    {
      static const struct {
        const char *id;
        const char *label;
        TiesLineStyle line;
      } kinds[] = {
        { "meeting", N_("Meeting"), TIES_LINE_SOLID },
        { "phone-call", N_("Phone call"), TIES_LINE_DASHED },
        { "email", N_("Email"), TIES_LINE_DOTTED },
        { "summit", N_("Summit"), TIES_LINE_SOLID },
        { "public-statement", N_("Public statement"), TIES_LINE_DASH_DOT },
        { "other", N_("Other"), TIES_LINE_DASH_DOT },
      };
      GListStore *store = g_list_store_new (TIES_TYPE_EVENT_KIND);

      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        {
          g_autoptr(TiesEventKind) kind = ties_event_kind_new (kinds[i].id, _(kinds[i].label), kinds[i].line);
          g_list_store_append (store, kind);
        }

      g_once_init_leave (&builtins, store);
    }

  return G_LIST_MODEL (builtins);
}

TiesEventKind *
ties_event_kind_lookup_builtin (const char *id)
{
  GListModel *builtins = ties_event_kind_get_builtins ();
  guint n = g_list_model_get_n_items (builtins);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiesEventKind) kind = g_list_model_get_item (builtins, i);

      if (g_strcmp0 (kind->id, id) == 0)
        return kind;
    }

  return NULL;
}
