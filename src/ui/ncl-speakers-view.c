/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "ncl-speaker-row.h"
#include "ncl-speakers-view.h"

/* The agenda page's speakers, in its order. Rows are recycled as the list
 * scrolls, as in the agenda. */
struct _NclSpeakersView
{
  GtkWidget parent_instance;

  NclEvent *event;
  gboolean show_event_time;

  /* The speakers shown: the window's search and starred filter. */
  GtkFilterListModel *results;

  GtkListView *speakers_view;
};

G_DEFINE_FINAL_TYPE (NclSpeakersView, ncl_speakers_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EVENT,
  PROP_SHOW_EVENT_TIME,
  PROP_FILTER,
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

  /* The event first: the row then finds the speaker's sessions once. */
  ncl_speaker_row_set_event (row, self->event);
  ncl_speaker_row_set_speaker (row, gtk_list_item_get_item (item));
}

static void
item_unbind_cb (NclSpeakersView *self,
                GtkListItem     *item)
{
  NclSpeakerRow *row = NCL_SPEAKER_ROW (gtk_list_item_get_child (item));

  ncl_speaker_row_set_speaker (row, NULL);
  ncl_speaker_row_set_event (row, NULL);
}

static void
ncl_speakers_view_dispose (GObject *object)
{
  NclSpeakersView *self = (NclSpeakersView *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), NCL_TYPE_SPEAKERS_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->event);
  g_clear_object (&self->results);

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
    case PROP_EVENT:
      g_value_set_object (value, self->event);
      break;
    case PROP_SHOW_EVENT_TIME:
      g_value_set_boolean (value, self->show_event_time);
      break;
    case PROP_FILTER:
      g_value_set_object (value, gtk_filter_list_model_get_filter (self->results));
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
    case PROP_EVENT:
      ncl_speakers_view_set_event (self, g_value_get_object (value));
      break;
    case PROP_SHOW_EVENT_TIME:
      ncl_speakers_view_set_show_event_time (self, g_value_get_boolean (value));
      break;
    case PROP_FILTER:
      ncl_speakers_view_set_filter (self, g_value_get_object (value));
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

  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL,
                         NCL_TYPE_EVENT,
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

  /**
   * NclSpeakersView:filter:
   *
   * Which speakers are shown: the window's #NclSearchFilter.
   */
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL,
                         GTK_TYPE_FILTER,
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

  self->results = gtk_filter_list_model_new (NULL, NULL);
}

GtkWidget *
ncl_speakers_view_new (void)
{
  return g_object_new (NCL_TYPE_SPEAKERS_VIEW, NULL);
}

/**
 * ncl_speakers_view_get_event:
 *
 * Returns: (transfer none) (nullable): the agenda whose speakers are shown
 */
NclEvent *
ncl_speakers_view_get_event (NclSpeakersView *self)
{
  g_return_val_if_fail (NCL_IS_SPEAKERS_VIEW (self), NULL);

  return self->event;
}

void
ncl_speakers_view_set_event (NclSpeakersView *self,
                             NclEvent        *event)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (NCL_IS_SPEAKERS_VIEW (self));
  g_return_if_fail (event == NULL || NCL_IS_EVENT (event));

  if (!g_set_object (&self->event, event))
    return;

  gtk_filter_list_model_set_model (self->results,
                                   event != NULL ? ncl_event_get_speakers (event) : NULL);
  if (event != NULL)
    selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->results)));
  gtk_list_view_set_model (self->speakers_view, GTK_SELECTION_MODEL (selection));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
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
 * ncl_speakers_view_set_filter:
 * @filter: (nullable): which speakers to show, the window's #NclSearchFilter
 */
void
ncl_speakers_view_set_filter (NclSpeakersView *self,
                              GtkFilter       *filter)
{
  g_return_if_fail (NCL_IS_SPEAKERS_VIEW (self));
  g_return_if_fail (filter == NULL || GTK_IS_FILTER (filter));

  if (gtk_filter_list_model_get_filter (self->results) == filter)
    return;

  gtk_filter_list_model_set_filter (self->results, filter);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
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
