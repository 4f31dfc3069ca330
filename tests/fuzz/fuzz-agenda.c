/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ncl-nats-agenda-format.h"
#include "ncl-session.h"
#include "ncl-speaker.h"
#include "ncl-test-nats.h"

#include "ncl-fuzz.h"

/* The event's agenda page (HTML with a table of sessions and a speaker
 * list) as a hostile server could send it. */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  ncl_fuzz_init ();
  return 0;
}

static void
check_time (const uint8_t *data,
            size_t         size)
{
  /* The start-time cells on their own: "9:00am", "12:20 pm", and any
   * bytes at all (text that is not UTF-8 is not a time). */
  g_autofree char *text = g_strndup ((const char *)data, MIN (size, 32));
  guint hour = G_MAXUINT;
  guint minute = G_MAXUINT;

  if (ncl_agenda_parse_time (text, &hour, &minute) && (hour > 23 || minute > 59))
    ncl_fuzz_fail ("a start time", "is not a time of day", text);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(NclEvent) schedule = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *problems;
  GListModel *sessions;
  GListModel *speakers;

  check_time (data, size);

  schedule = ncl_agenda_parse (bytes, ncl_test_agenda_hints (), &error);
  if (schedule == NULL)
    {
      ncl_fuzz_check_error ("a refused agenda", error);
      return 0;
    }

  ncl_fuzz_check_text ("the agenda title", ncl_event_get_title (schedule));
  ncl_fuzz_check_text ("the agenda date", ncl_event_get_date_text (schedule));
  ncl_fuzz_check_text ("the agenda time zone", ncl_event_get_zone_text (schedule));

  problems = ncl_event_get_problems (schedule);
  for (gsize i = 0; problems != NULL && problems[i] != NULL; i++)
    ncl_fuzz_check_text ("a problem", problems[i]);

  sessions = ncl_event_get_sessions (schedule);
  if (g_list_model_get_n_items (sessions) == 0)
    ncl_fuzz_fail ("the agenda", "parsed without sessions", NULL);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(NclSession) session = g_list_model_get_item (sessions, i);
      const char * const *names = ncl_session_get_speaker_names (session);

      ncl_fuzz_check_text ("a session title", ncl_session_get_title (session));
      ncl_fuzz_check_markup ("a session description", ncl_session_get_description (session));
      ncl_fuzz_check_text ("a session description's text", ncl_session_get_description_text (session));
      for (gsize j = 0; names != NULL && names[j] != NULL; j++)
        ncl_fuzz_check_text ("a session's speaker", names[j]);
    }

  speakers = ncl_event_get_speakers (schedule);
  for (guint i = 0; i < g_list_model_get_n_items (speakers); i++)
    {
      g_autoptr(NclSpeaker) speaker = g_list_model_get_item (speakers, i);

      ncl_fuzz_check_text ("a speaker", ncl_speaker_get_name (speaker));
      ncl_fuzz_check_text ("an affiliation", ncl_speaker_get_affiliation (speaker));
    }

  return 0;
}
