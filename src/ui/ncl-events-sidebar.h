/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ncl-source.h"

G_BEGIN_DECLS

#define NCL_TYPE_EVENTS_SIDEBAR (ncl_events_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (NclEventsSidebar, ncl_events_sidebar, NCL, EVENTS_SIDEBAR, GtkBox)

GtkWidget *ncl_events_sidebar_new         (void);
void       ncl_events_sidebar_set_sources (NclEventsSidebar *self,
                                           GListModel       *sources);
void       ncl_events_sidebar_select      (NclEventsSidebar *self,
                                           NclSource        *source);
GtkWidget *ncl_events_sidebar_get_list    (NclEventsSidebar *self);
gboolean   ncl_events_sidebar_focus_selected (NclEventsSidebar *self);

G_END_DECLS
