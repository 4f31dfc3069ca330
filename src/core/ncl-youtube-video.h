/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define NCL_YOUTUBE_ERROR (ncl_youtube_error_quark ())

/**
 * NclYoutubeError:
 * @NCL_YOUTUBE_ERROR_INVALID_URL: not a link at all: missing, too long, not
 *   UTF-8 text or not URI syntax
 * @NCL_YOUTUBE_ERROR_NOT_YOUTUBE: a link to something other than YouTube,
 *   or not over http(s)
 * @NCL_YOUTUBE_ERROR_NO_VIDEO_ID: a YouTube link that names no video (a
 *   channel, a playlist, the home page)
 * @NCL_YOUTUBE_ERROR_BAD_VIDEO_ID: the video ID is not 11 of [A-Za-z0-9_-]
 * @NCL_YOUTUBE_ERROR_BAD_PLAYLIST: the `list` parameter is not 2 to 64 of
 *   [A-Za-z0-9_-]
 * @NCL_YOUTUBE_ERROR_BAD_INDEX: the `index` parameter is not a positive number
 * @NCL_YOUTUBE_ERROR_BAD_START: the `t` or `start` parameter is not a time
 *
 * Why a link cannot be played in the embedded player. Every message quotes
 * the part of the link that is wrong.
 */
typedef enum
{
  NCL_YOUTUBE_ERROR_INVALID_URL,
  NCL_YOUTUBE_ERROR_NOT_YOUTUBE,
  NCL_YOUTUBE_ERROR_NO_VIDEO_ID,
  NCL_YOUTUBE_ERROR_BAD_VIDEO_ID,
  NCL_YOUTUBE_ERROR_BAD_PLAYLIST,
  NCL_YOUTUBE_ERROR_BAD_INDEX,
  NCL_YOUTUBE_ERROR_BAD_START,
} NclYoutubeError;

/* Longer than any real video link by far; refused before any parsing. */
#define NCL_YOUTUBE_MAX_URL_LENGTH 2048

#define NCL_YOUTUBE_ID_LENGTH 11

/* Where the player embeds from: the privacy-enhanced host sets no cookies
 * until the video plays. */
#define NCL_YOUTUBE_EMBED_BASE "https://www.youtube-nocookie.com/embed/"

#define NCL_TYPE_YOUTUBE_VIDEO (ncl_youtube_video_get_type ())

typedef struct _NclYoutubeVideo NclYoutubeVideo;

GQuark           ncl_youtube_error_quark          (void);
GType            ncl_youtube_video_get_type       (void) G_GNUC_CONST;

NclYoutubeVideo *ncl_youtube_parse                (const char       *url,
                                                   GError          **error);

NclYoutubeVideo *ncl_youtube_video_copy           (NclYoutubeVideo  *video);
void             ncl_youtube_video_free           (NclYoutubeVideo  *video);

const char      *ncl_youtube_video_get_id         (NclYoutubeVideo  *video);
const char      *ncl_youtube_video_get_list       (NclYoutubeVideo  *video);
guint            ncl_youtube_video_get_index      (NclYoutubeVideo  *video);
guint            ncl_youtube_video_get_start      (NclYoutubeVideo  *video);

char            *ncl_youtube_video_get_embed_uri  (NclYoutubeVideo  *video,
                                                   const char       *embed_base);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NclYoutubeVideo, ncl_youtube_video_free)

G_END_DECLS
