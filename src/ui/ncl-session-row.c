/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ncl-link-button.h"
#include "ncl-session-row.h"
#include "ncl-star-button.h"
#include "ncl-time.h"

/* One session of the agenda. A talk shows when it starts, in the user's
 * zone or the event's, with the date when that is not the event's day
 * there; its title, speakers and description; and, when the post
 * highlights it, the talk's slides and video. A break is a line across the
 * agenda with its name. */
struct _NclSessionRow
{
  GtkWidget parent_instance;

  NclSession *session;
  NclHighlight *talk;
  gboolean show_event_time;

  /* Either may change while the row is on screen (a refreshed agenda, a
   * refreshed post): the row follows in place. */
  GSignalGroup *session_signals;
  GSignalGroup *talk_signals;
  /* The other starred sessions at the same time, when this one is
   * starred (ncl_overlaps_find()). */
  GPtrArray *overlaps;

  GtkWidget *talk_card;
  GtkLabel *time_label;
  GtkLabel *day_label;
  GtkLabel *highlight_label;
  GtkLabel *title_label;
  GtkLabel *place_label;
  GtkLabel *speakers_label;
  GtkWidget *overlaps_box;
  GtkLabel *overlaps_label;
  GtkLabel *description_label;
  GtkWidget *buttons_box;
  GtkButton *slides_button;
  AdwButtonContent *slides_content;
  GtkButton *video_button;
  AdwButtonContent *video_content;
  NclStarButton *star_button;
  GtkWidget *break_box;
  GtkLabel *break_time_label;
  GtkLabel *break_label;
};

G_DEFINE_FINAL_TYPE (NclSessionRow, ncl_session_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_TALK,
  PROP_SHOW_EVENT_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
description_activate_link_cb (NclSessionRow *self,
                              const char    *uri,
                              GtkLabel      *label)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-link", "s", uri);
  return TRUE;
}

/* The session's star: under its id, and the post's talk it is. */
static void
update_star (NclSessionRow *self)
{
  const char *ids[3] = { NULL, NULL, NULL };

  if (self->session != NULL && ncl_session_get_kind (self->session) == NCL_SESSION_TALK)
    {
      ids[0] = ncl_session_get_id (self->session);
      ids[1] = self->talk != NULL ? ncl_highlight_get_id (self->talk) : NULL;
    }

  ncl_star_button_set_item (self->star_button,
                            self->session != NULL ? ncl_session_get_title (self->session) : NULL,
                            ids[0] != NULL ? ids : NULL);
}

/* Enter on the row opens the talk's slides (else its recording). */
static gboolean
key_pressed_cb (NclSessionRow         *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  if (focus != GTK_WIDGET (self) || (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      /* The slides, else the recording. */
      if (gtk_widget_get_visible (self->buttons_box))
        gtk_widget_activate (GTK_WIDGET (gtk_widget_get_sensitive (GTK_WIDGET (self->slides_button))
                                         ? self->slides_button : self->video_button));
      return TRUE;

    default:
      return FALSE;
    }
}

static void
update_talk (NclSessionRow *self)
{
  g_autofree char *slides_name = NULL;
  g_autofree char *video_name = NULL;
  g_autofree char *video_problem = NULL;
  const char *slides_url = NULL;
  const char *video_url = NULL;
  const char *title = NULL;
  gboolean talk;
  gboolean highlighted;

  /* A break is never highlighted, whatever it was linked to. */
  talk = self->session != NULL && ncl_session_get_kind (self->session) == NCL_SESSION_TALK;
  highlighted = talk && self->talk != NULL;

  if (highlighted)
    {
      title = ncl_highlight_get_title (self->talk);
      slides_url = ncl_highlight_get_slides_url (self->talk);
      video_url = ncl_highlight_get_video_url (self->talk);
    }
  else if (talk)
    {
      /* A schedule's own slides and recording, for a talk no post
       * highlights. */
      title = ncl_session_get_title (self->session);
      slides_url = ncl_session_get_slides_url (self->session);
      video_url = ncl_session_get_recording_url (self->session);
    }

  /* A schedule's own card for a recorded talk is no post's highlight. */
  gtk_widget_set_visible (GTK_WIDGET (self->highlight_label),
                          highlighted && !ncl_highlight_get_from_schedule (self->talk));
  gtk_widget_set_visible (self->buttons_box, highlighted || slides_url != NULL || video_url != NULL);
  update_star (self);

  if (!gtk_widget_get_visible (self->buttons_box))
    {
      /* Hidden buttons keep no link of a talk the row no longer shows. */
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->slides_button), NULL);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->video_button), NULL);
      return;
    }

  /* Translators: accessible name of a talk's Slides button; %s is the talk's title */
  slides_name = g_strdup_printf (_("Slides: %s"), title);
  /* Translators: accessible name of a talk's Video button; %s is the talk's title */
  video_name = g_strdup_printf (_("Video: %s"), title);

  ncl_link_button_update (self->slides_button, self->slides_content, "win.open-slides",
                          slides_url,
                          _("_Slides"), _("No Slides"), slides_name,
                          _("No slides were published for this talk"), NULL);

  /* A video link the player cannot take is disabled with the reason. */
  video_problem = ncl_link_button_video_problem (video_url);

  ncl_link_button_update (self->video_button, self->video_content, "win.open-video",
                          video_url,
                          _("_Video"), _("No Video"), video_name,
                          _("No video was published for this talk"), video_problem);
}

/* Where and in which track: "Janson · Keynotes"; %NULL when the schedule
 * says neither (the NATS event's agenda page). */
static char *
format_place (NclSession *session)
{
  const char *room = ncl_session_get_room (session);
  const char *track = ncl_session_get_track (session);

  if (room != NULL && track != NULL)
    /* Translators: a session's room and track, as in "Janson · Keynotes" */
    return g_strdup_printf (C_("session place", "%s · %s"), room, track);

  return g_strdup (room != NULL ? room : track);
}

/* The time column is as narrow as the time: "Friday, April 17" wrapped
 * there would leave "17" alone on a line; the weekday gets its own. */
static char *
break_after_weekday (const char *day)
{
  const char *comma = strstr (day, ", ");

  if (comma == NULL)
    return g_strdup (day);

  return g_strdup_printf ("%.*s,\n%s", (int)(comma - day), day, comma + 2);
}

/* The start as the row shows it: its time of day, and the date when that
 * is not the event's day in the zone shown (late sessions fall on the next
 * day in Asia). */
static void
format_start (NclSessionRow  *self,
              char          **clock,
              char          **day)
{
  GDateTime *start = ncl_session_get_start (self->session);
  g_autoptr(GDateTime) shown = NULL;

  *clock = NULL;
  *day = NULL;

  if (start == NULL)
    return;

  shown = self->show_event_time ? g_date_time_ref (start) : ncl_time_to_local (start);
  *clock = ncl_time_format_clock (shown);
  if (!ncl_time_same_day (shown, start))
    *day = ncl_time_format_day (shown);
}

static char *
join_speakers (const char * const *speakers)
{
  if (speakers == NULL || speakers[0] == NULL)
    return NULL;

  /* Translators: goes between the names of a session's speakers, as in
   * "Alberto Ricart, Ivan Kozlovic" */
  return g_strjoinv (C_("speakers", ", "), (char **)speakers);
}

/* "Overlaps with “Rust in the kernel” and 2 others": the titles of the
 * first two, then how many more. %NULL for none. */
static char *
format_overlaps (GPtrArray *overlaps)
{
  const char *first, *second;

  if (overlaps == NULL || overlaps->len == 0)
    return NULL;

  first = ncl_session_get_title (overlaps->pdata[0]);
  if (overlaps->len == 1)
    /* Translators: under a starred session; %s is the title of another
     * starred session at the same time */
    return g_strdup_printf (_("Overlaps with “%s”"), first);

  second = ncl_session_get_title (overlaps->pdata[1]);
  if (overlaps->len == 2)
    /* Translators: under a starred session; the two %s are the titles
     * of two other starred sessions at the same time */
    return g_strdup_printf (_("Overlaps with “%s” and “%s”"), first, second);

  /* Translators: under a starred session; the %s are the titles of two
   * other starred sessions at the same time, %u how many more there are */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Overlaps with “%s”, “%s” and %u other",
                                       "Overlaps with “%s”, “%s” and %u others",
                                       overlaps->len - 2),
                          first, second, overlaps->len - 2);
}

static void
update (NclSessionRow *self)
{
  g_autofree char *clock = NULL;
  g_autofree char *day = NULL;
  g_autofree char *speakers = NULL;
  g_autofree char *place = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *overlaps = NULL;
  g_autoptr(GPtrArray) parts = NULL;
  const char *title;
  const char *description;
  gboolean is_break;

  if (self->session == NULL)
    return;

  title = ncl_session_get_title (self->session);
  is_break = ncl_session_get_kind (self->session) == NCL_SESSION_BREAK;
  format_start (self, &clock, &day);

  gtk_widget_set_visible (self->talk_card, !is_break);
  gtk_widget_set_visible (self->break_box, is_break);

  if (is_break)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "break");
      gtk_label_set_text (self->break_label, title);
      gtk_label_set_text (self->break_time_label, clock);
      gtk_widget_set_visible (GTK_WIDGET (self->break_time_label), clock != NULL);
    }
  else
    {
      g_autofree char *day_lines = day != NULL ? break_after_weekday (day) : NULL;

      gtk_widget_remove_css_class (GTK_WIDGET (self), "break");

      speakers = join_speakers (ncl_session_get_speaker_names (self->session));
      place = format_place (self->session);
      description = ncl_session_get_description (self->session);

      gtk_label_set_text (self->time_label, clock);
      gtk_label_set_text (self->day_label, day_lines);
      gtk_widget_set_visible (GTK_WIDGET (self->day_label), day != NULL);
      gtk_label_set_text (self->title_label, title);
      gtk_label_set_text (self->place_label, place);
      gtk_widget_set_visible (GTK_WIDGET (self->place_label), place != NULL);
      gtk_label_set_text (self->speakers_label, speakers);
      gtk_widget_set_visible (GTK_WIDGET (self->speakers_label), speakers != NULL);
      overlaps = format_overlaps (self->overlaps);
      gtk_label_set_text (self->overlaps_label, overlaps);
      gtk_widget_set_visible (self->overlaps_box, overlaps != NULL);
      gtk_label_set_markup (self->description_label, description != NULL ? description : "");
      gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                              description != NULL && description[0] != '\0');
    }

  update_talk (self);

  /* Read as one line: "8:15 AM, Serverless on Kubernetes with OpenFaaS &
   * NATS, Alex Ellis", or "10:00 AM, Break". */
  parts = g_ptr_array_new ();
  if (clock != NULL)
    g_ptr_array_add (parts, clock);
  if (day != NULL && !is_break)
    g_ptr_array_add (parts, day);
  if (title != NULL)
    g_ptr_array_add (parts, (char *)title);
  if (place != NULL)
    g_ptr_array_add (parts, place);
  if (speakers != NULL)
    g_ptr_array_add (parts, speakers);
  if (overlaps != NULL)
    g_ptr_array_add (parts, overlaps);
  g_ptr_array_add (parts, NULL);

  /* Translators: goes between the parts of a session's accessible name, as
   * in "8:15 AM, Serverless on Kubernetes with OpenFaaS & NATS, Alex Ellis" */
  accessible = g_strjoinv (C_("session accessible name", ", "), (char **)parts->pdata);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

/* The row's talk is its session's (ncl_highlight_match_link()); the row
 * lays itself out after setting it. */
static void
set_talk (NclSessionRow *self,
          NclHighlight  *talk)
{
  if (g_set_object (&self->talk, talk))
    {
      g_signal_group_set_target (self->talk_signals, talk);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TALK]);
    }
}

static void
session_notify_cb (NclSessionRow *self)
{
  set_talk (self, self->session != NULL ? ncl_session_get_highlight (self->session) : NULL);
  update (self);
}

static void
talk_notify_cb (NclSessionRow *self)
{
  update_talk (self);
}

static void
ncl_session_row_dispose (GObject *object)
{
  NclSessionRow *self = (NclSessionRow *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), NCL_TYPE_SESSION_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->session_signals);
  g_clear_object (&self->talk_signals);
  g_clear_object (&self->session);
  g_clear_object (&self->talk);
  g_clear_pointer (&self->overlaps, g_ptr_array_unref);

  G_OBJECT_CLASS (ncl_session_row_parent_class)->dispose (object);
}

static void
ncl_session_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NclSessionRow *self = NCL_SESSION_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_TALK:
      g_value_set_object (value, self->talk);
      break;
    case PROP_SHOW_EVENT_TIME:
      g_value_set_boolean (value, self->show_event_time);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_session_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  NclSessionRow *self = NCL_SESSION_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      ncl_session_row_set_session (self, g_value_get_object (value));
      break;
    case PROP_SHOW_EVENT_TIME:
      ncl_session_row_set_show_event_time (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_session_row_class_init (NclSessionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ncl_session_row_dispose;
  object_class->get_property = ncl_session_row_get_property;
  object_class->set_property = ncl_session_row_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         NCL_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NclSessionRow:talk:
   *
   * The talk of the post this session is, when the post highlights it
   * (#NclSession:talk): the row then offers its slides and video.
   */
  properties[PROP_TALK] =
    g_param_spec_object ("talk", NULL, NULL,
                         NCL_TYPE_HIGHLIGHT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NclSessionRow:show-event-time:
   *
   * Whether the start is shown in the event's time zone rather than the
   * user's.
   */
  properties[PROP_SHOW_EVENT_TIME] =
    g_param_spec_boolean ("show-event-time", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (NCL_TYPE_STAR_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ncl-session-row.ui");
  gtk_widget_class_bind_template_child (widget_class, NclSessionRow, talk_card);
  gtk_widget_class_bind_template_child (widget_class, NclSessionRow, time_label);
  gtk_widget_class_bind_template_child (widget_class, NclSessionRow, day_label);
  gtk_widget_class_bind_template_child (widget_class, NclSessionRow, highlight_label);
  gtk_widget_class_bind_template_child (widget_class, NclSessionRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, NclSessionRow, place_label);
  gtk_widget_class_bind_template_child (widget_class, NclSessionRow, speakers_label);
  gtk_widget_class_bind_template_child (widget_class, NclSessionRow, overlaps_box);
  gtk_widget_class_bind_template_child (widget_class, NclSessionRow, overlaps_label);
  gtk_widget_class_bind_template_child (widget_class, NclSessionRow, description_label);
  gtk_widget_class_bind_template_child (widget_class, NclSessionRow, buttons_box);
  gtk_widget_class_bind_template_child (widget_class, NclSessionRow, slides_button);
  gtk_widget_class_bind_template_child (widget_class, NclSessionRow, slides_content);
  gtk_widget_class_bind_template_child (widget_class, NclSessionRow, video_button);
  gtk_widget_class_bind_template_child (widget_class, NclSessionRow, video_content);
  gtk_widget_class_bind_template_child (widget_class, NclSessionRow, star_button);
  gtk_widget_class_bind_template_child (widget_class, NclSessionRow, break_box);
  gtk_widget_class_bind_template_child (widget_class, NclSessionRow, break_time_label);
  gtk_widget_class_bind_template_child (widget_class, NclSessionRow, break_label);
  gtk_widget_class_bind_template_callback (widget_class, description_activate_link_cb);
  gtk_widget_class_set_css_name (widget_class, "nclsessionrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ncl_session_row_init (NclSessionRow *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->description_label, NULL,
                                  -1);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  self->session_signals = g_signal_group_new (NCL_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify",
                                  G_CALLBACK (session_notify_cb), self);
  self->talk_signals = g_signal_group_new (NCL_TYPE_HIGHLIGHT);
  g_signal_group_connect_swapped (self->talk_signals, "notify",
                                  G_CALLBACK (talk_notify_cb), self);
}

GtkWidget *
ncl_session_row_new (void)
{
  return g_object_new (NCL_TYPE_SESSION_ROW, NULL);
}

/**
 * ncl_session_row_get_session:
 *
 * Returns: (transfer none) (nullable): the session the row shows
 */
NclSession *
ncl_session_row_get_session (NclSessionRow *self)
{
  g_return_val_if_fail (NCL_IS_SESSION_ROW (self), NULL);

  return self->session;
}

void
ncl_session_row_set_session (NclSessionRow *self,
                             NclSession    *session)
{
  g_return_if_fail (NCL_IS_SESSION_ROW (self));
  g_return_if_fail (session == NULL || NCL_IS_SESSION (session));

  if (g_set_object (&self->session, session))
    {
      g_signal_group_set_target (self->session_signals, session);
      /* Another session's overlaps are not this one's. */
      g_clear_pointer (&self->overlaps, g_ptr_array_unref);
      set_talk (self, session != NULL ? ncl_session_get_highlight (session) : NULL);
      update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
    }
}

/**
 * ncl_session_row_get_highlight:
 *
 * Returns: (transfer none) (nullable): the post's talk the session is, when
 *   the post highlights it
 */
NclHighlight *
ncl_session_row_get_highlight (NclSessionRow *self)
{
  g_return_val_if_fail (NCL_IS_SESSION_ROW (self), NULL);

  return self->talk;
}

gboolean
ncl_session_row_get_show_event_time (NclSessionRow *self)
{
  g_return_val_if_fail (NCL_IS_SESSION_ROW (self), FALSE);

  return self->show_event_time;
}

void
ncl_session_row_set_show_event_time (NclSessionRow *self,
                                     gboolean       show_event_time)
{
  g_return_if_fail (NCL_IS_SESSION_ROW (self));

  show_event_time = !!show_event_time;
  if (self->show_event_time == show_event_time)
    return;

  self->show_event_time = show_event_time;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_EVENT_TIME]);
}

/**
 * ncl_session_row_set_stars:
 * @stars: (nullable): the starred talks; %NULL hides the star
 */
void
ncl_session_row_set_stars (NclSessionRow *self,
                           NclStars      *stars)
{
  g_return_if_fail (NCL_IS_SESSION_ROW (self));

  ncl_star_button_set_stars (self->star_button, stars);
}

/**
 * ncl_session_row_set_overlaps:
 * @overlaps: (nullable) (element-type NclSession): the other starred
 *   sessions at the same time, in the order they start; %NULL or empty
 *   for none
 *
 * Marks the session "Overlaps with …", on screen and in what the row
 * reads as.
 */
void
ncl_session_row_set_overlaps (NclSessionRow *self,
                              GPtrArray     *overlaps)
{
  g_return_if_fail (NCL_IS_SESSION_ROW (self));

  if (overlaps != NULL && overlaps->len == 0)
    overlaps = NULL;
  if (self->overlaps == overlaps)
    return;

  g_clear_pointer (&self->overlaps, g_ptr_array_unref);
  if (overlaps != NULL)
    self->overlaps = g_ptr_array_ref (overlaps);
  update (self);
}

/**
 * ncl_session_row_toggle_star:
 *
 * Stars the session, or unstars it (Ctrl+D); breaks have no star.
 */
void
ncl_session_row_toggle_star (NclSessionRow *self)
{
  g_return_if_fail (NCL_IS_SESSION_ROW (self));

  ncl_star_button_toggle (self->star_button);
}

/**
 * ncl_session_row_open:
 * @video: the video rather than the slides
 *
 * Opens the highlighted talk's slides or video (Ctrl+O, Ctrl+Shift+O);
 * nothing for a session the post does not highlight.
 */
void
ncl_session_row_open (NclSessionRow *self,
                      gboolean       video)
{
  g_return_if_fail (NCL_IS_SESSION_ROW (self));

  if (gtk_widget_get_visible (self->buttons_box))
    gtk_widget_activate (GTK_WIDGET (video ? self->video_button : self->slides_button));
}
