/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <cairo-pdf.h>
#include <libsoup/soup.h>
#include <webkit/webkit.h>

#include "ncl-post-format.h"
#include "ncl-highlight-card.h"
#include "ncl-web-page.h"
#include "ncl-window.h"
#include "ncl-test-nats.h"

#include "ncl-test-server.h"
#include "ncl-test-util.h"

/* Slides pages in the real web view, against a real HTTP server on
 * loopback. */

typedef struct
{
  SoupServer *server;
  guint16 port;
  NclWindow *window;
  NclEvent *event;
  GPtrArray *opened;
} Fixture;

static const char slides_page[] =
  "<!DOCTYPE html><html><head><title>Loopback Slides</title></head>"
  "<body style='margin:0'>"
  "<a id='blank' target='_blank' href='/other'"
  " style='display:block;width:100vw;height:100vh'>Open elsewhere</a>"
  "</body></html>";

static const char file_nav_page[] =
  "<!DOCTYPE html><html><head><title>Leaves for a file</title>"
  "<meta http-equiv='refresh' content='0; url=file:///etc/passwd'></head>"
  "<body>Going…</body></html>";

/* Asks for a local file three ways and writes what came back into its
 * title, the one thing of the page the app reads. */
static const char local_file_page[] =
  "<!DOCTYPE html><html><head><title>Probing</title></head><body><script>\n"
  "const results = {};\n"
  "function done (what, result) {\n"
  "  if (what in results) return;\n"
  "  results[what] = result;\n"
  "  if (Object.keys (results).length === 3)\n"
  "    document.title = 'img:' + results.img + ' iframe:' + results.iframe +\n"
  "                     ' fetch:' + results.fetch;\n"
  "}\n"
  "const img = document.createElement ('img');\n"
  "img.onload = () => done ('img', 'read:' + img.naturalWidth);\n"
  "img.onerror = () => done ('img', 'error');\n"
  "img.src = 'file:///etc/hostname';\n"
  "document.body.appendChild (img);\n"
  "const frame = document.createElement ('iframe');\n"
  "frame.src = 'file:///etc/hostname';\n"
  "document.body.appendChild (frame);\n"
  "/* WebKit refuses to make a frame for a local file at all (no window);\n"
  " * one that stayed empty is refused too. A frame that loaded the file\n"
  " * would be of another origin, whose address cannot be read. */\n"
  "setTimeout (() => {\n"
  "  const view = frame.contentWindow;\n"
  "  try {\n"
  "    const text = view && view.document.body ? view.document.body.textContent : '';\n"
  "    done ('iframe', text !== '' ? 'read:' + text :\n"
  "                    !view || view.location.href === 'about:blank' ? 'blocked' :\n"
  "                    'other:' + view.location.href);\n"
  "  } catch (e) {\n"
  "    done ('iframe', 'loaded');\n"
  "  }\n"
  "}, 1000);\n"
  "fetch ('file:///etc/hostname')\n"
  "  .then (response => response.text ())\n"
  "  .then (text => done ('fetch', 'read:' + text), () => done ('fetch', 'error'));\n"
  "</script></body></html>";

/* The app's own data, from a page the app opened: its cache (a file of
 * it, by img, fetch and XMLHttpRequest), its built-in resources, and any
 * bridge to the app's code (WebKit's script message handlers). %s is a
 * file in the app's cache directory. */
static const char app_data_page_template[] =
  "<!DOCTYPE html><html><head><title>Probing</title></head><body><script>\n"
  "const target = 'file://%s';\n"
  "const results = {};\n"
  "const names = ['img', 'fetch', 'xhr', 'resource', 'bridge'];\n"
  "function done (what, result) {\n"
  "  if (what in results) return;\n"
  "  results[what] = result;\n"
  "  if (names.every (name => name in results))\n"
  "    document.title = names.map (name => name + ':' + results[name]).join (' ');\n"
  "}\n"
  "const img = document.createElement ('img');\n"
  "img.onload = () => done ('img', 'read:' + img.naturalWidth);\n"
  "img.onerror = () => done ('img', 'error');\n"
  "img.src = target;\n"
  "document.body.appendChild (img);\n"
  "fetch (target)\n"
  "  .then (response => response.text ())\n"
  "  .then (text => done ('fetch', 'read:' + text), () => done ('fetch', 'error'));\n"
  "try {\n"
  "  const xhr = new XMLHttpRequest ();\n"
  "  xhr.onload = () => done ('xhr', 'read:' + xhr.responseText);\n"
  "  xhr.onerror = () => done ('xhr', 'error');\n"
  "  xhr.open ('GET', target);\n"
  "  xhr.send ();\n"
  "} catch (e) { done ('xhr', 'error'); }\n"
  "fetch ('resource://" RESOURCE_BASE "/style.css')\n"
  "  .then (response => response.text ())\n"
  "  .then (text => done ('resource', 'read:' + text.length), () => done ('resource', 'error'));\n"
  "const handlers = window.webkit && window.webkit.messageHandlers;\n"
  "const found = [];\n"
  "if (handlers) for (const name of ['ncl', 'app', 'store', 'cache', 'connectLive', 'external'])\n"
  "  if (handlers[name]) found.push (name);\n"
  "done ('bridge', found.length > 0 ? found.join (',') : 'none');\n"
  "</script></body></html>";

static char *app_data_page;

/* Two pages of slides, drawn by make_pdf (). */
static GBytes *pdf_slides;
/* Three, for Poppler: titled (application/pdf) and untitled (served as
 * application/octet-stream). */
static GBytes *pdf_three;
static GBytes *pdf_untitled;

/* The start of a PDF and then nothing a reader makes sense of. */
static const char broken_pdf[] = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\ngarbage\n";

/* The start of a zip archive: enough for a type WebKit cannot show. */
static const char zip_file[] = "PK\003\004\024\000\000\000\000\000";

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  const char *body = NULL;

  if (g_str_equal (path, "/slides"))
    body = slides_page;
  else if (g_str_equal (path, "/file-nav"))
    body = file_nav_page;
  else if (g_str_equal (path, "/local-file"))
    body = local_file_page;
  else if (g_str_equal (path, "/app-data") && app_data_page != NULL)
    body = app_data_page;
  else if (g_str_equal (path, "/other"))
    body = "<!DOCTYPE html><title>Other</title>";

  if (g_str_equal (path, "/slides.pdf") && pdf_slides != NULL)
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/pdf", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (pdf_slides, NULL),
                                        g_bytes_get_size (pdf_slides));
      return;
    }
  else if (g_str_equal (path, "/three.pdf") && pdf_three != NULL)
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/pdf", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (pdf_three, NULL),
                                        g_bytes_get_size (pdf_three));
      return;
    }
  else if ((g_str_equal (path, "/files/Deck%20v2.pdf") || g_str_equal (path, "/files/Deck v2.pdf")) &&
           pdf_untitled != NULL)
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/octet-stream", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (pdf_untitled, NULL),
                                        g_bytes_get_size (pdf_untitled));
      return;
    }
  else if (g_str_equal (path, "/files/notes.bin"))
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/octet-stream", SOUP_MEMORY_STATIC,
                                        zip_file, sizeof zip_file - 1);
      return;
    }
  else if (g_str_equal (path, "/broken.pdf"))
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/pdf", SOUP_MEMORY_STATIC,
                                        broken_pdf, sizeof broken_pdf - 1);
      return;
    }
  else if (g_str_equal (path, "/slides.zip"))
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "application/zip", SOUP_MEMORY_STATIC,
                                        zip_file, sizeof zip_file - 1);
      return;
    }

  if (body == NULL)
    {
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }

  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                    body, strlen (body));
}

static void
server_listen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, fixture->port);
  GSList *uris;

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, server_cb, NULL, NULL);
  soup_server_listen (fixture->server, address, 0, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (fixture->server);
  fixture->port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
}

static void
server_stop (Fixture *fixture)
{
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
}

static char *
server_uri (Fixture    *fixture,
            const char *path)
{
  return g_strdup_printf ("http://127.0.0.1:%u%s", fixture->port, path);
}

static gboolean
activate_link_cb (NclWindow  *window,
                  const char *uri,
                  Fixture    *fixture)
{
  g_ptr_array_add (fixture->opened, g_strdup (uri));
  return TRUE;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  server_listen (fixture);

  bytes = g_resources_lookup_data (RESOURCE_BASE "/event/nats-connect-live-2020.md", 0, &error);
  g_assert_no_error (error);
  fixture->event = ncl_post_parse (bytes, NCL_TEST_POST_URI, &error);
  g_assert_no_error (error);

  fixture->opened = g_ptr_array_new_with_free_func (g_free);
  fixture->window = g_object_new (NCL_TYPE_WINDOW,
                                  "default-width", 1000,
                                  "default-height", 700,
                                  "title", "ncl-test-web",
                                  NULL);
  g_signal_connect (fixture->window, "activate-link", G_CALLBACK (activate_link_cb), fixture);
  ncl_window_set_event (fixture->window, fixture->event);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->event);
  g_clear_pointer (&fixture->opened, g_ptr_array_unref);
  if (fixture->server != NULL)
    server_stop (fixture);
  ncl_test_settle (50);
}

static GtkWidget *
content (Fixture *fixture)
{
  NclWebPage *page = ncl_window_get_web_page (fixture->window);

  g_assert_nonnull (page);
  return ncl_web_page_get_content (page);
}

static char *
content_string (Fixture    *fixture,
                const char *property)
{
  char *value = NULL;

  g_object_get (content (fixture), property, &value, NULL);
  return value;
}

static gboolean
page_loaded (gpointer data)
{
  Fixture *fixture = data;
  gboolean loading;
  double progress;

  g_object_get (content (fixture), "is-loading", &loading, "progress", &progress, NULL);
  return !loading && progress >= 1.0;
}

static gboolean
title_shown (gpointer data)
{
  Fixture *fixture = data;
  const char *title = ncl_web_page_get_title (ncl_window_get_web_page (fixture->window));

  return title != NULL && title[0] != '\0';
}

static void
open_slides (Fixture    *fixture,
             const char *uri)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-slides", "s", uri);
  g_assert_true (ncl_window_get_showing_web_page (fixture->window));
  g_assert_nonnull (content (fixture));
}

static void
test_slides_load (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *uri = server_uri (fixture, "/slides");
  g_autofree char *shown = NULL;
  g_autofree char *error_kind = NULL;

  open_slides (fixture, uri);
  ncl_test_wait_for (page_loaded, fixture, 30, "the slides page to load");
  ncl_test_wait_for (title_shown, fixture, 10, "the page title");

  shown = content_string (fixture, "uri");
  error_kind = content_string (fixture, "error-kind");
  g_assert_cmpstr (shown, ==, uri);
  g_assert_null (error_kind);
  /* No talk has this address: the header shows the page's own title. */
  g_assert_cmpstr (ncl_web_page_get_title (ncl_window_get_web_page (fixture->window)), ==,
                   "Loopback Slides");
  g_assert_cmpstr (ncl_web_page_get_original_uri (ncl_window_get_web_page (fixture->window)), ==, uri);
}

static gboolean
link_handed_over (gpointer data)
{
  Fixture *fixture = data;

  return fixture->opened->len > 0;
}

static void
test_new_window_link (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *uri = server_uri (fixture, "/slides");
  g_autofree char *other = server_uri (fixture, "/other");
  g_autofree char *command = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  open_slides (fixture, uri);
  ncl_test_wait_for (page_loaded, fixture, 30, "the slides page to load");
  ncl_test_settle (300);

  /* A real click (a user gesture) on the link that fills the page. */
  command = g_strdup_printf ("xdotool search --sync --name '^ncl-test-web$' "
                             "mousemove --window %%1 500 400 click 1");
  g_spawn_command_line_sync (command, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  ncl_test_wait_for (link_handed_over, fixture, 20, "the link to go to the desktop");
  g_assert_cmpstr (fixture->opened->pdata[0], ==, other);

  ncl_test_settle (300);
  shown = content_string (fixture, "uri");
  g_assert_cmpstr (shown, ==, uri);
}

static void
test_file_navigation_refused (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *uri = server_uri (fixture, "/file-nav");
  g_autofree char *shown = NULL;

  open_slides (fixture, uri);
  ncl_test_wait_for (page_loaded, fixture, 30, "the page to load");
  /* The refresh fires at once; give it time to be refused. */
  ncl_test_settle (1500);

  shown = content_string (fixture, "uri");
  g_assert_cmpstr (shown, ==, uri);
  g_assert_cmpuint (fixture->opened->len, ==, 0);
}

static gboolean
error_page_shown (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *kind = content_string (fixture, "error-kind");

  return g_strcmp0 (kind, "network") == 0 && page_loaded (fixture);
}

static gboolean
error_page_gone (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *kind = content_string (fixture, "error-kind");

  return kind == NULL && page_loaded (fixture);
}

static void
test_offline_then_retry (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *uri = NULL;
  g_autofree char *shown = NULL;

  /* Nothing listens on the port any more. */
  server_stop (fixture);
  uri = server_uri (fixture, "/slides");

  open_slides (fixture, uri);
  ncl_test_wait_for (error_page_shown, fixture, 30, "the error page");

  /* The server is back: Retry loads the page. A person reads the error
   * page before pressing Retry; right as it appears, WebKit may still be
   * committing it (is-loading is false between the failed load and the
   * error page's own), and a load started in that gap can lose to it
   * (it did once in a few hundred runs on a loaded machine). */
  ncl_test_settle (1000);
  ncl_test_wait_for (error_page_shown, fixture, 30, "the error page, settled");
  server_listen (fixture);
  gtk_widget_activate_action (GTK_WIDGET (ncl_window_get_web_page (fixture->window)),
                              "web.reload", NULL);
  ncl_test_wait_for (error_page_gone, fixture, 30, "the page after Retry");
  ncl_test_wait_for (title_shown, fixture, 10, "the page title");

  shown = content_string (fixture, "uri");
  g_assert_cmpstr (shown, ==, uri);
  g_assert_cmpstr (ncl_web_page_get_title (ncl_window_get_web_page (fixture->window)), ==,
                   "Loopback Slides");
}

static gboolean
page_blank (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *uri = content_string (fixture, "uri");

  return g_strcmp0 (uri, "about:blank") == 0 && page_loaded (fixture);
}

static gboolean
rows_shown (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) rows = ncl_test_find_all (GTK_WIDGET (fixture->window), NCL_TYPE_HIGHLIGHT_CARD);

  return rows->len >= 5;
}

static GtkWidget *
talk_button (Fixture    *fixture,
             guint       number,
             const char *label)
{
  g_autoptr(GPtrArray) rows = ncl_test_find_all (GTK_WIDGET (fixture->window), NCL_TYPE_HIGHLIGHT_CARD);

  for (guint i = 0; i < rows->len; i++)
    {
      NclHighlight *talk = ncl_highlight_card_get_highlight (rows->pdata[i]);
      g_autoptr(GPtrArray) contents = NULL;

      if (talk == NULL || ncl_highlight_get_number (talk) != number)
        continue;

      contents = ncl_test_find_all (rows->pdata[i], ADW_TYPE_BUTTON_CONTENT);
      for (guint j = 0; j < contents->len; j++)
        if (g_strcmp0 (adw_button_content_get_label (contents->pdata[j]), label) == 0)
          return gtk_widget_get_parent (contents->pdata[j]);
    }

  return NULL;
}

static void
test_back_restores_focus (Fixture       *fixture,
                          gconstpointer  data)
{
  NclHighlight *talk = ncl_event_find_highlight (fixture->event, 3);
  NclWebPage *page;
  GtkWidget *slides;

  ncl_test_wait_for (rows_shown, fixture, 10, "the talk cards");
  slides = talk_button (fixture, 3, "_Slides");
  g_assert_nonnull (slides);
  gtk_widget_grab_focus (slides);
  g_signal_emit_by_name (slides, "clicked");

  /* The talk's slides, titled with the talk, inside the window. */
  g_assert_true (ncl_window_get_showing_web_page (fixture->window));
  page = ncl_window_get_web_page (fixture->window);
  g_assert_cmpstr (ncl_web_page_get_title (page), ==, "NATS and Augmented Reality");
  g_assert_cmpstr (ncl_web_page_get_original_uri (page), ==, ncl_highlight_get_slides_url (talk));
  g_assert_cmpuint (fixture->opened->len, ==, 0);
  ncl_test_settle (200);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.go-back", NULL);
  g_assert_false (ncl_window_get_showing_web_page (fixture->window));
  ncl_test_settle (200);

  /* Focus is on the button that opened the page, and the page is blank:
   * nothing loads or plays behind the talks. */
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (fixture->window)) == slides);
  ncl_test_wait_for (page_blank, fixture, 30, "the blank page");
}

static GtkWidget *
open_button (Fixture *fixture)
{
  g_autoptr(GPtrArray) buttons =
    ncl_test_find_all (GTK_WIDGET (ncl_window_get_web_page (fixture->window)), GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), "web.open-in-browser") == 0)
      return buttons->pdata[i];

  g_assert_not_reached ();
}

typedef struct
{
  char *path;
  char *query;
  char *referer;
} EmbedRequest;

static void
embed_server_cb (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  EmbedRequest *request = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  GUri *uri = soup_server_message_get_uri (msg);
  static const char body[] = "<!DOCTYPE html><title>Player</title><p>Player</p>";

  if (request->path == NULL)
    {
      request->path = g_strdup (path);
      request->query = g_strdup (g_uri_get_query (uri));
      request->referer = g_strdup (soup_message_headers_get_one (headers, "Referer"));
    }

  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, body, strlen (body));
}

static gboolean
embed_requested (gpointer data)
{
  EmbedRequest *request = data;

  return request->path != NULL;
}

static void
test_player_page (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SoupServer) embed_server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *base = server_uri (fixture, "/blog/nats-connect-live-2020/");
  g_autofree char *page_origin = server_uri (fixture, "/");
  g_autofree char *embed_base = NULL;
  EmbedRequest request = { 0 };
  NclHighlight *talk = ncl_event_find_highlight (fixture->event, 3);
  NclWebPage *page;
  GtkWidget *video;
  GSList *uris;

  soup_server_add_handler (embed_server, NULL, embed_server_cb, &request, NULL);
  soup_server_listen_local (embed_server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (embed_server);
  embed_base = g_strdup_printf ("http://127.0.0.1:%u/embed/", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  /* Loopback stands in for nats.io (the page) and YouTube (the player). */
  g_setenv ("NCL_TEST_PLAYER_BASE_URI", base, TRUE);
  g_setenv ("NCL_TEST_YOUTUBE_EMBED_BASE", embed_base, TRUE);

  ncl_test_wait_for (rows_shown, fixture, 10, "the talk cards");
  video = talk_button (fixture, 3, "_Video");
  g_assert_nonnull (video);
  g_signal_emit_by_name (video, "clicked");

  page = ncl_window_get_web_page (fixture->window);
  g_assert_true (ncl_window_get_showing_web_page (fixture->window));
  g_assert_cmpstr (ncl_web_page_get_title (page), ==, "NATS and Augmented Reality");
  g_assert_cmpstr (ncl_web_page_get_original_uri (page), ==, ncl_highlight_get_video_url (talk));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (open_button (fixture)), ==, "Open on YouTube");

  /* The frame asks the player for the talk's video, at its place in the
   * playlist, and says which page it is on: YouTube's players refuse to play
   * without that. */
  ncl_test_wait_for (embed_requested, &request, 30, "the player's request");
  g_assert_cmpstr (request.path, ==, "/embed/7AGY9iiOgmk");
  g_assert_nonnull (strstr (request.query, "list=PLose4NjLOQvwMOG-WAw62vyrGsPi5LUe7"));
  g_assert_nonnull (strstr (request.query, "index=3"));
  g_assert_cmpstr (request.referer, ==, page_origin);

  /* Back stops the player: nothing plays behind the talks. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.go-back", NULL);
  ncl_test_wait_for (page_blank, fixture, 30, "the blank page");
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (fixture->window)) == video);

  g_unsetenv ("NCL_TEST_PLAYER_BASE_URI");
  g_unsetenv ("NCL_TEST_YOUTUBE_EMBED_BASE");
  soup_server_disconnect (embed_server);
  g_free (request.path);
  g_free (request.query);
  g_free (request.referer);
}

/* A Vimeo link plays in the frame, from Vimeo's player (loopback here). */
static void
test_player_vimeo (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SoupServer) embed_server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *base = server_uri (fixture, "/blog/nats-connect-live-2020/");
  g_autofree char *embed_base = NULL;
  EmbedRequest request = { 0 };
  GSList *uris;

  soup_server_add_handler (embed_server, NULL, embed_server_cb, &request, NULL);
  soup_server_listen_local (embed_server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (embed_server);
  embed_base = g_strdup_printf ("http://127.0.0.1:%u/video/", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  /* An https page (the post's) may not frame an http player. */
  g_setenv ("NCL_TEST_PLAYER_BASE_URI", base, TRUE);
  g_setenv ("NCL_TEST_VIMEO_EMBED_BASE", embed_base, TRUE);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-video", "s",
                              "https://vimeo.com/123456789");
  g_assert_true (ncl_window_get_showing_web_page (fixture->window));
  g_assert_cmpstr (ncl_web_page_get_original_uri (ncl_window_get_web_page (fixture->window)), ==,
                   "https://vimeo.com/123456789");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (open_button (fixture)), ==, "Open on Vimeo");

  ncl_test_wait_for (embed_requested, &request, 30, "the player's request");
  g_assert_cmpstr (request.path, ==, "/video/123456789");
  g_assert_null (request.query);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.go-back", NULL);
  ncl_test_wait_for (page_blank, fixture, 30, "the blank page");

  g_unsetenv ("NCL_TEST_PLAYER_BASE_URI");
  g_unsetenv ("NCL_TEST_VIMEO_EMBED_BASE");
  soup_server_disconnect (embed_server);
  g_free (request.path);
  g_free (request.query);
  g_free (request.referer);
}

static gboolean
document_titled (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *title = content_string (fixture, "title");

  return title != NULL && g_str_has_prefix (title, "img:");
}

static void
test_local_file_unreadable (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *uri = server_uri (fixture, "/local-file");
  g_autofree char *title = NULL;

  open_slides (fixture, uri);
  ncl_test_wait_for (document_titled, fixture, 30, "the page's findings");

  /* A page from the network reads no file of the user's, and cannot make
   * the desktop open one either. */
  title = content_string (fixture, "title");
  g_assert_cmpstr (title, ==, "img:error iframe:blocked fetch:error");
  g_assert_cmpuint (fixture->opened->len, ==, 0);
}

static gboolean
app_data_probed (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *title = content_string (fixture, "title");

  return title != NULL && g_str_has_prefix (title, "img:");
}

static void
test_app_data_unreachable (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *cache_dir = g_build_filename (g_get_user_cache_dir (), APP_ID, NULL);
  g_autofree char *secret = g_build_filename (cache_dir, "probe.png", NULL);
  g_autofree char *picture = g_test_build_filename (G_TEST_DIST, "fixtures", "site", "picture.png", NULL);
  g_autofree char *uri = server_uri (fixture, "/app-data");
  g_autofree char *contents = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  /* A real picture, so that only the policy can keep img from showing it. */
  g_assert_cmpint (g_mkdir_with_parents (cache_dir, 0700), ==, 0);
  g_file_get_contents (picture, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (secret, contents, length, &error);
  g_assert_no_error (error);
  app_data_page = g_strdup_printf (app_data_page_template, secret);

  open_slides (fixture, uri);
  ncl_test_wait_for (app_data_probed, fixture, 30, "the page's findings");

  title = content_string (fixture, "title");
  g_assert_cmpstr (title, ==, "img:error fetch:error xhr:error resource:error bridge:none");
  g_assert_cmpuint (fixture->opened->len, ==, 0);

  g_clear_pointer (&app_data_page, g_free);
}

/* A talk title as a hostile post could write it: Markdown decodes the
 * entities, so the title holds the characters themselves. */
#define HOSTILE_TITLE "\"><script>alert(1)</script>"

static const char hostile_post[] =
  "+++\n"
  "title = \"Hostile Titles\"\n"
  "+++\n"
  "\n"
  "### 1. \"&gt;&lt;script&gt;alert(1)&lt;/script&gt;\n"
  "<div class=\"grid-container\">\n"
  " <div class=\"grid-item\">\n"
  "A talk whose title is a script.\n"
  " <a href=\"https://www.youtube.com/watch?v=J0zbYbvYiM8\" target=\"_blank\">\n"
  " <img src=\"/img/social/youtube.png\" height=\"60\" width=\"85\">\n"
  "</a>\n"
  " </div>\n"
  "</div>\n";

static gboolean
script_dialog_cb (GObject  *view,
                  gpointer  dialog,
                  gboolean *dialog_shown)
{
  *dialog_shown = TRUE;
  return TRUE;
}

static gboolean
player_titled (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *title = content_string (fixture, "title");

  return title != NULL && title[0] != '\0' && page_loaded (fixture);
}

static void
test_player_hostile_title (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (hostile_post, strlen (hostile_post));
  g_autoptr(SoupServer) embed_server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) event = NULL;
  g_autoptr(GPtrArray) views = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autofree char *base = server_uri (fixture, "/blog/hostile/");
  g_autofree char *embed_base = NULL;
  g_autofree char *document_title = NULL;
  EmbedRequest request = { 0 };
  gboolean dialog_shown = FALSE;
  gboolean header_shows_title = FALSE;
  NclHighlight *talk;
  GSList *uris;

  event = ncl_post_parse (bytes, NCL_TEST_POST_URI, &error);
  g_assert_no_error (error);
  talk = ncl_event_find_highlight (event, 1);
  g_assert_nonnull (talk);
  g_assert_cmpstr (ncl_highlight_get_title (talk), ==, HOSTILE_TITLE);
  g_assert_nonnull (ncl_highlight_get_video_url (talk));
  ncl_window_set_event (fixture->window, event);

  /* The player frame comes from loopback, not YouTube. */
  soup_server_add_handler (embed_server, NULL, embed_server_cb, &request, NULL);
  soup_server_listen_local (embed_server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (embed_server);
  embed_base = g_strdup_printf ("http://127.0.0.1:%u/embed/", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  g_setenv ("NCL_TEST_PLAYER_BASE_URI", base, TRUE);
  g_setenv ("NCL_TEST_YOUTUBE_EMBED_BASE", embed_base, TRUE);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-video", "s",
                              ncl_highlight_get_video_url (talk));
  g_assert_true (ncl_window_get_showing_web_page (fixture->window));

  /* The web view is WebKit's, from the module: found by its type's name.
   * An alert() that ran would ask it for a dialog. */
  views = ncl_test_find_all (content (fixture), g_type_from_name ("WebKitWebView"));
  g_assert_cmpuint (views->len, ==, 1);
  g_signal_connect (views->pdata[0], "script-dialog", G_CALLBACK (script_dialog_cb), &dialog_shown);

  ncl_test_wait_for (player_titled, fixture, 30, "the player page");
  ncl_test_wait_for (embed_requested, &request, 30, "the player's request");
  ncl_test_settle (500);

  /* The header shows the title as it is written, not as markup. */
  labels = ncl_test_find_all (GTK_WIDGET (ncl_window_get_web_page (fixture->window)), GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), HOSTILE_TITLE) == 0 &&
        gtk_widget_get_mapped (labels->pdata[i]))
      header_shows_title = TRUE;
  g_assert_true (header_shows_title);

  /* The page's title is the text, "<script>" and all: escaped, not run. */
  document_title = content_string (fixture, "title");
  g_assert_cmpstr (document_title, ==, "1. " HOSTILE_TITLE);
  g_assert_false (dialog_shown);

  g_signal_handlers_disconnect_by_func (views->pdata[0], script_dialog_cb, &dialog_shown);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.go-back", NULL);
  ncl_test_wait_for (page_blank, fixture, 30, "the blank page");

  g_unsetenv ("NCL_TEST_PLAYER_BASE_URI");
  g_unsetenv ("NCL_TEST_YOUTUBE_EMBED_BASE");
  soup_server_disconnect (embed_server);
  g_free (request.path);
  g_free (request.query);
  g_free (request.referer);
}

typedef struct
{
  char *result;
  GError *error;
  gboolean done;
} ScriptResult;

static void
script_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ScriptResult *script = user_data;
  g_autoptr(JSCValue) value = NULL;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source), result, &script->error);
  if (value != NULL)
    script->result = jsc_value_to_string (value);
  script->done = TRUE;
}

static gboolean
script_done (gpointer data)
{
  ScriptResult *script = data;

  return script->done;
}

/* What @script gives in the page, as a string. */
static char *
evaluate (WebKitWebView *view,
          const char    *script)
{
  ScriptResult result = { 0 };

  webkit_web_view_evaluate_javascript (view, script, -1, NULL, NULL, NULL, script_done_cb, &result);
  ncl_test_wait_for (script_done, &result, 10, "the script's result");
  g_assert_no_error (result.error);

  return result.result;
}

static cairo_status_t
pdf_write_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A real PDF of @n_pages 16:9 slides, each with a heading, titled @title
 * (or not at all). */
static GBytes *
make_pdf_of (guint       n_pages,
             const char *title)
{
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (pdf_write_cb, bytes, 640, 360);
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cr = cairo_create (surface);
  for (guint i = 1; i <= n_pages; i++)
    {
      g_autofree char *heading = g_strdup_printf ("Slide %u", i);

      cairo_set_source_rgb (cr, 0.2, 0.5, 0.9);
      cairo_paint (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
      cairo_set_font_size (cr, 48);
      cairo_move_to (cr, 40, 180);
      cairo_show_text (cr, heading);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (bytes);
}

/* Two slides, titled "Loopback Slides". */
static GBytes *
make_pdf (void)
{
  return make_pdf_of (2, "Loopback Slides");
}

static WebKitWebView *
web_view (Fixture *fixture)
{
  g_autoptr(GPtrArray) views = ncl_test_find_all (content (fixture), g_type_from_name ("WebKitWebView"));

  g_assert_cmpuint (views->len, ==, 1);
  return views->pdata[0];
}

static gboolean
file_type_page_shown (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *kind = content_string (fixture, "error-kind");

  return g_strcmp0 (kind, "file-type") == 0 && page_loaded (fixture);
}

static void
load_failed_cb (WebKitWebView   *view,
                WebKitLoadEvent  event,
                const char      *failing_uri,
                GError          *error,
                gboolean        *failed)
{
  *failed = TRUE;
}

/* The app's page for a file it cannot show, for @uri, of @mime_type. */
static void
assert_file_type_page (Fixture    *fixture,
                       const char *uri,
                       const char *mime_type)
{
  g_autofree char *shown = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  g_autofree char *named = g_strdup_printf ("“%s”", mime_type);

  ncl_test_wait_for (file_type_page_shown, fixture, 30, "the file type page");
  ncl_test_wait_for (title_shown, fixture, 10, "the page title");

  shown = content_string (fixture, "uri");
  title = content_string (fixture, "title");
  text = evaluate (web_view (fixture), "document.body.innerText");
  g_assert_cmpstr (shown, ==, uri);
  g_assert_cmpstr (title, ==, "This File Cannot Be Shown Here");
  g_assert_nonnull (strstr (text, named));
  /* Open in Browser is the way on: it opens the slides' own address. */
  g_assert_cmpstr (ncl_web_page_get_original_uri (ncl_window_get_web_page (fixture->window)), ==, uri);
  g_assert_cmpuint (fixture->opened->len, ==, 0);
}

static gboolean
pdf_loaded (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *uri = content_string (fixture, "uri");

  return uri != NULL && g_str_has_suffix (uri, "/slides.pdf") && page_loaded (fixture);
}

static void
test_slides_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *uri = server_uri (fixture, "/slides.pdf");
  WebKitWebView *view;
  gboolean failed = FALSE;

  pdf_slides = make_pdf ();

  open_slides (fixture, uri);
  view = web_view (fixture);
  g_signal_connect (view, "load-failed", G_CALLBACK (load_failed_cb), &failed);

  if (webkit_web_view_can_show_mime_type (view, "application/pdf"))
    {
      g_autofree char *error_kind = NULL;
      g_autofree char *document = NULL;

      ncl_test_wait_for (pdf_loaded, fixture, 30, "the PDF to load");
      /* WebKit's own viewer shows it: a PDF document that holds the
       * viewer's frame. */
      document = evaluate (view, "document.contentType + ' ' + (document.querySelector ('iframe') !== null)");
      g_assert_cmpstr (document, ==, "application/pdf true");
      error_kind = content_string (fixture, "error-kind");
      g_assert_cmpstr (webkit_web_view_get_uri (view), ==, uri);
      g_assert_false (failed);
      g_assert_null (error_kind);
    }
  else
    {
      g_test_message ("This WebKitGTK has no PDF viewer");
      assert_file_type_page (fixture, uri, "application/pdf");
    }

  g_signal_handlers_disconnect_by_func (view, load_failed_cb, &failed);
  g_clear_pointer (&pdf_slides, g_bytes_unref);
}

static void
test_slides_unshowable (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *uri = server_uri (fixture, "/slides.zip");

  open_slides (fixture, uri);
  assert_file_type_page (fixture, uri, "application/zip");
}

/* Whether PDF slides go to Poppler in this run: always where WebKit has
 * no viewer, and with NCL_PDF_VIEWER=poppler (the web-pdf-poppler test)
 * where it has one. */
static gboolean
pdf_goes_to_poppler (Fixture    *fixture,
                     const char *test)
{
  WebKitWebView *view = web_view (fixture);

  if (!HAVE_POPPLER)
    return FALSE;
  if (!webkit_web_view_can_show_mime_type (view, "application/pdf") ||
      g_strcmp0 (g_getenv ("NCL_PDF_VIEWER"), "poppler") == 0)
    return TRUE;

  {
    g_autofree char *why = g_strdup_printf ("WebKit shows PDFs itself: the web-pdf-poppler test runs %s "
                                            "with NCL_PDF_VIEWER=poppler", test);

    g_test_skip (why);
  }
  return FALSE;
}

static gboolean
pages_shown (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *kind = content_string (fixture, "error-kind");
  g_autofree char *title = content_string (fixture, "title");

  return kind == NULL && title != NULL && title[0] != '\0' && page_loaded (fixture);
}

/* Each page's picture: its alt text and whether it loaded with a size,
 * then the document's own type and how many pages it says it has. */
static const char pages_script[] =
  "Array.from (document.querySelectorAll ('img')).map (img =>\n"
  "  img.alt + ':' + (img.complete && img.naturalWidth > 0 && img.naturalHeight > 0)).join ('|') +\n"
  "  ' ' + document.contentType + ' ' + document.body.dataset.pages";

/* The PDF at @path (@n_pages pages), opened, drawn by Poppler, titled
 * @title. */
static void
assert_pdf_pages (Fixture    *fixture,
                  const char *path,
                  guint       n_pages,
                  const char *title)
{
  g_autofree char *uri = server_uri (fixture, path);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *pages = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *page_title = NULL;
  g_autofree char *sizes = NULL;
  NclWebPage *page;
  double zoom = 0.0;

  ncl_test_wait_for (pages_shown, fixture, 60, "the PDF's pages");
  page = ncl_window_get_web_page (fixture->window);

  for (guint i = 1; i <= n_pages; i++)
    g_string_append_printf (expected, "%sPage %u of %u:true", i > 1 ? "|" : "", i, n_pages);
  g_string_append_printf (expected, " text/html %u", n_pages);
  pages = evaluate (web_view (fixture), pages_script);
  g_assert_cmpstr (pages, ==, expected->str);

  /* The pictures are drawn at least as fine as they are shown. */
  sizes = evaluate (web_view (fixture),
                    "Array.from (document.querySelectorAll ('main img')).every (img =>\n"
                    "  img.naturalWidth >= img.width && img.width > 100 && img.height > 50)");
  g_assert_cmpstr (sizes, ==, "true");

  /* The page is the PDF's: its address, its title; Open in Browser opens
   * the PDF. */
  shown = content_string (fixture, "uri");
  page_title = content_string (fixture, "title");
  g_assert_cmpstr (shown, ==, uri);
  g_assert_cmpstr (page_title, ==, title);
  g_assert_cmpstr (ncl_web_page_get_title (page), ==, title);
  g_assert_cmpstr (ncl_web_page_get_original_uri (page), ==, uri);
  gtk_widget_activate_action (GTK_WIDGET (page), "web.open-in-browser", NULL);
  ncl_test_wait_for (link_handed_over, fixture, 10, "Open in Browser");
  g_assert_cmpstr (fixture->opened->pdata[0], ==, uri);
  g_ptr_array_set_size (fixture->opened, 0);

  /* Zoom is the view's. */
  gtk_widget_activate_action (GTK_WIDGET (page), "web.zoom-in", NULL);
  g_object_get (content (fixture), "zoom-level", &zoom, NULL);
  g_assert_cmpfloat_with_epsilon (zoom, 1.1, 0.001);
  gtk_widget_activate_action (GTK_WIDGET (page), "web.zoom-reset", NULL);
  g_object_get (content (fixture), "zoom-level", &zoom, NULL);
  g_assert_cmpfloat_with_epsilon (zoom, 1.0, 0.001);

  /* Back leaves for the talks, and the page for a blank one. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.go-back", NULL);
  g_assert_false (ncl_window_get_showing_web_page (fixture->window));
  ncl_test_wait_for (page_blank, fixture, 30, "the blank page");
}

static void
test_slides_pdf_poppler (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *uri = server_uri (fixture, "/three.pdf");

  /* A title that is markup stays text: the page's and the header's. */
  pdf_three = make_pdf_of (3, "Three <img src=x alt='Page 4 of 4'> Slides & \"Friends\"");
  open_slides (fixture, uri);

  if (pdf_goes_to_poppler (fixture, "/ncl/web/pdf-poppler/pages"))
    assert_pdf_pages (fixture, "/three.pdf", 3, "Three <img src=x alt='Page 4 of 4'> Slides & \"Friends\"");
  else if (!HAVE_POPPLER && !webkit_web_view_can_show_mime_type (web_view (fixture), "application/pdf"))
    assert_file_type_page (fixture, uri, "application/pdf");
  else if (!HAVE_POPPLER)
    g_test_skip ("Built without Poppler (-Dpoppler=disabled)");

  g_clear_pointer (&pdf_three, g_bytes_unref);
}

/* A PDF the server calls application/octet-stream is one by its first
 * bytes, titled by its file name; any other such file cannot be shown. */
static void
test_slides_pdf_octet_stream (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *other = server_uri (fixture, "/files/notes.bin");

  pdf_untitled = make_pdf_of (2, NULL);

  if (HAVE_POPPLER)
    {
      g_autofree char *uri = server_uri (fixture, "/files/Deck%20v2.pdf");

      open_slides (fixture, uri);
      assert_pdf_pages (fixture, "/files/Deck%20v2.pdf", 2, "Deck v2.pdf");
    }
  else
    g_test_message ("Built without Poppler: a PDF sent as application/octet-stream cannot be shown");

  open_slides (fixture, other);
  assert_file_type_page (fixture, other, "application/octet-stream");

  g_clear_pointer (&pdf_untitled, g_bytes_unref);
}

static gboolean
pdf_error_shown (gpointer data)
{
  Fixture *fixture = data;
  g_autofree char *kind = content_string (fixture, "error-kind");

  return g_strcmp0 (kind, "pdf") == 0 && page_loaded (fixture);
}

static void
test_slides_pdf_broken (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *uri = server_uri (fixture, "/broken.pdf");
  g_autofree char *shown = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  g_autofree char *images = NULL;

  if (!HAVE_POPPLER)
    {
      g_test_skip ("Built without Poppler (-Dpoppler=disabled)");
      return;
    }

  open_slides (fixture, uri);
  if (!pdf_goes_to_poppler (fixture, "/ncl/web/pdf-poppler/broken"))
    return;

  ncl_test_wait_for (pdf_error_shown, fixture, 30, "the error page");
  ncl_test_wait_for (title_shown, fixture, 10, "the page title");

  shown = content_string (fixture, "uri");
  title = content_string (fixture, "title");
  text = evaluate (web_view (fixture), "document.body.innerText");
  images = evaluate (web_view (fixture), "String (document.images.length)");
  g_assert_cmpstr (shown, ==, uri);
  g_assert_cmpstr (title, ==, "These Slides Cannot Be Shown");
  g_assert_nonnull (strstr (text, "The PDF could not be read"));
  g_assert_nonnull (strstr (text, "Open the slides in the browser"));
  g_assert_cmpstr (images, ==, "0");
  g_assert_cmpstr (ncl_web_page_get_original_uri (ncl_window_get_web_page (fixture->window)), ==, uri);
}

/* "readyState duration paused currentTime error" of the page's only video,
 * or "none", the address and what the page says instead. */
static const char video_state_script[] =
  "(() => {\n"
  "  const videos = document.querySelectorAll ('video');\n"
  "  if (videos.length !== 1) return 'none ' + document.URL + ' ' + document.title + ': ' + document.body.innerText.slice (0, 600);\n"
  "  const v = videos[0];\n"
  "  return [v.readyState, v.duration, v.paused, v.currentTime, v.error ? v.error.code : 0].join (' ');\n"
  "}) ()";

typedef struct
{
  WebKitWebView *view;
  guint ready_state;
  double duration;
  gboolean paused;
  double current_time;
  guint error_code;
} VideoState;

static void
video_state_read (VideoState *state)
{
  g_autofree char *text = evaluate (state->view, video_state_script);
  g_auto(GStrv) fields = NULL;

  if (g_str_has_prefix (text, "none"))
    g_error ("%s", text);
  fields = g_strsplit (text, " ", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 5);
  state->ready_state = (guint)g_ascii_strtoull (fields[0], NULL, 10);
  state->duration = g_ascii_strtod (fields[1], NULL);
  state->paused = g_str_equal (fields[2], "true");
  state->current_time = g_ascii_strtod (fields[3], NULL);
  state->error_code = (guint)g_ascii_strtoull (fields[4], NULL, 10);
  /* A format the player cannot play would never load: fail at once. */
  g_assert_cmpuint (state->error_code, ==, 0);
}

static gboolean
video_metadata_loaded (gpointer data)
{
  VideoState *state = data;

  video_state_read (state);
  /* HAVE_METADATA */
  return state->ready_state >= 1;
}

static gboolean
video_playing (gpointer data)
{
  VideoState *state = data;

  video_state_read (state);
  return !state->paused && state->current_time > 0.2;
}

static void
video_server_cb (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  GBytes *video = user_data;

  if (!g_str_equal (path, "/recordings/talk-3.webm"))
    {
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }

  /* SoupServer answers Range requests from a whole body, as GStreamer's
   * source asks for them. */
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "video/webm", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (video, NULL), g_bytes_get_size (video));
}

/* A recording that is a plain WebM file plays in the player page's own
 * video element, from a real server on loopback; Back stops it. */
static void
test_player_video_file (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *video_path = g_getenv ("NCL_TEST_VIDEO_WEBM");
  g_autoptr(SoupServer) video_server = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) video = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) views = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *left = NULL;
  GSocketService *service;
  VideoState state = { 0 };
  guint16 port;

  if (video_path == NULL || !g_file_test (video_path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("No WebM to play: gst-launch-1.0 (gstreamer1.0-tools) was not found at build time");
      return;
    }

  mapped = g_mapped_file_new (video_path, FALSE, &error);
  g_assert_no_error (error);
  video = g_mapped_file_get_bytes (mapped);
  g_assert_cmpuint (g_bytes_get_size (video), >, 0);

  video_server = soup_server_new (NULL, NULL);
  soup_server_add_handler (video_server, NULL, video_server_cb, video, NULL);
  service = ncl_test_serve_on_loopback (video_server, &port);
  uri = g_strdup_printf ("http://127.0.0.1:%u/recordings/talk-3.webm", port);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-video", "s", uri);
  g_assert_true (ncl_window_get_showing_web_page (fixture->window));
  g_assert_cmpstr (ncl_web_page_get_original_uri (ncl_window_get_web_page (fixture->window)), ==, uri);
  /* The file is nobody's site: the header says where the button goes. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (open_button (fixture)), ==, "Open in Browser");

  ncl_test_wait_for (player_titled, fixture, 30, "the player page");
  shown = content_string (fixture, "uri");
  g_assert_cmpstr (shown, ==, uri);

  views = ncl_test_find_all (content (fixture), WEBKIT_TYPE_WEB_VIEW);
  g_assert_cmpuint (views->len, ==, 1);
  state.view = views->pdata[0];

  /* The metadata: the file's two seconds (50 frames at 25 per second). */
  ncl_test_wait_for (video_metadata_loaded, &state, 30, "the video's metadata");
  g_assert_cmpfloat_with_epsilon (state.duration, 2.0, 0.1);
  g_assert_true (state.paused);

  /* It plays (muted: nothing to hear under Xvfb, and no autoplay rule
   * against it). */
  g_free (evaluate (state.view, "document.querySelector ('video').muted = true; "
                                "document.querySelector ('video').play (); 'started'"));
  ncl_test_wait_for (video_playing, &state, 30, "the video to play");

  /* Back leaves no video behind, playing or not. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.go-back", NULL);
  g_assert_false (ncl_window_get_showing_web_page (fixture->window));
  ncl_test_wait_for (page_blank, fixture, 30, "the blank page");
  left = evaluate (state.view, "document.querySelectorAll ('video').length + ' ' + "
                               "Array.from (document.querySelectorAll ('video'))"
                               ".filter (v => !v.paused).length");
  g_assert_cmpstr (left, ==, "0 0");
  g_assert_false (webkit_web_view_is_playing_audio (state.view));

  ncl_test_stop_serving (service, video_server);
}

/* "“/home/ada/Videos/talk-3.webm” is…": the path, not the URI. */
static gboolean
local_file_toast_shown (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) labels = ncl_test_find_all (GTK_WIDGET (fixture->window), GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (gtk_label_get_text (labels->pdata[i]), "“/home/ada/Videos/talk-3.webm”") &&
        g_str_has_suffix (gtk_label_get_text (labels->pdata[i]),
                          "is a video file on this computer: open it in a video player") &&
        gtk_widget_get_ancestor (labels->pdata[i], g_type_from_name ("AdwToastWidget")) != NULL)
      return TRUE;

  return FALSE;
}

/* WebKit's sandbox reads no file of the user's: a local video file is not
 * opened in a page that could only fail to play it; a toast says why. */
static void
test_player_local_video_file (Fixture       *fixture,
                              gconstpointer  data)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-video", "s",
                              "file:///home/ada/Videos/talk-3.webm");
  g_assert_false (ncl_window_get_showing_web_page (fixture->window));
  ncl_test_wait_for (local_file_toast_shown, fixture, 10, "the toast about the local file");
}

int
main (int   argc,
      char *argv[])
{
  /* The web processes' media player warns of what a test machine lacks
   * and a desktop has (a session bus inside WebKit's sandbox, which
   * dbus-run-session's socket does not reach; GStreamer's GL video sink);
   * made fatal, those warnings end the web process ("The Page Stopped
   * Working") as soon as a video element loads. GLib read G_DEBUG when it
   * started: this process keeps its fatal warnings, only the web processes
   * it starts lose them. WebKit reuses its processes, so this is done
   * before the first. */
  g_setenv ("G_DEBUG", "gc-friendly", TRUE);

  ncl_test_init_gtk (&argc, &argv);

  g_test_add ("/ncl/web/slides-load", Fixture, NULL, fixture_setup, test_slides_load, fixture_teardown);
  g_test_add ("/ncl/web/slides-pdf", Fixture, NULL, fixture_setup, test_slides_pdf, fixture_teardown);
  g_test_add ("/ncl/web/slides-unshowable", Fixture, NULL,
              fixture_setup, test_slides_unshowable, fixture_teardown);
  g_test_add ("/ncl/web/pdf-poppler/pages", Fixture, NULL,
              fixture_setup, test_slides_pdf_poppler, fixture_teardown);
  g_test_add ("/ncl/web/pdf-poppler/octet-stream", Fixture, NULL,
              fixture_setup, test_slides_pdf_octet_stream, fixture_teardown);
  g_test_add ("/ncl/web/pdf-poppler/broken", Fixture, NULL,
              fixture_setup, test_slides_pdf_broken, fixture_teardown);
  g_test_add ("/ncl/web/new-window-link", Fixture, NULL, fixture_setup, test_new_window_link, fixture_teardown);
  g_test_add ("/ncl/web/file-navigation-refused", Fixture, NULL,
              fixture_setup, test_file_navigation_refused, fixture_teardown);
  g_test_add ("/ncl/web/offline-then-retry", Fixture, NULL,
              fixture_setup, test_offline_then_retry, fixture_teardown);
  g_test_add ("/ncl/web/back-restores-focus", Fixture, NULL,
              fixture_setup, test_back_restores_focus, fixture_teardown);
  g_test_add ("/ncl/web/player-page", Fixture, NULL, fixture_setup, test_player_page, fixture_teardown);
  g_test_add ("/ncl/web/local-file-unreadable", Fixture, NULL,
              fixture_setup, test_local_file_unreadable, fixture_teardown);
  g_test_add ("/ncl/web/app-data-unreachable", Fixture, NULL,
              fixture_setup, test_app_data_unreachable, fixture_teardown);
  g_test_add ("/ncl/web/player-hostile-title", Fixture, NULL,
              fixture_setup, test_player_hostile_title, fixture_teardown);
  g_test_add ("/ncl/web/player-vimeo", Fixture, NULL, fixture_setup, test_player_vimeo, fixture_teardown);
  g_test_add ("/ncl/web/player-local-video-file", Fixture, NULL,
              fixture_setup, test_player_local_video_file, fixture_teardown);
  g_test_add ("/ncl/web/player-video-file", Fixture, NULL,
              fixture_setup, test_player_video_file, fixture_teardown);

  return g_test_run ();
}
