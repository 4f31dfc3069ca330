/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ncl-html-template.h"

/* Pages the app generates (error pages, the video player) are HTML
 * templates in the GResource with {{name}} placeholders. Filling them is one
 * pass: every value is escaped for text and attribute context alike, and a
 * value that contains "{{title}}" comes out literally, never re-expanded. */

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

/**
 * ncl_html_template_fill:
 * @keys_and_values: pairs of placeholder name and value, %NULL-terminated
 *
 * Returns: (transfer full) (nullable): the page, or %NULL with @error when
 *   the template names a placeholder it was not given (a typo in the
 *   template must not ship as a blank)
 */
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

char *
ncl_html_template_fill (const char          *template_html,
                        const char * const  *keys_and_values,
                        GError             **error)
{
  g_autoptr(GString) out = NULL;
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

  return g_string_free (g_steal_pointer (&out), FALSE);
}
