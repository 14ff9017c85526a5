/* ties-article-html.c: an HTML page's article and what the page says of it
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The part of the article importer (ties-article-import.c) that reads
 * HTML, apart because it needs libxml2: the command loads it as a module
 * only when a page is imported (ties-xml-readers.h).
 *
 * HTML goes through libxml2's forgiving HTML parser; its tree is walked
 * once for the page's metadata (<meta>, <link rel=canonical>, <title>,
 * JSON-LD) and once, from the article's own element where the page has
 * one, for the text.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "ties-article-import-private.h"
#include "ties-xml-string.h"

/* Deeper JSON-LD is no article's metadata, and is not parsed. */
#define MAX_JSON_LD_DEPTH 64

typedef struct
{
  char *og_title;
  char *title;
  char *h1;
  char *canonical;
  char *og_url;
  char *site_name;
  char *ld_publisher;
  char *meta_author;
  char *article_author;
  char *ld_author;
  char *article_published;
  char *ld_published;
  char *time_datetime;
} PageMeta;

static void
page_meta_clear (PageMeta *meta)
{
  g_free (meta->og_title);
  g_free (meta->title);
  g_free (meta->h1);
  g_free (meta->canonical);
  g_free (meta->og_url);
  g_free (meta->site_name);
  g_free (meta->ld_publisher);
  g_free (meta->meta_author);
  g_free (meta->article_author);
  g_free (meta->ld_author);
  g_free (meta->article_published);
  g_free (meta->ld_published);
  g_free (meta->time_datetime);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PageMeta, page_meta_clear)

static void
set_once (char      **field,
          const char *value)
{
  if (*field == NULL)
    *field = _ties_article_clean_field (value);
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  return _ties_xml_take_string (xmlGetProp (node, (const xmlChar *) name));
}

static gboolean
has_attribute (xmlNode    *node,
               const char *name)
{
  return xmlHasProp (node, (const xmlChar *) name) != NULL;
}

/* Whether @attribute, a space-separated list, holds @token. */
static gboolean
attribute_has_token (xmlNode    *node,
                     const char *attribute,
                     const char *token)
{
  g_autofree char *value = get_attribute (node, attribute);
  g_auto(GStrv) tokens = NULL;

  if (value == NULL)
    return FALSE;
  tokens = g_strsplit_set (value, " \t\n\r\f", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    if (g_ascii_strcasecmp (tokens[i], token) == 0)
      return TRUE;

  return FALSE;
}

static char *
node_text (xmlNode *node)
{
  g_autofree char *content = _ties_xml_take_string (xmlNodeGetContent (node));

  return content != NULL ? _ties_article_clean_field (content) : NULL;
}

static gboolean
is_article_type (JsonObject *object)
{
  JsonNode *type = json_object_get_member (object, "@type");
  static const char * const types[] = {
    "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
    "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting", "Report", "ScholarlyArticle", NULL
  };

  if (type == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (type) && json_node_get_value_type (type) == G_TYPE_STRING)
    return g_strv_contains (types, json_node_get_string (type));
  if (JSON_NODE_HOLDS_ARRAY (type))
    {
      JsonArray *array = json_node_get_array (type);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING
              && g_strv_contains (types, json_node_get_string (element)))
            return TRUE;
        }
    }

  return FALSE;
}

/* A person or organisation: a name, or an object with one. */
static const char *
ld_name (JsonNode *node)
{
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonNode *name = json_object_get_member (object, "name");

      if (name != NULL && JSON_NODE_HOLDS_VALUE (name) && json_node_get_value_type (name) == G_TYPE_STRING)
        return json_node_get_string (name);
    }

  return NULL;
}

static void
ld_take_article (PageMeta   *meta,
                 JsonObject *object)
{
  JsonNode *published = json_object_get_member (object, "datePublished");
  JsonNode *author = json_object_get_member (object, "author");

  if (published != NULL && JSON_NODE_HOLDS_VALUE (published)
      && json_node_get_value_type (published) == G_TYPE_STRING)
    set_once (&meta->ld_published, json_node_get_string (published));

  set_once (&meta->ld_publisher, ld_name (json_object_get_member (object, "publisher")));

  /* One author, or several: "A, B and C" reads as a byline. */
  if (author != NULL && JSON_NODE_HOLDS_ARRAY (author) && meta->ld_author == NULL)
    {
      JsonArray *array = json_node_get_array (author);
      g_autoptr(GPtrArray) names = g_ptr_array_new ();

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *name = ld_name (json_array_get_element (array, i));

          if (name != NULL && *name != '\0')
            g_ptr_array_add (names, (gpointer) name);
        }
      if (names->len == 1)
        set_once (&meta->ld_author, g_ptr_array_index (names, 0));
      else if (names->len > 1)
        {
          g_autoptr(GString) byline = g_string_new (NULL);

          for (guint i = 0; i + 1 < names->len; i++)
            g_string_append_printf (byline, i == 0 ? "%s" : ", %s", (const char *) g_ptr_array_index (names, i));
          /* Translators: joins the last author of an article to the
           * others, as in "Anna Fifield, Thomas Coughlan and Derek Cheng". */
          g_string_append_printf (byline, _(" and %s"), (const char *) g_ptr_array_index (names, names->len - 1));
          set_once (&meta->ld_author, byline->str);
        }
    }
  else
    {
      set_once (&meta->ld_author, ld_name (author));
    }
}

/* JSON-LD: an object, an array of them, or a "@graph" of them. Articles
 * are looked at first; other things (a WebPage) only for what articles
 * did not say. */
static void
ld_visit (PageMeta *meta,
          JsonNode *node,
          gboolean  articles_only,
          guint     depth)
{
  if (node == NULL || depth > 8)
    return;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        ld_visit (meta, json_array_get_element (array, i), articles_only, depth + 1);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      if (json_object_has_member (object, "@graph"))
        ld_visit (meta, json_object_get_member (object, "@graph"), articles_only, depth + 1);
      if (!articles_only || is_article_type (object))
        ld_take_article (meta, object);
    }
}

/* Whether @text nests arrays and objects no deeper than @max: json-glib
 * parses by recursion, and a page could hold "[[[[…" a million deep. */
static gboolean
json_depth_within (const char *text,
                   guint       max)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '"')
            in_string = FALSE;
        }
      else if (*p == '"')
        in_string = TRUE;
      else if ((*p == '[' || *p == '{') && ++depth > max)
        return FALSE;
      else if ((*p == ']' || *p == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

static void
read_json_ld (xmlNode  *script,
              GList   **scripts)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  xmlChar *content = xmlNodeGetContent (script);

  if (content == NULL)
    return;
  if (json_depth_within ((const char *) content, MAX_JSON_LD_DEPTH)
      && json_parser_load_from_data (parser, (const char *) content, -1, NULL)
      && json_parser_get_root (parser) != NULL)
    *scripts = g_list_append (*scripts, json_node_copy (json_parser_get_root (parser)));
  xmlFree (content);
}

static void
collect_meta (PageMeta *meta,
              xmlNode  *node,
              GList   **scripts)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (is_element (node, "meta"))
        {
          g_autofree char *property = get_attribute (node, "property");
          g_autofree char *name = get_attribute (node, "name");
          g_autofree char *content = get_attribute (node, "content");
          const char *key = property != NULL ? property : name;

          if (key == NULL || content == NULL)
            continue;
          if (g_ascii_strcasecmp (key, "og:title") == 0)
            set_once (&meta->og_title, content);
          else if (g_ascii_strcasecmp (key, "og:url") == 0)
            set_once (&meta->og_url, content);
          else if (g_ascii_strcasecmp (key, "og:site_name") == 0)
            set_once (&meta->site_name, content);
          else if (g_ascii_strcasecmp (key, "article:published_time") == 0)
            set_once (&meta->article_published, content);
          /* Facebook's article:author is mostly a profile's address. */
          else if (g_ascii_strcasecmp (key, "article:author") == 0 && !g_str_has_prefix (content, "http"))
            set_once (&meta->article_author, content);
          else if (name != NULL && g_ascii_strcasecmp (name, "author") == 0)
            set_once (&meta->meta_author, content);
        }
      else if (is_element (node, "link") && attribute_has_token (node, "rel", "canonical"))
        {
          g_autofree char *href = get_attribute (node, "href");

          set_once (&meta->canonical, href);
        }
      else if (is_element (node, "title") && meta->title == NULL)
        {
          meta->title = node_text (node);
        }
      else if (is_element (node, "script"))
        {
          g_autofree char *type = get_attribute (node, "type");

          if (type != NULL && g_ascii_strcasecmp (type, "application/ld+json") == 0)
            read_json_ld (node, scripts);
          continue;
        }
      else if (is_element (node, "svg") || is_element (node, "style") || is_element (node, "template"))
        {
          continue;
        }

      collect_meta (meta, node->children, scripts);
    }
}

static gboolean
style_hides (xmlNode *node)
{
  g_autofree char *style = get_attribute (node, "style");
  g_autoptr(GString) compact = NULL;

  if (style == NULL)
    return FALSE;
  compact = g_string_new (NULL);
  for (const char *p = style; *p != '\0'; p++)
    if (!_ties_article_is_space (*p))
      g_string_append_c (compact, g_ascii_tolower (*p));

  return strstr (compact->str, "display:none") != NULL || strstr (compact->str, "visibility:hidden") != NULL;
}

/* Cookie and consent banners name themselves so, for their scripts. */
static gboolean
is_consent_banner (xmlNode *node)
{
  const char *attributes[] = { "id", "class" };

  for (guint i = 0; i < G_N_ELEMENTS (attributes); i++)
    {
      g_autofree char *value = get_attribute (node, attributes[i]);
      g_autofree char *lower = value != NULL ? g_ascii_strdown (value, -1) : NULL;

      if (lower != NULL && (strstr (lower, "cookie") != NULL || strstr (lower, "consent") != NULL))
        return TRUE;
    }

  return FALSE;
}

/* Whether @node and all in it are not the article: furniture, code,
 * controls, or hidden. A <header> inside the article (or main) is the
 * article's own, with its headline; elsewhere it is the site's. */
static gboolean
is_dropped (xmlNode *node,
            gboolean in_article)
{
  static const char * const names[] = {
    "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "button",
    "iframe", "svg", "math", "object", "embed", "canvas", "select", "textarea", "input",
    "dialog", "head", "title", "meta", "link", "audio", "video", "map", "img", "picture", NULL
  };
  static const char * const roles[] = {
    "navigation", "complementary", "contentinfo", "banner", "search", "dialog", "alertdialog",
    "menu", "menubar", "toolbar", NULL
  };
  g_autofree char *name = g_ascii_strdown ((const char *) node->name, -1);
  g_autofree char *role = NULL;
  g_autofree char *aria_hidden = NULL;

  if (g_strv_contains (names, name))
    return TRUE;
  if (g_str_equal (name, "header") && !in_article)
    return TRUE;
  if (has_attribute (node, "hidden") || style_hides (node) || is_consent_banner (node))
    return TRUE;

  aria_hidden = get_attribute (node, "aria-hidden");
  if (aria_hidden != NULL && g_ascii_strcasecmp (aria_hidden, "true") == 0)
    return TRUE;

  role = get_attribute (node, "role");
  if (role != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (role, -1);

      g_strstrip (lower);
      if (g_strv_contains (roles, lower))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_block (xmlNode *node)
{
  static const char * const blocks[] = {
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "html", "legend", "li", "main", "ol", "p", "pre", "section", "summary",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "br", NULL
  };
  g_autofree char *name = g_ascii_strdown ((const char *) node->name, -1);

  return g_strv_contains (blocks, name);
}

static gboolean
is_main (xmlNode *node)
{
  return is_element (node, "main") || attribute_has_token (node, "role", "main");
}

typedef struct
{
  GString *text;
  PageMeta *meta;
  gboolean need_break;
  gboolean need_space;
  guint pre_depth;
} Extractor;

static void
extractor_put (Extractor  *ex,
               const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (ex->pre_depth > 0 && *p == '\n')
        {
          ex->need_break = TRUE;
          continue;
        }
      if (_ties_article_is_space (*p))
        {
          ex->need_space = TRUE;
          continue;
        }
      if (ex->text->len > 0 && ex->text->str[ex->text->len - 1] != '\n')
        {
          if (ex->need_break)
            g_string_append_c (ex->text, '\n');
          else if (ex->need_space)
            g_string_append_c (ex->text, ' ');
        }
      ex->need_break = FALSE;
      ex->need_space = FALSE;
      g_string_append_c (ex->text, *p);
    }
}

static void
extract (Extractor *ex,
         xmlNode   *node,
         gboolean   in_article)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
        {
          if (node->content != NULL)
            extractor_put (ex, (const char *) node->content);
        }
      else if (node->type == XML_ELEMENT_NODE && !is_dropped (node, in_article))
        {
          gboolean block = is_block (node);
          gboolean pre = is_element (node, "pre");

          if (is_element (node, "h1") && ex->meta->h1 == NULL)
            ex->meta->h1 = node_text (node);
          if (is_element (node, "time") && ex->meta->time_datetime == NULL)
            ex->meta->time_datetime = get_attribute (node, "datetime");

          if (block)
            ex->need_break = TRUE;
          if (pre)
            ex->pre_depth++;
          extract (ex, node->children, in_article || is_element (node, "article") || is_main (node));
          if (pre)
            ex->pre_depth--;
          if (block)
            ex->need_break = TRUE;
        }
    }
}

/* The article's element: the <article> with the most text (a page may
 * hold teasers of others), else <main>; NULL for the whole body. */
static void
find_roots (xmlNode    *node,
            GPtrArray  *articles,
            xmlNode   **main_node)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE || is_dropped (node, TRUE))
        continue;
      if (is_element (node, "article"))
        {
          g_ptr_array_add (articles, node);
          continue;
        }
      if (*main_node == NULL && is_main (node))
        *main_node = node;
      find_roots (node->children, articles, main_node);
    }
}

static char *
extract_from (xmlNode  *root,
              PageMeta *meta,
              gboolean  in_article)
{
  Extractor ex = { g_string_new (NULL), meta, FALSE, FALSE, 0 };

  if (is_dropped (root, in_article))
    return g_string_free (ex.text, FALSE);
  extract (&ex, root->children, in_article);

  return g_string_free (ex.text, FALSE);
}

static char *
extract_article (xmlDoc   *doc,
                 PageMeta *meta)
{
  xmlNode *top = xmlDocGetRootElement (doc);
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();
  xmlNode *main_node = NULL;
  xmlNode *best = NULL;
  gsize best_length = 0;

  if (top == NULL)
    return g_strdup ("");

  find_roots (top, articles, &main_node);
  for (guint i = 0; i < articles->len; i++)
    {
      g_auto(PageMeta) scratch = { 0 };
      g_autofree char *text = extract_from (g_ptr_array_index (articles, i), &scratch, TRUE);

      if (strlen (text) > best_length)
        {
          best = g_ptr_array_index (articles, i);
          best_length = strlen (text);
        }
    }

  /* Once more for the one chosen, now for its headline and date too. */
  if (best != NULL)
    return extract_from (best, meta, TRUE);

  if (main_node != NULL)
    {
      char *text = extract_from (main_node, meta, TRUE);

      if (*text != '\0')
        return text;
      g_free (text);
    }

  return extract_from (top, meta, FALSE);
}

/* "Jack Dorsey to meet Ardern | NZ Herald" → "Jack Dorsey to meet Ardern":
 * a site's name after a bar always goes; after a dash only when it is the
 * site's name, as dashes also join clauses. */
static char *
strip_site_suffix (const char *title,
                   const char *site_name)
{
  const char *bar = g_strrstr (title, " | ");
  static const char * const dashes[] = { " - ", " – ", " — ", NULL };

  if (bar != NULL && bar > title)
    return g_strndup (title, bar - title);

  for (guint i = 0; dashes[i] != NULL && site_name != NULL; i++)
    {
      const char *dash = g_strrstr (title, dashes[i]);

      if (dash != NULL && dash > title && g_utf8_collate (dash + strlen (dashes[i]), site_name) == 0)
        return g_strndup (title, dash - title);
    }

  return g_strdup (title);
}

static GOnce libxml_once = G_ONCE_INIT;

static gpointer
init_libxml (gpointer data)
{
  /* Not thread-safe itself; imports run in worker threads. */
  xmlInitParser ();

  return NULL;
}

TiesSource *
_ties_article_html_read (const char  *utf8,
                         const char  *what,
                         GError     **error)
{
  g_auto(PageMeta) meta = { 0 };
  g_autoptr(TiesSource) source = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *published = NULL;
  g_autofree char *retrieved = _ties_article_today_edtf ();
  GList *scripts = NULL;
  const char *url;
  const char *author;
  xmlDoc *doc;

  g_once (&libxml_once, init_libxml, NULL);

  /* Already UTF-8: the encoding the page declares must not be applied
   * a second time. */
  doc = htmlReadMemory (utf8, (int) strlen (utf8), NULL, "UTF-8",
                        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_RECOVER);
  if (doc == NULL)
    {
      g_set_error (error, TIES_ARTICLE_IMPORT_ERROR, TIES_ARTICLE_IMPORT_ERROR_NO_ARTICLE,
                   _("%s has no readable article text"), what);
      return NULL;
    }

  collect_meta (&meta, xmlDocGetRootElement (doc), &scripts);
  for (GList *l = scripts; l != NULL; l = l->next)
    ld_visit (&meta, l->data, TRUE, 0);
  for (GList *l = scripts; l != NULL; l = l->next)
    ld_visit (&meta, l->data, FALSE, 0);
  g_list_free_full (scripts, (GDestroyNotify) json_node_unref);

  text = _ties_article_finish_text (extract_article (doc, &meta), what, error);
  xmlFreeDoc (doc);
  if (text == NULL)
    return NULL;

  if (meta.og_title != NULL)
    title = _ties_article_clip_title (meta.og_title);
  else if (meta.title != NULL)
    {
      g_autofree char *stripped = strip_site_suffix (meta.title, meta.site_name);

      title = _ties_article_clip_title (stripped);
    }
  else if (meta.h1 != NULL)
    title = _ties_article_clip_title (meta.h1);
  else
    title = _ties_article_first_line (text);

  published = _ties_article_date_to_edtf (meta.article_published);
  if (published == NULL)
    published = _ties_article_date_to_edtf (meta.ld_published);
  if (published == NULL)
    published = _ties_article_date_to_edtf (meta.time_datetime);

  /* A relative canonical link means little without the page's address. */
  url = meta.canonical != NULL && g_uri_is_valid (meta.canonical, G_URI_FLAGS_NONE, NULL)
        ? meta.canonical : meta.og_url;
  author = meta.meta_author != NULL ? meta.meta_author
           : meta.article_author != NULL ? meta.article_author : meta.ld_author;

  source = g_object_new (TIES_TYPE_SOURCE, NULL);
  ties_source_set_title (source, title != NULL ? title : "");
  ties_source_set_publisher (source, meta.site_name != NULL ? meta.site_name
                                     : meta.ld_publisher != NULL ? meta.ld_publisher : "");
  ties_source_set_author (source, author != NULL ? author : "");
  ties_source_set_url (source, url != NULL ? url : "");
  ties_source_set_published (source, published);
  ties_source_set_retrieved (source, retrieved);
  ties_source_set_notes (source, "");
  ties_source_set_text (source, text);

  return g_steal_pointer (&source);
}
