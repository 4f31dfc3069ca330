/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/*
 * A SoupServer on loopback whose sockets are accepted here and handed to
 * the server, not by soup_server_listen(): libsoup 3.2's own listener leaks
 * every socket it accepts (and its local address), which would hide real
 * leaks in Valgrind's and LeakSanitizer's reports.
 *
 *   service = ncl_test_serve_on_loopback (server, &port);
 *   ...
 *   ncl_test_stop_serving (service, server);
 */

static inline gboolean
ncl_test_incoming_cb (GSocketService    *service,
                      GSocketConnection *connection,
                      GObject           *source,
                      SoupServer        *server)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketAddress) local = g_socket_connection_get_local_address (connection, NULL);
  g_autoptr(GSocketAddress) remote = g_socket_connection_get_remote_address (connection, NULL);

  soup_server_accept_iostream (server, G_IO_STREAM (connection), local, remote, &error);
  g_assert_no_error (error);

  return TRUE;
}

static inline GSocketService *
ncl_test_serve_on_loopback (SoupServer *server,
                            guint16    *port)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  GSocketService *service = g_socket_service_new ();

  g_socket_listener_add_address (G_SOCKET_LISTENER (service), address,
                                 G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &bound, &error);
  g_assert_no_error (error);
  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));

  g_signal_connect_object (service, "incoming", G_CALLBACK (ncl_test_incoming_cb), server, 0);

  return service;
}

/* Runs the main context for a moment: the server sees the connections the
 * client closed and frees them. */
static inline void
ncl_test_settle_connections (void)
{
  gint64 until = g_get_monotonic_time () + 50 * 1000;

  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

/* Call once the clients are gone (their sessions finalized). */
static inline void
ncl_test_stop_serving (GSocketService *service,
                       SoupServer     *server)
{
  ncl_test_settle_connections ();
  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
  g_object_unref (service);
  soup_server_disconnect (server);
  ncl_test_settle_connections ();
}

G_END_DECLS
