/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ncl-event.h"
#include "ncl-schedule.h"

G_BEGIN_DECLS

/* The fetcher is the network layer's; those who make a store with their
 * own (the tests) include ncl-fetcher.h, the rest never see it. */
typedef struct _NclFetcher NclFetcher;

/**
 * NclStoreSource:
 * @NCL_STORE_SOURCE_BUILT_IN: the post built into the app
 * @NCL_STORE_SOURCE_SAVED: the copy saved by an earlier run
 * @NCL_STORE_SOURCE_UPDATED: fetched (or confirmed unchanged) in this run
 */
typedef enum
{
  NCL_STORE_SOURCE_BUILT_IN,
  NCL_STORE_SOURCE_SAVED,
  NCL_STORE_SOURCE_UPDATED,
} NclStoreSource;

#define NCL_TYPE_STORE (ncl_store_get_type ())

G_DECLARE_FINAL_TYPE (NclStore, ncl_store, NCL, STORE, GObject)

NclStore       *ncl_store_new                (NclFetcher           *fetcher,
                                              const char           *post_url,
                                              const char           *schedule_url);
NclStore       *ncl_store_new_with_cache     (const char           *cache_dir,
                                              const char           *post_url,
                                              const char           *schedule_url);
NclEvent       *ncl_store_get_event          (NclStore             *self);
NclSchedule    *ncl_store_get_schedule       (NclStore             *self);
gboolean        ncl_store_get_refreshing     (NclStore             *self);
gboolean        ncl_store_get_offline        (NclStore             *self);
void            ncl_store_set_offline        (NclStore             *self,
                                              gboolean              offline);
NclStoreSource  ncl_store_get_source         (NclStore             *self);
char           *ncl_store_dup_status         (NclStore             *self);
gboolean        ncl_store_load_built_in      (NclStore             *self,
                                              GError              **error);
void            ncl_store_load_saved         (NclStore             *self);
void            ncl_store_refresh            (NclStore             *self);
void            ncl_store_fetch_picture_async  (NclStore             *self,
                                                const char           *uri,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GBytes         *ncl_store_fetch_picture_finish (NclStore             *self,
                                                GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
