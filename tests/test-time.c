/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>

#include "ncl-time.h"

/* Sessions of NATS Connect Live, in the event's zone. */
static GDateTime *
event_time (int hour,
            int minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Los_Angeles");

  g_assert_nonnull (zone);
  return g_date_time_new (zone, 2020, 4, 16, hour, minute, 0);
}

static char *
format_in (GDateTime  *time,
           const char *identifier)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (identifier);

  g_assert_nonnull (zone);
  return ncl_time_format_in_zone (time, zone);
}

static void
assert_shown (int         hour,
              int         minute,
              const char *identifier,
              const char *expected)
{
  g_autoptr(GDateTime) time = event_time (hour, minute);
  g_autofree char *shown = format_in (time, identifier);

  g_assert_cmpstr (shown, ==, expected);
}

static void
test_los_angeles (void)
{
  assert_shown (8, 0, "America/Los_Angeles", "8:00 AM PDT");
  assert_shown (12, 0, "America/Los_Angeles", "12:00 PM PDT");
  assert_shown (0, 5, "America/Los_Angeles", "12:05 AM PDT");
  assert_shown (14, 30, "America/Los_Angeles", "2:30 PM PDT");
}

static void
test_berlin (void)
{
  /* Nine hours ahead in April; the last session ends the day there. */
  assert_shown (8, 0, "Europe/Berlin", "5:00 PM CEST");
  assert_shown (14, 30, "Europe/Berlin", "11:30 PM CEST");
  assert_shown (15, 0, "Europe/Berlin", "12:00 AM CEST, Friday, April 17");
}

static void
test_kolkata (void)
{
  /* Twelve and a half hours ahead: from 11:30 AM PDT it is the next day. */
  assert_shown (8, 0, "Asia/Kolkata", "8:30 PM IST");
  assert_shown (11, 10, "Asia/Kolkata", "11:40 PM IST");
  assert_shown (11, 40, "Asia/Kolkata", "12:10 AM IST, Friday, April 17");
  assert_shown (14, 30, "Asia/Kolkata", "3:00 AM IST, Friday, April 17");
}

static void
test_earlier_day (void)
{
  /* Just after midnight in Los Angeles is still the day before in Honolulu. */
  assert_shown (0, 5, "Pacific/Honolulu", "9:05 PM HST, Wednesday, April 15");
}

static void
test_parts (void)
{
  g_autoptr(GDateTime) time = event_time (14, 30);
  g_autoptr(GTimeZone) kolkata = g_time_zone_new_identifier ("Asia/Kolkata");
  g_autoptr(GDateTime) shown = ncl_time_to_zone (time, kolkata);
  g_autofree char *clock = ncl_time_format_clock (shown);
  g_autofree char *day = ncl_time_format_day (shown);

  g_assert_true (g_date_time_equal (shown, time));
  g_assert_cmpstr (clock, ==, "3:00 AM");
  g_assert_cmpstr (ncl_time_get_zone_label (shown), ==, "IST");
  g_assert_cmpstr (day, ==, "Friday, April 17");
  g_assert_false (ncl_time_same_day (shown, time));
  g_assert_true (ncl_time_same_day (time, time));
}

static void
test_local (void)
{
  static const struct {
    const char *tz;
    const char *expected;
  } cases[] = {
    { "Europe/Berlin", "11:30 PM CEST" },
    { "Asia/Kolkata", "3:00 AM IST, Friday, April 17" },
    { "America/Los_Angeles", "2:30 PM PDT" },
  };
  g_autoptr(GDateTime) time = event_time (14, 30);
  g_autofree char *saved_tz = g_strdup (g_getenv ("TZ"));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) local = NULL;
      g_autofree char *shown = NULL;

      /* GLib reads TZ again whenever it changes. */
      g_setenv ("TZ", cases[i].tz, TRUE);
      local = ncl_time_to_local (time);
      g_assert_true (g_date_time_equal (local, time));

      shown = ncl_time_format_in_zone (time, NULL);
      g_assert_cmpstr (shown, ==, cases[i].expected);
    }

  if (saved_tz != NULL)
    g_setenv ("TZ", saved_tz, TRUE);
  else
    g_unsetenv ("TZ");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ncl/time/zone/los-angeles", test_los_angeles);
  g_test_add_func ("/ncl/time/zone/berlin", test_berlin);
  g_test_add_func ("/ncl/time/zone/kolkata", test_kolkata);
  g_test_add_func ("/ncl/time/zone/earlier-day", test_earlier_day);
  g_test_add_func ("/ncl/time/parts", test_parts);
  g_test_add_func ("/ncl/time/local", test_local);

  return g_test_run ();
}
