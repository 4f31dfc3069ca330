/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ncl-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(NclApplication) app = NULL;
  const char *localedir = g_getenv ("NCL_LOCALEDIR");

  /* NCL_LOCALEDIR: the build's translations, for `meson devenv` and the
   * tests of the uninstalled app. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && localedir[0] != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ncl_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
