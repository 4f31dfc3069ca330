/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ncl-format-types.h"

G_BEGIN_DECLS

#define NCL_FORMAT_ERROR (ncl_format_error_quark ())

/**
 * NclFormatError:
 * @NCL_FORMAT_ERROR_EMPTY: the document has no bytes, or only blanks
 * @NCL_FORMAT_ERROR_UNKNOWN: it is none of the formats the app reads; the
 *   message names them
 *
 * Errors of a document's format itself; a format's own errors (its
 * domain) say what is wrong inside a document it recognised.
 */
typedef enum
{
  NCL_FORMAT_ERROR_EMPTY,
  NCL_FORMAT_ERROR_UNKNOWN,
} NclFormatError;

GQuark           ncl_format_error_quark (void);
const NclFormat *ncl_format_find        (const char          *name);
const NclFormat *ncl_format_sniff       (GBytes              *bytes);
NclEvent        *ncl_format_parse       (GBytes              *bytes,
                                         const NclParseHints *hints,
                                         const NclFormat    **format,
                                         GError             **error);

G_END_DECLS
