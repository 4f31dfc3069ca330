/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "ncl-frab.h"
#include "ncl-html.h"
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
 * This file reads the XML tree; what the fields mean, and how lenient
 * reading them is, is ncl-frab.c's, shared with frab JSON.
 */

G_DEFINE_QUARK (ncl-pentabarf-error-quark, ncl_pentabarf_error)

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

  return text != NULL ? ncl_html_one_line (text) : NULL;
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

  return text != NULL ? ncl_html_one_line (text) : NULL;
}

static long
line_of (xmlNode *node)
{
  return xmlGetLineNo (node);
}

/* The event's attachments, then its links. */
static GArray *
read_links (xmlNode *event)
{
  static const char * const lists[][2] = { { "attachments", "attachment" }, { "links", "link" } };
  GArray *links = ncl_frab_links_new ();

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      xmlNode *list = first_child (event, lists[l][0]);

      for (xmlNode *item = list != NULL ? list->children : NULL; item != NULL; item = item->next)
        {
          if (is_element (item, lists[l][1]))
            ncl_frab_links_add (links, attribute (item, "href"), node_text (item), attribute (item, "type"));
        }
    }

  return links;
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
        g_strv_builder_add (builder, ncl_html_one_line (name));
    }

  return g_strv_builder_end (builder);
}

static void
read_event (NclFrabReader *reader,
            xmlNode       *day,
            const char    *room_name,
            xmlNode       *node)
{
  g_autofree char *where = g_strdup_printf (_("Line %ld"), line_of (node));
  g_autofree char *day_date = day != NULL ? attribute (day, "date") : NULL;
  g_autofree char *day_start = day != NULL ? attribute (day, "start") : NULL;
  g_autofree char *day_end = day != NULL ? attribute (day, "end") : NULL;
  g_autofree char *id = attribute (node, "id");
  g_autofree char *guid = attribute (node, "guid");
  g_autofree char *title = child_text (node, "title");
  g_autofree char *subtitle = child_text (node, "subtitle");
  g_autofree char *date = child_text (node, "date");
  g_autofree char *start = child_text (node, "start");
  g_autofree char *duration = child_text (node, "duration");
  g_autofree char *room = child_text (node, "room");
  g_autofree char *track = child_text (node, "track");
  g_autofree char *type = child_text (node, "type");
  g_autofree char *abstract = child_paragraphs (node, "abstract");
  g_autofree char *description = child_paragraphs (node, "description");
  g_autofree char *url = child_text (node, "url");
  g_auto(GStrv) persons = read_persons (node);
  g_autoptr(GArray) links = read_links (node);
  NclFrabEvent event = {
    .where = where, .day_date = day_date, .day_start = day_start, .day_end = day_end, .room_name = room_name,
    .id = id, .guid = guid, .title = title, .subtitle = subtitle, .date = date,
    .start = start, .duration = duration, .room = room, .track = track, .type = type,
    .abstract = abstract, .description = description, .url = url,
    .persons = (const char * const *)persons, .links = links,
  };

  ncl_frab_reader_add_event (reader, &event);
}

static void
read_days (NclFrabReader *reader,
           xmlNode       *root)
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
read_conference (NclFrabReader *reader,
                 xmlNode       *root)
{
  xmlNode *conference = first_child (root, "conference");
  g_autofree char *title = NULL;
  g_autofree char *zone_name = NULL;
  g_autofree char *day_change = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *start = NULL;

  if (conference == NULL)
    return;

  title = child_text (conference, "title");
  if (title == NULL)
    title = child_text (conference, "acronym");
  zone_name = child_text (conference, "time_zone_name");
  day_change = child_text (conference, "day_change");
  base_url = child_text (conference, "base_url");
  if (base_url == NULL)
    base_url = child_text (conference, "url");
  start = child_text (conference, "start");

  ncl_frab_reader_set_conference (reader, title, zone_name, day_change, base_url, start);
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
  NclFrabReader reader;
  xmlParserCtxt *context;
  xmlNode *root;
  xmlDoc *doc;
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (!ncl_frab_check_size (data, length, NCL_PENTABARF_MAX_SIZE, NCL_PENTABARF_ERROR,
                            NCL_PENTABARF_ERROR_EMPTY, NCL_PENTABARF_ERROR_TOO_LARGE, error))
    return NULL;

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

  ncl_frab_reader_init (&reader, hints);
  read_conference (&reader, root);
  read_days (&reader, root);
  xmlFreeDoc (doc);

  return ncl_frab_reader_finish (&reader, NCL_PENTABARF_ERROR, NCL_PENTABARF_ERROR_NO_SESSIONS, error);
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
