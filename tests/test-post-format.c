/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include "ncl-post-format.h"
#include "ncl-test-markup.h"
#include "ncl-test-nats.h"

#define MIB (1024 * 1024)

/* The most talks a post can number ("### 99999. …"), each about 106 bytes:
 * a little over 10 MiB. */
#define LARGE_POST_TALKS 99999
#define LARGE_POST_TALK_SIZE 106

static NclEvent *
parse_data (const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);

  return ncl_post_parse (bytes, NCL_TEST_POST_URI, error);
}

static NclEvent *
parse_fixture (const char  *name,
               GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "posts", name, NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &local_error);
  g_assert_no_error (local_error);

  return parse_data (contents, length, error);
}

static NclEvent *
parse_bundled_post (void)
{
  const char *path = g_getenv ("NCL_BUNDLED_POST");
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) event = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (path == NULL)
    {
      g_test_fail_printf ("NCL_BUNDLED_POST is not set: run through `meson test`, or set it "
                          "to the path of data/event/nats-connect-live-2020.md");
      return NULL;
    }

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  event = parse_data (contents, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (event);

  return g_steal_pointer (&event);
}

static NclHighlight *
get_talk (NclEvent *event,
          guint     position)
{
  GListModel *talks = ncl_event_get_highlights (event);
  NclHighlight *talk;

  g_assert_cmpuint (position, <, g_list_model_get_n_items (talks));
  talk = g_list_model_get_item (talks, position);

  /* Borrowed: the event's list keeps it alive. */
  g_object_unref (talk);
  return talk;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

static void
assert_web_url_or_null (const char *url)
{
  g_autofree char *scheme = NULL;

  if (url == NULL)
    return;

  scheme = g_uri_parse_scheme (url);
  g_assert_true (g_strcmp0 (scheme, "https") == 0 || g_strcmp0 (scheme, "http") == 0);
  g_assert_true (g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL));
}

/* Markup that a label shows without blank lines around it. */
static void
assert_trimmed (const char *markup)
{
  gsize length = strlen (markup);

  if (length == 0)
    return;

  g_assert_false (g_ascii_isspace (markup[0]));
  g_assert_false (g_ascii_isspace (markup[length - 1]));
}

/* What the UI relies on for every event the parser returns: no half model. */
static void
assert_event_whole (NclEvent *event)
{
  GListModel *talks = ncl_event_get_highlights (event);
  guint n_talks = g_list_model_get_n_items (talks);
  g_autoptr(GHashTable) numbers = g_hash_table_new (NULL, NULL);

  g_assert_nonnull (ncl_article_get_title (ncl_event_get_article (event)));
  g_assert_false (is_blank (ncl_article_get_title (ncl_event_get_article (event))));
  ncl_assert_markup_valid (ncl_article_get_intro (ncl_event_get_article (event)));
  ncl_assert_markup_valid (ncl_article_get_closing (ncl_event_get_article (event)));
  assert_trimmed (ncl_article_get_intro (ncl_event_get_article (event)));
  assert_trimmed (ncl_article_get_closing (ncl_event_get_article (event)));
  g_assert_cmpuint (n_talks, >, 0);

  for (guint i = 0; i < n_talks; i++)
    {
      g_autoptr(NclHighlight) talk = g_list_model_get_item (talks, i);
      guint number = ncl_highlight_get_number (talk);
      const char *description = ncl_highlight_get_description (talk);
      g_autofree char *shown_text = NULL;

      g_assert_cmpuint (number, >, 0);
      g_assert_false (g_hash_table_contains (numbers, GUINT_TO_POINTER (number)));
      g_hash_table_add (numbers, GUINT_TO_POINTER (number));

      g_assert_nonnull (ncl_highlight_get_title (talk));
      g_assert_false (is_blank (ncl_highlight_get_title (talk)));

      ncl_assert_markup_valid (description);
      assert_trimmed (description);
      shown_text = ncl_test_markup_to_text (description);
      g_assert_cmpstr (ncl_highlight_get_description_text (talk), ==, shown_text);

      assert_web_url_or_null (ncl_highlight_get_slides_url (talk));
      assert_web_url_or_null (ncl_highlight_get_video_url (talk));
      assert_web_url_or_null (ncl_highlight_get_picture_url (talk));
    }
}

static void
assert_no_layout (const char *markup)
{
  static const char * const layout[] = {
    "grid-container", "grid-item", "<style", "display: grid", "grid-template",
    "padding:", "<div", "<img", "<br", "target=", "height=",
  };

  for (guint i = 0; i < G_N_ELEMENTS (layout); i++)
    ncl_assert_not_contains (markup, layout[i]);
}

/* The bundled post */

typedef struct
{
  guint number;
  const char *title;
  const char *slides_url;
  const char *video_url;
  const char *picture_url;
  const char *picture_alt;
  const char *description_start;
  const char *description_link;
} ExpectedTalk;

static const ExpectedTalk bundled_talks[] = {
  {
    1, "Serverless and OpenFaaS and NATS",
    "https://www.slideshare.net/nats_io/"
    "nats-connect-live-serverless-on-kubernetes-with-openfaas-nats",
    "https://www.youtube.com/watch?v=J0zbYbvYiM8",
    "https://nats.io/img/blog/nats-connect-live-2020/openfaas-slide.png",
    "OpenFaas",
    "This is a great talk from Alex Ellis",
    "<a href=\"https://twitter.com/alexellisuk\">@alexellisuk</a>",
  },
  {
    2, "The World of HTTP and NATS Together",
    "https://www.slideshare.net/nats_io/nats-connect-live-resgate",
    "https://www.youtube.com/watch?v=J0zbYbvYiM8&list=PLose4NjLOQvwMOG-WAw62vyrGsPi5LUe7",
    "https://nats.io/img/blog/nats-connect-live-2020/resgate-slide.png",
    "Resgate Topology",
    "<a href=\"https://resgate.io\">Resgate.io</a> has long been a favorite",
    "<a href=\"https://resgate.io\">Resgate.io</a>",
  },
  {
    3, "NATS and Augmented Reality",
    "https://www.slideshare.net/nats_io/nats-connect-live-nats-augmented-reality",
    "https://www.youtube.com/watch?v=7AGY9iiOgmk&list=PLose4NjLOQvwMOG-WAw62vyrGsPi5LUe7&index=3",
    "https://nats.io/img/blog/nats-connect-live-2020/unity-slide.png",
    "Unity NATS Subjects",
    "This was a fascinating talk from Ron Britvich",
    NULL,
  },
  {
    4, "Cloud Native WebAssembly",
    "https://slides.com/autodidaddict/nats-connect-cloud-native-webassembly#/",
    "https://www.youtube.com/watch?v=7AGY9iiOgmk",
    "https://nats.io/img/blog/nats-connect-live-2020/wasm-slide.png",
    /* The post copies talk 3's alt text here. */
    "Unity NATS Subjects",
    "I am a big fan of WASM’s potential",
    NULL,
  },
  {
    5, "SwimOS and NATS",
    "https://www.slideshare.net/nats_io/nats-connect-live-swimos-nats",
    "https://www.youtube.com/watch?v=J56wrBDG01k",
    "https://nats.io/img/blog/nats-connect-live-2020/swim-slide.png",
    "SwimOS",
    "Enabling edge systems has become a sweet spot for NATS.",
    "<a href=\"https://swim.ai\">Swim.ai</a>",
  },
};

static void
test_bundled_front_matter (void)
{
  g_autoptr(NclEvent) event = parse_bundled_post ();
  g_autofree char *tags = NULL;
  g_autofree char *categories = NULL;
  GDateTime *date;

  if (event == NULL)
    return;

  g_assert_cmpstr (ncl_article_get_title (ncl_event_get_article (event)), ==, "NATS Connect Live 2020!");
  g_assert_cmpstr (ncl_article_get_author (ncl_event_get_article (event)), ==, "Derek Collison");

  date = ncl_article_get_date (ncl_event_get_article (event));
  g_assert_nonnull (date);
  g_assert_cmpint (g_date_time_get_year (date), ==, 2020);
  g_assert_cmpint (g_date_time_get_month (date), ==, 4);
  g_assert_cmpint (g_date_time_get_day_of_month (date), ==, 27);

  g_assert_nonnull (ncl_article_get_tags (ncl_event_get_article (event)));
  tags = g_strjoinv ("|", (char **)ncl_article_get_tags (ncl_event_get_article (event)));
  g_assert_cmpstr (tags, ==, "nats|microservices|technical|ngs|synadia|features|community");

  g_assert_nonnull (ncl_article_get_categories (ncl_event_get_article (event)));
  categories = g_strjoinv ("|", (char **)ncl_article_get_categories (ncl_event_get_article (event)));
  g_assert_cmpstr (categories, ==, "Community|Newsletter|Conferences");
}

static void
test_bundled_talks (void)
{
  g_autoptr(NclEvent) event = parse_bundled_post ();

  if (event == NULL)
    return;

  assert_event_whole (event);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_highlights (event)), ==,
                    G_N_ELEMENTS (bundled_talks));

  for (guint i = 0; i < G_N_ELEMENTS (bundled_talks); i++)
    {
      const ExpectedTalk *expected = &bundled_talks[i];
      NclHighlight *talk = get_talk (event, i);

      g_test_message ("talk %u", expected->number);
      g_assert_cmpuint (ncl_highlight_get_number (talk), ==, expected->number);
      g_assert_true (ncl_event_find_highlight (event, expected->number) == talk);
      g_assert_cmpstr (ncl_highlight_get_title (talk), ==, expected->title);
      g_assert_cmpstr (ncl_highlight_get_slides_url (talk), ==, expected->slides_url);
      g_assert_cmpstr (ncl_highlight_get_video_url (talk), ==, expected->video_url);
      g_assert_cmpstr (ncl_highlight_get_picture_url (talk), ==, expected->picture_url);
      g_assert_cmpstr (ncl_highlight_get_picture_alt (talk), ==, expected->picture_alt);
    }
}

static void
test_bundled_descriptions (void)
{
  g_autoptr(NclEvent) event = parse_bundled_post ();

  if (event == NULL)
    return;

  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_highlights (event)), ==,
                    G_N_ELEMENTS (bundled_talks));

  for (guint i = 0; i < G_N_ELEMENTS (bundled_talks); i++)
    {
      const ExpectedTalk *expected = &bundled_talks[i];
      NclHighlight *talk = get_talk (event, i);
      const char *description = ncl_highlight_get_description (talk);
      const char *text = ncl_highlight_get_description_text (talk);

      g_test_message ("talk %u", expected->number);
      ncl_assert_markup_valid (description);
      g_assert_true (g_str_has_prefix (description, expected->description_start));
      if (expected->description_link != NULL)
        ncl_assert_contains (description, expected->description_link);

      /* The slides and video are buttons of their own, not words. */
      ncl_assert_not_contains (description, "slideshare.net");
      ncl_assert_not_contains (description, "slides.com");
      ncl_assert_not_contains (description, "youtube.com");
      ncl_assert_not_contains (description, "slideshare.png");
      ncl_assert_not_contains (description, "youtube.png");
      ncl_assert_not_contains (description, "slides_logo");
      ncl_assert_not_contains (description, "-slide.png");
      assert_no_layout (description);

      ncl_assert_not_contains (text, "<");
      ncl_assert_not_contains (text, "&amp;");
      assert_no_layout (text);

      /* The closing words follow the last talk; they are not part of it. */
      ncl_assert_not_contains (description, "All of the talks");
    }

  ncl_assert_contains (ncl_highlight_get_description (get_talk (event, 0)),
                       "<a href=\"https://openfaas.com\">OpenFaas</a>");
  ncl_assert_contains (ncl_highlight_get_description_text (get_talk (event, 0)),
                       "Alex Ellis @alexellisuk on how OpenFaaS");
}

static void
test_bundled_intro (void)
{
  g_autoptr(NclEvent) event = parse_bundled_post ();
  const char *intro;

  if (event == NULL)
    return;

  intro = ncl_article_get_intro (ncl_event_get_article (event));
  ncl_assert_markup_valid (intro);
  g_assert_true (g_str_has_prefix (intro, "On April 16th, 2020 we had our first NATS conference"));
  g_assert_true (g_str_has_suffix (intro,
                                   "a few talks stuck out in my mind that you should check out."));
  ncl_assert_contains (intro, "<a href=\"https://nats.io/nats_connect\">full schedule</a>");
  ncl_assert_contains (intro, "<a href=\"https://youtube.com/c/nats_messaging\">"
                              "NATS Messaging YouTube</a>");

  /* Paragraphs are separated by one blank line, never more. */
  ncl_assert_contains (intro, "pleasantly surprised!\n\nNATS has transformed itself");
  ncl_assert_not_contains (intro, "\n\n\n");
  assert_trimmed (intro);
  assert_no_layout (intro);
  ncl_assert_not_contains (intro, "Serverless and OpenFaaS");
}

static void
test_bundled_closing (void)
{
  g_autoptr(NclEvent) event = parse_bundled_post ();
  const char *closing;

  if (event == NULL)
    return;

  closing = ncl_article_get_closing (ncl_event_get_article (event));
  ncl_assert_markup_valid (closing);
  g_assert_true (g_str_has_prefix (closing, "All of the talks are worth checking out"));
  ncl_assert_contains (closing, "<a href=\"mailto:derek@nats.io\">derek@nats.io</a>");
  ncl_assert_contains (closing, "<a href=\"https://slack.nats.io\">slack.nats.io</a>");
  ncl_assert_not_contains (closing, "\n\n\n");
  assert_trimmed (closing);
  assert_no_layout (closing);
  ncl_assert_not_contains (closing, "Simon Crosby");
  ncl_assert_not_contains (closing, "swim-slide");
}

/* Other revisions of the post */

static void
test_revision_newer (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) event = parse_fixture ("newer-revision.md", &error);
  NclHighlight *talk;

  g_assert_no_error (error);
  assert_event_whole (event);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_highlights (event)), ==, 3);

  /* The video link comes first; a youtu.be short link; alt text on the
   * picture, and the logos' alt texts are not the picture's. */
  talk = get_talk (event, 0);
  g_assert_cmpstr (ncl_highlight_get_video_url (talk), ==, "https://youtu.be/J0zbYbvYiM8");
  g_assert_cmpstr (ncl_highlight_get_slides_url (talk), ==,
                   "https://www.slideshare.net/nats_io/"
                   "nats-connect-live-serverless-on-kubernetes-with-openfaas-nats");
  g_assert_cmpstr (ncl_highlight_get_picture_url (talk), ==,
                   "https://nats.io/img/blog/nats-connect-live-2020/openfaas-slide.png");
  g_assert_cmpstr (ncl_highlight_get_picture_alt (talk), ==, "OpenFaaS and NATS architecture");
  g_assert_cmpstr (ncl_highlight_get_description (talk), ==,
                   "This is a great talk from Alex Ellis on how OpenFaaS and NATS work together.");

  /* A privacy-enhanced embed, and the picture itself a link to the slides. */
  talk = get_talk (event, 1);
  g_assert_cmpstr (ncl_highlight_get_video_url (talk), ==,
                   "https://www.youtube-nocookie.com/embed/J0zbYbvYiM8"
                   "?list=PLose4NjLOQvwMOG-WAw62vyrGsPi5LUe7");
  g_assert_cmpstr (ncl_highlight_get_slides_url (talk), ==,
                   "https://www.slideshare.net/nats_io/nats-connect-live-resgate");
  g_assert_cmpstr (ncl_highlight_get_picture_url (talk), ==,
                   "https://nats.io/img/blog/nats-connect-live-2020/resgate-slide.png");
  g_assert_cmpstr (ncl_highlight_get_picture_alt (talk), ==, "Resgate Topology");
  g_assert_cmpstr (ncl_highlight_get_description (talk), ==, "Samuel Jirénius gave an inspiring talk.");

  /* The mobile site, with its query escaped in the HTML. */
  talk = get_talk (event, 2);
  g_assert_cmpstr (ncl_highlight_get_video_url (talk), ==,
                   "https://m.youtube.com/watch?v=7AGY9iiOgmk"
                   "&list=PLose4NjLOQvwMOG-WAw62vyrGsPi5LUe7&index=3");
  g_assert_cmpstr (ncl_highlight_get_slides_url (talk), ==,
                   "https://slides.com/nats_io/nats-augmented-reality");
  g_assert_cmpstr (ncl_highlight_get_picture_url (talk), ==,
                   "https://nats.io/img/blog/nats-connect-live-2020/unity-slide.png");
  g_assert_cmpstr (ncl_highlight_get_picture_alt (talk), ==, "Unity NATS Subjects");

  g_assert_cmpstr (ncl_article_get_closing (ncl_event_get_article (event)), ==, "All of the talks are worth checking out.");
  g_assert_cmpint (g_date_time_get_day_of_month (ncl_article_get_date (ncl_event_get_article (event))), ==, 27);
}

static void
test_talks_without_links (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) event = parse_fixture ("without-links.md", &error);
  NclHighlight *talk;

  g_assert_no_error (error);
  assert_event_whole (event);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_highlights (event)), ==, 3);

  talk = get_talk (event, 0);
  g_assert_cmpstr (ncl_highlight_get_title (talk), ==, "Lightning talks");
  g_assert_null (ncl_highlight_get_slides_url (talk));
  g_assert_null (ncl_highlight_get_video_url (talk));
  g_assert_null (ncl_highlight_get_picture_url (talk));
  g_assert_null (ncl_highlight_get_picture_alt (talk));
  g_assert_cmpstr (ncl_highlight_get_description (talk), ==,
                   "Several short talks. The recordings are not online yet.");

  /* A Markdown link with words of its own stays in the text, and is the
   * talk's video too. */
  talk = get_talk (event, 1);
  g_assert_null (ncl_highlight_get_slides_url (talk));
  g_assert_cmpstr (ncl_highlight_get_video_url (talk), ==,
                   "https://www.youtube.com/watch?v=J56wrBDG01k");
  g_assert_cmpstr (ncl_highlight_get_description (talk), ==,
                   "Watch it on "
                   "<a href=\"https://www.youtube.com/watch?v=J56wrBDG01k\">YouTube</a>.");

  talk = get_talk (event, 2);
  g_assert_cmpstr (ncl_highlight_get_slides_url (talk), ==,
                   "https://www.slideshare.net/nats_io/nats-connect-live-swimos-nats");
  g_assert_null (ncl_highlight_get_video_url (talk));
  g_assert_cmpstr (ncl_highlight_get_picture_url (talk), ==,
                   "https://nats.io/img/blog/nats-connect-live-2020/swim-slide.png");
  g_assert_null (ncl_highlight_get_picture_alt (talk));
}

static void
test_talks_words_between (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) event = parse_fixture ("words-between-talks.md", &error);
  NclHighlight *talk;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_highlights (event)), ==, 3);

  /* Words after a talk's grid belong to that talk: in its markup and in its
   * plain text alike, and with no blank lines above them. */
  talk = get_talk (event, 0);
  g_assert_cmpstr (ncl_highlight_get_description (talk), ==, "Words after the first grid.");
  g_assert_cmpstr (ncl_highlight_get_description_text (talk), ==, "Words after the first grid.");
  g_assert_cmpstr (ncl_highlight_get_video_url (talk), ==,
                   "https://www.youtube.com/watch?v=J0zbYbvYiM8");

  talk = get_talk (event, 1);
  g_assert_cmpstr (ncl_highlight_get_description (talk), ==,
                   "Words in the second grid.\n\nWords after the second grid.");
  g_assert_cmpstr (ncl_highlight_get_description_text (talk), ==,
                   "Words in the second grid.\n\nWords after the second grid.");

  assert_event_whole (event);
}

static void
test_links_in_descriptions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) event = parse_fixture ("description-links.md", &error);
  const char *intro;
  const char *description;
  NclHighlight *talk;

  g_assert_no_error (error);
  assert_event_whole (event);

  intro = ncl_article_get_intro (ncl_event_get_article (event));
  ncl_assert_contains (intro, "<a href=\"https://nats.io/nats_connect/\">agenda</a>");
  ncl_assert_contains (intro, "<a href=\"https://nats.io/blog/nats-2-2/\">previous post</a>");
  ncl_assert_contains (intro, " and a Markdown script.");
  ncl_assert_not_contains (intro, "javascript");

  talk = get_talk (event, 0);
  description = ncl_highlight_get_description (talk);
  ncl_assert_contains (description,
                       "Read <a href=\"https://nats.io/nats_connect/\">the agenda</a>");
  ncl_assert_contains (description,
                       "<a href=\"https://nats.io/blog/nats-2-2/\">the previous post</a>");
  ncl_assert_contains (description, ", a script, a local file, ");
  ncl_assert_not_contains (description, "javascript");
  ncl_assert_not_contains (description, "file:");
  ncl_assert_contains (description, "<a href=\"mailto:derek@nats.io\">Derek</a>");

  /* Only the real host makes a video link. */
  ncl_assert_contains (description,
                       "<a href=\"https://www.youtube.com.example.net/watch?v=J0zbYbvYiM8\">"
                       "a look-alike video</a>");
  g_assert_null (ncl_highlight_get_video_url (talk));
  g_assert_null (ncl_highlight_get_slides_url (talk));

  g_assert_cmpstr (ncl_highlight_get_picture_url (talk), ==,
                   "https://nats.io/blog/nats-connect-live-2020/slides/links-slide.png");
  g_assert_cmpstr (ncl_highlight_get_picture_alt (talk), ==, "Links");
}

static void
test_links_without_base (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "posts",
                                                 "description-links.md", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(NclEvent) event = NULL;
  g_autofree char *contents = NULL;
  const char *description;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  /* Nothing to resolve relative links against: they stay words. */
  event = ncl_post_parse (bytes, NULL, &error);
  g_assert_no_error (error);
  assert_event_whole (event);

  description = ncl_highlight_get_description (get_talk (event, 0));
  ncl_assert_contains (description, "Read the agenda, the previous post, a script");
  ncl_assert_contains (description, "<a href=\"mailto:derek@nats.io\">Derek</a>");
  g_assert_null (ncl_highlight_get_picture_url (get_talk (event, 0)));
}

static void
test_text_escaping (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) event = parse_fixture ("escaping.md", &error);
  NclHighlight *talk;

  g_assert_no_error (error);
  assert_event_whole (event);

  /* Titles are plain text: shown as written, never escaped twice. */
  g_assert_cmpstr (ncl_article_get_title (ncl_event_get_article (event)), ==, "Q&A: <NATS> \"Live\" & 'more'");
  g_assert_cmpstr (ncl_article_get_intro (ncl_event_get_article (event)), ==, "Fast &amp; small: 1 &lt; 2 &gt; 0.");

  talk = get_talk (event, 0);
  g_assert_cmpstr (ncl_highlight_get_title (talk), ==, "Pub/Sub < Request & \"Reply\" 'ok'");
  g_assert_cmpstr (ncl_highlight_get_description (talk), ==,
                   "Compare a &lt; b &amp; c &gt; d, &quot;double&quot; "
                   "and &#39;single&#39; quotes, and &lt;b&gt;not bold&lt;/b&gt;.");
  g_assert_cmpstr (ncl_highlight_get_description_text (talk), ==,
                   "Compare a < b & c > d, \"double\" and 'single' quotes, and <b>not bold</b>.");

  talk = get_talk (event, 1);
  g_assert_cmpstr (ncl_highlight_get_title (talk), ==, "Q&A <live>");
  g_assert_cmpstr (ncl_highlight_get_description (talk), ==,
                   "Raw HTML keeps a &amp; b, 1 &lt; 2 and &quot;quotes&quot; as text.");
}

/* Broken and hostile input that still makes an event */

static void
test_input_unclosed_html (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) event = parse_fixture ("unclosed-html.md", &error);
  NclHighlight *talk;

  g_assert_no_error (error);
  assert_event_whole (event);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_highlights (event)), ==, 3);

  g_assert_cmpstr (ncl_article_get_intro (ncl_event_get_article (event)), ==, "Intro with an <b>unclosed bold tag.</b>");

  talk = get_talk (event, 0);
  g_assert_cmpstr (ncl_highlight_get_title (talk), ==, "Unclosed tags everywhere");
  g_assert_cmpstr (ncl_highlight_get_description_text (talk), ==,
                   "This talk's markup is broken: bold and italic");
  g_assert_cmpstr (ncl_highlight_get_slides_url (talk), ==, "https://www.slideshare.net/nats_io/broken");
  g_assert_cmpstr (ncl_highlight_get_video_url (talk), ==, "https://www.youtube.com/watch?v=broken");

  /* One talk's broken tags do not swallow the next talk. */
  talk = get_talk (event, 1);
  g_assert_cmpstr (ncl_highlight_get_title (talk), ==, "After the broken one");
  g_assert_cmpstr (ncl_highlight_get_description_text (talk), ==, "The next talk is still its own talk");

  talk = get_talk (event, 2);
  g_assert_cmpstr (ncl_highlight_get_description (talk), ==, "Fine words.");
}

static void
test_input_deep_nesting (void)
{
  g_autoptr(GString) post = g_string_new ("+++\ntitle = \"Deep\"\n+++\n\n"
                                          "### 1. Deep\nShallow words.\n\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) event = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append (post, "<div>");
  g_string_append (post, "Deep words.");
  for (guint i = 0; i < 20000; i++)
    g_string_append (post, "</div>");
  g_string_append (post, "\n\n### 2. After the deep one\nWords of talk two.\n");

  /* libxml2 stops at 256 levels (no stack exhausted); showing the part
   * before would drop the rest without a word, so the post is refused and
   * the copy on screen stays. */
  event = parse_data (post->str, post->len, &error);
  g_assert_error (error, NCL_POST_ERROR, NCL_POST_ERROR_TOO_DEEP);
  g_assert_null (event);
  g_assert_nonnull (strstr (error->message, "Talk 1 (line 5)"));
  g_assert_nonnull (strstr (error->message, "256"));
  g_clear_error (&error);

  /* 200 levels are fine. */
  g_string_assign (post, "+++\ntitle = \"Deep\"\n+++\n\n### 1. Deep\nShallow words.\n\n");
  for (guint i = 0; i < 200; i++)
    g_string_append (post, "<div>");
  g_string_append (post, "Deep words.");
  for (guint i = 0; i < 200; i++)
    g_string_append (post, "</div>");
  g_string_append (post, "\n\n### 2. After the deep one\nWords of talk two.\n");
  event = parse_data (post->str, post->len, &error);
  g_assert_no_error (error);
  assert_event_whole (event);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_highlights (event)), ==, 2);
  g_assert_nonnull (strstr (ncl_highlight_get_description (get_talk (event, 0)), "Deep words."));
  g_assert_cmpstr (ncl_highlight_get_description (get_talk (event, 1)), ==, "Words of talk two.");
}

static void
test_input_large (void)
{
  g_autoptr(GString) post = g_string_new ("+++\ntitle = \"NATS Connect Live 2020!\"\n+++\n\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) event = NULL;
  guint n_talks;

  for (guint n = 1; n <= LARGE_POST_TALKS; n++)
    {
      gsize start = post->len;

      g_string_append_printf (post,
                              "### %u. Talk number %u\n[Talk %u](https://nats.io/) is about NATS",
                              n, n, n);
      while (post->len - start < LARGE_POST_TALK_SIZE - 3)
        g_string_append (post, " and NATS");
      g_string_append (post, ".\n\n");
    }

  g_assert_cmpuint (post->len, >=, 10 * MIB);
  g_assert_cmpuint (post->len, <=, NCL_POST_MAX_SIZE);

  event = parse_data (post->str, post->len, &error);

  /* Refusing such a post is fine, as long as it says why. */
  if (event == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == NCL_POST_ERROR);
      g_assert_false (is_blank (error->message));
      return;
    }

  g_assert_no_error (error);
  assert_event_whole (event);

  n_talks = g_list_model_get_n_items (ncl_event_get_highlights (event));
  g_assert_cmpuint (n_talks, ==, LARGE_POST_TALKS);
  g_assert_cmpstr (ncl_highlight_get_title (get_talk (event, n_talks - 1)), ==, "Talk number 99999");
  g_assert_true (g_str_has_prefix (ncl_highlight_get_description (get_talk (event, n_talks - 1)),
                                   "<a href=\"https://nats.io/\">Talk 99999</a> is about NATS"));
}

/* Input refused with an error */

typedef struct
{
  const char *path;
  const char *fixture;
  NclPostError code;
  /* What the message must say: the line and the key or word at fault. */
  const char *needles[3];
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "/ncl/post-format/input/empty", "empty.md",
    NCL_POST_ERROR_EMPTY, { "empty" } },
  { "/ncl/post-format/input/whitespace-only", "whitespace-only.md",
    NCL_POST_ERROR_EMPTY, { "empty" } },
  { "/ncl/post-format/front-matter/missing", "no-front-matter.md",
    NCL_POST_ERROR_FRONT_MATTER_MISSING, { "Line 1:", "front matter", "“+++”" } },
  { "/ncl/post-format/front-matter/unclosed", "front-matter-unclosed.md",
    NCL_POST_ERROR_FRONT_MATTER_UNCLOSED, { "Line 1:", "not closed", "“+++”" } },
  { "/ncl/post-format/front-matter/unclosed-string", "front-matter-unclosed-string.md",
    NCL_POST_ERROR_FRONT_MATTER_SYNTAX, { "Line 5:", "string is not closed" } },
  { "/ncl/post-format/front-matter/bad-escape", "front-matter-bad-escape.md",
    NCL_POST_ERROR_FRONT_MATTER_SYNTAX, { "Line 5:", "escape" } },
  { "/ncl/post-format/front-matter/number", "front-matter-number.md",
    NCL_POST_ERROR_FRONT_MATTER_TYPE, { "Line 5:", "“weight”" } },
  { "/ncl/post-format/front-matter/boolean", "front-matter-boolean.md",
    NCL_POST_ERROR_FRONT_MATTER_TYPE, { "Line 5:", "“draft”" } },
  { "/ncl/post-format/front-matter/table", "front-matter-table.md",
    NCL_POST_ERROR_FRONT_MATTER_TYPE, { "Line 7:", "tables" } },
  { "/ncl/post-format/front-matter/duplicate-key", "front-matter-duplicate-key.md",
    NCL_POST_ERROR_FRONT_MATTER_DUPLICATE, { "Line 6:", "“author”", "twice" } },
  { "/ncl/post-format/front-matter/title-list", "front-matter-title-list.md",
    NCL_POST_ERROR_FRONT_MATTER_TYPE, { "Line 5:", "“title”", "not a list" } },
  { "/ncl/post-format/front-matter/tags-string", "front-matter-tags-string.md",
    NCL_POST_ERROR_FRONT_MATTER_TYPE, { "Line 4:", "“tags”", "list" } },
  { "/ncl/post-format/front-matter/missing-title", "missing-title.md",
    NCL_POST_ERROR_MISSING_TITLE, { "“title”" } },
  { "/ncl/post-format/front-matter/date-out-of-range", "date-out-of-range.md",
    NCL_POST_ERROR_BAD_DATE, { "Line 3:", "“2020-13-45”", "YYYY-MM-DD" } },
  { "/ncl/post-format/front-matter/date-word", "date-word.md",
    NCL_POST_ERROR_BAD_DATE, { "Line 3:", "“yesterday”" } },
  { "/ncl/post-format/talks/heading-without-number", "heading-without-number.md",
    NCL_POST_ERROR_TALK_HEADING, { "Line 10:", "“Questions and answers”", "number" } },
  { "/ncl/post-format/talks/duplicate-number", "duplicate-talk.md",
    NCL_POST_ERROR_DUPLICATE_TALK, { "Line 11:", "talk 2", "line 8" } },
  { "/ncl/post-format/talks/none", "no-talks.md",
    NCL_POST_ERROR_NO_TALKS, { "no talks", "### 1. Title" } },
};

static void
assert_post_error (GError             *error,
                   NclPostError        code,
                   const char * const *needles)
{
  g_assert_error (error, NCL_POST_ERROR, (int)code);

  for (guint i = 0; i < 3 && needles[i] != NULL; i++)
    ncl_assert_contains (error->message, needles[i]);
}

static void
test_error_case (gconstpointer data)
{
  const ErrorCase *error_case = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) event = parse_fixture (error_case->fixture, &error);

  g_assert_null (event);
  assert_post_error (error, error_case->code, error_case->needles);
}

static void
test_input_invalid_utf8 (void)
{
  static const char body[] =
    "+++\n"
    "title = \"NATS Connect Live 2020!\"\n"
    "+++\n"
    "\n"
    "### 1. Serverless and OpenFaaS and NATS\n"
    "A talk from Alex Ellis \xC3\x28 on OpenFaaS.\n";
  static const char front_matter[] =
    "+++\n"
    "title = \"NATS Connect \xFF Live 2020!\"\n"
    "+++\n"
    "\n"
    "### 1. Serverless and OpenFaaS and NATS\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) event = NULL;

  event = parse_data (body, sizeof body - 1, &error);
  g_assert_null (event);
  assert_post_error (error, NCL_POST_ERROR_INVALID_UTF8, (const char *[3]) { "Line 6:", "UTF-8" });
  g_clear_error (&error);

  event = parse_data (front_matter, sizeof front_matter - 1, &error);
  g_assert_null (event);
  assert_post_error (error, NCL_POST_ERROR_INVALID_UTF8, (const char *[3]) { "Line 2:", "UTF-8" });
}

static void
test_input_nul_byte (void)
{
  static const char post[] =
    "+++\n"
    "title = \"NATS Connect Live 2020!\"\n"
    "+++\n"
    "\n"
    "### 1. Serverless and OpenFaaS and NATS\n"
    "A talk\0 that a C string would end early.\n"
    "\n"
    "### 2. The World of HTTP and NATS Together\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) event = parse_data (post, sizeof post - 1, &error);

  g_assert_null (event);
  assert_post_error (error, NCL_POST_ERROR_INVALID_UTF8, (const char *[3]) { "Line 6:" });
}

static void
test_input_too_large (void)
{
  gsize size = 17 * MIB;
  g_autoptr(GString) post = g_string_sized_new (size + 64);
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) event = NULL;

  g_string_append (post, "+++\ntitle = \"NATS Connect Live 2020!\"\n+++\n\n### 1. A long talk\n");
  while (post->len < size)
    g_string_append (post, "NATS is a connective technology.\n");

  event = parse_data (post->str, post->len, &error);
  g_assert_null (event);
  assert_post_error (error, NCL_POST_ERROR_TOO_LARGE, (const char *[3]) { "larger than" });
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* The messages are compared in English. */
  setlocale (LC_ALL, "C.UTF-8");

  g_test_add_func ("/ncl/post-format/bundled/front-matter", test_bundled_front_matter);
  g_test_add_func ("/ncl/post-format/bundled/talks", test_bundled_talks);
  g_test_add_func ("/ncl/post-format/bundled/descriptions", test_bundled_descriptions);
  g_test_add_func ("/ncl/post-format/bundled/intro", test_bundled_intro);
  g_test_add_func ("/ncl/post-format/bundled/closing", test_bundled_closing);

  g_test_add_func ("/ncl/post-format/revisions/newer", test_revision_newer);
  g_test_add_func ("/ncl/post-format/talks/without-links", test_talks_without_links);
  g_test_add_func ("/ncl/post-format/talks/words-between", test_talks_words_between);
  g_test_add_func ("/ncl/post-format/links/descriptions", test_links_in_descriptions);
  g_test_add_func ("/ncl/post-format/links/without-base", test_links_without_base);
  g_test_add_func ("/ncl/post-format/text/escaping", test_text_escaping);

  g_test_add_func ("/ncl/post-format/input/unclosed-html", test_input_unclosed_html);
  g_test_add_func ("/ncl/post-format/input/deep-nesting", test_input_deep_nesting);
  g_test_add_func ("/ncl/post-format/input/large", test_input_large);
  g_test_add_func ("/ncl/post-format/input/invalid-utf8", test_input_invalid_utf8);
  g_test_add_func ("/ncl/post-format/input/nul-byte", test_input_nul_byte);
  g_test_add_func ("/ncl/post-format/input/too-large", test_input_too_large);

  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    g_test_add_data_func (error_cases[i].path, &error_cases[i], test_error_case);

  return g_test_run ();
}
