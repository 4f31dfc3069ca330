/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "ncl-format.h"
#include "ncl-frab-json-format.h"
#include "ncl-test-schedule.h"

/* frab and pretalx schedule.json files, written by hand from the c3voc
 * schedule JSON schema and what pretalx and frab files do
 * (tests/fixtures/frab-json/): what a person sees of each session, its
 * instant in the event's zone, and one clear error for each file that
 * cannot be read. */

static NclEvent *
parse_fixture (const char  *name,
               GError     **error)
{
  return ncl_test_schedule_parse (ncl_frab_json_parse, "frab-json", name, error);
}

static NclEvent *
parse_good (const char *name)
{
  return ncl_test_schedule_parse_good (ncl_frab_json_parse, "frab-json", name);
}

static void
test_conference (void)
{
  g_autoptr(NclEvent) event = parse_good ("conference.json");
  NclSession *welcome, *reading, *lunch, *gtk;
  g_autoptr(NclSpeaker) grace = NULL;
  const char * const *names;

  g_assert_cmpstr (ncl_event_get_title (event), ==, "ExampleCon 2026");
  g_assert_cmpstr (g_time_zone_get_identifier (ncl_event_get_time_zone (event)), ==, "Europe/Brussels");
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_sessions (event)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_days (event)), ==, 2);
  /* Rooms are those with sessions: "Hallway" is in no day. */
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_rooms (event)), ==, 2);
  g_assert_null (ncl_event_get_problems (event)[0]);

  /* A numeric id is the session's id; persons by public_name, else name. */
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
  /* Relative links resolve against the schedule's base_url; the PDF
   * attachment is the slides, the WebM file the recording (before the
   * YouTube stream). */
  g_assert_cmpstr (ncl_session_get_url (welcome), ==, "https://examplecon.example.org/2026/talk/101/");
  g_assert_cmpstr (ncl_session_get_slides_url (welcome), ==,
                   "https://examplecon.example.org/2026/slides/welcome.pdf");
  g_assert_cmpstr (ncl_session_get_recording_url (welcome), ==,
                   "https://video.example.org/excon26/welcome.webm");
  /* A plain abstract and an HTML description, both said, the link absolute. */
  g_assert_nonnull (strstr (ncl_session_get_description_text (welcome), "The organisers open the conference."));
  g_assert_nonnull (strstr (ncl_session_get_description_text (welcome), "the network"));
  g_assert_nonnull (strstr (ncl_session_get_description (welcome), "https://examplecon.example.org/2026/wifi"));

  /* A string id; persons as plain strings, their spaces tidied; a null
   * track and an empty subtitle are none; the same abstract and
   * description are said once. */
  reading = ncl_test_session_titled (event, "Reading schedules");
  g_assert_cmpstr (ncl_session_get_id (reading), ==, "102");
  g_assert_null (ncl_session_get_track (reading));
  g_assert_null (ncl_session_get_subtitle (reading));
  g_assert_cmpstr (ncl_session_get_description (reading), ==, "Three formats,\none model.");
  names = ncl_session_get_speaker_names (reading);
  g_assert_cmpstr (names[0], ==, "Grace Hopper");
  g_assert_cmpstr (names[1], ==, "Margaret Hamilton");
  g_assert_null (ncl_session_get_slides_url (reading));
  g_assert_null (ncl_session_get_recording_url (reading));
  ncl_test_assert_times (reading, "2026-02-07T10:00:00+01:00", "2026-02-07T11:00:00+01:00");

  lunch = ncl_test_session_titled (event, "Lunch");
  g_assert_cmpint (ncl_session_get_kind (lunch), ==, NCL_SESSION_BREAK);

  /* A slides site among the links is the slides. */
  gtk = ncl_test_session_titled (event, "GTK on every desktop");
  g_assert_cmpstr (ncl_session_get_slides_url (gtk), ==, "https://slides.com/ada/gtk");
  ncl_test_assert_times (gtk, "2026-02-08T11:00:00+01:00", "2026-02-08T11:50:00+01:00");

  /* One speaker for one person, however the file writes the person. */
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_speakers (event)), ==, 3);
  grace = g_object_ref (ncl_event_find_speaker (event, "Grace Hopper"));
  g_assert_cmpuint (g_list_model_get_n_items (ncl_speaker_get_sessions (grace)), ==, 2);
}

/* A date with an offset says the instant; without one, the day's date and
 * a start past 24:00 or before the day change are the next day's small
 * hours; D:HH:MM durations run over days. */
static void
test_past_midnight (void)
{
  g_autoptr(NclEvent) event = parse_good ("past-midnight.json");

  ncl_test_assert_times (ncl_test_session_titled (event, "Across midnight"),
                         "2026-08-14T23:30:00+02:00", "2026-08-15T00:30:00+02:00");
  ncl_test_assert_times (ncl_test_session_titled (event, "Day notation"),
                         "2026-08-15T01:30:00+02:00", "2026-08-15T02:00:00+02:00");
  ncl_test_assert_times (ncl_test_session_titled (event, "Before the day change"),
                         "2026-08-15T03:00:00+02:00", "2026-08-15T03:45:00+02:00");
  ncl_test_assert_times (ncl_test_session_titled (event, "A whole weekend"),
                         "2026-08-14T12:00:00+02:00", "2026-08-16T12:00:00+02:00");
  g_assert_null (ncl_event_get_problems (event)[0]);
}

/* Berlin springs forward at 02:00 on 29 March 2026: an hour-long session
 * from 01:30 ends at 03:30 summer time. */
static void
test_dst (void)
{
  g_autoptr(NclEvent) event = parse_good ("dst.json");

  ncl_test_assert_times (ncl_test_session_titled (event, "Before the change"),
                         "2026-03-28T23:00:00+01:00", "2026-03-29T00:00:00+01:00");
  ncl_test_assert_times (ncl_test_session_titled (event, "Through the change"),
                         "2026-03-29T01:30:00+01:00", "2026-03-29T03:30:00+02:00");
  ncl_test_assert_times (ncl_test_session_titled (event, "After the change"),
                         "2026-03-29T10:00:00+02:00", "2026-03-29T10:30:00+02:00");
}

/* A zone this system does not know: said once, and the file's offsets
 * (the event's, else its day's start's) are used. */
static void
test_unknown_zone (void)
{
  g_autoptr(NclEvent) event = parse_good ("unknown-zone.json");

  g_assert_true (ncl_test_has_problem (event, "The time zone “Mars/Olympus_Mons” is unknown"));
  g_assert_cmpuint (g_strv_length ((char **) ncl_event_get_problems (event)), ==, 1);
  ncl_test_assert_times (ncl_test_session_titled (event, "With its offset"),
                         "2026-05-04T09:30:00+05:30", "2026-05-04T10:00:00+05:30");
  ncl_test_assert_times (ncl_test_session_titled (event, "Day and start only"),
                         "2026-05-04T11:00:00+05:30", "2026-05-04T11:30:00+05:30");
}

/* Members of the wrong type count as missing; what cannot be read is a
 * problem that says where, and the rest of the file stays. */
static void
test_loose (void)
{
  g_autoptr(NclEvent) event = parse_good ("loose.json");
  NclSession *guid, *bare, *odd, *wrapped;

  guid = ncl_test_session_titled (event, "Only a guid");
  g_assert_cmpstr (ncl_session_get_id (guid), ==, "6f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f");
  /* Neither id nor guid: a stable key of its title and start. */
  bare = ncl_test_session_titled (event, "Neither id nor guid");
  g_assert_null (ncl_session_get_source_id (bare));
  g_assert_cmpstr (ncl_session_get_id (bare), ==, "neither-id-nor-guid@20260601T1100Z");

  /* A number is text enough for a title (or an id). */
  g_assert_cmpstr (ncl_session_get_id (ncl_test_session_titled (event, "42")), ==, "3");
  g_assert_true (ncl_test_has_problem (event, "Day 1, “Main”, event 4: the duration “ninety minutes” of "
                                              "“Unreadable duration” cannot be read"));
  g_assert_true (ncl_test_has_problem (event, "Day 1, “Main”, event 5: “No start” has no start time"));
  g_assert_true (ncl_test_has_problem (event, "Day 1, “Main”, event 6: the duration “30” of “Odd types”"));
  g_assert_true (ncl_test_has_problem (event, "Day 1, “Main”, event 7: an event has no title"));
  g_assert_cmpuint (g_strv_length ((char **) ncl_event_get_problems (event)), ==, 4);
  g_assert_null (ncl_session_get_end (ncl_test_session_titled (event, "Unreadable duration")));

  /* Minutes as a number are no duration; an object for persons or the room, a string
   * for links, an array for the abstract: none of them is read; a plain
   * address among the attachments is. */
  odd = ncl_test_session_titled (event, "Odd types");
  g_assert_null (ncl_session_get_end (odd));
  g_assert_null (ncl_session_get_speaker_names (odd)[0]);
  g_assert_cmpstr (ncl_session_get_room (odd), ==, "Main");
  g_assert_null (ncl_session_get_description (odd));
  g_assert_cmpstr (ncl_session_get_slides_url (odd), ==, "https://example.org/deck.pdf");

  wrapped = ncl_test_session_titled (event, "Wrapped title");
  g_assert_cmpstr (ncl_session_get_speaker_names (wrapped)[0], ==, "Ann Example");
  g_assert_null (ncl_session_get_speaker_names (wrapped)[1]);

  /* A room's name is one line, however the key wraps it. */
  g_assert_cmpstr (ncl_session_get_room (ncl_test_session_titled (event, "In a wrapped room")), ==, "Wrapped room");

  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_sessions (event)), ==, 7);
}

/* The same FOSDEM-size schedule as the XML test's, as JSON: every session
 * read, with the same slides and recordings. */
static void
test_fosdem_size (void)
{
  const char *path = g_getenv ("NCL_LARGE_JSON");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(NclEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GListModel *sessions;
  guint n_slides = 0, n_recordings = 0;
  gsize length;

  if (path == NULL)
    {
      g_test_skip ("NCL_LARGE_JSON names no generated schedule (meson test sets it)");
      return;
    }

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  event = ncl_frab_json_parse (bytes, NULL, &error);
  g_assert_no_error (error);

  sessions = ncl_event_get_sessions (event);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 1000);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_days (event)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_rooms (event)), ==, 60);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_speakers (event)), ==, 500);
  g_assert_null (ncl_event_get_problems (event)[0]);

  for (guint i = 0; i < 1000; i++)
    {
      g_autoptr(NclSession) session = g_list_model_get_item (sessions, i);

      g_assert_nonnull (ncl_session_get_end (session));
      n_slides += ncl_session_get_slides_url (session) != NULL;
      n_recordings += ncl_session_get_recording_url (session) != NULL;
    }
  g_assert_cmpuint (n_slides, ==, 200);
  g_assert_cmpuint (n_recordings, ==, 334);
}

typedef struct
{
  const char *file;
  NclFrabJsonError code;
  const char *message;  /* a part of it */
} ErrorCase;

/* A conference "in UTC" whose every date carries +01:00 is at +01:00: the
 * dates are right, and a session is shown at the time its page says. */
static void
test_zone_says_utc (void)
{
  g_autoptr(NclEvent) event = parse_good ("zone-says-utc.json");
  GTimeZone *zone = ncl_event_get_time_zone (event);
  g_autoptr(GDateTime) date = g_date_time_new (zone, 2026, 3, 7, 12, 0, 0);

  g_assert_false (ncl_event_get_floating (event));
  g_assert_cmpint (g_date_time_get_utc_offset (date), ==, G_TIME_SPAN_HOUR);
  g_assert_null (ncl_event_get_zone_text (event));
  ncl_test_assert_times (ncl_test_session_titled (event, "Ten in the Morning"),
                         "2026-03-07T10:00:00+01:00", "2026-03-07T10:45:00+01:00");
  /* `date` and `end`, the schema's successors of `start` and `duration`. */
  ncl_test_assert_times (ncl_test_session_titled (event, "Date and End Only"),
                         "2026-03-07T11:00:00+01:00", "2026-03-07T11:50:00+01:00");
  ncl_test_assert_times (ncl_test_session_titled (event, "End Wins over Duration"),
                         "2026-03-07T14:00:00+01:00", "2026-03-07T14:30:00+01:00");
  g_assert_null (ncl_event_get_problems (event)[0]);
}

/* No time_zone_name: the dates' offsets say where the event is. */
static void
test_no_zone (void)
{
  g_autoptr(NclEvent) event = NULL;

  g_setenv ("TZ", "Asia/Tokyo", TRUE);
  event = parse_good ("no-zone.json");
  g_unsetenv ("TZ");
  g_assert_false (ncl_event_get_floating (event));
  g_assert_cmpint (g_date_time_get_utc_offset (ncl_event_get_date (event)), ==, G_TIME_SPAN_HOUR);
  ncl_test_assert_times (ncl_test_session_titled (event, "Offset in the Date"),
                         "2026-03-07T10:00:00+01:00", "2026-03-07T10:30:00+01:00");
}

static void
test_errors (void)
{
  static const ErrorCase cases[] = {
    { "truncated.json", NCL_FRAB_JSON_ERROR_NOT_JSON, "Line 6: the schedule is not valid JSON (unexpected" },
    { "not-schedule.json", NCL_FRAB_JSON_ERROR_NOT_SCHEDULE, "it has no “schedule” object" },
    { "no-conference.json", NCL_FRAB_JSON_ERROR_NOT_SCHEDULE, "its “schedule” has no “conference”" },
    { "schedule-wrong-type.json", NCL_FRAB_JSON_ERROR_NOT_SCHEDULE,
      "its “schedule” is a string, not an object" },
    { "no-sessions.json", NCL_FRAB_JSON_ERROR_NO_SESSIONS, "The schedule has no sessions" },
    { "no-times.json", NCL_FRAB_JSON_ERROR_NO_SESSIONS,
      "no session that can be read (Day 1, “Main”, event 1: “Sometime” has no start time" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NclEvent) event = parse_fixture (cases[i].file, &error);

      g_test_message ("%s: %s", cases[i].file, error != NULL ? error->message : "(no error)");
      g_assert_null (event);
      g_assert_error (error, NCL_FRAB_JSON_ERROR, (int) cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      /* One line a person can act on. */
      g_assert_null (strchr (error->message, '\n'));
    }
}

static void
assert_refused (const char *data,
                gsize       length,
                int         code,
                const char *message)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  g_autoptr(GError) error = NULL;

  g_assert_null (ncl_frab_json_parse (bytes, NULL, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, NCL_FRAB_JSON_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_hostile (void)
{
  g_autoptr(GString) deep = g_string_new ("{\"schedule\":\n");
  static const char latin1[] = "{\n \"schedule\": {\n  \"conference\": { \"title\": \"Caf\xe9\" }\n }\n}\n";

  /* Latin-1 bytes: JSON is UTF-8. */
  assert_refused (latin1, strlen (latin1), NCL_FRAB_JSON_ERROR_NOT_JSON,
                  "Line 3: the schedule is not UTF-8 text, which JSON must be");

  /* Nested deeper than any schedule: refused before json-glib recurses. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  assert_refused (deep->str, deep->len, NCL_FRAB_JSON_ERROR_NOT_JSON,
                  "Line 2: the schedule nests more than 64 levels deep, which no schedule does");

  /* Brackets inside strings are text. */
  {
    g_autoptr(GString) text = g_string_new ("{\"schedule\": {\"conference\": {\"title\": \"");
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GError) error = NULL;

    for (guint i = 0; i < 1000; i++)
      g_string_append (text, "[{\\\"");
    g_string_append (text, "\", \"days\": []}}}");
    bytes = g_string_free_to_bytes (g_steal_pointer (&text));
    g_assert_null (ncl_frab_json_parse (bytes, NULL, &error));
    g_assert_error (error, NCL_FRAB_JSON_ERROR, NCL_FRAB_JSON_ERROR_NO_SESSIONS);
    g_assert_cmpstr (error->message, ==, "The schedule has no sessions");
  }

  /* Two documents in one file (json-glib 1.6 would read both). */
  {
    static const char two[] = "{\"schedule\": {}}\n\n{\"schedule\": {}}\n";

    assert_refused (two, strlen (two), NCL_FRAB_JSON_ERROR_NOT_JSON,
                    "Line 3: the schedule goes on after its end (two files in one?)");
  }

  /* A string, then an object: no schedule (json-glib 1.6 would read
   * both). */
  assert_refused ("\"duration\"{\"schedule\": {}}", 26, NCL_FRAB_JSON_ERROR_NOT_SCHEDULE,
                  "The JSON file is no schedule: it has no “schedule” object");

  /* A lone surrogate escape: json-glib 1.6 (Debian 12) decodes it into
   * bytes that are no UTF-8, which become U+FFFD; json-glib 1.10 (Debian
   * 13) refuses it, in one line. */
  {
    static const char lone[] =
      "{\"schedule\": {\"conference\": {\"days\": [{\"date\": \"2026-01-01\", \"rooms\": "
      "{\"R\": [{\"title\": \"A\\ud800B\", \"start\": \"10:00\"}]}}]}}}";
    g_autoptr(GBytes) bytes = g_bytes_new_static (lone, strlen (lone));
    g_autoptr(GError) error = NULL;
    g_autoptr(NclEvent) event = ncl_frab_json_parse (bytes, NULL, &error);

    if (event != NULL)
      {
        g_autoptr(NclSession) session = g_list_model_get_item (ncl_event_get_sessions (event), 0);

        g_assert_no_error (error);
        g_assert_true (g_utf8_validate (ncl_session_get_title (session), -1, NULL));
        g_assert_nonnull (strstr (ncl_session_get_title (session), "\uFFFD"));
      }
    else
      {
        g_test_message ("%s", error->message);
        g_assert_error (error, NCL_FRAB_JSON_ERROR, NCL_FRAB_JSON_ERROR_NOT_JSON);
        g_assert_true (g_str_has_prefix (error->message, "Line 1: the schedule is not valid JSON ("));
        g_assert_null (strchr (error->message, '\n'));
      }
  }

  /* JSON that is no object at all. */
  assert_refused ("[1, 2, 3]", 9, NCL_FRAB_JSON_ERROR_NOT_SCHEDULE,
                  "The JSON file is no schedule: it has no “schedule” object");
}

static void
test_empty (void)
{
  g_autoptr(GBytes) none = g_bytes_new (NULL, 0);
  g_autoptr(GBytes) blank = g_bytes_new_static ("\n  \t\n", 5);
  g_autoptr(GError) error = NULL;

  g_assert_null (ncl_frab_json_parse (none, NULL, &error));
  g_assert_error (error, NCL_FRAB_JSON_ERROR, NCL_FRAB_JSON_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_null (ncl_frab_json_parse (blank, NULL, &error));
  g_assert_error (error, NCL_FRAB_JSON_ERROR, NCL_FRAB_JSON_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "The schedule is empty");
}

/* Larger than any schedule: refused before it is parsed. */
static void
test_too_large (void)
{
  gsize size = NCL_FRAB_JSON_MAX_SIZE + 1;
  char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  memset (data, ' ', size);
  data[0] = '{';
  bytes = g_bytes_new_take (data, size);

  g_assert_null (ncl_frab_json_parse (bytes, NULL, &error));
  g_assert_error (error, NCL_FRAB_JSON_ERROR, NCL_FRAB_JSON_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "The schedule is 64.0\u00a0MiB (67108865 bytes), larger than the "
                   "64.0\u00a0MiB a schedule may have");
}

/* Through the registry: the content says it is JSON (servers send it as
 * text/plain or application/octet-stream alike); the XML and iCalendar
 * schedules are not taken for it. */
static void
test_registry (void)
{
  g_autoptr(GBytes) bytes = ncl_test_fixture_bytes ("fixtures", "frab-json", "conference.json", NULL);
  g_autoptr(GBytes) xml = ncl_test_fixture_bytes ("fixtures", "pentabarf", "conference.xml", NULL);
  g_autoptr(GBytes) bom = g_bytes_new_static ("\xef\xbb\xbf  {\"schedule\": 1}", 20);
  g_autoptr(NclEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  const NclFormat *format = NULL;

  event = ncl_format_parse (bytes, NULL, &format, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (format->name, ==, "frab-json");
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_sessions (event)), ==, 4);

  g_assert_true (ncl_format_sniff (bom) == &ncl_frab_json_format);
  g_assert_true (ncl_format_sniff (xml) != &ncl_frab_json_format);
  g_clear_object (&event);
  g_assert_null (ncl_format_parse (bom, NULL, NULL, &error));
  g_assert_error (error, NCL_FRAB_JSON_ERROR, NCL_FRAB_JSON_ERROR_NOT_SCHEDULE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ncl/frab-json-format/conference", test_conference);
  g_test_add_func ("/ncl/frab-json-format/past-midnight", test_past_midnight);
  g_test_add_func ("/ncl/frab-json-format/dst", test_dst);
  g_test_add_func ("/ncl/frab-json-format/unknown-zone", test_unknown_zone);
  g_test_add_func ("/ncl/frab-json-format/loose", test_loose);
  g_test_add_func ("/ncl/frab-json-format/zone-says-utc", test_zone_says_utc);
  g_test_add_func ("/ncl/frab-json-format/no-zone", test_no_zone);
  g_test_add_func ("/ncl/frab-json-format/fosdem-size", test_fosdem_size);
  g_test_add_func ("/ncl/frab-json-format/errors", test_errors);
  g_test_add_func ("/ncl/frab-json-format/hostile", test_hostile);
  g_test_add_func ("/ncl/frab-json-format/empty", test_empty);
  g_test_add_func ("/ncl/frab-json-format/too-large", test_too_large);
  g_test_add_func ("/ncl/frab-json-format/registry", test_registry);

  return g_test_run ();
}
