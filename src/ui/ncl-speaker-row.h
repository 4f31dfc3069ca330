/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ncl-event.h"
#include "ncl-speaker.h"

G_BEGIN_DECLS

#define NCL_TYPE_SPEAKER_ROW (ncl_speaker_row_get_type ())

G_DECLARE_FINAL_TYPE (NclSpeakerRow, ncl_speaker_row, NCL, SPEAKER_ROW, GtkWidget)

GtkWidget   *ncl_speaker_row_new                 (void);
NclSpeaker  *ncl_speaker_row_get_speaker         (NclSpeakerRow *self);
void         ncl_speaker_row_set_speaker         (NclSpeakerRow *self,
                                                  NclSpeaker    *speaker);
NclEvent *ncl_speaker_row_get_event        (NclSpeakerRow *self);
void         ncl_speaker_row_set_event        (NclSpeakerRow *self,
                                                  NclEvent   *event);
gboolean     ncl_speaker_row_get_show_event_time (NclSpeakerRow *self);
void         ncl_speaker_row_set_show_event_time (NclSpeakerRow *self,
                                                  gboolean       show_event_time);

G_END_DECLS
