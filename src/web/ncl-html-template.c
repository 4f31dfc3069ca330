/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ncl-html-template.h"

/* Pages the app generates (error pages, the video player) are HTML
 * templates in the GResource with {{name}} placeholders. Filling them is one
 * pass: every value is escaped for text and attribute context alike, and a
 * value that contains "{{title}}" comes out literally, never re-expanded.
 * A section, {{#name}}…{{/name}}, is kept when the value of name is not
 * empty and left out otherwise: how one template holds markup for either
 * of two cases (the player's frame or its video element) without any value
 * ever being markup. */

G_DEFINE_QUARK (ncl-html-template-error-quark, ncl_html_template_error)

static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        default: g_string_append_c (out, *p); break;
        }
    }
}

/**
 * ncl_html_escape:
 *
 * Returns: (transfer full): @text safe inside HTML text and quoted attributes
 */
char *
ncl_html_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  if (text != NULL)
    append_escaped (out, text);

  return g_string_free (out, FALSE);
}

static const char *
lookup (const char * const *keys_and_values,
        const char         *name,
        gsize               name_len)
{
  for (guint i = 0; keys_and_values[i] != NULL && keys_and_values[i + 1] != NULL; i += 2)
    {
      if (strlen (keys_and_values[i]) == name_len &&
          strncmp (keys_and_values[i], name, name_len) == 0)
        return keys_and_values[i + 1];
    }

  return NULL;
}

static guint
count_lines (const char *start,
             const char *end)
{
  guint lines = 0;

  for (const char *p = start; p < end; p++)
    {
      if (*p == '\n')
        lines++;
    }

  return lines;
}

/**
 * ncl_html_template_fill:
 * @keys_and_values: pairs of placeholder name and value, %NULL-terminated
 *
 * Fills `{{name}}` with the value of name, HTML-escaped, and keeps what is
 * between `{{#name}}` and `{{/name}}` only when the value of name is not
 * empty. Sections may nest; a section left out is not read further.
 *
 * Returns: (transfer full) (nullable): the page, or %NULL with @error when
 *   the template names a placeholder it was not given (a typo in the
 *   template must not ship as a blank), or whose sections do not match
 */
char *
ncl_html_template_fill (const char          *template_html,
                        const char * const  *keys_and_values,
                        GError             **error)
{
  g_autoptr(GString) out = NULL;
  g_autoptr(GPtrArray) open_sections = g_ptr_array_new_with_free_func (g_free);
  const char *p = template_html;
  guint line = 1;

  g_return_val_if_fail (template_html != NULL, NULL);
  g_return_val_if_fail (keys_and_values != NULL, NULL);

  out = g_string_sized_new (strlen (template_html) + 256);

  while (*p != '\0')
    {
      const char *open = strstr (p, "{{");
      const char *close;
      const char *value;

      if (open == NULL)
        {
          g_string_append (out, p);
          break;
        }

      g_string_append_len (out, p, open - p);
      line += count_lines (p, open);

      close = strstr (open + 2, "}}");
      if (close == NULL)
        {
          g_set_error (error, NCL_HTML_TEMPLATE_ERROR, NCL_HTML_TEMPLATE_ERROR_UNCLOSED_PLACEHOLDER,
                       /* Translators: %u is a line number */
                       _("Line %u of the page template: “{{” is not closed by “}}”"), line);
          return NULL;
        }

      if (open[2] == '/')
        {
          g_autofree char *name = g_strndup (open + 3, close - open - 3);

          if (open_sections->len == 0 ||
              strcmp (g_ptr_array_index (open_sections, open_sections->len - 1), name) != 0)
            {
              g_set_error (error, NCL_HTML_TEMPLATE_ERROR, NCL_HTML_TEMPLATE_ERROR_BAD_SECTION,
                           /* Translators: %u is a line number, %s a section's name */
                           _("Line %u of the page template: “{{/%s}}” closes no open section"),
                           line, name);
              return NULL;
            }

          g_ptr_array_remove_index (open_sections, open_sections->len - 1);
          line += count_lines (open, close);
          p = close + 2;
          continue;
        }

      if (open[2] == '#')
        {
          g_autofree char *name = g_strndup (open + 3, close - open - 3);
          g_autofree char *end_tag = NULL;
          const char *end;

          value = lookup (keys_and_values, open + 3, close - open - 3);
          if (value == NULL)
            {
              g_set_error (error, NCL_HTML_TEMPLATE_ERROR, NCL_HTML_TEMPLATE_ERROR_UNKNOWN_PLACEHOLDER,
                           /* Translators: %u is a line number, %s a section's name */
                           _("Line %u of the page template: “{{#%s}}” is not a section"),
                           line, name);
              return NULL;
            }

          end_tag = g_strconcat ("{{/", name, "}}", NULL);
          end = strstr (close + 2, end_tag);
          if (end == NULL)
            {
              g_set_error (error, NCL_HTML_TEMPLATE_ERROR, NCL_HTML_TEMPLATE_ERROR_BAD_SECTION,
                           /* Translators: %u is a line number, %s a section's name */
                           _("Line %u of the page template: “{{#%s}}” is not closed by “{{/%s}}”"),
                           line, name, name);
              return NULL;
            }

          if (value[0] != '\0')
            {
              g_ptr_array_add (open_sections, g_steal_pointer (&name));
              line += count_lines (open, close);
              p = close + 2;
            }
          else
            {
              line += count_lines (open, end);
              p = end + strlen (end_tag);
            }
          continue;
        }

      value = lookup (keys_and_values, open + 2, close - open - 2);
      if (value == NULL)
        {
          g_autofree char *name = g_strndup (open + 2, close - open - 2);

          g_set_error (error, NCL_HTML_TEMPLATE_ERROR, NCL_HTML_TEMPLATE_ERROR_UNKNOWN_PLACEHOLDER,
                       /* Translators: %u is a line number, %s a placeholder's name */
                       _("Line %u of the page template: “{{%s}}” is not a placeholder"),
                       line, name);
          return NULL;
        }

      append_escaped (out, value);
      line += count_lines (open, close);
      p = close + 2;
    }

  /* Found closed when it was opened: only one closing tag, misplaced,
   * can be left. */
  if (open_sections->len > 0)
    {
      g_set_error (error, NCL_HTML_TEMPLATE_ERROR, NCL_HTML_TEMPLATE_ERROR_BAD_SECTION,
                   /* Translators: %s is a section's name */
                   _("The page template’s section “{{#%s}}” is not closed where it should be"),
                   (const char *)g_ptr_array_index (open_sections, open_sections->len - 1));
      return NULL;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * ncl_html_page_language:
 *
 * The language of the pages the app writes (the player, the error and PDF
 * pages), as a BCP 47 tag ("pt-BR"), from the locale their labels are
 * translated for; "en" for the C locale.
 *
 * Returns: (transfer full): the tag for `<html lang>`
 */
char *
ncl_html_page_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *tag = NULL;
      gboolean valid = TRUE;

      if (strcmp (names[i], "C") == 0 || strcmp (names[i], "POSIX") == 0 ||
          g_str_has_prefix (names[i], "C."))
        continue;

      /* "sr_RS.UTF-8@latin" → "sr_RS" */
      tag = g_strndup (names[i], strcspn (names[i], ".@"));
      g_strdelimit (tag, "_", '-');

      for (const char *p = tag; *p != '\0'; p++)
        valid = valid && (g_ascii_isalnum (*p) || *p == '-');

      if (valid && tag[0] != '\0')
        return g_steal_pointer (&tag);
    }

  return g_strdup ("en");
}
