/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ncl-agenda-view.h"
#include "ncl-session-row.h"
#include "ncl-time.h"

/* The event's agenda: its day and which zone the times are in, over the
 * sessions in the page's order. Rows are recycled as the list scrolls, so
 * an agenda of a thousand sessions costs the rows on screen, not a row per
 * session. */
struct _NclAgendaView
{
  GtkWidget parent_instance;

  NclEvent *event;
  /* A refresh fills and changes the same event in place. */
  GSignalGroup *event_signals;
  gboolean show_event_time;

  /* The stars the rows' buttons set. */
  NclStars *stars;
  /* The sessions shown: the window's search and starred filter. */
  GtkFilterListModel *results;

  GtkLabel *date_label;
  GtkLabel *zone_label;
  GtkToggleButton *event_time_button;
  GtkListView *sessions_view;
};

G_DEFINE_FINAL_TYPE (NclAgendaView, ncl_agenda_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EVENT,
  PROP_SHOW_EVENT_TIME,
  PROP_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_header (NclAgendaView *self)
{
  GDateTime *date = self->event != NULL ? ncl_event_get_date (self->event) : NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;
  g_autofree char *zone = NULL;

  if (date == NULL)
    {
      gtk_label_set_text (self->date_label, NULL);
      gtk_label_set_text (self->zone_label, NULL);
      return;
    }

  /* Translators: the day of the event, in the format of g_date_time_format() */
  day = g_date_time_format (date, _("%A, %B %-e, %Y"));
  gtk_label_set_text (self->date_label, day);

  if (self->show_event_time)
    /* Translators: over the agenda; %s is the event's time zone, as in "PDT" */
    zone = g_strdup_printf (_("Times in the event’s time zone (%s)"),
                            ncl_time_get_zone_label (date));
  else
    {
      local = ncl_time_to_local (date);
      /* Translators: over the agenda; %s is the user's time zone, as in "CEST" */
      zone = g_strdup_printf (_("Times in your time zone (%s)"),
                              ncl_time_get_zone_label (local));
    }

  gtk_label_set_text (self->zone_label, zone);
}

static void
item_setup_cb (NclAgendaView *self,
               GtkListItem   *item)
{
  GtkWidget *row = ncl_session_row_new ();

  /* The agenda is read, not picked from. */
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
  gtk_list_item_set_child (item, row);

  /* Set up once per recycled row; it lasts as long as the row. */
  g_object_bind_property (self, "show-event-time", row, "show-event-time", G_BINDING_SYNC_CREATE);
  ncl_session_row_set_stars (NCL_SESSION_ROW (row), self->stars);
}

static void
item_bind_cb (NclAgendaView *self,
              GtkListItem   *item)
{
  NclSessionRow *row = NCL_SESSION_ROW (gtk_list_item_get_child (item));

  /* The row shows the session's talk too (NclSession:talk). */
  ncl_session_row_set_session (row, gtk_list_item_get_item (item));
}

static void
item_unbind_cb (NclAgendaView *self,
                GtkListItem   *item)
{
  NclSessionRow *row = NCL_SESSION_ROW (gtk_list_item_get_child (item));

  ncl_session_row_set_session (row, NULL);
}

static void
event_date_changed_cb (NclAgendaView *self)
{
  update_header (self);
}

static void
ncl_agenda_view_dispose (GObject *object)
{
  NclAgendaView *self = (NclAgendaView *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), NCL_TYPE_AGENDA_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->event_signals);
  g_clear_object (&self->event);
  g_clear_object (&self->stars);
  g_clear_object (&self->results);

  G_OBJECT_CLASS (ncl_agenda_view_parent_class)->dispose (object);
}

static void
ncl_agenda_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NclAgendaView *self = NCL_AGENDA_VIEW (object);

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
ncl_agenda_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  NclAgendaView *self = NCL_AGENDA_VIEW (object);

  switch (prop_id)
    {
    case PROP_EVENT:
      ncl_agenda_view_set_event (self, g_value_get_object (value));
      break;
    case PROP_SHOW_EVENT_TIME:
      ncl_agenda_view_set_show_event_time (self, g_value_get_boolean (value));
      break;
    case PROP_FILTER:
      ncl_agenda_view_set_filter (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_agenda_view_class_init (NclAgendaViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ncl_agenda_view_dispose;
  object_class->get_property = ncl_agenda_view_get_property;
  object_class->set_property = ncl_agenda_view_set_property;

  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL,
                         NCL_TYPE_EVENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NclAgendaView:show-event-time:
   *
   * Whether times are shown in the event's time zone rather than the user's.
   */
  properties[PROP_SHOW_EVENT_TIME] =
    g_param_spec_boolean ("show-event-time", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NclAgendaView:filter:
   *
   * Which sessions are shown: the window's #NclSearchFilter.
   */
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL,
                         GTK_TYPE_FILTER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ncl-agenda-view.ui");
  gtk_widget_class_bind_template_child (widget_class, NclAgendaView, date_label);
  gtk_widget_class_bind_template_child (widget_class, NclAgendaView, zone_label);
  gtk_widget_class_bind_template_child (widget_class, NclAgendaView, event_time_button);
  gtk_widget_class_bind_template_child (widget_class, NclAgendaView, sessions_view);
  gtk_widget_class_bind_template_callback (widget_class, item_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_unbind_cb);
  gtk_widget_class_set_css_name (widget_class, "nclagendaview");
}

static void
ncl_agenda_view_init (NclAgendaView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->event_signals = g_signal_group_new (NCL_TYPE_EVENT);
  g_signal_group_connect_swapped (self->event_signals, "notify::date",
                                  G_CALLBACK (event_date_changed_cb), self);

  g_object_bind_property (self, "show-event-time", self->event_time_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  /* GTK 4.8 names a button by its label and again by the label's text
   * ("_Event Time Event Time"): one name, without the mnemonic. */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->event_time_button),
                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->event_time_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Event Time"),
                                  -1);

  self->results = gtk_filter_list_model_new (NULL, NULL);
}

GtkWidget *
ncl_agenda_view_new (void)
{
  return g_object_new (NCL_TYPE_AGENDA_VIEW, NULL);
}

/**
 * ncl_agenda_view_get_event:
 *
 * Returns: (transfer none) (nullable): the agenda shown
 */
NclEvent *
ncl_agenda_view_get_event (NclAgendaView *self)
{
  g_return_val_if_fail (NCL_IS_AGENDA_VIEW (self), NULL);

  return self->event;
}

void
ncl_agenda_view_set_event (NclAgendaView *self,
                           NclEvent      *event)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (NCL_IS_AGENDA_VIEW (self));
  g_return_if_fail (event == NULL || NCL_IS_EVENT (event));

  if (!g_set_object (&self->event, event))
    return;

  g_signal_group_set_target (self->event_signals, event);

  gtk_filter_list_model_set_model (self->results,
                                   event != NULL ? ncl_event_get_sessions (event) : NULL);
  if (event != NULL)
    selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->results)));
  gtk_list_view_set_model (self->sessions_view, GTK_SELECTION_MODEL (selection));

  update_header (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}

gboolean
ncl_agenda_view_get_show_event_time (NclAgendaView *self)
{
  g_return_val_if_fail (NCL_IS_AGENDA_VIEW (self), FALSE);

  return self->show_event_time;
}

void
ncl_agenda_view_set_show_event_time (NclAgendaView *self,
                                     gboolean       show_event_time)
{
  g_return_if_fail (NCL_IS_AGENDA_VIEW (self));

  show_event_time = !!show_event_time;
  if (self->show_event_time == show_event_time)
    return;

  self->show_event_time = show_event_time;
  update_header (self);
  /* The rows follow through their bindings. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_EVENT_TIME]);
}

/**
 * ncl_agenda_view_set_stars:
 * @stars: (nullable): the starred talks and sessions, which the rows'
 *   buttons set
 */
void
ncl_agenda_view_set_stars (NclAgendaView *self,
                           NclStars      *stars)
{
  g_return_if_fail (NCL_IS_AGENDA_VIEW (self));
  g_return_if_fail (self->stars == NULL);

  if (stars == NULL)
    return;

  self->stars = g_object_ref (stars);
}

/**
 * ncl_agenda_view_set_filter:
 * @filter: (nullable): which sessions to show, the window's #NclSearchFilter
 */
void
ncl_agenda_view_set_filter (NclAgendaView *self,
                            GtkFilter     *filter)
{
  g_return_if_fail (NCL_IS_AGENDA_VIEW (self));
  g_return_if_fail (filter == NULL || GTK_IS_FILTER (filter));

  if (gtk_filter_list_model_get_filter (self->results) == filter)
    return;

  gtk_filter_list_model_set_filter (self->results, filter);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

/**
 * ncl_agenda_view_get_results:
 *
 * Returns: (transfer none): the sessions shown, a list of #NclSession
 */
GListModel *
ncl_agenda_view_get_results (NclAgendaView *self)
{
  g_return_val_if_fail (NCL_IS_AGENDA_VIEW (self), NULL);

  return G_LIST_MODEL (self->results);
}

/**
 * ncl_agenda_view_focus_list:
 *
 * Puts keyboard focus on the list's first row.
 *
 * Returns: whether a row took focus
 */
gboolean
ncl_agenda_view_focus_list (NclAgendaView *self)
{
  g_return_val_if_fail (NCL_IS_AGENDA_VIEW (self), FALSE);

  return gtk_widget_child_focus (GTK_WIDGET (self->sessions_view), GTK_DIR_TAB_FORWARD);
}
