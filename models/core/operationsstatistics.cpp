#include "operationsstatistics.h"

#include "consistencyscore.h"
#include "eventstore.h"
#include "summarymerge.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace StateScope {

namespace {
const double kNaN = std::numeric_limits<double>::quiet_NaN();

bool executionSelected(const EventStore &store, const Selection &selection, ExecutionIndex e)
{
    return e != kNoIndex && e < store.executionCount() && selection.containsWorkflow(store.executionWorkflow(e));
}

// A record of an execution (checkpoint, recovery) belongs to the selection when its execution
// does and, with a time window, its own time lies inside it.
bool recordSelected(const EventStore &store, const Selection &selection, ExecutionIndex e, TimeMs time)
{
    if (!executionSelected(store, selection, e))
        return false;
    return !selection.hasWindow() || (time != kUnknownTime && selection.containsTime(time));
}

// Checkpoints held in detail; the summaries' ones are already in the report.
void addCheckpoints(AnalysisReport &report, const EventStore &store, const Selection &selection)
{
    for (const CheckpointInfo &c : store.checkpoints()) {
        if (!recordSelected(store, selection, c.execution, c.timestamp))
            continue;
        ++report.checkpointsTotal;
        switch (c.status) {
        case CheckpointStatus::Verified: ++report.checkpointsVerified; break;
        case CheckpointStatus::Corrupted: report.checkpointsCorrupted.append(store.checkpointId(c)); break;
        case CheckpointStatus::Unverifiable: ++report.checkpointsUnverifiable; break;
        }
    }
    report.checkpointsCorrupted.sort();
}

void addRecoveries(AnalysisReport &report, const EventStore &store, const Selection &selection,
                   const DwellHistogram &summarizedDurations)
{
    std::vector<qint64> durations;
    for (const RecoveryRecord &r : store.recoveries()) {
        if (!recordSelected(store, selection, r.execution, r.time))
            continue;
        ++report.recoveryAttempts;
        if (r.success == 1)
            ++report.recoverySuccesses;
        else if (r.success == 0)
            report.failedRecoveries.append(failedRecoveryLabel(store, r));
        if (r.durationMs >= 0)
            durations.push_back(r.durationMs);
    }
    report.recoverySuccessRate = report.recoveryAttempts > 0
        ? static_cast<double>(report.recoverySuccesses) / static_cast<double>(report.recoveryAttempts) : kNaN;
    if (summarizedDurations.count() > 0) { // exact mean, histogram percentile
        DwellHistogram all = summarizedDurations;
        for (qint64 d : durations)
            all.add(d);
        report.recoveryMeanDurationMs = all.mean();
        report.recoveryP95DurationMs = all.percentile(0.95);
        return;
    }
    std::sort(durations.begin(), durations.end());
    double sum = 0;
    for (qint64 d : durations)
        sum += static_cast<double>(d);
    report.recoveryMeanDurationMs = durations.empty() ? kNaN : sum / static_cast<double>(durations.size());
    report.recoveryP95DurationMs = percentileOfSorted(durations, 0.95);
}

void addConsistency(AnalysisReport &report, const EventStore &store, const AnalysisOptions &options)
{
    const Selection &selection = options.selection;
    std::map<quint32, std::vector<const ConsistencySample *>> byWorkflow;
    for (const ConsistencySample &s : store.consistency()) {
        if (s.workflow != kNoIndex && selection.containsWorkflow(s.workflow) && s.time != kUnknownTime)
            byWorkflow[s.workflow].push_back(&s);
    }
    const TimeMs end = report.asOf;
    for (auto &[workflow, samples] : byWorkflow) {
        std::stable_sort(samples.begin(), samples.end(), [](const auto *a, const auto *b) { return a->time < b->time; });
        // The latest sample in force at the end of the window.
        const ConsistencySample *latest = nullptr;
        for (const ConsistencySample *s : samples) {
            if (end == kUnknownTime || s->time <= end)
                latest = s;
        }
        if (!latest)
            continue;
        AnalysisReport::WorkflowConsistency c;
        c.workflowId = store.workflows()[workflow].id;
        c.workflowName = store.workflows()[workflow].name;
        c.latest = *latest;
        c.samples = quint64(std::count_if(samples.begin(), samples.end(),
                                          [end](const ConsistencySample *s) { return end == kUnknownTime || s->time <= end; }));
        c.score = consistencyScore(samples, selection.from, end, options.lagThresholdMs);
        c.latestViolates = !consistencySampleHealthy(*latest, options.lagThresholdMs);
        report.consistency.push_back(std::move(c));
    }
}
} // namespace

TimeMs latestTime(const EventStore &store, const Selection &selection, TimeMs latestTransition)
{
    TimeMs latest = latestTransition;
    auto note = [&latest, &selection](TimeMs t) {
        if (t != kUnknownTime && selection.containsTime(t) && (latest == kUnknownTime || t > latest))
            latest = t;
    };
    for (const CheckpointInfo &c : store.checkpoints()) {
        if (executionSelected(store, selection, c.execution))
            note(c.timestamp);
    }
    for (const RecoveryRecord &r : store.recoveries()) {
        if (executionSelected(store, selection, r.execution))
            note(r.time);
    }
    for (const ConsistencySample &s : store.consistency()) {
        if (s.workflow != kNoIndex && selection.containsWorkflow(s.workflow))
            note(s.time);
    }
    return latest;
}

QString failedRecoveryLabel(const EventStore &store, const RecoveryRecord &recovery)
{
    return QStringLiteral("%1 (execution %2)").arg(recovery.id, store.executionId(recovery.execution));
}

void addOperationsStatistics(AnalysisReport &report, const EventStore &store, const AnalysisOptions &options)
{
    const DwellHistogram summarizedDurations
        = addSummarizedOperations(report, selectSummaries(store, options.selection, nullptr));
    addCheckpoints(report, store, options.selection);
    addRecoveries(report, store, options.selection, summarizedDurations);
    addConsistency(report, store, options);
}

} // namespace StateScope
