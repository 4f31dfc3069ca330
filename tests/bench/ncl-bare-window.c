/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The baseline of the startup benchmark: the least a libadwaita app of the
 * same shape can do. An AdwApplication opens an AdwApplicationWindow of the
 * size of the real window, with a header bar and a label for content.
 *
 * It honours the contract of connect-live: with NCL_BENCH_FIRST_FRAME=1 in
 * the environment it prints "first-frame <usec>", g_get_monotonic_time () in
 * the frame clock's "after-paint" of its first painted frame, flushes stdout
 * and quits with status 0.
 */

#include <adwaita.h>
#include <stdio.h>

#define BARE_APP_ID "io.nats.ConnectLive.Bare"

/* Set by "paint" after map: "after-paint" also ends frames that painted
 * nothing, and only a painted frame shows the window. */
static gboolean painted;

static void
on_paint (GdkFrameClock *clock,
          GtkWidget     *window)
{
  painted = TRUE;
}

static void
on_after_paint (GdkFrameClock *clock,
                GtkWidget     *window)
{
  gint64 now = g_get_monotonic_time ();
  GtkApplication *app;

  if (!painted)
    return;

  g_signal_handlers_disconnect_by_data (clock, window);

  printf ("first-frame %" G_GINT64_FORMAT "\n", now);
  fflush (stdout);

  app = gtk_window_get_application (GTK_WINDOW (window));
  g_application_quit (G_APPLICATION (app));
}

static void
on_map (GtkWidget *window,
        gpointer   user_data)
{
  /* The window is realized now: its surface has a frame clock, and the
   * frame that paints the surface for the first time is yet to come. */
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_handlers_disconnect_by_func (window, on_map, user_data);

  g_return_if_fail (clock != NULL);

  g_signal_connect_object (clock, "paint", G_CALLBACK (on_paint), window, 0);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_after_paint), window, 0);
}

static void
on_activate (GtkApplication *app,
             gpointer        user_data)
{
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *label;

  window = adw_application_window_new (app);
  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());

  label = gtk_label_new ("Bare window");
  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  if (g_strcmp0 (g_getenv ("NCL_BENCH_FIRST_FRAME"), "1") == 0)
    g_signal_connect (window, "map", G_CALLBACK (on_map), NULL);

  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  app = adw_application_new (BARE_APP_ID, G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
