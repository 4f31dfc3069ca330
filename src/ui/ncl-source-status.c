/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ncl-source-status.h"

/*
 * A source's state in the words people read: the status line under the
 * header bar, and the messages the window shows when something failed.
 * The source says what happened as data (NclSourceState, its times, a
 * GError and the document it concerns); the sentences are made here,
 * translated.
 */

/**
 * ncl_source_status_format:
 * @state: where the data on screen came from
 * @refreshing: whether a refresh is running
 * @saved_at: (nullable): when the saved copy on screen was saved
 * @updated_at: (nullable): when the last refresh ended
 * @now: the time to measure "just now" from
 *
 * Returns: (transfer full): the status line: "Updated just now",
 *   "Offline — showing the copy saved on April 2 at 10:30", "Showing the
 *   copy built into the app", "Updating…"
 */
char *
ncl_source_status_format (NclSourceState  state,
                          gboolean        refreshing,
                          GDateTime      *saved_at,
                          GDateTime      *updated_at,
                          GDateTime      *now)
{
  g_return_val_if_fail (now != NULL, NULL);

  if (refreshing)
    return g_strdup (_("Updating…"));

  if (state == NCL_SOURCE_STATE_FRESH && updated_at != NULL)
    {
      g_autoptr(GDateTime) local = NULL;
      g_autofree char *time = NULL;

      if (g_date_time_difference (now, updated_at) < 60 * G_TIME_SPAN_SECOND)
        return g_strdup (_("Updated just now"));

      local = g_date_time_to_local (updated_at);
      /* Translators: a time of day, see g_date_time_format() */
      time = g_date_time_format (local, _("%H:%M"));
      /* Translators: %s is a time of day */
      return g_strdup_printf (_("Updated at %s"), time);
    }

  if (state == NCL_SOURCE_STATE_SAVED && saved_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (saved_at);
      /* Translators: a date and time, see g_date_time_format() */
      g_autofree char *date = g_date_time_format (local, _("%B %-d at %H:%M"));

      /* Translators: %s is a date and time, e.g. "April 2 at 10:30" */
      return g_strdup_printf (_("Offline — showing the copy saved on %s"), date);
    }

  return g_strdup (_("Showing the copy built into the app"));
}

/**
 * ncl_source_status_dup_text:
 *
 * Returns: (transfer full): the status line for @source, now
 */
char *
ncl_source_status_dup_text (NclSource *source)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (NCL_IS_SOURCE (source), NULL);

  return ncl_source_status_format (ncl_source_get_state (source),
                                   ncl_source_get_refreshing (source),
                                   ncl_source_get_saved_at (source),
                                   ncl_source_get_updated_at (source),
                                   now);
}

/* A document as its description names it, in the words of a sentence. */
static const char *
document_noun (const char *document)
{
  if (g_strcmp0 (document, "post") == 0)
    return _("the post");
  if (g_strcmp0 (document, "agenda") == 0)
    return _("the agenda");

  return _("the schedule");
}

/**
 * ncl_source_status_dup_problem:
 * @document: (nullable): the document it concerns (#NclSource::problem)
 * @error: a failure of the source's, in %NCL_SOURCE_ERROR
 *
 * Returns: (transfer full): what to tell a person of @error, in one
 *   sentence: a failed download or a refused document as what could not
 *   be updated and why ("Could not update the agenda: Not Found (404)");
 *   a save that failed as what it costs them, with the cache's reason
 */
char *
ncl_source_status_dup_problem (const char   *document,
                               const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, NCL_SOURCE_ERROR, NCL_SOURCE_ERROR_SAVE_FAILED))
    /* Translators: %s says why, e.g. "Could not create the cache folder …: Not a directory" */
    return g_strdup_printf (_("Could not save the schedule for offline use: %s"), error->message);

  if (g_error_matches (error, NCL_SOURCE_ERROR, NCL_SOURCE_ERROR_FETCH_FAILED) ||
      g_error_matches (error, NCL_SOURCE_ERROR, NCL_SOURCE_ERROR_PARSE_FAILED))
    /* Translators: the first %s is "the post", "the agenda" or "the
     * schedule", the second why */
    return g_strdup_printf (_("Could not update %s: %s"), document_noun (document), error->message);

  return g_strdup (error->message);
}
