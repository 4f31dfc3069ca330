/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ncl-session.h"
#include "ncl-speaker.h"

G_BEGIN_DECLS

#define NCL_TYPE_SCHEDULE (ncl_schedule_get_type ())

G_DECLARE_FINAL_TYPE (NclSchedule, ncl_schedule, NCL, SCHEDULE, GObject)

NclSchedule        *ncl_schedule_new            (void);
const char         *ncl_schedule_get_title      (NclSchedule *self);
void                ncl_schedule_set_title      (NclSchedule *self,
                                                 const char  *title);
const char         *ncl_schedule_get_date_text  (NclSchedule *self);
void                ncl_schedule_set_date_text  (NclSchedule *self,
                                                 const char  *date_text);
const char         *ncl_schedule_get_zone_text  (NclSchedule *self);
void                ncl_schedule_set_zone_text  (NclSchedule *self,
                                                 const char  *zone_text);
GDateTime          *ncl_schedule_get_date       (NclSchedule *self);
void                ncl_schedule_set_date       (NclSchedule *self,
                                                 GDateTime   *date);
GTimeZone          *ncl_schedule_get_time_zone  (NclSchedule *self);
GListModel         *ncl_schedule_get_sessions   (NclSchedule *self);
void                ncl_schedule_add_session    (NclSchedule *self,
                                                 NclSession  *session);
GListModel         *ncl_schedule_get_speakers   (NclSchedule *self);
void                ncl_schedule_add_speaker    (NclSchedule *self,
                                                 NclSpeaker  *speaker);
NclSpeaker         *ncl_schedule_find_speaker   (NclSchedule *self,
                                                 const char  *name);
const char * const *ncl_schedule_get_problems   (NclSchedule *self);
void                ncl_schedule_add_problem    (NclSchedule *self,
                                                 const char  *problem);

void                ncl_schedule_update_from    (NclSchedule *self,
                                                 NclSchedule *other);

G_END_DECLS
