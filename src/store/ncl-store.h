/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ncl-event.h"

G_BEGIN_DECLS

/* The fetcher is the network layer's; those who make a store with their
 * own (the tests) include ncl-fetcher.h, the rest never see it. */
typedef struct _NclFetcher NclFetcher;

#define NCL_STORE_ERROR (ncl_store_error_quark ())

/**
 * NclStoreError:
 * @NCL_STORE_ERROR_FETCH_FAILED: a document could not be downloaded
 * @NCL_STORE_ERROR_PARSE_FAILED: a downloaded document was refused
 * @NCL_STORE_ERROR_SAVE_FAILED: a good document could not be saved for
 *   the next start (the cache folder is read-only, full, or not a folder)
 *
 * The message names what failed and why; the one for a save is the
 * cache's, naming the file or folder.
 */
typedef enum
{
  NCL_STORE_ERROR_FETCH_FAILED,
  NCL_STORE_ERROR_PARSE_FAILED,
  NCL_STORE_ERROR_SAVE_FAILED,
} NclStoreError;

GQuark ncl_store_error_quark (void);

/**
 * NclStoreState:
 * @NCL_STORE_STATE_BUNDLED: the post built into the app
 * @NCL_STORE_STATE_SAVED: the copy saved by an earlier run (#NclStore:saved-at)
 * @NCL_STORE_STATE_FRESH: fetched (or confirmed unchanged) in this run
 *   (#NclStore:updated-at)
 *
 * Where the data on screen came from. Whether a refresh is running is
 * #NclStore:refreshing, beside it.
 */
typedef enum
{
  NCL_STORE_STATE_BUNDLED,
  NCL_STORE_STATE_SAVED,
  NCL_STORE_STATE_FRESH,
} NclStoreState;

#define NCL_TYPE_STORE_STATE (ncl_store_state_get_type ())

GType ncl_store_state_get_type (void);

#define NCL_TYPE_STORE (ncl_store_get_type ())

G_DECLARE_FINAL_TYPE (NclStore, ncl_store, NCL, STORE, GObject)

NclStore       *ncl_store_new                (NclFetcher           *fetcher,
                                              const char           *post_url,
                                              const char           *schedule_url);
NclStore       *ncl_store_new_with_cache     (const char           *cache_dir,
                                              const char           *post_url,
                                              const char           *schedule_url);
NclEvent         *ncl_store_get_event          (NclStore             *self);
gboolean        ncl_store_get_refreshing     (NclStore             *self);
gboolean        ncl_store_get_offline        (NclStore             *self);
void            ncl_store_set_offline        (NclStore             *self,
                                              gboolean              offline);
NclStoreState   ncl_store_get_state          (NclStore             *self);
GDateTime      *ncl_store_get_saved_at       (NclStore             *self);
GDateTime      *ncl_store_get_updated_at     (NclStore             *self);
const GError   *ncl_store_get_error          (NclStore             *self);
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
