/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * The model's types, declared, so that two can point at each other without
 * including each other's header (a session holds its highlight and its
 * speakers; a speaker holds their sessions).
 */

typedef struct _NclArticle   NclArticle;
typedef struct _NclDay       NclDay;
typedef struct _NclEvent     NclEvent;
typedef struct _NclHighlight NclHighlight;
typedef struct _NclRoom      NclRoom;
typedef struct _NclSession   NclSession;
typedef struct _NclSpeaker   NclSpeaker;
typedef struct _NclTrack     NclTrack;
