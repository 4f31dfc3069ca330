/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ncl-format.h"
#include "ncl-frab.h"
#include "ncl-pentabarf-format.h"
#include "ncl-test-schedule.h"

/* Pentabarf and frab schedule.xml files, written by hand from the c3voc
 * schema and what FOSDEM and CCC files do (tests/fixtures/pentabarf/): what
 * a person sees of each session, its instant in the event's zone, and one
 * clear error for each file that cannot be read. */

static NclEvent *
parse_fixture (const char  *name,
               GError     **error)
{
  return ncl_test_schedule_parse (ncl_pentabarf_parse, "pentabarf", name, error);
}

static NclEvent *
parse_good (const char *name)
{
  return ncl_test_schedule_parse_good (ncl_pentabarf_parse, "pentabarf", name);
}

static void
test_conference (void)
{
  g_autoptr(NclEvent) event = parse_good ("conference.xml");
  NclSession *welcome, *schedules, *gtk;
  g_autoptr(NclSpeaker) grace = NULL;
  const char * const *names;

  g_assert_cmpstr (ncl_event_get_title (event), ==, "ExampleCon 2026");
  g_assert_cmpstr (g_time_zone_get_identifier (ncl_event_get_time_zone (event)), ==, "Europe/Brussels");
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_sessions (event)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_days (event)), ==, 2);
  g_assert_null (ncl_event_get_problems (event)[0]);

  welcome = ncl_test_session_titled (event, "Welcome to ExampleCon");
  g_assert_cmpstr (ncl_session_get_id (welcome), ==, "101");
  g_assert_cmpstr (ncl_session_get_subtitle (welcome), ==, "What is new this year");
  g_assert_cmpstr (ncl_session_get_room (welcome), ==, "Janson");
  g_assert_cmpstr (ncl_session_get_track (welcome), ==, "Keynotes");
  ncl_test_assert_times (welcome, "2026-02-07T09:30:00+01:00", "2026-02-07T09:55:00+01:00");
  names = ncl_session_get_speaker_names (welcome);
  g_assert_cmpstr (names[0], ==, "Ada Lovelace");
  g_assert_cmpstr (names[1], ==, "Grace Hopper");
  g_assert_null (names[2]);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_session_get_speakers (welcome)), ==, 2);
  /* Relative links resolve against the conference's base_url. */
  g_assert_cmpstr (ncl_session_get_url (welcome), ==,
                   "https://examplecon.org/2026/schedule/event/welcome/");
  g_assert_cmpstr (ncl_session_get_slides_url (welcome), ==,
                   "https://examplecon.org/2026/schedule/event/welcome/attachments/slides/1/welcome.pdf");
  /* The WebM file first: the player page plays it itself. */
  g_assert_cmpstr (ncl_session_get_recording_url (welcome), ==,
                   "https://video.examplecon.org/2026/janson/welcome.webm");
  /* FOSDEM's escaped HTML becomes the description, its link absolute. */
  g_assert_cmpstr (ncl_session_get_description_text (welcome), ==,
                   "Opening words, the map and the rules.");
  g_assert_nonnull (strstr (ncl_session_get_description (welcome),
                            "https://examplecon.org/2026/schedule/map/"));

  /* A plain-text abstract keeps its paragraphs; an identical description
   * is not said twice; a YouTube page is the recording. */
  schedules = ncl_test_session_titled (event, "Schedules, Time Zones and Other Café Arguments");
  g_assert_cmpstr (ncl_session_get_description (schedules), ==,
                   "Why times are hard.\n\nThree stories from the field,\ntold in order.");
  g_assert_cmpstr (ncl_session_get_recording_url (schedules), ==,
                   "https://www.youtube.com/watch?v=dQw4w9WgXcQ");
  g_assert_null (ncl_session_get_slides_url (schedules));

  /* A slides site is the slides; script and javascript: links are not
   * taken from a schedule. */
  gtk = ncl_test_session_titled (event, "A Lightning Tour of GTK 4");
  g_assert_cmpstr (ncl_session_get_slides_url (gtk), ==, "https://slides.com/example/gtk4");
  g_assert_null (ncl_session_get_recording_url (gtk));
  g_assert_null (strstr (ncl_session_get_description_text (gtk), "alert"));
  g_assert_nonnull (strstr (ncl_session_get_description (gtk), "<i>filters</i>"));

  /* One speaker for one person, however many sessions they give. */
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_speakers (event)), ==, 3);
  grace = g_object_ref (ncl_event_find_speaker (event, "Grace Hopper"));
  g_assert_cmpuint (g_list_model_get_n_items (ncl_speaker_get_sessions (grace)), ==, 2);

  /* A search finds a session by its subtitle too. */
  g_assert_nonnull (strstr (ncl_session_get_search_text (welcome), "new this year"));
}

/* CCC's day notation: no <date>, times past 24:00 and before the day
 * change are the next calendar day's small hours. */
static void
test_past_midnight (void)
{
  g_autoptr(NclEvent) event = parse_good ("past-midnight.xml");

  ncl_test_assert_times (ncl_test_session_titled (event, "Late Night Talk"),
                "2026-12-27T23:30:00+01:00", "2026-12-28T00:30:00+01:00");
  ncl_test_assert_times (ncl_test_session_titled (event, "Small Hours Talk"),
                "2026-12-28T01:00:00+01:00", "2026-12-28T01:45:00+01:00");
  ncl_test_assert_times (ncl_test_session_titled (event, "Very Late Talk"),
                "2026-12-28T01:30:00+01:00", "2026-12-28T02:00:00+01:00");
}

/* A session through the spring change lasts its hour; the wall clock ends
 * it at 03:30 summer time. */
static void
test_dst (void)
{
  g_autoptr(NclEvent) event = parse_good ("dst.xml");

  ncl_test_assert_times (ncl_test_session_titled (event, "Through the Change"),
                "2026-03-29T01:30:00+01:00", "2026-03-29T03:30:00+02:00");
  ncl_test_assert_times (ncl_test_session_titled (event, "Summer Time Morning"),
                "2026-03-29T10:00:00+02:00", "2026-03-29T10:30:00+02:00");
}

/* A zone the system does not know is said, and the file's offsets stand. */
static void
test_unknown_zone (void)
{
  g_autoptr(NclEvent) event = parse_good ("unknown-zone.xml");

  g_assert_true (ncl_test_has_problem (event, "The time zone “Mars/Olympus_Mons” is unknown"));
  ncl_test_assert_times (ncl_test_session_titled (event, "Opening"),
                "2026-01-10T09:15:00+05:30", "2026-01-10T10:00:00+05:30");
  /* No <date>: the day's start gives the offset. */
  ncl_test_assert_times (ncl_test_session_titled (event, "Second Talk"),
                "2026-01-10T11:00:00+05:30", "2026-01-10T11:45:00+05:30");
}

static void
test_durations (void)
{
  g_autoptr(NclEvent) event = parse_good ("durations.xml");
  static const struct { const char *text; gint64 seconds; } good[] = {
    { "00:50", 50 * 60 }, { "0:45", 45 * 60 }, { "24:00", 24 * 3600 },
    { "1:00:00", 24 * 3600 }, { "1:02:30", (26 * 60 + 30) * 60 }, { "31:00:00", 31 * 86400 },
  };
  static const char * const bad[] = {
    "", "10", "10:5", "-1:00", "1:24:00", "32:00:00", "1:2:3:4", "4294967296:00", "00:60", "a:bc",
  };
  guint minutes;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      gint64 seconds = -1;

      g_assert_true (ncl_frab_parse_duration (good[i].text, &seconds));
      g_assert_cmpint (seconds, ==, good[i].seconds);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gint64 seconds = -1;

      g_assert_false (ncl_frab_parse_duration (bad[i], &seconds));
      g_assert_cmpint (seconds, ==, -1);
    }
  g_assert_true (ncl_frab_parse_clock ("25:30", &minutes));
  g_assert_cmpuint (minutes, ==, 25 * 60 + 30);
  g_assert_true (ncl_frab_parse_clock ("09:00:00", &minutes));
  g_assert_cmpuint (minutes, ==, 9 * 60);
  g_assert_false (ncl_frab_parse_clock ("48:00", &minutes));

  ncl_test_assert_times (ncl_test_session_titled (event, "Short"), "2026-06-01T09:00:00+00:00", "2026-06-01T09:45:00+00:00");
  ncl_test_assert_times (ncl_test_session_titled (event, "A Day and More"),
                "2026-06-01T10:00:00+00:00", "2026-06-02T12:30:00+00:00");
  /* A duration that cannot be read, or that overflows, is said; the
   * session stays, without an end. */
  ncl_test_assert_times (ncl_test_session_titled (event, "Unreadable"), "2026-06-01T11:00:00+00:00", NULL);
  g_assert_true (ncl_test_has_problem (event, "the duration “ninety minutes” of “Unreadable”"));
  ncl_test_assert_times (ncl_test_session_titled (event, "Overflowing"), "2026-06-01T12:00:00+00:00", NULL);
  g_assert_true (ncl_test_has_problem (event, "the duration “99999:00:00” of “Overflowing”"));
  ncl_test_assert_times (ncl_test_session_titled (event, "No Duration"), "2026-06-01T13:00:00+00:00", NULL);
  g_assert_cmpuint (g_strv_length ((char **) ncl_event_get_problems (event)), ==, 2);
}

/* Keys without ids: the guid, else the title and start; an event without
 * a title is left out and said. */
static void
test_ids (void)
{
  g_autoptr(NclEvent) event = parse_good ("no-ids.xml");
  NclSession *guid = ncl_test_session_titled (event, "With a GUID");
  NclSession *bare = ncl_test_session_titled (event, "Without Anything");

  g_assert_cmpstr (ncl_session_get_id (guid), ==, "f00dfeed-0000-4000-8000-000000000001");
  g_assert_null (ncl_session_get_source_id (bare));
  g_assert_cmpstr (ncl_session_get_id (bare), ==, "without-anything@20260502T2230Z");
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_sessions (event)), ==, 2);
  g_assert_true (ncl_test_has_problem (event, "Line 23: an event has no title"));
}

/* A refresh that retitles a session keeps its object (and so its row, its
 * star and the focus): sessions of a schedule are known by their ids. */
static void
test_refresh_retitled (void)
{
  g_autoptr(GBytes) bytes = ncl_test_fixture_bytes ("fixtures", "pentabarf", "conference.xml", NULL);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(NclEvent) shown = parse_good ("conference.xml");
  g_autoptr(NclSession) before = g_object_ref (ncl_test_session_titled (shown, "A Lightning Tour of GTK 4"));
  g_autoptr(GBytes) retitled = NULL;
  g_autoptr(NclEvent) fresh = NULL;
  g_autoptr(GError) error = NULL;

  g_string_replace (text, "A Lightning Tour of GTK 4", "A Lightning Tour of GTK 4.18", 1);
  retitled = g_string_free_to_bytes (g_steal_pointer (&text));
  fresh = ncl_pentabarf_parse (retitled, NULL, &error);
  g_assert_no_error (error);

  ncl_event_update_from (shown, fresh);
  g_assert_true (ncl_test_session_titled (shown, "A Lightning Tour of GTK 4.18") == before);
  g_assert_cmpstr (ncl_session_get_id (before), ==, "103");
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_sessions (shown)), ==, 4);
}

/* The generated FOSDEM-size schedule: everything in it is read. */
static void
test_fosdem_size (void)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GDateTime *previous = NULL;
  const char *path = g_getenv ("NCL_LARGE_SCHEDULE");
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) event = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GListModel *sessions;
  guint n_slides = 0, n_recordings = 0;
  gsize length;

  if (path == NULL)
    {
      g_test_skip ("NCL_LARGE_SCHEDULE names no generated schedule (meson test sets it)");
      return;
    }

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  event = ncl_pentabarf_parse (bytes, NULL, &error);
  g_assert_no_error (error);

  sessions = ncl_event_get_sessions (event);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 1000);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_days (event)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_rooms (event)), ==, 60);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_speakers (event)), ==, 500);
  g_assert_null (ncl_event_get_problems (event)[0]);

  /* Every session once, in the order they start (the file lists them
   * room by room). */
  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(NclSession) session = g_list_model_get_item (sessions, i);

      g_assert_nonnull (ncl_session_get_end (session));
      g_assert_true (g_hash_table_add (ids, g_strdup (ncl_session_get_source_id (session))));
      if (previous != NULL)
        g_assert_cmpint (g_date_time_compare (previous, ncl_session_get_start (session)), <=, 0);
      g_clear_pointer (&previous, g_date_time_unref);
      previous = g_date_time_ref (ncl_session_get_start (session));
      n_slides += ncl_session_get_slides_url (session) != NULL;
      n_recordings += ncl_session_get_recording_url (session) != NULL;
    }
  g_clear_pointer (&previous, g_date_time_unref);
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u", 1000 + i);

      g_assert_true (g_hash_table_contains (ids, id));
    }
  /* Every fifth has slides, every third a recording (gen-event.py). */
  g_assert_cmpuint (n_slides, ==, 200);
  g_assert_cmpuint (n_recordings, ==, 334);
}

/* FOSDEM-style: no zone anywhere. The times are wall times, the same
 * whatever zone the machine is in; the event has no zone (so an export
 * writes them floating). */
static void
test_floating (void)
{
  const char *machine_zones[] = { "Pacific/Auckland", "America/Los_Angeles" };

  for (guint i = 0; i < G_N_ELEMENTS (machine_zones); i++)
    {
      g_autoptr(NclEvent) event = NULL;

      g_setenv ("TZ", machine_zones[i], TRUE);
      event = parse_good ("floating.xml");
      g_assert_true (ncl_event_get_floating (event));
      g_assert_null (ncl_event_get_time_zone (event));
      g_assert_null (ncl_event_get_problems (event)[0]);
      ncl_test_assert_times (ncl_test_session_titled (event, "Welcome to Float Fest"),
                             "2026-01-31T09:30:00+00:00", "2026-01-31T09:55:00+00:00");
      /* A <date> without an offset is a wall time too. */
      ncl_test_assert_times (ncl_test_session_titled (event, "Closing Float Fest"),
                             "2026-02-01T17:00:00+00:00", "2026-02-01T17:15:00+00:00");
    }
  g_unsetenv ("TZ");

  /* An offset anywhere names the zone: the conference file is not floating. */
  {
    g_autoptr(NclEvent) event = parse_good ("conference.xml");

    g_assert_false (ncl_event_get_floating (event));
  }
}

/* What real frab and pretalx exports do, each read as the file means it. */
static void
test_real_world (void)
{
  g_autoptr(NclEvent) event = parse_good ("real-world.xml");
  GListModel *sessions = ncl_event_get_sessions (event);
  g_autoptr(NclSession) first = NULL;
  g_autoptr(NclSession) second = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_lightning = 0;

  g_assert_cmpstr (g_time_zone_get_identifier (ncl_event_get_time_zone (event)), ==, "Europe/Berlin");
  g_assert_null (ncl_event_get_problems (event)[0]);

  /* Its <date> in UTC, its <day> the 27th: 00:30 on the 28th in Berlin. */
  ncl_test_assert_times (ncl_test_session_titled (event, "Dated in UTC"),
                         "2026-12-28T00:30:00+01:00", "2026-12-28T01:15:00+01:00");
  /* 01:30 in a day that runs from 10:00 to 04:00: the next morning. */
  ncl_test_assert_times (ncl_test_session_titled (event, "After Midnight in the Day Before"),
                         "2026-12-28T01:30:00+01:00", "2026-12-28T02:30:00+01:00");
  /* The event's own room, not its block's; 12:59 is a duration. */
  g_assert_cmpstr (ncl_session_get_room (ncl_test_session_titled (event, "Listed in the Wrong Room")), ==,
                   "Saal Grace");
  ncl_test_assert_times (ncl_test_session_titled (event, "Listed in the Wrong Room"),
                         "2026-12-27T11:00:00+01:00", "2026-12-27T23:59:00+01:00");
  ncl_test_assert_times (ncl_test_session_titled (event, "Camp Build-up"),
                         "2026-12-27T12:00:00+01:00", "2026-12-28T14:30:00+01:00");

  /* The same title at the same time in two rooms: two sessions, each in
   * its room, with ids of their own (a star on one is not on the other). */
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(NclSession) session = g_list_model_get_item (sessions, i);

      g_assert_true (g_hash_table_add (ids, (gpointer) ncl_session_get_id (session)));
      if (g_strcmp0 (ncl_session_get_title (session), "Lightning Talks") != 0)
        continue;
      if (n_lightning++ == 0)
        first = g_object_ref (session);
      else
        second = g_object_ref (session);
    }
  g_assert_cmpuint (n_lightning, ==, 2);
  g_assert_cmpstr (ncl_session_get_room (first), ==, "Saal 1");
  g_assert_cmpstr (ncl_session_get_room (second), ==, "Saal 2");
  g_assert_true (g_date_time_equal (ncl_session_get_start (first), ncl_session_get_start (second)));
  g_assert_cmpstr (ncl_session_get_id (first), !=, ncl_session_get_id (second));
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 6);
}

/* A repeated GUID or id still gives one session per event, each with an
 * id of its own, the same at every reading. */
static void
test_repeated_ids (void)
{
  g_autoptr(NclEvent) event = parse_good ("repeated-guids.xml");
  g_autoptr(NclEvent) again = parse_good ("repeated-guids.xml");

  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_sessions (event)), ==, 4);
  g_assert_cmpstr (ncl_session_get_id (ncl_test_session_titled (event, "Copied Talk")), ==,
                   "c0ffee00-0000-4000-8000-000000000001");
  g_assert_cmpstr (ncl_session_get_id (ncl_test_session_titled (event, "Copied Talk, Again")), ==,
                   "c0ffee00-0000-4000-8000-000000000001#2");
  g_assert_cmpstr (ncl_session_get_id (ncl_test_session_titled (event, "Seventh")), ==, "7");
  g_assert_cmpstr (ncl_session_get_id (ncl_test_session_titled (event, "Also Seventh")), ==, "7#2");
  g_assert_cmpstr (ncl_session_get_id (ncl_test_session_titled (again, "Also Seventh")), ==, "7#2");
}

typedef struct
{
  const char *file;
  NclPentabarfError code;
  const char *message;  /* a part of it */
} ErrorCase;

static void
test_errors (void)
{
  static const ErrorCase cases[] = {
    { "truncated.xml", NCL_PENTABARF_ERROR_NOT_XML, "the schedule is not well-formed XML" },
    { "wrong-encoding.xml", NCL_PENTABARF_ERROR_NOT_XML,
      "Line 4: the schedule is not in the encoding it declares" },
    { "entities.xml", NCL_PENTABARF_ERROR_ENTITIES, "declares entities of its own" },
    { "not-schedule.xml", NCL_PENTABARF_ERROR_NOT_SCHEDULE, "it starts with <rss>, not <schedule>" },
    { "no-times.xml", NCL_PENTABARF_ERROR_NO_SESSIONS,
      "no session that can be read (Line 7: “Sometime” has no start time" },
    { "no-sessions.xml", NCL_PENTABARF_ERROR_NO_SESSIONS, "The schedule has no sessions" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NclEvent) event = parse_fixture (cases[i].file, &error);

      g_test_message ("%s: %s", cases[i].file, error != NULL ? error->message : "(no error)");
      g_assert_null (event);
      g_assert_error (error, NCL_PENTABARF_ERROR, (int) cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      /* One line a person can act on. */
      g_assert_null (strchr (error->message, '\n'));
    }
}

static void
test_empty (void)
{
  g_autoptr(GBytes) none = g_bytes_new (NULL, 0);
  g_autoptr(GBytes) blank = g_bytes_new_static ("\n  \t\n", 5);
  g_autoptr(GError) error = NULL;

  g_assert_null (ncl_pentabarf_parse (none, NULL, &error));
  g_assert_error (error, NCL_PENTABARF_ERROR, NCL_PENTABARF_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_null (ncl_pentabarf_parse (blank, NULL, &error));
  g_assert_error (error, NCL_PENTABARF_ERROR, NCL_PENTABARF_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "The schedule is empty");
}

/* Larger than any schedule: refused before it is parsed. */
static void
test_too_large (void)
{
  gsize size = NCL_PENTABARF_MAX_SIZE + 1;
  char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  memset (data, ' ', size);
  memcpy (data, "<schedule>", 10);
  bytes = g_bytes_new_take (data, size);

  g_assert_null (ncl_pentabarf_parse (bytes, NULL, &error));
  g_assert_error (error, NCL_PENTABARF_ERROR, NCL_PENTABARF_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "The schedule is 64.0\u00a0MiB (67108865 bytes), larger than the "
                   "64.0\u00a0MiB a schedule may have");
}

/* Through the registry: the file's content says what it is; an HTML error
 * page served in its place is no schedule. */
static void
test_registry (void)
{
  g_autoptr(GBytes) bytes = ncl_test_fixture_bytes ("fixtures", "pentabarf", "conference.xml", NULL);
  g_autoptr(GBytes) error_page = g_bytes_new_static ("<html><body><h1>502 Bad Gateway</h1></body></html>", 51);
  g_autoptr(NclEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  const NclFormat *format = NULL;

  event = ncl_format_parse (bytes, NULL, &format, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (format->name, ==, "pentabarf-xml");
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_sessions (event)), ==, 4);

  g_assert_null (ncl_format_parse (error_page, NULL, NULL, &error));
  g_assert_error (error, NCL_FORMAT_ERROR, NCL_FORMAT_ERROR_UNKNOWN);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ncl/pentabarf-format/conference", test_conference);
  g_test_add_func ("/ncl/pentabarf-format/past-midnight", test_past_midnight);
  g_test_add_func ("/ncl/pentabarf-format/dst", test_dst);
  g_test_add_func ("/ncl/pentabarf-format/unknown-zone", test_unknown_zone);
  g_test_add_func ("/ncl/pentabarf-format/durations", test_durations);
  g_test_add_func ("/ncl/pentabarf-format/ids", test_ids);
  g_test_add_func ("/ncl/pentabarf-format/floating", test_floating);
  g_test_add_func ("/ncl/pentabarf-format/real-world", test_real_world);
  g_test_add_func ("/ncl/pentabarf-format/repeated-ids", test_repeated_ids);
  g_test_add_func ("/ncl/pentabarf-format/refresh-retitled", test_refresh_retitled);
  g_test_add_func ("/ncl/pentabarf-format/fosdem-size", test_fosdem_size);
  g_test_add_func ("/ncl/pentabarf-format/errors", test_errors);
  g_test_add_func ("/ncl/pentabarf-format/empty", test_empty);
  g_test_add_func ("/ncl/pentabarf-format/too-large", test_too_large);
  g_test_add_func ("/ncl/pentabarf-format/registry", test_registry);

  return g_test_run ();
}
