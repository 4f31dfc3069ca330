/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include "ncl-vimeo-video.h"
#include "ncl-youtube-video.h"

#define PLAYLIST "PLose4NjLOQvwMOG-WAw62vyrGsPi5LUe7"

/* A link either plays (@id is set, with what else it carries) or is refused
 * with @code and a message that contains @needle. */
typedef struct
{
  const char *path;
  const char *url;
  const char *id;
  const char *list;
  guint index;
  guint start;
  NclYoutubeError code;
  const char *needle;
} ParseCase;

static const ParseCase parse_cases[] = {
  /* Every video link of the bundled post. */
  { "/ncl/youtube/parse/post/talk-1",
    "https://www.youtube.com/watch?v=J0zbYbvYiM8", "J0zbYbvYiM8", NULL, 0, 0 },
  { "/ncl/youtube/parse/post/talk-2",
    "https://www.youtube.com/watch?v=J0zbYbvYiM8&list=" PLAYLIST, "J0zbYbvYiM8", PLAYLIST, 0, 0 },
  { "/ncl/youtube/parse/post/talk-3",
    "https://www.youtube.com/watch?v=7AGY9iiOgmk&list=" PLAYLIST "&index=3",
    "7AGY9iiOgmk", PLAYLIST, 3, 0 },
  { "/ncl/youtube/parse/post/talk-4",
    "https://www.youtube.com/watch?v=7AGY9iiOgmk", "7AGY9iiOgmk", NULL, 0, 0 },
  { "/ncl/youtube/parse/post/talk-5",
    "https://www.youtube.com/watch?v=J56wrBDG01k", "J56wrBDG01k", NULL, 0, 0 },

  /* Watch pages */
  { "/ncl/youtube/parse/watch/parameter-order",
    "https://www.youtube.com/watch?feature=youtu.be&index=2&list=" PLAYLIST "&v=J0zbYbvYiM8",
    "J0zbYbvYiM8", PLAYLIST, 2, 0 },
  { "/ncl/youtube/parse/watch/feature-ignored",
    "https://www.youtube.com/watch?v=J56wrBDG01k&feature=emb_logo&ab_channel=NATS",
    "J56wrBDG01k", NULL, 0, 0 },
  { "/ncl/youtube/parse/watch/no-www",
    "https://youtube.com/watch?v=J56wrBDG01k", "J56wrBDG01k", NULL, 0, 0 },
  { "/ncl/youtube/parse/watch/no-scheme",
    "youtube.com/watch?v=J56wrBDG01k", "J56wrBDG01k", NULL, 0, 0 },
  { "/ncl/youtube/parse/watch/http",
    "http://www.youtube.com/watch?v=J0zbYbvYiM8", "J0zbYbvYiM8", NULL, 0, 0 },
  { "/ncl/youtube/parse/watch/mobile",
    "https://m.youtube.com/watch?v=7AGY9iiOgmk&feature=share", "7AGY9iiOgmk", NULL, 0, 0 },
  { "/ncl/youtube/parse/watch/music",
    "https://music.youtube.com/watch?v=J0zbYbvYiM8&list=RDAMVMJ0zbYbvYiM8",
    "J0zbYbvYiM8", "RDAMVMJ0zbYbvYiM8", 0, 0 },
  { "/ncl/youtube/parse/watch/uppercase-host",
    "HTTPS://WWW.YouTube.COM/watch?v=J0zbYbvYiM8", "J0zbYbvYiM8", NULL, 0, 0 },
  { "/ncl/youtube/parse/watch/default-port",
    "https://www.youtube.com:443/watch?v=J0zbYbvYiM8", "J0zbYbvYiM8", NULL, 0, 0 },
  { "/ncl/youtube/parse/watch/repeated-v",
    "https://www.youtube.com/watch?v=J0zbYbvYiM8&v=7AGY9iiOgmk", "J0zbYbvYiM8", NULL, 0, 0 },
  { "/ncl/youtube/parse/watch/surrounding-space",
    "  https://www.youtube.com/watch?v=J0zbYbvYiM8\n", "J0zbYbvYiM8", NULL, 0, 0 },

  /* Short links */
  { "/ncl/youtube/parse/short/plain",
    "https://youtu.be/J0zbYbvYiM8", "J0zbYbvYiM8", NULL, 0, 0 },
  { "/ncl/youtube/parse/short/t",
    "https://youtu.be/J0zbYbvYiM8?t=90", "J0zbYbvYiM8", NULL, 0, 90 },
  { "/ncl/youtube/parse/short/si-and-t",
    "https://youtu.be/7AGY9iiOgmk?si=Xq3-a_Bc9dEfGh1&t=42", "7AGY9iiOgmk", NULL, 0, 42 },
  { "/ncl/youtube/parse/short/no-scheme",
    "youtu.be/J56wrBDG01k?t=1m", "J56wrBDG01k", NULL, 0, 60 },

  /* Other paths */
  { "/ncl/youtube/parse/path/embed",
    "https://www.youtube.com/embed/J56wrBDG01k?start=30", "J56wrBDG01k", NULL, 0, 30 },
  { "/ncl/youtube/parse/path/embed-trailing-slash",
    "https://www.youtube.com/embed/J56wrBDG01k/", "J56wrBDG01k", NULL, 0, 0 },
  { "/ncl/youtube/parse/path/nocookie",
    "https://www.youtube-nocookie.com/embed/J56wrBDG01k", "J56wrBDG01k", NULL, 0, 0 },
  { "/ncl/youtube/parse/path/v",
    "http://www.youtube.com/v/J0zbYbvYiM8", "J0zbYbvYiM8", NULL, 0, 0 },
  { "/ncl/youtube/parse/path/shorts",
    "https://youtube.com/shorts/7AGY9iiOgmk", "7AGY9iiOgmk", NULL, 0, 0 },
  { "/ncl/youtube/parse/path/live",
    "https://www.youtube.com/live/J56wrBDG01k?feature=share", "J56wrBDG01k", NULL, 0, 0 },

  /* Start times */
  { "/ncl/youtube/parse/start/seconds-unit",
    "https://www.youtube.com/watch?v=J0zbYbvYiM8&t=90s", "J0zbYbvYiM8", NULL, 0, 90 },
  { "/ncl/youtube/parse/start/minutes-seconds",
    "https://www.youtube.com/watch?v=J0zbYbvYiM8&t=1m30s", "J0zbYbvYiM8", NULL, 0, 90 },
  { "/ncl/youtube/parse/start/hours-minutes-seconds",
    "https://www.youtube.com/watch?v=J0zbYbvYiM8&t=1h2m3s", "J0zbYbvYiM8", NULL, 0, 3723 },
  { "/ncl/youtube/parse/start/hours",
    "https://www.youtube.com/watch?v=J0zbYbvYiM8&t=2h", "J0zbYbvYiM8", NULL, 0, 7200 },
  { "/ncl/youtube/parse/start/start-parameter",
    "https://www.youtube.com/watch?v=J0zbYbvYiM8&start=90", "J0zbYbvYiM8", NULL, 0, 90 },
  { "/ncl/youtube/parse/start/fragment",
    "https://www.youtube.com/watch?v=J0zbYbvYiM8#t=90", "J0zbYbvYiM8", NULL, 0, 90 },
  { "/ncl/youtube/parse/start/fragment-units",
    "https://youtu.be/J0zbYbvYiM8#t=1m5s", "J0zbYbvYiM8", NULL, 0, 65 },
  { "/ncl/youtube/parse/start/query-wins",
    "https://www.youtube.com/watch?v=J0zbYbvYiM8&t=10#t=20", "J0zbYbvYiM8", NULL, 0, 10 },
  { "/ncl/youtube/parse/start/empty",
    "https://www.youtube.com/watch?v=J0zbYbvYiM8&t=", "J0zbYbvYiM8", NULL, 0, 0 },
  { "/ncl/youtube/parse/start/zero",
    "https://youtu.be/J0zbYbvYiM8?t=0", "J0zbYbvYiM8", NULL, 0, 0 },

  /* Not links, or not to YouTube */
  { "/ncl/youtube/refuse/null", NULL, NULL, NULL, 0, 0,
    NCL_YOUTUBE_ERROR_INVALID_URL, "no video link" },
  { "/ncl/youtube/refuse/empty", "   ", NULL, NULL, 0, 0,
    NCL_YOUTUBE_ERROR_INVALID_URL, "empty" },
  { "/ncl/youtube/refuse/invalid-utf8", "https://youtu.be/J0zbYbvYiM8?x=\xff\xfe", NULL, NULL, 0, 0,
    NCL_YOUTUBE_ERROR_INVALID_URL, "UTF-8" },
  { "/ncl/youtube/refuse/javascript", "javascript:alert(1)", NULL, NULL, 0, 0,
    NCL_YOUTUBE_ERROR_NOT_YOUTUBE, "“javascript:alert(1)” is not a YouTube link" },
  { "/ncl/youtube/refuse/javascript-uppercase", "JavaScript://youtube.com/%0Aalert(1)", NULL, NULL,
    0, 0, NCL_YOUTUBE_ERROR_NOT_YOUTUBE, "is not a YouTube link" },
  { "/ncl/youtube/refuse/data", "data:text/html,<script>alert(1)</script>", NULL, NULL, 0, 0,
    NCL_YOUTUBE_ERROR_NOT_YOUTUBE, "is not a YouTube link" },
  { "/ncl/youtube/refuse/file", "file:///etc/passwd", NULL, NULL, 0, 0,
    NCL_YOUTUBE_ERROR_NOT_YOUTUBE, "“file:///etc/passwd” is not a YouTube link" },
  { "/ncl/youtube/refuse/vimeo", "https://vimeo.com/1", NULL, NULL, 0, 0,
    NCL_YOUTUBE_ERROR_NOT_YOUTUBE, "“https://vimeo.com/1” is not a YouTube link" },
  { "/ncl/youtube/refuse/look-alike/suffix",
    "https://youtube.com.evil.example/watch?v=J0zbYbvYiM8", NULL, NULL, 0, 0,
    NCL_YOUTUBE_ERROR_NOT_YOUTUBE, "is not a YouTube link" },
  { "/ncl/youtube/refuse/look-alike/prefix",
    "https://evilyoutube.com/watch?v=J0zbYbvYiM8", NULL, NULL, 0, 0,
    NCL_YOUTUBE_ERROR_NOT_YOUTUBE, "is not a YouTube link" },
  { "/ncl/youtube/refuse/look-alike/short",
    "https://youtu.be.evil.example/J0zbYbvYiM8", NULL, NULL, 0, 0,
    NCL_YOUTUBE_ERROR_NOT_YOUTUBE, "is not a YouTube link" },
  { "/ncl/youtube/refuse/look-alike/userinfo",
    "https://www.youtube.com@evil.example/watch?v=J0zbYbvYiM8", NULL, NULL, 0, 0,
    NCL_YOUTUBE_ERROR_NOT_YOUTUBE, "is not a YouTube link" },
  { "/ncl/youtube/refuse/look-alike/encoded-dot",
    "https://youtube.com%2Eevil.example/watch?v=J0zbYbvYiM8", NULL, NULL, 0, 0,
    NCL_YOUTUBE_ERROR_NOT_YOUTUBE, "is not a YouTube link" },
  { "/ncl/youtube/refuse/look-alike/port",
    "https://www.youtube.com:8080/watch?v=J0zbYbvYiM8", NULL, NULL, 0, 0,
    NCL_YOUTUBE_ERROR_NOT_YOUTUBE, "is not a YouTube link" },

  /* YouTube, but no video */
  { "/ncl/youtube/refuse/channel", "https://youtube.com/c/nats_messaging", NULL, NULL, 0, 0,
    NCL_YOUTUBE_ERROR_NO_VIDEO_ID,
    "“https://youtube.com/c/nats_messaging” links to YouTube, but not to a video" },
  { "/ncl/youtube/refuse/home", "https://www.youtube.com/", NULL, NULL, 0, 0,
    NCL_YOUTUBE_ERROR_NO_VIDEO_ID, "not to a video" },
  { "/ncl/youtube/refuse/playlist", "https://www.youtube.com/playlist?list=" PLAYLIST, NULL, NULL,
    0, 0, NCL_YOUTUBE_ERROR_NO_VIDEO_ID, "links to a YouTube playlist, not to a video" },
  { "/ncl/youtube/refuse/playlist-embed",
    "https://www.youtube.com/embed/videoseries?list=" PLAYLIST, NULL, NULL, 0, 0,
    NCL_YOUTUBE_ERROR_NO_VIDEO_ID, "playlist" },
  { "/ncl/youtube/refuse/watch-without-v", "https://www.youtube.com/watch?v=&feature=share",
    NULL, NULL, 0, 0, NCL_YOUTUBE_ERROR_NO_VIDEO_ID, "not to a video" },
  { "/ncl/youtube/refuse/short-without-id", "https://youtu.be/", NULL, NULL, 0, 0,
    NCL_YOUTUBE_ERROR_NO_VIDEO_ID, "not to a video" },
  { "/ncl/youtube/refuse/nocookie-watch", "https://www.youtube-nocookie.com/watch?v=J0zbYbvYiM8",
    NULL, NULL, 0, 0, NCL_YOUTUBE_ERROR_NO_VIDEO_ID, "not to a video" },

  /* Video IDs that could break out of an attribute or a URI */
  { "/ncl/youtube/refuse/id/short", "https://www.youtube.com/watch?v=abc", NULL, NULL, 0, 0,
    NCL_YOUTUBE_ERROR_BAD_VIDEO_ID, "The video ID “abc” is not 11 letters, digits, - or _" },
  { "/ncl/youtube/refuse/id/long", "https://youtu.be/J0zbYbvYiM8x", NULL, NULL, 0, 0,
    NCL_YOUTUBE_ERROR_BAD_VIDEO_ID, "“J0zbYbvYiM8x”" },
  { "/ncl/youtube/refuse/id/quote", "https://www.youtube.com/watch?v=J0zbYbvYi\"M", NULL, NULL,
    0, 0, NCL_YOUTUBE_ERROR_BAD_VIDEO_ID, "“J0zbYbvYi\"M”" },
  { "/ncl/youtube/refuse/id/angle", "https://www.youtube.com/embed/<script>x", NULL, NULL, 0, 0,
    NCL_YOUTUBE_ERROR_BAD_VIDEO_ID, "not 11 letters" },
  { "/ncl/youtube/refuse/id/encoded-quote", "https://www.youtube.com/watch?v=J0zbY%22vYiM8",
    NULL, NULL, 0, 0, NCL_YOUTUBE_ERROR_BAD_VIDEO_ID, "“J0zbY%22vYiM8”" },
  { "/ncl/youtube/refuse/id/encoded-nul", "https://youtu.be/J0zbYbv%00M8", NULL, NULL, 0, 0,
    NCL_YOUTUBE_ERROR_BAD_VIDEO_ID, "not 11 letters" },
  { "/ncl/youtube/refuse/id/nul", "https://youtu.be/J0zbY\0bvYiM8", NULL, NULL, 0, 0,
    NCL_YOUTUBE_ERROR_BAD_VIDEO_ID, "“J0zbY”" },
  { "/ncl/youtube/refuse/id/extra-segment", "https://www.youtube.com/embed/J0zbYbvYiM8/x",
    NULL, NULL, 0, 0, NCL_YOUTUBE_ERROR_BAD_VIDEO_ID, "“J0zbYbvYiM8/x”" },

  /* The optional parts, when present, must be right too */
  { "/ncl/youtube/refuse/list/charset",
    "https://www.youtube.com/watch?v=J0zbYbvYiM8&list=PL%22%3E%3Cscript%3E", NULL, NULL, 0, 0,
    NCL_YOUTUBE_ERROR_BAD_PLAYLIST, "The playlist ID “PL%22%3E%3Cscript%3E”" },
  { "/ncl/youtube/refuse/list/too-short", "https://www.youtube.com/watch?v=J0zbYbvYiM8&list=P",
    NULL, NULL, 0, 0, NCL_YOUTUBE_ERROR_BAD_PLAYLIST, "is not 2 to 64 letters" },
  { "/ncl/youtube/refuse/list/too-long",
    "https://www.youtube.com/watch?v=J0zbYbvYiM8&list="
    "PLose4NjLOQvwMOG-WAw62vyrGsPi5LUe7PLose4NjLOQvwMOG-WAw62vyrGsPi5L", NULL, NULL, 0, 0,
    NCL_YOUTUBE_ERROR_BAD_PLAYLIST, "is not 2 to 64 letters" },
  { "/ncl/youtube/refuse/index/zero",
    "https://www.youtube.com/watch?v=J0zbYbvYiM8&list=" PLAYLIST "&index=0", NULL, NULL, 0, 0,
    NCL_YOUTUBE_ERROR_BAD_INDEX, "The playlist position “0”" },
  { "/ncl/youtube/refuse/index/negative",
    "https://www.youtube.com/watch?v=J0zbYbvYiM8&list=" PLAYLIST "&index=-3", NULL, NULL, 0, 0,
    NCL_YOUTUBE_ERROR_BAD_INDEX, "“-3”" },
  { "/ncl/youtube/refuse/index/overflow",
    "https://www.youtube.com/watch?v=J0zbYbvYiM8&list=" PLAYLIST "&index=99999999999", NULL,
    NULL, 0, 0, NCL_YOUTUBE_ERROR_BAD_INDEX, "“99999999999”" },
  { "/ncl/youtube/refuse/start/no-unit", "https://youtu.be/J0zbYbvYiM8?t=1m30", NULL, NULL, 0, 0,
    NCL_YOUTUBE_ERROR_BAD_START, "The start time “1m30” is neither seconds nor a time like 1h2m3s" },
  { "/ncl/youtube/refuse/start/order", "https://youtu.be/J0zbYbvYiM8?t=30s1m", NULL, NULL, 0, 0,
    NCL_YOUTUBE_ERROR_BAD_START, "“30s1m”" },
  { "/ncl/youtube/refuse/start/words", "https://youtu.be/J0zbYbvYiM8?t=soon", NULL, NULL, 0, 0,
    NCL_YOUTUBE_ERROR_BAD_START, "“soon”" },
  { "/ncl/youtube/refuse/start/negative", "https://youtu.be/J0zbYbvYiM8?start=-5", NULL, NULL,
    0, 0, NCL_YOUTUBE_ERROR_BAD_START, "“-5”" },
  { "/ncl/youtube/refuse/start/overflow", "https://youtu.be/J0zbYbvYiM8?t=9999999h", NULL, NULL,
    0, 0, NCL_YOUTUBE_ERROR_BAD_START, "“9999999h”" },
};

static void
test_parse_case (gconstpointer data)
{
  const ParseCase *parse_case = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(NclYoutubeVideo) video = ncl_youtube_parse (parse_case->url, &error);

  if (parse_case->id == NULL)
    {
      g_assert_error (error, NCL_YOUTUBE_ERROR, (int)parse_case->code);
      g_assert_null (video);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      if (strstr (error->message, parse_case->needle) == NULL)
        g_error ("“%s” does not contain “%s”", error->message, parse_case->needle);
      return;
    }

  g_assert_no_error (error);
  g_assert_nonnull (video);
  g_assert_cmpstr (ncl_youtube_video_get_id (video), ==, parse_case->id);
  g_assert_cmpstr (ncl_youtube_video_get_list (video), ==, parse_case->list);
  g_assert_cmpuint (ncl_youtube_video_get_index (video), ==, parse_case->index);
  g_assert_cmpuint (ncl_youtube_video_get_start (video), ==, parse_case->start);
}

/* Pads a valid link with an ignored parameter up to @length bytes. */
static char *
link_of_length (gsize length)
{
  g_autoptr(GString) url = g_string_new ("https://www.youtube.com/watch?v=J0zbYbvYiM8&feature=");

  while (url->len < length)
    g_string_append_c (url, 'x');

  return g_string_free (g_steal_pointer (&url), FALSE);
}

static void
test_refuse_too_long (void)
{
  g_autofree char *longest = link_of_length (NCL_YOUTUBE_MAX_URL_LENGTH);
  g_autofree char *too_long = link_of_length (NCL_YOUTUBE_MAX_URL_LENGTH + 1);
  g_autofree char *huge = link_of_length (10 * 1024);
  g_autoptr(GError) error = NULL;
  g_autoptr(NclYoutubeVideo) video = NULL;

  video = ncl_youtube_parse (longest, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ncl_youtube_video_get_id (video), ==, "J0zbYbvYiM8");
  g_clear_pointer (&video, ncl_youtube_video_free);

  video = ncl_youtube_parse (too_long, &error);
  g_assert_error (error, NCL_YOUTUBE_ERROR, NCL_YOUTUBE_ERROR_INVALID_URL);
  g_assert_null (video);
  g_assert_nonnull (strstr (error->message, "2049 bytes long, more than the 2048"));
  g_clear_error (&error);

  video = ncl_youtube_parse (huge, &error);
  g_assert_error (error, NCL_YOUTUBE_ERROR, NCL_YOUTUBE_ERROR_INVALID_URL);
  g_assert_null (video);
}

/* A hostile link is quoted in the message, but not all 2 KiB of it. */
static void
test_refuse_message_shortened (void)
{
  g_autoptr(GString) url = g_string_new ("https://evil.example/");
  g_autoptr(GError) error = NULL;
  g_autoptr(NclYoutubeVideo) video = NULL;

  while (url->len < 2000)
    g_string_append (url, "é");

  video = ncl_youtube_parse (url->str, &error);
  g_assert_error (error, NCL_YOUTUBE_ERROR, NCL_YOUTUBE_ERROR_NOT_YOUTUBE);
  g_assert_cmpuint (strlen (error->message), <, 200);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "https://evil.example/éé"));
  g_assert_nonnull (strstr (error->message, "…” is not a YouTube link"));
}

typedef struct
{
  const char *url;
  const char *embed_base;
  const char *embed_uri;
} EmbedCase;

static const EmbedCase embed_cases[] = {
  { "https://www.youtube.com/watch?v=J0zbYbvYiM8", NULL,
    "https://www.youtube-nocookie.com/embed/J0zbYbvYiM8" },
  { "https://www.youtube.com/watch?v=J0zbYbvYiM8&list=" PLAYLIST, NULL,
    "https://www.youtube-nocookie.com/embed/J0zbYbvYiM8?list=" PLAYLIST },
  { "https://www.youtube.com/watch?v=7AGY9iiOgmk&list=" PLAYLIST "&index=3", NULL,
    "https://www.youtube-nocookie.com/embed/7AGY9iiOgmk?list=" PLAYLIST "&index=3" },
  { "https://youtu.be/J56wrBDG01k?t=1m30s", NULL,
    "https://www.youtube-nocookie.com/embed/J56wrBDG01k?start=90" },
  { "https://www.youtube.com/watch?t=1h2m3s&index=3&v=7AGY9iiOgmk&list=" PLAYLIST,
    "http://127.0.0.1:8080/embed/",
    "http://127.0.0.1:8080/embed/7AGY9iiOgmk?list=" PLAYLIST "&index=3&start=3723" },
  { "https://youtu.be/J0zbYbvYiM8?t=0&feature=share", "http://[::1]:9000/e/",
    "http://[::1]:9000/e/J0zbYbvYiM8" },
};

static void
test_embed_uri (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (embed_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NclYoutubeVideo) video = ncl_youtube_parse (embed_cases[i].url, &error);
      g_autofree char *embed_uri = NULL;

      g_assert_no_error (error);
      embed_uri = ncl_youtube_video_get_embed_uri (video, embed_cases[i].embed_base);
      g_assert_cmpstr (embed_uri, ==, embed_cases[i].embed_uri);
      g_assert_true (g_uri_is_valid (embed_uri, G_URI_FLAGS_NONE, NULL));
    }
}

/* What the UI keeps in a GValue or a property must survive a copy. */
static void
test_boxed_copy (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclYoutubeVideo) video =
    ncl_youtube_parse ("https://www.youtube.com/watch?v=7AGY9iiOgmk&list=" PLAYLIST "&index=3&t=5",
                       &error);
  g_autoptr(NclYoutubeVideo) copy = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *copy_uri = NULL;

  g_assert_no_error (error);
  copy = g_boxed_copy (NCL_TYPE_YOUTUBE_VIDEO, video);
  g_assert_true (copy != video);

  uri = ncl_youtube_video_get_embed_uri (video, NULL);
  copy_uri = ncl_youtube_video_get_embed_uri (copy, NULL);
  g_assert_cmpstr (copy_uri, ==, uri);
  g_assert_cmpstr (ncl_youtube_video_get_list (copy), ==, PLAYLIST);
  g_assert_cmpuint (ncl_youtube_video_get_start (copy), ==, 5);
}

/* Vimeo's links: the ID, or refused with @code and a message that
 * contains @needle. */
typedef struct
{
  const char *url;
  const char *id;
  NclVimeoError code;
  const char *needle;
} VimeoCase;

static const VimeoCase vimeo_cases[] = {
  { "https://vimeo.com/123456789", "123456789" },
  { "https://vimeo.com/123456789/", "123456789" },
  { "http://www.vimeo.com/76979871", "76979871" },
  { "vimeo.com/76979871?share=copy#t=10s", "76979871" },
  { "HTTPS://Player.Vimeo.COM/video/123456789?h=abc&autoplay=1", "123456789" },
  { "https://vimeo.com/channels/staffpicks/123456789", "123456789" },
  { "  https://vimeo.com:443/1  ", "1" },
  { "https://vimeo.com/", NULL, NCL_VIMEO_ERROR_NO_VIDEO_ID, "links to Vimeo, but not to a video" },
  { "https://vimeo.com/nats", NULL, NCL_VIMEO_ERROR_NO_VIDEO_ID, "“https://vimeo.com/nats” links to Vimeo" },
  { "https://vimeo.com/12345abc", NULL, NCL_VIMEO_ERROR_NO_VIDEO_ID, "not to a video" },
  { "https://vimeo.com/-123456789", NULL, NCL_VIMEO_ERROR_NO_VIDEO_ID, "not to a video" },
  { "https://vimeo.com/123456789/extra", NULL, NCL_VIMEO_ERROR_NO_VIDEO_ID, "not to a video" },
  { "https://vimeo.com/12345678901234567890", NULL, NCL_VIMEO_ERROR_NO_VIDEO_ID, "not to a video" },
  /* Digits are unreserved: "%31%32" is the same address as "12" (RFC 3986,
   * 6.2.2.2), which GUri gives. Anything else escaped is refused. */
  { "https://vimeo.com/%31%32", "12" },
  { "https://vimeo.com/12%22", NULL, NCL_VIMEO_ERROR_NO_VIDEO_ID, "not to a video" },
  { "https://player.vimeo.com/123456789", NULL, NCL_VIMEO_ERROR_NO_VIDEO_ID, "not to a video" },
  { "https://player.vimeo.com/video/", NULL, NCL_VIMEO_ERROR_NO_VIDEO_ID, "not to a video" },
  { "https://evilvimeo.com/123456789", NULL, NCL_VIMEO_ERROR_NOT_VIMEO, "is not a Vimeo link" },
  { "https://vimeo.com.evil.example/123456789", NULL, NCL_VIMEO_ERROR_NOT_VIMEO, "is not a Vimeo link" },
  { "https://vimeo.com:8080/123456789", NULL, NCL_VIMEO_ERROR_NOT_VIMEO, "is not a Vimeo link" },
  { "javascript:alert(1)//vimeo.com/1", NULL, NCL_VIMEO_ERROR_NOT_VIMEO, "is not a Vimeo link" },
  { "https://www.youtube.com/watch?v=J0zbYbvYiM8", NULL, NCL_VIMEO_ERROR_NOT_VIMEO, "is not a Vimeo link" },
  { "https://vimeo.com/1 2", NULL, NCL_VIMEO_ERROR_NO_VIDEO_ID, "not to a video" },
  { "https://[vimeo.com/1", NULL, NCL_VIMEO_ERROR_INVALID_URL, "is not a valid link" },
  { "https://vimeo.com/\xff", NULL, NCL_VIMEO_ERROR_INVALID_URL, "not valid UTF-8 text" },
  { NULL, NULL, NCL_VIMEO_ERROR_INVALID_URL, "missing" },
};

static void
test_vimeo_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (vimeo_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = ncl_vimeo_parse_id (vimeo_cases[i].url, &error);

      if (vimeo_cases[i].id != NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (id, ==, vimeo_cases[i].id);
        }
      else
        {
          g_assert_null (id);
          g_assert_error (error, NCL_VIMEO_ERROR, (int)vimeo_cases[i].code);
          if (strstr (error->message, vimeo_cases[i].needle) == NULL)
            g_error ("“%s”: “%s” does not say “%s”", vimeo_cases[i].url, error->message,
                     vimeo_cases[i].needle);
        }
    }
}

static void
test_vimeo_embed_uri (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = ncl_vimeo_parse_id ("https://vimeo.com/123456789?foo=\"><script>", &error);
  g_autofree char *embed_uri = NULL;
  g_autofree char *loopback_uri = NULL;

  /* Nothing but the number of the link reaches the player. */
  g_assert_no_error (error);
  embed_uri = ncl_vimeo_get_embed_uri (id, NULL);
  g_assert_cmpstr (embed_uri, ==, "https://player.vimeo.com/video/123456789");
  loopback_uri = ncl_vimeo_get_embed_uri (id, "http://127.0.0.1:8080/video/");
  g_assert_cmpstr (loopback_uri, ==, "http://127.0.0.1:8080/video/123456789");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* The messages are compared in English. */
  setlocale (LC_ALL, "C.UTF-8");

  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    g_test_add_data_func (parse_cases[i].path, &parse_cases[i], test_parse_case);

  g_test_add_func ("/ncl/youtube/refuse/too-long", test_refuse_too_long);
  g_test_add_func ("/ncl/youtube/refuse/message-shortened", test_refuse_message_shortened);
  g_test_add_func ("/ncl/youtube/embed-uri", test_embed_uri);
  g_test_add_func ("/ncl/youtube/boxed-copy", test_boxed_copy);
  g_test_add_func ("/ncl/vimeo/parse", test_vimeo_parse);
  g_test_add_func ("/ncl/vimeo/embed-uri", test_vimeo_embed_uri);

  return g_test_run ();
}
