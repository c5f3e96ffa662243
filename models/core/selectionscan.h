#pragma once

#include "domaintypes.h"
#include "selection.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <vector>

namespace StateScope {

class EventStore;

// Which (from, to) moves a definition allows, by global state id. Empty = no definition.
struct AllowedMoves
{
    QSet<quint64> moves;
    bool active = false;
    static quint64 key(StateId from, StateId to) { return (quint64(from) << 32) | to; }
    bool allows(StateId from, StateId to) const { return moves.contains(key(from, to)); }
};

struct InvalidMove
{
    quint64 count = 0;
    QStringList exampleExecutions; // at most three
};

// Per selected execution: where it is now and the shape of its path.
struct ExecutionSummary
{
    ExecutionIndex execution = kNoIndex;
    StateId currentState = kNoState; // last state entered within the selection
    TimeMs currentSince = kUnknownTime; // when it entered that state
    quint64 pathHash = 0;
    bool completePath = false;       // every transition of the execution lies in the window
    bool hasInvalidMove = false;
};

// The one pass over the store that every analytic starts from: counts, completed stays,
// first states and per-execution summaries of the selected executions.
struct ScanResult
{
    quint32 stateCount = 0;             // size of the global state id space
    std::vector<bool> stateSeen;        // the state occurs in the selection
    std::vector<quint64> counts;        // dense n*n when denseCounts, else empty
    QHash<quint64, quint64> sparseCounts; // AllowedMoves::key -> count, when !denseCounts
    bool denseCounts = true;
    std::vector<std::vector<qint64>> dwellSamples; // per state: completed stay lengths (ms)
    std::vector<quint64> firstStateCounts;
    std::vector<ExecutionSummary> executions;
    QHash<quint64, InvalidMove> invalidMoves;
    quint64 transitions = 0;
    quint64 staysWithUnknownEntry = 0;   // first stays whose entry time the source did not give
    quint64 negativeStays = 0;           // leave before entry: bad data, not counted
    TimeMs minTime = kUnknownTime;
    TimeMs maxTime = kUnknownTime;

    quint64 count(StateId from, StateId to) const;
    template<typename F> void forEachCount(F &&f) const
    {
        if (denseCounts) {
            for (quint32 i = 0; i < stateCount; ++i)
                for (quint32 j = 0; j < stateCount; ++j)
                    if (const quint64 c = counts[size_t(i) * stateCount + j])
                        f(i, j, c);
        } else {
            for (auto it = sparseCounts.cbegin(); it != sparseCounts.cend(); ++it)
                f(StateId(it.key() >> 32), StateId(it.key() & 0xffffffffu), it.value());
        }
    }
};

ScanResult scanSelection(const EventStore &store, const Selection &selection, const AllowedMoves &allowed);

} // namespace StateScope
