#pragma once

#include "domaintypes.h"
#include "dwellstatistics.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace StateScope {

// The analytics of one selection (SPEC 6) as plain values: what `analyze` prints and what the
// dashboard's views show. State references are indices into `states`.
struct AnalysisReport
{
    struct StateRow
    {
        QString name;
        bool terminal = false;
        bool trapped = false;
        double steadyState = 0;
        double timeShare = 0;
        DwellStats dwell;
        quint64 executionsInState = 0; // selected executions whose current state this is
    };
    struct Edge
    {
        int from = 0;
        int to = 0;
        quint64 count = 0;
        double probability = 0;
    };
    struct Absorption
    {
        int state = 0;
        std::vector<double> probabilities; // per absorptionColumns
        double expectedRemainingSteps = 0; // NaN = not defined (trapped)
        double expectedRemainingMs = 0;    // NaN = unknown
    };
    struct Bottleneck
    {
        int state = 0;
        double share = 0;
        double meanMs = 0;
        bool isBottleneck = false;
        double severity = 0;
    };
    struct Variant
    {
        QStringList path;
        quint64 count = 0;
        QString exampleExecution;
    };
    struct InvalidTransition
    {
        QString from;
        QString to;
        quint64 count = 0;
        QStringList exampleExecutions;
    };
    struct NonDeterminism
    {
        QString state;
        QString event;
        QStringList targets;
    };
    struct StatePrediction
    {
        int state = 0;
        quint64 running = 0;
        std::vector<std::pair<int, double>> next;
        std::vector<double> outcomes; // per absorptionColumns
        double expectedRemainingMs = 0;
    };
    struct ExecutionPrediction
    {
        QString executionId;
        int state = 0;
        double inStateMs = 0;
        double expectedRemainingMs = 0; // NaN = unknown
    };
    struct WorkflowConsistency
    {
        QString workflowId;
        QString workflowName;
        ConsistencySample latest;
        quint64 samples = 0;
        double score = 0;
        bool latestViolates = false;
    };
    struct Alert
    {
        QString kind;     // stuck_execution | consistency_violation | corrupted_checkpoint | failed_recovery
        QString severity; // info | warning | critical | emergency
        QString title;
        QString target;
        QString description;
    };

    QString source;
    QString definitionName;  // the definition conformance was checked against, if any
    QStringList notes;       // things the reader should know (several definitions, bad rows ...)
    TimeMs from = kUnknownTime;
    TimeMs to = kUnknownTime;
    TimeMs asOf = kUnknownTime;
    double lagThresholdMs = 1000;

    quint64 executions = 0;
    quint64 transitions = 0;
    std::vector<StateRow> states;
    std::vector<Edge> edges; // sorted by (from, to)
    QStringList absorptionColumns;
    std::vector<Absorption> absorption;
    std::vector<Bottleneck> bottlenecks;
    std::vector<Variant> variants;
    quint64 variantCount = 0;
    quint64 finishedExecutions = 0;

    bool hasDefinition = false;
    std::vector<InvalidTransition> invalidTransitions;
    double conformanceRate = 1;

    QStringList unreachable;
    QStringList deadlocks;
    QStringList trapped;
    std::vector<NonDeterminism> nonDeterministic;
    QStringList missingErrorHandling;
    QStringList structuralErrors; // of the definition: unknown states, duplicate names, broken links ...

    quint64 runningExecutions = 0;
    std::vector<StatePrediction> statePredictions;
    std::vector<ExecutionPrediction> executionPredictions; // longest in state first, capped

    quint64 checkpointsTotal = 0;
    quint64 checkpointsVerified = 0;
    QStringList checkpointsCorrupted;
    quint64 checkpointsUnverifiable = 0;

    quint64 recoveryAttempts = 0;
    quint64 recoverySuccesses = 0;
    double recoverySuccessRate = 0;    // NaN when there were no attempts
    double recoveryMeanDurationMs = 0; // NaN when unknown
    double recoveryP95DurationMs = 0;
    QStringList failedRecoveries; // "<recovery id> (execution <id>)" of attempts that failed

    std::vector<WorkflowConsistency> consistency;
    std::vector<Alert> alerts;
    quint64 alertsOmitted = 0;

    quint64 staysWithUnknownEntry = 0;
    quint64 negativeStays = 0;

    int stateIndex(const QString &name) const;
};

} // namespace StateScope
