/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define NCL_FRONT_MATTER_ERROR (ncl_front_matter_error_quark ())

/**
 * NclFrontMatterError:
 *
 * Why a post's front matter could not be read. Every message names the line.
 */
typedef enum
{
  NCL_FRONT_MATTER_ERROR_MISSING,
  NCL_FRONT_MATTER_ERROR_UNCLOSED,
  NCL_FRONT_MATTER_ERROR_SYNTAX,
  NCL_FRONT_MATTER_ERROR_TYPE,
  NCL_FRONT_MATTER_ERROR_DUPLICATE,
} NclFrontMatterError;

typedef struct _NclFrontMatter NclFrontMatter;

GQuark              ncl_front_matter_error_quark (void);

NclFrontMatter     *ncl_front_matter_parse      (const char      *text,
                                                 gsize            length,
                                                 gsize           *body_offset,
                                                 guint           *body_line,
                                                 GError         **error);
gboolean            ncl_front_matter_has_key    (NclFrontMatter  *self,
                                                 const char      *key);
const char         *ncl_front_matter_get_string (NclFrontMatter  *self,
                                                 const char      *key,
                                                 GError         **error);
const char * const *ncl_front_matter_get_strv   (NclFrontMatter  *self,
                                                 const char      *key,
                                                 GError         **error);
guint               ncl_front_matter_get_line   (NclFrontMatter  *self,
                                                 const char      *key);
void                ncl_front_matter_free       (NclFrontMatter  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NclFrontMatter, ncl_front_matter_free)

G_END_DECLS
