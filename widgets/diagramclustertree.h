#pragma once

#include "diagramlayout.h"

#include <QPointF>
#include <QRectF>
#include <QSizeF>

#include <functional>
#include <vector>

namespace StateScope {

// The clusters of a DiagramLayout::Input as the layouts use them: parents checked (a parent
// must come first, else the cluster is at the top), each node's innermost cluster, and which
// clusters hold any node at all (empty ones are not laid out). Without Graphviz: the engine
// that places one level of boxes is passed in.
class DiagramClusterTree final
{
public:
    explicit DiagramClusterTree(const DiagramLayout::Input &input);

    int parent(int cluster) const { return m_parent[size_t(cluster)]; }
    int ownerOf(int node) const { return m_ownerOf[size_t(node)]; } // -1 at the top
    bool holdsNodes(int cluster) const { return m_holdsNodes[size_t(cluster)]; }
    // The deepest cluster holding both nodes, -1 for the top level.
    int commonCluster(int a, int b) const;

    // Places box centres (y pointing down) for the given sizes and edges; false on failure.
    using PlaceLevel
        = std::function<bool(const std::vector<QSizeF> &sizes, const std::vector<DiagramLayout::Input::Edge> &edges,
                             std::vector<QPointF> *centres)>;
    // For engines without clusters (sfdp): each cluster's contents (its nodes and its child
    // clusters' boxes) are placed on their own, innermost first, and the cluster is then one
    // box of that size, with a margin and a label band, at its parent's level. Members end up
    // inside their boxes and every other node outside. An edge pulls at the level of the
    // deepest cluster holding both its ends. Fills *nodes and *clusters (null rects for
    // clusters without nodes) in the input's order.
    bool placeNested(const DiagramLayout::Input &input, const PlaceLevel &place, std::vector<QRectF> *nodes,
                     std::vector<QRectF> *clusters) const;

private:
    std::vector<int> m_parent;
    std::vector<int> m_depth;
    std::vector<int> m_ownerOf;
    std::vector<bool> m_holdsNodes;
};

} // namespace StateScope
