/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gmodule.h>
#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * NclWebContent lives in a module of its own (libncl-web.so), loaded the
 * first time a page is opened: linking WebKitGTK into the app made its first
 * frame 1.3x slower and 33 MiB larger. The app never links it, so it talks to
 * the widget by name only:
 *
 *   type         "NclWebContent"
 *   properties   "uri", "title", "progress", "is-loading", "zoom-level",
 *                "error-kind" (NULL, "network", "http", "tls", "crashed",
 *                "memory", "file-type": a file WebKit cannot show, "pdf":
 *                PDF slides Poppler could not draw, see ncl-pdf-view.h)
 *   actions      "content.load-uri" (s), "content.load-html" ((ss): the page
 *                and its base URI), "content.reload", "content.stop",
 *                "content.leave" (stop loading and media), "content.zoom-in",
 *                "content.zoom-out", "content.zoom-reset"
 *   signal       "open-external" (s): a link meant for another window, site
 *                or application, for the desktop to open
 */

#define NCL_TYPE_WEB_CONTENT (ncl_web_content_get_type ())

G_DECLARE_FINAL_TYPE (NclWebContent, ncl_web_content, NCL, WEB_CONTENT, GtkWidget)

G_MODULE_EXPORT void ncl_web_module_register (void);

G_END_DECLS
