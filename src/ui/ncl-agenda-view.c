/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ncl-agenda-view.h"
#include "ncl-overlaps.h"
#include "ncl-search-filter.h"
#include "ncl-session-row.h"
#include "ncl-time.h"

/* The event's agenda: its day and which zone the times are in, over the
 * sessions in the page's order. Rows are recycled as the list scrolls, so
 * an agenda of a thousand sessions costs the rows on screen, not a row per
 * session.
 *
 * An event of several days, rooms or tracks shows one day at a time (the
 * one under way, else the first) and can be narrowed to a room and a
 * track, with drop-downs under the date; each is hidden when there is
 * nothing to choose. A search, or the starred filter, looks through every
 * day: what it finds on another day is not hidden by the day shown. */
struct _NclAgendaView
{
  GtkWidget parent_instance;

  NclEvent *event;
  /* A refresh fills and changes the same event in place. */
  GSignalGroup *event_signals;
  gboolean show_event_time;
  gboolean shows_event_time; /* the setting, or an event in no zone */

  /* The stars the rows' buttons set. */
  NclStars *stars;
  /* The starred sessions that overlap others (ncl_overlaps_find()),
   * which the rows bound to them say; NULL when nothing is starred. */
  GHashTable *overlaps;
  GHashTable *bound_rows;
  guint overlaps_id; /* a refresh's many changes: once, after them */
  /* The sessions shown: the window's search and starred filter. */
  GtkFilterListModel *results;
  /* What the list has rows for: the first few results until the view's
   * first frame is painted, then all of them (see FIRST_FRAME_SESSIONS). */
  GtkSliceListModel *slice;
  guint reveal_id;

  /* The sessions of the day, room and track chosen, under the search. */
  GtkFilterListModel *scoped;
  GtkCustomFilter *scope;
  NclDay *day;              /* NULL: every day */
  GHashTable *day_sessions; /* the day's sessions, breaks with them */
  char *room;               /* NULL: every room */
  char *track;              /* NULL: every track */

  GtkLabel *date_label;
  GtkLabel *zone_label;
  GtkToggleButton *event_time_button;
  GtkWidget *scope_box;
  GtkDropDown *day_dropdown;
  GtkDropDown *room_dropdown;
  GtkDropDown *track_dropdown;
  GtkListView *sessions_view;

  /* A session asked for (ncl_agenda_view_show_session()), focused once
   * its row exists. */
  NclSession *focus_session;
  guint focus_session_id;
  /* A row was bound to a session: the agenda shows some (the startup
   * benchmark's first frame of a schedule). */
  gboolean has_rows;
};

G_DEFINE_FINAL_TYPE (NclAgendaView, ncl_agenda_view, GTK_TYPE_WIDGET)

/*
 * GTK 4.8's list view makes and measures a row for up to 200 items as soon
 * as it has a model, whatever the window shows: for a schedule of a
 * thousand sessions that was most of the time to its first frame. The
 * first frame the view is shown in gets rows for the first twelve sessions
 * (a session with its abstract is over 100 pixels tall: a screen's worth);
 * the rest come right after it.
 */
#define FIRST_FRAME_SESSIONS 12

enum {
  PROP_0,
  PROP_EVENT,
  PROP_SHOW_EVENT_TIME,
  PROP_SHOWS_EVENT_TIME,
  PROP_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The dates of an event of several days, as in "Saturday, February 7 –
 * Sunday, February 8, 2026". */
static char *
format_days (NclAgendaView *self)
{
  GListModel *days = ncl_event_get_days (self->event);
  guint n = g_list_model_get_n_items (days);
  g_autoptr(NclDay) first = n > 0 ? g_list_model_get_item (days, 0) : NULL;
  g_autoptr(NclDay) last = n > 0 ? g_list_model_get_item (days, n - 1) : NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (n < 2)
    return NULL;

  /* Translators: the first day of an event, in the format of g_date_time_format() */
  from = g_date_time_format (ncl_day_get_date (first), _("%A, %B %-e"));
  /* Translators: the day of the event, in the format of g_date_time_format() */
  to = g_date_time_format (ncl_day_get_date (last), _("%A, %B %-e, %Y"));
  /* Translators: an event's first and last day */
  return g_strdup_printf (C_("days", "%s – %s"), from, to);
}

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

  if (self->day != NULL)
    date = ncl_day_get_date (self->day);
  else
    day = format_days (self);
  if (day == NULL)
    /* Translators: the day of the event, in the format of g_date_time_format() */
    day = g_date_time_format (date, _("%A, %B %-e, %Y"));
  gtk_label_set_text (self->date_label, day);

  if (ncl_event_get_floating (self->event))
    /* Translators: over the agenda of a schedule that names no time zone */
    zone = g_strdup (_("Times at the event, as the schedule gives them (it names no time zone)"));
  else if (self->show_event_time)
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

static gboolean
searching (NclAgendaView *self)
{
  GtkFilter *search = gtk_filter_list_model_get_filter (self->results);

  return search != NULL && gtk_filter_get_strictness (search) != GTK_FILTER_MATCH_ALL;
}

static gboolean
scope_match (gpointer item,
             gpointer user_data)
{
  NclAgendaView *self = user_data;
  NclSession *session = item;
  gboolean is_break = ncl_session_get_kind (session) == NCL_SESSION_BREAK;
  const char *room = ncl_session_get_room (session);
  const char *track = ncl_session_get_track (session);

  if (self->day_sessions != NULL && !searching (self) &&
      !g_hash_table_contains (self->day_sessions, session))
    return FALSE;

  /* A break of no room (lunch for everyone) is in every room's day. */
  if (self->room != NULL && g_strcmp0 (room, self->room) != 0 && !(is_break && room == NULL))
    return FALSE;
  if (self->track != NULL && g_strcmp0 (track, self->track) != 0 && !(is_break && track == NULL))
    return FALSE;

  return TRUE;
}

/* @group's sessions, as a set. */
static GHashTable *
session_set (NclSessionGroup *group)
{
  GListModel *sessions = ncl_session_group_get_sessions (group);
  GHashTable *set = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    g_hash_table_add (set, g_list_model_get_item (sessions, i));

  return set;
}

/* The name chosen in @dropdown, whose first item is "every …"; %NULL for
 * that one. */
static char *
dropdown_choice (GtkDropDown *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);
  GListModel *names = gtk_drop_down_get_model (dropdown);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION || names == NULL)
    return NULL;

  return g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (names), position));
}

/* A drop-down reads as what it chooses, its button as the choice it shows
 * ("Day", "Saturday, February 7"). GTK 4.8 reads the button, which takes
 * the focus, by its type ("GtkToggleButton"); later GTK labels the
 * drop-down by the item it shows, which hides what it chooses, so that
 * relation goes and the drop-down's own label ("Day") names it. */
static void
name_dropdown_button (GtkDropDown *dropdown)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
  GtkStringObject *choice = gtk_drop_down_get_selected_item (dropdown);

  while (button != NULL && !GTK_IS_TOGGLE_BUTTON (button))
    button = gtk_widget_get_next_sibling (button);

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (dropdown),
                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY);

  if (!GTK_IS_TOGGLE_BUTTON (button) || !GTK_IS_STRING_OBJECT (choice))
    return;

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button),
                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_string_object_get_string (choice),
                                  -1);
}

static void
scope_changed_cb (NclAgendaView *self)
{
  guint day = gtk_drop_down_get_selected (self->day_dropdown);
  GListModel *days = self->event != NULL ? ncl_event_get_days (self->event) : NULL;

  g_clear_object (&self->day);
  g_clear_pointer (&self->day_sessions, g_hash_table_unref);
  if (days != NULL && day > 0 && day != GTK_INVALID_LIST_POSITION && day - 1 < g_list_model_get_n_items (days))
    {
      self->day = g_list_model_get_item (days, day - 1);
      self->day_sessions = session_set (NCL_SESSION_GROUP (self->day));
    }

  g_free (self->room);
  self->room = dropdown_choice (self->room_dropdown);
  g_free (self->track);
  self->track = dropdown_choice (self->track_dropdown);

  gtk_filter_changed (GTK_FILTER (self->scope), GTK_FILTER_CHANGE_DIFFERENT);
  update_header (self);
  name_dropdown_button (self->day_dropdown);
  name_dropdown_button (self->room_dropdown);
  name_dropdown_button (self->track_dropdown);
}

/* Fills @dropdown with @every, then the names of @groups; keeps the name
 * chosen when it is still there (a refresh), else chooses @position;
 * shows it only when there is a choice. */
static void
fill_dropdown (GtkDropDown *dropdown,
               GListModel  *groups,
               const char  *every,
               guint        position)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new ((const char *[]) { every, NULL });
  g_autofree char *chosen = dropdown_choice (dropdown);
  guint n = groups != NULL ? g_list_model_get_n_items (groups) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NclSessionGroup) group = g_list_model_get_item (groups, i);

      if (g_strcmp0 (ncl_session_group_get_name (group), chosen) == 0)
        position = i + 1;
      gtk_string_list_append (names, ncl_session_group_get_name (group));
    }

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (dropdown, MIN (position, n));
  gtk_widget_set_visible (GTK_WIDGET (dropdown), n > 1);
}

/* The day under way, else the first; 0 ("every day") for an event of one. */
static guint
default_day (NclAgendaView *self)
{
  GListModel *days = ncl_event_get_days (self->event);
  guint n = g_list_model_get_n_items (days);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (n < 2)
    return 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NclDay) day = g_list_model_get_item (days, i);
      g_autoptr(GDateTime) next = g_date_time_add_days (ncl_day_get_date (day), 1);

      if (g_date_time_compare (now, ncl_day_get_date (day)) >= 0 && g_date_time_compare (now, next) < 0)
        return i + 1;
    }

  return 1;
}

static void
update_scope (NclAgendaView *self)
{
  /* The day drop-down's names are dates as people say them. */
  g_autoptr(GtkStringList) day_names = NULL;
  GListModel *days = self->event != NULL ? ncl_event_get_days (self->event) : NULL;
  guint n_days = days != NULL ? g_list_model_get_n_items (days) : 0;
  guint day = gtk_drop_down_get_selected (self->day_dropdown);

  g_signal_handlers_block_by_func (self->day_dropdown, scope_changed_cb, self);
  g_signal_handlers_block_by_func (self->room_dropdown, scope_changed_cb, self);
  g_signal_handlers_block_by_func (self->track_dropdown, scope_changed_cb, self);

  day_names = gtk_string_list_new ((const char *[]) { _("All Days"), NULL });
  for (guint i = 0; i < n_days; i++)
    {
      g_autoptr(NclDay) d = g_list_model_get_item (days, i);
      /* Translators: a day in the agenda's day drop-down, in the format of g_date_time_format() */
      g_autofree char *name = g_date_time_format (ncl_day_get_date (d), _("%A, %B %-e"));

      gtk_string_list_append (day_names, name);
    }
  if (self->day == NULL || day == GTK_INVALID_LIST_POSITION || day > n_days)
    day = self->event != NULL ? default_day (self) : 0;
  gtk_drop_down_set_model (self->day_dropdown, G_LIST_MODEL (day_names));
  gtk_drop_down_set_selected (self->day_dropdown, day);
  gtk_widget_set_visible (GTK_WIDGET (self->day_dropdown), n_days > 1);

  fill_dropdown (self->room_dropdown, self->event != NULL ? ncl_event_get_rooms (self->event) : NULL,
                 _("All Rooms"), 0);
  fill_dropdown (self->track_dropdown, self->event != NULL ? ncl_event_get_tracks (self->event) : NULL,
                 _("All Tracks"), 0);

  g_signal_handlers_unblock_by_func (self->day_dropdown, scope_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->room_dropdown, scope_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->track_dropdown, scope_changed_cb, self);

  gtk_widget_set_visible (self->scope_box,
                          gtk_widget_get_visible (GTK_WIDGET (self->day_dropdown)) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->room_dropdown)) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->track_dropdown)));
  scope_changed_cb (self);
}

static void
choice_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (ellipsize != NULL)
    {
      /* FOSDEM's room and track names are long: the button stays narrow
       * enough for a phone, the list shows the whole name. */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
    }
  gtk_list_item_set_child (item, label);
}

static void
choice_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkStringObject *name = gtk_list_item_get_item (item);

  GtkWidget *label = gtk_list_item_get_child (item);
  GtkWidget *row = gtk_widget_get_parent (label);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (name));
  /* GTK 4.8 reads the rows of a drop-down's list without a name: each is
   * named by its choice, so going through the list reads the days. */
  if (user_data != NULL && row != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_string_object_get_string (name),
                                    -1);
}

static GtkListItemFactory *
choice_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (choice_setup_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (choice_bind_cb), GINT_TO_POINTER (!ellipsize));

  return factory;
}

static void
groups_changed_cb (NclAgendaView *self)
{
  update_scope (self);
}

static void
search_changed_cb (NclAgendaView *self)
{
  gtk_filter_changed (GTK_FILTER (self->scope), GTK_FILTER_CHANGE_DIFFERENT);
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
  g_object_bind_property (self, "shows-event-time", row, "show-event-time", G_BINDING_SYNC_CREATE);
  ncl_session_row_set_stars (NCL_SESSION_ROW (row), self->stars);
}

static void
item_bind_cb (NclAgendaView *self,
              GtkListItem   *item)
{
  NclSessionRow *row = NCL_SESSION_ROW (gtk_list_item_get_child (item));

  /* The row shows the session's talk too (NclSession:talk). */
  ncl_session_row_set_session (row, gtk_list_item_get_item (item));
  ncl_session_row_set_overlaps (row, self->overlaps != NULL
                                     ? g_hash_table_lookup (self->overlaps, gtk_list_item_get_item (item))
                                     : NULL);
  g_hash_table_add (self->bound_rows, row);
  self->has_rows = TRUE;
}

static void
item_unbind_cb (NclAgendaView *self,
                GtkListItem   *item)
{
  NclSessionRow *row = NCL_SESSION_ROW (gtk_list_item_get_child (item));

  g_hash_table_remove (self->bound_rows, row);
  ncl_session_row_set_session (row, NULL);
}

/* Which starred sessions overlap, for every day, room and track: a
 * session on another day is no conflict, but one in another room is the
 * point. The window's search filter says what counts as starred (a
 * session under its talk's star too). Done again when a star changes or
 * the sessions do; the rows on screen follow. */
static void
update_overlaps (NclAgendaView *self)
{
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->results);
  g_autoptr(GPtrArray) starred = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer row;

  g_clear_pointer (&self->overlaps, g_hash_table_unref);
  g_clear_handle_id (&self->overlaps_id, g_source_remove);

  if (self->event != NULL && self->stars != NULL && ncl_stars_get_n_stars (self->stars) > 1 &&
      NCL_IS_SEARCH_FILTER (filter))
    {
      GListModel *sessions = ncl_event_get_sessions (self->event);
      guint n = g_list_model_get_n_items (sessions);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NclSession) session = g_list_model_get_item (sessions, i);

          if (ncl_session_get_kind (session) == NCL_SESSION_TALK &&
              ncl_search_filter_is_starred (NCL_SEARCH_FILTER (filter), session))
            g_ptr_array_add (starred, g_steal_pointer (&session));
        }

      if (starred->len > 1)
        self->overlaps = ncl_overlaps_find (starred);
    }

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    {
      NclSession *session = ncl_session_row_get_session (row);

      ncl_session_row_set_overlaps (row, self->overlaps != NULL && session != NULL
                                         ? g_hash_table_lookup (self->overlaps, session)
                                         : NULL);
    }
}

static gboolean
update_overlaps_cb (gpointer data)
{
  NclAgendaView *self = data;

  self->overlaps_id = 0;
  update_overlaps (self);
  return G_SOURCE_REMOVE;
}

static void
sessions_changed_cb (NclAgendaView *self)
{
  /* Before the frame that shows the changed rows. */
  if (self->overlaps_id == 0)
    self->overlaps_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_overlaps_cb, self, NULL);
}

/* Times of an event in no zone are wall times: they are shown as the
 * schedule gives them, and there is no other zone to switch to. */
static void
update_shows_event_time (NclAgendaView *self)
{
  gboolean floating = self->event != NULL && ncl_event_get_floating (self->event);
  gboolean shows_event_time = self->show_event_time || floating;

  gtk_widget_set_visible (GTK_WIDGET (self->event_time_button), !floating);
  if (self->shows_event_time == shows_event_time)
    return;

  self->shows_event_time = shows_event_time;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWS_EVENT_TIME]);
}

static void
event_date_changed_cb (NclAgendaView *self)
{
  update_shows_event_time (self);
  update_header (self);
}

static gboolean
reveal_all_cb (gpointer data)
{
  NclAgendaView *self = data;

  self->reveal_id = 0;
  gtk_slice_list_model_set_size (self->slice, G_MAXUINT);

  return G_SOURCE_REMOVE;
}

static void
first_frame_painted_cb (GdkFrameClock *clock,
                        NclAgendaView *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, self);
  if (self->reveal_id == 0)
    self->reveal_id = g_idle_add (reveal_all_cb, self);
}

static void
ncl_agenda_view_map (GtkWidget *widget)
{
  NclAgendaView *self = NCL_AGENDA_VIEW (widget);

  GTK_WIDGET_CLASS (ncl_agenda_view_parent_class)->map (widget);

  if (gtk_slice_list_model_get_size (self->slice) != G_MAXUINT)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (first_frame_painted_cb), self, 0);
}

static void
ncl_agenda_view_unmap (GtkWidget *widget)
{
  NclAgendaView *self = NCL_AGENDA_VIEW (widget);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  if (clock != NULL)
    g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, self);
  /* Hidden before its first frame: it is shown in full next time. */
  if (self->reveal_id == 0 && gtk_slice_list_model_get_size (self->slice) != G_MAXUINT)
    self->reveal_id = g_idle_add (reveal_all_cb, self);

  GTK_WIDGET_CLASS (ncl_agenda_view_parent_class)->unmap (widget);
}

static void
ncl_agenda_view_dispose (GObject *object)
{
  NclAgendaView *self = (NclAgendaView *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->focus_session_id, g_source_remove);
  g_clear_object (&self->focus_session);
  g_clear_handle_id (&self->reveal_id, g_source_remove);
  g_clear_handle_id (&self->overlaps_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), NCL_TYPE_AGENDA_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->event_signals);
  g_clear_object (&self->event);
  g_clear_object (&self->stars);
  g_clear_pointer (&self->overlaps, g_hash_table_unref);
  g_clear_pointer (&self->bound_rows, g_hash_table_unref);
  g_clear_object (&self->results);
  g_clear_object (&self->slice);
  g_clear_object (&self->scoped);
  g_clear_object (&self->scope);
  g_clear_object (&self->day);
  g_clear_pointer (&self->day_sessions, g_hash_table_unref);
  g_clear_pointer (&self->room, g_free);
  g_clear_pointer (&self->track, g_free);

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
    case PROP_SHOWS_EVENT_TIME:
      g_value_set_boolean (value, self->shows_event_time);
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
  widget_class->map = ncl_agenda_view_map;
  widget_class->unmap = ncl_agenda_view_unmap;

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
   * NclAgendaView:shows-event-time:
   *
   * Whether the rows show times as the event gives them: when
   * #NclAgendaView:show-event-time says so, and always for an event whose
   * times are in no zone (#NclEvent:floating). Bind other views' times to
   * it.
   */
  properties[PROP_SHOWS_EVENT_TIME] =
    g_param_spec_boolean ("shows-event-time", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

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
  gtk_widget_class_bind_template_child (widget_class, NclAgendaView, scope_box);
  gtk_widget_class_bind_template_child (widget_class, NclAgendaView, day_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NclAgendaView, room_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NclAgendaView, track_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NclAgendaView, sessions_view);
  gtk_widget_class_bind_template_callback (widget_class, scope_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_unbind_cb);
  gtk_widget_class_set_css_name (widget_class, "nclagendaview");
}

static void
ncl_agenda_view_init (NclAgendaView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->bound_rows = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->event_signals = g_signal_group_new (NCL_TYPE_EVENT);
  g_signal_group_connect_swapped (self->event_signals, "notify::date",
                                  G_CALLBACK (event_date_changed_cb), self);
  g_signal_group_connect_swapped (self->event_signals, "notify::floating",
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

  for (guint i = 0; i < 3; i++)
    {
      GtkDropDown *dropdown = (GtkDropDown *[]) { self->day_dropdown, self->room_dropdown,
                                                   self->track_dropdown }[i];
      g_autoptr(GtkListItemFactory) button = choice_factory (TRUE);
      g_autoptr(GtkListItemFactory) list = choice_factory (FALSE);

      gtk_drop_down_set_factory (dropdown, button);
      gtk_drop_down_set_list_factory (dropdown, list);
    }

  /* Typing in a long list of rooms or tracks finds one by name. */
  gtk_drop_down_set_expression (self->room_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_expression (self->track_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));

  self->scope = gtk_custom_filter_new (scope_match, self, NULL);
  self->scoped = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->scope)));
  self->results = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->scoped)), NULL);
  self->slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->results)), 0,
                                          FIRST_FRAME_SESSIONS);
  update_scope (self);
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

  if (self->event == event)
    return;

  if (self->event != NULL)
    {
      g_signal_handlers_disconnect_by_func (ncl_event_get_days (self->event), groups_changed_cb, self);
      g_signal_handlers_disconnect_by_func (ncl_event_get_rooms (self->event), groups_changed_cb, self);
      g_signal_handlers_disconnect_by_func (ncl_event_get_tracks (self->event), groups_changed_cb, self);
      g_signal_handlers_disconnect_by_func (ncl_event_get_sessions (self->event), sessions_changed_cb, self);
    }
  g_set_object (&self->event, event);
  g_signal_group_set_target (self->event_signals, event);

  /* Another event: its own default day, every room and track. */
  g_clear_object (&self->day);
  gtk_drop_down_set_selected (self->room_dropdown, 0);
  gtk_drop_down_set_selected (self->track_dropdown, 0);
  if (event != NULL)
    {
      g_signal_connect_object (ncl_event_get_days (event), "items-changed",
                               G_CALLBACK (groups_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (ncl_event_get_rooms (event), "items-changed",
                               G_CALLBACK (groups_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (ncl_event_get_tracks (event), "items-changed",
                               G_CALLBACK (groups_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (ncl_event_get_sessions (event), "items-changed",
                               G_CALLBACK (sessions_changed_cb), self, G_CONNECT_SWAPPED);
    }
  gtk_filter_list_model_set_model (self->scoped, event != NULL ? ncl_event_get_sessions (event) : NULL);
  update_scope (self);
  if (event != NULL)
    selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->slice)));
  gtk_list_view_set_model (self->sessions_view, GTK_SELECTION_MODEL (selection));

  update_overlaps (self);
  update_shows_event_time (self);
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
  update_shows_event_time (self);
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
  g_signal_connect_object (stars, "changed", G_CALLBACK (update_overlaps), self, G_CONNECT_SWAPPED);
  update_overlaps (self);
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

  if (gtk_filter_list_model_get_filter (self->results) != NULL)
    g_signal_handlers_disconnect_by_func (gtk_filter_list_model_get_filter (self->results),
                                          search_changed_cb, self);
  gtk_filter_list_model_set_filter (self->results, filter);
  if (filter != NULL)
    g_signal_connect_object (filter, "changed", G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  update_overlaps (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

/**
 * ncl_agenda_view_get_results:
 *
 * Returns: (transfer none): the sessions shown (of the day, room and track
 *   chosen, and the search's), a list of #NclSession
 */
GListModel *
ncl_agenda_view_get_results (NclAgendaView *self)
{
  g_return_val_if_fail (NCL_IS_AGENDA_VIEW (self), NULL);

  return G_LIST_MODEL (self->results);
}

/**
 * ncl_agenda_view_get_has_rows:
 *
 * Returns: whether the list has shown a session's row since it was made
 */
gboolean
ncl_agenda_view_get_has_rows (NclAgendaView *self)
{
  g_return_val_if_fail (NCL_IS_AGENDA_VIEW (self), FALSE);

  return self->has_rows;
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

static NclSessionRow *
find_row (GtkWidget  *root,
          NclSession *session)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      NclSessionRow *found;

      if (NCL_IS_SESSION_ROW (child))
        {
          if (ncl_session_row_get_session (NCL_SESSION_ROW (child)) == session)
            return NCL_SESSION_ROW (child);
          continue;
        }

      if ((found = find_row (child, session)))
        return found;
    }

  return NULL;
}

static gboolean
focus_pending_session_cb (gpointer data)
{
  NclAgendaView *self = data;
  NclSessionRow *row;

  if (self->focus_session != NULL &&
      !((row = find_row (GTK_WIDGET (self->sessions_view), self->focus_session)) &&
        gtk_widget_get_mapped (GTK_WIDGET (row))))
    return G_SOURCE_CONTINUE;

  if (self->focus_session != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  g_clear_object (&self->focus_session);
  self->focus_session_id = 0;
  return G_SOURCE_REMOVE;
}

/* The position of @session's day in the day drop-down (0: every day). */
static guint
day_position (NclAgendaView *self,
              NclSession    *session)
{
  GListModel *days = ncl_event_get_days (self->event);
  guint n_days = g_list_model_get_n_items (days);

  if (n_days < 2)
    return 0;

  for (guint i = 0; i < n_days; i++)
    {
      g_autoptr(NclDay) day = g_list_model_get_item (days, i);
      g_autoptr(GHashTable) sessions = session_set (NCL_SESSION_GROUP (day));

      if (g_hash_table_contains (sessions, session))
        return i + 1;
    }

  return 0;
}

/**
 * ncl_agenda_view_show_session:
 * @session: one of the event's sessions
 *
 * Shows @session's day in every room and track, scrolls its row into view
 * and puts keyboard focus on it, as soon as the row exists (a frame later,
 * when it was far away). A search that hides it is the window's to end.
 *
 * Returns: whether @session is in the list shown
 */
gboolean
ncl_agenda_view_show_session (NclAgendaView *self,
                              NclSession    *session)
{
  guint n;

  g_return_val_if_fail (NCL_IS_AGENDA_VIEW (self), FALSE);
  g_return_val_if_fail (NCL_IS_SESSION (session), FALSE);

  if (self->event == NULL)
    return FALSE;

  gtk_drop_down_set_selected (self->room_dropdown, 0);
  gtk_drop_down_set_selected (self->track_dropdown, 0);
  gtk_drop_down_set_selected (self->day_dropdown, day_position (self, session));

  /* Its row may be past the first frame's few. */
  g_clear_handle_id (&self->reveal_id, g_source_remove);
  gtk_slice_list_model_set_size (self->slice, G_MAXUINT);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->results));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NclSession) shown = g_list_model_get_item (G_LIST_MODEL (self->results), i);

      if (shown != session)
        continue;

      gtk_widget_activate_action (GTK_WIDGET (self->sessions_view), "list.scroll-to-item", "u", i);
      g_set_object (&self->focus_session, session);
      if (focus_pending_session_cb (self) == G_SOURCE_CONTINUE && self->focus_session_id == 0)
        self->focus_session_id = g_timeout_add_full (G_PRIORITY_DEFAULT, 50, focus_pending_session_cb,
                                                     g_object_ref (self), g_object_unref);
      return TRUE;
    }

  return FALSE;
}
