/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * What the fuzz targets share. A parser reports bad input with a GError;
 * a GLib warning or critical on the way is a bug, and so is output that
 * breaks what its callers rely on (markup a label cannot show, text that is
 * not UTF-8). Both abort(), which libFuzzer reports as a crash and whose
 * input it keeps.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

#include "ncl-test-markup.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

static inline GLogWriterOutput
ncl_fuzz_log_writer (GLogLevelFlags   log_level,
                     const GLogField *fields,
                     gsize            n_fields,
                     gpointer         user_data)
{
  GLogWriterOutput result = g_log_writer_default (log_level, fields, n_fields, user_data);

  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();

  return result;
}

static inline void
ncl_fuzz_init (void)
{
  g_log_set_writer_func (ncl_fuzz_log_writer, NULL, NULL);
}

static inline G_NORETURN void
ncl_fuzz_fail (const char *what,
               const char *problem,
               const char *value)
{
  fprintf (stderr, "ncl-fuzz: %s %s:\n%s\n", what, problem, value != NULL ? value : "(null)");
  abort ();
}

/* Text a label or a window title shows: UTF-8, or GTK refuses it. */
static inline void
ncl_fuzz_check_text (const char *what,
                     const char *text)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    ncl_fuzz_fail (what, "is not valid UTF-8", text);
}

/* Markup a label shows with gtk_label_set_markup(): what GMarkup refuses,
 * the label shows as an error instead of the text. */
static inline void
ncl_fuzz_check_markup (const char *what,
                       const char *markup)
{
  g_autoptr(GError) error = NULL;

  if (markup != NULL && !ncl_test_markup_is_valid (markup, &error))
    {
      fprintf (stderr, "ncl-fuzz: %s: %s\n", what, error->message);
      ncl_fuzz_fail (what, "is not valid Pango markup", markup);
    }
}

/* A parser that returns nothing must say why. */
static inline void
ncl_fuzz_check_error (const char   *what,
                      const GError *error)
{
  if (error == NULL || error->message == NULL || error->message[0] == '\0')
    ncl_fuzz_fail (what, "failed without an error message", NULL);
  ncl_fuzz_check_text (what, error->message);
}
