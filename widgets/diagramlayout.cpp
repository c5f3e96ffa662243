#include "diagramlayout.h"

#include "diagramclustertree.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLineF>
#include <QMutex>
#include <QMutexLocker>

#include <gvc.h>

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace StateScope {

namespace {

// Graphviz keeps global state (the error hook, plugin tables, layout scratch), so one layout
// runs at a time in the process. Everything below that touches Graphviz holds this lock.
QMutex &graphvizMutex()
{
    static QMutex mutex;
    return mutex;
}

QString &graphvizErrors() // guarded by graphvizMutex()
{
    static QString text;
    return text;
}

int collectGraphvizError(char *message)
{
    graphvizErrors() += QString::fromUtf8(message).trimmed() + QLatin1Char(' ');
    return 0;
}

// Created once: loading the plugin configuration costs several milliseconds per context.
GVC_t *graphvizContext() // guarded by graphvizMutex()
{
    static GVC_t *context = nullptr;
    if (!context) {
        agseterr(AGERR); // warnings ("falling back to straight edges") are not the user's business
        agseterrf(collectGraphvizError);
        context = gvContext();
    }
    return context;
}

char *text(const char *literal)
{
    return const_cast<char *>(literal); // Graphviz 2.42 takes char * for strings it only reads
}

QByteArray inches(double sceneUnits)
{
    return QByteArray::number(sceneUnits / 72.0, 'f', 4);
}

// Where the ray from the centre of `rect` towards `target` leaves the rectangle.
QPointF rectExit(const QRectF &rect, const QPointF &target)
{
    const QPointF c = rect.center();
    const QPointF d = target - c;
    if (rect.contains(target) || (d.x() == 0 && d.y() == 0))
        return c;
    const double sx = d.x() != 0 ? (rect.width() / 2) / std::abs(d.x()) : 1e300;
    const double sy = d.y() != 0 ? (rect.height() / 2) / std::abs(d.y()) : 1e300;
    return c + d * std::min(sx, sy);
}

QPointF unit(const QPointF &v)
{
    const double length = std::hypot(v.x(), v.y());
    return length > 1e-9 ? v / length : QPointF(1, 0);
}

// Edges for layouts without routed splines: straight, bent to their right when the opposite
// edge exists too (so the pair does not overlap), and self-loops off the top-right corner.
DiagramLayout::Edge synthesizedEdge(const DiagramLayout &layout, int from, int to, bool hasOpposite)
{
    DiagramLayout::Edge edge {from, to, {}, {}};
    const QRectF &a = layout.nodes[size_t(from)];
    const QRectF &b = layout.nodes[size_t(to)];
    if (from == to) {
        const double reach = std::clamp(a.height() * 0.8, 16.0, 32.0);
        const QPointF start(a.right() - std::min(a.width() * 0.25, 20.0), a.top());
        const QPointF tip(a.right(), a.top() + a.height() * 0.3);
        const QPointF c1 = start + QPointF(reach * 0.3, -reach);
        const QPointF c2 = tip + QPointF(reach, -reach * 0.3);
        edge.arrowTip = tip;
        edge.bezier = {start, c1, c2, tip - unit(tip - c2) * DiagramLayout::kArrowLength};
        return edge;
    }
    const QPointF p = a.center();
    const QPointF q = b.center();
    QPointF control = (p + q) / 2;
    if (hasOpposite) {
        const QPointF dir = unit(q - p);
        const double bend = std::min(QLineF(p, q).length() * 0.12, 28.0);
        control += QPointF(-dir.y(), dir.x()) * (2 * bend); // quadratic: peak deviation = bend
    }
    const QPointF start = rectExit(a, control);
    const QPointF tip = rectExit(b, control);
    const QPointF base = tip - unit(tip - control) * DiagramLayout::kArrowLength;
    edge.arrowTip = tip;
    edge.bezier = {start, start + (control - start) * (2.0 / 3), base + (control - base) * (2.0 / 3), base};
    return edge;
}

void readDotEdge(Agedge_t *e, DiagramLayout::Edge &edge, double height)
{
    const auto point = [height](pointf p) {
        return QPointF(p.x, height - p.y);
    };
    const splines *spl = ED_spl(e);
    for (int i = 0; spl && i < spl->size; ++i) {
        const bezier &piece = spl->list[i];
        if (piece.size < 4)
            continue;
        const QPointF first = point(piece.list[0]);
        if (edge.bezier.empty()) {
            edge.bezier.push_back(first);
        } else if (edge.bezier.back() != first) { // a gap between pieces: join it straight
            const QPointF last = edge.bezier.back();
            edge.bezier.insert(edge.bezier.end(), {last, first, first});
        }
        for (int k = 1; k + 2 < piece.size; k += 3) {
            for (int j = 0; j < 3; ++j)
                edge.bezier.push_back(point(piece.list[k + j]));
        }
        edge.arrowTip = piece.eflag ? point(piece.ep) : edge.bezier.back();
    }
}

// The graph and its defaults for a layout by dot or by sfdp.
Agraph_t *openGraph(bool dot)
{
    Agraph_t *graph = agopen(text("statescope"), Agdirected, nullptr);
    if (dot) {
        agattr(graph, AGRAPH, text("rankdir"), text("LR"));
        agattr(graph, AGRAPH, text("splines"), text("true"));
        agattr(graph, AGRAPH, text("nodesep"), text("0.3"));
        agattr(graph, AGRAPH, text("ranksep"), text("0.8"));
        // Fewer network-simplex and crossing-minimisation passes: a tenth of the time on the
        // larger graphs dot still gets, with layouts that read the same.
        agattr(graph, AGRAPH, text("nslimit"), text("2"));
        agattr(graph, AGRAPH, text("nslimit1"), text("2"));
        agattr(graph, AGRAPH, text("mclimit"), text("0.5"));
    } else {
        agattr(graph, AGRAPH, text("splines"), text("false")); // routing costs seconds here
        agattr(graph, AGRAPH, text("overlap"), text("prism"));
        agattr(graph, AGRAPH, text("sep"), text("+10"));
    }
    agattr(graph, AGNODE, text("shape"), text("box"));
    agattr(graph, AGNODE, text("fixedsize"), text("true"));
    agattr(graph, AGNODE, text("label"), text(""));
    agattr(graph, AGNODE, text("width"), text("1"));
    agattr(graph, AGNODE, text("height"), text("0.5"));
    agattr(graph, AGEDGE, text("arrowsize"), text("0.8"));
    return graph;
}

std::vector<Agnode_t *> addNodes(Agraph_t *graph, const std::vector<QSizeF> &sizes)
{
    Agsym_t *width = agattr(graph, AGNODE, text("width"), nullptr);
    Agsym_t *height = agattr(graph, AGNODE, text("height"), nullptr);
    std::vector<Agnode_t *> nodes;
    nodes.reserve(sizes.size());
    for (size_t i = 0; i < sizes.size(); ++i) {
        Agnode_t *n = agnode(graph, QByteArray("n" + QByteArray::number(qulonglong(i))).data(), 1);
        agxset(n, width, inches(sizes[i].width()).data());
        agxset(n, height, inches(sizes[i].height()).data());
        nodes.push_back(n);
    }
    return nodes;
}

QString layoutError()
{
    const QString error = graphvizErrors().trimmed();
    return error.isEmpty() ? QCoreApplication::translate("StateScope::StateDiagramView", "Graphviz could not lay out the graph") : error;
}

// Box centres placed by sfdp (y pointing down); false with *error when Graphviz fails.
bool sfdpPlace(GVC_t *gvc, const std::vector<QSizeF> &sizes, const std::vector<DiagramLayout::Input::Edge> &edges,
               std::vector<QPointF> *centres, QString *error)
{
    centres->assign(sizes.size(), QPointF());
    if (sizes.size() < 2) // nothing to place (a cluster of one)
        return true;
    Agraph_t *graph = openGraph(false);
    const std::vector<Agnode_t *> nodes = addNodes(graph, sizes);
    for (const DiagramLayout::Input::Edge &e : edges)
        agedge(graph, nodes[size_t(e.from)], nodes[size_t(e.to)], nullptr, 1);
    if (gvLayout(gvc, graph, "sfdp") != 0) {
        *error = layoutError();
        agclose(graph);
        return false;
    }
    const double top = GD_bb(graph).UR.y;
    for (size_t i = 0; i < nodes.size(); ++i)
        (*centres)[i] = QPointF(ND_coord(nodes[i]).x, top - ND_coord(nodes[i]).y);
    gvFreeLayout(gvc, graph);
    agclose(graph);
    return true;
}

// Graphviz's dot draws clusters itself: each is a "cluster_N" subgraph inside its parent's,
// labelled so that dot keeps room for the label at its top. An edge from a cluster's owner
// into it (a Parallel to a branch's StartAt) weighs more, so the branch starts next to it.
std::vector<Agraph_t *> addDotClusters(Agraph_t *graph, const DiagramLayout::Input &input,
                                       const DiagramClusterTree &tree, const std::vector<Agnode_t *> &nodes,
                                       const std::vector<Agedge_t *> &edges)
{
    std::vector<Agraph_t *> subgraphs(input.clusters.size(), nullptr);
    if (input.clusters.empty())
        return subgraphs;
    Agsym_t *label = agattr(graph, AGRAPH, text("label"), text(""));
    agattr(graph, AGRAPH, text("labeljust"), text("l"));
    agattr(graph, AGRAPH, text("labelloc"), text("t"));
    agattr(graph, AGRAPH, text("fontname"), text("Helvetica"));
    // Larger than the painter's (demibold) label: Graphviz measures a plain face, and too little
    // room would elide the label.
    agattr(graph, AGRAPH, text("fontsize"), QByteArray::number(DiagramLayout::kClusterLabelPx * 1.25).data());
    agattr(graph, AGRAPH, text("margin"), QByteArray::number(DiagramLayout::kClusterMargin).data());
    for (size_t c = 0; c < input.clusters.size(); ++c) {
        if (!tree.holdsNodes(int(c)))
            continue;
        const int p = tree.parent(int(c));
        Agraph_t *outer = p < 0 ? graph : subgraphs[size_t(p)];
        subgraphs[c] = agsubg(outer, QByteArray("cluster_" + QByteArray::number(qulonglong(c))).data(), 1);
        agxset(subgraphs[c], label, input.clusters[c].label.toUtf8().data());
    }
    for (size_t n = 0; n < nodes.size(); ++n) {
        if (const int owner = tree.ownerOf(int(n)); owner >= 0)
            agsubnode(subgraphs[size_t(owner)], nodes[n], 1); // into its ancestors too
    }
    Agsym_t *weight = agattr(graph, AGEDGE, text("weight"), text("1"));
    for (size_t i = 0; i < edges.size(); ++i) {
        const DiagramLayout::Input::Edge &e = input.edges[i];
        for (int c = tree.ownerOf(e.to); c >= 0; c = tree.parent(c)) {
            if (input.clusters[size_t(c)].owner == e.from) {
                agxset(edges[i], weight, text("4"));
                break;
            }
        }
    }
    return subgraphs;
}

} // namespace

DiagramLayout::Engine DiagramLayout::chooseEngine(const Input &input)
{
    if (input.nodes.empty())
        return Engine::None;
    if (int(input.nodes.size()) <= kDotMaxNodes && int(input.edges.size()) <= kDotMaxEdges)
        return Engine::Dot;
    return Engine::Sfdp;
}

DiagramLayout DiagramLayout::compute(const Input &input)
{
    QElapsedTimer timer;
    timer.start();
    DiagramLayout out;
    out.generation = input.generation;
    out.engine = chooseEngine(input);
    if (out.engine == Engine::None)
        return out;

    QMutexLocker lock(&graphvizMutex());
    GVC_t *gvc = graphvizContext();
    if (!gvc) {
        out.error = QCoreApplication::translate("StateScope::StateDiagramView", "Graphviz could not be initialised");
        return out;
    }
    graphvizErrors().clear();

    const bool dot = out.engine == Engine::Dot;
    if (dot) {
        Agraph_t *graph = openGraph(true);
        std::vector<QSizeF> sizes;
        sizes.reserve(input.nodes.size());
        for (const Input::Node &n : input.nodes)
            sizes.push_back(n.size);
        const std::vector<Agnode_t *> nodes = addNodes(graph, sizes);
        std::vector<Agedge_t *> edges;
        edges.reserve(input.edges.size());
        for (const Input::Edge &e : input.edges)
            edges.push_back(agedge(graph, nodes[size_t(e.from)], nodes[size_t(e.to)], nullptr, 1));
        const std::vector<Agraph_t *> clusters = addDotClusters(graph, input, DiagramClusterTree(input), nodes, edges);

        if (gvLayout(gvc, graph, "dot") != 0) {
            out.error = layoutError();
            agclose(graph);
            out.elapsedMs = double(timer.nsecsElapsed()) / 1e6;
            return out;
        }
        const double top = GD_bb(graph).UR.y;
        out.nodes.reserve(nodes.size());
        for (size_t i = 0; i < nodes.size(); ++i) {
            const QPointF centre(ND_coord(nodes[i]).x, top - ND_coord(nodes[i]).y);
            const QSizeF size = input.nodes[i].size;
            out.nodes.emplace_back(centre - QPointF(size.width() / 2, size.height() / 2), size);
        }
        out.edges.reserve(edges.size());
        for (size_t i = 0; i < edges.size(); ++i) {
            Edge edge {input.edges[i].from, input.edges[i].to, {}, {}};
            readDotEdge(edges[i], edge, top);
            if (edge.bezier.empty()) // dot left it unrouted: draw it straight
                edge = synthesizedEdge(out, edge.from, edge.to, false);
            out.edges.push_back(std::move(edge));
        }
        out.clusters.reserve(clusters.size());
        for (Agraph_t *cluster : clusters) {
            const boxf bb = cluster ? GD_bb(cluster) : boxf {};
            out.clusters.push_back(cluster ? QRectF(QPointF(bb.LL.x, top - bb.UR.y), QPointF(bb.UR.x, top - bb.LL.y))
                                           : QRectF());
        }
        gvFreeLayout(gvc, graph);
        agclose(graph);
    } else {
        bool placed = false;
        if (input.clusters.empty()) {
            std::vector<QSizeF> sizes;
            sizes.reserve(input.nodes.size());
            for (const Input::Node &n : input.nodes)
                sizes.push_back(n.size);
            std::vector<QPointF> centres;
            placed = sfdpPlace(gvc, sizes, input.edges, &centres, &out.error);
            for (size_t i = 0; placed && i < centres.size(); ++i)
                out.nodes.emplace_back(centres[i] - QPointF(sizes[i].width() / 2, sizes[i].height() / 2), sizes[i]);
        } else {
            // sfdp knows no clusters: each cluster's contents are placed on their own.
            const auto place = [gvc, &out](const std::vector<QSizeF> &sizes, const std::vector<Input::Edge> &edges,
                                           std::vector<QPointF> *centres) {
                return sfdpPlace(gvc, sizes, edges, centres, &out.error);
            };
            placed = DiagramClusterTree(input).placeNested(input, place, &out.nodes, &out.clusters);
        }
        if (!placed) {
            out.nodes.clear();
            out.clusters.clear();
            out.elapsedMs = double(timer.nsecsElapsed()) / 1e6;
            return out;
        }
    }
    lock.unlock();

    if (!dot) {
        std::unordered_set<quint64> pairs;
        const auto key = [](int a, int b) {
            return quint64(quint32(a)) << 32 | quint32(b);
        };
        for (const Input::Edge &e : input.edges)
            pairs.insert(key(e.from, e.to));
        out.edges.reserve(input.edges.size());
        for (const Input::Edge &e : input.edges)
            out.edges.push_back(synthesizedEdge(out, e.from, e.to, pairs.count(key(e.to, e.from)) > 0));
    }

    // Everything drawn, with a margin for self-loops and arrowheads, origin at (0, 0).
    QRectF bounds;
    for (const QRectF &r : out.nodes)
        bounds |= r;
    for (const QRectF &r : out.clusters)
        bounds |= r;
    for (const Edge &e : out.edges) {
        for (const QPointF &p : e.bezier)
            bounds |= QRectF(p, QSizeF(0.01, 0.01));
    }
    bounds.adjust(-12, -12, 12, 12);
    const QPointF shift = -bounds.topLeft();
    for (QRectF &r : out.nodes)
        r.translate(shift);
    for (QRectF &r : out.clusters) {
        if (!r.isNull())
            r.translate(shift);
    }
    for (Edge &e : out.edges) {
        for (QPointF &p : e.bezier)
            p += shift;
        e.arrowTip += shift;
    }
    out.bounds = QRectF(QPointF(0, 0), bounds.size());
    out.elapsedMs = double(timer.nsecsElapsed()) / 1e6;
    return out;
}

} // namespace StateScope
