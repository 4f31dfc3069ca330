/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ncl-fetch-types.h"

G_BEGIN_DECLS

/*
 * The contract between NclFetcher (in the app) and libncl-net.so, the
 * module that holds everything that touches libsoup. The app loads the
 * module on its first download, never at start-up: linking libsoup and
 * its dependencies cost 1.9 MiB of peak RSS and 2% of the first frame.
 *
 * The module exports one symbol, ncl_net_module_get(), which returns the
 * table below. It registers no GType of the app's own and calls nothing in
 * the app: the cache stays with the fetcher, which hands in the cached
 * copy's validators and turns the response into an NclFetchResult.
 * Errors are NCL_FETCH_ERROR (the same quark, by name) or
 * G_IO_ERROR_CANCELLED.
 *
 * A session is a GObject (the app keeps a reference and unrefs it), made
 * with session_new() and aborted with session_abort().
 */

#define NCL_NET_MODULE_VERSION 1

typedef struct
{
  char *uri;           /* after redirects */
  GBytes *bytes;       /* NULL when not_modified */
  char *content_type;  /* without parameters, lower case */
  char *etag;
  char *last_modified;
  gboolean not_modified;
} NclNetResponse;

typedef struct
{
  guint version;

  GObject        *(*session_new)            (guint                timeout,
                                             const char          *user_agent);
  void            (*session_abort)          (GObject             *session);
  void            (*session_set_timeout)    (GObject             *session,
                                             guint                timeout);
  void            (*session_set_user_agent) (GObject             *session,
                                             const char          *user_agent);

  /* @uri: an http or https address, already checked by the fetcher.
   * @cached_uri, @etag, @last_modified: the cached copy's source and
   * validators, sent only to that address; all %NULL for no copy. */
  void            (*fetch_async)            (GObject             *session,
                                             GUri                *uri,
                                             NclFetchKind         kind,
                                             guint                timeout,
                                             const char          *cached_uri,
                                             const char          *etag,
                                             const char          *last_modified,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
  NclNetResponse *(*fetch_finish)           (GObject             *session,
                                             GAsyncResult        *result,
                                             GError             **error);
  void            (*response_free)          (NclNetResponse      *response);
} NclNetModule;

typedef const NclNetModule *(*NclNetModuleGetFunc) (void);

G_END_DECLS
