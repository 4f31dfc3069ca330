/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ncl-event.h"

G_BEGIN_DECLS

/**
 * NclParseHints:
 * @base_uri: (nullable): where the document is published; relative links
 *   and pictures resolve against it
 * @date: (nullable): midnight of the event's first day, in its zone: the
 *   day and zone of times a document gives without them
 *
 * What a document does not say but its event's description does. Parsers
 * take every such value from here, never from a constant of their own.
 */
typedef struct
{
  const char *base_uri;
  GDateTime *date;
} NclParseHints;

/**
 * NclFormat:
 * @name: the format's name in event descriptions ("post")
 * @description: what a file of the format is, for people ("a post: front
 *   matter and Markdown"), translatable
 * @max_size: the largest document it reads, in bytes
 * @sniff: whether @data looks like the format, by its content alone
 * @parse: reads a document into an event of the parts it gives
 *
 * A schedule format; the registry (ncl-format.c) holds them all.
 */
typedef struct
{
  const char *name;
  const char *description;
  gsize max_size;
  gboolean  (*sniff) (const char          *data,
                      gsize                length);
  NclEvent *(*parse) (GBytes              *bytes,
                      const NclParseHints *hints,
                      GError             **error);
} NclFormat;

G_END_DECLS
