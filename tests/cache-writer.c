/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ncl-cache.h"

/*
 *   cache-writer DIRECTORY URI A|B
 *
 * Stores a 4 MiB entry for URI in a cache at DIRECTORY, over and over,
 * alternating a body of all 'A' and a body of all 'B' (starting with the
 * one named), until it is killed.
 * test-cache kills it at random moments and checks that what is left is
 * always one complete body.
 */

#define BODY_SIZE (4 * 1024 * 1024)

static GBytes *
uniform_body (char fill)
{
  guint8 *data = g_malloc (BODY_SIZE);

  memset (data, fill, BODY_SIZE);
  return g_bytes_new_take (data, BODY_SIZE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(NclCache) cache = NULL;
  g_autoptr(GBytes) body_a = NULL;
  g_autoptr(GBytes) body_b = NULL;

  guint first;

  if (argc != 4 || (g_strcmp0 (argv[3], "A") != 0 && g_strcmp0 (argv[3], "B") != 0))
    {
      fprintf (stderr, "usage: %s DIRECTORY URI A|B\n", argv[0]);
      return 2;
    }

  cache = ncl_cache_new (argv[1]);
  body_a = uniform_body ('A');
  body_b = uniform_body ('B');
  first = argv[3][0] == 'A' ? 0 : 1;

  for (guint i = first; ; i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean a = i % 2 == 0;

      if (!ncl_cache_store (cache, argv[2], NULL, a ? body_a : body_b, "text/plain",
                            a ? "\"A\"" : "\"B\"", NULL, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
    }
}
