/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ncl-link.h"
#include "ncl-session.h"

G_BEGIN_DECLS

typedef struct
{
  NclLinkKind kind;
  char *uri;
} NclSpeakerLink;

#define NCL_TYPE_SPEAKER (ncl_speaker_get_type ())

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
                                                       NclLinkKind          kind);
gboolean              ncl_speaker_add_link            (NclSpeaker          *self,
                                                       const char          *uri);
GListModel           *ncl_speaker_get_sessions        (NclSpeaker          *self);
void                  ncl_speaker_set_sessions        (NclSpeaker          *self,
                                                       GPtrArray           *sessions);


G_END_DECLS
