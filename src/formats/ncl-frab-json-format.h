/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ncl-format-types.h"

G_BEGIN_DECLS

#define NCL_FRAB_JSON_ERROR (ncl_frab_json_error_quark ())

/**
 * NclFrabJsonError:
 * @NCL_FRAB_JSON_ERROR_EMPTY: no bytes, or only blanks
 * @NCL_FRAB_JSON_ERROR_TOO_LARGE: larger than %NCL_FRAB_JSON_MAX_SIZE
 * @NCL_FRAB_JSON_ERROR_NOT_JSON: not JSON (truncated, not UTF-8, or nested
 *   deeper than %NCL_FRAB_JSON_MAX_DEPTH); the message names the line
 * @NCL_FRAB_JSON_ERROR_NOT_SCHEDULE: JSON, but without a `schedule` object
 *   with a `conference`
 * @NCL_FRAB_JSON_ERROR_NO_SESSIONS: no event with a title and a start
 *
 * Why a file could not be read as a frab or pretalx schedule.json. An event
 * of it that cannot be read is no error: it is the schedule's problem
 * (ncl_event_get_problems()), and the other events stay.
 */
typedef enum
{
  NCL_FRAB_JSON_ERROR_EMPTY,
  NCL_FRAB_JSON_ERROR_TOO_LARGE,
  NCL_FRAB_JSON_ERROR_NOT_JSON,
  NCL_FRAB_JSON_ERROR_NOT_SCHEDULE,
  NCL_FRAB_JSON_ERROR_NO_SESSIONS,
} NclFrabJsonError;

/* The same bound as the XML schedule's. */
#define NCL_FRAB_JSON_MAX_SIZE (64 * 1024 * 1024)

/* A schedule nests seven deep (schedule, conference, days, a day, rooms, a
 * room, an event, its persons); json-glib's parser recurses, so a deeper
 * file is refused before it reads it. */
#define NCL_FRAB_JSON_MAX_DEPTH 64

extern const NclFormat ncl_frab_json_format;

GQuark    ncl_frab_json_error_quark (void);
NclEvent *ncl_frab_json_parse       (GBytes              *bytes,
                                     const NclParseHints *hints,
                                     GError             **error);

G_END_DECLS
