/* test-article-import.c: articles from files and the clipboard as sources
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages in tests/data/articles/ are our own: a news page with all the
 * furniture a real one has (scripts, styles, a cookie banner, navigation,
 * asides, footers, comments, forms, JSON-LD), a page without <article>,
 * pages in ISO-8859-1 and windows-1252, a page of navigation only, a PNG.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "ties-article-import.h"
#include "ties-document-io.h"

static GBytes *
bytes_of (const char *text)
{
  return g_bytes_new_static (text, strlen (text));
}

static char *
article_path (const char *name)
{
  return g_build_filename (TESTS_SRCDIR, "data", "articles", name, NULL);
}

static TiesSource *
import_article (const char *name)
{
  g_autofree char *path = article_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TiesSource *source;

  source = ties_article_import_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (source);
  /* The caller makes the id. */
  g_assert_null (ties_source_get_id (source));

  return source;
}

static void
assert_import_fails (const char *name,
                     int         code)
{
  g_autofree char *path = article_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TiesSource) source = NULL;

  source = ties_article_import_file (file, NULL, &error);
  g_assert_null (source);
  g_assert_error (error, TIES_ARTICLE_IMPORT_ERROR, code);
  /* The message says which file. */
  g_assert_nonnull (strstr (error->message, path));
}

static void
assert_no_word (const char *text,
                const char *word)
{
  if (strstr (text, word) != NULL)
    g_error ("“%s” was dropped from the page but is in the text:\n%s", word, text);
}

static void
assert_today (TiesSource *source)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  g_assert_cmpstr (ties_source_get_retrieved (source), ==, today);
}

static void
test_news_page (void)
{
  g_autoptr(TiesSource) source = import_article ("news-page.html");
  const char *text = ties_source_get_text (source);
  static const char * const dropped[] = {
    "scriptword", "styleword", "cookiebannerword", "Privacy", "Harbourheaderword", "Politicsnavword",
    "Sportnavword", "commentword", "asideword", "Related", "imgaltword", "hiddenword",
    "displaynoneword", "ariahiddenword", "noscriptword", "formword", "inputword", "buttonword",
    "articlefooterword", "sidebarword", "complementaryword", "rolenavword", "footerword",
    "iframeword", "svgword", "templateword", "console", "schema.org", "The page, not the article",
    NULL
  };

  /* Headings and paragraphs, one a line as in the sample; the article's
   * own <header> stays; whitespace collapsed, entities decoded, <br> a
   * line break, e + combining acute composed (NFC) to é. */
  g_assert_cmpstr (text, ==,
                   "Ardern to host Dorsey in Wellington\n"
                   "By Anna Fifield and Derek Cheng · 5 September 2019\n"
                   "Prime Minister Jacinda Ardern will host Twitter boss Jack Dorsey in Wellington next week, her office said.\n"
                   "The two met in Paris in May & agreed to keep talking “about terrorist content”.\n"
                   "A follow-up meeting\n"
                   "A spokesman said:\n"
                   "\"The Prime Minister will meet Mr Dorsey on Monday.\"\n"
                   "Jacinda Ardern in Paris. Photo / PMO\n"
                   "Te reo: M\xc4\x81ori and caf\xc3\xa9 — emphasised linked words.");
  for (guint i = 0; dropped[i] != NULL; i++)
    assert_no_word (text, dropped[i]);

  /* og:title over <title>; the canonical link over og:url; og:site_name
   * over JSON-LD's publisher; the NewsArticle's datePublished (its day as
   * the publisher wrote it) over the WebPage's and over <time>; JSON-LD's
   * two authors, as there is no <meta name=author>. */
  g_assert_cmpstr (ties_source_get_title (source), ==, "Ardern to host Dorsey in Wellington");
  g_assert_cmpstr (ties_source_get_url (source), ==, "https://harbour.example/politics/ardern-dorsey");
  g_assert_cmpstr (ties_source_get_publisher (source), ==, "The Harbour Times");
  g_assert_cmpstr (ties_source_get_author (source), ==, "Anna Fifield and Derek Cheng");
  g_assert_cmpstr (ties_source_get_published (source), ==, "2019-09-06");
  g_assert_cmpstr (ties_source_get_notes (source), ==, "");
  assert_today (source);
  g_assert_cmpint (ties_source_get_text_length (source), ==, g_utf8_strlen (text, -1));
}

static void
test_page_without_article (void)
{
  g_autoptr(TiesSource) source = import_article ("plain-page.html");
  const char *text = ties_source_get_text (source);

  /* The body, without the site's header, navigation, consent banner and
   * footer; <pre> keeps its lines. */
  g_assert_cmpstr (text, ==,
                   "Council votes on harbour plan\n"
                   "The council voted 7 to 4 on Tuesday.\n"
                   "The mayor welcomed the vote.\n"
                   "First point\n"
                   "Second point\n"
                   "Line one\n"
                   "Line two");
  assert_no_word (text, "consentword");
  assert_no_word (text, "headerword");
  assert_no_word (text, "navdivword");
  assert_no_word (text, "footerword");
  assert_no_word (text, "Bay Gazette");

  /* "… - Bay Gazette" is the site's name after a dash; og:url without a
   * canonical link; <meta name=author> over a profile's address. */
  g_assert_cmpstr (ties_source_get_title (source), ==, "Council votes on harbour plan");
  g_assert_cmpstr (ties_source_get_url (source), ==, "https://gazette.example/harbour-plan");
  g_assert_cmpstr (ties_source_get_publisher (source), ==, "Bay Gazette");
  g_assert_cmpstr (ties_source_get_author (source), ==, "Hone Tuwhare");
  g_assert_cmpstr (ties_source_get_published (source), ==, "2024-11-03");
}

static void
test_iso_8859_1 (void)
{
  g_autoptr(TiesSource) source = import_article ("latin1.html");

  /* Declared ISO-8859-1, read as browsers do, as windows-1252: its 0x92
   * is a right single quotation mark. */
  g_assert_cmpstr (ties_source_get_text (source), ==,
                   "Le caf\xc3\xa9 est tr\xc3\xa8s chaud \xc3\xa0 Z\xc3\xbcrich.\n"
                   "L\xe2\x80\x99\xc3\xa9t\xc3\xa9 de No\xc3\xabl.");
  g_assert_cmpstr (ties_source_get_title (source), ==, "Caf\xc3\xa9 society");
  g_assert_cmpstr (ties_source_get_author (source), ==, "Zo\xc3\xab Lef\xc3\xa8vre");
  g_assert_cmpstr (ties_source_get_publisher (source), ==, "Le Monde Test");
  g_assert_cmpstr (ties_source_get_published (source), ==, "2019-09-02");
}

static void
test_windows_1252 (void)
{
  g_autoptr(TiesSource) source = import_article ("windows-1252.html");

  g_assert_cmpstr (ties_source_get_text (source), ==,
                   "He said “hello” — it’s fine… ok.\n"
                   "Dated 29 February.");
  g_assert_cmpstr (ties_source_get_title (source), ==, "Smart quotes");
  /* Only a <time datetime>, with a time of day and a shift: its day. */
  g_assert_cmpstr (ties_source_get_published (source), ==, "2020-02-29");
  g_assert_cmpstr (ties_source_get_url (source), ==, "");
  g_assert_cmpstr (ties_source_get_author (source), ==, "");
}

static void
test_declared_encoding_wrong (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiesSource) source = NULL;
  g_autoptr(GBytes) unknown = bytes_of ("<html><meta charset=\"x-klingon\"><p>Qapla\xff</p></html>");
  g_autoptr(GBytes) invalid = bytes_of ("<html><meta charset=\"utf-8\"><p>caf\xe9</p></html>");

  source = ties_article_import_bytes (unknown, "page.html", &error);
  g_assert_null (source);
  g_assert_error (error, TIES_ARTICLE_IMPORT_ERROR, TIES_ARTICLE_IMPORT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "“page.html”"));
  g_assert_nonnull (strstr (error->message, "x-klingon"));
  g_clear_error (&error);

  source = ties_article_import_bytes (invalid, "page.html", &error);
  g_assert_null (source);
  g_assert_error (error, TIES_ARTICLE_IMPORT_ERROR, TIES_ARTICLE_IMPORT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
}

static void
test_only_navigation (void)
{
  assert_import_fails ("only-nav.html", TIES_ARTICLE_IMPORT_ERROR_NO_ARTICLE);
}

static void
test_binary (void)
{
  g_autofree char *path = article_path ("picture.png");
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TiesSource) source = NULL;
  gsize length;

  assert_import_fails ("picture.png", TIES_ARTICLE_IMPORT_ERROR_NOT_TEXT);

  /* Whatever its name says. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new (contents, length);
  source = ties_article_import_bytes (bytes, "article.txt", &error);
  g_assert_null (source);
  g_assert_error (error, TIES_ARTICLE_IMPORT_ERROR, TIES_ARTICLE_IMPORT_ERROR_NOT_TEXT);
  g_assert_nonnull (strstr (error->message, "“article.txt”"));
  g_clear_error (&error);

  /* No NUL byte, but control characters throughout. */
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = bytes_of ("\x01\x02\x03\x04 abc \x05\x06\x07\x08 def \x0e\x0f");
  source = ties_article_import_bytes (bytes, "article.txt", &error);
  g_assert_null (source);
  g_assert_error (error, TIES_ARTICLE_IMPORT_ERROR, TIES_ARTICLE_IMPORT_ERROR_NOT_TEXT);
}

static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiesSource) source = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ties-import-XXXXXX", &error);
  g_autofree char *path = NULL;
  gint64 started;
  int fd;

  g_assert_no_error (error);
  path = g_build_filename (dir, "huge.txt", NULL);

  /* 64 GiB of nothing: sparse, so it costs no disk; read, it would cost
   * minutes and more memory than the machine has. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, G_GINT64_CONSTANT (64) << 30), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);

  file = g_file_new_for_path (path);
  started = g_get_monotonic_time ();
  source = ties_article_import_file (file, NULL, &error);
  g_assert_null (source);
  g_assert_error (error, TIES_ARTICLE_IMPORT_ERROR, TIES_ARTICLE_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_cmpint (g_get_monotonic_time () - started, <, 2 * G_USEC_PER_SEC);
  g_clear_error (&error);

  /* Bytes a byte over the limit. */
  bytes = g_bytes_new_take (g_malloc0 (TIES_ARTICLE_IMPORT_MAX_SIZE + 1), TIES_ARTICLE_IMPORT_MAX_SIZE + 1);
  source = ties_article_import_bytes (bytes, "huge.txt", &error);
  g_assert_null (source);
  g_assert_error (error, TIES_ARTICLE_IMPORT_ERROR, TIES_ARTICLE_IMPORT_ERROR_TOO_LARGE);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_not_regular (void)
{
  g_autoptr(GFile) folder = g_file_new_for_path (TESTS_SRCDIR);
  g_autoptr(GError) error = NULL;
  g_autoptr(TiesSource) source = NULL;
  g_autoptr(GBytes) bytes = bytes_of ("Words in a slide show");

  source = ties_article_import_file (folder, NULL, &error);
  g_assert_null (source);
  g_assert_error (error, TIES_ARTICLE_IMPORT_ERROR, TIES_ARTICLE_IMPORT_ERROR_UNSUPPORTED);
  g_clear_error (&error);

  /* A name that says another format: not guessed at. */
  source = ties_article_import_bytes (bytes, "slides.odp", &error);
  g_assert_null (source);
  g_assert_error (error, TIES_ARTICLE_IMPORT_ERROR, TIES_ARTICLE_IMPORT_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "“slides.odp”"));
}

static void
test_text_crlf_bom (void)
{
  g_autoptr(TiesSource) source = import_article ("crlf-bom.txt");

  /* No BOM, "\n" line ends, no spaces at line ends, NFC; otherwise the
   * text as it was, blank line and all. */
  g_assert_cmpstr (ties_source_get_text (source), ==,
                   "Title line\n\nFirst paragraph.\nSecond paragraph with caf\xc3\xa9.");
  g_assert_cmpstr (ties_source_get_title (source), ==, "Title line");
  g_assert_cmpstr (ties_source_get_publisher (source), ==, "");
  g_assert_null (ties_source_get_published (source));
  assert_today (source);
}

static void
test_text_utf16 (void)
{
  static const char le[] = "\xff\xfe" "C\0a\0f\0\xe9\0\n\0\x1b\x20\n\0" "<\0p\0>\0";
  static const char be[] = "\xfe\xff" "\0<\0h\0t\0m\0l\0>\0<\0p\0>\0O\0k";
  g_autoptr(GBytes) little = g_bytes_new_static (le, sizeof le - 1);
  g_autoptr(GBytes) big = g_bytes_new_static (be, sizeof be - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(TiesSource) text = NULL;
  g_autoptr(TiesSource) page = NULL;

  /* The byte-order mark says UTF-16, whose NUL bytes are no sign of
   * binary; a .txt stays text however it starts, a page without a name
   * is read as a page. */
  text = ties_article_import_bytes (little, "notes.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ties_source_get_text (text), ==, "Caf\xc3\xa9\n\xe2\x80\x9b\n<p>");

  page = ties_article_import_bytes (big, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ties_source_get_text (page), ==, "Ok");
}

static void
test_text_windows_1252 (void)
{
  g_autoptr(TiesSource) source = import_article ("windows-1252.txt");

  g_assert_cmpstr (ties_source_get_text (source), ==, "Café “quoted”\nSecond line – dash");
  g_assert_cmpstr (ties_source_get_title (source), ==, "Café “quoted”");
}

/* The seed article as a .txt file: the one beside this checkout, or,
 * where there is none (a bare clone), the same words as the sample
 * keeps them, written out. */
static GFile *
seed_article_file (void)
{
  g_autoptr(GFile) sample_file = NULL;
  g_autoptr(TiesDocument) sample = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  TiesSource *source;

  if (g_file_test (SEED_ARTICLE, G_FILE_TEST_IS_REGULAR))
    return g_file_new_for_path (SEED_ARTICLE);

  sample_file = g_file_new_for_path (TOP_SRCDIR "/data/samples/christchurch-call.ties.json");
  sample = ties_document_load_from_file (sample_file, NULL, NULL, &error);
  g_assert_no_error (error);
  source = ties_document_lookup_source (sample, "herald-2019-09");
  g_assert_nonnull (source);
  path = g_build_filename (g_get_tmp_dir (), "ties-test-seed-article.txt", NULL);
  g_assert_true (g_file_set_contents (path, ties_source_get_text (source), -1, NULL));

  return g_file_new_for_path (path);
}

static void
test_seed_article (void)
{
  g_autoptr(GFile) file = seed_article_file ();
  g_autoptr(GFile) sample_file = g_file_new_for_path (TOP_SRCDIR "/data/samples/christchurch-call.ties.json");
  g_autoptr(TiesDocument) sample = NULL;
  g_autoptr(TiesSource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected_title = NULL;
  TiesSource *sample_source;

  source = ties_article_import_file (file, NULL, &error);
  g_assert_no_error (error);

  /* Byte for byte the sample's source, so its evidence offsets hold. */
  sample = ties_document_load_from_file (sample_file, NULL, NULL, &error);
  g_assert_no_error (error);
  sample_source = ties_document_lookup_source (sample, "herald-2019-09");
  g_assert_nonnull (sample_source);
  g_assert_cmpstr (ties_source_get_text (source), ==, ties_source_get_text (sample_source));

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, NULL));
  expected_title = g_strndup (contents, strchr (contents, '\n') - contents);
  g_assert_cmpstr (ties_source_get_title (source), ==, expected_title);
  g_assert_true (g_str_has_prefix (expected_title, "Jacinda Ardern meeting Jack Dorsey in Paris"));
}

static void
test_markdown (void)
{
  g_autoptr(TiesSource) source = import_article ("article.md");

  /* Words stay; "#", emphasis, link targets, the image, the quote's ">",
   * bullets, the underline and the reference definition go; a paragraph
   * is one line; code keeps its characters. */
  g_assert_cmpstr (ties_source_get_text (source), ==,
                   "Dorsey to meet Ardern again\n"
                   "Prime Minister Jacinda Ardern will host Jack Dorsey in Wellington next week.\n"
                   "\"We will keep talking,\" a spokesman said.\n"
                   "Follow-up\n"
                   "First point\n"
                   "Second point with snake_case_name and 2 * 3\n"
                   "1. Numbered item\n"
                   "code_block *stays* [as](is)\n"
                   "Autolink https://example.com/a and *escaped*.");
  g_assert_cmpstr (ties_source_get_title (source), ==, "Dorsey to meet Ardern again");
}

static void
test_paste_plain (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiesSource) source = NULL;
  g_autoptr(GString) long_line = g_string_new (NULL);
  const char *title;
  gsize cut;

  source = ties_article_import_text ("\n\n   Ardern phones Zuckerberg  \r\nThey spoke for an hour.\n", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ties_source_get_text (source), ==, "Ardern phones Zuckerberg\nThey spoke for an hour.");
  g_assert_cmpstr (ties_source_get_title (source), ==, "Ardern phones Zuckerberg");
  g_assert_null (ties_source_get_id (source));
  assert_today (source);
  g_clear_object (&source);

  /* A title is at most 200 characters, cut between words. */
  for (guint i = 0; i < 60; i++)
    g_string_append (long_line, "Māori words ");
  g_string_append (long_line, "\nBody.");
  source = ties_article_import_text (long_line->str, &error);
  g_assert_no_error (error);
  title = ties_source_get_title (source);
  g_assert_cmpint (g_utf8_strlen (title, -1), <=, 200);
  g_assert_cmpint (g_utf8_strlen (title, -1), >, 150);
  /* Cut where a word ends, and said so. */
  g_assert_true (g_str_has_suffix (title, "…"));
  cut = strlen (title) - strlen ("…");
  g_assert_true (strncmp (title, long_line->str, cut) == 0);
  g_assert_cmpint (long_line->str[cut], ==, ' ');
  g_assert_cmpint (title[cut - 1], !=, ' ');
  g_assert_true (g_str_has_prefix (ties_source_get_text (source), "Māori words Māori"));
  g_clear_object (&source);

  source = ties_article_import_text (" \n\t\n ", &error);
  g_assert_null (source);
  g_assert_error (error, TIES_ARTICLE_IMPORT_ERROR, TIES_ARTICLE_IMPORT_ERROR_NO_ARTICLE);
  g_clear_error (&error);

  source = ties_article_import_text ("caf\xe9", &error);
  g_assert_null (source);
  g_assert_error (error, TIES_ARTICLE_IMPORT_ERROR, TIES_ARTICLE_IMPORT_ERROR_ENCODING);
}

static void
test_paste_html (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiesSource) source = NULL;

  /* As a browser puts a selection on the clipboard. */
  source = ties_article_import_text ("<meta charset='utf-8'><h1>Dorsey in Wellington</h1>"
                                     "<p>First <b>bold</b>\n words.</p><script>scriptword()</script>"
                                     "<nav>navword</nav><p>Second&nbsp;one.</p>", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ties_source_get_text (source), ==,
                   "Dorsey in Wellington\nFirst bold words.\nSecond\xc2\xa0one.");
  g_assert_cmpstr (ties_source_get_title (source), ==, "Dorsey in Wellington");
  g_clear_object (&source);

  /* Text that merely begins with "<" is no page. */
  source = ties_article_import_text ("<3 from Wellington\nA postcard.", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ties_source_get_text (source), ==, "<3 from Wellington\nA postcard.");
}

static void
test_sniffed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiesSource) page = NULL;
  g_autoptr(TiesSource) text = NULL;
  g_autoptr(GBytes) html = bytes_of ("<!DOCTYPE html><title>A page | Site</title><p>Words</p>");
  g_autoptr(GBytes) plain = bytes_of ("Words <b>as</b> typed");

  /* No name, or one without an extension: the content decides. */
  page = ties_article_import_bytes (html, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ties_source_get_title (page), ==, "A page");
  g_assert_cmpstr (ties_source_get_text (page), ==, "Words");

  text = ties_article_import_bytes (plain, "README", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ties_source_get_text (text), ==, "Words <b>as</b> typed");
}

static void
test_json_ld_array (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TiesSource) source = NULL;

  /* JSON-LD as a top-level array, one author as an object, the
   * publisher as a plain name; no other metadata. */
  source = ties_article_import_text ("<html><head><script type=\"application/ld+json\">"
                                     "[{\"@type\": \"Organization\", \"name\": \"Not it\"},"
                                     " {\"@type\": [\"NewsArticle\"], \"datePublished\": \"2018-12-01\","
                                     "  \"author\": {\"@type\": \"Person\", \"name\": \"Solo Writer\"},"
                                     "  \"publisher\": \"Gazette\"}]</script></head>"
                                     "<body><p>Text.</p></body></html>", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ties_source_get_published (source), ==, "2018-12-01");
  g_assert_cmpstr (ties_source_get_author (source), ==, "Solo Writer");
  g_assert_cmpstr (ties_source_get_publisher (source), ==, "Gazette");
  g_assert_cmpstr (ties_source_get_title (source), ==, "Text.");
}

static void
test_hostile_nesting (void)
{
  g_autoptr(GString) page = g_string_new ("<html><head><script type=\"application/ld+json\">");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TiesSource) source = NULL;

  /* JSON-LD nested a million deep is skipped, not parsed by recursion;
   * the next scripts still count. Elements nested as deep end where
   * libxml2 stops reading, without exhausting the stack. */
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (page, '[');
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (page, ']');
  /* An empty one parses to nothing. */
  g_string_append (page, "</script><script type=\"application/ld+json\"> </script><script type=\"application/ld+json\">"
                         "{\"@type\": \"NewsArticle\", \"datePublished\": \"2019-04-17\"}</script></head>"
                         "<body><article><p>First words</p>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (page, "<div>");
  g_string_append (page, "deep words");
  for (guint i = 0; i < 100000; i++)
    g_string_append (page, "</div>");
  g_string_append (page, "</article></body></html>");

  bytes = g_bytes_new (page->str, page->len);
  source = ties_article_import_bytes (bytes, "deep.html", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (ties_source_get_text (source), "First words"));
  g_assert_cmpstr (ties_source_get_published (source), ==, "2019-04-17");
}

static void
imported (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_file_async (void)
{
  g_autofree char *path = article_path ("latin1.html");
  g_autofree char *missing_path = article_path ("missing.html");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TiesSource) source = NULL;

  ties_article_import_file_async (file, NULL, imported, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  source = ties_article_import_file_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ties_source_get_title (source), ==, "Caf\xc3\xa9 society");
  g_clear_object (&result);

  ties_article_import_file_async (missing, NULL, imported, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (ties_article_import_file_finish (result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_add (void)
{
  g_autoptr(TiesDocument) document = ties_document_new ();
  g_autoptr(TiesSource) first = import_article ("news-page.html");
  g_autoptr(TiesSource) second = import_article ("news-page.html");
  GListModel *sources = G_LIST_MODEL (ties_document_get_sources (document));
  TiesHistory *history = ties_document_get_history (document);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TiesDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  gconstpointer data;
  gsize length;

  g_assert_cmpstr (ties_article_import_add (document, first), ==, "ardern-to-host-dorsey-in-wellington");
  g_assert_cmpstr (ties_article_import_add (document, second), ==, "ardern-to-host-dorsey-in-wellington-2");
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 2);
  g_assert_true (ties_document_lookup_source (document, "ardern-to-host-dorsey-in-wellington") == first);

  /* Saved and read back: what was imported is a valid source. */
  bytes = ties_document_save_to_bytes (document, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &length);
  reloaded = ties_document_load_from_data (data, length, "imported.ties.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ties_source_get_text (ties_document_lookup_source (reloaded, "ardern-to-host-dorsey-in-wellington-2")),
                   ==, ties_source_get_text (first));
  g_assert_cmpstr (ties_source_get_published (ties_document_lookup_source (reloaded, "ardern-to-host-dorsey-in-wellington")),
                   ==, "2019-09-06");

  /* One undo step each. */
  g_assert_true (ties_history_undo (history));
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 1);
  g_assert_true (ties_history_undo (history));
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 0);
  g_assert_true (ties_history_redo (history));
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 1);
}

static void
test_add_long_title (void)
{
  g_autoptr(TiesDocument) document = ties_document_new ();
  g_autoptr(GFile) file = seed_article_file ();
  g_autoptr(TiesSource) source = NULL;
  g_autoptr(GError) error = NULL;

  /* The seed's first line is a 117-character caption: the id is made of
   * its first words, cut between two. */
  source = ties_article_import_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ties_article_import_add (document, source), ==, "jacinda-ardern-meeting-jack-dorsey-in-paris-in");
  g_assert_true (ties_document_lookup_source (document, "jacinda-ardern-meeting-jack-dorsey-in-paris-in") == source);
}

/* The names the window opens as articles rather than documents. */
static void
test_article_names (void)
{
  g_assert_true (ties_article_import_is_article_name ("story.txt"));
  g_assert_true (ties_article_import_is_article_name ("Story.HTML"));
  g_assert_true (ties_article_import_is_article_name ("notes.markdown"));
  g_assert_true (ties_article_import_is_article_name ("page.xhtml"));
  g_assert_false (ties_article_import_is_article_name ("christchurch-call.ties.json"));
  g_assert_false (ties_article_import_is_article_name ("picture.png"));
  g_assert_false (ties_article_import_is_article_name ("README"));
}

/* A paste over the limit is refused like a file over it. */
static void
test_paste_too_large (void)
{
  gsize length = TIES_ARTICLE_IMPORT_MAX_SIZE + 1;
  g_autofree char *text = g_malloc (length + 1);
  g_autoptr(TiesSource) source = NULL;
  g_autoptr(GError) error = NULL;

  memset (text, 'a', length);
  text[length] = '\0';
  source = ties_article_import_text (text, &error);
  g_assert_null (source);
  g_assert_error (error, TIES_ARTICLE_IMPORT_ERROR, TIES_ARTICLE_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "pasted"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/article-import/html/news-page", test_news_page);
  g_test_add_func ("/article-import/paste/too-large", test_paste_too_large);
  g_test_add_func ("/article-import/names", test_article_names);
  g_test_add_func ("/article-import/html/without-article", test_page_without_article);
  g_test_add_func ("/article-import/html/iso-8859-1", test_iso_8859_1);
  g_test_add_func ("/article-import/html/windows-1252", test_windows_1252);
  g_test_add_func ("/article-import/html/declared-encoding-wrong", test_declared_encoding_wrong);
  g_test_add_func ("/article-import/html/only-navigation", test_only_navigation);
  g_test_add_func ("/article-import/binary", test_binary);
  g_test_add_func ("/article-import/too-large", test_too_large);
  g_test_add_func ("/article-import/not-regular", test_not_regular);
  g_test_add_func ("/article-import/text/crlf-bom", test_text_crlf_bom);
  g_test_add_func ("/article-import/text/utf-16", test_text_utf16);
  g_test_add_func ("/article-import/text/windows-1252", test_text_windows_1252);
  g_test_add_func ("/article-import/text/seed-article", test_seed_article);
  g_test_add_func ("/article-import/markdown", test_markdown);
  g_test_add_func ("/article-import/paste/plain", test_paste_plain);
  g_test_add_func ("/article-import/paste/html", test_paste_html);
  g_test_add_func ("/article-import/sniffed", test_sniffed);
  g_test_add_func ("/article-import/html/json-ld-array", test_json_ld_array);
  g_test_add_func ("/article-import/html/hostile-nesting", test_hostile_nesting);
  g_test_add_func ("/article-import/file-async", test_file_async);
  g_test_add_func ("/article-import/add", test_add);
  g_test_add_func ("/article-import/add-long-title", test_add_long_title);

  return g_test_run ();
}
