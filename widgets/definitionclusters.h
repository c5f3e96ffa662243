#pragma once

#include "diagramlayout.h"
#include "domaintypes.h"

#include <QHash>
#include <QString>

#include <vector>

namespace StateScope {

// The state diagram's clusters from a definition's nested machines (ASL Parallel branches and
// Map iterations: DefinitionState::parent and ::branch): one cluster per branch or iteration,
// nested as the machines are, labelled "<state> · branch k" or "<state> · iteration", owned by
// the Parallel or Map state's node. Parents come before their children. States that are not
// nodes of the diagram are left out; nodes that are not in a nested machine (top-level states,
// observed states the definition lacks) are in no cluster. A state name that occurs twice
// counts where it occurs first, as the diagram has one node per name.
class DefinitionClusters final
{
public:
    static std::vector<DiagramLayout::Input::Cluster> build(const StateMachineDefinition &definition,
                                                            const QHash<QString, int> &nodeIndex);
};

} // namespace StateScope
