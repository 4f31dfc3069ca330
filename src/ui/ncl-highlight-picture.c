/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ncl-highlight-picture.h"

/* The right-hand card of a talk: the slide picture once it is there, and
 * until then (or when there is none) a deliberate placeholder with the talk's
 * number and title, never a broken-image icon. It is as tall as its width
 * asks for: 16:9, the shape of a slide, or the picture's own shape. */

#define DEFAULT_ASPECT (9.0 / 16.0)

struct _NclHighlightPicture
{
  GtkWidget parent_instance;

  NclHighlight *talk;
  GSignalGroup *talk_signals;
  GdkPaintable *paintable;

  GtkStack *stack;
  GtkWidget *placeholder;
  GtkLabel *number_label;
  GtkLabel *title_label;
  GtkPicture *picture;
};

G_DEFINE_FINAL_TYPE (NclHighlightPicture, ncl_highlight_picture, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TALK,
  PROP_PAINTABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static double
aspect_ratio (NclHighlightPicture *self)
{
  if (self->paintable != NULL)
    {
      double ratio = gdk_paintable_get_intrinsic_aspect_ratio (self->paintable);

      /* A sliver or a tower is somebody's mistake, not a slide. */
      if (ratio > 0.5 && ratio < 3.0)
        return 1.0 / ratio;
    }

  return DEFAULT_ASPECT;
}

static void
update_accessible (NclHighlightPicture *self)
{
  g_autofree char *label = NULL;
  const char *alt = NULL;

  if (self->talk != NULL)
    alt = ncl_highlight_get_picture_alt (self->talk);

  if (alt != NULL)
    label = g_strdup (alt);
  else if (self->talk != NULL)
    /* Translators: accessible name of a talk's slide picture */
    label = g_strdup_printf (_("Slide from talk %u"), ncl_highlight_get_number (self->talk));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* What the talk says: the placeholder's number and title, the picture's
 * name. A refresh of the post changes them in place. */
static void
update_talk (NclHighlightPicture *self)
{
  g_autofree char *number = NULL;

  if (self->talk != NULL)
    {
      number = g_strdup_printf ("%u", ncl_highlight_get_number (self->talk));
      gtk_label_set_text (self->number_label, number);
      gtk_label_set_text (self->title_label, ncl_highlight_get_title (self->talk));
    }

  update_accessible (self);
}

static void
update (NclHighlightPicture *self)
{
  update_talk (self);

  gtk_picture_set_paintable (self->picture, self->paintable);
  gtk_stack_set_visible_child_name (self->stack, self->paintable != NULL ? "picture" : "placeholder");

  if (self->paintable != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "placeholder");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "placeholder");

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static GtkSizeRequestMode
ncl_highlight_picture_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ncl_highlight_picture_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  NclHighlightPicture *self = NCL_HIGHLIGHT_PICTURE (widget);
  int child_min = 0;
  int child_nat = 0;

  gtk_widget_measure (GTK_WIDGET (self->stack), orientation, for_size,
                      &child_min, &child_nat, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = child_min;
      *natural = MAX (child_nat, 480);
    }
  else
    {
      int width = for_size >= 0 ? for_size : 480;
      int height = (int)(width * aspect_ratio (self) + 0.5);

      *minimum = MAX (child_min, height);
      *natural = MAX (child_nat, height);
    }
}

static void
ncl_highlight_picture_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  NclHighlightPicture *self = NCL_HIGHLIGHT_PICTURE (widget);

  gtk_widget_size_allocate (GTK_WIDGET (self->stack),
                            &(GtkAllocation) { 0, 0, width, height },
                            baseline);
}

static void
ncl_highlight_picture_dispose (GObject *object)
{
  NclHighlightPicture *self = (NclHighlightPicture *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NCL_TYPE_HIGHLIGHT_PICTURE);
  g_clear_object (&self->talk_signals);
  g_clear_object (&self->talk);
  g_clear_object (&self->paintable);

  G_OBJECT_CLASS (ncl_highlight_picture_parent_class)->dispose (object);
}

static void
ncl_highlight_picture_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  NclHighlightPicture *self = NCL_HIGHLIGHT_PICTURE (object);

  switch (prop_id)
    {
    case PROP_TALK:
      g_value_set_object (value, self->talk);
      break;
    case PROP_PAINTABLE:
      g_value_set_object (value, self->paintable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_highlight_picture_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  NclHighlightPicture *self = NCL_HIGHLIGHT_PICTURE (object);

  switch (prop_id)
    {
    case PROP_TALK:
      ncl_highlight_picture_set_highlight (self, g_value_get_object (value));
      break;
    case PROP_PAINTABLE:
      ncl_highlight_picture_set_paintable (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_highlight_picture_class_init (NclHighlightPictureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ncl_highlight_picture_dispose;
  object_class->get_property = ncl_highlight_picture_get_property;
  object_class->set_property = ncl_highlight_picture_set_property;

  widget_class->get_request_mode = ncl_highlight_picture_get_request_mode;
  widget_class->measure = ncl_highlight_picture_measure;
  widget_class->size_allocate = ncl_highlight_picture_size_allocate;

  properties[PROP_TALK] =
    g_param_spec_object ("talk", NULL, NULL,
                         NCL_TYPE_HIGHLIGHT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PAINTABLE] =
    g_param_spec_object ("paintable", NULL, NULL,
                         GDK_TYPE_PAINTABLE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ncl-highlight-picture.ui");
  gtk_widget_class_bind_template_child (widget_class, NclHighlightPicture, stack);
  gtk_widget_class_bind_template_child (widget_class, NclHighlightPicture, placeholder);
  gtk_widget_class_bind_template_child (widget_class, NclHighlightPicture, number_label);
  gtk_widget_class_bind_template_child (widget_class, NclHighlightPicture, title_label);
  gtk_widget_class_bind_template_child (widget_class, NclHighlightPicture, picture);
  gtk_widget_class_set_css_name (widget_class, "nclpicture");
}

static void
ncl_highlight_picture_init (NclHighlightPicture *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "placeholder");

  self->talk_signals = g_signal_group_new (NCL_TYPE_HIGHLIGHT);
  g_signal_group_connect_swapped (self->talk_signals, "notify::number",
                                  G_CALLBACK (update_talk), self);
  g_signal_group_connect_swapped (self->talk_signals, "notify::title",
                                  G_CALLBACK (update_talk), self);
  g_signal_group_connect_swapped (self->talk_signals, "notify::picture-alt",
                                  G_CALLBACK (update_talk), self);
}

GtkWidget *
ncl_highlight_picture_new (void)
{
  return g_object_new (NCL_TYPE_HIGHLIGHT_PICTURE, NULL);
}

NclHighlight *
ncl_highlight_picture_get_highlight (NclHighlightPicture *self)
{
  g_return_val_if_fail (NCL_IS_HIGHLIGHT_PICTURE (self), NULL);

  return self->talk;
}

void
ncl_highlight_picture_set_highlight (NclHighlightPicture *self,
                                     NclHighlight        *talk)
{
  g_return_if_fail (NCL_IS_HIGHLIGHT_PICTURE (self));
  g_return_if_fail (talk == NULL || NCL_IS_HIGHLIGHT (talk));

  if (g_set_object (&self->talk, talk))
    {
      g_signal_group_set_target (self->talk_signals, talk);
      update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TALK]);
    }
}

GdkPaintable *
ncl_highlight_picture_get_paintable (NclHighlightPicture *self)
{
  g_return_val_if_fail (NCL_IS_HIGHLIGHT_PICTURE (self), NULL);

  return self->paintable;
}

/**
 * ncl_highlight_picture_set_paintable:
 * @paintable: (nullable): the slide picture, or %NULL for the placeholder
 */
void
ncl_highlight_picture_set_paintable (NclHighlightPicture *self,
                                     GdkPaintable        *paintable)
{
  g_return_if_fail (NCL_IS_HIGHLIGHT_PICTURE (self));
  g_return_if_fail (paintable == NULL || GDK_IS_PAINTABLE (paintable));

  if (g_set_object (&self->paintable, paintable))
    {
      update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAINTABLE]);
    }
}
