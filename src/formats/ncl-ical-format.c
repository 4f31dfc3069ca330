/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libical/ical.h>

#include "ncl-html.h"
#include "ncl-link.h"
#include "ncl-markup.h"
#include "ncl-ical-format.h"

/*
 * iCalendar (RFC 5545): the schedule.ics that pretalx, frab, Indico and
 * Sched publish next to their XML, and any calendar exported by hand.
 *
 *   BEGIN:VCALENDAR  X-WR-CALNAME (the title), X-WR-TIMEZONE (the zone)
 *     BEGIN:VTIMEZONE  TZID and its rules
 *     BEGIN:VEVENT  UID, DTSTART, DTEND or DURATION, SUMMARY, DESCRIPTION,
 *       LOCATION (the room), CATEGORIES (the track), URL,
 *       ORGANIZER and ATTENDEE (their CN, the speakers)
 *
 * libical reads the file; this file checks first that every component is
 * closed (libical accepts a truncated file silently, and names no line), and
 * reads times itself: a TZID with its VTIMEZONE through libical, one without
 * through the system's zone database (GTimeZone), never the machine's own
 * zone. Floating times and all-day dates are wall times of the event's zone;
 * a calendar that names no zone at all gets none, as a Pentabarf schedule
 * without one keeps its offsets. Recurrences are not expanded: a session is
 * its first occurrence.
 */

G_DEFINE_QUARK (ncl-ical-error-quark, ncl_ical_error)

/* Deeper than any calendar nests: VCALENDAR, VEVENT, VALARM. */
#define MAX_DEPTH 16

typedef struct
{
  NclEvent *event;
  icalcomponent *calendar;
  GTimeZone *zone;          /* the event's; NULL: a calendar in no zone */
  GHashTable *zones;        /* TZID to its GTimeZone (NULL: unknown) */
  GHashTable *speakers;     /* names added as speakers, as written */
  GHashTable *uids;         /* source ids given so far */
  GHashTable *zones_said;   /* unknown TZIDs, said once each */
  GArray *lines;            /* the line of each VEVENT, in order */
  GDateTime *first;         /* the earliest start */
  guint n_sessions;
  char *first_problem;      /* for the error when no session can be read */
} Reader;

/**
 * ncl_ical_init:
 *
 * Makes libical's errors its return values rather than an abort: the app
 * reads what a server sends. Called by every function that uses libical.
 */
void
ncl_ical_init (void)
{
  icalerror_set_errors_are_fatal (0);
}

/* A title, a room, a name: one line of UTF-8 (libical passes on what a
 * file's bytes are; a bad one becomes U+FFFD); %NULL when missing or
 * blank. */
static char *
line_text (const char *value)
{
  char *text;

  if (value == NULL)
    return NULL;

  text = ncl_html_one_line (g_utf8_make_valid (value, -1));
  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

static const char *
property_text (icalcomponent *component,
               icalproperty_kind kind)
{
  icalproperty *property = icalcomponent_get_first_property (component, kind);
  const char *text;

  if (property == NULL)
    return NULL;

  text = icalvalue_get_string (icalproperty_get_value (property));
  return text;
}

static const char *
parameter_text (icalproperty       *property,
                icalparameter_kind  kind)
{
  icalparameter *parameter = icalproperty_get_first_parameter (property, kind);

  if (parameter == NULL)
    return NULL;

  switch (kind)
    {
    case ICAL_TZID_PARAMETER:
      return icalparameter_get_tzid (parameter);
    case ICAL_CN_PARAMETER:
      return icalparameter_get_cn (parameter);
    default:
      g_assert_not_reached ();
    }
}

static void
add_problem (Reader     *reader,
             const char *problem)
{
  ncl_event_add_problem (reader->event, problem);
  if (reader->first_problem == NULL)
    reader->first_problem = g_strdup (problem);
}

/* Whether @name may go to g_time_zone_new_identifier(): a zone's name, never
 * a path (which GLib would open) or an empty string (the machine's zone). */
static gboolean
is_zone_name (const char *name)
{
  if (name == NULL || name[0] == '\0' || name[0] == '/' || name[0] == ':' ||
      strstr (name, "..") != NULL || strlen (name) > 64)
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && strchr ("/_+-", *p) == NULL)
        return FALSE;
    }

  return TRUE;
}

/* The system's zone for @tzid: the name itself, else its end after a
 * vendor's prefix ("/freeassociation.sourceforge.net/Europe/Paris"). */
static GTimeZone *
system_zone (const char *tzid)
{
  for (const char *p = tzid; p != NULL && *p != '\0'; p = strchr (p + 1, '/'))
    {
      const char *name = *p == '/' ? p + 1 : p;

      if (is_zone_name (name) && strchr (name, '/') != NULL)
        {
          GTimeZone *zone = g_time_zone_new_identifier (name);

          if (zone != NULL)
            return zone;
        }
      else if (p == tzid && is_zone_name (name))
        {
          GTimeZone *zone = g_time_zone_new_identifier (name);

          if (zone != NULL)
            return zone;
        }
    }

  return NULL;
}

/* The GTimeZone that shows times of @tzid (transfer none; %NULL when the
 * system knows none by that name or its VTIMEZONE's location). */
static GTimeZone *
display_zone (Reader     *reader,
              const char *tzid)
{
  GTimeZone *zone;
  icaltimezone *vtimezone;

  if (g_hash_table_lookup_extended (reader->zones, tzid, NULL, (gpointer *)&zone))
    return zone;

  zone = system_zone (tzid);
  vtimezone = zone == NULL ? icalcomponent_get_timezone (reader->calendar, tzid) : NULL;
  if (vtimezone != NULL && icaltimezone_get_location (vtimezone) != NULL)
    zone = system_zone (icaltimezone_get_location (vtimezone));

  g_hash_table_insert (reader->zones, g_strdup (tzid), zone);
  return zone;
}

/* A TZID unknown to the system maps to %NULL. */
static void
unref_zone (gpointer zone)
{
  if (zone != NULL)
    g_time_zone_unref (zone);
}

/* A wall time in @zone, %NULL when it is none (a 31 February). */
static GDateTime *
wall_time (GTimeZone                *zone,
           const struct icaltimetype *time)
{
  g_autoptr(GTimeZone) utc = zone == NULL ? g_time_zone_new_utc () : NULL;

  if (time->year < 1 || time->year > 9999)
    return NULL;

  return g_date_time_new (zone != NULL ? zone : utc, time->year, time->month, time->day,
                          time->is_date ? 0 : time->hour, time->is_date ? 0 : time->minute,
                          time->is_date ? 0 : MIN (time->second, 59));
}

/* Takes @time. */
static GDateTime *
in_event_zone (Reader    *reader,
               GDateTime *time)
{
  GDateTime *local;

  if (time == NULL || reader->zone == NULL)
    return time;

  local = g_date_time_to_timezone (time, reader->zone);
  g_date_time_unref (time);
  return local;
}

/* @property's time as an instant: UTC; a TZID through its VTIMEZONE, else
 * the system's zone of that name; floating and all-day times in the event's
 * zone. */
static GDateTime *
read_time (Reader       *reader,
           icalproperty *property,
           guint         line)
{
  struct icaltimetype time = icalvalue_get_datetimedate (icalproperty_get_value (property));
  const char *tzid = parameter_text (property, ICAL_TZID_PARAMETER);
  g_autoptr(GDateTime) instant = NULL;

  if (icaltime_is_null_time (time) || !icaltime_is_valid_time (time) ||
      time.year < 1 || time.year > 9999 || time.month < 1 || time.month > 12)
    return NULL;

  if (time.is_date)
    return wall_time (reader->zone, &time);

  if (icaltime_is_utc (time))
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

      instant = wall_time (utc, &time);
    }
  else if (tzid != NULL && tzid[0] != '\0')
    {
      icaltimezone *vtimezone = icalcomponent_get_timezone (reader->calendar, tzid);
      GTimeZone *zone = display_zone (reader, tzid);

      if (vtimezone != NULL)
        {
          g_autoptr(GDateTime) floating = wall_time (NULL, &time);

          /* Its rules, read by libical; a time it cannot place is none. */
          if (floating != NULL)
            {
              time_t seconds = icaltime_as_timet_with_zone (time, vtimezone);

              if (seconds != (time_t)-1)
                instant = g_date_time_new_from_unix_utc ((gint64)seconds);
            }
        }
      else if (zone != NULL)
        instant = wall_time (zone, &time);
      else
        {
          if (!g_hash_table_contains (reader->zones_said, tzid))
            {
              g_autofree char *problem =
                /* Translators: %u is a line number, %s a time zone name as the file gives it */
                g_strdup_printf (_("Line %u: the time zone “%s” is neither in the calendar nor known "
                                   "to this system: its times are read as the event's"),
                                 line, tzid);

              g_hash_table_add (reader->zones_said, g_strdup (tzid));
              ncl_event_add_problem (reader->event, problem);
            }
          return wall_time (reader->zone, &time);
        }
    }
  else
    return wall_time (reader->zone, &time);

  return in_event_zone (reader, g_steal_pointer (&instant));
}

/* DESCRIPTION is plain text; a Windows line end, or a stray \r an exporter
 * left in an escaped "\r\n", is no character of it. */
static void
set_description (NclSession *session,
                 const char *description)
{
  g_autoptr(GString) plain = NULL;
  g_autoptr(GString) html = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *text = NULL;

  if (description == NULL)
    return;

  plain = g_string_new (description);
  g_string_replace (plain, "\r", "", 0);
  html = g_string_new (NULL);
  ncl_html_append_plain (html, plain->str);
  if (html->len == 0)
    return;

  markup = ncl_markup_from_html (html->str, html->len, NULL, &text);
  ncl_session_set_description (session, markup);
  ncl_session_set_description_text (session, text);
}

/* The first of its categories: a track is one. */
static char *
read_track (icalcomponent *vevent)
{
  const char *categories = property_text (vevent, ICAL_CATEGORIES_PROPERTY);
  g_auto(GStrv) parts = NULL;

  if (categories == NULL)
    return NULL;

  parts = g_strsplit (categories, ",", 2);
  return parts[0] != NULL ? line_text (g_strstrip (parts[0])) : NULL;
}

/* The ORGANIZER, then the ATTENDEEs, by their common names; an address
 * alone names nobody. */
static char **
read_speakers (icalcomponent *vevent)
{
  static const icalproperty_kind kinds[] = { ICAL_ORGANIZER_PROPERTY, ICAL_ATTENDEE_PROPERTY };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      for (icalproperty *property = icalcomponent_get_first_property (vevent, kinds[k]);
           property != NULL;
           property = icalcomponent_get_next_property (vevent, kinds[k]))
        {
          g_autofree char *name = line_text (parameter_text (property, ICAL_CN_PARAMETER));

          if (name == NULL || g_hash_table_contains (seen, name))
            continue;

          g_strv_builder_add (builder, name);
          g_hash_table_add (seen, g_steal_pointer (&name));
        }
    }

  return g_strv_builder_end (builder);
}

static void
add_speakers (Reader             *reader,
              const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(NclSpeaker) speaker = NULL;

      if (g_hash_table_contains (reader->speakers, names[i]))
        continue;

      speaker = ncl_speaker_new (names[i]);
      ncl_event_add_speaker (reader->event, speaker);
      g_hash_table_add (reader->speakers, g_strdup (names[i]));
    }
}

/* The end: DTEND, else DTSTART and DURATION, else the next day for an
 * all-day event; NULL (and a problem) when it is before the start or
 * longer than any conference. */
static GDateTime *
read_end (Reader        *reader,
          icalcomponent *vevent,
          GDateTime     *start,
          gboolean       all_day,
          const char    *title,
          guint          line)
{
  icalproperty *dtend = icalcomponent_get_first_property (vevent, ICAL_DTEND_PROPERTY);
  icalproperty *duration = icalcomponent_get_first_property (vevent, ICAL_DURATION_PROPERTY);
  g_autoptr(GDateTime) end = NULL;

  if (dtend != NULL)
    end = read_time (reader, dtend, line);
  else if (duration != NULL)
    {
      struct icaldurationtype length = icalproperty_get_duration (duration);

      if (!icaldurationtype_is_bad_duration (length) && !length.is_neg &&
          length.weeks <= NCL_ICAL_MAX_DURATION_DAYS / 7 + 1 && length.days <= NCL_ICAL_MAX_DURATION_DAYS)
        end = g_date_time_add_seconds (start, (gdouble)icaldurationtype_as_int (length));
    }
  else if (all_day)
    return g_date_time_add_days (start, 1);
  else
    return NULL;

  if (end == NULL || g_date_time_compare (end, start) < 0 ||
      g_date_time_difference (end, start) > (GTimeSpan)NCL_ICAL_MAX_DURATION_DAYS * G_TIME_SPAN_DAY)
    {
      g_autofree char *problem =
        /* Translators: %u is a line number, %s a session's title */
        g_strdup_printf (_("Line %u: the end of “%s” cannot be read, is before its start or more "
                           "than %u days after it: it is shown without an end"),
                         line, title, NCL_ICAL_MAX_DURATION_DAYS);

      ncl_event_add_problem (reader->event, problem);
      return NULL;
    }

  return g_steal_pointer (&end);
}

/* A UID given twice (a recurrence's exceptions share it) keys the second
 * session by its position. */
static char *
unique_uid (Reader     *reader,
            const char *uid)
{
  g_autofree char *text = line_text (uid);
  char *unique;

  if (text == NULL)
    return NULL;

  unique = g_strdup (text);
  for (guint n = 2; g_hash_table_contains (reader->uids, unique); n++)
    {
      g_free (unique);
      unique = g_strdup_printf ("%s#%u", text, n);
    }
  g_hash_table_add (reader->uids, g_strdup (unique));

  return unique;
}

static void
read_vevent (Reader        *reader,
             icalcomponent *vevent,
             guint          line)
{
  g_autoptr(NclSession) session = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *title = line_text (property_text (vevent, ICAL_SUMMARY_PROPERTY));
  g_autofree char *uid = NULL;
  g_autofree char *room = line_text (property_text (vevent, ICAL_LOCATION_PROPERTY));
  g_autofree char *track = read_track (vevent);
  g_autofree char *url = line_text (property_text (vevent, ICAL_URL_PROPERTY));
  g_auto(GStrv) speakers = NULL;
  icalproperty *dtstart;

  if (title == NULL)
    {
      g_autofree char *problem =
        /* Translators: %u is a line number */
        g_strdup_printf (_("Line %u: an event has no summary and is left out"), line);

      add_problem (reader, problem);
      return;
    }

  dtstart = icalcomponent_get_first_property (vevent, ICAL_DTSTART_PROPERTY);
  start = dtstart != NULL ? read_time (reader, dtstart, line) : NULL;
  if (start == NULL)
    {
      g_autofree char *problem =
        /* Translators: %u is a line number, %s a session's title */
        g_strdup_printf (_("Line %u: “%s” has no start time that can be read and is left out"),
                         line, title);

      add_problem (reader, problem);
      return;
    }

  end = read_end (reader, vevent, start,
                  icalvalue_get_datetimedate (icalproperty_get_value (dtstart)).is_date,
                  title, line);

  uid = unique_uid (reader, property_text (vevent, ICAL_UID_PROPERTY));
  session = ncl_session_new (NCL_SESSION_TALK, title);
  ncl_session_set_source_id (session, uid);
  ncl_session_set_start (session, start);
  ncl_session_set_end (session, end);
  ncl_session_set_room (session, room);
  ncl_session_set_track (session, track);
  if (url != NULL && ncl_link_is_safe (url))
    ncl_session_set_url (session, url);

  speakers = read_speakers (vevent);
  ncl_session_set_speaker_names (session, (const char * const *)speakers);
  add_speakers (reader, (const char * const *)speakers);

  set_description (session, property_text (vevent, ICAL_DESCRIPTION_PROPERTY));

  if (reader->first == NULL || g_date_time_compare (start, reader->first) < 0)
    {
      g_clear_pointer (&reader->first, g_date_time_unref);
      reader->first = g_date_time_ref (start);
    }

  ncl_event_add_session (reader->event, session);
  reader->n_sessions++;
}

static const char *
x_property (icalcomponent *calendar,
            const char    *name)
{
  for (icalproperty *property = icalcomponent_get_first_property (calendar, ICAL_X_PROPERTY);
       property != NULL;
       property = icalcomponent_get_next_property (calendar, ICAL_X_PROPERTY))
    {
      const char *x_name = icalproperty_get_x_name (property);

      if (x_name != NULL && g_ascii_strcasecmp (x_name, name) == 0)
        return icalproperty_get_x (property);
    }

  return NULL;
}

/* The event's zone: X-WR-TIMEZONE, else that of the first event's start
 * (its TZID, or UTC), else the hint's; none for a calendar of floating
 * times. */
static void
read_zone (Reader              *reader,
           const NclParseHints *hints)
{
  g_autofree char *name = line_text (x_property (reader->calendar, "X-WR-TIMEZONE"));
  icalcomponent *vevent;

  if (name != NULL)
    {
      g_autoptr(GTimeZone) zone = is_zone_name (name) ? g_time_zone_new_identifier (name) : NULL;

      if (zone != NULL)
        {
          reader->zone = g_steal_pointer (&zone);
          ncl_event_set_zone_text (reader->event, name);
          return;
        }
      else
        {
          g_autofree char *problem =
            /* Translators: %s is a time zone name as the file gives it */
            g_strdup_printf (_("The time zone “%s” is unknown to this system: times are shown "
                               "in the zones the events give"), name);

          ncl_event_add_problem (reader->event, problem);
        }
    }

  vevent = icalcomponent_get_first_component (reader->calendar, ICAL_VEVENT_COMPONENT);
  for (; vevent != NULL; vevent = icalcomponent_get_next_component (reader->calendar, ICAL_VEVENT_COMPONENT))
    {
      icalproperty *dtstart = icalcomponent_get_first_property (vevent, ICAL_DTSTART_PROPERTY);
      const char *tzid;
      GTimeZone *zone;

      if (dtstart == NULL)
        continue;

      tzid = parameter_text (dtstart, ICAL_TZID_PARAMETER);
      zone = tzid != NULL && tzid[0] != '\0' ? display_zone (reader, tzid) : NULL;
      if (zone != NULL)
        {
          reader->zone = g_time_zone_ref (zone);
          ncl_event_set_zone_text (reader->event, g_time_zone_get_identifier (zone));
          return;
        }
      if (icaltime_is_utc (icalvalue_get_datetimedate (icalproperty_get_value (dtstart))))
        {
          reader->zone = g_time_zone_new_utc ();
          return;
        }
      break;
    }

  if (hints != NULL && hints->date != NULL)
    reader->zone = g_time_zone_ref (g_date_time_get_timezone (hints->date));
}

static char *
next_line (const char **p,
           const char  *end)
{
  const char *start = *p;
  const char *newline = memchr (start, '\n', end - start);
  const char *stop = newline != NULL ? newline : end;

  *p = newline != NULL ? newline + 1 : end;
  if (stop > start && stop[-1] == '\r')
    stop--;

  return g_strndup (start, stop - start);
}

static gboolean
has_prefix_nocase (const char *text,
                   const char *prefix)
{
  return g_ascii_strncasecmp (text, prefix, strlen (prefix)) == 0;
}

/* Every BEGIN closed by its END, in order, and the file a VCALENDAR: what
 * libical does not check (it reads a truncated file as far as it goes).
 * Keeps the line of each VEVENT of a VCALENDAR, for the problems. */
static gboolean
check_components (const char *text,
                  gsize       length,
                  GArray     *lines,
                  GError    **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) begins = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *p = text;
  const char *end = text + length;
  gboolean first = TRUE;
  guint line = 0;

  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  while (p < end)
    {
      g_autofree char *content = next_line (&p, end);
      char *name;

      line++;
      if (content[0] == ' ' || content[0] == '\t')
        continue;
      if (first && g_strstrip (content)[0] == '\0')
        continue;

      if (first && g_ascii_strcasecmp (g_strstrip (content), "BEGIN:VCALENDAR") != 0)
        {
          g_set_error (error, NCL_ICAL_ERROR, NCL_ICAL_ERROR_NOT_ICAL,
                       /* Translators: %u is a line number */
                       _("Line %u: the file is no iCalendar file: it does not start with BEGIN:VCALENDAR"),
                       line);
          return FALSE;
        }
      first = FALSE;

      if (has_prefix_nocase (content, "BEGIN:"))
        {
          name = g_ascii_strup (g_strstrip (content + 6), -1);
          if (names->len == 1 && g_str_equal (name, "VEVENT") &&
              g_str_equal (g_ptr_array_index (names, 0), "VCALENDAR"))
            g_array_append_val (lines, line);
          if (names->len == 0 && !g_str_equal (name, "VCALENDAR"))
            {
              g_set_error (error, NCL_ICAL_ERROR, NCL_ICAL_ERROR_NOT_ICAL,
                           /* Translators: %u is a line number, %s a component's name */
                           _("Line %u: BEGIN:%s is outside any VCALENDAR"), line, name);
              g_free (name);
              return FALSE;
            }
          g_ptr_array_add (names, name);
          g_array_append_val (begins, line);
          if (names->len > MAX_DEPTH)
            {
              g_set_error (error, NCL_ICAL_ERROR, NCL_ICAL_ERROR_NOT_ICAL,
                           /* Translators: %u is a line number, %d a number of levels */
                           _("Line %u: components nest deeper than %d levels"), line, MAX_DEPTH);
              return FALSE;
            }
        }
      else if (has_prefix_nocase (content, "END:"))
        {
          g_autofree char *closed = g_ascii_strup (g_strstrip (content + 4), -1);

          if (names->len == 0)
            {
              g_set_error (error, NCL_ICAL_ERROR, NCL_ICAL_ERROR_NOT_ICAL,
                           /* Translators: %u is a line number, %s a component's name */
                           _("Line %u: END:%s closes nothing"), line, closed);
              return FALSE;
            }
          if (!g_str_equal (closed, g_ptr_array_index (names, names->len - 1)))
            {
              g_set_error (error, NCL_ICAL_ERROR, NCL_ICAL_ERROR_NOT_ICAL,
                           /* Translators: the %u are line numbers, the %s components' names */
                           _("Line %u: END:%s, but BEGIN:%s of line %u is not closed"),
                           line, closed, (const char *)g_ptr_array_index (names, names->len - 1),
                           g_array_index (begins, guint, begins->len - 1));
              return FALSE;
            }
          g_ptr_array_remove_index (names, names->len - 1);
          g_array_remove_index (begins, begins->len - 1);
        }
      else if (names->len == 0 && g_strstrip (content)[0] != '\0')
        {
          g_set_error (error, NCL_ICAL_ERROR, NCL_ICAL_ERROR_NOT_ICAL,
                       /* Translators: %u is a line number */
                       _("Line %u: text after the end of the calendar"), line);
          return FALSE;
        }
    }

  if (names->len > 0)
    {
      g_set_error (error, NCL_ICAL_ERROR, NCL_ICAL_ERROR_NOT_ICAL,
                   /* Translators: %s is a component's name, %u a line number */
                   _("BEGIN:%s of line %u is not closed: the file is cut short"),
                   (const char *)g_ptr_array_index (names, names->len - 1),
                   g_array_index (begins, guint, begins->len - 1));
      return FALSE;
    }

  return TRUE;
}

static void
read_calendar (Reader              *reader,
               const NclParseHints *hints)
{
  g_autofree char *title = line_text (x_property (reader->calendar, "X-WR-CALNAME"));
  icalcomponent *vevent;
  guint i = 0;

  ncl_event_set_title (reader->event, title);
  read_zone (reader, hints);

  vevent = icalcomponent_get_first_component (reader->calendar, ICAL_VEVENT_COMPONENT);
  for (; vevent != NULL; vevent = icalcomponent_get_next_component (reader->calendar, ICAL_VEVENT_COMPONENT))
    {
      guint line = i < reader->lines->len ? g_array_index (reader->lines, guint, i) : 0;

      read_vevent (reader, vevent, line);
      i++;
    }
}

/**
 * ncl_ical_parse:
 * @bytes: an iCalendar file (.ics)
 * @hints: (nullable): the zone of floating times when the file names none
 * @error: a #NclIcalError
 *
 * Returns: (transfer full) (nullable): the event with its sessions and
 *   speakers; events that cannot be read are its problems
 */
NclEvent *
ncl_ical_parse (GBytes               *bytes,
                const NclParseHints  *hints,
                GError              **error)
{
  g_autoptr(NclEvent) event = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autofree char *text = NULL;
  Reader reader = { 0, };
  icalcomponent *root;
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (length == 0 || ncl_html_is_ascii_blank (data, length))
    {
      g_set_error (error, NCL_ICAL_ERROR, NCL_ICAL_ERROR_EMPTY, _("The calendar is empty"));
      return NULL;
    }

  if (length > NCL_ICAL_MAX_SIZE)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS |
                                                            G_FORMAT_SIZE_LONG_FORMAT);
      g_autofree char *limit = g_format_size_full (NCL_ICAL_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, NCL_ICAL_ERROR, NCL_ICAL_ERROR_TOO_LARGE,
                   /* Translators: two sizes, as in "200 MiB" and "64 MiB" */
                   _("The calendar is %s, larger than the %s a schedule may have"), size, limit);
      return NULL;
    }

  /* libical reads C strings: a NUL ends the file, and text that is not
   * UTF-8 (an old exporter's Latin-1) is made valid first. */
  text = g_strndup (data, length);
  length = strlen (text);
  if (!g_utf8_validate_len (text, length, NULL))
    {
      char *valid = g_utf8_make_valid (text, length);

      g_free (text);
      text = valid;
      length = strlen (text);
    }

  lines = g_array_new (FALSE, FALSE, sizeof (guint));
  if (!check_components (text, length, lines, error))
    return NULL;

  ncl_ical_init ();
  root = icalparser_parse_string (text);
  if (root == NULL)
    {
      g_set_error (error, NCL_ICAL_ERROR, NCL_ICAL_ERROR_NOT_ICAL,
                   _("The file is no iCalendar file that can be read"));
      return NULL;
    }

  /* Two calendars in one file are an XROOT of both: the first is read. */
  reader.calendar = icalcomponent_isa (root) == ICAL_VCALENDAR_COMPONENT
                    ? root
                    : icalcomponent_get_first_component (root, ICAL_VCALENDAR_COMPONENT);
  if (reader.calendar == NULL)
    {
      g_set_error (error, NCL_ICAL_ERROR, NCL_ICAL_ERROR_NOT_ICAL,
                   _("The file is no iCalendar file: it holds no VCALENDAR"));
      icalcomponent_free (root);
      return NULL;
    }

  event = ncl_event_new ();
  reader.event = event;
  reader.lines = lines;
  reader.zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_zone);
  reader.speakers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.zones_said = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  read_calendar (&reader, hints);

  icalcomponent_free (root);
  g_clear_pointer (&reader.zones, g_hash_table_unref);
  g_clear_pointer (&reader.speakers, g_hash_table_unref);
  g_clear_pointer (&reader.uids, g_hash_table_unref);
  g_clear_pointer (&reader.zones_said, g_hash_table_unref);

  if (reader.n_sessions == 0)
    {
      if (reader.first_problem != NULL)
        g_set_error (error, NCL_ICAL_ERROR, NCL_ICAL_ERROR_NO_SESSIONS,
                     /* Translators: %s says what is wrong with the first event */
                     _("The calendar has no session that can be read (%s)"), reader.first_problem);
      else
        g_set_error (error, NCL_ICAL_ERROR, NCL_ICAL_ERROR_NO_SESSIONS,
                     _("The calendar has no sessions"));
      g_free (reader.first_problem);
      g_clear_pointer (&reader.zone, g_time_zone_unref);
      return NULL;
    }

  /* The first day's midnight in the event's zone, which names the zone;
   * a calendar of floating times has its wall times, in no zone. */
  {
    g_autoptr(GTimeZone) zone = reader.zone != NULL ? g_time_zone_ref (reader.zone)
                                                    : g_time_zone_new_utc ();
    g_autoptr(GDateTime) local = g_date_time_to_timezone (reader.first, zone);
    g_autoptr(GDateTime) midnight = g_date_time_new (zone, g_date_time_get_year (local),
                                                     g_date_time_get_month (local),
                                                     g_date_time_get_day_of_month (local), 0, 0, 0);

    ncl_event_set_date (event, midnight);
    ncl_event_set_floating (event, reader.zone == NULL);
  }

  g_free (reader.first_problem);
  g_clear_pointer (&reader.first, g_date_time_unref);
  g_clear_pointer (&reader.zone, g_time_zone_unref);
  ncl_event_sort_sessions (event);
  ncl_event_link (event);

  return g_steal_pointer (&event);
}

/* A file whose first line that is not blank is BEGIN:VCALENDAR. */
static gboolean
ical_sniff (const char *data,
            gsize       length)
{
  static const char begin[] = "BEGIN:VCALENDAR";
  const char *p = ncl_html_skip_blank_start (data, length);
  const char *end = data + length;
  const gsize n = strlen (begin);

  if ((gsize)(end - p) < n || g_ascii_strncasecmp (p, begin, n) != 0)
    return FALSE;

  p += n;
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;

  return p == end || *p == '\r' || *p == '\n';
}

const NclFormat ncl_ical_format = {
  .name = "ical",
  .description = N_("an iCalendar file (starting with BEGIN:VCALENDAR)"),
  .max_size = NCL_ICAL_MAX_SIZE,
  .sniff = ical_sniff,
  .parse = ncl_ical_parse,
};
