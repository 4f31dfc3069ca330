/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "ncl-html-template.h"
#include "ncl-player-page.h"
#include "ncl-youtube-video.h"

#define PLAYLIST "PLose4NjLOQvwMOG-WAw62vyrGsPi5LUe7"
#define TALK_3_URL "https://www.youtube.com/watch?v=7AGY9iiOgmk&list=" PLAYLIST "&index=3"
#define TALK_3_TITLE "NATS and Augmented Reality"
#define NOCOOKIE_EMBED "https://www.youtube-nocookie.com/embed/7AGY9iiOgmk"
#define LOOPBACK_BASE "http://127.0.0.1:8080/embed/"

#define assert_contains(haystack, needle) \
  G_STMT_START { \
    if (strstr ((haystack), (needle)) == NULL) \
      g_error ("“%s” does not contain “%s”", (haystack), (needle)); \
  } G_STMT_END

#define assert_not_contains(haystack, needle) \
  G_STMT_START { \
    if (strstr ((haystack), (needle)) != NULL) \
      g_error ("“%s” contains “%s”", (haystack), (needle)); \
  } G_STMT_END

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

/* The template the app ships, from the source tree. */
static char *
load_template (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "src", "web", "player.html", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static char *
build_talk_page (const char  *title,
                 const char  *speaker,
                 const char  *embed_uri,
                 GError     **error)
{
  g_autofree char *template_html = load_template ();

  return ncl_player_page_build (template_html, 3, title, speaker, embed_uri, TALK_3_URL, error);
}

/* Read the way WebKit reads it: what counts is the tree, not the bytes. */
static xmlDoc *
parse_page (const char *page)
{
  xmlDoc *doc = htmlReadMemory (page, (int)strlen (page), NULL, "UTF-8",
                                HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);

  g_assert_nonnull (doc);
  return doc;
}

static void
collect_elements (xmlNode    *node,
                  const char *name,
                  GPtrArray  *found)
{
  for (xmlNode *child = node; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (name == NULL || g_ascii_strcasecmp ((const char *)child->name, name) == 0)
        g_ptr_array_add (found, child);

      collect_elements (child->children, name, found);
    }
}

static GPtrArray *
find_elements (xmlDoc     *doc,
               const char *name)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_elements (xmlDocGetRootElement (doc), name, found);
  return found;
}

static xmlNode *
find_only_element (xmlDoc     *doc,
                   const char *name)
{
  g_autoptr(GPtrArray) found = find_elements (doc, name);

  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

static char *
get_attribute (xmlNode    *element,
               const char *name)
{
  xmlChar *value = xmlGetProp (element, (const xmlChar *)name);
  char *copy = g_strdup ((const char *)value);

  xmlFree (value);
  return copy;
}

static char *
get_text (xmlNode *element)
{
  xmlChar *text = xmlNodeGetContent (element);
  char *copy = g_strdup ((const char *)text);

  xmlFree (text);
  return copy;
}

/* The speaker line: the first element of @class. */
static xmlNode *
find_by_class (xmlDoc     *doc,
               const char *class_name)
{
  g_autoptr(GPtrArray) elements = find_elements (doc, NULL);

  for (guint i = 0; i < elements->len; i++)
    {
      g_autofree char *value = get_attribute (g_ptr_array_index (elements, i), "class");

      if (g_strcmp0 (value, class_name) == 0)
        return g_ptr_array_index (elements, i);
    }

  g_error ("No element has the class “%s”", class_name);
  return NULL;
}

static char *
get_csp (xmlDoc *doc)
{
  g_autoptr(GPtrArray) metas = find_elements (doc, "meta");
  char *csp = NULL;

  for (guint i = 0; i < metas->len; i++)
    {
      g_autofree char *equiv = get_attribute (g_ptr_array_index (metas, i), "http-equiv");

      if (g_strcmp0 (equiv, "Content-Security-Policy") == 0)
        {
          g_assert_null (csp);
          csp = get_attribute (g_ptr_array_index (metas, i), "content");
        }
    }

  g_assert_nonnull (csp);
  return csp;
}

/* No script can run: no script element, no event handler, no javascript:
 * link. */
static void
assert_no_script (xmlDoc *doc)
{
  g_autoptr(GPtrArray) elements = find_elements (doc, NULL);

  for (guint i = 0; i < elements->len; i++)
    {
      xmlNode *element = g_ptr_array_index (elements, i);

      g_assert_cmpstr ((const char *)element->name, !=, "script");

      for (xmlAttr *attribute = element->properties; attribute != NULL; attribute = attribute->next)
        {
          g_autofree char *value = get_attribute (element, (const char *)attribute->name);

          g_assert_false (g_str_has_prefix ((const char *)attribute->name, "on"));
          g_assert_false (g_str_has_prefix (value, "javascript:"));
        }
    }
}

static void
test_template_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclYoutubeVideo) video = ncl_youtube_parse (TALK_3_URL "&t=1m30s", &error);
  g_autofree char *embed_uri = ncl_youtube_video_get_embed_uri (video, NULL);
  g_autofree char *page = build_talk_page (TALK_3_TITLE, "Ron Britvich", embed_uri, &error);
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *csp = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *title = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *speaker = NULL;
  g_autofree char *link = NULL;
  g_autofree char *charset = NULL;
  g_autoptr(GPtrArray) metas = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (page);
  g_assert_true (g_str_has_prefix (page, "<!DOCTYPE html>\n"));
  assert_not_contains (page, "{{");
  assert_contains (page, "aspect-ratio: 16 / 9");
  assert_contains (page, "@media (prefers-color-scheme: dark)");

  doc = parse_page (page);
  assert_no_script (doc);

  csp = get_csp (doc);
  g_assert_cmpstr (csp, ==,
                   "default-src 'none'; frame-src https://www.youtube-nocookie.com; "
                   "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'");

  /* First, so that nothing is read before the encoding is known. */
  metas = find_elements (doc, "meta");
  g_assert_cmpuint (metas->len, >, 0);
  charset = get_attribute (g_ptr_array_index (metas, 0), "charset");
  g_assert_cmpstr (charset, ==, "utf-8");

  lang = get_attribute (xmlDocGetRootElement (doc), "lang");
  g_assert_nonnull (lang);
  g_assert_cmpuint (strlen (lang), >, 0);
  g_assert_cmpuint (strspn (lang, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-"),
                    ==, strlen (lang));

  title = get_text (find_only_element (doc, "title"));
  g_assert_cmpstr (title, ==, "3. " TALK_3_TITLE);
  heading = get_text (find_only_element (doc, "h1"));
  g_assert_cmpstr (heading, ==, "3. " TALK_3_TITLE);
  speaker = get_text (find_by_class (doc, "speaker"));
  g_assert_cmpstr (speaker, ==, "Ron Britvich");

  link = get_attribute (find_only_element (doc, "a"), "href");
  g_assert_cmpstr (link, ==, TALK_3_URL);
}

/* Exactly the attributes the player needs: none more (no sandbox to work
 * around, no size that fights the CSS), none fewer. */
static void
test_template_iframe (void)
{
  static const char * const expected[] = {
    "src", "title", "allow", "allowfullscreen", "referrerpolicy",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(NclYoutubeVideo) video = ncl_youtube_parse (TALK_3_URL "&t=1m30s", &error);
  g_autofree char *embed_uri = ncl_youtube_video_get_embed_uri (video, LOOPBACK_BASE);
  g_autofree char *page = build_talk_page (TALK_3_TITLE, NULL, embed_uri, &error);
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GUri) src_uri = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autofree char *src = NULL;
  g_autofree char *allow = NULL;
  g_autofree char *referrer_policy = NULL;
  g_autofree char *label = NULL;
  g_autofree char *csp = NULL;
  xmlNode *iframe;
  guint n_attributes = 0;

  g_assert_no_error (error);
  doc = parse_page (page);
  iframe = find_only_element (doc, "iframe");

  for (xmlAttr *attribute = iframe->properties; attribute != NULL; attribute = attribute->next)
    {
      g_assert_true (g_strv_contains (expected, (const char *)attribute->name));
      n_attributes++;
    }
  g_assert_cmpuint (n_attributes, ==, G_N_ELEMENTS (expected));

  allow = get_attribute (iframe, "allow");
  g_assert_cmpstr (allow, ==, "autoplay; encrypted-media; picture-in-picture; fullscreen");
  referrer_policy = get_attribute (iframe, "referrerpolicy");
  g_assert_cmpstr (referrer_policy, ==, "strict-origin-when-cross-origin");
  g_assert_true (xmlHasProp (iframe, (const xmlChar *)"allowfullscreen") != NULL);
  label = get_attribute (iframe, "title");
  g_assert_cmpstr (label, ==, "Video player");

  /* The video, its playlist position and start time all reach the player. */
  src = get_attribute (iframe, "src");
  g_assert_cmpstr (src, ==, embed_uri);
  src_uri = g_uri_parse (src, G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_uri_get_host (src_uri), ==, "127.0.0.1");
  g_assert_cmpint (g_uri_get_port (src_uri), ==, 8080);
  g_assert_cmpstr (g_uri_get_path (src_uri), ==, "/embed/7AGY9iiOgmk");
  params = g_uri_parse_params (g_uri_get_query (src_uri), -1, "&", G_URI_PARAMS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (params), ==, 3);
  g_assert_cmpstr (g_hash_table_lookup (params, "list"), ==, PLAYLIST);
  g_assert_cmpstr (g_hash_table_lookup (params, "index"), ==, "3");
  g_assert_cmpstr (g_hash_table_lookup (params, "start"), ==, "90");

  /* The page lets the frame load from where the player is, only. */
  csp = get_csp (doc);
  assert_contains (csp, "; frame-src http://127.0.0.1:8080; ");

  /* No speaker, no empty line for one. */
  assert_contains (page, "<p class=\"speaker\"></p>");
}

static void
test_escape_title (void)
{
  const char *title = "<script>alert(1)</script> & \"NATS\" 'Live'";
  g_autoptr(GError) error = NULL;
  g_autofree char *page = build_talk_page (title, "Tom & \"Jerry\"", NOCOOKIE_EMBED, &error);
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *speaker = NULL;
  g_autofree char *expected = NULL;

  g_assert_no_error (error);
  assert_not_contains (page, "<script>");
  assert_contains (page, "<h1>3. &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;NATS&quot; "
                         "&#39;Live&#39;</h1>");
  assert_contains (page, "Tom &amp; &quot;Jerry&quot;");

  /* What a person sees is the title, as text. */
  doc = parse_page (page);
  assert_no_script (doc);
  heading = get_text (find_only_element (doc, "h1"));
  expected = g_strconcat ("3. ", title, NULL);
  g_assert_cmpstr (heading, ==, expected);
  speaker = get_text (find_by_class (doc, "speaker"));
  g_assert_cmpstr (speaker, ==, "Tom & \"Jerry\"");
}

static void
test_escape_attribute (void)
{
  static const char template_html[] =
    "<!DOCTYPE html><html><body>"
    "<a title=\"{{title}}\" href=\"{{original_url}}\">{{number}}</a>"
    "<iframe src=\"{{embed_uri}}\" title=\"{{speaker}}\"></iframe>"
    "</body></html>";
  const char *breakout = "\"><script>alert(1)</script>";
  const char *embed_uri = NOCOOKIE_EMBED "?x=\"><script>alert(2)</script>";
  const char *original_url = "https://www.youtube.com/watch?v=x&y='><script>alert(3)</script>";
  g_autoptr(GError) error = NULL;
  g_autofree char *page = ncl_player_page_build (template_html, 7, breakout, breakout,
                                                  embed_uri, original_url, &error);
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *title = NULL;
  g_autofree char *href = NULL;
  g_autofree char *src = NULL;
  g_autofree char *label = NULL;
  xmlNode *link;
  xmlNode *iframe;

  g_assert_no_error (error);
  assert_not_contains (page, "<script>");
  assert_contains (page, "title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"");

  /* Each value stays inside its attribute. */
  doc = parse_page (page);
  assert_no_script (doc);
  link = find_only_element (doc, "a");
  title = get_attribute (link, "title");
  href = get_attribute (link, "href");
  g_assert_cmpstr (title, ==, breakout);
  g_assert_cmpstr (href, ==, original_url);

  iframe = find_only_element (doc, "iframe");
  src = get_attribute (iframe, "src");
  label = get_attribute (iframe, "title");
  g_assert_cmpstr (src, ==, embed_uri);
  g_assert_cmpstr (label, ==, breakout);
}

static void
test_placeholder_literal (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *page =
    ncl_player_page_build ("<h1>{{title}}</h1><p>{{speaker}}</p>", 1,
                           "{{title}} {{embed_uri}} {{nope}}", "{{speaker}}{{",
                           NOCOOKIE_EMBED, TALK_3_URL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (page, ==,
                   "<h1>{{title}} {{embed_uri}} {{nope}}</h1><p>{{speaker}}{{</p>");
}

static void
test_placeholder_unknown (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *page = ncl_player_page_build ("<html>\n<body>\n<h1>{{titel}}</h1>", 1,
                                                  TALK_3_TITLE, NULL, NOCOOKIE_EMBED,
                                                  TALK_3_URL, &error);

  g_assert_null (page);
  g_assert_error (error, NCL_HTML_TEMPLATE_ERROR, NCL_HTML_TEMPLATE_ERROR_UNKNOWN_PLACEHOLDER);
  assert_contains (error->message, "Line 3 of the page template: “{{titel}}” is not a placeholder");
}

static void
test_placeholder_unclosed (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *page = ncl_player_page_build ("<h1>{{title}}</h1>\n<p>{{speaker</p>", 1,
                                                  TALK_3_TITLE, NULL, NOCOOKIE_EMBED,
                                                  TALK_3_URL, &error);

  g_assert_null (page);
  g_assert_error (error, NCL_HTML_TEMPLATE_ERROR, NCL_HTML_TEMPLATE_ERROR_UNCLOSED_PLACEHOLDER);
  assert_contains (error->message, "Line 2 of the page template");
}

static void
test_refuse_uris (void)
{
  static const struct
  {
    const char *embed_uri;
    const char *original_url;
  } cases[] = {
    { "javascript:alert(1)", TALK_3_URL },
    { "data:text/html,<script>alert(1)</script>", TALK_3_URL },
    { "file:///etc/passwd", TALK_3_URL },
    { "https:///embed/x", TALK_3_URL },
    { "https://a%3Bscript-src%20*/embed/x", TALK_3_URL },
    { NOCOOKIE_EMBED, "javascript:alert(1)" },
    { NOCOOKIE_EMBED, "file:///etc/passwd" },
    { NOCOOKIE_EMBED, "watch?v=7AGY9iiOgmk" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *page = ncl_player_page_build ("<p>{{title}}</p>", 1, TALK_3_TITLE, NULL,
                                                      cases[i].embed_uri, cases[i].original_url,
                                                      &error);

      g_assert_null (page);
      g_assert_error (error, NCL_PLAYER_PAGE_ERROR, NCL_PLAYER_PAGE_ERROR_BAD_URI);
      assert_contains (error->message, "is not a web address");
    }
}

static void
test_refuse_invalid_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *page = ncl_player_page_build ("<p>{{title}}</p>", 1, "NATS \xff Live", NULL,
                                                  NOCOOKIE_EMBED, TALK_3_URL, &error);

  g_assert_null (page);
  g_assert_error (error, NCL_PLAYER_PAGE_ERROR, NCL_PLAYER_PAGE_ERROR_INVALID_TEXT);
}

static void
test_frame_origin (void)
{
  static const struct
  {
    const char *embed_uri;
    const char *origin;
  } cases[] = {
    { "https://www.youtube-nocookie.com/embed/7AGY9iiOgmk?start=3", "https://www.youtube-nocookie.com" },
    { "http://127.0.0.1:8080/embed/7AGY9iiOgmk", "http://127.0.0.1:8080" },
    { "HTTPS://WWW.YouTube-NoCookie.com:443/embed/x", "https://www.youtube-nocookie.com" },
    { "http://localhost:80/embed/x", "http://localhost" },
    { "https://localhost:80/embed/x", "https://localhost:80" },
    { "http://[::1]:9000/e/x", "http://[::1]:9000" },
    { "javascript:alert(1)", NULL },
    { "file:///etc/passwd", NULL },
    { "/embed/x", NULL },
    { "https://a%20b/embed/x", NULL },
    { "https://a%3Bscript-src%20*/embed/x", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *origin = ncl_player_page_frame_origin (cases[i].embed_uri);

      g_assert_cmpstr (origin, ==, cases[i].origin);
    }
}

#define VIDEO_FILE_URL "http://127.0.0.1:8080/recordings/talk-3.webm?download=1"

static char *
build_kind_page (NclPlayerKind   kind,
                 const char     *title,
                 const char     *player_uri,
                 const char     *original_url,
                 GError        **error)
{
  g_autofree char *template_html = load_template ();

  return ncl_player_page_build_for (template_html, kind, 3, title, NULL, player_uri, original_url, error);
}

/* A video file plays in the page's own video element: no frame, and the
 * policy lets media, not frames, load from the file's origin only. */
static void
test_video_page (void)
{
  static const char * const expected[] = { "src", "title", "controls", "preload" };
  g_autoptr(GError) error = NULL;
  g_autofree char *page = build_kind_page (NCL_PLAYER_KIND_VIDEO_FILE, TALK_3_TITLE,
                                           VIDEO_FILE_URL, VIDEO_FILE_URL, &error);
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GPtrArray) iframes = NULL;
  g_autofree char *csp = NULL;
  g_autofree char *src = NULL;
  g_autofree char *preload = NULL;
  g_autofree char *label = NULL;
  g_autofree char *link = NULL;
  g_autofree char *link_text = NULL;
  xmlNode *video;
  guint n_attributes = 0;

  g_assert_no_error (error);
  assert_not_contains (page, "{{");
  doc = parse_page (page);
  assert_no_script (doc);

  iframes = find_elements (doc, "iframe");
  g_assert_cmpuint (iframes->len, ==, 0);
  video = find_only_element (doc, "video");
  for (xmlAttr *attribute = video->properties; attribute != NULL; attribute = attribute->next)
    {
      g_assert_true (g_strv_contains (expected, (const char *)attribute->name));
      n_attributes++;
    }
  g_assert_cmpuint (n_attributes, ==, G_N_ELEMENTS (expected));
  g_assert_true (xmlHasProp (video, (const xmlChar *)"controls") != NULL);
  preload = get_attribute (video, "preload");
  g_assert_cmpstr (preload, ==, "metadata");
  src = get_attribute (video, "src");
  g_assert_cmpstr (src, ==, VIDEO_FILE_URL);
  label = get_attribute (video, "title");
  g_assert_cmpstr (label, ==, "Video player");

  csp = get_csp (doc);
  g_assert_cmpstr (csp, ==,
                   "default-src 'none'; media-src http://127.0.0.1:8080; "
                   "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'");

  link = get_attribute (find_only_element (doc, "a"), "href");
  g_assert_cmpstr (link, ==, VIDEO_FILE_URL);
  link_text = get_text (find_only_element (doc, "a"));
  g_assert_cmpstr (link_text, ==, "Open in Browser");
}

static void
test_video_escape (void)
{
  const char *title = "\"><script>alert(1)</script>";
  const char *video_url = "https://cdn.example.org/talk.webm?a=\"><script>alert(2)</script>&b='x'";
  g_autoptr(GError) error = NULL;
  g_autofree char *page = build_kind_page (NCL_PLAYER_KIND_VIDEO_FILE, title, video_url, video_url, &error);
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *src = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *csp = NULL;
  g_autofree char *expected = NULL;

  g_assert_no_error (error);
  assert_not_contains (page, "<script>");
  assert_contains (page, "src=\"https://cdn.example.org/talk.webm?a=&quot;&gt;&lt;script&gt;"
                         "alert(2)&lt;/script&gt;&amp;b=&#39;x&#39;\"");

  doc = parse_page (page);
  assert_no_script (doc);
  src = get_attribute (find_only_element (doc, "video"), "src");
  g_assert_cmpstr (src, ==, video_url);
  heading = get_text (find_only_element (doc, "h1"));
  expected = g_strconcat ("3. ", title, NULL);
  g_assert_cmpstr (heading, ==, expected);

  /* Only the origin reaches the policy, never the path or query. */
  csp = get_csp (doc);
  assert_contains (csp, "; media-src https://cdn.example.org; ");
  assert_not_contains (csp, "frame-src");
}

/* A local file's page may load local media, which a policy can only name
 * by its scheme. */
static void
test_video_local_file (void)
{
  const char *video_url = "file:///home/ada/Videos/talk.webm";
  g_autoptr(GError) error = NULL;
  g_autofree char *page = build_kind_page (NCL_PLAYER_KIND_VIDEO_FILE, TALK_3_TITLE,
                                           video_url, video_url, &error);
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *src = NULL;
  g_autofree char *csp = NULL;

  g_assert_no_error (error);
  doc = parse_page (page);
  src = get_attribute (find_only_element (doc, "video"), "src");
  g_assert_cmpstr (src, ==, video_url);
  csp = get_csp (doc);
  assert_contains (csp, "'none'; media-src file:; style-src");
}

/* A file is never a frame's address, nor a link of a site's player; a
 * video file is not a script or inline data. */
static void
test_video_refuse_uris (void)
{
  static const struct
  {
    NclPlayerKind kind;
    const char *player_uri;
    const char *original_url;
  } cases[] = {
    { NCL_PLAYER_KIND_VIDEO_FILE, "javascript:alert(1)//x.webm", VIDEO_FILE_URL },
    { NCL_PLAYER_KIND_VIDEO_FILE, "data:video/webm;base64,AAAA", VIDEO_FILE_URL },
    { NCL_PLAYER_KIND_VIDEO_FILE, "https:///talk.webm", VIDEO_FILE_URL },
    { NCL_PLAYER_KIND_VIDEO_FILE, VIDEO_FILE_URL, "javascript:alert(1)" },
    { NCL_PLAYER_KIND_YOUTUBE, "file:///home/ada/talk.webm", TALK_3_URL },
    { NCL_PLAYER_KIND_VIMEO, "file:///home/ada/talk.webm", "https://vimeo.com/1" },
    { NCL_PLAYER_KIND_VIMEO, "https://player.vimeo.com/video/1", "file:///etc/passwd" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *page = ncl_player_page_build_for ("<p>{{title}}</p>", cases[i].kind, 1,
                                                          TALK_3_TITLE, NULL, cases[i].player_uri,
                                                          cases[i].original_url, &error);

      g_assert_null (page);
      g_assert_error (error, NCL_PLAYER_PAGE_ERROR, NCL_PLAYER_PAGE_ERROR_BAD_URI);
    }
}

static void
test_vimeo_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *page = build_kind_page (NCL_PLAYER_KIND_VIMEO, TALK_3_TITLE,
                                           "https://player.vimeo.com/video/123456789",
                                           "https://vimeo.com/123456789", &error);
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GPtrArray) videos = NULL;
  g_autofree char *src = NULL;
  g_autofree char *csp = NULL;
  g_autofree char *link_text = NULL;

  g_assert_no_error (error);
  doc = parse_page (page);
  assert_no_script (doc);
  videos = find_elements (doc, "video");
  g_assert_cmpuint (videos->len, ==, 0);
  src = get_attribute (find_only_element (doc, "iframe"), "src");
  g_assert_cmpstr (src, ==, "https://player.vimeo.com/video/123456789");
  csp = get_csp (doc);
  assert_contains (csp, "; frame-src https://player.vimeo.com; ");
  assert_not_contains (csp, "media-src");
  link_text = get_text (find_only_element (doc, "a"));
  g_assert_cmpstr (link_text, ==, "Watch on Vimeo");
}

/* {{#name}}…{{/name}} is kept when name's value is not empty. */
static void
test_template_sections (void)
{
  static const struct
  {
    const char *template_html;
    const char *page;
    int code;
    const char *needle;
  } cases[] = {
    { "a{{#yes}}<b>{{title}}</b>{{/yes}}c", "a<b>&lt;T&gt;</b>c" },
    { "a{{#no}}<b>{{title}}</b>{{/no}}c", "ac" },
    { "{{#yes}}1{{#no}}2{{/no}}3{{/yes}}", "13" },
    { "{{#no}}1{{#yes}}2{{/yes}}3{{/no}}", "" },
    /* A section left out is not read: what is in it cannot be wrong. */
    { "{{#no}}{{nope}}{{/no}}ok", "ok" },
    /* The value is not the section's content, only its switch. */
    { "{{#title}}x{{/title}}", "x" },
    { "{{#yes}}x", NULL, NCL_HTML_TEMPLATE_ERROR_BAD_SECTION, "Line 1 of the page template: “{{#yes}}” is not closed by “{{/yes}}”" },
    { "\n{{#no}}x", NULL, NCL_HTML_TEMPLATE_ERROR_BAD_SECTION, "Line 2 of the page template" },
    { "x{{/yes}}", NULL, NCL_HTML_TEMPLATE_ERROR_BAD_SECTION, "“{{/yes}}” closes no open section" },
    { "{{#yes}}{{#no}}{{/yes}}{{/no}}", NULL, NCL_HTML_TEMPLATE_ERROR_BAD_SECTION, "not closed" },
    { "{{#yes}}{{#title}}{{/yes}}{{/title}}", NULL, NCL_HTML_TEMPLATE_ERROR_BAD_SECTION, "“{{/yes}}” closes no open section" },
    { "{{#nope}}x{{/nope}}", NULL, NCL_HTML_TEMPLATE_ERROR_UNKNOWN_PLACEHOLDER, "“{{#nope}}” is not a section" },
  };
  const char *keys_and_values[] = { "yes", "1", "no", "", "title", "<T>", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *page = ncl_html_template_fill (cases[i].template_html, keys_and_values, &error);

      if (cases[i].page != NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (page, ==, cases[i].page);
        }
      else
        {
          g_assert_null (page);
          g_assert_error (error, NCL_HTML_TEMPLATE_ERROR, cases[i].code);
          assert_contains (error->message, cases[i].needle);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* The labels and messages are compared in English. */
  setlocale (LC_ALL, "C.UTF-8");

  g_test_add_func ("/ncl/player-page/template/page", test_template_page);
  g_test_add_func ("/ncl/player-page/template/iframe", test_template_iframe);
  g_test_add_func ("/ncl/player-page/escape/title", test_escape_title);
  g_test_add_func ("/ncl/player-page/escape/attribute", test_escape_attribute);
  g_test_add_func ("/ncl/player-page/placeholder/literal", test_placeholder_literal);
  g_test_add_func ("/ncl/player-page/placeholder/unknown", test_placeholder_unknown);
  g_test_add_func ("/ncl/player-page/placeholder/unclosed", test_placeholder_unclosed);
  g_test_add_func ("/ncl/player-page/refuse/uris", test_refuse_uris);
  g_test_add_func ("/ncl/player-page/refuse/invalid-text", test_refuse_invalid_text);
  g_test_add_func ("/ncl/player-page/frame-origin", test_frame_origin);
  g_test_add_func ("/ncl/player-page/template/sections", test_template_sections);
  g_test_add_func ("/ncl/player-page/video/page", test_video_page);
  g_test_add_func ("/ncl/player-page/video/escape", test_video_escape);
  g_test_add_func ("/ncl/player-page/video/local-file", test_video_local_file);
  g_test_add_func ("/ncl/player-page/video/refuse-uris", test_video_refuse_uris);
  g_test_add_func ("/ncl/player-page/vimeo/page", test_vimeo_page);

  return g_test_run ();
}
