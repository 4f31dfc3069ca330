/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ncl-front-matter.h"

#include "ncl-fuzz.h"

/* The TOML subset between the "+++" lines, and the keys the post parser
 * reads from it. */

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
  static const char * const keys[] = { "title", "date", "author", "tags", "categories", "x-y_z" };
  const char *text = (const char *)data;
  g_autoptr(NclFrontMatter) front_matter = NULL;
  g_autoptr(GError) error = NULL;
  gsize body_offset = G_MAXSIZE;
  guint body_line = 0;

  /* The post parser hands over only valid UTF-8 without NUL bytes; inputs
   * outside that contract stay out of the corpus. */
  if (!g_utf8_validate_len (text, size, NULL))
    return -1;

  front_matter = ncl_front_matter_parse (text, size, &body_offset, &body_line, &error);
  if (front_matter == NULL)
    {
      ncl_fuzz_check_error ("a refused front matter", error);
      return 0;
    }

  if (body_offset > size || body_line < 2)
    ncl_fuzz_fail ("the body", "starts outside the post", NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GError) string_error = NULL;
      g_autoptr(GError) strv_error = NULL;
      gboolean has_key = ncl_front_matter_has_key (front_matter, keys[i]);
      const char *value = ncl_front_matter_get_string (front_matter, keys[i], &string_error);
      const char * const *values = ncl_front_matter_get_strv (front_matter, keys[i], &strv_error);

      /* A key that is set is either a string or a list, never both. */
      if (has_key != ((value != NULL) != (values != NULL)))
        ncl_fuzz_fail (keys[i], "is both or neither a string and a list", NULL);
      if (has_key && ncl_front_matter_get_line (front_matter, keys[i]) < 2)
        ncl_fuzz_fail (keys[i], "has no line", NULL);

      ncl_fuzz_check_text (keys[i], value);
      for (gsize j = 0; values != NULL && values[j] != NULL; j++)
        ncl_fuzz_check_text (keys[i], values[j]);
    }

  return 0;
}
