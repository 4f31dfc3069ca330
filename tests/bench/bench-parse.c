/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>
#include <json-glib/json-glib.h>
#include <libical/ical.h>
#include <libsoup/soup.h>
#include <libxml/HTMLparser.h>

#include "ncl-nats-agenda-format.h"
#include "ncl-cache.h"
#include "ncl-fetcher.h"
#include "ncl-frab-json-format.h"
#include "ncl-ical-format.h"
#include "ncl-pentabarf-format.h"
#include "ncl-post-format.h"
#include "ncl-test-source.h"
#include "ncl-test-nats.h"

#include "bench-table.h"

/*
 * Parse throughput of the post and agenda parsers, each against the bare
 * library call it is built on (cmark for the post, libxml2's HTML parser for
 * the agenda) on the same bytes in the same run; and the time from a refresh
 * that the server answers 304 to the "Updated" status, against a bare
 * conditional GET with libsoup.
 *
 *   bench-parse POST AGENDA [POST AGENDA …] [SCHEDULE.xml …] [RUNS]
 *
 * Each pair of files is measured in turn (the suite gives the bundled post
 * with the test agenda page, then the generated N = 5,000 ones); the
 * refresh uses the first pair. A Pentabarf schedule (a file ending in
 * .xml; the suite gives the generated FOSDEM-size one) is measured against
 * xmlReadMemory alone.
 */

typedef void (*Work) (GBytes *bytes);

static void
parse_post (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) event = ncl_post_parse (bytes, NCL_TEST_POST_URI, &error);

  g_assert_nonnull (event);
}

static void
bare_cmark (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  cmark_node *document = cmark_parse_document (data, length, CMARK_OPT_DEFAULT);

  cmark_node_free (document);
}

/* The floor under the post parser: cmark, then libxml2 on all of cmark's
 * HTML at once (the parser reads it a talk at a time). */
static void
bare_cmark_libxml2 (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  cmark_node *document = cmark_parse_document (data, length, CMARK_OPT_DEFAULT);
  char *html = cmark_render_html (document, CMARK_OPT_UNSAFE);
  xmlDoc *doc = htmlReadMemory (html, (int)strlen (html), NULL, "UTF-8",
                                HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);

  xmlFreeDoc (doc);
  free (html);
  cmark_node_free (document);
}

static void
parse_agenda (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) schedule = ncl_agenda_parse (bytes, ncl_test_agenda_hints_at ("https://nats.io/nats_connect/"), &error);

  g_assert_nonnull (schedule);
}

static void
parse_pentabarf (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) event = ncl_pentabarf_parse (bytes, NULL, &error);

  g_assert_nonnull (event);
}

static void
parse_frab_json (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) event = ncl_frab_json_parse (bytes, NULL, &error);

  g_assert_nonnull (event);
}

/* The floor under the JSON parser: json-glib reading the same bytes. */
static void
bare_json (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (!json_parser_load_from_data (parser, data, (gssize)length, NULL))
    g_error ("json-glib refused the benchmark's schedule");
}

static void
parse_ical (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) event = ncl_ical_parse (bytes, NULL, &error);

  g_assert_nonnull (event);
}

/* The floor under the iCalendar parser: libical parsing the same text. */
static void
bare_ical (GBytes *bytes)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  icalcomponent *calendar = icalparser_parse_string (text);

  icalcomponent_free (calendar);
}

/* The floor under the Pentabarf parser: libxml2 reading the same bytes,
 * with the same options. */
static void
bare_xml (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  xmlDoc *doc = xmlReadMemory (data, (int)length, NULL, NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                               XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);

  xmlFreeDoc (doc);
}

static void
bare_libxml2 (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  xmlDoc *doc = htmlReadMemory (data, (int)length, NULL, "UTF-8",
                                HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);

  xmlFreeDoc (doc);
}

/* MB/s over batches of at least 50 ms, of @runs batches. */
static BenchStats
throughput (Work    work,
            GBytes *bytes,
            int     runs)
{
  g_autoptr(GArray) rates = g_array_new (FALSE, FALSE, sizeof (double));
  gsize size = g_bytes_get_size (bytes);

  for (int run = 0; run < runs; run++)
    {
      gint64 start = g_get_monotonic_time ();
      guint n = 0;
      double seconds, rate;

      do
        {
          work (bytes);
          n++;
        }
      while (g_get_monotonic_time () - start < 50000);

      seconds = (g_get_monotonic_time () - start) / 1e6;
      rate = (double)size * n / seconds / 1e6;
      g_array_append_val (rates, rate);
    }

  return bench_stats (rates);
}

static void
report_parser (const char *what,
               const char *path,
               const char *bare_name,
               BenchStats  ours,
               BenchStats  bare,
               double      goal)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *measure = g_strdup_printf ("%s parser, %s", what, name);
  g_autofree char *value = bench_cell (ours, 1, "MB/s");
  g_autofree char *bare_value = bench_cell (bare, 1, "MB/s");
  g_autofree char *baseline = g_strdup_printf ("%s %s", bare_value, bare_name);
  g_autofree char *ratio = g_strdup_printf ("%.2f×", ours.median / bare.median);
  g_autofree char *goal_cell = g_strdup_printf ("≥ %.0f MB/s (%s)", goal,
                                                ours.median >= goal ? "met" : "missed");

  printf ("%-34s %-26s %-36s %s, goal %s\n", measure, value, baseline, ratio, goal_cell);
  bench_table_row (measure, value, baseline, ratio, goal_cell);
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  GBytes *body = user_data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);

  if (g_strcmp0 (soup_message_headers_get_one (request, "If-None-Match"), "\"v1\"") == 0)
    {
      soup_server_message_set_status (msg, 304, NULL);
      return;
    }

  soup_server_message_set_status (msg, 200, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "ETag", "\"v1\"");
  soup_server_message_set_response (msg, g_str_has_suffix (path, ".md") ? "text/plain" : "text/html",
                                    SOUP_MEMORY_COPY, g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GBytes *body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);

  g_clear_pointer (&body, g_bytes_unref);
  *(gboolean *)user_data = TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) post = NULL;
  g_autoptr(GBytes) agenda = NULL;
  g_autoptr(SoupServer) post_server = soup_server_new (NULL, NULL);
  g_autoptr(SoupServer) agenda_server = soup_server_new (NULL, NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GArray) refresh_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(NclCache) cache = NULL;
  g_autoptr(NclFetcher) fetcher = NULL;
  g_autoptr(NclSource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cache_dir = NULL;
  g_autofree char *post_url = NULL;
  g_autofree char *agenda_url = NULL;
  char *contents;
  gsize length;
  GSList *uris;
  int runs;
  int n_files = argc - 1;
  double refresh, bare;
  g_autoptr(GPtrArray) schedules = g_ptr_array_new ();

  if (argc < 3)
    {
      fprintf (stderr, "usage: %s POST AGENDA [POST AGENDA …] [SCHEDULE.xml|.json|.ics …] [RUNS]\n", argv[0]);
      return 2;
    }
  /* Schedules come last, before the runs. */
  runs = 15;
  if (g_ascii_isdigit (argv[n_files][0]))
    runs = atoi (argv[n_files--]);
  runs = MAX (runs, 10);
  while (n_files > 2 && (g_str_has_suffix (argv[n_files], ".xml") ||
                         g_str_has_suffix (argv[n_files], ".json") ||
                         g_str_has_suffix (argv[n_files], ".ics")))
    g_ptr_array_insert (schedules, 0, argv[n_files--]);

  setvbuf (stdout, NULL, _IOLBF, 0);
  printf ("parse benchmark, %d batches of ≥ 50 ms each (medians, min–max)\n", runs);

  for (int i = 1; i + 1 <= n_files; i += 2)
    {
      g_autoptr(GBytes) post_i = NULL;
      g_autoptr(GBytes) agenda_i = NULL;
      BenchStats ours, theirs;

      g_file_get_contents (argv[i], &contents, &length, &error);
      g_assert_no_error (error);
      post_i = g_bytes_new_take (contents, length);
      g_file_get_contents (argv[i + 1], &contents, &length, &error);
      g_assert_no_error (error);
      agenda_i = g_bytes_new_take (contents, length);

      ours = throughput (parse_post, post_i, runs);
      theirs = throughput (bare_cmark, post_i, runs);
      report_parser ("post", argv[i], "(cmark alone)", ours, theirs, 20);
      theirs = throughput (bare_cmark_libxml2, post_i, runs);
      report_parser ("post", argv[i], "(cmark, then htmlReadMemory on its HTML)", ours, theirs, 20);
      ours = throughput (parse_agenda, agenda_i, runs);
      theirs = throughput (bare_libxml2, agenda_i, runs);
      report_parser ("agenda", argv[i + 1], "(htmlReadMemory alone)", ours, theirs, 50);

      if (i == 1)
        {
          post = g_bytes_ref (post_i);
          agenda = g_bytes_ref (agenda_i);
        }
    }

  for (guint i = 0; i < schedules->len; i++)
    {
      const char *path = schedules->pdata[i];
      g_autoptr(GBytes) schedule = NULL;
      BenchStats ours, theirs;

      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      schedule = g_bytes_new_take (contents, length);

      if (g_str_has_suffix (path, ".json"))
        {
          ours = throughput (parse_frab_json, schedule, runs);
          theirs = throughput (bare_json, schedule, runs);
          report_parser ("frab-json", path, "(json_parser_load_from_data alone)", ours, theirs, 20);
        }
      else if (g_str_has_suffix (path, ".ics"))
        {
          ours = throughput (parse_ical, schedule, runs);
          theirs = throughput (bare_ical, schedule, runs);
          report_parser ("ical", path, "(icalparser_parse_string alone)", ours, theirs, 20);
        }
      else
        {
          ours = throughput (parse_pentabarf, schedule, runs);
          theirs = throughput (bare_xml, schedule, runs);
          report_parser ("pentabarf", path, "(xmlReadMemory alone)", ours, theirs, 20);
        }
    }

  /* Refresh answered 304: from the click to the status that says so. */
  soup_server_add_handler (post_server, NULL, server_cb, post, NULL);
  soup_server_listen_local (post_server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (post_server);
  post_url = g_strdup_printf ("http://127.0.0.1:%u/post.md", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  soup_server_add_handler (agenda_server, NULL, server_cb, agenda, NULL);
  soup_server_listen_local (agenda_server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (agenda_server);
  agenda_url = g_strdup_printf ("http://127.0.0.1:%u/agenda/", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  cache_dir = g_dir_make_tmp ("ncl-bench-XXXXXX", &error);
  g_assert_no_error (error);
  cache = ncl_cache_new (cache_dir);
  fetcher = ncl_fetcher_new (cache);
  source = ncl_test_source_new (fetcher, post_url, agenda_url);

  for (int i = 0; i <= runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      ncl_source_refresh (source);
      while (ncl_source_get_refreshing (source))
        g_main_context_iteration (NULL, TRUE);
      ms = (g_get_monotonic_time () - start) / 1000.0;

      /* The first refresh downloads and parses; the rest are 304s. */
      if (i > 0)
        g_array_append_val (refresh_times, ms);
    }

  for (int i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      gboolean done_post = FALSE, done_agenda = FALSE;
      g_autoptr(SoupMessage) post_msg = soup_message_new ("GET", post_url);
      g_autoptr(SoupMessage) agenda_msg = soup_message_new ("GET", agenda_url);
      double ms;

      soup_message_headers_replace (soup_message_get_request_headers (post_msg), "If-None-Match", "\"v1\"");
      soup_message_headers_replace (soup_message_get_request_headers (agenda_msg), "If-None-Match", "\"v1\"");
      soup_session_send_and_read_async (session, post_msg, G_PRIORITY_DEFAULT, NULL, sent_cb, &done_post);
      soup_session_send_and_read_async (session, agenda_msg, G_PRIORITY_DEFAULT, NULL, sent_cb, &done_agenda);
      while (!done_post || !done_agenda)
        g_main_context_iteration (NULL, TRUE);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (bare_times, ms);
    }

  refresh = bench_stats (refresh_times).median;
  bare = bench_stats (bare_times).median;

  printf ("refresh answered 304 to \"Updated\": %.2f ms; bare conditional GETs: %.2f ms (%.2f×)\n",
          refresh, bare, refresh / bare);
  {
    g_autofree char *value = g_strdup_printf ("%.2f ms", refresh);
    g_autofree char *baseline = g_strdup_printf ("%.2f ms (bare conditional GETs)", bare);
    g_autofree char *ratio = g_strdup_printf ("%.1f×", refresh / bare);

    bench_table_row ("refresh answered 304 to “Updated”", value, baseline, ratio, NULL);
  }

  {
    g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", cache_dir);
    g_spawn_command_line_sync (rm, NULL, NULL, NULL, NULL);
  }

  return 0;
}
