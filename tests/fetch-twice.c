/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ncl-fetcher.h"

/*
 *   fetch-twice CACHE_DIR BASE_URI FIXTURE_DIR NAME:document|picture...
 *   fetch-twice --free-port
 *
 * Two starts of the app against a real web server: each start is a new
 * NclCache and NclFetcher on CACHE_DIR that fetches every NAME from
 * BASE_URI. The first start must download each file (checked byte for byte
 * against FIXTURE_DIR, so compression on the wire is undone) and store it;
 * the second must get 304 Not Modified for each. check-nginx.sh then reads
 * the server's log to see the conditional requests from its side.
 *
 * --free-port prints a loopback port that was free a moment ago.
 */

static int
print_free_port (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GSocket) socket = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  if (socket == NULL || !g_socket_bind (socket, address, TRUE, &error) ||
      (bound = g_socket_get_local_address (socket, &error)) == NULL)
    {
      fprintf (stderr, "fetch-twice: no free port: %s\n", error->message);
      return 1;
    }

  printf ("%u\n", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  return 0;
}

static void
fetch_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static NclFetchResult *
fetch (NclFetcher    *fetcher,
       const char    *uri,
       NclFetchKind   kind,
       GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ncl_fetcher_fetch_async (fetcher, uri, kind, NULL, fetch_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return ncl_fetcher_fetch_finish (fetcher, result, error);
}

static gboolean
check_one (NclFetcher *fetcher,
           guint       start,
           const char *base_uri,
           const char *fixture_dir,
           const char *spec)
{
  g_auto(GStrv) parts = g_strsplit (spec, ":", 2);
  g_autofree char *uri = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(NclFetchResult) result = NULL;
  g_autoptr(GError) error = NULL;
  NclFetchKind kind;
  GBytes *bytes;
  gsize expected_size;

  if (g_strv_length (parts) != 2 ||
      (!g_str_equal (parts[1], "document") && !g_str_equal (parts[1], "picture")))
    {
      fprintf (stderr, "fetch-twice: “%s” is not NAME:document or NAME:picture\n", spec);
      return FALSE;
    }

  kind = g_str_equal (parts[1], "picture") ? NCL_FETCH_PICTURE : NCL_FETCH_DOCUMENT;
  uri = g_strconcat (base_uri, parts[0], NULL);
  path = g_build_filename (fixture_dir, parts[0], NULL);

  if (!g_file_get_contents (path, &expected, &expected_size, &error))
    {
      fprintf (stderr, "fetch-twice: %s\n", error->message);
      return FALSE;
    }

  result = fetch (fetcher, uri, kind, &error);
  if (result == NULL)
    {
      fprintf (stderr, "start %u: %s: %s\n", start, parts[0], error->message);
      return FALSE;
    }

  bytes = ncl_fetch_result_get_bytes (result);
  printf ("start %u: %s: %s, %" G_GSIZE_FORMAT " bytes of %s, ETag %s\n",
          start, parts[0],
          ncl_fetch_result_get_not_modified (result) ? "304 Not Modified" : "downloaded",
          g_bytes_get_size (bytes),
          ncl_fetch_result_get_content_type (result),
          ncl_fetch_result_get_etag (result));

  if (g_bytes_get_size (bytes) != expected_size ||
      memcmp (g_bytes_get_data (bytes, NULL), expected, expected_size) != 0)
    {
      fprintf (stderr, "start %u: %s: the bytes differ from %s\n", start, parts[0], path);
      return FALSE;
    }

  if (start == 1)
    {
      if (ncl_fetch_result_get_from_cache (result))
        {
          fprintf (stderr, "start 1: %s came from the cache, which should be empty\n", parts[0]);
          return FALSE;
        }
      if (!ncl_fetcher_store (fetcher, result, &error))
        {
          fprintf (stderr, "start 1: %s: %s\n", parts[0], error->message);
          return FALSE;
        }
    }
  else if (!ncl_fetch_result_get_not_modified (result))
    {
      fprintf (stderr, "start %u: %s was downloaded again instead of confirmed by a 304\n",
               start, parts[0]);
      return FALSE;
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 2 && g_str_equal (argv[1], "--free-port"))
    return print_free_port ();

  if (argc < 5)
    {
      fprintf (stderr, "usage: %s CACHE_DIR BASE_URI FIXTURE_DIR NAME:document|picture...\n"
                       "       %s --free-port\n", argv[0], argv[0]);
      return 2;
    }

  for (guint start = 1; start <= 2; start++)
    {
      g_autoptr(NclCache) cache = ncl_cache_new (argv[1]);
      g_autoptr(NclFetcher) fetcher = ncl_fetcher_new (cache);

      for (int i = 4; i < argc; i++)
        {
          if (!check_one (fetcher, start, argv[2], argv[3], argv[i]))
            return 1;
        }
    }

  return 0;
}
