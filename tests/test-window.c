/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "ncl-post-format.h"
#include "ncl-highlight-picture.h"
#include "ncl-highlight-card.h"
#include "ncl-window.h"
#include "ncl-test-nats.h"

#include "ncl-test-util.h"

static const char * const expected_headings[] = {
  "1. Serverless and OpenFaaS and NATS",
  "2. The World of HTTP and NATS Together",
  "3. NATS and Augmented Reality",
  "4. Cloud Native WebAssembly",
  "5. SwimOS and NATS",
};

typedef struct
{
  NclWindow *window;
  NclEvent *event;
  GPtrArray *opened;
} Fixture;

static NclEvent *
parse_resource_post (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  NclEvent *event;

  bytes = g_resources_lookup_data (RESOURCE_BASE "/event/nats-connect-live-2020.md", 0, &error);
  g_assert_no_error (error);
  event = ncl_post_parse (bytes, NCL_TEST_POST_URI, &error);
  g_assert_no_error (error);

  return event;
}

static gboolean
activate_link_cb (NclWindow  *window,
                  const char *uri,
                  Fixture    *fixture)
{
  g_ptr_array_add (fixture->opened, g_strdup (uri));
  /* Handled: no browser is started from a test. */
  return TRUE;
}

static void
fixture_open (Fixture  *fixture,
              NclEvent *event,
              int       width)
{
  fixture->opened = g_ptr_array_new_with_free_func (g_free);
  fixture->event = event;
  fixture->window = g_object_new (NCL_TYPE_WINDOW,
                                  "default-width", width,
                                  "default-height", 700,
                                  NULL);
  g_signal_connect (fixture->window, "activate-link", G_CALLBACK (activate_link_cb), fixture);
  ncl_window_set_event (fixture->window, event);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture_open (fixture, parse_resource_post (), 1000);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->event);
  g_clear_pointer (&fixture->opened, g_ptr_array_unref);
  ncl_test_settle (20);
}

static gboolean
rows_shown (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) rows = ncl_test_find_all (GTK_WIDGET (fixture->window), NCL_TYPE_HIGHLIGHT_CARD);
  guint n_talks = g_list_model_get_n_items (ncl_event_get_highlights (fixture->event));
  guint mapped = 0;

  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_get_mapped (rows->pdata[i]) && ncl_highlight_card_get_highlight (rows->pdata[i]) != NULL)
      mapped++;

  return mapped >= MIN (n_talks, 1) && rows->len >= n_talks;
}

/* The talk rows in the post's order (rows are recycled: order by talk). */
static GPtrArray *
talk_rows (Fixture *fixture)
{
  g_autoptr(GPtrArray) rows = ncl_test_find_all (GTK_WIDGET (fixture->window), NCL_TYPE_HIGHLIGHT_CARD);
  guint n_talks = g_list_model_get_n_items (ncl_event_get_highlights (fixture->event));
  GPtrArray *ordered = g_ptr_array_new ();

  for (guint n = 1; n <= n_talks; n++)
    {
      for (guint i = 0; i < rows->len; i++)
        {
          NclHighlight *talk = ncl_highlight_card_get_highlight (rows->pdata[i]);

          if (talk != NULL && ncl_highlight_get_number (talk) == n)
            {
              g_ptr_array_add (ordered, rows->pdata[i]);
              break;
            }
        }
    }

  return ordered;
}

static GtkLabel *
find_label_with_class (GtkWidget  *root,
                       const char *css_class)
{
  g_autoptr(GPtrArray) labels = ncl_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (labels->pdata[i], css_class))
      return labels->pdata[i];

  return NULL;
}

static GtkButton *
find_button (GtkWidget  *root,
             const char *label)
{
  g_autoptr(GPtrArray) contents = ncl_test_find_all (root, ADW_TYPE_BUTTON_CONTENT);

  for (guint i = 0; i < contents->len; i++)
    if (g_strcmp0 (adw_button_content_get_label (contents->pdata[i]), label) == 0)
      return GTK_BUTTON (gtk_widget_get_parent (contents->pdata[i]));

  return NULL;
}

static void
test_cards (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  GtkLabel *title;

  ncl_test_wait_for (rows_shown, fixture, 10, "the talk cards");
  rows = talk_rows (fixture);

  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (expected_headings));

  for (guint i = 0; i < rows->len; i++)
    {
      GtkLabel *heading = find_label_with_class (rows->pdata[i], "title-3");
      g_autoptr(GPtrArray) pictures = ncl_test_find_all (rows->pdata[i], NCL_TYPE_HIGHLIGHT_PICTURE);
      g_autoptr(GPtrArray) images = ncl_test_find_all (rows->pdata[i], GTK_TYPE_IMAGE);

      g_assert_nonnull (heading);
      g_assert_cmpstr (gtk_label_get_text (heading), ==, expected_headings[i]);
      g_assert_true (gtk_widget_is_drawable (rows->pdata[i]) || !gtk_widget_get_mapped (rows->pdata[i]));

      /* Two cards, and no picture yet: the placeholder shows the talk. */
      g_assert_cmpuint (pictures->len, ==, 1);
      g_assert_true (gtk_widget_has_css_class (pictures->pdata[0], "placeholder"));
      g_assert_nonnull (find_label_with_class (pictures->pdata[0], "ncl-talk-number"));
      for (guint j = 0; j < images->len; j++)
        g_assert_cmpstr (gtk_image_get_icon_name (images->pdata[j]), !=, "image-missing");
    }

  /* The post's heading above the talks. */
  title = find_label_with_class (GTK_WIDGET (fixture->window), "title-1");
  g_assert_nonnull (title);
  g_assert_cmpstr (gtk_label_get_text (title), ==, "NATS Connect Live 2020!");
}

static void
test_buttons_open_talk_links (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;

  ncl_test_wait_for (rows_shown, fixture, 10, "the talk cards");
  rows = talk_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 5);

  for (guint i = 0; i < rows->len; i++)
    {
      NclHighlight *talk = ncl_highlight_card_get_highlight (rows->pdata[i]);
      GtkButton *slides = find_button (rows->pdata[i], "_Slides");
      GtkButton *video = find_button (rows->pdata[i], "_Video");
      NclWebPage *page;

      g_assert_nonnull (slides);
      g_assert_nonnull (video);
      g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (slides)));
      g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (video)));

      /* Each opens inside the window, on that talk's link, and Back returns. */
      g_signal_emit_by_name (slides, "clicked");
      g_assert_true (ncl_window_get_showing_web_page (fixture->window));
      page = ncl_window_get_web_page (fixture->window);
      g_assert_cmpstr (ncl_web_page_get_original_uri (page), ==, ncl_highlight_get_slides_url (talk));
      g_assert_cmpstr (ncl_web_page_get_title (page), ==, ncl_highlight_get_title (talk));
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.go-back", NULL);
      g_assert_false (ncl_window_get_showing_web_page (fixture->window));

      g_signal_emit_by_name (video, "clicked");
      g_assert_true (ncl_window_get_showing_web_page (fixture->window));
      g_assert_cmpstr (ncl_web_page_get_original_uri (page), ==, ncl_highlight_get_video_url (talk));
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.go-back", NULL);
      g_assert_false (ncl_window_get_showing_web_page (fixture->window));
    }

  /* Nothing was handed to the desktop's browser on the way. */
  g_assert_cmpuint (fixture->opened->len, ==, 0);
}

static gboolean
all_folded (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) rows = talk_rows (fixture);

  if (rows->len == 0)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_get_mapped (rows->pdata[i]) && !ncl_highlight_card_get_folded (rows->pdata[i]))
      return FALSE;

  return TRUE;
}

static gboolean
none_folded (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) rows = talk_rows (fixture);

  if (rows->len == 0)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_get_mapped (rows->pdata[i]) && ncl_highlight_card_get_folded (rows->pdata[i]))
      return FALSE;

  return TRUE;
}

static void
scroll_to_middle (Fixture *fixture)
{
  g_autoptr(GPtrArray) lists = ncl_test_outside_drop_downs (ncl_test_find_all (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_VIEW));
  GtkWidget *scroller;
  GtkAdjustment *adjustment;

  g_assert_cmpuint (lists->len, ==, 1);
  scroller = gtk_widget_get_ancestor (lists->pdata[0], GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
}

static gboolean
mapped_row_folded (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) rows = talk_rows (fixture);

  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_get_mapped (rows->pdata[i]) && ncl_highlight_card_get_folded (rows->pdata[i]))
      return TRUE;

  /* The list learns its height as rows get measured: aim again. */
  scroll_to_middle (fixture);
  return FALSE;
}

/* Where the picture card is, relative to the text card of the same row. */
static void
card_bounds (GtkWidget       *row,
             graphene_rect_t *text,
             graphene_rect_t *picture)
{
  g_autoptr(GPtrArray) pictures = ncl_test_find_all (row, NCL_TYPE_HIGHLIGHT_PICTURE);
  GtkWidget *text_card = gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (find_button (row, "_Slides"))));

  g_assert_true (gtk_widget_has_css_class (text_card, "card"));
  g_assert_true (gtk_widget_compute_bounds (text_card, row, text));
  g_assert_true (gtk_widget_compute_bounds (pictures->pdata[0], row, picture));
}

static void
test_narrow_one_column (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  graphene_rect_t text, picture;

  ncl_test_wait_for (rows_shown, fixture, 10, "the talk cards");
  ncl_test_wait_for (none_folded, fixture, 10, "two columns in a wide window");
  rows = talk_rows (fixture);

  /* Wide: side by side, the picture on the right, the same width. */
  card_bounds (rows->pdata[0], &text, &picture);
  g_assert_cmpfloat (picture.origin.x, >=, text.origin.x + text.size.width);
  g_assert_cmpfloat (picture.origin.y, ==, text.origin.y);
  g_assert_cmpfloat_with_epsilon (picture.size.width, text.size.width, 2);

  /* Narrow, as on a phone: the picture under the text, full width. The
   * header grows taller than the window, so scroll down to the talks. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 480, 700);
  ncl_test_wait_for (all_folded, fixture, 10, "one column in a narrow window");
  scroll_to_middle (fixture);
  ncl_test_wait_for (mapped_row_folded, fixture, 10, "a talk on screen in one column");

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = talk_rows (fixture);
  for (guint i = 0; i < rows->len; i++)
    {
      if (!gtk_widget_get_mapped (rows->pdata[i]))
        continue;

      card_bounds (rows->pdata[i], &text, &picture);
      g_assert_cmpfloat (picture.origin.y, >=, text.origin.y + text.size.height);
      g_assert_cmpfloat_with_epsilon (picture.origin.x, text.origin.x, 1);
      g_assert_cmpfloat_with_epsilon (picture.size.width, text.size.width, 2);
      g_assert_cmpfloat (picture.size.width, <=, 480);
    }

  /* And back. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  ncl_test_wait_for (none_folded, fixture, 10, "two columns again");
}

/* A refresh of the post that changes a picture's alternative text: the
 * card's picture is the same widget and says the new text to a screen
 * reader, as the talk on screen now has it. */
static void
test_refresh_picture_alt (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) pictures = NULL;
  g_autoptr(NclEvent) fresh = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = NULL;

  ncl_test_wait_for (rows_shown, fixture, 10, "the talk cards");
  rows = talk_rows (fixture);
  pictures = ncl_test_find_all (rows->pdata[0], NCL_TYPE_HIGHLIGHT_PICTURE);
  g_assert_cmpuint (pictures->len, ==, 1);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (pictures->pdata[0]),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "OpenFaas");

  bytes = g_resources_lookup_data (RESOURCE_BASE "/event/nats-connect-live-2020.md", 0, &error);
  g_assert_no_error (error);
  text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_cmpuint (g_string_replace (text, "alt=\"OpenFaas\"", "alt=\"OpenFaaS functions on NATS\"", 0), ==, 1);
  changed = g_string_free_to_bytes (g_steal_pointer (&text));
  fresh = ncl_post_parse (changed, NCL_TEST_POST_URI, &error);
  g_assert_no_error (error);

  ncl_event_update_from (fixture->event, fresh);
  ncl_test_settle (20);

  g_clear_pointer (&rows, g_ptr_array_unref);
  g_clear_pointer (&pictures, g_ptr_array_unref);
  rows = talk_rows (fixture);
  pictures = ncl_test_find_all (rows->pdata[0], NCL_TYPE_HIGHLIGHT_PICTURE);
  g_assert_cmpuint (pictures->len, ==, 1);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (pictures->pdata[0]),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "OpenFaaS functions on NATS");
}

static const char missing_links_post[] =
  "+++\n"
  "title = \"Links Missing\"\n"
  "+++\n"
  "\n"
  "### 1. Only Words\n"
  "<div class=\"grid-container\"><div class=\"grid-item\">Nothing was recorded.</div></div>\n"
  "\n"
  "### 2. Only a Video\n"
  "<div class=\"grid-container\"><div class=\"grid-item\">\n"
  "<a href=\"https://youtu.be/J0zbYbvYiM8\"><img src=\"/img/social/youtube.png\"></a>\n"
  "</div></div>\n";

static void
test_missing_links (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (missing_links_post, strlen (missing_links_post));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  Fixture fixture = { 0 };
  NclEvent *event = ncl_post_parse (bytes, NCL_TEST_POST_URI, &error);

  g_assert_no_error (error);
  fixture_open (&fixture, event, 1000);
  ncl_test_wait_for (rows_shown, &fixture, 10, "the talk cards");
  rows = talk_rows (&fixture);
  g_assert_cmpuint (rows->len, ==, 2);

  /* The card says what is missing; the button is there but cannot open. */
  g_assert_null (find_button (rows->pdata[0], "_Slides"));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (find_button (rows->pdata[0], "No Slides"))));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (find_button (rows->pdata[0], "No Video"))));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (find_button (rows->pdata[0], "No Video"))), ==,
                   "No video was published for this talk");

  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (find_button (rows->pdata[1], "_Video"))));
  /* The disabled button does nothing; the other opens its link. */
  g_signal_emit_by_name (find_button (rows->pdata[1], "No Slides"), "clicked");
  g_assert_false (ncl_window_get_showing_web_page (fixture.window));
  g_signal_emit_by_name (find_button (rows->pdata[1], "_Video"), "clicked");
  g_assert_true (ncl_window_get_showing_web_page (fixture.window));
  g_assert_cmpstr (ncl_web_page_get_original_uri (ncl_window_get_web_page (fixture.window)), ==,
                   "https://youtu.be/J0zbYbvYiM8");

  fixture_teardown (&fixture, NULL);
}

static void
test_error_page (void)
{
  g_autoptr(GError) error = g_error_new_literal (NCL_POST_ERROR, NCL_POST_ERROR_NO_TALKS,
                                                 "The post has no talks");
  g_autoptr(GPtrArray) pages = NULL;
  NclWindow *window = g_object_new (NCL_TYPE_WINDOW, NULL);

  ncl_window_show_error (window, error);
  gtk_window_present (GTK_WINDOW (window));
  ncl_test_settle (50);

  /* The error page, not the search's "No Results Found" (hidden). */
  pages = ncl_test_find_all (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE);
  for (guint i = pages->len; i > 0; i--)
    {
      if (!gtk_widget_get_mapped (pages->pdata[i - 1]))
        g_ptr_array_remove_index (pages, i - 1);
    }
  g_assert_cmpuint (pages->len, ==, 1);
  g_assert_cmpstr (adw_status_page_get_description (pages->pdata[0]), ==, "The post has no talks");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
window_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
test_window_size_persists (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  NclWindow *window;
  int width, height;

  window = g_object_new (NCL_TYPE_WINDOW, NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, g_settings_get_int (settings, "window-width"));

  gtk_window_set_default_size (GTK_WINDOW (window), 812, 634);
  gtk_window_present (GTK_WINDOW (window));
  ncl_test_wait_for (window_is_mapped, window, 10, "the window");
  gtk_window_close (GTK_WINDOW (window));
  ncl_test_settle (50);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 812);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 634);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* The next window opens at that size. */
  window = g_object_new (NCL_TYPE_WINDOW, NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 812);
  g_assert_cmpint (height, ==, 634);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* GTK 4.8 has no getter for accessible names; its test AT context keeps
   * what a widget announced, for gtk_test_accessible_assert_property(). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  ncl_test_init_gtk (&argc, &argv);

  g_test_add ("/ncl/window/cards", Fixture, NULL, fixture_setup, test_cards, fixture_teardown);
  g_test_add ("/ncl/window/buttons-open-talk-links", Fixture, NULL,
              fixture_setup, test_buttons_open_talk_links, fixture_teardown);
  g_test_add ("/ncl/window/narrow-one-column", Fixture, NULL,
              fixture_setup, test_narrow_one_column, fixture_teardown);
  g_test_add ("/ncl/window/refresh-picture-alt", Fixture, NULL,
              fixture_setup, test_refresh_picture_alt, fixture_teardown);
  g_test_add_func ("/ncl/window/missing-links", test_missing_links);
  g_test_add_func ("/ncl/window/error-page", test_error_page);
  g_test_add_func ("/ncl/window/size-persists", test_window_size_persists);

  return g_test_run ();
}
