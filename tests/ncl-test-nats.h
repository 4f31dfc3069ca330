/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ncl-format-types.h"

/*
 * The built-in event's values, as its description
 * (data/event/nats-connect-live-2020.event) gives them to the parsers:
 * tests read the NATS documents as the store does. test-format checks
 * that the two agree.
 */

#define NCL_TEST_POST_URI   "https://nats.io/blog/nats-connect-live-2020/"
#define NCL_TEST_AGENDA_URI "https://nats.io/nats_connect/"
#define NCL_TEST_ZONE       "America/Los_Angeles"

/* The hints for an agenda page at @base_uri; the date lives as long as
 * the test program. */
static inline const NclParseHints *
ncl_test_agenda_hints_at (const char *base_uri)
{
  static NclParseHints hints;
  static GDateTime *date;

  if (date == NULL)
    {
      GTimeZone *zone = g_time_zone_new_identifier (NCL_TEST_ZONE);

      date = g_date_time_new (zone, 2020, 4, 16, 0, 0, 0);
      g_time_zone_unref (zone);
    }
  hints.base_uri = base_uri;
  hints.date = date;

  return &hints;
}

static inline const NclParseHints *
ncl_test_agenda_hints (void)
{
  return ncl_test_agenda_hints_at (NCL_TEST_AGENDA_URI);
}
