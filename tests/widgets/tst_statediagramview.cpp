#include "statediagramview.h"

#include "analyzer.h"
#include "eventstore.h"
#include "statepalette.h"

#include <QApplication>
#include <QImage>
#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

#include <random>

using namespace StateScope;

class TestStateDiagramView : public QObject
{
    Q_OBJECT

private slots:
    void placeholderWithoutData();
    void layoutArrivesForReport();
    void newCountsDoNotRelayout();
    void newShapeRelayouts();
    void definitionFlagsEdges();
    void selectedPathHighlighted();
    void clickActivatesState();
    void zoomAndFit();
    void paintsStateColors();
    void layoutShapes_data();
    void layoutShapes();
    void largeGraphs_data();
    void largeGraphs();
};

namespace {

QString qs(const char *text)
{
    return QString::fromUtf8(text);
}

// An execution walking `states`, one second per step; open (running) unless it ends in a
// terminal state of the workflow.
void addPath(EventStore &store, const QByteArray &id, const QList<QByteArray> &states, TimeMs start, bool finished)
{
    const ExecutionIndex e
        = store.addExecution(id, 0, start, finished ? ExecutionStatus::Completed : ExecutionStatus::Running);
    for (qsizetype i = 0; i + 1 < states.size(); ++i) {
        store.appendTransition(e, store.internState(states[i]), store.internState(states[i + 1]),
                               start + 1000 * (i + 1), TransitionType::Normal);
    }
}

// A 12-state order workflow with payment retries, fraud review, failures, cancellations and
// returns; some executions are still running. `extraRunning` adds executions parked in
// "picking", to change counts without changing the graph.
EventStore orderStore(int extraRunning = 0, bool withRefund = false)
{
    EventStore store;
    store.addWorkflow({qs("wf-orders"), qs("orders"), QString()});
    const QList<QByteArray> happy {"created", "validated", "payment_pending", "paid",
                                   "picking", "shipped",   "delivered"};
    const QList<QByteArray> retry {"created", "validated", "payment_pending", "payment_retry", "payment_pending",
                                   "paid",    "picking",   "shipped",         "delivered"};
    const QList<QByteArray> failed {"created", "validated", "payment_pending", "payment_retry", "payment_failed"};
    const QList<QByteArray> fraud {"created", "validated", "fraud_review", "fraud_review", "payment_pending",
                                   "paid",    "picking",   "shipped",      "returned"};
    const QList<QByteArray> rejected {"created", "validated", "fraud_review", "cancelled"};
    const QList<QByteArray> early {"created", "cancelled"};
    int n = 0;
    const auto add = [&](const QList<QByteArray> &path, int count, qsizetype stopAt = -1) {
        for (int i = 0; i < count; ++i, ++n) {
            const QList<QByteArray> steps = stopAt < 0 ? path : path.mid(0, stopAt);
            addPath(store, "exec-" + QByteArray::number(n), steps, 1'000'000 + n * 500, stopAt < 0);
        }
    };
    add(happy, 60);
    add(retry, 14);
    add(failed, 5);
    add(fraud, 4);
    add(rejected, 3);
    add(early, 6);
    add(happy, 7, 3); // running, in payment_pending
    add(happy, 4 + extraRunning, 5); // running, in picking
    add(retry, 2, 4); // running, in payment_retry
    if (withRefund)
        add({"created", "validated", "payment_pending", "paid", "refunded"}, 2);
    store.finalize();
    return store;
}

AnalysisReport orderReport(int extraRunning = 0, bool withRefund = false)
{
    const EventStore store = orderStore(extraRunning, withRefund);
    return analyze(store, AnalysisOptions());
}

// A definition of the same workflow: it does not allow payment_retry -> payment_failed (the
// data has it) and allows paid -> cancelled and a state "on_hold" the data never shows.
StateMachineDefinition orderDefinition()
{
    StateMachineDefinition d;
    d.id = qs("sm-orders");
    d.name = qs("orders");
    d.initialState = qs("created");
    d.finalStates = {qs("delivered"), qs("cancelled"), qs("returned"), qs("payment_failed")};
    const char *pairs[][2] = {{"created", "validated"},
                              {"created", "cancelled"},
                              {"validated", "payment_pending"},
                              {"validated", "fraud_review"},
                              {"fraud_review", "payment_pending"},
                              {"fraud_review", "cancelled"},
                              {"payment_pending", "paid"},
                              {"payment_pending", "payment_retry"},
                              {"payment_retry", "payment_pending"},
                              {"paid", "picking"},
                              {"paid", "cancelled"},
                              {"picking", "shipped"},
                              {"shipped", "delivered"},
                              {"shipped", "returned"},
                              {"picking", "on_hold"},
                              {"on_hold", "picking"}};
    for (const auto &p : pairs) {
        DefinitionTransition t;
        t.source = qs(p[0]);
        t.target = qs(p[1]);
        d.transitions.push_back(t);
    }
    for (const QString &name : {qs("created"), qs("validated"), qs("fraud_review"), qs("payment_pending"),
                                qs("payment_retry"), qs("paid"), qs("picking"), qs("on_hold"), qs("shipped"),
                                qs("delivered"), qs("returned"), qs("cancelled"), qs("payment_failed")})
        d.states.push_back({name, QString()});
    return d;
}

QPoint centreOf(const StateDiagramView &view, const QString &state)
{
    const int n = view.nodeIndex(state);
    return view.geometry().toWidget(view.currentLayout().nodes[size_t(n)].center()).toPoint();
}

// Screenshots for a human to look at: only when STATESCOPE_SCREENSHOT_DIR is set.
void saveScreenshot(StateDiagramView &view, const char *name)
{
    const QString dir = qEnvironmentVariable("STATESCOPE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        view.grab().save(dir + QLatin1Char('/') + qs(name) + QStringLiteral(".png"));
}

} // namespace

void TestStateDiagramView::placeholderWithoutData()
{
    StateDiagramView view;
    view.resize(400, 300);
    const QImage image = view.grab().toImage();
    QVERIFY(!image.isNull());
    QCOMPARE(view.layoutCount(), 0);
    QVERIFY(!view.isLayoutPending());
    view.setReport(AnalysisReport());
    QVERIFY(!view.isLayoutPending()); // nothing to lay out
    QCOMPARE(view.toolTipAt(QPointF(200, 150)), QString());
}

void TestStateDiagramView::layoutArrivesForReport()
{
    const AnalysisReport report = orderReport();
    QCOMPARE(report.states.size(), size_t(12));
    StateDiagramView view;
    view.resize(1200, 800);
    QSignalSpy laidOut(&view, &StateDiagramView::layoutChanged);
    view.setReport(report);
    QVERIFY(view.isLayoutPending());
    QVERIFY(laidOut.wait(10000));
    QCOMPARE(view.layoutCount(), 1);

    const DiagramLayout &layout = view.currentLayout();
    QVERIFY2(layout.error.isEmpty(), qPrintable(layout.error));
    QCOMPARE(layout.engine, DiagramLayout::Engine::Dot);
    QCOMPARE(layout.nodes.size(), report.states.size());
    for (const AnalysisReport::StateRow &s : report.states)
        QVERIFY2(view.nodeIndex(s.name) >= 0, qPrintable(s.name));
    // Distinct, non-overlapping boxes inside the layout's bounds.
    for (size_t i = 0; i < layout.nodes.size(); ++i) {
        QVERIFY(layout.bounds.contains(layout.nodes[i]));
        for (size_t j = i + 1; j < layout.nodes.size(); ++j) {
            QVERIFY(layout.nodes[i].center() != layout.nodes[j].center());
            QVERIFY(!layout.nodes[i].intersects(layout.nodes[j]));
        }
    }
    // Every edge of the report has a curve from its source box to its target box.
    QCOMPARE(layout.edges.size(), report.edges.size());
    for (const AnalysisReport::Edge &e : report.edges) {
        const QString from = report.states[size_t(e.from)].name;
        const QString to = report.states[size_t(e.to)].name;
        const QPainterPath path = view.edgePath(from, to);
        QVERIFY2(!path.isEmpty(), qPrintable(from + qs(" -> ") + to));
        const QRectF fromBox = layout.nodes[size_t(view.nodeIndex(from))].adjusted(-2, -2, 2, 2);
        const QRectF toBox = layout.nodes[size_t(view.nodeIndex(to))].adjusted(
            -DiagramLayout::kArrowLength - 2, -DiagramLayout::kArrowLength - 2, DiagramLayout::kArrowLength + 2,
            DiagramLayout::kArrowLength + 2);
        QVERIFY(fromBox.contains(path.pointAtPercent(0)));
        QVERIFY(toBox.contains(path.pointAtPercent(1)));
        QCOMPARE(view.edgeKind(from, to), StateDiagramView::EdgeKind::Normal); // no definition
    }
    QCOMPARE(view.edgeKind(qs("delivered"), qs("created")), StateDiagramView::EdgeKind::None);
    QCOMPARE(view.executionsIn(qs("picking")), quint64(4));
    QCOMPARE(view.executionsIn(qs("payment_pending")), quint64(7));
    saveScreenshot(view, "diagram-orders");
    view.setEdgeLabelMode(StateDiagramView::Count);
    saveScreenshot(view, "diagram-orders-counts");
}

void TestStateDiagramView::newCountsDoNotRelayout()
{
    StateDiagramView view;
    view.resize(1000, 700);
    view.setReport(orderReport());
    QTRY_COMPARE_WITH_TIMEOUT(view.layoutCount(), 1, 10000);
    const std::vector<QRectF> before = view.currentLayout().nodes;

    // A live feed: the same graph with other counts, many times.
    for (int extra = 1; extra <= 5; ++extra) {
        view.setReport(orderReport(extra));
        QVERIFY(!view.isLayoutPending());
        QCOMPARE(view.executionsIn(qs("picking")), quint64(4 + extra));
    }
    QTest::qWait(200);
    QCOMPARE(view.layoutCount(), 1);
    QCOMPARE(view.currentLayout().nodes, before);
    QVERIFY(view.toolTipAt(centreOf(view, qs("picking"))).contains(qs("now: 9")));
}

void TestStateDiagramView::newShapeRelayouts()
{
    StateDiagramView view;
    view.resize(1000, 700);
    view.setReport(orderReport());
    QTRY_COMPARE_WITH_TIMEOUT(view.layoutCount(), 1, 10000);
    QVERIFY(view.edgePath(qs("paid"), qs("refunded")).isEmpty());

    view.setReport(orderReport(0, true)); // a new state and edge
    QVERIFY(view.isLayoutPending());
    QCOMPARE(view.nodeIndex(qs("refunded")), -1); // the old layout is shown until the new one is ready
    QTRY_COMPARE_WITH_TIMEOUT(view.layoutCount(), 2, 10000);
    QVERIFY(view.nodeIndex(qs("refunded")) >= 0);
    QVERIFY(!view.edgePath(qs("paid"), qs("refunded")).isEmpty());

    // Back and forth quickly: only the latest shape ends up shown.
    view.setReport(orderReport());
    view.setReport(orderReport(0, true));
    view.setReport(orderReport());
    QTRY_VERIFY_WITH_TIMEOUT(!view.isLayoutPending(), 10000);
    QTest::qWait(50);
    QCOMPARE(view.nodeIndex(qs("refunded")), -1);
    QCOMPARE(view.currentLayout().nodes.size(), size_t(12));
}

void TestStateDiagramView::definitionFlagsEdges()
{
    StateDiagramView view;
    view.resize(1200, 800);
    view.setReport(orderReport());
    QTRY_COMPARE_WITH_TIMEOUT(view.layoutCount(), 1, 10000);
    QCOMPARE(view.nodeIndex(qs("on_hold")), -1);

    view.setDefinition(orderDefinition()); // adds on_hold and three edges: a new shape
    QTRY_COMPARE_WITH_TIMEOUT(view.layoutCount(), 2, 10000);
    QVERIFY(view.nodeIndex(qs("on_hold")) >= 0);
    QCOMPARE(view.edgeKind(qs("payment_retry"), qs("payment_failed")), StateDiagramView::EdgeKind::Invalid);
    QCOMPARE(view.edgeKind(qs("paid"), qs("cancelled")), StateDiagramView::EdgeKind::Untaken);
    QCOMPARE(view.edgeKind(qs("picking"), qs("on_hold")), StateDiagramView::EdgeKind::Untaken);
    QCOMPARE(view.edgeKind(qs("paid"), qs("picking")), StateDiagramView::EdgeKind::Normal);
    QVERIFY(!view.edgePath(qs("on_hold"), qs("picking")).isEmpty());
    QCOMPARE(view.executionsIn(qs("on_hold")), quint64(0));
    QVERIFY(view.toolTipAt(centreOf(view, qs("on_hold"))).contains(qs("not seen")));
    const QPointF invalidMid
        = view.geometry().toWidget(view.edgePath(qs("payment_retry"), qs("payment_failed")).pointAtPercent(0.5));
    QVERIFY(view.toolTipAt(invalidMid).contains(qs("Not allowed")));
    saveScreenshot(view, "diagram-orders-definition");

    view.setDefinition(std::nullopt);
    QTRY_COMPARE_WITH_TIMEOUT(view.layoutCount(), 3, 10000);
    QCOMPARE(view.edgeKind(qs("payment_retry"), qs("payment_failed")), StateDiagramView::EdgeKind::Normal);
}

void TestStateDiagramView::selectedPathHighlighted()
{
    StateDiagramView view;
    view.resize(1200, 800);
    view.setReport(orderReport());
    QTRY_COMPARE_WITH_TIMEOUT(view.layoutCount(), 1, 10000);
    view.setSelectedPath(
        {qs("created"), qs("validated"), qs("payment_pending"), qs("payment_retry"), qs("payment_pending")},
        qs("payment_pending"));
    QVERIFY(view.isOnSelectedPath(qs("validated"), qs("payment_pending")));
    QVERIFY(view.isOnSelectedPath(qs("payment_retry"), qs("payment_pending")));
    QVERIFY(!view.isOnSelectedPath(qs("payment_pending"), qs("paid")));
    QVERIFY(!view.isOnSelectedPath(qs("validated"), qs("created")));
    saveScreenshot(view, "diagram-orders-path");
    view.setSelectedPath({}, QString());
    QVERIFY(!view.isOnSelectedPath(qs("validated"), qs("payment_pending")));
}

void TestStateDiagramView::clickActivatesState()
{
    StateDiagramView view;
    view.resize(1200, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setReport(orderReport());
    QTRY_COMPARE_WITH_TIMEOUT(view.layoutCount(), 1, 10000);
    QSignalSpy activated(&view, &StateDiagramView::stateActivated);

    QTest::mouseClick(&view, Qt::LeftButton, {}, centreOf(view, qs("shipped")));
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.takeFirst().at(0).toString(), qs("shipped"));

    QTest::mouseClick(&view, Qt::LeftButton, {}, QPoint(2, 2)); // the margin: no state there
    QCOMPARE(activated.count(), 0);

    // A drag that starts on a node pans; it does not activate the node.
    const QPoint start = centreOf(view, qs("paid"));
    const QPointF sceneBefore = view.geometry().toScene(QPointF(start));
    QTest::mousePress(&view, Qt::LeftButton, {}, start);
    QTest::mouseMove(&view, start + QPoint(30, 20));
    QTest::mouseMove(&view, start + QPoint(60, 40));
    QTest::mouseRelease(&view, Qt::LeftButton, {}, start + QPoint(60, 40));
    QCOMPARE(activated.count(), 0);
    QCOMPARE(view.geometry().toScene(QPointF(start + QPoint(60, 40))), sceneBefore);
}

void TestStateDiagramView::zoomAndFit()
{
    StateDiagramView view;
    view.resize(1200, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setReport(orderReport());
    QTRY_COMPARE_WITH_TIMEOUT(view.layoutCount(), 1, 10000);
    const double fitted = view.geometry().scale();
    QCOMPARE(fitted, view.geometry().fitScale());
    const QPointF centre(600, 400);
    const QPointF sceneCentre = view.geometry().toScene(centre);
    view.zoomIn();
    QVERIFY(qFuzzyCompare(view.geometry().scale(), fitted * 1.25));
    QVERIFY(QLineF(view.geometry().toScene(centre), sceneCentre).length() < 1e-6);
    view.zoomOut();
    view.zoomOut();
    const double zoomed = view.geometry().scale();
    QVERIFY(zoomed < fitted);

    // The wheel zooms about the cursor.
    const QPointF cursor(300, 500);
    const QPointF underCursor = view.geometry().toScene(cursor);
    QWheelEvent wheel(cursor, view.mapToGlobal(cursor), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(&view, &wheel);
    QVERIFY(view.geometry().scale() > zoomed);
    QVERIFY(QLineF(view.geometry().toScene(cursor), underCursor).length() < 1e-6);
    const double wheeled = view.geometry().scale();

    // The user's zoom survives a resize and a new layout; after fitToView() the view fits.
    view.resize(900, 600);
    QCOMPARE(view.geometry().scale(), wheeled);
    view.fitToView();
    QVERIFY(view.geometry().toWidget(view.currentLayout().bounds).width() <= 900);
    QVERIFY(view.geometry().toWidget(view.currentLayout().bounds).height() <= 600);
    view.resize(1100, 700);
    QCOMPARE(view.geometry().scale(), view.geometry().fitScale());
    QCOMPARE(view.geometry().viewportSize(), QSizeF(1100, 700));

    // A double-click fits too.
    view.zoomIn();
    QVERIFY(view.geometry().scale() > view.geometry().fitScale());
    QTest::mouseDClick(&view, Qt::LeftButton, {}, QPoint(5, 5));
    QCOMPARE(view.geometry().scale(), view.geometry().fitScale());
}

void TestStateDiagramView::paintsStateColors()
{
    StateDiagramView view;
    view.resize(1200, 800);
    view.setReport(orderReport());
    QTRY_COMPARE_WITH_TIMEOUT(view.layoutCount(), 1, 10000);
    const QImage image = view.grab().toImage();
    // Just inside the left border of non-terminal boxes, clear of text and double borders.
    for (const char *state : {"validated", "paid", "picking"}) {
        const QRectF box = view.currentLayout().nodes[size_t(view.nodeIndex(qs(state)))];
        const QPoint p = view.geometry().toWidget(QPointF(box.left() + 5, box.center().y())).toPoint();
        const QColor expected = StatePalette::color(qs(state));
        const QColor got = image.pixelColor(p);
        QVERIFY2(std::abs(got.red() - expected.red()) <= 2 && std::abs(got.green() - expected.green()) <= 2
                     && std::abs(got.blue() - expected.blue()) <= 2,
                 qPrintable(qs(state) + QLatin1Char(' ') + got.name() + qs(" vs ") + expected.name()));
    }
}

void TestStateDiagramView::layoutShapes_data()
{
    QTest::addColumn<int>("nodes");
    QTest::addColumn<int>("engine");

    QTest::newRow("dot") << 6 << int(DiagramLayout::Engine::Dot);
    QTest::newRow("sfdp: curves computed here") << DiagramLayout::kDotMaxNodes + 1 << int(DiagramLayout::Engine::Sfdp);
}

// Graphviz directly: a chain with a self-loop and a pair of opposite edges, on both engines.
void TestStateDiagramView::layoutShapes()
{
    QFETCH(int, nodes);
    QFETCH(int, engine);

    QCOMPARE(DiagramLayout::compute({}).engine, DiagramLayout::Engine::None);
    DiagramLayout::Input input;
    for (int i = 0; i < nodes; ++i)
        input.nodes.push_back({QStringLiteral("s%1").arg(i), QSizeF(60 + i % 3 * 20, 38)});
    for (int i = 0; i + 1 < nodes; ++i)
        input.edges.push_back({i, i + 1});
    input.edges.push_back({1, 1}); // self-loop
    input.edges.push_back({2, 1}); // opposite of 1 -> 2
    input.generation = 42;
    const DiagramLayout layout = DiagramLayout::compute(input);
    QVERIFY2(layout.error.isEmpty(), qPrintable(layout.error));
    QCOMPARE(int(layout.engine), engine);
    QCOMPARE(layout.generation, quint64(42));
    QCOMPARE(layout.nodes.size(), input.nodes.size());
    QCOMPARE(layout.edges.size(), input.edges.size());
    for (size_t i = 0; i < layout.nodes.size(); ++i) {
        QCOMPARE(layout.nodes[i].size(), input.nodes[i].size); // the boxes the view measured
        QVERIFY(layout.bounds.contains(layout.nodes[i]));
        for (size_t j = i + 1; j < layout.nodes.size(); ++j)
            QVERIFY(!layout.nodes[i].intersects(layout.nodes[j]));
    }
    const double slack = DiagramLayout::kArrowLength + 2;
    for (const DiagramLayout::Edge &e : layout.edges) {
        QVERIFY(e.bezier.size() >= 4);
        QCOMPARE((e.bezier.size() - 1) % 3, size_t(0));
        const QRectF &from = layout.nodes[size_t(e.from)];
        const QRectF &to = layout.nodes[size_t(e.to)];
        QVERIFY(from.adjusted(-2, -2, 2, 2).contains(e.bezier.front()));
        QVERIFY(to.adjusted(-2, -2, 2, 2).contains(e.arrowTip));
        QVERIFY(to.adjusted(-slack, -slack, slack, slack).contains(e.bezier.back()));
        for (const QPointF &p : e.bezier)
            QVERIFY(layout.bounds.contains(p));
    }
    // The self-loop leaves its box; the opposite edges do not lie on each other.
    const DiagramLayout::Edge &loop = layout.edges[size_t(nodes - 1)];
    QCOMPARE(loop.from, 1);
    QVERIFY(std::any_of(loop.bezier.begin(), loop.bezier.end(),
                        [&](const QPointF &p) { return !layout.nodes[1].contains(p); }));
    const DiagramLayout::Edge &forward = layout.edges[1];
    const DiagramLayout::Edge &back = layout.edges[size_t(nodes)];
    QCOMPARE(forward.from, 1);
    QCOMPARE(back.from, 2);
    const auto middle = [](const DiagramLayout::Edge &e) {
        const size_t n = e.bezier.size();
        return (e.bezier[n / 2 - 1] + e.bezier[n / 2]) / 2;
    };
    QVERIFY(QLineF(middle(forward), middle(back)).length() > 4);
}

void TestStateDiagramView::largeGraphs_data()
{
    QTest::addColumn<bool>("dense");
    QTest::addColumn<int>("engine");

    QTest::newRow("60 states, sparse: dot") << false << int(DiagramLayout::Engine::Dot);
    QTest::newRow("60 states, dense: sfdp") << true << int(DiagramLayout::Engine::Sfdp);
}

void TestStateDiagramView::largeGraphs()
{
    QFETCH(bool, dense);
    QFETCH(int, engine);

    // A long workflow of 56 steps and 4 exits. Sparse: skips of two steps, rework one step
    // back, exits every eighth step (about 200 edges). Dense: skips and rework of varied
    // length, exits anywhere (about 500 edges).
    EventStore store;
    store.addWorkflow({qs("wf-big"), qs("big"), QString()});
    std::mt19937 rng(7);
    const int steps = 56;
    const auto pick = [&rng](int lo, int hi) {
        return lo + int(rng() % unsigned(hi - lo + 1));
    };
    for (int e = 0; e < 400; ++e) {
        QList<QByteArray> path {"step_00"};
        int at = 0;
        while (at < steps - 1) {
            const int r = pick(0, 99);
            if (r < 12)
                at += dense ? pick(2, 5) : 2;
            else if (r < 20 && at > 3)
                at -= dense ? pick(1, 3) : 1;
            else if (r < 98 || (!dense && at % 8 != 0))
                at += 1;
            else
                break;
            at = std::min(at, steps - 1);
            path.append(QByteArray("step_") + QByteArray::number(at).rightJustified(2, '0'));
        }
        path.append(QByteArray("end_") + QByteArray::number(e % 4));
        addPath(store, "big-" + QByteArray::number(e), path, 5000 * e, e % 10 != 0);
    }
    store.finalize();
    const AnalysisReport report = analyze(store, AnalysisOptions());
    QCOMPARE(report.states.size(), size_t(60));
    StateDiagramView view;
    view.resize(1200, 800);
    view.setReport(report);
    QTRY_COMPARE_WITH_TIMEOUT(view.layoutCount(), 1, 30000);
    const DiagramLayout &layout = view.currentLayout();
    QVERIFY2(int(layout.engine) == engine, qPrintable(QString::number(report.edges.size()) + qs(" edges")));
    QCOMPARE(layout.nodes.size(), report.states.size());
    for (size_t i = 0; i < layout.nodes.size(); ++i) {
        QVERIFY(layout.bounds.contains(layout.nodes[i]));
        for (size_t j = i + 1; j < layout.nodes.size(); ++j)
            QVERIFY(layout.nodes[i].center() != layout.nodes[j].center());
    }
    for (const AnalysisReport::Edge &e : report.edges)
        QVERIFY(!view.edgePath(report.states[size_t(e.from)].name, report.states[size_t(e.to)].name).isEmpty());
    saveScreenshot(view,
                   engine == int(DiagramLayout::Engine::Dot) ? "diagram-60-states-dot" : "diagram-60-states-sfdp");
    if (engine == int(DiagramLayout::Engine::Dot)) {
        // Too long to read when fitted: it opens on its first state, legible; fit shows all.
        QVERIFY(view.geometry().scale() > 2 * view.geometry().fitScale());
        QVERIFY(QRectF(view.rect())
                    .contains(view.geometry().toWidget(layout.nodes[size_t(view.nodeIndex(qs("step_00")))])));
        view.fitToView();
        saveScreenshot(view, "diagram-60-states-dot-fitted");
    }
    QCOMPARE(view.geometry().scale(), view.geometry().fitScale());
}

QTEST_MAIN(TestStateDiagramView)
#include "tst_statediagramview.moc"
