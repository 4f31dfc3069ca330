/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ncl-front-matter.h"

/*
 * Hugo front matter between "+++" lines is TOML. Neither Debian 12 nor the
 * GNOME runtime ships a TOML library, so this is a strict parser for the
 * subset posts use: `key = "string"`, `key = 'literal'` and
 * `key = ["array", "of", "strings"]` (arrays may span lines and end with a
 * comma), blank lines and `#` comments. Anything else (numbers, booleans,
 * dates, tables) is an error naming its line, never a silent guess.
 */

G_DEFINE_QUARK (ncl-front-matter-error-quark, ncl_front_matter_error)

typedef struct
{
  GStrv values;
  guint line;
  gboolean is_array;
} Entry;

struct _NclFrontMatter
{
  GHashTable *entries;
};

typedef struct
{
  const char *p;
  const char *end;
  guint line;
} Cursor;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_strfreev (entry->values);
  g_free (entry);
}

void
ncl_front_matter_free (NclFrontMatter *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->entries);
  g_free (self);
}

static gboolean
at_end (Cursor *c)
{
  return c->p >= c->end;
}

/* Skips spaces and tabs and, with @newlines, line ends and comments too. */
static void
skip_blank (Cursor   *c,
            gboolean  newlines)
{
  while (!at_end (c))
    {
      if (*c->p == ' ' || *c->p == '\t' || *c->p == '\r')
        c->p++;
      else if (newlines && *c->p == '\n')
        {
          c->p++;
          c->line++;
        }
      else if (newlines && *c->p == '#')
        {
          while (!at_end (c) && *c->p != '\n')
            c->p++;
        }
      else
        break;
    }
}

static gboolean
syntax_error (Cursor      *c,
              GError     **error,
              const char  *what)
{
  g_set_error (error, NCL_FRONT_MATTER_ERROR, NCL_FRONT_MATTER_ERROR_SYNTAX,
               /* Translators: the first %u is a line number in the post's front matter */
               _("Line %u: %s in the front matter"), c->line, what);
  return FALSE;
}

static gboolean
parse_unicode_escape (Cursor   *c,
                      guint     digits,
                      GString  *out,
                      GError  **error)
{
  gunichar ch = 0;

  for (guint i = 0; i < digits; i++)
    {
      if (at_end (c) || !g_ascii_isxdigit (*c->p))
        return syntax_error (c, error, _("a \\u escape needs hexadecimal digits"));
      ch = (ch << 4) | g_ascii_xdigit_value (*c->p);
      c->p++;
    }

  /* A NUL would end the string early wherever it is used. */
  if (ch == 0 || !g_unichar_validate (ch))
    return syntax_error (c, error, _("a \\u escape is not a valid character"));

  g_string_append_unichar (out, ch);
  return TRUE;
}

static char *
parse_string (Cursor  *c,
              GError **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  char quote = *c->p;

  g_assert (quote == '"' || quote == '\'');
  c->p++;

  while (TRUE)
    {
      char ch;

      if (at_end (c) || *c->p == '\n')
        {
          syntax_error (c, error, _("a string is not closed"));
          return NULL;
        }

      ch = *c->p++;

      if (ch == quote)
        break;

      if (ch == '\\' && quote == '"')
        {
          if (at_end (c))
            {
              syntax_error (c, error, _("a string is not closed"));
              return NULL;
            }

          ch = *c->p++;
          switch (ch)
            {
            case 'b': g_string_append_c (out, '\b'); break;
            case 't': g_string_append_c (out, '\t'); break;
            case 'n': g_string_append_c (out, '\n'); break;
            case 'f': g_string_append_c (out, '\f'); break;
            case 'r': g_string_append_c (out, '\r'); break;
            case '"': g_string_append_c (out, '"'); break;
            case '\\': g_string_append_c (out, '\\'); break;
            case 'u':
              if (!parse_unicode_escape (c, 4, out, error))
                return NULL;
              break;
            case 'U':
              if (!parse_unicode_escape (c, 8, out, error))
                return NULL;
              break;
            default:
              syntax_error (c, error, _("a string has an unknown escape sequence"));
              return NULL;
            }
          continue;
        }

      g_string_append_c (out, ch);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GStrv
parse_array (Cursor  *c,
             GError **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint start_line = c->line;

  g_assert (*c->p == '[');
  c->p++;

  while (TRUE)
    {
      char *value;

      skip_blank (c, TRUE);

      if (at_end (c))
        {
          g_set_error (error, NCL_FRONT_MATTER_ERROR, NCL_FRONT_MATTER_ERROR_SYNTAX,
                       _("Line %u: a list opened here is not closed with “]”"), start_line);
          return NULL;
        }

      if (*c->p == ']')
        {
          c->p++;
          break;
        }

      if (*c->p != '"' && *c->p != '\'')
        {
          g_set_error (error, NCL_FRONT_MATTER_ERROR, NCL_FRONT_MATTER_ERROR_TYPE,
                       _("Line %u: a list in the front matter may only hold strings"), c->line);
          return NULL;
        }

      if (!(value = parse_string (c, error)))
        return NULL;
      g_strv_builder_add (builder, value);
      g_free (value);

      skip_blank (c, TRUE);

      if (!at_end (c) && *c->p == ',')
        c->p++;
      else if (!at_end (c) && *c->p != ']')
        {
          syntax_error (c, error, _("list items must be separated by commas"));
          return NULL;
        }
    }

  return g_strv_builder_end (builder);
}

static gboolean
is_key_char (char ch)
{
  return g_ascii_isalnum (ch) || ch == '_' || ch == '-';
}

static gboolean
parse_entry (NclFrontMatter  *self,
             Cursor          *c,
             GError         **error)
{
  g_autofree char *key = NULL;
  Entry *entry;
  guint line = c->line;

  if (*c->p == '"' || *c->p == '\'')
    {
      if (!(key = parse_string (c, error)))
        return FALSE;
    }
  else
    {
      const char *start = c->p;

      while (!at_end (c) && is_key_char (*c->p))
        c->p++;

      if (c->p == start)
        {
          if (*c->p == '[')
            {
              g_set_error (error, NCL_FRONT_MATTER_ERROR, NCL_FRONT_MATTER_ERROR_TYPE,
                           _("Line %u: tables are not supported in the front matter"), line);
              return FALSE;
            }
          return syntax_error (c, error, _("expected “key = value”"));
        }

      key = g_strndup (start, c->p - start);
    }

  skip_blank (c, FALSE);
  if (at_end (c) || *c->p != '=')
    return syntax_error (c, error, _("expected “=” after a key"));
  c->p++;
  skip_blank (c, FALSE);

  if (g_hash_table_contains (self->entries, key))
    {
      g_set_error (error, NCL_FRONT_MATTER_ERROR, NCL_FRONT_MATTER_ERROR_DUPLICATE,
                   _("Line %u: “%s” is set twice in the front matter"), line, key);
      return FALSE;
    }

  entry = g_new0 (Entry, 1);
  entry->line = line;

  if (!at_end (c) && (*c->p == '"' || *c->p == '\''))
    {
      char *value = parse_string (c, error);

      if (value == NULL)
        {
          entry_free (entry);
          return FALSE;
        }

      entry->values = g_new0 (char *, 2);
      entry->values[0] = value;
    }
  else if (!at_end (c) && *c->p == '[')
    {
      entry->is_array = TRUE;
      if (!(entry->values = parse_array (c, error)))
        {
          entry_free (entry);
          return FALSE;
        }
    }
  else
    {
      entry_free (entry);
      g_set_error (error, NCL_FRONT_MATTER_ERROR, NCL_FRONT_MATTER_ERROR_TYPE,
                   _("Line %u: the value of “%s” is not a string or a list of strings"),
                   line, key);
      return FALSE;
    }

  g_hash_table_insert (self->entries, g_steal_pointer (&key), entry);

  /* Only a comment may follow a value on its line. */
  skip_blank (c, FALSE);
  if (!at_end (c) && *c->p == '#')
    while (!at_end (c) && *c->p != '\n')
      c->p++;
  if (!at_end (c) && *c->p != '\n')
    return syntax_error (c, error, _("unexpected text after a value"));

  return TRUE;
}

static gboolean
is_delimiter_line (const char *line,
                   const char *end)
{
  const char *p = line;

  if (end - p < 3 || strncmp (p, "+++", 3) != 0)
    return FALSE;

  for (p += 3; p < end && *p != '\n'; p++)
    {
      if (*p != ' ' && *p != '\t' && *p != '\r')
        return FALSE;
    }

  return TRUE;
}

static const char *
next_line (const char *p,
           const char *end)
{
  const char *nl = memchr (p, '\n', end - p);

  return nl != NULL ? nl + 1 : end;
}

/**
 * ncl_front_matter_parse:
 * @text: the whole post, valid UTF-8
 * @body_offset: (out): where the Markdown body starts
 * @body_line: (out): the line number (from 1) the body starts on
 *
 * Returns: (transfer full) (nullable): the front matter, or %NULL with @error
 */
NclFrontMatter *
ncl_front_matter_parse (const char  *text,
                        gsize        length,
                        gsize       *body_offset,
                        guint       *body_line,
                        GError     **error)
{
  g_autoptr(NclFrontMatter) self = NULL;
  const char *end = text + length;
  const char *p = text;
  const char *closing = NULL;
  guint closing_line = 0;
  guint line = 2;
  Cursor c;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  if (!is_delimiter_line (p, end))
    {
      g_set_error (error, NCL_FRONT_MATTER_ERROR, NCL_FRONT_MATTER_ERROR_MISSING,
                   _("Line 1: the post does not start with front matter (a “+++” line)"));
      return NULL;
    }

  p = next_line (p, end);

  for (const char *l = p; l < end; l = next_line (l, end), line++)
    {
      if (is_delimiter_line (l, end))
        {
          closing = l;
          closing_line = line;
          break;
        }
    }

  if (closing == NULL)
    {
      g_set_error (error, NCL_FRONT_MATTER_ERROR, NCL_FRONT_MATTER_ERROR_UNCLOSED,
                   _("Line 1: the front matter opened here is not closed by a “+++” line"));
      return NULL;
    }

  self = g_new0 (NclFrontMatter, 1);
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);

  c.p = p;
  c.end = closing;
  c.line = 2;

  while (TRUE)
    {
      skip_blank (&c, TRUE);
      if (at_end (&c))
        break;

      if (!parse_entry (self, &c, error))
        return NULL;
    }

  if (body_offset != NULL)
    *body_offset = next_line (closing, end) - text;
  if (body_line != NULL)
    *body_line = closing_line + 1;

  return g_steal_pointer (&self);
}

gboolean
ncl_front_matter_has_key (NclFrontMatter *self,
                          const char     *key)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return g_hash_table_contains (self->entries, key);
}

guint
ncl_front_matter_get_line (NclFrontMatter *self,
                           const char     *key)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, 0);

  entry = g_hash_table_lookup (self->entries, key);
  return entry != NULL ? entry->line : 0;
}

/**
 * ncl_front_matter_get_string:
 *
 * Returns: (nullable): the string value of @key, %NULL when it is not set,
 *   or %NULL with @error when it is a list
 */
const char *
ncl_front_matter_get_string (NclFrontMatter  *self,
                             const char      *key,
                             GError         **error)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, NULL);

  entry = g_hash_table_lookup (self->entries, key);
  if (entry == NULL)
    return NULL;

  if (entry->is_array)
    {
      g_set_error (error, NCL_FRONT_MATTER_ERROR, NCL_FRONT_MATTER_ERROR_TYPE,
                   _("Line %u: “%s” must be a string, not a list"), entry->line, key);
      return NULL;
    }

  return entry->values[0];
}

/**
 * ncl_front_matter_get_strv:
 *
 * Returns: (nullable): the list value of @key, %NULL when it is not set, or
 *   %NULL with @error when it is a single string
 */
const char * const *
ncl_front_matter_get_strv (NclFrontMatter  *self,
                           const char      *key,
                           GError         **error)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, NULL);

  entry = g_hash_table_lookup (self->entries, key);
  if (entry == NULL)
    return NULL;

  if (!entry->is_array)
    {
      g_set_error (error, NCL_FRONT_MATTER_ERROR, NCL_FRONT_MATTER_ERROR_TYPE,
                   _("Line %u: “%s” must be a list of strings"), entry->line, key);
      return NULL;
    }

  return (const char * const *)entry->values;
}
