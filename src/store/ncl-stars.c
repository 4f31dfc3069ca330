/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ncl-stars.h"

/*
 * The talks and sessions a person starred, kept in GSettings ("starred") by
 * stable ids, never by position: a talk of the post is "talk/<folded
 * title>", a session of the agenda its id ("resgate-io@20200416T1600Z").
 * Both survive a refresh that reorders or rewords around them.
 *
 * A talk of the post and its session of the agenda are the same talk, so
 * an item is asked about with all its ids: starred when any of them is.
 * Starring adds the first (the item's own); unstarring removes them all, so
 * a star set from the other view goes too.
 */
struct _NclStars
{
  GObject parent_instance;

  GSettings *settings;
  GHashTable *ids;
};

G_DEFINE_FINAL_TYPE (NclStars, ncl_stars, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static void
load (NclStars *self)
{
  g_auto(GStrv) ids = g_settings_get_strv (self->settings, "starred");

  g_hash_table_remove_all (self->ids);
  for (guint i = 0; ids[i] != NULL; i++)
    g_hash_table_add (self->ids, g_strdup (ids[i]));
}

static void
settings_changed_cb (NclStars *self)
{
  load (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
ncl_stars_finalize (GObject *object)
{
  NclStars *self = (NclStars *)object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->ids, g_hash_table_unref);

  G_OBJECT_CLASS (ncl_stars_parent_class)->finalize (object);
}

static void
ncl_stars_class_init (NclStarsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ncl_stars_finalize;

  /**
   * NclStars::changed:
   *
   * Some item was starred or unstarred, here or in another window.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
ncl_stars_init (NclStars *self)
{
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * ncl_stars_new:
 * @settings: the app's settings, with the "starred" key
 */
NclStars *
ncl_stars_new (GSettings *settings)
{
  NclStars *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (NCL_TYPE_STARS, NULL);
  self->settings = g_object_ref (settings);
  g_signal_connect_object (settings, "changed::starred",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  load (self);

  return self;
}

/**
 * ncl_stars_contains:
 * @ids: an item's ids, its own first; %NULL-terminated
 *
 * Returns: whether any of @ids is starred
 */
gboolean
ncl_stars_contains (NclStars           *self,
                    const char * const *ids)
{
  g_return_val_if_fail (NCL_IS_STARS (self), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (g_hash_table_contains (self->ids, ids[i]))
        return TRUE;
    }

  return FALSE;
}

/**
 * ncl_stars_set_starred:
 * @ids: an item's ids, its own first; %NULL-terminated
 *
 * Stars the item under its own id, or unstars it under all of them.
 */
void
ncl_stars_set_starred (NclStars           *self,
                       const char * const *ids,
                       gboolean            starred)
{
  g_autoptr(GPtrArray) saved = NULL;
  gboolean changed = FALSE;
  GHashTableIter iter;
  const char *id;

  g_return_if_fail (NCL_IS_STARS (self));
  g_return_if_fail (ids != NULL && ids[0] != NULL);

  if (starred)
    changed = g_hash_table_add (self->ids, g_strdup (ids[0]));
  else
    for (guint i = 0; ids[i] != NULL; i++)
      changed |= g_hash_table_remove (self->ids, ids[i]);

  if (!changed)
    return;

  /* Sorted, so the stored list does not churn. */
  saved = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->ids);
  while (g_hash_table_iter_next (&iter, (gpointer *)&id, NULL))
    g_ptr_array_add (saved, (gpointer)id);
  g_ptr_array_sort (saved, compare_ids);
  g_ptr_array_add (saved, NULL);

  g_signal_handlers_block_by_func (self->settings, settings_changed_cb, self);
  g_settings_set_strv (self->settings, "starred", (const char * const *)saved->pdata);
  g_signal_handlers_unblock_by_func (self->settings, settings_changed_cb, self);

  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * ncl_stars_get_n_stars:
 *
 * Returns: how many ids are starred
 */
guint
ncl_stars_get_n_stars (NclStars *self)
{
  g_return_val_if_fail (NCL_IS_STARS (self), 0);

  return g_hash_table_size (self->ids);
}
