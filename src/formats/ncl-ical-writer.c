/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libical/ical.h>

#include "ncl-fold.h"
#include "ncl-ical-format.h"
#include "ncl-ical-writer.h"

/*
 * An event's sessions as one iCalendar file, for a calendar application:
 * every session a VEVENT, in the event's zone (a TZID and its VTIMEZONE,
 * from libical's zone data), in UTC when libical does not know the zone, or
 * floating when the event has none.
 *
 * The same event gives the same bytes, every time: the UIDs come from the
 * event's title and the sessions' ids (never from where the schedule was
 * fetched, which a mirror changes), and DTSTAMP, which RFC 5545 asks to be
 * when the file was made, is the first session's start instead. Calendars
 * use DTSTAMP only to order the scheduling messages of one UID, which a
 * published schedule does not send; a fixed one lets a person diff two
 * exports, and lets the writer's output be read back (ncl_ical_parse()) and
 * written again byte for byte.
 */

G_DEFINE_QUARK (ncl-ical-writer-error-quark, ncl_ical_writer_error)

typedef enum
{
  ZONE_FLOATING,
  ZONE_UTC,
  ZONE_TZID,
} ZoneKind;

typedef struct
{
  ZoneKind kind;
  GTimeZone *zone;          /* the event's, for ZONE_TZID */
  const char *tzid;
  const char *uid_domain;   /* the event's title, folded */
  GHashTable *uids;         /* given so far */
} Writer;

/* "examplecon-2026" from "ExampleCon 2026": what makes the UIDs of one
 * event's sessions unlike another's. */
static char *
uid_domain (NclEvent *event)
{
  const char *title = ncl_event_get_title (event);
  g_autofree char *folded = ncl_fold (title != NULL && title[0] != '\0' ? title : "NATS Connect Live");
  g_autoptr(GString) domain = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || (guchar)*p >= 0x80)
        g_string_append_c (domain, *p);
      else if (domain->len > 0 && domain->str[domain->len - 1] != '-')
        g_string_append_c (domain, '-');
    }
  while (domain->len > 0 && domain->str[domain->len - 1] == '-')
    g_string_truncate (domain, domain->len - 1);
  if (domain->len == 0)
    g_string_append (domain, "event");

  return g_string_free (g_steal_pointer (&domain), FALSE);
}

/* The session's id at the event's domain; a UID read back from an export
 * is at it already. A source that repeats an id (a GUID copied from one
 * event to the next) gives the second session "-2", and so on, in the
 * sessions' order, which the same schedule keeps. */
static char *
session_uid (Writer     *writer,
             NclSession *session)
{
  g_autofree char *suffix = g_strconcat ("@", writer->uid_domain, NULL);
  g_autofree char *base = g_strdup (ncl_session_get_id (session));
  char *uid;

  if (base == NULL || base[0] == '\0')
    {
      g_free (base);
      base = g_strdup ("session");
    }
  if (g_str_has_suffix (base, suffix) && strlen (base) > strlen (suffix))
    base[strlen (base) - strlen (suffix)] = '\0';

  uid = g_strconcat (base, suffix, NULL);
  for (guint n = 2; g_hash_table_contains (writer->uids, uid); n++)
    {
      g_free (uid);
      uid = g_strdup_printf ("%s-%u%s", base, n, suffix);
    }
  g_hash_table_add (writer->uids, g_strdup (uid));

  return uid;
}

static struct icaltimetype
ical_time (Writer    *writer,
           GDateTime *time)
{
  struct icaltimetype ical = icaltime_null_time ();
  g_autoptr(GDateTime) local = NULL;

  switch (writer->kind)
    {
    case ZONE_UTC:
      local = g_date_time_to_utc (time);
      ical.zone = icaltimezone_get_utc_timezone ();
      break;
    case ZONE_TZID:
      local = g_date_time_to_timezone (time, writer->zone);
      break;
    case ZONE_FLOATING:
    default:
      local = g_date_time_ref (time);
      break;
    }

  ical.year = g_date_time_get_year (local);
  ical.month = g_date_time_get_month (local);
  ical.day = g_date_time_get_day_of_month (local);
  ical.hour = g_date_time_get_hour (local);
  ical.minute = g_date_time_get_minute (local);
  ical.second = g_date_time_get_second (local);
  ical.is_date = 0;

  return ical;
}

static void
add_time (Writer        *writer,
          icalcomponent *vevent,
          icalproperty  *(*new_property) (struct icaltimetype),
          GDateTime     *time)
{
  icalproperty *property = new_property (ical_time (writer, time));

  if (writer->kind == ZONE_TZID)
    icalproperty_add_parameter (property, icalparameter_new_tzid (writer->tzid));
  icalcomponent_add_property (vevent, property);
}

static void
add_text (icalcomponent *component,
          icalproperty  *(*new_property) (const char *),
          const char    *text)
{
  if (text != NULL && text[0] != '\0')
    icalcomponent_add_property (component, new_property (text));
}

static void
add_x (icalcomponent *component,
       const char    *name,
       const char    *text)
{
  icalproperty *property;

  if (text == NULL || text[0] == '\0')
    return;

  property = icalproperty_new_x (text);
  icalproperty_set_x_name (property, name);
  icalcomponent_add_property (component, property);
}

static void
add_session (Writer              *writer,
             icalcomponent       *calendar,
             NclSession          *session,
             struct icaltimetype  stamp)
{
  icalcomponent *vevent = icalcomponent_new_vevent ();
  g_autofree char *uid = session_uid (writer, session);
  GDateTime *end = ncl_session_get_end (session);

  icalcomponent_add_property (vevent, icalproperty_new_uid (uid));
  icalcomponent_add_property (vevent, icalproperty_new_dtstamp (stamp));
  add_time (writer, vevent, icalproperty_new_dtstart, ncl_session_get_start (session));
  if (end != NULL)
    add_time (writer, vevent, icalproperty_new_dtend, end);
  add_text (vevent, icalproperty_new_summary, ncl_session_get_title (session));
  add_text (vevent, icalproperty_new_location, ncl_session_get_room (session));
  add_text (vevent, icalproperty_new_categories, ncl_session_get_track (session));
  add_text (vevent, icalproperty_new_description, ncl_session_get_description_text (session));
  add_text (vevent, icalproperty_new_url, ncl_session_get_url (session));

  icalcomponent_add_component (calendar, vevent);
}

/* The event's zone as libical knows it, its VTIMEZONE's TZID the zone's
 * name (libical's own is behind a vendor prefix that other readers would
 * have to strip). */
static icalcomponent *
zone_component (Writer *writer)
{
  icaltimezone *builtin = icaltimezone_get_builtin_timezone (writer->tzid);
  icalcomponent *component = builtin != NULL ? icaltimezone_get_component (builtin) : NULL;
  icalcomponent *copy;
  icalproperty *tzid;

  if (component == NULL)
    return NULL;

  copy = icalcomponent_new_clone (component);
  tzid = icalcomponent_get_first_property (copy, ICAL_TZID_PROPERTY);
  if (tzid != NULL)
    icalproperty_set_tzid (tzid, writer->tzid);
  else
    icalcomponent_add_property (copy, icalproperty_new_tzid (writer->tzid));

  return copy;
}

/**
 * ncl_ical_write:
 * @event: an event
 * @only_sessions: (nullable) (element-type NclSession): the sessions to
 *   write, in this order; %NULL for all of the event's
 * @length: (out) (optional): the length of the text
 * @error: a #NclIcalWriterError
 *
 * Writes the sessions with a start as one VCALENDAR (RFC 5545, CRLF line
 * ends): the same event gives the same bytes on every run.
 *
 * Returns: (transfer full) (nullable): the iCalendar text, or %NULL with
 *   @error set
 */
char *
ncl_ical_write (NclEvent   *event,
                GPtrArray  *only_sessions,
                gsize      *length,
                GError    **error)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) first = NULL;
  g_autofree char *domain = NULL;
  struct icaltimetype stamp;
  GTimeZone *zone;
  Writer writer = { 0, };
  icalcomponent *calendar;
  icalcomponent *vtimezone = NULL;
  char *ical;
  char *text;

  g_return_val_if_fail (NCL_IS_EVENT (event), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length != NULL)
    *length = 0;

  if (only_sessions != NULL)
    {
      for (guint i = 0; i < only_sessions->len; i++)
        g_ptr_array_add (sessions, g_object_ref (g_ptr_array_index (only_sessions, i)));
    }
  else
    {
      GListModel *all = ncl_event_get_sessions (event);

      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        g_ptr_array_add (sessions, g_list_model_get_item (all, i));
    }

  /* A break of an agenda page has no start: no calendar entry either. */
  for (guint i = sessions->len; i > 0; i--)
    {
      NclSession *session = g_ptr_array_index (sessions, i - 1);
      GDateTime *start = ncl_session_get_start (session);

      g_return_val_if_fail (NCL_IS_SESSION (session), NULL);

      if (start == NULL)
        g_ptr_array_remove_index (sessions, i - 1);
      else if (first == NULL || g_date_time_compare (start, first) < 0)
        {
          g_clear_pointer (&first, g_date_time_unref);
          first = g_date_time_ref (start);
        }
    }

  if (sessions->len == 0)
    {
      g_set_error (error, NCL_ICAL_WRITER_ERROR, NCL_ICAL_WRITER_ERROR_NO_SESSIONS,
                   _("There is no session with a start time to export"));
      return NULL;
    }

  ncl_ical_init ();

  domain = uid_domain (event);
  writer.uid_domain = domain;
  writer.uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  zone = ncl_event_get_time_zone (event);
  writer.kind = zone == NULL ? ZONE_FLOATING : ZONE_UTC;
  if (zone != NULL && g_strcmp0 (g_time_zone_get_identifier (zone), "UTC") != 0)
    {
      writer.zone = zone;
      writer.tzid = g_time_zone_get_identifier (zone);
      vtimezone = zone_component (&writer);
      /* A zone libical has no rules for: the instants, in UTC. */
      writer.kind = vtimezone != NULL ? ZONE_TZID : ZONE_UTC;
    }

  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//NATS Connect Live//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));
  add_x (calendar, "X-WR-CALNAME", ncl_event_get_title (event));
  if (writer.kind == ZONE_TZID)
    {
      add_x (calendar, "X-WR-TIMEZONE", writer.tzid);
      icalcomponent_add_component (calendar, vtimezone);
    }
  else if (vtimezone != NULL)
    icalcomponent_free (vtimezone);

  {
    Writer utc = { .kind = ZONE_UTC };

    stamp = ical_time (&utc, first);
  }

  for (guint i = 0; i < sessions->len; i++)
    add_session (&writer, calendar, g_ptr_array_index (sessions, i), stamp);

  ical = icalcomponent_as_ical_string_r (calendar);
  text = g_strdup (ical);
  icalmemory_free_buffer (ical);
  icalcomponent_free (calendar);
  g_hash_table_unref (writer.uids);

  if (length != NULL)
    *length = strlen (text);

  return text;
}
