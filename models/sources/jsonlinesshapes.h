#pragma once

// Internal to JsonLinesFastPath: the layouts of the event lines it has read, so that a line laid
// out like an earlier one is read by comparing its text between the values and scanning the
// values, without simdjson (BARS P4: an engine writes the same members in the same order on
// every line of a kind; finding the structure anew on each was a third of a load).

#include "jsonlinesmembers.h"

#include <array>
#include <string>
#include <vector>

namespace StateScope::FastJson {

class LineShapes final
{
public:
    // Reads `line` (followed by FeedParser::kPadding readable bytes) into `m` when it is laid out
    // like a line learned before: byte for byte the same outside its values, each value of the
    // same kind (a string without escapes, control or non-ASCII characters; an integer; a
    // boolean) and good for its member as readEvent checks it. `m` has its ingestor set;
    // false (with `m` partly filled) otherwise.
    bool read(const char *line, qsizetype size, Members &m);
    // Learns the layout of `line`, which readEvent has just read into `m` (taken). Lines with
    // escapes or non-ASCII text are not learned.
    void learn(const char *line, qsizetype size, const Members &m);

private:
    // What a value is and where it goes.
    enum class Slot : quint8 {
        Ignored, // a string FeedIngestor does not use: transitionId, stateType, checksum
        WorkflowId, ExecutionId, From, To, TransitionType, StateName, CheckpointId, CheckpointType,
        TimeText, TimeNumber, // the event's time, as RFC 3339 text or epoch milliseconds
        Seq, Duration, Size, // non-negative integers (only sizeBytes is kept)
        Recoverable, // true or false
    };
    struct Step
    {
        quint32 literalBegin; // in Shape::text: the bytes up to the value (with its opening quote)
        quint32 literalSize;
        Slot slot;
    };
    struct Shape
    {
        FeedEventType type = FeedEventType::Heartbeat; // Heartbeat: nothing learned
        quint32 seen = 0;
        std::string text; // the literals one after another, then the tail, then 16 NULs
        std::vector<Step> steps;
        quint32 tailBegin = 0; // the text after the last value
        quint32 tailSize = 0;
    };
    static bool slotOf(std::string_view key, int depth, char valueStart, Slot *slot);
    static bool readShape(const Shape &shape, const char *line, const char *end, Members &m);

    std::array<Shape, 5> m_shapes; // by kind of event: the last layout learned for each
    size_t m_last = 0; // the shape that read the last line, tried first
};

} // namespace StateScope::FastJson
