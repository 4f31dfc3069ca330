/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ncl-format-types.h"

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

/* The page's source is 15 KiB; the limit leaves room for any site layout
 * around it and bounds what a hostile server can make the parser allocate. */
#define NCL_AGENDA_MAX_SIZE (5 * 1024 * 1024)

extern const NclFormat ncl_nats_agenda_format;

GQuark    ncl_agenda_error_quark (void);
NclEvent *ncl_agenda_parse       (GBytes              *bytes,
                                  const NclParseHints *hints,
                                  GError             **error);
gboolean  ncl_agenda_parse_time  (const char          *text,
                                  guint               *hour,
                                  guint               *minute);

G_END_DECLS
