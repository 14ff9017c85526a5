/* ties-suggestion-json.h: proposals as JSON Lines, for scripts
 *
 * Copyright 2026 The Ties authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ties-suggest.h"

G_BEGIN_DECLS

/* One line of JSON (no newline): {"source", "start", "end", "exact",
 * "participants", "kind", "initiator", "date", "date_phrase"}, as
 * `ties --suggest` prints it; absent values are null. */
char *ties_suggestion_to_json_line (const TiesSuggestion *suggestion);

G_END_DECLS
