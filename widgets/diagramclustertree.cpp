#include "diagramclustertree.h"

#include <algorithm>
#include <unordered_set>

namespace StateScope {

DiagramClusterTree::DiagramClusterTree(const DiagramLayout::Input &input)
    : m_parent(input.clusters.size(), -1)
    , m_depth(input.clusters.size(), 0)
    , m_ownerOf(input.nodes.size(), -1)
    , m_holdsNodes(input.clusters.size(), false)
{
    const int count = int(input.clusters.size());
    for (int c = 0; c < count; ++c) {
        const int p = input.clusters[size_t(c)].parent;
        if (p >= 0 && p < c) {
            m_parent[size_t(c)] = p;
            m_depth[size_t(c)] = m_depth[size_t(p)] + 1;
        }
    }
    for (int c = 0; c < count; ++c) {
        for (const int n : input.clusters[size_t(c)].nodes) {
            if (n < 0 || size_t(n) >= m_ownerOf.size())
                continue;
            int &owner = m_ownerOf[size_t(n)];
            if (owner < 0 || m_depth[size_t(c)] > m_depth[size_t(owner)])
                owner = c;
        }
    }
    for (const int owner : m_ownerOf) {
        for (int c = owner; c >= 0 && !m_holdsNodes[size_t(c)]; c = m_parent[size_t(c)])
            m_holdsNodes[size_t(c)] = true;
    }
}

int DiagramClusterTree::commonCluster(int a, int b) const
{
    int x = m_ownerOf[size_t(a)];
    int y = m_ownerOf[size_t(b)];
    while (x != y) {
        if (x >= 0 && (y < 0 || m_depth[size_t(x)] >= m_depth[size_t(y)]))
            x = m_parent[size_t(x)];
        else
            y = m_parent[size_t(y)];
    }
    return x;
}

bool DiagramClusterTree::placeNested(const DiagramLayout::Input &input, const PlaceLevel &place,
                                     std::vector<QRectF> *nodes, std::vector<QRectF> *clusters) const
{
    using Edge = DiagramLayout::Input::Edge;
    const int top = int(input.clusters.size()); // the level index of the whole graph
    struct Level
    {
        std::vector<int> nodes;
        std::vector<int> clusters;
        std::vector<Edge> edges; // between items: the nodes, then the clusters
        std::vector<QRectF> items; // relative to the cluster box's top left (absolute at the top)
    };
    std::vector<Level> levels(size_t(top) + 1);
    const auto levelOf = [top](int cluster) {
        return size_t(cluster < 0 ? top : cluster);
    };
    std::vector<int> itemOfNode(input.nodes.size());
    std::vector<int> itemOfCluster(input.clusters.size(), -1);
    for (size_t n = 0; n < input.nodes.size(); ++n) {
        Level &level = levels[levelOf(m_ownerOf[n])];
        itemOfNode[n] = int(level.nodes.size());
        level.nodes.push_back(int(n));
    }
    for (int c = 0; c < top; ++c) {
        if (m_holdsNodes[size_t(c)])
            levels[levelOf(m_parent[size_t(c)])].clusters.push_back(c);
    }
    for (Level &level : levels) {
        for (size_t k = 0; k < level.clusters.size(); ++k)
            itemOfCluster[size_t(level.clusters[k])] = int(level.nodes.size() + k);
    }
    // The item that holds `node` at the level of `cluster` (which holds the node): the node
    // itself, or the child cluster it lies in.
    const auto itemAt = [&](int node, int cluster) {
        int c = m_ownerOf[size_t(node)];
        if (c == cluster)
            return itemOfNode[size_t(node)];
        while (m_parent[size_t(c)] != cluster)
            c = m_parent[size_t(c)];
        return itemOfCluster[size_t(c)];
    };
    std::unordered_set<quint64> seen;
    for (const Edge &e : input.edges) {
        const int cluster = commonCluster(e.from, e.to);
        const int a = itemAt(e.from, cluster);
        const int b = itemAt(e.to, cluster);
        if (seen.insert(quint64(levelOf(cluster)) << 42 | quint64(a) << 21 | quint64(b)).second)
            levels[levelOf(cluster)].edges.push_back({a, b});
    }

    // Children have larger indices than their parents: from the last cluster to the top, every
    // child's box is known before its parent's level is placed.
    std::vector<QSizeF> clusterSizes(input.clusters.size());
    for (int l = top; l >= 0; --l) {
        const size_t index = l == 0 ? size_t(top) : size_t(l - 1);
        Level &level = levels[index];
        if (index != size_t(top) && !m_holdsNodes[index])
            continue;
        std::vector<QSizeF> sizes;
        for (const int n : level.nodes)
            sizes.push_back(input.nodes[size_t(n)].size);
        for (const int c : level.clusters)
            sizes.push_back(clusterSizes[size_t(c)]);
        std::vector<QPointF> centres;
        if (!place(sizes, level.edges, &centres) || centres.size() != sizes.size())
            return false;
        QRectF content;
        for (size_t k = 0; k < sizes.size(); ++k) {
            level.items.emplace_back(centres[k] - QPointF(sizes[k].width() / 2, sizes[k].height() / 2), sizes[k]);
            content |= level.items.back();
        }
        if (index == size_t(top))
            continue;
        const double m = DiagramLayout::kClusterMargin;
        QRectF box = content.adjusted(-m, -m - DiagramLayout::kClusterLabelHeight, m, m);
        const double widen = std::max(0.0, input.clusters[index].labelWidth - box.width());
        box.adjust(-widen / 2, 0, widen / 2, 0);
        for (QRectF &r : level.items)
            r.translate(-box.topLeft());
        clusterSizes[index] = box.size();
    }

    // Then from the top down, each level's items at their box's position.
    nodes->assign(input.nodes.size(), QRectF());
    clusters->assign(input.clusters.size(), QRectF());
    const auto put = [&](const Level &level, const QPointF &origin) {
        for (size_t k = 0; k < level.nodes.size(); ++k)
            (*nodes)[size_t(level.nodes[k])] = level.items[k].translated(origin);
        for (size_t k = 0; k < level.clusters.size(); ++k)
            (*clusters)[size_t(level.clusters[k])] = level.items[level.nodes.size() + k].translated(origin);
    };
    put(levels[size_t(top)], QPointF());
    for (int c = 0; c < top; ++c) {
        if (m_holdsNodes[size_t(c)])
            put(levels[size_t(c)], (*clusters)[size_t(c)].topLeft());
    }
    return true;
}

} // namespace StateScope
