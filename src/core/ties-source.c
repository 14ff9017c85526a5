/* ties-source.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ties-source.h"
#include "ties-util.h"

#include <string.h>

struct _TiesSource
{
  GObject parent_instance;
  char *id;
  char *title;
  char *publisher;
  char *author;
  char *url;
  char *published;
  char *retrieved;
  char *notes;
  char *text;
  /* Sentences the researcher dismissed as proposals, so that they are
   * not proposed again; matched by their exact words. */
  char **dismissed;
  TiesExtras *extras;
  glong text_length;
  /* Byte offset of every CHECKPOINT_STEP-th code point, so that code point
   * offsets (what W3C selectors count) map to bytes without a walk from the
   * start of a long text for each of thousands of evidence items. */
  GArray *checkpoints;
};

G_DEFINE_FINAL_TYPE (TiesSource, ties_source, G_TYPE_OBJECT)

#define CHECKPOINT_STEP 256

static void
ties_source_index_text (TiesSource *self)
{
  const char *p;
  glong n = 0;

  g_assert (TIES_IS_SOURCE (self));

  if (self->checkpoints == NULL)
    self->checkpoints = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_array_set_size (self->checkpoints, 0);

  for (p = self->text; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      if (n % CHECKPOINT_STEP == 0)
        {
          gsize byte = p - self->text;
          g_array_append_val (self->checkpoints, byte);
        }
    }

  self->text_length = n;
}

/* Pointer to code point @offset (0 ≤ offset ≤ text_length). */
static const char *
ties_source_offset_to_pointer (TiesSource *self,
                               glong       offset)
{
  glong index;

  g_assert (TIES_IS_SOURCE (self));
  g_assert (offset >= 0 && offset <= self->text_length);

  if (self->checkpoints->len == 0)
    return self->text;

  /* The end of a text whose length is a multiple of the step has no
   * checkpoint of its own. */
  index = MIN (offset / CHECKPOINT_STEP, (glong) self->checkpoints->len - 1);

  return g_utf8_offset_to_pointer (self->text + g_array_index (self->checkpoints, gsize, index),
                                   offset - index * CHECKPOINT_STEP);
}

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_PUBLISHER,
  PROP_AUTHOR,
  PROP_URL,
  PROP_PUBLISHED,
  PROP_RETRIEVED,
  PROP_NOTES,
  PROP_TEXT,
  PROP_DISMISSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ties_source_finalize (GObject *object)
{
  TiesSource *self = (TiesSource *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->published, g_free);
  g_clear_pointer (&self->retrieved, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->dismissed, g_strfreev);
  g_clear_pointer (&self->extras, ties_extras_free);
  g_clear_pointer (&self->checkpoints, g_array_unref);

  G_OBJECT_CLASS (ties_source_parent_class)->finalize (object);
}

static void
ties_source_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TiesSource *self = TIES_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_PUBLISHER:
      g_value_set_string (value, self->publisher);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_PUBLISHED:
      g_value_set_string (value, self->published);
      break;

    case PROP_RETRIEVED:
      g_value_set_string (value, self->retrieved);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_DISMISSED:
      g_value_set_boxed (value, self->dismissed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_source_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  TiesSource *self = TIES_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      ties_source_set_id (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      ties_source_set_title (self, g_value_get_string (value));
      break;

    case PROP_PUBLISHER:
      ties_source_set_publisher (self, g_value_get_string (value));
      break;

    case PROP_AUTHOR:
      ties_source_set_author (self, g_value_get_string (value));
      break;

    case PROP_URL:
      ties_source_set_url (self, g_value_get_string (value));
      break;

    case PROP_PUBLISHED:
      ties_source_set_published (self, g_value_get_string (value));
      break;

    case PROP_RETRIEVED:
      ties_source_set_retrieved (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      ties_source_set_notes (self, g_value_get_string (value));
      break;

    case PROP_TEXT:
      ties_source_set_text (self, g_value_get_string (value));
      break;

    case PROP_DISMISSED:
      ties_source_set_dismissed (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ties_source_class_init (TiesSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ties_source_finalize;
  object_class->get_property = ties_source_get_property;
  object_class->set_property = ties_source_set_property;

  /* Stable identifier */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Headline or title */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Publisher, e.g. "NZ Herald" */
  properties[PROP_PUBLISHER] =
    g_param_spec_string ("publisher", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Author, "" when not named */
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Where it was read */
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Publication date (EDTF), or NULL */
  properties[PROP_PUBLISHED] =
    g_param_spec_string ("published", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Retrieval date (EDTF), or NULL */
  properties[PROP_RETRIEVED] =
    g_param_spec_string ("retrieved", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Free notes */
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Full plain text; evidence offsets index its code points */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Exact sentences dismissed as proposed events; never NULL */
  properties[PROP_DISMISSED] =
    g_param_spec_boxed ("dismissed", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ties_source_init (TiesSource *self)
{
  self->title = g_strdup ("");
  self->publisher = g_strdup ("");
  self->author = g_strdup ("");
  self->url = g_strdup ("");
  self->notes = g_strdup ("");
  self->text = g_strdup ("");
  self->dismissed = g_new0 (char *, 1);
  ties_source_index_text (self);
}

TiesSource *
ties_source_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (TIES_TYPE_SOURCE, "id", id, NULL);
}

glong
ties_source_get_text_length (TiesSource *self)
{
  g_return_val_if_fail (TIES_IS_SOURCE (self), 0);

  return self->text_length;
}

const char *
ties_source_get_id (TiesSource *self)
{
  g_return_val_if_fail (TIES_IS_SOURCE (self), NULL);

  return self->id;
}

void
ties_source_set_id (TiesSource  *self,
                   const char *id)
{
  g_return_if_fail (TIES_IS_SOURCE (self));

  if (!_ties_set_str (&self->id, id))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
ties_source_get_title (TiesSource *self)
{
  g_return_val_if_fail (TIES_IS_SOURCE (self), NULL);

  return self->title;
}

void
ties_source_set_title (TiesSource  *self,
                      const char *title)
{
  g_return_if_fail (TIES_IS_SOURCE (self));

  /* Never NULL: an empty string means none. */
  if (title == NULL)
    title = "";

  if (!_ties_set_str (&self->title, title))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
ties_source_get_publisher (TiesSource *self)
{
  g_return_val_if_fail (TIES_IS_SOURCE (self), NULL);

  return self->publisher;
}

void
ties_source_set_publisher (TiesSource  *self,
                          const char *publisher)
{
  g_return_if_fail (TIES_IS_SOURCE (self));

  /* Never NULL: an empty string means none. */
  if (publisher == NULL)
    publisher = "";

  if (!_ties_set_str (&self->publisher, publisher))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHER]);
}

const char *
ties_source_get_author (TiesSource *self)
{
  g_return_val_if_fail (TIES_IS_SOURCE (self), NULL);

  return self->author;
}

void
ties_source_set_author (TiesSource  *self,
                       const char *author)
{
  g_return_if_fail (TIES_IS_SOURCE (self));

  /* Never NULL: an empty string means none. */
  if (author == NULL)
    author = "";

  if (!_ties_set_str (&self->author, author))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

const char *
ties_source_get_url (TiesSource *self)
{
  g_return_val_if_fail (TIES_IS_SOURCE (self), NULL);

  return self->url;
}

void
ties_source_set_url (TiesSource  *self,
                    const char *url)
{
  g_return_if_fail (TIES_IS_SOURCE (self));

  /* Never NULL: an empty string means none. */
  if (url == NULL)
    url = "";

  if (!_ties_set_str (&self->url, url))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

const char *
ties_source_get_published (TiesSource *self)
{
  g_return_val_if_fail (TIES_IS_SOURCE (self), NULL);

  return self->published;
}

void
ties_source_set_published (TiesSource  *self,
                          const char *published)
{
  g_return_if_fail (TIES_IS_SOURCE (self));

  if (!_ties_set_str (&self->published, published))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLISHED]);
}

const char *
ties_source_get_retrieved (TiesSource *self)
{
  g_return_val_if_fail (TIES_IS_SOURCE (self), NULL);

  return self->retrieved;
}

void
ties_source_set_retrieved (TiesSource  *self,
                          const char *retrieved)
{
  g_return_if_fail (TIES_IS_SOURCE (self));

  if (!_ties_set_str (&self->retrieved, retrieved))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETRIEVED]);
}

const char *
ties_source_get_notes (TiesSource *self)
{
  g_return_val_if_fail (TIES_IS_SOURCE (self), NULL);

  return self->notes;
}

void
ties_source_set_notes (TiesSource  *self,
                      const char *notes)
{
  g_return_if_fail (TIES_IS_SOURCE (self));

  /* Never NULL: an empty string means none. */
  if (notes == NULL)
    notes = "";

  if (!_ties_set_str (&self->notes, notes))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

const char *
ties_source_get_text (TiesSource *self)
{
  g_return_val_if_fail (TIES_IS_SOURCE (self), NULL);

  return self->text;
}

void
ties_source_set_text (TiesSource  *self,
                     const char *text)
{
  g_return_if_fail (TIES_IS_SOURCE (self));

  /* Never NULL: an empty string means none. */
  if (text == NULL)
    text = "";

  if (!_ties_set_str (&self->text, text))
    return;

  ties_source_index_text (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char * const *
ties_source_get_dismissed (TiesSource *self)
{
  g_return_val_if_fail (TIES_IS_SOURCE (self), NULL);

  return (const char * const *) self->dismissed;
}

void
ties_source_set_dismissed (TiesSource         *self,
                           const char * const *dismissed)
{
  g_return_if_fail (TIES_IS_SOURCE (self));

  if (!_ties_set_strv (&self->dismissed, dismissed))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISMISSED]);
}

/* Whether the proposal quoting @exact was dismissed. */
gboolean
ties_source_is_dismissed (TiesSource *self,
                          const char *exact)
{
  g_return_val_if_fail (TIES_IS_SOURCE (self), FALSE);

  if (exact == NULL)
    return FALSE;

  return g_strv_contains ((const char * const *) self->dismissed, exact);
}

TiesExtras *
ties_source_get_extras (TiesSource *self)
{
  g_return_val_if_fail (TIES_IS_SOURCE (self), NULL);

  return self->extras;
}

void
ties_source_take_extras (TiesSource  *self,
                             TiesExtras *extras)
{
  g_return_if_fail (TIES_IS_SOURCE (self));

  g_clear_pointer (&self->extras, ties_extras_free);
  self->extras = extras;
}

/* Characters [start, end) of the text, counted in code points as the W3C
 * selectors count them; NULL when the range lies outside the text. */
char *
ties_source_dup_text_range (TiesSource *self,
                            glong       start,
                            glong       end)
{
  const char *first;
  const char *last;

  g_return_val_if_fail (TIES_IS_SOURCE (self), NULL);

  if (start < 0 || end < start || end > self->text_length)
    return NULL;

  first = ties_source_offset_to_pointer (self, start);
  last = g_utf8_offset_to_pointer (first, end - start);

  return g_strndup (first, last - first);
}

/* Whether characters [start, end) of the text are exactly @quote. */
gboolean
ties_source_range_equals (TiesSource *self,
                          glong       start,
                          glong       end,
                          const char *quote)
{
  const char *first;
  gsize len;

  g_return_val_if_fail (TIES_IS_SOURCE (self), FALSE);
  g_return_val_if_fail (quote != NULL, FALSE);

  if (start < 0 || end < start || end > self->text_length)
    return FALSE;

  first = ties_source_offset_to_pointer (self, start);
  len = strlen (quote);

  if (strncmp (first, quote, len) != 0)
    return FALSE;

  return g_utf8_strlen (quote, len) == end - start;
}

/* Code point offset of a byte offset that starts a character. */
glong
ties_source_byte_to_offset (TiesSource *self,
                            gsize       byte)
{
  guint lo = 0, hi;

  g_return_val_if_fail (TIES_IS_SOURCE (self), 0);

  if (self->checkpoints == NULL || self->checkpoints->len == 0)
    return 0;

  /* The last checkpoint at or before @byte. */
  hi = self->checkpoints->len;
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->checkpoints, gsize, mid) <= byte)
        lo = mid;
      else
        hi = mid;
    }

  return (glong) lo * CHECKPOINT_STEP
         + g_utf8_pointer_to_offset (self->text + g_array_index (self->checkpoints, gsize, lo),
                                     self->text + byte);
}
