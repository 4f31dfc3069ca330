/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ncl-nats-agenda-format.h"
#include "ncl-post-format.h"
#include "ncl-test-nats.h"

/* A refresh brings a changed post or agenda page: the objects on screen are
 * updated in place, so the rows bound to them keep focus and scroll. */

static char *
read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "agenda", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static NclEvent *
parse_schedule (const char *html)
{
  g_autoptr(GBytes) bytes = g_bytes_new (html, strlen (html));
  g_autoptr(GError) error = NULL;
  NclEvent *schedule = ncl_agenda_parse (bytes, ncl_test_agenda_hints_at ("https://example.org/agenda/"), &error);

  g_assert_no_error (error);
  return schedule;
}

static char *
replace (const char *text,
         const char *old,
         const char *new)
{
  g_auto(GStrv) parts = g_strsplit (text, old, 2);

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  return g_strjoin (new, parts[0], parts[1], NULL);
}

static NclSession *
session_at (NclEvent *schedule,
            guint     i)
{
  g_autoptr(NclSession) session = g_list_model_get_item (ncl_event_get_sessions (schedule), i);

  return session;
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint calls;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->position = position;
  changes->removed += removed;
  changes->added += added;
  changes->calls++;
}

static void
test_schedule_session_added_and_moved (void)
{
  g_autofree char *html = read_fixture ("normal.html");
  g_autofree char *moved = replace (html, "<td>12:00pm</td>", "<td>12:30pm</td>");
  g_autofree char *added = replace (moved,
                                    "      <tr>\n        <td>Closing</td>",
                                    "      <tr>\n        <td>Late Addition</td>\n        <td>Grace Hopper</td>\n"
                                    "        <td>1:00pm</td>\n        <td>A surprise.</td>\n      </tr>\n"
                                    "      <tr>\n        <td>Closing</td>");
  g_autoptr(NclEvent) schedule = parse_schedule (html);
  g_autoptr(NclEvent) fresh = parse_schedule (added);
  GListModel *sessions = ncl_event_get_sessions (schedule);
  guint n_before = g_list_model_get_n_items (sessions);
  NclSession *opening = session_at (schedule, 0);
  NclSession *lunch = session_at (schedule, 3);
  Changes changes = { 0 };
  g_autoptr(GDateTime) lunch_start = NULL;

  g_assert_cmpstr (ncl_session_get_title (lunch), ==, "Lunch Talk");
  g_signal_connect (sessions, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  ncl_event_update_from (schedule, fresh);

  /* One session more, inserted before the last; nothing else replaced. */
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, n_before + 1);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);
  g_assert_cmpuint (changes.position, ==, n_before - 1);
  g_assert_cmpstr (ncl_session_get_title (session_at (schedule, n_before - 1)), ==, "Late Addition");

  /* The same objects, with the moved time. */
  g_assert_true (session_at (schedule, 0) == opening);
  g_assert_true (session_at (schedule, 3) == lunch);
  lunch_start = g_date_time_ref (ncl_session_get_start (lunch));
  g_assert_cmpint (g_date_time_get_hour (lunch_start), ==, 12);
  g_assert_cmpint (g_date_time_get_minute (lunch_start), ==, 30);
}

/* Every session a speaker gives is one of @schedule's, and some are. */
static void
assert_speakers_linked (NclEvent *schedule)
{
  GListModel *speakers = ncl_event_get_speakers (schedule);
  guint n_linked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (speakers); i++)
    {
      g_autoptr(NclSpeaker) speaker = g_list_model_get_item (speakers, i);
      GListModel *given = ncl_speaker_get_sessions (speaker);

      for (guint j = 0; j < g_list_model_get_n_items (given); j++)
        {
          g_autoptr(NclSession) session = g_list_model_get_item (given, j);
          gboolean found = FALSE;

          for (guint k = 0; !found && k < g_list_model_get_n_items (ncl_event_get_sessions (schedule)); k++)
            found = session_at (schedule, k) == session;
          g_assert_true (found);
          n_linked++;
        }
    }

  g_assert_cmpuint (n_linked, >, 0);
}

static void
test_schedule_session_removed (void)
{
  g_autofree char *html = read_fixture ("normal.html");
  g_autofree char *without = replace (html, "<td>Lunch Talk</td>", "<td>Queues &amp; Streams</td>");
  g_autoptr(NclEvent) schedule = parse_schedule (html);
  g_autoptr(NclEvent) fresh = parse_schedule (without);
  guint n_fresh = g_list_model_get_n_items (ncl_event_get_sessions (fresh));
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);

  /* The fresh copy is spent by the update: its titles are kept first. */
  for (guint i = 0; i < n_fresh; i++)
    g_ptr_array_add (titles, g_strdup (ncl_session_get_title (session_at (fresh, i))));

  ncl_event_update_from (schedule, fresh);

  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_sessions (schedule)), ==, n_fresh);
  for (guint i = 0; i < n_fresh; i++)
    g_assert_cmpstr (ncl_session_get_title (session_at (schedule, i)), ==, titles->pdata[i]);

  /* The speakers give the schedule's own sessions, not the fresh copy's. */
  assert_speakers_linked (schedule);
}

static NclEvent *
parse_post (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  NclEvent *event = ncl_post_parse (bytes, NCL_TEST_POST_URI, &error);

  g_assert_no_error (error);
  return event;
}

static void
test_post_video_changed (void)
{
  g_autofree char *path = g_strdup (g_getenv ("NCL_BUNDLED_POST"));
  g_autofree char *post = NULL;
  g_autofree char *changed = NULL;
  g_autoptr(NclEvent) event = NULL;
  g_autoptr(NclEvent) fresh = NULL;
  g_autoptr(GError) error = NULL;
  NclHighlight *swim;
  guint notified = 0;

  g_assert_nonnull (path);
  g_file_get_contents (path, &post, NULL, &error);
  g_assert_no_error (error);
  changed = replace (post, "https://www.youtube.com/watch?v=J56wrBDG01k", "https://youtu.be/J56wrBDG01k?t=42");

  event = parse_post (post);
  fresh = parse_post (changed);
  swim = ncl_event_find_highlight (event, 5);
  g_signal_connect_swapped (swim, "notify::video-url", G_CALLBACK (g_atomic_int_inc), &notified);

  ncl_event_update_from (event, fresh);

  g_assert_true (ncl_event_find_highlight (event, 5) == swim);
  g_assert_cmpstr (ncl_highlight_get_video_url (swim), ==, "https://youtu.be/J56wrBDG01k?t=42");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_highlights (event)), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ncl/update/schedule/session-added-and-moved", test_schedule_session_added_and_moved);
  g_test_add_func ("/ncl/update/schedule/session-removed", test_schedule_session_removed);
  g_test_add_func ("/ncl/update/post/video-changed", test_post_video_changed);

  return g_test_run ();
}
