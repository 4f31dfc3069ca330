/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>

#include "ncl-link.h"
#include "ncl-markup.h"

/* Deeper than any real page; a hostile one must not exhaust the stack. */
#define MAX_DEPTH 256

typedef enum
{
  BLOCK_NONE,
  BLOCK_LINE,
  BLOCK_PARAGRAPH,
} BlockKind;

typedef struct
{
  const char *html;
  const char *open;
  const char *close;
  BlockKind block;
} ElementInfo;

static const ElementInfo elements[] = {
  { "a", NULL, "</a>", BLOCK_NONE },
  { "b", "<b>", "</b>", BLOCK_NONE },
  { "strong", "<b>", "</b>", BLOCK_NONE },
  { "i", "<i>", "</i>", BLOCK_NONE },
  { "em", "<i>", "</i>", BLOCK_NONE },
  { "cite", "<i>", "</i>", BLOCK_NONE },
  { "u", "<u>", "</u>", BLOCK_NONE },
  { "s", "<s>", "</s>", BLOCK_NONE },
  { "del", "<s>", "</s>", BLOCK_NONE },
  { "code", "<tt>", "</tt>", BLOCK_NONE },
  { "tt", "<tt>", "</tt>", BLOCK_NONE },
  { "kbd", "<tt>", "</tt>", BLOCK_NONE },
  { "sub", "<sub>", "</sub>", BLOCK_NONE },
  { "sup", "<sup>", "</sup>", BLOCK_NONE },
  { "p", NULL, NULL, BLOCK_PARAGRAPH },
  { "h1", "<b>", "</b>", BLOCK_PARAGRAPH },
  { "h2", "<b>", "</b>", BLOCK_PARAGRAPH },
  { "h3", "<b>", "</b>", BLOCK_PARAGRAPH },
  { "h4", "<b>", "</b>", BLOCK_PARAGRAPH },
  { "h5", "<b>", "</b>", BLOCK_PARAGRAPH },
  { "h6", "<b>", "</b>", BLOCK_PARAGRAPH },
  { "blockquote", "<i>", "</i>", BLOCK_PARAGRAPH },
  { "pre", "<tt>", "</tt>", BLOCK_PARAGRAPH },
  { "ul", NULL, NULL, BLOCK_PARAGRAPH },
  { "ol", NULL, NULL, BLOCK_PARAGRAPH },
  { "table", NULL, NULL, BLOCK_PARAGRAPH },
  { "hr", NULL, NULL, BLOCK_PARAGRAPH },
  { "div", NULL, NULL, BLOCK_LINE },
  { "li", NULL, NULL, BLOCK_LINE },
  { "tr", NULL, NULL, BLOCK_LINE },
  { "dt", NULL, NULL, BLOCK_LINE },
  { "dd", NULL, NULL, BLOCK_LINE },
};

/* Never text: layout, scripts, embedded content. */
static const char * const skipped[] = {
  "head", "style", "script", "noscript", "template", "title", "meta", "link",
  "iframe", "object", "embed", "video", "audio", "svg", "math", "img", "picture",
  "button", "input", "select", "textarea", "form",
};

typedef struct
{
  const char *close;
  gsize open_at;
  gboolean written;
  char *open;
} OpenTag;

struct _NclMarkupBuilder
{
  char *base_uri;
  GString *markup;
  GString *plain;
  GArray *stack;
  NclMarkupFilter filter;
  gpointer filter_data;
  guint pending_newlines;
  gboolean pending_space;
  guint in_pre;
  guint link_depth;
};

static void
open_tag_clear (gpointer data)
{
  OpenTag *tag = data;

  g_clear_pointer (&tag->open, g_free);
}

NclMarkupBuilder *
ncl_markup_builder_new (const char *base_uri)
{
  NclMarkupBuilder *self = g_new0 (NclMarkupBuilder, 1);

  self->base_uri = g_strdup (base_uri);
  self->markup = g_string_new (NULL);
  self->plain = g_string_new (NULL);
  self->stack = g_array_new (FALSE, TRUE, sizeof (OpenTag));
  g_array_set_clear_func (self->stack, open_tag_clear);

  return self;
}

void
ncl_markup_builder_free (NclMarkupBuilder *self)
{
  if (self == NULL)
    return;

  g_free (self->base_uri);
  g_string_free (self->markup, TRUE);
  g_string_free (self->plain, TRUE);
  g_array_unref (self->stack);
  g_free (self);
}

/**
 * ncl_markup_builder_set_filter:
 * @filter: called for every element; %FALSE leaves it and its children out
 */
void
ncl_markup_builder_set_filter (NclMarkupBuilder *self,
                               NclMarkupFilter   filter,
                               gpointer          user_data)
{
  g_return_if_fail (self != NULL);

  self->filter = filter;
  self->filter_data = user_data;
}

gboolean
ncl_markup_builder_is_empty (NclMarkupBuilder *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->plain->len == 0;
}

static void
request_break (NclMarkupBuilder *self,
               guint             newlines)
{
  self->pending_newlines = MAX (self->pending_newlines, newlines);
}

void
ncl_markup_builder_paragraph (NclMarkupBuilder *self)
{
  g_return_if_fail (self != NULL);

  request_break (self, 2);
}

/* Separators and tags are written only once text follows them, so that empty
 * elements leave nothing behind and the result never starts or ends blank. */
static void
flush_pending (NclMarkupBuilder *self)
{
  if (self->plain->len > 0)
    {
      if (self->pending_newlines > 0)
        {
          for (guint i = 0; i < self->pending_newlines; i++)
            {
              g_string_append_c (self->markup, '\n');
              g_string_append_c (self->plain, '\n');
            }
        }
      else if (self->pending_space)
        {
          g_string_append_c (self->markup, ' ');
          g_string_append_c (self->plain, ' ');
        }
    }

  self->pending_newlines = 0;
  self->pending_space = FALSE;

  for (guint i = 0; i < self->stack->len; i++)
    {
      OpenTag *tag = &g_array_index (self->stack, OpenTag, i);

      if (!tag->written && tag->open != NULL)
        {
          g_string_append (self->markup, tag->open);
          tag->written = TRUE;
        }
    }
}

static void
append_escaped_run (NclMarkupBuilder *self,
                    const char       *text,
                    gsize             length)
{
  const char *end = text + length;

  flush_pending (self);
  g_string_append_len (self->plain, text, length);

  for (const char *p = text; p < end; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (self->markup, "&amp;"); break;
        case '<': g_string_append (self->markup, "&lt;"); break;
        case '>': g_string_append (self->markup, "&gt;"); break;
        case '"': g_string_append (self->markup, "&quot;"); break;
        case '\'': g_string_append (self->markup, "&#39;"); break;
        default: g_string_append_c (self->markup, *p); break;
        }
    }
}

static inline gboolean
is_html_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static void
append_text (NclMarkupBuilder *self,
             const char       *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *run = p;

      if (is_html_space (*p))
        {
          while (is_html_space (*p))
            {
              if (self->in_pre > 0 && *p == '\n')
                request_break (self, 1);
              p++;
            }

          self->pending_space = TRUE;
          continue;
        }

      while (*p != '\0' && !is_html_space (*p))
        p++;

      append_escaped_run (self, run, p - run);
    }
}

static const ElementInfo *
lookup_element (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (elements); i++)
    {
      if (g_ascii_strcasecmp (elements[i].html, name) == 0)
        return &elements[i];
    }

  return NULL;
}

static gboolean
is_skipped (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (skipped); i++)
    {
      if (g_ascii_strcasecmp (skipped[i], name) == 0)
        return TRUE;
    }

  return FALSE;
}

static char *
link_open_tag (NclMarkupBuilder *self,
               xmlNode          *node)
{
  g_autofree char *resolved = NULL;
  g_autofree char *escaped = NULL;
  xmlChar *href;

  /* Pango cannot nest links; the outer one wins. */
  if (self->link_depth > 0)
    return NULL;

  href = xmlGetProp (node, (const xmlChar *)"href");
  if (href == NULL)
    return NULL;

  resolved = ncl_link_resolve (self->base_uri, (const char *)href);
  xmlFree (href);

  if (!ncl_link_is_safe (resolved))
    return NULL;

  escaped = g_markup_escape_text (resolved, -1);
  return g_strdup_printf ("<a href=\"%s\">", escaped);
}

static void append_node (NclMarkupBuilder *self,
                         xmlNode          *node,
                         guint             depth);

static void
append_children (NclMarkupBuilder *self,
                 xmlNode          *node,
                 guint             depth)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    append_node (self, child, depth + 1);
}

static void
append_element (NclMarkupBuilder *self,
                xmlNode          *node,
                guint             depth)
{
  const char *name = (const char *)node->name;
  const ElementInfo *info;
  OpenTag tag = { 0 };
  gboolean is_link;

  if (g_ascii_strcasecmp (name, "br") == 0)
    {
      self->pending_newlines = MIN (self->pending_newlines + 1, 2);
      self->pending_space = FALSE;
      return;
    }

  if (is_skipped (name))
    return;

  info = lookup_element (name);
  if (info == NULL)
    {
      append_children (self, node, depth);
      return;
    }

  is_link = g_ascii_strcasecmp (name, "a") == 0;

  if (info->block != BLOCK_NONE)
    request_break (self, info->block == BLOCK_PARAGRAPH ? 2 : 1);

  if (g_ascii_strcasecmp (name, "li") == 0)
    append_escaped_run (self, "•\u00a0", strlen ("•\u00a0"));

  tag.open = is_link ? link_open_tag (self, node) : g_strdup (info->open);
  tag.close = info->close;
  g_array_append_val (self->stack, tag);

  if (is_link)
    self->link_depth++;
  if (g_ascii_strcasecmp (name, "pre") == 0)
    self->in_pre++;

  append_children (self, node, depth);

  if (g_ascii_strcasecmp (name, "pre") == 0)
    self->in_pre--;
  if (is_link)
    self->link_depth--;

  {
    OpenTag *top = &g_array_index (self->stack, OpenTag, self->stack->len - 1);

    if (top->written && top->close != NULL)
      g_string_append (self->markup, top->close);

    g_array_set_size (self->stack, self->stack->len - 1);
  }

  if (info->block != BLOCK_NONE)
    request_break (self, info->block == BLOCK_PARAGRAPH ? 2 : 1);
}

static void
append_node (NclMarkupBuilder *self,
             xmlNode          *node,
             guint             depth)
{
  if (depth > MAX_DEPTH)
    return;

  switch (node->type)
    {
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
      if (node->content != NULL)
        append_text (self, (const char *)node->content);
      break;

    case XML_ELEMENT_NODE:
      if (self->filter != NULL && !self->filter (node, self->filter_data))
        break;
      append_element (self, node, depth);
      break;

    case XML_DOCUMENT_NODE:
    case XML_HTML_DOCUMENT_NODE:
    case XML_DOCUMENT_FRAG_NODE:
      append_children (self, node, depth);
      break;

    case XML_ENTITY_REF_NODE:
    case XML_COMMENT_NODE:
    case XML_PI_NODE:
    default:
      break;
    }
}

/**
 * ncl_markup_builder_append:
 * @node: an element, a text node or a whole document
 *
 * Appends @node and everything below it.
 */
void
ncl_markup_builder_append (NclMarkupBuilder *self,
                           xmlNode          *node)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (node != NULL);

  append_node (self, node, 0);
}

/**
 * ncl_markup_builder_end:
 * @plain_text: (out) (optional): the same text without markup
 *
 * Returns: (transfer full): valid Pango markup, possibly empty
 */
char *
ncl_markup_builder_end (NclMarkupBuilder  *self,
                        char             **plain_text)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->stack->len == 0, NULL);

  self->pending_newlines = 0;
  self->pending_space = FALSE;

  if (plain_text != NULL)
    *plain_text = g_strdup (self->plain->str);

  return g_strdup (self->markup->str);
}

#define NCL_HTML_PARSE_OPTIONS \
  (HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT)

xmlDoc *
ncl_html_parse (const char *html,
                gsize       length,
                const char *base_uri)
{
  return ncl_html_parse_with (NULL, html, length, base_uri);
}

/**
 * ncl_html_parse_with:
 * @context: (nullable): a parser context from htmlNewParserCtxt(), reused
 *   from one call to the next
 *
 * Like ncl_html_parse(), with a parser context that is reset rather than
 * made anew: a post parses one HTML fragment per talk, and making a context
 * (and its dictionary) cost as much as parsing a short fragment.
 */
xmlDoc *
ncl_html_parse_with (htmlParserCtxt *context,
                     const char     *html,
                     gsize           length,
                     const char     *base_uri)
{
  g_return_val_if_fail (html != NULL || length == 0, NULL);

  if (length > G_MAXINT)
    return NULL;

  if (context == NULL)
    return htmlReadMemory (length > 0 ? html : "", (int)length, base_uri, "UTF-8",
                           NCL_HTML_PARSE_OPTIONS);

  return htmlCtxtReadMemory (context, length > 0 ? html : "", (int)length, base_uri, "UTF-8",
                             NCL_HTML_PARSE_OPTIONS);
}

/**
 * ncl_html_parse_full:
 * @too_deep_at_line: (out) (optional): 0, or the line where libxml2 stopped
 *   reading because elements nest deeper than it allows (256 levels); the
 *   document then holds what came before
 *
 * Returns: (transfer full) (nullable): the document
 */
xmlDoc *
ncl_html_parse_full (const char *html,
                     gsize       length,
                     const char *base_uri,
                     guint      *too_deep_at_line)
{
  htmlParserCtxtPtr ctxt;
  xmlDoc *doc;

  g_return_val_if_fail (html != NULL || length == 0, NULL);

  if (too_deep_at_line != NULL)
    *too_deep_at_line = 0;

  if ((ctxt = htmlNewParserCtxt ()) == NULL)
    return NULL;

  doc = ncl_html_parse_with (ctxt, html, length, base_uri);

  if (too_deep_at_line != NULL)
    *too_deep_at_line = ncl_html_context_too_deep (ctxt);

  htmlFreeParserCtxt (ctxt);
  return doc;
}

/**
 * ncl_html_context_too_deep:
 * @ctxt: the context of the last ncl_html_parse_with()
 *
 * libxml2 halts (and says "Excessive depth in document") past its depth
 * limit, which keeps a hostile page from exhausting the stack; the
 * document then holds what came before.
 *
 * Returns: 0, or the line where the parse stopped for nesting too deep
 */
guint
ncl_html_context_too_deep (htmlParserCtxt *ctxt)
{
  g_return_val_if_fail (ctxt != NULL, 0);

  if (ctxt->disableSAX != 0 && ctxt->instate == XML_PARSER_EOF &&
      ctxt->lastError.code == XML_ERR_INTERNAL_ERROR)
    return MAX (ctxt->lastError.line, 1);

  return 0;
}

/**
 * ncl_markup_from_html:
 * @html: an HTML fragment, in UTF-8; bytes that are not become U+FFFD
 * @plain_text: (out) (optional): the text without markup
 *
 * Returns: (transfer full): Pango markup for the HTML fragment
 */
char *
ncl_markup_from_html (const char  *html,
                      gsize        length,
                      const char  *base_uri,
                      char       **plain_text)
{
  g_autoptr(NclMarkupBuilder) builder = ncl_markup_builder_new (base_uri);
  g_autofree char *valid = NULL;
  xmlDoc *doc;

  g_return_val_if_fail (html != NULL || length == 0, NULL);

  /* libxml2 copies bytes that are not UTF-8 through to the text, and
   * markup that is not UTF-8 is no markup at all: such bytes (and NULs)
   * become U+FFFD first. */
  if (length > 0 && !g_utf8_validate_len (html, length, NULL))
    {
      valid = g_utf8_make_valid (html, length);
      html = valid;
      length = strlen (valid);
    }

  doc = ncl_html_parse (html, length, base_uri);

  if (doc != NULL)
    {
      ncl_markup_builder_append (builder, (xmlNode *)doc);
      xmlFreeDoc (doc);
    }

  return ncl_markup_builder_end (builder, plain_text);
}
