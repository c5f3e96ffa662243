#include "definitionclusters.h"

#include <QCoreApplication>
#include <QSet>

#include <functional>

namespace StateScope {

std::vector<DiagramLayout::Input::Cluster> DefinitionClusters::build(const StateMachineDefinition &definition,
                                                                     const QHash<QString, int> &nodeIndex)
{
    struct Place
    {
        QString parent;
        int branch = -1;
    };
    QHash<QString, Place> placeOf; // a state's nested machine: its container and branch
    for (const DefinitionState &s : definition.states) {
        if (!placeOf.contains(s.name))
            placeOf.insert(s.name, {s.parent, s.branch});
    }
    std::vector<DiagramLayout::Input::Cluster> clusters;
    QHash<QString, int> indexOf; // "parent\x1fbranch"
    QSet<QString> opening; // keys being created: a container inside itself (malformed) is not followed
    std::function<int(const QString &, int)> clusterFor = [&](const QString &parent, int branch) -> int {
        if (parent.isEmpty())
            return -1;
        const QString key = parent + QChar(0x1f) + QString::number(branch);
        if (const auto it = indexOf.constFind(key); it != indexOf.cend())
            return *it;
        if (opening.contains(key))
            return -1;
        opening.insert(key);
        const Place outer = placeOf.value(parent);
        const int enclosing = clusterFor(outer.parent, outer.branch); // first, so parents come first
        DiagramLayout::Input::Cluster cluster;
        cluster.label = branch >= 0
            ? QCoreApplication::translate("StateScope::StateDiagramView", "%1 · branch %2").arg(parent).arg(branch + 1)
            : QCoreApplication::translate("StateScope::StateDiagramView", "%1 · iteration").arg(parent);
        cluster.parent = enclosing;
        cluster.owner = nodeIndex.value(parent, -1);
        const int index = int(clusters.size());
        clusters.push_back(std::move(cluster));
        indexOf.insert(key, index);
        return index;
    };
    QSet<QString> placed;
    for (const DefinitionState &s : definition.states) {
        const int node = nodeIndex.value(s.name, -1);
        if (node < 0 || s.parent.isEmpty() || placed.contains(s.name))
            continue;
        placed.insert(s.name);
        const Place place = placeOf.value(s.name);
        if (const int c = clusterFor(place.parent, place.branch); c >= 0)
            clusters[size_t(c)].nodes.push_back(node);
    }
    return clusters;
}

} // namespace StateScope
