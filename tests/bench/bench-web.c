/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <adwaita.h>
#include <libsoup/soup.h>
#include <webkit/webkit.h>

#include "ncl-post-format.h"
#include "ncl-web-page.h"
#include "ncl-window.h"
#include "ncl-test-nats.h"

#include "bench-table.h"

/*
 * The slides page, measured in one run against its baseline: a bare
 * WebKitWebView in a plain window loading the same loopback page.
 *
 *   1. time from activating Slides to the first frame painted after the
 *      page finished loading (cold: the first open, which starts WebKit's
 *      processes; warm: the median of the following ones), against the same
 *      for the bare view;
 *   2. resident memory of the app and its web processes after opening and
 *      leaving the slides page once, then after ten times more: leaving must
 *      give back what opening took.
 */

#define DEFAULT_RUNS 12

static const char slides_page[] =
  "<!DOCTYPE html><html><head><title>Bench Slides</title>"
  "<style>body{margin:0;font:20px sans-serif;background:#222;color:#eee}"
  "section{height:100vh;display:flex;align-items:center;justify-content:center}</style>"
  "</head><body><section><h1>Slide 1</h1></section><section><h1>Slide 2</h1></section>"
  "</body></html>";

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                    slides_page, strlen (slides_page));
}

static void
spin_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        {
          fprintf (stderr, "bench-web: timed out\n");
          exit (1);
        }
      g_main_context_iteration (NULL, TRUE);
    }
}

typedef struct
{
  GtkWidget *widget;
  gboolean painted;
} PaintWait;

static void
after_paint_cb (GdkFrameClock *clock,
                PaintWait     *wait)
{
  wait->painted = TRUE;
}

static gboolean
painted (gpointer data)
{
  return ((PaintWait *)data)->painted;
}

/* Waits for the next frame the window paints. */
static void
wait_for_paint (GtkWidget *widget)
{
  PaintWait wait = { widget, FALSE };
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &wait);

  gtk_widget_queue_draw (widget);
  spin_until (painted, &wait);
  g_signal_handler_disconnect (clock, id);
}

static gboolean
content_loaded (gpointer data)
{
  gboolean loading;
  double progress;
  g_autofree char *uri = NULL;

  g_object_get (data, "is-loading", &loading, "progress", &progress, "uri", &uri, NULL);
  return !loading && progress >= 1.0 && g_str_has_prefix (uri, "http://");
}

static gboolean
content_blank (gpointer data)
{
  gboolean loading;
  g_autofree char *uri = NULL;

  g_object_get (data, "is-loading", &loading, "uri", &uri, NULL);
  return !loading && g_strcmp0 (uri, "about:blank") == 0;
}

static gboolean
view_loaded (gpointer data)
{
  WebKitWebView *view = data;

  return !webkit_web_view_is_loading (view) &&
         webkit_web_view_get_estimated_load_progress (view) >= 1.0;
}

/* Resident memory of this process and every process below it, in KiB. */
static guint64
rss_of (int pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/statm", pid);
  g_autofree char *contents = NULL;
  guint64 pages = 0;

  if (g_file_get_contents (path, &contents, NULL, NULL))
    sscanf (contents, "%*u %" G_GUINT64_FORMAT, &pages);

  return pages * (sysconf (_SC_PAGESIZE) / 1024);
}

static guint64
tree_rss (int pid)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc", 0, NULL);
  guint64 total = rss_of (pid);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = NULL;
      g_autofree char *stat = NULL;
      const char *after_comm;
      int child_pid = atoi (name);
      int ppid;

      if (child_pid <= 0)
        continue;

      path = g_strdup_printf ("/proc/%d/stat", child_pid);
      if (!g_file_get_contents (path, &stat, NULL, NULL) ||
          !(after_comm = strrchr (stat, ')')) ||
          sscanf (after_comm + 2, "%*c %d", &ppid) != 1)
        continue;

      if (ppid == pid)
        total += tree_rss (child_pid);
    }

  return total;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GArray) app_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(NclEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  WebKitWebView *bare_view;
  GtkWidget *bare_window;
  GtkWidget *content;
  NclWindow *window;
  GSList *uris;
  double app_cold = 0, bare_cold = 0;
  g_autoptr(GArray) rss = g_array_new (FALSE, FALSE, sizeof (guint64));
  guint64 rss_before;
  int runs = argc > 1 ? atoi (argv[1]) : DEFAULT_RUNS;

  runs = MAX (runs, 10);

  gtk_init ();
  adw_init ();
  /* The page's slide-in is a fixed 200 ms that says nothing about loading. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  soup_server_add_handler (server, NULL, server_cb, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  uri = g_strdup_printf ("http://127.0.0.1:%u/slides", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  bytes = g_resources_lookup_data (RESOURCE_BASE "/event/nats-connect-live-2020.md", 0, &error);
  g_assert_no_error (error);
  event = ncl_post_parse (bytes, NCL_TEST_POST_URI, &error);
  g_assert_no_error (error);

  window = g_object_new (NCL_TYPE_WINDOW, "default-width", 1000, "default-height", 700, NULL);
  ncl_window_set_event (window, event);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_paint (GTK_WIDGET (window));
  rss_before = tree_rss (getpid ());

  /* The app: activate Slides, wait for the page and the frame that shows
   * it, go back; the first round starts WebKit. */
  for (int i = 0; i <= runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.open-slides", "s", uri);
      content = ncl_web_page_get_content (ncl_window_get_web_page (window));
      spin_until (content_loaded, content);
      wait_for_paint (GTK_WIDGET (window));
      ms = (g_get_monotonic_time () - start) / 1000.0;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.go-back", NULL);
      spin_until (content_blank, content);
      wait_for_paint (GTK_WIDGET (window));

      {
        guint64 now = tree_rss (getpid ());

        g_array_append_val (rss, now);
      }

      if (i == 0)
        app_cold = ms;
      else
        g_array_append_val (app_times, ms);
    }

  /* The baseline: a bare view in a plain window, same page. */
  bare_window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (bare_window), 1000, 700);
  bare_view = WEBKIT_WEB_VIEW (webkit_web_view_new ());
  gtk_window_set_child (GTK_WINDOW (bare_window), GTK_WIDGET (bare_view));
  gtk_window_present (GTK_WINDOW (bare_window));
  wait_for_paint (bare_window);

  for (int i = 0; i <= runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      webkit_web_view_load_uri (bare_view, uri);
      spin_until (view_loaded, bare_view);
      wait_for_paint (bare_window);
      ms = (g_get_monotonic_time () - start) / 1000.0;

      webkit_web_view_load_uri (bare_view, "about:blank");
      spin_until (view_loaded, bare_view);

      if (i == 0)
        bare_cold = ms;
      else
        g_array_append_val (bare_times, ms);
    }

  {
    double app_warm = median (app_times);
    double bare_warm = median (bare_times);
    guint64 first = g_array_index (rss, guint64, 0);
    guint64 third = g_array_index (rss, guint64, 2);
    guint64 last = g_array_index (rss, guint64, rss->len - 1);

    printf ("slides page benchmark, %d runs (medians; the first open starts WebKit)\n", runs);
    printf ("                          app slides page    bare WebKitWebView   ratio\n");
    printf ("first open to paint (ms)  %8.1f           %8.1f             %.2f×\n",
            app_cold, bare_cold, app_cold / bare_cold);
    printf ("later opens (ms)          %8.1f           %8.1f             %.2f×\n",
            app_warm, bare_warm, app_warm / bare_warm);
    /* WebKit's caches fill over the first few visits; after that, a visit
     * must cost nothing that stays. */
    printf ("RSS of the app and its web processes (MiB): %.1f before; after opening and leaving "
            "the page once %.1f, 3 times %.1f, %u times %.1f\n",
            rss_before / 1024.0, first / 1024.0, third / 1024.0, rss->len, last / 1024.0);
    printf ("growth over the last %u visits: %+.1f MiB (%+.2f MiB a visit)\n",
            rss->len - 3, ((double)last - (double)third) / 1024.0,
            ((double)last - (double)third) / 1024.0 / (rss->len - 3));

    {
      BenchStats app_stats = bench_stats (app_times);
      BenchStats bare_stats = bench_stats (bare_times);
      g_autofree char *cold = g_strdup_printf ("%.0f ms", app_cold);
      g_autofree char *bare_cold_cell = g_strdup_printf ("%.0f ms (bare WebKitWebView)", bare_cold);
      g_autofree char *cold_ratio = g_strdup_printf ("%.2f×", app_cold / bare_cold);
      g_autofree char *warm = bench_cell (app_stats, 0, "ms");
      g_autofree char *bare_warm_cell = bench_cell (bare_stats, 0, "ms");
      g_autofree char *warm_base = g_strdup_printf ("%s (bare WebKitWebView)", bare_warm_cell);
      g_autofree char *warm_ratio = g_strdup_printf ("%.2f×", app_warm / bare_warm);
      g_autofree char *rss_cell = g_strdup_printf ("%.1f MiB after 1 visit, %.1f after %u",
                                                   first / 1024.0, last / 1024.0, rss->len);
      g_autofree char *rss_base = g_strdup_printf ("%.1f MiB before (app and web processes)",
                                                   rss_before / 1024.0);
      g_autofree char *growth = g_strdup_printf ("%+.1f MiB over the last %u visits",
                                                 ((double)last - (double)third) / 1024.0, rss->len - 3);

      bench_table_row ("Slides to painted page, first open", cold, bare_cold_cell, cold_ratio, NULL);
      bench_table_row ("Slides to painted page, later opens", warm, warm_base, warm_ratio, NULL);
      bench_table_row ("RSS, opening and leaving Slides", rss_cell, rss_base, growth, "no growth");
    }
  }

  gtk_window_destroy (GTK_WINDOW (bare_window));
  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}
