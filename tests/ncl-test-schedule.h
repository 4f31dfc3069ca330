/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <string.h>

#include "ncl-format-types.h"
#include "ncl-test-fixture.h"

/* What the schedule formats' tests ask of a parsed event, the same for each
 * format: a fixture parsed, a session found by its title, its times as
 * ISO 8601, a problem found by its words. */

typedef NclEvent *(*NclTestParse) (GBytes              *bytes,
                                   const NclParseHints *hints,
                                   GError             **error);

/* tests/fixtures/@folder/@name read by @parse. */
static inline NclEvent *
ncl_test_schedule_parse (NclTestParse  parse,
                         const char   *folder,
                         const char   *name,
                         GError      **error)
{
  g_autoptr(GBytes) bytes = ncl_test_fixture_bytes ("fixtures", folder, name, NULL);

  return parse (bytes, NULL, error);
}

static inline NclEvent *
ncl_test_schedule_parse_good (NclTestParse  parse,
                              const char   *folder,
                              const char   *name)
{
  g_autoptr(GError) error = NULL;
  NclEvent *event = ncl_test_schedule_parse (parse, folder, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (event);

  return event;
}

static inline NclSession *
ncl_test_session_titled (NclEvent   *event,
                         const char *title)
{
  GListModel *sessions = ncl_event_get_sessions (event);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(NclSession) session = g_list_model_get_item (sessions, i);

      if (g_strcmp0 (ncl_session_get_title (session), title) == 0)
        return session;  /* the event holds it */
    }

  g_error ("no session titled “%s”", title);
  return NULL;
}

/* @time as ISO 8601 with its offset, "2026-02-07T09:30:00+01:00". */
static inline char *
ncl_test_iso (GDateTime *time)
{
  g_assert_nonnull (time);

  return g_date_time_format (time, "%FT%T%:z");
}

static inline void
ncl_test_assert_times (NclSession *session,
                       const char *start,
                       const char *end)
{
  g_autofree char *start_text = ncl_test_iso (ncl_session_get_start (session));

  g_assert_cmpstr (start_text, ==, start);
  if (end == NULL)
    g_assert_null (ncl_session_get_end (session));
  else
    {
      g_autofree char *end_text = ncl_test_iso (ncl_session_get_end (session));

      g_assert_cmpstr (end_text, ==, end);
    }
}

static inline gboolean
ncl_test_has_problem (NclEvent   *event,
                      const char *words)
{
  const char * const *problems = ncl_event_get_problems (event);

  for (guint i = 0; problems != NULL && problems[i] != NULL; i++)
    {
      if (strstr (problems[i], words) != NULL)
        return TRUE;
    }

  /* What there is instead, for the failure's log. */
  for (guint i = 0; problems != NULL && problems[i] != NULL; i++)
    g_test_message ("problem: %s", problems[i]);

  return FALSE;
}
