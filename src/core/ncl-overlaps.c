/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ncl-overlaps.h"
#include "ncl-session.h"

/*
 * Which sessions overlap in time: the starred ones a person cannot attend
 * together. Two sessions overlap when each starts before the other ends;
 * one that ends as the next starts does not. A session without a start or
 * an end (an agenda page that gives only starts) cannot be said to overlap
 * anything, so it never does.
 *
 * One sweep in start order: the sessions still running when one starts
 * are the ones it overlaps. n log n for the sort, plus one step per pair
 * that overlaps.
 */

static gboolean
has_span (NclSession *session)
{
  GDateTime *start = ncl_session_get_start (session);
  GDateTime *end = ncl_session_get_end (session);

  return start != NULL && end != NULL && g_date_time_compare (end, start) > 0;
}

static int
compare_start (gconstpointer a,
               gconstpointer b)
{
  NclSession *session_a = *(NclSession **)a;
  NclSession *session_b = *(NclSession **)b;
  int by_start = g_date_time_compare (ncl_session_get_start (session_a),
                                      ncl_session_get_start (session_b));

  if (by_start != 0)
    return by_start;
  return g_date_time_compare (ncl_session_get_end (session_a),
                              ncl_session_get_end (session_b));
}

static void
add_overlap (GHashTable *overlaps,
             NclSession *session,
             NclSession *other)
{
  GPtrArray *others = g_hash_table_lookup (overlaps, session);

  if (others == NULL)
    {
      others = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (overlaps, g_object_ref (session), others);
    }
  g_ptr_array_add (others, g_object_ref (other));
}

/**
 * ncl_overlaps_find:
 * @sessions: (element-type NclSession): the sessions to compare, the
 *   starred ones, in any order
 *
 * Returns: (transfer full) (element-type NclSession GPtrArray): for each
 *   session of @sessions that overlaps another, the others it overlaps,
 *   in the order they start; a session that overlaps none is not in it
 */
GHashTable *
ncl_overlaps_find (GPtrArray *sessions)
{
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();
  g_autoptr(GPtrArray) running = g_ptr_array_new ();
  GHashTable *overlaps;

  g_return_val_if_fail (sessions != NULL, NULL);

  overlaps = g_hash_table_new_full (g_direct_hash, g_direct_equal,
                                    g_object_unref, (GDestroyNotify)g_ptr_array_unref);

  for (guint i = 0; i < sessions->len; i++)
    if (has_span (sessions->pdata[i]))
      g_ptr_array_add (ordered, sessions->pdata[i]);
  g_ptr_array_sort (ordered, compare_start);

  for (guint i = 0; i < ordered->len; i++)
    {
      NclSession *session = ordered->pdata[i];
      GDateTime *start = ncl_session_get_start (session);

      /* What ended by this start is over for every later one too. */
      for (guint j = running->len; j > 0; j--)
        if (g_date_time_compare (ncl_session_get_end (running->pdata[j - 1]), start) <= 0)
          g_ptr_array_remove_index (running, j - 1);

      for (guint j = 0; j < running->len; j++)
        {
          add_overlap (overlaps, running->pdata[j], session);
          add_overlap (overlaps, session, running->pdata[j]);
        }
      g_ptr_array_add (running, session);
    }

  /* Each session's others by their start: the running ones were added
   * as they came, after the later ones. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, overlaps);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_ptr_array_sort (value, compare_start);
  }

  return overlaps;
}
