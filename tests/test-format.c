/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ncl-format.h"
#include "ncl-test-fixture.h"
#include "ncl-test-nats.h"

/* The registry recognises a document by its content alone, and says what
 * it expected when it recognises nothing. */

static const char *
sniffed (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  const NclFormat *format = ncl_format_sniff (bytes);

  return format != NULL ? format->name : NULL;
}

static void
test_sniff (void)
{
  g_autoptr(GBytes) post = ncl_test_fixture_bytes ("..", "data", "event", "nats-connect-live-2020.md", NULL);
  g_autoptr(GBytes) agenda = ncl_test_fixture_bytes ("fixtures", "agenda", "connect-live-2020.html", NULL);

  g_assert_cmpstr (ncl_format_sniff (post)->name, ==, "post");
  g_assert_cmpstr (ncl_format_sniff (agenda)->name, ==, "nats-agenda-html");
  g_assert_true (ncl_format_find ("post") == ncl_format_sniff (post));
  g_assert_nonnull (ncl_format_find ("ical"));
  g_assert_null (ncl_format_find ("vcard"));

  /* An iCalendar file by its first line that is not blank, after a byte
   * order mark, in any letter case; a vCard or a BEGIN further down is
   * none. */
  g_assert_cmpstr (sniffed ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), ==, "ical");
  g_assert_cmpstr (sniffed ("\xef\xbb\xbf\r\n\nbegin:vcalendar\n"), ==, "ical");
  g_assert_null (sniffed ("BEGIN:VCARD\r\nEND:VCARD\r\n"));
  g_assert_null (sniffed ("BEGIN:VCALENDARX\r\n"));
  g_assert_null (sniffed ("<html>\nBEGIN:VCALENDAR\n</html>"));

  /* A schedule.xml by its root element, whatever comes before it; XML with
   * another root is none, even with a table in it. */
  g_assert_cmpstr (sniffed ("<?xml version=\"1.0\"?>\n<!-- <table> -->\n"
                            "<!DOCTYPE schedule>\n<schedule>\n<table/>"), ==, "pentabarf-xml");
  g_assert_cmpstr (sniffed ("\xef\xbb\xbf<schedule xmlns:xsi=\"x\">"), ==, "pentabarf-xml");
  g_assert_null (sniffed ("<?xml version=\"1.0\"?><rss><channel/></rss>"));
  g_assert_null (sniffed ("<?xml version=\"1.0\"?><schedules/>"));
  g_assert_null (sniffed ("<?xml version=\"1.0\"?><!-- unclosed <schedule>"));

  /* A byte order mark and blank lines before the front matter. */
  g_assert_cmpstr (sniffed ("\xef\xbb\xbf\n\n+++\ntitle = \"x\"\n+++\n"), ==, "post");
  /* Any letter case, whatever the server called it. */
  g_assert_cmpstr (sniffed ("  <!DOCTYPE html><html><body><TABLE>"), ==, "nats-agenda-html");
  /* An HTML page without a table is no agenda; YAML front matter is no post. */
  g_assert_null (sniffed ("<html><body><p>Not found</p></body></html>"));
  g_assert_null (sniffed ("---\ntitle: x\n---\n"));
  g_assert_null (sniffed ("\x89PNG\r\n\x1a\n"));
}

static void
test_parse_errors (void)
{
  g_autoptr(GBytes) empty = g_bytes_new_static (" \n\t", 3);
  g_autoptr(GBytes) random = g_bytes_new_static ("\x00\x13\xfe garbage", 11);
  g_autoptr(GBytes) agenda = ncl_test_fixture_bytes ("fixtures", "agenda", "connect-live-2020.html", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) event = NULL;
  const NclFormat *format = (gpointer) 1;

  g_assert_null (ncl_format_parse (empty, NULL, &format, &error));
  g_assert_error (error, NCL_FORMAT_ERROR, NCL_FORMAT_ERROR_EMPTY);
  g_assert_null (format);
  g_clear_error (&error);

  g_assert_null (ncl_format_parse (random, NULL, NULL, &error));
  g_assert_error (error, NCL_FORMAT_ERROR, NCL_FORMAT_ERROR_UNKNOWN);
  g_assert_cmpstr (error->message, ==,
                   "The document is in an unknown format: expected a post (front matter "
                   "between “+++” lines, then Markdown), a Pentabarf or frab schedule "
                   "(XML starting with <schedule>), a frab or pretalx schedule (JSON with a "
                   "“schedule” object), an iCalendar file (starting with "
                   "BEGIN:VCALENDAR) or an agenda page (HTML with a "
                   "table of talks and times)");
  g_clear_error (&error);

  /* Recognised: the format's parser reads it, with the hints. */
  event = ncl_format_parse (agenda, ncl_test_agenda_hints (), &format, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (format->name, ==, "nats-agenda-html");
  g_assert_cmpint (ncl_event_get_parts (event), ==, NCL_EVENT_PART_PROGRAMME);
  g_assert_cmpuint (g_list_model_get_n_items (ncl_event_get_days (event)), ==, 1);
}

/* The tests read the NATS documents with the values the built-in event's
 * description gives the store. */
static void
test_description_agrees (void)
{
  g_autoptr(GBytes) bytes = ncl_test_fixture_bytes ("..", "data", "event", "nats-connect-live-2020.event", NULL);
  g_autoptr(GKeyFile) description = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *base_uri = NULL;
  g_autofree char *date = NULL;
  g_autofree char *zone = NULL;
  g_autofree char *post_format = NULL;
  g_autofree char *agenda_format = NULL;

  g_key_file_load_from_bytes (description, bytes, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);

  base_uri = g_key_file_get_string (description, "Post", "BaseURI", NULL);
  date = g_key_file_get_string (description, "Event", "Date", NULL);
  zone = g_key_file_get_string (description, "Event", "TimeZone", NULL);
  post_format = g_key_file_get_string (description, "Post", "Format", NULL);
  agenda_format = g_key_file_get_string (description, "Agenda", "Format", NULL);

  g_assert_cmpstr (base_uri, ==, NCL_TEST_POST_URI);
  g_assert_cmpstr (date, ==, "2020-04-16");
  g_assert_cmpstr (zone, ==, NCL_TEST_ZONE);
  g_assert_nonnull (ncl_format_find (post_format));
  g_assert_nonnull (ncl_format_find (agenda_format));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ncl/format/sniff", test_sniff);
  g_test_add_func ("/ncl/format/parse-errors", test_parse_errors);
  g_test_add_func ("/ncl/format/description-agrees", test_description_agrees);

  return g_test_run ();
}
