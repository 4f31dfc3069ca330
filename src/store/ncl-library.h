/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ncl-source.h"

G_BEGIN_DECLS

#define NCL_TYPE_LIBRARY (ncl_library_get_type ())

G_DECLARE_FINAL_TYPE (NclLibrary, ncl_library, NCL, LIBRARY, GObject)

NclLibrary     *ncl_library_new                  (NclFetcher           *fetcher);
NclLibrary     *ncl_library_new_with_cache       (const char           *cache_dir);
NclSource      *ncl_library_get_built_in         (NclLibrary           *self);
const GError   *ncl_library_get_built_in_error   (NclLibrary           *self);
GListModel     *ncl_library_get_sources          (NclLibrary           *self);
NclSource      *ncl_library_add                  (NclLibrary           *self,
                                                  const char           *location);
void            ncl_library_insert               (NclLibrary           *self,
                                                  NclSource            *source,
                                                  guint                 position);
guint           ncl_library_remove               (NclLibrary           *self,
                                                  NclSource            *source);
GStrv           ncl_library_dup_locations        (NclLibrary           *self);
gboolean        ncl_library_get_offline          (NclLibrary           *self);
void            ncl_library_set_offline          (NclLibrary           *self,
                                                  gboolean              offline);
void            ncl_library_load_saved           (NclLibrary           *self);
void            ncl_library_refresh              (NclLibrary           *self);
void            ncl_library_refresh_stale        (NclLibrary           *self,
                                                  GTimeSpan             max_age);
void            ncl_library_fetch_picture_async  (NclLibrary           *self,
                                                  const char           *uri,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GBytes         *ncl_library_fetch_picture_finish (NclLibrary           *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

G_END_DECLS
