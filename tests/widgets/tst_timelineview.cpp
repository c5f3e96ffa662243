// TimelineView offscreen over real stores: lanes, bands, tooltips, the "as of" cursor, live
// appends, follow-live, selection, zoom and pan; TimelineLanes' incremental updates against
// rebuilds from scratch.
#include "eventstore.h"
#include "statepalette.h"
#include "timelinelanes.h"
#include "timelineview.h"

#include <QSignalSpy>
#include <QTest>
#include <QWheelEvent>

#include <algorithm>
#include <random>

using namespace StateScope;

namespace {

constexpr TimeMs kBase = 1700000000000;

ExecutionIndex addPath(EventStore &store, const char *id, TimeMs entry, const QList<QByteArray> &states,
                       const QList<TimeMs> &times, ExecutionStatus status)
{
    const ExecutionIndex e = store.addExecution(id, kNoIndex, entry, status);
    if (times.isEmpty())
        store.setExecutionInitialState(e, store.internState(states.first()));
    for (qsizetype i = 0; i < times.size(); ++i) {
        store.appendTransition(e, store.internState(states[i]), store.internState(states[i + 1]), times[i],
                               TransitionType::Normal);
    }
    return e;
}

// a: queued 1 s, validating 2.5 s, processing 3.5 s, completed (finished at +8 s)
// b: queued 2 s, then validating from +5 s on (running)
// c: queued 1 s, failed at +7 s
struct Fixture
{
    EventStore store;
    ExecutionIndex a = 0;
    ExecutionIndex b = 0;
    ExecutionIndex c = 0;
    Fixture()
    {
        a = addPath(store, "exec-a", kBase + 1000, {"queued", "validating", "processing", "completed"},
                    {kBase + 2000, kBase + 4500, kBase + 8000}, ExecutionStatus::Completed);
        b = addPath(store, "exec-b", kBase + 3000, {"queued", "validating"}, {kBase + 5000}, ExecutionStatus::Running);
        c = addPath(store, "exec-c", kBase + 6000, {"queued", "failed"}, {kBase + 7000}, ExecutionStatus::Failed);
    }
};

// Shown, so that sizes are final before positions are asked for.
void showView(TimelineView &view, const EventStore *store, QSize size = QSize(1200, 600))
{
    view.resize(size);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setStore(store);
}

QColor pixel(TimelineView &view, QPoint p)
{
    return view.grab().toImage().pixelColor(p);
}

void sendWheel(QWidget *w, QPoint pos, int delta, Qt::KeyboardModifiers modifiers)
{
    QWheelEvent e(QPointF(pos), QPointF(w->mapToGlobal(pos)), QPoint(), QPoint(0, delta), Qt::NoButton, modifiers,
                  Qt::NoScrollPhase, false);
    QApplication::sendEvent(w, &e);
}

void sendMouse(QWidget *w, QEvent::Type type, QPoint pos, Qt::MouseButton button, Qt::MouseButtons buttons)
{
    QMouseEvent e(type, QPointF(pos), QPointF(w->mapToGlobal(pos)), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(w, &e);
}

} // namespace

class TstTimelineView : public QObject
{
    Q_OBJECT
private slots:
    void lanesAndBands();
    void toolTips();
    void paintsStateColors();
    void aggregateCounts();
    void aggregateOfManyStays();
    void asOfHidesLaterBands();
    void appendsShowNewBands();
    void followLiveMovesRange();
    void clickSelectsLane();
    void dragPansAndWheelZooms();
    void keysZoomPanAndFit();
    void scrollsThroughManyLanes();
    void resetKeepsSelectionById();
    void incrementalMatchesRebuild();
    void screenshots();
};

void TstTimelineView::lanesAndBands()
{
    Fixture f;
    TimelineView view;
    showView(view, &f.store);
    QCOMPARE(view.laneCount(), 3);
    QCOMPARE(view.bandCount(f.a), 4);
    QCOMPARE(view.bandCount(f.b), 2);
    QCOMPARE(view.bandCount(f.c), 2);
    // Oldest first, top to bottom.
    QVERIFY(view.pointAt(f.a, kBase).y() < view.pointAt(f.b, kBase).y());
    QVERIFY(view.pointAt(f.b, kBase).y() < view.pointAt(f.c, kBase).y());
    QCOMPARE(view.executionAt(view.pointAt(f.c, kBase + 6500)), f.c);
    // Fitted: all the data is in view.
    QVERIFY(view.geometry().visibleStart() <= double(kBase + 1000));
    QVERIFY(view.geometry().visibleEnd() >= double(kBase + 8000));
    view.setStore(nullptr);
    QCOMPARE(view.laneCount(), 0);
}

void TstTimelineView::toolTips()
{
    Fixture f;
    TimelineView view;
    showView(view, &f.store);
    const QString closed = view.toolTipAt(view.pointAt(f.a, kBase + 3000));
    QVERIFY2(closed.contains(QStringLiteral("exec-a")), qPrintable(closed));
    QVERIFY2(closed.contains(QStringLiteral("State: validating")), qPrintable(closed));
    QVERIFY2(closed.contains(QStringLiteral("Dwell: 2.5 s")), qPrintable(closed));
    QVERIFY2(!closed.contains(QStringLiteral("still there")), qPrintable(closed));

    const QString open = view.toolTipAt(view.pointAt(f.b, kBase + 6000));
    QVERIFY2(open.contains(QStringLiteral("State: validating")), qPrintable(open));
    QVERIFY2(open.contains(QStringLiteral("still there")), qPrintable(open));
    QVERIFY2(open.contains(QStringLiteral("3.0 s so far")), qPrintable(open)); // "now" = latest event, +8 s

    const QString final = view.toolTipAt(view.pointAt(f.a, kBase + 8000));
    QVERIFY2(final.contains(QStringLiteral("State: completed")), qPrintable(final));
    QVERIFY2(final.contains(QStringLiteral("Final state")), qPrintable(final));

    // After a finished execution's end there is nothing; over the aggregate lane, counts.
    QVERIFY(view.toolTipAt(view.pointAt(f.c, kBase + 7600)).isEmpty());
    const QPoint overAggregate(view.pointAt(f.a, kBase + 5500).x(), view.geometry().aggregateRect().center().y());
    const QString aggregate = view.toolTipAt(overAggregate);
    QVERIFY2(aggregate.contains(QStringLiteral("processing: 1.00")), qPrintable(aggregate));
    QVERIFY2(aggregate.contains(QStringLiteral("validating: 1.00")), qPrintable(aggregate));
}

void TstTimelineView::paintsStateColors()
{
    Fixture f;
    TimelineView view;
    showView(view, &f.store);
    QCOMPARE(pixel(view, view.pointAt(f.a, kBase + 3000)).rgb(),
             StatePalette::color(QStringLiteral("validating")).rgb());
    QCOMPARE(pixel(view, view.pointAt(f.a, kBase + 6000)).rgb(),
             StatePalette::color(QStringLiteral("processing")).rgb());
    QCOMPARE(pixel(view, view.pointAt(f.c, kBase + 6500)).rgb(), StatePalette::color(QStringLiteral("queued")).rgb());
    QVERIFY(pixel(view, view.pointAt(f.c, kBase + 7600)).rgb() != StatePalette::color(QStringLiteral("failed")).rgb());
}

void TstTimelineView::aggregateCounts()
{
    Fixture f;
    TimelineLanes lanes;
    lanes.reset(&f.store);
    const TimelineAggregate &agg = lanes.aggregate();
    const StateId queued = f.store.findState("queued");
    const StateId validating = f.store.findState("validating");
    const StateId completed = f.store.findState("completed");
    QCOMPARE(agg.countAt(queued, double(kBase + 1500)), qint64(1));
    QCOMPARE(agg.countAt(queued, double(kBase + 3500)), qint64(1)); // b
    QCOMPARE(agg.countAt(queued, double(kBase + 6500)), qint64(1)); // c
    QCOMPARE(agg.countAt(validating, double(kBase + 9000)), qint64(1)); // b stays: running
    QCOMPARE(agg.countAt(completed, double(kBase + 9000)), qint64(0)); // finished: not in flight
    // Over [+2.5 s, +4.5 s) only b is queued, from +3 s: 1.5 s of 2.
    QCOMPARE(agg.meanCount(queued, double(kBase + 2500), double(kBase + 4500)), 0.75);
    QCOMPARE(agg.meanCount(validating, double(kBase + 2000), double(kBase + 6000)), 0.875);
    // A lane of buckets in one walk gives the same means as one search per bucket.
    std::vector<double> bounds;
    for (double t = double(kBase); t < double(kBase + 10000); t += 333.3)
        bounds.push_back(t);
    for (StateId s = 0; s < f.store.stateCount(); ++s) {
        std::vector<float> means(bounds.size() - 1, -1.0f);
        agg.meanCounts(s, bounds, means.data(), 1);
        for (size_t i = 0; i + 1 < bounds.size(); ++i) {
            const double expected = agg.isEmpty(s) ? -1.0 : agg.meanCount(s, bounds[i], bounds[i + 1]);
            QVERIFY2(qAbs(means[i] - expected) < 1e-6, qPrintable(QStringLiteral("state %1 bucket %2").arg(s).arg(i)));
        }
    }
}

void TstTimelineView::aggregateOfManyStays()
{
    // 150,000 stays over ~11 days (the bulk path sorts them by radix): counts at any time
    // equal a direct count of the stays covering it.
    std::mt19937_64 rng(5);
    TimelineAggregate agg;
    agg.clear();
    std::vector<TimeMs> starts;
    std::vector<TimeMs> ends;
    for (int i = 0; i < 150000; ++i) {
        const TimeMs from = kBase + TimeMs(rng() % 1000000000);
        const TimeMs to = from + TimeMs(rng() % 5000000);
        agg.addStay(3, from, to);
        starts.push_back(from);
        ends.push_back(to);
    }
    agg.prepare();
    std::sort(starts.begin(), starts.end());
    std::sort(ends.begin(), ends.end());
    for (int i = 0; i < 2000; ++i) {
        const double t = double(kBase + TimeMs(rng() % 1010000000));
        const qint64 expected = (std::upper_bound(starts.begin(), starts.end(), TimeMs(t)) - starts.begin())
            - (std::upper_bound(ends.begin(), ends.end(), TimeMs(t)) - ends.begin());
        QCOMPARE(agg.countAt(3, t), expected);
    }
    // The mean over everything is the total stay time over the span.
    double total = 0;
    for (size_t i = 0; i < starts.size(); ++i)
        total += double(ends[i] - starts[i]);
    const double span = double(ends.back() - starts.front());
    QVERIFY(qAbs(agg.meanCount(3, double(starts.front()), double(ends.back())) - total / span) < 1e-6);
}

void TstTimelineView::asOfHidesLaterBands()
{
    Fixture f;
    TimelineView view;
    showView(view, &f.store);
    const QColor processing = StatePalette::color(QStringLiteral("processing"));
    QCOMPARE(pixel(view, view.pointAt(f.a, kBase + 6000)).rgb(), processing.rgb());
    view.setAsOf(kBase + 3500);
    QCOMPARE(view.laneCount(), 2); // c had not begun
    QCOMPARE(view.bandCount(f.a), 2);
    QCOMPARE(view.pointAt(f.c, kBase + 6500), QPoint(-1, -1));
    QVERIFY(view.toolTipAt(view.pointAt(f.a, kBase + 6000)).isEmpty());
    QVERIFY(pixel(view, view.pointAt(f.a, kBase + 6000)).rgb() != processing.rgb());
    const QString tip = view.toolTipAt(view.pointAt(f.a, kBase + 3000));
    QVERIFY2(tip.contains(QStringLiteral("still there")) && tip.contains(QStringLiteral("1.5 s so far")),
             qPrintable(tip));
    QCOMPARE(pixel(view, view.pointAt(f.a, kBase + 3000)).rgb(),
             StatePalette::color(QStringLiteral("validating")).rgb());
    view.setAsOf(kUnknownTime);
    QCOMPARE(view.laneCount(), 3);
    QCOMPARE(view.bandCount(f.a), 4);
}

void TstTimelineView::appendsShowNewBands()
{
    Fixture f;
    TimelineView view;
    showView(view, &f.store);
    f.store.appendTransition(f.b, f.store.findState("validating"), f.store.internState("processing"), kBase + 9000,
                             TransitionType::Normal);
    const ExecutionIndex d
        = addPath(f.store, "exec-d", kBase + 8500, {"queued", "validating"}, {kBase + 9500}, ExecutionStatus::Running);
    view.storeChanged(false);
    QCOMPARE(view.laneCount(), 4);
    QCOMPARE(view.bandCount(f.b), 3);
    QCOMPARE(view.bandCount(d), 2);
    view.zoomToFit();
    const QString tip = view.toolTipAt(view.pointAt(f.b, kBase + 9300));
    QVERIFY2(tip.contains(QStringLiteral("State: processing")) && tip.contains(QStringLiteral("still there")),
             qPrintable(tip));
    QCOMPARE(pixel(view, view.pointAt(f.b, kBase + 9300)).rgb(),
             StatePalette::color(QStringLiteral("processing")).rgb());
    // b's validating stay is over now: left at +9 s after 4 s.
    const QString left = view.toolTipAt(view.pointAt(f.b, kBase + 7000));
    QVERIFY2(left.contains(QStringLiteral("Dwell: 4.0 s")), qPrintable(left));
}

void TstTimelineView::followLiveMovesRange()
{
    Fixture f;
    TimelineView view;
    showView(view, &f.store);
    QSignalSpy followSpy(&view, &TimelineView::followLiveChanged);
    view.setFollowLive(true);
    QCOMPARE(followSpy.count(), 1);
    QVERIFY(view.geometry().visibleEnd() < double(kBase + 60000));
    // Until the user zooms, the span grows with the data: all of it stays in view.
    f.store.appendTransition(f.b, f.store.findState("validating"), f.store.internState("processing"), kBase + 60000,
                             TransitionType::Normal);
    view.storeChanged(false);
    QVERIFY(view.geometry().visibleEnd() >= double(kBase + 60000));
    QVERIFY(view.geometry().xToTime(view.geometry().plotLeft()) <= double(kBase));
    QVERIFY(qAbs(view.geometry().timeToX(double(kBase + 60000))
                 - (view.geometry().plotRight() - TimelineGeometry::kFollowMargin))
            < 1.0);
    // Once the user chose a span, following keeps it and only slides.
    view.zoomIn();
    QVERIFY(view.followLive());
    const double scale = view.geometry().msPerPixel();
    f.store.appendTransition(f.b, f.store.findState("processing"), f.store.internState("done"), kBase + 70000,
                             TransitionType::Normal);
    view.storeChanged(false);
    QCOMPARE(view.geometry().msPerPixel(), scale);
    QVERIFY(qAbs(view.geometry().timeToX(double(kBase + 70000))
                 - (view.geometry().plotRight() - TimelineGeometry::kFollowMargin))
            < 1.0);
    // Panning by hand stops following.
    QTest::keyClick(&view, Qt::Key_Left);
    QVERIFY(!view.followLive());
    QCOMPARE(followSpy.count(), 2);
    QCOMPARE(followSpy.last().at(0).toBool(), false);
}

void TstTimelineView::clickSelectsLane()
{
    Fixture f;
    TimelineView view;
    showView(view, &f.store);
    QSignalSpy spy(&view, &TimelineView::executionSelected);
    QTest::mouseClick(&view, Qt::LeftButton, Qt::NoModifier, view.pointAt(f.b, kBase + 4000));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<ExecutionIndex>(), f.b);
    QCOMPARE(view.selectedExecution(), f.b);
    // The label in the gutter selects too; the aggregate lane does not.
    QTest::mouseClick(&view, Qt::LeftButton, Qt::NoModifier, QPoint(10, view.pointAt(f.c, kBase).y()));
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).value<ExecutionIndex>(), f.c);
    QTest::mouseClick(&view, Qt::LeftButton, Qt::NoModifier, view.geometry().aggregateRect().center());
    QCOMPARE(spy.count(), 2);
}

void TstTimelineView::dragPansAndWheelZooms()
{
    Fixture f;
    TimelineView view;
    showView(view, &f.store);
    for (int i = 0; i < 3; ++i)
        view.zoomIn();
    const TimelineGeometry &g = view.geometry();
    const double start = g.visibleStart();
    const double scale = g.msPerPixel();
    QSignalSpy spy(&view, &TimelineView::executionSelected);
    const QPoint from = view.pointAt(f.a, kBase + 4000);
    sendMouse(&view, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    sendMouse(&view, QEvent::MouseMove, from + QPoint(60, 0), Qt::NoButton, Qt::LeftButton);
    sendMouse(&view, QEvent::MouseMove, from + QPoint(100, 0), Qt::NoButton, Qt::LeftButton);
    sendMouse(&view, QEvent::MouseButtonRelease, from + QPoint(100, 0), Qt::LeftButton, Qt::NoButton);
    QCOMPARE(spy.count(), 0); // a drag is not a click
    QVERIFY(qAbs(g.visibleStart() - (start - 100 * scale)) < 1e-6);

    // Ctrl+wheel zooms around the cursor: the time under it stays put.
    const QPoint at(700, 300);
    const double t = g.xToTime(at.x());
    sendWheel(&view, at, 120, Qt::ControlModifier);
    QVERIFY(g.msPerPixel() < scale);
    QVERIFY(qAbs(g.xToTime(at.x()) - t) < 1e-3);
    // A plain wheel over three lanes scrolls nothing (they fit) and keeps the range.
    const double zoomed = g.msPerPixel();
    sendWheel(&view, at, -120, Qt::NoModifier);
    QCOMPARE(g.msPerPixel(), zoomed);
}

void TstTimelineView::keysZoomPanAndFit()
{
    Fixture f;
    TimelineView view;
    showView(view, &f.store);
    const TimelineGeometry &g = view.geometry();
    const double fitted = g.msPerPixel();
    QTest::keyClick(&view, Qt::Key_Plus);
    QVERIFY(qAbs(g.msPerPixel() - fitted / 1.5) < 1e-9);
    const double start = g.visibleStart();
    QTest::keyClick(&view, Qt::Key_Right);
    QVERIFY(g.visibleStart() > start);
    QTest::keyClick(&view, Qt::Key_Minus);
    QTest::keyClick(&view, Qt::Key_Minus);
    QVERIFY(g.msPerPixel() > fitted);
    QTest::keyClick(&view, Qt::Key_Home);
    QVERIFY(qAbs(g.msPerPixel() - fitted) < 1e-9);
}

void TstTimelineView::scrollsThroughManyLanes()
{
    EventStore store;
    std::vector<ExecutionIndex> executions;
    for (int i = 0; i < 300; ++i) {
        const QByteArray id = "order-" + QByteArray::number(i);
        executions.push_back(addPath(store, id.constData(), kBase + i * 1000, {"queued", "done"},
                                     {kBase + i * 1000 + 500}, ExecutionStatus::Completed));
    }
    TimelineView view;
    showView(view, &store, QSize(1000, 500));
    QCOMPARE(view.laneCount(), 300);
    const TimelineGeometry &g = view.geometry();
    QCOMPARE(g.scrollY(), 0);
    sendWheel(&view, QPoint(500, 300), -120, Qt::NoModifier);
    QCOMPARE(g.scrollY(), 3 * g.laneStride());
    view.setSelectedExecution(executions[250]);
    const QPoint p = view.pointAt(executions[250], kBase + 250 * 1000 + 100);
    QVERIFY(g.lanesRect().contains(p));
    QCOMPARE(view.executionAt(p), executions[250]);
    const QString tip = view.toolTipAt(p);
    QVERIFY2(tip.contains(QStringLiteral("order-250")), qPrintable(tip));
    QTest::keyClick(&view, Qt::Key_End);
    QCOMPARE(g.scrollY(), g.maxScrollY(300));
}

void TstTimelineView::resetKeepsSelectionById()
{
    Fixture f;
    TimelineView view;
    showView(view, &f.store);
    view.setSelectedExecution(f.c);
    // Evicting a renumbers c.
    std::vector<bool> evict(f.store.executionCount(), false);
    evict[f.a] = true;
    f.store.evictExecutions(evict);
    view.storeChanged(true);
    QCOMPARE(view.laneCount(), 2);
    QCOMPARE(view.selectedExecution(), f.store.findExecution("exec-c"));
    QVERIFY(view.selectedExecution() != f.c);
}

void TstTimelineView::incrementalMatchesRebuild()
{
    std::mt19937 rng(42);
    EventStore store;
    for (int s = 0; s < 8; ++s)
        store.internState(QByteArray("s" + QByteArray::number(s)));
    TimelineLanes incremental;
    incremental.reset(&store);
    TimeMs clock = kBase;
    std::vector<TimeMs> last; // per execution: its latest transition time
    for (int batch = 0; batch < 40; ++batch) {
        const int newExecutions = int(rng() % 6);
        for (int i = 0; i < newExecutions; ++i) {
            clock += 1 + rng() % 50;
            const QByteArray id = "x" + QByteArray::number(store.executionCount());
            const bool entryKnown = rng() % 5 != 0;
            const auto status = rng() % 4 == 0 ? ExecutionStatus::Unknown : ExecutionStatus::Running;
            const ExecutionIndex e = store.addExecution(id, kNoIndex, entryKnown ? clock : kUnknownTime, status);
            if (rng() % 4 == 0)
                store.setExecutionInitialState(e, StateId(rng() % 8));
            last.push_back(clock);
        }
        const int transitions = store.executionCount() ? int(rng() % 30) : 0;
        for (int i = 0; i < transitions; ++i) {
            const ExecutionIndex e = ExecutionIndex(rng() % store.executionCount());
            clock += rng() % 40;
            // Mostly in order; sometimes late (earlier than the execution's last event).
            const TimeMs t = rng() % 10 == 0 ? last[e] - TimeMs(rng() % 300) : clock;
            last[e] = qMax(last[e], t);
            store.appendTransition(e, StateId(rng() % 8), StateId(rng() % 8), t, TransitionType::Normal);
        }
        for (int i = 0; i < 3 && store.executionCount(); ++i) { // some finish, some go unknown
            const ExecutionIndex e = ExecutionIndex(rng() % store.executionCount());
            store.setExecutionStatus(e, rng() % 3 == 0 ? ExecutionStatus::Unknown : ExecutionStatus::Completed);
        }
        incremental.update(store);
        TimelineLanes rebuilt;
        rebuilt.reset(&store);
        QCOMPARE(incremental.rowCount(), rebuilt.rowCount());
        for (size_t row = 0; row < rebuilt.rowCount(); ++row)
            QCOMPARE(incremental.executionAt(row), rebuilt.executionAt(row));
        for (ExecutionIndex e = 0; e < store.executionCount(); ++e) {
            const auto &x = incremental.bands(e);
            const auto &y = rebuilt.bands(e);
            QCOMPARE(x.size(), y.size());
            for (size_t i = 0; i < x.size(); ++i) {
                QCOMPARE(x[i].start, y[i].start);
                QCOMPARE(x[i].state, y[i].state);
            }
            QCOMPARE(incremental.isOpen(e), rebuilt.isOpen(e));
        }
        QCOMPARE(incremental.dataStart(), rebuilt.dataStart());
        QCOMPARE(incremental.dataEnd(), rebuilt.dataEnd());
        for (StateId s = 0; s < 8; ++s) {
            for (TimeMs t = kBase; t <= clock + 100; t += 37) {
                QCOMPARE(incremental.aggregate().countAt(s, double(t)), rebuilt.aggregate().countAt(s, double(t)));
                const double a = incremental.aggregate().meanCount(s, double(t), double(t) + 123.5);
                const double b = rebuilt.aggregate().meanCount(s, double(t), double(t) + 123.5);
                QVERIFY2(qAbs(a - b) < 1e-9,
                         qPrintable(QStringLiteral("batch %1 state %2 t %3: %4 vs %5")
                                        .arg(batch)
                                        .arg(s)
                                        .arg(t - kBase)
                                        .arg(a)
                                        .arg(b)));
            }
        }
    }
    QVERIFY(incremental.rowCount() > 50);
}

void TstTimelineView::screenshots()
{
    const QString dir = qEnvironmentVariable("STATESCOPE_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("set STATESCOPE_SCREENSHOTS to a directory to write screenshots");
    // An order workflow: ~200 orders over 10 minutes, 12 states.
    static const char *const kStates[]
        = {"created", "payment_pending", "payment_authorized", "fraud_review",   "picking",   "packing",
           "shipped", "in_transit",      "delivered",          "payment_failed", "cancelled", "returned"};
    EventStore store;
    std::mt19937 rng(7);
    auto uniform = [&rng](int lo, int hi) {
        return lo + int(rng() % quint32(hi - lo + 1));
    };
    const TimeMs start = kBase;
    const TimeMs end = start + 600000;
    for (int i = 0; i < 200; ++i) {
        TimeMs t = start + TimeMs(i) * 3000 + uniform(0, 2500);
        const QByteArray id = QByteArray("ord-") + QByteArray::number(48213 + i);
        const ExecutionIndex e = store.addExecution(id, kNoIndex, t, ExecutionStatus::Running);
        int s = 0;
        QList<int> path {0};
        const int roll = uniform(0, 99);
        path << 1;
        if (roll < 8) {
            path << 9;
        } else if (roll < 12) {
            path << 10;
        } else {
            path << 2;
            if (roll < 30)
                path << 3;
            path << 4 << 5 << 6 << 7 << 8;
            if (roll > 94)
                path << 11;
        }
        static const int kDwell[][2]
            = {{500, 3000},   {2000, 20000},   {1000, 5000}, {10000, 60000}, {15000, 60000}, {10000, 40000},
               {3000, 10000}, {40000, 120000}, {0, 0},       {0, 0},         {0, 0},         {0, 0}};
        for (int k = 1; k < path.size(); ++k) {
            t += uniform(kDwell[s][0], kDwell[s][1]);
            if (t > end)
                break;
            store.appendTransition(e, store.internState(kStates[s]), store.internState(kStates[path[k]]), t,
                                   TransitionType::Normal);
            s = path[k];
        }
        if (s >= 8)
            store.setExecutionStatus(e,
                                     s == 8 || s == 11
                                         ? ExecutionStatus::Completed
                                         : (s == 9 ? ExecutionStatus::Failed : ExecutionStatus::Cancelled));
        if (store.transitionCountOf(e) == 0)
            store.setExecutionInitialState(e, store.internState(kStates[0]));
    }
    TimelineView view;
    showView(view, &store, QSize(1200, 800));
    view.setSelectedExecution(store.findExecution("ord-48230"));
    QVERIFY(view.grab().save(dir + QStringLiteral("/timeline_out.png")));
    for (int i = 0; i < 4; ++i)
        view.zoomIn();
    view.ensureVisible(store.findExecution("ord-48300"));
    QVERIFY(view.grab().save(dir + QStringLiteral("/timeline_in.png")));
    view.zoomToFit();
    view.setAsOf(start + 420000);
    QVERIFY(view.grab().save(dir + QStringLiteral("/timeline_asof.png")));
}

QTEST_MAIN(TstTimelineView)
#include "tst_timelineview.moc"
