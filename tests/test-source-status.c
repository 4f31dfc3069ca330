/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ncl-source-status.h"

/* The sentences the window shows for each state of a source, from fixed
 * times: no window, no source, no network. The program binds no text
 * domain, so the words are the English msgids. */

static GDateTime *
at (int hour,
    int minute,
    int second)
{
  /* Times in UTC; the status line reads them in local time (TZ is +02:00
   * here, see main()). */
  return g_date_time_new_utc (2020, 4, 2, hour, minute, second);
}

static void
assert_status (NclSourceState  state,
               gboolean        refreshing,
               GDateTime      *saved_at,
               GDateTime      *updated_at,
               GDateTime      *now,
               const char     *expected)
{
  g_autofree char *status = ncl_source_status_format (state, refreshing, saved_at, updated_at, now);

  g_assert_cmpstr (status, ==, expected);
}

static void
test_bundled (void)
{
  g_autoptr(GDateTime) now = at (8, 30, 0);

  assert_status (NCL_SOURCE_STATE_BUNDLED, FALSE, NULL, NULL, now,
                 "Showing the copy built into the app");
}

static void
test_saved (void)
{
  g_autoptr(GDateTime) saved = at (8, 30, 0);
  g_autoptr(GDateTime) now = at (12, 0, 0);

  assert_status (NCL_SOURCE_STATE_SAVED, FALSE, saved, NULL, now,
                 "Offline — showing the copy saved on April 2 at 10:30");
}

static void
test_fresh (void)
{
  g_autoptr(GDateTime) updated = at (8, 32, 0);
  g_autoptr(GDateTime) soon = at (8, 32, 59);
  g_autoptr(GDateTime) later = at (8, 33, 0);
  g_autoptr(GDateTime) saved = at (6, 0, 0);

  assert_status (NCL_SOURCE_STATE_FRESH, FALSE, NULL, updated, updated, "Updated just now");
  assert_status (NCL_SOURCE_STATE_FRESH, FALSE, NULL, updated, soon, "Updated just now");
  /* A minute on, the time it was updated (local time). */
  assert_status (NCL_SOURCE_STATE_FRESH, FALSE, NULL, updated, later, "Updated at 10:32");
  /* Fresh wins over a saved copy loaded before. */
  assert_status (NCL_SOURCE_STATE_FRESH, FALSE, saved, updated, later, "Updated at 10:32");
}

static void
test_refreshing (void)
{
  g_autoptr(GDateTime) saved = at (8, 30, 0);
  g_autoptr(GDateTime) now = at (12, 0, 0);

  assert_status (NCL_SOURCE_STATE_BUNDLED, TRUE, NULL, NULL, now, "Updating…");
  assert_status (NCL_SOURCE_STATE_SAVED, TRUE, saved, NULL, now, "Updating…");
  assert_status (NCL_SOURCE_STATE_FRESH, TRUE, NULL, saved, now, "Updating…");
}

static void
test_problems (void)
{
  g_autoptr(GError) fetch = g_error_new_literal (NCL_SOURCE_ERROR, NCL_SOURCE_ERROR_FETCH_FAILED,
                                                 "Not Found (404)");
  g_autoptr(GError) parse = g_error_new_literal (NCL_SOURCE_ERROR, NCL_SOURCE_ERROR_PARSE_FAILED,
                                                 "Line 3: no talks");
  g_autoptr(GError) save = g_error_new_literal (NCL_SOURCE_ERROR, NCL_SOURCE_ERROR_SAVE_FAILED,
                                                "Could not create the cache folder /x/y: Not a directory");
  g_autoptr(GError) description = g_error_new_literal (NCL_SOURCE_ERROR, NCL_SOURCE_ERROR_DESCRIPTION,
                                                       "nats: Key file does not have group “Event”");
  g_autofree char *fetch_text = ncl_source_status_dup_problem ("agenda", fetch);
  g_autofree char *parse_text = ncl_source_status_dup_problem ("post", parse);
  g_autofree char *schedule_text = ncl_source_status_dup_problem ("schedule", fetch);
  g_autofree char *save_text = ncl_source_status_dup_problem ("agenda", save);
  g_autofree char *description_text = ncl_source_status_dup_problem (NULL, description);

  /* A refused download says which document and why. */
  g_assert_cmpstr (fetch_text, ==, "Could not update the agenda: Not Found (404)");
  g_assert_cmpstr (parse_text, ==, "Could not update the post: Line 3: no talks");
  /* A document of any other event is its schedule. */
  g_assert_cmpstr (schedule_text, ==, "Could not update the schedule: Not Found (404)");
  /* A failed save: what a person loses, and the reason to act on. */
  g_assert_cmpstr (save_text, ==,
                   "Could not save the schedule for offline use: "
                   "Could not create the cache folder /x/y: Not a directory");
  /* Anything else is the message itself. */
  g_assert_cmpstr (description_text, ==, "nats: Key file does not have group “Event”");
}

int
main (int   argc,
      char *argv[])
{
  /* A fixed offset: no time zone database needed, and not UTC, so the
   * conversion to local time is seen. */
  g_setenv ("TZ", "+02:00", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ncl/source-status/bundled", test_bundled);
  g_test_add_func ("/ncl/source-status/saved", test_saved);
  g_test_add_func ("/ncl/source-status/fresh", test_fresh);
  g_test_add_func ("/ncl/source-status/refreshing", test_refreshing);
  g_test_add_func ("/ncl/source-status/problems", test_problems);

  return g_test_run ();
}
