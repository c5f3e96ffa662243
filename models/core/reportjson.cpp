#include "reportjson.h"

#include <QJsonArray>

#include <cmath>

namespace StateScope {

namespace {
QJsonValue num(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

QJsonValue count(quint64 v)
{
    return QJsonValue(static_cast<qint64>(v));
}

QJsonValue time(TimeMs t)
{
    return t == kUnknownTime ? QJsonValue(QJsonValue::Null) : QJsonValue(TimeUtil::formatUtcString(t));
}

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject dwellJson(const DwellStats &d)
{
    return QJsonObject{{QStringLiteral("count"), count(d.count)}, {QStringLiteral("mean"), num(d.mean)},
                       {QStringLiteral("p50"), num(d.p50)},      {QStringLiteral("p95"), num(d.p95)},
                       {QStringLiteral("p99"), num(d.p99)},      {QStringLiteral("max"), num(d.max)}};
}

QJsonObject outcomesJson(const AnalysisReport &r, const std::vector<double> &probabilities)
{
    QJsonObject o;
    for (int c = 0; c < r.absorptionColumns.size() && c < int(probabilities.size()); ++c)
        o.insert(r.absorptionColumns[c], num(probabilities[c]));
    return o;
}

QJsonObject consistencyJson(const AnalysisReport::WorkflowConsistency &c)
{
    QJsonArray nodes;
    for (const ReplicaNode &n : c.latest.nodes) {
        nodes.append(QJsonObject{{QStringLiteral("nodeId"), n.nodeId}, {QStringLiteral("lagMs"), num(n.lagMs)},
                                 {QStringLiteral("pendingChanges"), n.pendingChanges}, {QStringLiteral("inSync"), n.inSync}});
    }
    return QJsonObject{{QStringLiteral("workflowName"), c.workflowName},
                       {QStringLiteral("at"), time(c.latest.time)},
                       {QStringLiteral("level"), c.latest.level},
                       {QStringLiteral("replicationFactor"), c.latest.replicationFactor},
                       {QStringLiteral("quorumSize"), c.latest.quorumSize},
                       {QStringLiteral("nodesInSync"), c.latest.nodesInSync},
                       {QStringLiteral("maxLagMs"), num(c.latest.maxLagMs)},
                       {QStringLiteral("pendingChanges"), c.latest.pendingChanges},
                       {QStringLiteral("conflicts"), c.latest.conflicts},
                       {QStringLiteral("divergence"), strings(c.latest.divergence)},
                       {QStringLiteral("nodes"), nodes},
                       {QStringLiteral("samples"), count(c.samples)},
                       {QStringLiteral("score"), num(c.score)},
                       {QStringLiteral("violation"), c.latestViolates}};
}
} // namespace

QJsonObject reportToJson(const AnalysisReport &r)
{
    QJsonObject o;
    o.insert(QStringLiteral("source"), r.source);
    o.insert(QStringLiteral("from"), time(r.from));
    o.insert(QStringLiteral("to"), time(r.to));
    o.insert(QStringLiteral("asOf"), time(r.asOf));
    o.insert(QStringLiteral("executions"), count(r.executions));
    o.insert(QStringLiteral("transitions"), count(r.transitions));
    QStringList states, terminal;
    for (const AnalysisReport::StateRow &s : r.states) {
        states.append(s.name);
        if (s.terminal)
            terminal.append(s.name);
    }
    o.insert(QStringLiteral("states"), strings(states));
    o.insert(QStringLiteral("terminal"), strings(terminal));

    // Edges come sorted by source state: build each row once.
    QJsonObject counts, matrix;
    for (size_t i = 0; i < r.edges.size();) {
        const int from = r.edges[i].from;
        QJsonObject c, p;
        for (; i < r.edges.size() && r.edges[i].from == from; ++i) {
            c.insert(r.states[r.edges[i].to].name, count(r.edges[i].count));
            p.insert(r.states[r.edges[i].to].name, num(r.edges[i].probability));
        }
        counts.insert(r.states[from].name, c);
        matrix.insert(r.states[from].name, p);
    }
    o.insert(QStringLiteral("transitionCounts"), counts);
    o.insert(QStringLiteral("transitionMatrix"), matrix);

    QJsonObject steady, share, dwell;
    for (const AnalysisReport::StateRow &s : r.states) {
        steady.insert(s.name, num(s.steadyState));
        share.insert(s.name, num(s.timeShare));
        dwell.insert(s.name, dwellJson(s.dwell));
    }
    o.insert(QStringLiteral("steadyState"), steady);
    o.insert(QStringLiteral("timeShare"), share);
    o.insert(QStringLiteral("dwellMs"), dwell);

    QJsonObject absorption;
    for (const AnalysisReport::Absorption &a : r.absorption) {
        absorption.insert(r.states[a.state].name,
                          QJsonObject{{QStringLiteral("probabilities"), outcomesJson(r, a.probabilities)},
                                      {QStringLiteral("expectedRemainingSteps"), num(a.expectedRemainingSteps)},
                                      {QStringLiteral("expectedRemainingMs"), num(a.expectedRemainingMs)}});
    }
    o.insert(QStringLiteral("absorption"), absorption);

    QJsonArray bottlenecks;
    for (const AnalysisReport::Bottleneck &b : r.bottlenecks) {
        bottlenecks.append(QJsonObject{{QStringLiteral("state"), r.states[b.state].name},
                                       {QStringLiteral("share"), num(b.share)},
                                       {QStringLiteral("meanMs"), num(b.meanMs)},
                                       {QStringLiteral("isBottleneck"), b.isBottleneck},
                                       {QStringLiteral("severity"), num(b.severity)}});
    }
    o.insert(QStringLiteral("bottlenecks"), bottlenecks);

    QJsonArray variants;
    for (const AnalysisReport::Variant &v : r.variants) {
        variants.append(QJsonObject{{QStringLiteral("path"), strings(v.path)},
                                    {QStringLiteral("count"), count(v.count)},
                                    {QStringLiteral("exampleExecution"), v.exampleExecution}});
    }
    o.insert(QStringLiteral("variants"), variants);
    o.insert(QStringLiteral("variantCount"), count(r.variantCount));
    o.insert(QStringLiteral("finishedExecutions"), count(r.finishedExecutions));

    if (r.hasDefinition) {
        QJsonArray invalid;
        for (const AnalysisReport::InvalidTransition &t : r.invalidTransitions) {
            invalid.append(QJsonObject{{QStringLiteral("from"), t.from}, {QStringLiteral("to"), t.to},
                                       {QStringLiteral("count"), count(t.count)},
                                       {QStringLiteral("exampleExecutions"), strings(t.exampleExecutions)}});
        }
        o.insert(QStringLiteral("conformance"),
                 QJsonObject{{QStringLiteral("definition"), r.definitionName},
                             {QStringLiteral("invalidTransitions"), invalid},
                             {QStringLiteral("conformanceRate"), num(r.conformanceRate)}});
    } else {
        o.insert(QStringLiteral("conformance"), QJsonValue(QJsonValue::Null));
    }

    QJsonArray nonDeterministic;
    for (const AnalysisReport::NonDeterminism &n : r.nonDeterministic) {
        nonDeterministic.append(QJsonObject{{QStringLiteral("state"), n.state}, {QStringLiteral("event"), n.event},
                                            {QStringLiteral("targets"), strings(n.targets)}});
    }
    o.insert(QStringLiteral("validation"),
             QJsonObject{{QStringLiteral("unreachable"), strings(r.unreachable)},
                         {QStringLiteral("deadlocks"), strings(r.deadlocks)},
                         {QStringLiteral("trapped"), strings(r.trapped)},
                         {QStringLiteral("nonDeterministic"), nonDeterministic},
                         {QStringLiteral("missingErrorHandling"), strings(r.missingErrorHandling)},
                         {QStringLiteral("structuralErrors"), strings(r.structuralErrors)}});

    QJsonObject byState;
    for (const AnalysisReport::StatePrediction &p : r.statePredictions) {
        QJsonObject next;
        for (const auto &[to, prob] : p.next)
            next.insert(r.states[to].name, num(prob));
        byState.insert(r.states[p.state].name,
                       QJsonObject{{QStringLiteral("running"), count(p.running)}, {QStringLiteral("next"), next},
                                   {QStringLiteral("outcomes"), outcomesJson(r, p.outcomes)},
                                   {QStringLiteral("expectedRemainingMs"), num(p.expectedRemainingMs)}});
    }
    QJsonArray executions;
    for (const AnalysisReport::ExecutionPrediction &p : r.executionPredictions) {
        executions.append(QJsonObject{{QStringLiteral("executionId"), p.executionId},
                                      {QStringLiteral("state"), r.states[p.state].name},
                                      {QStringLiteral("inStateMs"), num(p.inStateMs)},
                                      {QStringLiteral("expectedRemainingMs"), num(p.expectedRemainingMs)}});
    }
    o.insert(QStringLiteral("prediction"), QJsonObject{{QStringLiteral("running"), count(r.runningExecutions)},
                                                       {QStringLiteral("byState"), byState},
                                                       {QStringLiteral("executions"), executions}});

    o.insert(QStringLiteral("checkpoints"), QJsonObject{{QStringLiteral("total"), count(r.checkpointsTotal)},
                                                        {QStringLiteral("verified"), count(r.checkpointsVerified)},
                                                        {QStringLiteral("corrupted"), strings(r.checkpointsCorrupted)},
                                                        {QStringLiteral("unverifiable"), count(r.checkpointsUnverifiable)}});
    o.insert(QStringLiteral("recovery"), QJsonObject{{QStringLiteral("attempts"), count(r.recoveryAttempts)},
                                                     {QStringLiteral("successes"), count(r.recoverySuccesses)},
                                                     {QStringLiteral("successRate"), num(r.recoverySuccessRate)},
                                                     {QStringLiteral("meanDurationMs"), num(r.recoveryMeanDurationMs)},
                                                     {QStringLiteral("p95DurationMs"), num(r.recoveryP95DurationMs)}});
    QJsonObject consistency;
    for (const AnalysisReport::WorkflowConsistency &c : r.consistency)
        consistency.insert(c.workflowId, consistencyJson(c));
    o.insert(QStringLiteral("consistency"), consistency);
    o.insert(QStringLiteral("lagThresholdMs"), num(r.lagThresholdMs));

    QJsonArray alerts;
    for (const AnalysisReport::Alert &a : r.alerts) {
        alerts.append(QJsonObject{{QStringLiteral("kind"), a.kind}, {QStringLiteral("severity"), a.severity},
                                  {QStringLiteral("title"), a.title}, {QStringLiteral("target"), a.target},
                                  {QStringLiteral("description"), a.description}});
    }
    o.insert(QStringLiteral("alerts"), alerts);
    o.insert(QStringLiteral("alertsOmitted"), count(r.alertsOmitted));
    o.insert(QStringLiteral("notes"), strings(r.notes));
    return o;
}

} // namespace StateScope
