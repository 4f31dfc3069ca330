/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ncl-fold.h"
#include "ncl-highlight-match.h"
#include "ncl-session.h"
#include "ncl-highlight.h"

/*
 * The one rule that finds the session of the agenda a talk of the post is
 * about, and the one place that records the answer: on the talk (its
 * session's id, speakers and start) and on the session (its talk). Views
 * read those; none of them matches anything itself.
 */

static const char * const stop_words[] = {
  "a", "about", "an", "and", "are", "as", "at", "be", "by", "for", "from", "how",
  "in", "into", "is", "it", "its", "of", "on", "or", "our", "the", "to", "up",
  "via", "vs", "we", "what", "why", "with", "you", "your",
  NULL,  /* g_strv_contains() reads up to here */
};

/* Enough for "Websockets" and "WebSocket", not so much that "NATS" goes. */
static char *
stem (const char *word)
{
  gsize length = strlen (word);

  if (length > 4 && word[length - 1] == 's' && word[length - 2] != 's')
    return g_strndup (word, length - 1);

  return g_strdup (word);
}

static GHashTable *
word_set (const char *text,
          gboolean    content_only)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;

  if (text == NULL)
    return set;

  folded = ncl_fold (text);
  words = g_strsplit (folded, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;

      if (content_only &&
          (g_utf8_strlen (words[i], -1) < 2 ||
           g_strv_contains ((const char * const *)stop_words, words[i])))
        continue;

      g_hash_table_add (set, stem (words[i]));
    }

  return set;
}

/* A word in every title ("NATS") says little about which one is meant; a
 * word in one title says a lot. */
static double
word_weight (GHashTable *document_frequency,
             const char *word)
{
  return 1.0 / (GPOINTER_TO_UINT (g_hash_table_lookup (document_frequency, word)) + 1.0);
}

typedef struct
{
  NclSession *session;
  GHashTable *words;
} Candidate;

static void
candidate_clear (gpointer data)
{
  Candidate *candidate = data;

  g_clear_pointer (&candidate->words, g_hash_table_unref);
}

static gboolean
session_speaker_in_text (NclSession *session,
                         const char *text)
{
  const char * const *speakers = ncl_session_get_speaker_names (session);

  for (guint i = 0; speakers[i] != NULL; i++)
    {
      if (ncl_fold_name_in_text (speakers[i], text))
        return TRUE;
    }

  return FALSE;
}

/* Stop-words aside, the title of a talk must share at least half its weight
 * with a session's; or a speaker of the session must be named in the talk
 * and their words overlap by at least a word in one title of four. */
#define TITLE_SIMILAR 0.5
#define SPEAKER_EVIDENCE 0.25

/**
 * ncl_highlight_match_session:
 * @sessions: a list of #NclSession, the event's
 * @talk_title: the title a post gives a talk
 * @talk_description_text: (nullable): the post's words about it
 *
 * Finds the session of the agenda a post's talk is about. The post retitles
 * talks ("Serverless and OpenFaaS and NATS" for "Serverless on Kubernetes
 * with OpenFaaS & NATS") and names the speaker in its own spelling, so:
 * titles are compared by their words, folded and without stop-words, each
 * word weighted by how few session titles have it; a session whose speaker
 * the post names (see ncl_fold_name_in_text()) needs less of that. When
 * two sessions fit equally well, none is returned.
 *
 * Returns: (transfer none) (nullable): the session, or %NULL
 */
NclSession *
ncl_highlight_match_session (GListModel *sessions,
                             const char *talk_title,
                             const char *talk_description_text)
{
  g_autoptr(GHashTable) frequency = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) title_words = NULL;
  g_autoptr(GHashTable) text_words = NULL;
  g_autoptr(GArray) candidates = NULL;
  g_autofree char *text = NULL;
  NclSession *best = NULL;
  double best_score = 0;
  gboolean tie = FALSE;
  guint n_items;

  g_return_val_if_fail (G_IS_LIST_MODEL (sessions), NULL);
  g_return_val_if_fail (talk_title != NULL, NULL);

  text = g_strconcat (talk_title, "\n", talk_description_text, NULL);
  title_words = word_set (talk_title, TRUE);
  text_words = word_set (text, FALSE);

  candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));
  g_array_set_clear_func (candidates, candidate_clear);

  n_items = g_list_model_get_n_items (sessions);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(NclSession) session = g_list_model_get_item (sessions, i);
      Candidate candidate;
      GHashTableIter iter;
      gpointer word;

      if (ncl_session_get_kind (session) != NCL_SESSION_TALK)
        continue;

      candidate.session = session;
      candidate.words = word_set (ncl_session_get_title (session), TRUE);
      g_array_append_val (candidates, candidate);

      g_hash_table_iter_init (&iter, candidate.words);
      while (g_hash_table_iter_next (&iter, &word, NULL))
        {
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (frequency, word));

          g_hash_table_insert (frequency, word, GUINT_TO_POINTER (count + 1));
        }
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, i);
      double shared = 0, talk_only = 0, session_only = 0, in_text = 0;
      double similarity, session_weight, score;
      gboolean speaker_named;
      GHashTableIter iter;
      gpointer word;

      g_hash_table_iter_init (&iter, candidate->words);
      while (g_hash_table_iter_next (&iter, &word, NULL))
        {
          double weight = word_weight (frequency, word);

          if (g_hash_table_contains (title_words, word))
            shared += weight;
          else
            {
              session_only += weight;
              if (g_hash_table_contains (text_words, word))
                in_text += weight;
            }
        }

      g_hash_table_iter_init (&iter, title_words);
      while (g_hash_table_iter_next (&iter, &word, NULL))
        {
          if (!g_hash_table_contains (candidate->words, word))
            talk_only += word_weight (frequency, word);
        }

      similarity = shared > 0 ? shared / (shared + talk_only + session_only) : 0;
      session_weight = shared + session_only;
      speaker_named = session_speaker_in_text (candidate->session, text);

      if (!(similarity >= TITLE_SIMILAR ||
            (speaker_named && shared + in_text >= SPEAKER_EVIDENCE)))
        continue;

      score = similarity + (speaker_named ? 1.0 : 0.0) +
              (session_weight > 0 ? 0.5 * in_text / session_weight : 0.0);

      if (best == NULL || score > best_score + 1e-9)
        {
          best = candidate->session;
          best_score = score;
          tie = FALSE;
        }
      else if (score > best_score - 1e-9)
        tie = TRUE;
    }

  return tie ? NULL : best;
}


/* The sessions by their ids; the event holds them. */
static GHashTable *
sessions_by_id (GListModel *sessions)
{
  GHashTable *by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(NclSession) session = g_list_model_get_item (sessions, i);

      if (!g_hash_table_contains (by_id, ncl_session_get_id (session)))
        g_hash_table_insert (by_id, (gpointer) ncl_session_get_id (session), session);
    }

  return by_id;
}

/**
 * ncl_highlight_match_link:
 * @sessions: a list of #NclSession, the event's
 * @talks: (nullable): a list of #NclHighlight, the talks the post highlights
 *
 * Matches every talk to its session (ncl_highlight_match_session()) and
 * records it both ways: the talk gets its session's id, speakers and start,
 * the session its talk. Sessions no talk matches lose the talk they had, so
 * after a refresh that retitles a talk, its old session no longer offers its
 * slides. Should two talks match one session, the first keeps it. Call it
 * after every change to the talks or the agenda.
 */
void
ncl_highlight_match_link (GListModel *sessions,
                          GListModel *talks)
{
  g_autoptr(GHashTable) talk_for_session = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) session_by_id = NULL;
  guint n_talks, n_sessions;

  g_return_if_fail (G_IS_LIST_MODEL (sessions));
  g_return_if_fail (talks == NULL || G_IS_LIST_MODEL (talks));

  n_talks = talks != NULL ? g_list_model_get_n_items (talks) : 0;
  for (guint i = 0; i < n_talks; i++)
    {
      g_autoptr(NclHighlight) talk = g_list_model_get_item (talks, i);
      g_autofree char *speakers = NULL;
      NclSession *session;

      /* A schedule's own card is its session's, by id: no match to make
       * (and the forgiving match, hundreds of cards by a thousand
       * sessions, would take seconds). */
      if (ncl_highlight_get_from_schedule (talk))
        {
          if (session_by_id == NULL)
            session_by_id = sessions_by_id (sessions);
          session = g_hash_table_lookup (session_by_id, ncl_highlight_get_session_id (talk));
        }
      else
        session = ncl_highlight_match_session (sessions,
                                               ncl_highlight_get_title (talk),
                                               ncl_highlight_get_description_text (talk));

      if (session != NULL && ncl_session_get_speaker_names (session) != NULL)
        speakers = g_strjoinv (", ", (char **)ncl_session_get_speaker_names (session));

      /* The id first: rows update on the talk's notifications. */
      ncl_highlight_set_session_id (talk, session != NULL ? ncl_session_get_id (session) : NULL);
      ncl_highlight_set_schedule (talk, speakers, session != NULL ? ncl_session_get_start (session) : NULL);

      if (session != NULL && !g_hash_table_contains (talk_for_session, session))
        g_hash_table_insert (talk_for_session, session, talk);
    }

  n_sessions = g_list_model_get_n_items (sessions);
  for (guint i = 0; i < n_sessions; i++)
    {
      g_autoptr(NclSession) session = g_list_model_get_item (sessions, i);

      ncl_session_set_highlight (session, g_hash_table_lookup (talk_for_session, session));
    }
}
