/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ncl-article.h"
#include "ncl-util.h"

/* What a post says about the event around its talks: the front matter
 * (title, date, author, tags), the introduction and the closing words.
 * Its highlighted talks are the event's (ncl_event_get_highlights()). */
struct _NclArticle
{
  GObject parent_instance;

  char *title;
  GDateTime *date;
  char *author;
  GStrv tags;
  GStrv categories;
  char *intro;
  char *closing;
  char *uri;  /* where the post is published */
};

G_DEFINE_FINAL_TYPE (NclArticle, ncl_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DATE,
  PROP_AUTHOR,
  PROP_TAGS,
  PROP_CATEGORIES,
  PROP_INTRO,
  PROP_CLOSING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
strv_equal0 (const char * const *a,
             const char * const *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strv_equal (a, b);
}

static void
ncl_article_finalize (GObject *object)
{
  NclArticle *self = (NclArticle *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->uri, g_free);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->categories, g_strfreev);
  g_clear_pointer (&self->intro, g_free);
  g_clear_pointer (&self->closing, g_free);

  G_OBJECT_CLASS (ncl_article_parent_class)->finalize (object);
}

static void
ncl_article_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  NclArticle *self = NCL_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    case PROP_CATEGORIES:
      g_value_set_boxed (value, self->categories);
      break;
    case PROP_INTRO:
      g_value_set_string (value, self->intro);
      break;
    case PROP_CLOSING:
      g_value_set_string (value, self->closing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_article_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  NclArticle *self = NCL_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;
    case PROP_DATE:
      ncl_article_set_date (self, g_value_get_boxed (value));
      break;
    case PROP_AUTHOR:
      ncl_article_set_author (self, g_value_get_string (value));
      break;
    case PROP_TAGS:
      ncl_article_set_tags (self, g_value_get_boxed (value));
      break;
    case PROP_CATEGORIES:
      ncl_article_set_categories (self, g_value_get_boxed (value));
      break;
    case PROP_INTRO:
      ncl_article_set_intro (self, g_value_get_string (value));
      break;
    case PROP_CLOSING:
      ncl_article_set_closing (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_article_class_init (NclArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ncl_article_finalize;
  object_class->get_property = ncl_article_get_property;
  object_class->set_property = ncl_article_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CATEGORIES] =
    g_param_spec_boxed ("categories", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_INTRO] =
    g_param_spec_string ("intro", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CLOSING] =
    g_param_spec_string ("closing", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));


  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ncl_article_init (NclArticle *self)
{
}

NclArticle *
ncl_article_new (const char *title)
{
  g_return_val_if_fail (title != NULL, NULL);

  return g_object_new (NCL_TYPE_ARTICLE,
                       "title", title,
                       NULL);
}

const char *
ncl_article_get_title (NclArticle *self)
{
  g_return_val_if_fail (NCL_IS_ARTICLE (self), NULL);

  return self->title;
}

/**
 * ncl_article_get_date:
 *
 * Returns: (nullable) (transfer none): the post's date, a calendar day
 *   (midnight UTC), or %NULL when the post gives none
 */
GDateTime *
ncl_article_get_date (NclArticle *self)
{
  g_return_val_if_fail (NCL_IS_ARTICLE (self), NULL);

  return self->date;
}

void
ncl_article_set_date (NclArticle *self,
                      GDateTime  *date)
{
  g_return_if_fail (NCL_IS_ARTICLE (self));

  if (self->date == date ||
      (self->date != NULL && date != NULL && g_date_time_equal (self->date, date)))
    return;

  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = date != NULL ? g_date_time_ref (date) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
ncl_article_get_author (NclArticle *self)
{
  g_return_val_if_fail (NCL_IS_ARTICLE (self), NULL);

  return self->author;
}

void
ncl_article_set_author (NclArticle *self,
                        const char *author)
{
  g_return_if_fail (NCL_IS_ARTICLE (self));

  if (ncl_set_str (&self->author, author))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

const char * const *
ncl_article_get_tags (NclArticle *self)
{
  g_return_val_if_fail (NCL_IS_ARTICLE (self), NULL);

  return (const char * const *)self->tags;
}

void
ncl_article_set_tags (NclArticle         *self,
                      const char * const *tags)
{
  g_return_if_fail (NCL_IS_ARTICLE (self));

  if (strv_equal0 ((const char * const *)self->tags, tags))
    return;

  g_strfreev (self->tags);
  self->tags = g_strdupv ((char **)tags);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

const char * const *
ncl_article_get_categories (NclArticle *self)
{
  g_return_val_if_fail (NCL_IS_ARTICLE (self), NULL);

  return (const char * const *)self->categories;
}

void
ncl_article_set_categories (NclArticle         *self,
                            const char * const *categories)
{
  g_return_if_fail (NCL_IS_ARTICLE (self));

  if (strv_equal0 ((const char * const *)self->categories, categories))
    return;

  g_strfreev (self->categories);
  self->categories = g_strdupv ((char **)categories);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORIES]);
}

/**
 * ncl_article_get_intro:
 *
 * Returns: the introduction as Pango markup, paragraphs separated by a blank
 *   line
 */
const char *
ncl_article_get_intro (NclArticle *self)
{
  g_return_val_if_fail (NCL_IS_ARTICLE (self), NULL);

  return self->intro;
}

void
ncl_article_set_intro (NclArticle *self,
                       const char *markup)
{
  g_return_if_fail (NCL_IS_ARTICLE (self));

  if (ncl_set_str (&self->intro, markup))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTRO]);
}

const char *
ncl_article_get_closing (NclArticle *self)
{
  g_return_val_if_fail (NCL_IS_ARTICLE (self), NULL);

  return self->closing;
}

void
ncl_article_set_closing (NclArticle *self,
                         const char *markup)
{
  g_return_if_fail (NCL_IS_ARTICLE (self));

  if (ncl_set_str (&self->closing, markup))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOSING]);
}

/**
 * ncl_article_update_from:
 * @self: the article on screen
 * @other: the same article from a newer revision of the post
 *
 * Brings @self up to date in place, notifying what changed.
 */
void
ncl_article_update_from (NclArticle *self,
                         NclArticle *other)
{
  g_return_if_fail (NCL_IS_ARTICLE (self));
  g_return_if_fail (NCL_IS_ARTICLE (other));

  g_object_freeze_notify (G_OBJECT (self));

  ncl_set_str (&self->uri, other->uri);
  if (ncl_set_str (&self->title, other->title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  ncl_article_set_date (self, other->date);
  ncl_article_set_author (self, other->author);
  ncl_article_set_tags (self, (const char * const *)other->tags);
  ncl_article_set_categories (self, (const char * const *)other->categories);
  ncl_article_set_intro (self, other->intro);
  ncl_article_set_closing (self, other->closing);

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * ncl_article_get_uri:
 *
 * Returns: (nullable): the address the post is published at, which its
 *   relative links resolve against and which the player page says it is on
 */
const char *
ncl_article_get_uri (NclArticle *self)
{
  g_return_val_if_fail (NCL_IS_ARTICLE (self), NULL);

  return self->uri;
}

void
ncl_article_set_uri (NclArticle *self,
                     const char *uri)
{
  g_return_if_fail (NCL_IS_ARTICLE (self));

  ncl_set_str (&self->uri, uri);
}
