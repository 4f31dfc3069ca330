/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ncl-event.h"
#include "ncl-library.h"
#include "ncl-web-page.h"

G_BEGIN_DECLS

#define NCL_TYPE_WINDOW (ncl_window_get_type ())

G_DECLARE_FINAL_TYPE (NclWindow, ncl_window, NCL, WINDOW, AdwApplicationWindow)

NclWindow *ncl_window_new         (GtkApplication *application);
NclEvent  *ncl_window_get_event   (NclWindow      *self);
void       ncl_window_set_event   (NclWindow      *self,
                                   NclEvent       *event);
void       ncl_window_show_error  (NclWindow      *self,
                                   const GError   *error);
void       ncl_window_set_library (NclWindow      *self,
                                   NclLibrary     *library);
void        ncl_window_show_source          (NclWindow      *self,
                                             NclSource      *source);
NclSource  *ncl_window_get_source           (NclWindow      *self);
void        ncl_window_add_event            (NclWindow      *self,
                                             const char     *location);
NclWebPage *ncl_window_get_web_page         (NclWindow *self);
void        ncl_window_show_view            (NclWindow  *self,
                                             const char *name);
void        ncl_window_show_talk            (NclWindow  *self,
                                             guint       number);
void        ncl_window_set_refreshing       (NclWindow  *self,
                                             gboolean    refreshing);
void        ncl_window_set_status           (NclWindow  *self,
                                             const char *status);
void        ncl_window_add_toast            (NclWindow  *self,
                                             const char *message);
gboolean    ncl_window_get_showing_web_page (NclWindow *self);
void        ncl_window_search               (NclWindow  *self,
                                             const char *text);
void        ncl_window_show_session         (NclWindow  *self,
                                             NclSource  *source,
                                             NclSession *session);
void        ncl_window_show_speaker         (NclWindow  *self,
                                             NclSource  *source,
                                             NclSpeaker *speaker);

void            ncl_window_set_starred_only     (NclWindow    *self,
                                                 gboolean      starred_only);

G_END_DECLS
