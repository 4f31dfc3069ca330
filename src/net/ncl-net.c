/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>
#include <libsoup/soup.h>

#include "ncl-net.h"

/*
 * The download machinery behind NclFetcher, in a module of its own so that
 * the app links libsoup only once it downloads something (see ncl-net.h).
 * One SoupSession serves all downloads, so connections are shared:
 *
 * - Redirects are followed here, not by libsoup, so that every hop can be
 *   checked: at most NCL_FETCH_MAX_REDIRECTS, and only to http or https.
 * - The body is read in chunks and counted as it arrives, after
 *   decompression: a lying Content-Length or a gzip bomb stops at the
 *   limit instead of filling memory.
 * - A deadline covers each wait (connecting, the response headers, each
 *   read), so a server that trickles bytes cannot hold a download forever;
 *   the whole download may take TOTAL_TIME_FACTOR times as long.
 * - The cache stays with the fetcher: it hands in the cached copy's
 *   validators and gets back either a body or "not modified".
 */

#define READ_CHUNK_SIZE (64 * 1024)
#define TOTAL_TIME_FACTOR 4
#define MAX_TIMEOUT 3600

/* The same quark as the app's ncl_fetch_error_quark(): quarks are looked
 * up by name, and the module calls nothing in the app. */
static GQuark
net_fetch_error_quark (void)
{
  return g_quark_from_static_string ("ncl-fetch-error-quark");
}

#undef NCL_FETCH_ERROR
#define NCL_FETCH_ERROR (net_fetch_error_quark ())

static const char * const document_types[] = {
  "text/html",
  "text/plain",
  "text/markdown",
  "text/x-markdown",
  "application/xhtml+xml",
  /* schedules: Pentabarf/frab XML, frab/pretalx JSON, iCalendar */
  "application/xml",
  "text/xml",
  "application/json",
  "text/calendar",
  /* raw.githubusercontent.com and plain file servers */
  "application/octet-stream",
  NULL
};

static const char * const picture_types[] = {
  "image/png",
  "image/jpeg",
  "image/webp",
  "image/gif",
  NULL
};

typedef enum
{
  TIMED_OUT_NOT,
  TIMED_OUT_WAIT,
  TIMED_OUT_TOTAL,
} TimedOut;

typedef struct
{
  GUri *uri;
  NclFetchKind kind;
  guint timeout;
  guint redirects;

  char *cached_uri;
  char *etag;
  char *last_modified;
  gboolean sent_conditional;

  SoupMessage *msg;
  GInputStream *stream;
  char *content_type;
  gboolean reading_body;
  goffset expected_length;
  gsize limit;
  guint8 *buffer;
  gsize length;
  gsize allocated;

  /* Ours, cancelled by the caller's cancellable or by the deadline, so
   * that a timeout can be told from the caller giving up. */
  GCancellable *cancellable;
  GCancellable *caller_cancellable;
  gulong caller_cancelled_id;
  GSource *deadline_source;
  gint64 total_deadline;
  TimedOut timed_out;
} FetchData;

static void send_hop (GTask *task);

static void
fetch_data_free (gpointer user_data)
{
  FetchData *data = user_data;

  if (data->deadline_source != NULL)
    {
      g_source_destroy (data->deadline_source);
      g_clear_pointer (&data->deadline_source, g_source_unref);
    }
  if (data->caller_cancelled_id != 0)
    g_cancellable_disconnect (data->caller_cancellable, data->caller_cancelled_id);
  g_clear_object (&data->caller_cancellable);
  g_clear_object (&data->cancellable);
  g_clear_pointer (&data->uri, g_uri_unref);
  g_clear_pointer (&data->cached_uri, g_free);
  g_clear_pointer (&data->etag, g_free);
  g_clear_pointer (&data->last_modified, g_free);
  g_clear_object (&data->stream);
  g_clear_object (&data->msg);
  g_clear_pointer (&data->content_type, g_free);
  g_clear_pointer (&data->buffer, g_free);
  g_free (data);
}

static const char *
data_host (FetchData *data)
{
  return g_uri_get_host (data->uri);
}

static char *
data_uri_string (FetchData *data)
{
  return g_uri_to_string_partial (data->uri, G_URI_HIDE_USERINFO);
}

static char *
format_size (goffset size)
{
  return g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
}

/* Turns what libsoup and GIO report into an error a person can act on. */
static GError *
translate_error (FetchData *data,
                 GError    *error)
{
  const char *host = data_host (data);
  GError *translated = NULL;

  if (error->domain == NCL_FETCH_ERROR)
    return error;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (data->timed_out == TIMED_OUT_TOTAL)
        translated = g_error_new (NCL_FETCH_ERROR, NCL_FETCH_ERROR_TIMEOUT,
                                  ngettext ("The download from %s took longer than %u second",
                                            "The download from %s took longer than %u seconds",
                                            data->timeout * TOTAL_TIME_FACTOR),
                                  host, data->timeout * TOTAL_TIME_FACTOR);
      else if (data->timed_out == TIMED_OUT_WAIT && data->reading_body)
        translated = g_error_new (NCL_FETCH_ERROR, NCL_FETCH_ERROR_TIMEOUT,
                                  ngettext ("%s stopped sending for %u second",
                                            "%s stopped sending for %u seconds",
                                            data->timeout),
                                  host, data->timeout);
      else if (data->timed_out == TIMED_OUT_WAIT)
        translated = g_error_new (NCL_FETCH_ERROR, NCL_FETCH_ERROR_TIMEOUT,
                                  ngettext ("%s did not answer within %u second",
                                            "%s did not answer within %u seconds",
                                            data->timeout),
                                  host, data->timeout);
      else
        return error;
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      translated = g_error_new (NCL_FETCH_ERROR, NCL_FETCH_ERROR_TIMEOUT,
                                ngettext ("%s did not answer within %u second",
                                          "%s did not answer within %u seconds",
                                          data->timeout),
                                host, data->timeout);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    {
      translated = g_error_new (NCL_FETCH_ERROR, NCL_FETCH_ERROR_NETWORK,
                                _("The server at %s refused the connection"), host);
    }
  else if (error->domain == G_RESOLVER_ERROR)
    {
      translated = g_error_new (NCL_FETCH_ERROR, NCL_FETCH_ERROR_NETWORK,
                                _("Could not find the server %s: check the internet connection"),
                                host);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE))
    {
      translated = g_error_new (NCL_FETCH_ERROR, NCL_FETCH_ERROR_NETWORK,
                                _("%s cannot be reached: check the internet connection"),
                                host);
    }
  else if (error->domain == G_TLS_ERROR)
    {
      translated = g_error_new (NCL_FETCH_ERROR, NCL_FETCH_ERROR_TLS,
                                /* Translators: the second %s is the TLS library's reason */
                                _("%s could not prove that it is the real %s (%s); "
                                  "nothing was downloaded from it"),
                                host, host, error->message);
    }
  else if (data->reading_body &&
           (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
            g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
            g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE)))
    {
      g_autofree char *uri = data_uri_string (data);
      /* Formatted apart: xgettext cannot read G_GSIZE_FORMAT. */
      g_autofree char *count = g_strdup_printf ("%" G_GSIZE_FORMAT, data->length);

      translated = g_error_new (NCL_FETCH_ERROR, NCL_FETCH_ERROR_CUT_OFF,
                                /* Translators: the second %s is a number of bytes */
                                ngettext ("The download of %s was cut off after %s byte",
                                          "The download of %s was cut off after %s bytes",
                                          data->length),
                                uri, count);
    }
  else if (error->domain == SOUP_SESSION_ERROR)
    {
      translated = g_error_new (NCL_FETCH_ERROR, NCL_FETCH_ERROR_NETWORK,
                                _("%s sent an answer that could not be read (%s)"),
                                host, error->message);
    }
  else
    {
      translated = g_error_new (NCL_FETCH_ERROR, NCL_FETCH_ERROR_NETWORK,
                                _("Could not download from %s: %s"), host, error->message);
    }

  g_error_free (error);
  return translated;
}

static void
disarm_deadline (FetchData *data)
{
  if (data->deadline_source != NULL)
    {
      g_source_destroy (data->deadline_source);
      g_clear_pointer (&data->deadline_source, g_source_unref);
    }
}

static gboolean
deadline_cb (gpointer user_data)
{
  FetchData *data = user_data;

  data->timed_out = g_get_monotonic_time () >= data->total_deadline
                    ? TIMED_OUT_TOTAL : TIMED_OUT_WAIT;
  g_clear_pointer (&data->deadline_source, g_source_unref);
  g_cancellable_cancel (data->cancellable);

  return G_SOURCE_REMOVE;
}

/* Each wait gets the full timeout, but never beyond the whole download's. */
static void
arm_deadline (FetchData *data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 fire_at = MIN (now + (gint64)data->timeout * G_USEC_PER_SEC, data->total_deadline);

  disarm_deadline (data);
  data->deadline_source = g_timeout_source_new (MAX (fire_at - now, 0) / 1000);
  g_source_set_callback (data->deadline_source, deadline_cb, data, NULL);
  g_source_set_static_name (data->deadline_source, "[ncl] download deadline");
  g_source_attach (data->deadline_source, g_main_context_get_thread_default ());
}

static void
return_error (GTask  *task,
              GError *error)
{
  FetchData *data = g_task_get_task_data (task);

  disarm_deadline (data);
  g_task_return_error (task, translate_error (data, error));
  g_object_unref (task);
}

static void
response_free (NclNetResponse *response)
{
  if (response == NULL)
    return;

  g_clear_pointer (&response->uri, g_free);
  g_clear_pointer (&response->bytes, g_bytes_unref);
  g_clear_pointer (&response->content_type, g_free);
  g_clear_pointer (&response->etag, g_free);
  g_clear_pointer (&response->last_modified, g_free);
  g_free (response);
}

static void
return_result (GTask          *task,
               NclNetResponse *result)
{
  FetchData *data = g_task_get_task_data (task);

  disarm_deadline (data);
  g_task_return_pointer (task, result, (GDestroyNotify)response_free);
  g_object_unref (task);
}

static gboolean
is_web_scheme (const char *scheme)
{
  return scheme != NULL &&
         (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0);
}

static GError *
status_error (FetchData *data,
              guint      status)
{
  /* libsoup's phrase, not the server's own, which could say anything. */
  const char *phrase = soup_status_get_phrase (status);

  if (phrase == NULL || g_str_equal (phrase, "Unknown Error"))
    return g_error_new (NCL_FETCH_ERROR, NCL_FETCH_ERROR_HTTP_STATUS,
                        _("%s answered with status %u"), data_host (data), status);

  return g_error_new (NCL_FETCH_ERROR, NCL_FETCH_ERROR_HTTP_STATUS,
                      /* Translators: "nats.io answered 404 Not Found" */
                      _("%s answered %u %s"),
                      data_host (data), status, phrase);
}

static gboolean
content_type_accepted (NclFetchKind  kind,
                       const char   *content_type)
{
  const char * const *accepted = kind == NCL_FETCH_PICTURE ? picture_types : document_types;

  for (guint i = 0; accepted[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (accepted[i], content_type) == 0)
        return TRUE;
    }

  return FALSE;
}

static GError *
check_content_type (FetchData *data)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (data->msg);
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);

  /* Without a type, HTTP says to assume application/octet-stream. */
  if (content_type == NULL)
    content_type = "application/octet-stream";

  if (!content_type_accepted (data->kind, content_type))
    {
      if (data->kind == NCL_FETCH_PICTURE)
        return g_error_new (NCL_FETCH_ERROR, NCL_FETCH_ERROR_BAD_CONTENT_TYPE,
                            _("%s sent “%s” instead of a picture (PNG, JPEG, WebP or GIF)"),
                            data_host (data), content_type);
      else if (data->kind == NCL_FETCH_SCHEDULE)
        return g_error_new (NCL_FETCH_ERROR, NCL_FETCH_ERROR_BAD_CONTENT_TYPE,
                            _("%s sent “%s” instead of a schedule (XML, JSON or iCalendar)"),
                            data_host (data), content_type);
      else
        return g_error_new (NCL_FETCH_ERROR, NCL_FETCH_ERROR_BAD_CONTENT_TYPE,
                            _("%s sent “%s” instead of a page (HTML, Markdown or text)"),
                            data_host (data), content_type);
    }

  data->content_type = g_ascii_strdown (content_type, -1);
  return NULL;
}

static GError *
too_large_error (FetchData *data,
                 goffset    size)
{
  g_autofree char *limit = format_size (data->limit);
  g_autofree char *actual = size >= 0 ? format_size (size) : NULL;
  const char *host = data_host (data);

  if (data->kind == NCL_FETCH_PICTURE && actual != NULL)
    return g_error_new (NCL_FETCH_ERROR, NCL_FETCH_ERROR_TOO_LARGE,
                        /* Translators: "The picture at nats.io is 20.0 MiB, more than
                         * the 10.0 MiB allowed for a picture" */
                        _("The picture at %s is %s, more than the %s allowed for a picture"),
                        host, actual, limit);
  else if (data->kind == NCL_FETCH_PICTURE)
    return g_error_new (NCL_FETCH_ERROR, NCL_FETCH_ERROR_TOO_LARGE,
                        _("The picture at %s is larger than the %s allowed for a picture"),
                        host, limit);
  else if (actual != NULL)
    return g_error_new (NCL_FETCH_ERROR, NCL_FETCH_ERROR_TOO_LARGE,
                        _("The document at %s is %s, more than the %s allowed for a document"),
                        host, actual, limit);
  else
    return g_error_new (NCL_FETCH_ERROR, NCL_FETCH_ERROR_TOO_LARGE,
                        _("The document at %s is larger than the %s allowed for a document"),
                        host, limit);
}

static gboolean
is_compressed (SoupMessageHeaders *headers)
{
  const char *encoding = soup_message_headers_get_list (headers, "Content-Encoding");

  return encoding != NULL && g_ascii_strcasecmp (encoding, "identity") != 0;
}

static NclNetResponse *
take_body_as_result (FetchData *data)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (data->msg);
  NclNetResponse *result = g_new0 (NclNetResponse, 1);

  result->bytes = g_bytes_new_take (g_realloc (g_steal_pointer (&data->buffer), MAX (data->length, 1)),
                                    data->length);
  data->allocated = 0;
  result->uri = g_uri_to_string (data->uri);
  result->content_type = g_steal_pointer (&data->content_type);
  result->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  result->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));

  return result;
}

static void read_next (GTask *task);

static void
read_cb (GObject      *object,
         GAsyncResult *res,
         gpointer      user_data)
{
  GTask *task = user_data;
  FetchData *data = g_task_get_task_data (task);
  GError *error = NULL;
  gssize n_read;

  n_read = g_input_stream_read_finish (G_INPUT_STREAM (object), res, &error);
  if (n_read < 0)
    {
      return_error (task, error);
      return;
    }

  data->length += n_read;

  if (data->length > data->limit)
    {
      return_error (task, too_large_error (data, -1));
      return;
    }

  if (n_read > 0)
    {
      read_next (task);
      return;
    }

  /* libsoup reports a connection closed early as partial input; this
   * catches any path where it would not. A compressed body's length is
   * not comparable to Content-Length. */
  if (data->expected_length >= 0 && (goffset)data->length < data->expected_length)
    {
      return_error (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT, ""));
      return;
    }

  return_result (task, take_body_as_result (data));
}

static void
read_next (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);
  gsize want;

  /* One byte more than the limit, to tell "exactly at the limit" from
   * "over it" without reading on. A body with a Content-Length got its
   * buffer at once: libsoup ends it there. */
  if (data->expected_length < 0 &&
      data->allocated - data->length < READ_CHUNK_SIZE && data->allocated < data->limit + 1)
    {
      data->allocated = MIN (MAX (data->allocated * 2, data->length + READ_CHUNK_SIZE),
                             data->limit + 1);
      data->buffer = g_realloc (data->buffer, data->allocated);
    }

  want = MIN (data->allocated - data->length, READ_CHUNK_SIZE);
  g_assert (want > 0);

  arm_deadline (data);
  g_input_stream_read_async (data->stream,
                             data->buffer + data->length, want,
                             G_PRIORITY_DEFAULT,
                             data->cancellable,
                             read_cb,
                             task);
}

static void
start_body (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (data->msg);
  GError *error;

  if ((error = check_content_type (data)) != NULL)
    {
      return_error (task, error);
      return;
    }

  data->expected_length = -1;
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      !is_compressed (headers))
    data->expected_length = soup_message_headers_get_content_length (headers);

  /* Refused before reading a byte; the count while reading still holds
   * when the header lies. */
  if (data->expected_length > (goffset)data->limit)
    {
      return_error (task, too_large_error (data, data->expected_length));
      return;
    }

  data->reading_body = TRUE;
  data->length = 0;
  data->allocated = data->expected_length >= 0
                    ? (gsize)data->expected_length + 1
                    : READ_CHUNK_SIZE;
  data->buffer = g_malloc (data->allocated);

  read_next (task);
}

static void
finish_not_modified (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);
  NclNetResponse *result = g_new0 (NclNetResponse, 1);

  result->not_modified = TRUE;
  result->uri = g_uri_to_string (data->uri);

  return_result (task, result);
}

static void
follow_redirect (GTask *task)
{
  FetchData *data = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (data->msg);
  const char *location = soup_message_headers_get_one (headers, "Location");
  g_autoptr(GUri) target = NULL;

  if (data->redirects >= NCL_FETCH_MAX_REDIRECTS)
    {
      return_error (task, g_error_new (NCL_FETCH_ERROR, NCL_FETCH_ERROR_TOO_MANY_REDIRECTS,
                                       _("%s redirected the download more than %u times"),
                                       data_host (data), NCL_FETCH_MAX_REDIRECTS));
      return;
    }

  target = g_uri_parse_relative (data->uri, location, SOUP_HTTP_URI_FLAGS, NULL);
  if (target == NULL ||
      !is_web_scheme (g_uri_get_scheme (target)) ||
      g_uri_get_host (target) == NULL || g_uri_get_host (target)[0] == '\0')
    {
      g_autofree char *shown = ncl_fetch_printable (location);

      return_error (task, g_error_new (NCL_FETCH_ERROR, NCL_FETCH_ERROR_BAD_REDIRECT,
                                       _("%s redirected the download to “%s”, which is not a web address"),
                                       data_host (data), shown));
      return;
    }

  data->redirects++;
  g_clear_pointer (&data->uri, g_uri_unref);
  data->uri = g_steal_pointer (&target);
  g_clear_object (&data->stream);
  g_clear_object (&data->msg);

  send_hop (task);
}

static void
send_cb (GObject      *object,
         GAsyncResult *res,
         gpointer      user_data)
{
  GTask *task = user_data;
  FetchData *data = g_task_get_task_data (task);
  SoupMessageHeaders *headers;
  GError *error = NULL;
  guint status;

  data->stream = soup_session_send_finish (SOUP_SESSION (object), res, &error);
  if (data->stream == NULL)
    {
      return_error (task, error);
      return;
    }

  status = soup_message_get_status (data->msg);
  headers = soup_message_get_response_headers (data->msg);

  if (status == SOUP_STATUS_NOT_MODIFIED && data->sent_conditional)
    finish_not_modified (task);
  else if (SOUP_STATUS_IS_REDIRECTION (status) && status != SOUP_STATUS_NOT_MODIFIED &&
           soup_message_headers_get_one (headers, "Location") != NULL)
    follow_redirect (task);
  else if (status == SOUP_STATUS_OK || status == SOUP_STATUS_NON_AUTHORITATIVE)
    start_body (task);
  else
    return_error (task, status_error (data, status));
}

static void
send_hop (GTask *task)
{
  SoupSession *session = g_task_get_source_object (task);
  FetchData *data = g_task_get_task_data (task);
  SoupMessageHeaders *headers;
  g_autofree char *uri = g_uri_to_string (data->uri);

  data->msg = soup_message_new_from_uri (SOUP_METHOD_GET, data->uri);
  soup_message_add_flags (data->msg, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (data->msg);

  if (data->kind == NCL_FETCH_PICTURE)
    soup_message_headers_replace (headers, "Accept", "image/webp,image/png,image/jpeg,image/gif");
  else
    soup_message_headers_replace (headers, "Accept",
                                  "text/markdown,text/html,application/xhtml+xml,"
                                  "application/xml,application/json,text/calendar,"
                                  "text/plain;q=0.9,*/*;q=0.1");

  /* Only where the cached body came from: after a redirect that moved,
   * another resource's validators would mean nothing. */
  data->sent_conditional = FALSE;
  if (data->cached_uri != NULL && g_strcmp0 (data->cached_uri, uri) == 0)
    {
      const char *etag = data->etag;
      const char *last_modified = data->last_modified;

      if (etag != NULL)
        soup_message_headers_replace (headers, "If-None-Match", etag);
      if (last_modified != NULL)
        soup_message_headers_replace (headers, "If-Modified-Since", last_modified);
      data->sent_conditional = etag != NULL || last_modified != NULL;
    }

  arm_deadline (data);
  soup_session_send_async (session, data->msg, G_PRIORITY_DEFAULT,
                           data->cancellable, send_cb, task);
}

static void
caller_cancelled_cb (GCancellable *caller_cancellable,
                     GCancellable *cancellable)
{
  g_cancellable_cancel (cancellable);
}

static void
fetch_async (GObject             *session,
             GUri                *uri,
             NclFetchKind         kind,
             guint                timeout,
             const char          *cached_uri,
             const char          *etag,
             const char          *last_modified,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  GTask *task;
  FetchData *data;

  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (uri != NULL);

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, fetch_async);

  data = g_new0 (FetchData, 1);
  data->uri = g_uri_ref (uri);
  data->kind = kind;
  data->timeout = timeout;
  data->limit = kind == NCL_FETCH_PICTURE ? NCL_FETCH_MAX_PICTURE_SIZE
                : kind == NCL_FETCH_SCHEDULE ? NCL_FETCH_MAX_SCHEDULE_SIZE
                : NCL_FETCH_MAX_DOCUMENT_SIZE;
  data->expected_length = -1;
  data->total_deadline = g_get_monotonic_time () +
                         (gint64)timeout * TOTAL_TIME_FACTOR * G_USEC_PER_SEC;
  data->cached_uri = g_strdup (cached_uri);
  data->etag = g_strdup (etag);
  data->last_modified = g_strdup (last_modified);
  data->cancellable = g_cancellable_new ();
  g_task_set_task_data (task, data, fetch_data_free);

  if (cancellable != NULL)
    {
      data->caller_cancellable = g_object_ref (cancellable);
      data->caller_cancelled_id = g_cancellable_connect (cancellable,
                                                         G_CALLBACK (caller_cancelled_cb),
                                                         g_object_ref (data->cancellable),
                                                         g_object_unref);
    }

  /* The callbacks own the task from here on. */
  send_hop (task);
}

static NclNetResponse *
fetch_finish (GObject       *session,
              GAsyncResult  *result,
              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, session), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* libsoup's own I/O timeout backs up the deadlines; no handler for
 * accept-certificate, so a certificate that fails to verify is an error,
 * never a question. */
static GObject *
session_new (guint       timeout,
             const char *user_agent)
{
  SoupSession *session = soup_session_new_with_options ("timeout", timeout,
                                                        "user-agent", user_agent,
                                                        NULL);

  if (!soup_session_has_feature (session, SOUP_TYPE_CONTENT_DECODER))
    soup_session_add_feature_by_type (session, SOUP_TYPE_CONTENT_DECODER);

  return G_OBJECT (session);
}

static void
session_abort (GObject *session)
{
  soup_session_abort (SOUP_SESSION (session));
}

static void
session_set_timeout (GObject *session,
                     guint    timeout)
{
  soup_session_set_timeout (SOUP_SESSION (session), timeout);
}

static void
session_set_user_agent (GObject    *session,
                        const char *user_agent)
{
  soup_session_set_user_agent (SOUP_SESSION (session), user_agent);
}

static const NclNetModule net_module = {
  .version = NCL_NET_MODULE_VERSION,
  .session_new = session_new,
  .session_abort = session_abort,
  .session_set_timeout = session_set_timeout,
  .session_set_user_agent = session_set_user_agent,
  .fetch_async = fetch_async,
  .fetch_finish = fetch_finish,
  .response_free = response_free,
};

/* The module's one export (see ncl-net.h). */
G_MODULE_EXPORT const NclNetModule *ncl_net_module_get (void);

G_MODULE_EXPORT const NclNetModule *
ncl_net_module_get (void)
{
  return &net_module;
}
