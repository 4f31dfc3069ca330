/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ncl-session.h"

G_BEGIN_DECLS

/**
 * NclSpeakerLinkKind:
 *
 * What a speaker's link points at, told by its host (or, for e-mail, its
 * scheme); any other web page is %NCL_SPEAKER_LINK_WEBSITE.
 */
typedef enum
{
  NCL_SPEAKER_LINK_WEBSITE,
  NCL_SPEAKER_LINK_GITHUB,
  NCL_SPEAKER_LINK_GITLAB,
  NCL_SPEAKER_LINK_LINKEDIN,
  NCL_SPEAKER_LINK_TWITTER,
  NCL_SPEAKER_LINK_EMAIL,
} NclSpeakerLinkKind;

typedef struct
{
  NclSpeakerLinkKind kind;
  char *uri;
} NclSpeakerLink;

#define NCL_TYPE_SPEAKER_LINK_KIND (ncl_speaker_link_kind_get_type ())
#define NCL_TYPE_SPEAKER (ncl_speaker_get_type ())

GType ncl_speaker_link_kind_get_type (void);

G_DECLARE_FINAL_TYPE (NclSpeaker, ncl_speaker, NCL, SPEAKER, GObject)

NclSpeaker           *ncl_speaker_new                 (const char          *name);
const char           *ncl_speaker_get_name            (NclSpeaker          *self);
const char           *ncl_speaker_get_affiliation     (NclSpeaker          *self);
const char           *ncl_speaker_get_search_text     (NclSpeaker          *self);
void                  ncl_speaker_set_affiliation     (NclSpeaker          *self,
                                                       const char          *affiliation);
const char           *ncl_speaker_get_affiliation_url (NclSpeaker          *self);
void                  ncl_speaker_set_affiliation_url (NclSpeaker          *self,
                                                       const char          *url);
guint                 ncl_speaker_get_n_links         (NclSpeaker          *self);
const NclSpeakerLink *ncl_speaker_get_link            (NclSpeaker          *self,
                                                       guint                position);
const char           *ncl_speaker_find_link           (NclSpeaker          *self,
                                                       NclSpeakerLinkKind   kind);
gboolean              ncl_speaker_add_link            (NclSpeaker          *self,
                                                       const char          *uri);
GListModel           *ncl_speaker_get_sessions        (NclSpeaker          *self);
void                  ncl_speaker_set_sessions        (NclSpeaker          *self,
                                                       GPtrArray           *sessions);

NclSpeakerLinkKind    ncl_speaker_link_kind_for_uri   (const char          *uri);

G_END_DECLS
