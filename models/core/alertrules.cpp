#include "alertrules.h"

#include "timeutil.h"

#include <cmath>

namespace StateScope {

void addAlerts(AnalysisReport &report, const AnalysisOptions &options)
{
    const int cap = std::max(0, options.maxAlertsPerKind);
    int listed = 0;
    auto add = [&](AnalysisReport::Alert alert) {
        if (listed < cap) {
            report.alerts.push_back(std::move(alert));
            ++listed;
        } else {
            ++report.alertsOmitted;
        }
    };

    // Stuck executions; executionPredictions are sorted longest in state first.
    listed = 0;
    for (const AnalysisReport::ExecutionPrediction &p : report.executionPredictions) {
        if (std::isnan(p.inStateMs))
            continue;
        const AnalysisReport::StateRow &state = report.states[p.state];
        const double p99 = state.dwell.count > 0 ? state.dwell.p99 : std::nan("");
        const bool overP99 = !std::isnan(p99) && p.inStateMs > p99;
        const bool overLimit = options.stuckLimitMs > 0 && p.inStateMs > options.stuckLimitMs;
        if (!overP99 && !overLimit)
            continue;
        const double limit = overLimit ? options.stuckLimitMs : p99;
        add({QStringLiteral("stuck_execution"),
             p.inStateMs > 2 * limit ? QStringLiteral("critical") : QStringLiteral("warning"),
             QStringLiteral("Execution stuck in %1").arg(state.name), p.executionId,
             QStringLiteral("in %1 for %2, longer than %3 (%4)")
                 .arg(state.name, TimeUtil::formatDuration(p.inStateMs), TimeUtil::formatDuration(limit),
                      overLimit ? QStringLiteral("configured limit") : QStringLiteral("the state's p99"))});
    }

    listed = 0;
    for (const AnalysisReport::WorkflowConsistency &c : report.consistency) {
        if (!c.latestViolates)
            continue;
        const bool noQuorum = c.latest.nodesInSync < c.latest.quorumSize;
        add({QStringLiteral("consistency_violation"), noQuorum ? QStringLiteral("critical") : QStringLiteral("warning"),
             noQuorum ? QStringLiteral("Replicas below quorum") : QStringLiteral("Replication lag over threshold"),
             c.workflowName.isEmpty() ? c.workflowId : c.workflowName,
             QStringLiteral("%1 of %2 nodes in sync (quorum %3), max lag %4 (threshold %5)")
                 .arg(c.latest.nodesInSync).arg(c.latest.replicationFactor).arg(c.latest.quorumSize)
                 .arg(TimeUtil::formatDuration(c.latest.maxLagMs), TimeUtil::formatDuration(report.lagThresholdMs))});
    }

    listed = 0;
    for (const QString &id : report.checkpointsCorrupted) {
        add({QStringLiteral("corrupted_checkpoint"), QStringLiteral("critical"), QStringLiteral("Corrupted checkpoint"), id,
             QStringLiteral("stored checksum does not match the checkpoint's content")});
    }

    listed = 0;
    for (const QString &failure : report.failedRecoveries) {
        add({QStringLiteral("failed_recovery"), QStringLiteral("warning"), QStringLiteral("Recovery failed"), failure,
             QStringLiteral("a recovery attempt did not succeed; see the recovery log")});
    }
}

} // namespace StateScope
