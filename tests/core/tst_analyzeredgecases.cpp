#include "analyzertestutil.h"
#include "reportjson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace StateScope;
using namespace AnalyzerTest;

class TestAnalyzerEdgeCases : public QObject
{
    Q_OBJECT

private slots:
    void emptyStore();
    void emptyStoreWithDefinition();
    void executionWithoutAnyState();
    void oneStateOnly();
    void cycleWithoutTerminal();
    void stateThatCannotFinish();
    void equalTimestamps();
    void selfMove();
    void injectionShapedName();
    void bottleneckFlagAndSeverity();
};

void TestAnalyzerEdgeCases::emptyStore()
{
    const EventStore store;
    const AnalysisReport r = analyze(store, {});
    QCOMPARE(r.executions, quint64(0));
    QCOMPARE(r.transitions, quint64(0));
    QVERIFY(r.states.empty());
    QVERIFY(r.edges.empty());
    QVERIFY(r.absorption.empty());
    QVERIFY(r.absorptionColumns.isEmpty());
    QVERIFY(r.bottlenecks.empty());
    QVERIFY(r.variants.empty());
    QCOMPARE(r.variantCount, quint64(0));
    QCOMPARE(r.runningExecutions, quint64(0));
    QVERIFY(r.alerts.empty());
    QCOMPARE(r.asOf, kUnknownTime);
    const QJsonObject o = reportToJson(r);
    QCOMPARE(o.value(qs("executions")).toInteger(), qint64(0));
    QVERIFY(o.value(qs("states")).toArray().isEmpty());
    QVERIFY(o.value(qs("transitionMatrix")).toObject().isEmpty());
    QVERIFY(o.value(qs("asOf")).isNull());
    QVERIFY(o.value(qs("recovery")).toObject().value(qs("p95DurationMs")).isNull());
}

void TestAnalyzerEdgeCases::emptyStoreWithDefinition()
{
    const EventStore store;
    StateMachineDefinition d;
    d.name = qs("empty");
    d.initialState = qs("A");
    d.finalStates = {qs("B")};
    d.states = {{qs("A"), qs("Pass")}, {qs("B"), qs("Succeed")}};
    d.transitions = {{qs("t1"), qs("A"), qs("B"), QString(), QString(), 0, false}};
    AnalysisOptions options;
    options.definition = d;
    const AnalysisReport r = analyze(store, options);
    QVERIFY(r.hasDefinition);
    QVERIFY(std::isnan(r.conformanceRate)); // no executions: no rate
    const QJsonObject conformance = reportToJson(r).value(qs("conformance")).toObject();
    QVERIFY(conformance.contains(qs("conformanceRate")));
    QVERIFY(conformance.value(qs("conformanceRate")).isNull()); // NaN -> null
    QVERIFY(conformance.value(qs("invalidTransitions")).toArray().isEmpty());
}

void TestAnalyzerEdgeCases::executionWithoutAnyState()
{
    EventStore store;
    store.addExecution("ghost", store.ensureWorkflow("wf"), 100, ExecutionStatus::Running);
    const AnalysisReport r = analyze(store, {});
    QCOMPARE(r.executions, quint64(1));
    QVERIFY(r.states.empty());
    QCOMPARE(r.runningExecutions, quint64(0));
    QCOMPARE(r.finishedExecutions, quint64(0));
}

void TestAnalyzerEdgeCases::oneStateOnly()
{
    EventStore store;
    addPath(store, store.ensureWorkflow("wf"), "only", 1000, {"Waiting"}, {});
    const AnalysisReport r = analyze(store, {});
    QCOMPARE(r.executions, quint64(1));
    QCOMPARE(r.transitions, quint64(0));
    QCOMPARE(stateNames(r), QStringList {qs("Waiting")});
    QCOMPARE(terminalNames(r), QStringList {qs("Waiting")}); // no outgoing transition
    QCOMPARE(stateRow(r, "Waiting")->steadyState, 1.0); // no transitions: mu0
    QCOMPARE(stateRow(r, "Waiting")->timeShare, 0.0); // dwell unknown
    QCOMPARE(stateRow(r, "Waiting")->dwell.count, quint64(0));
    QCOMPARE(stateRow(r, "Waiting")->executionsInState, quint64(1));
    QVERIFY(r.absorption.empty());
    QVERIFY(r.bottlenecks.empty());
    QCOMPARE(r.finishedExecutions, quint64(1));
    QCOMPARE(r.variants.size(), size_t(1));
    QCOMPARE(r.variants[0].path, QStringList {qs("Waiting")});
    QCOMPARE(r.runningExecutions, quint64(0));
    QCOMPARE(r.asOf, TimeMs(1000));
}

void TestAnalyzerEdgeCases::cycleWithoutTerminal()
{
    EventStore store;
    // A 0..1000, B 1000..2000, A 2000..3000, then in B for good.
    addPath(store, store.ensureWorkflow("wf"), "loop", 0, {"A", "B", "A", "B"}, {1000, 2000, 3000});
    const AnalysisReport r = analyze(store, {});
    QCOMPARE(edge(r, "A", "B")->count, quint64(2));
    QCOMPARE(edge(r, "B", "A")->count, quint64(1));
    QVERIFY(terminalNames(r).isEmpty());
    QVERIFY(stateRow(r, "A")->trapped);
    QVERIFY(stateRow(r, "B")->trapped);
    QCOMPARE(r.trapped, (QStringList {qs("A"), qs("B")}));
    QCOMPARE(r.absorptionColumns, QStringList {qs("(trapped)")});
    QCOMPARE(absorbed(r, "A", "(trapped)"), 1.0);
    QCOMPARE(absorbed(r, "B", "(trapped)"), 1.0);
    QVERIFY(std::isnan(absorptionRow(r, "A")->expectedRemainingSteps));
    QVERIFY(std::isnan(absorptionRow(r, "A")->expectedRemainingMs));
    // A 2-cycle: the time average is half and half.
    QCOMPARE(stateRow(r, "A")->steadyState, 0.5);
    QCOMPARE(stateRow(r, "B")->steadyState, 0.5);
    QCOMPARE(stateRow(r, "A")->dwell.count, quint64(2));
    QCOMPARE(r.variantCount, quint64(0));
    QCOMPARE(r.runningExecutions, quint64(1));
    QVERIFY(std::isnan(r.executionPredictions[0].expectedRemainingMs));
    const QJsonObject a = reportToJson(r).value(qs("absorption")).toObject().value(qs("A")).toObject();
    QCOMPARE(a.value(qs("probabilities")).toObject().value(qs("(trapped)")).toDouble(), 1.0);
    QVERIFY(a.value(qs("expectedRemainingSteps")).isNull());
}

void TestAnalyzerEdgeCases::stateThatCannotFinish()
{
    EventStore store;
    const quint32 w = store.ensureWorkflow("wf");
    addPath(store, w, "ok", 0, {"A", "B", "End"}, {100, 200});
    addPath(store, w, "stuck", 0, {"A", "C", "D", "C"}, {100, 200, 300}); // C <-> D forever
    const AnalysisReport r = analyze(store, {});
    QCOMPARE(terminalNames(r), QStringList {qs("End")});
    QCOMPARE(r.trapped, (QStringList {qs("C"), qs("D")}));
    QVERIFY(!stateRow(r, "A")->trapped);
    QCOMPARE(r.absorptionColumns, (QStringList {qs("End"), qs("(trapped)")}));
    // A: half to B (then End), half into C.
    QCOMPARE(absorbed(r, "A", "End"), 0.5);
    QCOMPARE(absorbed(r, "A", "(trapped)"), 0.5);
    QCOMPARE(absorbed(r, "B", "End"), 1.0);
    QCOMPARE(absorbed(r, "B", "(trapped)"), 0.0);
    QCOMPARE(absorbed(r, "C", "(trapped)"), 1.0);
    QCOMPARE(absorbed(r, "D", "End"), 0.0);
    // Steps from A: 1 + P(A->B) * 1 = 1.5 (the move into C ends the count).
    QCOMPARE(absorptionRow(r, "A")->expectedRemainingSteps, 1.5);
    QVERIFY(std::isnan(absorptionRow(r, "C")->expectedRemainingSteps));
    // Every restart is eventually caught in C <-> D: the long run is there, half each.
    QCOMPARE(stateRow(r, "C")->steadyState, 0.5);
    QCOMPARE(stateRow(r, "D")->steadyState, 0.5);
    QCOMPARE(stateRow(r, "A")->steadyState, 0.0);
    QCOMPARE(r.finishedExecutions, quint64(1));
    const QJsonObject a = reportToJson(r).value(qs("absorption")).toObject().value(qs("A")).toObject();
    QCOMPARE(a.value(qs("probabilities")).toObject().value(qs("(trapped)")).toDouble(), 0.5);
    QCOMPARE(reportToJson(r).value(qs("validation")).toObject().value(qs("trapped")).toArray(),
             (QJsonArray {qs("C"), qs("D")}));
}

void TestAnalyzerEdgeCases::equalTimestamps()
{
    EventStore store;
    // Entered A at 1000 and passed through B to C within the same millisecond.
    addPath(store, store.ensureWorkflow("wf"), "fast", 1000, {"A", "B", "C"}, {1000, 1000});
    const AnalysisReport r = analyze(store, {});
    QCOMPARE(r.transitions, quint64(2));
    QCOMPARE(stateRow(r, "A")->dwell.count, quint64(1));
    QCOMPARE(stateRow(r, "A")->dwell.mean, 0.0);
    QCOMPARE(stateRow(r, "A")->dwell.max, 0.0);
    QCOMPARE(stateRow(r, "B")->dwell.p99, 0.0);
    QCOMPARE(r.variants.size(), size_t(1));
    QCOMPARE(r.variants[0].path, (QStringList {qs("A"), qs("B"), qs("C")})); // arrival order kept
    // No time spent anywhere: shares are 0, not NaN.
    QCOMPARE(stateRow(r, "A")->timeShare, 0.0);
    QCOMPARE(r.bottlenecks.size(), size_t(2));
    for (const AnalysisReport::Bottleneck &b : r.bottlenecks) {
        QCOMPARE(b.share, 0.0);
        QVERIFY(!b.isBottleneck);
        QCOMPARE(b.severity, 0.0);
    }
    QCOMPARE(absorptionRow(r, "A")->expectedRemainingMs, 0.0);
}

void TestAnalyzerEdgeCases::selfMove()
{
    EventStore store;
    // A 0..100, A again (retry) 100..300, then B.
    addPath(store, store.ensureWorkflow("wf"), "retry", 0, {"A", "A", "B"}, {100, 300});
    const AnalysisReport r = analyze(store, {});
    QCOMPARE(r.transitions, quint64(2));
    QCOMPARE(edge(r, "A", "A")->count, quint64(1));
    QCOMPARE(edge(r, "A", "A")->probability, 0.5);
    QCOMPARE(stateRow(r, "A")->dwell.count, quint64(2));
    QCOMPARE(stateRow(r, "A")->dwell.mean, 150.0);
    // Geometric: 1 / (1 - 0.5) = 2 steps from A, 2 * m_A = 300 ms.
    QCOMPARE(absorptionRow(r, "A")->expectedRemainingSteps, 2.0);
    QCOMPARE(absorptionRow(r, "A")->expectedRemainingMs, 300.0);
    QCOMPARE(r.variants[0].path, (QStringList {qs("A"), qs("A"), qs("B")}));
}

void TestAnalyzerEdgeCases::injectionShapedName()
{
    const QByteArray nasty("x'); DROP TABLE state_transitions;--");
    EventStore store;
    addPath(store, store.ensureWorkflow("wf"), "e'1\"", 0, {"Start", nasty, "Done"}, {10, 30});
    const AnalysisReport r = analyze(store, {});
    const QString name = QString::fromUtf8(nasty);
    QCOMPARE(stateNames(r), (QStringList {qs("Start"), name, qs("Done")}));
    const int i = r.stateIndex(name);
    QVERIFY(i >= 0);
    QCOMPARE(r.states[size_t(i)].dwell.mean, 20.0);
    QCOMPARE(r.variants[0].path, (QStringList {qs("Start"), name, qs("Done")}));
    QCOMPARE(r.variants[0].exampleExecution, qs("e'1\""));
    const QJsonObject o = reportToJson(r);
    QCOMPARE(o.value(qs("transitionCounts")).toObject().value(qs("Start")).toObject().value(name).toInteger(),
             qint64(1));
    QCOMPARE(o.value(qs("transitionMatrix")).toObject().value(name).toObject().value(qs("Done")).toDouble(), 1.0);
    QCOMPARE(o.value(qs("states")).toArray().at(1).toString(), name);
}

void TestAnalyzerEdgeCases::bottleneckFlagAndSeverity()
{
    EventStore store;
    const quint32 w = store.ensureWorkflow("wf");
    // Stays X 100, Y 100, Z 400, then T. W never has a completed stay (unknown entry), so
    // k = 3 (X, Y, Z) although W is non-terminal too.
    addPath(store, w, "e1", 0, {"X", "Y", "Z", "T"}, {100, 200, 600});
    addPath(store, w, "e2", kUnknownTime, {"W", "X"}, {50});
    const AnalysisReport r = analyze(store, {});
    QVERIFY(!stateRow(r, "W")->terminal);
    QCOMPARE(r.bottlenecks.size(), size_t(3));
    QVERIFY(!bottleneck(r, "W"));
    // Z: share 400 / 600 = 2/3 >= 2 / k = 2/3 (the boundary counts).
    QCOMPARE(bottleneck(r, "Z")->share, 2.0 / 3.0);
    QVERIFY(bottleneck(r, "Z")->isBottleneck);
    QVERIFY(!bottleneck(r, "X")->isBottleneck);
    // Means 100, 100, 400: mean 200, population variance (100^2 + 100^2 + 200^2) / 3 = 20000,
    // sd 100 sqrt(2) -> severity Z = 200 / 141.42 = sqrt(2), X = Y = -1/sqrt(2).
    QCOMPARE(bottleneck(r, "Z")->severity, std::sqrt(2.0));
    QCOMPARE(bottleneck(r, "X")->severity, -1.0 / std::sqrt(2.0));
    QCOMPARE(r.bottlenecks[0].state, r.stateIndex(qs("Z")));
}

QTEST_GUILESS_MAIN(TestAnalyzerEdgeCases)
#include "tst_analyzeredgecases.moc"
