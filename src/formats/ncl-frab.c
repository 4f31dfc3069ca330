/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ncl-frab.h"
#include "ncl-html.h"
#include "ncl-link.h"
#include "ncl-markup.h"

/*
 * What the Pentabarf/frab XML and frab/pretalx JSON readers share: the
 * frab model's times, durations, descriptions, links and persons, made
 * into sessions. Strict where the c3voc schema is (ISO dates, HH:MM
 * times); lenient where real files are not: a missing `date` (the day's
 * date and `start` then say when), a `start` past 24:00 or before the day
 * change, HH:MM and D:HH:MM durations, missing persons, rooms and ids.
 * Every session is an absolute instant shown in the conference's zone.
 *
 * What real files demand beyond that: an event's own `date` says when it
 * is, whatever its day's `date` (one day off when `date` is in UTC and
 * `start` local); a conference "in UTC" whose dates all carry +01:00 is at
 * +01:00; a file that names no zone and no offset anywhere (FOSDEM's) has
 * floating times, kept as wall times; a start before its day's `start`
 * (`<day start>`) is after midnight; repeated ids and GUIDs, and the same
 * title at the same time in two rooms, still make one session each, with
 * ids of their own.
 */

static gboolean
parse_number (const char *text,
              gsize       length,
              guint       max,
              guint      *number)
{
  guint64 value = 0;

  if (length == 0 || length > 9)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (guint)(text[i] - '0');
    }

  if (value > max)
    return FALSE;

  *number = (guint)value;
  return TRUE;
}

/* Splits "a:b[:c]" into two or three numbers. */
static guint
split_clock (const char *text,
             guint       parts[3])
{
  g_auto(GStrv) fields = NULL;
  guint n;

  if (text == NULL)
    return 0;

  fields = g_strsplit (text, ":", 4);
  n = g_strv_length (fields);
  if (n < 2 || n > 3)
    return 0;

  for (guint i = 0; i < n; i++)
    {
      /* Hours and days may be one digit or more; minutes and seconds two. */
      gsize length = strlen (fields[i]);

      if ((i > 0 && length != 2) ||
          !parse_number (fields[i], length, i == 0 ? 100000 : 59, &parts[i]))
        return 0;
    }

  return n;
}

/**
 * ncl_frab_parse_duration:
 * @text: a duration as schedules write it: "HH:MM", or "D:HH:MM" for one of
 *   a day or more
 * @seconds: (out): its length
 *
 * Returns: whether @text is a duration of at most
 *   %NCL_FRAB_MAX_DURATION_DAYS days
 */
gboolean
ncl_frab_parse_duration (const char *text,
                         gint64     *seconds)
{
  guint parts[3] = { 0, };
  guint64 minutes;

  g_return_val_if_fail (seconds != NULL, FALSE);

  switch (split_clock (text, parts))
    {
    case 2:
      minutes = (guint64)parts[0] * 60 + parts[1];
      break;
    case 3:
      if (parts[1] > 23)
        return FALSE;
      minutes = ((guint64)parts[0] * 24 + parts[1]) * 60 + parts[2];
      break;
    default:
      return FALSE;
    }

  if (minutes > (guint64)NCL_FRAB_MAX_DURATION_DAYS * 24 * 60)
    return FALSE;

  *seconds = (gint64)minutes * 60;
  return TRUE;
}

/**
 * ncl_frab_parse_clock:
 * @text: a time of day, "HH:MM" or "HH:MM:SS"; the hours may pass 24
 *   (a day's events that run past midnight, in "day" notation)
 * @minutes: (out): minutes after the day's midnight
 *
 * Returns: whether @text is such a time, below 48:00
 */
gboolean
ncl_frab_parse_clock (const char *text,
                      guint      *minutes)
{
  guint parts[3] = { 0, };
  guint n;

  g_return_val_if_fail (minutes != NULL, FALSE);

  n = split_clock (text, parts);
  if (n == 0 || parts[0] >= 48)
    return FALSE;

  *minutes = parts[0] * 60 + parts[1];
  return TRUE;
}

/**
 * ncl_frab_parse_day:
 * @text: (nullable): a date, "YYYY-MM-DD", maybe followed by a time
 * @date: (out caller-allocates): the day
 *
 * Returns: whether @text starts with such a date
 */
gboolean
ncl_frab_parse_day (const char *text,
                    GDate      *date)
{
  guint year, month, day;

  if (text == NULL || strlen (text) < 10 || text[4] != '-' || text[7] != '-' ||
      !parse_number (text, 4, 9999, &year) ||
      !parse_number (text + 5, 2, 12, &month) ||
      !parse_number (text + 8, 2, 31, &day) ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static void
clear_link (gpointer data)
{
  NclFrabLink *link = data;

  g_free (link->href);
  g_free (link->title);
  g_free (link->type);
}

/**
 * ncl_frab_links_new:
 *
 * Returns: (transfer full): an empty array of #NclFrabLink, for an
 *   event's links and attachments
 */
GArray *
ncl_frab_links_new (void)
{
  GArray *links = g_array_new (FALSE, TRUE, sizeof (NclFrabLink));

  g_array_set_clear_func (links, clear_link);

  return links;
}

/**
 * ncl_frab_links_add:
 * @href: (transfer full) (nullable): the address; without one, the link is
 *   dropped
 * @title: (transfer full) (nullable): its title
 * @type: (transfer full) (nullable): its type
 *
 * Adds a link to @links, which takes the strings.
 */
void
ncl_frab_links_add (GArray *links,
                    char   *href,
                    char   *title,
                    char   *type)
{
  NclFrabLink link = { href, title, type };

  if (href != NULL)
    g_array_append_val (links, link);
  else
    clear_link (&link);
}

/**
 * ncl_frab_reader_init:
 * @hints: (nullable): the base of relative links and the zone of times when
 *   the file names neither
 *
 * Starts reading a schedule into a new event.
 */
void
ncl_frab_reader_init (NclFrabReader       *reader,
                      const NclParseHints *hints)
{
  memset (reader, 0, sizeof *reader);
  reader->event = ncl_event_new ();
  reader->speakers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (hints != NULL && hints->date != NULL)
    reader->zone = g_time_zone_ref (g_date_time_get_timezone (hints->date));
  if (hints != NULL && hints->base_uri != NULL)
    reader->base_uri = g_strdup (hints->base_uri);
}

void
ncl_frab_reader_clear (NclFrabReader *reader)
{
  g_clear_object (&reader->event);
  g_clear_pointer (&reader->base_uri, g_free);
  g_clear_pointer (&reader->zone, g_time_zone_unref);
  g_clear_pointer (&reader->date_zone, g_time_zone_unref);
  g_clear_pointer (&reader->speakers, g_hash_table_unref);
  g_clear_pointer (&reader->ids, g_hash_table_unref);
  g_clear_pointer (&reader->first_problem, g_free);
}

/* Whether @zone is UTC all year ("UTC", "Etc/GMT", "Africa/Abidjan"). */
static gboolean
zone_is_utc (GTimeZone *zone)
{
  g_autoptr(GDateTime) winter = g_date_time_new (zone, 2026, 1, 15, 12, 0, 0);
  g_autoptr(GDateTime) summer = g_date_time_new (zone, 2026, 7, 15, 12, 0, 0);

  return winter != NULL && summer != NULL &&
         g_date_time_get_utc_offset (winter) == 0 && g_date_time_get_utc_offset (summer) == 0;
}

/* Whether the ISO 8601 time @text names its offset ("…T10:00:00+01:00",
 * "…T09:00:00Z") rather than being a wall time. */
static gboolean
names_offset (const char *text)
{
  const char *time = text != NULL ? strchr (text, 'T') : NULL;

  return time != NULL && strpbrk (time, "Zz+-") != NULL;
}

static void
add_problem (NclFrabReader *reader,
             const char    *problem)
{
  ncl_event_add_problem (reader->event, problem);
  if (reader->first_problem == NULL)
    reader->first_problem = g_strdup (problem);
}

/**
 * ncl_frab_reader_set_conference:
 * @title: (nullable): the conference's title (else its acronym)
 * @zone_name: (nullable): its `time_zone_name`, an IANA zone
 * @day_change: (nullable): when its days change, "HH:MM"
 * @base_url: (nullable): what its relative links resolve against
 * @start: (nullable): its first day, "YYYY-MM-DD"
 *
 * What the conference says of itself. A zone this system does not know
 * is the event's problem: its times are then shown at the offsets the
 * file gives.
 */
void
ncl_frab_reader_set_conference (NclFrabReader *reader,
                                const char    *title,
                                const char    *zone_name,
                                const char    *day_change,
                                const char    *base_url,
                                const char    *start)
{
  GDate date;

  ncl_event_set_title (reader->event, title);

  if (zone_name != NULL)
    {
      GTimeZone *zone = g_time_zone_new_identifier (zone_name);

      g_clear_pointer (&reader->zone, g_time_zone_unref);
      if (zone != NULL)
        {
          reader->zone = zone;
          reader->zone_is_utc = zone_is_utc (zone);
          ncl_event_set_zone_text (reader->event, zone_name);
        }
      else
        {
          g_autofree char *problem =
            /* Translators: %s is a time zone name as the file gives it */
            g_strdup_printf (_("The time zone “%s” is unknown to this system: times are shown "
                               "at the UTC offsets the schedule gives"), zone_name);

          ncl_event_add_problem (reader->event, problem);
        }
    }

  if (day_change != NULL && !ncl_frab_parse_clock (day_change, &reader->day_change))
    reader->day_change = 0;
  if (reader->day_change >= 24 * 60)
    reader->day_change = 0;

  if (base_url != NULL && ncl_link_is_safe (base_url))
    {
      g_free (reader->base_uri);
      reader->base_uri = g_strdup (base_url);
    }

  if (ncl_frab_parse_day (start, &date))
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) midnight = g_date_time_new (reader->zone != NULL ? reader->zone : utc,
                                                       g_date_get_year (&date),
                                                       g_date_get_month (&date),
                                                       g_date_get_day (&date), 0, 0, 0);

      ncl_event_set_date (reader->event, midnight);
    }
}

/* The zone a day's times are in when the conference names none: the offset
 * of the day's start, else UTC. */
static GTimeZone *
day_zone (NclFrabReader      *reader,
          const NclFrabEvent *event)
{
  g_autoptr(GDateTime) instant = NULL;

  if (reader->zone != NULL)
    return g_time_zone_ref (reader->zone);

  instant = names_offset (event->day_start) ? g_date_time_new_from_iso8601 (event->day_start, NULL) : NULL;
  if (instant != NULL)
    {
      reader->saw_offset = TRUE;
      return g_time_zone_ref (g_date_time_get_timezone (instant));
    }

  return g_time_zone_new_utc ();
}

/* Whether @minutes, a start in @event's day block, is after midnight: the
 * day's `start` and `end` say the day runs into the next calendar day, and
 * @minutes is before its start and not after its end. */
static gboolean
after_midnight (const NclFrabEvent *event,
                GTimeZone          *zone,
                guint               minutes)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) local_start = NULL;
  g_autoptr(GDateTime) local_end = NULL;

  if (event->day_start == NULL || event->day_end == NULL)
    return FALSE;

  start = g_date_time_new_from_iso8601 (event->day_start, zone);
  end = g_date_time_new_from_iso8601 (event->day_end, zone);
  if (start == NULL || end == NULL)
    return FALSE;

  local_start = g_date_time_to_timezone (start, zone);
  local_end = g_date_time_to_timezone (end, zone);

  return g_date_time_get_day_of_month (local_start) != g_date_time_get_day_of_month (local_end) &&
         minutes < (guint)(g_date_time_get_hour (local_start) * 60 + g_date_time_get_minute (local_start)) &&
         minutes <= (guint)(g_date_time_get_hour (local_end) * 60 + g_date_time_get_minute (local_end));
}

/* @instant, an event's own date with its offset, in the zone it is shown
 * in: the conference's; but a conference in UTC or in no zone whose dates
 * carry another offset is at that offset (the dates are what frab and
 * pretalx compute from the real zone). */
static GDateTime *
date_in_zone (NclFrabReader *reader,
              GDateTime     *instant)
{
  reader->saw_offset = TRUE;

  if (reader->zone != NULL && !reader->zone_is_utc)
    return g_date_time_to_timezone (instant, reader->zone);

  if (reader->date_zone == NULL && g_date_time_get_utc_offset (instant) != 0)
    reader->date_zone = g_time_zone_ref (g_date_time_get_timezone (instant));

  return g_date_time_ref (instant);
}

/* When @event starts: its date when that is a full ISO 8601 time (with the
 * file's offset, shown in the conference's zone), else its day's date and
 * its start, in the conference's zone. */
static GDateTime *
event_start (NclFrabReader      *reader,
             const NclFrabEvent *event)
{
  g_autoptr(GTimeZone) zone = day_zone (reader, event);
  guint minutes;
  GDate date;

  if (event->date != NULL && strchr (event->date, 'T') != NULL)
    {
      g_autoptr(GDateTime) instant = g_date_time_new_from_iso8601 (event->date, zone);

      if (instant != NULL)
        return names_offset (event->date) ? date_in_zone (reader, instant)
                                          : g_steal_pointer (&instant);
    }

  if (!ncl_frab_parse_day (event->day_date, &date) && !ncl_frab_parse_day (event->date, &date))
    return NULL;
  if (!ncl_frab_parse_clock (event->start, &minutes))
    return NULL;

  /* Before the day change is the small hours of the next calendar day, and
   * so is a time before its day's start in a day that ends after midnight
   * (an event after midnight in the previous day's block); past 24:00 is
   * the next day too. */
  if (reader->day_change > 0 && minutes < reader->day_change)
    minutes += 24 * 60;
  else if (reader->day_change == 0 && minutes < 24 * 60 && after_midnight (event, zone, minutes))
    minutes += 24 * 60;
  g_date_add_days (&date, minutes / (24 * 60));
  minutes %= 24 * 60;

  return g_date_time_new (zone, g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), minutes / 60, minutes % 60, 0);
}

/* @event's end from its `end`, an ISO 8601 time (the c3voc schema's
 * successor of `duration`): NULL when it has none that can be read, or
 * one before @start. */
static GDateTime *
event_end (const NclFrabEvent *event,
           GDateTime          *start)
{
  g_autoptr(GDateTime) end = NULL;

  if (event->end == NULL || strchr (event->end, 'T') == NULL)
    return NULL;

  end = g_date_time_new_from_iso8601 (event->end, g_date_time_get_timezone (start));
  if (end == NULL || g_date_time_compare (end, start) < 0 ||
      g_date_time_difference (end, start) > (GTimeSpan)NCL_FRAB_MAX_DURATION_DAYS * G_TIME_SPAN_DAY)
    return NULL;

  return g_date_time_to_timezone (end, g_date_time_get_timezone (start));
}

/* Gives @session @source_id, or the id it makes of itself, made unique
 * in the file: a repeated id or GUID, or the same title at the same time
 * in two rooms, gets "#2", "#3" in the file's order (as iCalendar UIDs do). */
static void
set_unique_id (NclFrabReader *reader,
               NclSession    *session,
               const char    *source_id)
{
  g_autofree char *id = NULL;

  ncl_session_set_source_id (session, source_id);
  if (g_hash_table_add (reader->ids, g_strdup (ncl_session_get_id (session))))
    return;

  for (guint n = 2; id == NULL || g_hash_table_contains (reader->ids, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s#%u", ncl_session_get_id (session), n);
    }

  ncl_session_set_source_id (session, id);
  g_hash_table_add (reader->ids, g_steal_pointer (&id));
}

static gboolean
looks_like_html (const char *text)
{
  static const char * const tags[] = { "<p", "<br", "<a ", "<ul", "<ol", "<li", "<em", "<strong",
                                       "<b>", "<i>", "<div", "<h1", "<h2", "<h3", "<h4", "<code",
                                       "<pre", "<blockquote", NULL };

  for (guint i = 0; tags[i] != NULL; i++)
    {
      if (strstr (text, tags[i]) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* The abstract and the description (once, when they are the same), each
 * HTML or plain text, as the session's markup and searchable text. */
static void
set_description (NclFrabReader      *reader,
                 NclSession         *session,
                 const NclFrabEvent *event)
{
  g_autoptr(GString) html = g_string_new (NULL);
  g_autofree char *markup = NULL;
  g_autofree char *text = NULL;
  const char *parts[] = { event->abstract, event->description };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || (i == 1 && g_strcmp0 (event->abstract, event->description) == 0))
        continue;

      if (looks_like_html (parts[i]))
        g_string_append (html, parts[i]);
      else
        ncl_html_append_plain (html, parts[i]);
    }

  if (html->len == 0)
    return;

  markup = ncl_markup_from_html (html->str, html->len, reader->base_uri, &text);
  ncl_session_set_description (session, markup);
  ncl_session_set_description_text (session, text);
}

static gboolean
is_slides (const char        *uri,
           const NclFrabLink *link)
{
  g_autofree char *folded = link->title != NULL ? g_utf8_strdown (link->title, -1) : NULL;

  return g_strcmp0 (link->type, "slides") == 0 ||
         ncl_link_has_extension (uri, (const char * const[]) { ".pdf", NULL }) ||
         ncl_link_classify (uri) == NCL_LINK_SLIDES ||
         (folded != NULL && strstr (folded, "slides") != NULL);
}

/* The slides and the recording among a session's links and attachments:
 * the first of each; of recordings, a WebM or MP4 file before a video
 * site's page. */
static void
set_links (NclFrabReader      *reader,
           NclSession         *session,
           const NclFrabEvent *event)
{
  g_autofree char *slides = NULL;
  g_autofree char *video_file = NULL;
  g_autofree char *video_page = NULL;

  for (guint i = 0; event->links != NULL && i < event->links->len; i++)
    {
      const NclFrabLink *link = &g_array_index (event->links, NclFrabLink, i);
      g_autofree char *uri = ncl_link_resolve (reader->base_uri, link->href);

      if (uri == NULL || !ncl_link_is_safe (uri))
        continue;

      if (ncl_link_is_video_file (uri))
        {
          if (video_file == NULL)
            video_file = g_steal_pointer (&uri);
        }
      else if (ncl_link_classify (uri) == NCL_LINK_VIDEO)
        {
          if (video_page == NULL)
            video_page = g_steal_pointer (&uri);
        }
      else if (slides == NULL && is_slides (uri, link))
        slides = g_steal_pointer (&uri);
    }

  ncl_session_set_slides_url (session, slides);
  ncl_session_set_recording_url (session, video_file != NULL ? video_file : video_page);
}

/* A schedule writes each person's name the same way every time (frab
 * prints them from one record): exact names, in a hash table, rather than
 * the agenda's forgiving match, which folds every name for each lookup. */
static void
add_speakers (NclFrabReader      *reader,
              const char * const *names)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autoptr(NclSpeaker) speaker = NULL;

      if (g_hash_table_contains (reader->speakers, names[i]))
        continue;

      speaker = ncl_speaker_new (names[i]);
      ncl_event_add_speaker (reader->event, speaker);
      g_hash_table_add (reader->speakers, g_strdup (names[i]));
    }
}

static gboolean
is_break_type (const char *type)
{
  return type != NULL &&
         (g_ascii_strcasecmp (type, "break") == 0 || g_ascii_strcasecmp (type, "pause") == 0);
}

/**
 * ncl_frab_reader_add_event:
 * @event: an event's fields
 *
 * Makes a session of @event; one without a title or a start that can be
 * read is the event's problem and left out, and a duration that cannot be
 * read leaves the session without an end.
 */
void
ncl_frab_reader_add_event (NclFrabReader      *reader,
                           const NclFrabEvent *event)
{
  g_autoptr(NclSession) session = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *url = NULL;
  gint64 seconds;

  if (event->title == NULL)
    {
      g_autofree char *problem =
        /* Translators: %s says where the event is: "Line 23", or "Day 1,
         * “Saal 1”, event 3" */
        g_strdup_printf (_("%s: an event has no title and is left out"), event->where);

      add_problem (reader, problem);
      return;
    }

  start = event_start (reader, event);
  if (start == NULL)
    {
      g_autofree char *problem =
        /* Translators: the first %s says where the event is ("Line 23"),
         * the second is a session's title */
        g_strdup_printf (_("%s: “%s” has no start time that can be read and is left out"),
                         event->where, event->title);

      add_problem (reader, problem);
      return;
    }

  session = ncl_session_new (is_break_type (event->type) ? NCL_SESSION_BREAK : NCL_SESSION_TALK,
                             event->title);
  ncl_session_set_start (session, start);
  set_unique_id (reader, session, event->id != NULL ? event->id : event->guid);
  ncl_session_set_subtitle (session, event->subtitle);
  ncl_session_set_room (session, event->room != NULL ? event->room : event->room_name);
  ncl_session_set_track (session, event->track);

  end = event_end (event, start);
  if (end != NULL)
    ncl_session_set_end (session, end);
  else if (event->duration != NULL && ncl_frab_parse_duration (event->duration, &seconds))
    {
      g_autoptr(GDateTime) by_duration = g_date_time_add_seconds (start, (gdouble)seconds);

      ncl_session_set_end (session, by_duration);
    }
  else if (event->duration != NULL)
    {
      g_autofree char *problem =
        /* Translators: the first %s says where the event is ("Line 23"),
         * the second is a duration as the file gives it, the third a
         * session's title */
        g_strdup_printf (_("%s: the duration “%s” of “%s” cannot be read (HH:MM or D:HH:MM, "
                           "at most %u days): it is shown without an end"),
                         event->where, event->duration, event->title, NCL_FRAB_MAX_DURATION_DAYS);

      ncl_event_add_problem (reader->event, problem);
    }

  url = ncl_link_resolve (reader->base_uri, event->url);
  if (url != NULL && ncl_link_is_safe (url))
    ncl_session_set_url (session, url);

  ncl_session_set_speaker_names (session, event->persons);
  add_speakers (reader, event->persons);

  set_description (reader, session, event);
  set_links (reader, session, event);

  ncl_event_add_session (reader->event, session);
  reader->n_sessions++;
}

/**
 * ncl_frab_reader_finish:
 * @domain: the format's error domain
 * @no_sessions_code: its code for a schedule without a session
 *
 * Ends the reading (@reader is cleared) and links sessions and speakers.
 *
 * Returns: (transfer full) (nullable): the event, or %NULL when not one
 *   session could be read
 */
NclEvent *
ncl_frab_reader_finish (NclFrabReader  *reader,
                        GQuark          domain,
                        int             no_sessions_code,
                        GError        **error)
{
  g_autoptr(NclEvent) event = g_steal_pointer (&reader->event);

  if (reader->n_sessions == 0)
    {
      if (reader->first_problem != NULL)
        g_set_error (error, domain, no_sessions_code,
                     /* Translators: %s says what is wrong with the first event */
                     _("The schedule has no session that can be read (%s)"), reader->first_problem);
      else
        g_set_error (error, domain, no_sessions_code, _("The schedule has no sessions"));
      ncl_frab_reader_clear (reader);
      return NULL;
    }

  /* No zone and no offset anywhere: wall times, shown and exported as
   * such. A conference "in UTC" (or in none) whose dates carry an offset:
   * the event is at that offset. */
  if (reader->zone == NULL && !reader->saw_offset)
    ncl_event_set_floating (event, TRUE);
  else if (reader->date_zone != NULL && ncl_event_get_date (event) != NULL)
    {
      GDateTime *date = ncl_event_get_date (event);
      g_autoptr(GDateTime) midnight = g_date_time_new (reader->date_zone, g_date_time_get_year (date),
                                                       g_date_time_get_month (date),
                                                       g_date_time_get_day_of_month (date), 0, 0, 0);

      ncl_event_set_date (event, midnight);
      ncl_event_set_zone_text (event, NULL);
    }

  ncl_frab_reader_clear (reader);
  ncl_event_sort_sessions (event);
  ncl_event_link (event);

  return g_steal_pointer (&event);
}

/**
 * ncl_frab_check_size:
 * @data: a schedule's bytes
 * @max_size: the most its format reads
 * @domain: the format's error domain
 * @empty_code: its code for an empty file
 * @too_large_code: its code for a file over @max_size
 *
 * Returns: whether @data is neither blank nor too large for its format
 */
gboolean
ncl_frab_check_size (const char  *data,
                     gsize        length,
                     gsize        max_size,
                     GQuark       domain,
                     int          empty_code,
                     int          too_large_code,
                     GError     **error)
{
  if (length == 0 || ncl_html_is_ascii_blank (data, length))
    {
      g_set_error (error, domain, empty_code, _("The schedule is empty"));
      return FALSE;
    }

  if (length > max_size || length > G_MAXINT)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS |
                                                            G_FORMAT_SIZE_LONG_FORMAT);
      g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, domain, too_large_code,
                   /* Translators: two sizes, as in "200 MiB" and "64 MiB" */
                   _("The schedule is %s, larger than the %s a schedule may have"), size, limit);
      return FALSE;
    }

  return TRUE;
}
