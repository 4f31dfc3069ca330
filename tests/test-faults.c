/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "ncl-cache.h"
#include "ncl-fetcher.h"
#include "ncl-window.h"

#include "ncl-test-memory.h"
#include "ncl-test-socket.h"
#include "ncl-test-source.h"
#include "ncl-test-util.h"

/*
 * A hostile agenda server, through the whole app: NclSource refreshing a
 * window that shows the agenda. The server first sends a good page, then
 * misbehaves. Each fault must end with a clear problem said to the user,
 * peak memory bounded (measured here), the good agenda kept on screen and
 * on disk, and the main loop never blocked for long (the window keeps
 * drawing frames while it waits).
 *
 * The server is a raw socket in a thread, so it can break HTTP as much as
 * it likes, one connection at a time ("Connection: close").
 */

#define MIB (1024 * 1024)
#define FETCH_TIMEOUT 2

typedef enum
{
  SERVE_GOOD,
  SERVE_TRICKLE_HEADERS,
  SERVE_LYING_LENGTH,
  SERVE_GZIP_BOMB,
  SERVE_NESTED_DIVS,
  SERVE_GARBAGE,
  SERVE_REDIRECT_FILE,
  SERVE_REDIRECT_DATA,
} ServeMode;

typedef struct
{
  ServeMode mode;
  const char *problem;
} Fault;

/* Peak memory a refused download may add, the window's frames included:
 * far below the 50 MiB a lying server sends or the 64 MiB a gzip bomb
 * inflates to. */
#define MEMORY_LIMIT_KIB (16 * 1024)

typedef struct
{
  /* The server thread */
  GSocket *socket;
  GCancellable *stop;
  GThread *thread;
  guint16 port;
  gint mode;
  gint requests;
  GBytes *good;
  GBytes *gzip_bomb;
  GBytes *nested;
  GBytes *garbage;

  /* The app */
  char *cache_dir;
  NclLibrary *library;
  NclSource *source;  /* the library's built-in event */
  NclWindow *window;
  GPtrArray *problems;

  /* Responsiveness while a refresh runs */
  gint64 last_beat;
  gint64 longest_gap;
  guint frames;
} Fixture;

/* ---- The server ---- */

static void
server_send_response (Fixture    *fixture,
                      GSocket    *client,
                      const char *extra_headers,
                      GBytes     *body)
{
  g_autofree char *headers = NULL;
  gsize size = body != NULL ? g_bytes_get_size (body) : 0;

  headers = g_strdup_printf ("HTTP/1.1 200 OK\r\n"
                             "Content-Type: text/html; charset=utf-8\r\n"
                             "Content-Length: %" G_GSIZE_FORMAT "\r\n"
                             "Connection: close\r\n"
                             "%s\r\n",
                             size, extra_headers);
  if (ncl_test_send_all (fixture->stop, client, headers, strlen (headers)) && body != NULL)
    ncl_test_send_all (fixture->stop, client, g_bytes_get_data (body, NULL), size);
}

static void
server_serve (Fixture *fixture,
              GSocket *client)
{
  switch ((ServeMode)g_atomic_int_get (&fixture->mode))
    {
    case SERVE_GOOD:
      server_send_response (fixture, client, "", fixture->good);
      break;

    case SERVE_TRICKLE_HEADERS:
      {
        static const char headers[] =
          "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 2\r\n\r\nok";

        for (const char *p = headers; *p != '\0'; p++)
          {
            if (!ncl_test_send_all (fixture->stop, client, p, 1) || !ncl_test_sleep (fixture->stop, 1000))
              break;
          }
      }
      break;

    case SERVE_LYING_LENGTH:
      {
        static const char headers[] =
          "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1024\r\n\r\n";
        static char filler[64 * 1024];

        memset (filler, 'x', sizeof filler);
        if (ncl_test_send_all (fixture->stop, client, headers, strlen (headers)))
          for (gsize sent = 0; sent < 50 * MIB; sent += sizeof filler)
            if (!ncl_test_send_all (fixture->stop, client, filler, sizeof filler))
              break;
      }
      break;

    case SERVE_GZIP_BOMB:
      server_send_response (fixture, client, "Content-Encoding: gzip\r\n", fixture->gzip_bomb);
      break;

    case SERVE_NESTED_DIVS:
      server_send_response (fixture, client, "", fixture->nested);
      break;

    case SERVE_GARBAGE:
      server_send_response (fixture, client, "", fixture->garbage);
      break;

    case SERVE_REDIRECT_FILE:
    case SERVE_REDIRECT_DATA:
      {
        const char *location = g_atomic_int_get (&fixture->mode) == SERVE_REDIRECT_FILE
                               ? "file:///etc/passwd"
                               : "data:text/html,<table><tr><th>Talk Topic</th></tr></table>";
        g_autofree char *response =
          g_strdup_printf ("HTTP/1.1 302 Found\r\nLocation: %s\r\n"
                           "Content-Length: 0\r\nConnection: close\r\n\r\n", location);

        ncl_test_send_all (fixture->stop, client, response, strlen (response));
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static gpointer
server_thread (gpointer user_data)
{
  Fixture *fixture = user_data;

  while (!g_cancellable_is_cancelled (fixture->stop))
    {
      g_autoptr(GSocket) client = g_socket_accept (fixture->socket, fixture->stop, NULL);
      g_autoptr(GString) request = g_string_new (NULL);

      if (client == NULL)
        break;

      while (strstr (request->str, "\r\n\r\n") == NULL)
        {
          char buffer[4096];
          gssize received = g_socket_receive (client, buffer, sizeof buffer, fixture->stop, NULL);

          if (received <= 0)
            break;
          g_string_append_len (request, buffer, received);
        }

      if (strstr (request->str, "\r\n\r\n") != NULL)
        {
          g_atomic_int_inc (&fixture->requests);
          server_serve (fixture, client);
        }
      g_socket_shutdown (client, FALSE, TRUE, NULL);
      g_socket_close (client, NULL);
    }

  return NULL;
}

static GBytes *
gzip_zeros (gsize total)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autofree guint8 *zeros = g_malloc0 (64 * 1024);
  GByteArray *out = g_byte_array_new ();
  guint8 buffer[16384];
  gsize fed = 0;
  GConverterResult converted;

  do
    {
      g_autoptr(GError) error = NULL;
      gsize in_size = MIN (64 * 1024, total - fed);
      gsize bytes_read = 0;
      gsize bytes_written = 0;

      converted = g_converter_convert (G_CONVERTER (compressor), zeros, in_size,
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

static GBytes *
nested_divs (guint depth)
{
  GString *page = g_string_new ("<!DOCTYPE html>\n<html><body>\n");

  for (guint i = 0; i < depth; i++)
    g_string_append (page, "<div>");
  g_string_append (page, "<table><tr><th>Talk Topic</th><th>Speaker(s)</th>"
                         "<th>Scheduled Start</th><th>Description</th></tr>"
                         "<tr><td>Deep</td><td>Someone</td><td>8:00am</td><td></td></tr></table>");
  for (guint i = 0; i < depth; i++)
    g_string_append (page, "</div>");

  return g_string_free_to_bytes (page);
}

/* Bytes from a fixed seed: the same garbage every run. */
static GBytes *
binary_garbage (gsize size)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  guint8 *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = g_rand_int_range (rand, 0, 256);

  return g_bytes_new_take (data, size);
}

static void
server_start (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  fixture->stop = g_cancellable_new ();
  fixture->socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                  G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (fixture->socket, address, TRUE, &error);
  g_assert_no_error (error);
  g_socket_listen (fixture->socket, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (fixture->socket, &error);
  g_assert_no_error (error);
  fixture->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  fixture->thread = g_thread_new ("fault-server", server_thread, fixture);
}

static void
server_stop (Fixture *fixture)
{
  g_cancellable_cancel (fixture->stop);
  g_thread_join (fixture->thread);
  g_socket_close (fixture->socket, NULL);
  g_clear_object (&fixture->socket);
  g_clear_object (&fixture->stop);
}

/* ---- The app ---- */

static void
problem_cb (NclSource    *source,
            const char   *document,
            const GError *error,
            Fixture      *fixture)
{
  g_ptr_array_add (fixture->problems, g_strdup (error->message));
}

static NclLibrary *
new_library (Fixture *fixture)
{
  g_autoptr(NclCache) cache = ncl_cache_new (fixture->cache_dir);
  g_autoptr(NclFetcher) fetcher = ncl_fetcher_new (cache);
  g_autofree char *agenda_url = g_strdup_printf ("http://127.0.0.1:%u/agenda/", fixture->port);

  ncl_fetcher_set_timeout (fetcher, FETCH_TIMEOUT);
  return ncl_test_library_new (fetcher, NULL, agenda_url);
}

static gboolean
frame_cb (GtkWidget     *widget,
          GdkFrameClock *clock,
          gpointer       user_data)
{
  Fixture *fixture = user_data;

  fixture->frames++;
  return G_SOURCE_CONTINUE;
}

static gboolean
heartbeat_cb (gpointer user_data)
{
  Fixture *fixture = user_data;
  gint64 now = g_get_monotonic_time ();

  fixture->longest_gap = MAX (fixture->longest_gap, now - fixture->last_beat);
  fixture->last_beat = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
not_refreshing (gpointer user_data)
{
  Fixture *fixture = user_data;

  return !ncl_source_get_refreshing (fixture->source);
}

/* Refreshes and waits for the end, watching how long the main loop was
 * ever kept from running and how many frames the window drew. */
static double
refresh_and_wait (Fixture *fixture)
{
  gint64 started = g_get_monotonic_time ();
  guint heartbeat;

  fixture->frames = 0;
  fixture->longest_gap = 0;
  fixture->last_beat = started;
  heartbeat = g_timeout_add (10, heartbeat_cb, fixture);

  ncl_source_refresh (fixture->source);
  g_assert_true (ncl_source_get_refreshing (fixture->source));
  ncl_test_wait_for (not_refreshing, fixture, 30, "the refresh to end");

  g_source_remove (heartbeat);
  return (g_get_monotonic_time () - started) / (double)G_USEC_PER_SEC;
}

static guint
n_sessions (NclSource *source)
{
  return g_list_model_get_n_items (ncl_event_get_sessions (ncl_source_get_event (source)));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *good_path = g_test_build_filename (G_TEST_DIST, "fixtures", "agenda", "normal.html", NULL);
  char *good = NULL;
  gsize good_size;

  g_file_get_contents (good_path, &good, &good_size, &error);
  g_assert_no_error (error);
  fixture->good = g_bytes_new_take (good, good_size);
  fixture->gzip_bomb = gzip_zeros (64 * MIB);
  fixture->nested = nested_divs (100000);
  fixture->garbage = binary_garbage (256 * 1024);
  fixture->mode = SERVE_GOOD;
  server_start (fixture);

  fixture->cache_dir = g_dir_make_tmp ("ncl-faults-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->problems = g_ptr_array_new_with_free_func (g_free);
  fixture->library = new_library (fixture);
  fixture->source = ncl_library_get_built_in (fixture->library);
  g_signal_connect (fixture->source, "problem", G_CALLBACK (problem_cb), fixture);

  fixture->window = g_object_new (NCL_TYPE_WINDOW,
                                  "default-width", 1000,
                                  "default-height", 700,
                                  NULL);
  ncl_window_set_library (fixture->window, fixture->library);
  ncl_window_show_view (fixture->window, "agenda");
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_widget_add_tick_callback (GTK_WIDGET (fixture->window), frame_cb, fixture, NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", fixture->cache_dir);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->source = NULL;
  g_clear_object (&fixture->library);
  ncl_test_settle (50);
  server_stop (fixture);

  g_spawn_command_line_sync (rm, NULL, NULL, NULL, NULL);
  g_free (fixture->cache_dir);
  g_ptr_array_unref (fixture->problems);
  g_bytes_unref (fixture->good);
  g_bytes_unref (fixture->gzip_bomb);
  g_bytes_unref (fixture->nested);
  g_bytes_unref (fixture->garbage);
}

static void
test_fault (Fixture       *fixture,
            gconstpointer  data)
{
  const Fault *fault = data;
  g_autoptr(NclSession) first = NULL;
  g_autoptr(NclLibrary) next_start = NULL;
  NclSource *next_source;
  GListModel *sessions;
  MemoryProbe probe;
  guint64 growth;
  double seconds;
  gint64 gap_limit;

  /* A good refresh first: the agenda the fault must not take away. */
  refresh_and_wait (fixture);
  g_assert_cmpuint (fixture->problems->len, ==, 0);
  g_assert_cmpuint (n_sessions (fixture->source), ==, 5);
  sessions = ncl_event_get_sessions (ncl_source_get_event (fixture->source));
  first = g_list_model_get_item (sessions, 0);
  /* The agenda's first frames (software rendering here) are not the
   * fault's. */
  ncl_test_settle (500);

  g_atomic_int_set (&fixture->mode, fault->mode);
  memory_probe_start (&probe);
  seconds = refresh_and_wait (fixture);
  growth = memory_probe_growth (&probe);

  g_test_message ("refused in %.2f s; peak memory +%" G_GUINT64_FORMAT " KiB; "
                  "main loop blocked at most %" G_GINT64_FORMAT " ms; %u frames drawn; "
                  "problem: %s",
                  seconds, growth, fixture->longest_gap / 1000, fixture->frames,
                  fixture->problems->len > 0 ? (char *)fixture->problems->pdata[0] : "(none)");

  /* A clear error, said once. */
  g_assert_cmpuint (fixture->problems->len, ==, 1);
  if (strstr (fixture->problems->pdata[0], fault->problem) == NULL)
    g_error ("“%s” does not say “%s”", (char *)fixture->problems->pdata[0], fault->problem);

  /* The good agenda stays on screen, the same objects ... */
  g_assert_cmpuint (n_sessions (fixture->source), ==, 5);
  {
    g_autoptr(NclSession) still = g_list_model_get_item (sessions, 0);

    g_assert_true (still == first);
    g_assert_cmpstr (ncl_session_get_title (still), ==, ncl_session_get_title (first));
  }

  /* ... and on disk: the next start, offline, shows it. */
  next_start = new_library (fixture);
  next_source = ncl_library_get_built_in (next_start);
  ncl_library_set_offline (next_start, TRUE);
  ncl_library_load_saved (next_start);
  g_assert_cmpuint (n_sessions (next_source), ==, 5);
  g_assert_cmpint (ncl_source_get_state (next_source), ==, NCL_SOURCE_STATE_SAVED);

  /* The window kept running: the main loop was never held for long, and
   * a wait of seconds was seconds of frames. */
  gap_limit = (memory_is_instrumented () ? 1000 : 250) * 1000;
  g_assert_cmpint (fixture->longest_gap, <, gap_limit);
  if (seconds > 1.0)
    g_assert_cmpuint (fixture->frames, >=, memory_is_instrumented () ? 2 : (guint)(seconds * 10));

  if (!memory_is_instrumented ())
    g_assert_cmpuint (growth, <, MEMORY_LIMIT_KIB);
}

static const Fault trickle_headers = {
  SERVE_TRICKLE_HEADERS, "127.0.0.1 did not answer within 2 seconds",
};
static const Fault lying_length = {
  /* The 1 KiB announced is read, the 50 MiB behind it are not; a KiB of
   * "x" is no agenda. */
  SERVE_LYING_LENGTH, "This page has no agenda table",
};
static const Fault gzip_bomb = {
  SERVE_GZIP_BOMB, "larger than the 5.0\u00a0MiB allowed for a document",
};
static const Fault nested = {
  SERVE_NESTED_DIVS, "Line 3: the agenda page nests its elements more than 256 deep",
};
static const Fault garbage = {
  SERVE_GARBAGE, "the agenda page is not valid UTF-8 text",
};
static const Fault redirect_file = {
  SERVE_REDIRECT_FILE, "“file:///etc/passwd”, which is not a web address",
};
static const Fault redirect_data = {
  SERVE_REDIRECT_DATA, "“data:text/html,",
};

int
main (int   argc,
      char *argv[])
{
  /* GL under Xvfb is emulated in software and takes a third of a second a
   * frame on a small machine: that would measure the emulation, not
   * whether the app keeps the main loop free. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  ncl_test_init_gtk (&argc, &argv);

#define ADD(path, fault) \
  g_test_add ("/ncl/faults/" path, Fixture, &fault, fixture_setup, test_fault, fixture_teardown)

  ADD ("headers-one-byte-a-second", trickle_headers);
  ADD ("lying-content-length", lying_length);
  ADD ("gzip-bomb", gzip_bomb);
  ADD ("nested-divs", nested);
  ADD ("binary-garbage", garbage);
  ADD ("redirect-to-file", redirect_file);
  ADD ("redirect-to-data", redirect_data);

  return g_test_run ();
}
