#pragma once

#include "domaintypes.h"

#include <QJsonArray>
#include <QJsonObject>

namespace StateScope {

struct DefinitionParseResult
{
    StateMachineDefinition definition;
    QString error; // empty = ok
    bool ok() const { return error.isEmpty(); }
};

// A state_machines row (SPEC 2.1): `states` a JSON array of {"name","type"}, `transitions` a
// JSON array of {"id","source","target","event"?,"condition"?,"priority"}, `initial_state`,
// `final_states` (a JSON array, or PostgreSQL's {a,b} array literal).
DefinitionParseResult parseDefinitionRow(const QString &id, const QString &name, const QString &version,
                                         QByteArrayView statesJson, QByteArrayView transitionsJson,
                                         const QString &initialState, QByteArrayView finalStates);

// A definition file: either the row form as one JSON object (keys states, transitions,
// initial_state or initialState, final_states or finalStates, optional name/version), or an
// Amazon States Language machine (StartAt + States) read for its graph: Next, End, Choice
// Choices/Default, Catch (error transitions), Succeed/Fail as final states.
DefinitionParseResult parseDefinitionFile(const QString &path);

// The inverse of the row form: the `states` and `transitions` JSON arrays of a definition, as a
// state_machines row and a definition file hold them.
QJsonArray definitionStatesJson(const StateMachineDefinition &definition);
QJsonArray definitionTransitionsJson(const StateMachineDefinition &definition);
DefinitionParseResult parseDefinitionJson(const QByteArray &json, const QString &label);

} // namespace StateScope
