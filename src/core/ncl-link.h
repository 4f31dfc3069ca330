/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  NCL_LINK_OTHER,
  NCL_LINK_SLIDES,
  NCL_LINK_VIDEO,
} NclLinkKind;

NclLinkKind  ncl_link_classify    (const char *uri);
char        *ncl_link_resolve     (const char *base_uri,
                                   const char *reference);
gboolean     ncl_link_is_safe     (const char *uri);

G_END_DECLS
