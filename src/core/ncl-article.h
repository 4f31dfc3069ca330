/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define NCL_TYPE_ARTICLE (ncl_article_get_type ())

G_DECLARE_FINAL_TYPE (NclArticle, ncl_article, NCL, ARTICLE, GObject)

NclArticle         *ncl_article_new            (const char         *title);
const char         *ncl_article_get_title      (NclArticle         *self);
GDateTime          *ncl_article_get_date       (NclArticle         *self);
void                ncl_article_set_date       (NclArticle         *self,
                                                GDateTime          *date);
const char         *ncl_article_get_author     (NclArticle         *self);
void                ncl_article_set_author     (NclArticle         *self,
                                                const char         *author);
const char * const *ncl_article_get_tags       (NclArticle         *self);
void                ncl_article_set_tags       (NclArticle         *self,
                                                const char * const *tags);
const char * const *ncl_article_get_categories (NclArticle         *self);
void                ncl_article_set_categories (NclArticle         *self,
                                                const char * const *categories);
const char         *ncl_article_get_intro      (NclArticle         *self);
void                ncl_article_set_intro      (NclArticle         *self,
                                                const char         *markup);
const char         *ncl_article_get_closing    (NclArticle         *self);
void                ncl_article_set_closing    (NclArticle         *self,
                                                const char         *markup);
const char         *ncl_article_get_uri        (NclArticle         *self);
void                ncl_article_set_uri        (NclArticle         *self,
                                                const char         *uri);
void                ncl_article_update_from    (NclArticle         *self,
                                                NclArticle         *other);

G_END_DECLS
