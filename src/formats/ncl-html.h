/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* Reading libxml2 HTML trees, shared by the post and agenda parsers. Every
 * walk is iterative, so that hostile nesting cannot exhaust the stack. */

gboolean ncl_html_element_is        (xmlNode            *node,
                                     const char         *name);
gboolean ncl_html_element_is_one_of (xmlNode            *node,
                                     const char * const *names,
                                     gsize               n_names);
char    *ncl_html_get_attribute     (xmlNode            *node,
                                     const char         *name);
gboolean ncl_html_has_class         (xmlNode            *node,
                                     const char         *class_name);
xmlNode *ncl_html_tree_next         (xmlNode            *node,
                                     xmlNode            *root,
                                     gboolean            descend,
                                     const char * const *counted,
                                     gsize               n_counted,
                                     guint              *n_left);
xmlNode *ncl_html_next_in_tree      (xmlNode            *node,
                                     xmlNode            *root);
xmlNode *ncl_html_body              (xmlDoc             *doc);

const char *ncl_html_skip_blank_start (const char *text,
                                       gsize       length);
gboolean    ncl_html_is_ascii_blank   (const char *text,
                                       gsize       length);
gboolean    ncl_html_is_blank_text    (const char *text);
char       *ncl_html_one_line         (char       *text);
void        ncl_html_append_plain     (GString    *html,
                                       const char *text);
guint       ncl_html_line_of_offset   (const char *text,
                                       gsize       offset);

G_END_DECLS
