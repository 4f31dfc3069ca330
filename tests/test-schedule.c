/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include "ncl-agenda-parser.h"
#include "ncl-fold.h"
#include "ncl-highlight-match.h"
#include "ncl-post-parser.h"
#include "ncl-schedule.h"

typedef struct
{
  GPtrArray *names;
} NotifyLog;

static void
record_notify_cb (GObject    *object,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  NotifyLog *log = user_data;

  g_ptr_array_add (log->names, g_strdup (pspec->name));
}

static void
notify_log_init (NotifyLog *log,
                 gpointer   object)
{
  log->names = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (object, "notify", G_CALLBACK (record_notify_cb), log);
}

static void
notify_log_clear (NotifyLog *log)
{
  g_clear_pointer (&log->names, g_ptr_array_unref);
}

/* The notifications since the last call, joined by spaces. */
static char *
notify_log_take (NotifyLog *log)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < log->names->len; i++)
    {
      if (i > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, g_ptr_array_index (log->names, i));
    }

  g_ptr_array_set_size (log->names, 0);
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

#define assert_notified(log, expected) \
  G_STMT_START { \
    g_autofree char *notified_ = notify_log_take (log); \
    g_assert_cmpstr (notified_, ==, expected); \
  } G_STMT_END

static NclSchedule *
parse_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "agenda", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  NclSchedule *schedule;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  schedule = ncl_agenda_parse (bytes, NCL_AGENDA_PAGE_URI, &error);
  g_assert_no_error (error);
  g_assert_nonnull (schedule);

  return schedule;
}

static NclEvent *
parse_bundled_post (void)
{
  const char *path = g_getenv ("NCL_BUNDLED_POST");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  NclEvent *event;
  gsize length;

  if (path == NULL)
    {
      g_test_fail_printf ("NCL_BUNDLED_POST is not set: run through `meson test`, or set it "
                          "to the path of data/event/nats-connect-live-2020.md");
      return NULL;
    }

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  event = ncl_post_parse (bytes, NCL_POST_PAGE_URI, &error);
  g_assert_no_error (error);
  g_assert_nonnull (event);

  return event;
}

static void
test_session_properties (void)
{
  g_autoptr(NclSession) session = ncl_session_new (NCL_SESSION_TALK, "Resgate.io");
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Los_Angeles");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) start = g_date_time_new (zone, 2020, 4, 16, 9, 0, 0);
  g_autoptr(GDateTime) same_start = g_date_time_new (zone, 2020, 4, 16, 9, 0, 0);
  g_autoptr(GDateTime) same_in_utc = g_date_time_new (utc, 2020, 4, 16, 16, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_new (zone, 2020, 4, 16, 9, 20, 0);
  const char * const speakers[] = { "Samuel Jirénus", NULL };
  const char * const same_speakers[] = { "Samuel Jirénus", NULL };
  NotifyLog log;

  notify_log_init (&log, session);

  g_assert_cmpint (ncl_session_get_kind (session), ==, NCL_SESSION_TALK);
  g_assert_cmpstr (ncl_session_get_id (session), ==, "resgate-io");
  g_assert_nonnull (ncl_session_get_speakers (session));
  g_assert_null (ncl_session_get_speakers (session)[0]);

  ncl_session_set_title (session, "Resgate.io");
  assert_notified (&log, "");

  ncl_session_set_start (session, start);
  assert_notified (&log, "start id");
  g_assert_cmpstr (ncl_session_get_id (session), ==, "resgate-io@20200416T1600Z");
  ncl_session_set_start (session, same_start);
  assert_notified (&log, "");
  /* The same instant in another zone: the start changes, the id does not. */
  ncl_session_set_start (session, same_in_utc);
  assert_notified (&log, "start");
  g_assert_cmpstr (ncl_session_get_id (session), ==, "resgate-io@20200416T1600Z");
  ncl_session_set_start (session, later);
  assert_notified (&log, "start id");
  g_assert_cmpstr (ncl_session_get_id (session), ==, "resgate-io@20200416T1620Z");

  ncl_session_set_speakers (session, speakers);
  assert_notified (&log, "speakers");
  ncl_session_set_speakers (session, same_speakers);
  assert_notified (&log, "");
  ncl_session_set_speakers (session, NULL);
  assert_notified (&log, "speakers");
  g_assert_null (ncl_session_get_speakers (session)[0]);

  ncl_session_set_description (session, "Building <b>REST</b>");
  ncl_session_set_description (session, "Building <b>REST</b>");
  assert_notified (&log, "description");
  ncl_session_set_description_text (session, "Building REST");
  ncl_session_set_description_text (session, "Building REST");
  assert_notified (&log, "description-text");

  ncl_session_set_title (session, "Resgate");
  assert_notified (&log, "title id");
  g_assert_cmpstr (ncl_session_get_id (session), ==, "resgate@20200416T1620Z");

  ncl_session_set_start (session, NULL);
  assert_notified (&log, "start id");
  g_assert_cmpstr (ncl_session_get_id (session), ==, "resgate");

  notify_log_clear (&log);
}

static void
test_schedule_properties (void)
{
  g_autoptr(NclSchedule) schedule = ncl_schedule_new ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Los_Angeles");
  g_autoptr(GDateTime) date = g_date_time_new (zone, 2020, 4, 16, 8, 0, 0);
  g_autoptr(GDateTime) same_date = g_date_time_new (zone, 2020, 4, 16, 8, 0, 0);
  g_autoptr(NclSession) session = ncl_session_new (NCL_SESSION_BREAK, "Break");
  g_autoptr(NclSpeaker) speaker = ncl_speaker_new ("Samuel Jirénius");
  g_auto(GStrv) problems = NULL;
  NotifyLog log;

  notify_log_init (&log, schedule);

  g_assert_null (ncl_schedule_get_problems (schedule)[0]);
  g_assert_null (ncl_schedule_get_time_zone (schedule));

  ncl_schedule_set_title (schedule, "NATS Connect Live!");
  ncl_schedule_set_title (schedule, "NATS Connect Live!");
  ncl_schedule_set_date_text (schedule, "April 16, 2020 @8am PDT");
  ncl_schedule_set_zone_text (schedule, "PDT");
  ncl_schedule_set_zone_text (schedule, "PDT");
  ncl_schedule_set_date (schedule, date);
  ncl_schedule_set_date (schedule, same_date);
  assert_notified (&log, "title date-text zone-text date");
  g_assert_cmpstr (g_time_zone_get_identifier (ncl_schedule_get_time_zone (schedule)), ==,
                   "America/Los_Angeles");

  ncl_schedule_add_problem (schedule, "Row 7 (line 84): no start time");
  assert_notified (&log, "problems");
  g_object_get (schedule, "problems", &problems, NULL);
  g_assert_cmpuint (g_strv_length (problems), ==, 1);
  g_assert_cmpstr (problems[0], ==, "Row 7 (line 84): no start time");

  ncl_schedule_add_session (schedule, session);
  ncl_schedule_add_speaker (schedule, speaker);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_schedule_get_sessions (schedule)), ==, 1);
  g_assert_true (ncl_schedule_find_speaker (schedule, "SAMUEL JIRENIUS") == speaker);
  g_assert_true (ncl_schedule_find_speaker (schedule, "Samuel Jirénus") == speaker);
  g_assert_null (ncl_schedule_find_speaker (schedule, "Samuel"));

  notify_log_clear (&log);
}

static void
test_speaker_links (void)
{
  g_autoptr(NclSpeaker) speaker = ncl_speaker_new ("Dwayne Bradley");
  static const struct {
    const char *uri;
    NclLinkKind kind;
  } cases[] = {
    { "https://github.com/dwaynebradley", NCL_LINK_GITHUB },
    { "https://www.linkedin.com/in/dwayne-bradley-a9658115b/", NCL_LINK_LINKEDIN },
    { "https://uk.linkedin.com/in/someone", NCL_LINK_LINKEDIN },
    { "https://twitter.com/dwaynebradley70", NCL_LINK_TWITTER },
    { "https://x.com/someone", NCL_LINK_TWITTER },
    { "https://gitlab.com/dwaynebradley70", NCL_LINK_GITLAB },
    { "mailto:dale.bingham@cingulara.com", NCL_LINK_EMAIL },
    { "https://cingulara.com", NCL_LINK_WEB_PAGE },
    { "https://notgithub.com/someone", NCL_LINK_WEB_PAGE },
    { "https://github.com.example.org/", NCL_LINK_WEB_PAGE },
    /* One classifier for the speakers' links and the post's. */
    { "https://www.slideshare.net/nats_io/serverless", NCL_LINK_SLIDES },
    { "https://youtu.be/J0zbYbvYiM8", NCL_LINK_VIDEO },
    { "ftp://github.com/ada", NCL_LINK_WEB_PAGE },
    { "http:github.com", NCL_LINK_WEB_PAGE },
  };
  NotifyLog log;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (ncl_link_classify (cases[i].uri), ==, cases[i].kind);

  notify_log_init (&log, speaker);

  g_assert_true (ncl_speaker_add_link (speaker, "https://github.com/dwaynebradley"));
  g_assert_true (ncl_speaker_add_link (speaker, "https://gitlab.com/dwaynebradley70"));
  assert_notified (&log, "n-links n-links");

  /* Twice, or not a web page or address: left out. */
  g_assert_false (ncl_speaker_add_link (speaker, "https://github.com/dwaynebradley"));
  g_assert_false (ncl_speaker_add_link (speaker, "javascript:alert(1)"));
  g_assert_false (ncl_speaker_add_link (speaker, "file:///etc/passwd"));
  g_assert_false (ncl_speaker_add_link (speaker, NULL));
  assert_notified (&log, "");

  g_assert_cmpuint (ncl_speaker_get_n_links (speaker), ==, 2);
  g_assert_cmpint (ncl_speaker_get_link (speaker, 1)->kind, ==, NCL_LINK_GITLAB);
  g_assert_cmpstr (ncl_speaker_find_link (speaker, NCL_LINK_GITHUB), ==,
                   "https://github.com/dwaynebradley");

  ncl_speaker_set_affiliation (speaker, "Synadia");
  ncl_speaker_set_affiliation (speaker, "Synadia");
  ncl_speaker_set_affiliation_url (speaker, "https://synadia.com");
  ncl_speaker_set_affiliation_url (speaker, "https://synadia.com");
  assert_notified (&log, "affiliation affiliation-url");

  notify_log_clear (&log);
}

static void
test_names_match (void)
{
  static const struct {
    const char *name;
    const char *other;
    gboolean match;
  } cases[] = {
    { "Samuel Jirénius", "Samuel Jirénius", TRUE },
    { "Samuel Jirénius", "samuel jirenius", TRUE },
    { "Samuel Jirénius", "Samuel Jirénus", TRUE },
    { "SAMUEL JIRÉNIUS", "Samuel Jirenus", TRUE },
    { "R.I. Pienaar", "R. I. Pienaar", TRUE },
    { "José Núñez", "Jose Nunez", TRUE },
    { "Derek Collison", "Ginger Collison", FALSE },
    { "Derek Collison", "Derek Colison", TRUE },
    { "David Kemper", "David Kemp", FALSE },
    { "Wally Quevedo", "Wally", FALSE },
    { "Alex Ellis", "Alex Elis", TRUE },
    { "Alex Ellis", "Alex Ells", TRUE },
    { "Alex Ellis", "Alex Eels", FALSE },
    { "Ivan Ng", "Ivan Ny", FALSE },
    { "Ivan Ng", "ivan ng", TRUE },
    { "Samuel Jirénius", "Samuel Jirénius Jr", FALSE },
    { "", "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s / %s", cases[i].name, cases[i].other);
      g_assert_cmpint (ncl_fold_names_match (cases[i].name, cases[i].other), ==, cases[i].match);
      g_assert_cmpint (ncl_fold_names_match (cases[i].other, cases[i].name), ==, cases[i].match);
    }
}

static void
test_name_in_text (void)
{
  static const char text[] =
    "Resgate.io has long been a favorite of ours and Samuel Jirénius gave an inspiring talk.";

  g_assert_true (ncl_fold_name_in_text ("Samuel Jirénus", text));
  g_assert_true (ncl_fold_name_in_text ("Samuel Jirénius", text));
  g_assert_false (ncl_fold_name_in_text ("Samuel Pienaar", text));
  g_assert_false (ncl_fold_name_in_text ("Jirénius Samuel", text));
  g_assert_false (ncl_fold_name_in_text ("Samuel Jirénius", "Samuel gave a talk."));
  g_assert_false (ncl_fold_name_in_text ("Samuel Jirénius", NULL));
  g_assert_true (ncl_fold_name_in_text ("Alex Ellis", "A talk from Alex Ellis @alexellisuk."));

  {
    g_autofree char *folded = ncl_fold ("  Jirénius, R.I. — Straße!  ");

    g_assert_cmpstr (folded, ==, "jirenius r i strasse");
  }
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
test_speaker_sessions (void)
{
  g_autoptr(NclSchedule) schedule = parse_fixture ("connect-live-2020.html");
  NclSpeaker *samuel = ncl_schedule_find_speaker (schedule, "Samuel Jirénius");
  NclSpeaker *derek = ncl_schedule_find_speaker (schedule, "Derek Collison");
  GListModel *sessions;

  g_assert_nonnull (samuel);
  sessions = ncl_speaker_get_sessions (samuel);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 1);
  g_assert_cmpstr (ncl_session_get_title (session_at (sessions, 0)), ==, "Resgate.io");

  /* Not Ginger Collison's. */
  g_assert_nonnull (derek);
  sessions = ncl_speaker_get_sessions (derek);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 3);
  g_assert_cmpstr (ncl_session_get_title (session_at (sessions, 0)), ==,
                   "Welcome & Introduction");
  g_assert_cmpstr (ncl_session_get_title (session_at (sessions, 1)), ==, "NATS Leafnodes");
  g_assert_cmpstr (ncl_session_get_title (session_at (sessions, 2)), ==,
                   "NATS Future Work & Wrap Up");
}

/* The post's five talks and the agenda's sessions they are. */
static const struct {
  guint number;
  const char *post_title;
  const char *session_title;
  const char *start;
} post_talks[] = {
  { 1, "Serverless and OpenFaaS and NATS", "Serverless on Kubernetes with OpenFaaS & NATS", "08:20" },
  { 2, "The World of HTTP and NATS Together", "Resgate.io", "09:00" },
  { 3, "NATS and Augmented Reality", "NATS & Augmented Reality", "12:00" },
  { 4, "Cloud Native WebAssembly", "Cloud Native WebAssembly", "11:40" },
  { 5, "SwimOS and NATS", "SwimOS & NATS", "13:50" },
};

static void
assert_post_talks_match (NclSchedule *schedule)
{
  g_autoptr(NclEvent) event = parse_bundled_post ();
  GListModel *talks;

  if (event == NULL)
    return;

  talks = ncl_event_get_highlights (event);
  g_assert_cmpuint (g_list_model_get_n_items (talks), ==, G_N_ELEMENTS (post_talks));

  for (guint i = 0; i < G_N_ELEMENTS (post_talks); i++)
    {
      g_autoptr(NclHighlight) talk = g_list_model_get_item (talks, i);
      g_autofree char *start = NULL;
      NclSession *session;

      g_test_message ("%s", ncl_highlight_get_title (talk));
      g_assert_cmpuint (ncl_highlight_get_number (talk), ==, post_talks[i].number);
      g_assert_cmpstr (ncl_highlight_get_title (talk), ==, post_talks[i].post_title);

      session = ncl_highlight_match_session (schedule, ncl_highlight_get_title (talk),
                                             ncl_highlight_get_description_text (talk));
      g_assert_nonnull (session);
      g_assert_cmpstr (ncl_session_get_title (session), ==, post_talks[i].session_title);

      start = g_date_time_format (ncl_session_get_start (session), "%H:%M");
      g_assert_cmpstr (start, ==, post_talks[i].start);
    }
}

static void
test_match_bundled_post (void)
{
  g_autoptr(NclSchedule) schedule = parse_fixture ("connect-live-2020.html");

  assert_post_talks_match (schedule);
}

static void
test_match_reference_page (void)
{
  const char *path = g_getenv ("NCL_AGENDA_REFERENCE");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(NclSchedule) schedule = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("The reference page (../shared/reference/nats_connect.html) is absent");
      return;
    }

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  schedule = ncl_agenda_parse (bytes, NCL_AGENDA_PAGE_URI, &error);
  g_assert_no_error (error);

  assert_post_talks_match (schedule);
}

static void
test_match_not_in_agenda (void)
{
  static const struct {
    const char *title;
    const char *description;
  } cases[] = {
    /* Shares only "NATS", which every other title has. */
    { "NATS and Kafka Streams", "Jane Doe compares two ways of moving messages." },
    /* Names a speaker of three sessions, none of which it is about. */
    { "Hiring at Synadia", "Derek Collison talks about the people who build the team." },
    /* A speaker mentioned in passing, with nothing of the session's title. */
    { "Edge Computing Today", "As Kevin Hoffman said, the edge is near." },
    { "Serverless", "Nobody in particular." },
    { "", NULL },
  };
  g_autoptr(NclSchedule) schedule = parse_fixture ("connect-live-2020.html");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].title);
      g_assert_null (ncl_highlight_match_session (schedule, cases[i].title, cases[i].description));
    }
}

static void
test_match_by_words (void)
{
  g_autoptr(NclSchedule) schedule = parse_fixture ("connect-live-2020.html");
  NclSession *session;

  /* The title alone, reworded. */
  session = ncl_highlight_match_session (schedule, "The NATS JetStream", NULL);
  g_assert_nonnull (session);
  g_assert_cmpstr (ncl_session_get_title (session), ==, "NATS JetStream");

  session = ncl_highlight_match_session (schedule, "Bearer tokens and NATS", "");
  g_assert_nonnull (session);
  g_assert_cmpstr (ncl_session_get_title (session), ==, "Bearer Tokens in NATS");

  /* Wally Quevedo gives two: the words tell which. */
  session = ncl_highlight_match_session (schedule, "Getting started with NGS",
                                         "Wally Quevedo shows the global system.");
  g_assert_nonnull (session);
  g_assert_cmpstr (ncl_session_get_title (session), ==, "NGS Getting Started");

  /* A word two titles share is too little to tell which. */
  g_assert_null (ncl_highlight_match_session (schedule, "NGS", NULL));
}

static void
test_match_tie (void)
{
  g_autoptr(NclSchedule) schedule = ncl_schedule_new ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Los_Angeles");
  const char * const speakers[] = { "Derek Collison", NULL };

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(NclSession) session = ncl_session_new (NCL_SESSION_TALK, "Office Hours");
      g_autoptr(GDateTime) start = g_date_time_new (zone, 2020, 4, 16, 9 + i, 0, 0);

      ncl_session_set_start (session, start);
      ncl_session_set_speakers (session, speakers);
      ncl_schedule_add_session (schedule, session);
    }

  /* Two sessions fit equally well: none is chosen. */
  g_assert_null (ncl_highlight_match_session (schedule, "Office Hours",
                                              "Derek Collison answers questions."));
}

static NclSession *
find_session (NclSchedule *schedule,
              const char  *title)
{
  GListModel *sessions = ncl_schedule_get_sessions (schedule);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(NclSession) session = g_list_model_get_item (sessions, i);

      if (g_strcmp0 (ncl_session_get_title (session), title) == 0)
        return session;
    }

  g_assert_not_reached ();
}

/* The one link between the post's talks and the agenda: both ways, and
 * again after a change. */
static void
test_match_link (void)
{
  g_autoptr(NclSchedule) schedule = parse_fixture ("connect-live-2020.html");
  g_autoptr(GListStore) talks = g_list_store_new (NCL_TYPE_HIGHLIGHT);
  g_autoptr(NclHighlight) ngs = ncl_highlight_new (1, "Getting started with NGS");
  g_autoptr(NclHighlight) leaf = ncl_highlight_new (2, "Kubernetes and NATS");
  NclSession *started = find_session (schedule, "NGS Getting Started");
  NclSession *jetstream = find_session (schedule, "NATS JetStream");
  GListModel *sessions = ncl_schedule_get_sessions (schedule);
  guint n_linked = 0;

  /* Two talks by the same speaker go to their own sessions, not both to
   * the one the speaker's name would pick. */
  ncl_highlight_set_description_text (ngs, "Wally Quevedo shows the global system.");
  ncl_highlight_set_description_text (leaf, "Wally Quevedo runs NATS on Kubernetes.");
  g_list_store_append (talks, ngs);
  g_list_store_append (talks, leaf);
  ncl_highlight_match_link (schedule, G_LIST_MODEL (talks));

  g_assert_true (ncl_session_get_highlight (started) == ngs);
  g_assert_cmpstr (ncl_highlight_get_star_ids (ngs)[1], ==, ncl_session_get_id (started));
  g_assert_cmpstr (ncl_highlight_get_speakers (ngs), ==, "Wally Quevedo");
  g_assert_true (g_date_time_equal (ncl_highlight_get_start (ngs), ncl_session_get_start (started)));
  g_assert_nonnull (ncl_highlight_get_star_ids (leaf)[1]);
  g_assert_cmpstr (ncl_highlight_get_star_ids (leaf)[1], !=, ncl_session_get_id (started));
  g_assert_true (ncl_session_get_highlight (find_session (schedule, "NATS & Kubernetes")) == leaf);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(NclSession) session = g_list_model_get_item (sessions, i);

      n_linked += ncl_session_get_highlight (session) != NULL;
    }
  g_assert_cmpuint (n_linked, ==, 2);

  /* A refresh retitles the first talk: it is about another session now,
   * and its old session no longer offers it. */
  ncl_highlight_set_title (ngs, "The NATS JetStream");
  ncl_highlight_set_description_text (ngs, NULL);
  ncl_highlight_match_link (schedule, G_LIST_MODEL (talks));
  g_assert_null (ncl_session_get_highlight (started));
  g_assert_true (ncl_session_get_highlight (jetstream) == ngs);
  g_assert_cmpstr (ncl_highlight_get_star_ids (ngs)[1], ==, ncl_session_get_id (jetstream));

  /* The post drops its talks. */
  g_list_store_remove_all (talks);
  ncl_highlight_match_link (schedule, G_LIST_MODEL (talks));
  g_assert_null (ncl_session_get_highlight (jetstream));
  ncl_highlight_match_link (schedule, NULL);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ncl/schedule/session/properties", test_session_properties);
  g_test_add_func ("/ncl/schedule/schedule/properties", test_schedule_properties);
  g_test_add_func ("/ncl/schedule/speaker/links", test_speaker_links);
  g_test_add_func ("/ncl/schedule/speaker/names-match", test_names_match);
  g_test_add_func ("/ncl/schedule/speaker/name-in-text", test_name_in_text);
  g_test_add_func ("/ncl/schedule/speaker/sessions", test_speaker_sessions);
  g_test_add_func ("/ncl/schedule/match/bundled-post", test_match_bundled_post);
  g_test_add_func ("/ncl/schedule/match/reference-page", test_match_reference_page);
  g_test_add_func ("/ncl/schedule/match/not-in-agenda", test_match_not_in_agenda);
  g_test_add_func ("/ncl/schedule/match/by-words", test_match_by_words);
  g_test_add_func ("/ncl/schedule/match/tie", test_match_tie);
  g_test_add_func ("/ncl/schedule/match/link", test_match_link);

  return g_test_run ();
}
