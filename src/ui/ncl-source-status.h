/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ncl-source.h"

G_BEGIN_DECLS

char *ncl_source_status_format      (NclSourceState  state,
                                     gboolean        refreshing,
                                     GDateTime      *saved_at,
                                     GDateTime      *updated_at,
                                     GDateTime      *now);
char *ncl_source_status_dup_text    (NclSource      *source);
char *ncl_source_status_dup_problem (const char     *document,
                                     const GError   *error);

G_END_DECLS
