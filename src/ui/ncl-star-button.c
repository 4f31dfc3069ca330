/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ncl-star-button.h"

/*
 * The star of a talk or a session: a flat toggle that shows and changes
 * whether the item is in #NclStars, filled when it is (the shape says it,
 * not only the colour). Hidden while it has no item or no stars.
 */
struct _NclStarButton
{
  GtkToggleButton parent_instance;

  NclStars *stars;
  char *title;
  GStrv ids;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (NclStarButton, ncl_star_button, GTK_TYPE_TOGGLE_BUTTON)

static void
update (NclStarButton *self)
{
  gboolean can_star = self->stars != NULL && self->ids != NULL && self->ids[0] != NULL;
  gboolean starred = can_star && ncl_stars_contains (self->stars, (const char * const *)self->ids);
  g_autofree char *name = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self), can_star);
  if (!can_star)
    return;

  self->updating = TRUE;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self), starred);
  self->updating = FALSE;

  gtk_button_set_icon_name (GTK_BUTTON (self), starred ? "ncl-starred-symbolic" : "ncl-non-starred-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), starred ? _("Unstar (Ctrl+D)") : _("Star (Ctrl+D)"));

  /* Translators: accessible name of a talk's star toggle; %s is the
   * talk's title. Whether it is starred is the toggle's state. */
  name = g_strdup_printf (_("Star: %s"), self->title != NULL ? self->title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static void
ncl_star_button_toggled (GtkToggleButton *button)
{
  NclStarButton *self = NCL_STAR_BUTTON (button);

  if (!self->updating && self->stars != NULL && self->ids != NULL && self->ids[0] != NULL)
    ncl_stars_set_starred (self->stars, (const char * const *)self->ids,
                           gtk_toggle_button_get_active (button));

  if (GTK_TOGGLE_BUTTON_CLASS (ncl_star_button_parent_class)->toggled != NULL)
    GTK_TOGGLE_BUTTON_CLASS (ncl_star_button_parent_class)->toggled (button);
}

static void
ncl_star_button_dispose (GObject *object)
{
  NclStarButton *self = (NclStarButton *)object;

  if (self->stars != NULL)
    g_signal_handlers_disconnect_by_func (self->stars, update, self);
  g_clear_object (&self->stars);

  G_OBJECT_CLASS (ncl_star_button_parent_class)->dispose (object);
}

static void
ncl_star_button_finalize (GObject *object)
{
  NclStarButton *self = (NclStarButton *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->ids, g_strfreev);

  G_OBJECT_CLASS (ncl_star_button_parent_class)->finalize (object);
}

static void
ncl_star_button_class_init (NclStarButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkToggleButtonClass *toggle_class = GTK_TOGGLE_BUTTON_CLASS (klass);

  object_class->dispose = ncl_star_button_dispose;
  object_class->finalize = ncl_star_button_finalize;

  toggle_class->toggled = ncl_star_button_toggled;
}

static void
ncl_star_button_init (NclStarButton *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (self), "circular");
  gtk_widget_add_css_class (GTK_WIDGET (self), "ncl-star");
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
ncl_star_button_new (void)
{
  return g_object_new (NCL_TYPE_STAR_BUTTON, NULL);
}

/**
 * ncl_star_button_set_stars:
 * @stars: (nullable): the starred talks and sessions
 */
void
ncl_star_button_set_stars (NclStarButton *self,
                           NclStars      *stars)
{
  g_return_if_fail (NCL_IS_STAR_BUTTON (self));
  g_return_if_fail (stars == NULL || NCL_IS_STARS (stars));

  if (self->stars == stars)
    return;

  if (self->stars != NULL)
    g_signal_handlers_disconnect_by_func (self->stars, update, self);
  g_set_object (&self->stars, stars);
  if (stars != NULL)
    g_signal_connect_swapped (stars, "changed", G_CALLBACK (update), self);

  update (self);
}

/**
 * ncl_star_button_set_item:
 * @title: (nullable): the item's title, for the accessible name
 * @ids: (nullable): the item's ids for #NclStars, its own first; %NULL
 *   hides the star (a break has none)
 */
void
ncl_star_button_set_item (NclStarButton      *self,
                          const char         *title,
                          const char * const *ids)
{
  g_return_if_fail (NCL_IS_STAR_BUTTON (self));

  g_free (self->title);
  self->title = g_strdup (title);
  g_strfreev (self->ids);
  self->ids = ids != NULL ? g_strdupv ((char **)ids) : NULL;

  update (self);
}

/**
 * ncl_star_button_toggle:
 *
 * Stars the item, or unstars it (Ctrl+D); nothing when the star is hidden.
 */
void
ncl_star_button_toggle (NclStarButton *self)
{
  g_return_if_fail (NCL_IS_STAR_BUTTON (self));

  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self),
                                  !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self)));
}
