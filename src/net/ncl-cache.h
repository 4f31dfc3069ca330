/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define NCL_CACHE_ERROR (ncl_cache_error_quark ())

/**
 * NclCacheError:
 * @NCL_CACHE_ERROR_NOT_FOUND: nothing is cached for the address
 * @NCL_CACHE_ERROR_CORRUPT: the entry is damaged (truncated, not a cache
 *   file, checksum mismatch); callers treat it as absent
 * @NCL_CACHE_ERROR_FAILED: reading or writing the cache directory failed
 *
 * Both NOT_FOUND and CORRUPT mean "nothing usable is cached": the caller
 * downloads again, and may log a CORRUPT error.
 */
typedef enum
{
  NCL_CACHE_ERROR_NOT_FOUND,
  NCL_CACHE_ERROR_CORRUPT,
  NCL_CACHE_ERROR_FAILED,
} NclCacheError;

/* No entry the app writes comes close (downloads stop at 10 MiB); a larger
 * file in the cache directory is not ours, and is not read into memory. */
#define NCL_CACHE_MAX_ENTRY_SIZE (64 * 1024 * 1024)

#define NCL_TYPE_CACHE_ENTRY (ncl_cache_entry_get_type ())

typedef struct _NclCacheEntry NclCacheEntry;

GType          ncl_cache_entry_get_type          (void) G_GNUC_CONST;
NclCacheEntry *ncl_cache_entry_ref               (NclCacheEntry *self);
void           ncl_cache_entry_unref             (NclCacheEntry *self);
GBytes        *ncl_cache_entry_get_bytes         (NclCacheEntry *self);
const char    *ncl_cache_entry_get_uri           (NclCacheEntry *self);
const char    *ncl_cache_entry_get_content_type  (NclCacheEntry *self);
const char    *ncl_cache_entry_get_etag          (NclCacheEntry *self);
const char    *ncl_cache_entry_get_last_modified (NclCacheEntry *self);
GDateTime     *ncl_cache_entry_get_saved_at      (NclCacheEntry *self);
GDateTime     *ncl_cache_entry_get_confirmed_at  (NclCacheEntry *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NclCacheEntry, ncl_cache_entry_unref)

#define NCL_TYPE_CACHE (ncl_cache_get_type ())

G_DECLARE_FINAL_TYPE (NclCache, ncl_cache, NCL, CACHE, GObject)

GQuark         ncl_cache_error_quark   (void);
NclCache      *ncl_cache_new           (const char           *directory);
const char    *ncl_cache_get_directory (NclCache             *self);
NclCacheEntry *ncl_cache_lookup        (NclCache             *self,
                                        const char           *uri,
                                        GError              **error);
void           ncl_cache_lookup_async  (NclCache             *self,
                                        const char           *uri,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
NclCacheEntry *ncl_cache_lookup_finish (NclCache             *self,
                                        GAsyncResult         *result,
                                        GError              **error);
gboolean       ncl_cache_store         (NclCache             *self,
                                        const char           *uri,
                                        const char           *final_uri,
                                        GBytes               *bytes,
                                        const char           *content_type,
                                        const char           *etag,
                                        const char           *last_modified,
                                        GError              **error);
gboolean       ncl_cache_touch         (NclCache             *self,
                                        const char           *uri,
                                        GError              **error);
char          *ncl_cache_get_path      (NclCache             *self,
                                        const char           *uri);

G_END_DECLS
