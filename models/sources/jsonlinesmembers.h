#pragma once

// Internal to JsonLinesFastPath (jsonlinesfastpath.cpp, jsonlinesmembers.cpp): the members of
// one event object read with simdjson On Demand, checked the way FeedParser checks them.

#include "feedevent.h"

#include <simdjson.h>

#include <string_view>

namespace StateScope {

class FeedIngestor;

namespace FastJson {

namespace od = simdjson::ondemand;

struct Members
{
    const FeedIngestor *ingestor = nullptr; // for its prefetch hints
    FeedEventType type = FeedEventType::Heartbeat;
    std::string_view workflowId, executionId;
    std::string_view from, to, transitionType, stateName, checkpointId, checkpointType;
    TimeMs time = kUnknownTime;
    qint64 sizeBytes = -1;
    bool recoverable = true;
    quint32 seen = 0; // MemberBit values
    bool noEscapes = false; // set by the caller: the line has no backslash
};

enum MemberBit : quint32 {
    kType = 1u << 0,
    kSeq = 1u << 1,
    kWorkflow = 1u << 2,
    kExecution = 1u << 3,
    kPayload = 1u << 4,
    kFrom = 1u << 5,
    kTo = 1u << 6,
    kTime = 1u << 7,
    kTransitionId = 1u << 8,
    kTransitionType = 1u << 9,
    kDuration = 1u << 10,
    kStateType = 1u << 11,
    kStateName = 1u << 12,
    kCheckpointId = 1u << 13,
    kCheckpointType = 1u << 14,
    kSize = 1u << 15,
    kChecksum = 1u << 16,
    kRecoverable = 1u << 17,
};

// The end of the text in [begin, end) without the blanks behind it (and line ends, if asked:
// then all of JSON's whitespace).
inline const char *lastNonBlank(const char *begin, const char *end, bool lineEnds)
{
    while (end > begin
           && (end[-1] == ' ' || end[-1] == '\t' || (lineEnds && (end[-1] == '\n' || end[-1] == '\r'))))
        --end;
    return end;
}

// Reads the event object into `m`; false when the fast path does not take it (a type or member
// it does not handle, a repeat, a value of another type, a missing member, a parse error).
bool readEvent(od::object &envelope, Members &m);

} // namespace FastJson
} // namespace StateScope
