/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <string.h>

#include "ncl-event.h"
#include "ncl-session.h"
#include "ncl-speaker.h"

#include "ncl-fuzz.h"

/* What every schedule parser promises of any input, checked the same for
 * each format: refused with one line that says why, or an event of at least
 * one session, each with a start, an end not before it, and text and
 * markup a label can show. */
static inline int
ncl_fuzz_check_schedule (NclEvent     *event,
                         const GError *error)
{
  const char * const *problems;
  GListModel *sessions;
  GListModel *speakers;

  if (event == NULL)
    {
      ncl_fuzz_check_error ("a refused schedule", error);
      if (strchr (error->message, '\n') != NULL)
        ncl_fuzz_fail ("a refused schedule", "has a message of more than one line", error->message);
      return 0;
    }

  ncl_fuzz_check_text ("the event title", ncl_event_get_title (event));
  ncl_fuzz_check_text ("the event's zone", ncl_event_get_zone_text (event));

  problems = ncl_event_get_problems (event);
  for (gsize i = 0; problems != NULL && problems[i] != NULL; i++)
    ncl_fuzz_check_text ("a problem", problems[i]);

  sessions = ncl_event_get_sessions (event);
  if (g_list_model_get_n_items (sessions) == 0)
    ncl_fuzz_fail ("the schedule", "parsed without sessions", NULL);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(NclSession) session = g_list_model_get_item (sessions, i);
      const char * const *names = ncl_session_get_speaker_names (session);
      GDateTime *start = ncl_session_get_start (session);
      GDateTime *end = ncl_session_get_end (session);

      if (start == NULL)
        ncl_fuzz_fail ("a session", "has no start", ncl_session_get_title (session));
      if (end != NULL && g_date_time_compare (end, start) < 0)
        ncl_fuzz_fail ("a session", "ends before it starts", ncl_session_get_title (session));

      ncl_fuzz_check_text ("a session id", ncl_session_get_id (session));
      ncl_fuzz_check_text ("a session title", ncl_session_get_title (session));
      ncl_fuzz_check_text ("a session subtitle", ncl_session_get_subtitle (session));
      ncl_fuzz_check_text ("a session room", ncl_session_get_room (session));
      ncl_fuzz_check_text ("a session track", ncl_session_get_track (session));
      ncl_fuzz_check_markup ("a session description", ncl_session_get_description (session));
      ncl_fuzz_check_text ("a session description's text", ncl_session_get_description_text (session));
      ncl_fuzz_check_text ("a session's slides", ncl_session_get_slides_url (session));
      ncl_fuzz_check_text ("a session's recording", ncl_session_get_recording_url (session));
      for (gsize j = 0; names != NULL && names[j] != NULL; j++)
        ncl_fuzz_check_text ("a session's speaker", names[j]);
    }

  speakers = ncl_event_get_speakers (event);
  for (guint i = 0; i < g_list_model_get_n_items (speakers); i++)
    {
      g_autoptr(NclSpeaker) speaker = g_list_model_get_item (speakers, i);

      ncl_fuzz_check_text ("a speaker", ncl_speaker_get_name (speaker));
    }

  return 0;
}
