#include "historysummary.h"

#include "eventstore.h"
#include "operationsstatistics.h"

namespace StateScope {

void HistorySummary::noteTime(TimeMs t)
{
    if (t == kUnknownTime)
        return;
    if (minTime == kUnknownTime || t < minTime)
        minTime = t;
    if (maxTime == kUnknownTime || t > maxTime)
        maxTime = t;
}

void HistorySummary::bump(std::vector<quint64> &perState, StateId s)
{
    if (s == kNoState)
        return;
    if (s >= perState.size())
        perState.resize(size_t(s) + 1, 0);
    ++perState[s];
}

// Mirrors scanSelection() over an unwindowed selection, so a summarized execution contributes
// to the report exactly what it did while it was held in detail.
void HistorySummary::addExecution(const EventStore &store, ExecutionIndex e)
{
    ++executions;
    const ExecutionStatus status = store.executionStatus(e);
    if (status == ExecutionStatus::Running || status == ExecutionStatus::Unknown)
        ++runningExecutions;
    Path path;
    quint64 hash = 0;
    quint32 t = store.firstTransitionOf(e);
    TimeMs stayEntry = store.executionEntryTime(e);
    if (t == kNoIndex) {
        const StateId s = store.executionInitialState(e);
        noteTime(stayEntry);
        if (s == kNoState)
            return; // nothing known but its id
        path.states.push_back(s);
        hash = mixPathHash(0, s);
    } else {
        path.states.push_back(store.transitionFrom(t));
        hash = mixPathHash(0, path.states.front());
        for (; t != kNoIndex; t = store.nextTransition(t)) {
            const TimeMs ts = store.transitionTime(t);
            const StateId from = store.transitionFrom(t);
            const StateId to = store.transitionTo(t);
            ++transitions;
            ++counts[(quint64(from) << 32) | to];
            if (stayEntry == kUnknownTime) {
                ++staysWithUnknownEntry;
            } else if (ts < stayEntry) {
                ++negativeStays;
            } else {
                if (from >= dwell.size())
                    dwell.resize(size_t(from) + 1);
                dwell[from].add(ts - stayEntry);
            }
            stayEntry = ts;
            noteTime(ts);
            path.states.push_back(to);
            hash = mixPathHash(hash, to);
        }
    }
    bump(firstStates, path.states.front());
    bump(lastStates, path.states.back());
    auto it = paths.find(hash);
    if (it != paths.end()) {
        ++it->count;
    } else if (paths.size() < kMaxPaths) {
        path.count = 1;
        path.exampleExecution = store.executionId(e);
        paths.insert(hash, std::move(path));
    } else {
        ++executionsWithoutPath;
    }
}

void HistorySummary::addCheckpoint(const EventStore &store, const CheckpointInfo &c)
{
    ++checkpoints;
    switch (c.status) {
    case CheckpointStatus::Verified: ++checkpointsVerified; break;
    case CheckpointStatus::Corrupted: checkpointsCorrupted.append(store.checkpointId(c)); break;
    case CheckpointStatus::Unverifiable: ++checkpointsUnverifiable; break;
    }
}

void HistorySummary::addRecovery(const EventStore &store, const RecoveryRecord &r)
{
    ++recoveryAttempts;
    if (r.success == 1)
        ++recoverySuccesses;
    else if (r.success == 0)
        failedRecoveries.append(failedRecoveryLabel(store, r));
    if (r.durationMs >= 0)
        recoveryDurations.add(r.durationMs);
}

size_t HistorySummary::memoryBytes() const
{
    size_t bytes = sizeof(*this) + size_t(counts.capacity()) * 32 + (firstStates.size() + lastStates.size()) * 8
        + size_t(paths.capacity()) * 48;
    for (const DwellHistogram &h : dwell)
        bytes += sizeof(h) + h.bucketCount() * sizeof(quint64);
    bytes += recoveryDurations.bucketCount() * sizeof(quint64);
    for (const Path &p : paths)
        bytes += p.states.capacity() * sizeof(StateId) + size_t(p.exampleExecution.capacity()) * 2 + 32;
    for (const QString &s : checkpointsCorrupted)
        bytes += size_t(s.capacity()) * 2 + 32;
    for (const QString &s : failedRecoveries)
        bytes += size_t(s.capacity()) * 2 + 32;
    return bytes;
}

} // namespace StateScope
