/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define NCL_TYPE_STARS (ncl_stars_get_type ())

G_DECLARE_FINAL_TYPE (NclStars, ncl_stars, NCL, STARS, GObject)

NclStars *ncl_stars_new         (GSettings          *settings);
gboolean  ncl_stars_contains    (NclStars           *self,
                                 const char * const *ids);
void      ncl_stars_set_starred (NclStars           *self,
                                 const char * const *ids,
                                 gboolean            starred);
guint     ncl_stars_get_n_stars (NclStars           *self);

G_END_DECLS
