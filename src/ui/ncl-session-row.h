/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ncl-session.h"
#include "ncl-stars.h"
#include "ncl-highlight.h"

G_BEGIN_DECLS

#define NCL_TYPE_SESSION_ROW (ncl_session_row_get_type ())

G_DECLARE_FINAL_TYPE (NclSessionRow, ncl_session_row, NCL, SESSION_ROW, GtkWidget)

GtkWidget  *ncl_session_row_new                 (void);
NclSession *ncl_session_row_get_session         (NclSessionRow *self);
void        ncl_session_row_set_session         (NclSessionRow *self,
                                                 NclSession    *session);
NclHighlight    *ncl_session_row_get_highlight            (NclSessionRow *self);
gboolean    ncl_session_row_get_show_event_time (NclSessionRow *self);
void        ncl_session_row_set_show_event_time (NclSessionRow *self,
                                                 gboolean       show_event_time);

void        ncl_session_row_set_stars           (NclSessionRow *self,
                                                 NclStars      *stars);
void        ncl_session_row_set_overlaps        (NclSessionRow *self,
                                                 GPtrArray     *overlaps);
void        ncl_session_row_toggle_star         (NclSessionRow *self);
void        ncl_session_row_open                (NclSessionRow *self,
                                                 gboolean       video);

G_END_DECLS
