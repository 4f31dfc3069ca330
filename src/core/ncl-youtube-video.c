/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ncl-youtube-video.h"

/*
 * Links come from a downloaded post, so they are hostile until proven
 * otherwise. The parser keeps only what it can validate down to a small
 * charset (the video and playlist IDs, two numbers) and the embed URI is
 * rebuilt from those alone: nothing else of the original link, not its
 * host, path or other parameters, ever reaches the player page.
 *
 * Nothing is percent-decoded: the characters IDs are made of never need
 * escaping, so a '%' in an ID is refused rather than decoded into
 * something else ('"', '<', NUL…).
 */

#define PLAYLIST_MIN_LENGTH 2
#define PLAYLIST_MAX_LENGTH 64

/* Error messages quote parts of the link; a hostile 2 KiB one would bury
 * the message. */
#define QUOTE_MAX_CHARS 60

struct _NclYoutubeVideo
{
  char *id;
  char *list;
  guint index;
  guint start;
};

G_DEFINE_QUARK (ncl-youtube-error-quark, ncl_youtube_error)

G_DEFINE_BOXED_TYPE (NclYoutubeVideo, ncl_youtube_video,
                     ncl_youtube_video_copy, ncl_youtube_video_free)

typedef enum
{
  HOST_SITE,
  HOST_SHORT,
  HOST_EMBED,
} HostKind;

/* Exact names, never "anything ending in youtube.com": a look-alike such as
 * evilyoutube.com or youtube.com.evil.example must not pass. */
static const struct
{
  const char *name;
  HostKind kind;
} hosts[] = {
  { "youtube.com", HOST_SITE },
  { "www.youtube.com", HOST_SITE },
  { "m.youtube.com", HOST_SITE },
  { "music.youtube.com", HOST_SITE },
  { "youtu.be", HOST_SHORT },
  { "youtube-nocookie.com", HOST_EMBED },
  { "www.youtube-nocookie.com", HOST_EMBED },
};

/* Paths that end in a video ID, on the hosts that serve them. */
static const struct
{
  const char *prefix;
  gboolean on_embed_host;
} id_paths[] = {
  { "/embed/", TRUE },
  { "/v/", FALSE },
  { "/shorts/", FALSE },
  { "/live/", FALSE },
};

/* The first value of each parameter the player uses; YouTube also reads
 * the first when one is repeated. */
typedef struct
{
  char *v;
  char *list;
  char *index;
  char *t;
  char *start;
} Params;

static void
params_clear (Params *params)
{
  g_clear_pointer (&params->v, g_free);
  g_clear_pointer (&params->list, g_free);
  g_clear_pointer (&params->index, g_free);
  g_clear_pointer (&params->t, g_free);
  g_clear_pointer (&params->start, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Params, params_clear)

static void
params_read (Params     *params,
             const char *query)
{
  g_auto(GStrv) pairs = NULL;

  if (query == NULL)
    return;

  pairs = g_strsplit (query, "&", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      char *value = strchr (pairs[i], '=');
      char **slot = NULL;

      if (value != NULL)
        *value++ = '\0';
      else
        value = pairs[i] + strlen (pairs[i]);

      if (strcmp (pairs[i], "v") == 0)
        slot = &params->v;
      else if (strcmp (pairs[i], "list") == 0)
        slot = &params->list;
      else if (strcmp (pairs[i], "index") == 0)
        slot = &params->index;
      else if (strcmp (pairs[i], "t") == 0)
        slot = &params->t;
      else if (strcmp (pairs[i], "start") == 0)
        slot = &params->start;

      /* "&t=" is what a form or a careless edit leaves: absent, not wrong. */
      if (slot != NULL && *slot == NULL && value[0] != '\0')
        *slot = g_strdup (value);
    }
}

static gboolean
is_id_text (const char *text,
            gsize       min_length,
            gsize       max_length)
{
  gsize length = 0;

  for (const char *p = text; *p != '\0'; p++, length++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
        return FALSE;
    }

  return length >= min_length && length <= max_length;
}

/* Only digits: no sign, no spaces, no hex, no overflow. */
static gboolean
parse_number (const char *text,
              const char *end,
              guint64     max,
              guint64    *number)
{
  guint64 value = 0;

  if (text == end)
    return FALSE;

  for (const char *p = text; p < end; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;

      value = value * 10 + (guint64)(*p - '0');
      if (value > max)
        return FALSE;
    }

  *number = value;
  return TRUE;
}

/* "90", or up to one each of hours, minutes and seconds in that order:
 * "90s", "1m30s", "1h2m3s", "2h". */
static gboolean
parse_time (const char *text,
            guint      *seconds)
{
  static const struct
  {
    char unit;
    guint factor;
  } units[] = { { 'h', 3600 }, { 'm', 60 }, { 's', 1 } };
  guint64 total = 0;
  guint next_unit = 0;
  const char *p = text;

  if (parse_number (text, text + strlen (text), G_MAXUINT, &total))
    {
      *seconds = (guint)total;
      return TRUE;
    }

  while (*p != '\0')
    {
      const char *digits = p;
      guint64 value;

      while (g_ascii_isdigit (*p))
        p++;

      if (!parse_number (digits, p, G_MAXUINT, &value))
        return FALSE;

      while (next_unit < G_N_ELEMENTS (units) && units[next_unit].unit != *p)
        next_unit++;

      /* No unit, an unknown one, or one out of order or repeated. */
      if (next_unit == G_N_ELEMENTS (units))
        return FALSE;

      total += value * units[next_unit].factor;
      if (total > G_MAXUINT)
        return FALSE;

      next_unit++;
      p++;
    }

  *seconds = (guint)total;
  return p != text;
}

static char *
shorten (const char *text)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, -1) <= QUOTE_MAX_CHARS)
    return g_strdup (text);

  start = g_utf8_substring (text, 0, QUOTE_MAX_CHARS - 1);
  return g_strconcat (start, "…", NULL);
}

static gboolean
find_host (GUri     *uri,
           HostKind *kind)
{
  const char *host = g_uri_get_host (uri);
  int port = g_uri_get_port (uri);

  if (host == NULL || (port != -1 && port != 80 && port != 443))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (hosts); i++)
    {
      if (g_ascii_strcasecmp (host, hosts[i].name) == 0)
        {
          *kind = hosts[i].kind;
          return TRUE;
        }
    }

  return FALSE;
}

/* Returns: (nullable): the ID part of the link, not validated yet */
static char *
find_video_id (GUri         *uri,
               HostKind      kind,
               const Params *query)
{
  const char *path = g_uri_get_path (uri);
  g_autofree char *id = NULL;
  gsize length;

  if (kind == HOST_SHORT && path[0] == '/')
    {
      id = g_strdup (path + 1);
    }
  else if (kind == HOST_SITE && strcmp (path, "/watch") == 0)
    {
      id = g_strdup (query->v);
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (id_paths) && id == NULL; i++)
        {
          if ((kind == HOST_SITE || (kind == HOST_EMBED && id_paths[i].on_embed_host)) &&
              g_str_has_prefix (path, id_paths[i].prefix))
            id = g_strdup (path + strlen (id_paths[i].prefix));
        }
    }

  if (id == NULL)
    return NULL;

  length = strlen (id);
  if (length > 0 && id[length - 1] == '/')
    id[--length] = '\0';

  /* The embed path of a whole playlist, and a well-formed ID at that. */
  if (length == 0 || strcmp (id, "videoseries") == 0)
    return NULL;

  return g_steal_pointer (&id);
}

/**
 * ncl_youtube_parse:
 * @url: (nullable): a link to a YouTube video, as found in a post or pasted
 *
 * Reads the video, and the playlist position and start time if any, from
 * any of the link forms YouTube hands out: watch pages (www., m., music.),
 * youtu.be short links, embed, /v/, /shorts/ and /live/ links. A link
 * without a scheme is taken as https.
 *
 * Returns: (transfer full) (nullable): the video, or %NULL with @error set
 */
NclYoutubeVideo *
ncl_youtube_parse (const char  *url,
                   GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *scheme = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) uri_error = NULL;
  g_autoptr(NclYoutubeVideo) video = NULL;
  g_auto(Params) query = { 0 };
  g_auto(Params) fragment = { 0 };
  const char *start_text;
  HostKind kind;
  gsize length;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (url == NULL)
    {
      g_set_error (error, NCL_YOUTUBE_ERROR, NCL_YOUTUBE_ERROR_INVALID_URL,
                   _("There is no video link"));
      return NULL;
    }

  length = strlen (url);
  if (length > NCL_YOUTUBE_MAX_URL_LENGTH)
    {
      g_set_error (error, NCL_YOUTUBE_ERROR, NCL_YOUTUBE_ERROR_INVALID_URL,
                   /* Translators: both are numbers of bytes */
                   _("The video link is %u bytes long, more than the %d "
                     "a video link may have"),
                   (guint)MIN (length, G_MAXUINT), NCL_YOUTUBE_MAX_URL_LENGTH);
      return NULL;
    }

  if (!g_utf8_validate (url, length, NULL))
    {
      g_set_error (error, NCL_YOUTUBE_ERROR, NCL_YOUTUBE_ERROR_INVALID_URL,
                   _("The video link is not valid UTF-8 text"));
      return NULL;
    }

  text = g_strstrip (g_strdup (url));
  if (text[0] == '\0')
    {
      g_set_error (error, NCL_YOUTUBE_ERROR, NCL_YOUTUBE_ERROR_INVALID_URL,
                   _("The video link is empty"));
      return NULL;
    }

  shown = shorten (text);

  /* A host with a port reads as a scheme ("youtube.com:443/…"); no real
   * scheme has a dot in it. */
  scheme = g_uri_parse_scheme (text);
  if (scheme == NULL || strchr (scheme, '.') != NULL)
    {
      absolute = g_strconcat (g_str_has_prefix (text, "//") ? "https:" : "https://", text, NULL);
    }
  else if (g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0)
    {
      absolute = g_strdup (text);
    }
  else
    {
      g_set_error (error, NCL_YOUTUBE_ERROR, NCL_YOUTUBE_ERROR_NOT_YOUTUBE,
                   _("“%s” is not a YouTube link"), shown);
      return NULL;
    }

  uri = g_uri_parse (absolute, G_URI_FLAGS_ENCODED, &uri_error);
  if (uri == NULL)
    {
      g_set_error (error, NCL_YOUTUBE_ERROR, NCL_YOUTUBE_ERROR_INVALID_URL,
                   _("“%s” is not a valid link: %s"), shown, uri_error->message);
      return NULL;
    }

  if (!find_host (uri, &kind))
    {
      g_set_error (error, NCL_YOUTUBE_ERROR, NCL_YOUTUBE_ERROR_NOT_YOUTUBE,
                   _("“%s” is not a YouTube link"), shown);
      return NULL;
    }

  params_read (&query, g_uri_get_query (uri));
  params_read (&fragment, g_uri_get_fragment (uri));

  id = find_video_id (uri, kind, &query);
  if (id == NULL)
    {
      if (query.list != NULL)
        g_set_error (error, NCL_YOUTUBE_ERROR, NCL_YOUTUBE_ERROR_NO_VIDEO_ID,
                     _("“%s” links to a YouTube playlist, not to a video"), shown);
      else
        g_set_error (error, NCL_YOUTUBE_ERROR, NCL_YOUTUBE_ERROR_NO_VIDEO_ID,
                     _("“%s” links to YouTube, but not to a video"), shown);
      return NULL;
    }

  if (!is_id_text (id, NCL_YOUTUBE_ID_LENGTH, NCL_YOUTUBE_ID_LENGTH))
    {
      g_autofree char *shown_id = shorten (id);

      g_set_error (error, NCL_YOUTUBE_ERROR, NCL_YOUTUBE_ERROR_BAD_VIDEO_ID,
                   /* Translators: "-" and "_" are the characters themselves */
                   _("The video ID “%s” is not 11 letters, digits, - or _"), shown_id);
      return NULL;
    }

  video = g_new0 (NclYoutubeVideo, 1);
  video->id = g_steal_pointer (&id);

  if (query.list != NULL)
    {
      if (!is_id_text (query.list, PLAYLIST_MIN_LENGTH, PLAYLIST_MAX_LENGTH))
        {
          g_autofree char *shown_list = shorten (query.list);

          g_set_error (error, NCL_YOUTUBE_ERROR, NCL_YOUTUBE_ERROR_BAD_PLAYLIST,
                       /* Translators: "-" and "_" are the characters themselves */
                       _("The playlist ID “%s” is not %d to %d letters, digits, - or _"),
                       shown_list, PLAYLIST_MIN_LENGTH, PLAYLIST_MAX_LENGTH);
          return NULL;
        }

      video->list = g_strdup (query.list);
    }

  if (query.index != NULL)
    {
      guint64 position = 0;

      if (!parse_number (query.index, query.index + strlen (query.index), G_MAXINT, &position) ||
          position == 0)
        {
          g_autofree char *shown_index = shorten (query.index);

          g_set_error (error, NCL_YOUTUBE_ERROR, NCL_YOUTUBE_ERROR_BAD_INDEX,
                       _("The playlist position “%s” is not a whole number from 1 up"),
                       shown_index);
          return NULL;
        }

      video->index = (guint)position;
    }

  /* YouTube's own links put the time in "t", older ones in "start" or in
   * the fragment ("#t=90"); the query wins. */
  start_text = query.t != NULL ? query.t :
               query.start != NULL ? query.start :
               fragment.t != NULL ? fragment.t : fragment.start;
  if (start_text != NULL && !parse_time (start_text, &video->start))
    {
      g_autofree char *shown_time = shorten (start_text);

      g_set_error (error, NCL_YOUTUBE_ERROR, NCL_YOUTUBE_ERROR_BAD_START,
                   _("The start time “%s” is neither seconds nor a time like 1h2m3s"),
                   shown_time);
      return NULL;
    }

  return g_steal_pointer (&video);
}

NclYoutubeVideo *
ncl_youtube_video_copy (NclYoutubeVideo *video)
{
  NclYoutubeVideo *copy;

  g_return_val_if_fail (video != NULL, NULL);

  copy = g_new0 (NclYoutubeVideo, 1);
  copy->id = g_strdup (video->id);
  copy->list = g_strdup (video->list);
  copy->index = video->index;
  copy->start = video->start;

  return copy;
}

void
ncl_youtube_video_free (NclYoutubeVideo *video)
{
  if (video == NULL)
    return;

  g_free (video->id);
  g_free (video->list);
  g_free (video);
}

/**
 * ncl_youtube_video_get_id:
 *
 * Returns: 11 characters of [A-Za-z0-9_-]
 */
const char *
ncl_youtube_video_get_id (NclYoutubeVideo *video)
{
  g_return_val_if_fail (video != NULL, NULL);

  return video->id;
}

/**
 * ncl_youtube_video_get_list:
 *
 * Returns: (nullable): the playlist the link plays the video in, 2 to 64
 *   characters of [A-Za-z0-9_-]
 */
const char *
ncl_youtube_video_get_list (NclYoutubeVideo *video)
{
  g_return_val_if_fail (video != NULL, NULL);

  return video->list;
}

/**
 * ncl_youtube_video_get_index:
 *
 * Returns: the video's position in the playlist, from 1; 0 when the link
 *   gives none
 */
guint
ncl_youtube_video_get_index (NclYoutubeVideo *video)
{
  g_return_val_if_fail (video != NULL, 0);

  return video->index;
}

/**
 * ncl_youtube_video_get_start:
 *
 * Returns: where the link starts playing, in seconds; 0 for the beginning
 */
guint
ncl_youtube_video_get_start (NclYoutubeVideo *video)
{
  g_return_val_if_fail (video != NULL, 0);

  return video->start;
}

/**
 * ncl_youtube_video_get_embed_uri:
 * @embed_base: (nullable): what the video ID is appended to;
 *   %NCL_YOUTUBE_EMBED_BASE when %NULL
 *
 * Returns: (transfer full): the address of the embedded player for @video
 */
char *
ncl_youtube_video_get_embed_uri (NclYoutubeVideo *video,
                                 const char      *embed_base)
{
  g_autoptr(GString) uri = NULL;
  char separator = '?';

  g_return_val_if_fail (video != NULL, NULL);

  uri = g_string_new (embed_base != NULL ? embed_base : NCL_YOUTUBE_EMBED_BASE);
  g_string_append_uri_escaped (uri, video->id, NULL, FALSE);

  if (video->list != NULL)
    {
      g_string_append_c (uri, separator);
      g_string_append (uri, "list=");
      g_string_append_uri_escaped (uri, video->list, NULL, FALSE);
      separator = '&';
    }

  if (video->index > 0)
    {
      g_string_append_printf (uri, "%cindex=%u", separator, video->index);
      separator = '&';
    }

  if (video->start > 0)
    g_string_append_printf (uri, "%cstart=%u", separator, video->start);

  return g_string_free (g_steal_pointer (&uri), FALSE);
}
