/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void  ncl_link_button_update         (GtkButton        *button,
                                      AdwButtonContent *content,
                                      const char       *action_name,
                                      const char       *uri,
                                      const char       *label,
                                      const char       *missing_label,
                                      const char       *accessible_label,
                                      const char       *missing_tooltip,
                                      const char       *invalid_reason);

char *ncl_link_button_video_problem  (const char       *video_url);

void  ncl_button_set_accessible_name (GtkWidget  *button,
                                     const char *name);

G_END_DECLS
