/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What NclFetcher and the network module (net/ncl-net.h) both speak: the
 * errors, the kinds of download and their limits. */

#define NCL_FETCH_ERROR (ncl_fetch_error_quark ())

/**
 * NclFetchError:
 *
 * Why a download failed. Every message names the server and the cause, so a
 * person knows whether to wait, check their connection or report a broken
 * page. Cancellation is not one of these: it stays %G_IO_ERROR_CANCELLED.
 */
typedef enum
{
  NCL_FETCH_ERROR_INVALID_URI,
  NCL_FETCH_ERROR_HTTP_STATUS,
  NCL_FETCH_ERROR_TOO_LARGE,
  NCL_FETCH_ERROR_BAD_CONTENT_TYPE,
  NCL_FETCH_ERROR_TOO_MANY_REDIRECTS,
  NCL_FETCH_ERROR_BAD_REDIRECT,
  NCL_FETCH_ERROR_TIMEOUT,
  NCL_FETCH_ERROR_CUT_OFF,
  NCL_FETCH_ERROR_NETWORK,
  NCL_FETCH_ERROR_TLS,
  NCL_FETCH_ERROR_FILE,
} NclFetchError;

/**
 * NclFetchKind:
 * @NCL_FETCH_DOCUMENT: a post or page: HTML, Markdown or plain text
 * @NCL_FETCH_SCHEDULE: a schedule a person added: any document type, XML,
 *   JSON and iCalendar too, up to %NCL_FETCH_MAX_SCHEDULE_SIZE
 * @NCL_FETCH_PICTURE: a PNG, JPEG, WebP or GIF picture
 *
 * What is downloaded decides the content types accepted and the size limit.
 */
typedef enum
{
  NCL_FETCH_DOCUMENT,
  NCL_FETCH_PICTURE,
  NCL_FETCH_SCHEDULE,
} NclFetchKind;

/* Decoded bytes: a compressed body is measured after decompression. The
 * largest schedule in use (FOSDEM's XML) is about 6 MiB; the schedule
 * formats read at most 64 MiB. */
#define NCL_FETCH_MAX_DOCUMENT_SIZE (5 * 1024 * 1024)
#define NCL_FETCH_MAX_SCHEDULE_SIZE (64 * 1024 * 1024)
#define NCL_FETCH_MAX_PICTURE_SIZE  (10 * 1024 * 1024)
#define NCL_FETCH_MAX_REDIRECTS     5
#define NCL_FETCH_DEFAULT_TIMEOUT   30

/* Text from elsewhere (an address, a server's header), fit for a message:
 * valid UTF-8 and at most 200 characters. Inline, because the libsoup
 * module links nothing of the fetcher's. */
static inline char *
ncl_fetch_printable (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *start = NULL;

  if (g_utf8_strlen (valid, -1) <= 200)
    return g_steal_pointer (&valid);

  start = g_utf8_substring (valid, 0, 199);
  return g_strconcat (start, "…", NULL);
}

G_END_DECLS
