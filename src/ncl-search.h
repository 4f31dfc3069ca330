/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *ncl_search_fold        (const char         *text);
char     *ncl_search_join        (const char         *first,
                                  ...) G_GNUC_NULL_TERMINATED;
GStrv     ncl_search_split_query (const char         *text);
gboolean  ncl_search_matches     (const char         *folded_text,
                                  const char * const *words);

G_END_DECLS
