/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ncl-vimeo-video.h"

/*
 * As for YouTube links (see ncl-youtube-video.c), the link is hostile: only
 * the video's number is kept, and the embed URI is made from it alone.
 */

/* Longer than any real video link by far; refused before any parsing. */
#define MAX_URL_LENGTH 2048

/* Vimeo's IDs are numbers of 6 to 10 digits today; room for more, never
 * for an overflow anywhere they are read as numbers. */
#define MAX_ID_LENGTH 19

/* Error messages quote the link; a hostile 2 KiB one would bury them. */
#define QUOTE_MAX_CHARS 60

G_DEFINE_QUARK (ncl-vimeo-error-quark, ncl_vimeo_error)

typedef enum
{
  HOST_SITE,
  HOST_PLAYER,
} HostKind;

/* Exact names: vimeo.com.evil.example and evilvimeo.com must not pass. */
static const struct
{
  const char *name;
  HostKind kind;
} hosts[] = {
  { "vimeo.com", HOST_SITE },
  { "www.vimeo.com", HOST_SITE },
  { "player.vimeo.com", HOST_PLAYER },
};

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

/* "123456789" or "123456789/": the ID, or %NULL. */
static char *
read_id (const char *text)
{
  gsize length = strspn (text, "0123456789");

  if (length == 0 || length > MAX_ID_LENGTH)
    return NULL;
  if (text[length] != '\0' && strcmp (text + length, "/") != 0)
    return NULL;

  return g_strndup (text, length);
}

/* vimeo.com/ID, vimeo.com/channels/NAME/ID, player.vimeo.com/video/ID */
static char *
find_video_id (GUri     *uri,
               HostKind  kind)
{
  const char *path = g_uri_get_path (uri);

  if (kind == HOST_PLAYER)
    return g_str_has_prefix (path, "/video/") ? read_id (path + strlen ("/video/")) : NULL;

  if (g_str_has_prefix (path, "/channels/"))
    {
      const char *slash = strchr (path + strlen ("/channels/"), '/');

      return slash != NULL ? read_id (slash + 1) : NULL;
    }

  return path[0] == '/' ? read_id (path + 1) : NULL;
}

/**
 * ncl_vimeo_parse_id:
 * @url: (nullable): a link to a Vimeo video, as found in a post or pasted
 *
 * Reads the video's ID from a video page (vimeo.com/123456789, also in a
 * channel: vimeo.com/channels/staffpicks/123456789) or from the embedded
 * player's address (player.vimeo.com/video/123456789). A link without a
 * scheme is taken as https.
 *
 * Returns: (transfer full) (nullable): the ID, only digits; or %NULL with
 *   @error set
 */
char *
ncl_vimeo_parse_id (const char  *url,
                    GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *scheme = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) uri_error = NULL;
  char *id;
  HostKind kind;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (url == NULL || strlen (url) > MAX_URL_LENGTH || !g_utf8_validate (url, -1, NULL))
    {
      g_set_error (error, NCL_VIMEO_ERROR, NCL_VIMEO_ERROR_INVALID_URL,
                   _("The video link is missing, too long or not valid UTF-8 text"));
      return NULL;
    }

  text = g_strstrip (g_strdup (url));
  shown = shorten (text);

  /* A host with a port reads as a scheme ("vimeo.com:443/…"); no real
   * scheme has a dot in it. */
  scheme = g_uri_parse_scheme (text);
  if (scheme == NULL || strchr (scheme, '.') != NULL)
    absolute = g_strconcat (g_str_has_prefix (text, "//") ? "https:" : "https://", text, NULL);
  else if (g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0)
    absolute = g_strdup (text);
  else
    {
      g_set_error (error, NCL_VIMEO_ERROR, NCL_VIMEO_ERROR_NOT_VIMEO,
                   _("“%s” is not a Vimeo link"), shown);
      return NULL;
    }

  uri = g_uri_parse (absolute, G_URI_FLAGS_ENCODED, &uri_error);
  if (uri == NULL)
    {
      g_set_error (error, NCL_VIMEO_ERROR, NCL_VIMEO_ERROR_INVALID_URL,
                   _("“%s” is not a valid link: %s"), shown, uri_error->message);
      return NULL;
    }

  if (!find_host (uri, &kind))
    {
      g_set_error (error, NCL_VIMEO_ERROR, NCL_VIMEO_ERROR_NOT_VIMEO,
                   _("“%s” is not a Vimeo link"), shown);
      return NULL;
    }

  id = find_video_id (uri, kind);
  if (id == NULL)
    g_set_error (error, NCL_VIMEO_ERROR, NCL_VIMEO_ERROR_NO_VIDEO_ID,
                 _("“%s” links to Vimeo, but not to a video"), shown);

  return id;
}

/**
 * ncl_vimeo_get_embed_uri:
 * @id: a video ID from ncl_vimeo_parse_id()
 * @embed_base: (nullable): what the video ID is appended to;
 *   %NCL_VIMEO_EMBED_BASE when %NULL
 *
 * Returns: (transfer full): the address of the embedded player for the
 *   video
 */
char *
ncl_vimeo_get_embed_uri (const char *id,
                         const char *embed_base)
{
  g_autoptr(GString) uri = NULL;

  g_return_val_if_fail (id != NULL, NULL);

  uri = g_string_new (embed_base != NULL ? embed_base : NCL_VIMEO_EMBED_BASE);
  g_string_append_uri_escaped (uri, id, NULL, FALSE);

  return g_string_free (g_steal_pointer (&uri), FALSE);
}
