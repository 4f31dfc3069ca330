/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>

#include "ncl-nats-agenda-format.h"
#include "ncl-fold.h"
#include "ncl-html.h"
#include "ncl-link.h"
#include "ncl-markup.h"

/*
 * The agenda page (https://nats.io/nats_connect/) is hand-written HTML: a
 * heading with the date and zone ("April 16, 2020 @8am PDT"), a table headed
 * Talk Topic | Speaker(s) | Scheduled Start | Description with one row per
 * session and a row spanning the table for each break, then a "Speaker
 * Information" section of grid items (a name in bold, an affiliation, icon
 * links).
 *
 * The page goes through libxml2's HTML parser and is read off the tree. The
 * agenda is found by its header row's words, never by position: the site's
 * layout has other tables. The page is not valid HTML (a missing </td>, an
 * unclosed <a>), and parsers repair it differently (libxml2 2.9 closes the
 * open cell at the next <td>; an HTML5 tree builder does too, but other
 * repairs nest the next cell inside the open one, or carry an open link
 * into what follows). So nothing here relies on one repair: a row's cells
 * are all the cells under it, nested or not, and each cell's text leaves out
 * the cells nested in it; a speaker is each bold name in a grid item, and
 * reads only up to the next grid item, wherever the parser put it.
 */

G_DEFINE_QUARK (ncl-agenda-error-quark, ncl_agenda_error)

typedef enum
{
  COLUMN_TITLE,
  COLUMN_SPEAKERS,
  COLUMN_START,
  COLUMN_DESCRIPTION,
  N_COLUMNS
} Column;

/* Folded: whitespace collapsed, case folded. */
static const char * const column_headers[N_COLUMNS] = {
  "talk topic", "speaker(s)", "scheduled start", "description",
};

/* The length of the longest of column_headers, in characters. */
#define MAX_HEADER_CHARS 15

/* More columns than a table has; a hostile colspan must not overflow. */
#define MAX_COLSPAN 1000

typedef struct
{
  NclEvent *schedule;
  const char *base_uri;
  GDateTime *fallback_day;  /* the hints': midnight of the event's day, in its zone */
  xmlNode *root;
  xmlNode *header;
  xmlNode *table;
  guint column_of[N_COLUMNS];
  GDateTime *day;
  GDateTime *previous_start;
  guint n_talks;
  char *first_row_problem;
  GHashTable *speaker_names;
} Agenda;

typedef struct
{
  const char *name;
  const char *identifier;
  /* The zone's own abbreviation must agree at the event's date ("PST" in
   * April is a mistake of the page: Los Angeles is on PDT then). */
  gboolean check;
} ZoneName;

static const ZoneName zone_names[] = {
  { "PDT", "America/Los_Angeles", TRUE },
  { "PST", "America/Los_Angeles", TRUE },
  { "PT", "America/Los_Angeles", FALSE },
  { "MDT", "America/Denver", TRUE },
  { "MST", "America/Denver", TRUE },
  { "MT", "America/Denver", FALSE },
  { "CDT", "America/Chicago", TRUE },
  { "CST", "America/Chicago", TRUE },
  { "CT", "America/Chicago", FALSE },
  { "EDT", "America/New_York", TRUE },
  { "EST", "America/New_York", TRUE },
  { "ET", "America/New_York", FALSE },
  { "UTC", "UTC", FALSE },
  { "GMT", "UTC", FALSE },
  { "BST", "Europe/London", TRUE },
  { "CET", "Europe/Berlin", TRUE },
  { "CEST", "Europe/Berlin", TRUE },
};

static const char * const month_names[] = {
  "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december",
};

static const char * const weekday_names[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

/* Never text. */
static const char * const skipped_elements[] = {
  "head", "script", "style", "template", "noscript", "title",
};

/* Elements that start a new line of text. */
static const char * const block_elements[] = {
  "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt",
  "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
  "li", "main", "nav", "ol", "p", "pre", "section", "table", "tr", "ul",
};

static const char * const heading_elements[] = {
  "h1", "h2", "h3", "h4", "h5", "h6",
};

static gboolean
is_cell (xmlNode *node)
{
  return ncl_html_element_is (node, "td") || ncl_html_element_is (node, "th");
}

static gboolean
is_ancestor (xmlNode *ancestor,
             xmlNode *node)
{
  for (xmlNode *up = node->parent; up != NULL; up = up->parent)
    {
      if (up == ancestor)
        return TRUE;
    }

  return FALSE;
}

/* Goes into @node's children when @descend; counts in @blocks_left the block
 * elements it leaves on the way to the next node. */
static xmlNode *
tree_next (xmlNode  *node,
           xmlNode  *root,
           gboolean  descend,
           guint    *blocks_left)
{
  return ncl_html_tree_next (node, root, descend,
                             block_elements, G_N_ELEMENTS (block_elements), blocks_left);
}

/* Collapses every run of spaces (no-break spaces too) into one, trims each
 * line, drops empty lines; with @keep_lines FALSE, lines are joined by a
 * space. */
static char *
normalize_space (const char *text,
                 gboolean    keep_lines)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean pending_space = FALSE;
  gboolean pending_line = FALSE;
  const char *p = text;

  while (*p != '\0')
    {
      const char *word = p;

      /* A run of characters that are not space, copied as it is: ASCII
       * byte by byte, the rest a character at a time. On ASCII,
       * g_unichar_isspace() is true for these five. */
      for (;;)
        {
          if ((guchar)*p < 0x80)
            {
              if (*p == '\0' || *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
                break;
              p++;
            }
          else
            {
              if (g_unichar_isspace (g_utf8_get_char (p)))
                break;
              p = g_utf8_next_char (p);
            }
        }

      if (p > word)
        {
          if (out->len > 0)
            {
              if (pending_line)
                g_string_append_c (out, '\n');
              else if (pending_space)
                g_string_append_c (out, ' ');
            }
          pending_space = pending_line = FALSE;
          g_string_append_len (out, word, p - word);
        }

      if (*p == '\0')
        break;

      if (*p == '\n' && keep_lines)
        pending_line = TRUE;
      else
        pending_space = TRUE;
      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}

static char *
fold_header (const char *text)
{
  g_autofree char *normalized = normalize_space (text, FALSE);

  return g_utf8_casefold (normalized, -1);
}

typedef gboolean (*SkipFunc) (xmlNode *node,
                              xmlNode *root);

/* The text under @root, lines broken at <br> and block elements; elements
 * @skip refuses are left out with everything under them. */
static char *
collect_text (xmlNode  *root,
              SkipFunc  skip,
              gboolean  keep_lines)
{
  g_autoptr(GString) text = g_string_new (NULL);
  xmlNode *node = root;

  while (node != NULL)
    {
      guint blocks_left = 0;
      gboolean descend = TRUE;

      if (node->type == XML_ELEMENT_NODE)
        {
          if (node != root &&
              (ncl_html_element_is_one_of (node, skipped_elements,
                                           G_N_ELEMENTS (skipped_elements)) ||
               (skip != NULL && skip (node, root))))
            descend = FALSE;
          else if (ncl_html_element_is (node, "br") ||
                   ncl_html_element_is_one_of (node, block_elements, G_N_ELEMENTS (block_elements)))
            g_string_append_c (text, '\n');
        }
      else if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) &&
               node->content != NULL)
        g_string_append (text, (const char *)node->content);

      node = tree_next (node, root, descend, &blocks_left);
      if (blocks_left > 0)
        g_string_append_c (text, '\n');
    }

  return normalize_space (text->str, keep_lines);
}

/* Cells, rows and tables nested in a cell are not its text. */
static gboolean
skip_nested_cells (xmlNode *node,
                   xmlNode *root)
{
  return is_cell (node) || ncl_html_element_is (node, "tr") || ncl_html_element_is (node, "table");
}

static gboolean
skip_nested_items (xmlNode *node,
                   xmlNode *root)
{
  return ncl_html_has_class (node, "grid-item");
}

static char *
cell_text (xmlNode  *cell,
           gboolean  keep_lines)
{
  return collect_text (cell, skip_nested_cells, keep_lines);
}

static guint
cell_colspan (xmlNode *cell)
{
  g_autofree char *value = ncl_html_get_attribute (cell, "colspan");
  guint64 colspan;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, MAX_COLSPAN, &colspan, NULL))
    return 1;

  return (guint)colspan;
}

/* Every cell of @row, in order, including cells a parser nested inside the
 * one before (a missing </td>); not those of rows or tables nested in it. */
static GPtrArray *
row_cells (xmlNode *row)
{
  GPtrArray *cells = g_ptr_array_new ();
  xmlNode *node = row;

  while (node != NULL)
    {
      gboolean descend = TRUE;

      if (node != row && (ncl_html_element_is (node, "tr") || ncl_html_element_is (node, "table")))
        descend = FALSE;
      else if (is_cell (node))
        g_ptr_array_add (cells, node);

      node = tree_next (node, row, descend, NULL);
    }

  return cells;
}

static long
line_of (xmlNode *node)
{
  return xmlGetLineNo (node);
}

static void
add_row_problem (Agenda     *agenda,
                 guint       row_number,
                 xmlNode    *row,
                 const char *problem)
{
  g_autofree char *message = NULL;

  /* Translators: a row of the agenda that cannot be read, for example
   * "Row 7 (line 84): no start time". */
  message = g_strdup_printf (_("Row %u (line %ld): %s"), row_number, line_of (row), problem);
  ncl_event_add_problem (agenda->schedule, message);

  if (agenda->first_row_problem == NULL)
    agenda->first_row_problem = g_steal_pointer (&message);
}

/* Whether @row is the agenda's header; fills @column_of with where each of
 * the four columns is. */
static gboolean
is_header_row (xmlNode *row,
               guint    column_of[N_COLUMNS])
{
  g_autoptr(GPtrArray) cells = row_cells (row);
  gboolean found[N_COLUMNS] = { FALSE, };
  guint position = 0;

  for (guint i = 0; i < cells->len; i++)
    {
      xmlNode *cell = g_ptr_array_index (cells, i);
      g_autofree char *raw = cell_text (cell, FALSE);
      g_autofree char *folded = NULL;

      /* Case folding never makes fewer characters: a cell longer than the
       * longest header cannot be one, and every row of a long table was
       * folded here for nothing. */
      if (g_utf8_strlen (raw, MAX_HEADER_CHARS + 1) > MAX_HEADER_CHARS)
        {
          position += cell_colspan (cell);
          continue;
        }
      folded = fold_header (raw);

      for (guint column = 0; column < N_COLUMNS; column++)
        {
          if (!found[column] && strcmp (folded, column_headers[column]) == 0)
            {
              found[column] = TRUE;
              column_of[column] = position;
            }
        }

      position += cell_colspan (cell);
    }

  for (guint column = 0; column < N_COLUMNS; column++)
    {
      if (!found[column])
        return FALSE;
    }

  return TRUE;
}

static gboolean
find_agenda_table (Agenda *agenda)
{
  for (xmlNode *node = agenda->root;
       node != NULL;
       node = ncl_html_next_in_tree (node, agenda->root))
    {
      if (!ncl_html_element_is (node, "tr") || !is_header_row (node, agenda->column_of))
        continue;

      agenda->header = node;
      agenda->table = node->parent;
      for (xmlNode *up = node->parent; up != NULL; up = up->parent)
        {
          if (ncl_html_element_is (up, "table"))
            {
              agenda->table = up;
              break;
            }
        }

      return TRUE;
    }

  return FALSE;
}

static char **
split_speakers (xmlNode *cell)
{
  g_autofree char *text = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  if (cell == NULL)
    return g_strv_builder_end (builder);

  /* "Alberto Ricart / Ivan Kozlovic", or one name a line. */
  text = cell_text (cell, TRUE);
  names = g_strsplit_set (text, "/\n", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *name = normalize_space (names[i], FALSE);

      if (name[0] != '\0')
        g_strv_builder_add (builder, name);
    }

  return g_strv_builder_end (builder);
}

static gboolean
description_filter (xmlNode  *node,
                    gpointer  user_data)
{
  xmlNode *cell = user_data;

  return node == cell || !skip_nested_cells (node, cell);
}

static void
set_description (NclSession *session,
                 xmlNode    *cell,
                 const char *base_uri)
{
  g_autoptr(NclMarkupBuilder) builder = ncl_markup_builder_new (base_uri);
  g_autofree char *markup = NULL;
  g_autofree char *text = NULL;

  if (cell != NULL)
    {
      ncl_markup_builder_set_filter (builder, description_filter, cell);
      ncl_markup_builder_append (builder, cell);
    }

  markup = ncl_markup_builder_end (builder, &text);
  ncl_session_set_description (session, markup);
  ncl_session_set_description_text (session, text);
}

static void
read_break_row (Agenda  *agenda,
                guint    row_number,
                xmlNode *row,
                xmlNode *cell)
{
  g_autofree char *title = cell_text (cell, FALSE);
  g_autoptr(NclSession) session = NULL;

  if (cell_colspan (cell) < 2)
    {
      g_autofree char *problem =
        /* Translators: %s is the text of a row of the agenda. */
        g_strdup_printf (_("only one cell (“%s”), and it does not span the table"), title);

      add_row_problem (agenda, row_number, row, problem);
      return;
    }

  session = ncl_session_new (NCL_SESSION_BREAK, title);
  ncl_event_add_session (agenda->schedule, session);
}

static void
read_row (Agenda  *agenda,
          guint    row_number,
          xmlNode *row)
{
  g_autoptr(GPtrArray) cells = row_cells (row);
  xmlNode *cell_of[N_COLUMNS] = { NULL, };
  g_autofree char *title = NULL;
  g_autofree char *start_text = NULL;
  g_auto(GStrv) speakers = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(NclSession) session = NULL;
  guint n_filled = 0;
  guint position = 0;
  guint hour, minute;
  gboolean readable = TRUE;

  for (guint i = 0; i < cells->len; i++)
    {
      g_autofree char *text = cell_text (g_ptr_array_index (cells, i), FALSE);

      if (text[0] != '\0')
        n_filled++;
    }

  /* An empty row is layout, not a session. */
  if (n_filled == 0)
    return;

  if (cells->len == 1)
    {
      read_break_row (agenda, row_number, row, g_ptr_array_index (cells, 0));
      return;
    }

  for (guint i = 0; i < cells->len; i++)
    {
      xmlNode *cell = g_ptr_array_index (cells, i);

      for (guint column = 0; column < N_COLUMNS; column++)
        {
          if (agenda->column_of[column] == position)
            cell_of[column] = cell;
        }

      position += cell_colspan (cell);
    }

  /* A second header row (repeated for long tables). */
  {
    guint ignored[N_COLUMNS];

    if (is_header_row (row, ignored))
      return;
  }

  title = cell_of[COLUMN_TITLE] != NULL ? cell_text (cell_of[COLUMN_TITLE], FALSE) : g_strdup ("");
  start_text = cell_of[COLUMN_START] != NULL ? cell_text (cell_of[COLUMN_START], FALSE) : g_strdup ("");

  if (title[0] == '\0')
    {
      add_row_problem (agenda, row_number, row, _("no talk topic"));
      readable = FALSE;
    }

  if (start_text[0] == '\0')
    {
      add_row_problem (agenda, row_number, row, _("no start time"));
      readable = FALSE;
    }
  else if (!ncl_agenda_parse_time (start_text, &hour, &minute))
    {
      g_autofree char *problem =
        /* Translators: %s is what the agenda has where a start time belongs. */
        g_strdup_printf (_("“%s” is not a start time (such as 8:00am or 12:20pm)"), start_text);

      add_row_problem (agenda, row_number, row, problem);
      readable = FALSE;
    }

  if (!readable)
    return;

  start = g_date_time_new (g_date_time_get_timezone (agenda->day),
                           g_date_time_get_year (agenda->day),
                           g_date_time_get_month (agenda->day),
                           g_date_time_get_day_of_month (agenda->day),
                           hour, minute, 0);

  /* Kept, but said: the page is wrong, or the day changes, which the page
   * cannot say. */
  if (agenda->previous_start != NULL && g_date_time_compare (start, agenda->previous_start) < 0)
    {
      g_autofree char *problem =
        /* Translators: %s is a time of day as the agenda writes it. */
        g_strdup_printf (_("starts at %s, before the session above it"), start_text);

      add_row_problem (agenda, row_number, row, problem);
    }

  speakers = split_speakers (cell_of[COLUMN_SPEAKERS]);

  session = ncl_session_new (NCL_SESSION_TALK, title);
  ncl_session_set_speaker_names (session, (const char * const *)speakers);
  ncl_session_set_start (session, start);
  set_description (session, cell_of[COLUMN_DESCRIPTION], agenda->base_uri);
  ncl_event_add_session (agenda->schedule, session);

  g_clear_pointer (&agenda->previous_start, g_date_time_unref);
  agenda->previous_start = g_date_time_ref (start);
  agenda->n_talks++;
}

static void
read_rows (Agenda *agenda)
{
  guint row_number = 0;
  xmlNode *node = tree_next (agenda->header, agenda->table, FALSE, NULL);

  while (node != NULL)
    {
      gboolean descend = TRUE;

      if (ncl_html_element_is (node, "table"))
        descend = FALSE;
      else if (ncl_html_element_is (node, "tr"))
        read_row (agenda, ++row_number, node);

      node = tree_next (node, agenda->table, descend, NULL);
    }
}

/* The date heading. */

static int
index_of_name (const char         *word,
               const char * const *names,
               gsize               n_names)
{
  g_autofree char *lower = g_ascii_strdown (word, -1);
  gsize length = strlen (lower);

  if (length > 0 && lower[length - 1] == '.')
    lower[--length] = '\0';

  for (gsize i = 0; i < n_names; i++)
    {
      /* Full names, and abbreviations of three letters or more. */
      if (strcmp (lower, names[i]) == 0 ||
          (length >= 3 && strncmp (lower, names[i], length) == 0))
        return (int)i;
    }

  return -1;
}

static gboolean
parse_number (const char *word,
              guint       min,
              guint       max,
              gboolean    ordinal,
              guint      *value)
{
  g_autofree char *digits = g_strdup (word);
  gsize length = strlen (digits);
  guint64 parsed;

  if (ordinal && length > 2 &&
      (g_str_has_suffix (digits, "st") || g_str_has_suffix (digits, "nd") ||
       g_str_has_suffix (digits, "rd") || g_str_has_suffix (digits, "th")))
    digits[length - 2] = '\0';

  if (!g_ascii_string_to_unsigned (digits, 10, min, max, &parsed, NULL))
    return FALSE;

  *value = (guint)parsed;
  return TRUE;
}

static gboolean
is_meridiem (const char *word)
{
  g_autofree char *lower = g_ascii_strdown (word, -1);

  return strcmp (lower, "am") == 0 || strcmp (lower, "pm") == 0 ||
         strcmp (lower, "a.m.") == 0 || strcmp (lower, "p.m.") == 0;
}

typedef struct
{
  guint year;
  guint month;
  guint day;
  guint hour;
  guint minute;
  gboolean has_time;
  char *zone;
} Heading;

static void
heading_clear (Heading *heading)
{
  g_clear_pointer (&heading->zone, g_free);
}

/* "April 16, 2020 @8am PDT", "Thursday, April 16th 2020 at 8:00 AM PDT",
 * "Apr 16, 2020": a date, then optionally a time and a zone, nothing else. */
static gboolean
parse_heading (const char *text,
               Heading    *heading)
{
  g_autoptr(GString) spaced = g_string_new (NULL);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) split = NULL;
  guint i = 0;
  int month;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ',')
        g_string_append_c (spaced, ' ');
      else if (*p == '@')
        g_string_append (spaced, " @ ");
      else
        g_string_append_c (spaced, *p);
    }

  split = g_strsplit (spaced->str, " ", -1);
  for (guint j = 0; split[j] != NULL; j++)
    {
      if (split[j][0] != '\0')
        g_ptr_array_add (words, g_strdup (split[j]));
    }
  g_ptr_array_add (words, NULL);

#define WORD(n) ((const char *)g_ptr_array_index (words, (n)))

  if (WORD (i) != NULL &&
      index_of_name (WORD (i), weekday_names, G_N_ELEMENTS (weekday_names)) >= 0)
    i++;

  if (WORD (i) == NULL ||
      (month = index_of_name (WORD (i), month_names, G_N_ELEMENTS (month_names))) < 0)
    return FALSE;
  i++;

  if (WORD (i) == NULL || !parse_number (WORD (i), 1, 31, TRUE, &heading->day))
    return FALSE;
  i++;

  if (WORD (i) == NULL || strlen (WORD (i)) != 4 ||
      !parse_number (WORD (i), 1, 9999, FALSE, &heading->year))
    return FALSE;
  i++;

  heading->month = month + 1;
  if (!g_date_valid_dmy (heading->day, heading->month, heading->year))
    return FALSE;

  if (WORD (i) != NULL &&
      (strcmp (WORD (i), "@") == 0 || g_ascii_strcasecmp (WORD (i), "at") == 0 ||
       strcmp (WORD (i), "-") == 0 || strcmp (WORD (i), "–") == 0))
    i++;

  if (WORD (i) != NULL)
    {
      if (WORD (i + 1) != NULL && is_meridiem (WORD (i + 1)))
        {
          g_autofree char *joined = g_strconcat (WORD (i), WORD (i + 1), NULL);

          heading->has_time = ncl_agenda_parse_time (joined, &heading->hour, &heading->minute);
          i += 2;
        }
      else
        {
          heading->has_time = ncl_agenda_parse_time (WORD (i), &heading->hour, &heading->minute);
          i++;
        }

      if (!heading->has_time)
        return FALSE;
    }

  if (WORD (i) != NULL)
    heading->zone = g_strdup (WORD (i++));

#undef WORD

  return g_ptr_array_index (words, i) == NULL;
}

static GTimeZone *
zone_for_name (const char *name,
               gboolean   *check)
{
  *check = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (zone_names); i++)
    {
      if (g_ascii_strcasecmp (zone_names[i].name, name) == 0)
        {
          *check = zone_names[i].check;
          return g_time_zone_new_identifier (zone_names[i].identifier);
        }
    }

  /* An identifier: "Europe/Berlin". */
  if (strchr (name, '/') != NULL)
    return g_time_zone_new_identifier (name);

  return NULL;
}

static xmlNode *
find_date_heading (Agenda  *agenda,
                   Heading *heading)
{
  for (xmlNode *node = agenda->root;
       node != NULL;
       node = ncl_html_next_in_tree (node, agenda->root))
    {
      g_autofree char *text = NULL;

      if (!ncl_html_element_is_one_of (node, heading_elements, G_N_ELEMENTS (heading_elements)))
        continue;

      text = collect_text (node, NULL, FALSE);
      if (parse_heading (text, heading))
        return node;

      heading_clear (heading);
      memset (heading, 0, sizeof *heading);
    }

  return NULL;
}

/* The event's name: the heading closest above the date. */
static char *
find_title (Agenda  *agenda,
            xmlNode *date_heading)
{
  xmlNode *title = NULL;

  for (xmlNode *node = agenda->root;
       node != NULL;
       node = ncl_html_next_in_tree (node, agenda->root))
    {
      if (node == date_heading)
        break;

      if (ncl_html_element_is_one_of (node, heading_elements, G_N_ELEMENTS (heading_elements)) &&
          (date_heading != NULL || ncl_html_element_is (node, "h1")))
        {
          g_autofree char *text = collect_text (node, NULL, FALSE);

          if (text[0] != '\0')
            {
              title = node;
              if (date_heading == NULL)
                break;
            }
        }
    }

  return title != NULL ? collect_text (title, NULL, FALSE) : NULL;
}

static void
read_date (Agenda *agenda)
{
  Heading heading = { 0, };
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *title = NULL;
  xmlNode *node = find_date_heading (agenda, &heading);
  gboolean check = FALSE;

  title = find_title (agenda, node);
  ncl_event_set_title (agenda->schedule, title);

  if (node == NULL)
    {
      g_autofree char *day = NULL;
      g_autofree char *problem = NULL;

      /* What the event's description says, else the first of January
       * 1970 in UTC, which the problem names. */
      agenda->day = agenda->fallback_day != NULL ? g_date_time_ref (agenda->fallback_day)
                                                 : g_date_time_new_utc (1970, 1, 1, 0, 0, 0);
      ncl_event_set_date (agenda->schedule, agenda->day);
      day = g_date_time_format (agenda->day, "%Y-%m-%d");
      /* Translators: the first %s is a date (2020-04-16), the second a time
       * zone (America/Los_Angeles) */
      problem = g_strdup_printf (_("The page has no heading with the event’s date "
                                   "(such as “April 16, 2020 @8am PDT”): times are taken "
                                   "as %s in the time zone %s"),
                                 day, g_time_zone_get_identifier (g_date_time_get_timezone (agenda->day)));
      ncl_event_add_problem (agenda->schedule, problem);
      return;
    }

  {
    g_autofree char *text = collect_text (node, NULL, FALSE);

    ncl_event_set_date_text (agenda->schedule, text);
  }
  ncl_event_set_zone_text (agenda->schedule, heading.zone);

  if (heading.zone != NULL)
    zone = zone_for_name (heading.zone, &check);

  if (zone == NULL)
    {
      g_autofree char *problem = NULL;

      zone = agenda->fallback_day != NULL
             ? g_time_zone_ref (g_date_time_get_timezone (agenda->fallback_day))
             : g_time_zone_new_utc ();
      if (heading.zone != NULL)
        /* Translators: the first %s is a time zone as the page names it, the
         * second a time zone identifier (America/Los_Angeles) */
        problem = g_strdup_printf (_("Line %ld: the time zone “%s” is unknown: times are taken "
                                     "in the time zone %s"), line_of (node), heading.zone,
                                   g_time_zone_get_identifier (zone));
      else
        /* Translators: %s is a time zone identifier (America/Los_Angeles) */
        problem = g_strdup_printf (_("Line %ld: the date gives no time zone: times are taken "
                                     "in the time zone %s"), line_of (node),
                                   g_time_zone_get_identifier (zone));
      ncl_event_add_problem (agenda->schedule, problem);
    }

  agenda->day = g_date_time_new (zone, heading.year, heading.month, heading.day, 0, 0, 0);
  date = g_date_time_new (zone, heading.year, heading.month, heading.day,
                          heading.has_time ? heading.hour : 0,
                          heading.has_time ? heading.minute : 0, 0);
  ncl_event_set_date (agenda->schedule, date);

  if (check && g_ascii_strcasecmp (g_date_time_get_timezone_abbreviation (date), heading.zone) != 0)
    {
      g_autofree char *problem =
        /* Translators: both %s are time zone abbreviations, as in "PST" and "PDT". */
        g_strdup_printf (_("Line %ld: the page says %s, but that day the zone is on %s, "
                           "which the times are taken in"),
                         line_of (node), heading.zone,
                         g_date_time_get_timezone_abbreviation (date));

      ncl_event_add_problem (agenda->schedule, problem);
    }

  heading_clear (&heading);
}

/* The speaker list. */

typedef struct
{
  GString *affiliation;
  xmlNode *affiliation_link;
  GPtrArray *links;
} SpeakerParts;

/* The link a text node is in, if not one around the name (a parser that
 * carries an unclosed link into the next item puts it there). */
static xmlNode *
enclosing_link (xmlNode *node,
                xmlNode *item,
                xmlNode *name)
{
  for (xmlNode *up = node->parent; up != NULL && up != item; up = up->parent)
    {
      if (ncl_html_element_is (up, "a"))
        return is_ancestor (up, name) ? NULL : up;
    }

  return NULL;
}

static xmlNode *
find_name (xmlNode *item)
{
  xmlNode *node = item;

  while (node != NULL)
    {
      gboolean descend = TRUE;

      if (node != item && ncl_html_has_class (node, "grid-item"))
        descend = FALSE;
      else if (ncl_html_element_is (node, "strong") || ncl_html_element_is (node, "b"))
        {
          g_autofree char *text = collect_text (node, skip_nested_items, FALSE);

          if (text[0] != '\0')
            return node;
        }

      node = tree_next (node, item, descend, NULL);
    }

  return NULL;
}

/* Reads what follows the name, a line at a time: the first line after it is
 * the affiliation (text, maybe a link), every link is the speaker's. Lines
 * end at <br> and blocks; empty lines do not count. */
static void
read_speaker_parts (xmlNode      *item,
                    xmlNode      *name,
                    SpeakerParts *parts)
{
  guint blocks_left = 0;
  guint line = 0;
  gboolean line_has_content = TRUE;
  xmlNode *node = tree_next (name, item, FALSE, &blocks_left);

  while (node != NULL)
    {
      gboolean descend = TRUE;

      if (blocks_left > 0 && line_has_content)
        {
          line++;
          line_has_content = FALSE;
        }
      blocks_left = 0;

      if (node->type == XML_ELEMENT_NODE)
        {
          if (ncl_html_has_class (node, "grid-item") ||
              ncl_html_element_is_one_of (node, skipped_elements, G_N_ELEMENTS (skipped_elements)))
            descend = FALSE;
          else if (ncl_html_element_is (node, "br") ||
                   ncl_html_element_is_one_of (node, block_elements, G_N_ELEMENTS (block_elements)))
            {
              if (line_has_content)
                {
                  line++;
                  line_has_content = FALSE;
                }
            }
          else if (ncl_html_element_is (node, "a") && !is_ancestor (node, name))
            {
              g_ptr_array_add (parts->links, node);
              line_has_content = TRUE;
            }
          else if (ncl_html_element_is (node, "img"))
            line_has_content = TRUE;
        }
      else if (node->type == XML_TEXT_NODE && node->content != NULL)
        {
          const char *text = (const char *)node->content;

          if (!ncl_html_is_blank_text (text))
            {
              line_has_content = TRUE;

              if (line == 1 && parts->affiliation_link == NULL)
                parts->affiliation_link = enclosing_link (node, item, name);
            }

          if (line == 1)
            g_string_append (parts->affiliation, text);
        }

      node = tree_next (node, item, descend, &blocks_left);
    }
}

static void
read_speaker (Agenda  *agenda,
              xmlNode *item,
              guint    number)
{
  g_autoptr(NclSpeaker) speaker = NULL;
  g_autoptr(GPtrArray) links = g_ptr_array_new ();
  g_autoptr(GString) affiliation_text = g_string_new (NULL);
  g_autofree char *name = NULL;
  g_autofree char *affiliation = NULL;
  SpeakerParts parts = { affiliation_text, NULL, links };
  xmlNode *name_node = find_name (item);

  if (name_node == NULL)
    {
      g_autofree char *text = collect_text (item, skip_nested_items, FALSE);

      if (text[0] != '\0')
        {
          g_autofree char *problem =
            g_strdup_printf (_("Speaker %u (line %ld): no name in bold"), number, line_of (item));

          ncl_event_add_problem (agenda->schedule, problem);
        }
      return;
    }

  name = collect_text (name_node, skip_nested_items, FALSE);

  /* Folded: "Ada Lovelace" and "ADA LOVELACE" are listed twice. */
  if (!g_hash_table_add (agenda->speaker_names, ncl_fold (name)))
    {
      g_autofree char *problem =
        /* Translators: %s is a person's name. */
        g_strdup_printf (_("Speaker %u (line %ld): %s is listed twice"),
                         number, line_of (item), name);

      ncl_event_add_problem (agenda->schedule, problem);
      return;
    }

  read_speaker_parts (item, name_node, &parts);

  speaker = ncl_speaker_new (name);
  affiliation = normalize_space (affiliation_text->str, FALSE);
  if (affiliation[0] != '\0')
    ncl_speaker_set_affiliation (speaker, affiliation);

  if (parts.affiliation_link != NULL)
    {
      g_autofree char *href = ncl_html_get_attribute (parts.affiliation_link, "href");
      g_autofree char *uri = ncl_link_resolve (agenda->base_uri, href);

      if (ncl_link_is_safe (uri))
        ncl_speaker_set_affiliation_url (speaker, uri);
    }

  for (guint i = 0; i < links->len; i++)
    {
      xmlNode *link = g_ptr_array_index (links, i);
      g_autofree char *href = NULL;
      g_autofree char *uri = NULL;

      if (link == parts.affiliation_link || !(href = ncl_html_get_attribute (link, "href")))
        continue;

      uri = ncl_link_resolve (agenda->base_uri, href);
      ncl_speaker_add_link (speaker, uri);
    }

  ncl_event_add_speaker (agenda->schedule, speaker);
}

static gboolean
is_speaker_heading (xmlNode *node)
{
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;

  if (!ncl_html_element_is_one_of (node, heading_elements, G_N_ELEMENTS (heading_elements)))
    return FALSE;

  text = collect_text (node, NULL, FALSE);
  folded = fold_header (text);

  return strcmp (folded, "speaker information") == 0 || strcmp (folded, "speakers") == 0;
}

/* The grid items after the agenda (after the "Speaker Information" heading
 * when there is one), each with a name in bold. */
static void
read_speakers (Agenda *agenda)
{
  xmlNode *start = tree_next (agenda->table, agenda->root, FALSE, NULL);
  guint number = 0;

  for (xmlNode *node = start; node != NULL; node = ncl_html_next_in_tree (node, agenda->root))
    {
      if (is_speaker_heading (node))
        {
          start = node;
          break;
        }
    }

  for (xmlNode *node = start; node != NULL; node = ncl_html_next_in_tree (node, agenda->root))
    {
      if (ncl_html_has_class (node, "grid-item"))
        read_speaker (agenda, node, ++number);
    }
}

/**
 * ncl_agenda_parse_time:
 * @text: a time as the agenda writes it: "8:00am", "12:20pm", "8am",
 *   "8:00 AM", "8:00 a.m.", or on a 24-hour clock "14:30", "08:00"
 * @hour: (out): 0 to 23
 * @minute: (out): 0 to 59
 *
 * "12:00pm" is noon and "12:05am" five past midnight. A time from 1:00 to
 * 11:59 without am or pm (and without a leading zero) could be either, and
 * is refused rather than guessed. Text that is not UTF-8 is not a time.
 *
 * Returns: whether @text is a time
 */
gboolean
ncl_agenda_parse_time (const char *text,
                       guint      *hour,
                       guint      *minute)
{
  g_autofree char *normalized = NULL;
  g_autoptr(GString) suffix = g_string_new (NULL);
  const char *p;
  guint h = 0, m = 0, hour_digits = 0;
  gboolean leading_zero, has_minutes = FALSE;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (hour != NULL && minute != NULL, FALSE);

  /* normalize_space() steps by UTF-8 characters: a stray lead byte would
   * step it past the end. A time is ASCII anyway. */
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  normalized = normalize_space (text, FALSE);
  p = normalized;
  leading_zero = *p == '0';

  while (g_ascii_isdigit (*p) && hour_digits < 3)
    {
      h = h * 10 + (*p++ - '0');
      hour_digits++;
    }

  if (hour_digits == 0 || hour_digits > 2)
    return FALSE;

  if (*p == ':' || (*p == '.' && g_ascii_isdigit (p[1])))
    {
      p++;
      if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]) || g_ascii_isdigit (p[2]))
        return FALSE;
      m = (p[0] - '0') * 10 + (p[1] - '0');
      p += 2;
      has_minutes = TRUE;
    }

  for (; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '.')
        continue;
      g_string_append_c (suffix, g_ascii_tolower (*p));
    }

  if (m > 59)
    return FALSE;

  if (strcmp (suffix->str, "am") == 0 || strcmp (suffix->str, "pm") == 0)
    {
      if (h < 1 || h > 12)
        return FALSE;

      h %= 12;
      if (suffix->str[0] == 'p')
        h += 12;
    }
  else if (suffix->len == 0 && has_minutes)
    {
      if (h > 23 || (h >= 1 && h <= 11 && !leading_zero))
        return FALSE;
    }
  else
    return FALSE;

  *hour = h;
  *minute = m;
  return TRUE;
}

/**
 * ncl_agenda_parse:
 * @bytes: the agenda page's HTML
 * @hints: (nullable): what the event's description knows: the page's
 *   address (links resolve against it) and the event's day and zone
 *
 * Reads the event's agenda and speaker list. Rows and speakers that cannot
 * be read are left out and named in the event's problems, as is a page
 * without a date heading (times are then taken on the hints' day, in its
 * zone) or with a zone it does not know (the hints' zone).
 *
 * Returns: (transfer full) (nullable): the schedule, or %NULL with @error
 *   set to a #NclAgendaError
 */
NclEvent *
ncl_agenda_parse (GBytes               *bytes,
                  const NclParseHints  *hints,
                  GError              **error)
{
  const char *base_uri = hints != NULL ? hints->base_uri : NULL;
  g_autoptr(NclEvent) schedule = NULL;
  Agenda agenda = { 0, };
  const char *data;
  const char *invalid;
  gsize length;
  guint too_deep_at_line;
  xmlDoc *doc;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);

  if (length == 0 || ncl_html_is_ascii_blank (data, length))
    {
      g_set_error (error, NCL_AGENDA_ERROR, NCL_AGENDA_ERROR_EMPTY,
                   _("The agenda page is empty"));
      return NULL;
    }

  if (length > NCL_AGENDA_MAX_SIZE)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS |
                                                            G_FORMAT_SIZE_LONG_FORMAT);
      g_autofree char *limit = g_format_size_full (NCL_AGENDA_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, NCL_AGENDA_ERROR, NCL_AGENDA_ERROR_TOO_LARGE,
                   _("The agenda page is %s, larger than the %s a page may have"), size, limit);
      return NULL;
    }

  /* Also refuses NUL bytes, which would cut strings short further on. */
  if (!g_utf8_validate_len (data, length, &invalid))
    {
      gsize offset = invalid - data;

      g_set_error (error, NCL_AGENDA_ERROR, NCL_AGENDA_ERROR_INVALID_UTF8,
                   /* Translators: %u are a line number and a byte position */
                   _("Line %u: the agenda page is not valid UTF-8 text (byte %u)"),
                   ncl_html_line_of_offset (data, offset), (guint)(offset + 1));
      return NULL;
    }

  doc = ncl_html_parse_full (data, length, base_uri, &too_deep_at_line);
  agenda.root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  agenda.base_uri = base_uri;
  agenda.fallback_day = hints != NULL ? hints->date : NULL;

  if (agenda.root == NULL || !find_agenda_table (&agenda))
    {
      if (too_deep_at_line > 0)
        g_set_error (error, NCL_AGENDA_ERROR, NCL_AGENDA_ERROR_NOT_AGENDA,
                     /* Translators: %u are a line number and a number of levels */
                     _("Line %u: the agenda page nests its elements more than %u deep, "
                       "and has no agenda table before that"),
                     too_deep_at_line, NCL_HTML_MAX_DEPTH);
      else
        g_set_error (error, NCL_AGENDA_ERROR, NCL_AGENDA_ERROR_NOT_AGENDA,
                     _("This page has no agenda table (a table headed Talk Topic, Speaker(s), "
                       "Scheduled Start, Description)"));
      g_clear_pointer (&doc, xmlFreeDoc);
      return NULL;
    }

  schedule = ncl_event_new ();
  agenda.schedule = schedule;

  read_date (&agenda);
  read_rows (&agenda);

  if (agenda.n_talks > 0)
    {
      agenda.speaker_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      read_speakers (&agenda);
      g_clear_pointer (&agenda.speaker_names, g_hash_table_unref);
    }

  g_clear_pointer (&agenda.day, g_date_time_unref);
  g_clear_pointer (&agenda.previous_start, g_date_time_unref);
  g_clear_pointer (&doc, xmlFreeDoc);

  if (agenda.n_talks == 0)
    {
      if (agenda.first_row_problem != NULL)
        /* Translators: %s says what is wrong with the first row, as in
         * "Row 1 (line 12): no start time". */
        g_set_error (error, NCL_AGENDA_ERROR, NCL_AGENDA_ERROR_NO_SESSIONS,
                     _("The agenda table has no session that can be read (%s)"),
                     agenda.first_row_problem);
      else
        g_set_error (error, NCL_AGENDA_ERROR, NCL_AGENDA_ERROR_NO_SESSIONS,
                     _("The agenda table has no sessions"));
      g_free (agenda.first_row_problem);
      return NULL;
    }

  g_free (agenda.first_row_problem);
  ncl_event_link (schedule);

  return g_steal_pointer (&schedule);
}

/* An HTML page with a table: the agenda page's shape. Whether the table is
 * the agenda the parser says, with a message naming the columns. */
static gboolean
agenda_sniff (const char *data,
              gsize       length)
{
  static const char table[] = "<table";
  const char *p = ncl_html_skip_blank_start (data, length);
  const char *end = data + length;

  if (p == end || *p != '<')
    return FALSE;

  for (; end - p >= (gssize) strlen (table); p++)
    {
      if (g_ascii_strncasecmp (p, table, strlen (table)) == 0)
        return TRUE;
    }

  return FALSE;
}

const NclFormat ncl_nats_agenda_format = {
  .name = "nats-agenda-html",
  .description = N_("an agenda page (HTML with a table of talks and times)"),
  .max_size = NCL_AGENDA_MAX_SIZE,
  .sniff = agenda_sniff,
  .parse = ncl_agenda_parse,
};
