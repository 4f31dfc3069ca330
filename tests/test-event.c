/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include "ncl-nats-agenda-format.h"
#include "ncl-fold.h"
#include "ncl-highlight-match.h"
#include "ncl-post-format.h"
#include "ncl-event.h"
#include "ncl-test-nats.h"

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

static NclEvent *
parse_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "agenda", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  NclEvent *schedule;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  schedule = ncl_agenda_parse (bytes, ncl_test_agenda_hints (), &error);
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

  event = ncl_post_parse (bytes, NCL_TEST_POST_URI, &error);
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
  g_assert_nonnull (ncl_session_get_speaker_names (session));
  g_assert_null (ncl_session_get_speaker_names (session)[0]);

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

  ncl_session_set_speaker_names (session, speakers);
  assert_notified (&log, "speaker-names");
  ncl_session_set_speaker_names (session, same_speakers);
  assert_notified (&log, "");
  ncl_session_set_speaker_names (session, NULL);
  assert_notified (&log, "speaker-names");
  g_assert_null (ncl_session_get_speaker_names (session)[0]);

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
  g_autoptr(NclEvent) schedule = ncl_event_new ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Los_Angeles");
  g_autoptr(GDateTime) date = g_date_time_new (zone, 2020, 4, 16, 8, 0, 0);
  g_autoptr(GDateTime) same_date = g_date_time_new (zone, 2020, 4, 16, 8, 0, 0);
  g_autoptr(NclSession) session = ncl_session_new (NCL_SESSION_BREAK, "Break");
  g_autoptr(NclSpeaker) speaker = ncl_speaker_new ("Samuel Jirénius");
  g_auto(GStrv) problems = NULL;
  NotifyLog log;

  notify_log_init (&log, schedule);

  g_assert_null (ncl_event_get_problems (schedule)[0]);
  g_assert_null (ncl_event_get_time_zone (schedule));

  ncl_event_set_title (schedule, "NATS Connect Live!");
  ncl_event_set_title (schedule, "NATS Connect Live!");
  ncl_event_set_date_text (schedule, "April 16, 2020 @8am PDT");
  ncl_event_set_zone_text (schedule, "PDT");
  ncl_event_set_zone_text (schedule, "PDT");
  ncl_event_set_date (schedule, date);
  ncl_event_set_date (schedule, same_date);
  assert_notified (&log, "title date-text zone-text date");
  g_assert_cmpstr (g_time_zone_get_identifier (ncl_event_get_time_zone (schedule)), ==,
                   "America/Los_Angeles");

  ncl_event_add_problem (schedule, "Row 7 (line 84): no start time");
  assert_notified (&log, "problems");
  g_object_get (schedule, "problems", &problems, NULL);
  g_assert_cmpuint (g_strv_length (problems), ==, 1);
  g_assert_cmpstr (problems[0], ==, "Row 7 (line 84): no start time");

  ncl_event_add_session (schedule, session);
  ncl_event_add_speaker (schedule, speaker);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_sessions (schedule)), ==, 1);
  g_assert_true (ncl_event_find_speaker (schedule, "SAMUEL JIRENIUS") == speaker);
  g_assert_true (ncl_event_find_speaker (schedule, "Samuel Jirénus") == speaker);
  g_assert_null (ncl_event_find_speaker (schedule, "Samuel"));

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
    { "https://vimeo.com/123456789", NCL_LINK_VIDEO },
    { "https://player.vimeo.com/video/123456789", NCL_LINK_VIDEO },
    { "https://notvimeo.com/123456789", NCL_LINK_WEB_PAGE },
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
  g_autoptr(NclEvent) schedule = parse_fixture ("connect-live-2020.html");
  NclSpeaker *samuel = ncl_event_find_speaker (schedule, "Samuel Jirénius");
  NclSpeaker *derek = ncl_event_find_speaker (schedule, "Derek Collison");
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
assert_post_talks_match (NclEvent *schedule)
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

      session = ncl_highlight_match_session (ncl_event_get_sessions (schedule), ncl_highlight_get_title (talk),
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
  g_autoptr(NclEvent) schedule = parse_fixture ("connect-live-2020.html");

  assert_post_talks_match (schedule);
}

static void
test_match_reference_page (void)
{
  const char *path = g_getenv ("NCL_AGENDA_REFERENCE");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(NclEvent) schedule = NULL;
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
  schedule = ncl_agenda_parse (bytes, ncl_test_agenda_hints (), &error);
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
  g_autoptr(NclEvent) schedule = parse_fixture ("connect-live-2020.html");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].title);
      g_assert_null (ncl_highlight_match_session (ncl_event_get_sessions (schedule), cases[i].title, cases[i].description));
    }
}

static void
test_match_by_words (void)
{
  g_autoptr(NclEvent) schedule = parse_fixture ("connect-live-2020.html");
  NclSession *session;

  /* The title alone, reworded. */
  session = ncl_highlight_match_session (ncl_event_get_sessions (schedule), "The NATS JetStream", NULL);
  g_assert_nonnull (session);
  g_assert_cmpstr (ncl_session_get_title (session), ==, "NATS JetStream");

  session = ncl_highlight_match_session (ncl_event_get_sessions (schedule), "Bearer tokens and NATS", "");
  g_assert_nonnull (session);
  g_assert_cmpstr (ncl_session_get_title (session), ==, "Bearer Tokens in NATS");

  /* Wally Quevedo gives two: the words tell which. */
  session = ncl_highlight_match_session (ncl_event_get_sessions (schedule), "Getting started with NGS",
                                         "Wally Quevedo shows the global system.");
  g_assert_nonnull (session);
  g_assert_cmpstr (ncl_session_get_title (session), ==, "NGS Getting Started");

  /* A word two titles share is too little to tell which. */
  g_assert_null (ncl_highlight_match_session (ncl_event_get_sessions (schedule), "NGS", NULL));
}

static void
test_match_tie (void)
{
  g_autoptr(NclEvent) schedule = ncl_event_new ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Los_Angeles");
  const char * const speakers[] = { "Derek Collison", NULL };

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(NclSession) session = ncl_session_new (NCL_SESSION_TALK, "Office Hours");
      g_autoptr(GDateTime) start = g_date_time_new (zone, 2020, 4, 16, 9 + i, 0, 0);

      ncl_session_set_start (session, start);
      ncl_session_set_speaker_names (session, speakers);
      ncl_event_add_session (schedule, session);
    }

  /* Two sessions fit equally well: none is chosen. */
  g_assert_null (ncl_highlight_match_session (ncl_event_get_sessions (schedule), "Office Hours",
                                              "Derek Collison answers questions."));
}

static NclSession *
find_session (NclEvent   *schedule,
              const char *title)
{
  GListModel *sessions = ncl_event_get_sessions (schedule);

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
  g_autoptr(NclEvent) schedule = parse_fixture ("connect-live-2020.html");
  g_autoptr(GListStore) talks = g_list_store_new (NCL_TYPE_HIGHLIGHT);
  g_autoptr(NclHighlight) ngs = ncl_highlight_new (1, "Getting started with NGS");
  g_autoptr(NclHighlight) leaf = ncl_highlight_new (2, "Kubernetes and NATS");
  NclSession *started = find_session (schedule, "NGS Getting Started");
  NclSession *jetstream = find_session (schedule, "NATS JetStream");
  GListModel *sessions = ncl_event_get_sessions (schedule);
  guint n_linked = 0;

  /* Two talks by the same speaker go to their own sessions, not both to
   * the one the speaker's name would pick. */
  ncl_highlight_set_description_text (ngs, "Wally Quevedo shows the global system.");
  ncl_highlight_set_description_text (leaf, "Wally Quevedo runs NATS on Kubernetes.");
  g_list_store_append (talks, ngs);
  g_list_store_append (talks, leaf);
  ncl_highlight_match_link (ncl_event_get_sessions (schedule), G_LIST_MODEL (talks));

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
  ncl_highlight_match_link (ncl_event_get_sessions (schedule), G_LIST_MODEL (talks));
  g_assert_null (ncl_session_get_highlight (started));
  g_assert_true (ncl_session_get_highlight (jetstream) == ngs);
  g_assert_cmpstr (ncl_highlight_get_star_ids (ngs)[1], ==, ncl_session_get_id (jetstream));

  /* The post drops its talks. */
  g_list_store_remove_all (talks);
  ncl_highlight_match_link (ncl_event_get_sessions (schedule), G_LIST_MODEL (talks));
  g_assert_null (ncl_session_get_highlight (jetstream));
  ncl_highlight_match_link (ncl_event_get_sessions (schedule), NULL);
}

static NclSession *
add_timed (NclEvent   *event,
           const char *title,
           GDateTime  *start,
           const char *room,
           const char *track)
{
  g_autoptr(NclSession) session = ncl_session_new (start != NULL ? NCL_SESSION_TALK : NCL_SESSION_BREAK, title);

  ncl_session_set_start (session, start);
  ncl_session_set_room (session, room);
  ncl_session_set_track (session, track);
  ncl_event_add_session (event, session);

  return session;
}

static void
assert_group (GListModel *groups,
              guint       position,
              const char *name,
              guint       n_sessions,
              ...)
{
  g_autoptr(NclSessionGroup) group = g_list_model_get_item (groups, position);
  GListModel *sessions;
  va_list titles;

  g_assert_nonnull (group);
  g_assert_cmpstr (ncl_session_group_get_name (group), ==, name);
  sessions = ncl_session_group_get_sessions (group);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, n_sessions);

  va_start (titles, n_sessions);
  for (guint i = 0; i < n_sessions; i++)
    {
      g_autoptr(NclSession) session = g_list_model_get_item (sessions, i);

      g_assert_cmpstr (ncl_session_get_title (session), ==, va_arg (titles, const char *));
    }
  va_end (titles);
}

/* Days in the event's zone (a talk at 00:30 is on the next day, whatever
 * the source's order), a break with the session before it, rooms and
 * tracks in first-seen order; a refresh keeps the groups whose names stay. */
static void
test_event_groups (void)
{
  g_autoptr(GTimeZone) brussels = g_time_zone_new_identifier ("Europe/Brussels");
  g_autoptr(NclEvent) event = ncl_event_new ();
  g_autoptr(NclEvent) fresh = ncl_event_new ();
  g_autoptr(GDateTime) opening = g_date_time_new (brussels, 2027, 2, 6, 10, 0, 0);
  g_autoptr(GDateTime) late = g_date_time_new (brussels, 2027, 2, 6, 23, 30, 0);
  /* 23:30 UTC is 00:30 in Brussels: the next day there. */
  g_autoptr(GDateTime) after_midnight = g_date_time_new_utc (2027, 2, 6, 23, 30, 0);
  g_autoptr(GDateTime) morning = g_date_time_new (brussels, 2027, 2, 7, 9, 0, 0);
  g_autoptr(GDateTime) midnight = g_date_time_new (brussels, 2027, 2, 6, 0, 0, 0);
  g_autoptr(NclSessionGroup) janson = NULL;
  g_autoptr(NclDay) first_day = NULL;
  GListModel *days, *rooms, *tracks;

  ncl_event_set_title (event, "FOSDEM 2027");
  ncl_event_set_date (event, midnight);
  add_timed (event, "Welcome", opening, "Janson", "Keynotes");
  add_timed (event, "Lunch", NULL, NULL, NULL);
  add_timed (event, "Sunday morning", morning, NULL, "Go");
  add_timed (event, "Late Go", late, "H.1301", "Go");
  add_timed (event, "After midnight", after_midnight, "Janson", "Go");
  ncl_event_link (event);

  days = ncl_event_get_days (event);
  g_assert_cmpuint (g_list_model_get_n_items (days), ==, 2);
  assert_group (days, 0, "2027-02-06", 3, "Welcome", "Lunch", "Late Go");
  assert_group (days, 1, "2027-02-07", 2, "Sunday morning", "After midnight");
  first_day = g_list_model_get_item (days, 0);
  g_assert_true (g_date_time_equal (ncl_day_get_date (first_day), midnight));

  rooms = ncl_event_get_rooms (event);
  g_assert_cmpuint (g_list_model_get_n_items (rooms), ==, 2);
  assert_group (rooms, 0, "Janson", 2, "Welcome", "After midnight");
  assert_group (rooms, 1, "H.1301", 1, "Late Go");
  g_assert_true (g_list_model_get_item_type (rooms) == NCL_TYPE_ROOM);

  tracks = ncl_event_get_tracks (event);
  g_assert_cmpuint (g_list_model_get_n_items (tracks), ==, 2);
  assert_group (tracks, 0, "Keynotes", 1, "Welcome");
  assert_group (tracks, 1, "Go", 3, "Sunday morning", "Late Go", "After midnight");

  /* The late talk moves to another room. */
  janson = g_list_model_get_item (rooms, 0);
  ncl_event_set_title (fresh, "FOSDEM 2027");
  ncl_event_set_date (fresh, midnight);
  add_timed (fresh, "Welcome", opening, "Janson", "Keynotes");
  add_timed (fresh, "Late Go", late, "K.1.105", "Go");
  add_timed (fresh, "After midnight", after_midnight, "Janson", "Go");
  ncl_event_update_from (event, fresh);

  g_assert_cmpuint (g_list_model_get_n_items (rooms), ==, 2);
  {
    g_autoptr(NclSessionGroup) kept = g_list_model_get_item (rooms, 0);

    g_assert_true (kept == janson);
  }
  assert_group (rooms, 1, "K.1.105", 1, "Late Go");
  assert_group (days, 0, "2027-02-06", 2, "Welcome", "Late Go");
  assert_group (days, 1, "2027-02-07", 1, "After midnight");
}

/* A session holds its speakers as objects and they hold it; the pair does
 * not keep either alive once the event goes. */
static void
test_event_session_speakers (void)
{
  NclEvent *event = ncl_event_new ();
  g_autoptr(NclSpeaker) ada = ncl_speaker_new ("Ada Lovelace");
  g_autoptr(NclSpeaker) alan = ncl_speaker_new ("Alan Turing");
  const char *names[] = { "Alan Turing", "Ada Lovelace", NULL };
  NclSession *session = ncl_session_new (NCL_SESSION_TALK, "Engines");
  GListModel *speakers;
  gpointer weak = session;

  ncl_session_set_speaker_names (session, names);
  ncl_event_add_session (event, session);
  ncl_event_add_speaker (event, ada);
  ncl_event_add_speaker (event, alan);
  g_object_unref (session);

  /* Nothing is linked before ncl_event_link(). */
  g_assert_cmpuint (g_list_model_get_n_items (ncl_session_get_speakers (session)), ==, 0);
  ncl_event_link (event);

  speakers = ncl_session_get_speakers (session);
  g_assert_cmpuint (g_list_model_get_n_items (speakers), ==, 2);
  g_assert_true (g_list_model_get_item (speakers, 0) == (gpointer) ada);
  g_object_unref (ada);
  g_assert_true (g_list_model_get_item (speakers, 1) == (gpointer) alan);
  g_object_unref (alan);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_speaker_get_sessions (ada)), ==, 1);

  g_object_add_weak_pointer (G_OBJECT (session), &weak);
  g_object_unref (event);
  g_assert_null (weak);
}

/* A post and an agenda are two documents of one event: each refresh takes
 * only the parts its document has. */
static void
test_event_parts (void)
{
  g_autoptr(NclEvent) event = ncl_event_new ();
  g_autoptr(NclEvent) agenda = parse_fixture ("connect-live-2020.html");
  g_autoptr(NclEvent) post = parse_bundled_post ();
  guint n_sessions, n_speakers;

  if (post == NULL)
    return;

  g_assert_cmpint (ncl_event_get_parts (agenda), ==, NCL_EVENT_PART_PROGRAMME);
  g_assert_cmpint (ncl_event_get_parts (post), ==, NCL_EVENT_PART_HIGHLIGHTS);
  n_sessions = g_list_model_get_n_items (ncl_event_get_sessions (agenda));
  n_speakers = g_list_model_get_n_items (ncl_event_get_speakers (agenda));

  ncl_event_update_from (event, agenda);
  ncl_event_update_from (event, post);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_sessions (event)), ==, n_sessions);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_speakers (event)), ==, n_speakers);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_highlights (event)), ==, 5);
  g_assert_nonnull (ncl_event_get_article (event));
  g_assert_cmpstr (ncl_event_get_title (event), ==, ncl_event_get_title (agenda));

  /* The agenda again: the highlights stay, and are matched again. */
  g_clear_object (&agenda);
  agenda = parse_fixture ("connect-live-2020.html");
  ncl_event_update_from (event, agenda);
  /* The speakers who came with it know their sessions. */
  g_assert_cmpuint (g_list_model_get_n_items (ncl_speaker_get_sessions (ncl_event_find_speaker (event, "Alex Ellis"))), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_highlights (event)), ==, 5);
  /* Matched to its session: starred under the session's id too. */
  g_assert_nonnull (ncl_highlight_get_star_ids (ncl_event_find_highlight (event, 1))[1]);
  g_assert_true (g_str_has_prefix (ncl_highlight_get_star_ids (ncl_event_find_highlight (event, 1))[1],
                                   "serverless-on-kubernetes-with-openfaas"));
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_days (event)), ==, 1);
}

static void
test_link_video_file (void)
{
  static const struct
  {
    const char *uri;
    gboolean is_video_file;
  } cases[] = {
    { "https://video.fosdem.org/2024/ua2118/talk.webm", TRUE },
    { "http://127.0.0.1:8080/recordings/talk.mp4", TRUE },
    { "https://cdn.example.org/talk.M4V", TRUE },
    { "https://cdn.example.org/talk.Ogv", TRUE },
    { "file:///home/ada/Videos/talk.webm", TRUE },
    { "FILE:///home/ada/Videos/TALK.MP4", TRUE },
    /* The query and fragment are not the path. */
    { "https://cdn.example.org/talk.webm?download=1&t=10", TRUE },
    { "https://cdn.example.org/talk.mp4#t=90", TRUE },
    { "https://cdn.example.org/watch?file=talk.mp4", FALSE },
    { "https://cdn.example.org/talk#.webm", FALSE },
    { "https://cdn.example.org/talk.webm/", FALSE },
    { "https://cdn.example.org/talk.webm.html", FALSE },
    { "https://cdn.example.org/talk.mkv", FALSE },
    /* The same address (RFC 3986, 6.2.2.2): GUri decodes unreserved
     * characters, and so does any server. */
    { "https://cdn.example.org/talk%2Ewebm", TRUE },
    { "https://cdn.example.org/talk%2Fwebm", FALSE },
    { "https://cdn.example.org/.mp4", FALSE },
    { "https://cdn.example.org/", FALSE },
    /* Only the web and local files. */
    { "ftp://ftp.example.org/talk.webm", FALSE },
    { "javascript:alert(1)//talk.webm", FALSE },
    { "data:video/webm;base64,AAAA.webm", FALSE },
    { "https:///talk.webm", FALSE },
    { "talk.webm", FALSE },
    { "https://www.youtube.com/watch?v=J0zbYbvYiM8", FALSE },
    { "", FALSE },
    { NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (ncl_link_is_video_file (cases[i].uri) != cases[i].is_video_file)
        g_error ("“%s” is%s a video file", cases[i].uri, cases[i].is_video_file ? "" : " not");
    }
}

/* Slides as a file: the PDFs a schedule links, told by their names. */
static void
test_link_extension (void)
{
  static const char * const pdf[] = { ".pdf", NULL };

  g_assert_true (ncl_link_has_extension ("https://fosdem.org/2026/schedule/event/x/attachments/slides/1/deck.pdf", pdf));
  g_assert_true (ncl_link_has_extension ("https://example.org/Deck.PDF?dl=1#page=2", pdf));
  g_assert_true (ncl_link_has_extension ("file:///home/ada/deck.pdf", pdf));
  g_assert_false (ncl_link_has_extension ("https://example.org/get?file=deck.pdf", pdf));
  g_assert_false (ncl_link_has_extension ("https://example.org/deck.pdf/", pdf));
  g_assert_false (ncl_link_has_extension ("https://example.org/.pdf", pdf));
  g_assert_false (ncl_link_has_extension ("https://example.org/deck.pdfx", pdf));
  g_assert_false (ncl_link_has_extension (NULL, pdf));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ncl/event/session/properties", test_session_properties);
  g_test_add_func ("/ncl/event/schedule/properties", test_schedule_properties);
  g_test_add_func ("/ncl/event/speaker/links", test_speaker_links);
  g_test_add_func ("/ncl/event/link/video-file", test_link_video_file);
  g_test_add_func ("/ncl/event/link/extension", test_link_extension);
  g_test_add_func ("/ncl/event/speaker/names-match", test_names_match);
  g_test_add_func ("/ncl/event/speaker/name-in-text", test_name_in_text);
  g_test_add_func ("/ncl/event/speaker/sessions", test_speaker_sessions);
  g_test_add_func ("/ncl/event/match/bundled-post", test_match_bundled_post);
  g_test_add_func ("/ncl/event/match/reference-page", test_match_reference_page);
  g_test_add_func ("/ncl/event/match/not-in-agenda", test_match_not_in_agenda);
  g_test_add_func ("/ncl/event/match/by-words", test_match_by_words);
  g_test_add_func ("/ncl/event/match/tie", test_match_tie);
  g_test_add_func ("/ncl/event/match/link", test_match_link);
  g_test_add_func ("/ncl/event/groups", test_event_groups);
  g_test_add_func ("/ncl/event/session-speakers", test_event_session_speakers);
  g_test_add_func ("/ncl/event/parts", test_event_parts);

  return g_test_run ();
}
