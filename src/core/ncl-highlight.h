/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define NCL_TYPE_HIGHLIGHT (ncl_highlight_get_type ())

G_DECLARE_FINAL_TYPE (NclHighlight, ncl_highlight, NCL, HIGHLIGHT, GObject)

NclHighlight       *ncl_highlight_new                  (guint         number,
                                                        const char   *title);
NclHighlight       *ncl_highlight_new_from_schedule    (guint         number,
                                                        const char   *title,
                                                        const char   *session_id);
gboolean            ncl_highlight_get_from_schedule    (NclHighlight *self);
guint               ncl_highlight_get_number           (NclHighlight *self);
const char         *ncl_highlight_get_title            (NclHighlight *self);
void                ncl_highlight_set_title            (NclHighlight *self,
                                                        const char   *title);
const char         *ncl_highlight_get_description      (NclHighlight *self);
void                ncl_highlight_set_description      (NclHighlight *self,
                                                        const char   *markup);
const char         *ncl_highlight_get_description_text (NclHighlight *self);
void                ncl_highlight_set_description_text (NclHighlight *self,
                                                        const char   *text);
const char         *ncl_highlight_get_slides_url       (NclHighlight *self);
void                ncl_highlight_set_slides_url       (NclHighlight *self,
                                                        const char   *url);
const char         *ncl_highlight_get_video_url        (NclHighlight *self);
void                ncl_highlight_set_video_url        (NclHighlight *self,
                                                        const char   *url);
const char         *ncl_highlight_get_picture_url      (NclHighlight *self);
void                ncl_highlight_set_picture_url      (NclHighlight *self,
                                                        const char   *url);
const char         *ncl_highlight_get_picture_alt      (NclHighlight *self);
void                ncl_highlight_set_picture_alt      (NclHighlight *self,
                                                        const char   *alt);
void                ncl_highlight_update_from          (NclHighlight *self,
                                                        NclHighlight *other);
const char         *ncl_highlight_get_speakers         (NclHighlight *self);
GDateTime          *ncl_highlight_get_start            (NclHighlight *self);
void                ncl_highlight_set_schedule         (NclHighlight *self,
                                                        const char   *speakers,
                                                        GDateTime    *start);
void                ncl_highlight_set_session_id       (NclHighlight *self,
                                                        const char   *session_id);
const char         *ncl_highlight_get_session_id       (NclHighlight *self);
const char         *ncl_highlight_get_id               (NclHighlight *self);
const char * const *ncl_highlight_get_star_ids         (NclHighlight *self);
const char         *ncl_highlight_get_search_text      (NclHighlight *self);

G_END_DECLS
