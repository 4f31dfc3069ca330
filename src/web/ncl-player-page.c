/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ncl-html-template.h"
#include "ncl-player-page.h"

/*
 * The player page is a template with "{{name}}" placeholders, filled in one
 * pass: every value is HTML-escaped as it is written and never scanned
 * again, so a title that contains "{{title}}" or markup comes out as text.
 * The template only ever puts values in text or in double-quoted
 * attributes, where escaping & < > " ' is enough.
 */

G_DEFINE_QUARK (ncl-player-page-error-quark, ncl_player_page_error)

static gboolean
is_host_text (const char *host)
{
  for (const char *p = host; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '.' && *p != '-' && *p != ':')
        return FALSE;
    }

  return host[0] != '\0';
}

/**
 * ncl_player_page_frame_origin:
 * @embed_uri: (nullable): the address of the embedded player
 *
 * The origin the page's Content-Security-Policy lets frames load from:
 * "https://www.youtube-nocookie.com", "http://127.0.0.1:8080".
 *
 * Returns: (transfer full) (nullable): scheme://host[:port], or %NULL when
 *   @embed_uri is not an http(s) URI
 */
char *
ncl_player_page_frame_origin (const char *embed_uri)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *host = NULL;
  g_autofree char *port = NULL;
  const char *scheme;
  int default_port;

  if (embed_uri == NULL)
    return NULL;

  uri = g_uri_parse (embed_uri, G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return NULL;

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    default_port = 443;
  else if (g_ascii_strcasecmp (scheme, "http") == 0)
    default_port = 80;
  else
    return NULL;

  /* GUri decodes the host: "%3B" would end the directive and start a new
   * one in the policy. */
  if (!is_host_text (g_uri_get_host (uri)))
    return NULL;

  host = g_ascii_strdown (g_uri_get_host (uri), -1);
  if (g_uri_get_port (uri) != -1 && g_uri_get_port (uri) != default_port)
    port = g_strdup_printf (":%d", g_uri_get_port (uri));

  return g_strdup_printf (strchr (host, ':') != NULL ? "%s://[%s]%s" : "%s://%s%s",
                          default_port == 443 ? "https" : "http",
                          host,
                          port != NULL ? port : "");
}

static gboolean
is_web_uri (const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED, NULL);
  const char *scheme;

  if (parsed == NULL || g_uri_get_host (parsed) == NULL || g_uri_get_host (parsed)[0] == '\0')
    return FALSE;

  scheme = g_uri_get_scheme (parsed);
  return g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0;
}

static gboolean
is_file_uri (const char *uri)
{
  const char *scheme = g_uri_peek_scheme (uri);

  return scheme != NULL && g_ascii_strcasecmp (scheme, "file") == 0 &&
         g_uri_is_valid (uri, G_URI_FLAGS_ENCODED, NULL);
}

/* What the policy lets the player load from: the player's origin, or for
 * a local video file every local file (a policy names no path of one). */
static char *
player_origin (NclPlayerKind  kind,
               const char    *player_uri)
{
  if (kind == NCL_PLAYER_KIND_VIDEO_FILE && is_file_uri (player_uri))
    return g_strdup ("file:");

  return ncl_player_page_frame_origin (player_uri);
}

/**
 * ncl_player_page_build:
 * @template_html: the page template, normally %NCL_PLAYER_PAGE_RESOURCE
 * @number: the talk's number
 * @title: the talk's title, plain text
 * @speaker: (nullable): who gives the talk, plain text
 * @embed_uri: the embedded player's address, from
 *   ncl_youtube_video_get_embed_uri()
 * @original_url: the link the talk was found with, for opening elsewhere
 *
 * The page of a YouTube video: ncl_player_page_build_for() with
 * %NCL_PLAYER_KIND_YOUTUBE.
 *
 * Returns: (transfer full) (nullable): the page, or %NULL with @error set
 */
char *
ncl_player_page_build (const char  *template_html,
                       guint        number,
                       const char  *title,
                       const char  *speaker,
                       const char  *embed_uri,
                       const char  *original_url,
                       GError     **error)
{
  return ncl_player_page_build_for (template_html, NCL_PLAYER_KIND_YOUTUBE, number, title,
                                    speaker, embed_uri, original_url, error);
}

/**
 * ncl_player_page_build_for:
 * @template_html: the page template, normally %NCL_PLAYER_PAGE_RESOURCE
 * @kind: what plays: a site's embedded player in a frame, or a video file
 *   in a video element
 * @number: the talk's number
 * @title: the talk's title, plain text
 * @speaker: (nullable): who gives the talk, plain text
 * @player_uri: the embedded player's address (from
 *   ncl_youtube_video_get_embed_uri() or ncl_vimeo_get_embed_uri()), or
 *   the video file's: http(s), or file for %NCL_PLAYER_KIND_VIDEO_FILE
 * @original_url: the link the talk was found with, for opening elsewhere;
 *   may be a file URI for %NCL_PLAYER_KIND_VIDEO_FILE
 *
 * Fills the template's placeholders: `{{number}}`, `{{title}}`,
 * `{{speaker}}` (empty when %NULL), `{{embed_uri}}` (@player_uri),
 * `{{original_url}}`, `{{player_directive}}` and `{{player_origin}}` (the
 * policy's "frame-src" or "media-src" and the origin of @player_uri),
 * `{{lang}}`, `{{player_label}}` and `{{open_label}}` (translated labels),
 * and keeps one of the sections `{{#frame}}` and `{{#video}}`. Every value
 * is HTML-escaped.
 *
 * Returns: (transfer full) (nullable): the page, or %NULL with @error set
 */
char *
ncl_player_page_build_for (const char     *template_html,
                           NclPlayerKind   kind,
                           guint           number,
                           const char     *title,
                           const char     *speaker,
                           const char     *player_uri,
                           const char     *original_url,
                           GError        **error)
{
  g_autofree char *number_text = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *lang = NULL;
  gboolean is_file = kind == NCL_PLAYER_KIND_VIDEO_FILE;
  const char *open_label;

  g_return_val_if_fail (template_html != NULL, NULL);
  g_return_val_if_fail (kind <= NCL_PLAYER_KIND_VIDEO_FILE, NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (player_uri != NULL, NULL);
  g_return_val_if_fail (original_url != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (template_html, -1, NULL))
    {
      g_set_error (error, NCL_PLAYER_PAGE_ERROR, NCL_PLAYER_PAGE_ERROR_INVALID_TEXT,
                   _("The player page template is not valid UTF-8 text"));
      return NULL;
    }

  if (!g_utf8_validate (title, -1, NULL) ||
      (speaker != NULL && !g_utf8_validate (speaker, -1, NULL)))
    {
      g_set_error (error, NCL_PLAYER_PAGE_ERROR, NCL_PLAYER_PAGE_ERROR_INVALID_TEXT,
                   _("The talk’s title or speaker is not valid UTF-8 text"));
      return NULL;
    }

  /* Checked before quoting them in a message, which must be UTF-8 too. */
  if (!g_utf8_validate (player_uri, -1, NULL) || !g_utf8_validate (original_url, -1, NULL))
    {
      g_set_error (error, NCL_PLAYER_PAGE_ERROR, NCL_PLAYER_PAGE_ERROR_BAD_URI,
                   _("The video’s address is not valid UTF-8 text"));
      return NULL;
    }

  origin = player_origin (kind, player_uri);
  if (origin == NULL)
    {
      g_set_error (error, NCL_PLAYER_PAGE_ERROR, NCL_PLAYER_PAGE_ERROR_BAD_URI,
                   _("The video player address “%s” is not a web address"), player_uri);
      return NULL;
    }

  if (!is_web_uri (original_url) && !(is_file && is_file_uri (original_url)))
    {
      g_set_error (error, NCL_PLAYER_PAGE_ERROR, NCL_PLAYER_PAGE_ERROR_BAD_URI,
                   _("The video link “%s” is not a web address"), original_url);
      return NULL;
    }

  number_text = g_strdup_printf ("%u", number);
  lang = ncl_html_page_language ();

  switch (kind)
    {
    case NCL_PLAYER_KIND_YOUTUBE:
      /* Translators: a link under the video, to its page on youtube.com */
      open_label = _("Watch on YouTube");
      break;
    case NCL_PLAYER_KIND_VIMEO:
      /* Translators: a link under the video, to its page on vimeo.com */
      open_label = _("Watch on Vimeo");
      break;
    case NCL_PLAYER_KIND_VIDEO_FILE:
    default:
      /* Translators: a link under the video, to the video file itself */
      open_label = _("Open in Browser");
      break;
    }

  {
    const char *keys_and_values[] = {
      "number", number_text,
      "title", title,
      "speaker", speaker != NULL ? speaker : "",
      "embed_uri", player_uri,
      "original_url", original_url,
      "player_directive", is_file ? "media-src" : "frame-src",
      "player_origin", origin,
      "frame", is_file ? "" : "yes",
      "video", is_file ? "yes" : "",
      "lang", lang,
      /* Translators: what a screen reader announces for the embedded video */
      "player_label", _("Video player"),
      "open_label", open_label,
      NULL,
    };

    return ncl_html_template_fill (template_html, keys_and_values, error);
  }
}
