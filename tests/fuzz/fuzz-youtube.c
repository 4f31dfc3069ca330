/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ncl-youtube-video.h"

#include "ncl-fuzz.h"

/* A talk's video link, which comes from a post the app may fetch: what it
 * accepts becomes the address of the player's frame. */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  ncl_fuzz_init ();
  return 0;
}

static gboolean
is_id_char (char ch)
{
  return g_ascii_isalnum (ch) || ch == '-' || ch == '_';
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *url = NULL;
  g_autoptr(NclYoutubeVideo) video = NULL;
  g_autoptr(NclYoutubeVideo) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *embed_uri = NULL;
  g_autofree char *prefix = NULL;
  const char *id;

  /* Links are C strings: a NUL byte ends them, as it would in the post. */
  if (memchr (data, '\0', size) != NULL)
    return -1;

  url = g_strndup ((const char *)data, size);
  video = ncl_youtube_parse (url, &error);
  if (video == NULL)
    {
      ncl_fuzz_check_error ("a refused link", error);
      return 0;
    }

  id = ncl_youtube_video_get_id (video);
  if (id == NULL || strlen (id) != NCL_YOUTUBE_ID_LENGTH)
    ncl_fuzz_fail ("the video ID", "is not 11 characters", id);
  for (const char *p = id; *p != '\0'; p++)
    if (!is_id_char (*p))
      ncl_fuzz_fail ("the video ID", "has a character outside [A-Za-z0-9_-]", id);

  copy = ncl_youtube_video_copy (video);
  embed_uri = ncl_youtube_video_get_embed_uri (copy, NULL);

  /* The frame goes to the embed host and the video, and nowhere else. */
  prefix = g_strconcat (NCL_YOUTUBE_EMBED_BASE, id, NULL);
  if (embed_uri == NULL || !g_str_has_prefix (embed_uri, prefix) ||
      (embed_uri[strlen (prefix)] != '\0' && embed_uri[strlen (prefix)] != '?'))
    ncl_fuzz_fail ("the embed address", "is not the video on the embed host", embed_uri);
  if (strpbrk (embed_uri, "\"'<> \\#") != NULL)
    ncl_fuzz_fail ("the embed address", "has a character that needs escaping", embed_uri);
  if (!(uri = g_uri_parse (embed_uri, G_URI_FLAGS_NONE, &error)))
    ncl_fuzz_fail ("the embed address", "is not a URI", embed_uri);

  return 0;
}
