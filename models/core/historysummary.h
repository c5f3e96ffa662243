#pragma once

#include "domaintypes.h"
#include "dwellhistogram.h"

#include <QHash>
#include <QStringList>

#include <vector>

namespace StateScope {

class EventStore;

// Step of the path hash every analytic uses to group executions into variants: the first state,
// then each state entered.
inline quint64 mixPathHash(quint64 h, StateId s)
{
    h ^= s + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdULL;
}

// What the store no longer holds in detail for one workflow: executions evicted to stay within
// a memory budget (BARS R3), folded into the aggregates the report is built from, so nothing
// is dropped silently. Counts, first and last states and paths are exact; dwell and recovery-
// duration percentiles come from histograms (within 1%).
struct HistorySummary
{
    struct Path
    {
        std::vector<StateId> states; // the first state, then each state entered
        quint64 count = 0;
        QString exampleExecution;
    };
    // Distinct paths kept; executions past it are counted in executionsWithoutPath. Keeps a
    // workflow whose retries make every path unique from growing the summary without bound.
    static constexpr int kMaxPaths = 20000;

    quint64 executions = 0;
    quint64 runningExecutions = 0; // evicted before they finished
    quint64 transitions = 0;
    quint64 staysWithUnknownEntry = 0;
    quint64 negativeStays = 0;
    TimeMs minTime = kUnknownTime;
    TimeMs maxTime = kUnknownTime;
    QHash<quint64, quint64> counts;    // (from << 32 | to) -> transitions
    std::vector<quint64> firstStates;  // by state id
    std::vector<quint64> lastStates;   // by state id: where the evicted executions were last
    std::vector<DwellHistogram> dwell; // by state id: completed stays
    QHash<quint64, Path> paths;        // by path hash
    quint64 executionsWithoutPath = 0;

    quint64 checkpoints = 0;
    quint64 checkpointsVerified = 0;
    quint64 checkpointsUnverifiable = 0;
    QStringList checkpointsCorrupted;
    quint64 recoveryAttempts = 0;
    quint64 recoverySuccesses = 0;
    QStringList failedRecoveries; // as the report words them
    DwellHistogram recoveryDurations;

    // Folds one execution (its transitions and stays) in; the store still holds it.
    void addExecution(const EventStore &store, ExecutionIndex e);
    void addCheckpoint(const EventStore &store, const CheckpointInfo &c);
    void addRecovery(const EventStore &store, const RecoveryRecord &r);
    size_t memoryBytes() const;

private:
    void noteTime(TimeMs t);
    static void bump(std::vector<quint64> &perState, StateId s);
};

} // namespace StateScope
