#include "definitionvalidator.h"

#include <QHash>
#include <QSet>

#include <map>

namespace StateScope {

namespace {
bool isWorkState(const QString &type)
{
    const QString t = type.toLower();
    return t == QLatin1String("task") || t == QLatin1String("parallel") || t == QLatin1String("map");
}

// States from which one of `targets` can be reached along `edges` (reverse search).
QSet<QString> reachingAny(const QSet<QString> &targets, const QHash<QString, QStringList> &incoming)
{
    QSet<QString> seen = targets;
    QStringList stack(targets.cbegin(), targets.cend());
    while (!stack.isEmpty()) {
        const QString s = stack.takeLast();
        for (const QString &p : incoming.value(s)) {
            if (!seen.contains(p)) {
                seen.insert(p);
                stack.append(p);
            }
        }
    }
    return seen;
}
} // namespace

DefinitionFindings validateDefinition(const StateMachineDefinition &definition)
{
    DefinitionFindings f;
    f.structuralErrors = definition.problems; // what the reader found (ASL)
    QStringList names;
    QHash<QString, QString> typeOf;
    for (const DefinitionState &s : definition.states) {
        if (!typeOf.contains(s.name))
            names.append(s.name);
        typeOf.insert(s.name, s.type);
    }
    // Transitions may mention states the `states` list forgot: report, then treat them as states.
    QHash<QString, QStringList> outgoing;
    QHash<QString, QStringList> incoming;
    QSet<QString> hasErrorExit;
    for (const DefinitionTransition &t : definition.transitions) {
        for (const QString &end : {t.source, t.target}) {
            if (!typeOf.contains(end)) {
                f.structuralErrors.append(QStringLiteral("transition %1 names unknown state \"%2\"")
                                              .arg(t.id.isEmpty() ? t.source + QStringLiteral("->") + t.target : t.id, end));
                typeOf.insert(end, QString());
                names.append(end);
            }
        }
        outgoing[t.source].append(t.target);
        incoming[t.target].append(t.source);
        if (t.isError)
            hasErrorExit.insert(t.source);
    }
    const QSet<QString> finals(definition.finalStates.cbegin(), definition.finalStates.cend());
    for (const QString &fin : definition.finalStates) {
        if (!typeOf.contains(fin))
            f.structuralErrors.append(QStringLiteral("final state \"%1\" is not a state").arg(fin));
    }
    if (!definition.initialState.isEmpty() && !typeOf.contains(definition.initialState))
        f.structuralErrors.append(QStringLiteral("initial state \"%1\" is not a state").arg(definition.initialState));

    // Reachability from the initial state.
    QSet<QString> reachable;
    if (typeOf.contains(definition.initialState)) {
        QStringList stack{definition.initialState};
        reachable.insert(definition.initialState);
        while (!stack.isEmpty()) {
            const QString s = stack.takeLast();
            for (const QString &n : outgoing.value(s)) {
                if (!reachable.contains(n)) {
                    reachable.insert(n);
                    stack.append(n);
                }
            }
        }
    }
    const QSet<QString> canFinish = reachingAny(finals, incoming);
    for (const QString &name : std::as_const(names)) {
        const bool isFinal = finals.contains(name);
        if (!definition.initialState.isEmpty() && !reachable.contains(name))
            f.unreachable.append(name);
        if (!isFinal && outgoing.value(name).isEmpty())
            f.deadlocks.append(name);
        else if (!isFinal && !canFinish.contains(name))
            f.trapped.append(name);
        if (!isFinal && isWorkState(typeOf.value(name)) && !hasErrorExit.contains(name))
            f.missingErrorHandling.append(name);
    }

    // Non-determinism: two transitions out of one state that nothing tells apart (same event,
    // same condition, same priority) but lead to different targets.
    std::map<std::tuple<QString, QString, QString, int>, QStringList> groups;
    for (const DefinitionTransition &t : definition.transitions) {
        QStringList &targets = groups[{t.source, t.event, t.condition, t.priority}];
        if (!targets.contains(t.target))
            targets.append(t.target);
    }
    for (const auto &[key, targets] : groups) {
        if (targets.size() > 1) {
            QStringList sorted = targets;
            sorted.sort();
            f.nonDeterministic.push_back({std::get<0>(key), std::get<1>(key), sorted});
        }
    }
    f.unreachable.sort();
    f.deadlocks.sort();
    f.trapped.sort();
    f.missingErrorHandling.sort();
    return f;
}

} // namespace StateScope
