#pragma once

#include "feedevent.h"

#include <QByteArray>

namespace StateScope {

// The statescope-feed/1 text of one event (SPEC 4), compact, the inverse of FeedParser: the
// simulated engine and the tests write frames with it. `seq` is written only when hasSeq; times
// as RFC 3339 UTC strings (as epoch ms outside years 0000-9999); optional fields only when set
// (non-empty, >= 0, known); the control answers (subscribed, resume_failed, error) with their
// fields at top level. Round trip: FeedParser::parseFrame(feedEventToJson(e)) gives e back for
// every event the parser can produce. `data` must hold JSON text (it is written as is); a time
// a type requires must be known, and a non-finite number is written as null.
QByteArray feedEventToJson(const FeedEvent &event);

// Appends the same text to `out`, for writers that batch frames or log lines.
void appendFeedEventJson(const FeedEvent &event, QByteArray &out);

} // namespace StateScope
