/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ncl-frab-json-format.h"

#include "ncl-fuzz-schedule.h"

/* A frab or pretalx schedule.json as a hostile server could send it. */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  ncl_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(NclEvent) event = ncl_frab_json_parse (bytes, NULL, &error);

  return ncl_fuzz_check_schedule (event, error);
}
