#pragma once

#include "domaintypes.h"

#include <QByteArray>
#include <QString>

namespace StateScope {

// Reads an Amazon States Language machine (StartAt + States; JSONPath or JSONata) into the
// definition graph conformance and validation use:
// - Next / End of Task, Pass, Wait, Parallel and Map; Choice rules (Choices, each its own
//   condition and priority) and Default; Succeed and Fail end the machine.
// - Catch entries become error transitions (event = the ErrorEquals list); Retry a self-loop
//   with a "retry: ..." event.
// - Parallel branches and a Map's ItemProcessor (or legacy Iterator) are nested machines: their
//   states keep the enclosing state as DefinitionState::parent (and a Parallel's branch index as
//   DefinitionState::branch, for the diagram's clusters); the enclosing state leads to each
//   nested StartAt ("branch N" / "iteration"), and each nested end leads to the enclosing
//   state's Next ("join"), or ends the machine when the enclosing state has End.
// Structural errors are collected in StateMachineDefinition::problems (validation reports them):
// duplicate state names (within a States object, which JSON parsers usually hide, or across
// nested machines), Next / Default / Catch to a missing state, a link out of a Parallel branch
// or Map iteration, a machine without a terminal state, a missing or unknown Type, Next and End
// together or neither. A file that is no machine at all (not JSON, no StartAt or States, a state
// that is not an object) is an error with the JSON position where one is known.
struct AslParseResult
{
    StateMachineDefinition definition;
    QString error; // empty = a machine was read (it may still have problems)
    bool ok() const { return error.isEmpty(); }
};

AslParseResult parseAslMachine(const QByteArray &json, const QString &label);

// "line L, column C" of a byte offset, for JSON errors people can find in an editor.
QString jsonPosition(const QByteArray &json, qsizetype offset);

} // namespace StateScope
