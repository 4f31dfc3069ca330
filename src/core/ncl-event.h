/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ncl-highlight.h"

G_BEGIN_DECLS

#define NCL_TYPE_EVENT (ncl_event_get_type ())

G_DECLARE_FINAL_TYPE (NclEvent, ncl_event, NCL, EVENT, GObject)

NclEvent           *ncl_event_new            (const char         *title);
const char         *ncl_event_get_title      (NclEvent           *self);
GDateTime          *ncl_event_get_date       (NclEvent           *self);
void                ncl_event_set_date       (NclEvent           *self,
                                              GDateTime          *date);
const char         *ncl_event_get_author     (NclEvent           *self);
void                ncl_event_set_author     (NclEvent           *self,
                                              const char         *author);
const char * const *ncl_event_get_tags       (NclEvent           *self);
void                ncl_event_set_tags       (NclEvent           *self,
                                              const char * const *tags);
const char * const *ncl_event_get_categories (NclEvent           *self);
void                ncl_event_set_categories (NclEvent           *self,
                                              const char * const *categories);
const char         *ncl_event_get_intro      (NclEvent           *self);
void                ncl_event_set_intro      (NclEvent           *self,
                                              const char         *markup);
const char         *ncl_event_get_closing    (NclEvent           *self);
void                ncl_event_set_closing    (NclEvent           *self,
                                              const char         *markup);
GListModel         *ncl_event_get_highlights      (NclEvent           *self);
void                ncl_event_add_highlight       (NclEvent           *self,
                                              NclHighlight            *talk);
NclHighlight            *ncl_event_find_highlight      (NclEvent           *self,
                                              guint               number);
const char         *ncl_event_get_uri        (NclEvent           *self);
void                ncl_event_set_uri        (NclEvent           *self,
                                              const char         *uri);
void                ncl_event_update_from    (NclEvent           *self,
                                              NclEvent           *other);

G_END_DECLS
