/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ncl-types.h"

G_BEGIN_DECLS

#define NCL_TYPE_SESSION_GROUP (ncl_session_group_get_type ())

G_DECLARE_DERIVABLE_TYPE (NclSessionGroup, ncl_session_group, NCL, SESSION_GROUP, GObject)

struct _NclSessionGroupClass
{
  GObjectClass parent_class;
};

const char *ncl_session_group_get_name     (NclSessionGroup *self);
GListModel *ncl_session_group_get_sessions (NclSessionGroup *self);
void        ncl_session_group_set_sessions (NclSessionGroup *self,
                                            GPtrArray       *sessions);

#define NCL_TYPE_DAY (ncl_day_get_type ())
G_DECLARE_FINAL_TYPE (NclDay, ncl_day, NCL, DAY, NclSessionGroup)

#define NCL_TYPE_ROOM (ncl_room_get_type ())
G_DECLARE_FINAL_TYPE (NclRoom, ncl_room, NCL, ROOM, NclSessionGroup)

#define NCL_TYPE_TRACK (ncl_track_get_type ())
G_DECLARE_FINAL_TYPE (NclTrack, ncl_track, NCL, TRACK, NclSessionGroup)

NclDay     *ncl_day_new      (GDateTime  *date);
GDateTime  *ncl_day_get_date (NclDay     *self);
NclRoom    *ncl_room_new     (const char *name);
NclTrack   *ncl_track_new    (const char *name);

G_END_DECLS
