/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * The model's types, declared, so that two can point at each other without
 * including each other's header (a session holds its talk; the talk's
 * header need not know sessions).
 */

typedef struct _NclEvent    NclEvent;
typedef struct _NclSchedule NclSchedule;
typedef struct _NclSession  NclSession;
typedef struct _NclSpeaker  NclSpeaker;
typedef struct _NclHighlight     NclHighlight;
