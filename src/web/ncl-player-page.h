/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define NCL_PLAYER_PAGE_ERROR (ncl_player_page_error_quark ())

/**
 * NclPlayerPageError:
 * @NCL_PLAYER_PAGE_ERROR_BAD_URI: the embed or original URI is not an
 *   http(s) address
 * @NCL_PLAYER_PAGE_ERROR_INVALID_TEXT: the template, title or speaker is
 *   not UTF-8 text
 */
typedef enum
{
  NCL_PLAYER_PAGE_ERROR_BAD_URI,
  NCL_PLAYER_PAGE_ERROR_INVALID_TEXT,
} NclPlayerPageError;

/**
 * NclPlayerKind:
 * @NCL_PLAYER_KIND_YOUTUBE: YouTube's embedded player, in a frame
 * @NCL_PLAYER_KIND_VIMEO: Vimeo's embedded player, in a frame
 * @NCL_PLAYER_KIND_VIDEO_FILE: a video file (WebM, MP4…), in the page's
 *   own video element
 */
typedef enum
{
  NCL_PLAYER_KIND_YOUTUBE,
  NCL_PLAYER_KIND_VIMEO,
  NCL_PLAYER_KIND_VIDEO_FILE,
} NclPlayerKind;

/* The template in the app's GResource bundle. */
#define NCL_PLAYER_PAGE_RESOURCE "/io/nats/ConnectLive/player.html"

GQuark  ncl_player_page_error_quark  (void);
char   *ncl_player_page_build        (const char  *template_html,
                                      guint        number,
                                      const char  *title,
                                      const char  *speaker,
                                      const char  *embed_uri,
                                      const char  *original_url,
                                      GError     **error);
char   *ncl_player_page_build_for    (const char     *template_html,
                                      NclPlayerKind   kind,
                                      guint           number,
                                      const char     *title,
                                      const char     *speaker,
                                      const char     *player_uri,
                                      const char     *original_url,
                                      GError        **error);
char   *ncl_player_page_frame_origin (const char  *embed_uri);

G_END_DECLS
