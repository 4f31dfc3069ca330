/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <errno.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include <adwaita.h>

G_BEGIN_DECLS

/* Starts a UI test program: GLib's test framework, then GTK and
 * libadwaita, in the one order GTK accepts (GTK 4.18 aborts on a display
 * opened before gtk_init()). Where there is no display (a Flatpak build
 * runs the tests without one), the program is reported as skipped instead
 * of failing in gtk_init(): a child process tries to initialise GTK first,
 * so this process initialises it once and only once. The skip is said in
 * TAP ("1..0 # SKIP"), with status 0: meson reads exit status 77 as a skip
 * only for exitcode tests and as an error for TAP ones. */
static inline void
ncl_test_init_gtk (int    *argc,
                   char ***argv)
{
  int status = 0;
  pid_t pid = fork ();

  if (pid == 0)
    _exit (gtk_init_check () ? 0 : 1);
  if (pid < 0 || waitpid (pid, &status, 0) != pid)
    g_error ("Could not start a process to look for a display: %s", g_strerror (errno));

  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_print ("1..0 # SKIP no display to open (DISPLAY=%s, WAYLAND_DISPLAY=%s)\n",
               g_getenv ("DISPLAY") ? g_getenv ("DISPLAY") : "",
               g_getenv ("WAYLAND_DISPLAY") ? g_getenv ("WAYLAND_DISPLAY") : "");
      exit (0);
    }

  gtk_test_init (argc, argv, NULL);
  adw_init ();
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

/* @found without the widgets inside drop-downs (their buttons and their
 * popovers' lists), for the tests that look for the view's own. */
static inline GPtrArray *
ncl_test_outside_drop_downs (GPtrArray *found)
{
  for (guint i = found->len; i > 0; i--)
    {
      GtkWidget *parent = gtk_widget_get_parent (found->pdata[i - 1]);

      if (parent != NULL && gtk_widget_get_ancestor (parent, GTK_TYPE_DROP_DOWN) != NULL)
        g_ptr_array_remove_index (found, i - 1);
    }

  return found;
}

G_END_DECLS
