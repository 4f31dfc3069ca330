/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * For the tests' misbehaving servers (raw sockets served by a thread): send
 * and wait in small steps, so a test that ends (@stop cancelled) or a
 * client that goes away ends the server's work at once.
 */

/* Sends all of @data; FALSE once the client is gone or @stop is cancelled. */
static inline gboolean
ncl_test_send_all (GCancellable *stop,
                   GSocket      *client,
                   const void   *data,
                   gsize         size)
{
  const char *p = data;

  while (size > 0)
    {
      gssize sent = g_socket_send (client, p, size, stop, NULL);

      if (sent <= 0)
        return FALSE;
      p += sent;
      size -= sent;
    }

  return TRUE;
}

/* Waits @milliseconds; FALSE when @stop is cancelled first. */
static inline gboolean
ncl_test_sleep (GCancellable *stop,
                guint         milliseconds)
{
  gint64 until = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < until)
    {
      if (g_cancellable_is_cancelled (stop))
        return FALSE;
      g_usleep (5000);
    }

  return TRUE;
}

G_END_DECLS
