/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "ncl-add-event-dialog.h"
#include "ncl-agenda-view.h"
#include "ncl-events-sidebar.h"
#include "ncl-highlights-view.h"
#include "ncl-speakers-view.h"
#include "ncl-search-filter.h"
#include "ncl-session-row.h"
#include "ncl-source-status.h"
#include "ncl-speaker.h"
#include "ncl-stars.h"
#include "ncl-highlight-card.h"
#include "ncl-web-page.h"
#include "ncl-window.h"

struct _NclWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
  NclStars *stars;
  NclLibrary *library;
  NclSource *source;  /* the library's event on screen */
  GSignalGroup *source_signals;
  GSignalGroup *sessions_signals;
  GSignalGroup *highlights_signals;
  NclEventsSidebar *sidebar;
  AdwLeaflet *split;  /* the sidebar beside the event */
  GtkWidget *content_page;
  /* Where focus was when Add Event opened, to come back to. */
  GtkWidget *dialog_focus;
  gboolean added_from_dialog;
  NclSource *removed;  /* what Undo puts back, and where */
  guint removed_position;
  guint status_timeout_id;
  /* A save that failed is told once a run, not on every refresh. */
  gboolean told_save_failed;
  NclEvent *event;

  /* Search and the starred filter, one for every view. */
  NclSearchFilter *filter;
  char *results_text;

  /* Where focus was in each view (talks, agenda, speakers), to go back to,
   * and the talk a search started from. */
  GtkWidget *view_focus[3];
  guint focused_talk;
  char *current_view;

  AdwToastOverlay *toast_overlay;
  GtkStack *main_stack;
  GtkWidget *main_page;
  NclWebPage *web_page;
  AdwViewSwitcherTitle *switcher_title;
  GtkStack *refresh_stack;
  AdwViewStack *view_stack;
  AdwBin *agenda_bin;
  AdwBin *speakers_bin;
  NclAgendaView *agenda_view;
  NclSpeakersView *speakers_view;
  GtkLabel *status_label;
  GtkStack *stack;
  NclHighlightsView *talks_view;
  AdwStatusPage *error_page;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkToggleButton *search_button;
  GtkLabel *results_label;

  /* The talk whose slides or video are open, to come back to. */
  guint opened_talk;
  /* A talk was asked for (--talk N): focus starts there, not on the top. */
  gboolean talk_asked_for;
  gboolean opened_video;

  /* Startup benchmark (NCL_BENCH_FIRST_FRAME=1): see frame_clock_paint_cb(). */
  gboolean bench_first_frame;
  gboolean content_painted;
  gboolean initial_focus_done;
};

G_DEFINE_FINAL_TYPE (NclWindow, ncl_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  ACTIVATE_LINK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_results (NclWindow *self);
static void source_status_cb (NclWindow *self);
static void source_refreshing_cb (NclWindow *self);
static void source_problem_cb (NclWindow    *self,
                               const char   *document,
                               const GError *error);
static void update_empty_states (NclWindow *self);
static void update_title (NclWindow *self);
static void update_talks_page (NclWindow *self);
static void source_activated_cb (NclWindow *self,
                                 NclSource *source);

static void
show_uri_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(NclWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *title = NULL;

      /* Translators: %s says why, e.g. "No application is registered as handling this file" */
      title = g_strdup_printf (_("Could not open the link: %s"), error->message);
      ncl_window_add_toast (self, title);
    }
}

static gboolean
ncl_window_real_activate_link (NclWindow  *self,
                               const char *uri)
{
  gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, NULL,
                     show_uri_cb, g_object_ref (self));
  return TRUE;
}

static void
open_link (NclWindow  *self,
           const char *uri)
{
  gboolean handled = FALSE;

  g_signal_emit (self, signals[ACTIVATE_LINK], 0, uri, &handled);
}

static void
open_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  open_link (NCL_WINDOW (widget), g_variant_get_string (param, NULL));
}

static NclHighlight *
find_talk_by_link (NclWindow  *self,
                   const char *uri,
                   gboolean    video)
{
  GListModel *talks;
  guint n_talks;

  if (self->event == NULL)
    return NULL;

  talks = ncl_event_get_highlights (self->event);
  n_talks = g_list_model_get_n_items (talks);

  for (guint i = 0; i < n_talks; i++)
    {
      g_autoptr(NclHighlight) talk = g_list_model_get_item (talks, i);
      const char *link = video ? ncl_highlight_get_video_url (talk) : ncl_highlight_get_slides_url (talk);

      if (g_strcmp0 (link, uri) == 0)
        return talk;
    }

  return NULL;
}

static NclWebPage *
ensure_web_page (NclWindow *self)
{
  if (self->web_page == NULL)
    {
      self->web_page = NCL_WEB_PAGE (ncl_web_page_new ());
      gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->web_page), "web");
    }

  return self->web_page;
}

static void
show_web_page (NclWindow    *self,
               NclHighlight *talk,
               gboolean      video)
{
  GtkWidget *content;

  self->opened_talk = talk != NULL ? ncl_highlight_get_number (talk) : 0;
  self->opened_video = video;

  gtk_stack_set_visible_child (self->main_stack, GTK_WIDGET (self->web_page));

  /* Keys go to the page (scrolling, the slides' own arrows) at once. */
  if ((content = ncl_web_page_get_content (self->web_page)) != NULL)
    gtk_widget_grab_focus (content);
}

static void
open_slides_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  NclWindow *self = NCL_WINDOW (widget);
  const char *uri = g_variant_get_string (param, NULL);
  NclHighlight *talk = find_talk_by_link (self, uri, FALSE);

  ncl_web_page_open_uri (ensure_web_page (self), uri, talk != NULL ? ncl_highlight_get_title (talk) : NULL);
  show_web_page (self, talk, FALSE);
}

static void
open_video_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  NclWindow *self = NCL_WINDOW (widget);
  const char *uri = g_variant_get_string (param, NULL);
  NclHighlight *talk = find_talk_by_link (self, uri, TRUE);
  g_autoptr(GError) error = NULL;

  if (!ncl_web_page_open_video (ensure_web_page (self), uri,
                                talk != NULL ? ncl_highlight_get_number (talk) : 0,
                                talk != NULL ? ncl_highlight_get_title (talk) : NULL,
                                self->event != NULL ? ncl_article_get_uri (ncl_event_get_article (self->event)) : NULL, &error))
    {
      ncl_window_add_toast (self, error->message);
      return;
    }

  show_web_page (self, talk, TRUE);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  NclWindow *self = NCL_WINDOW (widget);
  NclHighlightCard *row;

  /* Escape leaves fullscreen first, then the page. */
  if (gtk_window_is_fullscreen (GTK_WINDOW (self)))
    {
      gtk_window_unfullscreen (GTK_WINDOW (self));
      return;
    }

  if (self->web_page == NULL ||
      gtk_stack_get_visible_child (self->main_stack) != GTK_WIDGET (self->web_page))
    return;

  ncl_web_page_leave (self->web_page);
  gtk_stack_set_visible_child (self->main_stack, self->main_page);

  /* The list kept its scroll position; focus goes back to the button that
   * opened the page. */
  if (self->opened_talk != 0 &&
      (row = ncl_highlights_view_find_card (self->talks_view, self->opened_talk)))
    ncl_highlight_card_focus_link (row, self->opened_video);
}

/**
 * ncl_window_show_view:
 * @name: "talks", "agenda" or "speakers"
 *
 * Shows one of the window's three views, leaving any open page.
 */
void
ncl_window_show_view (NclWindow  *self,
                      const char *name)
{
  g_return_if_fail (NCL_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    return;

  if (ncl_window_get_showing_web_page (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.go-back", NULL);

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  ncl_window_show_view (NCL_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  NclWindow *self = NCL_WINDOW (widget);

  /* Each event refreshes on its own: the one on screen. */
  if (self->source != NULL)
    ncl_source_refresh (self->source);
}

/**
 * ncl_window_set_refreshing:
 *
 * Shows that the remote schedule is being fetched.
 */
void
ncl_window_set_refreshing (NclWindow *self,
                           gboolean   refreshing)
{
  g_return_if_fail (NCL_IS_WINDOW (self));

  gtk_stack_set_visible_child_name (self->refresh_stack, refreshing ? "busy" : "idle");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refresh", !refreshing);
}

/**
 * ncl_window_set_status:
 * @status: where the data on screen came from, e.g. "Updated just now"
 */
void
ncl_window_set_status (NclWindow  *self,
                       const char *status)
{
  g_return_if_fail (NCL_IS_WINDOW (self));

  gtk_label_set_text (self->status_label, status);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL && status[0] != '\0');
  /* A status label is named by its text, as a plain label would be. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, status != NULL ? status : "",
                                  -1);
}

/**
 * ncl_window_add_toast:
 * @message: plain text (it often quotes what a server sent)
 *
 * Tells something that went wrong or changed, without getting in the way.
 */
void
ncl_window_add_toast (NclWindow  *self,
                      const char *message)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (NCL_IS_WINDOW (self));

  /* A toast's title is Pango markup in libadwaita 1.2: "<" or "&" from a
   * server would fail to show, or style the text as the server chose. */
  escaped = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/**
 * ncl_window_show_talk:
 * @number: the talk's number in the post
 *
 * Shows the talks with talk @number on screen and keyboard focus on it.
 */
void
ncl_window_show_talk (NclWindow *self,
                      guint      number)
{
  g_return_if_fail (NCL_IS_WINDOW (self));

  ncl_window_show_view (self, "talks");
  self->talk_asked_for = TRUE;
  ncl_highlights_view_show_talk (self->talks_view, number);
}

/**
 * ncl_window_search:
 * @text: what to search for
 *
 * Opens the search with @text in it, in the view shown (the Shell's
 * "search in the app").
 */
void
ncl_window_search (NclWindow  *self,
                   const char *text)
{
  g_return_if_fail (NCL_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  if (ncl_window_get_showing_web_page (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.go-back", NULL);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
}

/**
 * ncl_window_show_session:
 * @source: the event of @session
 * @session: one of its sessions
 *
 * Shows @session in its event's agenda, with keyboard focus on its row
 * (a result chosen in the Shell's search). A search or the starred filter
 * that would hide it is ended.
 */
void
ncl_window_show_session (NclWindow  *self,
                         NclSource  *source,
                         NclSession *session)
{
  g_return_if_fail (NCL_IS_WINDOW (self));
  g_return_if_fail (NCL_IS_SOURCE (source));
  g_return_if_fail (NCL_IS_SESSION (session));

  ncl_window_show_source (self, source);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  ncl_window_show_view (self, "agenda");
  if (self->agenda_view == NULL)
    return;

  if (!ncl_agenda_view_show_session (self->agenda_view, session) &&
      ncl_search_filter_get_starred_only (self->filter))
    {
      ncl_window_set_starred_only (self, FALSE);
      ncl_agenda_view_show_session (self->agenda_view, session);
    }
}

/**
 * ncl_window_show_speaker:
 * @source: the event of @speaker
 * @speaker: one of its speakers
 *
 * Shows the event's speakers, searched for @speaker's name.
 */
void
ncl_window_show_speaker (NclWindow  *self,
                         NclSource  *source,
                         NclSpeaker *speaker)
{
  g_return_if_fail (NCL_IS_WINDOW (self));
  g_return_if_fail (NCL_IS_SOURCE (source));
  g_return_if_fail (NCL_IS_SPEAKER (speaker));

  ncl_window_show_source (self, source);
  ncl_window_show_view (self, "speakers");
  ncl_window_search (self, ncl_speaker_get_name (speaker));
}

static void
fullscreen_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  GtkWindow *window = GTK_WINDOW (widget);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

static gboolean
filtering (NclWindow *self)
{
  return ncl_search_filter_is_active (self->filter);
}

static gboolean
reveal_all_talks_cb (gpointer data)
{
  NclWindow *self = data;

  ncl_highlights_view_reveal_all (self->talks_view);

  /* Keyboard focus starts on the post's header (GTK would give it to the
   * first button of the header bar), so arrow keys go through the talks
   * from the top. Once: later calls come from --talk, which focuses its
   * talk. */
  if (!self->initial_focus_done)
    {
      self->initial_focus_done = TRUE;
      if (!self->talk_asked_for && !ncl_window_get_showing_web_page (self))
        ncl_highlights_view_focus_list (self->talks_view);
    }

  return G_SOURCE_REMOVE;
}

static void
first_frame_painted_cb (GdkFrameClock *clock,
                        NclWindow     *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, self);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reveal_all_talks_cb,
                   g_object_ref (self), g_object_unref);
}

/*
 * The startup benchmark measures the time from process start to the first
 * frame that shows the event's content: talk cards, or for an event that
 * opens on its agenda (a schedule, `connect-live FILE`) the agenda's rows.
 * With NCL_BENCH_FIRST_FRAME=1 the window prints the monotonic time of that
 * frame's end and the application quits.
 */
static void
frame_clock_paint_cb (NclWindow     *self,
                      GdkFrameClock *clock)
{
  const char *view = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (view, "agenda") == 0)
    self->content_painted = self->agenda_view != NULL &&
                            gtk_widget_get_mapped (GTK_WIDGET (self->agenda_view)) &&
                            ncl_agenda_view_get_has_rows (self->agenda_view);
  else if (ncl_highlights_view_get_has_cards (self->talks_view))
    self->content_painted = TRUE;
}

static void
frame_clock_after_paint_cb (NclWindow     *self,
                            GdkFrameClock *clock)
{
  GtkApplication *app;

  if (!self->content_painted || !self->bench_first_frame)
    return;

  self->bench_first_frame = FALSE;
  printf ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);

  if ((app = gtk_window_get_application (GTK_WINDOW (self))))
    g_application_quit (G_APPLICATION (app));
}

enum {
  PROP_0,
  PROP_STARRED_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const view_names[] = { "talks", "agenda", "speakers" };

static int
view_index (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    {
      if (g_strcmp0 (name, view_names[i]) == 0)
        return i;
    }

  return -1;
}

/* The count of what the view on screen shows, while searching: "3 talks",
 * "1 session", "No speakers found". */
static char *
format_results (const char *view,
                guint       n_items)
{
  if (g_strcmp0 (view, "agenda") == 0)
    return n_items == 0 ? g_strdup (_("No sessions found"))
                        /* Translators: the number of agenda sessions a search found */
                        : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u session", "%u sessions", n_items), n_items);
  if (g_strcmp0 (view, "speakers") == 0)
    return n_items == 0 ? g_strdup (_("No speakers found"))
                        /* Translators: the number of speakers a search found */
                        : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u speaker", "%u speakers", n_items), n_items);

  return n_items == 0 ? g_strdup (_("No talks found"))
                      /* Translators: the number of talks a search found */
                      : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u talk", "%u talks", n_items), n_items);
}

static GListModel *
results_for_view (NclWindow  *self,
                  const char *view)
{
  if (g_strcmp0 (view, "agenda") == 0)
    return self->agenda_view != NULL ? ncl_agenda_view_get_results (self->agenda_view) : NULL;
  if (g_strcmp0 (view, "speakers") == 0)
    return self->speakers_view != NULL ? ncl_speakers_view_get_results (self->speakers_view) : NULL;

  return ncl_highlights_view_get_results (self->talks_view);
}

static void
update_no_results_page (NclWindow     *self,
                        AdwStatusPage *page)
{
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  ncl_search_filter_describe_no_results (self->filter, &title, &description);
  adw_status_page_set_title (page, title);
  adw_status_page_set_description (page, description);
}

/*
 * Shows the count of results of the view on screen, or that there are none
 * in its place, and tells screen readers: the count is a status label that
 * describes the search entry, and GTK 4.14 and later announce it too.
 */
static void
update_results (NclWindow *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->view_stack);
  GListModel *results = results_for_view (self, view);
  g_autofree char *text = NULL;
  guint n_items;

  if (!filtering (self) || results == NULL)
    {
      gtk_label_set_text (self->results_label, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->results_label), FALSE);
      g_clear_pointer (&self->results_text, g_free);
      return;
    }

  n_items = g_list_model_get_n_items (results);
  text = format_results (view, n_items);
  gtk_label_set_text (self->results_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->results_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self->results_label), TRUE);

  if (g_strcmp0 (text, self->results_text) != 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                      -1);
#if GTK_CHECK_VERSION (4, 14, 0)
      /* GTK's test backend (GTK_A11Y=test, which gtk_test_accessible_*()
       * read) has no announce() up to 4.18 at least: GTK calls a NULL
       * function. Nobody hears an announcement there anyway. */
      if (g_strcmp0 (g_getenv ("GTK_A11Y"), "test") != 0)
        {
          G_GNUC_BEGIN_IGNORE_DEPRECATIONS
          gtk_accessible_announce (GTK_ACCESSIBLE (self), text, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
          G_GNUC_END_IGNORE_DEPRECATIONS
        }
#endif
      g_free (self->results_text);
      self->results_text = g_steal_pointer (&text);
    }
}

static void
apply_search (NclWindow *self)
{
  /* Every view's list is behind the one filter. */
  ncl_search_filter_set_text (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  update_empty_states (self);
  update_results (self);
}

static void
search_changed_cb (NclWindow *self)
{
  apply_search (self);
}

/* The first card of a view: the post's header or first talk, the first
 * session, the first speaker. */
static gboolean
focus_first_row (NclWindow  *self,
                 const char *view)
{
  if (g_strcmp0 (view, "agenda") == 0)
    return self->agenda_view != NULL && ncl_agenda_view_focus_list (self->agenda_view);
  if (g_strcmp0 (view, "speakers") == 0)
    return self->speakers_view != NULL && ncl_speakers_view_focus_list (self->speakers_view);

  return ncl_highlights_view_focus_list (self->talks_view);
}

/* Enter in the search goes to the first result. */
static void
search_activate_cb (NclWindow *self)
{
  focus_first_row (self, adw_view_stack_get_visible_child_name (self->view_stack));
}

static void
search_mode_changed_cb (NclWindow *self)
{
  int index = view_index (adw_view_stack_get_visible_child_name (self->view_stack));
  GtkWidget *focus;

  if (gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      return;
    }

  /* Closed (Escape, the button, Ctrl+F): the query goes, and focus goes
   * back to where it was in the view before the search (focus_changed_cb()
   * does not follow focus while searching). A talk's card may show another
   * talk by now, as rows are recycled: the talk is what counts. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  apply_search (self);

  focus = index >= 0 ? self->view_focus[index] : NULL;
  if (index == 0 && self->focused_talk != 0)
    ncl_window_show_talk (self, self->focused_talk);
  else if (focus != NULL && gtk_widget_get_mapped (focus))
    gtk_widget_grab_focus (focus);
  else if (index >= 0)
    focus_first_row (self, view_names[index]);
}

/* Where focus is in each view, to come back to after a search or from
 * another view. */
static void
focus_changed_cb (NclWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus == NULL || gtk_search_bar_get_search_mode (self->search_bar))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    {
      GtkWidget *view = adw_view_stack_get_child_by_name (self->view_stack, view_names[i]);

      if (view == NULL || !gtk_widget_is_ancestor (focus, view))
        continue;

      g_set_weak_pointer (&self->view_focus[i], focus);
      if (i == 0)
        {
          GtkWidget *row = gtk_widget_get_ancestor (focus, NCL_TYPE_HIGHLIGHT_CARD);
          NclHighlight *talk = row != NULL ? ncl_highlight_card_get_highlight (NCL_HIGHLIGHT_CARD (row)) : NULL;

          self->focused_talk = talk != NULL ? ncl_highlight_get_number (talk) : 0;
        }
      break;
    }
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  NclWindow *self = NCL_WINDOW (widget);

  if (ncl_window_get_showing_web_page (self))
    return;

  /* Ctrl+F in the entry closes the search; anywhere else it goes to it. */
  if (gtk_search_bar_get_search_mode (self->search_bar) &&
      !gtk_widget_has_focus (GTK_WIDGET (self->search_entry)) &&
      gtk_widget_get_focus_child (GTK_WIDGET (self->search_entry)) == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  else
    gtk_search_bar_set_search_mode (self->search_bar, !gtk_search_bar_get_search_mode (self->search_bar));
}

/**
 * ncl_window_set_starred_only:
 *
 * Shows only the starred talks, sessions and their speakers.
 */
void
ncl_window_set_starred_only (NclWindow *self,
                             gboolean   starred_only)
{
  g_return_if_fail (NCL_IS_WINDOW (self));

  starred_only = !!starred_only;
  if (ncl_search_filter_get_starred_only (self->filter) == starred_only)
    return;

  ncl_search_filter_set_starred_only (self->filter, starred_only);
  apply_search (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARRED_ONLY]);
}

/* The talk or session row that has keyboard focus, or holds it. */
static GtkWidget *
get_focused_row (NclWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *row;

  if (focus == NULL || ncl_window_get_showing_web_page (self))
    return NULL;

  if ((row = gtk_widget_get_ancestor (focus, NCL_TYPE_HIGHLIGHT_CARD)) != NULL ||
      (row = gtk_widget_get_ancestor (focus, NCL_TYPE_SESSION_ROW)) != NULL)
    return row;

  return NULL;
}

static void
toggle_star_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  GtkWidget *row = get_focused_row (NCL_WINDOW (widget));

  if (NCL_IS_HIGHLIGHT_CARD (row))
    ncl_highlight_card_toggle_star (NCL_HIGHLIGHT_CARD (row));
  else if (NCL_IS_SESSION_ROW (row))
    ncl_session_row_toggle_star (NCL_SESSION_ROW (row));
  else
    gtk_widget_error_bell (widget);
}

static void
open_focused_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  GtkWidget *row = get_focused_row (NCL_WINDOW (widget));
  gboolean video = g_variant_get_boolean (param);

  if (NCL_IS_HIGHLIGHT_CARD (row))
    ncl_highlight_card_open (NCL_HIGHLIGHT_CARD (row), video);
  else if (NCL_IS_SESSION_ROW (row))
    ncl_session_row_open (NCL_SESSION_ROW (row), video);
  else
    gtk_widget_error_bell (widget);
}

/*
 * The cards are built when the Talks view is shown, or at once for the
 * built-in event, which opens on them: an added schedule may have
 * hundreds of talks with recordings, and the view stack measures its
 * hidden pages too, so cards built behind the agenda cost seconds at
 * start for nothing.
 */
static void
sync_talks_view (NclWindow *self)
{
  gboolean shown = g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "talks") == 0;
  gboolean built_in = self->source == NULL || ncl_source_get_location (self->source) == NULL;

  if (shown || built_in)
    ncl_highlights_view_set_event (self->talks_view, self->event);
  else if (ncl_highlights_view_get_event (self->talks_view) != self->event)
    ncl_highlights_view_set_event (self->talks_view, NULL);
}

/*
 * The speakers get the event when their view is shown: their list makes
 * and measures hundreds of rows (GTK 4.8 makes up to 200 at once), and the
 * view stack measures its hidden pages too, so a schedule's speakers built
 * behind its agenda cost a second of its first frame for nothing.
 */
static void
sync_speakers_view (NclWindow *self)
{
  NclEvent *event = self->source != NULL ? ncl_source_get_event (self->source) : NULL;

  if (self->speakers_view == NULL)
    return;

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "speakers") == 0)
    ncl_speakers_view_set_event (self->speakers_view, event);
  else if (ncl_speakers_view_get_event (self->speakers_view) != event)
    ncl_speakers_view_set_event (self->speakers_view, NULL);
}

/*
 * Each view keeps where focus was: coming back to it (Ctrl+1/2/3, the
 * switcher) puts focus there again, or on its first card the first time.
 */
static void
view_changed_cb (NclWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  int old_index = view_index (self->current_view);
  int new_index = view_index (name);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *old_child = old_index >= 0 ? adw_view_stack_get_child_by_name (self->view_stack, self->current_view) : NULL;

  sync_talks_view (self);
  sync_speakers_view (self);
  g_free (self->current_view);
  self->current_view = g_strdup (name);

  update_results (self);

  /* Focus moves with the view only when it was in the views: not when the
   * switcher was clicked or the search entry is being typed in. */
  if (new_index < 0 || focus == NULL || old_child == NULL || !gtk_widget_is_ancestor (focus, old_child))
    return;

  if (self->view_focus[new_index] != NULL && gtk_widget_get_mapped (self->view_focus[new_index]))
    gtk_widget_grab_focus (self->view_focus[new_index]);
  else
    focus_first_row (self, name);
}

static void
ncl_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  NclWindow *self = NCL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STARRED_ONLY:
      g_value_set_boolean (value, ncl_search_filter_get_starred_only (self->filter));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  NclWindow *self = NCL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STARRED_ONLY:
      ncl_window_set_starred_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}


static void
ncl_window_map (GtkWidget *widget)
{
  NclWindow *self = NCL_WINDOW (widget);

  GTK_WIDGET_CLASS (ncl_window_parent_class)->map (widget);

  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                           G_CALLBACK (first_frame_painted_cb), self, 0);

  if (self->bench_first_frame)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

      g_signal_connect_object (clock, "paint", G_CALLBACK (frame_clock_paint_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (clock, "after-paint", G_CALLBACK (frame_clock_after_paint_cb),
                               self, G_CONNECT_SWAPPED);
    }
}

static void
save_window_state (NclWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  /* A maximized window keeps the size it had before, to go back to it. */
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
}

static gboolean
ncl_window_close_request (GtkWindow *window)
{
  save_window_state (NCL_WINDOW (window));

  return GTK_WINDOW_CLASS (ncl_window_parent_class)->close_request (window);
}

static void
ncl_window_constructed (GObject *object)
{
  NclWindow *self = (NclWindow *)object;

  G_OBJECT_CLASS (ncl_window_parent_class)->constructed (object);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
ncl_window_dispose (GObject *object)
{
  NclWindow *self = (NclWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NCL_TYPE_WINDOW);
  g_clear_handle_id (&self->status_timeout_id, g_source_remove);
  g_clear_object (&self->source);
  g_clear_object (&self->source_signals);
  g_clear_object (&self->removed);
  g_clear_object (&self->sessions_signals);
  g_clear_object (&self->highlights_signals);
  g_clear_object (&self->library);
  g_clear_object (&self->event);
  for (guint i = 0; i < G_N_ELEMENTS (self->view_focus); i++)
    g_clear_weak_pointer (&self->view_focus[i]);
  g_clear_weak_pointer (&self->dialog_focus);

  G_OBJECT_CLASS (ncl_window_parent_class)->dispose (object);
}

static void
ncl_window_finalize (GObject *object)
{
  NclWindow *self = (NclWindow *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->stars);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->results_text, g_free);
  g_clear_pointer (&self->current_view, g_free);

  G_OBJECT_CLASS (ncl_window_parent_class)->finalize (object);
}

/* Adding an event, from the dialog, a drop or the command line: it is
 * shown at once, with its saved copy if there is one, and fetched. */
static void
add_location (NclWindow  *self,
              const char *location)
{
  NclSource *source;

  if (self->library == NULL)
    return;

  source = ncl_library_add (self->library, location);
  if (ncl_source_get_state (source) == NCL_SOURCE_STATE_BUNDLED &&
      !ncl_source_get_refreshing (source) &&
      g_list_model_get_n_items (ncl_event_get_sessions (ncl_source_get_event (source))) == 0)
    {
      ncl_source_load_saved (source);
      ncl_source_refresh (source);
    }
  ncl_window_show_source (self, source);
}

/**
 * ncl_window_add_event:
 * @location: an http(s) or file URI of a schedule
 *
 * Adds the event at @location to the library, unless it is there, and
 * shows it.
 */
void
ncl_window_add_event (NclWindow  *self,
                      const char *location)
{
  g_return_if_fail (NCL_IS_WINDOW (self));
  g_return_if_fail (location != NULL);

  add_location (self, location);
}

static void
location_chosen_cb (NclWindow  *self,
                    const char *location)
{
  self->added_from_dialog = TRUE;
  add_location (self, location);
}

/* Closing the dialog gives the keyboard back to the window (nothing else
 * does without a window manager), and focus goes where it was; after an
 * event was added, to the event's row, which reads as the event shown. */
static void
add_event_dialog_destroy_cb (NclWindow *self)
{
  GtkWidget *focus = self->dialog_focus;
  gboolean added = self->added_from_dialog;

  g_clear_weak_pointer (&self->dialog_focus);
  self->added_from_dialog = FALSE;
  if (gtk_widget_in_destruction (GTK_WIDGET (self)) || !gtk_widget_get_visible (GTK_WIDGET (self)))
    return;

  gtk_window_present (GTK_WINDOW (self));
  if (added && gtk_widget_get_visible (GTK_WIDGET (self->sidebar)) &&
      gtk_widget_get_child_visible (GTK_WIDGET (self->sidebar)) &&
      ncl_events_sidebar_focus_selected (self->sidebar))
    return;
  if (focus != NULL && gtk_widget_get_mapped (focus))
    gtk_widget_grab_focus (focus);
}

static void
add_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  NclWindow *self = NCL_WINDOW (widget);
  GtkWidget *dialog = ncl_add_event_dialog_new (GTK_WINDOW (self));

  g_set_weak_pointer (&self->dialog_focus, gtk_root_get_focus (GTK_ROOT (self)));
  self->added_from_dialog = FALSE;
  g_signal_connect_object (dialog, "location-chosen", G_CALLBACK (location_chosen_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (add_event_dialog_destroy_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Undo puts the last removed event back where it was. */
static void
undo_remove_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  NclWindow *self = NCL_WINDOW (widget);
  g_autoptr(NclSource) source = g_steal_pointer (&self->removed);

  if (source == NULL || self->library == NULL)
    return;

  ncl_library_insert (self->library, source, self->removed_position);
  ncl_window_show_source (self, source);
}

static NclSource *
find_source (NclWindow  *self,
             const char *id)
{
  GListModel *sources = ncl_library_get_sources (self->library);
  guint n = g_list_model_get_n_items (sources);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NclSource) item = g_list_model_get_item (sources, i);

      if (g_str_equal (ncl_source_get_id (item), id))
        return item;
    }

  return NULL;
}

/* The event goes at once; the toast's Undo puts it back where it was,
 * with its sessions, stars and saved copy. */
static void
remove_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  NclWindow *self = NCL_WINDOW (widget);
  g_autofree char *title = NULL;
  NclSource *source;
  AdwToast *toast;

  if (self->library == NULL ||
      (source = find_source (self, g_variant_get_string (param, NULL))) == NULL ||
      ncl_source_get_location (source) == NULL)
    return;

  g_set_object (&self->removed, source);
  self->removed_position = ncl_library_remove (self->library, source);

  /* Translators: a toast; %s is the event's name */
  title = g_strdup_printf (_("“%s” removed"), ncl_source_get_name (source));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-remove");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         NclWindow     *self)
{
  gboolean any = FALSE;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      for (GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
        {
          g_autofree char *uri = g_file_get_uri (l->data);

          add_location (self, uri);
          any = TRUE;
        }
    }
  else if (G_VALUE_HOLDS_STRING (value) && g_value_get_string (value) != NULL)
    {
      /* A link dragged from a browser: an address per line. */
      g_auto(GStrv) lines = g_strsplit (g_value_get_string (value), "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          const char *scheme;

          g_strstrip (lines[i]);
          scheme = g_uri_peek_scheme (lines[i]);
          if (scheme == NULL ||
              (!g_str_equal (scheme, "http") && !g_str_equal (scheme, "https") && !g_str_equal (scheme, "file")))
            continue;
          add_location (self, lines[i]);
          any = TRUE;
        }
    }

  return any;
}

typedef struct
{
  NclWindow *window;
  gboolean starred_only;
} Export;

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    Export          *export)
{
  NclWindow *self = export->window;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;

  if (response != GTK_RESPONSE_ACCEPT || self->source == NULL)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (export->starred_only)
    {
      GListModel *all = ncl_event_get_sessions (ncl_source_get_event (self->source));

      sessions = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < g_list_model_get_n_items (all); i++)
        {
          NclSession *session = g_list_model_get_item (all, i);

          if (ncl_search_filter_is_starred (self->filter, session))
            g_ptr_array_add (sessions, session);
          else
            g_object_unref (session);
        }
    }

  name = g_file_get_basename (file);
  text = ncl_source_write_ics (self->source, sessions, &length, &error);
  if (text == NULL ||
      !g_file_replace_contents (file, text, length, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                NULL, NULL, &error))
    /* Translators: %s is a file name, then why it could not be written */
    message = g_strdup_printf (_("Could not export to “%s”: %s"), name, error->message);
  else
    /* Translators: %s is a file name */
    message = g_strdup_printf (_("Exported to “%s”"), name);
  ncl_window_add_toast (self, message);

out:
  g_object_unref (chooser);
  g_object_unref (export->window);
  g_free (export);
}

/* The event's sessions, or only the starred, as an .ics file for a
 * calendar: the writer of --export-ics, saved where the person says (the
 * file chooser portal inside the Flatpak). */
static void
export_ics_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  NclWindow *self = NCL_WINDOW (widget);
  g_autofree char *file_name = NULL;
  GtkFileChooserNative *chooser;
  Export *export;

  if (self->source == NULL)
    return;

  export = g_new0 (Export, 1);
  export->window = g_object_ref (self);
  export->starred_only = g_variant_get_boolean (param);
  chooser = gtk_file_chooser_native_new (export->starred_only ? _("Export Starred Sessions")
                                                              : _("Export to Calendar"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  file_name = g_strconcat (ncl_source_get_name (self->source), ".ics", NULL);
  g_strdelimit (file_name, "/", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* F9, as in GNOME's other apps with a sidebar: on a narrow window it goes
 * between the events and the event; on a wide one it hides or shows them. */
static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  NclWindow *self = NCL_WINDOW (widget);
  GtkWidget *sidebar = GTK_WIDGET (self->sidebar);

  if (adw_leaflet_get_folded (self->split))
    adw_leaflet_set_visible_child (self->split,
                                   adw_leaflet_get_visible_child (self->split) == self->content_page
                                     ? sidebar : self->content_page);
  else
    gtk_widget_set_visible (sidebar, !gtk_widget_get_visible (sidebar));

  /* On the event's row: the list takes no focus of its own. The leaflet
   * lets the sidebar be seen at its next allocation, not yet. */
  if (adw_leaflet_get_folded (self->split)
        ? adw_leaflet_get_visible_child (self->split) == sidebar
        : gtk_widget_get_visible (sidebar))
    ncl_events_sidebar_focus_selected (self->sidebar);
}

/* The events beside the event on screen, the one in place of the other on
 * narrow windows: libadwaita 1.2's split view, the leaflet (the app uses
 * the API of the oldest libadwaita it builds on, see CONTRIBUTING.md). */
static void
build_split (NclWindow *self)
{
  GtkWidget *content = g_object_ref (GTK_WIDGET (self->main_stack));
  GtkDropTarget *drop;
  AdwLeafletPage *page;

  adw_toast_overlay_set_child (self->toast_overlay, NULL);
  self->sidebar = NCL_EVENTS_SIDEBAR (ncl_events_sidebar_new ());
  g_signal_connect_object (self->sidebar, "source-activated", G_CALLBACK (source_activated_cb),
                           self, G_CONNECT_SWAPPED);

  self->content_page = content;
  self->split = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_navigate_back (self->split, TRUE);
  adw_leaflet_append (self->split, GTK_WIDGET (self->sidebar));
  page = adw_leaflet_append (self->split, gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  adw_leaflet_page_set_navigatable (page, FALSE);
  adw_leaflet_append (self->split, content);
  gtk_widget_set_hexpand (content, TRUE);
  adw_leaflet_set_visible_child (self->split, content);

  adw_toast_overlay_set_child (self->toast_overlay, GTK_WIDGET (self->split));
  g_object_unref (content);

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, (GType[]) { GDK_TYPE_FILE_LIST, G_TYPE_STRING }, 2);
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

static void
ncl_window_class_init (NclWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ncl_window_constructed;
  object_class->dispose = ncl_window_dispose;
  object_class->finalize = ncl_window_finalize;
  object_class->get_property = ncl_window_get_property;
  object_class->set_property = ncl_window_set_property;

  /**
   * NclWindow:starred-only:
   *
   * Whether only starred talks and sessions (and their speakers) are shown.
   */
  properties[PROP_STARRED_ONLY] =
    g_param_spec_boolean ("starred-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->map = ncl_window_map;

  window_class->close_request = ncl_window_close_request;

  /**
   * NclWindow::activate-link:
   * @uri: the link a person activated: a talk's slides or video, or a link
   *   in the post's text
   *
   * Opens @uri. The default handler gives it to the desktop's browser or
   * mail client; a handler that returns %TRUE stops it.
   *
   * Returns: %TRUE when the link was handled
   */
  signals[ACTIVATE_LINK] =
    g_signal_new_class_handler ("activate-link",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                G_CALLBACK (ncl_window_real_activate_link),
                                g_signal_accumulator_true_handled, NULL,
                                NULL,
                                G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ncl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NclWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NclWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, NclWindow, main_page);
  gtk_widget_class_bind_template_child (widget_class, NclWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, NclWindow, refresh_stack);
  gtk_widget_class_bind_template_child (widget_class, NclWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, NclWindow, agenda_bin);
  gtk_widget_class_bind_template_child (widget_class, NclWindow, speakers_bin);
  gtk_widget_class_bind_template_child (widget_class, NclWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, NclWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, NclWindow, talks_view);
  gtk_widget_class_bind_template_child (widget_class, NclWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, NclWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, NclWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, NclWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, NclWindow, results_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);

  gtk_widget_class_install_action (widget_class, "win.open-link", "s", open_link_action);
  gtk_widget_class_install_action (widget_class, "win.open-slides", "s", open_slides_action);
  gtk_widget_class_install_action (widget_class, "win.open-video", "s", open_video_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.fullscreen", NULL, fullscreen_action);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.add-event", NULL, add_event_action);
  gtk_widget_class_install_action (widget_class, "win.remove-event", "s", remove_event_action);
  gtk_widget_class_install_action (widget_class, "win.undo-remove", NULL, undo_remove_action);
  gtk_widget_class_install_action (widget_class, "win.export-ics", "b", export_ics_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-starred", "starred-only");
  gtk_widget_class_install_action (widget_class, "win.toggle-star", NULL, toggle_star_action);
  gtk_widget_class_install_action (widget_class, "win.open-focused", "b", open_focused_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.show-view", "s", "talks");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "win.show-view", "s", "agenda");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "win.show-view", "s", "speakers");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.add-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.toggle-star", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-focused", "b", FALSE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.open-focused", "b", TRUE);
}

static void
ncl_window_init (NclWindow *self)
{
  self->settings = g_settings_new (APP_ID);
  self->stars = ncl_stars_new (self->settings);
  self->bench_first_frame = g_strcmp0 (g_getenv ("NCL_BENCH_FIRST_FRAME"), "1") == 0;
  self->filter = ncl_search_filter_new ();
  ncl_search_filter_set_stars (self->filter, self->stars);
  self->current_view = g_strdup ("talks");

  g_type_ensure (NCL_TYPE_HIGHLIGHTS_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));

  ncl_highlights_view_set_stars (self->talks_view, self->stars);
  ncl_highlights_view_set_filter (self->talks_view, self->filter);
  g_signal_connect_object (ncl_highlights_view_get_results (self->talks_view), "items-changed",
                           G_CALLBACK (update_results), self, G_CONNECT_SWAPPED);

  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_changed_cb), self, G_CONNECT_SWAPPED);
  /* Typing in a view starts a search; not in a slides or video page, whose
   * keys are the page's. */
  gtk_search_bar_set_key_capture_widget (self->search_bar, self->main_page);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (view_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_changed_cb), NULL);

  /* The shown event's signals, moved to another event by
   * ncl_window_show_source(). */
  self->source_signals = g_signal_group_new (NCL_TYPE_SOURCE);
  g_signal_group_connect_swapped (self->source_signals, "notify::state", G_CALLBACK (source_status_cb), self);
  g_signal_group_connect_swapped (self->source_signals, "notify::saved-at", G_CALLBACK (source_status_cb), self);
  g_signal_group_connect_swapped (self->source_signals, "notify::updated-at", G_CALLBACK (source_status_cb), self);
  g_signal_group_connect_swapped (self->source_signals, "notify::refreshing", G_CALLBACK (source_status_cb), self);
  g_signal_group_connect_swapped (self->source_signals, "notify::refreshing",
                                  G_CALLBACK (source_refreshing_cb), self);
  g_signal_group_connect_swapped (self->source_signals, "notify::name", G_CALLBACK (update_title), self);
  g_signal_group_connect_swapped (self->source_signals, "problem", G_CALLBACK (source_problem_cb), self);
  self->sessions_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->sessions_signals, "items-changed",
                                  G_CALLBACK (update_empty_states), self);
  g_signal_group_connect_swapped (self->sessions_signals, "items-changed",
                                  G_CALLBACK (update_talks_page), self);
  /* A schedule's cards come after its sessions, in the same update. */
  self->highlights_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->highlights_signals, "items-changed",
                                  G_CALLBACK (update_talks_page), self);

  build_split (self);
}

NclWindow *
ncl_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (NCL_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

NclEvent *
ncl_window_get_event (NclWindow *self)
{
  g_return_val_if_fail (NCL_IS_WINDOW (self), NULL);

  return self->event;
}

void
ncl_window_set_event (NclWindow *self,
                      NclEvent  *event)
{
  g_return_if_fail (NCL_IS_WINDOW (self));
  g_return_if_fail (event == NULL || NCL_IS_EVENT (event));

  if (!g_set_object (&self->event, event))
    return;

  sync_talks_view (self);
  gtk_stack_set_visible_child_name (self->stack, "views");
}

static void ensure_schedule_views (NclWindow *self);

static void
source_status_cb (NclWindow *self)
{
  g_autofree char *status = ncl_source_status_dup_text (self->source);

  ncl_window_set_status (self, status);
}

static void
source_refreshing_cb (NclWindow *self)
{
  ncl_window_set_refreshing (self, ncl_source_get_refreshing (self->source));
}

static void
source_problem_cb (NclWindow    *self,
                   const char   *document,
                   const GError *error)
{
  g_autofree char *message = NULL;

  if (g_error_matches (error, NCL_SOURCE_ERROR, NCL_SOURCE_ERROR_SAVE_FAILED))
    {
      if (self->told_save_failed)
        return;
      self->told_save_failed = TRUE;
    }

  message = ncl_source_status_dup_problem (document, error);
  ncl_window_add_toast (self, message);
}

/* "Updated just now" turns into "Updated at 10:32". */
static gboolean
status_tick_cb (gpointer data)
{
  source_status_cb (data);
  return G_SOURCE_CONTINUE;
}

/* The header's title is the event's name, for the eye and for the window
 * list; the built-in event keeps the app's. */
static void
update_title (NclWindow *self)
{
  const char *name = _("NATS Connect Live");

  if (self->source != NULL && ncl_source_get_location (self->source) != NULL)
    name = ncl_source_get_name (self->source);

  adw_view_switcher_title_set_title (self->switcher_title, name);
}

/* The Talks page is the post's cards, or a schedule's talks with slides or
 * a recording; an event with neither does not offer it. An added event
 * opens on its agenda, what a person at a conference looks at first. */
static void
update_talks_page (NclWindow *self)
{
  NclEvent *event = ncl_source_get_event (self->source);
  AdwViewStackPage *page = adw_view_stack_get_page (self->view_stack, GTK_WIDGET (self->talks_view));
  gboolean has_talks = ncl_source_get_location (self->source) == NULL ||
                       g_list_model_get_n_items (ncl_event_get_highlights (event)) > 0;

  adw_view_stack_page_set_visible (page, has_talks);
  if (!has_talks && g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "talks") == 0)
    adw_view_stack_set_visible_child_name (self->view_stack, "agenda");
}

/**
 * ncl_window_show_source:
 * @source: one of the library's events
 *
 * Shows @source's event in every view, its status and problems, and
 * follows them as they update.
 */
void
ncl_window_show_source (NclWindow *self,
                        NclSource *source)
{
  g_return_if_fail (NCL_IS_WINDOW (self));
  g_return_if_fail (NCL_IS_SOURCE (source));

  ncl_events_sidebar_select (self->sidebar, source);
  adw_leaflet_set_visible_child (self->split, self->content_page);
  if (!g_set_object (&self->source, source))
    return;

  g_signal_group_set_target (self->source_signals, source);
  g_signal_group_set_target (self->sessions_signals, ncl_event_get_sessions (ncl_source_get_event (source)));
  g_signal_group_set_target (self->highlights_signals, ncl_event_get_highlights (ncl_source_get_event (source)));
  self->told_save_failed = FALSE;

  if (ncl_source_get_location (source) != NULL &&
      g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "talks") == 0)
    adw_view_stack_set_visible_child_name (self->view_stack, "agenda");
  ncl_window_set_event (self, ncl_source_get_event (source));
  if (self->agenda_view != NULL)
    {
      ncl_agenda_view_set_event (self->agenda_view, ncl_source_get_event (source));
      sync_speakers_view (self);
    }
  update_talks_page (self);
  update_empty_states (self);
  update_title (self);
  source_status_cb (self);
  source_refreshing_cb (self);
}

/**
 * ncl_window_get_source:
 *
 * Returns: (transfer none) (nullable): the event on screen
 */
NclSource *
ncl_window_get_source (NclWindow *self)
{
  g_return_val_if_fail (NCL_IS_WINDOW (self), NULL);

  return self->source;
}

/* An event removed while on screen gives way to the built-in one. */
static void
sources_changed_cb (NclWindow *self)
{
  GListModel *sources = ncl_library_get_sources (self->library);
  guint n = g_list_model_get_n_items (sources);
  g_autoptr(NclSource) first = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NclSource) item = g_list_model_get_item (sources, i);

      if (item == self->source)
        {
          ncl_events_sidebar_select (self->sidebar, self->source);
          return;
        }
    }

  if (n > 0 && (first = g_list_model_get_item (sources, 0)) != NULL)
    ncl_window_show_source (self, first);
}

static void
source_activated_cb (NclWindow *self,
                     NclSource *source)
{
  ncl_window_show_source (self, source);
}

/**
 * ncl_window_set_library:
 *
 * Lists the library's events in the sidebar and shows the first (the
 * built-in one).
 */
void
ncl_window_set_library (NclWindow  *self,
                        NclLibrary *library)
{
  g_autoptr(NclSource) source = NULL;

  g_return_if_fail (NCL_IS_WINDOW (self));
  g_return_if_fail (NCL_IS_LIBRARY (library));
  g_return_if_fail (self->library == NULL);

  source = g_list_model_get_item (ncl_library_get_sources (library), 0);
  g_return_if_fail (source != NULL);

  self->library = g_object_ref (library);
  ncl_highlights_view_set_library (self->talks_view, library);
  ncl_events_sidebar_set_sources (self->sidebar, ncl_library_get_sources (library));
  g_signal_connect_object (ncl_library_get_sources (library), "items-changed",
                           G_CALLBACK (sources_changed_cb), self, G_CONNECT_SWAPPED);
  self->status_timeout_id = g_timeout_add_seconds (60, status_tick_cb, self);

  ncl_window_show_source (self, source);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (ensure_schedule_views), self, G_CONNECT_SWAPPED);

  ensure_schedule_views (self);
}

/* Until an agenda page was loaded (offline on a first start, or while the
 * first fetch runs) the two views say so instead of showing nothing. */
static GtkWidget *
with_empty_state (GtkWidget  *view,
                  const char *title)
{
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "ncl-agenda-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("The full agenda comes from the event’s page. "
                                     "Refresh (Ctrl+R) when you are online."));
  gtk_stack_add_named (GTK_STACK (stack), status, "empty");
  gtk_stack_add_named (GTK_STACK (stack), view, "view");

  /* A search or the starred filter that leaves nothing says so. */
  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "ncl-search-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Results Found"));
  gtk_stack_add_named (GTK_STACK (stack), status, "no-results");

  return stack;
}

static void
update_empty_state (NclWindow  *self,
                    AdwBin     *bin,
                    GListModel *results)
{
  GListModel *sessions = ncl_event_get_sessions (ncl_source_get_event (self->source));
  GtkStack *stack = GTK_STACK (adw_bin_get_child (bin));

  if (g_list_model_get_n_items (sessions) == 0)
    gtk_stack_set_visible_child_name (stack, "empty");
  else if (filtering (self) && g_list_model_get_n_items (results) == 0)
    {
      update_no_results_page (self, ADW_STATUS_PAGE (gtk_stack_get_child_by_name (stack, "no-results")));
      gtk_stack_set_visible_child_name (stack, "no-results");
    }
  else
    gtk_stack_set_visible_child_name (stack, "view");
}

static void
update_empty_states (NclWindow *self)
{
  if (self->agenda_view == NULL)
    return;

  update_empty_state (self, self->agenda_bin, ncl_agenda_view_get_results (self->agenda_view));
  update_empty_state (self, self->speakers_bin, ncl_speakers_view_get_results (self->speakers_view));
  update_results (self);
}

/* The agenda and speakers are built the first time one of them is shown,
 * not for the first frame, which shows the talks. */
static void
ensure_schedule_views (NclWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  NclSource *source = self->source;

  if (self->agenda_view != NULL || source == NULL ||
      (g_strcmp0 (name, "agenda") != 0 && g_strcmp0 (name, "speakers") != 0))
    return;

  /* The agenda is empty until a saved or fetched copy arrives; the views
   * follow the same schedule object as it fills. */
  self->agenda_view = NCL_AGENDA_VIEW (ncl_agenda_view_new ());
  ncl_agenda_view_set_stars (self->agenda_view, self->stars);
  ncl_agenda_view_set_filter (self->agenda_view, GTK_FILTER (self->filter));
  ncl_agenda_view_set_event (self->agenda_view, ncl_source_get_event (source));
  adw_bin_set_child (self->agenda_bin,
                     with_empty_state (GTK_WIDGET (self->agenda_view), _("No Agenda Yet")));

  self->speakers_view = NCL_SPEAKERS_VIEW (ncl_speakers_view_new ());
  ncl_speakers_view_set_filter (self->speakers_view, GTK_FILTER (self->filter));
  sync_speakers_view (self);
  adw_bin_set_child (self->speakers_bin,
                     with_empty_state (GTK_WIDGET (self->speakers_view), _("No Speakers Yet")));

  g_signal_connect_object (ncl_agenda_view_get_results (self->agenda_view), "items-changed",
                           G_CALLBACK (update_empty_states), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ncl_speakers_view_get_results (self->speakers_view), "items-changed",
                           G_CALLBACK (update_empty_states), self, G_CONNECT_SWAPPED);
  update_empty_states (self);

  g_settings_bind (self->settings, "show-event-time",
                   self->agenda_view, "show-event-time", G_SETTINGS_BIND_DEFAULT);
  g_object_bind_property (self->agenda_view, "shows-event-time",
                          self->speakers_view, "show-event-time", G_BINDING_SYNC_CREATE);
}

/**
 * ncl_window_get_web_page:
 *
 * Returns: (nullable) (transfer none): the page that shows slides and videos,
 *   once one was opened
 */
NclWebPage *
ncl_window_get_web_page (NclWindow *self)
{
  g_return_val_if_fail (NCL_IS_WINDOW (self), NULL);

  return self->web_page;
}

/**
 * ncl_window_get_showing_web_page:
 *
 * Returns: whether slides or a video cover the talks
 */
gboolean
ncl_window_get_showing_web_page (NclWindow *self)
{
  g_return_val_if_fail (NCL_IS_WINDOW (self), FALSE);

  return self->web_page != NULL &&
         gtk_stack_get_visible_child (self->main_stack) == GTK_WIDGET (self->web_page);
}

/**
 * ncl_window_show_error:
 *
 * Shows why there is no event to show, in place of the talks.
 */
void
ncl_window_show_error (NclWindow    *self,
                       const GError *error)
{
  g_return_if_fail (NCL_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  /* Set here, not in the template: an icon from the theme is an SVG, and
   * loading the SVG renderer would slow down every start. */
  adw_status_page_set_icon_name (self->error_page, "dialog-error-symbolic");
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}
