/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ncl-highlight.h"

G_BEGIN_DECLS

#define NCL_TYPE_HIGHLIGHT_PICTURE (ncl_highlight_picture_get_type ())

G_DECLARE_FINAL_TYPE (NclHighlightPicture, ncl_highlight_picture, NCL, HIGHLIGHT_PICTURE, GtkWidget)

GtkWidget    *ncl_highlight_picture_new           (void);
NclHighlight *ncl_highlight_picture_get_highlight (NclHighlightPicture *self);
void          ncl_highlight_picture_set_highlight (NclHighlightPicture *self,
                                                   NclHighlight        *talk);
GdkPaintable *ncl_highlight_picture_get_paintable (NclHighlightPicture *self);
void          ncl_highlight_picture_set_paintable (NclHighlightPicture *self,
                                                   GdkPaintable        *paintable);

G_END_DECLS
