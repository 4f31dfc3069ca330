/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <glib/gi18n.h>
#include <poppler.h>

#include "ncl-html-template.h"
#include "ncl-pdf-view.h"

/* Where the pages go in pdf-viewer.html once it is filled. No value can
 * spell it: every value is HTML-escaped, "<" included. */
#define PAGES_MARKER "<!--pages-->"

/* Each page, filled like the template: every value escaped. */
static const char page_template[] =
  "<img class=\"page\" src=\"{{src}}\" alt=\"{{alt}}\" width=\"{{width}}\" height=\"{{height}}\">\n";

/* A page's picture is at most this wide or high, whatever the scale: a
 * poster-sized page must not take a gigabyte. */
#define MAX_PIXELS 4096

G_DEFINE_QUARK (ncl-pdf-view-error-quark, ncl_pdf_view_error)

typedef struct
{
  char *path;
  gboolean must_be_pdf;
  char *file_name;
  char *lang;
  double scale;
  int fit_width;
} BuildData;

static void
build_data_free (BuildData *data)
{
  g_free (data->path);
  g_free (data->file_name);
  g_free (data->lang);
  g_free (data);
}

static cairo_status_t
png_write_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* @page as a PNG data: URI, @css_width by @css_height CSS pixels shown,
 * drawn @scale times as fine. */
static char *
render_page (PopplerPage  *page,
             double        scale,
             int           fit_width,
             int          *css_width,
             int          *css_height,
             GError      **error)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autofree char *base64 = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width_pt, height_pt;
  double css_w, css_h;
  int pixel_w, pixel_h;

  poppler_page_get_size (page, &width_pt, &height_pt);
  if (width_pt < 1.0 || height_pt < 1.0)
    width_pt = height_pt = 1.0;

  /* A point is 1/72 in, a CSS pixel 1/96 in; a page wider than the view
   * is fitted to it. */
  css_w = width_pt * 96.0 / 72.0;
  if (fit_width > 0 && css_w > fit_width)
    css_w = fit_width;
  css_h = css_w * height_pt / width_pt;

  if (css_w * scale > MAX_PIXELS || css_h * scale > MAX_PIXELS)
    scale = MAX_PIXELS / MAX (css_w, css_h);
  pixel_w = MAX (1, (int)ceil (css_w * scale));
  pixel_h = MAX (1, (int)ceil (css_h * scale));

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, pixel_w, pixel_h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1.0, 1.0, 1.0);
  cairo_paint (cr);
  cairo_scale (cr, pixel_w / width_pt, pixel_h / height_pt);
  poppler_page_render (page, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, png_write_cb, png);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, NCL_PDF_VIEW_ERROR, NCL_PDF_VIEW_ERROR_BROKEN,
                   /* Translators: %s is cairo's reason, such as “out of memory” */
                   _("A page could not be drawn: %s"), cairo_status_to_string (status));
      return NULL;
    }

  *css_width = (int)round (css_w);
  *css_height = (int)round (css_h);
  base64 = g_base64_encode (png->data, png->len);
  return g_strconcat ("data:image/png;base64,", base64, NULL);
}

static PopplerDocument *
open_document (BuildData  *data,
               GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PopplerDocument *document;

  mapped = g_mapped_file_new (data->path, FALSE, error);
  if (mapped == NULL)
    return NULL;

  if (g_mapped_file_get_length (mapped) > NCL_PDF_VIEW_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (NCL_PDF_VIEW_MAX_SIZE);

      g_set_error (error, NCL_PDF_VIEW_ERROR, NCL_PDF_VIEW_ERROR_TOO_LARGE,
                   /* Translators: %s is a size such as “67.1 MB” */
                   _("The PDF is larger than %s, the most the app reads."), limit);
      return NULL;
    }

  if (data->must_be_pdf &&
      (g_mapped_file_get_length (mapped) < 5 ||
       memcmp (g_mapped_file_get_contents (mapped), "%PDF-", 5) != 0))
    {
      g_set_error_literal (error, NCL_PDF_VIEW_ERROR, NCL_PDF_VIEW_ERROR_NOT_PDF,
                           _("The file is not a PDF."));
      return NULL;
    }

  bytes = g_mapped_file_get_bytes (mapped);
  document = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error_literal (error, NCL_PDF_VIEW_ERROR, NCL_PDF_VIEW_ERROR_ENCRYPTED,
                             _("The PDF is protected by a password."));
      else
        g_set_error (error, NCL_PDF_VIEW_ERROR, NCL_PDF_VIEW_ERROR_BROKEN,
                     /* Translators: %s is Poppler's reason, such as “PDF document is damaged” */
                     _("The PDF could not be read: %s."), local_error->message);
      return NULL;
    }

  if (poppler_document_get_n_pages (document) < 1)
    {
      g_object_unref (document);
      g_set_error_literal (error, NCL_PDF_VIEW_ERROR, NCL_PDF_VIEW_ERROR_EMPTY,
                           _("The PDF has no pages."));
      return NULL;
    }

  return document;
}

/* The page, whole: the document's part filled from the template, then its
 * pages where the marker is. */
static char *
build_page (BuildData     *data,
            GCancellable  *cancellable,
            GError       **error)
{
  /* Poppler 22.12 declares no g_autoptr () for its types: the document
   * is kept as an object. */
  g_autoptr(GObject) document_object = NULL;
  PopplerDocument *document;
  g_autoptr(GBytes) template = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *title = NULL;
  g_autofree char *count = NULL;
  g_autofree char *shell = NULL;
  const char *marker;
  int n_pages;

  if (!(document = open_document (data, error)))
    return NULL;
  document_object = G_OBJECT (document);

  template = g_resources_lookup_data (NCL_PDF_VIEW_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (template == NULL)
    return NULL;

  title = poppler_document_get_title (document);
  if (title != NULL)
    g_strstrip (title);
  if (title == NULL || title[0] == '\0' || !g_utf8_validate (title, -1, NULL))
    {
      g_free (title);
      title = g_strdup (data->file_name);
    }

  n_pages = poppler_document_get_n_pages (document);
  count = g_strdup_printf ("%d", n_pages);

  {
    const char *keys_and_values[] = {
      "lang", data->lang,
      "title", title,
      "pages", count,
      NULL,
    };

    shell = ncl_html_template_fill (g_bytes_get_data (template, NULL), keys_and_values, error);
  }
  if (shell == NULL)
    return NULL;

  marker = strstr (shell, PAGES_MARKER);
  if (marker == NULL)
    {
      g_set_error (error, NCL_HTML_TEMPLATE_ERROR, NCL_HTML_TEMPLATE_ERROR_UNKNOWN_PLACEHOLDER,
                   "The PDF page template has no “%s”", PAGES_MARKER);
      return NULL;
    }

  out = g_string_new_len (shell, marker - shell);

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(GObject) page_object = NULL;
      PopplerPage *page;
      g_autofree char *src = NULL;
      g_autofree char *alt = NULL;
      g_autofree char *width = NULL;
      g_autofree char *height = NULL;
      g_autofree char *html = NULL;
      int css_width = 0, css_height = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      page = poppler_document_get_page (document, i);
      if (page == NULL)
        {
          g_set_error (error, NCL_PDF_VIEW_ERROR, NCL_PDF_VIEW_ERROR_BROKEN,
                       /* Translators: %d is a page number */
                       _("Page %d of the PDF could not be read."), i + 1);
          return NULL;
        }
      page_object = G_OBJECT (page);

      if (!(src = render_page (page, data->scale, data->fit_width, &css_width, &css_height, error)))
        return NULL;

      /* Translators: the text of a page's picture for those who cannot
       * see it: “Page 2 of 30” */
      alt = g_strdup_printf (_("Page %d of %d"), i + 1, n_pages);
      width = g_strdup_printf ("%d", css_width);
      height = g_strdup_printf ("%d", css_height);

      {
        const char *keys_and_values[] = {
          "src", src,
          "alt", alt,
          "width", width,
          "height", height,
          NULL,
        };

        if (!(html = ncl_html_template_fill (page_template, keys_and_values, error)))
          return NULL;
      }
      g_string_append (out, html);
    }

  g_string_append (out, marker + strlen (PAGES_MARKER));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BuildData *data = task_data;
  GError *error = NULL;
  char *html;

  html = build_page (data, cancellable, &error);
  if (html != NULL)
    g_task_return_pointer (task, html, g_free);
  else
    g_task_return_error (task, error);
}

/**
 * ncl_pdf_view_build_async:
 * @path: the downloaded PDF
 * @must_be_pdf: whether the file must start with "%PDF-" (one the server
 *   sent as application/octet-stream); one sent as a PDF goes to Poppler,
 *   which reads some that have bytes before it
 * @file_name: the page's title when the PDF has none
 * @lang: the page's language, a BCP 47 tag
 * @scale: how many pixels a page's picture has for each CSS pixel it is
 *   shown at: the view's scale factor, more when it is zoomed in
 * @fit_width: the width in CSS pixels a wider page is fitted to, or 0
 *
 * Reads the PDF and draws its pages in a thread of its own, into the app's
 * page for PDF slides (%NCL_PDF_VIEW_RESOURCE).
 */
void
ncl_pdf_view_build_async (const char          *path,
                          gboolean             must_be_pdf,
                          const char          *file_name,
                          const char          *lang,
                          double               scale,
                          int                  fit_width,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  BuildData *data;

  g_return_if_fail (path != NULL);
  g_return_if_fail (file_name != NULL);
  g_return_if_fail (lang != NULL);

  data = g_new0 (BuildData, 1);
  data->path = g_strdup (path);
  data->must_be_pdf = must_be_pdf;
  data->file_name = g_strdup (file_name);
  data->lang = g_strdup (lang);
  data->scale = CLAMP (scale, 1.0, 4.0);
  data->fit_width = MAX (fit_width, 0);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ncl_pdf_view_build_async);
  g_task_set_task_data (task, data, (GDestroyNotify)build_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, build_thread);
}

/**
 * ncl_pdf_view_build_finish:
 *
 * Returns: (transfer full) (nullable): the page, or %NULL with @error
 *   (%NCL_PDF_VIEW_ERROR, or %G_IO_ERROR_CANCELLED)
 */
char *
ncl_pdf_view_build_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
