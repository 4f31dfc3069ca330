/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gmodule.h>
#include <webkit/webkit.h>

#include "ncl-html-template.h"
#include "ncl-web-content.h"
#if HAVE_POPPLER
#include "ncl-pdf-view.h"
#endif

#define ERROR_TEMPLATE RESOURCE_BASE "/web-error.html"

/* WebKit's own zoom steps, as in GNOME Web. */
static const double zoom_levels[] = {
  0.30, 0.50, 0.67, 0.80, 0.90, 1.00, 1.10, 1.20, 1.33, 1.50, 1.70, 2.00, 2.40, 3.00,
};

struct _NclWebContent
{
  GtkWidget parent_instance;

  WebKitWebView *view;
  char *site;
  char *failed_uri;
  char *error_kind;
#if HAVE_POPPLER
  struct _PdfJob *pdf_job;
#endif
};

G_DEFINE_FINAL_TYPE (NclWebContent, ncl_web_content, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_URI,
  PROP_TITLE,
  PROP_PROGRESS,
  PROP_IS_LOADING,
  PROP_ZOOM_LEVEL,
  PROP_ERROR_KIND,
  N_PROPS
};

enum {
  OPEN_EXTERNAL,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* One network session for the app: cookies, cache and storage of every page
 * it opens, under the app's own XDG directories. */
static WebKitNetworkSession *
get_network_session (void)
{
  static WebKitNetworkSession *session;

  if (session == NULL)
    {
      g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), APP_ID, "web", NULL);
      g_autofree char *cache_dir = g_build_filename (g_get_user_cache_dir (), APP_ID, "web", NULL);

      session = webkit_network_session_new (data_dir, cache_dir);
    }

  return session;
}

static gboolean
scheme_is (const char *uri,
           const char *scheme)
{
  const char *found = g_uri_peek_scheme (uri);

  return found != NULL && g_ascii_strcasecmp (found, scheme) == 0;
}

static gboolean
is_web_uri (const char *uri)
{
  return uri != NULL && (scheme_is (uri, "https") || scheme_is (uri, "http"));
}

/* "www.slideshare.net" and "cdn.slideshare.net" are the same site. */
static char *
site_of (const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  const char *host;
  const char *last_dot;
  const char *site;

  if (parsed == NULL || (host = g_uri_get_host (parsed)) == NULL)
    return NULL;

  last_dot = strrchr (host, '.');
  site = host;
  if (last_dot != NULL)
    {
      for (const char *p = last_dot - 1; p > host; p--)
        {
          if (*p == '.')
            {
              site = p + 1;
              break;
            }
        }
    }

  return g_ascii_strdown (site, -1);
}

static void
show_error_page (NclWebContent *self,
                 const char    *kind,
                 const char    *title,
                 const char    *message,
                 const char    *uri,
                 const char    *action)
{
  g_autoptr(GBytes) template = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  const char *keys_and_values[] = {
    "lang", "en",
    "kind", kind,
    "title", title,
    "message", message,
    "uri", uri != NULL ? uri : "",
    "action", action,
    NULL,
  };

  template = g_resources_lookup_data (ERROR_TEMPLATE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (template != NULL)
    html = ncl_html_template_fill (g_bytes_get_data (template, NULL), keys_and_values, &error);

  if (html == NULL)
    {
      g_critical ("Cannot show the error page: %s", error->message);
      return;
    }

  g_free (self->error_kind);
  self->error_kind = g_strdup (kind);
  g_free (self->failed_uri);
  self->failed_uri = g_strdup (uri);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_KIND]);

  webkit_web_view_load_alternate_html (self->view, html, uri != NULL ? uri : "about:blank", NULL);
}

static void
clear_error (NclWebContent *self)
{
  if (self->error_kind == NULL)
    return;

  g_clear_pointer (&self->error_kind, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_KIND]);
}

/* Nothing is saved from a page opened in the app: a file WebKit cannot
 * show (nor Poppler, for a PDF) says so, and the header's Open in Browser
 * is the way on. */
static void
show_file_type_page (NclWebContent *self,
                     const char    *mime_type,
                     const char    *uri)
{
  g_autofree char *message = NULL;

  if (mime_type != NULL && mime_type[0] != '\0')
    /* Translators: %s is a file type such as “application/zip” */
    message = g_strdup_printf (_("The slides are a file of type “%s”, which the app cannot show. "
                                 "Open them in the browser or another app."), mime_type);
  else
    message = g_strdup (_("The slides are a file the app cannot show. "
                          "Open them in the browser or another app."));
  show_error_page (self, "file-type", _("This File Cannot Be Shown Here"), message, uri, _("Try Again"));
}

static void
show_http_error_page (NclWebContent *self,
                      guint          status,
                      const char    *uri)
{
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;

  if (status == 404 || status == 410)
    {
      title = g_strdup (_("Page Not Found"));
      /* Translators: %u is an HTTP status code such as 404 */
      message = g_strdup_printf (_("The server says this page is not there (HTTP %u). "
                                   "It may have moved or been taken down."), status);
    }
  else
    {
      title = g_strdup (_("The Server Had a Problem"));
      /* Translators: %u is an HTTP status code such as 500 */
      message = g_strdup_printf (_("The server could not send this page (HTTP %u). "
                                   "Try again in a moment."), status);
    }
  show_error_page (self, "http", title, message, uri, _("Try Again"));
}

static void
show_network_error_page (NclWebContent *self,
                         const GError  *error,
                         const char    *uri)
{
  g_autofree char *message = NULL;
  const char *title;

  if (!g_network_monitor_get_network_available (g_network_monitor_get_default ()))
    {
      title = _("You Are Offline");
      message = g_strdup (_("This page needs a network connection. Connect to the Internet, then try again."));
    }
  else
    {
      title = _("Could Not Load the Page");
      /* Translators: %s is the reason, e.g. "Could not connect: Connection refused" */
      message = g_strdup_printf (_("The page did not load: %s. Check your connection, then try again."),
                                 error->message);
    }

  show_error_page (self, "network", title, message, uri, _("Retry"));
}

#if HAVE_POPPLER
/* Whether PDF slides are drawn by Poppler even where WebKit has a viewer
 * of its own: NCL_PDF_VIEWER=poppler, read once (how the tests reach the
 * fallback on a WebKitGTK that has a viewer; see CONTRIBUTING.md). */
static gboolean
pdf_viewer_is_poppler (void)
{
  static gsize once;
  static gboolean poppler;

  if (g_once_init_enter (&once))
    {
      poppler = g_strcmp0 (g_getenv ("NCL_PDF_VIEWER"), "poppler") == 0;
      g_once_init_leave (&once, 1);
    }

  return poppler;
}

static gboolean
is_pdf_for_poppler (WebKitResponsePolicyDecision *decision)
{
  WebKitURIResponse *response = webkit_response_policy_decision_get_response (decision);
  const char *mime_type = webkit_uri_response_get_mime_type (response);

  if (mime_type == NULL || !is_web_uri (webkit_uri_response_get_uri (response)))
    return FALSE;

  /* Only a file of no stated type may be a PDF under another name: its
   * first bytes tell, once it is here. */
  if (g_ascii_strcasecmp (mime_type, "application/octet-stream") == 0)
    return TRUE;

  return g_ascii_strcasecmp (mime_type, "application/pdf") == 0 &&
         (pdf_viewer_is_poppler () || !webkit_response_policy_decision_is_mime_type_supported (decision));
}

/* "Deck%20v2.pdf" of "https://example.org/talks/Deck%20v2.pdf?dl=1": the
 * title of a PDF that has none. */
static char *
file_name_of (const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  g_autofree char *name = NULL;
  const char *path;
  const char *slash;

  if (parsed != NULL && (path = g_uri_get_path (parsed)) != NULL)
    {
      slash = strrchr (path, '/');
      name = g_uri_unescape_string (slash != NULL ? slash + 1 : path, "/");
    }

  if (name != NULL && name[0] != '\0' && g_utf8_validate (name, -1, NULL))
    return g_steal_pointer (&name);
  if (parsed != NULL && g_uri_get_host (parsed) != NULL)
    return g_strdup (g_uri_get_host (parsed));

  return g_strdup (_("Slides"));
}

/* A PDF on its way in: downloaded by WebKit (the view's own network
 * session: its cookies, its proxy) into a folder of its own, then drawn
 * in a thread. */
typedef struct _PdfJob
{
  char *uri;
  char *dir;
  char *path;
  gboolean must_be_pdf;
  gboolean start_read;
  WebKitDownload *download;
  GCancellable *cancellable;
  GError *error;
} PdfJob;

static void
pdf_job_free (PdfJob *job)
{
  if (job->download != NULL)
    {
      g_signal_handlers_disconnect_by_data (job->download, job);
      webkit_download_cancel (job->download);
      g_clear_object (&job->download);
    }
  g_cancellable_cancel (job->cancellable);
  g_clear_object (&job->cancellable);
  if (job->path != NULL)
    g_unlink (job->path);
  if (job->dir != NULL)
    g_rmdir (job->dir);
  g_clear_error (&job->error);
  g_free (job->uri);
  g_free (job->dir);
  g_free (job->path);
  g_free (job);
}

static void
notify_loading (NclWebContent *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_LOADING]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
cancel_pdf (NclWebContent *self)
{
  if (self->pdf_job == NULL)
    return;

  g_clear_pointer (&self->pdf_job, pdf_job_free);
  notify_loading (self);
}

static void
show_pdf_error (NclWebContent *self,
                const char    *uri,
                const GError  *error)
{
  g_autofree char *message = NULL;

  if (g_error_matches (error, NCL_PDF_VIEW_ERROR, NCL_PDF_VIEW_ERROR_NOT_PDF))
    {
      show_file_type_page (self, "application/octet-stream", uri);
      return;
    }

  /* Translators: %s says what is wrong, such as “The PDF could not be read: PDF document is damaged.” */
  message = g_strdup_printf (_("%s Open the slides in the browser or another app."), error->message);
  show_error_page (self, "pdf", _("These Slides Cannot Be Shown"), message, uri, _("Try Again"));
}

static void
pdf_built_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(NclWebContent) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  g_autofree char *uri = NULL;

  html = ncl_pdf_view_build_finish (result, &error);
  /* Stopped, or another page was opened meanwhile. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))) ||
      self->view == NULL || self->pdf_job == NULL)
    return;

  uri = g_strdup (self->pdf_job->uri);
  cancel_pdf (self);

  if (html == NULL)
    {
      show_pdf_error (self, uri, error);
      return;
    }

  /* The page is the PDF's address, as WebKit's own viewer would have it:
   * the header's Open in Browser and Reload go there. */
  webkit_web_view_load_alternate_html (self->view, html, uri, NULL);
}

static void
pdf_download_finished_cb (WebKitDownload *download,
                          PdfJob         *job)
{
  NclWebContent *self = g_object_get_data (G_OBJECT (download), "ncl-web-content");
  WebKitURIResponse *response = webkit_download_get_response (download);
  guint status = response != NULL ? webkit_uri_response_get_status_code (response) : 0;
  g_autofree char *uri = g_strdup (job->uri);
  g_autofree char *lang = NULL;
  g_autofree char *file_name = NULL;
  double zoom, scale;
  int width;

  g_signal_handlers_disconnect_by_data (download, job);
  g_clear_object (&job->download);

  if (job->error != NULL)
    {
      g_autoptr(GError) error = g_steal_pointer (&job->error);

      if (g_error_matches (error, WEBKIT_DOWNLOAD_ERROR, WEBKIT_DOWNLOAD_ERROR_CANCELLED_BY_USER))
        {
          cancel_pdf (self);
          return;
        }

      cancel_pdf (self);
      if (error->domain == NCL_PDF_VIEW_ERROR)
        show_pdf_error (self, uri, error);
      else
        show_network_error_page (self, error, uri);
      return;
    }

  if (status >= 400)
    {
      cancel_pdf (self);
      show_http_error_page (self, status, uri);
      return;
    }

  /* Drawn as sharp as the screen shows it, zoomed in too; a page wider
   * than the view is fitted to it. */
  zoom = webkit_web_view_get_zoom_level (self->view);
  scale = gtk_widget_get_scale_factor (GTK_WIDGET (self->view)) * MAX (zoom, 1.0);
  width = gtk_widget_get_width (GTK_WIDGET (self->view));
  width = width > 0 ? (int)(width / zoom) - 32 : 0;

  lang = ncl_html_page_language ();
  file_name = file_name_of (uri);
  notify_loading (self);
  ncl_pdf_view_build_async (job->path, job->must_be_pdf, file_name, lang, scale, MAX (width, 0),
                            job->cancellable, pdf_built_cb, g_object_ref (self));
}

static void
pdf_download_failed_cb (WebKitDownload *download,
                        GError         *error,
                        PdfJob         *job)
{
  /* A download stopped for being too large fails as cancelled: the reason
   * given first stays. */
  if (job->error == NULL)
    job->error = g_error_copy (error);
}

/* Whether the file so far starts as a PDF does; TRUE while it is too
 * short to tell (or not on disk yet). */
static gboolean
pdf_start_is_pdf (PdfJob *job)
{
  char start[5];
  gssize length;
  int fd;

  fd = g_open (job->path, O_RDONLY, 0);
  if (fd < 0)
    return TRUE;
  length = read (fd, start, sizeof start);
  close (fd);
  if (length < (gssize)sizeof start)
    return TRUE;

  job->start_read = TRUE;
  return memcmp (start, "%PDF-", sizeof start) == 0;
}

static void
pdf_download_received_cb (WebKitDownload *download,
                          guint64         length,
                          PdfJob         *job)
{
  if (job->error != NULL)
    return;

  if (webkit_download_get_received_data_length (download) > NCL_PDF_VIEW_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (NCL_PDF_VIEW_MAX_SIZE);

      g_set_error (&job->error, NCL_PDF_VIEW_ERROR, NCL_PDF_VIEW_ERROR_TOO_LARGE,
                   /* Translators: %s is a size such as “67.1 MB” */
                   _("The PDF is larger than %s, the most the app reads."), limit);
      webkit_download_cancel (download);
      return;
    }

  /* A file sent as application/octet-stream that is no PDF is not
   * downloaded to the end to find that out. */
  if (job->must_be_pdf && !job->start_read && !pdf_start_is_pdf (job))
    {
      g_set_error_literal (&job->error, NCL_PDF_VIEW_ERROR, NCL_PDF_VIEW_ERROR_NOT_PDF,
                           _("The file is not a PDF."));
      webkit_download_cancel (download);
    }
}

static gboolean
pdf_download_decide_destination_cb (WebKitDownload *download,
                                    const char     *suggested_filename,
                                    PdfJob         *job)
{
  webkit_download_set_allow_overwrite (download, TRUE);
  webkit_download_set_destination (download, job->path);
  return TRUE;
}

static void
pdf_download_progress_cb (WebKitDownload *download,
                          GParamSpec     *pspec,
                          PdfJob         *job)
{
  NclWebContent *self = g_object_get_data (G_OBJECT (download), "ncl-web-content");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
start_pdf (NclWebContent *self,
           const char    *uri,
           gboolean       must_be_pdf,
           guint64        content_length)
{
  g_autoptr(GError) error = NULL;
  PdfJob *job;

  cancel_pdf (self);

  if (content_length > NCL_PDF_VIEW_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (NCL_PDF_VIEW_MAX_SIZE);

      g_set_error (&error, NCL_PDF_VIEW_ERROR, NCL_PDF_VIEW_ERROR_TOO_LARGE,
                   _("The PDF is larger than %s, the most the app reads."), limit);
      show_pdf_error (self, uri, error);
      return;
    }

  job = g_new0 (PdfJob, 1);
  job->uri = g_strdup (uri);
  job->must_be_pdf = must_be_pdf;
  job->cancellable = g_cancellable_new ();
  job->dir = g_dir_make_tmp ("ncl-pdf-XXXXXX", &error);
  if (job->dir == NULL)
    {
      pdf_job_free (job);
      show_pdf_error (self, uri, error);
      return;
    }
  job->path = g_build_filename (job->dir, "slides.pdf", NULL);

  self->pdf_job = job;
  job->download = webkit_web_view_download_uri (self->view, uri);
  g_object_set_data (G_OBJECT (job->download), "ncl-web-content", self);
  g_signal_connect (job->download, "decide-destination", G_CALLBACK (pdf_download_decide_destination_cb), job);
  g_signal_connect (job->download, "received-data", G_CALLBACK (pdf_download_received_cb), job);
  g_signal_connect (job->download, "notify::estimated-progress", G_CALLBACK (pdf_download_progress_cb), job);
  g_signal_connect (job->download, "failed", G_CALLBACK (pdf_download_failed_cb), job);
  g_signal_connect (job->download, "finished", G_CALLBACK (pdf_download_finished_cb), job);
  notify_loading (self);
}
#else
static void
cancel_pdf (NclWebContent *self)
{
}
#endif

static void
open_external (NclWebContent *self,
               const char    *uri)
{
  g_signal_emit (self, signals[OPEN_EXTERNAL], 0, uri);
}

static gboolean
decide_navigation (NclWebContent            *self,
                   WebKitNavigationAction   *action,
                   WebKitPolicyDecisionType  type)
{
  WebKitURIRequest *request = webkit_navigation_action_get_request (action);
  const char *uri = webkit_uri_request_get_uri (request);
  g_autofree char *site = NULL;

  if (uri == NULL)
    return FALSE;

  /* Local files, inline documents and scripts are never somewhere a page may
   * send the view. */
  if (scheme_is (uri, "file") || scheme_is (uri, "data") || scheme_is (uri, "javascript"))
    return FALSE;

  if (scheme_is (uri, "about"))
    return type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION;

  if (!is_web_uri (uri))
    {
      /* mailto:, a custom app scheme: the desktop knows what to do. */
      if (webkit_navigation_action_is_user_gesture (action))
        open_external (self, uri);
      return FALSE;
    }

  if (type == WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION)
    {
      open_external (self, uri);
      return FALSE;
    }

  /* A link a person follows to another site leaves the slides: it opens in
   * the browser. Redirects and the page's own loads stay. */
  site = site_of (uri);
  if (webkit_navigation_action_is_user_gesture (action) &&
      self->site != NULL && g_strcmp0 (site, self->site) != 0)
    {
      open_external (self, uri);
      return FALSE;
    }

  /* A link followed from an error page (its Retry) leaves the error. */
  if (webkit_navigation_action_is_user_gesture (action))
    clear_error (self);

  return TRUE;
}

static gboolean
decide_policy_cb (NclWebContent            *self,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type,
                  WebKitWebView            *view)
{
  switch (type)
    {
    case WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION:
    case WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION:
      {
        WebKitNavigationAction *action =
          webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));

        if (decide_navigation (self, action, type))
          webkit_policy_decision_use (decision);
        else
          webkit_policy_decision_ignore (decision);
        return TRUE;
      }

    case WEBKIT_POLICY_DECISION_TYPE_RESPONSE:
      {
        WebKitResponsePolicyDecision *response_decision = WEBKIT_RESPONSE_POLICY_DECISION (decision);
        WebKitURIResponse *response = webkit_response_policy_decision_get_response (response_decision);
        guint status = webkit_uri_response_get_status_code (response);

        if (!webkit_response_policy_decision_is_main_frame_main_resource (response_decision))
          return FALSE;

        /* Nothing is downloaded from a page opened in the app: a file
         * WebKit cannot show says so, and the header's Open in Browser is
         * the way on. */
#if HAVE_POPPLER
        /* A PDF WebKit has no viewer for (or is told not to use its
         * own): Poppler draws it into a page of the app's. */
        if (status < 400 && is_pdf_for_poppler (response_decision))
          {
            const char *mime_type = webkit_uri_response_get_mime_type (response);

            webkit_policy_decision_ignore (decision);
            start_pdf (self, webkit_uri_response_get_uri (response),
                       g_ascii_strcasecmp (mime_type, "application/pdf") != 0,
                       webkit_uri_response_get_content_length (response));
            return TRUE;
          }
#endif

        if (!webkit_response_policy_decision_is_mime_type_supported (response_decision))
          {
            webkit_policy_decision_ignore (decision);
            show_file_type_page (self, webkit_uri_response_get_mime_type (response),
                                 webkit_uri_response_get_uri (response));
            return TRUE;
          }

        if (status >= 400)
          {
            webkit_policy_decision_ignore (decision);
            show_http_error_page (self, status, webkit_uri_response_get_uri (response));
            return TRUE;
          }

        return FALSE;
      }

    default:
      return FALSE;
    }
}

static gboolean
load_failed_cb (NclWebContent   *self,
                WebKitLoadEvent  event,
                const char      *failing_uri,
                GError          *error,
                WebKitWebView   *view)
{
  /* Stopped, replaced by another load, or refused by the policy above. */
  if (g_error_matches (error, WEBKIT_NETWORK_ERROR, WEBKIT_NETWORK_ERROR_CANCELLED) ||
      g_error_matches (error, WEBKIT_POLICY_ERROR, WEBKIT_POLICY_ERROR_FRAME_LOAD_INTERRUPTED_BY_POLICY_CHANGE) ||
      error->domain == WEBKIT_POLICY_ERROR)
    return TRUE;

  show_network_error_page (self, error, failing_uri);
  return TRUE;
}

static gboolean
load_failed_with_tls_errors_cb (NclWebContent        *self,
                                const char           *failing_uri,
                                GTlsCertificate      *certificate,
                                GTlsCertificateFlags  errors,
                                WebKitWebView        *view)
{
  /* Never bypassed: the page says what is wrong and stops there. */
  show_error_page (self, "tls",
                   _("This Connection Is Not Secure"),
                   _("The site’s identity could not be verified, so the page was not loaded. "
                     "Someone may be trying to intercept the connection."),
                   failing_uri, _("Try Again"));
  return TRUE;
}

static void
web_process_terminated_cb (NclWebContent                     *self,
                           WebKitWebProcessTerminationReason  reason,
                           WebKitWebView                     *view)
{
  const char *uri = webkit_web_view_get_uri (view);

  if (reason == WEBKIT_WEB_PROCESS_TERMINATED_BY_API)
    return;

  if (reason == WEBKIT_WEB_PROCESS_EXCEEDED_MEMORY_LIMIT)
    show_error_page (self, "memory",
                     _("The Page Used Too Much Memory"),
                     _("The page was closed because it used too much memory."),
                     uri, _("Reload"));
  else
    show_error_page (self, "crashed",
                     _("The Page Stopped Working"),
                     _("Something went wrong while showing this page."),
                     uri, _("Reload"));
}

static gboolean
enter_fullscreen_cb (NclWebContent *self,
                     WebKitWebView *view)
{
  /* Let WebKit make the window fullscreen; the page marks itself so the
   * window knows Escape must leave fullscreen first. */
  gtk_widget_add_css_class (GTK_WIDGET (self), "fullscreen");
  return FALSE;
}

static gboolean
leave_fullscreen_cb (NclWebContent *self,
                     WebKitWebView *view)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "fullscreen");
  return FALSE;
}

static void
forward_notify_cb (NclWebContent *self,
                   GParamSpec    *pspec,
                   WebKitWebView *view)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "uri"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URI]);
  else if (g_str_equal (name, "title"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  else if (g_str_equal (name, "estimated-load-progress"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
  else if (g_str_equal (name, "is-loading"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_LOADING]);
  else if (g_str_equal (name, "zoom-level"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_LEVEL]);
}

static void
load_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  NclWebContent *self = NCL_WEB_CONTENT (widget);
  const char *uri = g_variant_get_string (param, NULL);

  /* The app only ever opens web pages here. */
  if (!is_web_uri (uri))
    {
      g_critical ("Refusing to open “%s” in the web view", uri);
      return;
    }

  cancel_pdf (self);
  g_free (self->site);
  self->site = site_of (uri);
  clear_error (self);
  webkit_web_view_load_uri (self->view, uri);
}

static void
load_html_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  NclWebContent *self = NCL_WEB_CONTENT (widget);
  const char *html;
  const char *base_uri;

  g_variant_get (param, "(&s&s)", &html, &base_uri);

  cancel_pdf (self);
  g_free (self->site);
  self->site = site_of (base_uri);
  clear_error (self);
  webkit_web_view_load_html (self->view, html, base_uri);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  NclWebContent *self = NCL_WEB_CONTENT (widget);

  cancel_pdf (self);

  /* After an error page the view holds the error page: try the page that
   * failed again instead. */
  if (self->error_kind != NULL && self->failed_uri != NULL && is_web_uri (self->failed_uri))
    {
      g_autofree char *uri = g_strdup (self->failed_uri);

      clear_error (self);
      webkit_web_view_load_uri (self->view, uri);
      return;
    }

  webkit_web_view_reload (self->view);
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  NclWebContent *self = NCL_WEB_CONTENT (widget);

  cancel_pdf (self);
  webkit_web_view_stop_loading (self->view);
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  NclWebContent *self = NCL_WEB_CONTENT (widget);

  /* A blank page stops loading, playback and any sound at once. */
  cancel_pdf (self);
  webkit_web_view_stop_loading (self->view);
  clear_error (self);
  g_clear_pointer (&self->site, g_free);
  webkit_web_view_load_uri (self->view, "about:blank");
}

static void
set_zoom_step (NclWebContent *self,
               int            direction)
{
  double current = webkit_web_view_get_zoom_level (self->view);
  double next = current;

  if (direction > 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
        if (zoom_levels[i] > current + 0.001)
          {
            next = zoom_levels[i];
            break;
          }
    }
  else
    {
      for (guint i = G_N_ELEMENTS (zoom_levels); i > 0; i--)
        if (zoom_levels[i - 1] < current - 0.001)
          {
            next = zoom_levels[i - 1];
            break;
          }
    }

  webkit_web_view_set_zoom_level (self->view, next);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  NclWebContent *self = NCL_WEB_CONTENT (widget);

  if (g_str_equal (action_name, "content.zoom-in"))
    set_zoom_step (self, 1);
  else if (g_str_equal (action_name, "content.zoom-out"))
    set_zoom_step (self, -1);
  else
    webkit_web_view_set_zoom_level (self->view, 1.0);
}

static void
ncl_web_content_dispose (GObject *object)
{
  NclWebContent *self = (NclWebContent *)object;

  cancel_pdf (self);
  if (self->view != NULL)
    {
      webkit_web_view_stop_loading (self->view);
      gtk_widget_unparent (GTK_WIDGET (self->view));
      self->view = NULL;
    }

  G_OBJECT_CLASS (ncl_web_content_parent_class)->dispose (object);
}

static void
ncl_web_content_finalize (GObject *object)
{
  NclWebContent *self = (NclWebContent *)object;

  g_clear_pointer (&self->site, g_free);
  g_clear_pointer (&self->failed_uri, g_free);
  g_clear_pointer (&self->error_kind, g_free);

  G_OBJECT_CLASS (ncl_web_content_parent_class)->finalize (object);
}

/* A PDF on its way to Poppler is still loading: downloaded, then drawn. */
static double
get_progress (NclWebContent *self)
{
#if HAVE_POPPLER
  if (self->pdf_job != NULL)
    return self->pdf_job->download != NULL ?
           0.9 * webkit_download_get_estimated_progress (self->pdf_job->download) : 0.95;
#endif

  return webkit_web_view_get_estimated_load_progress (self->view);
}

static gboolean
get_is_loading (NclWebContent *self)
{
#if HAVE_POPPLER
  if (self->pdf_job != NULL)
    return TRUE;
#endif

  return webkit_web_view_is_loading (self->view);
}

static void
ncl_web_content_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NclWebContent *self = NCL_WEB_CONTENT (object);

  switch (prop_id)
    {
    case PROP_URI:
      g_value_set_string (value, webkit_web_view_get_uri (self->view));
      break;
    case PROP_TITLE:
      g_value_set_string (value, webkit_web_view_get_title (self->view));
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, get_progress (self));
      break;
    case PROP_IS_LOADING:
      g_value_set_boolean (value, get_is_loading (self));
      break;
    case PROP_ZOOM_LEVEL:
      g_value_set_double (value, webkit_web_view_get_zoom_level (self->view));
      break;
    case PROP_ERROR_KIND:
      g_value_set_string (value, self->error_kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_web_content_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  NclWebContent *self = NCL_WEB_CONTENT (object);

  switch (prop_id)
    {
    case PROP_ZOOM_LEVEL:
      webkit_web_view_set_zoom_level (self->view, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_web_content_class_init (NclWebContentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ncl_web_content_dispose;
  object_class->finalize = ncl_web_content_finalize;
  object_class->get_property = ncl_web_content_get_property;
  object_class->set_property = ncl_web_content_set_property;

  properties[PROP_URI] =
    g_param_spec_string ("uri", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_IS_LOADING] =
    g_param_spec_boolean ("is-loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ZOOM_LEVEL] =
    g_param_spec_double ("zoom-level", NULL, NULL, 0.1, 10.0, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ERROR_KIND] =
    g_param_spec_string ("error-kind", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_EXTERNAL] =
    g_signal_new ("open-external",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "content.load-uri", "s", load_uri_action);
  gtk_widget_class_install_action (widget_class, "content.load-html", "(ss)", load_html_action);
  gtk_widget_class_install_action (widget_class, "content.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "content.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "content.leave", NULL, leave_action);
  gtk_widget_class_install_action (widget_class, "content.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "content.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "content.zoom-reset", NULL, zoom_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nclwebcontent");
}

static void
ncl_web_content_init (NclWebContent *self)
{
  g_autoptr(WebKitSettings) settings = webkit_settings_new ();

  webkit_settings_set_enable_developer_extras (settings, FALSE);
  webkit_settings_set_javascript_can_open_windows_automatically (settings, FALSE);
  /* Back leaves the page for the talks, never for a page before it: keeping
   * left pages alive in memory would only make every visit cost more. */
  webkit_settings_set_enable_page_cache (settings, FALSE);

  self->view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                             "network-session", get_network_session (),
                             "settings", settings,
                             "hexpand", TRUE,
                             "vexpand", TRUE,
                             NULL);
  gtk_widget_set_parent (GTK_WIDGET (self->view), GTK_WIDGET (self));

  g_signal_connect_object (self->view, "decide-policy", G_CALLBACK (decide_policy_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "load-failed", G_CALLBACK (load_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "load-failed-with-tls-errors",
                           G_CALLBACK (load_failed_with_tls_errors_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "web-process-terminated",
                           G_CALLBACK (web_process_terminated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "enter-fullscreen", G_CALLBACK (enter_fullscreen_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "leave-fullscreen", G_CALLBACK (leave_fullscreen_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify", G_CALLBACK (forward_notify_cb), self, G_CONNECT_SWAPPED);
}

/**
 * ncl_web_module_register:
 *
 * Called by the app once it has loaded the module: registers the types
 * the app creates by name.
 */
void
ncl_web_module_register (void)
{
  g_type_ensure (NCL_TYPE_WEB_CONTENT);
}
