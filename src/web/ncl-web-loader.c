/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>

#include "ncl-web-loader.h"

/* WebKit is loaded the first time a page is opened, never at start-up:
 * merely linking it made the app's first frame 1.3x slower and 33 MiB
 * larger. The module registers NclWebContent; see src/web/ncl-web-content.h
 * for the contract between the two. */

static GType
load_content_type (GError **error)
{
  static GType content_type;
  g_autofree char *path = NULL;
  const char *dir;
  GModule *module;
  void (*register_types) (void) = NULL;

  if (content_type != G_TYPE_INVALID)
    return content_type;

  dir = g_getenv ("NCL_WEB_MODULE_DIR");
  if (dir == NULL || dir[0] == '\0')
    dir = WEB_MODULE_DIR;

  path = g_module_build_path (dir, "ncl-web");
  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: %s is a technical reason from the system */
                   _("The web view is not installed correctly (%s)"), g_module_error ());
      return G_TYPE_INVALID;
    }

  if (!g_module_symbol (module, "ncl_web_module_register", (gpointer *)&register_types) ||
      register_types == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The web view is not installed correctly (%s)"), g_module_error ());
      g_module_close (module);
      return G_TYPE_INVALID;
    }

  /* Types cannot be unregistered: the module stays for good. */
  g_module_make_resident (module);
  register_types ();
  content_type = g_type_from_name ("NclWebContent");

  return content_type;
}

/**
 * ncl_web_loader_create_content:
 *
 * Returns: (transfer floating) (nullable): a new NclWebContent, or %NULL with
 *   @error when the web module cannot be loaded
 */
GtkWidget *
ncl_web_loader_create_content (GError **error)
{
  GType type = load_content_type (error);

  if (type == G_TYPE_INVALID)
    return NULL;

  return g_object_new (type, NULL);
}
