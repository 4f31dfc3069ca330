/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cmark.h>
#include <glib/gi18n.h>
#include <libxml/HTMLparser.h>

#include "ncl-event.h"
#include "ncl-front-matter.h"
#include "ncl-html.h"
#include "ncl-link.h"
#include "ncl-markup.h"
#include "ncl-post-format.h"

/*
 * A post is Hugo front matter, then Markdown. The Markdown goes through
 * cmark; the body is cut into sections at each "### N. Title" heading. Each
 * section's HTML (cmark's rendering, which keeps the post's raw HTML) goes
 * through libxml2's HTML parser, and the talk is read off the tree: the
 * "grid-container" holds the description, the slides and video links and
 * the slide picture. Links are told apart by their host, never by their
 * position or logo, since revisions of the post move them around.
 */

#define MAX_TALK_NUMBER 99999

G_DEFINE_QUARK (ncl-post-error-quark, ncl_post_error)

typedef struct
{
  guint number;
  guint line;
  char *title;
  GString *html;
} Section;

typedef struct
{
  /* The links and picture of one talk, filled while walking its tree. */
  char *slides_url;
  char *video_url;
  char *picture_url;
  char *picture_alt;
  char *link_alt;
  xmlNode *picture;
  const char *base_uri;
  /* Anchors already classified: the picture search and the description
   * both ask about the same few links (A GHashTable cost more than this). */
  GArray *anchors;
} TalkParts;

typedef struct
{
  xmlNode *node;
  NclLinkKind kind;
  char *uri;
} Anchor;

static void
anchor_clear (gpointer data)
{
  g_free (((Anchor *)data)->uri);
}

static void
section_clear (gpointer data)
{
  Section *section = data;

  g_clear_pointer (&section->title, g_free);
  if (section->html != NULL)
    g_string_free (g_steal_pointer (&section->html), TRUE);
}

static void
talk_parts_clear (TalkParts *parts)
{
  g_clear_pointer (&parts->slides_url, g_free);
  g_clear_pointer (&parts->video_url, g_free);
  g_clear_pointer (&parts->picture_url, g_free);
  g_clear_pointer (&parts->picture_alt, g_free);
  g_clear_pointer (&parts->link_alt, g_free);
  g_clear_pointer (&parts->anchors, g_array_unref);
}

static xmlNode *
find_by_class (xmlNode    *root,
               const char *class_name)
{
  for (xmlNode *node = root; node != NULL; node = ncl_html_next_in_tree (node, root))
    {
      if (node->type == XML_ELEMENT_NODE && ncl_html_has_class (node, class_name))
        return node;
    }

  return NULL;
}

/* The links a card turns into its buttons. */
static gboolean
is_media (NclLinkKind kind)
{
  return kind == NCL_LINK_SLIDES || kind == NCL_LINK_VIDEO;
}

static NclLinkKind
classify_anchor (xmlNode    *node,
                 TalkParts  *parts,
                 char      **resolved)
{
  g_autofree char *href = NULL;
  Anchor anchor = { node, NCL_LINK_WEB_PAGE, NULL };

  if (!ncl_html_element_is (node, "a"))
    return NCL_LINK_WEB_PAGE;

  if (parts->anchors == NULL)
    {
      parts->anchors = g_array_new (FALSE, FALSE, sizeof (Anchor));
      g_array_set_clear_func (parts->anchors, anchor_clear);
    }

  for (guint i = 0; i < parts->anchors->len; i++)
    {
      Anchor *known = &g_array_index (parts->anchors, Anchor, i);

      if (known->node == node)
        {
          if (resolved != NULL)
            *resolved = g_strdup (known->uri);
          return known->kind;
        }
    }

  if ((href = ncl_html_get_attribute (node, "href")))
    {
      anchor.uri = ncl_link_resolve (parts->base_uri, href);
      anchor.kind = ncl_link_classify (anchor.uri);
    }
  g_array_append_val (parts->anchors, anchor);

  if (resolved != NULL)
    *resolved = g_strdup (anchor.uri);

  return anchor.kind;
}

static gboolean
inside_media_link (xmlNode   *node,
                   xmlNode   *root,
                   TalkParts *parts)
{
  for (xmlNode *up = node->parent; up != NULL && up != root->parent; up = up->parent)
    {
      if (is_media (classify_anchor (up, parts, NULL)))
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_text (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = ncl_html_next_in_tree (child, node))
    {
      if (child->type == XML_TEXT_NODE && child->content != NULL &&
          !ncl_html_is_ascii_blank ((const char *)child->content,
                                    strlen ((const char *)child->content)))
        return TRUE;
    }

  return FALSE;
}

/* Records the slides and video links; keeps them out of the description
 * unless they carry words of their own ("watch the recording"). */
static gboolean
description_filter (xmlNode  *node,
                    gpointer  user_data)
{
  TalkParts *parts = user_data;
  g_autofree char *uri = NULL;
  g_autofree char *alt = NULL;
  NclLinkKind kind;

  if (!ncl_html_element_is (node, "a"))
    return TRUE;

  if (parts->link_alt == NULL && (alt = ncl_html_get_attribute (node, "alt")))
    parts->link_alt = g_steal_pointer (&alt);

  kind = classify_anchor (node, parts, &uri);

  if (kind == NCL_LINK_SLIDES && parts->slides_url == NULL)
    parts->slides_url = g_strdup (uri);
  else if (kind == NCL_LINK_VIDEO && parts->video_url == NULL)
    parts->video_url = g_strdup (uri);

  return !is_media (kind) || has_text (node);
}

static void
find_picture (TalkParts *parts,
              xmlNode   *root)
{
  xmlNode *last = NULL;

  for (xmlNode *node = root; node != NULL; node = ncl_html_next_in_tree (node, root))
    {
      if (!ncl_html_element_is (node, "img"))
        continue;

      last = node;
      if (!inside_media_link (node, root, parts))
        {
          parts->picture = node;
          break;
        }
    }

  /* A picture that is itself a link to the slides: the post's right column
   * is its last item, so the last picture is the slide. */
  if (parts->picture == NULL && last != NULL && ncl_html_has_class (root, "grid-container"))
    {
      guint n_items = 0;

      for (xmlNode *child = root->children; child != NULL; child = child->next)
        if (child->type == XML_ELEMENT_NODE)
          n_items++;

      if (n_items >= 2)
        parts->picture = last;
    }

  if (parts->picture != NULL)
    {
      g_autofree char *src = ncl_html_get_attribute (parts->picture, "src");

      parts->picture_url = ncl_link_resolve (parts->base_uri, src);
      if (!ncl_link_is_safe (parts->picture_url) ||
          g_str_has_prefix (parts->picture_url, "mailto:"))
        g_clear_pointer (&parts->picture_url, g_free);

      parts->picture_alt = ncl_html_get_attribute (parts->picture, "alt");
    }
}

/* The top-level node of the section that holds the grid. */
static xmlNode *
top_level_ancestor (xmlNode *node,
                    xmlNode *body)
{
  while (node->parent != NULL && node->parent != body)
    node = node->parent;

  return node;
}

static NclHighlight *
build_talk (Section         *section,
            htmlParserCtxt  *context,
            const char      *base_uri,
            gboolean         is_last,
            char           **trailing_markup,
            GError         **error)
{
  g_autoptr(NclMarkupBuilder) description = ncl_markup_builder_new (base_uri);
  g_autoptr(NclMarkupBuilder) trailing = ncl_markup_builder_new (base_uri);
  g_autoptr(NclHighlight) talk = ncl_highlight_new (section->number, section->title);
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;
  TalkParts parts = { .base_uri = base_uri };
  xmlDoc *doc;
  xmlNode *body;
  xmlNode *grid;
  xmlNode *split;

  doc = ncl_html_parse_with (context, section->html->str, section->html->len, base_uri);

  /* Showing the part before would lose the rest without a word. */
  if (ncl_html_context_too_deep (context) != 0)
    {
      g_set_error (error, NCL_POST_ERROR, NCL_POST_ERROR_TOO_DEEP,
                   /* Translators: %u are the talk's number and the line of its heading */
                   _("Talk %u (line %u): its HTML nests elements more than 256 deep, "
                     "more than the app reads"),
                   section->number, section->line);
      g_clear_pointer (&doc, xmlFreeDoc);
      return NULL;
    }

  body = doc != NULL ? ncl_html_body (doc) : NULL;

  if (body != NULL)
    {
      grid = find_by_class (body, "grid-container");
      split = grid != NULL ? top_level_ancestor (grid, body) : NULL;

      find_picture (&parts, grid != NULL ? grid : body);
      ncl_markup_builder_set_filter (description, description_filter, &parts);
      ncl_markup_builder_set_filter (trailing, description_filter, &parts);

      /* Before and in the grid: the talk. After it: words that close the
       * section (for the last talk, the post's closing). */
      if (split == NULL)
        ncl_markup_builder_append (description, body);
      else
        {
          xmlNode *child = body->children;

          for (; child != NULL && child != split->next; child = child->next)
            ncl_markup_builder_append (description, child);
          /* Words between two talks belong to the talk above them; after
           * the last talk they are the post's closing. */
          if (!is_last)
            ncl_markup_builder_paragraph (description);
          for (; child != NULL; child = child->next)
            ncl_markup_builder_append (is_last ? trailing : description, child);
        }
    }

  markup = ncl_markup_builder_end (description, &text);
  ncl_highlight_set_description (talk, markup);
  ncl_highlight_set_description_text (talk, text);
  ncl_highlight_set_slides_url (talk, parts.slides_url);
  ncl_highlight_set_video_url (talk, parts.video_url);
  ncl_highlight_set_picture_url (talk, parts.picture_url);
  ncl_highlight_set_picture_alt (talk, parts.picture_alt != NULL ? parts.picture_alt : parts.link_alt);

  *trailing_markup = ncl_markup_builder_end (trailing, NULL);

  talk_parts_clear (&parts);
  g_clear_pointer (&doc, xmlFreeDoc);

  return g_steal_pointer (&talk);
}

static char *
heading_text (cmark_node *heading)
{
  g_autoptr(GString) text = g_string_new (NULL);
  cmark_iter *iter = cmark_iter_new (heading);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event != CMARK_EVENT_ENTER)
        continue;

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          g_string_append (text, cmark_node_get_literal (node));
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (text, ' ');
          break;
        default:
          break;
        }
    }

  cmark_iter_free (iter);

  return g_strstrip (g_string_free (g_steal_pointer (&text), FALSE));
}

/* "1. Serverless and OpenFaaS and NATS" → 1, "Serverless and OpenFaaS and NATS" */
static gboolean
split_talk_heading (const char  *text,
                    guint       *number,
                    char       **title)
{
  const char *p = text;
  guint64 value = 0;

  if (!g_ascii_isdigit (*p))
    return FALSE;

  while (g_ascii_isdigit (*p))
    {
      value = value * 10 + (*p - '0');
      if (value > MAX_TALK_NUMBER)
        return FALSE;
      p++;
    }

  if (*p != '.' && *p != ')')
    return FALSE;
  p++;

  while (g_ascii_isspace (*p))
    p++;

  if (ncl_html_is_blank_text (p) || value == 0)
    return FALSE;

  *number = (guint)value;
  *title = g_strdup (p);
  return TRUE;
}

static void
append_rendered (GString    *html,
                 cmark_node *node)
{
  char *rendered = cmark_render_html (node, CMARK_OPT_UNSAFE);

  g_string_append (html, rendered);
  free (rendered);
}

static GDateTime *
parse_date (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  guint64 year, month, day;

  if (strlen (text) == 10 && text[4] == '-' && text[7] == '-')
    {
      g_autofree char *copy = g_strdup (text);

      copy[4] = copy[7] = '\0';
      if (g_ascii_string_to_unsigned (copy, 10, 1, 9999, &year, NULL) &&
          g_ascii_string_to_unsigned (copy + 5, 10, 1, 12, &month, NULL) &&
          g_ascii_string_to_unsigned (copy + 8, 10, 1, 31, &day, NULL) &&
          g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year))
        return g_date_time_new_utc ((int)year, (int)month, (int)day, 0, 0, 0);

      return NULL;
    }

  return g_date_time_new_from_iso8601 (text, utc);
}

/* A post's error is a post error: the front matter's keep their message and
 * get the post's code for the same problem. */
static void
propagate_front_matter_error (GError **error,
                              GError  *front_matter_error)
{
  static const NclPostError codes[] = {
    [NCL_FRONT_MATTER_ERROR_MISSING] = NCL_POST_ERROR_FRONT_MATTER_MISSING,
    [NCL_FRONT_MATTER_ERROR_UNCLOSED] = NCL_POST_ERROR_FRONT_MATTER_UNCLOSED,
    [NCL_FRONT_MATTER_ERROR_SYNTAX] = NCL_POST_ERROR_FRONT_MATTER_SYNTAX,
    [NCL_FRONT_MATTER_ERROR_TYPE] = NCL_POST_ERROR_FRONT_MATTER_TYPE,
    [NCL_FRONT_MATTER_ERROR_DUPLICATE] = NCL_POST_ERROR_FRONT_MATTER_DUPLICATE,
  };

  g_assert (front_matter_error != NULL);

  if (front_matter_error->domain == NCL_FRONT_MATTER_ERROR &&
      front_matter_error->code >= 0 && front_matter_error->code < (int)G_N_ELEMENTS (codes))
    {
      front_matter_error->domain = NCL_POST_ERROR;
      front_matter_error->code = codes[front_matter_error->code];
    }

  g_propagate_error (error, front_matter_error);
}

static gboolean
read_front_matter (NclFrontMatter  *front_matter,
                   NclArticle     **event,
                   GError         **error)
{
  const char *title;
  const char *date;
  const char *author;
  const char * const *tags;
  const char * const *categories;
  GError *local_error = NULL;

  title = ncl_front_matter_get_string (front_matter, "title", &local_error);
  if (local_error == NULL && (title == NULL || ncl_html_is_blank_text (title)))
    g_set_error (&local_error, NCL_POST_ERROR, NCL_POST_ERROR_MISSING_TITLE,
                 _("The front matter has no “title”"));
  if (local_error == NULL)
    date = ncl_front_matter_get_string (front_matter, "date", &local_error);
  if (local_error == NULL)
    author = ncl_front_matter_get_string (front_matter, "author", &local_error);
  if (local_error == NULL)
    tags = ncl_front_matter_get_strv (front_matter, "tags", &local_error);
  if (local_error == NULL)
    categories = ncl_front_matter_get_strv (front_matter, "categories", &local_error);

  if (local_error != NULL)
    {
      propagate_front_matter_error (error, local_error);
      return FALSE;
    }

  *event = ncl_article_new (title);

  if (date != NULL)
    {
      g_autoptr(GDateTime) parsed = parse_date (date);

      if (parsed == NULL)
        {
          g_set_error (error, NCL_POST_ERROR, NCL_POST_ERROR_BAD_DATE,
                       _("Line %u: “%s” is not a date (expected YYYY-MM-DD)"),
                       ncl_front_matter_get_line (front_matter, "date"), date);
          g_clear_object (event);
          return FALSE;
        }

      ncl_article_set_date (*event, parsed);
    }

  ncl_article_set_author (*event, author);
  ncl_article_set_tags (*event, tags);
  ncl_article_set_categories (*event, categories);

  return TRUE;
}

static char *
markup_from_html_string (GString    *html,
                         const char *base_uri)
{
  return ncl_markup_from_html (html->str, html->len, base_uri, NULL);
}

/**
 * ncl_post_parse:
 * @bytes: the post, as published (front matter and Markdown)
 * @base_uri: (nullable): the page the post is shown at; relative links and
 *   pictures resolve against it (%NCL_POST_PAGE_URI for the bundled post)
 *
 * Returns: (transfer full) (nullable): the event's highlights and the
 *   article around them (%NCL_EVENT_PART_HIGHLIGHTS), or %NULL with @error
 *   set to a #NclPostError that says what is wrong and on which line
 */
NclEvent *
ncl_post_parse (GBytes      *bytes,
                const char  *base_uri,
                GError     **error)
{
  g_autoptr(NclFrontMatter) front_matter = NULL;
  g_autoptr(NclArticle) article = NULL;
  g_autoptr(NclEvent) event = NULL;
  g_autoptr(GArray) sections = NULL;
  g_autoptr(GHashTable) numbers = g_hash_table_new (NULL, NULL);
  gpointer first_line;
  g_autoptr(GString) intro_html = NULL;
  g_autofree char *intro = NULL;
  g_autofree char *closing = NULL;
  htmlParserCtxt *context;
  const char *data;
  const char *invalid;
  gsize length;
  gsize body_offset = 0;
  guint body_line = 1;
  cmark_node *document;
  GError *local_error = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);

  if (length == 0 || ncl_html_is_ascii_blank (data, length))
    {
      g_set_error (error, NCL_POST_ERROR, NCL_POST_ERROR_EMPTY,
                   _("The post is empty"));
      return NULL;
    }

  if (length > NCL_POST_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (NCL_POST_MAX_SIZE);

      g_set_error (error, NCL_POST_ERROR, NCL_POST_ERROR_TOO_LARGE,
                   _("The post is %s, larger than the %s a post may have"), size, limit);
      return NULL;
    }

  /* Also refuses NUL bytes, which would cut strings short further on. */
  if (!g_utf8_validate_len (data, length, &invalid))
    {
      gsize offset = invalid - data;

      g_set_error (error, NCL_POST_ERROR, NCL_POST_ERROR_INVALID_UTF8,
                   /* Translators: %u are a line number and a byte position */
                   _("Line %u: the post is not valid UTF-8 text (byte %u)"),
                   ncl_html_line_of_offset (data, offset), (guint)(offset + 1));
      return NULL;
    }

  front_matter = ncl_front_matter_parse (data, length, &body_offset, &body_line, &local_error);
  if (front_matter == NULL)
    {
      propagate_front_matter_error (error, local_error);
      return NULL;
    }

  if (!read_front_matter (front_matter, &article, error))
    return NULL;
  ncl_article_set_uri (article, base_uri);
  event = ncl_event_new ();
  ncl_event_set_article (event, article);

  sections = g_array_new (FALSE, TRUE, sizeof (Section));
  g_array_set_clear_func (sections, section_clear);
  intro_html = g_string_new (NULL);

  document = cmark_parse_document (data + body_offset, length - body_offset, CMARK_OPT_DEFAULT);

  for (cmark_node *node = cmark_node_first_child (document);
       node != NULL;
       node = cmark_node_next (node))
    {
      guint line = cmark_node_get_start_line (node) + body_line - 1;

      if (cmark_node_get_type (node) == CMARK_NODE_HEADING &&
          cmark_node_get_heading_level (node) == 3)
        {
          g_autofree char *text = heading_text (node);
          Section section = { .line = line };

          if (!split_talk_heading (text, &section.number, &section.title))
            {
              g_set_error (error, NCL_POST_ERROR, NCL_POST_ERROR_TALK_HEADING,
                           _("Line %u: the heading “%s” has no talk number (expected “### 1. Title”)"),
                           line, text);
              cmark_node_free (document);
              return NULL;
            }

          if (g_hash_table_lookup_extended (numbers, GUINT_TO_POINTER (section.number),
                                            NULL, &first_line))
            {
              g_set_error (error, NCL_POST_ERROR, NCL_POST_ERROR_DUPLICATE_TALK,
                           _("Line %u: talk %u appears twice (first on line %u)"),
                           line, section.number, GPOINTER_TO_UINT (first_line));
              g_free (section.title);
              cmark_node_free (document);
              return NULL;
            }
          g_hash_table_insert (numbers, GUINT_TO_POINTER (section.number), GUINT_TO_POINTER (line));

          section.html = g_string_new (NULL);
          g_array_append_val (sections, section);
          continue;
        }

      if (sections->len == 0)
        append_rendered (intro_html, node);
      else
        append_rendered (g_array_index (sections, Section, sections->len - 1).html, node);
    }

  cmark_node_free (document);

  if (sections->len == 0)
    {
      g_set_error (error, NCL_POST_ERROR, NCL_POST_ERROR_NO_TALKS,
                   _("The post has no talks: no “### 1. Title” heading was found"));
      return NULL;
    }

  intro = markup_from_html_string (intro_html, base_uri);
  ncl_article_set_intro (article, intro);

  /* One parser context for all the talks' fragments. */
  context = htmlNewParserCtxt ();

  for (guint i = 0; i < sections->len; i++)
    {
      Section *section = &g_array_index (sections, Section, i);
      g_autofree char *trailing = NULL;
      gboolean is_last = i + 1 == sections->len;
      g_autoptr(NclHighlight) talk = build_talk (section, context, base_uri, is_last, &trailing, error);

      if (talk == NULL)
        {
          g_clear_pointer (&context, htmlFreeParserCtxt);
          return NULL;
        }

      if (is_last)
        closing = g_steal_pointer (&trailing);

      ncl_event_add_highlight (event, talk);
    }

  g_clear_pointer (&context, htmlFreeParserCtxt);

  ncl_article_set_closing (article, closing);

  return g_steal_pointer (&event);
}

/* Hugo's front matter opens a post: a "+++" line, after any blank lines. */
static gboolean
post_sniff (const char *data,
            gsize       length)
{
  const char *p = ncl_html_skip_blank_start (data, length);
  const char *end = data + length;

  return end - p >= 3 && memcmp (p, "+++", 3) == 0;
}

static NclEvent *
post_parse (GBytes               *bytes,
            const NclParseHints  *hints,
            GError              **error)
{
  return ncl_post_parse (bytes, hints != NULL ? hints->base_uri : NULL, error);
}

const NclFormat ncl_post_format = {
  .name = "post",
  .description = N_("a post (front matter between “+++” lines, then Markdown)"),
  .max_size = NCL_POST_MAX_SIZE,
  .sniff = post_sniff,
  .parse = post_parse,
};
