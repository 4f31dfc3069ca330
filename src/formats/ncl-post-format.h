/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ncl-format-types.h"

G_BEGIN_DECLS

#define NCL_POST_ERROR (ncl_post_error_quark ())

/**
 * NclPostError:
 *
 * Why a post could not be turned into an event. Every error message names
 * the problem and, where it has one, the line it is on.
 */
typedef enum
{
  NCL_POST_ERROR_EMPTY,
  NCL_POST_ERROR_TOO_LARGE,
  NCL_POST_ERROR_INVALID_UTF8,
  NCL_POST_ERROR_FRONT_MATTER_MISSING,
  NCL_POST_ERROR_FRONT_MATTER_UNCLOSED,
  NCL_POST_ERROR_FRONT_MATTER_SYNTAX,
  NCL_POST_ERROR_FRONT_MATTER_TYPE,
  NCL_POST_ERROR_FRONT_MATTER_DUPLICATE,
  NCL_POST_ERROR_MISSING_TITLE,
  NCL_POST_ERROR_BAD_DATE,
  NCL_POST_ERROR_TALK_HEADING,
  NCL_POST_ERROR_DUPLICATE_TALK,
  NCL_POST_ERROR_NO_TALKS,
  NCL_POST_ERROR_TOO_DEEP,
} NclPostError;

/* Larger than any real post by three orders of magnitude, small enough that
 * a hostile file cannot make the parser allocate without bound. */
#define NCL_POST_MAX_SIZE (16 * 1024 * 1024)

extern const NclFormat ncl_post_format;

GQuark    ncl_post_error_quark (void);
NclEvent *ncl_post_parse       (GBytes     *bytes,
                                const char *base_uri,
                                GError    **error);

G_END_DECLS
