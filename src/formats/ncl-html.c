/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ncl-html.h"

/**
 * ncl_html_element_is:
 *
 * Returns: whether @node is an element named @name (HTML names are
 *   compared without case)
 */
gboolean
ncl_html_element_is (xmlNode    *node,
                     const char *name)
{
  return node->type == XML_ELEMENT_NODE &&
         g_ascii_strcasecmp ((const char *)node->name, name) == 0;
}

/**
 * ncl_html_element_is_one_of:
 *
 * Returns: whether @node is an element named one of the @n_names @names
 */
gboolean
ncl_html_element_is_one_of (xmlNode            *node,
                            const char * const *names,
                            gsize               n_names)
{
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  for (gsize i = 0; i < n_names; i++)
    {
      if (g_ascii_strcasecmp ((const char *)node->name, names[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * ncl_html_get_attribute:
 *
 * Returns: (transfer full) (nullable): the attribute's value with leading
 *   and trailing whitespace stripped, or %NULL when @node has no such
 *   attribute or it is blank
 */
char *
ncl_html_get_attribute (xmlNode    *node,
                        const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *)name);
  char *result = NULL;

  if (value != NULL)
    {
      result = g_strstrip (g_strdup ((const char *)value));
      xmlFree (value);

      if (result[0] == '\0')
        g_clear_pointer (&result, g_free);
    }

  return result;
}

/**
 * ncl_html_has_class:
 *
 * Returns: whether @node is an element with @class_name among the
 *   whitespace-separated words of its `class` attribute
 */
gboolean
ncl_html_has_class (xmlNode    *node,
                    const char *class_name)
{
  g_autofree char *classes = NULL;
  g_auto(GStrv) tokens = NULL;

  if (node->type != XML_ELEMENT_NODE || !(classes = ncl_html_get_attribute (node, "class")))
    return FALSE;

  tokens = g_strsplit_set (classes, " \t\n\r\f", -1);
  return g_strv_contains ((const char * const *)tokens, class_name);
}

/**
 * ncl_html_tree_next:
 * @node: where the walk is
 * @root: the top of the walk, which it never leaves
 * @descend: whether to go into @node's children
 * @counted: (nullable): names of elements to count when left
 * @n_counted: how many names @counted holds
 * @n_left: (inout) (optional): incremented for each element named in
 *   @counted that the walk leaves on its way to the next node
 *
 * The next node after @node in document order under @root. Iterative, so
 * that hostile nesting cannot exhaust the stack.
 *
 * Returns: (nullable): the next node, or %NULL at the end of @root
 */
xmlNode *
ncl_html_tree_next (xmlNode            *node,
                    xmlNode            *root,
                    gboolean            descend,
                    const char * const *counted,
                    gsize               n_counted,
                    guint              *n_left)
{
  if (descend && node->type == XML_ELEMENT_NODE && node->children != NULL)
    return node->children;

  while (node != root)
    {
      if (n_left != NULL && ncl_html_element_is_one_of (node, counted, n_counted))
        (*n_left)++;

      if (node->next != NULL)
        return node->next;
      node = node->parent;
    }

  return NULL;
}

/**
 * ncl_html_next_in_tree:
 *
 * The next node after @node in document order under @root, children
 * first; see ncl_html_tree_next().
 *
 * Returns: (nullable): the next node, or %NULL at the end of @root
 */
xmlNode *
ncl_html_next_in_tree (xmlNode *node,
                       xmlNode *root)
{
  return ncl_html_tree_next (node, root, TRUE, NULL, 0, NULL);
}

/**
 * ncl_html_body:
 *
 * Returns: (nullable): the document's <body>, or its root element when it
 *   has none, or %NULL for an empty document
 */
xmlNode *
ncl_html_body (xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  if (root == NULL)
    return NULL;

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (ncl_html_element_is (child, "body"))
        return child;
    }

  return root;
}

/**
 * ncl_html_is_ascii_blank:
 *
 * Returns: whether the @length bytes of @text are all ASCII whitespace
 *   (%TRUE when @length is 0)
 */
gboolean
ncl_html_is_ascii_blank (const char *text,
                         gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isspace (text[i]))
        return FALSE;
    }

  return TRUE;
}

/**
 * ncl_html_skip_blank_start:
 *
 * Returns: where @text starts once a UTF-8 byte order mark and ASCII
 *   whitespace are skipped; @text + @length when nothing else is left
 */
const char *
ncl_html_skip_blank_start (const char *text,
                           gsize       length)
{
  const char *p = text;
  const char *end = text + length;

  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;

  return p;
}

/**
 * ncl_html_is_blank_text:
 * @text: UTF-8 text
 *
 * Blank to a reader: also no-break and other Unicode spaces.
 *
 * Returns: whether @text is empty or all Unicode whitespace
 */
gboolean
ncl_html_is_blank_text (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/**
 * ncl_html_line_of_offset:
 *
 * Returns: the line (from 1) that byte @offset of @text is on
 */
guint
ncl_html_line_of_offset (const char *text,
                         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (text[i] == '\n')
        line++;
    }

  return line;
}

/**
 * ncl_html_one_line:
 * @text: (inout): a string, changed in place
 *
 * Makes every run of ASCII whitespace (newlines too) of @text one space,
 * and drops it at the ends: a title or a name is one line, however a file
 * wraps it.
 *
 * Returns: @text
 */
char *
ncl_html_one_line (char *text)
{
  char *out = text;
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space && out != text)
            *out++ = ' ';
          space = FALSE;
          *out++ = *p;
        }
    }
  *out = '\0';

  return text;
}

/**
 * ncl_html_append_plain:
 * @html: where the HTML goes
 * @text: plain text (frab's abstracts, an iCalendar DESCRIPTION)
 *
 * Appends @text as HTML: a blank line starts a paragraph, a newline
 * breaks a line, and everything is escaped. Bytes that are not UTF-8 (a
 * calendar that lies about its charset) become U+FFFD.
 */
void
ncl_html_append_plain (GString    *html,
                       const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_auto(GStrv) paragraphs = g_regex_split_simple ("\\n[ \\t]*\\n\\s*", valid, 0, 0);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) lines = g_strsplit (paragraphs[i], "\n", -1);

      if (ncl_html_is_blank_text (paragraphs[i]))
        continue;

      g_string_append (html, "<p>");
      for (guint j = 0; lines[j] != NULL; j++)
        {
          g_autofree char *escaped = g_markup_escape_text (lines[j], -1);

          if (j > 0)
            g_string_append (html, "<br>");
          g_string_append (html, escaped);
        }
      g_string_append (html, "</p>");
    }
}
