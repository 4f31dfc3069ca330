/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ncl-link.h"

static gboolean
host_is (const char *host,
         const char *domain)
{
  gsize host_len = strlen (host);
  gsize domain_len = strlen (domain);

  if (host_len == domain_len)
    return g_ascii_strcasecmp (host, domain) == 0;

  /* Any subdomain: www., m., music., de. … */
  return host_len > domain_len &&
         host[host_len - domain_len - 1] == '.' &&
         g_ascii_strcasecmp (host + host_len - domain_len, domain) == 0;
}

G_DEFINE_ENUM_TYPE (NclLinkKind, ncl_link_kind,
                    G_DEFINE_ENUM_VALUE (NCL_LINK_WEB_PAGE, "web-page"),
                    G_DEFINE_ENUM_VALUE (NCL_LINK_SLIDES, "slides"),
                    G_DEFINE_ENUM_VALUE (NCL_LINK_VIDEO, "video"),
                    G_DEFINE_ENUM_VALUE (NCL_LINK_GITHUB, "github"),
                    G_DEFINE_ENUM_VALUE (NCL_LINK_GITLAB, "gitlab"),
                    G_DEFINE_ENUM_VALUE (NCL_LINK_LINKEDIN, "linkedin"),
                    G_DEFINE_ENUM_VALUE (NCL_LINK_TWITTER, "twitter"),
                    G_DEFINE_ENUM_VALUE (NCL_LINK_EMAIL, "email"))

/**
 * ncl_link_classify:
 * @uri: an absolute URI
 *
 * @uri: (nullable): an absolute URI
 *
 * Tells what a link points at, by its host alone (any subdomain: www.,
 * uk.linkedin.com), or for e-mail by its scheme: revisions of the post and
 * the agenda moved links around and changed their logos, never their hosts.
 *
 * Returns: the kind; %NCL_LINK_WEB_PAGE for any other
 */
NclLinkKind
ncl_link_classify (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;
  const char *scheme;
  const char *host;

  if (uri == NULL || (parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL)) == NULL)
    return NCL_LINK_WEB_PAGE;

  scheme = g_uri_get_scheme (parsed);
  if (g_ascii_strcasecmp (scheme, "mailto") == 0)
    return NCL_LINK_EMAIL;

  host = g_uri_get_host (parsed);
  if (host == NULL ||
      (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0))
    return NCL_LINK_WEB_PAGE;

  if (host_is (host, "slideshare.net") || host_is (host, "slides.com"))
    return NCL_LINK_SLIDES;
  if (host_is (host, "youtube.com") || host_is (host, "youtu.be") || host_is (host, "youtube-nocookie.com") ||
      host_is (host, "vimeo.com"))
    return NCL_LINK_VIDEO;
  if (host_is (host, "github.com"))
    return NCL_LINK_GITHUB;
  if (host_is (host, "gitlab.com"))
    return NCL_LINK_GITLAB;
  if (host_is (host, "linkedin.com"))
    return NCL_LINK_LINKEDIN;
  if (host_is (host, "twitter.com") || host_is (host, "x.com"))
    return NCL_LINK_TWITTER;

  return NCL_LINK_WEB_PAGE;
}

typedef struct
{
  char *text;
  GUri *uri;
} BaseCache;

static void
base_cache_free (gpointer data)
{
  BaseCache *cache = data;

  g_free (cache->text);
  g_clear_pointer (&cache->uri, g_uri_unref);
  g_free (cache);
}

/* A parser resolves every link of a page against the same base: the last
 * base parsed, per thread, is kept (parsing it again was a fifth of the
 * time a post took to parse). */
static GUri *
parsed_base (const char *base_uri)
{
  static GPrivate last_base = G_PRIVATE_INIT (base_cache_free);
  BaseCache *cache = g_private_get (&last_base);

  if (cache == NULL)
    {
      cache = g_new0 (BaseCache, 1);
      g_private_set (&last_base, cache);
    }

  if (g_strcmp0 (cache->text, base_uri) != 0)
    {
      g_free (cache->text);
      g_clear_pointer (&cache->uri, g_uri_unref);
      cache->text = g_strdup (base_uri);
      cache->uri = g_uri_parse (base_uri, G_URI_FLAGS_ENCODED, NULL);
    }

  return cache->uri != NULL ? g_uri_ref (cache->uri) : NULL;
}

/**
 * ncl_link_resolve:
 * @base_uri: (nullable): the page the reference appears on
 * @reference: an absolute or relative reference
 *
 * Returns: (nullable) (transfer full): the absolute URI, or %NULL when the
 *   reference is not a valid URI
 */
char *
ncl_link_resolve (const char *base_uri,
                  const char *reference)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(GUri) base = NULL;
  g_autoptr(GUri) resolved = NULL;
  const char *scheme;
  const char *host;
  const char *path;

  if (reference == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (reference));
  if (trimmed[0] == '\0')
    return NULL;

  if (base_uri == NULL)
    return g_uri_is_valid (trimmed, G_URI_FLAGS_NONE, NULL) ? g_steal_pointer (&trimmed) : NULL;

  if (!(base = parsed_base (base_uri)) ||
      !(resolved = g_uri_parse_relative (base, trimmed, G_URI_FLAGS_ENCODED, NULL)))
    return NULL;

  /* A web address names a host (RFC 9110, 4.2: an "http" or "https" URI
   * with an empty host is invalid and is rejected), whatever the
   * reference's path. Without this, "http:a/..//b" (found by fuzzing)
   * depends on the GLib: its dot segments leave the path "//b" with no
   * authority, which RFC 3986 (3.3) does not allow to be written as it
   * is; GLib 2.74 writes it as "http://b", a different address, and GLib
   * 2.84 as "http:/.//b", still with no host. Neither is a link. */
  scheme = g_uri_get_scheme (resolved);
  host = g_uri_get_host (resolved);
  if ((g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
      (host == NULL || host[0] == '\0'))
    return NULL;

  /* Any other scheme's path starting with "//" and no host cannot be
   * written back unchanged either. */
  path = g_uri_get_path (resolved);
  if (host == NULL && path[0] == '/' && path[1] == '/')
    return NULL;

  return g_uri_to_string (resolved);
}

/**
 * ncl_link_is_safe:
 *
 * Whether a link taken from downloaded content may be shown as clickable:
 * web pages and e-mail addresses, never local files or scripts.
 */
gboolean
ncl_link_is_safe (const char *uri)
{
  g_autofree char *scheme = NULL;

  if (uri == NULL)
    return FALSE;

  scheme = g_uri_parse_scheme (uri);
  if (scheme == NULL)
    return FALSE;

  return g_ascii_strcasecmp (scheme, "https") == 0 ||
         g_ascii_strcasecmp (scheme, "http") == 0 ||
         g_ascii_strcasecmp (scheme, "mailto") == 0;
}

/* What WebKit's GStreamer backend plays with the codecs the app depends on
 * (gstreamer1.0-plugins-good and -libav). */
static const char * const video_file_extensions[] = {
  ".webm", ".mp4", ".m4v", ".ogv", NULL,
};

/**
 * ncl_link_is_video_file:
 * @uri: (nullable): an absolute URI
 *
 * Whether a link is a recording as a plain file the player page can play
 * with an HTML5 video element, rather than a video site's page: an http(s)
 * or file URI whose path ends in .webm, .mp4, .m4v or .ogv, in any case.
 * The query and fragment do not count ("talk.mp4?download=1" is a video
 * file, "watch?f=talk.mp4" is not), and nothing is percent-decoded.
 *
 * Returns: %TRUE for a video file
 */
gboolean
ncl_link_is_video_file (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;
  const char *scheme;
  const char *host;

  if (uri == NULL || (parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED, NULL)) == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (parsed);
  host = g_uri_get_host (parsed);
  if (g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0)
    {
      if (host == NULL || host[0] == '\0')
        return FALSE;
    }
  else if (g_ascii_strcasecmp (scheme, "file") != 0)
    {
      return FALSE;
    }

  return ncl_link_has_extension (uri, video_file_extensions);
}

/**
 * ncl_link_has_extension:
 * @uri: (nullable): a URI
 * @extensions: (array zero-terminated=1): extensions with their dot, ".pdf"
 *
 * Whether the last segment of @uri's path is a name ending in one of
 * @extensions, in any case; the query and fragment do not count, nothing
 * is percent-decoded, and "/.pdf" (a hidden file's name) is no PDF.
 *
 * Returns: %TRUE for a file of one of @extensions
 */
gboolean
ncl_link_has_extension (const char         *uri,
                        const char * const *extensions)
{
  g_autoptr(GUri) parsed = NULL;
  const char *path;
  const char *name;
  gsize name_len;

  g_return_val_if_fail (extensions != NULL, FALSE);

  if (uri == NULL || (parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED, NULL)) == NULL)
    return FALSE;

  path = g_uri_get_path (parsed);
  name = strrchr (path, '/');
  name = name != NULL ? name + 1 : path;
  name_len = strlen (name);

  for (guint i = 0; extensions[i] != NULL; i++)
    {
      gsize extension_len = strlen (extensions[i]);

      if (name_len > extension_len &&
          g_ascii_strcasecmp (name + name_len - extension_len, extensions[i]) == 0)
        return TRUE;
    }

  return FALSE;
}
