/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NCL_TYPE_APPLICATION (ncl_application_get_type ())

G_DECLARE_FINAL_TYPE (NclApplication, ncl_application, NCL, APPLICATION, AdwApplication)

NclApplication *ncl_application_new (void);

G_END_DECLS
