/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ncl-event-part.h"
#include "ncl-search-filter.h"
#include "ncl-session.h"
#include "ncl-speaker.h"
#include "ncl-highlight.h"

/*
 * The one search of every view: the window owns one NclSearchFilter, and
 * the Talks, Agenda and Speakers views put their lists behind it, so a
 * query or the starred switch means the same thing everywhere.
 *
 * It matches talks, sessions and speakers by their folded text
 * (NclQuery), and alone says which stars count: a talk is starred under its
 * own id or its session's, a session under its own or its talk's (the
 * post's card and the agenda's row are one thing to star), a speaker when
 * one of their sessions is. While a search or the starred switch is on, the
 * post's header and closing words and the agenda's breaks are hidden: they
 * match nothing a person looks for, and a result count counts talks,
 * sessions or speakers.
 */

struct _NclSearchFilter
{
  GtkFilter parent_instance;

  NclQuery *query;
  gboolean starred_only;
  NclStars *stars;
  guint refilter_id;
};

G_DEFINE_FINAL_TYPE (NclSearchFilter, ncl_search_filter, GTK_TYPE_FILTER)

enum {
  PROP_0,
  PROP_QUERY,
  PROP_STARRED_ONLY,
  PROP_STARS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
session_is_starred (NclStars   *stars,
                    NclSession *session)
{
  NclHighlight *talk = ncl_session_get_highlight (session);
  const char *ids[] = { ncl_session_get_id (session),
                        talk != NULL ? ncl_highlight_get_id (talk) : NULL,
                        NULL };

  return ids[0] != NULL && ncl_stars_contains (stars, ids);
}

static gboolean
speaker_is_starred (NclStars   *stars,
                    NclSpeaker *speaker)
{
  GListModel *sessions = ncl_speaker_get_sessions (speaker);
  guint n_sessions = g_list_model_get_n_items (sessions);

  for (guint i = 0; i < n_sessions; i++)
    {
      g_autoptr(NclSession) session = g_list_model_get_item (sessions, i);

      if (session_is_starred (stars, session))
        return TRUE;
    }

  return FALSE;
}

/**
 * ncl_search_filter_is_starred:
 * @item: an #NclHighlight, #NclSession or #NclSpeaker
 *
 * Returns: whether @item counts as starred: a talk under its own id or its
 *   session's, a session under its own or its talk's, a speaker when one of
 *   their sessions is
 */
gboolean
ncl_search_filter_is_starred (NclSearchFilter *self,
                              gpointer         item)
{
  g_return_val_if_fail (NCL_IS_SEARCH_FILTER (self), FALSE);

  if (self->stars == NULL)
    return FALSE;
  if (NCL_IS_HIGHLIGHT (item))
    return ncl_stars_contains (self->stars, ncl_highlight_get_star_ids (item));
  if (NCL_IS_SESSION (item))
    return session_is_starred (self->stars, item);
  if (NCL_IS_SPEAKER (item))
    return speaker_is_starred (self->stars, item);

  return FALSE;
}

static const char *
search_text (gpointer item)
{
  if (NCL_IS_HIGHLIGHT (item))
    return ncl_highlight_get_search_text (item);
  if (NCL_IS_SPEAKER (item))
    return ncl_speaker_get_search_text (item);
  if (NCL_IS_SESSION (item) && ncl_session_get_kind (item) == NCL_SESSION_TALK)
    return ncl_session_get_search_text (item);

  /* The post's header and closing words, a break. */
  return NULL;
}

static gboolean
ncl_search_filter_match (GtkFilter *filter,
                         gpointer   item)
{
  NclSearchFilter *self = NCL_SEARCH_FILTER (filter);
  const char *text;

  if (!ncl_search_filter_is_active (self))
    return TRUE;

  if ((text = search_text (item)) == NULL)
    return FALSE;

  if (self->starred_only && !ncl_search_filter_is_starred (self, item))
    return FALSE;

  return ncl_query_matches (self->query, text);
}

static GtkFilterMatch
ncl_search_filter_get_strictness (GtkFilter *filter)
{
  NclSearchFilter *self = NCL_SEARCH_FILTER (filter);

  return ncl_search_filter_is_active (self) ? GTK_FILTER_MATCH_SOME : GTK_FILTER_MATCH_ALL;
}

static gboolean
refilter_cb (gpointer data)
{
  NclSearchFilter *self = data;

  self->refilter_id = 0;
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
  return G_SOURCE_REMOVE;
}

/* A star set under Starred hides or shows items, but not while the star
 * button that set it is still handling its click: the list would drop the
 * button's row in the middle of it. Right after, before the next frame. */
static void
stars_changed_cb (NclSearchFilter *self)
{
  if (self->starred_only && self->refilter_id == 0)
    self->refilter_id = g_idle_add_full (G_PRIORITY_DEFAULT, refilter_cb, self, NULL);
}

static void
ncl_search_filter_dispose (GObject *object)
{
  NclSearchFilter *self = (NclSearchFilter *)object;

  if (self->stars != NULL)
    g_signal_handlers_disconnect_by_func (self->stars, stars_changed_cb, self);
  g_clear_object (&self->stars);
  g_clear_handle_id (&self->refilter_id, g_source_remove);

  G_OBJECT_CLASS (ncl_search_filter_parent_class)->dispose (object);
}

static void
ncl_search_filter_finalize (GObject *object)
{
  NclSearchFilter *self = (NclSearchFilter *)object;

  g_clear_pointer (&self->query, ncl_query_unref);

  G_OBJECT_CLASS (ncl_search_filter_parent_class)->finalize (object);
}

static void
ncl_search_filter_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  NclSearchFilter *self = NCL_SEARCH_FILTER (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      g_value_set_boxed (value, self->query);
      break;
    case PROP_STARRED_ONLY:
      g_value_set_boolean (value, self->starred_only);
      break;
    case PROP_STARS:
      g_value_set_object (value, self->stars);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_search_filter_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  NclSearchFilter *self = NCL_SEARCH_FILTER (object);

  switch (prop_id)
    {
    case PROP_STARRED_ONLY:
      ncl_search_filter_set_starred_only (self, g_value_get_boolean (value));
      break;
    case PROP_STARS:
      ncl_search_filter_set_stars (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_search_filter_class_init (NclSearchFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->dispose = ncl_search_filter_dispose;
  object_class->finalize = ncl_search_filter_finalize;
  object_class->get_property = ncl_search_filter_get_property;
  object_class->set_property = ncl_search_filter_set_property;

  filter_class->match = ncl_search_filter_match;
  filter_class->get_strictness = ncl_search_filter_get_strictness;

  /**
   * NclSearchFilter:query:
   *
   * What is searched for; set it with ncl_search_filter_set_text().
   */
  properties[PROP_QUERY] =
    g_param_spec_boxed ("query", NULL, NULL,
                        NCL_TYPE_QUERY,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STARRED_ONLY] =
    g_param_spec_boolean ("starred-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STARS] =
    g_param_spec_object ("stars", NULL, NULL,
                         NCL_TYPE_STARS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ncl_search_filter_init (NclSearchFilter *self)
{
  self->query = ncl_query_new (NULL);
}

NclSearchFilter *
ncl_search_filter_new (void)
{
  return g_object_new (NCL_TYPE_SEARCH_FILTER, NULL);
}

/**
 * ncl_search_filter_get_query:
 *
 * Returns: (transfer none): what is searched for
 */
NclQuery *
ncl_search_filter_get_query (NclSearchFilter *self)
{
  g_return_val_if_fail (NCL_IS_SEARCH_FILTER (self), NULL);

  return self->query;
}

/**
 * ncl_search_filter_set_text:
 * @text: (nullable): what a person typed
 *
 * Searches for @text. One more letter only looks again at what was shown.
 */
void
ncl_search_filter_set_text (NclSearchFilter *self,
                            const char      *text)
{
  g_autoptr(NclQuery) query = NULL;
  GtkFilterChange change;

  g_return_if_fail (NCL_IS_SEARCH_FILTER (self));

  query = ncl_query_new (text);
  if (ncl_query_equal (query, self->query))
    {
      /* The same words, perhaps other punctuation: the same results. */
      g_clear_pointer (&self->query, ncl_query_unref);
      self->query = g_steal_pointer (&query);
      return;
    }

  if (ncl_query_narrows (query, self->query))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (ncl_query_narrows (self->query, query))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_clear_pointer (&self->query, ncl_query_unref);
  self->query = g_steal_pointer (&query);

  gtk_filter_changed (GTK_FILTER (self), change);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

gboolean
ncl_search_filter_get_starred_only (NclSearchFilter *self)
{
  g_return_val_if_fail (NCL_IS_SEARCH_FILTER (self), FALSE);

  return self->starred_only;
}

/**
 * ncl_search_filter_set_starred_only:
 *
 * Shows only what is starred (see ncl_search_filter_is_starred()).
 */
void
ncl_search_filter_set_starred_only (NclSearchFilter *self,
                                    gboolean         starred_only)
{
  g_return_if_fail (NCL_IS_SEARCH_FILTER (self));

  starred_only = !!starred_only;
  if (self->starred_only == starred_only)
    return;

  self->starred_only = starred_only;
  gtk_filter_changed (GTK_FILTER (self),
                      starred_only ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARRED_ONLY]);
}

/**
 * ncl_search_filter_get_stars:
 *
 * Returns: (transfer none) (nullable): the stars the filter counts
 */
NclStars *
ncl_search_filter_get_stars (NclSearchFilter *self)
{
  g_return_val_if_fail (NCL_IS_SEARCH_FILTER (self), NULL);

  return self->stars;
}

/**
 * ncl_search_filter_set_stars:
 * @stars: (nullable): the starred talks and sessions, followed as they change
 */
void
ncl_search_filter_set_stars (NclSearchFilter *self,
                             NclStars        *stars)
{
  g_return_if_fail (NCL_IS_SEARCH_FILTER (self));
  g_return_if_fail (stars == NULL || NCL_IS_STARS (stars));

  if (self->stars == stars)
    return;

  if (self->stars != NULL)
    g_signal_handlers_disconnect_by_func (self->stars, stars_changed_cb, self);
  g_set_object (&self->stars, stars);
  if (stars != NULL)
    g_signal_connect_swapped (stars, "changed", G_CALLBACK (stars_changed_cb), self);

  if (self->starred_only)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARS]);
}

/**
 * ncl_search_filter_is_active:
 *
 * Returns: whether a search or the starred switch is on, so that some
 *   items may be hidden
 */
gboolean
ncl_search_filter_is_active (NclSearchFilter *self)
{
  g_return_val_if_fail (NCL_IS_SEARCH_FILTER (self), FALSE);

  return self->starred_only || !ncl_query_is_empty (self->query);
}

/**
 * ncl_search_filter_describe_no_results:
 * @title: (out) (transfer full): the empty state's title
 * @description: (out) (transfer full) (nullable): what to try instead
 *
 * What a view says in place of its list when the search or the starred
 * switch leaves nothing: every view says it the same way.
 */
void
ncl_search_filter_describe_no_results (NclSearchFilter  *self,
                                       char            **title,
                                       char            **description)
{
  g_autofree char *query = NULL;

  g_return_if_fail (NCL_IS_SEARCH_FILTER (self));
  g_return_if_fail (title != NULL && description != NULL);

  query = g_strstrip (g_strdup (ncl_query_get_text (self->query)));
  if (query[0] != '\0')
    /* Translators: under "No Results Found"; %s is what was searched for */
    *description = g_strdup_printf (self->starred_only ? _("Nothing starred matches “%s”.")
                                                       : _("Nothing matches “%s”. Try other words."),
                                    query);
  else if (self->starred_only)
    *description = g_strdup (_("Nothing is starred yet. Star a talk or session with its star "
                               "button or Ctrl+D."));
  else
    *description = NULL;

  *title = g_strdup (self->starred_only && query[0] == '\0' ? _("No Starred Talks") : _("No Results Found"));
}
