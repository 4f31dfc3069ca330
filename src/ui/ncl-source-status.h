/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ncl-store.h"

G_BEGIN_DECLS

char *ncl_source_status_format      (NclStoreState  state,
                                     gboolean       refreshing,
                                     GDateTime     *saved_at,
                                     GDateTime     *updated_at,
                                     GDateTime     *now);
char *ncl_source_status_dup_text    (NclStore      *store);
char *ncl_source_status_dup_problem (const GError  *error);

G_END_DECLS
