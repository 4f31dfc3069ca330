/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ncl-fold.h"

/* Text folded for comparing words, and the rule that tells whether two
 * spellings name the same person: what search and the agenda's speakers
 * share. */

/**
 * ncl_fold:
 *
 * Folds @text for comparing words: case folded, accents and other marks
 * removed, every run of characters that are not letters or digits turned
 * into one space, none at either end. "Jirénius, R.I." → "jirenius r i".
 *
 * Returns: (transfer full): the folded text, possibly empty
 */
char *
ncl_fold (const char *text)
{
  g_autofree char *casefolded = NULL;
  g_autofree char *decomposed = NULL;
  GString *folded;
  gboolean separate = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  casefolded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (casefolded, -1, G_NORMALIZE_NFKD);
  folded = g_string_new (NULL);

  if (decomposed == NULL)
    return g_string_free (folded, FALSE);

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;

      if (!g_unichar_isalnum (c))
        {
          separate = TRUE;
          continue;
        }

      if (separate && folded->len > 0)
        g_string_append_c (folded, ' ');
      separate = FALSE;
      g_string_append_unichar (folded, c);
    }

  return g_string_free (folded, FALSE);
}

static guint
edit_distance (const char *a,
               const char *b)
{
  glong len_a, len_b;
  g_autofree gunichar *ua = g_utf8_to_ucs4_fast (a, -1, &len_a);
  g_autofree gunichar *ub = g_utf8_to_ucs4_fast (b, -1, &len_b);
  g_autofree guint *row = g_new (guint, len_b + 1);

  for (glong j = 0; j <= len_b; j++)
    row[j] = j;

  for (glong i = 1; i <= len_a; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (glong j = 1; j <= len_b; j++)
        {
          guint above = row[j];
          guint cost = ua[i - 1] == ub[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }

  return row[len_b];
}

/* One typo in a surname of four letters or more, two from six: "Jirénus"
 * is "Jirénius", but "Kemp" is not "Kemper" and "Ng" is only "Ng". */
static gboolean
surnames_match (const char *a,
                const char *b)
{
  glong shorter = MIN (g_utf8_strlen (a, -1), g_utf8_strlen (b, -1));
  guint allowed = shorter >= 6 ? 2 : shorter >= 4 ? 1 : 0;

  if (strcmp (a, b) == 0)
    return TRUE;

  return allowed > 0 && edit_distance (a, b) <= allowed;
}

/* Whether the folded words at @words match the folded @name: the same given
 * names, a surname within a typo or two. */
static gboolean
words_match_name (char **words,
                  char **name)
{
  guint n = g_strv_length (name);

  for (guint i = 0; i < n; i++)
    {
      if (words[i] == NULL)
        return FALSE;

      if (i + 1 < n || n == 1)
        {
          if (strcmp (words[i], name[i]) != 0)
            return FALSE;
        }
      else if (!surnames_match (words[i], name[i]))
        return FALSE;
    }

  return TRUE;
}

static char **
fold_words (const char *text)
{
  g_autofree char *folded = ncl_fold (text);

  if (folded[0] == '\0')
    return g_new0 (char *, 1);

  return g_strsplit (folded, " ", -1);
}

/**
 * ncl_fold_names_match:
 *
 * Whether two spellings name the same person: equal once folded (case and
 * accents ignored), or with the same given names and a surname that differs
 * by a typo (one edit from four letters, two from six). The agenda spells
 * "Samuel Jirénus" whom the speaker list calls "Samuel Jirénius".
 */
gboolean
ncl_fold_names_match (const char *name,
                      const char *other)
{
  g_auto(GStrv) words = NULL;
  g_auto(GStrv) other_words = NULL;

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (other != NULL, FALSE);

  words = fold_words (name);
  other_words = fold_words (other);

  if (words[0] == NULL || g_strv_length (words) != g_strv_length (other_words))
    return FALSE;

  return words_match_name (words, other_words);
}

/**
 * ncl_fold_name_in_text:
 *
 * Whether @text mentions @name in full (by the rule of
 * ncl_fold_names_match()): "Samuel Jirénius gave an inspiring talk"
 * mentions "Samuel Jirénus"; "Samuel gave a talk" does not.
 */
gboolean
ncl_fold_name_in_text (const char *name,
                       const char *text)
{
  g_auto(GStrv) name_words = NULL;
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  name_words = fold_words (name);
  words = fold_words (text);

  if (name_words[0] == NULL)
    return FALSE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words_match_name (words + i, name_words))
        return TRUE;
    }

  return FALSE;
}

/**
 * ncl_fold_name_key:
 *
 * What two spellings of a name must share to match by
 * ncl_fold_names_match(): how many words, and all of them folded but the
 * surname ("Samuel Jirénius" → "2 samuel"). A table of names by this key
 * finds the candidates for a match without comparing every pair.
 *
 * Returns: (transfer full): the key, or %NULL for a name of no words
 */
char *
ncl_fold_name_key (const char *name)
{
  g_auto(GStrv) words = NULL;
  guint n;
  g_autofree char *given = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  words = fold_words (name);
  n = g_strv_length (words);
  if (n == 0)
    return NULL;

  /* A one-word name matches only itself. */
  if (n == 1)
    return g_strdup_printf ("1 %s", words[0]);

  g_free (words[n - 1]);
  words[n - 1] = NULL;
  given = g_strjoinv (" ", words);

  return g_strdup_printf ("%u %s", n, given);
}
