/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gio.h>
#include <gio/gsettingsbackend.h>

#include "ncl-query.h"
#include "ncl-session.h"
#include "ncl-speaker.h"
#include "ncl-stars.h"
#include "ncl-highlight.h"

static gboolean
matches (const char *text,
         const char *query)
{
  g_autofree char *folded = ncl_query_join (text, NULL);
  g_autoptr(NclQuery) words = ncl_query_new (query);

  return ncl_query_matches (words, folded);
}

static void
test_fold (void)
{
  /* Accents and case, both ways. */
  g_assert_true (matches ("Jirénius Paul", "jirenius"));
  g_assert_true (matches ("Jirenius Paul", "JIRÉNIUS"));
  g_assert_true (matches ("SwimOS and NATS", "swim"));
  /* Every word, in any order; punctuation is a space. */
  g_assert_true (matches ("Cloud Native WebAssembly", "webassembly cloud"));
  g_assert_true (matches ("The World of HTTP and NATS Together", "http, nats"));
  g_assert_false (matches ("Cloud Native WebAssembly", "cloud swim"));
  g_assert_false (matches ("NATS and Augmented Reality", "serverless"));
  /* An empty query (or only punctuation) matches everything. */
  g_assert_true (matches ("anything", ""));
  g_assert_true (matches ("anything", " – "));
  g_assert_true (matches ("", NULL));
  /* Non-Latin scripts fold too. */
  g_assert_true (matches ("Ελληνικά", "ελληνικα"));
}

static gboolean
narrows (const char *query,
         const char *before)
{
  g_autoptr(NclQuery) self = ncl_query_new (query);
  g_autoptr(NclQuery) other = ncl_query_new (before);

  return ncl_query_narrows (self, other);
}

/* Whether a filter may look only at what it showed. */
static void
test_narrows (void)
{
  g_autoptr(NclQuery) empty = ncl_query_new ("  – ");
  g_autoptr(NclQuery) nats = ncl_query_new ("NATS");
  g_autoptr(NclQuery) nats_again = ncl_query_new ("nats,");

  g_assert_true (ncl_query_is_empty (empty));
  g_assert_false (ncl_query_is_empty (nats));
  g_assert_cmpstr (ncl_query_get_text (nats), ==, "NATS");
  g_assert_cmpstrv (ncl_query_get_words (nats), ((const char * const[]) { "nats", NULL }));
  g_assert_true (ncl_query_equal (nats, nats_again));
  g_assert_false (ncl_query_equal (nats, empty));

  /* One more letter, one more word. */
  g_assert_true (narrows ("na", "n"));
  g_assert_true (narrows ("nats", "na"));
  g_assert_true (narrows ("nats swim", "nats"));
  g_assert_true (narrows ("swim nats", "nats"));
  g_assert_true (narrows ("nats", ""));
  /* Fewer letters, another word. */
  g_assert_false (narrows ("na", "nats"));
  g_assert_false (narrows ("", "nats"));
  g_assert_false (narrows ("swim", "nats"));
  g_assert_true (narrows ("nats", "nats"));
}

static void
test_talk (void)
{
  g_autoptr(NclHighlight) talk = ncl_highlight_new (1, "Serverless and OpenFaaS and NATS");
  g_autoptr(NclHighlight) renumbered = ncl_highlight_new (7, "Serverless and OpenFaaS and NATS");
  g_autoptr(GDateTime) start = g_date_time_new_utc (2020, 4, 16, 15, 20, 0);
  g_autoptr(NclQuery) words = ncl_query_new ("alex faas");
  const char * const *ids;

  /* The id is the title's, not the position's. */
  g_assert_cmpstr (ncl_highlight_get_id (talk), ==, "talk/serverless-and-openfaas-and-nats");
  g_assert_cmpstr (ncl_highlight_get_id (renumbered), ==, ncl_highlight_get_id (talk));

  ids = ncl_highlight_get_star_ids (talk);
  g_assert_cmpstr (ids[0], ==, "talk/serverless-and-openfaas-and-nats");
  g_assert_null (ids[1]);

  /* Speakers come with the agenda, and searches find them then. */
  g_assert_false (ncl_query_matches (words, ncl_highlight_get_search_text (talk)));
  ncl_highlight_set_schedule (talk, "Alex Ellis", start);
  ncl_highlight_set_session_id (talk, "serverless-and-openfaas-and-nats@20200416T1520Z");
  g_assert_true (ncl_query_matches (words, ncl_highlight_get_search_text (talk)));

  ids = ncl_highlight_get_star_ids (talk);
  g_assert_cmpstr (ids[1], ==, "serverless-and-openfaas-and-nats@20200416T1520Z");
  g_assert_null (ids[2]);

  /* A new title is searched and gets its own id. */
  ncl_highlight_set_title (talk, "Functions and NATS");
  g_assert_cmpstr (ncl_highlight_get_id (talk), ==, "talk/functions-and-nats");
  g_clear_pointer (&words, ncl_query_unref);
  words = ncl_query_new ("functions");
  g_assert_true (ncl_query_matches (words, ncl_highlight_get_search_text (talk)));
}

static void
test_session_and_speaker (void)
{
  g_autoptr(NclSpeaker) speaker = ncl_speaker_new ("Jirénius Paul");
  g_autoptr(NclSession) session = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_utc (2020, 4, 16, 16, 0, 0);
  const char *speakers[] = { "Jirénius Paul", NULL };
  g_autoptr(NclQuery) name = ncl_query_new ("jirenius");
  g_autoptr(NclQuery) company = ncl_query_new ("synadia");

  g_assert_true (ncl_query_matches (name, ncl_speaker_get_search_text (speaker)));
  g_assert_false (ncl_query_matches (company, ncl_speaker_get_search_text (speaker)));
  ncl_speaker_set_affiliation (speaker, "Synadia");
  g_assert_true (ncl_query_matches (company, ncl_speaker_get_search_text (speaker)));

  session = ncl_session_new (NCL_SESSION_TALK, "Resgate.io");
  ncl_session_set_start (session, start);
  g_assert_false (ncl_query_matches (name, ncl_session_get_search_text (session)));
  ncl_session_set_speaker_names (session, speakers);
  g_assert_true (ncl_query_matches (name, ncl_session_get_search_text (session)));
}

static GSettings *
new_settings (GSettingsBackend *backend)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  source = g_settings_schema_source_new_from_directory (g_getenv ("GSETTINGS_SCHEMA_DIR"),
                                                        NULL, TRUE, &error);
  g_assert_no_error (error);
  schema = g_settings_schema_source_lookup (source, APP_ID, FALSE);
  g_assert_nonnull (schema);

  return g_settings_new_full (schema, backend, NULL);
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
test_stars (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = new_settings (backend);
  g_autoptr(GSettings) other_settings = new_settings (backend);
  g_autoptr(NclStars) stars = ncl_stars_new (settings);
  g_autoptr(NclStars) other = NULL;
  g_auto(GStrv) saved = NULL;
  const char *talk[] = { "talk/swimos-and-nats", "swimos-and-nats@20200416T1720Z", NULL };
  const char *session[] = { "swimos-and-nats@20200416T1720Z", "talk/swimos-and-nats", NULL };
  const char *unrelated[] = { "resgate-io@20200416T1600Z", NULL };
  guint changes = 0;

  g_signal_connect (stars, "changed", G_CALLBACK (count_cb), &changes);

  g_assert_false (ncl_stars_contains (stars, talk));
  ncl_stars_set_starred (stars, talk, TRUE);
  g_assert_true (ncl_stars_contains (stars, talk));
  /* The same talk seen from the agenda is starred too. */
  g_assert_true (ncl_stars_contains (stars, session));
  g_assert_false (ncl_stars_contains (stars, unrelated));
  g_assert_cmpuint (changes, ==, 1);

  /* Starring twice changes nothing. */
  ncl_stars_set_starred (stars, talk, TRUE);
  g_assert_cmpuint (changes, ==, 1);

  /* Kept in the settings, under the item's own id only. */
  saved = g_settings_get_strv (settings, "starred");
  g_assert_cmpstrv (saved, ((const char * const[]) { "talk/swimos-and-nats", NULL }));

  /* What a new start sees. */
  other = ncl_stars_new (other_settings);
  g_assert_true (ncl_stars_contains (other, talk));

  /* Unstarring from the agenda unstars the talk. */
  ncl_stars_set_starred (stars, unrelated, TRUE);
  ncl_stars_set_starred (stars, session, FALSE);
  g_assert_false (ncl_stars_contains (stars, talk));
  g_assert_true (ncl_stars_contains (stars, unrelated));
  g_assert_cmpuint (ncl_stars_get_n_stars (stars), ==, 1);

  /* Another window's change arrives. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (ncl_stars_contains (other, talk));
  g_assert_true (ncl_stars_contains (other, unrelated));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ncl/search/fold", test_fold);
  g_test_add_func ("/ncl/search/narrows", test_narrows);
  g_test_add_func ("/ncl/search/talk", test_talk);
  g_test_add_func ("/ncl/search/session-and-speaker", test_session_and_speaker);
  g_test_add_func ("/ncl/search/stars", test_stars);

  return g_test_run ();
}
