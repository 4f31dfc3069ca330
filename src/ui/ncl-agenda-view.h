/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ncl-event.h"
#include "ncl-stars.h"

G_BEGIN_DECLS

#define NCL_TYPE_AGENDA_VIEW (ncl_agenda_view_get_type ())

G_DECLARE_FINAL_TYPE (NclAgendaView, ncl_agenda_view, NCL, AGENDA_VIEW, GtkWidget)

GtkWidget   *ncl_agenda_view_new                 (void);
NclEvent *ncl_agenda_view_get_event        (NclAgendaView *self);
void         ncl_agenda_view_set_event        (NclAgendaView *self,
                                                  NclEvent   *event);
gboolean     ncl_agenda_view_get_show_event_time (NclAgendaView *self);
void         ncl_agenda_view_set_show_event_time (NclAgendaView *self,
                                                  gboolean       show_event_time);

void         ncl_agenda_view_set_stars           (NclAgendaView      *self,
                                                  NclStars           *stars);
void         ncl_agenda_view_set_filter          (NclAgendaView      *self,
                                                  GtkFilter          *filter);
GListModel  *ncl_agenda_view_get_results         (NclAgendaView      *self);

gboolean     ncl_agenda_view_get_has_rows        (NclAgendaView      *self);
gboolean     ncl_agenda_view_focus_list (NclAgendaView *self);
gboolean     ncl_agenda_view_show_session (NclAgendaView *self,
                                          NclSession    *session);

G_END_DECLS
