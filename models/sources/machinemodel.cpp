#include "machinemodel.h"

#include "definitionparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace StateScope {

MachineModel MachineModel::orderProcessing()
{
    MachineModel m;
    m.name = "order-processing";
    m.states = {{"queued", "start", 2000, false},      {"validating", "task", 600, false},
                {"preparing", "task", 1500, false},    {"processing", "task", 8000, false},
                {"retrying", "wait", 3000, false},     {"waiting_approval", "wait", 45000, false},
                {"completed", "succeed", 0, true},     {"failed", "fail", 0, true},
                {"cancelled", "fail", 0, true}};
    enum { Queued, Validating, Preparing, Processing, Retrying, WaitingApproval, Completed, Failed, Cancelled };
    m.moves = {{Queued, Validating, 0.97, "dequeue", false},          {Queued, Cancelled, 0.03, "cancel", false},
               {Validating, Preparing, 0.90, "valid", false},         {Validating, Failed, 0.10, "validation_error", true},
               {Preparing, Processing, 1.00, "prepared", false},
               {Processing, Completed, 0.70, "done", false},          {Processing, Retrying, 0.12, "transient_error", true},
               {Processing, WaitingApproval, 0.10, "needs_approval", false},
               {Processing, Failed, 0.08, "fatal_error", true},
               {Retrying, Processing, 1.00, "retry", false},
               {WaitingApproval, Processing, 0.85, "approved", false}, {WaitingApproval, Cancelled, 0.15, "rejected", false}};
    m.initial = Queued;
    return m;
}

MachineModel MachineModel::fromDefinition(const StateMachineDefinition &definition, double meanDwellMs)
{
    MachineModel m;
    m.name = definition.name.toUtf8();
    auto indexOf = [&m](const QString &name) {
        const QByteArray key = name.toUtf8();
        for (int i = 0; i < int(m.states.size()); ++i) {
            if (m.states[size_t(i)].name == key)
                return i;
        }
        m.states.push_back({key, QByteArray(), 0, false});
        return int(m.states.size()) - 1;
    };
    for (const DefinitionState &s : definition.states)
        m.states[size_t(indexOf(s.name))].type = s.type.toUtf8();
    std::vector<int> outgoing(m.states.size(), 0);
    for (const DefinitionTransition &t : definition.transitions) {
        const int from = indexOf(t.source);
        const int to = indexOf(t.target);
        m.moves.push_back({from, to, 1.0, t.event.toUtf8(), t.isError});
    }
    outgoing.assign(m.states.size(), 0);
    for (const Move &mv : m.moves)
        ++outgoing[size_t(mv.from)];
    for (Move &mv : m.moves)
        mv.probability = 1.0 / outgoing[size_t(mv.from)];
    for (size_t i = 0; i < m.states.size(); ++i) {
        const bool final = definition.finalStates.contains(QString::fromUtf8(m.states[i].name));
        m.states[i].terminal = final || outgoing[i] == 0;
        m.states[i].meanDwellMs = m.states[i].terminal ? 0 : meanDwellMs;
    }
    m.initial = definition.initialState.isEmpty() ? 0 : indexOf(definition.initialState);
    return m;
}

void MachineModel::scaleFailures(double factor)
{
    for (size_t s = 0; s < states.size(); ++s) {
        double total = 0;
        for (Move &mv : moves) {
            if (mv.from != int(s))
                continue;
            if (mv.isError)
                mv.probability *= factor;
            total += mv.probability;
        }
        for (Move &mv : moves) {
            if (mv.from == int(s) && total > 0)
                mv.probability /= total;
        }
    }
}

int MachineModel::next(int from, std::mt19937_64 &rng, double invalidMoveShare) const
{
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    if (invalidMoveShare > 0 && uniform(rng) < invalidMoveShare) {
        for (size_t i = 0; i < states.size(); ++i) {
            if (states[i].terminal)
                return int(i);
        }
    }
    double u = uniform(rng);
    int last = from;
    for (const Move &m : moves) {
        if (m.from != from)
            continue;
        if (u < m.probability)
            return m.to;
        u -= m.probability;
        last = m.to; // rounding: the last move of the state
    }
    return last;
}

double MachineModel::sampleDwellMs(int state, std::mt19937_64 &rng, double scale) const
{
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    return -states[size_t(state)].meanDwellMs * scale * std::log(1.0 - uniform(rng));
}

TransitionType MachineModel::moveType(int from, int to) const
{
    for (const Move &m : moves) {
        if (m.from == from && m.to == to && m.isError)
            return states[size_t(to)].name.contains("retry") ? TransitionType::Retry : TransitionType::Error;
    }
    if (states[size_t(from)].name.contains("retry"))
        return TransitionType::Retry;
    return TransitionType::Normal;
}

StateMachineDefinition MachineModel::definition() const
{
    StateMachineDefinition d;
    d.name = QString::fromUtf8(name);
    d.version = QStringLiteral("1.0");
    d.initialState = QString::fromUtf8(states[size_t(initial)].name);
    for (const State &s : states) {
        d.states.push_back({QString::fromUtf8(s.name), QString::fromUtf8(s.type)});
        if (s.terminal)
            d.finalStates.append(QString::fromUtf8(s.name));
    }
    int id = 0;
    for (const Move &m : moves) {
        d.transitions.push_back({QStringLiteral("t%1").arg(++id), QString::fromUtf8(states[size_t(m.from)].name),
                                 QString::fromUtf8(states[size_t(m.to)].name), QString::fromUtf8(m.event), QString(), 0,
                                 m.isError});
    }
    return d;
}

QByteArray MachineModel::definitionJson() const
{
    const StateMachineDefinition d = definition();
    return QJsonDocument(QJsonObject{{QStringLiteral("name"), d.name},
                                     {QStringLiteral("version"), d.version},
                                     {QStringLiteral("states"), definitionStatesJson(d)},
                                     {QStringLiteral("transitions"), definitionTransitionsJson(d)},
                                     {QStringLiteral("initial_state"), d.initialState},
                                     {QStringLiteral("final_states"), QJsonArray::fromStringList(d.finalStates)}})
        .toJson(QJsonDocument::Compact);
}

} // namespace StateScope
