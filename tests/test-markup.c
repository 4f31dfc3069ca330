/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "ncl-link.h"
#include "ncl-markup.h"
#include "ncl-test-markup.h"

#define BASE_URI "https://nats.io/blog/nats-connect-live-2020/"

/* Converts @html and checks what holds for every input: the markup is
 * well-formed and its text is the plain text given alongside. */
static char *
convert (const char *html)
{
  g_autofree char *plain = NULL;
  g_autofree char *shown = NULL;
  char *markup;

  /* Long inputs are generated; their source says what they are. */
  if (strlen (html) < 1000)
    g_test_message ("HTML: %s", html);
  markup = ncl_markup_from_html (html, strlen (html), BASE_URI, &plain);

  ncl_assert_markup_valid (markup);
  shown = ncl_test_markup_to_text (markup);
  g_assert_cmpstr (plain, ==, shown);

  return markup;
}

static void
assert_converts (const char *html,
                 const char *expected)
{
  g_autofree char *markup = convert (html);

  g_assert_cmpstr (markup, ==, expected);
}

static void
test_escaping (void)
{
  assert_converts ("Q&amp;A: 1 &lt; 2 &gt; 0, \"double\" and 'single'",
                   "Q&amp;A: 1 &lt; 2 &gt; 0, &quot;double&quot; and &#39;single&#39;");
  /* Bare characters that HTML forgives. */
  assert_converts ("Q&A: 1 < 2 > 0 &bogus;", "Q&amp;A: 1 &lt; 2 &gt; 0 &amp;bogus;");
  assert_converts ("<b>&lt;b&gt;</b>", "<b>&lt;b&gt;</b>");
  assert_converts ("Launch &#x1F680; &eacute;", "Launch 🚀 é");
}

static void
test_whitespace (void)
{
  assert_converts ("  lots   of\n\n  space\there  ", "lots of space here");
  assert_converts ("a <b> bold </b> c", "a <b>bold</b> c");
  assert_converts ("<p>  one  </p>   <p>  two  </p>", "one\n\ntwo");
  /* A no-break space is content, not spacing. */
  assert_converts ("a&nbsp;&nbsp;b", "a\u00a0\u00a0b");
}

static void
test_line_breaks (void)
{
  assert_converts ("one<br>two", "one\ntwo");
  assert_converts ("one <br/> two", "one\ntwo");
  assert_converts ("<p>one</p><p>two</p>", "one\n\ntwo");
  /* However many breaks: at most one blank line. */
  assert_converts ("one<br><br><br><br>two", "one\n\ntwo");
  assert_converts ("<p>one</p><br><br><p></p><br><p>two</p>", "one\n\ntwo");
  /* Never a blank line before or after the text. */
  assert_converts ("<br><br><p></p><p>text</p><p></p><br><br>", "text");
  assert_converts ("\n\n<p>\n\ntext\n\n</p>\n\n", "text");
  assert_converts ("<p><br></p>", "");
}

static void
test_blocks (void)
{
  assert_converts ("<h3>Heading</h3>Paragraph", "<b>Heading</b>\n\nParagraph");
  assert_converts ("<div>one</div><div>two</div>", "one\ntwo");
  assert_converts ("<ul><li>one</li><li>two</li></ul>after", "•\u00a0one\n•\u00a0two\n\nafter");
}

static void
test_inline (void)
{
  assert_converts ("<strong>s</strong> <em>e</em> <code>c</code> <u>u</u> <del>d</del>",
                   "<b>s</b> <i>e</i> <tt>c</tt> <u>u</u> <s>d</s>");
  /* Misnested tags are repaired, never passed on. */
  assert_converts ("<b>bold <i>both</b> italic</i>", "<b>bold <i>both</i></b> italic");
  assert_converts ("</a>stray</b> closing</i>", "stray closing");
  /* Empty elements leave nothing behind. */
  assert_converts ("a<b></b><i> </i>b", "a b");
}

static void
test_links_resolved (void)
{
  assert_converts ("<a href=\"https://nats.io/nats_connect\">schedule</a>",
                   "<a href=\"https://nats.io/nats_connect\">schedule</a>");
  assert_converts ("<a href=\"/img/x.png\">root</a> <a href=\"other/\">relative</a>",
                   "<a href=\"https://nats.io/img/x.png\">root</a> "
                   "<a href=\"https://nats.io/blog/nats-connect-live-2020/other/\">relative</a>");
  assert_converts ("<a href=\"mailto:derek@nats.io\">mail</a>",
                   "<a href=\"mailto:derek@nats.io\">mail</a>");
  /* Attribute values are escaped like text. */
  assert_converts ("<a href=\"https://www.youtube.com/watch?v=J0zb&amp;list=P&quot;L\">v</a>",
                   "<a href=\"https://www.youtube.com/watch?v=J0zb&amp;list=P&quot;L\">v</a>");
}

static void
test_links_unsafe (void)
{
  assert_converts ("<a href=\"javascript:alert(1)\">script</a>, "
                   "<a href=\"JavaScript:alert(1)\">Script</a>, "
                   "<a href=\"file:///etc/passwd\">file</a>, "
                   "<a href=\"data:text/html,hi\">data</a> and "
                   "<a>no target</a>",
                   "script, Script, file, data and no target");
}

static void
test_links_nested (void)
{
  /* Pango cannot nest links: the outer one wins, the words stay. */
  assert_converts ("<a href=\"https://a.example/\">outer "
                   "<span><a href=\"https://b.example/\">inner</a></span> tail</a>",
                   "<a href=\"https://a.example/\">outer inner tail</a>");
  assert_converts ("<a href=\"https://a.example/\">"
                   "<b><a href=\"https://b.example/\">inner</a></b></a>",
                   "<a href=\"https://a.example/\"><b>inner</b></a>");
}

static void
test_links_images_only (void)
{
  /* A link with nothing to read is nothing to click. */
  assert_converts ("<a href=\"https://www.youtube.com/watch?v=J0zbYbvYiM8\">\n"
                   "  <img src=\"/img/social/youtube.png\" height=\"60\" width=\"85\">\n"
                   "</a>",
                   "");
  assert_converts ("before <a href=\"https://www.slideshare.net/x\"><img src=\"x.png\"></a> after",
                   "before after");
}

static void
test_dropped (void)
{
  assert_converts ("<style>.grid-container { display: grid; }</style>"
                   "<script>alert(1)</script>"
                   "<iframe src=\"https://example.org/\">frame</iframe>"
                   "<form><button>Go</button><textarea>typed</textarea></form>"
                   "<svg><text>drawn</text></svg>"
                   "<!-- a comment -->"
                   "Kept.",
                   "Kept.");
  assert_converts ("<p>one<script>two</script>three</p>", "onethree");
}

static void
test_unknown_tags (void)
{
  assert_converts ("<blink>blinking</blink> <custom-element>custom</custom-element> "
                   "<span>span</span>",
                   "blinking custom span");
  assert_converts ("<section><article>in a section</article></section>", "in a section");
}

static void
test_empty (void)
{
  g_autofree char *plain = NULL;
  g_autofree char *markup = ncl_markup_from_html (NULL, 0, BASE_URI, &plain);

  g_assert_cmpstr (markup, ==, "");
  g_assert_cmpstr (plain, ==, "");

  assert_converts ("", "");
  assert_converts ("   \n\t ", "");
}

static void
test_plain_text (void)
{
  g_autofree char *plain = NULL;
  g_autofree char *markup = NULL;
  const char *html = "<p>Q&amp;A with <a href=\"https://nats.io/\">NATS</a> &lt;3</p><p>Second</p>";

  markup = ncl_markup_from_html (html, strlen (html), BASE_URI, &plain);
  g_assert_cmpstr (markup, ==,
                   "Q&amp;A with <a href=\"https://nats.io/\">NATS</a> &lt;3\n\nSecond");
  g_assert_cmpstr (plain, ==, "Q&A with NATS <3\n\nSecond");
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) html = g_string_new ("before ");
  g_autofree char *markup = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append (html, "<div>");
  g_string_append (html, "deep");
  for (guint i = 0; i < 20000; i++)
    g_string_append (html, "</div>");
  g_string_append (html, " after");

  markup = convert (html->str);
  g_assert_true (g_str_has_prefix (markup, "before"));

  /* Nothing closed: every element still open at the end. */
  g_string_assign (html, "before ");
  for (guint i = 0; i < 20000; i++)
    g_string_append (html, "<b><a href=\"https://nats.io/\">");
  g_string_append (html, "deep");

  g_clear_pointer (&markup, g_free);
  markup = convert (html->str);
  g_assert_true (g_str_has_prefix (markup, "before"));
}

static void
test_always_well_formed (void)
{
  static const char * const inputs[] = {
    "<b>unclosed <i>tags <a href=\"https://nats.io/\">everywhere",
    "<a href=\"https://nats.io/\">unterminated attribute <a href=\"",
    "<<<>>> &&& ;;; \"\"\" '''",
    "<p>one<p>two<li>three<td>four",
    "<pre>line 1\n\n  line 3</pre>",
    "<![CDATA[<b>]]> <?php echo 1; ?> <!DOCTYPE html>",
    "&#0; &#1; &#xD800; &#xFFFE; &#x110000;",
    "ctl\x01\x0b\x1f\x7f chars",
    "<a href=\"https://nats.io/\x01\">control in href</a>",
    "<a href=\"https://nats.io/?q=<b>&amp;x='y'\">angle brackets in href</a>",
    "<b><a href=\"https://nats.io/\"></b>crossed</a>",
    "<table><tr><td>a</td><td>b</td></tr></table>",
    "</p></p></div></a>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *markup = convert (inputs[i]);

      ncl_assert_not_contains (markup, "\n\n\n");
    }
}

/* Found by fuzzing: GLib cannot write this resolved reference back as a
 * URI; it must be a plain word, not a critical. */
static void
test_dot_segment_link (void)
{
  /* Web addresses without a host are not links (RFC 9110, 4.2), however
   * the GLib in use writes the resolved reference. */
  static const char *const hostless[] = {
    "<a href=\"http:a/..//b\">x</a>",
    "<a href=\"http:/.//b\">x</a>",
    "<a href=\"https:///b\">x</a>",
    "<a href=\"http:b\">x</a>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (hostless); i++)
    {
      g_autofree char *markup = ncl_markup_from_html (hostless[i], strlen (hostless[i]),
                                                      "https://nats.io/blog/x/", NULL);

      g_assert_cmpstr (markup, ==, "x");
    }
}

/* RFC 3986, 5.4: dot segments of a relative reference are removed against
 * the base, the same on every GLib. */
static void
test_relative_dot_segments (void)
{
  static const struct
  {
    const char *reference;
    const char *expected;
  } cases[] = {
    { "../img/a.png", "https://nats.io/blog/img/a.png" },
    { "./a/../b", "https://nats.io/blog/x/b" },
    { "../../../c", "https://nats.io/c" },
    { "/d/./e/../f", "https://nats.io/d/f" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *resolved = ncl_link_resolve ("https://nats.io/blog/x/", cases[i].reference);

      g_assert_cmpstr (resolved, ==, cases[i].expected);
    }
}

/* Bytes that are not UTF-8 (a lone lead byte at the end, a stray
 * continuation byte, an overlong form, a NUL) become U+FFFD: libxml2 would
 * copy them through, and markup that is not UTF-8 shows as an error. */
static void
test_invalid_utf8 (void)
{
  static const struct
  {
    const char *html;
    gsize length;
    const char *expected;
  } cases[] = {
    { "<b>caf\xc3</b>", 11, "<b>caf\xef\xbf\xbd</b>" },
    { "a\x80" "b", 3, "a\xef\xbf\xbd" "b" },
    { "<p>x\xc0\xaf" "y</p>", 11, "x\xef\xbf\xbd\xef\xbf\xbd" "y" },
    { "nul\0here", 8, "nul\xef\xbf\xbdhere" },
    { "end \xf0", 5, "end \xef\xbf\xbd" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *plain = NULL;
      g_autofree char *markup = ncl_markup_from_html (cases[i].html, cases[i].length, BASE_URI, &plain);

      g_test_message ("case %u", i);
      g_assert_true (g_utf8_validate (markup, -1, NULL));
      g_assert_true (g_utf8_validate (plain, -1, NULL));
      ncl_assert_markup_valid (markup);
      g_assert_cmpstr (markup, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ncl/markup/escaping", test_escaping);
  g_test_add_func ("/ncl/markup/whitespace", test_whitespace);
  g_test_add_func ("/ncl/markup/line-breaks", test_line_breaks);
  g_test_add_func ("/ncl/markup/blocks", test_blocks);
  g_test_add_func ("/ncl/markup/inline", test_inline);
  g_test_add_func ("/ncl/markup/links/resolved", test_links_resolved);
  g_test_add_func ("/ncl/markup/links/unsafe", test_links_unsafe);
  g_test_add_func ("/ncl/markup/links/nested", test_links_nested);
  g_test_add_func ("/ncl/markup/links/images-only", test_links_images_only);
  g_test_add_func ("/ncl/markup/dropped", test_dropped);
  g_test_add_func ("/ncl/markup/unknown-tags", test_unknown_tags);
  g_test_add_func ("/ncl/markup/empty", test_empty);
  g_test_add_func ("/ncl/markup/plain-text", test_plain_text);
  g_test_add_func ("/ncl/markup/deep-nesting", test_deep_nesting);
  g_test_add_func ("/ncl/markup/always-well-formed", test_always_well_formed);

  g_test_add_func ("/ncl/markup/links/dot-segments", test_dot_segment_link);
  g_test_add_func ("/ncl/markup/links/relative-dot-segments", test_relative_dot_segments);
  g_test_add_func ("/ncl/markup/invalid-utf8", test_invalid_utf8);

  return g_test_run ();
}
