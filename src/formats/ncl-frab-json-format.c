/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "ncl-frab-json-format.h"
#include "ncl-frab.h"
#include "ncl-html.h"

/*
 * frab and pretalx schedule.json: the XML schedule's model in JSON, which
 * the CCC congresses and camps, GUADEC and every pretalx event publish.
 *
 *   { "schedule": { "base_url", "conference": { "title", "acronym",
 *       "start", "time_zone_name", "days": [ { "index", "date",
 *       "day_start", "rooms": { "Room": [ event, … ] } } ] } } }
 *
 * An event: "id" (a number or a string), "guid", "date" (ISO 8601 with an
 * offset), "start" (local "HH:MM"), "duration", "room", "title",
 * "subtitle", "track", "type", "abstract", "description", "url",
 * "persons" (objects with "public_name" or "name", or plain strings),
 * "links" and "attachments" (objects with "url" and "title").
 *
 * This file reads the JSON tree, never trusting a member to have the type
 * it should (a wrong one counts as missing); what the fields mean is
 * ncl-frab.c's, shared with the XML schedule.
 */

G_DEFINE_QUARK (ncl-frab-json-error-quark, ncl_frab_json_error)

static JsonNode *
member (JsonObject *object,
        const char *name)
{
  return object != NULL ? json_object_get_member (object, name) : NULL;
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* What @node holds, as the error for a member of the wrong type says it. */
static const char *
json_type_phrase (JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("an array");
  if (JSON_NODE_HOLDS_NULL (node))
    return _("null");

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    default:
      return _("a number");
    }
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* A string, trimmed, or a whole number written as one; %NULL for anything
 * else, and for blanks. */
static char *
node_text (JsonNode *node)
{
  char *text;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      /* json-glib decodes a lone "\ud800" escape into bytes that are no
       * UTF-8: they become U+FFFD, as in every other format. */
      text = g_strstrip (g_utf8_make_valid (json_node_get_string (node), -1));
      break;
    case G_TYPE_INT64:
      text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    default:
      return NULL;
    }

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);

  return text;
}

/* An abstract or description, its line breaks kept. */
static char *
member_paragraphs (JsonObject *object,
                   const char *name)
{
  return node_text (member (object, name));
}

/* A title, a name, a time: one line, however the file wraps it. */
static char *
member_text (JsonObject *object,
             const char *name)
{
  char *text = node_text (member (object, name));

  return text != NULL ? ncl_html_one_line (text) : NULL;
}

static char **
read_persons (JsonObject *event)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *persons = member_array (event, "persons");
  guint n = persons != NULL ? json_array_get_length (persons) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *person = json_array_get_element (persons, i);
      g_autofree char *name = NULL;

      if (JSON_NODE_HOLDS_OBJECT (person))
        {
          JsonObject *object = json_node_get_object (person);

          name = member_text (object, "public_name");
          if (name == NULL)
            name = member_text (object, "name");
        }
      /* A name, not a number (some files list persons' ids). */
      else if (JSON_NODE_HOLDS_VALUE (person) && json_node_get_value_type (person) == G_TYPE_STRING &&
               (name = node_text (person)) != NULL)
        ncl_html_one_line (name);

      if (name != NULL)
        g_strv_builder_add (builder, name);
    }

  return g_strv_builder_end (builder);
}

/* The event's attachments, then its links: objects with "url" (or "href")
 * and "title", or plain addresses. */
static GArray *
read_links (JsonObject *event)
{
  static const char * const lists[] = { "attachments", "links" };
  GArray *links = ncl_frab_links_new ();

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      JsonArray *list = member_array (event, lists[l]);
      guint n = list != NULL ? json_array_get_length (list) : 0;

      for (guint i = 0; i < n; i++)
        {
          JsonNode *item = json_array_get_element (list, i);
          JsonObject *object = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
          char *href = object != NULL ? member_text (object, "url") : node_text (item);

          if (object != NULL && href == NULL)
            href = member_text (object, "href");
          ncl_frab_links_add (links, href,
                              object != NULL ? member_text (object, "title") : NULL,
                              object != NULL ? member_text (object, "type") : NULL);
        }
    }

  return links;
}

typedef struct
{
  guint number;             /* counted from 1, for messages */
  char *date;
  char *start;
  char *end;
} Day;

static void
read_event (NclFrabReader *reader,
            const Day     *day,
            const char    *room_name,
            guint          number,
            JsonNode      *node)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  g_autofree char *where =
    /* Translators: where an event is in a JSON schedule: the first %u is
     * the day, %s the room, the second %u the event's place in it */
    g_strdup_printf (_("Day %u, “%s”, event %u"), day->number, room_name, number);
  g_autofree char *id = member_text (object, "id");
  g_autofree char *guid = member_text (object, "guid");
  g_autofree char *title = member_text (object, "title");
  g_autofree char *subtitle = member_text (object, "subtitle");
  g_autofree char *date = member_text (object, "date");
  g_autofree char *start = member_text (object, "start");
  g_autofree char *duration = member_text (object, "duration");
  g_autofree char *end = member_text (object, "end");
  g_autofree char *room = member_text (object, "room");
  g_autofree char *track = member_text (object, "track");
  g_autofree char *type = member_text (object, "type");
  g_autofree char *abstract = member_paragraphs (object, "abstract");
  g_autofree char *description = member_paragraphs (object, "description");
  g_autofree char *url = member_text (object, "url");
  g_auto(GStrv) persons = read_persons (object);
  g_autoptr(GArray) links = read_links (object);
  NclFrabEvent event = {
    .where = where, .day_date = day->date, .day_start = day->start, .day_end = day->end, .room_name = room_name,
    .id = id, .guid = guid, .title = title, .subtitle = subtitle, .date = date,
    .start = start, .duration = duration, .end = end, .room = room, .track = track, .type = type,
    .abstract = abstract, .description = description, .url = url,
    .persons = (const char * const *)persons, .links = links,
  };

  ncl_frab_reader_add_event (reader, &event);
}

static void
read_day (NclFrabReader *reader,
          JsonObject    *object,
          guint          number)
{
  JsonObject *rooms = member_object (object, "rooms");
  g_autoptr(GList) names = rooms != NULL ? json_object_get_members (rooms) : NULL;
  Day day = {
    .number = number,
    .date = member_text (object, "date"),
    .start = member_text (object, "day_start"),
    .end = member_text (object, "day_end"),
  };

  /* In the file's order of rooms. */
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonArray *events = member_array (rooms, l->data);
      /* A name, one line, whatever the key holds. */
      g_autofree char *room_name = ncl_html_one_line (g_utf8_make_valid (l->data, -1));
      guint n = events != NULL ? json_array_get_length (events) : 0;

      for (guint i = 0; i < n; i++)
        read_event (reader, &day, room_name, i + 1, json_array_get_element (events, i));
    }

  g_free (day.date);
  g_free (day.start);
  g_free (day.end);
}

static void
read_conference (NclFrabReader *reader,
                 JsonObject    *schedule,
                 JsonObject    *conference)
{
  g_autofree char *title = member_text (conference, "title");
  g_autofree char *zone_name = member_text (conference, "time_zone_name");
  g_autofree char *day_change = member_text (conference, "day_change");
  g_autofree char *base_url = member_text (schedule, "base_url");
  g_autofree char *start = member_text (conference, "start");
  JsonArray *days = member_array (conference, "days");
  guint n = days != NULL ? json_array_get_length (days) : 0;

  if (title == NULL)
    title = member_text (conference, "acronym");
  if (base_url == NULL)
    base_url = member_text (conference, "base_url");
  if (base_url == NULL)
    base_url = member_text (conference, "url");

  ncl_frab_reader_set_conference (reader, title, zone_name, day_change, base_url, start);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *day = json_array_get_element (days, i);

      if (JSON_NODE_HOLDS_OBJECT (day))
        read_day (reader, json_node_get_object (day), i + 1);
    }
}

typedef enum
{
  SHAPE_OK,
  SHAPE_TOO_DEEP,
  SHAPE_TRAILING,
  SHAPE_NO_CONTAINER,
} Shape;

/* What json-glib 1.6 would get wrong: arrays and objects nested deeper
 * than %NCL_FRAB_JSON_MAX_DEPTH (it recurses), and more after the first
 * value closes, or after a first value that is no array or object (it
 * reads a second document, and leaks the first); @line is where. Strings are skipped; the rest is json-glib's to judge. */
static Shape
check_shape (const char *data,
             gsize       length,
             guint      *line)
{
  const char *start = ncl_html_skip_blank_start (data, length);
  gboolean in_string = FALSE;
  gboolean closed = FALSE;
  guint depth = 0;

  /* A bare string or number is no schedule (and json-glib would read
   * what follows it as a second document). */
  if (start == data + length || (*start != '{' && *start != '['))
    return SHAPE_NO_CONTAINER;

  for (gsize i = start - data; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (closed && !g_ascii_isspace (c))
        {
          *line = ncl_html_line_of_offset (data, i);
          return SHAPE_TRAILING;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > NCL_FRAB_JSON_MAX_DEPTH)
            {
              *line = ncl_html_line_of_offset (data, i);
              return SHAPE_TOO_DEEP;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        closed = --depth == 0;
    }

  return SHAPE_OK;
}

/* json-glib's "<data>:3:5: Parse error: unexpected …" as one sentence that
 * names the line. */
static char *
json_error_message (const GError *error)
{
  /* json-glib's reason quotes the text it stopped at, which may hold a
   * line break: the message is one line. */
  g_autofree char *message = g_strdelimit (g_utf8_make_valid (error->message, -1), "\r\n\t", ' ');
  const char *prefix = "<data>:";
  const char *parse_error = "Parse error: ";
  const char *reason;
  unsigned long line;
  char *end;

  if (g_str_has_prefix (message, prefix))
    {
      line = strtoul (message + strlen (prefix), &end, 10);
      if (end != message + strlen (prefix) && *end == ':')
        {
          reason = strstr (end, ": ");
          reason = reason != NULL ? reason + 2 : end + 1;
          if (g_str_has_prefix (reason, parse_error))
            reason += strlen (parse_error);

          /* Translators: %lu is a line number, %s json-glib's reason (in English) */
          return g_strdup_printf (_("Line %lu: the schedule is not valid JSON (%s)"), line, reason);
        }
    }

  /* Translators: %s is json-glib's reason (in English) */
  return g_strdup_printf (_("The schedule is not valid JSON (%s)"), message);
}

/**
 * ncl_frab_json_parse:
 * @bytes: a frab or pretalx schedule.json
 * @hints: (nullable): the base of relative links when the file names none;
 *   the zone of times when the file names none
 * @error: a #NclFrabJsonError
 *
 * Returns: (transfer full) (nullable): the event with its sessions and
 *   speakers; sessions that cannot be read are its problems
 */
NclEvent *
ncl_frab_json_parse (GBytes               *bytes,
                     const NclParseHints  *hints,
                     GError              **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *root = NULL;
  JsonObject *schedule;
  JsonObject *conference;
  NclFrabReader reader;
  const char *data;
  const char *invalid;
  gsize length;
  guint line;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (!ncl_frab_check_size (data, length, NCL_FRAB_JSON_MAX_SIZE, NCL_FRAB_JSON_ERROR,
                            NCL_FRAB_JSON_ERROR_EMPTY, NCL_FRAB_JSON_ERROR_TOO_LARGE, error))
    return NULL;

  /* Said before json-glib reads the file: it says none of it where. */
  if (!g_utf8_validate_len (data, length, &invalid))
    {
      g_set_error (error, NCL_FRAB_JSON_ERROR, NCL_FRAB_JSON_ERROR_NOT_JSON,
                   /* Translators: %u is a line number */
                   _("Line %u: the schedule is not UTF-8 text, which JSON must be"),
                   ncl_html_line_of_offset (data, invalid - data));
      return NULL;
    }

  switch (check_shape (data, length, &line))
    {
    case SHAPE_TOO_DEEP:
      g_set_error (error, NCL_FRAB_JSON_ERROR, NCL_FRAB_JSON_ERROR_NOT_JSON,
                   /* Translators: %u is a line number, %d a number of levels */
                   _("Line %u: the schedule nests more than %d levels deep, which no schedule does"),
                   line, NCL_FRAB_JSON_MAX_DEPTH);
      return NULL;
    case SHAPE_TRAILING:
      g_set_error (error, NCL_FRAB_JSON_ERROR, NCL_FRAB_JSON_ERROR_NOT_JSON,
                   /* Translators: %u is a line number */
                   _("Line %u: the schedule goes on after its end (two files in one?)"), line);
      return NULL;
    case SHAPE_NO_CONTAINER:
      g_set_error_literal (error, NCL_FRAB_JSON_ERROR, NCL_FRAB_JSON_ERROR_NOT_SCHEDULE,
                           _("The JSON file is no schedule: it has no “schedule” object"));
      return NULL;
    case SHAPE_OK:
      break;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize)length, &local_error))
    {
      g_autofree char *message = json_error_message (local_error);

      g_set_error_literal (error, NCL_FRAB_JSON_ERROR, NCL_FRAB_JSON_ERROR_NOT_JSON, message);
      return NULL;
    }

  if (json_parser_get_root (parser) != NULL && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    root = json_node_get_object (json_parser_get_root (parser));

  schedule = member_object (root, "schedule");
  conference = member_object (schedule, "conference");
  if (schedule == NULL && member (root, "schedule") != NULL)
    {
      g_set_error (error, NCL_FRAB_JSON_ERROR, NCL_FRAB_JSON_ERROR_NOT_SCHEDULE,
                   /* Translators: %s is a JSON type: "a string", "an array" */
                   _("The JSON file is no schedule: its “schedule” is %s, not an object"),
                   json_type_phrase (member (root, "schedule")));
      return NULL;
    }
  if (conference == NULL)
    {
      g_set_error_literal (error, NCL_FRAB_JSON_ERROR, NCL_FRAB_JSON_ERROR_NOT_SCHEDULE,
                           schedule == NULL
                           ? _("The JSON file is no schedule: it has no “schedule” object")
                           : _("The JSON file is no schedule: its “schedule” has no “conference”"));
      return NULL;
    }

  ncl_frab_reader_init (&reader, hints);
  read_conference (&reader, schedule, conference);

  return ncl_frab_reader_finish (&reader, NCL_FRAB_JSON_ERROR, NCL_FRAB_JSON_ERROR_NO_SESSIONS, error);
}

/* A JSON object: its first byte, after a byte order mark and blanks. Other
 * JSON is no format the app reads; this one's parser says what a JSON
 * object lacks to be a schedule. */
static gboolean
frab_json_sniff (const char *data,
                 gsize       length)
{
  const char *p = ncl_html_skip_blank_start (data, length);

  return p < data + length && *p == '{';
}

const NclFormat ncl_frab_json_format = {
  .name = "frab-json",
  .description = N_("a frab or pretalx schedule (JSON with a “schedule” object)"),
  .max_size = NCL_FRAB_JSON_MAX_SIZE,
  .sniff = frab_json_sniff,
  .parse = ncl_frab_json_parse,
};
