/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ncl-picture-loader.h"

/*
 * Slide pictures for the cards: fetched through the library (saved copy,
 * conditional request), decoded off the main thread at the size the card
 * shows them (times the screen's scale, so they stay sharp on HiDPI), and
 * kept in a small most-recently-used set: rows scrolled far away let theirs
 * go, and a large event does not hold every picture in memory.
 */

#define MAX_KEPT 24

typedef struct
{
  char *key;
  GdkTexture *texture;
} Kept;

static GQueue kept = G_QUEUE_INIT;

static void
kept_free (Kept *item)
{
  g_free (item->key);
  g_object_unref (item->texture);
  g_free (item);
}

static GdkTexture *
kept_lookup (const char *key)
{
  for (GList *link = kept.head; link != NULL; link = link->next)
    {
      Kept *item = link->data;

      if (g_str_equal (item->key, key))
        {
          /* Most recently used first. */
          g_queue_unlink (&kept, link);
          g_queue_push_head_link (&kept, link);
          return g_object_ref (item->texture);
        }
    }

  return NULL;
}

static void
kept_add (const char *key,
          GdkTexture *texture)
{
  Kept *item = g_new0 (Kept, 1);

  item->key = g_strdup (key);
  item->texture = g_object_ref (texture);
  g_queue_push_head (&kept, item);

  while (kept.length > MAX_KEPT)
    kept_free (g_queue_pop_tail (&kept));
}

typedef struct
{
  char *key;
  int width;
  GBytes *bytes;
} Load;

static void
load_free (Load *load)
{
  g_free (load->key);
  g_clear_pointer (&load->bytes, g_bytes_unref);
  g_free (load);
}

static void
decode_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Load *load = task_data;
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (load->bytes);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  GError *error = NULL;

  pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, load->width, -1, TRUE, cancellable, &error);
  if (pixbuf == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, gdk_texture_new_for_pixbuf (pixbuf), g_object_unref);
}

static void
decoded_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Load *load = g_task_get_task_data (task);
  GdkTexture *texture;
  GError *error = NULL;

  texture = g_task_propagate_pointer (G_TASK (result), &error);
  if (texture == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  kept_add (load->key, texture);
  g_task_return_pointer (task, texture, g_object_unref);
}

static void
fetched_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GTask) decode = NULL;
  Load *load = g_task_get_task_data (task);
  GError *error = NULL;

  load->bytes = ncl_library_fetch_picture_finish (NCL_LIBRARY (object), result, &error);
  if (load->bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  decode = g_task_new (NULL, g_task_get_cancellable (task), decoded_cb, g_object_ref (task));
  g_task_set_task_data (decode, load, NULL);
  g_task_run_in_thread (decode, decode_in_thread);
}

/**
 * ncl_picture_loader_load_async:
 * @width: the width to decode at, in device pixels
 */
void
ncl_picture_loader_load_async (NclLibrary          *library,
                               const char          *uri,
                               int                  width,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GdkTexture *texture;
  Load *load;

  g_return_if_fail (NCL_IS_LIBRARY (library));
  g_return_if_fail (uri != NULL);
  g_return_if_fail (width > 0);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ncl_picture_loader_load_async);

  load = g_new0 (Load, 1);
  load->width = width;
  load->key = g_strdup_printf ("%d %s", width, uri);
  g_task_set_task_data (task, load, (GDestroyNotify)load_free);

  if ((texture = kept_lookup (load->key)))
    {
      g_task_return_pointer (task, texture, g_object_unref);
      return;
    }

  ncl_library_fetch_picture_async (library, uri, cancellable, fetched_cb, g_steal_pointer (&task));
}

/**
 * ncl_picture_loader_load_finish:
 *
 * Returns: (transfer full) (nullable): the decoded picture
 */
GdkTexture *
ncl_picture_loader_load_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
