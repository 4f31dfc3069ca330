/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "ncl-fold.h"
#include "ncl-html.h"
#include "ncl-link.h"
#include "ncl-markup.h"
#include "ncl-pentabarf-format.h"

/*
 * Pentabarf and frab XML: the schedule.xml that FOSDEM, the CCC congresses
 * and camps, DebConf and pretalx publish.
 *
 *   <schedule>
 *     <conference> title, start, end, time_zone_name, day_change, base_url
 *     <day index date start end>
 *       <room name>
 *         <event id guid> date, start, duration, room, title, subtitle,
 *           track, type, abstract, description, url, persons/person,
 *           links/link[href], attachments/attachment[href type]
 *
 * Strict where the c3voc schema is (the element names, ISO dates); lenient
 * where real files are not: `<date>` may be missing (the day's date and
 * `<start>` then say when), `<start>` may pass 24:00, a duration is HH:MM
 * or D:HH:MM, persons and rooms may be missing, ids may be missing (the
 * guid, then the title and start, key the session). Every session is an
 * absolute instant shown in the conference's zone.
 */

G_DEFINE_QUARK (ncl-pentabarf-error-quark, ncl_pentabarf_error)

typedef struct
{
  NclEvent *event;
  const char *base_uri;     /* the conference's base_url, else the hint's */
  GTimeZone *zone;          /* the conference's; NULL: the file's offsets */
  guint day_change;         /* minutes after midnight; 0 when not given */
  GHashTable *speakers;     /* names added as speakers, as written */
  guint n_sessions;
  char *first_problem;      /* for the error when no session can be read */
} Reader;

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         strcmp ((const char *)node->name, name) == 0;
}

static xmlNode *
first_child (xmlNode    *node,
             const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, name))
        return child;
    }

  return NULL;
}

/* @text with every run of whitespace (newlines too) made one space. */
static char *
one_line (char *text)
{
  char *out = text;
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && out != text)
            *out++ = ' ';
          space = FALSE;
          *out++ = *p;
        }
    }
  *out = '\0';

  return text;
}

/* @value (libxml2's, which this frees) trimmed, as GLib memory; %NULL when
 * it is missing or blank. */
static char *
take_trimmed (xmlChar *value)
{
  char *text;

  if (value == NULL)
    return NULL;

  text = g_strstrip (g_strdup ((const char *)value));
  xmlFree (value);

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

/* The text of @node, trimmed; %NULL when it is blank. */
static char *
node_text (xmlNode *node)
{
  return node != NULL ? take_trimmed (xmlNodeGetContent (node)) : NULL;
}

/* A title, a name, a time: one line, however the file wraps it. */
static char *
child_text (xmlNode    *node,
            const char *name)
{
  char *text = node_text (first_child (node, name));

  return text != NULL ? one_line (text) : NULL;
}

/* An abstract or description, its line breaks kept. */
static char *
child_paragraphs (xmlNode    *node,
                  const char *name)
{
  return node_text (first_child (node, name));
}

static char *
attribute (xmlNode    *node,
           const char *name)
{
  char *text = take_trimmed (xmlGetProp (node, (const xmlChar *)name));

  return text != NULL ? one_line (text) : NULL;
}

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
 * ncl_pentabarf_parse_duration:
 * @text: a duration as schedules write it: "HH:MM", or "D:HH:MM" for one of
 *   a day or more
 * @seconds: (out): its length
 *
 * Returns: whether @text is a duration of at most
 *   %NCL_PENTABARF_MAX_DURATION_DAYS days
 */
gboolean
ncl_pentabarf_parse_duration (const char *text,
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

  if (minutes > (guint64)NCL_PENTABARF_MAX_DURATION_DAYS * 24 * 60)
    return FALSE;

  *seconds = (gint64)minutes * 60;
  return TRUE;
}

/**
 * ncl_pentabarf_parse_clock:
 * @text: a time of day, "HH:MM" or "HH:MM:SS"; the hours may pass 24
 *   (a day's events that run past midnight, in "day" notation)
 * @minutes: (out): minutes after the day's midnight
 *
 * Returns: whether @text is such a time, below 48:00
 */
gboolean
ncl_pentabarf_parse_clock (const char *text,
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

static long
line_of (xmlNode *node)
{
  return xmlGetLineNo (node);
}

static void
add_problem (Reader     *reader,
             const char *problem)
{
  ncl_event_add_problem (reader->event, problem);
  if (reader->first_problem == NULL)
    reader->first_problem = g_strdup (problem);
}

/* A date "YYYY-MM-DD" as a GDate; FALSE when it is none. */
static gboolean
parse_day (const char *text,
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

/* The zone a day's times are in when the conference names none: the offset
 * of the day's start, else UTC. */
static GTimeZone *
day_zone (Reader  *reader,
          xmlNode *day)
{
  g_autofree char *start = NULL;
  g_autoptr(GDateTime) instant = NULL;

  if (reader->zone != NULL)
    return g_time_zone_ref (reader->zone);

  start = attribute (day, "start");
  instant = start != NULL ? g_date_time_new_from_iso8601 (start, NULL) : NULL;
  if (instant != NULL)
    return g_time_zone_ref (g_date_time_get_timezone (instant));

  return g_time_zone_new_utc ();
}

/* When @event starts: its <date> when that is a full ISO 8601 time, else its
 * day's date and <start>, in the conference's zone. */
static GDateTime *
event_start (Reader  *reader,
             xmlNode *day,
             xmlNode *event)
{
  g_autofree char *date_text = child_text (event, "date");
  g_autofree char *start_text = NULL;
  g_autofree char *day_text = NULL;
  g_autoptr(GTimeZone) zone = day_zone (reader, day);
  guint minutes;
  GDate date;

  if (date_text != NULL && strchr (date_text, 'T') != NULL)
    {
      g_autoptr(GDateTime) instant = g_date_time_new_from_iso8601 (date_text, zone);

      if (instant != NULL)
        return reader->zone != NULL ? g_date_time_to_timezone (instant, reader->zone)
                                    : g_steal_pointer (&instant);
    }

  start_text = child_text (event, "start");
  day_text = day != NULL ? attribute (day, "date") : NULL;
  if (!parse_day (day_text, &date) && !parse_day (date_text, &date))
    return NULL;
  if (!ncl_pentabarf_parse_clock (start_text, &minutes))
    return NULL;

  /* Before the day change is the small hours of the next calendar day;
   * past 24:00 is the next day too. */
  if (reader->day_change > 0 && minutes < reader->day_change)
    minutes += 24 * 60;
  g_date_add_days (&date, minutes / (24 * 60));
  minutes %= 24 * 60;

  return g_date_time_new (zone, g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), minutes / 60, minutes % 60, 0);
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

static void
set_description (Reader     *reader,
                 NclSession *session,
                 const char *abstract,
                 const char *description)
{
  g_autoptr(GString) html = g_string_new (NULL);
  g_autofree char *markup = NULL;
  g_autofree char *text = NULL;
  const char *parts[] = { abstract, description };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || (i == 1 && g_strcmp0 (abstract, description) == 0))
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
has_suffix_nocase (const char *uri,
                   const char *suffix)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  const char *path = parsed != NULL ? g_uri_get_path (parsed) : uri;
  gsize length = strlen (path);
  gsize suffix_length = strlen (suffix);

  return length >= suffix_length &&
         g_ascii_strcasecmp (path + length - suffix_length, suffix) == 0;
}

static gboolean
is_slides (const char *uri,
           const char *title,
           const char *type)
{
  g_autofree char *folded = title != NULL ? g_utf8_strdown (title, -1) : NULL;

  return g_strcmp0 (type, "slides") == 0 ||
         has_suffix_nocase (uri, ".pdf") ||
         ncl_link_classify (uri) == NCL_LINK_SLIDES ||
         (folded != NULL && strstr (folded, "slides") != NULL);
}

/* The slides and the recording among a session's links and attachments:
 * the first of each; of recordings, a WebM or MP4 file before a video
 * site's page. */
static void
read_links (Reader     *reader,
            NclSession *session,
            xmlNode    *event)
{
  static const char * const lists[][2] = { { "attachments", "attachment" }, { "links", "link" } };
  g_autofree char *slides = NULL;
  g_autofree char *video_file = NULL;
  g_autofree char *video_page = NULL;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      xmlNode *list = first_child (event, lists[l][0]);

      if (list == NULL)
        continue;

      for (xmlNode *item = list->children; item != NULL; item = item->next)
        {
          g_autofree char *href = NULL;
          g_autofree char *uri = NULL;
          g_autofree char *title = NULL;
          g_autofree char *type = NULL;

          if (!is_element (item, lists[l][1]))
            continue;

          href = attribute (item, "href");
          uri = ncl_link_resolve (reader->base_uri, href);
          if (uri == NULL || !ncl_link_is_safe (uri))
            continue;

          title = node_text (item);
          type = attribute (item, "type");

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
          else if (slides == NULL && is_slides (uri, title, type))
            slides = g_steal_pointer (&uri);
        }
    }

  ncl_session_set_slides_url (session, slides);
  ncl_session_set_recording_url (session, video_file != NULL ? video_file : video_page);
}

static char **
read_persons (xmlNode *event)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  xmlNode *persons = first_child (event, "persons");

  for (xmlNode *person = persons != NULL ? persons->children : NULL; person != NULL; person = person->next)
    {
      g_autofree char *name = NULL;

      if (!is_element (person, "person"))
        continue;

      name = node_text (person);
      if (name != NULL)
        g_strv_builder_add (builder, one_line (name));
    }

  return g_strv_builder_end (builder);
}

/* A schedule writes each person's name the same way every time (frab
 * prints them from one record): exact names, in a hash table, rather than
 * the agenda's forgiving match, which folds every name for each lookup. */
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

static gboolean
is_break_type (const char *type)
{
  return type != NULL &&
         (g_ascii_strcasecmp (type, "break") == 0 || g_ascii_strcasecmp (type, "pause") == 0);
}

static void
read_event (Reader     *reader,
            xmlNode    *day,
            const char *room_name,
            xmlNode    *event)
{
  g_autoptr(NclSession) session = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *title = child_text (event, "title");
  g_autofree char *id = attribute (event, "id");
  g_autofree char *guid = attribute (event, "guid");
  g_autofree char *room = child_text (event, "room");
  g_autofree char *type = child_text (event, "type");
  g_autofree char *duration = child_text (event, "duration");
  g_autofree char *abstract = child_paragraphs (event, "abstract");
  g_autofree char *description = child_paragraphs (event, "description");
  g_autofree char *subtitle = child_text (event, "subtitle");
  g_autofree char *track = child_text (event, "track");
  g_autofree char *url = NULL;
  g_autofree char *href = child_text (event, "url");
  g_auto(GStrv) persons = NULL;
  gint64 seconds;

  if (title == NULL)
    {
      g_autofree char *problem =
        g_strdup_printf (_("Line %ld: an event has no title and is left out"), line_of (event));

      add_problem (reader, problem);
      return;
    }

  start = event_start (reader, day, event);
  if (start == NULL)
    {
      g_autofree char *problem =
        /* Translators: %s is a session's title */
        g_strdup_printf (_("Line %ld: “%s” has no start time that can be read and is left out"),
                         line_of (event), title);

      add_problem (reader, problem);
      return;
    }

  session = ncl_session_new (is_break_type (type) ? NCL_SESSION_BREAK : NCL_SESSION_TALK, title);
  ncl_session_set_source_id (session, id != NULL ? id : guid);
  ncl_session_set_start (session, start);
  ncl_session_set_subtitle (session, subtitle);
  ncl_session_set_room (session, room != NULL ? room : room_name);
  ncl_session_set_track (session, track);

  if (duration != NULL && ncl_pentabarf_parse_duration (duration, &seconds))
    {
      g_autoptr(GDateTime) end = g_date_time_add_seconds (start, (gdouble)seconds);

      ncl_session_set_end (session, end);
    }
  else if (duration != NULL)
    {
      g_autofree char *problem =
        /* Translators: the first %s is a duration as the file gives it, the
         * second a session's title */
        g_strdup_printf (_("Line %ld: the duration “%s” of “%s” cannot be read (HH:MM or D:HH:MM, "
                           "at most %u days): it is shown without an end"),
                         line_of (event), duration, title, NCL_PENTABARF_MAX_DURATION_DAYS);

      ncl_event_add_problem (reader->event, problem);
    }

  url = ncl_link_resolve (reader->base_uri, href);
  if (url != NULL && ncl_link_is_safe (url))
    ncl_session_set_url (session, url);

  persons = read_persons (event);
  ncl_session_set_speaker_names (session, (const char * const *)persons);
  add_speakers (reader, (const char * const *)persons);

  set_description (reader, session, abstract, description);
  read_links (reader, session, event);

  ncl_event_add_session (reader->event, session);
  reader->n_sessions++;
}

static void
read_days (Reader  *reader,
           xmlNode *root)
{
  for (xmlNode *day = root->children; day != NULL; day = day->next)
    {
      if (!is_element (day, "day"))
        continue;

      for (xmlNode *room = day->children; room != NULL; room = room->next)
        {
          g_autofree char *room_name = NULL;

          if (!is_element (room, "room"))
            continue;

          room_name = attribute (room, "name");
          for (xmlNode *event = room->children; event != NULL; event = event->next)
            {
              if (is_element (event, "event"))
                read_event (reader, day, room_name, event);
            }
        }
    }
}

static void
read_conference (Reader              *reader,
                 xmlNode             *root,
                 const NclParseHints *hints,
                 char               **base_uri)
{
  xmlNode *conference = first_child (root, "conference");
  g_autofree char *title = NULL;
  g_autofree char *zone_name = NULL;
  g_autofree char *start = NULL;
  g_autofree char *day_change = NULL;
  g_autofree char *base = NULL;
  GDate date;

  if (hints != NULL && hints->date != NULL)
    reader->zone = g_time_zone_ref (g_date_time_get_timezone (hints->date));

  if (conference == NULL)
    return;

  title = child_text (conference, "title");
  if (title == NULL)
    title = child_text (conference, "acronym");
  ncl_event_set_title (reader->event, title);

  zone_name = child_text (conference, "time_zone_name");
  if (zone_name != NULL)
    {
      GTimeZone *zone = g_time_zone_new_identifier (zone_name);

      if (zone != NULL)
        {
          g_clear_pointer (&reader->zone, g_time_zone_unref);
          reader->zone = zone;
          ncl_event_set_zone_text (reader->event, zone_name);
        }
      else
        {
          g_autofree char *problem =
            /* Translators: %s is a time zone name as the file gives it */
            g_strdup_printf (_("The time zone “%s” is unknown to this system: times are shown "
                               "at the UTC offsets the schedule gives"), zone_name);

          g_clear_pointer (&reader->zone, g_time_zone_unref);
          ncl_event_add_problem (reader->event, problem);
        }
    }

  day_change = child_text (conference, "day_change");
  if (day_change != NULL && !ncl_pentabarf_parse_clock (day_change, &reader->day_change))
    reader->day_change = 0;
  if (reader->day_change >= 24 * 60)
    reader->day_change = 0;

  base = child_text (conference, "base_url");
  if (base == NULL)
    base = child_text (conference, "url");
  if (base != NULL && ncl_link_is_safe (base))
    *base_uri = g_steal_pointer (&base);

  start = child_text (conference, "start");
  if (parse_day (start, &date))
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) midnight = g_date_time_new (reader->zone != NULL ? reader->zone : utc,
                                                       g_date_get_year (&date),
                                                       g_date_get_month (&date),
                                                       g_date_get_day (&date), 0, 0, 0);

      ncl_event_set_date (reader->event, midnight);
    }
}

static char *
xml_error_message (xmlParserCtxt *context,
                   const char    *data,
                   gsize          length)
{
  const xmlError *error = xmlCtxtGetLastError (context);
  g_autofree char *message = NULL;
  const char *invalid;

  if (error == NULL || error->message == NULL)
    return g_strdup (_("The schedule is not well-formed XML"));

  /* Bytes that are not the declared encoding: libxml2 2.9 calls them an
   * invalid character, 2.12 an invalid encoding. Text in UTF-8 that it
   * refuses has some other character wrong. */
  if ((error->code == XML_ERR_INVALID_ENCODING || error->code == XML_ERR_INVALID_CHAR) &&
      !g_utf8_validate_len (data, length, &invalid))
    /* Translators: %u is a line number */
    return g_strdup_printf (_("Line %u: the schedule is not in the encoding it declares "
                              "(UTF-8 when it declares none)"),
                            ncl_html_line_of_offset (data, invalid - data));

  /* libxml2's reasons may run over lines ("… encoding !\nBytes: 0xE9"):
   * the message is one line. */
  message = g_strstrip (g_strdelimit (g_utf8_make_valid (error->message, -1), "\r\n", ' '));
  /* Translators: %d is a line number, %s libxml2's reason (in English) */
  return g_strdup_printf (_("Line %d: the schedule is not well-formed XML (%s)"),
                          error->line, message);
}

/* Whether the document's prolog (before its first element) declares an
 * entity. */
static gboolean
declares_entities (const char *data,
                   gsize       length)
{
  static const char entity[] = "<!ENTITY";
  const char *root = g_strstr_len (data, length, "<schedule");
  gsize prolog = root != NULL ? (gsize)(root - data) : length;

  for (gsize i = 0; i + strlen (entity) <= prolog; i++)
    {
      if (data[i] == '<' && strncmp (data + i, entity, strlen (entity)) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * ncl_pentabarf_parse:
 * @bytes: a Pentabarf or frab schedule.xml
 * @hints: (nullable): the base of relative links when the file names none;
 *   the zone of times when the file names none
 * @error: a #NclPentabarfError
 *
 * Returns: (transfer full) (nullable): the event with its sessions and
 *   speakers; sessions that cannot be read are its problems
 */
NclEvent *
ncl_pentabarf_parse (GBytes               *bytes,
                     const NclParseHints  *hints,
                     GError              **error)
{
  g_autoptr(NclEvent) event = NULL;
  g_autofree char *base_uri = NULL;
  Reader reader = { 0, };
  xmlParserCtxt *context;
  xmlNode *root;
  xmlDoc *doc;
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (length == 0 || ncl_html_is_ascii_blank (data, length))
    {
      g_set_error (error, NCL_PENTABARF_ERROR, NCL_PENTABARF_ERROR_EMPTY,
                   _("The schedule is empty"));
      return NULL;
    }

  if (length > NCL_PENTABARF_MAX_SIZE || length > G_MAXINT)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS |
                                                            G_FORMAT_SIZE_LONG_FORMAT);
      g_autofree char *limit = g_format_size_full (NCL_PENTABARF_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, NCL_PENTABARF_ERROR, NCL_PENTABARF_ERROR_TOO_LARGE,
                   /* Translators: two sizes, as in "200 MiB" and "64 MiB" */
                   _("The schedule is %s, larger than the %s a schedule may have"), size, limit);
      return NULL;
    }

  /* Said before libxml2 reads them: it refuses a nest of entities as an
   * "entity reference loop", which tells a person nothing. */
  if (declares_entities (data, length))
    {
      g_set_error (error, NCL_PENTABARF_ERROR, NCL_PENTABARF_ERROR_ENTITIES,
                   _("The schedule declares entities of its own (<!ENTITY …>), which the app "
                     "does not read"));
      return NULL;
    }

  context = xmlNewParserCtxt ();
  if (context == NULL)
    g_error ("libxml2 could not make a parser context");

  /* No network, no entity expansion, no messages on stderr: errors are
   * read from the context. */
  doc = xmlCtxtReadMemory (context, data, (int)length,
                           hints != NULL ? hints->base_uri : NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                           XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES);
  if (doc == NULL)
    {
      g_autofree char *message = xml_error_message (context, data, length);

      g_set_error_literal (error, NCL_PENTABARF_ERROR, NCL_PENTABARF_ERROR_NOT_XML, message);
      xmlFreeParserCtxt (context);
      return NULL;
    }
  xmlFreeParserCtxt (context);

  if (doc->intSubset != NULL && doc->intSubset->entities != NULL)
    {
      g_set_error (error, NCL_PENTABARF_ERROR, NCL_PENTABARF_ERROR_ENTITIES,
                   _("The schedule declares entities of its own (<!ENTITY …>), which the app "
                     "does not read"));
      xmlFreeDoc (doc);
      return NULL;
    }

  root = xmlDocGetRootElement (doc);
  if (!is_element (root, "schedule"))
    {
      g_set_error (error, NCL_PENTABARF_ERROR, NCL_PENTABARF_ERROR_NOT_SCHEDULE,
                   /* Translators: %s is an XML element's name */
                   _("The XML file is no schedule: it starts with <%s>, not <schedule>"),
                   root != NULL ? (const char *)root->name : "");
      xmlFreeDoc (doc);
      return NULL;
    }

  event = ncl_event_new ();
  reader.event = event;
  reader.speakers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  read_conference (&reader, root, hints, &base_uri);
  reader.base_uri = base_uri != NULL ? base_uri : (hints != NULL ? hints->base_uri : NULL);
  read_days (&reader, root);

  xmlFreeDoc (doc);
  g_clear_pointer (&reader.zone, g_time_zone_unref);
  g_clear_pointer (&reader.speakers, g_hash_table_unref);

  if (reader.n_sessions == 0)
    {
      if (reader.first_problem != NULL)
        g_set_error (error, NCL_PENTABARF_ERROR, NCL_PENTABARF_ERROR_NO_SESSIONS,
                     /* Translators: %s says what is wrong with the first event */
                     _("The schedule has no session that can be read (%s)"), reader.first_problem);
      else
        g_set_error (error, NCL_PENTABARF_ERROR, NCL_PENTABARF_ERROR_NO_SESSIONS,
                     _("The schedule has no sessions"));
      g_free (reader.first_problem);
      return NULL;
    }

  g_free (reader.first_problem);
  ncl_event_link (event);

  return g_steal_pointer (&event);
}

/* XML whose first element is <schedule>, after the declaration, comments
 * and a doctype. */
static gboolean
pentabarf_sniff (const char *data,
                 gsize       length)
{
  static const char schedule[] = "<schedule";
  const char *p = ncl_html_skip_blank_start (data, length);
  const char *end = data + length;
  const gsize n = strlen (schedule);

  while (p < end && *p == '<')
    {
      if (end - p > 1 && (p[1] == '?' || p[1] == '!'))
        {
          gboolean comment = end - p >= 4 && strncmp (p, "<!--", 4) == 0;
          const char *close = comment ? g_strstr_len (p + 4, end - p - 4, "-->")
                                      : memchr (p, '>', end - p);
          const char *after;

          if (close == NULL)
            return FALSE;
          after = close + (comment ? 3 : 1);
          p = ncl_html_skip_blank_start (after, end - after);
          continue;
        }

      return (gsize)(end - p) > n && strncmp (p, schedule, n) == 0 &&
             (g_ascii_isspace (p[n]) || p[n] == '>' || p[n] == '/');
    }

  return FALSE;
}

const NclFormat ncl_pentabarf_format = {
  .name = "pentabarf-xml",
  .description = N_("a Pentabarf or frab schedule (XML starting with <schedule>)"),
  .max_size = NCL_PENTABARF_MAX_SIZE,
  .sniff = pentabarf_sniff,
  .parse = ncl_pentabarf_parse,
};
