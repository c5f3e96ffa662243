#include "analyzertestutil.h"
#include "reportjson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace StateScope;
using namespace AnalyzerTest;

namespace {
// The hand-made workflow (times in ms):
//   e1: entered A at 0,     A->B at 1000,  B->C at 3000    stays A 1000, B 2000
//   e2: entered A at 0,     A->B at 2000,  B->D at 6000    stays A 2000, B 4000
//   e3: entered A at 10000, A->B at 13000, B->C at 14000   stays A 3000, B 1000
// Counts A->B 3, B->C 2, B->D 1; P(B->C) = 2/3, P(B->D) = 1/3; C and D terminal.
// Dwell A {1000, 2000, 3000}: mean 2000; B {1000, 2000, 4000}: mean 7000 / 3.
void addThree(EventStore &store, quint32 w)
{
    addPath(store, w, "e1", 0, {"A", "B", "C"}, {1000, 3000}, ExecutionStatus::Completed);
    addPath(store, w, "e2", 0, {"A", "B", "D"}, {2000, 6000}, ExecutionStatus::Failed);
    addPath(store, w, "e3", 10000, {"A", "B", "C"}, {13000, 14000}, ExecutionStatus::Completed);
}

// addThree plus two running executions:
//   e4: entered A at 20000, A->B at 21000, still in B        (A gains a stay of 1000)
//   e5: entered A at 21500 and never moved, still in A
// Dwell A {1000, 1000, 2000, 3000}: mean 1750, p99 h = 3 * .99 = 2.97 -> 2000 + .97 * 1000 = 2970.
// Dwell B unchanged: mean 7000 / 3, p99 h = 2.97 -> 2000 + .98 * 2000 = 3960 (sorted 1000 2000 4000, h = 1.98).
void addRunning(EventStore &store, quint32 w)
{
    addThree(store, w);
    addPath(store, w, "e4", 20000, {"A", "B"}, {21000}, ExecutionStatus::Running);
    addPath(store, w, "e5", 21500, {"A"}, {}, ExecutionStatus::Running);
}

constexpr double kMeanB = 7000.0 / 3.0;
} // namespace

class TestAnalyzer : public QObject
{
    Q_OBJECT

private slots:
    void countsAndMatrix();
    void dwell_data();
    void dwell();
    void steadyStateAndTimeShare();
    void absorption();
    void variants();
    void variantsCapKeepsOrder();
    void bottlenecksOfThree();
    void predictions();
    void asOfDefaultsToLatestEvent();
    void stuckAlerts_data();
    void stuckAlerts();
    void jsonHasEverySpecKey();
    void jsonNumbersAndNulls();
};

void TestAnalyzer::countsAndMatrix()
{
    EventStore store;
    addThree(store, store.ensureWorkflow("wf"));
    const AnalysisReport r = analyze(store, {});
    QCOMPARE(r.executions, quint64(3));
    QCOMPARE(r.transitions, quint64(6));
    // Breadth-first from the first state A, busiest edge first: A, B, C (2), D (1).
    QCOMPARE(stateNames(r), (QStringList {qs("A"), qs("B"), qs("C"), qs("D")}));
    QCOMPARE(terminalNames(r), (QStringList {qs("C"), qs("D")}));
    QCOMPARE(r.edges.size(), size_t(3));
    QCOMPARE(edge(r, "A", "B")->count, quint64(3));
    QCOMPARE(edge(r, "A", "B")->probability, 1.0);
    QCOMPARE(edge(r, "B", "C")->count, quint64(2));
    QCOMPARE(edge(r, "B", "C")->probability, 2.0 / 3.0);
    QCOMPARE(edge(r, "B", "D")->count, quint64(1));
    QCOMPARE(edge(r, "B", "D")->probability, 1.0 / 3.0);
    QVERIFY(!edge(r, "A", "C"));
    for (size_t i = 1; i < r.edges.size(); ++i) // sorted by (from, to)
        QVERIFY(std::pair(r.edges[i - 1].from, r.edges[i - 1].to) < std::pair(r.edges[i].from, r.edges[i].to));
    QVERIFY(r.trapped.isEmpty());
    QCOMPARE(r.staysWithUnknownEntry, quint64(0));
    QCOMPARE(r.negativeStays, quint64(0));
}

void TestAnalyzer::dwell_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<quint64>("count");
    QTest::addColumn<double>("mean");
    QTest::addColumn<double>("p50");
    QTest::addColumn<double>("p95");
    QTest::addColumn<double>("p99");
    QTest::addColumn<double>("max");

    // A {1000, 2000, 3000}: p95 h = 2 * .95 = 1.9 -> 2000 + .9 * 1000; p99 h = 1.98 -> 2980
    QTest::newRow("A") << qs("A") << quint64(3) << 2000.0 << 2000.0 << 2900.0 << 2980.0 << 3000.0;
    // B {1000, 2000, 4000}: p95 -> 2000 + .9 * 2000 = 3800; p99 -> 2000 + .98 * 2000 = 3960
    QTest::newRow("B") << qs("B") << quint64(3) << kMeanB << 2000.0 << 3800.0 << 3960.0 << 4000.0;
}

void TestAnalyzer::dwell()
{
    QFETCH(QString, state);
    QFETCH(quint64, count);
    QFETCH(double, mean);
    QFETCH(double, p50);
    QFETCH(double, p95);
    QFETCH(double, p99);
    QFETCH(double, max);
    EventStore store;
    addThree(store, store.ensureWorkflow("wf"));
    const AnalysisReport r = analyze(store, {});
    const DwellStats &d = r.states[size_t(r.stateIndex(state))].dwell;
    QCOMPARE(d.count, count);
    QCOMPARE(d.mean, mean);
    QCOMPARE(d.p50, p50);
    QCOMPARE(d.p95, p95);
    QCOMPARE(d.p99, p99);
    QCOMPARE(d.max, max);
    // Terminal states are never left: no completed stays.
    QCOMPARE(stateRow(r, "C")->dwell.count, quint64(0));
    QVERIFY(std::isnan(stateRow(r, "D")->dwell.mean));
}

void TestAnalyzer::steadyStateAndTimeShare()
{
    EventStore store;
    addThree(store, store.ensureWorkflow("wf"));
    const AnalysisReport r = analyze(store, {});
    // Regenerative chain: A->B, B->C 2/3, B->D 1/3, C and D restart at A. Visits per cycle:
    // A 1, B 1, C 2/3, D 1/3 (sum 3) -> 1/3, 1/3, 2/9, 1/9.
    QCOMPARE(stateRow(r, "A")->steadyState, 1.0 / 3.0);
    QCOMPARE(stateRow(r, "B")->steadyState, 1.0 / 3.0);
    QCOMPARE(stateRow(r, "C")->steadyState, 2.0 / 9.0);
    QCOMPARE(stateRow(r, "D")->steadyState, 1.0 / 9.0);
    // Time share pi m: A 2000 / 3, B 7000 / 9, C and D unknown dwell -> 0. A : B = 6 : 7.
    QCOMPARE(stateRow(r, "A")->timeShare, 6.0 / 13.0);
    QCOMPARE(stateRow(r, "B")->timeShare, 7.0 / 13.0);
    QCOMPARE(stateRow(r, "C")->timeShare, 0.0);
}

void TestAnalyzer::absorption()
{
    EventStore store;
    addThree(store, store.ensureWorkflow("wf"));
    const AnalysisReport r = analyze(store, {});
    QCOMPARE(r.absorptionColumns, (QStringList {qs("C"), qs("D")}));
    QCOMPARE(r.absorption.size(), size_t(2)); // A and B only
    QCOMPARE(absorbed(r, "A", "C"), 2.0 / 3.0);
    QCOMPARE(absorbed(r, "A", "D"), 1.0 / 3.0);
    QCOMPARE(absorbed(r, "B", "C"), 2.0 / 3.0);
    QCOMPARE(absorptionRow(r, "A")->expectedRemainingSteps, 2.0); // A->B->end
    QCOMPARE(absorptionRow(r, "B")->expectedRemainingSteps, 1.0);
    QCOMPARE(absorptionRow(r, "A")->expectedRemainingMs, 2000.0 + kMeanB); // m_A + m_B
    QCOMPARE(absorptionRow(r, "B")->expectedRemainingMs, kMeanB);
    QVERIFY(!absorptionRow(r, "C"));
}

void TestAnalyzer::variants()
{
    EventStore store;
    const quint32 w = store.ensureWorkflow("wf");
    // The A,C pair comes first in the store, so path text (not arrival) must break the tie.
    addPath(store, w, "v1", 0, {"A", "C"}, {10});
    addPath(store, w, "v2", 0, {"A", "C"}, {20});
    addPath(store, w, "v3", 0, {"A", "B", "C"}, {10, 20});
    addPath(store, w, "v4", 0, {"A", "B", "C"}, {10, 30});
    addPath(store, w, "v5", 0, {"A", "D"}, {5});
    addPath(store, w, "v6", 0, {"A", "B"}, {10}); // still in B: not finished
    addPath(store, w, "v7", 0, {"A", "B", "A", "C"}, {1, 2, 3}); // a loop is its own variant
    const AnalysisReport r = analyze(store, {});
    QCOMPARE(r.finishedExecutions, quint64(6));
    QCOMPARE(r.variantCount, quint64(4));
    QCOMPARE(r.variants.size(), size_t(4));
    // 2, 2 (ties: "A B C" < "A C" by text), then 1, 1 ("A B A C" < "A D").
    QCOMPARE(r.variants[0].path, (QStringList {qs("A"), qs("B"), qs("C")}));
    QCOMPARE(r.variants[0].count, quint64(2));
    QCOMPARE(r.variants[0].exampleExecution, qs("v3"));
    QCOMPARE(r.variants[1].path, (QStringList {qs("A"), qs("C")}));
    QCOMPARE(r.variants[1].count, quint64(2));
    QCOMPARE(r.variants[1].exampleExecution, qs("v1"));
    QCOMPARE(r.variants[2].path, (QStringList {qs("A"), qs("B"), qs("A"), qs("C")}));
    QCOMPARE(r.variants[2].count, quint64(1));
    QCOMPARE(r.variants[3].path, (QStringList {qs("A"), qs("D")}));
    QCOMPARE(r.variants[3].exampleExecution, qs("v5"));
}

void TestAnalyzer::variantsCapKeepsOrder()
{
    EventStore store;
    const quint32 w = store.ensureWorkflow("wf");
    addPath(store, w, "v1", 0, {"A", "C"}, {10});
    addPath(store, w, "v2", 0, {"A", "C"}, {20});
    addPath(store, w, "v3", 0, {"A", "B", "C"}, {10, 20});
    addPath(store, w, "v4", 0, {"A", "B", "C"}, {10, 30});
    addPath(store, w, "v5", 0, {"A", "D"}, {5});
    AnalysisOptions options;
    options.maxVariants = 1; // the cut falls inside a tie: the text order decides
    const AnalysisReport r = analyze(store, options);
    QCOMPARE(r.variantCount, quint64(3));
    QCOMPARE(r.variants.size(), size_t(1));
    QCOMPARE(r.variants[0].path, (QStringList {qs("A"), qs("B"), qs("C")}));
    options.maxVariants = 0;
    QVERIFY(analyze(store, options).variants.empty());
}

void TestAnalyzer::bottlenecksOfThree()
{
    EventStore store;
    addThree(store, store.ensureWorkflow("wf"));
    const AnalysisReport r = analyze(store, {});
    // k = 2 (A, B). Shares: A 6000 / 13000, B 7000 / 13000, both below 2 / k = 1.
    // Means 2000 and 7000/3: mean of means 6500/3, population sd 500/3 -> severity -1, +1.
    QCOMPARE(r.bottlenecks.size(), size_t(2));
    QCOMPARE(r.bottlenecks[0].state, r.stateIndex(qs("B"))); // largest share first
    QCOMPARE(bottleneck(r, "A")->share, 6.0 / 13.0);
    QCOMPARE(bottleneck(r, "B")->share, 7.0 / 13.0);
    QCOMPARE(bottleneck(r, "B")->meanMs, kMeanB);
    QVERIFY(!bottleneck(r, "A")->isBottleneck);
    QVERIFY(!bottleneck(r, "B")->isBottleneck);
    QCOMPARE(bottleneck(r, "A")->severity, -1.0);
    QCOMPARE(bottleneck(r, "B")->severity, 1.0);
    QVERIFY(!bottleneck(r, "C")); // terminal states are no bottlenecks
}

void TestAnalyzer::predictions()
{
    EventStore store;
    addRunning(store, store.ensureWorkflow("wf"));
    AnalysisOptions options;
    options.asOf = 22500;
    const AnalysisReport r = analyze(store, options);
    QCOMPARE(r.asOf, TimeMs(22500));
    QCOMPARE(r.executions, quint64(5));
    QCOMPARE(r.runningExecutions, quint64(2));
    QCOMPARE(stateRow(r, "A")->executionsInState, quint64(1)); // e5
    QCOMPARE(stateRow(r, "B")->executionsInState, quint64(1)); // e4
    QCOMPARE(stateRow(r, "C")->executionsInState, quint64(2)); // e1, e3
    QCOMPARE(stateRow(r, "D")->executionsInState, quint64(1)); // e2
    QCOMPARE(stateRow(r, "A")->dwell.mean, 1750.0); // open stays are not counted

    // Longest in state first: e4 in B for 22500 - 21000 = 1500, e5 in A for 22500 - 21500 = 1000.
    QCOMPARE(r.executionPredictions.size(), size_t(2));
    const AnalysisReport::ExecutionPrediction &p4 = r.executionPredictions[0];
    QCOMPARE(p4.executionId, qs("e4"));
    QCOMPARE(p4.state, r.stateIndex(qs("B")));
    QCOMPARE(p4.inStateMs, 1500.0);
    QCOMPARE(p4.expectedRemainingMs, kMeanB - 1500.0); // E[ms from B] = m_B, minus time spent
    const AnalysisReport::ExecutionPrediction &p5 = r.executionPredictions[1];
    QCOMPARE(p5.executionId, qs("e5"));
    QCOMPARE(p5.inStateMs, 1000.0);
    QCOMPARE(p5.expectedRemainingMs, 1750.0 + kMeanB - 1000.0); // m_A + m_B - spent

    QCOMPARE(r.statePredictions.size(), size_t(2));
    const AnalysisReport::StatePrediction *inB = nullptr;
    for (const auto &p : r.statePredictions) {
        QVERIFY(!r.states[size_t(p.state)].terminal);
        if (p.state == r.stateIndex(qs("B")))
            inB = &p;
    }
    QVERIFY(inB);
    QCOMPARE(inB->running, quint64(1));
    QCOMPARE(inB->next.size(), size_t(2));
    for (const auto &[to, prob] : inB->next)
        QCOMPARE(prob, r.states[size_t(to)].name == qs("C") ? 2.0 / 3.0 : 1.0 / 3.0);
    QCOMPARE(inB->outcomes.size(), size_t(2)); // columns C, D
    QCOMPARE(inB->outcomes[0], 2.0 / 3.0);
    QCOMPARE(inB->outcomes[1], 1.0 / 3.0);
    QCOMPARE(inB->expectedRemainingMs, kMeanB);
}

void TestAnalyzer::asOfDefaultsToLatestEvent()
{
    EventStore store;
    addRunning(store, store.ensureWorkflow("wf"));
    const AnalysisReport r = analyze(store, {});
    // Latest event: e5's entry at 21500 (after e4's move at 21000).
    QCOMPARE(r.asOf, TimeMs(21500));
    QCOMPARE(r.executionPredictions[0].executionId, qs("e4"));
    QCOMPARE(r.executionPredictions[0].inStateMs, 500.0);
    QCOMPARE(r.executionPredictions[1].inStateMs, 0.0);
    QVERIFY(r.alerts.empty());
}

void TestAnalyzer::stuckAlerts_data()
{
    QTest::addColumn<qint64>("asOf");
    QTest::addColumn<double>("limit");
    QTest::addColumn<QStringList>("targets");
    QTest::addColumn<QStringList>("severities");

    // p99: A 2970, B 3960. e4 in B since 21000, e5 in A since 21500.
    QTest::newRow("none yet") << qint64(23000) << 0.0 << QStringList() << QStringList();
    // e4 5000 > 3960 (< 7920); e5 4500 > 2970 (< 5940)
    QTest::newRow("both over p99") << qint64(26000) << 0.0 << QStringList {qs("e4"), qs("e5")}
                                   << QStringList {qs("warning"), qs("warning")};
    // e4 9000 > 2 * 3960; e5 8500 > 2 * 2970
    QTest::newRow("critical") << qint64(30000) << 0.0 << QStringList {qs("e4"), qs("e5")}
                              << QStringList {qs("critical"), qs("critical")};
    // e4 only: 1500 > configured 1000 (< 2000); e5 1000 is not over 1000
    QTest::newRow("configured limit") << qint64(22500) << 1000.0 << QStringList {qs("e4")}
                                      << QStringList {qs("warning")};
    // 1500 > 2 * 700 -> critical; e5 1000 > 700 but < 1400 -> warning
    QTest::newRow("limit critical") << qint64(22500) << 700.0 << QStringList {qs("e4"), qs("e5")}
                                    << QStringList {qs("critical"), qs("warning")};
}

void TestAnalyzer::stuckAlerts()
{
    QFETCH(qint64, asOf);
    QFETCH(double, limit);
    QFETCH(QStringList, targets);
    QFETCH(QStringList, severities);
    EventStore store;
    addRunning(store, store.ensureWorkflow("wf"));
    AnalysisOptions options;
    options.asOf = asOf;
    options.stuckLimitMs = limit;
    const AnalysisReport r = analyze(store, options);
    QStringList gotTargets, gotSeverities;
    for (const AnalysisReport::Alert &a : r.alerts) {
        QCOMPARE(a.kind, qs("stuck_execution"));
        gotTargets.append(a.target);
        gotSeverities.append(a.severity);
    }
    QCOMPARE(gotTargets, targets);
    QCOMPARE(gotSeverities, severities);
}

void TestAnalyzer::jsonHasEverySpecKey()
{
    EventStore store;
    addRunning(store, store.ensureWorkflow("wf"));
    AnalysisOptions options;
    options.sourceLabel = qs("hand-made");
    const QJsonObject o = reportToJson(analyze(store, options));
    const char *keys[]
        = {"source",           "executions",   "transitions", "states",     "terminal",   "transitionCounts",
           "transitionMatrix", "steadyState",  "timeShare",   "absorption", "dwellMs",    "bottlenecks",
           "variants",         "variantCount", "conformance", "validation", "prediction", "checkpoints",
           "recovery",         "consistency",  "alerts"};
    for (const char *key : keys)
        QVERIFY2(o.contains(qs(key)), key);
    const char *validation[] = {"unreachable", "deadlocks", "trapped", "nonDeterministic", "missingErrorHandling"};
    for (const char *key : validation)
        QVERIFY2(o.value(qs("validation")).toObject().contains(qs(key)), key);
    const char *checkpoints[] = {"total", "verified", "corrupted", "unverifiable"};
    for (const char *key : checkpoints)
        QVERIFY2(o.value(qs("checkpoints")).toObject().contains(qs(key)), key);
    const char *recovery[] = {"attempts", "successes", "successRate", "meanDurationMs", "p95DurationMs"};
    for (const char *key : recovery)
        QVERIFY2(o.value(qs("recovery")).toObject().contains(qs(key)), key);
    const char *dwell[] = {"count", "mean", "p50", "p95", "p99", "max"};
    for (const char *key : dwell)
        QVERIFY2(o.value(qs("dwellMs")).toObject().value(qs("A")).toObject().contains(qs(key)), key);
}

void TestAnalyzer::jsonNumbersAndNulls()
{
    EventStore store;
    addThree(store, store.ensureWorkflow("wf"));
    AnalysisOptions options;
    options.sourceLabel = qs("hand-made");
    const QJsonObject o = reportToJson(analyze(store, options));
    QCOMPARE(o.value(qs("source")).toString(), qs("hand-made"));
    QCOMPARE(o.value(qs("executions")).toInteger(), qint64(3));
    QCOMPARE(o.value(qs("transitions")).toInteger(), qint64(6));
    QCOMPARE(o.value(qs("states")).toArray().size(), 4);
    QCOMPARE(o.value(qs("terminal")).toArray(), (QJsonArray {qs("C"), qs("D")}));
    QCOMPARE(o.value(qs("transitionCounts")).toObject().value(qs("A")).toObject().value(qs("B")).toInteger(),
             qint64(3));
    QCOMPARE(o.value(qs("transitionMatrix")).toObject().value(qs("B")).toObject().value(qs("D")).toDouble(), 1.0 / 3);
    QVERIFY(!o.value(qs("transitionMatrix")).toObject().contains(qs("C"))); // terminal rows omitted
    QCOMPARE(o.value(qs("steadyState")).toObject().value(qs("C")).toDouble(), 2.0 / 9);
    const QJsonObject absorptionA = o.value(qs("absorption")).toObject().value(qs("A")).toObject();
    QCOMPARE(absorptionA.value(qs("probabilities")).toObject().value(qs("D")).toDouble(), 1.0 / 3);
    QCOMPARE(o.value(qs("dwellMs")).toObject().value(qs("A")).toObject().value(qs("p95")).toDouble(), 2900.0);
    QCOMPARE(o.value(qs("variantCount")).toInteger(), qint64(2));
    QCOMPARE(o.value(qs("variants")).toArray().first().toObject().value(qs("count")).toInteger(), qint64(2));
    // NaN -> null: a terminal state's dwell, a success rate without attempts, no definition.
    const QJsonObject dwellC = o.value(qs("dwellMs")).toObject().value(qs("C")).toObject();
    QVERIFY(dwellC.value(qs("mean")).isNull());
    QVERIFY(dwellC.value(qs("p99")).isNull());
    QCOMPARE(dwellC.value(qs("count")).toInteger(), qint64(0));
    QVERIFY(o.value(qs("recovery")).toObject().value(qs("successRate")).isNull());
    QVERIFY(o.value(qs("recovery")).toObject().value(qs("meanDurationMs")).isNull());
    QVERIFY(o.value(qs("conformance")).isNull());
    QVERIFY(o.value(qs("alerts")).toArray().isEmpty());
    QVERIFY(o.value(qs("consistency")).toObject().isEmpty());
}

QTEST_GUILESS_MAIN(TestAnalyzer)
#include "tst_analyzer.moc"
