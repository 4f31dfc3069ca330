/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ncl-fetcher.h"
#include "ncl-format.h"
#include "ncl-store.h"

/*
 * Where the event on screen comes from, and keeping it current. It starts
 * from the post built into the app, then the copies an earlier run saved,
 * then what the network says now. Each step updates the same NclArticle and
 * NclEvent in place, so views follow without being rebuilt. Nothing is
 * saved before it parsed: a broken download never replaces good data.
 *
 * What it shows is said as data: a state (bundled, saved, fresh), whether
 * a refresh runs, the times, and the last failure as a GError. The
 * sentences people read are the UI's (ncl-source-status.c).
 */

#define BUILT_IN_DIR RESOURCE_BASE "/event/"
#define BUILT_IN_EVENT BUILT_IN_DIR "nats-connect-live-2020.event"

/* One document of the event: how its description says to read it. */
typedef struct
{
  char *format;    /* the NclFormat's name it must be */
  char *base_uri;  /* links resolve against it; else the fetched address */
  char *bundled;   /* the resource shown before any copy, or NULL */
} Document;

struct _NclStore
{
  GObject parent_instance;

  NclFetcher *fetcher;
  char *post_url;
  char *schedule_url;

  NclEvent *event;
  GKeyFile *description;
  GError *description_error;
  Document post;
  Document agenda;
  GDateTime *date;  /* midnight of the event's day, in its zone */

  NclStoreState state;
  GDateTime *saved_at;
  GDateTime *updated_at;
  GError *error;
  gboolean offline;

  GCancellable *cancellable;
  guint pending;
  gboolean any_updated;
  gboolean any_failed;
};

G_DEFINE_QUARK (ncl-store-error-quark, ncl_store_error)

G_DEFINE_ENUM_TYPE (NclStoreState, ncl_store_state,
                    G_DEFINE_ENUM_VALUE (NCL_STORE_STATE_BUNDLED, "bundled"),
                    G_DEFINE_ENUM_VALUE (NCL_STORE_STATE_SAVED, "saved"),
                    G_DEFINE_ENUM_VALUE (NCL_STORE_STATE_FRESH, "fresh"))

G_DEFINE_FINAL_TYPE (NclStore, ncl_store, G_TYPE_OBJECT)

enum {
  PROP_0,
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

/* Takes @error: the store's last error until a refresh goes without one. */
static void
problem (NclStore *self,
         GError   *error)
{
  g_clear_error (&self->error);
  self->error = error;
  self->any_failed = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  g_signal_emit (self, signals[PROBLEM], 0, self->error);
}

static void
set_state (NclStore      *self,
           NclStoreState  state,
           GDateTime     *saved_at)
{
  if (state == NCL_STORE_STATE_SAVED && saved_at != NULL)
    {
      /* The oldest of the saved copies on screen is the one to tell of. */
      if (self->saved_at == NULL || g_date_time_compare (saved_at, self->saved_at) < 0)
        {
          g_clear_pointer (&self->saved_at, g_date_time_unref);
          self->saved_at = g_date_time_ref (saved_at);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED_AT]);
        }
    }

  if (state == NCL_STORE_STATE_FRESH)
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
document_clear (Document *document)
{
  g_clear_pointer (&document->format, g_free);
  g_clear_pointer (&document->base_uri, g_free);
  g_clear_pointer (&document->bundled, g_free);
}

static void
read_document (GKeyFile   *description,
               const char *group,
               Document   *document)
{
  document->format = g_key_file_get_string (description, group, "Format", NULL);
  document->base_uri = g_key_file_get_string (description, group, "BaseURI", NULL);
  document->bundled = g_key_file_get_string (description, group, "Bundled", NULL);
}

/* The built-in event's description (data/event/nats-connect-live-2020.event): its documents'
 * formats and what they do not say. */
static gboolean
read_description (NclStore  *self,
                  GError   **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (BUILT_IN_EVENT, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autofree char *date = NULL;
  g_autofree char *zone_name = NULL;

  if (bytes == NULL)
    return FALSE;

  self->description = g_key_file_new ();
  if (!g_key_file_load_from_bytes (self->description, bytes, G_KEY_FILE_NONE, error))
    return FALSE;

  read_document (self->description, "Post", &self->post);
  read_document (self->description, "Agenda", &self->agenda);

  date = g_key_file_get_string (self->description, "Event", "Date", NULL);
  zone_name = g_key_file_get_string (self->description, "Event", "TimeZone", NULL);
  if (date != NULL)
    {
      g_autoptr(GTimeZone) zone = zone_name != NULL ? g_time_zone_new_identifier (zone_name) : NULL;
      g_autofree char *midnight = g_strconcat (date, "T00:00:00", NULL);

      self->date = g_date_time_new_from_iso8601 (midnight, zone);
    }

  return TRUE;
}

/* Reads @bytes as @document says, into the event on screen. A document in
 * another format than the description's is refused: an error page served
 * in place of the post must not replace it. */
static gboolean
apply_document (NclStore    *self,
                Document    *document,
                GBytes      *bytes,
                const char  *uri,
                GError     **error)
{
  NclParseHints hints = {
    .base_uri = document->base_uri != NULL ? document->base_uri : uri,
    .date = self->date,
  };
  const NclFormat *described = document->format != NULL ? ncl_format_find (document->format) : NULL;
  const NclFormat *format = ncl_format_sniff (bytes);
  g_autoptr(NclEvent) fresh = NULL;

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
  return TRUE;
}

static gboolean
apply_post (NclStore    *self,
            GBytes      *bytes,
            const char  *uri,
            GError     **error)
{
  return apply_document (self, &self->post, bytes, uri, error);
}

static gboolean
apply_agenda (NclStore    *self,
              GBytes      *bytes,
              const char  *uri,
              GError     **error)
{
  return apply_document (self, &self->agenda, bytes, uri, error);
}

typedef gboolean (*ApplyFunc) (NclStore    *self,
                               GBytes      *bytes,
                               const char  *uri,
                               GError     **error);

static void
load_saved_one (NclStore   *self,
                const char *uri,
                ApplyFunc   apply)
{
  g_autoptr(NclFetchResult) saved = NULL;
  g_autoptr(GError) error = NULL;

  if (uri == NULL || !(saved = ncl_fetcher_lookup_cached (self->fetcher, uri, NULL)))
    return;

  /* A saved copy that no longer parses (an older app wrote it, or the disk
   * did) is left alone: what is on screen stays. */
  if (!apply (self, ncl_fetch_result_get_bytes (saved), uri, &error))
    {
      g_debug ("Ignoring the saved copy of %s: %s", uri, error->message);
      return;
    }

  if (self->state != NCL_STORE_STATE_FRESH)
    set_state (self, NCL_STORE_STATE_SAVED, ncl_fetch_result_get_saved_at (saved));
}

/**
 * ncl_store_load_saved:
 *
 * Shows the copies an earlier run saved, if any. Reads the disk: call it
 * after the first frame.
 */
void
ncl_store_load_saved (NclStore *self)
{
  g_return_if_fail (NCL_IS_STORE (self));

  load_saved_one (self, self->post_url, apply_post);
  load_saved_one (self, self->schedule_url, apply_agenda);
}

typedef struct
{
  NclStore *self;
  ApplyFunc apply;
  const char *what;
} Fetch;

static void
finish_pending (NclStore *self)
{
  g_assert (self->pending > 0);

  if (--self->pending > 0)
    return;

  g_clear_object (&self->cancellable);
  if (self->any_updated)
    set_state (self, NCL_STORE_STATE_FRESH, NULL);
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
  NclStore *self = fetch->self;
  g_autoptr(NclFetchResult) fetched = NULL;
  g_autoptr(GError) error = NULL;

  fetched = ncl_fetcher_fetch_finish (NCL_FETCHER (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ;
  else if (fetched == NULL)
    {
      /* Translators: the first %s is "the post" or "the agenda", the second why */
      problem (self, g_error_new (NCL_STORE_ERROR, NCL_STORE_ERROR_FETCH_FAILED,
                                  _("Could not update %s: %s"), _(fetch->what), error->message));
    }
  else if (ncl_fetch_result_get_not_modified (fetched))
    {
      /* 304: what is on screen is current; nothing to parse. */
      self->any_updated = TRUE;
    }
  else if (!fetch->apply (self, ncl_fetch_result_get_bytes (fetched),
                          ncl_fetch_result_get_uri (fetched), &error))
    {
      problem (self, g_error_new (NCL_STORE_ERROR, NCL_STORE_ERROR_PARSE_FAILED,
                                  _("Could not update %s: %s"), _(fetch->what), error->message));
    }
  else
    {
      g_autoptr(GError) store_error = NULL;

      /* What is on screen is fresh all the same; only the next start, or
       * an offline one, goes without it. The cache's message names the
       * file or folder. */
      self->any_updated = TRUE;
      if (!ncl_fetcher_store (self->fetcher, fetched, &store_error))
        problem (self, g_error_new_literal (NCL_STORE_ERROR, NCL_STORE_ERROR_SAVE_FAILED,
                                            store_error->message));
    }

  finish_pending (self);
  g_object_unref (self);
  g_free (fetch);
}

static void
start_fetch (NclStore   *self,
             const char *uri,
             ApplyFunc   apply,
             const char *what)
{
  Fetch *fetch;

  if (uri == NULL)
    return;

  fetch = g_new0 (Fetch, 1);
  fetch->self = g_object_ref (self);
  fetch->apply = apply;
  fetch->what = what;

  self->pending++;
  ncl_fetcher_fetch_async (self->fetcher, uri, NCL_FETCH_DOCUMENT, self->cancellable, fetch_cb, fetch);
}

/**
 * ncl_store_refresh:
 *
 * Fetches the post and the agenda page. What fails is said through
 * #NclStore::problem and #NclStore:error and leaves what is on screen as
 * it was.
 */
void
ncl_store_refresh (NclStore *self)
{
  g_return_if_fail (NCL_IS_STORE (self));

  if (self->offline || self->pending > 0)
    return;

  self->cancellable = g_cancellable_new ();
  self->any_updated = FALSE;
  self->any_failed = FALSE;

  start_fetch (self, self->post_url, apply_post, N_("the post"));
  start_fetch (self, self->schedule_url, apply_agenda, N_("the agenda"));

  if (self->pending > 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESHING]);
}

static void
picture_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(NclFetchResult) fetched = NULL;
  GError *error = NULL;

  fetched = ncl_fetcher_fetch_finish (NCL_FETCHER (object), result, &error);
  if (fetched == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* A picture is a picture: nothing to parse before keeping it. */
  if (!ncl_fetch_result_get_from_cache (fetched) && !ncl_fetch_result_get_not_modified (fetched))
    ncl_fetcher_store (NCL_FETCHER (object), fetched, NULL);

  g_task_return_pointer (task, g_bytes_ref (ncl_fetch_result_get_bytes (fetched)),
                         (GDestroyNotify)g_bytes_unref);
}

/**
 * ncl_store_fetch_picture_async:
 *
 * Gets a slide picture's bytes: the saved copy offline, the network
 * (with a conditional request) otherwise.
 */
void
ncl_store_fetch_picture_async (NclStore            *self,
                               const char          *uri,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (NCL_IS_STORE (self));
  g_return_if_fail (uri != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ncl_store_fetch_picture_async);

  if (self->offline)
    {
      g_autoptr(NclFetchResult) saved = NULL;
      GError *error = NULL;

      saved = ncl_fetcher_lookup_cached (self->fetcher, uri, &error);
      if (saved == NULL)
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, g_bytes_ref (ncl_fetch_result_get_bytes (saved)),
                               (GDestroyNotify)g_bytes_unref);
      return;
    }

  ncl_fetcher_fetch_async (self->fetcher, uri, NCL_FETCH_PICTURE, cancellable,
                           picture_cb, g_steal_pointer (&task));
}

GBytes *
ncl_store_fetch_picture_finish (NclStore      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (NCL_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
ncl_store_dispose (GObject *object)
{
  NclStore *self = (NclStore *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->fetcher);
  g_clear_object (&self->event);

  G_OBJECT_CLASS (ncl_store_parent_class)->dispose (object);
}

static void
ncl_store_finalize (GObject *object)
{
  NclStore *self = (NclStore *)object;

  g_clear_pointer (&self->post_url, g_free);
  g_clear_pointer (&self->schedule_url, g_free);
  g_clear_pointer (&self->description, g_key_file_unref);
  g_clear_error (&self->description_error);
  document_clear (&self->post);
  document_clear (&self->agenda);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->saved_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (ncl_store_parent_class)->finalize (object);
}

static void
ncl_store_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  NclStore *self = NCL_STORE (object);

  switch (prop_id)
    {
    case PROP_REFRESHING:
      g_value_set_boolean (value, ncl_store_get_refreshing (self));
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
ncl_store_class_init (NclStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ncl_store_dispose;
  object_class->finalize = ncl_store_finalize;
  object_class->get_property = ncl_store_get_property;

  properties[PROP_REFRESHING] =
    g_param_spec_boolean ("refreshing", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       NCL_TYPE_STORE_STATE, NCL_STORE_STATE_BUNDLED,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * NclStore:saved-at: (nullable)
   *
   * When the oldest saved copy on screen was saved.
   */
  properties[PROP_SAVED_AT] =
    g_param_spec_boxed ("saved-at", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * NclStore:updated-at: (nullable)
   *
   * When the last refresh that brought (or confirmed) data ended, local time.
   */
  properties[PROP_UPDATED_AT] =
    g_param_spec_boxed ("updated-at", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * NclStore:error: (nullable)
   *
   * The last failure, in %NCL_STORE_ERROR; cleared when a refresh ends
   * without one.
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NclStore::problem:
   * @error: what failed and why, in %NCL_STORE_ERROR
   *
   * Emitted for every failure, as it happens (#NclStore:error keeps the
   * last one).
   */
  signals[PROBLEM] =
    g_signal_new ("problem",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
ncl_store_init (NclStore *self)
{
  self->event = ncl_event_new ();
  read_description (self, &self->description_error);
}

/**
 * ncl_store_new:
 * @post_url: (nullable): where to fetch the post from
 * @schedule_url: (nullable): where to fetch the agenda page from
 */
NclStore *
ncl_store_new (NclFetcher *fetcher,
               const char *post_url,
               const char *schedule_url)
{
  NclStore *self;

  g_return_val_if_fail (NCL_IS_FETCHER (fetcher), NULL);

  self = g_object_new (NCL_TYPE_STORE, NULL);
  self->fetcher = g_object_ref (fetcher);
  self->post_url = g_strdup (post_url);
  self->schedule_url = g_strdup (schedule_url);

  return self;
}

/**
 * ncl_store_new_with_cache:
 * @cache_dir: where the last good copies and their validators are kept
 * @post_url: (nullable): where to fetch the post from
 * @schedule_url: (nullable): where to fetch the agenda page from
 *
 * A store with a fetcher of its own, caching in @cache_dir.
 */
NclStore *
ncl_store_new_with_cache (const char *cache_dir,
                          const char *post_url,
                          const char *schedule_url)
{
  g_autoptr(NclCache) cache = NULL;
  g_autoptr(NclFetcher) fetcher = NULL;

  g_return_val_if_fail (cache_dir != NULL, NULL);

  cache = ncl_cache_new (cache_dir);
  fetcher = ncl_fetcher_new (cache);
  return ncl_store_new (fetcher, post_url, schedule_url);
}

/**
 * ncl_store_load_built_in:
 *
 * Parses the post built into the app. It is in memory already and parses
 * in well under a millisecond: fine before the first frame.
 */
gboolean
ncl_store_load_built_in (NclStore  *self,
                         GError   **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *bench_post;

  g_return_val_if_fail (NCL_IS_STORE (self), FALSE);

  /* The benchmarks (tests/bench/) start the app on a generated post of
   * 100 to 5,000 talks in place of the built-in one. */
  bench_post = g_getenv ("NCL_BENCH_POST");
  if (bench_post != NULL && bench_post[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_path (bench_post);

      bytes = g_file_load_bytes (file, NULL, NULL, error);
    }
  else if (self->description_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->description_error));
      return FALSE;
    }
  else
    {
      g_autofree char *path = g_strconcat (BUILT_IN_DIR, self->post.bundled, NULL);

      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
    }
  if (bytes == NULL)
    return FALSE;

  return apply_post (self, bytes, NULL, error);
}

/**
 * ncl_store_get_event:
 *
 * Returns: (transfer none): the event, updated in place as its documents
 *   arrive: empty until one was read
 */
NclEvent *
ncl_store_get_event (NclStore *self)
{
  g_return_val_if_fail (NCL_IS_STORE (self), NULL);

  return self->event;
}

gboolean
ncl_store_get_refreshing (NclStore *self)
{
  g_return_val_if_fail (NCL_IS_STORE (self), FALSE);

  return self->pending > 0;
}

gboolean
ncl_store_get_offline (NclStore *self)
{
  g_return_val_if_fail (NCL_IS_STORE (self), FALSE);

  return self->offline;
}

/**
 * ncl_store_set_offline:
 *
 * Offline, nothing touches the network: the saved and built-in copies are
 * all there is.
 */
void
ncl_store_set_offline (NclStore *self,
                       gboolean  offline)
{
  g_return_if_fail (NCL_IS_STORE (self));

  self->offline = !!offline;
}

NclStoreState
ncl_store_get_state (NclStore *self)
{
  g_return_val_if_fail (NCL_IS_STORE (self), NCL_STORE_STATE_BUNDLED);

  return self->state;
}

/**
 * ncl_store_get_saved_at:
 *
 * Returns: (transfer none) (nullable): when the oldest saved copy on
 *   screen was saved; %NULL before one was loaded
 */
GDateTime *
ncl_store_get_saved_at (NclStore *self)
{
  g_return_val_if_fail (NCL_IS_STORE (self), NULL);

  return self->saved_at;
}

/**
 * ncl_store_get_updated_at:
 *
 * Returns: (transfer none) (nullable): when the last refresh that brought
 *   or confirmed data ended, local time; %NULL before one did
 */
GDateTime *
ncl_store_get_updated_at (NclStore *self)
{
  g_return_val_if_fail (NCL_IS_STORE (self), NULL);

  return self->updated_at;
}

/**
 * ncl_store_get_error:
 *
 * Returns: (transfer none) (nullable): the last failure, in
 *   %NCL_STORE_ERROR, until a refresh ends without one
 */
const GError *
ncl_store_get_error (NclStore *self)
{
  g_return_val_if_fail (NCL_IS_STORE (self), NULL);

  return self->error;
}
