// Nested machines (ASL Parallel branches, Map iterations) as clusters of the state diagram: the
// clusters a definition gives, their boxes from dot and from the sfdp placement (members inside,
// nested boxes inside their parents, everything else outside), and the view painting them.
#include "definitionclusters.h"
#include "diagramlayout.h"
#include "statediagramview.h"
#include "statepalette.h"

#include <QImage>
#include <QSignalSpy>
#include <QTest>

using namespace StateScope;

class TestDiagramClusters : public QObject
{
    Q_OBJECT

private slots:
    void clustersFromDefinition();
    void membersInsideOthersOutside_data();
    void membersInsideOthersOutside();
    void emptyClusterChangesNothing();
    void viewPaintsClusters_data();
    void viewPaintsClusters();
};

namespace {

QString qs(const char *text)
{
    return QString::fromUtf8(text);
}

// A machine as the ASL reader gives it: Start -> Fork, a Parallel of two branches (Pack ->
// Label; Bill -> Each -> Billed, Each a Map iterating Send -> Check), joining at After. With
// `filler`, a chain of that many more top-level states after After, for a graph dot does not get.
StateMachineDefinition nestedMachine(int filler = 0)
{
    StateMachineDefinition d;
    d.id = d.name = qs("nested");
    d.initialState = qs("Start");
    d.finalStates = {qs("Done"), qs("Rejected")};
    const auto state = [&d](const char *name, const char *type, const char *parent = "", int branch = -1) {
        d.states.push_back({qs(name), qs(type), qs(parent), branch});
    };
    state("Start", "task");
    state("Fork", "parallel");
    state("Pack", "task", "Fork", 0);
    state("Label", "task", "Fork", 0);
    state("Bill", "task", "Fork", 1);
    state("Each", "map", "Fork", 1);
    state("Send", "task", "Each");
    state("Check", "pass", "Each");
    state("Billed", "succeed", "Fork", 1);
    state("After", "pass");
    state("Done", "succeed");
    state("Rejected", "fail");
    const auto link = [&d](const QString &from, const QString &to, const char *event = "") {
        DefinitionTransition t;
        t.source = from;
        t.target = to;
        t.event = qs(event);
        d.transitions.push_back(t);
    };
    link(qs("Start"), qs("Fork"));
    link(qs("Fork"), qs("Pack"), "branch 1");
    link(qs("Fork"), qs("Bill"), "branch 2");
    link(qs("Fork"), qs("Rejected"), "States.ALL");
    link(qs("Pack"), qs("Label"));
    link(qs("Label"), qs("After"), "join");
    link(qs("Bill"), qs("Each"));
    link(qs("Each"), qs("Send"), "iteration");
    link(qs("Send"), qs("Check"));
    link(qs("Check"), qs("Billed"), "join");
    link(qs("Billed"), qs("After"), "join");
    QString previous = qs("After");
    for (int i = 0; i < filler; ++i) {
        const QString name = QStringLiteral("Step%1").arg(i);
        d.states.push_back({name, qs("pass")});
        link(previous, name);
        previous = name;
    }
    link(previous, qs("Done"));
    return d;
}

// The layout input the view would build from the definition alone.
DiagramLayout::Input inputFor(const StateMachineDefinition &d)
{
    DiagramLayout::Input input;
    QHash<QString, int> index;
    for (const DefinitionState &s : d.states) {
        index.insert(s.name, int(input.nodes.size()));
        input.nodes.push_back({s.name, QSizeF(80, 38)});
    }
    for (const DefinitionTransition &t : d.transitions)
        input.edges.push_back({index.value(t.source), index.value(t.target)});
    input.clusters = DefinitionClusters::build(d, index);
    for (DiagramLayout::Input::Cluster &c : input.clusters)
        c.labelWidth = 400; // wider than the states of any branch: sfdp widens the boxes
    return input;
}

// Whether `node` lies in `cluster` or a cluster nested in it.
bool inCluster(const DiagramLayout::Input &input, int node, int cluster)
{
    for (int c = 0; c < int(input.clusters.size()); ++c) {
        if (std::find(input.clusters[size_t(c)].nodes.begin(), input.clusters[size_t(c)].nodes.end(), node)
            == input.clusters[size_t(c)].nodes.end())
            continue;
        for (int p = c; p >= 0; p = input.clusters[size_t(p)].parent) {
            if (p == cluster)
                return true;
        }
    }
    return false;
}

bool isAncestor(const DiagramLayout::Input &input, int ancestor, int cluster)
{
    for (int p = input.clusters[size_t(cluster)].parent; p >= 0; p = input.clusters[size_t(p)].parent) {
        if (p == ancestor)
            return true;
    }
    return false;
}

bool near(const QColor &a, const QColor &b, int tolerance = 3)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance
        && std::abs(a.blue() - b.blue()) <= tolerance;
}

} // namespace

void TestDiagramClusters::clustersFromDefinition()
{
    StateMachineDefinition d = nestedMachine();
    QHash<QString, int> index;
    for (const DefinitionState &s : d.states)
        index.insert(s.name, int(index.size()));
    index.insert(qs("Observed"), int(index.size())); // seen in the data, not in the definition
    const std::vector<DiagramLayout::Input::Cluster> clusters = DefinitionClusters::build(d, index);
    QCOMPARE(clusters.size(), size_t(3));
    // In the definition's order, each parent before the clusters nested in it.
    QCOMPARE(clusters[0].label, qs("Fork · branch 1"));
    QCOMPARE(clusters[0].parent, -1);
    QCOMPARE(clusters[0].owner, index.value(qs("Fork")));
    QCOMPARE(clusters[0].nodes, (std::vector<int> {index.value(qs("Pack")), index.value(qs("Label"))}));
    QCOMPARE(clusters[1].label, qs("Fork · branch 2"));
    QCOMPARE(clusters[1].parent, -1);
    QCOMPARE(clusters[1].nodes,
             (std::vector<int> {index.value(qs("Bill")), index.value(qs("Each")), index.value(qs("Billed"))}));
    QCOMPARE(clusters[2].label, qs("Each · iteration"));
    QCOMPARE(clusters[2].parent, 1);
    QCOMPARE(clusters[2].owner, index.value(qs("Each")));
    QCOMPARE(clusters[2].nodes, (std::vector<int> {index.value(qs("Send")), index.value(qs("Check"))}));

    // A nested state listed before its container still gets the container's cluster first.
    std::rotate(d.states.begin(), d.states.begin() + 6, d.states.end()); // Send and Check first
    const std::vector<DiagramLayout::Input::Cluster> reordered = DefinitionClusters::build(d, index);
    QCOMPARE(reordered.size(), size_t(3));
    QCOMPARE(reordered[0].label, qs("Fork · branch 2"));
    QCOMPARE(reordered[1].label, qs("Each · iteration"));
    QCOMPARE(reordered[1].parent, 0);
    // States that are no node of the diagram are left out; a machine without nesting has none.
    index.remove(qs("Check"));
    QCOMPARE(DefinitionClusters::build(d, index)[1].nodes, std::vector<int> {6});
    StateMachineDefinition flat;
    flat.states = {{qs("a"), qs("task")}, {qs("b"), qs("task")}};
    QVERIFY(DefinitionClusters::build(flat, {{qs("a"), 0}, {qs("b"), 1}}).empty());
}

void TestDiagramClusters::membersInsideOthersOutside_data()
{
    QTest::addColumn<int>("filler");
    QTest::addColumn<DiagramLayout::Engine>("engine");
    QTest::newRow("dot") << 0 << DiagramLayout::Engine::Dot;
    QTest::newRow("sfdp") << DiagramLayout::kDotMaxNodes << DiagramLayout::Engine::Sfdp;
}

void TestDiagramClusters::membersInsideOthersOutside()
{
    QFETCH(int, filler);
    QFETCH(DiagramLayout::Engine, engine);
    const DiagramLayout::Input input = inputFor(nestedMachine(filler));
    QCOMPARE(DiagramLayout::chooseEngine(input), engine);
    const DiagramLayout layout = DiagramLayout::compute(input);
    QVERIFY2(layout.error.isEmpty(), qPrintable(layout.error));
    QCOMPARE(layout.engine, engine);
    QCOMPARE(layout.nodes.size(), input.nodes.size());
    QCOMPARE(layout.clusters.size(), size_t(3));
    for (int c = 0; c < 3; ++c) {
        const QRectF box = layout.clusters[size_t(c)];
        const QString label = input.clusters[size_t(c)].label;
        QVERIFY2(!box.isEmpty(), qPrintable(label));
        QVERIFY2(layout.bounds.contains(box), qPrintable(label));
        if (engine == DiagramLayout::Engine::Sfdp) // dot measures the label itself
            QVERIFY2(box.width() >= input.clusters[size_t(c)].labelWidth, qPrintable(label));
        for (int n = 0; n < int(input.nodes.size()); ++n) {
            const QRectF node = layout.nodes[size_t(n)];
            const QString what = label + qs(": ") + input.nodes[size_t(n)].name;
            if (inCluster(input, n, c)) {
                QVERIFY2(box.contains(node), qPrintable(what + qs(" is outside")));
                // Clear of the label band at the top.
                QVERIFY2(node.top() >= box.top() + DiagramLayout::kClusterLabelPx,
                         qPrintable(what + qs(" under the label")));
            } else {
                QVERIFY2(!box.intersects(node), qPrintable(what + qs(" is inside")));
            }
        }
        for (int other = 0; other < 3; ++other) {
            if (other == c)
                continue;
            const QRectF inner = layout.clusters[size_t(other)];
            if (isAncestor(input, c, other))
                QVERIFY2(box.contains(inner) && inner.top() >= box.top() + DiagramLayout::kClusterLabelPx,
                         qPrintable(label));
            else if (!isAncestor(input, other, c))
                QVERIFY2(!box.intersects(inner),
                         qPrintable(label + qs(" overlaps ") + input.clusters[size_t(other)].label));
        }
    }
    // The Parallel and Map states stay nodes at their own level, with edges into their machines.
    const QRectF fork = layout.nodes[1];
    QVERIFY(!layout.clusters[0].intersects(fork) && !layout.clusters[1].intersects(fork));
    QVERIFY(layout.clusters[1].contains(layout.nodes[5])); // Each, in branch 2
    QVERIFY(!layout.clusters[2].intersects(layout.nodes[5]));
    QCOMPARE(layout.edges.size(), input.edges.size());
}

void TestDiagramClusters::emptyClusterChangesNothing()
{
    DiagramLayout::Input plain = inputFor(nestedMachine());
    plain.clusters.clear();
    DiagramLayout::Input withEmpty = plain;
    withEmpty.clusters.push_back({qs("nothing"), {}, -1, 1});
    const DiagramLayout a = DiagramLayout::compute(plain);
    const DiagramLayout b = DiagramLayout::compute(withEmpty);
    QVERIFY(a.clusters.empty());
    QCOMPARE(b.clusters.size(), size_t(1));
    QVERIFY(b.clusters[0].isNull());
    QCOMPARE(b.nodes, a.nodes);
    QCOMPARE(b.bounds, a.bounds);
}

void TestDiagramClusters::viewPaintsClusters_data()
{
    membersInsideOthersOutside_data();
}

void TestDiagramClusters::viewPaintsClusters()
{
    QFETCH(int, filler);
    QFETCH(DiagramLayout::Engine, engine);
    StateDiagramView view;
    view.resize(1100, 700);
    QSignalSpy laidOut(&view, &StateDiagramView::layoutChanged);
    view.setDefinition(nestedMachine(filler));
    QVERIFY(laidOut.wait(10000));
    QCOMPARE(view.currentLayout().engine, engine);
    QCOMPARE(view.clusters().size(), size_t(3));
    QCOMPARE(view.currentLayout().clusters.size(), size_t(3));
    QCOMPARE(view.clusters()[2].label, qs("Each · iteration"));
    // Every label fits its box: it is not elided.
    for (size_t c = 0; c < 3; ++c) {
        QVERIFY(view.clusters()[c].labelWidth > 0);
        QVERIFY2(view.currentLayout().clusters[c].width() >= view.clusters()[c].labelWidth,
                 qPrintable(view.clusters()[c].label));
    }
    view.fitToView();
    const QImage image = view.grab().toImage();
    if (const QString dir = qEnvironmentVariable("STATESCOPE_SCREENSHOT_DIR"); !dir.isEmpty())
        image.save(dir + QStringLiteral("/diagram-clusters-%1.png").arg(QLatin1String(QTest::currentDataTag())));

    const QColor base = view.palette().color(QPalette::Base);
    const DiagramGeometry &g = view.geometry();
    const DiagramLayout &layout = view.currentLayout();
    // Branch 1 of Fork holds only nodes: its free area shows Fork's colour at a light tint.
    const QRectF box = layout.clusters[0];
    const QColor owner = StatePalette::color(qs("Fork"));
    const double a = 0.12;
    const QColor tint = QColor::fromRgbF(float(base.redF() * (1 - a) + owner.redF() * a),
                                         float(base.greenF() * (1 - a) + owner.greenF() * a),
                                         float(base.blueF() * (1 - a) + owner.blueF() * a));
    QVERIFY2(!near(tint, base), "the tint is not visible on the background");
    const auto onNode = [&layout](const QPointF &p) {
        return std::any_of(layout.nodes.begin(), layout.nodes.end(),
                           [&p](const QRectF &r) { return r.adjusted(-4, -4, 4, 4).contains(p); });
    };
    int inside = 0;
    int tinted = 0;
    const QRectF free = box.adjusted(4, DiagramLayout::kClusterLabelHeight + 2, -4, -4);
    for (double x = free.left(); x <= free.right(); x += 3) {
        for (double y = free.top(); y <= free.bottom(); y += 3) {
            if (onNode(QPointF(x, y)))
                continue;
            ++inside;
            tinted += near(image.pixelColor(g.toWidget(QPointF(x, y)).toPoint()), tint) ? 1 : 0;
        }
    }
    QVERIFY2(inside > 20, "no free area in the cluster to look at");
    QVERIFY2(tinted >= inside * 7 / 10, qPrintable(QStringLiteral("%1 of %2 tinted").arg(tinted).arg(inside)));
    // Around it, away from the clusters, nothing has the tint.
    int outside = 0;
    for (const QRectF ring : {box.adjusted(-16, -16, 16, 16), box.adjusted(-30, -30, 30, 30)}) {
        for (double t = 0; t < 1; t += 0.02) {
            for (const QPointF p : {QPointF(ring.left() + t * ring.width(), ring.top()),
                                    QPointF(ring.left() + t * ring.width(), ring.bottom()),
                                    QPointF(ring.left(), ring.top() + t * ring.height()),
                                    QPointF(ring.right(), ring.top() + t * ring.height())}) {
                const bool inAny = std::any_of(layout.clusters.begin(), layout.clusters.end(),
                                               [&p](const QRectF &r) { return r.adjusted(-2, -2, 2, 2).contains(p); });
                const QPoint px = g.toWidget(p).toPoint();
                if (inAny || onNode(p) || !image.rect().contains(px))
                    continue;
                ++outside;
                QVERIFY2(!near(image.pixelColor(px), tint, 2),
                         qPrintable(QStringLiteral("tint at %1, %2").arg(p.x()).arg(p.y())));
            }
        }
    }
    QVERIFY2(outside > 20, "nothing around the cluster to look at");
}

QTEST_MAIN(TestDiagramClusters)
#include "tst_diagramclusters.moc"
