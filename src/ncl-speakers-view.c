/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "ncl-search.h"
#include "ncl-speaker-row.h"
#include "ncl-speakers-view.h"

/* The agenda page's speakers, in its order. Rows are recycled as the list
 * scrolls, as in the agenda. */
struct _NclSpeakersView
{
  GtkWidget parent_instance;

  NclSchedule *schedule;
  gboolean show_event_time;

  /* Search and the starred filter: the speakers shown. */
  NclStars *stars;
  GStrv search_words;
  gboolean starred_only;
  GtkFilter *filter;
  GtkFilterListModel *results;

  GtkListView *speakers_view;
};

G_DEFINE_FINAL_TYPE (NclSpeakersView, ncl_speakers_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SCHEDULE,
  PROP_SHOW_EVENT_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
item_setup_cb (NclSpeakersView *self,
               GtkListItem     *item)
{
  GtkWidget *row = ncl_speaker_row_new ();

  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
  gtk_list_item_set_child (item, row);

  g_object_bind_property (self, "show-event-time", row, "show-event-time", G_BINDING_SYNC_CREATE);
}

static void
item_bind_cb (NclSpeakersView *self,
              GtkListItem     *item)
{
  NclSpeakerRow *row = NCL_SPEAKER_ROW (gtk_list_item_get_child (item));

  /* The schedule first: the row then finds the speaker's sessions once. */
  ncl_speaker_row_set_schedule (row, self->schedule);
  ncl_speaker_row_set_speaker (row, gtk_list_item_get_item (item));
}

static void
item_unbind_cb (NclSpeakersView *self,
                GtkListItem     *item)
{
  NclSpeakerRow *row = NCL_SPEAKER_ROW (gtk_list_item_get_child (item));

  ncl_speaker_row_set_speaker (row, NULL);
  ncl_speaker_row_set_schedule (row, NULL);
}

/* With the starred filter, a speaker who gives a starred session. */
static gboolean
gives_starred_session (NclSpeakersView *self,
                       NclSpeaker      *speaker)
{
  GListModel *sessions;
  guint n_sessions;

  if (self->stars == NULL || self->schedule == NULL)
    return FALSE;

  sessions = ncl_speaker_get_sessions (speaker);
  n_sessions = g_list_model_get_n_items (sessions);
  for (guint i = 0; i < n_sessions; i++)
    {
      g_autoptr(NclSession) session = g_list_model_get_item (sessions, i);
      const char *ids[] = { ncl_session_get_id (session), NULL };

      if (ids[0] != NULL && ncl_stars_contains (self->stars, ids))
        return TRUE;
    }

  return FALSE;
}

static gboolean
speaker_visible_cb (gpointer item,
                    gpointer user_data)
{
  NclSpeakersView *self = user_data;
  NclSpeaker *speaker = item;

  if (self->starred_only && !gives_starred_session (self, speaker))
    return FALSE;

  return ncl_search_matches (ncl_speaker_get_search_text (speaker),
                             (const char * const *)self->search_words);
}

static void
stars_changed_cb (NclSpeakersView *self)
{
  if (self->starred_only)
    gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
ncl_speakers_view_dispose (GObject *object)
{
  NclSpeakersView *self = (NclSpeakersView *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), NCL_TYPE_SPEAKERS_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->schedule);
  if (self->stars != NULL)
    g_signal_handlers_disconnect_by_func (self->stars, stars_changed_cb, self);
  g_clear_object (&self->stars);
  g_clear_object (&self->results);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->search_words, g_strfreev);

  G_OBJECT_CLASS (ncl_speakers_view_parent_class)->dispose (object);
}

static void
ncl_speakers_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  NclSpeakersView *self = NCL_SPEAKERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCHEDULE:
      g_value_set_object (value, self->schedule);
      break;
    case PROP_SHOW_EVENT_TIME:
      g_value_set_boolean (value, self->show_event_time);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_speakers_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  NclSpeakersView *self = NCL_SPEAKERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCHEDULE:
      ncl_speakers_view_set_schedule (self, g_value_get_object (value));
      break;
    case PROP_SHOW_EVENT_TIME:
      ncl_speakers_view_set_show_event_time (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_speakers_view_class_init (NclSpeakersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ncl_speakers_view_dispose;
  object_class->get_property = ncl_speakers_view_get_property;
  object_class->set_property = ncl_speakers_view_set_property;

  properties[PROP_SCHEDULE] =
    g_param_spec_object ("schedule", NULL, NULL,
                         NCL_TYPE_SCHEDULE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NclSpeakersView:show-event-time:
   *
   * Whether the sessions' times are in the event's time zone rather than
   * the user's; bind it to #NclAgendaView:show-event-time.
   */
  properties[PROP_SHOW_EVENT_TIME] =
    g_param_spec_boolean ("show-event-time", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ncl-speakers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, NclSpeakersView, speakers_view);
  gtk_widget_class_bind_template_callback (widget_class, item_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_unbind_cb);
  gtk_widget_class_set_css_name (widget_class, "nclspeakersview");
}

static void
ncl_speakers_view_init (NclSpeakersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = GTK_FILTER (gtk_custom_filter_new (speaker_visible_cb, self, NULL));
  self->results = gtk_filter_list_model_new (NULL, g_object_ref (self->filter));
}

GtkWidget *
ncl_speakers_view_new (void)
{
  return g_object_new (NCL_TYPE_SPEAKERS_VIEW, NULL);
}

/**
 * ncl_speakers_view_get_schedule:
 *
 * Returns: (transfer none) (nullable): the agenda whose speakers are shown
 */
NclSchedule *
ncl_speakers_view_get_schedule (NclSpeakersView *self)
{
  g_return_val_if_fail (NCL_IS_SPEAKERS_VIEW (self), NULL);

  return self->schedule;
}

void
ncl_speakers_view_set_schedule (NclSpeakersView *self,
                                NclSchedule     *schedule)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (NCL_IS_SPEAKERS_VIEW (self));
  g_return_if_fail (schedule == NULL || NCL_IS_SCHEDULE (schedule));

  if (!g_set_object (&self->schedule, schedule))
    return;

  gtk_filter_list_model_set_model (self->results,
                                   schedule != NULL ? ncl_schedule_get_speakers (schedule) : NULL);
  if (schedule != NULL)
    selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->results)));
  gtk_list_view_set_model (self->speakers_view, GTK_SELECTION_MODEL (selection));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEDULE]);
}

gboolean
ncl_speakers_view_get_show_event_time (NclSpeakersView *self)
{
  g_return_val_if_fail (NCL_IS_SPEAKERS_VIEW (self), FALSE);

  return self->show_event_time;
}

void
ncl_speakers_view_set_show_event_time (NclSpeakersView *self,
                                       gboolean         show_event_time)
{
  g_return_if_fail (NCL_IS_SPEAKERS_VIEW (self));

  show_event_time = !!show_event_time;
  if (self->show_event_time == show_event_time)
    return;

  self->show_event_time = show_event_time;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_EVENT_TIME]);
}

/**
 * ncl_speakers_view_set_stars:
 * @stars: (nullable): the starred talks and sessions
 */
void
ncl_speakers_view_set_stars (NclSpeakersView *self,
                             NclStars        *stars)
{
  g_return_if_fail (NCL_IS_SPEAKERS_VIEW (self));
  g_return_if_fail (self->stars == NULL);

  if (stars == NULL)
    return;

  self->stars = g_object_ref (stars);
  g_signal_connect_swapped (stars, "changed", G_CALLBACK (stars_changed_cb), self);
}

/**
 * ncl_speakers_view_set_search:
 * @words: (nullable): the query's folded words (ncl_search_split_query())
 * @starred_only: whether only the speakers of starred sessions are shown
 *
 * Shows the speakers whose name or affiliation have every word.
 */
void
ncl_speakers_view_set_search (NclSpeakersView    *self,
                              const char * const *words,
                              gboolean            starred_only)
{
  g_return_if_fail (NCL_IS_SPEAKERS_VIEW (self));

  g_clear_pointer (&self->search_words, g_strfreev);
  self->search_words = g_strdupv ((char **)words);
  self->starred_only = starred_only;

  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * ncl_speakers_view_get_results:
 *
 * Returns: (transfer none): the speakers shown, a list of #NclSpeaker
 */
GListModel *
ncl_speakers_view_get_results (NclSpeakersView *self)
{
  g_return_val_if_fail (NCL_IS_SPEAKERS_VIEW (self), NULL);

  return G_LIST_MODEL (self->results);
}

/**
 * ncl_speakers_view_focus_list:
 *
 * Puts keyboard focus on the list's first row.
 *
 * Returns: whether a row took focus
 */
gboolean
ncl_speakers_view_focus_list (NclSpeakersView *self)
{
  g_return_val_if_fail (NCL_IS_SPEAKERS_VIEW (self), FALSE);

  return gtk_widget_child_focus (GTK_WIDGET (self->speakers_view), GTK_DIR_TAB_FORWARD);
}
