/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>
#include <string.h>

#include "ncl-front-matter.h"
#include "ncl-test-markup.h"

/* Parses a copy of @text without its terminating NUL, as bytes from a file
 * or the network come, so that reading past the end shows under valgrind. */
static NclFrontMatter *
parse (const char  *text,
       gsize       *body_offset,
       guint       *body_line,
       GError     **error)
{
  gsize length = strlen (text);
  g_autofree char *copy = g_memdup2 (text, MAX (length, 1));

  return ncl_front_matter_parse (copy, length, body_offset, body_line, error);
}

static NclFrontMatter *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  NclFrontMatter *front_matter = parse (text, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (front_matter);

  return front_matter;
}

static const char *
get_string (NclFrontMatter *front_matter,
            const char     *key)
{
  g_autoptr(GError) error = NULL;
  const char *value = ncl_front_matter_get_string (front_matter, key, &error);

  g_assert_no_error (error);

  return value;
}

/* The list, joined with "|" for readable failures. */
static char *
get_joined (NclFrontMatter *front_matter,
            const char     *key)
{
  g_autoptr(GError) error = NULL;
  const char * const *values = ncl_front_matter_get_strv (front_matter, key, &error);

  g_assert_no_error (error);
  g_assert_nonnull (values);

  return g_strjoinv ("|", (char **)values);
}

static void
assert_parse_error (const char          *text,
                    NclFrontMatterError  code,
                    const char          *line,
                    const char          *word)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NclFrontMatter) front_matter = NULL;

  g_test_message ("front matter: %s", text);
  front_matter = parse (text, NULL, NULL, &error);
  g_assert_null (front_matter);
  g_assert_error (error, NCL_FRONT_MATTER_ERROR, (int)code);
  ncl_assert_contains (error->message, line);
  if (word != NULL)
    ncl_assert_contains (error->message, word);
}

static void
test_strings_basic (void)
{
  static const char text[] =
    "+++\n"
    "date = \"2020-04-27\"\n"
    "title = \"NATS Connect Live 2020!\"\n"
    "author   =   \"Derek Collison\"   \n"
    "empty = \"\"\n"
    "+++\n";
  g_autoptr(NclFrontMatter) front_matter = parse_ok (text);

  g_assert_cmpstr (get_string (front_matter, "title"), ==, "NATS Connect Live 2020!");
  g_assert_cmpstr (get_string (front_matter, "date"), ==, "2020-04-27");
  g_assert_cmpstr (get_string (front_matter, "author"), ==, "Derek Collison");
  g_assert_cmpstr (get_string (front_matter, "empty"), ==, "");
  g_assert_cmpuint (ncl_front_matter_get_line (front_matter, "date"), ==, 2);
  g_assert_cmpuint (ncl_front_matter_get_line (front_matter, "title"), ==, 3);
  g_assert_cmpuint (ncl_front_matter_get_line (front_matter, "author"), ==, 4);
}

static void
test_strings_escapes (void)
{
  static const char text[] =
    "+++\n"
    "title = \"Say \\\"hi\\\"\\tto\\\\NATS\\nnow\"\n"
    "+++\n";
  g_autoptr(NclFrontMatter) front_matter = parse_ok (text);

  g_assert_cmpstr (get_string (front_matter, "title"), ==, "Say \"hi\"\tto\\NATS\nnow");
}

static void
test_strings_literal (void)
{
  /* No escapes in literal strings: a backslash is a backslash. */
  static const char text[] =
    "+++\n"
    "path = 'C:\\talks\\nats'\n"
    "title = 'The \"World\" of HTTP'\n"
    "+++\n";
  g_autoptr(NclFrontMatter) front_matter = parse_ok (text);

  g_assert_cmpstr (get_string (front_matter, "path"), ==, "C:\\talks\\nats");
  g_assert_cmpstr (get_string (front_matter, "title"), ==, "The \"World\" of HTTP");
}

static void
test_strings_unicode_escapes (void)
{
  static const char text[] =
    "+++\n"
    "author = \"Samuel Jir\\u00E9nius\"\n"
    "title = \"Launch \\U0001F680 and \\u2019quotes\\u2019\"\n"
    "+++\n";
  g_autoptr(NclFrontMatter) front_matter = parse_ok (text);

  g_assert_cmpstr (get_string (front_matter, "author"), ==, "Samuel Jirénius");
  g_assert_cmpstr (get_string (front_matter, "title"), ==, "Launch 🚀 and ’quotes’");
}

static void
test_strings_bad_unicode_escapes (void)
{
  assert_parse_error ("+++\ntitle = \"x\"\nauthor = \"\\u12\"\n+++\n",
                      NCL_FRONT_MATTER_ERROR_SYNTAX, "Line 3:", "\\u");
  assert_parse_error ("+++\ntitle = \"\\uD800\"\n+++\n",
                      NCL_FRONT_MATTER_ERROR_SYNTAX, "Line 2:", "\\u");
  assert_parse_error ("+++\ntitle = \"\\U00110000\"\n+++\n",
                      NCL_FRONT_MATTER_ERROR_SYNTAX, "Line 2:", "\\u");
}

static void
test_strings_nul_escape (void)
{
  /* A NUL would cut the title short ("NATS") without a word of warning. */
  assert_parse_error ("+++\ntitle = \"NATS\\u0000 Connect\"\n+++\n",
                      NCL_FRONT_MATTER_ERROR_SYNTAX, "Line 2:", "\\u");
}

static void
test_strings_unknown_escape (void)
{
  assert_parse_error ("+++\ntitle = \"x\"\n\nauthor = \"D\\erek\"\n+++\n",
                      NCL_FRONT_MATTER_ERROR_SYNTAX, "Line 4:", "escape");
}

static void
test_strings_unclosed (void)
{
  assert_parse_error ("+++\ntitle = \"x\"\nauthor = \"Derek\n+++\n",
                      NCL_FRONT_MATTER_ERROR_SYNTAX, "Line 3:", "not closed");
  assert_parse_error ("+++\ntitle = 'x\n+++\n",
                      NCL_FRONT_MATTER_ERROR_SYNTAX, "Line 2:", "not closed");
  /* A backslash cannot carry a string over to the next line. */
  assert_parse_error ("+++\ntitle = \"x\\\n+++\n",
                      NCL_FRONT_MATTER_ERROR_SYNTAX, "Line 2:", NULL);
}

static void
test_comments (void)
{
  static const char text[] =
    "+++\n"
    "# The post's metadata\n"
    "\n"
    "title = \"C# and NATS\" # not part of the title\n"
    "  # indented comment\n"
    "author = 'Derek' #\n"
    "+++\n";
  g_autoptr(NclFrontMatter) front_matter = parse_ok (text);

  g_assert_cmpstr (get_string (front_matter, "title"), ==, "C# and NATS");
  g_assert_cmpstr (get_string (front_matter, "author"), ==, "Derek");
  g_assert_cmpuint (ncl_front_matter_get_line (front_matter, "title"), ==, 4);
  g_assert_cmpuint (ncl_front_matter_get_line (front_matter, "author"), ==, 6);
}

static void
test_arrays_multi_line (void)
{
  static const char text[] =
    "+++\n"
    "tags = [\n"
    "  \"nats\",  # the project\n"
    "  # a comment between items\n"
    "  'micro\\services',\n"
    "\n"
    "  \"community\",\n"
    "]\n"
    "categories = [\"Community\", \"Newsletter\",\"Conferences\"]\n"
    "title = \"x\"\n"
    "+++\n";
  g_autoptr(NclFrontMatter) front_matter = parse_ok (text);
  g_autofree char *tags = get_joined (front_matter, "tags");
  g_autofree char *categories = get_joined (front_matter, "categories");

  g_assert_cmpstr (tags, ==, "nats|micro\\services|community");
  g_assert_cmpstr (categories, ==, "Community|Newsletter|Conferences");
  g_assert_cmpuint (ncl_front_matter_get_line (front_matter, "tags"), ==, 2);
  g_assert_cmpuint (ncl_front_matter_get_line (front_matter, "categories"), ==, 9);
  g_assert_cmpuint (ncl_front_matter_get_line (front_matter, "title"), ==, 10);
}

static void
test_arrays_trailing_comma (void)
{
  static const char text[] =
    "+++\n"
    "tags = [\"nats\", \"ngs\",]\n"
    "empty = []\n"
    "spaced = [ ]\n"
    "+++\n";
  g_autoptr(NclFrontMatter) front_matter = parse_ok (text);
  g_autofree char *tags = get_joined (front_matter, "tags");
  g_autoptr(GError) error = NULL;
  const char * const *empty;

  g_assert_cmpstr (tags, ==, "nats|ngs");

  empty = ncl_front_matter_get_strv (front_matter, "empty", &error);
  g_assert_no_error (error);
  g_assert_nonnull (empty);
  g_assert_null (empty[0]);

  empty = ncl_front_matter_get_strv (front_matter, "spaced", &error);
  g_assert_no_error (error);
  g_assert_nonnull (empty);
  g_assert_null (empty[0]);
}

static void
test_arrays_errors (void)
{
  assert_parse_error ("+++\ntitle = \"x\"\ntags = [\"nats\" \"ngs\"]\n+++\n",
                      NCL_FRONT_MATTER_ERROR_SYNTAX, "Line 3:", "commas");
  assert_parse_error ("+++\ntitle = \"x\"\ntags = [\n  \"nats\",\n  \"ngs\",\n+++\n",
                      NCL_FRONT_MATTER_ERROR_SYNTAX, "Line 3:", "“]”");
  assert_parse_error ("+++\ntitle = \"x\"\ntags = [\n  \"nats\",\n  3,\n]\n+++\n",
                      NCL_FRONT_MATTER_ERROR_TYPE, "Line 5:", "strings");
  assert_parse_error ("+++\ntags = [[\"nested\"]]\n+++\n",
                      NCL_FRONT_MATTER_ERROR_TYPE, "Line 2:", "strings");
  assert_parse_error ("+++\ntags = [\"nats\"] [\"again\"]\n+++\n",
                      NCL_FRONT_MATTER_ERROR_SYNTAX, "Line 2:", "after a value");
}

static void
test_keys (void)
{
  static const char text[] =
    "+++\n"
    "\"quoted key\" = \"one\"\n"
    "'literal key' = \"two\"\n"
    "bare-key_2 = \"three\"\n"
    "+++\n";
  g_autoptr(NclFrontMatter) front_matter = parse_ok (text);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (get_string (front_matter, "quoted key"), ==, "one");
  g_assert_cmpstr (get_string (front_matter, "literal key"), ==, "two");
  g_assert_cmpstr (get_string (front_matter, "bare-key_2"), ==, "three");
  g_assert_true (ncl_front_matter_has_key (front_matter, "bare-key_2"));

  /* A key that is not there is no error: the post may leave it out. */
  g_assert_false (ncl_front_matter_has_key (front_matter, "author"));
  g_assert_null (ncl_front_matter_get_string (front_matter, "author", &error));
  g_assert_no_error (error);
  g_assert_null (ncl_front_matter_get_strv (front_matter, "tags", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ncl_front_matter_get_line (front_matter, "author"), ==, 0);
}

static void
test_types (void)
{
  static const char text[] =
    "+++\n"
    "title = [\"NATS Connect Live 2020!\"]\n"
    "\n"
    "tags = \"nats\"\n"
    "+++\n";
  g_autoptr(NclFrontMatter) front_matter = parse_ok (text);
  g_autoptr(GError) error = NULL;

  g_assert_null (ncl_front_matter_get_string (front_matter, "title", &error));
  g_assert_error (error, NCL_FRONT_MATTER_ERROR, NCL_FRONT_MATTER_ERROR_TYPE);
  ncl_assert_contains (error->message, "Line 2:");
  ncl_assert_contains (error->message, "“title”");
  g_clear_error (&error);

  g_assert_null (ncl_front_matter_get_strv (front_matter, "tags", &error));
  g_assert_error (error, NCL_FRONT_MATTER_ERROR, NCL_FRONT_MATTER_ERROR_TYPE);
  ncl_assert_contains (error->message, "Line 4:");
  ncl_assert_contains (error->message, "“tags”");
}

static void
test_value_errors (void)
{
  assert_parse_error ("+++\ntitle = \"x\"\nweight = 3\n+++\n",
                      NCL_FRONT_MATTER_ERROR_TYPE, "Line 3:", "“weight”");
  assert_parse_error ("+++\ntitle = \"x\"\ndraft = true\n+++\n",
                      NCL_FRONT_MATTER_ERROR_TYPE, "Line 3:", "“draft”");
  assert_parse_error ("+++\ntitle = \"x\"\ndate = 2020-04-27\n+++\n",
                      NCL_FRONT_MATTER_ERROR_TYPE, "Line 3:", "“date”");
  assert_parse_error ("+++\ntitle =\n+++\n",
                      NCL_FRONT_MATTER_ERROR_TYPE, "Line 2:", "“title”");
  assert_parse_error ("+++\ntitle = \"x\"\n\n[params]\nimage = \"x.png\"\n+++\n",
                      NCL_FRONT_MATTER_ERROR_TYPE, "Line 4:", "tables");
  assert_parse_error ("+++\ntitle = \"x\"\n[[authors]]\n+++\n",
                      NCL_FRONT_MATTER_ERROR_TYPE, "Line 3:", "tables");
}

static void
test_syntax_errors (void)
{
  assert_parse_error ("+++\ntitle = \"x\"\nauthor \"Derek\"\n+++\n",
                      NCL_FRONT_MATTER_ERROR_SYNTAX, "Line 3:", "“=”");
  assert_parse_error ("+++\ntitle = \"x\"\nparams.image = \"x.png\"\n+++\n",
                      NCL_FRONT_MATTER_ERROR_SYNTAX, "Line 3:", "“=”");
  assert_parse_error ("+++\ntitle = \"x\"\n= \"value\"\n+++\n",
                      NCL_FRONT_MATTER_ERROR_SYNTAX, "Line 3:", "key");
  assert_parse_error ("+++\ntitle = \"NATS\" \"Live\"\n+++\n",
                      NCL_FRONT_MATTER_ERROR_SYNTAX, "Line 2:", "after a value");
  assert_parse_error ("+++\ntitle = \"\"\"NATS\"\"\"\n+++\n",
                      NCL_FRONT_MATTER_ERROR_SYNTAX, "Line 2:", NULL);
}

static void
test_duplicate_key (void)
{
  assert_parse_error ("+++\ntitle = \"x\"\ntags = [\"a\"]\n\n'title' = \"y\"\n+++\n",
                      NCL_FRONT_MATTER_ERROR_DUPLICATE, "Line 5:", "“title”");
}

static void
test_line_numbers (void)
{
  /* Lines count across multi-line lists, comments and blank lines. */
  assert_parse_error ("+++\n"
                      "tags = [\n"
                      "  \"nats\",\n"
                      "  # comment\n"
                      "  \"ngs\",\n"
                      "]\n"
                      "\n"
                      "# comment\n"
                      "weight = 3\n"
                      "+++\n",
                      NCL_FRONT_MATTER_ERROR_TYPE, "Line 9:", "“weight”");
}

static void
test_delimiters_missing (void)
{
  assert_parse_error ("title = \"x\"\n+++\n",
                      NCL_FRONT_MATTER_ERROR_MISSING, "Line 1:", "“+++”");
  assert_parse_error ("\n+++\ntitle = \"x\"\n+++\n",
                      NCL_FRONT_MATTER_ERROR_MISSING, "Line 1:", NULL);
  assert_parse_error ("++++\ntitle = \"x\"\n+++\n",
                      NCL_FRONT_MATTER_ERROR_MISSING, "Line 1:", NULL);
  /* YAML front matter is not what Hugo posts here use. */
  assert_parse_error ("---\ntitle: x\n---\n", NCL_FRONT_MATTER_ERROR_MISSING, "Line 1:", NULL);
  assert_parse_error ("", NCL_FRONT_MATTER_ERROR_MISSING, "Line 1:", NULL);
}

static void
test_delimiters_unclosed (void)
{
  assert_parse_error ("+++\ntitle = \"x\"\n",
                      NCL_FRONT_MATTER_ERROR_UNCLOSED, "Line 1:", "“+++”");
  assert_parse_error ("+++", NCL_FRONT_MATTER_ERROR_UNCLOSED, "Line 1:", NULL);
  assert_parse_error ("+++\ntitle = \"x\"\n++++\n\nBody\n",
                      NCL_FRONT_MATTER_ERROR_UNCLOSED, "Line 1:", NULL);
}

typedef struct
{
  const char *text;
  const char *body;
  guint body_line;
} BodyCase;

static void
test_body_offset (void)
{
  static const BodyCase cases[] = {
    { "+++\ntitle = \"x\"\n+++\nBody\n", "Body\n", 4 },
    { "+++\ntitle = \"x\"\n+++\n\n### 1. Talk\n", "\n### 1. Talk\n", 4 },
    { "+++\n+++\nBody", "Body", 3 },
    { "+++\ntitle = \"x\"\n+++", "", 4 },
    { "+++  \ntitle = \"x\"\n+++\t\nBody", "Body", 4 },
    { "+++\ntags = [\n  \"a\",\n  \"b\",\n]\n+++\nBody", "Body", 7 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NclFrontMatter) front_matter = NULL;
      gsize body_offset = G_MAXSIZE;
      guint body_line = G_MAXUINT;

      g_test_message ("front matter: %s", cases[i].text);
      front_matter = parse (cases[i].text, &body_offset, &body_line, &error);
      g_assert_no_error (error);
      g_assert_nonnull (front_matter);
      g_assert_cmpuint (body_offset, <=, strlen (cases[i].text));
      g_assert_cmpstr (cases[i].text + body_offset, ==, cases[i].body);
      g_assert_cmpuint (body_line, ==, cases[i].body_line);
    }
}

static void
test_crlf (void)
{
  static const char text[] =
    "+++\r\n"
    "title = \"NATS Connect Live 2020!\"\r\n"
    "tags = [\r\n"
    "  \"nats\", # comment\r\n"
    "  'ngs',\r\n"
    "]\r\n"
    "+++\r\n"
    "Body\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(NclFrontMatter) front_matter = NULL;
  g_autofree char *tags = NULL;
  gsize body_offset = 0;
  guint body_line = 0;

  front_matter = parse (text, &body_offset, &body_line, &error);
  g_assert_no_error (error);
  g_assert_nonnull (front_matter);

  /* No carriage return ends up in a title on screen. */
  g_assert_cmpstr (get_string (front_matter, "title"), ==, "NATS Connect Live 2020!");
  tags = get_joined (front_matter, "tags");
  g_assert_cmpstr (tags, ==, "nats|ngs");
  g_assert_cmpuint (ncl_front_matter_get_line (front_matter, "tags"), ==, 3);
  g_assert_cmpstr (text + body_offset, ==, "Body\r\n");
  g_assert_cmpuint (body_line, ==, 8);

  assert_parse_error ("+++\r\ntitle = \"x\"\r\nweight = 3\r\n+++\r\n",
                      NCL_FRONT_MATTER_ERROR_TYPE, "Line 3:", "“weight”");
}

static void
test_bom (void)
{
  static const char text[] = "\xEF\xBB\xBF+++\ntitle = \"NATS Connect Live 2020!\"\n+++\nBody\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(NclFrontMatter) front_matter = NULL;
  gsize body_offset = 0;
  guint body_line = 0;

  front_matter = parse (text, &body_offset, &body_line, &error);
  g_assert_no_error (error);
  g_assert_nonnull (front_matter);
  g_assert_cmpstr (get_string (front_matter, "title"), ==, "NATS Connect Live 2020!");
  g_assert_cmpstr (text + body_offset, ==, "Body\n");
  g_assert_cmpuint (body_line, ==, 4);

  /* Only at the very start is it a byte order mark. */
  assert_parse_error ("\n\xEF\xBB\xBF+++\ntitle = \"x\"\n+++\n",
                      NCL_FRONT_MATTER_ERROR_MISSING, "Line 1:", NULL);
}

static void
test_length_respected (void)
{
  /* The closing line lies past @length: the front matter is not closed. */
  static const char text[] = "+++\ntitle = \"x\"\n+++\nBody\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(NclFrontMatter) front_matter = NULL;

  front_matter = ncl_front_matter_parse (text, strlen ("+++\ntitle = \"x\"\n++"),
                                         NULL, NULL, &error);
  g_assert_null (front_matter);
  g_assert_error (error, NCL_FRONT_MATTER_ERROR, NCL_FRONT_MATTER_ERROR_UNCLOSED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* The messages are compared in English. */
  setlocale (LC_ALL, "C.UTF-8");

  g_test_add_func ("/ncl/front-matter/strings/basic", test_strings_basic);
  g_test_add_func ("/ncl/front-matter/strings/escapes", test_strings_escapes);
  g_test_add_func ("/ncl/front-matter/strings/literal", test_strings_literal);
  g_test_add_func ("/ncl/front-matter/strings/unicode-escapes", test_strings_unicode_escapes);
  g_test_add_func ("/ncl/front-matter/strings/bad-unicode-escapes",
                   test_strings_bad_unicode_escapes);
  g_test_add_func ("/ncl/front-matter/strings/nul-escape", test_strings_nul_escape);
  g_test_add_func ("/ncl/front-matter/strings/unknown-escape", test_strings_unknown_escape);
  g_test_add_func ("/ncl/front-matter/strings/unclosed", test_strings_unclosed);
  g_test_add_func ("/ncl/front-matter/comments", test_comments);
  g_test_add_func ("/ncl/front-matter/arrays/multi-line", test_arrays_multi_line);
  g_test_add_func ("/ncl/front-matter/arrays/trailing-comma", test_arrays_trailing_comma);
  g_test_add_func ("/ncl/front-matter/arrays/errors", test_arrays_errors);
  g_test_add_func ("/ncl/front-matter/keys", test_keys);
  g_test_add_func ("/ncl/front-matter/types", test_types);
  g_test_add_func ("/ncl/front-matter/errors/values", test_value_errors);
  g_test_add_func ("/ncl/front-matter/errors/syntax", test_syntax_errors);
  g_test_add_func ("/ncl/front-matter/errors/duplicate-key", test_duplicate_key);
  g_test_add_func ("/ncl/front-matter/errors/line-numbers", test_line_numbers);
  g_test_add_func ("/ncl/front-matter/delimiters/missing", test_delimiters_missing);
  g_test_add_func ("/ncl/front-matter/delimiters/unclosed", test_delimiters_unclosed);
  g_test_add_func ("/ncl/front-matter/body/offset", test_body_offset);
  g_test_add_func ("/ncl/front-matter/body/crlf", test_crlf);
  g_test_add_func ("/ncl/front-matter/body/bom", test_bom);
  g_test_add_func ("/ncl/front-matter/body/length", test_length_respected);

  return g_test_run ();
}
