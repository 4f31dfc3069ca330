/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ncl-article.h"
#include "ncl-highlight.h"
#include "ncl-session-group.h"
#include "ncl-session.h"
#include "ncl-speaker.h"

G_BEGIN_DECLS

/**
 * NclEventParts:
 * @NCL_EVENT_PART_PROGRAMME: title, start, sessions, speakers (an agenda,
 *   a schedule file)
 * @NCL_EVENT_PART_HIGHLIGHTS: the highlights and the article around them
 *   (a post)
 *
 * What one document gives of an event; ncl_event_update_from() takes only
 * the parts the document has.
 */
typedef enum
{
  NCL_EVENT_PART_PROGRAMME  = 1 << 0,
  NCL_EVENT_PART_HIGHLIGHTS = 1 << 1,
} NclEventParts;

#define NCL_TYPE_EVENT_PARTS (ncl_event_parts_get_type ())

GType ncl_event_parts_get_type (void);

#define NCL_TYPE_EVENT (ncl_event_get_type ())

G_DECLARE_FINAL_TYPE (NclEvent, ncl_event, NCL, EVENT, GObject)

NclEvent           *ncl_event_new            (void);
const char         *ncl_event_get_title      (NclEvent     *self);
void                ncl_event_set_title      (NclEvent     *self,
                                              const char   *title);
const char         *ncl_event_get_date_text  (NclEvent     *self);
void                ncl_event_set_date_text  (NclEvent     *self,
                                              const char   *date_text);
const char         *ncl_event_get_zone_text  (NclEvent     *self);
void                ncl_event_set_zone_text  (NclEvent     *self,
                                              const char   *zone_text);
GDateTime          *ncl_event_get_date       (NclEvent     *self);
void                ncl_event_set_date       (NclEvent     *self,
                                              GDateTime    *date);
gboolean            ncl_event_get_floating   (NclEvent     *self);
void                ncl_event_set_floating   (NclEvent     *self,
                                              gboolean      floating);
GTimeZone          *ncl_event_get_time_zone  (NclEvent     *self);
GListModel         *ncl_event_get_sessions   (NclEvent     *self);
void                ncl_event_add_session    (NclEvent     *self,
                                              NclSession   *session);
void                ncl_event_sort_sessions  (NclEvent     *self);
GListModel         *ncl_event_get_speakers   (NclEvent     *self);
void                ncl_event_add_speaker    (NclEvent     *self,
                                              NclSpeaker   *speaker);
NclSpeaker         *ncl_event_find_speaker   (NclEvent     *self,
                                              const char   *name);
const char * const *ncl_event_get_problems   (NclEvent     *self);
void                ncl_event_add_problem    (NclEvent     *self,
                                              const char   *problem);
NclEventParts       ncl_event_get_parts      (NclEvent     *self);
NclArticle         *ncl_event_get_article    (NclEvent     *self);
void                ncl_event_set_article    (NclEvent     *self,
                                              NclArticle   *article);
GListModel         *ncl_event_get_highlights (NclEvent     *self);
void                ncl_event_add_highlight  (NclEvent     *self,
                                              NclHighlight *highlight);
NclHighlight       *ncl_event_find_highlight (NclEvent     *self,
                                              guint         number);
GListModel         *ncl_event_get_days       (NclEvent     *self);
GListModel         *ncl_event_get_rooms      (NclEvent     *self);
GListModel         *ncl_event_get_tracks     (NclEvent     *self);
void                ncl_event_link           (NclEvent     *self);
void                ncl_event_update_from    (NclEvent     *self,
                                              NclEvent     *other);

G_END_DECLS
