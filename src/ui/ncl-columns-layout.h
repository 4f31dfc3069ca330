/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NCL_TYPE_COLUMNS_LAYOUT (ncl_columns_layout_get_type ())

G_DECLARE_FINAL_TYPE (NclColumnsLayout, ncl_columns_layout, NCL, COLUMNS_LAYOUT, GtkLayoutManager)

GtkLayoutManager *ncl_columns_layout_new                (void);
int               ncl_columns_layout_get_spacing        (NclColumnsLayout *self);
void              ncl_columns_layout_set_spacing        (NclColumnsLayout *self,
                                                         int               spacing);
int               ncl_columns_layout_get_fold_threshold (NclColumnsLayout *self);
void              ncl_columns_layout_set_fold_threshold (NclColumnsLayout *self,
                                                         int               threshold);
gboolean          ncl_columns_layout_get_folded         (NclColumnsLayout *self);

G_END_DECLS
