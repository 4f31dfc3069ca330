/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ncl-event.h"
#include "ncl-util.h"

/* The event as the post tells it: front matter, introduction, the
 * highlighted talks in the post's order, and the closing words. */
struct _NclEvent
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
  GListStore *talks;
};

G_DEFINE_FINAL_TYPE (NclEvent, ncl_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DATE,
  PROP_AUTHOR,
  PROP_TAGS,
  PROP_CATEGORIES,
  PROP_INTRO,
  PROP_CLOSING,
  PROP_TALKS,
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
ncl_event_dispose (GObject *object)
{
  NclEvent *self = (NclEvent *)object;

  g_clear_object (&self->talks);

  G_OBJECT_CLASS (ncl_event_parent_class)->dispose (object);
}

static void
ncl_event_finalize (GObject *object)
{
  NclEvent *self = (NclEvent *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->uri, g_free);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->categories, g_strfreev);
  g_clear_pointer (&self->intro, g_free);
  g_clear_pointer (&self->closing, g_free);

  G_OBJECT_CLASS (ncl_event_parent_class)->finalize (object);
}

static void
ncl_event_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  NclEvent *self = NCL_EVENT (object);

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
    case PROP_TALKS:
      g_value_set_object (value, self->talks);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_event_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  NclEvent *self = NCL_EVENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;
    case PROP_DATE:
      ncl_event_set_date (self, g_value_get_boxed (value));
      break;
    case PROP_AUTHOR:
      ncl_event_set_author (self, g_value_get_string (value));
      break;
    case PROP_TAGS:
      ncl_event_set_tags (self, g_value_get_boxed (value));
      break;
    case PROP_CATEGORIES:
      ncl_event_set_categories (self, g_value_get_boxed (value));
      break;
    case PROP_INTRO:
      ncl_event_set_intro (self, g_value_get_string (value));
      break;
    case PROP_CLOSING:
      ncl_event_set_closing (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_event_class_init (NclEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ncl_event_dispose;
  object_class->finalize = ncl_event_finalize;
  object_class->get_property = ncl_event_get_property;
  object_class->set_property = ncl_event_set_property;

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

  properties[PROP_TALKS] =
    g_param_spec_object ("talks", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ncl_event_init (NclEvent *self)
{
  self->talks = g_list_store_new (NCL_TYPE_HIGHLIGHT);
}

NclEvent *
ncl_event_new (const char *title)
{
  g_return_val_if_fail (title != NULL, NULL);

  return g_object_new (NCL_TYPE_EVENT,
                       "title", title,
                       NULL);
}

const char *
ncl_event_get_title (NclEvent *self)
{
  g_return_val_if_fail (NCL_IS_EVENT (self), NULL);

  return self->title;
}

/**
 * ncl_event_get_date:
 *
 * Returns: (nullable) (transfer none): the post's date, a calendar day
 *   (midnight UTC), or %NULL when the post gives none
 */
GDateTime *
ncl_event_get_date (NclEvent *self)
{
  g_return_val_if_fail (NCL_IS_EVENT (self), NULL);

  return self->date;
}

void
ncl_event_set_date (NclEvent  *self,
                    GDateTime *date)
{
  g_return_if_fail (NCL_IS_EVENT (self));

  if (self->date == date ||
      (self->date != NULL && date != NULL && g_date_time_equal (self->date, date)))
    return;

  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = date != NULL ? g_date_time_ref (date) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

const char *
ncl_event_get_author (NclEvent *self)
{
  g_return_val_if_fail (NCL_IS_EVENT (self), NULL);

  return self->author;
}

void
ncl_event_set_author (NclEvent   *self,
                      const char *author)
{
  g_return_if_fail (NCL_IS_EVENT (self));

  if (ncl_set_str (&self->author, author))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

const char * const *
ncl_event_get_tags (NclEvent *self)
{
  g_return_val_if_fail (NCL_IS_EVENT (self), NULL);

  return (const char * const *)self->tags;
}

void
ncl_event_set_tags (NclEvent           *self,
                    const char * const *tags)
{
  g_return_if_fail (NCL_IS_EVENT (self));

  if (strv_equal0 ((const char * const *)self->tags, tags))
    return;

  g_strfreev (self->tags);
  self->tags = g_strdupv ((char **)tags);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

const char * const *
ncl_event_get_categories (NclEvent *self)
{
  g_return_val_if_fail (NCL_IS_EVENT (self), NULL);

  return (const char * const *)self->categories;
}

void
ncl_event_set_categories (NclEvent           *self,
                          const char * const *categories)
{
  g_return_if_fail (NCL_IS_EVENT (self));

  if (strv_equal0 ((const char * const *)self->categories, categories))
    return;

  g_strfreev (self->categories);
  self->categories = g_strdupv ((char **)categories);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORIES]);
}

/**
 * ncl_event_get_intro:
 *
 * Returns: the introduction as Pango markup, paragraphs separated by a blank
 *   line
 */
const char *
ncl_event_get_intro (NclEvent *self)
{
  g_return_val_if_fail (NCL_IS_EVENT (self), NULL);

  return self->intro;
}

void
ncl_event_set_intro (NclEvent   *self,
                     const char *markup)
{
  g_return_if_fail (NCL_IS_EVENT (self));

  if (ncl_set_str (&self->intro, markup))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTRO]);
}

const char *
ncl_event_get_closing (NclEvent *self)
{
  g_return_val_if_fail (NCL_IS_EVENT (self), NULL);

  return self->closing;
}

void
ncl_event_set_closing (NclEvent   *self,
                       const char *markup)
{
  g_return_if_fail (NCL_IS_EVENT (self));

  if (ncl_set_str (&self->closing, markup))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOSING]);
}

/**
 * ncl_event_get_highlights:
 *
 * Returns: (transfer none): a #GListModel of #NclHighlight, in the post's order
 */
GListModel *
ncl_event_get_highlights (NclEvent *self)
{
  g_return_val_if_fail (NCL_IS_EVENT (self), NULL);

  return G_LIST_MODEL (self->talks);
}

void
ncl_event_add_highlight (NclEvent *self,
                    NclHighlight  *talk)
{
  g_return_if_fail (NCL_IS_EVENT (self));
  g_return_if_fail (NCL_IS_HIGHLIGHT (talk));

  g_list_store_append (self->talks, talk);
}

/**
 * ncl_event_find_highlight:
 * @number: the talk's number in the post ("### 3. …" is 3)
 *
 * Returns: (nullable) (transfer none): the talk, or %NULL
 */
NclHighlight *
ncl_event_find_highlight (NclEvent *self,
                     guint     number)
{
  guint n_talks;

  g_return_val_if_fail (NCL_IS_EVENT (self), NULL);

  n_talks = g_list_model_get_n_items (G_LIST_MODEL (self->talks));

  for (guint i = 0; i < n_talks; i++)
    {
      g_autoptr(NclHighlight) talk = g_list_model_get_item (G_LIST_MODEL (self->talks), i);

      if (ncl_highlight_get_number (talk) == number)
        return talk;
    }

  return NULL;
}

/**
 * ncl_event_update_from:
 * @self: the event on screen
 * @other: the same event from a newer revision of the post
 *
 * Brings @self up to date in place: talks that are in both keep their
 * objects (by number), so widgets bound to them update and keep focus;
 * new talks are inserted where the post puts them, and gone ones removed.
 */
void
ncl_event_update_from (NclEvent *self,
                       NclEvent *other)
{
  GListModel *mine;
  GListModel *theirs;
  guint n_theirs;

  g_return_if_fail (NCL_IS_EVENT (self));
  g_return_if_fail (NCL_IS_EVENT (other));

  g_object_freeze_notify (G_OBJECT (self));

  ncl_set_str (&self->uri, other->uri);
  if (ncl_set_str (&self->title, other->title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  ncl_event_set_date (self, other->date);
  ncl_event_set_author (self, other->author);
  ncl_event_set_tags (self, (const char * const *)other->tags);
  ncl_event_set_categories (self, (const char * const *)other->categories);
  ncl_event_set_intro (self, other->intro);
  ncl_event_set_closing (self, other->closing);

  mine = G_LIST_MODEL (self->talks);
  theirs = G_LIST_MODEL (other->talks);
  n_theirs = g_list_model_get_n_items (theirs);

  /* Drop the talks the new post no longer has. */
  for (guint i = g_list_model_get_n_items (mine); i > 0; i--)
    {
      g_autoptr(NclHighlight) talk = g_list_model_get_item (mine, i - 1);

      if (ncl_event_find_highlight (other, ncl_highlight_get_number (talk)) == NULL)
        g_list_store_remove (self->talks, i - 1);
    }

  /* Then walk the new order: update the ones we have, insert the rest. */
  for (guint i = 0; i < n_theirs; i++)
    {
      g_autoptr(NclHighlight) fresh = g_list_model_get_item (theirs, i);
      NclHighlight *existing = ncl_event_find_highlight (self, ncl_highlight_get_number (fresh));
      guint position;

      if (existing == NULL)
        {
          g_list_store_insert (self->talks, MIN (i, g_list_model_get_n_items (mine)), fresh);
          continue;
        }

      ncl_highlight_update_from (existing, fresh);

      if (g_list_store_find (self->talks, existing, &position) && position != i)
        {
          g_object_ref (existing);
          g_list_store_remove (self->talks, position);
          g_list_store_insert (self->talks, MIN (i, g_list_model_get_n_items (mine)), existing);
          g_object_unref (existing);
        }
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * ncl_event_get_uri:
 *
 * Returns: (nullable): the address the post is published at, which its
 *   relative links resolve against and which the player page says it is on
 */
const char *
ncl_event_get_uri (NclEvent *self)
{
  g_return_val_if_fail (NCL_IS_EVENT (self), NULL);

  return self->uri;
}

void
ncl_event_set_uri (NclEvent   *self,
                   const char *uri)
{
  g_return_if_fail (NCL_IS_EVENT (self));

  ncl_set_str (&self->uri, uri);
}
