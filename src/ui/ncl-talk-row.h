/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ncl-stars.h"
#include "ncl-store.h"
#include "ncl-talk.h"

G_BEGIN_DECLS

#define NCL_TYPE_TALK_ROW (ncl_talk_row_get_type ())

G_DECLARE_FINAL_TYPE (NclTalkRow, ncl_talk_row, NCL, TALK_ROW, GtkWidget)

GtkWidget *ncl_talk_row_new       (void);
NclTalk   *ncl_talk_row_get_talk  (NclTalkRow *self);
void       ncl_talk_row_set_talk  (NclTalkRow *self,
                                   NclTalk    *talk);
gboolean   ncl_talk_row_get_folded (NclTalkRow *self);
void       ncl_talk_row_focus_link (NclTalkRow *self,
                                    gboolean    video);
void       ncl_talk_row_set_n_talks (NclTalkRow *self,
                                     guint       n_talks);
void       ncl_talk_row_set_stars  (NclTalkRow *self,
                                    NclStars   *stars);
void       ncl_talk_row_set_store  (NclTalkRow *self,
                                    NclStore   *store);
void       ncl_talk_row_toggle_star (NclTalkRow *self);
void       ncl_talk_row_open       (NclTalkRow *self,
                                    gboolean    video);

G_END_DECLS
