/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ncl-stars.h"

G_BEGIN_DECLS

#define NCL_TYPE_STAR_BUTTON (ncl_star_button_get_type ())

G_DECLARE_FINAL_TYPE (NclStarButton, ncl_star_button, NCL, STAR_BUTTON, GtkToggleButton)

GtkWidget *ncl_star_button_new       (void);
void       ncl_star_button_set_stars (NclStarButton      *self,
                                      NclStars           *stars);
void       ncl_star_button_set_item  (NclStarButton      *self,
                                      const char         *title,
                                      const char * const *ids);
void       ncl_star_button_toggle    (NclStarButton      *self);

G_END_DECLS
