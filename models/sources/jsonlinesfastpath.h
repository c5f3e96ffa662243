#pragma once

#include "feedevent.h"

#include <QtGlobal>

#include <memory>

namespace StateScope {

class FeedIngestor;

// The events that make up nearly all of a JSONL log (transition, execution_started,
// execution_completed/failed, checkpoint_created), read from the line straight into the
// ingestor with simdjson On Demand: no FeedEvent, no DOM tape, no copies of the strings
// (BARS P4: a FeedEvent per line cost about half the load time).
//
// It takes a line only when FeedParser + FeedIngestor::apply would make the same of it: every
// member known and of the expected type, none repeated or null, `type` before `payload`, nothing
// after the object. Anything else (other event types, arrays, unknown members, any problem) it
// declines with nothing applied, for the FeedParser, which then also words the problem.
class JsonLinesFastPath final
{
public:
    JsonLinesFastPath(FeedIngestor &ingestor, const FeedLimits &limits);
    ~JsonLinesFastPath();
    JsonLinesFastPath(const JsonLinesFastPath &) = delete;
    JsonLinesFastPath &operator=(const JsonLinesFastPath &) = delete;

    // Optional: the complete lines whose take() calls follow, in one block (followed by
    // FeedParser::kPadding readable bytes). Lines laid out like earlier ones are read by their
    // layout; when too many of the block's are not, the structure of the rest of the block is
    // found in one pass instead of one per line.
    void beginBlock(const char *block, qsizetype size);
    // `line` is followed by at least FeedParser::kPadding readable bytes. Returns -1 when it
    // declines the line, otherwise the number of transitions it applied (0 or 1).
    int take(const char *line, qsizetype size);

    quint64 taken() const { return m_taken; }
    quint64 declined() const { return m_declined; }
    // Of the lines taken, those read by the layout of an earlier line (LineShapes), without simdjson.
    quint64 shaped() const { return m_shaped; }

private:
    struct Private;
    std::unique_ptr<Private> d;
    quint64 m_taken = 0;
    quint64 m_declined = 0;
    quint64 m_shaped = 0;
};

} // namespace StateScope
