/* ties-mentions.c
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ties-mentions.h"

/* A text folded for matching: one character per element, and for each
 * the code point of the original text it came from.  Folding changes
 * lengths ("ā" loses its macron, "ß" becomes "ss", spaces collapse), so
 * offsets are found through this map, never by counting again. */
typedef struct
{
  GArray *chars;   /* gunichar */
  GArray *origin;  /* glong */
} Folded;

static void
folded_clear (Folded *folded)
{
  g_clear_pointer (&folded->chars, g_array_unref);
  g_clear_pointer (&folded->origin, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Folded, folded_clear)

static gboolean
is_mark (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return TRUE;
    default:
      /* The Arabic tatweel only stretches a word; "عـلي" is "علي". */
      return c == 0x0640;
    }
}

static void
folded_append (Folded   *folded,
               gunichar  c,
               glong     origin)
{
  g_array_append_val (folded->chars, c);
  g_array_append_val (folded->origin, origin);
}

static void
fold_char (Folded   *folded,
           gunichar  c,
           glong     origin)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  if (c < 0x80)
    {
      decomposed[0] = c;
      n = 1;
    }
  else
    {
      n = g_unichar_fully_decompose (c, TRUE, decomposed, G_N_ELEMENTS (decomposed));
    }

  for (gsize i = 0; i < n; i++)
    {
      gunichar d = decomposed[i];

      if (is_mark (d))
        continue;

      if (g_unichar_isspace (d))
        {
          guint len = folded->chars->len;

          if (len == 0 || g_array_index (folded->chars, gunichar, len - 1) != ' ')
            folded_append (folded, ' ', origin);
          continue;
        }

      /* Typographic apostrophes as typed ones: "O’Brien" is "O'Brien". */
      if (d == 0x2019 || d == 0x2018 || d == 0x02BC)
        d = '\'';

      if (d < 0x80)
        {
          folded_append (folded, g_ascii_tolower (d), origin);
        }
      else if (g_unichar_isupper (d) || g_unichar_islower (d) || g_unichar_istitle (d))
        {
          char utf8[8];
          int len = g_unichar_to_utf8 (d, utf8);
          g_autofree char *casefolded = g_utf8_casefold (utf8, len);

          for (const char *p = casefolded; *p != '\0'; p = g_utf8_next_char (p))
            folded_append (folded, g_utf8_get_char (p), origin);
        }
      else
        {
          /* Han, Arabic and other scripts without case: as they are. */
          folded_append (folded, d, origin);
        }
    }
}

/* @chars, @n_chars: the text as code points. */
static void
fold (const gunichar *chars,
      glong           n_chars,
      Folded         *folded)
{
  folded->chars = g_array_sized_new (FALSE, FALSE, sizeof (gunichar), n_chars);
  folded->origin = g_array_sized_new (FALSE, FALSE, sizeof (glong), n_chars);

  for (glong i = 0; i < n_chars; i++)
    fold_char (folded, chars[i], i);
}

char *
ties_text_fold (const char *text)
{
  g_auto(Folded) folded = { 0 };
  g_autofree gunichar *chars = NULL;
  glong n_chars = 0;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  chars = g_utf8_to_ucs4 (text, -1, NULL, &n_chars, NULL);
  if (chars == NULL)
    return g_strdup ("");

  fold (chars, n_chars, &folded);
  out = g_string_sized_new (folded.chars->len);
  for (guint i = 0; i < folded.chars->len; i++)
    g_string_append_unichar (out, g_array_index (folded.chars, gunichar, i));

  return g_string_free (out, FALSE);
}

/* ties_text_fold() of @text into @out (@size bytes) where @text is
 * ASCII and short enough, as most names and titles are: lower case,
 * runs of spaces as one. FALSE otherwise. */
static gboolean
fold_ascii (const char *text,
            char       *out,
            gsize       size)
{
  gsize n = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if ((guchar) *p >= 0x80 || n + 1 >= size)
        return FALSE;
      if (g_ascii_isspace (*p))
        {
          if (n == 0 || out[n - 1] != ' ')
            out[n++] = ' ';
        }
      else
        {
          out[n++] = g_ascii_tolower (*p);
        }
    }
  out[n] = '\0';

  return TRUE;
}

int
ties_text_collate (const char *a,
                   const char *b)
{
  g_autofree char *folded_a = NULL;
  g_autofree char *folded_b = NULL;
  char ascii_a[256];
  char ascii_b[256];
  int result;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  /* Sorting compares each name many times: ASCII needs neither the
   * decomposition of the general fold nor the normalisation that
   * g_utf8_collate() does before the locale's strcoll(). */
  if (fold_ascii (a, ascii_a, sizeof ascii_a) && fold_ascii (b, ascii_b, sizeof ascii_b))
    {
      result = strcoll (ascii_a, ascii_b);
      if (result == 0)
        result = strcoll (a, b);
    }
  else
    {
      folded_a = ties_text_fold (a);
      folded_b = ties_text_fold (b);
      result = g_utf8_collate (folded_a, folded_b);
      if (result == 0)
        result = g_utf8_collate (a, b);
    }

  /* Names the locale holds equal still have one order. */
  return result != 0 ? result : strcmp (a, b);
}

gboolean
ties_actor_matches_folded (TiesActor  *actor,
                           const char *needle)
{
  const char * const *aliases;
  g_autofree char *name = NULL;

  g_return_val_if_fail (TIES_IS_ACTOR (actor), FALSE);
  g_return_val_if_fail (needle != NULL, FALSE);

  if (*needle == '\0')
    return TRUE;

  name = ties_text_fold (ties_actor_get_name (actor));
  if (strstr (name, needle) != NULL)
    return TRUE;

  aliases = ties_actor_get_aliases (actor);
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    {
      g_autofree char *alias = ties_text_fold (aliases[i]);

      if (strstr (alias, needle) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* Scripts written without spaces between words: a name there is found
 * inside a longer run ("习近平主席"), where a Latin name would be a
 * different word ("Cook" in "Cookson"). */
static gboolean
is_unspaced_script (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_HANGUL:
    case G_UNICODE_SCRIPT_THAI:
    case G_UNICODE_SCRIPT_LAO:
    case G_UNICODE_SCRIPT_KHMER:
    case G_UNICODE_SCRIPT_MYANMAR:
    case G_UNICODE_SCRIPT_TIBETAN:
    case G_UNICODE_SCRIPT_YI:
      return TRUE;
    default:
      return FALSE;
    }
}

/* A letter or digit of a script whose words are set apart by spaces. */
static gboolean
is_spaced_word_char (gunichar c)
{
  return (g_unichar_isalnum (c) || c == '_') && !is_unspaced_script (c);
}

/* The names as a trie of folded characters, so that the text is read
 * once, whatever the number of actors: each node's children are a
 * sibling list, except the root's, which are in a hash table because
 * every name starts there. */
typedef struct
{
  gunichar   c;
  guint      first_child;   /* 0: none (node 0 is the root) */
  guint      next_sibling;  /* 0: none */
  TiesActor *actor;         /* where a name ends */
} Node;

typedef struct
{
  GArray     *nodes;
  GHashTable *roots;  /* gunichar → node index */
} Trie;

static void
trie_clear (Trie *trie)
{
  g_clear_pointer (&trie->nodes, g_array_unref);
  g_clear_pointer (&trie->roots, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Trie, trie_clear)

static guint
trie_child (Trie     *trie,
            guint     parent,
            gunichar  c)
{
  if (parent == 0)
    return GPOINTER_TO_UINT (g_hash_table_lookup (trie->roots, GUINT_TO_POINTER (c)));

  for (guint i = g_array_index (trie->nodes, Node, parent).first_child; i != 0;
       i = g_array_index (trie->nodes, Node, i).next_sibling)
    if (g_array_index (trie->nodes, Node, i).c == c)
      return i;

  return 0;
}

static guint
trie_add_child (Trie     *trie,
                guint     parent,
                gunichar  c)
{
  Node node = { c, 0, 0, NULL };
  guint index = trie->nodes->len;

  if (parent == 0)
    {
      g_hash_table_insert (trie->roots, GUINT_TO_POINTER (c), GUINT_TO_POINTER (index));
    }
  else
    {
      Node *p = &g_array_index (trie->nodes, Node, parent);

      node.next_sibling = p->first_child;
      p->first_child = index;
    }
  g_array_append_val (trie->nodes, node);

  return index;
}

static void
trie_add (Trie       *trie,
          const char *name,
          TiesActor  *actor)
{
  g_autofree gunichar *chars = NULL;
  g_auto(Folded) folded = { 0 };
  glong n_chars = 0;
  guint start = 0;
  guint end;
  guint node = 0;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return;

  chars = g_utf8_to_ucs4_fast (name, -1, &n_chars);
  fold (chars, n_chars, &folded);

  /* Spaces around a name are not part of it. */
  end = folded.chars->len;
  while (start < end && g_array_index (folded.chars, gunichar, start) == ' ')
    start++;
  while (end > start && g_array_index (folded.chars, gunichar, end - 1) == ' ')
    end--;
  if (start == end)
    return;

  for (guint i = start; i < end; i++)
    {
      gunichar c = g_array_index (folded.chars, gunichar, i);
      guint child = trie_child (trie, node, c);

      node = child != 0 ? child : trie_add_child (trie, node, c);
    }

  /* Two actors of the same name: the first keeps it, as
   * ties_document_find_actor_by_name () decides. */
  if (g_array_index (trie->nodes, Node, node).actor == NULL)
    g_array_index (trie->nodes, Node, node).actor = actor;
}

static void
trie_build (Trie         *trie,
            TiesDocument *document)
{
  GListModel *actors = G_LIST_MODEL (ties_document_get_actors (document));
  guint n = g_list_model_get_n_items (actors);
  Node root = { 0, 0, 0, NULL };

  trie->nodes = g_array_new (FALSE, FALSE, sizeof (Node));
  trie->roots = g_hash_table_new (NULL, NULL);
  g_array_append_val (trie->nodes, root);

  /* Names before other names: an actor called so wins over another's alias. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiesActor) actor = g_list_model_get_item (actors, i);

      trie_add (trie, ties_actor_get_name (actor), actor);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TiesActor) actor = g_list_model_get_item (actors, i);
      const char * const *aliases = ties_actor_get_aliases (actor);

      for (guint j = 0; aliases != NULL && aliases[j] != NULL; j++)
        trie_add (trie, aliases[j], actor);
    }
}

typedef struct
{
  guint      start;  /* folded characters */
  guint      end;
  TiesActor *actor;
} Match;

static int
compare_longest_first (gconstpointer a,
                       gconstpointer b)
{
  const Match *ma = a;
  const Match *mb = b;
  guint la = ma->end - ma->start;
  guint lb = mb->end - mb->start;

  if (la != lb)
    return la > lb ? -1 : 1;
  return ma->start < mb->start ? -1 : ma->start > mb->start;
}

static int
compare_mentions (gconstpointer a,
                  gconstpointer b)
{
  const TiesMention *ma = a;
  const TiesMention *mb = b;

  return ma->start < mb->start ? -1 : ma->start > mb->start;
}

GArray *
ties_mentions_find (TiesDocument *document,
                    const char   *text)
{
  g_autoptr(GArray) mentions = g_array_new (FALSE, FALSE, sizeof (TiesMention));
  g_autoptr(GArray) matches = NULL;
  g_autofree gunichar *chars = NULL;
  g_autofree guint8 *taken = NULL;
  g_auto(Folded) folded = { 0 };
  g_auto(Trie) trie = { 0 };
  const char *valid_end = NULL;
  const gunichar *f;
  glong n_chars = 0;
  guint len;

  g_return_val_if_fail (TIES_IS_DOCUMENT (document), NULL);

  if (text == NULL)
    return g_steal_pointer (&mentions);

  /* A broken byte ends the text; what comes before it is still read. */
  g_utf8_validate (text, -1, &valid_end);
  chars = g_utf8_to_ucs4_fast (text, valid_end - text, &n_chars);
  fold (chars, n_chars, &folded);
  trie_build (&trie, document);

  f = (const gunichar *) folded.chars->data;
  len = folded.chars->len;
  matches = g_array_new (FALSE, FALSE, sizeof (Match));

  for (guint s = 0; s < len; s++)
    {
      guint node;
      guint k = s;

      if (f[s] == ' ')
        continue;
      if (s > 0 && is_spaced_word_char (f[s]) && is_spaced_word_char (f[s - 1]))
        continue;

      for (node = trie_child (&trie, 0, f[s]); node != 0; )
        {
          const Node *n = &g_array_index (trie.nodes, Node, node);

          /* Every name ending here counts, not only the longest: a
           * shorter one may still fit where a longer one overlaps a
           * mention longer still. */
          if (n->actor != NULL
              && (k + 1 == len || !is_spaced_word_char (f[k]) || !is_spaced_word_char (f[k + 1])))
            {
              Match match = { s, k + 1, n->actor };

              g_array_append_val (matches, match);
            }

          if (++k == len)
            break;
          node = trie_child (&trie, node, f[k]);
        }
    }

  /* Longest first, then earliest, and none over another. */
  g_array_sort (matches, compare_longest_first);
  taken = g_new0 (guint8, len + 1);
  for (guint i = 0; i < matches->len; i++)
    {
      const Match *match = &g_array_index (matches, Match, i);
      const glong *origin = (const glong *) folded.origin->data;
      TiesMention mention;
      gboolean fits = TRUE;

      for (guint k = match->start; k < match->end && fits; k++)
        fits = !taken[k];
      if (!fits)
        continue;
      memset (taken + match->start, 1, match->end - match->start);

      mention.start = origin[match->start];
      mention.end = origin[match->end - 1] + 1;
      /* Combining marks of the last letter belong to the mention. */
      while (mention.end < n_chars && is_mark (chars[mention.end])
             && (match->end == len || origin[match->end] > mention.end))
        mention.end++;
      mention.actor = match->actor;
      g_array_append_val (mentions, mention);
    }
  g_array_sort (mentions, compare_mentions);

  return g_steal_pointer (&mentions);
}
