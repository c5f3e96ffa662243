#include "reporttext.h"

#include "texttable.h"
#include "timeutil.h"

#include <cmath>

namespace StateScope {

namespace {
constexpr int kListLimit = 20;
constexpr int kMatrixLimit = 12; // wider matrices are listed as edges instead

QString pct(double v)
{
    return std::isfinite(v) ? QString::number(v * 100.0, 'f', 1) + QLatin1Char('%') : QStringLiteral("-");
}

QString prob(double v)
{
    return std::isfinite(v) ? QString::number(v, 'f', 3) : QStringLiteral("-");
}

QString dur(double ms)
{
    return TimeUtil::formatDuration(ms);
}

QString timeText(TimeMs t)
{
    return t == kUnknownTime ? QStringLiteral("-") : TimeUtil::formatUtcString(t);
}

QString section(const QString &title)
{
    return QLatin1Char('\n') + title + QLatin1Char('\n');
}

QString more(qsizetype shown, quint64 total)
{
    return quint64(shown) < total ? QStringLiteral("  ... %1 more\n").arg(total - quint64(shown)) : QString();
}

QString outcomeText(const AnalysisReport &r, const std::vector<double> &p)
{
    QStringList parts;
    for (int c = 0; c < r.absorptionColumns.size() && c < int(p.size()); ++c) {
        if (p[c] > 0)
            parts.append(r.absorptionColumns[c] + QLatin1Char(' ') + pct(p[c]));
    }
    return parts.join(QStringLiteral(", "));
}
} // namespace

QString reportToText(const AnalysisReport &r)
{
    QString out;
    out += QStringLiteral("StateScope analysis of %1\n").arg(r.source);
    out += QStringLiteral("  window: %1 .. %2   as of: %3\n").arg(timeText(r.from), timeText(r.to), timeText(r.asOf));
    out += QStringLiteral("  executions: %1   transitions: %2   states: %3   finished: %4   running: %5\n")
               .arg(r.executions).arg(r.transitions).arg(r.states.size()).arg(r.finishedExecutions).arg(r.runningExecutions);
    QStringList terminal;
    for (const auto &s : r.states) {
        if (s.terminal)
            terminal.append(s.name);
    }
    out += QStringLiteral("  terminal states: %1\n").arg(terminal.isEmpty() ? QStringLiteral("none") : terminal.join(QStringLiteral(", ")));
    if (r.states.empty()) {
        out += QStringLiteral("\nNo transitions in the selection.\n");
    }

    if (!r.states.empty()) {
        out += section(QStringLiteral("States"));
        TextTable t({QStringLiteral("state"), QStringLiteral("now"), QStringLiteral("stays"), QStringLiteral("mean"), QStringLiteral("p50"),
                     QStringLiteral("p95"), QStringLiteral("p99"), QStringLiteral("max"), QStringLiteral("steady"),
                     QStringLiteral("time share"), QStringLiteral("kind")},
                    {false, true, true, true, true, true, true, true, true, true, false});
        for (const auto &s : r.states) {
            const QString kind = s.terminal ? QStringLiteral("terminal") : (s.trapped ? QStringLiteral("trapped") : QString());
            t.addRow({s.name, QString::number(s.executionsInState), QString::number(s.dwell.count), dur(s.dwell.mean),
                      dur(s.dwell.p50), dur(s.dwell.p95), dur(s.dwell.p99), dur(s.dwell.max), pct(s.steadyState),
                      pct(s.timeShare), kind});
        }
        out += t.render();
    }

    if (!r.edges.empty()) {
        out += section(QStringLiteral("Transition probabilities (row = from, column = to)"));
        if (r.states.size() <= size_t(kMatrixLimit)) {
            QStringList headers{QStringLiteral("from \\ to")};
            QList<bool> right{false};
            for (const auto &s : r.states) {
                headers.append(s.name);
                right.append(true);
            }
            TextTable t(headers, right);
            std::vector<std::vector<double>> p(r.states.size(), std::vector<double>(r.states.size(), 0));
            std::vector<bool> hasRow(r.states.size(), false);
            for (const auto &e : r.edges) {
                p[e.from][e.to] = e.probability;
                hasRow[e.from] = true;
            }
            for (size_t i = 0; i < r.states.size(); ++i) {
                if (!hasRow[i])
                    continue;
                QStringList row{r.states[i].name};
                for (size_t j = 0; j < r.states.size(); ++j)
                    row.append(p[i][j] > 0 ? prob(p[i][j]) : QStringLiteral("."));
                t.addRow(row);
            }
            out += t.render();
        } else {
            TextTable t({QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("count"), QStringLiteral("probability")},
                        {false, false, true, true});
            int shown = 0;
            for (const auto &e : r.edges) {
                if (shown++ >= kListLimit * 5)
                    break;
                t.addRow({r.states[e.from].name, r.states[e.to].name, QString::number(e.count), prob(e.probability)});
            }
            out += t.render() + more(std::min<qsizetype>(r.edges.size(), kListLimit * 5), r.edges.size());
        }
    }

    if (!r.absorption.empty()) {
        out += section(QStringLiteral("Outcomes from each state (absorption)"));
        TextTable t({QStringLiteral("state"), QStringLiteral("steps left"), QStringLiteral("time left"), QStringLiteral("ends in")},
                    {false, true, true, false});
        for (const auto &a : r.absorption) {
            t.addRow({r.states[a.state].name,
                      std::isfinite(a.expectedRemainingSteps) ? QString::number(a.expectedRemainingSteps, 'f', 2) : QStringLiteral("never"),
                      dur(a.expectedRemainingMs), outcomeText(r, a.probabilities)});
        }
        out += t.render();
    }

    if (!r.bottlenecks.empty()) {
        out += section(QStringLiteral("Bottlenecks (share of dwell time in non-terminal states)"));
        TextTable t({QStringLiteral("state"), QStringLiteral("share"), QStringLiteral("mean"), QStringLiteral("severity"), QStringLiteral("bottleneck")},
                    {false, true, true, true, false});
        for (const auto &b : r.bottlenecks)
            t.addRow({r.states[b.state].name, pct(b.share), dur(b.meanMs), QString::number(b.severity, 'f', 2),
                      b.isBottleneck ? QStringLiteral("yes") : QString()});
        out += t.render();
    }

    if (!r.variants.empty()) {
        out += section(QStringLiteral("Variants (%1 distinct paths of %2 finished executions)").arg(r.variantCount).arg(r.finishedExecutions));
        TextTable t({QStringLiteral("count"), QStringLiteral("share"), QStringLiteral("path")}, {true, true, false});
        int shown = 0;
        for (const auto &v : r.variants) {
            if (shown++ >= kListLimit)
                break;
            t.addRow({QString::number(v.count),
                      pct(r.finishedExecutions ? double(v.count) / double(r.finishedExecutions) : 0),
                      v.path.join(QStringLiteral(" > "))});
        }
        out += t.render() + more(std::min<qsizetype>(r.variants.size(), kListLimit), r.variantCount);
    }

    if (r.hasDefinition) {
        out += section(QStringLiteral("Conformance to %1: %2 of executions conform").arg(r.definitionName, pct(r.conformanceRate)));
        if (r.invalidTransitions.empty()) {
            out += QStringLiteral("  no transitions outside the definition\n");
        } else {
            TextTable t({QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("count"), QStringLiteral("examples")}, {false, false, true, false});
            for (const auto &i : r.invalidTransitions)
                t.addRow({i.from, i.to, QString::number(i.count), i.exampleExecutions.join(QStringLiteral(", "))});
            out += t.render();
        }
    }

    out += section(QStringLiteral("Validation"));
    auto listLine = [](const QString &label, const QStringList &items) {
        return QStringLiteral("  %1: %2\n").arg(label, items.isEmpty() ? QStringLiteral("none") : items.join(QStringLiteral(", ")));
    };
    if (r.hasDefinition) {
        out += listLine(QStringLiteral("unreachable"), r.unreachable);
        out += listLine(QStringLiteral("deadlocks"), r.deadlocks);
    }
    out += listLine(QStringLiteral("trapped (cannot reach a terminal state)"), r.trapped);
    if (r.hasDefinition) {
        QStringList nd;
        for (const auto &n : r.nonDeterministic)
            nd.append(QStringLiteral("%1 on \"%2\" -> %3").arg(n.state, n.event, n.targets.join(QLatin1Char('|'))));
        out += listLine(QStringLiteral("non-deterministic"), nd);
        out += listLine(QStringLiteral("missing error handling"), r.missingErrorHandling);
        out += listLine(QStringLiteral("structural errors"), r.structuralErrors);
    }

    if (!r.executionPredictions.empty()) {
        out += section(QStringLiteral("Running executions (%1; longest in state first)").arg(r.runningExecutions));
        TextTable t({QStringLiteral("execution"), QStringLiteral("state"), QStringLiteral("in state"), QStringLiteral("expected left"),
                     QStringLiteral("likely outcome")},
                    {false, false, true, true, false});
        int shown = 0;
        for (const auto &p : r.executionPredictions) {
            if (shown++ >= kListLimit)
                break;
            QString outcome;
            for (const auto &sp : r.statePredictions) {
                if (sp.state == p.state)
                    outcome = outcomeText(r, sp.outcomes);
            }
            t.addRow({p.executionId, r.states[p.state].name, dur(p.inStateMs), dur(p.expectedRemainingMs), outcome});
        }
        out += t.render() + more(std::min<qsizetype>(r.executionPredictions.size(), kListLimit), r.runningExecutions);
    }

    out += section(QStringLiteral("Checkpoints and recovery"));
    out += QStringLiteral("  checkpoints: %1 total, %2 verified, %3 corrupted, %4 unverifiable\n")
               .arg(r.checkpointsTotal).arg(r.checkpointsVerified).arg(r.checkpointsCorrupted.size()).arg(r.checkpointsUnverifiable);
    out += QStringLiteral("  recoveries: %1 attempts, %2 succeeded (%3), mean %4, p95 %5\n")
               .arg(r.recoveryAttempts).arg(r.recoverySuccesses)
               .arg(pct(r.recoverySuccessRate), dur(r.recoveryMeanDurationMs), dur(r.recoveryP95DurationMs));

    if (!r.consistency.empty()) {
        out += section(QStringLiteral("Consistency (lag threshold %1)").arg(dur(r.lagThresholdMs)));
        TextTable t({QStringLiteral("workflow"), QStringLiteral("level"), QStringLiteral("in sync"), QStringLiteral("quorum"),
                     QStringLiteral("max lag"), QStringLiteral("pending"), QStringLiteral("conflicts"), QStringLiteral("score")},
                    {false, false, true, true, true, true, true, true});
        for (const auto &c : r.consistency) {
            t.addRow({c.workflowName.isEmpty() ? c.workflowId : c.workflowName, c.latest.level,
                      QStringLiteral("%1/%2").arg(c.latest.nodesInSync).arg(c.latest.replicationFactor),
                      QString::number(c.latest.quorumSize), dur(c.latest.maxLagMs), QString::number(c.latest.pendingChanges),
                      QString::number(c.latest.conflicts), pct(c.score)});
        }
        out += t.render();
    }

    out += section(QStringLiteral("Alerts (%1)").arg(quint64(r.alerts.size()) + r.alertsOmitted));
    if (r.alerts.empty()) {
        out += QStringLiteral("  none\n");
    } else {
        TextTable t({QStringLiteral("severity"), QStringLiteral("alert"), QStringLiteral("target"), QStringLiteral("detail")});
        int shown = 0;
        for (const auto &a : r.alerts) {
            if (shown++ >= kListLimit)
                break;
            t.addRow({a.severity, a.title, a.target, a.description});
        }
        out += t.render() + more(std::min<qsizetype>(r.alerts.size(), kListLimit), quint64(r.alerts.size()) + r.alertsOmitted);
    }
    if (!r.notes.isEmpty()) {
        out += section(QStringLiteral("Notes"));
        for (const QString &n : r.notes)
            out += QStringLiteral("  - ") + n + QLatin1Char('\n');
    }
    return out;
}

} // namespace StateScope
