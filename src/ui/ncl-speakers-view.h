/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ncl-event.h"

G_BEGIN_DECLS

#define NCL_TYPE_SPEAKERS_VIEW (ncl_speakers_view_get_type ())

G_DECLARE_FINAL_TYPE (NclSpeakersView, ncl_speakers_view, NCL, SPEAKERS_VIEW, GtkWidget)

GtkWidget   *ncl_speakers_view_new                 (void);
NclEvent *ncl_speakers_view_get_event        (NclSpeakersView *self);
void         ncl_speakers_view_set_event        (NclSpeakersView *self,
                                                    NclEvent     *event);
gboolean     ncl_speakers_view_get_show_event_time (NclSpeakersView *self);
void         ncl_speakers_view_set_show_event_time (NclSpeakersView *self,
                                                    gboolean         show_event_time);

void         ncl_speakers_view_set_filter          (NclSpeakersView *self,
                                                    GtkFilter       *filter);
GListModel  *ncl_speakers_view_get_results         (NclSpeakersView *self);

gboolean     ncl_speakers_view_focus_list (NclSpeakersView *self);

G_END_DECLS
