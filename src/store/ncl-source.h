/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ncl-event.h"

G_BEGIN_DECLS

/* The fetcher is the network layer's; those who make a source with their
 * own (the library, the tests) include ncl-fetcher.h, the rest never see
 * it. */
typedef struct _NclFetcher NclFetcher;

#define NCL_SOURCE_ERROR (ncl_source_error_quark ())

/**
 * NclSourceError:
 * @NCL_SOURCE_ERROR_DESCRIPTION: the event's description cannot be read
 * @NCL_SOURCE_ERROR_FETCH_FAILED: a document could not be downloaded
 * @NCL_SOURCE_ERROR_PARSE_FAILED: a downloaded document was refused
 * @NCL_SOURCE_ERROR_SAVE_FAILED: a good document could not be saved for
 *   the next start (the cache folder is read-only, full, or not a folder)
 *
 * The message is the cause's: the HTTP status, the parser's line and
 * problem, the cache's file or folder and why. Which document it was is
 * #NclSource::problem's argument; the sentence around it is the UI's.
 */
typedef enum
{
  NCL_SOURCE_ERROR_DESCRIPTION,
  NCL_SOURCE_ERROR_FETCH_FAILED,
  NCL_SOURCE_ERROR_PARSE_FAILED,
  NCL_SOURCE_ERROR_SAVE_FAILED,
} NclSourceError;

GQuark ncl_source_error_quark (void);

/**
 * NclSourceState:
 * @NCL_SOURCE_STATE_BUNDLED: the copy built into the app
 * @NCL_SOURCE_STATE_SAVED: the copy saved by an earlier run (#NclSource:saved-at)
 * @NCL_SOURCE_STATE_FRESH: fetched (or confirmed unchanged) in this run
 *   (#NclSource:updated-at)
 *
 * Where the data on screen came from. Whether a refresh is running is
 * #NclSource:refreshing, beside it.
 */
typedef enum
{
  NCL_SOURCE_STATE_BUNDLED,
  NCL_SOURCE_STATE_SAVED,
  NCL_SOURCE_STATE_FRESH,
} NclSourceState;

#define NCL_TYPE_SOURCE_STATE (ncl_source_state_get_type ())

GType ncl_source_state_get_type (void);

#define NCL_TYPE_SOURCE (ncl_source_get_type ())

G_DECLARE_FINAL_TYPE (NclSource, ncl_source, NCL, SOURCE, GObject)

NclSource      *ncl_source_new_for_resource  (NclFetcher           *fetcher,
                                              const char           *description_path,
                                              GError              **error);
NclSource      *ncl_source_new_for_location  (NclFetcher           *fetcher,
                                              const char           *location);
const char     *ncl_source_get_location      (NclSource            *self);
char           *ncl_source_write_ics         (NclSource            *self,
                                              GPtrArray            *only_sessions,
                                              gsize                *length,
                                              GError              **error);
NclEvent       *ncl_source_get_event         (NclSource            *self);
const char     *ncl_source_get_id            (NclSource            *self);
const char     *ncl_source_get_name          (NclSource            *self);
const char     *ncl_source_get_document_uri  (NclSource            *self,
                                              const char           *document);
void            ncl_source_set_document_uri  (NclSource            *self,
                                              const char           *document,
                                              const char           *uri);
gboolean        ncl_source_get_refreshing    (NclSource            *self);
gboolean        ncl_source_get_offline       (NclSource            *self);
void            ncl_source_set_offline       (NclSource            *self,
                                              gboolean              offline);
NclSourceState  ncl_source_get_state         (NclSource            *self);
GDateTime      *ncl_source_get_saved_at      (NclSource            *self);
GDateTime      *ncl_source_get_updated_at    (NclSource            *self);
const GError   *ncl_source_get_error         (NclSource            *self);
gboolean        ncl_source_load_bundled      (NclSource            *self,
                                              GError              **error);
void            ncl_source_load_saved        (NclSource            *self);
void            ncl_source_refresh           (NclSource            *self);

G_END_DECLS
