/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ncl-link.h"
#include "ncl-query.h"
#include "ncl-speaker.h"
#include "ncl-util.h"

/* One person of the page's speaker list: the name in bold, the line under it
 * (affiliation, sometimes a link) and the icon links (GitHub, LinkedIn, …). */
struct _NclSpeaker
{
  GObject parent_instance;

  char *name;
  char *affiliation;
  char *affiliation_url;
  GArray *links;
  GListStore *sessions;

  /* Folded for searches; made on first use, dropped on any change. */
  char *search_text;
};


G_DEFINE_FINAL_TYPE (NclSpeaker, ncl_speaker, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_AFFILIATION,
  PROP_AFFILIATION_URL,
  PROP_N_LINKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
speaker_link_clear (gpointer data)
{
  NclSpeakerLink *link = data;

  g_clear_pointer (&link->uri, g_free);
}

static void
ncl_speaker_finalize (GObject *object)
{
  NclSpeaker *self = (NclSpeaker *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->affiliation, g_free);
  g_clear_pointer (&self->affiliation_url, g_free);
  g_clear_pointer (&self->links, g_array_unref);
  g_clear_object (&self->sessions);
  g_clear_pointer (&self->search_text, g_free);

  G_OBJECT_CLASS (ncl_speaker_parent_class)->finalize (object);
}

/* Every change can touch what searches look at. */
static void
ncl_speaker_notify (GObject    *object,
                    GParamSpec *pspec)
{
  NclSpeaker *self = (NclSpeaker *)object;

  g_clear_pointer (&self->search_text, g_free);

  if (G_OBJECT_CLASS (ncl_speaker_parent_class)->notify != NULL)
    G_OBJECT_CLASS (ncl_speaker_parent_class)->notify (object, pspec);
}

static void
ncl_speaker_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  NclSpeaker *self = NCL_SPEAKER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_AFFILIATION:
      g_value_set_string (value, self->affiliation);
      break;
    case PROP_AFFILIATION_URL:
      g_value_set_string (value, self->affiliation_url);
      break;
    case PROP_N_LINKS:
      g_value_set_uint (value, self->links->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_speaker_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  NclSpeaker *self = NCL_SPEAKER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      ncl_set_str (&self->name, g_value_get_string (value));
      break;
    case PROP_AFFILIATION:
      ncl_speaker_set_affiliation (self, g_value_get_string (value));
      break;
    case PROP_AFFILIATION_URL:
      ncl_speaker_set_affiliation_url (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_speaker_class_init (NclSpeakerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ncl_speaker_finalize;
  object_class->notify = ncl_speaker_notify;
  object_class->get_property = ncl_speaker_get_property;
  object_class->set_property = ncl_speaker_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AFFILIATION] =
    g_param_spec_string ("affiliation", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AFFILIATION_URL] =
    g_param_spec_string ("affiliation-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_LINKS] =
    g_param_spec_uint ("n-links", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ncl_speaker_init (NclSpeaker *self)
{
  self->links = g_array_new (FALSE, TRUE, sizeof (NclSpeakerLink));
  g_array_set_clear_func (self->links, speaker_link_clear);
  self->sessions = g_list_store_new (NCL_TYPE_SESSION);
}

NclSpeaker *
ncl_speaker_new (const char *name)
{
  return g_object_new (NCL_TYPE_SPEAKER, "name", name, NULL);
}

const char *
ncl_speaker_get_name (NclSpeaker *self)
{
  g_return_val_if_fail (NCL_IS_SPEAKER (self), NULL);

  return self->name;
}

/**
 * ncl_speaker_get_affiliation:
 *
 * Returns: (nullable): plain text, such as "CTO @ Swim"
 */
const char *
ncl_speaker_get_affiliation (NclSpeaker *self)
{
  g_return_val_if_fail (NCL_IS_SPEAKER (self), NULL);

  return self->affiliation;
}

void
ncl_speaker_set_affiliation (NclSpeaker *self,
                             const char *affiliation)
{
  g_return_if_fail (NCL_IS_SPEAKER (self));

  if (ncl_set_str (&self->affiliation, affiliation))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AFFILIATION]);
}

/**
 * ncl_speaker_get_affiliation_url:
 *
 * Returns: (nullable): where the affiliation links to, if it does
 */
const char *
ncl_speaker_get_affiliation_url (NclSpeaker *self)
{
  g_return_val_if_fail (NCL_IS_SPEAKER (self), NULL);

  return self->affiliation_url;
}

void
ncl_speaker_set_affiliation_url (NclSpeaker *self,
                                 const char *url)
{
  g_return_if_fail (NCL_IS_SPEAKER (self));

  if (ncl_set_str (&self->affiliation_url, url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AFFILIATION_URL]);
}

guint
ncl_speaker_get_n_links (NclSpeaker *self)
{
  g_return_val_if_fail (NCL_IS_SPEAKER (self), 0);

  return self->links->len;
}

/**
 * ncl_speaker_get_link:
 *
 * Returns: (transfer none): the link at @position, in the page's order
 */
const NclSpeakerLink *
ncl_speaker_get_link (NclSpeaker *self,
                      guint       position)
{
  g_return_val_if_fail (NCL_IS_SPEAKER (self), NULL);
  g_return_val_if_fail (position < self->links->len, NULL);

  return &g_array_index (self->links, NclSpeakerLink, position);
}

/**
 * ncl_speaker_find_link:
 *
 * Returns: (nullable): the first link of @kind
 */
const char *
ncl_speaker_find_link (NclSpeaker  *self,
                       NclLinkKind  kind)
{
  g_return_val_if_fail (NCL_IS_SPEAKER (self), NULL);

  for (guint i = 0; i < self->links->len; i++)
    {
      const NclSpeakerLink *link = &g_array_index (self->links, NclSpeakerLink, i);

      if (link->kind == kind)
        return link->uri;
    }

  return NULL;
}

/**
 * ncl_speaker_add_link:
 * @uri: an absolute URI
 *
 * Adds @uri with the kind its host or scheme tells. Links that are not web
 * pages or e-mail addresses, and links already there, are left out.
 *
 * Returns: whether the link was added
 */
gboolean
ncl_speaker_add_link (NclSpeaker *self,
                      const char *uri)
{
  NclSpeakerLink link;

  g_return_val_if_fail (NCL_IS_SPEAKER (self), FALSE);

  if (!ncl_link_is_safe (uri))
    return FALSE;

  for (guint i = 0; i < self->links->len; i++)
    {
      if (g_strcmp0 (g_array_index (self->links, NclSpeakerLink, i).uri, uri) == 0)
        return FALSE;
    }

  link.kind = ncl_link_classify (uri);
  link.uri = g_strdup (uri);
  g_array_append_val (self->links, link);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_LINKS]);

  return TRUE;
}


/**
 * ncl_speaker_get_sessions:
 *
 * Returns: (transfer none): the #NclSession list the speaker gives, in the
 *   agenda's order, as the schedule links them
 */
GListModel *
ncl_speaker_get_sessions (NclSpeaker *self)
{
  g_return_val_if_fail (NCL_IS_SPEAKER (self), NULL);

  return G_LIST_MODEL (self->sessions);
}

/**
 * ncl_speaker_set_sessions:
 * @sessions: (element-type NclSession): the sessions the speaker gives
 *
 * For the schedule, which links speakers to sessions. The list changes only
 * when @sessions differs from it.
 */
void
ncl_speaker_set_sessions (NclSpeaker *self,
                          GPtrArray  *sessions)
{
  guint n_items;
  gboolean same;

  g_return_if_fail (NCL_IS_SPEAKER (self));
  g_return_if_fail (sessions != NULL);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->sessions));
  same = n_items == sessions->len;
  for (guint i = 0; same && i < n_items; i++)
    {
      g_autoptr(NclSession) session = g_list_model_get_item (G_LIST_MODEL (self->sessions), i);

      same = session == g_ptr_array_index (sessions, i);
    }

  if (!same)
    g_list_store_splice (self->sessions, 0, n_items, sessions->pdata, sessions->len);
}

/**
 * ncl_speaker_get_search_text:
 *
 * Returns: the speaker's name and affiliation, folded for
 *   ncl_query_matches()
 */
const char *
ncl_speaker_get_search_text (NclSpeaker *self)
{
  g_return_val_if_fail (NCL_IS_SPEAKER (self), NULL);

  if (self->search_text == NULL)
    self->search_text = ncl_query_join (self->name ? self->name : "",
                                         self->affiliation ? self->affiliation : "",
                                         NULL);

  return self->search_text;
}
