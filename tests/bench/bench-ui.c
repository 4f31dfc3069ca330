/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <libsoup/soup.h>

#include "ncl-cache.h"
#include "ncl-fetcher.h"
#include "ncl-test-source.h"
#include "ncl-window.h"

#include "bench-table.h"

/*
 * The window at scale, in one process, with real key presses (xdotool, on
 * the X server's keyboard) and the frame clock's own timings:
 *
 *   1. scrolling: Down pressed once per card, through every card of the
 *      N = 1,000 event, with its slide pictures served on loopback. Frame
 *      time is the time between two "after-paint"s of a frame clock kept
 *      running by a tick callback, so a frame that took longer than the
 *      display's interval shows as a longer gap. Baseline: the same clock
 *      of a bare AdwApplicationWindow, in the same run.
 *   2. search: a key typed in the talks view (which opens the search, type
 *      to search) to the end of the frame that shows the filtered talks,
 *      N = 5 and N = 5,000; Escape closes the search between runs.
 *   3. memory: this process's RSS after scrolling through all the cards.
 *   4. the agenda: with SCHEDULE_1000 open (gen-event.py's FOSDEM-size
 *      schedule, 1,000 sessions over 2 days) and All Days chosen, Down
 *      pressed once per session through the whole agenda; frame times as
 *      in 1., against the same bare window.
 *
 *   bench-ui [--runs N] POST_1000 POST_5 POST_5000 SLIDES_DIR [SCHEDULE_1000]
 *
 * The posts are gen-event.py's, whose pictures are at http://127.0.0.1:1/;
 * they are rewritten to this program's server. It needs an X display and
 * xdotool, and skips (77) without them. It reports; it never fails on a
 * missed goal.
 */

#define DEFAULT_RUNS 12
#define GEN_PICTURE_BASE "http://127.0.0.1:1/"
#define KEY_DELAY_MS 25
#define SEARCH_KEY "j"

static char *slides_dir;

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  g_autofree char *file = NULL;
  char *contents;
  gsize length;
  guint64 number = 0;

  if (sscanf (path, "/img/talk-%" G_GUINT64_FORMAT ".png", &number) != 1)
    {
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }

  file = g_strdup_printf ("%s/slide-%u.png", slides_dir, (guint)(number % 4));
  if (!g_file_get_contents (file, &contents, &length, NULL))
    {
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }

  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_TAKE, contents, length);
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
spin_until (gboolean (*done) (gpointer), gpointer data, int seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  /* Wakes the loop up when nothing else does. */
  guint wake_id = g_timeout_add (5, wake_cb, NULL);

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        {
          fprintf (stderr, "bench-ui: timed out\n");
          exit (1);
        }
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake_id);
}

static gboolean
time_passed (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *)data;
}

static void
spin_for (int ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  spin_until (time_passed, &until, ms / 1000 + 10);
}

/* Frames: the monotonic time of each "after-paint". */
typedef struct
{
  GArray *times;
  gboolean recording;
} Frames;

static void
after_paint_cb (GdkFrameClock *clock,
                Frames        *frames)
{
  gint64 now = g_get_monotonic_time ();

  if (frames->recording)
    g_array_append_val (frames->times, now);
}

static gboolean
keep_ticking_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Intervals in ms between consecutive frames. */
static GArray *
intervals_of (GArray *times)
{
  GArray *intervals = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 1; i < times->len; i++)
    {
      double ms = (g_array_index (times, gint64, i) - g_array_index (times, gint64, i - 1)) / 1000.0;

      g_array_append_val (intervals, ms);
    }

  return intervals;
}

static gboolean
child_done (gpointer data)
{
  return *(gboolean *)data;
}

static void
child_exited_cb (GPid     pid,
                 int      status,
                 gpointer data)
{
  g_spawn_close_pid (pid);
  *(gboolean *)data = TRUE;
}

/* Sends @keys (xdotool key names) to @window's X window, @delay_ms apart;
 * returns at once: @done turns TRUE when they are all sent. */
static void
send_keys (GtkWidget   *window,
           const char **keys,
           guint        n_keys,
           int          delay_ms,
           gboolean    *done)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  GPid pid;

  *done = FALSE;
  g_ptr_array_add (argv, g_strdup ("xdotool"));
  g_ptr_array_add (argv, g_strdup ("windowfocus"));
  g_ptr_array_add (argv, g_strdup_printf ("%lu", (gulong)gdk_x11_surface_get_xid (surface)));
  g_ptr_array_add (argv, g_strdup ("key"));
  g_ptr_array_add (argv, g_strdup ("--delay"));
  g_ptr_array_add (argv, g_strdup_printf ("%d", delay_ms));
  for (guint i = 0; i < n_keys; i++)
    g_ptr_array_add (argv, g_strdup (keys[i]));
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_async (NULL, (char **)argv->pdata, NULL,
                      G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error))
    {
      fprintf (stderr, "bench-ui: cannot run xdotool: %s\n", error->message);
      exit (1);
    }
  g_child_watch_add (pid, child_exited_cb, done);
}

static void
press (GtkWidget  *window,
       const char *key)
{
  gboolean done;

  send_keys (window, &key, 1, 0, &done);
  spin_until (child_done, &done, 30);
}

/* The talks list: the GtkListView with the most items. */
static void
find_list (GtkWidget    *widget,
           GtkListView **best)
{
  if (GTK_IS_LIST_VIEW (widget))
    {
      GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (widget)));
      GListModel *best_model = *best != NULL ? G_LIST_MODEL (gtk_list_view_get_model (*best)) : NULL;

      if (model != NULL && gtk_widget_get_mapped (widget) &&
          (best_model == NULL || g_list_model_get_n_items (model) > g_list_model_get_n_items (best_model)))
        *best = GTK_LIST_VIEW (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_list (child, best);
}

static GtkListView *
talks_list (NclWindow *window)
{
  GtkListView *list = NULL;

  find_list (GTK_WIDGET (window), &list);
  g_assert_nonnull (list);
  return list;
}

static guint
n_shown (GtkListView *list)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list)));
}

/* A window on the post in @path (%NULL: the built-in one), pictures from
 * @picture_base. */
static NclWindow *
open_window (const char  *path,
             const char  *picture_base,
             const char  *cache_dir,
             NclLibrary **library_out)
{
  g_autoptr(NclCache) cache = ncl_cache_new (cache_dir);
  g_autoptr(NclFetcher) fetcher = ncl_fetcher_new (cache);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *rewritten = NULL;
  g_autofree char *tmp_path = NULL;
  g_auto(GStrv) pieces = NULL;
  NclLibrary *library;
  NclWindow *window;
  int fd;

  if (path != NULL)
    {
      g_file_get_contents (path, &contents, NULL, &error);
      g_assert_no_error (error);
      pieces = g_strsplit (contents, GEN_PICTURE_BASE, -1);
      rewritten = g_strjoinv (picture_base, pieces);
      fd = g_file_open_tmp ("ncl-bench-post-XXXXXX.md", &tmp_path, &error);
      g_assert_no_error (error);
      close (fd);
      g_file_set_contents (tmp_path, rewritten, -1, &error);
      g_assert_no_error (error);
      g_setenv ("NCL_BENCH_POST", tmp_path, TRUE);
    }

  library = ncl_test_library_new (fetcher, NULL, NULL);
  if (path != NULL)
    {
      g_unsetenv ("NCL_BENCH_POST");
      g_unlink (tmp_path);
    }

  window = g_object_new (NCL_TYPE_WINDOW, "default-width", 1000, "default-height", 760, NULL);
  ncl_window_set_library (window, library);
  gtk_window_present (GTK_WINDOW (window));

  *library_out = library;
  return window;
}

static guint64
status_kib (const char *field)
{
  g_autofree char *contents = NULL;
  const char *line;
  guint64 kib = 0;

  if (g_file_get_contents ("/proc/self/status", &contents, NULL, NULL) &&
      (line = strstr (contents, field)))
    sscanf (line + strlen (field), " %" G_GUINT64_FORMAT, &kib);

  return kib;
}

/* Search ---------------------------------------------------------------- */

typedef struct
{
  GtkListView *list;
  guint before;
  gint64 key_time;
  gint64 frame_time;
} SearchWait;

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SearchWait            *wait)
{
  if (wait->key_time == 0)
    wait->key_time = g_get_monotonic_time ();
  return GDK_EVENT_PROPAGATE;
}

static void
search_after_paint_cb (GdkFrameClock *clock,
                       SearchWait    *wait)
{
  if (wait->key_time != 0 && wait->frame_time == 0 && n_shown (wait->list) != wait->before)
    wait->frame_time = g_get_monotonic_time ();
}

static gboolean
search_done (gpointer data)
{
  return ((SearchWait *)data)->frame_time != 0;
}

static gboolean
list_restored (gpointer data)
{
  SearchWait *wait = data;

  return n_shown (wait->list) == wait->before;
}

static BenchStats
measure_search (const char *path,
                const char *picture_base,
                const char *cache_dir,
                int         runs,
                guint      *n_before,
                guint      *n_after)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(NclLibrary) library = NULL;
  NclWindow *window = open_window (path, picture_base, cache_dir, &library);
  GtkEventController *keys = gtk_event_controller_key_new ();
  SearchWait wait = { 0, };
  GdkFrameClock *clock;
  gulong paint_id;

  spin_for (1500);
  wait.list = talks_list (window);
  gtk_widget_grab_focus (GTK_WIDGET (wait.list));
  spin_for (300);
  wait.before = n_shown (wait.list);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), &wait);
  gtk_widget_add_controller (GTK_WIDGET (window), keys);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (search_after_paint_cb), &wait);

  for (int run = 0; run <= runs; run++)
    {
      double ms;

      wait.key_time = wait.frame_time = 0;
      press (GTK_WIDGET (window), SEARCH_KEY);
      spin_until (search_done, &wait, 30);
      ms = (wait.frame_time - wait.key_time) / 1000.0;
      *n_after = n_shown (wait.list);

      press (GTK_WIDGET (window), "Escape");
      spin_until (list_restored, &wait, 30);
      spin_for (300);

      /* The first search builds what later ones reuse. */
      if (run > 0)
        g_array_append_val (times, ms);
    }

  *n_before = wait.before;
  g_signal_handler_disconnect (clock, paint_id);
  gtk_window_destroy (GTK_WINDOW (window));
  spin_for (200);

  return bench_stats (times);
}

/* ----------------------------------------------------------------------- */

static gboolean
at_bottom (gpointer data)
{
  GtkAdjustment *adjustment = data;

  return gtk_adjustment_get_value (adjustment) >=
         gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) - 1;
}

/* The agenda's drop-down of days: the one whose first choice is "every
 * day" (the app's own string, untranslated under the tests' locale). */
static void
find_day_dropdown (GtkWidget    *widget,
                   GtkDropDown **found)
{
  if (*found != NULL)
    return;

  if (GTK_IS_DROP_DOWN (widget) && gtk_widget_get_mapped (widget))
    {
      GListModel *names = gtk_drop_down_get_model (GTK_DROP_DOWN (widget));

      if (GTK_IS_STRING_LIST (names) && g_list_model_get_n_items (names) > 0 &&
          g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), "All Days"))
        {
          *found = GTK_DROP_DOWN (widget);
          return;
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_day_dropdown (child, found);
}

typedef struct
{
  NclWindow *window;
  guint n_sessions;
} AgendaWait;

static gboolean
agenda_filled (gpointer data)
{
  AgendaWait *wait = data;
  GtkListView *list = NULL;

  find_list (GTK_WIDGET (wait->window), &list);
  return list != NULL && n_shown (list) >= wait->n_sessions;
}

/* Down once per row through @list, frames recorded; returns the intervals
 * and says whether the list reached its end. */
static GArray *
scroll_with_down (NclWindow   *window,
                  GtkListView *list,
                  Frames      *frames,
                  guint       *n_keys,
                  gboolean    *reached_end,
                  double      *lag_ms)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gboolean done = FALSE;
  gint64 lag_start, until;
  gulong paint_id;
  guint tick_id;

  g_array_set_size (frames->times, 0);
  for (guint i = 0; i < n_shown (list) + 2; i++)
    g_ptr_array_add (keys, (gpointer)"Down");
  paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), frames);
  tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (window), keep_ticking_cb, NULL, NULL);
  frames->recording = TRUE;
  send_keys (GTK_WIDGET (window), (const char **)keys->pdata, keys->len, KEY_DELAY_MS, &done);
  spin_until (child_done, &done, 600);
  /* The keys are all sent; the window may still be working through them. */
  lag_start = g_get_monotonic_time ();
  until = lag_start + 30 * G_USEC_PER_SEC;
  while (!at_bottom (adjustment) && g_get_monotonic_time () < until)
    spin_for (50);
  *lag_ms = (g_get_monotonic_time () - lag_start) / 1000.0;
  frames->recording = FALSE;
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick_id);
  g_signal_handler_disconnect (clock, paint_id);

  *n_keys = keys->len;
  *reached_end = at_bottom (adjustment);
  return intervals_of (frames->times);
}

/* 4. The agenda of @schedule (a path), every day, scrolled with Down. */
static void
measure_agenda (const char *schedule,
                const char *picture_base,
                const char *cache_dir,
                Frames     *frames,
                BenchStats  bare)
{
  g_autoptr(NclLibrary) library = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (schedule);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GArray) intervals = NULL;
  NclWindow *window = open_window (NULL, picture_base, cache_dir, &library);
  AgendaWait wait = { window, 0 };
  GtkDropDown *days = NULL;
  GtkListView *list = NULL;
  BenchStats app;
  gboolean reached_end;
  guint n_keys, n_rows;
  double lag_ms;

  ncl_window_add_event (window, uri);
  /* Read and shown on its agenda, first day. */
  wait.n_sessions = 1;
  spin_until (agenda_filled, &wait, 60);
  spin_for (1000);
  find_day_dropdown (GTK_WIDGET (window), &days);
  g_assert_nonnull (days);
  gtk_drop_down_set_selected (days, 0);
  wait.n_sessions = 1000;
  spin_until (agenda_filled, &wait, 60);
  spin_for (1000);
  list = talks_list (window);
  n_rows = n_shown (list);
  gtk_widget_grab_focus (GTK_WIDGET (list));
  spin_for (500);

  intervals = scroll_with_down (window, list, frames, &n_keys, &reached_end, &lag_ms);
  app = bench_stats (intervals);
  printf ("agenda, schedule N = 1,000, all days (%u rows, %u Down presses %d ms apart), %u frames: "
          "median %.1f ms, p95 %.1f ms, max %.1f ms; reached the end: %s, %.0f ms after the last key\n",
          n_rows, n_keys, KEY_DELAY_MS, intervals->len, app.median, app.p95, app.max,
          reached_end ? "yes" : "NO", lag_ms);

  {
    g_autofree char *value = g_strdup_printf ("p95 %.1f ms, median %.1f ms, max %.1f ms%s",
                                              app.p95, app.median, app.max,
                                              reached_end ? "" : " (did not reach the end)");
    g_autofree char *baseline = g_strdup_printf ("%.1f ms (median interval, bare window; p95 %.1f)",
                                                 bare.median, bare.p95);
    g_autofree char *ratio = g_strdup_printf ("p95 %.2f×, max %.2f×", app.p95 / bare.median,
                                              app.max / bare.median);
    g_autofree char *goal = g_strdup_printf ("p95 ≤ 1.5×, max ≤ 3× (%s)",
                                             app.p95 <= 1.5 * bare.median && app.max <= 3 * bare.median ?
                                             "met" : "missed");

    bench_table_row ("agenda scrolling, schedule N=1000 with Down, frame time", value, baseline, ratio, goal);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&library);
  spin_for (300);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("POST_1000 POST_5 POST_5000 SLIDES_DIR [SCHEDULE_1000]");
  g_autoptr(GArray) bare_intervals = NULL;
  g_autoptr(GArray) app_intervals = NULL;
  g_autoptr(NclLibrary) library = NULL;
  g_autofree char *picture_base = NULL;
  g_autofree char *cache_dir = NULL;
  g_autofree char *xdotool = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  Frames frames = { g_array_new (FALSE, FALSE, sizeof (gint64)), FALSE };
  BenchStats bare, app, search_small, search_large;
  GtkWidget *bare_window;
  GtkAdjustment *adjustment;
  GtkListView *list;
  NclWindow *window;
  GdkFrameClock *clock;
  GSList *uris;
  gulong paint_id;
  guint tick_id;
  guint n_cards;
  guint small_before = 0, small_after = 0, large_before = 0, large_after = 0;
  guint64 rss_before, rss_after, rss_peak;
  gint64 lag_start;
  double lag_ms;
  gboolean done = FALSE;
  int runs = DEFAULT_RUNS;
  const GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Searches of each size (default 12, at least 10)", "N" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 5 || argc > 6)
    {
      fprintf (stderr, "usage: bench-ui [--runs N] POST_1000 POST_5 POST_5000 SLIDES_DIR [SCHEDULE_1000]\n");
      return 2;
    }
  runs = MAX (runs, 10);
  slides_dir = argv[4];

  if (g_getenv ("DISPLAY") == NULL || !(xdotool = g_find_program_in_path ("xdotool")))
    {
      printf ("bench-ui: skipped: it needs an X display (xvfb-run -a) and xdotool\n");
      return 77;
    }

  g_setenv ("GDK_BACKEND", "x11", TRUE);
  gtk_init ();
  adw_init ();
  setvbuf (stdout, NULL, _IOLBF, 0);

  soup_server_add_handler (server, NULL, server_cb, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  picture_base = g_strdup_printf ("http://127.0.0.1:%u/", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  cache_dir = g_dir_make_tmp ("ncl-bench-ui-XXXXXX", &error);
  g_assert_no_error (error);

  /* 1. The baseline's frame interval: a bare window, its clock running,
   * the same keys going to it. */
  bare_window = adw_application_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (bare_window), 1000, 760);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (bare_window), gtk_label_new ("Bare window"));
  gtk_window_present (GTK_WINDOW (bare_window));
  spin_for (1000);
  clock = gtk_widget_get_frame_clock (bare_window);
  paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frames);
  tick_id = gtk_widget_add_tick_callback (bare_window, keep_ticking_cb, NULL, NULL);
  for (guint i = 0; i < 120; i++)
    g_ptr_array_add (keys, (gpointer)"Down");
  frames.recording = TRUE;
  send_keys (bare_window, (const char **)keys->pdata, keys->len, KEY_DELAY_MS, &done);
  spin_until (child_done, &done, 120);
  frames.recording = FALSE;
  gtk_widget_remove_tick_callback (bare_window, tick_id);
  g_signal_handler_disconnect (clock, paint_id);
  bare_intervals = intervals_of (frames.times);
  bare = bench_stats (bare_intervals);
  gtk_window_destroy (GTK_WINDOW (bare_window));

  /* 2. Scrolling through every card of N = 1,000 with Down. */
  rss_before = status_kib ("VmRSS:");
  window = open_window (argv[1], picture_base, cache_dir, &library);
  spin_for (2000);
  list = talks_list (window);
  n_cards = n_shown (list);
  gtk_widget_grab_focus (GTK_WIDGET (list));
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  spin_for (500);

  g_array_set_size (frames.times, 0);
  g_ptr_array_set_size (keys, 0);
  for (guint i = 0; i < n_cards + 2; i++)
    g_ptr_array_add (keys, (gpointer)"Down");
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frames);
  tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (window), keep_ticking_cb, NULL, NULL);
  frames.recording = TRUE;
  send_keys (GTK_WIDGET (window), (const char **)keys->pdata, keys->len, KEY_DELAY_MS, &done);
  spin_until (child_done, &done, 600);
  /* The keys are all sent; the window may still be working through them. */
  lag_start = g_get_monotonic_time ();
  {
    gint64 until = lag_start + 30 * G_USEC_PER_SEC;

    while (!at_bottom (adjustment) && g_get_monotonic_time () < until)
      spin_for (50);
  }
  lag_ms = (g_get_monotonic_time () - lag_start) / 1000.0;
  frames.recording = FALSE;
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick_id);
  g_signal_handler_disconnect (clock, paint_id);
  app_intervals = intervals_of (frames.times);
  app = bench_stats (app_intervals);
  rss_after = status_kib ("VmRSS:");
  rss_peak = status_kib ("VmHWM:");

  printf ("scrolling N = 1,000 (%u rows, %u Down presses %d ms apart), %u frames: "
          "median %.1f ms, p95 %.1f ms, max %.1f ms; reached the end: %s, %.0f ms after the last key\n",
          n_cards, keys->len, KEY_DELAY_MS, app_intervals->len, app.median, app.p95, app.max,
          at_bottom (adjustment) ? "yes" : "NO", lag_ms);
  printf ("bare window, %u frames: median %.1f ms, p95 %.1f ms, max %.1f ms\n",
          bare_intervals->len, bare.median, bare.p95, bare.max);
  printf ("RSS: %.1f MiB before the window, %.1f MiB after scrolling (peak %.1f MiB)\n",
          rss_before / 1024.0, rss_after / 1024.0, rss_peak / 1024.0);

  {
    g_autofree char *value = g_strdup_printf ("p95 %.1f ms, median %.1f ms, max %.1f ms",
                                              app.p95, app.median, app.max);
    g_autofree char *baseline = g_strdup_printf ("%.1f ms (median interval, bare window; p95 %.1f)",
                                                 bare.median, bare.p95);
    g_autofree char *ratio = g_strdup_printf ("p95 %.2f×, max %.2f×", app.p95 / bare.median,
                                              app.max / bare.median);
    g_autofree char *goal = g_strdup_printf ("p95 ≤ 1.5×, max ≤ 3× (%s)",
                                             app.p95 <= 1.5 * bare.median && app.max <= 3 * bare.median ?
                                             "met" : "missed");
    g_autofree char *rss_value = g_strdup_printf ("%.1f MiB", rss_after / 1024.0);
    g_autofree char *rss_base = g_strdup_printf ("%.1f MiB before the window", rss_before / 1024.0);
    g_autofree char *rss_delta = g_strdup_printf ("%+.1f MiB", (rss_after - (double)rss_before) / 1024.0);

    bench_table_row ("scrolling N=1000 with Down, frame time", value, baseline, ratio, goal);
    bench_table_row ("RSS after scrolling N=1000 (pictures on)", rss_value, rss_base, rss_delta, NULL);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&library);
  spin_for (300);

  /* 3. Search: a key to the filtered frame. */
  search_small = measure_search (argv[2], picture_base, cache_dir, runs, &small_before, &small_after);
  search_large = measure_search (argv[3], picture_base, cache_dir, runs, &large_before, &large_after);
  printf ("search “%s”, N = 5 (%u → %u rows): %.1f ms (%.1f–%.1f); N = 5,000 (%u → %u rows): "
          "%.1f ms (%.1f–%.1f), %.2f×\n", SEARCH_KEY,
          small_before, small_after, search_small.median, search_small.min, search_small.max,
          large_before, large_after, search_large.median, search_large.min, search_large.max,
          search_large.median / search_small.median);
  {
    g_autofree char *small = bench_cell (search_small, 1, "ms");
    g_autofree char *large = bench_cell (search_large, 1, "ms");
    g_autofree char *baseline = g_strdup_printf ("%s (N=5)", small);
    g_autofree char *ratio = g_strdup_printf ("%.2f×", search_large.median / search_small.median);
    g_autofree char *goal = g_strdup_printf ("≤ 2× (%s)",
                                             search_large.median <= 2 * search_small.median ?
                                             "met" : "missed");

    bench_table_row ("search: key to filtered frame, N=5", small, NULL, NULL, NULL);
    bench_table_row ("search: key to filtered frame, N=5000", large, baseline, ratio, goal);
  }

  /* 4. The agenda of a FOSDEM-size schedule, against the same bare window. */
  if (argc > 5)
    measure_agenda (argv[5], picture_base, cache_dir, &frames, bare);

  {
    g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", cache_dir);
    g_spawn_command_line_sync (rm, NULL, NULL, NULL, NULL);
  }
  g_array_unref (frames.times);

  return 0;
}
