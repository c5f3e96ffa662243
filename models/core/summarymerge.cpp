#include "summarymerge.h"

#include "analysisreport.h"
#include "eventstore.h"

namespace StateScope {

SelectedSummaries selectSummaries(const EventStore &store, const Selection &selection, QStringList *notes)
{
    SelectedSummaries selected;
    quint64 outsideWindow = 0;
    for (const auto &[workflow, summary] : store.summaries()) {
        if (!selection.containsWorkflow(workflow))
            continue;
        // A summary cannot be cut by time: it counts only when the window holds all of it.
        const bool inside = !selection.hasWindow()
            || (summary.minTime != kUnknownTime && selection.containsTime(summary.minTime)
                && selection.containsTime(summary.maxTime));
        if (!inside) {
            outsideWindow += summary.executions;
            continue;
        }
        selected.list.push_back(&summary);
        selected.executions += summary.executions;
        selected.transitions += summary.transitions;
        selected.running += summary.runningExecutions;
        selected.withoutPath += summary.executionsWithoutPath;
    }
    if (!notes)
        return selected;
    if (selected.executions > 0)
        notes->append(QStringLiteral("%1 older executions (%2 transitions) are summarized to stay within the memory budget: "
                                     "their counts are exact, their dwell percentiles within 1%")
                          .arg(selected.executions).arg(selected.transitions));
    if (selected.running > 0)
        notes->append(QStringLiteral("%1 of them were still running when summarized: later events of theirs count as new executions")
                          .arg(selected.running));
    if (outsideWindow > 0)
        notes->append(QStringLiteral("%1 summarized executions span more than the time window and are not included")
                          .arg(outsideWindow));
    return selected;
}

void addSummariesToScan(ScanResult &scan, const SelectedSummaries &summaries, const AllowedMoves &allowed)
{
    for (const HistorySummary *summary : summaries.list) {
        for (auto it = summary->counts.cbegin(); it != summary->counts.cend(); ++it) {
            const StateId from = StateId(it.key() >> 32);
            const StateId to = StateId(it.key() & 0xffffffffu);
            if (scan.denseCounts)
                scan.counts[size_t(from) * scan.stateCount + to] += it.value();
            else
                scan.sparseCounts[AllowedMoves::key(from, to)] += it.value();
            scan.stateSeen[from] = true;
            scan.stateSeen[to] = true;
            if (allowed.active && !allowed.allows(from, to))
                scan.invalidMoves[AllowedMoves::key(from, to)].count += it.value();
        }
        for (StateId s = 0; s < summary->firstStates.size(); ++s) {
            if (summary->firstStates[s] > 0) {
                scan.firstStateCounts[s] += summary->firstStates[s];
                scan.stateSeen[s] = true;
            }
        }
        for (StateId s = 0; s < summary->lastStates.size(); ++s)
            scan.stateSeen[s] = scan.stateSeen[s] || summary->lastStates[s] > 0;
        scan.transitions += summary->transitions;
        scan.staysWithUnknownEntry += summary->staysWithUnknownEntry;
        scan.negativeStays += summary->negativeStays;
        for (TimeMs t : {summary->minTime, summary->maxTime}) {
            if (t == kUnknownTime)
                continue;
            if (scan.minTime == kUnknownTime || t < scan.minTime)
                scan.minTime = t;
            if (scan.maxTime == kUnknownTime || t > scan.maxTime)
                scan.maxTime = t;
        }
    }
}

DwellStats dwellStatsWithSummaries(std::vector<qint64> &samples, const SelectedSummaries &summaries, StateId s)
{
    DwellHistogram merged;
    for (const HistorySummary *summary : summaries.list) {
        if (s < summary->dwell.size())
            merged.merge(summary->dwell[s]);
    }
    if (merged.count() == 0)
        return computeDwellStats(samples);
    for (qint64 v : samples)
        merged.add(v);
    DwellStats stats;
    stats.count = merged.count();
    stats.mean = merged.mean();
    stats.max = merged.max();
    stats.totalMs = merged.totalMs();
    stats.p50 = merged.percentile(0.50);
    stats.p95 = merged.percentile(0.95);
    stats.p99 = merged.percentile(0.99);
    return stats;
}

quint64 summarizedExecutionsWithInvalidMove(const SelectedSummaries &summaries, const AllowedMoves &allowed)
{
    quint64 invalid = 0;
    for (const HistorySummary *summary : summaries.list) {
        for (const HistorySummary::Path &path : summary->paths) {
            for (size_t i = 1; i < path.states.size(); ++i) {
                if (!allowed.allows(path.states[i - 1], path.states[i])) {
                    invalid += path.count;
                    break;
                }
            }
        }
    }
    return invalid;
}

DwellHistogram addSummarizedOperations(AnalysisReport &report, const SelectedSummaries &summaries)
{
    DwellHistogram durations;
    for (const HistorySummary *summary : summaries.list) {
        report.checkpointsTotal += summary->checkpoints;
        report.checkpointsVerified += summary->checkpointsVerified;
        report.checkpointsUnverifiable += summary->checkpointsUnverifiable;
        report.checkpointsCorrupted += summary->checkpointsCorrupted;
        report.recoveryAttempts += summary->recoveryAttempts;
        report.recoverySuccesses += summary->recoverySuccesses;
        report.failedRecoveries += summary->failedRecoveries;
        durations.merge(summary->recoveryDurations);
    }
    return durations;
}

} // namespace StateScope
