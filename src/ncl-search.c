/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ncl-fold.h"
#include "ncl-search.h"

/*
 * Search folds both sides the way speaker names are matched: case folded,
 * accents dropped, punctuation turned into single spaces, so "jirenius"
 * finds "Jirénius" and "open-faas" finds "OpenFaaS"'s neighbours alike.
 * Each item keeps its folded text (see ncl_talk_get_search_text()), so a
 * keystroke costs one substring search per word and item.
 */

/**
 * ncl_search_fold:
 * @text: (nullable): what a person typed, or an item's text
 *
 * Returns: (transfer full): @text folded for searching, possibly empty
 */
char *
ncl_search_fold (const char *text)
{
  if (text == NULL)
    return g_strdup ("");

  return ncl_fold (text);
}

/**
 * ncl_search_join:
 * @first: (nullable): the first field, then more, ending with %NULL
 *
 * Folds the fields of an item into the one text its searches look at. The
 * list ends at the first %NULL: pass "" for a field an item lacks.
 *
 * Returns: (transfer full): the folded fields, one space between each
 */
char *
ncl_search_join (const char *first,
                 ...)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *field = first; field != NULL; field = va_arg (args, const char *))
    {
      g_autofree char *folded = ncl_search_fold (field);

      if (folded[0] == '\0')
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, folded);
    }
  va_end (args);

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

/**
 * ncl_search_split_query:
 * @text: (nullable): what a person typed
 *
 * Returns: (transfer full): the query's folded words; none for an empty query
 */
GStrv
ncl_search_split_query (const char *text)
{
  g_autofree char *folded = ncl_search_fold (text);

  if (folded[0] == '\0')
    return g_new0 (char *, 1);

  return g_strsplit (folded, " ", -1);
}

/**
 * ncl_search_matches:
 * @folded_text: an item's folded text (ncl_search_join())
 * @words: (nullable): the query's words (ncl_search_split_query())
 *
 * Every word of the query must appear in the text, in any order and at any
 * place in a word: "swim" finds "SwimOS", "nats wasm" finds a talk that
 * names both. An empty query matches everything.
 *
 * Returns: whether the item matches
 */
gboolean
ncl_search_matches (const char         *folded_text,
                    const char * const *words)
{
  g_return_val_if_fail (folded_text != NULL, FALSE);

  if (words == NULL)
    return TRUE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (strstr (folded_text, words[i]) == NULL)
        return FALSE;
    }

  return TRUE;
}
