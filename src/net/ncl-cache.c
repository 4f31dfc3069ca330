/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ncl-cache.h"

/*
 * One file per entry, named by the SHA-256 of the address it was downloaded
 * from. A file is a fixed header followed by a serialized GVariant:
 *
 *   0  "NCLCACHE"            magic
 *   8  guint32 LE            format version
 *   12 guint32 LE            reserved, 0
 *   16 guint64 LE            payload size
 *   24 32 bytes              SHA-256 of the payload
 *   56 payload               (a{sv}ay) in little-endian GVariant form
 *
 * The checksum covers the metadata as well as the body, so a damaged file is
 * never half-believed. Files are replaced by writing a temporary file and
 * renaming it over the old one, so a reader (or an app killed mid-write)
 * sees either the old entry or the new one, never a mixture.
 *
 * The time the server last confirmed an entry is the file's modification
 * time: confirming a 10 MiB picture then costs one utimes() instead of a
 * rewrite.
 */

#define MAGIC "NCLCACHE"
#define MAGIC_SIZE 8
#define FORMAT_VERSION 1
#define DIGEST_SIZE 32
#define HEADER_SIZE (MAGIC_SIZE + 4 + 4 + 8 + DIGEST_SIZE)
#define PAYLOAD_TYPE "(a{sv}ay)"
#define ENTRY_SUFFIX ".entry"

G_STATIC_ASSERT (HEADER_SIZE % 8 == 0);

G_DEFINE_QUARK (ncl-cache-error-quark, ncl_cache_error)

struct _NclCacheEntry
{
  gatomicrefcount ref_count;

  GBytes *bytes;
  char *uri;
  char *content_type;
  char *etag;
  char *last_modified;
  GDateTime *saved_at;
  GDateTime *confirmed_at;
};

G_DEFINE_BOXED_TYPE (NclCacheEntry, ncl_cache_entry, ncl_cache_entry_ref, ncl_cache_entry_unref)

struct _NclCache
{
  GObject parent_instance;

  char *directory;
};

G_DEFINE_FINAL_TYPE (NclCache, ncl_cache, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DIRECTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

NclCacheEntry *
ncl_cache_entry_ref (NclCacheEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ncl_cache_entry_unref (NclCacheEntry *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->uri, g_free);
  g_clear_pointer (&self->content_type, g_free);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->last_modified, g_free);
  g_clear_pointer (&self->saved_at, g_date_time_unref);
  g_clear_pointer (&self->confirmed_at, g_date_time_unref);
  g_free (self);
}

/**
 * ncl_cache_entry_get_bytes:
 *
 * Returns: (transfer none): the body as it was downloaded
 */
GBytes *
ncl_cache_entry_get_bytes (NclCacheEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->bytes;
}

/* The address the body finally came from, after redirects. */
const char *
ncl_cache_entry_get_uri (NclCacheEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->uri;
}

const char *
ncl_cache_entry_get_content_type (NclCacheEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->content_type;
}

const char *
ncl_cache_entry_get_etag (NclCacheEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->etag;
}

const char *
ncl_cache_entry_get_last_modified (NclCacheEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->last_modified;
}

GDateTime *
ncl_cache_entry_get_saved_at (NclCacheEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->saved_at;
}

GDateTime *
ncl_cache_entry_get_confirmed_at (NclCacheEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->confirmed_at;
}

static void
ncl_cache_finalize (GObject *object)
{
  NclCache *self = (NclCache *)object;

  g_clear_pointer (&self->directory, g_free);

  G_OBJECT_CLASS (ncl_cache_parent_class)->finalize (object);
}

static void
ncl_cache_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  NclCache *self = NCL_CACHE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      g_value_set_string (value, self->directory);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_cache_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  NclCache *self = NCL_CACHE (object);

  switch (prop_id)
    {
    case PROP_DIRECTORY:
      self->directory = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_cache_class_init (NclCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ncl_cache_finalize;
  object_class->get_property = ncl_cache_get_property;
  object_class->set_property = ncl_cache_set_property;

  properties[PROP_DIRECTORY] =
    g_param_spec_string ("directory", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ncl_cache_init (NclCache *self)
{
}

/**
 * ncl_cache_new:
 * @directory: where the entries are kept; created on the first store
 *
 * The cache holds no state besides its directory, so lookups may run in
 * any thread.
 */
NclCache *
ncl_cache_new (const char *directory)
{
  g_return_val_if_fail (directory != NULL, NULL);

  return g_object_new (NCL_TYPE_CACHE, "directory", directory, NULL);
}

const char *
ncl_cache_get_directory (NclCache *self)
{
  g_return_val_if_fail (NCL_IS_CACHE (self), NULL);

  return self->directory;
}

/**
 * ncl_cache_get_path:
 *
 * Returns: (transfer full): the file that holds (or would hold) the entry
 *   for @uri
 */
char *
ncl_cache_get_path (NclCache   *self,
                    const char *uri)
{
  g_autofree char *digest = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (NCL_IS_CACHE (self), NULL);
  g_return_val_if_fail (uri != NULL, NULL);

  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
  name = g_strconcat (digest, ENTRY_SUFFIX, NULL);
  return g_build_filename (self->directory, name, NULL);
}

static void
compute_digest (const guint8 *data,
                gsize         size,
                guint8        digest[DIGEST_SIZE])
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize digest_size = DIGEST_SIZE;

  g_checksum_update (checksum, data, size);
  g_checksum_get_digest (checksum, digest, &digest_size);
  g_assert (digest_size == DIGEST_SIZE);
}

static gpointer
set_corrupt (GError     **error,
             const char  *uri,
             const char  *reason)
{
  g_set_error (error, NCL_CACHE_ERROR, NCL_CACHE_ERROR_CORRUPT,
               /* Translators: the second %s says what is wrong with the file */
               _("The cached copy of %s is damaged (%s) and will be downloaded again"),
               uri, reason);
  return NULL;
}

static char *
lookup_string (GVariantDict *dict,
               const char   *key)
{
  char *value = NULL;

  if (!g_variant_dict_lookup (dict, key, "s", &value))
    return NULL;

  return value;
}

/* Checks the header and the checksum, then reads the payload. The file's
 * bytes are untrusted: everything is checked before it is used. */
static NclCacheEntry *
parse_entry (GBytes      *contents,
             const char  *uri,
             GDateTime   *modified,
             GError     **error)
{
  g_autoptr(NclCacheEntry) entry = NULL;
  g_autoptr(GBytes) payload_bytes = NULL;
  g_autoptr(GVariant) payload = NULL;
  g_autoptr(GVariant) metadata = NULL;
  g_autoptr(GVariant) body = NULL;
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (NULL);
  g_autoptr(GDateTime) saved_seconds = NULL;
  g_autofree char *key = NULL;
  const guint8 *data;
  gsize size;
  guint32 version;
  guint64 payload_size;
  gint64 saved_usec;
  guint8 digest[DIGEST_SIZE];

  data = g_bytes_get_data (contents, &size);

  if (size < HEADER_SIZE || memcmp (data, MAGIC, MAGIC_SIZE) != 0)
    return set_corrupt (error, uri, _("not a cache file"));

  memcpy (&version, data + MAGIC_SIZE, sizeof version);
  version = GUINT32_FROM_LE (version);
  if (version != FORMAT_VERSION)
    return set_corrupt (error, uri, _("written by another version of the app"));

  memcpy (&payload_size, data + MAGIC_SIZE + 8, sizeof payload_size);
  payload_size = GUINT64_FROM_LE (payload_size);
  if (payload_size > size - HEADER_SIZE)
    return set_corrupt (error, uri, _("truncated"));
  if (payload_size < size - HEADER_SIZE)
    return set_corrupt (error, uri, _("longer than its header says"));

  compute_digest (data + HEADER_SIZE, payload_size, digest);
  if (memcmp (digest, data + MAGIC_SIZE + 16, DIGEST_SIZE) != 0)
    return set_corrupt (error, uri, _("checksum mismatch"));

  payload_bytes = g_bytes_new_from_bytes (contents, HEADER_SIZE, payload_size);
  payload = g_variant_new_from_bytes (G_VARIANT_TYPE (PAYLOAD_TYPE), payload_bytes, FALSE);
  if (G_BYTE_ORDER == G_BIG_ENDIAN)
    {
      GVariant *swapped = g_variant_byteswap (payload);

      g_variant_unref (payload);
      payload = swapped;
    }

  metadata = g_variant_get_child_value (payload, 0);
  body = g_variant_get_child_value (payload, 1);
  g_variant_dict_init (&dict, metadata);

  key = lookup_string (&dict, "key");
  if (g_strcmp0 (key, uri) != 0)
    return set_corrupt (error, uri, _("it belongs to another address"));

  if (!g_variant_dict_lookup (&dict, "saved-at", "x", &saved_usec))
    return set_corrupt (error, uri, _("the date it was saved is missing"));

  entry = g_new0 (NclCacheEntry, 1);
  g_atomic_ref_count_init (&entry->ref_count);
  /* A view into the file's bytes: the body is not copied again. */
  entry->bytes = g_variant_get_data_as_bytes (body);
  entry->uri = lookup_string (&dict, "uri");
  if (entry->uri == NULL)
    entry->uri = g_strdup (uri);
  entry->content_type = lookup_string (&dict, "content-type");
  entry->etag = lookup_string (&dict, "etag");
  entry->last_modified = lookup_string (&dict, "last-modified");
  saved_seconds = g_date_time_new_from_unix_utc (saved_usec / G_USEC_PER_SEC);
  if (saved_seconds == NULL)
    return set_corrupt (error, uri, _("the date it was saved is invalid"));
  entry->saved_at = g_date_time_add (saved_seconds, saved_usec % G_USEC_PER_SEC);

  /* A clock set back must not make an entry confirmed before it existed. */
  if (modified != NULL && g_date_time_compare (modified, entry->saved_at) > 0)
    entry->confirmed_at = g_date_time_ref (modified);
  else
    entry->confirmed_at = g_date_time_ref (entry->saved_at);

  return g_steal_pointer (&entry);
}

/**
 * ncl_cache_lookup:
 * @uri: the address the entry was stored under
 *
 * Reads the entry for @uri. Safe to call from any thread.
 *
 * Returns: (transfer full) (nullable): the entry, or %NULL with
 *   %NCL_CACHE_ERROR_NOT_FOUND when nothing is cached,
 *   %NCL_CACHE_ERROR_CORRUPT when the entry is damaged, or
 *   %NCL_CACHE_ERROR_FAILED when the file cannot be read
 */
NclCacheEntry *
ncl_cache_lookup (NclCache    *self,
                  const char  *uri,
                  GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree guint8 *data = NULL;
  g_autoptr(GBytes) contents = NULL;
  goffset size;
  gsize n_read = 0;

  g_return_val_if_fail (NCL_IS_CACHE (self), NULL);
  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = ncl_cache_get_path (self, uri);
  file = g_file_new_for_path (path);

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, NCL_CACHE_ERROR, NCL_CACHE_ERROR_NOT_FOUND,
                     _("Nothing is cached for %s"), uri);
      else
        g_set_error (error, NCL_CACHE_ERROR, NCL_CACHE_ERROR_FAILED,
                     _("Could not read the cached copy of %s: %s"), uri, local_error->message);
      return NULL;
    }

  /* Size and time of the open file, not of whatever the name points to
   * by now: a writer may rename a new entry into place meanwhile. */
  info = g_file_input_stream_query_info (stream,
                                         G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                         G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                         G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                         NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, NCL_CACHE_ERROR, NCL_CACHE_ERROR_FAILED,
                   _("Could not read the cached copy of %s: %s"), uri, local_error->message);
      return NULL;
    }

  size = g_file_info_get_size (info);
  if (size > NCL_CACHE_MAX_ENTRY_SIZE)
    return set_corrupt (error, uri, _("too large"));

  data = g_malloc (MAX (size, 1));
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), data, size, &n_read, NULL, &local_error))
    {
      g_set_error (error, NCL_CACHE_ERROR, NCL_CACHE_ERROR_FAILED,
                   _("Could not read the cached copy of %s: %s"), uri, local_error->message);
      return NULL;
    }

  contents = g_bytes_new_take (g_steal_pointer (&data), n_read);
  modified = g_file_info_get_modification_date_time (info);

  return parse_entry (contents, uri, modified, error);
}

static void
lookup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  NclCache *self = source_object;
  const char *uri = task_data;
  GError *error = NULL;
  NclCacheEntry *entry;

  entry = ncl_cache_lookup (self, uri, &error);
  if (entry == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, entry, (GDestroyNotify)ncl_cache_entry_unref);
}

/**
 * ncl_cache_lookup_async:
 *
 * Like ncl_cache_lookup(), in a worker thread: checking the checksum of a
 * 10 MiB picture takes long enough to drop frames.
 */
void
ncl_cache_lookup_async (NclCache            *self,
                        const char          *uri,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (NCL_IS_CACHE (self));
  g_return_if_fail (uri != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ncl_cache_lookup_async);
  g_task_set_task_data (task, g_strdup (uri), g_free);
  g_task_run_in_thread (task, lookup_thread);
}

NclCacheEntry *
ncl_cache_lookup_finish (NclCache      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (NCL_IS_CACHE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
add_string (GVariantBuilder *builder,
            const char      *key,
            const char      *value)
{
  if (value != NULL)
    g_variant_builder_add (builder, "{sv}", key, g_variant_new_string (value));
}

/* Strings from a server need not be UTF-8; a GVariant string must be. */
static char *
valid_or_null (const char *value)
{
  if (value == NULL)
    return NULL;

  return g_utf8_make_valid (value, -1);
}

/**
 * ncl_cache_store:
 * @uri: the address the entry is stored under (the one asked for)
 * @final_uri: (nullable): the address the body came from after redirects,
 *   or %NULL when it is @uri
 * @bytes: the body
 * @content_type: (nullable): its Content-Type
 * @etag: (nullable): its ETag, for If-None-Match
 * @last_modified: (nullable): its Last-Modified, for If-Modified-Since
 *
 * Replaces the entry for @uri atomically: readers, and a later start of an
 * app killed halfway, see the old entry or the new one in full.
 */
gboolean
ncl_cache_store (NclCache    *self,
                 const char  *uri,
                 const char  *final_uri,
                 GBytes      *bytes,
                 const char  *content_type,
                 const char  *etag,
                 const char  *last_modified,
                 GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *clean_type = valid_or_null (content_type);
  g_autofree char *clean_etag = valid_or_null (etag);
  g_autofree char *clean_modified = valid_or_null (last_modified);
  g_autofree guint8 *buffer = NULL;
  g_autoptr(GVariant) payload = NULL;
  g_autoptr(GError) local_error = NULL;
  GVariantBuilder metadata;
  GVariant *body;
  gsize payload_size;
  guint32 version = GUINT32_TO_LE (FORMAT_VERSION);
  guint64 size_le;

  g_return_val_if_fail (NCL_IS_CACHE (self), FALSE);
  g_return_val_if_fail (uri != NULL && g_utf8_validate (uri, -1, NULL), FALSE);
  g_return_val_if_fail (final_uri == NULL || g_utf8_validate (final_uri, -1, NULL), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_variant_builder_init (&metadata, G_VARIANT_TYPE_VARDICT);
  add_string (&metadata, "key", uri);
  add_string (&metadata, "uri", final_uri != NULL ? final_uri : uri);
  add_string (&metadata, "content-type", clean_type);
  add_string (&metadata, "etag", clean_etag);
  add_string (&metadata, "last-modified", clean_modified);
  g_variant_builder_add (&metadata, "{sv}", "saved-at",
                         g_variant_new_int64 (g_get_real_time ()));

  body = g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, bytes, TRUE);
  payload = g_variant_ref_sink (g_variant_new ("(a{sv}@ay)", &metadata, body));
  if (G_BYTE_ORDER == G_BIG_ENDIAN)
    {
      GVariant *swapped = g_variant_byteswap (payload);

      g_variant_unref (payload);
      payload = swapped;
    }

  /* Serialized straight behind the header: the body is copied once. */
  payload_size = g_variant_get_size (payload);
  if (payload_size > NCL_CACHE_MAX_ENTRY_SIZE - HEADER_SIZE)
    {
      g_autofree char *size = g_format_size_full (payload_size, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, NCL_CACHE_ERROR, NCL_CACHE_ERROR_FAILED,
                   _("%s is too large to be cached (%s)"), uri, size);
      return FALSE;
    }
  buffer = g_malloc (HEADER_SIZE + payload_size);
  g_variant_store (payload, buffer + HEADER_SIZE);

  size_le = GUINT64_TO_LE ((guint64)payload_size);
  memcpy (buffer, MAGIC, MAGIC_SIZE);
  memcpy (buffer + MAGIC_SIZE, &version, 4);
  memset (buffer + MAGIC_SIZE + 4, 0, 4);
  memcpy (buffer + MAGIC_SIZE + 8, &size_le, 8);
  compute_digest (buffer + HEADER_SIZE, payload_size, buffer + MAGIC_SIZE + 16);

  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, NCL_CACHE_ERROR, NCL_CACHE_ERROR_FAILED,
                   _("Could not create the cache folder %s: %s"),
                   self->directory, g_strerror (saved_errno));
      return FALSE;
    }

  /* Not g_file_replace_contents(): it writes a file that does not exist
   * yet in place, so an app killed during the first save would leave half
   * an entry under the real name. This always writes a temporary file and
   * renames it. */
  path = ncl_cache_get_path (self, uri);
  if (!g_file_set_contents_full (path, (const char *)buffer, HEADER_SIZE + payload_size,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, NCL_CACHE_ERROR, NCL_CACHE_ERROR_FAILED,
                   _("Could not save %s to the cache: %s"), uri, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * ncl_cache_touch:
 *
 * Records that the server has just confirmed the entry for @uri (it
 * answered 304 Not Modified).
 *
 * Returns: %FALSE with %NCL_CACHE_ERROR_NOT_FOUND when nothing is cached
 */
gboolean
ncl_cache_touch (NclCache    *self,
                 const char  *uri,
                 GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 now = g_get_real_time ();

  g_return_val_if_fail (NCL_IS_CACHE (self), FALSE);
  g_return_val_if_fail (uri != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = ncl_cache_get_path (self, uri);
  file = g_file_new_for_path (path);
  info = g_file_info_new ();
  /* Seconds and nanoseconds: GLib 2.74 drops time::modified-usec when
   * setting, and a second's resolution would hide a quick second start. */
  g_file_info_set_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED, now / G_USEC_PER_SEC);
  g_file_info_set_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_NSEC,
                                    (now % G_USEC_PER_SEC) * 1000);

  if (!g_file_set_attributes_from_info (file, info, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                        NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, NCL_CACHE_ERROR, NCL_CACHE_ERROR_NOT_FOUND,
                     _("Nothing is cached for %s"), uri);
      else
        g_set_error (error, NCL_CACHE_ERROR, NCL_CACHE_ERROR_FAILED,
                     _("Could not update the cached copy of %s: %s"), uri, local_error->message);
      return FALSE;
    }

  return TRUE;
}
