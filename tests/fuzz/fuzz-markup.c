/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ncl-markup.h"
#include "ncl-post-format.h"
#include "ncl-test-nats.h"

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

  /* Any bytes: what is not UTF-8 must not reach the markup. */
  markup = ncl_markup_from_html ((const char *)data, size, NCL_TEST_POST_URI, &plain_text);

  if (markup == NULL)
    ncl_fuzz_fail ("the markup", "is missing", NULL);
  ncl_fuzz_check_markup ("the markup", markup);
  ncl_fuzz_check_text ("the plain text", plain_text);

  return 0;
}
