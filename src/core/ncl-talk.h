/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define NCL_TYPE_TALK (ncl_talk_get_type ())

G_DECLARE_FINAL_TYPE (NclTalk, ncl_talk, NCL, TALK, GObject)

NclTalk    *ncl_talk_new                  (guint       number,
                                           const char *title);
guint       ncl_talk_get_number           (NclTalk    *self);
const char *ncl_talk_get_title            (NclTalk    *self);
void        ncl_talk_set_title            (NclTalk    *self,
                                           const char *title);
const char *ncl_talk_get_description      (NclTalk    *self);
void        ncl_talk_set_description      (NclTalk    *self,
                                           const char *markup);
const char *ncl_talk_get_description_text (NclTalk    *self);
void        ncl_talk_set_description_text (NclTalk    *self,
                                           const char *text);
const char *ncl_talk_get_slides_url       (NclTalk    *self);
void        ncl_talk_set_slides_url       (NclTalk    *self,
                                           const char *url);
const char *ncl_talk_get_video_url        (NclTalk    *self);
void        ncl_talk_set_video_url        (NclTalk    *self,
                                           const char *url);
const char *ncl_talk_get_picture_url      (NclTalk    *self);
void        ncl_talk_set_picture_url      (NclTalk    *self,
                                           const char *url);
const char *ncl_talk_get_picture_alt      (NclTalk    *self);
void        ncl_talk_set_picture_alt      (NclTalk    *self,
                                           const char *alt);
void        ncl_talk_update_from          (NclTalk    *self,
                                           NclTalk    *other);
const char *ncl_talk_get_speakers         (NclTalk    *self);
GDateTime  *ncl_talk_get_start            (NclTalk    *self);
void        ncl_talk_set_schedule         (NclTalk    *self,
                                           const char *speakers,
                                           GDateTime  *start);
void        ncl_talk_set_session_id       (NclTalk    *self,
                                           const char *session_id);
const char *ncl_talk_get_id               (NclTalk    *self);
const char * const *
            ncl_talk_get_star_ids         (NclTalk    *self);
const char *ncl_talk_get_search_text      (NclTalk    *self);

G_END_DECLS
