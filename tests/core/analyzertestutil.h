#pragma once

// Small helpers shared by the analyzer tests: build an EventStore by hand and read a report
// by state name.

#include "analyzer.h"
#include "eventstore.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace AnalyzerTest {

using namespace StateScope;

inline QString qs(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// An execution that entered states[0] at `entry` and moved to states[i + 1] at times[i].
// With one state and no times it is an execution that never moved (its only entry).
inline ExecutionIndex addPath(EventStore &store, quint32 workflow, const QByteArray &id, TimeMs entry,
                              const QList<QByteArray> &states, const QList<TimeMs> &times,
                              ExecutionStatus status = ExecutionStatus::Unknown)
{
    const ExecutionIndex e = store.addExecution(id, workflow, entry, status);
    if (times.isEmpty()) {
        store.setExecutionInitialState(e, store.internState(states.first()));
        return e;
    }
    for (qsizetype i = 0; i < times.size(); ++i) {
        store.appendTransition(e, store.internState(states[i]), store.internState(states[i + 1]), times[i],
                               TransitionType::Normal);
    }
    return e;
}

inline QStringList stateNames(const AnalysisReport &r)
{
    QStringList names;
    for (const AnalysisReport::StateRow &s : r.states)
        names.append(s.name);
    return names;
}

inline QStringList terminalNames(const AnalysisReport &r)
{
    QStringList names;
    for (const AnalysisReport::StateRow &s : r.states) {
        if (s.terminal)
            names.append(s.name);
    }
    return names;
}

inline const AnalysisReport::StateRow *stateRow(const AnalysisReport &r, const char *name)
{
    const int i = r.stateIndex(qs(name));
    return i < 0 ? nullptr : &r.states[size_t(i)];
}

inline const AnalysisReport::Edge *edge(const AnalysisReport &r, const char *from, const char *to)
{
    const int f = r.stateIndex(qs(from));
    const int t = r.stateIndex(qs(to));
    for (const AnalysisReport::Edge &e : r.edges) {
        if (e.from == f && e.to == t)
            return &e;
    }
    return nullptr;
}

inline const AnalysisReport::Absorption *absorptionRow(const AnalysisReport &r, const char *state)
{
    const int i = r.stateIndex(qs(state));
    for (const AnalysisReport::Absorption &a : r.absorption) {
        if (a.state == i)
            return &a;
    }
    return nullptr;
}

// Probability of ending in `column` (a terminal state or "(trapped)") from `state`; -1 if absent.
inline double absorbed(const AnalysisReport &r, const char *state, const char *column)
{
    const AnalysisReport::Absorption *a = absorptionRow(r, state);
    const qsizetype c = r.absorptionColumns.indexOf(qs(column));
    if (!a || c < 0 || size_t(c) >= a->probabilities.size())
        return -1;
    return a->probabilities[size_t(c)];
}

inline const AnalysisReport::Bottleneck *bottleneck(const AnalysisReport &r, const char *state)
{
    const int i = r.stateIndex(qs(state));
    for (const AnalysisReport::Bottleneck &b : r.bottlenecks) {
        if (b.state == i)
            return &b;
    }
    return nullptr;
}

inline QStringList alertKinds(const AnalysisReport &r)
{
    QStringList kinds;
    for (const AnalysisReport::Alert &a : r.alerts)
        kinds.append(a.kind);
    return kinds;
}

} // namespace AnalyzerTest
