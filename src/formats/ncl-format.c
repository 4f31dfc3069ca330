/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ncl-format.h"
#include "ncl-frab-json-format.h"
#include "ncl-html.h"
#include "ncl-ical-format.h"
#include "ncl-nats-agenda-format.h"
#include "ncl-pentabarf-format.h"
#include "ncl-post-format.h"

/*
 * The formats the app reads, and the one way in: the content says which
 * format a document is (never its name or the server's Content-Type), and
 * that format's parser reads it. A format is added here, in this table,
 * and in a file of its own (DESIGN.md, "Adding a format").
 */

/* In the order they are tried: the schedules' own shapes before the
 * agenda page, which any HTML with a table could be. */
static const NclFormat * const formats[] = {
  &ncl_post_format,
  &ncl_pentabarf_format,
  &ncl_frab_json_format,
  &ncl_ical_format,
  &ncl_nats_agenda_format,
};

G_DEFINE_QUARK (ncl-format-error-quark, ncl_format_error)

/**
 * ncl_format_find:
 * @name: a format's name, as an event's description gives it
 *
 * Returns: (nullable): the format, or %NULL when none has that name
 */
const NclFormat *
ncl_format_find (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (g_str_equal (formats[i]->name, name))
        return formats[i];
    }

  return NULL;
}

/**
 * ncl_format_sniff:
 * @bytes: a document
 *
 * Returns: (nullable): the first format whose sniffer recognises @bytes
 */
const NclFormat *
ncl_format_sniff (GBytes *bytes)
{
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (formats[i]->sniff (data, length))
        return formats[i];
    }

  return NULL;
}

/**
 * ncl_format_parse:
 * @bytes: a document
 * @hints: (nullable): what the event's description says of it
 * @format: (out) (optional) (nullable): the format it was read as
 * @error: a #NclFormatError when no format recognises it, else the
 *   format's own error
 *
 * Recognises @bytes (ncl_format_sniff()) and reads it.
 *
 * Returns: (transfer full) (nullable): the event of the parts the document
 *   gives, or %NULL with @error set
 */
NclEvent *
ncl_format_parse (GBytes               *bytes,
                  const NclParseHints  *hints,
                  const NclFormat     **format,
                  GError              **error)
{
  const NclFormat *found;
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (format != NULL)
    *format = NULL;

  data = g_bytes_get_data (bytes, &length);
  if (length == 0 || ncl_html_is_ascii_blank (data, length))
    {
      g_set_error (error, NCL_FORMAT_ERROR, NCL_FORMAT_ERROR_EMPTY,
                   _("The document is empty"));
      return NULL;
    }

  found = ncl_format_sniff (bytes);
  if (found == NULL)
    {
      g_autoptr(GString) expected = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
        {
          if (i > 0)
            /* Translators: goes between the formats the app reads */
            g_string_append (expected, i + 1 < G_N_ELEMENTS (formats) ? _(", ") : _(" or "));
          g_string_append (expected, _(formats[i]->description));
        }
      /* Translators: %s lists the formats, as in "a post (front matter and
       * Markdown) or an agenda page (HTML with the agenda table)" */
      g_set_error (error, NCL_FORMAT_ERROR, NCL_FORMAT_ERROR_UNKNOWN,
                   _("The document is in an unknown format: expected %s"), expected->str);
      return NULL;
    }

  if (format != NULL)
    *format = found;

  return found->parse (bytes, hints, error);
}
