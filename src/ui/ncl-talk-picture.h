/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ncl-talk.h"

G_BEGIN_DECLS

#define NCL_TYPE_TALK_PICTURE (ncl_talk_picture_get_type ())

G_DECLARE_FINAL_TYPE (NclTalkPicture, ncl_talk_picture, NCL, TALK_PICTURE, GtkWidget)

GtkWidget    *ncl_talk_picture_new           (void);
NclTalk      *ncl_talk_picture_get_talk      (NclTalkPicture *self);
void          ncl_talk_picture_set_talk      (NclTalkPicture *self,
                                              NclTalk        *talk);
GdkPaintable *ncl_talk_picture_get_paintable (NclTalkPicture *self);
void          ncl_talk_picture_set_paintable (NclTalkPicture *self,
                                              GdkPaintable   *paintable);

G_END_DECLS
