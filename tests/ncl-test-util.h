/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdlib.h>
#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Where there is no display (a Flatpak build runs the tests without one),
 * a UI test has nothing to run on: report the program as skipped instead of
 * failing in gtk_init(). Call it before gtk_test_init(). The skip is said in
 * TAP ("1..0 # SKIP"), with status 0: meson reads exit status 77 as a skip
 * only for exitcode tests and as an error for TAP ones. */
static inline void
ncl_test_require_display (void)
{
  GdkDisplay *display = gdk_display_open (NULL);

  if (display == NULL)
    {
      g_print ("1..0 # SKIP no display to open (DISPLAY=%s, WAYLAND_DISPLAY=%s)\n",
               g_getenv ("DISPLAY") ? g_getenv ("DISPLAY") : "",
               g_getenv ("WAYLAND_DISPLAY") ? g_getenv ("WAYLAND_DISPLAY") : "");
      exit (0);
    }
  gdk_display_close (display);
}

typedef gboolean (*NclTestCondition) (gpointer user_data);

/* Runs the main loop until @condition holds; fails the test after @seconds. */
static inline void
ncl_test_wait_for (NclTestCondition  condition,
                   gpointer          user_data,
                   guint             seconds,
                   const char       *what)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!condition (user_data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out after %u s waiting for %s", seconds, what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Lets a few frames happen, so that layout and drawing settle. */
static inline void
ncl_test_settle (guint milliseconds)
{
  gint64 until = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Every descendant of @root of @type, in tree order. */
static inline void
ncl_test_collect (GtkWidget *root,
                  GType      type,
                  GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_type_is_a (G_OBJECT_TYPE (child), type))
        g_ptr_array_add (found, child);
      ncl_test_collect (child, type, found);
    }
}

static inline GPtrArray *
ncl_test_find_all (GtkWidget *root,
                   GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  ncl_test_collect (root, type, found);
  return found;
}

G_END_DECLS
