/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ncl-columns-layout.h"
#include "ncl-link-button.h"
#include "ncl-picture-loader.h"
#include "ncl-star-button.h"
#include "ncl-highlight-picture.h"
#include "ncl-highlight-card.h"
#include "ncl-time.h"

/* One talk as the post lays it out: its numbered heading over two cards,
 * text and links on the left, the slide picture on the right. */
struct _NclHighlightCard
{
  GtkWidget parent_instance;

  NclHighlight *talk;
  GSignalGroup *talk_signals;
  NclLibrary *library;
  guint n_talks;
  GCancellable *picture_cancellable;
  char *picture_url;
  guint picture_idle_id;

  NclColumnsLayout *layout;
  GtkLabel *heading_label;
  GtkLabel *schedule_label;
  GtkWidget *text_card;
  GtkLabel *description_label;
  GtkButton *slides_button;
  AdwButtonContent *slides_content;
  GtkButton *video_button;
  AdwButtonContent *video_content;
  NclStarButton *star_button;
  NclHighlightPicture *picture;
};

G_DEFINE_FINAL_TYPE (NclHighlightCard, ncl_highlight_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TALK,
  PROP_N_TALKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
description_activate_link_cb (NclHighlightCard *self,
                              const char       *uri,
                              GtkLabel         *label)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-link", "s", uri);
  return TRUE;
}

/* Decoded at the card's width on a wide window, times the screen scale. */
#define PICTURE_WIDTH 560

static void
picture_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(NclHighlightCard) self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = ncl_picture_loader_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* No picture: the placeholder stays, as deliberate as before. */
  if (texture != NULL)
    ncl_highlight_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  else
    g_debug ("No slide picture for %s: %s", self->picture_url, error->message);
}

/* Started once the frame that binds the row is painted: the first frame
 * must not wait for the network stack or the disk. */
static gboolean
load_picture_cb (gpointer data)
{
  NclHighlightCard *self = data;

  self->picture_idle_id = 0;

  if (self->picture_url == NULL || self->library == NULL)
    return G_SOURCE_REMOVE;

  self->picture_cancellable = g_cancellable_new ();
  ncl_picture_loader_load_async (self->library, self->picture_url,
                                 PICTURE_WIDTH * gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                 self->picture_cancellable, picture_loaded_cb, g_object_ref (self));

  return G_SOURCE_REMOVE;
}

static void
cancel_picture (NclHighlightCard *self)
{
  g_cancellable_cancel (self->picture_cancellable);
  g_clear_object (&self->picture_cancellable);
  g_clear_handle_id (&self->picture_idle_id, g_source_remove);
}

static void
update_picture (NclHighlightCard *self)
{
  const char *url = self->talk != NULL ? ncl_highlight_get_picture_url (self->talk) : NULL;

  if (g_strcmp0 (url, self->picture_url) == 0)
    return;

  cancel_picture (self);
  g_free (self->picture_url);
  self->picture_url = g_strdup (url);
  ncl_highlight_picture_set_paintable (self->picture, NULL);

  if (url != NULL)
    self->picture_idle_id = g_idle_add_full (G_PRIORITY_LOW, load_picture_cb, self, NULL);
}

/* "Alex Ellis · 5:20 PM CEST": who and when, from the agenda. */
static void
update_schedule (NclHighlightCard *self)
{
  const char *speakers = ncl_highlight_get_speakers (self->talk);
  GDateTime *start = ncl_highlight_get_start (self->talk);
  g_autoptr(GString) text = g_string_new (NULL);

  if (speakers != NULL)
    g_string_append (text, speakers);

  if (start != NULL)
    {
      g_autoptr(GDateTime) local = ncl_time_to_local (start);
      g_autofree char *clock = ncl_time_format_clock (local);

      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, "%s %s", clock, ncl_time_get_zone_label (local));
    }

  gtk_label_set_text (self->schedule_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->schedule_label), text->len > 0);
}

/* "Talk 1 of 5: Serverless and OpenFaaS and NATS, Alex Ellis": what a
 * screen reader says when the card gets focus. */
static void
update_accessible (NclHighlightCard *self)
{
  g_autofree char *name = NULL;
  const char *title = ncl_highlight_get_title (self->talk);
  const char *speakers = ncl_highlight_get_speakers (self->talk);
  guint number = ncl_highlight_get_number (self->talk);
  guint n_talks = MAX (self->n_talks, number);

  if (speakers != NULL && speakers[0] != '\0')
    /* Translators: a talk card's accessible name: its number, the number of
     * talks, its title, its speakers ("Talk 1 of 5: Serverless and OpenFaaS
     * and NATS, Alex Ellis") */
    name = g_strdup_printf (_("Talk %u of %u: %s, %s"), number, n_talks, title, speakers);
  else
    /* Translators: a talk card's accessible name: its number, the number of
     * talks, its title ("Talk 1 of 5: Serverless and OpenFaaS and NATS") */
    name = g_strdup_printf (_("Talk %u of %u: %s"), number, n_talks, title);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static void
picture_released_cb (NclHighlightCard *self)
{
  gtk_widget_activate (GTK_WIDGET (self->slides_button));
}

/*
 * The card is a row of two columns: Right goes from the card (its title) to
 * the slide picture, Left back. Up and Down are the list's: they go to the
 * talk above or below. Enter on the card or the picture opens the slides.
 */
static gboolean
key_pressed_cb (NclHighlightCard      *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  gboolean on_card = focus == GTK_WIDGET (self);
  gboolean on_picture = focus == GTK_WIDGET (self->picture);

  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (on_card && !ncl_columns_layout_get_folded (self->layout))
        return gtk_widget_grab_focus (GTK_WIDGET (self->picture));
      break;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (on_picture && !ncl_columns_layout_get_folded (self->layout))
        return gtk_widget_grab_focus (GTK_WIDGET (self));
      break;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (on_card || on_picture)
        {
          gtk_widget_activate (GTK_WIDGET (self->slides_button));
          return TRUE;
        }
      break;

    default:
      break;
    }

  return FALSE;
}

static void
update (NclHighlightCard *self)
{
  g_autofree char *heading = NULL;
  g_autofree char *slides_name = NULL;
  g_autofree char *video_name = NULL;
  g_autofree char *video_problem = NULL;
  const char *video_url;
  const char *title;
  const char *description;

  if (self->talk == NULL)
    return;

  title = ncl_highlight_get_title (self->talk);
  description = ncl_highlight_get_description (self->talk);

  /* Translators: a talk's heading, its number in the post then its title */
  heading = g_strdup_printf (_("%u. %s"), ncl_highlight_get_number (self->talk), title);
  gtk_label_set_text (self->heading_label, heading);

  gtk_label_set_markup (self->description_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          description != NULL && description[0] != '\0');

  /* Translators: accessible name of a talk's Slides button; %s is the talk's title */
  slides_name = g_strdup_printf (_("Slides: %s"), title);
  /* Translators: accessible name of a talk's Video button; %s is the talk's title */
  video_name = g_strdup_printf (_("Video: %s"), title);

  ncl_link_button_update (self->slides_button, self->slides_content, "win.open-slides",
                          ncl_highlight_get_slides_url (self->talk),
                          _("_Slides"), _("No Slides"), slides_name,
                          _("No slides were published for this talk"), NULL);

  /* The post's video links are YouTube's; one the player cannot take (a
   * channel, a malformed ID) is disabled with the reason as its tooltip. */
  video_url = ncl_highlight_get_video_url (self->talk);
  video_problem = ncl_link_button_video_problem (video_url);

  ncl_link_button_update (self->video_button, self->video_content, "win.open-video",
                          video_url,
                          _("_Video"), _("No Video"), video_name,
                          _("No video was published for this talk"), video_problem);

  ncl_highlight_picture_set_highlight (self->picture, self->talk);
  update_schedule (self);
  update_picture (self);
  update_accessible (self);
  ncl_star_button_set_item (self->star_button, title, ncl_highlight_get_star_ids (self->talk));
}

static void
talk_notify_cb (NclHighlightCard *self)
{
  update (self);
}

static void
ncl_highlight_card_dispose (GObject *object)
{
  NclHighlightCard *self = (NclHighlightCard *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NCL_TYPE_HIGHLIGHT_CARD);
  cancel_picture (self);
  g_clear_pointer (&self->picture_url, g_free);
  g_clear_object (&self->library);
  g_clear_object (&self->talk_signals);
  g_clear_object (&self->talk);

  G_OBJECT_CLASS (ncl_highlight_card_parent_class)->dispose (object);
}

static void
ncl_highlight_card_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  NclHighlightCard *self = NCL_HIGHLIGHT_CARD (object);

  switch (prop_id)
    {
    case PROP_TALK:
      g_value_set_object (value, self->talk);
      break;
    case PROP_N_TALKS:
      g_value_set_uint (value, self->n_talks);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_highlight_card_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  NclHighlightCard *self = NCL_HIGHLIGHT_CARD (object);

  switch (prop_id)
    {
    case PROP_TALK:
      ncl_highlight_card_set_highlight (self, g_value_get_object (value));
      break;
    case PROP_N_TALKS:
      ncl_highlight_card_set_n_highlights (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_highlight_card_class_init (NclHighlightCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ncl_highlight_card_dispose;
  object_class->get_property = ncl_highlight_card_get_property;
  object_class->set_property = ncl_highlight_card_set_property;

  properties[PROP_TALK] =
    g_param_spec_object ("talk", NULL, NULL,
                         NCL_TYPE_HIGHLIGHT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NclHighlightCard:n-talks:
   *
   * How many talks the list has, for the card's accessible name.
   */
  properties[PROP_N_TALKS] =
    g_param_spec_uint ("n-talks", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (NCL_TYPE_COLUMNS_LAYOUT);
  g_type_ensure (NCL_TYPE_STAR_BUTTON);
  g_type_ensure (NCL_TYPE_HIGHLIGHT_PICTURE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ncl-highlight-card.ui");
  gtk_widget_class_bind_template_child (widget_class, NclHighlightCard, layout);
  gtk_widget_class_bind_template_child (widget_class, NclHighlightCard, heading_label);
  gtk_widget_class_bind_template_child (widget_class, NclHighlightCard, schedule_label);
  gtk_widget_class_bind_template_child (widget_class, NclHighlightCard, text_card);
  gtk_widget_class_bind_template_child (widget_class, NclHighlightCard, description_label);
  gtk_widget_class_bind_template_child (widget_class, NclHighlightCard, slides_button);
  gtk_widget_class_bind_template_child (widget_class, NclHighlightCard, slides_content);
  gtk_widget_class_bind_template_child (widget_class, NclHighlightCard, video_button);
  gtk_widget_class_bind_template_child (widget_class, NclHighlightCard, video_content);
  gtk_widget_class_bind_template_child (widget_class, NclHighlightCard, star_button);
  gtk_widget_class_bind_template_child (widget_class, NclHighlightCard, picture);
  gtk_widget_class_bind_template_callback (widget_class, description_activate_link_cb);
  gtk_widget_class_bind_template_callback (widget_class, picture_released_cb);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "ncltalkrow");
}

static void
ncl_highlight_card_init (NclHighlightCard *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Read after the card's name: what the talk is about. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->description_label, NULL,
                                  -1);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  /* The post may be refreshed while the row is on screen: follow the talk
   * in place, so focus and scroll position stay where they are. */
  self->talk_signals = g_signal_group_new (NCL_TYPE_HIGHLIGHT);
  g_signal_group_connect_swapped (self->talk_signals, "notify",
                                  G_CALLBACK (talk_notify_cb), self);
}

GtkWidget *
ncl_highlight_card_new (void)
{
  return g_object_new (NCL_TYPE_HIGHLIGHT_CARD, NULL);
}

NclHighlight *
ncl_highlight_card_get_highlight (NclHighlightCard *self)
{
  g_return_val_if_fail (NCL_IS_HIGHLIGHT_CARD (self), NULL);

  return self->talk;
}

void
ncl_highlight_card_set_highlight (NclHighlightCard *self,
                                  NclHighlight     *talk)
{
  g_return_if_fail (NCL_IS_HIGHLIGHT_CARD (self));
  g_return_if_fail (talk == NULL || NCL_IS_HIGHLIGHT (talk));

  if (g_set_object (&self->talk, talk))
    {
      g_signal_group_set_target (self->talk_signals, talk);
      if (talk == NULL)
        update_picture (self);
      update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TALK]);
    }
}

/**
 * ncl_highlight_card_focus_link:
 * @video: the Video button rather than the Slides one
 *
 * Puts keyboard focus back where it was when a page was opened from the row.
 */
void
ncl_highlight_card_focus_link (NclHighlightCard *self,
                               gboolean          video)
{
  g_return_if_fail (NCL_IS_HIGHLIGHT_CARD (self));

  gtk_widget_grab_focus (GTK_WIDGET (video ? self->video_button : self->slides_button));
}

/**
 * ncl_highlight_card_get_folded:
 *
 * Returns: whether the row is too narrow for two columns and shows the
 *   picture under the text
 */
gboolean
ncl_highlight_card_get_folded (NclHighlightCard *self)
{
  g_return_val_if_fail (NCL_IS_HIGHLIGHT_CARD (self), FALSE);

  return ncl_columns_layout_get_folded (self->layout);
}

/**
 * ncl_highlight_card_set_n_highlights:
 *
 * Sets how many talks the list has, for the card's accessible name.
 */
void
ncl_highlight_card_set_n_highlights (NclHighlightCard *self,
                                     guint             n_talks)
{
  g_return_if_fail (NCL_IS_HIGHLIGHT_CARD (self));

  if (self->n_talks == n_talks)
    return;

  self->n_talks = n_talks;
  if (self->talk != NULL)
    update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TALKS]);
}

/**
 * ncl_highlight_card_set_stars:
 * @stars: (nullable): the starred talks; %NULL hides the star
 */
void
ncl_highlight_card_set_stars (NclHighlightCard *self,
                              NclStars         *stars)
{
  g_return_if_fail (NCL_IS_HIGHLIGHT_CARD (self));

  ncl_star_button_set_stars (self->star_button, stars);
}

/**
 * ncl_highlight_card_set_library:
 * @library: (nullable): where the slide picture comes from; %NULL leaves the
 *   placeholder
 *
 * The view that shows the card gives it the library of the event it shows.
 */
void
ncl_highlight_card_set_library (NclHighlightCard *self,
                                NclLibrary       *library)
{
  g_return_if_fail (NCL_IS_HIGHLIGHT_CARD (self));
  g_return_if_fail (library == NULL || NCL_IS_LIBRARY (library));

  if (!g_set_object (&self->library, library))
    return;

  /* Load the picture again, from the new library. */
  cancel_picture (self);
  g_clear_pointer (&self->picture_url, g_free);
  update_picture (self);
}

/**
 * ncl_highlight_card_toggle_star:
 *
 * Stars the talk, or unstars it (Ctrl+D).
 */
void
ncl_highlight_card_toggle_star (NclHighlightCard *self)
{
  g_return_if_fail (NCL_IS_HIGHLIGHT_CARD (self));

  ncl_star_button_toggle (self->star_button);
}

/**
 * ncl_highlight_card_open:
 * @video: the video rather than the slides
 *
 * Opens the talk's slides or video, as its button does (Ctrl+O,
 * Ctrl+Shift+O); nothing when there is none.
 */
void
ncl_highlight_card_open (NclHighlightCard *self,
                         gboolean          video)
{
  g_return_if_fail (NCL_IS_HIGHLIGHT_CARD (self));

  gtk_widget_activate (GTK_WIDGET (video ? self->video_button : self->slides_button));
}
