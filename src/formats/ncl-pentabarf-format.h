/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ncl-format-types.h"

G_BEGIN_DECLS

#define NCL_PENTABARF_ERROR (ncl_pentabarf_error_quark ())

/**
 * NclPentabarfError:
 * @NCL_PENTABARF_ERROR_EMPTY: no bytes, or only blanks
 * @NCL_PENTABARF_ERROR_TOO_LARGE: larger than %NCL_PENTABARF_MAX_SIZE
 * @NCL_PENTABARF_ERROR_NOT_XML: not well-formed XML (truncated, or in
 *   another encoding than it declares); the message names the line
 * @NCL_PENTABARF_ERROR_ENTITIES: it declares entities of its own, which the
 *   app does not expand
 * @NCL_PENTABARF_ERROR_NOT_SCHEDULE: XML, but no `<schedule>`
 * @NCL_PENTABARF_ERROR_NO_SESSIONS: no event with a title and a start
 *
 * Why a file could not be read as a Pentabarf or frab XML schedule. An event
 * of it that cannot be read is no error: it is the schedule's problem
 * (ncl_event_get_problems()), and the other events stay.
 */
typedef enum
{
  NCL_PENTABARF_ERROR_EMPTY,
  NCL_PENTABARF_ERROR_TOO_LARGE,
  NCL_PENTABARF_ERROR_NOT_XML,
  NCL_PENTABARF_ERROR_ENTITIES,
  NCL_PENTABARF_ERROR_NOT_SCHEDULE,
  NCL_PENTABARF_ERROR_NO_SESSIONS,
} NclPentabarfError;

/* FOSDEM's schedule, the largest in use, is about 6 MiB. */
#define NCL_PENTABARF_MAX_SIZE (64 * 1024 * 1024)

extern const NclFormat ncl_pentabarf_format;

GQuark    ncl_pentabarf_error_quark     (void);
NclEvent *ncl_pentabarf_parse           (GBytes              *bytes,
                                         const NclParseHints *hints,
                                         GError             **error);

G_END_DECLS
