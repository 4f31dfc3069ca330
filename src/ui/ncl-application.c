/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ncl-application.h"
#include "ncl-util.h"
#include "ncl-library.h"
#include "ncl-search-provider.h"
#include "ncl-session.h"
#include "ncl-speaker.h"
#include "ncl-window.h"

#define SEARCH_PROVIDER_PATH "/io/nats/ConnectLive/SearchProvider"

struct _NclApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  NclLibrary *library;
  GError *load_error;
  gboolean loaded_saved;
  NclSearchProvider *search_provider;

  /* From the command line, for this run only. */
  gboolean offline;
  char *post_url;
  char *schedule_url;
};

G_DEFINE_FINAL_TYPE (NclApplication, ncl_application, ADW_TYPE_APPLICATION)

/* The library is made when the first window is: by then the command line
 * (--offline, --post-url, --schedule-url) has been read. */
static void
save_events_cb (NclApplication *self)
{
  g_auto(GStrv) locations = ncl_library_dup_locations (self->library);

  g_settings_set_strv (self->settings, "events", (const char * const *)locations);
}

static NclLibrary *
ensure_library (NclApplication *self)
{
  g_autofree char *cache_dir = NULL;
  g_autofree char *post_url = NULL;
  g_autofree char *schedule_url = NULL;
  g_auto(GStrv) locations = NULL;
  NclSource *built_in;

  if (self->library != NULL)
    return self->library;

  cache_dir = g_build_filename (g_get_user_cache_dir (), APP_ID, NULL);
  self->library = ncl_library_new_with_cache (cache_dir);
  ncl_library_set_offline (self->library, self->offline);

  built_in = ncl_library_get_built_in (self->library);
  if (built_in == NULL)
    {
      self->load_error = g_error_copy (ncl_library_get_built_in_error (self->library));
      return self->library;
    }

  /* Where the built-in event's documents are fetched from is the user's
   * to change (GSettings), or the command line's for one run. */
  post_url = self->post_url != NULL ? g_strdup (self->post_url) :
             g_settings_get_string (self->settings, "post-url");
  schedule_url = self->schedule_url != NULL ? g_strdup (self->schedule_url) :
                 g_settings_get_string (self->settings, "schedule-url");
  ncl_source_set_document_uri (built_in, "post", post_url);
  ncl_source_set_document_uri (built_in, "agenda", schedule_url);

  ncl_source_load_bundled (built_in, &self->load_error);

  /* The events a person added, in their order; kept as the list changes. */
  locations = g_settings_get_strv (self->settings, "events");
  for (guint i = 0; locations[i] != NULL; i++)
    ncl_library_add (self->library, locations[i]);
  g_signal_connect_object (ncl_library_get_sources (self->library), "items-changed",
                           G_CALLBACK (save_events_cb), self, G_CONNECT_SWAPPED);

  return self->library;
}

/* Saved copies are read from disk, and the network asked, only once the
 * first frame is on screen. */
static gboolean
load_saved_and_refresh_cb (gpointer data)
{
  NclApplication *self = data;

  if (!self->loaded_saved)
    {
      self->loaded_saved = TRUE;
      ncl_library_load_saved (self->library);
    }

  ncl_library_refresh_stale (self->library, G_TIME_SPAN_HOUR);

  return G_SOURCE_REMOVE;
}

/* The Shell's search may come before any window (the app started for it
 * by D-Bus activation): the events are loaded from their saved copies,
 * without a widget or the network. */
static NclLibrary *
search_library_cb (gpointer data)
{
  NclApplication *self = data;
  NclLibrary *library = ensure_library (self);

  if (self->load_error != NULL)
    return NULL;

  if (!self->loaded_saved)
    {
      self->loaded_saved = TRUE;
      ncl_library_load_saved (library);
    }

  return library;
}

static void
first_frame_cb (GdkFrameClock  *clock,
                NclApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  g_idle_add_full (G_PRIORITY_LOW, load_saved_and_refresh_cb,
                   g_object_ref (self), g_object_unref);
}

static void
window_map_cb (GtkWidget      *window,
               NclApplication *self)
{
  g_signal_handlers_disconnect_by_func (window, window_map_cb, self);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (first_frame_cb), self, 0);
}

static NclWindow *
present_window (NclApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      NclLibrary *library = ensure_library (self);
      NclWindow *new_window = ncl_window_new (GTK_APPLICATION (self));

      if (self->load_error == NULL)
        ncl_window_set_library (new_window, library);
      else
        ncl_window_show_error (new_window, self->load_error);

      window = GTK_WINDOW (new_window);
      if (!self->loaded_saved)
        g_signal_connect_object (window, "map", G_CALLBACK (window_map_cb), self, 0);
    }

  gtk_window_present (window);

  return NCL_WINDOW (window);
}

static void
ncl_application_activate (GApplication *app)
{
  present_window (NCL_APPLICATION (app));
}

static const GOptionEntry options[] = {
  /* A string, not G_OPTION_ARG_INT: GApplication drops an integer option
   * given as 0, and "--talk 0" deserves an error. */
  { "talk", 't', 0, G_OPTION_ARG_STRING, NULL,
    N_("Show talk number N of the post"), N_("N") },
  { "agenda", 'a', 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the agenda"), NULL },
  { "offline", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Do not use the network: show the saved copy, or the one built into the app"), NULL },
  { "post-url", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Fetch the event’s post from URL"), N_("URL") },
  { "schedule-url", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Fetch the agenda page from URL"), N_("URL") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { "export-ics", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the sessions of the schedule at FILE|URL to OUT as iCalendar, and quit"), N_("OUT") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    NULL, N_("[FILE|URL…]") },
  { NULL }
};

static gboolean
check_url_option (GVariantDict *dict,
                  const char   *name)
{
  const char *value;
  const char *scheme;

  if (!g_variant_dict_lookup (dict, name, "&s", &value))
    return TRUE;

  scheme = g_uri_peek_scheme (value);
  if (!g_uri_is_valid (value, G_URI_FLAGS_NONE, NULL) || scheme == NULL ||
      (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0))
    {
      /* Translators: the first %s is an option such as --post-url, the second what was given */
      g_printerr (_("--%s needs a web address (https://…), not “%s”\n"), name, value);
      return FALSE;
    }

  return TRUE;
}

/* Runs in the process that was started: a wrong option is said here, with
 * exit status 2, before any window or D-Bus call. */
static gboolean
parse_talk_option (GVariantDict *dict,
                   guint        *number)
{
  const char *text;
  guint64 value;

  if (!g_variant_dict_lookup (dict, "talk", "&s", &text))
    return FALSE;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT, &value, NULL))
    return FALSE;

  *number = (guint)value;
  return TRUE;
}

static gboolean
source_busy (gpointer data)
{
  return ncl_source_get_refreshing (data);
}

/* --export-ics OUT SOURCE: SOURCE read as the window reads an added event
 * (the same source, fetcher, cache and formats), written through the same
 * writer as the window's export. No window, no D-Bus name; OUT is written
 * whole or not at all. */
/* A command-line argument as an event's location: an http(s) or file URI
 * as given, anything else a path, relative to @cwd (where the command ran;
 * %NULL for this process's). %NULL for another scheme. */
static char *
location_for_arg (const char *arg,
                  const char *cwd)
{
  const char *scheme = g_uri_peek_scheme (arg);
  g_autoptr(GFile) file = NULL;

  if (scheme != NULL &&
      (g_str_equal (scheme, "http") || g_str_equal (scheme, "https") || g_str_equal (scheme, "file")))
    return g_strdup (arg);
  if (scheme != NULL || arg[0] == '\0')
    return NULL;

  file = cwd != NULL ? g_file_new_for_commandline_arg_and_cwd (arg, cwd)
                     : g_file_new_for_commandline_arg (arg);
  return g_file_get_uri (file);
}

static int
export_ics (const char *out,
            const char *arg)
{
  g_autofree char *cache_dir = g_build_filename (g_get_user_cache_dir (), APP_ID, NULL);
  g_autoptr(NclLibrary) library = ncl_library_new_with_cache (cache_dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *location = location_for_arg (arg, NULL);
  g_autofree char *text = NULL;
  NclSource *source;
  gsize length;

  if (location == NULL)
    {
      g_printerr (_("“%s” is neither a file nor a web address (https://…)\n"), arg);
      return 1;
    }

  source = ncl_library_add (library, location);
  ncl_source_refresh (source);
  while (source_busy (source))
    g_main_context_iteration (NULL, TRUE);

  if (ncl_source_get_error (source) != NULL)
    {
      g_printerr ("%s\n", ncl_source_get_error (source)->message);
      return 1;
    }

  text = ncl_source_write_ics (source, NULL, &length, &error);
  if (text == NULL || !g_file_set_contents (out, text, (gssize)length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}

static int
ncl_application_handle_local_options (GApplication *app,
                                      GVariantDict *dict)
{
  guint talk;

  if (g_variant_dict_contains (dict, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (dict, "talk") && !parse_talk_option (dict, &talk))
    {
      const char *text = NULL;

      g_variant_dict_lookup (dict, "talk", "&s", &text);
      /* Translators: %s is what was given after --talk */
      g_printerr (_("--talk needs the number of a talk, from 1, not “%s”\n"), text);
      return 2;
    }

  if (!check_url_option (dict, "post-url") || !check_url_option (dict, "schedule-url"))
    return 2;

  if (g_variant_dict_contains (dict, "export-ics"))
    {
      g_autofree const char **remaining = NULL;
      const char *out = NULL;

      g_variant_dict_lookup (dict, "export-ics", "^&ay", &out);
      if (!g_variant_dict_lookup (dict, G_OPTION_REMAINING, "^a&ay", &remaining) ||
          remaining[0] == NULL || remaining[1] != NULL)
        {
          g_printerr (_("--export-ics needs one schedule to read: connect-live --export-ics OUT.ics FILE|URL\n"));
          return 2;
        }
      return export_ics (out, remaining[0]);
    }

  return G_APPLICATION_CLASS (ncl_application_parent_class)->handle_local_options (app, dict);
}

/* Runs in the app's one process, for its own start and for every later
 * launch (the desktop menu, a desktop action, `connect-live --talk 3`). */

static int
ncl_application_command_line (GApplication            *app,
                              GApplicationCommandLine *command_line)
{
  NclApplication *self = NCL_APPLICATION (app);
  GVariantDict *dict = g_application_command_line_get_options_dict (command_line);
  NclWindow *window;
  const char *url;
  g_autofree const char **remaining = NULL;
  int status = 0;
  guint talk;

  if (g_variant_dict_contains (dict, "offline"))
    self->offline = TRUE;
  if (g_variant_dict_lookup (dict, "post-url", "&s", &url))
    ncl_set_str (&self->post_url, url);
  if (g_variant_dict_lookup (dict, "schedule-url", "&s", &url))
    ncl_set_str (&self->schedule_url, url);

  window = present_window (self);

  /* connect-live FILE|URL…: each is added (once) and the last one shown;
   * a second call reaches this, the running instance. */
  if (g_variant_dict_lookup (dict, G_OPTION_REMAINING, "^a&ay", &remaining))
    {
      for (guint i = 0; remaining[i] != NULL; i++)
        {
          const char *cwd = g_application_command_line_get_cwd (command_line);
          g_autofree char *location = location_for_arg (remaining[i], cwd);

          if (location == NULL)
            {
              g_autofree char *shown = g_filename_display_name (remaining[i]);
              g_autofree char *message = NULL;

              /* Translators: %s is what was given on the command line */
              message = g_strdup_printf (_("“%s” is neither a file nor a web address (https://…)"), shown);
              g_application_command_line_printerr (command_line, "%s\n", message);
              ncl_window_add_toast (window, message);
              status = 2;
              continue;
            }
          if (self->load_error == NULL)
            ncl_window_add_event (window, location);
        }
    }

  if (parse_talk_option (dict, &talk))
    {
      if (self->load_error == NULL &&
          ncl_event_find_highlight (ncl_source_get_event (ncl_library_get_built_in (self->library)), talk) == NULL)
        {
          g_autofree char *message = NULL;

          /* Translators: %u is the number asked for on the command line */
          message = g_strdup_printf (_("The post has no talk %u"), talk);
          g_application_command_line_printerr (command_line, "%s\n", message);
          ncl_window_add_toast (window, message);
          return 2;
        }

      ncl_window_show_talk (window, talk);
    }
  else if (g_variant_dict_contains (dict, "agenda"))
    ncl_window_show_view (window, "agenda");

  return status;
}

/* Files opened from the file manager or the Shell, over D-Bus (the command
 * line's arguments go to command_line() instead). */
static void
ncl_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  NclApplication *self = NCL_APPLICATION (app);
  NclWindow *window = present_window (self);

  if (self->load_error != NULL)
    return;

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *uri = g_file_get_uri (files[i]);

      ncl_window_add_event (window, uri);
    }
}

static void
activate_session_cb (NclApplication *self,
                     NclSource      *source,
                     NclSession     *session)
{
  NclWindow *window = present_window (self);

  if (self->load_error == NULL)
    ncl_window_show_session (window, source, session);
}

static void
activate_speaker_cb (NclApplication *self,
                     NclSource      *source,
                     NclSpeaker     *speaker)
{
  NclWindow *window = present_window (self);

  if (self->load_error == NULL)
    ncl_window_show_speaker (window, source, speaker);
}

static void
launch_search_cb (NclApplication *self,
                  const char     *text)
{
  NclWindow *window = present_window (self);

  if (self->load_error == NULL)
    ncl_window_search (window, text);
}

/* The search provider lives on the app's own bus name, so the Shell
 * starts the app for it (D-Bus activation) when it does not run. */
static gboolean
ncl_application_dbus_register (GApplication     *app,
                               GDBusConnection  *connection,
                               const char       *object_path,
                               GError          **error)
{
  NclApplication *self = NCL_APPLICATION (app);

  if (!G_APPLICATION_CLASS (ncl_application_parent_class)->dbus_register (app, connection, object_path, error))
    return FALSE;

  self->search_provider = ncl_search_provider_new (app, search_library_cb, self);
  g_signal_connect_object (self->search_provider, "activate-session",
                           G_CALLBACK (activate_session_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_provider, "activate-speaker",
                           G_CALLBACK (activate_speaker_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_provider, "launch-search",
                           G_CALLBACK (launch_search_cb), self, G_CONNECT_SWAPPED);

  return ncl_search_provider_register (self->search_provider, connection, SEARCH_PROVIDER_PATH, error);
}

static void
ncl_application_dbus_unregister (GApplication    *app,
                                 GDBusConnection *connection,
                                 const char      *object_path)
{
  NclApplication *self = NCL_APPLICATION (app);

  if (self->search_provider != NULL)
    ncl_search_provider_unregister (self->search_provider);
  g_clear_object (&self->search_provider);

  G_APPLICATION_CLASS (ncl_application_parent_class)->dbus_unregister (app, connection, object_path);
}

static void
agenda_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  ncl_window_show_view (present_window (NCL_APPLICATION (user_data)), "agenda");
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

static void
refresh_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  NclApplication *self = user_data;

  if (self->library != NULL)
    ncl_library_refresh (self->library);
}

static const GActionEntry app_actions[] = {
  { "refresh", refresh_action },
  { "about", about_action },
  /* The desktop file's "Agenda" action, started over D-Bus. */
  { "Agenda", agenda_action },
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

  self->settings = g_settings_new (APP_ID);
}

static void
ncl_application_finalize (GObject *object)
{
  NclApplication *self = (NclApplication *)object;

  g_clear_object (&self->search_provider);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);
  g_clear_error (&self->load_error);
  g_clear_pointer (&self->post_url, g_free);
  g_clear_pointer (&self->schedule_url, g_free);

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
  app_class->handle_local_options = ncl_application_handle_local_options;
  app_class->command_line = ncl_application_command_line;
  app_class->open = ncl_application_open;
  app_class->dbus_register = ncl_application_dbus_register;
  app_class->dbus_unregister = ncl_application_dbus_unregister;
}

static void
ncl_application_init (NclApplication *self)
{
  g_set_application_name (_("NATS Connect Live"));
  gtk_window_set_default_icon_name (APP_ID);

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  /* Started for the Shell's search (--gapplication-service), the app
   * stays a while for the next keystroke's search. */
  g_application_set_inactivity_timeout (G_APPLICATION (self), 20000);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("The talks, slides and videos of NATS Connect Live 2020."));
}

NclApplication *
ncl_application_new (void)
{
  return g_object_new (NCL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

