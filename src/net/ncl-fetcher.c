/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>

#include "ncl-fetcher.h"
#include "ncl-net.h"

/*
 * Downloads for the whole app go through one fetcher, so connections are
 * shared and there is one place that decides what a download may do. The
 * part that talks HTTP is libncl-net.so (src/net/), loaded on the first
 * download so that start-up does not link libsoup; the cache lookups of
 * saved copies never load it.
 *
 * - Redirects are followed by the module, not by libsoup, so that every
 *   hop can be checked: at most NCL_FETCH_MAX_REDIRECTS, and only to http
 *   or https.
 * - The body is read in chunks and counted as it arrives, after
 *   decompression: a lying Content-Length or a gzip bomb stops at the
 *   limit instead of filling memory.
 * - A deadline covers each wait (connecting, the response headers, each
 *   read), so a server that trickles bytes cannot hold a download forever;
 *   the whole download may take four times as long.
 * - The cache is read here (conditional requests) but written only when
 *   the caller says the bytes were good (ncl_fetcher_store()): a broken
 *   download never replaces a good copy.
 */

#define MAX_TIMEOUT 3600

G_DEFINE_QUARK (ncl-fetch-error-quark, ncl_fetch_error)

struct _NclFetchResult
{
  gatomicrefcount ref_count;

  GBytes *bytes;
  char *requested_uri;
  char *uri;
  char *content_type;
  char *etag;
  char *last_modified;
  GDateTime *saved_at;
  guint not_modified : 1;
  guint from_cache : 1;
};

G_DEFINE_BOXED_TYPE (NclFetchResult, ncl_fetch_result, ncl_fetch_result_ref, ncl_fetch_result_unref)

struct _NclFetcher
{
  GObject parent_instance;

  NclCache *cache;
  GObject *session;
  guint timeout;
  char *user_agent;
};

G_DEFINE_FINAL_TYPE (NclFetcher, ncl_fetcher, G_TYPE_OBJECT)

static GObject *get_session (NclFetcher   *self,
                             GError      **error);

/* Loaded on the first download; resident from then on. */
static const NclNetModule *net_module;

enum {
  PROP_0,
  PROP_CACHE,
  PROP_TIMEOUT,
  PROP_USER_AGENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static NclFetchResult *
ncl_fetch_result_new (void)
{
  NclFetchResult *self = g_new0 (NclFetchResult, 1);

  g_atomic_ref_count_init (&self->ref_count);
  return self;
}

NclFetchResult *
ncl_fetch_result_ref (NclFetchResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ncl_fetch_result_unref (NclFetchResult *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->requested_uri, g_free);
  g_clear_pointer (&self->uri, g_free);
  g_clear_pointer (&self->content_type, g_free);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->last_modified, g_free);
  g_clear_pointer (&self->saved_at, g_date_time_unref);
  g_free (self);
}

GBytes *
ncl_fetch_result_get_bytes (NclFetchResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->bytes;
}

/* The address that was asked for: the one the result is cached under. */
const char *
ncl_fetch_result_get_requested_uri (NclFetchResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->requested_uri;
}

/* The address the bytes came from, after redirects: relative links in
 * them resolve against it. */
const char *
ncl_fetch_result_get_uri (NclFetchResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->uri;
}

/* The media type without parameters, in lower case ("text/html"). */
const char *
ncl_fetch_result_get_content_type (NclFetchResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->content_type;
}

const char *
ncl_fetch_result_get_etag (NclFetchResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->etag;
}

const char *
ncl_fetch_result_get_last_modified (NclFetchResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->last_modified;
}

/* TRUE when the server answered 304 to a conditional request: the bytes
 * are the cached ones, already parsed once, and need not be again. */
gboolean
ncl_fetch_result_get_not_modified (NclFetchResult *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->not_modified;
}

gboolean
ncl_fetch_result_get_from_cache (NclFetchResult *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->from_cache;
}

/**
 * ncl_fetch_result_get_saved_at:
 *
 * Returns: (nullable): when the cached bytes were downloaded, for results
 *   from the cache; %NULL for fresh downloads
 */
GDateTime *
ncl_fetch_result_get_saved_at (NclFetchResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->saved_at;
}

static NclFetchResult *
result_from_entry (const char    *requested_uri,
                   NclCacheEntry *entry)
{
  NclFetchResult *result = ncl_fetch_result_new ();

  result->bytes = g_bytes_ref (ncl_cache_entry_get_bytes (entry));
  result->requested_uri = g_strdup (requested_uri);
  result->uri = g_strdup (ncl_cache_entry_get_uri (entry));
  result->content_type = g_strdup (ncl_cache_entry_get_content_type (entry));
  result->etag = g_strdup (ncl_cache_entry_get_etag (entry));
  result->last_modified = g_strdup (ncl_cache_entry_get_last_modified (entry));
  result->saved_at = g_date_time_ref (ncl_cache_entry_get_saved_at (entry));
  result->from_cache = TRUE;

  return result;
}

static gboolean
is_web_scheme (const char *scheme)
{
  return scheme != NULL &&
         (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0);
}

typedef struct
{
  char *requested_uri;
  GUri *uri;
  NclFetchKind kind;
  NclCacheEntry *cached;
} FetchData;

static void
fetch_data_free (gpointer user_data)
{
  FetchData *data = user_data;

  g_clear_pointer (&data->requested_uri, g_free);
  g_clear_pointer (&data->uri, g_uri_unref);
  g_clear_pointer (&data->cached, ncl_cache_entry_unref);
  g_free (data);
}

static void
net_fetch_cb (GObject      *object,
              GAsyncResult *res,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  NclFetcher *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  GError *error = NULL;
  NclNetResponse *response;
  NclFetchResult *result;

  response = net_module->fetch_finish (object, res, &error);
  if (response == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (response->not_modified)
    {
      g_autoptr(GError) touch_error = NULL;

      if (!ncl_cache_touch (self->cache, data->requested_uri, &touch_error))
        g_debug ("Could not record that %s is still current: %s",
                 data->requested_uri, touch_error->message);

      result = result_from_entry (data->requested_uri, data->cached);
      result->not_modified = TRUE;
      g_clear_pointer (&result->uri, g_free);
      result->uri = g_steal_pointer (&response->uri);
    }
  else
    {
      result = ncl_fetch_result_new ();
      result->bytes = g_steal_pointer (&response->bytes);
      result->requested_uri = g_strdup (data->requested_uri);
      result->uri = g_steal_pointer (&response->uri);
      result->content_type = g_steal_pointer (&response->content_type);
      result->etag = g_steal_pointer (&response->etag);
      result->last_modified = g_steal_pointer (&response->last_modified);
    }

  net_module->response_free (response);
  g_task_return_pointer (task, result, (GDestroyNotify)ncl_fetch_result_unref);
}

static void
send (GTask *task)
{
  NclFetcher *self = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  GError *error = NULL;
  GObject *session;

  session = get_session (self, &error);
  if (session == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  net_module->fetch_async (session, data->uri, data->kind, self->timeout,
                           data->cached != NULL ? ncl_cache_entry_get_uri (data->cached) : NULL,
                           data->cached != NULL ? ncl_cache_entry_get_etag (data->cached) : NULL,
                           data->cached != NULL ? ncl_cache_entry_get_last_modified (data->cached) : NULL,
                           g_task_get_cancellable (task),
                           net_fetch_cb, task);
}

/* A file:// schedule is read, not downloaded: each refresh reads it again,
 * and the cache keeps its last good copy like a download's, so a file that
 * was moved or broken since still shows. Runs in a worker thread. */
static void
read_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  FetchData *data = task_data;
  g_autoptr(GFile) file = g_file_new_for_uri (data->requested_uri);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *shown = ncl_fetch_printable (path != NULL ? path : data->requested_uri);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  NclFetchResult *result;
  goffset limit = data->kind == NCL_FETCH_PICTURE ? NCL_FETCH_MAX_PICTURE_SIZE
                  : data->kind == NCL_FETCH_SCHEDULE ? NCL_FETCH_MAX_SCHEDULE_SIZE
                  : NCL_FETCH_MAX_DOCUMENT_SIZE;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_task_return_new_error (task, NCL_FETCH_ERROR, NCL_FETCH_ERROR_FILE,
                               _("“%s” is a folder, not a schedule"), shown);
      return;
    }
  if (info != NULL && g_file_info_get_size (info) > limit)
    {
      g_autofree char *actual = g_format_size (g_file_info_get_size (info));
      g_autofree char *allowed = g_format_size (limit);

      g_task_return_new_error (task, NCL_FETCH_ERROR, NCL_FETCH_ERROR_TOO_LARGE,
                               _("“%s” is %s, more than the %s allowed for a schedule"),
                               shown, actual, allowed);
      return;
    }
  if (info != NULL)
    bytes = g_file_load_bytes (file, cancellable, NULL, &error);

  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_task_return_new_error (task, NCL_FETCH_ERROR, NCL_FETCH_ERROR_FILE,
                                 _("“%s” does not exist (moved or deleted?)"), shown);
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        g_task_return_new_error (task, NCL_FETCH_ERROR, NCL_FETCH_ERROR_FILE,
                                 _("“%s” may not be read (permission denied)"), shown);
      else
        g_task_return_new_error (task, NCL_FETCH_ERROR, NCL_FETCH_ERROR_FILE,
                                 "%s", error->message);
      return;
    }

  result = ncl_fetch_result_new ();
  result->bytes = g_steal_pointer (&bytes);
  result->requested_uri = g_strdup (data->requested_uri);
  result->uri = g_strdup (data->requested_uri);
  result->content_type = g_content_type_guess (path, NULL, 0, NULL);
  g_task_return_pointer (task, result, (GDestroyNotify)ncl_fetch_result_unref);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *res,
           gpointer      user_data)
{
  GTask *task = user_data;
  FetchData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->cached = ncl_cache_lookup_finish (NCL_CACHE (object), res, &error);
  if (data->cached == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, error);
          g_object_unref (task);
          return;
        }

      /* A damaged or unreadable entry is downloaded again, like a missing
       * one; the reason is worth a line in the log. */
      if (!g_error_matches (error, NCL_CACHE_ERROR, NCL_CACHE_ERROR_NOT_FOUND))
        g_debug ("%s", error->message);
      g_clear_error (&error);
    }

  send (task);
}

/**
 * ncl_fetcher_fetch_async:
 * @uri: an http or https address
 * @kind: what is expected there, which decides the types and size allowed
 *
 * Downloads @uri, asking the server only for changes when the cache has a
 * copy. The cache is not written: once the caller has checked the bytes,
 * ncl_fetcher_store() keeps them. The first call loads the network module;
 * when it cannot be loaded, the download fails with %NCL_FETCH_ERROR_NETWORK.
 */
void
ncl_fetcher_fetch_async (NclFetcher          *self,
                         const char          *uri,
                         NclFetchKind         kind,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GUri) parsed = NULL;
  FetchData *data;

  g_return_if_fail (NCL_IS_FETCHER (self));
  g_return_if_fail (uri != NULL);
  g_return_if_fail (kind == NCL_FETCH_DOCUMENT || kind == NCL_FETCH_PICTURE ||
                    kind == NCL_FETCH_SCHEDULE);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ncl_fetcher_fetch_async);

  /* libsoup's SOUP_HTTP_URI_FLAGS, spelled out: the app does not link it. */
  parsed = g_uri_parse (uri,
                        G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED_PATH |
                        G_URI_FLAGS_ENCODED_QUERY | G_URI_FLAGS_ENCODED_FRAGMENT |
                        G_URI_FLAGS_SCHEME_NORMALIZE,
                        NULL);
  if (parsed != NULL && g_ascii_strcasecmp (g_uri_get_scheme (parsed), "file") == 0 &&
      kind == NCL_FETCH_SCHEDULE)
    {
      data = g_new0 (FetchData, 1);
      data->requested_uri = g_strdup (uri);
      data->kind = kind;
      g_task_set_task_data (task, data, fetch_data_free);
      g_task_run_in_thread (task, read_file_thread);
      return;
    }

  if (parsed == NULL || !is_web_scheme (g_uri_get_scheme (parsed)) ||
      g_uri_get_host (parsed) == NULL || g_uri_get_host (parsed)[0] == '\0')
    {
      g_autofree char *shown = ncl_fetch_printable (uri);

      g_task_return_new_error (task, NCL_FETCH_ERROR, NCL_FETCH_ERROR_INVALID_URI,
                               _("“%s” is not a web address (http or https)"), shown);
      return;
    }

  data = g_new0 (FetchData, 1);
  data->requested_uri = g_strdup (uri);
  data->uri = g_steal_pointer (&parsed);
  data->kind = kind;
  g_task_set_task_data (task, data, fetch_data_free);

  /* The callbacks own the task from here on. */
  if (self->cache != NULL)
    ncl_cache_lookup_async (self->cache, data->requested_uri, cancellable,
                            lookup_cb, g_steal_pointer (&task));
  else
    send (g_steal_pointer (&task));
}


/**
 * ncl_fetcher_fetch_finish:
 *
 * Returns: (transfer full): the download, or %NULL with an
 *   %NCL_FETCH_ERROR, or %G_IO_ERROR_CANCELLED
 */
NclFetchResult *
ncl_fetcher_fetch_finish (NclFetcher    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (NCL_IS_FETCHER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ncl_fetcher_store:
 * @result: a download the caller has checked (parsed) successfully
 *
 * Keeps @result in the cache, to be shown offline and to make the next
 * request conditional. Results that came from the cache are already there.
 */
gboolean
ncl_fetcher_store (NclFetcher      *self,
                   NclFetchResult  *result,
                   GError         **error)
{
  g_return_val_if_fail (NCL_IS_FETCHER (self), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->cache == NULL || result->from_cache)
    return TRUE;

  return ncl_cache_store (self->cache,
                          result->requested_uri,
                          result->uri,
                          result->bytes,
                          result->content_type,
                          result->etag,
                          result->last_modified,
                          error);
}

/**
 * ncl_fetcher_lookup_cached:
 *
 * The last good copy of @uri, without touching the network: for working
 * offline, and to show something (with its date) while a download runs or
 * after it failed.
 *
 * Returns: (transfer full) (nullable): a result with from-cache set, or
 *   %NULL with an %NCL_CACHE_ERROR
 */
NclFetchResult *
ncl_fetcher_lookup_cached (NclFetcher  *self,
                           const char  *uri,
                           GError     **error)
{
  g_autoptr(NclCacheEntry) entry = NULL;

  g_return_val_if_fail (NCL_IS_FETCHER (self), NULL);
  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->cache == NULL)
    {
      g_set_error (error, NCL_CACHE_ERROR, NCL_CACHE_ERROR_NOT_FOUND,
                   _("Nothing is cached for %s"), uri);
      return NULL;
    }

  entry = ncl_cache_lookup (self->cache, uri, error);
  if (entry == NULL)
    return NULL;

  return result_from_entry (uri, entry);
}

static char *
default_user_agent (void)
{
  return g_strdup ("ConnectLive/" PACKAGE_VERSION " (+https://nats.io/nats_connect/)");
}

static void
ncl_fetcher_dispose (GObject *object)
{
  NclFetcher *self = (NclFetcher *)object;

  if (self->session != NULL)
    net_module->session_abort (self->session);
  g_clear_object (&self->session);
  g_clear_object (&self->cache);

  G_OBJECT_CLASS (ncl_fetcher_parent_class)->dispose (object);
}

static void
ncl_fetcher_finalize (GObject *object)
{
  NclFetcher *self = (NclFetcher *)object;

  g_clear_pointer (&self->user_agent, g_free);

  G_OBJECT_CLASS (ncl_fetcher_parent_class)->finalize (object);
}

static void
ncl_fetcher_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  NclFetcher *self = NCL_FETCHER (object);

  switch (prop_id)
    {
    case PROP_CACHE:
      g_value_set_object (value, self->cache);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    case PROP_USER_AGENT:
      g_value_set_string (value, self->user_agent);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_fetcher_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  NclFetcher *self = NCL_FETCHER (object);

  switch (prop_id)
    {
    case PROP_CACHE:
      self->cache = g_value_dup_object (value);
      break;
    case PROP_TIMEOUT:
      ncl_fetcher_set_timeout (self, g_value_get_uint (value));
      break;
    case PROP_USER_AGENT:
      ncl_fetcher_set_user_agent (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_fetcher_class_init (NclFetcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ncl_fetcher_dispose;
  object_class->finalize = ncl_fetcher_finalize;
  object_class->get_property = ncl_fetcher_get_property;
  object_class->set_property = ncl_fetcher_set_property;

  properties[PROP_CACHE] =
    g_param_spec_object ("cache", NULL, NULL,
                         NCL_TYPE_CACHE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * NclFetcher:timeout:
   *
   * Seconds to wait for a connection, for the response headers and for
   * each read of the body. A whole download may take four times as long.
   */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL,
                       1, MAX_TIMEOUT, NCL_FETCH_DEFAULT_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_USER_AGENT] =
    g_param_spec_string ("user-agent", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ncl_fetcher_init (NclFetcher *self)
{
  self->timeout = NCL_FETCH_DEFAULT_TIMEOUT;
  self->user_agent = default_user_agent ();

}

static const NclNetModule *
load_net_module (GError **error)
{
  g_autofree char *path = NULL;
  const char *dir;
  GModule *module;
  NclNetModuleGetFunc get_module = NULL;
  const NclNetModule *loaded;

  if (net_module != NULL)
    return net_module;

  dir = g_getenv ("NCL_NET_MODULE_DIR");
  if (dir == NULL || dir[0] == '\0')
    dir = NET_MODULE_DIR;

  path = g_module_build_path (dir, "ncl-net");
  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      g_set_error (error, NCL_FETCH_ERROR, NCL_FETCH_ERROR_NETWORK,
                   /* Translators: the first %s is a file, the second a technical
                    * reason from the system */
                   _("The network module %s could not be loaded: %s"),
                   path, g_module_error ());
      return NULL;
    }

  if (!g_module_symbol (module, "ncl_net_module_get", (gpointer *)&get_module) ||
      get_module == NULL ||
      (loaded = get_module ()) == NULL ||
      loaded->version != NCL_NET_MODULE_VERSION)
    {
      g_set_error (error, NCL_FETCH_ERROR, NCL_FETCH_ERROR_NETWORK,
                   _("The network module %s could not be loaded: %s"),
                   path, get_module == NULL ? g_module_error () : _("wrong version"));
      g_module_close (module);
      return NULL;
    }

  /* libsoup registers types, which cannot be unregistered: the module
   * stays for good. */
  g_module_make_resident (module);
  net_module = loaded;

  return net_module;
}

/* Made on the first request, not with the fetcher: loading the module
 * brings in libsoup, and a session the TLS backend, which the app's first
 * frame has no use for. */
static GObject *
get_session (NclFetcher  *self,
             GError     **error)
{
  if (self->session != NULL)
    return self->session;

  if (load_net_module (error) == NULL)
    return NULL;

  self->session = net_module->session_new (self->timeout, self->user_agent);

  return self->session;
}

/**
 * ncl_fetcher_new:
 * @cache: (nullable): where downloads are kept; %NULL for none
 */
NclFetcher *
ncl_fetcher_new (NclCache *cache)
{
  g_return_val_if_fail (cache == NULL || NCL_IS_CACHE (cache), NULL);

  return g_object_new (NCL_TYPE_FETCHER, "cache", cache, NULL);
}

NclCache *
ncl_fetcher_get_cache (NclFetcher *self)
{
  g_return_val_if_fail (NCL_IS_FETCHER (self), NULL);

  return self->cache;
}

guint
ncl_fetcher_get_timeout (NclFetcher *self)
{
  g_return_val_if_fail (NCL_IS_FETCHER (self), 0);

  return self->timeout;
}

/* Applies to downloads started afterwards. */
void
ncl_fetcher_set_timeout (NclFetcher *self,
                         guint       timeout)
{
  g_return_if_fail (NCL_IS_FETCHER (self));
  g_return_if_fail (timeout >= 1 && timeout <= MAX_TIMEOUT);

  if (self->timeout == timeout)
    return;

  self->timeout = timeout;
  if (self->session != NULL)
    net_module->session_set_timeout (self->session, timeout);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

const char *
ncl_fetcher_get_user_agent (NclFetcher *self)
{
  g_return_val_if_fail (NCL_IS_FETCHER (self), NULL);

  return self->user_agent;
}

/**
 * ncl_fetcher_set_user_agent:
 * @user_agent: (nullable): the User-Agent header; %NULL for the app's own
 */
void
ncl_fetcher_set_user_agent (NclFetcher *self,
                            const char *user_agent)
{
  g_autofree char *fallback = NULL;

  g_return_if_fail (NCL_IS_FETCHER (self));

  if (user_agent == NULL)
    user_agent = fallback = default_user_agent ();

  if (g_strcmp0 (self->user_agent, user_agent) == 0)
    return;

  g_free (self->user_agent);
  self->user_agent = g_strdup (user_agent);

  if (self->session != NULL)
    net_module->session_set_user_agent (self->session, self->user_agent);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER_AGENT]);
}
