/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ncl-event.h"

G_BEGIN_DECLS

#define NCL_AGENDA_ERROR (ncl_agenda_error_quark ())

/**
 * NclAgendaError:
 *
 * Why a page could not be read as the event's agenda. Rows and speakers
 * that cannot be read are not errors: they are the schedule's problems.
 */
typedef enum
{
  NCL_AGENDA_ERROR_EMPTY,
  NCL_AGENDA_ERROR_TOO_LARGE,
  NCL_AGENDA_ERROR_INVALID_UTF8,
  NCL_AGENDA_ERROR_NOT_AGENDA,
  NCL_AGENDA_ERROR_NO_SESSIONS,
} NclAgendaError;

/* The page with the agenda and the speaker list. */
#define NCL_AGENDA_PAGE_URI "https://nats.io/nats_connect/"

/* The page's source is 15 KiB; the limit leaves room for any site layout
 * around it and bounds what a hostile server can make the parser allocate. */
#define NCL_AGENDA_MAX_SIZE (5 * 1024 * 1024)

/* When the page has no heading with the date: the day of NATS Connect Live. */
#define NCL_AGENDA_FALLBACK_ZONE "America/Los_Angeles"
#define NCL_AGENDA_FALLBACK_YEAR 2020
#define NCL_AGENDA_FALLBACK_MONTH 4
#define NCL_AGENDA_FALLBACK_DAY 16

GQuark       ncl_agenda_error_quark (void);
NclEvent *ncl_agenda_parse       (GBytes      *bytes,
                                     const char  *base_uri,
                                     GError     **error);
gboolean     ncl_agenda_parse_time  (const char  *text,
                                     guint       *hour,
                                     guint       *minute);

G_END_DECLS
