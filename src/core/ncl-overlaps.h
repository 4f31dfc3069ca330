/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ncl-types.h"

G_BEGIN_DECLS

GHashTable *ncl_overlaps_find (GPtrArray *sessions);

G_END_DECLS
