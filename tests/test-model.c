/* test-model.c: the model as GObjects
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib.h>

#include "ties-document.h"
#include "ties-document-io.h"
#include "test-util.h"

/* Notification counting */

typedef struct {
  guint detailed;
  guint total;
} NotifyCount;

static void
on_notify_detailed (GObject    *object,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  ((NotifyCount *) user_data)->detailed++;
}

static void
on_notify_any (GObject    *object,
               GParamSpec *pspec,
               gpointer    user_data)
{
  ((NotifyCount *) user_data)->total++;
}

/* Runs @stmt and asserts that it notified @prop exactly @n times and no
 * other property at all. */
#define ASSERT_NOTIFIES(obj, prop, n, stmt)                                    \
  G_STMT_START {                                                              \
    NotifyCount _count = { 0, 0 };                                            \
    gulong _id1 = g_signal_connect (obj, "notify::" prop,                     \
                                    G_CALLBACK (on_notify_detailed), &_count);\
    gulong _id2 = g_signal_connect (obj, "notify",                            \
                                    G_CALLBACK (on_notify_any), &_count);     \
    stmt;                                                                     \
    g_signal_handler_disconnect (obj, _id1);                                  \
    g_signal_handler_disconnect (obj, _id2);                                  \
    g_assert_cmpuint (_count.detailed, ==, (n));                              \
    g_assert_cmpuint (_count.total, ==, (n));                                 \
  } G_STMT_END

typedef void        (*StringSetter) (gpointer object, const char *value);
typedef const char *(*StringGetter) (gpointer object);
typedef void        (*StrvSetter)   (gpointer object, const char * const *value);
typedef const char * const *(*StrvGetter) (gpointer object);

static guint
count_notify (GObject    *object,
              const char *property,
              const char *value,
              gboolean    use_setter,
              StringSetter setter)
{
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);
  NotifyCount count = { 0, 0 };
  gulong id1, id2;

  id1 = g_signal_connect (object, signal, G_CALLBACK (on_notify_detailed), &count);
  id2 = g_signal_connect (object, "notify", G_CALLBACK (on_notify_any), &count);
  if (use_setter)
    setter (object, value);
  else
    g_object_set (object, property, value, NULL);
  g_signal_handler_disconnect (object, id1);
  g_signal_handler_disconnect (object, id2);

  g_assert_cmpuint (count.detailed, ==, count.total);
  return count.detailed;
}

static void
assert_property_string (GObject    *object,
                        const char *property,
                        const char *expected)
{
  g_autofree char *value = NULL;

  g_object_get (object, property, &value, NULL);
  g_assert_cmpstr (value, ==, expected);
}

/* Exercises a string property through its setter and g_object_set().
 * @null_result is what the getter returns after NULL was set; with
 * @test_null FALSE, NULL is not tried (ids). */
static void
check_string_property (gpointer      object,
                       const char   *property,
                       StringSetter  set,
                       StringGetter  get,
                       gboolean      test_null,
                       const char   *null_result)
{
  GObject *gobject = G_OBJECT (object);
  g_autofree char *copy = NULL;

  g_test_message ("%s:%s", G_OBJECT_TYPE_NAME (object), property);

  /* Through the setter */
  g_assert_cmpuint (count_notify (gobject, property, "Te reo Māori 中文 🙂", TRUE, set), ==, 1);
  g_assert_cmpstr (get (object), ==, "Te reo Māori 中文 🙂");
  assert_property_string (gobject, property, "Te reo Māori 中文 🙂");

  copy = g_strdup ("Te reo Māori 中文 🙂");
  g_assert_cmpuint (count_notify (gobject, property, copy, TRUE, set), ==, 0);
  /* Its own string back: no change, and no use after free */
  g_assert_cmpuint (count_notify (gobject, property, get (object), TRUE, set), ==, 0);
  g_assert_cmpstr (get (object), ==, "Te reo Māori 中文 🙂");

  /* Through g_object_set() */
  g_assert_cmpuint (count_notify (gobject, property, "second", FALSE, NULL), ==, 1);
  g_assert_cmpstr (get (object), ==, "second");
  g_assert_cmpuint (count_notify (gobject, property, "second", FALSE, NULL), ==, 0);
  g_assert_cmpuint (count_notify (gobject, property, "third", TRUE, set), ==, 1);
  g_assert_cmpuint (count_notify (gobject, property, "third", FALSE, NULL), ==, 0);

  if (!test_null)
    return;

  g_assert_cmpuint (count_notify (gobject, property, NULL, TRUE, set), ==, 1);
  g_assert_cmpstr (get (object), ==, null_result);
  assert_property_string (gobject, property, null_result);
  g_assert_cmpuint (count_notify (gobject, property, NULL, TRUE, set), ==, 0);
  g_assert_cmpuint (count_notify (gobject, property, NULL, FALSE, NULL), ==, 0);
  if (null_result != NULL)
    {
      g_assert_cmpuint (count_notify (gobject, property, null_result, TRUE, set), ==, 0);
      g_assert_cmpuint (count_notify (gobject, property, null_result, FALSE, NULL), ==, 0);
    }

  g_assert_cmpuint (count_notify (gobject, property, "fourth", FALSE, NULL), ==, 1);
  g_assert_cmpuint (count_notify (gobject, property, NULL, FALSE, NULL), ==, 1);
  g_assert_cmpstr (get (object), ==, null_result);
}

#define CHECK_STRING(obj, prop, setter, getter, null_result) \
  check_string_property (obj, prop, (StringSetter) setter, (StringGetter) getter, TRUE, null_result)
#define CHECK_ID(obj, prop, setter, getter) \
  check_string_property (obj, prop, (StringSetter) setter, (StringGetter) getter, FALSE, NULL)

static void
assert_strv (const char * const *strv,
             const char * const *expected)
{
  g_assert_nonnull (strv);
  g_assert_cmpuint (g_strv_length ((char **) strv), ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (strv[i], ==, expected[i]);
}

static void
check_strv_property (gpointer    object,
                     const char *property,
                     StrvSetter  set,
                     StrvGetter  get)
{
  GObject *gobject = G_OBJECT (object);
  const char * const ab[] = { "a", "Māori", NULL };
  const char * const c[] = { "中文 🙂", NULL };
  const char * const empty[] = { NULL };
  g_auto(GStrv) ab_copy = g_strdupv ((char **) ab);
  g_auto(GStrv) got = NULL;
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);
  NotifyCount count = { 0, 0 };
  gulong id1, id2;

  g_test_message ("%s:%s", G_OBJECT_TYPE_NAME (object), property);

  /* Start from empty */
  set (object, NULL);

  id1 = g_signal_connect (object, signal, G_CALLBACK (on_notify_detailed), &count);
  id2 = g_signal_connect (object, "notify", G_CALLBACK (on_notify_any), &count);

  set (object, ab);
  g_assert_cmpuint (count.detailed, ==, 1);
  assert_strv (get (object), ab);
  set (object, (const char * const *) ab_copy);
  g_assert_cmpuint (count.detailed, ==, 1);
  set (object, get (object));
  g_assert_cmpuint (count.detailed, ==, 1);
  assert_strv (get (object), ab);

  g_object_set (gobject, property, c, NULL);
  g_assert_cmpuint (count.detailed, ==, 2);
  assert_strv (get (object), c);
  g_object_set (gobject, property, c, NULL);
  g_assert_cmpuint (count.detailed, ==, 2);
  g_object_get (gobject, property, &got, NULL);
  assert_strv ((const char * const *) got, c);

  /* NULL is the empty list, in both directions */
  set (object, NULL);
  g_assert_cmpuint (count.detailed, ==, 3);
  assert_strv (get (object), empty);
  set (object, empty);
  g_assert_cmpuint (count.detailed, ==, 3);
  g_object_set (gobject, property, NULL, NULL);
  g_assert_cmpuint (count.detailed, ==, 3);
  g_object_set (gobject, property, empty, NULL);
  g_assert_cmpuint (count.detailed, ==, 3);
  g_object_set (gobject, property, ab, NULL);
  g_assert_cmpuint (count.detailed, ==, 4);
  g_object_set (gobject, property, NULL, NULL);
  g_assert_cmpuint (count.detailed, ==, 5);
  assert_strv (get (object), empty);

  g_signal_handler_disconnect (object, id1);
  g_signal_handler_disconnect (object, id2);
  g_assert_cmpuint (count.total, ==, count.detailed);
}

#define CHECK_STRV(obj, prop, setter, getter) \
  check_strv_property (obj, prop, (StrvSetter) setter, (StrvGetter) getter)

/* Checks a boolean property through setter and g_object_set(). */
#define CHECK_BOOLEAN(obj, prop, setter, getter)                              \
  G_STMT_START {                                                              \
    gboolean _v;                                                              \
    setter (obj, FALSE);                                                      \
    ASSERT_NOTIFIES (obj, prop, 1, setter (obj, TRUE));                       \
    g_assert_true (getter (obj));                                             \
    ASSERT_NOTIFIES (obj, prop, 0, setter (obj, TRUE));                       \
    /* Any non-zero value is TRUE */                                          \
    ASSERT_NOTIFIES (obj, prop, 0, setter (obj, 2));                          \
    g_assert_cmpint (getter (obj), ==, TRUE);                                 \
    ASSERT_NOTIFIES (obj, prop, 1, g_object_set (obj, prop, FALSE, NULL));    \
    g_assert_false (getter (obj));                                            \
    ASSERT_NOTIFIES (obj, prop, 0, g_object_set (obj, prop, FALSE, NULL));    \
    ASSERT_NOTIFIES (obj, prop, 0, setter (obj, FALSE));                      \
    ASSERT_NOTIFIES (obj, prop, 1, g_object_set (obj, prop, TRUE, NULL));     \
    g_object_get (obj, prop, &_v, NULL);                                      \
    g_assert_true (_v);                                                       \
  } G_STMT_END

#define CHECK_DOUBLE(obj, prop, setter, getter)                               \
  G_STMT_START {                                                              \
    double _v;                                                                \
    ASSERT_NOTIFIES (obj, prop, 1, setter (obj, 12.5));                       \
    g_assert_cmpfloat (getter (obj), ==, 12.5);                               \
    ASSERT_NOTIFIES (obj, prop, 0, setter (obj, 12.5));                       \
    ASSERT_NOTIFIES (obj, prop, 1, g_object_set (obj, prop, -3.25, NULL));    \
    g_assert_cmpfloat (getter (obj), ==, -3.25);                              \
    ASSERT_NOTIFIES (obj, prop, 0, g_object_set (obj, prop, -3.25, NULL));    \
    g_object_get (obj, prop, &_v, NULL);                                      \
    g_assert_cmpfloat (_v, ==, -3.25);                                        \
  } G_STMT_END

#define CHECK_UINT(obj, prop, setter, getter)                                 \
  G_STMT_START {                                                              \
    guint _v;                                                                 \
    ASSERT_NOTIFIES (obj, prop, 1, setter (obj, 257));                        \
    g_assert_cmpuint (getter (obj), ==, 257);                                 \
    ASSERT_NOTIFIES (obj, prop, 0, setter (obj, 257));                        \
    ASSERT_NOTIFIES (obj, prop, 1, g_object_set (obj, prop, 7u, NULL));       \
    g_assert_cmpuint (getter (obj), ==, 7);                                   \
    ASSERT_NOTIFIES (obj, prop, 0, g_object_set (obj, prop, 7u, NULL));       \
    g_object_get (obj, prop, &_v, NULL);                                      \
    g_assert_cmpuint (_v, ==, 7);                                             \
  } G_STMT_END

#define CHECK_ENUM(obj, prop, setter, getter, a, b)                           \
  G_STMT_START {                                                              \
    int _v;                                                                   \
    setter (obj, a);                                                          \
    ASSERT_NOTIFIES (obj, prop, 1, setter (obj, b));                          \
    g_assert_cmpint (getter (obj), ==, b);                                    \
    ASSERT_NOTIFIES (obj, prop, 0, setter (obj, b));                          \
    ASSERT_NOTIFIES (obj, prop, 1, g_object_set (obj, prop, a, NULL));        \
    g_assert_cmpint (getter (obj), ==, a);                                    \
    ASSERT_NOTIFIES (obj, prop, 0, g_object_set (obj, prop, a, NULL));        \
    g_object_get (obj, prop, &_v, NULL);                                      \
    g_assert_cmpint (_v, ==, a);                                              \
  } G_STMT_END

/* Properties */

static void
test_actor_properties (void)
{
  g_autoptr(TiesActor) actor = ties_actor_new ("a", NULL, TIES_ACTOR_PERSON);

  /* Defaults */
  g_assert_cmpstr (ties_actor_get_id (actor), ==, "a");
  g_assert_cmpstr (ties_actor_get_name (actor), ==, "");
  g_assert_cmpstr (ties_actor_get_role (actor), ==, "");
  g_assert_cmpstr (ties_actor_get_notes (actor), ==, "");
  g_assert_null (ties_actor_get_affiliation (actor));
  g_assert_null (ties_actor_get_color (actor));
  g_assert_nonnull (ties_actor_get_aliases (actor));
  g_assert_null (ties_actor_get_aliases (actor)[0]);
  g_assert_false (ties_actor_get_has_position (actor));
  g_assert_false (ties_actor_get_pinned (actor));

  CHECK_ID (actor, "id", ties_actor_set_id, ties_actor_get_id);
  CHECK_STRING (actor, "name", ties_actor_set_name, ties_actor_get_name, "");
  CHECK_STRING (actor, "role", ties_actor_set_role, ties_actor_get_role, "");
  CHECK_STRING (actor, "notes", ties_actor_set_notes, ties_actor_get_notes, "");
  CHECK_STRING (actor, "affiliation", ties_actor_set_affiliation, ties_actor_get_affiliation, NULL);
  CHECK_STRING (actor, "color", ties_actor_set_color, ties_actor_get_color, NULL);
  CHECK_STRV (actor, "aliases", ties_actor_set_aliases, ties_actor_get_aliases);
  CHECK_ENUM (actor, "kind", ties_actor_set_kind, ties_actor_get_kind, TIES_ACTOR_PERSON, TIES_ACTOR_GROUP);
  CHECK_ENUM (actor, "kind", ties_actor_set_kind, ties_actor_get_kind, TIES_ACTOR_GROUP, TIES_ACTOR_ORGANISATION);
  CHECK_BOOLEAN (actor, "has-position", ties_actor_set_has_position, ties_actor_get_has_position);
  CHECK_BOOLEAN (actor, "pinned", ties_actor_set_pinned, ties_actor_get_pinned);
  CHECK_DOUBLE (actor, "x", ties_actor_set_x, ties_actor_get_x);
  CHECK_DOUBLE (actor, "y", ties_actor_set_y, ties_actor_get_y);
}

static void
test_source_properties (void)
{
  g_autoptr(TiesSource) source = ties_source_new ("s");

  g_assert_cmpstr (ties_source_get_id (source), ==, "s");
  g_assert_cmpstr (ties_source_get_text (source), ==, "");
  g_assert_cmpint (ties_source_get_text_length (source), ==, 0);
  g_assert_null (ties_source_get_published (source));

  CHECK_ID (source, "id", ties_source_set_id, ties_source_get_id);
  CHECK_STRING (source, "title", ties_source_set_title, ties_source_get_title, "");
  CHECK_STRING (source, "publisher", ties_source_set_publisher, ties_source_get_publisher, "");
  CHECK_STRING (source, "author", ties_source_set_author, ties_source_get_author, "");
  CHECK_STRING (source, "url", ties_source_set_url, ties_source_get_url, "");
  CHECK_STRING (source, "published", ties_source_set_published, ties_source_get_published, NULL);
  CHECK_STRING (source, "retrieved", ties_source_set_retrieved, ties_source_get_retrieved, NULL);
  CHECK_STRING (source, "notes", ties_source_set_notes, ties_source_get_notes, "");
  CHECK_STRING (source, "text", ties_source_set_text, ties_source_get_text, "");
  g_assert_cmpint (ties_source_get_text_length (source), ==, 0);

  /* The length follows the text */
  ties_source_set_text (source, "Māori 🙂");
  g_assert_cmpint (ties_source_get_text_length (source), ==, 7);
}

static void
test_event_properties (void)
{
  g_autoptr(TiesEvent) event = ties_event_new ("e", NULL, NULL);

  g_assert_cmpstr (ties_event_get_title (event), ==, "");
  g_assert_cmpstr (ties_event_get_kind (event), ==, "other");
  g_assert_null (ties_event_get_date (event));
  g_assert_nonnull (ties_event_get_participants (event));
  g_assert_nonnull (ties_event_get_tags (event));
  g_assert_true (G_IS_LIST_STORE (ties_event_get_evidence (event)));
  g_assert_cmpuint (g_list_model_get_item_type (G_LIST_MODEL (ties_event_get_evidence (event))), ==, TIES_TYPE_EVIDENCE);

  CHECK_ID (event, "id", ties_event_set_id, ties_event_get_id);
  CHECK_STRING (event, "title", ties_event_set_title, ties_event_get_title, "");
  CHECK_STRING (event, "kind", ties_event_set_kind, ties_event_get_kind, "");
  CHECK_STRING (event, "date", ties_event_set_date, ties_event_get_date, NULL);
  CHECK_STRING (event, "date-phrase", ties_event_set_date_phrase, ties_event_get_date_phrase, "");
  CHECK_STRING (event, "place", ties_event_set_place, ties_event_get_place, NULL);
  CHECK_STRING (event, "initiator", ties_event_set_initiator, ties_event_get_initiator, NULL);
  CHECK_STRING (event, "notes", ties_event_set_notes, ties_event_get_notes, "");
  CHECK_STRV (event, "participants", ties_event_set_participants, ties_event_get_participants);
  CHECK_STRV (event, "tags", ties_event_set_tags, ties_event_get_tags);

  /* The parsed date follows the date */
  ties_event_set_date (event, "2019-05-15");
  g_assert_nonnull (ties_event_get_parsed_date (event));
  ties_event_set_date (event, NULL);
  g_assert_null (ties_event_get_parsed_date (event));

  /* has_participant */
  {
    const char * const participants[] = { "ardern", "dorsey", NULL };

    ties_event_set_participants (event, participants);
    g_assert_true (ties_event_has_participant (event, "dorsey"));
    g_assert_false (ties_event_has_participant (event, "dors"));
    g_assert_false (ties_event_has_participant (event, NULL));
  }
}

static void
test_evidence_properties (void)
{
  g_autoptr(TiesEvidence) evidence = ties_evidence_new ("s", "quote", 3, 8);
  g_autoptr(TiesEvidence) copy = NULL;

  g_assert_cmpstr (ties_evidence_get_source (evidence), ==, "s");
  g_assert_cmpstr (ties_evidence_get_exact (evidence), ==, "quote");
  g_assert_cmpstr (ties_evidence_get_prefix (evidence), ==, "");
  g_assert_cmpstr (ties_evidence_get_suffix (evidence), ==, "");
  g_assert_cmpuint (ties_evidence_get_start (evidence), ==, 3);
  g_assert_cmpuint (ties_evidence_get_end (evidence), ==, 8);
  g_assert_cmpint (ties_evidence_get_status (evidence), ==, TIES_EVIDENCE_UNCHECKED);

  CHECK_STRING (evidence, "source", ties_evidence_set_source, ties_evidence_get_source, NULL);
  CHECK_STRING (evidence, "exact", ties_evidence_set_exact, ties_evidence_get_exact, "");
  CHECK_STRING (evidence, "prefix", ties_evidence_set_prefix, ties_evidence_get_prefix, "");
  CHECK_STRING (evidence, "suffix", ties_evidence_set_suffix, ties_evidence_get_suffix, "");
  CHECK_UINT (evidence, "start", ties_evidence_set_start, ties_evidence_get_start);
  CHECK_UINT (evidence, "end", ties_evidence_set_end, ties_evidence_get_end);
  CHECK_ENUM (evidence, "status", ties_evidence_set_status, ties_evidence_get_status,
              TIES_EVIDENCE_UNCHECKED, TIES_EVIDENCE_REANCHORED);
  CHECK_ENUM (evidence, "status", ties_evidence_set_status, ties_evidence_get_status,
              TIES_EVIDENCE_ORPHANED, TIES_EVIDENCE_ANCHORED);

  /* A copy is equal and independent */
  ties_evidence_set_source (evidence, "src");
  ties_evidence_set_prefix (evidence, "before ");
  ties_evidence_set_suffix (evidence, " after");
  copy = ties_evidence_copy (evidence);
  g_assert_true (copy != evidence);
  g_assert_cmpstr (ties_evidence_get_source (copy), ==, "src");
  g_assert_cmpstr (ties_evidence_get_exact (copy), ==, ties_evidence_get_exact (evidence));
  g_assert_cmpstr (ties_evidence_get_prefix (copy), ==, "before ");
  g_assert_cmpstr (ties_evidence_get_suffix (copy), ==, " after");
  g_assert_cmpuint (ties_evidence_get_start (copy), ==, ties_evidence_get_start (evidence));
  g_assert_cmpuint (ties_evidence_get_end (copy), ==, ties_evidence_get_end (evidence));
  g_assert_cmpint (ties_evidence_get_status (copy), ==, ties_evidence_get_status (evidence));
  ties_evidence_set_exact (copy, "other");
  g_assert_cmpstr (ties_evidence_get_exact (evidence), !=, "other");
}

static void
test_event_kind_properties (void)
{
  g_autoptr(TiesEventKind) kind = ties_event_kind_new ("incident", NULL, TIES_LINE_DOTTED);

  g_assert_cmpstr (ties_event_kind_get_id (kind), ==, "incident");
  g_assert_cmpstr (ties_event_kind_get_label (kind), ==, "");
  g_assert_cmpint (ties_event_kind_get_line (kind), ==, TIES_LINE_DOTTED);

  CHECK_ID (kind, "id", ties_event_kind_set_id, ties_event_kind_get_id);
  CHECK_STRING (kind, "label", ties_event_kind_set_label, ties_event_kind_get_label, "");
  CHECK_ENUM (kind, "line", ties_event_kind_set_line, ties_event_kind_get_line,
              TIES_LINE_SOLID, TIES_LINE_DASH_DOT);
  CHECK_ENUM (kind, "line", ties_event_kind_set_line, ties_event_kind_get_line,
              TIES_LINE_DASHED, TIES_LINE_DOTTED);
}

static void
test_document_properties (void)
{
  g_autoptr(TiesDocument) doc = ties_document_new ();

  g_assert_cmpstr (ties_document_get_title (doc), ==, "");
  g_assert_cmpstr (ties_document_get_description (doc), ==, "");
  g_assert_cmpstr (ties_document_get_layout (doc), ==, "force");
  g_assert_null (ties_document_get_focus (doc));
  g_assert_true (TIES_IS_FILTER (ties_document_get_filter (doc)));
  g_assert_true (ties_filter_is_empty (ties_document_get_filter (doc)));

  CHECK_STRING (doc, "title", ties_document_set_title, ties_document_get_title, "");
  CHECK_STRING (doc, "description", ties_document_set_description, ties_document_get_description, "");
  CHECK_STRING (doc, "layout", ties_document_set_layout, ties_document_get_layout, "force");
  CHECK_STRING (doc, "focus", ties_document_set_focus, ties_document_get_focus, NULL);
  /* The filter's own properties are checked in test-filter. */
  CHECK_STRV (ties_document_get_filter (doc), "kinds", ties_filter_set_kinds, ties_filter_get_kinds);

  /* Read-only lists: edits go through the document and its history. */
  g_assert_true (TIES_IS_COLLECTION (ties_document_get_actors (doc)));
  g_assert_true (TIES_IS_COLLECTION (ties_document_get_sources (doc)));
  g_assert_true (TIES_IS_COLLECTION (ties_document_get_events (doc)));
  g_assert_true (TIES_IS_COLLECTION (ties_document_get_event_kinds (doc)));
  g_assert_false (G_IS_LIST_STORE (ties_document_get_actors (doc)));
  g_assert_false (G_IS_LIST_STORE (ties_document_get_sources (doc)));
  g_assert_false (G_IS_LIST_STORE (ties_document_get_events (doc)));
  g_assert_false (G_IS_LIST_STORE (ties_document_get_event_kinds (doc)));
  g_assert_true (g_list_model_get_item_type (ties_document_get_events (doc)) == TIES_TYPE_EVENT);
  g_assert_true (TIES_IS_HISTORY (ties_document_get_history (doc)));

  /* Plain setters are not edits */
  g_assert_false (ties_history_get_can_undo (ties_document_get_history (doc)));
}

/* Enums */

static void
test_actor_kind_strings (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (TIES_TYPE_ACTOR_KIND);
  const char *bad[] = { "", "Person", "persons", "organization", " group", "group ", "people" };
  TiesActorKind kind;

  g_assert_cmpuint (klass->n_values, ==, 3);
  for (guint i = 0; i < klass->n_values; i++)
    {
      TiesActorKind value = klass->values[i].value;
      const char *text = ties_actor_kind_to_string (value);

      g_assert_nonnull (text);
      /* The file word is the GEnum nick */
      g_assert_cmpstr (text, ==, klass->values[i].value_nick);
      kind = (TiesActorKind) 99;
      g_assert_true (ties_actor_kind_from_string (text, &kind));
      g_assert_cmpint (kind, ==, value);
    }

  g_assert_cmpstr (ties_actor_kind_to_string (TIES_ACTOR_PERSON), ==, "person");
  g_assert_cmpstr (ties_actor_kind_to_string (TIES_ACTOR_ORGANISATION), ==, "organisation");
  g_assert_cmpstr (ties_actor_kind_to_string (TIES_ACTOR_GROUP), ==, "group");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      kind = TIES_ACTOR_GROUP;
      g_assert_false (ties_actor_kind_from_string (bad[i], &kind));
      /* Untouched on failure */
      g_assert_cmpint (kind, ==, TIES_ACTOR_GROUP);
    }
  g_assert_false (ties_actor_kind_from_string (NULL, &kind));
}

static void
test_line_style_strings (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (TIES_TYPE_LINE_STYLE);
  const char *bad[] = { "", "Solid", "dash_dot", "dashdot", "dot", "none" };
  TiesLineStyle line;

  g_assert_cmpuint (klass->n_values, ==, 4);
  for (guint i = 0; i < klass->n_values; i++)
    {
      TiesLineStyle value = klass->values[i].value;
      const char *text = ties_line_style_to_string (value);

      g_assert_cmpstr (text, ==, klass->values[i].value_nick);
      line = (TiesLineStyle) 99;
      g_assert_true (ties_line_style_from_string (text, &line));
      g_assert_cmpint (line, ==, value);
    }

  g_assert_cmpstr (ties_line_style_to_string (TIES_LINE_DASH_DOT), ==, "dash-dot");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      line = TIES_LINE_DOTTED;
      g_assert_false (ties_line_style_from_string (bad[i], &line));
      g_assert_cmpint (line, ==, TIES_LINE_DOTTED);
    }
  g_assert_false (ties_line_style_from_string (NULL, &line));
}

/* Sources: code point offsets */

/* 1, 2, 3 and 4 byte characters */
static const char * const pattern[] = { "a", "ā", "中", "🙂", "M", "ō", " " };

static char *
make_text (guint n_chars)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_chars; i++)
    g_string_append (text, pattern[i % G_N_ELEMENTS (pattern)]);

  return g_string_free (text, FALSE);
}

static void
check_source_text (guint length)
{
  g_autoptr(TiesSource) source = ties_source_new ("s");
  g_autofree char *text = make_text (length);
  const glong offsets[] = { 0, 1, 2, 254, 255, 256, 257, 258, 510, 511, 512, 513, 767, 768, 769 };
  glong len = length;

  g_test_message ("text of %u code points", length);

  ties_source_set_text (source, text);
  g_assert_cmpint (ties_source_get_text_length (source), ==, len);

  /* Every pair of interesting offsets, against GLib */
  for (guint i = 0; i < G_N_ELEMENTS (offsets) + 1; i++)
    for (guint j = 0; j < G_N_ELEMENTS (offsets) + 1; j++)
      {
        glong start = i < G_N_ELEMENTS (offsets) ? offsets[i] : len;
        glong end = j < G_N_ELEMENTS (offsets) ? offsets[j] : len;
        g_autofree char *range = ties_source_dup_text_range (source, start, end);

        if (start > end || end > len)
          {
            g_assert_null (range);
            g_assert_false (ties_source_range_equals (source, start, end, ""));
          }
        else
          {
            g_autofree char *expected = g_utf8_substring (text, start, end);

            g_assert_cmpstr (range, ==, expected);
            g_assert_true (ties_source_range_equals (source, start, end, expected));
          }
      }

  /* Every code point, one at a time, and back from bytes */
  for (glong i = 0; i <= len; i++)
    {
      const char *p = g_utf8_offset_to_pointer (text, i);
      g_autofree char *one = ties_source_dup_text_range (source, i, MIN (i + 1, len));

      g_assert_cmpint (ties_source_byte_to_offset (source, p - text), ==, i);
      if (i < len)
        {
          g_assert_cmpint (strncmp (one, p, strlen (one)), ==, 0);
          g_assert_cmpint (g_utf8_strlen (one, -1), ==, 1);
          g_assert_true (ties_source_range_equals (source, i, i + 1, one));
          /* Too short and too long quotes */
          g_assert_false (ties_source_range_equals (source, i, i + 1, ""));
          g_assert_false (ties_source_range_equals (source, i, i, one));
        }
      else
        {
          g_assert_cmpstr (one, ==, "");
        }
    }

  /* Whole text and the end */
  {
    g_autofree char *whole = ties_source_dup_text_range (source, 0, len);
    g_autofree char *empty_end = ties_source_dup_text_range (source, len, len);

    g_assert_cmpstr (whole, ==, text);
    g_assert_cmpstr (empty_end, ==, "");
    g_assert_true (ties_source_range_equals (source, 0, len, text));
    g_assert_true (ties_source_range_equals (source, len, len, ""));
    g_assert_cmpint (ties_source_byte_to_offset (source, strlen (text)), ==, len);
  }

  /* Out of range */
  g_assert_null (ties_source_dup_text_range (source, 0, len + 1));
  g_assert_null (ties_source_dup_text_range (source, len + 1, len + 1));
  g_assert_null (ties_source_dup_text_range (source, -1, 0));
  g_assert_null (ties_source_dup_text_range (source, -1, -1));
  g_assert_false (ties_source_range_equals (source, 0, len + 1, text));
  g_assert_false (ties_source_range_equals (source, len + 1, len + 1, ""));
  g_assert_false (ties_source_range_equals (source, -1, 0, ""));
  g_assert_false (ties_source_range_equals (source, G_MAXLONG, G_MAXLONG, ""));
  if (len > 0)
    {
      g_assert_null (ties_source_dup_text_range (source, 1, 0));
      g_assert_false (ties_source_range_equals (source, 1, 0, ""));
    }
}

static void
test_source_ranges (void)
{
  const guint lengths[] = { 0, 1, 7, 255, 256, 257, 511, 512, 513, 700, 768, 1000 };

  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    check_source_text (lengths[i]);
}

static void
test_source_ranges_non_ascii (void)
{
  g_autoptr(TiesSource) source = ties_source_new ("s");
  const char *text = "Te reo Māori: 中文 and 🙂 emoji.";
  g_autofree char *maori = NULL;
  g_autofree char *chinese = NULL;
  g_autofree char *emoji = NULL;
  g_autofree char *tail = NULL;

  ties_source_set_text (source, text);
  g_assert_cmpint (ties_source_get_text_length (source), ==, g_utf8_strlen (text, -1));
  g_assert_cmpint (ties_source_get_text_length (source), ==, 29);

  maori = ties_source_dup_text_range (source, 7, 12);
  g_assert_cmpstr (maori, ==, "Māori");
  chinese = ties_source_dup_text_range (source, 14, 16);
  g_assert_cmpstr (chinese, ==, "中文");
  emoji = ties_source_dup_text_range (source, 21, 22);
  g_assert_cmpstr (emoji, ==, "🙂");
  tail = ties_source_dup_text_range (source, 21, 29);
  g_assert_cmpstr (tail, ==, "🙂 emoji.");

  g_assert_true (ties_source_range_equals (source, 7, 12, "Māori"));
  g_assert_false (ties_source_range_equals (source, 7, 12, "Maori"));
  g_assert_false (ties_source_range_equals (source, 7, 11, "Māori"));
  g_assert_false (ties_source_range_equals (source, 7, 13, "Māori"));
  g_assert_false (ties_source_range_equals (source, 8, 13, "Māori"));
  g_assert_true (ties_source_range_equals (source, 14, 16, "中文"));
  g_assert_true (ties_source_range_equals (source, 21, 22, "🙂"));

  /* Byte offsets of characters that follow multi-byte ones */
  g_assert_cmpint (ties_source_byte_to_offset (source, strstr (text, "ori") - text), ==, 9);
  g_assert_cmpint (ties_source_byte_to_offset (source, strstr (text, "中") - text), ==, 14);
  g_assert_cmpint (ties_source_byte_to_offset (source, strstr (text, "文") - text), ==, 15);
  g_assert_cmpint (ties_source_byte_to_offset (source, strstr (text, "🙂") - text), ==, 21);
  g_assert_cmpint (ties_source_byte_to_offset (source, strstr (text, " emoji") - text), ==, 22);
  g_assert_cmpint (ties_source_byte_to_offset (source, strlen (text)), ==, 29);

  /* A new text re-indexes */
  ties_source_set_text (source, "🙂🙂");
  g_assert_cmpint (ties_source_get_text_length (source), ==, 2);
  g_assert_null (ties_source_dup_text_range (source, 7, 12));
  g_assert_cmpint (ties_source_byte_to_offset (source, 4), ==, 1);
}

/* Evidence anchoring */

/* Non-ASCII before the quotes, and enough of it to pass checkpoints. */
static TiesSource *
make_anchor_source (guint padding)
{
  TiesSource *source = ties_source_new ("s");
  g_autofree char *pad = make_text (padding);
  g_autofree char *text = g_strconcat (pad,
                                       "Kia ora. Ardern said yes to Dorsey. 中文 🙂 "
                                       "Then Ardern said no to Bezos. Māori end.",
                                       NULL);

  ties_source_set_text (source, text);

  return source;
}

static glong
offset_of (TiesSource *source,
           const char *needle,
           guint       nth)
{
  const char *text = ties_source_get_text (source);
  const char *p = strstr (text, needle);

  while (p != NULL && nth-- > 0)
    p = strstr (p + 1, needle);
  g_assert_nonnull (p);

  return g_utf8_pointer_to_offset (text, p);
}

static void
check_anchor (guint padding)
{
  g_autoptr(TiesSource) source = make_anchor_source (padding);
  glong said_yes = offset_of (source, "said yes", 0);
  glong ardern1 = offset_of (source, "Ardern said", 0);
  glong ardern2 = offset_of (source, "Ardern said", 1);
  glong maori = offset_of (source, "Māori end", 0);

  g_test_message ("padding %u", padding);
  g_assert_cmpint (ardern1, <, ardern2);

  /* Right offsets */
  {
    g_autoptr(TiesEvidence) ev = ties_evidence_new ("s", "said yes", said_yes, said_yes + 8);

    g_assert_cmpint (ties_evidence_anchor (ev, source), ==, TIES_EVIDENCE_ANCHORED);
    g_assert_cmpint (ties_evidence_get_status (ev), ==, TIES_EVIDENCE_ANCHORED);
    g_assert_cmpuint (ties_evidence_get_start (ev), ==, said_yes);
    g_assert_cmpuint (ties_evidence_get_end (ev), ==, said_yes + 8);
  }

  /* Right offsets on a non-ASCII quote */
  {
    g_autoptr(TiesEvidence) ev = ties_evidence_new ("s", "Māori end", maori, maori + 9);

    g_assert_cmpint (ties_evidence_anchor (ev, source), ==, TIES_EVIDENCE_ANCHORED);
  }

  /* Wrong offsets, quote found once: moved, in code points */
  {
    g_autoptr(TiesEvidence) ev = ties_evidence_new ("s", "said yes", 0, 8);

    g_assert_cmpint (ties_evidence_anchor (ev, source), ==, TIES_EVIDENCE_REANCHORED);
    g_assert_cmpint (ties_evidence_get_status (ev), ==, TIES_EVIDENCE_REANCHORED);
    g_assert_cmpuint (ties_evidence_get_start (ev), ==, said_yes);
    g_assert_cmpuint (ties_evidence_get_end (ev), ==, said_yes + 8);
    /* And now they are right */
    g_assert_cmpint (ties_evidence_anchor (ev, source), ==, TIES_EVIDENCE_ANCHORED);
  }
  {
    /* Off by one (bytes instead of code points would be further off) */
    g_autoptr(TiesEvidence) ev = ties_evidence_new ("s", "Māori end", maori + 1, maori + 10);

    g_assert_cmpint (ties_evidence_anchor (ev, source), ==, TIES_EVIDENCE_REANCHORED);
    g_assert_cmpuint (ties_evidence_get_start (ev), ==, maori);
    g_assert_cmpuint (ties_evidence_get_end (ev), ==, maori + 9);
  }
  {
    /* Offsets past the end of the text */
    g_autoptr(TiesEvidence) ev = ties_evidence_new ("s", "中文 🙂", 100000, 100004);
    glong chinese = offset_of (source, "中文", 0);

    g_assert_cmpint (ties_evidence_anchor (ev, source), ==, TIES_EVIDENCE_REANCHORED);
    g_assert_cmpuint (ties_evidence_get_start (ev), ==, chinese);
    g_assert_cmpuint (ties_evidence_get_end (ev), ==, chinese + 4);
  }

  /* Quote twice, the prefix and suffix say which */
  {
    g_autoptr(TiesEvidence) ev = ties_evidence_new ("s", "Ardern said", 0, 0);

    ties_evidence_set_prefix (ev, "🙂 Then ");
    ties_evidence_set_suffix (ev, " no");
    g_assert_cmpint (ties_evidence_anchor (ev, source), ==, TIES_EVIDENCE_REANCHORED);
    g_assert_cmpuint (ties_evidence_get_start (ev), ==, ardern2);
    g_assert_cmpuint (ties_evidence_get_end (ev), ==, ardern2 + 11);
  }
  {
    /* Only a suffix */
    g_autoptr(TiesEvidence) ev = ties_evidence_new ("s", "Ardern said", 1, 2);

    ties_evidence_set_suffix (ev, " yes");
    g_assert_cmpint (ties_evidence_anchor (ev, source), ==, TIES_EVIDENCE_REANCHORED);
    g_assert_cmpuint (ties_evidence_get_start (ev), ==, ardern1);
    g_assert_cmpuint (ties_evidence_get_end (ev), ==, ardern1 + 11);
  }
  {
    /* Only a prefix */
    g_autoptr(TiesEvidence) ev = ties_evidence_new ("s", "Ardern said", 1, 2);

    ties_evidence_set_prefix (ev, "Then ");
    g_assert_cmpint (ties_evidence_anchor (ev, source), ==, TIES_EVIDENCE_REANCHORED);
    g_assert_cmpuint (ties_evidence_get_start (ev), ==, ardern2);
  }

  /* Quote twice, nothing to tell them apart: kept as written */
  {
    g_autoptr(TiesEvidence) ev = ties_evidence_new ("s", "Ardern said", 3, 14);

    g_assert_cmpint (ties_evidence_anchor (ev, source), ==, TIES_EVIDENCE_ORPHANED);
    g_assert_cmpint (ties_evidence_get_status (ev), ==, TIES_EVIDENCE_ORPHANED);
    g_assert_cmpuint (ties_evidence_get_start (ev), ==, 3);
    g_assert_cmpuint (ties_evidence_get_end (ev), ==, 14);
  }
  {
    /* Context that matches neither */
    g_autoptr(TiesEvidence) ev = ties_evidence_new ("s", "Ardern said", 3, 14);

    ties_evidence_set_prefix (ev, "Yesterday ");
    g_assert_cmpint (ties_evidence_anchor (ev, source), ==, TIES_EVIDENCE_ORPHANED);
    g_assert_cmpuint (ties_evidence_get_start (ev), ==, 3);
    g_assert_cmpuint (ties_evidence_get_end (ev), ==, 14);
  }
  {
    /* Context that matches both */
    g_autoptr(TiesEvidence) ev = ties_evidence_new ("s", "Ardern said", 3, 14);

    ties_evidence_set_suffix (ev, " ");
    g_assert_cmpint (ties_evidence_anchor (ev, source), ==, TIES_EVIDENCE_ORPHANED);
    g_assert_cmpuint (ties_evidence_get_start (ev), ==, 3);
  }

  /* Quote absent */
  {
    g_autoptr(TiesEvidence) ev = ties_evidence_new ("s", "Ardern said maybe", 5, 22);

    g_assert_cmpint (ties_evidence_anchor (ev, source), ==, TIES_EVIDENCE_ORPHANED);
    g_assert_cmpuint (ties_evidence_get_start (ev), ==, 5);
    g_assert_cmpuint (ties_evidence_get_end (ev), ==, 22);
  }
  {
    /* Same letters, different code points */
    g_autoptr(TiesEvidence) ev = ties_evidence_new ("s", "Maori end", maori, maori + 9);

    g_assert_cmpint (ties_evidence_anchor (ev, source), ==, TIES_EVIDENCE_ORPHANED);
  }

  /* No source */
  {
    g_autoptr(TiesEvidence) ev = ties_evidence_new ("s", "said yes", said_yes, said_yes + 8);

    g_assert_cmpint (ties_evidence_anchor (ev, NULL), ==, TIES_EVIDENCE_ORPHANED);
    g_assert_cmpint (ties_evidence_get_status (ev), ==, TIES_EVIDENCE_ORPHANED);
    g_assert_cmpuint (ties_evidence_get_start (ev), ==, said_yes);
  }

  /* Empty quote */
  {
    g_autoptr(TiesEvidence) ev = ties_evidence_new ("s", "", 0, 0);

    g_assert_cmpint (ties_evidence_anchor (ev, source), ==, TIES_EVIDENCE_ORPHANED);
  }
}

static void
test_evidence_anchor (void)
{
  const guint paddings[] = { 0, 3, 250, 256, 300, 511, 700 };

  for (guint i = 0; i < G_N_ELEMENTS (paddings); i++)
    check_anchor (paddings[i]);
}

static void
test_document_anchor_evidence (void)
{
  g_autoptr(TiesDocument) doc = ties_document_new ();
  g_autoptr(TiesSource) source = make_anchor_source (300);
  g_autoptr(TiesEvent) event = ties_event_new ("e", "Event", "meeting");
  GListStore *store = ties_event_get_evidence (event);
  glong said_yes = offset_of (source, "said yes", 0);
  g_autoptr(TiesEvidence) good = ties_evidence_new ("s", "said yes", said_yes, said_yes + 8);
  g_autoptr(TiesEvidence) moved = ties_evidence_new ("s", "said yes", 0, 8);
  g_autoptr(TiesEvidence) absent = ties_evidence_new ("s", "never said", 0, 10);
  g_autoptr(TiesEvidence) twice = ties_evidence_new ("s", "Ardern said", 0, 11);
  g_autoptr(TiesEvidence) no_source = ties_evidence_new ("nowhere", "said yes", said_yes, said_yes + 8);

  ties_document_add_source (doc, source);
  ties_document_add_event (doc, event);
  g_list_store_append (store, good);
  g_list_store_append (store, moved);
  g_list_store_append (store, absent);
  g_list_store_append (store, twice);
  g_list_store_append (store, no_source);

  g_assert_cmpuint (ties_document_count_orphaned (doc), ==, 0);
  g_assert_cmpuint (ties_document_anchor_evidence (doc), ==, 3);
  g_assert_cmpuint (ties_document_count_orphaned (doc), ==, 3);
  g_assert_cmpint (ties_evidence_get_status (good), ==, TIES_EVIDENCE_ANCHORED);
  g_assert_cmpint (ties_evidence_get_status (moved), ==, TIES_EVIDENCE_REANCHORED);
  g_assert_cmpuint (ties_evidence_get_start (moved), ==, said_yes);
  g_assert_cmpint (ties_evidence_get_status (absent), ==, TIES_EVIDENCE_ORPHANED);
  g_assert_cmpint (ties_evidence_get_status (twice), ==, TIES_EVIDENCE_ORPHANED);
  g_assert_cmpint (ties_evidence_get_status (no_source), ==, TIES_EVIDENCE_ORPHANED);

  /* The missing source appears: the last orphan anchors */
  {
    g_autoptr(TiesSource) nowhere = make_anchor_source (300);

    ties_source_set_id (nowhere, "nowhere");
    ties_document_add_source (doc, nowhere);
    g_assert_cmpuint (ties_document_anchor_evidence (doc), ==, 2);
    g_assert_cmpint (ties_evidence_get_status (no_source), ==, TIES_EVIDENCE_ANCHORED);
    g_assert_cmpuint (ties_document_count_orphaned (doc), ==, 2);
  }
}

/* Documents */

static void
test_document_lookup (void)
{
  g_autoptr(TiesDocument) doc = ties_document_new ();
  TiesHistory *history = ties_document_get_history (doc);
  g_autoptr(TiesActor) a = ties_actor_new ("a", "A", TIES_ACTOR_PERSON);
  g_autoptr(TiesActor) b = ties_actor_new ("b", "B", TIES_ACTOR_GROUP);
  g_autoptr(TiesSource) s = ties_source_new ("s");
  g_autoptr(TiesEvent) e = ties_event_new ("e", "E", NULL);

  g_assert_null (ties_document_lookup_actor (doc, "a"));
  g_assert_null (ties_document_lookup_actor (doc, NULL));
  g_assert_null (ties_document_lookup_source (doc, NULL));
  g_assert_null (ties_document_lookup_event (doc, NULL));

  ties_document_add_actor (doc, a);
  g_assert_true (ties_document_lookup_actor (doc, "a") == a);
  g_assert_null (ties_document_lookup_actor (doc, "b"));
  ties_document_add_actor (doc, b);
  ties_document_add_source (doc, s);
  ties_document_add_event (doc, e);
  g_assert_true (ties_document_lookup_actor (doc, "a") == a);
  g_assert_true (ties_document_lookup_actor (doc, "b") == b);
  g_assert_true (ties_document_lookup_source (doc, "s") == s);
  g_assert_true (ties_document_lookup_event (doc, "e") == e);
  /* Each kind of object has its own ids */
  g_assert_null (ties_document_lookup_actor (doc, "s"));
  g_assert_null (ties_document_lookup_source (doc, "e"));
  g_assert_null (ties_document_lookup_event (doc, "a"));

  ties_document_remove_actor (doc, a);
  g_assert_null (ties_document_lookup_actor (doc, "a"));
  g_assert_true (ties_document_lookup_actor (doc, "b") == b);
  ties_document_remove_source (doc, s);
  g_assert_null (ties_document_lookup_source (doc, "s"));
  ties_document_remove_event (doc, e);
  g_assert_null (ties_document_lookup_event (doc, "e"));

  g_assert_true (ties_history_undo (history));
  g_assert_true (ties_document_lookup_event (doc, "e") == e);
  g_assert_true (ties_history_undo (history));
  g_assert_true (ties_document_lookup_source (doc, "s") == s);
  g_assert_true (ties_history_undo (history));
  g_assert_true (ties_document_lookup_actor (doc, "a") == a);
  g_assert_true (ties_history_redo (history));
  g_assert_null (ties_document_lookup_actor (doc, "a"));
  g_assert_true (ties_history_undo (history));

  /* Renamed through the history, then undone */
  ties_document_rename_actor (doc, a, "a2");
  g_assert_null (ties_document_lookup_actor (doc, "a"));
  g_assert_true (ties_document_lookup_actor (doc, "a2") == a);
  g_assert_true (ties_history_undo (history));
  g_assert_true (ties_document_lookup_actor (doc, "a") == a);
  g_assert_null (ties_document_lookup_actor (doc, "a2"));

  ties_history_set (history, b, "id", "b2", NULL);
  g_assert_null (ties_document_lookup_actor (doc, "b"));
  g_assert_true (ties_document_lookup_actor (doc, "b2") == b);

  /* Undo all the way, redo all the way */
  while (ties_history_undo (history))
    ;
  g_assert_null (ties_document_lookup_actor (doc, "a"));
  g_assert_null (ties_document_lookup_actor (doc, "b"));
  g_assert_null (ties_document_lookup_source (doc, "s"));
  while (ties_history_redo (history))
    ;
  g_assert_true (ties_document_lookup_actor (doc, "a") == a);
  g_assert_true (ties_document_lookup_actor (doc, "b2") == b);
  /* The removals of s and e were undone before new edits dropped them */
  g_assert_true (ties_document_lookup_source (doc, "s") == s);
  g_assert_true (ties_document_lookup_event (doc, "e") == e);
}

/* Edits inside an open group (as every compound edit makes) must be seen
 * by lookups made before the group ends. */
static void
test_document_lookup_in_group (void)
{
  g_autoptr(TiesDocument) doc = ties_document_new ();
  TiesHistory *history = ties_document_get_history (doc);
  g_autoptr(TiesActor) a = ties_actor_new ("old-id", "A", TIES_ACTOR_PERSON);
  g_autofree char *id = NULL;

  ties_document_add_actor (doc, a);
  g_assert_true (ties_document_lookup_actor (doc, "old-id") == a);

  ties_history_begin (history, "Edit");
  ties_history_set (history, a, "id", "new-id", NULL);
  /* The index must see the new id at once. (Looking up "old-id" here would
   * also compare against the freed old id string, which the stale index
   * still holds as a key: a use after free under ASan, so it is not done.) */
  g_assert_true (ties_document_lookup_actor (doc, "new-id") == a);
  id = ties_document_make_id (doc, "New id");
  g_assert_cmpstr (id, ==, "new-id-2");
  ties_history_end (history);

  g_assert_true (ties_document_lookup_actor (doc, "new-id") == a);
  g_assert_null (ties_document_lookup_actor (doc, "old-id"));
}

static void
test_document_make_id (void)
{
  g_autoptr(TiesDocument) doc = ties_document_new ();
  struct {
    const char *text;
    const char *id;
  } cases[] = {
    { "Jacinda Ardern", "jacinda-ardern" },
    { "Māori Party", "maori-party" },
    { "  Hello,  World!! ", "hello-world" },
    { "--x--", "x" },
    { "ABC123", "abc123" },
    { "Ngāi Tahu / Te Rūnanga", "ngai-tahu-te-runanga" },
    { "", "item" },
    { "!!!", "item" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = ties_document_make_id (doc, cases[i].text);

      g_assert_cmpstr (id, ==, cases[i].id);
    }

  {
    g_autofree char *id = ties_document_make_id (doc, NULL);
    g_assert_cmpstr (id, ==, "item");
  }

  /* Ids never repeat, across actors, sources and events */
  {
    g_autofree char *id1 = ties_document_make_id (doc, "Jacinda Ardern");
    g_autoptr(TiesActor) actor = ties_actor_new (id1, "Jacinda Ardern", TIES_ACTOR_PERSON);
    g_autofree char *id2 = NULL;
    g_autofree char *id3 = NULL;
    g_autofree char *id4 = NULL;
    g_autoptr(TiesSource) source = NULL;
    g_autoptr(TiesEvent) event = NULL;

    ties_document_add_actor (doc, actor);
    id2 = ties_document_make_id (doc, "Jacinda  ARDERN");
    g_assert_cmpstr (id2, ==, "jacinda-ardern-2");

    source = ties_source_new (id2);
    ties_document_add_source (doc, source);
    id3 = ties_document_make_id (doc, "jacinda ardern");
    g_assert_cmpstr (id3, ==, "jacinda-ardern-3");

    event = ties_event_new (id3, NULL, NULL);
    ties_document_add_event (doc, event);
    id4 = ties_document_make_id (doc, "Jacinda Ardern");
    g_assert_cmpstr (id4, ==, "jacinda-ardern-4");

    /* Undoing the adds frees the ids again */
    g_assert_true (ties_history_undo (ties_document_get_history (doc)));
    g_clear_pointer (&id4, g_free);
    id4 = ties_document_make_id (doc, "Jacinda Ardern");
    g_assert_cmpstr (id4, ==, "jacinda-ardern-3");
  }
}

static void
test_document_make_event_id (void)
{
  g_autoptr(TiesDocument) doc = ties_document_new ();
  g_autoptr(TiesEvent) taken = NULL;
  g_autoptr(TiesActor) actor = NULL;
  struct {
    const char *title;
    const char *date;
    const char *id;
  } cases[] = {
    { "Ardern phones Dorsey", "2019-04", "ardern-phones-dorsey-april" },
    { "Ardern phones Dorsey", NULL, "ardern-phones-dorsey" },
    { "Ardern phones Dorsey", "2019-04-17", "ardern-phones-dorsey-april" },
    { "Ardern phones Dorsey", "2019-04~", "ardern-phones-dorsey-april" },
    { "Ardern phones Dorsey", "2019-12-30/2020-01-02", "ardern-phones-dorsey-december" },
    /* No month: a year, a season, an unknown month */
    { "Ardern phones Dorsey", "2019", "ardern-phones-dorsey" },
    { "Ardern phones Dorsey", "2019-21", "ardern-phones-dorsey" },
    { "Ardern phones Dorsey", "2019-XX", "ardern-phones-dorsey" },
    /* Articles and prepositions go; at most four words stay */
    { "The meeting of Ardern and Zuckerberg at the Élysée in Paris", "2019-05-15",
      "meeting-ardern-zuckerberg-elysee-may" },
    { "A call from the Prime Minister", NULL, "call-prime-minister" },
    /* Possessives and apostrophes, curly or straight */
    { "Ardern’s email to Cook", "2019-09", "ardern-email-cook-september" },
    { "Ardern's email to Cook", NULL, "ardern-email-cook" },
    /* Te reo Māori to ASCII; a month the title names is not repeated */
    { "Hui with Ngāi Tahu in May", "2019-05", "hui-ngai-tahu-may" },
    /* Nothing left of the title */
    { "The", "2019-03", "event-march" },
    { "東京会議", NULL, "event" },
    { NULL, NULL, "event" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = ties_document_make_event_id (doc, cases[i].title, cases[i].date);

      g_assert_cmpstr (id, ==, cases[i].id);
    }

  /* Unique across events, actors and sources */
  taken = ties_event_new ("ardern-phones-dorsey-april", "Ardern phones Dorsey", "phone-call");
  ties_document_add_event (doc, taken);
  actor = ties_actor_new ("event", "Event", TIES_ACTOR_GROUP);
  ties_document_add_actor (doc, actor);
  {
    g_autofree char *id = ties_document_make_event_id (doc, "Ardern phones Dorsey", "2019-04-17");
    g_autofree char *other = ties_document_make_event_id (doc, "", NULL);

    g_assert_cmpstr (id, ==, "ardern-phones-dorsey-april-2");
    g_assert_cmpstr (other, ==, "event-2");
  }
}

static void
test_document_event_kinds (void)
{
  g_autoptr(TiesDocument) doc = ties_document_new ();
  g_autoptr(TiesEventKind) incident = ties_event_kind_new ("incident", "Incident", TIES_LINE_DOTTED);
  g_autoptr(TiesEventKind) meeting = ties_event_kind_new ("meeting", "Our meeting", TIES_LINE_DASHED);
  GListModel *builtins = ties_event_kind_get_builtins ();
  const char *ids[] = { "meeting", "phone-call", "email", "summit", "public-statement", "other" };
  TiesEventKind *kind;

  g_assert_cmpuint (g_list_model_get_n_items (builtins), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      kind = ties_document_lookup_event_kind (doc, ids[i]);
      g_assert_nonnull (kind);
      g_assert_cmpstr (ties_event_kind_get_id (kind), ==, ids[i]);
      g_assert_true (kind == ties_event_kind_lookup_builtin (ids[i]));
      g_assert_cmpstr (ties_event_kind_get_label (kind), !=, "");
    }
  g_assert_cmpint (ties_event_kind_get_line (ties_event_kind_lookup_builtin ("phone-call")), ==, TIES_LINE_DASHED);
  g_assert_cmpint (ties_event_kind_get_line (ties_event_kind_lookup_builtin ("email")), ==, TIES_LINE_DOTTED);

  g_assert_null (ties_document_lookup_event_kind (doc, "incident"));
  g_assert_null (ties_document_lookup_event_kind (doc, NULL));
  g_assert_null (ties_document_lookup_event_kind (doc, "Meeting"));
  g_assert_null (ties_event_kind_lookup_builtin ("incident"));

  ties_document_add_event_kind (doc, incident);
  g_assert_true (ties_document_lookup_event_kind (doc, "incident") == incident);

  /* A declared kind comes before the built-in one of the same id */
  ties_document_add_event_kind (doc, meeting);
  g_assert_true (ties_document_lookup_event_kind (doc, "meeting") == meeting);
  g_assert_true (ties_document_lookup_event_kind (doc, "email") == ties_event_kind_lookup_builtin ("email"));
}

static void
on_changed (gpointer  object,
            guint    *count)
{
  (*count)++;
}

static void
on_parts_changed (TiesDocument       *document,
                  TiesDocumentChange  changes,
                  TiesDocumentChange *out)
{
  *out |= changes;
}

static gboolean
is_hex_color (const char *color)
{
  if (color == NULL || strlen (color) != 7 || color[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  return TRUE;
}

static void
test_event_kind_colors (void)
{
  g_autoptr(TiesEventKind) workshop = ties_event_kind_new ("workshop", "Workshop", TIES_LINE_SOLID);
  g_autoptr(TiesEventKind) workshop_again = ties_event_kind_new ("workshop", "Atelier", TIES_LINE_DOTTED);
  g_autoptr(TiesEventKind) copy = ties_event_kind_new ("meeting", "Hui", TIES_LINE_SOLID);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *builtins = ties_event_kind_get_builtins ();
  struct { const char *id, *color; } expected[] = {
    { "meeting", "#3584e4" }, { "phone-call", "#33d17a" }, { "email", "#ff7800" },
    { "summit", "#9141ac" }, { "public-statement", "#f6d32d" }, { "other", "#77767b" },
  };

  /* Each built-in kind has its own colour, and none chosen. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      TiesEventKind *kind = ties_event_kind_lookup_builtin (expected[i].id);

      g_assert_null (ties_event_kind_get_color (kind));
      g_assert_cmpstr (ties_event_kind_get_display_color (kind), ==, expected[i].color);
      g_assert_true (g_hash_table_add (seen, (gpointer) expected[i].color));
    }
  g_assert_cmpuint (g_list_model_get_n_items (builtins), ==, G_N_ELEMENTS (expected));

  /* A document's copy of a built-in kind keeps the built-in colour. */
  g_assert_cmpstr (ties_event_kind_get_display_color (copy), ==, "#3584e4");

  /* Other kinds: a palette colour that depends only on the id, never
   * the grey of "other". */
  g_assert_true (is_hex_color (ties_event_kind_get_display_color (workshop)));
  g_assert_cmpstr (ties_event_kind_get_display_color (workshop), ==, ties_event_kind_get_display_color (workshop_again));
  g_assert_cmpstr (ties_event_kind_get_display_color (workshop), !=, "#77767b");
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *id = g_strdup_printf ("kind-%u", i);
      g_autoptr(TiesEventKind) kind = ties_event_kind_new (id, id, TIES_LINE_SOLID);

      g_assert_true (is_hex_color (ties_event_kind_get_display_color (kind)));
      g_assert_cmpstr (ties_event_kind_get_display_color (kind), !=, "#77767b");
    }

  /* A chosen colour wins; NULL goes back to the default. */
  ASSERT_NOTIFIES (workshop, "color", 1, ties_event_kind_set_color (workshop, "#c061cb"));
  ASSERT_NOTIFIES (workshop, "color", 0, ties_event_kind_set_color (workshop, "#c061cb"));
  g_assert_cmpstr (ties_event_kind_get_color (workshop), ==, "#c061cb");
  g_assert_cmpstr (ties_event_kind_get_display_color (workshop), ==, "#c061cb");
  ties_event_kind_set_color (workshop, NULL);
  g_assert_cmpstr (ties_event_kind_get_display_color (workshop), ==, ties_event_kind_get_display_color (workshop_again));
}

/* Kinds are added, renamed and recoloured through the history, and
 * "parts-changed" says so; a built-in kind is edited through a copy. */
static void
test_document_edit_event_kinds (void)
{
  g_autoptr(TiesDocument) doc = ties_document_new ();
  g_autoptr(TiesEventKind) workshop = ties_event_kind_new ("workshop", "Workshop", TIES_LINE_SOLID);
  TiesHistory *history = ties_document_get_history (doc);
  GListModel *kinds = G_LIST_MODEL (ties_document_get_event_kinds (doc));
  TiesDocumentChange changes = TIES_DOCUMENT_CHANGE_NONE;
  TiesEventKind *meeting;

  g_signal_connect (doc, "parts-changed", G_CALLBACK (on_parts_changed), &changes);

  ties_document_add_event_kind (doc, workshop);
  g_assert_cmpint (changes, ==, TIES_DOCUMENT_CHANGE_EVENT_KINDS);
  g_assert_true (ties_document_lookup_event_kind (doc, "workshop") == workshop);
  g_assert_true (ties_document_edit_event_kind (doc, "workshop") == workshop);
  g_assert_cmpuint (g_list_model_get_n_items (kinds), ==, 1);

  changes = TIES_DOCUMENT_CHANGE_NONE;
  ties_history_set (history, workshop, "label", "Planned meeting", "color", "#e01b24", NULL);
  g_assert_cmpint (changes, ==, TIES_DOCUMENT_CHANGE_EVENT_KINDS);
  g_assert_cmpstr (ties_event_kind_get_display_color (workshop), ==, "#e01b24");

  changes = TIES_DOCUMENT_CHANGE_NONE;
  g_assert_true (ties_history_undo (history));
  g_assert_cmpint (changes, ==, TIES_DOCUMENT_CHANGE_EVENT_KINDS);
  g_assert_cmpstr (ties_event_kind_get_label (workshop), ==, "Workshop");
  g_assert_null (ties_event_kind_get_color (workshop));
  g_assert_true (ties_history_undo (history));
  g_assert_cmpuint (g_list_model_get_n_items (kinds), ==, 0);
  g_assert_null (ties_document_lookup_event_kind (doc, "workshop"));
  g_assert_true (ties_history_redo (history));
  g_assert_true (ties_history_redo (history));
  g_assert_cmpstr (ties_event_kind_get_label (workshop), ==, "Planned meeting");

  /* Renaming "meeting": declared as a copy, then edited, in one step;
   * the shared built-in kind stays as it was. */
  changes = TIES_DOCUMENT_CHANGE_NONE;
  ties_history_begin (history, "Rename Kind");
  meeting = ties_document_edit_event_kind (doc, "meeting");
  g_assert_nonnull (meeting);
  g_assert_true (meeting != ties_event_kind_lookup_builtin ("meeting"));
  ties_history_set (history, meeting, "label", "Hui", NULL);
  ties_history_end (history);
  g_assert_cmpint (changes, ==, TIES_DOCUMENT_CHANGE_EVENT_KINDS);
  g_assert_cmpuint (g_list_model_get_n_items (kinds), ==, 2);
  g_assert_true (ties_document_lookup_event_kind (doc, "meeting") == meeting);
  g_assert_cmpstr (ties_event_kind_get_label (ties_document_lookup_event_kind (doc, "meeting")), ==, "Hui");
  g_assert_cmpint (ties_event_kind_get_line (meeting), ==, TIES_LINE_SOLID);
  g_assert_cmpstr (ties_event_kind_get_display_color (meeting), ==, "#3584e4");
  g_assert_cmpstr (ties_event_kind_get_label (ties_event_kind_lookup_builtin ("meeting")), !=, "Hui");
  g_assert_true (ties_document_edit_event_kind (doc, "meeting") == meeting);

  g_assert_true (ties_history_undo (history));
  g_assert_cmpuint (g_list_model_get_n_items (kinds), ==, 1);
  g_assert_true (ties_document_lookup_event_kind (doc, "meeting") == ties_event_kind_lookup_builtin ("meeting"));

  g_assert_null (ties_document_edit_event_kind (doc, "no-such-kind"));
  g_assert_cmpuint (g_list_model_get_n_items (kinds), ==, 1);
}

static void
test_document_changed (void)
{
  g_autoptr(TiesDocument) doc = ties_document_new ();
  TiesHistory *history = ties_document_get_history (doc);
  g_autoptr(TiesActor) a = ties_actor_new ("a", "A", TIES_ACTOR_PERSON);
  guint changed = 0;

  g_signal_connect (doc, "changed", G_CALLBACK (on_changed), &changed);

  ties_document_add_actor (doc, a);
  g_assert_cmpuint (changed, ==, 1);
  ties_history_set (history, a, "name", "B", "role", "Chief", NULL);
  g_assert_cmpuint (changed, ==, 2);
  /* Not an edit */
  ties_history_set (history, a, "name", "B", NULL);
  g_assert_cmpuint (changed, ==, 2);
  /* A group is one change, when it ends */
  ties_history_begin (history, "Group");
  ties_history_set (history, a, "name", "C", NULL);
  ties_history_set (history, doc, "title", "T", NULL);
  g_assert_cmpuint (changed, ==, 2);
  ties_history_end (history);
  g_assert_cmpuint (changed, ==, 3);
  ties_document_move_actor (doc, a, 1, 2, TRUE);
  g_assert_cmpuint (changed, ==, 4);

  g_assert_true (ties_history_undo (history));
  g_assert_cmpuint (changed, ==, 5);
  g_assert_true (ties_history_redo (history));
  g_assert_cmpuint (changed, ==, 6);
  g_assert_false (ties_history_redo (history));
  g_assert_cmpuint (changed, ==, 6);

  ties_document_remove_actor (doc, a);
  g_assert_cmpuint (changed, ==, 7);
}

/* The sample */

static const char * const sample_people[] = {
  "ardern", "dorsey", "zuckerberg", "bezos", "pichai", "cook", "smith", "wojcicki",
};

static void
test_sample_people (void)
{
  g_autoptr(TiesDocument) doc = test_load_sample ();
  GListModel *actors = G_LIST_MODEL (ties_document_get_actors (doc));
  guint n_people = 0;

  for (guint i = 0; i < G_N_ELEMENTS (sample_people); i++)
    {
      TiesActor *actor = ties_document_lookup_actor (doc, sample_people[i]);

      g_assert_nonnull (actor);
      g_assert_cmpstr (ties_actor_get_id (actor), ==, sample_people[i]);
      g_assert_cmpint (ties_actor_get_kind (actor), ==, TIES_ACTOR_PERSON);
      g_assert_cmpstr (ties_actor_get_name (actor), !=, "");
    }

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(TiesActor) actor = g_list_model_get_item (actors, i);

      if (ties_actor_get_kind (actor) == TIES_ACTOR_PERSON)
        n_people++;
      /* Affiliations name actors too */
      if (ties_actor_get_affiliation (actor) != NULL)
        g_assert_nonnull (ties_document_lookup_actor (doc, ties_actor_get_affiliation (actor)));
    }

  /* The eight tech leaders and Ardern's ministers (Parker, Little, Faafoi) */
  g_assert_cmpuint (n_people, >=, G_N_ELEMENTS (sample_people));
  g_test_message ("%u people in the sample", n_people);

  g_assert_cmpstr (ties_actor_get_name (ties_document_lookup_actor (doc, "ardern")), ==, "Jacinda Ardern");
  g_assert_cmpstr (ties_document_get_focus (doc), ==, "ardern");
  g_assert_false (ties_history_get_can_undo (ties_document_get_history (doc)));
  g_assert_false (ties_history_get_modified (ties_document_get_history (doc)));
}

static void
test_sample_references (void)
{
  g_autoptr(TiesDocument) doc = test_load_sample ();
  GListModel *events = G_LIST_MODEL (ties_document_get_events (doc));
  guint n_events = g_list_model_get_n_items (events);

  g_assert_cmpuint (n_events, >, 0);
  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (events, i);
      const char * const *participants = ties_event_get_participants (event);
      GListModel *evidence = G_LIST_MODEL (ties_event_get_evidence (event));

      g_test_message ("event %s", ties_event_get_id (event));
      g_assert_true (ties_document_lookup_event (doc, ties_event_get_id (event)) == event);
      g_assert_nonnull (participants);
      g_assert_nonnull (participants[0]);
      for (guint j = 0; participants[j] != NULL; j++)
        {
          TiesActor *actor = ties_document_lookup_actor (doc, participants[j]);

          g_assert_nonnull (actor);
          g_assert_true (ties_event_has_participant (event, participants[j]));
        }
      if (ties_event_get_initiator (event) != NULL)
        {
          g_assert_nonnull (ties_document_lookup_actor (doc, ties_event_get_initiator (event)));
          g_assert_true (ties_event_has_participant (event, ties_event_get_initiator (event)));
        }
      g_assert_nonnull (ties_document_lookup_event_kind (doc, ties_event_get_kind (event)));

      for (guint j = 0; j < g_list_model_get_n_items (evidence); j++)
        {
          g_autoptr(TiesEvidence) item = g_list_model_get_item (evidence, j);
          TiesSource *source = ties_document_lookup_source (doc, ties_evidence_get_source (item));

          g_assert_nonnull (source);
          g_assert_true (ties_source_range_equals (source,
                                                   ties_evidence_get_start (item),
                                                   ties_evidence_get_end (item),
                                                   ties_evidence_get_exact (item)));
        }
    }

  g_assert_cmpuint (ties_document_anchor_evidence (doc), ==, 0);
  g_assert_cmpuint (ties_document_count_orphaned (doc), ==, 0);
}

/* Evidence made from a range carries the same selectors the sample's
 * researchers wrote by hand: the words and 32 code points either side. */
static void
test_evidence_for_range_sample (void)
{
  g_autoptr(TiesDocument) doc = test_load_sample ();
  GListModel *events = G_LIST_MODEL (ties_document_get_events (doc));
  guint n_checked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TiesEvent) event = g_list_model_get_item (events, i);
      GListModel *evidence = G_LIST_MODEL (ties_event_get_evidence (event));

      for (guint j = 0; j < g_list_model_get_n_items (evidence); j++)
        {
          g_autoptr(TiesEvidence) item = g_list_model_get_item (evidence, j);
          TiesSource *source = ties_document_lookup_source (doc, ties_evidence_get_source (item));
          g_autoptr(TiesEvidence) made = ties_evidence_new_for_range (source,
                                                                      ties_evidence_get_start (item),
                                                                      ties_evidence_get_end (item));

          g_assert_cmpstr (ties_evidence_get_source (made), ==, ties_evidence_get_source (item));
          g_assert_cmpstr (ties_evidence_get_exact (made), ==, ties_evidence_get_exact (item));
          g_assert_cmpstr (ties_evidence_get_prefix (made), ==, ties_evidence_get_prefix (item));
          g_assert_cmpstr (ties_evidence_get_suffix (made), ==, ties_evidence_get_suffix (item));
          g_assert_cmpuint (ties_evidence_get_start (made), ==, ties_evidence_get_start (item));
          g_assert_cmpuint (ties_evidence_get_end (made), ==, ties_evidence_get_end (item));
          g_assert_cmpint (ties_evidence_get_status (made), ==, TIES_EVIDENCE_ANCHORED);
          n_checked++;
        }
    }

  g_assert_cmpuint (n_checked, >=, 20);
}

/* Offsets are code points, whatever the script; context stops at the
 * ends of the text. */
static void
test_evidence_for_range_scripts (void)
{
  /* 👋🏽 is two code points (hand, skin tone); each CJK, Arabic and
   * macron letter one. */
  const char *text = "👋🏽 Kia ora, Māori 中文 مرحبا: Ardern phoned Dorsey.";
  g_autoptr(TiesSource) source = ties_source_new ("s");
  g_autoptr(TiesEvidence) quote = NULL;
  g_autoptr(TiesEvidence) whole = NULL;
  g_autoptr(TiesEvidence) wave = NULL;
  glong start;

  ties_source_set_text (source, text);
  start = g_utf8_pointer_to_offset (text, strstr (text, "Ardern"));
  g_assert_cmpint (start, ==, 28);

  quote = ties_evidence_new_for_range (source, start, start + 20);
  g_assert_cmpstr (ties_evidence_get_exact (quote), ==, "Ardern phoned Dorsey");
  g_assert_cmpstr (ties_evidence_get_prefix (quote), ==, "👋🏽 Kia ora, Māori 中文 مرحبا: ");
  g_assert_cmpstr (ties_evidence_get_suffix (quote), ==, ".");
  g_assert_true (ties_source_range_equals (source, ties_evidence_get_start (quote),
                                           ties_evidence_get_end (quote), "Ardern phoned Dorsey"));

  wave = ties_evidence_new_for_range (source, 0, 2);
  g_assert_cmpstr (ties_evidence_get_exact (wave), ==, "👋🏽");
  g_assert_cmpstr (ties_evidence_get_prefix (wave), ==, "");
  g_assert_cmpuint (g_utf8_strlen (ties_evidence_get_suffix (wave), -1), ==, 32);
  g_assert_true (g_str_has_prefix (ties_evidence_get_suffix (wave), " Kia ora, Māori 中文 مرحبا"));

  whole = ties_evidence_new_for_range (source, 0, ties_source_get_text_length (source));
  g_assert_cmpstr (ties_evidence_get_exact (whole), ==, text);
  g_assert_cmpstr (ties_evidence_get_suffix (whole), ==, "");

  /* Context longer than 32 code points is cut at 32, from the quote. */
  g_clear_object (&quote);
  quote = ties_evidence_new_for_range (source, start + 7, start + 13);
  g_assert_cmpstr (ties_evidence_get_exact (quote), ==, "phoned");
  g_assert_cmpstr (ties_evidence_get_prefix (quote), ==, "Kia ora, Māori 中文 مرحبا: Ardern ");
  g_assert_cmpuint (g_utf8_strlen (ties_evidence_get_prefix (quote), -1), ==, 32);

  /* The cut counts code points, so it may fall between the hand and its
   * skin tone. */
  g_clear_object (&quote);
  quote = ties_evidence_new_for_range (source, start + 5, start + 7);
  g_assert_cmpstr (ties_evidence_get_exact (quote), ==, "n ");
  g_assert_cmpstr (ties_evidence_get_prefix (quote), ==, "🏽 Kia ora, Māori 中文 مرحبا: Arder");
}

/* Re-attaching replaces quote, context, offsets and status in one step. */
static void
test_reattach_evidence (void)
{
  g_autoptr(TiesDocument) doc = ties_document_new ();
  g_autoptr(TiesSource) source = ties_source_new ("s");
  g_autoptr(TiesEvent) event = ties_event_new ("e", "E", "meeting");
  g_autoptr(TiesEvidence) evidence = ties_evidence_new ("s", "Ardern rang Dorsey", 3, 21);
  TiesHistory *history = ties_document_get_history (doc);
  TiesDocumentChange changes = TIES_DOCUMENT_CHANGE_NONE;

  ties_source_set_text (source, "Ōtautahi: Ardern phoned Dorsey in April.");
  ties_evidence_set_prefix (evidence, "old ");
  ties_evidence_set_status (evidence, TIES_EVIDENCE_ORPHANED);
  g_list_store_append (ties_event_get_evidence (event), evidence);
  ties_document_add_source (doc, source);
  ties_document_add_event (doc, event);
  g_signal_connect (doc, "parts-changed", G_CALLBACK (on_parts_changed), &changes);

  ties_document_reattach_evidence (doc, evidence, source, 10, 30);
  g_assert_cmpint (changes, ==, TIES_DOCUMENT_CHANGE_EVIDENCE);
  g_assert_cmpstr (ties_evidence_get_exact (evidence), ==, "Ardern phoned Dorsey");
  g_assert_cmpstr (ties_evidence_get_prefix (evidence), ==, "Ōtautahi: ");
  g_assert_cmpstr (ties_evidence_get_suffix (evidence), ==, " in April.");
  g_assert_cmpuint (ties_evidence_get_start (evidence), ==, 10);
  g_assert_cmpuint (ties_evidence_get_end (evidence), ==, 30);
  g_assert_cmpint (ties_evidence_get_status (evidence), ==, TIES_EVIDENCE_ANCHORED);
  g_assert_cmpint (ties_evidence_anchor (evidence, source), ==, TIES_EVIDENCE_ANCHORED);

  g_assert_true (ties_history_undo (history));
  g_assert_cmpstr (ties_evidence_get_exact (evidence), ==, "Ardern rang Dorsey");
  g_assert_cmpstr (ties_evidence_get_prefix (evidence), ==, "old ");
  g_assert_cmpstr (ties_evidence_get_suffix (evidence), ==, "");
  g_assert_cmpuint (ties_evidence_get_start (evidence), ==, 3);
  g_assert_cmpuint (ties_evidence_get_end (evidence), ==, 21);
  g_assert_cmpint (ties_evidence_get_status (evidence), ==, TIES_EVIDENCE_ORPHANED);

  g_assert_true (ties_history_redo (history));
  g_assert_cmpstr (ties_evidence_get_exact (evidence), ==, "Ardern phoned Dorsey");
  g_assert_cmpint (ties_evidence_get_status (evidence), ==, TIES_EVIDENCE_ANCHORED);
}

/* Initials a reader recognises, in every script. */
static void
test_actor_initials (void)
{
  static const struct { const char *name, *initials; } cases[] = {
    { "Jacinda Ardern", "JA" },
    { "Omar al-Rashid (عمر الرشيد)", "OR" },
    { "Vincent van Gogh", "VG" },
    { "Charles de Gaulle", "CG" },
    { "Leonardo da Vinci", "LV" },
    { "Mohammed bin Zayed", "MZ" },
    { "Valéry Giscard d'Estaing", "VE" },
    { "Dr. Martin Luther King Jr.", "MK" },
    { "Kris Faafoi", "KF" },
    { "Mārama Davidson", "MD" },
    { "bell hooks", "BH" },
    { "Jean-Claude Juncker", "JJ" },
    { "Twitter", "T" },
    { "ʻŌlelo Hawaiʻi", "ŌH" },
    { "Department of the Prime Minister and Cabinet", "DC" },
    { "عمر الرشيد", "عر" },
    { "王小明", "王" },
    { "  Susan   Wojcicki  ", "SW" },
    { "Van", "V" },
    { "🙂", NULL },
    { "(only a note)", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *initials = ties_actor_make_initials (cases[i].name);

      g_assert_cmpstr (initials, ==, cases[i].initials);
    }
}

/* File names a file system and a portal take, from any title. */
static void
test_document_file_name (void)
{
  static const struct { const char *title, *name; } cases[] = {
    { "Ardern and the tech chiefs: the Christchurch Call", "Ardern and the tech chiefs - the Christchurch Call.png" },
    { "", "Diagram.png" },
    { "a/b\\c", "a - b - c.png" },
    { "What?* \"Quotes\" <x>|y", "What Quotes x - y.png" },
    { ".hidden", "hidden.png" },
    { " :: ", "Diagram.png" },
    { "Ngā  Tūmomo\tTake\n", "Ngā Tūmomo Take.png" },
    { "Line\001feed", "Linefeed.png" },
  };
  g_autoptr(TiesDocument) document = ties_document_new ();
  g_autoptr(GString) long_title = g_string_new (NULL);
  g_autofree char *long_name = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = NULL;

      ties_document_set_title (document, cases[i].title);
      name = ties_document_make_file_name (document, "Diagram", "png");
      g_assert_cmpstr (name, ==, cases[i].name);
    }

  for (guint i = 0; i < 30; i++)
    g_string_append (long_title, "Tūhoe ");
  ties_document_set_title (document, long_title->str);
  long_name = ties_document_make_file_name (document, "Diagram", "svg");
  g_assert_true (g_str_has_suffix (long_name, ".svg"));
  g_assert_cmpint (g_utf8_strlen (long_name, -1), <=, 100 + strlen (".svg"));
  g_assert_true (g_utf8_validate (long_name, -1, NULL));
}

/* Ids from names and titles of any length stay short: a name of ten
 * thousand letters makes an actor whose document saves and opens. */
static void
test_document_long_ids (void)
{
  g_autoptr(TiesDocument) document = ties_document_new ();
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *actor_id = NULL;
  g_autofree char *event_id = NULL;
  g_autofree char *second = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (name, 'a' + i % 26);
  actor_id = ties_document_make_id (document, name->str);
  g_assert_cmpuint (strlen (actor_id), <=, 64);
  g_assert_true (ties_document_is_valid_id (actor_id));

  g_string_append (name, " meets someone");
  event_id = ties_document_make_event_id (document, name->str, "2019-09-06");
  g_assert_cmpuint (strlen (event_id), <=, 64);
  g_assert_true (g_str_has_suffix (event_id, "-september"));
  g_assert_true (ties_document_is_valid_id (event_id));

  /* Taken, the next gets its number. */
  {
    g_autoptr(TiesActor) actor = ties_actor_new (actor_id, name->str, TIES_ACTOR_PERSON);

    ties_document_add_actor (document, actor);
  }
  second = ties_document_make_id (document, name->str);
  g_assert_cmpstr (second, !=, actor_id);
  g_assert_true (ties_document_is_valid_id (second));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* A failed check marks its test failed and lets the others run. */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/model/actor/properties", test_actor_properties);
  g_test_add_func ("/model/actor/initials", test_actor_initials);
  g_test_add_func ("/model/document/file-name", test_document_file_name);
  g_test_add_func ("/model/document/long-ids", test_document_long_ids);
  g_test_add_func ("/model/source/properties", test_source_properties);
  g_test_add_func ("/model/event/properties", test_event_properties);
  g_test_add_func ("/model/evidence/properties", test_evidence_properties);
  g_test_add_func ("/model/event-kind/properties", test_event_kind_properties);
  g_test_add_func ("/model/document/properties", test_document_properties);
  g_test_add_func ("/model/enums/actor-kind", test_actor_kind_strings);
  g_test_add_func ("/model/enums/line-style", test_line_style_strings);
  g_test_add_func ("/model/source/ranges", test_source_ranges);
  g_test_add_func ("/model/source/ranges-non-ascii", test_source_ranges_non_ascii);
  g_test_add_func ("/model/evidence/anchor", test_evidence_anchor);
  g_test_add_func ("/model/document/anchor-evidence", test_document_anchor_evidence);
  g_test_add_func ("/model/document/lookup", test_document_lookup);
  g_test_add_func ("/model/document/lookup-in-group", test_document_lookup_in_group);
  g_test_add_func ("/model/document/make-id", test_document_make_id);
  g_test_add_func ("/model/document/event-kinds", test_document_event_kinds);
  g_test_add_func ("/model/document/make-event-id", test_document_make_event_id);
  g_test_add_func ("/model/event-kind/colors", test_event_kind_colors);
  g_test_add_func ("/model/document/edit-event-kinds", test_document_edit_event_kinds);
  g_test_add_func ("/model/evidence/for-range-sample", test_evidence_for_range_sample);
  g_test_add_func ("/model/evidence/for-range-scripts", test_evidence_for_range_scripts);
  g_test_add_func ("/model/evidence/reattach", test_reattach_evidence);
  g_test_add_func ("/model/document/changed", test_document_changed);
  g_test_add_func ("/model/sample/people", test_sample_people);
  g_test_add_func ("/model/sample/references", test_sample_references);

  return g_test_run ();
}
