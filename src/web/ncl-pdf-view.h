/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * PDF slides that WebKit cannot show, drawn by Poppler into a page of the
 * app's (pdf-viewer.html): one picture a page, one under another. Only the
 * web module has it, and only when built with Poppler (HAVE_POPPLER).
 */

#define NCL_PDF_VIEW_RESOURCE RESOURCE_BASE "/pdf-viewer.html"

/* The largest PDF downloaded for it, as for a schedule and for an entry of
 * the cache (NCL_FETCH_MAX_SCHEDULE_SIZE, NCL_CACHE_MAX_ENTRY_SIZE). */
#define NCL_PDF_VIEW_MAX_SIZE (64 * 1024 * 1024)

#define NCL_PDF_VIEW_ERROR (ncl_pdf_view_error_quark ())

/**
 * NclPdfViewError:
 * @NCL_PDF_VIEW_ERROR_NOT_PDF: the file is not a PDF (it does not start
 *   with "%PDF-")
 * @NCL_PDF_VIEW_ERROR_BROKEN: Poppler could not read it
 * @NCL_PDF_VIEW_ERROR_ENCRYPTED: it needs a password
 * @NCL_PDF_VIEW_ERROR_EMPTY: it has no page
 * @NCL_PDF_VIEW_ERROR_TOO_LARGE: it is larger than %NCL_PDF_VIEW_MAX_SIZE
 */
typedef enum
{
  NCL_PDF_VIEW_ERROR_NOT_PDF,
  NCL_PDF_VIEW_ERROR_BROKEN,
  NCL_PDF_VIEW_ERROR_ENCRYPTED,
  NCL_PDF_VIEW_ERROR_EMPTY,
  NCL_PDF_VIEW_ERROR_TOO_LARGE,
} NclPdfViewError;

GQuark  ncl_pdf_view_error_quark  (void);

void    ncl_pdf_view_build_async  (const char           *path,
                                   gboolean              must_be_pdf,
                                   const char           *file_name,
                                   const char           *lang,
                                   double                scale,
                                   int                   fit_width,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
char   *ncl_pdf_view_build_finish (GAsyncResult         *result,
                                   GError              **error);

G_END_DECLS
