/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "ncl-agenda-view.h"
#include "ncl-event-header.h"
#include "ncl-session-row.h"
#include "ncl-speaker-row.h"
#include "ncl-speakers-view.h"
#include "ncl-highlight-picture.h"
#include "ncl-highlight-card.h"
#include "ncl-window.h"
#include "ncl-test-util.h"

/* Every template and .ui file of the app loads: a wrong property, a missing
 * object or a misnamed callback is a critical, and criticals are fatal here. */

static void
test_widget_template (gconstpointer data)
{
  GType type = ((GType (*) (void))data) ();
  GtkWidget *widget = g_object_ref_sink (g_object_new (type, NULL));

  g_assert_true (GTK_IS_WIDGET (widget));
  g_assert_nonnull (gtk_widget_get_first_child (widget));

  if (GTK_IS_WINDOW (widget))
    gtk_window_destroy (GTK_WINDOW (widget));
  g_object_unref (widget);
}

static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;
  GObject *overlay;

  gtk_builder_add_from_resource (builder, RESOURCE_BASE "/gtk/help-overlay.ui", &error);
  g_assert_no_error (error);

  overlay = gtk_builder_get_object (builder, "help_overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int   argc,
      char *argv[])
{
  ncl_test_init_gtk (&argc, &argv);

  g_test_add_data_func ("/ncl/templates/window", ncl_window_get_type, test_widget_template);
  g_test_add_data_func ("/ncl/templates/talk-row", ncl_highlight_card_get_type, test_widget_template);
  g_test_add_data_func ("/ncl/templates/talk-picture", ncl_highlight_picture_get_type, test_widget_template);
  g_test_add_data_func ("/ncl/templates/event-header", ncl_event_header_get_type, test_widget_template);
  g_test_add_data_func ("/ncl/templates/agenda-view", ncl_agenda_view_get_type, test_widget_template);
  g_test_add_data_func ("/ncl/templates/session-row", ncl_session_row_get_type, test_widget_template);
  g_test_add_data_func ("/ncl/templates/speakers-view", ncl_speakers_view_get_type, test_widget_template);
  g_test_add_data_func ("/ncl/templates/speaker-row", ncl_speaker_row_get_type, test_widget_template);
  g_test_add_func ("/ncl/templates/help-overlay", test_help_overlay);

  return g_test_run ();
}
