// Incremental analytics must agree with the full analysis of the same store.
#include "analyzer.h"
#include "dwellhistogram.h"
#include "dwellstatistics.h"
#include "eventstore.h"
#include "liveanalytics.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace StateScope;

class TestLiveAnalytics : public QObject
{
    Q_OBJECT

private slots:
    void histogramPercentiles_data();
    void histogramPercentiles();
    void histogramEdges();
    void incrementalEqualsFullAnalysis();
    void rebuildEqualsIncremental();
};

void TestLiveAnalytics::histogramPercentiles_data()
{
    QTest::addColumn<int>("distribution");
    QTest::newRow("uniform 0..10s") << 0;
    QTest::newRow("exponential mean 8s") << 1;
    QTest::newRow("small integers") << 2;
}

void TestLiveAnalytics::histogramPercentiles()
{
    QFETCH(int, distribution);
    QRandomGenerator rng(17);
    std::vector<qint64> samples;
    DwellHistogram h;
    for (int i = 0; i < 20000; ++i) {
        qint64 v = 0;
        switch (distribution) {
        case 0: v = qint64(rng.bounded(10000)); break;
        case 1: v = qint64(-8000.0 * std::log(1.0 - rng.generateDouble())); break;
        default: v = qint64(rng.bounded(40)); break;
        }
        samples.push_back(v);
        h.add(v);
    }
    std::sort(samples.begin(), samples.end());
    QCOMPARE(h.count(), quint64(samples.size()));
    QCOMPARE(h.max(), double(samples.back()));
    double sum = 0;
    for (qint64 v : samples)
        sum += double(v);
    QVERIFY(std::abs(h.mean() - sum / double(samples.size())) < 1e-6);
    for (double p : {0.5, 0.95, 0.99}) {
        const double exact = percentileOfSorted(samples, p);
        const double approx = h.percentile(p);
        // Within the bucket width (under 1.6%) or one unit for small values.
        QVERIFY2(std::abs(approx - exact) <= std::max(1.0, exact * 0.016),
                 qPrintable(QStringLiteral("p%1: %2 vs %3").arg(p).arg(approx).arg(exact)));
    }
}

void TestLiveAnalytics::histogramEdges()
{
    DwellHistogram h;
    QVERIFY(std::isnan(h.percentile(0.5)));
    QVERIFY(std::isnan(h.mean()));
    h.add(0);
    QCOMPARE(h.percentile(0.99), 0.0);
    h.add(0);
    QCOMPARE(h.mean(), 0.0);
    DwellHistogram big;
    big.add(qint64(40) * 86400000); // a 40-day stay
    QVERIFY(std::abs(big.percentile(0.5) - 40.0 * 86400000) / (40.0 * 86400000) < 0.016);
    h.merge(big);
    QCOMPARE(h.count(), quint64(3));
    QCOMPARE(h.max(), 40.0 * 86400000);
}

// Drives the store and LiveAnalytics the way the feed ingestor does.
static void simulate(EventStore &store, LiveAnalytics *live, int executions, quint32 seed)
{
    QRandomGenerator rng(seed);
    const StateId states[] = {store.internState("new"), store.internState("work"), store.internState("wait"),
                              store.internState("done"), store.internState("failed")};
    const quint32 w = store.ensureWorkflow("w");
    for (int i = 0; i < executions; ++i) {
        const TimeMs start = TimeMs(i) * 100;
        const ExecutionIndex e = store.addExecution(QByteArray("e" + QByteArray::number(i)), w, start, ExecutionStatus::Running);
        StateId current = states[0];
        store.setExecutionInitialState(e, current);
        if (live) {
            live->addFirstState(current);
            live->moveExecution(kNoState, current);
        }
        TimeMs t = start;
        while (current != states[3] && current != states[4]) {
            const qint64 dwell = qint64(rng.bounded(5000));
            const quint32 r = rng.bounded(10);
            StateId next = current == states[0] ? states[1]
                         : current == states[1] ? (r < 6 ? states[3] : r < 8 ? states[2] : states[4])
                                                : states[1];
            if (i % 7 == 0 && next == states[3]) // some executions stay running
                break;
            t += dwell;
            if (live) {
                live->addTransition(current, next, dwell);
                live->moveExecution(current, next);
            }
            store.appendTransition(e, current, next, t, TransitionType::Normal);
            current = next;
        }
    }
}

void TestLiveAnalytics::incrementalEqualsFullAnalysis()
{
    EventStore store;
    LiveAnalytics live;
    simulate(store, &live, 3000, 5);
    const AnalysisReport full = analyze(store, AnalysisOptions());
    QCOMPARE(live.transitions(), full.transitions);
    const MarkovResult &m = live.markov();
    for (const AnalysisReport::Edge &e : full.edges) {
        const StateId from = store.findState(full.states[e.from].name.toUtf8());
        const StateId to = store.findState(full.states[e.to].name.toUtf8());
        QCOMPARE(live.count(from, to), e.count);
    }
    for (const AnalysisReport::StateRow &row : full.states) {
        const StateId s = store.findState(row.name.toUtf8());
        QCOMPARE(live.executionsIn(s), row.executionsInState);
        QCOMPARE(live.dwell(s).count(), row.dwell.count);
        if (row.dwell.count) {
            QVERIFY(std::abs(live.dwell(s).mean() - row.dwell.mean) < 1e-6);
            QVERIFY(std::abs(live.dwell(s).percentile(0.95) - row.dwell.p95) <= std::max(1.0, row.dwell.p95 * 0.016));
        }
        QVERIFY2(std::abs(m.steadyState[s] - row.steadyState) < 1e-9, qPrintable(row.name));
        QVERIFY2(std::abs(m.timeShare[s] - row.timeShare) < 1e-9, qPrintable(row.name));
        QCOMPARE(bool(m.terminal[s]), row.terminal);
    }
}

void TestLiveAnalytics::rebuildEqualsIncremental()
{
    EventStore store;
    LiveAnalytics live;
    simulate(store, &live, 500, 9);
    LiveAnalytics rebuilt;
    rebuilt.markDwellStale();
    rebuilt.rebuild(store);
    QVERIFY(!rebuilt.dwellStale());
    QCOMPARE(rebuilt.transitions(), live.transitions());
    for (StateId s = 0; s < store.stateCount(); ++s) {
        QCOMPARE(rebuilt.executionsIn(s), live.executionsIn(s));
        QCOMPARE(rebuilt.dwell(s).count(), live.dwell(s).count());
        for (StateId t = 0; t < store.stateCount(); ++t)
            QCOMPARE(rebuilt.count(s, t), live.count(s, t));
    }
    QCOMPARE(rebuilt.markov().steadyState, live.markov().steadyState);
}

QTEST_GUILESS_MAIN(TestLiveAnalytics)
#include "tst_liveanalytics.moc"
