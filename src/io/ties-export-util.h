/* ties-export-util.h: what the data exports of src/io share
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "ties-document.h"
#include "ties-filter.h"
#include "ties-network.h"

G_BEGIN_DECLS

/* The ties of the events @filter keeps (NULL: the document's filter),
 * whether the diagram hides or dims the rest: a file has no "dimmed",
 * and an analysis of a file should be of the events chosen. */
TiesNetwork *_ties_export_network    (TiesDocument *document,
                                      TiesFilter   *filter);

/* Where @actor is drawn: its own position (pinned or not), else where
 * the last layout put it (view.positions); FALSE when neither is known. */
gboolean     _ties_export_actor_place (TiesDocument *document,
                                       TiesActor    *actor,
                                       double       *x,
                                       double       *y,
                                       gboolean     *pinned);

/* What the JSON exports say of an actor (kind, role, affiliation,
 * aliases, colour, events, degree) and of a tie (weight, kinds, first
 * and last date, sources, evidence, who reached out, its events), as
 * members of the object @builder is in; a member with no value is left
 * out. */
void         _ties_export_json_actor_members (JsonBuilder  *builder,
                                              TiesNetwork  *network,
                                              TiesActor    *actor);
void         _ties_export_json_tie_members   (JsonBuilder  *builder,
                                              TiesTie      *tie);
/* "@name": @value, left out for NULL or "". */
void         _ties_export_json_add_string    (JsonBuilder  *builder,
                                              const char   *name,
                                              const char   *value);

/* The XML of the GEXF and GraphML exports, byte for byte what libxml2's
 * text writer (indented by two spaces) wrote for the same calls, U+FFFD
 * for what XML 1.0 cannot hold included, at a third of the cost: libxml2's writer goes through several layers of
 * buffers for every attribute, and a 10,000-event network has a few
 * hundred thousand. Elements are only ever attributes and elements, or
 * text, never both. */
typedef struct
{
  GString *out;
  const char *open[16];     /* element names, borrowed */
  gboolean has_content[16]; /* whether the start tag was closed by ">" */
  guint depth;
  gboolean indent_end;      /* FALSE right after text, as libxml2 has it */
} TiesXmlText;

/* @size_hint: a guess of the bytes (see _ties_export_size_hint()). */
void         _ties_xml_text_init      (TiesXmlText *xml,
                                       gsize        size_hint);
void         _ties_xml_text_start     (TiesXmlText *xml,
                                       const char  *element);
void         _ties_xml_text_attribute (TiesXmlText *xml,
                                       const char  *name,
                                       const char  *value);
void         _ties_xml_text_text      (TiesXmlText *xml,
                                       const char  *text);
void         _ties_xml_text_end       (TiesXmlText *xml);
/* Closes what is open and gives the text. */
GBytes      *_ties_xml_text_finish    (TiesXmlText *xml);

/* A generous guess of the bytes an XML export of @network takes: about
 * @per_item for each actor and each tie. The buffer is sized from the
 * start, because each doubling copies the text into new pages, which
 * this machine class pays most for; pages of the guess never written
 * are never touched, so a generous guess is cheap. */
gsize        _ties_export_size_hint    (TiesNetwork *network,
                                        gsize        per_item);

/* What every network export's *_to_bytes() is. */
typedef GBytes *(*TiesNetworkToBytes) (TiesDocument  *document,
                                       TiesFilter    *filter,
                                       GError       **error);

/* @to_bytes' file written through ties_safe_file_replace(): a failure
 * leaves @file as it was. */
gboolean     _ties_export_network_to_file (TiesNetworkToBytes   to_bytes,
                                           TiesDocument        *document,
                                           TiesFilter          *filter,
                                           GFile               *file,
                                           GError             **error);

/* A JSON text written as _ties_export_json_bytes() would write it, but a
 * piece at a time: json-glib's tree of a 10,000-event network is a
 * million small allocations that live until the end, where pieces of a
 * few hundred members are built, written and freed. Structure is opened
 * and closed here; what goes in it is built with @builder between
 * _begin() and _commit(). */
typedef struct
{
  GString *out;
  GString *piece;
  JsonBuilder *builder;
  JsonGenerator *generator;
  guint depth;            /* containers open */
  char brackets[8];       /* '{' or '[' per container open */
  gboolean written[8];    /* per container open: whether it has members */
} TiesJsonStream;

/* How many members or elements a piece holds. */
#define TIES_JSON_STREAM_PIECE 256

void         _ties_json_stream_init   (TiesJsonStream *stream);
/* Opens an object ('{') or array ('[') as the member @name (plain ASCII)
 * of the object open, or (@name NULL) an element of the array open or
 * the root. */
void         _ties_json_stream_open   (TiesJsonStream *stream,
                                       const char     *name,
                                       char            bracket);
void         _ties_json_stream_close  (TiesJsonStream *stream);
/* @stream's builder, in an object or array of the kind open: what is
 * added to it becomes members or elements of the container open. */
JsonBuilder *_ties_json_stream_begin  (TiesJsonStream *stream);
void         _ties_json_stream_commit (TiesJsonStream *stream);
/* The text, ending in a newline, once the root is closed; frees the rest. */
GBytes      *_ties_json_stream_finish (TiesJsonStream *stream);

/* @builder's root as indented JSON ending in a newline, as a text file
 * does. */
GBytes      *_ties_export_json_bytes (JsonBuilder  *builder);

G_END_DECLS
