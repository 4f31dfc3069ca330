/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include "ncl-cache.h"
#include "ncl-fetcher.h"
#include "ncl-library.h"

/*
 *   picture-fetcher DIRECTORY URI
 *
 * Downloads the slide picture at URI through NclLibrary, as the app's cards
 * do, into a cache at DIRECTORY, over and over, printing "saved" after
 * each, until it is killed. test-cache kills it at random moments, most of
 * them in the middle of a (slow) download, and checks what is left.
 */

static void
picture_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = ncl_library_fetch_picture_finish (NCL_LIBRARY (object), result, &error);
  if (bytes == NULL)
    fprintf (stderr, "%s\n", error->message);
  else
    printf ("saved %" G_GSIZE_FORMAT " bytes\n", g_bytes_get_size (bytes));
  fflush (stdout);
  *done = TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(NclCache) cache = NULL;
  g_autoptr(NclFetcher) fetcher = NULL;
  g_autoptr(NclLibrary) library = NULL;

  if (argc != 3)
    {
      fprintf (stderr, "usage: %s DIRECTORY URI\n", argv[0]);
      return 2;
    }

  cache = ncl_cache_new (argv[1]);
  fetcher = ncl_fetcher_new (cache);
  library = ncl_library_new (fetcher);

  for (;;)
    {
      gboolean done = FALSE;

      ncl_library_fetch_picture_async (library, argv[2], NULL, picture_cb, &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
    }
}
