/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include "ncl-nats-agenda-format.h"
#include "ncl-test-markup.h"
#include "ncl-test-nats.h"

#define FIXTURE_BASE_URI "https://example.org/events/"

typedef struct
{
  NclSessionKind kind;
  const char *title;
  const char *speakers; /* joined by "|" */
  const char *start;    /* "HH:MM" in the event's zone; NULL for breaks */
} ExpectedSession;

/* NATS Connect Live 2020, as https://nats.io/nats_connect/ lists it (read
 * off the page by hand): 19 talks, three breaks and the closing Q & A. */
static const ExpectedSession connect_live_sessions[] = {
  { NCL_SESSION_TALK, "Welcome & Introduction", "Derek Collison", "08:00" },
  { NCL_SESSION_TALK, "Serverless on Kubernetes with OpenFaaS & NATS", "Alex Ellis", "08:20" },
  { NCL_SESSION_TALK, "NATS & Rust", "Tyler Neely", "08:40" },
  { NCL_SESSION_TALK, "Resgate.io", "Samuel Jirénus", "09:00" },
  { NCL_SESSION_TALK, "Pub/Sub on the Power Grid", "Dwayne Bradley", "09:20" },
  { NCL_SESSION_BREAK, "Break", "", NULL },
  { NCL_SESSION_TALK, "NATS as Service Mesh", "Dale Bingham", "09:50" },
  { NCL_SESSION_TALK, "NATS JetStream", "R.I. Pienaar", "10:10" },
  { NCL_SESSION_TALK, "NATS Websockets", "Alberto Ricart|Ivan Kozlovic", "10:30" },
  { NCL_SESSION_TALK, "NATS Surveyor", "Colin Sullivan|R.I. Pienaar", "10:50" },
  { NCL_SESSION_TALK, "NATS & Kubernetes", "Wally Quevedo", "11:10" },
  { NCL_SESSION_BREAK, "Break", "", NULL },
  { NCL_SESSION_TALK, "Cloud Native WebAssembly", "Kevin Hoffman", "11:40" },
  { NCL_SESSION_TALK, "NATS & Augmented Reality", "Ron Britvich", "12:00" },
  { NCL_SESSION_TALK, "NATS Leafnodes", "Derek Collison", "12:20" },
  { NCL_SESSION_TALK, "NGS Getting Started", "Wally Quevedo", "12:40" },
  { NCL_SESSION_TALK, "Running NGS", "David Kemper|Phil Pennock", "13:00" },
  { NCL_SESSION_BREAK, "Break", "", NULL },
  { NCL_SESSION_TALK, "Bearer Tokens in NATS", "Kyle Thomas", "13:30" },
  { NCL_SESSION_TALK, "SwimOS & NATS", "Simon Crosby", "13:50" },
  { NCL_SESSION_TALK, "NATS Community & Ecosystem Engagement", "Ginger Collison", "14:10" },
  { NCL_SESSION_TALK, "NATS Future Work & Wrap Up", "Derek Collison", "14:30" },
  { NCL_SESSION_BREAK, "Audience Q & A", "", NULL },
};

static NclEvent *
parse_data (const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);

  return ncl_agenda_parse (bytes, ncl_test_agenda_hints_at (FIXTURE_BASE_URI), error);
}

static NclEvent *
parse_fixture (const char  *name,
               GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "agenda", name, NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &local_error);
  g_assert_no_error (local_error);

  return parse_data (contents, length, error);
}

static NclEvent *
parse_fixture_ok (const char *name)
{
  g_autoptr(GError) error = NULL;
  NclEvent *schedule = parse_fixture (name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (schedule);

  return schedule;
}

static NclSession *
get_session (NclEvent *schedule,
             guint     position)
{
  GListModel *sessions = ncl_event_get_sessions (schedule);
  NclSession *session;

  g_assert_cmpuint (position, <, g_list_model_get_n_items (sessions));
  session = g_list_model_get_item (sessions, position);

  /* Borrowed: the schedule's list keeps it alive. */
  g_object_unref (session);
  return session;
}

static NclSpeaker *
get_speaker (NclEvent *schedule,
             guint     position)
{
  GListModel *speakers = ncl_event_get_speakers (schedule);
  NclSpeaker *speaker;

  g_assert_cmpuint (position, <, g_list_model_get_n_items (speakers));
  speaker = g_list_model_get_item (speakers, position);

  g_object_unref (speaker);
  return speaker;
}

static guint
n_sessions (NclEvent *schedule)
{
  return g_list_model_get_n_items (ncl_event_get_sessions (schedule));
}

static guint
n_speakers (NclEvent *schedule)
{
  return g_list_model_get_n_items (ncl_event_get_speakers (schedule));
}

static guint
count_kind (NclEvent       *schedule,
            NclSessionKind  kind)
{
  guint count = 0;

  for (guint i = 0; i < n_sessions (schedule); i++)
    {
      if (ncl_session_get_kind (get_session (schedule, i)) == kind)
        count++;
    }

  return count;
}

static void
assert_no_problems (NclEvent *schedule)
{
  const char * const *problems = ncl_event_get_problems (schedule);

  if (problems[0] != NULL)
    g_error ("unexpected problem: %s", problems[0]);
}

/* The start as "HH:MM" on @date ("YYYY-MM-DD") in @zone. */
static void
assert_start (NclSession *session,
              const char *date,
              const char *time,
              const char *zone)
{
  GDateTime *start = ncl_session_get_start (session);
  g_autofree char *shown_date = NULL;
  g_autofree char *shown_time = NULL;

  if (time == NULL)
    {
      g_assert_null (start);
      return;
    }

  g_assert_nonnull (start);
  shown_date = g_date_time_format (start, "%Y-%m-%d");
  shown_time = g_date_time_format (start, "%H:%M");
  g_assert_cmpstr (shown_date, ==, date);
  g_assert_cmpstr (shown_time, ==, time);
  g_assert_cmpstr (g_time_zone_get_identifier (g_date_time_get_timezone (start)), ==, zone);
}

static void
assert_session (NclSession     *session,
                NclSessionKind  kind,
                const char     *title,
                const char     *speakers)
{
  g_autofree char *joined = g_strjoinv ("|", (char **)ncl_session_get_speaker_names (session));

  g_assert_cmpint (ncl_session_get_kind (session), ==, kind);
  g_assert_cmpstr (ncl_session_get_title (session), ==, title);
  g_assert_cmpstr (joined, ==, speakers);
}

static void
assert_sessions (NclEvent              *schedule,
                 const ExpectedSession *expected,
                 guint                  n_expected,
                 const char            *date,
                 const char            *zone)
{
  g_assert_cmpuint (n_sessions (schedule), ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      NclSession *session = get_session (schedule, i);

      assert_session (session, expected[i].kind, expected[i].title, expected[i].speakers);
      assert_start (session, date, expected[i].start, zone);
    }
}

static void
assert_link (NclSpeaker  *speaker,
             guint        position,
             NclLinkKind  kind,
             const char  *uri)
{
  const NclSpeakerLink *link;

  g_assert_cmpuint (position, <, ncl_speaker_get_n_links (speaker));
  link = ncl_speaker_get_link (speaker, position);
  g_assert_cmpint (link->kind, ==, kind);
  g_assert_cmpstr (link->uri, ==, uri);
}

static void
assert_speaker (NclSpeaker *speaker,
                const char *name,
                const char *affiliation,
                const char *affiliation_url,
                guint       n_links)
{
  g_assert_cmpstr (ncl_speaker_get_name (speaker), ==, name);
  g_assert_cmpstr (ncl_speaker_get_affiliation (speaker), ==, affiliation);
  g_assert_cmpstr (ncl_speaker_get_affiliation_url (speaker), ==, affiliation_url);
  g_assert_cmpuint (ncl_speaker_get_n_links (speaker), ==, n_links);
}

static void
assert_problems (NclEvent           *schedule,
                 const char * const *expected)
{
  const char * const *problems = ncl_event_get_problems (schedule);
  guint i;

  for (i = 0; expected[i] != NULL; i++)
    {
      g_assert_nonnull (problems[i]);
      g_assert_cmpstr (problems[i], ==, expected[i]);
    }

  g_assert_cmpstr (problems[i], ==, NULL);
}

static void
assert_agenda_error (GError         *error,
                     NclAgendaError  code,
                     const char     *needle)
{
  g_assert_error (error, NCL_AGENDA_ERROR, (int)code);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” is not in the error message “%s”", needle, error->message);
}

static void
test_normal_event (void)
{
  g_autoptr(NclEvent) schedule = parse_fixture_ok ("normal.html");
  g_autofree char *date = NULL;

  assert_no_problems (schedule);
  g_assert_cmpstr (ncl_event_get_title (schedule), ==, "Gopher Gathering");
  g_assert_cmpstr (ncl_event_get_date_text (schedule), ==, "June 3, 2021 @9am EDT");
  g_assert_cmpstr (ncl_event_get_zone_text (schedule), ==, "EDT");

  date = g_date_time_format_iso8601 (ncl_event_get_date (schedule));
  g_assert_cmpstr (date, ==, "2021-06-03T09:00:00-04");
  g_assert_cmpstr (g_time_zone_get_identifier (ncl_event_get_time_zone (schedule)), ==,
                   "America/New_York");
}

static void
test_normal_sessions (void)
{
  static const ExpectedSession expected[] = {
    { NCL_SESSION_TALK, "Opening Words", "Ada Lovelace", "09:00" },
    { NCL_SESSION_TALK, "Queues & Streams", "Grace Hopper", "09:20" },
    { NCL_SESSION_BREAK, "Break", "", NULL },
    { NCL_SESSION_TALK, "Lunch Talk", "Alan Turing", "12:00" },
    { NCL_SESSION_TALK, "Closing", "Ada Lovelace", "13:15" },
  };
  g_autoptr(NclEvent) schedule = parse_fixture_ok ("normal.html");
  NclSession *session;

  assert_sessions (schedule, expected, G_N_ELEMENTS (expected), "2021-06-03", "America/New_York");

  session = get_session (schedule, 0);
  g_assert_cmpstr (ncl_session_get_description (session), ==, "Why we are here.");
  g_assert_cmpstr (ncl_session_get_description_text (session), ==, "Why we are here.");
  g_assert_cmpstr (ncl_session_get_id (session), ==, "opening-words@20210603T1300Z");

  /* Links keep their target, resolved against the page. */
  session = get_session (schedule, 1);
  g_assert_cmpstr (ncl_session_get_description (session), ==,
                   "Read the <a href=\"https://example.org/docs/streams\">stream docs</a> first.");
  g_assert_cmpstr (ncl_session_get_description_text (session), ==, "Read the stream docs first.");
  ncl_assert_markup_valid (ncl_session_get_description (session));

  session = get_session (schedule, 4);
  g_assert_cmpstr (ncl_session_get_description (session), ==, "<i>Thanks</i> and goodbye.");
  g_assert_cmpstr (ncl_session_get_description_text (session), ==, "Thanks and goodbye.");
}

static void
test_normal_speakers (void)
{
  g_autoptr(NclEvent) schedule = parse_fixture_ok ("normal.html");
  NclSpeaker *speaker;

  g_assert_cmpuint (n_speakers (schedule), ==, 3);

  speaker = get_speaker (schedule, 0);
  assert_speaker (speaker, "Ada Lovelace", "Analytical Engines Ltd", NULL, 2);
  assert_link (speaker, 0, NCL_LINK_GITHUB, "https://github.com/ada");
  assert_link (speaker, 1, NCL_LINK_TWITTER, "https://twitter.com/ada");

  /* An affiliation that is partly a link. */
  speaker = get_speaker (schedule, 1);
  assert_speaker (speaker, "Grace Hopper", "Admiral @ US Navy", "https://navy.example.org", 2);
  assert_link (speaker, 0, NCL_LINK_LINKEDIN, "https://www.linkedin.com/in/grace/");
  assert_link (speaker, 1, NCL_LINK_EMAIL, "mailto:grace@example.org");
  g_assert_cmpstr (ncl_speaker_find_link (speaker, NCL_LINK_EMAIL), ==,
                   "mailto:grace@example.org");
  g_assert_null (ncl_speaker_find_link (speaker, NCL_LINK_GITHUB));

  /* No affiliation: the line under the name is icons only. */
  speaker = get_speaker (schedule, 2);
  assert_speaker (speaker, "Alan Turing", NULL, NULL, 2);
  assert_link (speaker, 0, NCL_LINK_GITLAB, "https://gitlab.com/alan");
  assert_link (speaker, 1, NCL_LINK_WEB_PAGE, "https://turing.example.org/");
}

static void
test_site_layout (void)
{
  g_autoptr(NclEvent) schedule = parse_fixture_ok ("site-layout.html");
  g_autofree char *date = NULL;

  /* Neither the pricing table nor last year's table, which has two of the
   * four headers, nor the site's logo heading. */
  assert_no_problems (schedule);
  g_assert_cmpstr (ncl_event_get_title (schedule), ==, "Gopher Gathering");
  g_assert_cmpstr (ncl_event_get_date_text (schedule), ==,
                   "Thursday, June 3rd 2021 at 9:00 AM EDT");
  date = g_date_time_format_iso8601 (ncl_event_get_date (schedule));
  g_assert_cmpstr (date, ==, "2021-06-03T09:00:00-04");

  g_assert_cmpuint (n_sessions (schedule), ==, 3);
  assert_session (get_session (schedule, 0), NCL_SESSION_TALK, "Opening Words", "Ada Lovelace");
  assert_start (get_session (schedule, 0), "2021-06-03", "09:00", "America/New_York");
  assert_session (get_session (schedule, 1), NCL_SESSION_TALK, "Queues & Streams", "Grace Hopper");
  assert_session (get_session (schedule, 2), NCL_SESSION_BREAK, "Break", "");

  /* The footer's bold words are no speaker. */
  g_assert_cmpuint (n_speakers (schedule), ==, 2);
  assert_speaker (get_speaker (schedule, 0), "Ada Lovelace", "Analytical Engines Ltd", NULL, 1);
  assert_speaker (get_speaker (schedule, 1), "Grace Hopper", "Admiral @ US Navy",
                  "https://navy.example.org", 0);
}

static void
test_columns_reordered (void)
{
  g_autoptr(NclEvent) schedule = parse_fixture_ok ("columns-reordered.html");
  NclSession *session;

  assert_no_problems (schedule);
  g_assert_cmpuint (n_sessions (schedule), ==, 2);

  session = get_session (schedule, 1);
  assert_session (session, NCL_SESSION_TALK, "Queues & Streams", "Grace Hopper");
  assert_start (session, "2021-06-03", "09:20", "America/New_York");
  g_assert_cmpstr (ncl_session_get_description_text (session), ==, "Read the docs.");
}

static void
test_missing_td_end (void)
{
  static const ExpectedSession expected[] = {
    { NCL_SESSION_TALK, "Opening Words", "Ada Lovelace", "09:00" },
    { NCL_SESSION_TALK, "Queues & Streams", "Grace Hopper", "09:20" },
    { NCL_SESSION_TALK, "Lunch Talk", "Alan Turing", "12:00" },
    { NCL_SESSION_BREAK, "Break", "", NULL },
    { NCL_SESSION_TALK, "Closing", "Ada Lovelace", "13:15" },
  };
  g_autoptr(NclEvent) schedule = parse_fixture_ok ("missing-td-end.html");

  /* No cell swallows the next: each column keeps its own text. */
  assert_no_problems (schedule);
  assert_sessions (schedule, expected, G_N_ELEMENTS (expected), "2021-06-03", "America/New_York");
  g_assert_cmpstr (ncl_session_get_description_text (get_session (schedule, 0)), ==,
                   "Why we are here.");
  g_assert_cmpstr (ncl_session_get_description_text (get_session (schedule, 1)), ==,
                   "Read the docs first.");
  g_assert_cmpstr (ncl_session_get_description_text (get_session (schedule, 2)), ==,
                   "Over lunch.");
}

static void
test_unclosed_link (void)
{
  g_autoptr(NclEvent) schedule = parse_fixture_ok ("unclosed-link.html");
  NclSpeaker *speaker;

  assert_no_problems (schedule);
  g_assert_cmpuint (n_sessions (schedule), ==, 2);

  /* The link ends with its cell; the next row has none. */
  g_assert_cmpstr (ncl_session_get_description (get_session (schedule, 0)), ==,
                   "Read <a href=\"https://example.org/why\">why we are here.</a>");
  g_assert_cmpstr (ncl_session_get_description (get_session (schedule, 1)), ==, "Plain words.");

  /* An unclosed icon link takes neither the next links nor the next speakers. */
  g_assert_cmpuint (n_speakers (schedule), ==, 3);
  speaker = get_speaker (schedule, 0);
  assert_speaker (speaker, "Ada Lovelace", "Analytical Engines Ltd", NULL, 4);
  assert_link (speaker, 0, NCL_LINK_GITHUB, "https://github.com/ada");
  assert_link (speaker, 1, NCL_LINK_LINKEDIN, "https://www.linkedin.com/in/ada/");
  assert_link (speaker, 2, NCL_LINK_TWITTER, "https://twitter.com/ada");
  assert_link (speaker, 3, NCL_LINK_GITLAB, "https://gitlab.com/ada");

  speaker = get_speaker (schedule, 1);
  assert_speaker (speaker, "Grace Hopper", "US Navy", NULL, 1);
  assert_link (speaker, 0, NCL_LINK_EMAIL, "mailto:grace@example.org");

  speaker = get_speaker (schedule, 2);
  assert_speaker (speaker, "Alan Turing", "Bletchley Park", NULL, 1);
  assert_link (speaker, 0, NCL_LINK_GITHUB, "https://github.com/alan");
}

static void
test_breaks (void)
{
  static const ExpectedSession expected[] = {
    { NCL_SESSION_TALK, "Opening Words", "Ada Lovelace", "09:00" },
    { NCL_SESSION_BREAK, "Break", "", NULL },
    { NCL_SESSION_TALK, "Queues & Streams", "Grace Hopper", "09:50" },
    { NCL_SESSION_BREAK, "Lunch (bring your own)", "", NULL },
    { NCL_SESSION_TALK, "Lunch Talk", "Alan Turing", "13:00" },
    { NCL_SESSION_BREAK, "Audience Q & A", "", NULL },
  };
  g_autoptr(NclEvent) schedule = parse_fixture_ok ("breaks.html");

  /* The empty row is layout: neither a session nor a problem. */
  assert_no_problems (schedule);
  assert_sessions (schedule, expected, G_N_ELEMENTS (expected), "2021-06-03", "America/New_York");
  g_assert_cmpuint (count_kind (schedule, NCL_SESSION_BREAK), ==, 3);
  g_assert_cmpstr (ncl_session_get_id (get_session (schedule, 5)), ==, "audience-q-a");
}

/* The @position-th session of a speaker's (the list keeps it alive). */
static NclSession *
session_at (GListModel *sessions,
            guint       position)
{
  g_autoptr(NclSession) session = g_list_model_get_item (sessions, position);

  return session;
}

static void
test_multiple_speakers (void)
{
  g_autoptr(NclEvent) schedule = parse_fixture_ok ("multiple-speakers.html");
  GListModel *given;

  assert_no_problems (schedule);
  g_assert_cmpuint (n_sessions (schedule), ==, 4);
  assert_session (get_session (schedule, 0), NCL_SESSION_TALK, "Pairing",
                  "Ada Lovelace|Grace Hopper");
  assert_session (get_session (schedule, 1), NCL_SESSION_TALK, "Panel",
                  "Alan Turing|Ada Lovelace|Grace Hopper");
  assert_session (get_session (schedule, 2), NCL_SESSION_TALK, "Lines",
                  "José Núñez|Zoë Ärlig");
  assert_session (get_session (schedule, 3), NCL_SESSION_TALK, "Nobody Yet", "");

  given = ncl_speaker_get_sessions (get_speaker (schedule, 1));
  g_assert_cmpuint (g_list_model_get_n_items (given), ==, 2);
  g_assert_true (session_at (given, 0) == get_session (schedule, 0));
  g_assert_true (session_at (given, 1) == get_session (schedule, 1));

  /* The speaker list writes "Jose Nunez" without accents. */
  given = ncl_speaker_get_sessions (get_speaker (schedule, 3));
  g_assert_cmpuint (g_list_model_get_n_items (given), ==, 1);
  g_assert_true (session_at (given, 0) == get_session (schedule, 2));
}

static void
test_bad_rows (void)
{
  static const char * const expected_problems[] = {
    "Row 2 (line 8): no start time",
    "Row 3 (line 9): “soon” is not a start time (such as 8:00am or 12:20pm)",
    "Row 4 (line 10): no talk topic",
    "Row 5 (line 11): “9:30” is not a start time (such as 8:00am or 12:20pm)",
    "Row 6 (line 12): “25:00” is not a start time (such as 8:00am or 12:20pm)",
    "Row 7 (line 13): only one cell (“Lunch”), and it does not span the table",
    "Row 9 (line 15): starts at 10:00am, before the session above it",
    "Row 10 (line 16): no start time",
    "Speaker 2 (line 21): no name in bold",
    "Speaker 3 (line 22): Ada Lovelace is listed twice",
    NULL
  };
  static const ExpectedSession expected[] = {
    { NCL_SESSION_TALK, "Opening Words", "Ada Lovelace", "09:00" },
    { NCL_SESSION_TALK, "Streams", "Grace Hopper", "11:00" },
    { NCL_SESSION_TALK, "Out of Order", "Ada Lovelace", "10:00" },
  };
  g_autoptr(NclEvent) schedule = parse_fixture_ok ("bad-rows.html");

  /* Rows that cannot be read are named, not guessed; the rest is there. */
  assert_problems (schedule, expected_problems);
  assert_sessions (schedule, expected, G_N_ELEMENTS (expected), "2021-06-03", "America/New_York");
  g_assert_cmpuint (n_speakers (schedule), ==, 1);
  assert_speaker (get_speaker (schedule, 0), "Ada Lovelace", "Engines", NULL, 0);
}

static void
test_date_no_heading (void)
{
  static const char * const expected_problems[] = {
    "The page has no heading with the event’s date (such as “April 16, 2020 @8am PDT”): "
    "times are taken as 2020-04-16 in the time zone America/Los_Angeles",
    NULL
  };
  g_autoptr(NclEvent) schedule = parse_fixture_ok ("no-date-heading.html");

  assert_problems (schedule, expected_problems);
  g_assert_cmpstr (ncl_event_get_title (schedule), ==, "NATS Connect Live!");
  g_assert_null (ncl_event_get_date_text (schedule));
  g_assert_null (ncl_event_get_zone_text (schedule));
  assert_start (get_session (schedule, 0), "2020-04-16", "08:00", "America/Los_Angeles");
  assert_start (get_session (schedule, 1), "2020-04-16", "14:30", "America/Los_Angeles");
}

static NclEvent *
parse_with_heading (const char *heading)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *page = g_strdup_printf (
    "<h1>Event</h1>\n<h4>%s</h4>\n"
    "<table><tr><th>Talk Topic</th><th>Speaker(s)</th><th>Scheduled Start</th>"
    "<th>Description</th></tr>\n"
    "<tr><td>Talk</td><td>Someone</td><td>8:00am</td><td></td></tr></table>", heading);
  NclEvent *schedule = parse_data (page, strlen (page), &error);

  g_assert_no_error (error);
  return schedule;
}

static void
test_date_headings (void)
{
  static const struct {
    const char *heading;
    const char *date;
    const char *zone;
    const char *zone_text;
  } cases[] = {
    { "April 16, 2020 @8am PDT", "2020-04-16", "America/Los_Angeles", "PDT" },
    { "Apr. 16th, 2020 @ 8:00 a.m. PT", "2020-04-16", "America/Los_Angeles", "PT" },
    { "Thursday, April 16 2020 at 8:00 AM EDT", "2020-04-16", "America/New_York", "EDT" },
    { "February 29, 2024 - 9am CET", "2024-02-29", "Europe/Berlin", "CET" },
    { "March 1, 2021 14:00 Europe/Berlin", "2021-03-01", "Europe/Berlin", "Europe/Berlin" },
    { "December 31, 2021 11:30pm UTC", "2021-12-31", "UTC", "UTC" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(NclEvent) schedule = parse_with_heading (cases[i].heading);

      g_test_message ("%s", cases[i].heading);
      assert_no_problems (schedule);
      g_assert_cmpstr (ncl_event_get_date_text (schedule), ==, cases[i].heading);
      g_assert_cmpstr (ncl_event_get_zone_text (schedule), ==, cases[i].zone_text);
      assert_start (get_session (schedule, 0), cases[i].date, "08:00", cases[i].zone);
    }
}

static void
test_date_heading_problems (void)
{
  static const struct {
    const char *heading;
    const char *problem;
    const char *zone;
  } cases[] = {
    /* Los Angeles is on PDT in April: the times are PDT. */
    { "April 16, 2020 @8am PST",
      "Line 2: the page says PST, but that day the zone is on PDT, which the times are taken in",
      "America/Los_Angeles" },
    { "April 16, 2020 @8am XYZ",
      "Line 2: the time zone “XYZ” is unknown: times are taken in the time zone America/Los_Angeles",
      "America/Los_Angeles" },
    { "April 16, 2020",
      "Line 2: the date gives no time zone: times are taken in the time zone America/Los_Angeles",
      "America/Los_Angeles" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char * const expected[] = { cases[i].problem, NULL };
      g_autoptr(NclEvent) schedule = parse_with_heading (cases[i].heading);

      assert_problems (schedule, expected);
      assert_start (get_session (schedule, 0), "2020-04-16", "08:00", cases[i].zone);
    }
}

static void
test_not_a_date_heading (void)
{
  /* A heading that only starts like a date is not the event's date. */
  g_autoptr(NclEvent) schedule = parse_with_heading ("April 16, 2020 @8am PDT and more");

  g_assert_null (ncl_event_get_date_text (schedule));
  g_assert_cmpuint (g_strv_length ((char **)ncl_event_get_problems (schedule)), ==, 1);
  assert_start (get_session (schedule, 0), "2020-04-16", "08:00", "America/Los_Angeles");
}

static void
test_times_fixture (void)
{
  static const ExpectedSession expected[] = {
    { NCL_SESSION_TALK, "Just After Midnight", "Night Owl", "00:05" },
    { NCL_SESSION_TALK, "Bare Hour", "Early Bird", "08:00" },
    { NCL_SESSION_TALK, "Spaced Capitals", "Early Bird", "08:20" },
    { NCL_SESSION_TALK, "Dotted", "Early Bird", "08:40" },
    { NCL_SESSION_TALK, "Noon", "Day Person", "12:00" },
    { NCL_SESSION_TALK, "After Noon", "Day Person", "12:20" },
    { NCL_SESSION_TALK, "Afternoon", "Day Person", "13:00" },
    { NCL_SESSION_TALK, "Twenty-four Hour", "Day Person", "14:30" },
    { NCL_SESSION_TALK, "Last Minute", "Night Owl", "23:59" },
  };
  g_autoptr(NclEvent) schedule = parse_fixture_ok ("times.html");

  assert_no_problems (schedule);
  assert_sessions (schedule, expected, G_N_ELEMENTS (expected), "2020-04-16", "America/Los_Angeles");
}

static void
test_times_parse (void)
{
  static const struct {
    const char *text;
    int hour; /* -1: not a time */
    int minute;
  } cases[] = {
    { "8:00am", 8, 0 },
    { "12:20pm", 12, 20 },
    { "12:00pm", 12, 0 },
    { "12:05am", 0, 5 },
    { "8am", 8, 0 },
    { "8:00 AM", 8, 0 },
    { " 8:00\u00a0PM ", 20, 0 },
    { "11:59 p.m.", 23, 59 },
    { "1:30PM", 13, 30 },
    { "8.30pm", 20, 30 },
    { "14:30", 14, 30 },
    { "08:15", 8, 15 },
    { "00:00", 0, 0 },
    { "12:30", 12, 30 },
    { "8:00", -1, 0 },
    { "8", -1, 0 },
    { "13:00pm", -1, 0 },
    { "0:30am", -1, 0 },
    { "8:60am", -1, 0 },
    { "8:5am", -1, 0 },
    { "8:000am", -1, 0 },
    { "24:00", -1, 0 },
    { "123am", -1, 0 },
    { "8:00 noon", -1, 0 },
    { "8:00am PDT", -1, 0 },
    { "am", -1, 0 },
    { "", -1, 0 },
    { "TBD", -1, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint hour = 99, minute = 99;
      gboolean parsed = ncl_agenda_parse_time (cases[i].text, &hour, &minute);

      g_test_message ("“%s”", cases[i].text);
      if (cases[i].hour < 0)
        {
          g_assert_false (parsed);
          g_assert_cmpuint (hour, ==, 99);
        }
      else
        {
          g_assert_true (parsed);
          g_assert_cmpuint (hour, ==, cases[i].hour);
          g_assert_cmpuint (minute, ==, cases[i].minute);
        }
    }
}

/* Found by the fuzzer: a lone UTF-8 lead byte at the end made the time
 * parser step past the string's end. Not UTF-8 is not a time. */
static void
test_time_invalid_utf8 (void)
{
  static const char * const inputs[] = {
    "8:00am\xf0",
    "\xf4",
    "8:00\xe2\x80",
    "\xc3",
    "12:20pm\xff",
    ("\x80" "8:00am"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      /* Each on the heap, exactly as long as it is: ASan sees a read past it. */
      g_autofree char *text = g_strdup (inputs[i]);
      guint hour = 99, minute = 99;

      g_assert_false (ncl_agenda_parse_time (text, &hour, &minute));
      g_assert_cmpuint (hour, ==, 99);
      g_assert_cmpuint (minute, ==, 99);
    }
}

typedef struct
{
  const char *path;
  const char *fixture;
  NclAgendaError code;
  const char *needle;
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "/ncl/nats-agenda-format/errors/no-agenda", "no-agenda.html", NCL_AGENDA_ERROR_NOT_AGENDA,
    "This page has no agenda table (a table headed Talk Topic, Speaker(s), Scheduled Start, "
    "Description)" },
  { "/ncl/nats-agenda-format/errors/garbage", "garbage.html", NCL_AGENDA_ERROR_NOT_AGENDA,
    "This page has no agenda table" },
  { "/ncl/nats-agenda-format/errors/no-sessions", "no-sessions.html", NCL_AGENDA_ERROR_NO_SESSIONS,
    "The agenda table has no sessions" },
  { "/ncl/nats-agenda-format/errors/no-readable-sessions", "no-readable-sessions.html",
    NCL_AGENDA_ERROR_NO_SESSIONS,
    "The agenda table has no session that can be read (Row 1 (line 7): “TBD” is not a start "
    "time (such as 8:00am or 12:20pm))" },
};

static void
test_error_case (gconstpointer data)
{
  const ErrorCase *error_case = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) schedule = parse_fixture (error_case->fixture, &error);

  g_assert_null (schedule);
  assert_agenda_error (error, error_case->code, error_case->needle);
}

static void
test_errors_empty (void)
{
  static const char * const inputs[] = { "", " \n\t\r\n " };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NclEvent) schedule = parse_data (inputs[i], strlen (inputs[i]), &error);

      g_assert_null (schedule);
      assert_agenda_error (error, NCL_AGENDA_ERROR_EMPTY, "The agenda page is empty");
    }
}

static void
test_errors_too_large (void)
{
  gsize length = NCL_AGENDA_MAX_SIZE + 1;
  g_autofree char *data = g_malloc (length);
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) schedule = NULL;

  memset (data, 'a', length);
  schedule = parse_data (data, length, &error);

  g_assert_null (schedule);
  /* GLib separates number and unit with a no-break space. */
  assert_agenda_error (error, NCL_AGENDA_ERROR_TOO_LARGE, "(5242881 bytes), larger than the 5.0");
  assert_agenda_error (error, NCL_AGENDA_ERROR_TOO_LARGE, "MiB a page may have");
}

static void
test_errors_invalid_utf8 (void)
{
  static const char page[] =
    "<h4>April 16, 2020 @8am PDT</h4>\n"
    "<table><tr><th>Talk Topic</th><th>Speaker(s)</th><th>Scheduled Start</th>"
    "<th>Description</th></tr>\n"
    "<tr><td>Resgate.io</td><td>Samuel Jir\xE9nus</td><td>9:00am</td><td></td></tr>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) schedule = parse_data (page, strlen (page), &error);

  /* Latin-1 "é": the parser says where, instead of reading a wrong name. */
  g_assert_null (schedule);
  assert_agenda_error (error, NCL_AGENDA_ERROR_INVALID_UTF8,
                       "Line 3: the agenda page is not valid UTF-8 text (byte 170)");
}

static void
test_errors_nul_byte (void)
{
  static const char page[] = "<table><tr><th>Talk Topic</th>\0<th>Speaker(s)</th></tr>";
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) schedule = parse_data (page, sizeof page - 1, &error);

  g_assert_null (schedule);
  assert_agenda_error (error, NCL_AGENDA_ERROR_INVALID_UTF8, "Line 1:");
}

static void
test_input_deep_nesting (void)
{
  g_autoptr(GString) page = g_string_new ("<h4>April 16, 2020 @8am PDT</h4>"
                                          "<table><tr><th>Talk Topic</th><th>Speaker(s)</th>"
                                          "<th>Scheduled Start</th><th>Description</th></tr>"
                                          "<tr><td>Deep</td><td>Someone</td><td>8:00am</td><td>");
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) schedule = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append (page, "<b>");
  g_string_append (page, "Deep words.</td></tr></table>");
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (page, "<div class=\"grid-item\"><strong>Speaker %u</strong>", i);

  /* Whatever of it the HTML parser keeps (libxml2 stops at a depth of
   * 256), reading it recurses into nothing. */
  schedule = parse_data (page->str, page->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_sessions (schedule), ==, 1);
  assert_session (get_session (schedule, 0), NCL_SESSION_TALK, "Deep", "Someone");
  ncl_assert_markup_valid (ncl_session_get_description (get_session (schedule, 0)));
}

/* A page of 100,000 nested <div>s before its table: libxml2 stops at a
 * depth of 256, at once and without recursing, and the error says so
 * instead of claiming the page has no table at all. */
static void
test_errors_too_deep (void)
{
  g_autoptr(GString) page = g_string_new ("<!DOCTYPE html>\n<html><body>\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) schedule = NULL;
  gint64 started;
  double seconds;

  for (guint i = 0; i < 100000; i++)
    g_string_append (page, "<div>");
  g_string_append (page, "<table><tr><th>Talk Topic</th><th>Speaker(s)</th>"
                         "<th>Scheduled Start</th><th>Description</th></tr>"
                         "<tr><td>Deep</td><td>Someone</td><td>8:00am</td><td></td></tr></table>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (page, "</div>");

  started = g_get_monotonic_time ();
  schedule = parse_data (page->str, page->len, &error);
  seconds = (g_get_monotonic_time () - started) / (double)G_USEC_PER_SEC;
  g_test_message ("%" G_GSIZE_FORMAT " bytes refused in %.3f s", page->len, seconds);

  g_assert_null (schedule);
  assert_agenda_error (error, NCL_AGENDA_ERROR_NOT_AGENDA,
                       "Line 3: the agenda page nests its elements more than 256 deep, "
                       "and has no agenda table before that");
  g_assert_cmpfloat (seconds, <, 2.0);
}

static void
test_connect_live_fixture (void)
{
  g_autoptr(NclEvent) schedule = parse_fixture_ok ("connect-live-2020.html");

  assert_no_problems (schedule);
  assert_sessions (schedule, connect_live_sessions, G_N_ELEMENTS (connect_live_sessions),
                   "2020-04-16", "America/Los_Angeles");
  g_assert_cmpuint (count_kind (schedule, NCL_SESSION_TALK), ==, 19);
  g_assert_cmpuint (count_kind (schedule, NCL_SESSION_BREAK), ==, 4);
}

typedef struct
{
  const char *name;
  const char *affiliation;
  const char *affiliation_url;
  const char *links; /* kinds, one letter each: g github, l linkedin, t twitter, x gitlab, e email */
} ExpectedSpeaker;

/* The speaker list of the page, read off it by hand. */
static const ExpectedSpeaker connect_live_speakers[] = {
  { "Derek Collison", "Creator of NATS, CloudFoundry", NULL, "glt" },
  { "Dale Bingham", "Cingulara", "https://cingulara.com", "gte" },
  { "Dwayne Bradley", NULL, NULL, "gltx" },
  { "Ron Britvich", "Worlds, Inc.", NULL, "gte" },
  { "Simon Crosby", "CTO @ Swim", "https://swim.ai", "lt" },
  { "Alex Ellis", "CNCF Ambassador & Founder @ OpenFaaS Ltd", "https://openfaas.com", "gt" },
  { "Kevin Hoffman", "Distinguished Engineer @ Capital One", "https://capitalone.com", "t" },
  { "Samuel Jirénius", "Rescore", NULL, "gle" },
  { "David Kemper", "Synadia, Engineer", NULL, "gl" },
  { "Ivan Kozlovic", "Synadia, Engineer", NULL, "gl" },
  { "Tyler Neely", "Synadia, Engineer", NULL, "gl" },
  { "Phil Pennock", "Synadia, Engineer", NULL, "gl" },
  { "R.I. Pienaar", "Synadia, Engineer", NULL, "gt" },
  { "Wally Quevedo", "Synadia, Engineer", NULL, "glt" },
  { "Alberto Ricart", "Synadia, Engineer", NULL, "gl" },
  { "Colin Sullivan", "Synadia, Product Manager", NULL, "glt" },
  { "Kyle Thomas", "Founder & CEO @ Provide", "https://provide.services", "glt" },
};

static NclLinkKind
kind_of_letter (char letter)
{
  switch (letter)
    {
    case 'g': return NCL_LINK_GITHUB;
    case 'l': return NCL_LINK_LINKEDIN;
    case 't': return NCL_LINK_TWITTER;
    case 'x': return NCL_LINK_GITLAB;
    case 'e': return NCL_LINK_EMAIL;
    default: g_assert_not_reached ();
    }
}

static void
test_reference_page (void)
{
  const char *path = g_getenv ("NCL_AGENDA_REFERENCE");
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) schedule = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GListModel *given;
  g_autofree char *contents = NULL;
  NclSpeaker *speaker;
  gsize length;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("The reference page (../shared/reference/nats_connect.html) is absent");
      return;
    }

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  schedule = ncl_agenda_parse (bytes, ncl_test_agenda_hints (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (schedule);

  /* Its missing </td> (Tyler Neely's row) and unclosed <a> (Dwayne
   * Bradley's LinkedIn) cost nothing. */
  assert_no_problems (schedule);
  g_assert_cmpstr (ncl_event_get_title (schedule), ==, "NATS Connect Live!");
  g_assert_cmpstr (ncl_event_get_date_text (schedule), ==, "April 16, 2020 @8am PDT");
  g_assert_cmpstr (ncl_event_get_zone_text (schedule), ==, "PDT");

  /* 19 sessions, as the post says, and four rows across the table. */
  g_assert_cmpuint (count_kind (schedule, NCL_SESSION_TALK), ==, 19);
  g_assert_cmpuint (count_kind (schedule, NCL_SESSION_BREAK), ==, 4);
  assert_sessions (schedule, connect_live_sessions, G_N_ELEMENTS (connect_live_sessions),
                   "2020-04-16", "America/Los_Angeles");

  g_assert_cmpstr (ncl_session_get_description_text (get_session (schedule, 2)), ==,
                   "Writing a NATS Client in a Language Geared for Performance and Correctness");
  g_assert_cmpstr (ncl_session_get_description (get_session (schedule, 18)), ==,
                   "Distributed Identity &amp; Permissioning: The case for bearer tokens in NATS");
  g_assert_cmpstr (ncl_session_get_description_text (get_session (schedule, 21)), ==,
                   "What's next after we Connect Everything?");
  g_assert_cmpstr (ncl_session_get_id (get_session (schedule, 3)), ==,
                   "resgate-io@20200416T1600Z");

  g_assert_cmpuint (n_speakers (schedule), ==, G_N_ELEMENTS (connect_live_speakers));
  for (guint i = 0; i < G_N_ELEMENTS (connect_live_speakers); i++)
    {
      const ExpectedSpeaker *expected = &connect_live_speakers[i];
      guint n_links = strlen (expected->links);

      g_test_message ("%s", expected->name);
      speaker = get_speaker (schedule, i);
      assert_speaker (speaker, expected->name, expected->affiliation,
                      expected->affiliation_url, n_links);
      for (guint j = 0; j < n_links; j++)
        g_assert_cmpint (ncl_speaker_get_link (speaker, j)->kind, ==,
                         kind_of_letter (expected->links[j]));
    }

  speaker = get_speaker (schedule, 2);
  assert_link (speaker, 1, NCL_LINK_LINKEDIN,
               "https://www.linkedin.com/in/dwayne-bradley-a9658115b/");
  assert_link (speaker, 3, NCL_LINK_GITLAB, "https://gitlab.com/dwaynebradley70");
  speaker = get_speaker (schedule, 1);
  assert_link (speaker, 2, NCL_LINK_EMAIL, "mailto:dale.bingham@cingulara.com");

  /* The list spells "Jirénius", the agenda "Jirénus". */
  speaker = get_speaker (schedule, 7);
  given = ncl_speaker_get_sessions (speaker);
  g_assert_cmpuint (g_list_model_get_n_items (given), ==, 1);
  g_assert_cmpstr (ncl_session_get_title (session_at (given, 0)), ==, "Resgate.io");
  g_assert_true (ncl_event_find_speaker (schedule, "Samuel Jirénus") == speaker);

  given = ncl_speaker_get_sessions (get_speaker (schedule, 0));
  g_assert_cmpuint (g_list_model_get_n_items (given), ==, 3);

  given = ncl_speaker_get_sessions (get_speaker (schedule, 12));
  g_assert_cmpuint (g_list_model_get_n_items (given), ==, 2);
  g_assert_cmpstr (ncl_session_get_title (session_at (given, 1)), ==, "NATS Surveyor");

  /* Ginger Collison speaks but is not in the list. */
  g_assert_null (ncl_event_find_speaker (schedule, "Ginger Collison"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ncl/nats-agenda-format/normal/event", test_normal_event);
  g_test_add_func ("/ncl/nats-agenda-format/normal/sessions", test_normal_sessions);
  g_test_add_func ("/ncl/nats-agenda-format/normal/speakers", test_normal_speakers);
  g_test_add_func ("/ncl/nats-agenda-format/layout/site", test_site_layout);
  g_test_add_func ("/ncl/nats-agenda-format/layout/columns-reordered", test_columns_reordered);
  g_test_add_func ("/ncl/nats-agenda-format/malformed/missing-td-end", test_missing_td_end);
  g_test_add_func ("/ncl/nats-agenda-format/malformed/unclosed-link", test_unclosed_link);
  g_test_add_func ("/ncl/nats-agenda-format/rows/breaks", test_breaks);
  g_test_add_func ("/ncl/nats-agenda-format/rows/multiple-speakers", test_multiple_speakers);
  g_test_add_func ("/ncl/nats-agenda-format/rows/problems", test_bad_rows);
  g_test_add_func ("/ncl/nats-agenda-format/date/no-heading", test_date_no_heading);
  g_test_add_func ("/ncl/nats-agenda-format/date/headings", test_date_headings);
  g_test_add_func ("/ncl/nats-agenda-format/date/heading-problems", test_date_heading_problems);
  g_test_add_func ("/ncl/nats-agenda-format/date/not-a-date", test_not_a_date_heading);
  g_test_add_func ("/ncl/nats-agenda-format/times/fixture", test_times_fixture);
  g_test_add_func ("/ncl/nats-agenda-format/times/parse", test_times_parse);
  g_test_add_func ("/ncl/nats-agenda-format/errors/empty", test_errors_empty);
  g_test_add_func ("/ncl/nats-agenda-format/errors/too-large", test_errors_too_large);
  g_test_add_func ("/ncl/nats-agenda-format/errors/invalid-utf8", test_errors_invalid_utf8);
  g_test_add_func ("/ncl/nats-agenda-format/time/invalid-utf8", test_time_invalid_utf8);
  g_test_add_func ("/ncl/nats-agenda-format/errors/nul-byte", test_errors_nul_byte);
  g_test_add_func ("/ncl/nats-agenda-format/input/deep-nesting", test_input_deep_nesting);
  g_test_add_func ("/ncl/nats-agenda-format/errors/too-deep", test_errors_too_deep);
  g_test_add_func ("/ncl/nats-agenda-format/connect-live/fixture", test_connect_live_fixture);
  g_test_add_func ("/ncl/nats-agenda-format/connect-live/reference-page", test_reference_page);

  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    g_test_add_data_func (error_cases[i].path, &error_cases[i], test_error_case);

  return g_test_run ();
}
