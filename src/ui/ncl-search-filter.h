/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ncl-query.h"
#include "ncl-stars.h"

G_BEGIN_DECLS

#define NCL_TYPE_SEARCH_FILTER (ncl_search_filter_get_type ())

G_DECLARE_FINAL_TYPE (NclSearchFilter, ncl_search_filter, NCL, SEARCH_FILTER, GtkFilter)

NclSearchFilter *ncl_search_filter_new               (void);
NclQuery        *ncl_search_filter_get_query         (NclSearchFilter *self);
void             ncl_search_filter_set_text          (NclSearchFilter *self,
                                                      const char      *text);
gboolean         ncl_search_filter_get_starred_only  (NclSearchFilter *self);
void             ncl_search_filter_set_starred_only  (NclSearchFilter *self,
                                                      gboolean         starred_only);
NclStars        *ncl_search_filter_get_stars         (NclSearchFilter *self);
void             ncl_search_filter_set_stars         (NclSearchFilter *self,
                                                      NclStars        *stars);
gboolean         ncl_search_filter_is_active         (NclSearchFilter *self);
gboolean         ncl_search_filter_is_starred        (NclSearchFilter *self,
                                                      gpointer         item);
void             ncl_search_filter_describe_no_results (NclSearchFilter  *self,
                                                        char            **title,
                                                        char            **description);

G_END_DECLS
