/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ncl-format.h"
#include "ncl-ical-format.h"
#include "ncl-test-schedule.h"

/* iCalendar files, written by hand from RFC 5545 and what pretalx, Outlook
 * and Google Calendar export (tests/fixtures/ical/): what a person sees of
 * each session, its instant in the event's zone, and one clear error for
 * each file that cannot be read. */

static NclEvent *
parse_fixture (const char  *name,
               GError     **error)
{
  return ncl_test_schedule_parse (ncl_ical_parse, "ical", name, error);
}

static NclEvent *
parse_good (const char *name)
{
  return ncl_test_schedule_parse_good (ncl_ical_parse, "ical", name);
}

static void
test_conference (void)
{
  g_autoptr(NclEvent) event = parse_good ("conference.ics");
  NclSession *welcome, *schedules, *gtk;
  g_autoptr(NclSpeaker) grace = NULL;
  const char * const *names;

  g_assert_cmpstr (ncl_event_get_title (event), ==, "ExampleCon 2026");
  g_assert_cmpstr (ncl_event_get_zone_text (event), ==, "Europe/Brussels");
  g_assert_cmpstr (g_time_zone_get_identifier (ncl_event_get_time_zone (event)), ==, "Europe/Brussels");
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_sessions (event)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_days (event)), ==, 2);
  g_assert_null (ncl_event_get_problems (event)[0]);

  welcome = ncl_test_session_titled (event, "Welcome to ExampleCon");
  g_assert_cmpstr (ncl_session_get_id (welcome), ==, "101@examplecon.org");
  g_assert_cmpstr (ncl_session_get_room (welcome), ==, "Janson");
  /* The first category is the track. */
  g_assert_cmpstr (ncl_session_get_track (welcome), ==, "Keynotes");
  ncl_test_assert_times (welcome, "2026-02-07T09:30:00+01:00", "2026-02-07T09:55:00+01:00");
  g_assert_cmpstr (ncl_session_get_url (welcome), ==, "https://examplecon.org/2026/schedule/event/welcome/");
  /* The organizer, then the attendees with a name; an address alone is
   * nobody's. */
  names = ncl_session_get_speaker_names (welcome);
  g_assert_cmpstr (names[0], ==, "Ada Lovelace");
  g_assert_cmpstr (names[1], ==, "Grace Hopper");
  g_assert_null (names[2]);
  /* An escaped CRLF is a line end, not a \r in the text; a folded line is
   * one line. */
  g_assert_null (strchr (ncl_session_get_description (welcome), '\r'));
  g_assert_cmpstr (ncl_session_get_description (welcome), ==,
                   "Opening words, the map and the rules.\n\nSecond paragraph.");

  /* Old exporters' CHARSET and ENCODING parameters change nothing; a
   * DURATION gives the end. */
  schedules = ncl_test_session_titled (event, "Schedules, Time Zones and Other Café Arguments");
  g_assert_cmpstr (ncl_session_get_room (schedules), ==, "K.1.105 (La Fontaine)");
  ncl_test_assert_times (schedules, "2026-02-07T10:00:00+01:00", "2026-02-07T10:50:00+01:00");
  g_assert_null (ncl_session_get_track (schedules));

  /* UTC times are shown in the event's zone; no LOCATION is fine; a
   * javascript: link is not taken. */
  gtk = ncl_test_session_titled (event, "A Lightning Tour of GTK 4");
  ncl_test_assert_times (gtk, "2026-02-08T11:00:00+01:00", "2026-02-08T11:30:00+01:00");
  g_assert_null (ncl_session_get_room (gtk));
  g_assert_null (ncl_session_get_url (gtk));

  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_speakers (event)), ==, 2);
  grace = g_object_ref (ncl_event_find_speaker (event, "Grace Hopper"));
  g_assert_cmpuint (g_list_model_get_n_items (ncl_speaker_get_sessions (grace)), ==, 2);
}

/* A TZID without its VTIMEZONE is the system's zone of that name (with or
 * without a vendor's prefix), never the machine's own zone. */
static void
test_system_zones (void)
{
  g_autoptr(NclEvent) event = NULL;

  g_setenv ("TZ", "America/Los_Angeles", TRUE);
  event = parse_good ("system-zones.ics");
  g_assert_null (ncl_event_get_problems (event)[0]);
  /* The first event's zone is the event's. */
  g_assert_cmpstr (g_time_zone_get_identifier (ncl_event_get_time_zone (event)), ==, "Europe/Paris");
  ncl_test_assert_times (ncl_test_session_titled (event, "Evening in Paris"),
                "2026-06-15T18:00:00+02:00", "2026-06-15T19:00:00+02:00");
  ncl_test_assert_times (ncl_test_session_titled (event, "Morning in Brisbane"),
                "2026-06-16T01:00:00+02:00", "2026-06-16T02:00:00+02:00");
  ncl_test_assert_times (ncl_test_session_titled (event, "A Vendor's Prefix"),
                "2026-06-16T12:00:00+02:00", "2026-06-16T12:30:00+02:00");
  g_unsetenv ("TZ");
}

/* Floating times stay wall times: a calendar that names no zone gets none
 * (a BOM and LF line ends are fine too). */
static void
test_floating (void)
{
  g_autoptr(NclEvent) event = NULL;

  g_setenv ("TZ", "Asia/Tokyo", TRUE);
  event = parse_good ("floating.ics");
  g_assert_null (ncl_event_get_time_zone (event));
  g_assert_null (ncl_event_get_zone_text (event));
  ncl_test_assert_times (ncl_test_session_titled (event, "Hacking"), "2026-03-10T19:00:00+00:00", "2026-03-10T21:00:00+00:00");
  /* An all-day event without an end lasts its day. */
  ncl_test_assert_times (ncl_test_session_titled (event, "Cleanup Day"), "2026-03-11T00:00:00+00:00", "2026-03-12T00:00:00+00:00");
  g_unsetenv ("TZ");
}

/* With a hint, floating times are in the hint's zone. */
static void
test_floating_hint (void)
{
  g_autoptr(GBytes) bytes = ncl_test_fixture_bytes ("fixtures", "ical", "floating.ics", NULL);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GDateTime) date = g_date_time_new (zone, 2026, 3, 10, 0, 0, 0);
  NclParseHints hints = { .date = date };
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) event = ncl_ical_parse (bytes, &hints, &error);

  g_assert_no_error (error);
  ncl_test_assert_times (ncl_test_session_titled (event, "Hacking"), "2026-03-10T19:00:00-04:00", "2026-03-10T21:00:00-04:00");
}

static void
test_all_day (void)
{
  g_autoptr(NclEvent) event = parse_good ("all-day.ics");

  g_assert_cmpstr (ncl_event_get_zone_text (event), ==, "Europe/Berlin");
  ncl_test_assert_times (ncl_test_session_titled (event, "Build-up"), "2026-08-10T00:00:00+02:00", "2026-08-12T00:00:00+02:00");
  ncl_test_assert_times (ncl_test_session_titled (event, "Opening Day"), "2026-08-12T00:00:00+02:00", "2026-08-13T00:00:00+02:00");
}

/* A session through the spring change lasts its hour (DURATION) or ends at
 * its wall clock (DTEND), by the calendar's VTIMEZONE. */
static void
test_dst (void)
{
  g_autoptr(NclEvent) event = parse_good ("dst.ics");

  ncl_test_assert_times (ncl_test_session_titled (event, "Through the Change"),
                "2026-03-29T01:30:00+01:00", "2026-03-29T03:30:00+02:00");
  ncl_test_assert_times (ncl_test_session_titled (event, "Wall Clock End"),
                "2026-03-29T01:30:00+01:00", "2026-03-29T03:30:00+02:00");
  ncl_test_assert_times (ncl_test_session_titled (event, "Summer Time Morning"),
                "2026-03-29T10:00:00+02:00", "2026-03-29T10:30:00+02:00");
}

/* Outlook's zone names are no system zone's: the VTIMEZONE's rules place
 * the times. */
static void
test_outlook (void)
{
  g_autoptr(NclEvent) event = parse_good ("outlook.ics");
  g_autoptr(GDateTime) summer = g_date_time_to_utc (ncl_session_get_start (ncl_test_session_titled (event, "Summer Standup")));
  g_autoptr(GDateTime) winter = g_date_time_to_utc (ncl_session_get_start (ncl_test_session_titled (event, "Winter Standup")));
  g_autofree char *summer_text = ncl_test_iso (summer);
  g_autofree char *winter_text = ncl_test_iso (winter);

  g_assert_cmpstr (summer_text, ==, "2026-07-01T13:00:00+00:00");
  g_assert_cmpstr (winter_text, ==, "2026-01-05T14:00:00+00:00");
}

/* A zone neither the calendar nor the system knows is said, once; its
 * times are wall times. */
static void
test_unknown_zone (void)
{
  g_autoptr(NclEvent) event = parse_good ("unknown-zone.ics");

  g_assert_true (ncl_test_has_problem (event, "The time zone “Mars/Olympus_Mons” is unknown"));
  g_assert_true (ncl_test_has_problem (event, "Line 6: the time zone “Mars/Olympus_Mons” is neither"));
  g_assert_cmpuint (g_strv_length ((char **) ncl_event_get_problems (event)), ==, 2);
  ncl_test_assert_times (ncl_test_session_titled (event, "Opening"), "2026-01-10T09:15:00+00:00", "2026-01-10T10:00:00+00:00");
  ncl_test_assert_times (ncl_test_session_titled (event, "Second Talk"), "2026-01-10T11:00:00+00:00", "2026-01-10T11:45:00+00:00");
}

/* Keys: the UID, a repeated one made unique, else the title and start; an
 * event without a summary is left out and said, with its line. */
/* What old exporters write: CHARSET and ENCODING parameters, stray
 * carriage returns in a DESCRIPTION, TZIDs without VTIMEZONE (one with
 * VALUE=DATE-TIME after it), no LOCATION, speakers only as ATTENDEEs. */
static void
test_legacy (void)
{
  g_autoptr(NclEvent) event = parse_good ("legacy.ics");
  NclSession *cafe = ncl_test_session_titled (event, "Café Talk");
  NclSession *coffee = ncl_test_session_titled (event, "Morning Coffee");
  const char * const *names = ncl_session_get_speaker_names (cafe);
  const char *text = ncl_session_get_description_text (cafe);

  g_assert_cmpstr (ncl_event_get_title (event), ==, "Legacy Lounge");
  g_assert_null (ncl_event_get_problems (event)[0]);
  ncl_test_assert_times (cafe, "2026-04-10T14:00:00+02:00", "2026-04-10T15:00:00+02:00");
  ncl_test_assert_times (coffee, "2026-04-11T01:00:00+02:00", "2026-04-11T01:30:00+02:00");
  g_assert_null (ncl_session_get_room (cafe));
  g_assert_null (ncl_session_get_room (coffee));
  g_assert_cmpstr (names[0], ==, "Zoé Martin");
  g_assert_cmpstr (names[1], ==, "Paul Durand");
  g_assert_null (names[2]);
  /* The text reads as written; no carriage return is left in it. */
  g_assert_nonnull (text);
  g_assert_null (strchr (text, '\r'));
  g_assert_nonnull (strstr (text, "First line."));
  g_assert_nonnull (strstr (text, "after a stray return."));
}

static void
test_ids (void)
{
  g_autoptr(NclEvent) event = parse_good ("no-uids.ics");
  NclSession *bare = ncl_test_session_titled (event, "Without Anything");

  g_assert_null (ncl_session_get_source_id (bare));
  g_assert_cmpstr (ncl_session_get_id (bare), ==, "without-anything@20260502T2230Z");
  g_assert_cmpstr (ncl_session_get_id (ncl_test_session_titled (event, "First of Two")), ==, "same");
  g_assert_cmpstr (ncl_session_get_id (ncl_test_session_titled (event, "Second of Two")), ==, "same#2");
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_sessions (event)), ==, 4);
  g_assert_true (ncl_test_has_problem (event, "Line 20: an event has no summary"));
  /* An end before the start is said; the session stays, without an end. */
  ncl_test_assert_times (ncl_test_session_titled (event, "Ends Before It Starts"), "2026-05-02T18:00:00+00:00", NULL);
  g_assert_true (ncl_test_has_problem (event, "Line 24: the end of “Ends Before It Starts”"));
}

/* The generated FOSDEM-size calendar: everything in it is read. */
static void
test_fosdem_size (void)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GDateTime *previous = NULL;
  const char *path = g_getenv ("NCL_LARGE_ICAL");
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) event = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GListModel *sessions;
  gsize length;

  if (path == NULL)
    {
      g_test_skip ("NCL_LARGE_ICAL names no generated calendar (meson test sets it)");
      return;
    }

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  event = ncl_ical_parse (bytes, NULL, &error);
  g_assert_no_error (error);

  sessions = ncl_event_get_sessions (event);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 1000);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_days (event)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_rooms (event)), ==, 60);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_speakers (event)), ==, 500);
  g_assert_cmpstr (ncl_event_get_zone_text (event), ==, "Europe/Brussels");
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
    }
  g_clear_pointer (&previous, g_date_time_unref);
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *id = g_strdup_printf ("%u@benchcon.example", 1000 + i);

      g_assert_true (g_hash_table_contains (ids, id));
    }
}

typedef struct
{
  const char *file;
  NclIcalError code;
  const char *message;  /* a part of it */
} ErrorCase;

static void
test_errors (void)
{
  static const ErrorCase cases[] = {
    { "truncated.ics", NCL_ICAL_ERROR_NOT_ICAL, "BEGIN:VEVENT of line 9 is not closed" },
    { "not-ical.ics", NCL_ICAL_ERROR_NOT_ICAL, "Line 1: the file is no iCalendar file" },
    { "no-sessions.ics", NCL_ICAL_ERROR_NO_SESSIONS, "The calendar has no sessions" },
    { "no-times.ics", NCL_ICAL_ERROR_NO_SESSIONS,
      "no session that can be read (Line 4: “Sometime” has no start time" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NclEvent) event = parse_fixture (cases[i].file, &error);

      g_test_message ("%s: %s", cases[i].file, error != NULL ? error->message : "(no error)");
      g_assert_null (event);
      g_assert_error (error, NCL_ICAL_ERROR, (int) cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      g_assert_null (strchr (error->message, '\n'));
    }
}

/* An END that closes another component than the last BEGIN names both. */
static void
test_mismatched (void)
{
  static const char text[] = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VCALENDAR\r\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;

  g_assert_null (ncl_ical_parse (bytes, NULL, &error));
  g_assert_error (error, NCL_ICAL_ERROR, NCL_ICAL_ERROR_NOT_ICAL);
  g_assert_cmpstr (error->message, ==, "Line 4: END:VCALENDAR, but BEGIN:VEVENT of line 2 is not closed");
}

/* A DESCRIPTION, a SUMMARY and a LOCATION in Latin-1 in a calendar that says nothing of its
 * charset (fuzz-ical found it crashing the paragraph split): the session
 * is read, the bad byte shown as U+FFFD. */
static void
test_description_not_utf8 (void)
{
  static const char ics[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1@example.org\r\n"
    "DTSTART:20260501T100000Z\r\nDURATION:PT30M\r\nSUMMARY:Caf\xc3\xa9 talk\r\n"
    "DESCRIPTION:Un caf\xe9\\n\\nsvp\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:2@example.org\r\n"
    "DTSTART:20260501T110000Z\r\nSUMMARY:Th\xe9 time\r\nLOCATION:Salle \xe0 manger\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (ics, strlen (ics));
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) event = ncl_ical_parse (bytes, NULL, &error);
  NclSession *session;

  g_assert_no_error (error);
  session = ncl_test_session_titled (event, "Café talk");
  g_assert_nonnull (strstr (ncl_session_get_description_text (session), "Un caf\uFFFD"));
  g_assert_nonnull (strstr (ncl_session_get_description_text (session), "svp"));
  /* A title and a room too. */
  session = ncl_test_session_titled (event, "Th\uFFFD time");
  g_assert_cmpstr (ncl_session_get_room (session), ==, "Salle \uFFFD manger");
}

static void
test_empty (void)
{
  g_autoptr(GBytes) none = g_bytes_new (NULL, 0);
  g_autoptr(GBytes) blank = g_bytes_new_static ("\r\n  \t\n", 6);
  g_autoptr(GError) error = NULL;

  g_assert_null (ncl_ical_parse (none, NULL, &error));
  g_assert_error (error, NCL_ICAL_ERROR, NCL_ICAL_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_null (ncl_ical_parse (blank, NULL, &error));
  g_assert_error (error, NCL_ICAL_ERROR, NCL_ICAL_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "The calendar is empty");
}

static void
test_too_large (void)
{
  gsize size = NCL_ICAL_MAX_SIZE + 1;
  char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  memset (data, '\n', size);
  memcpy (data, "BEGIN:VCALENDAR", 15);
  bytes = g_bytes_new_take (data, size);

  g_assert_null (ncl_ical_parse (bytes, NULL, &error));
  g_assert_error (error, NCL_ICAL_ERROR, NCL_ICAL_ERROR_TOO_LARGE);
}

static void
test_registry (void)
{
  g_autoptr(GBytes) bytes = ncl_test_fixture_bytes ("fixtures", "ical", "conference.ics", NULL);
  g_autoptr(NclEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  const NclFormat *format = NULL;

  event = ncl_format_parse (bytes, NULL, &format, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (format->name, ==, "ical");
  g_assert_true (ncl_format_find ("ical") == format);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_sessions (event)), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ncl/ical-format/conference", test_conference);
  g_test_add_func ("/ncl/ical-format/system-zones", test_system_zones);
  g_test_add_func ("/ncl/ical-format/floating", test_floating);
  g_test_add_func ("/ncl/ical-format/floating-hint", test_floating_hint);
  g_test_add_func ("/ncl/ical-format/all-day", test_all_day);
  g_test_add_func ("/ncl/ical-format/dst", test_dst);
  g_test_add_func ("/ncl/ical-format/outlook", test_outlook);
  g_test_add_func ("/ncl/ical-format/unknown-zone", test_unknown_zone);
  g_test_add_func ("/ncl/ical-format/ids", test_ids);
  g_test_add_func ("/ncl/ical-format/legacy", test_legacy);
  g_test_add_func ("/ncl/ical-format/fosdem-size", test_fosdem_size);
  g_test_add_func ("/ncl/ical-format/errors", test_errors);
  g_test_add_func ("/ncl/ical-format/mismatched", test_mismatched);
  g_test_add_func ("/ncl/ical-format/description-not-utf8", test_description_not_utf8);
  g_test_add_func ("/ncl/ical-format/empty", test_empty);
  g_test_add_func ("/ncl/ical-format/too-large", test_too_large);
  g_test_add_func ("/ncl/ical-format/registry", test_registry);

  return g_test_run ();
}
