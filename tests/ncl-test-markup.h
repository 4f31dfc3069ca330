/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Assertions for the parser tests: GLib only, no GTK. */

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

/* Pango reads markup with GMarkup inside a <markup> element; what GMarkup
 * refuses, a label shows as an error instead of the text. */
static inline gboolean
ncl_test_markup_is_valid (const char  *markup,
                          GError     **error)
{
  static const GMarkupParser parser = { 0 };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);

  return g_markup_parse_context_parse (context, "<markup>", -1, error) &&
         g_markup_parse_context_parse (context, markup, -1, error) &&
         g_markup_parse_context_parse (context, "</markup>", -1, error) &&
         g_markup_parse_context_end_parse (context, error);
}

static inline void
ncl_test_collect_text (GMarkupParseContext  *context,
                       const char           *text,
                       gsize                 length,
                       gpointer              user_data,
                       GError              **error)
{
  g_string_append_len (user_data, text, length);
}

/* What a label shows for @markup: its text, entities decoded. */
static inline char *
ncl_test_markup_to_text (const char *markup)
{
  static const GMarkupParser parser = { .text = ncl_test_collect_text };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, text, NULL);

  if (!g_markup_parse_context_parse (context, "<markup>", -1, NULL) ||
      !g_markup_parse_context_parse (context, markup, -1, NULL) ||
      !g_markup_parse_context_parse (context, "</markup>", -1, NULL) ||
      !g_markup_parse_context_end_parse (context, NULL))
    return NULL;

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static inline void
ncl_test_assert_markup_valid (const char *file,
                              int         line,
                              const char *func,
                              const char *expression,
                              const char *markup)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (markup == NULL)
    message = g_strdup_printf ("%s is NULL, not markup", expression);
  else if (!ncl_test_markup_is_valid (markup, &error))
    message = g_strdup_printf ("%s is not well-formed markup (%s): “%s”",
                               expression, error->message, markup);

  if (message != NULL)
    g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
}

static inline void
ncl_test_assert_contains (const char *file,
                          int         line,
                          const char *func,
                          const char *expression,
                          const char *haystack,
                          const char *needle,
                          gboolean    expected)
{
  g_autofree char *message = NULL;

  if (haystack == NULL)
    message = g_strdup_printf ("%s is NULL", expression);
  else if ((strstr (haystack, needle) != NULL) != expected)
    message = g_strdup_printf ("%s %s “%s”: “%s”", expression,
                               expected ? "does not contain" : "contains",
                               needle, haystack);

  if (message != NULL)
    g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
}

#define ncl_assert_markup_valid(markup) \
  ncl_test_assert_markup_valid (__FILE__, __LINE__, G_STRFUNC, #markup, (markup))
#define ncl_assert_contains(haystack, needle) \
  ncl_test_assert_contains (__FILE__, __LINE__, G_STRFUNC, #haystack, (haystack), (needle), TRUE)
#define ncl_assert_not_contains(haystack, needle) \
  ncl_test_assert_contains (__FILE__, __LINE__, G_STRFUNC, #haystack, (haystack), (needle), FALSE)

G_END_DECLS
