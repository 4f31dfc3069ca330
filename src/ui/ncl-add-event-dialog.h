/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NCL_TYPE_ADD_EVENT_DIALOG (ncl_add_event_dialog_get_type ())

G_DECLARE_FINAL_TYPE (NclAddEventDialog, ncl_add_event_dialog, NCL, ADD_EVENT_DIALOG, AdwWindow)

GtkWidget *ncl_add_event_dialog_new           (GtkWindow          *parent);
GtkWidget *ncl_add_event_dialog_get_entry     (NclAddEventDialog  *self);
char      *ncl_add_event_dialog_check_address (const char         *text,
                                               GError            **error);

G_END_DECLS
