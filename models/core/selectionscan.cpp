#include "selectionscan.h"

#include "eventstore.h"
#include "historysummary.h"

namespace StateScope {

namespace {
constexpr quint32 kDenseStateLimit = 1024; // n*n counters stay under 8 MiB
} // namespace

quint64 ScanResult::count(StateId from, StateId to) const
{
    if (denseCounts)
        return counts[size_t(from) * stateCount + to];
    return sparseCounts.value(AllowedMoves::key(from, to), 0);
}

ScanResult scanSelection(const EventStore &store, const Selection &selection, const AllowedMoves &allowed)
{
    ScanResult r;
    const quint32 n = store.stateCount();
    r.stateCount = n;
    r.stateSeen.assign(n, false);
    r.denseCounts = n <= kDenseStateLimit;
    if (r.denseCounts)
        r.counts.assign(size_t(n) * n, 0);
    r.dwellSamples.resize(n);
    r.firstStateCounts.assign(n, 0);
    // Reserve exactly (an upper bound: every stay of the store) instead of letting millions of
    // samples grow by doubling, which would hold up to twice the memory at the peak.
    {
        std::vector<quint64> leaving(n, 0);
        for (quint32 t = 0; t < store.transitionCount(); ++t)
            ++leaving[store.transitionFrom(t)];
        for (quint32 s = 0; s < n; ++s)
            r.dwellSamples[s].reserve(leaving[s]);
    }
    r.executions.reserve(store.executionCount());

    auto noteTime = [&r](TimeMs t) {
        if (t == kUnknownTime)
            return;
        if (r.minTime == kUnknownTime || t < r.minTime)
            r.minTime = t;
        if (r.maxTime == kUnknownTime || t > r.maxTime)
            r.maxTime = t;
    };

    const quint32 executionCount = store.executionCount();
    for (ExecutionIndex e = 0; e < executionCount; ++e) {
        if (!selection.containsWorkflow(store.executionWorkflow(e)))
            continue;
        const TimeMs entry = store.executionEntryTime(e);
        quint32 t = store.firstTransitionOf(e);
        ExecutionSummary summary;
        summary.execution = e;

        if (t == kNoIndex) { // an execution that never moved: its only entry
            const StateId s = store.executionInitialState(e);
            if (selection.hasWindow() && (entry == kUnknownTime || !selection.containsTime(entry)))
                continue;
            if (s != kNoState) {
                r.stateSeen[s] = true;
                ++r.firstStateCounts[s];
            }
            summary.currentState = s;
            summary.currentSince = entry;
            summary.pathHash = mixPathHash(0, s);
            summary.completePath = true;
            noteTime(entry);
            r.executions.push_back(summary);
            continue;
        }

        // With a window, the path starts at the first transition inside it: a state seen only
        // outside the selection must not become a first (or terminal) state of it.
        StateId first = kNoState;
        TimeMs stayEntry = entry; // entry time of the stay that the next transition leaves
        bool any = false;
        bool complete = true;
        quint64 path = 0;
        for (; t != kNoIndex; t = store.nextTransition(t)) {
            const TimeMs ts = store.transitionTime(t);
            const StateId from = store.transitionFrom(t);
            const StateId to = store.transitionTo(t);
            if (!selection.containsTime(ts)) {
                complete = false;
                stayEntry = ts;
                continue;
            }
            if (!any) {
                first = from;
                path = mixPathHash(0, first);
                any = true;
            }
            ++r.transitions;
            r.stateSeen[from] = true;
            r.stateSeen[to] = true;
            if (r.denseCounts)
                ++r.counts[size_t(from) * n + to];
            else
                ++r.sparseCounts[AllowedMoves::key(from, to)];
            if (stayEntry == kUnknownTime) {
                ++r.staysWithUnknownEntry;
            } else if (ts < stayEntry) {
                ++r.negativeStays;
            } else {
                r.dwellSamples[from].push_back(ts - stayEntry);
            }
            if (allowed.active && !allowed.allows(from, to)) {
                summary.hasInvalidMove = true;
                InvalidMove &m = r.invalidMoves[AllowedMoves::key(from, to)];
                ++m.count;
                if (m.exampleExecutions.size() < 3) {
                    const QString id = store.executionId(e);
                    if (!m.exampleExecutions.contains(id))
                        m.exampleExecutions.append(id);
                }
            }
            path = mixPathHash(path, to);
            summary.currentState = to;
            summary.currentSince = ts;
            stayEntry = ts;
            noteTime(ts);
        }
        if (!any)
            continue;
        r.stateSeen[first] = true;
        ++r.firstStateCounts[first];
        summary.pathHash = path;
        summary.completePath = complete;
        r.executions.push_back(summary);
    }
    return r;
}

} // namespace StateScope
