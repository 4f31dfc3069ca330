/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ncl-markup.h"
#include "ncl-post-parser.h"

#include "ncl-fuzz.h"

/* HTML to Pango markup. Whatever the HTML, the markup must be well formed:
 * a label shows markup that GMarkup refuses as an error instead of the
 * text, and markup that smuggles a tag through would style or link the
 * page's text as the page's author chose. */

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
  g_autofree char *markup = NULL;
  g_autofree char *plain_text = NULL;

  /* Both parsers hand over only text they checked is UTF-8 (libxml2 copies
   * invalid bytes through to the markup); inputs outside that contract stay
   * out of the corpus. */
  if (!g_utf8_validate_len ((const char *)data, size, NULL))
    return -1;

  markup = ncl_markup_from_html ((const char *)data, size, NCL_POST_PAGE_URI, &plain_text);

  if (markup == NULL)
    ncl_fuzz_fail ("the markup", "is missing", NULL);
  ncl_fuzz_check_markup ("the markup", markup);
  ncl_fuzz_check_text ("the plain text", plain_text);

  return 0;
}
