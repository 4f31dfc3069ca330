/* SPDX-License-Identifier: GPL-3.0-or-later */

/* bench-startup: time from process start to the first frame, and peak RSS,
 * of the app against a bare AdwApplicationWindow program.
 *
 *   bench-startup [--runs N] [--json FILE] [--post LABEL:FILE …]
 *                 [--schedule LABEL:FILE …]
 *                 BARE_PROGRAM APP_PROGRAM [APP_ARGS…]
 *
 * Each --post adds a subject: the app again, started with NCL_BENCH_POST=FILE
 * so that it shows that post (tests/bench/gen-event.py writes them) in place
 * of the built-in one. Each is reported against the bare window, and the
 * first one labelled "N=1000" also against the built-in post (goal ≤ 1.5×,
 * ≤ +40 MiB). Each --schedule adds the app started on a schedule file
 * (`connect-live … FILE`, which opens it on its agenda, as a person opening
 * it from the file manager sees it); its first frame is the first that shows
 * agenda rows. The one labelled "N=1000" is also reported against the
 * built-in post (goal ≤ 1.5×). With NCL_BENCH_TABLE set, the rows also go to
 * the suite's table (bench-table.h).
 *
 * Both programs honour one contract: with NCL_BENCH_FIRST_FRAME=1 they print
 * "first-frame <usec>", g_get_monotonic_time () in the "after-paint" of their
 * first frame that shows their content, then quit with status 0. Startup time
 * is that timestamp less the monotonic time taken just before the spawn; peak
 * RSS is the child's ru_maxrss from wait4 ().
 *
 * The machines this runs on are shared and noisy, so it alternates the two
 * programs after a discarded warm-up run of each, and reports medians and the
 * ratio against the bare window measured in the same invocation. It reports;
 * it does not judge: it exits 0 whether the goals are met or not, 1 when a
 * run fails, 2 on a usage error and 77 (skipped) without an X display.
 */

/* -std=c17 hides POSIX; wait4 () is BSD, in _DEFAULT_SOURCE with POSIX 2008. */
#define _DEFAULT_SOURCE

#include <glib.h>
#include <glib-unix.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-table.h"

#define DEFAULT_RUNS 15
#define MIN_RUNS 10
#define CHILD_TIMEOUT_USEC (60 * G_USEC_PER_SEC)

/* The goals of the issue. */
#define GOAL_TIME_RATIO 1.15
#define GOAL_RSS_DELTA_MIB 10.0
#define GOAL_LARGE_TIME_RATIO 1.5
#define GOAL_LARGE_RSS_DELTA_MIB 40.0
#define LARGE_LABEL "N=1000"

#define FIRST_FRAME_PREFIX "first-frame "

#define EXIT_RUN_FAILED 1
#define EXIT_USAGE 2
#define EXIT_SKIP 77

/* Errors only ever become messages: one domain, one code. */
#define BENCH_ERROR (bench_error_quark ())
#define BENCH_ERROR_FAILED 0

static G_DEFINE_QUARK (bench-startup-error-quark, bench_error)

typedef struct
{
  const char  *label;
  char       **argv;     /* NULL-terminated; owned when owned_argv is */
  char       **owned_argv;
  char       **envp;     /* owned */
  GArray      *time_ms;  /* double: first frame less spawn time */
  GArray      *rss_mib;  /* double: peak RSS */
} Subject;

typedef struct
{
  double median;
  double min;
  double max;
} Stats;

/* SIGCHLD writes a byte here, so poll () wakes when the child exits even if
 * something it started still holds its stdout open. */
static int sigchld_pipe[2] = { -1, -1 };

static void
on_sigchld (int signum)
{
  int saved_errno = errno;
  ssize_t written = write (sigchld_pipe[1], "", 1);

  (void) written;  /* the pipe is full: poll () wakes anyway */
  errno = saved_errno;
}

static gboolean
setup_sigchld (GError **error)
{
  struct sigaction action;

  if (!g_unix_open_pipe (sigchld_pipe, FD_CLOEXEC, error) ||
      !g_unix_set_fd_nonblocking (sigchld_pipe[0], TRUE, error) ||
      !g_unix_set_fd_nonblocking (sigchld_pipe[1], TRUE, error))
    return FALSE;

  memset (&action, 0, sizeof action);
  action.sa_handler = on_sigchld;
  action.sa_flags = SA_RESTART | SA_NOCLDSTOP;
  sigemptyset (&action.sa_mask);
  if (sigaction (SIGCHLD, &action, NULL) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, BENCH_ERROR, BENCH_ERROR_FAILED,
                   "sigaction (SIGCHLD): %s", g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static void
drain_fd (int fd)
{
  char buf[64];

  while (read (fd, buf, sizeof buf) > 0)
    ;
}

/* Takes the complete lines off @buf: the first first-frame line sets
 * @first_frame, every other line goes to stderr. */
static gboolean
parse_lines (const char  *label,
             GString     *buf,
             gint64      *first_frame,
             GError     **error)
{
  char *newline;

  while ((newline = memchr (buf->str, '\n', buf->len)) != NULL)
    {
      g_autofree char *line = g_strndup (buf->str, newline - buf->str);

      g_string_erase (buf, 0, newline - buf->str + 1);

      if (*first_frame < 0 && g_str_has_prefix (line, FIRST_FRAME_PREFIX))
        {
          char *value = line + strlen (FIRST_FRAME_PREFIX);
          guint64 usec;

          if (!g_ascii_string_to_unsigned (g_strchomp (value), 10, 1, G_MAXINT64,
                                           &usec, NULL))
            {
              g_set_error (error, BENCH_ERROR, BENCH_ERROR_FAILED,
                           "%s printed a malformed line: “%s”", label, line);
              return FALSE;
            }

          *first_frame = (gint64) usec;
        }
      else
        {
          fprintf (stderr, "%s: %s\n", label, line);
        }
    }

  return TRUE;
}

/* Reads what there is on @fd without blocking. Returns FALSE on EOF. */
static gboolean
read_available (int      fd,
                GString *buf)
{
  for (;;)
    {
      char chunk[4096];
      ssize_t n = read (fd, chunk, sizeof chunk);

      if (n > 0)
        g_string_append_len (buf, chunk, n);
      else if (n == 0)
        return FALSE;
      else if (errno == EINTR)
        continue;
      else
        return TRUE;  /* EAGAIN, or an error that EOF will follow */
    }
}

static gboolean
run_once (Subject  *subject,
          double   *time_ms,
          double   *rss_mib,
          GError  **error)
{
  g_autoptr(GString) buf = g_string_new (NULL);
  posix_spawn_file_actions_t actions;
  struct rusage usage;
  int out_pipe[2];
  int out_fd;
  int status = 0;
  int spawn_errno;
  gint64 t0;
  gint64 deadline;
  gint64 first_frame = -1;
  gboolean exited = FALSE;
  pid_t pid;

  if (!g_unix_open_pipe (out_pipe, FD_CLOEXEC, error))
    return FALSE;

  posix_spawn_file_actions_init (&actions);
  /* dup2 () clears close-on-exec on the copy: the child keeps only that. */
  posix_spawn_file_actions_adddup2 (&actions, out_pipe[1], STDOUT_FILENO);

  drain_fd (sigchld_pipe[0]);

  t0 = g_get_monotonic_time ();
  spawn_errno = posix_spawnp (&pid, subject->argv[0], &actions, NULL, subject->argv, subject->envp);

  posix_spawn_file_actions_destroy (&actions);
  close (out_pipe[1]);
  out_fd = out_pipe[0];

  if (spawn_errno != 0)
    {
      close (out_fd);
      g_set_error (error, BENCH_ERROR, BENCH_ERROR_FAILED,
                   "cannot start %s: %s", subject->argv[0], g_strerror (spawn_errno));
      return FALSE;
    }

  if (!g_unix_set_fd_nonblocking (out_fd, TRUE, error))
    {
      kill (pid, SIGKILL);
      waitpid (pid, NULL, 0);
      close (out_fd);
      return FALSE;
    }

  deadline = t0 + CHILD_TIMEOUT_USEC;

  while (!exited)
    {
      struct pollfd fds[2];
      nfds_t n_fds = 0;
      gint64 remaining = deadline - g_get_monotonic_time ();
      pid_t reaped;

      if (remaining <= 0)
        {
          kill (pid, SIGKILL);
          wait4 (pid, &status, 0, &usage);
          if (out_fd >= 0)
            close (out_fd);
          g_set_error (error, BENCH_ERROR, BENCH_ERROR_FAILED,
                       "%s %s within %d s; killed it", subject->label,
                       first_frame < 0 ? "printed no first-frame line"
                                       : "printed its first frame but did not exit",
                       (int) (CHILD_TIMEOUT_USEC / G_USEC_PER_SEC));
          return FALSE;
        }

      fds[n_fds++] = (struct pollfd) { .fd = sigchld_pipe[0], .events = POLLIN };
      if (out_fd >= 0)
        fds[n_fds++] = (struct pollfd) { .fd = out_fd, .events = POLLIN };

      if (poll (fds, n_fds, (int) ((remaining + 999) / 1000)) < 0 && errno != EINTR)
        {
          int saved_errno = errno;

          kill (pid, SIGKILL);
          waitpid (pid, NULL, 0);
          if (out_fd >= 0)
            close (out_fd);
          g_set_error (error, BENCH_ERROR, BENCH_ERROR_FAILED,
                       "poll: %s", g_strerror (saved_errno));
          return FALSE;
        }

      drain_fd (sigchld_pipe[0]);

      do
        reaped = wait4 (pid, &status, WNOHANG, &usage);
      while (reaped < 0 && errno == EINTR);
      exited = reaped == pid;

      /* Reading after the exit check keeps what the child wrote last. */
      if (out_fd >= 0 && !read_available (out_fd, buf))
        {
          close (out_fd);
          out_fd = -1;
        }

      if (!parse_lines (subject->label, buf, &first_frame, error))
        {
          if (!exited)
            {
              kill (pid, SIGKILL);
              waitpid (pid, NULL, 0);
            }
          if (out_fd >= 0)
            close (out_fd);
          return FALSE;
        }
    }

  if (out_fd >= 0)
    close (out_fd);

  /* A last line without its newline. */
  if (buf->len > 0)
    {
      g_string_append_c (buf, '\n');
      if (!parse_lines (subject->label, buf, &first_frame, error))
        return FALSE;
    }

  if (WIFSIGNALED (status))
    {
      g_set_error (error, BENCH_ERROR, BENCH_ERROR_FAILED,
                   "%s was killed by signal %d (%s)", subject->label,
                   WTERMSIG (status), g_strsignal (WTERMSIG (status)));
      return FALSE;
    }

  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_set_error (error, BENCH_ERROR, BENCH_ERROR_FAILED,
                   "%s exited with status %d", subject->label,
                   WIFEXITED (status) ? WEXITSTATUS (status) : -1);
      return FALSE;
    }

  if (first_frame < 0)
    {
      g_set_error (error, BENCH_ERROR, BENCH_ERROR_FAILED,
                   "%s exited without printing a “first-frame <usec>” line "
                   "(does it honour NCL_BENCH_FIRST_FRAME=1?)", subject->label);
      return FALSE;
    }

  if (first_frame < t0)
    {
      g_set_error (error, BENCH_ERROR, BENCH_ERROR_FAILED,
                   "%s printed a first frame %" G_GINT64_FORMAT " µs before its spawn "
                   "(is it g_get_monotonic_time ()?)", subject->label, t0 - first_frame);
      return FALSE;
    }

  *time_ms = (first_frame - t0) / 1000.0;
  *rss_mib = usage.ru_maxrss / 1024.0;  /* KiB on Linux */

  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static Stats
compute_stats (GArray *samples)
{
  g_autoptr(GArray) sorted = g_array_copy (samples);
  Stats stats;
  guint n = sorted->len;

  g_assert (n > 0);

  g_array_sort (sorted, compare_doubles);
  if (n % 2 == 1)
    stats.median = g_array_index (sorted, double, n / 2);
  else
    stats.median = (g_array_index (sorted, double, n / 2 - 1) +
                    g_array_index (sorted, double, n / 2)) / 2;
  stats.min = g_array_index (sorted, double, 0);
  stats.max = g_array_index (sorted, double, n - 1);

  return stats;
}

static void
json_append_number (GString    *json,
                    const char *name,
                    double      value,
                    gboolean    last)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (json, "\"%s\": %s%s", name,
                          g_ascii_formatd (buf, sizeof buf, "%.3f", value),
                          last ? "" : ", ");
}

static void
json_append_string (GString    *json,
                    const char *value)
{
  g_string_append_c (json, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (json, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (json, "\\u%04x", (guint) (guchar) *p);
      else
        g_string_append_c (json, *p);
    }
  g_string_append_c (json, '"');
}

static void
json_append_subject (GString    *json,
                     const char *key,
                     Subject    *subject,
                     Stats       time_stats,
                     Stats       rss_stats)
{
  g_string_append_printf (json, "  \"%s\": {\n    \"name\": ", key);
  json_append_string (json, subject->label);
  g_string_append (json, ",\n    \"first_frame_ms\": { ");
  json_append_number (json, "median", time_stats.median, FALSE);
  json_append_number (json, "min", time_stats.min, FALSE);
  json_append_number (json, "max", time_stats.max, TRUE);
  g_string_append (json, " },\n    \"peak_rss_mib\": { ");
  json_append_number (json, "median", rss_stats.median, FALSE);
  json_append_number (json, "min", rss_stats.min, FALSE);
  json_append_number (json, "max", rss_stats.max, TRUE);
  g_string_append (json, " }\n  },\n");
}

static gboolean
write_json (const char  *path,
            int          runs,
            Subject     *bare,
            Stats        bare_time,
            Stats        bare_rss,
            Subject     *app,
            Stats        app_time,
            Stats        app_rss,
            GError     **error)
{
  g_autoptr(GString) json = g_string_new ("{\n");
  double time_ratio = app_time.median / bare_time.median;
  double rss_delta = app_rss.median - bare_rss.median;

  g_string_append_printf (json, "  \"runs\": %d,\n", runs);
  json_append_subject (json, "bare", bare, bare_time, bare_rss);
  json_append_subject (json, "app", app, app_time, app_rss);
  g_string_append (json, "  \"first_frame\": { ");
  json_append_number (json, "ratio", time_ratio, FALSE);
  json_append_number (json, "goal_max_ratio", GOAL_TIME_RATIO, FALSE);
  g_string_append_printf (json, "\"goal_met\": %s },\n",
                          time_ratio <= GOAL_TIME_RATIO ? "true" : "false");
  g_string_append (json, "  \"peak_rss\": { ");
  json_append_number (json, "delta_mib", rss_delta, FALSE);
  json_append_number (json, "goal_max_delta_mib", GOAL_RSS_DELTA_MIB, FALSE);
  g_string_append_printf (json, "\"goal_met\": %s }\n",
                          rss_delta <= GOAL_RSS_DELTA_MIB ? "true" : "false");
  g_string_append (json, "}\n");

  return g_file_set_contents (path, json->str, json->len, error);
}

/* "first frame, N=1000" against @base: a row of the suite's table. */
static void
table_rows (Subject    *subject,
            Stats       time_stats,
            Stats       rss_stats,
            const char *base_label,
            Stats       base_time,
            Stats       base_rss,
            double      goal_ratio,
            double      goal_delta)
{
  g_autofree char *measure_time = g_strdup_printf ("first frame: %s", subject->label);
  g_autofree char *measure_rss = g_strdup_printf ("peak RSS: %s", subject->label);
  g_autofree char *value_time = g_strdup_printf ("%.0f ms (%.0f–%.0f)", time_stats.median,
                                                 time_stats.min, time_stats.max);
  g_autofree char *value_rss = g_strdup_printf ("%.1f MiB (%.1f–%.1f)", rss_stats.median,
                                                rss_stats.min, rss_stats.max);
  g_autofree char *base_time_cell = g_strdup_printf ("%.0f ms (%.0f–%.0f) %s", base_time.median,
                                                     base_time.min, base_time.max, base_label);
  g_autofree char *base_rss_cell = g_strdup_printf ("%.1f MiB (%.1f–%.1f) %s", base_rss.median,
                                                    base_rss.min, base_rss.max, base_label);
  double ratio = time_stats.median / base_time.median;
  double delta = rss_stats.median - base_rss.median;
  g_autofree char *ratio_cell = g_strdup_printf ("%.2f×", ratio);
  g_autofree char *delta_cell = g_strdup_printf ("%+.1f MiB", delta);
  g_autofree char *goal_time = goal_ratio > 0 ?
    g_strdup_printf ("≤ %.2f× (%s)", goal_ratio, ratio <= goal_ratio ? "met" : "missed") : NULL;
  g_autofree char *goal_rss = goal_delta > 0 ?
    g_strdup_printf ("≤ +%.0f MiB (%s)", goal_delta, delta <= goal_delta ? "met" : "missed") : NULL;

  printf ("%-28s %-26s %s: %s, goal %s\n", measure_time, value_time, base_label, ratio_cell,
          goal_time != NULL ? goal_time : "—");
  printf ("%-28s %-26s %s: %s, goal %s\n", measure_rss, value_rss, base_label, delta_cell,
          goal_rss != NULL ? goal_rss : "—");
  bench_table_row (measure_time, value_time, base_time_cell, ratio_cell, goal_time);
  bench_table_row (measure_rss, value_rss, base_rss_cell, delta_cell, goal_rss);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *app_label = NULL;
  g_autofree char *app_base = NULL;
  g_auto(GStrv) envp = NULL;
  g_auto(GStrv) posts = NULL;
  g_auto(GStrv) schedules = NULL;
  guint first_schedule;
  g_autoptr(GPtrArray) subjects = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) time_stats = g_array_new (FALSE, FALSE, sizeof (Stats));
  g_autoptr(GArray) rss_stats = g_array_new (FALSE, FALSE, sizeof (Stats));
  char *bare_argv[2];
  Subject *bare;
  Subject *app;
  Stats bare_time, bare_rss, app_time, app_rss;
  int runs = DEFAULT_RUNS;
  int runs_width;
  int run_label_width;
  int label_width = 0;
  const GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs,
      "Measured runs of each program (default 15, at least 10)", "N" },
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path,
      "Also write the results of the bare window and the app to FILE as JSON", "FILE" },
    { "post", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &posts,
      "Also start the app on the post in FILE (NCL_BENCH_POST)", "LABEL:FILE" },
    { "schedule", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &schedules,
      "Also start the app with the schedule in FILE open (APP_PROGRAM … FILE)", "LABEL:FILE" },
    { NULL }
  };

  context = g_option_context_new ("BARE_PROGRAM APP_PROGRAM [APP_ARGS…]");
  g_option_context_set_summary (context,
                                "Time from process start to the first frame, and peak RSS, "
                                "of APP_PROGRAM against BARE_PROGRAM.\nBoth must honour "
                                "NCL_BENCH_FIRST_FRAME=1.");
  /* Options after APP_PROGRAM belong to it. */
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_add_main_entries (context, entries, NULL);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-startup: %s\n", error->message);
      return EXIT_USAGE;
    }

  if (argc >= 2 && g_str_equal (argv[1], "--"))
    {
      argv++;
      argc--;
    }

  if (argc < 3)
    {
      fprintf (stderr, "bench-startup: expected BARE_PROGRAM and APP_PROGRAM; see --help\n");
      return EXIT_USAGE;
    }

  if (runs < MIN_RUNS)
    {
      fprintf (stderr, "bench-startup: --runs must be at least %d, not %d\n", MIN_RUNS, runs);
      return EXIT_USAGE;
    }

  /* GDK_BACKEND=x11 below: without an X server there is nothing to time. */
  if (g_getenv ("DISPLAY") == NULL || *g_getenv ("DISPLAY") == '\0')
    {
      printf ("bench-startup: skipped: DISPLAY is not set; run it under xvfb-run -a\n");
      return EXIT_SKIP;
    }

  if (!setup_sigchld (&error))
    {
      fprintf (stderr, "bench-startup: %s\n", error->message);
      return EXIT_RUN_FAILED;
    }

  envp = g_get_environ ();
  envp = g_environ_unsetenv (envp, "NCL_BENCH_POST");
  envp = g_environ_setenv (envp, "NCL_BENCH_FIRST_FRAME", "1", TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  envp = g_environ_setenv (envp, "NO_AT_BRIDGE", "1", TRUE);
  envp = g_environ_setenv (envp, "GDK_BACKEND", "x11", TRUE);

  bare_argv[0] = argv[1];
  bare_argv[1] = NULL;
  bare = g_new0 (Subject, 1);
  *bare = (Subject) {
    .label = "bare window",
    .argv = bare_argv,
    .envp = g_strdupv (envp),
    .time_ms = g_array_new (FALSE, FALSE, sizeof (double)),
    .rss_mib = g_array_new (FALSE, FALSE, sizeof (double)),
  };
  g_ptr_array_add (subjects, bare);

  app_base = g_path_get_basename (argv[2]);
  app_label = g_strdup_printf ("%s (built-in post)", app_base);
  app = g_new0 (Subject, 1);
  *app = (Subject) {
    .label = app_label,
    .argv = &argv[2],
    .envp = g_strdupv (envp),
    .time_ms = g_array_new (FALSE, FALSE, sizeof (double)),
    .rss_mib = g_array_new (FALSE, FALSE, sizeof (double)),
  };
  g_ptr_array_add (subjects, app);

  for (guint i = 0; posts != NULL && posts[i] != NULL; i++)
    {
      const char *equals = strchr (posts[i], ':');
      Subject *subject;

      if (equals == NULL || equals == posts[i] || equals[1] == '\0')
        {
          fprintf (stderr, "bench-startup: --post needs LABEL:FILE, not “%s”\n", posts[i]);
          return EXIT_USAGE;
        }

      subject = g_new0 (Subject, 1);
      *subject = (Subject) {
        .label = g_strndup (posts[i], equals - posts[i]),  /* lives until exit */
        .argv = &argv[2],
        .envp = g_environ_setenv (g_strdupv (envp), "NCL_BENCH_POST", equals + 1, TRUE),
        .time_ms = g_array_new (FALSE, FALSE, sizeof (double)),
        .rss_mib = g_array_new (FALSE, FALSE, sizeof (double)),
      };
      g_ptr_array_add (subjects, subject);
    }

  first_schedule = subjects->len;
  for (guint i = 0; schedules != NULL && schedules[i] != NULL; i++)
    {
      const char *colon = strchr (schedules[i], ':');
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_autofree char *path = NULL;
      Subject *subject;

      if (colon == NULL || colon == schedules[i] || colon[1] == '\0')
        {
          fprintf (stderr, "bench-startup: --schedule needs LABEL:FILE, not “%s”\n", schedules[i]);
          return EXIT_USAGE;
        }

      /* An absolute path: the app resolves it against its own directory. */
      path = g_canonicalize_filename (colon + 1, NULL);
      g_strv_builder_addv (builder, (const char **) &argv[2]);
      g_strv_builder_add (builder, path);

      subject = g_new0 (Subject, 1);
      *subject = (Subject) {
        .label = g_strdup_printf ("schedule %.*s", (int) (colon - schedules[i]), schedules[i]),
        .owned_argv = g_strv_builder_end (builder),
        .envp = g_strdupv (envp),
        .time_ms = g_array_new (FALSE, FALSE, sizeof (double)),
        .rss_mib = g_array_new (FALSE, FALSE, sizeof (double)),
      };
      subject->argv = subject->owned_argv;  /* both live until exit */
      g_ptr_array_add (subjects, subject);
    }

  for (guint i = 0; i < subjects->len; i++)
    label_width = MAX (label_width, (int) strlen (((Subject *) subjects->pdata[i])->label));
  runs_width = snprintf (NULL, 0, "%d", runs);
  run_label_width = (int) strlen ("run /") + 2 * runs_width;

  /* Line by line, even into a pipe: meson shows the runs as they come. */
  setvbuf (stdout, NULL, _IOLBF, 0);

  /* Run 0 is the warm-up: it fills the page cache and starts what the
   * programs share (the X server's fonts, a D-Bus session bus if autolaunched). */
  for (int run = 0; run <= runs; run++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      if (run == 0)
        g_string_append_printf (line, "%-*s", run_label_width, "warm-up");
      else
        g_string_append_printf (line, "run %*d/%d", runs_width, run, runs);

      for (guint i = 0; i < subjects->len; i++)
        {
          Subject *subject = subjects->pdata[i];
          double time_ms, rss_mib;

          if (!run_once (subject, &time_ms, &rss_mib, &error))
            {
              fprintf (stderr, "bench-startup: %s run %d failed: %s\n",
                          run == 0 ? "warm-up" : "measured", run, error->message);
              return EXIT_RUN_FAILED;
            }

          g_string_append_printf (line, "   %s %.1f ms %.1f MiB",
                                  subject->label, time_ms, rss_mib);

          if (run > 0)
            {
              g_array_append_val (subject->time_ms, time_ms);
              g_array_append_val (subject->rss_mib, rss_mib);
            }
        }

      printf ("%s%s\n", line->str, run == 0 ? "   (discarded)" : "");
    }

  for (guint i = 0; i < subjects->len; i++)
    {
      Subject *subject = subjects->pdata[i];
      Stats t = compute_stats (subject->time_ms);
      Stats r = compute_stats (subject->rss_mib);

      g_array_append_val (time_stats, t);
      g_array_append_val (rss_stats, r);
    }

  bare_time = g_array_index (time_stats, Stats, 0);
  bare_rss = g_array_index (rss_stats, Stats, 0);
  app_time = g_array_index (time_stats, Stats, 1);
  app_rss = g_array_index (rss_stats, Stats, 1);

  printf ("\nstartup benchmark, %d runs each (medians, min–max)\n", runs);
  printf ("%-28s %-26s bare window %.0f ms (%.0f–%.0f), %.1f MiB (%.1f–%.1f)\n", "", "",
          bare_time.median, bare_time.min, bare_time.max,
          bare_rss.median, bare_rss.min, bare_rss.max);
  table_rows (app, app_time, app_rss, "bare window", bare_time, bare_rss,
              GOAL_TIME_RATIO, GOAL_RSS_DELTA_MIB);
  for (guint i = 2; i < subjects->len; i++)
    table_rows (subjects->pdata[i], g_array_index (time_stats, Stats, i),
                g_array_index (rss_stats, Stats, i), "bare window", bare_time, bare_rss, 0, 0);
  for (guint i = 2; i < first_schedule; i++)
    if (g_str_equal (((Subject *) subjects->pdata[i])->label, LARGE_LABEL))
      {
        table_rows (subjects->pdata[i], g_array_index (time_stats, Stats, i),
                    g_array_index (rss_stats, Stats, i), "built-in post", app_time, app_rss,
                    GOAL_LARGE_TIME_RATIO, GOAL_LARGE_RSS_DELTA_MIB);
        break;
      }
  for (guint i = first_schedule; i < subjects->len; i++)
    if (g_str_equal (((Subject *) subjects->pdata[i])->label, "schedule " LARGE_LABEL))
      {
        table_rows (subjects->pdata[i], g_array_index (time_stats, Stats, i),
                    g_array_index (rss_stats, Stats, i), "built-in post", app_time, app_rss,
                    GOAL_LARGE_TIME_RATIO, 0);
        break;
      }

  if (json_path != NULL &&
      !write_json (json_path, runs, bare, bare_time, bare_rss, app, app_time, app_rss,
                   &error))
    {
      fprintf (stderr, "bench-startup: %s\n", error->message);
      return EXIT_RUN_FAILED;
    }

  return 0;
}
