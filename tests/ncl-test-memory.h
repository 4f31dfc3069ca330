/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>
#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

/* Peak memory (VmHWM) over a stretch of a test: what a download or a
 * parse cost, measured, and bounded where the numbers mean something. */

#if defined(__SANITIZE_ADDRESS__)
#define BUILT_WITH_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define BUILT_WITH_ASAN 1
#endif
#endif

/* Valgrind's and AddressSanitizer's own memory make RSS meaningless. */
static inline gboolean
memory_is_instrumented (void)
{
  const char *preload = g_getenv ("LD_PRELOAD");

#ifdef BUILT_WITH_ASAN
  return TRUE;
#endif

  return preload != NULL && strstr (preload, "vgpreload") != NULL;
}

static inline guint64
proc_status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, field);
  g_assert_nonnull (line);

  return g_ascii_strtoull (line + strlen (field), NULL, 10);
}

typedef struct
{
  guint64 start_kib;
  gboolean peak_reset;
} MemoryProbe;

/* Resets the peak (VmHWM) to the current RSS where the kernel allows it,
 * so the growth measured is this download's, not an earlier test's. */
static inline void
memory_probe_start (MemoryProbe *probe)
{
  FILE *clear_refs = fopen ("/proc/self/clear_refs", "w");

  probe->peak_reset = FALSE;
  if (clear_refs != NULL)
    {
      probe->peak_reset = fputs ("5", clear_refs) >= 0;
      probe->peak_reset = fclose (clear_refs) == 0 && probe->peak_reset;
    }
  probe->start_kib = proc_status_kib (probe->peak_reset ? "VmHWM:" : "VmRSS:");
}

static inline guint64
memory_probe_growth (MemoryProbe *probe)
{
  guint64 end_kib = proc_status_kib ("VmHWM:");

  return end_kib > probe->start_kib ? end_kib - probe->start_kib : 0;
}

static inline void
memory_probe_assert_growth_below (MemoryProbe *probe,
                                  guint64      limit_kib)
{
  guint64 growth = memory_probe_growth (probe);

  g_test_message ("peak memory grew by %" G_GUINT64_FORMAT " KiB (peak %s)",
                  growth, probe->peak_reset ? "reset before" : "not resettable");
  if (memory_is_instrumented ())
    return;

  g_assert_cmpuint (growth, <, limit_kib);
}

G_END_DECLS
