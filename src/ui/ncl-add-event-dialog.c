/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ncl-add-event-dialog.h"

/*
 * Add Event: a schedule's address, typed or pasted, or a file chosen with
 * the file chooser (the portal's, inside the Flatpak). Which format the
 * schedule is, the content says once it is read; the dialog only checks
 * that the address is one the app can fetch, and says so in one sentence
 * when it is not.
 *
 * A window of its own rather than AdwMessageDialog or AdwDialog: the one
 * went away in libadwaita 1.6 and the other came in 1.5, and the app
 * builds warning-free on both sides of them.
 */

struct _NclAddEventDialog
{
  AdwWindow parent_instance;

  GtkWidget *entry;
  GtkWidget *add_button;
  GtkWidget *error_label;
};

G_DEFINE_FINAL_TYPE (NclAddEventDialog, ncl_add_event_dialog, ADW_TYPE_WINDOW)

enum {
  LOCATION_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
choose (NclAddEventDialog *self,
        const char        *location)
{
  g_signal_emit (self, signals[LOCATION_CHOSEN], 0, location);
  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * ncl_add_event_dialog_check_address:
 * @text: what a person typed
 * @error: says what is wrong, in a sentence to show
 *
 * Returns: (transfer full) (nullable): the location to add: @text itself
 *   for an http(s) or file address, https:// before a bare host name
 */
char *
ncl_add_event_dialog_check_address (const char  *text,
                                    GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *with_scheme = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Enter the address of the event’s schedule"));
      return NULL;
    }

  /* "fosdem.org/2026/schedule/xml", as people copy it. */
  scheme = g_uri_peek_scheme (stripped);
  with_scheme = scheme == NULL ? g_strconcat ("https://", stripped, NULL) : g_strdup (stripped);
  uri = g_uri_parse (with_scheme, G_URI_FLAGS_ENCODED | G_URI_FLAGS_SCHEME_NORMALIZE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;

  if (uri != NULL && g_strcmp0 (scheme, "file") == 0)
    return g_steal_pointer (&with_scheme);

  if (uri == NULL ||
      (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0) ||
      g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0' ||
      (strchr (g_uri_get_host (uri), '.') == NULL && g_strcmp0 (g_uri_get_host (uri), "localhost") != 0))
    {
      /* Translators: %s is what was typed */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a web address: it should look like https://example.org/schedule.xml"),
                   stripped);
      return NULL;
    }

  return g_steal_pointer (&with_scheme);
}

static void
add_clicked_cb (NclAddEventDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;

  location = ncl_add_event_dialog_check_address (gtk_editable_get_text (GTK_EDITABLE (self->entry)), &error);
  if (location == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->error_label), error->message);
      gtk_widget_set_visible (self->error_label, TRUE);
      gtk_widget_add_css_class (self->entry, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_widget_grab_focus (self->entry);
      return;
    }

  choose (self, location);
}

static void
text_changed_cb (NclAddEventDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  gtk_widget_set_sensitive (self->add_button, text[0] != '\0');
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_widget_remove_css_class (self->entry, "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID);
}

static void
file_chooser_response_cb (GtkNativeDialog   *chooser,
                          int                response,
                          NclAddEventDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *uri = g_file_get_uri (file);

      choose (self, uri);
    }
  g_object_unref (chooser);
}

static GListStore *
schedule_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILTER);
  g_autoptr(GtkFileFilter) schedules = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (schedules, _("Schedules (XML, JSON, iCalendar)"));
  for (guint i = 0; i < 4; i++)
    gtk_file_filter_add_mime_type (schedules, (const char *[]) { "application/xml", "text/xml",
                                                                 "application/json", "text/calendar" }[i]);
  gtk_file_filter_add_suffix (schedules, "xml");
  gtk_file_filter_add_suffix (schedules, "json");
  gtk_file_filter_add_suffix (schedules, "ics");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  g_list_store_append (filters, schedules);
  g_list_store_append (filters, all);

  return filters;
}

static void
choose_file_cb (NclAddEventDialog *self)
{
  g_autoptr(GListStore) filters = schedule_filters ();

  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open a Schedule"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (filters)); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (G_LIST_MODEL (filters), i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  g_signal_connect_object (chooser, "response", G_CALLBACK (file_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* GTK 4.8 names a button made with a mnemonic by its label and again by
 * the label's text ("_Add Add"): one name, the label without its
 * mnemonic, in whatever language the label is. */
static void
name_by_label (GtkWidget *button)
{
  const char *label = gtk_button_get_label (GTK_BUTTON (button));
  GString *name = g_string_sized_new (strlen (label));

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] != '_')
        continue;
      if (*p == '_')
        p++;
      g_string_append_c (name, *p);
    }

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);
  g_string_free (name, TRUE);
}

static void
ncl_add_event_dialog_class_init (NclAddEventDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * NclAddEventDialog::location-chosen:
   * @location: an http(s) or file URI
   *
   * The address typed, or the file chosen; the dialog closes after it.
   */
  signals[LOCATION_CHOSEN] =
    g_signal_new ("location-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ncl_add_event_dialog_init (NclAddEventDialog *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *intro = gtk_label_new (_("The schedule of any conference: Pentabarf or frab XML "
                                      "(FOSDEM, CCC), frab or pretalx JSON, or iCalendar."));
  GtkWidget *label = gtk_label_new_with_mnemonic (_("Schedule _address"));
  GtkWidget *or_label = gtk_label_new (_("or"));
  GtkWidget *file_button = gtk_button_new_with_mnemonic (_("Choose a _File…"));

  gtk_window_set_title (GTK_WINDOW (self), _("Add Event"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, -1);
  gtk_window_set_hide_on_close (GTK_WINDOW (self), FALSE);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->add_button = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_add_css_class (self->add_button, "suggested-action");
  gtk_widget_set_sensitive (self->add_button, FALSE);
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->add_button);
  gtk_box_append (GTK_BOX (toolbar), header);

  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_box_append (GTK_BOX (box), intro);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  self->entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), "https://fosdem.org/2026/schedule/xml");
  gtk_entry_set_input_purpose (GTK_ENTRY (self->entry), GTK_INPUT_PURPOSE_URL);
  gtk_entry_set_activates_default (GTK_ENTRY (self->entry), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->entry);
  g_signal_connect_object (self->entry, "changed", G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (add_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), self->entry);

  /* Why an address was refused, read to screen readers as the entry's
   * description. */
  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error_label), 0);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (box), self->error_label);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->error_label, NULL,
                                  -1);

  gtk_widget_add_css_class (or_label, "dim-label");
  gtk_box_append (GTK_BOX (box), or_label);
  gtk_widget_set_halign (file_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (file_button, "pill");
  g_signal_connect_object (file_button, "clicked", G_CALLBACK (choose_file_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), file_button);
  name_by_label (cancel);
  name_by_label (self->add_button);
  name_by_label (file_button);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_box_append (GTK_BOX (toolbar), clamp);
  adw_window_set_content (ADW_WINDOW (self), toolbar);

  gtk_window_set_default_widget (GTK_WINDOW (self), self->add_button);
  gtk_widget_grab_focus (self->entry);
}

/**
 * ncl_add_event_dialog_new:
 * @parent: the window it belongs to
 */
GtkWidget *
ncl_add_event_dialog_new (GtkWindow *parent)
{
  return g_object_new (NCL_TYPE_ADD_EVENT_DIALOG,
                       "transient-for", parent,
                       NULL);
}

/**
 * ncl_add_event_dialog_get_entry:
 *
 * Returns: (transfer none): the address entry, for tests
 */
GtkWidget *
ncl_add_event_dialog_get_entry (NclAddEventDialog *self)
{
  g_return_val_if_fail (NCL_IS_ADD_EVENT_DIALOG (self), NULL);

  return self->entry;
}
