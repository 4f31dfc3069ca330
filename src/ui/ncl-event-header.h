/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ncl-event-part.h"

G_BEGIN_DECLS

#define NCL_TYPE_EVENT_HEADER (ncl_event_header_get_type ())

G_DECLARE_FINAL_TYPE (NclEventHeader, ncl_event_header, NCL, EVENT_HEADER, GtkWidget)

GtkWidget    *ncl_event_header_new      (void);
NclEventPart *ncl_event_header_get_part (NclEventHeader *self);
void          ncl_event_header_set_part (NclEventHeader *self,
                                         NclEventPart   *part);

G_END_DECLS
