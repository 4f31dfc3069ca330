/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ncl-event.h"

G_BEGIN_DECLS

#define NCL_ICAL_WRITER_ERROR (ncl_ical_writer_error_quark ())

/**
 * NclIcalWriterError:
 * @NCL_ICAL_WRITER_ERROR_NO_SESSIONS: nothing to write: no session with a
 *   start
 *
 * Why an event could not be exported as an iCalendar file.
 */
typedef enum
{
  NCL_ICAL_WRITER_ERROR_NO_SESSIONS,
} NclIcalWriterError;

GQuark  ncl_ical_writer_error_quark (void);
char   *ncl_ical_write              (NclEvent   *event,
                                     GPtrArray  *only_sessions,
                                     gsize      *length,
                                     GError    **error);

G_END_DECLS
