/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ncl-link.h"
#include "ncl-player-page.h"
#include "ncl-vimeo-video.h"
#include "ncl-web-loader.h"
#include "ncl-web-page.h"
#include "ncl-youtube-video.h"

/* A talk's slides or its video player, inside the window: a header with
 * back, reload or stop, the title and "Open in Browser", a load progress bar,
 * and the web view, which comes from the web module (see ncl-web-loader.c)
 * the first time a page opens. */
struct _NclWebPage
{
  GtkWidget parent_instance;

  GtkWidget *content;
  char *title;
  char *original_uri;

  AdwHeaderBar *header_bar;
  GtkButton *reload_button;
  GtkButton *open_button;
  AdwWindowTitle *title_widget;
  AdwBin *content_bin;
  GtkProgressBar *progress_bar;
};

G_DEFINE_FINAL_TYPE (NclWebPage, ncl_web_page, GTK_TYPE_WIDGET)

static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  NclWebPage *self = NCL_WEB_PAGE (widget);
  g_autofree char *content_action = NULL;

  if (self->content == NULL)
    return;

  /* "web.zoom-in" → "content.zoom-in" */
  content_action = g_strconcat ("content.", action_name + strlen ("web."), NULL);
  gtk_widget_activate_action (self->content, content_action, NULL);
}

static void
open_in_browser_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  NclWebPage *self = NCL_WEB_PAGE (widget);

  if (self->original_uri != NULL)
    gtk_widget_activate_action (widget, "win.open-link", "s", self->original_uri);
}

static void
update_loading (NclWebPage *self)
{
  gboolean loading = FALSE;
  double progress = 0.0;

  if (self->content != NULL)
    g_object_get (self->content, "is-loading", &loading, "progress", &progress, NULL);

  gtk_progress_bar_set_fraction (self->progress_bar, progress);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), loading);

  gtk_button_set_icon_name (self->reload_button,
                            loading ? "process-stop-symbolic" : "view-refresh-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->reload_button),
                                  loading ? "web.stop" : "web.reload");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->reload_button),
                               loading ? _("Stop Loading") : _("Reload"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reload_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, loading ? _("Stop Loading") : _("Reload"),
                                  -1);
}

static void
update_title (NclWebPage *self)
{
  g_autofree char *page_title = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GUri) parsed = NULL;

  if (self->content != NULL)
    g_object_get (self->content, "title", &page_title, "uri", &uri, NULL);

  /* The talk's title when there is one; the page's own otherwise. The host
   * below it says where the page comes from. */
  adw_window_title_set_title (self->title_widget,
                              self->title != NULL ? self->title :
                              page_title != NULL ? page_title : "");

  if (self->original_uri != NULL)
    parsed = g_uri_parse (self->original_uri, G_URI_FLAGS_NONE, NULL);
  adw_window_title_set_subtitle (self->title_widget,
                                 parsed != NULL && g_uri_get_host (parsed) != NULL ?
                                 g_uri_get_host (parsed) : "");
}

static void
content_notify_cb (NclWebPage *self,
                   GParamSpec *pspec,
                   GtkWidget  *content)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "is-loading") || g_str_equal (name, "progress"))
    update_loading (self);
  else if (g_str_equal (name, "title") || g_str_equal (name, "uri"))
    update_title (self);
}

static void
content_open_external_cb (NclWebPage *self,
                          const char *uri,
                          GtkWidget  *content)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-link", "s", uri);
}

static gboolean
ensure_content (NclWebPage *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *status;

  if (self->content != NULL)
    return TRUE;

  self->content = ncl_web_loader_create_content (&error);
  if (self->content == NULL)
    {
      status = adw_status_page_new ();
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-error-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Pages Cannot Be Shown"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status), error->message);
      adw_bin_set_child (self->content_bin, status);
      return FALSE;
    }

  g_signal_connect_object (self->content, "notify", G_CALLBACK (content_notify_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->content, "open-external", G_CALLBACK (content_open_external_cb),
                           self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->content_bin, self->content);

  return TRUE;
}

static void
set_page (NclWebPage *self,
          const char *title,
          const char *original_uri,
          const char *open_tooltip)
{
  g_free (self->title);
  self->title = g_strdup (title);
  g_free (self->original_uri);
  self->original_uri = g_strdup (original_uri);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->open_button), open_tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, open_tooltip,
                                  -1);
  update_title (self);
}

static void
ncl_web_page_dispose (GObject *object)
{
  NclWebPage *self = (NclWebPage *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), NCL_TYPE_WEB_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  self->content = NULL;

  G_OBJECT_CLASS (ncl_web_page_parent_class)->dispose (object);
}

static void
ncl_web_page_finalize (GObject *object)
{
  NclWebPage *self = (NclWebPage *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->original_uri, g_free);

  G_OBJECT_CLASS (ncl_web_page_parent_class)->finalize (object);
}

static void
ncl_web_page_class_init (NclWebPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ncl_web_page_dispose;
  object_class->finalize = ncl_web_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ncl-web-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NclWebPage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, NclWebPage, reload_button);
  gtk_widget_class_bind_template_child (widget_class, NclWebPage, open_button);
  gtk_widget_class_bind_template_child (widget_class, NclWebPage, title_widget);
  gtk_widget_class_bind_template_child (widget_class, NclWebPage, content_bin);
  gtk_widget_class_bind_template_child (widget_class, NclWebPage, progress_bar);

  gtk_widget_class_install_action (widget_class, "web.reload", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "web.stop", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "web.zoom-in", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "web.zoom-out", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "web.zoom-reset", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "web.open-in-browser", NULL, open_in_browser_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "web.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "web.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "web.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "web.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "web.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "web.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "web.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "web.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "web.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);

  gtk_widget_class_set_css_name (widget_class, "nclwebpage");
}

static void
ncl_web_page_init (NclWebPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ncl_web_page_new (void)
{
  return g_object_new (NCL_TYPE_WEB_PAGE, NULL);
}

/**
 * ncl_web_page_open_uri:
 * @title: (nullable): what the header says, such as the talk's title
 *
 * Loads a web page, such as a talk's slides.
 */
void
ncl_web_page_open_uri (NclWebPage *self,
                       const char *uri,
                       const char *title)
{
  g_return_if_fail (NCL_IS_WEB_PAGE (self));
  g_return_if_fail (uri != NULL);

  set_page (self, title, uri, _("Open in Browser"));
  if (ensure_content (self))
    gtk_widget_activate_action (self->content, "content.load-uri", "s", uri);
}

/**
 * ncl_web_page_open_html:
 * @base_uri: the page's address: what its links resolve against and what
 *   embedded frames see as the page they are on
 * @original_uri: what the header's open button opens
 * @open_label: (nullable): what that button says it does, such as "Open on
 *   YouTube"; "Open in Browser" when %NULL
 *
 * Shows a page the app made, such as a talk's video player.
 */
void
ncl_web_page_open_html (NclWebPage *self,
                        const char *html,
                        const char *base_uri,
                        const char *original_uri,
                        const char *title,
                        const char *open_label)
{
  g_return_if_fail (NCL_IS_WEB_PAGE (self));
  g_return_if_fail (html != NULL);
  g_return_if_fail (base_uri != NULL);

  set_page (self, title, original_uri, open_label != NULL ? open_label : _("Open in Browser"));
  if (ensure_content (self))
    gtk_widget_activate_action (self->content, "content.load-html", "(ss)", html, base_uri);
}

/*
 * Where the player page says it is. YouTube refuses embeds that arrive
 * without a Referer ("Error 153"), which is what a page without an https
 * address sends; the page the talk is on is the honest one. Tests point this
 * and the embed host at servers on loopback (an https page may not embed an
 * http frame).
 */
static const char *
player_base_uri (const char *page_uri)
{
  const char *base = g_getenv ("NCL_TEST_PLAYER_BASE_URI");

  return base != NULL && base[0] != '\0' ? base : page_uri;
}

/* The embed base for tests, which point it at a server on loopback. */
static const char *
test_embed_base (const char *variable)
{
  const char *base = g_getenv (variable);

  return base != NULL && base[0] != '\0' ? base : NULL;
}

/* Which player plays @uri, and from where: %FALSE with @error for a
 * YouTube or Vimeo address that names no video, and with
 * NCL_YOUTUBE_ERROR_NOT_YOUTUBE for any other page. */
static gboolean
find_player (const char     *uri,
             NclPlayerKind  *kind,
             char          **player_uri,
             GError        **error)
{
  g_autoptr(GError) vimeo_error = NULL;
  g_autoptr(NclYoutubeVideo) video = NULL;
  g_autofree char *vimeo_id = NULL;

  /* WebKit's sandbox reads no file of the user's (and the web view goes
   * to no local address): the desktop's video player plays those. */
  if (ncl_link_is_video_file (uri) && g_ascii_strncasecmp (uri, "file:", strlen ("file:")) == 0)
    {
      g_autofree char *path = g_filename_from_uri (uri, NULL, NULL);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is a video file on this computer: open it in a video player"),
                   path != NULL ? path : uri);
      return FALSE;
    }

  if (ncl_link_is_video_file (uri))
    {
      *kind = NCL_PLAYER_KIND_VIDEO_FILE;
      *player_uri = g_strdup (uri);
      return TRUE;
    }

  if ((vimeo_id = ncl_vimeo_parse_id (uri, &vimeo_error)) != NULL)
    {
      *kind = NCL_PLAYER_KIND_VIMEO;
      *player_uri = ncl_vimeo_get_embed_uri (vimeo_id, test_embed_base ("NCL_TEST_VIMEO_EMBED_BASE"));
      return TRUE;
    }

  /* Any link that is not Vimeo's goes on to YouTube's parser, whose
   * errors are the ones the app always gave. */
  if (g_error_matches (vimeo_error, NCL_VIMEO_ERROR, NCL_VIMEO_ERROR_NO_VIDEO_ID))
    {
      g_propagate_error (error, g_steal_pointer (&vimeo_error));
      return FALSE;
    }

  if (!(video = ncl_youtube_parse (uri, error)))
    return FALSE;

  *kind = NCL_PLAYER_KIND_YOUTUBE;
  *player_uri = ncl_youtube_video_get_embed_uri (video, g_getenv ("NCL_TEST_YOUTUBE_EMBED_BASE"));
  return TRUE;
}

static char *
build_player_page (const char     *uri,
                   NclPlayerKind   kind,
                   const char     *player_uri,
                   guint           number,
                   const char     *title,
                   GError        **error)
{
  g_autoptr(GBytes) template = NULL;

  template = g_resources_lookup_data (NCL_PLAYER_PAGE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (template == NULL)
    return NULL;

  return ncl_player_page_build_for (g_bytes_get_data (template, NULL), kind, number,
                                    title != NULL ? title : _("Video"),
                                    NULL, player_uri, uri, error);
}

/**
 * ncl_web_page_open_video:
 * @uri: the video's address
 * @number: the talk's number, or 0
 * @title: (nullable): the talk's title
 * @page_uri: (nullable): the address of the page the video is on, which
 *   the player page says it is (YouTube plays embeds only for pages with an
 *   https address); without one, the video's own
 *
 * A YouTube or Vimeo video, or a video file on the web (see
 * ncl_link_is_video_file()), plays in the app's player page; any other
 * video page opens like slides.
 *
 * Returns: %FALSE, with @error saying why, for a YouTube or Vimeo address
 *   that names no video, or a local video file (which the web view's
 *   sandbox cannot read)
 */
gboolean
ncl_web_page_open_video (NclWebPage  *self,
                         const char  *uri,
                         guint        number,
                         const char  *title,
                         const char  *page_uri,
                         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *player_uri = NULL;
  g_autofree char *html = NULL;
  NclPlayerKind kind;
  const char *base_uri;
  const char *open_label;

  g_return_val_if_fail (NCL_IS_WEB_PAGE (self), FALSE);
  g_return_val_if_fail (uri != NULL, FALSE);

  if (!find_player (uri, &kind, &player_uri, &local_error))
    {
      if (!g_error_matches (local_error, NCL_YOUTUBE_ERROR, NCL_YOUTUBE_ERROR_NOT_YOUTUBE))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      ncl_web_page_open_uri (self, uri, title);
      return TRUE;
    }

  if (!(html = build_player_page (uri, kind, player_uri, number, title, error)))
    return FALSE;

  switch (kind)
    {
    case NCL_PLAYER_KIND_YOUTUBE:
      open_label = _("Open on YouTube");
      base_uri = player_base_uri (page_uri != NULL ? page_uri : uri);
      break;
    case NCL_PLAYER_KIND_VIMEO:
      open_label = _("Open on Vimeo");
      base_uri = player_base_uri (page_uri != NULL ? page_uri : uri);
      break;
    case NCL_PLAYER_KIND_VIDEO_FILE:
    default:
      /* The page is where the file is: a page elsewhere would make the
       * file another origin's, and mixed content on an https page. */
      open_label = _("Open in Browser");
      base_uri = uri;
      break;
    }

  ncl_web_page_open_html (self, html, base_uri, uri, title, open_label);
  return TRUE;
}

/**
 * ncl_web_page_leave:
 *
 * Stops loading and any playback: nothing goes on behind the talks.
 */
void
ncl_web_page_leave (NclWebPage *self)
{
  g_return_if_fail (NCL_IS_WEB_PAGE (self));

  if (self->content != NULL)
    gtk_widget_activate_action (self->content, "content.leave", NULL);
}

/**
 * ncl_web_page_get_content:
 *
 * Returns: (nullable) (transfer none): the web module's NclWebContent, once a
 *   page was opened
 */
GtkWidget *
ncl_web_page_get_content (NclWebPage *self)
{
  g_return_val_if_fail (NCL_IS_WEB_PAGE (self), NULL);

  return self->content;
}

/**
 * ncl_web_page_get_original_uri:
 *
 * Returns: (nullable): what "Open in Browser" opens: the slides' address,
 *   the video's page on YouTube or Vimeo, or the video file
 */
const char *
ncl_web_page_get_original_uri (NclWebPage *self)
{
  g_return_val_if_fail (NCL_IS_WEB_PAGE (self), NULL);

  return self->original_uri;
}

const char *
ncl_web_page_get_title (NclWebPage *self)
{
  g_return_val_if_fail (NCL_IS_WEB_PAGE (self), NULL);

  return adw_window_title_get_title (self->title_widget);
}
