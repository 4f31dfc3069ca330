/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ncl-application.h"
#include "ncl-post-parser.h"
#include "ncl-window.h"

#define BUNDLED_POST RESOURCE_BASE "/event/nats-connect-live-2020.md"

struct _NclApplication
{
  AdwApplication parent_instance;

  NclEvent *event;
  GError *load_error;
};

G_DEFINE_FINAL_TYPE (NclApplication, ncl_application, ADW_TYPE_APPLICATION)

/* The post built into the app: there is an event to show on first launch,
 * on a machine without network. It is in memory already, and parses in well
 * under a millisecond, so it does not delay the first frame. */
static void
load_bundled_event (NclApplication *self)
{
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resources_lookup_data (BUNDLED_POST, G_RESOURCE_LOOKUP_FLAGS_NONE, &self->load_error);
  if (bytes != NULL)
    self->event = ncl_post_parse (bytes, NCL_POST_PAGE_URI, &self->load_error);
}

static void
ncl_application_activate (GApplication *app)
{
  NclApplication *self = NCL_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      NclWindow *new_window = ncl_window_new (self);

      if (self->event != NULL)
        ncl_window_set_event (new_window, self->event);
      else
        ncl_window_show_error (new_window, self->load_error);

      window = GTK_WINDOW (new_window);
    }

  gtk_window_present (window);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  NclApplication *self = user_data;
  static const char *developers[] = { "NATS Connect Live developers", NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (window,
                         "application-name", _("NATS Connect Live"),
                         "application-icon", APP_ID,
                         "developer-name", _("NATS Connect Live developers"),
                         "developers", developers,
                         "version", PACKAGE_VERSION,
                         "website", "https://nats.io/nats_connect/",
                         "issue-url", "https://github.com/nats-io/connect-live/issues",
                         "comments", _("The talks, slides and videos of NATS Connect Live 2020, "
                                       "the first NATS conference, held online on 16 April 2020."),
                         "copyright", "© 2026 NATS Connect Live developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: replace with your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static void
ncl_application_startup (GApplication *app)
{
  NclApplication *self = NCL_APPLICATION (app);

  G_APPLICATION_CLASS (ncl_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close",
                                         (const char *[]) { "<Control>w", NULL });

  load_bundled_event (self);
}

static void
ncl_application_finalize (GObject *object)
{
  NclApplication *self = (NclApplication *)object;

  g_clear_object (&self->event);
  g_clear_error (&self->load_error);

  G_OBJECT_CLASS (ncl_application_parent_class)->finalize (object);
}

static void
ncl_application_class_init (NclApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ncl_application_finalize;

  app_class->activate = ncl_application_activate;
  app_class->startup = ncl_application_startup;
}

static void
ncl_application_init (NclApplication *self)
{
  g_set_application_name (_("NATS Connect Live"));
  gtk_window_set_default_icon_name (APP_ID);
}

NclApplication *
ncl_application_new (void)
{
  return g_object_new (NCL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/**
 * ncl_application_get_event:
 *
 * Returns: (nullable) (transfer none): the event the windows show
 */
NclEvent *
ncl_application_get_event (NclApplication *self)
{
  g_return_val_if_fail (NCL_IS_APPLICATION (self), NULL);

  return self->event;
}
