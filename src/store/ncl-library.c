/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ncl-fetcher.h"
#include "ncl-library.h"

/*
 * The events the app shows, each an NclSource, and what they share: one
 * fetcher and its cache, whether the app is offline, and the slide
 * pictures their cards show. The built-in event (data/event/) is always
 * the first.
 */

#define BUILT_IN_EVENT RESOURCE_BASE "/event/nats-connect-live-2020.event"

struct _NclLibrary
{
  GObject parent_instance;

  NclFetcher *fetcher;
  GListStore *sources;
  NclSource *built_in;
  GError *built_in_error;
  gboolean offline;
};

G_DEFINE_FINAL_TYPE (NclLibrary, ncl_library, G_TYPE_OBJECT)

static void
ncl_library_dispose (GObject *object)
{
  NclLibrary *self = (NclLibrary *)object;

  g_clear_object (&self->built_in);
  g_clear_object (&self->sources);
  g_clear_object (&self->fetcher);

  G_OBJECT_CLASS (ncl_library_parent_class)->dispose (object);
}

static void
ncl_library_finalize (GObject *object)
{
  NclLibrary *self = (NclLibrary *)object;

  g_clear_error (&self->built_in_error);

  G_OBJECT_CLASS (ncl_library_parent_class)->finalize (object);
}

static void
ncl_library_class_init (NclLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ncl_library_dispose;
  object_class->finalize = ncl_library_finalize;
}

static void
ncl_library_init (NclLibrary *self)
{
  self->sources = g_list_store_new (NCL_TYPE_SOURCE);
}

/**
 * ncl_library_new:
 * @fetcher: fetches and saves every event's documents and pictures
 *
 * A library holding the built-in event, which shows nothing until
 * ncl_source_load_bundled().
 */
NclLibrary *
ncl_library_new (NclFetcher *fetcher)
{
  NclLibrary *self;

  g_return_val_if_fail (NCL_IS_FETCHER (fetcher), NULL);

  self = g_object_new (NCL_TYPE_LIBRARY, NULL);
  self->fetcher = g_object_ref (fetcher);
  self->built_in = ncl_source_new_for_resource (fetcher, BUILT_IN_EVENT, &self->built_in_error);
  if (self->built_in != NULL)
    g_list_store_append (self->sources, self->built_in);

  return self;
}

/**
 * ncl_library_new_with_cache:
 * @cache_dir: where the last good copies and their validators are kept
 *
 * A library with a fetcher of its own, caching in @cache_dir.
 */
NclLibrary *
ncl_library_new_with_cache (const char *cache_dir)
{
  g_autoptr(NclCache) cache = NULL;
  g_autoptr(NclFetcher) fetcher = NULL;

  g_return_val_if_fail (cache_dir != NULL, NULL);

  cache = ncl_cache_new (cache_dir);
  fetcher = ncl_fetcher_new (cache);
  return ncl_library_new (fetcher);
}

/**
 * ncl_library_get_built_in:
 *
 * Returns: (transfer none) (nullable): the event built into the app;
 *   %NULL only if its description cannot be read
 *   (ncl_library_get_built_in_error())
 */
NclSource *
ncl_library_get_built_in (NclLibrary *self)
{
  g_return_val_if_fail (NCL_IS_LIBRARY (self), NULL);

  return self->built_in;
}

/**
 * ncl_library_get_built_in_error:
 *
 * Returns: (transfer none) (nullable): why there is no built-in event
 */
const GError *
ncl_library_get_built_in_error (NclLibrary *self)
{
  g_return_val_if_fail (NCL_IS_LIBRARY (self), NULL);

  return self->built_in_error;
}

/**
 * ncl_library_get_sources:
 *
 * Returns: (transfer none): the events' sources, the built-in one first
 */
GListModel *
ncl_library_get_sources (NclLibrary *self)
{
  g_return_val_if_fail (NCL_IS_LIBRARY (self), NULL);

  return G_LIST_MODEL (self->sources);
}

static NclSource *
find_location (NclLibrary *self,
               const char *location,
               guint      *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NclSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

      if (g_strcmp0 (ncl_source_get_location (source), location) == 0)
        {
          if (position != NULL)
            *position = i;
          return source;
        }
    }

  return NULL;
}

/**
 * ncl_library_add:
 * @location: an http(s) or file URI of a schedule
 *
 * Adds the event whose schedule is at @location, after the others, unless
 * the library has it already. The new event shows nothing until
 * ncl_source_load_saved() or ncl_source_refresh().
 *
 * Returns: (transfer none): the event's source, new or the one there was
 */
NclSource *
ncl_library_add (NclLibrary *self,
                 const char *location)
{
  g_autoptr(NclSource) source = NULL;
  NclSource *found;

  g_return_val_if_fail (NCL_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (location != NULL, NULL);

  if ((found = find_location (self, location, NULL)) != NULL)
    return found;

  source = ncl_source_new_for_location (self->fetcher, location);
  ncl_library_insert (self, source, G_MAXUINT);
  return source;
}

/**
 * ncl_library_insert:
 * @source: an event a person added, not in the library
 * @position: where it goes; past the end appends it. The built-in event
 *   stays first.
 *
 * Puts back an event that was removed (the undo of ncl_library_remove()).
 */
void
ncl_library_insert (NclLibrary *self,
                    NclSource  *source,
                    guint       position)
{
  guint n;

  g_return_if_fail (NCL_IS_LIBRARY (self));
  g_return_if_fail (NCL_IS_SOURCE (source));
  g_return_if_fail (ncl_source_get_location (source) != NULL);

  if (find_location (self, ncl_source_get_location (source), NULL) != NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));
  position = MIN (position, n);
  if (self->built_in != NULL)
    position = MAX (position, 1);

  ncl_source_set_offline (source, self->offline);
  g_list_store_insert (self->sources, position, source);
}

/**
 * ncl_library_remove:
 * @source: an event a person added
 *
 * Takes the event out of the library. Its saved copy stays in the cache,
 * so that putting it back (ncl_library_insert()) shows it at once.
 *
 * Returns: where it was, for ncl_library_insert(); %G_MAXUINT when it was
 *   not in the library, or is the built-in event, which stays
 */
guint
ncl_library_remove (NclLibrary *self,
                    NclSource  *source)
{
  guint position;

  g_return_val_if_fail (NCL_IS_LIBRARY (self), G_MAXUINT);
  g_return_val_if_fail (NCL_IS_SOURCE (source), G_MAXUINT);

  if (ncl_source_get_location (source) == NULL ||
      find_location (self, ncl_source_get_location (source), &position) != source)
    return G_MAXUINT;

  g_list_store_remove (self->sources, position);
  return position;
}

/**
 * ncl_library_dup_locations:
 *
 * Returns: (transfer full): the locations of the events a person added,
 *   in the library's order: what to keep for the next start
 */
GStrv
ncl_library_dup_locations (NclLibrary *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n;

  g_return_val_if_fail (NCL_IS_LIBRARY (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NclSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

      if (ncl_source_get_location (source) != NULL)
        g_strv_builder_add (builder, ncl_source_get_location (source));
    }

  return g_strv_builder_end (builder);
}

typedef void (*SourceFunc) (NclSource *source,
                            gpointer   data);

static void
each_source (NclLibrary *self,
             SourceFunc  func,
             gpointer    data)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NclSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

      func (source, data);
    }
}

static void
set_source_offline (NclSource *source,
                    gpointer   data)
{
  ncl_source_set_offline (source, GPOINTER_TO_INT (data));
}

static void
load_source_saved (NclSource *source,
                   gpointer   data)
{
  ncl_source_load_saved (source);
}

static void
refresh_source (NclSource *source,
                gpointer   data)
{
  ncl_source_refresh (source);
}

gboolean
ncl_library_get_offline (NclLibrary *self)
{
  g_return_val_if_fail (NCL_IS_LIBRARY (self), FALSE);

  return self->offline;
}

/**
 * ncl_library_set_offline:
 *
 * Offline, nothing touches the network, for any event or picture: the
 * saved and bundled copies are all there is.
 */
void
ncl_library_set_offline (NclLibrary *self,
                         gboolean    offline)
{
  g_return_if_fail (NCL_IS_LIBRARY (self));

  self->offline = !!offline;
  each_source (self, set_source_offline, GINT_TO_POINTER (self->offline));
}

/**
 * ncl_library_load_saved:
 *
 * Shows every event's saved copies (ncl_source_load_saved()).
 */
void
ncl_library_load_saved (NclLibrary *self)
{
  g_return_if_fail (NCL_IS_LIBRARY (self));

  each_source (self, load_source_saved, NULL);
}

/**
 * ncl_library_refresh:
 *
 * Refreshes every event (ncl_source_refresh()).
 */
void
ncl_library_refresh (NclLibrary *self)
{
  g_return_if_fail (NCL_IS_LIBRARY (self));

  each_source (self, refresh_source, NULL);
}

/**
 * ncl_library_refresh_stale:
 * @max_age: how old a saved copy may be and still do
 *
 * What a start refreshes: the built-in event, and each added event that
 * has no saved copy or one older than @max_age. The others show their
 * saved copy until Refresh.
 */
void
ncl_library_refresh_stale (NclLibrary *self,
                           GTimeSpan   max_age)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  guint n;

  g_return_if_fail (NCL_IS_LIBRARY (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NclSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);
      GDateTime *saved_at = ncl_source_get_saved_at (source);

      if (ncl_source_get_location (source) == NULL ||
          ncl_source_get_state (source) != NCL_SOURCE_STATE_SAVED || saved_at == NULL ||
          g_date_time_difference (now, saved_at) > max_age)
        ncl_source_refresh (source);
    }
}

static void
picture_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(NclFetchResult) fetched = NULL;
  GError *error = NULL;

  fetched = ncl_fetcher_fetch_finish (NCL_FETCHER (object), result, &error);
  if (fetched == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* A picture is a picture: nothing to parse before keeping it. */
  if (!ncl_fetch_result_get_from_cache (fetched) && !ncl_fetch_result_get_not_modified (fetched))
    ncl_fetcher_store (NCL_FETCHER (object), fetched, NULL);

  g_task_return_pointer (task, g_bytes_ref (ncl_fetch_result_get_bytes (fetched)),
                         (GDestroyNotify)g_bytes_unref);
}

/**
 * ncl_library_fetch_picture_async:
 *
 * Gets a slide picture's bytes: the saved copy offline, the network
 * (with a conditional request) otherwise.
 */
void
ncl_library_fetch_picture_async (NclLibrary          *self,
                                 const char          *uri,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (NCL_IS_LIBRARY (self));
  g_return_if_fail (uri != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ncl_library_fetch_picture_async);

  if (self->offline)
    {
      g_autoptr(NclFetchResult) saved = NULL;
      GError *error = NULL;

      saved = ncl_fetcher_lookup_cached (self->fetcher, uri, &error);
      if (saved == NULL)
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, g_bytes_ref (ncl_fetch_result_get_bytes (saved)),
                               (GDestroyNotify)g_bytes_unref);
      return;
    }

  ncl_fetcher_fetch_async (self->fetcher, uri, NCL_FETCH_PICTURE, cancellable,
                           picture_cb, g_steal_pointer (&task));
}

GBytes *
ncl_library_fetch_picture_finish (NclLibrary    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (NCL_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
