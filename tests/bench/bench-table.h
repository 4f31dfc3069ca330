/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The suite's table (tests/bench/run-suite): with NCL_BENCH_TABLE=FILE in
 * the environment, each benchmark appends its rows to FILE, one a line,
 * tab-separated: measure, value, baseline, ratio, goal. The cells are text
 * already ("463 ms (450–480)"); tests/bench/print-table.py lays them out. */

#include <glib.h>
#include <stdio.h>

typedef struct
{
  double median;
  double p95;
  double min;
  double max;
} BenchStats;

static inline int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

/* Median (middle two averaged), 95th percentile (nearest rank), min, max. */
static inline BenchStats
bench_stats (GArray *samples)
{
  g_autoptr(GArray) sorted = g_array_copy (samples);
  BenchStats stats = { 0, 0, 0, 0 };
  guint n = sorted->len;
  guint rank;

  if (n == 0)
    return stats;

  g_array_sort (sorted, bench_compare_doubles);
  if (n % 2 == 1)
    stats.median = g_array_index (sorted, double, n / 2);
  else
    stats.median = (g_array_index (sorted, double, n / 2 - 1) +
                    g_array_index (sorted, double, n / 2)) / 2;
  rank = (guint)(0.95 * n + 0.999999);
  stats.p95 = g_array_index (sorted, double, CLAMP (rank, 1, n) - 1);
  stats.min = g_array_index (sorted, double, 0);
  stats.max = g_array_index (sorted, double, n - 1);

  return stats;
}

/* "463 ms (450–480)", with @digits after the point. */
static inline char *
bench_cell (BenchStats  stats,
            int         digits,
            const char *unit)
{
  return g_strdup_printf ("%.*f %s (%.*f–%.*f)", digits, stats.median, unit,
                          digits, stats.min, digits, stats.max);
}

static inline void
bench_table_row (const char *measure,
                 const char *value,
                 const char *baseline,
                 const char *ratio,
                 const char *goal)
{
  const char *path = g_getenv ("NCL_BENCH_TABLE");
  FILE *file;

  if (path == NULL || path[0] == '\0')
    return;

  if ((file = fopen (path, "a")) == NULL)
    {
      fprintf (stderr, "cannot append to %s\n", path);
      return;
    }

  fprintf (file, "%s\t%s\t%s\t%s\t%s\n", measure, value, baseline != NULL ? baseline : "",
           ratio != NULL ? ratio : "", goal != NULL ? goal : "");
  fclose (file);
}
