/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ncl-format-types.h"

G_BEGIN_DECLS

#define NCL_ICAL_ERROR (ncl_ical_error_quark ())

/**
 * NclIcalError:
 * @NCL_ICAL_ERROR_EMPTY: no bytes, or only blanks
 * @NCL_ICAL_ERROR_TOO_LARGE: larger than %NCL_ICAL_MAX_SIZE
 * @NCL_ICAL_ERROR_NOT_ICAL: not an iCalendar file, or a truncated one (a
 *   component left open); the message names the line
 * @NCL_ICAL_ERROR_NO_SESSIONS: no VEVENT with a summary and a start
 *
 * Why a file could not be read as an iCalendar schedule. A VEVENT of it
 * that cannot be read is no error: it is the schedule's problem
 * (ncl_event_get_problems()), and the other events stay.
 */
typedef enum
{
  NCL_ICAL_ERROR_EMPTY,
  NCL_ICAL_ERROR_TOO_LARGE,
  NCL_ICAL_ERROR_NOT_ICAL,
  NCL_ICAL_ERROR_NO_SESSIONS,
} NclIcalError;

/* The same bound as a Pentabarf schedule's: an .ics of FOSDEM is smaller. */
#define NCL_ICAL_MAX_SIZE (64 * 1024 * 1024)

/* Longer than any conference: a longer event is a mistake. */
#define NCL_ICAL_MAX_DURATION_DAYS 31

extern const NclFormat ncl_ical_format;

GQuark    ncl_ical_error_quark (void);
NclEvent *ncl_ical_parse       (GBytes              *bytes,
                                const NclParseHints *hints,
                                GError             **error);
void      ncl_ical_init        (void);

G_END_DECLS
