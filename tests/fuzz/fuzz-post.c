/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ncl-post-format.h"
#include "ncl-highlight.h"
#include "ncl-test-nats.h"

#include "ncl-fuzz.h"

/* A whole post (front matter, Markdown with HTML in it) as a hostile server
 * could send it: what parses must be something the window can show. */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  ncl_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(NclEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *talks;

  event = ncl_post_parse (bytes, NCL_TEST_POST_URI, &error);
  if (event == NULL)
    {
      ncl_fuzz_check_error ("a refused post", error);
      return 0;
    }

  ncl_fuzz_check_text ("the event title", ncl_article_get_title (ncl_event_get_article (event)));
  ncl_fuzz_check_text ("the author", ncl_article_get_author (ncl_event_get_article (event)));
  ncl_fuzz_check_markup ("the introduction", ncl_article_get_intro (ncl_event_get_article (event)));
  ncl_fuzz_check_markup ("the closing words", ncl_article_get_closing (ncl_event_get_article (event)));

  talks = ncl_event_get_highlights (event);
  if (g_list_model_get_n_items (talks) == 0)
    ncl_fuzz_fail ("the event", "parsed without talks", NULL);

  for (guint i = 0; i < g_list_model_get_n_items (talks); i++)
    {
      g_autoptr(NclHighlight) talk = g_list_model_get_item (talks, i);

      ncl_fuzz_check_text ("a talk title", ncl_highlight_get_title (talk));
      ncl_fuzz_check_markup ("a talk description", ncl_highlight_get_description (talk));
      ncl_fuzz_check_text ("a talk description's text", ncl_highlight_get_description_text (talk));
      ncl_fuzz_check_text ("a slides link", ncl_highlight_get_slides_url (talk));
      ncl_fuzz_check_text ("a video link", ncl_highlight_get_video_url (talk));
      ncl_fuzz_check_text ("a picture link", ncl_highlight_get_picture_url (talk));
      ncl_fuzz_check_text ("a picture description", ncl_highlight_get_picture_alt (talk));
    }

  return 0;
}
