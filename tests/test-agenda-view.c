/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <time.h>

#include <adwaita.h>

#include "ncl-frab-json-format.h"
#include "ncl-nats-agenda-format.h"
#include "ncl-pentabarf-format.h"
#include "ncl-search-filter.h"
#include "ncl-agenda-view.h"
#include "ncl-highlight-match.h"
#include "ncl-session-row.h"
#include "ncl-speaker-row.h"
#include "ncl-speakers-view.h"
#include "ncl-stars.h"
#include "ncl-test-nats.h"

#include "ncl-test-util.h"

/*
 * The agenda and the speakers as a person sees them, in Kolkata: the
 * process runs in Asia/Kolkata (set in main() before any GTimeZone exists),
 * 12½ hours ahead of the event's Los Angeles, so local and event times
 * differ and the last sessions fall on the next day.
 *
 * Accessible names are read back with gtk_test_accessible_check_property():
 * GTK 4.8 has no getter, but its test AT context (GTK_A11Y=test, set in
 * main()) keeps what the widget announced.
 */

typedef struct
{
  GtkWindow *window;
  GtkWidget *view;
  NclEvent *schedule;
  /* The actions activated, as "open-link https://…". */
  GPtrArray *activated;
} Fixture;

static void
record_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  Fixture *fixture = user_data;

  g_ptr_array_add (fixture->activated,
                   g_strdup_printf ("%s %s", g_action_get_name (G_ACTION (action)),
                                    g_variant_get_string (parameter, NULL)));
}

/* The window's actions the views use, recorded instead of opening a page. */
static void
insert_win_actions (Fixture   *fixture,
                    GtkWidget *window)
{
  const GActionEntry entries[] = {
    { "open-link", record_action_cb, "s", NULL, NULL, { 0 } },
    { "open-slides", record_action_cb, "s", NULL, NULL, { 0 } },
    { "open-video", record_action_cb, "s", NULL, NULL, { 0 } },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), fixture);
  gtk_widget_insert_action_group (window, "win", G_ACTION_GROUP (group));
}

static NclEvent *
load_schedule (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "agenda", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  NclEvent *schedule;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  schedule = ncl_agenda_parse (bytes, ncl_test_agenda_hints (), &error);
  g_assert_no_error (error);

  return schedule;
}

static void
fixture_open (Fixture   *fixture,
              GtkWidget *view,
              NclEvent  *schedule,
              int        width,
              int        height)
{
  fixture->activated = g_ptr_array_new_with_free_func (g_free);
  fixture->schedule = schedule;
  fixture->view = view;
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, width, height);
  gtk_window_set_child (fixture->window, view);
  insert_win_actions (fixture, GTK_WIDGET (fixture->window));
  gtk_window_present (fixture->window);
}

static void
agenda_setup (Fixture       *fixture,
              gconstpointer  data)
{
  NclEvent *schedule = load_schedule (data != NULL ? data : "connect-live-2020.html");
  GtkWidget *view = ncl_agenda_view_new ();

  ncl_agenda_view_set_event (NCL_AGENDA_VIEW (view), schedule);
  fixture_open (fixture, view, schedule, 800, 700);
}

static void
speakers_setup (Fixture       *fixture,
                gconstpointer  data)
{
  NclEvent *schedule = load_schedule ("normal.html");
  GtkWidget *view = ncl_speakers_view_new ();

  ncl_speakers_view_set_event (NCL_SPEAKERS_VIEW (view), schedule);
  fixture_open (fixture, view, schedule, 800, 700);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->schedule);
  g_clear_pointer (&fixture->activated, g_ptr_array_unref);
  ncl_test_settle (20);
}

/* What is on screen. */

static GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = ncl_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_is_visible (labels->pdata[i]) &&
        g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
      return labels->pdata[i];

  return NULL;
}

static GtkLabel *
find_label_with_class (GtkWidget  *root,
                       const char *css_class)
{
  g_autoptr(GPtrArray) labels = ncl_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_is_visible (labels->pdata[i]) &&
        gtk_widget_has_css_class (labels->pdata[i], css_class))
      return labels->pdata[i];

  return NULL;
}

static GtkButton *
find_button (GtkWidget  *root,
             const char *label)
{
  g_autoptr(GPtrArray) contents = ncl_test_find_all (root, ADW_TYPE_BUTTON_CONTENT);

  for (guint i = 0; i < contents->len; i++)
    if (gtk_widget_is_visible (contents->pdata[i]) &&
        g_strcmp0 (adw_button_content_get_label (contents->pdata[i]), label) == 0)
      return GTK_BUTTON (gtk_widget_get_parent (contents->pdata[i]));

  return NULL;
}

static void
assert_accessible_label (gpointer    widget,
                         const char *expected)
{
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
}

static const char *
time_text (NclSessionRow *row)
{
  GtkLabel *label = find_label_with_class (GTK_WIDGET (row), "ncl-session-time");

  g_assert_nonnull (label);
  return gtk_label_get_text (label);
}

static const char *
day_text (NclSessionRow *row)
{
  GtkLabel *label = find_label_with_class (GTK_WIDGET (row), "ncl-session-day");

  return label != NULL ? gtk_label_get_text (label) : NULL;
}

/* Rows are recycled: they are found by what they show, and only on screen. */
static NclSessionRow *
find_session_row (Fixture    *fixture,
                  const char *title,
                  guint       nth)
{
  g_autoptr(GPtrArray) rows = ncl_test_find_all (fixture->view, NCL_TYPE_SESSION_ROW);
  NclSessionRow *found = NULL;
  guint found_index = G_MAXUINT;
  GListModel *sessions = ncl_event_get_sessions (fixture->schedule);

  for (guint i = 0; i < rows->len; i++)
    {
      NclSession *session = ncl_session_row_get_session (rows->pdata[i]);
      guint seen = 0;

      /* Mapped and laid out. */
      if (session == NULL || !gtk_widget_get_mapped (rows->pdata[i]) ||
          gtk_widget_get_height (rows->pdata[i]) == 0 ||
          g_strcmp0 (ncl_session_get_title (session), title) != 0)
        continue;

      /* The nth session of that title, in the agenda's order. */
      for (guint j = 0; j < g_list_model_get_n_items (sessions); j++)
        {
          g_autoptr(NclSession) other = g_list_model_get_item (sessions, j);

          if (g_strcmp0 (ncl_session_get_title (other), title) != 0)
            continue;
          if (other == session && seen == nth && j < found_index)
            {
              found = rows->pdata[i];
              found_index = j;
            }
          seen++;
        }
    }

  return found;
}

typedef struct
{
  Fixture *fixture;
  const char *title;
  gboolean scroll_to_end;
} RowWait;

static void
scroll_to_end (Fixture *fixture)
{
  g_autoptr(GPtrArray) lists = ncl_test_outside_drop_downs (ncl_test_find_all (fixture->view, GTK_TYPE_LIST_VIEW));
  GtkWidget *scroller;
  GtkAdjustment *adjustment;

  g_assert_cmpuint (lists->len, ==, 1);
  scroller = gtk_widget_get_ancestor (lists->pdata[0], GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
}

static gboolean
session_row_shown (gpointer data)
{
  RowWait *wait = data;

  if (find_session_row (wait->fixture, wait->title, 0) != NULL)
    return TRUE;

  /* The list learns its height as rows get measured: aim again. */
  if (wait->scroll_to_end)
    scroll_to_end (wait->fixture);
  return FALSE;
}

static NclSessionRow *
wait_for_session_row (Fixture    *fixture,
                      const char *title,
                      gboolean    scroll)
{
  RowWait wait = { fixture, title, scroll };

  ncl_test_wait_for (session_row_shown, &wait, 10, title);
  return find_session_row (fixture, title, 0);
}

/* The agenda */

static void
test_first_session (Fixture       *fixture,
                    gconstpointer  data)
{
  NclSessionRow *row = wait_for_session_row (fixture, "Welcome & Introduction", FALSE);
  NclSessionRow *second = wait_for_session_row (fixture, "Serverless on Kubernetes with OpenFaaS & NATS", FALSE);
  graphene_point_t first_at, second_at;

  /* The day, and that the times are the viewer's. */
  g_assert_nonnull (find_label (fixture->view, "Thursday, April 16, 2020"));
  g_assert_nonnull (find_label (fixture->view, "Times in your time zone (IST)"));

  /* 8:00 AM in Los Angeles is 8:30 PM in Kolkata, the same day. */
  g_assert_cmpstr (time_text (row), ==, "8:30 PM");
  g_assert_null (day_text (row));
  g_assert_nonnull (find_label (GTK_WIDGET (row), "Welcome & Introduction"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (find_label (GTK_WIDGET (row), "Welcome & Introduction")),
                                           "heading"));
  g_assert_nonnull (find_label (GTK_WIDGET (row), "Derek Collison"));
  assert_accessible_label (row, "8:30 PM, Welcome & Introduction, Derek Collison");

  /* In the agenda's order, one under the other. */
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (row), fixture->view, &GRAPHENE_POINT_INIT (0, 0), &first_at));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (second), fixture->view, &GRAPHENE_POINT_INIT (0, 0), &second_at));
  g_assert_cmpfloat (second_at.y, >, first_at.y);
  g_assert_cmpstr (time_text (second), ==, "8:50 PM");

  /* Not highlighted: no tag, no buttons. */
  g_assert_null (find_label (GTK_WIDGET (row), "Highlighted in the post"));
  g_assert_null (find_button (GTK_WIDGET (row), "_Slides"));
}

static void
test_break (Fixture       *fixture,
            gconstpointer  data)
{
  NclSessionRow *row = wait_for_session_row (fixture, "Break", FALSE);
  g_autoptr(GPtrArray) separators = ncl_test_find_all (GTK_WIDGET (row), GTK_TYPE_SEPARATOR);
  g_autoptr(GPtrArray) buttons = ncl_test_find_all (GTK_WIDGET (row), GTK_TYPE_BUTTON);
  guint visible_buttons = 0;

  g_assert_nonnull (find_label (GTK_WIDGET (row), "Break"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "break"));
  g_assert_null (find_button (GTK_WIDGET (row), "_Slides"));
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_is_visible (buttons->pdata[i]))
      visible_buttons++;
  g_assert_cmpuint (visible_buttons, ==, 0);

  /* A line across, the name in the middle. */
  g_assert_cmpuint (separators->len, ==, 2);
  for (guint i = 0; i < separators->len; i++)
    g_assert_true (gtk_widget_is_visible (separators->pdata[i]));

  /* The page gives breaks no time; the row makes none up. */
  g_assert_null (find_label_with_class (GTK_WIDGET (row), "ncl-session-time"));
  assert_accessible_label (row, "Break");
}

static void
test_event_time (Fixture       *fixture,
                 gconstpointer  data)
{
  NclAgendaView *view = NCL_AGENDA_VIEW (fixture->view);
  NclSessionRow *row = wait_for_session_row (fixture, "Welcome & Introduction", FALSE);
  g_autoptr(GPtrArray) toggles =
    ncl_test_outside_drop_downs (ncl_test_find_all (fixture->view, GTK_TYPE_TOGGLE_BUTTON));
  GtkToggleButton *toggle;

  /* The one toggle that is not a session's star. */
  for (guint i = toggles->len; i > 0; i--)
    {
      if (gtk_widget_has_css_class (toggles->pdata[i - 1], "ncl-star"))
        g_ptr_array_remove_index (toggles, i - 1);
    }
  g_assert_cmpuint (toggles->len, ==, 1);
  toggle = toggles->pdata[0];
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (toggle)), ==, "_Event Time");
  g_assert_false (gtk_toggle_button_get_active (toggle));
  g_assert_false (ncl_agenda_view_get_show_event_time (view));

  /* A click: the event's own times, and the header says so. */
  g_signal_emit_by_name (toggle, "clicked");
  g_assert_true (ncl_agenda_view_get_show_event_time (view));
  g_assert_cmpstr (time_text (row), ==, "8:00 AM");
  g_assert_nonnull (find_label (fixture->view, "Times in the event’s time zone (PDT)"));
  g_assert_null (find_label (fixture->view, "Times in your time zone (IST)"));

  /* The last talk: 2:30 PM at the event is 3:00 AM the next day here. */
  row = wait_for_session_row (fixture, "NATS Future Work & Wrap Up", TRUE);
  g_assert_cmpstr (time_text (row), ==, "2:30 PM");
  g_assert_null (day_text (row));
  assert_accessible_label (row, "2:30 PM, NATS Future Work & Wrap Up, Derek Collison");

  g_signal_emit_by_name (toggle, "clicked");
  g_assert_false (ncl_agenda_view_get_show_event_time (view));
  g_assert_cmpstr (time_text (row), ==, "3:00 AM");
  g_assert_cmpstr (day_text (row), ==, "Friday,\nApril 17");
  assert_accessible_label (row, "3:00 AM, Friday, April 17, NATS Future Work & Wrap Up, Derek Collison");
  g_assert_nonnull (find_label (fixture->view, "Times in your time zone (IST)"));

  /* The property drives the button as well. */
  ncl_agenda_view_set_show_event_time (view, TRUE);
  g_assert_true (gtk_toggle_button_get_active (toggle));
  g_assert_cmpstr (time_text (row), ==, "2:30 PM");
}

static NclHighlight *
create_talk (guint       number,
             const char *title,
             const char *text,
             const char *slides,
             const char *video)
{
  NclHighlight *talk = ncl_highlight_new (number, title);

  ncl_highlight_set_description_text (talk, text);
  ncl_highlight_set_slides_url (talk, slides);
  ncl_highlight_set_video_url (talk, video);
  return talk;
}

static void
test_highlighted_talk (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GListStore) talks = g_list_store_new (NCL_TYPE_HIGHLIGHT);
  g_autoptr(NclHighlight) talk = create_talk (1, "Serverless and OpenFaaS and NATS",
                                         "Alex Ellis shows OpenFaaS on Kubernetes with NATS.",
                                         "https://example.org/openfaas-slides.pdf",
                                         "https://youtu.be/J0zbYbvYiM8");
  NclSessionRow *row = wait_for_session_row (fixture, "Serverless on Kubernetes with OpenFaaS & NATS", FALSE);
  NclSessionRow *other = wait_for_session_row (fixture, "Welcome & Introduction", FALSE);
  GtkButton *slides, *video;

  g_assert_null (find_button (GTK_WIDGET (row), "_Slides"));

  /* The post's talks arrive while the agenda is on screen. */
  g_list_store_append (talks, talk);
  ncl_highlight_match_link (ncl_event_get_sessions (ncl_agenda_view_get_event (NCL_AGENDA_VIEW (fixture->view))),
                            G_LIST_MODEL (talks));

  g_assert_true (ncl_session_row_get_highlight (row) == talk);
  g_assert_nonnull (find_label (GTK_WIDGET (row), "Highlighted in the post"));
  slides = find_button (GTK_WIDGET (row), "_Slides");
  video = find_button (GTK_WIDGET (row), "_Video");
  g_assert_nonnull (slides);
  g_assert_nonnull (video);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (slides)));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (video)));
  assert_accessible_label (slides, "Slides: Serverless and OpenFaaS and NATS");

  g_signal_emit_by_name (slides, "clicked");
  g_signal_emit_by_name (video, "clicked");
  g_assert_cmpuint (fixture->activated->len, ==, 2);
  g_assert_cmpstr (fixture->activated->pdata[0], ==, "open-slides https://example.org/openfaas-slides.pdf");
  g_assert_cmpstr (fixture->activated->pdata[1], ==, "open-video https://youtu.be/J0zbYbvYiM8");

  /* Only that session. */
  g_assert_null (ncl_session_row_get_highlight (other));
  g_assert_null (find_button (GTK_WIDGET (other), "_Slides"));
  g_assert_null (find_label (GTK_WIDGET (other), "Highlighted in the post"));

  /* And no longer once the post drops it. */
  g_list_store_remove_all (talks);
  ncl_highlight_match_link (ncl_event_get_sessions (ncl_agenda_view_get_event (NCL_AGENDA_VIEW (fixture->view))),
                            G_LIST_MODEL (talks));
  g_assert_null (ncl_session_row_get_highlight (row));
  g_assert_null (find_button (GTK_WIDGET (row), "_Slides"));
}

static void
test_description_link (Fixture       *fixture,
                       gconstpointer  data)
{
  NclSessionRow *row = wait_for_session_row (fixture, "Queues & Streams", FALSE);
  GtkLabel *description = find_label (GTK_WIDGET (row), "Read the stream docs first.");
  gboolean handled = FALSE;

  /* The page's relative link, made absolute, and opened by the window. */
  g_assert_nonnull (description);
  g_assert_nonnull (strstr (gtk_label_get_label (description), "href=\"https://nats.io/docs/streams\""));

  g_signal_emit_by_name (description, "activate-link", "https://nats.io/docs/streams", &handled);
  g_assert_true (handled);
  g_assert_cmpuint (fixture->activated->len, ==, 1);
  g_assert_cmpstr (fixture->activated->pdata[0], ==, "open-link https://nats.io/docs/streams");
}

/* A session row on its own, given a talk the post has no video for. */
static void
test_row_missing_video (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Los_Angeles");
  g_autoptr(GDateTime) start = g_date_time_new (zone, 2020, 4, 16, 12, 0, 0);
  g_autoptr(NclSession) session = ncl_session_new (NCL_SESSION_TALK, "NATS & Augmented Reality");
  g_autoptr(NclHighlight) talk = create_talk (3, "NATS and Augmented Reality", NULL,
                                         "https://example.org/ar.pdf", NULL);
  const char * const speakers[] = { "Ron Britvich", NULL };
  Fixture fixture = { 0 };
  GtkWidget *row = ncl_session_row_new ();
  GtkButton *slides;
  GtkButton *video;

  ncl_session_set_start (session, start);
  ncl_session_set_speaker_names (session, speakers);
  ncl_session_set_highlight (session, talk);
  ncl_session_row_set_session (NCL_SESSION_ROW (row), session);
  fixture_open (&fixture, row, NULL, 600, 300);
  ncl_test_settle (50);

  g_assert_cmpstr (time_text (NCL_SESSION_ROW (row)), ==, "12:30 AM");
  g_assert_cmpstr (day_text (NCL_SESSION_ROW (row)), ==, "Friday,\nApril 17");

  slides = find_button (row, "_Slides");
  video = find_button (row, "No Video");
  g_assert_nonnull (slides);
  g_assert_nonnull (video);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (slides)));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (video)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (video)), ==, "No video was published for this talk");

  g_signal_emit_by_name (video, "clicked");
  g_assert_cmpuint (fixture.activated->len, ==, 0);
  g_signal_emit_by_name (slides, "clicked");
  g_assert_cmpuint (fixture.activated->len, ==, 1);
  g_assert_cmpstr (fixture.activated->pdata[0], ==, "open-slides https://example.org/ar.pdf");

  /* A break given a talk by mistake still shows no buttons. */
  {
    g_autoptr(NclSession) pause = ncl_session_new (NCL_SESSION_BREAK, "Break");

    ncl_session_set_highlight (pause, talk);
    ncl_session_row_set_session (NCL_SESSION_ROW (row), pause);
    g_assert_null (find_button (row, "_Slides"));
    g_assert_nonnull (find_label (row, "Break"));
  }

  fixture_teardown (&fixture, NULL);
}

/* A thousand sessions and more cost the rows on screen, not one each. */
static void
test_many_sessions (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("America/Los_Angeles");
  g_autoptr(GDateTime) day = g_date_time_new (zone, 2020, 4, 16, 0, 0, 0);
  NclEvent *schedule = ncl_event_new ();
  g_autoptr(GPtrArray) rows = NULL;
  Fixture fixture = { 0 };
  GtkWidget *view = ncl_agenda_view_new ();
  const guint n_sessions = 2000;

  ncl_event_set_date (schedule, day);
  for (guint i = 0; i < n_sessions; i++)
    {
      g_autofree char *title = g_strdup_printf ("Session %u", i + 1);
      g_autoptr(NclSession) session = ncl_session_new (NCL_SESSION_TALK, title);
      g_autoptr(GDateTime) start = g_date_time_add_minutes (day, i);

      ncl_session_set_start (session, start);
      ncl_event_add_session (schedule, session);
    }

  ncl_agenda_view_set_event (NCL_AGENDA_VIEW (view), schedule);
  fixture_open (&fixture, view, schedule, 800, 700);

  /* GTK 4.8's list view keeps up to some 200 rows around what is on
   * screen, however long the list. */
  wait_for_session_row (&fixture, "Session 1", FALSE);
  rows = ncl_test_find_all (view, NCL_TYPE_SESSION_ROW);
  g_assert_cmpuint (rows->len, <=, 250);

  /* Scrolled to the end, the same rows show other sessions. */
  wait_for_session_row (&fixture, "Session 2000", TRUE);
  g_assert_null (find_session_row (&fixture, "Session 1", 0));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = ncl_test_find_all (view, NCL_TYPE_SESSION_ROW);
  g_assert_cmpuint (rows->len, <=, 250);

  fixture_teardown (&fixture, NULL);
}

/* The speakers */

static NclSpeakerRow *
find_speaker_row (Fixture    *fixture,
                  const char *name)
{
  g_autoptr(GPtrArray) rows = ncl_test_find_all (fixture->view, NCL_TYPE_SPEAKER_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      NclSpeaker *speaker = ncl_speaker_row_get_speaker (rows->pdata[i]);

      if (speaker != NULL && gtk_widget_get_mapped (rows->pdata[i]) &&
          g_strcmp0 (ncl_speaker_get_name (speaker), name) == 0)
        return rows->pdata[i];
    }

  return NULL;
}

static gboolean
speaker_rows_shown (gpointer data)
{
  Fixture *fixture = data;

  return find_speaker_row (fixture, "Ada Lovelace") != NULL &&
         find_speaker_row (fixture, "Grace Hopper") != NULL &&
         find_speaker_row (fixture, "Alan Turing") != NULL;
}

static void
test_speakers (Fixture       *fixture,
               gconstpointer  data)
{
  NclSpeakerRow *row;
  GtkButton *github;
  GtkButton *button;
  GtkLabel *affiliation;
  gboolean handled = FALSE;

  ncl_test_wait_for (speaker_rows_shown, fixture, 10, "the speakers");

  /* Name, affiliation, the sessions given, here in Kolkata's time. */
  row = find_speaker_row (fixture, "Ada Lovelace");
  g_assert_nonnull (find_label (GTK_WIDGET (row), "Ada Lovelace"));
  g_assert_nonnull (find_label (GTK_WIDGET (row), "Analytical Engines Ltd"));
  g_assert_nonnull (find_label (GTK_WIDGET (row), "Gives “Opening Words” at 6:30\u00a0PM\u00a0IST"));
  g_assert_nonnull (find_label (GTK_WIDGET (row), "Gives “Closing” at 10:45\u00a0PM\u00a0IST"));

  /* A button per link, naming the service, and whose it is for a screen
   * reader; the tooltip shows where it leads. */
  github = find_button (GTK_WIDGET (row), "GitHub");
  g_assert_nonnull (github);
  g_assert_nonnull (find_button (GTK_WIDGET (row), "Twitter"));
  g_assert_null (find_button (GTK_WIDGET (row), "LinkedIn"));
  assert_accessible_label (github, "Ada Lovelace on GitHub");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (github)), ==, "github.com/ada");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (github)));

  g_signal_emit_by_name (github, "clicked");
  g_assert_cmpuint (fixture->activated->len, ==, 1);
  g_assert_cmpstr (fixture->activated->pdata[0], ==, "open-link https://github.com/ada");

  /* An affiliation with a link opens it. */
  row = find_speaker_row (fixture, "Grace Hopper");
  affiliation = find_label (GTK_WIDGET (row), "Admiral @ US Navy");
  g_assert_nonnull (affiliation);
  g_assert_cmpstr (gtk_label_get_label (affiliation), ==,
                   "<a href=\"https://navy.example.org\">Admiral @ US Navy</a>");
  g_signal_emit_by_name (affiliation, "activate-link", "https://navy.example.org", &handled);
  g_assert_true (handled);
  g_assert_cmpstr (fixture->activated->pdata[1], ==, "open-link https://navy.example.org");

  button = find_button (GTK_WIDGET (row), "Email");
  g_assert_nonnull (button);
  assert_accessible_label (button, "Email Grace Hopper");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (button)), ==, "grace@example.org");
  button = find_button (GTK_WIDGET (row), "LinkedIn");
  g_assert_nonnull (button);
  assert_accessible_label (button, "Grace Hopper on LinkedIn");

  row = find_speaker_row (fixture, "Alan Turing");
  button = find_button (GTK_WIDGET (row), "Website");
  g_assert_nonnull (button);
  assert_accessible_label (button, "Alan Turing’s website");
  g_assert_nonnull (find_button (GTK_WIDGET (row), "GitLab"));
  g_assert_nonnull (find_label (GTK_WIDGET (row), "Gives “Lunch Talk” at 9:30\u00a0PM\u00a0IST"));
  /* No affiliation: no empty line for it. */
  g_assert_null (find_label_with_class (GTK_WIDGET (row), "ncl-speaker-affiliation"));

  /* The event's times, when asked for. */
  ncl_speakers_view_set_show_event_time (NCL_SPEAKERS_VIEW (fixture->view), TRUE);
  row = find_speaker_row (fixture, "Ada Lovelace");
  g_assert_nonnull (find_label (GTK_WIDGET (row), "Gives “Opening Words” at 9:00\u00a0AM\u00a0EDT"));
  g_assert_null (find_label (GTK_WIDGET (row), "Gives “Opening Words” at 6:30\u00a0PM\u00a0IST"));
}

/* The titles of the sessions the agenda shows, joined by "|". */
static char *
shown_titles (NclAgendaView *view)
{
  GListModel *results = ncl_agenda_view_get_results (view);
  g_autoptr(GStrvBuilder) titles = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(NclSession) session = g_list_model_get_item (results, i);

      g_strv_builder_add (titles, ncl_session_get_title (session));
    }
  strv = g_strv_builder_end (titles);

  return g_strjoinv ("|", strv);
}

static GtkDropDown *
dropdown_named (GtkWidget  *root,
                const char *tooltip)
{
  g_autoptr(GPtrArray) dropdowns = ncl_test_find_all (root, GTK_TYPE_DROP_DOWN);

  for (guint i = 0; i < dropdowns->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (dropdowns->pdata[i]), tooltip) == 0)
      return dropdowns->pdata[i];

  g_error ("no drop-down “%s”", tooltip);
  return NULL;
}

static const char *
dropdown_item (GtkDropDown *dropdown,
               guint        position)
{
  return gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (dropdown)), position);
}

#define assert_shown(view, titles) \
  G_STMT_START { \
    g_autofree char *shown__ = shown_titles (view); \
    g_assert_cmpstr (shown__, ==, titles); \
  } G_STMT_END

/* A conference of two days, three rooms and two tracks (a frab JSON
 * schedule): one day at a time, the first when it is not under way; a
 * room and a track narrow it; a search finds sessions of every day. */
static void
test_days_rooms_tracks (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "frab-json", "conference.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) event = NULL;
  g_autoptr(NclSearchFilter) search = ncl_search_filter_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = ncl_agenda_view_new ();
  GtkDropDown *days, *rooms, *tracks;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  event = ncl_frab_json_parse (bytes, NULL, &error);
  g_assert_no_error (error);

  ncl_agenda_view_set_filter (NCL_AGENDA_VIEW (view), GTK_FILTER (search));
  ncl_agenda_view_set_event (NCL_AGENDA_VIEW (view), event);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 700);
  gtk_window_present (GTK_WINDOW (window));
  ncl_test_settle (100);

  days = dropdown_named (view, "The day shown");
  rooms = dropdown_named (view, "Only this room’s sessions");
  tracks = dropdown_named (view, "Only this track’s sessions");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (days)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (rooms)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (tracks)));
  g_assert_cmpstr (dropdown_item (days, 0), ==, "All Days");
  g_assert_cmpstr (dropdown_item (days, 1), ==, "Saturday, February 7");
  g_assert_cmpstr (dropdown_item (days, 2), ==, "Sunday, February 8");
  g_assert_cmpstr (dropdown_item (rooms, 1), ==, "Janson");
  g_assert_cmpstr (dropdown_item (tracks, 2), ==, "Desktops");

  /* The first day, and the header says which. */
  g_assert_cmpuint (gtk_drop_down_get_selected (days), ==, 1);
  assert_shown (NCL_AGENDA_VIEW (view), "Welcome to ExampleCon|Reading schedules|Lunch");
  g_assert_nonnull (find_label (view, "Saturday, February 7, 2026"));

  gtk_drop_down_set_selected (days, 2);
  assert_shown (NCL_AGENDA_VIEW (view), "GTK on every desktop");
  g_assert_nonnull (find_label (view, "Sunday, February 8, 2026"));

  gtk_drop_down_set_selected (days, 0);
  assert_shown (NCL_AGENDA_VIEW (view), "Welcome to ExampleCon|Reading schedules|Lunch|GTK on every desktop");
  g_assert_nonnull (find_label (view, "Saturday, February 7 – Sunday, February 8, 2026"));

  /* A room: its sessions on every day; the lunch is in K.1.105. */
  gtk_drop_down_set_selected (rooms, 1);
  assert_shown (NCL_AGENDA_VIEW (view), "Welcome to ExampleCon|GTK on every desktop");
  gtk_drop_down_set_selected (rooms, 0);

  /* A track: a break of no track stays, as it is everyone's. */
  gtk_drop_down_set_selected (tracks, 1);
  assert_shown (NCL_AGENDA_VIEW (view), "Welcome to ExampleCon|Lunch");
  gtk_drop_down_set_selected (tracks, 0);

  /* On day 1, a search for a day-2 session still finds it. */
  gtk_drop_down_set_selected (days, 1);
  ncl_search_filter_set_text (search, "desktop");
  assert_shown (NCL_AGENDA_VIEW (view), "GTK on every desktop");
  ncl_search_filter_set_text (search, "");
  assert_shown (NCL_AGENDA_VIEW (view), "Welcome to ExampleCon|Reading schedules|Lunch");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether the agenda offers the switch to the event's time zone. */
static gboolean
event_time_toggle_shown (GtkWidget *view)
{
  g_autoptr(GPtrArray) toggles =
    ncl_test_outside_drop_downs (ncl_test_find_all (view, GTK_TYPE_TOGGLE_BUTTON));

  for (guint i = 0; i < toggles->len; i++)
    if (!gtk_widget_has_css_class (toggles->pdata[i], "ncl-star") &&
        g_strcmp0 (gtk_button_get_label (toggles->pdata[i]), "_Event Time") == 0)
      return gtk_widget_is_visible (toggles->pdata[i]);

  g_assert_not_reached ();
}

static NclEvent *
parse_pentabarf_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "pentabarf", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  NclEvent *event;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  event = ncl_pentabarf_parse (bytes, NULL, &error);
  g_assert_no_error (error);

  return event;
}

/* A schedule that names no time zone (FOSDEM's): its times are the
 * building's wall clock, shown as written in Kolkata as anywhere; there is
 * no other zone to switch to, and the header says why. */
static void
test_floating_times (void)
{
  g_autoptr(NclEvent) event = parse_pentabarf_fixture ("floating.xml");
  g_autoptr(NclEvent) zoned = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = ncl_agenda_view_new ();
  g_autoptr(GPtrArray) rows = NULL;
  NclSessionRow *welcome = NULL;

  ncl_agenda_view_set_event (NCL_AGENDA_VIEW (view), event);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 700);
  gtk_window_present (GTK_WINDOW (window));
  ncl_test_settle (100);

  g_assert_false (ncl_agenda_view_get_show_event_time (NCL_AGENDA_VIEW (view)));
  rows = ncl_test_find_all (view, NCL_TYPE_SESSION_ROW);
  for (guint i = 0; i < rows->len; i++)
    {
      NclSession *session = ncl_session_row_get_session (rows->pdata[i]);

      if (session != NULL && gtk_widget_get_mapped (rows->pdata[i]) &&
          g_strcmp0 (ncl_session_get_title (session), "Welcome to Float Fest") == 0)
        welcome = rows->pdata[i];
    }
  g_assert_nonnull (welcome);
  g_assert_cmpstr (time_text (welcome), ==, "9:30 AM");
  g_assert_null (day_text (welcome));
  g_assert_nonnull (find_label (view, "Times at the event, as the schedule gives them (it names no time zone)"));
  g_assert_null (find_label (view, "Times in your time zone (IST)"));
  g_assert_false (event_time_toggle_shown (view));

  /* An event with a zone brings the switch back. */
  zoned = parse_pentabarf_fixture ("conference.xml");
  ncl_agenda_view_set_event (NCL_AGENDA_VIEW (view), zoned);
  ncl_test_settle (50);
  g_assert_true (event_time_toggle_shown (view));
  g_assert_nonnull (find_label (view, "Times in your time zone (IST)"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static NclSessionRow *
shown_row (GtkWidget  *view,
           const char *title)
{
  g_autoptr(GPtrArray) rows = ncl_test_find_all (view, NCL_TYPE_SESSION_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      NclSession *session = ncl_session_row_get_session (rows->pdata[i]);

      if (session != NULL && gtk_widget_get_mapped (rows->pdata[i]) &&
          g_strcmp0 (ncl_session_get_title (session), title) == 0)
        return rows->pdata[i];
    }

  g_assert_not_reached ();
}

static NclSession *
session_titled (NclEvent   *event,
                const char *title)
{
  GListModel *sessions = ncl_event_get_sessions (event);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(NclSession) session = g_list_model_get_item (sessions, i);

      if (g_strcmp0 (ncl_session_get_title (session), title) == 0)
        return session;
    }

  g_assert_not_reached ();
}

static void
star (NclStars   *stars,
      NclEvent   *event,
      const char *title,
      gboolean    starred)
{
  const char *ids[] = { ncl_session_get_id (session_titled (event, title)), NULL };

  ncl_stars_set_starred (stars, ids, starred);
  ncl_test_settle (20);
}

/* What the row says of its starred neighbours, NULL when nothing. */
static const char *
overlaps_text (NclSessionRow *row)
{
  GtkLabel *label = find_label_with_class (GTK_WIDGET (row), "ncl-session-overlaps");

  return label != NULL ? gtk_label_get_text (label) : NULL;
}

/* Starred sessions at the same time, in other rooms, say so, on screen
 * and to a screen reader; unstarred ones and touching ends do not. */
static void
test_overlaps (void)
{
  g_autoptr(NclEvent) event = parse_pentabarf_fixture ("overlaps.xml");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(NclStars) stars = ncl_stars_new (settings);
  g_autoptr(NclSearchFilter) search = ncl_search_filter_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = ncl_agenda_view_new ();
  NclSessionRow *rust;

  ncl_search_filter_set_stars (search, stars);
  ncl_agenda_view_set_stars (NCL_AGENDA_VIEW (view), stars);
  ncl_agenda_view_set_filter (NCL_AGENDA_VIEW (view), GTK_FILTER (search));
  ncl_agenda_view_set_event (NCL_AGENDA_VIEW (view), event);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 900);
  gtk_window_present (GTK_WINDOW (window));
  ncl_test_settle (100);

  /* One star is no conflict. */
  star (stars, event, "Rust in the kernel", TRUE);
  rust = shown_row (view, "Rust in the kernel");
  g_assert_null (overlaps_text (rust));

  /* A second at the same time, in another room: both say it. */
  star (stars, event, "Offline schedules", TRUE);
  g_assert_cmpstr (overlaps_text (shown_row (view, "Rust in the kernel")), ==,
                   "Overlaps with “Offline schedules”");
  g_assert_cmpstr (overlaps_text (shown_row (view, "Offline schedules")), ==,
                   "Overlaps with “Rust in the kernel”");
  assert_accessible_label (shown_row (view, "Offline schedules"),
                           "3:00 PM, Offline schedules, K.1.105, Overlaps with “Rust in the kernel”");
  /* An unstarred session at the same time is no conflict. */
  g_assert_null (overlaps_text (shown_row (view, "GTK tips")));

  /* Starting as another ends is none; the same hour a day later, none. */
  star (stars, event, "After the break", TRUE);
  star (stars, event, "Same hour, next day", TRUE);
  g_assert_null (overlaps_text (shown_row (view, "After the break")));

  /* Three at once, in the order they start. */
  star (stars, event, "GTK tips", TRUE);
  g_assert_cmpstr (overlaps_text (shown_row (view, "Rust in the kernel")), ==,
                   "Overlaps with “GTK tips” and “Offline schedules”");
  g_assert_cmpstr (overlaps_text (shown_row (view, "GTK tips")), ==,
                   "Overlaps with “Rust in the kernel”");

  /* The starred list says it too. */
  ncl_search_filter_set_starred_only (search, TRUE);
  ncl_test_settle (50);
  g_assert_cmpstr (overlaps_text (shown_row (view, "Offline schedules")), ==,
                   "Overlaps with “Rust in the kernel”");
  ncl_search_filter_set_starred_only (search, FALSE);
  ncl_test_settle (50);

  /* Unstarring takes the mark off the others. */
  star (stars, event, "Rust in the kernel", FALSE);
  g_assert_null (overlaps_text (shown_row (view, "Offline schedules")));
  g_assert_null (overlaps_text (shown_row (view, "GTK tips")));
  g_assert_null (overlaps_text (shown_row (view, "Rust in the kernel")));
  assert_accessible_label (shown_row (view, "Offline schedules"),
                           "3:00 PM, Offline schedules, K.1.105");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The built-in event is one day without rooms or tracks: nothing to
 * choose, no drop-downs. */
static void
test_one_day_no_scope (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) dropdowns = ncl_test_find_all (fixture->view, GTK_TYPE_DROP_DOWN);

  ncl_test_settle (50);
  for (guint i = 0; i < dropdowns->len; i++)
    g_assert_false (gtk_widget_get_mapped (dropdowns->pdata[i]));
  g_assert_cmpuint (g_list_model_get_n_items (ncl_agenda_view_get_results (NCL_AGENDA_VIEW (fixture->view))), ==,
                    g_list_model_get_n_items (ncl_event_get_sessions (fixture->schedule)));
}

int
main (int   argc,
      char *argv[])
{
  /* Before anything asks for the local zone. */
  g_setenv ("TZ", "Asia/Kolkata", TRUE);
  tzset ();
  /* Accessible properties are kept where the test can read them back. */
  g_setenv ("GTK_A11Y", "test", TRUE);

  ncl_test_init_gtk (&argc, &argv);

  g_test_add ("/ncl/agenda-view/first-session", Fixture, NULL,
              agenda_setup, test_first_session, fixture_teardown);
  g_test_add ("/ncl/agenda-view/break", Fixture, NULL,
              agenda_setup, test_break, fixture_teardown);
  g_test_add ("/ncl/agenda-view/event-time", Fixture, NULL,
              agenda_setup, test_event_time, fixture_teardown);
  g_test_add ("/ncl/agenda-view/highlighted-talk", Fixture, NULL,
              agenda_setup, test_highlighted_talk, fixture_teardown);
  g_test_add ("/ncl/agenda-view/description-link", Fixture, "normal.html",
              agenda_setup, test_description_link, fixture_teardown);
  g_test_add_func ("/ncl/agenda-view/many-sessions", test_many_sessions);
  g_test_add_func ("/ncl/agenda-view/days-rooms-tracks", test_days_rooms_tracks);
  g_test_add_func ("/ncl/agenda-view/floating-times", test_floating_times);
  g_test_add_func ("/ncl/agenda-view/overlaps", test_overlaps);
  g_test_add ("/ncl/agenda-view/one-day-no-scope", Fixture, NULL,
              agenda_setup, test_one_day_no_scope, fixture_teardown);
  g_test_add_func ("/ncl/session-row/missing-video", test_row_missing_video);
  g_test_add ("/ncl/speakers-view/speakers", Fixture, NULL,
              speakers_setup, test_speakers, fixture_teardown);

  return g_test_run ();
}
