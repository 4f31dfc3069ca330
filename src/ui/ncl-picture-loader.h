/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ncl-library.h"

G_BEGIN_DECLS

void        ncl_picture_loader_load_async  (NclLibrary           *library,
                                            const char           *uri,
                                            int                   width,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GdkTexture *ncl_picture_loader_load_finish (GAsyncResult         *result,
                                            GError              **error);

G_END_DECLS
