/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* Turns HTML trees into Pango markup: every piece of text is escaped, links
 * keep their (resolved, http/https/mailto only) targets, paragraphs and line
 * breaks become newlines, everything else is dropped. */
typedef struct _NclMarkupBuilder NclMarkupBuilder;

/* How deep libxml2 lets elements nest (its xmlParserMaxDepth) before it
 * stops reading a page. */
#define NCL_HTML_MAX_DEPTH 256

typedef gboolean (*NclMarkupFilter) (xmlNode  *node,
                                     gpointer  user_data);

NclMarkupBuilder *ncl_markup_builder_new        (const char       *base_uri);
void              ncl_markup_builder_set_filter (NclMarkupBuilder *self,
                                                 NclMarkupFilter   filter,
                                                 gpointer          user_data);
void              ncl_markup_builder_append     (NclMarkupBuilder *self,
                                                 xmlNode          *node);
void              ncl_markup_builder_paragraph  (NclMarkupBuilder *self);
gboolean          ncl_markup_builder_is_empty   (NclMarkupBuilder *self);
char             *ncl_markup_builder_end        (NclMarkupBuilder *self,
                                                 char            **plain_text);
void              ncl_markup_builder_free       (NclMarkupBuilder *self);

xmlDoc           *ncl_html_parse                (const char       *html,
                                                 gsize             length,
                                                 const char       *base_uri);
xmlDoc           *ncl_html_parse_with           (htmlParserCtxt   *context,
                                                 const char       *html,
                                                 gsize             length,
                                                 const char       *base_uri);
xmlDoc           *ncl_html_parse_full           (const char       *html,
                                                 gsize             length,
                                                 const char       *base_uri,
                                                 guint            *too_deep_at_line);
char             *ncl_markup_from_html          (const char       *html,
                                                 gsize             length,
                                                 const char       *base_uri,
                                                 char            **plain_text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NclMarkupBuilder, ncl_markup_builder_free)

guint             ncl_html_context_too_deep     (htmlParserCtxt   *ctxt);

G_END_DECLS
