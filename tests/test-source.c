/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>

#include <libsoup/soup.h>

#include "ncl-cache.h"
#include "ncl-fetcher.h"
#include "ncl-test-source.h"

#include "ncl-test-server.h"

/* The source against a real HTTP server on loopback: what a refresh shows,
 * what it saves, and that a failure keeps the last good data, on screen and
 * on disk. */

typedef struct
{
  SoupServer *server;
  GSocketService *service;
  char *post;
  char *agenda;
  guint agenda_status;
  const char *agenda_type;
  guint requests;
  guint not_modified;
  char *base;
  char *cache_dir;
  GPtrArray *problems;
} Fixture;

static char *
etag_of (const char *body)
{
  return g_strdup_printf ("\"%u\"", g_str_hash (body));
}

static void
serve (Fixture           *fixture,
       SoupServerMessage *msg,
       const char        *body,
       const char        *type,
       guint              status)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  g_autofree char *etag = etag_of (body);

  fixture->requests++;

  if (status == 200 && g_strcmp0 (soup_message_headers_get_one (request, "If-None-Match"), etag) == 0)
    {
      fixture->not_modified++;
      soup_server_message_set_status (msg, 304, NULL);
      return;
    }

  soup_server_message_set_status (msg, status, NULL);
  if (status == 200)
    soup_message_headers_replace (response, "ETag", etag);
  soup_server_message_set_response (msg, type, SOUP_MEMORY_COPY, body, strlen (body));
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *fixture = user_data;

  if (g_str_equal (path, "/post.md"))
    serve (fixture, msg, fixture->post, "text/plain; charset=utf-8", 200);
  else if (g_str_equal (path, "/agenda/"))
    serve (fixture, msg, fixture->agenda, fixture->agenda_type, fixture->agenda_status);
  else
    soup_server_message_set_status (msg, 404, NULL);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *agenda_path = g_test_build_filename (G_TEST_DIST, "fixtures", "agenda", "normal.html", NULL);
  g_autofree char *post = read_file (g_getenv ("NCL_BUNDLED_POST"));
  guint16 port;

  fixture->post = g_strdup (post);
  fixture->agenda = read_file (agenda_path);
  fixture->agenda_status = 200;
  fixture->agenda_type = "text/html; charset=utf-8";
  fixture->problems = g_ptr_array_new_with_free_func (g_free);
  fixture->cache_dir = g_dir_make_tmp ("ncl-source-XXXXXX", &error);
  g_assert_no_error (error);

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

  /* The tests' sources (and their sessions) are gone by now. */
  ncl_test_stop_serving (g_steal_pointer (&fixture->service), fixture->server);
  g_clear_object (&fixture->server);
  g_spawn_command_line_sync (rm, NULL, NULL, NULL, NULL);
  g_free (fixture->cache_dir);
  g_free (fixture->base);
  g_free (fixture->post);
  g_free (fixture->agenda);
  g_ptr_array_unref (fixture->problems);
}

static void
problem_cb (NclSource    *source,
            const char   *document,
            const GError *error,
            Fixture      *fixture)
{
  g_assert_true (error->domain == NCL_SOURCE_ERROR);
  g_assert_true (ncl_source_get_error (source) == error);
  g_ptr_array_add (fixture->problems, g_strdup_printf ("%s: %s", document, error->message));
}

/* A source as a new start of the app makes it, caching in @cache_dir. */
static NclSource *
new_source_in (Fixture    *fixture,
               const char *cache_dir)
{
  g_autoptr(NclCache) cache = ncl_cache_new (cache_dir);
  g_autoptr(NclFetcher) fetcher = ncl_fetcher_new (cache);
  g_autofree char *post_url = g_strconcat (fixture->base, "/post.md", NULL);
  g_autofree char *agenda_url = g_strconcat (fixture->base, "/agenda/", NULL);
  NclSource *source = ncl_test_source_new (fetcher, post_url, agenda_url);

  ncl_fetcher_set_timeout (fetcher, 5);
  g_signal_connect (source, "problem", G_CALLBACK (problem_cb), fixture);
  return source;
}

static NclSource *
new_source (Fixture *fixture)
{
  return new_source_in (fixture, fixture->cache_dir);
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

static void
test_refresh_then_not_modified (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(NclSource) source = NULL;
  g_autofree char *changed = NULL;
  g_autoptr(GDateTime) before = NULL;
  NclHighlight *talk;

  /* The live post has a new title for talk 1. */
  g_auto(GStrv) parts = g_strsplit (fixture->post, "### 1. Serverless and OpenFaaS and NATS", 2);
  changed = g_strjoinv ("### 1. Serverless, OpenFaaS and NATS", parts);
  g_free (fixture->post);
  fixture->post = g_steal_pointer (&changed);

  source = new_source (fixture);
  talk = ncl_event_find_highlight (ncl_source_get_event (source), 1);
  g_assert_cmpstr (ncl_highlight_get_title (talk), ==, "Serverless and OpenFaaS and NATS");
  g_assert_cmpint (ncl_source_get_state (source), ==, NCL_SOURCE_STATE_BUNDLED);
  g_assert_null (ncl_source_get_updated_at (source));

  before = g_date_time_new_now_local ();
  refresh_and_wait (source);

  /* The same talk object, updated; the agenda filled; nothing went wrong. */
  g_assert_true (ncl_event_find_highlight (ncl_source_get_event (source), 1) == talk);
  g_assert_cmpstr (ncl_highlight_get_title (talk), ==, "Serverless, OpenFaaS and NATS");
  g_assert_cmpuint (n_sessions (source), ==, 5);
  g_assert_cmpuint (fixture->problems->len, ==, 0);
  g_assert_null (ncl_source_get_error (source));
  g_assert_cmpint (ncl_source_get_state (source), ==, NCL_SOURCE_STATE_FRESH);
  g_assert_nonnull (ncl_source_get_updated_at (source));
  g_assert_cmpint (g_date_time_compare (ncl_source_get_updated_at (source), before), >=, 0);

  /* Again: conditional requests, answered 304, nothing parsed again. */
  fixture->requests = 0;
  refresh_and_wait (source);
  g_assert_cmpuint (fixture->requests, ==, 2);
  g_assert_cmpuint (fixture->not_modified, ==, 2);
  g_assert_cmpstr (ncl_highlight_get_title (talk), ==, "Serverless, OpenFaaS and NATS");
}

static void
test_failures_keep_good_data (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(NclSource) source = new_source (fixture);
  g_autoptr(NclSource) next_start = NULL;
  g_autofree char *good_agenda = g_strdup (fixture->agenda);

  refresh_and_wait (source);
  g_assert_cmpuint (n_sessions (source), ==, 5);

  /* 404: said, and the agenda on screen stays. */
  fixture->agenda_status = 404;
  refresh_and_wait (source);
  g_assert_cmpuint (fixture->problems->len, ==, 1);
  g_assert_nonnull (strstr (fixture->problems->pdata[0], "404"));
  g_assert_error ((GError *)ncl_source_get_error (source), NCL_SOURCE_ERROR, NCL_SOURCE_ERROR_FETCH_FAILED);
  /* The problem names the document; its message is the cause's alone
   * (the sentence around it is the window's, test-source-status). */
  g_assert_true (g_str_has_prefix (fixture->problems->pdata[0], "agenda: "));
  g_assert_cmpstr (ncl_source_get_error (source)->message, ==, (char *)fixture->problems->pdata[0] + strlen ("agenda: "));
  g_assert_cmpuint (n_sessions (source), ==, 5);

  /* A page that is not an agenda, served as 200: refused, not saved. */
  fixture->agenda_status = 200;
  g_free (fixture->agenda);
  fixture->agenda = g_strdup ("<!DOCTYPE html><title>Moved</title><p>This page moved.</p>");
  refresh_and_wait (source);
  g_assert_cmpuint (fixture->problems->len, ==, 2);
  g_assert_nonnull (strstr (fixture->problems->pdata[1], "agenda table"));
  g_assert_error ((GError *)ncl_source_get_error (source), NCL_SOURCE_ERROR, NCL_SOURCE_ERROR_PARSE_FAILED);
  g_assert_cmpuint (n_sessions (source), ==, 5);
  /* Still fresh: the post was. */
  g_assert_cmpint (ncl_source_get_state (source), ==, NCL_SOURCE_STATE_FRESH);

  /* The next start, offline, still has the good copy from disk. */
  next_start = new_source (fixture);
  ncl_source_set_offline (next_start, TRUE);
  ncl_source_load_saved (next_start);
  g_assert_cmpuint (n_sessions (next_start), ==, 5);
  g_assert_cmpint (ncl_source_get_state (next_start), ==, NCL_SOURCE_STATE_SAVED);
  g_assert_nonnull (ncl_source_get_saved_at (next_start));
  g_assert_null (ncl_source_get_updated_at (next_start));
  g_assert_null (ncl_source_get_error (next_start));

  /* Offline means no request at all. */
  fixture->requests = 0;
  ncl_source_refresh (next_start);
  g_assert_false (ncl_source_get_refreshing (next_start));
  g_assert_cmpuint (fixture->requests, ==, 0);

  /* The live page is good again: a refresh without a failure clears the
   * error. */
  g_free (fixture->agenda);
  fixture->agenda = g_steal_pointer (&good_agenda);
  refresh_and_wait (source);
  g_assert_cmpuint (fixture->problems->len, ==, 2);
  g_assert_null (ncl_source_get_error (source));
}

/* The cache folder cannot be made (its parent is a file: that stops root
 * too, as a read-only folder would not): the fresh data shows all the
 * same, and the source says, as data, that it is not saved. */
static void
test_save_fails (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->cache_dir, "not-a-folder", NULL);
  g_autofree char *cache_dir = g_build_filename (file, "cache", NULL);
  g_autoptr(NclSource) source = NULL;
  g_autoptr(NclSource) next_start = NULL;
  g_autoptr(GError) error = NULL;
  const GError *source_error;

  g_file_set_contents (file, "", 0, &error);
  g_assert_no_error (error);

  source = new_source_in (fixture, cache_dir);
  refresh_and_wait (source);

  /* Fresh on screen ... */
  g_assert_cmpint (ncl_source_get_state (source), ==, NCL_SOURCE_STATE_FRESH);
  g_assert_nonnull (ncl_source_get_updated_at (source));
  g_assert_cmpuint (n_sessions (source), ==, 5);

  /* ... and not saved, both documents said; the message names the folder
   * and why. */
  g_assert_cmpuint (fixture->problems->len, ==, 2);
  source_error = ncl_source_get_error (source);
  g_assert_error ((GError *)source_error, NCL_SOURCE_ERROR, NCL_SOURCE_ERROR_SAVE_FAILED);
  g_test_message ("save failed: %s", source_error->message);
  g_assert_nonnull (strstr (source_error->message, cache_dir));
  g_assert_nonnull (strstr (source_error->message, g_strerror (ENOTDIR)));

  /* Each refresh tries again, and says so again: the source tells every
   * failure, the window tells a person once. */
  refresh_and_wait (source);
  g_assert_cmpuint (fixture->problems->len, ==, 4);
  g_assert_error ((GError *)ncl_source_get_error (source), NCL_SOURCE_ERROR, NCL_SOURCE_ERROR_SAVE_FAILED);
  g_assert_cmpint (ncl_source_get_state (source), ==, NCL_SOURCE_STATE_FRESH);

  /* Nothing was kept: the next start, offline, has only the built-in
   * post. */
  next_start = new_source_in (fixture, cache_dir);
  ncl_source_set_offline (next_start, TRUE);
  ncl_source_load_saved (next_start);
  g_assert_cmpint (ncl_source_get_state (next_start), ==, NCL_SOURCE_STATE_BUNDLED);
  g_assert_cmpuint (n_sessions (next_start), ==, 0);
}

static void
test_changed_agenda_updates_in_place (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(NclSource) source = new_source (fixture);
  g_auto(GStrv) parts = NULL;
  g_autoptr(NclSession) lunch = NULL;
  GListModel *sessions;

  refresh_and_wait (source);
  sessions = ncl_event_get_sessions (ncl_source_get_event (source));
  lunch = g_list_model_get_item (sessions, 3);
  g_assert_cmpstr (ncl_session_get_title (lunch), ==, "Lunch Talk");

  /* A time moved on the live page. */
  parts = g_strsplit (fixture->agenda, "<td>12:00pm</td>", 2);
  g_free (fixture->agenda);
  fixture->agenda = g_strjoinv ("<td>12:45pm</td>", parts);
  refresh_and_wait (source);

  {
    g_autoptr(NclSession) same = g_list_model_get_item (sessions, 3);

    g_assert_true (same == lunch);
    g_assert_cmpint (g_date_time_get_minute (ncl_session_get_start (lunch)), ==, 45);
  }
}

int
main (int   argc,
      char *argv[])
{
  /* No G_TEST_OPTION_ISOLATE_DIRS: the cache is a directory of its own, and
   * GLib 2.74 leaks the directories it sets for each test. */
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ncl/source/refresh-then-not-modified", Fixture, NULL,
              fixture_setup, test_refresh_then_not_modified, fixture_teardown);
  g_test_add ("/ncl/source/failures-keep-good-data", Fixture, NULL,
              fixture_setup, test_failures_keep_good_data, fixture_teardown);
  g_test_add ("/ncl/source/save-fails", Fixture, NULL,
              fixture_setup, test_save_fails, fixture_teardown);
  g_test_add ("/ncl/source/changed-agenda-updates-in-place", Fixture, NULL,
              fixture_setup, test_changed_agenda_updates_in_place, fixture_teardown);

  return g_test_run ();
}
