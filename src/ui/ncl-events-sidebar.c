/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ncl-events-sidebar.h"
#include "ncl-source-status.h"

/*
 * The events in the library, one row each: the name, what its schedule
 * holds (or why it could not be read), and a Remove button for the events
 * a person added. Activating a row emits ::source-activated; the window
 * shows that event. Adding and removing are the window's actions
 * (win.add-event, win.remove-event), so the keyboard and the menus reach
 * them too.
 */

struct _NclEventsSidebar
{
  GtkBox parent_instance;

  GListModel *sources;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (NclEventsSidebar, ncl_events_sidebar, GTK_TYPE_BOX)

enum {
  SOURCE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "12 sessions" ("5 talks" for a post without its agenda yet), or the
 * problem that left it with none. */
static void
update_subtitle (GtkLabel *label)
{
  NclSource *source = g_object_get_data (G_OBJECT (label), "source");
  guint n = g_list_model_get_n_items (ncl_event_get_sessions (ncl_source_get_event (source)));
  guint talks = g_list_model_get_n_items (ncl_event_get_highlights (ncl_source_get_event (source)));
  const GError *error = ncl_source_get_error (source);
  g_autofree char *text = NULL;

  if (ncl_source_get_refreshing (source) && n == 0)
    text = g_strdup (_("Loading…"));
  else if (error != NULL && n == 0)
    text = g_strdup (error->message);
  else if (n == 0 && talks > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u talk", "%u talks", talks), talks);
  else if (n == 0)
    text = g_strdup (_("No sessions yet"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u session", "%u sessions", n), n);

  gtk_label_set_text (label, text);
}

static void
update_name (GtkLabel *label)
{
  NclSource *source = g_object_get_data (G_OBJECT (label), "source");
  GtkWidget *remove = g_object_get_data (G_OBJECT (label), "remove-button");
  g_autofree char *remove_name = NULL;

  gtk_label_set_text (label, ncl_source_get_name (source));
  if (remove != NULL)
    {
      /* Translators: the accessible name of a button; %s is an event */
      remove_name = g_strdup_printf (_("Remove “%s”"), ncl_source_get_name (source));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
      gtk_widget_set_tooltip_text (remove, remove_name);
    }
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  NclSource *source = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (box), labels);

  if (ncl_source_get_location (source) != NULL)
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("ncl-remove-symbolic");

      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "win.remove-event");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", ncl_source_get_id (source));
      gtk_box_append (GTK_BOX (box), remove);
      g_object_set_data (G_OBJECT (name), "remove-button", remove);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "source", g_object_ref (source), g_object_unref);

  /* The row reads as its event's name, then what it holds. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, name, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, subtitle, NULL,
                                  -1);

  /* The handlers below are swapped: they get the label, which knows its
   * source, and ignore the emitter's arguments. */
  g_object_set_data (G_OBJECT (name), "source", source);
  g_object_set_data (G_OBJECT (subtitle), "source", source);
  update_name (GTK_LABEL (name));
  update_subtitle (GTK_LABEL (subtitle));
  g_signal_connect_object (source, "notify::name", G_CALLBACK (update_name), name, G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "notify::error", G_CALLBACK (update_subtitle), subtitle, G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "notify::refreshing", G_CALLBACK (update_subtitle), subtitle,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (ncl_event_get_sessions (ncl_source_get_event (source)), "items-changed",
                           G_CALLBACK (update_subtitle), subtitle, G_CONNECT_SWAPPED);

  return row;
}

static void
row_activated_cb (NclEventsSidebar *self,
                  GtkListBoxRow    *row)
{
  g_signal_emit (self, signals[SOURCE_ACTIVATED], 0, g_object_get_data (G_OBJECT (row), "source"));
}

static void
ncl_events_sidebar_dispose (GObject *object)
{
  NclEventsSidebar *self = (NclEventsSidebar *)object;

  g_clear_object (&self->sources);

  G_OBJECT_CLASS (ncl_events_sidebar_parent_class)->dispose (object);
}

static void
ncl_events_sidebar_class_init (NclEventsSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ncl_events_sidebar_dispose;

  /**
   * NclEventsSidebar::source-activated:
   * @source: the event's source
   *
   * A person chose the event, with a click or Enter.
   */
  signals[SOURCE_ACTIVATED] =
    g_signal_new ("source-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, NCL_TYPE_SOURCE);

  gtk_widget_class_set_css_name (widget_class, "ncl-events-sidebar");
}

static void
ncl_events_sidebar_init (NclEventsSidebar *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_window_title_new (_("Events"), NULL);
  GtkWidget *add = gtk_button_new_from_icon_name ("ncl-add-symbolic");
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_size_request (GTK_WIDGET (self), 220, -1);

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "win.add-event");
  gtk_widget_set_tooltip_text (add, _("Add Event (Ctrl+N)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Event"), -1);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), add);
  gtk_box_append (GTK_BOX (self), header);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Events"), -1);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self), scrolled);
}

GtkWidget *
ncl_events_sidebar_new (void)
{
  return g_object_new (NCL_TYPE_EVENTS_SIDEBAR, NULL);
}

/**
 * ncl_events_sidebar_set_sources:
 * @sources: the library's sources (ncl_library_get_sources())
 */
void
ncl_events_sidebar_set_sources (NclEventsSidebar *self,
                                GListModel       *sources)
{
  g_return_if_fail (NCL_IS_EVENTS_SIDEBAR (self));
  g_return_if_fail (G_IS_LIST_MODEL (sources));

  g_set_object (&self->sources, sources);
  gtk_list_box_bind_model (self->list, sources, create_row, NULL, NULL);
}

/**
 * ncl_events_sidebar_select:
 * @source: the event on screen
 *
 * Marks @source's row as the one shown.
 */
void
ncl_events_sidebar_select (NclEventsSidebar *self,
                           NclSource        *source)
{
  guint n;

  g_return_if_fail (NCL_IS_EVENTS_SIDEBAR (self));

  if (self->sources == NULL)
    return;

  n = g_list_model_get_n_items (self->sources);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NclSource) item = g_list_model_get_item (self->sources, i);

      if (item == source)
        {
          gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, (int)i));
          return;
        }
    }
}

/**
 * ncl_events_sidebar_get_list:
 *
 * Returns: (transfer none): the list of events, for focus and tests
 */
GtkWidget *
ncl_events_sidebar_get_list (NclEventsSidebar *self)
{
  g_return_val_if_fail (NCL_IS_EVENTS_SIDEBAR (self), NULL);

  return GTK_WIDGET (self->list);
}

/**
 * ncl_events_sidebar_focus_selected:
 *
 * Moves the focus to the row of the event shown (the first row when none
 * is), which a screen reader reads with its name and as selected; the
 * list itself takes no focus.
 *
 * Returns: whether a row took the focus
 */
gboolean
ncl_events_sidebar_focus_selected (NclEventsSidebar *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (NCL_IS_EVENTS_SIDEBAR (self), FALSE);

  row = gtk_list_box_get_selected_row (self->list);
  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->list, 0);

  return row != NULL && gtk_widget_grab_focus (GTK_WIDGET (row));
}
