/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ncl-fold.h"
#include "ncl-query.h"
#include "ncl-session.h"
#include "ncl-highlight.h"
#include "ncl-util.h"

/* One row of the event's agenda. The description is Pango markup (it keeps
 * the page's links); every other string is plain text. Speakers are names as
 * the agenda writes them, which may differ from the speaker list's spelling. */
struct _NclSession
{
  GObject parent_instance;

  NclSessionKind kind;
  char *id;
  char *source_id;  /* the id the schedule gives, when it gives one */
  char *title;
  char *id_title;  /* the title folded for the id, made when the title changes */
  GStrv speakers;  /* names, as the source writes them */
  GListStore *speaker_list;  /* the NclSpeaker objects (ncl_event_link()) */
  char *room;
  char *track;
  GDateTime *start;
  GDateTime *end;
  char *subtitle;
  char *url;
  char *slides_url;
  char *recording_url;
  char *description;
  char *description_text;
  NclHighlight *highlight;  /* its card, when it has one (ncl_highlight_match_link()) */

  /* Folded for searches; made on first use, dropped on any change. */
  char *search_text;
};

G_DEFINE_ENUM_TYPE (NclSessionKind, ncl_session_kind,
                    G_DEFINE_ENUM_VALUE (NCL_SESSION_TALK, "talk"),
                    G_DEFINE_ENUM_VALUE (NCL_SESSION_BREAK, "break"))

G_DEFINE_FINAL_TYPE (NclSession, ncl_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_TITLE,
  PROP_SPEAKER_NAMES,
  PROP_SPEAKERS,
  PROP_ROOM,
  PROP_TRACK,
  PROP_START,
  PROP_END,
  PROP_SOURCE_ID,
  PROP_SUBTITLE,
  PROP_URL,
  PROP_SLIDES_URL,
  PROP_RECORDING_URL,
  PROP_DESCRIPTION,
  PROP_DESCRIPTION_TEXT,
  PROP_HIGHLIGHT,
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

/* Stable across page revisions that only reword descriptions or reorder
 * rows, so a starred session stays starred: the folded title, and the start
 * in UTC (the same instant whatever zone the page or the user is in). */
static void
update_id (NclSession *self)
{
  g_autofree char *id = NULL;

  if (self->source_id != NULL)
    {
      if (ncl_set_str (&self->id, self->source_id))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
      return;
    }

  /* Folding is most of the cost, and the start is set after the title:
   * the folded title is kept rather than folded again. */
  if (self->id_title == NULL)
    {
      self->id_title = ncl_fold (self->title != NULL ? self->title : "");
      g_strdelimit (self->id_title, " ", '-');
    }

  if (self->start != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (self->start);
      g_autofree char *when = g_date_time_format (utc, "%Y%m%dT%H%MZ");

      id = g_strconcat (self->id_title, "@", when, NULL);
    }
  else
    id = g_strdup (self->id_title);

  if (ncl_set_str (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

static void
ncl_session_dispose (GObject *object)
{
  NclSession *self = (NclSession *)object;

  g_clear_object (&self->speaker_list);

  G_OBJECT_CLASS (ncl_session_parent_class)->dispose (object);
}

static void
ncl_session_finalize (GObject *object)
{
  NclSession *self = (NclSession *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->id_title, g_free);
  g_clear_pointer (&self->speakers, g_strfreev);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);
  g_clear_pointer (&self->source_id, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->slides_url, g_free);
  g_clear_pointer (&self->recording_url, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->description_text, g_free);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->room, g_free);
  g_clear_pointer (&self->track, g_free);
  g_clear_object (&self->highlight);

  G_OBJECT_CLASS (ncl_session_parent_class)->finalize (object);
}

/* Every change can touch what searches look at. */
static void
ncl_session_notify (GObject    *object,
                    GParamSpec *pspec)
{
  NclSession *self = (NclSession *)object;

  g_clear_pointer (&self->search_text, g_free);

  if (G_OBJECT_CLASS (ncl_session_parent_class)->notify != NULL)
    G_OBJECT_CLASS (ncl_session_parent_class)->notify (object, pspec);
}

static void
ncl_session_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  NclSession *self = NCL_SESSION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SPEAKER_NAMES:
      g_value_set_boxed (value, self->speakers);
      break;
    case PROP_SPEAKERS:
      g_value_set_object (value, self->speaker_list);
      break;
    case PROP_ROOM:
      g_value_set_string (value, self->room);
      break;
    case PROP_TRACK:
      g_value_set_string (value, self->track);
      break;
    case PROP_START:
      g_value_set_boxed (value, self->start);
      break;
    case PROP_END:
      g_value_set_boxed (value, self->end);
      break;
    case PROP_SOURCE_ID:
      g_value_set_string (value, self->source_id);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_SLIDES_URL:
      g_value_set_string (value, self->slides_url);
      break;
    case PROP_RECORDING_URL:
      g_value_set_string (value, self->recording_url);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_DESCRIPTION_TEXT:
      g_value_set_string (value, self->description_text);
      break;
    case PROP_HIGHLIGHT:
      g_value_set_object (value, self->highlight);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_session_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  NclSession *self = NCL_SESSION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_TITLE:
      ncl_session_set_title (self, g_value_get_string (value));
      break;
    case PROP_SPEAKER_NAMES:
      ncl_session_set_speaker_names (self, g_value_get_boxed (value));
      break;
    case PROP_ROOM:
      ncl_session_set_room (self, g_value_get_string (value));
      break;
    case PROP_TRACK:
      ncl_session_set_track (self, g_value_get_string (value));
      break;
    case PROP_START:
      ncl_session_set_start (self, g_value_get_boxed (value));
      break;
    case PROP_END:
      ncl_session_set_end (self, g_value_get_boxed (value));
      break;
    case PROP_SOURCE_ID:
      ncl_session_set_source_id (self, g_value_get_string (value));
      break;
    case PROP_SUBTITLE:
      ncl_session_set_subtitle (self, g_value_get_string (value));
      break;
    case PROP_URL:
      ncl_session_set_url (self, g_value_get_string (value));
      break;
    case PROP_SLIDES_URL:
      ncl_session_set_slides_url (self, g_value_get_string (value));
      break;
    case PROP_RECORDING_URL:
      ncl_session_set_recording_url (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      ncl_session_set_description (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION_TEXT:
      ncl_session_set_description_text (self, g_value_get_string (value));
      break;
    case PROP_HIGHLIGHT:
      ncl_session_set_highlight (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_session_class_init (NclSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ncl_session_dispose;
  object_class->finalize = ncl_session_finalize;
  object_class->notify = ncl_session_notify;
  object_class->get_property = ncl_session_get_property;
  object_class->set_property = ncl_session_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       NCL_TYPE_SESSION_KIND, NCL_SESSION_TALK,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * NclSession:id:
   *
   * #NclSession:source-id when the schedule gives one; else the folded
   * title and the start in UTC ("resgate-io@20200416T1600Z"), and for a
   * break, which has no start, the folded title alone.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NclSession:speaker-names:
   *
   * The speakers' names as the source writes them, which may differ from
   * the speaker list's spelling.
   */
  properties[PROP_SPEAKER_NAMES] =
    g_param_spec_boxed ("speaker-names", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NclSession:speakers:
   *
   * The #NclSpeaker objects of the event who give it, in the order of
   * #NclSession:speaker-names; set by ncl_event_link().
   */
  properties[PROP_SPEAKERS] =
    g_param_spec_object ("speakers", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_ROOM] =
    g_param_spec_string ("room", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TRACK] =
    g_param_spec_string ("track", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NclSession:end:
   *
   * When it ends, in the event's zone; %NULL when the source gives no
   * duration.
   */
  properties[PROP_END] =
    g_param_spec_boxed ("end", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NclSession:source-id:
   *
   * The id the schedule gives the session (a frab id, else its guid):
   * what stars and notes are kept under, so they survive a retitle.
   */
  properties[PROP_SOURCE_ID] =
    g_param_spec_string ("source-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NclSession:url:
   *
   * The session's own page on the event's site.
   */
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NclSession:slides-url:
   *
   * Its slides, as the schedule links or attaches them (a PDF or a slides
   * site).
   */
  properties[PROP_SLIDES_URL] =
    g_param_spec_string ("slides-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NclSession:recording-url:
   *
   * Its recording: a video file (WebM, MP4) or a video site's page.
   */
  properties[PROP_RECORDING_URL] =
    g_param_spec_string ("recording-url", NULL, NULL,
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

  /**
   * NclSession:highlight:
   *
   * The session as a card, when the event highlights it: its slides,
   * video and picture. Set by ncl_highlight_match_link() alone.
   */
  properties[PROP_HIGHLIGHT] =
    g_param_spec_object ("highlight", NULL, NULL,
                         NCL_TYPE_HIGHLIGHT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ncl_session_init (NclSession *self)
{
  self->speakers = g_new0 (char *, 1);
  self->speaker_list = g_list_store_new (G_TYPE_OBJECT);
}

NclSession *
ncl_session_new (NclSessionKind  kind,
                 const char     *title)
{
  return g_object_new (NCL_TYPE_SESSION,
                       "kind", kind,
                       "title", title,
                       NULL);
}

NclSessionKind
ncl_session_get_kind (NclSession *self)
{
  g_return_val_if_fail (NCL_IS_SESSION (self), NCL_SESSION_TALK);

  return self->kind;
}

const char *
ncl_session_get_id (NclSession *self)
{
  g_return_val_if_fail (NCL_IS_SESSION (self), NULL);

  return self->id;
}

const char *
ncl_session_get_title (NclSession *self)
{
  g_return_val_if_fail (NCL_IS_SESSION (self), NULL);

  return self->title;
}

void
ncl_session_set_title (NclSession *self,
                       const char *title)
{
  g_return_if_fail (NCL_IS_SESSION (self));

  if (ncl_set_str (&self->title, title))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
      g_clear_pointer (&self->id_title, g_free);
      update_id (self);
    }
  else if (self->id == NULL)
    update_id (self);
}

/**
 * ncl_session_get_speaker_names:
 *
 * Returns: (transfer none): the names as the agenda writes them, never %NULL
 */
const char * const *
ncl_session_get_speaker_names (NclSession *self)
{
  g_return_val_if_fail (NCL_IS_SESSION (self), NULL);

  return (const char * const *)self->speakers;
}

void
ncl_session_set_speaker_names (NclSession         *self,
                               const char * const *speakers)
{
  const char * const empty[] = { NULL };

  g_return_if_fail (NCL_IS_SESSION (self));

  if (speakers == NULL)
    speakers = empty;

  if (strv_equal0 ((const char * const *)self->speakers, speakers))
    return;

  g_strfreev (self->speakers);
  self->speakers = g_strdupv ((char **)speakers);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEAKER_NAMES]);
}

/**
 * ncl_session_get_speakers:
 *
 * Returns: (transfer none): a list of #NclSpeaker, the event's speakers who
 *   give the session (ncl_event_link())
 */
GListModel *
ncl_session_get_speakers (NclSession *self)
{
  g_return_val_if_fail (NCL_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self->speaker_list);
}

/**
 * ncl_session_set_speakers:
 * @speakers: (element-type NclSpeaker): the speakers who give it
 *
 * For ncl_event_link(): the speakers hold the session, so the event breaks
 * the pair when it goes.
 */
void
ncl_session_set_speakers (NclSession *self,
                          GPtrArray  *speakers)
{
  g_return_if_fail (NCL_IS_SESSION (self));

  g_list_store_splice (self->speaker_list, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->speaker_list)),
                       speakers != NULL ? speakers->pdata : NULL,
                       speakers != NULL ? speakers->len : 0);
}

/**
 * ncl_session_get_room:
 *
 * Returns: (nullable): the room's name as the source writes it
 */
const char *
ncl_session_get_room (NclSession *self)
{
  g_return_val_if_fail (NCL_IS_SESSION (self), NULL);

  return self->room;
}

void
ncl_session_set_room (NclSession *self,
                      const char *room)
{
  g_return_if_fail (NCL_IS_SESSION (self));

  if (ncl_set_str (&self->room, room))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROOM]);
}

/**
 * ncl_session_get_track:
 *
 * Returns: (nullable): the track's name as the source writes it
 */
const char *
ncl_session_get_track (NclSession *self)
{
  g_return_val_if_fail (NCL_IS_SESSION (self), NULL);

  return self->track;
}

void
ncl_session_set_track (NclSession *self,
                       const char *track)
{
  g_return_if_fail (NCL_IS_SESSION (self));

  if (ncl_set_str (&self->track, track))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACK]);
}

/**
 * ncl_session_get_start:
 *
 * Returns: (transfer none) (nullable): the start in the event's time zone;
 *   %NULL for a break
 */
GDateTime *
ncl_session_get_start (NclSession *self)
{
  g_return_val_if_fail (NCL_IS_SESSION (self), NULL);

  return self->start;
}

void
ncl_session_set_start (NclSession *self,
                       GDateTime  *start)
{
  g_return_if_fail (NCL_IS_SESSION (self));

  if (self->start == start)
    return;

  /* The same instant in another zone is a change: the UI shows the zone. */
  if (self->start != NULL && start != NULL && g_date_time_equal (self->start, start) &&
      g_strcmp0 (g_date_time_get_timezone_abbreviation (self->start),
                 g_date_time_get_timezone_abbreviation (start)) == 0)
    return;

  g_clear_pointer (&self->start, g_date_time_unref);
  if (start != NULL)
    self->start = g_date_time_ref (start);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
  update_id (self);
}

/**
 * ncl_session_get_end:
 *
 * Returns: (transfer none) (nullable): when it ends
 */
GDateTime *
ncl_session_get_end (NclSession *self)
{
  g_return_val_if_fail (NCL_IS_SESSION (self), NULL);

  return self->end;
}

void
ncl_session_set_end (NclSession *self,
                     GDateTime  *end)
{
  g_return_if_fail (NCL_IS_SESSION (self));

  if (self->end == end ||
      (self->end != NULL && end != NULL && g_date_time_equal (self->end, end)))
    return;

  g_clear_pointer (&self->end, g_date_time_unref);
  if (end != NULL)
    self->end = g_date_time_ref (end);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
}

/**
 * ncl_session_get_source_id:
 *
 * Returns: (nullable): the id the schedule gives the session
 */
const char *
ncl_session_get_source_id (NclSession *self)
{
  g_return_val_if_fail (NCL_IS_SESSION (self), NULL);

  return self->source_id;
}

void
ncl_session_set_source_id (NclSession *self,
                           const char *source_id)
{
  g_return_if_fail (NCL_IS_SESSION (self));

  if (source_id != NULL && source_id[0] == '\0')
    source_id = NULL;

  if (!ncl_set_str (&self->source_id, source_id))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_ID]);
  update_id (self);
}

/**
 * ncl_session_get_subtitle:
 *
 * Returns: (nullable): the line under the title
 */
const char *
ncl_session_get_subtitle (NclSession *self)
{
  g_return_val_if_fail (NCL_IS_SESSION (self), NULL);

  return self->subtitle;
}

void
ncl_session_set_subtitle (NclSession *self,
                          const char *subtitle)
{
  g_return_if_fail (NCL_IS_SESSION (self));

  if (ncl_set_str (&self->subtitle, subtitle))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

/**
 * ncl_session_get_url:
 *
 * Returns: (nullable): the session's page
 */
const char *
ncl_session_get_url (NclSession *self)
{
  g_return_val_if_fail (NCL_IS_SESSION (self), NULL);

  return self->url;
}

void
ncl_session_set_url (NclSession *self,
                     const char *url)
{
  g_return_if_fail (NCL_IS_SESSION (self));

  if (ncl_set_str (&self->url, url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);
}

/**
 * ncl_session_get_slides_url:
 *
 * Returns: (nullable): its slides
 */
const char *
ncl_session_get_slides_url (NclSession *self)
{
  g_return_val_if_fail (NCL_IS_SESSION (self), NULL);

  return self->slides_url;
}

void
ncl_session_set_slides_url (NclSession *self,
                            const char *slides_url)
{
  g_return_if_fail (NCL_IS_SESSION (self));

  if (ncl_set_str (&self->slides_url, slides_url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SLIDES_URL]);
}

/**
 * ncl_session_get_recording_url:
 *
 * Returns: (nullable): its recording
 */
const char *
ncl_session_get_recording_url (NclSession *self)
{
  g_return_val_if_fail (NCL_IS_SESSION (self), NULL);

  return self->recording_url;
}

void
ncl_session_set_recording_url (NclSession *self,
                               const char *recording_url)
{
  g_return_if_fail (NCL_IS_SESSION (self));

  if (ncl_set_str (&self->recording_url, recording_url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORDING_URL]);
}

const char *
ncl_session_get_description (NclSession *self)
{
  g_return_val_if_fail (NCL_IS_SESSION (self), NULL);

  return self->description;
}

void
ncl_session_set_description (NclSession *self,
                             const char *markup)
{
  g_return_if_fail (NCL_IS_SESSION (self));

  if (ncl_set_str (&self->description, markup))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char *
ncl_session_get_description_text (NclSession *self)
{
  g_return_val_if_fail (NCL_IS_SESSION (self), NULL);

  return self->description_text;
}

void
ncl_session_set_description_text (NclSession *self,
                                  const char *text)
{
  g_return_if_fail (NCL_IS_SESSION (self));

  if (ncl_set_str (&self->description_text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION_TEXT]);
}

/**
 * ncl_session_get_search_text:
 *
 * Returns: the session's title, speakers and description, folded for
 *   ncl_query_matches()
 */
const char *
ncl_session_get_search_text (NclSession *self)
{
  g_return_val_if_fail (NCL_IS_SESSION (self), NULL);

  if (self->search_text == NULL)
    {
      g_autofree char *speakers = self->speakers != NULL ? g_strjoinv (" ", self->speakers) : NULL;

      self->search_text = ncl_query_join (self->title ? self->title : "",
                                           self->subtitle ? self->subtitle : "",
                                           speakers ? speakers : "",
                                           self->description_text ? self->description_text : "",
                                           NULL);
    }

  return self->search_text;
}

/**
 * ncl_session_get_highlight:
 *
 * Returns: (transfer none) (nullable): the post's talk about this session
 */
NclHighlight *
ncl_session_get_highlight (NclSession *self)
{
  g_return_val_if_fail (NCL_IS_SESSION (self), NULL);

  return self->highlight;
}

/**
 * ncl_session_set_highlight:
 * @talk: (nullable): the post's talk about this session
 */
void
ncl_session_set_highlight (NclSession   *self,
                           NclHighlight *talk)
{
  g_return_if_fail (NCL_IS_SESSION (self));
  g_return_if_fail (talk == NULL || NCL_IS_HIGHLIGHT (talk));

  if (g_set_object (&self->highlight, talk))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT]);
}
