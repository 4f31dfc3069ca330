/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ncl-event-part.h"

/* The window shows the post as one scrolling list, so that talk rows are
 * recycled however many there are; the header above the talks and the
 * closing words below them are items of that list too. */
struct _NclEventPart
{
  GObject parent_instance;

  NclEvent *event;
  NclEventPartKind kind;
};

G_DEFINE_FINAL_TYPE (NclEventPart, ncl_event_part, G_TYPE_OBJECT)

static void
ncl_event_part_dispose (GObject *object)
{
  NclEventPart *self = (NclEventPart *)object;

  g_clear_object (&self->event);

  G_OBJECT_CLASS (ncl_event_part_parent_class)->dispose (object);
}

static void
ncl_event_part_class_init (NclEventPartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ncl_event_part_dispose;
}

static void
ncl_event_part_init (NclEventPart *self)
{
}

NclEventPart *
ncl_event_part_new (NclEvent         *event,
                    NclEventPartKind  kind)
{
  NclEventPart *self;

  g_return_val_if_fail (NCL_IS_EVENT (event), NULL);

  self = g_object_new (NCL_TYPE_EVENT_PART, NULL);
  self->event = g_object_ref (event);
  self->kind = kind;

  return self;
}

NclEvent *
ncl_event_part_get_event (NclEventPart *self)
{
  g_return_val_if_fail (NCL_IS_EVENT_PART (self), NULL);

  return self->event;
}

NclEventPartKind
ncl_event_part_get_kind (NclEventPart *self)
{
  g_return_val_if_fail (NCL_IS_EVENT_PART (self), NCL_EVENT_PART_HEADER);

  return self->kind;
}
