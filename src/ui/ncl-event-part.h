/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ncl-event.h"

G_BEGIN_DECLS

typedef enum
{
  NCL_EVENT_PART_HEADER,
  NCL_EVENT_PART_CLOSING,
} NclEventPartKind;

#define NCL_TYPE_EVENT_PART (ncl_event_part_get_type ())

G_DECLARE_FINAL_TYPE (NclEventPart, ncl_event_part, NCL, EVENT_PART, GObject)

NclEventPart     *ncl_event_part_new       (NclEvent         *event,
                                            NclEventPartKind  kind);
NclEvent         *ncl_event_part_get_event (NclEventPart     *self);
NclEventPartKind  ncl_event_part_get_kind  (NclEventPart     *self);

G_END_DECLS
