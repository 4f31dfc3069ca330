/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ncl-types.h"

G_BEGIN_DECLS

/**
 * NclSessionKind:
 * @NCL_SESSION_TALK: a row of the agenda with a title, speakers and a start
 * @NCL_SESSION_BREAK: a row that spans the table ("Break", "Audience Q & A");
 *   the page gives it no start time
 */
typedef enum
{
  NCL_SESSION_TALK,
  NCL_SESSION_BREAK,
} NclSessionKind;

#define NCL_TYPE_SESSION_KIND (ncl_session_kind_get_type ())
#define NCL_TYPE_SESSION (ncl_session_get_type ())

GType ncl_session_kind_get_type (void);

G_DECLARE_FINAL_TYPE (NclSession, ncl_session, NCL, SESSION, GObject)

NclSession         *ncl_session_new                  (NclSessionKind      kind,
                                                      const char         *title);
NclSessionKind      ncl_session_get_kind             (NclSession         *self);
const char         *ncl_session_get_id               (NclSession         *self);
const char         *ncl_session_get_title            (NclSession         *self);
void                ncl_session_set_title            (NclSession         *self,
                                                      const char         *title);
const char * const *ncl_session_get_speaker_names    (NclSession         *self);
void                ncl_session_set_speaker_names    (NclSession         *self,
                                                      const char * const *speakers);
GListModel         *ncl_session_get_speakers         (NclSession         *self);
void                ncl_session_set_speakers         (NclSession         *self,
                                                      GPtrArray          *speakers);
const char         *ncl_session_get_room             (NclSession         *self);
void                ncl_session_set_room             (NclSession         *self,
                                                      const char         *room);
const char         *ncl_session_get_track            (NclSession         *self);
void                ncl_session_set_track            (NclSession         *self,
                                                      const char         *track);
GDateTime          *ncl_session_get_start            (NclSession         *self);
void                ncl_session_set_start            (NclSession         *self,
                                                      GDateTime          *start);
GDateTime          *ncl_session_get_end              (NclSession         *self);
void                ncl_session_set_end              (NclSession         *self,
                                                      GDateTime          *end);
const char         *ncl_session_get_source_id        (NclSession         *self);
void                ncl_session_set_source_id        (NclSession         *self,
                                                      const char         *source_id);
const char         *ncl_session_get_subtitle         (NclSession         *self);
void                ncl_session_set_subtitle         (NclSession         *self,
                                                      const char         *subtitle);
const char         *ncl_session_get_url              (NclSession         *self);
void                ncl_session_set_url              (NclSession         *self,
                                                      const char         *url);
const char         *ncl_session_get_slides_url       (NclSession         *self);
void                ncl_session_set_slides_url       (NclSession         *self,
                                                      const char         *slides_url);
const char         *ncl_session_get_recording_url    (NclSession         *self);
void                ncl_session_set_recording_url    (NclSession         *self,
                                                      const char         *recording_url);
const char         *ncl_session_get_description      (NclSession         *self);
void                ncl_session_set_description      (NclSession         *self,
                                                      const char         *markup);
const char         *ncl_session_get_description_text (NclSession         *self);
const char         *ncl_session_get_search_text      (NclSession         *self);
void                ncl_session_set_description_text (NclSession         *self,
                                                      const char         *text);
NclHighlight       *ncl_session_get_highlight        (NclSession         *self);
void                ncl_session_set_highlight        (NclSession         *self,
                                                      NclHighlight       *talk);

G_END_DECLS
