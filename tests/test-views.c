/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <libsoup/soup.h>

#include "ncl-cache.h"
#include "ncl-fetcher.h"
#include "ncl-session-row.h"
#include "ncl-speaker-row.h"
#include "ncl-highlight-card.h"
#include "ncl-window.h"

#include "ncl-test-server.h"
#include "ncl-test-source.h"
#include "ncl-test-util.h"

/*
 * The views as one: a real window over a source that refreshes from a real
 * HTTP server on loopback. What one view does (star a card, a refresh that
 * retitles a talk) shows in the others, read from the rows on screen and
 * their accessible names.
 */

typedef struct
{
  SoupServer *server;
  GSocketService *service;
  char *post;
  char *agenda;
  char *base;
  char *cache_dir;
  char *unwritable_cache;
  NclLibrary *library;
  NclSource *source;  /* the library's built-in event */
  NclWindow *window;
} Fixture;

/* The fixture's data: a cache that cannot be written. */
#define SAVE_FAILS GINT_TO_POINTER (1)

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *fixture = user_data;
  const char *body = g_str_equal (path, "/post.md") ? fixture->post
                     : g_str_equal (path, "/agenda/") ? fixture->agenda : NULL;

  if (body == NULL)
    {
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }

  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "text/plain; charset=utf-8", SOUP_MEMORY_COPY,
                                    body, strlen (body));
}

static gboolean
not_refreshing (gpointer data)
{
  Fixture *fixture = data;

  return !ncl_source_get_refreshing (fixture->source);
}

static void
refresh_and_wait (Fixture *fixture)
{
  ncl_source_refresh (fixture->source);
  ncl_test_wait_for (not_refreshing, fixture, 20, "the refresh");
  ncl_test_settle (50);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *agenda_path = g_test_build_filename (G_TEST_DIST, "fixtures", "agenda",
                                                         "connect-live-2020.html", NULL);
  g_autoptr(NclCache) cache = NULL;
  g_autoptr(NclFetcher) fetcher = NULL;
  g_autofree char *post_url = NULL;
  g_autofree char *agenda_url = NULL;
  guint16 port;

  fixture->post = read_file (g_getenv ("NCL_BUNDLED_POST"));
  fixture->agenda = read_file (agenda_path);
  fixture->cache_dir = g_dir_make_tmp ("ncl-views-XXXXXX", &error);
  g_assert_no_error (error);
  if (data == SAVE_FAILS)
    {
      /* The cache folder's parent is a regular file: no save can work,
       * even as root. */
      g_autofree char *file = g_build_filename (fixture->cache_dir, "not-a-folder", NULL);

      g_file_set_contents (file, "", 0, &error);
      g_assert_no_error (error);
      fixture->unwritable_cache = g_build_filename (file, "cache", NULL);
    }

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, server_cb, fixture, NULL);
  fixture->service = ncl_test_serve_on_loopback (fixture->server, &port);
  fixture->base = g_strdup_printf ("http://127.0.0.1:%u", port);

  cache = ncl_cache_new (fixture->unwritable_cache != NULL ? fixture->unwritable_cache
                                                          : fixture->cache_dir);
  fetcher = ncl_fetcher_new (cache);
  ncl_fetcher_set_timeout (fetcher, 5);
  post_url = g_strconcat (fixture->base, "/post.md", NULL);
  agenda_url = g_strconcat (fixture->base, "/agenda/", NULL);
  fixture->library = ncl_test_library_new (fetcher, post_url, agenda_url);
  fixture->source = ncl_library_get_built_in (fixture->library);

  fixture->window = g_object_new (NCL_TYPE_WINDOW,
                                  "default-width", 1000,
                                  "default-height", 800,
                                  NULL);
  ncl_window_set_library (fixture->window, fixture->library);
  gtk_window_present (GTK_WINDOW (fixture->window));
  refresh_and_wait (fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *rm = g_strdup_printf ("rm -rf '%s'", fixture->cache_dir);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  ncl_test_settle (20);
  fixture->source = NULL;
  g_clear_object (&fixture->library);
  ncl_test_stop_serving (g_steal_pointer (&fixture->service), fixture->server);
  g_clear_object (&fixture->server);
  g_spawn_command_line_sync (rm, NULL, NULL, NULL, NULL);
  g_free (fixture->cache_dir);
  g_free (fixture->unwritable_cache);
  g_free (fixture->base);
  g_free (fixture->post);
  g_free (fixture->agenda);
}

/* The rows of @type that a person sees: mapped and showing an item. */
static GPtrArray *
shown_rows (Fixture *fixture,
            GType    type)
{
  g_autoptr(GPtrArray) rows = ncl_test_find_all (GTK_WIDGET (fixture->window), type);
  GPtrArray *shown = g_ptr_array_new ();

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = rows->pdata[i];
      gboolean bound = type == NCL_TYPE_SPEAKER_ROW ? ncl_speaker_row_get_speaker (NCL_SPEAKER_ROW (row)) != NULL
                       : type == NCL_TYPE_SESSION_ROW ? ncl_session_row_get_session (NCL_SESSION_ROW (row)) != NULL
                       : ncl_highlight_card_get_highlight (NCL_HIGHLIGHT_CARD (row)) != NULL;

      if (gtk_widget_get_mapped (row) && bound)
        g_ptr_array_add (shown, row);
    }

  return shown;
}

static NclSessionRow *
find_session_row (Fixture    *fixture,
                  const char *title)
{
  g_autoptr(GPtrArray) rows = shown_rows (fixture, NCL_TYPE_SESSION_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      NclSession *session = ncl_session_row_get_session (rows->pdata[i]);

      if (g_strcmp0 (ncl_session_get_title (session), title) == 0)
        return rows->pdata[i];
    }

  return NULL;
}

/* A button on screen, by its label. */
static GtkButton *
find_button (GtkWidget  *root,
             const char *label)
{
  g_autoptr(GPtrArray) contents = ncl_test_find_all (root, ADW_TYPE_BUTTON_CONTENT);

  for (guint i = 0; i < contents->len; i++)
    if (gtk_widget_get_mapped (contents->pdata[i]) &&
        g_strcmp0 (adw_button_content_get_label (contents->pdata[i]), label) == 0)
      return GTK_BUTTON (gtk_widget_get_parent (contents->pdata[i]));

  return NULL;
}

static GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = ncl_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i]) &&
        g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
      return labels->pdata[i];

  return NULL;
}

static NclHighlightCard *
find_talk_row (Fixture *fixture,
               guint    number)
{
  g_autoptr(GPtrArray) rows = shown_rows (fixture, NCL_TYPE_HIGHLIGHT_CARD);

  for (guint i = 0; i < rows->len; i++)
    if (ncl_highlight_get_number (ncl_highlight_card_get_highlight (rows->pdata[i])) == number)
      return rows->pdata[i];

  return NULL;
}

static gboolean
talk_row_shown (gpointer data)
{
  return find_talk_row (data, 1) != NULL;
}

static gboolean
session_rows_shown (gpointer data)
{
  g_autoptr(GPtrArray) rows = shown_rows (data, NCL_TYPE_SESSION_ROW);

  return rows->len > 0;
}

static void
show_view (Fixture    *fixture,
           const char *name)
{
  ncl_window_show_view (fixture->window, name);
  ncl_test_settle (100);
}

/* Star a card in Talks: under Starred, Speakers shows its speaker, and the
 * Agenda its session; unstarred, neither. */
static void
test_starred_card_speaker (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) speakers = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  NclSpeaker *speaker;
  NclHighlightCard *card;

  ncl_test_wait_for (talk_row_shown, fixture, 10, "the first talk card");
  card = find_talk_row (fixture, 1);
  ncl_highlight_card_toggle_star (card);
  ncl_window_set_starred_only (fixture->window, TRUE);

  show_view (fixture, "speakers");
  speakers = shown_rows (fixture, NCL_TYPE_SPEAKER_ROW);
  g_assert_cmpuint (speakers->len, ==, 1);
  speaker = ncl_speaker_row_get_speaker (speakers->pdata[0]);
  g_assert_cmpstr (ncl_speaker_get_name (speaker), ==, "Alex Ellis");
  /* What a screen reader reads of the row: the name, and the company when
   * the agenda gives one. */
  if (ncl_speaker_get_affiliation (speaker) == NULL)
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (speakers->pdata[0]),
                                         GTK_ACCESSIBLE_PROPERTY_LABEL, "Alex Ellis");

  show_view (fixture, "agenda");
  ncl_test_wait_for (session_rows_shown, fixture, 10, "the agenda's rows");
  sessions = shown_rows (fixture, NCL_TYPE_SESSION_ROW);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_cmpstr (ncl_session_get_title (ncl_session_row_get_session (sessions->pdata[0])), ==,
                   "Serverless on Kubernetes with OpenFaaS & NATS");

  /* Unstarred from its session's row: nothing is starred anywhere. */
  ncl_session_row_toggle_star (sessions->pdata[0]);
  ncl_test_settle (50);
  g_clear_pointer (&sessions, g_ptr_array_unref);
  sessions = shown_rows (fixture, NCL_TYPE_SESSION_ROW);
  g_assert_cmpuint (sessions->len, ==, 0);

  show_view (fixture, "speakers");
  g_clear_pointer (&speakers, g_ptr_array_unref);
  speakers = shown_rows (fixture, NCL_TYPE_SPEAKER_ROW);
  g_assert_cmpuint (speakers->len, ==, 0);
}

/* A refresh retitles talk 1 into another session's talk: the Agenda offers
 * it on that session, and no longer on its old one. */
static void
test_retitled_talk_agenda (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GString) post = g_string_new (fixture->post);
  NclSessionRow *old_row, *new_row;

  show_view (fixture, "agenda");
  ncl_test_wait_for (session_rows_shown, fixture, 10, "the agenda's rows");
  old_row = find_session_row (fixture, "Serverless on Kubernetes with OpenFaaS & NATS");
  new_row = find_session_row (fixture, "NATS & Rust");
  g_assert_nonnull (old_row);
  g_assert_nonnull (new_row);
  g_assert_nonnull (find_button (GTK_WIDGET (old_row), "_Slides"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find_button (GTK_WIDGET (old_row), "_Slides")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Slides: Serverless and OpenFaaS and NATS");
  g_assert_null (find_button (GTK_WIDGET (new_row), "_Slides"));

  g_assert_cmpuint (g_string_replace (post, "### 1. Serverless and OpenFaaS and NATS", "### 1. NATS and Rust", 0), ==, 1);
  g_assert_cmpuint (g_string_replace (post, "Alex Ellis", "Tyler Neely", 0), >=, 1);
  g_free (fixture->post);
  fixture->post = g_string_free (g_steal_pointer (&post), FALSE);
  refresh_and_wait (fixture);

  old_row = find_session_row (fixture, "Serverless on Kubernetes with OpenFaaS & NATS");
  new_row = find_session_row (fixture, "NATS & Rust");
  g_assert_null (find_button (GTK_WIDGET (old_row), "_Slides"));
  g_assert_null (find_label (GTK_WIDGET (old_row), "Highlighted in the post"));
  g_assert_nonnull (find_label (GTK_WIDGET (new_row), "Highlighted in the post"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find_button (GTK_WIDGET (new_row), "_Slides")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Slides: NATS and Rust");
}

/* Labels on screen whose text starts with @prefix. */
static GPtrArray *
find_labels_with_prefix (GtkWidget  *root,
                         const char *prefix)
{
  g_autoptr(GPtrArray) labels = ncl_test_find_all (root, GTK_TYPE_LABEL);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i]) &&
        g_str_has_prefix (gtk_label_get_text (labels->pdata[i]), prefix))
      g_ptr_array_add (found, labels->pdata[i]);

  return found;
}

static gboolean
save_message_shown (GtkWidget *window)
{
  g_autoptr(GPtrArray) labels = find_labels_with_prefix (window, "Could not save");

  return labels->len > 0;
}

static gboolean
widget_gone (gpointer data)
{
  GtkWidget **widget = data;

  return *widget == NULL || gtk_widget_get_parent (*widget) == NULL;
}

/* The cache cannot be written: the window says so once, in one sentence
 * with the reason, while the fresh data shows. */
static void
test_save_fails_told_once (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autofree char *expected = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) close_buttons = NULL;
  const GError *error = ncl_source_get_error (fixture->source);
  GtkLabel *status;
  GtkWidget *toast;
  GtkWidget *close = NULL;

  /* The refresh (in the setup) brought the data: it is on screen, and the
   * status line says it is fresh. */
  g_assert_error ((GError *)error, NCL_SOURCE_ERROR, NCL_SOURCE_ERROR_SAVE_FAILED);
  ncl_test_wait_for (talk_row_shown, fixture, 10, "the first talk card");
  status = find_label (window, "Updated just now");
  g_assert_nonnull (status);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (status), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Updated just now");

  expected = g_strdup_printf ("Could not save the schedule for offline use: %s", error->message);
  messages = find_labels_with_prefix (window, "Could not save");
  g_assert_cmpuint (messages->len, ==, 1);
  g_assert_cmpstr (gtk_label_get_text (messages->pdata[0]), ==, expected);
  g_assert_nonnull (strstr (expected, fixture->unwritable_cache));
  g_assert_nonnull (strstr (expected, "Not a directory"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (messages->pdata[0]),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
  g_test_message ("told: %s", expected);

  /* The message is a toast: both documents failed to save, one toast. */
  toast = gtk_widget_get_ancestor (messages->pdata[0], g_type_from_name ("AdwToastWidget"));
  g_assert_nonnull (toast);

  /* Another refresh fails to save again: nothing more is told. Closed,
   * the toast has none queued behind it. */
  refresh_and_wait (fixture);
  g_assert_error ((GError *)ncl_source_get_error (fixture->source), NCL_SOURCE_ERROR,
                  NCL_SOURCE_ERROR_SAVE_FAILED);
  close_buttons = ncl_test_find_all (toast, GTK_TYPE_BUTTON);
  for (guint i = 0; i < close_buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_icon_name (close_buttons->pdata[i]), "window-close-symbolic") == 0)
      close = close_buttons->pdata[i];
  g_assert_nonnull (close);
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *)&toast);
  gtk_widget_activate (close);
  ncl_test_wait_for (widget_gone, &toast, 10, "the toast to close");
  if (toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (toast), (gpointer *)&toast);
  ncl_test_settle (500);
  g_assert_false (save_message_shown (window));

  /* The data stays fresh on screen. */
  g_assert_nonnull (find_talk_row (fixture, 1));
  g_assert_nonnull (find_label (window, "Updated just now"));
}

typedef struct
{
  Fixture *fixture;
  NclSource *source;
  guint sessions;
} SessionsWait;

static gboolean
has_sessions (gpointer data)
{
  SessionsWait *wait = data;

  return g_list_model_get_n_items (ncl_event_get_sessions (ncl_source_get_event (wait->source))) == wait->sessions &&
         !ncl_source_get_refreshing (wait->source);
}

static gboolean
session_row_shown (gpointer data)
{
  Fixture *fixture = data;

  return find_session_row (fixture, "Welcome to ExampleCon") != NULL;
}

static GtkWidget *
find_button_with_label (GtkWidget  *root,
                        const char *label)
{
  g_autoptr(GPtrArray) buttons = ncl_test_find_all (root, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), label) == 0 &&
        gtk_widget_is_drawable (buttons->pdata[i]))
      return buttons->pdata[i];

  return NULL;
}

static gboolean
undo_shown (gpointer data)
{
  return find_button_with_label (data, "_Undo") != NULL;
}

/* An event a person added: dropped on the window as a file, it appears in
 * the sidebar under its own title, opens on its agenda (it has no post),
 * and goes away with an undo toast that brings it back. */
static void
test_added_event (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GListModel *sources = ncl_library_get_sources (fixture->library);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "pentabarf", "conference.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(NclSource) added = NULL;
  GtkDropTarget *drop = NULL;
  SessionsWait wait = { fixture, NULL, 4 };
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GPtrArray) stacks = NULL;
  AdwViewStack *stack;
  gboolean dropped = FALSE;
  GtkWidget *undo;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && drop == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        drop = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (drop);

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array ((GFile *[]) { file }, 1));
  g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &dropped);
  g_assert_true (dropped);

  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 2);
  added = g_list_model_get_item (sources, 1);
  g_assert_true (ncl_window_get_source (fixture->window) == added);
  wait.source = added;
  ncl_test_wait_for (has_sessions, &wait, 20, "the dropped schedule");
  ncl_test_wait_for (session_row_shown, fixture, 10, "its first session");

  stacks = ncl_test_find_all (window, ADW_TYPE_VIEW_STACK);
  stack = ADW_VIEW_STACK (stacks->pdata[0]);
  /* It opens on its agenda; its Talks are the three talks it has slides
   * or a recording for, as cards, not called highlights of a post. */
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "agenda");
  g_assert_true (adw_view_stack_page_get_visible (adw_view_stack_get_page (stack,
                                                  adw_view_stack_get_child_by_name (stack, "talks"))));
  {
    GListModel *cards = ncl_event_get_highlights (ncl_source_get_event (added));

    g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 3);
    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(NclHighlight) card = g_list_model_get_item (cards, i);

        g_assert_true (ncl_highlight_get_from_schedule (card));
      }
  }
  g_assert_nonnull (find_label (window, "ExampleCon 2026"));
  g_assert_nonnull (find_label (window, "4 sessions"));

  /* A schedule's own slides and recordings are buttons on its rows, as the
   * post's highlights are on the built-in event's; a row with neither has
   * none. */
  {
    NclSessionRow *welcome = find_session_row (fixture, "Welcome to ExampleCon");
    NclSessionRow *gtk = find_session_row (fixture, "A Lightning Tour of GTK 4");
    NclSessionRow *schedules = find_session_row (fixture, "Schedules, Time Zones and Other Café Arguments");
    GtkButton *video, *slides;

    g_assert_nonnull (welcome);
    video = find_button (GTK_WIDGET (welcome), "_Video");
    g_assert_nonnull (video);
    g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (video)));
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (video), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Video: Welcome to ExampleCon");
    g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (video)), NULL), ==,
                     "https://video.examplecon.org/2026/janson/welcome.webm");
    g_assert_null (find_label (GTK_WIDGET (welcome), "Highlighted in the post"));

    slides = find_button (GTK_WIDGET (gtk), "_Slides");
    g_assert_nonnull (slides);
    g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (slides)), NULL), ==,
                     "https://slides.com/example/gtk4");
    /* No recording: the Video button says so, disabled. */
    g_assert_null (find_button (GTK_WIDGET (gtk), "_Video"));
    g_assert_nonnull (find_button (GTK_WIDGET (gtk), "No Video"));
    g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (find_button (GTK_WIDGET (gtk), "No Video"))));

    /* A YouTube page is the recording; no slides. */
    g_assert_nonnull (schedules);
    video = find_button (GTK_WIDGET (schedules), "_Video");
    g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (video)), NULL), ==,
                     "https://www.youtube.com/watch?v=dQw4w9WgXcQ");
    g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (find_button (GTK_WIDGET (schedules), "No Slides"))));
  }

  /* Removed: the built-in event is shown again, and Undo brings it back
   * where it was, sessions and all. */
  gtk_widget_activate_action (window, "win.remove-event", "s", ncl_source_get_id (added));
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 1);
  g_assert_true (ncl_window_get_source (fixture->window) == fixture->source);
  ncl_test_wait_for (undo_shown, window, 10, "the undo toast");
  g_assert_nonnull (find_label (window, "“ExampleCon 2026” removed"));
  undo = find_button_with_label (window, "_Undo");
  g_signal_emit_by_name (undo, "clicked");
  ncl_test_settle (50);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 2);
  {
    g_autoptr(NclSource) back = g_list_model_get_item (sources, 1);

    g_assert_true (back == added);
    g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_sessions (ncl_source_get_event (back))), ==, 4);
  }

  /* The same file again is the same event, shown. */
  ncl_window_add_event (fixture->window, uri);
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, 2);
  g_assert_true (ncl_window_get_source (fixture->window) == added);
}

int
main (int   argc,
      char *argv[])
{
  /* Accessible names are read: GTK's own test backend keeps them. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  ncl_test_init_gtk (&argc, &argv);

  g_test_add ("/ncl/views/starred-card-speaker", Fixture, NULL,
              fixture_setup, test_starred_card_speaker, fixture_teardown);
  g_test_add ("/ncl/views/retitled-talk-agenda", Fixture, NULL,
              fixture_setup, test_retitled_talk_agenda, fixture_teardown);

  g_test_add ("/ncl/views/added-event", Fixture, NULL,
              fixture_setup, test_added_event, fixture_teardown);
  g_test_add ("/ncl/views/save-fails-told-once", Fixture, SAVE_FAILS,
              fixture_setup, test_save_fails_told_once, fixture_teardown);

  return g_test_run ();
}
