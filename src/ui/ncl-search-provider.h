/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ncl-library.h"

G_BEGIN_DECLS

#define NCL_TYPE_SEARCH_PROVIDER (ncl_search_provider_get_type ())

G_DECLARE_FINAL_TYPE (NclSearchProvider, ncl_search_provider, NCL, SEARCH_PROVIDER, GObject)

/**
 * NclSearchProviderLibraryFunc:
 * @user_data: the data given to ncl_search_provider_new()
 *
 * Gives the library to search, its saved events loaded; called on the
 * first search, which may come before any window.
 *
 * Returns: (transfer none) (nullable): the library, or %NULL when the
 *   app has no events to search
 */
typedef NclLibrary *(*NclSearchProviderLibraryFunc) (gpointer user_data);

NclSearchProvider *ncl_search_provider_new        (GApplication                 *app,
                                                   NclSearchProviderLibraryFunc  library_func,
                                                   gpointer                      user_data);
gboolean           ncl_search_provider_register   (NclSearchProvider            *self,
                                                   GDBusConnection              *connection,
                                                   const char                   *object_path,
                                                   GError                      **error);
void               ncl_search_provider_unregister (NclSearchProvider            *self);
GPtrArray         *ncl_search_provider_search     (NclSearchProvider            *self,
                                                   const char * const           *terms,
                                                   const char * const           *previous);

G_END_DECLS
