/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ncl-link-button.h"
#include "ncl-speaker-row.h"
#include "ncl-time.h"

/* One speaker of the agenda page's speaker list: name, affiliation (a link
 * when the page gives one), the sessions they give, and a button for each
 * of their links that names the service it leads to. */
struct _NclSpeakerRow
{
  GtkWidget parent_instance;

  NclSpeaker *speaker;
  NclEvent *event;
  gboolean show_event_time;

  GtkLabel *name_label;
  GtkLabel *affiliation_label;
  GtkWidget *sessions_box;
  GtkWidget *links_box;
};

G_DEFINE_FINAL_TYPE (NclSpeakerRow, ncl_speaker_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPEAKER,
  PROP_EVENT,
  PROP_SHOW_EVENT_TIME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
affiliation_activate_link_cb (NclSpeakerRow *self,
                              const char    *uri,
                              GtkLabel      *label)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-link", "s", uri);
  return TRUE;
}

static const char *
link_icon_name (NclLinkKind kind)
{
  switch (kind)
    {
    case NCL_LINK_GITHUB:
    case NCL_LINK_GITLAB:
      return "ncl-code-symbolic";
    case NCL_LINK_LINKEDIN:
      return "ncl-person-symbolic";
    case NCL_LINK_TWITTER:
      return "ncl-chat-symbolic";
    case NCL_LINK_EMAIL:
      return "ncl-mail-symbolic";
    case NCL_LINK_WEB_PAGE:
    default:
      return "ncl-web-symbolic";
    }
}

static const char *
link_label (NclLinkKind kind)
{
  /* Translators: the services are named on the buttons of a speaker's
   * links; translate a name only where the service goes by another. */
  switch (kind)
    {
    case NCL_LINK_GITHUB:
      return C_("service", "GitHub");
    case NCL_LINK_GITLAB:
      return C_("service", "GitLab");
    case NCL_LINK_LINKEDIN:
      return C_("service", "LinkedIn");
    case NCL_LINK_TWITTER:
      return C_("service", "Twitter");
    case NCL_LINK_EMAIL:
      return C_("service", "Email");
    case NCL_LINK_WEB_PAGE:
    default:
      return C_("service", "Website");
    }
}

/* What a screen reader says for the button: the label alone ("GitHub")
 * would not say whose. Each format is a literal, for the compiler to check. */
static char *
link_accessible_name (NclLinkKind  kind,
                      const char  *name)
{
  switch (kind)
    {
    case NCL_LINK_GITHUB:
      /* Translators: accessible name of a speaker's link; %s is the speaker */
      return g_strdup_printf (_("%s on GitHub"), name);
    case NCL_LINK_GITLAB:
      /* Translators: accessible name of a speaker's link; %s is the speaker */
      return g_strdup_printf (_("%s on GitLab"), name);
    case NCL_LINK_LINKEDIN:
      /* Translators: accessible name of a speaker's link; %s is the speaker */
      return g_strdup_printf (_("%s on LinkedIn"), name);
    case NCL_LINK_TWITTER:
      /* Translators: accessible name of a speaker's link; %s is the speaker */
      return g_strdup_printf (_("%s on Twitter"), name);
    case NCL_LINK_EMAIL:
      /* Translators: accessible name of a speaker's e-mail link; %s is the speaker */
      return g_strdup_printf (_("Email %s"), name);
    case NCL_LINK_WEB_PAGE:
    default:
      /* Translators: accessible name of a speaker's link; %s is the speaker */
      return g_strdup_printf (_("%s’s website"), name);
    }
}

/* The address as people write it, for the tooltip: "github.com/ada",
 * "grace@example.org". */
static char *
link_display_address (const char *uri)
{
  static const char * const prefixes[] = { "mailto:", "https://", "http://" };
  const char *rest = uri;
  gsize length;

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      if (g_ascii_strncasecmp (rest, prefixes[i], strlen (prefixes[i])) == 0)
        {
          rest += strlen (prefixes[i]);
          break;
        }
    }

  if (g_ascii_strncasecmp (rest, "www.", 4) == 0)
    rest += 4;

  length = strlen (rest);
  if (length > 1 && rest[length - 1] == '/')
    length--;

  return g_strndup (rest, length);
}

static GtkWidget *
create_link_button (const char           *name,
                    const NclSpeakerLink *link)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();
  g_autofree char *accessible = link_accessible_name (link->kind, name);
  g_autofree char *address = link_display_address (link->uri);

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), link_icon_name (link->kind));
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), link_label (link->kind));
  gtk_button_set_child (GTK_BUTTON (button), content);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", link->uri);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.open-link");

  /* Where it leads, for those who hover; whose it is, for screen readers. */
  gtk_widget_set_tooltip_text (button, address);
  ncl_button_set_accessible_name (button, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, address,
                                  -1);

  return button;
}

/*
 * The link buttons, each as wide as its label, side by side and onto the
 * next line when the row is narrow. GTK 4.8 has no wrapping box, and a
 * GtkFlowBox lines its children up in columns and stretches them; so
 * links_box, a GtkBox, gets this layout instead of its own (nothing calls
 * its box-layout API: spacing, orientation).
 */
#define LINK_SPACING 6

typedef struct
{
  GtkWidget *child;
  int width;
  int height;
  int x;
  int y;
} LinkPlace;

/* Places the visible children of @widget in lines @width wide; returns
 * the height they take. */
static int
place_links (GtkWidget *widget,
             int        width,
             GArray    *places)
{
  int x = 0, y = 0, line_height = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      LinkPlace place = { child, 0, 0, 0, 0 };
      int min_width, height;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, &place.width, NULL, NULL);
      place.width = MAX (min_width, MIN (place.width, width));
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, place.width, NULL, &height, NULL, NULL);
      place.height = height;

      if (x > 0 && x + place.width > width)
        {
          y += line_height + LINK_SPACING;
          x = 0;
          line_height = 0;
        }

      place.x = x;
      place.y = y;
      x += place.width + LINK_SPACING;
      line_height = MAX (line_height, place.height);

      if (places != NULL)
        g_array_append_val (places, place);
    }

  return line_height > 0 ? y + line_height : 0;
}

static GtkSizeRequestMode
links_request_mode_cb (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
links_measure_cb (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  int widest = 0, total = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_nat, NULL, NULL);
      widest = MAX (widest, child_min);
      total += (total > 0 ? LINK_SPACING : 0) + child_nat;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* One button a line at least; all on one line at best. */
      *minimum = widest;
      *natural = MAX (widest, total);
    }
  else
    {
      *minimum = *natural = place_links (widget, for_size < 0 ? widest : for_size, NULL);
    }
}

static void
links_allocate_cb (GtkWidget *widget,
                   int        width,
                   int        height,
                   int        baseline)
{
  g_autoptr(GArray) places = g_array_new (FALSE, FALSE, sizeof (LinkPlace));
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

  place_links (widget, width, places);

  for (guint i = 0; i < places->len; i++)
    {
      LinkPlace *place = &g_array_index (places, LinkPlace, i);
      int x = rtl ? width - place->x - place->width : place->x;

      gtk_widget_size_allocate (place->child,
                                &(GtkAllocation) { x, place->y, place->width, place->height },
                                -1);
    }
}

static void
update_links (NclSpeakerRow *self)
{
  const char *name = ncl_speaker_get_name (self->speaker);
  guint n_links = ncl_speaker_get_n_links (self->speaker);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->links_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->links_box), child);

  for (guint i = 0; i < n_links; i++)
    gtk_box_append (GTK_BOX (self->links_box),
                    create_link_button (name, ncl_speaker_get_link (self->speaker, i)));

  gtk_widget_set_visible (self->links_box, n_links > 0);
}

/* "8:30 PM IST" stays on one line when the text wraps; the date after it,
 * if any, may go to the next. */
static void
keep_time_together (char **text)
{
  g_autoptr(GString) kept = g_string_new (NULL);
  const char *comma = strchr (*text, ',');
  gsize time_length = comma != NULL ? (gsize)(comma - *text) : strlen (*text);

  for (gsize i = 0; i < time_length; i++)
    {
      if ((*text)[i] == ' ')
        g_string_append (kept, "\u00a0");
      else
        g_string_append_c (kept, (*text)[i]);
    }
  g_string_append (kept, *text + time_length);

  g_free (*text);
  *text = g_string_free (g_steal_pointer (&kept), FALSE);
}

static char *
format_session (NclSpeakerRow *self,
                NclSession    *session)
{
  GDateTime *start = ncl_session_get_start (session);
  const char *title = ncl_session_get_title (session);
  g_autofree char *when = NULL;

  if (start == NULL)
    /* Translators: a session a speaker gives; %s is its title */
    return g_strdup_printf (_("Gives “%s”"), title);

  /* There is no header over the speakers: each time says its zone. */
  when = ncl_time_format_in_zone (start, self->show_event_time ? g_date_time_get_timezone (start) : NULL);
  keep_time_together (&when);

  /* Translators: a session a speaker gives; the first %s is its title, the
   * second when it starts, as in "8:15 AM CEST" */
  return g_strdup_printf (_("Gives “%s” at %s"), title, when);
}

static void
update_sessions (NclSpeakerRow *self)
{
  GListModel *sessions = NULL;
  guint n_sessions = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->sessions_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->sessions_box), child);

  if (self->event != NULL)
    {
      sessions = ncl_speaker_get_sessions (self->speaker);
      n_sessions = g_list_model_get_n_items (sessions);
    }

  for (guint i = 0; i < n_sessions; i++)
    {
      g_autoptr(NclSession) session = g_list_model_get_item (sessions, i);
      g_autofree char *text = format_session (self, session);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 15);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_widget_add_css_class (label, "ncl-speaker-session");
      gtk_box_append (GTK_BOX (self->sessions_box), label);
    }

  gtk_widget_set_visible (self->sessions_box, n_sessions > 0);
}

static void
update (NclSpeakerRow *self)
{
  const char *name;
  const char *affiliation;
  const char *url;
  g_autofree char *markup = NULL;
  g_autofree char *accessible = NULL;

  if (self->speaker == NULL)
    return;

  name = ncl_speaker_get_name (self->speaker);
  affiliation = ncl_speaker_get_affiliation (self->speaker);
  url = ncl_speaker_get_affiliation_url (self->speaker);

  gtk_label_set_text (self->name_label, name);

  /* The page's text, never its markup: escaped, and only the link is ours. */
  if (url != NULL)
    markup = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", url,
                                      affiliation != NULL ? affiliation : url);
  else if (affiliation != NULL)
    markup = g_markup_escape_text (affiliation, -1);

  gtk_label_set_markup (self->affiliation_label, markup != NULL ? markup : "");
  gtk_widget_set_visible (GTK_WIDGET (self->affiliation_label), markup != NULL);

  update_sessions (self);
  update_links (self);

  /* "Alex Ellis, OpenFaaS": who, and from where. */
  if (affiliation != NULL && affiliation[0] != '\0')
    /* Translators: a speaker's accessible name: the name, then where they work */
    accessible = g_strdup_printf (C_("speaker accessible name", "%s, %s"), name, affiliation);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible != NULL ? accessible : name,
                                  -1);
}

static void
ncl_speaker_row_dispose (GObject *object)
{
  NclSpeakerRow *self = (NclSpeakerRow *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), NCL_TYPE_SPEAKER_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->speaker);
  g_clear_object (&self->event);

  G_OBJECT_CLASS (ncl_speaker_row_parent_class)->dispose (object);
}

static void
ncl_speaker_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NclSpeakerRow *self = NCL_SPEAKER_ROW (object);

  switch (prop_id)
    {
    case PROP_SPEAKER:
      g_value_set_object (value, self->speaker);
      break;
    case PROP_EVENT:
      g_value_set_object (value, self->event);
      break;
    case PROP_SHOW_EVENT_TIME:
      g_value_set_boolean (value, self->show_event_time);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_speaker_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  NclSpeakerRow *self = NCL_SPEAKER_ROW (object);

  switch (prop_id)
    {
    case PROP_SPEAKER:
      ncl_speaker_row_set_speaker (self, g_value_get_object (value));
      break;
    case PROP_EVENT:
      ncl_speaker_row_set_event (self, g_value_get_object (value));
      break;
    case PROP_SHOW_EVENT_TIME:
      ncl_speaker_row_set_show_event_time (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_speaker_row_class_init (NclSpeakerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ncl_speaker_row_dispose;
  object_class->get_property = ncl_speaker_row_get_property;
  object_class->set_property = ncl_speaker_row_set_property;

  properties[PROP_SPEAKER] =
    g_param_spec_object ("speaker", NULL, NULL,
                         NCL_TYPE_SPEAKER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NclSpeakerRow:event:
   *
   * The agenda whose sessions the row lists those of the speaker from.
   */
  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL,
                         NCL_TYPE_EVENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SHOW_EVENT_TIME] =
    g_param_spec_boolean ("show-event-time", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ncl-speaker-row.ui");
  gtk_widget_class_bind_template_child (widget_class, NclSpeakerRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, NclSpeakerRow, affiliation_label);
  gtk_widget_class_bind_template_child (widget_class, NclSpeakerRow, sessions_box);
  gtk_widget_class_bind_template_child (widget_class, NclSpeakerRow, links_box);
  gtk_widget_class_bind_template_callback (widget_class, affiliation_activate_link_cb);
  gtk_widget_class_set_css_name (widget_class, "nclspeakerrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ncl_speaker_row_init (NclSpeakerRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_set_layout_manager (self->links_box,
                                 gtk_custom_layout_new (links_request_mode_cb,
                                                        links_measure_cb,
                                                        links_allocate_cb));
}

GtkWidget *
ncl_speaker_row_new (void)
{
  return g_object_new (NCL_TYPE_SPEAKER_ROW, NULL);
}

/**
 * ncl_speaker_row_get_speaker:
 *
 * Returns: (transfer none) (nullable): the speaker the row shows
 */
NclSpeaker *
ncl_speaker_row_get_speaker (NclSpeakerRow *self)
{
  g_return_val_if_fail (NCL_IS_SPEAKER_ROW (self), NULL);

  return self->speaker;
}

void
ncl_speaker_row_set_speaker (NclSpeakerRow *self,
                             NclSpeaker    *speaker)
{
  g_return_if_fail (NCL_IS_SPEAKER_ROW (self));
  g_return_if_fail (speaker == NULL || NCL_IS_SPEAKER (speaker));

  if (g_set_object (&self->speaker, speaker))
    {
      update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEAKER]);
    }
}

/**
 * ncl_speaker_row_get_event:
 *
 * Returns: (transfer none) (nullable): the agenda the speaker's sessions
 *   are found in
 */
NclEvent *
ncl_speaker_row_get_event (NclSpeakerRow *self)
{
  g_return_val_if_fail (NCL_IS_SPEAKER_ROW (self), NULL);

  return self->event;
}

void
ncl_speaker_row_set_event (NclSpeakerRow *self,
                           NclEvent      *event)
{
  g_return_if_fail (NCL_IS_SPEAKER_ROW (self));
  g_return_if_fail (event == NULL || NCL_IS_EVENT (event));

  if (g_set_object (&self->event, event))
    {
      if (self->speaker != NULL)
        update_sessions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
    }
}

gboolean
ncl_speaker_row_get_show_event_time (NclSpeakerRow *self)
{
  g_return_val_if_fail (NCL_IS_SPEAKER_ROW (self), FALSE);

  return self->show_event_time;
}

void
ncl_speaker_row_set_show_event_time (NclSpeakerRow *self,
                                     gboolean       show_event_time)
{
  g_return_if_fail (NCL_IS_SPEAKER_ROW (self));

  show_event_time = !!show_event_time;
  if (self->show_event_time == show_event_time)
    return;

  self->show_event_time = show_event_time;
  if (self->speaker != NULL)
    update_sessions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_EVENT_TIME]);
}
