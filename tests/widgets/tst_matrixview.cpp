#include "analyzer.h"
#include "edgedwell.h"
#include "eventstore.h"
#include "matrixview.h"
#include "statepalette.h"

#include <QFontMetricsF>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

using namespace StateScope;
using Mode = MatrixView::Mode;

namespace {

QString qs(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// An execution that entered states[0] at `entry` and moved to states[i + 1] at times[i].
void addPath(EventStore &store, const QByteArray &id, TimeMs entry, const QList<QByteArray> &states,
             const QList<TimeMs> &times)
{
    const ExecutionIndex e = store.addExecution(id, store.ensureWorkflow("wf"), entry, ExecutionStatus::Completed);
    for (qsizetype i = 0; i < times.size(); ++i)
        store.appendTransition(e, store.internState(states[i]), store.internState(states[i + 1]), times[i],
                               TransitionType::Normal);
}

// Stays: A→B 100, 300 and 200 ms (mean 200), B→C 300, B→D 50, A→C 600; A→B 3 of 4 moves out of A.
void addHandBuilt(EventStore &store)
{
    addPath(store, "e1", 0, {"A", "B", "C"}, {100, 400});
    addPath(store, "e2", 0, {"A", "B", "D"}, {300, 350});
    addPath(store, "e3", 1000, {"A", "C"}, {1600});
    addPath(store, "e4", 2000, {"A", "B", "C"}, {2200, 2500});
}

// A random walk over an order-processing workflow, or over a long chain of `states` stages
// with long names, rework and jumps (what a 60-state label layout has to cope with).
void addWorkflow(EventStore &store, int executions, int states, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    QList<QByteArray> names;
    for (int i = 0; i < states; ++i)
        names.append(QByteArray("Stage ") + QByteArray::number(i)
                     + QByteArray(i % 7 == 0  ? " verify the customs declaration of international orders"
                                      : i % 3 ? " review"
                                              : " validate shipping address"));
    for (int x = 0; x < executions; ++x) {
        const ExecutionIndex e = store.addExecution(QByteArray(QByteArray("x") + QByteArray::number(x)),
                                                    store.ensureWorkflow("wf"), x * 1000, ExecutionStatus::Completed);
        TimeMs t = x * 1000;
        int s = 0;
        while (s < states - 1) {
            int next = s + 1;
            const double r = u(rng);
            if (r < 0.1 && s > 2)
                next = s - 1 - int(u(rng) * 3);
            else if (r < 0.25)
                next = std::min(states - 1, s + 2 + int(u(rng) * 4));
            t += 50 + TimeMs(u(rng) * 1000 * (s % 5 + 1));
            store.appendTransition(e, store.internState(names[s]), store.internState(names[next]), t,
                                   TransitionType::Normal);
            s = next;
        }
    }
    store.finalize();
}

// Order processing: 15 states, retries, manual review, backorders and returns; dwell from
// seconds (validation) to days (shipping). Terminal: Delivered, Refunded, Rejected, Cancelled.
void addOrders(EventStore &store, int executions, unsigned seed)
{
    struct Move
    {
        const char *to;
        double p;
    };
    struct Step
    {
        const char *state;
        double meanMs;
        std::vector<Move> moves;
    };
    const std::vector<Step> steps = {
        {"Received", 200, {{"Validating", 1}}},
        {"Validating", 1500, {{"PaymentPending", 0.85}, {"Rejected", 0.1}, {"ManualReview", 0.05}}},
        {"ManualReview", 3.6e6, {{"PaymentPending", 0.7}, {"Rejected", 0.3}}},
        {"PaymentPending", 6e4, {{"Paid", 0.8}, {"PaymentFailed", 0.15}, {"Cancelled", 0.05}}},
        {"PaymentFailed", 3e5, {{"PaymentPending", 0.6}, {"Cancelled", 0.4}}},
        {"Paid", 5000, {{"Picking", 0.97}, {"Refunded", 0.03}}},
        {"Picking", 1.8e6, {{"Packing", 0.9}, {"Backordered", 0.1}}},
        {"Backordered", 1.7e8, {{"Picking", 0.8}, {"Cancelled", 0.2}}},
        {"Packing", 9e5, {{"Shipped", 1}}},
        {"Shipped", 1.7e8, {{"Delivered", 0.95}, {"Returned", 0.05}}},
        {"Returned", 6e5, {{"Refunded", 1}}},
    };
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    const quint32 workflow = store.ensureWorkflow("orders");
    for (int x = 0; x < executions; ++x) {
        TimeMs t = TimeMs(x) * 60000;
        const ExecutionIndex e = store.addExecution(QByteArray(QByteArray("o") + QByteArray::number(x)), workflow, t,
                                                    ExecutionStatus::Completed);
        const Step *step = &steps[0];
        while (step) {
            t += TimeMs(std::exponential_distribution<double>(1 / step->meanMs)(rng)) + 1;
            double r = u(rng);
            const Move *move = &step->moves.back();
            for (const Move &m : step->moves) {
                if ((r -= m.p) < 0) {
                    move = &m;
                    break;
                }
            }
            store.appendTransition(e, store.internState(step->state), store.internState(move->to), t,
                                   TransitionType::Normal);
            const auto next = std::find_if(steps.begin(), steps.end(),
                                           [&](const Step &s) { return qstrcmp(s.state, move->to) == 0; });
            step = next == steps.end() ? nullptr : &*next;
        }
    }
}

QPoint center(const QRectF &r)
{
    return r.center().toPoint();
}

} // namespace

class TestMatrixView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cellsHoldTheReport();
    void countMode();
    void meanDwellPerEdge();
    void meanDwellFollowsALiveStore();
    void edgeDwellWindow();
    void toolTips();
    void clickActivatesCell();
    void paintsCellsWhereGeometrySays();
    void sixtyStatesLabelsDoNotOverlap();
    void screenshots();
};

void TestMatrixView::cellsHoldTheReport()
{
    EventStore store;
    addWorkflow(store, 300, 14, 7);
    const AnalysisReport report = analyze(store, AnalysisOptions());
    MatrixView view;
    view.resize(1200, 800);
    view.setReport(report);
    const MatrixData &data = view.data();
    QCOMPARE(data.stateCount(), int(report.states.size()));
    for (int i = 0; i < data.stateCount(); ++i)
        QCOMPARE(data.names()[i], report.states[size_t(i)].name); // report order, not sorted
    int edges = 0;
    for (const AnalysisReport::Edge &e : report.edges) {
        QCOMPARE(data.count(e.from, e.to), e.count);
        QCOMPARE(data.probability(e.from, e.to), e.probability);
        QCOMPARE(data.value(e.from, e.to), e.probability);
        QVERIFY(data.cellColor(e.from, e.to) != MatrixGeometry::emptyColor());
        ++edges;
    }
    QVERIFY(edges > 20);
    // Every other cell is empty, and looks it.
    int empty = 0;
    for (int i = 0; i < data.stateCount(); ++i) {
        for (int j = 0; j < data.stateCount(); ++j) {
            if (data.edgeIndex(i, j) < 0) {
                QCOMPARE(data.count(i, j), quint64(0));
                QVERIFY(std::isnan(data.value(i, j)));
                QCOMPARE(data.cellColor(i, j), MatrixGeometry::emptyColor());
                ++empty;
            }
        }
    }
    QCOMPARE(empty + edges, data.stateCount() * data.stateCount());
    // The dominant move is brighter (higher on the scale) than a rare one in the same row.
    const int a = report.stateIndex(qs("Stage 3 validate shipping address"));
    const int next = report.stateIndex(qs("Stage 4 review"));
    QVERIFY(a >= 0 && next >= 0);
    QVERIFY(data.probability(a, next) > 0.5);
}

void TestMatrixView::countMode()
{
    EventStore store;
    addHandBuilt(store);
    const AnalysisReport report = analyze(store, AnalysisOptions());
    MatrixView view;
    view.resize(900, 600);
    view.setReport(report);
    QSignalSpy modes(&view, &MatrixView::modeChanged);
    view.setMode(Mode::Count);
    QCOMPARE(modes.count(), 1);
    const int a = report.stateIndex(qs("A"));
    const int b = report.stateIndex(qs("B"));
    const int c = report.stateIndex(qs("C"));
    QCOMPARE(view.data().value(a, b), 3.0);
    QCOMPARE(view.data().value(a, c), 1.0);
    QCOMPARE(view.cellText(a, b), qs("3")); // 4 states: cells are big enough for the value
    QCOMPARE(view.data().low(), 1.0);
    QCOMPARE(view.data().high(), 3.0);
    // The most frequent move takes the top of the scale, the rarest the bottom.
    QCOMPARE(view.data().cellColor(a, b), MatrixGeometry::heatColor(1));
    QCOMPARE(view.data().cellColor(a, c), MatrixGeometry::heatColor(0));
    view.setMode(Mode::Probability);
    QCOMPARE(view.cellText(a, b), qs("0.75"));
}

void TestMatrixView::meanDwellPerEdge()
{
    EventStore store;
    addHandBuilt(store);
    const AnalysisReport report = analyze(store, AnalysisOptions());
    MatrixView view;
    view.resize(900, 600);
    view.setReport(report);
    view.setStore(&store);
    const int a = report.stateIndex(qs("A"));
    const int b = report.stateIndex(qs("B"));
    const int c = report.stateIndex(qs("C"));
    const int d = report.stateIndex(qs("D"));
    // Not walked until the mode is shown.
    QVERIFY(std::isnan(view.data().meanDwellMs(a, b)));
    view.setMode(Mode::MeanDwell);
    QCOMPARE(view.data().meanDwellMs(a, b), 200.0); // (100 + 300 + 200) / 3
    QCOMPARE(view.data().meanDwellMs(b, c), 300.0); // 300 and 300
    QCOMPARE(view.data().meanDwellMs(b, d), 50.0);
    QCOMPARE(view.data().meanDwellMs(a, c), 600.0);
    QCOMPARE(view.data().value(a, c), 600.0);
    QVERIFY(std::isnan(view.data().value(c, a)));
    QCOMPARE(view.cellText(a, b), qs("200 ms"));
    QCOMPARE(view.data().low(), 50.0);
    QCOMPARE(view.data().high(), 600.0);
    QCOMPARE(view.data().cellColor(a, c), MatrixGeometry::heatColor(1));
    // The store's per-state dwell agrees: the stays out of B weigh 300, 50, 300.
    const double meanB = report.states[size_t(b)].dwell.mean;
    QVERIFY(std::abs(meanB - (300 + 50 + 300) / 3.0) < 1e-9);
    // Without a store the mode says so instead of showing stale figures.
    view.setStore(nullptr);
    QVERIFY(std::isnan(view.data().meanDwellMs(a, b)));
    QCOMPARE(view.data().cellColor(a, b), StatePalette::unknown());
}

void TestMatrixView::meanDwellFollowsALiveStore()
{
    EventStore store;
    addHandBuilt(store);
    MatrixView view;
    view.resize(900, 600);
    view.setReport(analyze(store, AnalysisOptions()));
    view.setStore(&store);
    view.setMode(Mode::MeanDwell);
    // A live append: one more A→B stay of 1000 ms; the mean becomes (100 + 300 + 200 + 1000) / 4.
    addPath(store, "e5", 5000, {"A", "B"}, {6000});
    const AnalysisReport report = analyze(store, AnalysisOptions());
    view.setReport(report);
    const int a = report.stateIndex(qs("A"));
    const int b = report.stateIndex(qs("B"));
    // Walked again at most once a second, not per report: the next pass catches up.
    QTRY_COMPARE_WITH_TIMEOUT(view.data().meanDwellMs(a, b), 400.0, 3000);
}

void TestMatrixView::edgeDwellWindow()
{
    EventStore store;
    addHandBuilt(store);
    const ExecutionIndex unknown
        = store.addExecution("u", store.ensureWorkflow("wf"), kUnknownTime, ExecutionStatus::Running);
    store.appendTransition(unknown, store.internState("A"), store.internState("B"), 50, TransitionType::Normal);
    store.appendTransition(unknown, store.internState("B"), store.internState("C"), 1050, TransitionType::Normal);
    const EdgeDwell all = EdgeDwell::compute(store);
    // The first stay of "u" has no known entry and is left out; its second counts.
    QCOMPARE(all.meanMs(qs("A"), qs("B")), 200.0);
    QCOMPARE(all.meanMs(qs("B"), qs("C")), (300 + 300 + 1000) / 3.0);
    QVERIFY(std::isnan(all.meanMs(qs("C"), qs("A"))));
    QVERIFY(std::isnan(all.meanMs(qs("nope"), qs("A"))));
    // A window keeps moves inside it; a move before it still starts the next stay.
    Selection window;
    window.from = 1000;
    const EdgeDwell windowed = EdgeDwell::compute(store, window);
    QVERIFY(std::isnan(windowed.meanMs(qs("B"), qs("D"))));
    QCOMPARE(windowed.meanMs(qs("A"), qs("C")), 600.0);
    QCOMPARE(windowed.meanMs(qs("B"), qs("C")), (300 + 1000) / 2.0);
    QCOMPARE(windowed.transitionCount(), store.transitionCount());
}

void TestMatrixView::toolTips()
{
    EventStore store;
    addHandBuilt(store);
    const AnalysisReport report = analyze(store, AnalysisOptions());
    MatrixView view;
    view.resize(900, 600);
    view.setReport(report);
    const int a = report.stateIndex(qs("A"));
    const int b = report.stateIndex(qs("B"));
    const MatrixGeometry &g = view.geometry();
    const QString cell = view.toolTipAt(center(g.cellRect(a, b)));
    QVERIFY2(cell.startsWith(qs("A → B\n")), qPrintable(cell));
    QVERIFY2(cell.contains(qs("Count: 3")), qPrintable(cell));
    QVERIFY2(cell.contains(qs("Probability: 0.750 (75.0%)")), qPrintable(cell));
    QVERIFY(!cell.contains(qs("Mean dwell")));
    QVERIFY(view.toolTipAt(center(g.cellRect(b, a))).contains(qs("No transitions")));

    view.setStore(&store);
    view.setMode(Mode::MeanDwell);
    QVERIFY(view.toolTipAt(center(g.cellRect(a, b))).contains(qs("Mean dwell before the move: ")));

    // A row label, a bar and a column label describe their state.
    const AnalysisReport::StateRow &rowB = report.states[size_t(b)];
    const QString row = view.toolTipAt(center(g.rowLabelRect(b, view.labelHeight())));
    QVERIFY2(row.startsWith(qs("B\n")), qPrintable(row));
    QVERIFY(row.contains(qs("Steady state π: ") + QString::number(rowB.steadyState, 'f', 4)));
    QVERIFY(row.contains(qs("Time share: ") + MatrixData::percent(rowB.timeShare)));
    QCOMPARE(view.toolTipAt(center(g.barSlot(1, b))), row);
    QCOMPARE(view.toolTipAt(center(g.columnLabelRect(b, view.labelHeight()))), row);
    QVERIFY(view.toolTipAt(center(g.legendRect().adjusted(0, 0, -600, 0))).contains(qs("Mean dwell")));
    QVERIFY(view.toolTipAt(QPoint(2, 2)).isEmpty());
}

void TestMatrixView::clickActivatesCell()
{
    EventStore store;
    addHandBuilt(store);
    const AnalysisReport report = analyze(store, AnalysisOptions());
    MatrixView view;
    view.resize(900, 600);
    view.setReport(report);
    QSignalSpy spy(&view, &MatrixView::cellActivated);
    const int a = report.stateIndex(qs("A"));
    const int c = report.stateIndex(qs("C"));
    QTest::mouseClick(&view, Qt::LeftButton, {}, center(view.geometry().cellRect(a, c)));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), qs("A"));
    QCOMPARE(spy.at(0).at(1).toString(), qs("C"));
    // An empty cell and a label do nothing.
    QTest::mouseClick(&view, Qt::LeftButton, {}, center(view.geometry().cellRect(c, a)));
    QTest::mouseClick(&view, Qt::LeftButton, {}, center(view.geometry().rowLabelRect(a, view.labelHeight())));
    QCOMPARE(spy.count(), 1);
}

void TestMatrixView::paintsCellsWhereGeometrySays()
{
    EventStore store;
    addWorkflow(store, 200, 14, 3);
    const AnalysisReport report = analyze(store, AnalysisOptions());
    MatrixView view;
    view.resize(1200, 800);
    view.setReport(report);
    const QImage image = view.grab().toImage();
    const MatrixGeometry &g = view.geometry();
    for (const AnalysisReport::Edge &e : report.edges) {
        // Away from the grid gap and the centered value text.
        const QPoint p = (g.cellRect(e.from, e.to).topLeft() + QPointF(3, 3)).toPoint();
        QCOMPARE(image.pixelColor(p), view.data().cellColor(e.from, e.to));
    }
    const QPoint empty = (g.cellRect(0, 0).topLeft() + QPointF(3, 3)).toPoint();
    if (view.data().edgeIndex(0, 0) < 0)
        QCOMPARE(image.pixelColor(empty), MatrixGeometry::emptyColor());
}

void TestMatrixView::sixtyStatesLabelsDoNotOverlap()
{
    EventStore store;
    addWorkflow(store, 400, 60, 11);
    const AnalysisReport report = analyze(store, AnalysisOptions());
    QCOMPARE(report.states.size(), size_t(60));
    MatrixView view;
    view.resize(1200, 800);
    view.setReport(report);
    const MatrixGeometry &g = view.geometry();
    const double cell = g.cellSize();
    const int stride = view.labelStride();
    QVERIFY(cell >= 5);
    QVERIFY(stride <= 2); // readable: at least every other name is there
    QCOMPARE(int(view.rowLabels().size()), (60 + stride - 1) / stride);
    QCOMPARE(view.rowLabels().size(), view.columnLabels().size());
    QVERIFY(view.labelHeight() <= stride * cell + 1e-9);
    bool elided = false;
    for (size_t k = 0; k < view.rowLabels().size(); ++k) {
        const MatrixView::Label &row = view.rowLabels()[k];
        const MatrixView::Label &column = view.columnLabels()[k];
        QVERIFY(row.rect.width() <= g.rowLabelWidth() + 0.5);
        QVERIFY(row.rect.left() >= 0);
        QVERIFY(row.rect.right() < g.matrixRect().left());
        QVERIFY(column.rect.height() <= g.columnLabelLength() + 0.5);
        QVERIFY(column.rect.width() <= stride * cell + 1e-9); // the rotated line fits its columns
        QVERIFY(column.rect.top() >= 0);
        QVERIFY(column.rect.bottom() < g.matrixRect().top());
        // A label is its state's name, or that name elided because it did not fit.
        const QString name = report.states[size_t(row.state)].name;
        if (row.text != name) {
            QVERIFY(row.text.contains(QChar(0x2026)));
            QVERIFY(QFontMetricsF(view.font()).horizontalAdvance(name) * g.labelScale() > g.rowLabelWidth() - 2);
            elided = true;
        }
        if (k > 0) {
            QVERIFY(!row.rect.intersects(view.rowLabels()[k - 1].rect));
            QVERIFY(!column.rect.intersects(view.columnLabels()[k - 1].rect));
        }
    }
    QVERIFY(elided); // "Stage 14 verify the customs declaration ..." does not fit
    // Every state can still be named: hovering a row whose label was skipped says which.
    const QString tip = view.toolTipAt(center(g.rowLabelRect(1, view.labelHeight())));
    QVERIFY(tip.startsWith(report.states[1].name + QLatin1Char('\n')));
}

void TestMatrixView::screenshots()
{
    const QString dir = qEnvironmentVariable("MATRIX_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set MATRIX_SCREENSHOT_DIR to write screenshots");
    for (int states : {15, 60}) {
        EventStore store;
        if (states == 15)
            addOrders(store, 2000, 5);
        else
            addWorkflow(store, 600, states, 5);
        const AnalysisReport report = analyze(store, AnalysisOptions());
        MatrixView view;
        view.resize(1200, 800);
        view.setReport(report);
        view.setStore(&store);
        for (Mode mode : {Mode::Probability, Mode::Count, Mode::MeanDwell}) {
            view.setMode(mode);
            const QString name = QStringLiteral("%1/matrix-%2-%3.png").arg(dir).arg(states).arg(int(mode));
            QVERIFY(view.grab().save(name));
        }
        // A small dock.
        view.resize(560, 420);
        QVERIFY(view.grab().save(QStringLiteral("%1/matrix-%2-small.png").arg(dir).arg(states)));
        view.resize(1200, 800);
        // Hover: the cell, its row and column, and both labels light up.
        view.setMode(Mode::Probability);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTest::mouseMove(&view, center(view.geometry().cellRect(3, 5)));
        QVERIFY(view.grab().save(QStringLiteral("%1/matrix-%2-hover.png").arg(dir).arg(states)));
    }
}

QTEST_MAIN(TestMatrixView)
#include "tst_matrixview.moc"
