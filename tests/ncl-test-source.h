/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ncl-fetcher.h"
#include "ncl-library.h"

/* The library as a start of the app makes it, through @fetcher, with the
 * built-in event's post and agenda page fetched from @post_url and
 * @agenda_url (either %NULL: never fetched) and its bundled post shown. */
static inline NclLibrary *
ncl_test_library_new (NclFetcher *fetcher,
                      const char *post_url,
                      const char *agenda_url)
{
  NclLibrary *library = ncl_library_new (fetcher);
  NclSource *source = ncl_library_get_built_in (library);
  g_autoptr(GError) error = NULL;

  g_assert_no_error ((GError *)ncl_library_get_built_in_error (library));
  g_assert_nonnull (source);
  ncl_source_set_document_uri (source, "post", post_url);
  ncl_source_set_document_uri (source, "agenda", agenda_url);
  g_assert_true (ncl_source_load_bundled (source, &error));
  g_assert_no_error (error);

  return library;
}

/* The built-in event's source alone, as ncl_test_library_new() makes it. */
static inline NclSource *
ncl_test_source_new (NclFetcher *fetcher,
                     const char *post_url,
                     const char *agenda_url)
{
  g_autoptr(NclLibrary) library = ncl_test_library_new (fetcher, post_url, agenda_url);

  return g_object_ref (ncl_library_get_built_in (library));
}
