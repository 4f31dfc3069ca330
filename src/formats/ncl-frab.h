/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ncl-format-types.h"

G_BEGIN_DECLS

/*
 * The frab data model, which Pentabarf/frab XML and frab/pretalx JSON
 * spell in two syntaxes: a conference (title, zone, day change, base URL),
 * days, rooms and events. Each syntax's parser reads its tree and hands
 * every event's fields, as text, to an NclFrabReader, which makes the
 * sessions and speakers and says what could not be read, in the same
 * words for both.
 */

/* Longer than any conference: a longer duration is a mistake. */
#define NCL_FRAB_MAX_DURATION_DAYS 31

/**
 * NclFrabLink:
 * @href: the address as written, maybe relative
 * @title: (nullable): its title
 * @type: (nullable): its type, such as "slides" (XML attachments)
 *
 * One of an event's links or attachments, in an array of
 * ncl_frab_links_new(), which owns its strings.
 */
typedef struct
{
  char *href;
  char *title;
  char *type;
} NclFrabLink;

/**
 * NclFrabEvent:
 * @where: where the event is in the file, for messages ("Line 23",
 *   "Day 1, “Saal 1”, event 3")
 * @day_date: (nullable): its day's date, "YYYY-MM-DD"
 * @day_start: (nullable): its day's start, ISO 8601 with an offset
 * @day_end: (nullable): its day's end, the same
 * @room_name: (nullable): the room it is listed under
 * @links: (element-type NclFrabLink) (nullable): attachments, then links
 * @persons: (nullable): its speakers' names
 *
 * An event's fields as a file gives them, each trimmed text or %NULL;
 * @title, @date, @start, @duration, @end, @room etc. are frab's fields.
 */
typedef struct
{
  const char *where;
  const char *day_date;
  const char *day_start;
  const char *day_end;
  const char *room_name;
  const char *id;
  const char *guid;
  const char *title;
  const char *subtitle;
  const char *date;
  const char *start;
  const char *duration;
  const char *end;
  const char *room;
  const char *track;
  const char *type;
  const char *abstract;
  const char *description;
  const char *url;
  const char * const *persons;
  GArray *links;
} NclFrabEvent;

typedef struct
{
  NclEvent *event;
  char *base_uri;           /* the conference's base_url, else the hint's */
  GTimeZone *zone;          /* the conference's; NULL: the file's offsets */
  gboolean zone_is_utc;     /* @zone is UTC all year */
  gboolean saw_offset;      /* a time in the file names its UTC offset */
  GTimeZone *date_zone;     /* the first offset other than UTC an event's
                             * date gives, when @zone is NULL or UTC */
  GHashTable *ids;          /* the sessions' ids so far */
  guint day_change;         /* minutes after midnight; 0 when not given */
  GHashTable *speakers;     /* names added as speakers, as written */
  guint n_sessions;
  char *first_problem;      /* for the error when no session can be read */
} NclFrabReader;

void       ncl_frab_reader_init           (NclFrabReader       *reader,
                                           const NclParseHints *hints);
void       ncl_frab_reader_clear          (NclFrabReader       *reader);
void       ncl_frab_reader_set_conference (NclFrabReader       *reader,
                                           const char          *title,
                                           const char          *zone_name,
                                           const char          *day_change,
                                           const char          *base_url,
                                           const char          *start);
void       ncl_frab_reader_add_event      (NclFrabReader       *reader,
                                           const NclFrabEvent  *event);
NclEvent  *ncl_frab_reader_finish         (NclFrabReader       *reader,
                                           GQuark               domain,
                                           int                  no_sessions_code,
                                           GError             **error);

GArray    *ncl_frab_links_new             (void);
void       ncl_frab_links_add             (GArray              *links,
                                           char                *href,
                                           char                *title,
                                           char                *type);
gboolean   ncl_frab_check_size            (const char          *data,
                                           gsize                length,
                                           gsize                max_size,
                                           GQuark               domain,
                                           int                  empty_code,
                                           int                  too_large_code,
                                           GError             **error);
gboolean   ncl_frab_parse_duration        (const char          *text,
                                           gint64              *seconds);
gboolean   ncl_frab_parse_clock           (const char          *text,
                                           guint               *minutes);
gboolean   ncl_frab_parse_day             (const char          *text,
                                           GDate               *date);

G_END_DECLS
