/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ncl-event.h"
#include "ncl-query.h"
#include "ncl-search-provider.h"
#include "ncl-session.h"
#include "ncl-speaker.h"
#include "ncl-time.h"

/*
 * The GNOME Shell search provider (org.gnome.Shell.SearchProvider2): a
 * search in the Shell's overview finds the sessions and speakers of every
 * event in the list. It is the window's one search: the same NclQuery over
 * the same folded text of each session and speaker (ncl-search-filter.c),
 * so "zurich" finds "Zürich" in both. It needs no window: the library is
 * asked for once a search comes, and it loads the saved copies without
 * building a widget.
 *
 * A result's id is "session" or "speaker", the event's id and the
 * session's id or the speaker's name, separated by tabs; ids are opaque to
 * the Shell, and stay valid while the event is in the list.
 */

#define MAX_RESULTS 100
#define ID_SEPARATOR "\t"

struct _NclSearchProvider
{
  GObject parent_instance;

  GApplication *app;
  NclSearchProviderLibraryFunc library_func;
  gpointer library_data;

  GDBusConnection *connection;
  guint registration_id;
};

G_DEFINE_FINAL_TYPE (NclSearchProvider, ncl_search_provider, G_TYPE_OBJECT)

enum {
  ACTIVATE_SESSION,
  ACTIVATE_SPEAKER,
  LAUNCH_SEARCH,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static NclLibrary *
get_library (NclSearchProvider *self)
{
  return self->library_func (self->library_data);
}

/* A result, resolved from its id. */
typedef struct
{
  NclSource *source;
  NclSession *session;
  NclSpeaker *speaker;
} Result;

static void
result_clear (Result *result)
{
  g_clear_object (&result->source);
  g_clear_object (&result->session);
  g_clear_object (&result->speaker);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static char *
session_result_id (NclSource  *source,
                   NclSession *session)
{
  return g_strjoin (ID_SEPARATOR, "session", ncl_source_get_id (source), ncl_session_get_id (session), NULL);
}

static char *
speaker_result_id (NclSource  *source,
                   NclSpeaker *speaker)
{
  return g_strjoin (ID_SEPARATOR, "speaker", ncl_source_get_id (source), ncl_speaker_get_name (speaker), NULL);
}

static NclSource *
find_source (NclLibrary *library,
             const char *id)
{
  GListModel *sources = ncl_library_get_sources (library);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(NclSource) source = g_list_model_get_item (sources, i);

      if (g_strcmp0 (ncl_source_get_id (source), id) == 0)
        return g_steal_pointer (&source);
    }

  return NULL;
}

static NclSession *
find_session (NclEvent   *event,
              const char *id)
{
  GListModel *sessions = ncl_event_get_sessions (event);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(NclSession) session = g_list_model_get_item (sessions, i);

      if (g_strcmp0 (ncl_session_get_id (session), id) == 0)
        return g_steal_pointer (&session);
    }

  return NULL;
}

static gboolean
resolve (NclSearchProvider *self,
         const char        *id,
         Result            *result)
{
  g_auto(GStrv) parts = g_strsplit (id, ID_SEPARATOR, 3);
  NclLibrary *library = get_library (self);
  NclEvent *event;

  if (library == NULL || g_strv_length (parts) != 3 ||
      !(result->source = find_source (library, parts[1])))
    return FALSE;

  event = ncl_source_get_event (result->source);
  if (g_str_equal (parts[0], "session"))
    result->session = find_session (event, parts[2]);
  else if (g_str_equal (parts[0], "speaker") && ncl_event_find_speaker (event, parts[2]) != NULL)
    result->speaker = g_object_ref (ncl_event_find_speaker (event, parts[2]));

  return result->session != NULL || result->speaker != NULL;
}

/* The Shell splits what was typed at spaces; the window's search takes
 * the words as one text. */
static NclQuery *
query_for_terms (const char * const *terms)
{
  g_autofree char *text = g_strjoinv (" ", (char **)terms);

  return ncl_query_new (text);
}

static gboolean
result_matches (const Result   *result,
                const NclQuery *query)
{
  const char *text = NULL;

  if (result->session != NULL && ncl_session_get_kind (result->session) == NCL_SESSION_TALK)
    text = ncl_session_get_search_text (result->session);
  else if (result->speaker != NULL)
    text = ncl_speaker_get_search_text (result->speaker);

  return text != NULL && ncl_query_matches (query, text);
}

/**
 * ncl_search_provider_search:
 * @terms: the words typed
 * @previous: (nullable): the results to narrow (a subsearch), or %NULL to
 *   search every event
 *
 * Finds the sessions, then the speakers, of every event that match
 * @terms, as the window's search does; at most 100.
 *
 * Returns: (transfer full) (element-type utf8): the results' ids
 */
GPtrArray *
ncl_search_provider_search (NclSearchProvider  *self,
                            const char * const *terms,
                            const char * const *previous)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) speaker_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(NclQuery) query = query_for_terms (terms);
  NclLibrary *library;
  GListModel *sources;

  g_return_val_if_fail (NCL_IS_SEARCH_PROVIDER (self), NULL);
  g_return_val_if_fail (terms != NULL, NULL);

  /* No words, no results: the Shell shows nothing for an empty query. */
  if (ncl_query_is_empty (query) || !(library = get_library (self)))
    return g_steal_pointer (&ids);

  if (previous != NULL)
    {
      for (guint i = 0; previous[i] != NULL && ids->len < MAX_RESULTS; i++)
        {
          g_auto(Result) result = { NULL, };

          if (resolve (self, previous[i], &result) && result_matches (&result, query))
            g_ptr_array_add (ids, g_strdup (previous[i]));
        }
      return g_steal_pointer (&ids);
    }

  sources = ncl_library_get_sources (library);
  for (guint i = 0; i < g_list_model_get_n_items (sources) && ids->len < MAX_RESULTS; i++)
    {
      g_autoptr(NclSource) source = g_list_model_get_item (sources, i);
      NclEvent *event = ncl_source_get_event (source);
      GListModel *sessions = ncl_event_get_sessions (event);
      GListModel *speakers = ncl_event_get_speakers (event);

      for (guint j = 0; j < g_list_model_get_n_items (sessions) && ids->len < MAX_RESULTS; j++)
        {
          g_auto(Result) result = { .session = g_list_model_get_item (sessions, j) };

          if (result_matches (&result, query))
            g_ptr_array_add (ids, session_result_id (source, result.session));
        }

      for (guint j = 0; j < g_list_model_get_n_items (speakers) && speaker_ids->len < MAX_RESULTS; j++)
        {
          g_auto(Result) result = { .speaker = g_list_model_get_item (speakers, j) };

          if (result_matches (&result, query))
            g_ptr_array_add (speaker_ids, speaker_result_id (source, result.speaker));
        }
    }

  /* Sessions first: they are what a search is mostly for. */
  for (guint i = 0; i < speaker_ids->len && ids->len < MAX_RESULTS; i++)
    g_ptr_array_add (ids, g_strdup (g_ptr_array_index (speaker_ids, i)));

  return g_steal_pointer (&ids);
}

/* "Saturday, February 7, 10:30 · Janson · Ada Lovelace, Alan Turing":
 * when and where, in the user's time zone unless the event names none. */
static char *
session_description (NclEvent   *event,
                     NclSession *session)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char * const *speakers = ncl_session_get_speaker_names (session);
  GDateTime *start = ncl_session_get_start (session);

  if (start != NULL)
    {
      g_autoptr(GDateTime) shown = ncl_event_get_floating (event) ? g_date_time_ref (start) :
                                                                    ncl_time_to_local (start);
      g_autofree char *day = ncl_time_format_day (shown);
      g_autofree char *clock = ncl_time_format_clock (shown);

      /* Translators: a session's day and time in a search result, as in "Friday, April 17, 10:30" */
      g_ptr_array_add (parts, g_strdup_printf (C_("search result", "%s, %s"), day, clock));
    }
  if (ncl_session_get_room (session) != NULL)
    g_ptr_array_add (parts, g_strdup (ncl_session_get_room (session)));
  if (speakers != NULL && speakers[0] != NULL)
    g_ptr_array_add (parts, g_strjoinv (", ", (char **)speakers));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **)parts->pdata);
}

/* "2 sessions at FOSDEM 2026" */
static char *
speaker_description (NclEvent   *event,
                     NclSpeaker *speaker)
{
  guint n = g_list_model_get_n_items (ncl_speaker_get_sessions (speaker));

  /* Translators: a speaker in a search result; %u is a number of sessions, %s the event's name */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u session at %s", "%u sessions at %s", n),
                          n, ncl_event_get_title (event));
}

static GVariant *
result_meta (const char   *id,
             const Result *result)
{
  NclEvent *event = ncl_source_get_event (result->source);
  g_autoptr(GIcon) icon = NULL;
  g_autoptr(GVariant) serialized = NULL;
  g_autofree char *description = NULL;
  GVariantBuilder meta;

  g_variant_builder_init (&meta, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&meta, "{sv}", "id", g_variant_new_string (id));
  if (result->session != NULL)
    {
      g_variant_builder_add (&meta, "{sv}", "name", g_variant_new_string (ncl_session_get_title (result->session)));
      description = session_description (event, result->session);
      icon = g_themed_icon_new (APP_ID);
    }
  else
    {
      g_variant_builder_add (&meta, "{sv}", "name", g_variant_new_string (ncl_speaker_get_name (result->speaker)));
      description = speaker_description (event, result->speaker);
      icon = g_themed_icon_new ("avatar-default-symbolic");
    }
  g_variant_builder_add (&meta, "{sv}", "description", g_variant_new_string (description));
  if ((serialized = g_icon_serialize (icon)) != NULL)
    g_variant_builder_add (&meta, "{sv}", "icon", serialized);

  return g_variant_builder_end (&meta);
}

static GVariant *
get_result_metas (NclSearchProvider  *self,
                  const char * const *ids)
{
  GVariantBuilder metas;

  g_variant_builder_init (&metas, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_auto(Result) result = { NULL, };

      /* An event removed since the search: its results go unnamed. */
      if (resolve (self, ids[i], &result))
        g_variant_builder_add_value (&metas, result_meta (ids[i], &result));
    }

  return g_variant_new ("(aa{sv})", &metas);
}

static GVariant *
strv_result (GPtrArray *ids)
{
  g_ptr_array_add (ids, NULL);

  return g_variant_new ("(^as)", (char **)ids->pdata);
}

static void
method_call_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  NclSearchProvider *self = user_data;
  g_autofree const char **terms = NULL;
  g_autofree const char **previous = NULL;
  GVariant *reply = NULL;

  /* A search keeps a service started for it (D-Bus activation) running
   * for the application's inactivity timeout after it. */
  g_application_hold (self->app);

  if (g_str_equal (method_name, "GetInitialResultSet"))
    {
      g_autoptr(GPtrArray) ids = NULL;

      g_variant_get (parameters, "(^a&s)", &terms);
      ids = ncl_search_provider_search (self, terms, NULL);
      reply = strv_result (ids);
    }
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      g_autoptr(GPtrArray) ids = NULL;

      g_variant_get (parameters, "(^a&s^a&s)", &previous, &terms);
      ids = ncl_search_provider_search (self, terms, previous);
      reply = strv_result (ids);
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_variant_get (parameters, "(^a&s)", &terms);
      reply = get_result_metas (self, terms);
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      const char *id;
      g_auto(Result) result = { NULL, };

      g_variant_get (parameters, "(&s^a&su)", &id, &terms, NULL);
      if (resolve (self, id, &result))
        {
          if (result.session != NULL)
            g_signal_emit (self, signals[ACTIVATE_SESSION], 0, result.source, result.session);
          else
            g_signal_emit (self, signals[ACTIVATE_SPEAKER], 0, result.source, result.speaker);
        }
      else
        {
          /* Removed since the search: the search itself, in the window. */
          g_autofree char *text = g_strjoinv (" ", (char **)terms);

          g_signal_emit (self, signals[LAUNCH_SEARCH], 0, text);
        }
      reply = g_variant_new ("()");
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_autofree char *text = NULL;

      g_variant_get (parameters, "(^a&su)", &terms, NULL);
      text = g_strjoinv (" ", (char **)terms);
      g_signal_emit (self, signals[LAUNCH_SEARCH], 0, text);
      reply = g_variant_new ("()");
    }

  if (reply != NULL)
    g_dbus_method_invocation_return_value (invocation, reply);
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                           "No method %s", method_name);

  g_application_release (self->app);
}

static const GDBusInterfaceVTable vtable = { method_call_cb, NULL, NULL, { NULL, } };

static void
ncl_search_provider_dispose (GObject *object)
{
  NclSearchProvider *self = (NclSearchProvider *)object;

  ncl_search_provider_unregister (self);

  G_OBJECT_CLASS (ncl_search_provider_parent_class)->dispose (object);
}

static void
ncl_search_provider_class_init (NclSearchProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ncl_search_provider_dispose;

  /**
   * NclSearchProvider::activate-session:
   * @source: the session's event
   * @session: the session chosen in the Shell
   */
  signals[ACTIVATE_SESSION] =
    g_signal_new ("activate-session", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, NCL_TYPE_SOURCE, G_TYPE_OBJECT);

  /**
   * NclSearchProvider::activate-speaker:
   * @source: the speaker's event
   * @speaker: the speaker chosen in the Shell
   */
  signals[ACTIVATE_SPEAKER] =
    g_signal_new ("activate-speaker", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, NCL_TYPE_SOURCE, G_TYPE_OBJECT);

  /**
   * NclSearchProvider::launch-search:
   * @text: the words typed in the Shell
   */
  signals[LAUNCH_SEARCH] =
    g_signal_new ("launch-search", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ncl_search_provider_init (NclSearchProvider *self)
{
}

/**
 * ncl_search_provider_new:
 * @app: the application a search keeps running
 * @library_func: gives the library to search
 */
NclSearchProvider *
ncl_search_provider_new (GApplication                 *app,
                         NclSearchProviderLibraryFunc  library_func,
                         gpointer                      user_data)
{
  NclSearchProvider *self;

  g_return_val_if_fail (G_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (library_func != NULL, NULL);

  self = g_object_new (NCL_TYPE_SEARCH_PROVIDER, NULL);
  self->app = app;
  self->library_func = library_func;
  self->library_data = user_data;

  return self;
}

/**
 * ncl_search_provider_register:
 *
 * Exports the provider at @object_path on @connection.
 */
gboolean
ncl_search_provider_register (NclSearchProvider  *self,
                              GDBusConnection    *connection,
                              const char         *object_path,
                              GError            **error)
{
  g_autoptr(GDBusNodeInfo) info = NULL;

  g_return_val_if_fail (NCL_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (self->registration_id == 0, FALSE);

  info = g_dbus_node_info_new_for_xml (introspection_xml, error);
  if (info == NULL)
    return FALSE;

  self->registration_id = g_dbus_connection_register_object (connection, object_path, info->interfaces[0],
                                                             &vtable, self, NULL, error);
  if (self->registration_id == 0)
    return FALSE;

  self->connection = g_object_ref (connection);
  return TRUE;
}

void
ncl_search_provider_unregister (NclSearchProvider *self)
{
  g_return_if_fail (NCL_IS_SEARCH_PROVIDER (self));

  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  self->registration_id = 0;
  g_clear_object (&self->connection);
}
