/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ncl-types.h"

G_BEGIN_DECLS

NclSession *ncl_highlight_match_session (GListModel *sessions,
                                         const char *talk_title,
                                         const char *talk_description_text);
void        ncl_highlight_match_link    (GListModel *sessions,
                                         GListModel *talks);

G_END_DECLS
