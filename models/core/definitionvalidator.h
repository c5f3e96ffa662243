#pragma once

#include "analysisreport.h"
#include "domaintypes.h"

namespace StateScope {

struct DefinitionFindings
{
    QStringList unreachable;          // not reachable from the initial state
    QStringList deadlocks;            // non-final states without outgoing transitions
    QStringList trapped;              // non-final states with transitions, none leading to a final state
    std::vector<AnalysisReport::NonDeterminism> nonDeterministic; // same trigger, several targets
    QStringList missingErrorHandling; // task/parallel/map states without an error transition
    QStringList structuralErrors;     // transitions naming unknown states, unknown initial state ...
};

// Checks a state machine definition on its own (SPEC 6 `validation`). Pure; names sorted.
DefinitionFindings validateDefinition(const StateMachineDefinition &definition);

} // namespace StateScope
