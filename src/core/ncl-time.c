/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ncl-time.h"

/* Session times come in the event's zone (Los Angeles); people watch the
 * recordings or join live from elsewhere, so the UI shows them in the
 * viewer's zone, with the zone named, and with the date when it is no
 * longer the event's day there (2:30 PM PDT is 3:00 AM the next day in
 * Kolkata). Every function takes the zone to convert to, so tests need not
 * change the process's environment. */

/**
 * ncl_time_to_local:
 * @event_time: a time in the event's zone
 *
 * Returns: (transfer full): the same instant in the user's zone
 */
GDateTime *
ncl_time_to_local (GDateTime *event_time)
{
  g_return_val_if_fail (event_time != NULL, NULL);

  return g_date_time_to_local (event_time);
}

/**
 * ncl_time_to_zone:
 * @zone: (nullable): the zone to show the time in; %NULL for the user's
 *
 * Returns: (transfer full): the same instant in @zone
 */
GDateTime *
ncl_time_to_zone (GDateTime *event_time,
                  GTimeZone *zone)
{
  g_return_val_if_fail (event_time != NULL, NULL);

  if (zone == NULL)
    return ncl_time_to_local (event_time);

  return g_date_time_to_timezone (event_time, zone);
}

/**
 * ncl_time_format_clock:
 *
 * Returns: (transfer full): the time of day of @time, as in "8:00 AM"
 */
char *
ncl_time_format_clock (GDateTime *time)
{
  g_return_val_if_fail (time != NULL, NULL);

  /* Translators: the time of day a session starts, in the format of
   * g_date_time_format(); "%H:%M" gives a 24-hour clock. */
  return g_date_time_format (time, C_("session start", "%-l:%M %p"));
}

/**
 * ncl_time_get_zone_label:
 *
 * Returns: (transfer none): the abbreviation of @time's zone at that time,
 *   as in "PDT", "CEST" or "IST"
 */
const char *
ncl_time_get_zone_label (GDateTime *time)
{
  g_return_val_if_fail (time != NULL, NULL);

  return g_date_time_get_timezone_abbreviation (time);
}

/**
 * ncl_time_format_day:
 *
 * Returns: (transfer full): the date of @time, as in "Friday, April 17"
 */
char *
ncl_time_format_day (GDateTime *time)
{
  g_return_val_if_fail (time != NULL, NULL);

  /* Translators: the day of a session that falls on another day in the
   * user's time zone than at the event, in the format of g_date_time_format(). */
  return g_date_time_format (time, C_("session day", "%A, %B %-e"));
}

/**
 * ncl_time_same_day:
 *
 * Returns: whether @time and @other fall on the same calendar day, each in
 *   its own zone
 */
gboolean
ncl_time_same_day (GDateTime *time,
                   GDateTime *other)
{
  int year, month, day;
  int other_year, other_month, other_day;

  g_return_val_if_fail (time != NULL, FALSE);
  g_return_val_if_fail (other != NULL, FALSE);

  g_date_time_get_ymd (time, &year, &month, &day);
  g_date_time_get_ymd (other, &other_year, &other_month, &other_day);

  return year == other_year && month == other_month && day == other_day;
}

/**
 * ncl_time_format_in_zone:
 * @event_time: a time in the event's zone
 * @zone: (nullable): the zone to show it in; %NULL for the user's
 *
 * Returns: (transfer full): "8:00 AM PDT", or with the date when it is not
 *   the event's day in @zone: "3:00 AM IST, Friday, April 17"
 */
char *
ncl_time_format_in_zone (GDateTime *event_time,
                         GTimeZone *zone)
{
  g_autoptr(GDateTime) shown = NULL;
  g_autofree char *clock = NULL;

  g_return_val_if_fail (event_time != NULL, NULL);

  shown = ncl_time_to_zone (event_time, zone);
  clock = ncl_time_format_clock (shown);

  if (!ncl_time_same_day (shown, event_time))
    {
      g_autofree char *day = ncl_time_format_day (shown);

      /* Translators: a session's start in the user's time zone: time of
       * day, zone ("CEST"), and the date, which is not the event's. */
      return g_strdup_printf (C_("session start", "%s %s, %s"),
                              clock, ncl_time_get_zone_label (shown), day);
    }

  /* Translators: a session's start in the user's time zone: time of day
   * and zone, as in "8:00 AM PDT". */
  return g_strdup_printf (C_("session start", "%s %s"), clock, ncl_time_get_zone_label (shown));
}
