/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * NclLinkKind:
 * @NCL_LINK_WEB_PAGE: any other web page (or what is no web link at all)
 * @NCL_LINK_SLIDES: a talk's slides (slideshare.net, slides.com)
 * @NCL_LINK_VIDEO: a video (youtube.com, youtu.be, vimeo.com)
 * @NCL_LINK_GITHUB: a GitHub profile or project
 * @NCL_LINK_GITLAB: a GitLab profile or project
 * @NCL_LINK_LINKEDIN: a LinkedIn profile
 * @NCL_LINK_TWITTER: a Twitter (X) profile
 * @NCL_LINK_EMAIL: an e-mail address (mailto:)
 *
 * What a link points at, told by its host (or, for e-mail, its scheme) by
 * ncl_link_classify(), for the post's talks and the speakers alike.
 */
typedef enum
{
  NCL_LINK_WEB_PAGE,
  NCL_LINK_SLIDES,
  NCL_LINK_VIDEO,
  NCL_LINK_GITHUB,
  NCL_LINK_GITLAB,
  NCL_LINK_LINKEDIN,
  NCL_LINK_TWITTER,
  NCL_LINK_EMAIL,
} NclLinkKind;

#define NCL_TYPE_LINK_KIND (ncl_link_kind_get_type ())

GType        ncl_link_kind_get_type (void);

NclLinkKind  ncl_link_classify    (const char *uri);
char        *ncl_link_resolve     (const char *base_uri,
                                   const char *reference);
gboolean     ncl_link_is_safe     (const char *uri);
gboolean     ncl_link_is_video_file (const char *uri);
gboolean     ncl_link_has_extension (const char         *uri,
                                     const char * const *extensions);

G_END_DECLS
