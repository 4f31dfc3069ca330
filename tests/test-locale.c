/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "ncl-post-format.h"
#include "ncl-highlight-card.h"
#include "ncl-window.h"
#include "ncl-test-nats.h"

#include "ncl-test-util.h"

/* The window in German and in French, from the .mo files of the build
 * (NCL_LOCALEDIR: <builddir>/po, where i18n.gettext() puts
 * <lang>/LC_MESSAGES/connect-live.mo). A string that is not translated fails
 * the test: assertions are not fatal, so each missing one is reported. */

typedef struct
{
  const char *language;
  const char *slides;
  const char *video;
  const char *page_titles[3];
  const char *talks_heading;
  const char *refresh_tooltip;
  const char *menu_tooltip;
  const char *menu_labels[3];
  const char *date_format;
} Expected;

static const Expected german = {
  .language = "de",
  .slides = "_Folien",
  .video = "_Video",
  .page_titles = { "Vorträge", "Programm", "Sprecher" },
  .talks_heading = "Vorträge",
  .refresh_tooltip = "Aktualisieren",
  .menu_tooltip = "Hauptmenü",
  .menu_labels = { "_Aktualisieren", "_Tastenkürzel", "_Info zu NATS Connect Live" },
  .date_format = "%-d. %B %Y",
};

static const Expected french = {
  .language = "fr",
  .slides = "_Diapositives",
  .video = "_Vidéo",
  .page_titles = { "Exposés", "Programme", "Intervenants" },
  .talks_heading = "Exposés",
  .refresh_tooltip = "Actualiser",
  .menu_tooltip = "Menu principal",
  .menu_labels = { "_Actualiser", "_Raccourcis clavier", "À _propos de NATS Connect Live" },
  .date_format = "%-d %B %Y",
};

/* Switches the messages to @language. textdomain() drops what gettext has
 * looked up so far, so the next lookups read LANGUAGE again. */
static void
use_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  textdomain (GETTEXT_PACKAGE);
}

static NclEvent *
parse_resource_post (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  NclEvent *event;

  bytes = g_resources_lookup_data (RESOURCE_BASE "/event/nats-connect-live-2020.md", 0, &error);
  g_assert_no_error (error);
  event = ncl_post_parse (bytes, NCL_TEST_POST_URI, &error);
  g_assert_no_error (error);

  return event;
}

static gboolean
activate_link_cb (NclWindow  *window,
                  const char *uri,
                  gpointer    user_data)
{
  /* No browser is started from a test. */
  return TRUE;
}

typedef struct
{
  NclWindow *window;
  NclEvent *event;
} Fixture;

static gboolean
talk_rows_shown (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) rows = ncl_test_find_all (GTK_WIDGET (fixture->window), NCL_TYPE_HIGHLIGHT_CARD);

  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_get_mapped (rows->pdata[i]) && ncl_highlight_card_get_highlight (rows->pdata[i]) != NULL)
      return TRUE;

  return FALSE;
}

static gboolean
has_button_label (GtkWidget  *root,
                  const char *label)
{
  g_autoptr(GPtrArray) contents = ncl_test_find_all (root, ADW_TYPE_BUTTON_CONTENT);

  for (guint i = 0; i < contents->len; i++)
    if (g_strcmp0 (adw_button_content_get_label (contents->pdata[i]), label) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  g_autoptr(GPtrArray) labels = ncl_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
has_label_starting_with (GtkWidget  *root,
                         const char *prefix)
{
  g_autoptr(GPtrArray) labels = ncl_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (gtk_label_get_text (labels->pdata[i]), prefix))
      return TRUE;

  return FALSE;
}

static char *
tooltip_of (GtkWidget  *root,
            GType       type,
            const char *expected)
{
  g_autoptr(GPtrArray) widgets = ncl_test_find_all (root, type);

  for (guint i = 0; i < widgets->len; i++)
    {
      const char *tooltip = gtk_widget_get_tooltip_text (widgets->pdata[i]);

      if (g_strcmp0 (tooltip, expected) == 0)
        return g_strdup (tooltip);
    }

  /* Not there: report what there is instead. */
  {
    g_autoptr(GString) found = g_string_new ("none of");

    for (guint i = 0; i < widgets->len; i++)
      g_string_append_printf (found, " “%s”", gtk_widget_get_tooltip_text (widgets->pdata[i]));
    return g_string_free (g_steal_pointer (&found), FALSE);
  }
}

static void
check_window (gconstpointer data)
{
  const Expected *expected = data;
  Fixture fixture = { 0 };
  g_autoptr(GListModel) pages = NULL;
  g_autoptr(GPtrArray) stacks = NULL;
  g_autoptr(GPtrArray) menu_buttons = NULL;
  g_autofree char *refresh_tooltip = NULL;
  g_autofree char *menu_tooltip = NULL;
  g_autofree char *date = NULL;
  GtkWidget *root;
  GMenuModel *menu;
  guint n_menu_labels = 0;

  use_language (expected->language);

  /* The catalogue is there at all: otherwise every check below would fail
   * for the same reason. */
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "_Slides"), ==, expected->slides);

  fixture.event = parse_resource_post ();
  fixture.window = g_object_new (NCL_TYPE_WINDOW,
                                 "default-width", 1000,
                                 "default-height", 700,
                                 NULL);
  root = GTK_WIDGET (fixture.window);
  g_signal_connect (fixture.window, "activate-link", G_CALLBACK (activate_link_cb), NULL);
  ncl_window_set_event (fixture.window, fixture.event);
  gtk_window_present (GTK_WINDOW (fixture.window));
  ncl_test_wait_for (talk_rows_shown, &fixture, 10, "the talk cards");

  /* A talk card's buttons. */
  g_assert_true (has_button_label (root, expected->slides));
  g_assert_true (has_button_label (root, expected->video));
  g_assert_false (has_button_label (root, "_Slides"));

  /* The view switcher's pages. */
  stacks = ncl_test_find_all (root, ADW_TYPE_VIEW_STACK);
  g_assert_cmpuint (stacks->len, ==, 1);
  if (stacks->len >= 1)
    {
      pages = G_LIST_MODEL (adw_view_stack_get_pages (stacks->pdata[0]));
      g_assert_cmpuint (g_list_model_get_n_items (pages), ==, G_N_ELEMENTS (expected->page_titles));
      for (guint i = 0; i < MIN (g_list_model_get_n_items (pages), G_N_ELEMENTS (expected->page_titles)); i++)
        {
          g_autoptr(AdwViewStackPage) page = g_list_model_get_item (pages, i);

          g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, expected->page_titles[i]);
        }
    }

  /* The heading over the talks. */
  g_assert_true (has_label (root, expected->talks_heading));

  /* The post's date, in the language's order (the month's name comes from
   * LC_TIME, which the test leaves alone). */
  date = g_date_time_format (ncl_article_get_date (ncl_event_get_article (fixture.event)), expected->date_format);
  g_assert_true (has_label_starting_with (root, date));

  /* Tooltips in the header bar. */
  refresh_tooltip = tooltip_of (root, GTK_TYPE_BUTTON, expected->refresh_tooltip);
  g_assert_cmpstr (refresh_tooltip, ==, expected->refresh_tooltip);
  menu_tooltip = tooltip_of (root, GTK_TYPE_MENU_BUTTON, expected->menu_tooltip);
  g_assert_cmpstr (menu_tooltip, ==, expected->menu_tooltip);

  /* The main menu. */
  menu_buttons = ncl_test_find_all (root, GTK_TYPE_MENU_BUTTON);
  menu = NULL;
  for (guint i = 0; i < menu_buttons->len && menu == NULL; i++)
    if (gtk_menu_button_get_primary (menu_buttons->pdata[i]))
      menu = gtk_menu_button_get_menu_model (menu_buttons->pdata[i]);
  g_assert_nonnull (menu);
  if (menu != NULL)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
      GPtrArray *queue = g_ptr_array_new ();

      /* The items, also those in sections. */
      g_ptr_array_add (queue, menu);
      for (guint q = 0; q < queue->len; q++)
        {
          GMenuModel *model = queue->pdata[q];

          for (int i = 0; i < g_menu_model_get_n_items (model); i++)
            {
              g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
              char *label = NULL;

              if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
                g_ptr_array_add (labels, label);
              if (section != NULL)
                g_ptr_array_add (queue, section);
            }
        }
      g_ptr_array_unref (queue);

      for (guint i = 0; i < G_N_ELEMENTS (expected->menu_labels); i++)
        {
          gboolean found = g_ptr_array_find_with_equal_func (labels, expected->menu_labels[i], g_str_equal, NULL);

          if (!found)
            g_test_message ("the main menu has no item “%s”", expected->menu_labels[i]);
          g_assert_true (found);
          n_menu_labels++;
        }
    }
  g_assert_cmpuint (n_menu_labels, ==, G_N_ELEMENTS (expected->menu_labels));

  gtk_window_destroy (GTK_WINDOW (fixture.window));
  g_clear_object (&fixture.event);
  ncl_test_settle (20);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("NCL_LOCALEDIR");
  const char *messages_locale;


  /* Before GTK starts, which sets the locale from the environment. */
  g_setenv ("LANGUAGE", "de", TRUE);
  ncl_test_init_gtk (&argc, &argv);
  g_test_set_nonfatal_assertions ();

  if (localedir == NULL)
    g_error ("NCL_LOCALEDIR is not set: run the test through meson test");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* gettext ignores LANGUAGE in the "C" locale, and glibc 2.41 (Debian 13)
   * in C.UTF-8 too: where the environment has no other locale, messages
   * come in the test's own de_DE.UTF-8 (LOCPATH, from meson), else in
   * C.UTF-8, which older glibc translates in. */
  messages_locale = setlocale (LC_MESSAGES, NULL);
  if (messages_locale == NULL || g_str_equal (messages_locale, "C") || g_str_equal (messages_locale, "POSIX") ||
      g_str_has_prefix (messages_locale, "C."))
    {
      if (setlocale (LC_ALL, "C.UTF-8") == NULL)
        {
          g_print ("1..0 # SKIP no locale but C, in which gettext does not translate\n");
          return 0;
        }
      setlocale (LC_MESSAGES, "de_DE.UTF-8");
    }

  g_test_add_data_func ("/ncl/locale/de", &german, check_window);
  g_test_add_data_func ("/ncl/locale/fr", &french, check_window);

  return g_test_run ();
}
