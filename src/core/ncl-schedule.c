/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ncl-fold.h"
#include "ncl-schedule.h"
#include "ncl-util.h"

/* The event's agenda page: its sessions in the page's order (talks and
 * breaks), its speaker list, and what the parser could not read. */
struct _NclSchedule
{
  GObject parent_instance;

  char *title;
  char *date_text;
  char *zone_text;
  GDateTime *date;
  GListStore *sessions;
  GListStore *speakers;
  GPtrArray *problems;

  /* Sessions and speakers by ncl_fold_name_key() of their speakers' names
   * (element-type GPtrArray of the objects, in the page's order), so that
   * linking them compares only the names that can match. */
  GHashTable *sessions_by_key;
  GHashTable *speakers_by_key;
};

G_DEFINE_FINAL_TYPE (NclSchedule, ncl_schedule, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DATE_TEXT,
  PROP_ZONE_TEXT,
  PROP_DATE,
  PROP_SESSIONS,
  PROP_SPEAKERS,
  PROP_PROBLEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string_prop (NclSchedule  *self,
                 char        **field,
                 const char   *value,
                 guint         prop_id)
{
  if (ncl_set_str (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
ncl_schedule_dispose (GObject *object)
{
  NclSchedule *self = (NclSchedule *)object;

  g_clear_object (&self->sessions);
  g_clear_object (&self->speakers);
  g_clear_pointer (&self->sessions_by_key, g_hash_table_unref);
  g_clear_pointer (&self->speakers_by_key, g_hash_table_unref);

  G_OBJECT_CLASS (ncl_schedule_parent_class)->dispose (object);
}

static void
ncl_schedule_finalize (GObject *object)
{
  NclSchedule *self = (NclSchedule *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->date_text, g_free);
  g_clear_pointer (&self->zone_text, g_free);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (ncl_schedule_parent_class)->finalize (object);
}

static void
ncl_schedule_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  NclSchedule *self = NCL_SCHEDULE (object);

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
    case PROP_SESSIONS:
      g_value_set_object (value, self->sessions);
      break;
    case PROP_SPEAKERS:
      g_value_set_object (value, self->speakers);
      break;
    case PROP_PROBLEMS:
      g_value_set_boxed (value, ncl_schedule_get_problems (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_schedule_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  NclSchedule *self = NCL_SCHEDULE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      ncl_schedule_set_title (self, g_value_get_string (value));
      break;
    case PROP_DATE_TEXT:
      ncl_schedule_set_date_text (self, g_value_get_string (value));
      break;
    case PROP_ZONE_TEXT:
      ncl_schedule_set_zone_text (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      ncl_schedule_set_date (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_schedule_class_init (NclScheduleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ncl_schedule_dispose;
  object_class->finalize = ncl_schedule_finalize;
  object_class->get_property = ncl_schedule_get_property;
  object_class->set_property = ncl_schedule_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NclSchedule:date-text:
   *
   * The page's heading with the date, as written: "April 16, 2020 @8am PDT".
   */
  properties[PROP_DATE_TEXT] =
    g_param_spec_string ("date-text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NclSchedule:zone-text:
   *
   * The time zone as the page names it ("PDT").
   */
  properties[PROP_ZONE_TEXT] =
    g_param_spec_string ("zone-text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NclSchedule:date:
   *
   * When the event starts, in its time zone (the heading's time, or
   * midnight when the heading gives none).
   */
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SESSIONS] =
    g_param_spec_object ("sessions", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_SPEAKERS] =
    g_param_spec_object ("speakers", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * NclSchedule:problems:
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
ncl_schedule_init (NclSchedule *self)
{
  self->sessions = g_list_store_new (NCL_TYPE_SESSION);
  self->speakers = g_list_store_new (NCL_TYPE_SPEAKER);
  self->sessions_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) g_ptr_array_unref);
  self->speakers_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) g_ptr_array_unref);
  self->problems = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

NclSchedule *
ncl_schedule_new (void)
{
  return g_object_new (NCL_TYPE_SCHEDULE, NULL);
}

const char *
ncl_schedule_get_title (NclSchedule *self)
{
  g_return_val_if_fail (NCL_IS_SCHEDULE (self), NULL);

  return self->title;
}

void
ncl_schedule_set_title (NclSchedule *self,
                        const char  *title)
{
  g_return_if_fail (NCL_IS_SCHEDULE (self));

  set_string_prop (self, &self->title, title, PROP_TITLE);
}

const char *
ncl_schedule_get_date_text (NclSchedule *self)
{
  g_return_val_if_fail (NCL_IS_SCHEDULE (self), NULL);

  return self->date_text;
}

void
ncl_schedule_set_date_text (NclSchedule *self,
                            const char  *date_text)
{
  g_return_if_fail (NCL_IS_SCHEDULE (self));

  set_string_prop (self, &self->date_text, date_text, PROP_DATE_TEXT);
}

const char *
ncl_schedule_get_zone_text (NclSchedule *self)
{
  g_return_val_if_fail (NCL_IS_SCHEDULE (self), NULL);

  return self->zone_text;
}

void
ncl_schedule_set_zone_text (NclSchedule *self,
                            const char  *zone_text)
{
  g_return_if_fail (NCL_IS_SCHEDULE (self));

  set_string_prop (self, &self->zone_text, zone_text, PROP_ZONE_TEXT);
}

/**
 * ncl_schedule_get_date:
 *
 * Returns: (transfer none) (nullable): when the event starts, in its zone
 */
GDateTime *
ncl_schedule_get_date (NclSchedule *self)
{
  g_return_val_if_fail (NCL_IS_SCHEDULE (self), NULL);

  return self->date;
}

void
ncl_schedule_set_date (NclSchedule *self,
                       GDateTime   *date)
{
  g_return_if_fail (NCL_IS_SCHEDULE (self));

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

/**
 * ncl_schedule_get_time_zone:
 *
 * Returns: (transfer none) (nullable): the event's time zone
 */
GTimeZone *
ncl_schedule_get_time_zone (NclSchedule *self)
{
  g_return_val_if_fail (NCL_IS_SCHEDULE (self), NULL);

  return self->date != NULL ? g_date_time_get_timezone (self->date) : NULL;
}

/**
 * ncl_schedule_get_sessions:
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
  const char * const *speakers = ncl_session_get_speakers (session);

  if (name == NULL)
    return FALSE;

  for (guint i = 0; speakers[i] != NULL; i++)
    {
      if (ncl_fold_names_match (name, speakers[i]))
        return TRUE;
    }

  return FALSE;
}

/* Gives @speaker the sessions of the index that are theirs. */
static void
link_speaker (NclSchedule *self,
              NclSpeaker  *speaker)
{
  g_autoptr(GPtrArray) given = g_ptr_array_new ();
  const char *name = ncl_speaker_get_name (speaker);
  char *key = name != NULL ? ncl_fold_name_key (name) : NULL;
  GPtrArray *candidates = NULL;

  if (key != NULL)
    {
      candidates = g_hash_table_lookup (self->sessions_by_key, key);
      index_add (self->speakers_by_key, key, speaker);
    }

  for (guint i = 0; candidates != NULL && i < candidates->len; i++)
    {
      if (speaker_gives (speaker, candidates->pdata[i]))
        g_ptr_array_add (given, candidates->pdata[i]);
    }

  ncl_speaker_set_sessions (speaker, given);
}

/* Indexes @session and, with @link, adds it to the speakers who give it. */
static void
index_session (NclSchedule *self,
               NclSession  *session,
               gboolean     link)
{
  const char * const *speakers = ncl_session_get_speakers (session);

  for (guint i = 0; speakers[i] != NULL; i++)
    {
      char *key = ncl_fold_name_key (speakers[i]);
      GPtrArray *candidates;

      if (key == NULL)
        continue;

      candidates = link ? g_hash_table_lookup (self->speakers_by_key, key) : NULL;
      index_add (self->sessions_by_key, key, session);

      for (guint j = 0; candidates != NULL && j < candidates->len; j++)
        {
          NclSpeaker *speaker = candidates->pdata[j];
          GListModel *given = ncl_speaker_get_sessions (speaker);
          guint n_given = g_list_model_get_n_items (given);
          g_autoptr(GPtrArray) more = NULL;
          g_autoptr(NclSession) last = n_given > 0 ? g_list_model_get_item (given, n_given - 1) : NULL;

          if (last == session || !ncl_fold_names_match (ncl_speaker_get_name (speaker), speakers[i]))
            continue;

          more = g_ptr_array_new_full (n_given + 1, g_object_unref);
          for (guint k = 0; k < n_given; k++)
            g_ptr_array_add (more, g_list_model_get_item (given, k));
          g_ptr_array_add (more, g_object_ref (session));
          ncl_speaker_set_sessions (speaker, more);
        }
    }
}

/* Links every speaker to their sessions again, after a change of either. */
static void
link_all (NclSchedule *self)
{
  guint n_sessions = g_list_model_get_n_items (G_LIST_MODEL (self->sessions));
  guint n_speakers = g_list_model_get_n_items (G_LIST_MODEL (self->speakers));

  g_hash_table_remove_all (self->sessions_by_key);
  g_hash_table_remove_all (self->speakers_by_key);

  for (guint i = 0; i < n_sessions; i++)
    {
      g_autoptr(NclSession) session = g_list_model_get_item (G_LIST_MODEL (self->sessions), i);

      index_session (self, session, FALSE);
    }

  for (guint i = 0; i < n_speakers; i++)
    {
      g_autoptr(NclSpeaker) speaker = g_list_model_get_item (G_LIST_MODEL (self->speakers), i);

      link_speaker (self, speaker);
    }
}

GListModel *
ncl_schedule_get_sessions (NclSchedule *self)
{
  g_return_val_if_fail (NCL_IS_SCHEDULE (self), NULL);

  return G_LIST_MODEL (self->sessions);
}

void
ncl_schedule_add_session (NclSchedule *self,
                          NclSession  *session)
{
  g_return_if_fail (NCL_IS_SCHEDULE (self));
  g_return_if_fail (NCL_IS_SESSION (session));

  g_list_store_append (self->sessions, session);
  index_session (self, session, TRUE);
}

/**
 * ncl_schedule_get_speakers:
 *
 * Returns: (transfer none): a list of #NclSpeaker, in the page's order
 */
GListModel *
ncl_schedule_get_speakers (NclSchedule *self)
{
  g_return_val_if_fail (NCL_IS_SCHEDULE (self), NULL);

  return G_LIST_MODEL (self->speakers);
}

void
ncl_schedule_add_speaker (NclSchedule *self,
                          NclSpeaker  *speaker)
{
  g_return_if_fail (NCL_IS_SCHEDULE (self));
  g_return_if_fail (NCL_IS_SPEAKER (speaker));

  g_list_store_append (self->speakers, speaker);
  link_speaker (self, speaker);
}

/**
 * ncl_schedule_find_speaker:
 * @name: a name as the agenda or a post writes it
 *
 * Returns: (transfer none) (nullable): the first speaker of the list whose
 *   name matches @name by ncl_fold_names_match()
 */
NclSpeaker *
ncl_schedule_find_speaker (NclSchedule *self,
                           const char  *name)
{
  guint n_items;

  g_return_val_if_fail (NCL_IS_SCHEDULE (self), NULL);
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
 * ncl_schedule_get_problems:
 *
 * Returns: (transfer none): what could not be read, never %NULL
 */
const char * const *
ncl_schedule_get_problems (NclSchedule *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (NCL_IS_SCHEDULE (self), NULL);

  /* An empty array may have no storage yet. */
  if (self->problems->pdata == NULL)
    return none;

  return (const char * const *)self->problems->pdata;
}

void
ncl_schedule_add_problem (NclSchedule *self,
                          const char  *problem)
{
  g_return_if_fail (NCL_IS_SCHEDULE (self));
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
  g_autofree char *folded = ncl_fold (ncl_session_get_title (session));

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
  ncl_session_set_speakers (session, ncl_session_get_speakers (fresh));
  ncl_session_set_start (session, ncl_session_get_start (fresh));
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
 * ncl_schedule_update_from:
 * @self: the schedule on screen
 * @other: the same agenda page, fetched again
 *
 * Brings @self up to date in place: a session that is in both keeps its
 * object (found by its kind and title), so a moved time updates the row on
 * screen; added sessions appear where the page puts them, gone ones go.
 */
void
ncl_schedule_update_from (NclSchedule *self,
                          NclSchedule *other)
{
  g_return_if_fail (NCL_IS_SCHEDULE (self));
  g_return_if_fail (NCL_IS_SCHEDULE (other));

  g_object_freeze_notify (G_OBJECT (self));
  ncl_schedule_set_title (self, ncl_schedule_get_title (other));
  ncl_schedule_set_date_text (self, ncl_schedule_get_date_text (other));
  ncl_schedule_set_zone_text (self, ncl_schedule_get_zone_text (other));
  ncl_schedule_set_date (self, ncl_schedule_get_date (other));

  merge_store (self->sessions, G_LIST_MODEL (other->sessions), session_key, session_update);
  /* Speakers' links have no setters: a changed speaker is a new object. */
  merge_store (self->speakers, G_LIST_MODEL (other->speakers), speaker_key, NULL);
  link_all (self);

  /* Problems name what this fetch of the page could not read. */
  g_ptr_array_set_size (self->problems, 0);
  for (guint i = 0; i < other->problems->len; i++)
    {
      const char *problem = g_ptr_array_index (other->problems, i);

      if (problem != NULL)
        g_ptr_array_add (self->problems, g_strdup (problem));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEMS]);
  g_object_thaw_notify (G_OBJECT (self));
}
