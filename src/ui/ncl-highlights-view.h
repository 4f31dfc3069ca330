/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ncl-event.h"
#include "ncl-search-filter.h"
#include "ncl-stars.h"
#include "ncl-library.h"
#include "ncl-highlight-card.h"

G_BEGIN_DECLS

#define NCL_TYPE_HIGHLIGHTS_VIEW (ncl_highlights_view_get_type ())

G_DECLARE_FINAL_TYPE (NclHighlightsView, ncl_highlights_view, NCL, HIGHLIGHTS_VIEW, GtkWidget)

GtkWidget  *ncl_highlights_view_new            (void);
NclEvent   *ncl_highlights_view_get_event      (NclHighlightsView *self);
void        ncl_highlights_view_set_event      (NclHighlightsView *self,
                                                NclEvent          *event);
void        ncl_highlights_view_set_filter     (NclHighlightsView *self,
                                                NclSearchFilter   *filter);
void        ncl_highlights_view_set_stars      (NclHighlightsView *self,
                                                NclStars          *stars);
void        ncl_highlights_view_set_library      (NclHighlightsView *self,
                                                NclLibrary        *library);
GListModel *ncl_highlights_view_get_results    (NclHighlightsView *self);
gboolean    ncl_highlights_view_get_has_cards  (NclHighlightsView *self);
void        ncl_highlights_view_reveal_all     (NclHighlightsView *self);
NclHighlightCard *ncl_highlights_view_find_card      (NclHighlightsView *self,
                                                guint              number);
void        ncl_highlights_view_show_talk      (NclHighlightsView *self,
                                                guint              number);
gboolean    ncl_highlights_view_focus_list     (NclHighlightsView *self);

G_END_DECLS
