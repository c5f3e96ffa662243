#pragma once

#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>

#include <vector>

namespace StateScope {

// A laid-out state graph as plain values, in scene units (Graphviz points, y pointing down).
// compute() runs Graphviz on whatever thread calls it; Graphviz keeps global state, so calls
// are serialized by a process-wide mutex inside compute(). No Graphviz type leaks out.
struct DiagramLayout
{
    enum class Engine { None, Dot, Sfdp };

    struct Input
    {
        struct Node
        {
            QString name;
            QSizeF size; // scene units; the view measures its own text so boxes fit it
        };
        struct Edge
        {
            int from = 0;
            int to = 0;
        };
        // A nested machine (an ASL Parallel branch, a Map iteration) drawn as a box around its
        // states. Parents come before their children; a node is a member of at most one
        // cluster, its innermost, and lies inside every enclosing one as well.
        struct Cluster
        {
            QString label;
            std::vector<int> nodes; // direct members, indices into nodes
            int parent = -1; // index of the enclosing cluster (smaller than this one's), -1 none
            int owner = -1; // the node whose nested machine this is (its colour tints the box), -1 none
            double labelWidth = 0; // scene units the label needs: sfdp boxes are at least as wide
        };
        std::vector<Node> nodes;
        std::vector<Edge> edges; // distinct (from, to) pairs, indices into nodes
        std::vector<Cluster> clusters;
        quint64 generation = 0; // echoed in the result so stale layouts can be dropped
    };

    struct Edge
    {
        int from = 0;
        int to = 0;
        // Cubic Bézier pieces: p0, then (c1, c2, p) per piece. Ends at the arrowhead's base.
        std::vector<QPointF> bezier;
        QPointF arrowTip; // where the arrowhead touches the target node
    };

    Engine engine = Engine::None;
    QRectF bounds;
    std::vector<QRectF> nodes; // per Input node, same order
    std::vector<Edge> edges; // per Input edge, same order
    // Per Input cluster, same order; dot draws clusters itself, with sfdp each cluster's contents
    // are placed on their own and the cluster is one box at its parent's level. A cluster
    // without nodes (also none nested) is a null rect.
    std::vector<QRectF> clusters;
    quint64 generation = 0;
    double elapsedMs = 0;
    QString error; // empty on success

    bool isEmpty() const { return nodes.empty(); }

    // Graphviz's dot routes splines beautifully but explodes on dense cyclic graphs (BARS.md:
    // minutes at 200 states); beyond a small, sparse graph sfdp places the nodes and the edges
    // are drawn as straight or gently bent curves computed here.
    static Engine chooseEngine(const Input &input);
    static DiagramLayout compute(const Input &input);

    static constexpr double kArrowLength = 8; // scene units (Graphviz arrowsize 0.8)
    static constexpr int kDotMaxNodes = 100;
    static constexpr int kDotMaxEdges = 250;
    static constexpr double kClusterMargin = 10; // scene units between a cluster's box and its contents
    static constexpr double kClusterLabelHeight = 18; // the band above the contents for the label
    static constexpr double kClusterLabelPx = 11; // the label's font size, as Graphviz reserves it
};

} // namespace StateScope
