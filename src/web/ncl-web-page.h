/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NCL_TYPE_WEB_PAGE (ncl_web_page_get_type ())

G_DECLARE_FINAL_TYPE (NclWebPage, ncl_web_page, NCL, WEB_PAGE, GtkWidget)

GtkWidget  *ncl_web_page_new          (void);
void        ncl_web_page_open_uri     (NclWebPage *self,
                                       const char *uri,
                                       const char *title);
void        ncl_web_page_open_html    (NclWebPage *self,
                                       const char *html,
                                       const char *base_uri,
                                       const char *original_uri,
                                       const char *title,
                                       const char *open_label);
gboolean    ncl_web_page_open_video   (NclWebPage  *self,
                                       const char  *uri,
                                       guint        number,
                                       const char  *title,
                                       const char  *page_uri,
                                       GError     **error);
void        ncl_web_page_leave        (NclWebPage *self);
GtkWidget  *ncl_web_page_get_content  (NclWebPage *self);
const char *ncl_web_page_get_title    (NclWebPage *self);
const char *ncl_web_page_get_original_uri (NclWebPage *self);

G_END_DECLS
