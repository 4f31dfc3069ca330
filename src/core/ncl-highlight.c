/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ncl-fold.h"
#include "ncl-query.h"
#include "ncl-highlight.h"
#include "ncl-util.h"

/* One highlighted talk of the post. Text fields that the UI shows with links
 * (the description) are Pango markup; every other string is plain text. */
struct _NclHighlight
{
  GObject parent_instance;

  guint number;
  char *title;
  char *description;
  char *description_text;
  char *slides_url;
  char *video_url;
  char *picture_url;
  char *picture_alt;
  /* Made from a schedule's session, not highlighted by a post. */
  gboolean from_schedule;

  /* From the agenda, once it is known. */
  char *speakers;
  GDateTime *start;
  char *session_id;

  /* Derived, made on first use and dropped when a field they come from
   * changes. */
  char *id;
  char *search_text;
  char *ids[3];
};

G_DEFINE_FINAL_TYPE (NclHighlight, ncl_highlight, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_DESCRIPTION_TEXT,
  PROP_SLIDES_URL,
  PROP_VIDEO_URL,
  PROP_PICTURE_URL,
  PROP_PICTURE_ALT,
  PROP_SPEAKERS,
  PROP_START,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string_prop (NclHighlight  *self,
                 char         **field,
                 const char    *value,
                 guint          prop_id)
{
  if (ncl_set_str (field, value))
    {
      g_clear_pointer (&self->search_text, g_free);
      if (prop_id == PROP_TITLE)
        g_clear_pointer (&self->id, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
    }
}

static void
ncl_highlight_finalize (GObject *object)
{
  NclHighlight *self = (NclHighlight *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->description_text, g_free);
  g_clear_pointer (&self->slides_url, g_free);
  g_clear_pointer (&self->video_url, g_free);
  g_clear_pointer (&self->picture_url, g_free);
  g_clear_pointer (&self->picture_alt, g_free);
  g_clear_pointer (&self->speakers, g_free);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->session_id, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->search_text, g_free);

  G_OBJECT_CLASS (ncl_highlight_parent_class)->finalize (object);
}

static void
ncl_highlight_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  NclHighlight *self = NCL_HIGHLIGHT (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_DESCRIPTION_TEXT:
      g_value_set_string (value, self->description_text);
      break;
    case PROP_SLIDES_URL:
      g_value_set_string (value, self->slides_url);
      break;
    case PROP_VIDEO_URL:
      g_value_set_string (value, self->video_url);
      break;
    case PROP_PICTURE_URL:
      g_value_set_string (value, self->picture_url);
      break;
    case PROP_PICTURE_ALT:
      g_value_set_string (value, self->picture_alt);
      break;
    case PROP_SPEAKERS:
      g_value_set_string (value, self->speakers);
      break;
    case PROP_START:
      g_value_set_boxed (value, self->start);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_highlight_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  NclHighlight *self = NCL_HIGHLIGHT (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      self->number = g_value_get_uint (value);
      break;
    case PROP_TITLE:
      ncl_highlight_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      ncl_highlight_set_description (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION_TEXT:
      ncl_highlight_set_description_text (self, g_value_get_string (value));
      break;
    case PROP_SLIDES_URL:
      ncl_highlight_set_slides_url (self, g_value_get_string (value));
      break;
    case PROP_VIDEO_URL:
      ncl_highlight_set_video_url (self, g_value_get_string (value));
      break;
    case PROP_PICTURE_URL:
      ncl_highlight_set_picture_url (self, g_value_get_string (value));
      break;
    case PROP_PICTURE_ALT:
      ncl_highlight_set_picture_alt (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_highlight_class_init (NclHighlightClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ncl_highlight_finalize;
  object_class->get_property = ncl_highlight_get_property;
  object_class->set_property = ncl_highlight_set_property;

  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DESCRIPTION_TEXT] =
    g_param_spec_string ("description-text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SLIDES_URL] =
    g_param_spec_string ("slides-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_VIDEO_URL] =
    g_param_spec_string ("video-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PICTURE_URL] =
    g_param_spec_string ("picture-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PICTURE_ALT] =
    g_param_spec_string ("picture-alt", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SPEAKERS] =
    g_param_spec_string ("speakers", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ncl_highlight_init (NclHighlight *self)
{
}

NclHighlight *
ncl_highlight_new (guint       number,
                   const char *title)
{
  g_return_val_if_fail (title != NULL, NULL);

  return g_object_new (NCL_TYPE_HIGHLIGHT,
                       "number", number,
                       "title", title,
                       NULL);
}

guint
ncl_highlight_get_number (NclHighlight *self)
{
  g_return_val_if_fail (NCL_IS_HIGHLIGHT (self), 0);

  return self->number;
}

const char *
ncl_highlight_get_title (NclHighlight *self)
{
  g_return_val_if_fail (NCL_IS_HIGHLIGHT (self), NULL);

  return self->title;
}

void
ncl_highlight_set_title (NclHighlight *self,
                         const char   *title)
{
  g_return_if_fail (NCL_IS_HIGHLIGHT (self));
  g_return_if_fail (title != NULL);

  set_string_prop (self, &self->title, title, PROP_TITLE);
}

const char *
ncl_highlight_get_description (NclHighlight *self)
{
  g_return_val_if_fail (NCL_IS_HIGHLIGHT (self), NULL);

  return self->description;
}

void
ncl_highlight_set_description (NclHighlight *self,
                               const char   *markup)
{
  g_return_if_fail (NCL_IS_HIGHLIGHT (self));

  set_string_prop (self, &self->description, markup, PROP_DESCRIPTION);
}

const char *
ncl_highlight_get_description_text (NclHighlight *self)
{
  g_return_val_if_fail (NCL_IS_HIGHLIGHT (self), NULL);

  return self->description_text;
}

void
ncl_highlight_set_description_text (NclHighlight *self,
                                    const char   *text)
{
  g_return_if_fail (NCL_IS_HIGHLIGHT (self));

  set_string_prop (self, &self->description_text, text, PROP_DESCRIPTION_TEXT);
}

const char *
ncl_highlight_get_slides_url (NclHighlight *self)
{
  g_return_val_if_fail (NCL_IS_HIGHLIGHT (self), NULL);

  return self->slides_url;
}

void
ncl_highlight_set_slides_url (NclHighlight *self,
                              const char   *url)
{
  g_return_if_fail (NCL_IS_HIGHLIGHT (self));

  set_string_prop (self, &self->slides_url, url, PROP_SLIDES_URL);
}

const char *
ncl_highlight_get_video_url (NclHighlight *self)
{
  g_return_val_if_fail (NCL_IS_HIGHLIGHT (self), NULL);

  return self->video_url;
}

void
ncl_highlight_set_video_url (NclHighlight *self,
                             const char   *url)
{
  g_return_if_fail (NCL_IS_HIGHLIGHT (self));

  set_string_prop (self, &self->video_url, url, PROP_VIDEO_URL);
}

const char *
ncl_highlight_get_picture_url (NclHighlight *self)
{
  g_return_val_if_fail (NCL_IS_HIGHLIGHT (self), NULL);

  return self->picture_url;
}

void
ncl_highlight_set_picture_url (NclHighlight *self,
                               const char   *url)
{
  g_return_if_fail (NCL_IS_HIGHLIGHT (self));

  set_string_prop (self, &self->picture_url, url, PROP_PICTURE_URL);
}

const char *
ncl_highlight_get_picture_alt (NclHighlight *self)
{
  g_return_val_if_fail (NCL_IS_HIGHLIGHT (self), NULL);

  return self->picture_alt;
}

void
ncl_highlight_set_picture_alt (NclHighlight *self,
                               const char   *alt)
{
  g_return_if_fail (NCL_IS_HIGHLIGHT (self));

  set_string_prop (self, &self->picture_alt, alt, PROP_PICTURE_ALT);
}

/**
 * ncl_highlight_update_from:
 * @self: a talk shown on screen
 * @other: the same talk from a newer revision of the post
 *
 * Copies what may change between revisions, so that widgets bound to @self
 * update in place (and keep focus) instead of being rebuilt.
 */
void
ncl_highlight_update_from (NclHighlight *self,
                           NclHighlight *other)
{
  g_return_if_fail (NCL_IS_HIGHLIGHT (self));
  g_return_if_fail (NCL_IS_HIGHLIGHT (other));

  g_object_freeze_notify (G_OBJECT (self));
  ncl_highlight_set_title (self, other->title);
  ncl_highlight_set_description (self, other->description);
  ncl_highlight_set_description_text (self, other->description_text);
  ncl_highlight_set_slides_url (self, other->slides_url);
  ncl_highlight_set_video_url (self, other->video_url);
  ncl_highlight_set_picture_url (self, other->picture_url);
  ncl_highlight_set_picture_alt (self, other->picture_alt);
  self->from_schedule = other->from_schedule;
  /* A schedule's card is its session's: a refresh may give the number to
   * another talk. A post's talk finds its session by matching. */
  if (other->from_schedule)
    ncl_set_str (&self->session_id, other->session_id);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * ncl_highlight_new_from_schedule:
 * @session_id: the id of the schedule's session the card is
 *
 * A card for a schedule's talk, where no post highlights any; its
 * description, slides and recording are set as a post's are.
 *
 * Returns: (transfer full): the highlight
 */
NclHighlight *
ncl_highlight_new_from_schedule (guint       number,
                                 const char *title,
                                 const char *session_id)
{
  NclHighlight *self = ncl_highlight_new (number, title);

  self->from_schedule = TRUE;
  self->session_id = g_strdup (session_id);

  return self;
}

/**
 * ncl_highlight_get_from_schedule:
 *
 * Returns: whether the highlight is a schedule's talk with slides or a
 *   recording (ncl_highlight_new_from_schedule()) rather than a post's
 */
gboolean
ncl_highlight_get_from_schedule (NclHighlight *self)
{
  g_return_val_if_fail (NCL_IS_HIGHLIGHT (self), FALSE);

  return self->from_schedule;
}

/**
 * ncl_highlight_get_speakers:
 *
 * Returns: (nullable): who gives the talk, as the agenda names them, once
 *   the talk was found in the agenda
 */
const char *
ncl_highlight_get_speakers (NclHighlight *self)
{
  g_return_val_if_fail (NCL_IS_HIGHLIGHT (self), NULL);

  return self->speakers;
}

/**
 * ncl_highlight_get_start:
 *
 * Returns: (nullable): when the talk was scheduled, in the event's zone
 */
GDateTime *
ncl_highlight_get_start (NclHighlight *self)
{
  g_return_val_if_fail (NCL_IS_HIGHLIGHT (self), NULL);

  return self->start;
}

/**
 * ncl_highlight_set_schedule:
 * @speakers: (nullable): who gives it, from the agenda
 * @start: (nullable): when it was scheduled
 *
 * Links the talk to its session of the agenda.
 */
void
ncl_highlight_set_schedule (NclHighlight *self,
                            const char   *speakers,
                            GDateTime    *start)
{
  g_return_if_fail (NCL_IS_HIGHLIGHT (self));

  if (ncl_set_str (&self->speakers, speakers))
    {
      g_clear_pointer (&self->search_text, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEAKERS]);
    }

  if (self->start != start &&
      (self->start == NULL || start == NULL || !g_date_time_equal (self->start, start)))
    {
      g_clear_pointer (&self->start, g_date_time_unref);
      self->start = start != NULL ? g_date_time_ref (start) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
    }
}

/**
 * ncl_highlight_set_session_id:
 * @session_id: (nullable): the id of the talk's session in the agenda
 *
 * A starred talk is its session starred too, and the other way around (see
 * #NclStars).
 */
void
ncl_highlight_set_session_id (NclHighlight *self,
                              const char   *session_id)
{
  g_return_if_fail (NCL_IS_HIGHLIGHT (self));

  ncl_set_str (&self->session_id, session_id);
}

/**
 * ncl_highlight_get_session_id:
 *
 * Returns: (nullable): the id of the talk's session in the agenda, once
 *   it is known
 */
const char *
ncl_highlight_get_session_id (NclHighlight *self)
{
  g_return_val_if_fail (NCL_IS_HIGHLIGHT (self), NULL);

  return self->session_id;
}

/**
 * ncl_highlight_get_id:
 *
 * The talk's stable id: "talk/" and its folded title, with dashes
 * ("talk/serverless-and-openfaas-and-nats"). It stays the same when the
 * post is refreshed, reordered or gains talks; it changes only with the
 * title's words.
 *
 * Returns: the id
 */
const char *
ncl_highlight_get_id (NclHighlight *self)
{
  g_return_val_if_fail (NCL_IS_HIGHLIGHT (self), NULL);

  if (self->id == NULL)
    {
      g_autofree char *folded = ncl_fold (self->title != NULL ? self->title : "");

      g_strdelimit (folded, " ", '-');
      self->id = g_strconcat ("talk/", folded, NULL);
    }

  return self->id;
}

/**
 * ncl_highlight_get_star_ids:
 *
 * Returns: (transfer none): the ids the talk is starred under: its own, then
 *   its session's once the agenda is known
 */
const char * const *
ncl_highlight_get_star_ids (NclHighlight *self)
{
  g_return_val_if_fail (NCL_IS_HIGHLIGHT (self), NULL);

  self->ids[0] = (char *)ncl_highlight_get_id (self);
  self->ids[1] = self->session_id;
  self->ids[2] = NULL;

  return (const char * const *)self->ids;
}

/**
 * ncl_highlight_get_search_text:
 *
 * Returns: the talk's title, speakers and description, folded for
 *   ncl_query_matches()
 */
const char *
ncl_highlight_get_search_text (NclHighlight *self)
{
  g_return_val_if_fail (NCL_IS_HIGHLIGHT (self), NULL);

  if (self->search_text == NULL)
    self->search_text = ncl_query_join (self->title ? self->title : "",
                                         self->speakers ? self->speakers : "",
                                         self->description_text ? self->description_text : "",
                                         NULL);

  return self->search_text;
}
