/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ncl-session-group.h"
#include "ncl-session.h"

/*
 * The event's sessions grouped three ways: by day (NclDay, named by its
 * date in the event's zone), by room (NclRoom) and by track (NclTrack).
 * ncl_event_link () makes them from the sessions; the views list them
 * (a day's tab, a room's filter) and read their sessions, in the event's
 * order. A group holds its sessions; a session names its room and track.
 */

typedef struct
{
  char *name;
  GListStore *sessions;
} NclSessionGroupPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (NclSessionGroup, ncl_session_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_SESSIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ncl_session_group_dispose (GObject *object)
{
  NclSessionGroupPrivate *priv = ncl_session_group_get_instance_private (NCL_SESSION_GROUP (object));

  g_clear_object (&priv->sessions);

  G_OBJECT_CLASS (ncl_session_group_parent_class)->dispose (object);
}

static void
ncl_session_group_finalize (GObject *object)
{
  NclSessionGroupPrivate *priv = ncl_session_group_get_instance_private (NCL_SESSION_GROUP (object));

  g_clear_pointer (&priv->name, g_free);

  G_OBJECT_CLASS (ncl_session_group_parent_class)->finalize (object);
}

static void
ncl_session_group_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  NclSessionGroupPrivate *priv = ncl_session_group_get_instance_private (NCL_SESSION_GROUP (object));

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, priv->name);
      break;
    case PROP_SESSIONS:
      g_value_set_object (value, priv->sessions);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_session_group_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  NclSessionGroupPrivate *priv = ncl_session_group_get_instance_private (NCL_SESSION_GROUP (object));

  switch (prop_id)
    {
    case PROP_NAME:
      priv->name = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_session_group_class_init (NclSessionGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ncl_session_group_dispose;
  object_class->finalize = ncl_session_group_finalize;
  object_class->get_property = ncl_session_group_get_property;
  object_class->set_property = ncl_session_group_set_property;

  /**
   * NclSessionGroup:name:
   *
   * The room's or track's name as the schedule writes it; for a day, its
   * date as ISO 8601 ("2020-04-16").
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SESSIONS] =
    g_param_spec_object ("sessions", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ncl_session_group_init (NclSessionGroup *self)
{
  NclSessionGroupPrivate *priv = ncl_session_group_get_instance_private (self);

  priv->sessions = g_list_store_new (NCL_TYPE_SESSION);
}

const char *
ncl_session_group_get_name (NclSessionGroup *self)
{
  NclSessionGroupPrivate *priv = ncl_session_group_get_instance_private (self);

  g_return_val_if_fail (NCL_IS_SESSION_GROUP (self), NULL);

  return priv->name;
}

/**
 * ncl_session_group_get_sessions:
 *
 * Returns: (transfer none): a list of #NclSession, in the event's order
 */
GListModel *
ncl_session_group_get_sessions (NclSessionGroup *self)
{
  NclSessionGroupPrivate *priv = ncl_session_group_get_instance_private (self);

  g_return_val_if_fail (NCL_IS_SESSION_GROUP (self), NULL);

  return G_LIST_MODEL (priv->sessions);
}

/**
 * ncl_session_group_set_sessions:
 * @sessions: (element-type NclSession): the group's sessions
 */
void
ncl_session_group_set_sessions (NclSessionGroup *self,
                                GPtrArray       *sessions)
{
  NclSessionGroupPrivate *priv = ncl_session_group_get_instance_private (self);

  g_return_if_fail (NCL_IS_SESSION_GROUP (self));

  g_list_store_splice (priv->sessions, 0, g_list_model_get_n_items (G_LIST_MODEL (priv->sessions)),
                       sessions->pdata, sessions->len);
}

struct _NclDay
{
  NclSessionGroup parent_instance;

  GDateTime *date;
};

G_DEFINE_FINAL_TYPE (NclDay, ncl_day, NCL_TYPE_SESSION_GROUP)

static void
ncl_day_finalize (GObject *object)
{
  g_clear_pointer (&NCL_DAY (object)->date, g_date_time_unref);

  G_OBJECT_CLASS (ncl_day_parent_class)->finalize (object);
}

static void
ncl_day_class_init (NclDayClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ncl_day_finalize;
}

static void
ncl_day_init (NclDay *self)
{
}

/**
 * ncl_day_new:
 * @date: midnight of the day, in the event's zone
 */
NclDay *
ncl_day_new (GDateTime *date)
{
  g_autofree char *name = g_date_time_format (date, "%Y-%m-%d");
  NclDay *self = g_object_new (NCL_TYPE_DAY, "name", name, NULL);

  self->date = g_date_time_ref (date);

  return self;
}

/**
 * ncl_day_get_date:
 *
 * Returns: (transfer none): midnight of the day, in the event's zone
 */
GDateTime *
ncl_day_get_date (NclDay *self)
{
  g_return_val_if_fail (NCL_IS_DAY (self), NULL);

  return self->date;
}

struct _NclRoom
{
  NclSessionGroup parent_instance;
};

G_DEFINE_FINAL_TYPE (NclRoom, ncl_room, NCL_TYPE_SESSION_GROUP)

static void ncl_room_class_init (NclRoomClass *klass) { }
static void ncl_room_init (NclRoom *self) { }

NclRoom *
ncl_room_new (const char *name)
{
  return g_object_new (NCL_TYPE_ROOM, "name", name, NULL);
}

struct _NclTrack
{
  NclSessionGroup parent_instance;
};

G_DEFINE_FINAL_TYPE (NclTrack, ncl_track, NCL_TYPE_SESSION_GROUP)

static void ncl_track_class_init (NclTrackClass *klass) { }
static void ncl_track_init (NclTrack *self) { }

NclTrack *
ncl_track_new (const char *name)
{
  return g_object_new (NCL_TYPE_TRACK, "name", name, NULL);
}
