/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define NCL_TYPE_QUERY (ncl_query_get_type ())

typedef struct _NclQuery NclQuery;

GType               ncl_query_get_type  (void) G_GNUC_CONST;
NclQuery           *ncl_query_new       (const char     *text);
NclQuery           *ncl_query_ref       (NclQuery       *self);
void                ncl_query_unref     (NclQuery       *self);
const char         *ncl_query_get_text  (const NclQuery *self);
const char * const *ncl_query_get_words (const NclQuery *self);
gboolean            ncl_query_is_empty  (const NclQuery *self);
gboolean            ncl_query_matches   (const NclQuery *self,
                                         const char     *folded_text);
gboolean            ncl_query_narrows   (const NclQuery *self,
                                         const NclQuery *other);
gboolean            ncl_query_equal     (const NclQuery *self,
                                         const NclQuery *other);

char               *ncl_query_join      (const char     *first,
                                         ...) G_GNUC_NULL_TERMINATED;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NclQuery, ncl_query_unref)

G_END_DECLS
