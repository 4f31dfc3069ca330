/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ncl-overlaps.h"
#include "ncl-session.h"

/*
 * The starred sessions a person cannot attend together. Times are
 * minutes after 9:00 on 2026-02-07 at +01:00 (FOSDEM's Brussels); a
 * negative end means the session has none.
 */

static NclSession *
session_at (const char *title,
            int         start,
            int         end)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (3600);
  g_autoptr(GDateTime) nine = g_date_time_new (zone, 2026, 2, 7, 9, 0, 0);
  g_autoptr(GDateTime) start_time = g_date_time_add_minutes (nine, start);
  NclSession *session = ncl_session_new (NCL_SESSION_TALK, title);

  ncl_session_set_start (session, start_time);
  if (end >= 0)
    {
      g_autoptr(GDateTime) end_time = g_date_time_add_minutes (nine, end);

      ncl_session_set_end (session, end_time);
    }

  return session;
}

/* The titles of what @title overlaps, as "B|C", or NULL when nothing. */
static char *
overlaps_of (GHashTable *overlaps,
             GPtrArray  *sessions,
             const char *title)
{
  for (guint i = 0; i < sessions->len; i++)
    {
      NclSession *session = sessions->pdata[i];
      GPtrArray *others;
      g_autoptr(GStrvBuilder) titles = NULL;
      g_auto(GStrv) strv = NULL;

      if (g_strcmp0 (ncl_session_get_title (session), title) != 0)
        continue;

      others = g_hash_table_lookup (overlaps, session);
      if (others == NULL)
        return NULL;

      titles = g_strv_builder_new ();
      for (guint j = 0; j < others->len; j++)
        g_strv_builder_add (titles, ncl_session_get_title (others->pdata[j]));
      strv = g_strv_builder_end (titles);
      return g_strjoinv ("|", strv);
    }

  g_assert_not_reached ();
}

#define assert_overlaps(overlaps, sessions, title, expected) \
  G_STMT_START { \
    g_autofree char *found = overlaps_of (overlaps, sessions, title); \
    g_assert_cmpstr (found, ==, expected); \
  } G_STMT_END

static void
test_pairs (void)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) overlaps = NULL;

  /* Given out of order: the answer doesn't depend on it. */
  g_ptr_array_add (sessions, session_at ("Late", 120, 180));
  g_ptr_array_add (sessions, session_at ("Keynote", 0, 60));
  g_ptr_array_add (sessions, session_at ("Lightning", 30, 45));
  g_ptr_array_add (sessions, session_at ("Workshop", 50, 150));
  g_ptr_array_add (sessions, session_at ("Right after", 60, 90));
  g_ptr_array_add (sessions, session_at ("Alone", 200, 230));

  overlaps = ncl_overlaps_find (sessions);

  /* Inside, across the end, and touching ends that do not overlap. */
  assert_overlaps (overlaps, sessions, "Keynote", "Lightning|Workshop");
  assert_overlaps (overlaps, sessions, "Lightning", "Keynote");
  assert_overlaps (overlaps, sessions, "Workshop", "Keynote|Right after|Late");
  assert_overlaps (overlaps, sessions, "Right after", "Workshop");
  assert_overlaps (overlaps, sessions, "Late", "Workshop");
  assert_overlaps (overlaps, sessions, "Alone", NULL);
  g_assert_cmpuint (g_hash_table_size (overlaps), ==, 5);
}

static void
test_same_time (void)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) overlaps = NULL;

  /* The same slot in three rooms: each overlaps the two others. */
  g_ptr_array_add (sessions, session_at ("Janson", 0, 50));
  g_ptr_array_add (sessions, session_at ("K.1.105", 0, 50));
  g_ptr_array_add (sessions, session_at ("H.2215", 0, 25));

  overlaps = ncl_overlaps_find (sessions);

  assert_overlaps (overlaps, sessions, "Janson", "H.2215|K.1.105");
  assert_overlaps (overlaps, sessions, "K.1.105", "H.2215|Janson");
  assert_overlaps (overlaps, sessions, "H.2215", "Janson|K.1.105");
}

static void
test_without_times (void)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) overlaps = NULL;

  /* An agenda page gives starts only: nothing can be said to overlap. A
   * session of no length overlaps nothing either. */
  g_ptr_array_add (sessions, session_at ("No end", 0, -1));
  g_ptr_array_add (sessions, session_at ("Also no end", 0, -1));
  g_ptr_array_add (sessions, session_at ("Zero", 10, 10));
  g_ptr_array_add (sessions, session_at ("Hour", 0, 60));
  g_ptr_array_add (sessions, ncl_session_new (NCL_SESSION_TALK, "Unscheduled"));

  overlaps = ncl_overlaps_find (sessions);

  g_assert_cmpuint (g_hash_table_size (overlaps), ==, 0);
}

static void
test_other_day (void)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) overlaps = NULL;

  /* The same hours a day apart, and one across midnight into the next. */
  g_ptr_array_add (sessions, session_at ("Saturday", 0, 60));
  g_ptr_array_add (sessions, session_at ("Sunday", 24 * 60, 25 * 60));
  g_ptr_array_add (sessions, session_at ("Night", 23 * 60, 24 * 60 + 30));

  overlaps = ncl_overlaps_find (sessions);

  assert_overlaps (overlaps, sessions, "Saturday", NULL);
  assert_overlaps (overlaps, sessions, "Sunday", "Night");
  assert_overlaps (overlaps, sessions, "Night", "Sunday");
}

static void
test_many (void)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) overlaps = NULL;

  /* A FOSDEM-size star list: 1,000 back-to-back half hours overlap
   * nothing; one long session across them overlaps them all. */
  for (int i = 0; i < 1000; i++)
    {
      g_autofree char *title = g_strdup_printf ("Slot %d", i);

      g_ptr_array_add (sessions, session_at (title, i * 30, i * 30 + 30));
    }
  overlaps = ncl_overlaps_find (sessions);
  g_assert_cmpuint (g_hash_table_size (overlaps), ==, 0);
  g_clear_pointer (&overlaps, g_hash_table_unref);

  g_ptr_array_add (sessions, session_at ("Marathon", 0, 1000 * 30));
  overlaps = ncl_overlaps_find (sessions);
  g_assert_cmpuint (g_hash_table_size (overlaps), ==, 1001);
  g_assert_cmpuint (((GPtrArray *)g_hash_table_lookup (overlaps, sessions->pdata[1000]))->len, ==, 1000);
  assert_overlaps (overlaps, sessions, "Slot 999", "Marathon");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ncl/overlaps/pairs", test_pairs);
  g_test_add_func ("/ncl/overlaps/same-time", test_same_time);
  g_test_add_func ("/ncl/overlaps/without-times", test_without_times);
  g_test_add_func ("/ncl/overlaps/other-day", test_other_day);
  g_test_add_func ("/ncl/overlaps/many", test_many);

  return g_test_run ();
}
