/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ncl-stars.h"
#include "ncl-library.h"
#include "ncl-highlight.h"

G_BEGIN_DECLS

#define NCL_TYPE_HIGHLIGHT_CARD (ncl_highlight_card_get_type ())

G_DECLARE_FINAL_TYPE (NclHighlightCard, ncl_highlight_card, NCL, HIGHLIGHT_CARD, GtkWidget)

GtkWidget    *ncl_highlight_card_new              (void);
NclHighlight *ncl_highlight_card_get_highlight    (NclHighlightCard *self);
void          ncl_highlight_card_set_highlight    (NclHighlightCard *self,
                                                   NclHighlight     *talk);
gboolean      ncl_highlight_card_get_folded       (NclHighlightCard *self);
void          ncl_highlight_card_focus_link       (NclHighlightCard *self,
                                                   gboolean          video);
void          ncl_highlight_card_set_n_highlights (NclHighlightCard *self,
                                                   guint             n_talks);
void          ncl_highlight_card_set_stars        (NclHighlightCard *self,
                                                   NclStars         *stars);
void          ncl_highlight_card_set_library        (NclHighlightCard *self,
                                                   NclLibrary       *library);
void          ncl_highlight_card_toggle_star      (NclHighlightCard *self);
void          ncl_highlight_card_open             (NclHighlightCard *self,
                                                   gboolean          video);

G_END_DECLS
