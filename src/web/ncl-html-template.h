/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define NCL_HTML_TEMPLATE_ERROR (ncl_html_template_error_quark ())

/**
 * NclHtmlTemplateError:
 * @NCL_HTML_TEMPLATE_ERROR_UNKNOWN_PLACEHOLDER: the template names a
 *   placeholder or section it was not given
 * @NCL_HTML_TEMPLATE_ERROR_UNCLOSED_PLACEHOLDER: a "{{" without its "}}"
 * @NCL_HTML_TEMPLATE_ERROR_BAD_SECTION: a section that is not closed, or
 *   a "{{/name}}" that closes no open section
 */
typedef enum
{
  NCL_HTML_TEMPLATE_ERROR_UNKNOWN_PLACEHOLDER,
  NCL_HTML_TEMPLATE_ERROR_UNCLOSED_PLACEHOLDER,
  NCL_HTML_TEMPLATE_ERROR_BAD_SECTION,
} NclHtmlTemplateError;

GQuark  ncl_html_template_error_quark (void);
char   *ncl_html_escape               (const char          *text);
char   *ncl_html_page_language        (void);
char   *ncl_html_template_fill        (const char          *template_html,
                                       const char * const  *keys_and_values,
                                       GError             **error);

G_END_DECLS
