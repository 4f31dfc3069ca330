/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *ncl_fold              (const char *text);
gboolean  ncl_fold_names_match  (const char *name,
                                 const char *other);
gboolean  ncl_fold_name_in_text (const char *name,
                                 const char *text);
char     *ncl_fold_name_key     (const char *name);

G_END_DECLS
