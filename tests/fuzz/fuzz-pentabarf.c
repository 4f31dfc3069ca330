/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ncl-frab.h"
#include "ncl-pentabarf-format.h"
#include "ncl-fuzz-schedule.h"

/* A Pentabarf or frab schedule.xml as a hostile server could send it. */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  ncl_fuzz_init ();
  return 0;
}

/* Durations and clock times on their own: any bytes at all. */
static void
check_clock (const uint8_t *data,
             size_t         size)
{
  g_autofree char *text = g_strndup ((const char *)data, MIN (size, 32));
  gint64 seconds = -1;
  guint minutes = G_MAXUINT;

  if (ncl_frab_parse_duration (text, &seconds) &&
      (seconds < 0 || seconds > (gint64) NCL_FRAB_MAX_DURATION_DAYS * 86400))
    ncl_fuzz_fail ("a duration", "is out of range", text);
  if (ncl_frab_parse_clock (text, &minutes) && minutes >= 48 * 60)
    ncl_fuzz_fail ("a clock time", "is past 48:00", text);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(NclEvent) event = NULL;
  g_autoptr(GError) error = NULL;

  check_clock (data, size);

  event = ncl_pentabarf_parse (bytes, NULL, &error);

  return ncl_fuzz_check_schedule (event, error);
}
