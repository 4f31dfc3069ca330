/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDateTime  *ncl_time_to_local       (GDateTime *event_time);
GDateTime  *ncl_time_to_zone        (GDateTime *event_time,
                                     GTimeZone *zone);
char       *ncl_time_format_clock   (GDateTime *time);
const char *ncl_time_get_zone_label (GDateTime *time);
char       *ncl_time_format_day     (GDateTime *time);
gboolean    ncl_time_same_day       (GDateTime *time,
                                     GDateTime *other);
char       *ncl_time_format_in_zone (GDateTime *event_time,
                                     GTimeZone *zone);

G_END_DECLS
