/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "ncl-event-header.h"
#include "ncl-event-part.h"
#include "ncl-highlights-view.h"

/*
 * The Talks view: the post as one list, its header, a card per talk and
 * its closing words, behind the window's search filter (which hides the
 * header and closing words while a search or the starred switch is on), or
 * the empty state of a search that finds no talk. Rows are recycled as the
 * list scrolls, and a recycled row may have shown another kind of item.
 */

struct _NclHighlightsView
{
  GtkWidget parent_instance;

  NclEvent *event;
  NclSearchFilter *filter;
  NclStars *stars;
  NclLibrary *library;

  /* The list: the header, the talks shown (talk_results, of which the
   * first frame lays out a slice), the closing words. The header's model
   * is put behind the filter before the talks', so when a search ends it
   * shows again first and comes back above the first talk. */
  GListStore *header;
  GListStore *closing;
  GtkFilterListModel *header_results;
  GtkFilterListModel *talk_results;
  GtkFilterListModel *closing_results;
  GtkSliceListModel *talk_slice;

  /* A talk asked for (ncl_highlights_view_show_talk()) whose card is not
   * on screen yet. */
  guint focus_talk;
  guint focus_talk_id;
  gboolean has_cards;

  GtkStack *stack;
  GtkListView *list_view;
  AdwStatusPage *no_results;
};

G_DEFINE_FINAL_TYPE (NclHighlightsView, ncl_highlights_view, GTK_TYPE_WIDGET)

/*
 * The first frame lays out only what a window shows at first: the post's
 * header and the first talk. The list would otherwise create and measure
 * rows for every talk, well below the fold, before anything is on screen;
 * ncl_highlights_view_reveal_all() adds the rest right after that frame.
 */
#define FIRST_FRAME_TALKS 1

static void
item_setup_cb (NclHighlightsView *self,
               GtkListItem       *item)
{
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
}

static void
item_bind_cb (NclHighlightsView *self,
              GtkListItem       *item)
{
  GObject *object = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);

  if (NCL_IS_HIGHLIGHT (object))
    {
      if (!NCL_IS_HIGHLIGHT_CARD (child))
        {
          child = ncl_highlight_card_new ();
          ncl_highlight_card_set_stars (NCL_HIGHLIGHT_CARD (child), self->stars);
          gtk_list_item_set_child (item, child);
        }

      ncl_highlight_card_set_library (NCL_HIGHLIGHT_CARD (child), self->library);
      /* The count of all the cards, for the one that is "1 of 5"; a
       * card may be bound while the view lets go of its event. */
      ncl_highlight_card_set_n_highlights (NCL_HIGHLIGHT_CARD (child),
                                           self->event != NULL
                                           ? g_list_model_get_n_items (ncl_event_get_highlights (self->event))
                                           : 0);
      ncl_highlight_card_set_highlight (NCL_HIGHLIGHT_CARD (child), NCL_HIGHLIGHT (object));
      self->has_cards = TRUE;
    }
  else if (NCL_IS_EVENT_PART (object))
    {
      if (!NCL_IS_EVENT_HEADER (child))
        {
          child = ncl_event_header_new ();
          gtk_list_item_set_child (item, child);
        }

      ncl_event_header_set_part (NCL_EVENT_HEADER (child), NCL_EVENT_PART (object));
    }
}

static void
item_unbind_cb (NclHighlightsView *self,
                GtkListItem       *item)
{
  GtkWidget *child = gtk_list_item_get_child (item);

  if (NCL_IS_HIGHLIGHT_CARD (child))
    ncl_highlight_card_set_highlight (NCL_HIGHLIGHT_CARD (child), NULL);
  else if (NCL_IS_EVENT_HEADER (child))
    ncl_event_header_set_part (NCL_EVENT_HEADER (child), NULL);
}

/* A search or the starred switch that leaves no talk says so, and what to
 * try instead. */
static void
update_empty_state (NclHighlightsView *self)
{
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  gboolean none;

  none = self->filter != NULL && ncl_search_filter_is_active (self->filter) &&
         g_list_model_get_n_items (G_LIST_MODEL (self->talk_results)) == 0;
  gtk_stack_set_visible_child_name (self->stack, none ? "no-results" : "list");
  if (!none)
    return;

  ncl_search_filter_describe_no_results (self->filter, &title, &description);
  adw_status_page_set_title (self->no_results, title);
  adw_status_page_set_description (self->no_results, description);
}

static void
ncl_highlights_view_dispose (GObject *object)
{
  NclHighlightsView *self = (NclHighlightsView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NCL_TYPE_HIGHLIGHTS_VIEW);
  g_clear_handle_id (&self->focus_talk_id, g_source_remove);
  g_clear_object (&self->header_results);
  g_clear_object (&self->talk_slice);
  g_clear_object (&self->talk_results);
  g_clear_object (&self->closing_results);
  g_clear_object (&self->header);
  g_clear_object (&self->closing);
  g_clear_object (&self->event);
  g_clear_object (&self->filter);
  g_clear_object (&self->stars);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (ncl_highlights_view_parent_class)->dispose (object);
}

static void
ncl_highlights_view_class_init (NclHighlightsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ncl_highlights_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ncl-highlights-view.ui");
  gtk_widget_class_bind_template_child (widget_class, NclHighlightsView, stack);
  gtk_widget_class_bind_template_child (widget_class, NclHighlightsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, NclHighlightsView, no_results);
  gtk_widget_class_bind_template_callback (widget_class, item_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, item_unbind_cb);
  gtk_widget_class_set_css_name (widget_class, "nclhighlightsview");
}

static void
ncl_highlights_view_init (NclHighlightsView *self)
{
  GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GtkFlattenListModel) flat = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->header = g_list_store_new (NCL_TYPE_EVENT_PART);
  self->closing = g_list_store_new (NCL_TYPE_EVENT_PART);
  self->header_results = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->header)), NULL);
  self->talk_results = gtk_filter_list_model_new (NULL, NULL);
  self->closing_results = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->closing)), NULL);
  self->talk_slice = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->talk_results)),
                                               0, G_MAXUINT);
  g_signal_connect_object (self->talk_results, "items-changed",
                           G_CALLBACK (update_empty_state), self, G_CONNECT_SWAPPED);

  g_list_store_append (parts, self->header_results);
  g_list_store_append (parts, self->talk_slice);
  g_list_store_append (parts, self->closing_results);
  flat = gtk_flatten_list_model_new (G_LIST_MODEL (parts));
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&flat)))));
}

GtkWidget *
ncl_highlights_view_new (void)
{
  return g_object_new (NCL_TYPE_HIGHLIGHTS_VIEW, NULL);
}

/**
 * ncl_highlights_view_get_event:
 *
 * Returns: (transfer none) (nullable): the event whose post is shown
 */
NclEvent *
ncl_highlights_view_get_event (NclHighlightsView *self)
{
  g_return_val_if_fail (NCL_IS_HIGHLIGHTS_VIEW (self), NULL);

  return self->event;
}

/**
 * ncl_highlights_view_set_event:
 * @event: (nullable): the event whose post to show
 *
 * Shows the post's header, talks and closing words. Before the view is on
 * screen, only the first talk is laid out: see
 * ncl_highlights_view_reveal_all().
 */
void
ncl_highlights_view_set_event (NclHighlightsView *self,
                               NclEvent          *event)
{
  const char *closing_text;

  g_return_if_fail (NCL_IS_HIGHLIGHTS_VIEW (self));
  g_return_if_fail (event == NULL || NCL_IS_EVENT (event));

  if (!g_set_object (&self->event, event))
    return;

  g_list_store_remove_all (self->header);
  g_list_store_remove_all (self->closing);
  gtk_filter_list_model_set_model (self->talk_results, NULL);
  if (event == NULL)
    return;

  /* In the list's order: the list's cursor, where keyboard focus starts,
   * stays on the first item, the header. An event without a post (a
   * schedule someone added) has its cards only. */
  if (ncl_event_get_article (event) != NULL)
    {
      g_autoptr(NclEventPart) header = ncl_event_part_new (event, NCL_EVENT_PART_HEADER);

      g_list_store_append (self->header, header);
    }

  gtk_slice_list_model_set_size (self->talk_slice,
                                 gtk_widget_get_mapped (GTK_WIDGET (self)) ? G_MAXUINT : FIRST_FRAME_TALKS);
  gtk_filter_list_model_set_model (self->talk_results, ncl_event_get_highlights (event));

  closing_text = ncl_event_get_article (event) != NULL
                   ? ncl_article_get_closing (ncl_event_get_article (event)) : NULL;
  if (closing_text != NULL && closing_text[0] != '\0')
    {
      g_autoptr(NclEventPart) closing = ncl_event_part_new (event, NCL_EVENT_PART_CLOSING);

      g_list_store_append (self->closing, closing);
    }
}

/**
 * ncl_highlights_view_set_filter:
 * @filter: (nullable): the window's search, which every view shares
 */
void
ncl_highlights_view_set_filter (NclHighlightsView *self,
                                NclSearchFilter   *filter)
{
  g_return_if_fail (NCL_IS_HIGHLIGHTS_VIEW (self));
  g_return_if_fail (filter == NULL || NCL_IS_SEARCH_FILTER (filter));

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, update_empty_state, self);
  if (!g_set_object (&self->filter, filter))
    return;

  /* The header first: see header_results. */
  gtk_filter_list_model_set_filter (self->header_results, GTK_FILTER (filter));
  gtk_filter_list_model_set_filter (self->talk_results, GTK_FILTER (filter));
  gtk_filter_list_model_set_filter (self->closing_results, GTK_FILTER (filter));
  if (filter != NULL)
    g_signal_connect_object (filter, "changed", G_CALLBACK (update_empty_state),
                             self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  update_empty_state (self);
}

/**
 * ncl_highlights_view_set_stars:
 * @stars: (nullable): the stars the cards' buttons set
 */
void
ncl_highlights_view_set_stars (NclHighlightsView *self,
                               NclStars          *stars)
{
  g_return_if_fail (NCL_IS_HIGHLIGHTS_VIEW (self));
  g_return_if_fail (stars == NULL || NCL_IS_STARS (stars));

  g_set_object (&self->stars, stars);
}

/**
 * ncl_highlights_view_set_library:
 * @library: (nullable): where the cards fetch their pictures
 */
void
ncl_highlights_view_set_library (NclHighlightsView *self,
                                 NclLibrary        *library)
{
  g_return_if_fail (NCL_IS_HIGHLIGHTS_VIEW (self));
  g_return_if_fail (library == NULL || NCL_IS_LIBRARY (library));

  g_set_object (&self->library, library);
}

/**
 * ncl_highlights_view_get_results:
 *
 * Returns: (transfer none): the talks shown, a list of #NclHighlight
 */
GListModel *
ncl_highlights_view_get_results (NclHighlightsView *self)
{
  g_return_val_if_fail (NCL_IS_HIGHLIGHTS_VIEW (self), NULL);

  return G_LIST_MODEL (self->talk_results);
}

/**
 * ncl_highlights_view_get_has_cards:
 *
 * Returns: whether a talk's card has been laid out (the startup benchmark
 *   waits for the frame that paints one)
 */
gboolean
ncl_highlights_view_get_has_cards (NclHighlightsView *self)
{
  g_return_val_if_fail (NCL_IS_HIGHLIGHTS_VIEW (self), FALSE);

  return self->has_cards;
}

/**
 * ncl_highlights_view_reveal_all:
 *
 * Lays out every talk, not only those of the first frame.
 */
void
ncl_highlights_view_reveal_all (NclHighlightsView *self)
{
  g_return_if_fail (NCL_IS_HIGHLIGHTS_VIEW (self));

  gtk_slice_list_model_set_size (self->talk_slice, G_MAXUINT);
}

static NclHighlightCard *
find_card (GtkWidget *root,
           guint      number)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      NclHighlightCard *found;

      if (NCL_IS_HIGHLIGHT_CARD (child))
        {
          NclHighlight *talk = ncl_highlight_card_get_highlight (NCL_HIGHLIGHT_CARD (child));

          if (talk != NULL && ncl_highlight_get_number (talk) == number)
            return NCL_HIGHLIGHT_CARD (child);
          continue;
        }

      if ((found = find_card (child, number)))
        return found;
    }

  return NULL;
}

/**
 * ncl_highlights_view_find_card:
 * @number: a talk's number in the post
 *
 * Returns: (transfer none) (nullable): the card showing talk @number, if
 *   one does (cards are made for the talks on screen)
 */
NclHighlightCard *
ncl_highlights_view_find_card (NclHighlightsView *self,
                               guint              number)
{
  g_return_val_if_fail (NCL_IS_HIGHLIGHTS_VIEW (self), NULL);

  return find_card (GTK_WIDGET (self->list_view), number);
}

static gboolean
focus_pending_talk_cb (gpointer data)
{
  NclHighlightsView *self = data;
  NclHighlightCard *card;

  if (self->focus_talk != 0 &&
      !((card = find_card (GTK_WIDGET (self->list_view), self->focus_talk)) &&
        gtk_widget_get_mapped (GTK_WIDGET (card))))
    return G_SOURCE_CONTINUE;

  if (self->focus_talk != 0)
    gtk_widget_grab_focus (GTK_WIDGET (card));
  self->focus_talk = 0;
  self->focus_talk_id = 0;
  return G_SOURCE_REMOVE;
}

/**
 * ncl_highlights_view_show_talk:
 * @number: a talk's number in the post
 *
 * Scrolls talk @number into view and puts keyboard focus on its card, as
 * soon as the card exists (a frame later, when it was far away).
 */
void
ncl_highlights_view_show_talk (NclHighlightsView *self,
                               guint              number)
{
  GListModel *talks;
  guint n_talks;

  g_return_if_fail (NCL_IS_HIGHLIGHTS_VIEW (self));

  if (self->event == NULL)
    return;

  ncl_highlights_view_reveal_all (self);

  talks = ncl_event_get_highlights (self->event);
  n_talks = g_list_model_get_n_items (talks);
  for (guint i = 0; i < n_talks; i++)
    {
      g_autoptr(NclHighlight) talk = g_list_model_get_item (talks, i);

      if (ncl_highlight_get_number (talk) != number)
        continue;

      /* Item 0 of the list is the post's header. */
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i + 1);
      self->focus_talk = number;
      if (focus_pending_talk_cb (self) == G_SOURCE_CONTINUE && self->focus_talk_id == 0)
        self->focus_talk_id = g_timeout_add_full (G_PRIORITY_DEFAULT, 50, focus_pending_talk_cb,
                                                  g_object_ref (self), g_object_unref);
      return;
    }
}

/**
 * ncl_highlights_view_focus_list:
 *
 * Puts keyboard focus on the list's first card: the post's header.
 *
 * Returns: whether a card took focus
 */
gboolean
ncl_highlights_view_focus_list (NclHighlightsView *self)
{
  g_return_val_if_fail (NCL_IS_HIGHLIGHTS_VIEW (self), FALSE);

  return gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
}
