/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ncl-fold.h"
#include "ncl-query.h"

/*
 * A search, as a person typed it and as its folded words. Search folds both
 * sides the way speaker names are matched: case folded, accents dropped,
 * punctuation turned into single spaces, so "jirenius" finds "Jirénius" and
 * "open-faas" finds "OpenFaaS"'s neighbours alike. Each item keeps its
 * folded text (ncl_query_join(), see ncl_highlight_get_search_text()), so a
 * keystroke costs one substring search per word and item.
 *
 * What a query matches is here; which items it is asked about, and how
 * stars count, is NclSearchFilter's.
 */

struct _NclQuery
{
  gatomicrefcount ref_count;
  char *text;
  GStrv words;
};

G_DEFINE_BOXED_TYPE (NclQuery, ncl_query, ncl_query_ref, ncl_query_unref)

/**
 * ncl_query_new:
 * @text: (nullable): what a person typed
 *
 * Returns: (transfer full): the query; one without words matches everything
 */
NclQuery *
ncl_query_new (const char *text)
{
  NclQuery *self = g_new0 (NclQuery, 1);
  g_autofree char *folded = ncl_fold (text != NULL ? text : "");

  g_atomic_ref_count_init (&self->ref_count);
  self->text = g_strdup (text != NULL ? text : "");
  self->words = folded[0] != '\0' ? g_strsplit (folded, " ", -1) : g_new0 (char *, 1);

  return self;
}

NclQuery *
ncl_query_ref (NclQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ncl_query_unref (NclQuery *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->text);
  g_strfreev (self->words);
  g_free (self);
}

/**
 * ncl_query_get_text:
 *
 * Returns: what was typed, unfolded
 */
const char *
ncl_query_get_text (const NclQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

/**
 * ncl_query_get_words:
 *
 * Returns: (transfer none): the folded words, none for an empty query
 */
const char * const *
ncl_query_get_words (const NclQuery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *)self->words;
}

/**
 * ncl_query_is_empty:
 *
 * Returns: whether the query has no words (nothing typed, or only
 *   punctuation) and so matches everything
 */
gboolean
ncl_query_is_empty (const NclQuery *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->words[0] == NULL;
}

/**
 * ncl_query_matches:
 * @folded_text: an item's folded text (ncl_query_join())
 *
 * Every word of the query must appear in the text, in any order and at any
 * place in a word: "swim" finds "SwimOS", "nats wasm" finds a talk that
 * names both. An empty query matches everything.
 *
 * Returns: whether the item matches
 */
gboolean
ncl_query_matches (const NclQuery *self,
                   const char     *folded_text)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (folded_text != NULL, FALSE);

  for (guint i = 0; self->words[i] != NULL; i++)
    {
      if (strstr (folded_text, self->words[i]) == NULL)
        return FALSE;
    }

  return TRUE;
}

/**
 * ncl_query_narrows:
 * @other: the query before
 *
 * Whether everything @self matches @other matched too: each of @other's
 * words is part of one of @self's, as when a person types one more letter
 * or word. A filter then only looks again at what it showed.
 *
 * Returns: whether @self is at least as strict as @other
 */
gboolean
ncl_query_narrows (const NclQuery *self,
                   const NclQuery *other)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (other != NULL, FALSE);

  for (guint i = 0; other->words[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; self->words[j] != NULL && !found; j++)
        found = strstr (self->words[j], other->words[i]) != NULL;

      if (!found)
        return FALSE;
    }

  return TRUE;
}

/**
 * ncl_query_equal:
 * @other: another query
 *
 * Returns: whether both have the same words, so match the same items
 */
gboolean
ncl_query_equal (const NclQuery *self,
                 const NclQuery *other)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (other != NULL, FALSE);

  return g_strv_equal ((const char * const *)self->words, (const char * const *)other->words);
}

/**
 * ncl_query_join:
 * @first: (nullable): the first field, then more, ending with %NULL
 *
 * Folds the fields of an item into the one text its searches look at. The
 * list ends at the first %NULL: pass "" for a field an item lacks.
 *
 * Returns: (transfer full): the folded fields, one space between each
 */
char *
ncl_query_join (const char *first,
                ...)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *field = first; field != NULL; field = va_arg (args, const char *))
    {
      g_autofree char *folded = ncl_fold (field);

      if (folded[0] == '\0')
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, folded);
    }
  va_end (args);

  return g_string_free (g_steal_pointer (&joined), FALSE);
}
