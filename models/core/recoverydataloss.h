#pragma once

#include "timeutil.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace StateScope {

// One transition a recovery undoes: it happened after the checkpoint was taken.
struct RolledBackTransition
{
    QString from;
    QString to;
    TimeMs at = kUnknownTime;
};

// One top-level variable whose value a recovery changes. Values are RFC 8785 canonical JSON
// text (so a JSONB column's re-serialisation is never mistaken for a change); an empty value
// means the key is absent on that side.
struct VariableChange
{
    enum class Kind : quint8 {
        Changed, // present before and after, with another value
        Removed, // present now, absent in the checkpoint: the value is lost
        Restored, // absent now, present in the checkpoint: the recovery brings it back
    };
    QString key; // empty when a side is not a JSON object: the whole document changes
    Kind kind = Kind::Changed;
    QByteArray currentValue;
    QByteArray checkpointValue;
};

QString variableChangeKindName(VariableChange::Kind kind);

// What a recovery to a checkpoint loses (SPEC 5.2): the transitions after the checkpoint and
// the variable values that differ. Shared by the database recovery (RecoveryPlanner) and the
// simulated engine's, so that both write the same state_recovery_log.data_loss document.
struct RecoveryDataLoss
{
    // The number of transitions undone; transitions may list them (the engine only counts).
    qint64 transitionsRolledBack = 0;
    std::vector<RolledBackTransition> transitions;
    std::vector<VariableChange> variables;

    // The top-level differences between two variables documents, sorted by key. Invalid JSON on
    // either side is reported in *error (when given) and compared as a whole document.
    static std::vector<VariableChange> diffVariables(QByteArrayView currentJson, QByteArrayView checkpointJson,
                                                     QString *error = nullptr);

    // {"transitionsRolledBack": N, "transitions": [{"from","to","timestamp"}],
    //  "variables": [{"key","change","current"?,"checkpoint"?}]}, compact. The transition list
    // is capped at kMaxListedTransitions (the count stays exact): a looping execution can have
    // undone thousands, and the row is for people to read.
    QByteArray toJson() const;
    static constexpr size_t kMaxListedTransitions = 1000;
    // The same document as an object, listing up to maxListedTransitions transitions.
    QJsonObject toJsonObject(size_t maxListedTransitions) const;

    // The figures of a data_loss document as any engine may have written it: the number of
    // transitions rolled back ("transitionsRolledBack", else the length of "transitions") and
    // of variable values changed ("variablesChanged", else the length of "variables"). What is
    // not there, or not a count, is -1 (unknown): null, a bare number or an array (their unit
    // is unknown), invalid JSON, other keys. True when at least one figure is known.
    static bool summarize(QByteArrayView json, qint64 *transitions, qint64 *variables);
};

} // namespace StateScope
