/* test-util.h: what the tests share, display-free
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ties-document.h"
#include "ties-graph.h"
#include "ties-layout.h"
#include "ties-network.h"

G_BEGIN_DECLS

/* The annotated Christchurch Call article every test may read. */
#define TEST_SAMPLE_PATH TOP_SRCDIR "/data/samples/christchurch-call.ties.json"

/* Loads @path, failing the test on an error; the load's warnings go to
 * @warnings if it is not NULL. */
TiesDocument *test_load_document      (const char  *path,
                                       GPtrArray  **warnings);
/* A fresh copy of the sample. It loads without one warning (no evidence
 * needs re-anchoring), and the test fails if that ever changes. */
TiesDocument *test_load_sample        (void);

/* @json loaded as "test.ties.json", or the sample for NULL, failing the
 * test on an error. */
TiesDocument *test_load_json_or_sample (const char *json);
/* @network's graph with the radii the scene draws, laid out by @kind. */
TiesGraph    *test_layout_network     (TiesNetwork    *network,
                                       TiesLayoutKind  kind);

/* Undoes everything in @history, and returns how many steps that took. */
guint         test_count_undo_steps   (TiesHistory *history);

/* Fails the test unless @a and @b hold the same bytes, saying where they
 * first differ (saved documents are long single-line-ish JSON). */
void          test_assert_bytes_equal (GBytes      *a,
                                       GBytes      *b);

/* A new empty folder in the temporary directory, from @tmpl
 * ("ties-x-XXXXXX"); and a folder removed with everything in it. */
char         *test_make_temp_dir      (const char  *tmpl);
void          test_remove_tree        (const char  *path);

G_END_DECLS
