#include "diagramlayout.h"

#include <QByteArray>
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
        out.error = QStringLiteral("Graphviz could not be initialised");
        return out;
    }
    graphvizErrors().clear();

    Agraph_t *graph = agopen(text("statescope"), Agdirected, nullptr);
    const bool dot = out.engine == Engine::Dot;
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
    Agsym_t *width = agattr(graph, AGNODE, text("width"), text("1"));
    Agsym_t *height = agattr(graph, AGNODE, text("height"), text("0.5"));
    agattr(graph, AGEDGE, text("arrowsize"), text("0.8"));

    std::vector<Agnode_t *> nodes;
    nodes.reserve(input.nodes.size());
    for (size_t i = 0; i < input.nodes.size(); ++i) {
        Agnode_t *n = agnode(graph, QByteArray("n" + QByteArray::number(qulonglong(i))).data(), 1);
        agxset(n, width, inches(input.nodes[i].size.width()).data());
        agxset(n, height, inches(input.nodes[i].size.height()).data());
        nodes.push_back(n);
    }
    std::vector<Agedge_t *> edges;
    edges.reserve(input.edges.size());
    for (const Input::Edge &e : input.edges)
        edges.push_back(agedge(graph, nodes[size_t(e.from)], nodes[size_t(e.to)], nullptr, 1));

    if (gvLayout(gvc, graph, dot ? "dot" : "sfdp") != 0) {
        out.error = graphvizErrors().trimmed();
        if (out.error.isEmpty())
            out.error = QStringLiteral("Graphviz could not lay out the graph");
        agclose(graph);
        out.elapsedMs = double(timer.nsecsElapsed()) / 1e6;
        return out;
    }

    const boxf bb = GD_bb(graph);
    const double top = bb.UR.y;
    out.nodes.reserve(nodes.size());
    for (size_t i = 0; i < nodes.size(); ++i) {
        const QPointF centre(ND_coord(nodes[i]).x, top - ND_coord(nodes[i]).y);
        const QSizeF size = input.nodes[i].size;
        out.nodes.emplace_back(centre - QPointF(size.width() / 2, size.height() / 2), size);
    }
    if (dot) {
        out.edges.reserve(edges.size());
        for (size_t i = 0; i < edges.size(); ++i) {
            Edge edge {input.edges[i].from, input.edges[i].to, {}, {}};
            readDotEdge(edges[i], edge, top);
            if (edge.bezier.empty()) // dot left it unrouted: draw it straight
                edge = synthesizedEdge(out, edge.from, edge.to, false);
            out.edges.push_back(std::move(edge));
        }
    }
    gvFreeLayout(gvc, graph);
    agclose(graph);
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
    for (const Edge &e : out.edges) {
        for (const QPointF &p : e.bezier)
            bounds |= QRectF(p, QSizeF(0.01, 0.01));
    }
    bounds.adjust(-12, -12, 12, 12);
    const QPointF shift = -bounds.topLeft();
    for (QRectF &r : out.nodes)
        r.translate(shift);
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
