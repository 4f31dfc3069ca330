/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ncl-event-header.h"

/* The post's title, date, author, tags and introduction above the talks;
 * with a closing part, the post's closing words below them. */
struct _NclEventHeader
{
  GtkWidget parent_instance;

  NclEventPart *part;

  GtkLabel *title_label;
  GtkLabel *meta_label;
  GtkLabel *tags_label;
  GtkLabel *text_label;
};

G_DEFINE_FINAL_TYPE (NclEventHeader, ncl_event_header, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
text_activate_link_cb (NclEventHeader *self,
                       const char     *uri,
                       GtkLabel       *label)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-link", "s", uri);
  return TRUE;
}

static char *
format_meta (NclEvent *event)
{
  GDateTime *date = ncl_article_get_date (ncl_event_get_article (event));
  const char *author = ncl_article_get_author (ncl_event_get_article (event));
  g_autofree char *day = NULL;

  if (date != NULL)
    /* Translators: the post's date, see g_date_time_format() */
    day = g_date_time_format (date, _("%B %-d, %Y"));

  if (day != NULL && author != NULL)
    /* Translators: the post's date, then its author */
    return g_strdup_printf (_("%s · %s"), day, author);

  return g_strdup (day != NULL ? day : author);
}

static char *
format_tags (NclEvent *event)
{
  const char * const *tags = ncl_article_get_tags (ncl_event_get_article (event));
  g_autoptr(GString) text = NULL;

  if (tags == NULL || tags[0] == NULL)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (text, "   ");
      g_string_append_printf (text, "#%s", tags[i]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update (NclEventHeader *self)
{
  NclEvent *event;
  gboolean is_header;
  const char *text;

  if (self->part == NULL)
    return;

  event = ncl_event_part_get_event (self->part);
  is_header = ncl_event_part_get_kind (self->part) == NCL_EVENT_PART_HEADER;

  gtk_widget_set_visible (GTK_WIDGET (self->title_label), is_header);
  gtk_widget_set_visible (GTK_WIDGET (self->meta_label), is_header);
  gtk_widget_set_visible (GTK_WIDGET (self->tags_label), is_header);

  if (is_header)
    {
      g_autofree char *meta = format_meta (event);
      g_autofree char *tags = format_tags (event);

      gtk_label_set_text (self->title_label, ncl_article_get_title (ncl_event_get_article (event)));
      gtk_label_set_text (self->meta_label, meta);
      gtk_widget_set_visible (GTK_WIDGET (self->meta_label), meta != NULL);
      gtk_label_set_text (self->tags_label, tags);
      gtk_widget_set_visible (GTK_WIDGET (self->tags_label), tags != NULL);
      text = ncl_article_get_intro (ncl_event_get_article (event));
      gtk_widget_remove_css_class (GTK_WIDGET (self), "closing");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, ncl_article_get_title (ncl_event_get_article (event)),
                                      -1);
    }
  else
    {
      text = ncl_article_get_closing (ncl_event_get_article (event));
      gtk_widget_add_css_class (GTK_WIDGET (self), "closing");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      /* Translators: accessible name of the post's closing words */
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Closing words"),
                                      -1);
    }

  gtk_label_set_markup (self->text_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->text_label), text != NULL && text[0] != '\0');
}

static void
ncl_event_header_dispose (GObject *object)
{
  NclEventHeader *self = (NclEventHeader *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NCL_TYPE_EVENT_HEADER);
  g_clear_object (&self->part);

  G_OBJECT_CLASS (ncl_event_header_parent_class)->dispose (object);
}

static void
ncl_event_header_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  NclEventHeader *self = NCL_EVENT_HEADER (object);

  switch (prop_id)
    {
    case PROP_PART:
      g_value_set_object (value, self->part);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_event_header_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  NclEventHeader *self = NCL_EVENT_HEADER (object);

  switch (prop_id)
    {
    case PROP_PART:
      ncl_event_header_set_part (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_event_header_class_init (NclEventHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ncl_event_header_dispose;
  object_class->get_property = ncl_event_header_get_property;
  object_class->set_property = ncl_event_header_set_property;

  properties[PROP_PART] =
    g_param_spec_object ("part", NULL, NULL,
                         NCL_TYPE_EVENT_PART,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ncl-event-header.ui");
  gtk_widget_class_bind_template_child (widget_class, NclEventHeader, title_label);
  gtk_widget_class_bind_template_child (widget_class, NclEventHeader, meta_label);
  gtk_widget_class_bind_template_child (widget_class, NclEventHeader, tags_label);
  gtk_widget_class_bind_template_child (widget_class, NclEventHeader, text_label);
  gtk_widget_class_bind_template_callback (widget_class, text_activate_link_cb);
  gtk_widget_class_set_css_name (widget_class, "nclpostheader");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ncl_event_header_init (NclEventHeader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ncl_event_header_new (void)
{
  return g_object_new (NCL_TYPE_EVENT_HEADER, NULL);
}

NclEventPart *
ncl_event_header_get_part (NclEventHeader *self)
{
  g_return_val_if_fail (NCL_IS_EVENT_HEADER (self), NULL);

  return self->part;
}

void
ncl_event_header_set_part (NclEventHeader *self,
                           NclEventPart   *part)
{
  g_return_if_fail (NCL_IS_EVENT_HEADER (self));
  g_return_if_fail (part == NULL || NCL_IS_EVENT_PART (part));

  if (g_set_object (&self->part, part))
    {
      update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PART]);
    }
}
