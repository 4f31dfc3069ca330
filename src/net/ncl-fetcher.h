/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ncl-cache.h"
#include "ncl-fetch-types.h"

G_BEGIN_DECLS

#define NCL_TYPE_FETCH_RESULT (ncl_fetch_result_get_type ())

typedef struct _NclFetchResult NclFetchResult;

GType           ncl_fetch_result_get_type          (void) G_GNUC_CONST;
NclFetchResult *ncl_fetch_result_ref               (NclFetchResult *self);
void            ncl_fetch_result_unref             (NclFetchResult *self);
GBytes         *ncl_fetch_result_get_bytes         (NclFetchResult *self);
const char     *ncl_fetch_result_get_requested_uri (NclFetchResult *self);
const char     *ncl_fetch_result_get_uri           (NclFetchResult *self);
const char     *ncl_fetch_result_get_content_type  (NclFetchResult *self);
const char     *ncl_fetch_result_get_etag          (NclFetchResult *self);
const char     *ncl_fetch_result_get_last_modified (NclFetchResult *self);
gboolean        ncl_fetch_result_get_not_modified  (NclFetchResult *self);
gboolean        ncl_fetch_result_get_from_cache    (NclFetchResult *self);
GDateTime      *ncl_fetch_result_get_saved_at      (NclFetchResult *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NclFetchResult, ncl_fetch_result_unref)

#define NCL_TYPE_FETCHER (ncl_fetcher_get_type ())

G_DECLARE_FINAL_TYPE (NclFetcher, ncl_fetcher, NCL, FETCHER, GObject)

GQuark          ncl_fetch_error_quark       (void);
NclFetcher     *ncl_fetcher_new             (NclCache             *cache);
NclCache       *ncl_fetcher_get_cache       (NclFetcher           *self);
guint           ncl_fetcher_get_timeout     (NclFetcher           *self);
void            ncl_fetcher_set_timeout     (NclFetcher           *self,
                                             guint                 timeout);
const char     *ncl_fetcher_get_user_agent  (NclFetcher           *self);
void            ncl_fetcher_set_user_agent  (NclFetcher           *self,
                                             const char           *user_agent);
void            ncl_fetcher_fetch_async     (NclFetcher           *self,
                                             const char           *uri,
                                             NclFetchKind          kind,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
NclFetchResult *ncl_fetcher_fetch_finish    (NclFetcher           *self,
                                             GAsyncResult         *result,
                                             GError              **error);
gboolean        ncl_fetcher_store           (NclFetcher           *self,
                                             NclFetchResult       *result,
                                             GError              **error);
NclFetchResult *ncl_fetcher_lookup_cached   (NclFetcher           *self,
                                             const char           *uri,
                                             GError              **error);

G_END_DECLS
