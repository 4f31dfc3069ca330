/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ncl-fetcher.h"
#include "ncl-format.h"
#include "ncl-ical-writer.h"
#include "ncl-source.h"
#include "ncl-util.h"

/*
 * Where one event comes from, and keeping it current. Its description (a
 * key file, data/event/…) names the event and its documents: each
 * document's format, its bundled copy, the base its links resolve against
 * and where it is fetched from. The event starts from the bundled copies,
 * then the copies an earlier run saved, then what the network says now.
 * Each step merges one document into the same NclEvent in place
 * (ncl_event_update_from), so views follow without being rebuilt.
 * Nothing is saved before it parsed: a broken download never replaces
 * good data.
 *
 * What it shows is said as data: a state (bundled, saved, fresh), whether
 * a refresh runs, the times, and the last failure as a GError with the
 * document it concerns. The sentences people read are the UI's
 * (ncl-source-status.c).
 */

/* One document of the event: how its description says to read it. */
typedef struct
{
  char *id;        /* its group in the description, lower case: "post" */
  char *format;    /* the NclFormat's name it must be */
  char *base_uri;  /* links resolve against it; else the fetched address */
  char *bundled;   /* the resource shown before any copy, or NULL */
  char *uri;       /* where it is fetched from, or NULL */
  NclFetchKind kind;
  /* What the event on screen was last read from: the address links
   * resolved against and a digest of the bytes (see apply_document ()). */
  char *applied;
} Document;

struct _NclSource
{
  GObject parent_instance;

  NclFetcher *fetcher;
  char *id;
  char *name;
  char *location;     /* of an event a person added, else NULL */
  char *resource_dir;
  GArray *documents;  /* of Document, in the description's order */
  GDateTime *date;    /* midnight of the event's day, in its zone */

  NclEvent *event;

  NclSourceState state;
  GDateTime *saved_at;
  GDateTime *updated_at;
  GError *error;
  gboolean offline;

  GCancellable *cancellable;
  guint pending;
  gboolean any_updated;
  gboolean any_failed;
};

G_DEFINE_QUARK (ncl-source-error-quark, ncl_source_error)

G_DEFINE_ENUM_TYPE (NclSourceState, ncl_source_state,
                    G_DEFINE_ENUM_VALUE (NCL_SOURCE_STATE_BUNDLED, "bundled"),
                    G_DEFINE_ENUM_VALUE (NCL_SOURCE_STATE_SAVED, "saved"),
                    G_DEFINE_ENUM_VALUE (NCL_SOURCE_STATE_FRESH, "fresh"))

G_DEFINE_FINAL_TYPE (NclSource, ncl_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_REFRESHING,
  PROP_STATE,
  PROP_SAVED_AT,
  PROP_UPDATED_AT,
  PROP_ERROR,
  N_PROPS
};

enum {
  PROBLEM,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Takes @error: the source's last error until a refresh goes without one. */
static void
problem (NclSource      *self,
         const Document *document,
         GError         *error)
{
  g_clear_error (&self->error);
  self->error = error;
  self->any_failed = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  g_signal_emit (self, signals[PROBLEM], 0, document->id, self->error);
}

static void
set_state (NclSource      *self,
           NclSourceState  state,
           GDateTime      *saved_at)
{
  if (state == NCL_SOURCE_STATE_SAVED && saved_at != NULL)
    {
      /* The oldest of the saved copies on screen is the one to tell of. */
      if (self->saved_at == NULL || g_date_time_compare (saved_at, self->saved_at) < 0)
        {
          g_clear_pointer (&self->saved_at, g_date_time_unref);
          self->saved_at = g_date_time_ref (saved_at);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED_AT]);
        }
    }

  if (state == NCL_SOURCE_STATE_FRESH)
    {
      g_clear_pointer (&self->updated_at, g_date_time_unref);
      self->updated_at = g_date_time_new_now_local ();
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
    }

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

static void
document_clear (gpointer data)
{
  Document *document = data;

  g_clear_pointer (&document->id, g_free);
  g_clear_pointer (&document->format, g_free);
  g_clear_pointer (&document->base_uri, g_free);
  g_clear_pointer (&document->bundled, g_free);
  g_clear_pointer (&document->uri, g_free);
  g_clear_pointer (&document->applied, g_free);
}

static Document *
find_document (NclSource  *self,
               const char *id)
{
  for (guint i = 0; i < self->documents->len; i++)
    {
      Document *document = &g_array_index (self->documents, Document, i);

      if (g_str_equal (document->id, id))
        return document;
    }

  return NULL;
}

/* [Event] names the event and what its documents leave unsaid; every
 * other group is a document. */
static gboolean
read_description (NclSource  *self,
                  GBytes     *bytes,
                  GError    **error)
{
  g_autoptr(GKeyFile) description = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) groups = NULL;
  g_autofree char *date = NULL;
  g_autofree char *zone_name = NULL;

  if (!g_key_file_load_from_bytes (description, bytes, G_KEY_FILE_NONE, &local_error) ||
      !(self->name = g_key_file_get_string (description, "Event", "Name", &local_error)))
    {
      g_set_error (error, NCL_SOURCE_ERROR, NCL_SOURCE_ERROR_DESCRIPTION,
                   "%s: %s", self->id, local_error->message);
      return FALSE;
    }

  groups = g_key_file_get_groups (description, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      Document document = { NULL };

      if (g_str_equal (groups[i], "Event"))
        continue;

      document.id = g_ascii_strdown (groups[i], -1);
      document.format = g_key_file_get_string (description, groups[i], "Format", NULL);
      document.base_uri = g_key_file_get_string (description, groups[i], "BaseURI", NULL);
      document.bundled = g_key_file_get_string (description, groups[i], "Bundled", NULL);
      document.uri = g_key_file_get_string (description, groups[i], "URL", NULL);
      g_array_append_val (self->documents, document);
    }

  date = g_key_file_get_string (description, "Event", "Date", NULL);
  zone_name = g_key_file_get_string (description, "Event", "TimeZone", NULL);
  if (date != NULL)
    {
      g_autoptr(GTimeZone) zone = zone_name != NULL ? g_time_zone_new_identifier (zone_name) : NULL;
      g_autofree char *midnight = g_strconcat (date, "T00:00:00", NULL);

      self->date = g_date_time_new_from_iso8601 (midnight, zone);
    }

  return TRUE;
}

/* What @bytes read with links against @base_uri would give: the same
 * event as last time when it is the same. */
static char *
applied_key (GBytes     *bytes,
             const char *base_uri)
{
  g_autofree char *digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  return g_strconcat (digest, " ", base_uri != NULL ? base_uri : "", NULL);
}

/* Reads @bytes as @document says, into the event on screen. A document in
 * another format than the description's is refused: an error page served
 * in place of the post must not replace it. The same bytes as the event
 * was last read from are not read again: a file schedule is shown from its
 * saved copy and then read again by the refresh, and parsing and merging a
 * FOSDEM-size schedule twice cost a quarter of its first frame. */
static gboolean
apply_document (NclSource       *self,
                Document        *document,
                GBytes          *bytes,
                const char      *uri,
                GError         **error)
{
  NclParseHints hints = {
    .base_uri = document->base_uri != NULL ? document->base_uri : uri,
    .date = self->date,
  };
  g_autofree char *key = applied_key (bytes, hints.base_uri);
  const NclFormat *described = NULL;
  const NclFormat *format = NULL;
  g_autoptr(NclEvent) fresh = NULL;

  if (g_strcmp0 (key, document->applied) == 0)
    return TRUE;

  described = document->format != NULL ? ncl_format_find (document->format) : NULL;
  format = ncl_format_sniff (bytes);

  /* Content the sniffers do not know gets the described format's own
   * error, which names what is missing ("no agenda table"). */
  if (format == NULL && described != NULL)
    format = described;

  if (described != NULL && format != NULL && format != described)
    {
      /* Translators: both %s are formats, as in "an agenda page (HTML with
       * a table of talks and times)" */
      g_set_error (error, NCL_FORMAT_ERROR, NCL_FORMAT_ERROR_UNKNOWN,
                   _("The document is %s, not %s"), _(format->description), _(described->description));
      return FALSE;
    }

  if (format != NULL)
    fresh = format->parse (bytes, &hints, error);
  else
    fresh = ncl_format_parse (bytes, &hints, NULL, error);
  if (fresh == NULL)
    return FALSE;

  ncl_event_update_from (self->event, fresh);
  g_free (document->applied);
  document->applied = g_steal_pointer (&key);
  return TRUE;
}

/**
 * ncl_source_load_saved:
 *
 * Shows the copies an earlier run saved, if any. Reads the disk: call it
 * after the first frame. A saved copy that no longer parses (an older app
 * wrote it, or the disk did) is left alone: what is on screen stays.
 */
void
ncl_source_load_saved (NclSource *self)
{
  g_return_if_fail (NCL_IS_SOURCE (self));

  for (guint i = 0; i < self->documents->len; i++)
    {
      Document *document = &g_array_index (self->documents, Document, i);
      g_autoptr(NclFetchResult) saved = NULL;
      g_autoptr(GError) error = NULL;

      if (document->uri == NULL ||
          !(saved = ncl_fetcher_lookup_cached (self->fetcher, document->uri, NULL)))
        continue;

      if (!apply_document (self, document, ncl_fetch_result_get_bytes (saved), document->uri, &error))
        {
          g_debug ("Ignoring the saved copy of %s: %s", document->uri, error->message);
          continue;
        }

      if (self->state != NCL_SOURCE_STATE_FRESH)
        set_state (self, NCL_SOURCE_STATE_SAVED, ncl_fetch_result_get_saved_at (saved));
    }
}

typedef struct
{
  NclSource *self;
  guint index;  /* of the document: the array is not changed while fetching */
} Fetch;

static void
finish_pending (NclSource *self)
{
  g_assert (self->pending > 0);

  if (--self->pending > 0)
    return;

  g_clear_object (&self->cancellable);
  if (self->any_updated)
    set_state (self, NCL_SOURCE_STATE_FRESH, NULL);
  if (!self->any_failed && self->error != NULL)
    {
      g_clear_error (&self->error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESHING]);
}

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Fetch *fetch = user_data;
  NclSource *self = fetch->self;
  Document *document = &g_array_index (self->documents, Document, fetch->index);
  g_autoptr(NclFetchResult) fetched = NULL;
  g_autoptr(GError) error = NULL;

  fetched = ncl_fetcher_fetch_finish (NCL_FETCHER (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ;
  else if (fetched == NULL)
    {
      problem (self, document, g_error_new_literal (NCL_SOURCE_ERROR, NCL_SOURCE_ERROR_FETCH_FAILED,
                                                    error->message));
    }
  else if (ncl_fetch_result_get_not_modified (fetched))
    {
      /* 304: what is on screen is current; nothing to parse. */
      self->any_updated = TRUE;
    }
  else if (!apply_document (self, document, ncl_fetch_result_get_bytes (fetched),
                            ncl_fetch_result_get_uri (fetched), &error))
    {
      problem (self, document, g_error_new_literal (NCL_SOURCE_ERROR, NCL_SOURCE_ERROR_PARSE_FAILED,
                                                    error->message));
    }
  else
    {
      g_autoptr(GError) store_error = NULL;

      /* What is on screen is fresh all the same; only the next start, or
       * an offline one, goes without it. The cache's message names the
       * file or folder. */
      self->any_updated = TRUE;
      if (!ncl_fetcher_store (self->fetcher, fetched, &store_error))
        problem (self, document, g_error_new_literal (NCL_SOURCE_ERROR, NCL_SOURCE_ERROR_SAVE_FAILED,
                                                      store_error->message));
    }

  finish_pending (self);
  g_object_unref (self);
  g_free (fetch);
}

/**
 * ncl_source_refresh:
 *
 * Fetches every document that has an address (offline, only those that
 * are files). What fails is said through
 * #NclSource::problem and #NclSource:error and leaves what is on screen
 * as it was.
 */
void
ncl_source_refresh (NclSource *self)
{
  g_return_if_fail (NCL_IS_SOURCE (self));

  if (self->pending > 0)
    return;

  self->cancellable = g_cancellable_new ();
  self->any_updated = FALSE;
  self->any_failed = FALSE;

  for (guint i = 0; i < self->documents->len; i++)
    {
      const Document *document = &g_array_index (self->documents, Document, i);
      Fetch *fetch;

      /* Offline, files are still read: they are not the network. */
      if (document->uri == NULL ||
          (self->offline && !g_str_has_prefix (document->uri, "file:")))
        continue;

      fetch = g_new0 (Fetch, 1);
      fetch->self = g_object_ref (self);
      fetch->index = i;

      self->pending++;
      ncl_fetcher_fetch_async (self->fetcher, document->uri, document->kind,
                               self->cancellable, fetch_cb, fetch);
    }

  if (self->pending > 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESHING]);
  else
    g_clear_object (&self->cancellable);
}

static void
ncl_source_dispose (GObject *object)
{
  NclSource *self = (NclSource *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->fetcher);
  g_clear_object (&self->event);

  G_OBJECT_CLASS (ncl_source_parent_class)->dispose (object);
}

static void
ncl_source_finalize (GObject *object)
{
  NclSource *self = (NclSource *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->resource_dir, g_free);
  g_clear_pointer (&self->documents, g_array_unref);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->saved_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (ncl_source_parent_class)->finalize (object);
}

static void
ncl_source_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  NclSource *self = NCL_SOURCE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, ncl_source_get_name (self));
      break;
    case PROP_REFRESHING:
      g_value_set_boolean (value, ncl_source_get_refreshing (self));
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_SAVED_AT:
      g_value_set_boxed (value, self->saved_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_boxed (value, self->updated_at);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ncl_source_class_init (NclSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ncl_source_dispose;
  object_class->finalize = ncl_source_finalize;
  object_class->get_property = ncl_source_get_property;

  /**
   * NclSource:name:
   *
   * The event's name (ncl_source_get_name()); changes when an added
   * event's schedule gives its title.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REFRESHING] =
    g_param_spec_boolean ("refreshing", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       NCL_TYPE_SOURCE_STATE, NCL_SOURCE_STATE_BUNDLED,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * NclSource:saved-at: (nullable)
   *
   * When the oldest saved copy on screen was saved.
   */
  properties[PROP_SAVED_AT] =
    g_param_spec_boxed ("saved-at", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * NclSource:updated-at: (nullable)
   *
   * When the last refresh that brought (or confirmed) data ended, local time.
   */
  properties[PROP_UPDATED_AT] =
    g_param_spec_boxed ("updated-at", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * NclSource:error: (nullable)
   *
   * The last failure, in %NCL_SOURCE_ERROR; cleared when a refresh ends
   * without one.
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NclSource::problem:
   * @document: the document it concerns, as the description names it
   *   ("post", "agenda")
   * @error: what failed and why, in %NCL_SOURCE_ERROR
   *
   * Emitted for every failure, as it happens (#NclSource:error keeps the
   * last one).
   */
  signals[PROBLEM] =
    g_signal_new ("problem",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
event_title_cb (NclSource *self)
{
  if (self->location != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

static void
ncl_source_init (NclSource *self)
{
  self->event = ncl_event_new ();
  g_signal_connect_object (self->event, "notify::title", G_CALLBACK (event_title_cb),
                           self, G_CONNECT_SWAPPED);
  self->documents = g_array_new (FALSE, TRUE, sizeof (Document));
  g_array_set_clear_func (self->documents, document_clear);
}

/**
 * ncl_source_new_for_resource:
 * @fetcher: fetches and saves the documents
 * @description_path: the resource of the event's description
 *   (`…/event/NAME.event`); the bundled copies it names sit beside it
 *
 * Returns: (transfer full) (nullable): the event's source, showing nothing
 *   yet (ncl_source_load_bundled()), or %NULL with
 *   %NCL_SOURCE_ERROR_DESCRIPTION
 */
NclSource *
ncl_source_new_for_resource (NclFetcher  *fetcher,
                             const char  *description_path,
                             GError     **error)
{
  g_autoptr(NclSource) self = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (NCL_IS_FETCHER (fetcher), NULL);
  g_return_val_if_fail (description_path != NULL, NULL);

  self = g_object_new (NCL_TYPE_SOURCE, NULL);
  self->fetcher = g_object_ref (fetcher);
  self->resource_dir = g_path_get_dirname (description_path);
  basename = g_path_get_basename (description_path);
  self->id = g_str_has_suffix (basename, ".event")
               ? g_strndup (basename, strlen (basename) - strlen (".event"))
               : g_strdup (basename);

  bytes = g_resources_lookup_data (description_path, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, NCL_SOURCE_ERROR, NCL_SOURCE_ERROR_DESCRIPTION,
                   "%s: %s", self->id, local_error->message);
      return NULL;
    }

  if (!read_description (self, bytes, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * ncl_source_new_for_location:
 * @fetcher: fetches and saves the schedule
 * @location: where a person found the event's schedule: an http(s) or
 *   file URI
 *
 * An event a person added: one schedule document, in whichever format its
 * content is (ncl_format_sniff()), read from @location on every refresh.
 * Its id is derived from @location, so its saved copy is found on the next
 * start; its name is the schedule's title once one was read.
 *
 * Returns: (transfer full): the event's source, showing nothing yet
 *   (ncl_source_load_saved(), ncl_source_refresh())
 */
NclSource *
ncl_source_new_for_location (NclFetcher *fetcher,
                             const char *location)
{
  NclSource *self;
  Document document = { NULL };
  g_autofree char *checksum = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (NCL_IS_FETCHER (fetcher), NULL);
  g_return_val_if_fail (location != NULL, NULL);

  self = g_object_new (NCL_TYPE_SOURCE, NULL);
  self->fetcher = g_object_ref (fetcher);
  self->location = g_strdup (location);
  checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, location, -1);
  self->id = g_strdup_printf ("added-%.16s", checksum);

  /* Until the schedule says its title: its file name, as a person saw it. */
  basename = g_path_get_basename (location);
  self->name = g_uri_unescape_string (basename, NULL);
  if (self->name == NULL || self->name[0] == '\0' || g_str_equal (self->name, "/"))
    ncl_set_str (&self->name, location);

  document.id = g_strdup ("schedule");
  document.uri = g_strdup (location);
  document.kind = NCL_FETCH_SCHEDULE;
  g_array_append_val (self->documents, document);

  return self;
}

/**
 * ncl_source_get_location:
 *
 * Returns: (nullable): where the schedule of an event a person added is
 *   read from; %NULL for the built-in event
 */
const char *
ncl_source_get_location (NclSource *self)
{
  g_return_val_if_fail (NCL_IS_SOURCE (self), NULL);

  return self->location;
}

/**
 * ncl_source_write_ics:
 * @only_sessions: (nullable) (element-type NclSession): the sessions to
 *   write; %NULL for all
 * @length: (out) (optional): the length of the text
 *
 * The event as an iCalendar file: what `--export-ics` writes and a
 * calendar imports (formats/ncl-ical-writer.c).
 *
 * Returns: (transfer full) (nullable): the text, or %NULL with @error
 */
char *
ncl_source_write_ics (NclSource  *self,
                      GPtrArray  *only_sessions,
                      gsize      *length,
                      GError    **error)
{
  g_return_val_if_fail (NCL_IS_SOURCE (self), NULL);

  return ncl_ical_write (self->event, only_sessions, length, error);
}

/**
 * ncl_source_load_bundled:
 *
 * Parses the copies built into the app. They are in memory already and
 * parse in well under a millisecond: fine before the first frame.
 */
gboolean
ncl_source_load_bundled (NclSource  *self,
                         GError    **error)
{
  const char *bench_post;

  g_return_val_if_fail (NCL_IS_SOURCE (self), FALSE);

  /* The benchmarks (tests/bench/) start the app on a generated post of
   * 100 to 5,000 talks in place of the built-in one. */
  bench_post = g_getenv ("NCL_BENCH_POST");

  for (guint i = 0; i < self->documents->len; i++)
    {
      Document *document = &g_array_index (self->documents, Document, i);
      g_autoptr(GBytes) bytes = NULL;

      if (bench_post != NULL && bench_post[0] != '\0' && g_strcmp0 (document->format, "post") == 0)
        {
          g_autoptr(GFile) file = g_file_new_for_path (bench_post);

          bytes = g_file_load_bytes (file, NULL, NULL, error);
        }
      else if (document->bundled != NULL)
        {
          g_autofree char *path = g_build_path ("/", self->resource_dir, document->bundled, NULL);

          bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
        }
      else
        continue;

      if (bytes == NULL || !apply_document (self, document, bytes, NULL, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * ncl_source_get_event:
 *
 * Returns: (transfer none): the event, updated in place as its documents
 *   arrive: empty until one was read
 */
NclEvent *
ncl_source_get_event (NclSource *self)
{
  g_return_val_if_fail (NCL_IS_SOURCE (self), NULL);

  return self->event;
}

/**
 * ncl_source_get_id:
 *
 * Returns: the event's id, its description's name: stable across runs
 */
const char *
ncl_source_get_id (NclSource *self)
{
  g_return_val_if_fail (NCL_IS_SOURCE (self), NULL);

  return self->id;
}

/**
 * ncl_source_get_name:
 *
 * Returns: the event's name, as its description gives it; for an event a
 *   person added, the schedule's title (its file name until one was read)
 */
const char *
ncl_source_get_name (NclSource *self)
{
  const char *title;

  g_return_val_if_fail (NCL_IS_SOURCE (self), NULL);

  title = ncl_event_get_title (self->event);
  if (self->location != NULL && title != NULL && title[0] != '\0')
    return title;

  return self->name;
}

/**
 * ncl_source_get_document_uri:
 * @document: a document's name in the description ("post")
 *
 * Returns: (nullable): where @document is fetched from
 */
const char *
ncl_source_get_document_uri (NclSource  *self,
                             const char *document)
{
  Document *found;

  g_return_val_if_fail (NCL_IS_SOURCE (self), NULL);
  g_return_val_if_fail (document != NULL, NULL);

  found = find_document (self, document);
  return found != NULL ? found->uri : NULL;
}

/**
 * ncl_source_set_document_uri:
 * @document: a document's name in the description ("post")
 * @uri: (nullable): where to fetch it from; %NULL never fetches it
 *
 * Points a document elsewhere than its description does (the user's
 * settings, a test's server). Takes effect at the next load or refresh.
 */
void
ncl_source_set_document_uri (NclSource  *self,
                             const char *document,
                             const char *uri)
{
  Document *found;

  g_return_if_fail (NCL_IS_SOURCE (self));
  g_return_if_fail (document != NULL);

  found = find_document (self, document);
  g_return_if_fail (found != NULL);

  g_free (found->uri);
  found->uri = uri != NULL && uri[0] != '\0' ? g_strdup (uri) : NULL;
}

gboolean
ncl_source_get_refreshing (NclSource *self)
{
  g_return_val_if_fail (NCL_IS_SOURCE (self), FALSE);

  return self->pending > 0;
}

gboolean
ncl_source_get_offline (NclSource *self)
{
  g_return_val_if_fail (NCL_IS_SOURCE (self), FALSE);

  return self->offline;
}

/**
 * ncl_source_set_offline:
 *
 * Offline, nothing touches the network: the saved and bundled copies are
 * all there is.
 */
void
ncl_source_set_offline (NclSource *self,
                        gboolean   offline)
{
  g_return_if_fail (NCL_IS_SOURCE (self));

  self->offline = !!offline;
}

NclSourceState
ncl_source_get_state (NclSource *self)
{
  g_return_val_if_fail (NCL_IS_SOURCE (self), NCL_SOURCE_STATE_BUNDLED);

  return self->state;
}

/**
 * ncl_source_get_saved_at:
 *
 * Returns: (transfer none) (nullable): when the oldest saved copy on
 *   screen was saved; %NULL before one was loaded
 */
GDateTime *
ncl_source_get_saved_at (NclSource *self)
{
  g_return_val_if_fail (NCL_IS_SOURCE (self), NULL);

  return self->saved_at;
}

/**
 * ncl_source_get_updated_at:
 *
 * Returns: (transfer none) (nullable): when the last refresh that brought
 *   or confirmed data ended, local time; %NULL before one did
 */
GDateTime *
ncl_source_get_updated_at (NclSource *self)
{
  g_return_val_if_fail (NCL_IS_SOURCE (self), NULL);

  return self->updated_at;
}

/**
 * ncl_source_get_error:
 *
 * Returns: (transfer none) (nullable): the last failure, in
 *   %NCL_SOURCE_ERROR, until a refresh ends without one
 */
const GError *
ncl_source_get_error (NclSource *self)
{
  g_return_val_if_fail (NCL_IS_SOURCE (self), NULL);

  return self->error;
}
