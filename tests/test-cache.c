/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "ncl-cache.h"
#include "ncl-test-socket.h"

/* The on-disk cache: what goes in comes out, a damaged entry is absent
 * (never half-read, never a crash), and an app killed while saving leaves
 * the old entry or the new one. */

#define URI "https://nats.io/blog/nats-connect-live-2020/"
#define WRITER_BODY_SIZE (4 * 1024 * 1024)

typedef struct
{
  char *directory;
  NclCache *cache;
} Fixture;

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

      g_assert_cmpint (g_remove (child), ==, 0);
    }

  g_assert_cmpint (g_rmdir (path), ==, 0);
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint count = 0;

  if (dir == NULL)
    return 0;

  while (g_dir_read_name (dir) != NULL)
    count++;

  return count;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = g_dir_make_tmp ("ncl-test-cache-XXXXXX", &error);

  g_assert_no_error (error);
  /* A folder that does not exist yet, as on the app's first start. */
  fixture->directory = g_build_filename (parent, "io.nats.ConnectLive", NULL);
  fixture->cache = ncl_cache_new (fixture->directory);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *parent = g_path_get_dirname (fixture->directory);

  g_clear_object (&fixture->cache);
  remove_tree (fixture->directory);
  remove_tree (parent);
  g_clear_pointer (&fixture->directory, g_free);
}

static GBytes *
text_bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static void
store (Fixture    *fixture,
       const char *uri,
       const char *body,
       const char *etag)
{
  g_autoptr(GBytes) bytes = text_bytes (body);
  g_autoptr(GError) error = NULL;

  ncl_cache_store (fixture->cache, uri, NULL, bytes, "text/markdown", etag,
                   "Wed, 21 Oct 2015 07:28:00 GMT", &error);
  g_assert_no_error (error);
}

static void
assert_body (NclCacheEntry *entry,
             const char    *expected)
{
  GBytes *bytes = ncl_cache_entry_get_bytes (entry);

  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   expected, strlen (expected));
}

static void
assert_corrupt (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclCacheEntry) entry = ncl_cache_lookup (fixture->cache, URI, &error);

  g_assert_null (entry);
  g_assert_error (error, NCL_CACHE_ERROR, NCL_CACHE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, URI));
}

static GBytes *
read_entry_file (Fixture *fixture)
{
  g_autofree char *path = ncl_cache_get_path (fixture->cache, URI);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
write_entry_file (Fixture      *fixture,
                  const guint8 *data,
                  gsize         length)
{
  g_autofree char *path = ncl_cache_get_path (fixture->cache, URI);
  FILE *file;

  /* In place and without fsync, as a crash or a disk error would leave
   * it: hundreds of damaged files are written per test. (GLib 2.74's
   * G_FILE_SET_CONTENTS_NONE does not truncate, so no GLib here.) */
  file = fopen (path, "wb");
  g_assert_nonnull (file);
  g_assert_cmpuint (fwrite (data, 1, length, file), ==, length);
  g_assert_cmpint (fclose (file), ==, 0);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GBytes) bytes = text_bytes ("# NATS Connect Live\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(NclCacheEntry) entry = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) after = NULL;

  ncl_cache_store (fixture->cache, URI, "https://nats.io/blog/moved/", bytes,
                   "text/markdown", "\"abc\"", "Wed, 21 Oct 2015 07:28:00 GMT", &error);
  g_assert_no_error (error);
  after = g_date_time_new_now_utc ();

  entry = ncl_cache_lookup (fixture->cache, URI, &error);
  g_assert_no_error (error);
  g_assert_nonnull (entry);

  assert_body (entry, "# NATS Connect Live\n");
  g_assert_cmpstr (ncl_cache_entry_get_uri (entry), ==, "https://nats.io/blog/moved/");
  g_assert_cmpstr (ncl_cache_entry_get_content_type (entry), ==, "text/markdown");
  g_assert_cmpstr (ncl_cache_entry_get_etag (entry), ==, "\"abc\"");
  g_assert_cmpstr (ncl_cache_entry_get_last_modified (entry), ==, "Wed, 21 Oct 2015 07:28:00 GMT");
  g_assert_cmpint (g_date_time_compare (ncl_cache_entry_get_saved_at (entry), before), >=, 0);
  g_assert_cmpint (g_date_time_compare (ncl_cache_entry_get_saved_at (entry), after), <=, 0);
  g_assert_cmpint (g_date_time_compare (ncl_cache_entry_get_confirmed_at (entry),
                                        ncl_cache_entry_get_saved_at (entry)), >=, 0);

  /* Optional metadata may be absent; an empty body is still a body. */
  g_clear_pointer (&entry, ncl_cache_entry_unref);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new (NULL, 0);
  ncl_cache_store (fixture->cache, URI, NULL, bytes, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  entry = ncl_cache_lookup (fixture->cache, URI, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (ncl_cache_entry_get_bytes (entry)), ==, 0);
  g_assert_cmpstr (ncl_cache_entry_get_uri (entry), ==, URI);
  g_assert_null (ncl_cache_entry_get_etag (entry));
  g_assert_null (ncl_cache_entry_get_last_modified (entry));
  g_assert_null (ncl_cache_entry_get_content_type (entry));
}

static void
test_missing (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclCacheEntry) entry = ncl_cache_lookup (fixture->cache, URI, &error);

  g_assert_null (entry);
  g_assert_error (error, NCL_CACHE_ERROR, NCL_CACHE_ERROR_NOT_FOUND);
}

static void
test_replace (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclCacheEntry) entry = NULL;
  g_autoptr(NclCacheEntry) other = NULL;

  store (fixture, URI, "first", "\"1\"");
  store (fixture, URI, "second", "\"2\"");
  store (fixture, "https://nats.io/other", "other", NULL);

  entry = ncl_cache_lookup (fixture->cache, URI, &error);
  g_assert_no_error (error);
  assert_body (entry, "second");
  g_assert_cmpstr (ncl_cache_entry_get_etag (entry), ==, "\"2\"");

  other = ncl_cache_lookup (fixture->cache, "https://nats.io/other", &error);
  g_assert_no_error (error);
  assert_body (other, "other");

  /* One file per entry, no temporary files left behind. */
  g_assert_cmpuint (count_files (fixture->directory), ==, 2);
}

static void
test_not_a_cache_file (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char html[] = "<!DOCTYPE html><html><body>Not a cache entry</body></html>";

  store (fixture, URI, "good", NULL);
  write_entry_file (fixture, (const guint8 *)html, sizeof html - 1);
  assert_corrupt (fixture);

  write_entry_file (fixture, (const guint8 *)"", 0);
  assert_corrupt (fixture);
}

static void
test_checksum (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GBytes) contents = NULL;
  g_autofree guint8 *copy = NULL;
  gsize length;

  store (fixture, URI, "The body whose every byte is checked", "\"x\"");
  contents = read_entry_file (fixture);
  length = g_bytes_get_size (contents);

  /* One flipped bit anywhere past the header: in the body, the metadata,
   * the framing. */
  for (gsize offset = 56; offset < length; offset += 7)
    {
      g_clear_pointer (&copy, g_free);
      copy = g_memdup2 (g_bytes_get_data (contents, NULL), length);
      copy[offset] ^= 0x10;
      write_entry_file (fixture, copy, length);
      assert_corrupt (fixture);
    }

  /* And in the header's checksum itself. */
  g_clear_pointer (&copy, g_free);
  copy = g_memdup2 (g_bytes_get_data (contents, NULL), length);
  copy[30] ^= 0x01;
  write_entry_file (fixture, copy, length);
  assert_corrupt (fixture);
}

static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) contents = NULL;
  const guint8 *bytes;
  gsize length;

  store (fixture, URI, "A body that will be cut short at every length", "\"x\"");
  contents = read_entry_file (fixture);
  bytes = g_bytes_get_data (contents, &length);

  for (gsize cut = 0; cut < length; cut++)
    {
      write_entry_file (fixture, bytes, cut);
      assert_corrupt (fixture);
    }

  /* Extra bytes at the end are damage too. */
  {
    g_autofree guint8 *longer = g_malloc0 (length + 3);

    memcpy (longer, bytes, length);
    write_entry_file (fixture, longer, length + 3);
    assert_corrupt (fixture);
  }

  /* And a new store repairs the entry. */
  store (fixture, URI, "repaired", NULL);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(NclCacheEntry) entry = ncl_cache_lookup (fixture->cache, URI, &error);

    g_assert_no_error (error);
    assert_body (entry, "repaired");
  }
}

static void
test_garbage (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GBytes) contents = NULL;
  const guint8 *bytes;
  gsize length;

  store (fixture, URI, "seed", NULL);
  contents = read_entry_file (fixture);
  bytes = g_bytes_get_data (contents, &length);

  /* A valid header followed by noise, and noise alone. */
  for (guint round = 0; round < 100; round++)
    {
      gsize size = g_test_rand_int_range (0, 300);
      g_autofree guint8 *noise = g_malloc (MAX (size, 56));

      for (gsize i = 0; i < size; i++)
        noise[i] = g_test_rand_int_range (0, 256);
      if (round % 2 == 0 && size >= 56)
        memcpy (noise, bytes, 24);

      write_entry_file (fixture, noise, size);
      assert_corrupt (fixture);
    }
}

/* The entry of one address copied under another's name is not believed. */
static void
test_other_address (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GBytes) contents = NULL;

  store (fixture, "https://example.com/", "someone else's", NULL);
  {
    g_autofree char *path = ncl_cache_get_path (fixture->cache, "https://example.com/");
    g_autoptr(GError) error = NULL;
    char *text = NULL;
    gsize length;

    g_file_get_contents (path, &text, &length, &error);
    g_assert_no_error (error);
    contents = g_bytes_new_take (text, length);
  }

  write_entry_file (fixture, g_bytes_get_data (contents, NULL), g_bytes_get_size (contents));
  assert_corrupt (fixture);
}

static void
test_touch (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclCacheEntry) before = NULL;
  g_autoptr(NclCacheEntry) after = NULL;
  gboolean touched;

  touched = ncl_cache_touch (fixture->cache, URI, &error);
  g_assert_error (error, NCL_CACHE_ERROR, NCL_CACHE_ERROR_NOT_FOUND);
  g_assert_false (touched);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (fixture->directory), ==, 0);

  store (fixture, URI, "confirmed later", "\"c\"");
  before = ncl_cache_lookup (fixture->cache, URI, &error);
  g_assert_no_error (error);

  g_usleep (50 * 1000);
  touched = ncl_cache_touch (fixture->cache, URI, &error);
  g_assert_no_error (error);
  g_assert_true (touched);

  after = ncl_cache_lookup (fixture->cache, URI, &error);
  g_assert_no_error (error);
  assert_body (after, "confirmed later");
  g_assert_cmpint (g_date_time_compare (ncl_cache_entry_get_saved_at (after),
                                        ncl_cache_entry_get_saved_at (before)), ==, 0);
  g_assert_cmpint (g_date_time_difference (ncl_cache_entry_get_confirmed_at (after),
                                           ncl_cache_entry_get_confirmed_at (before)),
                   >=, 40 * 1000);
}

static void
lookup_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_lookup_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NclCacheEntry) entry = NULL;

  store (fixture, URI, "from a thread", NULL);
  ncl_cache_lookup_async (fixture->cache, URI, NULL, lookup_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  entry = ncl_cache_lookup_finish (fixture->cache, result, &error);
  g_assert_no_error (error);
  assert_body (entry, "from a thread");
}

/* NULL when the entry is missing; fails the test on anything but one of
 * the writer's two bodies in full. */
static NclCacheEntry *
lookup_writer_entry (Fixture  *fixture,
                     gboolean  may_be_missing)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclCacheEntry) entry = ncl_cache_lookup (fixture->cache, URI, &error);
  const guint8 *body;
  gsize size;

  if (entry == NULL && may_be_missing &&
      g_error_matches (error, NCL_CACHE_ERROR, NCL_CACHE_ERROR_NOT_FOUND))
    return NULL;

  g_assert_no_error (error);
  body = g_bytes_get_data (ncl_cache_entry_get_bytes (entry), &size);
  g_assert_cmpuint (size, ==, WRITER_BODY_SIZE);
  g_assert_true (body[0] == 'A' || body[0] == 'B');
  for (gsize i = 1; i < size; i++)
    {
      if (body[i] != body[0])
        g_error ("Byte %" G_GSIZE_FORMAT " of the entry is %c in a body of %c", i, body[i], body[0]);
    }
  g_assert_cmpstr (ncl_cache_entry_get_etag (entry), ==, body[0] == 'A' ? "\"A\"" : "\"B\"");

  return g_steal_pointer (&entry);
}

static guint
count_temporary_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint count = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (!g_str_has_suffix (name, ".entry"))
        count++;
    }

  return count;
}

/* A writer killed at random moments, many of them in the middle of saving,
 * must leave a complete entry every time. */
static void
test_kill_while_writing (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *writer = g_test_build_filename (G_TEST_BUILT, "cache-writer", NULL);
  g_autofree guint8 *sample = g_malloc0 (WRITER_BODY_SIZE);
  g_autoptr(GBytes) sample_bytes = g_bytes_new_static (sample, WRITER_BODY_SIZE);
  g_autoptr(GError) store_error = NULL;
  gint64 started = g_get_monotonic_time ();
  gint64 save_time;
  gint64 start_time = 0;
  guint kills = 0;
  guint mid_write = 0;
  guint seen[2] = { 0, 0 };

  /* How long one save takes here, so that the kills spread over the
   * writer's start and its first few saves on a fast or a slow machine. */
  ncl_cache_store (fixture->cache, "https://example.com/sample", NULL, sample_bytes,
                   NULL, NULL, NULL, &store_error);
  g_assert_no_error (store_error);
  save_time = MAX (g_get_monotonic_time () - started, 5000);

  /* At least 20 kills; more while too few of them hit a save in progress
   * or one body never survived, so the test proves what it says. */
  while (kills < 20 || ((mid_write < 3 || seen[0] == 0 || seen[1] == 0) && kills < 60))
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(NclCacheEntry) entry = NULL;
      g_autoptr(GError) error = NULL;
      guint temporary_before = count_temporary_files (fixture->directory);

      process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error,
                                  writer, fixture->directory, URI,
                                  g_test_rand_bit () ? "A" : "B", NULL);
      g_assert_no_error (error);

      if (kills == 0)
        {
          gint64 spawned = g_get_monotonic_time ();
          gint64 deadline = spawned + 20 * G_USEC_PER_SEC;

          while ((entry = lookup_writer_entry (fixture, TRUE)) == NULL)
            {
              g_assert_cmpint (g_get_monotonic_time (), <, deadline);
              g_usleep (1000);
            }
          g_clear_pointer (&entry, ncl_cache_entry_unref);
          /* The writer's own start (exec, libraries, its two bodies) before
           * its first save: on a loaded machine or a newer GLib it can take
           * longer than a few saves, and a kill before it saves proves
           * nothing. */
          start_time = MAX (g_get_monotonic_time () - spawned - save_time, 0);
        }

      g_usleep (start_time + g_test_rand_int_range (1000, 3 * save_time));
      g_subprocess_force_exit (process);
      g_subprocess_wait (process, NULL, &error);
      g_assert_no_error (error);
      g_assert_false (g_subprocess_get_if_exited (process));
      kills++;

      /* A killed save leaves its temporary file behind. */
      if (count_temporary_files (fixture->directory) > temporary_before)
        mid_write++;

      entry = lookup_writer_entry (fixture, FALSE);
      seen[ncl_cache_entry_get_etag (entry)[1] == 'A' ? 0 : 1]++;
    }

  g_test_message ("%u kills, %u during a save (one takes %" G_GINT64_FORMAT " ms, the writer "
                  "starts in %" G_GINT64_FORMAT " ms); the entry was A %u times, B %u times",
                  kills, mid_write, save_time / 1000, start_time / 1000, seen[0], seen[1]);
  g_assert_cmpuint (mid_write, >=, 1);
  g_assert_cmpuint (seen[0], >=, 1);
  g_assert_cmpuint (seen[1], >=, 1);
}

/* ---- A picture download killed half-way ---- */

#define PICTURE_URI_PATH "/slides/picture.png"
#define PICTURE_SIZE (512 * 1024)
#define PICTURE_CHUNK (16 * 1024)

typedef struct
{
  GSocket *socket;
  GCancellable *stop;
  GThread *thread;
  guint16 port;
  gint served;
  gint completed;
  gint cut;
  gint in_body;
} SlowServer;

/* Each request gets the next of two pictures, all "A" or all "B", a chunk
 * every 5 ms: about 160 ms a picture, most of it mid-body. */
static void
slow_serve (SlowServer *server,
            GSocket    *client)
{
  static char chunk[PICTURE_CHUNK];
  g_autofree char *headers = NULL;
  char fill = g_atomic_int_add (&server->served, 1) % 2 == 0 ? 'A' : 'B';

  memset (chunk, fill, sizeof chunk);
  headers = g_strdup_printf ("HTTP/1.1 200 OK\r\n"
                             "Content-Type: image/png\r\n"
                             "Content-Length: %d\r\n"
                             "Connection: close\r\n\r\n",
                             PICTURE_SIZE);
  if (!ncl_test_send_all (server->stop, client, headers, strlen (headers)))
    return;

  g_atomic_int_set (&server->in_body, 1);
  for (gsize sent = 0; sent < PICTURE_SIZE; sent += PICTURE_CHUNK)
    {
      if (!ncl_test_send_all (server->stop, client, chunk, PICTURE_CHUNK))
        {
          g_atomic_int_inc (&server->cut);
          g_atomic_int_set (&server->in_body, 0);
          return;
        }
      g_usleep (5000);
    }
  g_atomic_int_set (&server->in_body, 0);
  g_atomic_int_inc (&server->completed);
}

static gpointer
slow_thread (gpointer user_data)
{
  SlowServer *server = user_data;

  while (!g_cancellable_is_cancelled (server->stop))
    {
      g_autoptr(GSocket) client = g_socket_accept (server->socket, server->stop, NULL);
      g_autoptr(GString) request = g_string_new (NULL);

      if (client == NULL)
        break;

      while (strstr (request->str, "\r\n\r\n") == NULL)
        {
          char buffer[4096];
          gssize received = g_socket_receive (client, buffer, sizeof buffer, server->stop, NULL);

          if (received <= 0)
            break;
          g_string_append_len (request, buffer, received);
        }

      if (strstr (request->str, "\r\n\r\n") != NULL)
        slow_serve (server, client);
      g_socket_close (client, NULL);
    }

  return NULL;
}

static SlowServer *
slow_server_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  SlowServer *server = g_new0 (SlowServer, 1);

  server->stop = g_cancellable_new ();
  server->socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (server->socket, address, TRUE, &error);
  g_assert_no_error (error);
  g_socket_listen (server->socket, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (server->socket, &error);
  g_assert_no_error (error);
  server->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  server->thread = g_thread_new ("slow-server", slow_thread, server);

  return server;
}

static void
slow_server_stop (SlowServer *server)
{
  g_cancellable_cancel (server->stop);
  g_thread_join (server->thread);
  g_socket_close (server->socket, NULL);
  g_clear_object (&server->socket);
  g_clear_object (&server->stop);
  g_free (server);
}

/* What the killed download left: nothing (no picture came in whole yet),
 * or one whole picture, never part of one. */
static char
lookup_picture (Fixture    *fixture,
                const char *uri)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclCacheEntry) entry = ncl_cache_lookup (fixture->cache, uri, &error);
  const guint8 *body;
  gsize size;

  if (entry == NULL && g_error_matches (error, NCL_CACHE_ERROR, NCL_CACHE_ERROR_NOT_FOUND))
    return 0;

  g_assert_no_error (error);
  body = g_bytes_get_data (ncl_cache_entry_get_bytes (entry), &size);
  g_assert_cmpuint (size, ==, PICTURE_SIZE);
  g_assert_true (body[0] == 'A' || body[0] == 'B');
  for (gsize i = 1; i < size; i++)
    {
      if (body[i] != body[0])
        g_error ("Byte %" G_GSIZE_FORMAT " of the picture is %c in a picture of %c", i, body[i], body[0]);
    }
  g_assert_cmpstr (ncl_cache_entry_get_content_type (entry), ==, "image/png");

  return body[0];
}

/* The app killed while it downloads a slide picture (most kills land in
 * the middle of the body) leaves the cache with the previous picture or
 * none, never part of the new one. */
static void
test_kill_during_picture_download (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *helper = g_test_build_filename (G_TEST_BUILT, "picture-fetcher", NULL);
  g_autofree char *uri = NULL;
  SlowServer *server = slow_server_start ();
  guint kills = 0;
  guint mid_body = 0;
  guint empty = 0;
  guint whole = 0;

  uri = g_strdup_printf ("http://127.0.0.1:%u" PICTURE_URI_PATH, server->port);

  /* At least 12 kills; more while too few came mid-body or none found a
   * picture saved by an earlier run (its "old copy"). */
  while (kills < 12 || ((mid_body < 4 || whole == 0) && kills < 40))
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GError) error = NULL;
      gint cut_before = g_atomic_int_get (&server->cut);
      gboolean was_in_body;
      char left;

      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                                  helper, fixture->directory, uri, NULL);
      g_assert_no_error (error);

      /* Sometimes long enough for a picture or two to be saved first. */
      g_usleep (g_test_rand_int_range (50, kills % 3 == 0 ? 600 : 250) * 1000);
      was_in_body = g_atomic_int_get (&server->in_body);
      g_subprocess_force_exit (process);
      g_subprocess_wait (process, NULL, &error);
      g_assert_no_error (error);
      g_assert_false (g_subprocess_get_if_exited (process));
      kills++;

      /* The server sees the connection go while it still sends. */
      for (guint i = 0; i < 200 && was_in_body && g_atomic_int_get (&server->cut) == cut_before; i++)
        g_usleep (1000);
      if (g_atomic_int_get (&server->cut) > cut_before)
        mid_body++;

      left = lookup_picture (fixture, uri);
      if (left == 0)
        empty++;
      else
        whole++;
    }

  g_test_message ("%u kills, %u in the middle of a picture; %u pictures served whole; "
                  "the cache then held a whole picture %u times, none %u times",
                  kills, mid_body, g_atomic_int_get (&server->completed), whole, empty);
  g_assert_cmpuint (mid_body, >=, 4);
  g_assert_cmpuint (whole, >=, 1);

  slow_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/ncl/cache/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("round-trip", test_round_trip);
  ADD ("missing", test_missing);
  ADD ("replace", test_replace);
  ADD ("corrupt/not-a-cache-file", test_not_a_cache_file);
  ADD ("corrupt/checksum", test_checksum);
  ADD ("corrupt/truncated", test_truncated);
  ADD ("corrupt/garbage", test_garbage);
  ADD ("corrupt/other-address", test_other_address);
  ADD ("touch", test_touch);
  ADD ("lookup-async", test_lookup_async);
  ADD ("kill-while-writing", test_kill_while_writing);
  ADD ("kill-during-picture-download", test_kill_during_picture_download);

#undef ADD

  return g_test_run ();
}
