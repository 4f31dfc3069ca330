/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ncl-link-button.h"
#include "ncl-youtube-video.h"

/* The Slides and Video buttons of a talk, on the post's cards and in the
 * agenda alike. */

static void
forget_content_label (GtkWidget *button)
{
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/**
 * ncl_button_set_accessible_name:
 * @button: a button whose child is an #AdwButtonContent
 * @name: what a screen reader calls it, e.g. "Slides: Cloud Native WebAssembly"
 *
 * AdwButtonContent labels its button by its label (once it is in a window),
 * and GTK 4.8 reads the name and that label both ("Slides: Title Slides"):
 * the button is named @name alone.
 */
void
ncl_button_set_accessible_name (GtkWidget  *button,
                                const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (button));

  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  forget_content_label (button);

  if (g_object_get_data (G_OBJECT (button), "ncl-named") == NULL)
    {
      g_object_set_data (G_OBJECT (button), "ncl-named", GINT_TO_POINTER (TRUE));
      g_signal_connect (button, "map", G_CALLBACK (forget_content_label), NULL);
    }
}

/**
 * ncl_link_button_update:
 * @button: the button
 * @content: the button's content, which shows the label
 * @action_name: the action that opens @uri, with @uri as its string target
 * @uri: (nullable): the link, %NULL when none was published
 * @label: the label when there is a link (a mnemonic)
 * @missing_label: the label when there is none
 * @accessible_label: the button's accessible name either way
 * @missing_tooltip: the tooltip when there is no link
 * @invalid_reason: (nullable): why @uri cannot be opened, shown as the
 *   tooltip of the disabled button; %NULL when it can
 *
 * Without a link, or with one that cannot be opened, the button stays,
 * greyed out, and says why.
 */
void
ncl_link_button_update (GtkButton        *button,
                        AdwButtonContent *content,
                        const char       *action_name,
                        const char       *uri,
                        const char       *label,
                        const char       *missing_label,
                        const char       *accessible_label,
                        const char       *missing_tooltip,
                        const char       *invalid_reason)
{
  g_return_if_fail (GTK_IS_BUTTON (button));
  g_return_if_fail (ADW_IS_BUTTON_CONTENT (content));

  /* The target first, then the action, so the button never activates with
   * the previous talk's link. */
  if (uri != NULL && invalid_reason != NULL)
    {
      /* A link that cannot be played: say why instead of failing later. */
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), NULL);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), NULL);
      adw_button_content_set_label (content, label);
      gtk_widget_set_tooltip_text (GTK_WIDGET (button), invalid_reason);
    }
  else if (uri != NULL)
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", uri);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
      adw_button_content_set_label (content, label);
      gtk_widget_set_tooltip_text (GTK_WIDGET (button), NULL);
    }
  else
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), NULL);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), NULL);
      adw_button_content_set_label (content, missing_label);
      gtk_widget_set_tooltip_text (GTK_WIDGET (button), missing_tooltip);
    }

  /* Without a link there is nothing to open: the button stays, greyed out,
   * and says so, as the layout would otherwise leave a hole. */
  gtk_widget_set_sensitive (GTK_WIDGET (button), uri != NULL && invalid_reason == NULL);
  ncl_button_set_accessible_name (GTK_WIDGET (button), accessible_label);
  /* The reason a button is disabled is its description. */
  if (uri == NULL || invalid_reason != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    uri == NULL ? missing_tooltip : invalid_reason,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * ncl_link_button_video_problem:
 * @video_url: (nullable): a talk's video link
 *
 * The post's video links are YouTube's; one the player cannot take (a
 * channel, a malformed ID) is disabled with the reason as its tooltip. A
 * link to somewhere other than YouTube is not a problem: it opens as a web
 * page, like slides.
 *
 * Returns: (transfer full) (nullable): why the embedded player cannot play
 *   @video_url (the player's translated message), or %NULL when it can,
 *   when the link is not YouTube's, or when there is no link
 */
char *
ncl_link_button_video_problem (const char *video_url)
{
  g_autoptr(NclYoutubeVideo) video = NULL;
  g_autoptr(GError) error = NULL;

  if (video_url == NULL)
    return NULL;

  video = ncl_youtube_parse (video_url, &error);
  if (error == NULL || g_error_matches (error, NCL_YOUTUBE_ERROR, NCL_YOUTUBE_ERROR_NOT_YOUTUBE))
    return NULL;

  return g_strdup (error->message);
}
