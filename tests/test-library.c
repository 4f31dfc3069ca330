/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "ncl-cache.h"
#include "ncl-fetcher.h"
#include "ncl-library.h"
#include "ncl-test-fixture.h"

#include "ncl-test-server.h"

/* Events a person adds, by address or file, each with its own schedule,
 * saved copy and failures, against a real HTTP server on loopback and real
 * files: one broken event never touches another. */

typedef struct
{
  SoupServer *server;
  GSocketService *service;
  char *base;
  char *cache_dir;
  char *schedule;       /* what /schedule serves, as text/plain like real servers */
  guint schedule_status;
  guint requests;
} Fixture;

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *fixture = user_data;

  if (g_str_equal (path, "/schedule"))
    {
      fixture->requests++;
      soup_server_message_set_status (msg, fixture->schedule_status, NULL);
      soup_server_message_set_response (msg, "text/plain; charset=utf-8", SOUP_MEMORY_COPY,
                                        fixture->schedule, strlen (fixture->schedule));
    }
  else
    soup_server_message_set_status (msg, 404, NULL);
}

static char *
fixture_text (const char *name)
{
  g_autoptr(GBytes) bytes = ncl_test_fixture_bytes ("fixtures", "pentabarf", name, NULL);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint16 port;

  fixture->cache_dir = g_dir_make_tmp ("ncl-library-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->schedule = fixture_text ("conference.xml");
  fixture->schedule_status = 200;

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, server_cb, fixture, NULL);
  fixture->service = ncl_test_serve_on_loopback (fixture->server, &port);
  fixture->base = g_strdup_printf ("http://127.0.0.1:%u", port);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", fixture->cache_dir);

  ncl_test_stop_serving (g_steal_pointer (&fixture->service), fixture->server);
  g_clear_object (&fixture->server);
  g_spawn_command_line_sync (rm, NULL, NULL, NULL, NULL);
  g_free (fixture->cache_dir);
  g_free (fixture->base);
  g_free (fixture->schedule);
}

static void
refresh_and_wait (NclSource *source)
{
  ncl_source_refresh (source);
  while (ncl_source_get_refreshing (source))
    g_main_context_iteration (NULL, TRUE);
}

static guint
n_sessions (NclSource *source)
{
  return g_list_model_get_n_items (ncl_event_get_sessions (ncl_source_get_event (source)));
}

static NclLibrary *
new_library (Fixture *fixture)
{
  g_autofree char *cache = g_build_filename (fixture->cache_dir, "cache", NULL);

  return ncl_library_new_with_cache (cache);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->cache_dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return g_filename_to_uri (path, NULL, NULL);
}

/* An address serving XML as text/plain: recognised by its content, named
 * by its title, kept for an offline start. */
static void
test_add_url (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(NclLibrary) library = new_library (fixture);
  g_autoptr(NclLibrary) offline = NULL;
  g_autofree char *url = g_strconcat (fixture->base, "/schedule", NULL);
  g_auto(GStrv) locations = NULL;
  NclSource *source;
  NclSource *again;

  source = ncl_library_add (library, url);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_library_get_sources (library)), ==, 2);
  g_assert_cmpstr (ncl_source_get_name (source), ==, "schedule");
  refresh_and_wait (source);
  g_assert_null (ncl_source_get_error (source));
  g_assert_cmpuint (n_sessions (source), ==, 4);
  g_assert_cmpstr (ncl_source_get_name (source), ==, "ExampleCon 2026");
  g_assert_cmpint (ncl_source_get_state (source), ==, NCL_SOURCE_STATE_FRESH);

  /* The same address twice is one event. */
  again = ncl_library_add (library, url);
  g_assert_true (again == source);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_library_get_sources (library)), ==, 2);
  locations = ncl_library_dup_locations (library);
  g_assert_cmpstrv (locations, ((const char *[]) { url, NULL }));

  /* The next start, offline, shows the saved copy. */
  offline = new_library (fixture);
  ncl_library_set_offline (offline, TRUE);
  source = ncl_library_add (offline, url);
  ncl_library_load_saved (offline);
  g_assert_cmpuint (n_sessions (source), ==, 4);
  g_assert_cmpint (ncl_source_get_state (source), ==, NCL_SOURCE_STATE_SAVED);
}

/* A download that fails, or that is an error page, changes nothing of the
 * event on screen, or of the other events. */
static void
test_failure_keeps_event (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(NclLibrary) library = new_library (fixture);
  g_autofree char *url = g_strconcat (fixture->base, "/schedule", NULL);
  g_autofree char *file = NULL;
  g_autofree char *dst = fixture_text ("dst.xml");
  NclSource *source;
  NclSource *other;
  const GError *error;

  source = ncl_library_add (library, url);
  file = write_file (fixture, "dst.xml", dst);
  other = ncl_library_add (library, file);
  refresh_and_wait (source);
  refresh_and_wait (other);
  g_assert_cmpuint (n_sessions (source), ==, 4);
  g_assert_cmpuint (n_sessions (other), >, 0);

  g_free (fixture->schedule);
  fixture->schedule = g_strdup ("<html><body><h1>502 Bad Gateway</h1></body></html>");
  refresh_and_wait (source);
  error = ncl_source_get_error (source);
  g_assert_error (error, NCL_SOURCE_ERROR, NCL_SOURCE_ERROR_PARSE_FAILED);
  g_assert_cmpuint (n_sessions (source), ==, 4);

  fixture->schedule_status = 404;
  refresh_and_wait (source);
  error = ncl_source_get_error (source);
  g_assert_error (error, NCL_SOURCE_ERROR, NCL_SOURCE_ERROR_FETCH_FAILED);
  g_assert_nonnull (strstr (error->message, "404"));
  g_assert_cmpuint (n_sessions (source), ==, 4);

  g_assert_null (ncl_source_get_error (other));
  g_assert_cmpuint (n_sessions (other), >, 0);
}

/* A file is read again on every refresh; when it breaks, or goes away, the
 * last good copy stays and the message names the file. */
static void
test_add_file (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(NclLibrary) library = new_library (fixture);
  g_autofree char *conference = fixture_text ("conference.xml");
  g_autofree char *truncated = fixture_text ("truncated.xml");
  g_autofree char *uri = write_file (fixture, "examplecon.xml", conference);
  g_autofree char *path = g_filename_from_uri (uri, NULL, NULL);
  NclSource *source;
  const GError *error;

  source = ncl_library_add (library, uri);
  g_assert_cmpstr (ncl_source_get_name (source), ==, "examplecon.xml");
  refresh_and_wait (source);
  g_assert_null (ncl_source_get_error (source));
  g_assert_cmpuint (n_sessions (source), ==, 4);

  g_free (write_file (fixture, "examplecon.xml", truncated));
  refresh_and_wait (source);
  error = ncl_source_get_error (source);
  g_assert_error (error, NCL_SOURCE_ERROR, NCL_SOURCE_ERROR_PARSE_FAILED);
  g_assert_nonnull (strstr (error->message, "line"));
  g_assert_cmpuint (n_sessions (source), ==, 4);

  g_assert_cmpint (g_unlink (path), ==, 0);
  refresh_and_wait (source);
  error = ncl_source_get_error (source);
  g_assert_error (error, NCL_SOURCE_ERROR, NCL_SOURCE_ERROR_FETCH_FAILED);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_cmpuint (n_sessions (source), ==, 4);
}

/* Random bytes are said to be no schedule, naming what was expected. */
static void
test_unknown_format (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(NclLibrary) library = new_library (fixture);
  g_autofree char *uri = write_file (fixture, "noise.bin", "\x01\x02 not a schedule at all \xff");
  NclSource *source;
  const GError *error;

  source = ncl_library_add (library, uri);
  refresh_and_wait (source);
  error = ncl_source_get_error (source);
  g_assert_error (error, NCL_SOURCE_ERROR, NCL_SOURCE_ERROR_PARSE_FAILED);
  g_assert_nonnull (strstr (error->message, "Pentabarf"));
  g_assert_cmpuint (n_sessions (source), ==, 0);
}

/* Removing puts the event aside; putting it back restores it where it was,
 * with its sessions. The built-in event cannot be removed. */
static void
test_remove_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(NclLibrary) library = new_library (fixture);
  g_autofree char *conference = fixture_text ("conference.xml");
  g_autofree char *dst = fixture_text ("dst.xml");
  g_autofree char *first = write_file (fixture, "a.xml", conference);
  g_autofree char *second = write_file (fixture, "b.xml", dst);
  g_autoptr(NclSource) removed = NULL;
  g_autoptr(NclSource) item = NULL;
  GListModel *sources = ncl_library_get_sources (library);
  guint position;

  refresh_and_wait (ncl_library_add (library, first));
  ncl_library_add (library, second);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 3);

  g_assert_cmpuint (ncl_library_remove (library, ncl_library_get_built_in (library)), ==, G_MAXUINT);

  removed = g_list_model_get_item (sources, 1);
  position = ncl_library_remove (library, removed);
  g_assert_cmpuint (position, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 2);

  ncl_library_insert (library, removed, position);
  item = g_list_model_get_item (sources, 1);
  g_assert_true (item == removed);
  g_assert_cmpuint (n_sessions (item), ==, 4);
}

static void
wait_for_refreshes (NclLibrary *library)
{
  GListModel *sources = ncl_library_get_sources (library);
  gboolean busy = TRUE;

  while (busy)
    {
      busy = FALSE;
      for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
        {
          g_autoptr(NclSource) source = g_list_model_get_item (sources, i);

          busy = busy || ncl_source_get_refreshing (source);
        }
      if (busy)
        g_main_context_iteration (NULL, TRUE);
    }
}

/* A start asks the network only for events saved more than an hour ago. */
static void
test_refresh_stale (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(NclLibrary) first = new_library (fixture);
  g_autoptr(NclLibrary) next = NULL;
  g_autofree char *url = g_strconcat (fixture->base, "/schedule", NULL);
  NclSource *source;

  refresh_and_wait (ncl_library_add (first, url));
  g_assert_cmpuint (fixture->requests, ==, 1);

  next = new_library (fixture);
  ncl_source_set_document_uri (ncl_library_get_built_in (next), "post", NULL);
  ncl_source_set_document_uri (ncl_library_get_built_in (next), "agenda", NULL);
  source = ncl_library_add (next, url);
  ncl_library_load_saved (next);
  ncl_library_refresh_stale (next, G_TIME_SPAN_HOUR);
  wait_for_refreshes (next);
  g_assert_cmpuint (fixture->requests, ==, 1);
  g_assert_cmpint (ncl_source_get_state (source), ==, NCL_SOURCE_STATE_SAVED);

  ncl_library_refresh_stale (next, 0);
  wait_for_refreshes (next);
  g_assert_cmpuint (fixture->requests, ==, 2);
  g_assert_cmpint (ncl_source_get_state (source), ==, NCL_SOURCE_STATE_FRESH);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ncl/library/add-url", Fixture, NULL, fixture_setup, test_add_url, fixture_teardown);
  g_test_add ("/ncl/library/failure-keeps-event", Fixture, NULL,
              fixture_setup, test_failure_keeps_event, fixture_teardown);
  g_test_add ("/ncl/library/add-file", Fixture, NULL, fixture_setup, test_add_file, fixture_teardown);
  g_test_add ("/ncl/library/unknown-format", Fixture, NULL,
              fixture_setup, test_unknown_format, fixture_teardown);
  g_test_add ("/ncl/library/remove-and-undo", Fixture, NULL,
              fixture_setup, test_remove_and_undo, fixture_teardown);

  g_test_add ("/ncl/library/refresh-stale", Fixture, NULL,
              fixture_setup, test_refresh_stale, fixture_teardown);

  return g_test_run ();
}
