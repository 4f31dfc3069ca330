/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "ncl-fetcher.h"

#include "ncl-test-memory.h"
#include "ncl-test-server.h"
#include "ncl-test-socket.h"

/*
 * Downloads against real servers on loopback: a SoupServer in this process
 * for well-behaved HTTP, and a raw socket in a thread for servers that
 * misbehave in ways libsoup's server would not (never answering, trickling
 * bytes, closing early, lying about the length).
 */

#define MIB (1024 * 1024)
#define APP_USER_AGENT "ConnectLive/" PACKAGE_VERSION " (+https://nats.io/nats_connect/)"
#define LAST_MODIFIED "Wed, 21 Oct 2015 07:28:00 GMT"
/* g_format_size() keeps number and unit together. */
#define NBSP "\xc2\xa0"

typedef struct
{
  char *path;
  char *query;
  char *if_none_match;
  char *if_modified_since;
  char *user_agent;
  char *accept_encoding;
} Request;

typedef enum
{
  RAW_SILENT,
  RAW_TRICKLE_HEADERS,
  RAW_TRICKLE_BODY,
  RAW_CUT_OFF,
  RAW_LYING_LENGTH,
  RAW_UNBOUNDED,
  RAW_DECLARED_LARGE,
} RawMode;

typedef struct
{
  GSocket *socket;
  guint16 port;
  RawMode mode;
  GCancellable *stop;
  GThread *thread;
} RawServer;

typedef struct
{
  SoupServer *server;
  GSocketService *service;
  guint16 port;
  GPtrArray *requests;

  char *doc_body;
  char *doc_etag;
  char *doc_type;
  GBytes *gzip_text;
  GBytes *gzip_bomb;

  char *cache_parent;
  char *cache_dir;
  NclCache *cache;
  NclFetcher *fetcher;

  RawServer *raw;
} Fixture;

static const char doc_v1[] =
  "+++\ntitle = \"NATS Connect Live\"\n+++\n\n### 1. The first talk\n";

static const guint8 png_bytes[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
};

static void
request_free (gpointer data)
{
  Request *request = data;

  g_free (request->path);
  g_free (request->query);
  g_free (request->if_none_match);
  g_free (request->if_modified_since);
  g_free (request->user_agent);
  g_free (request->accept_encoding);
  g_free (request);
}

/* ---- Gzip bodies, built with GIO's own compressor ---- */

static GBytes *
gzip_repeated (const guint8 *chunk,
               gsize         chunk_size,
               gsize         total)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  GByteArray *out = g_byte_array_new ();
  guint8 buffer[16384];
  gsize fed = 0;
  GConverterResult converted;

  do
    {
      g_autoptr(GError) error = NULL;
      gsize offset = fed % chunk_size;
      gsize in_size = MIN (chunk_size - offset, total - fed);
      gsize bytes_read = 0;
      gsize bytes_written = 0;

      converted = g_converter_convert (G_CONVERTER (compressor),
                                       chunk + offset, in_size,
                                       buffer, sizeof buffer,
                                       fed + in_size >= total ? G_CONVERTER_INPUT_AT_END
                                                              : G_CONVERTER_NO_FLAGS,
                                       &bytes_read, &bytes_written, &error);
      g_assert_no_error (error);
      fed += bytes_read;
      g_byte_array_append (out, buffer, bytes_written);
    }
  while (converted != G_CONVERTER_FINISHED);

  return g_byte_array_free_to_bytes (out);
}

/* ---- The well-behaved server ---- */

static void
set_body (SoupServerMessage *msg,
          guint              status,
          const char        *content_type,
          const void        *body,
          gsize              size)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, body, size);
}

static void
redirect (SoupServerMessage *msg,
          guint              status,
          const char        *location)
{
  /* Not soup_server_message_set_redirect(): it makes the location
   * absolute, and relative ones are part of what is tested. */
  soup_server_message_set_status (msg, status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Location", location);
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *fixture = user_data;
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response_headers = soup_server_message_get_response_headers (msg);
  Request *request = g_new0 (Request, 1);

  request->path = g_strdup (path);
  request->query = g_strdup (g_uri_get_query (soup_server_message_get_uri (msg)));
  request->if_none_match = g_strdup (soup_message_headers_get_one (request_headers, "If-None-Match"));
  request->if_modified_since = g_strdup (soup_message_headers_get_one (request_headers, "If-Modified-Since"));
  request->user_agent = g_strdup (soup_message_headers_get_one (request_headers, "User-Agent"));
  request->accept_encoding = g_strdup (soup_message_headers_get_one (request_headers, "Accept-Encoding"));
  g_ptr_array_add (fixture->requests, request);

  if (g_str_equal (path, "/doc"))
    {
      if (fixture->doc_etag != NULL)
        soup_message_headers_replace (response_headers, "ETag", fixture->doc_etag);

      if (fixture->doc_etag != NULL && g_strcmp0 (request->if_none_match, fixture->doc_etag) == 0)
        soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      else
        set_body (msg, 200, fixture->doc_type, fixture->doc_body, strlen (fixture->doc_body));
    }
  else if (g_str_equal (path, "/dated"))
    {
      soup_message_headers_replace (response_headers, "Last-Modified", LAST_MODIFIED);
      if (g_strcmp0 (request->if_modified_since, LAST_MODIFIED) == 0)
        soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      else
        set_body (msg, 200, "text/plain", "dated", 5);
    }
  else if (g_str_equal (path, "/status/404"))
    set_body (msg, 404, "text/html", "<h1>Not here</h1>", 17);
  else if (g_str_equal (path, "/status/500"))
    set_body (msg, 500, "text/html", "<h1>Broken</h1>", 15);
  else if (g_str_equal (path, "/pdf"))
    set_body (msg, 200, "application/pdf", "%PDF-1.4", 8);
  else if (g_str_equal (path, "/page"))
    set_body (msg, 200, "text/html; charset=utf-8", "<html><body>page</body></html>", 30);
  else if (g_str_equal (path, "/picture.png"))
    set_body (msg, 200, "image/png", png_bytes, sizeof png_bytes);
  else if (g_str_equal (path, "/loop"))
    redirect (msg, 302, "/loop");
  else if (g_str_has_prefix (path, "/chain/"))
    {
      guint64 left = g_ascii_strtoull (path + strlen ("/chain/"), NULL, 10);

      if (left == 0)
        set_body (msg, 200, "text/plain", "end of the chain", 16);
      else
        {
          g_autofree char *next = g_strdup_printf ("/chain/%" G_GUINT64_FORMAT, left - 1);

          redirect (msg, 307, next);
        }
    }
  else if (g_str_equal (path, "/to-file"))
    redirect (msg, 302, "file:///etc/passwd");
  else if (g_str_equal (path, "/to-data"))
    redirect (msg, 302, "data:text/html,<h1>Hello</h1>");
  else if (g_str_equal (path, "/rel/dir/start"))
    redirect (msg, 302, "../target?from=start");
  else if (g_str_equal (path, "/rel/target"))
    set_body (msg, 200, "text/plain", "relative target", 15);
  else if (g_str_equal (path, "/moved"))
    redirect (msg, 301, "/doc");
  else if (g_str_equal (path, "/gzip") || g_str_equal (path, "/gzip-bomb"))
    {
      GBytes *body = g_str_equal (path, "/gzip") ? fixture->gzip_text : fixture->gzip_bomb;

      soup_message_headers_replace (response_headers, "Content-Encoding", "gzip");
      set_body (msg, 200, "text/html", g_bytes_get_data (body, NULL), g_bytes_get_size (body));
    }
  else
    set_body (msg, 404, "text/plain", "no such path", 12);
}

static char *
server_uri (Fixture    *fixture,
            const char *path)
{
  return g_strdup_printf ("http://127.0.0.1:%u%s", fixture->port, path);
}

static Request *
request_at (Fixture *fixture,
            guint    index)
{
  g_assert_cmpuint (index, <, fixture->requests->len);
  return g_ptr_array_index (fixture->requests, index);
}

/* ---- The misbehaving server: a raw socket served by a thread ---- */

/* Sends @total bytes of filler, or until the client goes away. */
static void
raw_send_filler (RawServer *raw,
                 GSocket   *client,
                 gsize      total)
{
  static char filler[64 * 1024];

  memset (filler, 'x', sizeof filler);
  for (gsize sent = 0; sent < total; sent += sizeof filler)
    {
      if (!ncl_test_send_all (raw->stop, client, filler, MIN (sizeof filler, total - sent)))
        return;
    }
}

static void
raw_serve (RawServer *raw,
           GSocket   *client)
{
  static const char trickled_headers[] =
    "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok";

  switch (raw->mode)
    {
    case RAW_SILENT:
      while (ncl_test_sleep (raw->stop, 100))
        ;
      break;

    case RAW_TRICKLE_HEADERS:
      for (const char *p = trickled_headers; *p != '\0'; p++)
        {
          if (!ncl_test_send_all (raw->stop, client, p, 1) || !ncl_test_sleep (raw->stop, 1000))
            break;
        }
      break;

    case RAW_TRICKLE_BODY:
      {
        static const char headers[] =
          "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n";

        if (!ncl_test_send_all (raw->stop, client, headers, strlen (headers)))
          break;
        while (ncl_test_send_all (raw->stop, client, "x", 1) && ncl_test_sleep (raw->stop, 250))
          ;
      }
      break;

    case RAW_CUT_OFF:
      {
        static const char headers[] =
          "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n";

        if (ncl_test_send_all (raw->stop, client, headers, strlen (headers)))
          raw_send_filler (raw, client, 50000);
        g_socket_shutdown (client, FALSE, TRUE, NULL);
        /* Let the client read what was sent before the close. */
        ncl_test_sleep (raw->stop, 200);
      }
      break;

    case RAW_LYING_LENGTH:
      {
        static const char headers[] =
          "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1024\r\n\r\n";

        if (ncl_test_send_all (raw->stop, client, headers, strlen (headers)))
          raw_send_filler (raw, client, 50 * MIB);
      }
      break;

    case RAW_UNBOUNDED:
      {
        static const char headers[] =
          "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n";

        if (ncl_test_send_all (raw->stop, client, headers, strlen (headers)))
          raw_send_filler (raw, client, 20 * MIB);
      }
      break;

    case RAW_DECLARED_LARGE:
      {
        static const char headers[] =
          "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 20971520\r\n\r\n";

        if (ncl_test_send_all (raw->stop, client, headers, strlen (headers)))
          while (ncl_test_sleep (raw->stop, 100))
            ;
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static gpointer
raw_thread (gpointer user_data)
{
  RawServer *raw = user_data;
  g_autoptr(GSocket) client = NULL;
  g_autoptr(GString) request = g_string_new (NULL);

  client = g_socket_accept (raw->socket, raw->stop, NULL);
  if (client == NULL)
    return NULL;

  while (strstr (request->str, "\r\n\r\n") == NULL)
    {
      char buffer[4096];
      gssize received = g_socket_receive (client, buffer, sizeof buffer, raw->stop, NULL);

      if (received <= 0)
        return NULL;
      g_string_append_len (request, buffer, received);
    }

  raw_serve (raw, client);
  g_socket_close (client, NULL);

  return NULL;
}

static void
raw_start (Fixture *fixture,
           RawMode  mode)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  RawServer *raw = g_new0 (RawServer, 1);

  raw->mode = mode;
  raw->stop = g_cancellable_new ();
  raw->socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (raw->socket, address, TRUE, &error);
  g_assert_no_error (error);
  g_socket_listen (raw->socket, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (raw->socket, &error);
  g_assert_no_error (error);
  raw->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  raw->thread = g_thread_new ("raw-server", raw_thread, raw);

  fixture->raw = raw;
}

static void
raw_stop (RawServer *raw)
{
  g_cancellable_cancel (raw->stop);
  g_thread_join (raw->thread);
  g_socket_close (raw->socket, NULL);
  g_clear_object (&raw->socket);
  g_clear_object (&raw->stop);
  g_free (raw);
}

static char *
raw_uri (Fixture *fixture)
{
  return g_strdup_printf ("http://127.0.0.1:%u/raw", fixture->raw->port);
}

/* ---- Fixture ---- */

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_assert_cmpint (g_remove (child), ==, 0);
    }

  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static guint
count_cache_files (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->cache_dir, 0, NULL);
  guint count = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    count++;

  return count;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  static const char text[] = "<p>Compressed on the wire, plain in the result.</p>\n";

  fixture->requests = g_ptr_array_new_with_free_func (request_free);
  fixture->doc_body = g_strdup (doc_v1);
  fixture->doc_etag = g_strdup ("\"v1\"");
  fixture->doc_type = g_strdup ("text/markdown; charset=utf-8");
  fixture->gzip_text = gzip_repeated ((const guint8 *)text, strlen (text), 100 * strlen (text));
  fixture->gzip_bomb = NULL;

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, server_cb, fixture, NULL);
  fixture->service = ncl_test_serve_on_loopback (fixture->server, &fixture->port);

  fixture->cache_parent = g_dir_make_tmp ("ncl-test-fetcher-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->cache_dir = g_build_filename (fixture->cache_parent, "cache", NULL);
  fixture->cache = ncl_cache_new (fixture->cache_dir);
  fixture->fetcher = ncl_fetcher_new (fixture->cache);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->fetcher);
  if (fixture->raw != NULL)
    g_clear_pointer (&fixture->raw, raw_stop);
  ncl_test_stop_serving (g_steal_pointer (&fixture->service), fixture->server);
  g_clear_object (&fixture->server);
  g_clear_object (&fixture->cache);
  remove_tree (fixture->cache_parent);
  g_clear_pointer (&fixture->cache_parent, g_free);
  g_clear_pointer (&fixture->cache_dir, g_free);
  g_clear_pointer (&fixture->requests, g_ptr_array_unref);
  g_clear_pointer (&fixture->doc_body, g_free);
  g_clear_pointer (&fixture->doc_etag, g_free);
  g_clear_pointer (&fixture->doc_type, g_free);
  g_clear_pointer (&fixture->gzip_text, g_bytes_unref);
  g_clear_pointer (&fixture->gzip_bomb, g_bytes_unref);
  ncl_test_settle_connections ();
}

/* ---- Helpers ---- */

static void
fetch_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static NclFetchResult *
fetch_with (NclFetcher    *fetcher,
            const char    *uri,
            NclFetchKind   kind,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ncl_fetcher_fetch_async (fetcher, uri, kind, cancellable, fetch_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return ncl_fetcher_fetch_finish (fetcher, result, error);
}

static NclFetchResult *
fetch (Fixture       *fixture,
       const char    *path,
       NclFetchKind   kind,
       GError       **error)
{
  g_autofree char *uri = server_uri (fixture, path);

  return fetch_with (fixture->fetcher, uri, kind, NULL, error);
}

static void
assert_bytes (GBytes     *bytes,
              const void *expected,
              gsize       size)
{
  g_assert_nonnull (bytes);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), expected, size);
}

static void
assert_message_contains (const GError *error,
                         const char   *part)
{
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  if (strstr (error->message, part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, part);
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
}

/* ---- Tests ---- */

static void
test_ok (Fixture       *fixture,
         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclFetchResult) result = fetch (fixture, "/doc", NCL_FETCH_DOCUMENT, &error);
  g_autofree char *uri = server_uri (fixture, "/doc");

  g_assert_no_error (error);
  assert_bytes (ncl_fetch_result_get_bytes (result), doc_v1, strlen (doc_v1));
  g_assert_cmpstr (ncl_fetch_result_get_uri (result), ==, uri);
  g_assert_cmpstr (ncl_fetch_result_get_requested_uri (result), ==, uri);
  g_assert_cmpstr (ncl_fetch_result_get_content_type (result), ==, "text/markdown");
  g_assert_cmpstr (ncl_fetch_result_get_etag (result), ==, "\"v1\"");
  g_assert_false (ncl_fetch_result_get_not_modified (result));
  g_assert_false (ncl_fetch_result_get_from_cache (result));
  g_assert_null (ncl_fetch_result_get_saved_at (result));

  g_assert_cmpuint (fixture->requests->len, ==, 1);
  g_assert_null (request_at (fixture, 0)->if_none_match);
  g_assert_null (request_at (fixture, 0)->if_modified_since);
}

static void
test_not_modified (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclFetchResult) first = NULL;
  g_autoptr(NclFetchResult) second = NULL;
  g_autoptr(NclFetcher) restarted = NULL;
  g_autoptr(NclCacheEntry) entry = NULL;
  g_autofree char *uri = server_uri (fixture, "/doc");

  first = fetch (fixture, "/doc", NCL_FETCH_DOCUMENT, &error);
  g_assert_no_error (error);
  ncl_fetcher_store (fixture->fetcher, first, &error);
  g_assert_no_error (error);

  /* The next start of the app: a new fetcher on the same cache. */
  g_usleep (20 * 1000);
  restarted = ncl_fetcher_new (fixture->cache);
  second = fetch_with (restarted, uri, NCL_FETCH_DOCUMENT, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (fixture->requests->len, ==, 2);
  g_assert_cmpstr (request_at (fixture, 1)->if_none_match, ==, "\"v1\"");
  g_assert_true (ncl_fetch_result_get_not_modified (second));
  g_assert_true (ncl_fetch_result_get_from_cache (second));
  g_assert_nonnull (ncl_fetch_result_get_saved_at (second));
  assert_bytes (ncl_fetch_result_get_bytes (second), doc_v1, strlen (doc_v1));
  g_assert_cmpstr (ncl_fetch_result_get_uri (second), ==, uri);
  g_assert_cmpstr (ncl_fetch_result_get_content_type (second), ==, "text/markdown");

  /* The 304 confirmed the copy without rewriting it. */
  entry = ncl_cache_lookup (fixture->cache, uri, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_difference (ncl_cache_entry_get_confirmed_at (entry),
                                           ncl_cache_entry_get_saved_at (entry)), >=, 10 * 1000);
  g_assert_cmpint (g_date_time_compare (ncl_cache_entry_get_saved_at (entry),
                                        ncl_fetch_result_get_saved_at (second)), ==, 0);

  /* Storing a result that came from the cache changes nothing. */
  g_assert_true (ncl_fetcher_store (restarted, second, &error));
  g_assert_no_error (error);
}

static void
test_last_modified (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclFetchResult) first = NULL;
  g_autoptr(NclFetchResult) second = NULL;

  first = fetch (fixture, "/dated", NCL_FETCH_DOCUMENT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ncl_fetch_result_get_last_modified (first), ==, LAST_MODIFIED);
  g_assert_null (ncl_fetch_result_get_etag (first));
  ncl_fetcher_store (fixture->fetcher, first, &error);
  g_assert_no_error (error);

  second = fetch (fixture, "/dated", NCL_FETCH_DOCUMENT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->requests->len, ==, 2);
  g_assert_cmpstr (request_at (fixture, 1)->if_modified_since, ==, LAST_MODIFIED);
  g_assert_null (request_at (fixture, 1)->if_none_match);
  g_assert_true (ncl_fetch_result_get_not_modified (second));
  assert_bytes (ncl_fetch_result_get_bytes (second), "dated", 5);
}

/* "A broken download never replaces good data": a fetch writes nothing,
 * and a result the caller rejects leaves the last good copy in place. */
static void
test_store_rule (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclFetchResult) good = NULL;
  g_autoptr(NclFetchResult) broken = NULL;
  g_autoptr(NclFetchResult) cached = NULL;
  g_autofree char *uri = server_uri (fixture, "/doc");
  static const char not_an_agenda[] = "<html><body>Site maintenance</body></html>";

  good = fetch (fixture, "/doc", NCL_FETCH_DOCUMENT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_cache_files (fixture), ==, 0);
  cached = ncl_fetcher_lookup_cached (fixture->fetcher, uri, &error);
  g_assert_error (error, NCL_CACHE_ERROR, NCL_CACHE_ERROR_NOT_FOUND);
  g_assert_null (cached);
  g_clear_error (&error);

  /* The caller parsed it: now it is kept. */
  g_assert_true (ncl_fetcher_store (fixture->fetcher, good, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_cache_files (fixture), ==, 1);

  /* The server now sends a page that is not what the caller expects. */
  g_free (fixture->doc_body);
  fixture->doc_body = g_strdup (not_an_agenda);
  g_free (fixture->doc_etag);
  fixture->doc_etag = g_strdup ("\"v2\"");
  g_free (fixture->doc_type);
  fixture->doc_type = g_strdup ("text/html");

  broken = fetch (fixture, "/doc", NCL_FETCH_DOCUMENT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (request_at (fixture, 1)->if_none_match, ==, "\"v1\"");
  g_assert_false (ncl_fetch_result_get_not_modified (broken));
  g_assert_false (ncl_fetch_result_get_from_cache (broken));
  assert_bytes (ncl_fetch_result_get_bytes (broken), not_an_agenda, strlen (not_an_agenda));

  /* Rejected by the caller, so never stored: the good copy remains, with
   * its date, for offline use. */
  cached = ncl_fetcher_lookup_cached (fixture->fetcher, uri, &error);
  g_assert_no_error (error);
  assert_bytes (ncl_fetch_result_get_bytes (cached), doc_v1, strlen (doc_v1));
  g_assert_cmpstr (ncl_fetch_result_get_etag (cached), ==, "\"v1\"");
  g_assert_true (ncl_fetch_result_get_from_cache (cached));
  g_assert_false (ncl_fetch_result_get_not_modified (cached));
  g_assert_nonnull (ncl_fetch_result_get_saved_at (cached));
  g_assert_cmpstr (ncl_fetch_result_get_content_type (cached), ==, "text/markdown");
}

static void
test_status (Fixture       *fixture,
             gconstpointer  data)
{
  const char *path = data;
  const char *expected = g_str_equal (path, "/status/404") ? "404 Not Found"
                                                            : "500 Internal Server Error";
  g_autoptr(GError) error = NULL;
  g_autoptr(NclFetchResult) result = fetch (fixture, path, NCL_FETCH_DOCUMENT, &error);

  g_assert_null (result);
  g_assert_error (error, NCL_FETCH_ERROR, NCL_FETCH_ERROR_HTTP_STATUS);
  assert_message_contains (error, "127.0.0.1 answered");
  assert_message_contains (error, expected);
  g_assert_cmpuint (count_cache_files (fixture), ==, 0);
}

static NclFetchResult *
fetch_raw (Fixture  *fixture,
           RawMode   mode,
           guint     timeout,
           double   *seconds,
           GError  **error)
{
  g_autofree char *uri = NULL;
  NclFetchResult *result;
  gint64 start;

  raw_start (fixture, mode);
  uri = raw_uri (fixture);
  g_object_set (fixture->fetcher, "timeout", timeout, NULL);

  start = g_get_monotonic_time ();
  result = fetch_with (fixture->fetcher, uri, NCL_FETCH_DOCUMENT, NULL, error);
  *seconds = seconds_since (start);

  return result;
}

static void
test_timeout_silent (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclFetchResult) result = NULL;
  double seconds;

  result = fetch_raw (fixture, RAW_SILENT, 1, &seconds, &error);
  g_assert_null (result);
  g_assert_error (error, NCL_FETCH_ERROR, NCL_FETCH_ERROR_TIMEOUT);
  assert_message_contains (error, "127.0.0.1 did not answer within 1 second");
  g_assert_cmpfloat (seconds, >=, 0.9);
  g_assert_cmpfloat (seconds, <, 5.0);
}

/* Every byte comes in time for libsoup's own read timeout; only the
 * deadline for the headers as a whole stops this. */
static void
test_timeout_trickled_headers (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclFetchResult) result = NULL;
  double seconds;

  result = fetch_raw (fixture, RAW_TRICKLE_HEADERS, 2, &seconds, &error);
  g_assert_null (result);
  g_assert_error (error, NCL_FETCH_ERROR, NCL_FETCH_ERROR_TIMEOUT);
  assert_message_contains (error, "did not answer within 2 seconds");
  g_assert_cmpfloat (seconds, >=, 1.9);
  g_assert_cmpfloat (seconds, <, 6.0);
}

static void
test_timeout_trickled_body (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclFetchResult) result = NULL;
  double seconds;

  result = fetch_raw (fixture, RAW_TRICKLE_BODY, 1, &seconds, &error);
  g_assert_null (result);
  g_assert_error (error, NCL_FETCH_ERROR, NCL_FETCH_ERROR_TIMEOUT);
  /* A byte every quarter second keeps each read within the timeout, so the
   * limit on the whole download ends it; on a machine so loaded that one
   * byte came a second late, the stall ends it earlier, which is as good. */
  if (strstr (error->message, "stopped sending") != NULL)
    assert_message_contains (error, "127.0.0.1 stopped sending for 1 second");
  else
    {
      assert_message_contains (error, "The download from 127.0.0.1 took longer than 4 seconds");
      g_assert_cmpfloat (seconds, >=, 3.9);
    }
  g_assert_cmpfloat (seconds, <, 8.0);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(NclFetchResult) result = NULL;
  g_autofree char *uri = NULL;

  /* A port that was free a moment ago and has no listener. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, TRUE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  uri = g_strdup_printf ("http://127.0.0.1:%u/", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);

  result = fetch_with (fixture->fetcher, uri, NCL_FETCH_DOCUMENT, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, NCL_FETCH_ERROR, NCL_FETCH_ERROR_NETWORK);
  assert_message_contains (error, "The server at 127.0.0.1 refused the connection");
}

static void
test_cut_off (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclFetchResult) result = NULL;
  double seconds;

  result = fetch_raw (fixture, RAW_CUT_OFF, 5, &seconds, &error);
  g_assert_null (result);
  g_assert_error (error, NCL_FETCH_ERROR, NCL_FETCH_ERROR_CUT_OFF);
  assert_message_contains (error, "The download of http://127.0.0.1:");
  assert_message_contains (error, "was cut off after 50000 bytes");
  g_assert_cmpuint (count_cache_files (fixture), ==, 0);
}

static void
test_too_large_declared (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclFetchResult) result = NULL;
  double seconds;

  result = fetch_raw (fixture, RAW_DECLARED_LARGE, 10, &seconds, &error);
  g_assert_null (result);
  g_assert_error (error, NCL_FETCH_ERROR, NCL_FETCH_ERROR_TOO_LARGE);
  assert_message_contains (error, "The document at 127.0.0.1 is 20.0" NBSP "MiB, "
                                  "more than the 5.0" NBSP "MiB allowed for a document");
  /* Refused on the header, not after waiting for the body. */
  g_assert_cmpfloat (seconds, <, 5.0);
}

static void
test_too_large_streamed (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclFetchResult) result = NULL;
  MemoryProbe probe;
  double seconds;

  memory_probe_start (&probe);
  result = fetch_raw (fixture, RAW_UNBOUNDED, 10, &seconds, &error);
  g_assert_null (result);
  g_assert_error (error, NCL_FETCH_ERROR, NCL_FETCH_ERROR_TOO_LARGE);
  assert_message_contains (error, "The document at 127.0.0.1 is larger than the 5.0" NBSP "MiB allowed");
  memory_probe_assert_growth_below (&probe, 12 * 1024);
}

/* HTTP framing wins over the bytes that follow: the response is the 1 KiB
 * the header announced, and the other 50 MiB are never read. */
static void
test_lying_length (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclFetchResult) result = NULL;
  MemoryProbe probe;
  double seconds;

  memory_probe_start (&probe);
  result = fetch_raw (fixture, RAW_LYING_LENGTH, 10, &seconds, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (ncl_fetch_result_get_bytes (result)), ==, 1024);
  g_assert_cmpfloat (seconds, <, 5.0);
  memory_probe_assert_growth_below (&probe, 12 * 1024);
}

static void
test_gzip (Fixture       *fixture,
           gconstpointer  data)
{
  static const char text[] = "<p>Compressed on the wire, plain in the result.</p>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(NclFetchResult) result = fetch (fixture, "/gzip", NCL_FETCH_DOCUMENT, &error);
  GBytes *bytes;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (request_at (fixture, 0)->accept_encoding, "gzip"));
  bytes = ncl_fetch_result_get_bytes (result);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 100 * strlen (text));
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), strlen (text), text, strlen (text));
}

static void
test_gzip_bomb (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclFetchResult) result = NULL;
  g_autofree guint8 *zeros = g_malloc0 (64 * 1024);
  MemoryProbe probe;

  /* 16 MiB of zeros is a few KiB on the wire. */
  fixture->gzip_bomb = gzip_repeated (zeros, 64 * 1024, 16 * MIB);
  g_assert_cmpuint (g_bytes_get_size (fixture->gzip_bomb), <, 64 * 1024);

  memory_probe_start (&probe);
  result = fetch (fixture, "/gzip-bomb", NCL_FETCH_DOCUMENT, &error);
  g_assert_null (result);
  g_assert_error (error, NCL_FETCH_ERROR, NCL_FETCH_ERROR_TOO_LARGE);
  assert_message_contains (error, "larger than the 5.0" NBSP "MiB allowed for a document");
  memory_probe_assert_growth_below (&probe, 12 * 1024);
}

static void
test_content_type (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclFetchResult) result = NULL;

  result = fetch (fixture, "/pdf", NCL_FETCH_DOCUMENT, &error);
  g_assert_null (result);
  g_assert_error (error, NCL_FETCH_ERROR, NCL_FETCH_ERROR_BAD_CONTENT_TYPE);
  assert_message_contains (error, "127.0.0.1 sent “application/pdf” instead of a page");
  g_clear_error (&error);

  result = fetch (fixture, "/page", NCL_FETCH_PICTURE, &error);
  g_assert_null (result);
  g_assert_error (error, NCL_FETCH_ERROR, NCL_FETCH_ERROR_BAD_CONTENT_TYPE);
  assert_message_contains (error, "127.0.0.1 sent “text/html” instead of a picture");
  g_clear_error (&error);

  result = fetch (fixture, "/picture.png", NCL_FETCH_PICTURE, &error);
  g_assert_no_error (error);
  assert_bytes (ncl_fetch_result_get_bytes (result), png_bytes, sizeof png_bytes);
  g_assert_cmpstr (ncl_fetch_result_get_content_type (result), ==, "image/png");
  g_clear_pointer (&result, ncl_fetch_result_unref);

  result = fetch (fixture, "/page", NCL_FETCH_DOCUMENT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ncl_fetch_result_get_content_type (result), ==, "text/html");
}

static void
test_redirect_loop (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclFetchResult) result = fetch (fixture, "/loop", NCL_FETCH_DOCUMENT, &error);

  g_assert_null (result);
  g_assert_error (error, NCL_FETCH_ERROR, NCL_FETCH_ERROR_TOO_MANY_REDIRECTS);
  assert_message_contains (error, "127.0.0.1 redirected the download more than 5 times");
  /* The first request and five redirects followed; the sixth refused. */
  g_assert_cmpuint (fixture->requests->len, ==, 6);
}

static void
test_redirect_chain (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclFetchResult) result = NULL;
  g_autofree char *end = server_uri (fixture, "/chain/0");
  g_autofree char *start = server_uri (fixture, "/chain/5");

  /* Five redirects are allowed ... */
  result = fetch (fixture, "/chain/5", NCL_FETCH_DOCUMENT, &error);
  g_assert_no_error (error);
  assert_bytes (ncl_fetch_result_get_bytes (result), "end of the chain", 16);
  g_assert_cmpstr (ncl_fetch_result_get_uri (result), ==, end);
  g_assert_cmpstr (ncl_fetch_result_get_requested_uri (result), ==, start);
  g_clear_pointer (&result, ncl_fetch_result_unref);

  /* ... six are not. */
  result = fetch (fixture, "/chain/6", NCL_FETCH_DOCUMENT, &error);
  g_assert_null (result);
  g_assert_error (error, NCL_FETCH_ERROR, NCL_FETCH_ERROR_TOO_MANY_REDIRECTS);
}

static void
test_redirect_bad (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclFetchResult) result = NULL;

  result = fetch (fixture, "/to-file", NCL_FETCH_DOCUMENT, &error);
  g_assert_null (result);
  g_assert_error (error, NCL_FETCH_ERROR, NCL_FETCH_ERROR_BAD_REDIRECT);
  assert_message_contains (error, "“file:///etc/passwd”, which is not a web address");
  g_clear_error (&error);

  result = fetch (fixture, "/to-data", NCL_FETCH_DOCUMENT, &error);
  g_assert_null (result);
  g_assert_error (error, NCL_FETCH_ERROR, NCL_FETCH_ERROR_BAD_REDIRECT);
  assert_message_contains (error, "“data:text/html,<h1>Hello</h1>”");

  /* Neither target was fetched by any means. */
  g_assert_cmpuint (fixture->requests->len, ==, 2);
}

static void
test_redirect_relative (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclFetchResult) result = fetch (fixture, "/rel/dir/start", NCL_FETCH_DOCUMENT, &error);
  g_autofree char *target = server_uri (fixture, "/rel/target?from=start");

  g_assert_no_error (error);
  assert_bytes (ncl_fetch_result_get_bytes (result), "relative target", 15);
  g_assert_cmpstr (ncl_fetch_result_get_uri (result), ==, target);
  g_assert_cmpuint (fixture->requests->len, ==, 2);
  g_assert_cmpstr (request_at (fixture, 1)->path, ==, "/rel/target");
  g_assert_cmpstr (request_at (fixture, 1)->query, ==, "from=start");
}

/* The validators belong to the final address: the redirecting one is asked
 * unconditionally, the target conditionally. */
static void
test_redirect_conditional (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclFetchResult) first = NULL;
  g_autoptr(NclFetchResult) second = NULL;
  g_autofree char *doc = server_uri (fixture, "/doc");

  first = fetch (fixture, "/moved", NCL_FETCH_DOCUMENT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ncl_fetch_result_get_uri (first), ==, doc);
  ncl_fetcher_store (fixture->fetcher, first, &error);
  g_assert_no_error (error);

  second = fetch (fixture, "/moved", NCL_FETCH_DOCUMENT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->requests->len, ==, 4);
  g_assert_cmpstr (request_at (fixture, 2)->path, ==, "/moved");
  g_assert_null (request_at (fixture, 2)->if_none_match);
  g_assert_cmpstr (request_at (fixture, 3)->path, ==, "/doc");
  g_assert_cmpstr (request_at (fixture, 3)->if_none_match, ==, "\"v1\"");
  g_assert_true (ncl_fetch_result_get_not_modified (second));
  g_assert_cmpstr (ncl_fetch_result_get_uri (second), ==, doc);
  assert_bytes (ncl_fetch_result_get_bytes (second), doc_v1, strlen (doc_v1));
}

static void
test_user_agent (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclFetchResult) result = NULL;

  g_assert_cmpstr (ncl_fetcher_get_user_agent (fixture->fetcher), ==, APP_USER_AGENT);
  result = fetch (fixture, "/doc", NCL_FETCH_DOCUMENT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (request_at (fixture, 0)->user_agent, ==, APP_USER_AGENT);
  g_clear_pointer (&result, ncl_fetch_result_unref);

  g_object_set (fixture->fetcher, "user-agent", "Tester/1.0", NULL);
  result = fetch (fixture, "/doc", NCL_FETCH_DOCUMENT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (request_at (fixture, 1)->user_agent, ==, "Tester/1.0");

  ncl_fetcher_set_user_agent (fixture->fetcher, NULL);
  g_assert_cmpstr (ncl_fetcher_get_user_agent (fixture->fetcher), ==, APP_USER_AGENT);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclFetchResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autofree char *uri = NULL;
  gint64 start;

  raw_start (fixture, RAW_SILENT);
  uri = raw_uri (fixture);

  start = g_get_monotonic_time ();
  g_timeout_add (100, cancel_cb, cancellable);
  result = fetch_with (fixture->fetcher, uri, NCL_FETCH_DOCUMENT, cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (seconds_since (start), <, 2.0);
  g_clear_error (&error);

  g_cancellable_cancel (cancelled);
  result = fetch_with (fixture->fetcher, uri, NCL_FETCH_DOCUMENT, cancelled, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_invalid_uri (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const uris[] = {
    "file:///etc/passwd",
    "data:text/plain,hello",
    "not an address",
    "http://",
    "ftp://nats.io/file",
  };

  for (guint i = 0; i < G_N_ELEMENTS (uris); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NclFetchResult) result = NULL;

      result = fetch_with (fixture->fetcher, uris[i], NCL_FETCH_DOCUMENT, NULL, &error);
      g_assert_null (result);
      g_assert_error (error, NCL_FETCH_ERROR, NCL_FETCH_ERROR_INVALID_URI);
      assert_message_contains (error, uris[i]);
    }
}

/* A self-signed certificate for 127.0.0.1, valid for a century: trusted by
 * nobody, which is the point. */
static const char tls_pem[] =
  "-----BEGIN CERTIFICATE-----\n"
  "MIIB0zCCAXqgAwIBAgIURzGqfl9+U8WdKxhBfOxcHtTf66MwCgYIKoZIzj0EAwIw\n"
  "NjESMBAGA1UEAwwJMTI3LjAuMC4xMSAwHgYDVQQKDBdOQVRTIENvbm5lY3QgTGl2\n"
  "ZSB0ZXN0czAgFw0yNjExMjYxMDI2MzRaGA8yMTI2MTEwMjEwMjYzNFowNjESMBAG\n"
  "A1UEAwwJMTI3LjAuMC4xMSAwHgYDVQQKDBdOQVRTIENvbm5lY3QgTGl2ZSB0ZXN0\n"
  "czBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABOcKCpiyikuX2kGPQwEwaqGt3K2X\n"
  "I77WXXOn/aMmU8R9+E6I0o9KDZzCI+zysUIThZznJL3pW2HRHZWljUAsR/6jZDBi\n"
  "MB0GA1UdDgQWBBRXQSPRHn8IQz5U+G1UDadop7P81DAfBgNVHSMEGDAWgBRXQSPR\n"
  "Hn8IQz5U+G1UDadop7P81DAPBgNVHRMBAf8EBTADAQH/MA8GA1UdEQQIMAaHBH8A\n"
  "AAEwCgYIKoZIzj0EAwIDRwAwRAIgaot9lgP3Kvde9JVJxiUpHlPaQJZcYRjdM2bn\n"
  "G0QaHY4CIHSLUn47YIwKEfg+VJmpyDD9aMYXW7AqCezDQT9sj+at\n"
  "-----END CERTIFICATE-----\n"
  "-----BEGIN PRIVATE KEY-----\n"
  "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQghu2kAzQCKeJzniiN\n"
  "cSa1Xy4HkcuarGel5fo9HJSmeHWhRANCAATnCgqYsopLl9pBj0MBMGqhrdytlyO+\n"
  "1l1zp/2jJlPEffhOiNKPSg2cwiPs8rFCE4Wc5yS96Vth0R2VpY1ALEf+\n"
  "-----END PRIVATE KEY-----\n";

typedef struct
{
  GTlsCertificate *certificate;
  guint handshakes_failed;
  guint handshakes_passed;
} TlsServer;

static void
tls_handshake_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  TlsServer *server = user_data;

  if (g_tls_connection_handshake_finish (G_TLS_CONNECTION (object), result, NULL))
    server->handshakes_passed++;
  else
    server->handshakes_failed++;
}

static gboolean
tls_incoming_cb (GSocketService    *service,
                 GSocketConnection *connection,
                 GObject           *source,
                 TlsServer         *server)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOStream) tls = g_tls_server_connection_new (G_IO_STREAM (connection),
                                                         server->certificate, &error);

  g_assert_no_error (error);
  g_tls_connection_handshake_async (G_TLS_CONNECTION (tls), G_PRIORITY_DEFAULT, NULL,
                                    tls_handshake_cb, server);
  return TRUE;
}

static void
test_tls_untrusted (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GSocketService) service = NULL;
  g_autoptr(NclFetchResult) result = NULL;
  g_autofree char *uri = NULL;
  TlsServer server = { NULL, 0, 0 };

#ifdef BUILT_WITH_ASAN
  /* LeakSanitizer's tracer (clang 14, Debian 12) crashes at exit in about
   * half the runs once GnuTLS threads have run; the ordinary and Valgrind
   * runs cover this test. */
  g_test_skip ("GnuTLS threads crash LeakSanitizer at exit");
  return;
#endif

  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_test_skip ("No TLS backend (glib-networking) installed");
      return;
    }

  server.certificate = g_tls_certificate_new_from_pem (tls_pem, -1, &error);
  g_assert_no_error (error);

  /* A server that only ever does the handshake, which the client must
   * refuse; HTTP never starts. */
  service = g_socket_service_new ();
  g_socket_listener_add_address (G_SOCKET_LISTENER (service), address,
                                 G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &bound, &error);
  g_assert_no_error (error);
  g_signal_connect (service, "incoming", G_CALLBACK (tls_incoming_cb), &server);
  uri = g_strdup_printf ("https://127.0.0.1:%u/doc",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_object_set (fixture->fetcher, "timeout", 10, NULL);

  result = fetch_with (fixture->fetcher, uri, NCL_FETCH_DOCUMENT, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, NCL_FETCH_ERROR, NCL_FETCH_ERROR_TLS);
  assert_message_contains (error, "127.0.0.1 could not prove that it is the real 127.0.0.1");

  while (server.handshakes_failed + server.handshakes_passed == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (server.handshakes_passed, ==, 0);

  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
  g_clear_object (&server.certificate);
}

/* Without the network module, a download fails with a message that says
 * so; a lookup of a saved copy never needs it. In a child: the module,
 * once loaded, stays. */
static void
test_module_missing (void)
{
  g_autoptr(NclFetcher) fetcher = NULL;
  g_autoptr(NclFetchResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  g_setenv ("NCL_NET_MODULE_DIR", "/nonexistent/connect-live", TRUE);
  fetcher = ncl_fetcher_new (NULL);
  ncl_fetcher_set_timeout (fetcher, 5);
  ncl_fetcher_set_user_agent (fetcher, "Tester/1.0");

  result = ncl_fetcher_lookup_cached (fetcher, "http://127.0.0.1:1/doc", &error);
  g_assert_null (result);
  g_assert_error (error, NCL_CACHE_ERROR, NCL_CACHE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  result = fetch_with (fetcher, "http://127.0.0.1:1/doc", NCL_FETCH_DOCUMENT, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, NCL_FETCH_ERROR, NCL_FETCH_ERROR_NETWORK);
  assert_message_contains (error, "The network module /nonexistent/connect-live/libncl-net.so could not be loaded: ");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) \
  g_test_add ("/ncl/fetcher/" path, Fixture, data, fixture_setup, func, fixture_teardown)

  ADD ("ok", NULL, test_ok);
  ADD ("conditional/etag", NULL, test_not_modified);
  ADD ("conditional/last-modified", NULL, test_last_modified);
  ADD ("conditional/after-redirect", NULL, test_redirect_conditional);
  ADD ("store-rule", NULL, test_store_rule);
  ADD ("status/404", "/status/404", test_status);
  ADD ("status/500", "/status/500", test_status);
  ADD ("timeout/silent", NULL, test_timeout_silent);
  ADD ("timeout/trickled-headers", NULL, test_timeout_trickled_headers);
  ADD ("timeout/trickled-body", NULL, test_timeout_trickled_body);
  ADD ("refused", NULL, test_refused);
  ADD ("cut-off", NULL, test_cut_off);
  ADD ("too-large/declared", NULL, test_too_large_declared);
  ADD ("too-large/streamed", NULL, test_too_large_streamed);
  ADD ("too-large/lying-length", NULL, test_lying_length);
  ADD ("too-large/gzip-bomb", NULL, test_gzip_bomb);
  ADD ("gzip", NULL, test_gzip);
  ADD ("content-type", NULL, test_content_type);
  ADD ("redirect/loop", NULL, test_redirect_loop);
  ADD ("redirect/chain", NULL, test_redirect_chain);
  ADD ("redirect/not-web", NULL, test_redirect_bad);
  ADD ("redirect/relative", NULL, test_redirect_relative);
  ADD ("user-agent", NULL, test_user_agent);
  ADD ("cancel", NULL, test_cancel);
  ADD ("invalid-uri", NULL, test_invalid_uri);
  ADD ("tls/untrusted", NULL, test_tls_untrusted);

#undef ADD

  g_test_add_func ("/ncl/fetcher/module-missing", test_module_missing);

  return g_test_run ();
}
