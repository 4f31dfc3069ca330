/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define NCL_VIMEO_ERROR (ncl_vimeo_error_quark ())

/**
 * NclVimeoError:
 * @NCL_VIMEO_ERROR_INVALID_URL: not a link at all: missing, too long, not
 *   UTF-8 text or not URI syntax
 * @NCL_VIMEO_ERROR_NOT_VIMEO: a link to something other than Vimeo, or not
 *   over http(s)
 * @NCL_VIMEO_ERROR_NO_VIDEO_ID: a Vimeo link that names no video (a
 *   channel, a showcase, the home page), or a video ID that is not a number
 *
 * Why a link cannot be played in the embedded Vimeo player.
 */
typedef enum
{
  NCL_VIMEO_ERROR_INVALID_URL,
  NCL_VIMEO_ERROR_NOT_VIMEO,
  NCL_VIMEO_ERROR_NO_VIDEO_ID,
} NclVimeoError;

/* Where Vimeo's player embeds from; the video ID is appended. */
#define NCL_VIMEO_EMBED_BASE "https://player.vimeo.com/video/"

GQuark  ncl_vimeo_error_quark      (void);
char   *ncl_vimeo_parse_id         (const char  *url,
                                    GError     **error);
char   *ncl_vimeo_get_embed_uri    (const char  *id,
                                    const char  *embed_base);

G_END_DECLS
