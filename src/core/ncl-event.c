/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ncl-event.h"
#include "ncl-fold.h"
#include "ncl-highlight-match.h"
#include "ncl-session-group.h"
#include "ncl-util.h"

/*
 * A conference: its title, start and zone; its sessions in the source's
 * order (talks and breaks), grouped by day, room and track; its speakers;
 * its highlights (sessions as cards, with slides, video and picture) and
 * the article a post writes around them; and what the parser could not
 * read. A format gives one document's worth (#NclEvent:parts); the
 * source merges them into the event on screen with ncl_event_update_from(),
 * which keeps the objects, and ncl_event_link() ties them together.
 */
struct _NclEvent
{
  GObject parent_instance;

  char *title;
  char *date_text;
  char *zone_text;
  GDateTime *date;
  gboolean floating;        /* wall times in no zone */
  GListStore *sessions;
  GListStore *speakers;
  GListStore *days;
  GListStore *rooms;
  GListStore *tracks;
  GListStore *highlights;
  NclArticle *article;
  GPtrArray *problems;
  NclEventParts parts;

  /* Sessions by ncl_fold_name_key() of their speakers' names (element-type
   * GPtrArray of the sessions, in the page's order), so that linking a
   * speaker compares only the names that can match. */
  GHashTable *sessions_by_key;
};

G_DEFINE_FLAGS_TYPE (NclEventParts, ncl_event_parts,
                     G_DEFINE_ENUM_VALUE (NCL_EVENT_PART_PROGRAMME, "programme"),
                     G_DEFINE_ENUM_VALUE (NCL_EVENT_PART_HIGHLIGHTS, "highlights"))

G_DEFINE_FINAL_TYPE (NclEvent, ncl_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DATE_TEXT,
  PROP_ZONE_TEXT,
  PROP_DATE,
  PROP_FLOATING,
  PROP_SESSIONS,
  PROP_SPEAKERS,
  PROP_DAYS,
  PROP_ROOMS,
  PROP_TRACKS,
  PROP_HIGHLIGHTS,
  PROP_ARTICLE,
  PROP_PROBLEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string_prop (NclEvent    *self,
                 char       **field,
                 const char  *value,
                 guint        prop_id)
{
  if (ncl_set_str (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* Sessions hold their speakers, who hold them: breaks every pair, before
 * the event goes and before a merge drops some of them (ncl_event_link()
 * makes them again). */
static void
unlink_all (NclEvent *self)
{
  if (self->sessions != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sessions));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NclSession) session = g_list_model_get_item (G_LIST_MODEL (self->sessions), i);

          ncl_session_set_speakers (session, NULL);
        }
    }
  if (self->speakers != NULL)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->speakers));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NclSpeaker) speaker = g_list_model_get_item (G_LIST_MODEL (self->speakers), i);

          ncl_speaker_set_sessions (speaker, none);
        }
    }
}

static void
ncl_event_dispose (GObject *object)
{
  NclEvent *self = (NclEvent *)object;

  unlink_all (self);

  g_clear_object (&self->sessions);
  g_clear_object (&self->speakers);
  g_clear_object (&self->days);
  g_clear_object (&self->rooms);
  g_clear_object (&self->tracks);
  g_clear_object (&self->highlights);
  g_clear_object (&self->article);
  g_clear_pointer (&self->sessions_by_key, g_hash_table_unref);

  G_OBJECT_CLASS (ncl_event_parent_class)->dispose (object);
}

static void
ncl_event_finalize (GObject *object)
{
  NclEvent *self = (NclEvent *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->date_text, g_free);
  g_clear_pointer (&self->zone_text, g_free);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

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
    case PROP_DATE_TEXT:
      g_value_set_string (value, self->date_text);
      break;
    case PROP_ZONE_TEXT:
      g_value_set_string (value, self->zone_text);
      break;
    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;
    case PROP_FLOATING:
      g_value_set_boolean (value, self->floating);
      break;
    case PROP_SESSIONS:
      g_value_set_object (value, self->sessions);
      break;
    case PROP_SPEAKERS:
      g_value_set_object (value, self->speakers);
      break;
    case PROP_DAYS:
      g_value_set_object (value, self->days);
      break;
    case PROP_ROOMS:
      g_value_set_object (value, self->rooms);
      break;
    case PROP_TRACKS:
      g_value_set_object (value, self->tracks);
      break;
    case PROP_HIGHLIGHTS:
      g_value_set_object (value, self->highlights);
      break;
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;
    case PROP_PROBLEMS:
      g_value_set_boxed (value, ncl_event_get_problems (self));
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
      ncl_event_set_title (self, g_value_get_string (value));
      break;
    case PROP_DATE_TEXT:
      ncl_event_set_date_text (self, g_value_get_string (value));
      break;
    case PROP_ZONE_TEXT:
      ncl_event_set_zone_text (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      ncl_event_set_date (self, g_value_get_boxed (value));
      break;
    case PROP_FLOATING:
      ncl_event_set_floating (self, g_value_get_boolean (value));
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
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NclEvent:date-text:
   *
   * The page's heading with the date, as written: "April 16, 2020 @8am PDT".
   */
  properties[PROP_DATE_TEXT] =
    g_param_spec_string ("date-text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NclEvent:zone-text:
   *
   * The time zone as the page names it ("PDT").
   */
  properties[PROP_ZONE_TEXT] =
    g_param_spec_string ("zone-text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NclEvent:date:
   *
   * When the event starts, in its time zone (the heading's time, or
   * midnight when the heading gives none).
   */
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NclEvent:floating:
   *
   * Whether the event's times are wall times in no time zone, as a
   * schedule that names none gives them (FOSDEM's, a calendar of floating
   * times): they are shown as written, whatever zone the user is in, and
   * exported without a zone. Its sessions' times then carry UTC as a
   * stand-in offset.
   */
  properties[PROP_FLOATING] =
    g_param_spec_boolean ("floating", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SESSIONS] =
    g_param_spec_object ("sessions", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_SPEAKERS] =
    g_param_spec_object ("speakers", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DAYS] =
    g_param_spec_object ("days", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_ROOMS] =
    g_param_spec_object ("rooms", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TRACKS] =
    g_param_spec_object ("tracks", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * NclEvent:highlights:
   *
   * The sessions shown as cards (#NclHighlight), in the post's order.
   */
  properties[PROP_HIGHLIGHTS] =
    g_param_spec_object ("highlights", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * NclEvent:article:
   *
   * What a post writes around the highlights; %NULL when no document of
   * the event is a post.
   */
  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL,
                         NCL_TYPE_ARTICLE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NclEvent:problems:
   *
   * What the parser could not read, one sentence each naming the row or
   * speaker ("Row 7 (line 84): no start time").
   */
  properties[PROP_PROBLEMS] =
    g_param_spec_boxed ("problems", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ncl_event_init (NclEvent *self)
{
  self->sessions = g_list_store_new (NCL_TYPE_SESSION);
  self->speakers = g_list_store_new (NCL_TYPE_SPEAKER);
  self->days = g_list_store_new (NCL_TYPE_DAY);
  self->rooms = g_list_store_new (NCL_TYPE_ROOM);
  self->tracks = g_list_store_new (NCL_TYPE_TRACK);
  self->highlights = g_list_store_new (NCL_TYPE_HIGHLIGHT);
  self->sessions_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) g_ptr_array_unref);
  self->problems = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

NclEvent *
ncl_event_new (void)
{
  return g_object_new (NCL_TYPE_EVENT, NULL);
}

const char *
ncl_event_get_title (NclEvent *self)
{
  g_return_val_if_fail (NCL_IS_EVENT (self), NULL);

  return self->title;
}

void
ncl_event_set_title (NclEvent   *self,
                     const char *title)
{
  g_return_if_fail (NCL_IS_EVENT (self));

  self->parts |= NCL_EVENT_PART_PROGRAMME;
  set_string_prop (self, &self->title, title, PROP_TITLE);
}

const char *
ncl_event_get_date_text (NclEvent *self)
{
  g_return_val_if_fail (NCL_IS_EVENT (self), NULL);

  return self->date_text;
}

void
ncl_event_set_date_text (NclEvent   *self,
                         const char *date_text)
{
  g_return_if_fail (NCL_IS_EVENT (self));

  set_string_prop (self, &self->date_text, date_text, PROP_DATE_TEXT);
}

const char *
ncl_event_get_zone_text (NclEvent *self)
{
  g_return_val_if_fail (NCL_IS_EVENT (self), NULL);

  return self->zone_text;
}

void
ncl_event_set_zone_text (NclEvent   *self,
                         const char *zone_text)
{
  g_return_if_fail (NCL_IS_EVENT (self));

  set_string_prop (self, &self->zone_text, zone_text, PROP_ZONE_TEXT);
}

/**
 * ncl_event_get_date:
 *
 * Returns: (transfer none) (nullable): when the event starts, in its zone
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
      (self->date != NULL && date != NULL && g_date_time_equal (self->date, date) &&
       g_strcmp0 (g_time_zone_get_identifier (g_date_time_get_timezone (self->date)),
                  g_time_zone_get_identifier (g_date_time_get_timezone (date))) == 0))
    return;

  g_clear_pointer (&self->date, g_date_time_unref);
  if (date != NULL)
    self->date = g_date_time_ref (date);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

gboolean
ncl_event_get_floating (NclEvent *self)
{
  g_return_val_if_fail (NCL_IS_EVENT (self), FALSE);

  return self->floating;
}

void
ncl_event_set_floating (NclEvent *self,
                        gboolean  floating)
{
  g_return_if_fail (NCL_IS_EVENT (self));

  floating = !!floating;
  if (self->floating == floating)
    return;

  self->floating = floating;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLOATING]);
}

/**
 * ncl_event_get_time_zone:
 *
 * Returns: (transfer none) (nullable): the event's time zone; %NULL when
 *   its times are floating or it has no date
 */
GTimeZone *
ncl_event_get_time_zone (NclEvent *self)
{
  g_return_val_if_fail (NCL_IS_EVENT (self), NULL);

  if (self->floating || self->date == NULL)
    return NULL;

  return g_date_time_get_timezone (self->date);
}

/**
 * ncl_event_get_sessions:
 *
 * Returns: (transfer none): a list of #NclSession, talks and breaks, in the
 *   page's order
 */
/* Adds @item to the list of @key, unless it ends the list already (a
 * session with two speakers of the same given names). Takes @key. */
static void
index_add (GHashTable *index,
           char       *key,
           gpointer    item)
{
  GPtrArray *items = g_hash_table_lookup (index, key);

  if (items == NULL)
    {
      items = g_ptr_array_new ();
      g_hash_table_insert (index, g_steal_pointer (&key), items);
    }
  g_free (key);

  if (items->len == 0 || g_ptr_array_index (items, items->len - 1) != item)
    g_ptr_array_add (items, item);
}

/* Whether one of @session's speakers is @speaker, by ncl_fold_names_match(). */
static gboolean
speaker_gives (NclSpeaker *speaker,
               NclSession *session)
{
  const char *name = ncl_speaker_get_name (speaker);
  const char * const *speakers = ncl_session_get_speaker_names (session);

  if (name == NULL)
    return FALSE;

  /* The same spelling first: a schedule writes a person's name one way,
   * and folding both names for every pair is most of linking's cost. */
  for (guint i = 0; speakers[i] != NULL; i++)
    {
      if (strcmp (name, speakers[i]) == 0)
        return TRUE;
    }

  for (guint i = 0; speakers[i] != NULL; i++)
    {
      if (ncl_fold_names_match (name, speakers[i]))
        return TRUE;
    }

  return FALSE;
}

/* Gives @speaker the sessions of the index that are theirs. */
static void
link_speaker (NclEvent   *self,
              NclSpeaker *speaker)
{
  g_autoptr(GPtrArray) given = g_ptr_array_new ();
  const char *name = ncl_speaker_get_name (speaker);
  g_autofree char *key = name != NULL ? ncl_fold_name_key (name) : NULL;
  GPtrArray *candidates = key != NULL ? g_hash_table_lookup (self->sessions_by_key, key) : NULL;

  for (guint i = 0; candidates != NULL && i < candidates->len; i++)
    {
      if (speaker_gives (speaker, candidates->pdata[i]))
        g_ptr_array_add (given, candidates->pdata[i]);
    }

  ncl_speaker_set_sessions (speaker, given);
}

/* Indexes @session under each of its speakers' name keys. */
static void
index_session (NclEvent   *self,
               NclSession *session)
{
  const char * const *speakers = ncl_session_get_speaker_names (session);

  for (guint i = 0; speakers[i] != NULL; i++)
    {
      char *key = ncl_fold_name_key (speakers[i]);

      if (key != NULL)
        index_add (self->sessions_by_key, key, session);
    }
}

/* Links every speaker to their sessions again, after a change of either. */
static void
link_all (NclEvent *self)
{
  guint n_sessions = g_list_model_get_n_items (G_LIST_MODEL (self->sessions));
  guint n_speakers = g_list_model_get_n_items (G_LIST_MODEL (self->speakers));

  g_hash_table_remove_all (self->sessions_by_key);

  for (guint i = 0; i < n_sessions; i++)
    {
      g_autoptr(NclSession) session = g_list_model_get_item (G_LIST_MODEL (self->sessions), i);

      index_session (self, session);
    }

  for (guint i = 0; i < n_speakers; i++)
    {
      g_autoptr(NclSpeaker) speaker = g_list_model_get_item (G_LIST_MODEL (self->speakers), i);

      link_speaker (self, speaker);
    }
}

GListModel *
ncl_event_get_sessions (NclEvent *self)
{
  g_return_val_if_fail (NCL_IS_EVENT (self), NULL);

  return G_LIST_MODEL (self->sessions);
}

void
ncl_event_add_session (NclEvent   *self,
                       NclSession *session)
{
  g_return_if_fail (NCL_IS_EVENT (self));
  g_return_if_fail (NCL_IS_SESSION (session));

  self->parts |= NCL_EVENT_PART_PROGRAMME;
  g_list_store_append (self->sessions, session);
}

typedef struct
{
  NclSession *session;
  guint index;
} Placed;

static int
compare_placed (const void *a,
                const void *b)
{
  const Placed *placed_a = a;
  const Placed *placed_b = b;
  GDateTime *start_a = ncl_session_get_start (placed_a->session);
  GDateTime *start_b = ncl_session_get_start (placed_b->session);
  int by_start;

  /* Without a start, after every session that has one. */
  if (start_a == NULL || start_b == NULL)
    by_start = (start_a == NULL) - (start_b == NULL);
  else
    by_start = g_date_time_compare (start_a, start_b);

  if (by_start != 0)
    return by_start;
  return placed_a->index < placed_b->index ? -1 : placed_a->index > placed_b->index;
}

/**
 * ncl_event_sort_sessions:
 *
 * Puts the sessions in the order they start, those at the same time in the
 * order they were added (a schedule's rooms). A schedule file lists them
 * room by room (Pentabarf, frab JSON) or in any order (iCalendar); an
 * agenda is read by the clock. Costs one pass when they already are.
 */
void
ncl_event_sort_sessions (NclEvent *self)
{
  guint n;
  g_autofree Placed *placed = NULL;
  g_autofree gpointer *sorted = NULL;
  gboolean in_order = TRUE;

  g_return_if_fail (NCL_IS_EVENT (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sessions));
  placed = g_new (Placed, n);
  for (guint i = 0; i < n; i++)
    {
      placed[i].session = g_list_model_get_item (G_LIST_MODEL (self->sessions), i);
      placed[i].index = i;
      g_object_unref (placed[i].session); /* the store keeps it */
      if (i > 0 && in_order && compare_placed (&placed[i - 1], &placed[i]) > 0)
        in_order = FALSE;
    }
  if (in_order)
    return;

  qsort (placed, n, sizeof (Placed), compare_placed);
  sorted = g_new (gpointer, n);
  for (guint i = 0; i < n; i++)
    sorted[i] = g_object_ref (placed[i].session);
  g_list_store_splice (self->sessions, 0, n, sorted, n);
  for (guint i = 0; i < n; i++)
    g_object_unref (sorted[i]);
}

/**
 * ncl_event_get_speakers:
 *
 * Returns: (transfer none): a list of #NclSpeaker, in the page's order
 */
GListModel *
ncl_event_get_speakers (NclEvent *self)
{
  g_return_val_if_fail (NCL_IS_EVENT (self), NULL);

  return G_LIST_MODEL (self->speakers);
}

void
ncl_event_add_speaker (NclEvent   *self,
                       NclSpeaker *speaker)
{
  g_return_if_fail (NCL_IS_EVENT (self));
  g_return_if_fail (NCL_IS_SPEAKER (speaker));

  self->parts |= NCL_EVENT_PART_PROGRAMME;
  g_list_store_append (self->speakers, speaker);
}

/**
 * ncl_event_find_speaker:
 * @name: a name as the agenda or a post writes it
 *
 * Returns: (transfer none) (nullable): the first speaker of the list whose
 *   name matches @name by ncl_fold_names_match()
 */
NclSpeaker *
ncl_event_find_speaker (NclEvent   *self,
                        const char *name)
{
  guint n_items;

  g_return_val_if_fail (NCL_IS_EVENT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->speakers));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(NclSpeaker) speaker = g_list_model_get_item (G_LIST_MODEL (self->speakers), i);

      if (ncl_fold_names_match (ncl_speaker_get_name (speaker), name))
        return speaker;
    }

  return NULL;
}

/**
 * ncl_event_get_problems:
 *
 * Returns: (transfer none): what could not be read, never %NULL
 */
const char * const *
ncl_event_get_problems (NclEvent *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (NCL_IS_EVENT (self), NULL);

  /* An empty array may have no storage yet. */
  if (self->problems->pdata == NULL)
    return none;

  return (const char * const *)self->problems->pdata;
}

void
ncl_event_add_problem (NclEvent   *self,
                       const char *problem)
{
  g_return_if_fail (NCL_IS_EVENT (self));
  g_return_if_fail (problem != NULL);

  g_ptr_array_add (self->problems, g_strdup (problem));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEMS]);
}

typedef char *(*ItemKeyFunc)    (gpointer item,
                                 guint    occurrence);
typedef void  (*ItemUpdateFunc) (gpointer item,
                                 gpointer fresh);

static char *
session_key (gpointer item,
             guint    occurrence)
{
  NclSession *session = item;
  g_autofree char *folded = NULL;

  /* A session the schedule names keeps its object across a retitle. */
  if (ncl_session_get_source_id (session) != NULL)
    return g_strdup_printf ("id:%s#%u", ncl_session_get_source_id (session), occurrence);

  folded = ncl_fold (ncl_session_get_title (session));

  /* "Break" comes back several times: its n-th occurrence is itself. */
  return g_strdup_printf ("%d:%s#%u", ncl_session_get_kind (session), folded, occurrence);
}

static void
session_update (gpointer item,
                gpointer fresh_item)
{
  NclSession *session = item;
  NclSession *fresh = fresh_item;

  g_object_freeze_notify (G_OBJECT (session));
  ncl_session_set_title (session, ncl_session_get_title (fresh));
  ncl_session_set_speaker_names (session, ncl_session_get_speaker_names (fresh));
  ncl_session_set_room (session, ncl_session_get_room (fresh));
  ncl_session_set_track (session, ncl_session_get_track (fresh));
  ncl_session_set_start (session, ncl_session_get_start (fresh));
  ncl_session_set_end (session, ncl_session_get_end (fresh));
  ncl_session_set_subtitle (session, ncl_session_get_subtitle (fresh));
  ncl_session_set_url (session, ncl_session_get_url (fresh));
  ncl_session_set_slides_url (session, ncl_session_get_slides_url (fresh));
  ncl_session_set_recording_url (session, ncl_session_get_recording_url (fresh));
  ncl_session_set_description (session, ncl_session_get_description (fresh));
  ncl_session_set_description_text (session, ncl_session_get_description_text (fresh));
  g_object_thaw_notify (G_OBJECT (session));
}

static char *
speaker_key (gpointer item,
             guint    occurrence)
{
  g_autofree char *folded = ncl_fold (ncl_speaker_get_name (item));

  return g_strdup_printf ("%s#%u", folded, occurrence);
}

static char *
highlight_key (gpointer item,
               guint    occurrence)
{
  return g_strdup_printf ("%u#%u", ncl_highlight_get_number (item), occurrence);
}

static void
highlight_update (gpointer item,
                  gpointer fresh)
{
  ncl_highlight_update_from (item, fresh);
}

/* Keys for every item of @model, counting repeats of the same base key. */
static GPtrArray *
item_keys (GListModel  *model,
           ItemKeyFunc  key_func)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *base = key_func (item, 0);
      guint occurrence = GPOINTER_TO_UINT (g_hash_table_lookup (seen, base));

      g_ptr_array_add (keys, occurrence == 0 ? g_strdup (base) : key_func (item, occurrence));
      g_hash_table_insert (seen, g_steal_pointer (&base), GUINT_TO_POINTER (occurrence + 1));
    }

  return keys;
}

/*
 * Makes @store hold the items of @fresh, in its order, while keeping the
 * objects it already has for the same keys (updated by @update_func, or
 * replaced when that is %NULL). Views bound to kept objects update in place:
 * rows stay, and so do focus and the scroll position.
 */
static void
merge_store (GListStore     *store,
             GListModel     *fresh,
             ItemKeyFunc     key_func,
             ItemUpdateFunc  update_func)
{
  g_autoptr(GPtrArray) old_keys = item_keys (G_LIST_MODEL (store), key_func);
  g_autoptr(GPtrArray) new_keys = item_keys (fresh, key_func);
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  guint n_fresh = g_list_model_get_n_items (fresh);

  for (guint i = 0; i < new_keys->len; i++)
    g_hash_table_add (wanted, new_keys->pdata[i]);

  for (guint i = old_keys->len; i > 0; i--)
    {
      const char *key = old_keys->pdata[i - 1];

      if (update_func != NULL && g_hash_table_contains (wanted, key))
        g_hash_table_insert (kept, g_strdup (key),
                             g_list_model_get_item (G_LIST_MODEL (store), i - 1));
      else
        g_list_store_remove (store, i - 1);
    }

  for (guint i = 0; i < n_fresh; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (fresh, i);
      GObject *existing = g_hash_table_lookup (kept, new_keys->pdata[i]);
      guint position;

      if (existing == NULL)
        {
          g_list_store_insert (store, i, item);
          continue;
        }

      update_func (existing, item);
      if (g_list_store_find (store, existing, &position) && position != i)
        {
          g_object_ref (existing);
          g_list_store_remove (store, position);
          g_list_store_insert (store, MIN (i, g_list_model_get_n_items (G_LIST_MODEL (store))), existing);
          g_object_unref (existing);
        }
    }

  /* Whatever is left past the new length came from duplicates. */
  while (g_list_model_get_n_items (G_LIST_MODEL (store)) > n_fresh)
    g_list_store_remove (store, n_fresh);
}

/**
 * ncl_event_update_from:
 * @self: the event on screen
 * @other: one document of it, read again (a format's result); spent
 *   after the call, as its new objects move into @self
 *
 * Brings the parts of @self that @other has (#NclEvent:parts) up to date
 * in place: a session, speaker or highlight that is in both keeps its
 * object (a session by its kind and title, a highlight by its number), so
 * a moved time updates the row on screen, focus and scrolling stay; added
 * ones appear where the source puts them, gone ones go. Then links it all
 * again (ncl_event_link()).
 */
void
ncl_event_update_from (NclEvent *self,
                       NclEvent *other)
{
  g_return_if_fail (NCL_IS_EVENT (self));
  g_return_if_fail (NCL_IS_EVENT (other));

  g_object_freeze_notify (G_OBJECT (self));

  if (other->parts & NCL_EVENT_PART_PROGRAMME)
    {
      unlink_all (self);
      ncl_event_set_title (self, ncl_event_get_title (other));
      ncl_event_set_date_text (self, ncl_event_get_date_text (other));
      ncl_event_set_zone_text (self, ncl_event_get_zone_text (other));
      ncl_event_set_date (self, ncl_event_get_date (other));
      ncl_event_set_floating (self, ncl_event_get_floating (other));

      merge_store (self->sessions, G_LIST_MODEL (other->sessions), session_key, session_update);
      /* Speakers' links have no setters: a changed speaker is a new object. */
      merge_store (self->speakers, G_LIST_MODEL (other->speakers), speaker_key, NULL);

      /* Problems name what this reading of the source could not read. */
      g_ptr_array_set_size (self->problems, 0);
      for (guint i = 0; i < other->problems->len; i++)
        {
          const char *problem = g_ptr_array_index (other->problems, i);

          if (problem != NULL)
            g_ptr_array_add (self->problems, g_strdup (problem));
        }
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEMS]);
    }

  if (other->parts & NCL_EVENT_PART_HIGHLIGHTS)
    {
      if (self->article == NULL || other->article == NULL)
        ncl_event_set_article (self, other->article);
      else
        ncl_article_update_from (self->article, other->article);

      merge_store (self->highlights, G_LIST_MODEL (other->highlights), highlight_key, highlight_update);
    }

  /* What was new in @other now belongs to @self, linked to its objects;
   * @other must not break those links when it goes, so it lets go first. */
  g_list_store_remove_all (other->sessions);
  g_list_store_remove_all (other->speakers);
  g_list_store_remove_all (other->highlights);

  self->parts |= other->parts;
  ncl_event_link (self);

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * ncl_event_get_parts:
 *
 * Returns: what the event has: a programme (sessions, speakers, days),
 *   highlights (and their article), or both
 */
NclEventParts
ncl_event_get_parts (NclEvent *self)
{
  g_return_val_if_fail (NCL_IS_EVENT (self), 0);

  return self->parts;
}

/**
 * ncl_event_get_article:
 *
 * Returns: (transfer none) (nullable): what a post writes around the
 *   highlights
 */
NclArticle *
ncl_event_get_article (NclEvent *self)
{
  g_return_val_if_fail (NCL_IS_EVENT (self), NULL);

  return self->article;
}

void
ncl_event_set_article (NclEvent   *self,
                       NclArticle *article)
{
  g_return_if_fail (NCL_IS_EVENT (self));
  g_return_if_fail (article == NULL || NCL_IS_ARTICLE (article));

  self->parts |= NCL_EVENT_PART_HIGHLIGHTS;
  if (g_set_object (&self->article, article))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

/**
 * ncl_event_get_highlights:
 *
 * Returns: (transfer none): a list of #NclHighlight, in the post's order
 */
GListModel *
ncl_event_get_highlights (NclEvent *self)
{
  g_return_val_if_fail (NCL_IS_EVENT (self), NULL);

  return G_LIST_MODEL (self->highlights);
}

void
ncl_event_add_highlight (NclEvent     *self,
                         NclHighlight *highlight)
{
  g_return_if_fail (NCL_IS_EVENT (self));
  g_return_if_fail (NCL_IS_HIGHLIGHT (highlight));

  self->parts |= NCL_EVENT_PART_HIGHLIGHTS;
  g_list_store_append (self->highlights, highlight);
}

/**
 * ncl_event_find_highlight:
 * @number: the highlight's number in the post ("### 3. …" is 3)
 *
 * Returns: (nullable) (transfer none): the highlight, or %NULL
 */
NclHighlight *
ncl_event_find_highlight (NclEvent *self,
                          guint     number)
{
  guint n_items;

  g_return_val_if_fail (NCL_IS_EVENT (self), NULL);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->highlights));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(NclHighlight) highlight = g_list_model_get_item (G_LIST_MODEL (self->highlights), i);

      if (ncl_highlight_get_number (highlight) == number)
        return highlight;
    }

  return NULL;
}

/**
 * ncl_event_get_days:
 *
 * Returns: (transfer none): a list of #NclDay, in order, each with its
 *   sessions (a break goes with the session before it)
 */
GListModel *
ncl_event_get_days (NclEvent *self)
{
  g_return_val_if_fail (NCL_IS_EVENT (self), NULL);

  return G_LIST_MODEL (self->days);
}

/**
 * ncl_event_get_rooms:
 *
 * Returns: (transfer none): a list of #NclRoom, in the order the sessions
 *   first name them
 */
GListModel *
ncl_event_get_rooms (NclEvent *self)
{
  g_return_val_if_fail (NCL_IS_EVENT (self), NULL);

  return G_LIST_MODEL (self->rooms);
}

/**
 * ncl_event_get_tracks:
 *
 * Returns: (transfer none): a list of #NclTrack, in the order the sessions
 *   first name them
 */
GListModel *
ncl_event_get_tracks (NclEvent *self)
{
  g_return_val_if_fail (NCL_IS_EVENT (self), NULL);

  return G_LIST_MODEL (self->tracks);
}

typedef NclSessionGroup *(*GroupNewFunc) (const char *name,
                                          gpointer    user_data);

static NclSessionGroup *
room_new (const char *name,
          gpointer    user_data)
{
  return NCL_SESSION_GROUP (ncl_room_new (name));
}

static NclSessionGroup *
track_new (const char *name,
           gpointer    user_data)
{
  return NCL_SESSION_GROUP (ncl_track_new (name));
}

/* @name is a day's "YYYY-MM-DD"; @user_data the event's zone. */
static NclSessionGroup *
day_new (const char *name,
         gpointer    user_data)
{
  guint year = 0, month = 0, day = 0;
  g_autoptr(GDateTime) midnight = NULL;

  sscanf (name, "%u-%u-%u", &year, &month, &day);
  midnight = g_date_time_new (user_data, year, month, day, 0, 0, 0);

  return NCL_SESSION_GROUP (ncl_day_new (midnight));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Makes @store hold one group per distinct @names[i] (%NULL or empty: in
 * none), with its sessions, in first-seen order or, with @sorted, in the
 * names' order; keeps the group objects whose names stay. */
static void
group_sessions (GListStore    *store,
                GListModel    *sessions,
                const char   **names,
                gboolean       sorted,
                GroupNewFunc   group_new,
                gpointer       user_data)
{
  g_autoptr(GHashTable) members = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_sessions = g_list_model_get_n_items (sessions);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n_sessions; i++)
    {
      GPtrArray *list;

      if (names[i] == NULL || names[i][0] == '\0')
        continue;

      list = g_hash_table_lookup (members, names[i]);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (members, (gpointer) names[i], list);
          g_ptr_array_add (order, (gpointer) names[i]);
        }
      g_ptr_array_add (list, g_list_model_get_item (sessions, i));
    }

  if (sorted)
    g_ptr_array_sort (order, compare_names);

  for (guint i = 0; i < order->len; i++)
    {
      const char *name = order->pdata[i];
      NclSessionGroup *group = NULL;

      for (guint j = 0; j < n_old && group == NULL; j++)
        {
          g_autoptr(NclSessionGroup) old = g_list_model_get_item (G_LIST_MODEL (store), j);

          if (g_strcmp0 (ncl_session_group_get_name (old), name) == 0)
            group = g_object_ref (old);
        }
      if (group == NULL)
        group = group_new (name, user_data);

      ncl_session_group_set_sessions (group, g_hash_table_lookup (members, name));
      g_ptr_array_add (groups, group);
    }

  g_list_store_splice (store, 0, n_old, groups->pdata, groups->len);
}

/* A day's name is its date in the event's zone; a session without a start
 * (a break) is on the day of the one before it, or of the first that has
 * one. Days are in date order, whatever order the source lists them in. */
static void
group_days (NclEvent   *self,
            GListModel *sessions)
{
  guint n_sessions = g_list_model_get_n_items (sessions);
  g_autoptr(GPtrArray) names = g_ptr_array_new_full (n_sessions + 1, g_free);
  g_autoptr(GTimeZone) zone = ncl_event_get_time_zone (self) != NULL
                              ? g_time_zone_ref (ncl_event_get_time_zone (self))
                              : g_time_zone_new_utc ();
  g_autoptr(NclDay) first = g_list_model_get_item (G_LIST_MODEL (self->days), 0);
  const char *last = NULL;

  for (guint i = 0; i < n_sessions; i++)
    {
      g_autoptr(NclSession) session = g_list_model_get_item (sessions, i);
      GDateTime *start = ncl_session_get_start (session);
      char *name = NULL;

      if (start != NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_timezone (start, zone);

          name = g_date_time_format (local, "%Y-%m-%d");
          last = name;
        }
      g_ptr_array_add (names, name != NULL ? name : g_strdup (last));
    }

  for (guint i = 0; i < n_sessions && names->pdata[i] == NULL; i++)
    {
      for (guint j = i + 1; j < n_sessions && names->pdata[i] == NULL; j++)
        names->pdata[i] = g_strdup (names->pdata[j]);
    }

  /* Days made for another zone are another midnight: none is kept. */
  if (first != NULL &&
      g_strcmp0 (g_time_zone_get_identifier (g_date_time_get_timezone (ncl_day_get_date (first))),
                 g_time_zone_get_identifier (zone)) != 0)
    g_list_store_remove_all (self->days);

  group_sessions (self->days, sessions, (const char **) names->pdata, TRUE, day_new, zone);
}

/* Each session gets the speakers who hold it, in its names' order. */
static void
give_sessions_their_speakers (NclEvent *self)
{
  GListModel *sessions = G_LIST_MODEL (self->sessions);
  GListModel *speakers = G_LIST_MODEL (self->speakers);
  g_autoptr(GHashTable) given = g_hash_table_new_full (NULL, NULL, NULL,
                                                       (GDestroyNotify) g_ptr_array_unref);
  guint n_speakers = g_list_model_get_n_items (speakers);
  guint n_sessions = g_list_model_get_n_items (sessions);

  for (guint i = 0; i < n_speakers; i++)
    {
      g_autoptr(NclSpeaker) speaker = g_list_model_get_item (speakers, i);
      GListModel *theirs = ncl_speaker_get_sessions (speaker);
      guint n = g_list_model_get_n_items (theirs);

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(NclSession) session = g_list_model_get_item (theirs, j);
          GPtrArray *list = g_hash_table_lookup (given, session);

          if (list == NULL)
            {
              list = g_ptr_array_new_with_free_func (g_object_unref);
              g_hash_table_insert (given, session, list);
            }
          g_ptr_array_add (list, g_object_ref (speaker));
        }
    }

  for (guint i = 0; i < n_sessions; i++)
    {
      g_autoptr(NclSession) session = g_list_model_get_item (sessions, i);

      ncl_session_set_speakers (session, g_hash_table_lookup (given, session));
    }
}

/* A schedule without a post: its cards are the talks it gives slides or a
 * recording for, in its order, so that the Talks view shows what can be
 * watched or read. Made once, by the format's link of a fresh event; a
 * refresh brings them up to date through ncl_event_update_from() like a
 * post's, keeping their objects. A schedule with none adds none (the NATS
 * agenda leaves the post's highlights alone). */
static void
cards_for_recorded_talks (NclEvent *self)
{
  GListModel *sessions = G_LIST_MODEL (self->sessions);
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->article != NULL || g_list_model_get_n_items (G_LIST_MODEL (self->highlights)) > 0)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(NclSession) session = g_list_model_get_item (sessions, i);

      if (ncl_session_get_kind (session) == NCL_SESSION_TALK &&
          (ncl_session_get_slides_url (session) != NULL || ncl_session_get_recording_url (session) != NULL))
        {
          NclHighlight *card = ncl_highlight_new_from_schedule (cards->len + 1, ncl_session_get_title (session),
                                                                ncl_session_get_id (session));

          ncl_highlight_set_description (card, ncl_session_get_description (session));
          ncl_highlight_set_description_text (card, ncl_session_get_description_text (session));
          ncl_highlight_set_slides_url (card, ncl_session_get_slides_url (session));
          ncl_highlight_set_video_url (card, ncl_session_get_recording_url (session));
          g_ptr_array_add (cards, card);
        }
    }

  if (cards->len == 0)
    return;

  g_list_store_splice (self->highlights, 0, 0, cards->pdata, cards->len);
  self->parts |= NCL_EVENT_PART_HIGHLIGHTS;
}

/**
 * ncl_event_link:
 *
 * Computes the relations, once per change: each speaker's sessions and each
 * session's speakers, the days, rooms and tracks, and which session each
 * highlight is (core/ncl-highlight-match.c). Views read them, never compute
 * them. ncl_event_update_from() calls it; so do formats, on what they make.
 */
void
ncl_event_link (NclEvent *self)
{
  GListModel *sessions;
  guint n_sessions;
  g_autofree const char **rooms = NULL;
  g_autofree const char **tracks = NULL;

  g_return_if_fail (NCL_IS_EVENT (self));

  sessions = G_LIST_MODEL (self->sessions);
  n_sessions = g_list_model_get_n_items (sessions);

  link_all (self);
  give_sessions_their_speakers (self);
  group_days (self, sessions);

  rooms = g_new0 (const char *, n_sessions + 1);
  tracks = g_new0 (const char *, n_sessions + 1);
  for (guint i = 0; i < n_sessions; i++)
    {
      g_autoptr(NclSession) session = g_list_model_get_item (sessions, i);

      rooms[i] = ncl_session_get_room (session);
      tracks[i] = ncl_session_get_track (session);
    }
  group_sessions (self->rooms, sessions, rooms, FALSE, room_new, NULL);
  group_sessions (self->tracks, sessions, tracks, FALSE, track_new, NULL);

  cards_for_recorded_talks (self);
  ncl_highlight_match_link (sessions, G_LIST_MODEL (self->highlights));
}
